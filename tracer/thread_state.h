// The per-thread state machine, as a pure function: given a thread's state
// and the stop it just reported, decide its next state, how to resume it and
// what to report. The engine (tracer.cc) performs the action and fills in
// the event details; tests drive Step from tables without a kernel.
//
// Usage:
//   Transition t = Step(ThreadState::kRunning, ClassifyWaitStatus(status),
//                       /*detaching=*/false);
//   if (t.action == Action::kResume) ptrace(PTRACE_CONT, tid, 0, t.signo);
#ifndef TTRACE_TRACER_THREAD_STATE_H_
#define TTRACE_TRACER_THREAD_STATE_H_

#include "tracer/wait_status.h"

namespace ttrace {

enum class ThreadState {
  kFirstStopPending,  // auto-attached new thread; its first stop not yet seen
  kRunning,           // resumed; its next stop is awaited
  kGroupStopped,      // in a group-stop, resumed with PTRACE_LISTEN
  kExiting,           // PTRACE_EVENT_EXIT seen; its death status is awaited
  kGone,              // reaped or detached: remove from the table
};

enum class Action {
  kNone,    // nothing to do: the thread is gone
  kResume,  // PTRACE_CONT with `signo` (0: no signal)
  kListen,  // PTRACE_LISTEN: stay in group-stop, keep job control working
  kDetach,  // PTRACE_DETACH with `signo` (a pending signal is re-injected)
};

enum class Report {
  kNothing,
  kExit,         // the thread is gone: an exit event from the stop's status
  kSignal,       // a signal event (the engine reads the siginfo)
  kStop,         // a group-stop event
  kCont,         // the group-stop ended
  kClone,        // a clone event (the engine reads the new tid)
  kExec,         // an exec event (the engine reads the old tid and path)
  kExitPrepare,  // no event yet: remember the thread's name for its exit
};

struct Transition {
  ThreadState next = ThreadState::kRunning;
  Action action = Action::kResume;
  int signo = 0;  // signal to re-inject with kResume/kDetach
  Report report = Report::kNothing;
};

// `detaching`: the whole tracer is detaching; every stop ends in kDetach.
Transition Step(ThreadState state, const StopInfo& stop, bool detaching);

const char* ThreadStateName(ThreadState state);

}  // namespace ttrace

#endif  // TTRACE_TRACER_THREAD_STATE_H_
