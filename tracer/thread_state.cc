#include "tracer/thread_state.h"

namespace ttrace {

Transition Step(ThreadState state, const StopInfo& stop, bool detaching) {
  Transition t;
  switch (stop.kind) {
    case StopKind::kExited:
    case StopKind::kKilled:
      return {ThreadState::kGone, Action::kNone, 0, Report::kExit};
    default:
      break;
  }

  // What the stop means, independent of how we resume.
  switch (stop.kind) {
    case StopKind::kSignalDelivery:
      t.report = Report::kSignal;
      t.signo = stop.signo;  // re-inject: the tracee must not lose it
      break;
    case StopKind::kGroupStop:
      // A LISTENing thread can re-trap while its group is still stopped
      // (e.g. a second SIGSTOP): that is not a new stop.
      t.report = state == ThreadState::kGroupStopped ? Report::kNothing
                                                     : Report::kStop;
      break;
    case StopKind::kTrapStop:
      // For a LISTENing thread this trap means the group was resumed
      // (SIGCONT); otherwise it is a first stop or our PTRACE_INTERRUPT.
      t.report = state == ThreadState::kGroupStopped ? Report::kCont
                                                     : Report::kNothing;
      break;
    case StopKind::kCloneEvent:
    case StopKind::kForkEvent:
    case StopKind::kVforkEvent:
      t.report = Report::kClone;
      break;
    case StopKind::kExecEvent:
      t.report = Report::kExec;
      break;
    case StopKind::kExitEvent:
      t.report = Report::kExitPrepare;
      break;
    default:
      break;
  }

  if (detaching) {
    t.action = Action::kDetach;
    t.next = ThreadState::kGone;
    // PTRACE_DETACH from an exit stop still lets the thread die; from a
    // group-stop the kernel puts it back into the group-stop.
    return t;
  }

  switch (stop.kind) {
    case StopKind::kGroupStop:
      t.action = Action::kListen;
      t.next = ThreadState::kGroupStopped;
      break;
    case StopKind::kExitEvent:
      t.action = Action::kResume;
      t.next = ThreadState::kExiting;
      break;
    default:
      t.action = Action::kResume;
      t.next = state == ThreadState::kExiting ? ThreadState::kExiting
                                              : ThreadState::kRunning;
      break;
  }
  return t;
}

const char* ThreadStateName(ThreadState state) {
  switch (state) {
    case ThreadState::kFirstStopPending:
      return "first-stop-pending";
    case ThreadState::kRunning:
      return "running";
    case ThreadState::kGroupStopped:
      return "group-stopped";
    case ThreadState::kExiting:
      return "exiting";
    case ThreadState::kGone:
      return "gone";
  }
  return "?";
}

}  // namespace ttrace
