// libFuzzer target for the binary stream decoder (output/binary_decoder.h).
// Built and run by fuzz/build_and_run.sh with clang's
// -fsanitize=fuzzer,address,undefined; not built by Bazel.
//
// For any input it checks that:
//   - decoding never crashes, hangs or trips a sanitizer, and returns OK,
//     DataLoss (truncated) or InvalidArgument (corrupt), never another code;
//   - feeding the same bytes in pieces (split where the input says) gives
//     the same events and the same status as feeding them at once;
//   - every decoded event formats as JSON Lines and as a Perfetto timeline
//     whose JSON is closed (formatters must take any decoded value);
//   - re-encoding the decoded events and decoding them again gives the same
//     JSON Lines (the encoder round-trips whatever the decoder produces).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "output/binary_decoder.h"
#include "output/binary_encoder.h"
#include "output/byte_sink.h"
#include "output/json_formatter.h"
#include "output/perfetto_formatter.h"
#include "tracer/event.h"
#include "tracer/sink.h"

namespace {

using ttrace::Event;

class Keep : public ttrace::EventSink {
 public:
  void OnEvent(const Event& e) override {
    if (events.size() < 2000) events.push_back(e);
    ++count;
  }
  std::vector<Event> events;
  size_t count = 0;
};

std::string JsonLines(const std::vector<Event>& events) {
  ttrace::StringByteSink out;
  ttrace::JsonFormatter json(&out);
  for (const Event& e : events) json.OnEvent(e);
  return out.str();
}

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "decoder_fuzzer: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  Keep whole;
  ttrace::BinaryHeader header;
  const absl::Status s = ttrace::DecodeBytes(bytes, &whole, &header);
  if (!s.ok() && !absl::IsDataLoss(s) && !absl::IsInvalidArgument(s)) {
    Fail("unexpected status code");
  }

  // The same bytes in pieces: split points taken from the input itself.
  Keep pieces;
  {
    ttrace::BinaryDecoder dec(&pieces);
    size_t at = 0;
    absl::Status ps;
    size_t step = 1 + (size > 0 ? data[0] % 97 : 0);
    while (at < size && ps.ok()) {
      const size_t n = std::min(step, size - at);
      ps = dec.Feed(bytes.substr(at, n));
      at += n;
      step = 1 + (step * 31 + 7) % 301;
    }
    if (ps.ok()) ps = dec.Finish();
    if (ps.code() != s.code() || ps.message() != s.message()) {
      Fail("incremental decoding differs from decoding at once");
    }
  }
  if (pieces.count != whole.count) Fail("incremental event count differs");
  const std::string json = JsonLines(whole.events);
  if (JsonLines(pieces.events) != json) Fail("incremental events differ");

  // Formatters take whatever was decoded.
  {
    ttrace::StringByteSink out;
    ttrace::PerfettoFormatter perfetto(&out);
    for (const Event& e : whole.events) perfetto.OnEvent(e);
    (void)perfetto.Finish();
    if (out.str().empty() || out.str().back() != '\n') Fail("perfetto");
  }

  // Round trip through the encoder (with the capture settings: captured
  // calls need them).
  ttrace::StringByteSink bin;
  {
    ttrace::BinaryHeader again_header;
    again_header.capture = header.capture;
    ttrace::BinaryEncoder enc(&bin, again_header);
    for (const Event& e : whole.events) enc.OnEvent(e);
    (void)enc.Finish();
  }
  Keep again;
  if (!ttrace::DecodeBytes(bin.str(), &again, nullptr).ok()) {
    Fail("re-encoded events do not decode");
  }
  if (JsonLines(again.events) != json) Fail("re-encoded events differ");
  return 0;
}
