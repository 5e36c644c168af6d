// execs: execve from leader and non-leader threads, exec chains.
//
//   exit CODE               just exits CODE (exec target for the others).
//   exec_leader PATH ARG... 2 parked threads, then the leader execs PATH
//                           with argv ARG... (argv[0] included).
//   exec_nonleader N        N parked threads plus one more thread that execs
//                           this binary with "exit 42".
//   exec_chain DEPTH        execs itself with DEPTH-1, DEPTH times; exits 0.
//   fork_exec_chain DEPTH   forks a child that execs this binary with
//                           DEPTH-1, waits for it, exits with its code + 1
//                           (so the top exits DEPTH); DEPTH 0 exits 0.
//   identity CODE MS        prints "pid ppid tracer tracer_pgid
//                           tracer_sid" (tracer: TracerPid, 0 if none),
//                           sleeps MS milliseconds, exits CODE.
#include <sys/wait.h>
#include <time.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "tests/tracees/tracee_util.h"

namespace {

using tracee::Die;

[[noreturn]] void ExecSelf(const std::vector<std::string>& args) {
  std::string self = tracee::SelfExe();
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(self.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(self.c_str(), argv.data());
  Die("execv self");
}

// ---- exec_leader PATH ARG... ----
// Expect: 2 thread clones; the exec (by the leader, so no pid change) kills
// both workers, yet strace reports them "exited with 0" (not killed: an
// exec's de_thread gives the killed threads exit code 0); then whatever PATH
// reports (e.g. /bin/true: exited with 0) under the leader's pid.
[[noreturn]] void ExecLeader(int argc, char** argv) {
  if (argc < 4) tracee::Usage("execs exec_leader PATH ARGV0 [ARG...]");
  static tracee::ParkedThreads parked;
  parked.Start(2);
  execv(argv[2], argv + 3);
  Die("execv");
}

// ---- exec_nonleader N ----
// Expect: N+1 thread clones; the last thread execs. The N parked workers are
// reported "exited with 0"; then the old leader "superseded by execve in pid
// <exec'ing tid>"; the exec'ing thread takes over the leader's tid and never
// gets an exit report under its old tid; finally the new image "exited with
// 42" under the leader's pid (so the leader's pid has two final lines).
[[noreturn]] void ExecNonLeader(int n) {
  static tracee::ParkedThreads parked;
  parked.Start(n);
  pthread_t t;
  if (pthread_create(
          &t, nullptr,
          [](void*) -> void* {
            ExecSelf({"exit", "42"});
          },
          nullptr) != 0) {
    Die("pthread_create");
  }
  static std::atomic<int> never{0};
  tracee::FutexWait(&never, 0);  // the exec takes this thread away
  Die("exec_nonleader: exec did not happen");
}

// ---- exec_chain DEPTH ----
// Expect: DEPTH successful execs of the same pid, then exited with 0.
[[noreturn]] void ExecChain(int depth) {
  if (depth == 0) _exit(0);
  ExecSelf({"exec_chain", std::to_string(depth - 1)});
}

// ---- fork_exec_chain DEPTH ----
// Expect (with -f): DEPTH processes in a chain, each forked (then exec'd) by
// the previous one; the deepest exits 0 and each parent, after a SIGCHLD
// delivery stop, exits child+1.
int ForkExecChain(int depth) {
  if (depth == 0) return 0;
  pid_t pid = fork();
  if (pid < 0) Die("fork");
  if (pid == 0) ExecSelf({"fork_exec_chain", std::to_string(depth - 1)});
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) Die("waitpid");
  if (!WIFEXITED(status)) {
    std::fprintf(stderr, "fork_exec_chain: child status %#x\n", status);
    return tracee::kFailCode;
  }
  return WEXITSTATUS(status) + 1;
}

// ---- identity CODE MS ----
// Who runs this process: for ttrace -D, which keeps the command in the
// caller's process (pid, parent) and traces it from a grandchild.
int Identity(int code, int ms) {
  pid_t tracer = 0;
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("TracerPid:", 0) == 0) tracer = std::stoi(line.substr(10));
  }
  std::printf("%d %d %d %d %d\n", getpid(), getppid(), tracer,
              tracer > 0 ? getpgid(tracer) : 0,
              tracer > 0 ? getsid(tracer) : 0);
  std::fflush(stdout);
  timespec left{ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&left, &left) != 0) {
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  const char* usage =
      "execs {exit CODE | exec_leader PATH ARGV0 [ARG...] | exec_nonleader N "
      "| exec_chain DEPTH | fork_exec_chain DEPTH | identity CODE MS}";
  if (argc < 2) tracee::Usage(usage);
  std::string s = argv[1];
  if (s == "exit") return tracee::IntArg(argc, argv, 2, 0);
  if (s == "exec_leader") ExecLeader(argc, argv);
  if (s == "exec_nonleader") ExecNonLeader(tracee::IntArg(argc, argv, 2, 2));
  if (s == "exec_chain") ExecChain(tracee::IntArg(argc, argv, 2, 3));
  if (s == "fork_exec_chain") {
    return ForkExecChain(tracee::IntArg(argc, argv, 2, 3));
  }
  if (s == "identity") {
    return Identity(tracee::IntArg(argc, argv, 2, 0),
                    tracee::IntArg(argc, argv, 3, 0));
  }
  tracee::Usage(usage);
}
