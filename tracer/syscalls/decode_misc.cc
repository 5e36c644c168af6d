// Less common calls that strace 6.1 decodes: openat2, the timeval and
// utimbuf forms of utimes/futimesat/utime, process_vm_readv/writev,
// clock_settime, io_uring, memory protection keys, fanotify, and more.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>

#include "tracer/syscalls/decoding.h"
#include "tracer/syscalls/format.h"

namespace ttrace {
namespace decode {
namespace {

// ---------------------------------------------------------------------------
// openat2(dirfd, path, struct open_how *, size).
// ---------------------------------------------------------------------------
constexpr XlatEntry kResolveFlags[] = {
    {0x01, "RESOLVE_NO_XDEV"},     {0x02, "RESOLVE_NO_MAGICLINKS"},
    {0x04, "RESOLVE_NO_SYMLINKS"}, {0x08, "RESOLVE_BENEATH"},
    {0x10, "RESOLVE_IN_ROOT"},     {0x20, "RESOLVE_CACHED"},
};
constexpr uint64_t kOpenHowSize = 24;  // flags, mode, resolve (u64 each)

void OpenHow(D& d, uint64_t addr, uint64_t size) {
  if (size < kOpenHowSize) {
    d.Ptr(addr);
    return;
  }
  uint64_t how[3];
  if (!d.Fetch(addr, how, sizeof(how))) return;
  d.Put("{flags=");
  OpenFlags(d, how[0]);
  // O_CREAT, __O_TMPFILE: the mode matters; else shown only when set.
  if ((how[0] & (0100 | 020000000)) != 0 || how[1] != 0) {
    d.Put(", mode=");
    Mode(d, how[1]);
  }
  d.Put(", resolve=");
  d.Flags(how[2], kResolveFlags, "RESOLVE_???");
  if (size > kOpenHowSize) {
    // Bytes past the known structure, when any is not zero.
    const uint64_t extra = size - kOpenHowSize;
    const size_t n = extra < 4096 ? extra : 4096;
    char buf[4096];
    if (d.dec->mem()->Read(d.c.tid, addr + kOpenHowSize, buf, n) ==
        static_cast<ssize_t>(n)) {
      bool zero = true;
      for (size_t i = 0; i < n && zero; ++i) zero = buf[i] == 0;
      if (!zero) {
        d.Put(", /* bytes ");
        d.Udec(kOpenHowSize);
        d.Put("..");
        d.Udec(size - 1);
        d.Put(" */ ");
        d.BufHex(addr + kOpenHowSize, static_cast<int64_t>(extra));
      }
    } else {
      d.Put(", ???");
    }
  }
  d.out->push_back('}');
}

void Openat2(D& d) {
  if (d.exiting) return d.RetFd();
  d.DirFd(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  OpenHow(d, d.u(2), d.u(3));
  d.Sep();
  d.Udec(d.u(3));
}

// ---------------------------------------------------------------------------
// utimes, futimesat (struct timeval[2]), utime (struct utimbuf).
// ---------------------------------------------------------------------------
// " /* 1970-01-01T00:00:01.000002+0000 */", nothing for the zero time or
// an out-of-range fraction.
void TimeCommentFrac(D& d, int64_t sec, uint64_t frac, uint64_t frac_max,
                     int width) {
  char buf[96];
  const size_t n = FormatTime(buf, sizeof(buf), sec, frac, frac_max, width);
  if (n == 0) return;
  d.Put(" /* ");
  d.out->append(buf, n);
  d.Put(" */");
}

void UtimesTimevals(D& d, uint64_t addr) {
  int64_t tv[4];
  if (d.i386) {
    int32_t tv32[4];
    if (!d.Fetch(addr, tv32, sizeof(tv32))) return;
    for (int i = 0; i < 4; ++i) tv[i] = tv32[i];
  } else if (!d.Fetch(addr, tv, sizeof(tv))) {
    return;
  }
  d.out->push_back('[');
  for (int i = 0; i < 2; ++i) {
    if (i > 0) d.Sep();
    if (d.Elided(i)) break;
    d.Put("{tv_sec=");
    d.Dec(tv[2 * i]);
    d.Put(", tv_usec=");
    d.Dec(tv[2 * i + 1]);
    d.out->push_back('}');
    TimeCommentFrac(d, tv[2 * i], static_cast<uint64_t>(tv[2 * i + 1]), 999999,
                    6);
  }
  d.out->push_back(']');
}

void Utimes(D& d) {
  if (d.exiting) return;
  d.Path(0);
  d.Sep();
  UtimesTimevals(d, d.u(1));
}

void Futimesat(D& d) {
  if (d.exiting) return;
  d.DirFd(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  UtimesTimevals(d, d.u(2));
}

void Utime(D& d) {
  if (d.exiting) return;
  d.Path(0);
  d.Sep();
  int64_t t[2];
  if (d.i386) {
    int32_t t32[2];
    if (!d.Fetch(d.u(1), t32, sizeof(t32))) return;
    t[0] = t32[0];
    t[1] = t32[1];
  } else if (!d.Fetch(d.u(1), t, sizeof(t))) {
    return;
  }
  d.Put("{actime=");
  d.Dec(t[0]);
  TimeCommentFrac(d, t[0], 0, 0, 0);
  d.Put(", modtime=");
  d.Dec(t[1]);
  TimeCommentFrac(d, t[1], 0, 0, 0);
  d.out->push_back('}');
}

// ---------------------------------------------------------------------------
// process_vm_readv/writev(pid, local_iov, liovcnt, remote_iov, riovcnt,
// flags): the local buffers' data (read ones at exit, up to the result),
// the remote ones' addresses.
// ---------------------------------------------------------------------------
void ProcessVmTail(D& d) {
  d.Sep();
  d.Udec(d.u(2));
  d.Sep();
  Iovecs(d, d.u(3), d.u(4), ~0ull, true);
  d.Sep();
  d.Udec(d.u(4));
  d.Sep();
  d.Udec(d.u(5));
}

void ProcessVmReadv(D& d) {
  if (d.entering()) {
    d.Pid(0);
    d.Sep();
    return;
  }
  Iovecs(d, d.u(1), d.u(2), static_cast<uint64_t>(d.ret), d.failed());
  ProcessVmTail(d);
}

void ProcessVmWritev(D& d) {
  if (d.exiting) return;
  d.Pid(0);
  d.Sep();
  Iovecs(d, d.u(1), d.u(2), ~0ull, false);
  ProcessVmTail(d);
}

// clock_settime(clockid, const struct timespec *); kTime64: i386's
// clock_settime64, with a 64-bit timespec.
template <bool kTime64>
void ClockSettime(D& d) {
  if (d.exiting) return;
  d.Xval(d.u32(0), kClocks, "CLOCK_???");
  d.Sep();
  Timespec(d, d.u(1), kTime64 || !d.i386);
}

// ---------------------------------------------------------------------------
// io_uring_setup, io_uring_enter, io_uring_register.
// ---------------------------------------------------------------------------
constexpr XlatEntry kIoUringSetupFlags[] = {
    {1u << 0, "IORING_SETUP_IOPOLL"},
    {1u << 1, "IORING_SETUP_SQPOLL"},
    {1u << 2, "IORING_SETUP_SQ_AFF"},
    {1u << 3, "IORING_SETUP_CQSIZE"},
    {1u << 4, "IORING_SETUP_CLAMP"},
    {1u << 5, "IORING_SETUP_ATTACH_WQ"},
    {1u << 6, "IORING_SETUP_R_DISABLED"},
    {1u << 7, "IORING_SETUP_SUBMIT_ALL"},
    {1u << 8, "IORING_SETUP_COOP_TASKRUN"},
    {1u << 9, "IORING_SETUP_TASKRUN_FLAG"},
    {1u << 10, "IORING_SETUP_SQE128"},
    {1u << 11, "IORING_SETUP_CQE32"},
};
constexpr XlatEntry kIoUringFeatures[] = {
    {1u << 0, "IORING_FEAT_SINGLE_MMAP"},
    {1u << 1, "IORING_FEAT_NODROP"},
    {1u << 2, "IORING_FEAT_SUBMIT_STABLE"},
    {1u << 3, "IORING_FEAT_RW_CUR_POS"},
    {1u << 4, "IORING_FEAT_CUR_PERSONALITY"},
    {1u << 5, "IORING_FEAT_FAST_POLL"},
    {1u << 6, "IORING_FEAT_POLL_32BITS"},
    {1u << 7, "IORING_FEAT_SQPOLL_NONFIXED"},
    {1u << 8, "IORING_FEAT_EXT_ARG"},
    {1u << 9, "IORING_FEAT_NATIVE_WORKERS"},
    {1u << 10, "IORING_FEAT_RSRC_TAGS"},
    {1u << 11, "IORING_FEAT_CQE_SKIP"},
    {1u << 12, "IORING_FEAT_LINKED_FILE"},
};
constexpr XlatEntry kIoUringEnterFlags[] = {
    {1u << 0, "IORING_ENTER_GETEVENTS"},
    {1u << 1, "IORING_ENTER_SQ_WAKEUP"},
    {1u << 2, "IORING_ENTER_SQ_WAIT"},
    {1u << 3, "IORING_ENTER_EXT_ARG"},
    {1u << 4, "IORING_ENTER_REGISTERED_RING"},
};
constexpr XlatEntry kIoUringRegisterOps[] = {
    {0, "IORING_REGISTER_BUFFERS"},
    {1, "IORING_UNREGISTER_BUFFERS"},
    {2, "IORING_REGISTER_FILES"},
    {3, "IORING_UNREGISTER_FILES"},
    {4, "IORING_REGISTER_EVENTFD"},
    {5, "IORING_UNREGISTER_EVENTFD"},
    {6, "IORING_REGISTER_FILES_UPDATE"},
    {7, "IORING_REGISTER_EVENTFD_ASYNC"},
    {8, "IORING_REGISTER_PROBE"},
    {9, "IORING_REGISTER_PERSONALITY"},
    {10, "IORING_UNREGISTER_PERSONALITY"},
    {11, "IORING_REGISTER_RESTRICTIONS"},
    {12, "IORING_REGISTER_ENABLE_RINGS"},
    {13, "IORING_REGISTER_FILES2"},
    {14, "IORING_REGISTER_FILES_UPDATE2"},
    {15, "IORING_REGISTER_BUFFERS2"},
    {16, "IORING_REGISTER_BUFFERS_UPDATE"},
    {17, "IORING_REGISTER_IOWQ_AFF"},
    {18, "IORING_UNREGISTER_IOWQ_AFF"},
    {19, "IORING_REGISTER_IOWQ_MAX_WORKERS"},
    {20, "IORING_REGISTER_RING_FDS"},
    {21, "IORING_UNREGISTER_RING_FDS"},
    {22, "IORING_REGISTER_PBUF_RING"},
    {23, "IORING_UNREGISTER_PBUF_RING"},
};

// io_uring opcodes (IORING_OP_*) that strace 6.1 names.
constexpr XlatEntry kIoUringOps[] = {
    {0, "IORING_OP_NOP"},
    {1, "IORING_OP_READV"},
    {2, "IORING_OP_WRITEV"},
    {3, "IORING_OP_FSYNC"},
    {4, "IORING_OP_READ_FIXED"},
    {5, "IORING_OP_WRITE_FIXED"},
    {6, "IORING_OP_POLL_ADD"},
    {7, "IORING_OP_POLL_REMOVE"},
    {8, "IORING_OP_SYNC_FILE_RANGE"},
    {9, "IORING_OP_SENDMSG"},
    {10, "IORING_OP_RECVMSG"},
    {11, "IORING_OP_TIMEOUT"},
    {12, "IORING_OP_TIMEOUT_REMOVE"},
    {13, "IORING_OP_ACCEPT"},
    {14, "IORING_OP_ASYNC_CANCEL"},
    {15, "IORING_OP_LINK_TIMEOUT"},
    {16, "IORING_OP_CONNECT"},
    {17, "IORING_OP_FALLOCATE"},
    {18, "IORING_OP_OPENAT"},
    {19, "IORING_OP_CLOSE"},
    {20, "IORING_OP_FILES_UPDATE"},
    {21, "IORING_OP_STATX"},
    {22, "IORING_OP_READ"},
    {23, "IORING_OP_WRITE"},
    {24, "IORING_OP_FADVISE"},
    {25, "IORING_OP_MADVISE"},
    {26, "IORING_OP_SEND"},
    {27, "IORING_OP_RECV"},
    {28, "IORING_OP_OPENAT2"},
    {29, "IORING_OP_EPOLL_CTL"},
    {30, "IORING_OP_SPLICE"},
    {31, "IORING_OP_PROVIDE_BUFFERS"},
    {32, "IORING_OP_REMOVE_BUFFERS"},
    {33, "IORING_OP_TEE"},
    {34, "IORING_OP_SHUTDOWN"},
    {35, "IORING_OP_RENAMEAT"},
    {36, "IORING_OP_UNLINKAT"},
    {37, "IORING_OP_MKDIRAT"},
    {38, "IORING_OP_SYMLINKAT"},
    {39, "IORING_OP_LINKAT"},
    {40, "IORING_OP_MSG_RING"},
    {41, "IORING_OP_FSETXATTR"},
    {42, "IORING_OP_SETXATTR"},
    {43, "IORING_OP_FGETXATTR"},
    {44, "IORING_OP_GETXATTR"},
    {45, "IORING_OP_SOCKET"},
    {46, "IORING_OP_URING_CMD"},
};
constexpr XlatEntry kIoUringOpFlags[] = {{1, "IO_URING_OP_SUPPORTED"}};
constexpr XlatEntry kIoWqCategories[] = {{0, "IO_WQ_BOUND"},
                                         {1, "IO_WQ_UNBOUND"}};

// An enumeration value, unknown ones in decimal: "47 /* IORING_OP_??? */"
// (-X raw: "47"; known ones "1" or "1 /* IORING_OP_READV */" as -X says).
template <size_t N>
void DecXval(D& d, uint64_t v, const XlatEntry (&tbl)[N], const char* unknown) {
  if (const char* name = XlatName(v, tbl, N)) {
    AppendConst(d.out, name, RawConst::Udec(v));
    return;
  }
  d.Udec(v);
  if (CurrentXlatStyle() == XlatStyle::kRaw) return;
  d.Put(" /* ");
  d.Put(unknown);
  d.Put(" */");
}

// struct io_uring_probe with min(ops_len, n) ops, read even when the call
// failed (strace prints it at exit).
void IoUringProbe(D& d, uint64_t addr, uint32_t n) {
  struct {
    uint8_t last_op, ops_len;
    uint16_t resv;
    uint32_t resv2[3];
  } probe;
  if (addr == 0) {
    d.Put("NULL");
    return;
  }
  if (!d.verbose || d.dec->mem()->Read(d.c.tid, addr, &probe, sizeof(probe)) !=
                        static_cast<ssize_t>(sizeof(probe))) {
    d.Hex(addr);
    return;
  }
  d.Put("{last_op=");
  DecXval(d, probe.last_op, kIoUringOps, "IORING_OP_???");
  d.Put(", ops_len=");
  d.Udec(probe.ops_len);
  if (probe.resv != 0) {
    d.Put(", resv=");
    d.Hex(probe.resv);
  }
  if (probe.resv2[0] != 0 || probe.resv2[1] != 0 || probe.resv2[2] != 0) {
    d.Put(", resv2=[");
    for (int i = 0; i < 3; ++i) {
      if (i > 0) d.Sep();
      if (d.Elided(i)) break;
      d.Hex(probe.resv2[i]);
    }
    d.out->push_back(']');
  }
  d.Put(", ops=");
  struct Op {
    uint8_t op, resv;
    uint16_t flags;
    uint32_t resv2;
  };
  const uint32_t count = probe.ops_len < n ? probe.ops_len : n;
  d.Array<Op>(
      addr + sizeof(probe), count,
      [&](const Op& op) {
        d.Put("{op=");
        DecXval(d, op.op, kIoUringOps, "IORING_OP_???");
        if (op.resv != 0) {
          d.Put(", resv=");
          d.Hex(op.resv);
        }
        d.Put(", flags=");
        d.Flags(op.flags, kIoUringOpFlags, "IO_URING_OP_???");
        if (op.resv2 != 0) {
          d.Put(", resv2=");
          d.Hex(op.resv2);
        }
        d.out->push_back('}');
      },
      /*even_if_failed=*/true);
  d.out->push_back('}');
}

// IORING_REGISTER_IOWQ_MAX_WORKERS' array: "[[IO_WQ_BOUND]=1, ...]".
void IoWqCounts(D& d, uint64_t addr, uint32_t n, bool even_if_failed) {
  uint64_t i = 0;
  d.Array<uint32_t>(
      addr, n,
      [&](const uint32_t& v) {
        d.out->push_back('[');
        DecXval(d, i++, kIoWqCategories, "IO_WQ_???");
        d.Put("]=");
        d.Udec(v);
      },
      even_if_failed);
}

// struct io_uring_params (120 bytes).
struct IoUringParams {
  uint32_t sq_entries, cq_entries, flags, sq_thread_cpu, sq_thread_idle,
      features, wq_fd, resv[3];
  uint32_t sq_off[6];  // head tail ring_mask ring_entries flags dropped
  uint32_t sq_array, sq_resv1;
  uint64_t sq_resv2;
  uint32_t cq_off[6];  // head tail ring_mask ring_entries overflow cqes
  uint32_t cq_flags, cq_resv1;
  uint64_t cq_resv2;
};
static_assert(sizeof(IoUringParams) == 120);

void Named(D& d, const char* name, uint64_t v) {
  d.Put(name);
  d.Udec(v);
}

void IoUringSetup(D& d) {
  IoUringParams p;
  if (d.entering()) {
    d.Udec(d.u32(0));
    d.Sep();
    if (!d.Fetch(d.u(1), &p, sizeof(p))) {
      SaveForExit(d, 0);
      return;
    }
    SaveForExit(d, 1);
    d.Put("{flags=");
    d.Flags(p.flags, kIoUringSetupFlags, "IORING_SETUP_???");
    d.Put(", sq_thread_cpu=");
    d.Hex(p.sq_thread_cpu);
    Named(d, ", sq_thread_idle=", p.sq_thread_idle);
    if (p.flags & (1u << 5)) {
      d.Put(", wq_fd=");
      d.FdValue(static_cast<int32_t>(p.wq_fd));
    }
    if (p.resv[0] != 0 || p.resv[1] != 0 || p.resv[2] != 0) {
      d.Put(", resv=[");
      for (int i = 0; i < 3; ++i) {
        if (i > 0) d.Sep();
        if (d.Elided(i)) break;
        d.Hex(p.resv[i]);
      }
      d.out->push_back(']');
    }
    return;
  }
  d.RetFd();
  int64_t printed = 0;
  if (!TakeSaved(d, &printed) || printed == 0) return;
  if (!d.failed()) {
    if (d.dec->mem()->Read(d.c.tid, d.u(1), &p, sizeof(p)) !=
        static_cast<ssize_t>(sizeof(p))) {
      d.Put(", ???");
    } else {
      Named(d, ", sq_entries=", p.sq_entries);
      Named(d, ", cq_entries=", p.cq_entries);
      d.Put(", features=");
      d.Flags(p.features, kIoUringFeatures, "IORING_FEAT_???");
      static constexpr const char* kSq[] = {
          ", sq_off={head=", ", tail=",  ", ring_mask=",
          ", ring_entries=", ", flags=", ", dropped="};
      for (int i = 0; i < 6; ++i) Named(d, kSq[i], p.sq_off[i]);
      Named(d, ", array=", p.sq_array);
      if (p.sq_resv1 != 0) Named(d, ", resv1=", p.sq_resv1);
      if (p.sq_resv2 != 0) Named(d, ", resv2=", p.sq_resv2);
      static constexpr const char* kCq[] = {
          "}, cq_off={head=", ", tail=",     ", ring_mask=",
          ", ring_entries=",  ", overflow=", ", cqes="};
      for (int i = 0; i < 6; ++i) Named(d, kCq[i], p.cq_off[i]);
      Named(d, ", flags=", p.cq_flags);
      if (p.cq_resv1 != 0) Named(d, ", resv1=", p.cq_resv1);
      if (p.cq_resv2 != 0) Named(d, ", resv2=", p.cq_resv2);
      d.out->push_back('}');
    }
  }
  d.out->push_back('}');
}

void IoUringEnter(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Udec(d.u32(1));
  d.Sep();
  d.Udec(d.u32(2));
  d.Sep();
  d.Flags(d.u32(3), kIoUringEnterFlags, "IORING_ENTER_???");
  d.Sep();
  SigsetAddr(d, d.u(4), d.u(5));
  d.Sep();
  d.Udec(d.u(5));
}

constexpr XlatEntry kIoUringRestrictionOps[] = {
    {0, "IORING_RESTRICTION_REGISTER_OP"},
    {1, "IORING_RESTRICTION_SQE_OP"},
    {2, "IORING_RESTRICTION_SQE_FLAGS_ALLOWED"},
    {3, "IORING_RESTRICTION_SQE_FLAGS_REQUIRED"},
};
constexpr XlatEntry kIoSqeFlags[] = {
    {1, "IOSQE_FIXED_FILE"},
    {2, "IOSQE_IO_DRAIN"},
    {4, "IOSQE_IO_LINK"},
    {8, "IOSQE_IO_HARDLINK"},
    {16, "IOSQE_ASYNC"},
    {32, "IOSQE_BUFFER_SELECT"},
    {64, "IOSQE_CQE_SKIP_SUCCESS"},
};
constexpr XlatEntry kIoUringRsrcRegisterFlags[] = {
    {1, "IORING_RSRC_REGISTER_SPARSE"},
};

// ", name=[0, 0x7, 0]" for reserved words, when any is not zero.
template <typename T, size_t N>
void ReservedWords(D& d, const char* name, const T (&v)[N]) {
  bool any = false;
  for (const T& w : v) any = any || w != 0;
  if (!any) return;
  d.Put(name);
  d.out->push_back('[');
  for (size_t i = 0; i < N; ++i) {
    if (i > 0) d.Sep();
    if (d.Elided(i)) break;
    d.Hex(v[i]);
  }
  d.out->push_back(']');
}

// ", name=0x5" for a reserved field that is not zero.
void ReservedField(D& d, const char* name, uint64_t v) {
  if (v == 0) return;
  d.Put(name);
  d.Hex(v);
}

// The bytes of a `size`-byte argument past the `known` bytes strace
// decodes (up to a page in all): ", /* bytes 32..63 */ "\x.."" when any is
// not zero, ", ???" when they cannot be read.
void BytesPast(D& d, uint64_t addr, uint64_t known, uint64_t size) {
  if (size <= known) return;
  constexpr uint64_t kPage = 4096;
  const uint64_t n = (size < kPage ? size : kPage) - known;
  char extra[kPage];
  if (d.dec->mem()->Read(d.c.tid, addr + known, extra, n) !=
      static_cast<ssize_t>(n)) {
    d.Put(", ???");
    return;
  }
  if (std::none_of(extra, extra + n, [](char c) { return c != 0; })) return;
  d.Put(", /* bytes ");
  d.Udec(known);
  d.Put("..");
  d.Udec(known + n - 1);
  d.Put(" */ ");
  d.BufHex(addr + known, static_cast<int64_t>(n));
}

// struct io_uring_restriction: what it allows or requires.
struct IoUringRestrictionBytes {
  uint8_t b[16];
};
void IoUringRestriction(D& d, const IoUringRestrictionBytes& rb) {
  const uint8_t* r = rb.b;
  const uint16_t opcode = static_cast<uint16_t>(r[0] | r[1] << 8);
  const uint8_t arg = r[2];
  d.Put("{opcode=");
  const bool known =
      d.Xval(opcode, kIoUringRestrictionOps, "IORING_RESTRICTION_???");
  if (!known) {
    d.Put(" /* op: ");
    d.Hex(arg);
    d.Put(" */");
  } else if (opcode == 0) {
    d.Put(", register_op=");
    d.Xval(arg, kIoUringRegisterOps, "IORING_REGISTER_???");
  } else if (opcode == 1) {
    d.Put(", sqe_op=");
    d.Xval(arg, kIoUringOps, "IORING_OP_???");
  } else {
    d.Put(", sqe_flags=");
    d.Flags(arg, kIoSqeFlags, "IOSQE_???");
  }
  ReservedField(d, ", resv=", r[3]);
  uint32_t resv2[3];
  memcpy(resv2, r + 4, sizeof(resv2));
  ReservedWords(d, ", resv2=", resv2);
  d.out->push_back('}');
}

// struct io_uring_rsrc_register (FILES2, BUFFERS2) or
// io_uring_rsrc_update2 (FILES_UPDATE2, BUFFERS_UPDATE) of `size` bytes;
// data is fds, or iovecs for buffers.
void IoUringRsrc(D& d, uint64_t addr, uint64_t size, bool update,
                 bool buffers) {
  struct {
    uint32_t a, b;  // nr, flags | offset, resv
    uint64_t c;     // resv2 | data
    uint64_t d;     // data | tags
    uint32_t e, f;  // tags | nr, resv2
  } s;
  static_assert(sizeof(s) == 32);
  if (size < sizeof(s)) {
    d.Ptr(addr);
    return;
  }
  if (!d.Fetch(addr, &s, sizeof(s))) return;
  uint32_t nr;
  uint64_t data, tags;
  if (update) {
    d.Put("{offset=");
    d.Udec(s.a);
    ReservedField(d, ", resv=", s.b);
    nr = s.e;
    data = s.c;
    tags = s.d;
  } else {
    d.Put("{nr=");
    d.Udec(s.a);
    d.Put(", flags=");
    d.Flags(s.b, kIoUringRsrcRegisterFlags, "IORING_RSRC_REGISTER_???");
    ReservedField(d, ", resv2=", s.c);
    nr = s.a;
    data = s.d;
    tags = s.e | static_cast<uint64_t>(s.f) << 32;
  }
  d.Put(", data=");
  if (buffers) {
    Iovecs(d, data, nr, ~0ull, true);
  } else {
    d.Array<int32_t>(data, nr, [&](const int32_t& fd) { d.FdValue(fd); });
  }
  d.Put(", tags=");
  d.Array<uint64_t>(tags, nr, [&](const uint64_t& t) { d.Hex(t); });
  if (update) {
    d.Put(", nr=");
    d.Udec(s.e);
    ReservedField(d, ", resv2=", s.f);
  }
  BytesPast(d, addr, sizeof(s), size);
  d.out->push_back('}');
}

// struct io_uring_rsrc_update[n] of IORING_(UN)REGISTER_RING_FDS: the fds
// to register (offset -1: any free slot), or the registered indexes (and
// the data only when set).
void IoUringRingFds(D& d, uint64_t addr, uint32_t n, bool unregister) {
  struct Update {
    uint32_t offset, resv;
    uint64_t data;
  };
  d.Array<Update>(addr, n, [&](const Update& u) {
    d.Put("{offset=");
    if (!unregister && u.offset == 0xffffffffu) {
      d.Put("-1");  // "any free slot"
    } else {
      d.Udec(u.offset);
    }
    ReservedField(d, ", resv=", u.resv);
    if (!unregister) {
      d.Put(", data=");
      d.FdValue(static_cast<int32_t>(u.data));
    } else {
      ReservedField(d, ", data=", u.data);
    }
    d.out->push_back('}');
  });
}

// struct io_uring_buf_reg of IORING_(UN)REGISTER_PBUF_RING.
void IoUringBufReg(D& d, uint64_t addr) {
  struct {
    uint64_t ring_addr;
    uint32_t ring_entries;
    uint16_t bgid, pad;
    uint64_t resv[3];
  } r;
  static_assert(sizeof(r) == 40);
  if (!d.Fetch(addr, &r, sizeof(r))) return;
  d.Put("{ring_addr=");
  d.Ptr(r.ring_addr);
  d.Put(", ring_entries=");
  d.Udec(r.ring_entries);
  d.Put(", bgid=");
  d.Udec(r.bgid);
  ReservedField(d, ", pad=", r.pad);
  ReservedWords(d, ", resv=", r.resv);
  d.out->push_back('}');
}

void IoUringRegister(D& d) {
  const uint32_t op = d.u32(1);
  const uint32_t n = d.u32(3);
  if (d.exiting) {
    if (op == 8) {  // IORING_REGISTER_PROBE: the kernel's answer
      IoUringProbe(d, d.u(2), n);
    } else if (op == 19) {  // IORING_REGISTER_IOWQ_MAX_WORKERS: old values
      int64_t shown = 0;
      const bool seen = TakeSaved(d, &shown);
      if (seen && shown == 0) return;  // the count was printed at entry
      if (seen) {
        if (d.failed()) {
          d.Ptr(d.u(2));
        } else {
          IoWqCounts(d, d.u(2), n, false);
        }
      }
    } else {
      return;
    }
    d.Sep();
    d.Udec(n);
    return;
  }
  d.Fd(0);
  d.match_fds = false;  // -P: the ring's fd only, not the files registered
  d.Sep();
  d.Xval(op, kIoUringRegisterOps, "IORING_REGISTER_???");
  d.Sep();
  auto fds = [&](uint64_t addr, uint64_t count) {
    d.Array<int32_t>(addr, count, [&](const int32_t& fd) { d.FdValue(fd); });
  };
  switch (op) {
    case 0:  // IORING_REGISTER_BUFFERS
      Iovecs(d, d.u(2), n, ~0ull, true);
      break;
    case 2:  // IORING_REGISTER_FILES
    case 4:  // IORING_REGISTER_EVENTFD
    case 7:  // IORING_REGISTER_EVENTFD_ASYNC
      fds(d.u(2), n);
      break;
    case 6: {  // IORING_REGISTER_FILES_UPDATE
      struct {
        uint32_t offset, resv;
        uint64_t fds;
      } upd;
      if (!d.Fetch(d.u(2), &upd, sizeof(upd))) break;
      d.Put("{offset=");
      d.Udec(upd.offset);
      if (upd.resv != 0) {
        d.Put(", resv=");
        d.Hex(upd.resv);
      }
      d.Put(", fds=");
      fds(upd.fds, n);
      d.out->push_back('}');
      break;
    }
    case 8:  // IORING_REGISTER_PROBE: at exit
      return;
    case 11:  // IORING_REGISTER_RESTRICTIONS
      d.Array<IoUringRestrictionBytes>(
          d.u(2), n,
          [&](const IoUringRestrictionBytes& r) { IoUringRestriction(d, r); });
      break;
    case 13:  // IORING_REGISTER_FILES2
    case 15:  // IORING_REGISTER_BUFFERS2
      IoUringRsrc(d, d.u(2), n, false, op == 15);
      break;
    case 14:  // IORING_REGISTER_FILES_UPDATE2
    case 16:  // IORING_REGISTER_BUFFERS_UPDATE
      IoUringRsrc(d, d.u(2), n, true, op == 16);
      break;
    case 17:  // IORING_REGISTER_IOWQ_AFF
      CpuSet(d, d.u(2), n);
      break;
    case 20:  // IORING_REGISTER_RING_FDS
    case 21:  // IORING_UNREGISTER_RING_FDS
      IoUringRingFds(d, d.u(2), n, op == 21);
      break;
    case 22:  // IORING_REGISTER_PBUF_RING
    case 23:  // IORING_UNREGISTER_PBUF_RING
      IoUringBufReg(d, d.u(2));
      break;
    case 19: {  // IORING_REGISTER_IOWQ_MAX_WORKERS: new values, then old
      // Whether the array could be read (else only its address shows).
      uint32_t first;
      const bool readable =
          d.u(2) != 0 && n != 0 && d.verbose &&
          d.dec->mem()->Read(d.c.tid, d.u(2), &first, sizeof(first)) ==
              static_cast<ssize_t>(sizeof(first));
      IoWqCounts(d, d.u(2), n, false);
      SaveForExit(d, readable ? 1 : 0);
      // strace ends the entry part with " => " before the old values, or
      // with the count when they are not shown.
      if (readable) {
        d.Put(" => ");
      } else {
        d.Sep();
        d.Udec(n);
      }
      return;
    }
    default:
      d.Ptr(d.u(2));
      break;
  }
  d.Sep();
  d.Udec(n);
}

// ---------------------------------------------------------------------------
// Memory protection keys.
// ---------------------------------------------------------------------------
constexpr XlatEntry kPkeyRights[] = {
    {1, "PKEY_DISABLE_ACCESS"},
    {2, "PKEY_DISABLE_WRITE"},
    {4, "PKEY_DISABLE_EXECUTE"},
};

void PkeyAlloc(D& d) {
  if (d.exiting) return;
  d.Hex(d.u(0));
  d.Sep();
  d.Flags(d.u(1), kPkeyRights, "PKEY_???");
}

void PkeyFree(D& d) {
  if (d.exiting) return;
  d.Dec(d.i32(0));
}

void PkeyMprotect(D& d) {
  if (d.exiting) return;
  d.Ptr(d.u(0));
  d.Sep();
  d.Udec(d.u(1));
  d.Sep();
  ProtFlags(d, d.u(2));
  d.Sep();
  d.Dec(d.i32(3));
}

// ---------------------------------------------------------------------------
// fanotify_init, fanotify_mark.
// ---------------------------------------------------------------------------
constexpr XlatEntry kFanClasses[] = {
    {0x0, "FAN_CLASS_NOTIF"},
    {0x4, "FAN_CLASS_CONTENT"},
    {0x8, "FAN_CLASS_PRE_CONTENT"},
};
constexpr uint32_t kFanClassBits = 0xc;
constexpr XlatEntry kFanInitFlags[] = {
    {0x1, "FAN_CLOEXEC"},
    {0x2, "FAN_NONBLOCK"},
    {0x10, "FAN_UNLIMITED_QUEUE"},
    {0x20, "FAN_UNLIMITED_MARKS"},
    {0x40, "FAN_ENABLE_AUDIT"},
    {0x80, "FAN_REPORT_PIDFD"},
    {0x100, "FAN_REPORT_TID"},
    {0x200, "FAN_REPORT_FID"},
    {0x400, "FAN_REPORT_DIR_FID"},
    {0x800, "FAN_REPORT_NAME"},
    {0x1000, "FAN_REPORT_TARGET_FID"},
};
constexpr XlatEntry kFanMarkFlags[] = {
    {0x1, "FAN_MARK_ADD"},
    {0x2, "FAN_MARK_REMOVE"},
    {0x4, "FAN_MARK_DONT_FOLLOW"},
    {0x8, "FAN_MARK_ONLYDIR"},
    {0x10, "FAN_MARK_MOUNT"},
    {0x20, "FAN_MARK_IGNORED_MASK"},
    {0x40, "FAN_MARK_IGNORED_SURV_MODIFY"},
    {0x80, "FAN_MARK_FLUSH"},
    {0x100, "FAN_MARK_FILESYSTEM"},
    {0x200, "FAN_MARK_EVICTABLE"},
    {0x400, "FAN_MARK_IGNORE"},
};
constexpr XlatEntry kFanEvents[] = {
    {0x1, "FAN_ACCESS"},
    {0x2, "FAN_MODIFY"},
    {0x4, "FAN_ATTRIB"},
    {0x8, "FAN_CLOSE_WRITE"},
    {0x10, "FAN_CLOSE_NOWRITE"},
    {0x20, "FAN_OPEN"},
    {0x40, "FAN_MOVED_FROM"},
    {0x80, "FAN_MOVED_TO"},
    {0x100, "FAN_CREATE"},
    {0x200, "FAN_DELETE"},
    {0x400, "FAN_DELETE_SELF"},
    {0x800, "FAN_MOVE_SELF"},
    {0x1000, "FAN_OPEN_EXEC"},
    {0x4000, "FAN_Q_OVERFLOW"},
    {0x8000, "FAN_FS_ERROR"},
    {0x10000, "FAN_OPEN_PERM"},
    {0x20000, "FAN_ACCESS_PERM"},
    {0x40000, "FAN_OPEN_EXEC_PERM"},
    {0x80000, "FAN_DIR_MODIFY"},
    {0x40000000, "FAN_ONDIR"},
    {0x08000000, "FAN_EVENT_ON_CHILD"},
    {0x10000000, "FAN_RENAME"},
};

void FanotifyInit(D& d) {
  if (d.exiting) return d.RetFd();
  const uint32_t flags = d.u32(0);
  d.Xval(flags & kFanClassBits, kFanClasses, "FAN_CLASS_???");
  // The other bits as a flag set of their own (-X raw: "0|0x1").
  const uint32_t rest = flags & ~kFanClassBits;
  if (rest != 0) {
    d.out->push_back('|');
    d.Flags(rest, kFanInitFlags, "FAN_???");
  }
  d.Sep();
  OpenFlags(d, d.u32(1));
}

// fanotify_mark(fd, flags, mask, dirfd, path); on i386 the 64-bit mask
// takes two registers (low half first).
void FanotifyMark(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Flags(d.u32(1), kFanMarkFlags, "FAN_MARK_???");
  d.Sep();
  const int dirfd = d.i386 ? 4 : 3;
  d.Flags(d.i386 ? d.u32(2) | (uint64_t{d.u32(3)} << 32) : d.u(2), kFanEvents,
          "FAN_???");
  d.Sep();
  if (d.i32(dirfd) == -1) {
    AppendConst(d.out, "FAN_NOFD", RawConst::Dec(-1));
  } else {
    d.DirFd(dirfd);
  }
  d.Sep();
  d.Path(dirfd + 1);
}

// ---------------------------------------------------------------------------
// get_robust_list(pid, head **, len *): both outputs at exit.
// ---------------------------------------------------------------------------
void GetRobustList(D& d) {
  if (d.entering()) {
    d.Pid(0);
    d.Sep();
    return;
  }
  uint64_t v = 0;
  if (d.FetchOut(d.u(1), &v, d.ptr_size())) {
    d.out->push_back('[');
    d.Ptr(v);
    d.out->push_back(']');
  }
  d.Sep();
  v = 0;
  if (d.FetchOut(d.u(2), &v, d.ptr_size())) {
    d.out->push_back('[');
    d.Udec(v);
    d.out->push_back(']');
  }
}

// ---------------------------------------------------------------------------
// futex_waitv(struct futex_waitv *, nr, flags, struct timespec *, clockid).
// ---------------------------------------------------------------------------
struct FutexWaitv {
  uint64_t val, uaddr;
  uint32_t flags, reserved;
};
constexpr XlatEntry kFutexWaiterFlags[] = {
    {0x02, "FUTEX_32"},
    {0x80, "FUTEX_PRIVATE_FLAG"},
};

void FutexWaitvCall(D& d) {
  if (d.exiting) return;
  d.Array<FutexWaitv>(d.u(0), d.u32(1), [&](const FutexWaitv& w) {
    d.Put("{val=");
    d.Hex(w.val);
    d.Put(", uaddr=");
    d.Ptr(w.uaddr);
    d.Put(", flags=");
    d.Flags(w.flags, kFutexWaiterFlags, "FUTEX_???");
    if (w.reserved != 0) {
      d.Put(", __reserved=");
      d.Hex(w.reserved);
    }
    d.out->push_back('}');
  });
  d.Sep();
  d.Udec(d.u32(1));
  d.Sep();
  d.Hex(d.u32(2));
  d.Sep();
  Timespec(d, d.u(3), true);
  d.Sep();
  d.Xval(d.u32(4), kClocks, "CLOCK_???");
}

// ---------------------------------------------------------------------------
// name_to_handle_at, open_by_handle_at (struct file_handle).
// ---------------------------------------------------------------------------
constexpr XlatEntry kHandleAtFlags[] = {
    {0x400, "AT_SYMLINK_FOLLOW"},
    {0x1000, "AT_EMPTY_PATH"},
};
constexpr uint32_t kMaxHandleSize = 128;

// ", handle_type=1, f_handle="\x..."" of a handle of `bytes` bytes.
void HandleBody(D& d, uint64_t addr, uint32_t bytes, int32_t type) {
  d.Put(", handle_type=");
  d.Dec(type);
  if (bytes > kMaxHandleSize) return;
  // All of it in hex, whatever -s says.
  d.Put(", f_handle=");
  uint8_t h[kMaxHandleSize];
  if (bytes > 0 && d.dec->mem()->Read(d.c.tid, addr + 8, h, bytes) !=
                       static_cast<ssize_t>(bytes)) {
    d.Hex(addr + 8);
    return;
  }
  AppendQuotedHex(d.out, h, bytes);
}

void NameToHandleAt(D& d) {
  if (d.entering()) {
    d.DirFd(0);
    d.Sep();
    d.Path(1);
    d.Sep();
    uint32_t bytes = 0;
    if (!d.Fetch(d.u(2), &bytes, sizeof(bytes))) {
      SaveForExit(d, -1);
      return;
    }
    SaveForExit(d, bytes);
    d.Put("{handle_bytes=");
    d.Udec(bytes);
    return;
  }
  int64_t before = -1;
  const bool known = TakeSaved(d, &before) && before >= 0;
  if (known) {
    uint32_t h[2];
    const bool overflow = d.ret == -75;  // EOVERFLOW: the size needed
    if ((!d.failed() || overflow) &&
        d.dec->mem()->Read(d.c.tid, d.u(2), h, sizeof(h)) ==
            static_cast<ssize_t>(sizeof(h))) {
      if (h[0] != before) {
        d.Put(" => ");
        d.Udec(h[0]);
      }
      if (!d.failed()) {
        HandleBody(d, d.u(2), h[0], static_cast<int32_t>(h[1]));
      }
    }
    d.out->push_back('}');
  }
  d.Sep();
  int32_t mount_id;
  if (d.FetchOut(d.u(3), &mount_id, sizeof(mount_id))) {
    d.out->push_back('[');
    d.Dec(mount_id);
    d.out->push_back(']');
  }
  d.Sep();
  d.Flags(d.u32(4), kHandleAtFlags, "AT_???");
}

void OpenByHandleAt(D& d) {
  if (d.exiting) return d.RetFd();
  d.Fd(0);
  d.Sep();
  uint32_t h[2];
  if (d.Fetch(d.u(1), h, sizeof(h))) {
    d.Put("{handle_bytes=");
    d.Udec(h[0]);
    HandleBody(d, d.u(1), h[0], static_cast<int32_t>(h[1]));
    d.out->push_back('}');
  }
  d.Sep();
  OpenFlags(d, d.u32(2));
}

// ---------------------------------------------------------------------------
// POSIX message queues.
// ---------------------------------------------------------------------------
// struct mq_attr; mq_flags named (O_NONBLOCK) for mq_getsetattr, in hex
// for mq_open, as strace prints them.
constexpr XlatEntry kMqFlags[] = {{04000, "O_NONBLOCK"}};

void MqAttr(D& d, uint64_t addr, bool output, bool named_flags) {
  // Four longs (32-bit on i386), then reserved ones.
  int64_t a[4];
  int32_t a32[4];
  void* p = d.i386 ? static_cast<void*>(a32) : static_cast<void*>(a);
  const size_t size = d.i386 ? sizeof(a32) : sizeof(a);
  if (!(output ? d.FetchOut(addr, p, size) : d.Fetch(addr, p, size))) return;
  if (d.i386) {
    for (int i = 0; i < 4; ++i) a[i] = a32[i];
  }
  d.Put("{mq_flags=");
  if (named_flags) {
    d.Flags(static_cast<uint64_t>(a[0]), kMqFlags, "O_???");
  } else {
    d.Hex(static_cast<uint64_t>(a[0]));
  }
  d.Put(", mq_maxmsg=");
  d.Dec(a[1]);
  d.Put(", mq_msgsize=");
  d.Dec(a[2]);
  d.Put(", mq_curmsgs=");
  d.Dec(a[3]);
  d.out->push_back('}');
}

// -P: strace's pathtrace matches no mq_* call (a queue's name is no path,
// its descriptor is not looked at).
void MqOpen(D& d) {
  if (d.exiting) return d.RetFd();
  d.CStr(d.u(0), 4096);
  d.Sep();
  OpenFlags(d, d.u32(1));
  if (d.u32(1) & 0100) {  // O_CREAT
    d.Sep();
    Mode(d, d.u32(2));
    d.Sep();
    MqAttr(d, d.u(3), false, false);
  }
}

void MqUnlink(D& d) {
  if (d.exiting) return;
  d.CStr(d.u(0), 4096);
}

// `wide`: a 64-bit timespec (x86_64's, i386's *_time64), else i386's
// 32-bit one.
void MqTimedsendTimed(D& d, bool wide) {
  if (d.exiting) return;
  d.match_fds = false;
  d.Fd(0);
  d.Sep();
  d.Buf(d.u(1), static_cast<int64_t>(d.u(2)));
  d.Sep();
  d.Udec(d.u(2));
  d.Sep();
  d.Udec(d.u32(3));
  d.Sep();
  Timespec(d, d.u(4), wide);
}

void MqTimedsend(D& d) { MqTimedsendTimed(d, !d.i386); }

void MqTimedreceiveTimed(D& d, bool wide) {
  d.match_fds = false;
  // mqdes, the message and its buffer's size print as read's arguments.
  ReadLike(d);
  if (d.entering()) return;
  d.Sep();
  uint32_t prio;
  if (d.FetchOut(d.u(3), &prio, sizeof(prio))) {
    d.out->push_back('[');
    d.Udec(prio);
    d.out->push_back(']');
  }
  d.Sep();
  Timespec(d, d.u(4), wide);
}

void MqTimedreceive(D& d) { MqTimedreceiveTimed(d, !d.i386); }

void MqNotify(D& d) {
  if (d.exiting) return;
  d.match_fds = false;
  d.Fd(0);
  d.Sep();
  SigeventAt(d, d.u(1));
}

void MqGetsetattr(D& d) {
  if (d.entering()) {
    d.match_fds = false;
    d.Fd(0);
    d.Sep();
    MqAttr(d, d.u(1), false, true);
    d.Sep();
    return;
  }
  MqAttr(d, d.u(2), true, true);
}

// ---------------------------------------------------------------------------
// remap_file_pages, process_madvise, memfd_secret.
// ---------------------------------------------------------------------------
void RemapFilePages(D& d) {
  if (d.exiting) return;
  d.Ptr(d.u(0));
  d.Sep();
  d.Udec(d.u(1));
  d.Sep();
  ProtFlags(d, d.u(2));
  d.Sep();
  d.Udec(d.u(3));
  d.Sep();
  MmapFlagsOf(d, d.u(4));
}

void ProcessMadvise(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  Iovecs(d, d.u(1), d.u(2), ~0ull, true);
  d.Sep();
  d.Udec(d.u(2));
  d.Sep();
  MadviseAdvice(d, d.u32(3));
  d.Sep();
  d.Hex(d.u32(4));
}

constexpr XlatEntry kMemfdSecretFlags[] = {{02000000, "O_CLOEXEC"}};

void MemfdSecret(D& d) {
  if (d.exiting) return d.RetFd();
  // Unknown bits in plain hex, without a comment.
  const uint32_t flags = d.u32(0);
  const uint32_t known = flags & 02000000;
  if (known == 0) {
    d.Hex(flags);
    return;
  }
  d.Flags(known, kMemfdSecretFlags, nullptr);
  if (flags != known) {
    d.out->push_back('|');
    d.Hex(flags & ~known);
  }
}

// ---------------------------------------------------------------------------
// Linux AIO: io_setup, io_destroy, io_submit, io_getevents, io_cancel.
// ---------------------------------------------------------------------------
constexpr XlatEntry kIocbCmds[] = {
    {0, "IOCB_CMD_PREAD"},  {1, "IOCB_CMD_PWRITE"},  {2, "IOCB_CMD_FSYNC"},
    {3, "IOCB_CMD_FDSYNC"}, {5, "IOCB_CMD_POLL"},    {6, "IOCB_CMD_NOOP"},
    {7, "IOCB_CMD_PREADV"}, {8, "IOCB_CMD_PWRITEV"},
};

struct Iocb {
  uint64_t data;
  uint32_t key, rw_flags;
  uint16_t opcode;
  int16_t reqprio;
  uint32_t fildes;
  uint64_t buf, nbytes;
  int64_t offset;
  uint64_t reserved2;
  uint32_t flags, resfd;
};
static_assert(sizeof(Iocb) == 64);

// The fields io_cancel shows ("{aio_data=0, aio_lio_opcode=..., aio_fildes=0")
// without the closing brace.
void IocbHead(D& d, const Iocb& cb) {
  d.Put("{aio_data=");
  d.Hex(cb.data);
  if (cb.key != 0) {
    d.Put(", aio_key=");
    d.Udec(cb.key);
  }
  if (cb.rw_flags != 0) {
    d.Put(", aio_rw_flags=");
    d.Flags(cb.rw_flags, kRwfFlags, "RWF_???");
  }
  d.Put(", aio_lio_opcode=");
  // An unknown opcode in decimal.
  if (const char* name = XlatName(cb.opcode, kIocbCmds, std::size(kIocbCmds))) {
    AppendConst(d.out, name, RawConst::Udec(cb.opcode));
  } else {
    d.Udec(cb.opcode);
    d.Put(" /* IOCB_CMD_??? */");
  }
  if (cb.reqprio != 0) {
    d.Put(", aio_reqprio=");
    d.Dec(cb.reqprio);
  }
  d.Put(", aio_fildes=");
  d.FdValue(static_cast<int32_t>(cb.fildes));
}

void IoSetup(D& d) {
  if (d.entering()) {
    d.Udec(d.u32(0));
    d.Sep();
    return;
  }
  uint64_t ctx = 0;
  if (d.FetchOut(d.u(1), &ctx, d.ptr_size())) {
    d.out->push_back('[');
    d.Ptr(ctx);
    d.out->push_back(']');
  }
}

void IoDestroy(D& d) {
  if (d.exiting) return;
  d.Ptr(d.u(0));
}

void IoSubmit(D& d) {
  if (d.exiting) return;
  d.match_fds = false;  // -P: strace does not look into the iocbs
  d.Ptr(d.u(0));
  d.Sep();
  d.Dec(d.s(1));
  d.Sep();
  if (d.s(1) < 0) {
    d.Ptr(d.u(2));
    return;
  }
  auto print = [&](uint64_t p) {
    Iocb cb;
    if (!d.Fetch(p, &cb, sizeof(cb))) return;
    IocbHead(d, cb);
    switch (cb.opcode) {
      case 0:  // PREAD
      case 1:  // PWRITE
        d.Put(", aio_buf=");
        if (cb.opcode == 1) {
          d.Buf(cb.buf, static_cast<int64_t>(cb.nbytes));
        } else {
          d.Ptr(cb.buf);
        }
        d.Put(", aio_nbytes=");
        d.Udec(cb.nbytes);
        d.Put(", aio_offset=");
        d.Dec(cb.offset);
        break;
      case 7:  // PREADV
      case 8:  // PWRITEV
        d.Put(", aio_buf=");
        Iovecs(d, cb.buf, cb.nbytes, ~0ull, cb.opcode == 7);
        d.Put(", aio_offset=");
        d.Dec(cb.offset);
        break;
      default:
        d.out->push_back('}');
        return;
    }
    if (cb.flags & 1) {  // IOCB_FLAG_RESFD, with a data transfer only
      d.Put(", aio_resfd=");
      d.Hex(cb.resfd);
    }
    d.out->push_back('}');
  };
  // An array of pointers (struct iocb is the same on i386).
  if (d.i386) {
    d.Array<uint32_t>(d.u(2), d.u(1), [&](const uint32_t& p) { print(p); });
  } else {
    d.Array<uint64_t>(d.u(2), d.u(1), [&](const uint64_t& p) { print(p); });
  }
}

struct IoEvent {
  uint64_t data, obj;
  int64_t res, res2;
};

void IoEventPrint(D& d, const IoEvent& e) {
  d.Put("{data=");
  d.Hex(e.data);
  d.Put(", obj=");
  d.Ptr(e.obj);
  d.Put(", res=");
  d.Dec(e.res);
  d.Put(", res2=");
  d.Dec(e.res2);
  d.out->push_back('}');
}

void IoGeteventsTimed(D& d, bool wide) {
  if (d.entering()) {
    d.Ptr(d.u(0));
    d.Sep();
    d.Dec(d.s(1));
    d.Sep();
    d.Dec(d.s(2));
    d.Sep();
    return;
  }
  if (d.failed()) {
    d.Ptr(d.u(3));
  } else {
    d.Array<IoEvent>(d.u(3), static_cast<uint64_t>(d.ret),
                     [&](const IoEvent& e) { IoEventPrint(d, e); });
  }
  d.Sep();
  Timespec(d, d.u(4), wide);
}

void IoGetevents(D& d) { IoGeteventsTimed(d, !d.i386); }

// io_pgetevents: io_getevents' arguments, then struct __aio_sigset
// {sigmask, sigsetsize} ("{sigmask=[HUP], sigsetsize=8}").
void IoPgeteventsTimed(D& d, bool wide) {
  IoGeteventsTimed(d, wide);
  if (d.entering()) return;
  d.Sep();
  uint64_t v[2] = {};
  uint32_t v32[2];
  if (d.i386) {
    if (!d.Fetch(d.u(5), v32, sizeof(v32))) return;
    v[0] = v32[0];
    v[1] = v32[1];
  } else if (!d.Fetch(d.u(5), v, sizeof(v))) {
    return;
  }
  d.Put("{sigmask=");
  SigsetAddr(d, v[0], v[1]);
  d.Put(", sigsetsize=");
  d.Udec(v[1]);
  d.out->push_back('}');
}

void IoCancel(D& d) {
  d.match_fds = false;  // -P: strace does not look into the iocb
  if (d.entering()) {
    d.Ptr(d.u(0));
    d.Sep();
    Iocb cb;
    if (d.Fetch(d.u(1), &cb, sizeof(cb))) {
      IocbHead(d, cb);
      d.out->push_back('}');
    }
    d.Sep();
    return;
  }
  IoEvent e;
  if (d.FetchOut(d.u(2), &e, sizeof(e))) IoEventPrint(d, e);
}

void PerfEventOpen(D& d);  // below

constexpr Registration kDecoders[] = {
    {"openat2", Openat2, 0},
    {"utimes", Utimes, 0},
    {"futimesat", Futimesat, 0},
    {"utime", Utime, 0},
    {"process_vm_readv", ProcessVmReadv, 0},
    {"process_vm_writev", ProcessVmWritev, 0},
    {"clock_settime", ClockSettime<false>, 0},
    {"clock_settime64", ClockSettime<true>, 0},
    {"io_uring_setup", IoUringSetup, 0},
    {"io_uring_enter", IoUringEnter, 0},
    {"io_uring_register", IoUringRegister, 0},
    {"pkey_alloc", PkeyAlloc, 0},
    {"pkey_free", PkeyFree, 0},
    {"pkey_mprotect", PkeyMprotect, 0},
    {"fanotify_init", FanotifyInit, 0},
    {"fanotify_mark", FanotifyMark, 0},
    {"get_robust_list", GetRobustList, 0},
    {"futex_waitv", FutexWaitvCall, 0},
    {"name_to_handle_at", NameToHandleAt, 0},
    {"open_by_handle_at", OpenByHandleAt, 0},
    {"mq_open", MqOpen, 0},
    {"mq_unlink", MqUnlink, 0},
    {"mq_timedsend", MqTimedsend, 0},
    {"mq_timedreceive", MqTimedreceive, 0},
    {"mq_notify", MqNotify, 0},
    {"mq_getsetattr", MqGetsetattr, 0},
    {"remap_file_pages", RemapFilePages, 0},
    {"process_madvise", ProcessMadvise, 0},
    {"memfd_secret", MemfdSecret, 0},
    {"io_setup", IoSetup, 0},
    {"io_destroy", IoDestroy, 0},
    {"io_submit", IoSubmit, 0},
    {"io_getevents", IoGetevents, 0},
    {"io_cancel", IoCancel, 0},
    {"perf_event_open", PerfEventOpen, 0},
};

// ---------------------------------------------------------------------------
// perf_event_open: struct perf_event_attr as strace 6.1 prints it.
// ---------------------------------------------------------------------------
constexpr XlatEntry kPerfTypes[] = {
    {0, "PERF_TYPE_HARDWARE"},   {1, "PERF_TYPE_SOFTWARE"},
    {2, "PERF_TYPE_TRACEPOINT"}, {3, "PERF_TYPE_HW_CACHE"},
    {4, "PERF_TYPE_RAW"},        {5, "PERF_TYPE_BREAKPOINT"},
};
constexpr XlatEntry kPerfAttrSizes[] = {
    {64, "PERF_ATTR_SIZE_VER0"},  {72, "PERF_ATTR_SIZE_VER1"},
    {80, "PERF_ATTR_SIZE_VER2"},  {96, "PERF_ATTR_SIZE_VER3"},
    {104, "PERF_ATTR_SIZE_VER4"}, {112, "PERF_ATTR_SIZE_VER5"},
    {120, "PERF_ATTR_SIZE_VER6"}, {128, "PERF_ATTR_SIZE_VER7"},
};
constexpr XlatEntry kPerfHwIds[] = {
    {0, "PERF_COUNT_HW_CPU_CYCLES"},
    {1, "PERF_COUNT_HW_INSTRUCTIONS"},
    {2, "PERF_COUNT_HW_CACHE_REFERENCES"},
    {3, "PERF_COUNT_HW_CACHE_MISSES"},
    {4, "PERF_COUNT_HW_BRANCH_INSTRUCTIONS"},
    {5, "PERF_COUNT_HW_BRANCH_MISSES"},
    {6, "PERF_COUNT_HW_BUS_CYCLES"},
    {7, "PERF_COUNT_HW_STALLED_CYCLES_FRONTEND"},
    {8, "PERF_COUNT_HW_STALLED_CYCLES_BACKEND"},
    {9, "PERF_COUNT_HW_REF_CPU_CYCLES"},
};
constexpr XlatEntry kPerfSwIds[] = {
    {0, "PERF_COUNT_SW_CPU_CLOCK"},
    {1, "PERF_COUNT_SW_TASK_CLOCK"},
    {2, "PERF_COUNT_SW_PAGE_FAULTS"},
    {3, "PERF_COUNT_SW_CONTEXT_SWITCHES"},
    {4, "PERF_COUNT_SW_CPU_MIGRATIONS"},
    {5, "PERF_COUNT_SW_PAGE_FAULTS_MIN"},
    {6, "PERF_COUNT_SW_PAGE_FAULTS_MAJ"},
    {7, "PERF_COUNT_SW_ALIGNMENT_FAULTS"},
    {8, "PERF_COUNT_SW_EMULATION_FAULTS"},
    {9, "PERF_COUNT_SW_DUMMY"},
    {10, "PERF_COUNT_SW_BPF_OUTPUT"},
    {11, "PERF_COUNT_SW_CGROUP_SWITCHES"},
};
constexpr XlatEntry kPerfHwCacheIds[] = {
    {0, "PERF_COUNT_HW_CACHE_L1D"},  {1, "PERF_COUNT_HW_CACHE_L1I"},
    {2, "PERF_COUNT_HW_CACHE_LL"},   {3, "PERF_COUNT_HW_CACHE_DTLB"},
    {4, "PERF_COUNT_HW_CACHE_ITLB"}, {5, "PERF_COUNT_HW_CACHE_BPU"},
    {6, "PERF_COUNT_HW_CACHE_NODE"},
};
constexpr XlatEntry kPerfHwCacheOps[] = {
    {0, "PERF_COUNT_HW_CACHE_OP_READ"},
    {1, "PERF_COUNT_HW_CACHE_OP_WRITE"},
    {2, "PERF_COUNT_HW_CACHE_OP_PREFETCH"},
};
constexpr XlatEntry kPerfHwCacheResults[] = {
    {0, "PERF_COUNT_HW_CACHE_RESULT_ACCESS"},
    {1, "PERF_COUNT_HW_CACHE_RESULT_MISS"},
};
constexpr XlatEntry kPerfSampleTypes[] = {
    {1 << 0, "PERF_SAMPLE_IP"},
    {1 << 1, "PERF_SAMPLE_TID"},
    {1 << 2, "PERF_SAMPLE_TIME"},
    {1 << 3, "PERF_SAMPLE_ADDR"},
    {1 << 4, "PERF_SAMPLE_READ"},
    {1 << 5, "PERF_SAMPLE_CALLCHAIN"},
    {1 << 6, "PERF_SAMPLE_ID"},
    {1 << 7, "PERF_SAMPLE_CPU"},
    {1 << 8, "PERF_SAMPLE_PERIOD"},
    {1 << 9, "PERF_SAMPLE_STREAM_ID"},
    {1 << 10, "PERF_SAMPLE_RAW"},
    {1 << 11, "PERF_SAMPLE_BRANCH_STACK"},
    {1 << 12, "PERF_SAMPLE_REGS_USER"},
    {1 << 13, "PERF_SAMPLE_STACK_USER"},
    {1 << 14, "PERF_SAMPLE_WEIGHT"},
    {1 << 15, "PERF_SAMPLE_DATA_SRC"},
    {1 << 16, "PERF_SAMPLE_IDENTIFIER"},
    {1 << 17, "PERF_SAMPLE_TRANSACTION"},
    {1 << 18, "PERF_SAMPLE_REGS_INTR"},
    {1 << 19, "PERF_SAMPLE_PHYS_ADDR"},
    {1 << 20, "PERF_SAMPLE_AUX"},
    {1 << 21, "PERF_SAMPLE_CGROUP"},
    {1 << 22, "PERF_SAMPLE_DATA_PAGE_SIZE"},
    {1 << 23, "PERF_SAMPLE_CODE_PAGE_SIZE"},
    {1 << 24, "PERF_SAMPLE_WEIGHT_STRUCT"},
};
constexpr XlatEntry kPerfReadFormats[] = {
    {1, "PERF_FORMAT_TOTAL_TIME_ENABLED"},
    {2, "PERF_FORMAT_TOTAL_TIME_RUNNING"},
    {4, "PERF_FORMAT_ID"},
    {8, "PERF_FORMAT_GROUP"},
    {16, "PERF_FORMAT_LOST"},
};
constexpr XlatEntry kPerfBranchSampleTypes[] = {
    {1 << 0, "PERF_SAMPLE_BRANCH_USER"},
    {1 << 1, "PERF_SAMPLE_BRANCH_KERNEL"},
    {1 << 2, "PERF_SAMPLE_BRANCH_HV"},
    {1 << 3, "PERF_SAMPLE_BRANCH_ANY"},
    {1 << 4, "PERF_SAMPLE_BRANCH_ANY_CALL"},
    {1 << 5, "PERF_SAMPLE_BRANCH_ANY_RETURN"},
    {1 << 6, "PERF_SAMPLE_BRANCH_IND_CALL"},
    {1 << 7, "PERF_SAMPLE_BRANCH_ABORT_TX"},
    {1 << 8, "PERF_SAMPLE_BRANCH_IN_TX"},
    {1 << 9, "PERF_SAMPLE_BRANCH_NO_TX"},
    {1 << 10, "PERF_SAMPLE_BRANCH_COND"},
    {1 << 11, "PERF_SAMPLE_BRANCH_CALL_STACK"},
    {1 << 12, "PERF_SAMPLE_BRANCH_IND_JUMP"},
    {1 << 13, "PERF_SAMPLE_BRANCH_CALL"},
    {1 << 14, "PERF_SAMPLE_BRANCH_NO_FLAGS"},
    {1 << 15, "PERF_SAMPLE_BRANCH_NO_CYCLES"},
    {1 << 16, "PERF_SAMPLE_BRANCH_TYPE_SAVE"},
    {1 << 17, "PERF_SAMPLE_BRANCH_HW_INDEX"},
    {1 << 18, "PERF_SAMPLE_BRANCH_PRIV_SAVE"},
};
constexpr XlatEntry kHwBreakpointTypes[] = {
    {0, "HW_BREAKPOINT_EMPTY"}, {1, "HW_BREAKPOINT_R"}, {2, "HW_BREAKPOINT_W"},
    {3, "HW_BREAKPOINT_RW"},    {4, "HW_BREAKPOINT_X"},
};
constexpr XlatEntry kPerfFlags[] = {
    {1, "PERF_FLAG_FD_NO_GROUP"},
    {2, "PERF_FLAG_FD_OUTPUT"},
    {4, "PERF_FLAG_PID_CGROUP"},
    {8, "PERF_FLAG_FD_CLOEXEC"},
};

// The one-bit flags of the attr's bit field around precise_ip (bits 15
// and 16), by bit.
constexpr const char* kPerfAttrBitsLow[] = {
    "disabled",       "inherit",        "pinned",     "exclusive",
    "exclude_user",   "exclude_kernel", "exclude_hv", "exclude_idle",
    "mmap",           "comm",           "freq",       "inherit_stat",
    "enable_on_exec", "task",           "watermark",
};
constexpr const char* kPerfAttrBitsHigh[] = {
    "mmap_data",
    "sample_id_all",
    "exclude_host",
    "exclude_guest",
    "exclude_callchain_kernel",
    "exclude_callchain_user",
    "mmap2",
    "comm_exec",
    "use_clockid",
    "context_switch",
    "write_backward",
    "namespaces",
    "ksymbol",
    "bpf_event",
    "aux_output",
    "cgroup",
    "text_poke",
    "build_id",
    "inherit_thread",
    "remove_on_exec",
    "sigtrap",
};
constexpr const char* kPreciseIp[] = {"arbitrary skid", "constant skid",
                                      "requested to have 0 skid",
                                      "must have 0 skid"};

struct PerfEventAttr {
  uint32_t type;
  uint32_t size;
  uint64_t config;
  uint64_t sample;  // sample_period or sample_freq
  uint64_t sample_type;
  uint64_t read_format;
  uint64_t bits;
  uint32_t wakeup;  // wakeup_events or wakeup_watermark
  uint32_t bp_type;
  uint64_t config1;             // bp_addr
  uint64_t config2;             // bp_len (from PERF_ATTR_SIZE_VER1)
  uint64_t branch_sample_type;  // VER2
  uint64_t sample_regs_user;    // VER3
  uint32_t sample_stack_user;
  int32_t clockid;
  uint64_t sample_regs_intr;  // VER4
  uint32_t aux_watermark;     // VER5
  uint16_t sample_max_stack;
  uint16_t reserved2;
  uint32_t aux_sample_size;  // VER6
  uint32_t reserved3;
  uint64_t sig_data;  // VER7
};
static_assert(sizeof(PerfEventAttr) == 128);

void PerfConfig(D& d, const PerfEventAttr& a) {
  switch (a.type) {
    case 0:
      d.Xval(a.config, kPerfHwIds, "PERF_COUNT_HW_???");
      return;
    case 1:
      d.Xval(a.config, kPerfSwIds, "PERF_COUNT_SW_???");
      return;
    case 2:
      d.Udec(a.config);
      return;
    case 3:
      // "RESULT<<16|OP<<8|ID", each part styled by -X on its own
      // ("0x1 /* PERF_COUNT_HW_CACHE_RESULT_MISS */<<16|...").
      d.Xval((a.config >> 16) & 0xff, kPerfHwCacheResults,
             "PERF_COUNT_HW_CACHE_RESULT_???");
      d.Put("<<16|");
      d.Xval((a.config >> 8) & 0xff, kPerfHwCacheOps,
             "PERF_COUNT_HW_CACHE_OP_???");
      d.Put("<<8|");
      d.Xval(a.config & 0xff, kPerfHwCacheIds, "PERF_COUNT_HW_CACHE_???");
      if ((a.config >> 24) != 0) {
        d.Put("|");
        d.Hex(a.config & ~uint64_t{0xffffff});
      }
      return;
    default:
      d.Hex(a.config);
      return;
  }
}

void PerfEventAttrStruct(D& d, uint64_t addr) {
  PerfEventAttr a{};
  // The size it says, then as much of the struct as that covers (0: the
  // first version's 64 bytes); under 64 bytes, the address.
  uint32_t size;
  if (addr == 0) {
    d.Put("NULL");
    return;
  }
  if (!d.Peek(addr + 4, &size, sizeof(size))) {
    d.Hex(addr);
    return;
  }
  const uint32_t have = size == 0 ? 64 : size;
  if (have < 64) {
    d.Hex(addr);
    return;
  }
  if (!d.Fetch(addr, &a, have < sizeof(a) ? have : sizeof(a))) return;
  d.Put("{type=");
  d.Xval(a.type, kPerfTypes, "PERF_TYPE_???");
  d.Put(", size=");
  d.Xval(a.size, kPerfAttrSizes, "PERF_ATTR_SIZE_???");
  d.Put(", config=");
  PerfConfig(d, a);
  const bool freq = (a.bits >> 10) & 1;
  d.Put(freq ? ", sample_freq=" : ", sample_period=");
  d.Udec(a.sample);
  d.Put(", sample_type=");
  d.Flags(a.sample_type, kPerfSampleTypes, "PERF_SAMPLE_???");
  d.Put(", read_format=");
  d.Flags(a.read_format, kPerfReadFormats, "PERF_FORMAT_???");
  // The bit field: by default only the set bits (and precise_ip always).
  auto bit = [&](const char* name, int i) {
    const uint64_t v = (a.bits >> i) & 1;
    if (v == 0 && d.abbrev) return;
    d.Put(", ");
    d.Put(name);
    d.out->push_back('=');
    d.Udec(v);
  };
  for (int i = 0; i < 15; ++i) bit(kPerfAttrBitsLow[i], i);
  const uint64_t precise = (a.bits >> 15) & 3;
  d.Put(", precise_ip=");
  d.Udec(precise);
  d.Put(" /* ");
  d.Put(kPreciseIp[precise]);
  d.Put(" */");
  for (int i = 0; i < 21; ++i) bit(kPerfAttrBitsHigh[i], 17 + i);
  if (d.abbrev) {
    d.Put(", ...}");
    return;
  }
  d.Put(((a.bits >> 14) & 1) != 0 ? ", wakeup_watermark=" : ", wakeup_events=");
  d.Udec(a.wakeup);
  if (a.type == 5) {
    d.Put(", bp_type=");
    d.Xval(a.bp_type, kHwBreakpointTypes, "HW_BREAKPOINT_???");
    d.Put(", bp_addr=");
    d.Hex(a.config1);
    if (have >= 72) {
      d.Put(", bp_len=");
      d.Udec(a.config2);
    }
  } else {
    d.Put(", config1=");
    d.Hex(a.config1);
    if (have >= 72) {
      d.Put(", config2=");
      d.Hex(a.config2);
    }
  }
  if (have >= 80 && (a.sample_type & (1 << 11)) != 0) {
    d.Put(", branch_sample_type=");
    d.Flags(a.branch_sample_type, kPerfBranchSampleTypes,
            "PERF_SAMPLE_BRANCH_???");
  }
  if (have >= 96) {
    d.Put(", sample_regs_user=");
    d.Hex(a.sample_regs_user);
    if ((a.sample_type & (1 << 13)) != 0) {
      d.Put(", sample_stack_user=");
      d.Hex(a.sample_stack_user);  // strace 6.1: "0x2000"
    }
    if (((a.bits >> 25) & 1) != 0) {
      d.Put(", clockid=");
      d.Xval(static_cast<uint32_t>(a.clockid), kClocks, "CLOCK_???");
    }
  }
  if (have >= 104) {
    d.Put(", sample_regs_intr=");
    d.Hex(a.sample_regs_intr);
  }
  if (have >= 112) {
    d.Put(", aux_watermark=");
    d.Udec(a.aux_watermark);
    d.Put(", sample_max_stack=");
    d.Udec(a.sample_max_stack);
  }
  if (have >= 120) {
    d.Put(", aux_sample_size=");
    d.Udec(a.aux_sample_size);
  }
  if (have >= 128) {
    d.Put(", sig_data=");
    d.Hex(a.sig_data);
  }
  if (have > 128) d.Put(", ...");
  d.out->push_back('}');
}

// perf_event_open(attr, pid, cpu, group_fd, flags).
// perf_event_open's arguments as read at entry, held for its exit: one per
// thread, as SaveForExit.
struct SavedPerfArgs {
  pid_t tid = 0;
  std::string text;
};
SavedPerfArgs saved_perf_args[256];

void PerfEventOpen(D& d) {
  SavedPerfArgs& saved = saved_perf_args[static_cast<uint32_t>(d.c.tid) % 256];
  if (d.exiting) {
    if (saved.tid == d.c.tid) {
      d.out->append(saved.text);
      saved.tid = 0;
    }
    d.RetFd();
    return;
  }
  std::string text;
  std::string* out = d.out;
  d.out = &text;
  PerfEventAttrStruct(d, d.u(0));
  d.Sep();
  d.Dec(d.i32(1));
  d.Sep();
  d.Dec(d.i32(2));
  d.Sep();
  d.Fd(3);
  d.Sep();
  d.Flags(d.u(4), kPerfFlags, "PERF_FLAG_???");
  d.out = out;
  // With the attributes read, strace prints all the arguments at exit
  // (a line split at entry is "perf_event_open( <unfinished ...>"); they
  // are shown as read at entry (the kernel may rewrite the size).
  if (!text.empty() && text[0] == '{') {
    saved.tid = d.c.tid;
    saved.text = std::move(text);
  } else {
    out->append(text);
  }
}

constexpr XlatEntry kPerfIocFlags[] = {{1, "PERF_IOC_FLAG_GROUP"}};

}  // namespace

// The perf_event ioctls (linux/perf_event.h, type '$'), as strace 6.1:
// ENABLE, DISABLE and RESET take PERF_IOC_FLAG_GROUP, REFRESH an int,
// PERIOD and ID a u64 ("[1000]"), SET_OUTPUT and SET_BPF an fd,
// SET_FILTER a string, PAUSE_OUTPUT an unsigned long, QUERY_BPF a struct
// perf_event_query_bpf and MODIFY_ATTRIBUTES a struct perf_event_attr.
bool PerfIoctl(D& d, uint32_t code, uint64_t arg) {
  if (((code >> 8) & 0xff) != 0x24) return false;
  uint32_t native = code;
  // i386: the pointer-sized size fields say 4.
  if (d.i386 && ((code >> 16) & 0x3fff) == 4) {
    switch (code & 0xc00000ff) {
      case 0x40000006:  // SET_FILTER
      case 0x80000007:  // ID
      case 0xc000000a:  // QUERY_BPF
      case 0x4000000b:  // MODIFY_ATTRIBUTES
        native = (code & ~0x3fff0000u) | (8u << 16);
        break;
      default:
        break;
    }
  }
  switch (native) {
    case 0x2400:      // PERF_EVENT_IOC_ENABLE
    case 0x2401:      // PERF_EVENT_IOC_DISABLE
    case 0x2402:      // PERF_EVENT_IOC_REFRESH
    case 0x2403:      // PERF_EVENT_IOC_RESET
    case 0x40082404:  // PERF_EVENT_IOC_PERIOD
    case 0x2405:      // PERF_EVENT_IOC_SET_OUTPUT
    case 0x40082406:  // PERF_EVENT_IOC_SET_FILTER
    case 0x80082407:  // PERF_EVENT_IOC_ID
    case 0x40042408:  // PERF_EVENT_IOC_SET_BPF
    case 0x40042409:  // PERF_EVENT_IOC_PAUSE_OUTPUT
    case 0xc008240a:  // PERF_EVENT_IOC_QUERY_BPF
    case 0x4008240b:  // PERF_EVENT_IOC_MODIFY_ATTRIBUTES
      break;
    default:
      return false;
  }
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    IoctlCommand(d, code);
    // ID's value follows at exit, and its ", " with it, as strace splits
    // the line ("PERF_EVENT_IOC_ID <unfinished ...>").
    if (native != 0x80082407) d.Sep();
    switch (native) {
      case 0x2400:
      case 0x2401:
      case 0x2403:
        d.Flags(static_cast<uint32_t>(arg), kPerfIocFlags, "PERF_IOC_FLAG_???");
        return true;
      case 0x2402:
        d.Dec(static_cast<int32_t>(arg));
        return true;
      case 0x40082404: {
        uint64_t v;
        if (d.Fetch(arg, &v, sizeof(v))) {
          d.out->push_back('[');
          d.Udec(v);
          d.out->push_back(']');
        }
        return true;
      }
      case 0x2405:
      case 0x40042408:
        d.FdValue(static_cast<int32_t>(arg));
        return true;
      case 0x40082406:
        d.CStr(arg, d.opt().string_limit);
        return true;
      case 0x40042409:
        d.Udec(arg);
        return true;
      case 0xc008240a: {
        uint32_t ids_len;
        if (d.Fetch(arg, &ids_len, sizeof(ids_len))) {
          d.Put("{ids_len=");
          d.Udec(ids_len);
          d.Sep();  // strace splits after it: "{ids_len=4, <unfinished ...>"
          SaveForExit(d, ids_len);
        }
        return true;
      }
      case 0x4008240b:
        PerfEventAttrStruct(d, arg);
        return true;
      default:
        return true;  // ID: the value follows at exit
    }
  }
  if (native == 0x80082407) {
    d.Sep();
    uint64_t v;
    if (d.FetchOut(arg, &v, sizeof(v))) {
      d.out->push_back('[');
      d.Udec(v);
      d.out->push_back(']');
    }
  } else if (native == 0xc008240a) {
    int64_t ids_len;
    if (!TakeSaved(d, &ids_len)) return true;
    uint32_t prog_cnt;
    if (!d.Peek(arg + 4, &prog_cnt, sizeof(prog_cnt))) {
      d.Put("...}");
      return true;
    }
    d.Put("prog_cnt=");
    d.Udec(prog_cnt);
    d.Put(", ids=");
    const uint64_t n =
        std::min<uint64_t>(prog_cnt, static_cast<uint64_t>(ids_len));
    d.Array<uint32_t>(arg + 8, n, [&](const uint32_t& id) { d.Udec(id); });
    d.out->push_back('}');
  }
  return true;
}

void MqTimedsendTime64(D& d) { MqTimedsendTimed(d, true); }
void MqTimedreceiveTime64(D& d) { MqTimedreceiveTimed(d, true); }
void IoPgetevents(D& d) { IoPgeteventsTimed(d, !d.i386); }
void IoPgeteventsTime64(D& d) { IoPgeteventsTimed(d, true); }

std::span<const Registration> MiscDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
