// strace's qualifiers: -e trace=, -e signal=, -e status= (and -z / -Z).
//
// Usage:
//   absl::StatusOr<SyscallFilter> f = ParseTraceFilter("%file,!read");
//   if (!f.ok()) { /* f.status().message(): "invalid system call 'x'" */ }
//   if (f->Traced(info.arch, info.nr)) { ... }          // O(1)
//
//   absl::StatusOr<SignalSet> s = ParseSignalSet("!SIGCHLD");
//   s->Contains(SIGCHLD);                                // false
//
//   absl::StatusOr<StatusFilter> st = ParseStatusFilter("failed");
//   st->Shows(SyscallStatus::kSuccessful);               // false
//
// Trace expressions follow strace 6.1: comma-separated tokens, each a
// syscall name, a class (%file, %process, %network or %net, %signal, %ipc,
// %desc, %memory, %creds, %clock, %stat, %lstat, %fstat, %%stat, %statfs,
// %fstatfs, %%statfs, %pure, and the legacy file, process, ... and all), a
// decimal syscall number, or /REGEX (POSIX extended, matched against the
// names). A token applies to both architectures unless it ends in @64
// (x86_64) or @32 (i386). A leading `?` makes a token that matches nothing
// harmless. Leading `!`s invert the whole set; `all` and `none` stand
// alone.
//
// On i386, names, classes and regexes also select the calls socketcall and
// ipc make (socket, send, semop, ...: SyscallTable's pseudo numbers), as
// strace's do; numbers select real syscalls only. So `-e trace=socket`
// selects i386's socket (359) and socketcall(SYS_SOCKET, ...), and
// `-e trace=socketcall` only the socketcall calls that are no such call
// (an unknown call number, an unreadable argument array).
#ifndef TTRACE_TRACER_SYSCALLS_FILTER_H_
#define TTRACE_TRACER_SYSCALLS_FILTER_H_

#include <array>
#include <bitset>
#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "tracer/syscalls/syscall_table.h"

namespace ttrace {

class SyscallFilter {
 public:
  static SyscallFilter All();
  static SyscallFilter None();

  // O(1). `nr` is a real number or one of i386's pseudo numbers (see
  // FilterNumber: real numbers from kMaxNr on must not be passed as they
  // are). Numbers outside [0, kMaxFilterNr) and unsupported arches are
  // traced exactly when the expression was negated or `all`.
  bool Traced(uint32_t arch, int64_t nr) const {
    const int a = ArchIndex(arch);
    if (a < 0 || nr < 0 || nr >= SyscallTable::kMaxFilterNr) return outside_;
    return bits_[a][static_cast<size_t>(nr)];
  }

  bool all() const;   // every syscall is traced
  bool none() const;  // no syscall is traced

  // The traced numbers below kMaxFilterNr of arch index `a` (see
  // ArchIndex): real ones below kMaxNr, i386's pseudo numbers above.
  const std::bitset<SyscallTable::kMaxFilterNr>& bits(int a) const {
    return bits_[a];
  }
  // Whether numbers >= kMaxFilterNr (and other arches) are traced.
  bool outside() const { return outside_; }

  void Set(uint32_t arch, int nr, bool traced);
  // Traces the numbers no table names (gaps in a table, numbers beyond
  // it), as strace does whatever -e trace= selects: it cannot tell which
  // class such a call is in.
  void AddUnknown();
  // Traces what `other` traces too (the union).
  void Add(const SyscallFilter& other) {
    for (int a = 0; a < kNumArches; ++a) bits_[a] |= other.bits_[a];
    outside_ = outside_ || other.outside_;
  }

 private:
  friend absl::StatusOr<SyscallFilter> ParseTraceFilter(absl::string_view);
  std::array<std::bitset<SyscallTable::kMaxFilterNr>, kNumArches> bits_;
  bool outside_ = false;
};

// The number a call is filtered by, given its real number and the name it
// was shown under (a recorded event's): i386's socketcall and ipc shown
// as the call they make (socket, semop) give that call's pseudo number.
// Real numbers that a filter cannot hold (kMaxNr and above) give
// kMaxFilterNr, which filters treat as every number beyond their tables.
int64_t FilterNumber(uint32_t arch, int64_t nr, absl::string_view name);

// The same for a real number only (no name: not a multiplexed call).
inline int64_t FilterNumber(int64_t nr) {
  return nr < SyscallTable::kMaxNr ? nr : SyscallTable::kMaxFilterNr;
}

// -e trace=EXPR. Errors (InvalidArgument), one line, as strace words them
// except for classes: "invalid system call 'nosuchcall'", "invalid system
// call class '%nosuchclass'", "regcomp: [: Invalid regular expression",
// "incorrect personality designator 'x' in qualification 'open@x'".
absl::StatusOr<SyscallFilter> ParseTraceFilter(absl::string_view expr);

class SignalSet {
 public:
  static SignalSet All();
  static SignalSet None();
  bool Contains(int signo) const {
    return signo >= 0 && signo < 256 ? bits_[signo] != invert_ : invert_;
  }
  bool all() const { return invert_ && bits_.none(); }
  bool none() const { return !invert_ && bits_.none(); }

 private:
  friend absl::StatusOr<SignalSet> ParseSignalSet(absl::string_view);
  std::bitset<256> bits_;
  bool invert_ = false;
};

// -e signal=SET: names with or without SIG in any case, numbers 0..255,
// `all`, `none`, leading `!`. Error: "invalid signal 'FOO'".
absl::StatusOr<SignalSet> ParseSignalSet(absl::string_view expr);

enum class SyscallStatus : uint8_t {
  kSuccessful,   // returned without error
  kFailed,       // returned an error
  kUnfinished,   // never returned (e.g. the process exited first)
  kUnavailable,  // returned, but the return value could not be read
  kDetached,     // the tracer detached before it returned
};

class StatusFilter {
 public:
  static StatusFilter All() { return StatusFilter(0x1f); }
  static StatusFilter OnlySuccessful() {  // -z
    return StatusFilter(Bit(SyscallStatus::kSuccessful));
  }
  static StatusFilter OnlyFailed() {  // -Z
    return StatusFilter(Bit(SyscallStatus::kFailed));
  }
  bool Shows(SyscallStatus s) const { return (bits_ & Bit(s)) != 0; }
  bool all() const { return bits_ == 0x1f; }
  bool none() const { return bits_ == 0; }

 private:
  friend absl::StatusOr<StatusFilter> ParseStatusFilter(absl::string_view);
  explicit StatusFilter(uint8_t bits) : bits_(bits) {}
  static uint8_t Bit(SyscallStatus s) {
    return static_cast<uint8_t>(1u << static_cast<int>(s));
  }
  uint8_t bits_;
};

// -e status=SET: successful, failed, unfinished, unavailable, detached,
// `all`, `none`, leading `!`. Error: "invalid status 'foo'".
absl::StatusOr<StatusFilter> ParseStatusFilter(absl::string_view expr);

// -e quiet=SET, -q, -qq, -qqq: which informational lines to leave out.
class QuietSet {
 public:
  enum Message : uint8_t {
    kAttach,          // "+++ attached +++", "+++ detached +++"
    kExit,            // "+++ exited with N +++" (never "killed by")
    kPathResolution,  // accepted; ttrace prints no such message
    kPersonality,     // "[ Process PID=N runs in 32 bit mode. ]"
    kThreadExecve,    // "+++ superseded by execve in pid N +++"
    kMessages,
  };
  static QuietSet None() { return QuietSet(0); }
  // -q (count 1: attach, personality), -qq (and exit), -qqq (all).
  static QuietSet FromQCount(int count);
  bool Quiet(Message m) const { return (bits_ >> m) & 1; }
  bool none() const { return bits_ == 0; }
  friend bool operator==(const QuietSet&, const QuietSet&) = default;

 private:
  friend absl::StatusOr<QuietSet> ParseQuietSet(absl::string_view);
  explicit QuietSet(uint8_t bits) : bits_(bits) {}
  uint8_t bits_;
};

// -e quiet=SET: attach, exit, path-resolution, personality, thread-execve
// (or superseded), `all`, `none`, leading `!`. Error: "invalid quiet
// 'foo'".
absl::StatusOr<QuietSet> ParseQuietSet(absl::string_view expr);

// -e read=SET, -e write=SET: file descriptors whose data is dumped.
class FdSet {
 public:
  static FdSet None() { return FdSet(); }
  bool Has(int fd) const;
  bool none() const { return !invert_ && fds_.empty(); }

 private:
  friend absl::StatusOr<FdSet> ParseFdSet(absl::string_view);
  std::vector<int> fds_;  // sorted
  bool invert_ = false;
};

// Descriptors (0..INT_MAX) separated by commas, `all`, `none`, leading `!`.
// Error: "invalid descriptor 'x'", as strace's.
absl::StatusOr<FdSet> ParseFdSet(absl::string_view expr);

}  // namespace ttrace

#endif  // TTRACE_TRACER_SYSCALLS_FILTER_H_
