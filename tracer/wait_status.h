// Pure classification of what waitpid(-1, &status, __WALL) reported for a
// traced thread. No system calls: tests build any stop from its raw status
// with the Make* factories below.
//
// Usage:
//   StopInfo stop = ClassifyWaitStatus(status);
//   switch (stop.kind) { case StopKind::kGroupStop: ... }
#ifndef TTRACE_TRACER_WAIT_STATUS_H_
#define TTRACE_TRACER_WAIT_STATUS_H_

#include <string>

namespace ttrace {

enum class StopKind {
  kExited,          // WIFEXITED: the thread is gone; `code`
  kKilled,          // WIFSIGNALED: the thread is gone; `signo`, `core`
  kSignalDelivery,  // signal-delivery-stop: `signo` is about to be delivered
  kGroupStop,       // PTRACE_EVENT_STOP with a stop signal (SEIZE only)
  kTrapStop,        // PTRACE_EVENT_STOP with SIGTRAP: a new tracee's first
                    // stop, a PTRACE_INTERRUPT, or a LISTENing thread woken
                    // because its group left the group-stop
  kCloneEvent,      // PTRACE_EVENT_CLONE
  kForkEvent,       // PTRACE_EVENT_FORK
  kVforkEvent,      // PTRACE_EVENT_VFORK
  kVforkDoneEvent,  // PTRACE_EVENT_VFORK_DONE
  kExecEvent,       // PTRACE_EVENT_EXEC
  kExitEvent,       // PTRACE_EVENT_EXIT: about to exit, still inspectable
  kSeccompEvent,    // PTRACE_EVENT_SECCOMP
  kSyscallStop,     // SIGTRAP|0x80 with PTRACE_O_TRACESYSGOOD
  kUnknown,         // anything else (e.g. WIFCONTINUED, never with __WALL)
};

struct StopInfo {
  StopKind kind = StopKind::kUnknown;
  int code = 0;   // exit code for kExited
  int signo = 0;  // signal for kKilled, kSignalDelivery, kGroupStop
  bool core = false;
  int raw = 0;  // the status as waitpid returned it
};

StopInfo ClassifyWaitStatus(int status);

// True for a stop in which the thread is stopped and must be resumed (or
// detached); false for kExited/kKilled.
inline bool IsStopped(StopKind k) {
  return k != StopKind::kExited && k != StopKind::kKilled;
}

const char* StopKindName(StopKind kind);

// Factories building raw statuses exactly as the kernel encodes them.
int MakeExitedStatus(int code);
int MakeKilledStatus(int signo, bool core);
int MakeSignalStopStatus(int signo);
int MakeEventStopStatus(int ptrace_event, int signo = 5 /*SIGTRAP*/);
int MakeSyscallStopStatus();

}  // namespace ttrace

#endif  // TTRACE_TRACER_WAIT_STATUS_H_
