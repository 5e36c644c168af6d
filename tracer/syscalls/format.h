// Small allocation-free text helpers shared by the syscall decoders: numbers
// in strace's printf styles, flag sets and named values ("xlat"), and
// strace's string quoting.
#ifndef TTRACE_TRACER_SYSCALLS_FORMAT_H_
#define TTRACE_TRACER_SYSCALLS_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace ttrace {

// "%llu", "%lld".
void AppendUnsigned(std::string* out, uint64_t v);
void AppendSigned(std::string* out, int64_t v);
// "%#llx": "0" for 0, else "0x1f".
void AppendHex(std::string* out, uint64_t v);
// "%#o" with at least `min_digits` digits after the leading 0: 0644, 000,
// 022 (umask).
void AppendOctal(std::string* out, uint64_t v, int min_digits);
// An address: "NULL" for 0, else "0x7ffd1234".
void AppendPtr(std::string* out, uint64_t v);
// A hardware address, as strace prints one: "00:16:3e:5a:0c:01".
void AppendHwAddr(std::string* out, const uint8_t* p, size_t len);
// Bytes as strace prints a string it shows all in hex: "\x05\x00",
// quoted, every byte escaped (no "..." for a cut string: callers add it).
void AppendQuotedHex(std::string* out, const void* p, size_t n);
// --pidns-translation: what follows an id a tracee in another pid namespace
// used, `ours` being the same process in ttrace's: " /* 10548 in ttrace's
// PID NS */" (strace says "strace's").
void AppendPidTranslation(std::string* out, int64_t ours);

// strace's -X / --const-print-style: how named constants print.
enum class XlatStyle : uint8_t {
  kAbbrev,   // default: the name, "PROT_READ|PROT_WRITE"
  kRaw,      // the number only, "0x3"
  kVerbose,  // both, "0x3 /* PROT_READ|PROT_WRITE */"
};

// The style the helpers below (and AppendSignal, AppendSigset) follow on
// this thread; kAbbrev unless a ScopedXlatStyle is alive. ArgDecoder sets
// it (from DecodeOptions::xlat_style) around each call it decodes, and the
// text formatter around a signal's siginfo, so that printing helpers need
// no extra argument. Text strace always prints named (wait statuses,
// F_GETFL's result) is printed under a ScopedXlatStyle(kAbbrev).
XlatStyle CurrentXlatStyle();
class ScopedXlatStyle {
 public:
  explicit ScopedXlatStyle(XlatStyle style);
  ~ScopedXlatStyle();
  ScopedXlatStyle(const ScopedXlatStyle&) = delete;
  ScopedXlatStyle& operator=(const ScopedXlatStyle&) = delete;

 private:
  XlatStyle prev_;
};

// The raw (numeric) text of a constant, in a small buffer.
struct RawConst {
  char buf[72];
  size_t len = 0;
  static RawConst Hex(uint64_t v);           // "0x1f", "0"
  static RawConst Dec(int64_t v);            // "-100"
  static RawConst Udec(uint64_t v);          // "18446744073709551615"
  static RawConst Oct(uint64_t v, int min);  // as AppendOctal
  // Up to 16 bytes of network-order data as strace's -X shows them:
  // "\"\\x00\\x50\"" (quoted, every byte in hex).
  static RawConst Bytes(const void* p, size_t n);
};

// Restyles a constant whose abbrev text was appended to *out from
// position `mark` on: kRaw replaces that text by `raw`; kVerbose puts
// `raw` before it and turns it into a comment ("-100 /* AT_FDCWD */").
// kAbbrev leaves it. With named == false (the abbrev text is already a
// number) only kRaw changes it.
void RestyleConst(std::string* out, size_t mark, const RawConst& raw,
                  bool named = true);
// A constant whose abbrev form is `name`: name, raw, or "raw /* name */".
void AppendConst(std::string* out, const char* name, const RawConst& raw);

// One named value of a set of flags or of an enumeration.
struct XlatEntry {
  uint64_t value;
  const char* name;
};
template <size_t N>
struct Xlat {
  XlatEntry e[N];
  static constexpr size_t size = N;
};

// strace's printflags() (in the current XlatStyle; kAbbrev described
// here, kRaw is the hex value, kVerbose the hex value with the names in a
// comment): names of the set bits in table order joined by
// "|", leftover bits as "|0x..."; only unknown bits: "0x... /* PFX??? */"
// (with `unknown` = "PFX???"; no comment when it is nullptr); 0: the name
// of a 0-valued entry if the table has one, else "0". Entries may cover several
// bits (O_SYNC).
void AppendFlags(std::string* out, uint64_t v, const XlatEntry* tbl, size_t n,
                 const char* unknown);
template <size_t N>
void AppendFlags(std::string* out, uint64_t v, const XlatEntry (&tbl)[N],
                 const char* unknown) {
  AppendFlags(out, v, tbl, N, unknown);
}

// strace's printxval(): the name of `v`, else "0x7 /* SEEK_??? */"
// (kRaw: "0x7"; kVerbose: "0 /* SEEK_SET */", "0x7 /* SEEK_??? */").
// Returns true if named.
bool AppendXval(std::string* out, uint64_t v, const XlatEntry* tbl, size_t n,
                const char* unknown);
template <size_t N>
bool AppendXval(std::string* out, uint64_t v, const XlatEntry (&tbl)[N],
                const char* unknown) {
  return AppendXval(out, v, tbl, N, unknown);
}
const char* XlatName(uint64_t v, const XlatEntry* tbl, size_t n);

// strace's --strings-in-hex (-x, -xx): how strings show bytes that are not
// printable ASCII.
enum class HexStrings : uint8_t {
  kNone,           // default: octal escapes, "\33"
  kNonAsciiChars,  // --strings-in-hex=non-ascii-chars: "\x1b" instead
  kNonAscii,       // -x: a string with such a byte is all hex, "\x61\x1b"
  kAll,            // -xx: every string all hex
};

// Whether AppendEscaped quotes these bytes all in hex: always with -xx,
// with -x when one is neither printable ASCII nor \t \n \v \f \r.
bool EscapesAllInHex(const char* s, size_t len, HexStrings hex);

// strace's string_quote() of `len` bytes, without the surrounding quotes:
// \" \\ \f \n \r \t \v, printable ASCII as is, others in octal (three
// digits when an octal digit follows). Bytes in `extra_escape` are
// escaped in octal too. `hex` as above: with kNonAscii, a string goes all
// hex when it has a byte outside printable ASCII other than \t \n \v \f \r.
void AppendEscaped(std::string* out, const char* s, size_t len, HexStrings hex,
                   const char* extra_escape = nullptr);

// strace's -e read=/write= dump of `len` bytes: 16 per line, offset,
// hex (with a gap after the eighth byte) and the printable ASCII, e.g.
//  | 00000  68 69 0a                                          hi. |
// Lines are separated by "\n" (none after the last).
void AppendHexDump(std::string* out, const char* data, size_t len);

}  // namespace ttrace

#endif  // TTRACE_TRACER_SYSCALLS_FORMAT_H_
