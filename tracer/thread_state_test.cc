// Table-driven tests for the pure per-thread state machine: for every
// (state, stop, detaching) that matters, the next state, how the engine must
// resume the thread, which signal it re-injects and what it reports.
#include "tracer/thread_state.h"

#include <signal.h>
#include <sys/ptrace.h>

#include <ostream>
#include <string>

#include "gtest/gtest.h"
#include "tracer/wait_status.h"

namespace ttrace {
namespace {

using S = ThreadState;
using A = Action;
using R = Report;

const char* ActionName(Action a) {
  switch (a) {
    case Action::kNone:
      return "none";
    case Action::kResume:
      return "resume";
    case Action::kListen:
      return "listen";
    case Action::kDetach:
      return "detach";
  }
  return "?";
}

const char* ReportName(Report r) {
  switch (r) {
    case Report::kNothing:
      return "nothing";
    case Report::kExit:
      return "exit";
    case Report::kSignal:
      return "signal";
    case Report::kStop:
      return "stop";
    case Report::kCont:
      return "cont";
    case Report::kClone:
      return "clone";
    case Report::kExec:
      return "exec";
    case Report::kExitPrepare:
      return "exit-prepare";
  }
  return "?";
}

// Raw statuses, as the kernel encodes them.
const int kExited0 = MakeExitedStatus(0);
const int kExited3 = MakeExitedStatus(3);
const int kKilled = MakeKilledStatus(SIGKILL, false);
const int kKilledCore = MakeKilledStatus(SIGSEGV, true);
const int kSigUsr1 = MakeSignalStopStatus(SIGUSR1);
const int kSigStop = MakeSignalStopStatus(SIGSTOP);
const int kSigTrap = MakeSignalStopStatus(SIGTRAP);
const int kGroupStop = MakeEventStopStatus(PTRACE_EVENT_STOP, SIGSTOP);
const int kGroupTstp = MakeEventStopStatus(PTRACE_EVENT_STOP, SIGTSTP);
const int kGroupTtin = MakeEventStopStatus(PTRACE_EVENT_STOP, SIGTTIN);
const int kTrap = MakeEventStopStatus(PTRACE_EVENT_STOP, SIGTRAP);
const int kClone = MakeEventStopStatus(PTRACE_EVENT_CLONE);
const int kFork = MakeEventStopStatus(PTRACE_EVENT_FORK);
const int kVfork = MakeEventStopStatus(PTRACE_EVENT_VFORK);
const int kVforkDone = MakeEventStopStatus(PTRACE_EVENT_VFORK_DONE);
const int kExec = MakeEventStopStatus(PTRACE_EVENT_EXEC);
const int kExitEv = MakeEventStopStatus(PTRACE_EVENT_EXIT);
const int kSeccomp = MakeEventStopStatus(PTRACE_EVENT_SECCOMP);
const int kSyscall = MakeSyscallStopStatus();

struct Row {
  const char* name;
  ThreadState state;
  int status;
  bool detaching;
  // Expected.
  ThreadState next;
  Action action;
  int signo;
  Report report;
};

void PrintTo(const Row& r, std::ostream* os) { *os << r.name; }

class StepTest : public testing::TestWithParam<Row> {};

TEST_P(StepTest, Transition) {
  const Row& r = GetParam();
  const StopInfo stop = ClassifyWaitStatus(r.status);
  const Transition t = Step(r.state, stop, r.detaching);
  EXPECT_EQ(t.next, r.next) << "got " << ThreadStateName(t.next) << ", want "
                            << ThreadStateName(r.next);
  EXPECT_EQ(t.action, r.action)
      << "got " << ActionName(t.action) << ", want " << ActionName(r.action);
  EXPECT_EQ(t.signo, r.signo);
  EXPECT_EQ(t.report, r.report)
      << "got " << ReportName(t.report) << ", want " << ReportName(r.report);
}

// Death: from any state the thread is gone, nothing to resume, one exit
// report (detaching or not).
INSTANTIATE_TEST_SUITE_P(
    Death, StepTest,
    testing::Values(Row{"running_exited", S::kRunning, kExited0, false,
                        S::kGone, A::kNone, 0, R::kExit},
                    Row{"running_killed", S::kRunning, kKilled, false, S::kGone,
                        A::kNone, 0, R::kExit},
                    Row{"exiting_exited", S::kExiting, kExited3, false,
                        S::kGone, A::kNone, 0, R::kExit},
                    Row{"exiting_killed_core", S::kExiting, kKilledCore, false,
                        S::kGone, A::kNone, 0, R::kExit},
                    Row{"group_stopped_killed", S::kGroupStopped, kKilled,
                        false, S::kGone, A::kNone, 0, R::kExit},
                    Row{"first_stop_pending_killed", S::kFirstStopPending,
                        kKilled, false, S::kGone, A::kNone, 0, R::kExit},
                    Row{"detaching_running_exited", S::kRunning, kExited0, true,
                        S::kGone, A::kNone, 0, R::kExit},
                    Row{"detaching_exiting_killed", S::kExiting, kKilled, true,
                        S::kGone, A::kNone, 0, R::kExit}),
    [](const testing::TestParamInfo<Row>& i) {
      return std::string(i.param.name);
    });

// Signal-delivery-stops: reported, and the signal re-injected so the tracee
// loses none (a genuine SIGTRAP and SIGSTOP included).
INSTANTIATE_TEST_SUITE_P(
    Signals, StepTest,
    testing::Values(Row{"sigusr1", S::kRunning, kSigUsr1, false, S::kRunning,
                        A::kResume, SIGUSR1, R::kSignal},
                    Row{"sigstop", S::kRunning, kSigStop, false, S::kRunning,
                        A::kResume, SIGSTOP, R::kSignal},
                    Row{"sigtrap", S::kRunning, kSigTrap, false, S::kRunning,
                        A::kResume, SIGTRAP, R::kSignal}),
    [](const testing::TestParamInfo<Row>& i) {
      return std::string(i.param.name);
    });

// Group-stops: the first report of a group-stop becomes a stop event and the
// thread LISTENs (job control keeps working); a re-trap while still
// group-stopped reports nothing; the trap that ends it reports cont.
INSTANTIATE_TEST_SUITE_P(
    GroupStop, StepTest,
    testing::Values(Row{"running_group_stop", S::kRunning, kGroupStop, false,
                        S::kGroupStopped, A::kListen, 0, R::kStop},
                    Row{"running_group_tstp", S::kRunning, kGroupTstp, false,
                        S::kGroupStopped, A::kListen, 0, R::kStop},
                    Row{"running_group_ttin", S::kRunning, kGroupTtin, false,
                        S::kGroupStopped, A::kListen, 0, R::kStop},
                    Row{"first_stop_is_group_stop", S::kFirstStopPending,
                        kGroupStop, false, S::kGroupStopped, A::kListen, 0,
                        R::kStop},
                    Row{"group_stopped_retrap", S::kGroupStopped, kGroupStop,
                        false, S::kGroupStopped, A::kListen, 0, R::kNothing},
                    Row{"group_stopped_retrap_other_signal", S::kGroupStopped,
                        kGroupTstp, false, S::kGroupStopped, A::kListen, 0,
                        R::kNothing},
                    Row{"group_stopped_trap_is_cont", S::kGroupStopped, kTrap,
                        false, S::kRunning, A::kResume, 0, R::kCont}),
    [](const testing::TestParamInfo<Row>& i) {
      return std::string(i.param.name);
    });

// Trap-stops outside a group-stop: the new thread's first stop or our
// PTRACE_INTERRUPT. Nothing to report; resume without a signal.
INSTANTIATE_TEST_SUITE_P(
    Traps, StepTest,
    testing::Values(Row{"first_stop", S::kFirstStopPending, kTrap, false,
                        S::kRunning, A::kResume, 0, R::kNothing},
                    Row{"interrupt", S::kRunning, kTrap, false, S::kRunning,
                        A::kResume, 0, R::kNothing},
                    Row{"exiting_trap_stays_exiting", S::kExiting, kTrap, false,
                        S::kExiting, A::kResume, 0, R::kNothing}),
    [](const testing::TestParamInfo<Row>& i) {
      return std::string(i.param.name);
    });

// ptrace events.
INSTANTIATE_TEST_SUITE_P(
    Events, StepTest,
    testing::Values(Row{"clone", S::kRunning, kClone, false, S::kRunning,
                        A::kResume, 0, R::kClone},
                    Row{"fork", S::kRunning, kFork, false, S::kRunning,
                        A::kResume, 0, R::kClone},
                    Row{"vfork", S::kRunning, kVfork, false, S::kRunning,
                        A::kResume, 0, R::kClone},
                    Row{"vfork_done", S::kRunning, kVforkDone, false,
                        S::kRunning, A::kResume, 0, R::kNothing},
                    Row{"exec", S::kRunning, kExec, false, S::kRunning,
                        A::kResume, 0, R::kExec},
                    Row{"exit_event", S::kRunning, kExitEv, false, S::kExiting,
                        A::kResume, 0, R::kExitPrepare},
                    Row{"seccomp", S::kRunning, kSeccomp, false, S::kRunning,
                        A::kResume, 0, R::kNothing},
                    Row{"syscall_stop", S::kRunning, kSyscall, false,
                        S::kRunning, A::kResume, 0, R::kNothing},
                    Row{"unknown_event", S::kRunning, MakeEventStopStatus(0x42),
                        false, S::kRunning, A::kResume, 0, R::kNothing}),
    [](const testing::TestParamInfo<Row>& i) {
      return std::string(i.param.name);
    });

// Detaching: every stop ends in PTRACE_DETACH (the thread is gone from the
// table), a pending signal is re-injected through the detach, and what the
// stop means is still reported, once.
INSTANTIATE_TEST_SUITE_P(
    Detaching, StepTest,
    testing::Values(
        Row{"signal_reinjected", S::kRunning, kSigUsr1, true, S::kGone,
            A::kDetach, SIGUSR1, R::kSignal},
        Row{"sigstop_reinjected", S::kRunning, kSigStop, true, S::kGone,
            A::kDetach, SIGSTOP, R::kSignal},
        Row{"interrupt_trap", S::kRunning, kTrap, true, S::kGone, A::kDetach, 0,
            R::kNothing},
        Row{"first_stop", S::kFirstStopPending, kTrap, true, S::kGone,
            A::kDetach, 0, R::kNothing},
        // Our PTRACE_INTERRUPT of a LISTENing thread re-traps it with the
        // stop signal: the group-stop was reported already.
        Row{"group_stopped_no_double_report", S::kGroupStopped, kGroupStop,
            true, S::kGone, A::kDetach, 0, R::kNothing},
        Row{"new_group_stop", S::kRunning, kGroupTstp, true, S::kGone,
            A::kDetach, 0, R::kStop},
        Row{"group_stopped_cont", S::kGroupStopped, kTrap, true, S::kGone,
            A::kDetach, 0, R::kCont},
        Row{"clone", S::kRunning, kClone, true, S::kGone, A::kDetach, 0,
            R::kClone},
        Row{"exec", S::kRunning, kExec, true, S::kGone, A::kDetach, 0,
            R::kExec},
        Row{"exit_event", S::kRunning, kExitEv, true, S::kGone, A::kDetach, 0,
            R::kExitPrepare},
        Row{"syscall_stop", S::kRunning, kSyscall, true, S::kGone, A::kDetach,
            0, R::kNothing}),
    [](const testing::TestParamInfo<Row>& i) {
      return std::string(i.param.name);
    });

TEST(ThreadStateTest, Names) {
  EXPECT_STREQ(ThreadStateName(ThreadState::kFirstStopPending),
               "first-stop-pending");
  EXPECT_STREQ(ThreadStateName(ThreadState::kRunning), "running");
  EXPECT_STREQ(ThreadStateName(ThreadState::kGroupStopped), "group-stopped");
  EXPECT_STREQ(ThreadStateName(ThreadState::kExiting), "exiting");
  EXPECT_STREQ(ThreadStateName(ThreadState::kGone), "gone");
}

}  // namespace
}  // namespace ttrace
