#include "bench/floors/floor.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

namespace ttrace_bench {
namespace {

struct Counts {
  long stops = 0;
  long syscall = 0;
  long clone = 0;
  long fork = 0;
  long vfork = 0;
  long exec = 0;
  long exit = 0;  // PTRACE_EVENT_EXIT
  long signal = 0;
  long group_stop = 0;
  long trap = 0;  // PTRACE_EVENT_STOP with SIGTRAP: first stops, wake-ups
  long other = 0;
};

bool IsStopSignal(int sig) {
  return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

// --read-comm: what ttrace does to name threads in exit events.
void ReadComm(pid_t tid) {
  char path[64], buf[64];
  snprintf(path, sizeof(path), "/proc/%d/comm", tid);
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  while (read(fd, buf, sizeof(buf)) > 0) {
  }
  close(fd);
}

[[noreturn]] void Fail(const char* name, const char* what) {
  std::fprintf(stderr, "%s: %s: %s\n", name, what, strerror(errno));
  _exit(1);
}

}  // namespace

int RunFloor(Mode mode, char** argv, const char* name) {
  bool read_comm = false;
  if (argv[0] != nullptr && strcmp(argv[0], "--read-comm") == 0) {
    read_comm = true;
    ++argv;
  }
  if (argv[0] == nullptr) {
    std::fprintf(stderr, "usage: %s COMMAND [ARG...]\n", name);
    return 2;
  }
  int go[2];
  if (pipe2(go, O_CLOEXEC) != 0) Fail(name, "pipe");
  const pid_t child = fork();
  if (child < 0) Fail(name, "fork");
  if (child == 0) {
    close(go[1]);
    char c;
    while (read(go[0], &c, 1) < 0 && errno == EINTR) {
    }
    execvp(argv[0], argv);
    std::fprintf(stderr, "%s: exec %s: %s\n", name, argv[0], strerror(errno));
    _exit(127);
  }
  close(go[0]);
  const long options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACECLONE |
                       PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |
                       PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;
  if (ptrace(PTRACE_SEIZE, child, nullptr, options) != 0) Fail(name, "seize");
  if (ptrace(PTRACE_INTERRUPT, child, nullptr, nullptr) != 0) {
    Fail(name, "interrupt");
  }
  // Let the child exec; its first stop (the interrupt) comes through the
  // loop below like any other trap stop.
  close(go[1]);

  const __ptrace_request resume =
      mode == Mode::kSyscall ? PTRACE_SYSCALL : PTRACE_CONT;
  Counts n;
  int exit_status = 0;
  __ptrace_syscall_info info;
  siginfo_t si;
  unsigned long msg;
  for (;;) {
    int status;
    const pid_t tid = waitpid(-1, &status, __WALL);
    if (tid < 0) {
      if (errno == EINTR) continue;
      if (errno == ECHILD) break;
      Fail(name, "waitpid");
    }
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
      if (tid == child) {
        exit_status =
            WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      continue;
    }
    if (!WIFSTOPPED(status)) continue;
    ++n.stops;
    const int sig = WSTOPSIG(status);
    const int event = status >> 16;
    int inject = 0;
    if (sig == (SIGTRAP | 0x80)) {
      ++n.syscall;
      ptrace(PTRACE_GET_SYSCALL_INFO, tid, sizeof(info), &info);
    } else if (event == PTRACE_EVENT_STOP) {
      if (IsStopSignal(sig)) {
        ++n.group_stop;
        ptrace(PTRACE_LISTEN, tid, nullptr, nullptr);
        continue;
      }
      ++n.trap;
    } else if (event != 0) {
      switch (event) {
        case PTRACE_EVENT_CLONE:
          ++n.clone;
          ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &msg);
          break;
        case PTRACE_EVENT_FORK:
          ++n.fork;
          ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &msg);
          break;
        case PTRACE_EVENT_VFORK:
          ++n.vfork;
          ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &msg);
          break;
        case PTRACE_EVENT_EXEC:
          ++n.exec;
          ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &msg);
          if (read_comm) ReadComm(tid);
          break;
        case PTRACE_EVENT_EXIT:
          ++n.exit;
          if (read_comm) ReadComm(tid);
          break;
        default:
          ++n.other;
          break;
      }
    } else {
      // Signal-delivery-stop: deliver the signal exactly once.
      ++n.signal;
      ptrace(PTRACE_GETSIGINFO, tid, nullptr, &si);
      inject = sig;
    }
    // ESRCH (the thread died meanwhile) is fine: its exit status follows.
    ptrace(resume, tid, nullptr, inject);
  }
  std::fprintf(stderr,
               "%s: stops=%ld syscall=%ld clone=%ld fork=%ld vfork=%ld "
               "exec=%ld exit=%ld signal=%ld group_stop=%ld trap=%ld\n",
               name, n.stops, n.syscall, n.clone, n.fork, n.vfork, n.exec,
               n.exit, n.signal, n.group_stop, n.trap);
  return exit_status;
}

}  // namespace ttrace_bench
