// Less common calls that strace 6.1 decodes: openat2, the timeval and
// utimbuf forms of utimes/futimesat/utime, process_vm_readv/writev,
// clock_settime, io_uring, memory protection keys, fanotify, and more.
#include <cstdint>
#include <cstring>

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

// clock_settime(clockid, const struct timespec *).
void ClockSettime(D& d) {
  if (d.exiting) return;
  d.Xval(d.u32(0), kClocks, "CLOCK_???");
  d.Sep();
  Timespec(d, d.u(1), !d.i386);
}

constexpr Registration kDecoders[] = {
    {"openat2", Openat2, 0},
    {"utimes", Utimes, 0},
    {"futimesat", Futimesat, 0},
    {"utime", Utime, 0},
    {"process_vm_readv", ProcessVmReadv, 0},
    {"process_vm_writev", ProcessVmWritev, 0},
    {"clock_settime", ClockSettime, 0},
};

}  // namespace

std::span<const Registration> MiscDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
