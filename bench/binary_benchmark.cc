// Encoders side by side on one realistic event mix: binary, text and JSON
// into memory (StringByteSink), beside a memcpy "speed of light" of the same
// byte volumes, plus the binary decoder.
//
//   bazel run -c opt //bench:binary_benchmark
//
// Each iteration encodes the whole mix (kEvents events) with one long-lived
// formatter, as in a live trace; the mix is small enough to stay in cache,
// as an event does when the engine has just built it. BM_EncodeBinaryCold
// starts a fresh encoder per iteration instead (cold string table and
// per-syscall contexts: header, events, end record). Counters: items =
// events, bytes = output bytes, bytes_per_event.
//
// The mix imitates `strace -f` of a small build-like workload: process
// start-up (ld.so opening and mapping libraries), a directory walk (statx,
// lgetxattr, getxattr per file, as `ls -l` does), a worker pool (futex,
// epoll_wait, read and write of fresh data), occasional short-lived threads
// and processes (clone, exec, exit), signals and stops. Arguments are
// decoded text as the syscall decoder would produce it; the raw arguments
// the call takes (the engine reports no others); stack and buffer
// addresses repeat per call site (a few per thread), fresh mappings do not.
// The last argument of most benchmarks picks the mix: 0 that one, 1 its
// thread events only, 2 that one as the engine emits it, the calls
// tracer/syscalls/capture.h knows carrying captures instead of text (the
// text and JSON benchmarks render them, as the CLI does).
#include <sys/stat.h>

#include <array>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "benchmark/benchmark.h"
#include "output/binary_decoder.h"
#include "output/binary_encoder.h"
#include "output/byte_sink.h"
#include "output/json_formatter.h"
#include "output/text_formatter.h"
#include "tracer/event.h"
#include "tracer/syscalls/capture.h"
#include "tracer/syscalls/memory.h"
#include "tracer/syscalls/syscall_table.h"

namespace ttrace {
namespace {

constexpr int kEvents = 4000;

class MixGenerator {
 public:
  explicit MixGenerator(uint32_t seed) : rng_(seed) {}

  std::vector<Event> Make(int n) {
    Add(pid_, pid_, SpawnEvent{"/usr/bin/make", {"make", "-j4", "all"}});
    Add(pid_, pid_, ExecEvent{"/usr/bin/make", pid_});
    Startup(pid_, pid_);
    threads_ = {pid_};
    while (static_cast<int>(events_.size()) < n) {
      const pid_t tid = threads_[rng_() % threads_.size()];
      const int r = rng_() % 1000;
      if (r < 450) {
        Worker(tid);
      } else if (r < 800) {
        WalkFile(tid);
      } else if (r < 960) {
        Misc(tid);
      } else if (r < 975) {
        NewThread(tid);
      } else if (r < 985) {
        NewProcess(tid);
      } else if (r < 993) {
        Signal(tid);
      } else if (threads_.size() > 2) {
        EndThread();
      }
    }
    for (pid_t t : threads_) {
      Add(pid_, t, ExitEvent{.code = 0, .comm = t == pid_ ? "make" : "worker"});
    }
    return std::move(events_);
  }

 private:
  void Add(pid_t pid, pid_t tid, EventPayload p) {
    ts_ += 800 + rng_() % 6000;  // a few microseconds apart
    events_.push_back(Event{seq_++, ts_, pid, tid, std::move(p)});
  }
  // A fresh mapping (mmap results, thread areas): anywhere.
  uint64_t Addr() { return 0x7f84cb000000ull + (rng_() % 4096) * 4096; }
  // Stack and I/O buffers repeat per call site, as in real traces
  // (`strace ls` passes the same stat buffer address again and again): a
  // few per thread.
  uint64_t Stack(pid_t tid) {
    const uint64_t base = tid == pid_
                              ? 0x7ffe00077c00ull
                              : 0x7f84a0000000ull + (tid % 64) * 0x800000;
    return base + (rng_() % 8) * 16;
  }
  uint64_t Buffer(pid_t tid) {
    return 0x556b15350000ull + (tid % 64) * 0x10000 + (rng_() % 4) * 0x1000;
  }
  std::string Hex(uint64_t v) { return absl::StrFormat("%#x", v); }

  // One syscall. Raw arguments: the decoded ones, then stale registers.
  void Sys(pid_t tid, int32_t nr, const char* name, std::string enter,
           std::string exit, int64_t ret, std::array<uint64_t, 6> raw,
           SyscallEvent::RetFormat fmt = SyscallEvent::RetFormat::kDecimal) {
    SyscallEvent s;
    s.nr = nr;
    s.name = name;
    s.args_enter = std::move(enter);
    s.args_exit = std::move(exit);
    s.ret = ret;
    s.ret_format = fmt;
    // The registers the call takes (strace's count), as the engine
    // reports them.
    s.nargs =
        static_cast<uint8_t>(SyscallTable::Get().ArgCount(kArchX86_64, nr));
    for (int i = 0; i < 6; ++i) s.raw_args[i] = i < s.nargs ? raw[i] : 0;
    s.dur_ns = 300 + rng_() % 3000;
    const pid_t pid = tid < 6000 ? pid_ : tid;
    if (rng_() % 20 == 0) {  // another thread's event came in between
      Add(pid, tid, SyscallEnterEvent{nr, kArchX86_64, s.name, s.args_enter});
      s.split = true;
      s.dur_ns += 20000 + rng_() % 200000;
    }
    Add(pid, tid, std::move(s));
  }

  void Startup(pid_t pid, pid_t tid) {
    (void)pid;
    static const char* kLibs[] = {"libselinux.so.1", "libc.so.6",
                                  "libpcre2-8.so.0", "libstdc++.so.6",
                                  "libm.so.6",       "libgcc_s.so.1"};
    Sys(tid, 12, "brk", "NULL", "", 0x556b1534c000, {0, 0, 0, 0, 0, 0},
        SyscallEvent::RetFormat::kHex);
    Sys(tid, 21, "access", "\"/etc/ld.so.preload\", R_OK", "", -2,
        {Stack(tid), 4, 0, 0, 0, 0});
    for (const char* lib : kLibs) {
      Sys(tid, 257, "openat",
          absl::StrCat("AT_FDCWD, \"/lib/x86_64-linux-gnu/", lib,
                       "\", O_RDONLY|O_CLOEXEC"),
          "", 3, {0xffffff9c, Stack(tid), 0x80000, 0, 0, 0});
      Sys(tid, 0, "read", "3, ",
          "\"\\177ELF\\2\\1\\1\\3\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0"
          "\\20t\\2\\0\\0\\0\\0\\0\"..., 832",
          832, {3, Stack(tid), 832, 0, 0, 0});
      const uint64_t size = 100000 + rng_() % 2000000;
      Sys(tid, 262, "newfstatat", "3, \"\", ",
          absl::StrCat("{st_mode=S_IFREG|0644, st_size=", size,
                       ", ...}, AT_EMPTY_PATH"),
          0, {3, 0x7f84cba3f1b5, Stack(tid), 0x1000, 0, 0});
      const uint64_t base = Addr();
      Sys(tid, 9, "mmap",
          absl::StrCat("NULL, ", size,
                       ", PROT_READ, MAP_PRIVATE|MAP_DENYWRITE, 3, 0"),
          "", static_cast<int64_t>(base), {0, size, 1, 0x802, 3, 0},
          SyscallEvent::RetFormat::kHex);
      Sys(tid, 9, "mmap",
          absl::StrCat(Hex(base + 0x26000), ", ", size / 2,
                       ", PROT_READ|PROT_EXEC, "
                       "MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000"),
          "", static_cast<int64_t>(base + 0x26000),
          {base + 0x26000, size / 2, 5, 0x812, 3, 0x26000},
          SyscallEvent::RetFormat::kHex);
      Sys(tid, 3, "close", "3", "", 0, {3, 0, 0, 0, 0, 0});
    }
    Sys(tid, 158, "arch_prctl", absl::StrCat("ARCH_SET_FS, ", Hex(Addr())), "",
        0, {0x1002, Addr(), 0, 0, 0, 0});
  }

  // A worker thread of a pool: wait, read a request, write a reply.
  void Worker(pid_t tid) {
    const int fd = 5 + rng_() % 8;
    const uint64_t futex = 0x7f84cb888a10ull + (tid % 8) * 0x40;
    switch (rng_() % 5) {
      case 0:
        Sys(tid, 202, "futex",
            absl::StrCat(Hex(futex),
                         ", FUTEX_WAIT_BITSET_PRIVATE, 0, NULL, "
                         "FUTEX_BITSET_MATCH_ANY"),
            "", rng_() % 4 ? 0 : -11, {futex, 0x89, 0, 0, 0, 0xffffffff});
        break;
      case 1:
        Sys(tid, 202, "futex",
            absl::StrCat(Hex(futex), ", FUTEX_WAKE_PRIVATE, 1"), "", rng_() % 2,
            {futex, 0x81, 1, 0, 0, 0xffffffff});
        break;
      case 2:
        Sys(tid, 232, "epoll_wait", "4, ",
            absl::StrCat("[{events=EPOLLIN, data={u32=", fd, ", u64=", fd,
                         "}}], 64, -1"),
            1, {4, Stack(tid), 64, 0xffffffffffffffffull, 0, 0});
        break;
      case 3: {
        const int len = 20 + rng_() % 200;
        Sys(tid, 0, "read", absl::StrCat(fd, ", "),
            absl::StrCat("\"GET /api/v1/items/", rng_() % 100000,
                         " HTTP/1.1\\r\\nHost: localhost\\r\"..., 4096"),
            len, {static_cast<uint64_t>(fd), Buffer(tid), 4096, 0, 0, 0});
        break;
      }
      case 4: {
        const int len = 40 + rng_() % 400;
        Sys(tid, 1, "write",
            absl::StrCat(fd, ", \"HTTP/1.1 200 OK\\r\\nContent-Length: ",
                         len - 38, "\\r\\n\\r\\n{\"..., ", len),
            "", len,
            {static_cast<uint64_t>(fd), Buffer(tid), static_cast<uint64_t>(len),
             0, 0, 0});
        break;
      }
    }
  }

  // What `ls -l` does per directory entry.
  void WalkFile(pid_t tid) {
    const std::string path = absl::StrCat(
        "\"/usr/lib/x86_64-linux-gnu/lib", kWords[file_ % std::size(kWords)],
        file_ / std::size(kWords), ".so.", 1 + file_ % 7, "\"");
    ++file_;
    const uint64_t p = Stack(tid);
    Sys(tid, 332, "statx",
        absl::StrCat("AT_FDCWD, ", path,
                     ", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|AT_NO_"
                     "AUTOMOUNT, STATX_MODE|STATX_NLINK|STATX_UID|STATX_GID|"
                     "STATX_MTIME|STATX_SIZE, "),
        absl::StrCat("{stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, "
                     "stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=",
                     10000 + rng_() % 900000, ", ...}"),
        0, {0xffffff9c, p, 0x900, 0x25e, Stack(tid), 0});
    Sys(tid, 192, "lgetxattr", absl::StrCat(path, ", \"security.selinux\", "),
        absl::StrCat(Hex(0x556b15350000ull + rng_() % 4096 * 16), ", 255"), -61,
        {p, 0x7f84cba3f1b5, Stack(tid), 255, 0, 0});
    Sys(tid, 191, "getxattr",
        absl::StrCat(path, ", \"system.posix_acl_access\", "), "NULL, 0", -95,
        {p, 0x7f84cba3f1c8, 0, 0, 0, 0});
  }

  void Misc(pid_t tid) {
    switch (rng_() % 6) {
      case 0:
        Sys(tid, 39, "getpid", "", "", pid_, {0, 0, 0, 0, 0, 0});
        break;
      case 1:
        Sys(tid, 14, "rt_sigprocmask", "SIG_SETMASK, [], ", "NULL, 8", 0,
            {2, Stack(tid), 0, 8, 0, 0});
        break;
      case 2: {
        const int fd = 3 + rng_() % 5;
        Sys(tid, 257, "openat",
            absl::StrCat("AT_FDCWD, \"/tmp/cc",
                         kWords[rng_() % std::size(kWords)], rng_() % 1000,
                         ".s\", O_WRONLY|O_CREAT|O_TRUNC, 0666"),
            "", fd, {0xffffff9c, Stack(tid), 0x241, 0666, 0, 0});
        Sys(tid, 3, "close", absl::StrCat(fd), "", 0,
            {static_cast<uint64_t>(fd), 0, 0, 0, 0, 0});
        break;
      }
      case 3: {
        const uint64_t len = 4096 * (1 + rng_() % 64);
        Sys(tid, 9, "mmap",
            absl::StrCat("NULL, ", len,
                         ", PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, "
                         "-1, 0"),
            "", static_cast<int64_t>(Addr()),
            {0, len, 3, 0x22, 0xffffffffffffffffull, 0},
            SyscallEvent::RetFormat::kHex);
        break;
      }
      case 4:
        Sys(tid, 1, "write",
            absl::StrCat("1, \"", kWords[rng_() % std::size(kWords)],
                         ".o: compiled in ", rng_() % 1000, " ms\\n\", 30"),
            "", 30, {1, Buffer(tid), 30, 0, 0, 0});
        break;
      case 5:
        Sys(tid, 61, "wait4", "-1, ",
            absl::StrCat("[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL"),
            6000 + rng_() % 100,
            {0xffffffffffffffffull, Stack(tid), 0, 0, 0, 0});
        break;
    }
  }

  void NewThread(pid_t tid) {
    const pid_t child = next_tid_++;
    Add(pid_, tid, CloneEvent{child, CloneKind::kThread});
    threads_.push_back(child);
    Sys(child, 273, "set_robust_list", absl::StrCat(Hex(Addr()), ", 24"), "", 0,
        {Addr(), 24, 0, 0, 0, 0});
    Sys(child, 334, "rseq", absl::StrCat(Hex(Addr()), ", 0x20, 0, 0x53053053"),
        "", 0, {Addr(), 0x20, 0, 0x53053053, 0, 0});
  }

  void NewProcess(pid_t tid) {
    const pid_t child = 6000 + next_pid_++;
    Add(pid_, tid, CloneEvent{child, CloneKind::kVfork});
    Add(child, child,
        ExecEvent{"/usr/lib/gcc/x86_64-linux-gnu/12/cc1plus", child});
    Startup(child, child);
    Sys(child, 231, "exit_group", "0", "", 0, {0, 0, 0, 0, 0, 0});
    Add(child, child, ExitEvent{.code = 0, .comm = "cc1plus"});
    SignalEvent sig{.signo = 17, .code = 1};
    sig.from_pid = child;
    sig.from_uid = 1000;
    Add(pid_, pid_, sig);
  }

  void Signal(pid_t tid) {
    if (rng_() % 2) {
      SignalEvent sig{.signo = 10, .code = -6};
      sig.from_pid = pid_;
      sig.from_uid = 1000;
      Add(pid_, tid, sig);
    } else {
      Add(pid_, tid, StopEvent{19});
      Add(pid_, tid, ContEvent{});
    }
  }

  void EndThread() {
    const size_t i = 1 + rng_() % (threads_.size() - 1);
    const pid_t tid = threads_[i];
    threads_.erase(threads_.begin() + i);
    Sys(tid, 60, "exit", "0", "", 0, {0, 0, 0, 0, 0, 0});
    std::get<SyscallEvent>(events_.back().payload).returned = false;  // = ?
    Add(pid_, tid, ExitEvent{.code = 0, .comm = "worker"});
  }

  static constexpr const char* kWords[] = {
      "acl",    "apt-pkg", "archive",  "asan",    "atomic",  "attr",    "audit",
      "blkid",  "bz2",     "cap",      "crypt",   "curl",    "db",      "dbus",
      "ffi",    "gcrypt",  "gmp",      "gnutls",  "hogweed", "idn2",    "lz4",
      "lzma",   "magic",   "mount",    "ncurses", "nettle",  "pcre2",   "pam",
      "png",    "python",  "readline", "seccomp", "selinux", "sqlite3", "ssl",
      "stdc++", "systemd", "tinfo",    "udev",    "uuid",    "xml2",    "z",
      "zstd"};

  std::mt19937 rng_;
  std::vector<Event> events_;
  std::vector<pid_t> threads_;
  uint64_t seq_ = 0;
  int64_t ts_ = 1795717816100000000;
  pid_t pid_ = 5000;
  pid_t next_tid_ = 5001;
  pid_t next_pid_ = 0;
  uint32_t file_ = 0;
};

const std::vector<Event>& FullMix() {
  static const std::vector<Event>* mix =
      new std::vector<Event>(MixGenerator(2024).Make(kEvents));
  return *mix;
}

// The full mix as the engine emits it: the calls tracer/syscalls/capture.h
// knows carry captures (the memory their decoders read), not text. The
// memory is made from the text: its quoted strings, in order, at the
// call's pointer arguments, and a struct stat (mode, size) or a timespec
// at the others; the text rendered from the captures is what the text
// benchmarks format.
Event Captured(const Event& e) {
  const auto* s = std::get_if<SyscallEvent>(&e.payload);
  if (s == nullptr || !HasCapture(s->arch, s->nr)) return e;
  std::vector<std::string> quoted;
  for (const std::string* text : {&s->args_enter, &s->args_exit}) {
    for (size_t i = text->find('"'); i != std::string::npos;) {
      const size_t j = text->find('"', i + 1);
      if (j == std::string::npos) break;
      quoted.push_back(text->substr(i + 1, j - i - 1));
      i = text->find('"', j + 1);
    }
  }
  FakeMemory mem;
  size_t next = 0;
  for (int i = 0; i < s->nargs; ++i) {
    const uint64_t a = s->raw_args[i];
    if (a < 0x10000 || a > 0x800000000000ull) continue;
    if (next < quoted.size()) {
      mem.MapString(a, quoted[next++]);
      continue;
    }
    struct stat st {};
    st.st_mode = S_IFREG | 0644;
    st.st_size = static_cast<off_t>(a % 100000);
    std::string bytes(256, '\0');
    std::memcpy(bytes.data(), &st, sizeof(st));
    mem.Map(a, bytes);
  }
  SyscallCall c;
  c.tid = e.tid;
  c.nr = s->nr;
  c.args = s->raw_args;
  Event out = e;
  auto& sc = std::get<SyscallEvent>(out.payload);
  const DecodeOptions options;
  CaptureEntry(&mem, options, c, &sc.args_enter);
  CaptureExit(&mem, options, c, s->ret, &sc.args_exit);
  sc.captured = true;
  return out;
}

const std::vector<Event>& CapturedMix() {
  static const std::vector<Event>* mix = [] {
    auto* v = new std::vector<Event>;
    for (const Event& e : FullMix()) v->push_back(Captured(e));
    return v;
  }();
  return *mix;
}

// The thread events of a longer mix (spawn, clone, exec, signal, stop,
// cont, exit: what `-e trace=none` records), renumbered.
const std::vector<Event>& ThreadMix() {
  static const std::vector<Event>* mix = [] {
    auto* v = new std::vector<Event>;
    for (Event& e : MixGenerator(2024).Make(kEvents * 20)) {
      if (std::holds_alternative<SyscallEvent>(e.payload) ||
          std::holds_alternative<SyscallEnterEvent>(e.payload)) {
        continue;
      }
      e.seq = v->size();
      v->push_back(std::move(e));
    }
    return v;
  }();
  return *mix;
}

// Which mix a benchmark encodes: its last argument, 0 = the full mix
// (syscalls and thread events), 1 = thread events only, 2 = the full mix
// with captured calls (as the engine emits it).
int g_mix = 0;
const std::vector<Event>& Mix() {
  return g_mix == 0 ? FullMix() : g_mix == 1 ? ThreadMix() : CapturedMix();
}
void SelectMix(const benchmark::State& state, int arg) {
  g_mix = static_cast<int>(state.range(arg));
}

BinaryHeader Header() {
  BinaryHeader h;
  h.ttrace_version = "ttrace 0.1.0";
  h.command_line = {"ttrace", "-f", "--format=binary", "make", "-j4"};
  // Captured calls (mix 2) are valid only with the options they were
  // captured with (DecodeOptions() in Captured), as the CLI records them.
  h.capture = BinaryHeader::CaptureSettings{};
  FillHostInfo(&h);
  return h;
}

void Report(benchmark::State& state, size_t bytes) {
  const size_t n = Mix().size();
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["bytes_per_event"] = static_cast<double>(bytes) / n;
}

// Arg: 1 = argument strings as deltas (the default), 0 = literally.
void BM_EncodeBinary(benchmark::State& state) {
  SelectMix(state, 1);
  const std::vector<Event>& mix = Mix();
  StringByteSink out;
  BinaryEncoder enc(&out, Header(), {.delta_args = state.range(0) != 0});
  size_t bytes = 0;
  for (auto _ : state) {
    out.clear();
    for (const Event& e : mix) enc.OnEvent(e);
    bytes = out.str().size();
    benchmark::DoNotOptimize(out.str().data());
  }
  Report(state, bytes);
}
BENCHMARK(BM_EncodeBinary)
    ->ArgNames({"delta_args", "mix"})
    ->Args({1, 0})
    ->Args({0, 0})
    ->Args({1, 1})
    ->Args({1, 2})
    ->Args({0, 2});

void BM_EncodeBinaryCold(benchmark::State& state) {
  SelectMix(state, 0);
  const std::vector<Event>& mix = Mix();
  const BinaryHeader header = Header();
  StringByteSink out;
  size_t bytes = 0;
  for (auto _ : state) {
    out.clear();
    BinaryEncoder enc(&out, header);
    for (const Event& e : mix) enc.OnEvent(e);
    (void)enc.Finish();
    bytes = out.str().size();
    benchmark::DoNotOptimize(out.str().data());
  }
  Report(state, bytes);
}
BENCHMARK(BM_EncodeBinaryCold)->ArgName("mix")->Arg(0);

void BM_EncodeText(benchmark::State& state) {
  SelectMix(state, 1);
  const std::vector<Event>& mix = Mix();
  const auto ts = static_cast<TextOptions::Timestamps>(state.range(0));
  StringByteSink out;
  TextFormatter text(&out, {.timestamps = ts});
  // Captured calls are rendered first, as the CLI does for text output.
  RenderingSink render(&text, DecodeOptions());
  size_t bytes = 0;
  for (auto _ : state) {
    out.clear();
    for (const Event& e : mix) render.OnEvent(e);
    bytes = out.str().size();
    benchmark::DoNotOptimize(out.str().data());
  }
  Report(state, bytes);
}
// timestamps 0: none (the default); 2: -tt.
BENCHMARK(BM_EncodeText)
    ->ArgNames({"timestamps", "mix"})
    ->Args({static_cast<int>(TextOptions::Timestamps::kNone), 0})
    ->Args({static_cast<int>(TextOptions::Timestamps::kTimeUs), 0})
    ->Args({static_cast<int>(TextOptions::Timestamps::kNone), 1})
    ->Args({static_cast<int>(TextOptions::Timestamps::kNone), 2})
    ->Args({static_cast<int>(TextOptions::Timestamps::kTimeUs), 2});

void BM_EncodeJson(benchmark::State& state) {
  SelectMix(state, 0);
  const std::vector<Event>& mix = Mix();
  StringByteSink out;
  JsonFormatter json(&out);
  RenderingSink render(&json, DecodeOptions());
  size_t bytes = 0;
  for (auto _ : state) {
    out.clear();
    for (const Event& e : mix) render.OnEvent(e);
    bytes = out.str().size();
    benchmark::DoNotOptimize(out.str().data());
  }
  Report(state, bytes);
}
BENCHMARK(BM_EncodeJson)->ArgName("mix")->Arg(0)->Arg(1)->Arg(2);

// Speed of light: copying as many bytes as an encoder produces, in one
// memcpy per event-sized piece. Arg: 0 = the binary volume, 1 = the text
// volume.
void BM_Memcpy(benchmark::State& state) {
  SelectMix(state, 1);
  const std::vector<Event>& mix = Mix();
  size_t volume;
  {
    StringByteSink out;
    if (state.range(0) == 0) {
      BinaryEncoder enc(&out, Header());
      for (const Event& e : mix) enc.OnEvent(e);
      (void)enc.Finish();
    } else {
      TextFormatter text(&out);
      RenderingSink render(&text, DecodeOptions());  // captured calls
      for (const Event& e : mix) render.OnEvent(e);
    }
    volume = out.str().size();
  }
  const size_t piece = (volume + mix.size() - 1) / mix.size();
  std::string src(volume + piece, 'x');
  std::string dst(volume + piece, '\0');
  for (auto _ : state) {
    for (size_t off = 0; off < volume; off += piece) {
      std::memcpy(dst.data() + off, src.data() + off, piece);
    }
    benchmark::DoNotOptimize(dst.data());
    benchmark::ClobberMemory();
  }
  Report(state, volume);
}
BENCHMARK(BM_Memcpy)
    ->ArgNames({"text_volume", "mix"})
    ->Args({0, 0})
    ->Args({1, 0})
    ->Args({0, 1})
    ->Args({1, 1})
    ->Args({0, 2})
    ->Args({1, 2});

class NullSink : public EventSink {
 public:
  void OnEvent(const Event& e) override { benchmark::DoNotOptimize(&e); }
};

void BM_DecodeBinary(benchmark::State& state) {
  SelectMix(state, 0);
  StringByteSink out;
  {
    BinaryEncoder enc(&out, Header());
    for (const Event& e : Mix()) enc.OnEvent(e);
    (void)enc.Finish();
  }
  NullSink sink;
  for (auto _ : state) {
    const absl::Status s = DecodeBytes(out.str(), &sink, nullptr);
    if (!s.ok()) state.SkipWithError("decode failed");
  }
  Report(state, out.str().size());
}
BENCHMARK(BM_DecodeBinary)->ArgName("mix")->Arg(0)->Arg(1)->Arg(2);

}  // namespace
}  // namespace ttrace
