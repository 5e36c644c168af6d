#include "tracer/syscalls/capture.h"

#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "output/binary_format.h"
#include "tracer/syscalls/syscall_table.h"

namespace ttrace {
namespace {

// The serialized form (docs/binary-format.md, "Captures"), one entry per
// range:
//   varint tag: bits 0-1 the kind (kBytes, kZero, kCString); bit 2: the
//          range starts at argument tag >> 3's value, else tag >> 3 is 0
//          and a varint follows: the zigzag of the start's difference
//          from the previous range's end (0 for the first)
//   kBytes: varint len, len bytes; kZero: varint len; kCString: the bytes
//          up to and including the first NUL
// (Starting at an argument, with no length before a string, the captures
// of one call site differ from call to call about where the text does,
// which the binary stream's delta coding exploits.)
constexpr uint64_t kBytes = 0;
constexpr uint64_t kZero = 1;
constexpr uint64_t kCString = 2;
constexpr uint64_t kAtArg = 4;
constexpr int kArgShift = 3;
constexpr uint64_t kMaxZeroRange = 4096;
// The binary stream's integer coding (captures are part of it).
using binfmt::UnZigZag;
using binfmt::ZigZag;

void PutVarint(std::string* out, uint64_t v) {
  char buf[binfmt::kMaxVarintLength];
  out->append(buf, binfmt::PutVarint(buf, v) - buf);
}

bool GetVarint(const char** p, const char* end, uint64_t* v) {
  return binfmt::GetVarint(p, end, v) == binfmt::VarintResult::kOk;
}

// What a specification sees: the call, and the reads of its decoder,
// mirrored (Decoding's Path, Str, Buf, Fetch in decoding.h).
struct Capturing {
  MemoryReader* mem;
  const DecodeOptions& opt;
  const SyscallCall& c;
  bool exiting;
  int64_t ret;
  std::string* out;
  int nargs;         // ranges may start at args[0, nargs) (all events keep)
  uint64_t end = 0;  // the previous range's end
  std::string scratch;

  bool entering() const { return !exiting; }
  bool failed() const { return exiting && ret < 0 && ret >= -4095; }
  uint64_t u(int i) const { return c.args[i]; }

  void Range(uint64_t addr, const char* data, size_t len, bool zero) {
    int arg = 0;
    while (arg < nargs && c.args[arg] != addr) ++arg;
    // Ends at its only NUL: a C string, no length needed.
    const uint64_t kind = zero ? kZero
                          : len > 0 && data[len - 1] == '\0' &&
                                  std::memchr(data, 0, len) == data + len - 1
                              ? kCString
                              : kBytes;
    if (arg < nargs) {
      PutVarint(out, kind | kAtArg | (uint64_t(arg) << kArgShift));
    } else {
      PutVarint(out, kind);
      PutVarint(out, ZigZag(static_cast<int64_t>(addr - end)));
    }
    if (kind != kCString) PutVarint(out, len);
    if (!zero) out->append(data, len);
    end = addr + len;
  }
  // Read(addr, len) as the decoder makes it: what was readable.
  void Bytes(uint64_t addr, size_t len) {
    if (addr == 0 || len == 0) return;
    scratch.resize(len);
    const ssize_t n = mem->Read(c.tid, addr, scratch.data(), len);
    if (n > 0) Range(addr, scratch.data(), static_cast<size_t>(n), false);
  }
  // ReadString(addr, max): the string and its NUL, or the `max` bytes
  // read without one, or what was readable (no NUL: the byte after it was
  // not readable, and must not be in the capture).
  void String(uint64_t addr, size_t max) {
    if (addr == 0) return;
    bool truncated = false, terminated = false;
    if (!mem->ReadString(c.tid, addr, max, &scratch, &truncated, &terminated)) {
      return;
    }
    if (terminated) scratch.push_back('\0');
    Range(addr, scratch.data(), scratch.size(), false);
  }
  void Path(int i) { String(u(i), 4096 + 1); }  // CStr reads limit + 1
  void Str(int i) { String(u(i), opt.string_limit + 1); }
  // Decoding::Buf(addr, len): len bytes, at most -s + 1 of them.
  void Buf(uint64_t addr, int64_t len) {
    if (len < 0) len = 0;
    const size_t limit = opt.string_limit;
    Bytes(addr, static_cast<size_t>(len) <= limit ? static_cast<size_t>(len)
                                                  : limit + 1);
  }
  // A struct read whole (Fetch) of which the text shows only the fields
  // `shown` (offset, size) unless -v: readable, and zero elsewhere.
  template <size_t N>
  void Struct(uint64_t addr, size_t size,
              const std::array<std::pair<size_t, size_t>, N>& shown) {
    if (addr == 0) return;
    if (opt.verbose) return Bytes(addr, size);
    scratch.resize(size);
    const ssize_t n = mem->Read(c.tid, addr, scratch.data(), size);
    if (n != static_cast<ssize_t>(size)) {
      // Fetch prints the address: nothing to keep.
      return;
    }
    Range(addr, nullptr, size, true);
    for (const auto& [offset, len] : shown) {
      Range(addr + offset, scratch.data() + offset, len, false);
    }
  }

  void Stat(uint64_t addr) {
    Struct<3>(addr, sizeof(struct stat),
              {{{offsetof(struct stat, st_mode), sizeof(mode_t)},
                {offsetof(struct stat, st_rdev), sizeof(dev_t)},
                {offsetof(struct stat, st_size), sizeof(off_t)}}});
  }
  void Statx(uint64_t addr) {
    Struct<4>(addr, sizeof(struct statx),
              {{{offsetof(struct statx, stx_mask), 4},
                {offsetof(struct statx, stx_attributes), 8},
                {offsetof(struct statx, stx_mode), 2},
                {offsetof(struct statx, stx_size), 8}}});
  }
};

using Spec = void (*)(Capturing& k);

// Calls whose decoders read no memory under CaptureAllowed's options.
void Registers(Capturing&) {}

void ReadSpec(Capturing& k) {  // read, pread64
  if (k.exiting && !k.failed()) k.Buf(k.u(1), k.ret);
}
void WriteSpec(Capturing& k) {  // write, pwrite64
  if (k.entering()) k.Buf(k.u(1), static_cast<int64_t>(k.u(2)));
}
// Calls whose decoders read only the paths at arguments I...: Paths<0>
// (open, access, unlink, ...), Paths<1> (openat, unlinkat, ...),
// Paths<0, 1> (rename, link, symlink), Paths<1, 3> (renameat, linkat),
// Paths<0, 2> (symlinkat).
template <int... I>
void Paths(Capturing& k) {
  if (k.entering()) (k.Path(I), ...);
}
// The path at argument P, then a struct stat at argument S: stat, lstat
// (0, 1), newfstatat (1, 2).
template <int P, int S>
void StatSpec(Capturing& k) {
  if (k.entering()) return k.Path(P);
  if (!k.failed()) k.Stat(k.u(S));
}
void FstatSpec(Capturing& k) {
  if (k.exiting && !k.failed()) k.Stat(k.u(1));
}
void StatxSpec(Capturing& k) {
  if (k.entering()) return k.Path(1);
  if (!k.failed()) k.Statx(k.u(4));
}
void GetxattrSpec(Capturing& k) {  // getxattr, lgetxattr
  if (k.entering()) {
    k.Path(0);
    k.Str(1);
    return;
  }
  if (!k.failed()) k.Buf(k.u(2), k.ret);
}
void FutexSpec(Capturing& k) {
  if (k.exiting) return;
  switch (k.u(1) & 127) {
    case 0:                 // FUTEX_WAIT
    case 6:                 // FUTEX_LOCK_PI
    case 9:                 // FUTEX_WAIT_BITSET
    case 11:                // FUTEX_WAIT_REQUEUE_PI
    case 13:                // FUTEX_LOCK_PI2
      k.Bytes(k.u(3), 16);  // struct timespec
      break;
    default:
      break;
  }
}

void RtSigprocmaskSpec(Capturing& k) {  // the sets: SigsetAddr
  const uint64_t size = k.u(3);
  if (size == 0 || size > 8) return;
  k.Bytes(k.entering() ? k.u(1) : k.u(2), size);
}
void ArchPrctlSpec(Capturing& k) {  // ARCH_GET_FS, ARCH_GET_GS: a word
  const uint32_t op = static_cast<uint32_t>(k.u(0));
  if (k.exiting && !k.failed() && (op == 0x1003 || op == 0x1004)) {
    k.Bytes(k.u(1), 8);
  }
}
void GetrandomSpec(Capturing& k) {
  if (k.exiting && !k.failed()) k.Buf(k.u(0), k.ret);
}
void Prlimit64Spec(Capturing& k) {  // struct rlimit64 in and out
  k.Bytes(k.entering() ? k.u(2) : k.u(3), 16);
}
void Wait4Spec(Capturing& k) {  // the status, the first fields of rusage
  if (k.entering() || k.failed()) return;
  if (k.ret != 0) k.Bytes(k.u(1), 4);
  k.Bytes(k.u(3), k.opt.verbose ? sizeof(struct rusage) : 4 * 8);
}
void FcntlSpec(Capturing& k) {
  switch (static_cast<uint32_t>(k.u(1))) {
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
    case 12:  // F_GETLK64 ... F_SETLKW64
    case 13:
    case 14:
    case F_OFD_GETLK:
    case F_OFD_SETLK:
    case F_OFD_SETLKW:
      k.Bytes(k.u(2), sizeof(struct flock));
      break;
    case F_SETOWN_EX:
    case F_GETOWN_EX:
      k.Bytes(k.u(2), sizeof(struct f_owner_ex));
      break;
    default:
      break;
  }
}

void EpollWaitSpec(Capturing& k) {  // the events (Decoding::Array)
  if (k.entering() || k.failed() || k.ret <= 0) return;
  const uint64_t n = static_cast<uint64_t>(k.ret);
  const uint64_t shown =
      k.opt.verbose || n < k.opt.string_limit ? n : k.opt.string_limit;
  // Array reads one element past those shown; a million bytes at most.
  const uint64_t count = std::min<uint64_t>(
      std::min(n, shown + 1), (1 << 20) / sizeof(struct epoll_event));
  k.Bytes(k.u(1), count * sizeof(struct epoll_event));
}

// The path at argument P, then the link's target in the buffer at P + 1:
// readlink (0), readlinkat (1).
template <int P>
void ReadlinkSpec(Capturing& k) {
  if (k.entering()) return k.Path(P);
  if (!k.failed()) k.Buf(k.u(P + 1), k.ret);
}
void GetcwdSpec(Capturing& k) {
  if (k.exiting && !k.failed()) k.Path(0);
}
void PipeSpec(Capturing& k) {  // pipe, pipe2: int[2]
  if (k.exiting && !k.failed()) k.Bytes(k.u(0), 8);
}
constexpr size_t kTimespec = 16;
// Interrupted sleeps (EINTR, a restart code) show the time left.
bool Interrupted(int64_t ret) {
  return ret == -EINTR || ArgDecoder::IsRestart(ret);
}
void NanosleepSpec(Capturing& k) {
  if (k.entering()) return k.Bytes(k.u(0), kTimespec);
  if (Interrupted(k.ret)) k.Bytes(k.u(1), kTimespec);
}
void ClockNanosleepSpec(Capturing& k) {
  if (k.entering()) return k.Bytes(k.u(2), kTimespec);
  if (!(k.u(1) & 1) && Interrupted(k.ret)) k.Bytes(k.u(3), kTimespec);
}
void ClockGettimeSpec(Capturing& k) {  // clock_gettime, clock_getres
  if (k.exiting && !k.failed()) k.Bytes(k.u(1), kTimespec);
}
void RtSigactionSpec(Capturing& k) {  // struct kernel_sigaction, 32 bytes
  if (k.entering()) return k.Bytes(k.u(1), 32);
  if (!k.failed()) k.Bytes(k.u(2), 32);
}

// statfs(path, buf) (kPath), fstatfs(fd, buf).
template <bool kPath>
void StatfsSpec(Capturing& k) {
  if (k.entering()) {
    if (kPath) k.Path(0);
    return;
  }
  if (!k.failed()) k.Bytes(k.u(1), sizeof(struct statfs));
}
void UnameSpec(Capturing& k) {  // sysname and nodename, unless -v
  if (k.exiting && !k.failed()) {
    k.Struct<1>(k.u(0), sizeof(struct utsname),
                {{{0, 2 * sizeof(utsname::sysname)}}});
  }
}
void SysinfoSpec(Capturing& k) {
  if (k.exiting && !k.failed()) k.Bytes(k.u(0), sizeof(struct sysinfo));
}
void EpollCtlSpec(Capturing& k) {  // the event, but for EPOLL_CTL_DEL
  if (k.entering() && k.u(1) != 2) {
    k.Bytes(k.u(3), sizeof(struct epoll_event));
  }
}

struct SpecEntry {
  int64_t nr;
  Spec spec;
};
constexpr SpecEntry kSpecs[] = {
    {SYS_read, ReadSpec},
    {SYS_pread64, ReadSpec},
    {SYS_write, WriteSpec},
    {SYS_pwrite64, WriteSpec},
    {SYS_open, Paths<0>},
    {SYS_access, Paths<0>},
    {SYS_openat, Paths<1>},
    {SYS_faccessat, Paths<1>},
    {SYS_faccessat2, Paths<1>},
    {SYS_stat, StatSpec<0, 1>},
    {SYS_lstat, StatSpec<0, 1>},
    {SYS_fstat, FstatSpec},
    {SYS_newfstatat, StatSpec<1, 2>},
    {SYS_statx, StatxSpec},
    {SYS_getxattr, GetxattrSpec},
    {SYS_lgetxattr, GetxattrSpec},
    {SYS_futex, FutexSpec},
    {SYS_rt_sigprocmask, RtSigprocmaskSpec},
    {SYS_arch_prctl, ArchPrctlSpec},
    {SYS_getrandom, GetrandomSpec},
    {SYS_prlimit64, Prlimit64Spec},
    {SYS_wait4, Wait4Spec},
    {SYS_fcntl, FcntlSpec},
    {SYS_epoll_wait, EpollWaitSpec},
    {SYS_unlink, Paths<0>},
    {SYS_rmdir, Paths<0>},
    {SYS_chdir, Paths<0>},
    {SYS_mkdir, Paths<0>},
    {SYS_chmod, Paths<0>},
    {SYS_chown, Paths<0>},
    {SYS_lchown, Paths<0>},
    {SYS_unlinkat, Paths<1>},
    {SYS_mkdirat, Paths<1>},
    {SYS_fchmodat, Paths<1>},
    {SYS_fchownat, Paths<1>},
    {SYS_rename, Paths<0, 1>},
    {SYS_link, Paths<0, 1>},
    {SYS_symlink, Paths<0, 1>},
    {SYS_renameat, Paths<1, 3>},
    {SYS_renameat2, Paths<1, 3>},
    {SYS_linkat, Paths<1, 3>},
    {SYS_symlinkat, Paths<0, 2>},
    {SYS_readlink, ReadlinkSpec<0>},
    {SYS_readlinkat, ReadlinkSpec<1>},
    {SYS_getcwd, GetcwdSpec},
    {SYS_pipe, PipeSpec},
    {SYS_pipe2, PipeSpec},
    {SYS_nanosleep, NanosleepSpec},
    {SYS_clock_nanosleep, ClockNanosleepSpec},
    {SYS_clock_gettime, ClockGettimeSpec},
    {SYS_clock_getres, ClockGettimeSpec},
    {SYS_rt_sigaction, RtSigactionSpec},
    {SYS_umask, Registers},
    {SYS_statfs, StatfsSpec<true>},
    {SYS_fstatfs, StatfsSpec<false>},
    {SYS_uname, UnameSpec},
    {SYS_sysinfo, SysinfoSpec},
    {SYS_epoll_ctl, EpollCtlSpec},
    {SYS_inotify_add_watch, Paths<1>},
    {SYS_ftruncate, Registers},
    {SYS_fchmod, Registers},
    {SYS_fchown, Registers},
    {SYS_flock, Registers},
    {SYS_dup3, Registers},
    {SYS_socket, Registers},
    {SYS_listen, Registers},
    {SYS_shutdown, Registers},
    {SYS_eventfd2, Registers},
    {SYS_epoll_create1, Registers},
    {SYS_kill, Registers},
    {SYS_tkill, Registers},
    {SYS_tgkill, Registers},
    {SYS_getpgrp, Registers},
    {SYS_getpgid, Registers},
    {SYS_setpgid, Registers},
    {SYS_getsid, Registers},
    {SYS_setsid, Registers},
    {SYS_madvise, Registers},
    {SYS_mremap, Registers},
    {SYS_alarm, Registers},
    {SYS_fadvise64, Registers},
    {SYS_sync, Registers},
    {SYS_syncfs, Registers},
    {SYS_close_range, Registers},
    {SYS_set_robust_list, Registers},
    {SYS_rseq, Registers},
    {SYS_set_tid_address, Registers},
    {SYS_close, Registers},
    {SYS_lseek, Registers},
    {SYS_mmap, Registers},
    {SYS_mprotect, Registers},
    {SYS_munmap, Registers},
    {SYS_brk, Registers},
    {SYS_dup, Registers},
    {SYS_dup2, Registers},
    {SYS_getpid, Registers},
    {SYS_gettid, Registers},
    {SYS_getppid, Registers},
    {SYS_getuid, Registers},
    {SYS_geteuid, Registers},
    {SYS_getgid, Registers},
    {SYS_getegid, Registers},
    {SYS_sched_yield, Registers},
    {SYS_fsync, Registers},
    {SYS_fdatasync, Registers},
    {SYS_exit, Registers},
    {SYS_exit_group, Registers},
};

const std::array<Spec, SyscallTable::kMaxNr>& Specs() {
  static const auto* specs = [] {
    auto* t = new std::array<Spec, SyscallTable::kMaxNr>{};
    for (const SpecEntry& e : kSpecs) (*t)[e.nr] = e.spec;
    return t;
  }();
  return *specs;
}

Spec SpecFor(uint32_t arch, int64_t nr) {
  if (arch != kArchX86_64 || nr < 0 || nr >= SyscallTable::kMaxNr) {
    return nullptr;
  }
  return Specs()[nr];
}

void Capture(MemoryReader* mem, const DecodeOptions& options,
             const SyscallCall& c, bool exiting, int64_t ret,
             std::string* out) {
  out->clear();
  Spec spec = SpecFor(c.arch, c.nr);
  if (spec == nullptr) return;
  const int nargs = std::clamp(
      SyscallTable::Get().ArgCount(c.arch, static_cast<int32_t>(c.nr)), 0, 6);
  Capturing k{mem, options, c, exiting, ret, out, nargs};
  spec(k);
}

}  // namespace

bool CaptureAllowed(const DecodeOptions& o) {
  return !o.any_fd_info() && !o.decode_pids && !o.pidns_translation &&
         !o.kvm_vcpu && o.trace_paths.empty() && o.raw.none() &&
         o.abbrev_set.all() && o.verbose_set.all() && o.dump_read.none() &&
         o.dump_write.none();
}

bool HasCapture(uint32_t arch, int64_t nr) {
  return SpecFor(arch, nr) != nullptr;
}

std::vector<int64_t> CapturedNumbers() {
  std::vector<int64_t> v;
  for (const SpecEntry& e : kSpecs) v.push_back(e.nr);
  return v;
}

void CaptureEntry(MemoryReader* mem, const DecodeOptions& options,
                  const SyscallCall& c, std::string* out) {
  Capture(mem, options, c, false, 0, out);
}

void CaptureExit(MemoryReader* mem, const DecodeOptions& options,
                 const SyscallCall& c, int64_t ret, std::string* out) {
  Capture(mem, options, c, true, ret, out);
}

void ReplayMemory::Reset(std::string_view capture,
                         const std::array<uint64_t, 6>& args) {
  ranges_.clear();
  const char* p = capture.data();
  const char* end = p + capture.size();
  uint64_t prev_end = 0;
  while (p < end) {
    uint64_t tag, addr, len;
    if (!GetVarint(&p, end, &tag)) return;
    const uint64_t kind = tag & 3;
    if (kind == 3) return;
    if (tag & kAtArg) {
      if ((tag >> kArgShift) >= 6) return;
      addr = args[tag >> kArgShift];
    } else {
      uint64_t delta;
      if (tag >> kArgShift != 0 || !GetVarint(&p, end, &delta)) return;
      addr = prev_end + static_cast<uint64_t>(UnZigZag(delta));
    }
    if (kind == kCString) {
      const void* nul = std::memchr(p, 0, static_cast<size_t>(end - p));
      if (nul == nullptr) return;
      len = static_cast<uint64_t>(static_cast<const char*>(nul) - p) + 1;
    } else if (!GetVarint(&p, end, &len)) {
      return;
    }
    const bool zero = kind == kZero;
    // Zero ranges stand for structs (a few hundred bytes): a longer one
    // comes from a corrupt file, and would let decoders print megabytes.
    if (zero && len > kMaxZeroRange) return;
    // A range may not wrap around the address space.
    if (len > UINT64_MAX - addr) return;
    if (!zero && len > static_cast<uint64_t>(end - p)) return;
    ranges_.push_back(Range{addr, len, zero ? nullptr : p});
    if (!zero) p += len;
    prev_end = addr + len;
  }
}

uint64_t ReplayMemory::Extent(uint64_t addr) const {
  uint64_t avail = 0;
  for (const Range& r : ranges_) {
    if (addr >= r.addr && addr - r.addr < r.len) {
      avail = std::max(avail, r.len - (addr - r.addr));
    }
  }
  return avail;
}

ssize_t ReplayMemory::Read(pid_t, uint64_t addr, void* buf, size_t len) {
  if (len == 0) return 0;
  const uint64_t avail = Extent(addr);
  if (avail == 0) return -1;
  const uint64_t n = std::min<uint64_t>(len, avail);
  // Zero (ranges of that kind), but for the bytes the others hold.
  char* out = static_cast<char*>(buf);
  std::memset(out, 0, n);
  for (const Range& d : ranges_) {
    if (d.data == nullptr) continue;
    const uint64_t from = std::max(d.addr, addr);
    const uint64_t to = std::min(d.addr + d.len, addr + n);
    if (from < to) {
      std::memcpy(out + (from - addr), d.data + (from - d.addr), to - from);
    }
  }
  return static_cast<ssize_t>(n);
}

bool ReplayMemory::ReadString(pid_t tid, uint64_t addr, size_t max,
                              std::string* out, bool* truncated,
                              bool* terminated) {
  out->clear();
  *truncated = false;
  if (terminated != nullptr) *terminated = false;
  const uint64_t avail = Extent(addr);
  if (avail == 0) return false;
  const size_t n = static_cast<size_t>(std::min<uint64_t>(max, avail));
  out->resize(n);
  if (n > 0) Read(tid, addr, out->data(), n);
  const size_t len = strnlen(out->data(), n);
  out->resize(len);
  *truncated = len == n && n == max;
  if (terminated != nullptr) *terminated = len < n;
  return true;
}

CaptureRenderer::CaptureRenderer(const DecodeOptions& options)
    : decoder_(&memory_, options) {
  decoder_.set_replaying();
}

void CaptureRenderer::Render(pid_t tid, SyscallEvent* e) {
  if (!e->captured) return;
  SyscallCall c;
  c.tid = tid;
  c.arch = e->arch;
  c.nr = e->nr;
  c.args = e->raw_args;
  RenderEntry(c, e->args_enter, &text_);
  e->args_enter.swap(text_);
  if (e->returned) {
    memory_.Reset(e->args_exit, c.args);
    text_.clear();
    decoder_.DecodeExit(c, e->ret, &text_, &e->ret_format, &e->ret_suffix);
    e->args_exit.swap(text_);
  } else {
    e->args_exit.clear();
  }
  e->captured = false;
}

void CaptureRenderer::RenderEntry(const SyscallCall& c,
                                  std::string_view capture, std::string* out) {
  memory_.Reset(capture, c.args);
  out->clear();
  decoder_.DecodeEntry(c, out);
}

void RenderingSink::OnEvent(const Event& event) {
  const auto* s = std::get_if<SyscallEvent>(&event.payload);
  if (s == nullptr || !s->captured || renderer_ == nullptr) {
    next_->OnEvent(event);
    return;
  }
  scratch_.seq = event.seq;
  scratch_.ts_ns = event.ts_ns;
  scratch_.pid = event.pid;
  scratch_.tid = event.tid;
  if (auto* mine = std::get_if<SyscallEvent>(&scratch_.payload)) {
    *mine = *s;  // keeps the strings' capacity
  } else {
    scratch_.payload = *s;
  }
  renderer_->Render(event.tid, &std::get<SyscallEvent>(scratch_.payload));
  next_->OnEvent(scratch_);
}

}  // namespace ttrace
