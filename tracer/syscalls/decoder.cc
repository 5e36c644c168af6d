// ArgDecoder and the decoders of the file, memory, process-lifecycle,
// signal, ioctl and fcntl syscalls. The others live in decode_events.cc
// (futex, poll, select, epoll, eventfd/timerfd/signalfd), decode_net.cc
// (sockets), decode_fs.cc (statfs, getdents, readv/writev, xattrs, ...),
// decode_process.cc (arch_prctl, rlimits, prctl, uname, signal waits, ...),
// decode_ipc.cc (System V IPC: shm*, sem*, msg*), decode_numa.cc (NUMA
// memory policy: get/set_mempolicy, mbind, migrate_pages, move_pages),
// decode_netlink.cc (netlink messages in socket calls), decode_misc.cc
// (openat2, io_uring, fanotify, mq_*, Linux AIO, pkeys, ...) and
// decode_admin.cc (namespaces, the mount API, Landlock, keyctl, seccomp,
// bpf, syslog, modules, reboot, ...); decoding.h has the shared printing
// primitives.
#include "tracer/syscalls/decoder.h"

#include <fcntl.h>
#include <linux/stat.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>

#include <bitset>
#include <cstring>

#include "tracer/syscalls/decoding.h"
#include "tracer/syscalls/format.h"
#include "tracer/syscalls/signals.h"

namespace ttrace {
namespace decode {
namespace {

// ---------------------------------------------------------------------------
// Named constants (x86 values), in strace's table order.
// ---------------------------------------------------------------------------
constexpr XlatEntry kStatxSync[] = {{0x2000, "AT_STATX_FORCE_SYNC"},
                                    {0x4000, "AT_STATX_DONT_SYNC"}};
constexpr XlatEntry kFaccessatFlags[] = {{0x100, "AT_SYMLINK_NOFOLLOW"},
                                         {0x200, "AT_EACCESS"},
                                         {0x1000, "AT_EMPTY_PATH"}};
constexpr XlatEntry kExecveatFlags[] = {{0x100, "AT_SYMLINK_NOFOLLOW"},
                                        {0x1000, "AT_EMPTY_PATH"}};
constexpr XlatEntry kAccessModes[] = {{4, "R_OK"}, {2, "W_OK"}, {1, "X_OK"}};
constexpr XlatEntry kRenameFlags[] = {
    {1, "RENAME_NOREPLACE"}, {2, "RENAME_EXCHANGE"}, {4, "RENAME_WHITEOUT"}};
constexpr XlatEntry kStatxMasks[] = {
    {0xfff, "STATX_ALL"},     {0x7ff, "STATX_BASIC_STATS"},
    {0x1, "STATX_TYPE"},      {0x2, "STATX_MODE"},
    {0x4, "STATX_NLINK"},     {0x8, "STATX_UID"},
    {0x10, "STATX_GID"},      {0x20, "STATX_ATIME"},
    {0x40, "STATX_MTIME"},    {0x80, "STATX_CTIME"},
    {0x100, "STATX_INO"},     {0x200, "STATX_SIZE"},
    {0x400, "STATX_BLOCKS"},  {0x800, "STATX_BTIME"},
    {0x1000, "STATX_MNT_ID"}, {0x2000, "STATX_DIOALIGN"},
};
constexpr XlatEntry kStatxAttrs[] = {
    {0x4, "STATX_ATTR_COMPRESSED"},    {0x10, "STATX_ATTR_IMMUTABLE"},
    {0x20, "STATX_ATTR_APPEND"},       {0x40, "STATX_ATTR_NODUMP"},
    {0x800, "STATX_ATTR_ENCRYPTED"},   {0x1000, "STATX_ATTR_AUTOMOUNT"},
    {0x2000, "STATX_ATTR_MOUNT_ROOT"}, {0x100000, "STATX_ATTR_VERITY"},
    {0x200000, "STATX_ATTR_DAX"},
};
constexpr XlatEntry kFileTypes[] = {
    {S_IFREG, "S_IFREG"}, {S_IFSOCK, "S_IFSOCK"}, {S_IFIFO, "S_IFIFO"},
    {S_IFLNK, "S_IFLNK"}, {S_IFDIR, "S_IFDIR"},   {S_IFBLK, "S_IFBLK"},
    {S_IFCHR, "S_IFCHR"},
};
constexpr XlatEntry kProt[] = {
    {1, "PROT_READ"},
    {2, "PROT_WRITE"},
    {4, "PROT_EXEC"},
    {8, "PROT_SEM"},
    {0x01000000, "PROT_GROWSDOWN"},
    {0x02000000, "PROT_GROWSUP"},
};
constexpr XlatEntry kMapType[] = {{0, "MAP_FILE"},
                                  {1, "MAP_SHARED"},
                                  {2, "MAP_PRIVATE"},
                                  {3, "MAP_SHARED_VALIDATE"}};
constexpr XlatEntry kMapFlags[] = {
    {0x10, "MAP_FIXED"},
    {0x20, "MAP_ANONYMOUS"},
    {0x40, "MAP_32BIT"},
    {0x4000, "MAP_NORESERVE"},
    {0x8000, "MAP_POPULATE"},
    {0x10000, "MAP_NONBLOCK"},
    {0x100, "MAP_GROWSDOWN"},
    {0x800, "MAP_DENYWRITE"},
    {0x1000, "MAP_EXECUTABLE"},
    {0x2000, "MAP_LOCKED"},
    {0x20000, "MAP_STACK"},
    {0x40000, "MAP_HUGETLB"},
    {0x80000, "MAP_SYNC"},
    {0x4000000, "MAP_UNINITIALIZED"},
    {0x100000, "MAP_FIXED_NOREPLACE"},
};
constexpr XlatEntry kMremapFlags[] = {
    {1, "MREMAP_MAYMOVE"}, {2, "MREMAP_FIXED"}, {4, "MREMAP_DONTUNMAP"}};
constexpr XlatEntry kCloneFlags[] = {
    {0x100, "CLONE_VM"},
    {0x200, "CLONE_FS"},
    {0x400, "CLONE_FILES"},
    {0x800, "CLONE_SIGHAND"},
    {0x1000, "CLONE_PIDFD"},
    {0x2000, "CLONE_PTRACE"},
    {0x4000, "CLONE_VFORK"},
    {0x8000, "CLONE_PARENT"},
    {0x10000, "CLONE_THREAD"},
    {0x20000, "CLONE_NEWNS"},
    {0x40000, "CLONE_SYSVSEM"},
    {0x80000, "CLONE_SETTLS"},
    {0x100000, "CLONE_PARENT_SETTID"},
    {0x200000, "CLONE_CHILD_CLEARTID"},
    {0x800000, "CLONE_UNTRACED"},
    {0x1000000, "CLONE_CHILD_SETTID"},
    {0x2000000, "CLONE_NEWCGROUP"},
    {0x4000000, "CLONE_NEWUTS"},
    {0x8000000, "CLONE_NEWIPC"},
    {0x10000000, "CLONE_NEWUSER"},
    {0x20000000, "CLONE_NEWPID"},
    {0x40000000, "CLONE_NEWNET"},
    {0x80000000, "CLONE_IO"},
    {0x100000000ull, "CLONE_CLEAR_SIGHAND"},
    {0x200000000ull, "CLONE_INTO_CGROUP"},
};
constexpr XlatEntry kSaFlags[] = {
    {0x04000000, "SA_RESTORER"}, {0x08000000, "SA_ONSTACK"},
    {0x10000000, "SA_RESTART"},  {0x20000000, "SA_INTERRUPT"},
    {0x40000000, "SA_NODEFER"},  {0x80000000, "SA_RESETHAND"},
    {4, "SA_SIGINFO"},           {1, "SA_NOCLDSTOP"},
    {2, "SA_NOCLDWAIT"},
};
constexpr XlatEntry kSigprocmaskHow[] = {
    {0, "SIG_BLOCK"}, {1, "SIG_UNBLOCK"}, {2, "SIG_SETMASK"}};
constexpr XlatEntry kPtraceEvents[] = {
    {1, "PTRACE_EVENT_FORK"},       {2, "PTRACE_EVENT_VFORK"},
    {3, "PTRACE_EVENT_CLONE"},      {4, "PTRACE_EVENT_EXEC"},
    {5, "PTRACE_EVENT_VFORK_DONE"}, {6, "PTRACE_EVENT_EXIT"},
    {7, "PTRACE_EVENT_SECCOMP"},    {128, "PTRACE_EVENT_STOP"},
};
constexpr XlatEntry kFdFlags[] = {{1, "FD_CLOEXEC"}};
constexpr XlatEntry kWhence[] = {{0, "SEEK_SET"},
                                 {1, "SEEK_CUR"},
                                 {2, "SEEK_END"},
                                 {3, "SEEK_DATA"},
                                 {4, "SEEK_HOLE"}};
constexpr XlatEntry kTimerFlags[] = {{1, "TIMER_ABSTIME"}};

constexpr XlatEntry kFcntlCmds[] = {
    {0, "F_DUPFD"},
    {1, "F_GETFD"},
    {2, "F_SETFD"},
    {3, "F_GETFL"},
    {4, "F_SETFL"},
    {5, "F_GETLK"},
    {6, "F_SETLK"},
    {7, "F_SETLKW"},
    {8, "F_SETOWN"},
    {9, "F_GETOWN"},
    {10, "F_SETSIG"},
    {11, "F_GETSIG"},
    // i386's numbers, which strace names on x86_64 too (the argument in
    // hex: the kernel refuses them there).
    {12, "F_GETLK64"},
    {13, "F_SETLK64"},
    {14, "F_SETLKW64"},
    {15, "F_SETOWN_EX"},
    {16, "F_GETOWN_EX"},
    {17, "F_GETOWNER_UIDS"},
    {36, "F_OFD_GETLK"},
    {37, "F_OFD_SETLK"},
    {38, "F_OFD_SETLKW"},
    {1024, "F_SETLEASE"},
    {1025, "F_GETLEASE"},
    {1026, "F_NOTIFY"},
    {1029, "F_CANCELLK"},
    {1030, "F_DUPFD_CLOEXEC"},
    {1031, "F_SETPIPE_SZ"},
    {1032, "F_GETPIPE_SZ"},
    {1033, "F_ADD_SEALS"},
    {1034, "F_GET_SEALS"},
    // strace 6.1 has no names for F_GET_RW_HINT .. F_SET_FILE_RW_HINT
    // (1035 .. 1038): "0x40b /* F_??? */".
};
// F_NOTIFY's events (dnotify).
constexpr XlatEntry kDnotifyFlags[] = {
    {0x1, "DN_ACCESS"},           {0x2, "DN_MODIFY"},  {0x4, "DN_CREATE"},
    {0x8, "DN_DELETE"},           {0x10, "DN_RENAME"}, {0x20, "DN_ATTRIB"},
    {0x80000000, "DN_MULTISHOT"},
};
constexpr XlatEntry kOwnerTypes[] = {
    {0, "F_OWNER_TID"}, {1, "F_OWNER_PID"}, {2, "F_OWNER_PGRP"}};
constexpr XlatEntry kSeals[] = {{1, "F_SEAL_SEAL"},
                                {2, "F_SEAL_SHRINK"},
                                {4, "F_SEAL_GROW"},
                                {8, "F_SEAL_WRITE"},
                                {0x10, "F_SEAL_FUTURE_WRITE"}};

// termios (x86 values).
constexpr XlatEntry kIflags[] = {
    {01, "IGNBRK"},    {02, "BRKINT"},      {04, "IGNPAR"},    {010, "PARMRK"},
    {020, "INPCK"},    {040, "ISTRIP"},     {0100, "INLCR"},   {0200, "IGNCR"},
    {0400, "ICRNL"},   {01000, "IUCLC"},    {02000, "IXON"},   {04000, "IXANY"},
    {010000, "IXOFF"}, {020000, "IMAXBEL"}, {040000, "IUTF8"},
};
constexpr XlatEntry kOflags[] = {
    {01, "OPOST"},  {02, "OLCUC"},   {04, "ONLCR"},   {010, "OCRNL"},
    {020, "ONOCR"}, {040, "ONLRET"}, {0100, "OFILL"}, {0200, "OFDEL"},
};
constexpr XlatEntry kLflags[] = {
    {01, "ISIG"},         {02, "ICANON"},     {04, "XCASE"},
    {010, "ECHO"},        {020, "ECHOE"},     {040, "ECHOK"},
    {0100, "ECHONL"},     {0200, "NOFLSH"},   {0100000, "IEXTEN"},
    {01000, "ECHOCTL"},   {02000, "ECHOPRT"}, {04000, "ECHOKE"},
    {010000, "FLUSHO"},   {040000, "PENDIN"}, {0400, "TOSTOP"},
    {0200000, "EXTPROC"},
};
constexpr XlatEntry kCflags[] = {
    {0100, "CSTOPB"},         {0200, "CREAD"},           {0400, "PARENB"},
    {01000, "PARODD"},        {02000, "HUPCL"},          {04000, "CLOCAL"},
    {010000000000, "CMSPAR"}, {020000000000, "CRTSCTS"},
};
constexpr XlatEntry kBauds[] = {
    {0, "B0"},
    {1, "B50"},
    {2, "B75"},
    {3, "B110"},
    {4, "B134"},
    {5, "B150"},
    {6, "B200"},
    {7, "B300"},
    {8, "B600"},
    {9, "B1200"},
    {10, "B1800"},
    {11, "B2400"},
    {12, "B4800"},
    {13, "B9600"},
    {14, "B19200"},
    {15, "B38400"},
    {010000, "BOTHER"},
    {010001, "B57600"},
    {010002, "B115200"},
    {010003, "B230400"},
    {010004, "B460800"},
    {010005, "B500000"},
    {010006, "B576000"},
    {010007, "B921600"},
    {010010, "B1000000"},
    {010011, "B1152000"},
    {010012, "B1500000"},
    {010013, "B2000000"},
    {010014, "B2500000"},
    {010015, "B3000000"},
    {010016, "B3500000"},
    {010017, "B4000000"},
};
constexpr XlatEntry kLineDisc[] = {
    {0, "N_TTY"},   {1, "N_SLIP"}, {2, "N_MOUSE"}, {3, "N_PPP"},
    {4, "N_STRIP"}, {5, "N_AX25"}, {6, "N_X25"},   {7, "N_6PACK"},
};
constexpr const char* kCcNames[] = {
    "VINTR",    "VQUIT",    "VERASE",  "VKILL",  "VEOF",  "VTIME",
    "VMIN",     "VSWTC",    "VSTART",  "VSTOP",  "VSUSP", "VEOL",
    "VREPRINT", "VDISCARD", "VWERASE", "VLNEXT", "VEOL2"};

// open/openat tail: flags and, if it matters, the mode.
void FlagsAndMode(D& d, int flags_arg) {
  const uint64_t flags = d.u32(flags_arg);
  OpenFlags(d, flags);
  if ((flags & O_CREAT) || (flags & 020200000) == 020200000) {
    d.Sep();
    Mode(d, d.u32(flags_arg + 1));
  }
}

// strace's print_symbolic_mode_t: S_IFREG|S_ISUID|0755 (a known file type
// or none: SymbolicMode prints the others).
void SymbolicModeNames(D& d, uint32_t mode) {
  const char* type = XlatName(mode & S_IFMT, kFileTypes, std::size(kFileTypes));
  if (type != nullptr) {
    d.Put(type);
    d.out->push_back('|');
  }
  if (mode & S_ISUID) d.Put("S_ISUID|");
  if (mode & S_ISGID) d.Put("S_ISGID|");
  if (mode & S_ISVTX) d.Put("S_ISVTX|");
  AppendOctal(d.out, mode & 0777, 2);
}

void SymbolicMode(D& d, uint32_t mode) {
  // An unknown file type: the whole mode in octal, whatever -X says.
  if ((mode & S_IFMT) != 0 &&
      XlatName(mode & S_IFMT, kFileTypes, std::size(kFileTypes)) == nullptr) {
    AppendOctal(d.out, mode, 2);
    return;
  }
  // -X verbose names even a bare permission: "0644 /* 0644 */".
  const size_t mark = d.out->size();
  SymbolicModeNames(d, mode);
  RestyleConst(d.out, mark, RawConst::Oct(mode, 2));
}

// -X: "0x103", "0x103 /* makedev(0x1, 0x3) */".
void Makedev(D& d, uint64_t dev) {
  const size_t mark = d.out->size();
  d.Put("makedev(");
  d.Hex(major(dev));
  d.Sep();
  d.Hex(minor(dev));
  d.out->push_back(')');
  RestyleConst(d.out, mark, RawConst::Hex(dev));
}

// struct stat (x86_64 kernel layout == glibc's on x86_64).
void PrintStat(D& d, uint64_t addr) {
  struct stat st;
  if (!d.Fetch(addr, &st, sizeof(st))) return;
  StatFields f;
  f.dev = st.st_dev;
  f.ino = st.st_ino;
  f.rdev = st.st_rdev;
  f.mode = st.st_mode;
  f.nlink = st.st_nlink;
  f.uid = st.st_uid;
  f.gid = st.st_gid;
  f.blksize = st.st_blksize;
  f.blocks = st.st_blocks;
  f.size = st.st_size;
  f.atime = st.st_atim.tv_sec;
  f.mtime = st.st_mtim.tv_sec;
  f.ctime = st.st_ctim.tv_sec;
  f.atime_nsec = st.st_atim.tv_nsec;
  f.mtime_nsec = st.st_mtim.tv_nsec;
  f.ctime_nsec = st.st_ctim.tv_nsec;
  PrintStatFields(d, f);
}

// -v: every field, in strace 6.1's order.
void PrintStatxVerbose(D& d, const struct statx& stx) {
  d.Put(", stx_blksize=");
  d.Udec(stx.stx_blksize);
  d.Put(", stx_attributes=");
  AppendFlags(d.out, stx.stx_attributes, kStatxAttrs, "STATX_ATTR_???");
  d.Put(", stx_nlink=");
  d.Udec(stx.stx_nlink);
  d.Put(", stx_uid=");
  d.Udec(stx.stx_uid);
  d.Put(", stx_gid=");
  d.Udec(stx.stx_gid);
  d.Put(", stx_mode=");
  SymbolicMode(d, stx.stx_mode);
  d.Put(", stx_ino=");
  d.Udec(stx.stx_ino);
  d.Put(", stx_size=");
  d.Udec(stx.stx_size);
  d.Put(", stx_blocks=");
  d.Udec(stx.stx_blocks);
  d.Put(", stx_attributes_mask=");
  AppendFlags(d.out, stx.stx_attributes_mask, kStatxAttrs, "STATX_ATTR_???");
  const struct {
    const char* name;
    const struct statx_timestamp& ts;
  } times[] = {{"stx_atime", stx.stx_atime},
               {"stx_btime", stx.stx_btime},
               {"stx_ctime", stx.stx_ctime},
               {"stx_mtime", stx.stx_mtime}};
  for (const auto& t : times) {
    // The birth time only when the kernel filled it in (strace).
    if (&t.ts == &stx.stx_btime && !(stx.stx_mask & STATX_BTIME)) continue;
    d.Put(", ");
    d.Put(t.name);
    d.Put("={tv_sec=");
    d.Dec(t.ts.tv_sec);
    d.Put(", tv_nsec=");
    d.Udec(t.ts.tv_nsec);
    d.out->push_back('}');
    TimeComment(d, t.ts.tv_sec, t.ts.tv_nsec);
  }
  d.Put(", stx_rdev_major=");
  d.Udec(stx.stx_rdev_major);
  d.Put(", stx_rdev_minor=");
  d.Udec(stx.stx_rdev_minor);
  d.Put(", stx_dev_major=");
  d.Udec(stx.stx_dev_major);
  d.Put(", stx_dev_minor=");
  d.Udec(stx.stx_dev_minor);
  if (stx.stx_mask & STATX_MNT_ID) {
    d.Put(", stx_mnt_id=");
    d.Hex(stx.stx_mnt_id);
  }
  d.out->push_back('}');
}

void PrintStatx(D& d, uint64_t addr) {
  struct statx stx;
  if (!d.Fetch(addr, &stx, sizeof(stx))) return;
  d.Put("{stx_mask=");
  AppendFlags(d.out, stx.stx_mask, kStatxMasks, "STATX_???");
  if (!d.abbrev) {
    PrintStatxVerbose(d, stx);
    return;
  }
  d.Put(", stx_attributes=");
  AppendFlags(d.out, stx.stx_attributes, kStatxAttrs, "STATX_ATTR_???");
  d.Put(", stx_mode=");
  SymbolicMode(d, stx.stx_mode);
  d.Put(", stx_size=");
  d.Udec(stx.stx_size);
  d.Put(", ...}");
}

// argv-style array: ["a", "b"]; NULL; address when unreadable.
void StringArray(D& d, uint64_t addr) {
  if (addr == 0) {
    d.Put("NULL");
    return;
  }
  uint64_t p;
  if (!d.ReadPtr(addr, &p)) {
    d.Hex(addr);
    return;
  }
  d.out->push_back('[');
  const size_t limit = d.opt().string_limit;
  for (size_t n = 0;; ++n) {
    if (!d.ReadPtr(addr + n * d.ptr_size(), &p)) {
      if (n > 0) d.Put(", ");
      d.Put("...");
      break;
    }
    if (p == 0) break;
    if (n > 0) d.Put(", ");
    if (d.abbrev && n >= limit) {
      d.Put("...");
      break;
    }
    d.CStr(p, limit);
  }
  d.out->push_back(']');
}

// envp without -v: 0x7ffd... /* 37 vars */
void StringArrayCount(D& d, uint64_t addr) {
  if (addr == 0) {
    d.Put("NULL");
    return;
  }
  if (!d.abbrev) {
    StringArray(d, addr);
    return;
  }
  uint64_t count = 0;
  uint64_t p;
  if (!d.ReadPtr(addr, &p)) {
    d.Hex(addr);
    return;
  }
  while (d.ReadPtr(addr + count * d.ptr_size(), &p) && p != 0) ++count;
  d.Hex(addr);
  d.Put(" /* ");
  d.Udec(count);
  d.Put(count == 1 ? " var */" : " vars */");
}

// ---------------------------------------------------------------------------
// Decoders. Each handles entry (d.exiting == false) and exit.
// ---------------------------------------------------------------------------
void Read(D& d) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    return;
  }
  if (d.failed()) {
    d.Ptr(d.u(1));
  } else {
    d.Buf(d.u(1), d.ret);
  }
  d.Sep();
  d.Udec(d.u(2));
}

void Pread(D& d) {  // pread64(fd, buf, count, loff_t)
  Read(d);
  if (d.exiting) {
    d.Sep();
    d.Dec(d.s64(3));
  }
}

void Write(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Buf(d.u(1), static_cast<int64_t>(d.u(2)));
  d.Sep();
  d.Udec(d.u(2));
}

void Pwrite(D& d) {
  Write(d);
  if (d.entering()) {
    d.Sep();
    d.Dec(d.s64(3));
  }
}

void Open(D& d) {
  if (d.exiting) return d.RetFd();
  d.Path(0);
  d.Sep();
  FlagsAndMode(d, 1);
}

void Openat(D& d) {
  if (d.exiting) return d.RetFd();
  d.DirFd(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  FlagsAndMode(d, 2);
}

void Creat(D& d) {
  if (d.exiting) return d.RetFd();
  d.Path(0);
  d.Sep();
  Mode(d, d.u32(1));
}

// The struct stat of argument `i` at exit, or its address if the call
// failed (as strace prints it).
void StatResult(D& d, int i) {
  if (d.failed()) {
    d.Ptr(d.u(i));
  } else {
    PrintStat(d, d.u(i));
  }
}

// stat/lstat(path, buf), fstat(fd, buf).
void StatPath(D& d) {
  if (d.entering()) {
    d.Path(0);
    d.Sep();
    return;
  }
  StatResult(d, 1);
}

void Fstat(D& d) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    return;
  }
  StatResult(d, 1);
}

void Newfstatat(D& d) {
  if (d.entering()) {
    d.DirFd(0);
    d.Sep();
    d.Path(1);
    d.Sep();
    return;
  }
  StatResult(d, 2);
  d.Sep();
  AppendFlags(d.out, d.u32(3), kAtFlags, "AT_???");
}

void Statx(D& d) {
  if (d.entering()) {
    d.DirFd(0);
    d.Sep();
    d.Path(1);
    d.Sep();
    const uint32_t flags = d.u32(2);
    // The sync type as flags; 0 is AT_STATX_SYNC_AS_STAT, which strace's
    // -X raw prints as nothing at all ("statx(-100, \"/etc\", , 0, ...").
    if ((flags & 0x6000) != 0) {
      AppendFlags(d.out, flags & 0x6000, kStatxSync, "AT_STATX_???");
    } else if (CurrentXlatStyle() != XlatStyle::kRaw) {
      AppendConst(d.out, "AT_STATX_SYNC_AS_STAT", RawConst::Hex(0));
    }
    if (flags & ~0x6000u) {
      d.out->push_back('|');
      // After the sync name, unknown bits are plain: "...|0x3".
      AppendFlags(d.out, flags & ~0x6000u, kAtFlags, nullptr);
    }
    d.Sep();
    AppendFlags(d.out, d.u32(3), kStatxMasks, "STATX_???");
    d.Sep();
    return;
  }
  if (d.failed()) {
    d.Ptr(d.u(4));
  } else {
    PrintStatx(d, d.u(4));
  }
}

void AccessMode(D& d, uint32_t mode) {
  if (mode == 0) {
    AppendConst(d.out, "F_OK", RawConst::Hex(0));
  } else {
    AppendFlags(d.out, mode, kAccessModes, "?_OK");
  }
}

void Access(D& d) {
  if (d.exiting) return;
  d.Path(0);
  d.Sep();
  AccessMode(d, d.u32(1));
}

void Faccessat(D& d) {
  if (d.exiting) return;
  d.DirFd(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  AccessMode(d, d.u32(2));
}

void Faccessat2(D& d) {
  if (d.exiting) return;
  Faccessat(d);
  d.Sep();
  AppendFlags(d.out, d.u32(3), kFaccessatFlags, "AT_???");
}

// readlink(path, buf, size) / readlinkat(dirfd, path, buf, size).
void ReadlinkTail(D& d, int buf_arg) {
  if (d.failed()) {
    d.Ptr(d.u(buf_arg));
  } else {
    d.Buf(d.u(buf_arg), d.ret);
  }
  d.Sep();
  d.Udec(d.u(buf_arg + 1));
}

void Readlink(D& d) {
  if (d.entering()) {
    d.Path(0);
    d.Sep();
    return;
  }
  ReadlinkTail(d, 1);
}

void Readlinkat(D& d) {
  if (d.entering()) {
    d.DirFd(0);
    d.Sep();
    d.Path(1);
    d.Sep();
    return;
  }
  ReadlinkTail(d, 2);
}

void PathOnly(D& d) {
  if (d.exiting) return;
  d.Path(0);
}

void TwoPaths(D& d) {
  if (d.exiting) return;
  d.Path(0);
  d.Sep();
  d.Path(1);
}

void PathMode(D& d) {
  if (d.exiting) return;
  d.Path(0);
  d.Sep();
  Mode(d, d.u32(1));
}

void DirfdPathMode(D& d) {
  if (d.exiting) return;
  d.DirFd(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  Mode(d, d.u32(2));
}

void FdMode(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  Mode(d, d.u32(1));
}

void Unlinkat(D& d) {
  if (d.exiting) return;
  d.DirFd(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  // strace's whole AT_* table: AT_SYMLINK_NOFOLLOW by mistake is named.
  AppendFlags(d.out, d.u32(2), kAtFlags, "AT_???");
}

void Renameat(D& d) {
  if (d.exiting) return;
  d.DirFd(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  d.DirFd(2);
  d.Sep();
  d.Path(3);
}

void Renameat2(D& d) {
  if (d.exiting) return;
  Renameat(d);
  d.Sep();
  // "RENAME_??" (two marks): strace 6.1's spelling.
  AppendFlags(d.out, d.u32(4), kRenameFlags, "RENAME_??");
}

// linkat(olddirfd, oldpath, newdirfd, newpath, flags)
void Linkat(D& d) {
  if (d.exiting) return;
  Renameat(d);
  d.Sep();
  AppendFlags(d.out, d.u32(4), kAtFlags, "AT_???");
}

// symlinkat(target, newdirfd, linkpath)
void Symlinkat(D& d) {
  if (d.exiting) return;
  d.Path(0);
  d.Sep();
  d.DirFd(1);
  d.Sep();
  d.Path(2);
}

// The mode and, for a device, the device number of mknod/mknodat.
void ModeAndDevice(D& d, int mode_arg) {
  const uint32_t mode = d.u32(mode_arg);
  SymbolicMode(d, mode);
  if ((mode & S_IFMT) == S_IFCHR || (mode & S_IFMT) == S_IFBLK) {
    d.Sep();
    Makedev(d, d.u(mode_arg + 1));
  }
}

void Mknod(D& d) {  // mknod(path, mode, dev)
  if (d.exiting) return;
  d.Path(0);
  d.Sep();
  ModeAndDevice(d, 1);
}

void Mknodat(D& d) {  // mknodat(dirfd, path, mode, dev)
  if (d.exiting) return;
  d.DirFd(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  ModeAndDevice(d, 2);
}

void PathLength(D& d) {  // truncate
  if (d.exiting) return;
  d.Path(0);
  d.Sep();
  d.Dec(d.s(1));
}

void FdLength(D& d) {  // ftruncate
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Dec(d.s(1));
}

void Execve(D& d) {
  if (d.exiting) return;
  d.Path(0);
  d.Sep();
  StringArray(d, d.u(1));
  d.Sep();
  StringArrayCount(d, d.u(2));
}

void Execveat(D& d) {
  if (d.exiting) return;
  d.DirFd(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  StringArray(d, d.u(2));
  d.Sep();
  StringArrayCount(d, d.u(3));
  d.Sep();
  AppendFlags(d.out, d.u32(4), kExecveatFlags, "AT_???");
}

void Getcwd(D& d) {
  if (d.entering()) return;
  if (d.failed()) {
    d.Ptr(d.u(0));
  } else {
    d.CStr(d.u(0), 4096);  // a path: not limited by -s
  }
  d.Sep();
  d.Udec(d.u(1));
}

void MmapFlagNames(D& d, uint64_t flags);

void Prot(D& d, uint64_t prot) {
  if (prot == 0) {
    AppendConst(d.out, "PROT_NONE", RawConst::Hex(0));
  } else {
    AppendFlags(d.out, prot, kProt, "PROT_???");
  }
}

// One constant for -X: "0x22", "0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */".
void MmapFlags(D& d, uint64_t flags) {
  const size_t mark = d.out->size();
  {
    ScopedXlatStyle abbrev(XlatStyle::kAbbrev);
    MmapFlagNames(d, flags);
  }
  RestyleConst(d.out, mark, RawConst::Hex(flags));
}

void MmapFlagNames(D& d, uint64_t flags) {
  AppendXval(d.out, flags & 0xf, kMapType, "MAP_???");
  const uint64_t huge = (flags >> 26) & 0x3f;
  flags &= ~static_cast<uint64_t>(0xf) & ~(0x3full << 26);
  if (flags != 0) {
    d.out->push_back('|');
    bool any = false;
    for (const XlatEntry& e : kMapFlags) {
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
  if (huge != 0) {
    d.out->push_back('|');
    d.Udec(huge);
    d.Put("<<MAP_HUGE_SHIFT");
  }
}

void MmapCommon(D& d, uint64_t offset) {
  if (d.exiting) {
    *d.fmt = SyscallEvent::RetFormat::kHex;
    return;
  }
  d.Ptr(d.u(0));
  d.Sep();
  d.Udec(d.u(1));
  d.Sep();
  Prot(d, d.u32(2));
  d.Sep();
  MmapFlags(d, d.u32(3));
  d.Sep();
  d.Fd(4);
  d.Sep();
  d.Hex(offset);
}

void Mmap(D& d) { MmapCommon(d, d.u(5)); }
void Mmap2(D& d) { MmapCommon(d, d.u(5) * 4096); }

void Mprotect(D& d) {
  if (d.exiting) return;
  d.Ptr(d.u(0));  // NULL for 0, as strace
  d.Sep();
  d.Udec(d.u(1));
  d.Sep();
  Prot(d, d.u32(2));
}

void Munmap(D& d) {
  if (d.exiting) return;
  d.Hex(d.u(0));
  d.Sep();
  d.Udec(d.u(1));
}

void Mremap(D& d) {
  if (d.exiting) {
    *d.fmt = SyscallEvent::RetFormat::kHex;
    return;
  }
  d.Hex(d.u(0));
  d.Sep();
  d.Udec(d.u(1));
  d.Sep();
  d.Udec(d.u(2));
  d.Sep();
  AppendFlags(d.out, d.u(3), kMremapFlags, "MREMAP_???");
  // new_address: strace shows it when both MREMAP_MAYMOVE and MREMAP_FIXED
  // are set (MREMAP_FIXED alone is EINVAL).
  if ((d.u(3) & 3) == 3) {
    d.Sep();
    d.Hex(d.u(4));
  }
}

void Brk(D& d) {
  if (d.exiting) {
    *d.fmt = SyscallEvent::RetFormat::kHex;
    return;
  }
  d.Ptr(d.u(0));
}

void CloneFlagsAndSignal(D& d, uint64_t all) {
  const uint64_t sig = all & 0xff;
  const uint64_t flags = all & ~static_cast<uint64_t>(0xff);
  if (flags != 0) {
    AppendFlags(d.out, flags, kCloneFlags, "CLONE_???");
    if (sig != 0) {
      d.out->push_back('|');
      AppendSignal(d.out, static_cast<int64_t>(sig));
    }
  } else if (sig != 0) {
    AppendSignal(d.out, static_cast<int64_t>(sig));
  } else {
    d.out->push_back('0');
  }
}

// clone(flags, stack, parent_tid, child_tid, tls) on x86_64; i386 swaps
// the last two.
void Clone(D& d) {
  const int kPtid = 2, kCtid = d.i386 ? 4 : 3, kTls = d.i386 ? 3 : 4;
  const uint64_t flags = d.u(0) & ~static_cast<uint64_t>(0xff);
  constexpr uint64_t kExitArgs =
      0x100000 | 0x1000 | 0x1000000 | 0x200000 | 0x80000;
  if (d.entering()) {
    d.Put("child_stack=");
    d.Ptr(d.u(1));
    d.Put(", flags=");
    CloneFlagsAndSignal(d, d.u(0));
    return;
  }
  if ((flags & kExitArgs) == 0) return;
  if (flags & (0x100000 | 0x1000)) {  // CLONE_PARENT_SETTID | CLONE_PIDFD
    // strace 6.1 names the argument parent_tid even when it receives the
    // pidfd; a failed call leaves it unwritten (the address).
    d.Sep();
    d.Put("parent_tid=");
    if (d.failed()) {
      d.Ptr(d.u(kPtid));
    } else if (flags & 0x100000) {  // CLONE_PARENT_SETTID: a tid
      d.PidRef(d.u(kPtid));
    } else {  // CLONE_PIDFD alone: an fd
      d.IntRef(d.u(kPtid), /*fd=*/true);
    }
  }
  if (flags & (0x1000000 | 0x200000)) {
    d.Put(", child_tidptr=");
    d.Ptr(d.u(kCtid));
  }
  if (flags & 0x80000) {
    d.Put(", tls=");
    d.Ptr(d.u(kTls));
  }
}

struct CloneArgs {
  uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size,
      tls, set_tid, set_tid_size, cgroup;
};

void Clone3(D& d) {
  const uint64_t addr = d.u(0), size = d.u(1);
  constexpr size_t kMin = 64;  // up to and including tls
  CloneArgs a{};
  const size_t fetch = size < sizeof(a) ? size : sizeof(a);
  if (d.entering()) {
    if (fetch < kMin) {
      d.Ptr(addr);
    } else if (d.Fetch(addr, &a, fetch)) {
      d.Put("{flags=");
      AppendFlags(d.out, a.flags, kCloneFlags, "CLONE_???");
      if (a.flags & 0x1000) {
        d.Put(", pidfd=");
        d.Ptr(a.pidfd);
      }
      if (a.flags & (0x1000000 | 0x200000)) {
        d.Put(", child_tid=");
        d.Ptr(a.child_tid);
      }
      if (a.flags & 0x100000) {
        d.Put(", parent_tid=");
        d.Ptr(a.parent_tid);
      }
      d.Put(", exit_signal=");
      AppendSignal(d.out, static_cast<int64_t>(a.exit_signal));
      d.Put(", stack=");
      d.Ptr(a.stack);
      d.Put(", stack_size=");
      d.Hex(a.stack_size);
      if (a.flags & 0x80000) {
        d.Put(", tls=");
        d.Ptr(a.tls);
      }
      if (a.set_tid != 0 || a.set_tid_size != 0) {
        d.Put(", set_tid=");
        d.Ptr(a.set_tid);
        d.Put(", set_tid_size=");
        d.Udec(a.set_tid_size);
      }
      if (fetch > 80 && (a.cgroup != 0 || (a.flags & 0x200000000ull))) {
        d.Put(", cgroup=");
        d.Udec(a.cgroup);
      }
      d.out->push_back('}');
      if (a.flags & (0x1000 | 0x100000)) return;  // more at exit
    }
    d.Sep();
    d.Udec(size);
    return;
  }
  // Exit: only when entry deferred (pidfd / parent_tid to show).
  if (fetch < kMin || !d.verbose) return;
  // The struct is input only: unreadable now means it was unreadable at
  // entry too, where everything was printed.
  if (d.dec->mem()->Read(d.c.tid, addr, &a, fetch) !=
      static_cast<ssize_t>(fetch)) {
    return;
  }
  if (!(a.flags & (0x1000 | 0x100000))) return;  // printed at entry
  if (!d.failed()) {
    d.Put(" => {");
    if (a.flags & 0x1000) {
      d.Put("pidfd=");
      d.IntRef(a.pidfd, /*fd=*/true);
    }
    if (a.flags & 0x100000) {
      if (a.flags & 0x1000) d.Sep();
      d.Put("parent_tid=");
      d.PidRef(a.parent_tid);
    }
    d.out->push_back('}');
  }
  d.Sep();
  d.Udec(size);
}

void Kill(D& d) {  // kill(pid, sig): below -1, a process group
  if (d.exiting) return;
  d.PidOrPgid(d.i32(0));
  d.Sep();
  AppendSignal(d.out, d.i32(1));
}

void Tkill(D& d) {  // tkill(tid, sig)
  if (d.exiting) return;
  d.Pid(0);
  d.Sep();
  AppendSignal(d.out, d.i32(1));
}

void Tgkill(D& d) {
  if (d.exiting) return;
  d.Pid(0);
  d.Sep();
  d.Pid(1);
  d.Sep();
  AppendSignal(d.out, d.i32(2));
}

// A signal handler: SIG_DFL, SIG_IGN, SIG_ERR or its address.
void SigHandlerValue(D& d, uint64_t handler) {
  const uint64_t all_ones = d.i386 ? 0xffffffffu : ~0ull;
  if (handler == 0) {
    AppendConst(d.out, "SIG_DFL", RawConst::Hex(handler));
  } else if (handler == 1) {
    AppendConst(d.out, "SIG_IGN", RawConst::Hex(handler));
  } else if (handler == all_ones) {
    AppendConst(d.out, "SIG_ERR", RawConst::Hex(handler));
  } else {
    d.Hex(handler);
  }
}

// "{sa_handler=..., sa_mask=[...], sa_flags=..., sa_restorer=...}" of a
// sigaction's fields (a mask of mask_len bytes).
void SigactionFields(D& d, uint64_t handler, const uint8_t* mask,
                     size_t mask_len, uint64_t flags, uint64_t restorer) {
  d.Put("{sa_handler=");
  SigHandlerValue(d, handler);
  d.Put(", sa_mask=");
  AppendSigset(d.out, mask, mask_len);
  d.Put(", sa_flags=");
  AppendFlags(d.out, flags, kSaFlags, "SA_???");
  if (flags & 0x04000000) {
    d.Put(", sa_restorer=");
    d.Ptr(restorer);
  }
  d.out->push_back('}');
}

// Kernel struct sigaction: handler, flags, restorer, mask (words are 4
// bytes on i386).
void Sigaction(D& d, uint64_t addr) {
  uint64_t w[3];
  uint8_t mask[8];
  if (d.i386) {
    uint32_t raw[5];
    if (!d.Fetch(addr, raw, sizeof(raw))) return;
    w[0] = raw[0];
    w[1] = raw[1];
    w[2] = raw[2];
    memcpy(mask, &raw[3], 8);
  } else {
    uint64_t raw[4];
    if (!d.Fetch(addr, raw, sizeof(raw))) return;
    memcpy(w, raw, sizeof(w));
    memcpy(mask, &raw[3], 8);
  }
  SigactionFields(d, w[0], mask, sizeof(mask), w[1], w[2]);
}

void RtSigaction(D& d) {
  if (d.entering()) {
    AppendSignal(d.out, d.i32(0));
    d.Sep();
    if (d.u(1) == 0) {
      d.Put("NULL");
    } else {
      Sigaction(d, d.u(1));
    }
    d.Sep();
    return;
  }
  if (d.failed() && d.u(2) != 0) {
    d.Hex(d.u(2));
  } else if (d.u(2) == 0) {
    d.Put("NULL");
  } else {
    Sigaction(d, d.u(2));
  }
  d.Sep();
  d.Udec(d.u(3));
}

// rt_sigreturn(): the signal mask it restores, read from the signal frame
// (strace's "{mask=[...]}"). On x86_64 the handler's `ret` popped the
// frame's return address, so the stack pointer is at the frame's kernel
// struct ucontext: uc_flags (8), uc_link (8), uc_stack (24), uc_mcontext
// (struct sigcontext, 256), then uc_sigmask.
constexpr uint64_t kUcontextSigmaskOffset = 8 + 8 + 24 + 256;

void RtSigreturn(D& d) {
  if (!d.entering()) return;
  d.Put("{mask=");
  SigsetAddr(d, d.c.stack_pointer + kUcontextSigmaskOffset, 8);
  d.Put("}");
}

void RtSigprocmask(D& d) {
  if (d.entering()) {
    AppendXval(d.out, d.u32(0), kSigprocmaskHow, "SIG_???");
    d.Sep();
    SigsetAddr(d, d.u(1), d.u(3));
    d.Sep();
    return;
  }
  if (d.failed() && d.u(2) != 0) {
    d.Hex(d.u(2));
  } else {
    SigsetAddr(d, d.u(2), d.u(3));
  }
  d.Sep();
  d.Udec(d.u(3));
}

void WaitStatus(D& d, uint32_t status) {
  // strace names the signals of a wait status whatever -X says (not the
  // ptrace event: "|0x80 /* PTRACE_EVENT_STOP */<<16" with -X verbose).
  const XlatStyle style = CurrentXlatStyle();
  ScopedXlatStyle abbrev(XlatStyle::kAbbrev);
  const int low = status & 0x7f;
  if ((status & 0xff) == 0x7f) {  // stopped
    const int sig = (status >> 8) & 0xff;
    d.Put("[{WIFSTOPPED(s) && WSTOPSIG(s) == ");
    AppendSignal(d.out, sig & 0x7f);
    if (sig & 0x80) d.Put(" | 0x80");
    d.out->push_back('}');
    status &= ~(static_cast<uint32_t>(sig) << 8 | 0x7f);
  } else if (low != 0 && low != 0x7f) {  // signaled
    d.Put("[{WIFSIGNALED(s) && WTERMSIG(s) == ");
    AppendSignal(d.out, low);
    if (status & 0x80) d.Put(" && WCOREDUMP(s)");
    d.out->push_back('}');
    status &= ~0xffu;
  } else if (low == 0 && status != 0xffff) {  // exited
    d.Put("[{WIFEXITED(s) && WEXITSTATUS(s) == ");
    d.Dec((status >> 8) & 0xff);
    d.out->push_back('}');
    status &= ~0xff00u;
  } else if (status == 0xffff) {
    d.Put("[{WIFCONTINUED(s)}");
    status = 0;
  } else {
    d.Put("[");
    d.Hex(status);
    d.out->push_back(']');
    return;
  }
  if (status != 0) {
    const uint32_t event = status >> 16;
    // strace 6.1 writes these without spaces: "}|PTRACE_EVENT_STOP<<16]".
    if (event != 0) {
      d.out->push_back('|');
      ScopedXlatStyle as_asked(style);
      AppendXval(d.out, event, kPtraceEvents, "PTRACE_EVENT_???");
      d.Put("<<16");
      status &= 0xffff;
    }
    if (status != 0) {
      d.out->push_back('|');
      d.Hex(status);
    }
  }
  d.out->push_back(']');
}

// wait4(pid, status, options, rusage), and waitpid without the rusage.
void WaitCommon(D& d, bool rusage) {
  if (d.entering()) {
    d.PidOrPgid(d.i32(0));
    d.Sep();
    return;
  }
  const uint64_t status_addr = d.u(1);
  if (status_addr == 0) {
    d.Put("NULL");
  } else if (d.failed() || d.ret == 0) {
    d.Hex(status_addr);
  } else {
    uint32_t status;
    if (d.Fetch(status_addr, &status, sizeof(status))) WaitStatus(d, status);
  }
  d.Sep();
  AppendFlags(d.out, d.u32(2), kWaitOptions, "W???");
  if (!rusage) return;
  d.Sep();
  if (d.failed() && d.u(3) != 0) {
    d.Hex(d.u(3));
  } else if (d.u(3) == 0) {
    d.Put("NULL");
  } else {
    Rusage(d, d.u(3));
  }
}

void Wait4(D& d) { WaitCommon(d, true); }

void IntArg(D& d) {  // exit, exit_group, ...
  if (d.exiting) return;
  d.Dec(d.i32(0));
}

void FdArg(D& d) {  // close, fsync, fchdir, ...
  if (d.exiting) return;
  d.Fd(0);
}

void Dup(D& d) {
  if (d.exiting) return d.RetFd();
  d.Fd(0);
}

// The new fd is shown (and matched by -P) as it was before the call.
void Dup2(D& d) {
  if (d.exiting) return d.RetFd();
  d.Fd(0);
  d.Sep();
  d.Fd(1);
}

void Dup3(D& d) {
  if (d.exiting) return d.RetFd();
  Dup2(d);
  d.Sep();
  // All of open's flags (as strace, and pipe2), not only O_CLOEXEC.
  AppendFlags(d.out, d.u32(2), kOpenFlags, "O_???");
}

void Umask(D& d) {
  if (d.exiting) {
    *d.fmt = SyscallEvent::RetFormat::kOctal;
    return;
  }
  AppendOctal(d.out, d.u32(0), 2);
}

void Lseek(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Dec(d.s(1));
  d.Sep();
  AppendXval(d.out, d.u32(2), kWhence, "SEEK_???");
}

void Nanosleep(D& d) {
  if (d.entering()) {
    Timespec(d, d.u(0), !d.i386);
    d.Sep();
    return;
  }
  if (IsErestart(d.ret) || d.ret == -4) {
    Timespec(d, d.u(1), !d.i386);
  } else {
    d.Ptr(d.u(1));
  }
}

// The clock calls; kTime64: i386's *_time64 forms, whose timespecs are
// 64-bit like x86_64's.
template <bool kTime64>
void ClockNanosleep(D& d) {
  if (d.entering()) {
    AppendXval(d.out, d.u32(0), kClocks, "CLOCK_???");
    d.Sep();
    AppendFlags(d.out, d.u32(1), kTimerFlags, "TIMER_???");
    d.Sep();
    Timespec(d, d.u(2), kTime64 || !d.i386);
    d.Sep();
    return;
  }
  if (!(d.u32(1) & 1) && (IsErestart(d.ret) || d.ret == -4)) {
    Timespec(d, d.u(3), kTime64 || !d.i386);
  } else {
    d.Ptr(d.u(3));
  }
}

template <bool kTime64>
void ClockGettime(D& d) {  // clock_gettime, clock_getres
  if (d.entering()) {
    AppendXval(d.out, d.u32(0), kClocks, "CLOCK_???");
    d.Sep();
    return;
  }
  if (d.failed()) {
    d.Ptr(d.u(1));
  } else {
    Timespec(d, d.u(1), kTime64 || !d.i386);
  }
}

// ioctl ----------------------------------------------------------------------
struct IoctlName {
  uint32_t code;
  const char* name;
};
constexpr IoctlName kIoctls[] = {
    {0x5401, "TCGETS"},
    {0x5402, "SNDCTL_TMR_START or TCSETS"},
    {0x5403, "SNDCTL_TMR_STOP or TCSETSW"},
    {0x5404, "SNDCTL_TMR_CONTINUE or TCSETSF"},
    {0x5405, "TCGETA"},
    {0x5406, "TCSETA"},
    {0x5407, "TCSETAW"},
    {0x5408, "TCSETAF"},
    {0x5409, "TCSBRK"},
    {0x540A, "TCXONC"},
    {0x540B, "TCFLSH"},
    {0x540C, "TIOCEXCL"},
    {0x540D, "TIOCNXCL"},
    {0x540E, "TIOCSCTTY"},
    {0x540F, "TIOCGPGRP"},
    {0x5410, "TIOCSPGRP"},
    {0x5411, "TIOCOUTQ"},
    {0x5412, "TIOCSTI"},
    {0x5413, "TIOCGWINSZ"},
    {0x5414, "TIOCSWINSZ"},
    {0x5415, "TIOCMGET"},
    {0x5416, "TIOCMBIS"},
    {0x5417, "TIOCMBIC"},
    {0x5418, "TIOCMSET"},
    {0x5419, "TIOCGSOFTCAR"},
    {0x541A, "TIOCSSOFTCAR"},
    {0x541B, "FIONREAD"},
    {0x541C, "TIOCLINUX"},
    {0x541D, "TIOCCONS"},
    {0x541E, "TIOCGSERIAL"},
    {0x541F, "TIOCSSERIAL"},
    {0x5420, "TIOCPKT"},
    {0x5421, "FIONBIO"},
    {0x5422, "TIOCNOTTY"},
    {0x5423, "TIOCSETD"},
    {0x5424, "TIOCGETD"},
    {0x5425, "TCSBRKP"},
    {0x5427, "TIOCSBRK"},
    {0x5428, "TIOCCBRK"},
    {0x5429, "TIOCGSID"},
    {0x802C542A, "TCGETS2"},
    {0x402C542B, "TCSETS2"},
    {0x402C542C, "TCSETSW2"},
    {0x402C542D, "TCSETSF2"},
    {0x80045430, "TIOCGPTN"},
    {0x40045431, "TIOCSPTLCK"},
    {0x80045432, "TIOCGDEV"},
    {0x5441, "TIOCGPTPEER"},
    {0x5450, "FIONCLEX"},
    {0x5451, "FIOCLEX"},
    {0x5452, "FIOASYNC"},
    {0x5460, "FIOQSIZE"},
    {0x5456, "TIOCGLCKTRMIOS"},
    {0x5457, "TIOCSLCKTRMIOS"},
    {0x5459, "TIOCSERGETLSR"},
    {0x545C, "TIOCMIWAIT"},
    {0x545D, "TIOCGICOUNT"},
    {0x8901, "FIOSETOWN"},
    {0x8902, "SIOCSPGRP"},
    {0x8903, "FIOGETOWN"},
    {0x8904, "SIOCGPGRP"},
    {0x8905, "SIOCATMARK"},
    {0x8906, "SIOCGSTAMP_OLD"},
    {0x8907, "SIOCGSTAMPNS_OLD"},
    {0x890B, "SIOCADDRT"},
    {0x890C, "SIOCDELRT"},
    {0x890D, "SIOCRTMSG"},
    {0x8910, "SIOCGIFNAME"},
    {0x8911, "SIOCSIFLINK"},
    {0x8912, "SIOCGIFCONF"},
    {0x8913, "SIOCGIFFLAGS"},
    {0x8914, "SIOCSIFFLAGS"},
    {0x8915, "SIOCGIFADDR"},
    {0x8916, "SIOCSIFADDR"},
    {0x8917, "SIOCGIFDSTADDR"},
    {0x8918, "SIOCSIFDSTADDR"},
    {0x8919, "SIOCGIFBRDADDR"},
    {0x891A, "SIOCSIFBRDADDR"},
    {0x891B, "SIOCGIFNETMASK"},
    {0x891C, "SIOCSIFNETMASK"},
    {0x891D, "SIOCGIFMETRIC"},
    {0x891E, "SIOCSIFMETRIC"},
    {0x891F, "SIOCGIFMEM"},
    {0x8920, "SIOCSIFMEM"},
    {0x8921, "SIOCGIFMTU"},
    {0x8922, "SIOCSIFMTU"},
    {0x8923, "SIOCSIFNAME"},
    {0x8924, "SIOCSIFHWADDR"},
    {0x8925, "SIOCGIFENCAP"},
    {0x8926, "SIOCSIFENCAP"},
    {0x8927, "SIOCGIFHWADDR"},
    {0x8929, "SIOCGIFSLAVE"},
    {0x8930, "SIOCSIFSLAVE"},
    {0x8931, "SIOCADDMULTI"},
    {0x8932, "SIOCDELMULTI"},
    {0x8933, "SIOCGIFINDEX"},
    {0x8934, "SIOCSIFPFLAGS"},
    {0x8935, "SIOCGIFPFLAGS"},
    {0x8936, "SIOCDIFADDR"},
    {0x8937, "SIOCSIFHWBROADCAST"},
    {0x8938, "SIOCGIFCOUNT"},
    {0x8940, "SIOCGIFBR"},
    {0x8941, "SIOCSIFBR"},
    {0x8942, "SIOCGIFTXQLEN"},
    {0x8943, "SIOCSIFTXQLEN"},
    {0x8946, "SIOCETHTOOL"},
    {0x8947, "SIOCGMIIPHY"},
    {0x8948, "SIOCGMIIREG"},
    {0x8949, "SIOCSMIIREG"},
    {0x894A, "SIOCWANDEV"},
    {0x894B, "SIOCOUTQNSD"},
    {0x894C, "SIOCGSKNS"},
    {0x8953, "SIOCDARP"},
    {0x8954, "SIOCGARP"},
    {0x8955, "SIOCSARP"},
    {0x8960, "SIOCDRARP"},
    {0x8961, "SIOCGRARP"},
    {0x8962, "SIOCSRARP"},
    {0x8970, "SIOCGIFMAP"},
    {0x8971, "SIOCSIFMAP"},
    {0x8980, "SIOCADDDLCI"},
    {0x8981, "SIOCDELDLCI"},
    {0x8982, "SIOCGIFVLAN"},
    {0x8983, "SIOCSIFVLAN"},
    {0x8990, "SIOCBONDENSLAVE"},
    {0x8991, "SIOCBONDRELEASE"},
    {0x8992, "SIOCBONDSETHWADDR"},
    {0x8993, "SIOCBONDSLAVEINFOQUERY"},
    {0x8994, "SIOCBONDINFOQUERY"},
    {0x8995, "SIOCBONDCHANGEACTIVE"},
    {0x89A0, "SIOCBRADDBR"},
    {0x89A1, "SIOCBRDELBR"},
    {0x89A2, "SIOCBRADDIF"},
    {0x89A3, "SIOCBRDELIF"},
    {0x89B0, "SIOCSHWTSTAMP"},
    {0x89B1, "SIOCGHWTSTAMP"},
    {0x89E0, "SIOCPROTOPRIVATE"},
    {0x89F0, "SIOCDEVPRIVATE"},
    {0x80086601, "FS_IOC_GETFLAGS"},
    {0x40086602, "FS_IOC_SETFLAGS"},
    {0x80046601, "FS_IOC32_GETFLAGS"},
    {0x40046602, "FS_IOC32_SETFLAGS"},
    {0x80087601, "FS_IOC_GETVERSION"},
    {0x40087602, "FS_IOC_SETVERSION"},
    {0x80047601, "FS_IOC32_GETVERSION"},
    {0x40047602, "FS_IOC32_SETVERSION"},
    {0x4C00, "LOOP_SET_FD"},
    {0x4C01, "LOOP_CLR_FD"},
    {0x4C02, "LOOP_SET_STATUS"},
    {0x4C03, "LOOP_GET_STATUS"},
    {0x4C04, "LOOP_SET_STATUS64"},
    {0x4C05, "LOOP_GET_STATUS64"},
    {0x4C06, "LOOP_CHANGE_FD"},
    {0x4C07, "LOOP_SET_CAPACITY"},
    {0x4C08, "LOOP_SET_DIRECT_IO"},
    {0x4C09, "LOOP_SET_BLOCK_SIZE"},
    {0x4C0A, "LOOP_CONFIGURE"},
    {0x4C80, "LOOP_CTL_ADD"},
    {0x4C81, "LOOP_CTL_REMOVE"},
    {0x4C82, "LOOP_CTL_GET_FREE"},
    {0xC0045877, "FIFREEZE"},
    {0xC0045878, "FITHAW"},
    {0xC0185879, "FITRIM"},
    {0xB701, "NS_GET_USERNS"},
    {0xB702, "NS_GET_PARENT"},
    {0xB703, "NS_GET_NSTYPE"},
    {0xB704, "NS_GET_OWNER_UID"},
    {0x1, "FIBMAP"},
    {0x2, "FIGETBSZ"},
    {0x80200204, "FDGETPRM"},
    {0x125D, "BLKROSET"},
    {0x125E, "BLKROGET"},
    {0x125F, "BLKRRPART"},
    {0x1260, "BLKGETSIZE"},
    {0x1261, "BLKFLSBUF"},
    {0x1262, "BLKRASET"},
    {0x1263, "BLKRAGET"},
    {0x1264, "BLKFRASET"},
    {0x1265, "BLKFRAGET"},
    {0x1267, "BLKSECTGET"},
    {0x1268, "BLKSSZGET"},
    {0x80081270, "BLKBSZGET"},
    {0x40081271, "BLKBSZSET"},
    {0x80081272, "BLKGETSIZE64"},
    {0x1277, "BLKDISCARD"},
    {0x1278, "BLKIOMIN"},
    {0x1279, "BLKIOOPT"},
    {0x127A, "BLKALIGNOFF"},
    {0x127B, "BLKPBSZGET"},
    {0x127C, "BLKDISCARDZEROES"},
    {0x127D, "BLKSECDISCARD"},
    {0x127E, "BLKROTATIONAL"},
    {0x127F, "BLKZEROOUT"},
    {0xC020660B, "FS_IOC_FIEMAP"},
    {0x801C581F, "FS_IOC_FSGETXATTR"},
    {0x401C5820, "FS_IOC_FSSETXATTR"},
    {0x81009431, "FS_IOC_GETFSLABEL"},
    {0x41009432, "FS_IOC_SETFSLABEL"},
    {0x40049409, "BTRFS_IOC_CLONE or FICLONE"},
    {0x4020940D, "BTRFS_IOC_CLONE_RANGE or FICLONERANGE"},
    {0x2400, "PERF_EVENT_IOC_ENABLE"},
    {0x2401, "PERF_EVENT_IOC_DISABLE"},
    {0x2402, "PERF_EVENT_IOC_REFRESH"},
    {0x2403, "PERF_EVENT_IOC_RESET"},
    {0x40082404, "PERF_EVENT_IOC_PERIOD"},
    {0x2405, "PERF_EVENT_IOC_SET_OUTPUT"},
    {0x40082406, "PERF_EVENT_IOC_SET_FILTER"},
    {0x80082407, "PERF_EVENT_IOC_ID"},
    {0x40042408, "PERF_EVENT_IOC_SET_BPF"},
    {0x40042409, "PERF_EVENT_IOC_PAUSE_OUTPUT"},
    {0xC008240A, "PERF_EVENT_IOC_QUERY_BPF"},
    {0x4008240B, "PERF_EVENT_IOC_MODIFY_ATTRIBUTES"},
};

const char* IoctlNameOrNull(uint32_t code) {
  if (((code >> 8) & 0xff) == 0xae) return KvmIoctlName(code);
  for (const IoctlName& e : kIoctls) {
    if (e.code == code) return e.name;
  }
  return nullptr;
}

// The x86_64 code of an i386 process's ioctl whose size field holds a
// size_t (4 bytes there): strace names and decodes those by its i386
// table (BLKGETSIZE64 is 0x80041272 there).
uint32_t NativeIoctlCode(const D& d, uint32_t code) {
  if (!d.i386) return code;
  switch (code) {
    case 0x80041270:  // BLKBSZGET
    case 0x40041271:  // BLKBSZSET
    case 0x80041272:  // BLKGETSIZE64
    case 0x40042406:  // PERF_EVENT_IOC_SET_FILTER
    case 0x80042407:  // PERF_EVENT_IOC_ID
    case 0xC004240A:  // PERF_EVENT_IOC_QUERY_BPF
    case 0x4004240B:  // PERF_EVENT_IOC_MODIFY_ATTRIBUTES
      return (code & ~0x3fff0000u) | (8u << 16);
    default:
      return code;
  }
}

void IoctlCodeName(D& d, uint32_t code) {
  if (const char* name = IoctlNameOrNull(NativeIoctlCode(d, code))) {
    d.Put(name);
    return;
  }
  static constexpr const char* kDirs[] = {"_IOC_NONE", "_IOC_WRITE",
                                          "_IOC_READ", "_IOC_READ|_IOC_WRITE"};
  d.Put("_IOC(");
  d.Put(kDirs[code >> 30]);
  d.Sep();
  d.Hex((code >> 8) & 0xff);
  d.Sep();
  d.Hex(code & 0xff);
  d.Sep();
  d.Hex((code >> 16) & 0x3fff);
  d.out->push_back(')');
}

// -X: "0x5401", "0x5401 /* TCGETS */", "0x12345678 /* _IOC(...) */".
void IoctlCode(D& d, uint32_t code) {
  const size_t mark = d.out->size();
  IoctlCodeName(d, code);
  RestyleConst(d.out, mark, RawConst::Hex(code));
}

// A termios flag word as strace 6.1 prints it: nothing at all for 0,
// unknown bits in hex without a comment ("ICRNL|0x80000000",
// "0x80000000").
template <size_t N>
void TermiosFlags(D& d, uint32_t v, const XlatEntry (&tbl)[N]) {
  if (v != 0) d.Flags(v, tbl, nullptr);
}

// struct termios; struct termios2 (TCGETS2...: the speeds follow, shown
// with -v); or the old struct termio (TCGETA...: 16-bit flags, 8 control
// characters).
enum class TermiosKind : uint8_t { kTermios, kTermios2, kTermio };
void Termios(D& d, uint64_t addr, TermiosKind kind = TermiosKind::kTermios) {
  struct {
    uint32_t iflag, oflag, cflag, lflag;
    uint8_t line;
    uint8_t cc[19];
    uint32_t ispeed, ospeed;
  } t;
  constexpr size_t kTermiosSize = 36;  // without the speeds
  const bool two = kind == TermiosKind::kTermios2;
  int ncc = 19;
  if (kind == TermiosKind::kTermio) {
    struct {
      uint16_t iflag, oflag, cflag, lflag;
      uint8_t line;
      uint8_t cc[8];
    } o;
    if (!d.Fetch(addr, &o, 17)) return;
    t = {o.iflag, o.oflag, o.cflag, o.lflag, o.line, {}, 0, 0};
    memcpy(t.cc, o.cc, sizeof o.cc);
    ncc = 8;
  } else if (!d.Fetch(addr, &t, two ? sizeof(t) : kTermiosSize)) {
    return;
  }
  d.Put("{c_iflag=");
  TermiosFlags(d, t.iflag, kIflags);
  d.Put(", c_oflag=");
  // Delay fields first (each a constant, "0 /* NL0 */" with -X verbose),
  // then the flags.
  static constexpr struct {
    uint32_t mask, shift_unit;
    const char* names[4];
  } kDelays[] = {
      {0400, 0400, {"NL0", "NL1"}},
      {03000, 01000, {"CR0", "CR1", "CR2", "CR3"}},
      {014000, 04000, {"TAB0", "TAB1", "TAB2", "XTABS"}},
      {020000, 020000, {"BS0", "BS1"}},
      {040000, 040000, {"VT0", "VT1"}},
      {0100000, 0100000, {"FF0", "FF1"}},
  };
  uint32_t of = t.oflag;
  for (const auto& dl : kDelays) {
    AppendConst(d.out, dl.names[(of & dl.mask) / dl.shift_unit],
                RawConst::Hex(of & dl.mask));
    d.out->push_back('|');
    of &= ~dl.mask;
  }
  TermiosFlags(d, of, kOflags);
  // The output speed, the input speed when set ("B4800<<IBSHIFT"), the
  // character size, then the other flags, each after a '|' (even none).
  d.Put(", c_cflag=");
  AppendXval(d.out, t.cflag & 010017, kBauds, "B???");
  d.out->push_back('|');
  const uint32_t ibaud = (t.cflag >> 16) & 010017;
  if (ibaud != 0) {
    AppendXval(d.out, ibaud, kBauds, "B???");
    d.Put("<<");
    AppendConst(d.out, "IBSHIFT", RawConst::Hex(16));
    d.out->push_back('|');
  }
  static constexpr const char* kSizes[] = {"CS5", "CS6", "CS7", "CS8"};
  AppendConst(d.out, kSizes[(t.cflag >> 4) & 3], RawConst::Hex(t.cflag & 060));
  d.out->push_back('|');
  TermiosFlags(d, t.cflag & ~(010017u | 060u | (010017u << 16)), kCflags);
  d.Put(", c_lflag=");
  TermiosFlags(d, t.lflag, kLflags);
  if (d.abbrev) {
    d.Put(", ...}");
    return;
  }
  d.Put(", c_line=");
  AppendXval(d.out, t.line, kLineDisc, "N_???");
  d.Put(", c_cc=[");
  for (int i = 0; i < ncc; ++i) {
    if (i > 0) d.Sep();
    d.out->push_back('[');
    if (i < 17) {
      d.Put(kCcNames[i]);
    } else {
      d.Udec(i);
    }
    d.Put("]=");
    d.Hex(t.cc[i]);
  }
  d.out->push_back(']');
  if (two) {
    d.Put(", c_ispeed=");
    d.Udec(t.ispeed);
    d.Put(", c_ospeed=");
    d.Udec(t.ospeed);
  }
  d.out->push_back('}');
}

void Winsize(D& d, uint64_t addr) {
  uint16_t w[4];
  if (!d.Fetch(addr, w, sizeof(w))) return;
  d.Put("{ws_row=");
  d.Udec(w[0]);
  d.Put(", ws_col=");
  d.Udec(w[1]);
  d.Put(", ws_xpixel=");
  d.Udec(w[2]);
  d.Put(", ws_ypixel=");
  d.Udec(w[3]);
  d.out->push_back('}');
}

// FS_IOC_GETFLAGS/SETFLAGS's inode flags (linux/fs.h), as strace names
// them (FS_INDEX_FL, not FS_BTREE_FL).
constexpr XlatEntry kInodeFlags[] = {
    {0x1, "FS_SECRM_FL"},
    {0x2, "FS_UNRM_FL"},
    {0x4, "FS_COMPR_FL"},
    {0x8, "FS_SYNC_FL"},
    {0x10, "FS_IMMUTABLE_FL"},
    {0x20, "FS_APPEND_FL"},
    {0x40, "FS_NODUMP_FL"},
    {0x80, "FS_NOATIME_FL"},
    {0x100, "FS_DIRTY_FL"},
    {0x200, "FS_COMPRBLK_FL"},
    {0x400, "FS_NOCOMP_FL"},
    {0x800, "FS_ENCRYPT_FL"},
    {0x1000, "FS_INDEX_FL"},
    {0x2000, "FS_IMAGIC_FL"},
    {0x4000, "FS_JOURNAL_DATA_FL"},
    {0x8000, "FS_NOTAIL_FL"},
    {0x10000, "FS_DIRSYNC_FL"},
    {0x20000, "FS_TOPDIR_FL"},
    {0x40000, "FS_HUGE_FILE_FL"},
    {0x80000, "FS_EXTENT_FL"},
    {0x100000, "FS_VERITY_FL"},
    {0x200000, "FS_EA_INODE_FL"},
    {0x400000, "FS_EOFBLOCKS_FL"},
    {0x800000, "FS_NOCOW_FL"},
    {0x2000000, "FS_DAX_FL"},
    {0x10000000, "FS_INLINE_DATA_FL"},
    {0x20000000, "FS_PROJINHERIT_FL"},
    {0x40000000, "FS_CASEFOLD_FL"},
    {0x80000000, "FS_RESERVED_FL"},
};

// "[FS_NOATIME_FL|FS_EXTENT_FL]".
void InodeFlagsRef(D& d, uint64_t addr) {
  uint32_t v;
  if (!d.Fetch(addr, &v, sizeof(v))) return;
  d.out->push_back('[');
  d.Flags(v, kInodeFlags, "FS_???_FL");
  d.out->push_back(']');
}

// "[512]": a number of `size` bytes at addr, signed or not.
void NumRef(D& d, uint64_t addr, size_t size, bool is_signed) {
  uint64_t v = 0;
  if (!d.Fetch(addr, &v, size)) return;
  d.out->push_back('[');
  if (is_signed) {
    const int shift = static_cast<int>(64 - 8 * size);
    d.Dec(static_cast<int64_t>(v << shift) >> shift);
  } else {
    d.Udec(v);
  }
  d.out->push_back(']');
}

// BLKDISCARD's range: "[0, 4096]".
void U64PairRef(D& d, uint64_t addr) {
  uint64_t r[2];
  if (!d.Fetch(addr, r, sizeof(r))) return;
  d.out->push_back('[');
  d.Udec(r[0]);
  d.Sep();
  d.Udec(r[1]);
  d.out->push_back(']');
}

// FS_IOC_FIEMAP's struct fiemap: the request at entry, "{fm_start=0,
// fm_length=18446744073709551615, fm_flags=0, fm_extent_count=292}", and
// at exit " => {fm_flags=0, fm_mapped_extents=1, ...}" (the extents with
// -v), as strace.
constexpr XlatEntry kFiemapFlags[] = {{0x1, "FIEMAP_FLAG_SYNC"},
                                      {0x2, "FIEMAP_FLAG_XATTR"},
                                      {0x4, "FIEMAP_FLAG_CACHE"}};
constexpr XlatEntry kFiemapExtentFlags[] = {
    {0x1, "FIEMAP_EXTENT_LAST"},
    {0x2, "FIEMAP_EXTENT_UNKNOWN"},
    {0x4, "FIEMAP_EXTENT_DELALLOC"},
    {0x8, "FIEMAP_EXTENT_ENCODED"},
    {0x80, "FIEMAP_EXTENT_DATA_ENCRYPTED"},
    {0x100, "FIEMAP_EXTENT_NOT_ALIGNED"},
    {0x200, "FIEMAP_EXTENT_DATA_INLINE"},
    {0x400, "FIEMAP_EXTENT_DATA_TAIL"},
    {0x800, "FIEMAP_EXTENT_UNWRITTEN"},
    {0x1000, "FIEMAP_EXTENT_MERGED"},
    {0x2000, "FIEMAP_EXTENT_SHARED"},
};
struct Fiemap {
  uint64_t start, length;
  uint32_t flags, mapped_extents, extent_count, reserved;
};
struct FiemapExtent {
  uint64_t logical, physical, length, reserved64[2];
  uint32_t flags, reserved[3];
};

void Fiemap(D& d, uint64_t addr) {
  struct Fiemap fm;
  if (d.entering()) {
    if (!d.Fetch(addr, &fm, sizeof(fm))) return;
    d.Put("{fm_start=");
    d.Udec(fm.start);
    d.Put(", fm_length=");
    d.Udec(fm.length);
    d.Put(", fm_flags=");
    d.Flags(fm.flags, kFiemapFlags, "FIEMAP_FLAG_???");
    d.Put(", fm_extent_count=");
    d.Udec(fm.extent_count);
    d.out->push_back('}');
    return;
  }
  if (!d.Peek(addr, &fm, sizeof(fm))) return;
  d.Put(" => {fm_flags=");
  d.Flags(fm.flags, kFiemapFlags, "FIEMAP_FLAG_???");
  d.Put(", fm_mapped_extents=");
  d.Udec(fm.mapped_extents);
  if (d.abbrev) {
    d.Put(", ...}");
    return;
  }
  d.Put(", fm_extents=");
  d.Array<FiemapExtent>(
      addr + sizeof(fm), fm.mapped_extents, [&](const FiemapExtent& e) {
        d.Put("{fe_logical=");
        d.Udec(e.logical);
        d.Put(", fe_physical=");
        d.Udec(e.physical);
        d.Put(", fe_length=");
        d.Udec(e.length);
        d.Put(", fe_flags=");
        d.Flags(e.flags, kFiemapExtentFlags, "FIEMAP_EXTENT_???");
        d.out->push_back('}');
      });
  d.out->push_back('}');
}

// FITRIM's struct fstrim_range: "{start=0, len=18446744073709551615,
// minlen=0}" (start in hex, as strace).
void FstrimRange(D& d, uint64_t addr) {
  uint64_t r[3];
  if (!d.Fetch(addr, r, sizeof(r))) return;
  d.Put("{start=");
  d.Hex(r[0]);
  d.Put(", len=");
  d.Udec(r[1]);
  d.Put(", minlen=");
  d.Udec(r[2]);
  d.out->push_back('}');
}

// The loop device status ioctls' structures (linux/loop.h, x86_64
// layout), as strace 6.1: the encryption fields only with -v or when an
// encryption type is set; device numbers, lo_sizelimit, lo_init and
// reserved only with -v. Strings are not cut by -s.
constexpr XlatEntry kLoopCrypt[] = {
    {0, "LO_CRYPT_NONE"},      {1, "LO_CRYPT_XOR"},
    {2, "LO_CRYPT_DES"},       {3, "LO_CRYPT_FISH2"},
    {4, "LO_CRYPT_BLOW"},      {5, "LO_CRYPT_CAST128"},
    {6, "LO_CRYPT_IDEA"},      {9, "LO_CRYPT_DUMMY"},
    {10, "LO_CRYPT_SKIPJACK"}, {18, "LO_CRYPT_CRYPTOAPI"},
};
constexpr XlatEntry kLoopFlags[] = {
    {1, "LO_FLAGS_READ_ONLY"},  {2, "LO_FLAGS_USE_AOPS"},
    {4, "LO_FLAGS_AUTOCLEAR"},  {8, "LO_FLAGS_PARTSCAN"},
    {16, "LO_FLAGS_DIRECT_IO"},
};

// A NUL-terminated name in a char array of `size`: "abc", or size - 1
// chars and "..." when no NUL ends it (field=, unless field is empty).
void FixedName(D& d, const char* field, const void* name, size_t size) {
  const char* s = static_cast<const char*>(name);
  const size_t n = strnlen(s, size);
  if (*field != '\0') {
    d.Put(field);
    d.out->push_back('=');
  }
  d.out->push_back('"');
  d.Escaped(s, n < size ? n : size - 1);
  d.out->push_back('"');
  if (n == size) d.Put("...");
}

// lo_encrypt_key: its first lo_encrypt_key_size bytes (at most 32).
void LoopKey(D& d, const uint8_t* key, uint32_t size) {
  d.Put(", lo_encrypt_key=\"");
  d.Escaped(reinterpret_cast<const char*>(key), size < 32 ? size : 32);
  d.out->push_back('"');
}

void LoopInit(D& d, const uint64_t* init) {
  d.Put(", lo_init=[");
  d.Hex(init[0]);
  d.Sep();
  d.Hex(init[1]);
  d.out->push_back(']');
}

struct LoopInfo {
  int32_t number;
  uint64_t device, inode, rdevice;
  int32_t offset, encrypt_type, encrypt_key_size, flags;
  char name[64];
  uint8_t encrypt_key[32];
  uint64_t init[2];
  char reserved[4];
};
struct LoopInfo64 {
  uint64_t device, inode, rdevice, offset, sizelimit;
  uint32_t number, encrypt_type, encrypt_key_size, flags;
  char file_name[64], crypt_name[64];
  uint8_t encrypt_key[32];
  uint64_t init[2];
};
static_assert(sizeof(LoopInfo) == 168 && sizeof(LoopInfo64) == 232);

void LoopInfo(D& d, uint64_t addr) {
  struct LoopInfo l;
  if (!d.Fetch(addr, &l, sizeof(l))) return;
  d.Put("{lo_number=");
  d.Dec(l.number);
  if (!d.abbrev) {
    d.Put(", lo_device=");
    DeviceNumber(d, l.device);
    d.Put(", lo_inode=");
    d.Udec(l.inode);
    d.Put(", lo_rdevice=");
    DeviceNumber(d, l.rdevice);
  }
  d.Put(", lo_offset=");
  d.Hex(static_cast<uint32_t>(l.offset));
  const bool crypt = !d.abbrev || l.encrypt_type != 0;
  if (crypt) {
    d.Put(", lo_encrypt_type=");
    d.Xval(static_cast<uint32_t>(l.encrypt_type), kLoopCrypt, "LO_CRYPT_???");
    d.Put(", lo_encrypt_key_size=");
    d.Dec(l.encrypt_key_size);
  }
  d.Put(", lo_flags=");
  d.Flags(static_cast<uint32_t>(l.flags), kLoopFlags, "LO_FLAGS_???");
  d.Sep();
  FixedName(d, "lo_name", l.name, sizeof(l.name));
  if (crypt)
    LoopKey(d, l.encrypt_key, static_cast<uint32_t>(l.encrypt_key_size));
  if (d.abbrev) {
    d.Put(", ...}");
    return;
  }
  LoopInit(d, l.init);
  d.Put(", reserved=[");
  for (int i = 0; i < 4; ++i) {
    if (i > 0) d.Sep();
    d.Hex(static_cast<uint8_t>(l.reserved[i]));
  }
  d.Put("]}");
}

void LoopInfo64Fields(D& d, const struct LoopInfo64& l) {
  d.out->push_back('{');
  if (!d.abbrev) {
    d.Put("lo_device=");
    DeviceNumber(d, l.device);
    d.Put(", lo_inode=");
    d.Udec(l.inode);
    d.Put(", lo_rdevice=");
    DeviceNumber(d, l.rdevice);
    d.Sep();
  }
  d.Put("lo_offset=");
  d.Hex(l.offset);
  if (!d.abbrev) {
    d.Put(", lo_sizelimit=");
    d.Udec(l.sizelimit);
  }
  d.Put(", lo_number=");
  d.Udec(l.number);
  const bool crypt = !d.abbrev || l.encrypt_type != 0;
  if (crypt) {
    d.Put(", lo_encrypt_type=");
    d.Xval(l.encrypt_type, kLoopCrypt, "LO_CRYPT_???");
    d.Put(", lo_encrypt_key_size=");
    d.Udec(l.encrypt_key_size);
  }
  d.Put(", lo_flags=");
  d.Flags(l.flags, kLoopFlags, "LO_FLAGS_???");
  d.Sep();
  FixedName(d, "lo_file_name", l.file_name, sizeof(l.file_name));
  if (crypt) {
    d.Sep();
    FixedName(d, "lo_crypt_name", l.crypt_name, sizeof(l.crypt_name));
    LoopKey(d, l.encrypt_key, l.encrypt_key_size);
  }
  if (d.abbrev) {
    d.Put(", ...}");
    return;
  }
  LoopInit(d, l.init);
  d.out->push_back('}');
}

void LoopInfo64(D& d, uint64_t addr) {
  struct LoopInfo64 l;
  if (!d.Fetch(addr, &l, sizeof(l))) return;
  LoopInfo64Fields(d, l);
}

// LOOP_CONFIGURE's struct loop_config: "{fd=3, block_size=4096,
// info={...}}", __reserved when not all zero.
void LoopConfig(D& d, uint64_t addr) {
  struct {
    uint32_t fd, block_size;
    struct LoopInfo64 info;
    uint64_t reserved[8];
  } c;
  if (!d.Fetch(addr, &c, sizeof(c))) return;
  d.Put("{fd=");
  d.FdInStruct(static_cast<int32_t>(c.fd));
  d.Put(", block_size=");
  d.Udec(c.block_size);
  d.Put(", info=");
  LoopInfo64Fields(d, c.info);
  bool reserved = false;
  for (uint64_t r : c.reserved) reserved |= r != 0;
  if (reserved) {
    d.Put(", __reserved=[");
    for (int i = 0; i < 8; ++i) {
      if (i > 0) d.Sep();
      d.Hex(c.reserved[i]);
    }
    d.out->push_back(']');
  }
  d.out->push_back('}');
}

// FS_IOC_FSGETXATTR/FSSETXATTR's struct fsxattr, as strace 6.1
// (fsx_nextents only from the getter).
constexpr XlatEntry kFsXflags[] = {
    {0x1, "FS_XFLAG_REALTIME"},       {0x2, "FS_XFLAG_PREALLOC"},
    {0x8, "FS_XFLAG_IMMUTABLE"},      {0x10, "FS_XFLAG_APPEND"},
    {0x20, "FS_XFLAG_SYNC"},          {0x40, "FS_XFLAG_NOATIME"},
    {0x80, "FS_XFLAG_NODUMP"},        {0x100, "FS_XFLAG_RTINHERIT"},
    {0x200, "FS_XFLAG_PROJINHERIT"},  {0x400, "FS_XFLAG_NOSYMLINKS"},
    {0x800, "FS_XFLAG_EXTSIZE"},      {0x1000, "FS_XFLAG_EXTSZINHERIT"},
    {0x2000, "FS_XFLAG_NODEFRAG"},    {0x4000, "FS_XFLAG_FILESTREAM"},
    {0x8000, "FS_XFLAG_DAX"},         {0x10000, "FS_XFLAG_COWEXTSIZE"},
    {0x80000000, "FS_XFLAG_HASATTR"},
};
void Fsxattr(D& d, uint64_t addr, bool get) {
  struct {
    uint32_t xflags, extsize, nextents, projid, cowextsize;
    uint8_t pad[8];
  } x;
  if (!d.Fetch(addr, &x, sizeof(x))) return;
  d.Put("{fsx_xflags=");
  d.Flags(x.xflags, kFsXflags, "FS_XFLAG_???");
  d.Put(", fsx_extsize=");
  d.Udec(x.extsize);
  if (get) {
    d.Put(", fsx_nextents=");
    d.Udec(x.nextents);
  }
  d.Put(", fsx_projid=");
  d.Hex(x.projid);
  d.Put(", fsx_cowextsize=");
  d.Udec(x.cowextsize);
  d.out->push_back('}');
}

// FS_IOC_GETFSLABEL/SETFSLABEL's label: FSLABEL_MAX (256) bytes,
// NUL-terminated, not cut by -s.
void FsLabel(D& d, uint64_t addr) {
  char label[256];
  if (!d.Fetch(addr, label, sizeof(label))) return;
  FixedName(d, "", label, sizeof(label));
}

// The nsfs ioctls (linux/nsfs.h), as strace: NS_GET_USERNS and
// NS_GET_PARENT take no argument and return an fd (-y shows it),
// NS_GET_NSTYPE's result is followed by its CLONE_NEW* name,
// NS_GET_OWNER_UID stores a uid ("[0]").
bool NsfsIoctl(D& d, uint32_t code, uint64_t arg) {
  if (code < 0xB701 || code > 0xB704) return false;
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    IoctlCode(d, code);
    return true;
  }
  if (code == 0xB704) {  // the uid follows at exit, its ", " with it
    d.Sep();
    uint32_t uid;
    if (d.FetchOut(arg, &uid, sizeof(uid))) {
      d.out->push_back('[');
      d.Udec(uid);
      d.out->push_back(']');
    }
  } else if (code == 0xB703) {
    const char* name = XlatName(static_cast<uint64_t>(d.ret), kSetnsTypes,
                                std::size(kSetnsTypes));
    if (!d.failed() && name != nullptr && d.suffix != nullptr) {
      d.suffix->append(" (");
      d.suffix->append(name);
      d.suffix->push_back(')');
    }
  } else {
    d.RetFd();
  }
  return true;
}

void Ioctl(D& d) {
  const uint32_t code = d.u32(1);
  const uint64_t arg = d.u(2);
  if (((code >> 8) & 0xff) == 0xae && KvmIoctl(d, code, arg)) return;
  if (NsfsIoctl(d, code, arg)) return;
  if (((code >> 8) & 0xff) == 0x24 && PerfIoctl(d, code, arg)) return;
  if (((code >> 8) & 0xff) == 0x89 && IfreqIoctl(d, code, arg)) return;
  // How the argument is shown: at entry (input) or exit (output).
  enum Kind {
    kNone,
    kHexArg,
    kIntIn,
    kIntOut,
    kTermiosIn,
    kTermiosOut,
    kCharIn,
    kWinIn,
    kWinOut,
    kDecArg,
    kInodeFlagsIn,
    kInodeFlagsOut,
    kFdArg,
    kUdecArg,
    kFstrimRange,
    kNumIn,
    kNumOut,
    kU64PairIn,
    kFiemap,
    kPtrArg,
    kTcxoncArg,
    kTcflshArg,
    kLoopInfoIn,
    kLoopInfoOut,
    kLoopInfo64In,
    kLoopInfo64Out,
    kLoopConfig,
    kFsxattrIn,
    kFsxattrOut,
    kFsLabelIn,
    kFsLabelOut
  };
  Kind kind = kHexArg;
  TermiosKind termios = TermiosKind::kTermios;  // for the termios kinds
  // kNumIn, kNumOut: the number's size and signedness.
  const size_t long_size = d.i386 ? 4 : 8;
  size_t num_size = 4;
  bool num_signed = true;
  switch (NativeIoctlCode(d, code)) {
    case 0x5450:      // FIONCLEX
    case 0x5451:      // FIOCLEX
    case 0x5422:      // TIOCNOTTY
    case 0x540C:      // TIOCEXCL
    case 0x540D:      // TIOCNXCL
    case 0x541D:      // TIOCCONS
    case 0x125F:      // BLKRRPART
    case 0x1261:      // BLKFLSBUF
    case 0x4C01:      // LOOP_CLR_FD
    case 0x4C07:      // LOOP_SET_CAPACITY
    case 0x4C82:      // LOOP_CTL_GET_FREE
    case 0xC0045877:  // FIFREEZE
    case 0xC0045878:  // FITHAW
    case 0x5427:      // TIOCSBRK
    case 0x5428:      // TIOCCBRK
    case 0x541F:      // TIOCSSERIAL (strace 6.1 shows no argument)
      kind = kNone;
      break;
    // Pointers strace shows as addresses (NULL for 0) without decoding.
    case 0x5429:      // TIOCGSID
    case 0x4020940D:  // FICLONERANGE
      kind = kPtrArg;
      break;
    case 0x540A:  // TCXONC: TCOOFF...
      kind = kTcxoncArg;
      break;
    case 0x540B:  // TCFLSH: TCIFLUSH...
      kind = kTcflshArg;
      break;
    case 0x5405:  // TCGETA
      termios = TermiosKind::kTermio;
      kind = kTermiosOut;
      break;
    case 0x5406:  // TCSETA
    case 0x5407:  // TCSETAW
    case 0x5408:  // TCSETAF
      termios = TermiosKind::kTermio;
      kind = kTermiosIn;
      break;
    case 0x5412:  // TIOCSTI: the one character
      kind = kCharIn;
      break;
    case 0x802C542A:  // TCGETS2
      termios = TermiosKind::kTermios2;
      kind = kTermiosOut;
      break;
    case 0x402C542B:  // TCSETS2
    case 0x402C542C:  // TCSETSW2
    case 0x402C542D:  // TCSETSF2
      termios = TermiosKind::kTermios2;
      kind = kTermiosIn;
      break;
    case 0x5401:  // TCGETS
    case 0x5456:  // TIOCGLCKTRMIOS
      kind = kTermiosOut;
      break;
    case 0x5402:
    case 0x5403:
    case 0x5404:  // TCSETS*
    case 0x5457:  // TIOCSLCKTRMIOS
      kind = kTermiosIn;
      break;
    case 0x5413:  // TIOCGWINSZ
      kind = kWinOut;
      break;
    case 0x5414:  // TIOCSWINSZ
      kind = kWinIn;
      break;
    case 0x541B:      // FIONREAD
    case 0x5411:      // TIOCOUTQ
    case 0x80045430:  // TIOCGPTN
    case 0x5424:      // TIOCGETD
    case 0x5415:      // TIOCMGET
    case 0x540F:      // TIOCGPGRP (a process group: not named with -Y)
    case 0x5419:      // TIOCGSOFTCAR
    case 0x80045432:  // TIOCGDEV
      kind = kIntOut;
      break;
    case 0x5421:      // FIONBIO
    case 0x5452:      // FIOASYNC
    case 0x40045431:  // TIOCSPTLCK
    case 0x5410:      // TIOCSPGRP
    case 0x5423:      // TIOCSETD
    case 0x5416:
    case 0x5417:
    case 0x5418:  // TIOCMBIS/BIC/SET
    case 0x5420:  // TIOCPKT
    case 0x541A:  // TIOCSSOFTCAR
      kind = kIntIn;
      break;
    case 0x4C00:  // LOOP_SET_FD
    case 0x4C06:  // LOOP_CHANGE_FD
      kind = kFdArg;
      break;
    case 0x4C02:  // LOOP_SET_STATUS
      kind = d.i386 ? kPtrArg : kLoopInfoIn;
      break;
    case 0x4C03:  // LOOP_GET_STATUS
      kind = d.i386 ? kPtrArg : kLoopInfoOut;
      break;
    case 0x4C04:  // LOOP_SET_STATUS64
      kind = kLoopInfo64In;
      break;
    case 0x4C05:  // LOOP_GET_STATUS64
      kind = kLoopInfo64Out;
      break;
    case 0x4C0A:  // LOOP_CONFIGURE
      kind = kLoopConfig;
      break;
    case 0x801C581F:  // FS_IOC_FSGETXATTR
      kind = kFsxattrOut;
      break;
    case 0x401C5820:  // FS_IOC_FSSETXATTR
      kind = kFsxattrIn;
      break;
    case 0x81009431:  // FS_IOC_GETFSLABEL
      kind = kFsLabelOut;
      break;
    case 0x41009432:  // FS_IOC_SETFSLABEL
      kind = kFsLabelIn;
      break;
    case 0x4C08:  // LOOP_SET_DIRECT_IO
    case 0x4C09:  // LOOP_SET_BLOCK_SIZE
    case 0x1262:  // BLKRASET
    case 0x1264:  // BLKFRASET
      kind = kUdecArg;
      break;
    case 0x125D:      // BLKROSET
    case 0x40081271:  // BLKBSZSET
      kind = kNumIn;
      break;
    case 0x125E:      // BLKROGET
    case 0x1268:      // BLKSSZGET
    case 0x127A:      // BLKALIGNOFF
    case 0x80081270:  // BLKBSZGET
      kind = kNumOut;
      break;
    case 0x1278:  // BLKIOMIN
    case 0x1279:  // BLKIOOPT
    case 0x127B:  // BLKPBSZGET
    case 0x127C:  // BLKDISCARDZEROES
      kind = kNumOut;
      num_signed = false;
      break;
    case 0x1267:  // BLKSECTGET
    case 0x127E:  // BLKROTATIONAL
      kind = kNumOut;
      num_size = 2;
      num_signed = false;
      break;
    case 0x1260:  // BLKGETSIZE
      kind = kNumOut;
      num_size = long_size;
      num_signed = false;
      break;
    case 0x1263:  // BLKRAGET
    case 0x1265:  // BLKFRAGET
      kind = kNumOut;
      num_size = long_size;
      break;
    case 0x80081272:  // BLKGETSIZE64
      kind = kNumOut;
      num_size = 8;
      num_signed = false;
      break;
    case 0x1277:  // BLKDISCARD
    case 0x127D:  // BLKSECDISCARD
    case 0x127F:  // BLKZEROOUT
      kind = kU64PairIn;
      break;
    case 0xC0185879:  // FITRIM
      kind = kFstrimRange;
      break;
    case 0xC020660B:  // FS_IOC_FIEMAP
      kind = kFiemap;
      break;
    case 0x80086601:  // FS_IOC_GETFLAGS
    case 0x80046601:  // FS_IOC32_GETFLAGS
      kind = kInodeFlagsOut;
      break;
    case 0x40086602:  // FS_IOC_SETFLAGS
    case 0x40046602:  // FS_IOC32_SETFLAGS
      kind = kInodeFlagsIn;
      break;
    case 0x40049409:  // FICLONE: the source fd, as a plain int
    case 0x4C80:      // LOOP_CTL_ADD
    case 0x4C81:      // LOOP_CTL_REMOVE
    case 0x540E:      // TIOCSCTTY
    case 0x5409:      // TCSBRK
      kind = kDecArg;
      break;
    default:
      // The socket ioctls strace names (SIOCGIFADDR, ...): an address;
      // not the private ranges (SIOCPROTOPRIVATE, SIOCDEVPRIVATE).
      if (((code >> 8) & 0xff) == 0x89 && (code >> 16) == 0 &&
          (code & 0xff) < 0xE0 && IoctlNameOrNull(code) != nullptr) {
        kind = kPtrArg;
      }
      break;
  }
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    IoctlCode(d, code);
    switch (kind) {
      case kNone:
        return;
      case kHexArg:
        d.Sep();
        d.Hex(arg);
        return;
      case kDecArg:
        d.Sep();
        d.Dec(static_cast<int32_t>(arg));
        return;
      case kPtrArg:
        d.Sep();
        d.Ptr(arg);
        return;
      case kTcxoncArg: {
        static constexpr XlatEntry kTcxonc[] = {
            {0, "TCOOFF"}, {1, "TCOON"}, {2, "TCIOFF"}, {3, "TCION"}};
        d.Sep();
        d.Xval(arg, kTcxonc, "TC???");
        return;
      }
      case kTcflshArg: {
        static constexpr XlatEntry kTcflsh[] = {
            {0, "TCIFLUSH"}, {1, "TCOFLUSH"}, {2, "TCIOFLUSH"}};
        d.Sep();
        d.Xval(arg, kTcflsh, "TC???");
        return;
      }
      case kIntIn:
        d.Sep();
        d.IntRef(arg);
        return;
      case kTermiosIn:
        d.Sep();
        Termios(d, arg, termios);
        return;
      case kCharIn:
        d.Sep();
        d.Buf(arg, 1);
        return;
      case kWinIn:
        d.Sep();
        Winsize(d, arg);
        return;
      case kInodeFlagsIn:
        d.Sep();
        InodeFlagsRef(d, arg);
        return;
      case kFdArg:
        d.Sep();
        d.FdValue(static_cast<int32_t>(arg));
        return;
      case kUdecArg:
        d.Sep();
        d.Udec(arg);
        return;
      case kFstrimRange:
        d.Sep();
        FstrimRange(d, arg);
        return;
      case kNumIn:
        d.Sep();
        NumRef(d, arg, num_size, num_signed);
        return;
      case kU64PairIn:
        d.Sep();
        U64PairRef(d, arg);
        return;
      case kFiemap:
        d.Sep();
        Fiemap(d, arg);
        return;
      case kLoopInfoIn:
        d.Sep();
        LoopInfo(d, arg);
        return;
      case kLoopInfo64In:
        d.Sep();
        LoopInfo64(d, arg);
        return;
      case kLoopConfig:
        d.Sep();
        LoopConfig(d, arg);
        return;
      case kFsxattrIn:
        d.Sep();
        Fsxattr(d, arg, false);
        return;
      case kFsLabelIn:
        d.Sep();
        FsLabel(d, arg);
        return;
      default:
        // The output follows at exit, its ", " with it: strace splits
        // "ioctl(0, TCGETS <unfinished ...>", "<... ioctl resumed>, {...})".
        return;
    }
  }
  if (kind == kFiemap) {
    Fiemap(d, arg);
    return;
  }
  if (kind == kIntOut || kind == kTermiosOut || kind == kWinOut ||
      kind == kInodeFlagsOut || kind == kNumOut || kind == kLoopInfoOut ||
      kind == kLoopInfo64Out || kind == kFsxattrOut || kind == kFsLabelOut) {
    d.Sep();
    if (d.failed()) {
      d.Ptr(arg);
    } else if (kind == kFsxattrOut) {
      Fsxattr(d, arg, true);
    } else if (kind == kFsLabelOut) {
      FsLabel(d, arg);
    } else if (kind == kLoopInfoOut) {
      LoopInfo(d, arg);
    } else if (kind == kLoopInfo64Out) {
      LoopInfo64(d, arg);
    } else if (kind == kNumOut) {
      NumRef(d, arg, num_size, num_signed);
    } else if (kind == kInodeFlagsOut) {
      InodeFlagsRef(d, arg);
    } else if (kind == kIntOut) {
      d.IntRef(arg);
    } else if (kind == kTermiosOut) {
      Termios(d, arg, termios);
    } else {
      Winsize(d, arg);
    }
  }
}

// fcntl ----------------------------------------------------------------------
// struct flock (x86_64): "{l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0,
// l_len=10}", with l_pid for the F_GETLK commands' output.
void Flock(D& d, uint64_t addr, bool out) {
  struct {
    int16_t type, whence;
    int32_t pad;
    int64_t start, len;
    int32_t pid, pad2;
  } fl;
  if (!(out ? d.FetchOut(addr, &fl, sizeof(fl))
            : d.Fetch(addr, &fl, sizeof(fl)))) {
    return;
  }
  d.Put("{l_type=");
  d.Xval(static_cast<uint16_t>(fl.type), kLockTypes, "F_???");
  d.Put(", l_whence=");
  d.Xval(static_cast<uint16_t>(fl.whence), kSeekWhence, "SEEK_???");
  d.Put(", l_start=");
  d.Dec(fl.start);
  d.Put(", l_len=");
  d.Dec(fl.len);
  if (out) {
    d.Put(", l_pid=");
    d.PidValue(fl.pid);
  }
  d.out->push_back('}');
}

// struct f_owner_ex: "{type=F_OWNER_PID, pid=1234}" (-Y names a thread or
// process, not a process group).
void FOwnerEx(D& d, uint64_t addr, bool out) {
  int32_t o[2];
  if (!(out ? d.FetchOut(addr, o, sizeof(o)) : d.Fetch(addr, o, sizeof(o)))) {
    return;
  }
  d.Put("{type=");
  d.Xval(static_cast<uint32_t>(o[0]), kOwnerTypes, "F_OWNER_???");
  d.Put(", pid=");
  if (o[0] == 0 || o[0] == 1) {
    d.PidValue(o[1]);
  } else if (o[0] == 2) {  // F_OWNER_PGRP
    d.PgidValue(o[1]);
  } else {
    d.Dec(o[1]);
  }
  d.out->push_back('}');
}

// The commands whose argument points to a struct flock, on x86_64 (i386's
// layouts differ: decode_i386_fs.cc decodes its locks).
bool IsLockCmd(const D& d, uint32_t cmd) {
  return !d.i386 &&
         (cmd == F_SETLK || cmd == F_SETLKW || cmd == F_GETLK ||
          cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW || cmd == F_OFD_GETLK);
}

void Fcntl(D& d) {
  const uint32_t cmd = d.u32(1);
  if (d.exiting) {
    // The lock and owner F_GETLK/F_GETOWN_EX return follow the command
    // at exit, their ", " with them: strace splits the line as
    // "fcntl(3, F_GETLK <unfinished ...>", "<... fcntl resumed>, {...})".
    if (cmd == F_GETLK || cmd == F_OFD_GETLK) {
      if (IsLockCmd(d, cmd)) {
        d.Sep();
        Flock(d, d.u(2), true);
      }
      return;
    }
    if (cmd == F_GETOWN_EX) {
      d.Sep();
      FOwnerEx(d, d.u(2), true);
      return;
    }
    if (d.failed()) return;
    switch (cmd) {
      case F_DUPFD:
      case F_DUPFD_CLOEXEC:
        d.RetFd();
        return;
      case F_GETFD:
        if (d.ret == 0 || d.suffix == nullptr) return;
        *d.fmt = SyscallEvent::RetFormat::kHex;
        d.suffix->append(" (flags ");
        AppendFlags(d.suffix, static_cast<uint64_t>(d.ret), kFdFlags, "FD_???");
        d.suffix->push_back(')');
        return;
      case F_GETFL: {
        *d.fmt = SyscallEvent::RetFormat::kHex;
        if (d.suffix == nullptr) return;
        d.suffix->append(" (flags ");
        std::string* saved = d.out;
        d.out = d.suffix;
        // Named whatever -X says (strace's sprint_open_modes).
        ScopedXlatStyle abbrev(XlatStyle::kAbbrev);
        OpenFlags(d, static_cast<uint64_t>(d.ret));
        d.out = saved;
        d.suffix->push_back(')');
        return;
      }
      case F_GETLEASE:
        *d.fmt = SyscallEvent::RetFormat::kHex;
        if (d.suffix == nullptr) return;
        d.suffix->append(" (");
        {
          // Named whatever -X says, as strace.
          ScopedXlatStyle abbrev(XlatStyle::kAbbrev);
          AppendXval(d.suffix, static_cast<uint64_t>(d.ret), kLockTypes,
                     "F_???");
        }
        d.suffix->push_back(')');
        return;
      case F_GETSIG:
        // The signal by name, whatever -X says: "= 29 (SIGIO)"; 0 (SIGIO,
        // the default) is left bare, as strace.
        if (d.ret == 0 || d.suffix == nullptr) return;
        d.suffix->append(" (");
        {
          ScopedXlatStyle abbrev(XlatStyle::kAbbrev);
          AppendSignal(d.suffix, d.ret);
        }
        d.suffix->push_back(')');
        return;
      case F_GET_SEALS:
        if (d.suffix == nullptr) return;
        *d.fmt = SyscallEvent::RetFormat::kHex;
        d.suffix->append(" (seals ");
        AppendFlags(d.suffix, static_cast<uint64_t>(d.ret), kSeals,
                    "F_SEAL_???");
        d.suffix->push_back(')');
        return;
      default:
        return;
    }
  }
  d.Fd(0);
  d.Sep();
  const bool named = AppendXval(d.out, cmd, kFcntlCmds, "F_???");
  if (!named) {
    d.Sep();
    d.Hex(d.u(2));
    return;
  }
  switch (cmd) {
    case F_GETFD:
    case F_GETFL:
    case F_GETOWN:
    case F_GETSIG:
    case F_GETLEASE:
    case F_GETPIPE_SZ:
    case F_GET_SEALS:
      return;
    case F_SETFD:
      d.Sep();
      AppendFlags(d.out, d.u(2), kFdFlags, "FD_???");
      return;
    case F_SETFL:
      d.Sep();
      OpenFlags(d, d.u32(2));
      return;
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
    case F_SETPIPE_SZ:
      // The whole (long) argument, as strace prints it.
      d.Sep();
      d.Dec(d.s(2));
      return;
    case F_SETOWN:
      d.Sep();
      d.PidOrPgid(d.i32(2));
      return;
    case F_SETSIG:
      d.Sep();
      AppendSignal(d.out, d.i32(2));
      return;
    case F_ADD_SEALS:
      d.Sep();
      AppendFlags(d.out, d.u32(2), kSeals, "F_SEAL_???");
      return;
    case F_NOTIFY:
      d.Sep();
      d.Flags(d.u(2), kDnotifyFlags, "DN_???");
      return;
    case F_SETLK:
    case F_SETLKW:
    case F_OFD_SETLK:
    case F_OFD_SETLKW:
    case F_GETLK:
    case F_OFD_GETLK:
      if (!IsLockCmd(d, cmd)) {
        d.Sep();
        d.Hex(d.u(2));
      } else if (cmd != F_GETLK && cmd != F_OFD_GETLK) {
        d.Sep();
        Flock(d, d.u(2), false);
      }
      return;
    case F_SETOWN_EX:
      d.Sep();
      FOwnerEx(d, d.u(2), false);
      return;
    case F_GETOWN_EX:
      return;
    case F_SETLEASE:
      d.Sep();
      d.Xval(d.u32(2), kLockTypes, "F_???");
      return;
    default:
      d.Sep();
      d.Hex(d.u(2));
      return;
  }
}

// readahead(fd, offset, count): a signed offset (one register on x86_64).
void Readahead(D& d) {  // readahead(fd, loff_t, count)
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Dec(d.s64(1));
  d.Sep();
  d.Udec(d.u(1 + d.slots64()));
}

// A few more that show up in every trace.
void SetRobustList(D& d) {
  if (d.exiting) return;
  d.Ptr(d.u(0));
  d.Sep();
  d.Udec(d.u(1));
}

void Pipe(D& d) {  // pipe(fds)
  if (d.entering()) return;
  int32_t fds[2];
  if (d.failed()) {
    d.Ptr(d.u(0));
  } else if (d.Fetch(d.u(0), fds, sizeof(fds))) {
    d.out->push_back('[');
    for (int i = 0; i < 2; ++i) {
      if (i > 0) d.Sep();
      if (d.Elided(i)) break;
      d.FdValue(fds[i]);
    }
    d.out->push_back(']');
  }
}

void Pipe2(D& d) {  // pipe2(fds, flags)
  Pipe(d);
  if (d.exiting) {
    d.Sep();
    AppendFlags(d.out, d.u32(1), kOpenFlags, "O_???");
  }
}

// ---------------------------------------------------------------------------
// The table: name -> decoder, and what the return value is.
// ---------------------------------------------------------------------------
constexpr Registration kDecoders[] = {
    {"read", Read, 0},
    {"write", Write, 0},
    {"pread64", Pread, 0},
    {"pwrite64", Pwrite, 0},
    {"open", Open, 0},
    {"openat", Openat, 0},
    {"creat", Creat, 0},
    {"stat", StatPath, kX86_64Only},
    {"lstat", StatPath, kX86_64Only},
    {"fstat", Fstat, kX86_64Only},
    {"newfstatat", Newfstatat, kX86_64Only},
    {"statx", Statx, 0},
    {"access", Access, 0},
    {"faccessat", Faccessat, 0},
    {"faccessat2", Faccessat2, 0},
    {"readlink", Readlink, 0},
    {"readlinkat", Readlinkat, 0},
    {"unlink", PathOnly, 0},
    {"rmdir", PathOnly, 0},
    {"chdir", PathOnly, 0},
    {"chroot", PathOnly, 0},
    {"unlinkat", Unlinkat, 0},
    {"mkdir", PathMode, 0},
    {"chmod", PathMode, 0},
    {"mkdirat", DirfdPathMode, 0},
    {"fchmodat", DirfdPathMode, 0},
    {"fchmod", FdMode, 0},
    {"rename", TwoPaths, 0},
    {"link", TwoPaths, 0},
    {"symlink", TwoPaths, 0},
    {"renameat", Renameat, 0},
    {"linkat", Linkat, 0},
    {"symlinkat", Symlinkat, 0},
    {"mknod", Mknod, 0},  // i386: a 32-bit dev_t, as u() reads it
    {"mknodat", Mknodat, 0},
    {"renameat2", Renameat2, 0},
    {"truncate", PathLength, kX86_64Only},
    {"ftruncate", FdLength, kX86_64Only},
    {"execve", Execve, 0},
    {"execveat", Execveat, 0},
    {"getcwd", Getcwd, 0},
    {"mmap", Mmap, kX86_64Only},
    {"mmap2", Mmap2, 0},
    {"mprotect", Mprotect, 0},
    {"munmap", Munmap, 0},
    {"mremap", Mremap, 0},
    {"brk", Brk, 0},
    {"clone", Clone, kRetPidFlag},
    {"clone3", Clone3, kRetPidFlag},
    {"fork", nullptr, kRetPidFlag},
    {"vfork", nullptr, kRetPidFlag},
    {"getpid", nullptr, kRetPidFlag},
    {"getppid", nullptr, kRetPidFlag},
    {"gettid", nullptr, kRetPidFlag},
    {"getpgrp", nullptr, kRetPgidFlag},
    {"kill", Kill, 0},
    {"tkill", Tkill, 0},
    {"tgkill", Tgkill, 0},
    {"rt_sigaction", RtSigaction, 0},
    {"rt_sigprocmask", RtSigprocmask, 0},
    {"rt_sigreturn", RtSigreturn, kX86_64Only},
    {"wait4", Wait4, kRetPidFlag},
    {"exit", IntArg, 0},
    {"exit_group", IntArg, 0},
    {"close", FdArg, 0},
    {"fsync", FdArg, 0},
    {"fdatasync", FdArg, 0},
    {"syncfs", FdArg, 0},
    {"readahead", Readahead, 0},
    {"fchdir", FdArg, 0},
    {"dup", Dup, 0},
    {"dup2", Dup2, 0},
    {"dup3", Dup3, 0},
    {"ioctl", Ioctl, 0},
    {"fcntl", Fcntl, 0},
    {"fcntl64", Fcntl, 0},
    {"umask", Umask, 0},
    {"lseek", Lseek, 0},
    {"nanosleep", Nanosleep, 0},
    {"clock_nanosleep", ClockNanosleep<false>, 0},
    {"clock_nanosleep_time64", ClockNanosleep<true>, 0},
    {"clock_gettime", ClockGettime<false>, 0},
    {"clock_gettime64", ClockGettime<true>, 0},
    {"clock_getres", ClockGettime<false>, 0},
    {"clock_getres_time64", ClockGettime<true>, 0},
    {"set_robust_list", SetRobustList, 0},
    {"pipe", Pipe, 0},
    {"pipe2", Pipe2, 0},
    // Generic arguments, but the result is an fd.
    {"inotify_init", nullptr, kRetFdFlag},
};

}  // namespace

void IoctlCommand(D& d, uint32_t code) { IoctlCode(d, code); }

void FileMode(D& d, uint32_t mode) { SymbolicMode(d, mode); }
void DeviceNumber(D& d, uint64_t dev) { Makedev(d, dev); }
void FcntlCommon(D& d) { Fcntl(d); }

void PrintStatFields(D& d, const StatFields& st) {
  const bool dev = S_ISCHR(st.mode) || S_ISBLK(st.mode);
  if (d.abbrev) {
    d.Put("{st_mode=");
    SymbolicMode(d, st.mode);
    if (dev) {
      d.Put(", st_rdev=");
      Makedev(d, st.rdev);
    } else {
      d.Put(", st_size=");
      d.Dec(st.size);
    }
    d.Put(", ...}");
    return;
  }
  d.Put("{st_dev=");
  Makedev(d, st.dev);
  d.Put(", st_ino=");
  d.Udec(st.ino);
  d.Put(", st_mode=");
  SymbolicMode(d, st.mode);
  d.Put(", st_nlink=");
  d.Udec(st.nlink);
  d.Put(", st_uid=");
  d.Udec(st.uid);
  d.Put(", st_gid=");
  d.Udec(st.gid);
  d.Put(", st_blksize=");
  d.Dec(st.blksize);
  d.Put(", st_blocks=");
  d.Dec(st.blocks);
  if (dev) {
    d.Put(", st_rdev=");
    Makedev(d, st.rdev);
  } else {
    d.Put(", st_size=");
    d.Dec(st.size);
  }
  const struct {
    const char* name;
    int64_t sec;
    uint64_t nsec;
  } times[] = {{"st_atime", st.atime, st.atime_nsec},
               {"st_mtime", st.mtime, st.mtime_nsec},
               {"st_ctime", st.ctime, st.ctime_nsec}};
  for (const auto& t : times) {
    d.Put(", ");
    d.Put(t.name);
    d.out->push_back('=');
    d.Dec(t.sec);
    TimeComment(d, t.sec, st.has_nsec ? t.nsec : 0);
    if (!st.has_nsec) continue;
    d.Put(", ");
    d.Put(t.name);
    d.Put("_nsec=");
    d.Udec(t.nsec);
  }
  d.out->push_back('}');
}

std::span<const Registration> CoreDecoders() { return kDecoders; }
void ProtFlags(D& d, uint64_t prot) { Prot(d, prot); }
void MmapFlagsOf(D& d, uint64_t flags) { MmapFlags(d, flags); }
void ReadLike(D& d) { Read(d); }
void SigHandler(D& d, uint64_t handler) { SigHandlerValue(d, handler); }
void SigactionOf(D& d, uint64_t handler, const uint8_t* mask, size_t mask_len,
                 uint64_t flags, uint64_t restorer) {
  SigactionFields(d, handler, mask, mask_len, flags, restorer);
}
void SigprocmaskHow(D& d, uint32_t how) {
  AppendXval(d.out, how, kSigprocmaskHow, "SIG_???");
}
void Waitpid(D& d) { WaitCommon(d, false); }

void Generic(D& d) {
  if (d.exiting) return;
  const SyscallTable& t = SyscallTable::Get();
  d.Raw(0, t.ArgCount(d.c.arch, d.c.nr));
}

// -e raw=: arguments and result in hex, whatever the syscall.
void Raw(D& d) {
  if (d.exiting) {
    *d.fmt = SyscallEvent::RetFormat::kRaw;
    return;
  }
  Generic(d);
}

void GenericRetFd(D& d) {
  if (d.exiting) return d.RetFd();
  Generic(d);
}

}  // namespace decode

ArgDecoder::ArgDecoder(MemoryReader* mem, const DecodeOptions& options)
    : mem_(mem), options_(options), table_(&SyscallTable::Get()) {
  using decode::Registration;
  const std::span<const Registration> tables[] = {
      decode::CoreDecoders(),    decode::ProcessDecoders(),
      decode::EventDecoders(),   decode::NetDecoders(),
      decode::FsDecoders(),      decode::IpcDecoders(),
      decode::NumaDecoders(),    decode::MiscDecoders(),
      decode::AdminDecoders(),   decode::I386FsDecoders(),
      decode::I386NetDecoders(), decode::I386ProcDecoders()};
  for (int a = 0; a < kNumArches; ++a) {
    std::bitset<SyscallTable::kMaxNr> own_raw;
    fns_[a].fill(&decode::Generic);
    for (const std::span<const Registration>& table : tables) {
      for (const Registration& r : table) {
        if (a != 0 && (r.flags & decode::kX86_64Only)) continue;
        if (kArches[a] != kArchI386 && (r.flags & decode::kI386Only)) continue;
        const int nr = table_->Number(kArches[a], r.name);
        if (nr < 0) continue;
        if (r.fn != nullptr) {
          fns_[a][nr] = r.fn;
        } else if (r.flags & decode::kRetFdFlag) {
          fns_[a][nr] = &decode::GenericRetFd;
        }
        if (r.flags & decode::kRetPidFlag) ret_pid_[a][nr] = kRetPid;
        if (r.flags & decode::kRetPgidFlag) ret_pid_[a][nr] = kRetPgid;
        if (r.flags & decode::kRetSidFlag) ret_pid_[a][nr] = kRetSid;
        own_raw[nr] = (r.flags & decode::kOwnRaw) != 0;
      }
    }
    registered_fns_[a] = fns_[a];
    for (int nr = 0; nr < SyscallTable::kMaxNr; ++nr) {
      if (options_.raw.Traced(kArches[a], nr) && !own_raw[nr]) {
        fns_[a][nr] = &decode::Raw;
        ret_pid_[a][nr] = kRetNone;
      }
    }
  }
  scratch_.reserve(4096);
  scratch2_.reserve(256);
}

bool ArgDecoder::IsError(const SyscallCall& c, int64_t ret) {
  if (ret >= 0 || ret < -4095) return false;
  return (SyscallTable::Get().Classes(c.arch, c.nr) & kNeverFails) == 0;
}

ArgDecoder::DecodeFn ArgDecoder::DecoderFor(uint32_t arch, int64_t nr) const {
  const int a = ArchIndex(arch);
  if (a < 0 || nr < 0 || nr >= SyscallTable::kMaxNr) return &decode::Generic;
  return fns_[a][nr];
}

ArgDecoder::DecodeFn ArgDecoder::RegisteredDecoderFor(uint32_t arch,
                                                      int64_t nr) const {
  const int a = ArchIndex(arch);
  if (a < 0 || nr < 0 || nr >= SyscallTable::kMaxNr) return &decode::Generic;
  return registered_fns_[a][nr];
}

int32_t ArgDecoder::FilterNumber(const SyscallCall& c) {
  if (c.arch == kArchI386) return decode::I386FilterNumber(*this, c);
  return static_cast<int32_t>(ttrace::FilterNumber(c.nr));
}

void ArgDecoder::AppendFdInfo(pid_t tid, int fd, std::string* out) {
  if (!options_.any_fd_info() || fd < 0) return;
  const SyscallCall c{.tid = tid};
  Decoding d(this, c, false, 0, out, nullptr, nullptr);
  d.AppendFdPath(out, fd);
}

void ArgDecoder::DecodeEntry(const SyscallCall& c, std::string* out) {
  matched_ = !filtering_paths();
  entry_name_ = nullptr;
  Decode(c, false, 0, out, nullptr, nullptr);
}

void ArgDecoder::MatchPathAt(pid_t tid, uint64_t addr) {
  if (matched_) return;
  bool truncated = false;
  if (!mem_->ReadString(tid, addr, 4096, &match_scratch_, &truncated)) return;
  for (const std::string& p : options_.trace_paths) {
    if (p == match_scratch_) matched_ = true;
  }
}

void ArgDecoder::MatchFd(pid_t tid, int fd) {
  if (matched_ || !mem_->ReadFdPath(tid, fd, &match_scratch_)) return;
  for (const std::string& p : options_.trace_paths) {
    if (p == match_scratch_) matched_ = true;
  }
}

void ArgDecoder::DecodeExit(const SyscallCall& c, int64_t ret, std::string* out,
                            SyscallEvent::RetFormat* fmt,
                            std::string* ret_suffix) {
  SyscallEvent::RetFormat ignored;
  if (fmt == nullptr) fmt = &ignored;
  *fmt = SyscallEvent::RetFormat::kDecimal;
  if (ret_suffix != nullptr) ret_suffix->clear();
  has_shown_result_ = false;
  Decode(c, true, ret, out, fmt, ret_suffix);
}

bool ArgDecoder::IsRestart(int64_t ret) { return decode::IsErestart(ret); }

void ArgDecoder::NoteExit(const SyscallCall& c, int64_t ret) {
  if (ret == -516) decode::NoteInterrupted(c, ret);
}

void ArgDecoder::Decode(const SyscallCall& c, bool exiting, int64_t ret,
                        std::string* out, SyscallEvent::RetFormat* fmt,
                        std::string* ret_suffix) {
  // -X: every printing helper below follows the style.
  ScopedXlatStyle style(options_.xlat_style);
  const int a = ArchIndex(c.arch);
  DecodeFn fn = &decode::Generic;
  if (a >= 0 && c.nr >= 0 && c.nr < SyscallTable::kMaxNr) fn = fns_[a][c.nr];
  Decoding d(this, c, exiting, ret, out, fmt, ret_suffix);
  fn(d);
  if (exiting && (options_.decode_pids || options_.pidns_translation) &&
      ret_suffix != nullptr && a >= 0 && c.nr >= 0 &&
      c.nr < SyscallTable::kMaxNr && ret_pid_[a][c.nr] != kRetNone) {
    const RetPid kind = ret_pid_[a][c.nr];
    if (options_.decode_pids && kind == kRetPid) d.AppendComm(ret_suffix, ret);
    d.AppendPidNs(ret_suffix, ret,
                  kind == kRetPgid  ? IdKind::kPgid
                  : kind == kRetSid ? IdKind::kSid
                                    : IdKind::kPid);
  }
  if (exiting && ret == -516 && !replaying_) decode::NoteInterrupted(c, ret);
}

}  // namespace ttrace
