#include "output/text_formatter.h"

#include <signal.h>
#include <stdlib.h>
#include <time.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <string>
#include <utility>
#include <vector>

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

TEST(TextFormatterTest, ExecByNonLeaderRenamesThread) {
  StringByteSink mem;
  TextFormatter text(&mem);
  text.OnEvent(Ev(1234, 1234, SpawnEvent{"/t", {"t"}}));
  text.OnEvent(Ev(1234, 1234, CloneEvent{1236, CloneKind::kThread}));
  // The leader is superseded (removed after printing), then 1236 becomes
  // 1234: one thread remains, so the exec line has no prefix.
  ExitEvent sup;
  sup.how = ExitEvent::How::kSuperseded;
  sup.superseded_by = 1236;
  text.OnEvent(Ev(1234, 1234, sup));
  text.OnEvent(Ev(1234, 1234, ExecEvent{"/usr/bin/true", 1236}));
  text.OnEvent(Ev(1234, 1234, Exited(0)));
  EXPECT_EQ(mem.str(),
            "+++ started t (pid 1234) +++\n"
            "[pid  1234] +++ created thread 1236 +++\n"
            "[pid  1234] +++ superseded by execve in pid 1236 +++\n"
            "+++ exec \"/usr/bin/true\" (by thread 1236) +++\n"
            "+++ exited with 0 +++\n");
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

TEST(TextAllocationTest, NoAllocationPerEventOnceWarm) {
  StringByteSink mem;
  TextFormatter f(&mem, {TextOptions::Timestamps::kTimeUs});
  SignalEvent sig;
  sig.signo = SIGSYS;
  sig.code = 2;  // SYS_USER_DISPATCH: longer than the SSO buffer
  sig.from_pid = 1;
  sig.addr = 0x1234;
  ExitEvent killed;
  killed.how = ExitEvent::How::kKilled;
  killed.signo = 40;
  killed.comm = "worker-thread-with-a-long-name";
  const std::vector<Event> events = {
      Ev(100, 100, SpawnEvent{"/bin/true", {"true", "arg"}}),
      Ev(100, 100, CloneEvent{101, CloneKind::kThread}),
      Ev(100, 101, sig),
      Ev(100, 101, StopEvent{SIGSTOP}),
      Ev(100, 101, ContEvent{}),
      Ev(100, 100, ExecEvent{"/usr/bin/\xff\n\"x\"", 100}),
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
