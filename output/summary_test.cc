#include "output/summary.h"

#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "output/byte_sink.h"
#include "tracer/event.h"

namespace ttrace {
namespace {

Event Ev(pid_t tid, EventPayload payload) {
  Event e;
  e.ts_ns = 1795717816123456789;
  e.pid = tid;
  e.tid = tid;
  e.payload = std::move(payload);
  return e;
}

SyscallEvent Call(const char* name, int32_t nr, int64_t ret, int64_t dur_ns,
                  uint32_t arch = kArchX86_64) {
  SyscallEvent c;
  c.name = name;
  c.nr = nr;
  c.arch = arch;
  c.ret = ret;
  c.dur_ns = dur_ns;
  return c;
}

// Feeds `calls` calls of one syscall, `errors` of them failing, whose
// durations add up to `total_ns`.
void Feed(SummarySink* sink, pid_t tid, const char* name, int32_t nr, int calls,
          int errors, int64_t total_ns, uint32_t arch = kArchX86_64) {
  for (int i = 0; i < calls; ++i) {
    const int64_t dur = i == 0 ? total_ns : 0;
    sink->OnEvent(Ev(tid, Call(name, nr, i < errors ? -2 : 0, dur, arch)));
  }
}

std::string Printed(const SummarySink& sink) {
  StringByteSink mem;
  sink.Print(&mem);
  return mem.str();
}

TEST(SummaryTest, MatchesStraceTable) {
  // The counts and times of a `strace -c -w ls /` run; the expected text is
  // what strace 6.1 printed for them.
  SummarySink sink;
  Feed(&sink, 7, "openat", 257, 34, 13, 523000);
  Feed(&sink, 7, "close", 3, 23, 0, 292000);
  Feed(&sink, 7, "newfstatat", 262, 22, 0, 288000);
  Feed(&sink, 7, "mmap", 9, 30, 0, 281000);
  Feed(&sink, 7, "getdents64", 217, 2, 0, 179000);
  Feed(&sink, 7, "ioctl", 16, 2, 2, 42000);
  Feed(&sink, 7, "statx", 332, 1, 0, 25000);
  Feed(&sink, 7, "write", 1, 1, 0, 20000);
  // Zero-time rows: ties, listed by syscall number. Fed in another order.
  Feed(&sink, 7, "rseq", 334, 1, 0, 0);
  Feed(&sink, 7, "getrandom", 318, 1, 0, 0);
  Feed(&sink, 7, "prlimit64", 302, 1, 0, 0);
  Feed(&sink, 7, "set_robust_list", 273, 1, 0, 0);
  Feed(&sink, 7, "set_tid_address", 218, 1, 0, 0);
  Feed(&sink, 7, "futex", 202, 1, 0, 0);
  Feed(&sink, 7, "arch_prctl", 158, 1, 0, 0);
  Feed(&sink, 7, "statfs", 137, 2, 2, 0);
  Feed(&sink, 7, "execve", 59, 1, 0, 0);
  Feed(&sink, 7, "access", 21, 2, 2, 0);
  Feed(&sink, 7, "pread64", 17, 2, 0, 0);
  Feed(&sink, 7, "brk", 12, 3, 0, 0);
  Feed(&sink, 7, "munmap", 11, 1, 0, 0);
  Feed(&sink, 7, "mprotect", 10, 5, 0, 0);
  Feed(&sink, 7, "read", 0, 7, 0, 0);
  // Not counted: never returned (strace counts calls at their exit), and
  // other event kinds.
  SyscallEvent gone = Call("exit_group", 231, 0, 5000);
  gone.returned = false;
  sink.OnEvent(Ev(7, gone));
  sink.OnEvent(Ev(7, SyscallEnterEvent{0, kArchX86_64, "read", "3, "}));
  sink.OnEvent(Ev(7, ContEvent{}));
  EXPECT_EQ(
      Printed(sink),
      "% time     seconds  usecs/call     calls    errors syscall\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      " 31.70    0.000523          15        34        13 openat\n"
      " 17.70    0.000292          12        23           close\n"
      " 17.45    0.000288          13        22           newfstatat\n"
      " 17.03    0.000281           9        30           mmap\n"
      " 10.85    0.000179          89         2           getdents64\n"
      "  2.55    0.000042          21         2         2 ioctl\n"
      "  1.52    0.000025          25         1           statx\n"
      "  1.21    0.000020          20         1           write\n"
      "  0.00    0.000000           0         7           read\n"
      "  0.00    0.000000           0         5           mprotect\n"
      "  0.00    0.000000           0         1           munmap\n"
      "  0.00    0.000000           0         3           brk\n"
      "  0.00    0.000000           0         2           pread64\n"
      "  0.00    0.000000           0         2         2 access\n"
      "  0.00    0.000000           0         1           execve\n"
      "  0.00    0.000000           0         2         2 statfs\n"
      "  0.00    0.000000           0         1           arch_prctl\n"
      "  0.00    0.000000           0         1           futex\n"
      "  0.00    0.000000           0         1           set_tid_address\n"
      "  0.00    0.000000           0         1           set_robust_list\n"
      "  0.00    0.000000           0         1           prlimit64\n"
      "  0.00    0.000000           0         1           getrandom\n"
      "  0.00    0.000000           0         1           rseq\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      "100.00    0.001650          11       145        19 total\n");
}

TEST(SummaryTest, LongNameWidensTheLastColumn) {
  // strace 6.1 -c on two sched_get_priority_max calls (plus the loader's).
  SummarySink sink;
  Feed(&sink, 7, "sched_get_priority_max", 146, 2, 0, 0);
  Feed(&sink, 7, "close", 3, 2, 0, 0);
  EXPECT_EQ(Printed(sink),
            "% time     seconds  usecs/call     calls    errors syscall\n"
            "------ ----------- ----------- --------- --------- "
            "-----------------------\n"
            "  0.00    0.000000           0         2           close\n"
            "  0.00    0.000000           0         2           "
            "sched_get_priority_max\n"
            "------ ----------- ----------- --------- --------- "
            "-----------------------\n"
            "100.00    0.000000           0         4           total\n");
}

TEST(SummaryTest, WideValuesWidenTheirColumns) {
  // strace's widths: "seconds" and "usecs/call" grow to fit the total and
  // the largest average.
  SummarySink sink;
  sink.OnEvent(Ev(7, Call("wait4", 61, 3, 123455500000000)));
  sink.OnEvent(Ev(7, Call("read", 0, 0, 1000000000)));
  sink.OnEvent(Ev(7, Call("read", 0, -4, 0)));
  EXPECT_EQ(Printed(sink),
            "% time       seconds   usecs/call     calls    errors syscall\n"
            "------ ------------- ------------ --------- --------- "
            "----------------\n"
            "100.00 123455.500000 123455500000         1           wait4\n"
            "  0.00      1.000000       500000         2         1 read\n"
            "------ ------------- ------------ --------- --------- "
            "----------------\n"
            "100.00 123456.500000  41152166666         3         1 total\n");
}

TEST(SummaryTest, ErrorsIncludeRestartCodesAndNegativeTimesCountAsZero) {
  SummarySink sink;
  sink.OnEvent(Ev(7, Call("pause", 34, -514, 2000)));  // ERESTARTNOHAND
  sink.OnEvent(Ev(7, Call("lseek", 8, -4096, -100)));  // not an error
  sink.OnEvent(Ev(7, Call("lseek", 8, -4095, 1000)));  // an error
  const std::vector<SummarySink::Row> rows = sink.SyscallRows();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].name, "pause");
  EXPECT_EQ(rows[0].errors, 1u);
  EXPECT_EQ(rows[0].time_ns, 2000);
  EXPECT_EQ(rows[1].name, "lseek");
  EXPECT_EQ(rows[1].calls, 2u);
  EXPECT_EQ(rows[1].errors, 1u);
  EXPECT_EQ(rows[1].time_ns, 1000);
}

TEST(SummaryTest, I386CallsGetTheirOwnTable) {
  SummarySink sink;
  Feed(&sink, 7, "execve", 59, 1, 0, 3000);
  Feed(&sink, 7, "read", 3, 2, 1, 1000, kArchI386);  // i386 read is 3
  Feed(&sink, 7, "close", 6, 1, 0, 3000, kArchI386);
  EXPECT_EQ(
      Printed(sink),
      "% time     seconds  usecs/call     calls    errors syscall\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      "100.00    0.000003           3         1           execve\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      "100.00    0.000003           3         1           total\n"
      "System call usage summary for 32 bit mode:\n"
      "% time     seconds  usecs/call     calls    errors syscall\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      " 75.00    0.000003           3         1           close\n"
      " 25.00    0.000001           0         2         1 read\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      "100.00    0.000004           1         3         1 total\n");
}

// i386's socketcall and ipc are named after the call they make: one row
// per name, as strace counts them.
TEST(SummaryTest, CallsOfOneNumberCountedByName) {
  SummarySink sink;
  Feed(&sink, 7, "socket", 102, 2, 0, 3000, kArchI386);
  Feed(&sink, 7, "bind", 102, 1, 1, 1000, kArchI386);
  Feed(&sink, 7, "socketcall", 102, 1, 1, 0, kArchI386);
  Feed(&sink, 7, "socket", 102, 1, 0, 0, kArchI386);
  EXPECT_EQ(
      Printed(sink),
      "System call usage summary for 32 bit mode:\n"
      "% time     seconds  usecs/call     calls    errors syscall\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      " 75.00    0.000003           1         3           socket\n"
      " 25.00    0.000001           1         1         1 bind\n"
      "  0.00    0.000000           0         1         1 socketcall\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      "100.00    0.000004           0         5         2 total\n");
}

TEST(SummaryTest, PerThreadTable) {
  SummarySink sink(/*per_thread=*/true);
  Feed(&sink, 1234, "read", 0, 60, 2, 600000);
  Feed(&sink, 1234, "write", 1, 20, 0, 200000);
  Feed(&sink, 1235, "read", 0, 20, 0, 200000);
  Feed(&sink, 1236, "close", 3, 1, 0, 0);
  Feed(&sink, 1233, "close", 3, 1, 1, 0);
  EXPECT_EQ(
      Printed(sink),
      "% time     seconds  usecs/call     calls    errors syscall\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      " 80.00    0.000800          10        80         2 read\n"
      " 20.00    0.000200          10        20           write\n"
      "  0.00    0.000000           0         2         1 close\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      "100.00    0.001000           9       102         3 total\n"
      "\n"
      "% time     seconds  usecs/call     calls    errors tid\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      " 80.00    0.000800          10        80         2 1234\n"
      " 20.00    0.000200          10        20           1235\n"
      "  0.00    0.000000           0         1         1 1233\n"
      "  0.00    0.000000           0         1           1236\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      "100.00    0.001000           9       102         3 total\n");
  const std::vector<SummarySink::Row> threads = sink.ThreadRows();
  ASSERT_EQ(threads.size(), 4u);
  EXPECT_EQ(threads[0].tid, 1234);
  EXPECT_EQ(threads[0].calls, 80u);
}

TEST(SummaryTest, NoThreadTableWithoutPerThread) {
  SummarySink sink;
  Feed(&sink, 1, "close", 3, 1, 0, 1000);
  Feed(&sink, 2, "close", 3, 1, 0, 1000);
  EXPECT_TRUE(sink.ThreadRows().empty());
  EXPECT_EQ(Printed(sink).find("tid"), std::string::npos);
}

// -S: the order of rows (and of the per-thread rows) by each key.
TEST(SummaryTest, SortBy) {
  // name, nr, calls and durations, errors.
  auto feed = [](SummarySink* sink) {
    for (int64_t d : {100, 900}) sink->OnEvent(Ev(7, Call("read", 0, 0, d)));
    for (int i = 0; i < 4; ++i) {
      sink->OnEvent(Ev(8, Call("close", 3, i < 3 ? -9 : 0, 50)));
    }
    sink->OnEvent(Ev(8, Call("brk", 12, 0, 700)));
    sink->OnEvent(Ev(7, Call("access", 21, -2, 10)));
    sink->OnEvent(Ev(7, Call("access", 21, 0, 20)));
  };
  auto order = [&](SummarySink::SortBy by) {
    SummarySink sink(/*per_thread=*/true, by);
    feed(&sink);
    std::string names;
    for (const auto& r : sink.SyscallRows())
      absl::StrAppend(&names, r.name, " ");
    for (const auto& r : sink.ThreadRows()) absl::StrAppend(&names, r.tid, " ");
    return names;
  };
  using SortBy = SummarySink::SortBy;
  // Times: read 1000 (min 100, max 900, avg 500), brk 700, close 200 (50
  // each), access 30 (min 10, max 20, avg 15). Threads: 7 1030 in 4
  // (min 10, max 900), 8 900 in 5 (min 50, max 700).
  EXPECT_EQ(order(SortBy::kTime), "read brk close access 7 8 ");
  EXPECT_EQ(order(SortBy::kMinTime), "brk read close access 8 7 ");
  EXPECT_EQ(order(SortBy::kMaxTime), "read brk close access 7 8 ");
  EXPECT_EQ(order(SortBy::kAvgTime), "brk read close access 7 8 ");
  EXPECT_EQ(order(SortBy::kCalls), "close read access brk 8 7 ");
  EXPECT_EQ(order(SortBy::kErrors), "close access read brk 8 7 ");
  EXPECT_EQ(order(SortBy::kName), "access brk close read 7 8 ");
  EXPECT_EQ(order(SortBy::kNothing), "read close brk access 7 8 ");

  SortBy by = SortBy::kTime;
  for (const char* word : {"time", "min-time", "max-time", "avg-time", "calls",
                           "errors", "name", "nothing"}) {
    EXPECT_TRUE(SummarySink::ParseSortBy(word, &by)) << word;
  }
  EXPECT_EQ(by, SortBy::kNothing);
  EXPECT_FALSE(SummarySink::ParseSortBy("foo", &by));
  EXPECT_FALSE(SummarySink::ParseSortBy("", &by));
  // strace 6.1 also takes -U's column words, "_" for "-", and "none".
  const std::pair<const char*, SortBy> kAliases[] = {
      {"time-percent", SortBy::kTime}, {"time_total", SortBy::kTime},
      {"total-time", SortBy::kTime},   {"shortest", SortBy::kMinTime},
      {"time_min", SortBy::kMinTime},  {"min_time", SortBy::kMinTime},
      {"longest", SortBy::kMaxTime},   {"time-max", SortBy::kMaxTime},
      {"avg_time", SortBy::kAvgTime},  {"time-avg", SortBy::kAvgTime},
      {"count", SortBy::kCalls},       {"error", SortBy::kErrors},
      {"syscall", SortBy::kName},      {"syscall_name", SortBy::kName},
      {"none", SortBy::kNothing},      {"calls", SortBy::kCalls}};
  for (const auto& [word, want] : kAliases) {
    by = SortBy::kTime;
    if (want == SortBy::kTime) by = SortBy::kNothing;
    EXPECT_TRUE(SummarySink::ParseSortBy(word, &by)) << word;
    EXPECT_EQ(by, want) << word;
  }
  for (const char* bad : {"percent", "Name", "count_", "syscall_", "TIME"}) {
    EXPECT_FALSE(SummarySink::ParseSortBy(bad, &by)) << bad;
  }
}

// -U: strace's words and aliases; unknown and repeated words are refused with
// strace's messages.
TEST(SummaryTest, ParseColumns) {
  using C = SummarySink::Column;
  std::vector<C> c;
  std::string error;
  ASSERT_TRUE(SummarySink::ParseColumns("calls", &c, &error));
  EXPECT_EQ(c, (std::vector<C>{C::kCalls}));
  ASSERT_TRUE(SummarySink::ParseColumns(
      "time,time-total,shortest,longest,time-avg,count,error,syscall", &c,
      &error));
  EXPECT_EQ(c, (std::vector<C>{C::kTimePercent, C::kTotalTime, C::kMinTime,
                               C::kMaxTime, C::kAvgTime, C::kCalls, C::kErrors,
                               C::kName}));
  ASSERT_TRUE(
      SummarySink::ParseColumns("syscall_name,time_min,max_time", &c, &error));
  EXPECT_EQ(c, (std::vector<C>{C::kName, C::kMinTime, C::kMaxTime}));
  EXPECT_FALSE(SummarySink::ParseColumns("calls,bogus", &c, &error));
  EXPECT_EQ(error, "unknown column name: 'bogus'");
  EXPECT_FALSE(SummarySink::ParseColumns("", &c, &error));
  EXPECT_EQ(error, "unknown column name: ''");
  EXPECT_FALSE(SummarySink::ParseColumns("calls,count", &c, &error));
  EXPECT_EQ(error,
            "call summary column has been provided more than once: 'count' "
            "(-U option residual: 'count')");
  // strace 6.1 names the rest of the list from the repeated column on.
  EXPECT_FALSE(SummarySink::ParseColumns("calls,errors,count,,x", &c, &error));
  EXPECT_EQ(error,
            "call summary column has been provided more than once: 'count' "
            "(-U option residual: 'count,,x')");
}

// The layout strace 6.1 prints for these columns: shortest and longest in
// seconds, 8 wide; the name left-aligned and padded when not last; the
// total row's shortest and longest over all calls.
TEST(SummaryTest, Columns) {
  using C = SummarySink::Column;
  SummarySink sink;
  sink.set_columns({C::kName, C::kCalls, C::kMinTime, C::kMaxTime,
                    C::kTimePercent, C::kErrors});
  sink.OnEvent(Ev(7, Call("openat", 257, 3, 56000)));
  sink.OnEvent(Ev(7, Call("openat", 257, -2, 81000)));
  sink.OnEvent(Ev(7, Call("mmap", 9, 0, 59000)));
  sink.OnEvent(Ev(7, Call("mmap", 9, 0, 12345678900)));
  EXPECT_EQ(Printed(sink),
            "syscall              calls shortest   longest % time    errors\n"
            "---------------- --------- -------- --------- ------ ---------\n"
            "mmap                     2 0.000059 12.345679 100.00          \n"
            "openat                   2 0.000056  0.000081   0.00         1\n"
            "---------------- --------- -------- --------- ------ ---------\n"
            "total                    4 0.000056 12.345679 100.00         1\n");
}

// -O: taken off each call, down to 0. A list without the name gets it
// last.
TEST(SummaryTest, OverheadIsTakenOffEachCall) {
  using C = SummarySink::Column;
  SummarySink sink;
  sink.set_columns({C::kTotalTime, C::kMinTime, C::kMaxTime, C::kCalls});
  sink.set_overhead_ns(5000);
  sink.OnEvent(Ev(7, Call("read", 0, 1, 4000)));
  sink.OnEvent(Ev(7, Call("read", 0, 1, 26000)));
  EXPECT_EQ(Printed(sink),
            "    seconds shortest  longest     calls syscall\n"
            "----------- -------- -------- --------- ----------------\n"
            "   0.000021 0.000000 0.000021         2 read\n"
            "----------- -------- -------- --------- ----------------\n"
            "   0.000021 0.000000 0.000021         2 total\n");
}

// Calls that carry their system CPU time (the engine's system_times, for
// -c) are summed by it, as strace does; -w (set_wall_clock) sums the
// wall-clock time; calls without one (cpu_ns -1) count their wall time.
TEST(SummaryTest, SystemTimeUnlessWallClock) {
  using C = SummarySink::Column;
  auto feed = [](SummarySink* sink) {
    sink->set_columns({C::kTotalTime, C::kCalls, C::kName});
    SyscallEvent sleep = Call("clock_nanosleep", 230, 0, 300'000'000);
    sleep.cpu_ns = 12'000;
    sink->OnEvent(Ev(7, sleep));
    SyscallEvent read = Call("read", 0, 1, 40'000);
    read.cpu_ns = 0;
    sink->OnEvent(Ev(7, read));
    sink->OnEvent(Ev(7, Call("read", 0, 1, 5'000)));  // not measured
  };
  SummarySink cpu;
  feed(&cpu);
  EXPECT_EQ(Printed(cpu),
            "    seconds     calls syscall\n"
            "----------- --------- ----------------\n"
            "   0.000012         1 clock_nanosleep\n"
            "   0.000005         2 read\n"
            "----------- --------- ----------------\n"
            "   0.000017         3 total\n");
  SummarySink wall;
  wall.set_wall_clock(true);
  feed(&wall);
  EXPECT_EQ(Printed(wall),
            "    seconds     calls syscall\n"
            "----------- --------- ----------------\n"
            "   0.300000         1 clock_nanosleep\n"
            "   0.000045         2 read\n"
            "----------- --------- ----------------\n"
            "   0.300045         3 total\n");
}

// strace 6.1 -c leaves out the calls its table has no name for (here
// syscall(1000) and an i386 int $0x80 with 1000): not in the rows, not in
// the total, no 32-bit table for them alone.
TEST(SummaryTest, UnnamedCallsAreNotCounted) {
  SummarySink sink(/*per_thread=*/true);
  Feed(&sink, 7, "close", 3, 2, 1, 2000);
  Feed(&sink, 7, "syscall_0x3e8", 1000, 1, 1, 5000);
  Feed(&sink, 7, "syscall_0x3e8", 1000, 1, 1, 5000, kArchI386);
  EXPECT_EQ(
      Printed(sink),
      "% time     seconds  usecs/call     calls    errors syscall\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      "100.00    0.000002           1         2         1 close\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      "100.00    0.000002           1         2         1 total\n"
      "\n"
      "% time     seconds  usecs/call     calls    errors tid\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      "100.00    0.000002           1         2         1 7\n"
      "------ ----------- ----------- --------- --------- ----------------\n"
      "100.00    0.000002           1         2         1 total\n");
}

TEST(SummaryTest, NothingCountedPrintsNothing) {
  SummarySink sink(true);
  SyscallEvent gone = Call("exit_group", 231, 0, 0);
  gone.returned = false;
  sink.OnEvent(Ev(1, gone));
  EXPECT_EQ(Printed(sink), "");
  EXPECT_TRUE(sink.Flush().ok());
}

}  // namespace
}  // namespace ttrace
