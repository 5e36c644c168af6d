// SyscallDecoder: what the engine needs to know about syscalls, as an
// interface so that the engine does not depend on how names, filters and
// argument decoding are implemented (tracer/syscalls/ provides the real one;
// tests may use a trivial one).
//
// The engine calls these on the tracer thread while the thread `tid` is
// stopped, so implementations may read its memory.
#ifndef TTRACE_TRACER_SYSCALL_DECODER_H_
#define TTRACE_TRACER_SYSCALL_DECODER_H_

#include <sys/types.h>

#include <array>
#include <cstdint>
#include <string>

#include "tracer/event.h"

namespace ttrace {

// One syscall as PTRACE_GET_SYSCALL_INFO reports it at entry.
struct SyscallCall {
  pid_t tid = 0;
  uint32_t arch = kArchX86_64;  // AUDIT_ARCH_*
  int64_t nr = 0;
  std::array<uint64_t, 6> args{};
  uint64_t stack_pointer = 0;        // at entry (rt_sigreturn reads its frame)
  uint64_t instruction_pointer = 0;  // at entry
};

class SyscallDecoder {
 public:
  virtual ~SyscallDecoder() = default;
  // The -e trace= filter: whether calls of `nr` are reported. `nr` is
  // the call's FilterNumber.
  virtual bool Traced(uint32_t arch, int32_t nr) const = 0;
  // The number the filters (Traced, -e inject=) know an i386 call by, as
  // strace decides at its entry: for socketcall and ipc making a call it
  // knows, that call's number (i386's socket, semop, ...: for ttrace's
  // decoder a pseudo number, see tracer/syscalls/syscall_table.h); else
  // the call's own number, or one beyond every table. The engine asks for
  // i386 calls only (x86_64's number is their FilterNumber), before
  // DecodeEntry.
  virtual int32_t FilterNumber(const SyscallCall& call) {
    return static_cast<int32_t>(call.nr);
  }
  // True if this is an execve/execveat number (a spawned command's events
  // are hidden until its first exec, which is shown).
  virtual bool IsExec(uint32_t arch, int32_t nr) const = 0;
  // How many argument registers a call of `nr` takes (strace's count,
  // 0..6): the engine reports those only (SyscallEvent::nargs).
  virtual int ArgCount(uint32_t arch, int32_t nr) const { return 6; }
  // Replaces *out with the name ("read", "syscall_0x1b6").
  virtual void Name(uint32_t arch, int32_t nr, std::string* out) const = 0;
  // Replaces *out with the arguments known at entry, with a trailing ", "
  // when more are decoded at exit.
  virtual void DecodeEntry(const SyscallCall& call, std::string* out) = 0;
  // Whether DecodeEntry and DecodeExit give this call's captures (the
  // tracee memory its decoder reads, tracer/syscalls/capture.h) instead of
  // text: the SyscallEvent is then `captured`. Asked before DecodeEntry.
  virtual bool Captures(const SyscallCall& call) const { return false; }
  // For a call Captures accepts: replaces *out with the text of its entry
  // capture (a split call's SyscallEnterEvent shows text).
  virtual void RenderEntry(const SyscallCall& call, const std::string& capture,
                           std::string* out) {
    *out = capture;
  }
  // Whether the call last given to DecodeEntry is reported after all
  // (strace's -P: only calls on some paths are). Traced calls that are not
  // are neither reported nor tampered with.
  virtual bool EntryShown() const { return true; }
  // The name strace shows for the call last given to DecodeEntry, when it
  // is not its number's (i386's socketcall and ipc show the call they
  // multiplex: "socket", "semop"): replaces *out and returns true; false
  // otherwise.
  virtual bool EntryName(std::string* out) const { return false; }
  // Replaces *out with the arguments decoded at exit (often empty), sets
  // how the return value reads, and replaces *ret_suffix with what follows
  // it (usually nothing).
  virtual void DecodeExit(const SyscallCall& call, int64_t ret,
                          std::string* out, SyscallEvent::RetFormat* format,
                          std::string* ret_suffix) = 0;
  // The result strace shows for the call last given to DecodeExit, when it
  // is not the kernel's (i386's ipc(SHMAT) stores the address it returns):
  // replaces *ret and returns true; false otherwise.
  virtual bool ExitResult(int64_t* ret) const { return false; }
  // strace's -e read=/write=: replaces *out with the dump of the data the
  // call read or wrote (lines joined by "\n"), usually empty. At the exit
  // stop, after DecodeExit.
  virtual void DecodeDump(const SyscallCall& call, int64_t ret,
                          std::string* out) {
    out->clear();
  }
  // -y/-yy: appends to *out what follows fd `fd` of thread `tid` where a
  // call's argument shows it ("<pipe:[123]>"), or nothing. For a signal's
  // si_fd (strace annotates it too), while the thread is stopped.
  virtual void AppendFdInfo(pid_t tid, int fd, std::string* out) {}
};

}  // namespace ttrace

#endif  // TTRACE_TRACER_SYSCALL_DECODER_H_
