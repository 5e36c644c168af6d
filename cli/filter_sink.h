// FilterSink: the output-side filters, between the engine (or the binary
// decoder) and a formatter: -e signal=SET (signals, and group-stops by
// their signal, continuations as SIGCONT's), -e status=SET / -z / -Z, and
// for --decode also -e trace=SET and -p PID. (The text formatter leaves
// out "+++ killed by" lines of other signals itself: exits must still
// reach it.)
#ifndef TTRACE_CLI_FILTER_SINK_H_
#define TTRACE_CLI_FILTER_SINK_H_

#include <sys/types.h>

#include <vector>

#include "output/text_formatter.h"
#include "tracer/sink.h"
#include "tracer/syscalls/filter.h"

namespace ttrace {

class FilterSink : public EventSink {
 public:
  struct Filters {
    SignalSet signals = SignalSet::All();
    StatusFilter status = StatusFilter::All();
    // Applied to syscall events (for --decode; live tracing filters at the
    // source).
    const SyscallFilter* syscalls = nullptr;
    std::vector<pid_t> pids;  // empty: every process
    // -e quiet= (the text output's): lines left out, which (not printed)
    // break no held call (see TrackHeldLines).
    TextOptions::Quiet quiet;
  };
  FilterSink(Filters filters, EventSink* next)
      : filters_(std::move(filters)), next_(next) {}

  // True when nothing would ever be dropped: the sink can be skipped.
  bool PassesEverything() const {
    return filters_.signals.all() && filters_.status.all() &&
           filters_.syscalls == nullptr && filters_.pids.empty();
  }

  void OnEvent(const Event& event) override;
  absl::Status Flush() override { return next_->Flush(); }

 private:
  // -e status=: strace holds each call's text from its entry until it
  // knows its status. A "+++"/"---" line of another thread printed while
  // the call whose entry was printed last is still held ends that held
  // text with " <unfinished ...>" (strace 6.1; a held entry of another
  // call, or a whole call, closes the line first and breaks nothing).
  // `open_`: the thread whose entry is the last one printed, still held
  // (0: none); `broken_`: threads whose held call was broken so.
  void TrackHeldLines(const Event& event);
  pid_t open_ = 0;
  std::vector<pid_t> broken_;

  Filters filters_;
  EventSink* next_;
  Event scratch_;
};

}  // namespace ttrace

#endif  // TTRACE_CLI_FILTER_SINK_H_
