#include "tracer/syscalls/inject.h"

#include <errno.h>
#include <signal.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace ttrace {
namespace {

constexpr int32_t kOpenat = 257;
constexpr int32_t kClose = 3;
constexpr int32_t kRead = 0;

// Which of invocations 1..n are tampered with, as "-1..." marks.
std::string Pattern(const InjectRules& r, int32_t nr, int n = 12) {
  std::string s;
  for (int i = 1; i <= n; ++i) {
    s += r.Inject(kArchX86_64, nr, i).any() ? 'x' : '.';
  }
  return s;
}

TEST(InjectRulesTest, WhenExpressions) {
  struct Case {
    const char* when;
    const char* pattern;
  };
  for (const Case& c : std::vector<Case>{{"", "xxxxxxxxxxxx"},
                                         {":when=3", "..x........."},
                                         {":when=3+", "..xxxxxxxxxx"},
                                         {":when=3..5", "..xxx......."},
                                         {":when=3..5+", "..xxx......."},
                                         {":when=2+3", ".x..x..x..x."},
                                         {":when=2..8+3", ".x..x..x...."},
                                         {":when=1+", "xxxxxxxxxxxx"}}) {
    InjectRules r;
    ASSERT_TRUE(r.Add(std::string("openat:error=ENOENT") + c.when, false).ok())
        << c.when;
    EXPECT_EQ(Pattern(r, kOpenat), c.pattern) << c.when;
    EXPECT_EQ(Pattern(r, kClose), "............") << c.when;
  }
}

TEST(InjectRulesTest, Values) {
  InjectRules r;
  ASSERT_TRUE(r.Add("openat:error=ENOENT", false).ok());
  EXPECT_EQ(r.Inject(kArchX86_64, kOpenat, 1).ret, -ENOENT);
  ASSERT_TRUE(r.Add("close:error=13", false).ok());
  EXPECT_EQ(r.Inject(kArchX86_64, kClose, 1).ret, -EACCES);
  ASSERT_TRUE(r.Add("read:retval=42", false).ok());
  EXPECT_EQ(r.Inject(kArchX86_64, kRead, 7).ret, 42);
  // fault: ENOSYS unless told; a set; the later rule wins where they meet.
  ASSERT_TRUE(r.Add("%file:when=2", true).ok());
  EXPECT_EQ(r.Inject(kArchX86_64, kOpenat, 1).ret, std::nullopt);
  EXPECT_EQ(r.Inject(kArchX86_64, kOpenat, 2).ret, -ENOSYS);
  EXPECT_EQ(r.Inject(kArchX86_64, kClose, 1).ret, -EACCES);  // not %file
  EXPECT_TRUE(r.Covers(kArchX86_64, kOpenat));
  EXPECT_TRUE(r.Covers(kArchX86_64, kRead));
  EXPECT_FALSE(r.Covers(kArchX86_64, 39));        // getpid
  EXPECT_TRUE(r.covered().Traced(kArchI386, 5));  // i386 open: %file
}

// signal= and delay_*=, alone or with a value, as strace parses them.
TEST(InjectRulesTest, SignalsAndDelays) {
  InjectRules r;
  ASSERT_TRUE(r.Add("openat:signal=usr1", false).ok());
  Tamper t = r.Inject(kArchX86_64, kOpenat, 1);
  EXPECT_EQ(t.ret, std::nullopt);
  EXPECT_EQ(t.signo, SIGUSR1);
  EXPECT_FALSE(t.delayed());
  ASSERT_TRUE(
      r.Add("close:retval=3:signal=SIGRTMIN:delay_exit=2ms", false).ok());
  t = r.Inject(kArchX86_64, kClose, 1);
  EXPECT_EQ(t.ret, 3);
  EXPECT_EQ(t.signo, 32);
  EXPECT_EQ(t.delay_enter_ns, -1);
  EXPECT_EQ(t.delay_exit_ns, 2'000'000);
  EXPECT_TRUE(t.delayed());
  struct Case {
    const char* delay;
    int64_t ns;
  };
  for (const Case& c : std::vector<Case>{{"0", 0},
                                         {"7", 7'000},
                                         {"1.5", 1'500},
                                         {"1e3", 1'000'000},
                                         {"2us", 2'000},
                                         {"250ns", 250},
                                         {"1.5ms", 1'500'000},
                                         {"3s", 3'000'000'000}}) {
    InjectRules d;
    ASSERT_TRUE(d.Add(std::string("read:delay_enter=") + c.delay, false).ok())
        << c.delay;
    EXPECT_EQ(d.Inject(kArchX86_64, kRead, 1).delay_enter_ns, c.ns) << c.delay;
    EXPECT_EQ(d.Inject(kArchX86_64, kRead, 1).ret, std::nullopt);
  }
}

TEST(InjectRulesTest, Errors) {
  for (const char* bad : {"openat",
                          "openat:error=FOO",
                          "openat:error=0",
                          "openat:error=4096",
                          "openat:error=ENOENT:retval=1",
                          "openat:retval=-1",
                          "openat:retval=x",
                          "openat:error=ENOENT:when=0",
                          "openat:error=ENOENT:when=3..2",
                          "openat:error=ENOENT:when=65536",
                          "openat:error=ENOENT:when=1..65535",
                          "openat:error=ENOENT:when=x",
                          "openat:error=ENOENT:bogus=1",
                          "openat:error",
                          ":error=ENOENT",
                          "openat:signal=0",
                          "openat:signal=65",
                          "openat:signal=FOO",
                          "openat:signal=RTMIN+1",
                          "openat:signal=USR1:signal=USR2",
                          "openat:delay_enter=-1",
                          "openat:delay_enter=x",
                          "openat:delay_exit=1:delay_exit=2",
                          "openat:delay_enter=5h",
                          "openat:when=2"}) {
    InjectRules r;
    const absl::Status s = r.Add(bad, false);
    EXPECT_EQ(s.message(), std::string("invalid inject argument '") + bad + "'")
        << bad;
    EXPECT_TRUE(r.empty());
  }
  InjectRules r;
  EXPECT_EQ(r.Add("nosuchcall:error=ENOENT", false).message(),
            "invalid system call 'nosuchcall'");
  EXPECT_EQ(r.Add("openat:retval=1", true).message(),
            "invalid fault argument 'openat:retval=1'");
  EXPECT_EQ(r.Add("openat:signal=SIGSEGV", true).message(),
            "invalid fault argument 'openat:signal=SIGSEGV'");
  EXPECT_EQ(r.Add("openat:delay_enter=1", true).message(),
            "invalid fault argument 'openat:delay_enter=1'");
  EXPECT_EQ(r.Add("openat:poke_enter=@arg1=00", false).message(),
            "inject poke_enter= is not supported (error=, retval=, signal= "
            "and delay_*= are)");
  EXPECT_TRUE(r.empty());
}

}  // namespace
}  // namespace ttrace
