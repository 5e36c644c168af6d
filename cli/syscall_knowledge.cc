#include "cli/syscall_knowledge.h"

#include <utility>

namespace ttrace {

SyscallKnowledge::SyscallKnowledge(SyscallFilter filter,
                                   const DecodeOptions& options, bool capture)
    : filter_(std::move(filter)),
      table_(SyscallTable::Get()),
      decoder_(&memory_, options) {
  if (capture && CaptureAllowed(options)) {
    renderer_ = std::make_unique<CaptureRenderer>(options);
  }
}

bool SyscallKnowledge::IsExec(uint32_t arch, int32_t nr) const {
  absl::string_view name = table_.Name(arch, nr);
  return name == "execve" || name == "execveat";
}

int SyscallKnowledge::ArgCount(uint32_t arch, int32_t nr) const {
  // strace prints six arguments for a number it does not know.
  return table_.Known(arch, nr) ? table_.ArgCount(arch, nr) : 6;
}

void SyscallKnowledge::Name(uint32_t arch, int32_t nr, std::string* out) const {
  out->clear();
  table_.AppendName(arch, nr, out);
}

void SyscallKnowledge::DecodeEntry(const SyscallCall& call, std::string* out) {
  if (Captures(call)) {
    CaptureEntry(&memory_, decoder_.options(), call, out);
    return;
  }
  out->clear();
  decoder_.DecodeEntry(call, out);
}

void SyscallKnowledge::DecodeExit(const SyscallCall& call, int64_t ret,
                                  std::string* out,
                                  SyscallEvent::RetFormat* format,
                                  std::string* ret_suffix) {
  if (Captures(call)) {
    CaptureExit(&memory_, decoder_.options(), call, ret, out);
    *format = SyscallEvent::RetFormat::kDecimal;
    ret_suffix->clear();
    decoder_.NoteExit(call, ret);
    return;
  }
  out->clear();
  decoder_.DecodeExit(call, ret, out, format, ret_suffix);
}

}  // namespace ttrace
