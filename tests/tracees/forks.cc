// forks: fork, vfork and process trees (trace with -f to see the children).
//
//   fork N          forks N children (all alive at once); child i exits i;
//                   releases and reaps them in order; exits 60.
//   vfork           vfork, the child _exit(7)s; exits 61.
//   vfork_exec      vfork, the child execs /bin/true; exits 62.
//   fork_tree DEPTH each process forks one child, DEPTH levels deep; the
//                   deepest exits 0 and every parent exits child's code + 1
//                   (so the top exits DEPTH).
#include <sys/wait.h>

#include <string>

#include "tests/tracees/tracee_util.h"

namespace {

using tracee::Die;

int WaitExitCode(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) Die("waitpid");
  if (!WIFEXITED(status)) {
    std::fprintf(stderr, "child %d: status %#x\n", pid, status);
    _exit(tracee::kFailCode);
  }
  return WEXITSTATUS(status);
}

// ---- fork N ----
// Expect: N process clones; child i exited with i, each followed by a
// SIGCHLD delivery stop in the parent; exited with 60. All children live at
// once, but are released and reaped one at a time (each blocks reading its
// own pipe), so that no SIGCHLD merges with another.
int Fork(int n) {
  std::vector<pid_t> kids;
  std::vector<int> release;  // write ends
  for (int i = 0; i < n; ++i) {
    int fds[2];
    if (pipe(fds) != 0) Die("pipe");
    pid_t pid = fork();
    if (pid < 0) Die("fork");
    if (pid == 0) {
      char c;
      close(fds[1]);
      for (int fd : release) close(fd);
      while (read(fds[0], &c, 1) < 0 && errno == EINTR) {
      }
      _exit(i);
    }
    close(fds[0]);
    kids.push_back(pid);
    release.push_back(fds[1]);
  }
  for (int i = 0; i < n; ++i) {
    close(release[static_cast<size_t>(i)]);  // EOF releases child i
    if (WaitExitCode(kids[static_cast<size_t>(i)]) != i) {
      return tracee::kFailCode;
    }
  }
  return 60;
}

// ---- vfork ----
// Expect: one vfork clone; the child exited with 7, then a SIGCHLD delivery
// stop in the parent; exited with 61.
int Vfork() {
  pid_t pid = vfork();
  if (pid < 0) Die("vfork");
  if (pid == 0) _exit(7);
  return WaitExitCode(pid) == 7 ? 61 : tracee::kFailCode;
}

// ---- vfork_exec ----
// Expect: one vfork clone; the child execs /bin/true and exits 0, then a
// SIGCHLD delivery stop in the parent; exited 62.
int VforkExec() {
  pid_t pid = vfork();
  if (pid < 0) Die("vfork");
  if (pid == 0) {
    char* const argv[] = {const_cast<char*>("true"), nullptr};
    execv("/bin/true", argv);
    _exit(127);
  }
  return WaitExitCode(pid) == 0 ? 62 : tracee::kFailCode;
}

// ---- fork_tree DEPTH ----
// Expect: a chain of DEPTH process clones; the process at level d (top = 0)
// gets a SIGCHLD delivery stop for its child, then exits DEPTH - d.
int ForkTree(int depth) {
  if (depth == 0) return 0;
  pid_t pid = fork();
  if (pid < 0) Die("fork");
  if (pid == 0) _exit(ForkTree(depth - 1));
  return WaitExitCode(pid) + 1;
}

}  // namespace

int main(int argc, char** argv) {
  const char* usage = "forks {fork N | vfork | vfork_exec | fork_tree DEPTH}";
  if (argc < 2) tracee::Usage(usage);
  std::string s = argv[1];
  if (s == "fork") return Fork(tracee::IntArg(argc, argv, 2, 3));
  if (s == "vfork") return Vfork();
  if (s == "vfork_exec") return VforkExec();
  if (s == "fork_tree") return ForkTree(tracee::IntArg(argc, argv, 2, 3));
  tracee::Usage(usage);
}
