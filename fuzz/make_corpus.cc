// Writes a few small, valid (and some deliberately cut) binary traces as
// seeds for the decoder fuzzer: fuzz/make_corpus DIR. Run by
// fuzz/build_and_run.sh when DIR has no seed-* files.
#include <cstdio>
#include <string>
#include <vector>

#include "output/binary_encoder.h"
#include "output/byte_sink.h"
#include "tracer/event.h"

namespace {

using namespace ttrace;

void Write(const std::string& dir, const std::string& name,
           const std::string& bytes) {
  const std::string path = dir + "/" + name;
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    std::perror(path.c_str());
    std::exit(1);
  }
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
}

std::string Encode(const std::vector<Event>& events, bool finish) {
  StringByteSink out;
  BinaryHeader h;
  h.monotonic_start_ns = 1000;
  h.wall_start_ns = 1795717816000000000;
  h.hostname = "fuzz";
  h.kernel_release = "6.1.0";
  h.arch = "x86_64";
  h.ttrace_version = "ttrace 0.1.0";
  h.command_line = {"ttrace", "-f", "sh"};
  BinaryEncoder enc(&out, h);
  for (const Event& e : events) enc.OnEvent(e);
  if (finish) (void)enc.Finish();
  return out.str();
}

std::vector<Event> Sample() {
  std::vector<Event> v;
  uint64_t seq = 0;
  int64_t ts = 1795717816000000000;
  auto add = [&](pid_t pid, pid_t tid, EventPayload p) {
    ts += 1234;
    v.push_back(Event{seq++, ts, pid, tid, std::move(p)});
  };
  add(10, 10, SpawnEvent{"/bin/sh", {"sh", "-c", "ls | wc"}});
  add(10, 10, ExecEvent{"/bin/sh", 10});
  add(10, 10, CloneEvent{11, CloneKind::kThread});
  for (int i = 0; i < 6; ++i) {
    SyscallEvent s;
    s.nr = i % 2 ? 0 : 257;
    s.name = i % 2 ? "read" : "openat";
    s.args_enter = i % 2 ? "3, " : "AT_FDCWD, \"/etc/passwd\", O_RDONLY";
    s.args_exit = i % 2 ? "\"root:x:0:0\"..., 4096" : "";
    s.ret = i % 2 ? 4096 : 3;
    s.raw_args = {3, 0x7ffd0000 + uint64_t(i) * 16, 4096, 0, 0, 0};
    s.nargs = i % 2 ? 3 : 4;  // read's, openat's
    s.dur_ns = 1000 + i;
    if (i == 3) s.ret_suffix = "</etc/passwd>";
    add(10, i % 2 ? 11 : 10, s);
  }
  add(10, 11, SyscallEnterEvent{202, kArchX86_64, "futex", "0x1, "});
  SignalEvent sig{.signo = 10, .code = -6};
  sig.from_pid = 10;
  sig.from_uid = 0;
  add(10, 11, sig);
  add(10, 10, StopEvent{19});
  add(10, 10, ContEvent{});
  add(10, 11,
      ExitEvent{.how = ExitEvent::How::kKilled, .signo = 9, .comm = "worker"});
  add(10, 10, ExitEvent{.code = 0, .comm = "sh"});
  add(20, 20, AttachEvent{});
  add(20, 20, DetachEvent{});
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_corpus DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  const std::vector<Event> sample = Sample();
  const std::string full = Encode(sample, true);
  Write(dir, "seed-full.ttr", full);
  Write(dir, "seed-no-end.ttr", Encode(sample, false));
  Write(dir, "seed-cut.ttr", full.substr(0, full.size() * 2 / 3));
  Write(dir, "seed-empty.ttr", Encode({}, true));
  Write(dir, "seed-one.ttr", Encode({sample[0]}, true));
  std::vector<Event> syscalls(sample.begin() + 3, sample.begin() + 9);
  Write(dir, "seed-syscalls.ttr", Encode(syscalls, true));
  return 0;
}
