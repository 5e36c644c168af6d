// The real engine (Tracer) driven by a scripted FakeKernel through the
// orderings the kernel can produce, including the racy ones. Each test
// asserts the exact events (kinds, tids, fields) and the exact ptrace
// requests; the fixture also checks that the engine broke no ptrace rule
// (resuming a thread that is not stopped, detaching a LISTENing one, leaving
// one stopped), consumed the whole script and ended on its own.
#include <errno.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tracer/event.h"
#include "tracer/fake_kernel.h"
#include "tracer/sink.h"
#include "tracer/tracer.h"
#include "tracer/wait_status.h"

namespace ttrace {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// Thread ids. Thread group kL has threads kL (leader), kT, kW; kN is a
// thread it creates while traced; kC is another process.
constexpr pid_t kL = 7100;
constexpr pid_t kT = 7101;
constexpr pid_t kW = 7102;
constexpr pid_t kN = 7103;
constexpr pid_t kC = 7200;

int Trap() { return MakeEventStopStatus(PTRACE_EVENT_STOP, SIGTRAP); }
int GroupStop(int signo) {
  return MakeEventStopStatus(PTRACE_EVENT_STOP, signo);
}
int PtraceEvent(int event) { return MakeEventStopStatus(event); }
int Delivery(int signo) { return MakeSignalStopStatus(signo); }
int Exited(int code) { return MakeExitedStatus(code); }
int Killed(int signo, bool core = false) {
  return MakeKilledStatus(signo, core);
}

class CollectingSink : public EventSink {
 public:
  void OnEvent(const Event& event) override { events.push_back(event); }
  absl::Status Flush() override {
    ++flushes;
    return absl::OkStatus();
  }
  std::vector<Event> events;
  int flushes = 0;
};

// "pid/tid kind fields...", e.g. "7100/7101 signal SIGUSR1 code=0 pid=5".
std::string Describe(const Event& e) {
  std::string s = absl::StrCat(e.pid, "/", e.tid, " ");
  if (const auto* p = std::get_if<SpawnEvent>(&e.payload)) {
    absl::StrAppend(&s, "spawn ", p->path);
  } else if (std::holds_alternative<AttachEvent>(e.payload)) {
    absl::StrAppend(&s, "attach");
  } else if (std::holds_alternative<DetachEvent>(e.payload)) {
    absl::StrAppend(&s, "detach");
  } else if (const auto* p = std::get_if<CloneEvent>(&e.payload)) {
    absl::StrAppend(&s, "clone ", p->child, " ", CloneKindName(p->kind));
  } else if (const auto* p = std::get_if<ExecEvent>(&e.payload)) {
    absl::StrAppend(&s, "exec ", p->path, " old_tid=", p->old_tid);
  } else if (const auto* p = std::get_if<SignalEvent>(&e.payload)) {
    absl::StrAppend(&s, "signal ", FakeKernel::SignalName(p->signo),
                    " code=", p->code);
    if (p->from_pid) absl::StrAppend(&s, " pid=", *p->from_pid);
    if (p->from_uid) absl::StrAppend(&s, " uid=", *p->from_uid);
    if (p->addr) absl::StrAppend(&s, " addr=0x", absl::Hex(*p->addr));
  } else if (const auto* p = std::get_if<StopEvent>(&e.payload)) {
    absl::StrAppend(&s, "stop ", FakeKernel::SignalName(p->signo));
  } else if (std::holds_alternative<ContEvent>(e.payload)) {
    absl::StrAppend(&s, "cont");
  } else if (const auto* p = std::get_if<ExitEvent>(&e.payload)) {
    absl::StrAppend(&s, "exit");
    switch (p->how) {
      case ExitEvent::How::kExited:
        absl::StrAppend(&s, " code=", p->code);
        break;
      case ExitEvent::How::kKilled:
        absl::StrAppend(&s, " killed=", FakeKernel::SignalName(p->signo),
                        p->core ? " core" : "");
        break;
      case ExitEvent::How::kSuperseded:
        absl::StrAppend(&s, " superseded_by=", p->superseded_by);
        break;
    }
    absl::StrAppend(&s, " comm=", p->comm);
  }
  return s;
}

class TracerFakeTest : public testing::Test {
 protected:
  void SetUp() override {
    // Attach refuses ttrace's own pid; the fake's pids must not be it.
    for (pid_t p : {kL, kT, kW, kN, kC}) {
      ASSERT_NE(getpid(), p) << "test process collides with a fake tid";
    }
  }

  void TearDown() override {
    EXPECT_THAT(fake_.violations(), IsEmpty());
    EXPECT_EQ(fake_.steps_left(), 0u) << "the engine stopped early";
    EXPECT_THAT(fake_.stopped(), IsEmpty()) << "threads left stopped";
    if (expect_clean_end_) {
      EXPECT_EQ(fake_.waits_past_end(), 0)
          << "the engine waited past the script instead of finishing";
    }
  }

  Tracer& tracer() {
    if (!tracer_) tracer_ = std::make_unique<Tracer>(options_, &sink_, &fake_);
    return *tracer_;
  }

  // Thread group kL with `tids` (leader first), attached.
  void AttachGroup(std::vector<pid_t> tids) {
    for (pid_t tid : tids) {
      fake_.AddThread(kL, tid, tid == kL ? "main" : "worker");
    }
    ASSERT_TRUE(tracer().Attach(kL).ok());
  }

  // A thread or process the kernel auto-attached to us
  // (PTRACE_O_TRACECLONE and friends): not listed before, traced by us.
  void AutoAttached(pid_t tgid, pid_t tid, pid_t ppid) {
    fake_.SetStatus(
        tid,
        Kernel::Status{.tgid = tgid, .ppid = ppid, .tracer_pid = getpid()});
    fake_.SetComm(tid, "main");
  }

  RunResult RunOk() {
    absl::StatusOr<RunResult> r = tracer().Run();
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *r : RunResult{};
  }

  // The events so far, described; checks the header invariants.
  std::vector<std::string> Events() const {
    std::vector<std::string> out;
    int64_t last_ts = 0;
    for (size_t i = 0; i < sink_.events.size(); ++i) {
      const Event& e = sink_.events[i];
      EXPECT_EQ(e.seq, i) << Describe(e);
      EXPECT_GE(e.ts_ns, last_ts) << Describe(e);
      last_ts = e.ts_ns;
      out.push_back(Describe(e));
    }
    return out;
  }

  // The CallLog without the Seize calls of Attach.
  std::vector<std::string> CallsAfterAttach() const {
    std::vector<std::string> out;
    for (const std::string& c : fake_.CallLog()) {
      if (c.rfind("seize(", 0) != 0) out.push_back(c);
    }
    return out;
  }

  int Count(const std::string& event) const {
    int n = 0;
    for (const std::string& e : Events()) n += e == event;
    return n;
  }

  int CountPrefix(const std::string& prefix) const {
    int n = 0;
    for (const std::string& e : Events()) n += e.rfind(prefix, 0) == 0;
    return n;
  }

  TracerOptions options_;
  CollectingSink sink_;
  FakeKernel fake_;
  std::unique_ptr<Tracer> tracer_;
  bool expect_clean_end_ = true;
};

// ---------------------------------------------------------------------------
// Attach.

TEST_F(TracerFakeTest, AttachSeizesEveryThreadWithOptions) {
  AttachGroup({kL, kT, kW});
  EXPECT_THAT(fake_.CallLog(),
              ElementsAre("seize(7100)", "seize(7101)", "seize(7102)"));
  EXPECT_EQ(fake_.last_seize_options(),
            static_cast<unsigned long>(
                PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT));
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach", "7100/7101 attach",
                                    "7100/7102 attach"));
  expect_clean_end_ = false;  // not run
}

TEST_F(TracerFakeTest, FollowForksAddsForkOptions) {
  options_.follow_forks = true;
  AttachGroup({kL});
  EXPECT_EQ(fake_.last_seize_options(),
            static_cast<unsigned long>(
                PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT |
                PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK));
}

TEST_F(TracerFakeTest, AttachByNonLeaderTidAttachesTheWholeGroup) {
  fake_.AddThread(kL, kL, "main");
  fake_.AddThread(kL, kT, "worker");
  ASSERT_TRUE(tracer().Attach(kT).ok());
  EXPECT_THAT(fake_.CallLog(), ElementsAre("seize(7100)", "seize(7101)"));
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach", "7100/7101 attach"));
}

// Race: threads are created while we attach. /proc/PID/task is rescanned
// until a pass finds nothing new; one created by a thread not yet seized is
// seized normally.
TEST_F(TracerFakeTest, AttachRescansForThreadsCreatedMeanwhile) {
  fake_.AddThread(kL, kL, "main");
  fake_.AddThread(kL, kT, "worker");
  fake_.SetThreadListings(kL, {{kL}, {kL, kT}});
  ASSERT_TRUE(tracer().Attach(kL).ok());
  EXPECT_THAT(fake_.CallLog(), ElementsAre("seize(7100)", "seize(7101)"));
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach", "7100/7101 attach"));
}

// Race: a thread created by one we already seized is auto-attached by the
// kernel (PTRACE_O_TRACECLONE): PTRACE_SEIZE on it fails with EPERM, and its
// creation is reported by the parent's PTRACE_EVENT_CLONE.
TEST_F(TracerFakeTest, AttachSkipsAutoAttachedThread) {
  fake_.AddThread(kL, kL, "main");
  fake_.SetThreadListings(kL, {{kL}, {kL, kN}});
  AutoAttached(kL, kN, 1);
  fake_.FailCalls(FakeKernel::Op::kSeize, kN, EPERM);
  ASSERT_TRUE(tracer().Attach(kL).ok());

  fake_.PushEventMsg(kL, kN);
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_CLONE));
  fake_.AddStop(kN, Trap());
  fake_.AddStop(kN, Exited(0));
  fake_.AddStop(kL, Exited(0));
  RunOk();
  EXPECT_THAT(fake_.CallLog(), ElementsAre("seize(7100)", "seize(7103) = EPERM",
                                           "cont(7100, 0)", "cont(7103, 0)"));
  EXPECT_THAT(Events(),
              ElementsAre("7100/7100 attach", "7100/7100 clone 7103 thread",
                          "7100/7103 exit code=0 comm=main",
                          "7100/7100 exit code=0 comm=main"));
}

TEST_F(TracerFakeTest, AttachErrors) {
  expect_clean_end_ = false;
  EXPECT_EQ(tracer().Attach(0).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(tracer().Attach(-5).code(), absl::StatusCode::kInvalidArgument);
  // No such process.
  EXPECT_EQ(tracer().Attach(kC).code(), absl::StatusCode::kNotFound);
  // ttrace itself.
  fake_.SetStatus(getpid(), Kernel::Status{.tgid = getpid()});
  EXPECT_EQ(tracer().Attach(getpid()).code(),
            absl::StatusCode::kInvalidArgument);
  // Traced by someone else.
  fake_.AddThread(kL, kL, "main");
  fake_.SetStatus(kL, Kernel::Status{.tgid = kL, .ppid = 1, .tracer_pid = 999});
  fake_.FailCalls(FakeKernel::Op::kSeize, kL, EPERM);
  absl::Status s = tracer().Attach(kL);
  EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_NE(s.message().find("already traced by process 999"),
            absl::string_view::npos)
      << s;
  EXPECT_THAT(Events(), IsEmpty());
}

// The process exits between reading /proc/PID/status and seizing.
TEST_F(TracerFakeTest, AttachToVanishingProcessIsNotFound) {
  expect_clean_end_ = false;
  fake_.AddThread(kL, kL, "main");
  fake_.FailCalls(FakeKernel::Op::kSeize, kL, ESRCH);
  EXPECT_EQ(tracer().Attach(kL).code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(Events(), IsEmpty());
}

// A process whose leader has called pthread_exit has a zombie leader, listed
// first in /proc/PID/task; PTRACE_SEIZE on a zombie fails with EPERM
// (kernel/ptrace.c ptrace_attach: task->exit_state). The live threads are
// still attached, as strace does.
TEST_F(TracerFakeTest, AttachWithZombieLeaderAttachesLiveThreads) {
  expect_clean_end_ = false;
  fake_.AddThread(kL, kL, "main");
  fake_.AddThread(kL, kT, "worker");
  fake_.FailCalls(FakeKernel::Op::kSeize, kL, EPERM);
  ASSERT_TRUE(tracer().Attach(kL).ok());
  EXPECT_THAT(Events(), ElementsAre("7100/7101 attach"));
}

// ---------------------------------------------------------------------------
// a/b. Thread creation.

// Race (kernel: the new thread is auto-attached in copy_process and its
// first PTRACE_EVENT_STOP is queued independently of the parent's
// PTRACE_EVENT_CLONE stop; waitpid(-1) may return either first). The
// child's first stop arrives from a tid we do not know yet: it must be held
// stopped (not dropped, not resumed) until the parent's clone event names
// it; then exactly one clone event, then the child runs, and its own events
// come after its creation.
TEST_F(TracerFakeTest, CloneRaceChildFirstStopBeforeParentEvent) {
  AttachGroup({kL});
  AutoAttached(kL, kN, 1);
  fake_.AddStop(kN, Trap());
  fake_.PushEventMsg(kL, kN);
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_CLONE));
  fake_.PushSigInfo(kN, FakeKernel::SigInfo(SIGUSR1, SI_TKILL, kL, 0));
  fake_.AddStop(kN, Delivery(SIGUSR1));
  fake_.AddStop(kN, Exited(0));
  fake_.AddStop(kL, Exited(0));
  RunOk();

  EXPECT_THAT(fake_.Timeline(),
              ElementsAre("seize(7100)",                         //
                          "wait: 7103 trap-stop",                // held
                          "wait: 7100 clone-event",              //
                          "cont(7103, 0)",                       // released
                          "cont(7100, 0)",                       //
                          "wait: 7103 signal-delivery SIGUSR1",  //
                          "cont(7103, SIGUSR1)",                 //
                          "wait: 7103 exited 0",                 //
                          "wait: 7100 exited 0"));
  EXPECT_THAT(Events(),
              ElementsAre("7100/7100 attach", "7100/7100 clone 7103 thread",
                          "7100/7103 signal SIGUSR1 code=-6 pid=7100 uid=0",
                          "7100/7103 exit code=0 comm=main",
                          "7100/7100 exit code=0 comm=main"));
}

// The usual order: the parent's PTRACE_EVENT_CLONE, then the child's first
// stop.
TEST_F(TracerFakeTest, CloneEventThenChildFirstStop) {
  AttachGroup({kL, kT});
  AutoAttached(kL, kN, 1);
  fake_.PushEventMsg(kT, kN);
  fake_.AddStop(kT, PtraceEvent(PTRACE_EVENT_CLONE));
  fake_.AddStop(kN, Trap());
  fake_.AddStop(kN, Exited(0));
  fake_.AddStop(kT, Exited(0));
  fake_.AddStop(kL, Exited(0));
  RunOk();

  EXPECT_THAT(
      fake_.Timeline(),
      ElementsAre("seize(7100)", "seize(7101)", "wait: 7101 clone-event",
                  "cont(7101, 0)", "wait: 7103 trap-stop", "cont(7103, 0)",
                  "wait: 7103 exited 0", "wait: 7101 exited 0",
                  "wait: 7100 exited 0"));
  // The new thread inherits its creator's name.
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach", "7100/7101 attach",
                                    "7100/7101 clone 7103 thread",
                                    "7100/7103 exit code=0 comm=worker",
                                    "7100/7101 exit code=0 comm=worker",
                                    "7100/7100 exit code=0 comm=main"));
}

// clone() without CLONE_THREAD but with an exit signal other than SIGCHLD
// is reported as PTRACE_EVENT_CLONE even without -f; tgkill tells it is a
// new process, which gets its own pid in events.
TEST_F(TracerFakeTest, CloneEventOfNewProcess) {
  AttachGroup({kL});
  AutoAttached(kC, kC, kL);
  fake_.PushEventMsg(kL, kC);
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_CLONE));
  fake_.AddStop(kC, Trap());
  fake_.AddStop(kC, Exited(4));
  fake_.AddStop(kL, Exited(0));
  RunOk();
  EXPECT_THAT(Events(),
              ElementsAre("7100/7100 attach", "7100/7100 clone 7200 process",
                          "7200/7200 exit code=4 comm=main",
                          "7100/7100 exit code=0 comm=main"));
}

TEST_F(TracerFakeTest, ForkAndVforkEvents) {
  options_.follow_forks = true;
  AttachGroup({kL});
  AutoAttached(kC, kC, kL);
  AutoAttached(kC + 1, kC + 1, kL);
  fake_.PushEventMsg(kL, kC);
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_FORK));
  fake_.AddStop(kC, Trap());
  fake_.PushEventMsg(kL, kC + 1);
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_VFORK));
  fake_.AddStop(kC + 1, Trap());
  fake_.AddStop(kC + 1, Exited(0));
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_VFORK_DONE));
  fake_.AddStop(kC, Killed(SIGTERM));
  fake_.AddStop(kL, Exited(0));
  RunOk();
  EXPECT_THAT(Events(),
              ElementsAre("7100/7100 attach", "7100/7100 clone 7200 process",
                          "7100/7100 clone 7201 vfork",
                          "7201/7201 exit code=0 comm=main",
                          "7200/7200 exit killed=SIGTERM comm=main",
                          "7100/7100 exit code=0 comm=main"));
  EXPECT_THAT(CallsAfterAttach(),
              ElementsAre("cont(7100, 0)", "cont(7200, 0)", "cont(7100, 0)",
                          "cont(7201, 0)", "cont(7100, 0)"));
}

// Race (kernel: a parent killed by SIGKILL inside fork() never reaches its
// PTRACE_EVENT_FORK stop, but the auto-attached child lives on in its first
// stop, reparented to the reaper). The held child must be released once no
// thread of its parent is left, not held forever; its creator can no longer
// be named, so it is reported as attached.
TEST_F(TracerFakeTest, ForkRaceParentKilledBeforeForkEvent) {
  options_.follow_forks = true;
  AttachGroup({kL});
  AutoAttached(kC, kC, /*ppid=*/kL);
  fake_.AddStop(kC, Trap());
  fake_.AddStop(kL, Killed(SIGKILL));
  fake_.AddStop(kC, Exited(0));
  RunOk();
  EXPECT_THAT(fake_.Timeline(),
              ElementsAre("seize(7100)", "wait: 7200 trap-stop",
                          "wait: 7100 killed SIGKILL", "cont(7200, 0)",
                          "wait: 7200 exited 0"));
  EXPECT_THAT(
      Events(),
      ElementsAre("7100/7100 attach", "7100/7100 exit killed=SIGKILL comm=main",
                  "7200/7200 attach", "7200/7200 exit code=0 comm=main"));
}

// Race: the parent dies (SIGKILL) before reporting its fork event, after
// the child's first stop. By the time the parent's death is reported, the
// kernel has reparented the child (exit_notify -> forget_original_parent),
// so /proc/CHILD/status says PPid: 1 and the creator cannot be named: the
// child is released and reported as attached, not as a clone of process 1.
TEST_F(TracerFakeTest, ForkRaceChildOfDeadParentIsReleasedAsAttached) {
  options_.follow_forks = true;
  AttachGroup({kL});
  AutoAttached(kC, kC, /*ppid=*/1);  // already reparented to init
  fake_.AddStop(kC, Trap());
  fake_.AddStop(kL, Killed(SIGKILL));
  fake_.AddStop(kC, Exited(0));
  RunOk();
  EXPECT_THAT(
      Events(),
      ElementsAre("7100/7100 attach", "7100/7100 exit killed=SIGKILL comm=main",
                  "7200/7200 attach", "7200/7200 exit code=0 comm=main"));
}

// A held first stop whose thread dies before its parent's event (e.g. the
// whole group was SIGKILLed) is forgotten without an event.
TEST_F(TracerFakeTest, HeldFirstStopThenDeathIsForgotten) {
  AttachGroup({kL, kT});
  AutoAttached(kL, kN, 1);
  fake_.AddStop(kN, Trap());
  fake_.AddStop(kN, Killed(SIGKILL));
  fake_.AddStop(kT, Killed(SIGKILL));
  fake_.AddStop(kL, Killed(SIGKILL));
  RunOk();
  EXPECT_THAT(CallsAfterAttach(), IsEmpty());
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach", "7100/7101 attach",
                                    "7100/7101 exit killed=SIGKILL comm=worker",
                                    "7100/7100 exit killed=SIGKILL comm=main"));
}

// ---------------------------------------------------------------------------
// c. exec.

// Race (kernel: de_thread). A non-leader thread T execs: every other thread
// stops at PTRACE_EVENT_EXIT, the non-leaders report death as _exit(0), the
// leader never reports its death, and T reports PTRACE_EVENT_EXEC under the
// leader's tid with PTRACE_GETEVENTMSG = T's old tid. Expected: W's exit,
// the old leader superseded, the exec under the leader's tid, and from then
// on tid L is the former T.
TEST_F(TracerFakeTest, ExecFromNonLeader) {
  AttachGroup({kL, kT, kW});
  fake_.SetExecPath(kL, "/usr/bin/newprog");
  fake_.AddStop(kW, PtraceEvent(PTRACE_EVENT_EXIT));
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_EXIT));
  fake_.AddStop(kW, Exited(0));
  fake_.PushEventMsg(kL, 0);  // its exit status, read at PTRACE_EVENT_EXIT
  fake_.PushEventMsg(kL, kT);
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_EXEC),
                [&] { fake_.SetComm(kL, "newprog"); });
  fake_.PushSigInfo(kL, FakeKernel::SigInfo(SIGUSR1, SI_USER, 555, 1000));
  fake_.AddStop(kL, Delivery(SIGUSR1));
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_EXIT));
  fake_.AddStop(kL, Exited(0));
  RunOk();

  EXPECT_THAT(
      Events(),
      ElementsAre("7100/7100 attach", "7100/7101 attach", "7100/7102 attach",
                  "7100/7102 exit code=0 comm=worker",
                  "7100/7100 exit superseded_by=7101 comm=main",
                  "7100/7100 exec /usr/bin/newprog old_tid=7101",
                  "7100/7100 signal SIGUSR1 code=0 pid=555 uid=1000",
                  "7100/7100 exit code=0 comm=newprog"));
  EXPECT_THAT(CallsAfterAttach(),
              ElementsAre("cont(7102, 0)", "cont(7100, 0)", "cont(7100, 0)",
                          "cont(7100, SIGUSR1)", "cont(7100, 0)"));
  // Tid T is never reported again after its attach: it lives on as L.
  EXPECT_EQ(CountPrefix("7100/7101 "), 1);
}

// The same de_thread race, showing that tid L carries T's state, not the
// old leader's: the old leader was past its PTRACE_EVENT_EXIT (exiting),
// T was running. A detach requested right after the exec must interrupt
// tid L (a running thread) and detach it at its next stop; with the old
// leader's state it would be taken for an exiting thread and left behind.
TEST_F(TracerFakeTest, ExecFromNonLeaderCarriesTheExecingThreadsState) {
  AttachGroup({kL, kT});
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_EXIT));
  fake_.PushEventMsg(kL, 0);  // its exit status, read at PTRACE_EVENT_EXIT
  fake_.PushEventMsg(kL, kT);
  fake_.SetExecPath(kL, "/bin/true");
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_EXEC),
                [&] { tracer().RequestDetach(); });
  fake_.AddStop(kL, Trap());  // our PTRACE_INTERRUPT
  RunResult r = RunOk();
  EXPECT_TRUE(r.detached);
  EXPECT_THAT(CallsAfterAttach(),
              ElementsAre("cont(7100, 0)", "cont(7100, 0)", "interrupt(7100)",
                          "detach(7100, 0)"));
  EXPECT_THAT(
      Events(),
      ElementsAre("7100/7100 attach", "7100/7101 attach",
                  "7100/7100 exit superseded_by=7101 comm=main",
                  "7100/7100 exec /bin/true old_tid=7101", "7100/7100 detach"));
}

// exec from the leader itself: GETEVENTMSG gives its own tid, no re-keying.
TEST_F(TracerFakeTest, ExecFromLeader) {
  AttachGroup({kL});
  fake_.PushEventMsg(kL, kL);
  fake_.SetExecPath(kL, "/bin/echo");
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_EXEC),
                [&] { fake_.SetComm(kL, "echo"); });
  fake_.AddStop(kL, Exited(0));
  RunOk();
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach",
                                    "7100/7100 exec /bin/echo old_tid=7100",
                                    "7100/7100 exit code=0 comm=echo"));
  EXPECT_THAT(CallsAfterAttach(), ElementsAre("cont(7100, 0)"));
}

// ---------------------------------------------------------------------------
// d. Signals.

// A signal-delivery-stop is reported with its siginfo and the signal is
// re-injected exactly once, so the tracee loses nothing.
TEST_F(TracerFakeTest, SignalDeliveryIsReportedAndReinjected) {
  AttachGroup({kL});
  fake_.PushSigInfo(kL, FakeKernel::SigInfo(SIGUSR1, SI_USER, 555, 1000));
  fake_.AddStop(kL, Delivery(SIGUSR1));
  fake_.PushSigInfo(kL, FakeKernel::SigInfo(SIGCHLD, CLD_EXITED, 4242, 7));
  fake_.AddStop(kL, Delivery(SIGCHLD));
  fake_.PushSigInfo(kL, FakeKernel::SigInfo(SIGSEGV, SEGV_MAPERR, 0, 0,
                                            /*addr=*/0xdead0));
  fake_.AddStop(kL, Delivery(SIGSEGV));
  fake_.AddStop(kL, Killed(SIGSEGV, /*core=*/true));
  RunOk();
  EXPECT_THAT(Events(),
              ElementsAre("7100/7100 attach",
                          "7100/7100 signal SIGUSR1 code=0 pid=555 uid=1000",
                          "7100/7100 signal SIGCHLD code=1 pid=4242 uid=7",
                          "7100/7100 signal SIGSEGV code=1 addr=0xdead0",
                          "7100/7100 exit killed=SIGSEGV core comm=main"));
  EXPECT_THAT(CallsAfterAttach(),
              ElementsAre("cont(7100, SIGUSR1)", "cont(7100, SIGCHLD)",
                          "cont(7100, SIGSEGV)"));
}

// A genuine SIGTRAP (int3, raise) is a signal, not a ptrace event.
TEST_F(TracerFakeTest, GenuineSigtrapIsReinjected) {
  AttachGroup({kL});
  fake_.PushSigInfo(kL, FakeKernel::SigInfo(SIGTRAP, TRAP_BRKPT, 0, 0,
                                            /*addr=*/0x401000));
  fake_.AddStop(kL, Delivery(SIGTRAP));
  fake_.AddStop(kL, Killed(SIGTRAP, true));
  RunOk();
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach",
                                    "7100/7100 signal SIGTRAP code=1 "
                                    "addr=0x401000",
                                    "7100/7100 exit killed=SIGTRAP core "
                                    "comm=main"));
  EXPECT_THAT(CallsAfterAttach(), ElementsAre("cont(7100, SIGTRAP)"));
}

// PTRACE_GETSIGINFO can fail (the thread was SIGKILLed meanwhile): the
// signal is still reported and re-injected.
TEST_F(TracerFakeTest, SignalWithoutSigInfo) {
  AttachGroup({kL});
  fake_.AddStop(kL, Delivery(SIGUSR2));  // no siginfo pushed: ESRCH
  fake_.AddStop(kL, Killed(SIGKILL));
  RunOk();
  EXPECT_THAT(Events(),
              ElementsAre("7100/7100 attach", "7100/7100 signal SIGUSR2 code=0",
                          "7100/7100 exit killed=SIGKILL comm=main"));
  EXPECT_THAT(CallsAfterAttach(), ElementsAre("cont(7100, SIGUSR2)"));
}

// ---------------------------------------------------------------------------
// e. Group-stop.

// Kernel (PTRACE_SEIZE job control): SIGSTOP first shows as a
// signal-delivery-stop (re-injected), then every thread enters the
// group-stop and reports PTRACE_EVENT_STOP with SIGSTOP; PTRACE_LISTEN keeps
// it stopped while letting the tracer hear of SIGCONT; a further stop
// signal re-traps a LISTENing thread with the stop signal (not a new stop);
// SIGCONT ends it with PTRACE_EVENT_STOP|SIGTRAP.
TEST_F(TracerFakeTest, GroupStopListenAndCont) {
  AttachGroup({kL, kT});
  fake_.PushSigInfo(kL, FakeKernel::SigInfo(SIGSTOP, SI_USER, 555, 0));
  fake_.AddStop(kL, Delivery(SIGSTOP));
  fake_.AddStop(kL, GroupStop(SIGSTOP));
  fake_.AddStop(kT, GroupStop(SIGSTOP));
  fake_.AddStop(kT, GroupStop(SIGSTOP));  // re-trap, still stopped
  fake_.AddStop(kT, Trap());              // SIGCONT
  fake_.AddStop(kL, Trap());
  fake_.AddStop(kT, Exited(0));
  fake_.AddStop(kL, Exited(0));
  RunOk();
  EXPECT_THAT(Events(),
              ElementsAre("7100/7100 attach", "7100/7101 attach",
                          "7100/7100 signal SIGSTOP code=0 pid=555 uid=0",
                          "7100/7100 stop SIGSTOP", "7100/7101 stop SIGSTOP",
                          "7100/7101 cont", "7100/7100 cont",
                          "7100/7101 exit code=0 comm=worker",
                          "7100/7100 exit code=0 comm=main"));
  EXPECT_THAT(CallsAfterAttach(),
              ElementsAre("cont(7100, SIGSTOP)", "listen(7100)", "listen(7101)",
                          "listen(7101)", "cont(7101, 0)", "cont(7100, 0)"));
}

TEST_F(TracerFakeTest, GroupStopWithTerminalSignals) {
  AttachGroup({kL});
  for (int sig : {SIGTSTP, SIGTTIN, SIGTTOU}) {
    fake_.AddStop(kL, GroupStop(sig));
    fake_.AddStop(kL, Trap());
  }
  fake_.AddStop(kL, Exited(0));
  RunOk();
  EXPECT_THAT(Events(),
              ElementsAre("7100/7100 attach", "7100/7100 stop SIGTSTP",
                          "7100/7100 cont", "7100/7100 stop SIGTTIN",
                          "7100/7100 cont", "7100/7100 stop SIGTTOU",
                          "7100/7100 cont", "7100/7100 exit code=0 comm=main"));
}

// ---------------------------------------------------------------------------
// f. Detach.

// Detach requested before Run: every running thread is interrupted and
// detached at its next stop. A thread whose next stop is a
// signal-delivery-stop (the signal was pending before our interrupt trapped)
// is detached with that signal, so it is not lost.
TEST_F(TracerFakeTest, DetachRequestedBeforeRun) {
  AttachGroup({kL, kT});
  tracer().RequestDetach();
  fake_.PushSigInfo(kT, FakeKernel::SigInfo(SIGUSR1, SI_TKILL, kL, 0));
  fake_.AddStop(kT, Delivery(SIGUSR1));
  fake_.AddStop(kL, Trap());
  RunResult r = RunOk();
  EXPECT_TRUE(r.detached);
  EXPECT_EQ(r.exit_status, 0);
  std::vector<std::string> calls = CallsAfterAttach();
  ASSERT_EQ(calls.size(), 4u);
  EXPECT_THAT(std::vector<std::string>(calls.begin(), calls.begin() + 2),
              UnorderedElementsAre("interrupt(7100)", "interrupt(7101)"));
  EXPECT_THAT(std::vector<std::string>(calls.begin() + 2, calls.end()),
              ElementsAre("detach(7101, SIGUSR1)", "detach(7100, 0)"));
  EXPECT_THAT(Events(),
              ElementsAre("7100/7100 attach", "7100/7101 attach",
                          "7100/7101 signal SIGUSR1 code=-6 pid=7100 uid=0",
                          "7100/7101 detach", "7100/7100 detach"));
}

// Detach requested from a signal handler while Run waits (the wait fails
// with EINTR). A group-stopped (LISTENing) process must be interrupted too:
// PTRACE_DETACH fails on a LISTENing thread. Its interrupt re-traps it with
// the stop signal (the group is still stopped), which is not a second stop
// event; it is detached with no signal and the kernel leaves it stopped.
TEST_F(TracerFakeTest, DetachFromRunningSignalledAndGroupStopped) {
  AttachGroup({kL, kT});
  fake_.AddThread(kC, kC, "other");
  ASSERT_TRUE(tracer().Attach(kC).ok());
  fake_.AddStop(kC, GroupStop(SIGSTOP));
  fake_.AddWaitError(EINTR, [&] { tracer().RequestDetach(); });
  fake_.PushSigInfo(kT, FakeKernel::SigInfo(SIGUSR1, SI_USER, 555, 0));
  fake_.AddStop(kT, Delivery(SIGUSR1));
  fake_.AddStop(kL, Trap());
  fake_.AddStop(kC, GroupStop(SIGSTOP));
  RunResult r = RunOk();
  EXPECT_TRUE(r.detached);
  std::vector<std::string> calls = CallsAfterAttach();
  ASSERT_EQ(calls.size(), 7u) << testing::PrintToString(calls);
  EXPECT_EQ(calls[0], "listen(7200)");
  EXPECT_THAT(std::vector<std::string>(calls.begin() + 1, calls.begin() + 4),
              UnorderedElementsAre("interrupt(7100)", "interrupt(7101)",
                                   "interrupt(7200)"));
  EXPECT_THAT(std::vector<std::string>(calls.begin() + 4, calls.end()),
              ElementsAre("detach(7101, SIGUSR1)", "detach(7100, 0)",
                          "detach(7200, 0)"));
  EXPECT_THAT(
      Events(),
      ElementsAre("7100/7100 attach", "7100/7101 attach", "7200/7200 attach",
                  "7200/7200 stop SIGSTOP",
                  "7100/7101 signal SIGUSR1 code=0 pid=555 uid=0",
                  "7100/7101 detach", "7100/7100 detach", "7200/7200 detach"));
}

// A new thread whose clone event was seen but whose first stop was not is
// not interrupted (its first stop is on its way) and is detached there.
TEST_F(TracerFakeTest, DetachWhileNewThreadsFirstStopIsPending) {
  AttachGroup({kL});
  AutoAttached(kL, kN, 1);
  fake_.PushEventMsg(kL, kN);
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_CLONE),
                [&] { tracer().RequestDetach(); });
  fake_.AddStop(kN, Trap());
  fake_.AddStop(kL, Trap());
  RunResult r = RunOk();
  EXPECT_TRUE(r.detached);
  EXPECT_THAT(CallsAfterAttach(),
              ElementsAre("cont(7100, 0)", "interrupt(7100)", "detach(7103, 0)",
                          "detach(7100, 0)"));
  EXPECT_THAT(Events(),
              ElementsAre("7100/7100 attach", "7100/7100 clone 7103 thread",
                          "7100/7103 detach", "7100/7100 detach"));
}

// Detach while a new thread's first stop is held (its parent's clone event
// not yet seen): the held thread is detached at once; the parent's clone
// event still comes and is reported, once.
TEST_F(TracerFakeTest, DetachWhileFirstStopIsHeld) {
  AttachGroup({kL});
  AutoAttached(kL, kN, 1);
  fake_.AddStop(kN, Trap(), nullptr);
  fake_.AddWaitError(EINTR, [&] { tracer().RequestDetach(); });
  fake_.PushEventMsg(kL, kN);
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_CLONE));
  RunResult r = RunOk();
  EXPECT_TRUE(r.detached);
  EXPECT_THAT(
      CallsAfterAttach(),
      ElementsAre("interrupt(7100)", "detach(7103, 0)", "detach(7100, 0)"));
  EXPECT_EQ(Count("7100/7100 clone 7103 thread"), 1);
  EXPECT_EQ(Events().back(), "7100/7100 detach");
}

// A held new thread detached during a detach gets its clone event later
// (when its parent's event arrives), followed by its detach event, so that
// every traced thread ends with exactly one exit or detach event.
TEST_F(TracerFakeTest, DetachWhileFirstStopIsHeldReportsItsDetach) {
  AttachGroup({kL});
  AutoAttached(kL, kN, 1);
  fake_.AddStop(kN, Trap());
  fake_.AddWaitError(EINTR, [&] { tracer().RequestDetach(); });
  fake_.PushEventMsg(kL, kN);
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_CLONE));
  RunOk();
  EXPECT_THAT(Events(),
              ElementsAre("7100/7100 attach", "7100/7100 clone 7103 thread",
                          "7100/7103 detach", "7100/7100 detach"));
}

// A non-leader thread that dies while we interrupt it (ESRCH) is on its
// way out: the detach waits for its death, so that it ends with exactly one
// exit event.
TEST_F(TracerFakeTest, DetachWithThreadDyingDuringInterrupt) {
  AttachGroup({kL, kT});
  fake_.FailCalls(FakeKernel::Op::kInterrupt, kT, ESRCH);
  tracer().RequestDetach();
  fake_.AddStop(kL, Trap());
  fake_.AddStop(kT, Killed(SIGKILL));
  RunResult r = RunOk();
  EXPECT_TRUE(r.detached);
  EXPECT_THAT(CallsAfterAttach(),
              UnorderedElementsAre("interrupt(7100)", "interrupt(7101) = ESRCH",
                                   "detach(7100, 0)"));
  EXPECT_EQ(CallsAfterAttach().back(), "detach(7100, 0)");
  EXPECT_THAT(
      Events(),
      ElementsAre("7100/7100 attach", "7100/7101 attach", "7100/7100 detach",
                  "7100/7101 exit killed=SIGKILL comm=worker"));
}

// A leader past PTRACE_EVENT_EXIT is not interrupted, and Run does not wait
// for it (a zombie leader would only report after its detached threads
// exit): it is reported as detached.
TEST_F(TracerFakeTest, DetachDoesNotWaitForExitingThreads) {
  AttachGroup({kL, kT});
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_EXIT),
                [&] { tracer().RequestDetach(); });
  fake_.AddStop(kT, Trap());
  RunResult r = RunOk();
  EXPECT_TRUE(r.detached);
  EXPECT_THAT(
      CallsAfterAttach(),
      ElementsAre("cont(7100, 0)", "interrupt(7101)", "detach(7101, 0)"));
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach", "7100/7101 attach",
                                    "7100/7101 detach", "7100/7100 detach"));
}

// on_interrupt runs on the Run thread after Wake (the CLI's flush timer).
TEST_F(TracerFakeTest, WakeRunsOnInterrupt) {
  AttachGroup({kL});
  int calls = 0;
  tracer().set_on_interrupt([&] { ++calls; });
  fake_.AddWaitError(EINTR, [&] { tracer().Wake(); });
  fake_.AddWaitError(EINTR);  // a signal without Wake: no callback
  fake_.AddStop(kL, Exited(0));
  RunResult r = RunOk();
  EXPECT_FALSE(r.detached);
  EXPECT_EQ(calls, 1);
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach",
                                    "7100/7100 exit code=0 comm=main"));
}

// ---------------------------------------------------------------------------
// g. exit_group.

// Kernel (exit_group with PTRACE_O_TRACEEXIT): every thread stops at
// PTRACE_EVENT_EXIT (the name is read there, while /proc still has it),
// then every non-leader reports WIFEXITED(code); the leader is a zombie
// until they are all gone and reports last.
TEST_F(TracerFakeTest, ExitGroupWithThreads) {
  AttachGroup({kL, kT, kW});
  fake_.AddStop(kT, PtraceEvent(PTRACE_EVENT_EXIT),
                [&] { fake_.SetComm(kT, "renamed"); });
  fake_.AddStop(kW, PtraceEvent(PTRACE_EVENT_EXIT));
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_EXIT));
  fake_.AddStop(kT, Exited(3));
  fake_.AddStop(kW, Exited(3));
  fake_.AddStop(kL, Exited(3));
  RunResult r = RunOk();
  EXPECT_FALSE(r.detached);
  EXPECT_EQ(r.exit_status, 0);  // attached, not spawned
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach", "7100/7101 attach",
                                    "7100/7102 attach",
                                    "7100/7101 exit code=3 comm=renamed",
                                    "7100/7102 exit code=3 comm=worker",
                                    "7100/7100 exit code=3 comm=main"));
  EXPECT_THAT(CallsAfterAttach(),
              ElementsAre("cont(7101, 0)", "cont(7102, 0)", "cont(7100, 0)"));
}

// Race (kernel: wait_task_zombie reports signal->group_exit_code for every
// thread reaped once the group is exiting): T exited 0 on its own, but is
// reaped after the leader called exit_group(7), so its wait status says 7.
// Its own code is the one PTRACE_EVENT_EXIT reported; W, killed by the
// group exit, had no exit stop and keeps the group's code.
TEST_F(TracerFakeTest, ThreadExitCodeIsItsOwnWhenReapedAfterGroupExit) {
  AttachGroup({kL, kT, kW});
  fake_.PushEventMsg(kT, static_cast<unsigned long>(MakeExitedStatus(0)));
  fake_.AddStop(kT, PtraceEvent(PTRACE_EVENT_EXIT));
  fake_.PushEventMsg(kL, static_cast<unsigned long>(MakeExitedStatus(7)));
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_EXIT));
  fake_.AddStop(kT, Exited(7));
  fake_.AddStop(kW, Exited(7));
  fake_.AddStop(kL, Exited(7));
  RunOk();
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach", "7100/7101 attach",
                                    "7100/7102 attach",
                                    "7100/7101 exit code=0 comm=worker",
                                    "7100/7102 exit code=7 comm=worker",
                                    "7100/7100 exit code=7 comm=main"));
}

// A thread killed by SIGKILL while stopped may report its death without a
// PTRACE_EVENT_EXIT stop; the leader's death still comes last.
TEST_F(TracerFakeTest, KilledGroupWithoutExitStops) {
  AttachGroup({kL, kT});
  fake_.AddStop(kT, Killed(SIGKILL));
  fake_.AddStop(kL, Killed(SIGKILL));
  RunOk();
  EXPECT_THAT(CallsAfterAttach(), IsEmpty());
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach", "7100/7101 attach",
                                    "7100/7101 exit killed=SIGKILL comm=worker",
                                    "7100/7100 exit killed=SIGKILL comm=main"));
}

// ---------------------------------------------------------------------------
// h. ESRCH.

// Any ptrace request may fail with ESRCH because the thread was just
// SIGKILLed (kernel: ptrace_check_attach fails once the tracee left its
// ptrace-stop). Not an error: its death status comes later.
TEST_F(TracerFakeTest, EsrchOnContIsNotAnError) {
  AttachGroup({kL, kT});
  fake_.FailCalls(FakeKernel::Op::kCont, kT, ESRCH);
  fake_.PushSigInfo(kT, FakeKernel::SigInfo(SIGUSR1, SI_USER, 555, 0));
  fake_.AddStop(kT, Delivery(SIGUSR1));
  fake_.AddStop(kT, Killed(SIGKILL));
  fake_.AddStop(kL, Killed(SIGKILL));
  RunResult r = RunOk();
  EXPECT_FALSE(r.detached);
  EXPECT_THAT(CallsAfterAttach(), ElementsAre("cont(7101, SIGUSR1) = ESRCH"));
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach", "7100/7101 attach",
                                    "7100/7101 signal SIGUSR1 code=0 pid=555 "
                                    "uid=0",
                                    "7100/7101 exit killed=SIGKILL comm=worker",
                                    "7100/7100 exit killed=SIGKILL comm=main"));
}

TEST_F(TracerFakeTest, EsrchOnListenIsNotAnError) {
  AttachGroup({kL});
  fake_.FailCalls(FakeKernel::Op::kListen, kL, ESRCH);
  fake_.AddStop(kL, GroupStop(SIGTSTP));
  fake_.AddStop(kL, Killed(SIGKILL));
  RunOk();
  EXPECT_THAT(CallsAfterAttach(), ElementsAre("listen(7100) = ESRCH"));
  EXPECT_THAT(Events(),
              ElementsAre("7100/7100 attach", "7100/7100 stop SIGTSTP",
                          "7100/7100 exit killed=SIGKILL comm=main"));
}

// PTRACE_GETEVENTMSG failing at a clone event (the parent was killed):
// no clone event; the child's held first stop is released when the parent
// is gone, reported as attached then.
TEST_F(TracerFakeTest, EsrchOnCloneEventMessage) {
  AttachGroup({kL});
  AutoAttached(kC, kC, kL);
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_CLONE));  // no message: ESRCH
  fake_.AddStop(kC, Trap());
  fake_.AddStop(kL, Killed(SIGKILL));
  fake_.AddStop(kC, Exited(0));
  RunOk();
  EXPECT_THAT(CallsAfterAttach(),
              ElementsAre("cont(7100, 0)", "cont(7200, 0)"));
  EXPECT_THAT(
      Events(),
      ElementsAre("7100/7100 attach", "7100/7100 exit killed=SIGKILL comm=main",
                  "7200/7200 attach", "7200/7200 exit code=0 comm=main"));
}

// Race (tests/race_test.cc, SigkillRacingSyscalls): a SIGKILL wakes the
// parent from its clone stop before we read the event message, and it
// stops again at PTRACE_EVENT_EXIT, whose message is its exit status (9):
// read blindly, that would report a clone of a thread 9 that never ends.
// The message is refused; the new thread, killed too, is never reported.
TEST_F(TracerFakeTest, SigkillWakesParentFromCloneStop) {
  AttachGroup({kL});
  AutoAttached(kL, kN, 1);
  fake_.PushStaleEventMsg(kL);
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_CLONE));
  fake_.AddStop(kN, PtraceEvent(PTRACE_EVENT_EXIT));  // never a first stop
  fake_.AddStop(kN, Killed(SIGKILL));
  fake_.AddStop(kL, Killed(SIGKILL));
  RunOk();
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach",
                                    "7100/7100 exit killed=SIGKILL comm=main"));
  EXPECT_THAT(CallsAfterAttach(),
              ElementsAre("cont(7100, 0)", "cont(7103, 0)"));
}

// The same at an exec stop: the exec is reported as the leader's own.
TEST_F(TracerFakeTest, SigkillWakesThreadFromExecStop) {
  AttachGroup({kL});
  fake_.PushStaleEventMsg(kL);
  fake_.SetExecPath(kL, "/bin/echo");
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_EXEC),
                [&] { fake_.SetComm(kL, "echo"); });
  fake_.AddStop(kL, Killed(SIGKILL));
  RunOk();
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach",
                                    "7100/7100 exec /bin/echo old_tid=7100",
                                    "7100/7100 exit killed=SIGKILL comm=echo"));
}

// ---------------------------------------------------------------------------
// Other stops.

TEST_F(TracerFakeTest, UninterestingStopsAreResumedSilently) {
  AttachGroup({kL});
  fake_.AddStop(kL, MakeSyscallStopStatus());
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_SECCOMP));
  fake_.AddStop(kL, PtraceEvent(PTRACE_EVENT_VFORK_DONE));
  fake_.AddStop(kL, Trap());  // a stray PTRACE_INTERRUPT
  fake_.AddStop(kL, Exited(0));
  RunOk();
  EXPECT_THAT(CallsAfterAttach(),
              ElementsAre("cont(7100, 0)", "cont(7100, 0)", "cont(7100, 0)",
                          "cont(7100, 0)"));
  EXPECT_THAT(Events(), ElementsAre("7100/7100 attach",
                                    "7100/7100 exit code=0 comm=main"));
}

TEST_F(TracerFakeTest, WaitErrorIsReported) {
  expect_clean_end_ = false;
  AttachGroup({kL});
  fake_.AddWaitError(EINVAL);
  absl::StatusOr<RunResult> r = tracer().Run();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInternal);
}

// ECHILD with threads still in the table (their deaths were consumed by
// someone else): Run ends instead of waiting forever.
TEST_F(TracerFakeTest, EchildEndsRun) {
  expect_clean_end_ = false;
  AttachGroup({kL});
  RunResult r = RunOk();
  EXPECT_FALSE(r.detached);
  EXPECT_EQ(fake_.waits_past_end(), 1);
}

}  // namespace
}  // namespace ttrace
