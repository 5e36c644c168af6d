// ByteSink: where encoders put bytes. Encoders append; the owner decides
// when bytes reach the file (FdWriter) or stay in memory (StringByteSink,
// for tests and benchmarks).
//
// Usage:
//   StringByteSink mem;
//   TextFormatter text(&mem, options);
//   text.OnEvent(e);
//   EXPECT_EQ(mem.str(), "+++ exited with 0 +++\n");
#ifndef TTRACE_OUTPUT_BYTE_SINK_H_
#define TTRACE_OUTPUT_BYTE_SINK_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace ttrace {

class ByteSink {
 public:
  virtual ~ByteSink() = default;
  virtual void Append(std::string_view bytes) = 0;
  // Writes out what is buffered. Sticky: once a write failed, every later
  // Flush returns the same error and Append discards.
  virtual absl::Status Flush() = 0;
};

class StringByteSink : public ByteSink {
 public:
  void Append(std::string_view bytes) override { str_.append(bytes); }
  absl::Status Flush() override { return absl::OkStatus(); }
  const std::string& str() const { return str_; }
  void clear() { str_.clear(); }

 private:
  std::string str_;
};

}  // namespace ttrace

#endif  // TTRACE_OUTPUT_BYTE_SINK_H_
