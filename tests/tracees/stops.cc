// stops: group-stops and continuation.
//
// The scenarios that stop themselves stay stopped until someone sends them
// SIGCONT (the test does, once it has seen the stop event).
//
//   stop_self          raise(SIGSTOP); after SIGCONT exits 50.
//   tstp [keep_pgrp]   setpgid(0, 0) then raise(SIGTSTP) with the default
//                      action; after SIGCONT exits 51. The setpgid makes the
//                      process group non-orphaned (its parent, the tracer, is
//                      in another group of the same session): the kernel
//                      silently discards SIGTSTP/SIGTTIN/SIGTTOU sent to an
//                      orphaned group. "keep_pgrp" skips it (then the
//                      outcome depends on the caller's process groups).
//   threads_stop N     N parked threads, then raise(SIGSTOP); after SIGCONT
//                      the threads are released and joined; exits 53.
//   child_stop_cont K  forks a child that pause()s; K times (default 3) sends
//                      it SIGSTOP and SIGCONT, each time waiting with
//                      WUNTRACED / WCONTINUED to see the change; then kills it
//                      with SIGTERM; exits 52.
#include <signal.h>
#include <sys/wait.h>

#include <string>

#include "tests/tracees/tracee_util.h"

namespace {

using tracee::Die;

[[noreturn]] void Fail(const char* what, int status) {
  std::fprintf(stderr, "child_stop_cont: %s, status %#x\n", what, status);
  _exit(tracee::kFailCode);
}

// ---- stop_self -----------------------------------------------------------
// Expect: delivery stop for SIGSTOP (SI_TKILL), a group-stop ("stopped by
// SIGSTOP"); after SIGCONT a delivery stop for SIGCONT; exited with 50.
int StopSelf() {
  raise(SIGSTOP);
  return 50;
}

// ---- tstp ----------------------------------------------------------------
// Expect: as stop_self with SIGTSTP; exited with 51.
int Tstp(bool keep_pgrp) {
  if (!keep_pgrp) setpgid(0, 0);  // fails harmlessly if a session leader
  raise(SIGTSTP);
  return 51;
}

// ---- threads_stop N --------------------------------------------------------
// Expect: N thread clones; one delivery stop for SIGSTOP (leader), then one
// group-stop per thread (N+1 "stopped by SIGSTOP"); SIGCONT is reported as a
// delivery stop on one thread only; all N workers exit 0; exited with 53.
int ThreadsStop(int n) {
  tracee::ParkedThreads parked;
  parked.Start(n);
  raise(SIGSTOP);
  parked.Release();
  return 53;
}

// ---- child_stop_cont K -----------------------------------------------------
// Expect (with -f): one process clone; per round, for the child: a delivery
// stop for SIGSTOP, a group-stop, a delivery stop for SIGCONT; the parent's
// waitpid still sees the stop and the continue despite ptrace; finally the
// child is killed by SIGTERM (delivery stop first); the parent exits 52.
int ChildStopCont(int rounds) {
  pid_t pid = fork();
  if (pid < 0) Die("fork");
  if (pid == 0) {
    for (;;) pause();
  }
  int status = 0;
  for (int i = 0; i < rounds; ++i) {
    if (kill(pid, SIGSTOP) != 0) Die("kill SIGSTOP");
    if (waitpid(pid, &status, WUNTRACED) != pid) Die("waitpid");
    if (!WIFSTOPPED(status) || WSTOPSIG(status) != SIGSTOP) {
      Fail("not stopped", status);
    }
    if (kill(pid, SIGCONT) != 0) Die("kill SIGCONT");
    if (waitpid(pid, &status, WCONTINUED) != pid) Die("waitpid");
    if (!WIFCONTINUED(status)) Fail("not continued", status);
  }
  if (kill(pid, SIGTERM) != 0) Die("kill SIGTERM");
  if (waitpid(pid, &status, 0) != pid) Die("waitpid");
  if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGTERM) {
    Fail("not killed by SIGTERM", status);
  }
  return 52;
}

}  // namespace

int main(int argc, char** argv) {
  const char* usage =
      "stops {stop_self | tstp [keep_pgrp] | threads_stop N | "
      "child_stop_cont [K]}";
  if (argc < 2) tracee::Usage(usage);
  std::string s = argv[1];
  if (s == "stop_self") return StopSelf();
  if (s == "tstp") {
    return Tstp(argc > 2 && std::string(argv[2]) == "keep_pgrp");
  }
  if (s == "threads_stop") return ThreadsStop(tracee::IntArg(argc, argv, 2, 2));
  if (s == "child_stop_cont") {
    return ChildStopCont(tracee::IntArg(argc, argv, 2, 3));
  }
  tracee::Usage(usage);
}
