// SummarySink: an EventSink that counts syscalls for -c (and -C, where the
// CLI fans events out to a formatter and to this sink) and prints strace's
// summary table at the end.
//
// Usage:
//   SummarySink summary(/*per_thread=*/options.follow_forks);
//   FanOutSink fan({&text, &summary});     // -C; with -c alone: &summary
//   ... trace ...
//   summary.Print(&writer);                // the table(s), then Flush()
//
// What counts: every SyscallEvent that returned (strace counts a call at
// its exit, so exit_group and calls cut short by the thread's death are
// not in the table). SyscallEnterEvent is ignored (the SyscallEvent that
// completes the call counts). A call is an error when its raw return value
// is in [-4095, -1], the ERESTART* codes included, as strace counts them.
// Time is, as strace's, the system CPU time of the call (cpu_ns: what the
// process and the children it reaped used between entry and exit) when
// the engine measured it (TracerOptions::system_times), else, or with
// set_wall_clock (strace's -w), the wall-clock time inside the call
// (dur_ns, entry to exit).
//
// The table is byte for byte strace 6.1's (count.c), e.g.:
//   % time     seconds  usecs/call     calls    errors syscall
//   ------ ----------- ----------- --------- --------- ----------------
//    31.70    0.000523          15        34        13 openat
//    17.70    0.000292          12        23           close
//   ------ ----------- ----------- --------- --------- ----------------
//   100.00    0.000815          14        57        13 total
// Rows are sorted by total time, longest first (or as -S says: see
// SortBy), ties by syscall number.
// -U picks and orders the columns (see Column): "shortest" and "longest"
// print seconds like "seconds"; the name is left-aligned, padded unless it
// is the last column. -O takes a fixed time off each call.
// Columns widen (never shrink below the widths shown) when a value needs
// more room; the syscall column is as wide as the longest name plus one,
// at least 16. "errors" is blank when 0. Syscalls of 32-bit (i386)
// processes get their own table after the 64-bit one, headed by
// "System call usage summary for 32 bit mode:", as strace does. Nothing is
// printed when no syscall was counted.
//
// Per-thread totals (per_thread = true, for -c -f; strace has no
// equivalent): after the syscall table(s), an empty line and a second
// table in the same layout with one row per thread instead of per syscall,
// the last column ("tid") holding the thread id. It sums every counted
// syscall of that thread, whatever its architecture:
//   % time     seconds  usecs/call     calls    errors tid
//   ------ ----------- ----------- --------- --------- ----------------
//    80.00    0.000800          10        80         2 1234
//    20.00    0.000200          10        20           1235
//   ------ ----------- ----------- --------- --------- ----------------
//   100.00    0.001000          10       100         2 total
// Sorted by time, longest first, ties by tid.
#ifndef TTRACE_OUTPUT_SUMMARY_H_
#define TTRACE_OUTPUT_SUMMARY_H_

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "output/byte_sink.h"
#include "tracer/event.h"
#include "tracer/sink.h"

namespace ttrace {

class SummarySink : public EventSink {
 public:
  // strace's -S: how rows are ordered. Counts (time, calls, errors) are
  // largest first, names alphabetical, kNothing by syscall number (tid);
  // ties by syscall number (tid).
  enum class SortBy {
    kTime,     // total time (the default)
    kMinTime,  // shortest call
    kMaxTime,  // longest call
    kAvgTime,  // time per call
    kCalls,
    kErrors,
    kName,
    kNothing,
  };
  // "time", "min-time", "max-time", "avg-time", "calls", "errors", "name",
  // "nothing" (strace's -S words); false for anything else.
  static bool ParseSortBy(std::string_view word, SortBy* by);

  // strace's -U: the columns, in order.
  enum class Column {
    kTimePercent,  // "% time"
    kTotalTime,    // "seconds"
    kMinTime,      // "shortest": the shortest call, in seconds
    kMaxTime,      // "longest"
    kAvgTime,      // "usecs/call"
    kCalls,
    kErrors,
    kName,  // "syscall" (or "tid"): left-aligned
  };
  // A comma-separated list of strace's column words (time-percent or time,
  // total-time or time-total, min-time or shortest or time-min, max-time
  // or longest or time-max, avg-time or time-avg, calls or count, errors
  // or error, name or syscall or syscall-name; "_" for "-" too). False
  // with strace's message in *error for an unknown or repeated word.
  static bool ParseColumns(std::string_view list, std::vector<Column>* columns,
                           std::string* error);

  struct Row {
    std::string name;             // syscall name, or the tid in decimal
    uint32_t arch = kArchX86_64;  // syscall rows only
    int32_t nr = 0;               // syscall rows only
    pid_t tid = 0;                // thread rows only
    uint64_t calls = 0;
    uint64_t errors = 0;
    int64_t time_ns = 0;  // sum of dur_ns (negative durations count as 0)
    int64_t min_ns = 0;   // shortest and longest call
    int64_t max_ns = 0;
  };

  explicit SummarySink(bool per_thread = false, SortBy sort_by = SortBy::kTime);
  SummarySink(const SummarySink&) = delete;
  SummarySink& operator=(const SummarySink&) = delete;

  // -U: the columns (default: time-percent, total-time, avg-time, calls,
  // errors, name).
  // The name is added last unless listed.
  void set_columns(std::vector<Column> columns);
  // -O: taken off each call's time (down to 0), as strace does to remove
  // what tracing adds.
  void set_overhead_ns(int64_t ns) { overhead_ns_ = ns; }
  // -w: sum the calls' wall-clock time (dur_ns) even when they carry their
  // system CPU time (cpu_ns).
  void set_wall_clock(bool wall) { wall_clock_ = wall; }

  void OnEvent(const Event& event) override;

  // Appends the table(s) described above to `out` (does not flush).
  void Print(ByteSink* out) const;

  // The counts, in the order Print prints them: 64-bit syscalls first, then
  // i386 ones; threads (empty unless per_thread).
  std::vector<Row> SyscallRows() const;
  std::vector<Row> ThreadRows() const;

 private:
  bool per_thread_;
  SortBy sort_by_;
  std::vector<Column> columns_;
  int64_t overhead_ns_ = 0;
  bool wall_clock_ = false;
  // Key: arch << 32 | nr.
  absl::flat_hash_map<uint64_t, Row> syscalls_;
  // Calls named otherwise than the first of their number (i386's
  // socketcall and ipc are named after the call they make, as strace
  // counts them): key arch << 32 | nr, then the name.
  absl::flat_hash_map<uint64_t, absl::flat_hash_map<std::string, Row>> renamed_;
  absl::flat_hash_map<pid_t, Row> threads_;
};

}  // namespace ttrace

#endif  // TTRACE_OUTPUT_SUMMARY_H_
