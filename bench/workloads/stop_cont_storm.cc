// stop_cont_storm N: the parent stops and continues a child N times
// (default N = 2000): kill(SIGSTOP), waitpid(WUNTRACED) until it is
// stopped, kill(SIGCONT), waitpid(WCONTINUED), then waits for the child's
// SIGCONT handler to acknowledge on a pipe (so that SIGCONT was delivered
// before the next SIGSTOP, which would otherwise discard it).
//
// A tracer following forks reports, for the child, N SIGSTOP deliveries, N
// group-stops, N continues and N SIGCONT deliveries; the parent also gets
// SIGCHLDs for the stops, continues and exit (standard signals: some may be
// merged, so "signals" does not count them). Exits 1 on any surprise.
// Prints "did: signals=2N forks=1 stops=N ..." on stderr.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/workloads/workload_util.h"

namespace {

int g_ack_fd = -1;

void OnCont(int) {
  const int saved = errno;
  if (write(g_ack_fd, "c", 1) != 1) _exit(workload::kFailCode);
  errno = saved;
}

void WaitFor(pid_t pid, int options, bool (*want)(int), const char* what) {
  int status = 0;
  for (;;) {
    if (waitpid(pid, &status, options) < 0) {
      if (errno == EINTR) continue;
      workload::Die("waitpid");
    }
    if (want(status)) return;
    std::fprintf(stderr, "stop_cont_storm: waiting for %s, got %#x\n", what,
                 status);
    _exit(workload::kFailCode);
  }
}

bool IsStopped(int s) { return WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP; }
bool IsContinued(int s) { return WIFCONTINUED(s); }
bool IsExited0(int s) { return WIFEXITED(s) && WEXITSTATUS(s) == 0; }

}  // namespace

int main(int argc, char** argv) {
  const long n = workload::Arg(argc, argv, 1, 2000);
  int cmd[2], ack[2];
  if (pipe2(cmd, O_CLOEXEC) != 0 || pipe2(ack, O_CLOEXEC) != 0) {
    workload::Die("pipe");
  }
  const pid_t child = fork();
  if (child < 0) workload::Die("fork");
  if (child == 0) {
    close(cmd[1]);
    close(ack[0]);
    g_ack_fd = ack[1];
    struct sigaction sa {};
    sa.sa_handler = OnCont;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGCONT, &sa, nullptr) != 0) workload::Die("sigaction");
    // Tells the parent the handler is installed.
    if (write(ack[1], "r", 1) != 1) workload::Die("write");
    char c;
    ssize_t r;
    while ((r = read(cmd[0], &c, 1)) != 0) {
      if (r < 0 && errno != EINTR) workload::Die("read");
    }
    _exit(0);  // the parent closed the command pipe
  }
  close(cmd[0]);
  close(ack[1]);
  char c;
  if (read(ack[0], &c, 1) != 1 || c != 'r') workload::Die("child not ready");
  for (long i = 0; i < n; ++i) {
    if (kill(child, SIGSTOP) != 0) workload::Die("kill SIGSTOP");
    WaitFor(child, WUNTRACED, IsStopped, "a stop");
    if (kill(child, SIGCONT) != 0) workload::Die("kill SIGCONT");
    WaitFor(child, WCONTINUED, IsContinued, "a continue");
    ssize_t r;
    while ((r = read(ack[0], &c, 1)) < 0 && errno == EINTR) {
    }
    if (r != 1 || c != 'c') workload::Die("no SIGCONT acknowledgement");
  }
  close(cmd[1]);
  WaitFor(child, 0, IsExited0, "the child's exit");
  workload::Did did;
  did.signals = 2 * n;
  did.forks = 1;
  did.stops = n;
  did.Print();
  return 0;
}
