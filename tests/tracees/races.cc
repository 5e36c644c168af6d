// races: programs that make the kernel races of tracing happen, for
// tests/race_test.cc. Each is run hundreds of times.
//
//   churn C
//       C creator threads each create and join short-lived threads in a loop,
//       forever, so that threads are born and die while a tracer attaches
//       and detaches. Creators block SIGUSR1 and SIGTERM, so the main thread
//       (in sigsuspend) handles them:
//         - once every creator runs: prints "ready <pid>";
//         - SIGUSR1: counted; main prints "ack usr1=<count> threads=<made>"
//           (<made>: short threads created so far; send the next SIGUSR1
//           only after reading the ack);
//         - SIGTERM: stops and joins the creators, prints
//           "usr1=<count> threads=<made>", exits 0.
//
//   exit_group_race C CODE DELAY_US FILE
//       C creator threads create and join short threads in a loop; one more
//       thread (the "killer", created last) spins DELAY_US microseconds, then
//       stores in FILE (an existing file of >= 8 bytes, through a shared
//       mapping, so the store is instant) the number K of pthread_create
//       calls that had returned, and calls exit_group(CODE) while the
//       creators are in the middle of creating threads.
//       Expect: exit status CODE; every thread reported as created is
//       reported as exited (0 if it ended first, CODE if the group exit
//       ended it); K + 1 <= thread creations <= K + 1 + 3*C.
//
//   syscall_loop N [PIDFILE]
//       N threads plus main in tight syscall loops (getppid, sched_yield,
//       a 1-byte write to /dev/null, a 1-byte read from /dev/zero); one more
//       thread blocks forever in read() on a pipe, so that some syscall is
//       in progress whenever the process dies. Once all run, writes its pid
//       to PIDFILE (via PIDFILE.tmp and rename). Never exits: kill it
//       (SIGKILL). Expect: N + 1 thread creations; every thread killed by
//       SIGKILL; each thread's syscall in progress, if any, never returns.
//
//   parked N
//       N threads parked on a futex (idle: a tracer takes a while to attach
//       to all of them, without the CPU being busy). They block SIGUSR1 and
//       SIGTERM, so the main thread (in sigsuspend) handles them:
//         - once every thread runs: prints "ready <pid>";
//         - SIGUSR1: counted; main prints "ack usr1=<count>" (send the next
//           one only after reading the ack);
//         - SIGTERM: releases and joins the threads, prints
//           "usr1=<count>", exits 0.
//
//   marker FILE MS [fork]
//       Appends "started <pid>\n" to FILE, runs for MS milliseconds with a
//       second thread, both making syscalls (getppid, 1 ms nanosleeps); with
//       "fork", then forks a child that _exit(0)s and waits for it; finally
//       appends "done fork=<ok|ENOSYS|error>\n" (or "done\n" without "fork")
//       and exits 0. Used to check that a command outlives a SIGKILLed
//       tracer. Between the start and "done" it makes no exit, exit_group,
//       clone or wait syscall (so a seccomp-bpf filter left without its
//       tracer does not stop it before it reports).
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

#include <cstdint>
#include <string>

#include "tests/tracees/tracee_util.h"

namespace {

using tracee::Die;

constexpr size_t kSmallStack = 64 * 1024;

void* Noop(void*) {
  syscall(SYS_getppid);
  return nullptr;
}

pthread_attr_t SmallStackAttr() {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kSmallStack);
  return attr;
}

void Install(int sig, void (*handler)(int)) {
  struct sigaction sa {};
  sa.sa_handler = handler;
  sigemptyset(&sa.sa_mask);
  if (sigaction(sig, &sa, nullptr) != 0) Die("sigaction");
}

int64_t NowNs() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1'000'000'000LL + ts.tv_nsec;
}

// ---- churn C ----

volatile sig_atomic_t g_usr1 = 0;
volatile sig_atomic_t g_term = 0;
void OnUsr1(int) { g_usr1 = g_usr1 + 1; }
void OnTerm(int) { g_term = 1; }

// Counts SIGUSR1 and notes SIGTERM, both blocked (in the threads started
// after it too) but while ServeUntilTerm waits.
void CountUsr1UntilTerm() {
  Install(SIGUSR1, OnUsr1);
  Install(SIGTERM, OnTerm);
  sigset_t both;
  sigemptyset(&both);
  sigaddset(&both, SIGUSR1);
  sigaddset(&both, SIGTERM);
  if (pthread_sigmask(SIG_BLOCK, &both, nullptr) != 0) Die("sigmask");
}

// Prints "ready PID", then, with SIGUSR1 and SIGTERM unblocked only while
// waiting, "ack usr1=N" (and " threads=T" when `threads` is given) after
// each SIGUSR1, until SIGTERM.
void ServeUntilTerm(long (*threads)()) {
  std::printf("ready %d\n", getpid());
  std::fflush(stdout);
  sigset_t none;
  sigemptyset(&none);
  int acked = 0;
  while (g_term == 0) {
    sigsuspend(&none);
    if (g_usr1 != acked) {
      acked = g_usr1;
      if (threads != nullptr) {
        std::printf("ack usr1=%d threads=%ld\n", acked, threads());
      } else {
        std::printf("ack usr1=%d\n", acked);
      }
      std::fflush(stdout);
    }
  }
}

std::atomic<int> g_stop{0};
std::atomic<int> g_started{0};
std::atomic<long> g_made{0};

void* ChurnCreator(void*) {
  pthread_attr_t attr = SmallStackAttr();
  g_started.fetch_add(1);
  tracee::FutexWakeAll(&g_started);
  while (g_stop.load(std::memory_order_relaxed) == 0) {
    pthread_t t;
    if (pthread_create(&t, &attr, Noop, nullptr) != 0) Die("pthread_create");
    g_made.fetch_add(1);
    pthread_join(t, nullptr);
  }
  return nullptr;
}

int Churn(int creators) {
  CountUsr1UntilTerm();
  std::vector<pthread_t> threads(static_cast<size_t>(creators));
  for (auto& t : threads) {
    if (pthread_create(&t, nullptr, ChurnCreator, nullptr) != 0) {
      Die("pthread_create");
    }
  }
  for (int seen = g_started.load(); seen < creators; seen = g_started.load()) {
    tracee::FutexWait(&g_started, seen);
  }
  ServeUntilTerm([] { return g_made.load(); });
  g_stop.store(1);
  for (auto& t : threads) pthread_join(t, nullptr);
  std::printf("usr1=%d threads=%ld\n", static_cast<int>(g_usr1), g_made.load());
  std::fflush(stdout);
  return 0;
}

// ---- parked N ----

int Parked(int n) {
  CountUsr1UntilTerm();
  tracee::ParkedThreads parked;
  parked.Start(n);
  ServeUntilTerm(nullptr);
  parked.Release();
  std::printf("usr1=%d\n", static_cast<int>(g_usr1));
  std::fflush(stdout);
  return 0;
}

// ---- exit_group_race C CODE DELAY_US FILE ----

std::atomic<long> g_created{0};
int64_t* g_shared = nullptr;
int g_code = 0;
int g_delay_us = 0;

void* RaceCreator(void*) {
  pthread_attr_t attr = SmallStackAttr();
  for (;;) {
    pthread_t t;
    if (pthread_create(&t, &attr, Noop, nullptr) != 0) Die("pthread_create");
    g_created.fetch_add(1);
    pthread_join(t, nullptr);
  }
}

void* Killer(void*) {
  const int64_t until = NowNs() + g_delay_us * 1000LL;
  while (NowNs() < until) {
  }
  __atomic_store_n(g_shared, g_created.load(), __ATOMIC_SEQ_CST);
  syscall(SYS_exit_group, g_code);
  return nullptr;
}

[[noreturn]] void ExitGroupRace(int creators, int code, int delay_us,
                                const char* file) {
  int fd = open(file, O_RDWR | O_CLOEXEC);
  if (fd < 0) Die("open");
  void* p =
      mmap(nullptr, sizeof(int64_t), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (p == MAP_FAILED) Die("mmap");
  close(fd);
  g_shared = static_cast<int64_t*>(p);
  g_code = code;
  g_delay_us = delay_us;
  pthread_attr_t attr = SmallStackAttr();
  pthread_t t;
  for (int i = 0; i < creators; ++i) {
    if (pthread_create(&t, &attr, RaceCreator, nullptr) != 0) {
      Die("pthread_create");
    }
  }
  if (pthread_create(&t, &attr, Killer, nullptr) != 0) Die("pthread_create");
  for (;;) pause();
}

// ---- syscall_loop N [PIDFILE] ----

void* SyscallLoop(void*) {
  int null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  int zero_fd = open("/dev/zero", O_RDONLY | O_CLOEXEC);
  if (null_fd < 0 || zero_fd < 0) Die("open");
  g_started.fetch_add(1);
  tracee::FutexWakeAll(&g_started);
  char c = 0;
  for (;;) {
    syscall(SYS_getppid);
    sched_yield();
    (void)!write(null_fd, &c, 1);
    (void)!read(zero_fd, &c, 1);
  }
}

int g_block_pipe[2];

void* Blocker(void*) {
  g_started.fetch_add(1);
  tracee::FutexWakeAll(&g_started);
  char c;
  for (;;) (void)!read(g_block_pipe[0], &c, 1);
}

void WritePidFile(const char* path) {
  std::string tmp = std::string(path) + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "w");
  if (f == nullptr) Die("fopen pidfile");
  std::fprintf(f, "%d\n", getpid());
  if (std::fclose(f) != 0) Die("fclose pidfile");
  if (rename(tmp.c_str(), path) != 0) Die("rename pidfile");
}

[[noreturn]] void SyscallLoopScenario(int n, const char* pidfile) {
  if (pipe2(g_block_pipe, O_CLOEXEC) != 0) Die("pipe");
  pthread_attr_t attr = SmallStackAttr();
  pthread_t t;
  for (int i = 0; i < n; ++i) {
    if (pthread_create(&t, &attr, SyscallLoop, nullptr) != 0) {
      Die("pthread_create");
    }
  }
  if (pthread_create(&t, &attr, Blocker, nullptr) != 0) Die("pthread_create");
  for (int seen = g_started.load(); seen < n + 1; seen = g_started.load()) {
    tracee::FutexWait(&g_started, seen);
  }
  if (pidfile != nullptr) WritePidFile(pidfile);
  SyscallLoop(nullptr);
  _exit(tracee::kFailCode);
}

// ---- marker FILE MS [fork] ----

void Append(const char* file, const std::string& text) {
  int fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) Die("open marker");
  if (write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
    Die("write marker");
  close(fd);
}

int64_t g_marker_until = 0;
std::atomic<int> g_worker_done{0};

void MarkerLoop() {
  while (NowNs() < g_marker_until) {
    syscall(SYS_getppid);
    timespec ts{0, 1000000};
    nanosleep(&ts, nullptr);
  }
}

// The worker never exits by itself: it ends with the process. (Under a
// seccomp-bpf filter whose tracer is gone, exit(2) would fail with ENOSYS
// and glibc would spin in it forever; so would a join.)
void* MarkerWorker(void*) {
  MarkerLoop();
  g_worker_done.store(1);
  tracee::FutexWakeAll(&g_worker_done);
  std::atomic<int> forever{0};
  for (;;) tracee::FutexWait(&forever, 0);
}

int Marker(const char* file, int ms, bool do_fork) {
  Append(file, "started " + std::to_string(getpid()) + "\n");
  g_marker_until = NowNs() + ms * 1'000'000LL;
  pthread_t t;
  if (pthread_create(&t, nullptr, MarkerWorker, nullptr) != 0) {
    Die("pthread_create");
  }
  MarkerLoop();
  tracee::FutexWait(&g_worker_done, 0);
  if (!do_fork) {
    Append(file, "done\n");
    return 0;
  }
  // The raw syscall: what a seccomp filter sees, without glibc's atfork
  // handlers.
  pid_t child = static_cast<pid_t>(syscall(SYS_fork));
  if (child == 0) _exit(0);
  std::string result;
  if (child < 0) {
    result = errno == ENOSYS ? "ENOSYS" : std::strerror(errno);
  } else {
    int status = 0;
    if (waitpid(child, &status, 0) != child) Die("waitpid");
    result = "ok";
  }
  Append(file, "done fork=" + result + "\n");
  // Under a tracer-less seccomp filter exit_group fails with ENOSYS too:
  // glibc's _exit then executes hlt, and the process dies of SIGSEGV.
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const char* usage =
      "races {churn C | exit_group_race C CODE DELAY_US FILE | "
      "syscall_loop N [PIDFILE] | parked N | marker FILE MS [fork]}";
  if (argc < 2) tracee::Usage(usage);
  std::string s = argv[1];
  if (s == "churn") return Churn(tracee::IntArg(argc, argv, 2, 2));
  if (s == "exit_group_race") {
    if (argc < 6) tracee::Usage(usage);
    ExitGroupRace(tracee::IntArg(argc, argv, 2, 2),
                  tracee::IntArg(argc, argv, 3, 0),
                  tracee::IntArg(argc, argv, 4, 0), argv[5]);
  }
  if (s == "syscall_loop") {
    SyscallLoopScenario(tracee::IntArg(argc, argv, 2, 2),
                        argc > 3 ? argv[3] : nullptr);
  }
  if (s == "parked") return Parked(tracee::IntArg(argc, argv, 2, 1));
  if (s == "marker") {
    if (argc < 4) tracee::Usage(usage);
    return Marker(argv[2], tracee::IntArg(argc, argv, 3, 100),
                  argc > 4 && std::string(argv[4]) == "fork");
  }
  tracee::Usage(usage);
}
