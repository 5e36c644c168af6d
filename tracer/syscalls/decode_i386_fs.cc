// i386 (32-bit tracee) decoders, as strace 6.1 prints them: file calls: the
// stat64 family and the old struct stat, statfs and statfs64, _llseek and
// truncate64, struct flock and flock64, the old directory read (readdir),
// 16-bit ids, the old mmap. Registered kI386Only where x86_64 has a call of
// the same name. Calls whose only i386 difference is a 64-bit offset in two
// registers (pread64, preadv, fallocate, ...) share x86_64's decoders,
// which read it with Decoding::s64.
//
// The layouts are those of <asm/stat.h>, <asm/statfs.h> and
// <asm-generic/fcntl.h> under -m32; they are read as bytes at fixed offsets
// (64-bit fields are only 4-byte aligned there).
#include <cstring>

#include "tracer/syscalls/decoding.h"

namespace ttrace {
namespace decode {
namespace {

// The fcntl commands whose argument is a struct flock or flock64.
constexpr XlatEntry kLockCmds[] = {
    {5, "F_GETLK"},      {6, "F_SETLK"},      {7, "F_SETLKW"},
    {12, "F_GETLK64"},   {13, "F_SETLK64"},   {14, "F_SETLKW64"},
    {36, "F_OFD_GETLK"}, {37, "F_OFD_SETLK"}, {38, "F_OFD_SETLKW"},
};

// Little-endian fields of a structure read as bytes.
uint16_t U16(const unsigned char* p) {
  uint16_t v;
  memcpy(&v, p, sizeof(v));
  return v;
}
uint32_t U32(const unsigned char* p) {
  uint32_t v;
  memcpy(&v, p, sizeof(v));
  return v;
}
uint64_t U64(const unsigned char* p) {
  uint64_t v;
  memcpy(&v, p, sizeof(v));
  return v;
}

// ---------------------------------------------------------------------------
// The stat family: struct stat64 (96 bytes), struct stat (64 bytes, 16-bit
// mode, nlink and ids) and struct __old_kernel_stat (32 bytes, no
// nanoseconds, no block counts).
// ---------------------------------------------------------------------------
enum class StatKind { kStat64, kStat, kOld };

void PrintStatAt(D& d, uint64_t addr, StatKind kind) {
  if (d.failed()) {
    d.Ptr(addr);
    return;
  }
  unsigned char b[96];
  const size_t size = kind == StatKind::kStat64 ? 96
                      : kind == StatKind::kStat ? 64
                                                : 32;
  if (!d.Fetch(addr, b, size)) return;
  StatFields f;
  switch (kind) {
    case StatKind::kStat64:
      f.dev = U64(b);
      f.mode = U32(b + 16);
      f.nlink = U32(b + 20);
      f.uid = U32(b + 24);
      f.gid = U32(b + 28);
      f.rdev = U64(b + 32);
      f.size = static_cast<int64_t>(U64(b + 44));
      f.blksize = U32(b + 52);
      f.blocks = static_cast<int64_t>(U64(b + 56));
      f.atime = U32(b + 64);
      f.atime_nsec = U32(b + 68);
      f.mtime = U32(b + 72);
      f.mtime_nsec = U32(b + 76);
      f.ctime = U32(b + 80);
      f.ctime_nsec = U32(b + 84);
      f.ino = U64(b + 88);
      break;
    case StatKind::kStat:
      f.dev = U32(b);
      f.ino = U32(b + 4);
      f.mode = U16(b + 8);
      f.nlink = U16(b + 10);
      f.uid = U16(b + 12);
      f.gid = U16(b + 14);
      f.rdev = U32(b + 16);
      f.size = U32(b + 20);
      f.blksize = U32(b + 24);
      f.blocks = U32(b + 28);
      f.atime = U32(b + 32);
      f.atime_nsec = U32(b + 36);
      f.mtime = U32(b + 40);
      f.mtime_nsec = U32(b + 44);
      f.ctime = U32(b + 48);
      f.ctime_nsec = U32(b + 52);
      break;
    case StatKind::kOld:
      f.dev = U16(b);
      f.ino = U16(b + 2);
      f.mode = U16(b + 4);
      f.nlink = U16(b + 6);
      f.uid = U16(b + 8);
      f.gid = U16(b + 10);
      f.rdev = U16(b + 12);
      f.size = U32(b + 16);
      f.atime = U32(b + 20);
      f.mtime = U32(b + 24);
      f.ctime = U32(b + 28);
      f.has_nsec = false;
      break;
  }
  PrintStatFields(d, f);
}

// stat64/lstat64(path, buf), stat/lstat, oldstat/oldlstat.
template <StatKind kKind>
void StatPath(D& d) {
  if (d.entering()) {
    d.Path(0);
    d.Sep();
    return;
  }
  PrintStatAt(d, d.u(1), kKind);
}

// fstat64(fd, buf), fstat, oldfstat.
template <StatKind kKind>
void StatFd(D& d) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    return;
  }
  PrintStatAt(d, d.u(1), kKind);
}

// fstatat64(dirfd, path, buf, flags).
void Fstatat64(D& d) {
  if (d.entering()) {
    d.DirFd(0);
    d.Sep();
    d.Path(1);
    d.Sep();
    return;
  }
  PrintStatAt(d, d.u(2), StatKind::kStat64);
  d.Sep();
  d.Flags(d.u32(3), kAtFlags, "AT_???");
}

// ---------------------------------------------------------------------------
// statfs/fstatfs(x, buf): struct statfs of 32-bit words (64 bytes);
// statfs64/fstatfs64(x, size, buf): struct statfs64 (84 bytes, packed).
// ---------------------------------------------------------------------------
void PrintStatfsAt(D& d, uint64_t addr, bool wide) {
  unsigned char b[84];
  if (!d.FetchOut(addr, b, wide ? 84 : 64)) return;
  StatfsFields f;
  f.type = U32(b);
  f.bsize = U32(b + 4);
  if (wide) {
    f.blocks = U64(b + 8);
    f.bfree = U64(b + 16);
    f.bavail = U64(b + 24);
    f.files = U64(b + 32);
    f.ffree = U64(b + 40);
  } else {
    f.blocks = U32(b + 8);
    f.bfree = U32(b + 12);
    f.bavail = U32(b + 16);
    f.files = U32(b + 20);
    f.ffree = U32(b + 24);
  }
  const unsigned char* rest = b + (wide ? 48 : 28);
  f.fsid[0] = U32(rest);
  f.fsid[1] = U32(rest + 4);
  f.namelen = U32(rest + 8);
  f.frsize = U32(rest + 12);
  f.flags = U32(rest + 16);
  PrintStatfsFields(d, f);
}

template <bool kFd>
void Statfs(D& d) {
  if (d.entering()) {
    kFd ? d.Fd(0) : d.Path(0);
    d.Sep();
    return;
  }
  PrintStatfsAt(d, d.u(1), false);
}

template <bool kFd>
void Statfs64(D& d) {
  if (d.entering()) {
    kFd ? d.Fd(0) : d.Path(0);
    d.Sep();
    d.Udec(d.u32(1));
    d.Sep();
    return;
  }
  // Another size is not a struct statfs64 (the kernel refuses it).
  if (d.u32(1) != 84) {
    d.Ptr(d.u(2));
    return;
  }
  PrintStatfsAt(d, d.u(2), true);
}

// ---------------------------------------------------------------------------
// Offsets and lengths.
// ---------------------------------------------------------------------------
// _llseek(fd, offset high, offset low, loff_t *result, whence):
// "_llseek(3, 0, [0], SEEK_SET)".
void Llseek(D& d) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    d.Dec(
        static_cast<int64_t>(uint64_t{d.u32(2)} | (uint64_t{d.u32(1)} << 32)));
    d.Sep();
    return;
  }
  int64_t v;
  if (d.FetchOut(d.u(3), &v, sizeof(v))) {
    d.out->push_back('[');
    d.Dec(v);
    d.out->push_back(']');
  }
  d.Sep();
  d.Xval(d.u32(4), kSeekWhence, "SEEK_???");
}

// truncate64(path, len low, len high), ftruncate64(fd, ...): unsigned, as
// strace prints them; truncate/ftruncate: a 32-bit length, unsigned too.
template <bool kFd, bool k64>
void Truncate(D& d) {
  if (d.exiting) return;
  kFd ? d.Fd(0) : d.Path(0);
  d.Sep();
  d.Udec(k64 ? static_cast<uint64_t>(d.s64(1)) : d.u32(1));
}

// ---------------------------------------------------------------------------
// fcntl and fcntl64: the lock commands read i386's struct flock (32-bit
// offsets, 16 bytes) or struct flock64 (24 bytes, 4-byte aligned); every
// other command is decoded as on x86_64.
// ---------------------------------------------------------------------------
void PrintFlock(D& d, uint64_t addr, bool wide, bool out) {
  unsigned char b[24];
  const size_t size = wide ? 24 : 16;
  if (!(out ? d.FetchOut(addr, b, size) : d.Fetch(addr, b, size))) return;
  d.Put("{l_type=");
  d.Xval(U16(b), kLockTypes, "F_???");
  d.Put(", l_whence=");
  d.Xval(U16(b + 2), kSeekWhence, "SEEK_???");
  d.Put(", l_start=");
  d.Dec(wide ? static_cast<int64_t>(U64(b + 4))
             : static_cast<int32_t>(U32(b + 4)));
  d.Put(", l_len=");
  d.Dec(wide ? static_cast<int64_t>(U64(b + 12))
             : static_cast<int32_t>(U32(b + 8)));
  if (out) {
    d.Put(", l_pid=");
    d.PidValue(static_cast<int32_t>(U32(b + (wide ? 20 : 12))));
  }
  d.out->push_back('}');
}

// kF64: fcntl64, whose F_*LK64 commands take a struct flock64 (fcntl's
// print as addresses). The F_OFD_* commands always take a struct flock64.
template <bool kF64>
void Fcntl(D& d) {
  const uint32_t cmd = d.u32(1);
  const char* name = XlatName(cmd, kLockCmds, std::size(kLockCmds));
  if (name == nullptr) return FcntlCommon(d);
  const bool get = cmd == 5 || cmd == 12 || cmd == 36;
  const bool lk64 = cmd >= 12 && cmd <= 14;
  const bool wide = cmd >= 12;
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    d.Xval(cmd, kLockCmds, nullptr);
    if (lk64 && !kF64) {
      d.Sep();
      d.Ptr(d.u(2));
    } else if (!get) {
      d.Sep();
      PrintFlock(d, d.u(2), wide, false);
    }
    return;
  }
  if (get && (kF64 || !lk64)) {  // its ", " at exit too, as strace splits
    d.Sep();
    PrintFlock(d, d.u(2), wide, true);
  }
}

// ---------------------------------------------------------------------------
// readdir(fd, struct old_linux_dirent *, count): one entry,
// "{d_ino=1, d_off=0, d_reclen=1, d_name="."}" (d_reclen is the name's
// length); the count only when it is not 1.
// ---------------------------------------------------------------------------
void Readdir(D& d) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    return;
  }
  const uint64_t addr = d.u(1);
  unsigned char b[10];
  if (d.failed() || d.ret == 0) {
    d.Ptr(addr);
  } else if (d.Fetch(addr, b, sizeof(b))) {
    const uint16_t namlen = U16(b + 8);
    d.Put("{d_ino=");
    d.Udec(U32(b));
    d.Put(", d_off=");
    d.Udec(U32(b + 4));
    d.Put(", d_reclen=");
    d.Udec(namlen);
    d.Put(", d_name=");
    d.CStr(addr + 10, namlen);
    d.out->push_back('}');
  }
  if (d.u32(2) != 1) {
    d.Sep();
    d.Udec(d.u32(2));
  }
}

// ---------------------------------------------------------------------------
// chown, lchown, fchown with 16-bit ids: 0xffff is -1 ("unchanged"), the
// high bits are not the kernel's.
// ---------------------------------------------------------------------------
template <bool kFd>
void Chown16(D& d) {
  if (d.exiting) return;
  kFd ? d.Fd(0) : d.Path(0);
  d.Sep();
  PrintId(d, static_cast<uint16_t>(d.u32(1)));
  d.Sep();
  PrintId(d, static_cast<uint16_t>(d.u32(2)));
}

// ---------------------------------------------------------------------------
// The rest.
// ---------------------------------------------------------------------------
// The old mmap(struct mmap_arg_struct *): its six 32-bit words printed as
// mmap's arguments (read even when the call is not verbose: they are its
// arguments), or the address alone.
void OldMmap(D& d) {
  if (d.exiting) {
    *d.fmt = SyscallEvent::RetFormat::kHex;
    return;
  }
  uint32_t a[6];
  if (d.u(0) == 0) {
    d.Put("NULL");
    return;
  }
  if (d.dec->mem()->Read(d.c.tid, d.u(0), a, sizeof(a)) !=
      static_cast<ssize_t>(sizeof(a))) {
    d.Hex(d.u(0));
    return;
  }
  d.Ptr(a[0]);
  d.Sep();
  d.Udec(a[1]);
  d.Sep();
  ProtFlags(d, a[2]);
  d.Sep();
  MmapFlagsOf(d, a[3]);
  d.Sep();
  d.FdValue(static_cast<int32_t>(a[4]));
  d.Sep();
  d.Hex(a[5]);
}

// ustat(dev, struct ustat *): strace prints the structure's address only.
void Ustat(D& d) {
  if (d.exiting) {  // the buffer at exit, as strace splits the line
    d.Ptr(d.u(1));
    return;
  }
  DeviceNumber(d, d.u32(0));
  d.Sep();
}

void Umount(D& d) {
  if (d.exiting) return;
  d.Path(0);
}

void UtimensatTime64(D& d) { UtimensatCommon(d, true); }

constexpr Registration kDecoders[] = {
    {"stat64", StatPath<StatKind::kStat64>, kI386Only},
    {"lstat64", StatPath<StatKind::kStat64>, kI386Only},
    {"fstat64", StatFd<StatKind::kStat64>, kI386Only},
    {"fstatat64", Fstatat64, kI386Only},
    {"stat", StatPath<StatKind::kStat>, kI386Only},
    {"lstat", StatPath<StatKind::kStat>, kI386Only},
    {"fstat", StatFd<StatKind::kStat>, kI386Only},
    {"oldstat", StatPath<StatKind::kOld>, kI386Only},
    {"oldlstat", StatPath<StatKind::kOld>, kI386Only},
    {"oldfstat", StatFd<StatKind::kOld>, kI386Only},
    {"statfs", Statfs<false>, kI386Only},
    {"fstatfs", Statfs<true>, kI386Only},
    {"statfs64", Statfs64<false>, kI386Only},
    {"fstatfs64", Statfs64<true>, kI386Only},
    {"_llseek", Llseek, kI386Only},
    {"truncate", Truncate<false, false>, kI386Only},
    {"ftruncate", Truncate<true, false>, kI386Only},
    {"truncate64", Truncate<false, true>, kI386Only},
    {"ftruncate64", Truncate<true, true>, kI386Only},
    {"fcntl", Fcntl<false>, kI386Only},
    {"fcntl64", Fcntl<true>, kI386Only},
    {"readdir", Readdir, kI386Only},
    {"chown", Chown16<false>, kI386Only},
    {"lchown", Chown16<false>, kI386Only},
    {"fchown", Chown16<true>, kI386Only},
    {"mmap", OldMmap, kI386Only},
    {"ustat", Ustat, 0},
    {"umount", Umount, kI386Only},
    {"utimensat_time64", UtimensatTime64, kI386Only},
};

}  // namespace

std::span<const Registration> I386FsDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
