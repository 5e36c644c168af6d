// Small helpers shared by the tracee programs (tests/tracees/*.cc): argument
// parsing, error exit, futex waits and a pool of threads parked on a futex.
// Everything is header-only and uses only libc, pthreads and raw syscalls.
//
// Convention: a tracee that hits an unexpected error prints a message to
// stderr and exits with kFailCode (125), which no scenario uses on success.
#ifndef TTRACE_TESTS_TRACEES_TRACEE_UTIL_H_
#define TTRACE_TESTS_TRACEES_TRACEE_UTIL_H_

#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace tracee {

inline constexpr int kFailCode = 125;

[[noreturn]] inline void Die(const char* what) {
  std::fprintf(stderr, "tracee: %s: %s\n", what, std::strerror(errno));
  std::fflush(stderr);
  _exit(kFailCode);
}

[[noreturn]] inline void Usage(const char* usage) {
  std::fprintf(stderr, "usage: %s\n", usage);
  _exit(2);
}

// argv[i] as a non-negative int, or `def` when absent.
inline int IntArg(int argc, char** argv, int i, int def) {
  if (i >= argc) return def;
  char* end = nullptr;
  long v = std::strtol(argv[i], &end, 10);
  if (*argv[i] == '\0' || *end != '\0' || v < 0 || v > INT_MAX) {
    errno = EINVAL;
    Die(argv[i]);
  }
  return static_cast<int>(v);
}

inline pid_t GetTid() { return static_cast<pid_t>(syscall(SYS_gettid)); }

inline int Tgkill(pid_t pid, pid_t tid, int sig) {
  return static_cast<int>(syscall(SYS_tgkill, pid, tid, sig));
}

// Blocks while *word == expected (restarting after signals / group stops).
inline void FutexWait(std::atomic<int>* word, int expected) {
  while (word->load() == expected) {
    syscall(SYS_futex, reinterpret_cast<int*>(word), FUTEX_WAIT, expected,
            nullptr, nullptr, 0);
  }
}

inline void FutexWakeAll(std::atomic<int>* word) {
  syscall(SYS_futex, reinterpret_cast<int*>(word), FUTEX_WAKE, INT_MAX, nullptr,
          nullptr, 0);
}

// Absolute path of the running binary, so that a re-exec shows a real path.
inline std::string SelfExe() {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n < 0) Die("readlink /proc/self/exe");
  return std::string(buf, static_cast<size_t>(n));
}

// N threads parked on a futex. Start() returns once every thread is running
// (so its clone has been reported); Release() wakes them and joins them, each
// then exits normally. If the process exits/execs/is killed instead, the
// parked threads die with it.
class ParkedThreads {
 public:
  void Start(int n) {
    threads_.resize(static_cast<size_t>(n));
    for (auto& t : threads_) {
      if (pthread_create(&t, nullptr, &ParkedThreads::Run, this) != 0) {
        Die("pthread_create");
      }
    }
    // Wait until all n threads have checked in.
    for (int seen = started_.load(); seen < n; seen = started_.load()) {
      FutexWait(&started_, seen);
    }
  }

  void Release() {
    go_.store(1);
    FutexWakeAll(&go_);
    for (auto& t : threads_) pthread_join(t, nullptr);
    threads_.clear();
  }

 private:
  static void* Run(void* self_ptr) {
    auto* self = static_cast<ParkedThreads*>(self_ptr);
    self->started_.fetch_add(1);
    FutexWakeAll(&self->started_);
    FutexWait(&self->go_, 0);
    return nullptr;
  }

  std::vector<pthread_t> threads_;
  std::atomic<int> started_{0};
  std::atomic<int> go_{0};
};

}  // namespace tracee

#endif  // TTRACE_TESTS_TRACEES_TRACEE_UTIL_H_
