// strace's -e read=SET and -e write=SET: the data of the read and write
// family, dumped in hex after the call's line.
#include <sys/syscall.h>

#include <algorithm>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "tracer/syscalls/decoder.h"

namespace ttrace {
namespace {

// At most this much of one call's data is dumped (strace has no limit; a
// sane one keeps a huge write from costing the tracer its memory).
constexpr uint64_t kMaxDump = 16 << 20;

enum class Data {
  kNone,
  kBuffer,  // args[1], length given
  kIovec,   // iovec array at args[1], args[2] entries
  kMsghdr,  // struct msghdr at args[1]: its msg_iov, msg_iovlen
  kMmsg,    // struct mmsghdr array at args[1]: the messages sent/received
};

}  // namespace

void ArgDecoder::DumpBuffer(pid_t tid, uint64_t addr, uint64_t len,
                            std::string* out) {
  len = std::min(len, kMaxDump);
  std::string& bytes = scratch2_;
  bytes.resize(len);
  const ssize_t n = len == 0 ? 0 : mem_->Read(tid, addr, bytes.data(), len);
  if (n <= 0) return;
  if (!out->empty()) out->push_back('\n');
  AppendHexDump(out, bytes.data(), static_cast<size_t>(n));
}

// strace's dumpiov_upto(): each buffer in turn, " * N bytes in buffer I"
// then its bytes, until `budget` bytes (UINT64_MAX: all) or an empty one.
void ArgDecoder::DumpIovec(pid_t tid, uint64_t iov, uint64_t count,
                           uint64_t budget, std::string* out) {
  count = std::min<uint64_t>(count, 1024);  // IOV_MAX
  for (uint64_t i = 0; i < count && budget > 0; ++i) {
    uint64_t entry[2];  // iov_base, iov_len
    if (mem_->Read(tid, iov + i * sizeof entry, entry, sizeof entry) !=
        static_cast<ssize_t>(sizeof entry)) {
      return;
    }
    const uint64_t len = std::min(entry[1], budget);
    if (len == 0) return;
    budget -= len;
    if (!out->empty()) out->push_back('\n');
    absl::StrAppend(out, " * ", len, " bytes in buffer ", i);
    DumpBuffer(tid, entry[0], len, out);
  }
}

void ArgDecoder::DecodeDump(const SyscallCall& c, int64_t ret,
                            std::string* out) {
  out->clear();
  if (options_.dump_read.none() && options_.dump_write.none()) return;
  if (c.arch != kArchX86_64) return;
  bool write = false;
  Data data = Data::kNone;
  switch (c.nr) {
    case SYS_write:
    case SYS_pwrite64:
    case SYS_sendto:
    case SYS_mq_timedsend:
      write = true;
      data = Data::kBuffer;
      break;
    case SYS_writev:
    case SYS_pwritev:
    case SYS_pwritev2:
    case SYS_vmsplice:
      write = true;
      data = Data::kIovec;
      break;
    case SYS_sendmsg:
      write = true;
      data = Data::kMsghdr;
      break;
    case SYS_sendmmsg:
      write = true;
      data = Data::kMmsg;
      break;
    case SYS_recvmmsg:
      data = Data::kMmsg;
      break;
    case SYS_read:
    case SYS_pread64:
    case SYS_recvfrom:
    case SYS_mq_timedreceive:
      data = Data::kBuffer;
      break;
    case SYS_readv:
    case SYS_preadv:
    case SYS_preadv2:
      data = Data::kIovec;
      break;
    case SYS_recvmsg:
      data = Data::kMsghdr;
      break;
    default:
      return;
  }
  if (!(write ? options_.dump_write : options_.dump_read)
           .Has(static_cast<int>(c.args[0]))) {
    return;
  }
  // As strace: what was read, once it was; what was to be written, all of
  // it and whatever the result.
  // (sendmmsg and recvmmsg: the messages sent or received, each up to its
  // msg_len.)
  if ((!write || data == Data::kMmsg) && (IsError(c, ret) || ret <= 0)) {
    return;
  }
  const uint64_t budget = write ? UINT64_MAX : static_cast<uint64_t>(ret);
  switch (data) {
    case Data::kBuffer:
      DumpBuffer(c.tid, c.args[1], write ? c.args[2] : budget, out);
      break;
    case Data::kIovec:
      DumpIovec(c.tid, c.args[1], c.args[2], budget, out);
      break;
    case Data::kMsghdr: {
      uint64_t msg[4];  // msg_name, msg_namelen, msg_iov, msg_iovlen
      if (mem_->Read(c.tid, c.args[1], msg, sizeof msg) ==
          static_cast<ssize_t>(sizeof msg)) {
        DumpIovec(c.tid, msg[2], msg[3], budget, out);
      }
      break;
    }
    case Data::kMmsg: {
      const uint64_t n = std::min<uint64_t>(static_cast<uint64_t>(ret), 1024);
      for (uint64_t i = 0; i < n; ++i) {
        // struct mmsghdr: msg_iov at 16, msg_iovlen at 24, msg_len at 56.
        uint64_t m[8];
        if (mem_->Read(c.tid, c.args[1] + i * sizeof m, m, sizeof m) !=
            static_cast<ssize_t>(sizeof m)) {
          break;
        }
        if (!out->empty()) out->push_back('\n');
        absl::StrAppend(out, " = ", m[3], " buffers in vector ", i);
        DumpIovec(c.tid, m[2], m[3], static_cast<uint32_t>(m[7]), out);
      }
      break;
    }
    case Data::kNone:
      break;
  }
}

}  // namespace ttrace
