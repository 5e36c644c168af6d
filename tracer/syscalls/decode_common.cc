#include <time.h>

#include <cstdint>
#include <cstdio>
#include <cstring>

#include "tracer/syscalls/decoding.h"
#include "tracer/syscalls/format.h"
#include "tracer/syscalls/signals.h"

namespace ttrace {
namespace decode {
namespace {
void OpenFlagNames(D& d, uint64_t flags);
}  // namespace

// ---------------------------------------------------------------------------
// Shared pieces.
// ---------------------------------------------------------------------------
void OpenFlags(D& d, uint64_t flags) {
  // One constant for -X: "0x80000", "0x80000 /* O_RDONLY|O_CLOEXEC */".
  const size_t mark = d.out->size();
  {
    ScopedXlatStyle abbrev(XlatStyle::kAbbrev);
    OpenFlagNames(d, flags);
  }
  RestyleConst(d.out, mark, RawConst::Hex(flags));
}

namespace {
void OpenFlagNames(D& d, uint64_t flags) {
  // Access mode first (always printed), then the other bits.
  AppendXval(d.out, flags & 3, kAccModes, "O_???");
  flags &= ~static_cast<uint64_t>(3);
  if (flags != 0) {
    d.out->push_back('|');
    // Without a leading name, unknown bits print plainly ("O_RDONLY|0x4").
    bool any = false;
    for (const XlatEntry& e : kOpenFlags) {
      if ((flags & e.value) == e.value) {
        if (any) d.out->push_back('|');
        d.Put(e.name);
        any = true;
        flags &= ~e.value;
      }
    }
    if (flags != 0) {
      if (any) d.out->push_back('|');
      d.Hex(flags);
    }
  }
}
}  // namespace

// "%#03o".
void Mode(D& d, uint64_t mode) { AppendOctal(d.out, mode, 2); }

size_t FormatTime(char* buf, size_t size, int64_t sec, uint64_t frac,
                  uint64_t frac_max, int width) {
  if ((sec == 0 && frac == 0) || frac > frac_max) return 0;
  time_t t = static_cast<time_t>(sec);
  struct tm tm;
  if (localtime_r(&t, &tm) == nullptr) return 0;
  size_t n = strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
  if (n == 0) return 0;
  if (frac != 0) {
    const int w = snprintf(buf + n, size - n, ".%0*llu", width,
                           static_cast<unsigned long long>(frac));
    if (w < 0 || static_cast<size_t>(w) >= size - n) return 0;
    n += w;
  }
  const size_t z = strftime(buf + n, size - n, "%z", &tm);
  if (z == 0) return 0;
  return n + z;
}

void TimeComment(D& d, int64_t sec, uint64_t nsec) {
  char buf[96];
  const size_t n = FormatTime(buf, sizeof(buf), sec, nsec, 999999999, 9);
  if (n == 0) return;
  d.Put(" /* ");
  d.out->append(buf, n);
  d.Put(" */");
}

// struct timespec: 64-bit fields, or 32-bit ones for i386 (old_timespec).
// tv_nsec prints unsigned, as strace (a negative one as 4294967295 or
// 18446744073709551615).
void Timespec(D& d, uint64_t addr, bool wide) {
  int64_t sec;
  uint64_t nsec;
  if (wide) {
    int64_t v[2];
    if (!d.Fetch(addr, v, sizeof(v))) return;
    sec = v[0];
    nsec = static_cast<uint64_t>(v[1]);
  } else {
    int32_t v[2];
    if (!d.Fetch(addr, v, sizeof(v))) return;
    sec = v[0];
    nsec = static_cast<uint32_t>(v[1]);
  }
  d.Put("{tv_sec=");
  d.Dec(sec);
  d.Put(", tv_nsec=");
  d.Udec(nsec);
  d.out->push_back('}');
}

bool IsErestart(int64_t ret) {
  return ret == -512 || ret == -513 || ret == -514 || ret == -516;
}

// A sigset of `len` bytes at addr (strace's print_sigset_addr_len).
void SigsetAddr(D& d, uint64_t addr, uint64_t len) {
  if (addr == 0) {
    d.Put("NULL");
    return;
  }
  if (!d.verbose || len > 8 || len == 0 || (len & (d.ptr_size() - 1)) != 0) {
    d.Hex(addr);
    return;
  }
  uint8_t buf[8];
  if (d.dec->mem()->Read(d.c.tid, addr, buf, len) !=
      static_cast<ssize_t>(len)) {
    d.Hex(addr);
    return;
  }
  AppendSigset(d.out, buf, len);
}

void Rusage(D& d, uint64_t addr) {
  // ru_utime, ru_stime (struct timeval), then 14 longs; all 4 bytes on
  // i386.
  int64_t ru[18];
  if (d.i386) {
    uint32_t ru32[18];
    const size_t size = d.abbrev ? 4 * sizeof(ru32[0]) : sizeof(ru32);
    if (!d.Fetch(addr, ru32, size)) return;
    // The times signed, the counts unsigned.
    for (size_t i = 0; i < size / sizeof(ru32[0]); ++i) {
      ru[i] = i < 4 ? int64_t{static_cast<int32_t>(ru32[i])} : int64_t{ru32[i]};
    }
  } else {
    const size_t size = d.abbrev ? 4 * sizeof(ru[0]) : sizeof(ru);
    if (!d.Fetch(addr, ru, size)) return;
  }
  d.Put("{ru_utime={tv_sec=");
  d.Dec(ru[0]);
  d.Put(", tv_usec=");
  d.Dec(ru[1]);
  d.Put("}, ru_stime={tv_sec=");
  d.Dec(ru[2]);
  d.Put(", tv_usec=");
  d.Dec(ru[3]);
  if (d.abbrev) {
    d.Put("}, ...}");
    return;
  }
  static constexpr const char* kFields[] = {
      "}, ru_maxrss=", ", ru_ixrss=",  ", ru_idrss=",  ", ru_isrss=",
      ", ru_minflt=",  ", ru_majflt=", ", ru_nswap=",  ", ru_inblock=",
      ", ru_oublock=", ", ru_msgsnd=", ", ru_msgrcv=", ", ru_nsignals=",
      ", ru_nvcsw=",   ", ru_nivcsw="};
  for (int i = 0; i < 14; ++i) {
    d.Put(kFields[i]);
    d.Udec(static_cast<uint64_t>(ru[4 + i]));
  }
  d.out->push_back('}');
}

void CpuSet(D& d, uint64_t addr, uint64_t len) {
  if (addr == 0) {
    d.Put("NULL");
    return;
  }
  if (!d.verbose) {
    d.Hex(addr);
    return;
  }
  // All of the first 128 bytes (1024 CPUs), whatever -s says, read at
  // once (else the address); " ..." when the set is longer.
  constexpr uint64_t kMax = 128;
  const uint64_t n = len < kMax ? len : kMax;
  uint8_t bytes[kMax];
  if (n > 0 &&
      d.dec->mem()->Read(d.c.tid, addr, bytes, n) != static_cast<ssize_t>(n)) {
    d.Hex(addr);
    return;
  }
  d.out->push_back('[');
  bool first = true;
  for (uint64_t bit = 0; bit < n * 8; ++bit) {
    if (!(bytes[bit / 8] >> (bit % 8) & 1)) continue;
    if (!first) d.out->push_back(' ');
    d.Udec(bit);
    first = false;
  }
  if (len > kMax) d.Put(first ? "..." : " ...");
  d.out->push_back(']');
}

void Iovecs(D& d, uint64_t addr, uint64_t n, uint64_t data_size,
            bool addresses_only, int netlink_proto) {
  const bool limited = data_size != ~0ull;
  uint64_t remaining = data_size;
  auto print = [&](uint64_t base, uint64_t len) {
    const uint64_t shown = len < remaining ? len : remaining;
    if (limited) remaining -= shown;
    d.Put("{iov_base=");
    if (addresses_only) {
      d.Ptr(base);
    } else if (netlink_proto >= 0) {
      NetlinkBuffer(d, netlink_proto, base, shown);
    } else {
      d.Buf(base, shown > INT64_MAX ? INT64_MAX : static_cast<int64_t>(shown));
    }
    d.Put(", iov_len=");
    d.Udec(len);
    d.out->push_back('}');
  };
  if (d.i386) {
    struct Iov32 {
      uint32_t base, len;
    };
    d.Array<Iov32>(
        addr, n, [&](const Iov32& v) { print(v.base, v.len); },
        /*even_if_failed=*/true);
  } else {
    struct Iov64 {
      uint64_t base, len;
    };
    d.Array<Iov64>(
        addr, n, [&](const Iov64& v) { print(v.base, v.len); },
        /*even_if_failed=*/true);
  }
}

namespace {
struct Saved {
  pid_t tid;
  int32_t nr;
  int64_t value;
  unsigned char extra[kSavedExtraMax];
};
// Indexed by tid; a thread has one call in flight. Two threads whose tids
// collide, both between entry and exit of such a call, lose the older
// value (the exit then prints as if the value had not changed).
thread_local Saved saved_for_exit[256];
}  // namespace

void SaveForExit(const D& d, int64_t value) {
  SaveForExit(d, value, nullptr, 0);
}

void SaveForExit(const D& d, int64_t value, const void* extra, size_t n) {
  Saved& s = saved_for_exit[static_cast<uint32_t>(d.c.tid) % 256];
  s.tid = d.c.tid;
  s.nr = static_cast<int32_t>(d.c.nr);
  s.value = value;
  memset(s.extra, 0, sizeof(s.extra));
  if (n > sizeof(s.extra)) n = sizeof(s.extra);
  if (n > 0) memcpy(s.extra, extra, n);
}

bool TakeSaved(const D& d, int64_t* value, void* extra, size_t n) {
  const Saved& s = saved_for_exit[static_cast<uint32_t>(d.c.tid) % 256];
  if (n > sizeof(s.extra)) n = sizeof(s.extra);
  if (s.tid == d.c.tid && s.nr == static_cast<int32_t>(d.c.nr) && n > 0) {
    memcpy(extra, s.extra, n);
  }
  return TakeSaved(d, value);
}

bool TakeSaved(const D& d, int64_t* value) {
  Saved& s = saved_for_exit[static_cast<uint32_t>(d.c.tid) % 256];
  if (s.tid != d.c.tid || s.nr != static_cast<int32_t>(d.c.nr)) return false;
  *value = s.value;
  s.tid = 0;
  s.nr = -1;
  return true;
}

}  // namespace decode
}  // namespace ttrace
