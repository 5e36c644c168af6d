// Event: the plain value that the tracing engine emits for everything it
// observes. Formatters (output/) turn events into text, JSON or binary; the
// engine never formats anything itself.
//
// Usage:
//   Event e = MakeEvent(ts_ns, pid, tid, ExitEvent{.code = 3, .comm = "a"});
//   if (const auto* exit = std::get_if<ExitEvent>(&e.payload)) { ... }
//
// Every event has a header (sequence number, timestamp, pid = thread group
// id, tid) and exactly one payload alternative.
#ifndef TTRACE_TRACER_EVENT_H_
#define TTRACE_TRACER_EVENT_H_

#include <sys/types.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ttrace {

// The command was started (fork + exec under trace). Emitted once, before
// the command's first exec event.
struct SpawnEvent {
  std::string path;               // resolved program path
  std::vector<std::string> argv;  // as given on the command line
};

// A thread was attached with PTRACE_SEIZE (-p).
struct AttachEvent {};

// A thread was detached and left running (or stopped, if it was).
struct DetachEvent {};

enum class CloneKind : uint8_t {
  kThread,   // clone with CLONE_THREAD: same thread group
  kProcess,  // fork, or clone without CLONE_THREAD
  kVfork,    // vfork / CLONE_VFORK
};

// Reported for the parent (header tid = creating thread).
struct CloneEvent {
  pid_t child = 0;  // tid of the new thread / pid of the new process
  CloneKind kind = CloneKind::kThread;
};

// A successful execve/execveat. The header tid is the thread group id after
// the exec; old_tid differs from it when a non-leader thread exec'd.
struct ExecEvent {
  std::string path;
  pid_t old_tid = 0;
};

// Architectures of traced processes (AUDIT_ARCH_* values from
// <linux/audit.h>, as PTRACE_GET_SYSCALL_INFO reports them).
inline constexpr uint32_t kArchX86_64 = 0xC000003E;
inline constexpr uint32_t kArchI386 = 0x40000003;

// A signal-delivery-stop: the signal is about to be delivered, and will be
// (the engine re-injects it).
struct SignalEvent {
  int signo = 0;
  int code = 0;                   // si_code
  std::optional<pid_t> from_pid;  // sender, when si_code says there is one
  std::optional<uid_t> from_uid;
  // Fault address for SIGSEGV/SIGBUS/SIGILL/SIGFPE/SIGTRAP kernel signals.
  std::optional<uint64_t> addr;
  // A SIGCHLD the kernel sent about a child (si_code CLD_*): the child's
  // exit code (CLD_EXITED) or signal number (si_status), and its user and
  // system CPU time in clock ticks (si_utime, si_stime).
  struct Child {
    int status = 0;
    int64_t utime = 0;
    int64_t stime = 0;
  };
  std::optional<Child> child;
  // si_value (strace's si_int and si_ptr): of a POSIX timer's signal
  // (si_code SI_TIMER), always; of other signals sent from user space
  // (SI_QUEUE, SI_MESGQ, ...), when not 0.
  std::optional<uint64_t> value;
  // SI_TIMER: the timer's id (si_timerid) and overrun count (si_overrun).
  struct Timer {
    int32_t id = 0;
    int32_t overrun = 0;
  };
  std::optional<Timer> timer;
  // si_errno, when not 0 (a sender's rt_sigqueueinfo, seccomp's
  // SECCOMP_RET_TRAP data).
  int32_t error = 0;
  // SI_SIGIO, and SIGIO's POLL_IN..POLL_HUP: si_band and si_fd.
  struct Poll {
    int64_t band = 0;
    int32_t fd = 0;
    // -y/-yy: what the text shows after si_fd ("<pipe:[123]>"), read while
    // the thread was stopped for the signal, as strace. Also JSON's
    // "fd_info" and the binary stream's signal bit 256.
    std::string fd_info;
  };
  std::optional<Poll> poll;
  // SIGSYS from the kernel (SYS_SECCOMP, SYS_USER_DISPATCH): the calling
  // instruction's address (si_call_addr), the call's number (si_syscall)
  // and its AUDIT_ARCH_* (si_arch); `personality`: the AUDIT_ARCH_* of the
  // thread's last syscall (strace names a call of another arch
  // differently).
  struct Sys {
    uint64_t call_addr = 0;
    int32_t nr = 0;
    uint32_t arch = 0;
    uint32_t personality = kArchX86_64;
  };
  std::optional<Sys> sys;
  // strace's -i: the instruction pointer where the signal interrupted the
  // thread. 0: not recorded.
  uint64_t ip = 0;
  // strace's -k: the call stack where the signal interrupted the thread,
  // as SyscallEvent::stack. Empty: not recorded.
  std::string stack;
};

// A group-stop of this thread (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU).
struct StopEvent {
  int signo = 0;
  std::string stack;  // strace's -k: where the thread stopped (see below)
};

// This thread left a group-stop (the group was resumed, e.g. by SIGCONT).
struct ContEvent {};

// The thread is gone. Exactly one per traced thread.
struct ExitEvent {
  enum class How : uint8_t {
    kExited,      // normal exit: `code`
    kKilled,      // killed by `signo`; `core` when a core was dumped
    kSuperseded,  // thread-group leader replaced by an exec from another
                  // thread (`superseded_by` is the exec'ing thread's old tid)
  };
  How how = How::kExited;
  int code = 0;
  int signo = 0;
  bool core = false;
  pid_t superseded_by = 0;
  std::string comm;  // thread name as it was at exit (may be empty)
};

// A syscall that has started but whose exit was not yet seen when another
// event had to be emitted (or while ttrace waited): emitted only for such
// split calls, before the SyscallEvent that completes it. Header ts = entry.
struct SyscallEnterEvent {
  int32_t nr = 0;
  uint32_t arch = kArchX86_64;
  std::string name;        // "read"; "syscall_0x1b6" when unknown
  std::string args_enter;  // arguments decoded at entry, e.g. "3, "
  // strace's -i: the instruction pointer at the syscall stop (after the
  // syscall instruction). 0: not recorded.
  uint64_t ip = 0;
};

// A completed (or never-returning) syscall. Header ts = entry time.
//   text: name "(" args_enter args_exit ")" " = " result
struct SyscallEvent {
  int32_t nr = 0;
  uint32_t arch = kArchX86_64;
  std::string name;
  // The argument registers the call takes: raw_args[0, nargs), nargs being
  // strace's argument count for the call (0..6; 6 for a number strace
  // does not know, as strace prints six then). The rest are 0: the
  // registers a call does not take hold leftovers of earlier code.
  std::array<uint64_t, 6> raw_args{};
  uint8_t nargs = 6;
  std::string args_enter;  // decoded at entry: "3, "
  std::string args_exit;   // decoded at exit: "\"abc\", 3"
  // args_enter and args_exit hold captures, not text: the tracee memory
  // the decoder reads at each stop (tracer/syscalls/capture.h), and
  // ret_format and ret_suffix are not set yet. Only the binary encoder
  // takes such events; a RenderingSink gives every other sink text.
  bool captured = false;
  int64_t ret = 0;  // raw return value; -4095..-1 is -errno
  enum class RetFormat : uint8_t {
    kDecimal,  // = 3, or = -1 ENOENT (...) on error
    kHex,      // addresses: = 0x7f12a000 (mmap, brk)
    kOctal,    // umask: = 022
    // -e raw=: = 0x1a on success; on error as kDecimal, except that the
    // restart codes are ordinary errors: = -1 ERESTARTSYS (Unknown error
    // 512), not = ? ERESTARTSYS (To be restarted ...).
    kRaw,
  };
  RetFormat ret_format = RetFormat::kDecimal;
  // Printed right after the return value: " (flags O_RDONLY)" (fcntl
  // F_GETFL), "</etc/passwd>" (a returned fd with -y). Usually empty.
  std::string ret_suffix;
  bool returned = true;  // false: the thread never returned (= ?)
  // With returned == false: ttrace detached from the thread while it was
  // in the call (strace's "<detached ...>"), so its end is unknown.
  bool detached = false;
  bool split = false;  // a SyscallEnterEvent was emitted for this call
  // Set by the -e status= filter only (never encoded): strace, holding the
  // call's text until it knows whether to show it, printed another
  // thread's "+++"/"---" line meanwhile, which ended the held text with
  // " <unfinished ...>\n"; the rest follows on a line of its own with no
  // prefix and no "<... resumed>" (see FilterSink).
  bool held_break = false;
  // -e inject: ttrace skipped the call and `ret` is what it made it return
  // (strace's "(INJECTED)").
  bool injected = false;
  // -e inject's poke_enter=/poke_exit=: ttrace wrote into the memory the
  // call's arguments point to (strace's "(INJECTED: args)").
  bool injected_args = false;
  // -e inject's delay_enter=/delay_exit=: ttrace held the thread stopped
  // at the call's entry or after its exit (strace's "(DELAYED)").
  bool delayed = false;
  int64_t dur_ns = 0;  // entry to exit
  // TracerOptions::system_times (strace -c without -w): the system CPU time
  // the thread's process and the children it reaped used between the
  // call's entry and exit, in ns (microsecond resolution); -1: not
  // measured.
  int64_t cpu_ns = -1;
  uint64_t ip = 0;  // as SyscallEnterEvent's
  // strace's -e read=/write=: the hex dump of the data the call read or
  // wrote, lines joined by "\n" (" | 00000  68 69 0a ...  hi. |", and
  // " * 3 bytes in buffer 0" before each buffer of a vector). Usually
  // empty.
  std::string dump;
  // strace's -k: the call stack at entry, one frame per line (no trailing
  // newline), innermost first, e.g.
  // "/usr/lib/x86_64-linux-gnu/libc.so.6(__getpid+0x7) [0xd54e7]". Empty:
  // not recorded.
  std::string stack;
};

using EventPayload =
    std::variant<SpawnEvent, AttachEvent, DetachEvent, CloneEvent, ExecEvent,
                 SignalEvent, StopEvent, ContEvent, ExitEvent,
                 SyscallEnterEvent, SyscallEvent>;

struct Event {
  uint64_t seq = 0;   // 0, 1, 2, ... in emission order
  int64_t ts_ns = 0;  // Unix-epoch nanoseconds, never decreasing
  pid_t pid = 0;      // thread group id
  pid_t tid = 0;      // thread id
  EventPayload payload;
};

// Short lowercase name of the payload kind, as used in JSON's "ev" field:
// spawn, attach, detach, clone, exec, signal, stop, cont, exit,
// syscall_enter, syscall.
const char* EventKindName(const EventPayload& payload);

// "thread", "process" or "vfork".
const char* CloneKindName(CloneKind kind);

}  // namespace ttrace

#endif  // TTRACE_TRACER_EVENT_H_
