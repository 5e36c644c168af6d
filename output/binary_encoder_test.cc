// The encoder's output layout, compactness and allocation behaviour. Round
// trips, truncation and hostile input are in binary_decoder_test.cc.
#include "output/binary_encoder.h"

#include <sys/utsname.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "output/binary_decoder.h"
#include "output/binary_format.h"
#include "output/byte_sink.h"
#include "tracer/event.h"

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

// Keeps every Append separately: one record each.
class RecordSink : public ByteSink {
 public:
  void Append(std::string_view b) override { records.emplace_back(b); }
  absl::Status Flush() override {
    ++flushes;
    return absl::OkStatus();
  }
  std::string All() const {
    std::string s;
    for (const auto& r : records) s += r;
    return s;
  }
  std::vector<std::string> records;
  int flushes = 0;
};

// Counts bytes only: appending allocates nothing.
class CountingSink : public ByteSink {
 public:
  void Append(std::string_view b) override { bytes += b.size(); }
  absl::Status Flush() override { return absl::OkStatus(); }
  size_t bytes = 0;
};

class Collect : public EventSink {
 public:
  void OnEvent(const Event& e) override { events.push_back(e); }
  std::vector<Event> events;
};

Event Syscall(uint64_t seq, int64_t ts, pid_t tid, int32_t nr, std::string name,
              std::string enter, std::string exit, int64_t ret) {
  SyscallEvent s;
  s.nr = nr;
  s.name = std::move(name);
  s.args_enter = std::move(enter);
  s.args_exit = std::move(exit);
  s.ret = ret;
  s.raw_args = {3, 0x7ffd12345678, 4096, 0, 0, 0};
  s.dur_ns = 1500;
  return Event{seq, ts, tid, tid, s};
}

TEST(BinaryEncoder, HeaderComesFirst) {
  RecordSink out;
  BinaryHeader h;
  h.ttrace_version = "ttrace 9";
  h.command_line = {"ttrace", "ls"};
  BinaryEncoder enc(&out, h);
  ASSERT_EQ(out.records.size(), 1u);
  const std::string& header = out.records[0];
  ASSERT_GT(header.size(), binfmt::kMagicSize + 2);
  EXPECT_EQ(header.substr(0, 8), std::string("\x89TTR\r\n\x1a\n", 8));
  EXPECT_EQ(header[8], 1);                                        // version
  EXPECT_EQ(static_cast<size_t>(header[9]), header.size() - 10);  // length
  EXPECT_NE(header.find("ttrace 9"), std::string::npos);
}

TEST(BinaryEncoder, FillHostInfoUsesUname) {
  BinaryHeader h;
  FillHostInfo(&h);
  // (A machine's host name may be empty: compare, do not assume.)
  struct utsname u;
  ASSERT_EQ(uname(&u), 0);
  EXPECT_EQ(h.hostname, u.nodename);
  EXPECT_EQ(h.kernel_release, u.release);
  EXPECT_FALSE(h.kernel_release.empty());
  EXPECT_FALSE(h.arch.empty());
}

TEST(BinaryEncoder, OneAppendPerRecordAndAnEndRecord) {
  RecordSink out;
  BinaryEncoder enc(&out, BinaryHeader{});
  enc.OnEvent(Event{0, 1, 5, 5, AttachEvent{}});
  enc.OnEvent(Event{1, 2, 5, 5, ContEvent{}});
  ASSERT_EQ(out.records.size(), 3u);
  // attach: type 17, length 3, ts delta 1 << 3 | tid and pid flags, tid
  // +5, pid = tid - 0.
  EXPECT_EQ(out.records[1], std::string("\x11\x03\x0b\x0a\x00", 5));
  // cont: type 23, length 1, ts delta 1 << 3; same tid, pid and seq.
  EXPECT_EQ(out.records[2], std::string("\x17\x01\x08", 3));
  EXPECT_EQ(enc.events(), 2u);
  ASSERT_TRUE(enc.Finish().ok());
  EXPECT_EQ(out.flushes, 1);
  ASSERT_EQ(out.records.size(), 4u);
  EXPECT_EQ(out.records[3][0], 1);  // end record
  // Finish again only flushes; events after Finish are dropped.
  enc.OnEvent(Event{2, 30, 5, 5, ContEvent{}});
  ASSERT_TRUE(enc.Finish().ok());
  EXPECT_EQ(out.records.size(), 4u);
  EXPECT_EQ(out.flushes, 2);
  Collect got;
  EXPECT_TRUE(DecodeBytes(out.All(), &got, nullptr).ok());
  EXPECT_EQ(got.events.size(), 2u);
}

TEST(BinaryEncoder, RepeatedSyscallsAreSmall) {
  RecordSink out;
  BinaryEncoder enc(&out, BinaryHeader{});
  int64_t ts = 1795717816100000000;
  for (uint64_t i = 0; i < 100; ++i) {
    ts += 2000;
    enc.OnEvent(Syscall(i, ts, 42, 39, "getpid", "", "", 42));
  }
  // The first names the syscall and sets the arguments; the rest differ
  // only in time: type, length, 3 bytes of ts, 2 of nr, flags, 2 strings
  // "same", ret, 2 bytes of duration.
  for (size_t i = 3; i < out.records.size(); ++i) {
    EXPECT_LE(out.records[i].size(), 13u) << i;
  }
}

TEST(BinaryEncoder, StringsSeenTwiceGoToTheStringTable) {
  RecordSink out;
  BinaryEncoder enc(&out, BinaryHeader{});
  const std::string path = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";
  enc.OnEvent(Event{0, 1, 7, 7, ExecEvent{path, 7}});
  enc.OnEvent(Event{1, 2, 7, 7, ExecEvent{path, 7}});
  enc.OnEvent(Event{2, 3, 7, 7, ExecEvent{path, 7}});
  // header, exec (literal), string record + exec (slot), exec (slot).
  ASSERT_EQ(out.records.size(), 5u);
  EXPECT_NE(out.records[1].find(path), std::string::npos);
  EXPECT_EQ(out.records[2][0], 2);  // string record
  EXPECT_NE(out.records[2].find(path), std::string::npos);
  EXPECT_LT(out.records[3].size(), 8u);
  EXPECT_LT(out.records[4].size(), 8u);
  ASSERT_TRUE(enc.Finish().ok());
  Collect got;
  ASSERT_TRUE(DecodeBytes(out.All(), &got, nullptr).ok());
  ASSERT_EQ(got.events.size(), 3u);
  for (const Event& e : got.events) {
    EXPECT_EQ(std::get<ExecEvent>(e.payload).path, path);
  }
}

TEST(BinaryEncoder, SimilarArgumentsAreSentAsDeltas) {
  RecordSink out;
  BinaryEncoder enc(&out, BinaryHeader{});
  std::vector<Event> events;
  for (int i = 0; i < 50; ++i) {
    events.push_back(Syscall(
        i, 1000 * i, 9, 332, "statx",
        absl::StrCat("AT_FDCWD, \"/usr/share/doc/package-", i,
                     "/changelog.Debian.gz\", AT_STATX_SYNC_AS_STAT, "),
        "STATX_ALL, {stx_mask=STATX_BASIC_STATS, stx_mode=S_IFREG|0644, ...}",
        0));
  }
  for (const Event& e : events) enc.OnEvent(e);
  // After the first, each record carries only the differing digits.
  for (size_t i = 3; i < out.records.size(); ++i) {
    EXPECT_LE(out.records[i].size(), 20u) << i;
  }
  ASSERT_TRUE(enc.Finish().ok());
  Collect got;
  ASSERT_TRUE(DecodeBytes(out.All(), &got, nullptr).ok());
  ASSERT_EQ(got.events.size(), events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(std::get<SyscallEvent>(got.events[i].payload).args_enter,
              std::get<SyscallEvent>(events[i].payload).args_enter);
  }
}

TEST(BinaryEncoder, AlternatingArgumentsReferTheValueBefore) {
  RecordSink out;
  BinaryEncoder enc(&out, BinaryHeader{});
  const std::string a =
      "NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0";
  const std::string b =
      "0x7f84cb8b1000, 1400832, PROT_READ|PROT_EXEC, "
      "MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000";
  std::vector<Event> events;
  for (int i = 0; i < 40; ++i) {
    events.push_back(Syscall(i, 1000 * i, 9, 9, "mmap", i % 2 ? a : b,
                             i % 4 < 2 ? "" : "x", 0));
  }
  for (const Event& e : events) enc.OnEvent(e);
  // Once both shapes were seen, each string costs one byte.
  for (size_t i = 4; i < out.records.size(); ++i) {
    EXPECT_LE(out.records[i].size(), 14u) << i;
  }
  ASSERT_TRUE(enc.Finish().ok());
  Collect got;
  ASSERT_TRUE(DecodeBytes(out.All(), &got, nullptr).ok());
  ASSERT_EQ(got.events.size(), events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    const auto& want = std::get<SyscallEvent>(events[i].payload);
    const auto& have = std::get<SyscallEvent>(got.events[i].payload);
    EXPECT_EQ(have.args_enter, want.args_enter);
    EXPECT_EQ(have.args_exit, want.args_exit);
  }
}

// Every length a string copy special-cases (empty, 1-3, 4-7, 8-15, 16-256
// in 16-byte steps, longer) through every way a string is sent: literally,
// as a delta, as "same", through the string table (exec paths) and
// appended (dumps), with and without delta_args.
TEST(BinaryEncoder, StringsOfEveryLengthRoundTrip) {
  for (bool delta : {true, false}) {
    RecordSink out;
    BinaryEncoder enc(&out, BinaryHeader{}, {.delta_args = delta});
    std::vector<Event> events;
    uint64_t seq = 0;
    for (size_t n = 0; n <= 300; ++n) {
      std::string a;
      for (size_t i = 0; i < n; ++i)
        a.push_back(static_cast<char>('a' + (i * 7 + n) % 26));
      std::string b = a;
      if (n > 0) b[n / 2] = '#';  // a delta against a
      for (const std::string& s : {a, b, b}) {
        Event e = Syscall(seq, 1000 * seq, 9, 0, "read", s, b + s, n);
        std::get<SyscallEvent>(e.payload).dump = s;
        events.push_back(e);
        ++seq;
        events.push_back(Event{seq, static_cast<int64_t>(1000 * seq), 9, 9,
                               ExecEvent{s, 9}});
        ++seq;
      }
    }
    for (const Event& e : events) enc.OnEvent(e);
    ASSERT_TRUE(enc.Finish().ok());
    Collect got;
    ASSERT_TRUE(DecodeBytes(out.All(), &got, nullptr).ok());
    ASSERT_EQ(got.events.size(), events.size());
    for (size_t i = 0; i < events.size(); ++i) {
      SCOPED_TRACE(absl::StrCat("delta_args ", delta, ", event ", i));
      if (const auto* want = std::get_if<SyscallEvent>(&events[i].payload)) {
        const auto& have = std::get<SyscallEvent>(got.events[i].payload);
        EXPECT_EQ(have.args_enter, want->args_enter);
        EXPECT_EQ(have.args_exit, want->args_exit);
        EXPECT_EQ(have.dump, want->dump);
      } else {
        EXPECT_EQ(std::get<ExecEvent>(got.events[i].payload).path,
                  std::get<ExecEvent>(events[i].payload).path);
      }
    }
  }
}

TEST(BinaryEncoder, NoAllocationPerEventOnceWarm) {
  std::vector<Event> events;
  for (int i = 0; i < 2000; ++i) {
    events.push_back(
        Syscall(i, 1000 * i, 100 + i % 3, i % 7, absl::StrCat("call", i % 7),
                absl::StrCat(i % 5, ", "),
                absl::StrCat("\"data ", i, " bytes\", ", i % 300), i));
    if (i % 50 == 0) {
      events.push_back(Event{0, 1000 * i, 100, 100,
                             ExitEvent{.comm = absl::StrCat("w", i % 4)}});
    }
  }
  CountingSink out;
  BinaryEncoder enc(&out, BinaryHeader{});
  // Warm up: string capacities grow to what this trace needs.
  for (int pass = 0; pass < 2; ++pass) {
    for (const Event& e : events) enc.OnEvent(e);
  }
  const int64_t before = g_allocations.load();
  for (const Event& e : events) enc.OnEvent(e);
  EXPECT_EQ(g_allocations.load() - before, 0);
}

TEST(BinaryEncoder, OversizedEventsAreCutToFit) {
  SpawnEvent spawn;
  spawn.path = "/bin/echo";
  spawn.argv.assign(2, std::string(20 << 20, 'a'));  // 40 MiB of arguments
  StringByteSink out;
  BinaryEncoder enc(&out, BinaryHeader{});
  enc.OnEvent(Event{0, 1, 1, 1, spawn});
  enc.OnEvent(Event{1, 2, 1, 1, ContEvent{}});
  ASSERT_TRUE(enc.Finish().ok());
  Collect got;
  const absl::Status s = DecodeBytes(out.str(), &got, nullptr);
  ASSERT_TRUE(s.ok()) << s;
  ASSERT_EQ(got.events.size(), 2u);
  const auto& decoded = std::get<SpawnEvent>(got.events[0].payload);
  EXPECT_EQ(decoded.path, "/bin/echo");
  ASSERT_EQ(decoded.argv.size(), 2u);
  EXPECT_GT(decoded.argv[0].size(), 3u << 20);
  EXPECT_LT(decoded.argv[0].size(), 8u << 20);
}

}  // namespace
}  // namespace ttrace
