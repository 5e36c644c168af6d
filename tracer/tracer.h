// Tracer: the ptrace engine. Starts a command or attaches to processes,
// follows every clone, and emits an Event for each thread-level happening to
// an EventSink. Single-threaded: all ptrace calls happen on the thread that
// calls Spawn/Attach/Run.
//
// Usage:
//   CollectingSink sink;
//   Tracer tracer(TracerOptions{.follow_forks = true}, &sink);
//   absl::Status s = tracer.Spawn({"/bin/sh", "-c", "true"});
//   absl::StatusOr<RunResult> r = tracer.Run();  // until nothing is traced
//   // r->exit_status == 0
#ifndef TTRACE_TRACER_TRACER_H_
#define TTRACE_TRACER_TRACER_H_

#include <linux/filter.h>
#include <sys/types.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "tracer/kernel.h"
#include "tracer/sink.h"
#include "tracer/stack_tracer.h"
#include "tracer/syscall_decoder.h"
#include "tracer/syscall_injector.h"

namespace ttrace {

struct TracerOptions {
  // -f: also follow fork, vfork and clone without CLONE_THREAD. Threads are
  // always followed.
  bool follow_forks = false;
  // Report syscalls (those the decoder's filter traces), resuming threads
  // with PTRACE_SYSCALL. Null: thread events only, resuming with
  // PTRACE_CONT. Not owned.
  SyscallDecoder* syscalls = nullptr;
  // -y/-yy: what a signal's si_fd is shown with (its AppendFdInfo), read
  // while the thread is stopped; `syscalls` or, with -e trace=none, a
  // decoder used for nothing else. Null: nothing. Not owned.
  SyscallDecoder* fd_info = nullptr;
  // -e inject: calls to skip, with the value they return instead. Acts on
  // the calls `syscalls` traces only (as strace's does); the spawned
  // command's own calls before its exec are never touched. Not owned.
  const SyscallInjector* inject = nullptr;
  // A seccomp-bpf program (SECCOMP_RET_TRACE for the traced syscalls) that
  // the spawned command installs before its exec, so that only traced
  // syscalls stop it. Empty: none. Attached processes never get one.
  std::vector<sock_filter> seccomp_program;
  // Read each thread's name (/proc/TID/comm) at its exit, so that exit
  // events carry the name it had then (a thread may rename itself). When
  // false, exit events carry the name inherited at clone or set by exec:
  // cheaper (one file read less per thread) for outputs that never show it.
  bool names_at_exit = true;
  // PTRACE_O_EXITKILL: if ttrace dies, the kernel kills every tracee
  // (strace's --kill-on-exit). Otherwise tracees are detached and go on.
  bool kill_on_exit = false;
  // While ttrace waits, a syscall that has been in progress this long is
  // reported as started (syscall_enter), so long blocking calls show up.
  // Negative: only when another thread's event comes first.
  int64_t announce_after_ns = 5'000'000;
  // Whether that timed report covers calls whose own thread reports events
  // before their exit (clone's "created", execve's exec): clone, clone3,
  // fork, vfork, execve, execveat. The text formatter prints an announced
  // call's line at once and ends it at the exit, like strace; those events
  // would cut it in two only when the call happened to take long.
  bool announce_calls_with_events = true;
  // strace's -i: syscall events carry the instruction pointer at entry
  // (free: PTRACE_GET_SYSCALL_INFO reports it), signal events the one where
  // the signal interrupted the thread (one PTRACE_PEEKUSER per signal).
  bool instruction_pointers = false;
  // strace's -k: syscall events carry the call stack at entry. Not owned.
  StackTracer* stacks = nullptr;
  // strace's -b execve: detach from a process at its exec (after the exec
  // event; its execve shows as detached), except the spawned command's own
  // exec. It runs on untraced, with its future children.
  bool detach_on_exec = false;
  // strace -c's time (without -w): syscall events carry cpu_ns, the system
  // CPU time the process (with the children it reaped) used between the
  // call's entry and exit stops, from each stop's wait4 rusage. Costs a
  // getrusage in the kernel per stop.
  bool system_times = false;
  // Warnings about the trace that do not stop it (one line, no "ttrace: "
  // prefix), e.g. an -e inject poke that failed. Unset: dropped.
  std::function<void(const std::string&)> warn;
};

struct RunResult {
  // For a spawned command: its exit code, or 128 + N when killed by signal
  // N. After attaching (no spawned command): 0.
  int exit_status = 0;
  // For a spawned command killed by a signal: that signal, else 0.
  int killed_by = 0;
  // True when Run ended by detaching (RequestDetach or an output error)
  // rather than because every traced thread exited.
  bool detached = false;
};

// How Spawn starts the command, beyond its argv.
struct SpawnOptions {
  // strace's -E: "VAR=VALUE" sets VAR, "VAR" removes it; applied in order
  // to ttrace's own environment, which the command gets otherwise.
  std::vector<std::string> env;
  // strace's -u: the command runs with these ids (set in the child, in
  // this order: supplementary groups, gid, uid, before its exec).
  struct Credentials {
    uid_t uid = 0;
    gid_t gid = 0;
    std::vector<gid_t> groups;
  };
  std::optional<Credentials> user;
  // strace's -D: the calling process becomes the command (it keeps its pid
  // and its parent, e.g. the shell, which then waits for the command
  // itself) and Spawn returns in a new grandchild process, which traces
  // it. kProcessGroup and kSession also put that tracer in a new process
  // group or session (-DD, -DDD), out of reach of the terminal's signals.
  enum class Daemonize { kNo, kGrandchild, kProcessGroup, kSession };
  Daemonize daemonize = Daemonize::kNo;
};

class Tracer {
 public:
  Tracer(TracerOptions options, EventSink* sink);
  // For tests: every system call on traced threads goes through `kernel`
  // (not owned), e.g. a scripted fake.
  Tracer(TracerOptions options, EventSink* sink, Kernel* kernel);
  ~Tracer();
  Tracer(const Tracer&) = delete;
  Tracer& operator=(const Tracer&) = delete;

  // Fork-execs argv[0] (looked up in PATH as execvp does) under trace; no
  // event of the command is missed: tracing starts before its exec.
  // Errors: NotFound (no such command), PermissionDenied (not executable,
  // or a directory), Internal (fork/ptrace failed). An exec that fails in
  // the child after all (rare: the checks above pass) makes Run return the
  // same kinds of error, with no event emitted for the command.
  // A failure to take on `options.user`'s ids is reported by Run as
  // PermissionDenied. With `options.daemonize`, Spawn returns (success or
  // error) in a new process, never in the caller: see SpawnOptions.
  // Precondition: called at most once, before Run.
  absl::Status Spawn(const std::vector<std::string>& argv,
                     const SpawnOptions& options = {});

  // Attaches (PTRACE_SEIZE) to every thread of the process containing
  // `pid`, including threads created while attaching. The process is not
  // stopped or otherwise disturbed.
  // Errors: NotFound (no such process), PermissionDenied (ptrace refused),
  // InvalidArgument (pid <= 0 or ttrace itself).
  absl::Status Attach(pid_t pid);

  // Runs the event loop until no traced thread remains, either because all
  // exited or because a detach was requested and done.
  absl::StatusOr<RunResult> Run();

  // True while some syscall has started and is neither finished nor
  // reported as started: the owner should keep waking Run (see
  // set_on_interrupt) until it is.
  bool HasUnreportedSyscalls() const;

  // Called when a syscall starts and none was pending: the owner arms its
  // wake-up timer. Must be cheap: it runs on the hot path.
  void set_on_syscall_pending(std::function<void()> f);

  // The spawned command's pid (0 if none).
  pid_t spawned_pid() const;

  // Async-signal-safe. Makes Run call the on_interrupt callback soon.
  void Wake();

  // Async-signal-safe. Asks Run to detach from every thread (re-injecting
  // any pending signal, leaving stopped processes stopped) and return.
  void RequestDetach();

  // Called on the Run thread after Wake() (e.g. from a timer's signal
  // handler): flush output, decide to detach. The wait is interrupted by any
  // signal whose handler was installed without SA_RESTART.
  void set_on_interrupt(std::function<void()> f);

 private:
  class Impl;
  std::unique_ptr<Kernel> owned_kernel_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ttrace

#endif  // TTRACE_TRACER_TRACER_H_
