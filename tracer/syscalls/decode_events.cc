// Waiting for events: futex, poll/ppoll, select/pselect6, the epoll
// family, the fds that deliver events (eventfd, timerfd, signalfd) and
// POSIX timers (timer_create, ...).
//
// futex, poll and the epoll waits are hot: these decoders only append to
// the output strings and use stack buffers.
#include <cstring>

#include "tracer/syscalls/decoding.h"
#include "tracer/syscalls/format.h"
#include "tracer/syscalls/signals.h"

namespace ttrace {
namespace decode {

namespace {

// ---------------------------------------------------------------------------
// futex
// ---------------------------------------------------------------------------
constexpr XlatEntry kFutexOps[] = {
    {0, "FUTEX_WAIT"},
    {1, "FUTEX_WAKE"},
    {2, "FUTEX_FD"},
    {3, "FUTEX_REQUEUE"},
    {4, "FUTEX_CMP_REQUEUE"},
    {5, "FUTEX_WAKE_OP"},
    {6, "FUTEX_LOCK_PI"},
    {7, "FUTEX_UNLOCK_PI"},
    {8, "FUTEX_TRYLOCK_PI"},
    {9, "FUTEX_WAIT_BITSET"},
    {10, "FUTEX_WAKE_BITSET"},
    {11, "FUTEX_WAIT_REQUEUE_PI"},
    {12, "FUTEX_CMP_REQUEUE_PI"},
    {13, "FUTEX_LOCK_PI2"},
    {128, "FUTEX_WAIT_PRIVATE"},
    {129, "FUTEX_WAKE_PRIVATE"},
    {130, "FUTEX_FD|FUTEX_PRIVATE_FLAG"},
    {131, "FUTEX_REQUEUE_PRIVATE"},
    {132, "FUTEX_CMP_REQUEUE_PRIVATE"},
    {133, "FUTEX_WAKE_OP_PRIVATE"},
    {134, "FUTEX_LOCK_PI_PRIVATE"},
    {135, "FUTEX_UNLOCK_PI_PRIVATE"},
    {136, "FUTEX_TRYLOCK_PI_PRIVATE"},
    {137, "FUTEX_WAIT_BITSET_PRIVATE"},
    {138, "FUTEX_WAKE_BITSET_PRIVATE"},
    {139, "FUTEX_WAIT_REQUEUE_PI_PRIVATE"},
    {140, "FUTEX_CMP_REQUEUE_PI_PRIVATE"},
    {141, "FUTEX_LOCK_PI2_PRIVATE"},
    {256, "FUTEX_WAIT|FUTEX_CLOCK_REALTIME"},
    {384, "FUTEX_WAIT_PRIVATE|FUTEX_CLOCK_REALTIME"},
    {265, "FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME"},
    {393, "FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME"},
    {267, "FUTEX_WAIT_REQUEUE_PI|FUTEX_CLOCK_REALTIME"},
    {395, "FUTEX_WAIT_REQUEUE_PI_PRIVATE|FUTEX_CLOCK_REALTIME"},
};
constexpr XlatEntry kFutexBitset[] = {{0xffffffff, "FUTEX_BITSET_MATCH_ANY"}};
constexpr XlatEntry kFutexWakeOps[] = {{0, "FUTEX_OP_SET"},
                                       {1, "FUTEX_OP_ADD"},
                                       {2, "FUTEX_OP_OR"},
                                       {3, "FUTEX_OP_ANDN"},
                                       {4, "FUTEX_OP_XOR"}};
constexpr XlatEntry kFutexWakeCmps[] = {
    {0, "FUTEX_OP_CMP_EQ"}, {1, "FUTEX_OP_CMP_NE"}, {2, "FUTEX_OP_CMP_LT"},
    {3, "FUTEX_OP_CMP_LE"}, {4, "FUTEX_OP_CMP_GT"}, {5, "FUTEX_OP_CMP_GE"}};

// "NAME<<shift" or "0x5<<shift /* PFX??? */". -X verbose:
// "0x1 /* NAME */<<shift"; -X raw, as strace 6.1, always the unknown form
// ("0x1<<28 /* FUTEX_OP_??? */").
void ShiftedXval(D& d, uint32_t v, const XlatEntry* tbl, size_t n,
                 const char* shift, const char* unknown) {
  const char* name = XlatName(v, tbl, n);
  if (CurrentXlatStyle() == XlatStyle::kRaw) name = nullptr;
  if (name != nullptr) {
    AppendConst(d.out, name, RawConst::Hex(v));
  } else {
    d.Hex(v);
  }
  d.Put(shift);
  if (name == nullptr) {
    d.Put(" /* ");
    d.Put(unknown);
    d.Put(" */");
  }
}

void FutexWakeOp(D& d, uint32_t val3) {
  if ((val3 >> 28) & 8) {
    AppendConst(d.out, "FUTEX_OP_OPARG_SHIFT", RawConst::Hex(8));
    d.Put("<<28|");
  }
  ShiftedXval(d, (val3 >> 28) & 7, kFutexWakeOps, std::size(kFutexWakeOps),
              "<<28", "FUTEX_OP_???");
  d.out->push_back('|');
  d.Hex((val3 >> 12) & 0xfff);
  d.Put("<<12|");
  ShiftedXval(d, (val3 >> 24) & 0xf, kFutexWakeCmps, std::size(kFutexWakeCmps),
              "<<24", "FUTEX_OP_CMP_???");
  d.out->push_back('|');
  d.Hex(val3 & 0xfff);
}

// futex (futex_time64 on i386 has 64-bit timespecs).
void FutexCommon(D& d, bool wide) {
  if (d.exiting) return;
  const uint32_t op = d.u32(1);
  const uint32_t val = d.u32(2), val2 = d.u32(3), val3 = d.u32(5);
  const uint64_t timeout = d.u(3), uaddr2 = d.u(4);
  d.Ptr(d.u(0));
  d.Sep();
  d.Xval(op, kFutexOps, "FUTEX_???");
  switch (op & 127) {
    case 0:  // FUTEX_WAIT
      d.Sep();
      d.Udec(val);
      d.Sep();
      Timespec(d, timeout, wide);
      break;
    case 6:   // FUTEX_LOCK_PI
    case 13:  // FUTEX_LOCK_PI2
      d.Sep();
      Timespec(d, timeout, wide);
      break;
    case 9:  // FUTEX_WAIT_BITSET
      d.Sep();
      d.Udec(val);
      d.Sep();
      Timespec(d, timeout, wide);
      d.Sep();
      d.Xval(val3, kFutexBitset, nullptr);
      break;
    case 10:  // FUTEX_WAKE_BITSET
      d.Sep();
      d.Udec(val);
      d.Sep();
      d.Xval(val3, kFutexBitset, nullptr);
      break;
    case 3:  // FUTEX_REQUEUE
      d.Sep();
      d.Udec(val);
      d.Sep();
      d.Udec(val2);
      d.Sep();
      d.Ptr(uaddr2);
      break;
    case 4:   // FUTEX_CMP_REQUEUE
    case 12:  // FUTEX_CMP_REQUEUE_PI
      d.Sep();
      d.Udec(val);
      d.Sep();
      d.Udec(val2);
      d.Sep();
      d.Ptr(uaddr2);
      d.Sep();
      d.Udec(val3);
      break;
    case 5:  // FUTEX_WAKE_OP
      d.Sep();
      d.Udec(val);
      d.Sep();
      d.Udec(val2);
      d.Sep();
      d.Ptr(uaddr2);
      d.Sep();
      FutexWakeOp(d, val3);
      break;
    case 11:  // FUTEX_WAIT_REQUEUE_PI
      d.Sep();
      d.Udec(val);
      d.Sep();
      Timespec(d, timeout, wide);
      d.Sep();
      d.Ptr(uaddr2);
      break;
    case 2:  // FUTEX_FD
    case 1:  // FUTEX_WAKE
      d.Sep();
      d.Udec(val);
      break;
    case 7:  // FUTEX_UNLOCK_PI
    case 8:  // FUTEX_TRYLOCK_PI
      break;
    default:
      d.Sep();
      d.Udec(val);
      d.Sep();
      d.Ptr(timeout);
      d.Sep();
      d.Ptr(uaddr2);
      d.Sep();
      d.Hex(val3);
      break;
  }
}

void Futex(D& d) { FutexCommon(d, !d.i386); }
void FutexTime64(D& d) { FutexCommon(d, true); }

// ---------------------------------------------------------------------------
// poll / ppoll
// ---------------------------------------------------------------------------
constexpr XlatEntry kPollFlags[] = {
    {0x1, "POLLIN"},       {0x2, "POLLPRI"},           {0x4, "POLLOUT"},
    {0x8, "POLLERR"},      {0x10, "POLLHUP"},          {0x20, "POLLNVAL"},
    {0x40, "POLLRDNORM"},  {0x80, "POLLRDBAND"},       {0x100, "POLLWRNORM"},
    {0x200, "POLLWRBAND"}, {0x400, "POLLMSG"},         {0x1000, "POLLREMOVE"},
    {0x2000, "POLLRDHUP"}, {0x8000, "POLL_BUSY_LOOP"},
};

struct PollFd {
  int32_t fd;
  uint16_t events;
  uint16_t revents;
};

void PollEntry(D& d) {
  d.Array<PollFd>(d.u(0), d.u32(1), [&](const PollFd& p) {
    d.Put("{fd=");
    d.FdValue(p.fd);
    if (p.fd >= 0) {
      d.Put(", events=");
      d.Flags(p.events, kPollFlags, "POLL???");
    }
    d.out->push_back('}');
  });
  d.Sep();
  d.Udec(d.u32(1));
  d.Sep();
}

// Sets the " ([{fd=3, revents=POLLIN}], left {...})" after the result.
void PollExit(D& d, uint64_t left_ts, bool wide) {
  if (d.failed() || d.suffix == nullptr) return;
  std::string* s = d.suffix;
  if (d.ret == 0) {
    s->append(" (Timeout)");
    return;
  }
  if (!d.verbose) return;  // strace lists no revents then
  const uint64_t addr = d.u(0);
  const uint32_t n = d.u32(1);
  const size_t base = s->size();
  s->append(" (");
  const size_t start = s->size();
  if (addr != 0 && n != 0 && addr + uint64_t{n} * sizeof(PollFd) > addr) {
    size_t printed = 0;
    for (uint32_t i = 0; i < n; ++i) {
      const uint64_t cur = addr + uint64_t{i} * sizeof(PollFd);
      PollFd p;
      if (d.dec->mem()->Read(d.c.tid, cur, &p, sizeof(p)) != sizeof(p)) {
        s->append(s->size() == start ? "[" : ", ");
        AppendHex(s, cur);
        break;
      }
      if (p.revents == 0) continue;
      s->append(s->size() == start ? "[" : ", ");
      if (d.abbrev && printed + 1 > d.opt().string_limit) {
        s->append("...");
        break;
      }
      s->append("{fd=");
      AppendSigned(s, p.fd);
      s->append(", revents=");
      AppendFlags(s, p.revents, kPollFlags, "POLL???");
      s->push_back('}');
      ++printed;
    }
    if (s->size() != start) s->push_back(']');
  }
  if (left_ts != 0) {
    s->append(s->size() == start ? "left " : ", left ");
    std::string* saved = d.out;
    d.out = s;
    Timespec(d, left_ts, wide);
    d.out = saved;
  }
  if (s->size() == start) {
    s->resize(base);
  } else {
    s->push_back(')');
  }
}

void Poll(D& d) {
  if (d.entering()) {
    PollEntry(d);
    d.Dec(d.i32(2));
    return;
  }
  PollExit(d, 0, false);
}

void PpollCommon(D& d, bool wide) {
  if (d.entering()) {
    PollEntry(d);
    Timespec(d, d.u(2), wide);
    d.Sep();
    SigsetAddr(d, d.u(3), d.u(4));
    d.Sep();
    d.Udec(d.u(4));
    return;
  }
  PollExit(d, d.u(2), wide);
}

void Ppoll(D& d) { PpollCommon(d, !d.i386); }
void PpollTime64(D& d) { PpollCommon(d, true); }

// ---------------------------------------------------------------------------
// select / pselect6
// ---------------------------------------------------------------------------
// Bytes of the fd sets strace reads: nfds bits rounded up to words.
size_t FdSetBytes(D& d, int nfds) {
  const size_t w = d.ptr_size();
  return ((static_cast<size_t>(nfds) + 7) / 8 + w - 1) & ~(w - 1);
}

int SelectNfds(D& d) {
  int nfds = d.i32(0);
  if (nfds < 0) nfds = 0;
  if (nfds > 1024 * 1024) nfds = 1024 * 1024;
  return nfds;
}

// Calls fn(fd) for each set bit below nfds of the set at addr, reading it
// in chunks; false if the first chunk is unreadable.
template <typename F>
bool ForEachFd(D& d, uint64_t addr, int nfds, F&& fn) {
  const size_t size = FdSetBytes(d, nfds);
  uint8_t chunk[128];
  for (size_t off = 0; off < size; off += sizeof(chunk)) {
    const size_t n = size - off < sizeof(chunk) ? size - off : sizeof(chunk);
    if (d.dec->mem()->Read(d.c.tid, addr + off, chunk, n) !=
        static_cast<ssize_t>(n)) {
      return false;
    }
    for (size_t i = 0; i < n; ++i) {
      if (chunk[i] == 0) continue;
      for (int b = 0; b < 8; ++b) {
        const int fd = static_cast<int>((off + i) * 8 + b);
        if (fd >= nfds) return true;
        if (chunk[i] >> b & 1) {
          if (!fn(fd)) return true;
        }
      }
    }
  }
  return true;
}

void Timeval(D& d, uint64_t addr) {
  int64_t v[2];
  if (d.i386) {
    int32_t v32[2];
    if (!d.Fetch(addr, v32, sizeof(v32))) return;
    v[0] = v32[0];
    v[1] = v32[1];
  } else if (!d.Fetch(addr, v, sizeof(v))) {
    return;
  }
  d.Put("{tv_sec=");
  d.Dec(v[0]);
  d.Put(", tv_usec=");
  d.Dec(v[1]);
  d.out->push_back('}');
}

void SelectCommon(D& d, bool timespec, bool wide) {
  const int nfds = SelectNfds(d);
  if (d.entering()) {
    d.Dec(d.i32(0));
    for (int i = 1; i <= 3; ++i) {
      d.Sep();
      const uint64_t addr = d.u(i);
      if (nfds == 0) {
        d.Ptr(addr);
        continue;
      }
      if (addr == 0) {
        d.Put("NULL");
        continue;
      }
      // Not verbose: bare addresses here, yet strace still lists the
      // ready descriptors after the result.
      if (!d.verbose) {
        d.Hex(addr);
        continue;
      }
      const size_t mark = d.out->size();
      d.out->push_back('[');
      bool first = true;
      if (!ForEachFd(d, addr, nfds, [&](int fd) {
            if (!first) d.out->push_back(' ');
            first = false;
            d.FdValue(fd);
            return true;
          })) {
        d.out->resize(mark);
        d.Hex(addr);
        continue;
      }
      d.out->push_back(']');
    }
    d.Sep();
    if (timespec) {
      Timespec(d, d.u(4), wide);
    } else {
      Timeval(d, d.u(4));
    }
    return;
  }
  if (d.failed() || d.suffix == nullptr) return;
  std::string* s = d.suffix;
  if (d.ret == 0) {
    s->append(" (Timeout)");
    return;
  }
  s->append(" (");
  const size_t start = s->size();
  int64_t ready = d.ret;
  const char* sep = "";
  static constexpr const char* kNames[] = {"in", "out", "except"};
  for (int i = 0; i < 3 && ready > 0; ++i) {
    const uint64_t addr = d.u(i + 1);
    if (addr != 0 && nfds > 0) {
      bool first = true;
      ForEachFd(d, addr, nfds, [&](int fd) {
        if (first) {
          s->append(sep);
          s->append(kNames[i]);
          s->append(" [");
          first = false;
          sep = ", ";
        } else {
          s->push_back(' ');
        }
        AppendUnsigned(s, static_cast<uint32_t>(fd));
        return --ready != 0;
      });
    }
    // strace closes the bracket after each set once anything is shown.
    if (s->size() != start) s->push_back(']');
  }
  if (d.u(4) != 0) {
    s->append(sep);
    s->append("left ");
    std::string* saved = d.out;
    d.out = s;
    if (timespec) {
      Timespec(d, d.u(4), wide);
    } else {
      Timeval(d, d.u(4));
    }
    d.out = saved;
  }
  s->push_back(')');
}

void Select(D& d) { SelectCommon(d, false, false); }

void Pselect6Common(D& d, bool wide) {
  SelectCommon(d, true, wide);
  if (d.exiting) return;
  d.Sep();
  // struct { const sigset_t *ss; size_t ss_len; }
  const uint64_t addr = d.u(5);
  uint64_t data[2];
  if (d.i386) {
    uint32_t d32[2];
    if (!d.Fetch(addr, d32, sizeof(d32))) return;
    data[0] = d32[0];
    data[1] = d32[1];
  } else if (!d.Fetch(addr, data, sizeof(data))) {
    return;
  }
  d.Put("{sigmask=");
  SigsetAddr(d, data[0], data[1]);
  d.Put(", sigsetsize=");
  d.Udec(data[1]);
  d.out->push_back('}');
}

void Pselect6(D& d) { Pselect6Common(d, !d.i386); }
void Pselect6Time64(D& d) { Pselect6Common(d, true); }

// ---------------------------------------------------------------------------
// epoll
// ---------------------------------------------------------------------------
constexpr XlatEntry kEpollEvents[] = {
    {0x1, "EPOLLIN"},
    {0x2, "EPOLLPRI"},
    {0x4, "EPOLLOUT"},
    {0x8, "EPOLLERR"},
    {0x10, "EPOLLHUP"},
    {0x20, "EPOLLNVAL"},
    {0x40, "EPOLLRDNORM"},
    {0x80, "EPOLLRDBAND"},
    {0x100, "EPOLLWRNORM"},
    {0x200, "EPOLLWRBAND"},
    {0x400, "EPOLLMSG"},
    {0x2000, "EPOLLRDHUP"},
    {0x10000000, "EPOLLEXCLUSIVE"},
    {0x20000000, "EPOLLWAKEUP"},
    {0x40000000, "EPOLLONESHOT"},
    {0x80000000, "EPOLLET"},
};
constexpr XlatEntry kEpollCtls[] = {
    {1, "EPOLL_CTL_ADD"}, {2, "EPOLL_CTL_DEL"}, {3, "EPOLL_CTL_MOD"}};
constexpr XlatEntry kEpollFlags[] = {{02000000, "EPOLL_CLOEXEC"}};

// struct epoll_event is packed on x86 (12 bytes).
struct EpollEvent {
  uint32_t events;
  uint32_t data_lo;
  uint32_t data_hi;
};

void PrintEpollEvent(D& d, const EpollEvent& ev) {
  d.Put("{events=");
  d.Flags(ev.events, kEpollEvents, "EPOLL???");
  d.Put(", data={u32=");
  d.Udec(ev.data_lo);
  d.Put(", u64=");
  d.Udec(uint64_t{ev.data_hi} << 32 | ev.data_lo);
  d.Put("}}");
}

void EpollCreate(D& d) {
  if (d.exiting) return d.RetFd();
  d.Dec(d.i32(0));
}

void EpollCreate1(D& d) {
  if (d.exiting) return d.RetFd();
  d.Flags(d.u(0), kEpollFlags, "EPOLL_???");
}

void EpollCtl(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  const uint32_t op = d.u32(1);
  d.Xval(op, kEpollCtls, "EPOLL_CTL_???");
  d.Sep();
  d.Fd(2);
  d.Sep();
  if (op == 2) {  // EPOLL_CTL_DEL
    d.Ptr(d.u(3));
    return;
  }
  EpollEvent ev;
  if (d.Fetch(d.u(3), &ev, sizeof(ev))) PrintEpollEvent(d, ev);
}

void EpollWaitCommon(D& d) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    return;
  }
  d.Array<EpollEvent>(d.u(1), static_cast<uint64_t>(d.ret),
                      [&](const EpollEvent& ev) { PrintEpollEvent(d, ev); });
  d.Sep();
  d.Dec(d.i32(2));
  d.Sep();
}

void EpollWait(D& d) {
  EpollWaitCommon(d);
  if (d.exiting) d.Dec(d.i32(3));
}

void EpollPwait(D& d) {
  EpollWaitCommon(d);
  if (d.entering()) return;
  d.Dec(d.i32(3));
  d.Sep();
  SigsetAddr(d, d.u(4), d.u(5));
  d.Sep();
  d.Udec(d.u(5));
}

void EpollPwait2(D& d) {
  EpollWaitCommon(d);
  if (d.entering()) return;
  Timespec(d, d.u(3), true);
  d.Sep();
  SigsetAddr(d, d.u(4), d.u(5));
  d.Sep();
  d.Udec(d.u(5));
}

// ---------------------------------------------------------------------------
// eventfd, timerfd, signalfd
// ---------------------------------------------------------------------------
constexpr XlatEntry kEfdFlags[] = {
    {1, "EFD_SEMAPHORE"}, {02000000, "EFD_CLOEXEC"}, {04000, "EFD_NONBLOCK"}};
// strace names all four in timerfd_create's and timerfd_settime's flags,
// whichever the call takes.
constexpr XlatEntry kTfdFlags[] = {{1, "TFD_TIMER_ABSTIME"},
                                   {2, "TFD_TIMER_CANCEL_ON_SET"},
                                   {02000000, "TFD_CLOEXEC"},
                                   {04000, "TFD_NONBLOCK"}};
constexpr XlatEntry kSfdFlags[] = {{02000000, "SFD_CLOEXEC"},
                                   {04000, "SFD_NONBLOCK"}};

void Eventfd(D& d) {
  if (d.exiting) return d.RetFd();
  d.Udec(d.u32(0));
}

void Eventfd2(D& d) {
  if (d.exiting) return d.RetFd();
  d.Udec(d.u32(0));
  d.Sep();
  d.Flags(d.u32(1), kEfdFlags, "EFD_???");
}

void TimerfdCreate(D& d) {
  if (d.exiting) return d.RetFd();
  d.Xval(d.u32(0), kClocks, "CLOCK_???");
  d.Sep();
  d.Flags(d.u32(1), kTfdFlags, "TFD_???");
}

// struct itimerspec: {it_interval={...}, it_value={...}}.
void Itimerspec(D& d, uint64_t addr, bool wide, bool output) {
  int64_t v[4];
  if (wide) {
    if (!(output ? d.FetchOut(addr, v, sizeof(v))
                 : d.Fetch(addr, v, sizeof(v)))) {
      return;
    }
  } else {
    int32_t v32[4];
    if (!(output ? d.FetchOut(addr, v32, sizeof(v32))
                 : d.Fetch(addr, v32, sizeof(v32)))) {
      return;
    }
    for (int i = 0; i < 4; ++i) v[i] = v32[i];
  }
  d.Put("{it_interval={tv_sec=");
  d.Dec(v[0]);
  d.Put(", tv_nsec=");
  d.Dec(v[1]);
  d.Put("}, it_value={tv_sec=");
  d.Dec(v[2]);
  d.Put(", tv_nsec=");
  d.Dec(v[3]);
  d.Put("}}");
}

void TimerfdSettimeCommon(D& d, bool wide) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    d.Flags(d.u32(1), kTfdFlags, "TFD_???");
    d.Sep();
    Itimerspec(d, d.u(2), wide, false);
    d.Sep();
    return;
  }
  Itimerspec(d, d.u(3), wide, true);
}

void TimerfdGettimeCommon(D& d, bool wide) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    return;
  }
  Itimerspec(d, d.u(1), wide, true);
}

void TimerfdSettime(D& d) { TimerfdSettimeCommon(d, !d.i386); }
void TimerfdSettime64(D& d) { TimerfdSettimeCommon(d, true); }
void TimerfdGettime(D& d) { TimerfdGettimeCommon(d, !d.i386); }
void TimerfdGettime64(D& d) { TimerfdGettimeCommon(d, true); }

void Signalfd(D& d) {
  if (d.exiting) return d.RetFd();
  d.Fd(0);
  d.Sep();
  SigsetAddr(d, d.u(1), d.u(2));
  d.Sep();
  d.Udec(d.u(2));
}

void Signalfd4(D& d) {
  if (d.exiting) return d.RetFd();
  Signalfd(d);
  d.Sep();
  d.Flags(d.u32(3), kSfdFlags, "SFD_???");
}

// ---------------------------------------------------------------------------
// POSIX timers
// ---------------------------------------------------------------------------
constexpr XlatEntry kSigevNotify[] = {{0, "SIGEV_SIGNAL"},
                                      {1, "SIGEV_NONE"},
                                      {2, "SIGEV_THREAD"},
                                      {4, "SIGEV_THREAD_ID"}};
constexpr XlatEntry kTimerFlags[] = {{1, "TIMER_ABSTIME"}};

// struct sigevent: sigev_value only when non-zero; the signal named only
// for the notifications that send one. i386's has 4-byte sigev_value and
// pointers (the union at 12).
void Sigevent(D& d, uint64_t addr) {
  uint8_t ev[64];
  if (!d.Fetch(addr, ev, sizeof(ev))) return;
  uint64_t value = 0, function = 0, attributes = 0;
  int32_t signo, notify, tid;
  // sigev_value, sigev_signo, sigev_notify, then the union: pointer-sized
  // fields (32-bit on i386).
  const size_t w = d.ptr_size();
  memcpy(&value, ev, w);
  memcpy(&signo, ev + w, 4);
  memcpy(&notify, ev + w + 4, 4);
  memcpy(&tid, ev + w + 8, 4);
  memcpy(&function, ev + w + 8, w);
  memcpy(&attributes, ev + 2 * w + 8, w);
  d.out->push_back('{');
  if (value != 0) {
    d.Put("sigev_value={sival_int=");
    d.Dec(static_cast<int32_t>(value));
    d.Put(", sival_ptr=");
    d.Hex(value);
    d.Put("}, ");
  }
  d.Put("sigev_signo=");
  if (notify == 0 || notify == 2 || notify == 4) {
    AppendSignal(d.out, signo);
  } else {
    d.Udec(static_cast<uint32_t>(signo));
  }
  d.Put(", sigev_notify=");
  d.Xval(static_cast<uint32_t>(notify), kSigevNotify, "SIGEV_???");
  if (notify == 4) {
    d.Put(", sigev_notify_thread_id=");
    d.Dec(tid);
  } else if (notify == 2) {
    d.Put(", sigev_notify_function=");
    d.Ptr(function);
    d.Put(", sigev_notify_attributes=");
    d.Ptr(attributes);
  }
  d.out->push_back('}');
}

// A timer id (an int) written by the kernel: "[0]".
void TimerIdOut(D& d, uint64_t addr) {
  int32_t id;
  if (!d.FetchOut(addr, &id, sizeof(id))) return;
  d.out->push_back('[');
  d.Dec(id);
  d.out->push_back(']');
}

void TimerCreate(D& d) {
  if (d.exiting) return TimerIdOut(d, d.u(2));
  d.Xval(d.u32(0), kClocks, "CLOCK_???");
  d.Sep();
  Sigevent(d, d.u(1));
  d.Sep();
}

void TimerSettimeCommon(D& d, bool wide) {
  if (d.entering()) {
    d.Dec(d.i32(0));
    d.Sep();
    d.Flags(d.u32(1), kTimerFlags, "TIMER_???");
    d.Sep();
    Itimerspec(d, d.u(2), wide, false);
    d.Sep();
    return;
  }
  Itimerspec(d, d.u(3), wide, true);
}

void TimerGettimeCommon(D& d, bool wide) {
  if (d.entering()) {
    d.Dec(d.i32(0));
    d.Sep();
    return;
  }
  Itimerspec(d, d.u(1), wide, true);
}

void TimerSettime(D& d) { TimerSettimeCommon(d, !d.i386); }
void TimerSettime64(D& d) { TimerSettimeCommon(d, true); }
void TimerGettime(D& d) { TimerGettimeCommon(d, !d.i386); }
void TimerGettime64(D& d) { TimerGettimeCommon(d, true); }

void TimerId(D& d) {  // timer_getoverrun, timer_delete
  if (d.entering()) d.Dec(d.i32(0));
}

constexpr Registration kDecoders[] = {
    {"futex", Futex, 0},
    {"futex_time64", FutexTime64, 0},
    {"poll", Poll, 0},
    {"ppoll", Ppoll, 0},
    {"ppoll_time64", PpollTime64, 0},
    {"select", Select, kX86_64Only},  // i386's select is old_select
    {"_newselect", Select, 0},
    {"pselect6", Pselect6, 0},
    {"pselect6_time64", Pselect6Time64, 0},
    {"epoll_create", EpollCreate, 0},
    {"epoll_create1", EpollCreate1, 0},
    {"epoll_ctl", EpollCtl, 0},
    {"epoll_wait", EpollWait, 0},
    {"epoll_pwait", EpollPwait, 0},
    {"epoll_pwait2", EpollPwait2, 0},
    {"eventfd", Eventfd, 0},
    {"eventfd2", Eventfd2, 0},
    {"timerfd_create", TimerfdCreate, 0},
    {"timerfd_settime", TimerfdSettime, 0},
    {"timerfd_settime64", TimerfdSettime64, 0},
    {"timerfd_gettime", TimerfdGettime, 0},
    {"timerfd_gettime64", TimerfdGettime64, 0},
    {"timer_create", TimerCreate, 0},
    {"timer_settime", TimerSettime, 0},
    {"timer_settime64", TimerSettime64, 0},
    {"timer_gettime", TimerGettime, 0},
    {"timer_gettime64", TimerGettime64, 0},
    {"timer_getoverrun", TimerId, 0},
    {"timer_delete", TimerId, 0},
    {"signalfd", Signalfd, 0},
    {"signalfd4", Signalfd4, 0},
};

}  // namespace

std::span<const Registration> EventDecoders() { return kDecoders; }
void SigeventAt(D& d, uint64_t addr) { Sigevent(d, addr); }
void SelectDecoder(D& d) { Select(d); }

}  // namespace decode
}  // namespace ttrace
