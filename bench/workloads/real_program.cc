// real_program N: runs a real shell loop, as a user would trace it
// (default N = 200):
//   /bin/sh -c 'for i in $(seq N); do cat /etc/passwd >/dev/null; done'
// and exits with its status.
//
// With Debian's /bin/sh (dash) that is N + 2 processes created: the shell
// itself (forked here), the $(seq N) subshell, and one per cat; each execs
// once. Prints "did: forks=N+2 ..." on stderr.
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "bench/workloads/workload_util.h"

int main(int argc, char** argv) {
  const long n = workload::Arg(argc, argv, 1, 200);
  const std::string script = "for i in $(seq " + std::to_string(n) +
                             "); do cat /etc/passwd >/dev/null; done";
  const pid_t pid = fork();
  if (pid < 0) workload::Die("fork");
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) workload::Die("waitpid");
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "real_program: sh failed: status %#x\n", status);
    return workload::kFailCode;
  }
  workload::Did did;
  did.forks = n + 2;
  did.Print();
  return 0;
}
