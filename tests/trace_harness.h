// Test harness: traces a tracee program (tests/tracees) with the real engine,
// in-process, and returns the events; plus helpers to read them.
//
// Usage:
//   Traced t = TraceCommand({TraceePath("threads"), "threads", "3", "7"});
//   EXPECT_EQ(t.result.exit_status, 7);
//   EXPECT_EQ(Count<CloneEvent>(t.events), 3);
//   // Names: the first pid seen is "P", other tids "T1", "T2"... in order
//   // of first appearance, so expectations need no real tids.
//   EXPECT_THAT(Describe(t.events), ElementsAre("P spawn", ...));
#ifndef TTRACE_TESTS_TRACE_HARNESS_H_
#define TTRACE_TESTS_TRACE_HARNESS_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "tracer/event.h"
#include "tracer/sink.h"
#include "tracer/tracer.h"

namespace ttrace::testing {

// Path of a tracee binary built from tests/tracees/NAME.cc (a data dep).
std::string TraceePath(absl::string_view name);

class RecordingSink : public EventSink {
 public:
  void OnEvent(const Event& e) override {
    events.push_back(e);
    if (react) react(e);
  }
  std::vector<Event> events;
  // Called after recording each event, on the tracer's thread: tests use it
  // to act at a precise point (e.g. send SIGCONT once a stop is seen).
  std::function<void(const Event&)> react;
};

// Traces every syscall, decodes nothing: lets the engine trace syscalls
// in-process without the CLI's SyscallKnowledge (//cli:syscall_knowledge
// is private to //cli). Names are "sys_NR".
class AllSyscalls : public SyscallDecoder {
 public:
  bool Traced(uint32_t, int32_t) const override { return true; }
  bool IsExec(uint32_t arch, int32_t nr) const override;
  void Name(uint32_t, int32_t nr, std::string* out) const override;
  void DecodeEntry(const SyscallCall&, std::string* out) override {
    out->clear();
  }
  void DecodeExit(const SyscallCall&, int64_t, std::string* out,
                  SyscallEvent::RetFormat* format,
                  std::string* ret_suffix) override {
    out->clear();
    *format = SyscallEvent::RetFormat::kDecimal;
    ret_suffix->clear();
  }
};

struct Traced {
  std::vector<Event> events;
  RunResult result;
};

// Spawns argv under trace and runs to the end. Fails the test (ADD_FAILURE)
// if spawning or running fails.
Traced TraceCommand(const std::vector<std::string>& argv,
                    TracerOptions options = {},
                    std::function<void(const Event&)> react = nullptr);

template <typename T>
int Count(const std::vector<Event>& events) {
  int n = 0;
  for (const Event& e : events) n += std::holds_alternative<T>(e.payload);
  return n;
}

template <typename T>
std::vector<Event> Only(const std::vector<Event>& events) {
  std::vector<Event> out;
  for (const Event& e : events) {
    if (std::holds_alternative<T>(e.payload)) out.push_back(e);
  }
  return out;
}

// One line per event with symbolic thread names: "P" for the first pid,
// then T1, T2, ... in order of first appearance (as tid or as clone child).
//   "P spawn", "P exec threads", "P clone thread T1", "T1 exit 0",
//   "P signal SIGUSR1 SI_TKILL from P", "T1 stop SIGSTOP", "T1 cont",
//   "T1 killed SIGSEGV core", "P superseded by T1", "P exec true old T1",
//   "T1 attach", "T1 detach"
// Exec paths are shown by basename.
std::vector<std::string> Describe(const std::vector<Event>& events);

// Describe, sorted: for comparing when threads race each other.
std::vector<std::string> DescribeSorted(const std::vector<Event>& events);

// Every thread that appears must have exactly one exit (or detach) event,
// and no event after it. Returns "" if so, else a description of the fault.
std::string CheckLifecycle(const std::vector<Event>& events);

}  // namespace ttrace::testing

#endif  // TTRACE_TESTS_TRACE_HARNESS_H_
