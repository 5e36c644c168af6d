// busy: a long-running multi-threaded process to attach to.
//
//   busy N [PIDFILE]
//
// Starts N worker threads (named "worker0".."workerN-1"), each incrementing
// a counter in a loop with a cheap syscall (getppid) every 1000 increments
// and a 1 ms nanosleep every 100 syscalls, so that attaching finds threads
// running, in syscalls and sleeping. Workers block SIGUSR1 and SIGTERM, so
// process-directed signals go to the main thread, which waits in
// sigsuspend() and handles them:
//   - once every worker runs: writes its pid to PIDFILE (if given, written
//     to PIDFILE.tmp then renamed, so it appears complete) and prints
//     "ready <pid>" on stdout;
//   - SIGUSR1: counted; after each handled SIGUSR1 main prints
//     "ack usr1=<count>" (send the next one only after reading the ack:
//     standard signals sent while one is pending merge);
//   - SIGTERM: stops and joins the workers, prints
//     "usr1=<count> work=<total>" and exits 0.
// Expect when attached: one attach per thread, a delivery stop for each
// SIGUSR1 and for the SIGTERM on the main thread, N thread exits with 0,
// exited with 0.
#include <signal.h>
#include <time.h>

#include <string>

#include "tests/tracees/tracee_util.h"

namespace {

using tracee::Die;

volatile sig_atomic_t g_usr1 = 0;
volatile sig_atomic_t g_term = 0;
std::atomic<int> g_stop{0};
std::atomic<int> g_started{0};
std::atomic<long> g_work{0};

void OnUsr1(int) { g_usr1 = g_usr1 + 1; }
void OnTerm(int) { g_term = 1; }

void Install(int sig, void (*handler)(int)) {
  struct sigaction sa {};
  sa.sa_handler = handler;
  sigemptyset(&sa.sa_mask);
  if (sigaction(sig, &sa, nullptr) != 0) Die("sigaction");
}

void* Worker(void* arg) {
  std::string name = "worker" + std::to_string(reinterpret_cast<long>(arg));
  pthread_setname_np(pthread_self(), name.c_str());
  g_started.fetch_add(1);
  tracee::FutexWakeAll(&g_started);
  long local = 0;
  for (int syscalls = 0; g_stop.load(std::memory_order_relaxed) == 0;) {
    for (int i = 0; i < 1000; ++i) {
      local += 1;
      asm volatile("" : "+r"(local));  // keep the loop
    }
    syscall(SYS_getppid);
    if (++syscalls % 100 == 0) {
      timespec ts{0, 1000000};
      nanosleep(&ts, nullptr);
    }
  }
  g_work.fetch_add(local);
  return nullptr;
}

void WritePidFile(const char* path) {
  std::string tmp = std::string(path) + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "w");
  if (f == nullptr) Die("fopen pidfile");
  std::fprintf(f, "%d\n", getpid());
  if (std::fclose(f) != 0) Die("fclose pidfile");
  if (rename(tmp.c_str(), path) != 0) Die("rename pidfile");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) tracee::Usage("busy N [PIDFILE]");
  int n = tracee::IntArg(argc, argv, 1, 2);
  Install(SIGUSR1, OnUsr1);
  Install(SIGTERM, OnTerm);
  sigset_t both;
  sigemptyset(&both);
  sigaddset(&both, SIGUSR1);
  sigaddset(&both, SIGTERM);
  // Blocked in every thread; main unblocks them only inside sigsuspend.
  if (pthread_sigmask(SIG_BLOCK, &both, nullptr) != 0) Die("sigmask");

  std::vector<pthread_t> workers(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    if (pthread_create(&workers[static_cast<size_t>(i)], nullptr, Worker,
                       reinterpret_cast<void*>(static_cast<long>(i))) != 0) {
      Die("pthread_create");
    }
  }
  for (int seen = g_started.load(); seen < n; seen = g_started.load()) {
    tracee::FutexWait(&g_started, seen);
  }
  if (argc > 2) WritePidFile(argv[2]);
  std::printf("ready %d\n", getpid());
  std::fflush(stdout);

  sigset_t none;
  sigemptyset(&none);
  int acked = 0;
  while (g_term == 0) {
    sigsuspend(&none);  // returns after a handler ran
    if (g_usr1 != acked) {
      acked = g_usr1;
      std::printf("ack usr1=%d\n", acked);
      std::fflush(stdout);
    }
  }
  g_stop.store(1);
  for (auto& t : workers) pthread_join(t, nullptr);
  std::printf("usr1=%d work=%ld\n", static_cast<int>(g_usr1), g_work.load());
  std::fflush(stdout);
  return 0;
}
