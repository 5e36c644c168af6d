// The ttrace binary stream (--format=binary, --record): constants and the
// header value shared by the encoder (output/binary_encoder.h) and the
// decoder (output/binary_decoder.h). The byte layout is specified in
// docs/binary-format.md; this file only names its numbers.
//
// Usage:
//   BinaryHeader h;
//   h.wall_start_ns = clock.wall_start_ns();
//   h.monotonic_start_ns = clock.mono_start_ns();
//   h.ttrace_version = "ttrace 0.1.0";
//   h.command_line = {"ttrace", "-f", "--", "make"};
//   FillHostInfo(&h);  // hostname, kernel release, architecture (uname)
//   BinaryEncoder enc(&out, h);
#ifndef TTRACE_OUTPUT_BINARY_FORMAT_H_
#define TTRACE_OUTPUT_BINARY_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ttrace {

// What a trace says about itself, written once at its start.
struct BinaryHeader {
  int64_t monotonic_start_ns = 0;  // CLOCK_MONOTONIC when tracing started
  int64_t wall_start_ns = 0;       // CLOCK_REALTIME at the same instant
  std::string hostname;            // uname nodename
  std::string kernel_release;      // uname release, e.g. "6.1.0-18-amd64"
  std::string arch;                // uname machine, e.g. "x86_64"
  std::string ttrace_version;      // e.g. "ttrace 0.1.0"
  std::vector<std::string> command_line;  // ttrace's own argv
  // Present when syscall records may hold captures (SyscallEvent::captured):
  // the decoding options they were captured under (-s, -v, -x/-xx, -X),
  // which turn them into text.
  struct CaptureSettings {
    uint64_t string_limit = 32;
    bool verbose = false;
    uint8_t hex_strings = 0;  // HexStrings
    uint8_t xlat_style = 0;   // XlatStyle
  };
  std::optional<CaptureSettings> capture;
};

// Fills hostname, kernel_release and arch from uname(2). Leaves the other
// fields alone.
void FillHostInfo(BinaryHeader* header);

namespace binfmt {

// "\x89TTR\r\n\x1a\n": a non-ASCII first byte, then CR LF, ^Z and LF, so that
// text-mode transfers and 7-bit channels visibly corrupt the magic.
inline constexpr char kMagic[8] = {'\x89', 'T',  'T',    'R',
                                   '\r',   '\n', '\x1a', '\n'};
inline constexpr size_t kMagicSize = sizeof(kMagic);
inline constexpr uint64_t kVersion = 1;

// Record types (a varint before every record's length).
inline constexpr uint64_t kRecordEnd = 1;     // clean end, with event counts
inline constexpr uint64_t kRecordString = 2;  // defines a string-table slot
// Event records: kRecordFirstEvent + the index of the payload alternative in
// EventPayload (spawn = 16 ... syscall = 26). Types 3..15 and 27+ are
// reserved; readers skip record types they do not know.
inline constexpr uint64_t kRecordFirstEvent = 16;
inline constexpr int kEventKinds = 11;  // std::variant_size_v<EventPayload>

// Event header: the first varint of an event body is
//   ts_delta << kFlagBits | flags
// and the rare cases are behind kFlagRare, which adds a varint of kRare*
// bits.
inline constexpr uint64_t kFlagTid = 1;   // tid != previous event's tid
inline constexpr uint64_t kFlagPid = 2;   // pid != previous event's pid
inline constexpr uint64_t kFlagRare = 4;  // a varint of kRare* bits follows
inline constexpr int kFlagBits = 3;
inline constexpr uint64_t kRareSeq = 1;    // seq != previous seq + 1
inline constexpr uint64_t kRareBigTs = 2;  // ts delta negative or >= 2^61

// Syscall record flag bits (the varint after nr/arch/name).
inline constexpr uint64_t kSysArgsMask = 0x3f;     // raw_args[i] changed
inline constexpr uint64_t kSysNotReturned = 0x40;  // returned == false
inline constexpr uint64_t kSysSplit = 0x80;
inline constexpr int kSysRetFormatShift = 8;      // 2 bits
inline constexpr uint64_t kSysRetSuffix = 0x400;  // ret_suffix follows
inline constexpr uint64_t kSysInjected = 0x800;   // injected == true
// nargs (a varint, 0..6) follows the flags: the syscall context's argument
// count changes (it starts at 6).
inline constexpr uint64_t kSysNargs = 0x1000;
// SyscallEvent::captured (args_enter and args_exit are captures) differs
// from the syscall context's last record's (false at first); only in a
// trace whose header has capture settings.
inline constexpr uint64_t kSysCaptured = 0x2000;
inline constexpr uint64_t kSysKnownBits = 0x3fff;

// Header fields after the command line, each a varint tag and its data.
inline constexpr uint64_t kHeaderCapture = 1;   // string_limit, bits:
inline constexpr uint64_t kCaptureVerbose = 1;  // bit 0, then
inline constexpr int kCaptureHexShift = 1;      // 2 bits: hex_strings
inline constexpr int kCaptureXlatShift = 3;     // 2 bits: xlat_style
inline constexpr uint64_t kMaxCaptureStringLimit = uint64_t{1} << 31;

// Signal records: a varint of these bits may follow the first layout's
// fields (written only when a bit is set); the fields of each set bit
// follow in bit order.
inline constexpr uint64_t kSignalExtChild = 1;   // status, utime, stime
inline constexpr uint64_t kSignalExtIp = 2;      // ip: varint
inline constexpr uint64_t kSignalExtStack = 4;   // stack: string (literal)
inline constexpr uint64_t kSignalExtValue = 8;   // value: varint
inline constexpr uint64_t kSignalExtTimer = 16;  // timer id, overrun: svarint
inline constexpr uint64_t kSignalExtErrno = 32;  // si_errno: svarint
inline constexpr uint64_t kSignalExtPoll = 64;   // band: svarint, fd: svarint
// call_addr: varint, nr: svarint, arch: varint, personality: varint
inline constexpr uint64_t kSignalExtSys = 128;
// -y/-yy's text after si_fd ("<pipe:[123]>"): string (literal); only with
// kSignalExtPoll.
inline constexpr uint64_t kSignalExtFdInfo = 256;

// Stop records: likewise, a varint of these bits may follow `signo`.
inline constexpr uint64_t kStopExtStack = 1;  // stack: string (literal)

// Syscall and syscall_enter records: likewise, a varint of these bits may
// follow the first layout's fields.
inline constexpr uint64_t kSysExtIp = 1;        // ip: svarint, context.ip += it
inline constexpr uint64_t kSysExtStack = 2;     // stack: string, context stack
inline constexpr uint64_t kSysExtDump = 4;      // dump: string (literal)
inline constexpr uint64_t kSysExtDetached = 8;  // detached = true (no data)
inline constexpr uint64_t kSysExtDelayed = 16;  // delayed = true (no data)
inline constexpr uint64_t kSysExtCpu = 32;      // cpu_ns: svarint
inline constexpr uint64_t kSysExtPoked = 64;  // injected_args = true (no data)

// String field modes (low 2 bits of a string field's first varint).
inline constexpr uint64_t kStrLiteral = 0;  // length = v >> 2, bytes follow
inline constexpr uint64_t kStrSlot = 1;     // string-table slot v >> 2
// Delta: v >> 2 = prefix << 1 | which (0: the latest context value, 1: the
// one before); a suffix length and the middle bytes follow.
inline constexpr uint64_t kStrDelta = 2;
inline constexpr uint64_t kStrSame = 3;  // v >> 2 = which (0 or 1)

// Syscall prediction contexts: per context the previous raw arguments and
// the last two distinct values of name, args_enter and args_exit. Context
// of a syscall: (uint32(nr) + (arch == kArchX86_64 ? 0 : 512)) & 1023.
inline constexpr uint32_t kSyscallContexts = 1024;
// A context keeps a string only up to this length (longer: keeps "").
inline constexpr size_t kMaxContextString = 4096;

// Limits a reader enforces (a writer never exceeds them).
inline constexpr uint64_t kMaxHeaderLength = 1 << 20;   // 1 MiB
inline constexpr uint64_t kMaxRecordLength = 16 << 20;  // 16 MiB
inline constexpr uint64_t kMaxStringSlots = 1 << 16;
inline constexpr uint64_t kMaxSlotString = 64 << 10;  // 64 KiB per slot
inline constexpr uint64_t kMaxStringTableBytes = 64 << 20;
// Total bytes of the strings of one decoded event (slot references can make
// an event much larger than its record).
// Each spawn argument also counts kArgumentCost bytes against it.
inline constexpr uint64_t kMaxEventStringBytes = 32 << 20;
inline constexpr uint64_t kArgumentCost = 32;

// What the encoder chooses (readers accept any value within the limits).
inline constexpr uint32_t kEncoderSlots = 4096;
inline constexpr size_t kEncoderMaxInterned = 4096;

// ---- Integer coding shared by the encoder and the decoder.

// ZigZag: 0, -1, 1, -2, ... -> 0, 1, 2, 3, ... so small negatives are short.
inline uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t UnZigZag(uint64_t v) {
  return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
}

// Writes `v` as a LEB128 varint (7 bits per byte, low bits first, high bit
// = more bytes follow) at `p`; returns the byte after it. At most 10 bytes.
inline char* PutVarint(char* p, uint64_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<char>(v | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<char>(v);
  return p;
}
inline size_t VarintLength(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++n;
  }
  return n;
}
inline constexpr size_t kMaxVarintLength = 10;

enum class VarintResult { kOk, kIncomplete, kInvalid };

// Reads a varint from [*p, end). kIncomplete: the bytes end before the
// varint does (fewer than 10 bytes, all with the high bit set). kInvalid:
// longer than 10 bytes or above 2^64-1. On kOk, advances *p.
inline VarintResult GetVarint(const char** p, const char* end, uint64_t* v) {
  const char* q = *p;
  uint64_t result = 0;
  for (int shift = 0; shift < 70; shift += 7) {
    if (q == end) return VarintResult::kIncomplete;
    const uint64_t byte = static_cast<unsigned char>(*q++);
    if (shift == 63 && byte > 1) return VarintResult::kInvalid;
    result |= (byte & 0x7f) << shift;
    if (byte < 0x80) {
      *v = result;
      *p = q;
      return VarintResult::kOk;
    }
  }
  return VarintResult::kInvalid;
}

}  // namespace binfmt
}  // namespace ttrace

#endif  // TTRACE_OUTPUT_BINARY_FORMAT_H_
