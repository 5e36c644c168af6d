// The Perfetto timeline: parsed back with a strict JSON parser and checked
// for structure (tracks, metadata, slices, instants) and values.
#include "output/perfetto_formatter.h"

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "output/binary_decoder.h"
#include "output/binary_encoder.h"
#include "output/byte_sink.h"
#include "output/json_reader.h"
#include "tracer/event.h"

namespace ttrace {
namespace {

Json ParseOrDie(const std::string& text) {
  Json doc;
  size_t at = 0;
  EXPECT_TRUE(ParseJson(text, &doc, &at))
      << "invalid JSON near byte " << at << ": "
      << text.substr(at > 80 ? at - 80 : 0, 160);
  return doc;
}

// ---- Structure checks shared by the tests.
struct Track {
  int64_t pid = 0, tid = 0;
  bool operator<(const Track& o) const {
    return std::tie(pid, tid) < std::tie(o.pid, o.tid);
  }
};

struct Summary {
  std::map<Track, int> thread_names;  // M thread_name per track
  std::map<Track, std::string> thread_name;
  std::map<int64_t, std::string> process_name;
  std::map<int64_t, int> process_names;
  std::set<Track> tracks;  // tracks with non-metadata events
  std::vector<const Json*> slices, instants;
};

// Checks what every event must satisfy and returns a summary.
Summary Check(const Json& doc) {
  Summary s;
  EXPECT_EQ(doc.type, Json::kObject);
  const Json& events = doc.At("traceEvents");
  EXPECT_EQ(events.type, Json::kArray);
  EXPECT_EQ(doc.At("displayTimeUnit").text, "ns");
  // Complete slices per track must nest properly: [start, end) intervals
  // either disjoint or contained.
  std::map<Track, std::vector<std::pair<double, double>>> intervals;
  std::map<std::pair<double, double>, std::string> debug_names;
  for (const Json& e : events.items) {
    EXPECT_EQ(e.type, Json::kObject);
    EXPECT_EQ(e.At("name").type, Json::kString);
    EXPECT_EQ(e.At("ph").type, Json::kString);
    EXPECT_EQ(e.At("ts").type, Json::kNumber);
    EXPECT_EQ(e.At("pid").type, Json::kNumber);
    EXPECT_EQ(e.At("tid").type, Json::kNumber);
    const Track t{std::atoll(e.At("pid").text.c_str()),
                  std::atoll(e.At("tid").text.c_str())};
    const std::string& ph = e.At("ph").text;
    if (ph == "M") {
      const std::string& name = e.At("name").text;
      const Json& arg =
          e.At("args").At(name == "thread_sort_index" ? "sort_index" : "name");
      EXPECT_NE(arg.type, Json::kNull) << name;
      if (name == "thread_name") {
        ++s.thread_names[t];
        s.thread_name[t] = arg.text;
      } else if (name == "process_name") {
        EXPECT_EQ(t.pid, t.tid);
        ++s.process_names[t.pid];
        s.process_name[t.pid] = arg.text;
      } else {
        EXPECT_EQ(name, "thread_sort_index");
      }
      continue;
    }
    s.tracks.insert(t);
    if (ph == "X") {
      EXPECT_EQ(e.At("dur").type, Json::kNumber);
      EXPECT_GE(e.At("dur").number, 0) << e.At("name").text;
      EXPECT_GE(e.At("ts").number, 0);
      intervals[t].push_back(
          {e.At("ts").number, e.At("ts").number + e.At("dur").number});
      debug_names[intervals[t].back()] = e.At("name").text;
      s.slices.push_back(&e);
    } else {
      EXPECT_EQ(ph, "i");
      EXPECT_EQ(e.At("s").text, "t");  // thread-scoped
      s.instants.push_back(&e);
    }
  }
  for (auto& [track, v] : intervals) {
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    std::vector<double> open_ends;
    for (const auto& [start, end] : v) {
      while (!open_ends.empty() && open_ends.back() <= start + 1e-6) {
        open_ends.pop_back();
      }
      if (!open_ends.empty()) {
        EXPECT_LE(end, open_ends.back() + 1e-6)
            << "overlapping slices on track " << track.pid << "/" << track.tid
            << ": " << debug_names[{start, end}] << " " << start;
      }
      open_ends.push_back(end);
    }
  }
  // One thread_name per track, one process_name per process.
  for (const Track& t : s.tracks) {
    EXPECT_EQ(s.thread_names[t], 1) << t.pid << "/" << t.tid;
    EXPECT_EQ(s.process_names[t.pid], 1) << t.pid;
  }
  for (const auto& [t, n] : s.thread_names) EXPECT_EQ(n, 1);
  for (const auto& [p, n] : s.process_names) EXPECT_EQ(n, 1);
  return s;
}

const Json* Find(const std::vector<const Json*>& v, std::string_view name,
                 int64_t tid) {
  for (const Json* e : v) {
    if (e->At("name").text == name &&
        std::atoll(e->At("tid").text.c_str()) == tid) {
      return e;
    }
  }
  return nullptr;
}

constexpr int64_t kT0 = 1795717816000000000;

std::vector<Event> KnownTrace() {
  std::vector<Event> v;
  uint64_t seq = 0;
  auto add = [&](int64_t us, pid_t pid, pid_t tid, EventPayload p) {
    v.push_back(Event{seq++, kT0 + us * 1000, pid, tid, std::move(p)});
  };
  add(0, 100, 100, SpawnEvent{"/usr/bin/env", {"env", "prog"}});
  add(10, 100, 100, ExecEvent{"/opt/bin/prog", 100});
  SyscallEvent openat;
  openat.nr = 257;
  openat.name = "openat";
  openat.args_enter = "AT_FDCWD, \"/etc/passwd\", O_RDONLY";
  openat.ret = -2;
  openat.dur_ns = 1500;
  add(20, 100, 100, openat);
  add(30, 100, 100, CloneEvent{101, CloneKind::kThread});
  SyscallEvent read;
  read.nr = 0;
  read.name = "read";
  read.args_enter = "3, ";
  read.args_exit = "\"ab\\n\", 3";
  read.ret = 3;
  read.dur_ns = 2000;
  read.stack = "/lib/libc.so.6(read+0x4c) [0xf82ec]\n/bin/prog() [0x22bb]";
  read.dump = " | 00000  61 62 0a  ab. |";
  add(40, 100, 101, read);
  SignalEvent sig{.signo = 10, .code = -6};
  sig.from_pid = 100;
  sig.from_uid = 0;
  add(50, 100, 101, sig);
  add(60, 100, 100, StopEvent{19});
  add(70, 100, 100, ContEvent{});
  add(80, 100, 101, SyscallEnterEvent{202, kArchX86_64, "futex", "0x1234, "});
  add(90, 100, 100, CloneEvent{200, CloneKind::kProcess});
  add(95, 200, 200,
      ExitEvent{.how = ExitEvent::How::kKilled, .signo = 9, .comm = "prog"});
  SignalEvent chld{.signo = 17, .code = 2};  // CLD_KILLED
  chld.from_pid = 200;
  chld.from_uid = 0;
  chld.child = SignalEvent::Child{.status = 9, .utime = 3, .stime = 1};
  add(96, 100, 100, chld);
  add(100, 100, 101, ExitEvent{.code = 0, .comm = "worker"});
  SyscallEvent mmap;
  mmap.nr = 9;
  mmap.name = "mmap";
  mmap.args_enter = "NULL, 4096, PROT_READ, MAP_PRIVATE, 3, 0";
  mmap.ret = 0x7f0000001000;
  mmap.ret_format = SyscallEvent::RetFormat::kHex;
  mmap.dur_ns = 500;
  add(110, 100, 100, mmap);
  // The trace ends here: 100 never exits.
  return v;
}

std::string Render(const std::vector<Event>& events) {
  StringByteSink out;
  PerfettoFormatter perfetto(&out);
  for (const Event& e : events) perfetto.OnEvent(e);
  EXPECT_TRUE(perfetto.Finish().ok());
  return out.str();
}

TEST(PerfettoFormatter, KnownTraceStructureAndValues) {
  const std::string text = Render(KnownTrace());
  const Json doc = ParseOrDie(text);
  const Summary s = Check(doc);

  EXPECT_EQ(doc.At("otherData").At("ts_origin_ns").text, absl::StrCat(kT0));
  // Tracks: 100/100, 100/101, 200/200.
  EXPECT_EQ(s.tracks.size(), 3u);
  EXPECT_EQ(s.thread_name.at({100, 100}), "prog");    // exec basename
  EXPECT_EQ(s.thread_name.at({100, 101}), "worker");  // exit comm
  EXPECT_EQ(s.thread_name.at({200, 200}), "prog");
  EXPECT_EQ(s.process_name.at(100), "prog");
  EXPECT_EQ(s.process_name.at(200), "prog");

  // Syscalls: ts = entry in microseconds since the first event, dur.
  const Json* o = Find(s.slices, "openat", 100);
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->At("cat").text, "syscall");
  EXPECT_EQ(o->At("ts").text, "20");
  EXPECT_EQ(o->At("dur").text, "1.500");
  EXPECT_EQ(o->At("args").At("args").text,
            "AT_FDCWD, \"/etc/passwd\", O_RDONLY");
  EXPECT_EQ(o->At("args").At("ret").text,
            "-1 ENOENT (No such file or directory)");
  const Json* r = Find(s.slices, "read", 101);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->At("args").At("args").text, "3, \"ab\\n\", 3");
  EXPECT_EQ(r->At("args").At("ret").text, "3");
  EXPECT_EQ(r->At("args").At("stack").text,
            "/lib/libc.so.6(read+0x4c) [0xf82ec]\n/bin/prog() [0x22bb]");
  EXPECT_EQ(r->At("args").At("dump").text, " | 00000  61 62 0a  ab. |");
  EXPECT_EQ(o->At("args").Get("stack"), nullptr);
  const Json* m = Find(s.slices, "mmap", 100);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->At("args").At("ret").text, "0x7f0000001000");

  // The announced futex never completed: closed when its thread exited.
  const Json* f = Find(s.slices, "futex", 101);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->At("ts").text, "80");
  EXPECT_EQ(f->At("dur").text, "20");
  EXPECT_TRUE(f->At("args").At("unfinished").boolean);

  // Lifetimes: 101 from its clone (30) to its exit (100); 100 from the
  // spawn to the end of the trace (its last slice ends at 110.5); 200 from
  // the fork (90) to its death (95).
  const Json* l101 = Find(s.slices, "worker", 101);
  ASSERT_NE(l101, nullptr);
  EXPECT_EQ(l101->At("cat").text, "thread");
  EXPECT_EQ(l101->At("ts").text, "30");
  EXPECT_EQ(l101->At("dur").text, "70");
  EXPECT_EQ(l101->At("args").At("end").text, "exited with 0");
  const Json* l100 = Find(s.slices, "prog", 100);
  ASSERT_NE(l100, nullptr);
  EXPECT_EQ(l100->At("ts").text, "0");
  EXPECT_EQ(l100->At("dur").text, "110.500");
  EXPECT_TRUE(l100->At("args").At("unfinished").boolean);
  const Json* l200 = Find(s.slices, "prog", 200);
  ASSERT_NE(l200, nullptr);
  EXPECT_EQ(l200->At("dur").text, "5");
  EXPECT_EQ(l200->At("args").At("end").text, "killed by SIGKILL");

  // Instants with details.
  const Json* sg = Find(s.instants, "SIGUSR1", 101);
  ASSERT_NE(sg, nullptr);
  EXPECT_EQ(sg->At("cat").text, "signal");
  EXPECT_EQ(sg->At("ts").text, "50");
  EXPECT_EQ(sg->At("args").At("code_name").text, "SI_TKILL");
  EXPECT_EQ(sg->At("args").At("from_pid").text, "100");
  const Json* chld = Find(s.instants, "SIGCHLD", 100);
  ASSERT_NE(chld, nullptr);
  EXPECT_EQ(chld->At("args").At("code_name").text, "CLD_KILLED");
  EXPECT_EQ(chld->At("args").At("child_status").text, "9");
  EXPECT_EQ(chld->At("args").At("child_utime").text, "3");
  EXPECT_EQ(chld->At("args").At("child_stime").text, "1");
  const Json* st = Find(s.instants, "stop", 100);
  ASSERT_NE(st, nullptr);
  EXPECT_EQ(st->At("args").At("sig").text, "SIGSTOP");
  EXPECT_NE(Find(s.instants, "cont", 100), nullptr);
  const Json* ex = Find(s.instants, "exec", 100);
  ASSERT_NE(ex, nullptr);
  EXPECT_EQ(ex->At("args").At("path").text, "/opt/bin/prog");
  const Json* sp = Find(s.instants, "spawn", 100);
  ASSERT_NE(sp, nullptr);
  ASSERT_EQ(sp->At("args").At("argv").items.size(), 2u);
  const Json* cl = Find(s.instants, "clone", 100);
  ASSERT_NE(cl, nullptr);
  EXPECT_EQ(cl->At("args").At("kind").text, "thread");
  const Json* x = Find(s.instants, "exit", 200);
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(x->At("args").At("killed").text, "SIGKILL");
  EXPECT_EQ(x->At("args").At("comm").text, "prog");
}

TEST(PerfettoFormatter, EmptyTraceIsValid) {
  const Json doc = ParseOrDie(Render({}));
  EXPECT_TRUE(doc.At("traceEvents").items.empty());
}

TEST(PerfettoFormatter, FinishTwiceOnlyFlushes) {
  StringByteSink out;
  PerfettoFormatter perfetto(&out);
  perfetto.OnEvent(Event{0, kT0, 1, 1, AttachEvent{}});
  ASSERT_TRUE(perfetto.Finish().ok());
  const std::string once = out.str();
  ASSERT_TRUE(perfetto.Finish().ok());
  perfetto.OnEvent(Event{1, kT0, 1, 1, DetachEvent{}});  // dropped
  EXPECT_EQ(out.str(), once);
  Check(ParseOrDie(once));
}

TEST(PerfettoFormatter, ReusedTidsAndExecFromAThread) {
  std::vector<Event> v;
  uint64_t seq = 0;
  auto add = [&](int64_t us, pid_t pid, pid_t tid, EventPayload p) {
    v.push_back(Event{seq++, kT0 + us * 1000, pid, tid, std::move(p)});
  };
  add(0, 10, 10, AttachEvent{});
  add(1, 10, 10, CloneEvent{11, CloneKind::kThread});
  add(2, 10, 11, ExitEvent{.code = 0, .comm = "first"});
  add(3, 10, 10, CloneEvent{11, CloneKind::kThread});  // tid 11 reused
  add(4, 10, 10, CloneEvent{12, CloneKind::kThread});
  // Thread 12 execs: the leader is superseded, 12 becomes 10.
  add(5, 10, 10,
      ExitEvent{.how = ExitEvent::How::kSuperseded,
                .superseded_by = 12,
                .comm = "old"});
  add(5, 10, 10, ExecEvent{"/bin/new", 12});
  add(6, 10, 11, ExitEvent{.code = 0, .comm = "second"});
  add(7, 10, 10, DetachEvent{});
  const Summary s = Check(ParseOrDie(Render(v)));
  EXPECT_EQ(s.thread_name.at({10, 11}), "second");
  EXPECT_EQ(s.thread_name.at({10, 10}), "new");
  EXPECT_EQ(s.process_name.at(10), "new");
}

TEST(PerfettoFormatter, HostileValuesStayValidJson) {
  std::vector<Event> v;
  const std::string bad("\xff\"\\\n\x01 \xc3", 7);
  v.push_back(Event{0, std::numeric_limits<int64_t>::max(), -1, 0,
                    SpawnEvent{bad, {bad, ""}}});
  v.push_back(
      Event{1, std::numeric_limits<int64_t>::min(), -1, 0, ExecEvent{bad, -5}});
  SyscallEvent s;
  s.name = bad;
  s.args_enter = bad;
  s.args_exit = bad;
  s.ret_suffix = bad;
  s.dur_ns = std::numeric_limits<int64_t>::max();
  v.push_back(Event{2, std::numeric_limits<int64_t>::min(), -1, 0, s});
  s.dur_ns = std::numeric_limits<int64_t>::min();
  v.push_back(Event{3, 0, -1, 0, s});
  v.push_back(Event{4, 5, 7, 7, SyscallEnterEvent{0, 0, bad, bad}});
  v.push_back(Event{
      5, 5, 7, 7,
      ExitEvent{.how = ExitEvent::How::kKilled, .signo = 1000, .comm = bad}});
  SignalEvent sig{.signo = -3, .code = 77};
  sig.addr = ~uint64_t{0};
  v.push_back(Event{6, 5, 7, 7, sig});
  const Json doc = ParseOrDie(Render(v));
  EXPECT_EQ(doc.At("traceEvents").type, Json::kArray);
}

// A long multi-threaded trace: structure holds, and decoding a binary
// recording gives the same timeline byte for byte.
TEST(PerfettoFormatter, LongTraceAndDecodedRecordingMatch) {
  std::mt19937 rng(99);
  std::vector<Event> v;
  uint64_t seq = 0;
  int64_t ts = kT0;
  auto add = [&](pid_t pid, pid_t tid, EventPayload p) {
    ts += 1000 + rng() % 50000;
    v.push_back(Event{seq++, ts, pid, tid, std::move(p)});
  };
  add(500, 500, SpawnEvent{"/usr/bin/sort", {"sort", "--parallel=4"}});
  add(500, 500, ExecEvent{"/usr/bin/sort", 500});
  std::vector<pid_t> live = {500};
  pid_t next = 501;
  std::map<pid_t, bool> in_call;
  while (v.size() < 3000) {
    const pid_t tid = live[rng() % live.size()];
    const int r = rng() % 100;
    if (r < 70) {
      SyscallEvent s;
      s.nr = rng() % 3;
      s.name = s.nr == 0 ? "read" : s.nr == 1 ? "write" : "futex";
      s.args_enter = absl::StrCat(rng() % 10, ", ");
      s.dur_ns = rng() % 40000;
      if (in_call[tid]) s.split = true;
      in_call[tid] = false;
      add(500, tid, s);
    } else if (r < 80 && !in_call[tid]) {
      add(500, tid, SyscallEnterEvent{202, kArchX86_64, "futex", "0x1, "});
      in_call[tid] = true;
    } else if (r < 85 && live.size() < 8) {
      add(500, tid, CloneEvent{next, CloneKind::kThread});
      live.push_back(next++);
    } else if (r < 90 && live.size() > 1 && tid != 500) {
      in_call[tid] = false;
      add(500, tid, ExitEvent{.code = 0, .comm = "sort"});
      live.erase(std::find(live.begin(), live.end(), tid));
    } else if (r < 95) {
      add(500, tid, SignalEvent{.signo = 17, .code = 1});
    }
  }
  const std::string live_text = Render(v);
  const Summary s = Check(ParseOrDie(live_text));
  EXPECT_GT(s.slices.size(), 2000u);
  EXPECT_EQ(s.tracks.size(), static_cast<size_t>(next - 500));

  StringByteSink bin;
  BinaryEncoder enc(&bin, BinaryHeader{});
  for (const Event& e : v) enc.OnEvent(e);
  ASSERT_TRUE(enc.Finish().ok());
  StringByteSink decoded;
  PerfettoFormatter perfetto(&decoded);
  ASSERT_TRUE(DecodeBytes(bin.str(), &perfetto, nullptr).ok());
  ASSERT_TRUE(perfetto.Finish().ok());
  EXPECT_EQ(decoded.str(), live_text);
}

}  // namespace
}  // namespace ttrace
