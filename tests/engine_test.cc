// Integration tests: the engine traces real tracee programs (tests/tracees)
// and the exact events are asserted. Racy kernel orderings run in loops.
#include <glob.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/trace_harness.h"
#include "tracer/tracer.h"

namespace ttrace::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAreArray;

std::vector<std::string> Args(const char* tracee,
                              std::vector<std::string> rest) {
  std::vector<std::string> argv = {TraceePath(tracee)};
  argv.insert(argv.end(), rest.begin(), rest.end());
  return argv;
}

TEST(ThreadsTest, ThreadsExitNormally) {
  Traced t = TraceCommand(Args("threads", {"threads", "3", "7"}));
  EXPECT_EQ(t.result.exit_status, 7);
  EXPECT_EQ(CheckLifecycle(t.events), "");
  EXPECT_THAT(DescribeSorted(t.events),
              ElementsAre("P clone thread T1", "P clone thread T2",
                          "P clone thread T3", "P exec threads", "P exit 7",
                          "P spawn", "T1 exit 0", "T2 exit 0", "T3 exit 0"));
  // The leader is reported last, the spawn and exec first.
  EXPECT_THAT(Describe(t.events).front(), "P spawn");
  EXPECT_THAT(Describe(t.events)[1], "P exec threads");
  EXPECT_THAT(Describe(t.events).back(), "P exit 7");
}

TEST(ThreadsTest, EventsCarryPidTidAndIncreasingTimes) {
  Traced t = TraceCommand(Args("threads", {"threads", "2", "0"}));
  ASSERT_FALSE(t.events.empty());
  const pid_t pid = t.events.front().pid;
  for (size_t i = 0; i < t.events.size(); ++i) {
    EXPECT_EQ(t.events[i].pid, pid);
    EXPECT_EQ(t.events[i].seq, i);
    if (i > 0) {
      EXPECT_GE(t.events[i].ts_ns, t.events[i - 1].ts_ns);
    }
  }
  // Unix-epoch nanoseconds: after 2020, before 2100.
  EXPECT_GT(t.events.front().ts_ns, 1577836800LL * 1000000000);
  EXPECT_LT(t.events.front().ts_ns, 4102444800LL * 1000000000);
  for (const Event& e : Only<ExitEvent>(t.events)) {
    EXPECT_EQ(std::get<ExitEvent>(e.payload).comm, "threads");
  }
}

// exit_group: the kernel reports the other threads as exited with the
// group's code (not killed), and the leader last.
TEST(ThreadsTest, ExitGroupReportsGroupCodeForEveryThread) {
  for (int i = 0; i < 30; ++i) {
    Traced t = TraceCommand(Args("threads", {"threads_exit_group", "3", "9"}));
    ASSERT_EQ(t.result.exit_status, 9);
    ASSERT_EQ(CheckLifecycle(t.events), "");
    ASSERT_THAT(DescribeSorted(t.events),
                ElementsAre("P clone thread T1", "P clone thread T2",
                            "P clone thread T3", "P exec threads", "P exit 9",
                            "P spawn", "T1 exit 9", "T2 exit 9", "T3 exit 9"))
        << "iteration " << i;
    ASSERT_EQ(Describe(t.events).back(), "P exit 9");
  }
}

// A leader that calls pthread_exit is reported only once the last thread is
// gone, with the group's exit code.
TEST(ThreadsTest, ZombieLeaderReportedLastWithGroupCode) {
  for (int i = 0; i < 20; ++i) {
    Traced t = TraceCommand(Args("threads", {"leader_exit", "3", "11"}));
    ASSERT_EQ(t.result.exit_status, 11);
    ASSERT_EQ(CheckLifecycle(t.events), "");
    ASSERT_EQ(Describe(t.events).back(), "P exit 11");
    ASSERT_EQ(Count<CloneEvent>(t.events), 3);
    ASSERT_EQ(Count<ExitEvent>(t.events), 4);
  }
}

TEST(ThreadsTest, Clone3CloneAndCloneProcess) {
  Traced t = TraceCommand(Args("threads", {"clone_all"}));
  EXPECT_EQ(t.result.exit_status, 34);
  EXPECT_EQ(CheckLifecycle(t.events), "");
  std::vector<Event> clones = Only<CloneEvent>(t.events);
  ASSERT_EQ(clones.size(), 3u);
  EXPECT_EQ(std::get<CloneEvent>(clones[0].payload).kind, CloneKind::kThread);
  EXPECT_EQ(std::get<CloneEvent>(clones[1].payload).kind, CloneKind::kThread);
  // clone() without CLONE_THREAD (exit signal 0): a process, followed even
  // without -f because it is reported as PTRACE_EVENT_CLONE.
  EXPECT_EQ(std::get<CloneEvent>(clones[2].payload).kind, CloneKind::kProcess);
  const pid_t child = std::get<CloneEvent>(clones[2].payload).child;
  bool child_exit = false;
  for (const Event& e : Only<ExitEvent>(t.events)) {
    if (e.tid == child) {
      child_exit = true;
      EXPECT_EQ(e.pid, child);  // its own thread group
      EXPECT_EQ(std::get<ExitEvent>(e.payload).code, 5);
    }
  }
  EXPECT_TRUE(child_exit);
}

// Race (engine: HandleOrphanStop): a new thread's first stop may be reported
// before its parent's PTRACE_EVENT_CLONE. Many short threads make both
// orders happen; each creation must be reported once, before the thread's
// own events.
TEST(ThreadsTest, CloneRaceManyThreadsEachReportedOnce) {
  for (int i = 0; i < 20; ++i) {
    Traced t = TraceCommand(Args("threads", {"threads", "20", "0"}));
    ASSERT_EQ(t.result.exit_status, 0);
    ASSERT_EQ(CheckLifecycle(t.events), "") << "iteration " << i;
    ASSERT_EQ(Count<CloneEvent>(t.events), 20);
    ASSERT_EQ(Count<ExitEvent>(t.events), 21);
  }
}

// execve from a non-leader thread: the other threads exit 0, the leader is
// superseded, and the exec'ing thread continues under the leader's tid.
TEST(ExecTest, ExecFromNonLeaderThread) {
  for (int i = 0; i < 30; ++i) {
    Traced t = TraceCommand(Args("execs", {"exec_nonleader", "2"}));
    ASSERT_EQ(t.result.exit_status, 42);
    ASSERT_EQ(CheckLifecycle(t.events), "") << "iteration " << i;
    ASSERT_THAT(DescribeSorted(t.events),
                ElementsAre("P clone thread T1", "P clone thread T2",
                            "P clone thread T3", "P exec execs",
                            "P exec execs old T3", "P exit 42", "P spawn",
                            "P superseded by T3", "T1 exit 0", "T2 exit 0"))
        << "iteration " << i;
    std::vector<std::string> d = Describe(t.events);
    // The superseded report comes right before the exec it is due to.
    auto sup = std::find(d.begin(), d.end(), "P superseded by T3");
    ASSERT_NE(sup, d.end());
    ASSERT_EQ(*(sup + 1), "P exec execs old T3");
    ASSERT_EQ(d.back(), "P exit 42");
  }
}

TEST(ExecTest, ExecFromLeaderWithThreads) {
  Traced t = TraceCommand(Args(
      "execs", {"exec_leader", TraceePath("execs"), "execs", "exit", "3"}));
  EXPECT_EQ(t.result.exit_status, 3);
  EXPECT_EQ(CheckLifecycle(t.events), "");
  EXPECT_THAT(DescribeSorted(t.events),
              ElementsAre("P clone thread T1", "P clone thread T2",
                          "P exec execs", "P exec execs", "P exit 3", "P spawn",
                          "T1 exit 0", "T2 exit 0"));
}

TEST(ExecTest, ExecChainReportsEveryExecWithPath) {
  Traced t = TraceCommand(Args("execs", {"exec_chain", "3"}));
  EXPECT_EQ(t.result.exit_status, 0);
  std::vector<Event> execs = Only<ExecEvent>(t.events);
  ASSERT_EQ(execs.size(), 4u);
  for (const Event& e : execs) {
    EXPECT_EQ(std::get<ExecEvent>(e.payload).path.find('/') == 0, true);
    EXPECT_EQ(std::get<ExecEvent>(e.payload).old_tid, e.tid);
  }
}

TEST(ExecTest, ForkExecChainWithFollowForks) {
  Traced t = TraceCommand(Args("execs", {"fork_exec_chain", "4"}),
                          TracerOptions{.follow_forks = true});
  EXPECT_EQ(t.result.exit_status, 4);
  EXPECT_EQ(CheckLifecycle(t.events), "");
  EXPECT_EQ(Count<CloneEvent>(t.events), 4);
  EXPECT_EQ(Count<ExecEvent>(t.events), 5);
  // Each process exits with depth below it: 0, 1, 2, 3, 4.
  std::vector<int> codes;
  for (const Event& e : Only<ExitEvent>(t.events)) {
    codes.push_back(std::get<ExitEvent>(e.payload).code);
  }
  EXPECT_THAT(codes, ElementsAre(0, 1, 2, 3, 4));
}

TEST(SignalTest, TkillSelfIsReportedAndDeliveredOnce) {
  Traced t = TraceCommand(Args("signals", {"tkill_self"}));
  EXPECT_EQ(t.result.exit_status, 40);  // the handler ran exactly once
  EXPECT_THAT(Describe(t.events),
              ElementsAre("P spawn", "P exec signals",
                          "P signal SIGUSR1 SI_TKILL from P", "P exit 40"));
}

TEST(SignalTest, IgnoredSignalIsStillReported) {
  Traced t = TraceCommand(Args("signals", {"ignored"}));
  EXPECT_EQ(t.result.exit_status, 41);
  EXPECT_EQ(Count<SignalEvent>(t.events), 1);
  EXPECT_THAT(Describe(t.events)[2], ::testing::StartsWith("P signal SIGUSR2"));
}

TEST(SignalTest, BlockedSignalReportedOnceWhenUnblocked) {
  Traced t = TraceCommand(Args("signals", {"blocked"}));
  EXPECT_EQ(t.result.exit_status, 42);
  EXPECT_EQ(Count<SignalEvent>(t.events), 1);
}

TEST(SignalTest, SignalFromAnotherThread) {
  Traced t = TraceCommand(Args("signals", {"thread_signal"}));
  EXPECT_EQ(t.result.exit_status, 43);
  EXPECT_THAT(
      DescribeSorted(t.events),
      ElementsAre("P clone thread T1", "P exec signals", "P exit 43",
                  "P signal SIGUSR1 SI_TKILL from P", "P spawn", "T1 exit 0"));
}

TEST(SignalTest, SegvKillsEveryThread) {
  Traced t = TraceCommand(Args("signals", {"segv"}));
  EXPECT_EQ(t.result.exit_status, 128 + SIGSEGV);
  EXPECT_THAT(Describe(t.events),
              ElementsAre("P spawn", "P exec signals",
                          "P signal SIGSEGV SEGV_MAPERR", "P killed SIGSEGV"));
  const auto& sig = std::get<SignalEvent>(t.events[2].payload);
  ASSERT_TRUE(sig.addr.has_value());
  EXPECT_EQ(*sig.addr, 0u);
}

TEST(SignalTest, AbortWithCoreDump) {
  Traced t = TraceCommand(Args("signals", {"abort", "core"}));
  EXPECT_EQ(t.result.exit_status, 128 + SIGABRT);
  std::vector<std::string> d = Describe(t.events);
  EXPECT_EQ(d.back(), "P killed SIGABRT core");
  // The tracee dumped its core in a /tmp/ttrace-core.* directory.
  glob_t g;
  if (glob("/tmp/ttrace-core.*", 0, nullptr, &g) == 0) {
    for (size_t i = 0; i < g.gl_pathc; ++i) {
      std::string dir = g.gl_pathv[i];
      std::string core = dir + "/core";
      unlink(core.c_str());
      rmdir(dir.c_str());
    }
    globfree(&g);
  }
}

// SIGKILL has no delivery stop; every thread reports killed by it.
TEST(SignalTest, SigkillKillsEveryThreadWithoutSignalEvent) {
  for (int i = 0; i < 30; ++i) {
    Traced t = TraceCommand(Args("signals", {"kill_self_9", "2"}));
    ASSERT_EQ(t.result.exit_status, 128 + SIGKILL);
    ASSERT_EQ(CheckLifecycle(t.events), "");
    ASSERT_THAT(DescribeSorted(t.events),
                ElementsAre("P clone thread T1", "P clone thread T2",
                            "P exec signals", "P killed SIGKILL", "P spawn",
                            "T1 killed SIGKILL", "T2 killed SIGKILL"))
        << "iteration " << i;
  }
}

// Nothing lost, nothing doubled: the tracee counts what its handler saw.
TEST(SignalTest, ManySignalsEachReportedAndDeliveredOnce) {
  Traced t = TraceCommand(Args("signals", {"count", "500"}));
  EXPECT_EQ(t.result.exit_status, 44);
  EXPECT_EQ(Count<SignalEvent>(t.events), 500);
}

TEST(StopTest, StopAndContinue) {
  Traced t = TraceCommand(Args("stops", {"stop_self"}), {}, [](const Event& e) {
    if (std::holds_alternative<StopEvent>(e.payload)) kill(e.pid, SIGCONT);
  });
  EXPECT_EQ(t.result.exit_status, 50);
  EXPECT_THAT(
      Describe(t.events),
      ElementsAre("P spawn", "P exec stops", "P signal SIGSTOP SI_TKILL from P",
                  "P stop SIGSTOP", "P cont",
                  "P signal SIGCONT SI_USER from T1", "P exit 50"));
}

TEST(StopTest, TerminalStopSignal) {
  Traced t = TraceCommand(Args("stops", {"tstp"}), {}, [](const Event& e) {
    if (std::holds_alternative<StopEvent>(e.payload)) kill(e.pid, SIGCONT);
  });
  EXPECT_EQ(t.result.exit_status, 51);
  EXPECT_EQ(Count<StopEvent>(t.events), 1);
  EXPECT_EQ(std::get<StopEvent>(Only<StopEvent>(t.events)[0].payload).signo,
            SIGTSTP);
}

// A group-stop stops every thread: one stop event per thread, and one cont
// per thread when SIGCONT resumes the group; SIGCONT itself is delivered to
// one thread.
TEST(StopTest, GroupStopOfThreadedProcess) {
  for (int i = 0; i < 10; ++i) {
    int stops = 0;
    Traced t = TraceCommand(
        Args("stops", {"threads_stop", "3"}), {}, [&stops](const Event& e) {
          if (std::holds_alternative<StopEvent>(e.payload) && ++stops == 4) {
            kill(e.pid, SIGCONT);
          }
        });
    ASSERT_EQ(t.result.exit_status, 53);
    ASSERT_EQ(CheckLifecycle(t.events), "");
    ASSERT_EQ(Count<StopEvent>(t.events), 4);
    ASSERT_EQ(Count<ContEvent>(t.events), 4);
    std::vector<Event> sigs = Only<SignalEvent>(t.events);
    ASSERT_EQ(sigs.size(), 2u);
    ASSERT_EQ(std::get<SignalEvent>(sigs[0].payload).signo, SIGSTOP);
    ASSERT_EQ(std::get<SignalEvent>(sigs[1].payload).signo, SIGCONT);
  }
}

TEST(StopTest, ParentStopsAndContinuesChild) {
  Traced t = TraceCommand(Args("stops", {"child_stop_cont", "3"}),
                          TracerOptions{.follow_forks = true});
  EXPECT_EQ(t.result.exit_status, 52);
  EXPECT_EQ(CheckLifecycle(t.events), "");
  EXPECT_EQ(Count<StopEvent>(t.events), 3);
  EXPECT_EQ(Count<ContEvent>(t.events), 3);
  std::vector<std::string> d = Describe(t.events);
  EXPECT_EQ(std::count(d.begin(), d.end(), "T1 stop SIGSTOP"), 3);
  EXPECT_EQ(std::count(d.begin(), d.end(), "T1 killed SIGTERM"), 1);
}

TEST(ForkTest, ForksFollowedWithF) {
  Traced t = TraceCommand(Args("forks", {"fork", "3"}),
                          TracerOptions{.follow_forks = true});
  EXPECT_EQ(t.result.exit_status, 60);
  EXPECT_EQ(CheckLifecycle(t.events), "");
  std::vector<Event> clones = Only<CloneEvent>(t.events);
  ASSERT_EQ(clones.size(), 3u);
  std::vector<std::string> d = DescribeSorted(t.events);
  EXPECT_THAT(d, ::testing::IsSupersetOf({"T1 exit 0", "T2 exit 1", "T3 exit 2",
                                          "P exit 60", "P clone process T1"}));
  // One SIGCHLD per child, unless some merged while pending (standard
  // signals do not queue).
  EXPECT_GE(Count<SignalEvent>(t.events), 1);
  EXPECT_LE(Count<SignalEvent>(t.events), 3);
}

TEST(ForkTest, ForksNotFollowedWithoutF) {
  Traced t = TraceCommand(Args("forks", {"fork", "3"}));
  EXPECT_EQ(t.result.exit_status, 60);
  EXPECT_EQ(Count<CloneEvent>(t.events), 0);
  EXPECT_EQ(Count<ExitEvent>(t.events), 1);
}

TEST(ForkTest, Vfork) {
  Traced t = TraceCommand(Args("forks", {"vfork"}),
                          TracerOptions{.follow_forks = true});
  EXPECT_EQ(t.result.exit_status, 61);
  EXPECT_THAT(DescribeSorted(t.events),
              ::testing::IsSupersetOf({"P clone vfork T1", "T1 exit 7"}));
}

TEST(ForkTest, VforkExec) {
  Traced t = TraceCommand(Args("forks", {"vfork_exec"}),
                          TracerOptions{.follow_forks = true});
  EXPECT_EQ(t.result.exit_status, 62);
  EXPECT_THAT(DescribeSorted(t.events),
              ::testing::IsSupersetOf(
                  {"P clone vfork T1", "T1 exec true", "T1 exit 0"}));
}

TEST(ForkTest, DeepForkTree) {
  Traced t = TraceCommand(Args("forks", {"fork_tree", "8"}),
                          TracerOptions{.follow_forks = true});
  EXPECT_EQ(t.result.exit_status, 8);
  EXPECT_EQ(CheckLifecycle(t.events), "");
  EXPECT_EQ(Count<CloneEvent>(t.events), 8);
  EXPECT_EQ(Count<ExitEvent>(t.events), 9);
}

TEST(SpawnTest, Errors) {
  RecordingSink sink;
  {
    Tracer tracer({}, &sink);
    absl::Status s = tracer.Spawn({"/nonexistent/program"});
    EXPECT_EQ(s.code(), absl::StatusCode::kNotFound) << s;
  }
  {
    Tracer tracer({}, &sink);
    absl::Status s = tracer.Spawn({"no-such-command-xyz"});
    EXPECT_EQ(s.code(), absl::StatusCode::kNotFound) << s;
  }
  {
    Tracer tracer({}, &sink);
    absl::Status s = tracer.Spawn({"/tmp"});
    EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied) << s;
  }
  {
    Tracer tracer({}, &sink);
    absl::Status s = tracer.Spawn({"/etc/passwd"});
    EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied) << s;
  }
  EXPECT_THAT(sink.events, IsEmpty());
}

TEST(AttachTest, Errors) {
  RecordingSink sink;
  Tracer tracer({}, &sink);
  EXPECT_EQ(tracer.Attach(0).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(tracer.Attach(-1).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(tracer.Attach(99999999).code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(tracer.Attach(getpid()).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(sink.events, IsEmpty());
}

}  // namespace
}  // namespace ttrace::testing
