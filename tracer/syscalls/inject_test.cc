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
                                         {"3s", 3'000'000'000},
                                         // As strace 6.1 takes them.
                                         {" +5", 5'000},
                                         {"+.5us", 500},
                                         {"-0", 0}}) {
    InjectRules d;
    ASSERT_TRUE(d.Add(std::string("read:delay_enter=") + c.delay, false).ok())
        << c.delay;
    EXPECT_EQ(d.Inject(kArchX86_64, kRead, 1).delay_enter_ns, c.ns) << c.delay;
    EXPECT_EQ(d.Inject(kArchX86_64, kRead, 1).ret, std::nullopt);
  }
}

TEST(InjectRulesTest, Errors) {
  for (const char* bad :
       {"openat", "openat:error=FOO", "openat:error=0", "openat:error=4096",
        "openat:error=ENOENT:retval=1", "openat:retval=-1", "openat:retval=x",
        "openat:error=ENOENT:when=0", "openat:error=ENOENT:when=3..2",
        "openat:error=ENOENT:when=65536", "openat:error=ENOENT:when=1..65535",
        "openat:error=ENOENT:when=x", "openat:error=ENOENT:bogus=1",
        "openat:error", ":error=ENOENT", "openat:signal=0", "openat:signal=65",
        "openat:signal=FOO", "openat:signal=RTMIN+1",
        "openat:signal=USR1:signal=USR2", "openat:delay_enter=-1",
        "openat:delay_enter=x", "openat:delay_exit=1:delay_exit=2",
        "openat:delay_enter=5h", "openat:delay_enter=0x10",
        "openat:delay_enter= 0.5", "openat:delay_enter=5 ", "openat:when=2",
        // strace refuses these too:
        "openat:poke_enter=@arg0=41", "openat:poke_enter=@arg8=41",
        "openat:poke_enter=arg1=41",
        "openat:poke_enter=@arg1=", "openat:poke_enter=@arg1=4",
        "openat:poke_enter=@arg1=414", "openat:poke_enter=@arg1=41@arg2=42",
        "openat:poke_enter=", "openat:poke_exit=@arg1=41:poke_exit=@arg2=41",
        "getpid:syscall=getppid", "getpid:syscall=sync:retval=1",
        "getpid:syscall=fork:retval=1", "getpid:syscall=write:retval=1",
        "getpid:syscall=nosuch:retval=1",
        "getpid:syscall=gettid:syscall=getuid:retval=1",
        // (strace reads "4G" as 0x04; ttrace refuses it)
        "openat:poke_enter=@arg1=4G"}) {
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
  EXPECT_EQ(r.Add("openat:poke_enter=@arg2=41", true).message(),
            "invalid fault argument 'openat:poke_enter=@arg2=41'");
  EXPECT_TRUE(r.empty());
  // 1024 bytes is the most a poke takes, as in strace.
  EXPECT_TRUE(
      r.Add("read:poke_exit=@arg2=" + std::string(2 * 1024, 'a'), false).ok());
  EXPECT_FALSE(
      r.Add("read:poke_exit=@arg2=" + std::string(2 * 1025, 'a'), false).ok());
}

TEST(InjectRulesTest, PokesAndReplacementSyscall) {
  InjectRules r;
  ASSERT_TRUE(
      r.Add("write:poke_enter=@arg2=4142,@arg4=00ff,:when=2", false).ok());
  EXPECT_EQ(Pattern(r, 1, 4), ".x..");  // write is 1
  const Tamper t = r.Inject(kArchX86_64, 1, 2);
  ASSERT_NE(t.poke_enter, nullptr);
  EXPECT_EQ(t.poke_exit, nullptr);
  ASSERT_EQ(t.poke_enter->size(), 2u);
  EXPECT_EQ((*t.poke_enter)[0].arg, 1);  // @arg2: the second argument
  EXPECT_EQ((*t.poke_enter)[0].data, "AB");
  EXPECT_EQ((*t.poke_enter)[1].arg, 3);
  EXPECT_EQ((*t.poke_enter)[1].data, std::string("\x00\xff", 2));
  EXPECT_EQ(t.nargs, 3);  // write's: the engine refuses @arg4
  EXPECT_FALSE(t.ret);
  EXPECT_EQ(t.replace_nr, -1);

  // syscall= is per architecture: gettid is 186 on x86_64, 224 on i386.
  ASSERT_TRUE(r.Add("getuid:syscall=gettid:retval=42", false).ok());
  const Tamper u = r.Inject(kArchX86_64, 102, 1);
  EXPECT_EQ(u.replace_nr, 186);
  EXPECT_EQ(u.ret, 42);
  EXPECT_EQ(r.Inject(kArchI386, 24, 1).replace_nr, 224);  // getuid
  // A replacement with a signal only runs instead, with its own result.
  ASSERT_TRUE(r.Add("getpid:syscall=gettid:signal=USR1", false).ok());
  const Tamper v = r.Inject(kArchX86_64, 39, 1);
  EXPECT_EQ(v.replace_nr, 186);
  EXPECT_FALSE(v.ret);
  EXPECT_EQ(v.signo, SIGUSR1);
  ASSERT_TRUE(r.Add("read:poke_exit=@arg2=5a", false).ok());
  const Tamper w = r.Inject(kArchX86_64, kRead, 1);
  ASSERT_NE(w.poke_exit, nullptr);
  EXPECT_EQ((*w.poke_exit)[0].data, "Z");
  EXPECT_TRUE(w.any());
}

}  // namespace
}  // namespace ttrace
