// Captured calls: a syscall's arguments kept as the tracee memory its
// decoder reads, and turned into text only when text is wanted.
//
// The decoders (decoder.h) read a stopped tracee through MemoryReader and
// render strace's text at once. For the common calls, under options that
// need nothing but tracee memory (no -y, -Y, -P, -e raw=, ...: see
// CaptureAllowed), the engine instead copies the few bytes the decoder
// would read (the path of an openat, the first -s bytes of a read buffer,
// the fields of a struct stat the text shows) into a capture. The binary
// stream stores the capture as it is; the text, JSON and Perfetto outputs
// and --decode run the unchanged decoder on a ReplayMemory serving it,
// which gives the same text as decoding at the stop.
//
// Usage (engine side, at the stops):
//   if (CaptureAllowed(options) && HasCapture(arch, nr)) {
//     CaptureEntry(&mem, options, call, &ev.args_enter);
//     CaptureExit(&mem, options, call, ret, &ev.args_exit);
//     ev.captured = true;
//   }
// Rendering (formatter side):
//   CaptureRenderer r(options);
//   r.Render(tid, &syscall_event);        // args_* now hold text
//
// A capture is a sequence of memory ranges (see ReplayMemory); a range
// either holds its bytes or is known readable but zero except where other
// ranges say (the fields of a struct the text does not show).
#ifndef TTRACE_TRACER_SYSCALLS_CAPTURE_H_
#define TTRACE_TRACER_SYSCALLS_CAPTURE_H_

#include <sys/types.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tracer/event.h"
#include "tracer/sink.h"
#include "tracer/syscall_decoder.h"
#include "tracer/syscalls/decoder.h"
#include "tracer/syscalls/memory.h"

namespace ttrace {

// Whether calls may be captured under these options: only when decoding
// reads tracee memory and nothing else (no fd paths, comms, pid
// namespaces, -P matching, KVM state, dumps), with -e raw=, abbrev= and
// verbose= at their defaults. -s, -v, -x/-xx and -X are fine: they are
// kept with the trace (CaptureSettings in output/binary_format.h).
bool CaptureAllowed(const DecodeOptions& options);

// Whether call `nr` of `arch` has a capture specification (x86_64's
// common calls: see kSpecs in capture.cc).
bool HasCapture(uint32_t arch, int64_t nr);
// The x86_64 numbers that have one (for tests).
std::vector<int64_t> CapturedNumbers();

// Replace *out with the capture of `c` at its entry stop, or at its exit
// stop with result `ret`, read through `mem`. Only for calls HasCapture
// accepts, under options CaptureAllowed accepts.
void CaptureEntry(MemoryReader* mem, const DecodeOptions& options,
                  const SyscallCall& c, std::string* out);
void CaptureExit(MemoryReader* mem, const DecodeOptions& options,
                 const SyscallCall& c, int64_t ret, std::string* out);

// A MemoryReader serving one capture. Reads outside it fail, as reads of
// unmapped memory do; fd paths and the like are never there. Reset
// accepts any bytes (a capture from a corrupt file): what cannot be parsed
// is unreadable.
class ReplayMemory : public MemoryReader {
 public:
  // `capture` must outlive the reads; `args`: the call's arguments (a
  // range may start at one).
  void Reset(std::string_view capture, const std::array<uint64_t, 6>& args);

  ssize_t Read(pid_t tid, uint64_t addr, void* buf, size_t len) override;
  bool ReadString(pid_t tid, uint64_t addr, size_t max, std::string* out,
                  bool* truncated, bool* terminated = nullptr) override;
  bool ReadFdPath(pid_t, int, std::string*) override { return false; }
  bool ReadCwd(pid_t, std::string*) override { return false; }

 private:
  struct Range {
    uint64_t addr;
    uint64_t len;
    const char* data;  // null: zero except where data ranges say
  };
  // How many bytes from `addr` on the ranges hold (the furthest end of
  // those holding it), 0 when none does.
  uint64_t Extent(uint64_t addr) const;
  std::vector<Range> ranges_;
};

// Decodes captured calls to text with the options they were captured
// under.
class CaptureRenderer {
 public:
  explicit CaptureRenderer(const DecodeOptions& options);

  // If `e` is captured, replaces its captures with text (args_enter,
  // args_exit, ret_format, ret_suffix) and clears `captured`.
  void Render(pid_t tid, SyscallEvent* e);
  // Replaces *out with the text of call `c`'s entry capture.
  void RenderEntry(const SyscallCall& c, std::string_view capture,
                   std::string* out);

 private:
  ReplayMemory memory_;
  ArgDecoder decoder_;
  std::string text_;
};

// Passes events to `next` with every captured call rendered to text. For
// the sinks that print arguments (text, JSON, Perfetto); the binary
// encoder takes captures as they are. Until set_options is called (a
// decoded trace's header carries them), captured calls pass unrendered.
class RenderingSink : public EventSink {
 public:
  explicit RenderingSink(EventSink* next) : next_(next) {}
  RenderingSink(EventSink* next, const DecodeOptions& options)
      : next_(next), renderer_(std::make_unique<CaptureRenderer>(options)) {}
  void set_options(const DecodeOptions& options) {
    renderer_ = std::make_unique<CaptureRenderer>(options);
  }
  void OnEvent(const Event& event) override;
  absl::Status Flush() override { return next_->Flush(); }

 private:
  EventSink* next_;
  std::unique_ptr<CaptureRenderer> renderer_;
  Event scratch_;
};

}  // namespace ttrace

#endif  // TTRACE_TRACER_SYSCALLS_CAPTURE_H_
