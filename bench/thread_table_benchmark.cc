// The engine's per-thread table under load: absl::flat_hash_map<pid_t,
// Thread> with 1,000 and 100,000 live threads, for the three things the
// engine does with it: find the stopped thread (every stop), and insert /
// erase as threads are created and exit (thread storms).
//
// The engine's Thread is private to tracer.cc (Tracer::Impl::Thread), so
// MirrorThread below copies its members (as of this writing: tgid, state,
// comm, five flags, the SyscallCall in progress, its entry time, name and
// entry arguments), hence the same slot size; the "slot_bytes" counter
// shows it. Keep it in step when the engine's struct changes.
//
// Run: bazel run -c opt //bench:thread_table_benchmark
#include <benchmark/benchmark.h>
#include <sys/types.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "tracer/syscall_decoder.h"
#include "tracer/thread_state.h"

namespace ttrace {
namespace {

struct MirrorThread {
  pid_t tgid = 0;
  ThreadState state = ThreadState::kRunning;
  std::string comm;
  bool hidden = false;
  bool seccomp = false;
  bool in_syscall = false;
  bool sc_report = false;
  bool sc_announced = false;
  SyscallCall sc;
  int64_t sc_entry_ns = 0;
  std::string sc_name;
  std::string sc_args_enter;
};

using Table = absl::flat_hash_map<pid_t, MirrorThread>;

constexpr pid_t kFirstTid = 3000;

// Tids as the kernel hands them out: increasing, with gaps left by other
// processes' threads.
std::vector<pid_t> LiveTids(int n) {
  std::vector<pid_t> tids;
  std::mt19937 rng(42);
  pid_t tid = kFirstTid;
  for (int i = 0; i < n; ++i) {
    tid += 1 + static_cast<pid_t>(rng() % 3);
    tids.push_back(tid);
  }
  return tids;
}

Table MakeTable(const std::vector<pid_t>& tids) {
  Table table;
  for (pid_t tid : tids) table[tid] = MirrorThread{.tgid = kFirstTid};
  return table;
}

void AddCounters(benchmark::State& state) {
  state.counters["slot_bytes"] = sizeof(Table::value_type);
  state.SetItemsProcessed(state.iterations());
}

// A stop of some thread, in random order over all live threads.
void BM_FindRandom(benchmark::State& state) {
  std::vector<pid_t> tids = LiveTids(static_cast<int>(state.range(0)));
  Table table = MakeTable(tids);
  std::shuffle(tids.begin(), tids.end(), std::mt19937(7));
  size_t i = 0;
  for (auto _ : state) {
    auto it = table.find(tids[i]);
    benchmark::DoNotOptimize(it->second.state);
    if (++i == tids.size()) i = 0;
  }
  AddCounters(state);
}
BENCHMARK(BM_FindRandom)->Arg(1000)->Arg(100000);

// Stops of one busy thread among many (a syscall storm in one thread).
void BM_FindSame(benchmark::State& state) {
  std::vector<pid_t> tids = LiveTids(static_cast<int>(state.range(0)));
  Table table = MakeTable(tids);
  const pid_t busy = tids[tids.size() / 2];
  for (auto _ : state) {
    pid_t tid = busy;
    benchmark::DoNotOptimize(tid);
    auto it = table.find(tid);
    benchmark::DoNotOptimize(it->second.state);
  }
  AddCounters(state);
}
BENCHMARK(BM_FindSame)->Arg(1000)->Arg(100000);

// A tid that is not in the table (a new thread's first stop arriving
// before its parent's clone event).
void BM_FindMiss(benchmark::State& state) {
  std::vector<pid_t> tids = LiveTids(static_cast<int>(state.range(0)));
  Table table = MakeTable(tids);
  pid_t miss = tids.back() + 1;
  for (auto _ : state) {
    benchmark::DoNotOptimize(table.contains(miss));
    if (++miss > tids.back() + 1000) miss = tids.back() + 1;
  }
  AddCounters(state);
}
BENCHMARK(BM_FindMiss)->Arg(1000)->Arg(100000);

// Thread churn at a steady population: the oldest thread exits (erase),
// a new one is created (insert with a fresh, higher tid). One item = one
// erase + one insert.
void BM_InsertErase(benchmark::State& state) {
  std::vector<pid_t> tids = LiveTids(static_cast<int>(state.range(0)));
  Table table = MakeTable(tids);
  std::deque<pid_t> fifo(tids.begin(), tids.end());
  pid_t next = tids.back() + 1;
  for (auto _ : state) {
    table.erase(fifo.front());
    fifo.pop_front();
    table[next] = MirrorThread{.tgid = kFirstTid};
    fifo.push_back(next++);
  }
  AddCounters(state);
}
BENCHMARK(BM_InsertErase)->Arg(1000)->Arg(100000);

// Building the table from empty (attaching to a process with N threads).
void BM_Fill(benchmark::State& state) {
  const std::vector<pid_t> tids = LiveTids(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    Table table;
    for (pid_t tid : tids) table[tid] = MirrorThread{.tgid = kFirstTid};
    benchmark::DoNotOptimize(table.size());
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(tids.size()));
  state.counters["slot_bytes"] = sizeof(Table::value_type);
}
BENCHMARK(BM_Fill)->Arg(1000)->Arg(100000);

}  // namespace
}  // namespace ttrace
