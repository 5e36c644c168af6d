// strace's -e read=SET and -e write=SET: the data of the read and write
// family, dumped in hex after the call's line; for x86_64 tracees and
// i386 ones (32-bit iovec, msghdr and mmsghdr; the socketcall
// multiplexer's send and receive calls).
#include <linux/net.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>

#include "absl/strings/str_cat.h"
#include "tracer/syscalls/decoder.h"
#include "tracer/syscalls/syscall_table.h"

namespace ttrace {
namespace {

// At most this much of one call's data is dumped (strace has no limit; a
// sane one keeps a huge write from costing the tracer its memory).
constexpr uint64_t kMaxDump = 16 << 20;
// At most this many buffers of a vector (the kernel's IOV_MAX).
constexpr uint64_t kMaxIov = 1024;

enum class Data : uint8_t {
  kNone,
  kBuffer,  // args[1], length given
  kIovec,   // iovec array at args[1], args[2] entries
  kMsghdr,  // struct msghdr at args[1]: its msg_iov, msg_iovlen
  kMmsg,    // struct mmsghdr array at args[1]: the messages sent/received
};

struct Dumped {
  Data data = Data::kNone;
  bool write = false;
};

// The calls strace dumps, by name on either architecture (the *_time64
// ones are i386's), all with the descriptor as their first argument.
struct DumpedCall {
  const char* name;
  Dumped how;
};
constexpr DumpedCall kDumpedCalls[] = {
    {"write", {Data::kBuffer, true}},
    {"pwrite64", {Data::kBuffer, true}},
    {"sendto", {Data::kBuffer, true}},
    {"mq_timedsend", {Data::kBuffer, true}},
    {"mq_timedsend_time64", {Data::kBuffer, true}},
    {"writev", {Data::kIovec, true}},
    {"pwritev", {Data::kIovec, true}},
    {"pwritev2", {Data::kIovec, true}},
    {"vmsplice", {Data::kIovec, true}},
    {"sendmsg", {Data::kMsghdr, true}},
    {"sendmmsg", {Data::kMmsg, true}},
    {"read", {Data::kBuffer, false}},
    {"pread64", {Data::kBuffer, false}},
    {"recvfrom", {Data::kBuffer, false}},
    {"mq_timedreceive", {Data::kBuffer, false}},
    {"mq_timedreceive_time64", {Data::kBuffer, false}},
    {"readv", {Data::kIovec, false}},
    {"preadv", {Data::kIovec, false}},
    {"preadv2", {Data::kIovec, false}},
    {"recvmsg", {Data::kMsghdr, false}},
    {"recvmmsg", {Data::kMmsg, false}},
    {"recvmmsg_time64", {Data::kMmsg, false}},
};

// The dumped calls by number, per architecture; and i386's socketcall.
struct DumpTable {
  std::array<std::array<Dumped, SyscallTable::kMaxNr>, kNumArches> by_nr{};
  int socketcall = -1;
};

const DumpTable& Table() {
  static const DumpTable* const table = [] {
    auto* t = new DumpTable;
    const SyscallTable& names = SyscallTable::Get();
    for (int a = 0; a < kNumArches; ++a) {
      for (const DumpedCall& call : kDumpedCalls) {
        const int nr = names.Number(kArches[a], call.name);
        if (nr >= 0 && nr < SyscallTable::kMaxNr) t->by_nr[a][nr] = call.how;
      }
    }
    t->socketcall = names.Number(kArchI386, "socketcall");
    return t;
  }();
  return *table;
}

// socketcall(call, args)'s calls that strace dumps: the call as i386 has
// it directly (send and recv: as sendto and recvfrom without an address),
// and how many words its argument array holds.
struct SocketDump {
  uint32_t call;
  int nargs;
  Dumped how;
};
constexpr SocketDump kSocketDumps[] = {
    {SYS_SEND, 4, {Data::kBuffer, true}},
    {SYS_RECV, 4, {Data::kBuffer, false}},
    {SYS_SENDTO, 6, {Data::kBuffer, true}},
    {SYS_RECVFROM, 6, {Data::kBuffer, false}},
    {SYS_SENDMSG, 3, {Data::kMsghdr, true}},
    {SYS_RECVMSG, 3, {Data::kMsghdr, false}},
    {SYS_RECVMMSG, 5, {Data::kMmsg, false}},
    {SYS_SENDMMSG, 4, {Data::kMmsg, true}},
};

// Word `i` (of `word` bytes: 4 or 8) of the structure at `p`.
uint64_t WordAt(const char* p, size_t word, size_t i) {
  if (word == 4) {
    uint32_t v;
    memcpy(&v, p + i * 4, 4);
    return v;
  }
  uint64_t v;
  memcpy(&v, p + i * 8, 8);
  return v;
}

}  // namespace

// As strace's: all `len` bytes or, when part of them cannot be read,
// nothing.
void ArgDecoder::DumpBuffer(pid_t tid, uint64_t addr, uint64_t len,
                            std::string* out) {
  len = std::min(len, kMaxDump);
  if (len == 0) return;
  std::string& bytes = scratch2_;
  bytes.resize(len);
  if (mem_->Read(tid, addr, bytes.data(), len) != static_cast<ssize_t>(len)) {
    return;
  }
  if (!out->empty()) out->push_back('\n');
  AppendHexDump(out, bytes.data(), len);
}

// strace's dumpiov_upto(): each buffer in turn, " * N bytes in buffer I"
// then its bytes, until `budget` bytes (UINT64_MAX: all) or an empty one.
// The array of `count` iovecs (of two `word`-byte words) is read whole, as
// strace reads it: nothing when part of it cannot be.
void ArgDecoder::DumpIovec(pid_t tid, uint64_t iov, uint64_t count, size_t word,
                           uint64_t budget, std::string* out) {
  count = std::min(count, kMaxIov);
  const size_t size = static_cast<size_t>(count) * 2 * word;
  std::string& array = scratch_;
  array.resize(size);
  if (size == 0 ||
      mem_->Read(tid, iov, array.data(), size) != static_cast<ssize_t>(size)) {
    return;
  }
  for (uint64_t i = 0; i < count && budget > 0; ++i) {
    const uint64_t base = WordAt(array.data(), word, 2 * i);
    const uint64_t len =
        std::min(WordAt(array.data(), word, 2 * i + 1), budget);
    if (len == 0) return;
    budget -= len;
    if (!out->empty()) out->push_back('\n');
    absl::StrAppend(out, " * ", len, " bytes in buffer ", i);
    DumpBuffer(tid, base, len, out);
  }
}

void ArgDecoder::DecodeDump(const SyscallCall& c, int64_t ret,
                            std::string* out) {
  out->clear();
  if (options_.dump_read.none() && options_.dump_write.none()) return;
  const int a = ArchIndex(c.arch);
  if (a < 0 || c.nr < 0 || c.nr >= SyscallTable::kMaxNr) return;
  const DumpTable& table = Table();
  const bool i386 = c.arch == kArchI386;
  const size_t word = i386 ? 4 : 8;
  // The call's first three arguments: the descriptor, the data (buffer,
  // iovec array, msghdr or mmsghdr array) and its length or count.
  uint64_t args[3];
  for (int i = 0; i < 3; ++i) {
    args[i] = i386 ? c.args[i] & 0xffffffffu : c.args[i];
  }
  Dumped how = table.by_nr[a][c.nr];
  if (i386 && c.nr == table.socketcall) {
    // socketcall prints as the call it makes (decode_i386_net.cc), and is
    // dumped as that call, with the arguments its array holds. (Read again
    // at the exit: strace reads them once, at the entry; they differ only
    // if the tracee rewrote the array meanwhile.) An array that cannot be
    // read whole leaves socketcall undecoded, and nothing dumped.
    const uint32_t call = static_cast<uint32_t>(c.args[0]);
    const SocketDump* sub = nullptr;
    for (const SocketDump& s : kSocketDumps) {
      if (s.call == call) sub = &s;
    }
    if (sub == nullptr) return;
    uint32_t words[6];
    const size_t n = static_cast<size_t>(sub->nargs) * 4;
    if (mem_->Read(c.tid, args[1], words, n) != static_cast<ssize_t>(n)) {
      return;
    }
    for (int i = 0; i < 3; ++i) args[i] = words[i];
    how = sub->how;
  }
  if (how.data == Data::kNone) return;
  if (!(how.write ? options_.dump_write : options_.dump_read)
           .Has(static_cast<int>(args[0]))) {
    return;
  }
  // As strace: what was read, once it was; what was to be written, all of
  // it and whatever the result.
  // (sendmmsg and recvmmsg: the messages sent or received, each up to its
  // msg_len.)
  if ((!how.write || how.data == Data::kMmsg) &&
      (IsError(c, ret) || ret <= 0)) {
    return;
  }
  const uint64_t budget = how.write ? UINT64_MAX : static_cast<uint64_t>(ret);
  switch (how.data) {
    case Data::kBuffer:
      DumpBuffer(c.tid, args[1], how.write ? args[2] : budget, out);
      break;
    case Data::kIovec:
      DumpIovec(c.tid, args[1], args[2], word, budget, out);
      break;
    case Data::kMsghdr: {
      // struct msghdr: msg_name, msg_namelen, msg_iov, msg_iovlen,
      // msg_control, msg_controllen, msg_flags (28 bytes on i386, 56 on
      // x86_64), read whole as strace does.
      char msg[56];
      const size_t size = i386 ? 28 : 56;
      if (mem_->Read(c.tid, args[1], msg, size) == static_cast<ssize_t>(size)) {
        DumpIovec(c.tid, WordAt(msg, word, 2), WordAt(msg, word, 3), word,
                  budget, out);
      }
      break;
    }
    case Data::kMmsg: {
      // struct mmsghdr: a msghdr then msg_len (32 bytes on i386, 64 on
      // x86_64).
      const size_t size = i386 ? 32 : 64;
      const size_t len_at = i386 ? 28 : 56;
      const uint64_t n = std::min(static_cast<uint64_t>(ret), kMaxIov);
      for (uint64_t i = 0; i < n; ++i) {
        char m[64];
        if (mem_->Read(c.tid, args[1] + i * size, m, size) !=
            static_cast<ssize_t>(size)) {
          break;
        }
        uint32_t msg_len;
        memcpy(&msg_len, m + len_at, 4);
        const uint64_t iovlen = WordAt(m, word, 3);
        if (!out->empty()) out->push_back('\n');
        absl::StrAppend(out, " = ", iovlen, " buffers in vector ", i);
        DumpIovec(c.tid, WordAt(m, word, 2), iovlen, word, msg_len, out);
      }
      break;
    }
    case Data::kNone:
      break;
  }
}

}  // namespace ttrace
