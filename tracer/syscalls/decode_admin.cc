// System administration and containers: namespaces (setns), pivot_root,
// syslog, host and domain names, process accounting, swap, reboot,
// process_mrelease and kernel modules, as strace 6.1 prints them.
#include <cstdint>
#include <iterator>

#include "tracer/syscalls/decoding.h"
#include "tracer/syscalls/format.h"

namespace ttrace {
namespace decode {
namespace {

// ---------------------------------------------------------------------------
// Namespaces, root, logs, names.
// ---------------------------------------------------------------------------
// setns's nstype: the CLONE_NEW* bits (linux/sched.h), in strace's order.
constexpr XlatEntry kSetnsTypes[] = {
    {0x80, "CLONE_NEWTIME"},         {0x00020000, "CLONE_NEWNS"},
    {0x02000000, "CLONE_NEWCGROUP"}, {0x04000000, "CLONE_NEWUTS"},
    {0x08000000, "CLONE_NEWIPC"},    {0x10000000, "CLONE_NEWUSER"},
    {0x20000000, "CLONE_NEWPID"},    {0x40000000, "CLONE_NEWNET"},
};

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
};

}  // namespace

std::span<const Registration> AdminDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
