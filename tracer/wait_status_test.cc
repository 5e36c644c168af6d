// Tests for ClassifyWaitStatus: every StopKind, from statuses built by the
// Make* factories and from kernel encodings written out by hand, so that a
// mistake in a factory cannot hide the same mistake in the classifier.
//
// The kernel's encodings (include/uapi/linux/wait.h, kernel/exit.c,
// kernel/ptrace.c):
//   exited:            (code << 8)
//   killed:            signo | 0x80 if a core was dumped
//   stopped:           (signo << 8) | 0x7f
//   ptrace event stop: (event << 16) | (SIGTRAP << 8) | 0x7f
//   PTRACE_EVENT_STOP: (PTRACE_EVENT_STOP << 16) | (signo << 8) | 0x7f, where
//                      signo is the stop signal for a group-stop and SIGTRAP
//                      otherwise
//   syscall stop:      ((SIGTRAP | 0x80) << 8) | 0x7f with TRACESYSGOOD
#include "tracer/wait_status.h"

#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include <string>

#include "gtest/gtest.h"

namespace ttrace {
namespace {

// PTRACE_EVENT_* values from <linux/ptrace.h>, spelled out so the hand-made
// encodings below do not depend on the same headers as the code under test.
constexpr int kEventFork = 1;
constexpr int kEventVfork = 2;
constexpr int kEventClone = 3;
constexpr int kEventExec = 4;
constexpr int kEventVforkDone = 5;
constexpr int kEventExit = 6;
constexpr int kEventSeccomp = 7;
constexpr int kEventStop = 128;

TEST(WaitStatusTest, EventConstantsMatchTheSystemHeaders) {
  EXPECT_EQ(kEventFork, PTRACE_EVENT_FORK);
  EXPECT_EQ(kEventVfork, PTRACE_EVENT_VFORK);
  EXPECT_EQ(kEventClone, PTRACE_EVENT_CLONE);
  EXPECT_EQ(kEventExec, PTRACE_EVENT_EXEC);
  EXPECT_EQ(kEventVforkDone, PTRACE_EVENT_VFORK_DONE);
  EXPECT_EQ(kEventExit, PTRACE_EVENT_EXIT);
  EXPECT_EQ(kEventSeccomp, PTRACE_EVENT_SECCOMP);
  EXPECT_EQ(kEventStop, PTRACE_EVENT_STOP);
}

// ---------------------------------------------------------------------------
// The factories produce exactly the kernel's encodings.

TEST(WaitStatusTest, FactoriesMatchKernelEncodings) {
  EXPECT_EQ(MakeExitedStatus(0), 0x0000);
  EXPECT_EQ(MakeExitedStatus(1), 0x0100);
  EXPECT_EQ(MakeExitedStatus(255), 0xff00);
  EXPECT_EQ(MakeKilledStatus(SIGKILL, false), 0x09);
  EXPECT_EQ(MakeKilledStatus(SIGSEGV, true), 0x8b);
  EXPECT_EQ(MakeSignalStopStatus(SIGSTOP), 0x137f);
  EXPECT_EQ(MakeSignalStopStatus(SIGUSR1), 0x0a7f);
  EXPECT_EQ(MakeSignalStopStatus(SIGTRAP), 0x057f);
  EXPECT_EQ(MakeEventStopStatus(kEventClone), 0x3057f);
  EXPECT_EQ(MakeEventStopStatus(kEventExec), 0x4057f);
  EXPECT_EQ(MakeEventStopStatus(kEventExit), 0x6057f);
  EXPECT_EQ(MakeEventStopStatus(kEventStop, SIGSTOP), 0x80137f);
  EXPECT_EQ(MakeEventStopStatus(kEventStop, SIGTRAP), 0x80057f);
  EXPECT_EQ(MakeSyscallStopStatus(), 0x857f);
}

TEST(WaitStatusTest, FactoriesAgreeWithLibcMacros) {
  EXPECT_TRUE(WIFEXITED(MakeExitedStatus(42)));
  EXPECT_EQ(WEXITSTATUS(MakeExitedStatus(42)), 42);
  EXPECT_TRUE(WIFSIGNALED(MakeKilledStatus(SIGABRT, true)));
  EXPECT_EQ(WTERMSIG(MakeKilledStatus(SIGABRT, true)), SIGABRT);
  EXPECT_TRUE(WCOREDUMP(MakeKilledStatus(SIGABRT, true)));
  EXPECT_FALSE(WCOREDUMP(MakeKilledStatus(SIGABRT, false)));
  EXPECT_TRUE(WIFSTOPPED(MakeSignalStopStatus(SIGUSR2)));
  EXPECT_EQ(WSTOPSIG(MakeSignalStopStatus(SIGUSR2)), SIGUSR2);
  EXPECT_TRUE(WIFSTOPPED(MakeEventStopStatus(kEventStop, SIGTTIN)));
  EXPECT_EQ(WSTOPSIG(MakeEventStopStatus(kEventStop, SIGTTIN)), SIGTTIN);
}

// ---------------------------------------------------------------------------
// Classification, table-driven over hand-written raw statuses.

struct Case {
  const char* name;
  int raw;
  StopKind kind;
  int code;
  int signo;
  bool core;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class ClassifyTest : public testing::TestWithParam<Case> {};

TEST_P(ClassifyTest, Classifies) {
  const Case& c = GetParam();
  const StopInfo s = ClassifyWaitStatus(c.raw);
  EXPECT_EQ(s.kind, c.kind)
      << "got " << StopKindName(s.kind) << ", want " << StopKindName(c.kind);
  EXPECT_EQ(s.code, c.code);
  EXPECT_EQ(s.signo, c.signo);
  EXPECT_EQ(s.core, c.core);
  EXPECT_EQ(s.raw, c.raw);
}

INSTANTIATE_TEST_SUITE_P(
    KernelEncodings, ClassifyTest,
    testing::Values(
        // exit(0), exit(1), exit(255).
        Case{"exited_0", 0x0000, StopKind::kExited, 0, 0, false},
        Case{"exited_1", 0x0100, StopKind::kExited, 1, 0, false},
        Case{"exited_255", 0xff00, StopKind::kExited, 255, 0, false},
        // Killed by SIGKILL (9), by SIGTERM (15); SIGSEGV (11) with a core.
        Case{"killed_sigkill", 0x0009, StopKind::kKilled, 0, SIGKILL, false},
        Case{"killed_sigterm", 0x000f, StopKind::kKilled, 0, SIGTERM, false},
        Case{"killed_sigsegv_core", 0x008b, StopKind::kKilled, 0, SIGSEGV,
             true},
        Case{"killed_sigabrt_core", 0x0086, StopKind::kKilled, 0, SIGABRT,
             true},
        // Signal-delivery-stops: (sig << 8) | 0x7f, no event.
        Case{"delivery_sigstop", 0x137f, StopKind::kSignalDelivery, 0, SIGSTOP,
             false},
        Case{"delivery_sigusr1", 0x0a7f, StopKind::kSignalDelivery, 0, SIGUSR1,
             false},
        Case{"delivery_sigtstp", 0x147f, StopKind::kSignalDelivery, 0, SIGTSTP,
             false},
        Case{"delivery_sigchld", 0x117f, StopKind::kSignalDelivery, 0, SIGCHLD,
             false},
        // A genuine SIGTRAP (e.g. int3, raise(SIGTRAP)) is a signal to
        // deliver, not an event: it must not be swallowed.
        Case{"delivery_sigtrap", 0x057f, StopKind::kSignalDelivery, 0, SIGTRAP,
             false},
        // A real-time signal (SIGRTMIN+2 on glibc: 36 = 0x24).
        Case{"delivery_rt", 0x247f, StopKind::kSignalDelivery, 0, 36, false},
        // Syscall-stop with PTRACE_O_TRACESYSGOOD: SIGTRAP|0x80 = 0x85.
        Case{"syscall_stop", 0x857f, StopKind::kSyscallStop, 0, 0, false},
        // Group-stops under PTRACE_SEIZE: PTRACE_EVENT_STOP (0x80) with the
        // stopping signal.
        Case{"group_stop_sigstop", 0x80137f, StopKind::kGroupStop, 0, SIGSTOP,
             false},
        Case{"group_stop_sigtstp", 0x80147f, StopKind::kGroupStop, 0, SIGTSTP,
             false},
        Case{"group_stop_sigttin", 0x80157f, StopKind::kGroupStop, 0, SIGTTIN,
             false},
        Case{"group_stop_sigttou", 0x80167f, StopKind::kGroupStop, 0, SIGTTOU,
             false},
        // PTRACE_EVENT_STOP with SIGTRAP: first stop of an auto-attached
        // thread, PTRACE_INTERRUPT, or the end of a group-stop.
        Case{"trap_stop", 0x80057f, StopKind::kTrapStop, 0, 0, false},
        // Event stops: (event << 16) | (SIGTRAP << 8) | 0x7f.
        Case{"fork_event", 0x1057f, StopKind::kForkEvent, 0, 0, false},
        Case{"vfork_event", 0x2057f, StopKind::kVforkEvent, 0, 0, false},
        Case{"clone_event", 0x3057f, StopKind::kCloneEvent, 0, 0, false},
        Case{"exec_event", 0x4057f, StopKind::kExecEvent, 0, 0, false},
        Case{"vfork_done_event", 0x5057f, StopKind::kVforkDoneEvent, 0, 0,
             false},
        Case{"exit_event", 0x6057f, StopKind::kExitEvent, 0, 0, false},
        Case{"seccomp_event", 0x7057f, StopKind::kSeccompEvent, 0, 0, false},
        // An event number the kernel does not define.
        Case{"unknown_event", 0x42057f, StopKind::kUnknown, 0, SIGTRAP, false},
        // WIFCONTINUED (0xffff): never reported with __WALL alone.
        Case{"continued", 0xffff, StopKind::kUnknown, 0, 0, false}),
    [](const testing::TestParamInfo<Case>& info) {
      return std::string(info.param.name);
    });

// ---------------------------------------------------------------------------
// Classification of factory-built statuses, one per StopKind.

TEST(WaitStatusTest, ClassifiesFactoryStatuses) {
  EXPECT_EQ(ClassifyWaitStatus(MakeExitedStatus(7)).kind, StopKind::kExited);
  EXPECT_EQ(ClassifyWaitStatus(MakeExitedStatus(7)).code, 7);
  EXPECT_EQ(ClassifyWaitStatus(MakeKilledStatus(SIGKILL, false)).kind,
            StopKind::kKilled);
  EXPECT_EQ(ClassifyWaitStatus(MakeSignalStopStatus(SIGUSR2)).kind,
            StopKind::kSignalDelivery);
  EXPECT_EQ(ClassifyWaitStatus(MakeSignalStopStatus(SIGUSR2)).signo, SIGUSR2);
  EXPECT_EQ(ClassifyWaitStatus(MakeSyscallStopStatus()).kind,
            StopKind::kSyscallStop);

  struct {
    int event;
    int signo;
    StopKind kind;
    int want_signo;
  } const events[] = {
      {PTRACE_EVENT_FORK, SIGTRAP, StopKind::kForkEvent, 0},
      {PTRACE_EVENT_VFORK, SIGTRAP, StopKind::kVforkEvent, 0},
      {PTRACE_EVENT_CLONE, SIGTRAP, StopKind::kCloneEvent, 0},
      {PTRACE_EVENT_EXEC, SIGTRAP, StopKind::kExecEvent, 0},
      {PTRACE_EVENT_VFORK_DONE, SIGTRAP, StopKind::kVforkDoneEvent, 0},
      {PTRACE_EVENT_EXIT, SIGTRAP, StopKind::kExitEvent, 0},
      {PTRACE_EVENT_SECCOMP, SIGTRAP, StopKind::kSeccompEvent, 0},
      {PTRACE_EVENT_STOP, SIGTRAP, StopKind::kTrapStop, 0},
      {PTRACE_EVENT_STOP, SIGSTOP, StopKind::kGroupStop, SIGSTOP},
      {PTRACE_EVENT_STOP, SIGTSTP, StopKind::kGroupStop, SIGTSTP},
      {PTRACE_EVENT_STOP, SIGTTIN, StopKind::kGroupStop, SIGTTIN},
      {PTRACE_EVENT_STOP, SIGTTOU, StopKind::kGroupStop, SIGTTOU},
  };
  for (const auto& e : events) {
    const StopInfo s =
        ClassifyWaitStatus(MakeEventStopStatus(e.event, e.signo));
    EXPECT_EQ(s.kind, e.kind) << "event " << e.event << " signo " << e.signo
                              << ": got " << StopKindName(s.kind);
    EXPECT_EQ(s.signo, e.want_signo) << "event " << e.event;
  }
}

TEST(WaitStatusTest, KilledCoreFlag) {
  StopInfo with = ClassifyWaitStatus(MakeKilledStatus(SIGQUIT, true));
  EXPECT_EQ(with.kind, StopKind::kKilled);
  EXPECT_EQ(with.signo, SIGQUIT);
  EXPECT_TRUE(with.core);
  StopInfo without = ClassifyWaitStatus(MakeKilledStatus(SIGQUIT, false));
  EXPECT_EQ(without.signo, SIGQUIT);
  EXPECT_FALSE(without.core);
}

TEST(WaitStatusTest, IsStopped) {
  EXPECT_FALSE(IsStopped(StopKind::kExited));
  EXPECT_FALSE(IsStopped(StopKind::kKilled));
  for (StopKind k :
       {StopKind::kSignalDelivery, StopKind::kGroupStop, StopKind::kTrapStop,
        StopKind::kCloneEvent, StopKind::kForkEvent, StopKind::kVforkEvent,
        StopKind::kVforkDoneEvent, StopKind::kExecEvent, StopKind::kExitEvent,
        StopKind::kSeccompEvent, StopKind::kSyscallStop}) {
    EXPECT_TRUE(IsStopped(k)) << StopKindName(k);
  }
}

TEST(WaitStatusTest, StopKindNames) {
  EXPECT_STREQ(StopKindName(StopKind::kExited), "exited");
  EXPECT_STREQ(StopKindName(StopKind::kGroupStop), "group-stop");
  EXPECT_STREQ(StopKindName(StopKind::kTrapStop), "trap-stop");
  EXPECT_STREQ(StopKindName(StopKind::kSignalDelivery), "signal-delivery");
  EXPECT_STREQ(StopKindName(StopKind::kUnknown), "unknown");
}

}  // namespace
}  // namespace ttrace
