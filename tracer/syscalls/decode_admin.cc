// System administration and containers: namespaces (setns), pivot_root,
// syslog, host and domain names, process accounting, swap, reboot,
// process_mrelease, kernel modules, the mount API, Landlock, keys
// (add_key, request_key, keyctl), seccomp and bpf, as strace 6.1 prints
// them (checked against it on a tracee making these calls: the `syscalls
// admin` mode of tests/tracees/syscalls.cc).
#include <net/if.h>
#include <sys/types.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <utility>

#include "output/errno_names.h"
#include "tracer/syscalls/decoding.h"
#include "tracer/syscalls/format.h"

namespace ttrace {
namespace decode {
namespace {

// ---------------------------------------------------------------------------
// Namespaces, root, logs, names.
// ---------------------------------------------------------------------------
void Setns(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Flags(d.u32(1), kSetnsTypes, "CLONE_NEW???");
}

void PivotRoot(D& d) {
  if (d.exiting) return;
  d.Path(0);
  d.Sep();
  d.Path(1);
}

// syslog(2) actions (SYSLOG_ACTION_*) and console levels.
constexpr XlatEntry kSyslogActions[] = {
    {0, "SYSLOG_ACTION_CLOSE"},         {1, "SYSLOG_ACTION_OPEN"},
    {2, "SYSLOG_ACTION_READ"},          {3, "SYSLOG_ACTION_READ_ALL"},
    {4, "SYSLOG_ACTION_READ_CLEAR"},    {5, "SYSLOG_ACTION_CLEAR"},
    {6, "SYSLOG_ACTION_CONSOLE_OFF"},   {7, "SYSLOG_ACTION_CONSOLE_ON"},
    {8, "SYSLOG_ACTION_CONSOLE_LEVEL"}, {9, "SYSLOG_ACTION_SIZE_UNREAD"},
    {10, "SYSLOG_ACTION_SIZE_BUFFER"},
};
constexpr XlatEntry kLogLevels[] = {
    {0, "LOGLEVEL_EMERG"}, {1, "LOGLEVEL_ALERT"},   {2, "LOGLEVEL_CRIT"},
    {3, "LOGLEVEL_ERR"},   {4, "LOGLEVEL_WARNING"}, {5, "LOGLEVEL_NOTICE"},
    {6, "LOGLEVEL_INFO"},  {7, "LOGLEVEL_DEBUG"},   {8, "LOGLEVEL_DEBUG+1"},
};

// A value in strace's verbose decimal style: "10 /* NAME */", or
// "99 /* PFX_??? */" when unnamed.
template <size_t N>
void DecXval(D& d, int32_t v, const XlatEntry (&tbl)[N], const char* unknown) {
  d.Dec(v);
  const char* name =
      v < 0 ? nullptr : XlatName(static_cast<uint64_t>(v), tbl, N);
  d.Put(" /* ");
  d.Put(name != nullptr ? name : unknown);
  d.Put(" */");
}

// syslog(type, buf, len): the reading actions show the buffer at exit
// (the address when failed); those that ignore buf and len show only the
// action.
void Syslog(D& d) {
  const int32_t type = d.i32(0);
  const int32_t len = d.i32(2);
  if (d.entering()) DecXval(d, type, kSyslogActions, "SYSLOG_ACTION_???");
  switch (type) {
    case 0:
    case 1:
    case 5:
    case 6:
    case 7:
    case 9:
    case 10:
      return;
    case 2:
    case 3:
    case 4:
      if (d.entering()) return;
      d.Sep();
      if (d.failed()) {
        d.Ptr(d.u(1));
      } else {
        d.Buf(d.u(1), d.ret);
      }
      d.Sep();
      d.Dec(len);
      return;
    default:
      if (d.exiting) return;
      d.Sep();
      d.Ptr(d.u(1));
      d.Sep();
      if (type == 8) {
        DecXval(d, len, kLogLevels, "LOGLEVEL_???");
      } else {
        d.Dec(len);
      }
  }
}

// sethostname(name, len), setdomainname(name, len): the name's `len`
// bytes, only its address when longer than the kernel takes (64).
void SetName(D& d) {
  if (d.exiting) return;
  const uint32_t len = d.u32(1);
  if (len > 64) {
    d.Ptr(d.u(0));
  } else {
    d.Buf(d.u(0), len);
  }
  d.Sep();
  d.Udec(len);
}

void Acct(D& d) {
  if (d.exiting) return;
  d.Path(0);
}

// swapon(path, flags): the flags, then the priority bits in decimal.
constexpr XlatEntry kSwapFlags[] = {
    {0x8000, "SWAP_FLAG_PREFER"},
    {0x10000, "SWAP_FLAG_DISCARD"},
    {0x20000, "SWAP_FLAG_DISCARD_ONCE"},
    {0x40000, "SWAP_FLAG_DISCARD_PAGES"},
};

void Swapon(D& d) {
  if (d.exiting) return;
  d.Path(0);
  d.Sep();
  const uint32_t flags = d.u32(1) & ~0x7fffu;
  if (flags != 0) {
    d.Flags(flags, kSwapFlags, "SWAP_FLAG_???");
    d.out->push_back('|');
  }
  d.Udec(d.u32(1) & 0x7fffu);
}

void Swapoff(D& d) {
  if (d.exiting) return;
  d.Path(0);
}

// reboot(magic1, magic2, cmd, arg): RESTART2's arg is a string, the
// other commands take none.
constexpr XlatEntry kRebootMagic[] = {
    {0xfee1dead, "LINUX_REBOOT_MAGIC1"}, {672274793, "LINUX_REBOOT_MAGIC2"},
    {85072278, "LINUX_REBOOT_MAGIC2A"},  {369367448, "LINUX_REBOOT_MAGIC2B"},
    {537993216, "LINUX_REBOOT_MAGIC2C"},
};
constexpr XlatEntry kRebootCmds[] = {
    {0, "LINUX_REBOOT_CMD_CAD_OFF"},
    {0x01234567, "LINUX_REBOOT_CMD_RESTART"},
    {0x45584543, "LINUX_REBOOT_CMD_KEXEC"},
    {0x4321fedc, "LINUX_REBOOT_CMD_POWER_OFF"},
    {0x89abcdef, "LINUX_REBOOT_CMD_CAD_ON"},
    {0xa1b2c3d4, "LINUX_REBOOT_CMD_RESTART2"},
    {0xcdef0123, "LINUX_REBOOT_CMD_HALT"},
    {0xd000fce2, "LINUX_REBOOT_CMD_SW_SUSPEND"},
};

void Reboot(D& d) {
  if (d.exiting) return;
  d.Xval(d.u32(0), kRebootMagic, "LINUX_REBOOT_MAGIC_???");
  d.Sep();
  d.Xval(d.u32(1), kRebootMagic, "LINUX_REBOOT_MAGIC_???");
  d.Sep();
  d.Xval(d.u32(2), kRebootCmds, "LINUX_REBOOT_CMD_???");
  if (d.u32(2) == 0xa1b2c3d4) {
    d.Sep();
    d.Str(3);
  }
}

void ProcessMrelease(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Hex(d.u32(1));
}

// delete_module(name, flags): the O_* flags it takes.
constexpr XlatEntry kDeleteModuleFlags[] = {
    {04000, "O_NONBLOCK"},
    {01000, "O_TRUNC"},
};

void DeleteModule(D& d) {
  if (d.exiting) return;
  d.Str(0);
  d.Sep();
  d.Flags(d.u32(1), kDeleteModuleFlags, "O_???");
}

// init_module(image, len, params), finit_module(fd, params, flags).
void InitModule(D& d) {
  if (d.exiting) return;
  d.Ptr(d.u(0));
  d.Sep();
  d.Udec(d.u(1));
  d.Sep();
  d.Str(2);
}

constexpr XlatEntry kFinitModuleFlags[] = {
    {1, "MODULE_INIT_IGNORE_MODVERSIONS"},
    {2, "MODULE_INIT_IGNORE_VERMAGIC"},
    {4, "MODULE_INIT_COMPRESSED_FILE"},
};

void FinitModule(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Str(1);
  d.Sep();
  d.Flags(d.u32(2), kFinitModuleFlags, "MODULE_INIT_???");
}

// ---------------------------------------------------------------------------
// The mount API (open_tree, move_mount, fsopen, fsconfig, fsmount, fspick,
// mount_setattr) and Landlock.
// ---------------------------------------------------------------------------
constexpr XlatEntry kOpenTreeFlags[] = {
    {1, "OPEN_TREE_CLONE"},         {02000000, "OPEN_TREE_CLOEXEC"},
    {0x100, "AT_SYMLINK_NOFOLLOW"}, {0x200, "AT_REMOVEDIR"},
    {0x400, "AT_SYMLINK_FOLLOW"},   {0x800, "AT_NO_AUTOMOUNT"},
    {0x1000, "AT_EMPTY_PATH"},      {0x8000, "AT_RECURSIVE"},
};
constexpr XlatEntry kMoveMountFlags[] = {
    {0x1, "MOVE_MOUNT_F_SYMLINKS"},    {0x2, "MOVE_MOUNT_F_AUTOMOUNTS"},
    {0x4, "MOVE_MOUNT_F_EMPTY_PATH"},  {0x10, "MOVE_MOUNT_T_SYMLINKS"},
    {0x20, "MOVE_MOUNT_T_AUTOMOUNTS"}, {0x40, "MOVE_MOUNT_T_EMPTY_PATH"},
    {0x100, "MOVE_MOUNT_SET_GROUP"},
};
constexpr XlatEntry kFsopenFlags[] = {{1, "FSOPEN_CLOEXEC"}};
constexpr XlatEntry kFsmountFlags[] = {{1, "FSMOUNT_CLOEXEC"}};
constexpr XlatEntry kFspickFlags[] = {
    {1, "FSPICK_CLOEXEC"},
    {2, "FSPICK_SYMLINK_NOFOLLOW"},
    {4, "FSPICK_NO_AUTOMOUNT"},
    {8, "FSPICK_EMPTY_PATH"},
};
constexpr XlatEntry kFsconfigCmds[] = {
    {0, "FSCONFIG_SET_FLAG"},       {1, "FSCONFIG_SET_STRING"},
    {2, "FSCONFIG_SET_BINARY"},     {3, "FSCONFIG_SET_PATH"},
    {4, "FSCONFIG_SET_PATH_EMPTY"}, {5, "FSCONFIG_SET_FD"},
    {6, "FSCONFIG_CMD_CREATE"},     {7, "FSCONFIG_CMD_RECONFIGURE"},
};
// MOUNT_ATTR_* (fsmount's attr_flags, struct mount_attr's sets).
constexpr XlatEntry kMountAttrs[] = {
    {0x1, "MOUNT_ATTR_RDONLY"},
    {0x2, "MOUNT_ATTR_NOSUID"},
    {0x4, "MOUNT_ATTR_NODEV"},
    {0x8, "MOUNT_ATTR_NOEXEC"},
    {0x10, "MOUNT_ATTR_NOATIME"},
    {0x20, "MOUNT_ATTR_STRICTATIME"},
    {0x80, "MOUNT_ATTR_NODIRATIME"},
    {0x100000, "MOUNT_ATTR_IDMAP"},
    {0x200000, "MOUNT_ATTR_NOSYMFOLLOW"},
};
constexpr uint64_t kMountAttrIdmap = 0x100000;
// fsmount's attr_flags: strace 6.1 names only the older attributes there.
constexpr XlatEntry kFsmountAttrs[] = {
    {0x1, "MOUNT_ATTR_RDONLY"},      {0x2, "MOUNT_ATTR_NOSUID"},
    {0x4, "MOUNT_ATTR_NODEV"},       {0x8, "MOUNT_ATTR_NOEXEC"},
    {0x10, "MOUNT_ATTR_NOATIME"},    {0x20, "MOUNT_ATTR_STRICTATIME"},
    {0x80, "MOUNT_ATTR_NODIRATIME"},
};
// mount_setattr's flags, and struct mount_attr's propagation.
constexpr XlatEntry kMountSetattrFlags[] = {
    {0x100, "AT_SYMLINK_NOFOLLOW"},
    {0x800, "AT_NO_AUTOMOUNT"},
    {0x1000, "AT_EMPTY_PATH"},
    {0x8000, "AT_RECURSIVE"},
};
constexpr XlatEntry kMountPropagation[] = {
    {1 << 17, "MS_UNBINDABLE"},
    {1 << 18, "MS_PRIVATE"},
    {1 << 19, "MS_SLAVE"},
    {1 << 20, "MS_SHARED"},
};

// open_tree(dfd, path, flags) -> fd.
void OpenTree(D& d) {
  if (d.exiting) return d.RetFd();
  d.DirFd(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  d.Flags(d.u32(2), kOpenTreeFlags, "OPEN_TREE_???");
}

// move_mount(from_dfd, from_path, to_dfd, to_path, flags).
void MoveMount(D& d) {
  if (d.exiting) return;
  d.DirFd(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  d.DirFd(2);
  d.Sep();
  d.Path(3);
  d.Sep();
  d.Flags(d.u32(4), kMoveMountFlags, "MOVE_MOUNT_???");
}

// fsopen(fsname, flags) -> fd.
void Fsopen(D& d) {
  if (d.exiting) return d.RetFd();
  d.Str(0);
  d.Sep();
  d.Flags(d.u32(1), kFsopenFlags, "FSOPEN_???");
}

// fspick(dfd, path, flags) -> fd.
void Fspick(D& d) {
  if (d.exiting) return d.RetFd();
  d.DirFd(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  d.Flags(d.u32(2), kFspickFlags, "FSPICK_???");
}

// fsmount(fs_fd, flags, attr_flags) -> fd.
void Fsmount(D& d) {
  if (d.exiting) return d.RetFd();
  d.Fd(0);
  d.Sep();
  d.Flags(d.u32(1), kFsmountFlags, "FSMOUNT_???");
  d.Sep();
  d.Flags(d.u32(2), kFsmountAttrs, "MOUNT_ATTR_???");
}

// fsconfig(fd, cmd, key, value, aux): what key, value and aux are
// depends on the command; those strace does not know show addresses.
void Fsconfig(D& d) {
  if (d.exiting) return;
  const uint32_t cmd = d.u32(1);
  d.Fd(0);
  d.Sep();
  d.Xval(cmd, kFsconfigCmds, "FSCONFIG_???");
  d.Sep();
  if (cmd <= 5) {
    d.Str(2);
  } else {
    d.Ptr(d.u(2));
  }
  d.Sep();
  switch (cmd) {
    case 1:
      d.Str(3);
      break;
    case 2:
      d.BufHex(d.u(3), d.i32(4));
      break;
    case 3:
    case 4:
      d.Path(3);
      break;
    default:
      d.Ptr(d.u(3));
  }
  d.Sep();
  switch (cmd) {
    case 3:
    case 4:
      d.DirFd(4);
      break;
    case 5:
      d.Fd(4);
      break;
    default:
      d.Dec(d.i32(4));
  }
}

// struct mount_attr (linux/mount.h): four 64-bit fields.
struct MountAttr {
  uint64_t attr_set, attr_clr, propagation, userns_fd;
};

// mount_setattr(dfd, path, flags, attr, size): the attributes when size
// covers them; userns_fd is an fd only when MOUNT_ATTR_IDMAP is set or
// cleared (and it fits an int).
void MountSetattr(D& d) {
  if (d.exiting) return;
  d.DirFd(0);
  d.Sep();
  d.Path(1);
  d.Sep();
  d.Flags(d.u32(2), kMountSetattrFlags, "AT_???");
  d.Sep();
  const uint64_t size = d.u(4);
  MountAttr a;
  if (size < sizeof(a)) {
    d.Ptr(d.u(3));
  } else if (d.Fetch(d.u(3), &a, sizeof(a))) {
    d.Put("{attr_set=");
    d.Flags(a.attr_set, kMountAttrs, "MOUNT_ATTR_???");
    d.Put(", attr_clr=");
    d.Flags(a.attr_clr, kMountAttrs, "MOUNT_ATTR_???");
    d.Put(", propagation=");
    d.Xval(a.propagation, kMountPropagation, "MS_???");
    d.Put(", userns_fd=");
    if (((a.attr_set | a.attr_clr) & kMountAttrIdmap) &&
        a.userns_fd <= INT32_MAX) {
      d.FdValue(static_cast<int>(a.userns_fd));
    } else {
      d.Udec(a.userns_fd);
    }
    // Bytes past the structure (up to a page), all of them in hex when
    // any is non-zero; "???" when they cannot be read.
    if (size > sizeof(a)) {
      char extra[4096 - sizeof(a)];
      const uint64_t n = (size < 4096 ? size : 4096) - sizeof(a);
      const uint64_t at = d.u(3) + sizeof(a);
      if (d.dec->mem()->Read(d.c.tid, at, extra, n) !=
          static_cast<ssize_t>(n)) {
        d.Put(", ???");
      } else if (std::any_of(extra, extra + n, [](char c) { return c != 0; })) {
        d.Put(", /* bytes ");
        d.Udec(sizeof(a));
        d.Put("..");
        d.Udec(sizeof(a) + n - 1);
        d.Put(" */ ");
        d.BufHex(at, static_cast<int64_t>(n));
      }
    }
    d.out->push_back('}');
  }
  d.Sep();
  d.Udec(size);
}

// Landlock: filesystem access rights, rule types, ruleset flags.
constexpr XlatEntry kLandlockAccessFs[] = {
    {1 << 0, "LANDLOCK_ACCESS_FS_EXECUTE"},
    {1 << 1, "LANDLOCK_ACCESS_FS_WRITE_FILE"},
    {1 << 2, "LANDLOCK_ACCESS_FS_READ_FILE"},
    {1 << 3, "LANDLOCK_ACCESS_FS_READ_DIR"},
    {1 << 4, "LANDLOCK_ACCESS_FS_REMOVE_DIR"},
    {1 << 5, "LANDLOCK_ACCESS_FS_REMOVE_FILE"},
    {1 << 6, "LANDLOCK_ACCESS_FS_MAKE_CHAR"},
    {1 << 7, "LANDLOCK_ACCESS_FS_MAKE_DIR"},
    {1 << 8, "LANDLOCK_ACCESS_FS_MAKE_REG"},
    {1 << 9, "LANDLOCK_ACCESS_FS_MAKE_SOCK"},
    {1 << 10, "LANDLOCK_ACCESS_FS_MAKE_FIFO"},
    {1 << 11, "LANDLOCK_ACCESS_FS_MAKE_BLOCK"},
    {1 << 12, "LANDLOCK_ACCESS_FS_MAKE_SYM"},
    {1 << 13, "LANDLOCK_ACCESS_FS_REFER"},
};
constexpr XlatEntry kLandlockRuleTypes[] = {{1, "LANDLOCK_RULE_PATH_BENEATH"}};
constexpr XlatEntry kLandlockCreateFlags[] = {
    {1, "LANDLOCK_CREATE_RULESET_VERSION"}};

// landlock_create_ruleset(attr, size, flags) -> fd, or the ABI version
// with LANDLOCK_CREATE_RULESET_VERSION. strace 6.1 shows the first field
// and "..." for any bytes after it.
void LandlockCreateRuleset(D& d) {
  if (d.exiting) {
    if ((d.u32(2) & 1) == 0) d.RetFd();
    return;
  }
  const uint64_t size = d.u(1);
  uint64_t handled = 0;
  if (size < sizeof(handled)) {
    d.Ptr(d.u(0));
  } else if (d.Fetch(d.u(0), &handled, sizeof(handled))) {
    d.Put("{handled_access_fs=");
    d.Flags(handled, kLandlockAccessFs, "LANDLOCK_ACCESS_FS_???");
    if (size > sizeof(handled)) d.Put(", ...");
    d.out->push_back('}');
  }
  d.Sep();
  d.Udec(size);
  d.Sep();
  d.Flags(d.u32(2), kLandlockCreateFlags, "LANDLOCK_CREATE_RULESET_???");
}

// struct landlock_path_beneath_attr: packed, 12 bytes.
struct __attribute__((packed)) LandlockPathBeneath {
  uint64_t allowed_access;
  int32_t parent_fd;
};

// landlock_add_rule(ruleset_fd, rule_type, attr, flags).
void LandlockAddRule(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  const uint32_t type = d.u32(1);
  d.Xval(type, kLandlockRuleTypes, "LANDLOCK_RULE_???");
  d.Sep();
  LandlockPathBeneath a;
  if (type != 1) {
    d.Ptr(d.u(2));
  } else if (d.Fetch(d.u(2), &a, sizeof(a))) {
    d.Put("{allowed_access=");
    d.Flags(a.allowed_access, kLandlockAccessFs, "LANDLOCK_ACCESS_FS_???");
    d.Put(", parent_fd=");
    d.FdValue(a.parent_fd);
    d.out->push_back('}');
  }
  d.Sep();
  d.Hex(d.u32(3));
}

// landlock_restrict_self(ruleset_fd, flags).
void LandlockRestrictSelf(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Hex(d.u32(1));
}

// ---------------------------------------------------------------------------
// Keys: add_key, request_key, keyctl.
// ---------------------------------------------------------------------------
constexpr XlatEntry kKeySpecs[] = {
    {static_cast<uint64_t>(-1), "KEY_SPEC_THREAD_KEYRING"},
    {static_cast<uint64_t>(-2), "KEY_SPEC_PROCESS_KEYRING"},
    {static_cast<uint64_t>(-3), "KEY_SPEC_SESSION_KEYRING"},
    {static_cast<uint64_t>(-4), "KEY_SPEC_USER_KEYRING"},
    {static_cast<uint64_t>(-5), "KEY_SPEC_USER_SESSION_KEYRING"},
    {static_cast<uint64_t>(-6), "KEY_SPEC_GROUP_KEYRING"},
    {static_cast<uint64_t>(-7), "KEY_SPEC_REQKEY_AUTH_KEY"},
    {static_cast<uint64_t>(-8), "KEY_SPEC_REQUESTOR_KEYRING"},
};
constexpr XlatEntry kKeyctlCmds[] = {
    {0, "KEYCTL_GET_KEYRING_ID"},
    {1, "KEYCTL_JOIN_SESSION_KEYRING"},
    {2, "KEYCTL_UPDATE"},
    {3, "KEYCTL_REVOKE"},
    {4, "KEYCTL_CHOWN"},
    {5, "KEYCTL_SETPERM"},
    {6, "KEYCTL_DESCRIBE"},
    {7, "KEYCTL_CLEAR"},
    {8, "KEYCTL_LINK"},
    {9, "KEYCTL_UNLINK"},
    {10, "KEYCTL_SEARCH"},
    {11, "KEYCTL_READ"},
    {12, "KEYCTL_INSTANTIATE"},
    {13, "KEYCTL_NEGATE"},
    {14, "KEYCTL_SET_REQKEY_KEYRING"},
    {15, "KEYCTL_SET_TIMEOUT"},
    {16, "KEYCTL_ASSUME_AUTHORITY"},
    {17, "KEYCTL_GET_SECURITY"},
    {18, "KEYCTL_SESSION_TO_PARENT"},
    {19, "KEYCTL_REJECT"},
    {20, "KEYCTL_INSTANTIATE_IOV"},
    {21, "KEYCTL_INVALIDATE"},
    {22, "KEYCTL_GET_PERSISTENT"},
    {23, "KEYCTL_DH_COMPUTE"},
    {24, "KEYCTL_PKEY_QUERY"},
    {25, "KEYCTL_PKEY_ENCRYPT"},
    {26, "KEYCTL_PKEY_DECRYPT"},
    {27, "KEYCTL_PKEY_SIGN"},
    {28, "KEYCTL_PKEY_VERIFY"},
    {29, "KEYCTL_RESTRICT_KEYRING"},
    {30, "KEYCTL_MOVE"},
    {31, "KEYCTL_CAPABILITIES"},
    {32, "KEYCTL_WATCH_KEY"},
};
// Key permissions (linux/keyctl.h's KEY_{POS,USR,GRP,OTH}_*).
constexpr XlatEntry kKeyPerms[] = {
    {0x01000000, "KEY_POS_VIEW"},  {0x02000000, "KEY_POS_READ"},
    {0x04000000, "KEY_POS_WRITE"}, {0x08000000, "KEY_POS_SEARCH"},
    {0x10000000, "KEY_POS_LINK"},  {0x20000000, "KEY_POS_SETATTR"},
    {0x00010000, "KEY_USR_VIEW"},  {0x00020000, "KEY_USR_READ"},
    {0x00040000, "KEY_USR_WRITE"}, {0x00080000, "KEY_USR_SEARCH"},
    {0x00100000, "KEY_USR_LINK"},  {0x00200000, "KEY_USR_SETATTR"},
    {0x00000100, "KEY_GRP_VIEW"},  {0x00000200, "KEY_GRP_READ"},
    {0x00000400, "KEY_GRP_WRITE"}, {0x00000800, "KEY_GRP_SEARCH"},
    {0x00001000, "KEY_GRP_LINK"},  {0x00002000, "KEY_GRP_SETATTR"},
    {0x00000001, "KEY_OTH_VIEW"},  {0x00000002, "KEY_OTH_READ"},
    {0x00000004, "KEY_OTH_WRITE"}, {0x00000008, "KEY_OTH_SEARCH"},
    {0x00000010, "KEY_OTH_LINK"},  {0x00000020, "KEY_OTH_SETATTR"},
};
constexpr XlatEntry kReqkeyDefaults[] = {
    {static_cast<uint64_t>(-1), "KEY_REQKEY_DEFL_NO_CHANGE"},
    {0, "KEY_REQKEY_DEFL_DEFAULT"},
    {1, "KEY_REQKEY_DEFL_THREAD_KEYRING"},
    {2, "KEY_REQKEY_DEFL_PROCESS_KEYRING"},
    {3, "KEY_REQKEY_DEFL_SESSION_KEYRING"},
    {4, "KEY_REQKEY_DEFL_USER_KEYRING"},
    {5, "KEY_REQKEY_DEFL_USER_SESSION_KEYRING"},
    {6, "KEY_REQKEY_DEFL_GROUP_KEYRING"},
    {7, "KEY_REQKEY_DEFL_REQUESTOR_KEYRING"},
};
constexpr XlatEntry kKeyctlMoveFlags[] = {{1, "KEYCTL_MOVE_EXCL"}};
constexpr XlatEntry kKeyctlCaps0[] = {
    {0x01, "KEYCTL_CAPS0_CAPABILITIES"},
    {0x02, "KEYCTL_CAPS0_PERSISTENT_KEYRINGS"},
    {0x04, "KEYCTL_CAPS0_DIFFIE_HELLMAN"},
    {0x08, "KEYCTL_CAPS0_PUBLIC_KEY"},
    {0x10, "KEYCTL_CAPS0_BIG_KEY"},
    {0x20, "KEYCTL_CAPS0_INVALIDATE"},
    {0x40, "KEYCTL_CAPS0_RESTRICT_KEYRING"},
    {0x80, "KEYCTL_CAPS0_MOVE"},
};
constexpr XlatEntry kKeyctlCaps1[] = {
    {0x01, "KEYCTL_CAPS1_NS_KEYRING_NAME"},
    {0x02, "KEYCTL_CAPS1_NS_KEY_TAG"},
    {0x04, "KEYCTL_CAPS1_NOTIFICATIONS"},
};

// A key serial number: a KEY_SPEC_* name (as -X says: "-4",
// "-4 /* KEY_SPEC_USER_KEYRING */"), else decimal.
void KeySerial(D& d, int32_t id) {
  const char* name = XlatName(static_cast<uint64_t>(static_cast<int64_t>(id)),
                              kKeySpecs, std::size(kKeySpecs));
  if (name != nullptr) {
    AppendConst(d.out, name, RawConst::Dec(id));
  } else {
    d.Dec(id);
  }
}

// A user or group id: -1, else unsigned.
void KeyId(D& d, uint32_t id) {
  if (id == UINT32_MAX) {
    d.Put("-1");
  } else {
    d.Udec(id);
  }
}

// add_key(type, description, payload, plen, keyring).
void AddKey(D& d) {
  if (d.exiting) return;
  d.Str(0);
  d.Sep();
  d.Str(1);
  d.Sep();
  d.Buf(d.u(2), static_cast<int64_t>(d.u(3)));
  d.Sep();
  d.Udec(d.u(3));
  d.Sep();
  KeySerial(d, d.i32(4));
}

// request_key(type, description, callout_info, dest_keyring).
void RequestKey(D& d) {
  if (d.exiting) return;
  d.Str(0);
  d.Sep();
  d.Str(1);
  d.Sep();
  d.Str(2);
  d.Sep();
  KeySerial(d, d.i32(3));
}

// "[0, 0x4, 0]": a spare array, when any of it is set.
void SpareArray(D& d, const uint32_t* v, size_t n) {
  bool any = false;
  for (size_t i = 0; i < n; ++i) any = any || v[i] != 0;
  if (!any) return;
  d.Put(", __spare=[");
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) d.Sep();
    if (d.Elided(i)) break;
    d.Hex(v[i]);
  }
  d.out->push_back(']');
}

// KEYCTL_DH_COMPUTE(params, buf, len, kdf): the key serials at entry; the
// result, its length and the KDF parameters (read even when the call
// failed) at exit.
void KeyctlDhCompute(D& d) {
  if (d.entering()) {
    int32_t p[3];
    if (d.Fetch(d.u(1), p, sizeof(p))) {
      d.Put("{private=");
      KeySerial(d, p[0]);
      d.Put(", prime=");
      KeySerial(d, p[1]);
      d.Put(", base=");
      KeySerial(d, p[2]);
      d.out->push_back('}');
    }
    d.Sep();
    return;
  }
  const uint64_t len = d.u(3);
  if (d.failed()) {
    d.Ptr(d.u(2));
  } else {
    d.Buf(d.u(2), static_cast<uint64_t>(d.ret) > len ? static_cast<int64_t>(len)
                                                     : d.ret);
  }
  d.Sep();
  d.Udec(len);
  d.Sep();
  // struct keyctl_kdf_params: two pointers, a length, 8 spare words;
  // shown with -e verbose=none too (strace reads it with umove).
  uint8_t raw[56];
  const size_t ptr = d.ptr_size();
  const size_t size = 2 * ptr + 36;
  if (d.u(4) == 0) {
    d.Put("NULL");
    return;
  }
  if (d.dec->mem()->Read(d.c.tid, d.u(4), raw, size) !=
      static_cast<ssize_t>(size)) {
    d.Hex(d.u(4));
    return;
  }
  uint64_t hashname = 0, otherinfo = 0;
  memcpy(&hashname, raw, ptr);
  memcpy(&otherinfo, raw + ptr, ptr);
  uint32_t rest[9];
  memcpy(rest, raw + 2 * ptr, sizeof(rest));
  d.Put("{hashname=");
  d.CStr(hashname, d.opt().string_limit);
  d.Put(", otherinfo=");
  if (rest[0] != 0) {
    d.Buf(otherinfo, rest[0]);
  } else {
    d.Ptr(otherinfo);
  }
  d.Put(", otherinfolen=");
  d.Udec(rest[0]);
  SpareArray(d, rest + 1, 8);
  d.out->push_back('}');
}

constexpr XlatEntry kKeyctlPkeyOps[] = {
    {1, "KEYCTL_SUPPORTS_ENCRYPT"},
    {2, "KEYCTL_SUPPORTS_DECRYPT"},
    {4, "KEYCTL_SUPPORTS_SIGN"},
    {8, "KEYCTL_SUPPORTS_VERIFY"},
};

// KEYCTL_PKEY_QUERY(key, reserved, info, result): the result at exit.
void KeyctlPkeyQuery(D& d) {
  if (d.entering()) {
    KeySerial(d, d.i32(1));
    d.Sep();
    d.Hex(d.u(2));
    d.Sep();
    d.Str(3);
    d.Sep();
    return;
  }
  struct {
    uint32_t supported_ops, key_size;
    uint16_t max_data_size, max_sig_size, max_enc_size, max_dec_size;
    uint32_t spare[10];
  } q;
  if (!d.FetchOut(d.u(4), &q, sizeof(q))) return;
  d.Put("{supported_ops=");
  d.Flags(q.supported_ops, kKeyctlPkeyOps, "KEYCTL_SUPPORTS_???");
  d.Put(", key_size=");
  d.Udec(q.key_size);
  d.Put(", max_data_size=");
  d.Udec(q.max_data_size);
  d.Put(", max_sig_size=");
  d.Udec(q.max_sig_size);
  d.Put(", max_enc_size=");
  d.Udec(q.max_enc_size);
  d.Put(", max_dec_size=");
  d.Udec(q.max_dec_size);
  SpareArray(d, q.spare, 10);
  d.out->push_back('}');
}

// KEYCTL_PKEY_{ENCRYPT,DECRYPT,SIGN}(params, info, in, out) and
// KEYCTL_PKEY_VERIFY(params, info, in, in2): the parameters, the input(s)
// as long as the parameters say; the output at exit.
void KeyctlPkeyOp(D& d, bool out) {
  if (d.exiting) {
    int64_t out_len = -1;
    if (!out || !TakeSaved(d, &out_len) || out_len < 0) return;
    if (d.failed()) {
      d.Ptr(d.u(4));
    } else {
      d.Buf(d.u(4), out_len);
    }
    return;
  }
  struct {
    int32_t key_id;
    uint32_t in_len, out_len, spare[7];
  } p;
  const bool ok = d.Fetch(d.u(1), &p, sizeof(p));
  if (ok) {
    d.Put("{key_id=");
    KeySerial(d, p.key_id);
    d.Put(", in_len=");
    d.Udec(p.in_len);
    d.Put(out ? ", out_len=" : ", in2_len=");
    d.Udec(p.out_len);
    SpareArray(d, p.spare, 7);
    d.out->push_back('}');
  }
  d.Sep();
  d.Str(2);
  d.Sep();
  if (ok) {
    d.Buf(d.u(3), p.in_len);
  } else {
    d.Ptr(d.u(3));
  }
  d.Sep();
  if (out && ok) {
    SaveForExit(d, p.out_len);
    return;
  }
  if (ok) {
    d.Buf(d.u(4), p.out_len);
  } else {
    d.Ptr(d.u(4));
  }
}

// keyctl(cmd, ...): each command's arguments. DESCRIBE, READ and
// GET_SECURITY show their buffer at exit (what was written of it).
void Keyctl(D& d) {
  const int32_t cmd = d.i32(0);
  if (d.entering()) {
    d.Xval(static_cast<uint64_t>(static_cast<int64_t>(cmd)), kKeyctlCmds,
           "KEYCTL_???");
    if (cmd != 18) d.Sep();
  }
  switch (cmd) {
    case 23:
      return KeyctlDhCompute(d);
    case 24:
      return KeyctlPkeyQuery(d);
    case 25:
    case 26:
    case 27:
      return KeyctlPkeyOp(d, true);
    case 28:
      return KeyctlPkeyOp(d, false);
    case 31: {
      // KEYCTL_CAPABILITIES(buf, buflen): the bytes written, the first
      // two as flag sets.
      if (d.entering()) return;
      if (d.failed()) {
        d.Ptr(d.u(1));
      } else {
        const uint64_t n =
            static_cast<uint64_t>(d.ret) < d.u(2) ? d.ret : d.u(2);
        uint32_t pos = 0;
        d.Array<uint8_t>(d.u(1), n, [&d, &pos](uint8_t b) {
          if (pos == 0) {
            d.Flags(b, kKeyctlCaps0, "KEYCTL_CAPS0_???");
          } else if (pos == 1) {
            d.Flags(b, kKeyctlCaps1, "KEYCTL_CAPS1_???");
          } else {
            d.Hex(b);
          }
          ++pos;
        });
      }
      d.Sep();
      d.Udec(d.u(2));
      return;
    }
    case 6:
    case 11:
    case 17: {
      if (d.entering()) {
        KeySerial(d, d.i32(1));
        d.Sep();
        return;
      }
      const uint64_t len = d.u(3);
      if (d.failed()) {
        d.Ptr(d.u(2));
      } else {
        const uint64_t n =
            d.ret >= 0 && static_cast<uint64_t>(d.ret) > len ? len : d.ret;
        // DESCRIBE's and GET_SECURITY's trailing NUL (the last byte
        // shown) is left out, unless the string is quoted in hex.
        d.Buf(d.u(2), static_cast<int64_t>(n), cmd != 11);
      }
      d.Sep();
      d.Udec(len);
      return;
    }
    default:
      break;
  }
  if (d.exiting) return;
  switch (cmd) {
    case 0:
      KeySerial(d, d.i32(1));
      d.Sep();
      d.Dec(d.i32(2));
      break;
    case 1:
      d.Str(1);
      break;
    case 2:
    case 12:
      KeySerial(d, d.i32(1));
      d.Sep();
      d.Buf(d.u(2), static_cast<int64_t>(d.u(3)));
      d.Sep();
      d.Udec(d.u(3));
      if (cmd == 12) {
        d.Sep();
        KeySerial(d, d.i32(4));
      }
      break;
    case 3:
    case 7:
    case 16:
    case 21:
      KeySerial(d, d.i32(1));
      break;
    case 4:
      KeySerial(d, d.i32(1));
      d.Sep();
      KeyId(d, d.u32(2));
      d.Sep();
      KeyId(d, d.u32(3));
      break;
    case 5:
      KeySerial(d, d.i32(1));
      d.Sep();
      d.Flags(d.u32(2), kKeyPerms, "KEY_???");
      break;
    case 8:
    case 9:
      KeySerial(d, d.i32(1));
      d.Sep();
      KeySerial(d, d.i32(2));
      break;
    case 10:
      KeySerial(d, d.i32(1));
      d.Sep();
      d.Str(2);
      d.Sep();
      d.Str(3);
      d.Sep();
      KeySerial(d, d.i32(4));
      break;
    case 13:
      KeySerial(d, d.i32(1));
      d.Sep();
      d.Udec(d.u32(2));
      d.Sep();
      KeySerial(d, d.i32(3));
      break;
    case 14: {
      const int32_t v = d.i32(1);
      const char* name =
          XlatName(static_cast<uint64_t>(static_cast<int64_t>(v)),
                   kReqkeyDefaults, std::size(kReqkeyDefaults));
      if (name != nullptr) {
        AppendConst(d.out, name, RawConst::Dec(v));
      } else {
        d.Dec(v);
        if (CurrentXlatStyle() != XlatStyle::kRaw) {
          d.Put(" /* KEY_REQKEY_DEFL_??? */");
        }
      }
      break;
    }
    case 15:
      KeySerial(d, d.i32(1));
      d.Sep();
      d.Udec(d.u32(2));
      break;
    case 18:
      break;
    case 19:
      KeySerial(d, d.i32(1));
      d.Sep();
      d.Udec(d.u32(2));
      d.Sep();
      if (const char* name = ErrnoName(static_cast<int>(d.u32(3)))) {
        AppendConst(d.out, name, RawConst::Udec(d.u32(3)));
      } else {
        d.Udec(d.u32(3));
      }
      d.Sep();
      KeySerial(d, d.i32(4));
      break;
    case 20:
      KeySerial(d, d.i32(1));
      d.Sep();
      Iovecs(d, d.u(2), d.u(3), ~0ull, false);
      d.Sep();
      d.Udec(d.u(3));
      d.Sep();
      KeySerial(d, d.i32(4));
      break;
    case 22:
      KeyId(d, d.u32(1));
      d.Sep();
      KeySerial(d, d.i32(2));
      break;
    case 29:
      KeySerial(d, d.i32(1));
      d.Sep();
      d.Str(2);
      d.Sep();
      d.Str(3);
      break;
    case 30:
      KeySerial(d, d.i32(1));
      d.Sep();
      KeySerial(d, d.i32(2));
      d.Sep();
      KeySerial(d, d.i32(3));
      d.Sep();
      d.Flags(d.u32(4), kKeyctlMoveFlags, "KEYCTL_MOVE_???");
      break;
    default:
      d.Hex(d.u(1));
      d.Sep();
      d.Hex(d.u(2));
      d.Sep();
      d.Hex(d.u(3));
      d.Sep();
      d.Hex(d.u(4));
  }
}

// ---------------------------------------------------------------------------
// BPF instruction codes (classic and extended), as strace prints them
// with -v: "BPF_LD|BPF_W|BPF_ABS", "BPF_ALU64|BPF_K|BPF_MOV".
// ---------------------------------------------------------------------------
constexpr XlatEntry kBpfClasses[] = {
    {0, "BPF_LD"},  {1, "BPF_LDX"}, {2, "BPF_ST"},  {3, "BPF_STX"},
    {4, "BPF_ALU"}, {5, "BPF_JMP"}, {6, "BPF_RET"}, {7, "BPF_MISC"},
};
constexpr XlatEntry kEbpfClasses[] = {
    {0, "BPF_LD"},  {1, "BPF_LDX"}, {2, "BPF_ST"},    {3, "BPF_STX"},
    {4, "BPF_ALU"}, {5, "BPF_JMP"}, {6, "BPF_JMP32"}, {7, "BPF_ALU64"},
};
constexpr XlatEntry kBpfSizes[] = {
    {0x00, "BPF_W"}, {0x08, "BPF_H"}, {0x10, "BPF_B"}, {0x18, "BPF_DW"}};
constexpr XlatEntry kBpfModes[] = {
    {0x00, "BPF_IMM"}, {0x20, "BPF_ABS"}, {0x40, "BPF_IND"},
    {0x60, "BPF_MEM"}, {0x80, "BPF_LEN"}, {0xa0, "BPF_MSH"},
};
constexpr XlatEntry kEbpfModes[] = {
    {0x00, "BPF_IMM"}, {0x20, "BPF_ABS"},    {0x40, "BPF_IND"},
    {0x60, "BPF_MEM"}, {0xc0, "BPF_ATOMIC"},
};
constexpr XlatEntry kBpfSrcs[] = {{0x00, "BPF_K"}, {0x08, "BPF_X"}};
constexpr XlatEntry kBpfAluOps[] = {
    {0x00, "BPF_ADD"},  {0x10, "BPF_SUB"}, {0x20, "BPF_MUL"}, {0x30, "BPF_DIV"},
    {0x40, "BPF_OR"},   {0x50, "BPF_AND"}, {0x60, "BPF_LSH"}, {0x70, "BPF_RSH"},
    {0x80, "BPF_NEG"},  {0x90, "BPF_MOD"}, {0xa0, "BPF_XOR"}, {0xb0, "BPF_MOV"},
    {0xc0, "BPF_ARSH"}, {0xd0, "BPF_END"},
};
constexpr XlatEntry kBpfJmpOps[] = {
    {0x00, "BPF_JA"},   {0x10, "BPF_JEQ"},  {0x20, "BPF_JGT"},
    {0x30, "BPF_JGE"},  {0x40, "BPF_JSET"}, {0x50, "BPF_JNE"},
    {0x60, "BPF_JSGT"}, {0x70, "BPF_JSGE"}, {0x80, "BPF_CALL"},
    {0x90, "BPF_EXIT"}, {0xa0, "BPF_JLT"},  {0xb0, "BPF_JLE"},
    {0xc0, "BPF_JSLT"}, {0xd0, "BPF_JSLE"},
};
constexpr XlatEntry kBpfRvals[] = {
    {0x00, "BPF_K"}, {0x08, "BPF_X"}, {0x10, "BPF_A"}};
constexpr XlatEntry kBpfMiscOps[] = {{0x00, "BPF_TAX"}, {0x80, "BPF_TXA"}};

// An unnamed part of an instruction's code: "0x.. /* BPF_??? */" (with
// -X raw the number).
void BpfUnknown(D& d, uint32_t v) {
  d.Hex(v);
  if (CurrentXlatStyle() != XlatStyle::kRaw) d.Put(" /* BPF_??? */");
}

// A name from the first `n` entries of tbl (restyled by -X), else
// BpfUnknown.
template <size_t N>
void BpfXval(D& d, uint32_t v, const XlatEntry (&tbl)[N], size_t n = N) {
  const char* name = XlatName(v, tbl, n);
  if (name != nullptr) {
    AppendConst(d.out, name, RawConst::Hex(v));
  } else {
    BpfUnknown(d, v);
  }
}

void BpfLeftover(D& d, uint32_t bits) {
  if (bits == 0) return;
  d.out->push_back('|');
  BpfUnknown(d, bits);
}

void BpfCode(D& d, uint16_t code, bool ebpf) {
  const uint32_t cls = code & 7;
  uint32_t rest = code & ~7u;
  AppendConst(d.out, (ebpf ? kEbpfClasses : kBpfClasses)[cls].name,
              RawConst::Hex(cls));
  // Classic filters have no 64-bit size, atomic mode or the eBPF ALU and
  // jump operations.
  switch (cls) {
    case 2:
    case 3:
      if (!ebpf) {
        BpfLeftover(d, rest);
        return;
      }
      [[fallthrough]];
    case 0:
    case 1:
      d.out->push_back('|');
      BpfXval(d, code & 0x18, kBpfSizes, ebpf ? 4 : 3);
      d.out->push_back('|');
      if (ebpf) {
        BpfXval(d, code & 0xe0, kEbpfModes);
      } else {
        BpfXval(d, code & 0xe0, kBpfModes);
      }
      return;
    case 7:
      if (!ebpf) {
        d.out->push_back('|');
        BpfXval(d, code & 0xf8, kBpfMiscOps);
        BpfLeftover(d, rest & ~(code & 0xf8u));
        return;
      }
      [[fallthrough]];
    case 4:
      d.out->push_back('|');
      BpfXval(d, code & 0x08, kBpfSrcs);
      d.out->push_back('|');
      BpfXval(d, code & 0xf0, kBpfAluOps, ebpf ? 14 : 11);
      return;
    case 5:
      d.out->push_back('|');
      BpfXval(d, code & 0x08, kBpfSrcs);
      d.out->push_back('|');
      BpfXval(d, code & 0xf0, kBpfJmpOps, ebpf ? 14 : 5);
      return;
    default:  // 6: BPF_RET, reserved in eBPF (BPF_JMP32)
      if (!ebpf) {
        d.out->push_back('|');
        BpfXval(d, code & 0x18, kBpfRvals);
        rest &= ~(code & 0x18u);
      }
      BpfLeftover(d, rest);
  }
}

// struct sock_filter.
struct SockFilter {
  uint16_t code;
  uint8_t jt, jf;
  uint32_t k;
};

// A classic BPF program (-v): BPF_STMT(code, k) and BPF_JUMP(code, k, jt,
// jf). In a seccomp filter a return's k is its action; in a socket filter
// an absolute load's k may be an ancillary or network/link-layer offset.
void FilterProgram(D& d, uint64_t addr, uint64_t len, bool seccomp);

// ---------------------------------------------------------------------------
// seccomp(2).
// ---------------------------------------------------------------------------
constexpr XlatEntry kSeccompOps[] = {
    {0, "SECCOMP_SET_MODE_STRICT"},
    {1, "SECCOMP_SET_MODE_FILTER"},
    {2, "SECCOMP_GET_ACTION_AVAIL"},
    {3, "SECCOMP_GET_NOTIF_SIZES"},
};
constexpr XlatEntry kSeccompRetActions[] = {
    {0, "SECCOMP_RET_KILL_THREAD"},    {0x00030000, "SECCOMP_RET_TRAP"},
    {0x00050000, "SECCOMP_RET_ERRNO"}, {0x7fc00000, "SECCOMP_RET_USER_NOTIF"},
    {0x7ff00000, "SECCOMP_RET_TRACE"}, {0x7ffc0000, "SECCOMP_RET_LOG"},
    {0x7fff0000, "SECCOMP_RET_ALLOW"}, {0x80000000, "SECCOMP_RET_KILL_PROCESS"},
};
constexpr uint32_t kSeccompFilterNewListener = 8;

// seccomp(op, flags, args): a filter program's length and address
// (struct sock_fprog), the action asked about, or the notification sizes
// written at exit. A filter with SECCOMP_FILTER_FLAG_NEW_LISTENER returns
// a notification fd.
void Seccomp(D& d) {
  const uint32_t op = d.u32(0);
  const uint32_t flags = d.u32(1);
  if (d.exiting) {
    if (op == 3) {
      uint16_t sizes[3];
      if (d.FetchOut(d.u(2), sizes, sizeof(sizes))) {
        d.Put("{seccomp_notif=");
        d.Udec(sizes[0]);
        d.Put(", seccomp_notif_resp=");
        d.Udec(sizes[1]);
        d.Put(", seccomp_data=");
        d.Udec(sizes[2]);
        d.out->push_back('}');
      }
    } else if (op == 1 && (flags & kSeccompFilterNewListener)) {
      d.RetFd();
    }
    return;
  }
  d.Xval(op, kSeccompOps, "SECCOMP_SET_MODE_???");
  d.Sep();
  if (op == 1) {
    d.Flags(flags, kSeccompFilterFlags, "SECCOMP_FILTER_FLAG_???");
  } else {
    d.Hex(flags);
  }
  d.Sep();
  switch (op) {
    case 1:
      SeccompFprog(d, d.u(2));
      return;
    case 2: {
      uint32_t action;
      if (!d.Fetch(d.u(2), &action, sizeof(action))) return;
      d.out->push_back('[');
      d.Xval(action, kSeccompRetActions, "SECCOMP_RET_???");
      d.out->push_back(']');
      return;
    }
    case 3:
      return;
    default:
      d.Ptr(d.u(2));
  }
}

// Socket filters' special offsets (linux/filter.h): SKF_AD_OFF plus an
// ancillary datum, SKF_NET_OFF and SKF_LL_OFF plus a byte offset.
constexpr uint32_t kSkfAdOff = 0xfffff000u;
constexpr uint32_t kSkfNetOff = 0xfff00000u;
constexpr uint32_t kSkfLlOff = 0xffe00000u;
constexpr XlatEntry kSkfAncillary[] = {
    {0, "SKF_AD_PROTOCOL"},
    {4, "SKF_AD_PKTTYPE"},
    {8, "SKF_AD_IFINDEX"},
    {12, "SKF_AD_NLATTR"},
    {16, "SKF_AD_NLATTR_NEST"},
    {20, "SKF_AD_MARK"},
    {24, "SKF_AD_QUEUE"},
    {28, "SKF_AD_HATYPE"},
    {32, "SKF_AD_RXHASH"},
    {36, "SKF_AD_CPU"},
    {40, "SKF_AD_ALU_XOR_X"},
    {44, "SKF_AD_VLAN_TAG"},
    {48, "SKF_AD_VLAN_TAG_PRESENT"},
    {52, "SKF_AD_PAY_OFFSET"},
    {56, "SKF_AD_RANDOM"},
    {60, "SKF_AD_VLAN_TPID"},
};

void FilterProgram(D& d, uint64_t addr, uint64_t len, bool seccomp) {
  uint32_t count = 0;
  d.Array<SockFilter>(addr, len, [&d, &count, seccomp](const SockFilter& f) {
    if (count++ >= 4096) {
      d.Put("...");
      return;
    }
    const bool jump = f.jt != 0 || f.jf != 0;
    d.Put(jump ? "BPF_JUMP(" : "BPF_STMT(");
    BpfCode(d, f.code, false);
    d.Sep();
    // BPF_LD|BPF_ABS of a socket filter: the kernel's special offsets.
    const bool special = !seccomp && !jump && (f.code & 0xe7) == 0x20;
    if (special && f.k >= kSkfAdOff) {
      d.Put("SKF_AD_OFF+");
      d.Xval(f.k - kSkfAdOff, kSkfAncillary, "SKF_AD_???");
    } else if (special && f.k >= kSkfNetOff) {
      d.Put("SKF_NET_OFF+");
      d.Udec(f.k - kSkfNetOff);
    } else if (special && f.k >= kSkfLlOff) {
      d.Put("SKF_LL_OFF+");
      d.Udec(f.k - kSkfLlOff);
    } else if (seccomp && !jump && (f.code & 7) == 6) {
      const uint32_t action = f.k & 0xffff0000u;
      d.Xval(action, kSeccompRetActions, "SECCOMP_RET_???");
      if (f.k & 0xffff) {
        d.out->push_back('|');
        d.Hex(f.k & 0xffff);
      }
    } else {
      d.Hex(f.k);
    }
    if (jump) {
      d.Sep();
      d.Hex(f.jt);
      d.Sep();
      d.Hex(f.jf);
    }
    d.out->push_back(')');
  });
}

// ---------------------------------------------------------------------------
// bpf(2): the command, and for the map, program-load and pin commands the
// attributes strace 6.1 shows by default (the other commands' attributes
// show as their address).
// ---------------------------------------------------------------------------
// Commands, map, program and attach types (linux/bpf.h of Linux 6.1,
// without the aliases).
constexpr XlatEntry kBpfCommands[] = {
    {0, "BPF_MAP_CREATE"},
    {1, "BPF_MAP_LOOKUP_ELEM"},
    {2, "BPF_MAP_UPDATE_ELEM"},
    {3, "BPF_MAP_DELETE_ELEM"},
    {4, "BPF_MAP_GET_NEXT_KEY"},
    {5, "BPF_PROG_LOAD"},
    {6, "BPF_OBJ_PIN"},
    {7, "BPF_OBJ_GET"},
    {8, "BPF_PROG_ATTACH"},
    {9, "BPF_PROG_DETACH"},
    {10, "BPF_PROG_TEST_RUN"},
    {11, "BPF_PROG_GET_NEXT_ID"},
    {12, "BPF_MAP_GET_NEXT_ID"},
    {13, "BPF_PROG_GET_FD_BY_ID"},
    {14, "BPF_MAP_GET_FD_BY_ID"},
    {15, "BPF_OBJ_GET_INFO_BY_FD"},
    {16, "BPF_PROG_QUERY"},
    {17, "BPF_RAW_TRACEPOINT_OPEN"},
    {18, "BPF_BTF_LOAD"},
    {19, "BPF_BTF_GET_FD_BY_ID"},
    {20, "BPF_TASK_FD_QUERY"},
    {21, "BPF_MAP_LOOKUP_AND_DELETE_ELEM"},
    {22, "BPF_MAP_FREEZE"},
    {23, "BPF_BTF_GET_NEXT_ID"},
    {24, "BPF_MAP_LOOKUP_BATCH"},
    {25, "BPF_MAP_LOOKUP_AND_DELETE_BATCH"},
    {26, "BPF_MAP_UPDATE_BATCH"},
    {27, "BPF_MAP_DELETE_BATCH"},
    {28, "BPF_LINK_CREATE"},
    {29, "BPF_LINK_UPDATE"},
    {30, "BPF_LINK_GET_FD_BY_ID"},
    {31, "BPF_LINK_GET_NEXT_ID"},
    {32, "BPF_ENABLE_STATS"},
    {33, "BPF_ITER_CREATE"},
    {34, "BPF_LINK_DETACH"},
    {35, "BPF_PROG_BIND_MAP"},
};
constexpr XlatEntry kBpfMapTypes[] = {
    {0, "BPF_MAP_TYPE_UNSPEC"},
    {1, "BPF_MAP_TYPE_HASH"},
    {2, "BPF_MAP_TYPE_ARRAY"},
    {3, "BPF_MAP_TYPE_PROG_ARRAY"},
    {4, "BPF_MAP_TYPE_PERF_EVENT_ARRAY"},
    {5, "BPF_MAP_TYPE_PERCPU_HASH"},
    {6, "BPF_MAP_TYPE_PERCPU_ARRAY"},
    {7, "BPF_MAP_TYPE_STACK_TRACE"},
    {8, "BPF_MAP_TYPE_CGROUP_ARRAY"},
    {9, "BPF_MAP_TYPE_LRU_HASH"},
    {10, "BPF_MAP_TYPE_LRU_PERCPU_HASH"},
    {11, "BPF_MAP_TYPE_LPM_TRIE"},
    {12, "BPF_MAP_TYPE_ARRAY_OF_MAPS"},
    {13, "BPF_MAP_TYPE_HASH_OF_MAPS"},
    {14, "BPF_MAP_TYPE_DEVMAP"},
    {15, "BPF_MAP_TYPE_SOCKMAP"},
    {16, "BPF_MAP_TYPE_CPUMAP"},
    {17, "BPF_MAP_TYPE_XSKMAP"},
    {18, "BPF_MAP_TYPE_SOCKHASH"},
    {19, "BPF_MAP_TYPE_CGROUP_STORAGE"},
    {20, "BPF_MAP_TYPE_REUSEPORT_SOCKARRAY"},
    {21, "BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE"},
    {22, "BPF_MAP_TYPE_QUEUE"},
    {23, "BPF_MAP_TYPE_STACK"},
    {24, "BPF_MAP_TYPE_SK_STORAGE"},
    {25, "BPF_MAP_TYPE_DEVMAP_HASH"},
    {26, "BPF_MAP_TYPE_STRUCT_OPS"},
    {27, "BPF_MAP_TYPE_RINGBUF"},
    {28, "BPF_MAP_TYPE_INODE_STORAGE"},
    {29, "BPF_MAP_TYPE_TASK_STORAGE"},
    {30, "BPF_MAP_TYPE_BLOOM_FILTER"},
    {31, "BPF_MAP_TYPE_USER_RINGBUF"},
};
constexpr XlatEntry kBpfProgTypes[] = {
    {0, "BPF_PROG_TYPE_UNSPEC"},
    {1, "BPF_PROG_TYPE_SOCKET_FILTER"},
    {2, "BPF_PROG_TYPE_KPROBE"},
    {3, "BPF_PROG_TYPE_SCHED_CLS"},
    {4, "BPF_PROG_TYPE_SCHED_ACT"},
    {5, "BPF_PROG_TYPE_TRACEPOINT"},
    {6, "BPF_PROG_TYPE_XDP"},
    {7, "BPF_PROG_TYPE_PERF_EVENT"},
    {8, "BPF_PROG_TYPE_CGROUP_SKB"},
    {9, "BPF_PROG_TYPE_CGROUP_SOCK"},
    {10, "BPF_PROG_TYPE_LWT_IN"},
    {11, "BPF_PROG_TYPE_LWT_OUT"},
    {12, "BPF_PROG_TYPE_LWT_XMIT"},
    {13, "BPF_PROG_TYPE_SOCK_OPS"},
    {14, "BPF_PROG_TYPE_SK_SKB"},
    {15, "BPF_PROG_TYPE_CGROUP_DEVICE"},
    {16, "BPF_PROG_TYPE_SK_MSG"},
    {17, "BPF_PROG_TYPE_RAW_TRACEPOINT"},
    {18, "BPF_PROG_TYPE_CGROUP_SOCK_ADDR"},
    {19, "BPF_PROG_TYPE_LWT_SEG6LOCAL"},
    {20, "BPF_PROG_TYPE_LIRC_MODE2"},
    {21, "BPF_PROG_TYPE_SK_REUSEPORT"},
    {22, "BPF_PROG_TYPE_FLOW_DISSECTOR"},
    {23, "BPF_PROG_TYPE_CGROUP_SYSCTL"},
    {24, "BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE"},
    {25, "BPF_PROG_TYPE_CGROUP_SOCKOPT"},
    {26, "BPF_PROG_TYPE_TRACING"},
    {27, "BPF_PROG_TYPE_STRUCT_OPS"},
    {28, "BPF_PROG_TYPE_EXT"},
    {29, "BPF_PROG_TYPE_LSM"},
    {30, "BPF_PROG_TYPE_SK_LOOKUP"},
    {31, "BPF_PROG_TYPE_SYSCALL"},
};
constexpr XlatEntry kBpfAttachTypes[] = {
    {0, "BPF_CGROUP_INET_INGRESS"},
    {1, "BPF_CGROUP_INET_EGRESS"},
    {2, "BPF_CGROUP_INET_SOCK_CREATE"},
    {3, "BPF_CGROUP_SOCK_OPS"},
    {4, "BPF_SK_SKB_STREAM_PARSER"},
    {5, "BPF_SK_SKB_STREAM_VERDICT"},
    {6, "BPF_CGROUP_DEVICE"},
    {7, "BPF_SK_MSG_VERDICT"},
    {8, "BPF_CGROUP_INET4_BIND"},
    {9, "BPF_CGROUP_INET6_BIND"},
    {10, "BPF_CGROUP_INET4_CONNECT"},
    {11, "BPF_CGROUP_INET6_CONNECT"},
    {12, "BPF_CGROUP_INET4_POST_BIND"},
    {13, "BPF_CGROUP_INET6_POST_BIND"},
    {14, "BPF_CGROUP_UDP4_SENDMSG"},
    {15, "BPF_CGROUP_UDP6_SENDMSG"},
    {16, "BPF_LIRC_MODE2"},
    {17, "BPF_FLOW_DISSECTOR"},
    {18, "BPF_CGROUP_SYSCTL"},
    {19, "BPF_CGROUP_UDP4_RECVMSG"},
    {20, "BPF_CGROUP_UDP6_RECVMSG"},
    {21, "BPF_CGROUP_GETSOCKOPT"},
    {22, "BPF_CGROUP_SETSOCKOPT"},
    {23, "BPF_TRACE_RAW_TP"},
    {24, "BPF_TRACE_FENTRY"},
    {25, "BPF_TRACE_FEXIT"},
    {26, "BPF_MODIFY_RETURN"},
    {27, "BPF_LSM_MAC"},
    {28, "BPF_TRACE_ITER"},
    {29, "BPF_CGROUP_INET4_GETPEERNAME"},
    {30, "BPF_CGROUP_INET6_GETPEERNAME"},
    {31, "BPF_CGROUP_INET4_GETSOCKNAME"},
    {32, "BPF_CGROUP_INET6_GETSOCKNAME"},
    {33, "BPF_XDP_DEVMAP"},
    {34, "BPF_CGROUP_INET_SOCK_RELEASE"},
    {35, "BPF_XDP_CPUMAP"},
    {36, "BPF_SK_LOOKUP"},
    {37, "BPF_XDP"},
    {38, "BPF_SK_SKB_VERDICT"},
    {39, "BPF_SK_REUSEPORT_SELECT"},
    {40, "BPF_SK_REUSEPORT_SELECT_OR_MIGRATE"},
    {41, "BPF_PERF_EVENT"},
    {42, "BPF_TRACE_KPROBE_MULTI"},
    {43, "BPF_LSM_CGROUP"},
};

constexpr XlatEntry kBpfMapFlags[] = {
    {1 << 0, "BPF_F_NO_PREALLOC"}, {1 << 1, "BPF_F_NO_COMMON_LRU"},
    {1 << 2, "BPF_F_NUMA_NODE"},   {1 << 3, "BPF_F_RDONLY"},
    {1 << 4, "BPF_F_WRONLY"},      {1 << 5, "BPF_F_STACK_BUILD_ID"},
    {1 << 6, "BPF_F_ZERO_SEED"},   {1 << 7, "BPF_F_RDONLY_PROG"},
    {1 << 8, "BPF_F_WRONLY_PROG"}, {1 << 9, "BPF_F_CLONE"},
    {1 << 10, "BPF_F_MMAPABLE"},   {1 << 11, "BPF_F_PRESERVE_ELEMS"},
    {1 << 12, "BPF_F_INNER_MAP"},
};
constexpr XlatEntry kBpfLookupFlags[] = {{0, "BPF_ANY"}, {4, "BPF_F_LOCK"}};
constexpr XlatEntry kBpfUpdateFlags[] = {
    {0, "BPF_ANY"},
    {1, "BPF_NOEXIST"},
    {2, "BPF_EXIST"},
    {4, "BPF_F_LOCK"},
};
constexpr XlatEntry kBpfProgFlags[] = {
    {1 << 0, "BPF_F_STRICT_ALIGNMENT"}, {1 << 1, "BPF_F_ANY_ALIGNMENT"},
    {1 << 2, "BPF_F_TEST_RND_HI32"},    {1 << 3, "BPF_F_TEST_STATE_FREQ"},
    {1 << 4, "BPF_F_SLEEPABLE"},        {1 << 5, "BPF_F_XDP_HAS_FRAGS"},
};
constexpr XlatEntry kBpfFileFlags[] = {
    {1 << 3, "BPF_F_RDONLY"},
    {1 << 4, "BPF_F_WRONLY"},
};

// The attributes as read: `len` bytes of the command's structure (the
// rest zero), as strace copies them.
class BpfAttr {
 public:
  BpfAttr(const char* data, size_t size, size_t struct_size)
      : data_(data), len_(size < struct_size ? size : struct_size) {}
  size_t len() const { return len_; }
  uint32_t U32(size_t off) const {
    uint32_t v = 0;
    Copy(off, &v, sizeof(v));
    return v;
  }
  uint64_t U64(size_t off) const {
    uint64_t v = 0;
    Copy(off, &v, sizeof(v));
    return v;
  }
  // Bytes [off, off + n) that were read, the rest zero, into `to`.
  void Copy(size_t off, void* to, size_t n) const {
    memset(to, 0, n);
    if (off < len_) memcpy(to, data_ + off, len_ - off < n ? len_ - off : n);
  }

 private:
  const char* data_;
  size_t len_;
};

void BpfField(D& d, const char* name, bool first = false) {
  if (!first) d.Sep();
  d.Put(name);
  d.out->push_back('=');
}

void BpfFd(D& d, const char* name, uint32_t v) {
  BpfField(d, name);
  d.FdValue(static_cast<int32_t>(v));
}

// A char array field: the string up to its NUL, or all of it and "...".
void BpfName(D& d, const BpfAttr& a, size_t off, size_t size) {
  char name[16];
  const size_t n = a.len() - off < size ? a.len() - off : size;
  a.Copy(off, name, sizeof(name));
  const size_t l = strnlen(name, n);
  d.out->push_back('"');
  d.Escaped(name, l);
  d.out->push_back('"');
  if (l == n) d.Put("...");
}

// An interface index: if_nametoindex("lo") (restyled by -X), or the
// number.
void BpfIfIndex(D& d, uint32_t index) {
  char name[IF_NAMESIZE];
  if (index != 0 && if_indextoname(index, name) != nullptr) {
    const size_t mark = d.out->size();
    d.Put("if_nametoindex(\"");
    d.Escaped(name, strnlen(name, sizeof(name)));
    d.Put("\")");
    RestyleConst(d.out, mark, RawConst::Udec(index));
  } else {
    d.Udec(index);
  }
}

// struct bpf_insn.
struct EbpfInsn {
  uint8_t code;
  uint8_t regs;  // dst_reg in the low 4 bits, src_reg in the high ones
  int16_t off;
  int32_t imm;
};

void EbpfReg(D& d, uint32_t r) {
  if (r <= 10) {
    const size_t mark = d.out->size();
    d.Put("BPF_REG_");
    d.Udec(r);
    RestyleConst(d.out, mark, RawConst::Hex(r));
  } else {
    d.Hex(r);
    if (CurrentXlatStyle() != XlatStyle::kRaw) d.Put(" /* BPF_REG_??? */");
  }
}

// An eBPF program (-v): "[{code=BPF_ALU64|BPF_K|BPF_MOV, dst_reg=BPF_REG_0,
// src_reg=BPF_REG_0, off=0, imm=0}, ...]".
void EbpfProgram(D& d, uint64_t addr, uint32_t count) {
  uint32_t n = 0;
  d.Array<EbpfInsn>(addr, count, [&d, &n](const EbpfInsn& i) {
    if (n++ >= 4096) {
      d.Put("...");
      return;
    }
    d.Put("{code=");
    BpfCode(d, i.code, true);
    d.Put(", dst_reg=");
    EbpfReg(d, i.regs & 0xf);
    d.Put(", src_reg=");
    EbpfReg(d, i.regs >> 4);
    d.Put(", off=");
    d.Dec(i.off);
    d.Put(", imm=");
    d.Hex(static_cast<uint32_t>(i.imm));
    d.out->push_back('}');
  });
}

// Each decoder returns its structure's size (strace 6.1's).
size_t BpfMapCreate(D& d, const BpfAttr& a) {
  BpfField(d, "map_type", true);
  d.Xval(a.U32(0), kBpfMapTypes, "BPF_MAP_TYPE_???");
  BpfField(d, "key_size");
  d.Udec(a.U32(4));
  BpfField(d, "value_size");
  d.Udec(a.U32(8));
  BpfField(d, "max_entries");
  d.Udec(a.U32(12));
  if (a.len() <= 16) return 72;
  BpfField(d, "map_flags");
  d.Flags(a.U32(16), kBpfMapFlags, "BPF_F_???");
  if (a.len() <= 20) return 72;
  BpfFd(d, "inner_map_fd", a.U32(20));
  if (a.len() <= 24) return 72;
  if (a.U32(16) & 4) {
    BpfField(d, "numa_node");
    d.Udec(a.U32(24));
    if (a.U32(24) == UINT32_MAX) d.Put(" /* NUMA_NO_NODE */");
  }
  if (a.len() <= 28) return 72;
  BpfField(d, "map_name");
  BpfName(d, a, 28, 16);
  if (a.len() <= 44) return 72;
  BpfField(d, "map_ifindex");
  BpfIfIndex(d, a.U32(44));
  if (a.len() <= 48) return 72;
  BpfFd(d, "btf_fd", a.U32(48));
  BpfField(d, "btf_key_type_id");
  d.Udec(a.U32(52));
  BpfField(d, "btf_value_type_id");
  d.Udec(a.U32(56));
  if (a.len() <= 60) return 72;
  BpfField(d, "btf_vmlinux_value_type_id");
  d.Udec(a.U32(60));
  if (a.len() <= 64) return 72;
  BpfField(d, "map_extra");
  d.Udec(a.U64(64));
  return 72;
}

// MAP_LOOKUP_ELEM, MAP_LOOKUP_AND_DELETE_ELEM, MAP_UPDATE_ELEM,
// MAP_DELETE_ELEM, MAP_GET_NEXT_KEY, MAP_FREEZE.
size_t BpfMapElem(D& d, const BpfAttr& a, uint32_t cmd) {
  BpfField(d, "map_fd", true);
  d.FdValue(static_cast<int32_t>(a.U32(0)));
  if (cmd == 22) return 4;
  BpfField(d, "key");
  d.Ptr(a.U64(8));
  if (cmd == 3) return 16;
  if (cmd == 4) {
    BpfField(d, "next_key");
    d.Ptr(a.U64(16));
    return 24;
  }
  BpfField(d, "value");
  d.Ptr(a.U64(16));
  if (cmd == 2) {
    BpfField(d, "flags");
    d.Xval(a.U64(24), kBpfUpdateFlags, "BPF_???");
  } else if (a.len() > 24) {
    BpfField(d, "flags");
    d.Flags(a.U64(24), kBpfLookupFlags, "BPF_???");
  }
  return 32;
}

size_t BpfProgLoad(D& d, const BpfAttr& a) {
  BpfField(d, "prog_type", true);
  d.Xval(a.U32(0), kBpfProgTypes, "BPF_PROG_TYPE_???");
  BpfField(d, "insn_cnt");
  d.Udec(a.U32(4));
  BpfField(d, "insns");
  if (d.abbrev) {
    d.Ptr(a.U64(8));
  } else {
    EbpfProgram(d, a.U64(8), a.U32(4));
  }
  BpfField(d, "license");
  d.CStr(a.U64(16), d.opt().string_limit);
  if (a.len() <= 24) return 128;
  BpfField(d, "log_level");
  d.Udec(a.U32(24));
  BpfField(d, "log_size");
  d.Udec(a.U32(28));
  BpfField(d, "log_buf");
  d.CStrN(a.U64(32), a.U32(28));
  if (a.len() <= 40) return 128;
  const uint32_t v = a.U32(40);
  BpfField(d, "kern_version");
  const size_t mark = d.out->size();
  d.Put("KERNEL_VERSION(");
  d.Udec(v >> 16);
  d.Sep();
  d.Udec((v >> 8) & 0xff);
  d.Sep();
  d.Udec(v & 0xff);
  d.out->push_back(')');
  RestyleConst(d.out, mark, RawConst::Hex(v));
  if (a.len() <= 44) return 128;
  BpfField(d, "prog_flags");
  d.Flags(a.U32(44), kBpfProgFlags, "BPF_F_???");
  if (a.len() <= 48) return 128;
  BpfField(d, "prog_name");
  BpfName(d, a, 48, 16);
  if (a.len() <= 64) return 128;
  BpfField(d, "prog_ifindex");
  BpfIfIndex(d, a.U32(64));
  if (a.len() <= 68) return 128;
  BpfField(d, "expected_attach_type");
  d.Xval(a.U32(68), kBpfAttachTypes, "BPF_???");
  if (a.len() <= 72) return 128;
  BpfFd(d, "prog_btf_fd", a.U32(72));
  BpfField(d, "func_info_rec_size");
  d.Udec(a.U32(76));
  BpfField(d, "func_info");
  d.Ptr(a.U64(80));
  BpfField(d, "func_info_cnt");
  d.Udec(a.U32(88));
  BpfField(d, "line_info_rec_size");
  d.Udec(a.U32(92));
  BpfField(d, "line_info");
  d.Ptr(a.U64(96));
  BpfField(d, "line_info_cnt");
  d.Udec(a.U32(104));
  if (a.len() <= 108) return 128;
  BpfField(d, "attach_btf_id");
  d.Udec(a.U32(108));
  if (a.len() <= 112) return 128;
  BpfFd(d, "attach_prog_fd", a.U32(112));
  if (a.len() <= 120) return 128;
  BpfField(d, "fd_array");
  d.Ptr(a.U64(120));
  return 128;
}

// OBJ_PIN, OBJ_GET.
size_t BpfObj(D& d, const BpfAttr& a) {
  BpfField(d, "pathname", true);
  d.CStr(a.U64(0), 4096);
  BpfFd(d, "bpf_fd", a.U32(8));
  if (a.len() > 12) {
    BpfField(d, "file_flags");
    d.Flags(a.U32(12), kBpfFileFlags, "BPF_F_???");
  }
  return 16;
}

// PROG_ATTACH (target, program, type, flags, the fd replaced), and
// PROG_DETACH (target and type only).
constexpr XlatEntry kBpfAttachFlags[] = {
    {1, "BPF_F_ALLOW_OVERRIDE"},
    {2, "BPF_F_ALLOW_MULTI"},
    {4, "BPF_F_REPLACE"},
};

size_t BpfProgAttach(D& d, const BpfAttr& a, bool attach) {
  BpfField(d, "target_fd", true);
  d.FdValue(static_cast<int32_t>(a.U32(0)));
  if (attach) BpfFd(d, "attach_bpf_fd", a.U32(4));
  BpfField(d, "attach_type");
  d.Xval(a.U32(8), kBpfAttachTypes, "BPF_???");
  if (!attach) return 12;
  BpfField(d, "attach_flags");
  d.Flags(a.U32(12), kBpfAttachFlags, "BPF_F_???");
  if (a.len() > 16) BpfFd(d, "replace_bpf_fd", a.U32(16));
  return 20;
}

// The *_GET_NEXT_ID and *_GET_FD_BY_ID commands: an id, and for most
// the next id and open flags too.
size_t BpfById(D& d, const BpfAttr& a, const char* id_name, bool id_only) {
  BpfField(d, id_name, true);
  d.Udec(a.U32(0));
  if (id_only) return 4;
  BpfField(d, "next_id");
  d.Udec(a.U32(4));
  BpfField(d, "open_flags");
  d.Flags(a.U32(8), kBpfFileFlags, "BPF_F_???");
  return 12;
}

// RAW_TRACEPOINT_OPEN, BTF_LOAD and LINK_UPDATE, in strace's nested form.
size_t BpfRawTracepoint(D& d, const BpfAttr& a) {
  d.Put("raw_tracepoint={name=");
  d.CStr(a.U64(0), d.opt().string_limit);
  BpfFd(d, "prog_fd", a.U32(8));
  d.out->push_back('}');
  return 12;
}

size_t BpfBtfLoad(D& d, const BpfAttr& a) {
  BpfField(d, "btf", true);
  d.Buf(a.U64(0), a.U32(16));
  BpfField(d, "btf_log_buf");
  d.Ptr(a.U64(8));
  BpfField(d, "btf_size");
  d.Udec(a.U32(16));
  BpfField(d, "btf_log_size");
  d.Udec(a.U32(20));
  BpfField(d, "btf_log_level");
  d.Udec(a.U32(24));
  return 28;
}

size_t BpfLinkUpdate(D& d, const BpfAttr& a) {
  d.Put("link_update={link_fd=");
  d.FdValue(static_cast<int32_t>(a.U32(0)));
  BpfFd(d, "new_prog_fd", a.U32(4));
  BpfField(d, "flags");
  d.Flags(a.U32(8), kBpfAttachFlags, "BPF_F_???");
  if (a.U32(8) & 4) BpfFd(d, "old_prog_fd", a.U32(12));
  d.out->push_back('}');
  return 16;
}

// PROG_TEST_RUN, as given (strace 6.1 shows nothing of what it returns).
constexpr XlatEntry kBpfTestRunFlags[] = {
    {1, "BPF_F_TEST_RUN_ON_CPU"},
    {2, "BPF_F_TEST_XDP_LIVE_FRAMES"},
};

size_t BpfTestRun(D& d, const BpfAttr& a) {
  d.Put("test={prog_fd=");
  d.FdValue(static_cast<int32_t>(a.U32(0)));
  static constexpr const char* kU32Names[] = {"retval", "data_size_in",
                                              "data_size_out"};
  for (size_t i = 0; i < 3; ++i) {
    BpfField(d, kU32Names[i]);
    d.Udec(a.U32(4 + 4 * i));
  }
  BpfField(d, "data_in");
  d.Ptr(a.U64(16));
  BpfField(d, "data_out");
  d.Ptr(a.U64(24));
  BpfField(d, "repeat");
  d.Udec(a.U32(32));
  BpfField(d, "duration");
  d.Udec(a.U32(36));
  if (a.len() > 40) {
    BpfField(d, "ctx_size_in");
    d.Udec(a.U32(40));
    BpfField(d, "ctx_size_out");
    d.Udec(a.U32(44));
    BpfField(d, "ctx_in");
    d.Ptr(a.U64(48));
    BpfField(d, "ctx_out");
    d.Ptr(a.U64(56));
  }
  if (a.len() > 64) {
    BpfField(d, "flags");
    d.Flags(a.U32(64), kBpfTestRunFlags, "BPF_F_???");
    BpfField(d, "cpu");
    d.Udec(a.U32(68));
  }
  if (a.len() > 72) {
    BpfField(d, "batch_size");
    d.Udec(a.U32(72));
  }
  d.out->push_back('}');
  return 76;
}

// LINK_CREATE: program, target, attach type and flags, then what some
// attach types add (strace 6.1 shows a non-zero target_btf_id for attach
// type 0, as tracing programs' links have it).
constexpr XlatEntry kBpfKprobeMultiFlags[] = {{1, "BPF_F_KPROBE_MULTI_RETURN"}};

size_t BpfLinkCreate(D& d, const BpfAttr& a) {
  d.Put("link_create={prog_fd=");
  d.FdValue(static_cast<int32_t>(a.U32(0)));
  BpfFd(d, "target_fd", a.U32(4));
  const uint32_t type = a.U32(8);
  BpfField(d, "attach_type");
  d.Xval(type, kBpfAttachTypes, "BPF_???");
  BpfField(d, "flags");
  d.Hex(a.U32(12));
  size_t end = 16;
  switch (type) {
    case 0:  // BPF_CGROUP_INET_INGRESS, or a tracing program's link
      if (a.U32(16) != 0) {
        BpfField(d, "target_btf_id");
        d.Udec(a.U32(16));
      }
      end = 20;
      break;
    case 28:  // BPF_TRACE_ITER
      BpfField(d, "iter_info");
      d.Ptr(a.U64(16));
      BpfField(d, "iter_info_len");
      d.Udec(a.U32(24));
      end = 28;
      break;
    case 41:  // BPF_PERF_EVENT
      d.Put(", perf_event={bpf_cookie=");
      d.Hex(a.U64(16));
      d.out->push_back('}');
      end = 24;
      break;
    case 42:  // BPF_TRACE_KPROBE_MULTI
      d.Put(", kprobe_multi={flags=");
      d.Flags(a.U32(16), kBpfKprobeMultiFlags, "BPF_F_???");
      BpfField(d, "cnt");
      d.Udec(a.U32(20));
      BpfField(d, "syms");
      d.Ptr(a.U64(24));
      BpfField(d, "addrs");
      d.Ptr(a.U64(32));
      BpfField(d, "cookies");
      d.Ptr(a.U64(40));
      d.out->push_back('}');
      end = 48;
      break;
    default:
      break;
  }
  d.out->push_back('}');
  return end;
}

constexpr XlatEntry kBpfFdTypes[] = {
    {0, "BPF_FD_TYPE_RAW_TRACEPOINT"}, {1, "BPF_FD_TYPE_TRACEPOINT"},
    {2, "BPF_FD_TYPE_KPROBE"},         {3, "BPF_FD_TYPE_KRETPROBE"},
    {4, "BPF_FD_TYPE_UPROBE"},         {5, "BPF_FD_TYPE_URETPROBE"},
};

// Commands whose result strace 6.1 shows as an fd (-y: not
// RAW_TRACEPOINT_OPEN's link).
bool BpfReturnsFd(uint32_t cmd) {
  return cmd == 0 || cmd == 5 || cmd == 6 || cmd == 7 || cmd == 13 ||
         cmd == 14 || cmd == 18 || cmd == 19 || cmd == 28 || cmd == 30;
}

// `n` bytes as "\x59\xf4..." (all of them, as strace's tag and
// extra_data).
void BpfHexBytes(D& d, const char* bytes, size_t n) {
  AppendEscaped(d.out, bytes, n, HexStrings::kAll);  // strace's -xx form
}

// Non-zero bytes past a command's structure: "..." (with -v, all of them
// in hex as extra_data).
void BpfExtraData(D& d, const char* buf, size_t size, size_t struct_size) {
  for (size_t i = struct_size; i < size; ++i) {
    if (buf[i] != 0) {
      if (d.abbrev) {
        d.Put(", ...");
      } else {
        // All the bytes past the structure, in hex.
        d.Put(", extra_data=\"");
        BpfHexBytes(d, buf + struct_size, size - struct_size);
        d.Put("\" /* bytes ");
        d.Udec(struct_size);
        d.Put("..");
        d.Udec(size - 1);
        d.Put(" */");
      }
      break;
    }
  }
}

// An info structure's 16-byte name: up to its NUL (the bytes the kernel
// did not write are zero); when none of the 16 is one, the first 15 and
// "...".
void BpfInfoName(D& d, const BpfAttr& a, size_t off) {
  char name[16];
  a.Copy(off, name, sizeof(name));
  const size_t l = strnlen(name, sizeof(name));
  d.out->push_back('"');
  d.Escaped(name, l < sizeof(name) ? l : sizeof(name) - 1);
  d.out->push_back('"');
  if (l == sizeof(name)) d.Put("...");
}

// netns_dev: makedev(major, minor) of the kernel's dev_t encoding (with
// -X raw the number).
void BpfNetnsDev(D& d, uint64_t dev) {
  const size_t mark = d.out->size();
  d.Put("makedev(");
  d.Hex(((dev >> 32) & 0xfffff000) | ((dev >> 8) & 0xfff));
  d.Sep();
  d.Hex(((dev >> 12) & 0xffffff00) | (dev & 0xff));
  d.out->push_back(')');
  RestyleConst(d.out, mark, RawConst::Hex(dev));
}

// The info at the fd's buffer: its info_len bytes into buf; false when the
// fd is not of `kind` ("anon_inode:bpf-map"), the length is zero or more
// than 4096, or the buffer is unreadable.
bool BpfReadInfo(D& d, const BpfAttr& attr, const char* kind, char (&buf)[4096],
                 size_t* n) {
  const size_t size = sizeof(buf);
  std::string& link = d.dec->scratch2();
  if (!d.dec->mem()->ReadFdPath(d.c.tid, static_cast<int32_t>(attr.U32(0)),
                                &link) ||
      link != kind) {
    return false;
  }
  // strace 6.1 reads at most a page of it, else prints the address.
  const uint32_t info_len = attr.U32(4);
  if (info_len > size) return false;
  *n = info_len;
  return *n > 0 && attr.U64(8) != 0 &&
         d.dec->mem()->Read(d.c.tid, attr.U64(8), buf, *n) ==
             static_cast<ssize_t>(*n);
}

// With -v, a map's struct bpf_map_info as far as the length the kernel
// wrote back covers it (strace 6.1 shows its first 76 bytes, and what is
// past its 88 as extra_data); false when the fd is not a map or the buffer
// is unreadable.
bool BpfMapInfo(D& d, const BpfAttr& attr) {
  char buf[4096];
  size_t n = 0;
  if (!BpfReadInfo(d, attr, "anon_inode:bpf-map", buf, &n)) return false;
  const BpfAttr a(buf, n, 80);
  BpfField(d, "{type", true);
  d.Xval(a.U32(0), kBpfMapTypes, "BPF_MAP_TYPE_???");
  static constexpr const char* kSizes[] = {"id", "key_size", "value_size",
                                           "max_entries"};
  for (size_t i = 0; i < 4; ++i) {
    BpfField(d, kSizes[i]);
    d.Udec(a.U32(4 + 4 * i));
  }
  BpfField(d, "map_flags");
  d.Flags(a.U32(20), kBpfMapFlags, "BPF_F_???");
  if (n > 24) {
    BpfField(d, "name");
    BpfInfoName(d, a, 24);
  }
  if (n > 40) {
    BpfField(d, "ifindex");
    BpfIfIndex(d, a.U32(40));
    BpfField(d, "btf_vmlinux_value_type_id");
    d.Udec(a.U32(44));
    BpfField(d, "netns_dev");
    BpfNetnsDev(d, a.U64(48));
    BpfField(d, "netns_ino");
    d.Udec(a.U64(56));
  }
  if (n > 64) {
    BpfField(d, "btf_id");
    d.Udec(a.U32(64));
    BpfField(d, "btf_key_type_id");
    d.Udec(a.U32(68));
    BpfField(d, "btf_value_type_id");
    d.Udec(a.U32(72));
  }
  // Its structure is 88 bytes (map_extra, not shown, included).
  BpfExtraData(d, buf, n, 88);
  d.out->push_back('}');
  return true;
}

// struct bpf_prog_info as strace 6.1 knows it (220 bytes, to
// verified_insns), and the offsets of its value-result fields (the
// lengths and counts of the buffers the caller gives), whose values at
// entry are saved for the exit in this order.
constexpr size_t kBpfProgInfoSize = 220;
constexpr uint8_t kBpfProgInfoInOut[] = {16,  20,  52,  104, 108, 132,
                                         144, 148, 168, 172, 176, 180};
constexpr size_t kBpfProgInfoInOutCount = std::size(kBpfProgInfoInOut);
static_assert(kBpfProgInfoInOutCount * sizeof(uint32_t) <= kSavedExtraMax);

// The entry values of the value-result fields of the info the attributes
// point to (zero past the info_len bytes read).
void BpfProgInfoIn(D& d, const BpfAttr& attr,
                   uint32_t (&in)[kBpfProgInfoInOutCount]) {
  char buf[kBpfProgInfoSize];
  const uint32_t info_len = attr.U32(4);
  const size_t n = info_len < sizeof(buf) ? info_len : sizeof(buf);
  size_t got = 0;
  if (n > 0 && attr.U64(8) != 0 &&
      d.dec->mem()->Read(d.c.tid, attr.U64(8), buf, n) ==
          static_cast<ssize_t>(n)) {
    got = n;
  }
  const BpfAttr a(buf, got, sizeof(buf));
  for (size_t i = 0; i < kBpfProgInfoInOutCount; ++i) {
    in[i] = a.U32(kBpfProgInfoInOut[i]);
  }
}

// A load time (ns since boot) as strace shows it: the number, and the
// wall-clock time of it in a comment, to the second (not with -X raw).
void BpfBootTime(D& d, uint64_t ns) {
  d.Udec(ns);
  if (CurrentXlatStyle() == XlatStyle::kRaw) return;
  timespec rt{}, bt{};
  clock_gettime(CLOCK_REALTIME, &rt);
  clock_gettime(CLOCK_BOOTTIME, &bt);
  constexpr int64_t kNs = 1000000000;
  int64_t sec = static_cast<int64_t>(rt.tv_sec) - bt.tv_sec +
                static_cast<int64_t>(ns / kNs);
  int64_t nsec = static_cast<int64_t>(rt.tv_nsec) - bt.tv_nsec +
                 static_cast<int64_t>(ns % kNs);
  if (nsec < 0) {
    nsec += kNs;
    --sec;
  } else if (nsec >= kNs) {
    nsec -= kNs;
    ++sec;
  }
  char text[96];
  const size_t len = FormatTime(text, sizeof(text), sec, 0, 999999999, 9);
  if (len == 0) return;
  d.Put(" /* ");
  d.out->append(text, len);
  d.Put(" */");
}

// With -v, a program's struct bpf_prog_info: the groups of fields that
// start before the length written back; each value-result field as
// "4096 => 20" when the call changed it; the instructions (xlated as
// eBPF, jited in hex) and map ids written. False when the fd is not a
// program or the buffer is unreadable.
bool BpfProgInfo(D& d, const BpfAttr& attr,
                 const uint32_t (&in)[kBpfProgInfoInOutCount]) {
  char buf[4096];
  size_t n = 0;
  if (!BpfReadInfo(d, attr, "anon_inode:bpf-prog", buf, &n)) return false;
  const BpfAttr a(buf, n, kBpfProgInfoSize);
  // A value-result field: its entry value, and what the call made it.
  auto in_out = [&d, &a, &in](const char* name, size_t i) {
    BpfField(d, name);
    const uint32_t now = a.U32(kBpfProgInfoInOut[i]);
    d.Udec(in[i]);
    if (!d.failed() && now != in[i]) {
      d.Put(" => ");
      d.Udec(now);
    }
    return in[i] < now ? in[i] : now;
  };
  auto u32 = [&d, &a](const char* name, size_t off) {
    BpfField(d, name);
    d.Udec(a.U32(off));
  };
  auto ptr = [&d, &a](const char* name, size_t off) {
    BpfField(d, name);
    d.Ptr(a.U64(off));
  };
  BpfField(d, "{type", true);
  d.Xval(a.U32(0), kBpfProgTypes, "BPF_PROG_TYPE_???");
  u32("id", 4);
  d.Put(", tag=\"");
  {
    char tag[8];
    a.Copy(8, tag, sizeof(tag));
    BpfHexBytes(d, tag, sizeof(tag));
  }
  d.out->push_back('"');
  in_out("jited_prog_len", 0);
  BpfField(d, "jited_prog_insns");
  d.BufHex(a.U64(24), a.U32(16));
  const uint32_t xlated = in_out("xlated_prog_len", 1);
  BpfField(d, "xlated_prog_insns");
  EbpfProgram(d, a.U64(32), xlated / 8);
  if (n > 40) {
    BpfField(d, "load_time");
    BpfBootTime(d, a.U64(40));
    u32("created_by_uid", 48);
    const uint32_t maps = in_out("nr_map_ids", 2);
    BpfField(d, "map_ids");
    d.Array<uint32_t>(a.U64(56), maps, [&d](uint32_t id) { d.Udec(id); });
    BpfField(d, "name");
    BpfInfoName(d, a, 64);
  }
  if (n > 80) {
    BpfField(d, "ifindex");
    BpfIfIndex(d, a.U32(80));
    BpfField(d, "gpl_compatible");
    d.Udec(a.U32(84) & 1);
    BpfField(d, "netns_dev");
    BpfNetnsDev(d, a.U64(88));
    BpfField(d, "netns_ino");
    d.Udec(a.U64(96));
  }
  if (n > 104) {
    in_out("nr_jited_ksyms", 3);
    in_out("nr_jited_func_lens", 4);
    ptr("jited_ksyms", 112);
    ptr("jited_func_lens", 120);
  }
  if (n > 128) {
    u32("btf_id", 128);
    in_out("func_info_rec_size", 5);
    ptr("func_info", 136);
    in_out("nr_func_info", 6);
    in_out("nr_line_info", 7);
    ptr("line_info", 152);
    ptr("jited_line_info", 160);
    in_out("nr_jited_line_info", 8);
    in_out("line_info_rec_size", 9);
    in_out("jited_line_info_rec_size", 10);
    in_out("nr_prog_tags", 11);
    ptr("prog_tags", 184);
  }
  if (n > 192) {
    BpfField(d, "run_time_ns");
    d.Udec(a.U64(192));
    BpfField(d, "run_cnt");
    d.Udec(a.U64(200));
  }
  if (n > 208) {
    BpfField(d, "recursion_misses");
    d.Udec(a.U64(208));
  }
  if (n > 216) u32("verified_insns", 216);
  BpfExtraData(d, buf, n, kBpfProgInfoSize);
  d.out->push_back('}');
  return true;
}

// OBJ_GET_INFO_BY_FD and PROG_QUERY print at entry and at exit, each time
// from the attributes as they are then. Reads them into buf, and returns
// whether they can be shown; at entry prints the command, and when they
// cannot be shown, the address and size as for the other commands.
bool BpfReadInOut(D& d, char (&buf)[4096]) {
  const uint32_t size = d.u32(2);
  const uint64_t addr = d.u(1);
  const bool readable = size > 0 && size <= sizeof(buf) && addr != 0 &&
                        d.verbose &&
                        d.dec->mem()->Read(d.c.tid, addr, buf, size) ==
                            static_cast<ssize_t>(size);
  if (d.entering()) {
    d.Xval(d.u32(0), kBpfCommands, "BPF_???");
    d.Sep();
    if (!readable) {
      d.Ptr(addr);
      d.Sep();
      d.Udec(size);
    }
  }
  return readable;
}
// Their exit's end: the inner and outer structures' close, with any bytes
// past `struct_size` between, then the size.
void BpfEndInOut(D& d, const char* buf, bool readable, size_t struct_size) {
  d.out->push_back('}');
  if (readable) BpfExtraData(d, buf, d.u32(2), struct_size);
  d.out->push_back('}');
  d.Sep();
  d.Udec(d.u32(2));
}

// OBJ_GET_INFO_BY_FD: the fd and buffer length at entry; at exit the
// length the kernel wrote back when it differs ("200 => 104"), and the
// buffer: with -v a map's or program's info, else its address. The entry
// values of a program info's value-result fields are kept for the exit.
void BpfObjInfo(D& d) {
  const uint32_t size = d.u32(2);
  char buf[4096];
  const bool readable = BpfReadInOut(d, buf);
  uint32_t in[kBpfProgInfoInOutCount] = {};
  if (d.entering()) {
    if (!readable) return;
    const BpfAttr a(buf, size, 16);
    d.Put("{info={bpf_fd=");
    d.FdValue(static_cast<int32_t>(a.U32(0)));
    d.Put(", info_len=");
    d.Udec(a.U32(4));
    if (!d.abbrev) BpfProgInfoIn(d, a, in);
    SaveForExit(d, a.U32(4), in, sizeof(in));
    return;
  }
  int64_t len = 0;
  if (!TakeSaved(d, &len, in, sizeof(in))) return;
  const BpfAttr a(buf, readable ? size : 0, 16);
  if (readable && !d.failed() && a.U32(4) != static_cast<uint64_t>(len)) {
    d.Put(" => ");
    d.Udec(a.U32(4));
  }
  d.Put(", info=");
  if (d.abbrev || !readable || (!BpfMapInfo(d, a) && !BpfProgInfo(d, a, in))) {
    d.Ptr(a.U64(8));
  }
  BpfEndInOut(d, buf, readable, 16);
}

// The MAP_*_BATCH commands (as given: strace 6.1 shows nothing of what
// they return): the batch cursors for the lookups, keys, values (not for
// DELETE), count, map, flags.
size_t BpfMapBatch(D& d, const BpfAttr& a, uint32_t cmd) {
  d.Put("batch={");
  const bool lookup = cmd == 24 || cmd == 25;
  if (lookup) {
    d.Put("in_batch=");
    d.Ptr(a.U64(0));
    BpfField(d, "out_batch");
    d.Ptr(a.U64(8));
    d.Sep();
  }
  d.Put("keys=");
  d.Ptr(a.U64(16));
  if (cmd != 27) {
    BpfField(d, "values");
    d.Ptr(a.U64(24));
  }
  BpfField(d, "count");
  d.Udec(a.U32(32));
  BpfFd(d, "map_fd", a.U32(36));
  BpfField(d, "elem_flags");
  d.Flags(a.U64(40), kBpfLookupFlags, "BPF_???");
  BpfField(d, "flags");
  d.Hex(a.U64(48));
  d.out->push_back('}');
  return 56;
}

constexpr XlatEntry kBpfQueryFlags[] = {{1, "BPF_F_QUERY_EFFECTIVE"}};

// PROG_QUERY: the target and query at entry; at exit the attach flags,
// the ids written and the count ("4 => 1" when it changed).
void BpfProgQuery(D& d) {
  const uint32_t size = d.u32(2);
  char buf[4096];
  const bool readable = BpfReadInOut(d, buf);
  if (d.entering()) {
    if (!readable) return;
    const BpfAttr a(buf, size, 28);
    d.Put("{query={target_fd=");
    d.FdValue(static_cast<int32_t>(a.U32(0)));
    BpfField(d, "attach_type");
    d.Xval(a.U32(4), kBpfAttachTypes, "BPF_???");
    BpfField(d, "query_flags");
    d.Flags(a.U32(8), kBpfQueryFlags, "BPF_F_QUERY_???");
    SaveForExit(d, a.U32(24));
    return;
  }
  int64_t count = 0;
  if (!TakeSaved(d, &count)) return;
  const BpfAttr a(buf, readable ? size : 0, 28);
  const uint32_t now = a.U32(24);
  BpfField(d, "attach_flags");
  d.Flags(a.U32(12), kBpfAttachFlags, "BPF_F_???");
  BpfField(d, "prog_ids");
  const uint64_t n = static_cast<uint64_t>(count) < now ? count : now;
  d.Array<uint32_t>(a.U64(16), n, [&d](uint32_t id) { d.Udec(id); });
  BpfField(d, "prog_cnt");
  d.Udec(static_cast<uint32_t>(count));
  if (readable && !d.failed() && now != static_cast<uint64_t>(count)) {
    d.Put(" => ");
    d.Udec(now);
  }
  BpfEndInOut(d, buf, readable, 28);
}

// TASK_FD_QUERY: the task, fd and buffer length at entry; at exit what
// the kernel wrote back (also when the call failed, as for ENOSPC): the
// length ("64 => 9"), the name in the buffer (as long as the length says),
// the program and the kind of probe.
void BpfTaskFdQuery(D& d) {
  const uint32_t size = d.u32(2);
  char buf[4096];
  const bool readable = BpfReadInOut(d, buf);
  const BpfAttr a(buf, readable ? size : 0, 48);
  if (d.entering()) {
    if (!readable) return;
    d.Put("{task_fd_query={pid=");
    d.Udec(a.U32(0));
    BpfFd(d, "fd", a.U32(4));
    BpfField(d, "flags");
    d.Udec(a.U32(8));
    BpfField(d, "buf_len");
    d.Udec(a.U32(12));
    SaveForExit(d, a.U32(12));
    return;
  }
  int64_t buf_len = 0;
  if (!TakeSaved(d, &buf_len)) return;
  if (a.U32(12) != static_cast<uint64_t>(buf_len)) {
    d.Put(" => ");
    d.Udec(a.U32(12));
  }
  BpfField(d, "buf");
  d.CStrN(a.U64(16), a.U32(12));
  BpfField(d, "prog_id");
  d.Udec(a.U32(24));
  BpfField(d, "fd_type");
  d.Xval(a.U32(28), kBpfFdTypes, "BPF_FD_TYPE_???");
  BpfField(d, "probe_offset");
  d.Hex(a.U64(32));
  BpfField(d, "probe_addr");
  d.Hex(a.U64(40));
  BpfEndInOut(d, buf, readable, 48);
}

void Bpf(D& d) {
  d.match_fds = false;  // -P: strace never matches bpf
  const uint32_t cmd = d.u32(0);
  if (cmd == 15) return BpfObjInfo(d);
  if (cmd == 16) return BpfProgQuery(d);
  if (cmd == 20) return BpfTaskFdQuery(d);
  const uint32_t size = d.u32(2);
  const uint64_t addr = d.u(1);
  if (d.exiting) {
    // -y: the fd's path only when the attributes were decoded (strace's
    // result flags come from the command's decoder; with verbose=none or
    // unreadable attributes the result is a plain number).
    char probe[4096];
    if (BpfReturnsFd(cmd) && d.verbose && addr != 0 && size != 0 &&
        size <= sizeof(probe) &&
        d.dec->mem()->Read(d.c.tid, addr, probe, size) ==
            static_cast<ssize_t>(size)) {
      d.RetFd();
    }
    return;
  }
  d.Xval(cmd, kBpfCommands, "BPF_???");
  d.Sep();
  // strace 6.1 decodes the commands up to BPF_LINK_GET_NEXT_ID.
  const bool known = cmd <= 31;
  if (size == 0 || size > 4096 || !known) {
    d.Ptr(addr);
  } else {
    // Not the scratch string: printing the strings in it reuses that.
    char buf[4096];
    if (addr == 0) {
      d.Put("NULL");
    } else if (!d.verbose || d.dec->mem()->Read(d.c.tid, addr, buf, size) !=
                                 static_cast<ssize_t>(size)) {
      d.Hex(addr);
    } else {
      d.out->push_back('{');
      size_t struct_size = 0;
      {
        // The largest structure decoded here is 128 bytes.
        const BpfAttr a(buf, size, 128);
        switch (cmd) {
          case 0:
            struct_size = BpfMapCreate(d, BpfAttr(buf, size, 72));
            break;
          case 5:
            struct_size = BpfProgLoad(d, a);
            break;
          case 6:
          case 7:
            struct_size = BpfObj(d, BpfAttr(buf, size, 16));
            break;
          case 8:
          case 9:
            struct_size = BpfProgAttach(d, BpfAttr(buf, size, 20), cmd == 8);
            break;
          case 11:
          case 12:
          case 23:
          case 31:
            struct_size = BpfById(d, a, "start_id", false);
            break;
          case 13:
            struct_size = BpfById(d, a, "prog_id", false);
            break;
          case 14:
            struct_size = BpfById(d, a, "map_id", false);
            break;
          case 19:
            struct_size = BpfById(d, a, "btf_id", true);
            break;
          case 30:
            struct_size = BpfById(d, a, "link_id", true);
            break;
          case 17:
            struct_size = BpfRawTracepoint(d, BpfAttr(buf, size, 12));
            break;
          case 10:
            struct_size = BpfTestRun(d, BpfAttr(buf, size, 76));
            break;
          case 28:
            struct_size = BpfLinkCreate(d, a);
            break;
          case 24:
          case 25:
          case 26:
          case 27:
            struct_size = BpfMapBatch(d, BpfAttr(buf, size, 56), cmd);
            break;
          case 18:
            struct_size = BpfBtfLoad(d, BpfAttr(buf, size, 28));
            break;
          case 29:
            struct_size = BpfLinkUpdate(d, BpfAttr(buf, size, 16));
            break;
          default: {
            const size_t n = cmd == 22 ? 4 : cmd == 3 ? 16 : cmd == 4 ? 24 : 32;
            struct_size = BpfMapElem(d, BpfAttr(buf, size, n), cmd);
          }
        }
      }
      BpfExtraData(d, buf, size, struct_size);
      d.out->push_back('}');
    }
  }
  d.Sep();
  d.Udec(size);
}

// ---------------------------------------------------------------------------
// Disk quotas: quotactl(cmd, special, id, addr) and quotactl_fd(fd, cmd, id,
// addr) (linux/quota.h, linux/dqblk_xfs.h).
// ---------------------------------------------------------------------------
// The commands (cmd >> 8): the generic ones and XFS's XQM_CMD(n).
constexpr XlatEntry kQuotaCmds[] = {
    {0x800001, "Q_SYNC"},         {0x800002, "Q_QUOTAON"},
    {0x800003, "Q_QUOTAOFF"},     {0x800004, "Q_GETFMT"},
    {0x800005, "Q_GETINFO"},      {0x800006, "Q_SETINFO"},
    {0x800007, "Q_GETQUOTA"},     {0x800008, "Q_SETQUOTA"},
    {0x800009, "Q_GETNEXTQUOTA"}, {0x5801, "Q_XQUOTAON"},
    {0x5802, "Q_XQUOTAOFF"},      {0x5803, "Q_XGETQUOTA"},
    {0x5804, "Q_XSETQLIM"},       {0x5805, "Q_XGETQSTAT"},
    {0x5806, "Q_XQUOTARM"},       {0x5807, "Q_XQUOTASYNC"},
    {0x5808, "Q_XGETQSTATV"},     {0x5809, "Q_XGETNEXTQUOTA"},
};
constexpr XlatEntry kQuotaTypes[] = {
    {0, "USRQUOTA"}, {1, "GRPQUOTA"}, {2, "PRJQUOTA"}};
constexpr XlatEntry kQuotaFormats[] = {{1, "QFMT_VFS_OLD"},
                                       {2, "QFMT_VFS_V0"},
                                       {3, "QFMT_OCFS2"},
                                       {4, "QFMT_VFS_V1"}};
constexpr XlatEntry kQuotaIfValid[] = {{1, "QIF_BLIMITS"}, {2, "QIF_SPACE"},
                                       {4, "QIF_ILIMITS"}, {8, "QIF_INODES"},
                                       {16, "QIF_BTIME"},  {32, "QIF_ITIME"}};
constexpr XlatEntry kQuotaInfoFlags[] = {{1, "DQF_ROOT_SQUASH"},
                                         {0x10000, "DQF_SYS_FILE"}};
constexpr XlatEntry kQuotaInfoValid[] = {
    {1, "IIF_BGRACE"}, {2, "IIF_IGRACE"}, {4, "IIF_FLAGS"}};
// Q_XQUOTAON/OFF's flags and fs_quota_stat's qs_flags.
constexpr XlatEntry kXfsQuotaFlags[] = {
    {1, "FS_QUOTA_UDQ_ACCT"},  {2, "FS_QUOTA_UDQ_ENFD"},
    {4, "FS_QUOTA_GDQ_ACCT"},  {8, "FS_QUOTA_GDQ_ENFD"},
    {16, "FS_QUOTA_PDQ_ACCT"}, {32, "FS_QUOTA_PDQ_ENFD"}};
// Q_XQUOTARM's flags and fs_disk_quota's d_flags.
constexpr XlatEntry kXfsQuotaTypes[] = {
    {1, "FS_USER_QUOTA"}, {2, "FS_PROJ_QUOTA"}, {4, "FS_GROUP_QUOTA"}};

enum : uint32_t {
  kQSync = 0x800001,
  kQQuotaOn,
  kQQuotaOff,
  kQGetFmt,
  kQGetInfo,
  kQSetInfo,
  kQGetQuota,
  kQSetQuota,
  kQGetNextQuota,
  kQXQuotaOn = 0x5801,
  kQXQuotaOff,
  kQXGetQuota,
  kQXSetQlim,
  kQXGetQstat,
  kQXQuotaRm,
  kQXQuotaSync,
  kQXGetQstatv,
  kQXGetNextQuota,
};

// "name=" then a value, with ", " before all but the first field.
void QuotaField(D& d, const char* name, bool first = false) {
  if (!first) d.Sep();
  d.Put(name);
  d.out->push_back('=');
}

// The command: "QCMD(Q_GETQUOTA, USRQUOTA)", its number under -X raw, both
// under -X verbose (the names, with their own comments, inside one).
void QuotaCmd(D& d, uint32_t cmd) {
  std::string& name = d.dec->scratch2();
  name.clear();
  {
    ScopedXlatStyle abbrev(XlatStyle::kAbbrev);
    name.append("QCMD(");
    AppendXval(&name, cmd >> 8, kQuotaCmds, "Q_???");
    name.append(", ");
    AppendXval(&name, cmd & 0xff, kQuotaTypes, "???QUOTA");
    name.push_back(')');
  }
  AppendConst(d.out, name.c_str(), RawConst::Udec(cmd));
}

// struct if_dqblk (with_id: if_nextdqblk, whose dqb_id follows).
void QuotaDqblk(D& d, uint64_t addr, bool with_id) {
  struct {
    uint64_t v[8];
    uint32_t valid;
    uint32_t id;
  } q;
  if (!d.Fetch(addr, &q, with_id ? sizeof(q) : 72)) return;
  static constexpr const char* kNames[] = {
      "dqb_bhardlimit", "dqb_bsoftlimit", "dqb_curspace", "dqb_ihardlimit",
      "dqb_isoftlimit", "dqb_curinodes",  "dqb_btime",    "dqb_itime"};
  d.out->push_back('{');
  for (int i = 0; i < (d.abbrev ? 6 : 8); ++i) {
    QuotaField(d, kNames[i], i == 0);
    d.Udec(q.v[i]);
  }
  if (!d.abbrev) {
    QuotaField(d, "dqb_valid");
    d.Flags(q.valid, kQuotaIfValid, "QIF_???");
  }
  if (with_id) {
    QuotaField(d, "dqb_id");
    d.Udec(q.id);
  }
  d.Put(d.abbrev ? ", ...}" : "}");
}

void QuotaDqinfo(D& d, uint64_t addr) {
  struct {
    uint64_t bgrace, igrace;
    uint32_t flags, valid;
  } q;
  if (!d.Fetch(addr, &q, sizeof(q))) return;
  d.Put("{dqi_bgrace=");
  d.Udec(q.bgrace);
  QuotaField(d, "dqi_igrace");
  d.Udec(q.igrace);
  QuotaField(d, "dqi_flags");
  d.Flags(q.flags, kQuotaInfoFlags, "DQF_???");
  QuotaField(d, "dqi_valid");
  d.Flags(q.valid, kQuotaInfoValid, "IIF_???");
  d.out->push_back('}');
}

// struct fs_disk_quota (XFS).
void QuotaXfsDisk(D& d, uint64_t addr) {
  struct {
    int8_t version, flags;
    uint16_t fieldmask;
    uint32_t id;
    uint64_t blk_hard, blk_soft, ino_hard, ino_soft, bcount, icount;
    int32_t itimer, btimer;
    uint16_t iwarns, bwarns;
    int8_t itimer_hi, btimer_hi, rtbtimer_hi, pad2;
    uint64_t rtb_hard, rtb_soft, rtbcount;
    int32_t rtbtimer;
    uint16_t rtbwarns;
    int16_t pad3;
    char pad4[8];
  } q;
  static_assert(sizeof(q) == 112);
  if (!d.Fetch(addr, &q, sizeof(q))) return;
  d.Put("{d_version=");
  d.Dec(q.version);
  QuotaField(d, "d_flags");
  d.Flags(static_cast<uint8_t>(q.flags), kXfsQuotaTypes, "FS_???_QUOTA");
  QuotaField(d, "d_fieldmask");
  d.Hex(q.fieldmask);
  QuotaField(d, "d_id");
  d.Udec(q.id);
  const std::pair<const char*, uint64_t> limits[] = {
      {"d_blk_hardlimit", q.blk_hard}, {"d_blk_softlimit", q.blk_soft},
      {"d_ino_hardlimit", q.ino_hard}, {"d_ino_softlimit", q.ino_soft},
      {"d_bcount", q.bcount},          {"d_icount", q.icount}};
  for (const auto& [name, v] : limits) {
    QuotaField(d, name);
    d.Udec(v);
  }
  if (d.abbrev) {
    d.Put(", ...}");
    return;
  }
  QuotaField(d, "d_itimer");
  d.Dec(q.itimer);
  QuotaField(d, "d_btimer");
  d.Dec(q.btimer);
  QuotaField(d, "d_iwarns");
  d.Udec(q.iwarns);
  QuotaField(d, "d_bwarns");
  d.Udec(q.bwarns);
  QuotaField(d, "d_rtb_hardlimit");
  d.Udec(q.rtb_hard);
  QuotaField(d, "d_rtb_softlimit");
  d.Udec(q.rtb_soft);
  QuotaField(d, "d_rtbcount");
  d.Udec(q.rtbcount);
  QuotaField(d, "d_rtbtimer");
  d.Dec(q.rtbtimer);
  QuotaField(d, "d_rtbwarns");
  d.Udec(q.rtbwarns);
  d.out->push_back('}');
}

// fs_qfilestat / fs_qfilestatv: the same three fields.
struct QuotaFileStat {
  uint64_t ino, nblks;
  uint32_t nextents, pad;
};
void QuotaFileStatField(D& d, const char* name, const QuotaFileStat& f) {
  QuotaField(d, name);
  d.Put("{qfs_ino=");
  d.Udec(f.ino);
  d.Put(", qfs_nblks=");
  d.Udec(f.nblks);
  d.Put(", qfs_nextents=");
  d.Udec(f.nextents);
  d.out->push_back('}');
}
// The timers and warning limits both stat forms end with.
void QuotaStatLimits(D& d, const int32_t (&timers)[3], uint16_t bwarn,
                     uint16_t iwarn) {
  QuotaField(d, "qs_btimelimit");
  d.Dec(timers[0]);
  QuotaField(d, "qs_itimelimit");
  d.Dec(timers[1]);
  QuotaField(d, "qs_rtbtimelimit");
  d.Dec(timers[2]);
  QuotaField(d, "qs_bwarnlimit");
  d.Udec(bwarn);
  QuotaField(d, "qs_iwarnlimit");
  d.Udec(iwarn);
  d.out->push_back('}');
}

// struct fs_quota_stat (Q_XGETQSTAT) or, with v, fs_quota_statv.
void QuotaXfsStat(D& d, uint64_t addr, bool v) {
  struct {
    int8_t version;
    uint8_t pad;
    uint16_t flags;
    uint32_t pad2;
    QuotaFileStat u, g;
    uint32_t incoredqs;
    int32_t timers[3];
    uint16_t bwarn, iwarn;
  } s;
  static_assert(sizeof(s) == 80);
  struct {
    int8_t version;
    uint8_t pad1;
    uint16_t flags;
    uint32_t incoredqs;
    QuotaFileStat u, g, p;
    int32_t timers[3];
    uint16_t bwarn, iwarn, rtbwarn, pad3;
    uint32_t pad4;
    uint64_t pad2[7];
  } sv;
  static_assert(sizeof(sv) == 160);
  if (!(v ? d.Fetch(addr, &sv, sizeof(sv)) : d.Fetch(addr, &s, sizeof(s)))) {
    return;
  }
  d.Put("{qs_version=");
  d.Dec(v ? sv.version : s.version);
  if (d.abbrev) {
    d.Put(", ...}");
    return;
  }
  QuotaField(d, "qs_flags");
  d.Flags(v ? sv.flags : s.flags, kXfsQuotaFlags, "FS_QUOTA_???");
  if (v) {
    QuotaField(d, "qs_incoredqs");
    d.Udec(sv.incoredqs);
    QuotaFileStatField(d, "qs_uquota", sv.u);
    QuotaFileStatField(d, "qs_gquota", sv.g);
    QuotaFileStatField(d, "qs_pquota", sv.p);
    QuotaStatLimits(d, sv.timers, sv.bwarn, sv.iwarn);
  } else {
    QuotaFileStatField(d, "qs_uquota", s.u);
    QuotaFileStatField(d, "qs_gquota", s.g);
    QuotaField(d, "qs_incoredqs");
    d.Udec(s.incoredqs);
    QuotaStatLimits(d, s.timers, s.bwarn, s.iwarn);
  }
}

// "[flags]" of a uint32_t at addr.
template <size_t N>
void QuotaFlagsRef(D& d, uint64_t addr, const XlatEntry (&tbl)[N],
                   const char* unknown) {
  uint32_t v;
  if (!d.Fetch(addr, &v, sizeof(v))) return;
  d.out->push_back('[');
  d.Flags(v, tbl, unknown);
  d.out->push_back(']');
}

// quotactl's arguments from the command on (at `at`: quotactl_fd has no
// special file), as strace 6.1 prints them: the special file, then per
// command the id and the structure read at entry (set) or exit (get).
void QuotaCommon(D& d, int at, bool special) {
  const uint32_t cmd = d.u32(at);
  const uint32_t id = d.u32(at + 1 + special);
  const uint64_t addr = d.u(at + 2 + special);
  const uint32_t op = cmd >> 8;
  if (d.entering()) {
    QuotaCmd(d, cmd);
    if (special) {
      d.Sep();
      d.Path(at + 1);
    }
  }
  switch (op) {
    case kQSync:
    case kQQuotaOff:
    case kQXQuotaSync:
      return;
    case kQQuotaOn:
      if (d.exiting) return;
      d.Sep();
      d.Xval(id, kQuotaFormats, "QFMT_VFS_???");
      d.Sep();
      // A path strace's -P does not look at (only the special file).
      d.CStr(addr, 4096);
      return;
    case kQGetFmt:
    case kQGetInfo:
    case kQXGetQstat:
    case kQXGetQstatv:
      if (d.entering()) return;
      d.Sep();
      if (d.failed()) {
        d.Ptr(addr);
      } else if (op == kQGetFmt) {
        uint32_t fmt;
        if (!d.Fetch(addr, &fmt, sizeof(fmt))) return;
        d.out->push_back('[');
        d.Xval(fmt, kQuotaFormats, "QFMT_VFS_???");
        d.out->push_back(']');
      } else if (op == kQGetInfo) {
        QuotaDqinfo(d, addr);
      } else {
        QuotaXfsStat(d, addr, op == kQXGetQstatv);
      }
      return;
    case kQSetInfo:
    case kQXQuotaOn:
    case kQXQuotaOff:
    case kQXQuotaRm:
      if (d.exiting) return;
      d.Sep();
      if (op == kQSetInfo) {
        QuotaDqinfo(d, addr);
      } else if (op == kQXQuotaRm) {
        QuotaFlagsRef(d, addr, kXfsQuotaTypes, "FS_???_QUOTA");
      } else {
        QuotaFlagsRef(d, addr, kXfsQuotaFlags, "FS_QUOTA_???");
      }
      return;
    case kQGetQuota:
    case kQGetNextQuota:
    case kQXGetQuota:
    case kQXGetNextQuota:
      if (d.entering()) {
        d.Sep();
        PrintId(d, id);
        return;
      }
      d.Sep();
      if (d.failed()) {
        d.Ptr(addr);
      } else if (op == kQXGetQuota || op == kQXGetNextQuota) {
        QuotaXfsDisk(d, addr);
      } else {
        QuotaDqblk(d, addr, op == kQGetNextQuota);
      }
      return;
    case kQSetQuota:
    case kQXSetQlim:
      if (d.exiting) return;
      d.Sep();
      PrintId(d, id);
      d.Sep();
      if (op == kQXSetQlim) {
        QuotaXfsDisk(d, addr);
      } else {
        QuotaDqblk(d, addr, false);
      }
      return;
    default:
      if (d.exiting) return;
      d.Sep();
      PrintId(d, id);
      d.Sep();
      d.Ptr(addr);
      return;
  }
}

void Quotactl(D& d) { QuotaCommon(d, 0, true); }

void QuotactlFd(D& d) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
  }
  QuotaCommon(d, 1, false);
}

// ---------------------------------------------------------------------------
// kexec, I/O port permissions and the old calls uselib, lookup_dcookie and
// _sysctl (all failing or absent on current kernels; strace 6.1 still
// decodes their arguments).
// ---------------------------------------------------------------------------
constexpr XlatEntry kKexecArchs[] = {
    {0, "KEXEC_ARCH_DEFAULT"},        {3 << 16, "KEXEC_ARCH_386"},
    {4 << 16, "KEXEC_ARCH_68K"},      {15 << 16, "KEXEC_ARCH_PARISC"},
    {62 << 16, "KEXEC_ARCH_X86_64"},  {20 << 16, "KEXEC_ARCH_PPC"},
    {21 << 16, "KEXEC_ARCH_PPC64"},   {50 << 16, "KEXEC_ARCH_IA_64"},
    {40 << 16, "KEXEC_ARCH_ARM"},     {22 << 16, "KEXEC_ARCH_S390"},
    {42 << 16, "KEXEC_ARCH_SH"},      {10 << 16, "KEXEC_ARCH_MIPS_LE"},
    {8 << 16, "KEXEC_ARCH_MIPS"},     {183u << 16, "KEXEC_ARCH_AARCH64"},
    {243u << 16, "KEXEC_ARCH_RISCV"}, {258u << 16, "KEXEC_ARCH_LOONGARCH"},
};
constexpr XlatEntry kKexecFlags[] = {{1, "KEXEC_ON_CRASH"},
                                     {2, "KEXEC_PRESERVE_CONTEXT"}};
constexpr XlatEntry kKexecFileFlags[] = {{1, "KEXEC_FILE_UNLOAD"},
                                         {2, "KEXEC_FILE_ON_CRASH"},
                                         {4, "KEXEC_FILE_NO_INITRAMFS"}};

// kexec_load(entry, nr_segments, segments, flags): the segments (up to
// KEXEC_SEGMENT_MAX, else the address), the flags as the architecture
// (the top 16 bits) then "|" and the other flags when any.
void KexecLoad(D& d) {
  if (d.exiting) return;
  d.Ptr(d.u(0));
  d.Sep();
  const uint64_t n = d.u(1);
  d.Udec(n);
  d.Sep();
  struct Segment {
    uint64_t buf, bufsz, mem, memsz;
  };
  if (n > 16) {
    d.Ptr(d.u(2));
  } else {
    d.Array<Segment>(
        d.u(2), n,
        [&d](const Segment& s) {
          d.Put("{buf=");
          d.Ptr(s.buf);
          d.Put(", bufsz=");
          d.Udec(s.bufsz);
          d.Put(", mem=");
          d.Ptr(s.mem);
          d.Put(", memsz=");
          d.Udec(s.memsz);
          d.out->push_back('}');
        },
        true);
  }
  d.Sep();
  const uint64_t flags = d.u(3);
  d.Xval(flags & 0xffff0000u, kKexecArchs, "KEXEC_ARCH_???");
  if ((flags & ~uint64_t{0xffff0000u}) != 0) {
    d.out->push_back('|');
    d.Flags(flags & ~uint64_t{0xffff0000u}, kKexecFlags, "KEXEC_???");
  }
}

// kexec_file_load(kernel_fd, initrd_fd, cmdline_len, cmdline, flags).
void KexecFileLoad(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Fd(1);
  d.Sep();
  d.Udec(d.u(2));
  d.Sep();
  d.Buf(d.u(3), static_cast<int64_t>(d.u(2)));
  d.Sep();
  d.Flags(d.u(4), kKexecFileFlags, "KEXEC_FILE_???");
}

// ioperm(from, num, turn_on).
void Ioperm(D& d) {
  if (d.exiting) return;
  d.Hex(d.u(0));
  d.Sep();
  d.Hex(d.u(1));
  d.Sep();
  d.Dec(d.i32(2));
}

// iopl(level).
void Iopl(D& d) {
  if (d.exiting) return;
  d.Dec(d.i32(0));
}

// uselib(library).
void Uselib(D& d) {
  if (d.exiting) return;
  d.Path(0);
}

// lookup_dcookie(cookie, buffer, len): all at exit, the path when it
// succeeded.
void LookupDcookie(D& d) {
  if (d.entering()) return;
  d.Udec(d.u(0));
  d.Sep();
  if (d.failed()) {
    d.Ptr(d.u(1));
  } else {
    d.Buf(d.u(1), d.ret);
  }
  d.Sep();
  d.Udec(d.u(2));
}

// _sysctl(args): struct __sysctl_args's fields.
void Sysctl(D& d) {
  if (d.exiting) return;
  struct {
    uint64_t name;
    int32_t nlen;
    uint64_t oldval, oldlenp, newval, newlen;
  } a;
  if (!d.Fetch(d.u(0), &a, sizeof(a))) return;
  d.Put("{name=");
  d.Ptr(a.name);
  d.Put(", nlen=");
  d.Dec(a.nlen);
  d.Put(", oldval=");
  d.Ptr(a.oldval);
  d.Put(", oldlenp=");
  d.Ptr(a.oldlenp);
  d.Put(", newval=");
  d.Ptr(a.newval);
  d.Put(", newlen=");
  d.Udec(a.newlen);
  d.out->push_back('}');
}

constexpr Registration kDecoders[] = {
    {"setns", Setns, 0},
    {"pivot_root", PivotRoot, 0},
    {"syslog", Syslog, 0},
    {"sethostname", SetName, 0},
    {"setdomainname", SetName, 0},
    {"acct", Acct, 0},
    {"swapon", Swapon, 0},
    {"swapoff", Swapoff, 0},
    {"reboot", Reboot, 0},
    {"process_mrelease", ProcessMrelease, 0},
    {"delete_module", DeleteModule, 0},
    {"init_module", InitModule, 0},
    {"finit_module", FinitModule, 0},
    {"open_tree", OpenTree, 0},
    {"move_mount", MoveMount, 0},
    {"fsopen", Fsopen, 0},
    {"fsconfig", Fsconfig, 0},
    {"fsmount", Fsmount, 0},
    {"fspick", Fspick, 0},
    {"mount_setattr", MountSetattr, 0},
    {"landlock_create_ruleset", LandlockCreateRuleset, 0},
    {"landlock_add_rule", LandlockAddRule, 0},
    {"landlock_restrict_self", LandlockRestrictSelf, 0},
    {"add_key", AddKey, 0},
    {"request_key", RequestKey, 0},
    {"keyctl", Keyctl, 0},
    {"seccomp", Seccomp, 0},
    {"bpf", Bpf, 0},
    {"quotactl", Quotactl, kX86_64Only},
    {"quotactl_fd", QuotactlFd, kX86_64Only},
    {"kexec_load", KexecLoad, kX86_64Only},
    {"kexec_file_load", KexecFileLoad, kX86_64Only},
    {"ioperm", Ioperm, kX86_64Only},
    {"iopl", Iopl, kX86_64Only},
    {"uselib", Uselib, kX86_64Only},
    {"lookup_dcookie", LookupDcookie, kX86_64Only},
    {"_sysctl", Sysctl, kX86_64Only},
};

}  // namespace

namespace {
void Fprog(D& d, uint64_t addr, bool seccomp) {
  // struct sock_fprog: an unsigned short length, then the pointer.
  uint64_t len = 0, filter = 0;
  if (d.i386) {
    uint32_t p[2];
    if (!d.Fetch(addr, p, sizeof(p))) return;
    len = p[0] & 0xffff;
    filter = p[1];
  } else {
    uint64_t p[2];
    if (!d.Fetch(addr, p, sizeof(p))) return;
    len = p[0] & 0xffff;
    filter = p[1];
  }
  d.Put("{len=");
  d.Udec(len);
  d.Put(", filter=");
  if (d.abbrev) {
    d.Ptr(filter);
  } else {
    FilterProgram(d, filter, len, seccomp);
  }
  d.out->push_back('}');
}
}  // namespace

void SeccompFprog(D& d, uint64_t addr) { Fprog(d, addr, true); }
void SocketFilterFprog(D& d, uint64_t addr) { Fprog(d, addr, false); }

std::span<const Registration> AdminDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
