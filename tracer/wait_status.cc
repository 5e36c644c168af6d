#include "tracer/wait_status.h"

#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

namespace ttrace {

StopInfo ClassifyWaitStatus(int status) {
  StopInfo s;
  s.raw = status;
  if (WIFEXITED(status)) {
    s.kind = StopKind::kExited;
    s.code = WEXITSTATUS(status);
    return s;
  }
  if (WIFSIGNALED(status)) {
    s.kind = StopKind::kKilled;
    s.signo = WTERMSIG(status);
    s.core = WCOREDUMP(status);
    return s;
  }
  if (!WIFSTOPPED(status)) return s;  // kUnknown

  const int sig = WSTOPSIG(status);
  const int event = (status >> 16) & 0xff;
  s.signo = sig;
  if (sig == (SIGTRAP | 0x80) && event == 0) {
    s.kind = StopKind::kSyscallStop;
    s.signo = 0;
    return s;
  }
  switch (event) {
    case 0:
      s.kind = StopKind::kSignalDelivery;
      return s;
    case PTRACE_EVENT_STOP:
      // Under PTRACE_SEIZE a group-stop reports the stopping signal; every
      // other PTRACE_EVENT_STOP reports SIGTRAP (kernel: do_jobctl_trap).
      s.kind =
          (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU)
              ? StopKind::kGroupStop
              : StopKind::kTrapStop;
      if (s.kind == StopKind::kTrapStop) s.signo = 0;
      return s;
    case PTRACE_EVENT_CLONE:
      s.kind = StopKind::kCloneEvent;
      break;
    case PTRACE_EVENT_FORK:
      s.kind = StopKind::kForkEvent;
      break;
    case PTRACE_EVENT_VFORK:
      s.kind = StopKind::kVforkEvent;
      break;
    case PTRACE_EVENT_VFORK_DONE:
      s.kind = StopKind::kVforkDoneEvent;
      break;
    case PTRACE_EVENT_EXEC:
      s.kind = StopKind::kExecEvent;
      break;
    case PTRACE_EVENT_EXIT:
      s.kind = StopKind::kExitEvent;
      break;
    case PTRACE_EVENT_SECCOMP:
      s.kind = StopKind::kSeccompEvent;
      break;
    default:
      s.kind = StopKind::kUnknown;
      return s;
  }
  s.signo = 0;  // event stops carry SIGTRAP, which is not a signal to deliver
  return s;
}

const char* StopKindName(StopKind kind) {
  switch (kind) {
    case StopKind::kExited:
      return "exited";
    case StopKind::kKilled:
      return "killed";
    case StopKind::kSignalDelivery:
      return "signal-delivery";
    case StopKind::kGroupStop:
      return "group-stop";
    case StopKind::kTrapStop:
      return "trap-stop";
    case StopKind::kCloneEvent:
      return "clone-event";
    case StopKind::kForkEvent:
      return "fork-event";
    case StopKind::kVforkEvent:
      return "vfork-event";
    case StopKind::kVforkDoneEvent:
      return "vfork-done-event";
    case StopKind::kExecEvent:
      return "exec-event";
    case StopKind::kExitEvent:
      return "exit-event";
    case StopKind::kSeccompEvent:
      return "seccomp-event";
    case StopKind::kSyscallStop:
      return "syscall-stop";
    case StopKind::kUnknown:
      return "unknown";
  }
  return "?";
}

int MakeExitedStatus(int code) { return (code & 0xff) << 8; }
int MakeKilledStatus(int signo, bool core) {
  return (signo & 0x7f) | (core ? 0x80 : 0);
}
int MakeSignalStopStatus(int signo) { return ((signo & 0xff) << 8) | 0x7f; }
int MakeEventStopStatus(int ptrace_event, int signo) {
  return (ptrace_event << 16) | ((signo & 0xff) << 8) | 0x7f;
}
int MakeSyscallStopStatus() { return ((SIGTRAP | 0x80) << 8) | 0x7f; }

}  // namespace ttrace
