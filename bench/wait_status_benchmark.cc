// The engine's pure per-stop work: ClassifyWaitStatus over a realistic mix
// of raw wait statuses, and the per-thread state machine's Step. Both run
// once per ptrace stop, so they must cost nanoseconds against the
// microseconds of the kernel round trip.
//
// Run: bazel run -c opt //bench:wait_status_benchmark
#include <benchmark/benchmark.h>
#include <signal.h>
#include <sys/ptrace.h>

#include <vector>

#include "tracer/thread_state.h"
#include "tracer/wait_status.h"

namespace ttrace {
namespace {

// 1024 statuses: mostly syscall stops (as under PTRACE_SYSCALL), then the
// thread events, signals, group-stops and deaths, interleaved.
const std::vector<int>& Statuses() {
  static const auto* statuses = [] {
    const int kinds[] = {
        MakeSyscallStopStatus(),
        MakeSyscallStopStatus(),
        MakeSyscallStopStatus(),
        MakeSyscallStopStatus(),
        MakeSyscallStopStatus(),
        MakeSyscallStopStatus(),
        MakeSyscallStopStatus(),
        MakeSyscallStopStatus(),
        MakeEventStopStatus(PTRACE_EVENT_CLONE),
        MakeEventStopStatus(PTRACE_EVENT_STOP),  // a new thread's first stop
        MakeEventStopStatus(PTRACE_EVENT_EXIT),
        MakeExitedStatus(0),
        MakeSignalStopStatus(SIGCHLD),
        MakeEventStopStatus(PTRACE_EVENT_STOP, SIGSTOP),  // group-stop
        MakeEventStopStatus(PTRACE_EVENT_EXEC),
        MakeKilledStatus(SIGKILL, false),
        MakeEventStopStatus(PTRACE_EVENT_FORK),
        MakeSignalStopStatus(SIGUSR1),
    };
    auto* v = new std::vector<int>;
    unsigned x = 12345;
    for (int i = 0; i < 1024; ++i) {
      x = x * 1103515245u + 12345u;
      v->push_back(kinds[(x >> 16) % (sizeof(kinds) / sizeof(kinds[0]))]);
    }
    return v;
  }();
  return *statuses;
}

void BM_ClassifyWaitStatus(benchmark::State& state) {
  const std::vector<int>& statuses = Statuses();
  for (auto _ : state) {
    for (int s : statuses) {
      StopInfo stop = ClassifyWaitStatus(s);
      benchmark::DoNotOptimize(stop);
    }
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(statuses.size()));
}
BENCHMARK(BM_ClassifyWaitStatus);

// Step for each classified stop, from the state the engine would be in
// (group-stopped threads get their PTRACE_EVENT_STOP wake-ups, etc.).
void BM_Step(benchmark::State& state) {
  std::vector<StopInfo> stops;
  for (int s : Statuses()) stops.push_back(ClassifyWaitStatus(s));
  for (auto _ : state) {
    ThreadState st = ThreadState::kRunning;
    for (const StopInfo& stop : stops) {
      Transition t = Step(st, stop, /*detaching=*/false);
      benchmark::DoNotOptimize(t);
      st = t.next == ThreadState::kGone ? ThreadState::kRunning : t.next;
    }
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(stops.size()));
}
BENCHMARK(BM_Step);

// Both, as the engine does per stop.
void BM_ClassifyAndStep(benchmark::State& state) {
  const std::vector<int>& statuses = Statuses();
  for (auto _ : state) {
    ThreadState st = ThreadState::kRunning;
    for (int s : statuses) {
      Transition t = Step(st, ClassifyWaitStatus(s), /*detaching=*/false);
      benchmark::DoNotOptimize(t);
      st = t.next == ThreadState::kGone ? ThreadState::kRunning : t.next;
    }
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(statuses.size()));
}
BENCHMARK(BM_ClassifyAndStep);

}  // namespace
}  // namespace ttrace
