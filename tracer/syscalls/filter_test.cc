#include "tracer/syscalls/filter.h"

#include <signal.h>
#include <sys/syscall.h>

#include <string>

#include "gtest/gtest.h"
#include "tracer/syscalls/signals.h"
#include "tracer/syscalls/syscall_table.h"

namespace ttrace {
namespace {

constexpr uint32_t k64 = kArchX86_64;
constexpr uint32_t k32 = kArchI386;

SyscallFilter Parse(const std::string& expr) {
  absl::StatusOr<SyscallFilter> f = ParseTraceFilter(expr);
  EXPECT_TRUE(f.ok()) << expr << ": " << f.status();
  return f.ok() ? *f : SyscallFilter::None();
}

std::string Error(const std::string& expr) {
  absl::StatusOr<SyscallFilter> f = ParseTraceFilter(expr);
  return f.ok() ? "ok" : std::string(f.status().message());
}

int Count(const SyscallFilter& f, uint32_t arch) {
  int n = 0;
  for (int nr : SyscallTable::Get().Numbers(arch)) n += f.Traced(arch, nr);
  return n;
}

TEST(TraceFilterTest, Names) {
  SyscallFilter f = Parse("open,read");
  EXPECT_TRUE(f.Traced(k64, SYS_open));
  EXPECT_TRUE(f.Traced(k64, SYS_read));
  EXPECT_FALSE(f.Traced(k64, SYS_write));
  EXPECT_TRUE(f.Traced(k32, 5));   // i386 open
  EXPECT_TRUE(f.Traced(k32, 3));   // i386 read
  EXPECT_FALSE(f.Traced(k32, 4));  // i386 write
  EXPECT_FALSE(f.Traced(k64, 335));
  EXPECT_FALSE(f.Traced(k64, 100000));
  EXPECT_FALSE(f.all());
  EXPECT_FALSE(f.none());
  EXPECT_EQ(Count(f, k64), 2);
}

// What strace shows whatever -e trace= selects: numbers no table names.
TEST(TraceFilterTest, AddUnknownAddsOnlyNumbersWithoutAName) {
  SyscallFilter f = Parse("getpid");
  f.AddUnknown();
  EXPECT_TRUE(f.Traced(k64, SYS_getpid));
  EXPECT_FALSE(f.Traced(k64, SYS_read));
  EXPECT_TRUE(f.Traced(k64, 335));  // a gap in x86_64's table
  EXPECT_TRUE(f.Traced(k64, 400));
  EXPECT_TRUE(f.Traced(k64, FilterNumber(100000)));  // beyond it
  EXPECT_FALSE(f.Traced(k32, 3));                    // i386 read
  EXPECT_TRUE(f.Traced(k32, 20));                    // i386 getpid
  EXPECT_TRUE(f.Traced(k32, 222));                   // a gap in i386's
  EXPECT_EQ(Count(f, k64), 1);                       // no named call was added
  EXPECT_FALSE(f.none());
}

TEST(TraceFilterTest, EmptyTokensAreSkipped) {
  SyscallFilter f = Parse("open,,read,");
  EXPECT_EQ(Count(f, k64), 2);
}

TEST(TraceFilterTest, NameOnlyOnOneArch) {
  SyscallFilter f = Parse("waitpid");  // i386 only
  EXPECT_TRUE(f.Traced(k32, 7));
  EXPECT_EQ(Count(f, k64), 0);
}

TEST(TraceFilterTest, Negation) {
  SyscallFilter f = Parse("!read,write");
  EXPECT_FALSE(f.Traced(k64, SYS_read));
  EXPECT_FALSE(f.Traced(k64, SYS_write));
  EXPECT_TRUE(f.Traced(k64, SYS_openat));
  EXPECT_TRUE(f.Traced(k64, 335));          // unknown: traced
  EXPECT_TRUE(f.Traced(k64, 100000));       // out of range: traced
  EXPECT_TRUE(f.Traced(0x1234, SYS_read));  // other arch: traced
  EXPECT_FALSE(f.all());
  EXPECT_FALSE(f.none());
  SyscallFilter g = Parse("!!read");
  EXPECT_TRUE(g.Traced(k64, SYS_read));
  EXPECT_FALSE(g.Traced(k64, SYS_write));
}

TEST(TraceFilterTest, AllAndNone) {
  EXPECT_TRUE(Parse("all").all());
  EXPECT_TRUE(Parse("!none").all());
  EXPECT_TRUE(Parse("none").none());
  EXPECT_TRUE(Parse("!all").none());
  EXPECT_TRUE(Parse("all").Traced(k64, 100000));
  EXPECT_FALSE(Parse("none").Traced(k64, SYS_read));
  EXPECT_TRUE(SyscallFilter::All().all());
  EXPECT_TRUE(SyscallFilter::None().none());
  // "all" is also a (legacy) class: it may be combined with names.
  SyscallFilter f = Parse("all,open");
  EXPECT_TRUE(f.Traced(k64, SYS_read));
  EXPECT_FALSE(f.all());  // unknown numbers are not selected by a class
  EXPECT_FALSE(f.Traced(k64, 335));
}

TEST(TraceFilterTest, Classes) {
  SyscallFilter f = Parse("%memory");
  EXPECT_TRUE(f.Traced(k64, SYS_mmap));
  EXPECT_TRUE(f.Traced(k64, SYS_brk));
  EXPECT_TRUE(f.Traced(k32, 192));  // mmap2
  EXPECT_FALSE(f.Traced(k64, SYS_read));
  EXPECT_EQ(Count(Parse("%net"), k64), Count(Parse("%network"), k64));
  EXPECT_EQ(Count(Parse("network"), k64), Count(Parse("%network"), k64));
  EXPECT_EQ(Count(Parse("%creds"), k64), 19);
  EXPECT_EQ(Count(Parse("%clock"), k64), 8);
  EXPECT_EQ(Count(Parse("%pure"), k64), 8);
  EXPECT_EQ(Count(Parse("%stat"), k64), 1);
  EXPECT_EQ(Count(Parse("%lstat"), k64), 1);
  EXPECT_EQ(Count(Parse("%fstat"), k64), 3);
  EXPECT_EQ(Count(Parse("%%stat"), k64), 5);
  EXPECT_EQ(Count(Parse("%statfs"), k64), 1);
  EXPECT_EQ(Count(Parse("%fstatfs"), k64), 1);
  EXPECT_EQ(Count(Parse("%%statfs"), k64), 3);
  SyscallFilter p = Parse("%process");
  for (const char* name :
       {"clone", "clone3", "fork", "vfork", "execve", "execveat", "exit",
        "exit_group", "wait4", "waitid", "kill", "tkill", "tgkill"}) {
    EXPECT_TRUE(p.Traced(k64, SyscallTable::Get().Number(k64, name))) << name;
  }
  EXPECT_FALSE(p.Traced(k64, SYS_read));
  SyscallFilter s = Parse("%signal");
  EXPECT_TRUE(s.Traced(k64, SYS_rt_sigaction));
  EXPECT_TRUE(s.Traced(k64, SYS_kill));
  EXPECT_FALSE(s.Traced(k64, SYS_read));
  SyscallFilter d = Parse("%desc");
  EXPECT_TRUE(d.Traced(k64, SYS_read));
  EXPECT_TRUE(d.Traced(k64, SYS_close));
  EXPECT_TRUE(d.Traced(k64, SYS_mq_notify));  // as strace 6.1 shows it
  EXPECT_FALSE(d.Traced(k64, SYS_stat));
  SyscallFilter fi = Parse("%file");
  EXPECT_TRUE(fi.Traced(k64, SYS_stat));
  EXPECT_TRUE(fi.Traced(k64, SYS_openat));
  EXPECT_FALSE(fi.Traced(k64, SYS_read));
  SyscallFilter i = Parse("%ipc");
  EXPECT_TRUE(i.Traced(k64, SYS_shmget));
  EXPECT_TRUE(i.Traced(k32, 117));  // ipc
}

TEST(TraceFilterTest, NegatedClass) {
  SyscallFilter f = Parse("!%file");
  EXPECT_FALSE(f.Traced(k64, SYS_openat));
  EXPECT_TRUE(f.Traced(k64, SYS_read));
}

TEST(TraceFilterTest, Numbers) {
  SyscallFilter f = Parse("0,257");
  EXPECT_TRUE(f.Traced(k64, 0));
  EXPECT_TRUE(f.Traced(k64, 257));
  EXPECT_TRUE(f.Traced(k32, 0));    // restart_syscall
  EXPECT_TRUE(f.Traced(k32, 257));  // remap_file_pages
  EXPECT_EQ(Error("999"), "invalid system call '999'");
  EXPECT_EQ(Error("1x"), "invalid system call '1x'");
  EXPECT_EQ(Error("335"), "ok");  // unknown on x86_64, known on i386
  EXPECT_FALSE(Parse("335").Traced(k64, 335));
}

TEST(TraceFilterTest, Regex) {
  SyscallFilter f = Parse("/^(read|write)$");
  EXPECT_TRUE(f.Traced(k64, SYS_read));
  EXPECT_TRUE(f.Traced(k64, SYS_write));
  EXPECT_FALSE(f.Traced(k64, SYS_readv));
  SyscallFilter g = Parse("/stat");
  EXPECT_TRUE(g.Traced(k64, SYS_newfstatat));
  EXPECT_TRUE(g.Traced(k64, SYS_statx));
  EXPECT_TRUE(g.Traced(k32, 195));  // stat64
  EXPECT_EQ(Error("/^nosuch"), "invalid system call '/^nosuch'");
  // The message after the pattern is the C library's regerror() text.
  EXPECT_EQ(Error("/[").rfind("regcomp: [: ", 0), 0u) << Error("/[");
}

// i386's socketcall and ipc are filtered as the call they make, by its
// pseudo number, as strace 6.1 does (checked by running it on
// tests/tracees/i386_net.c: -e trace=socket shows the socketcall(SYS_SOCKET)
// calls, -e trace=socketcall only the ones that make no call, -e trace=send
// is valid though i386 has no send syscall).
constexpr int kSock = SyscallTable::kSocketSubcalls;
constexpr int kIpc = SyscallTable::kIpcSubcalls;

TEST(TraceFilterTest, SubcallsByName) {
  SyscallFilter f = Parse("socket");
  EXPECT_TRUE(f.Traced(k64, SYS_socket));
  EXPECT_TRUE(f.Traced(k32, 359));         // i386's direct socket
  EXPECT_TRUE(f.Traced(k32, kSock + 1));   // socketcall(SYS_SOCKET)
  EXPECT_FALSE(f.Traced(k32, kSock + 2));  // bind
  EXPECT_FALSE(f.Traced(k32, 102));        // socketcall making no call
  SyscallFilter g = Parse("socketcall");
  EXPECT_TRUE(g.Traced(k32, 102));
  EXPECT_FALSE(g.Traced(k32, kSock + 1));
  // No i386 syscall of these names: only the pseudo ones.
  SyscallFilter send = Parse("send");
  EXPECT_TRUE(send.Traced(k32, kSock + 9));
  EXPECT_EQ(Count(send, k32), 0);
  EXPECT_EQ(Count(send, k64), 0);
  EXPECT_EQ(Error("send@64"), "invalid system call 'send@64'");
  EXPECT_TRUE(Parse("send@32").Traced(k32, kSock + 9));
  SyscallFilter semop = Parse("semop");
  EXPECT_TRUE(semop.Traced(k64, SYS_semop));
  EXPECT_TRUE(semop.Traced(k32, kIpc + 1));
  EXPECT_EQ(Count(semop, k32), 0);
  EXPECT_FALSE(Parse("semop@64").Traced(k32, kIpc + 1));
  // Numbers are real syscalls only.
  EXPECT_EQ(Error(std::to_string(kSock + 1)),
            "invalid system call '" + std::to_string(kSock + 1) + "'");
}

TEST(TraceFilterTest, SubcallsByClassAndRegex) {
  SyscallFilter net = Parse("%network");
  EXPECT_TRUE(net.Traced(k32, kSock + 1));
  EXPECT_TRUE(net.Traced(k32, kSock + 20));  // sendmmsg
  EXPECT_FALSE(net.Traced(k32, 102));        // socketcall is %desc
  EXPECT_FALSE(net.Traced(k32, kIpc + 2));   // semget
  SyscallFilter desc = Parse("%desc");
  EXPECT_TRUE(desc.Traced(k32, 102));
  EXPECT_FALSE(desc.Traced(k32, kSock + 1));
  SyscallFilter ipc = Parse("%ipc");
  EXPECT_TRUE(ipc.Traced(k32, 117));
  EXPECT_TRUE(ipc.Traced(k32, kIpc + 24));  // shmctl
  EXPECT_FALSE(ipc.Traced(k32, kSock + 1));
  SyscallFilter mem = Parse("%memory");
  EXPECT_TRUE(mem.Traced(k32, kIpc + 21));   // shmat
  EXPECT_TRUE(mem.Traced(k32, kIpc + 22));   // shmdt
  EXPECT_FALSE(mem.Traced(k32, kIpc + 23));  // shmget
  SyscallFilter re = Parse("/^send$");
  EXPECT_TRUE(re.Traced(k32, kSock + 9));
  EXPECT_EQ(Count(re, k32) + Count(re, k64), 0);
  SyscallFilter neg = Parse("!socket");
  EXPECT_FALSE(neg.Traced(k32, kSock + 1));
  EXPECT_TRUE(neg.Traced(k32, kSock + 2));
  EXPECT_TRUE(neg.Traced(k32, 102));
  EXPECT_TRUE(Parse("all").Traced(k32, kIpc + 1));
}

// A recorded call (--decode) is filtered by the name it was shown under.
TEST(TraceFilterTest, FilterNumberOfRecordedCalls) {
  EXPECT_EQ(FilterNumber(k32, 102, "socket"), kSock + 1);
  EXPECT_EQ(FilterNumber(k32, 102, "socketcall"), 102);
  EXPECT_EQ(FilterNumber(k32, 117, "shmdt"), kIpc + 22);
  EXPECT_EQ(FilterNumber(k32, 359, "socket"), 359);
  EXPECT_EQ(FilterNumber(k64, SYS_socket, "socket"), SYS_socket);
  // Real numbers beyond the tables never read a pseudo number's bit.
  EXPECT_EQ(FilterNumber(k32, kSock + 1, "syscall_0x201"),
            SyscallTable::kMaxFilterNr);
  EXPECT_EQ(FilterNumber(kSock + 9), SyscallTable::kMaxFilterNr);
  EXPECT_FALSE(Parse("send").Traced(k32, FilterNumber(kSock + 9)));
  EXPECT_TRUE(Parse("!send").Traced(k32, FilterNumber(kSock + 9)));
}

TEST(TraceFilterTest, QuestionMarkIgnoresUnknown) {
  EXPECT_TRUE(Parse("?nosuch").none());
  SyscallFilter f = Parse("?nosuch,read");
  EXPECT_TRUE(f.Traced(k64, SYS_read));
  EXPECT_TRUE(Parse("?%nosuchclass").none());
  EXPECT_TRUE(Parse("??read").Traced(k64, SYS_read));
}

TEST(TraceFilterTest, Personality) {
  SyscallFilter f = Parse("read@64");
  EXPECT_TRUE(f.Traced(k64, SYS_read));
  EXPECT_FALSE(f.Traced(k32, 3));
  SyscallFilter g = Parse("read@32");
  EXPECT_FALSE(g.Traced(k64, SYS_read));
  EXPECT_TRUE(g.Traced(k32, 3));
  EXPECT_EQ(Error("waitpid@64"), "invalid system call 'waitpid@64'");
  EXPECT_EQ(Error("read@foo"),
            "incorrect personality designator 'foo' in qualification "
            "'read@foo'");
}

// strace 6.1 takes @x32 for what x32 knows (x86_64's names and numbers
// but a few of its own, and 512-547) and refuses the rest; ttrace traces
// no x32 calls, so nothing is selected.
TEST(TraceFilterTest, X32Personality) {
  for (const char* ok :
       {"open@x32", "read@x32", "rt_sigaction@x32", "tuxcall@x32", "%file@x32",
        "all@x32", "/^open@x32", "/^uselib@x32", "0@x32", "134@x32", "512@x32",
        "547@x32", "?uselib@x32", "?nosuch@x32"}) {
    absl::StatusOr<SyscallFilter> f = ParseTraceFilter(ok);
    ASSERT_TRUE(f.ok()) << ok << ": " << f.status();
    EXPECT_TRUE(f->none()) << ok;
  }
  for (const char* bad :
       {"uselib@x32", "_sysctl@x32", "vserver@x32", "get_thread_area@x32",
        "waitpid@x32", "socketcall@x32", "nosuch@x32", "335@x32", "548@x32",
        "/^xyz@x32", "%bogus@x32"}) {
    EXPECT_EQ(Error(bad), std::string("invalid system call '") + bad + "'");
  }
  SyscallFilter f = Parse("read@x32,write");
  EXPECT_FALSE(f.Traced(k64, SYS_read));
  EXPECT_TRUE(f.Traced(k64, SYS_write));
}

TEST(TraceFilterTest, Errors) {
  EXPECT_EQ(Error("nosuchcall"), "invalid system call 'nosuchcall'");
  EXPECT_EQ(Error("read,nosuchcall"), "invalid system call 'nosuchcall'");
  // strace 6.1 calls an unknown class an invalid system call too.
  EXPECT_EQ(Error("%nosuchclass"), "invalid system call '%nosuchclass'");
  EXPECT_EQ(Error("%"), "invalid system call '%'");
  EXPECT_EQ(Error("%%bogus"), "invalid system call '%%bogus'");
  EXPECT_EQ(Error("!%bogus"), "invalid system call '%bogus'");
  EXPECT_EQ(Error(""), "invalid system call ''");
  EXPECT_EQ(Error("!"), "invalid system call '!'");
  EXPECT_EQ(Error(","), "invalid system call ','");
  EXPECT_EQ(Error("none,open"), "invalid system call 'none'");
  EXPECT_EQ(ParseTraceFilter("x").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(TraceFilterTest, Set) {
  SyscallFilter f = SyscallFilter::None();
  f.Set(k64, SYS_read, true);
  EXPECT_TRUE(f.Traced(k64, SYS_read));
  EXPECT_FALSE(f.Traced(k32, 3));
}

std::string SigError(const std::string& expr) {
  absl::StatusOr<SignalSet> s = ParseSignalSet(expr);
  return s.ok() ? "ok" : std::string(s.status().message());
}

TEST(SignalSetTest, Forms) {
  absl::StatusOr<SignalSet> s = ParseSignalSet("SIGUSR1,usr2,hup,9");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->Contains(SIGUSR1));
  EXPECT_TRUE(s->Contains(SIGUSR2));
  EXPECT_TRUE(s->Contains(SIGHUP));
  EXPECT_TRUE(s->Contains(SIGKILL));
  EXPECT_FALSE(s->Contains(SIGTERM));
  EXPECT_FALSE(s->all());
  EXPECT_FALSE(s->none());

  s = ParseSignalSet("!SIGCHLD");
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->Contains(SIGCHLD));
  EXPECT_TRUE(s->Contains(SIGTERM));
  EXPECT_TRUE(s->Contains(300));

  EXPECT_TRUE(ParseSignalSet("all")->all());
  EXPECT_TRUE(ParseSignalSet("none")->none());
  EXPECT_TRUE(ParseSignalSet("!all")->none());
  EXPECT_TRUE(ParseSignalSet("!!none")->none());
  EXPECT_TRUE(SignalSet::All().Contains(SIGSEGV));
  EXPECT_FALSE(SignalSet::None().Contains(SIGSEGV));

  s = ParseSignalSet("RTMIN,RT_1,SIGRT_32,sigrt_2,0,255");
  ASSERT_TRUE(s.ok());
  for (int sig : {32, 33, 64, 34, 0, 255}) EXPECT_TRUE(s->Contains(sig));
  EXPECT_FALSE(s->Contains(35));
}

TEST(SignalSetTest, Errors) {
  EXPECT_EQ(SigError("FOO"), "invalid signal 'FOO'");
  EXPECT_EQ(SigError("SIGFOO"), "invalid signal 'SIGFOO'");
  EXPECT_EQ(SigError("HUP,FOO"), "invalid signal 'FOO'");
  EXPECT_EQ(SigError("256"), "invalid signal '256'");
  EXPECT_EQ(SigError("-1"), "invalid signal '-1'");
  EXPECT_EQ(SigError("1x"), "invalid signal '1x'");
  EXPECT_EQ(SigError(""), "invalid signal ''");
  EXPECT_EQ(SigError("rt_0"), "invalid signal 'rt_0'");
  EXPECT_EQ(SigError("RT_33"), "invalid signal 'RT_33'");
  EXPECT_EQ(SigError("IOT"), "invalid signal 'IOT'");
  EXPECT_EQ(SigError("all,HUP"), "invalid signal 'all'");
}

TEST(SignalNamesTest, Numbers) {
  EXPECT_EQ(SignalNumber("SIGIO"), 29);
  EXPECT_EQ(SignalNumber("stkflt"), 16);
  EXPECT_EQ(SignalNumber("SIGRTMIN"), 32);
  EXPECT_EQ(SignalNumber("POLL"), -1);
  std::string out;
  for (int sig : {0, 1, 29, 31, 32, 33, 34, 64, 65, -1}) {
    AppendSignal(&out, sig);
    out += ' ';
  }
  EXPECT_EQ(out,
            "0 SIGHUP SIGIO SIGSYS SIGRTMIN SIGRT_1 SIGRT_2 SIGRT_32 65 -1 ");
}

TEST(SignalNamesTest, Sigsets) {
  // Expected strings from strace 6.1 (rt_sigprocmask / rt_sigaction).
  auto set = [](std::initializer_list<int> sigs) {
    uint64_t m = 0;
    for (int s : sigs) m |= 1ull << (s - 1);
    std::string out;
    AppendSigset(&out, &m, 8);
    return out;
  };
  EXPECT_EQ(set({}), "[]");
  EXPECT_EQ(set({SIGUSR1, SIGUSR2}), "[USR1 USR2]");
  EXPECT_EQ(set({34, 40}), "[RT_2 RT_8]");
  uint64_t full = ~0ull & ~(3ull << 31);  // glibc's sigfillset
  std::string out;
  AppendSigset(&out, &full, 8);
  EXPECT_EQ(out, "~[RTMIN RT_1]");
  full &= ~(1ull << 0) & ~(1ull << 49);
  out.clear();
  AppendSigset(&out, &full, 8);
  EXPECT_EQ(out, "~[HUP RTMIN RT_1 RT_18]");
  uint32_t small = 1u << 1;
  out.clear();
  AppendSigset(&out, &small, 4);
  EXPECT_EQ(out, "[INT]");
}

std::string StatusError(const std::string& expr) {
  absl::StatusOr<StatusFilter> s = ParseStatusFilter(expr);
  return s.ok() ? "ok" : std::string(s.status().message());
}

TEST(StatusFilterTest, Forms) {
  absl::StatusOr<StatusFilter> s = ParseStatusFilter("successful,failed");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->Shows(SyscallStatus::kSuccessful));
  EXPECT_TRUE(s->Shows(SyscallStatus::kFailed));
  EXPECT_FALSE(s->Shows(SyscallStatus::kUnfinished));
  EXPECT_FALSE(s->Shows(SyscallStatus::kUnavailable));
  EXPECT_FALSE(s->Shows(SyscallStatus::kDetached));

  s = ParseStatusFilter("!successful");
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->Shows(SyscallStatus::kSuccessful));
  EXPECT_TRUE(s->Shows(SyscallStatus::kFailed));
  EXPECT_TRUE(s->Shows(SyscallStatus::kDetached));

  EXPECT_TRUE(ParseStatusFilter("all")->all());
  EXPECT_TRUE(ParseStatusFilter("none")->none());
  EXPECT_TRUE(ParseStatusFilter("unfinished,unavailable,detached")
                  ->Shows(SyscallStatus::kUnavailable));
  EXPECT_TRUE(StatusFilter::All().all());
  // -z and -Z.
  EXPECT_TRUE(StatusFilter::OnlySuccessful().Shows(SyscallStatus::kSuccessful));
  EXPECT_FALSE(StatusFilter::OnlySuccessful().Shows(SyscallStatus::kFailed));
  EXPECT_TRUE(StatusFilter::OnlyFailed().Shows(SyscallStatus::kFailed));
  EXPECT_FALSE(StatusFilter::OnlyFailed().Shows(SyscallStatus::kSuccessful));
}

TEST(StatusFilterTest, Errors) {
  EXPECT_EQ(StatusError("foo"), "invalid status 'foo'");
  EXPECT_EQ(StatusError(""), "invalid status ''");
  EXPECT_EQ(StatusError("failed,Successful"), "invalid status 'Successful'");
}

TEST(ParseTraceFilterTest, StackedRepetitionsAreRefused) {
  absl::StatusOr<SyscallFilter> f = ParseTraceFilter("/a++++++++++++++++++++");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(ParseTraceFilter("/^get").ok());
  EXPECT_TRUE(ParseTraceFilter("/(read|write)+").ok());
}

TEST(QuietSetTest, ParsesStraceWords) {
  auto quiet = [](absl::string_view expr) {
    absl::StatusOr<QuietSet> q = ParseQuietSet(expr);
    EXPECT_TRUE(q.ok()) << expr << ": " << q.status();
    std::string s;
    for (int m = 0; m < QuietSet::kMessages; ++m) {
      s += q->Quiet(static_cast<QuietSet::Message>(m)) ? '1' : '0';
    }
    return s;
  };
  // attach, exit, path-resolution, personality, thread-execve.
  EXPECT_EQ(quiet("none"), "00000");
  EXPECT_EQ(quiet("all"), "11111");
  EXPECT_EQ(quiet("exit"), "01000");
  EXPECT_EQ(quiet("attach,thread-execve"), "10001");
  EXPECT_EQ(quiet("superseded"), "00001");
  EXPECT_EQ(quiet("!exit"), "10111");
  EXPECT_EQ(ParseQuietSet("foo").status().message(), "invalid quiet 'foo'");
  EXPECT_EQ(ParseQuietSet("").status().message(), "invalid quiet ''");

  EXPECT_TRUE(QuietSet::FromQCount(0).none());
  EXPECT_TRUE(QuietSet::FromQCount(1).Quiet(QuietSet::kAttach));
  EXPECT_FALSE(QuietSet::FromQCount(1).Quiet(QuietSet::kExit));
  EXPECT_TRUE(QuietSet::FromQCount(2).Quiet(QuietSet::kExit));
  EXPECT_FALSE(QuietSet::FromQCount(2).Quiet(QuietSet::kThreadExecve));
  EXPECT_TRUE(QuietSet::FromQCount(3).Quiet(QuietSet::kThreadExecve));
  EXPECT_TRUE(QuietSet::FromQCount(7).Quiet(QuietSet::kThreadExecve));
}

TEST(FdSetTest, ParsesStraceDescriptorSets) {
  absl::StatusOr<FdSet> s = ParseFdSet("1,5,,100000");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_TRUE(s->Has(1));
  EXPECT_TRUE(s->Has(5));
  EXPECT_TRUE(s->Has(100000));
  EXPECT_FALSE(s->Has(2));
  EXPECT_FALSE(s->Has(-1));
  s = ParseFdSet("!1");
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->Has(1));
  EXPECT_TRUE(s->Has(0));
  EXPECT_FALSE(s->none());
  EXPECT_TRUE(ParseFdSet("all")->Has(12345));
  EXPECT_TRUE(ParseFdSet("none")->none());
  EXPECT_TRUE(ParseFdSet("!all")->none());
  EXPECT_TRUE(ParseFdSet("!!2")->Has(2));
  EXPECT_TRUE(FdSet::None().none());
  for (const char* bad : {"", "-1", "x", "5-7", "2147483648", "1,+2"}) {
    absl::StatusOr<FdSet> b = ParseFdSet(bad);
    ASSERT_FALSE(b.ok()) << bad;
  }
  EXPECT_EQ(ParseFdSet("").status().message(), "invalid descriptor ''");
  EXPECT_EQ(ParseFdSet("1,x").status().message(), "invalid descriptor 'x'");
  EXPECT_EQ(ParseFdSet("5-7").status().message(), "invalid descriptor '5-7'");
}

}  // namespace
}  // namespace ttrace
