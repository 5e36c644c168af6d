// PerfettoFormatter: an EventSink that writes a thread timeline as Chrome
// Trace Event JSON, the format ui.perfetto.dev and chrome://tracing open
// (docs/perfetto.md says how).
//
// Usage:
//   FdWriter out(fd, /*owns_fd=*/true);
//   PerfettoFormatter perfetto(&out);
//   ... perfetto.OnEvent(e) for every event ...
//   absl::Status s = perfetto.Finish();  // closes the JSON, then flushes
//
// Output: {"traceEvents":[ ... ],"displayTimeUnit":"ns","otherData":{...}}
//   - one track per thread: pid = thread group id, tid = thread id;
//   - each thread's lifetime as a complete event ("X", cat "thread") from its
//     creation (spawn, attach, clone child, or the first event seen from it)
//     to its exit or detach;
//   - syscalls as complete events ("X", cat "syscall"): ts = entry, dur =
//     dur_ns, args {"args": decoded arguments, "ret": result text};
//   - spawn, attach, detach, clone, exec, signal, stop, cont and exit as
//     thread-scoped instant events ("i") with their details in "args";
//   - at Finish, one process_name and one thread_name metadata event ("M")
//     per process and thread: comm from exit events, else the basename of
//     the last exec (or spawn) path, else "tid N" / "pid N"; and
//     thread_sort_index so tracks appear in creation order.
// Slices on a track always nest: a syscall slice never starts before its
// thread's lifetime or before the previous syscall slice of the thread ended
// (impossible for a real thread; a corrupt or edited trace is clipped).
// Timestamps are microseconds (with nanosecond decimals) since the first
// event; otherData.ts_origin_ns holds that first event's Unix-epoch ns.
// Threads still alive at Finish (a trace that ended without exits) and
// syscalls still open get slices ending at the last timestamp seen, with
// "unfinished": true, so the output is valid JSON either way.
//
// Memory: a small record per thread seen (names are only known at the end);
// the events themselves are streamed out.
#ifndef TTRACE_OUTPUT_PERFETTO_FORMATTER_H_
#define TTRACE_OUTPUT_PERFETTO_FORMATTER_H_

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "output/byte_sink.h"
#include "tracer/event.h"
#include "tracer/sink.h"

namespace ttrace {

class PerfettoFormatter : public EventSink {
 public:
  // `out` is not owned and must outlive the formatter.
  explicit PerfettoFormatter(ByteSink* out);
  PerfettoFormatter(const PerfettoFormatter&) = delete;
  PerfettoFormatter& operator=(const PerfettoFormatter&) = delete;

  // Precondition: Finish() was not called (later events are dropped).
  void OnEvent(const Event& event) override;
  absl::Status Flush() override;
  // Closes open slices at the last timestamp, writes the metadata events
  // and the end of the JSON document, then flushes. Later calls only flush.
  absl::Status Finish();

 private:
  struct Thread {
    pid_t pid = 0;
    int64_t start_ns = 0;    // lifetime slice start
    int64_t end_ns = 0;      // latest end of anything on this track
    int64_t busy_until = 0;  // end of the last syscall slice
    bool alive = false;      // lifetime slice open
    bool has_comm = false;   // `name` came from an exit's comm
    std::string name;        // comm or exec basename; "" = unknown
    uint64_t order = 0;      // creation order, for thread_sort_index
    // An announced syscall (syscall_enter) not completed yet.
    bool in_syscall = false;
    int64_t syscall_ts = 0;
    std::string syscall_name;
    std::string syscall_args;
  };

  // What the metadata events say about one track (pid, tid).
  struct Meta {
    std::string name;
    uint64_t order = ~uint64_t{0};
  };

  // The thread's record, started (at ts) if it is not alive.
  Thread& Track(pid_t pid, pid_t tid, int64_t ts);
  void StartThread(pid_t pid, pid_t tid, int64_t ts);
  void EndThread(pid_t tid, int64_t ts, const char* how);
  // Appends `,{"name":...,"ph":...,"ts":...,"pid":..,"tid":..` (no closing
  // brace) to line_.
  void Begin(const char* ph, std::string_view name, const char* cat,
             int64_t ts_ns, pid_t pid, pid_t tid);
  void AppendTs(int64_t ns);      // relative to origin_ns_
  void AppendMicros(int64_t ns);  // ns as microseconds
  void Emit();                    // appends line_ to out_

  ByteSink* out_;
  std::string line_;
  std::string scratch_;
  bool started_ = false;  // the document's opening was written
  bool first_ = true;     // no element written yet
  bool finished_ = false;
  bool first_event_ = true;
  int64_t origin_ns_ = 0;
  int64_t last_ns_ = 0;
  uint64_t next_order_ = 0;
  absl::flat_hash_map<pid_t, Thread> threads_;  // by tid
  // By (pid << 32 | tid): filled when a thread's lifetime ends, so a tid
  // reused by another thread still gets one metadata event per track.
  absl::flat_hash_map<uint64_t, Meta> meta_;
  absl::flat_hash_map<pid_t, std::string> process_names_;
};

}  // namespace ttrace

#endif  // TTRACE_OUTPUT_PERFETTO_FORMATTER_H_
