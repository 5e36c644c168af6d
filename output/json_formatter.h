// JsonFormatter: an EventSink that writes JSON Lines, one object per event.
// The schema (every key, in order, per event kind) is in docs/json.md.
//
// Usage:
//   StringByteSink mem;
//   JsonFormatter json(&mem);
//   json.OnEvent(e);
//   // {"ts":1795717816123456789,"pid":2678,"tid":2678,"ev":"exit",
//   //  "code":0,"comm":"t1"}\n   (on one line)
#ifndef TTRACE_OUTPUT_JSON_FORMATTER_H_
#define TTRACE_OUTPUT_JSON_FORMATTER_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "output/byte_sink.h"
#include "tracer/event.h"
#include "tracer/sink.h"

namespace ttrace {

class JsonFormatter : public EventSink {
 public:
  // `out` is not owned and must outlive the formatter.
  explicit JsonFormatter(ByteSink* out);
  JsonFormatter(const JsonFormatter&) = delete;
  JsonFormatter& operator=(const JsonFormatter&) = delete;

  void OnEvent(const Event& event) override;
  absl::Status Flush() override;

 private:
  ByteSink* out_;
  std::string line_;     // reused for every event: no allocation per event
  std::string scratch_;  // syscall "args" (args_enter + args_exit), reused
};

// Appends `s` as a JSON string literal (with the quotes). Valid UTF-8 is
// copied as is, except that \" \\ \b \f \n \r \t are escaped and other
// bytes below 0x20 become \u00XX. A byte that is not part of a valid UTF-8
// sequence (overlong forms, surrogates and code points above U+10FFFF are
// invalid) becomes \u00XX of its value (lowercase hex), so the output is
// always valid JSON; see docs/json.md for what that means for readers.
void AppendJsonString(std::string* out, std::string_view s);

}  // namespace ttrace

#endif  // TTRACE_OUTPUT_JSON_FORMATTER_H_
