// Formatter throughput: the text and JSON formatters encoding a realistic
// mix of events into memory (a StringByteSink, cleared every few hundred
// KiB as a buffered writer would be), beside a memcpy of the same byte
// volume: the "speed of light" no encoder producing those bytes can beat.
//
// Run: bazel run -c opt //bench:formatter_benchmark
//
// Arguments: 0 = the mixed stream (mostly syscalls, as `ttrace -f` of a
// real program prints), 1 = thread events only (`-e trace=none`).
// items/s are events per second; bytes/s are output bytes per second.
#include <benchmark/benchmark.h>

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "output/byte_sink.h"
#include "output/json_formatter.h"
#include "output/text_formatter.h"
#include "tracer/event.h"

namespace ttrace {
namespace {

constexpr size_t kClearAt = 256 * 1024;

class EventMaker {
 public:
  std::vector<Event>& events() { return events_; }

  template <typename Payload>
  void Add(pid_t pid, pid_t tid, Payload payload) {
    Event e;
    e.seq = events_.size();
    ts_ += 1234;  // ~1 us apart
    e.ts_ns = ts_;
    e.pid = pid;
    e.tid = tid;
    e.payload = std::move(payload);
    events_.push_back(std::move(e));
  }

  void Syscall(
      pid_t tid, int nr, const char* name, std::string enter, std::string exit,
      int64_t ret,
      SyscallEvent::RetFormat format = SyscallEvent::RetFormat::kDecimal) {
    SyscallEvent s;
    s.nr = nr;
    s.name = name;
    s.raw_args = {3, 0x7ffd1234, 4096, 0, 0, 0};
    s.args_enter = std::move(enter);
    s.args_exit = std::move(exit);
    s.ret = ret;
    s.ret_format = format;
    s.dur_ns = 850;
    Add(kPid, tid, std::move(s));
  }

  static constexpr pid_t kPid = 41000;

 private:
  std::vector<Event> events_;
  int64_t ts_ = 1795717816123456789;
};

// One pass over a two-threaded program: start-up, a worker, I/O, a split
// futex wait, a signal, and exits. About 90% syscalls.
std::vector<Event> MixedEvents() {
  EventMaker m;
  constexpr pid_t kPid = EventMaker::kPid;
  constexpr pid_t kWorker = kPid + 1;
  SpawnEvent spawn;
  spawn.path = "/usr/bin/server";
  spawn.argv = {"server", "--port=8080"};
  m.Add(kPid, kPid, std::move(spawn));
  ExecEvent exec;
  exec.path = "/usr/bin/server";
  exec.old_tid = kPid;
  m.Add(kPid, kPid, std::move(exec));
  const auto hex = SyscallEvent::RetFormat::kHex;
  m.Syscall(kPid, 12, "brk", "NULL", "", 0x55c158e94000, hex);
  m.Syscall(kPid, 9, "mmap",
            "NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, "
            "0",
            "", 0x7f12a000e000, hex);
  m.Syscall(kPid, 21, "access", "\"/etc/ld.so.preload\", R_OK", "", -2);
  m.Syscall(kPid, 257, "openat",
            "AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC", "", 3);
  m.Syscall(kPid, 262, "newfstatat", "3, \"\", ",
            "{st_mode=S_IFREG|0644, st_size=41491, ...}, AT_EMPTY_PATH", 0);
  m.Syscall(kPid, 3, "close", "3", "", 0);
  m.Syscall(kPid, 257, "openat",
            "AT_FDCWD, \"/lib/x86_64-linux-gnu/libc.so.6\", O_RDONLY|O_CLOEXEC",
            "", 3);
  m.Syscall(kPid, 0, "read", "3, ",
            "\"\\177ELF\\2\\1\\1\\3\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0"
            "\\0P\\237\\2\\0\\0\\0\\0\\0\"..., 832",
            832);
  m.Syscall(kPid, 3, "close", "3", "", 0);
  m.Syscall(kPid, 10, "mprotect", "0x7f12a0186000, 16384, PROT_READ", "", 0);
  m.Syscall(kPid, 14, "rt_sigprocmask", "SIG_BLOCK, [USR1], ", "[], 8", 0);
  CloneEvent clone;
  clone.child = kWorker;
  clone.kind = CloneKind::kThread;
  m.Add(kPid, kPid, clone);
  for (int i = 0; i < 8; ++i) {
    m.Syscall(kWorker, 0, "read", "5, ",
              "\"GET /index.html HTTP/1.1\\r\\nHost: \"..., 4096", 78);
    m.Syscall(kWorker, 1, "write", "5, \"HTTP/1.1 200 OK\\r\\n\\r\\n\", 19", "",
              19);
    m.Syscall(kPid, 39, "getppid", "", "", 4100);
    m.Syscall(kPid, 257, "openat",
              "AT_FDCWD, \"/var/www/missing.html\", O_RDONLY", "", -2);
    m.Syscall(kWorker, 232, "epoll_wait", "4, ", "[{events=EPOLLIN, ...}], 1",
              1);
  }
  SyscallEnterEvent enter;
  enter.nr = 202;
  enter.name = "futex";
  enter.args_enter = "0x7f12a0001990, FUTEX_WAIT_PRIVATE, 2, NULL";
  m.Add(kPid, kPid, std::move(enter));
  m.Syscall(kWorker, 234, "tgkill",
            std::to_string(kPid) + ", " + std::to_string(kPid) + ", SIGUSR1",
            "", 0);
  {
    SyscallEvent resumed;
    resumed.nr = 202;
    resumed.name = "futex";
    resumed.args_enter = "0x7f12a0001990, FUTEX_WAIT_PRIVATE, 2, NULL";
    resumed.ret = -4;  // EINTR
    resumed.split = true;
    resumed.dur_ns = 40000;
    m.Add(kPid, kPid, std::move(resumed));
  }
  SignalEvent sig;
  sig.signo = 10;
  sig.code = -6;  // SI_TKILL
  sig.from_pid = kPid;
  sig.from_uid = 0;
  m.Add(kPid, kPid, sig);
  m.Syscall(kPid, 15, "rt_sigreturn", "{mask=[]}", "", 0);
  ExitEvent worker_exit;
  worker_exit.code = 0;
  worker_exit.comm = "worker";
  m.Add(kPid, kWorker, std::move(worker_exit));
  {
    SyscallEvent exit_group;
    exit_group.nr = 231;
    exit_group.name = "exit_group";
    exit_group.args_enter = "0";
    exit_group.returned = false;
    m.Add(kPid, kPid, std::move(exit_group));
  }
  ExitEvent main_exit;
  main_exit.comm = "server";
  m.Add(kPid, kPid, std::move(main_exit));
  return std::move(m.events());
}

// What `-e trace=none -f` reports for a thread/signal/stop-heavy program.
std::vector<Event> ThreadEvents() {
  EventMaker m;
  constexpr pid_t kPid = EventMaker::kPid;
  SpawnEvent spawn;
  spawn.path = "/usr/bin/make";
  spawn.argv = {"make", "-j4"};
  m.Add(kPid, kPid, std::move(spawn));
  ExecEvent exec;
  exec.path = "/usr/bin/make";
  exec.old_tid = kPid;
  m.Add(kPid, kPid, exec);
  for (int i = 0; i < 8; ++i) {
    const pid_t child = kPid + 1 + i;
    CloneEvent clone;
    clone.child = child;
    clone.kind = i % 2 ? CloneKind::kThread : CloneKind::kProcess;
    m.Add(kPid, kPid, clone);
    exec.path = "/usr/bin/cc";
    exec.old_tid = child;
    if (i % 2 == 0) m.Add(child, child, exec);
    StopEvent stop;
    stop.signo = 19;
    m.Add(child, child, stop);
    m.Add(child, child, ContEvent{});
    SignalEvent sig;
    sig.signo = 17;  // SIGCHLD
    sig.code = 1;    // CLD_EXITED
    sig.from_pid = child;
    sig.from_uid = 0;
    ExitEvent exit;
    exit.comm = "cc";
    m.Add(i % 2 ? kPid : child, child, exit);
    if (i % 2 == 0) m.Add(kPid, kPid, sig);
  }
  ExitEvent exit;
  exit.comm = "make";
  m.Add(kPid, kPid, exit);
  return std::move(m.events());
}

const std::vector<Event>& Events(int which) {
  static const auto* mixed = new std::vector<Event>(MixedEvents());
  static const auto* threads = new std::vector<Event>(ThreadEvents());
  return which == 0 ? *mixed : *threads;
}

template <typename Formatter>
void RunFormatter(benchmark::State& state, Formatter& formatter,
                  StringByteSink& sink) {
  const std::vector<Event>& events = Events(static_cast<int>(state.range(0)));
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const Event& e : events) formatter.OnEvent(e);
    if (sink.str().size() >= kClearAt) {
      bytes += static_cast<int64_t>(sink.str().size());
      sink.clear();
    }
  }
  bytes += static_cast<int64_t>(sink.str().size());
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(events.size()));
  state.SetBytesProcessed(bytes);
  state.counters["bytes/event"] = benchmark::Counter(
      static_cast<double>(bytes) /
      static_cast<double>(state.iterations() * events.size()));
}

void BM_Text(benchmark::State& state) {
  StringByteSink sink;
  TextFormatter text(&sink);
  RunFormatter(state, text, sink);
}
BENCHMARK(BM_Text)->Arg(0)->Arg(1);

// -tt: time of day with microseconds on every line.
void BM_TextTimeUs(benchmark::State& state) {
  StringByteSink sink;
  TextOptions options;
  options.timestamps = TextOptions::Timestamps::kTimeUs;
  TextFormatter text(&sink, options);
  RunFormatter(state, text, sink);
}
BENCHMARK(BM_TextTimeUs)->Arg(0)->Arg(1);

void BM_Json(benchmark::State& state) {
  StringByteSink sink;
  JsonFormatter json(&sink);
  RunFormatter(state, json, sink);
}
BENCHMARK(BM_Json)->Arg(0)->Arg(1);

// Bytes one pass of the stream produces in the given format.
size_t PassBytes(int which, bool json) {
  StringByteSink sink;
  TextFormatter text(&sink);
  JsonFormatter js(&sink);
  for (const Event& e : Events(which)) {
    if (json) {
      js.OnEvent(e);
    } else {
      text.OnEvent(e);
    }
  }
  return sink.str().size();
}

// The speed of light: copying the bytes the formatter would produce (one
// memcpy per event, of the event's average size) into a buffer that is
// reset like the sink. Arg: as above; second arg 0 = text volume, 1 = JSON.
void BM_Memcpy(benchmark::State& state) {
  const int which = static_cast<int>(state.range(0));
  const size_t events = Events(which).size();
  const size_t pass = PassBytes(which, state.range(1) != 0);
  const size_t per_event = pass / events;
  std::string src(per_event, 'x');
  std::vector<char> dst(kClearAt + pass + 64);
  size_t used = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < events; ++i) {
      std::memcpy(dst.data() + used, src.data(), per_event);
      used += per_event;
    }
    benchmark::ClobberMemory();
    if (used >= kClearAt) used = 0;
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(events));
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(per_event * events));
}
BENCHMARK(BM_Memcpy)->Args({0, 0})->Args({0, 1})->Args({1, 0})->Args({1, 1});

}  // namespace
}  // namespace ttrace
