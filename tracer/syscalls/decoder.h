// ArgDecoder: a syscall's arguments (and some results) as strace 6.1
// prints them.
//
// Usage (engine side, one decoder per tracing thread):
//   ProcessVmReader mem;
//   ArgDecoder dec(&mem, DecodeOptions{.string_limit = 32, .fd_paths = y});
//   SyscallCall c{.tid = tid, .arch = info.arch, .nr = nr, .args = {...}};
//   dec.DecodeEntry(c, &ev.args_enter);          // at syscall-entry-stop
//   ...
//   dec.DecodeExit(c, ret, &ev.args_exit, &ev.ret_format, &ret_suffix);
//
// name + "(" + args_enter + args_exit + ")" is exactly strace's text. The
// entry part holds everything strace prints at entry; when more follows
// at exit it ends the way strace leaves it before " <unfinished ...>":
// usually with ", " (read: "3, " then "\"abc\", 3"), but clone/clone3 end
// with the last entry argument and their exit part starts with ", " or
// " => " (strace's "<... clone resumed>, child_tidptr=0x...").
//
// DecodeExit also sets *fmt (hex for mmap/brk, octal for umask) and, when
// ret_suffix is given, overwrites it with text strace prints right after
// the return value: " (flags O_RDONLY|O_LARGEFILE)" for fcntl F_GETFL,
// "</etc/passwd>" for a returned fd with -y; empty otherwise.
//
// Memory is read through MemoryReader at entry (inputs, execve argv) and
// at exit (outputs), so both calls must happen while the thread is in the
// corresponding stop. Decoding appends to the caller's string and, once
// warmed up, does not allocate for the common syscalls. Not thread-safe:
// it keeps scratch buffers.
//
// Decoded: see the table in decoder.cc (file family paths and flags,
// read/write family buffers, mmap family, clone/clone3, signals, wait4,
// ioctl and fcntl commands, System V IPC, ...). Everything else prints as
// strace prints syscalls it does not decode: each argument in hex (0 as "0"),
// as many as the syscall takes (6 for unknown syscalls).
#ifndef TTRACE_TRACER_SYSCALLS_DECODER_H_
#define TTRACE_TRACER_SYSCALLS_DECODER_H_

#include <sys/types.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "tracer/event.h"
#include "tracer/syscall_decoder.h"
#include "tracer/syscalls/filter.h"
#include "tracer/syscalls/format.h"
#include "tracer/syscalls/memory.h"
#include "tracer/syscalls/syscall_table.h"

namespace ttrace {

class Decoding;  // decoder.cc

// SyscallCall is defined in tracer/syscall_decoder.h (the engine's view).

struct DecodeOptions {
  size_t string_limit = 32;  // -s N: bytes of strings/buffers, argv items
  // -v: no syscall abbreviated (envp in full, full struct stat), as
  // abbrev_set = None().
  bool verbose = false;
  bool fd_paths = false;  // -y, decode-fds=path: 3</etc/passwd>
  // -yy, decode-fds=socket,dev,pidfd: sockets' protocols and addresses,
  // devices' numbers, pidfds' processes (fd_details.h).
  bool fd_sockets = false;
  bool fd_devices = false;
  bool fd_pidfds = false;
  bool any_fd_info() const {
    return fd_paths || fd_sockets || fd_devices || fd_pidfds;
  }
  HexStrings hex_strings = HexStrings::kNone;  // -x, -xx
  // -X, --const-print-style: named constants as names (abbrev), numbers
  // (raw) or numbers with the names in comments (verbose).
  XlatStyle xlat_style = XlatStyle::kAbbrev;
  // -Y, decode-pids=comm: process and thread ids (in arguments, siginfo
  // and the results of getpid, gettid, clone, ...) followed by their
  // command name, 1234<sleep>, while the process exists.
  bool decode_pids = false;
  // --pidns-translation (--decode-pids=pidns): ids a tracee in another pid
  // namespace passes or gets followed by ttrace's, "1 /* 10548 in ttrace's
  // PID NS */", while the process exists.
  bool pidns_translation = false;
  // -e kvm=vcpu: after a successful KVM_RUN, the vcpu's exit reason from
  // its mapped struct kvm_run, " (KVM_EXIT_IO)" (strace's --kvm=vcpu).
  bool kvm_vcpu = false;
  // -P: only calls that touch one of these paths count as matching (see
  // ArgDecoder::entry_matched). Empty: every call matches.
  std::vector<std::string> trace_paths;
  // -e raw=SET: these syscalls print undecoded, each argument in hex and
  // the result in hex, as strace's raw=.
  SyscallFilter raw = SyscallFilter::None();
  // -e abbrev=SET: these syscalls print big structures and arrays
  // abbreviated (unless verbose), the others in full. -e verbose=SET: only
  // these syscalls dereference structures, arrays, sigsets and the like;
  // the others print their addresses (strings and data buffers are still
  // read). Decoding::abbrev and Decoding::verbose hold them per call.
  SyscallFilter abbrev_set = SyscallFilter::All();
  SyscallFilter verbose_set = SyscallFilter::All();
  // -e read=SET, -e write=SET: the data read from and written to these
  // descriptors, dumped in hex (see DecodeDump).
  FdSet dump_read = FdSet::None();
  FdSet dump_write = FdSet::None();
};

class ArgDecoder {
 public:
  ArgDecoder(MemoryReader* mem, const DecodeOptions& options);

  const DecodeOptions& options() const { return options_; }

  void DecodeEntry(const SyscallCall& c, std::string* out);
  void DecodeExit(const SyscallCall& c, int64_t ret, std::string* out,
                  SyscallEvent::RetFormat* fmt,
                  std::string* ret_suffix = nullptr);

  // -e read=/write=: replaces *out with the dump of the call's data, as
  // strace prints it after the call's line (lines joined by "\n"), or
  // empty. At the exit stop. Reads: read, pread64, readv, preadv(2),
  // recvfrom, recvmsg, mq_timedreceive, up to what they returned; writes:
  // write, pwrite64, writev, pwritev(2), sendto, sendmsg, mq_timedsend,
  // vmsplice, all that was passed, whatever the result; recvmmsg and
  // sendmmsg, the messages they moved. i386 tracees alike (their
  // *_time64 forms, 32-bit layouts), and socketcall as the call it makes
  // (send and recv as sendto and recvfrom).
  void DecodeDump(const SyscallCall& c, int64_t ret, std::string* out);

  // -y/-yy (and -e decode-fds=): appends what follows fd `fd` of thread
  // `tid` where a call's argument shows it ("<pipe:[123]>"), or nothing.
  void AppendFdInfo(pid_t tid, int fd, std::string* out);

  // -P: whether the call last given to DecodeEntry touches one of
  // options().trace_paths, as strace's pathtrace decides it at entry: a
  // path argument equal to one of them (as a string), or an fd argument
  // whose /proc/TID/fd link is one of them. Always true without -P.
  bool entry_matched() const { return matched_; }
  // For the decoders (Decoding::Path, Decoding::FdValue), at entry.
  bool filtering_paths() const { return !options_.trace_paths.empty(); }
  void MatchPathAt(pid_t tid, uint64_t addr);
  void MatchFd(pid_t tid, int fd);

  // SyscallDecoder::FilterNumber: for i386's socketcall and ipc, the
  // pseudo number of the call they make (SyscallTable::kSocketSubcalls,
  // kIpcSubcalls), as strace decides it at entry: ipc by its call number,
  // socketcall by its call number when its argument array is readable
  // (read now, and used by DecodeEntry if it comes next). Real numbers
  // from kMaxNr on give kMaxFilterNr (see FilterNumber in filter.h).
  int32_t FilterNumber(const SyscallCall& c);

  // Whether ret is one of the kernel's restart codes (ERESTARTSYS,
  // ERESTARTNOINTR, ERESTARTNOHAND, ERESTART_RESTARTBLOCK).
  static bool IsRestart(int64_t ret);

  // Whether ret is an error (-4095..-1) for this syscall (syscalls that
  // never fail, like getpid or umask, never return errors).
  static bool IsError(const SyscallCall& c, int64_t ret);

  // The name strace shows for the call last given to DecodeEntry when it
  // is not its number's, or null: i386's socketcall and ipc show the call
  // they multiplex ("socket", "semop"), as strace does.
  const char* entry_name() const { return entry_name_; }

  // The result strace shows for the call last given to DecodeExit when it
  // is not the kernel's: i386's ipc(SHMAT) returns 0 and stores the
  // address, which strace shows as the result. False otherwise.
  bool shown_result(int64_t* ret) const {
    if (!has_shown_result_) return false;
    *ret = shown_result_;
    return true;
  }

  // At the exit stop of a call that is captured instead of decoded
  // (capture.h): keeps what later calls' decoding needs of it (strace's
  // "resuming interrupted futex" in a restart_syscall).
  void NoteExit(const SyscallCall& c, int64_t ret);

  // Decoding captured calls again (capture.h), not at their stops: state
  // kept for later calls (an interrupted call's restart) is left alone,
  // the engine's decoder kept it at the stop.
  void set_replaying() { replaying_ = true; }

  // Internal: the per-syscall decoders use these.
  MemoryReader* mem() const { return mem_; }
  // At exit, a decoder replaces the result shown.
  void SetShownResult(int64_t ret) {
    has_shown_result_ = true;
    shown_result_ = ret;
  }
  // At entry, a multiplexer's decoder names the call it dispatched to.
  void SetEntryName(const char* name) { entry_name_ = name; }
  std::string& scratch() { return scratch_; }
  std::string& scratch2() { return scratch2_; }
  FdDetails& details() { return details_; }

  using DecodeFn = void (*)(Decoding& d);
  // The decoder registered for a call (Generic for unknown ones), Raw
  // when -e raw= selects it.
  DecodeFn DecoderFor(uint32_t arch, int64_t nr) const;
  // The same whatever -e raw= says.
  DecodeFn RegisteredDecoderFor(uint32_t arch, int64_t nr) const;

 private:
  void Decode(const SyscallCall& c, bool exiting, int64_t ret, std::string* out,
              SyscallEvent::RetFormat* fmt, std::string* ret_suffix);
  // decode_dump.cc.
  void DumpBuffer(pid_t tid, uint64_t addr, uint64_t len, std::string* out);
  // `word`: the tracee's word size (4: i386, 8: x86_64).
  void DumpIovec(pid_t tid, uint64_t iov, uint64_t count, size_t word,
                 uint64_t budget, std::string* out);

  MemoryReader* mem_;
  DecodeOptions options_;
  const SyscallTable* table_;
  std::array<std::array<DecodeFn, SyscallTable::kMaxNr>, kNumArches> fns_{};
  std::array<std::array<DecodeFn, SyscallTable::kMaxNr>, kNumArches>
      registered_fns_{};
  // The syscalls whose result is a process or thread id (kRetPid: -Y
  // names it), a process group or a session id; all are translated with
  // --pidns-translation.
  enum RetPid : uint8_t { kRetNone, kRetPid, kRetPgid, kRetSid };
  std::array<std::array<RetPid, SyscallTable::kMaxNr>, kNumArches> ret_pid_{};
  std::string scratch_;
  std::string scratch2_;
  std::string match_scratch_;
  FdDetails details_;
  bool matched_ = true;
  bool replaying_ = false;
  const char* entry_name_ = nullptr;
  bool has_shown_result_ = false;
  int64_t shown_result_ = 0;
};

}  // namespace ttrace

#endif  // TTRACE_TRACER_SYSCALLS_DECODER_H_
