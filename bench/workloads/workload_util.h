// Helpers shared by the benchmark workloads (bench/workloads/*.cc): argument
// parsing, error exit, futex waits and the "did:" line that compare.sh checks
// tracer output against.
//
// Usage:
//   long n = workload::Arg(argc, argv, 1, 1000);
//   ... do n things ...
//   workload::Did d;
//   d.syscalls = n;
//   d.Print();  // stderr: "did: syscalls=1000 threads=0 signals=0 ..."
//
// Convention: a workload that hits an unexpected error (or detects a lost
// signal) prints a message to stderr and exits with kFailCode (1).
#ifndef TTRACE_BENCH_WORKLOADS_WORKLOAD_UTIL_H_
#define TTRACE_BENCH_WORKLOADS_WORKLOAD_UTIL_H_

#include <limits.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace workload {

inline constexpr int kFailCode = 1;

[[noreturn]] inline void Die(const char* what) {
  std::fprintf(stderr, "workload: %s: %s\n", what, std::strerror(errno));
  _exit(kFailCode);
}

// argv[i] as a non-negative number, or `def` when absent.
inline long Arg(int argc, char** argv, int i, long def) {
  if (i >= argc) return def;
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(argv[i], &end, 10);
  if (*argv[i] == '\0' || *end != '\0' || v < 0 || errno != 0) {
    std::fprintf(stderr, "workload: bad number '%s'\n", argv[i]);
    _exit(2);
  }
  return v;
}

// What the workload did, for checking that a tracer lost no event. A field
// is what the tracer should report for the workload's own actions; 0 means
// "none" (or, for syscalls, "not counted").
struct Did {
  long syscalls = 0;  // syscalls made by the measured loop
  long threads = 0;   // threads created (clone with CLONE_THREAD)
  long signals = 0;   // signals sent and delivered (handled), per the doc
  long forks = 0;     // processes created (fork/vfork/clone w/o CLONE_THREAD)
  long stops = 0;     // group-stops of a child (SIGSTOP'd and stopped)

  void Print() const {
    std::fprintf(stderr,
                 "did: syscalls=%ld threads=%ld signals=%ld forks=%ld "
                 "stops=%ld\n",
                 syscalls, threads, signals, forks, stops);
  }
};

// Blocks while *word == expected (restarting after signals / stops).
inline void FutexWait(std::atomic<int>* word, int expected) {
  while (word->load() == expected) {
    syscall(SYS_futex, reinterpret_cast<int*>(word), FUTEX_WAIT_PRIVATE,
            expected, nullptr, nullptr, 0);
  }
}

inline void FutexWakeAll(std::atomic<int>* word) {
  syscall(SYS_futex, reinterpret_cast<int*>(word), FUTEX_WAKE_PRIVATE, INT_MAX,
          nullptr, nullptr, 0);
}

inline pid_t GetTid() { return static_cast<pid_t>(syscall(SYS_gettid)); }

}  // namespace workload

#endif  // TTRACE_BENCH_WORKLOADS_WORKLOAD_UTIL_H_
