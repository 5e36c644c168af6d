#include "output/errno_names.h"

#include <errno.h>

#include <string>

#include "gtest/gtest.h"

namespace ttrace {
namespace {

// Expected text comes from strace 6.1 on x86_64: a seccomp filter made
// getppid() fail with each errno value, and strace printed "= " + this.
std::string Result(int err) {
  std::string s;
  AppendErrorResult(&s, err);
  return s;
}

TEST(ErrnoNamesTest, CommonNames) {
  EXPECT_STREQ(ErrnoName(EPERM), "EPERM");
  EXPECT_STREQ(ErrnoName(ENOENT), "ENOENT");
  EXPECT_STREQ(ErrnoName(EAGAIN), "EAGAIN");  // not EWOULDBLOCK
  EXPECT_STREQ(ErrnoName(EDEADLK), "EDEADLK");
  EXPECT_STREQ(ErrnoName(EOPNOTSUPP), "EOPNOTSUPP");
  EXPECT_STREQ(ErrnoName(EHWPOISON), "EHWPOISON");  // 133, the last one
  EXPECT_EQ(ErrnoName(0), nullptr);
  EXPECT_EQ(ErrnoName(-2), nullptr);
  EXPECT_EQ(ErrnoName(41), nullptr);  // holes in the Linux numbering
  EXPECT_EQ(ErrnoName(58), nullptr);
  EXPECT_EQ(ErrnoName(134), nullptr);
  EXPECT_EQ(ErrnoName(511), nullptr);
}

TEST(ErrnoNamesTest, KernelInternalNames) {
  EXPECT_STREQ(ErrnoName(512), "ERESTARTSYS");
  EXPECT_STREQ(ErrnoName(513), "ERESTARTNOINTR");
  EXPECT_STREQ(ErrnoName(514), "ERESTARTNOHAND");
  EXPECT_STREQ(ErrnoName(515), "ENOIOCTLCMD");
  EXPECT_STREQ(ErrnoName(516), "ERESTART_RESTARTBLOCK");
  EXPECT_STREQ(ErrnoName(517), "EPROBE_DEFER");
  EXPECT_STREQ(ErrnoName(518), "EOPENSTALE");
  EXPECT_EQ(ErrnoName(519), nullptr);  // ENOPARAM: strace 6.1 has no name
  EXPECT_EQ(ErrnoName(520), nullptr);
  EXPECT_STREQ(ErrnoName(521), "EBADHANDLE");
  EXPECT_STREQ(ErrnoName(524), "ENOTSUPP");
  EXPECT_STREQ(ErrnoName(530), "ERECALLCONFLICT");
  EXPECT_EQ(ErrnoName(531), nullptr);  // ENOGRACE: strace 6.1 has no name
  EXPECT_EQ(ErrnoName(4095), nullptr);
}

TEST(ErrnoNamesTest, Descriptions) {
  EXPECT_STREQ(ErrnoDescription(ENOENT), "No such file or directory");
  EXPECT_STREQ(ErrnoDescription(512), "To be restarted if SA_RESTART is set");
  EXPECT_EQ(ErrnoDescription(515), nullptr);
  EXPECT_EQ(ErrnoDescription(0), nullptr);
}

TEST(ErrnoNamesTest, ErrorResultsMatchStrace) {
  EXPECT_EQ(Result(1), "-1 EPERM (Operation not permitted)");
  EXPECT_EQ(Result(2), "-1 ENOENT (No such file or directory)");
  EXPECT_EQ(Result(11), "-1 EAGAIN (Resource temporarily unavailable)");
  EXPECT_EQ(Result(13), "-1 EACCES (Permission denied)");
  EXPECT_EQ(Result(35), "-1 EDEADLK (Resource deadlock avoided)");
  EXPECT_EQ(Result(95), "-1 EOPNOTSUPP (Operation not supported)");
  EXPECT_EQ(Result(110), "-1 ETIMEDOUT (Connection timed out)");
  EXPECT_EQ(Result(133), "-1 EHWPOISON (Memory page has hardware error)");
  EXPECT_EQ(Result(41), "-1 (errno 41)");
  EXPECT_EQ(Result(58), "-1 (errno 58)");
  EXPECT_EQ(Result(134), "-1 (errno 134)");
  EXPECT_EQ(Result(511), "-1 (errno 511)");
  EXPECT_EQ(Result(600), "-1 (errno 600)");
  EXPECT_EQ(Result(4095), "-1 (errno 4095)");
}

TEST(ErrnoNamesTest, RestartCodesMatchStrace) {
  EXPECT_EQ(Result(512),
            "? ERESTARTSYS (To be restarted if SA_RESTART is set)");
  EXPECT_EQ(Result(513), "? ERESTARTNOINTR (To be restarted)");
  EXPECT_EQ(Result(514), "? ERESTARTNOHAND (To be restarted if no handler)");
  EXPECT_EQ(Result(515), "-1 ENOIOCTLCMD (Unknown error 515)");
  EXPECT_EQ(Result(516), "? ERESTART_RESTARTBLOCK (Interrupted by signal)");
  EXPECT_EQ(Result(517), "-1 EPROBE_DEFER (Unknown error 517)");
  EXPECT_EQ(Result(518), "-1 EOPENSTALE (Unknown error 518)");
  EXPECT_EQ(Result(519), "-1 (errno 519)");
  EXPECT_EQ(Result(520), "-1 (errno 520)");
  EXPECT_EQ(Result(521), "-1 EBADHANDLE (Unknown error 521)");
  EXPECT_EQ(Result(522), "-1 ENOTSYNC (Unknown error 522)");
  EXPECT_EQ(Result(523), "-1 EBADCOOKIE (Unknown error 523)");
  EXPECT_EQ(Result(524), "-1 ENOTSUPP (Unknown error 524)");
  EXPECT_EQ(Result(525), "-1 ETOOSMALL (Unknown error 525)");
  EXPECT_EQ(Result(526), "-1 ESERVERFAULT (Unknown error 526)");
  EXPECT_EQ(Result(527), "-1 EBADTYPE (Unknown error 527)");
  EXPECT_EQ(Result(528), "-1 EJUKEBOX (Unknown error 528)");
  EXPECT_EQ(Result(529), "-1 EIOCBQUEUED (Unknown error 529)");
  EXPECT_EQ(Result(530), "-1 ERECALLCONFLICT (Unknown error 530)");
  EXPECT_EQ(Result(531), "-1 (errno 531)");
}

// strace -e raw=: the restart codes are ordinary errors, without text.
TEST(ErrnoNamesTest, RawRestartCodesMatchStrace) {
  auto raw = [](int err) {
    std::string s;
    AppendErrorResult(&s, err, true);
    return s;
  };
  EXPECT_EQ(raw(512), "-1 ERESTARTSYS (Unknown error 512)");
  EXPECT_EQ(raw(513), "-1 ERESTARTNOINTR (Unknown error 513)");
  EXPECT_EQ(raw(514), "-1 ERESTARTNOHAND (Unknown error 514)");
  EXPECT_EQ(raw(515), "-1 ENOIOCTLCMD (Unknown error 515)");
  EXPECT_EQ(raw(516), "-1 ERESTART_RESTARTBLOCK (Unknown error 516)");
  EXPECT_EQ(raw(2), "-1 ENOENT (No such file or directory)");
  EXPECT_EQ(raw(600), "-1 (errno 600)");
}

TEST(ErrnoNamesTest, IsErrorReturn) {
  EXPECT_TRUE(IsErrorReturn(-1));
  EXPECT_TRUE(IsErrorReturn(-4095));
  EXPECT_FALSE(IsErrorReturn(-4096));
  EXPECT_FALSE(IsErrorReturn(0));
  EXPECT_FALSE(IsErrorReturn(3));
  EXPECT_FALSE(IsErrorReturn(INT64_MIN));
}

TEST(ErrnoNamesTest, NameOrNumber) {
  std::string s;
  AppendErrnoNameOrNumber(&s, ENOENT);
  s.push_back(' ');
  AppendErrnoNameOrNumber(&s, 514);
  s.push_back(' ');
  AppendErrnoNameOrNumber(&s, 600);
  EXPECT_EQ(s, "ENOENT ERESTARTNOHAND 600");
}

}  // namespace
}  // namespace ttrace
