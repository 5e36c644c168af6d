// BinaryDecoder: reads the ttrace binary stream (docs/binary-format.md)
// incrementally and sends each event to an EventSink, in order.
//
// Usage (the CLI's --decode):
//   BinaryHeader header;
//   absl::Status s = DecodeStream(fd, &formatter, &header);
//   formatter.Flush();
//   if (absl::IsDataLoss(s)) {        // cut short: every complete record
//     warn(s.message());              // before the cut was delivered
//   } else if (!s.ok()) {             // not a trace, corrupt, or read error
//     error(s.message());
//   }
//
// Or push bytes as they come (from a pipe, a socket, a test):
//   BinaryDecoder dec(&sink);
//   while (...) { if (!dec.Feed(chunk).ok()) break; }
//   absl::Status s = dec.Finish();
//
// Statuses (messages are one line, no trailing period):
//   OK            the end record was read and its counts match.
//   DataLoss      truncated: "trace is truncated after N events (...)". Every
//                 event of every complete record was delivered.
//   InvalidArgument  not a ttrace trace ("bad magic"), an unsupported format
//                 version, or corrupt data ("corrupt trace at byte offset
//                 X: ..."); the events before the bad record were delivered.
//   Unavailable   reading the file descriptor failed (DecodeStream only).
//
// Hostile input never crashes the decoder and its memory stays bounded: one
// record (at most 16 MiB) plus the string table (at most 64 MiB) plus one
// event (at most 32 MiB of strings); see binary_format.h for the limits.
#ifndef TTRACE_OUTPUT_BINARY_DECODER_H_
#define TTRACE_OUTPUT_BINARY_DECODER_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "output/binary_format.h"
#include "tracer/event.h"
#include "tracer/sink.h"

namespace ttrace {

class BinaryDecoder {
 public:
  // `sink` is not owned and must outlive the decoder.
  explicit BinaryDecoder(EventSink* sink);
  ~BinaryDecoder();
  BinaryDecoder(const BinaryDecoder&) = delete;
  BinaryDecoder& operator=(const BinaryDecoder&) = delete;

  // Called once, as soon as the header has been read (before any event).
  void set_on_header(std::function<void(const BinaryHeader&)> f) {
    on_header_ = std::move(f);
  }

  // Decodes every complete record in the bytes fed so far; keeps an
  // incomplete tail for the next call. A non-OK status (InvalidArgument) is
  // sticky: later calls return it and decode nothing.
  absl::Status Feed(std::string_view bytes);

  // Declares the end of input: OK for a clean end, DataLoss when the input
  // stopped before the end record, or the sticky error.
  absl::Status Finish();

  bool has_header() const { return stage_ != Stage::kHeader; }
  const BinaryHeader& header() const { return header_; }
  uint64_t events() const { return events_; }  // delivered so far
  bool ended() const { return stage_ == Stage::kEnded; }
  // Records of unknown type skipped so far (written by a newer ttrace).
  uint64_t skipped_records() const { return skipped_; }

 private:
  struct State;
  enum class Stage { kHeader, kRecords, kEnded };

  // Decodes what it can from `data`; sets *consumed.
  absl::Status Parse(std::string_view data, size_t* consumed);
  absl::Status ParseHeader(std::string_view data, size_t* consumed);
  absl::Status Record(uint64_t type, const char* body, const char* end);
  absl::Status Corrupt(std::string_view what) const;

  EventSink* sink_;
  std::unique_ptr<State> state_;
  std::function<void(const BinaryHeader&)> on_header_;
  BinaryHeader header_;
  Stage stage_ = Stage::kHeader;
  absl::Status error_;
  std::string pending_;         // an incomplete record (or header)
  uint64_t offset_ = 0;         // stream offset of pending_'s first byte
  uint64_t record_offset_ = 0;  // stream offset of the record being read
  uint64_t events_ = 0;
  uint64_t skipped_ = 0;
  std::array<uint64_t, binfmt::kEventKinds> kind_counts_{};
};

// Decodes a whole stream from `fd` (a file or a pipe; read until EOF, no
// seeking) into `sink`. `header_out` (may be null) receives the header if
// it was read. Returns what BinaryDecoder::Finish returns, or Unavailable
// "read: <strerror>" when reading fails. Does not flush `sink`.
// `on_header`, if given, is called with the header before any event.
absl::Status DecodeStream(
    int fd, EventSink* sink, BinaryHeader* header_out,
    std::function<void(const BinaryHeader&)> on_header = nullptr);

// The same from memory.
absl::Status DecodeBytes(std::string_view bytes, EventSink* sink,
                         BinaryHeader* header_out);

}  // namespace ttrace

#endif  // TTRACE_OUTPUT_BINARY_DECODER_H_
