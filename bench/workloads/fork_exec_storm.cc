// fork_exec_storm N: N times fork, exec /bin/true in the child, and wait for
// it (default N = 500). Exits 1 if a child fails.
//
// A tracer following forks reports N created processes, N execs of
// /bin/true (plus the workload's own) and N exits; the kernel also sends
// the parent one SIGCHLD per child, delivered before the next fork (so a
// tracer reports N SIGCHLD, which "signals" does not count).
// Prints "did: forks=N ..." on stderr.
#include <sys/wait.h>
#include <unistd.h>

#include "bench/workloads/workload_util.h"

int main(int argc, char** argv) {
  const long n = workload::Arg(argc, argv, 1, 500);
  for (long i = 0; i < n; ++i) {
    const pid_t pid = fork();
    if (pid < 0) workload::Die("fork");
    if (pid == 0) {
      execl("/bin/true", "true", static_cast<char*>(nullptr));
      _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
      if (errno != EINTR) workload::Die("waitpid");
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::fprintf(stderr, "fork_exec_storm: child %ld failed: status %#x\n", i,
                   status);
      return workload::kFailCode;
    }
  }
  workload::Did did;
  did.forks = n;
  did.Print();
  return 0;
}
