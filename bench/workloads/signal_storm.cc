// signal_storm N: two threads ping-pong N signals (default N = 20000):
// signal i goes from the main thread to the worker (SIGUSR1) when i is
// even, back (SIGUSR2) when i is odd, each sent with tgkill only after the
// previous one was handled.
//
// Signals are blocked except while a thread waits for one in ppoll() with
// a mask that lets it in, so each one is delivered to a handler (a tracer
// sees a signal-delivery-stop for each; sigwaitinfo would bypass them). A
// handler counts it. A signal not handled within 10 s is lost: the workload
// says so and exits 1; it also exits 1 if the counts differ from N.
// Prints "did: threads=1 signals=N ..." on stderr.
#include <poll.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>

#include "bench/workloads/workload_util.h"

namespace {

std::atomic<long> g_usr1{0};  // handled by the worker
std::atomic<long> g_usr2{0};  // handled by the main thread
std::atomic<int> g_worker_tid{0};
long g_n = 0;
pid_t g_main_tid = 0;

void OnUsr1(int) { g_usr1.fetch_add(1, std::memory_order_relaxed); }
void OnUsr2(int) { g_usr2.fetch_add(1, std::memory_order_relaxed); }

// Plays side `me` (0: main thread, sends the even signals; 1: worker).
// Returns false if a signal was lost.
bool Play(int me) {
  const pid_t pid = getpid();
  const int recv_sig = me == 0 ? SIGUSR2 : SIGUSR1;
  const int send_sig = me == 0 ? SIGUSR1 : SIGUSR2;
  std::atomic<long>& received = me == 0 ? g_usr2 : g_usr1;
  sigset_t wait_mask;  // everything the thread blocks, minus recv_sig
  pthread_sigmask(SIG_SETMASK, nullptr, &wait_mask);
  sigdelset(&wait_mask, recv_sig);
  for (long i = 0; i < g_n; ++i) {
    if (i % 2 == me) {
      const pid_t to = me == 0 ? g_worker_tid.load() : g_main_tid;
      if (syscall(SYS_tgkill, pid, to, send_sig) != 0) {
        workload::Die("tgkill");
      };
      continue;
    }
    const long want = i / 2 + 1;  // signals of this direction so far
    while (received.load(std::memory_order_relaxed) < want) {
      timespec timeout{10, 0};
      int r = ppoll(nullptr, 0, &timeout, &wait_mask);
      if (r == 0) {
        std::fprintf(stderr, "signal_storm: signal %ld lost (thread %d)\n", i,
                     me);
        return false;
      }
    }
  }
  return true;
}

void* Worker(void*) {
  g_worker_tid.store(workload::GetTid());
  workload::FutexWakeAll(&g_worker_tid);
  if (!Play(1)) _exit(workload::kFailCode);
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  g_n = workload::Arg(argc, argv, 1, 20000);
  g_main_tid = workload::GetTid();

  struct sigaction sa {};
  sigemptyset(&sa.sa_mask);
  sa.sa_handler = OnUsr1;
  if (sigaction(SIGUSR1, &sa, nullptr) != 0) workload::Die("sigaction");
  sa.sa_handler = OnUsr2;
  if (sigaction(SIGUSR2, &sa, nullptr) != 0) workload::Die("sigaction");
  sigset_t block;
  sigemptyset(&block);
  sigaddset(&block, SIGUSR1);
  sigaddset(&block, SIGUSR2);
  pthread_sigmask(SIG_BLOCK, &block, nullptr);  // the worker inherits it

  pthread_t worker;
  errno = pthread_create(&worker, nullptr, Worker, nullptr);
  if (errno != 0) workload::Die("pthread_create");
  workload::FutexWait(&g_worker_tid, 0);
  if (!Play(0)) return workload::kFailCode;
  pthread_join(worker, nullptr);

  const long handled = g_usr1.load() + g_usr2.load();
  if (handled != g_n) {
    std::fprintf(stderr, "signal_storm: %ld signals handled, want %ld\n",
                 handled, g_n);
    return workload::kFailCode;
  }
  workload::Did did;
  did.threads = 1;
  did.signals = g_n;
  did.Print();
  return 0;
}
