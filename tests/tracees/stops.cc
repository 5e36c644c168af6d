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
//                      WUNTRACED / WCONTINUED to see the change (and for the
//                      child's SIGCONT handler to acknowledge on a pipe);
//                      then kills it with SIGTERM; exits 52.
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

// ---- stop_self ----
// Expect: delivery stop for SIGSTOP (SI_TKILL), a group-stop ("stopped by
// SIGSTOP"); after SIGCONT a delivery stop for SIGCONT; exited with 50.
int StopSelf() {
  raise(SIGSTOP);
  return 50;
}

// ---- tstp ----
// Expect: as stop_self with SIGTSTP; exited with 51.
int Tstp(bool keep_pgrp) {
  if (!keep_pgrp) setpgid(0, 0);  // fails harmlessly if a session leader
  raise(SIGTSTP);
  return 51;
}

// ---- threads_stop N ----
// Expect: N thread clones; one delivery stop for SIGSTOP (leader), then one
// group-stop per thread (N+1 "stopped by SIGSTOP"); SIGCONT is reported as a
// delivery stop on the leader only (nothing for the resumed workers); all N
// workers exit 0; exited with 53.
int ThreadsStop(int n) {
  // The workers inherit SIGCONT blocked, so the (process-directed) SIGCONT
  // is always delivered to the leader. Blocking does not prevent the
  // continue action, which happens when SIGCONT is sent.
  sigset_t cont;
  sigemptyset(&cont);
  sigaddset(&cont, SIGCONT);
  pthread_sigmask(SIG_BLOCK, &cont, nullptr);
  tracee::ParkedThreads parked;
  parked.Start(n);
  pthread_sigmask(SIG_UNBLOCK, &cont, nullptr);
  raise(SIGSTOP);
  parked.Release();
  return 53;
}

// ---- child_stop_cont K ----
// Expect (with -f): one process clone; per round: in the child a delivery
// stop for SIGSTOP and a group-stop, in the parent a SIGCHLD (CLD_STOPPED)
// delivery stop; then in the child a delivery stop for SIGCONT and in the
// parent a SIGCHLD (CLD_CONTINUED); finally a SIGTERM delivery stop in the
// child, killed by SIGTERM, SIGCHLD (CLD_KILLED) in the parent; exited 52.
// The parent's waitpid(WUNTRACED/WCONTINUED) still works while a tracer
// holds the child.
// The child's SIGCONT handler acknowledges on a pipe, and the parent waits
// for it before the next signal: otherwise a SIGCONT still pending when the
// next SIGSTOP is sent is discarded by the kernel (or, pending together
// with SIGTERM, never dequeued), and its delivery stop does not happen.
int g_cont_ack_fd = -1;

int ChildStopCont(int rounds) {
  int ack[2];
  if (pipe(ack) != 0) Die("pipe");
  // Installed before the fork: the first SIGCONT may come before the child
  // runs at all. (The parent never receives SIGCONT.)
  g_cont_ack_fd = ack[1];
  struct sigaction sa {};
  sa.sa_handler = [](int) {
    char c = 'c';
    (void)!write(g_cont_ack_fd, &c, 1);
  };
  sigemptyset(&sa.sa_mask);
  if (sigaction(SIGCONT, &sa, nullptr) != 0) Die("sigaction");
  pid_t pid = fork();
  if (pid < 0) Die("fork");
  if (pid == 0) {
    close(ack[0]);
    for (;;) pause();
  }
  close(ack[1]);
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
    char c;
    ssize_t r;
    while ((r = read(ack[0], &c, 1)) < 0 && errno == EINTR) {
    }
    if (r != 1) Fail("no SIGCONT acknowledgement", status);
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
