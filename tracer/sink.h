// EventSink: where the engine sends events. Formatters implement it; so do
// tests (collecting events into a vector) and fan-out (several sinks).
//
// Usage:
//   class Collect : public EventSink {
//     void OnEvent(const Event& e) override { events.push_back(e); }
//     std::vector<Event> events;
//   };
#ifndef TTRACE_TRACER_SINK_H_
#define TTRACE_TRACER_SINK_H_

#include <vector>

#include "absl/status/status.h"
#include "tracer/event.h"

namespace ttrace {

class EventSink {
 public:
  virtual ~EventSink() = default;
  // Called once per event, in order. Must not block for long: the traced
  // thread is stopped while this runs.
  virtual void OnEvent(const Event& event) = 0;
  // Pushes buffered output out. The engine itself never calls it: the owner
  // does (the CLI on a timer while the engine waits, and at the end). A
  // non-OK status means output failed (disk full, closed pipe); the CLI then
  // asks the engine to detach from everything.
  virtual absl::Status Flush() { return absl::OkStatus(); }
};

// Sends every event to each of several sinks (not owned), in order.
class FanOutSink : public EventSink {
 public:
  explicit FanOutSink(std::vector<EventSink*> sinks)
      : sinks_(std::move(sinks)) {}
  void OnEvent(const Event& event) override {
    for (EventSink* s : sinks_) s->OnEvent(event);
  }
  absl::Status Flush() override {
    absl::Status result;
    for (EventSink* s : sinks_) result.Update(s->Flush());
    return result;
  }

 private:
  std::vector<EventSink*> sinks_;
};

}  // namespace ttrace

#endif  // TTRACE_TRACER_SINK_H_
