// libFuzzer target for the syscall argument decoders (tracer/syscalls):
// what a traced program puts in its registers and memory is input ttrace
// does not control. Built and run by fuzz/build_and_run.sh; not built by
// Bazel.
//
// An input is a header, then the tracee's memory:
//   byte 0      bit 0: i386 (else x86_64); bits 1-7: options (below)
//   bytes 1-2   the syscall number (little-endian, modulo 512: every
//               number of both tables, and some unknown ones); bit 7
//               of byte 2 set: -e verbose=none; bits 5-6 of byte 2
//               modulo 3: -X abbrev, raw, verbose
//   byte 3      -s: the string limit
//   byte 4      the netlink protocol of fds 3 and 4 (255: not netlink)
//   byte 5      bit i set: argument i points into the memory (at its low
//               12 bits' offset), else it is taken as it is
//   bytes 6-53  six 64-bit arguments
//   bytes 54-61 the 64-bit return value
//   then        up to 4 KiB mapped at kBase (the rest is unreadable)
// Options: bit 1 -v, bit 2 -y, bit 3 -yy (sockets), bit 4 -Y, bits 5-6
// -x/-xx/--strings-in-hex=non-ascii-chars, bit 7 -e read=all/write=all.
//
// It checks that decoding the entry, the exit (as returned and as failed)
// and the -e read=/write= dump never crashes, hangs or trips a sanitizer,
// and that no output grows past 1 MiB (a decoder must bound what it prints
// by -s, whatever the lengths in memory say).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "tracer/event.h"
#include "tracer/syscalls/capture.h"
#include "tracer/syscalls/decoder.h"
#include "tracer/syscalls/filter.h"
#include "tracer/syscalls/memory.h"
#include "tracer/syscalls/syscall_table.h"

namespace {

constexpr uint64_t kBase = 0x7f0000010000;
constexpr size_t kHeader = 62;
constexpr size_t kMaxMemory = 4096;
constexpr size_t kMaxOutput = 1 << 20;

uint64_t Le(const uint8_t* p, int n) {
  uint64_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

void Check(const std::string& s, const char* what) {
  if (s.size() > kMaxOutput) {
    std::fprintf(stderr, "syscall_fuzzer: %s is %zu bytes\n", what, s.size());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ttrace;
  if (size < kHeader) return 0;
  const uint8_t flags = data[0];
  SyscallCall c;
  c.tid = 4321;
  c.arch = (flags & 1) ? kArchI386 : kArchX86_64;
  c.nr = static_cast<int64_t>(Le(data + 1, 2) % 512);
  for (int i = 0; i < 6; ++i) {
    const uint64_t raw = Le(data + 6 + 8 * i, 8);
    c.args[i] = (data[5] >> i) & 1 ? kBase + (raw & 0xfff) : raw;
  }
  const int64_t ret = static_cast<int64_t>(Le(data + 54, 8));

  DecodeOptions options;
  options.string_limit = data[3];
  options.verbose = flags & 2;
  // -e verbose=none: structures as bare addresses.
  if (data[2] & 0x80) options.verbose_set = SyscallFilter::None();
  options.fd_paths = flags & 4;
  options.fd_sockets = flags & 8;
  options.decode_pids = flags & 16;
  options.hex_strings = static_cast<HexStrings>((flags >> 5) & 3);
  // -X: bits 5-6 of data[2] (nr uses only its lowest bit, verbose=none
  // its top bit).
  options.xlat_style = static_cast<XlatStyle>(((data[2] >> 5) & 3) % 3);
  if (flags & 128) {
    options.dump_read = *ParseFdSet("all");
    options.dump_write = *ParseFdSet("all");
  }

  FakeMemory mem;
  const size_t mapped = std::min(size - kHeader, kMaxMemory);
  if (mapped > 0) mem.Map(kBase, data + kHeader, mapped);
  mem.SetFdPath(0, "/dev/pts/0");
  mem.SetFdPath(3, "socket:[1234]");
  mem.SetFdPath(4, "socket:[1235]");
  mem.SetFdPath(5, "anon_inode:[pidfd]");
  mem.SetFdPath(6, "/tmp/a\nb\"c");
  // -e kvm=vcpu: a vcpu fd whose kvm_run is the fuzzed memory.
  options.kvm_vcpu = true;
  mem.SetFdPath(7, "anon_inode:kvm-vcpu:0");
  mem.AddMapping("anon_inode:kvm-vcpu:0", kBase);
  mem.SetCwd("/");
  if (data[4] != 255) {
    mem.SetNetlinkProtocol(3, data[4]);
    mem.SetNetlinkProtocol(4, data[4]);
  }
  mem.SetGenlFamily(0x10, "nlctrl");
  mem.SetComm(4321, "fuzz");
  mem.SetComm(1, "init");

  ArgDecoder decoder(&mem, options);
  std::string enter, exit, suffix, dump;
  SyscallEvent::RetFormat format;
  decoder.DecodeEntry(c, &enter);
  Check(enter, "the entry");
  decoder.DecodeExit(c, ret, &exit, &format, &suffix);
  Check(exit, "the exit");
  Check(suffix, "the result's suffix");
  decoder.DecodeDump(c, ret, &dump);
  Check(dump, "the dump");
  // The same call failing, and returning a small count (buffers).
  for (const int64_t other : {int64_t{-14}, int64_t{7}}) {
    decoder.DecodeEntry(c, &enter);
    decoder.DecodeExit(c, other, &exit, &format, &suffix);
    Check(exit, "the exit");
    decoder.DecodeDump(c, other, &dump);
    Check(dump, "the dump");
  }

  // Captured calls (capture.h), under options that allow them: the text
  // decoded from the capture is the text decoded at the stops.
  DecodeOptions plain = options;
  plain.fd_paths = plain.fd_sockets = false;
  plain.decode_pids = plain.kvm_vcpu = false;
  plain.verbose_set = SyscallFilter::All();
  plain.dump_read = plain.dump_write = FdSet::None();
  if (CaptureAllowed(plain) && HasCapture(c.arch, c.nr)) {
    ArgDecoder live(&mem, plain);
    enter.clear();
    exit.clear();
    live.DecodeEntry(c, &enter);
    live.DecodeExit(c, ret, &exit, &format, &suffix);
    SyscallEvent ev;
    ev.arch = c.arch;
    ev.nr = static_cast<int32_t>(c.nr);
    ev.nargs = static_cast<uint8_t>(
        SyscallTable::Get().ArgCount(c.arch, static_cast<int32_t>(c.nr)));
    for (int i = 0; i < ev.nargs && i < 6; ++i) ev.raw_args[i] = c.args[i];
    ev.ret = ret;
    ev.captured = true;
    CaptureEntry(&mem, plain, c, &ev.args_enter);
    CaptureExit(&mem, plain, c, ret, &ev.args_exit);
    CaptureRenderer(plain).Render(c.tid, &ev);
    if (ev.args_enter != enter || ev.args_exit != exit ||
        ev.ret_format != format || ev.ret_suffix != suffix) {
      std::fprintf(stderr,
                   "syscall_fuzzer: captured text differs\n  live: %s%s\n  "
                   "replayed: %s%s\n",
                   enter.c_str(), exit.c_str(), ev.args_enter.c_str(),
                   ev.args_exit.c_str());
      std::abort();
    }
  }
  // Any bytes as a capture (a corrupt recording): decoded safely.
  {
    ReplayMemory replay;
    replay.Reset(std::string_view(reinterpret_cast<const char*>(data) + kHeader,
                                  size - kHeader),
                 c.args);
    ArgDecoder decoder2(&replay, plain);
    decoder2.set_replaying();
    enter.clear();
    exit.clear();
    decoder2.DecodeEntry(c, &enter);
    Check(enter, "the replayed entry");
    decoder2.DecodeExit(c, ret, &exit, &format, &suffix);
    Check(exit, "the replayed exit");
  }
  return 0;
}
