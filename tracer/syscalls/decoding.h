// Internal to the syscall decoders (decoder.cc and decode_*.cc): the
// Decoding context with strace's printing primitives, tables and helpers
// shared across files, and the per-file decoder registrations.
//
// A decoder is a `void Fn(Decoding& d)` called twice per syscall: at entry
// (d.entering()) and at exit (d.exiting, with d.ret). It appends strace's
// text to *d.out; see decoder.h for how the two halves fit together.
// Decoders must not allocate once warmed up: append to d.out, use stack
// buffers and dec->scratch()/scratch2() for temporary strings.
#ifndef TTRACE_TRACER_SYSCALLS_DECODING_H_
#define TTRACE_TRACER_SYSCALLS_DECODING_H_

#include <fcntl.h>
#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>

#include "tracer/event.h"
#include "tracer/syscall_decoder.h"
#include "tracer/syscalls/decoder.h"
#include "tracer/syscalls/format.h"

namespace ttrace {

// One call being decoded, with strace's printing primitives.
class Decoding {
 public:
  Decoding(ArgDecoder* dec, const SyscallCall& c, bool exiting, int64_t ret,
           std::string* out, SyscallEvent::RetFormat* fmt, std::string* suffix)
      : c(c),
        out(out),
        exiting(exiting),
        ret(ret),
        fmt(fmt),
        suffix(suffix),
        dec(dec),
        i386(c.arch == kArchI386),
        abbrev(!dec->options().verbose &&
               dec->options().abbrev_set.Traced(c.arch, c.nr)),
        verbose(dec->options().verbose_set.Traced(c.arch, c.nr)) {}

  const SyscallCall& c;
  std::string* out;
  const bool exiting;
  const int64_t ret;
  SyscallEvent::RetFormat* fmt;
  std::string* suffix;
  ArgDecoder* dec;
  const bool i386;
  // strace's abbrev(tcp): big structures and arrays shortened (not -v, and
  // the call in -e abbrev=SET).
  const bool abbrev;
  // strace's verbose(tcp): the call is in -e verbose=SET. When false,
  // structures, arrays, sigsets and the like print as their addresses
  // (Fetch, Array, ... do it); strings and data buffers are still read.
  const bool verbose;

  bool entering() const { return !exiting; }
  bool failed() const { return exiting && ret < 0 && ret >= -4095; }
  size_t ptr_size() const { return i386 ? 4 : 8; }
  const DecodeOptions& opt() const { return dec->options(); }

  // Arguments: unsigned (word-sized), signed word, 32-bit int.
  uint64_t u(int i) const { return i386 ? c.args[i] & 0xffffffffu : c.args[i]; }
  int64_t s(int i) const {
    return i386 ? static_cast<int32_t>(c.args[i])
                : static_cast<int64_t>(c.args[i]);
  }
  int32_t i32(int i) const { return static_cast<int32_t>(c.args[i]); }
  uint32_t u32(int i) const { return static_cast<uint32_t>(c.args[i]); }
  // A 64-bit value (loff_t) passed at argument i: one register on x86_64,
  // the pair i, i + 1 on i386 (low half first); slots64() is how many
  // arguments it takes, for the index of those after it.
  int64_t s64(int i) const {
    return i386 ? static_cast<int64_t>(uint64_t{u32(i)} |
                                       (uint64_t{u32(i + 1)} << 32))
                : s(i);
  }
  int slots64() const { return i386 ? 2 : 1; }

  void Sep() { out->append(", "); }
  void Put(const char* s) { out->append(s); }
  void Dec(int64_t v) { AppendSigned(out, v); }
  void Udec(uint64_t v) { AppendUnsigned(out, v); }
  void Hex(uint64_t v) { AppendHex(out, v); }
  void Ptr(uint64_t v) { AppendPtr(out, v); }

  // A process or thread id; with -Y its command name, 1234<sleep> (strace's
  // printpid of a TGID or TID: process groups and sessions are not named).
  // With --pidns-translation, a tracee in another pid namespace has its ids
  // followed by ttrace's: 1 /* 10548 in ttrace's PID NS */.
  void PidValue(int64_t pid) {
    Dec(pid);
    if (opt().decode_pids) AppendComm(out, pid);
    AppendPidNs(out, pid);
  }
  void Pid(int i) { PidValue(i32(i)); }
  // A process group id: translated, never named (strace).
  void PgidValue(int64_t pgid) {
    Dec(pgid);
    AppendPidNs(out, pgid, IdKind::kPgid);
  }
  // kill's, wait4's and F_SETOWN's: a process, or below -1 a process group.
  void PidOrPgid(int64_t pid) {
    if (pid < -1) {
      Dec(pid);
      AppendPidNs(out, -pid, IdKind::kPgid);
    } else {
      PidValue(pid);
    }
  }
  // " /* 10548 in ttrace's PID NS */" with --pidns-translation, when the
  // tracee numbers processes its own way and `pid` is one of them.
  void AppendPidNs(std::string* to, int64_t pid, IdKind kind = IdKind::kPid) {
    if (!opt().pidns_translation || pid <= 0 || pid > INT32_MAX) return;
    pid_t ours;
    if (dec->mem()->TranslatePid(c.tid, pid, kind, &ours)) {
      AppendPidTranslation(to, ours);
    }
  }
  // "<comm>" of pid, if it is a live (or zombie) process or thread.
  void AppendComm(std::string* to, int64_t pid) {
    if (pid <= 0 || pid > INT32_MAX) return;
    std::string& s = dec->scratch2();
    if (!dec->mem()->ReadComm(c.tid, static_cast<pid_t>(pid), &s) ||
        s.empty()) {
      return;
    }
    to->push_back('<');
    AppendEscaped(to, s.data(), s.size(), opt().hex_strings, "<>");
    to->push_back('>');
  }

  // -P: whether an fd printed at entry can make the call match. strace's
  // pathtrace looks at given arguments only: decoders clear this before
  // fds inside structures it does not look at (bpf attributes, io_uring's
  // registered files, iocbs, SCM_RIGHTS).
  bool match_fds = true;

  // An fd, with -y its path.
  void FdValue(int fd) {
    if (match_fds && entering() && fd >= 0 && dec->filtering_paths())
      dec->MatchFd(c.tid, fd);
    AppendSigned(out, fd);
    if (opt().any_fd_info() && fd >= 0) AppendFdPath(out, fd);
  }
  void Fd(int i) { FdValue(i32(i)); }
  // An fd inside a structure (SCM_RIGHTS, a sockaddr): shown as FdValue
  // shows it, never matched by -P, whose strace counterpart looks at a
  // call's own arguments only.
  void FdInStruct(int fd) {
    const bool match = match_fds;
    match_fds = false;
    FdValue(fd);
    match_fds = match;
  }
  // A dirfd: AT_FDCWD (with -y the cwd) or an fd.
  void DirFd(int i) {
    if (i32(i) == AT_FDCWD) {
      AppendConst(out, "AT_FDCWD", RawConst::Dec(AT_FDCWD));
      if (opt().fd_paths) {
        std::string& p = dec->scratch2();
        if (dec->mem()->ReadCwd(c.tid, &p)) {
          AppendAnnotation(out, p, opt().hex_strings);
        }
      }
    } else {
      Fd(i);
    }
  }

  // "<path>" (strace's -y form) for fd, if it has one.
  void AppendFdPath(std::string* to, int fd) { AppendFdPathOf(to, c.tid, fd); }
  // The same for an fd of another process.
  void AppendFdPathOf(std::string* to, pid_t tid, int fd) {
    std::string& p = dec->scratch2();
    if (!dec->mem()->ReadFdPath(tid, fd, &p)) return;
    FdDetails& d = dec->details();
    if (WantDetails(p) && dec->mem()->ReadFdDetails(tid, fd, p, &d) &&
        Wanted(d.kind)) {
      AppendDetails(to, p, d);
    } else if (opt().fd_paths ||
               (opt().fd_sockets && p.compare(0, 8, "socket:[") == 0)) {
      // decode-fds=socket: a socket strace cannot name (a protocol
      // outside its table) shows its path.
      AppendAnnotation(to, p, opt().hex_strings);
    }
  }
  // decode-fds: whether the details of a file with this /proc link could
  // be asked for (a socket's cost a netlink dump).
  bool WantDetails(const std::string& link) const {
    if (link.compare(0, 8, "socket:[") == 0) return opt().fd_sockets;
    if (link == "anon_inode:[pidfd]") return opt().fd_pidfds;
    // A device whose node is gone (a pty's slave once its master is
    // closed): strace finds no device at the path and shows the path
    // alone, "</dev/pts/0>(deleted)".
    static constexpr char kDeleted[] = " (deleted)";
    constexpr size_t kDeletedLen = sizeof(kDeleted) - 1;
    if (link.size() > kDeletedLen &&
        link.compare(link.size() - kDeletedLen, kDeletedLen, kDeleted) == 0) {
      return false;
    }
    return opt().fd_devices;
  }
  bool Wanted(FdDetails::Kind kind) const {
    switch (kind) {
      case FdDetails::Kind::kSocket:
        return opt().fd_sockets;
      case FdDetails::Kind::kDevice:
        return opt().fd_devices;
      case FdDetails::Kind::kPid:
        return opt().fd_pidfds;
      case FdDetails::Kind::kNone:
        break;
    }
    return false;
  }
  // strace -yy's forms (fd_details.h).
  void AppendDetails(std::string* to, const std::string& path,
                     const FdDetails& d) {
    const HexStrings hex = opt().hex_strings;
    switch (d.kind) {
      case FdDetails::Kind::kSocket:
        to->push_back('<');
        to->append(d.protocol);
        to->append(":[");
        to->append(d.text);
        if (d.has_unix_name) {
          to->append(d.abstract ? ",@\"" : ",\"");
          AppendEscaped(to, d.unix_name.data(), d.unix_name.size(), hex);
          to->push_back('"');
        }
        to->append("]>");
        return;
      case FdDetails::Kind::kDevice:
        to->push_back('<');
        AppendEscaped(to, path.data(), path.size(), hex, "<>");
        to->append(d.block ? "<block " : "<char ");
        AppendUnsigned(to, d.major);
        to->push_back(':');
        AppendUnsigned(to, d.minor);
        to->append(">>");
        return;
      case FdDetails::Kind::kPid:
        to->append("<pid:");
        AppendSigned(to, d.pid);
        to->push_back('>');
        return;
      case FdDetails::Kind::kNone:
        AppendAnnotation(to, path, hex);
        return;
    }
  }
  // `len` bytes of a string, escaped as -x/-xx say (no quotes).
  void Escaped(const char* s, size_t len) {
    AppendEscaped(out, s, len, opt().hex_strings);
  }
  // A char array of `size` bytes holding a NUL-terminated string (not cut
  // by -s; strace's print_quoted_cstring): "lo", or size - 1 chars and
  // "..." when no NUL ends it.
  void FixedCStr(const char* s, size_t size) {
    const size_t n = strnlen(s, size);
    out->push_back('"');
    Escaped(s, n < size ? n : size - 1);
    out->push_back('"');
    if (n == size) Put("...");
  }
  static void AppendAnnotation(std::string* to, const std::string& path,
                               HexStrings hex) {
    static constexpr char kDeleted[] = " (deleted)";
    constexpr size_t kDeletedLen = sizeof(kDeleted) - 1;
    size_t len = path.size();
    bool deleted = false;
    if (len > kDeletedLen &&
        path.compare(len - kDeletedLen, kDeletedLen, kDeleted) == 0) {
      len -= kDeletedLen;
      deleted = true;
    }
    to->push_back('<');
    AppendEscaped(to, path.data(), len, hex, "<>");
    to->push_back('>');
    if (deleted) to->append("(deleted)");
  }

  // A NUL-terminated string of at most `limit` chars: "abc", "abc"...,
  // NULL, or the address when unreadable.
  void CStr(uint64_t addr, size_t limit) {
    if (addr == 0) {
      Put("NULL");
      return;
    }
    std::string& s = dec->scratch();
    bool truncated = false;
    // One byte more than shown, so that a string of exactly `limit`
    // chars is not marked as cut (strace reads max + 1 too).
    if (!dec->mem()->ReadString(c.tid, addr, limit + 1, &s, &truncated)) {
      Hex(addr);
      return;
    }
    const bool cut = s.size() > limit;
    out->push_back('"');
    Escaped(s.data(), cut ? limit : s.size());
    out->push_back('"');
    if (cut) Put("...");
  }
  void Path(int i) {
    if (entering() && u(i) != 0 && dec->filtering_paths()) {
      dec->MatchPathAt(c.tid, u(i));
    }
    CStr(u(i), 4096);
  }

  // strace's printstr_ex(addr, len, QUOTE_0_TERMINATED): a NUL-terminated
  // string in a buffer of `len` bytes, at most -s chars, with "..." when no
  // NUL ends it within what is shown.
  void CStrN(uint64_t addr, size_t len) {
    if (addr == 0) {
      Put("NULL");
      return;
    }
    const size_t limit = opt().string_limit;
    const size_t n = limit + 1 < len ? limit + 1 : len;
    std::string& s = dec->scratch();
    bool truncated = false;
    if (n == 0) {
      Put("\"\"");
      return;
    }
    if (!dec->mem()->ReadString(c.tid, addr, n, &s, &truncated)) {
      Hex(addr);
      return;
    }
    const size_t shown = n < limit ? n : limit;
    const bool clipped = n > limit;
    const size_t print = s.size() < shown ? s.size() : shown;
    out->push_back('"');
    Escaped(s.data(), print);
    out->push_back('"');
    // No NUL among the shown bytes, and (when one more byte was read) none
    // right after them either.
    if (s.size() >= shown && !(clipped && s.size() == shown)) Put("...");
  }
  void Str(int i) { CStr(u(i), opt().string_limit); }

  // `len` bytes at addr, at most -s of them: "abc"..., NULL, or address.
  // With omit_trailing_nul, a NUL as the last byte shown is not printed
  // (strace's QUOTE_OMIT_TRAILING_0).
  void Buf(uint64_t addr, int64_t len, bool omit_trailing_nul = false) {
    if (addr == 0) {
      Put("NULL");
      return;
    }
    if (len < 0) len = 0;
    const size_t limit = opt().string_limit;
    // One byte more than shown is read, as strace does: with -s 0 an
    // unreadable buffer still shows as its address.
    const size_t want = static_cast<size_t>(len) <= limit
                            ? static_cast<size_t>(len)
                            : limit + 1;
    const size_t n = want < limit ? want : limit;
    std::string& s = dec->scratch();
    s.resize(want);
    if (want > 0 && dec->mem()->Read(c.tid, addr, s.data(), want) !=
                        static_cast<ssize_t>(want)) {
      Hex(addr);
      return;
    }
    // A NUL omitted at the end also ends the string: no "..." after it,
    // even when the value is longer than -s (as strace). A string quoted
    // all in hex (-xx; -x with a byte that is not printable, the NUL
    // included) keeps it, as strace's hex quoting omits nothing.
    const bool ends = omit_trailing_nul && n > 0 && s[n - 1] == '\0' &&
                      !EscapesAllInHex(s.data(), n, opt().hex_strings);
    out->push_back('"');
    Escaped(s.data(), ends ? n - 1 : n);
    out->push_back('"');
    if (static_cast<size_t>(len) > limit && !ends) Put("...");
  }

  // Reads a struct; on failure (or when not verbose) prints NULL or the
  // address and returns false (strace's umove_or_printaddr).
  bool Fetch(uint64_t addr, void* p, size_t size) {
    if (addr == 0) {
      Put("NULL");
      return false;
    }
    if (!verbose ||
        dec->mem()->Read(c.tid, addr, p, size) != static_cast<ssize_t>(size)) {
      Hex(addr);
      return false;
    }
    return true;
  }
  // A pointer-sized word of tracee memory; false when unreadable or the
  // call is not verbose.
  bool ReadPtr(uint64_t addr, uint64_t* v) {
    if (!verbose) return false;
    if (i386) {
      uint32_t w;
      if (dec->mem()->Read(c.tid, addr, &w, 4) != 4) return false;
      *v = w;
      return true;
    }
    return dec->mem()->Read(c.tid, addr, v, 8) == 8;
  }

  // "[123]" from an int in memory, or the address.
  // [pid] at addr (clone's parent_tid), named with -Y.
  void PidRef(uint64_t addr) {
    int32_t v = 0;
    if (!Fetch(addr, &v, sizeof(v))) return;
    out->push_back('[');
    PidValue(v);
    out->push_back(']');
  }
  // Not inlined: inlined into ioctl's decoder, GCC 12 warns of a dangling
  // pointer to `v` (a false positive).
  [[gnu::noinline]] void IntRef(uint64_t addr, bool fd = false) {
    int32_t v = 0;
    if (!Fetch(addr, &v, sizeof(v))) return;
    out->push_back('[');
    if (fd) {
      FdValue(v);
    } else {
      Dec(v);
    }
    out->push_back(']');
  }

  // -y on a returned fd.
  void RetFd() {
    if (opt().any_fd_info() && suffix != nullptr && !failed() && ret >= 0) {
      AppendFdPath(suffix, static_cast<int>(ret));
    }
  }

  // strace's umove_or_printaddr for outputs at exit: a failed call shows
  // the address (NULL for 0); otherwise as Fetch.
  bool FetchOut(uint64_t addr, void* p, size_t size) {
    if (failed()) {
      Ptr(addr);
      return false;
    }
    return Fetch(addr, p, size);
  }
  // Reads without printing anything; false when unreadable (or when this
  // is the exit of a failed call, or the call is not verbose, like
  // strace's tfetch_mem).
  bool Peek(uint64_t addr, void* p, size_t size) {
    if (addr == 0 || failed() || !verbose) return false;
    return dec->mem()->Read(c.tid, addr, p, size) == static_cast<ssize_t>(size);
  }

  // `len` bytes at addr, every byte as \xNN (strace's QUOTE_FORCE_HEX).
  void BufHex(uint64_t addr, int64_t len) {
    if (addr == 0) {
      Put("NULL");
      return;
    }
    if (len < 0) len = 0;
    const size_t limit = opt().string_limit;
    // One byte more than shown is read, as strace does: with -s 0 an
    // unreadable buffer still shows as its address.
    const size_t want = static_cast<size_t>(len) <= limit
                            ? static_cast<size_t>(len)
                            : limit + 1;
    const size_t n = want < limit ? want : limit;
    std::string& s = dec->scratch();
    s.resize(want);
    if (want > 0 && dec->mem()->Read(c.tid, addr, s.data(), want) !=
                        static_cast<ssize_t>(want)) {
      Hex(addr);
      return;
    }
    AppendQuotedHex(out, s.data(), n);
    if (static_cast<size_t>(len) > limit) Put("...");
  }

  // strace's print_array: "[e0, e1, ...]" for `n` elements of type T at
  // addr, each printed by print(const T&); NULL, "[]", or the address when
  // nothing is readable; "..." after -s elements unless -v; an unreadable
  // tail ends as "... /* 0xADDR */". At the exit of a failed call nothing
  // is read (the address is printed) unless `even_if_failed`.
  template <typename T, typename F>
  void Array(uint64_t addr, uint64_t n, F&& print,
             bool even_if_failed = false) {
    if (addr == 0) {
      Put("NULL");
      return;
    }
    if (n == 0) {
      Put("[]");
      return;
    }
    const uint64_t size = n * sizeof(T);
    const uint64_t end = addr + size;
    const uint64_t addr_max = i386 ? 0xffffffffull : ~0ull;
    if (size / sizeof(T) != n || end <= addr || end - 1 > addr_max) {
      Hex(addr);
      return;
    }
    const uint64_t limit =
        !abbrev || n < opt().string_limit ? n : opt().string_limit;
    for (uint64_t i = 0; i < n; ++i) {
      const uint64_t cur = addr + i * sizeof(T);
      if (i > 0) Sep();
      T e;
      const bool ok =
          even_if_failed
              ? verbose && dec->mem()->Read(c.tid, cur, &e, sizeof(e)) ==
                               static_cast<ssize_t>(sizeof(e))
              : Peek(cur, &e, sizeof(e));
      if (!ok) {
        if (i == 0) {
          Hex(cur);
          return;
        }
        Put("... /* ");
        Hex(cur);
        Put(" */");
        break;
      }
      if (i == 0) out->push_back('[');
      if (i >= limit) {
        Put("...");
        break;
      }
      print(e);
    }
    out->push_back(']');
  }

  // strace's print_local_array, for an array already read: true, after
  // printing "...", when element i is past -s elements (unless -v). Call
  // before printing each element, after its separator.
  bool Elided(uint64_t i) {
    if (!abbrev || i < opt().string_limit) return false;
    Put("...");
    return true;
  }

  // Named value / flag set of an argument or field.
  // (unknown == nullptr: no comment after an unnamed value.)
  template <size_t N>
  bool Xval(uint64_t v, const XlatEntry (&tbl)[N], const char* unknown) {
    if (unknown == nullptr) {
      const char* name = XlatName(v, tbl, N);
      if (name == nullptr) {
        Hex(v);
        return false;
      }
      AppendConst(out, name, RawConst::Hex(v));
      return true;
    }
    return AppendXval(out, v, tbl, N, unknown);
  }
  template <size_t N>
  void Flags(uint64_t v, const XlatEntry (&tbl)[N], const char* unknown) {
    AppendFlags(out, v, tbl, N, unknown);
  }

  // The generic form for arguments [from, n).
  void Raw(int from, int n) {
    for (int i = from; i < n; ++i) {
      if (i > 0) Sep();
      Hex(u(i));
    }
  }
};

namespace decode {

using D = Decoding;

// A uid or gid (strace's printuid): -1 for "unchanged", else unsigned. Id
// is uint32_t, or uint16_t for i386's calls without the "32" suffix
// (chown, setuid, getgroups, ...), whose ids are 16-bit.
template <typename Id>
void PrintId(D& d, Id id) {
  if (id == static_cast<Id>(-1)) {
    d.Put("-1");
  } else {
    d.Udec(id);
  }
}

// ---------------------------------------------------------------------------
// Named constants used by several files (x86 values, strace's table order).
// ---------------------------------------------------------------------------
// Address families (sockaddr, socket(), netlink messages).
inline constexpr XlatEntry kAddrFamilies[] = {
    {0, "AF_UNSPEC"},      {1, "AF_UNIX"},       {2, "AF_INET"},
    {3, "AF_AX25"},        {4, "AF_IPX"},        {5, "AF_APPLETALK"},
    {6, "AF_NETROM"},      {7, "AF_BRIDGE"},     {8, "AF_ATMPVC"},
    {9, "AF_X25"},         {10, "AF_INET6"},     {11, "AF_ROSE"},
    {12, "AF_DECnet"},     {13, "AF_NETBEUI"},   {14, "AF_SECURITY"},
    {15, "AF_KEY"},        {16, "AF_NETLINK"},   {17, "AF_PACKET"},
    {18, "AF_ASH"},        {19, "AF_ECONET"},    {20, "AF_ATMSVC"},
    {21, "AF_RDS"},        {22, "AF_SNA"},       {23, "AF_IRDA"},
    {24, "AF_PPPOX"},      {25, "AF_WANPIPE"},   {26, "AF_LLC"},
    {27, "AF_IB"},         {28, "AF_MPLS"},      {29, "AF_CAN"},
    {30, "AF_TIPC"},       {31, "AF_BLUETOOTH"}, {32, "AF_IUCV"},
    {33, "AF_RXRPC"},      {34, "AF_ISDN"},      {35, "AF_PHONET"},
    {36, "AF_IEEE802154"}, {37, "AF_CAIF"},      {38, "AF_ALG"},
    {39, "AF_NFC"},        {40, "AF_VSOCK"},     {41, "AF_KCM"},
    {42, "AF_QIPCRTR"},    {43, "AF_SMC"},       {44, "AF_XDP"},
    {45, "AF_MCTP"},
};

// wait4's and waitid's options, in strace's order: WEXITED before
// WSTOPPED, __WNOTHREAD last.
inline constexpr XlatEntry kWaitOptions[] = {
    {1, "WNOHANG"},         {4, "WEXITED"},
    {2, "WSTOPPED"},        {8, "WCONTINUED"},
    {0x1000000, "WNOWAIT"}, {0x80000000, "__WCLONE"},
    {0x40000000, "__WALL"}, {0x20000000, "__WNOTHREAD"},
};
// seccomp(SECCOMP_SET_MODE_FILTER)'s flags and the filter flags
// PTRACE_SECCOMP_GET_METADATA reports.
inline constexpr XlatEntry kSeccompFilterFlags[] = {
    {1, "SECCOMP_FILTER_FLAG_TSYNC"},
    {2, "SECCOMP_FILTER_FLAG_LOG"},
    {4, "SECCOMP_FILTER_FLAG_SPEC_ALLOW"},
    {8, "SECCOMP_FILTER_FLAG_NEW_LISTENER"},
    {16, "SECCOMP_FILTER_FLAG_TSYNC_ESRCH"},
    {32, "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"},
};

// Socket types (socket(), sock_diag).
inline constexpr XlatEntry kSockTypes[] = {
    {1, "SOCK_STREAM"},  {2, "SOCK_DGRAM"},     {3, "SOCK_RAW"},
    {4, "SOCK_RDM"},     {5, "SOCK_SEQPACKET"}, {6, "SOCK_DCCP"},
    {10, "SOCK_PACKET"},
};

// IP protocols (socket(), sock_diag, route messages).
inline constexpr XlatEntry kInetProtocols[] = {
    {0, "IPPROTO_IP"},       {1, "IPPROTO_ICMP"},
    {2, "IPPROTO_IGMP"},     {4, "IPPROTO_IPIP"},
    {6, "IPPROTO_TCP"},      {8, "IPPROTO_EGP"},
    {12, "IPPROTO_PUP"},     {17, "IPPROTO_UDP"},
    {22, "IPPROTO_IDP"},     {29, "IPPROTO_TP"},
    {33, "IPPROTO_DCCP"},    {41, "IPPROTO_IPV6"},
    {43, "IPPROTO_ROUTING"}, {44, "IPPROTO_FRAGMENT"},
    {46, "IPPROTO_RSVP"},    {47, "IPPROTO_GRE"},
    {50, "IPPROTO_ESP"},     {51, "IPPROTO_AH"},
    {58, "IPPROTO_ICMPV6"},  {59, "IPPROTO_NONE"},
    {60, "IPPROTO_DSTOPTS"}, {92, "IPPROTO_MTP"},
    {94, "IPPROTO_BEETPH"},  {98, "IPPROTO_ENCAP"},
    {103, "IPPROTO_PIM"},    {108, "IPPROTO_COMP"},
    {115, "IPPROTO_L2TP"},   {132, "IPPROTO_SCTP"},
    {135, "IPPROTO_MH"},     {136, "IPPROTO_UDPLITE"},
    {137, "IPPROTO_MPLS"},   {143, "IPPROTO_ETHERNET"},
    {255, "IPPROTO_RAW"},    {262, "IPPROTO_MPTCP"},
};

// Netlink protocols (socket(AF_NETLINK, ..., protocol), sock_diag).
inline constexpr XlatEntry kNetlinkProtocols[] = {
    {0, "NETLINK_ROUTE"},       {1, "NETLINK_UNUSED"},
    {2, "NETLINK_USERSOCK"},    {3, "NETLINK_FIREWALL"},
    {4, "NETLINK_SOCK_DIAG"},   {5, "NETLINK_NFLOG"},
    {6, "NETLINK_XFRM"},        {7, "NETLINK_SELINUX"},
    {8, "NETLINK_ISCSI"},       {9, "NETLINK_AUDIT"},
    {10, "NETLINK_FIB_LOOKUP"}, {11, "NETLINK_CONNECTOR"},
    {12, "NETLINK_NETFILTER"},  {13, "NETLINK_IP6_FW"},
    {14, "NETLINK_DNRTMSG"},    {15, "NETLINK_KOBJECT_UEVENT"},
    {16, "NETLINK_GENERIC"},    {18, "NETLINK_SCSITRANSPORT"},
    {19, "NETLINK_ECRYPTFS"},   {20, "NETLINK_RDMA"},
    {21, "NETLINK_CRYPTO"},     {22, "NETLINK_SMC"},
};

inline constexpr XlatEntry kOpenFlags[] = {
    {0100, "O_CREAT"},          {0200, "O_EXCL"},
    {0400, "O_NOCTTY"},         {01000, "O_TRUNC"},
    {02000, "O_APPEND"},        {04000, "O_NONBLOCK"},
    {04010000, "O_SYNC"},       {04000000, "__O_SYNC"},
    {010000, "O_DSYNC"},        {040000, "O_DIRECT"},
    {0100000, "O_LARGEFILE"},   {0400000, "O_NOFOLLOW"},
    {01000000, "O_NOATIME"},    {02000000, "O_CLOEXEC"},
    {010000000, "O_PATH"},      {020200000, "O_TMPFILE"},
    {020000000, "__O_TMPFILE"}, {0200000, "O_DIRECTORY"},
    {020000, "FASYNC"},
};

inline constexpr XlatEntry kAccModes[] = {
    {0, "O_RDONLY"}, {1, "O_WRONLY"}, {2, "O_RDWR"}, {3, "O_ACCMODE"}};

inline constexpr XlatEntry kAtFlags[] = {
    {0x100, "AT_SYMLINK_NOFOLLOW"}, {0x200, "AT_REMOVEDIR"},
    {0x400, "AT_SYMLINK_FOLLOW"},   {0x800, "AT_NO_AUTOMOUNT"},
    {0x1000, "AT_EMPTY_PATH"},      {0x8000, "AT_RECURSIVE"},
};

inline constexpr XlatEntry kClocks[] = {
    {0, "CLOCK_REALTIME"},           {1, "CLOCK_MONOTONIC"},
    {2, "CLOCK_PROCESS_CPUTIME_ID"}, {3, "CLOCK_THREAD_CPUTIME_ID"},
    {4, "CLOCK_MONOTONIC_RAW"},      {5, "CLOCK_REALTIME_COARSE"},
    {6, "CLOCK_MONOTONIC_COARSE"},   {7, "CLOCK_BOOTTIME"},
    {8, "CLOCK_REALTIME_ALARM"},     {9, "CLOCK_BOOTTIME_ALARM"},
    {10, "CLOCK_SGI_CYCLE"},         {11, "CLOCK_TAI"},
};

// lseek's whence and struct flock's l_type (decoder.cc, decode_i386_fs.cc).
inline constexpr XlatEntry kSeekWhence[] = {{0, "SEEK_SET"},
                                            {1, "SEEK_CUR"},
                                            {2, "SEEK_END"},
                                            {3, "SEEK_DATA"},
                                            {4, "SEEK_HOLE"}};
inline constexpr XlatEntry kLockTypes[] = {
    {0, "F_RDLCK"}, {1, "F_WRLCK"}, {2, "F_UNLCK"}};
// preadv2/pwritev2 and AIO flags, sync_file_range, fallocate and fadvise
// (decode_fs.cc, decode_i386_fs.cc, decode_misc.cc).
inline constexpr XlatEntry kRwfFlags[] = {{1, "RWF_HIPRI"},
                                          {2, "RWF_DSYNC"},
                                          {4, "RWF_SYNC"},
                                          {8, "RWF_NOWAIT"},
                                          {0x10, "RWF_APPEND"}};
inline constexpr XlatEntry kSyncFileRangeFlags[] = {
    {1, "SYNC_FILE_RANGE_WAIT_BEFORE"},
    {2, "SYNC_FILE_RANGE_WRITE"},
    {4, "SYNC_FILE_RANGE_WAIT_AFTER"}};
inline constexpr XlatEntry kFallocFlags[] = {
    {0x01, "FALLOC_FL_KEEP_SIZE"},     {0x02, "FALLOC_FL_PUNCH_HOLE"},
    {0x04, "FALLOC_FL_NO_HIDE_STALE"}, {0x08, "FALLOC_FL_COLLAPSE_RANGE"},
    {0x10, "FALLOC_FL_ZERO_RANGE"},    {0x20, "FALLOC_FL_INSERT_RANGE"},
    {0x40, "FALLOC_FL_UNSHARE_RANGE"},
};
inline constexpr XlatEntry kFadvise[] = {
    {0, "POSIX_FADV_NORMAL"},     {1, "POSIX_FADV_RANDOM"},
    {2, "POSIX_FADV_SEQUENTIAL"}, {3, "POSIX_FADV_WILLNEED"},
    {4, "POSIX_FADV_DONTNEED"},   {5, "POSIX_FADV_NOREUSE"},
};
// setns's nstype and ioctl NS_GET_NSTYPE's result: the CLONE_NEW* bits
// (linux/sched.h), in strace's order.
inline constexpr XlatEntry kSetnsTypes[] = {
    {0x80, "CLONE_NEWTIME"},         {0x00020000, "CLONE_NEWNS"},
    {0x02000000, "CLONE_NEWCGROUP"}, {0x04000000, "CLONE_NEWUTS"},
    {0x08000000, "CLONE_NEWIPC"},    {0x10000000, "CLONE_NEWUSER"},
    {0x20000000, "CLONE_NEWPID"},    {0x40000000, "CLONE_NEWNET"},
};
// As strace 6.1 names them (MSG_PROBE, not glibc's MSG_PROXY).
inline constexpr XlatEntry kMsgFlags[] = {
    {0x1, "MSG_OOB"},
    {0x2, "MSG_PEEK"},
    {0x4, "MSG_DONTROUTE"},
    {0x8, "MSG_CTRUNC"},
    {0x10, "MSG_PROBE"},
    {0x20, "MSG_TRUNC"},
    {0x40, "MSG_DONTWAIT"},
    {0x80, "MSG_EOR"},
    {0x100, "MSG_WAITALL"},
    {0x200, "MSG_FIN"},
    {0x400, "MSG_SYN"},
    {0x800, "MSG_CONFIRM"},
    {0x1000, "MSG_RST"},
    {0x2000, "MSG_ERRQUEUE"},
    {0x4000, "MSG_NOSIGNAL"},
    {0x8000, "MSG_MORE"},
    {0x10000, "MSG_WAITFORONE"},
    {0x20000, "MSG_SENDPAGE_NOTLAST"},
    {0x40000, "MSG_BATCH"},
    {0x80000, "MSG_NO_SHARED_FRAGS"},
    {0x4000000, "MSG_ZEROCOPY"},
    {0x20000000, "MSG_FASTOPEN"},
    {0x40000000, "MSG_CMSG_CLOEXEC"},
    {0x80000000, "MSG_CMSG_COMPAT"},
};

// ---------------------------------------------------------------------------
// Shared printing helpers (decode_common.cc).
// ---------------------------------------------------------------------------
// open(2) flags: access mode, then the other flags ("O_RDONLY|O_CLOEXEC").
void OpenFlags(D& d, uint64_t flags);
// "%#03o".
void Mode(D& d, uint64_t mode);
// strace's sprinttime_ex: "2026-11-26T18:26:56.981880019+0000" into buf
// (`frac` in units of which `frac_max` + 1 make a second, printed with
// `width` digits when non-zero). Returns the length, 0 when strace prints
// nothing (zero time, frac out of range).
size_t FormatTime(char* buf, size_t size, int64_t sec, uint64_t frac,
                  uint64_t frac_max, int width);
// " /* 2026-11-26T18:26:56.981880019+0000 */" (strace's sprinttime_nsec
// as a comment); nothing for the zero time.
void TimeComment(D& d, int64_t sec, uint64_t nsec);
// struct timespec at addr: 64-bit fields, or 32-bit ones (i386).
void Timespec(D& d, uint64_t addr, bool wide);
// ERESTARTSYS, ERESTARTNOINTR, ERESTARTNOHAND, ERESTART_RESTARTBLOCK.
bool IsErestart(int64_t ret);
// A sigset of `len` bytes at addr (strace's print_sigset_addr_len).
void SigsetAddr(D& d, uint64_t addr, uint64_t len);
// struct rusage: "{ru_utime={tv_sec=0, tv_usec=2186}, ru_stime=..., ...}".
void Rusage(D& d, uint64_t addr);
// A CPU set of `len` bytes (strace's print_affinitylist, of
// sched_setaffinity and IORING_REGISTER_IOWQ_AFF): "[0 3 70]".
void CpuSet(D& d, uint64_t addr, uint64_t len);

// ---------------------------------------------------------------------------
// Registrations: name -> decoder, and what the return value is.
// ---------------------------------------------------------------------------
enum : uint8_t {
  kX86_64Only = 1,  // reads x86_64-only layouts or argument orders
  kRetFdFlag = 2,   // returns an fd (-y annotates it) without a decoder
  kRetPidFlag = 4,  // returns a process or thread id (-Y names it)
  // Returns a process group (session) id: --pidns-translation translates
  // it, -Y does not name it.
  kRetPgidFlag = 8,
  kRetSidFlag = 16,
  // Only for 32-bit (i386) tracees: the i386 form of a call whose x86_64
  // form another table decodes (decode_i386_*.cc).
  kI386Only = 32,
  // The decoder applies -e raw= itself (i386's socketcall and ipc: the
  // calls they make have raw= choices of their own).
  kOwnRaw = 64,
};

struct Registration {
  const char* name;
  ArgDecoder::DecodeFn fn;
  uint8_t flags;
};

// struct iovec array (strace's tprint_iov_upto): "[{iov_base="abc",
// iov_len=3}, ...]", showing at most `data_size` bytes in all (~0: no
// limit), or only the buffer addresses.
// With netlink_proto >= 0 the buffers are netlink messages of that
// protocol.
void Iovecs(D& d, uint64_t addr, uint64_t n, uint64_t data_size,
            bool addresses_only, int netlink_proto = -1);

// Netlink (decode_netlink.cc): the protocol of a netlink socket fd (-1
// when fd is none), and strace's decode_netlink of `len` bytes at addr:
// "[{nlmsg_len=20, nlmsg_type=NLMSG_DONE, ...}, 0]".
int NetlinkProtocol(D& d, int fd);
void NetlinkBuffer(D& d, int proto, uint64_t addr, uint64_t len);

// The data of a socket call on the fd in argument 0 (strace's
// decode_sockbuf): netlink messages on a netlink socket, else a string
// (decode_net.cc).
void SocketData(D& d, uint64_t addr, uint64_t len);

// i386's *_time64 calls: the i386 layouts, with a 64-bit timespec.
void RecvmmsgTime64(D& d);    // decode_net.cc
void SemtimedopTime64(D& d);  // decode_ipc.cc
// The System V calls that i386's ipc(2) makes with no direct i386 form
// (semop, semtimedop with a 32-bit timespec) or with other arguments
// (semctl's through a pointer to union semun, msgrcv's version 0 through
// struct ipc_kludge) (decode_ipc.cc).
void IpcSemop(D& d);
void IpcSemtimedop(D& d);
void IpcSemctl(D& d);
void IpcMsgrcv(D& d);
void MqTimedsendTime64(D& d);     // decode_misc.cc
void MqTimedreceiveTime64(D& d);  // decode_misc.cc
// io_pgetevents (i386's, with a 32-bit timespec) and io_pgetevents_time64
// (decode_misc.cc).
void IoPgetevents(D& d);
void IoPgeteventsTime64(D& d);

// struct sockaddr of `addrlen` bytes (strace's decode_sockaddr):
// "{sa_family=AF_INET, sin_port=htons(80), ...}" (decode_net.cc).
void Sockaddr(D& d, uint64_t addr, int addrlen);

// ioctl's socket interface calls on a struct ifreq (SIOCGIFMTU, ...), as
// strace 6.1: "{ifr_name="lo", ifr_mtu=65536}" (decode_netlink.cc). False
// for other codes (and for an i386 process's, shown as addresses).
bool IfreqIoctl(D& d, uint32_t code, uint64_t arg);

// The perf_event ioctls (PERF_EVENT_IOC_*), as strace 6.1 (decode_misc.cc).
// False for other codes.
bool PerfIoctl(D& d, uint32_t code, uint64_t arg);

// A value read at a call's entry for its exit, where the kernel has
// overwritten it (value-result lengths). One per thread and call; taking
// it forgets it. False when the entry was not seen.
void SaveForExit(const D& d, int64_t value);
bool TakeSaved(const D& d, int64_t* value);
// The same with up to kSavedExtraMax bytes besides (the entry values of a
// structure's value-result fields); extra is left as is when the entry was
// not seen.
inline constexpr size_t kSavedExtraMax = 64;
void SaveForExit(const D& d, int64_t value, const void* extra, size_t n);
bool TakeSaved(const D& d, int64_t* value, void* extra, size_t n);
inline void ForgetSaved(const D& d) {
  int64_t ignored;
  TakeSaved(d, &ignored);
}

// Remembers a call that returned ERESTART_RESTARTBLOCK, so that the
// thread's restart_syscall names it (decode_process.cc).
void NoteInterrupted(const SyscallCall& c, int64_t ret);

// mmap/mprotect's prot: PROT_NONE, PROT_READ|PROT_WRITE, ... (decoder.cc).
void ProtFlags(D& d, uint64_t prot);
// read(2)'s decoder: "fd, " at entry; the bytes read (or the address when
// it failed) and the count at exit (decoder.cc).
void ReadLike(D& d);
// mmap's flags: MAP_PRIVATE|MAP_ANONYMOUS (decoder.cc).
void MmapFlagsOf(D& d, uint64_t flags);
// madvise's advice: MADV_DONTNEED, 0x3e8 /* MADV_??? */ (decode_process.cc).
void MadviseAdvice(D& d, uint64_t advice);
// A seccomp filter's struct sock_fprog at addr, "{len=4, filter=0x...}";
// with -v the program, BPF_STMT(...)s and BPF_JUMP(...)s (seccomp(2) and
// prctl(PR_SET_SECCOMP), decode_admin.cc).
void SeccompFprog(D& d, uint64_t addr);
// The same for a socket filter (SO_ATTACH_FILTER, SO_ATTACH_REUSEPORT_CBPF).
void SocketFilterFprog(D& d, uint64_t addr);
// struct sigevent at addr (decode_events.cc).
void SigeventAt(D& d, uint64_t addr);

// A struct stat's fields, whatever the layout (x86_64's struct stat; i386's
// struct stat64, struct stat and struct __old_kernel_stat).
struct StatFields {
  uint64_t dev = 0, ino = 0, rdev = 0;
  uint32_t mode = 0;
  uint64_t nlink = 0, uid = 0, gid = 0;
  int64_t blksize = 0, blocks = 0, size = 0;
  int64_t atime = 0, mtime = 0, ctime = 0;
  uint64_t atime_nsec = 0, mtime_nsec = 0, ctime_nsec = 0;
  bool has_nsec = true;  // false: no st_*time_nsec (the old kernel stat)
};
// strace's struct stat: "{st_mode=S_IFREG|0644, st_size=1221, ...}", every
// field when not abbreviated (-v) (decoder.cc).
void PrintStatFields(D& d, const StatFields& st);
// A mode_t, "S_IFREG|S_ISUID|0755", and a device number, "makedev(0x1,
// 0x3)", as -X says (decoder.cc).
void FileMode(D& d, uint32_t mode);
void DeviceNumber(D& d, uint64_t dev);
// fcntl's decoder for x86_64's layouts: the i386 one hands it every
// command but the locks (decoder.cc).
void FcntlCommon(D& d);
// struct statfs's fields, whatever the layout (x86_64's struct statfs;
// i386's struct statfs and struct statfs64).
struct StatfsFields {
  uint64_t type = 0;
  int64_t bsize = 0;
  uint64_t blocks = 0, bfree = 0, bavail = 0, files = 0, ffree = 0;
  uint32_t fsid[2] = {0, 0};
  int64_t namelen = 0, frsize = 0;
  uint64_t flags = 0;
};
// "{f_type=EXT2_SUPER_MAGIC, f_bsize=4096, ...}" (decode_fs.cc).
void PrintStatfsFields(D& d, const StatfsFields& st);
// utimensat's decoder; `time64`: the timespecs are 64-bit on i386 too
// (utimensat_time64) (decode_fs.cc).
void UtimensatCommon(D& d, bool time64);

// Signals and waits (decoder.cc): a handler (SIG_DFL, SIG_IGN, SIG_ERR or
// the address); a sigaction's fields as "{sa_handler=..., sa_mask=[...],
// sa_flags=..., sa_restorer=...}" (a mask of mask_len bytes); sigprocmask's
// how (SIG_BLOCK, ...); waitpid(pid, status, options), wait4 without the
// rusage.
void SigHandler(D& d, uint64_t handler);
void SigactionOf(D& d, uint64_t handler, const uint8_t* mask, size_t mask_len,
                 uint64_t flags, uint64_t restorer);
void SigprocmaskHow(D& d, uint32_t how);
void Waitpid(D& d);
// select(nfds, readfds, writefds, exceptfds, timeout) with a struct timeval
// (decode_events.cc): i386's old select decodes its argument block with it.
void SelectDecoder(D& d);

// ioctl's command: its name, "_IOC(...)", or as -X says (decoder.cc).
void IoctlCommand(D& d, uint32_t code);
// KVM (decode_kvm.cc): the name of a KVM ioctl (type 0xae) as strace 6.1
// names it, or null; and ioctl's whole decoding of the KVM ioctls strace
// decodes (false for the others: ioctl's generic forms).
const char* KvmIoctlName(uint32_t code);
bool KvmIoctl(D& d, uint32_t code, uint64_t arg);

// strace's printargs: every argument in hex; and the same for syscalls
// returning an fd (-y annotates it).
void Generic(D& d);
void GenericRetFd(D& d);
// -e raw=: Generic's arguments, the result in hex.
void Raw(D& d);

// Each file's table (later tables override earlier ones).
std::span<const Registration> CoreDecoders();     // decoder.cc
std::span<const Registration> ProcessDecoders();  // decode_process.cc
std::span<const Registration> EventDecoders();    // decode_events.cc
std::span<const Registration> NetDecoders();      // decode_net.cc
std::span<const Registration> FsDecoders();       // decode_fs.cc
std::span<const Registration> IpcDecoders();      // decode_ipc.cc
std::span<const Registration> NumaDecoders();     // decode_numa.cc
std::span<const Registration> MiscDecoders();     // decode_misc.cc
std::span<const Registration> AdminDecoders();    // decode_admin.cc
// i386-only calls and the i386 forms of shared ones (kI386Only).
std::span<const Registration> I386FsDecoders();    // decode_i386_fs.cc
std::span<const Registration> I386NetDecoders();   // decode_i386_net.cc
std::span<const Registration> I386ProcDecoders();  // decode_i386_proc.cc

// ArgDecoder::FilterNumber of an i386 call (decode_i386_net.cc).
int32_t I386FilterNumber(ArgDecoder& dec, const SyscallCall& c);

}  // namespace decode
}  // namespace ttrace

#endif  // TTRACE_TRACER_SYSCALLS_DECODING_H_
