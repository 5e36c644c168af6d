// Files and file descriptors: statfs/fstatfs, getdents/getdents64, the
// readv/writev family, ownership and timestamps (chown family,
// utimensat), space and locking (fallocate, sync_file_range, flock),
// inotify, memfd_create, and in-kernel copies (copy_file_range, sendfile,
// splice, tee, vmsplice), mount and umount2.
#include <cstring>
#include <type_traits>

#include "tracer/syscalls/decoding.h"
#include "tracer/syscalls/format.h"

namespace ttrace {
namespace decode {

namespace {

constexpr XlatEntry kFsMagic[] = {
    {0x0000002f, "QNX4_SUPER_MAGIC"},
    {0x00000033, "Z3FOLD_MAGIC"},
    {0x00000187, "AUTOFS_SUPER_MAGIC"},
    {0x00001373, "DEVFS_SUPER_MAGIC"},
    {0x0000137d, "EXT_SUPER_MAGIC"},
    {0x0000137f, "MINIX_SUPER_MAGIC"},
    {0x0000138f, "MINIX_SUPER_MAGIC2"},
    {0x00001cd1, "DEVPTS_SUPER_MAGIC"},
    {0x00002468, "MINIX2_SUPER_MAGIC"},
    {0x00002478, "MINIX2_SUPER_MAGIC2"},
    {0x00003434, "NILFS_SUPER_MAGIC"},
    {0x00004244, "HFS_SUPER_MAGIC"},
    {0x0000482b, "HFSPLUS_SUPER_MAGIC"},
    {0x00004d44, "MSDOS_SUPER_MAGIC"},
    {0x00004d5a, "MINIX3_SUPER_MAGIC"},
    {0x0000517b, "SMB_SUPER_MAGIC"},
    {0x0000564c, "NCP_SUPER_MAGIC"},
    {0x00005df5, "EXOFS_SUPER_MAGIC"},
    {0x00006969, "NFS_SUPER_MAGIC"},
    {0x00007275, "ROMFS_MAGIC"},
    {0x000072b6, "JFFS2_SUPER_MAGIC"},
    {0x00009660, "ISOFS_SUPER_MAGIC"},
    {0x00009fa0, "PROC_SUPER_MAGIC"},
    {0x00009fa1, "OPENPROM_SUPER_MAGIC"},
    {0x00009fa2, "USBDEVICE_SUPER_MAGIC"},
    {0x0000adf5, "ADFS_SUPER_MAGIC"},
    {0x0000adff, "AFFS_SUPER_MAGIC"},
    {0x0000ef51, "EXT2_OLD_SUPER_MAGIC"},
    {0x0000ef53, "EXT2_SUPER_MAGIC"},
    {0x0000f15f, "ECRYPTFS_SUPER_MAGIC"},
    {0x00011954, "UFS_MAGIC"},
    {0x0027e0eb, "CGROUP_SUPER_MAGIC"},
    {0x00414a53, "EFS_SUPER_MAGIC"},
    {0x00c0ffee, "HOSTFS_SUPER_MAGIC"},
    {0x00c36400, "CEPH_SUPER_MAGIC"},
    {0x01021994, "TMPFS_MAGIC"},
    {0x01021997, "V9FS_MAGIC"},
    {0x01161970, "GFS2_MAGIC"},
    {0x012fd16d, "XIAFS_SUPER_MAGIC"},
    {0x012ff7b4, "XENIX_SUPER_MAGIC"},
    {0x012ff7b5, "SYSV4_SUPER_MAGIC"},
    {0x012ff7b6, "SYSV2_SUPER_MAGIC"},
    {0x012ff7b7, "COH_SUPER_MAGIC"},
    {0x02011994, "SHMFS_SUPER_MAGIC"},
    {0x09041934, "ANON_INODE_FS_MAGIC"},
    {0x0bad1dea, "FUTEXFS_SUPER_MAGIC"},
    {0x0bd00bd0, "LL_SUPER_MAGIC"},
    {0x0bd00bd1, "LUSTRE_SUPER_MAGIC"},
    {0x11307854, "MTD_INODE_FS_MAGIC"},
    {0x13661366, "BALLOON_KVM_MAGIC"},
    {0x15013346, "UDF_SUPER_MAGIC"},
    {0x1badface, "BFS_MAGIC"},
    {0x2011bab0, "EXFAT_SUPER_MAGIC"},
    {0x24051905, "UBIFS_SUPER_MAGIC"},
    {0x28cd3d45, "CRAMFS_MAGIC"},
    {0x2fc12fc1, "ZFS_SUPER_MAGIC"},
    {0x3153464a, "JFS_SUPER_MAGIC"},
    {0x42465331, "BEFS_SUPER_MAGIC"},
    {0x42494e4d, "BINFMTFS_MAGIC"},
    {0x43415d53, "SMACK_MAGIC"},
    {0x444d4142, "DMA_BUF_MAGIC"},
    {0x453dcd28, "CRAMFS_MAGIC_WEND"},
    {0x454d444d, "DEVMEM_MAGIC"},
    {0x47504653, "GPFS_SUPER_MAGIC"},
    {0x50495045, "PIPEFS_MAGIC"},
    {0x52654973, "REISERFS_SUPER_MAGIC"},
    {0x5345434d, "SECRETMEM_MAGIC"},
    {0x5346414f, "AFS_SUPER_MAGIC"},
    {0x5346544e, "NTFS_SB_MAGIC"},
    {0x534f434b, "SOCKFS_MAGIC"},
    {0x54190100, "UFS_CIGAM"},
    {0x565a4653, "VZFS_SUPER_MAGIC"},
    {0x57ac6e9d, "STACK_END_MAGIC"},
    {0x58295829, "ZSMALLOC_MAGIC"},
    {0x58465342, "XFS_SUPER_MAGIC"},
    {0x5a3c69f0, "AAFS_MAGIC"},
    {0x5a4f4653, "ZONEFS_MAGIC"},
    {0x6165676c, "PSTOREFS_MAGIC"},
    {0x61756673, "AUFS_SUPER_MAGIC"},
    {0x62646576, "BDEVFS_MAGIC"},
    {0x62656570, "CONFIGFS_MAGIC"},
    {0x62656572, "SYSFS_MAGIC"},
    {0x63677270, "CGROUP2_SUPER_MAGIC"},
    {0x64626720, "DEBUGFS_MAGIC"},
    {0x64646178, "DAXFS_MAGIC"},
    {0x65735543, "FUSE_CTL_SUPER_MAGIC"},
    {0x65735546, "FUSE_SUPER_MAGIC"},
    {0x68191122, "QNX6_SUPER_MAGIC"},
    {0x6b414653, "AFS_FS_MAGIC"},
    {0x6c6f6f70, "BINDERFS_SUPER_MAGIC"},
    {0x6e736673, "NSFS_MAGIC"},
    {0x73636673, "SECURITYFS_MAGIC"},
    {0x73717368, "SQUASHFS_MAGIC"},
    {0x73727279, "BTRFS_TEST_MAGIC"},
    {0x73757245, "CODA_SUPER_MAGIC"},
    {0x7461636f, "OCFS2_SUPER_MAGIC"},
    {0x74726163, "TRACEFS_MAGIC"},
    {0x794c7630, "OVERLAYFS_SUPER_MAGIC"},
    {0x858458f6, "RAMFS_MAGIC"},
    {0x9123683e, "BTRFS_SUPER_MAGIC"},
    {0x958458f6, "HUGETLBFS_MAGIC"},
    {0xa501fcf5, "VXFS_SUPER_MAGIC"},
    {0xabba1974, "XENFS_SUPER_MAGIC"},
    {0xc7571590, "PPC_CMM_MAGIC"},
    {0xc97e8168, "LOGFS_MAGIC"},
    {0xcafe4a11, "BPF_FS_MAGIC"},
    {0xde5e81e4, "EFIVARFS_MAGIC"},
    {0xe0f5e1e2, "EROFS_SUPER_MAGIC_V1"},
    {0xf2f52010, "F2FS_SUPER_MAGIC"},
    {0xf97cff8c, "SELINUX_MAGIC"},
    {0xf995e849, "HPFS_SUPER_MAGIC"},
    {0xfe534d42, "SMB2_SUPER_MAGIC"},
    {0xff534d42, "CIFS_SUPER_MAGIC"},
};
constexpr XlatEntry kStatfsFlags[] = {
    {0x20, "ST_VALID"},        {0x1, "ST_RDONLY"},
    {0x2, "ST_NOSUID"},        {0x4, "ST_NODEV"},
    {0x8, "ST_NOEXEC"},        {0x10, "ST_SYNCHRONOUS"},
    {0x40, "ST_MANDLOCK"},     {0x400, "ST_NOATIME"},
    {0x800, "ST_NODIRATIME"},  {0x1000, "ST_RELATIME"},
    {0x100, "ST_NOSYMFOLLOW"},
};
constexpr XlatEntry kDirentTypes[] = {
    {0, "DT_UNKNOWN"}, {1, "DT_FIFO"},  {2, "DT_CHR"},
    {4, "DT_DIR"},     {6, "DT_BLK"},   {8, "DT_REG"},
    {10, "DT_LNK"},    {12, "DT_SOCK"}, {14, "DT_WHT"},
};
constexpr XlatEntry kFlockOps[] = {
    {1, "LOCK_SH"},    {2, "LOCK_EX"},   {4, "LOCK_NB"},    {8, "LOCK_UN"},
    {32, "LOCK_MAND"}, {192, "LOCK_RW"}, {64, "LOCK_READ"}, {128, "LOCK_WRITE"},
};
constexpr XlatEntry kInotifyInitFlags[] = {{04000, "IN_NONBLOCK"},
                                           {02000000, "IN_CLOEXEC"}};
constexpr XlatEntry kInotifyMask[] = {
    {0x1, "IN_ACCESS"},
    {0x2, "IN_MODIFY"},
    {0x4, "IN_ATTRIB"},
    {0x8, "IN_CLOSE_WRITE"},
    {0x10, "IN_CLOSE_NOWRITE"},
    {0x20, "IN_OPEN"},
    {0x40, "IN_MOVED_FROM"},
    {0x80, "IN_MOVED_TO"},
    {0x100, "IN_CREATE"},
    {0x200, "IN_DELETE"},
    {0x400, "IN_DELETE_SELF"},
    {0x800, "IN_MOVE_SELF"},
    {0x2000, "IN_UNMOUNT"},
    {0x4000, "IN_Q_OVERFLOW"},
    {0x8000, "IN_IGNORED"},
    {0x1000000, "IN_ONLYDIR"},
    {0x2000000, "IN_DONT_FOLLOW"},
    {0x4000000, "IN_EXCL_UNLINK"},
    {0x10000000, "IN_MASK_CREATE"},
    {0x20000000, "IN_MASK_ADD"},
    {0x40000000, "IN_ISDIR"},
    {0x80000000, "IN_ONESHOT"},
};
constexpr XlatEntry kMemfdFlags[] = {
    {1, "MFD_CLOEXEC"}, {2, "MFD_ALLOW_SEALING"}, {4, "MFD_HUGETLB"}};
constexpr XlatEntry kSpliceFlags[] = {{1, "SPLICE_F_MOVE"},
                                      {2, "SPLICE_F_NONBLOCK"},
                                      {4, "SPLICE_F_MORE"},
                                      {8, "SPLICE_F_GIFT"}};

// ---------------------------------------------------------------------------
// statfs, fstatfs (x86_64 struct statfs).
// ---------------------------------------------------------------------------
void PrintStatfs(D& d, uint64_t addr) {
  struct {
    int64_t type, bsize;
    uint64_t blocks, bfree, bavail, files, ffree;
    int32_t fsid[2];
    int64_t namelen, frsize, flags, spare[4];
  } st;
  if (!d.FetchOut(addr, &st, sizeof(st))) return;
  StatfsFields f;
  f.type = static_cast<uint64_t>(st.type);
  f.bsize = st.bsize;
  f.blocks = st.blocks;
  f.bfree = st.bfree;
  f.bavail = st.bavail;
  f.files = st.files;
  f.ffree = st.ffree;
  f.fsid[0] = static_cast<uint32_t>(st.fsid[0]);
  f.fsid[1] = static_cast<uint32_t>(st.fsid[1]);
  f.namelen = st.namelen;
  f.frsize = st.frsize;
  f.flags = static_cast<uint64_t>(st.flags);
  PrintStatfsFields(d, f);
}

void Statfs(D& d) {
  if (d.entering()) {
    d.Path(0);
    d.Sep();
    return;
  }
  PrintStatfs(d, d.u(1));
}

void Fstatfs(D& d) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    return;
  }
  PrintStatfs(d, d.u(1));
}

// ---------------------------------------------------------------------------
// getdents64, getdents (strace's xgetdents).
// ---------------------------------------------------------------------------
template <bool k64>
void Getdents(D& d) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();  // strace splits after it: "getdents64(3, <unfinished ...>"
    return;
  }
  const uint32_t count = d.u32(2);
  uint64_t addr = d.u(1);
  if (d.failed() || !d.verbose || static_cast<uint64_t>(d.ret) > count) {
    d.Ptr(addr);
    d.Sep();
    d.Udec(count);
    return;
  }
  // linux_dirent64: ino, off, reclen, type, name; linux_dirent: ino, off,
  // reclen, name, ..., type in the record's last byte (its ino and off are
  // 32-bit on i386).
  const bool narrow = !k64 && d.i386;
  const uint32_t kHeader = k64 ? 19 : narrow ? 10 : 18;
  const bool abbrev = d.abbrev;
  uint32_t len = static_cast<uint32_t>(d.ret);
  uint32_t n = 0;
  if (abbrev) d.Ptr(addr);
  for (;;) {
    if (len < kHeader) {
      if (!abbrev) {
        if (len == 0) {
          d.out->push_back('[');
          ++n;
        } else {
          d.BufHex(addr, len);
        }
      }
      break;
    }
    uint8_t head[19];
    if (!d.Peek(addr, head, kHeader)) {
      if (!abbrev) {
        if (n != 0) {
          d.Put("... /* ");
          d.Hex(addr);
          d.Put(" */");
        } else {
          d.Ptr(addr);
        }
      }
      break;
    }
    if (!abbrev && n == 0) d.out->push_back('[');
    ++n;
    uint64_t ino, off;
    uint16_t reclen16;
    if (narrow) {
      uint32_t ino32, off32;
      memcpy(&ino32, head, 4);
      memcpy(&off32, head + 4, 4);
      memcpy(&reclen16, head + 8, 2);
      ino = ino32;
      off = off32;
    } else {
      memcpy(&ino, head, 8);
      memcpy(&off, head + 8, 8);
      memcpy(&reclen16, head + 16, 2);
    }
    uint32_t reclen = reclen16;
    if (!abbrev) {
      d.Put("{d_ino=");
      d.Udec(ino);
      d.Put(", d_off=");
      d.Udec(off);
      d.Put(", d_reclen=");
      d.Udec(reclen);
    }
    uint64_t next_addr = 0;
    uint32_t next_len = 0;
    if (reclen > len) {
      d.Put(abbrev ? " /* d_reclen " : " /* ");
      d.Udec(reclen - len);
      d.Put(" bytes overflow */");
      reclen = len;
    } else if (reclen < kHeader) {
      d.Put(abbrev ? " /* d_reclen " : " /* ");
      d.Udec(kHeader - reclen);
      d.Put(" bytes underflow */");
      reclen = kHeader;
      next_len = len - kHeader;
    } else {
      next_len = len - reclen;
      if (next_len != 0) next_addr = addr + reclen;
    }
    len = next_len;
    if (!abbrev) {
      uint32_t name_len = reclen - kHeader;
      if (k64) {
        d.Put(", d_type=");
        d.Xval(head[18], kDirentTypes, "DT_???");
        if (name_len != 0) {
          d.Put(", d_name=");
          d.CStr(addr + kHeader, name_len > 256 ? 256 : name_len);
        }
      } else {
        uint8_t type = 0;
        const bool have_type =
            name_len != 0 && d.Peek(addr + reclen - 1, &type, 1);
        if (name_len != 0) --name_len;
        d.Put(", d_name=");
        d.CStr(addr + kHeader, name_len > 256 ? 256 : name_len);
        d.Put(", d_type=");
        if (have_type) {
          d.Xval(type, kDirentTypes, "DT_???");
        } else {
          d.Put("?");
        }
      }
      d.out->push_back('}');
      if (next_addr != 0) d.Sep();
    }
    if (next_addr == 0) break;
    addr = next_addr;
  }
  if (abbrev) {
    d.Put(" /* ");
    d.Udec(n);
    if (len != 0) d.out->push_back('+');
    d.Put(" entries */");
  } else if (n != 0) {
    d.out->push_back(']');
  }
  d.Sep();
  d.Udec(count);
}

// ---------------------------------------------------------------------------
// readv/writev family.
// ---------------------------------------------------------------------------
void Readv(D& d) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    return;
  }
  Iovecs(d, d.u(1), d.u(2), static_cast<uint64_t>(d.ret), d.failed());
  d.Sep();
  d.Udec(d.u(2));
}

void Writev(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  Iovecs(d, d.u(1), d.u(2), ~0ull, false);
  d.Sep();
  d.Udec(d.u(2));
}

// preadv(fd, iov, iovcnt, pos_l, pos_h[, flags]): the offset is one
// register on x86_64 (pos_h unused), the pair on i386.
void PreadvCommon(D& d, bool flags) {
  Readv(d);
  if (d.entering()) return;
  d.Sep();
  d.Dec(d.s64(3));
  if (flags) {
    d.Sep();
    d.Flags(d.u32(5), kRwfFlags, "RWF_???");
  }
}

void PwritevCommon(D& d, bool flags) {
  if (d.exiting) return;
  Writev(d);
  d.Sep();
  d.Dec(d.s64(3));
  if (flags) {
    d.Sep();
    d.Flags(d.u32(5), kRwfFlags, "RWF_???");
  }
}

void Preadv(D& d) { PreadvCommon(d, false); }
void Preadv2(D& d) { PreadvCommon(d, true); }
void Pwritev(D& d) { PwritevCommon(d, false); }
void Pwritev2(D& d) { PwritevCommon(d, true); }

// ---------------------------------------------------------------------------
// Ownership and timestamps.
// ---------------------------------------------------------------------------
void Chown(D& d) {  // chown, lchown
  if (d.exiting) return;
  d.Path(0);
  d.Sep();
  PrintId(d, d.u32(1));
  d.Sep();
  PrintId(d, d.u32(2));
}

void Fchown(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  PrintId(d, d.u32(1));
  d.Sep();
  PrintId(d, d.u32(2));
}

void Fchownat(D& d) {
  if (d.exiting) return;
  d.DirFd(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  PrintId(d, d.u32(2));
  d.Sep();
  PrintId(d, d.u32(3));
  d.Sep();
  d.Flags(d.u32(4), kAtFlags, "AT_???");
}

void UtimeTimespec(D& d, int64_t sec, int64_t nsec) {
  const bool now = nsec == (1l << 30) - 1;
  if ((now || nsec == (1l << 30) - 2) &&
      CurrentXlatStyle() != XlatStyle::kAbbrev) {
    // -X: the timespec, and (verbose) the name in a comment after it.
    d.Put("{tv_sec=");
    d.Dec(sec);
    d.Put(", tv_nsec=");
    d.Dec(nsec);
    d.out->push_back('}');
    if (CurrentXlatStyle() == XlatStyle::kVerbose) {
      d.Put(now ? " /* UTIME_NOW */" : " /* UTIME_OMIT */");
    }
  } else if (now) {
    d.Put("UTIME_NOW");
  } else if (nsec == (1l << 30) - 2) {
    d.Put("UTIME_OMIT");
  } else {
    d.Put("{tv_sec=");
    d.Dec(sec);
    d.Put(", tv_nsec=");
    d.Dec(nsec);
    d.out->push_back('}');
    TimeComment(d, sec, static_cast<uint64_t>(nsec));
  }
}

// "[atime, mtime]" (ts: their tv_sec, tv_nsec), cut after -s elements.
void UtimeTimespecs(D& d, const int64_t* ts) {
  d.out->push_back('[');
  for (int i = 0; i < 2; ++i) {
    if (i > 0) d.Sep();
    if (d.Elided(i)) break;
    UtimeTimespec(d, ts[2 * i], ts[2 * i + 1]);
  }
  d.out->push_back(']');
}

// utimensat; `time64`: 64-bit timespecs on i386 too (utimensat_time64).
void UtimensatAbi(D& d, bool time64) {
  if (d.exiting) return;
  d.DirFd(0);
  d.Sep();
  if (d.u(1) == 0) {
    d.Put("NULL");
  } else {
    d.Path(1);
  }
  d.Sep();
  int64_t ts[4];
  if (d.i386 && !time64) {
    int32_t ts32[4];
    if (d.Fetch(d.u(2), ts32, sizeof(ts32))) {
      for (int i = 0; i < 4; ++i) ts[i] = ts32[i];
      UtimeTimespecs(d, ts);
    }
  } else if (d.Fetch(d.u(2), ts, sizeof(ts))) {
    UtimeTimespecs(d, ts);
  }
  d.Sep();
  // strace's whole AT_* table, not only the flags utimensat takes.
  d.Flags(d.u32(3), kAtFlags, "AT_???");
}

void Utimensat(D& d) { UtimensatAbi(d, false); }

// ---------------------------------------------------------------------------
// Space, syncing and locks.
// ---------------------------------------------------------------------------
// sync_file_range(fd, loff_t offset, loff_t nbytes, flags).
void SyncFileRange(D& d) {
  if (d.exiting) return;
  const int w = d.slots64();
  d.Fd(0);
  d.Sep();
  d.Dec(d.s64(1));
  d.Sep();
  d.Dec(d.s64(1 + w));
  d.Sep();
  d.Flags(d.u32(1 + 2 * w), kSyncFileRangeFlags, "SYNC_FILE_RANGE_???");
}

// fallocate(fd, mode, loff_t offset, loff_t len).
void Fallocate(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Flags(d.u32(1), kFallocFlags, "FALLOC_FL_???");
  d.Sep();
  d.Dec(d.s64(2));
  d.Sep();
  d.Dec(d.s64(2 + d.slots64()));
}

void Flock(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Flags(d.u32(1), kFlockOps, "LOCK_???");
}

// ---------------------------------------------------------------------------
// inotify, memfd_create.
// ---------------------------------------------------------------------------
void InotifyInit1(D& d) {
  if (d.exiting) return d.RetFd();
  d.Flags(d.u32(0), kInotifyInitFlags, "IN_???");
}

void InotifyAddWatch(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  d.Flags(d.u32(2), kInotifyMask, "IN_???");
}

void InotifyRmWatch(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Dec(d.i32(1));
}

void MemfdCreate(D& d) {
  if (d.exiting) return d.RetFd();
  const size_t limit = d.opt().string_limit < 249 ? d.opt().string_limit : 249;
  d.CStr(d.u(0), limit);
  d.Sep();
  const uint32_t flags = d.u32(1);
  const uint32_t huge = flags >> 26;
  const uint32_t rest = flags & ((1u << 26) - 1);
  if (flags == 0) return d.Put("0");
  // One constant for -X, the page size's part included: "0x54000004",
  // "0x54000004 /* MFD_HUGETLB|21<<MFD_HUGE_SHIFT */"; strace nests the
  // unknown bits' comment: "0x40 /* 0x40 /* MFD_??? */ */".
  const size_t mark = d.out->size();
  {
    ScopedXlatStyle abbrev(XlatStyle::kAbbrev);
    if (rest != 0) d.Flags(rest, kMemfdFlags, "MFD_???");
    if (huge != 0) {
      if (rest != 0) d.out->push_back('|');
      d.Udec(huge);
      d.Put("<<MFD_HUGE_SHIFT");
    }
  }
  RestyleConst(d.out, mark, RawConst::Hex(flags));
}

// ---------------------------------------------------------------------------
// In-kernel copies.
// ---------------------------------------------------------------------------
// "[123]" from a 64-bit value in memory, NULL, or the address.
void Int64Ref(D& d, uint64_t addr, bool is_unsigned) {
  int64_t v;
  if (!d.Fetch(addr, &v, sizeof(v))) return;
  d.out->push_back('[');
  if (is_unsigned) {
    d.Udec(static_cast<uint64_t>(v));
  } else {
    d.Dec(v);
  }
  d.out->push_back(']');
}

void CopyFileRange(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  Int64Ref(d, d.u(1), false);
  d.Sep();
  d.Fd(2);
  d.Sep();
  Int64Ref(d, d.u(3), false);
  d.Sep();
  d.Udec(d.u(4));
  d.Sep();
  d.Udec(d.u32(5));
}

// sendfile (x86_64: off_t, i386: a 32-bit one) and sendfile64 (loff_t):
// the offset at entry, the updated one at exit ("[1] => [5]").
template <typename Off>
void SendfileOf(D& d) {
  const uint64_t off = d.u(2);
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    d.Fd(1);
    d.Sep();
    Off v;
    if (!d.Fetch(off, &v, sizeof(v))) {
      ForgetSaved(d);
      d.Sep();
      d.Udec(d.u(3));
      return;
    }
    SaveForExit(d, static_cast<int64_t>(v));  // marks: the count at exit
    d.out->push_back('[');
    d.Udec(static_cast<std::make_unsigned_t<Off>>(v));
    d.out->push_back(']');
    return;
  }
  int64_t saved;
  if (!TakeSaved(d, &saved)) return;  // all printed at entry
  if (!d.failed() && d.ret != 0) {
    d.Put(" => ");
    Off v;
    if (d.Fetch(off, &v, sizeof(v))) {
      d.out->push_back('[');
      d.Udec(static_cast<std::make_unsigned_t<Off>>(v));
      d.out->push_back(']');
    }
  }
  d.Sep();
  d.Udec(d.u(3));
}

void Splice(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  Int64Ref(d, d.u(1), false);
  d.Sep();
  d.Fd(2);
  d.Sep();
  Int64Ref(d, d.u(3), false);
  d.Sep();
  d.Udec(d.u(4));
  d.Sep();
  d.Flags(d.u32(5), kSpliceFlags, "SPLICE_F_???");
}

void Tee(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Fd(1);
  d.Sep();
  d.Udec(d.u(2));
  d.Sep();
  d.Flags(d.u32(3), kSpliceFlags, "SPLICE_F_???");
}

void Vmsplice(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  Iovecs(d, d.u(1), d.u(2), ~0ull, false);
  d.Sep();
  d.Udec(d.u(2));
  d.Sep();
  d.Flags(d.u32(3), kSpliceFlags, "SPLICE_F_???");
}

// ---------------------------------------------------------------------------
// Extended attributes, fadvise64.
// ---------------------------------------------------------------------------
constexpr XlatEntry kXattrFlags[] = {{1, "XATTR_CREATE"}, {2, "XATTR_REPLACE"}};
constexpr uint64_t kXattrSizeMax = 65536;

void XattrValue(D& d, uint64_t addr, uint64_t size) {
  if (size > kXattrSizeMax) {
    d.Ptr(addr);
  } else {
    d.Buf(addr, static_cast<int64_t>(size), /*omit_trailing_nul=*/true);
  }
}

// setxattr(path, name, value, size, flags), fsetxattr(fd, ...).
template <bool kFd>
void Setxattr(D& d) {
  if (d.exiting) return;
  if (kFd) {
    d.Fd(0);
  } else {
    d.Path(0);
  }
  d.Sep();
  d.Str(1);
  d.Sep();
  XattrValue(d, d.u(2), d.u(3));
  d.Sep();
  d.Udec(d.u(3));
  d.Sep();
  d.Flags(d.u32(4), kXattrFlags, "XATTR_???");
}

// getxattr(path, name, value, size), fgetxattr(fd, ...).
template <bool kFd>
void Getxattr(D& d) {
  if (d.entering()) {
    if (kFd) {
      d.Fd(0);
    } else {
      d.Path(0);
    }
    d.Sep();
    d.Str(1);
    d.Sep();
    return;
  }
  if (d.failed()) {
    d.Ptr(d.u(2));
  } else {
    XattrValue(d, d.u(2), static_cast<uint64_t>(d.ret));
  }
  d.Sep();
  d.Udec(d.u(3));
}

// listxattr(path, list, size), flistxattr(fd, ...).
template <bool kFd>
void Listxattr(D& d) {
  if (d.entering()) {
    if (kFd) {
      d.Fd(0);
    } else {
      d.Path(0);
    }
    d.Sep();
    return;
  }
  if (d.u(2) == 0 || d.failed()) {
    d.Ptr(d.u(1));
  } else {
    d.Buf(d.u(1), d.ret);
  }
  d.Sep();
  d.Udec(d.u(2));
}

template <bool kFd>
void Removexattr(D& d) {
  if (d.exiting) return;
  if (kFd) {
    d.Fd(0);
  } else {
    d.Path(0);
  }
  d.Sep();
  d.Str(1);
}

// fadvise64(fd, loff_t offset, len, advice): len is 64-bit on x86_64, a
// 32-bit size on i386 (kLen64 false); i386's fadvise64_64 has a 64-bit
// one.
template <bool kLen64>
void Fadvise(D& d) {
  if (d.exiting) return;
  const int len = 1 + d.slots64();
  d.Fd(0);
  d.Sep();
  d.Dec(d.s64(1));
  d.Sep();
  if (kLen64) {
    d.Dec(d.s64(len));
  } else {
    d.Udec(d.u32(len));
  }
  d.Sep();
  d.Xval(d.u32(len + (kLen64 ? d.slots64() : 1)), kFadvise, "POSIX_FADV_???");
}

// close_range(first, last, flags): both bounds unsigned (~0U: "to the
// end"), not annotated by -y (strace prints them as numbers).
constexpr XlatEntry kCloseRangeFlags[] = {{2, "CLOSE_RANGE_UNSHARE"},
                                          {4, "CLOSE_RANGE_CLOEXEC"}};

void CloseRange(D& d) {
  if (d.exiting) return;
  d.Udec(d.u32(0));
  d.Sep();
  d.Udec(d.u32(1));
  d.Sep();
  d.Flags(d.u32(2), kCloseRangeFlags, "CLOSE_RANGE_???");
}

// ---------------------------------------------------------------------------
// mount, umount2.
// ---------------------------------------------------------------------------
constexpr XlatEntry kMountFlags[] = {
    {1u << 0, "MS_RDONLY"},        {1u << 1, "MS_NOSUID"},
    {1u << 2, "MS_NODEV"},         {1u << 3, "MS_NOEXEC"},
    {1u << 4, "MS_SYNCHRONOUS"},   {1u << 5, "MS_REMOUNT"},
    {1u << 6, "MS_MANDLOCK"},      {1u << 7, "MS_DIRSYNC"},
    {1u << 8, "MS_NOSYMFOLLOW"},   {1u << 10, "MS_NOATIME"},
    {1u << 11, "MS_NODIRATIME"},   {1u << 12, "MS_BIND"},
    {1u << 13, "MS_MOVE"},         {1u << 14, "MS_REC"},
    {1u << 15, "MS_SILENT"},       {1u << 16, "MS_POSIXACL"},
    {1u << 17, "MS_UNBINDABLE"},   {1u << 18, "MS_PRIVATE"},
    {1u << 19, "MS_SLAVE"},        {1u << 20, "MS_SHARED"},
    {1u << 21, "MS_RELATIME"},     {1u << 22, "MS_KERNMOUNT"},
    {1u << 23, "MS_I_VERSION"},    {1u << 24, "MS_STRICTATIME"},
    {1u << 25, "MS_LAZYTIME"},     {1u << 26, "MS_SUBMOUNT"},
    {1u << 27, "MS_NOREMOTELOCK"}, {1u << 28, "MS_NOSEC"},
    {1u << 29, "MS_BORN"},         {1u << 30, "MS_ACTIVE"},
    {1u << 31, "MS_NOUSER"},
};
constexpr XlatEntry kUmountFlags[] = {{1, "MNT_FORCE"},
                                      {2, "MNT_DETACH"},
                                      {4, "MNT_EXPIRE"},
                                      {8, "UMOUNT_NOFOLLOW"}};
constexpr uint32_t kMsMgcVal = 0xc0ed0000u;
constexpr uint32_t kMsMgcMask = 0xffff0000u;

// mount(source, target, type, flags, data). The flags are an int to
// strace: the old magic in their high half shows as MS_MGC_VAL. The
// kernel ignores the type on a remount, bind, move or propagation change
// and the data on all of them but a remount, so those are addresses then.
void Mount(D& d) {
  if (d.exiting) return;
  uint32_t flags = d.u32(3);
  const bool magic = (flags & kMsMgcMask) == kMsMgcVal;
  if (magic) flags &= ~kMsMgcMask;
  constexpr uint32_t kRemount = 1u << 5;
  constexpr uint32_t kNoTypeNoData = (1u << 12) | (1u << 13) | (1u << 17) |
                                     (1u << 18) | (1u << 19) | (1u << 20);
  const bool remount = (flags & kRemount) != 0;
  const bool no_type = remount || (flags & kNoTypeNoData) != 0;
  const bool no_data = !remount && (flags & kNoTypeNoData) != 0;
  d.Path(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  if (no_type) {
    d.Ptr(d.u(2));
  } else {
    d.Str(2);
  }
  d.Sep();
  if (magic) {
    AppendConst(d.out, "MS_MGC_VAL", RawConst::Hex(0xc0ed0000));
    if (flags != 0) d.out->push_back('|');
  }
  if (!magic || flags != 0) d.Flags(flags, kMountFlags, "MS_???");
  d.Sep();
  if (no_data) {
    d.Ptr(d.u(4));
  } else {
    d.Str(4);
  }
}

void Umount2(D& d) {
  if (d.exiting) return;
  d.Path(0);
  d.Sep();
  d.Flags(d.u32(1), kUmountFlags, "MNT_???");
}

constexpr Registration kDecoders[] = {
    {"mount", Mount, 0},
    {"umount2", Umount2, 0},
    {"close_range", CloseRange, 0},
    {"setxattr", Setxattr<false>, 0},
    {"lsetxattr", Setxattr<false>, 0},
    {"fsetxattr", Setxattr<true>, 0},
    {"getxattr", Getxattr<false>, 0},
    {"lgetxattr", Getxattr<false>, 0},
    {"fgetxattr", Getxattr<true>, 0},
    {"listxattr", Listxattr<false>, 0},
    {"llistxattr", Listxattr<false>, 0},
    {"flistxattr", Listxattr<true>, 0},
    {"removexattr", Removexattr<false>, 0},
    {"lremovexattr", Removexattr<false>, 0},
    {"fremovexattr", Removexattr<true>, 0},
    {"fadvise64", Fadvise<true>, kX86_64Only},
    {"fadvise64", Fadvise<false>, kI386Only},
    {"fadvise64_64", Fadvise<true>, 0},
    {"statfs", Statfs, kX86_64Only},
    {"fstatfs", Fstatfs, kX86_64Only},
    {"getdents64", Getdents<true>, 0},
    {"getdents", Getdents<false>, 0},
    {"readv", Readv, 0},
    {"writev", Writev, 0},
    {"preadv", Preadv, 0},
    {"pwritev", Pwritev, 0},
    {"preadv2", Preadv2, 0},
    {"pwritev2", Pwritev2, 0},
    {"chown", Chown, kX86_64Only},  // 16-bit ids on i386
    {"lchown", Chown, kX86_64Only},
    {"chown32", Chown, 0},
    {"lchown32", Chown, 0},
    {"fchown", Fchown, kX86_64Only},
    {"fchown32", Fchown, 0},
    {"fchownat", Fchownat, 0},
    {"utimensat", Utimensat, 0},
    {"sync_file_range", SyncFileRange, 0},
    {"fallocate", Fallocate, 0},
    {"flock", Flock, 0},
    {"inotify_init1", InotifyInit1, 0},
    {"inotify_add_watch", InotifyAddWatch, 0},
    {"inotify_rm_watch", InotifyRmWatch, 0},
    {"memfd_create", MemfdCreate, 0},
    {"copy_file_range", CopyFileRange, 0},
    {"sendfile", SendfileOf<int64_t>, kX86_64Only},
    {"sendfile", SendfileOf<int32_t>, kI386Only},
    {"sendfile64", SendfileOf<int64_t>, 0},
    {"splice", Splice, 0},
    {"tee", Tee, 0},
    {"vmsplice", Vmsplice, 0},
};

}  // namespace

void PrintStatfsFields(D& d, const StatfsFields& st) {
  d.Put("{f_type=");
  d.Xval(st.type, kFsMagic, nullptr);
  d.Put(", f_bsize=");
  d.Dec(st.bsize);
  d.Put(", f_blocks=");
  d.Udec(st.blocks);
  d.Put(", f_bfree=");
  d.Udec(st.bfree);
  d.Put(", f_bavail=");
  d.Udec(st.bavail);
  d.Put(", f_files=");
  d.Udec(st.files);
  d.Put(", f_ffree=");
  d.Udec(st.ffree);
  d.Put(", f_fsid={val=[");
  for (int i = 0; i < 2; ++i) {
    if (i > 0) d.Sep();
    if (d.Elided(i)) break;
    d.Hex(st.fsid[i]);
  }
  d.Put("]}, f_namelen=");
  d.Dec(st.namelen);
  d.Put(", f_frsize=");
  d.Dec(st.frsize);
  d.Put(", f_flags=");
  d.Flags(st.flags, kStatfsFlags, "ST_???");
  d.out->push_back('}');
}

void UtimensatCommon(D& d, bool time64) { UtimensatAbi(d, time64); }

std::span<const Registration> FsDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
