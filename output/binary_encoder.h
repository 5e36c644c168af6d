// BinaryEncoder: an EventSink that writes the ttrace binary stream
// (docs/binary-format.md) to a ByteSink: a header, then one self-delimiting
// record per event (plus string-table records), then an end record.
//
// Usage:
//   FdWriter out(fd, /*owns_fd=*/true);
//   BinaryHeader header = ...;  // see output/binary_format.h
//   BinaryEncoder enc(&out, header);  // appends the header right away
//   tracer.Run(&enc);                 // OnEvent per event
//   absl::Status s = enc.Finish();    // end record + Flush
//
// Every OnEvent appends whole records only (one Append per record), so the
// ByteSink holds a decodable prefix whenever it is flushed: a trace cut by a
// crash decodes up to its last complete record. Without Finish() the trace
// reads as truncated.
//
// Fast path: no allocation per event once warm (records are built in a
// reused buffer); strings repeated across events are sent once (string
// table) or as a delta against the previous value of the same field of the
// same syscall.
#ifndef TTRACE_OUTPUT_BINARY_ENCODER_H_
#define TTRACE_OUTPUT_BINARY_ENCODER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "output/binary_format.h"
#include "output/byte_sink.h"
#include "tracer/event.h"
#include "tracer/sink.h"

namespace ttrace {
namespace binary_internal {
class Buf;  // binary_encoder.cc
}  // namespace binary_internal

struct BinaryEncoderOptions {
  // Send syscall argument strings as deltas against the previous calls of
  // the same syscall (about 3x smaller files). Off: literally, which
  // encodes about 1.7x faster (bench/binary_benchmark.cc measures both).
  // Readers need not know: both are the same format.
  bool delta_args = true;
};

class BinaryEncoder : public EventSink {
 public:
  // `out` is not owned and must outlive the encoder. Appends the header.
  BinaryEncoder(ByteSink* out, const BinaryHeader& header,
                BinaryEncoderOptions options = {});
  ~BinaryEncoder() override;
  BinaryEncoder(const BinaryEncoder&) = delete;
  BinaryEncoder& operator=(const BinaryEncoder&) = delete;

  // Precondition: Finish() was not called (events after it are dropped).
  void OnEvent(const Event& event) override;
  absl::Status Flush() override;

  // Appends the end record (event counts per kind), then flushes. Call once,
  // when the trace is complete; later calls only flush.
  absl::Status Finish();

  uint64_t events() const { return events_; }

 private:
  struct Slot;
  struct History;
  struct Context;
  using Buf = binary_internal::Buf;

  // Makes room for a record body of up to `n` bytes; returns where the body
  // starts (a few bytes of headroom before it take the record header).
  char* BodyStart(size_t n);
  // Prepends type and length to the body [BodyStart(), end) and appends the
  // record to out_.
  void Emit(uint64_t type, char* end);
  char* PutHeader(char* p, const Event& event);
  // A string without context (paths, comm, argv, names): through the
  // string table when seen before, else literally.
  char* PutInterned(char* p, std::string_view s);
  // A syscall argument string: "same as" or a prefix/suffix delta against
  // one of the last two values of the same field for the same syscall
  // (*hist), or a literal. Updates *hist.
  char* PutArgs(char* p, std::string_view s, History* hist);
  void DefineSlot(uint32_t slot, std::string_view s);
  // Writes the nr/arch/name prefix shared by syscall and syscall_enter.
  char* PutSyscallId(char* p, int32_t nr, uint32_t arch,
                     const std::string& name, Context** ctx);
  // The appended fields of syscall and syscall_enter records: -i's ip,
  // -k's stack, -e read=/write='s dump, `marks`, the bits without data
  // (kSysExtDetached, kSysExtDelayed, kSysExtPoked), and -c's cpu_ns (-1:
  // none).
  char* PutAppended(char* p, uint64_t ip, std::string_view stack,
                    std::string_view dump, uint64_t marks, int64_t cpu_ns,
                    Context* ctx);
  // A string written literally (no table, no delta).
  static char* PutLiteral(char* p, std::string_view s);
  void EncodeOversized(const Event& event);

  ByteSink* out_;
  const BinaryEncoderOptions options_;
  std::unique_ptr<char[]> buf_;
  size_t buf_size_ = 0;
  std::string slot_record_;  // scratch for string-table records
  std::unique_ptr<Slot[]> slots_;
  std::unique_ptr<Context[]> contexts_;

  uint64_t prev_ts_ = 0;  // as unsigned: deltas wrap, never overflow
  int32_t prev_tid_ = 0;
  int32_t prev_pid_ = 0;
  uint64_t next_seq_ = 0;
  uint64_t events_ = 0;
  std::array<uint64_t, binfmt::kEventKinds> kind_counts_{};
  bool finished_ = false;
};

}  // namespace ttrace

#endif  // TTRACE_OUTPUT_BINARY_ENCODER_H_
