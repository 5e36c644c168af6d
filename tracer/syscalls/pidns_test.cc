#include "tracer/syscalls/pidns.h"

#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <vector>

#include "gtest/gtest.h"

namespace ttrace {
namespace {

TEST(ParseNsIdsTest, EachKindItsLine) {
  const char* status =
      "Name:\tsh\nPPid:\t10\nNStgid:\t12345\t1\nNSpid:\t12345\t1\n"
      "NSpgid:\t12000\t0\nNSsid:\t11000\t0\n";
  EXPECT_EQ(ParseNsIds(status, IdKind::kPid), (std::vector<int64_t>{12345, 1}));
  EXPECT_EQ(ParseNsIds(status, IdKind::kPgid),
            (std::vector<int64_t>{12000, 0}));
  EXPECT_EQ(ParseNsIds(status, IdKind::kSid), (std::vector<int64_t>{11000, 0}));
  EXPECT_EQ(ParseNsIds("NSpid:\t42\n", IdKind::kPid),
            (std::vector<int64_t>{42}));
  // Missing or malformed: nothing.
  EXPECT_TRUE(ParseNsIds("Name:\tsh\n", IdKind::kPid).empty());
  EXPECT_TRUE(ParseNsIds("NSpid:\t12x\t1\n", IdKind::kPid).empty());
  EXPECT_TRUE(ParseNsIds("NSpid:\t-3\n", IdKind::kPid).empty());
  EXPECT_TRUE(ParseNsIds("", IdKind::kSid).empty());
  // A line that only starts like one.
  EXPECT_TRUE(ParseNsIds("NSpidx:\t1\n", IdKind::kPid).empty());
}

// In ttrace's own namespace there is nothing to translate.
TEST(TranslatePidTest, SameNamespaceIsNotTranslated) {
  pid_t ours = 0;
  EXPECT_FALSE(TranslatePid(getpid(), getpid(), IdKind::kPid, &ours));
  EXPECT_FALSE(TranslatePid(getpid(), 1, IdKind::kPid, &ours));
}

// A real pid namespace (root only): a child that is pid 1 there, with a
// child of its own (pid 2, in process group 2): their ids translate to
// ours; an id nobody has does not.
TEST(TranslatePidTest, ChildNamespace) {
  if (geteuid() != 0) GTEST_SKIP() << "unshare(CLONE_NEWPID) needs root";
  int ready[2], done[2];
  ASSERT_EQ(pipe(ready), 0);
  ASSERT_EQ(pipe(done), 0);
  const pid_t outer = fork();
  ASSERT_GE(outer, 0);
  if (outer == 0) {
    if (unshare(CLONE_NEWPID) != 0) _exit(2);
    const pid_t init = fork();
    if (init < 0) _exit(3);
    if (init == 0) {  // pid 1
      const pid_t kid = fork();
      if (kid == 0) {  // pid 2, its own process group
        setpgid(0, 0);
        char c;
        (void)!read(done[0], &c, 1);
        _exit(0);
      }
      // Tell the test the pids (ours: written by the outer process).
      setpgid(kid, kid);
      char c;
      (void)!write(ready[1], "r", 1);
      (void)!read(done[0], &c, 1);
      waitpid(kid, nullptr, 0);
      _exit(0);
    }
    int status;
    waitpid(init, &status, 0);
    _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 4);
  }
  char c;
  ASSERT_EQ(read(ready[0], &c, 1), 1);
  // A process's first child, from /proc (0 when none).
  auto first_child = [](pid_t pid) {
    char path[64];
    snprintf(path, sizeof(path), "/proc/%d/task/%d/children", pid, pid);
    pid_t child = 0;
    if (FILE* f = fopen(path, "r")) {
      if (fscanf(f, "%d", &child) != 1) child = 0;
      fclose(f);
    }
    return child;
  };
  const pid_t init = first_child(outer);  // pid 1 of the namespace
  ASSERT_GT(init, 0);
  const pid_t kid = first_child(init);
  ASSERT_GT(kid, 0);
  pid_t ours = 0;
  EXPECT_TRUE(TranslatePid(init, 1, IdKind::kPid, &ours));
  EXPECT_EQ(ours, init);
  EXPECT_TRUE(TranslatePid(init, 2, IdKind::kPid, &ours));
  EXPECT_EQ(ours, kid);
  EXPECT_TRUE(TranslatePid(kid, 2, IdKind::kPgid, &ours));
  EXPECT_EQ(ours, kid);
  // Remembered, and checked again: still right.
  EXPECT_TRUE(TranslatePid(kid, 1, IdKind::kPid, &ours));
  EXPECT_EQ(ours, init);
  EXPECT_FALSE(TranslatePid(init, 3, IdKind::kPid, &ours));
  EXPECT_FALSE(TranslatePid(init, 0, IdKind::kPid, &ours));
  // The session is outside the namespace: 0 there, never translated.
  EXPECT_FALSE(TranslatePid(init, 1, IdKind::kSid, &ours));
  ASSERT_EQ(write(done[1], "dd", 2), 2);
  int status;
  ASSERT_EQ(waitpid(outer, &status, 0), outer);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

}  // namespace
}  // namespace ttrace
