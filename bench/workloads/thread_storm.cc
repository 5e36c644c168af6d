// thread_storm N K [HOLD_MS]: creates N short threads in total, at most K
// alive at once (defaults: N = 10000, K = 4).
//
// Threads are created in batches of K: each thread of a batch checks in and
// parks on a futex until the whole batch is running (so exactly K threads
// are alive at the batch's peak), then all are released, exit, and are
// joined before the next batch starts. HOLD_MS (default 0) keeps the first
// batch parked that long once complete, e.g. to sample a tracer's memory
// while K threads are alive. Prints "did: threads=N ..." on stderr.
#include <pthread.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <vector>

#include "bench/workloads/workload_util.h"

namespace {

struct Batch {
  std::atomic<int> started{0};
  std::atomic<int> go{0};
};

void* Run(void* arg) {
  auto* batch = static_cast<Batch*>(arg);
  batch->started.fetch_add(1);
  workload::FutexWakeAll(&batch->started);
  workload::FutexWait(&batch->go, 0);
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  const long n = workload::Arg(argc, argv, 1, 10000);
  const long k = std::max(1L, workload::Arg(argc, argv, 2, 4));
  const long hold_ms = workload::Arg(argc, argv, 3, 0);

  pthread_attr_t attr;
  pthread_attr_init(&attr);
  // Small stacks: with K = 1000 the workload itself stays small.
  pthread_attr_setstacksize(&attr, 64 * 1024);

  std::vector<pthread_t> threads;
  threads.reserve(static_cast<size_t>(std::min(n, k)));
  long created = 0;
  bool first = true;
  while (created < n) {
    const int size = static_cast<int>(std::min(k, n - created));
    Batch batch;
    threads.clear();
    for (int i = 0; i < size; ++i) {
      pthread_t t;
      errno = pthread_create(&t, &attr, Run, &batch);
      if (errno != 0) workload::Die("pthread_create");
      threads.push_back(t);
    }
    for (int seen = batch.started.load(); seen < size;
         seen = batch.started.load()) {
      workload::FutexWait(&batch.started, seen);
    }
    if (first && hold_ms > 0) {
      timespec ts{hold_ms / 1000, (hold_ms % 1000) * 1000000};
      while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
      }
    }
    first = false;
    batch.go.store(1);
    workload::FutexWakeAll(&batch.go);
    for (pthread_t t : threads) pthread_join(t, nullptr);
    created += size;
  }
  workload::Did did;
  did.threads = n;
  did.Print();
  return 0;
}
