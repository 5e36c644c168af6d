// EventClock: event timestamps in Unix-epoch nanoseconds that never go
// backwards: the monotonic clock, anchored once to the wall clock.
#ifndef TTRACE_TRACER_CLOCK_H_
#define TTRACE_TRACER_CLOCK_H_

#include <time.h>

#include <cstdint>

namespace ttrace {

class EventClock {
 public:
  EventClock() {
    timespec wall, mono;
    clock_gettime(CLOCK_REALTIME, &wall);
    clock_gettime(CLOCK_MONOTONIC, &mono);
    wall_start_ns_ = ToNs(wall);
    mono_start_ns_ = ToNs(mono);
  }
  int64_t NowNs() const {
    timespec mono;
    clock_gettime(CLOCK_MONOTONIC, &mono);
    return wall_start_ns_ + (ToNs(mono) - mono_start_ns_);
  }
  int64_t wall_start_ns() const { return wall_start_ns_; }
  int64_t mono_start_ns() const { return mono_start_ns_; }

 private:
  static int64_t ToNs(const timespec& t) {
    return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
  }
  int64_t wall_start_ns_;
  int64_t mono_start_ns_;
};

}  // namespace ttrace

#endif  // TTRACE_TRACER_CLOCK_H_
