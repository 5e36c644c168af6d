#include "output/text_formatter.h"

#include <signal.h>
#include <stdlib.h>
#include <time.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "output/byte_sink.h"
#include "tracer/event.h"

// Counts heap allocations, to check that formatting an event allocates
// nothing once the formatter's buffer has grown.
namespace {
std::atomic<int64_t> g_allocations{0};
}  // namespace

void* operator new(size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

namespace ttrace {
namespace {

// 2026-11-26 18:30:16 UTC plus 123456789 ns.
constexpr int64_t kTs = 1795717816123456789;

Event Ev(pid_t pid, pid_t tid, EventPayload payload, int64_t ts_ns = kTs) {
  Event e;
  e.ts_ns = ts_ns;
  e.pid = pid;
  e.tid = tid;
  e.payload = std::move(payload);
  return e;
}

// Formats one event with a fresh formatter (one live thread: no prefix).
std::string One(const Event& e, TextOptions options = {}) {
  StringByteSink mem;
  TextFormatter text(&mem, options);
  text.OnEvent(e);
  return mem.str();
}

ExitEvent Exited(int code) {
  ExitEvent x;
  x.how = ExitEvent::How::kExited;
  x.code = code;
  return x;
}

TEST(TextFormatterTest, Spawn) {
  EXPECT_EQ(One(Ev(2678, 2678, SpawnEvent{"/tmp/t1", {"./t1", "a", "b"}})),
            "+++ started ./t1 a b (pid 2678) +++\n");
  // No argv: fall back to the path.
  EXPECT_EQ(One(Ev(5, 5, SpawnEvent{"/bin/x", {}})),
            "+++ started /bin/x (pid 5) +++\n");
  // Arguments with spaces, quotes, newlines or other bytes: quoted and
  // escaped as strace's strings, so that the line stays one line.
  EXPECT_EQ(One(Ev(7, 7,
                   SpawnEvent{"/bin/sh",
                              {"sh", "-c", "echo \"hi\" | cat\nexit", "",
                               "a\\b", "\xff"}})),
            "+++ started sh -c \"echo \\\"hi\\\" | cat\\nexit\" \"\" "
            "\"a\\\\b\" \"\\377\" (pid 7) +++\n");
}

TEST(TextFormatterTest, AttachDetachStopCont) {
  EXPECT_EQ(One(Ev(7, 7, AttachEvent{})), "+++ attached +++\n");
  EXPECT_EQ(One(Ev(7, 7, DetachEvent{})), "+++ detached +++\n");
  EXPECT_EQ(One(Ev(7, 7, StopEvent{SIGSTOP})), "--- stopped by SIGSTOP ---\n");
  EXPECT_EQ(One(Ev(7, 7, StopEvent{SIGTTOU})), "--- stopped by SIGTTOU ---\n");
  EXPECT_EQ(One(Ev(7, 7, ContEvent{})), "--- continued ---\n");
}

TEST(TextFormatterTest, CloneKinds) {
  // The child is live once the clone is reported, so the line is prefixed.
  EXPECT_EQ(One(Ev(1234, 1234, CloneEvent{1235, CloneKind::kThread})),
            "[pid  1234] +++ created thread 1235 +++\n");
  EXPECT_EQ(One(Ev(1234, 1234, CloneEvent{1236, CloneKind::kProcess})),
            "[pid  1234] +++ created process 1236 +++\n");
  EXPECT_EQ(One(Ev(1234, 1234, CloneEvent{1237, CloneKind::kVfork})),
            "[pid  1234] +++ created process 1237 (vfork) +++\n");
}

TEST(TextFormatterTest, Exec) {
  EXPECT_EQ(One(Ev(1234, 1234, ExecEvent{"/usr/bin/true", 1234})),
            "+++ exec \"/usr/bin/true\" +++\n");
  EXPECT_EQ(One(Ev(1234, 1234, ExecEvent{"/usr/bin/true", 1236})),
            "+++ exec \"/usr/bin/true\" (by thread 1236) +++\n");
}

TEST(TextFormatterTest, ExecPathEscapingMatchesStrace) {
  // Same bytes as a file strace 6.1 printed as
  // "./a\tb\"c\\d\1e\0012\303\251\177\v\f\r".
  const std::string path = "./a\tb\"c\\d\001e\0012\303\251\177\v\f\r";
  EXPECT_EQ(One(Ev(9, 9, ExecEvent{path, 9})),
            "+++ exec \"./a\\tb\\\"c\\\\d\\1e\\0012\\303\\251\\177\\v\\f\\r\" "
            "+++\n");
  EXPECT_EQ(One(Ev(9, 9, ExecEvent{std::string("a\0b\n", 4), 9})),
            "+++ exec \"a\\0b\\n\" +++\n");
  EXPECT_EQ(One(Ev(9, 9,
                   ExecEvent{"\x1b"
                             "7\x1b"
                             "9",
                             9})),
            "+++ exec \"\\0337\\339\" +++\n");
  EXPECT_EQ(One(Ev(9, 9, ExecEvent{"", 9})), "+++ exec \"\" +++\n");
}

TEST(TextFormatterTest, SignalFromSender) {
  SignalEvent s;
  s.signo = SIGUSR1;
  s.code = SI_TKILL;
  s.from_pid = 2678;
  s.from_uid = 1000;
  EXPECT_EQ(One(Ev(2678, 2678, s)),
            "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=2678, "
            "si_uid=1000} ---\n");
  s.from_uid.reset();  // unknown uid prints 0
  s.signo = 35;
  EXPECT_EQ(One(Ev(2678, 2678, s)),
            "--- SIGRT_3 {si_signo=SIGRT_3, si_code=SI_TKILL, si_pid=2678, "
            "si_uid=0} ---\n");
}

// -X raw / verbose: the siginfo's constants as numbers, or with their
// names in comments (strace 6.1); the line's head keeps the name.
TEST(TextFormatterTest, SignalConstPrintStyles) {
  SignalEvent s;
  s.signo = SIGUSR1;
  s.code = SI_TKILL;
  s.from_pid = 31211;
  s.from_uid = 0;
  TextOptions raw{.xlat_style = XlatStyle::kRaw};
  TextOptions verbose{.xlat_style = XlatStyle::kVerbose};
  EXPECT_EQ(One(Ev(5, 5, s), raw),
            "--- SIGUSR1 {si_signo=10, si_code=0xfffffffa, si_pid=31211, "
            "si_uid=0} ---\n");
  EXPECT_EQ(One(Ev(5, 5, s), verbose),
            "--- SIGUSR1 {si_signo=10 /* SIGUSR1 */, si_code=0xfffffffa /* "
            "SI_TKILL */, si_pid=31211, si_uid=0} ---\n");
  s.signo = 35;
  EXPECT_EQ(One(Ev(5, 5, s), verbose),
            "--- SIGRT_3 {si_signo=35 /* SIGRT_3 */, si_code=0xfffffffa /* "
            "SI_TKILL */, si_pid=31211, si_uid=0} ---\n");
  s.signo = SIGUSR2;
  s.code = SI_USER;
  EXPECT_EQ(One(Ev(5, 5, s), raw),
            "--- SIGUSR2 {si_signo=12, si_code=0, si_pid=31211, si_uid=0} "
            "---\n");
  EXPECT_EQ(One(Ev(5, 5, s), verbose),
            "--- SIGUSR2 {si_signo=12 /* SIGUSR2 */, si_code=0 /* SI_USER */, "
            "si_pid=31211, si_uid=0} ---\n");
  s.signo = SIGCHLD;
  s.code = CLD_KILLED;
  s.child = SignalEvent::Child{.status = SIGUSR1, .utime = 0, .stime = 0};
  EXPECT_EQ(One(Ev(5, 5, s), raw),
            "--- SIGCHLD {si_signo=17, si_code=0x2, si_pid=31211, si_uid=0, "
            "si_status=10, si_utime=0, si_stime=0} ---\n");
  EXPECT_EQ(One(Ev(5, 5, s), verbose),
            "--- SIGCHLD {si_signo=17 /* SIGCHLD */, si_code=0x2 /* CLD_KILLED "
            "*/, si_pid=31211, si_uid=0, si_status=10 /* SIGUSR1 */, "
            "si_utime=0, si_stime=0} ---\n");
  s.code = CLD_EXITED;
  s.child->status = 3;
  EXPECT_EQ(One(Ev(5, 5, s), verbose),
            "--- SIGCHLD {si_signo=17 /* SIGCHLD */, si_code=0x1 /* CLD_EXITED "
            "*/, si_pid=31211, si_uid=0, si_status=3, si_utime=0, si_stime=0} "
            "---\n");
  // clock_t ticks: their seconds in a comment, but not under raw.
  s.child->utime = 5;
  s.child->stime = 1;
  EXPECT_EQ(One(Ev(5, 5, s), raw),
            "--- SIGCHLD {si_signo=17, si_code=0x1, si_pid=31211, si_uid=0, "
            "si_status=3, si_utime=5, si_stime=1} ---\n");
  EXPECT_EQ(One(Ev(5, 5, s), verbose),
            "--- SIGCHLD {si_signo=17 /* SIGCHLD */, si_code=0x1 /* CLD_EXITED "
            "*/, si_pid=31211, si_uid=0, si_status=3, si_utime=5 /* 0.05 s */, "
            "si_stime=1 /* 0.01 s */} ---\n");
}

TEST(TextFormatterTest, SignalWithAddress) {
  SignalEvent s;
  s.signo = SIGSEGV;
  s.code = 1;
  s.addr = 0;
  EXPECT_EQ(One(Ev(5, 5, s)),
            "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, "
            "si_addr=NULL} ---\n");
  s.addr = 0xdeadBEEF1234;
  s.code = 2;
  EXPECT_EQ(One(Ev(5, 5, s)),
            "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_ACCERR, "
            "si_addr=0xdeadbeef1234} ---\n");
}

// SIGIO's si_fd with what -y found for it while the thread was stopped
// (strace 6.1: "si_fd=3<pipe:[9518958]>").
TEST(TextFormatterTest, SigioFdInfo) {
  SignalEvent s;
  s.signo = SIGIO;
  s.code = POLL_IN;
  s.poll = SignalEvent::Poll{.band = 65, .fd = 3, .fd_info = "<pipe:[42]>"};
  EXPECT_EQ(One(Ev(5, 5, s)),
            "--- SIGIO {si_signo=SIGIO, si_code=POLL_IN, si_band=65, "
            "si_fd=3<pipe:[42]>} ---\n");
}

// A SIGCHLD from the kernel, as strace prints it: si_status is the exit
// code for CLD_EXITED, a signal name otherwise.
TEST(TextFormatterTest, SigchldWithChildFields) {
  SignalEvent s;
  s.signo = SIGCHLD;
  s.code = CLD_EXITED;
  s.from_pid = 12;
  s.from_uid = 0;
  s.child = SignalEvent::Child{.status = 3, .utime = 5, .stime = 1};
  EXPECT_EQ(One(Ev(5, 5, s)),
            "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=12, "
            "si_uid=0, si_status=3, si_utime=5 /* 0.05 s */, si_stime=1 /* "
            "0.01 s */} ---\n");
  s.code = CLD_KILLED;
  s.child->status = SIGKILL;
  EXPECT_EQ(One(Ev(5, 5, s)),
            "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=12, "
            "si_uid=0, si_status=SIGKILL, si_utime=5 /* 0.05 s */, si_stime=1 "
            "/* 0.01 s */} ---\n");
  s.code = CLD_CONTINUED;
  s.child->status = SIGCONT;
  EXPECT_EQ(One(Ev(5, 5, s)),
            "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_CONTINUED, si_pid=12, "
            "si_uid=0, si_status=SIGCONT, si_utime=5 /* 0.05 s */, si_stime=1 "
            "/* 0.01 s */} ---\n");
}

TEST(TextFormatterTest, SignalBare) {
  SignalEvent s;
  s.signo = SIGCHLD;
  s.code = 1;
  EXPECT_EQ(One(Ev(5, 5, s)),
            "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED} ---\n");
  s.signo = 70;
  s.code = 123;
  EXPECT_EQ(One(Ev(5, 5, s)), "--- 70 {si_signo=70, si_code=0x7b} ---\n");
}

// strace 6.1's forms: sigqueue's value (si_int is its low 32 bits), a
// POSIX timer's id, overrun and value.
TEST(TextFormatterTest, SignalValuesAndTimers) {
  SignalEvent s;
  s.signo = SIGUSR1;
  s.code = SI_QUEUE;
  s.from_pid = 7;
  s.from_uid = 0;
  s.value = 77;
  EXPECT_EQ(One(Ev(7, 7, s)),
            "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=7, "
            "si_uid=0, si_int=77, si_ptr=0x4d} ---\n");
  SignalEvent t;
  t.signo = SIGALRM;
  t.code = SI_TIMER;
  t.timer = SignalEvent::Timer{.id = 0, .overrun = 0};
  t.value = 0;
  EXPECT_EQ(One(Ev(7, 7, t)),
            "--- SIGALRM {si_signo=SIGALRM, si_code=SI_TIMER, si_timerid=0, "
            "si_overrun=0, si_int=0, si_ptr=NULL} ---\n");
  t.timer = SignalEvent::Timer{.id = 3, .overrun = -1};
  t.value = 0x7fff00001234;
  EXPECT_EQ(One(Ev(7, 7, t)),
            "--- SIGALRM {si_signo=SIGALRM, si_code=SI_TIMER, si_timerid=0x3, "
            "si_overrun=-1, si_int=4660, si_ptr=0x7fff00001234} ---\n");
}

TEST(TextFormatterTest, ExitKinds) {
  EXPECT_EQ(One(Ev(5, 5, Exited(3))), "+++ exited with 3 +++\n");
  ExitEvent k;
  k.how = ExitEvent::How::kKilled;
  k.signo = SIGSEGV;
  EXPECT_EQ(One(Ev(5, 5, k)), "+++ killed by SIGSEGV +++\n");
  k.core = true;
  EXPECT_EQ(One(Ev(5, 5, k)), "+++ killed by SIGSEGV (core dumped) +++\n");
  ExitEvent s;
  s.how = ExitEvent::How::kSuperseded;
  s.superseded_by = 1236;
  EXPECT_EQ(One(Ev(5, 5, s)), "+++ superseded by execve in pid 1236 +++\n");
}

TEST(TextFormatterTest, PrefixFollowsLiveThreads) {
  StringByteSink mem;
  TextFormatter text(&mem);
  text.OnEvent(Ev(100, 100, SpawnEvent{"/t", {"t"}}));
  text.OnEvent(Ev(100, 100, ExecEvent{"/t", 100}));
  text.OnEvent(Ev(100, 100, CloneEvent{101, CloneKind::kThread}));
  text.OnEvent(Ev(100, 101, StopEvent{SIGSTOP}));
  text.OnEvent(Ev(100, 100, CloneEvent{102, CloneKind::kThread}));
  text.OnEvent(Ev(100, 101, Exited(0)));
  text.OnEvent(Ev(100, 102, Exited(0)));  // 100 and 102 still live: prefix
  text.OnEvent(Ev(100, 100, ContEvent{}));
  text.OnEvent(Ev(100, 100, Exited(7)));
  EXPECT_EQ(mem.str(),
            "+++ started t (pid 100) +++\n"
            "+++ exec \"/t\" +++\n"
            "[pid   100] +++ created thread 101 +++\n"
            "[pid   101] --- stopped by SIGSTOP ---\n"
            "[pid   100] +++ created thread 102 +++\n"
            "[pid   101] +++ exited with 0 +++\n"
            "[pid   102] +++ exited with 0 +++\n"
            "--- continued ---\n"
            "+++ exited with 7 +++\n");
}

// -q/-qq/-e quiet: the lines go, the threads still come and go (no prefix
// once 101 and 102 exited quietly); "killed by" is never left out.
// -e inject: strace's "(INJECTED)" after the result and its suffix,
// before -T's time.
// -a N (result_column N - 1): strace -a 20 and -a 0 on close(3).
TEST(TextFormatterTest, ResultColumn) {
  SyscallEvent c;
  c.name = "close";
  c.args_enter = "3";
  EXPECT_EQ(One(Ev(1, 1, c), {.result_column = 19}),
            "close(3)            = 0\n");
  EXPECT_EQ(One(Ev(1, 1, c), {.result_column = 0}), "close(3) = 0\n");
  EXPECT_EQ(One(Ev(1, 1, c), {.result_column = 8}), "close(3) = 0\n");
  EXPECT_EQ(One(Ev(1, 1, c), {.result_column = 9}), "close(3)  = 0\n");
}

// A held call broken by another thread's line (-e status=, see
// SyscallEvent::held_break): its rest on a line of its own, without prefix,
// padded from that line's start; in a -ff file (nothing breaks it there)
// whole.
TEST(TextFormatterTest, HeldBreakRestOnItsOwnLine) {
  SyscallEvent c;
  c.name = "read";
  c.args_enter = "3, ";
  c.args_exit = "\"a\", 1";
  c.ret = 1;
  c.held_break = true;
  EXPECT_EQ(One(Ev(7, 7, c), {.result_column = 19,
                              .pid_prefix = TextOptions::PidPrefix::kAlways}),
            "7     read(3,  <unfinished ...>\n\"a\", 1)             = 1\n");
  EXPECT_EQ(One(Ev(7, 7, c), {.result_column = 0, .thread = 7}),
            "read(3, \"a\", 1) = 1\n");
}

TEST(TextFormatterTest, InjectedCalls) {
  SyscallEvent c;
  c.name = "close";
  c.args_enter = "3";
  c.ret = -9;
  c.injected = true;
  c.dur_ns = 38000;
  EXPECT_EQ(One(Ev(1, 1, c), {.show_duration = true}),
            "close(3)                                = -1 EBADF (Bad file "
            "descriptor) (INJECTED) <0.000038>\n");
  // -e inject's delays, after (INJECTED) as strace prints them.
  c.delayed = true;
  EXPECT_EQ(One(Ev(1, 1, c), {.show_duration = true}),
            "close(3)                                = -1 EBADF (Bad file "
            "descriptor) (INJECTED) (DELAYED) <0.000038>\n");
  c.injected = false;
  c.ret = 0;
  EXPECT_EQ(One(Ev(1, 1, c)),
            "close(3)                                = 0 (DELAYED)\n");
  // poke_enter=/poke_exit= changed memory the arguments point to.
  c.delayed = false;
  c.injected_args = true;
  EXPECT_EQ(One(Ev(1, 1, c)),
            "close(3)                                = 0 (INJECTED: args)\n");
  c.injected = true;
  c.ret = -9;
  c.delayed = true;
  EXPECT_EQ(One(Ev(1, 1, c)),
            "close(3)                                = -1 EBADF (Bad file "
            "descriptor) (INJECTED: args, retval) (DELAYED)\n");
  c.injected_args = false;
  c.delayed = false;
  c.injected = true;
  c.ret = -9;
  c.name = "openat";
  c.args_enter = "AT_FDCWD</tmp>, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC";
  c.ret = 0;
  c.ret_suffix = "</dev/null>";
  EXPECT_EQ(
      One(Ev(1, 1, c)),
      "openat(AT_FDCWD</tmp>, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = "
      "0</dev/null> (INJECTED)\n");
}

TEST(TextFormatterTest, QuietLinesStillCountForThePrefix) {
  StringByteSink mem;
  TextFormatter text(
      &mem, {.quiet = {.attach = true, .exit = true, .thread_execve = true}});
  text.OnEvent(Ev(100, 100, AttachEvent{}));
  text.OnEvent(Ev(100, 101, AttachEvent{}));
  text.OnEvent(Ev(100, 100, CloneEvent{102, CloneKind::kThread}));
  text.OnEvent(Ev(100, 101, Exited(0)));
  text.OnEvent(
      Ev(100, 100,
         ExitEvent{.how = ExitEvent::How::kSuperseded, .superseded_by = 102}));
  text.OnEvent(Ev(100, 100, ExecEvent{"/t", 102}));
  text.OnEvent(Ev(100, 100, StopEvent{SIGSTOP}));
  text.OnEvent(Ev(100, 100, DetachEvent{}));
  text.OnEvent(Ev(200, 200, AttachEvent{}));
  text.OnEvent(Ev(200, 200,
                  ExitEvent{.how = ExitEvent::How::kKilled, .signo = SIGKILL}));
  EXPECT_EQ(mem.str(),
            "[pid   100] +++ created thread 102 +++\n"
            "+++ exec \"/t\" (by thread 102) +++\n"
            "--- stopped by SIGSTOP ---\n"
            "+++ killed by SIGKILL +++\n");
}

// -e signal=SET: "killed by" lines of signals outside the set go (as
// strace's); the exit still ends the thread.
TEST(TextFormatterTest, KilledByFollowsTheSignalSet) {
  StringByteSink mem;
  TextFormatter text(
      &mem,
      {.quiet = {.killed_by = [](int signo) { return signo != SIGKILL; }}});
  text.OnEvent(Ev(100, 100, AttachEvent{}));
  text.OnEvent(Ev(100, 101, AttachEvent{}));
  text.OnEvent(Ev(100, 101,
                  ExitEvent{.how = ExitEvent::How::kKilled, .signo = SIGTERM}));
  text.OnEvent(Ev(100, 100,
                  ExitEvent{.how = ExitEvent::How::kKilled, .signo = SIGKILL}));
  EXPECT_EQ(mem.str(),
            "+++ attached +++\n"
            "[pid   101] +++ attached +++\n"
            "+++ killed by SIGKILL +++\n");
}

// strace's form with -o FILE and -f: "%-5d " on every line, one thread or
// many, before the timestamp.
TEST(TextFormatterTest, PidOnEveryLine) {
  StringByteSink mem;
  TextFormatter text(&mem, {.timestamps = TextOptions::Timestamps::kEpochUs,
                            .pid_prefix = TextOptions::PidPrefix::kAlways});
  text.OnEvent(Ev(100, 100, SpawnEvent{"/t", {"t"}}));
  text.OnEvent(Ev(100, 100, CloneEvent{123456, CloneKind::kProcess}));
  text.OnEvent(Ev(123456, 123456, Exited(0)));
  text.OnEvent(Ev(100, 100, Exited(7)));
  EXPECT_EQ(mem.str(),
            "100   1795717816.123456 +++ started t (pid 100) +++\n"
            "100   1795717816.123456 +++ created process 123456 +++\n"
            "123456 1795717816.123456 +++ exited with 0 +++\n"
            "100   1795717816.123456 +++ exited with 7 +++\n");
}

TEST(TextFormatterTest, AttachAndDetachChangeLiveSet) {
  StringByteSink mem;
  TextFormatter text(&mem);
  text.OnEvent(Ev(300, 300, AttachEvent{}));
  text.OnEvent(Ev(300, 301, AttachEvent{}));
  text.OnEvent(Ev(300, 301, DetachEvent{}));  // counts itself: prefixed
  text.OnEvent(Ev(300, 300, DetachEvent{}));
  EXPECT_EQ(mem.str(),
            "+++ attached +++\n"
            "[pid   301] +++ attached +++\n"
            "[pid   301] +++ detached +++\n"
            "+++ detached +++\n");
}

// As strace 6.1 prints an exec by a non-leader thread: its execve entry,
// announced right before the leader's "superseded" exit, ends with "<pid
// changed to LEADER ...>"; by then the exec'ing thread has become the
// leader, so with no other thread left the superseded line has no prefix.
TEST(TextFormatterTest, ExecByNonLeaderRenamesThread) {
  StringByteSink mem;
  TextFormatter text(&mem);
  text.OnEvent(Ev(1234, 1234, SpawnEvent{"/t", {"t"}}));
  text.OnEvent(Ev(1234, 1234, CloneEvent{1236, CloneKind::kThread}));
  text.OnEvent(Ev(1234, 1236,
                  SyscallEnterEvent{59, kArchX86_64, "execve",
                                    "\"/bin/true\", [\"true\"], 0x7ffe /* 3 "
                                    "vars */"}));
  ExitEvent sup;
  sup.how = ExitEvent::How::kSuperseded;
  sup.superseded_by = 1236;
  text.OnEvent(Ev(1234, 1234, sup));
  text.OnEvent(Ev(1234, 1234, ExecEvent{"/usr/bin/true", 1236}));
  SyscallEvent resumed;
  resumed.name = "execve";
  resumed.split = true;
  text.OnEvent(Ev(1234, 1234, resumed));
  text.OnEvent(Ev(1234, 1234, Exited(0)));
  EXPECT_EQ(mem.str(),
            "+++ started t (pid 1234) +++\n"
            "[pid  1234] +++ created thread 1236 +++\n"
            "[pid  1236] execve(\"/bin/true\", [\"true\"], 0x7ffe /* 3 vars "
            "*/ <pid changed to 1234 ...>\n"
            "+++ superseded by execve in pid 1236 +++\n"
            "+++ exec \"/usr/bin/true\" (by thread 1236) +++\n"
            "<... execve resumed>)                   = 0\n"
            "+++ exited with 0 +++\n");
}

// An execve entry followed by anything else ends "<unfinished ...>", as
// does one still open at a flush.
TEST(TextFormatterTest, UnfinishedExecveEntries) {
  StringByteSink mem;
  TextFormatter text(&mem);
  text.OnEvent(Ev(10, 10, CloneEvent{11, CloneKind::kThread}));
  text.OnEvent(
      Ev(10, 11, SyscallEnterEvent{59, kArchX86_64, "execve", "\"/x\", "}));
  EXPECT_EQ(mem.str(), "[pid    10] +++ created thread 11 +++\n");
  text.OnEvent(Ev(10, 10, Exited(0)));
  text.OnEvent(
      Ev(10, 11, SyscallEnterEvent{322, kArchX86_64, "execveat", "3, "}));
  ASSERT_TRUE(text.Flush().ok());
  EXPECT_EQ(mem.str(),
            "[pid    10] +++ created thread 11 +++\n"
            "[pid    11] execve(\"/x\",  <unfinished ...>\n"
            "[pid    10] +++ exited with 0 +++\n"
            "execveat(3,  <unfinished ...>\n");
}

TEST(TextFormatterTest, ExecByNonLeaderWithOtherThreadsKeepsPrefix) {
  StringByteSink mem;
  TextFormatter text(&mem);
  text.OnEvent(Ev(10, 10, SpawnEvent{"/t", {"t"}}));
  text.OnEvent(Ev(10, 10, CloneEvent{11, CloneKind::kThread}));
  text.OnEvent(Ev(10, 10, CloneEvent{12, CloneKind::kProcess}));
  ExitEvent sup;
  sup.how = ExitEvent::How::kSuperseded;
  sup.superseded_by = 11;
  text.OnEvent(Ev(10, 10, sup));
  text.OnEvent(Ev(10, 10, ExecEvent{"/x", 11}));  // {10, 12} live
  text.OnEvent(Ev(12, 12, Exited(0)));
  text.OnEvent(Ev(10, 10, Exited(0)));
  EXPECT_EQ(mem.str(),
            "+++ started t (pid 10) +++\n"
            "[pid    10] +++ created thread 11 +++\n"
            "[pid    10] +++ created process 12 +++\n"
            "[pid    10] +++ superseded by execve in pid 11 +++\n"
            "[pid    10] +++ exec \"/x\" (by thread 11) +++\n"
            "[pid    12] +++ exited with 0 +++\n"
            "+++ exited with 0 +++\n");
}

TEST(TextFormatterTest, UnknownThreadCountsAsLive) {
  // A stream that starts mid-trace: the threads seen are live.
  StringByteSink mem;
  TextFormatter text(&mem);
  text.OnEvent(Ev(50, 50, ContEvent{}));
  text.OnEvent(Ev(50, 51, ContEvent{}));
  EXPECT_EQ(mem.str(), "--- continued ---\n[pid    51] --- continued ---\n");
}

class TextTimestampTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tz = getenv("TZ");
    had_tz_ = tz != nullptr;
    if (had_tz_) old_tz_ = tz;
    setenv("TZ", "UTC", 1);
    tzset();
  }
  void TearDown() override {
    if (had_tz_) {
      setenv("TZ", old_tz_.c_str(), 1);
    } else {
      unsetenv("TZ");
    }
    tzset();
  }
  bool had_tz_ = false;
  std::string old_tz_;
};

TEST_F(TextTimestampTest, None) {
  EXPECT_EQ(One(Ev(5, 5, ContEvent{}), {TextOptions::Timestamps::kNone}),
            "--- continued ---\n");
}

TEST_F(TextTimestampTest, Time) {
  EXPECT_EQ(One(Ev(5, 5, ContEvent{}), {TextOptions::Timestamps::kTime}),
            "18:30:16 --- continued ---\n");
}

TEST_F(TextTimestampTest, TimeUs) {
  EXPECT_EQ(One(Ev(5, 5, ContEvent{}), {TextOptions::Timestamps::kTimeUs}),
            "18:30:16.123456 --- continued ---\n");
}

TEST_F(TextTimestampTest, TimeUsWithPrefixAndSecondChanges) {
  StringByteSink mem;
  TextFormatter text(&mem, {TextOptions::Timestamps::kTimeUs});
  text.OnEvent(Ev(2678, 2678, CloneEvent{2679, CloneKind::kThread}, kTs));
  SignalEvent s;
  s.signo = SIGUSR1;
  s.code = SI_TKILL;
  s.from_pid = 2678;
  s.from_uid = 0;
  // Same second (cached), then a later second and a new hour.
  text.OnEvent(Ev(2678, 2678, s, kTs + 500000000));
  text.OnEvent(Ev(2678, 2679, ContEvent{}, kTs + 4000000000));
  text.OnEvent(Ev(2678, 2679, ContEvent{}, kTs + 3600LL * 1000000000));
  EXPECT_EQ(mem.str(),
            "[pid  2678] 18:30:16.123456 +++ created thread 2679 +++\n"
            "[pid  2678] 18:30:16.623456 --- SIGUSR1 {si_signo=SIGUSR1, "
            "si_code=SI_TKILL, si_pid=2678, si_uid=0} ---\n"
            "[pid  2679] 18:30:20.123456 --- continued ---\n"
            "[pid  2679] 19:30:16.123456 --- continued ---\n");
}

TEST_F(TextTimestampTest, TimeUsPadsMicroseconds) {
  EXPECT_EQ(One(Ev(5, 5, ContEvent{}, 1795717816000001999),
                {TextOptions::Timestamps::kTimeUs}),
            "18:30:16.000001 --- continued ---\n");
}

TEST(TextTimestamp, EpochUs) {
  EXPECT_EQ(One(Ev(5, 5, ContEvent{}), {TextOptions::Timestamps::kEpochUs}),
            "1795717816.123456 --- continued ---\n");
  EXPECT_EQ(One(Ev(5, 5, ContEvent{}, 1795717816000000999),
                {TextOptions::Timestamps::kEpochUs}),
            "1795717816.000000 --- continued ---\n");
}

TEST(TextTimestamp, RelativeDeltas) {
  StringByteSink mem;
  TextFormatter text(&mem, {TextOptions::Timestamps::kRelative});
  text.OnEvent(Ev(5, 5, ContEvent{}, kTs));
  text.OnEvent(Ev(5, 5, ContEvent{}, kTs + 1500));        // 1.5 us
  text.OnEvent(Ev(5, 5, ContEvent{}, kTs + 1500));        // same time
  text.OnEvent(Ev(5, 5, ContEvent{}, kTs + 2250001500));  // +2.25 s
  text.OnEvent(Ev(5, 5, ContEvent{}, kTs + 1234567002250001500));
  EXPECT_EQ(mem.str(),
            "     0.000000 --- continued ---\n"
            "     0.000001 --- continued ---\n"
            "     0.000000 --- continued ---\n"
            "     2.250000 --- continued ---\n"
            "1234567000.000000 --- continued ---\n");
}

// A line stamped before the previous one (the command's execve, stamped
// at its entry, comes after "+++ exec") shows 0, not "-1.999466".
TEST(TextTimestamp, RelativeNeverNegative) {
  StringByteSink mem;
  TextFormatter text(&mem, {TextOptions::Timestamps::kRelative});
  text.OnEvent(Ev(5, 5, ContEvent{}, kTs + 1000));
  text.OnEvent(Ev(5, 5, ContEvent{}, kTs));         // 1 us earlier
  text.OnEvent(Ev(5, 5, ContEvent{}, kTs + 3000));  // from the latest
  EXPECT_EQ(mem.str(),
            "     0.000000 --- continued ---\n"
            "     0.000000 --- continued ---\n"
            "     0.000002 --- continued ---\n");
}

TEST(TextFormatterTest, FlushForwardsToByteSink) {
  class Failing : public ByteSink {
   public:
    void Append(std::string_view) override {}
    absl::Status Flush() override { return absl::DataLossError("disk full"); }
  };
  Failing sink;
  TextFormatter text(&sink);
  EXPECT_EQ(text.Flush().code(), absl::StatusCode::kDataLoss);
}

// ---- Syscalls. Every expected line below was printed by strace 6.1 for
// the same call (only pids, addresses and times differ where the test
// picks its own).

SyscallEvent Call(std::string name, std::string args_enter,
                  std::string args_exit, int64_t ret) {
  SyscallEvent c;
  c.name = std::move(name);
  c.args_enter = std::move(args_enter);
  c.args_exit = std::move(args_exit);
  c.ret = ret;
  return c;
}

SyscallEvent Hex(SyscallEvent c) {
  c.ret_format = SyscallEvent::RetFormat::kHex;
  return c;
}

SyscallEvent Octal(SyscallEvent c) {
  c.ret_format = SyscallEvent::RetFormat::kOctal;
  return c;
}

SyscallEvent NeverReturned(SyscallEvent c) {
  c.returned = false;
  return c;
}

SyscallEvent Split(SyscallEvent c, int64_t dur_ns = 0) {
  c.split = true;
  c.dur_ns = dur_ns;
  return c;
}

SyscallEvent Took(SyscallEvent c, int64_t dur_ns) {
  c.dur_ns = dur_ns;
  return c;
}

SyscallEvent I386(SyscallEvent c, uint64_t ip = 0) {
  c.arch = kArchI386;
  c.ip = ip;
  return c;
}

// strace's "[ Process PID=N runs in 32 bit mode. ]": before a thread's
// first call in another architecture than its previous one; threads and
// children start in their creator's mode, a thread that exec'd from a
// non-leader keeps its own; back to x86_64 says "64 bit".
TEST(TextSyscallTest, PersonalityChanges) {
  StringByteSink mem;
  TextFormatter text(&mem);
  text.OnEvent(Ev(7, 7, Call("execve", "\"./tr\"", "", 0)));
  text.OnEvent(Ev(7, 7, I386(Call("getpid", "", "", 7))));
  text.OnEvent(Ev(7, 7, I386(Call("getppid", "", "", 1))));  // no repeat
  text.OnEvent(Ev(7, 7, CloneEvent{8, CloneKind::kThread}));
  text.OnEvent(Ev(7, 8, I386(Call("gettid", "", "", 8))));  // inherited
  text.OnEvent(Ev(7, 7, ExitEvent{.code = 0}));
  text.OnEvent(Ev(7, 7, ExecEvent{"/bin/true", 8}));  // 8 is the leader now
  text.OnEvent(Ev(7, 7, Call("brk", "NULL", "", 0)));
  EXPECT_EQ(mem.str(),
            "execve(\"./tr\")                          = 0\n"
            "[ Process PID=7 runs in 32 bit mode. ]\n"
            "getpid()                                = 7\n"
            "getppid()                               = 1\n"
            "[pid     7] +++ created thread 8 +++\n"
            "[pid     8] gettid()                    = 8\n"
            "[pid     7] +++ exited with 0 +++\n"
            "+++ exec \"/bin/true\" (by thread 8) +++\n"
            "[ Process PID=7 runs in 64 bit mode. ]\n"
            "brk(NULL)                               = 0\n");
}

TEST(TextSyscallTest, PersonalityQuietAndChildren) {
  StringByteSink mem;
  TextFormatter text(&mem, {.quiet = {.personality = true}});
  text.OnEvent(Ev(7, 7, I386(Call("getpid", "", "", 7))));
  EXPECT_EQ(mem.str(), "getpid()                                = 7\n");

  StringByteSink mem2;
  TextFormatter text2(&mem2);
  text2.OnEvent(Ev(7, 7, I386(Call("fork", "", "", 9))));
  text2.OnEvent(Ev(7, 7, CloneEvent{9, CloneKind::kProcess}));
  text2.OnEvent(Ev(9, 9, I386(Call("getpid", "", "", 9))));  // inherited
  text2.OnEvent(Ev(9, 9, ExitEvent{.code = 0}));
  text2.OnEvent(Ev(7, 7, I386(Call("wait4", "-1, NULL, 0, NULL", "", 9))));
  EXPECT_EQ(mem2.str(),
            "[ Process PID=7 runs in 32 bit mode. ]\n"
            "fork()                                  = 9\n"
            "[pid     7] +++ created process 9 +++\n"
            "[pid     9] getpid()                    = 9\n"
            "[pid     9] +++ exited with 0 +++\n"
            "wait4(-1, NULL, 0, NULL)                = 9\n");
}

// -n gives the line the thread's previous call's number, -i the call's
// address; a 32-bit process's addresses are 8 digits, as strace prints
// them (unknown ones too).
TEST(TextSyscallTest, PersonalityWithNumbersAndIps) {
  StringByteSink mem;
  TextFormatter text(&mem,
                     {.syscall_numbers = true, .instruction_pointers = true});
  SyscallEvent exec = Call("execve", "\"./tr\"", "", 0);
  exec.nr = 59;
  exec.ip = 0x7f67272a9ad7;
  text.OnEvent(Ev(7, 7, exec));
  SyscallEvent write = I386(Call("write", "1, \"x\", 1", "", 1), 0x8049175);
  write.nr = 4;
  text.OnEvent(Ev(7, 7, write));
  SignalEvent sig{.signo = SIGUSR1, .code = SI_USER};
  sig.ip = 0x8049047;
  text.OnEvent(Ev(7, 7, sig));
  text.OnEvent(Ev(7, 7, ExitEvent{.code = 0}));
  EXPECT_EQ(mem.str(),
            "[  59] [00007f67272a9ad7] execve(\"./tr\") = 0\n"
            "[  59] [08049175] [ Process PID=7 runs in 32 bit mode. ]\n"
            "[   4] [08049175] write(1, \"x\", 1)      = 1\n"
            "[   4] [08049047] --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER} "
            "---\n"
            "[   4] [????????] +++ exited with 0 +++\n");
}

TEST(TextSyscallTest, CompleteCallIsPaddedToColumn40) {
  EXPECT_EQ(One(Ev(5, 5, Call("close", "3", "", 0))),
            "close(3)                                = 0\n");
  EXPECT_EQ(One(Ev(5, 5, Call("getppid", "", "", 31721))),
            "getppid()                               = 31721\n");
  EXPECT_EQ(One(Ev(5, 5, Call("read", "3, ", "\"\", 4096", 0))),
            "read(3, \"\", 4096)                       = 0\n");
  // Longer than the column: a single space.
  EXPECT_EQ(One(Ev(5, 5, Call("set_robust_list", "0x7f222eacfa20, 24", "", 0))),
            "set_robust_list(0x7f222eacfa20, 24)     = 0\n");
  EXPECT_EQ(
      One(Ev(5, 5, Call("rseq", "0x7f222ead0060, 0x20, 0, 0x53053053", "", 0))),
      "rseq(0x7f222ead0060, 0x20, 0, 0x53053053) = 0\n");
}

TEST(TextSyscallTest, PaddingAroundTheColumnBoundary) {
  // Left parts of 38, 39, 40 and 41 characters.
  const auto open = [](std::string path) {
    return Call("openat", "AT_FDCWD, \"" + path + "\", O_RDONLY", "", -2);
  };
  EXPECT_EQ(One(Ev(5, 5, open("/aaaaaaa"))),
            "openat(AT_FDCWD, \"/aaaaaaa\", O_RDONLY)  = -1 ENOENT (No such "
            "file or directory)\n");
  EXPECT_EQ(One(Ev(5, 5, open("/aaaaaaaa"))),
            "openat(AT_FDCWD, \"/aaaaaaaa\", O_RDONLY) = -1 ENOENT (No such "
            "file or directory)\n");
  EXPECT_EQ(One(Ev(5, 5, open("/aaaaaaaaa"))),
            "openat(AT_FDCWD, \"/aaaaaaaaa\", O_RDONLY) = -1 ENOENT (No such "
            "file or directory)\n");
  EXPECT_EQ(One(Ev(5, 5, open("/aaaaaaaaaa"))),
            "openat(AT_FDCWD, \"/aaaaaaaaaa\", O_RDONLY) = -1 ENOENT (No "
            "such file or directory)\n");
}

TEST(TextSyscallTest, Errors) {
  EXPECT_EQ(
      One(Ev(5, 5, Call("access", "\"/etc/ld.so.preload\", R_OK", "", -2))),
      "access(\"/etc/ld.so.preload\", R_OK)      = -1 ENOENT (No such "
      "file or directory)\n");
  EXPECT_EQ(One(Ev(5, 5, Call("rt_sigreturn", "{mask=[]}", "", -4))),
            "rt_sigreturn({mask=[]})                 = -1 EINTR (Interrupted "
            "system call)\n");
  EXPECT_EQ(One(Ev(5, 5, Call("getppid", "", "", -600))),
            "getppid()                               = -1 (errno 600)\n");
  EXPECT_EQ(One(Ev(5, 5, Call("getppid", "", "", -515))),
            "getppid()                               = -1 ENOIOCTLCMD "
            "(Unknown error 515)\n");
  EXPECT_EQ(One(Ev(5, 5, Call("pause", "", "", -514))),
            "pause()                                 = ? ERESTARTNOHAND (To "
            "be restarted if no handler)\n");
  EXPECT_EQ(
      One(Ev(5, 5, Call("nanosleep", "{tv_sec=1, tv_nsec=0}, ", "", -516))),
      "nanosleep({tv_sec=1, tv_nsec=0}, )      = ? "
      "ERESTART_RESTARTBLOCK (Interrupted by signal)\n");
  // Not errors: below -4095, and large positive values.
  EXPECT_EQ(One(Ev(5, 5, Call("lseek", "3, -4096, SEEK_END", "", -4096))),
            "lseek(3, -4096, SEEK_END)               = -4096\n");
}

TEST(TextSyscallTest, HexAndOctalResults) {
  EXPECT_EQ(One(Ev(5, 5, Hex(Call("brk", "NULL", "", 0x55c158e94000)))),
            "brk(NULL)                               = 0x55c158e94000\n");
  EXPECT_EQ(One(Ev(5, 5,
                   Hex(Call("mmap",
                            "NULL, 8192, PROT_READ|PROT_WRITE, "
                            "MAP_PRIVATE|MAP_ANONYMOUS, -1, 0",
                            "", 0x7f222ecbf000)))),
            "mmap(NULL, 8192, PROT_READ|PROT_WRITE, "
            "MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f222ecbf000\n");
  EXPECT_EQ(One(Ev(5, 5, Hex(Call("brk", "NULL", "", 0)))),
            "brk(NULL)                               = 0\n");
  // A failing mmap is still an error, not an address.
  EXPECT_EQ(One(Ev(5, 5, Hex(Call("mmap", "NULL, 1, PROT_NONE", "", -12)))),
            "mmap(NULL, 1, PROT_NONE)                = -1 ENOMEM (Cannot "
            "allocate memory)\n");
  EXPECT_EQ(One(Ev(5, 5, Octal(Call("umask", "022", "", 022)))),
            "umask(022)                              = 022\n");
  EXPECT_EQ(One(Ev(5, 5, Octal(Call("umask", "000", "", 0)))),
            "umask(000)                              = 000\n");
  EXPECT_EQ(One(Ev(5, 5, Octal(Call("umask", "0777", "", 0777)))),
            "umask(0777)                             = 0777\n");
  EXPECT_EQ(One(Ev(5, 5, Octal(Call("umask", "0", "", 7)))),
            "umask(0)                                = 007\n");
  // -e raw=: hex, and a restart code is an ordinary error.
  SyscallEvent raw = Call("getpid", "", "", 0x1092);
  raw.ret_format = SyscallEvent::RetFormat::kRaw;
  EXPECT_EQ(One(Ev(5, 5, raw)),
            "getpid()                                = 0x1092\n");
  raw = Call("pause", "", "", -514);
  raw.ret_format = SyscallEvent::RetFormat::kRaw;
  EXPECT_EQ(One(Ev(5, 5, raw)),
            "pause()                                 = -1 ERESTARTNOHAND "
            "(Unknown error 514)\n");
}

TEST(TextSyscallTest, NeverReturned) {
  // Fully decoded at entry: plain "= ?".
  EXPECT_EQ(One(Ev(5, 5, NeverReturned(Call("exit_group", "0", "", 0)))),
            "exit_group(0)                           = ?\n");
  // The decoder had more to print at exit.
  EXPECT_EQ(One(Ev(5, 5, NeverReturned(Call("read", "0, ", "", 0)))),
            "read(0,  <unfinished ...>)              = ?\n");
  // -T prints no duration for them.
  EXPECT_EQ(One(Ev(5, 5, Took(NeverReturned(Call("exit", "0", "", 0)), 5000)),
                {.show_duration = true}),
            "exit(0)                                 = ?\n");
}

// Calls in progress when ttrace detached, as strace 6.1 prints them: no
// closing parenthesis, no result, no duration; nothing after an announced
// entry.
TEST(TextSyscallTest, Detached) {
  SyscallEvent c = NeverReturned(Call("read", "0, ", "", 0));
  c.detached = true;
  c.dur_ns = 5000;
  EXPECT_EQ(One(Ev(5, 5, c), {.show_duration = true}),
            "read(0,  <detached ...>\n");
  c.split = true;  // its entry's line is closed: strace prints nothing
  EXPECT_EQ(One(Ev(5, 5, c)), "");
}

// A call announced before its exit (it blocked for a while, or another
// thread's line came first) is printed at once up to its entry arguments,
// as strace prints it: `ttrace -p PID` shows where a program waits. Its
// exit ends that line as if it had been printed whole; anything printed
// before then ends it " <unfinished ...>" instead.
TEST(TextSyscallTest, OpenLineEndsAtItsExit) {
  StringByteSink mem;
  TextFormatter text(&mem, {.show_duration = true});
  text.OnEvent(Ev(5, 5, SyscallEnterEvent{0, kArchX86_64, "read", "0, "}));
  ASSERT_TRUE(text.Flush().ok());
  EXPECT_EQ(mem.str(), "read(0, ");  // visible while the call blocks
  text.OnEvent(
      Ev(5, 5, Split(Call("read", "0, ", "\"hi\\n\", 4096", 3), 2000000000)));
  const std::string whole =
      One(Ev(5, 5, Took(Call("read", "0, ", "\"hi\\n\", 4096", 3), 2000000000)),
          {.show_duration = true});
  EXPECT_EQ(mem.str(), whole);
  EXPECT_EQ(whole,
            "read(0, \"hi\\n\", 4096)                   = 3 <2.000000>\n");

  // Detached during the call: strace's "read(0,  <detached ...>".
  mem.clear();
  text.OnEvent(Ev(5, 5, SyscallEnterEvent{0, kArchX86_64, "read", "0, "}));
  SyscallEvent detached = Split(NeverReturned(Call("read", "0, ", "", 0)));
  detached.detached = true;
  text.OnEvent(Ev(5, 5, detached));
  text.OnEvent(Ev(5, 5, DetachEvent{}));
  EXPECT_EQ(mem.str(), "read(0,  <detached ...>\n+++ detached +++\n");

  // Killed during the call: as strace, "<unfinished ...>) = ?".
  mem.clear();
  text.OnEvent(Ev(5, 5, SyscallEnterEvent{0, kArchX86_64, "read", "0, "}));
  text.OnEvent(Ev(5, 5, Split(NeverReturned(Call("read", "0, ", "", 0)))));
  EXPECT_EQ(mem.str(), "read(0,  <unfinished ...>)              = ?\n");

  // Another thread's line first, then a second thread's call announced
  // while the first is still open: each entry line is ended before the
  // next line.
  StringByteSink two;
  TextFormatter threads(&two);
  threads.OnEvent(Ev(5, 5, CloneEvent{6, CloneKind::kThread}));
  threads.OnEvent(Ev(5, 6, SyscallEnterEvent{0, kArchX86_64, "read", "3, "}));
  threads.OnEvent(
      Ev(5, 5, SyscallEnterEvent{7, kArchX86_64, "poll", "[], 0, 5"}));
  threads.OnEvent(Ev(5, 6, Split(Call("read", "3, ", "\"\", 1", 0))));
  threads.OnEvent(Ev(5, 5, Split(Call("poll", "[], 0, 5", "", 0))));
  EXPECT_EQ(two.str(),
            "[pid     5] +++ created thread 6 +++\n"
            "[pid     6] read(3,  <unfinished ...>\n"
            "[pid     5] poll([], 0, 5 <unfinished ...>\n"
            "[pid     6] <... read resumed>\"\", 1)    = 0\n"
            "[pid     5] <... poll resumed>)         = 0\n");
}

TEST(TextSyscallTest, Duration) {
  const TextOptions t{.show_duration = true};
  EXPECT_EQ(
      One(Ev(5, 5, Took(Call("write", "4, \"abcd\", 4", "", 4), 282999)), t),
      "write(4, \"abcd\", 4)                     = 4 <0.000282>\n");
  EXPECT_EQ(One(Ev(5, 5, Took(Call("getppid", "", "", 31721), 6000)), t),
            "getppid()                               = 31721 <0.000006>\n");
  EXPECT_EQ(
      One(Ev(5, 5, Took(Call("access", "\"/x\", F_OK", "", -2), 12345678912)),
          t),
      "access(\"/x\", F_OK)                      = -1 ENOENT (No such "
      "file or directory) <12.345678>\n");
  EXPECT_EQ(One(Ev(5, 5, Took(Call("getpid", "", "", 7), -5)), t),
            "getpid()                                = 7 <0.000000>\n");
  // Off by default.
  EXPECT_EQ(One(Ev(5, 5, Took(Call("getpid", "", "", 7), 6000))),
            "getpid()                                = 7\n");
}

// -n: the syscall's number; on other lines the thread's last one, or
// "[????]"; it follows a non-leader's exec to the leader's tid.
TEST(TextSyscallTest, SyscallNumbers) {
  StringByteSink mem;
  TextFormatter text(&mem, {.syscall_numbers = true});
  SyscallEvent getpid = Call("getpid", "", "", 7);
  getpid.nr = 39;
  SyscallEvent execve = Call("execve", "\"/bin/true\", [\"true\"], ", "", 0);
  execve.nr = 59;
  text.OnEvent(Ev(5, 5, SignalEvent{.signo = SIGUSR1, .code = SI_KERNEL}));
  text.OnEvent(Ev(5, 5, getpid));
  text.OnEvent(Ev(5, 5, StopEvent{SIGSTOP}));
  text.OnEvent(Ev(5, 5, CloneEvent{6, CloneKind::kThread}));
  text.OnEvent(Ev(5, 6, SyscallEnterEvent{59, kArchX86_64, "execve", ""}));
  text.OnEvent(Ev(
      5, 5, ExitEvent{.how = ExitEvent::How::kSuperseded, .superseded_by = 6}));
  text.OnEvent(Ev(5, 5, ExecEvent{"/bin/true", 6}));
  text.OnEvent(Ev(5, 5, Split(execve)));
  text.OnEvent(Ev(5, 5, Exited(0)));
  EXPECT_EQ(mem.str(),
            "[????] --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} ---\n"
            "[  39] getpid()                         = 7\n"
            "[  39] --- stopped by SIGSTOP ---\n"
            "[pid     5] [  39] +++ created thread 6 +++\n"
            "[pid     6] [  59] execve( <pid changed to 5 ...>\n"
            "[  39] +++ superseded by execve in pid 6 +++\n"
            "[  59] +++ exec \"/bin/true\" (by thread 6) +++\n"
            "[  59] <... execve resumed>)            = 0\n"
            "[  59] +++ exited with 0 +++\n");
}

// -i: the event's instruction pointer, "[????????????????]" without one;
// after -n's number, as strace orders them.
TEST(TextSyscallTest, InstructionPointers) {
  TextOptions o{.instruction_pointers = true};
  SyscallEvent getpid = Call("getpid", "", "", 7);
  getpid.ip = 0x7f93410534e7;
  EXPECT_EQ(One(Ev(5, 5, getpid), o),
            "[00007f93410534e7] getpid()             = 7\n");
  SignalEvent s{.signo = SIGUSR1, .code = SI_KERNEL};
  s.ip = 0xffffffffffffffffull;
  EXPECT_EQ(One(Ev(5, 5, s), o),
            "[ffffffffffffffff] --- SIGUSR1 {si_signo=SIGUSR1, "
            "si_code=SI_KERNEL} ---\n");
  EXPECT_EQ(One(Ev(5, 5, Exited(0)), o),
            "[????????????????] +++ exited with 0 +++\n");
  getpid.nr = 39;
  o.syscall_numbers = true;
  o.timestamps = TextOptions::Timestamps::kEpochUs;
  EXPECT_EQ(One(Ev(5, 5, getpid), o),
            "1795717816.123456 [  39] [00007f93410534e7] getpid() = 7\n");
  // -ff: a call kept until its end is printed whole, with both.
  StringByteSink mem;
  TextFormatter file(
      &mem,
      {.thread = 6, .syscall_numbers = true, .instruction_pointers = true});
  file.OnEvent(Ev(5, 6, SyscallEnterEvent{0, kArchX86_64, "read", "3, ", 16}));
  file.OnEvent(Ev(5, 6, Exited(0)));
  EXPECT_EQ(mem.str(),
            "[   0] [0000000000000010] read(3,  <unfinished ...>\n"
            "[   0] [????????????????] +++ exited with 0 +++\n");
}

// -k: " > FRAME" lines after the call's line; after the thread's end for
// a call that never returned (strace prints exit_group's stack there).
TEST(TextSyscallTest, Stacks) {
  StringByteSink mem;
  TextFormatter text(&mem);
  SyscallEvent getpid = Call("getpid", "", "", 7);
  getpid.stack =
      "/lib/libc.so.6(__getpid+0x7) [0xd54e7]\n/usr/bin/x() [0x45f0]";
  getpid.dump = " | 00000  61 | (a dump)";  // -e read=/write=: before the stack
  text.OnEvent(Ev(5, 5, getpid));
  SyscallEvent exit = NeverReturned(Call("exit_group", "0", "", 0));
  exit.stack = "/lib/libc.so.6(_exit+0x29) [0xd4409]";
  text.OnEvent(Ev(5, 5, exit));
  text.OnEvent(Ev(5, 5, Exited(0)));
  EXPECT_EQ(mem.str(),
            "getpid()                                = 7\n"
            " | 00000  61 | (a dump)\n"
            " > /lib/libc.so.6(__getpid+0x7) [0xd54e7]\n"
            " > /usr/bin/x() [0x45f0]\n"
            "exit_group(0)                           = ?\n"
            "+++ exited with 0 +++\n"
            " > /lib/libc.so.6(_exit+0x29) [0xd4409]\n");
  // Signals and stops: where they found the thread.
  mem.clear();
  SignalEvent sig{.signo = SIGUSR1, .code = SI_KERNEL};
  sig.stack = "/lib/libc.so.6(kill+0x7) [0x3c267]";
  text.OnEvent(Ev(5, 5, sig));
  text.OnEvent(Ev(5, 5, StopEvent{SIGSTOP, "/bin/sh() [0x4781]"}));
  EXPECT_EQ(mem.str(),
            "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} ---\n"
            " > /lib/libc.so.6(kill+0x7) [0x3c267]\n"
            "--- stopped by SIGSTOP ---\n"
            " > /bin/sh() [0x4781]\n");
  // With -qq the exit line is left out, not the stack.
  StringByteSink quiet;
  TextFormatter q(&quiet, {.quiet = {.exit = true}});
  q.OnEvent(Ev(5, 5, exit));
  q.OnEvent(Ev(5, 5, Exited(0)));
  EXPECT_EQ(quiet.str(),
            "exit_group(0)                           = ?\n"
            " > /lib/libc.so.6(_exit+0x29) [0xd4409]\n");
}

TEST(TextSyscallTest, SplitCallsWithPrefix) {
  StringByteSink mem;
  TextFormatter text(&mem, {.show_duration = true});
  text.OnEvent(Ev(31724, 31724, CloneEvent{31725, CloneKind::kThread}));
  mem.clear();
  text.OnEvent(
      Ev(31724, 31725, SyscallEnterEvent{0, kArchX86_64, "read", "3, "}));
  text.OnEvent(
      Ev(31724, 31724, Took(Call("write", "4, \"abcd\", 4", "", 4), 282000)));
  text.OnEvent(Ev(31724, 31725,
                  Split(Call("read", "3, ", "\"abcd\", 4", 4), 100735000)));
  // Announced (it blocked) and nothing printed before its exit: one line.
  text.OnEvent(
      Ev(31724, 31725, SyscallEnterEvent{34, kArchX86_64, "pause", ""}));
  text.OnEvent(Ev(31724, 31725, Split(Call("pause", "", "", -514), 100603000)));
  text.OnEvent(Ev(31724, 31724,
                  SyscallEnterEvent{202, kArchX86_64, "futex",
                                    "0x7f1492a56990, "
                                    "FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, "
                                    "31725, NULL, FUTEX_BITSET_MATCH_ANY"}));
  text.OnEvent(
      Ev(31724, 31725, Took(NeverReturned(Call("exit", "0", "", 0)), 1000)));
  text.OnEvent(Ev(31724, 31724,
                  Split(Call("futex",
                             "0x7f1492a56990, "
                             "FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, 31725, "
                             "NULL, FUTEX_BITSET_MATCH_ANY",
                             "", 0),
                        258000)));
  text.OnEvent(Ev(31724, 31725, Exited(0)));
  text.OnEvent(Ev(31724, 31724, Took(Call("getppid", "", "", 31721), 6000)));
  EXPECT_EQ(mem.str(),
            "[pid 31725] read(3,  <unfinished ...>\n"
            "[pid 31724] write(4, \"abcd\", 4)         = 4 <0.000282>\n"
            "[pid 31725] <... read resumed>\"abcd\", 4) = 4 <0.100735>\n"
            "[pid 31725] pause()                     = ? ERESTARTNOHAND (To "
            "be restarted if no handler) <0.100603>\n"
            "[pid 31724] futex(0x7f1492a56990, "
            "FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, 31725, NULL, "
            "FUTEX_BITSET_MATCH_ANY <unfinished ...>\n"
            "[pid 31725] exit(0)                     = ?\n"
            "[pid 31724] <... futex resumed>)        = 0 <0.000258>\n"
            "[pid 31725] +++ exited with 0 +++\n"
            "getppid()                               = 31721 <0.000006>\n");
}

// --pidns-translation: a signal's sender, numbered in the receiver's pid
// namespace, is followed by ttrace's number when there is one; with -Y the
// name comes first.
TEST(TextPidnsTest, SignalSenderTranslated) {
  std::vector<std::pair<pid_t, pid_t>> asked;  // (seen_by, pid)
  auto translate = [&](pid_t by, pid_t pid, pid_t* ours) {
    asked.emplace_back(by, pid);
    if (pid != 1) return false;
    *ours = 5001;
    return true;
  };
  StringByteSink mem;
  {
    TextFormatter text(&mem, {.translate_pid = translate});
    text.OnEvent(Ev(
        7, 7,
        SignalEvent{
            .signo = SIGTERM, .code = SI_USER, .from_pid = 1, .from_uid = 0}));
    text.OnEvent(Ev(
        7, 7,
        SignalEvent{
            .signo = SIGTERM, .code = SI_USER, .from_pid = 2, .from_uid = 0}));
  }
  EXPECT_EQ(mem.str(),
            "--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=1 /* 5001 "
            "in ttrace's PID NS */, si_uid=0} ---\n"
            "--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=2, "
            "si_uid=0} ---\n");
  EXPECT_EQ(asked, (std::vector<std::pair<pid_t, pid_t>>{{7, 1}, {7, 2}}));
  StringByteSink named;
  {
    TextFormatter text(&named, {.comm_of =
                                    [](pid_t, pid_t, std::string* out) {
                                      *out = "init";
                                      return true;
                                    },
                                .translate_pid = translate});
    text.OnEvent(Ev(
        7, 7,
        SignalEvent{
            .signo = SIGTERM, .code = SI_USER, .from_pid = 1, .from_uid = 0}));
  }
  EXPECT_TRUE(absl::StrContains(
      named.str(), "si_pid=1<init> /* 5001 in ttrace's PID NS */, si_uid=0"))
      << named.str();
}

// -Y: names in the prefix (read at a thread's first line, again after its
// execve or prctl line, the exit event's name once it is gone) and of a
// signal's sender (read when printed), in both prefix forms, and the
// clock ticks of a child's times.
// -Y across execs, as strace names lines: a child starts with its parent's
// name even if /proc already shows its new program; an execve line shows
// the name from before the exec, a "resumed" one the new name; a thread
// whose execve is not shown is renamed at its next line; a signal's sender
// is looked up in the receiver's pid namespace.
TEST(TextDecodePidsTest, NamesAcrossExecs) {
  std::map<pid_t, std::string> names = {{1, "ttrace"}, {100, "sh"}};
  std::vector<pid_t> seen_by;
  auto comm_of = [&](pid_t by, pid_t pid, std::string* out) {
    seen_by.push_back(by);
    auto it = names.find(pid);
    if (it == names.end()) return false;
    *out = it->second;
    return true;
  };
  StringByteSink mem;
  TextFormatter text(&mem, {.pid_prefix = TextOptions::PidPrefix::kAlways,
                            .comm_of = comm_of});
  text.OnEvent(Ev(100, 100, CloneEvent{101, CloneKind::kProcess}));
  text.OnEvent(Ev(100, 100, CloneEvent{102, CloneKind::kProcess}));
  names[101] = "ls";  // both already exec'd when their lines come
  names[102] = "cat";
  text.OnEvent(Ev(101, 101, ExecEvent{"/bin/ls", 101}));
  text.OnEvent(Ev(101, 101, Call("execve", "\"/bin/ls\"", "", 0)));
  text.OnEvent(Ev(101, 101, Call("getpid", "", "", 101)));
  SyscallEvent resumed = Call("execve", "", "", 0);
  resumed.split = true;
  text.OnEvent(
      Ev(102, 102, SyscallEnterEvent{59, kArchX86_64, "execve", "\"/x\", "}));
  text.OnEvent(Ev(102, 102, ExecEvent{"/bin/cat", 102}));
  text.OnEvent(Ev(102, 102, resumed));
  names[100] = "true";  // 100's execve is not shown
  text.OnEvent(Ev(100, 100, ExecEvent{"/bin/true", 100}));
  SignalEvent sig{.signo = SIGCHLD, .code = CLD_EXITED};
  sig.from_pid = 101;
  sig.from_uid = 0;
  seen_by.clear();
  text.OnEvent(Ev(100, 100, sig));
  EXPECT_EQ(mem.str(),
            "100<sh> +++ created process 101 +++\n"
            "100<sh> +++ created process 102 +++\n"
            "101<sh> +++ exec \"/bin/ls\" +++\n"
            "101<sh> execve(\"/bin/ls\")               = 0\n"
            "101<ls> getpid()                        = 101\n"
            "102<sh> execve(\"/x\",  <unfinished ...>\n"
            "102<sh> +++ exec \"/bin/cat\" +++\n"
            "102<cat> <... execve resumed>)          = 0\n"
            "100<sh> +++ exec \"/bin/true\" +++\n"
            "100<true> --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, "
            "si_pid=101<ls>, si_uid=0} ---\n");
  // The prefix's name is ttrace's numbering (0), si_pid the receiver's.
  EXPECT_EQ(seen_by, (std::vector<pid_t>{0, 100}));
}

TEST(TextDecodePidsTest, NamesInPrefixAndSignals) {
  std::map<pid_t, std::string> names = {{100, "sh"}, {101, "sh"}};
  int lookups = 0;
  auto comm_of = [&](pid_t, pid_t pid, std::string* out) {
    ++lookups;
    auto it = names.find(pid);
    if (it == names.end()) return false;
    *out = it->second;
    return true;
  };
  for (auto form : {TextOptions::PidPrefix::kWhenSeveral,
                    TextOptions::PidPrefix::kAlways}) {
    StringByteSink mem;
    TextFormatter text(&mem, {.pid_prefix = form, .comm_of = comm_of});
    names[101] = "sh";
    text.OnEvent(Ev(100, 100, CloneEvent{101, CloneKind::kProcess}));
    text.OnEvent(Ev(101, 101, Call("getpid", "", "", 101)));
    names[101] = "<x>";  // renamed: not seen until its prctl line is printed
    text.OnEvent(Ev(101, 101, Call("prctl", "PR_SET_NAME, \"<x>\"", "", 0)));
    text.OnEvent(Ev(101, 101, Call("getpid", "", "", 101)));
    names.erase(101);  // reaped: the exit event's name
    ExitEvent exit = Exited(0);
    exit.comm = "<x>";
    text.OnEvent(Ev(101, 101, exit));
    SignalEvent sig{.signo = SIGCHLD, .code = CLD_EXITED};
    sig.from_pid = 101;  // gone: no name
    sig.from_uid = 0;
    sig.child = SignalEvent::Child{.status = 0, .utime = 210, .stime = 0};
    text.OnEvent(Ev(100, 100, sig));
    sig.from_pid = 100;
    text.OnEvent(Ev(100, 100, sig));
    if (form == TextOptions::PidPrefix::kWhenSeveral) {
      EXPECT_EQ(mem.str(),
                "[pid   100<sh>] +++ created process 101 +++\n"
                "[pid   101<sh>] getpid()                = 101\n"
                "[pid   101<sh>] prctl(PR_SET_NAME, \"<x>\") = 0\n"
                "[pid   101<\\74x\\76>] getpid()           = 101\n"
                "[pid   101<\\74x\\76>] +++ exited with 0 +++\n"
                "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, "
                "si_pid=101, si_uid=0, si_status=0, si_utime=210 /* 2.10 s "
                "*/, si_stime=0} ---\n"
                "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, "
                "si_pid=100<sh>, si_uid=0, si_status=0, si_utime=210 /* 2.10 "
                "s */, si_stime=0} ---\n");
    } else {
      EXPECT_EQ(mem.str(),
                "100<sh> +++ created process 101 +++\n"
                "101<sh> getpid()                        = 101\n"
                "101<sh> prctl(PR_SET_NAME, \"<x>\")       = 0\n"
                "101<\\74x\\76> getpid()                   = 101\n"
                "101<\\74x\\76> +++ exited with 0 +++\n"
                "100<sh> --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, "
                "si_pid=101, si_uid=0, si_status=0, si_utime=210 /* 2.10 s "
                "*/, si_stime=0} ---\n"
                "100<sh> --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, "
                "si_pid=100<sh>, si_uid=0, si_status=0, si_utime=210 /* 2.10 "
                "s */, si_stime=0} ---\n");
    }
  }
  // Without a name (and without -Y): strace's "%-5d " form.
  EXPECT_EQ(One(Ev(7, 7, Call("getpid", "", "", 7)),
                {.pid_prefix = TextOptions::PidPrefix::kAlways,
                 .comm_of = [](pid_t, pid_t, std::string*) { return false; }}),
            "7     getpid()                          = 7\n");
  EXPECT_GT(lookups, 0);
}

TEST(TextSyscallTest, SplitCallsWithoutPrefix) {
  // One live thread (e.g. the other thread's events were filtered out).
  // The entry is printed up to its arguments, its line left open.
  EXPECT_EQ(One(Ev(5, 5, SyscallEnterEvent{0, kArchX86_64, "read", "3, "})),
            "read(3, ");
  EXPECT_EQ(One(Ev(5, 5, Split(Call("read", "3, ", "\"abcd\", 4", 4)))),
            "<... read resumed>\"abcd\", 4)            = 4\n");
  EXPECT_EQ(One(Ev(5, 5, Split(Call("close", "3", "", -9)))),
            "<... close resumed>)                    = -1 EBADF (Bad file "
            "descriptor)\n");
}

TEST(TextSyscallTest, SplitCallThatNeverReturned) {
  StringByteSink mem;
  TextFormatter text(&mem);
  text.OnEvent(Ev(31803, 31803, CloneEvent{31804, CloneKind::kThread}));
  mem.clear();
  text.OnEvent(
      Ev(31803, 31804, SyscallEnterEvent{0, kArchX86_64, "read", "3, "}));
  text.OnEvent(Ev(31803, 31803, NeverReturned(Call("exit_group", "0", "", 0))));
  text.OnEvent(
      Ev(31803, 31804, Split(NeverReturned(Call("read", "3, ", "", 0)))));
  text.OnEvent(Ev(31803, 31804, Exited(0)));
  text.OnEvent(Ev(31803, 31803, Exited(0)));
  EXPECT_EQ(mem.str(),
            "[pid 31804] read(3,  <unfinished ...>\n"
            "[pid 31803] exit_group(0)               = ?\n"
            "[pid 31804] <... read resumed> <unfinished ...>) = ?\n"
            "[pid 31804] +++ exited with 0 +++\n"
            "+++ exited with 0 +++\n");
}

TEST(TextSyscallTest, SyscallWithoutLiveSetChangeKeepsOneThread) {
  // Syscall events only add their own tid: a lone thread has no prefix.
  StringByteSink mem;
  TextFormatter text(&mem);
  text.OnEvent(Ev(9, 9, Call("close", "3", "", 0)));
  text.OnEvent(Ev(9, 9, Call("close", "4", "", 0)));
  EXPECT_EQ(mem.str(),
            "close(3)                                = 0\n"
            "close(4)                                = 0\n");
}

TEST_F(TextTimestampTest, SyscallsCountTimestampAndPrefixInTheColumn) {
  // strace -tt: "19:07:34.306714 close(3)                = 0".
  EXPECT_EQ(One(Ev(5, 5, Call("close", "3", "", 0)),
                {TextOptions::Timestamps::kTimeUs}),
            "18:30:16.123456 close(3)                = 0\n");
  // The enter line carries the entry time, the resumed line the exit time.
  StringByteSink mem;
  TextFormatter text(&mem, {.timestamps = TextOptions::Timestamps::kTimeUs,
                            .show_duration = true});
  text.OnEvent(Ev(32543, 32543, CloneEvent{32544, CloneKind::kThread}));
  mem.clear();
  text.OnEvent(
      Ev(32543, 32544, SyscallEnterEvent{0, kArchX86_64, "read", "3, "}, kTs));
  text.OnEvent(
      Ev(32543, 32543, Took(Call("getpid", "", "", 32543), 1000), kTs + 5));
  text.OnEvent(Ev(32543, 32544,
                  Split(Call("read", "3, ", "\"abcd\", 4", 4), 100653000),
                  kTs));
  EXPECT_EQ(mem.str(),
            "[pid 32544] 18:30:16.123456 read(3,  <unfinished ...>\n"
            "[pid 32543] 18:30:16.123456 getpid()    = 32543 <0.000001>\n"
            "[pid 32544] 18:30:16.224109 <... read resumed>\"abcd\", 4) = 4 "
            "<0.100653>\n");
}

// strace's precisions (truncated, not rounded), and -r in parentheses
// after an absolute timestamp.
TEST(TextTimestamp, Precisions) {
  using TS = TextOptions::Timestamps;
  const Event e = Ev(5, 5, Exited(0));  // kTs: 18:30:16.123456789 UTC
  auto line = [&](TextOptions o) { return One(e, o); };
  EXPECT_EQ(line({.timestamps = TS::kEpochUs, .timestamp_digits = 0}),
            "1795717816 +++ exited with 0 +++\n");
  EXPECT_EQ(line({.timestamps = TS::kEpochUs, .timestamp_digits = 3}),
            "1795717816.123 +++ exited with 0 +++\n");
  EXPECT_EQ(line({.timestamps = TS::kEpochUs, .timestamp_digits = 9}),
            "1795717816.123456789 +++ exited with 0 +++\n");
  EXPECT_EQ(line({.timestamps = TS::kRelative, .relative_digits = 0}),
            "     0 +++ exited with 0 +++\n");
  EXPECT_EQ(line({.timestamps = TS::kRelative, .relative_digits = 9}),
            "     0.000000000 +++ exited with 0 +++\n");
  EXPECT_EQ(line({.timestamps = TS::kEpochUs,
                  .timestamp_digits = 3,
                  .relative_too = true,
                  .relative_digits = 3}),
            "1795717816.123 (+     0.000) +++ exited with 0 +++\n");

  StringByteSink mem;
  TextFormatter text(&mem, {.timestamps = TS::kEpochUs,
                            .relative_too = true,
                            .show_duration = true,
                            .duration_digits = 9});
  text.OnEvent(Ev(5, 5, Took(Call("getpid", "", "", 5), 1234567), kTs));
  text.OnEvent(Ev(5, 5, Exited(0), kTs + 2500001));
  EXPECT_EQ(mem.str(),
            "1795717816.123456 (+     0.000000) getpid() = 5 <0.001234567>\n"
            "1795717816.125956 (+     0.002500) +++ exited with 0 +++\n");
}

TEST(TextTimestamp, RelativeUsesExitTimeForResumedLines) {
  StringByteSink mem;
  TextFormatter text(&mem, {TextOptions::Timestamps::kRelative});
  text.OnEvent(Ev(5, 5, SyscallEnterEvent{0, kArchX86_64, "read", "3, "}, kTs));
  // A signal line cuts the read's line (ptrace reports none there; the
  // formatter only sees that something else is printed first).
  text.OnEvent(Ev(5, 5, SignalEvent{.signo = SIGUSR1, .code = SI_KERNEL},
                  kTs + 1000000));
  text.OnEvent(
      Ev(5, 5, Split(Call("read", "3, ", "\"\", 1", 0), 2500000), kTs));
  text.OnEvent(Ev(5, 5, Call("close", "3", "", 0), kTs + 3000000));
  EXPECT_EQ(mem.str(),
            "     0.000000 read(3,  <unfinished ...>\n"
            "     0.001000 --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} "
            "---\n"
            "     0.001500 <... read resumed>\"\", 1)  = 0\n"
            "     0.000500 close(3)                  = 0\n");
  // Ended by its exit, the line keeps its entry's time.
  mem.clear();
  text.OnEvent(Ev(5, 5, SyscallEnterEvent{0, kArchX86_64, "read", "3, "},
                  kTs + 4000000));
  text.OnEvent(Ev(5, 5, Split(Call("read", "3, ", "\"\", 1", 0), 2500000),
                  kTs + 4000000));
  EXPECT_EQ(mem.str(), "     0.001000 read(3, \"\", 1)            = 0\n");
}

TEST(TextAllocationTest, NoAllocationPerEventOnceWarm) {
  StringByteSink mem;
  TextFormatter f(&mem, {.timestamps = TextOptions::Timestamps::kTimeUs,
                         .show_duration = true});
  SignalEvent sig;
  sig.signo = SIGSYS;
  sig.code = 2;  // SYS_USER_DISPATCH: longer than the SSO buffer
  sig.from_pid = 1;
  sig.addr = 0x1234;
  ExitEvent killed;
  killed.how = ExitEvent::How::kKilled;
  killed.signo = 40;
  killed.comm = "worker-thread-with-a-long-name";
  const std::string long_args(300, 'a');  // longer than the initial buffer
  const std::vector<Event> events = {
      Ev(100, 100, SpawnEvent{"/bin/true", {"true", "arg"}}),
      Ev(100, 100, CloneEvent{101, CloneKind::kThread}),
      Ev(100, 101, sig),
      Ev(100, 101, StopEvent{SIGSTOP}),
      Ev(100, 101, ContEvent{}),
      Ev(100, 100, ExecEvent{"/usr/bin/\xff\n\"x\"", 100}),
      Ev(100, 100, Took(Call("close", "3", "", 0), 1234)),
      Ev(100, 100, Call("openat", "AT_FDCWD, \"/nonexistent/file\", ", "", -2)),
      Ev(100, 100, Call("ioctl", "1, TCGETS, ", "0x7ffc", -515)),
      Ev(100, 100, Call("getppid", "", "", -600)),
      Ev(100, 100, Call("pause", "", "", -514)),
      Ev(100, 100, Hex(Call("brk", "NULL", "", 0x55c158e94000))),
      Ev(100, 100, Octal(Call("umask", "022", "", 022))),
      Ev(100, 101, SyscallEnterEvent{0, kArchX86_64, "read", long_args}),
      Ev(100, 101, Split(Call("read", long_args, long_args, 4), 100000)),
      Ev(100, 101, Split(NeverReturned(Call("read", "3, ", "", 0)))),
      Ev(100, 100, NeverReturned(Call("exit_group", "0", "", 0))),
      Ev(100, 101, killed),
  };
  mem.clear();
  for (const Event& e : events) f.OnEvent(e);  // warm up buffers
  mem.clear();
  // Reserve room so that the sink itself does not allocate either.
  std::string big(1 << 16, 'x');
  mem.Append(big);
  mem.clear();
  const int64_t before = g_allocations.load();
  for (int i = 0; i < 100; ++i) {
    for (const Event& e : events) f.OnEvent(e);
    mem.clear();
  }
  EXPECT_EQ(g_allocations.load() - before, 0);
  // The counter works: a heap-sized string does allocate.
  const std::string probe(mem.str().size() + 100, 'y');
  EXPECT_GT(g_allocations.load() - before, 0) << probe.size();
}

}  // namespace
}  // namespace ttrace
