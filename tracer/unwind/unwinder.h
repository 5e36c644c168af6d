// Unwinder: strace's -k for x86_64 processes. At a syscall stop it reads
// the thread's registers (PTRACE_GETREGS), walks its stack with the
// .eh_frame rules of the files it maps (/proc/PID/maps), and names each
// frame by the nearest function symbol (C++ names demangled), as strace
// (with libunwind) does, through signal handlers' frames to the code a
// signal interrupted:
//   /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x10) [0xf8350]
//   /usr/bin/dash() [0x13652]
// The bracketed number is the address's offset in the file. A frame
// outside any mapped file is "unexpected_backtracing_error [0xADDR]" and
// ends the stack.
//
// Maps are cached per process until Forget (the engine calls it after
// calls that change them) or until an address falls outside them; files
// are read once (mapped read-only), keyed by path, device and inode.
#ifndef TTRACE_TRACER_UNWIND_UNWINDER_H_
#define TTRACE_TRACER_UNWIND_UNWINDER_H_

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "tracer/stack_tracer.h"
#include "tracer/unwind/elf_image.h"

namespace ttrace::unwind {

class Unwinder : public StackTracer {
 public:
  // At most this many frames per stack (strace's libunwind backend stops
  // at 256 too).
  static constexpr int kMaxFrames = 256;

  void Capture(pid_t tgid, pid_t tid, bool ending, std::string* out) override;
  void Forget(pid_t tgid) override { maps_.erase(tgid); }

  struct Mapping {
    uint64_t start = 0;
    uint64_t end = 0;
    uint64_t offset = 0;  // file offset of `start`
    std::string path;     // as /proc/PID/maps shows it
    std::string key;      // path, device and inode: one file's identity
  };
  // The executable mappings of a /proc/PID/maps text, in order.
  static std::vector<Mapping> ParseMaps(const std::string& text);

 private:
  // The mapping of `tgid` holding `pc`, re-reading the maps once when the
  // cached ones do not hold it. Null when none does.
  const Mapping* Find(pid_t tgid, uint64_t pc);
  // The file of a mapping, or null when it cannot be read.
  const ElfImage* Image(const Mapping& m);

  // C++ names as strace prints them ("(anonymous namespace)::F(void*)").
  std::string_view Demangled(std::string_view name);

  absl::flat_hash_map<pid_t, std::vector<Mapping>> maps_;
  // Keyed by the symbol names' storage (the images' string tables).
  absl::flat_hash_map<std::string_view, std::string> demangled_;
  absl::flat_hash_map<std::string, std::unique_ptr<ElfImage>> images_;
};

}  // namespace ttrace::unwind

#endif  // TTRACE_TRACER_UNWIND_UNWINDER_H_
