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
  Filters filters_;
  EventSink* next_;
  Event scratch_;
};

}  // namespace ttrace

#endif  // TTRACE_CLI_FILTER_SINK_H_
