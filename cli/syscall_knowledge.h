// SyscallKnowledge: the engine's SyscallDecoder, made of the pieces in
// tracer/syscalls: the -e trace= filter, libseccomp's name tables and the
// strace-style argument decoder reading tracee memory with
// process_vm_readv.
#ifndef TTRACE_CLI_SYSCALL_KNOWLEDGE_H_
#define TTRACE_CLI_SYSCALL_KNOWLEDGE_H_

#include <memory>
#include <string>

#include "tracer/syscall_decoder.h"
#include "tracer/syscalls/capture.h"
#include "tracer/syscalls/decoder.h"
#include "tracer/syscalls/filter.h"
#include "tracer/syscalls/memory.h"
#include "tracer/syscalls/syscall_table.h"

namespace ttrace {

class SyscallKnowledge : public SyscallDecoder {
 public:
  // `capture`: the calls capture.h knows are captured, not decoded (only
  // where CaptureAllowed(options)).
  SyscallKnowledge(SyscallFilter filter, const DecodeOptions& options,
                   bool capture = false);

  bool Traced(uint32_t arch, int32_t nr) const override {
    return filter_.Traced(arch, nr);
  }
  int32_t FilterNumber(const SyscallCall& call) override {
    return decoder_.FilterNumber(call);
  }
  bool IsExec(uint32_t arch, int32_t nr) const override;
  int ArgCount(uint32_t arch, int32_t nr) const override;
  void Name(uint32_t arch, int32_t nr, std::string* out) const override;
  bool Captures(const SyscallCall& call) const override {
    return renderer_ != nullptr && HasCapture(call.arch, call.nr);
  }
  void RenderEntry(const SyscallCall& call, const std::string& capture,
                   std::string* out) override {
    renderer_->RenderEntry(call, capture, out);
  }
  void DecodeEntry(const SyscallCall& call, std::string* out) override;
  bool EntryShown() const override { return decoder_.entry_matched(); }
  bool EntryName(std::string* out) const override {
    const char* name = decoder_.entry_name();
    if (name == nullptr) return false;
    out->assign(name);
    return true;
  }
  void DecodeExit(const SyscallCall& call, int64_t ret, std::string* out,
                  SyscallEvent::RetFormat* format,
                  std::string* ret_suffix) override;
  bool ExitResult(int64_t* ret) const override {
    return decoder_.shown_result(ret);
  }
  void DecodeDump(const SyscallCall& call, int64_t ret,
                  std::string* out) override {
    decoder_.DecodeDump(call, ret, out);
  }
  void AppendFdInfo(pid_t tid, int fd, std::string* out) override {
    decoder_.AppendFdInfo(tid, fd, out);
  }

 private:
  SyscallFilter filter_;
  const SyscallTable& table_;
  ProcessVmReader memory_;
  ArgDecoder decoder_;
  std::unique_ptr<CaptureRenderer> renderer_;  // when capturing
};

}  // namespace ttrace

#endif  // TTRACE_CLI_SYSCALL_KNOWLEDGE_H_
