// LinuxKernel against real processes, where the kernel's behaviour is the
// point: the answers ptrace gives once a SIGKILL has moved a tracee on from
// the stop we were told about.
#include "tracer/kernel.h"

#include <errno.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gtest/gtest.h"

namespace ttrace {
namespace {

// Race (tests/race_test.cc, SigkillRacingSyscalls), made deterministic: a
// tracee reports its PTRACE_EVENT_FORK stop; before we ask for the new
// pid, a SIGKILL wakes it and it stops again at PTRACE_EVENT_EXIT, whose
// message is its exit status. A raw PTRACE_GETEVENTMSG then answers 9,
// which reads as a pid; GetEventMsg(tid, PTRACE_EVENT_FORK) refuses.
TEST(LinuxKernelTest, EventMessageOfAStopTheTraceeLeft) {
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ptrace(PTRACE_TRACEME, 0, nullptr, nullptr);
    raise(SIGSTOP);
    if (fork() == 0) _exit(0);
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, __WALL), child);
  ASSERT_TRUE(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP);
  ASSERT_EQ(ptrace(PTRACE_SETOPTIONS, child, nullptr,
                   PTRACE_O_TRACEFORK | PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL),
            0);
  ASSERT_EQ(ptrace(PTRACE_CONT, child, nullptr, nullptr), 0);
  ASSERT_EQ(waitpid(child, &status, __WALL), child);
  ASSERT_EQ(status >> 8, SIGTRAP | (PTRACE_EVENT_FORK << 8));

  LinuxKernel kernel;
  unsigned long msg = 0;
  ASSERT_EQ(kernel.GetEventMsg(child, PTRACE_EVENT_FORK, &msg), 0);
  const pid_t grandchild = static_cast<pid_t>(msg);
  EXPECT_GT(grandchild, 0);
  // The kernel traces the new process as ours (PTRACE_O_TRACEFORK).
  kill(grandchild, SIGKILL);

  kill(child, SIGKILL);
  ASSERT_EQ(waitpid(child, &status, __WALL), child);
  if (!WIFSTOPPED(status)) {
    // Kernels that skip PTRACE_EVENT_EXIT under SIGKILL cannot get here.
    EXPECT_TRUE(WIFSIGNALED(status));
    while (waitpid(-1, &status, __WALL) > 0) {
    }
    GTEST_SKIP() << "this kernel does not stop at PTRACE_EVENT_EXIT when "
                    "killed by SIGKILL";
  }
  ASSERT_EQ(status >> 8, SIGTRAP | (PTRACE_EVENT_EXIT << 8));
  unsigned long raw = 0;
  ASSERT_EQ(ptrace(PTRACE_GETEVENTMSG, child, nullptr, &raw), 0);
  EXPECT_EQ(raw, static_cast<unsigned long>(SIGKILL));  // a plausible "pid"

  msg = 12345;
  EXPECT_EQ(kernel.GetEventMsg(child, PTRACE_EVENT_FORK, &msg), ESRCH);
  EXPECT_EQ(kernel.GetEventMsg(child, PTRACE_EVENT_CLONE, &msg), ESRCH);
  EXPECT_EQ(kernel.GetEventMsg(child, PTRACE_EVENT_EXEC, &msg), ESRCH);
  EXPECT_EQ(msg, 12345u);
  ASSERT_EQ(kernel.GetEventMsg(child, PTRACE_EVENT_EXIT, &msg), 0);
  EXPECT_EQ(msg, static_cast<unsigned long>(SIGKILL));

  ASSERT_EQ(ptrace(PTRACE_CONT, child, nullptr, nullptr), 0);
  ASSERT_EQ(waitpid(child, &status, __WALL), child);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  while (waitpid(-1, &status, __WALL) > 0) {  // the grandchild's stops
    if (WIFSTOPPED(status)) {
      ptrace(PTRACE_CONT, grandchild, nullptr, nullptr);
    }
  }
}

}  // namespace
}  // namespace ttrace
