// Process-level syscalls: arch_prctl, resource limits and usage, prctl,
// uname/sysinfo, CPU affinity, membarrier, getrandom, signal waits
// (rt_sigsuspend, rt_sigtimedwait, waitid, sigaltstack), time getters and
// restart_syscall, capabilities (capget/capset), sched_getattr/setattr and
// clock adjustment (adjtimex, clock_adjtime), and ptrace (a tracer's
// requests).
#include <sys/user.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <type_traits>

#include "output/errno_names.h"
#include "tracer/syscalls/decoding.h"
#include "tracer/syscalls/format.h"
#include "tracer/syscalls/signals.h"
#include "tracer/syscalls/syscall_table.h"

namespace ttrace {
namespace decode {

namespace {

constexpr XlatEntry kArchPrctl[] = {
    {0x1001, "ARCH_SET_GS"},
    {0x1002, "ARCH_SET_FS"},
    {0x1003, "ARCH_GET_FS"},
    {0x1004, "ARCH_GET_GS"},
    {0x1011, "ARCH_GET_CPUID"},
    {0x1012, "ARCH_SET_CPUID"},
    {0x1021, "ARCH_GET_XCOMP_SUPP"},
    {0x1022, "ARCH_GET_XCOMP_PERM"},
    {0x1023, "ARCH_REQ_XCOMP_PERM"},
    {0x1024, "ARCH_GET_XCOMP_GUEST_PERM"},
    {0x1025, "ARCH_REQ_XCOMP_GUEST_PERM"},
    {0x2001, "ARCH_MAP_VDSO_X32"},
    {0x2002, "ARCH_MAP_VDSO_32"},
    {0x2003, "ARCH_MAP_VDSO_64"},
};
constexpr XlatEntry kRlimits[] = {
    {0, "RLIMIT_CPU"},       {1, "RLIMIT_FSIZE"},  {2, "RLIMIT_DATA"},
    {3, "RLIMIT_STACK"},     {4, "RLIMIT_CORE"},   {5, "RLIMIT_RSS"},
    {6, "RLIMIT_NPROC"},     {7, "RLIMIT_NOFILE"}, {8, "RLIMIT_MEMLOCK"},
    {9, "RLIMIT_AS"},        {10, "RLIMIT_LOCKS"}, {11, "RLIMIT_SIGPENDING"},
    {12, "RLIMIT_MSGQUEUE"}, {13, "RLIMIT_NICE"},  {14, "RLIMIT_RTPRIO"},
    {15, "RLIMIT_RTTIME"},
};
constexpr XlatEntry kRusageWho[] = {
    {0, "RUSAGE_SELF"},
    {0xffffffff, "RUSAGE_CHILDREN"},
    {0xfffffffe, "RUSAGE_BOTH"},
    {1, "RUSAGE_THREAD"},
};
constexpr XlatEntry kPrioWhich[] = {
    {0, "PRIO_PROCESS"}, {1, "PRIO_PGRP"}, {2, "PRIO_USER"}};
constexpr XlatEntry kGrndFlags[] = {
    {1, "GRND_NONBLOCK"}, {2, "GRND_RANDOM"}, {4, "GRND_INSECURE"}};
constexpr XlatEntry kMadvise[] = {
    {0, "MADV_NORMAL"},          {1, "MADV_RANDOM"},
    {2, "MADV_SEQUENTIAL"},      {3, "MADV_WILLNEED"},
    {4, "MADV_DONTNEED"},        {8, "MADV_FREE"},
    {9, "MADV_REMOVE"},          {10, "MADV_DONTFORK"},
    {11, "MADV_DOFORK"},         {12, "MADV_MERGEABLE"},
    {13, "MADV_UNMERGEABLE"},    {14, "MADV_HUGEPAGE"},
    {15, "MADV_NOHUGEPAGE"},     {16, "MADV_DONTDUMP"},
    {17, "MADV_DODUMP"},         {18, "MADV_WIPEONFORK"},
    {19, "MADV_KEEPONFORK"},     {20, "MADV_COLD"},
    {21, "MADV_PAGEOUT"},        {22, "MADV_POPULATE_READ"},
    {23, "MADV_POPULATE_WRITE"}, {24, "MADV_DONTNEED_LOCKED"},
    {25, "MADV_COLLAPSE"},       {100, "MADV_HWPOISON"},
    {101, "MADV_SOFT_OFFLINE"},
};
constexpr XlatEntry kMembarrierCmds[] = {
    {0, "MEMBARRIER_CMD_QUERY"},
    {1, "MEMBARRIER_CMD_GLOBAL"},
    {2, "MEMBARRIER_CMD_GLOBAL_EXPEDITED"},
    {4, "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED"},
    {8, "MEMBARRIER_CMD_PRIVATE_EXPEDITED"},
    {16, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED"},
    {32, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE"},
    {64, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE"},
    {128, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ"},
    {256, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ"},
};
constexpr XlatEntry kMembarrierFlags[] = {{1, "MEMBARRIER_CMD_FLAG_CPU"}};
constexpr XlatEntry kSsFlags[] = {
    {1, "SS_ONSTACK"}, {2, "SS_DISABLE"}, {0x80000000u, "SS_AUTODISARM"}};
constexpr XlatEntry kIdTypes[] = {
    {0, "P_ALL"}, {1, "P_PID"}, {2, "P_PGID"}, {3, "P_PIDFD"}};
// strace's order: WEXITED before WSTOPPED, __WNOTHREAD last.

// prctl.
constexpr XlatEntry kPrctlOptions[] = {
    {1, "PR_SET_PDEATHSIG"},
    {2, "PR_GET_PDEATHSIG"},
    {3, "PR_GET_DUMPABLE"},
    {4, "PR_SET_DUMPABLE"},
    {5, "PR_GET_UNALIGN"},
    {6, "PR_SET_UNALIGN"},
    {7, "PR_GET_KEEPCAPS"},
    {8, "PR_SET_KEEPCAPS"},
    {9, "PR_GET_FPEMU"},
    {10, "PR_SET_FPEMU"},
    {11, "PR_GET_FPEXC"},
    {12, "PR_SET_FPEXC"},
    {13, "PR_GET_TIMING"},
    {14, "PR_SET_TIMING"},
    {15, "PR_SET_NAME"},
    {16, "PR_GET_NAME"},
    {19, "PR_GET_ENDIAN"},
    {20, "PR_SET_ENDIAN"},
    {21, "PR_GET_SECCOMP"},
    {22, "PR_SET_SECCOMP"},
    {23, "PR_CAPBSET_READ"},
    {24, "PR_CAPBSET_DROP"},
    {25, "PR_GET_TSC"},
    {26, "PR_SET_TSC"},
    {27, "PR_GET_SECUREBITS"},
    {28, "PR_SET_SECUREBITS"},
    {29, "PR_SET_TIMERSLACK"},
    {30, "PR_GET_TIMERSLACK"},
    {31, "PR_TASK_PERF_EVENTS_DISABLE"},
    {32, "PR_TASK_PERF_EVENTS_ENABLE"},
    {33, "PR_MCE_KILL"},
    {34, "PR_MCE_KILL_GET"},
    {35, "PR_SET_MM"},
    {36, "PR_SET_CHILD_SUBREAPER"},
    {37, "PR_GET_CHILD_SUBREAPER"},
    {38, "PR_SET_NO_NEW_PRIVS"},
    {39, "PR_GET_NO_NEW_PRIVS"},
    {40, "PR_GET_TID_ADDRESS"},
    {41, "PR_SET_THP_DISABLE"},
    {42, "PR_GET_THP_DISABLE"},
    {43, "PR_MPX_ENABLE_MANAGEMENT"},
    {44, "PR_MPX_DISABLE_MANAGEMENT"},
    {45, "PR_SET_FP_MODE"},
    {46, "PR_GET_FP_MODE"},
    {47, "PR_CAP_AMBIENT"},
    {50, "PR_SVE_SET_VL"},
    {51, "PR_SVE_GET_VL"},
    {52, "PR_GET_SPECULATION_CTRL"},
    {53, "PR_SET_SPECULATION_CTRL"},
    {54, "PR_PAC_RESET_KEYS"},
    {55, "PR_SET_TAGGED_ADDR_CTRL"},
    {56, "PR_GET_TAGGED_ADDR_CTRL"},
    {57, "PR_SET_IO_FLUSHER"},
    {58, "PR_GET_IO_FLUSHER"},
    {59, "PR_SET_SYSCALL_USER_DISPATCH"},
    {60, "PR_PAC_SET_ENABLED_KEYS"},
    {61, "PR_PAC_GET_ENABLED_KEYS"},
    {62, "PR_SCHED_CORE"},
    {63, "PR_SME_SET_VL"},
    {64, "PR_SME_GET_VL"},
    {0x53564d41, "PR_SET_VMA"},
    {0x59616d61, "PR_SET_PTRACER"},
};
constexpr XlatEntry kDumpable[] = {
    {0, "SUID_DUMP_DISABLE"}, {1, "SUID_DUMP_USER"}, {2, "SUID_DUMP_ROOT"}};
constexpr XlatEntry kSeccompModes[] = {{0, "SECCOMP_MODE_DISABLED"},
                                       {1, "SECCOMP_MODE_STRICT"},
                                       {2, "SECCOMP_MODE_FILTER"}};
constexpr XlatEntry kPrSetVma[] = {{0, "PR_SET_VMA_ANON_NAME"}};
constexpr XlatEntry kCapAmbient[] = {{1, "PR_CAP_AMBIENT_IS_SET"},
                                     {2, "PR_CAP_AMBIENT_RAISE"},
                                     {3, "PR_CAP_AMBIENT_LOWER"},
                                     {4, "PR_CAP_AMBIENT_CLEAR_ALL"}};
constexpr XlatEntry kCaps[] = {
    {0, "CAP_CHOWN"},
    {1, "CAP_DAC_OVERRIDE"},
    {2, "CAP_DAC_READ_SEARCH"},
    {3, "CAP_FOWNER"},
    {4, "CAP_FSETID"},
    {5, "CAP_KILL"},
    {6, "CAP_SETGID"},
    {7, "CAP_SETUID"},
    {8, "CAP_SETPCAP"},
    {9, "CAP_LINUX_IMMUTABLE"},
    {10, "CAP_NET_BIND_SERVICE"},
    {11, "CAP_NET_BROADCAST"},
    {12, "CAP_NET_ADMIN"},
    {13, "CAP_NET_RAW"},
    {14, "CAP_IPC_LOCK"},
    {15, "CAP_IPC_OWNER"},
    {16, "CAP_SYS_MODULE"},
    {17, "CAP_SYS_RAWIO"},
    {18, "CAP_SYS_CHROOT"},
    {19, "CAP_SYS_PTRACE"},
    {20, "CAP_SYS_PACCT"},
    {21, "CAP_SYS_ADMIN"},
    {22, "CAP_SYS_BOOT"},
    {23, "CAP_SYS_NICE"},
    {24, "CAP_SYS_RESOURCE"},
    {25, "CAP_SYS_TIME"},
    {26, "CAP_SYS_TTY_CONFIG"},
    {27, "CAP_MKNOD"},
    {28, "CAP_LEASE"},
    {29, "CAP_AUDIT_WRITE"},
    {30, "CAP_AUDIT_CONTROL"},
    {31, "CAP_SETFCAP"},
    {32, "CAP_MAC_OVERRIDE"},
    {33, "CAP_MAC_ADMIN"},
    {34, "CAP_SYSLOG"},
    {35, "CAP_WAKE_ALARM"},
    {36, "CAP_BLOCK_SUSPEND"},
    {37, "CAP_AUDIT_READ"},
    {38, "CAP_PERFMON"},
    {39, "CAP_BPF"},
    {40, "CAP_CHECKPOINT_RESTORE"},
};

// ---------------------------------------------------------------------------
// arch_prctl
// ---------------------------------------------------------------------------
void ArchPrctl(D& d) {
  const uint32_t op = d.u32(0);
  const uint64_t addr = d.u(1);
  if (op == 0x1003 || op == 0x1004) {  // ARCH_GET_FS, ARCH_GET_GS
    if (d.entering()) {
      d.Xval(op, kArchPrctl, "ARCH_???");
      d.Sep();
      return;
    }
    uint64_t v;
    if (d.failed()) {
      d.Ptr(addr);
    } else if (addr == 0) {
      d.Put("NULL");
    } else if (!d.ReadPtr(addr, &v)) {
      d.Hex(addr);
    } else {
      d.out->push_back('[');
      d.Ptr(v);
      d.out->push_back(']');
    }
    return;
  }
  if (d.exiting) return;
  d.Xval(op, kArchPrctl, "ARCH_???");
  if (op == 0x1011) return;  // ARCH_GET_CPUID: no argument
  d.Sep();
  d.Hex(addr);
}

// ---------------------------------------------------------------------------
// Resource limits and usage.
// ---------------------------------------------------------------------------
// 8192*1024, RLIM64_INFINITY, or the number.
// -X raw: the number; -X verbose: "8388608 /* 8192*1024 */".
void RlimValue(D& d, uint64_t v, bool wide) {
  const size_t mark = d.out->size();
  if (v == (wide ? ~0ull : 0xffffffffull)) {
    d.Put(wide ? "RLIM64_INFINITY" : "RLIM_INFINITY");
  } else if (v > 1024 && v % 1024 == 0) {
    d.Udec(v / 1024);
    d.Put("*1024");
  } else {
    d.Udec(v);
    return;
  }
  RestyleConst(d.out, mark, RawConst::Udec(v));
}

// struct rlimit: 64-bit fields, 32-bit ones for i386's getrlimit family.
void Rlimit(D& d, uint64_t addr, bool wide, bool output) {
  uint64_t cur, max;
  if (wide) {
    uint64_t v[2];
    if (!(output ? d.FetchOut(addr, v, sizeof(v))
                 : d.Fetch(addr, v, sizeof(v)))) {
      return;
    }
    cur = v[0];
    max = v[1];
  } else {
    uint32_t v[2];
    if (!(output ? d.FetchOut(addr, v, sizeof(v))
                 : d.Fetch(addr, v, sizeof(v)))) {
      return;
    }
    cur = v[0];
    max = v[1];
  }
  d.Put("{rlim_cur=");
  RlimValue(d, cur, wide);
  d.Put(", rlim_max=");
  RlimValue(d, max, wide);
  d.out->push_back('}');
}

void Getrlimit(D& d) {
  if (d.entering()) {
    d.Xval(d.u(0), kRlimits, "RLIMIT_???");
    d.Sep();
    return;
  }
  Rlimit(d, d.u(1), !d.i386, /*output=*/true);
}

void Setrlimit(D& d) {
  if (d.exiting) return;
  d.Xval(d.u(0), kRlimits, "RLIMIT_???");
  d.Sep();
  Rlimit(d, d.u(1), !d.i386, /*output=*/false);
}

void Prlimit64(D& d) {
  if (d.entering()) {
    d.Pid(0);
    d.Sep();
    d.Xval(d.u(1), kRlimits, "RLIMIT_???");
    d.Sep();
    Rlimit(d, d.u(2), /*wide=*/true, /*output=*/false);
    d.Sep();
    return;
  }
  Rlimit(d, d.u(3), /*wide=*/true, /*output=*/true);
}

void Getrusage(D& d) {
  if (d.entering()) {
    d.Xval(d.u32(0), kRusageWho, "RUSAGE_???");
    d.Sep();
    return;
  }
  if (d.failed()) {
    d.Ptr(d.u(1));
  } else {
    Rusage(d, d.u(1));
  }
}

void PriorityWhichWho(D& d) {
  d.Xval(d.u32(0), kPrioWhich, "PRIO_???");
  d.Sep();
  switch (d.u32(0)) {
    case 0:  // PRIO_PROCESS
      d.Pid(1);
      break;
    case 1:  // PRIO_PGRP
      d.PgidValue(d.i32(1));
      break;
    default:  // PRIO_USER: a uid
      d.Dec(d.i32(1));
  }
}

void Getpriority(D& d) {
  if (d.exiting) return;
  PriorityWhichWho(d);
}

void Setpriority(D& d) {
  if (d.exiting) return;
  PriorityWhichWho(d);
  d.Sep();
  d.Dec(d.i32(2));
}

// ---------------------------------------------------------------------------
// getrandom, set_tid_address, madvise, membarrier.
// ---------------------------------------------------------------------------
void Getrandom(D& d) {
  if (d.entering()) return;
  if (d.failed()) {
    d.Ptr(d.u(0));
  } else {
    d.BufHex(d.u(0), d.ret);
  }
  d.Sep();
  d.Udec(d.u(1));
  d.Sep();
  d.Flags(d.u(2), kGrndFlags, "GRND_???");
}

void SetTidAddress(D& d) {
  if (d.exiting) return;
  d.Hex(d.u(0));  // strace: set_tid_address(0), not NULL
}

void Madvise(D& d) {
  if (d.exiting) return;
  d.Ptr(d.u(0));
  d.Sep();
  d.Udec(d.u(1));
  d.Sep();
  d.Xval(d.u32(2), kMadvise, "MADV_???");
}

// mlock, munlock: (addr, len).
void AddrLen(D& d) {
  if (d.exiting) return;
  d.Ptr(d.u(0));
  d.Sep();
  d.Udec(d.u(1));
}

void Mlock2(D& d) {
  if (d.exiting) return;
  AddrLen(d);
  d.Sep();
  static constexpr XlatEntry kMlock2Flags[] = {{1, "MLOCK_ONFAULT"}};
  d.Flags(d.u32(2), kMlock2Flags, "MLOCK_???");
}

void Mlockall(D& d) {
  if (d.exiting) return;
  static constexpr XlatEntry kMclFlags[] = {
      {1, "MCL_CURRENT"}, {2, "MCL_FUTURE"}, {4, "MCL_ONFAULT"}};
  d.Flags(d.u32(0), kMclFlags, "MCL_???");
}

void Msync(D& d) {
  if (d.exiting) return;
  AddrLen(d);
  d.Sep();
  // strace's order, not the bits': MS_SYNC|MS_ASYNC for 5.
  static constexpr XlatEntry kMsFlags[] = {
      {4, "MS_SYNC"}, {1, "MS_ASYNC"}, {2, "MS_INVALIDATE"}};
  d.Flags(d.u32(2), kMsFlags, "MS_???");
}

// mincore(addr, len, vec): one byte per page (4 KiB on x86), each shown
// as its residency bit.
void Mincore(D& d) {
  if (d.entering()) {
    AddrLen(d);
    d.Sep();
    return;
  }
  constexpr uint64_t kPage = 4096;
  const uint64_t len = d.u(1);
  const uint64_t pages = len / kPage + (len % kPage != 0 ? 1 : 0);
  d.Array<uint8_t>(d.u(2), pages, [&](uint8_t v) { d.Udec(v & 1); });
}

// unshare: the CLONE_* flags that unshare takes (CLONE_NEWTIME is 0x80,
// a signal number for clone).
void Unshare(D& d) {
  if (d.exiting) return;
  static constexpr XlatEntry kUnshareFlags[] = {
      {0x80, "CLONE_NEWTIME"},
      {0x100, "CLONE_VM"},
      {0x200, "CLONE_FS"},
      {0x400, "CLONE_FILES"},
      {0x800, "CLONE_SIGHAND"},
      {0x10000, "CLONE_THREAD"},
      {0x20000, "CLONE_NEWNS"},
      {0x40000, "CLONE_SYSVSEM"},
      {0x2000000, "CLONE_NEWCGROUP"},
      {0x4000000, "CLONE_NEWUTS"},
      {0x8000000, "CLONE_NEWIPC"},
      {0x10000000, "CLONE_NEWUSER"},
      {0x20000000, "CLONE_NEWPID"},
      {0x40000000, "CLONE_NEWNET"},
  };
  d.Flags(d.u(0), kUnshareFlags, "CLONE_???");
}

void Membarrier(D& d) {
  const uint32_t cmd = d.u32(0);
  if (d.exiting) {
    if (cmd == 0 && !d.failed() && d.ret != 0 && d.suffix != nullptr) {
      // MEMBARRIER_CMD_QUERY: the supported commands.
      *d.fmt = SyscallEvent::RetFormat::kHex;
      d.suffix->append(" (");
      AppendFlags(d.suffix, static_cast<uint64_t>(d.ret), kMembarrierCmds,
                  "MEMBARRIER_CMD_???");
      d.suffix->push_back(')');
    }
    return;
  }
  d.Xval(cmd, kMembarrierCmds, "MEMBARRIER_CMD_???");
  d.Sep();
  const uint32_t flags = d.u32(1);
  d.Flags(flags, kMembarrierFlags, "MEMBARRIER_CMD_FLAG_???");
  if (flags & 1) {
    d.Sep();
    d.Dec(d.i32(2));
  }
}

// ---------------------------------------------------------------------------
// prctl
// ---------------------------------------------------------------------------
// Arguments [first, 5) in hex (strace's print_prctl_args).
void PrctlArgs(D& d, int first) {
  for (int i = first; i < 5; ++i) {
    d.Sep();
    d.Hex(d.u(i));
  }
}

// A value printed after the return value: " (NAME)".
void RetName(D& d, const char* name) {
  if (name == nullptr || d.suffix == nullptr) return;
  d.suffix->append(" (");
  d.suffix->append(name);
  d.suffix->push_back(')');
}

// personality: the execution domain (low byte) and its flags, as
// "PER_LINUX|ADDR_NO_RANDOMIZE"; bits named by neither as a bare hex
// remainder ("PER_LINUX|0x100"). Only the domains that are not defined
// with flags in them have names (strace's table).
constexpr XlatEntry kPersonalityTypes[] = {
    {0x00, "PER_LINUX"},  {0x06, "PER_BSD"},  {0x08, "PER_LINUX32"},
    {0x0c, "PER_RISCOS"}, {0x0f, "PER_OSF4"}, {0x10, "PER_HPUX"},
};
constexpr XlatEntry kPersonalityFlags[] = {
    {0x0020000, "UNAME26"},
    {0x0040000, "ADDR_NO_RANDOMIZE"},
    {0x0080000, "FDPIC_FUNCPTRS"},
    {0x0100000, "MMAP_PAGE_ZERO"},
    {0x0200000, "ADDR_COMPAT_LAYOUT"},
    {0x0400000, "READ_IMPLIES_EXEC"},
    {0x0800000, "ADDR_LIMIT_32BIT"},
    {0x1000000, "SHORT_INODE"},
    {0x2000000, "WHOLE_SECONDS"},
    {0x4000000, "STICKY_TIMEOUTS"},
    {0x8000000, "ADDR_LIMIT_3GB"},
};

void AppendPersonality(std::string* out, uint32_t v) {
  AppendXval(out, v & 0xff, kPersonalityTypes, std::size(kPersonalityTypes),
             "PER_???");
  uint32_t rest = v & ~0xffu;
  for (const XlatEntry& f : kPersonalityFlags) {
    if ((rest & f.value) == f.value) {
      out->push_back('|');
      // -X: each flag a constant of its own, "0|0x40000".
      AppendConst(out, f.name, RawConst::Hex(f.value));
      rest &= ~static_cast<uint32_t>(f.value);
    }
  }
  if (rest != 0) {
    out->push_back('|');
    AppendHex(out, rest);
  }
}

// personality(0xffffffff) only asks: printed as is. The result (the
// previous personality) in hex, with its names.
void Personality(D& d) {
  if (d.entering()) {
    const uint32_t v = d.u32(0);
    if (v == 0xffffffffu) {
      d.Hex(v);
    } else {
      AppendPersonality(d.out, v);
    }
    return;
  }
  if (d.failed()) return;
  *d.fmt = SyscallEvent::RetFormat::kHex;
  if (d.suffix == nullptr) return;
  d.suffix->append(" (");
  AppendPersonality(d.suffix, static_cast<uint32_t>(d.ret));
  d.suffix->push_back(')');
}

constexpr XlatEntry kSecbits[] = {
    {0x1, "SECBIT_NOROOT"},
    {0x2, "SECBIT_NOROOT_LOCKED"},
    {0x4, "SECBIT_NO_SETUID_FIXUP"},
    {0x8, "SECBIT_NO_SETUID_FIXUP_LOCKED"},
    {0x10, "SECBIT_KEEP_CAPS"},
    {0x20, "SECBIT_KEEP_CAPS_LOCKED"},
    {0x40, "SECBIT_NO_CAP_AMBIENT_RAISE"},
    {0x80, "SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED"},
};
constexpr XlatEntry kTscModes[] = {{1, "PR_TSC_ENABLE"}, {2, "PR_TSC_SIGSEGV"}};
constexpr XlatEntry kSpecWhich[] = {{0, "PR_SPEC_STORE_BYPASS"},
                                    {1, "PR_SPEC_INDIRECT_BRANCH"},
                                    {2, "PR_SPEC_L1D_FLUSH"}};
constexpr XlatEntry kSpecSet[] = {{0x2, "PR_SPEC_ENABLE"},
                                  {0x4, "PR_SPEC_DISABLE"},
                                  {0x8, "PR_SPEC_FORCE_DISABLE"},
                                  {0x10, "PR_SPEC_DISABLE_NOEXEC"}};
constexpr XlatEntry kSpecGet[] = {{0x1, "PR_SPEC_PRCTL"},
                                  {0x2, "PR_SPEC_ENABLE"},
                                  {0x4, "PR_SPEC_DISABLE"},
                                  {0x8, "PR_SPEC_FORCE_DISABLE"},
                                  {0x10, "PR_SPEC_DISABLE_NOEXEC"}};
constexpr XlatEntry kFpModes[] = {{0x1, "PR_FP_MODE_FR"},
                                  {0x2, "PR_FP_MODE_FRE"}};
constexpr XlatEntry kSetMm[] = {
    {1, "PR_SET_MM_START_CODE"},  {2, "PR_SET_MM_END_CODE"},
    {3, "PR_SET_MM_START_DATA"},  {4, "PR_SET_MM_END_DATA"},
    {5, "PR_SET_MM_START_STACK"}, {6, "PR_SET_MM_START_BRK"},
    {7, "PR_SET_MM_BRK"},         {8, "PR_SET_MM_ARG_START"},
    {9, "PR_SET_MM_ARG_END"},     {10, "PR_SET_MM_ENV_START"},
    {11, "PR_SET_MM_ENV_END"},    {12, "PR_SET_MM_AUXV"},
    {13, "PR_SET_MM_EXE_FILE"},   {14, "PR_SET_MM_MAP"},
    {15, "PR_SET_MM_MAP_SIZE"},
};
constexpr XlatEntry kMceKill[] = {{0, "PR_MCE_KILL_CLEAR"},
                                  {1, "PR_MCE_KILL_SET"}};
constexpr XlatEntry kMceKillPolicy[] = {{0, "PR_MCE_KILL_LATE"},
                                        {1, "PR_MCE_KILL_EARLY"},
                                        {2, "PR_MCE_KILL_DEFAULT"}};
constexpr XlatEntry kUnalign[] = {{1, "PR_UNALIGN_NOPRINT"},
                                  {2, "PR_UNALIGN_SIGBUS"}};
constexpr XlatEntry kSchedCoreCmds[] = {{0, "PR_SCHED_CORE_GET"},
                                        {1, "PR_SCHED_CORE_CREATE"},
                                        {2, "PR_SCHED_CORE_SHARE_TO"},
                                        {3, "PR_SCHED_CORE_SHARE_FROM"}};
constexpr XlatEntry kPidTypes[] = {{0, "PIDTYPE_PID"},
                                   {1, "PIDTYPE_TGID"},
                                   {2, "PIDTYPE_PGID"},
                                   {3, "PIDTYPE_SID"}};
constexpr XlatEntry kSysDispatch[] = {{0, "PR_SYS_DISPATCH_OFF"},
                                      {1, "PR_SYS_DISPATCH_ON"}};
constexpr XlatEntry kPacKeys[] = {{0x1, "PR_PAC_APIAKEY"},
                                  {0x2, "PR_PAC_APIBKEY"},
                                  {0x4, "PR_PAC_APDAKEY"},
                                  {0x8, "PR_PAC_APDBKEY"},
                                  {0x10, "PR_PAC_APGAKEY"}};
constexpr XlatEntry kSveVlFlags[] = {{1 << 17, "PR_SVE_VL_INHERIT"},
                                     {1 << 18, "PR_SVE_SET_VL_ONEXEC"}};
constexpr XlatEntry kSmeVlFlags[] = {{1 << 17, "PR_SME_VL_INHERIT"},
                                     {1 << 18, "PR_SME_SET_VL_ONEXEC"}};
constexpr XlatEntry kMteTcf[] = {{0, "PR_MTE_TCF_NONE"},
                                 {2, "PR_MTE_TCF_SYNC"},
                                 {4, "PR_MTE_TCF_ASYNC"},
                                 {6, "PR_MTE_TCF_MASK"}};

// PR_SVE_SET_VL's and PR_SME_SET_VL's argument: the flags by name, the
// vector length (the low 16 bits) and any other bit in hex after them,
// "PR_SVE_VL_INHERIT|0x1"; without flags only the hex, "0x1".
template <size_t N>
void VlArg(D& d, uint64_t v, const XlatEntry (&flags)[N]) {
  std::string text;
  uint64_t rest = v;
  for (const XlatEntry& f : flags) {
    if ((rest & f.value) != 0) {
      if (!text.empty()) text.push_back('|');
      text.append(f.name);
      rest &= ~f.value;
    }
  }
  if (text.empty()) {
    d.Hex(v);
    return;
  }
  if (rest != 0) {
    text.push_back('|');
    AppendHex(&text, rest);
  }
  AppendConst(d.out, text.c_str(), RawConst::Hex(v));
}

// PR_SET_TAGGED_ADDR_CTRL's argument as strace composes it: whether
// PR_TAGGED_ADDR_ENABLE is set ("!PR_TAGGED_ADDR_ENABLE" when not), the
// MTE check mode, the tag mask ("0xffff<<PR_MTE_TAG_SHIFT") and other
// bits in hex, one constant for -X.
void TaggedAddrArg(D& d, uint64_t v) {
  std::string text =
      (v & 1) != 0 ? "PR_TAGGED_ADDR_ENABLE|" : "!PR_TAGGED_ADDR_ENABLE|";
  text.append(XlatName(v & 6, kMteTcf, std::size(kMteTcf)));
  const uint64_t tags = (v >> 3) & 0xffff;
  if (tags != 0) {
    text.push_back('|');
    AppendHex(&text, tags);
    text.append("<<PR_MTE_TAG_SHIFT");
  }
  const uint64_t rest = v & ~uint64_t{0x7ffff};
  if (rest != 0) {
    text.push_back('|');
    AppendHex(&text, rest);
  }
  AppendConst(d.out, text.c_str(), RawConst::Hex(v));
}

// A non-zero result in hex with its flags: "= 0x2f (SECBIT_NOROOT|...)".
// As strace, the flags are named (never "0x10 /* ... */") with -X verbose
// and left out with -X raw.
template <size_t N>
void RetFlags(D& d, const XlatEntry (&tbl)[N], const char* unknown) {
  if (d.failed()) return;
  *d.fmt = SyscallEvent::RetFormat::kHex;
  if (d.ret == 0 || d.suffix == nullptr) return;
  if (CurrentXlatStyle() == XlatStyle::kRaw) return;
  ScopedXlatStyle abbrev(XlatStyle::kAbbrev);
  d.suffix->append(" (");
  AppendFlags(d.suffix, static_cast<uint64_t>(d.ret), tbl, N, unknown);
  d.suffix->push_back(')');
}

// prctl's PR_GET_*s that store an int at addr: ", " at entry, "[VALUE]" at
// exit, VALUE printed by print(v).
template <typename Print>
void IntOut(D& d, uint64_t addr, Print print) {
  if (d.entering()) {
    d.Sep();
    return;
  }
  int32_t v;
  if (!d.FetchOut(addr, &v, sizeof(v))) return;
  d.out->push_back('[');
  print(v);
  d.out->push_back(']');
}

void Prctl(D& d) {
  const uint32_t option = d.u32(0);
  const uint64_t arg2 = d.u(1);
  if (d.entering()) d.Xval(option, kPrctlOptions, "PR_???");
  switch (option) {
    case 27:  // PR_GET_SECUREBITS
      if (d.exiting) RetFlags(d, kSecbits, "SECBIT_???");
      return;
    case 46:  // PR_GET_FP_MODE
      if (d.exiting) RetFlags(d, kFpModes, "PR_FP_MODE_???");
      return;
    case 52:  // PR_GET_SPECULATION_CTRL
      if (d.entering()) {
        d.Sep();
        d.Xval(arg2, kSpecWhich, "PR_SPEC_???");
      } else {
        RetFlags(d, kSpecGet, "PR_SPEC_???");
      }
      return;
    case 25:  // PR_GET_TSC
      IntOut(d, arg2, [&](int32_t v) {
        d.Xval(static_cast<uint32_t>(v), kTscModes, "PR_TSC_???");
      });
      return;
    case 7:   // PR_GET_KEEPCAPS
    case 21:  // PR_GET_SECCOMP
    case 30:  // PR_GET_TIMERSLACK
    case 13:  // PR_GET_TIMING
    case 31:  // PR_TASK_PERF_EVENTS_DISABLE
    case 32:  // PR_TASK_PERF_EVENTS_ENABLE
      return;
    case 37:  // PR_GET_CHILD_SUBREAPER
    case 19:  // PR_GET_ENDIAN
    case 9:   // PR_GET_FPEMU
    case 11:  // PR_GET_FPEXC
      IntOut(d, arg2, [&](int32_t v) { d.Udec(static_cast<uint32_t>(v)); });
      return;
    case 34:  // PR_MCE_KILL_GET: the policy, "= 2 (PR_MCE_KILL_DEFAULT)"
      if (d.entering()) {
        PrctlArgs(d, 1);
      } else if (!d.failed()) {
        RetName(d, XlatName(static_cast<uint64_t>(d.ret), kMceKillPolicy,
                            std::size(kMceKillPolicy)));
      }
      return;
    case 5:  // PR_GET_UNALIGN
      if (d.entering()) {
        d.Sep();
      } else if (d.failed()) {
        d.Ptr(arg2);
      } else {
        uint32_t v;
        if (!d.FetchOut(arg2, &v, sizeof(v))) return;
        d.out->push_back('[');
        d.Flags(v, kUnalign, "PR_UNALIGN_???");
        d.out->push_back(']');
      }
      return;
    case 51:  // PR_SVE_GET_VL
    case 64:  // PR_SME_GET_VL: no arguments
      return;
    case 3:  // PR_GET_DUMPABLE
      if (d.exiting && !d.failed()) {
        RetName(d, XlatName(static_cast<uint64_t>(d.ret), kDumpable,
                            std::size(kDumpable)));
      }
      return;
    case 16:  // PR_GET_NAME
      if (d.entering()) {
        d.Sep();
      } else if (d.failed()) {
        d.Ptr(arg2);
      } else {
        d.CStrN(arg2, 16);  // TASK_COMM_LEN
      }
      return;
    case 2:  // PR_GET_PDEATHSIG
      IntOut(d, arg2, [&](int32_t v) { AppendSignal(d.out, v); });
      return;
    case 40:  // PR_GET_TID_ADDRESS
      if (d.entering()) {
        d.Sep();
      } else if (d.failed()) {
        d.Ptr(arg2);
      } else {
        uint64_t v;
        if (arg2 == 0) {
          d.Put("NULL");
        } else if (!d.ReadPtr(arg2, &v)) {
          d.Hex(arg2);
        } else {
          d.out->push_back('[');
          d.Ptr(v);
          d.out->push_back(']');
        }
      }
      return;
    default:
      break;
  }
  if (d.exiting) return;
  switch (option) {
    case 36:  // PR_SET_CHILD_SUBREAPER
    case 20:  // PR_SET_ENDIAN
    case 10:  // PR_SET_FPEMU
    case 12:  // PR_SET_FPEXC
    case 8:   // PR_SET_KEEPCAPS
    case 14:  // PR_SET_TIMING
      d.Sep();
      d.Udec(arg2);
      return;
    case 4:  // PR_SET_DUMPABLE
      d.Sep();
      d.Xval(arg2, kDumpable, "SUID_DUMP_???");
      return;
    case 23:  // PR_CAPBSET_READ
    case 24:  // PR_CAPBSET_DROP
      d.Sep();
      d.Xval(arg2, kCaps, "CAP_???");
      return;
    case 47:  // PR_CAP_AMBIENT
      d.Sep();
      d.Xval(arg2, kCapAmbient, "PR_CAP_AMBIENT_???");
      if (arg2 >= 1 && arg2 <= 3) {
        d.Sep();
        d.Xval(d.u(2), kCaps, "CAP_???");
        PrctlArgs(d, 3);
      } else {
        PrctlArgs(d, 2);
      }
      return;
    case 15:  // PR_SET_NAME
      d.Sep();
      d.CStrN(arg2, 15);  // TASK_COMM_LEN - 1
      return;
    case 0x53564d41:  // PR_SET_VMA
      d.Sep();
      d.Xval(arg2, kPrSetVma, "PR_SET_VMA_???");
      if (arg2 == 0) {  // PR_SET_VMA_ANON_NAME
        d.Sep();
        d.Ptr(d.u(2));
        d.Sep();
        d.Udec(d.u(3));
        d.Sep();
        d.Str(4);
      } else {
        PrctlArgs(d, 2);
      }
      return;
    case 1:  // PR_SET_PDEATHSIG
      d.Sep();
      if (arg2 > 128) {
        d.Udec(arg2);
      } else {
        AppendSignal(d.out, static_cast<int64_t>(arg2));
      }
      return;
    case 0x59616d61:  // PR_SET_PTRACER
      d.Sep();
      if (d.i32(1) == -1) {
        AppendConst(d.out, "PR_SET_PTRACER_ANY", RawConst::Dec(-1));
      } else {
        d.Dec(d.i32(1));
      }
      return;
    case 22:  // PR_SET_SECCOMP
      d.Sep();
      d.Xval(arg2, kSeccompModes, "SECCOMP_MODE_???");
      if (arg2 == 1) return;
      if (arg2 == 2) {
        d.Sep();
        SeccompFprog(d, d.u(2));
        return;
      }
      PrctlArgs(d, 2);
      return;
    case 29:  // PR_SET_TIMERSLACK
      d.Sep();
      d.Dec(d.s(1));
      return;
    case 28:  // PR_SET_SECUREBITS
      d.Sep();
      d.Flags(arg2, kSecbits, "SECBIT_???");
      return;
    case 26:  // PR_SET_TSC
      d.Sep();
      d.Xval(arg2, kTscModes, "PR_TSC_???");
      return;
    case 45:  // PR_SET_FP_MODE
      d.Sep();
      d.Flags(arg2, kFpModes, "PR_FP_MODE_???");
      return;
    case 53:  // PR_SET_SPECULATION_CTRL
      d.Sep();
      d.Xval(arg2, kSpecWhich, "PR_SPEC_???");
      d.Sep();
      if (arg2 <= 2) {
        d.Xval(d.u(2), kSpecSet, "PR_SPEC_???");
      } else {
        d.Hex(d.u(2));
      }
      return;
    case 35:  // PR_SET_MM
      d.Sep();
      d.Xval(arg2, kSetMm, "PR_SET_MM_???");
      PrctlArgs(d, 2);
      return;
    case 33:  // PR_MCE_KILL: the policy is named only after PR_MCE_KILL_SET
      d.Sep();
      d.Xval(arg2, kMceKill, "PR_MCE_KILL_???");
      d.Sep();
      if (arg2 == 1) {
        d.Xval(d.u(2), kMceKillPolicy, "PR_MCE_KILL_???");
      } else {
        d.Hex(d.u(2));
      }
      PrctlArgs(d, 3);
      return;
    case 6:  // PR_SET_UNALIGN
      d.Sep();
      d.Flags(arg2, kUnalign, "PR_UNALIGN_???");
      return;
    case 62: {  // PR_SCHED_CORE
      d.Sep();
      d.Xval(arg2, kSchedCoreCmds, "PR_SCHED_CORE_???");
      d.Sep();
      d.PidValue(d.i32(2));
      d.Sep();
      // strace prints the pid type with its number even by default:
      // "0 /* PIDTYPE_PID */" (only -X raw leaves the name out).
      const XlatStyle style = CurrentXlatStyle() == XlatStyle::kAbbrev
                                  ? XlatStyle::kVerbose
                                  : CurrentXlatStyle();
      {
        ScopedXlatStyle pidtype(style);
        d.Xval(d.u(3), kPidTypes, "PIDTYPE_???");
      }
      d.Sep();
      d.Hex(d.u(4));
      return;
    }
    case 59:  // PR_SET_SYSCALL_USER_DISPATCH
      d.Sep();
      d.Xval(arg2, kSysDispatch, "PR_SYS_DISPATCH_???");
      d.Sep();
      d.Hex(d.u(2));
      d.Sep();
      d.Hex(d.u(3));
      d.Sep();
      d.Ptr(d.u(4));
      return;
    case 50:  // PR_SVE_SET_VL
      d.Sep();
      VlArg(d, arg2, kSveVlFlags);
      return;
    case 63:  // PR_SME_SET_VL
      d.Sep();
      VlArg(d, arg2, kSmeVlFlags);
      return;
    case 54:  // PR_PAC_RESET_KEYS
      d.Sep();
      d.Flags(arg2, kPacKeys, "PR_PAC_???");
      PrctlArgs(d, 2);
      return;
    case 60:  // PR_PAC_SET_ENABLED_KEYS
      d.Sep();
      d.Flags(arg2, kPacKeys, "PR_PAC_???");
      d.Sep();
      d.Flags(d.u(2), kPacKeys, "PR_PAC_???");
      PrctlArgs(d, 3);
      return;
    case 55:  // PR_SET_TAGGED_ADDR_CTRL
      d.Sep();
      TaggedAddrArg(d, arg2);
      PrctlArgs(d, 2);
      return;
    case 38:  // PR_SET_NO_NEW_PRIVS
    case 41:  // PR_SET_THP_DISABLE
    case 57:  // PR_SET_IO_FLUSHER
      d.Sep();
      d.Udec(arg2);
      PrctlArgs(d, 2);
      return;
    default:
      PrctlArgs(d, 1);
      return;
  }
}

// ---------------------------------------------------------------------------
// uname, sysinfo, sched_{get,set}affinity.
// ---------------------------------------------------------------------------
void UtsField(D& d, const char* name, const char (&field)[65], bool first) {
  if (!first) d.Sep();
  d.Put(name);
  d.Put("=\"");
  d.Escaped(field, strnlen(field, sizeof(field)));
  d.out->push_back('"');
}

void Uname(D& d) {
  if (d.entering()) return;
  struct {
    char f[6][65];
  } u;
  if (!d.FetchOut(d.u(0), &u, sizeof(u))) return;
  d.out->push_back('{');
  UtsField(d, "sysname", u.f[0], true);
  UtsField(d, "nodename", u.f[1], false);
  if (!d.abbrev) {
    UtsField(d, "release", u.f[2], false);
    UtsField(d, "version", u.f[3], false);
    UtsField(d, "machine", u.f[4], false);
    UtsField(d, "domainname", u.f[5], false);
    d.out->push_back('}');
  } else {
    d.Put(", ...}");
  }
}

// struct sysinfo: longs are 4 bytes on i386, 8 on x86_64.
template <typename Long>
struct SysinfoOf {
  Long uptime;
  std::make_unsigned_t<Long> loads[3];
  std::make_unsigned_t<Long> totalram, freeram, sharedram, bufferram, totalswap,
      freeswap;
  uint16_t procs;
  uint16_t pad;
  std::make_unsigned_t<Long> totalhigh, freehigh;  // aligned: 4 bytes of pad
  uint32_t mem_unit;                               // on x86_64 before them
};

template <typename Long>
void PrintSysinfo(D& d, const SysinfoOf<Long>& si) {
  d.Put("{uptime=");
  d.Dec(si.uptime);
  d.Put(", loads=[");
  for (int i = 0; i < 3; ++i) {
    if (i > 0) d.Sep();
    if (d.Elided(i)) break;
    d.Udec(si.loads[i]);
  }
  d.Put("], totalram=");
  d.Udec(si.totalram);
  d.Put(", freeram=");
  d.Udec(si.freeram);
  d.Put(", sharedram=");
  d.Udec(si.sharedram);
  d.Put(", bufferram=");
  d.Udec(si.bufferram);
  d.Put(", totalswap=");
  d.Udec(si.totalswap);
  d.Put(", freeswap=");
  d.Udec(si.freeswap);
  d.Put(", procs=");
  d.Udec(si.procs);
  d.Put(", totalhigh=");
  d.Udec(si.totalhigh);
  d.Put(", freehigh=");
  d.Udec(si.freehigh);
  d.Put(", mem_unit=");
  d.Udec(si.mem_unit);
  d.out->push_back('}');
}

void Sysinfo(D& d) {
  if (d.entering()) return;
  if (d.i386) {
    SysinfoOf<int32_t> si;
    if (d.FetchOut(d.u(0), &si, sizeof(si))) PrintSysinfo(d, si);
  } else {
    SysinfoOf<int64_t> si;
    if (d.FetchOut(d.u(0), &si, sizeof(si))) PrintSysinfo(d, si);
  }
}

void SchedGetaffinity(D& d) {
  if (d.entering()) {
    d.Pid(0);
    d.Sep();
    d.Udec(d.u32(1));
    d.Sep();
    return;
  }
  if (d.failed()) {
    d.Ptr(d.u(2));
  } else {
    CpuSet(d, d.u(2), static_cast<uint64_t>(d.ret));
  }
}

void SchedSetaffinity(D& d) {
  if (d.exiting) return;
  d.Pid(0);
  d.Sep();
  d.Udec(d.u32(1));
  d.Sep();
  CpuSet(d, d.u(2), d.u32(1));
}

// ---------------------------------------------------------------------------
// Signals: siginfo, sigaltstack, rt_sigsuspend, rt_sigtimedwait, waitid.
// ---------------------------------------------------------------------------
// " /* 0.05 s */" after a clock_t (USER_HZ = 100 on x86); not under -X raw,
// where strace prints the number alone.
void ClockT(D& d, uint64_t v) {
  d.Udec(v);
  if (v == 0 || CurrentXlatStyle() == XlatStyle::kRaw) return;
  char buf[48];
  snprintf(buf, sizeof(buf), " /* %llu.%02llu s */",
           static_cast<unsigned long long>(v / 100),
           static_cast<unsigned long long>(v % 100));
  d.Put(buf);
}

// An i386 (compat) siginfo_t, whose union starts at 12 with 4-byte
// pointers, longs and clock_ts, in the x86_64 layout (the union at 16) that
// Siginfo reads. Which union member holds depends on the signal and code,
// as Siginfo decides it.
void WidenSiginfo32(const uint8_t* in, uint8_t* out) {
  memset(out, 0, 128);
  memcpy(out, in, 12);  // si_signo, si_errno, si_code
  int32_t signo, code;
  memcpy(&signo, in, 4);
  memcpy(&code, in + 8, 4);
  auto word = [&](size_t off) {
    uint32_t v;
    memcpy(&v, in + off, 4);
    return v;
  };
  auto put32 = [&](size_t off, uint32_t v) { memcpy(out + off, &v, 4); };
  auto put64 = [&](size_t off, uint64_t v) { memcpy(out + off, &v, 8); };
  const bool kernel = code > 0;
  if ((kernel && signo == 29) || code == -5) {  // SIGIO, SI_SIGIO: band, fd
    put64(16, static_cast<uint64_t>(
                  static_cast<int64_t>(static_cast<int32_t>(word(12)))));
    put32(24, word(16));
  } else if (kernel && (signo == 4 || signo == 8 || signo == 11 || signo == 5 ||
                        signo == 7)) {  // si_addr, si_addr_lsb
    put64(16, word(12));
    put32(24, word(16));
  } else if (kernel && signo == 31) {  // SIGSYS
    put64(16, word(12));
    put32(24, word(16));
    put32(28, word(20));
  } else if (kernel && signo == 17) {  // SIGCHLD: status, utime, stime
    put32(16, word(12));
    put32(20, word(16));
    put32(24, word(20));
    put64(32, word(24));
    put64(40, word(28));
  } else {  // pid/uid or timerid/overrun, then the sigval
    put32(16, word(12));
    put32(20, word(16));
    put64(24, word(20));
  }
}

// siginfo_t (x86_64 layout; an i386 tracee's is widened to it).
void Siginfo(D& d, const uint8_t* si) {
  uint8_t widened[128];
  if (d.i386) {
    WidenSiginfo32(si, widened);
    si = widened;
  }
  int32_t signo, err, code;
  memcpy(&signo, si, 4);
  memcpy(&err, si + 4, 4);
  memcpy(&code, si + 8, 4);
  auto i32_at = [&](size_t off) {
    int32_t v;
    memcpy(&v, si + off, 4);
    return v;
  };
  auto u64_at = [&](size_t off) {
    uint64_t v;
    memcpy(&v, si + off, 8);
    return v;
  };
  auto source = [&] {
    d.Put(", si_pid=");
    d.PidValue(i32_at(16));
    d.Put(", si_uid=");
    d.Udec(static_cast<uint32_t>(i32_at(20)));
  };
  auto sigval = [&] {
    d.Put(", si_int=");
    d.Dec(i32_at(24));
    d.Put(", si_ptr=");
    d.Ptr(u64_at(24));
  };
  d.out->push_back('{');
  if (signo != 0) {
    d.Put("si_signo=");
    AppendSignal(d.out, signo);
    d.Put(", si_code=");
    const char* name = SiCodeNameOrNull(signo, code);
    if (name != nullptr) {
      AppendConst(d.out, name, RawConst::Hex(static_cast<uint32_t>(code)));
    } else {
      d.Hex(static_cast<uint32_t>(code));
    }
    if (err != 0) {
      d.Put(", si_errno=");
      AppendErrnoConst(d.out, err);
    }
    if (code <= 0) {  // from user space
      switch (code) {
        case 0:   // SI_USER
        case -6:  // SI_TKILL
          source();
          break;
        case -2:  // SI_TIMER
          d.Put(", si_timerid=");
          d.Hex(static_cast<uint32_t>(i32_at(16)));
          d.Put(", si_overrun=");
          d.Dec(i32_at(20));
          sigval();
          break;
        case -5: {  // SI_SIGIO
          d.Put(", si_band=");
          d.Dec(static_cast<int64_t>(u64_at(16)));
          d.Put(", si_fd=");
          d.FdValue(i32_at(24));
          break;
        }
        default:
          source();
          if (u64_at(24) != 0) sigval();
          break;
      }
    } else {
      switch (signo) {
        case 17:  // SIGCHLD
          source();
          d.Put(", si_status=");
          if (code == 1) {  // CLD_EXITED
            d.Dec(i32_at(24));
          } else {
            AppendSignal(d.out, i32_at(24));
          }
          d.Put(", si_utime=");
          ClockT(d, u64_at(32));
          d.Put(", si_stime=");
          ClockT(d, u64_at(40));
          break;
        case 4:   // SIGILL
        case 8:   // SIGFPE
        case 11:  // SIGSEGV
        case 5:   // SIGTRAP
          d.Put(", si_addr=");
          d.Ptr(u64_at(16));
          break;
        case 7:  // SIGBUS
          d.Put(", si_addr=");
          d.Ptr(u64_at(16));
          if (code == 4 || code == 5) {
            d.Put(", si_addr_lsb=");
            d.Hex(static_cast<uint16_t>(i32_at(24)));
          }
          break;
        case 29:                         // SIGIO
          if (code >= 1 && code <= 6) {  // POLL_IN .. POLL_HUP
            d.Put(", si_band=");
            d.Dec(static_cast<int64_t>(u64_at(16)));
            d.Put(", si_fd=");
            d.FdValue(i32_at(24));
          }
          break;
        case 31: {  // SIGSYS
          d.Put(", si_call_addr=");
          d.Ptr(u64_at(16));
          d.Put(", si_syscall=");
          AppendSiSyscall(d.out, d.i386 ? kArchI386 : kArchX86_64,
                          static_cast<uint32_t>(i32_at(28)), i32_at(24));
          d.Put(", si_arch=");
          AppendAuditArch(d.out, static_cast<uint32_t>(i32_at(28)));
          break;
        }
        default:
          if (i32_at(16) != 0 || i32_at(20) != 0) source();
          if (u64_at(24) != 0) sigval();
          break;
      }
    }
  }
  d.out->push_back('}');
}

// A siginfo output at exit (strace's printsiginfo_at).
void SiginfoAt(D& d, uint64_t addr) {
  uint8_t si[128];
  if (!d.FetchOut(addr, si, sizeof(si))) return;
  Siginfo(d, si);
}

// stack_t: {ss_sp, ss_flags, ss_size}, of 4-byte words on i386.
void StackT(D& d, uint64_t addr, bool output) {
  struct {
    uint64_t sp;
    int32_t flags;
    int32_t pad;
    uint64_t size;
  } st;
  if (d.i386) {
    uint32_t w[3];
    if (!(output ? d.FetchOut(addr, w, sizeof(w))
                 : d.Fetch(addr, w, sizeof(w)))) {
      return;
    }
    st.sp = w[0];
    st.flags = static_cast<int32_t>(w[1]);
    st.size = w[2];
  } else if (!(output ? d.FetchOut(addr, &st, sizeof(st))
                      : d.Fetch(addr, &st, sizeof(st)))) {
    return;
  }
  d.Put("{ss_sp=");
  d.Ptr(st.sp);
  d.Put(", ss_flags=");
  d.Flags(static_cast<uint32_t>(st.flags), kSsFlags, "SS_???");
  d.Put(", ss_size=");
  d.Udec(st.size);
  d.out->push_back('}');
}

void Sigaltstack(D& d) {
  if (d.entering()) {
    StackT(d, d.u(0), /*output=*/false);
    d.Sep();
    return;
  }
  StackT(d, d.u(1), /*output=*/true);
}

void RtSigsuspend(D& d) {
  if (d.exiting) return;
  SigsetAddr(d, d.u(0), d.u(1));
  d.Sep();
  d.Udec(d.u(1));
}

// rt_sigtimedwait(set, info, timeout, sigsetsize) = signal: the timeout
// of 64-bit fields (`wide`), or i386's old 32-bit one. The signal after
// the result is named whatever -X says (strace).
void RtSigtimedwaitCommon(D& d, bool wide) {
  const bool info = d.u(1) != 0;
  if (d.entering()) {
    SigsetAddr(d, d.u(0), d.u(3));
    d.Sep();
    if (!info) {
      d.Put("NULL, ");
      Timespec(d, d.u(2), wide);
      d.Sep();
      d.Udec(d.u(3));
    }
    return;
  }
  if (info) {
    SiginfoAt(d, d.u(1));
    d.Sep();
    Timespec(d, d.u(2), wide);
    d.Sep();
    d.Udec(d.u(3));
  }
  if (!d.failed() && d.ret != 0 && d.suffix != nullptr) {
    ScopedXlatStyle abbrev(XlatStyle::kAbbrev);
    d.suffix->append(" (");
    AppendSignal(d.suffix, d.ret);
    d.suffix->push_back(')');
  }
}

void RtSigtimedwait(D& d) { RtSigtimedwaitCommon(d, !d.i386); }
// i386's rt_sigtimedwait_time64: a 64-bit timespec.
void RtSigtimedwaitTime64(D& d) { RtSigtimedwaitCommon(d, true); }

void Waitid(D& d) {
  if (d.entering()) {
    const uint32_t idtype = d.u32(0);
    d.Xval(idtype, kIdTypes, "P_???");
    d.Sep();
    if (idtype == 3) {  // P_PIDFD
      d.Fd(1);
    } else if (idtype == 1) {  // P_PID
      d.Pid(1);
    } else {
      d.Dec(d.i32(1));
    }
    d.Sep();
    return;
  }
  SiginfoAt(d, d.u(2));
  d.Sep();
  d.Flags(d.u32(3), kWaitOptions, "W???");
  d.Sep();
  if (d.u(4) == 0) {
    d.Put("NULL");
  } else if (d.failed()) {
    d.Hex(d.u(4));
  } else {
    Rusage(d, d.u(4));
  }
}

// ---------------------------------------------------------------------------
// Time getters.
// ---------------------------------------------------------------------------
void Timeval(D& d, uint64_t addr, bool output) {
  int64_t sec, usec;
  if (d.i386) {
    int32_t v[2];
    if (!(output ? d.FetchOut(addr, v, sizeof(v))
                 : d.Fetch(addr, v, sizeof(v)))) {
      return;
    }
    sec = v[0];
    usec = v[1];
  } else {
    int64_t v[2];
    if (!(output ? d.FetchOut(addr, v, sizeof(v))
                 : d.Fetch(addr, v, sizeof(v)))) {
      return;
    }
    sec = v[0];
    usec = v[1];
  }
  d.Put("{tv_sec=");
  d.Dec(sec);
  d.Put(", tv_usec=");
  d.Dec(usec);
  d.out->push_back('}');
}

void Timezone(D& d, uint64_t addr, bool output) {
  int32_t tz[2];
  if (!(output ? d.FetchOut(addr, tz, sizeof(tz))
               : d.Fetch(addr, tz, sizeof(tz)))) {
    return;
  }
  d.Put("{tz_minuteswest=");
  d.Dec(tz[0]);
  d.Put(", tz_dsttime=");
  d.Dec(tz[1]);
  d.out->push_back('}');
}

void Gettimeofday(D& d) {
  if (d.entering()) return;
  Timeval(d, d.u(0), true);
  d.Sep();
  Timezone(d, d.u(1), true);
}

void Settimeofday(D& d) {
  if (d.exiting) return;
  Timeval(d, d.u(0), false);
  d.Sep();
  Timezone(d, d.u(1), false);
}

void Time(D& d) {
  if (d.entering()) return;
  const uint64_t addr = d.u(0);
  if (addr == 0) {
    d.Put("NULL");
  } else {
    int64_t t;
    bool ok;
    if (d.i386) {
      int32_t t32;
      ok = d.FetchOut(addr, &t32, sizeof(t32));
      t = t32;
    } else {
      ok = d.FetchOut(addr, &t, sizeof(t));
    }
    if (ok) {
      d.out->push_back('[');
      d.Dec(t);
      TimeComment(d, t, 0);
      d.out->push_back(']');
    }
  }
  if (!d.failed() && d.suffix != nullptr) {
    char buf[96];
    const int64_t t = d.i386 ? static_cast<int32_t>(d.ret) : d.ret;
    const size_t n = FormatTime(buf, sizeof(buf), t, 0, 0, 0);
    if (n > 0) {
      d.suffix->append(" (");
      d.suffix->append(buf, n);
      d.suffix->push_back(')');
    }
  }
}

// setitimer/getitimer: struct itimerval, two timevals.
constexpr XlatEntry kItimers[] = {
    {0, "ITIMER_REAL"}, {1, "ITIMER_VIRTUAL"}, {2, "ITIMER_PROF"}};

void Itimerval(D& d, uint64_t addr, bool output) {
  int64_t v[4];
  if (d.i386) {
    int32_t v32[4];
    if (!(output ? d.FetchOut(addr, v32, sizeof(v32))
                 : d.Fetch(addr, v32, sizeof(v32)))) {
      return;
    }
    for (int i = 0; i < 4; ++i) v[i] = v32[i];
  } else if (!(output ? d.FetchOut(addr, v, sizeof(v))
                      : d.Fetch(addr, v, sizeof(v)))) {
    return;
  }
  d.Put("{it_interval={tv_sec=");
  d.Dec(v[0]);
  d.Put(", tv_usec=");
  d.Dec(v[1]);
  d.Put("}, it_value={tv_sec=");
  d.Dec(v[2]);
  d.Put(", tv_usec=");
  d.Dec(v[3]);
  d.Put("}}");
}

void Setitimer(D& d) {
  if (d.entering()) {
    d.Xval(d.u32(0), kItimers, "ITIMER_???");
    d.Sep();
    Itimerval(d, d.u(1), false);
    d.Sep();
    return;
  }
  Itimerval(d, d.u(2), true);
}

void Getitimer(D& d) {
  if (d.entering()) {
    d.Xval(d.u32(0), kItimers, "ITIMER_???");
    d.Sep();
    return;
  }
  Itimerval(d, d.u(1), true);
}

// times: struct tms, four clock_t (longs) with their seconds.
void Times(D& d) {
  if (d.entering()) return;
  int64_t v[4];
  if (d.i386) {
    int32_t v32[4];
    if (!d.FetchOut(d.u(0), v32, sizeof(v32))) return;
    for (int i = 0; i < 4; ++i) v[i] = v32[i];
  } else if (!d.FetchOut(d.u(0), v, sizeof(v))) {
    return;
  }
  static constexpr const char* kFields[] = {
      "{tms_utime=", ", tms_stime=", ", tms_cutime=", ", tms_cstime="};
  for (int i = 0; i < 4; ++i) {
    d.Put(kFields[i]);
    ClockT(d, static_cast<uint64_t>(v[i]));
  }
  d.out->push_back('}');
}

// rt_sigpending(set, size): the pending set at exit, of `size` bytes (1
// to 8; else its address).
void RtSigpending(D& d) {
  if (d.entering()) return;
  const uint64_t addr = d.u(0);
  const uint64_t len = d.u(1);
  uint8_t buf[8];
  if (d.failed() || addr == 0 || len == 0 || len > sizeof(buf) ||
      !d.Peek(addr, buf, len)) {
    d.Ptr(addr);
  } else {
    AppendSigset(d.out, buf, len);
  }
  d.Sep();
  d.Udec(len);
}

// ---------------------------------------------------------------------------
// restart_syscall: names the call it resumes (the thread's last call that
// returned ERESTART_RESTARTBLOCK), "system call" when unknown.
// ---------------------------------------------------------------------------
struct Interrupted {
  pid_t tid;
  uint32_t arch;
  int32_t nr;
};
// Per tracing thread (the decoder is not thread-safe either); a small
// ring, so a thread's entry may be lost when many are interrupted at once.
thread_local Interrupted interrupted[64];
thread_local unsigned interrupted_next;

void RestartSyscall(D& d) {
  if (d.exiting) return;
  d.Put("<... resuming interrupted ");
  bool found = false;
  for (const Interrupted& e : interrupted) {
    if (e.tid == d.c.tid && e.tid != 0) {
      SyscallTable::Get().AppendName(e.arch, e.nr, d.out);
      found = true;
      break;
    }
  }
  if (!found) d.Put("system call");
  d.Put(" ...>");
}

// ---------------------------------------------------------------------------
// Credentials, process groups, scheduling.
// ---------------------------------------------------------------------------
constexpr XlatEntry kSchedPolicies[] = {
    {0, "SCHED_OTHER"},    {1, "SCHED_FIFO"}, {2, "SCHED_RR"},
    {3, "SCHED_BATCH"},    {4, "SCHED_ISO"},  {5, "SCHED_IDLE"},
    {6, "SCHED_DEADLINE"},
};

// Ids are uint32_t, or uint16_t for i386's calls without the "32" suffix
// (setuid, getgroups, ...): see PrintId.
template <typename Id>
void IdArgs(D& d, int n) {
  for (int i = 0; i < n; ++i) {
    if (i > 0) d.Sep();
    PrintId(d, static_cast<Id>(d.u32(i)));
  }
}

template <typename Id>
void OneId(D& d) {
  if (d.entering()) IdArgs<Id>(d, 1);
}
template <typename Id>
void TwoIds(D& d) {
  if (d.entering()) IdArgs<Id>(d, 2);
}
template <typename Id>
void ThreeIds(D& d) {
  if (d.entering()) IdArgs<Id>(d, 3);
}

// getresuid/getresgid: "[0], [0], [0]".
template <typename Id>
void Getresid(D& d) {
  if (d.entering()) return;
  for (int i = 0; i < 3; ++i) {
    if (i > 0) d.Sep();
    Id id;
    if (d.FetchOut(d.u(i), &id, sizeof(id))) {
      d.out->push_back('[');
      PrintId(d, id);
      d.out->push_back(']');
    }
  }
}

template <typename Id>
void Getgroups(D& d) {
  if (d.entering()) {
    d.Dec(d.i32(0));
    d.Sep();
    return;
  }
  if (d.failed()) {
    d.Ptr(d.u(1));
    return;
  }
  d.Array<Id>(d.u(1), static_cast<uint64_t>(d.ret),
              [&](Id id) { PrintId(d, id); });
}

// setgroups(size, list): a size above NGROUPS_MAX leaves the list as its
// address (strace).
template <typename Id>
void Setgroups(D& d) {
  if (d.exiting) return;
  d.Dec(d.i32(0));
  d.Sep();
  if (d.u32(0) > 65536) {
    d.Ptr(d.u(1));
    return;
  }
  d.Array<Id>(d.u(1), d.u32(0), [&](Id id) { PrintId(d, id); });
}

void OnePid(D& d) {  // getpgid, getsid
  if (d.entering()) d.Pid(0);
}
void Setpgid(D& d) {
  if (d.exiting) return;
  d.Pid(0);
  d.Sep();
  d.PgidValue(d.i32(1));  // a process group: not named, as strace
}

void PidfdOpen(D& d) {
  if (d.exiting) return d.RetFd();
  d.Pid(0);
  d.Sep();
  static constexpr XlatEntry kPidfdFlags[] = {{O_NONBLOCK, "PIDFD_NONBLOCK"}};
  d.Flags(d.u32(1), kPidfdFlags, "PIDFD_???");
}

// pidfd_send_signal(pidfd, sig, siginfo, flags): the siginfo, when
// given, is the caller's, read at entry.
void PidfdSendSignal(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  AppendSignal(d.out, d.i32(1));
  d.Sep();
  uint8_t si[128];
  if (d.Fetch(d.u(2), si, sizeof(si))) Siginfo(d, si);
  d.Sep();
  d.Hex(d.u32(3));
}

// pidfd_getfd(pidfd, targetfd, flags) = fd: with -y, targetfd is named
// as an fd of the process the pidfd refers to.
void PidfdGetfd(D& d) {
  if (d.exiting) return d.RetFd();
  d.Fd(0);
  d.Sep();
  const int target = d.i32(1);
  d.Dec(target);
  if (d.opt().any_fd_info() && target >= 0) {
    std::string& link = d.dec->scratch2();
    FdDetails& det = d.dec->details();
    if (d.dec->mem()->ReadFdPath(d.c.tid, d.i32(0), &link) &&
        link == "anon_inode:[pidfd]" &&
        d.dec->mem()->ReadFdDetails(d.c.tid, d.i32(0), link, &det) &&
        det.kind == FdDetails::Kind::kPid && det.pid > 0) {
      d.AppendFdPathOf(d.out, static_cast<pid_t>(det.pid), target);
    }
  }
  d.Sep();
  d.Hex(d.u32(2));
}

// ioprio_get(which, who), ioprio_set(which, who, ioprio): the priority
// as IOPRIO_PRIO_VALUE(class, data); `who` is a process for
// IOPRIO_WHO_PROCESS (named with -Y), else a process group or user.
constexpr XlatEntry kIoprioWho[] = {
    {1, "IOPRIO_WHO_PROCESS"}, {2, "IOPRIO_WHO_PGRP"}, {3, "IOPRIO_WHO_USER"}};
constexpr XlatEntry kIoprioClass[] = {{0, "IOPRIO_CLASS_NONE"},
                                      {1, "IOPRIO_CLASS_RT"},
                                      {2, "IOPRIO_CLASS_BE"},
                                      {3, "IOPRIO_CLASS_IDLE"}};
void AppendIoprio(std::string* out, uint32_t v) {
  out->append("IOPRIO_PRIO_VALUE(");
  AppendXval(out, v >> 13, kIoprioClass, std::size(kIoprioClass),
             "IOPRIO_CLASS_???");
  out->append(", ");
  AppendUnsigned(out, v & 0x1fff);
  out->push_back(')');
}
// An ioprio argument: -X raw prints it in decimal, verbose that with the
// macro (its class styled too) in a comment.
void IoprioArg(std::string* out, uint32_t v) {
  const size_t mark = out->size();
  AppendIoprio(out, v);
  RestyleConst(out, mark, RawConst::Udec(v));
}
void IoprioWhichWho(D& d) {
  d.Xval(d.u32(0), kIoprioWho, "IOPRIO_WHO_???");
  d.Sep();
  if (d.u32(0) == 1) {  // IOPRIO_WHO_PROCESS
    d.Pid(1);
  } else if (d.u32(0) == 2) {  // IOPRIO_WHO_PGRP
    d.PgidValue(d.i32(1));
  } else {
    d.Dec(d.i32(1));
  }
}
void IoprioGet(D& d) {
  if (d.entering()) return IoprioWhichWho(d);
  if (d.failed() || d.suffix == nullptr) return;
  // strace -X raw leaves the result's comment out.
  if (CurrentXlatStyle() == XlatStyle::kRaw) return;
  d.suffix->append(" (");
  AppendIoprio(d.suffix, static_cast<uint32_t>(d.ret));
  d.suffix->push_back(')');
}
void IoprioSet(D& d) {
  if (d.exiting) return;
  IoprioWhichWho(d);
  d.Sep();
  IoprioArg(d.out, d.u32(2));
}

// userfaultfd(flags) = fd: the flags, an unnamed rest in bare hex.
void Userfaultfd(D& d) {
  if (d.exiting) return d.RetFd();
  static constexpr XlatEntry kUffdFlags[] = {{1, "UFFD_USER_MODE_ONLY"},
                                             {O_NONBLOCK, "O_NONBLOCK"},
                                             {O_CLOEXEC, "O_CLOEXEC"}};
  // Only unknown bits: "0x1030 /* UFFD_??? */", as strace.
  d.Flags(d.u32(0), kUffdFlags, "UFFD_???");
}

// kcmp(pid1, pid2, type, idx1, idx2): the fds of KCMP_FILE are pid1's and
// pid2's (named in them with -y), KCMP_EPOLL_TFD's idx2 a struct
// kcmp_epoll_slot of pid2's fds; the other known types take no index.
void Kcmp(D& d) {
  if (d.exiting) return;
  d.Pid(0);
  d.Sep();
  d.Pid(1);
  d.Sep();
  static constexpr XlatEntry kKcmpTypes[] = {
      {0, "KCMP_FILE"},    {1, "KCMP_VM"},       {2, "KCMP_FILES"},
      {3, "KCMP_FS"},      {4, "KCMP_SIGHAND"},  {5, "KCMP_IO"},
      {6, "KCMP_SYSVSEM"}, {7, "KCMP_EPOLL_TFD"}};
  const uint32_t type = d.u32(2);
  const bool named = d.Xval(type, kKcmpTypes, "KCMP_???");
  const pid_t pid1 = d.i32(0), pid2 = d.i32(1);
  const bool paths = d.opt().any_fd_info();
  auto fd_of = [&](pid_t pid, int fd) {
    d.Dec(fd);
    if (paths && fd >= 0 && pid > 0) d.AppendFdPathOf(d.out, pid, fd);
  };
  if (!named) {
    d.Sep();
    d.Hex(d.u(3));
    d.Sep();
    d.Hex(d.u(4));
  } else if (type == 0) {
    d.Sep();
    fd_of(pid1, d.i32(3));
    d.Sep();
    fd_of(pid2, d.i32(4));
  } else if (type == 7) {
    d.Sep();
    fd_of(pid1, d.i32(3));
    d.Sep();
    uint32_t slot[3];
    if (!d.Fetch(d.u(4), slot, sizeof(slot))) return;
    d.Put("{efd=");
    fd_of(pid2, static_cast<int>(slot[0]));
    d.Put(", tfd=");
    fd_of(pid2, static_cast<int>(slot[1]));
    d.Put(", toff=");
    d.Udec(slot[2]);
    d.out->push_back('}');
  }
}

// rt_sigqueueinfo(pid, sig, siginfo), rt_tgsigqueueinfo(tgid, tid, sig,
// siginfo): the siginfo is the caller's, read at entry.
void SigqueueinfoFrom(D& d, int first_sig) {
  if (d.exiting) return;
  for (int i = 0; i < first_sig; ++i) {
    d.Pid(i);
    d.Sep();
  }
  AppendSignal(d.out, d.i32(first_sig));
  d.Sep();
  uint8_t si[128];
  if (d.Fetch(d.u(first_sig + 1), si, sizeof(si))) Siginfo(d, si);
}
void RtSigqueueinfo(D& d) { SigqueueinfoFrom(d, 1); }
void RtTgsigqueueinfo(D& d) { SigqueueinfoFrom(d, 2); }

void Alarm(D& d) {
  if (d.entering()) d.Udec(d.u32(0));
}

void SchedPriorityLimit(D& d) {  // sched_get_priority_{max,min}
  if (d.entering()) d.Xval(d.u32(0), kSchedPolicies, "SCHED_???");
}

void SchedGetscheduler(D& d) {
  if (d.entering()) {
    d.Pid(0);
    return;
  }
  if (!d.failed()) {
    RetName(d, XlatName(static_cast<uint64_t>(d.ret), kSchedPolicies,
                        std::size(kSchedPolicies)));
  }
}

void SchedGetparam(D& d) {
  if (d.entering()) {
    d.Pid(0);
    d.Sep();
    return;
  }
  int32_t prio;
  if (d.FetchOut(d.u(1), &prio, sizeof(prio))) {
    d.out->push_back('[');
    d.Dec(prio);
    d.out->push_back(']');
  }
}

// struct sched_param: "[prio]", read at entry.
void SchedParam(D& d, uint64_t addr) {
  int32_t prio;
  if (!d.Fetch(addr, &prio, sizeof(prio))) return;
  d.out->push_back('[');
  d.Dec(prio);
  d.out->push_back(']');
}

void SchedSetscheduler(D& d) {
  if (d.exiting) return;
  d.Pid(0);
  d.Sep();
  d.Xval(d.u32(1), kSchedPolicies, "SCHED_???");
  d.Sep();
  SchedParam(d, d.u(2));
}

void SchedSetparam(D& d) {
  if (d.exiting) return;
  d.Pid(0);
  d.Sep();
  SchedParam(d, d.u(1));
}

// kTime64: i386's sched_rr_get_interval_time64 (a 64-bit timespec).
template <bool kTime64>
void SchedRrGetInterval(D& d) {
  if (d.entering()) {
    d.Pid(0);
    d.Sep();
    return;
  }
  if (d.failed()) {
    d.Ptr(d.u(1));
  } else {
    Timespec(d, d.u(1), kTime64 || !d.i386);
  }
}

void Getcpu(D& d) {
  if (d.entering()) return;
  for (int i = 0; i < 2; ++i) {
    uint32_t v;
    if (d.FetchOut(d.u(i), &v, sizeof(v))) {
      d.out->push_back('[');
      d.Udec(v);
      d.out->push_back(']');
    }
    d.Sep();
  }
  d.Ptr(d.u(2));
}

// ---------------------------------------------------------------------------
// capget, capset.
// ---------------------------------------------------------------------------
constexpr XlatEntry kCapVersions[] = {
    {0x19980330, "_LINUX_CAPABILITY_VERSION_1"},
    {0x20071026, "_LINUX_CAPABILITY_VERSION_2"},
    {0x20080522, "_LINUX_CAPABILITY_VERSION_3"}};
// Capabilities 0-31, as bits of the first 32-bit word.
constexpr XlatEntry kCapsLow[] = {
    {1u << 0, "1<<CAP_CHOWN"},
    {1u << 1, "1<<CAP_DAC_OVERRIDE"},
    {1u << 2, "1<<CAP_DAC_READ_SEARCH"},
    {1u << 3, "1<<CAP_FOWNER"},
    {1u << 4, "1<<CAP_FSETID"},
    {1u << 5, "1<<CAP_KILL"},
    {1u << 6, "1<<CAP_SETGID"},
    {1u << 7, "1<<CAP_SETUID"},
    {1u << 8, "1<<CAP_SETPCAP"},
    {1u << 9, "1<<CAP_LINUX_IMMUTABLE"},
    {1u << 10, "1<<CAP_NET_BIND_SERVICE"},
    {1u << 11, "1<<CAP_NET_BROADCAST"},
    {1u << 12, "1<<CAP_NET_ADMIN"},
    {1u << 13, "1<<CAP_NET_RAW"},
    {1u << 14, "1<<CAP_IPC_LOCK"},
    {1u << 15, "1<<CAP_IPC_OWNER"},
    {1u << 16, "1<<CAP_SYS_MODULE"},
    {1u << 17, "1<<CAP_SYS_RAWIO"},
    {1u << 18, "1<<CAP_SYS_CHROOT"},
    {1u << 19, "1<<CAP_SYS_PTRACE"},
    {1u << 20, "1<<CAP_SYS_PACCT"},
    {1u << 21, "1<<CAP_SYS_ADMIN"},
    {1u << 22, "1<<CAP_SYS_BOOT"},
    {1u << 23, "1<<CAP_SYS_NICE"},
    {1u << 24, "1<<CAP_SYS_RESOURCE"},
    {1u << 25, "1<<CAP_SYS_TIME"},
    {1u << 26, "1<<CAP_SYS_TTY_CONFIG"},
    {1u << 27, "1<<CAP_MKNOD"},
    {1u << 28, "1<<CAP_LEASE"},
    {1u << 29, "1<<CAP_AUDIT_WRITE"},
    {1u << 30, "1<<CAP_AUDIT_CONTROL"},
    {1u << 31, "1<<CAP_SETFCAP"},
};
// Capabilities 32 and up, as bits of the second word.
constexpr XlatEntry kCapsHigh[] = {
    {1u << 0, "1<<CAP_MAC_OVERRIDE"},
    {1u << 1, "1<<CAP_MAC_ADMIN"},
    {1u << 2, "1<<CAP_SYSLOG"},
    {1u << 3, "1<<CAP_WAKE_ALARM"},
    {1u << 4, "1<<CAP_BLOCK_SUSPEND"},
    {1u << 5, "1<<CAP_AUDIT_READ"},
    {1u << 6, "1<<CAP_PERFMON"},
    {1u << 7, "1<<CAP_BPF"},
    {1u << 8, "1<<CAP_CHECKPOINT_RESTORE"},
};
constexpr uint32_t kCapVersion2 = 0x20071026;
constexpr uint32_t kCapVersion3 = 0x20080522;

// "{version=_LINUX_CAPABILITY_VERSION_3, pid=0}"; the version, 0 when
// unreadable.
uint32_t CapHeader(D& d, uint64_t addr) {
  uint32_t h[2];
  if (!d.Fetch(addr, h, sizeof(h))) return 0;
  d.Put("{version=");
  d.Xval(h[0], kCapVersions, "_LINUX_CAPABILITY_VERSION_???");
  d.Put(", pid=");
  d.PidValue(static_cast<int32_t>(h[1]));
  d.out->push_back('}');
  return h[0];
}

// One set: each 32-bit word is a flag set of its own; the second only
// when non-zero, the first when non-zero or alone.
void CapSet(D& d, uint32_t lo, uint32_t hi) {
  if (lo != 0 || hi == 0) d.Flags(lo, kCapsLow, "CAP_???");
  if (hi != 0) {
    if (lo != 0) d.out->push_back('|');
    d.Flags(hi, kCapsHigh, "CAP_???");
  }
}

// The data of a call with this header version: two structs of
// {effective, permitted, inheritable} for versions 2 and 3, else one.
void CapData(D& d, uint64_t addr, uint32_t version) {
  uint32_t data[6] = {};
  const bool two = version == kCapVersion2 || version == kCapVersion3;
  if (!d.Fetch(addr, data, two ? 24 : 12)) return;
  d.Put("{effective=");
  CapSet(d, data[0], data[3]);
  d.Put(", permitted=");
  CapSet(d, data[1], data[4]);
  d.Put(", inheritable=");
  CapSet(d, data[2], data[5]);
  d.out->push_back('}');
}

void Capget(D& d) {
  if (d.entering()) {
    CapHeader(d, d.u(0));
    d.Sep();
    return;
  }
  if (d.failed()) {
    d.Ptr(d.u(1));
    return;
  }
  uint32_t version = 0;
  d.Peek(d.u(0), &version, sizeof(version));
  CapData(d, d.u(1), version);
}

void Capset(D& d) {
  if (d.exiting) return;
  const uint32_t version = CapHeader(d, d.u(0));
  d.Sep();
  CapData(d, d.u(1), version);
}

// ---------------------------------------------------------------------------
// sched_getattr, sched_setattr.
// ---------------------------------------------------------------------------
constexpr XlatEntry kSchedAttrFlags[] = {
    {0x01, "SCHED_FLAG_RESET_ON_FORK"},  {0x02, "SCHED_FLAG_RECLAIM"},
    {0x04, "SCHED_FLAG_DL_OVERRUN"},     {0x08, "SCHED_FLAG_KEEP_POLICY"},
    {0x10, "SCHED_FLAG_KEEP_PARAMS"},    {0x20, "SCHED_FLAG_UTIL_CLAMP_MIN"},
    {0x40, "SCHED_FLAG_UTIL_CLAMP_MAX"},
};
constexpr uint64_t kSchedFlagKeepPolicy = 0x08;
constexpr uint64_t kSchedFlagKeepParams = 0x10;
constexpr uint32_t kSchedAttrSize0 = 48;  // up to sched_period
constexpr uint32_t kSchedAttrSize1 = 56;  // and sched_util_min/max

// struct sched_attr (the same layout on i386 and x86_64).
struct SchedAttr {
  uint32_t size;
  uint32_t sched_policy;
  uint64_t sched_flags;
  int32_t sched_nice;
  uint32_t sched_priority;
  uint64_t sched_runtime;
  uint64_t sched_deadline;
  uint64_t sched_period;
  uint32_t sched_util_min;
  uint32_t sched_util_max;
};
static_assert(sizeof(SchedAttr) == kSchedAttrSize1);

// The fields that a struct of `size` bytes has. For sched_setattr
// (`setting`), the fields that the KEEP flags tell the kernel to ignore
// are left out, and a struct larger than the known one ends with "...".
void PrintSchedAttr(D& d, const SchedAttr& a, uint32_t size, bool setting,
                    bool more) {
  d.Put("{size=");
  d.Udec(a.size);
  if (size >= kSchedAttrSize0) {
    const bool keep_params = setting && (a.sched_flags & kSchedFlagKeepParams);
    if (!setting || static_cast<int32_t>(a.sched_policy) < 0 ||
        !(a.sched_flags & (kSchedFlagKeepPolicy | kSchedFlagKeepParams))) {
      d.Put(", sched_policy=");
      d.Xval(a.sched_policy, kSchedPolicies, "SCHED_???");
    }
    d.Put(", sched_flags=");
    d.Flags(a.sched_flags, kSchedAttrFlags, "SCHED_FLAG_???");
    if (!keep_params) {
      d.Put(", sched_nice=");
      d.Dec(a.sched_nice);
      d.Put(", sched_priority=");
      d.Udec(a.sched_priority);
      d.Put(", sched_runtime=");
      d.Udec(a.sched_runtime);
      d.Put(", sched_deadline=");
      d.Udec(a.sched_deadline);
      d.Put(", sched_period=");
      d.Udec(a.sched_period);
    }
    if (size >= kSchedAttrSize1) {
      d.Put(", sched_util_min=");
      d.Udec(a.sched_util_min);
      d.Put(", sched_util_max=");
      d.Udec(a.sched_util_max);
    }
    if (more) d.Put(", ...");
  }
  d.out->push_back('}');
}

// sched_getattr(pid, attr, size, flags): the struct as the kernel filled
// it in (as many fields as the size it stored says).
void SchedGetattr(D& d) {
  if (d.entering()) {
    d.Pid(0);
    d.Sep();
    return;
  }
  const uint32_t usize = d.u32(2);
  SchedAttr a = {};
  if (d.FetchOut(
          d.u(1), &a,
          usize < sizeof(a) ? usize : static_cast<uint32_t>(sizeof(a)))) {
    PrintSchedAttr(d, a, a.size, /*setting=*/false, /*more=*/false);
  }
  d.Sep();
  d.Udec(usize);
  d.Sep();
  d.Udec(d.u32(3));
}

// sched_setattr(pid, attr, flags): the struct as its size field says (0:
// the first version); on E2BIG the size the kernel stored in it, which is
// the one it knows.
void SchedSetattr(D& d) {
  if (d.entering()) {
    d.Pid(0);
    d.Sep();
    SchedAttr a = {};
    if (!d.Fetch(d.u(1), &a.size, sizeof(a.size))) return;
    const uint32_t usize = a.size != 0 ? a.size : kSchedAttrSize0;
    const uint32_t size = usize < sizeof(a) ? usize : sizeof(a);
    if (size >= kSchedAttrSize0 && !d.Fetch(d.u(1), &a, size)) return;
    PrintSchedAttr(d, a, size, /*setting=*/true, usize > sizeof(a));
    return;
  }
  if (d.ret == -E2BIG && d.verbose) {
    uint32_t size;
    if (d.dec->mem()->Read(d.c.tid, d.u(1), &size, sizeof(size)) ==
        static_cast<ssize_t>(sizeof(size))) {
      d.Put(" => {size=");
      d.Udec(size);
      d.out->push_back('}');
    }
  }
  d.Sep();
  d.Udec(d.u32(2));
}

// ---------------------------------------------------------------------------
// adjtimex, clock_adjtime.
// ---------------------------------------------------------------------------
// Modes: the two offset modes (which include ADJ_OFFSET) come first.
constexpr XlatEntry kAdjtimexModes[] = {
    {0xa001, "ADJ_OFFSET_SS_READ"},
    {0x8001, "ADJ_OFFSET_SINGLESHOT"},
    {0x0001, "ADJ_OFFSET"},
    {0x0002, "ADJ_FREQUENCY"},
    {0x0004, "ADJ_MAXERROR"},
    {0x0008, "ADJ_ESTERROR"},
    {0x0010, "ADJ_STATUS"},
    {0x0020, "ADJ_TIMECONST"},
    {0x0080, "ADJ_TAI"},
    {0x0100, "ADJ_SETOFFSET"},
    {0x1000, "ADJ_MICRO"},
    {0x2000, "ADJ_NANO"},
    {0x4000, "ADJ_TICK"},
};
constexpr XlatEntry kAdjtimexStatus[] = {
    {0x0001, "STA_PLL"},       {0x0002, "STA_PPSFREQ"},
    {0x0004, "STA_PPSTIME"},   {0x0008, "STA_FLL"},
    {0x0010, "STA_INS"},       {0x0020, "STA_DEL"},
    {0x0040, "STA_UNSYNC"},    {0x0080, "STA_FREQHOLD"},
    {0x0100, "STA_PPSSIGNAL"}, {0x0200, "STA_PPSJITTER"},
    {0x0400, "STA_PPSWANDER"}, {0x0800, "STA_PPSERROR"},
    {0x1000, "STA_CLOCKERR"},  {0x2000, "STA_NANO"},
    {0x4000, "STA_MODE"},      {0x8000, "STA_CLK"},
};
constexpr XlatEntry kAdjtimexStates[] = {
    {0, "TIME_OK"},  {1, "TIME_INS"},  {2, "TIME_DEL"},
    {3, "TIME_OOP"}, {4, "TIME_WAIT"}, {5, "TIME_ERROR"},
};

// struct timex of x86_64.
struct Timex64 {
  uint32_t modes;
  int64_t offset, freq, maxerror, esterror;
  int32_t status;
  int64_t constant, precision, tolerance;
  int64_t tv_sec, tv_usec;
  int64_t tick, ppsfreq, jitter;
  int32_t shift;
  int64_t stabil, jitcnt, calcnt, errcnt, stbcnt;
  int32_t tai;
  int32_t reserved[11];
};
static_assert(sizeof(Timex64) == 208);

// i386's struct compat_timex: the same fields, all 4 bytes.
bool FetchTimex32(D& d, uint64_t addr, Timex64* t) {
  int32_t w[32];
  if (!d.FetchOut(addr, w, sizeof(w))) return false;
  t->modes = static_cast<uint32_t>(w[0]);
  t->offset = w[1];
  t->freq = w[2];
  t->maxerror = w[3];
  t->esterror = w[4];
  t->status = w[5];
  t->constant = w[6];
  t->precision = w[7];
  t->tolerance = w[8];
  t->tv_sec = w[9];
  t->tv_usec = w[10];
  t->tick = w[11];
  t->ppsfreq = w[12];
  t->jitter = w[13];
  t->shift = w[14];
  t->stabil = w[15];
  t->jitcnt = w[16];
  t->calcnt = w[17];
  t->errcnt = w[18];
  t->stbcnt = w[19];
  t->tai = w[20];
  return true;
}

// At exit (the kernel fills the struct in): the struct, or its address
// when the call failed; the clock state the call returns is named. `wide`:
// the 64-bit layout (x86_64's, and i386's clock_adjtime64).
void PrintTimexResult(D& d, uint64_t addr, bool wide) {
  Timex64 t;
  if (wide ? d.FetchOut(addr, &t, sizeof(t)) : FetchTimex32(d, addr, &t)) {
    d.Put("{modes=");
    d.Flags(t.modes, kAdjtimexModes, "ADJ_???");
    d.Put(", offset=");
    d.Dec(t.offset);
    d.Put(", freq=");
    d.Dec(t.freq);
    d.Put(", maxerror=");
    d.Dec(t.maxerror);
    d.Put(", esterror=");
    d.Dec(t.esterror);
    d.Put(", status=");
    d.Flags(static_cast<uint32_t>(t.status), kAdjtimexStatus, "STA_???");
    d.Put(", constant=");
    d.Dec(t.constant);
    d.Put(", precision=");
    d.Dec(t.precision);
    d.Put(", tolerance=");
    d.Dec(t.tolerance);
    d.Put(", time={tv_sec=");
    d.Dec(t.tv_sec);
    d.Put(", tv_usec=");
    d.Dec(t.tv_usec);
    d.Put("}, tick=");
    d.Dec(t.tick);
    d.Put(", ppsfreq=");
    d.Dec(t.ppsfreq);
    d.Put(", jitter=");
    d.Dec(t.jitter);
    d.Put(", shift=");
    d.Dec(t.shift);
    d.Put(", stabil=");
    d.Dec(t.stabil);
    d.Put(", jitcnt=");
    d.Dec(t.jitcnt);
    d.Put(", calcnt=");
    d.Dec(t.calcnt);
    d.Put(", errcnt=");
    d.Dec(t.errcnt);
    d.Put(", stbcnt=");
    d.Dec(t.stbcnt);
    d.Put(", tai=");
    d.Dec(t.tai);
    d.out->push_back('}');
  }
  if (!d.failed()) {
    RetName(d, XlatName(static_cast<uint64_t>(d.ret), kAdjtimexStates,
                        std::size(kAdjtimexStates)));
  }
}

void Adjtimex(D& d) {
  if (d.entering()) return;
  PrintTimexResult(d, d.u(0), !d.i386);
}

// kTime64: i386's clock_adjtime64 (x86_64's struct timex).
template <bool kTime64>
void ClockAdjtime(D& d) {
  if (d.entering()) {
    d.Xval(d.u32(0), kClocks, "CLOCK_???");
    d.Sep();
    return;
  }
  PrintTimexResult(d, d.u(1), kTime64 || !d.i386);
}

// ---------------------------------------------------------------------------
// ptrace, as strace 6.1 prints an x86_64 tracer's requests (an i386
// tracer's structures have other layouts: its calls stay raw).
// ---------------------------------------------------------------------------
constexpr XlatEntry kPtraceRequests[] = {
    {0, "PTRACE_TRACEME"},
    {1, "PTRACE_PEEKTEXT"},
    {2, "PTRACE_PEEKDATA"},
    {3, "PTRACE_PEEKUSER"},
    {4, "PTRACE_POKETEXT"},
    {5, "PTRACE_POKEDATA"},
    {6, "PTRACE_POKEUSER"},
    {7, "PTRACE_CONT"},
    {8, "PTRACE_KILL"},
    {9, "PTRACE_SINGLESTEP"},
    {12, "PTRACE_GETREGS"},
    {13, "PTRACE_SETREGS"},
    {14, "PTRACE_GETFPREGS"},
    {15, "PTRACE_SETFPREGS"},
    {16, "PTRACE_ATTACH"},
    {17, "PTRACE_DETACH"},
    {18, "PTRACE_GETFPXREGS"},
    {19, "PTRACE_SETFPXREGS"},
    {21, "PTRACE_OLDSETOPTIONS"},
    {24, "PTRACE_SYSCALL"},
    {25, "PTRACE_GET_THREAD_AREA"},
    {26, "PTRACE_SET_THREAD_AREA"},
    {30, "PTRACE_ARCH_PRCTL"},
    {31, "PTRACE_SYSEMU"},
    {32, "PTRACE_SYSEMU_SINGLESTEP"},
    {33, "PTRACE_SINGLEBLOCK"},
    {0x4200, "PTRACE_SETOPTIONS"},
    {0x4201, "PTRACE_GETEVENTMSG"},
    {0x4202, "PTRACE_GETSIGINFO"},
    {0x4203, "PTRACE_SETSIGINFO"},
    {0x4204, "PTRACE_GETREGSET"},
    {0x4205, "PTRACE_SETREGSET"},
    {0x4206, "PTRACE_SEIZE"},
    {0x4207, "PTRACE_INTERRUPT"},
    {0x4208, "PTRACE_LISTEN"},
    {0x4209, "PTRACE_PEEKSIGINFO"},
    {0x420a, "PTRACE_GETSIGMASK"},
    {0x420b, "PTRACE_SETSIGMASK"},
    {0x420c, "PTRACE_SECCOMP_GET_FILTER"},
    {0x420d, "PTRACE_SECCOMP_GET_METADATA"},
    {0x420e, "PTRACE_GET_SYSCALL_INFO"},
    {0x420f, "PTRACE_GET_RSEQ_CONFIGURATION"},
};
constexpr XlatEntry kPtraceOptions[] = {
    {0x1, "PTRACE_O_TRACESYSGOOD"},  {0x2, "PTRACE_O_TRACEFORK"},
    {0x4, "PTRACE_O_TRACEVFORK"},    {0x8, "PTRACE_O_TRACECLONE"},
    {0x10, "PTRACE_O_TRACEEXEC"},    {0x20, "PTRACE_O_TRACEVFORKDONE"},
    {0x40, "PTRACE_O_TRACEEXIT"},    {0x80, "PTRACE_O_TRACESECCOMP"},
    {0x100000, "PTRACE_O_EXITKILL"}, {0x200000, "PTRACE_O_SUSPEND_SECCOMP"},
};
constexpr XlatEntry kPeeksiginfoFlags[] = {{1, "PTRACE_PEEKSIGINFO_SHARED"}};
constexpr XlatEntry kSyscallInfoOps[] = {
    {0, "PTRACE_SYSCALL_INFO_NONE"},
    {1, "PTRACE_SYSCALL_INFO_ENTRY"},
    {2, "PTRACE_SYSCALL_INFO_EXIT"},
    {3, "PTRACE_SYSCALL_INFO_SECCOMP"},
};
constexpr uint64_t kNtPrstatus = 1;  // struct user_regs_struct
constexpr uint64_t kNtFpregset = 2;  // struct user_fpregs_struct
// Core-note types (PTRACE_GETREGSET's addr), as strace 6.1 names them: one
// name per value (2 is NT_FPREGSET, not NT_PRFPREG).
constexpr XlatEntry kNtTypes[] = {
    {1, "NT_PRSTATUS"},
    {2, "NT_FPREGSET"},
    {3, "NT_PRPSINFO"},
    {4, "NT_PRXREG"},
    {5, "NT_PLATFORM"},
    {6, "NT_AUXV"},
    {7, "NT_GWINDOWS"},
    {8, "NT_ASRS"},
    {10, "NT_PSTATUS"},
    {13, "NT_PSINFO"},
    {14, "NT_PRCRED"},
    {15, "NT_UTSNAME"},
    {16, "NT_LWPSTATUS"},
    {17, "NT_LWPSINFO"},
    {20, "NT_PRFPXREG"},
    {0x100, "NT_PPC_VMX"},
    {0x101, "NT_PPC_SPE"},
    {0x102, "NT_PPC_VSX"},
    {0x103, "NT_PPC_TAR"},
    {0x104, "NT_PPC_PPR"},
    {0x105, "NT_PPC_DSCR"},
    {0x106, "NT_PPC_EBB"},
    {0x107, "NT_PPC_PMU"},
    {0x108, "NT_PPC_TM_CGPR"},
    {0x109, "NT_PPC_TM_CFPR"},
    {0x10a, "NT_PPC_TM_CVMX"},
    {0x10b, "NT_PPC_TM_CVSX"},
    {0x10c, "NT_PPC_TM_SPR"},
    {0x10d, "NT_PPC_TM_CTAR"},
    {0x10e, "NT_PPC_TM_CPPR"},
    {0x10f, "NT_PPC_TM_CDSCR"},
    {0x110, "NT_PPC_PKEY"},
    {0x200, "NT_386_TLS"},
    {0x201, "NT_386_IOPERM"},
    {0x202, "NT_X86_XSTATE"},
    {0x300, "NT_S390_HIGH_GPRS"},
    {0x301, "NT_S390_TIMER"},
    {0x302, "NT_S390_TODCMP"},
    {0x303, "NT_S390_TODPREG"},
    {0x304, "NT_S390_CTRS"},
    {0x305, "NT_S390_PREFIX"},
    {0x306, "NT_S390_LAST_BREAK"},
    {0x307, "NT_S390_SYSTEM_CALL"},
    {0x308, "NT_S390_TDB"},
    {0x309, "NT_S390_VXRS_LOW"},
    {0x30a, "NT_S390_VXRS_HIGH"},
    {0x30b, "NT_S390_GS_CB"},
    {0x30c, "NT_S390_GS_BC"},
    {0x30d, "NT_S390_RI_CB"},
    {0x30e, "NT_S390_PV_CPU_DATA"},
    {0x400, "NT_ARM_VFP"},
    {0x401, "NT_ARM_TLS"},
    {0x402, "NT_ARM_HW_BREAK"},
    {0x403, "NT_ARM_HW_WATCH"},
    {0x404, "NT_ARM_SYSTEM_CALL"},
    {0x405, "NT_ARM_SVE"},
    {0x406, "NT_ARM_PAC_MASK"},
    {0x407, "NT_ARM_PACA_KEYS"},
    {0x408, "NT_ARM_PACG_KEYS"},
    {0x409, "NT_ARM_TAGGED_ADDR_CTRL"},
    {0x40a, "NT_ARM_PAC_ENABLED_KEYS"},
    {0x40b, "NT_ARM_SSVE"},
    {0x40c, "NT_ARM_ZA"},
    {0x500, "NT_METAG_CBUF"},
    {0x501, "NT_METAG_RPIPE"},
    {0x502, "NT_METAG_TLS"},
    {0x600, "NT_ARC_V2"},
    {0x700, "NT_VMCOREDD"},
    {0x800, "NT_MIPS_DSP"},
    {0x801, "NT_MIPS_FP_MODE"},
    {0x802, "NT_MIPS_MSA"},
    {0xa00, "NT_LOONGARCH_CPUCFG"},
    {0xa01, "NT_LOONGARCH_CSR"},
    {0xa02, "NT_LOONGARCH_LSX"},
    {0xa03, "NT_LOONGARCH_LASX"},
    {0xa04, "NT_LOONGARCH_LBT"},
    {0x46494c45, "NT_FILE"},
    {0x46e62b7f, "NT_PRXFPREG"},
    {0x53494749, "NT_SIGINFO"},
};

// PTRACE_PEEKUSER/POKEUSER's offset into struct user: "8*RIP",
// "8*SS+8", "offsetof(struct user, u_debugreg)+56", "sizeof(struct
// user)"; past the struct, hex.
void UserOffset(D& d, uint64_t off) {
  // struct user_regs_struct's first 21 registers, as <sys/reg.h> names
  // their indices (strace names none after SS).
  static constexpr const char* kRegs[] = {
      "R15", "R14",      "R13", "R12", "RBP", "RBX", "R11",
      "R10", "R9",       "R8",  "RAX", "RCX", "RDX", "RSI",
      "RDI", "ORIG_RAX", "RIP", "CS",  "EFL", "RSP", "SS"};
  struct Field {
    uint64_t off;
    const char* name;
  };
  static constexpr Field kFields[] = {
      {offsetof(struct user, u_fpvalid), "u_fpvalid"},
      {offsetof(struct user, i387), "i387"},
      {offsetof(struct user, u_tsize), "u_tsize"},
      {offsetof(struct user, u_dsize), "u_dsize"},
      {offsetof(struct user, u_ssize), "u_ssize"},
      {offsetof(struct user, start_code), "start_code"},
      {offsetof(struct user, start_stack), "start_stack"},
      {offsetof(struct user, signal), "signal"},
      {offsetof(struct user, reserved), "reserved"},
      {offsetof(struct user, u_ar0), "u_ar0"},
      {offsetof(struct user, u_fpstate), "u_fpstate"},
      {offsetof(struct user, magic), "magic"},
      {offsetof(struct user, u_comm), "u_comm"},
      {offsetof(struct user, u_debugreg), "u_debugreg"},
  };
  if (off > sizeof(struct user)) {
    d.Hex(off);
    return;
  }
  const size_t mark = d.out->size();
  uint64_t rest = 0;
  if (off == sizeof(struct user)) {
    d.Put("sizeof(struct user)");
  } else if (off < kFields[0].off) {
    const size_t i = std::min<size_t>(off / 8, std::size(kRegs) - 1);
    d.Put("8*");
    d.Put(kRegs[i]);
    rest = off - 8 * i;
  } else {
    size_t i = std::size(kFields) - 1;
    while (kFields[i].off > off) --i;
    d.Put("offsetof(struct user, ");
    d.Put(kFields[i].name);
    d.out->push_back(')');
    rest = off - kFields[i].off;
  }
  if (rest != 0) {
    d.out->push_back('+');
    d.Udec(rest);
  }
  // -X raw shows the offset as an address: "NULL" for 0.
  RawConst raw = RawConst::Hex(off);
  if (off == 0) {
    memcpy(raw.buf, "NULL", 4);
    raw.len = 4;
  }
  RestyleConst(d.out, mark, raw);
}

// The first `n` bytes of a struct user_regs_struct, whole fields only:
// "{r15=0x7f..., r14=0, ...}".
void UserRegs(D& d, const uint64_t* regs, size_t n) {
  static constexpr const char* kNames[] = {
      "r15",     "r14",      "r13", "r12", "rbp",    "rbx", "r11",
      "r10",     "r9",       "r8",  "rax", "rcx",    "rdx", "rsi",
      "rdi",     "orig_rax", "rip", "cs",  "eflags", "rsp", "ss",
      "fs_base", "gs_base",  "ds",  "es",  "fs",     "gs"};
  static_assert(sizeof(kNames) / sizeof(kNames[0]) * 8 ==
                sizeof(struct user_regs_struct));
  d.out->push_back('{');
  for (size_t i = 0; i < std::size(kNames) && (i + 1) * 8 <= n; ++i) {
    if (i > 0) d.Sep();
    d.Put(kNames[i]);
    d.out->push_back('=');
    d.Hex(regs[i]);
  }
  d.out->push_back('}');
}

// The first `n` bytes of a struct user_fpregs_struct (the FXSAVE area),
// whole fields only; its arrays of 32-bit words shortened as strace's -s
// shortens arrays.
void UserFpregs(D& d, const uint8_t* p, size_t n) {
  struct Scalar {
    const char* name;
    uint8_t off, size;
  };
  static constexpr Scalar kScalars[] = {
      {"cwd", 0, 2}, {"swd", 2, 2},  {"ftw", 4, 2},    {"fop", 6, 2},
      {"rip", 8, 8}, {"rdp", 16, 8}, {"mxcsr", 24, 4}, {"mxcr_mask", 28, 4},
  };
  struct Words {
    const char* name;
    uint16_t off, count;
  };
  static constexpr Words kArrays[] = {
      {"st_space", 32, 32}, {"xmm_space", 160, 64}, {"padding", 416, 24}};
  d.out->push_back('{');
  bool first = true;
  for (const Scalar& f : kScalars) {
    if (f.off + f.size > n) break;
    if (!first) d.Sep();
    first = false;
    d.Put(f.name);
    d.out->push_back('=');
    uint64_t v = 0;
    memcpy(&v, p + f.off, f.size);
    d.Hex(v);
  }
  for (const Words& a : kArrays) {
    if (a.off + 4u * a.count > n) break;
    d.Sep();
    d.Put(a.name);
    d.Put("=[");
    for (uint16_t i = 0; i < a.count; ++i) {
      if (i > 0) d.Sep();
      if (d.Elided(i)) break;
      uint32_t w;
      memcpy(&w, p + a.off + 4 * i, 4);
      d.Hex(w);
    }
    d.out->push_back(']');
  }
  d.out->push_back('}');
}

// A register set of `n` bytes at addr, of core-note type `type`: general
// and FPU registers decoded, others as the address.
void Regset(D& d, uint64_t type, uint64_t addr, uint64_t n, bool output) {
  if (type != kNtPrstatus && type != kNtFpregset) {
    d.Ptr(addr);
    return;
  }
  alignas(8) uint8_t buf[sizeof(struct user_fpregs_struct)];
  const size_t size = type == kNtPrstatus ? sizeof(struct user_regs_struct)
                                          : sizeof(struct user_fpregs_struct);
  n = std::min<uint64_t>(n, size);
  if (n == 0) {
    d.Ptr(addr);
    return;
  }
  if (!(output ? d.FetchOut(addr, buf, n) : d.Fetch(addr, buf, n))) return;
  if (type == kNtPrstatus) {
    uint64_t regs[sizeof(struct user_regs_struct) / 8];
    memcpy(regs, buf, n);
    UserRegs(d, regs, n);
  } else {
    UserFpregs(d, buf, n);
  }
}

// PTRACE_GETREGSET/SETREGSET's struct iovec: "{iov_base={r15=...},
// iov_len=216}", the length as "4096 => 2688" when the kernel changed it.
void RegsetIovec(D& d, uint64_t type, uint64_t addr, bool output) {
  uint64_t iov[2];
  if (output) {
    int64_t before = -1;
    const bool saved = TakeSaved(d, &before);
    // A failed call still shows the iovec (not its buffer).
    const bool got =
        addr != 0 &&
        (d.failed() ? d.verbose &&
                          d.dec->mem()->Read(d.c.tid, addr, iov, sizeof(iov)) ==
                              static_cast<ssize_t>(sizeof(iov))
                    : d.Peek(addr, iov, sizeof(iov)));
    if (!got) {
      d.Ptr(addr);
      return;
    }
    d.Put("{iov_base=");
    if (d.failed()) {
      d.Ptr(iov[0]);
    } else {
      Regset(d, type, iov[0], iov[1], true);
    }
    d.Put(", iov_len=");
    if (saved && static_cast<uint64_t>(before) != iov[1]) {
      d.Udec(static_cast<uint64_t>(before));
      d.Put(" => ");
    }
    d.Udec(iov[1]);
    d.out->push_back('}');
    return;
  }
  if (!d.Fetch(addr, iov, sizeof(iov))) return;
  d.Put("{iov_base=");
  Regset(d, type, iov[0], iov[1], false);
  d.Put(", iov_len=");
  d.Udec(iov[1]);
  d.out->push_back('}');
}

// PTRACE_GET_SYSCALL_INFO's struct ptrace_syscall_info, of which the
// kernel wrote `n` bytes.
void SyscallInfo(D& d, const uint8_t* p, size_t n) {
  auto u64_at = [&](size_t off) {
    uint64_t v;
    memcpy(&v, p + off, 8);
    return v;
  };
  uint32_t arch;
  memcpy(&arch, p + 4, 4);
  d.Put("{op=");
  d.Xval(p[0], kSyscallInfoOps, "PTRACE_SYSCALL_INFO_???");
  if (n >= 8) {
    d.Put(", arch=");
    AppendAuditArch(d.out, arch);
  }
  if (n >= 16) {
    d.Put(", instruction_pointer=");
    d.Hex(u64_at(8));
  }
  if (n >= 24) {
    d.Put(", stack_pointer=");
    d.Hex(u64_at(16));
  }
  auto nr_and_args = [&] {
    d.Put("nr=");
    const uint64_t nr = u64_at(24);
    if (nr <= INT32_MAX) {
      AppendSiSyscall(d.out, kArchX86_64, arch, static_cast<int32_t>(nr));
    } else {
      d.Udec(nr);
    }
    if (n < 80) return;
    d.Put(", args=[");
    for (int i = 0; i < 6; ++i) {
      if (i > 0) d.Sep();
      if (d.Elided(i)) break;
      d.Hex(u64_at(32 + 8 * i));
    }
    d.out->push_back(']');
  };
  switch (p[0]) {
    case 1:  // PTRACE_SYSCALL_INFO_ENTRY
      if (n < 32) break;
      d.Put(", entry={");
      nr_and_args();
      d.out->push_back('}');
      break;
    case 2: {  // PTRACE_SYSCALL_INFO_EXIT
      if (n < 32) break;
      const int64_t rval = static_cast<int64_t>(u64_at(24));
      const bool is_error = n >= 33 && p[32] != 0;
      d.Put(", exit={rval=");
      const char* name =
          is_error && rval < 0 && rval >= -4095 ? ErrnoName(-rval) : nullptr;
      if (name != nullptr) {
        const size_t mark = d.out->size();
        d.out->push_back('-');
        d.Put(name);
        RestyleConst(d.out, mark, RawConst::Dec(rval));
      } else {
        d.Dec(rval);
      }
      if (n >= 33) {
        d.Put(", is_error=");
        d.Udec(p[32]);
      }
      d.out->push_back('}');
      break;
    }
    case 3:  // PTRACE_SYSCALL_INFO_SECCOMP
      if (n < 32) break;
      d.Put(", seccomp={");
      nr_and_args();
      if (n >= 84) {
        uint32_t ret_data;
        memcpy(&ret_data, p + 80, 4);
        d.Put(", ret_data=");
        d.Udec(ret_data);
      }
      d.out->push_back('}');
      break;
  }
  d.out->push_back('}');
}

void Ptrace(D& d) {
  const uint64_t req = d.u(0);
  const uint64_t addr = d.u(2);
  const uint64_t data = d.u(3);
  if (d.entering()) {
    d.Xval(req, kPtraceRequests, "PTRACE_???");
    if (req == 0) return;  // PTRACE_TRACEME
    d.Sep();
    d.Pid(1);
    switch (req) {
      case 8:       // PTRACE_KILL
      case 16:      // PTRACE_ATTACH
      case 0x4207:  // PTRACE_INTERRUPT
      case 0x4208:  // PTRACE_LISTEN
        return;
      case 12:  // PTRACE_GETREGS
      case 14:  // PTRACE_GETFPREGS
        d.Sep();
        return;
      case 13:  // PTRACE_SETREGS
      case 15:  // PTRACE_SETFPREGS
        d.Sep();
        Regset(d, req == 13 ? kNtPrstatus : kNtFpregset, data, ~uint64_t{0},
               false);
        return;
    }
    d.Sep();
    switch (req) {
      case 3:  // PTRACE_PEEKUSER
      case 6:  // PTRACE_POKEUSER
        UserOffset(d, addr);
        break;
      case 0x4204:  // PTRACE_GETREGSET
      case 0x4205:  // PTRACE_SETREGSET
        d.Xval(addr, kNtTypes, "NT_???");
        break;
      case 0x4209: {  // PTRACE_PEEKSIGINFO
        struct {
          uint64_t off;
          uint32_t flags;
          int32_t nr;
        } args;
        if (d.Fetch(addr, &args, sizeof(args))) {
          d.Put("{off=");
          d.Udec(args.off);
          d.Put(", flags=");
          d.Flags(args.flags, kPeeksiginfoFlags, "PTRACE_PEEKSIGINFO_???");
          d.Put(", nr=");
          d.Dec(args.nr);
          d.out->push_back('}');
        }
        break;
      }
      case 0x420a:     // PTRACE_GETSIGMASK
      case 0x420b:     // PTRACE_SETSIGMASK
      case 0x420c:     // PTRACE_SECCOMP_GET_FILTER
      case 0x420d:     // PTRACE_SECCOMP_GET_METADATA
      case 0x420e:     // PTRACE_GET_SYSCALL_INFO
        d.Udec(addr);  // a size or an index
        break;
      default:
        d.Ptr(addr);
        break;
    }
    d.Sep();
    switch (req) {
      case 1:         // PTRACE_PEEKTEXT
      case 2:         // PTRACE_PEEKDATA
      case 3:         // PTRACE_PEEKUSER
      case 0x4201:    // PTRACE_GETEVENTMSG
      case 0x4202:    // PTRACE_GETSIGINFO
      case 0x4209:    // PTRACE_PEEKSIGINFO
      case 0x420a:    // PTRACE_GETSIGMASK
      case 0x420e:    // PTRACE_GET_SYSCALL_INFO
        return;       // at exit
      case 0x420d: {  // PTRACE_SECCOMP_GET_METADATA: filter_off in, flags out
        uint64_t filter_off;
        if (d.Fetch(data, &filter_off, sizeof(filter_off))) {
          d.Put("{filter_off=");
          d.Udec(filter_off);
        }
        return;
      }
      case 0x4204:  // PTRACE_GETREGSET
        if (data != 0) {
          uint64_t len;
          if (d.dec->mem()->Read(d.c.tid, data + 8, &len, sizeof(len)) ==
              static_cast<ssize_t>(sizeof(len))) {
            SaveForExit(d, static_cast<int64_t>(len));
          }
        }
        return;
      case 7:   // PTRACE_CONT
      case 9:   // PTRACE_SINGLESTEP
      case 17:  // PTRACE_DETACH
      case 24:  // PTRACE_SYSCALL
      case 31:  // PTRACE_SYSEMU
      case 32:  // PTRACE_SYSEMU_SINGLESTEP
      case 33:  // PTRACE_SINGLEBLOCK
        AppendSignal(d.out, static_cast<int64_t>(data));
        return;
      case 21:      // PTRACE_OLDSETOPTIONS
      case 0x4200:  // PTRACE_SETOPTIONS
      case 0x4206:  // PTRACE_SEIZE
        d.Flags(data, kPtraceOptions, "PTRACE_O_???");
        return;
      case 0x4203: {  // PTRACE_SETSIGINFO
        uint8_t si[128];
        if (d.Fetch(data, si, sizeof(si))) Siginfo(d, si);
        return;
      }
      case 0x4205:  // PTRACE_SETREGSET
        RegsetIovec(d, addr, data, false);
        return;
      case 0x420b:  // PTRACE_SETSIGMASK
        SigsetAddr(d, data, addr);
        return;
      default:
        d.Ptr(data);
        return;
    }
  }
  switch (req) {
    case 1:    // PTRACE_PEEKTEXT
    case 2:    // PTRACE_PEEKDATA
    case 3: {  // PTRACE_PEEKUSER
      uint64_t word;
      if (d.FetchOut(data, &word, sizeof(word))) {
        d.out->push_back('[');
        d.Ptr(word);
        d.out->push_back(']');
      }
      break;
    }
    case 12:  // PTRACE_GETREGS
    case 14:  // PTRACE_GETFPREGS
      if (d.failed()) {
        d.Ptr(data);
      } else {
        Regset(d, req == 12 ? kNtPrstatus : kNtFpregset, data, ~uint64_t{0},
               true);
      }
      break;
    case 0x4201: {  // PTRACE_GETEVENTMSG
      uint64_t msg;
      if (d.FetchOut(data, &msg, sizeof(msg))) {
        d.out->push_back('[');
        d.Udec(msg);
        d.out->push_back(']');
      }
      break;
    }
    case 0x4202:  // PTRACE_GETSIGINFO
      SiginfoAt(d, data);
      break;
    case 0x4204:  // PTRACE_GETREGSET
      RegsetIovec(d, addr, data, true);
      break;
    case 0x4209:  // PTRACE_PEEKSIGINFO
      if (d.failed() || !d.verbose) {
        d.Ptr(data);
      } else {
        d.Array<std::array<uint8_t, 128>>(
            data, static_cast<uint64_t>(d.ret),
            [&](const std::array<uint8_t, 128>& si) { Siginfo(d, si.data()); });
      }
      break;
    case 0x420a:  // PTRACE_GETSIGMASK
      if (d.failed()) {
        d.Ptr(data);
      } else {
        SigsetAddr(d, data, addr);
      }
      break;
    case 0x420d: {  // PTRACE_SECCOMP_GET_METADATA
      uint64_t flags;
      if (data == 0 || !d.verbose) break;  // printed at entry
      if (!d.failed() && d.Peek(data + 8, &flags, sizeof(flags))) {
        d.Put(", flags=");
        d.Flags(flags, kSeccompFilterFlags, "SECCOMP_FILTER_FLAG_???");
      }
      d.out->push_back('}');
      break;
    }
    case 0x420e: {  // PTRACE_GET_SYSCALL_INFO
      uint8_t info[88] = {};
      const size_t n = std::min<uint64_t>(
          {addr, static_cast<uint64_t>(d.ret), sizeof(info)});
      if (d.failed() || n == 0) {
        d.Ptr(data);
      } else if (d.FetchOut(data, info, n)) {
        SyscallInfo(d, info, n);
      }
      break;
    }
  }
}

constexpr Registration kDecoders[] = {
    {"adjtimex", Adjtimex, 0},
    {"clock_adjtime", ClockAdjtime<false>, 0},
    {"clock_adjtime64", ClockAdjtime<true>, 0},
    {"sched_getattr", SchedGetattr, 0},
    {"sched_setattr", SchedSetattr, 0},
    {"capget", Capget, 0},
    {"capset", Capset, 0},
    {"getgroups", Getgroups<uint32_t>, kX86_64Only},
    {"getgroups", Getgroups<uint16_t>, kI386Only},  // 16-bit ids
    {"getgroups32", Getgroups<uint32_t>, 0},
    {"setgroups", Setgroups<uint32_t>, kX86_64Only},
    {"setgroups", Setgroups<uint16_t>, kI386Only},  // 16-bit ids
    {"setgroups32", Setgroups<uint32_t>, 0},
    {"setuid", OneId<uint32_t>, kX86_64Only},
    {"setuid", OneId<uint16_t>, kI386Only},  // 16-bit ids
    {"setgid", OneId<uint32_t>, kX86_64Only},
    {"setgid", OneId<uint16_t>, kI386Only},  // 16-bit ids
    {"setfsuid", OneId<uint32_t>, kX86_64Only},
    {"setfsuid", OneId<uint16_t>, kI386Only},  // 16-bit ids
    {"setfsgid", OneId<uint32_t>, kX86_64Only},
    {"setfsgid", OneId<uint16_t>, kI386Only},  // 16-bit ids
    {"setreuid", TwoIds<uint32_t>, kX86_64Only},
    {"setreuid", TwoIds<uint16_t>, kI386Only},  // 16-bit ids
    {"setregid", TwoIds<uint32_t>, kX86_64Only},
    {"setregid", TwoIds<uint16_t>, kI386Only},  // 16-bit ids
    {"setresuid", ThreeIds<uint32_t>, kX86_64Only},
    {"setresuid", ThreeIds<uint16_t>, kI386Only},  // 16-bit ids
    {"setresgid", ThreeIds<uint32_t>, kX86_64Only},
    {"setresgid", ThreeIds<uint16_t>, kI386Only},  // 16-bit ids
    {"getresuid", Getresid<uint32_t>, kX86_64Only},
    {"getresuid", Getresid<uint16_t>, kI386Only},  // 16-bit ids
    {"getresgid", Getresid<uint32_t>, kX86_64Only},
    {"getresgid", Getresid<uint16_t>, kI386Only},  // 16-bit ids
    {"setuid32", OneId<uint32_t>, 0},
    {"setgid32", OneId<uint32_t>, 0},
    {"setfsuid32", OneId<uint32_t>, 0},
    {"setfsgid32", OneId<uint32_t>, 0},
    {"setreuid32", TwoIds<uint32_t>, 0},
    {"setregid32", TwoIds<uint32_t>, 0},
    {"setresuid32", ThreeIds<uint32_t>, 0},
    {"setresgid32", ThreeIds<uint32_t>, 0},
    {"getresuid32", Getresid<uint32_t>, 0},
    {"getresgid32", Getresid<uint32_t>, 0},
    {"getpgid", OnePid, kRetPgidFlag},
    {"getsid", OnePid, kRetSidFlag},
    {"setpgid", Setpgid, 0},
    {"pidfd_open", PidfdOpen, 0},
    {"pidfd_send_signal", PidfdSendSignal, 0},
    {"pidfd_getfd", PidfdGetfd, 0},
    {"ioprio_get", IoprioGet, 0},
    {"ioprio_set", IoprioSet, 0},
    {"userfaultfd", Userfaultfd, 0},
    {"kcmp", Kcmp, 0},
    {"ptrace", Ptrace, kX86_64Only},
    {"rt_sigqueueinfo", RtSigqueueinfo, 0},
    {"rt_tgsigqueueinfo", RtTgsigqueueinfo, 0},
    {"alarm", Alarm, 0},
    {"sched_get_priority_max", SchedPriorityLimit, 0},
    {"sched_get_priority_min", SchedPriorityLimit, 0},
    {"sched_getscheduler", SchedGetscheduler, 0},
    {"sched_getparam", SchedGetparam, 0},
    {"getcpu", Getcpu, 0},
    {"sched_setscheduler", SchedSetscheduler, 0},
    {"sched_setparam", SchedSetparam, 0},
    {"sched_rr_get_interval", SchedRrGetInterval<false>, 0},
    {"sched_rr_get_interval_time64", SchedRrGetInterval<true>, 0},
    {"setitimer", Setitimer, 0},
    {"getitimer", Getitimer, 0},
    {"times", Times, 0},
    {"rt_sigpending", RtSigpending, 0},
    {"mlock", AddrLen, 0},
    {"munlock", AddrLen, 0},
    {"mlock2", Mlock2, 0},
    {"mlockall", Mlockall, 0},
    {"msync", Msync, 0},
    {"mincore", Mincore, 0},
    {"unshare", Unshare, 0},
    {"arch_prctl", ArchPrctl, 0},
    {"getrlimit", Getrlimit, 0},
    {"ugetrlimit", Getrlimit, 0},
    {"setrlimit", Setrlimit, 0},
    {"prlimit64", Prlimit64, 0},
    {"getrusage", Getrusage, 0},
    {"getpriority", Getpriority, 0},
    {"setpriority", Setpriority, 0},
    {"getrandom", Getrandom, 0},
    {"set_tid_address", SetTidAddress, 0},
    {"madvise", Madvise, 0},
    {"membarrier", Membarrier, 0},
    {"prctl", Prctl, 0},
    {"personality", Personality, 0},
    {"uname", Uname, 0},
    {"sysinfo", Sysinfo, 0},
    {"sched_getaffinity", SchedGetaffinity, 0},
    {"sched_setaffinity", SchedSetaffinity, 0},
    {"sigaltstack", Sigaltstack, 0},
    {"rt_sigsuspend", RtSigsuspend, 0},
    {"rt_sigtimedwait", RtSigtimedwait, 0},
    {"rt_sigtimedwait_time64", RtSigtimedwaitTime64, 0},
    {"waitid", Waitid, 0},
    {"gettimeofday", Gettimeofday, 0},
    {"settimeofday", Settimeofday, 0},
    {"time", Time, 0},
    {"restart_syscall", RestartSyscall, 0},
};

}  // namespace

void NoteInterrupted(const SyscallCall& c, int64_t ret) {
  if (ret != -516) return;  // ERESTART_RESTARTBLOCK
  // A restart_syscall interrupted again still resumes the original call.
  if (SyscallTable::Get().Name(c.arch, c.nr) == "restart_syscall") return;
  for (Interrupted& e : interrupted) {
    if (e.tid == c.tid) {
      e.arch = c.arch;
      e.nr = static_cast<int32_t>(c.nr);
      return;
    }
  }
  interrupted[interrupted_next++ % std::size(interrupted)] = {
      c.tid, c.arch, static_cast<int32_t>(c.nr)};
}

std::span<const Registration> ProcessDecoders() { return kDecoders; }
void MadviseAdvice(D& d, uint64_t advice) {
  d.Xval(advice, kMadvise, "MADV_???");
}

}  // namespace decode
}  // namespace ttrace
