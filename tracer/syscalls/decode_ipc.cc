// System V IPC: shared memory (shmget, shmat, shmdt, shmctl), semaphores
// (semget, semop, semtimedop, semctl) and message queues (msgget, msgsnd,
// msgrcv, msgctl), as strace 6.1 prints them on x86_64.
//
// The *ctl structs are the kernel's "64" layouts (ipc64_perm, shmid64_ds,
// ...), which glibc's match on x86_64; on i386 their 32-bit forms, read
// whatever the command's IPC_64 flag says, as strace 6.1 reads them. i386's
// ipc(2) multiplexer reaches these decoders through decode_i386_net.cc.
#include <cstddef>
#include <cstdint>

#include "tracer/syscalls/decoding.h"
#include "tracer/syscalls/format.h"

namespace ttrace {
namespace decode {
namespace {

// ---------------------------------------------------------------------------
// Layouts (x86_64).
// ---------------------------------------------------------------------------
struct IpcPerm {
  int32_t key;
  uint32_t uid, gid, cuid, cgid;
  uint32_t mode;  // __kernel_mode_t: 32 bits on x86_64
  uint16_t seq, pad2;
  uint64_t unused1, unused2;
};
static_assert(sizeof(IpcPerm) == 48);

struct ShmidDs {
  IpcPerm perm;
  uint64_t segsz;
  int64_t atime, dtime, ctime;
  int32_t cpid, lpid;
  uint64_t nattch;
  uint64_t unused4, unused5;
};
static_assert(sizeof(ShmidDs) == 112);

struct SemidDs {
  IpcPerm perm;
  int64_t otime;
  uint64_t unused1;
  int64_t ctime;
  uint64_t unused2;
  uint64_t nsems;
  uint64_t unused3, unused4;
};
static_assert(sizeof(SemidDs) == 104);

struct MsqidDs {
  IpcPerm perm;
  int64_t stime, rtime, ctime;
  uint64_t cbytes, qnum, qbytes;
  int32_t lspid, lrpid;
  uint64_t unused4, unused5;
};
static_assert(sizeof(MsqidDs) == 120);

struct ShmInfo {  // IPC_INFO: struct shminfo64
  uint64_t shmmax, shmmin, shmmni, shmseg, shmall;
  uint64_t unused[4];
};
static_assert(sizeof(ShmInfo) == 72);

struct ShmInfoStats {  // SHM_INFO: struct shm_info
  int32_t used_ids;
  uint64_t shm_tot, shm_rss, shm_swp, swap_attempts, swap_successes;
};
static_assert(sizeof(ShmInfoStats) == 48);

struct SemInfo {  // IPC_INFO, SEM_INFO: struct seminfo
  int32_t v[10];
};

struct MsgInfo {  // IPC_INFO, MSG_INFO: struct msginfo
  int32_t msgpool, msgmap, msgmax, msgmnb, msgmni, msgssz, msgtql;
  uint16_t msgseg;
};
static_assert(sizeof(MsgInfo) == 32);

// i386's forms (32-bit longs; each time's high half after it, unshown).
struct IpcPerm32 {
  int32_t key;
  uint32_t uid, gid, cuid, cgid;
  uint16_t mode, pad1, seq, pad2;
  uint32_t unused1, unused2;
};
static_assert(sizeof(IpcPerm32) == 36);

struct ShmidDs32 {
  IpcPerm32 perm;
  uint32_t segsz;
  uint32_t atime, atime_high, dtime, dtime_high, ctime, ctime_high;
  int32_t cpid, lpid;
  uint32_t nattch, unused4, unused5;
};
static_assert(sizeof(ShmidDs32) == 84);

struct SemidDs32 {
  IpcPerm32 perm;
  uint32_t otime, otime_high, ctime, ctime_high;
  uint32_t nsems, unused3, unused4;
};
static_assert(sizeof(SemidDs32) == 64);

struct MsqidDs32 {
  IpcPerm32 perm;
  uint32_t stime, stime_high, rtime, rtime_high, ctime, ctime_high;
  uint32_t cbytes, qnum, qbytes;
  int32_t lspid, lrpid;
  uint32_t unused4, unused5;
};
static_assert(sizeof(MsqidDs32) == 88);

struct ShmInfo32 {
  uint32_t shmmax, shmmin, shmmni, shmseg, shmall;
  uint32_t unused[4];
};
static_assert(sizeof(ShmInfo32) == 36);

struct ShmInfoStats32 {
  int32_t used_ids;
  uint32_t shm_tot, shm_rss, shm_swp, swap_attempts, swap_successes;
};
static_assert(sizeof(ShmInfoStats32) == 24);

IpcPerm Widen(const IpcPerm32& p) {
  IpcPerm w{};
  w.key = p.key;
  w.uid = p.uid;
  w.gid = p.gid;
  w.cuid = p.cuid;
  w.cgid = p.cgid;
  w.mode = p.mode;
  w.seq = p.seq;
  return w;
}
ShmidDs Widen(const ShmidDs32& s) {
  ShmidDs w{};
  w.perm = Widen(s.perm);
  w.segsz = s.segsz;
  w.atime = s.atime;
  w.dtime = s.dtime;
  w.ctime = s.ctime;
  w.cpid = s.cpid;
  w.lpid = s.lpid;
  w.nattch = s.nattch;
  return w;
}
SemidDs Widen(const SemidDs32& s) {
  SemidDs w{};
  w.perm = Widen(s.perm);
  w.otime = s.otime;
  w.ctime = s.ctime;
  w.nsems = s.nsems;
  return w;
}
MsqidDs Widen(const MsqidDs32& s) {
  MsqidDs w{};
  w.perm = Widen(s.perm);
  w.stime = s.stime;
  w.rtime = s.rtime;
  w.ctime = s.ctime;
  w.cbytes = s.cbytes;
  w.qnum = s.qnum;
  w.qbytes = s.qbytes;
  w.lspid = s.lspid;
  w.lrpid = s.lrpid;
  return w;
}
ShmInfo Widen(const ShmInfo32& s) {
  ShmInfo w{};
  w.shmmax = s.shmmax;
  w.shmmin = s.shmmin;
  w.shmmni = s.shmmni;
  w.shmseg = s.shmseg;
  w.shmall = s.shmall;
  return w;
}
ShmInfoStats Widen(const ShmInfoStats32& s) {
  ShmInfoStats w{};
  w.used_ids = s.used_ids;
  w.shm_tot = s.shm_tot;
  w.shm_rss = s.shm_rss;
  w.shm_swp = s.shm_swp;
  w.swap_attempts = s.swap_attempts;
  w.swap_successes = s.swap_successes;
  return w;
}

// A struct in the tracee's layout (T, or T32 widened on i386): an input
// (Fetch) or an output (FetchOut); false when printed as an address.
template <typename T32, typename T>
bool FetchAbi(D& d, uint64_t addr, bool input, T* out) {
  if (!d.i386) {
    return input ? d.Fetch(addr, out, sizeof *out)
                 : d.FetchOut(addr, out, sizeof *out);
  }
  T32 v;
  if (!(input ? d.Fetch(addr, &v, sizeof v) : d.FetchOut(addr, &v, sizeof v)))
    return false;
  *out = Widen(v);
  return true;
}

struct SemBuf {
  uint16_t sem_num;
  int16_t sem_op;
  int16_t sem_flg;
};
static_assert(sizeof(SemBuf) == 6);

// ---------------------------------------------------------------------------
// Named constants, in strace's order.
// ---------------------------------------------------------------------------
constexpr uint32_t kIpc64 = 0x100;
constexpr uint32_t kIpcRmid = 0, kIpcSet = 1, kIpcStat = 2, kIpcInfo = 3;

// *get flags (the mode bits and SHM_HUGE_* are printed apart).
constexpr XlatEntry kIpcGetFlags[] = {
    {01000, "IPC_CREAT"}, {02000, "IPC_EXCL"}, {04000, "IPC_NOWAIT"}};
constexpr XlatEntry kShmGetFlags[] = {{01000, "IPC_CREAT"},
                                      {02000, "IPC_EXCL"},
                                      {04000, "SHM_HUGETLB"},
                                      {010000, "SHM_NORESERVE"}};
constexpr XlatEntry kShmatFlags[] = {{010000, "SHM_RDONLY"},
                                     {020000, "SHM_RND"},
                                     {040000, "SHM_REMAP"},
                                     {0100000, "SHM_EXEC"}};
constexpr XlatEntry kSemFlags[] = {{0x1000, "SEM_UNDO"}, {04000, "IPC_NOWAIT"}};
constexpr XlatEntry kMsgqFlags[] = {{010000, "MSG_NOERROR"},
                                    {020000, "MSG_EXCEPT"},
                                    {040000, "MSG_COPY"},
                                    {04000, "IPC_NOWAIT"}};

constexpr XlatEntry kShmCmds[] = {
    {0, "IPC_RMID"},  {1, "IPC_SET"},   {2, "IPC_STAT"},
    {3, "IPC_INFO"},  {11, "SHM_LOCK"}, {12, "SHM_UNLOCK"},
    {13, "SHM_STAT"}, {14, "SHM_INFO"}, {15, "SHM_STAT_ANY"},
};
constexpr uint32_t kShmStat = 13, kShmInfo = 14, kShmStatAny = 15;
constexpr XlatEntry kSemCmds[] = {
    {0, "IPC_RMID"},  {1, "IPC_SET"},       {2, "IPC_STAT"}, {3, "IPC_INFO"},
    {11, "GETPID"},   {12, "GETVAL"},       {13, "GETALL"},  {14, "GETNCNT"},
    {15, "GETZCNT"},  {16, "SETVAL"},       {17, "SETALL"},  {18, "SEM_STAT"},
    {19, "SEM_INFO"}, {20, "SEM_STAT_ANY"},
};
constexpr uint32_t kSemStat = 18, kSemInfo = 19, kSemStatAny = 20;
constexpr XlatEntry kMsgCmds[] = {
    {0, "IPC_RMID"},  {1, "IPC_SET"},   {2, "IPC_STAT"},      {3, "IPC_INFO"},
    {11, "MSG_STAT"}, {12, "MSG_INFO"}, {13, "MSG_STAT_ANY"},
};
constexpr uint32_t kMsgStat = 11, kMsgInfo = 12, kMsgStatAny = 13;

// ---------------------------------------------------------------------------
// Shared pieces.
// ---------------------------------------------------------------------------
// A key: IPC_PRIVATE or "%#x".
void Key(D& d, int i) {
  if (d.u32(i) == 0) {
    AppendConst(d.out, "IPC_PRIVATE", RawConst::Hex(0));
  } else {
    d.Hex(d.u32(i));
  }
}

// *get flags: "IPC_CREAT|0x100000|16<<SHM_HUGE_SHIFT|0600": the named
// bits, the unknown ones in hex, (shmget) the huge page size, the mode.
template <size_t N>
void GetFlags(D& d, uint32_t flags, const XlatEntry (&tbl)[N], bool huge) {
  uint32_t rest = flags & ~0777u;
  if (huge) rest &= ~(0x3fu << 26);
  // -X: the flags are one constant, "0x200 /* IPC_CREAT */|0600".
  const size_t mark = d.out->size();
  const RawConst raw = RawConst::Hex(rest);
  bool any = false;
  for (const XlatEntry& e : tbl) {
    if ((rest & e.value) == e.value) {
      if (any) d.out->push_back('|');
      d.Put(e.name);
      any = true;
      rest &= ~static_cast<uint32_t>(e.value);
    }
  }
  if (rest != 0) {
    if (any) d.out->push_back('|');
    d.Hex(rest);
  }
  if (d.out->size() > mark) {
    RestyleConst(d.out, mark, raw, any);
    // Only unknown bits: strace's semget and msgget run the mode on,
    // "0x3000" "000" (not shmget, nor -X raw: "0x3000|000").
    if (any || huge || CurrentXlatStyle() == XlatStyle::kRaw) {
      d.out->push_back('|');
    }
  }
  if (huge && (flags >> 26) != 0) {
    d.Udec(flags >> 26);
    // "32<<26", "32<<26 /* SHM_HUGE_SHIFT */".
    d.Put("<<");
    AppendConst(d.out, "SHM_HUGE_SHIFT", RawConst::Dec(26));
    d.out->push_back('|');
  }
  Mode(d, flags & 0777);
}

// "{uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}"; IPC_SET's form
// stops after mode.
void Perm(D& d, const IpcPerm& p, bool full) {
  d.Put("{uid=");
  PrintId(d, static_cast<uint32_t>(p.uid));
  d.Put(", gid=");
  PrintId(d, static_cast<uint32_t>(p.gid));
  d.Put(", mode=");
  Mode(d, p.mode);
  if (full) {
    d.Put(", key=");
    d.Udec(static_cast<uint32_t>(p.key));
    d.Put(", cuid=");
    PrintId(d, static_cast<uint32_t>(p.cuid));
    d.Put(", cgid=");
    PrintId(d, static_cast<uint32_t>(p.cgid));
  }
  d.out->push_back('}');
}

// A *ctl command: "IPC_64|" when flagged, then its name.
template <size_t N>
uint32_t Cmd(D& d, uint32_t cmd, const XlatEntry (&tbl)[N],
             const char* unknown) {
  if (cmd & kIpc64) {
    AppendConst(d.out, "IPC_64", RawConst::Hex(kIpc64));
    d.out->push_back('|');
  }
  cmd &= ~kIpc64;
  d.Xval(cmd, tbl, unknown);
  return cmd;
}

// ---------------------------------------------------------------------------
// Shared memory.
// ---------------------------------------------------------------------------
void Shmget(D& d) {
  if (d.exiting) return;
  Key(d, 0);
  d.Sep();
  d.Udec(d.u(1));
  d.Sep();
  GetFlags(d, d.u32(2), kShmGetFlags, true);
}

void Shmat(D& d) {
  if (d.exiting) {
    if (!d.failed()) *d.fmt = SyscallEvent::RetFormat::kHex;
    return;
  }
  d.Dec(d.i32(0));
  d.Sep();
  d.Ptr(d.u(1));
  d.Sep();
  d.Flags(d.u32(2), kShmatFlags, "SHM_???");
}

void Shmdt(D& d) {
  if (d.entering()) d.Ptr(d.u(0));
}

void ShmidDsOut(D& d, uint64_t addr, bool set) {
  ShmidDs s;
  if (!FetchAbi<ShmidDs32>(d, addr, set, &s)) return;
  d.Put("{shm_perm=");
  Perm(d, s.perm, !set);
  if (!set) {
    d.Put(", shm_segsz=");
    d.Udec(s.segsz);
    d.Put(", shm_cpid=");
    d.PidValue(s.cpid);
    d.Put(", shm_lpid=");
    d.PidValue(s.lpid);
    d.Put(", shm_nattch=");
    d.Udec(s.nattch);
    d.Put(", shm_atime=");
    d.Dec(s.atime);
    d.Put(", shm_dtime=");
    d.Dec(s.dtime);
    d.Put(", shm_ctime=");
    d.Dec(s.ctime);
  }
  d.out->push_back('}');
}

void Shmctl(D& d) {
  const uint32_t cmd = d.u32(1) & ~kIpc64;
  const uint64_t buf = d.u(2);
  const bool at_exit = cmd == kIpcStat || cmd == kShmStat ||
                       cmd == kShmStatAny || cmd == kIpcInfo || cmd == kShmInfo;
  if (d.entering()) {
    d.Dec(d.i32(0));
    d.Sep();
    Cmd(d, d.u32(1), kShmCmds, "SHM_???");
    d.Sep();
    if (at_exit) return;
    if (cmd == kIpcSet) {
      ShmidDsOut(d, buf, true);
    } else {
      d.Ptr(buf);
    }
    return;
  }
  if (!at_exit) return;
  if (cmd == kIpcInfo) {
    ShmInfo s;
    if (!FetchAbi<ShmInfo32>(d, buf, false, &s)) return;
    d.Put("{shmmax=");
    d.Udec(s.shmmax);
    d.Put(", shmmin=");
    d.Udec(s.shmmin);
    d.Put(", shmmni=");
    d.Udec(s.shmmni);
    d.Put(", shmseg=");
    d.Udec(s.shmseg);
    d.Put(", shmall=");
    d.Udec(s.shmall);
    d.out->push_back('}');
  } else if (cmd == kShmInfo) {
    ShmInfoStats s;
    if (!FetchAbi<ShmInfoStats32>(d, buf, false, &s)) return;
    d.Put("{used_ids=");
    d.Dec(s.used_ids);
    d.Put(", shm_tot=");
    d.Udec(s.shm_tot);
    d.Put(", shm_rss=");
    d.Udec(s.shm_rss);
    d.Put(", shm_swp=");
    d.Udec(s.shm_swp);
    d.Put(", swap_attempts=");
    d.Udec(s.swap_attempts);
    d.Put(", swap_successes=");
    d.Udec(s.swap_successes);
    d.out->push_back('}');
  } else {
    ShmidDsOut(d, buf, false);
  }
}

// ---------------------------------------------------------------------------
// Semaphores.
// ---------------------------------------------------------------------------
void Semget(D& d) {
  if (d.exiting) return;
  Key(d, 0);
  d.Sep();
  d.Dec(d.i32(1));
  d.Sep();
  GetFlags(d, d.u32(2), kIpcGetFlags, false);
}

// "semid, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, ...], nsops".
void SemopArgs(D& d) {
  d.Dec(d.i32(0));
  d.Sep();
  d.Array<SemBuf>(d.u(1), d.u32(2), [&d](const SemBuf& b) {
    d.Put("{sem_num=");
    d.Udec(b.sem_num);
    d.Put(", sem_op=");
    d.Dec(b.sem_op);
    d.Put(", sem_flg=");
    d.Flags(static_cast<uint16_t>(b.sem_flg), kSemFlags, "SEM_???");
    d.out->push_back('}');
  });
  d.Sep();
  d.Udec(d.u32(2));
}

void Semop(D& d) {
  if (d.entering()) SemopArgs(d);
}

// `wide`: a 64-bit timespec (x86_64's, i386's semtimedop_time64), else
// i386's 32-bit one.
void SemtimedopTimed(D& d, bool wide) {
  if (d.exiting) return;
  SemopArgs(d);
  d.Sep();
  Timespec(d, d.u(3), wide);
}

void Semtimedop(D& d) { SemtimedopTimed(d, !d.i386); }

void SemidDsOut(D& d, uint64_t addr, bool set) {
  SemidDs s;
  if (!FetchAbi<SemidDs32>(d, addr, set, &s)) return;
  d.Put("{sem_perm=");
  Perm(d, s.perm, !set);
  if (!set) {
    d.Put(", sem_otime=");
    d.Dec(s.otime);
    d.Put(", sem_ctime=");
    d.Dec(s.ctime);
    d.Put(", sem_nsems=");
    d.Udec(s.nsems);
  }
  d.out->push_back('}');
}

// `indirect`: i386's ipc(2) form, whose fourth argument points to the
// union semun: a struct's address there is followed, any other value
// printed in brackets ("[0x3]"), as strace prints it.
void SemctlArgs(D& d, bool indirect) {
  const uint32_t cmd = d.u32(2) & ~kIpc64;
  uint64_t arg = d.u(3);
  const bool at_exit = cmd == kIpcStat || cmd == kSemStat ||
                       cmd == kSemStatAny || cmd == kIpcInfo || cmd == kSemInfo;
  auto head = [&] {
    d.Dec(d.i32(0));
    d.Sep();
    d.Dec(d.i32(1));
    d.Sep();
    Cmd(d, d.u32(2), kSemCmds, "SEM_???");
    d.Sep();
  };
  if (indirect && arg != 0) {
    // Not verbose (-e verbose=), strace shows the union's address.
    uint32_t word;
    const bool readable =
        d.verbose && d.dec->mem()->Read(d.c.tid, arg, &word, 4) == 4;
    if (!readable || !(at_exit || cmd == kIpcSet)) {
      if (d.exiting) return;
      head();
      if (!readable) {
        d.Ptr(arg);
        return;
      }
      d.out->push_back('[');
      d.Ptr(word);
      d.out->push_back(']');
      return;
    }
    // (A failed call's output shows the pointer, in brackets.)
    if (d.failed() && at_exit) {
      d.out->push_back('[');
      d.Ptr(word);
      d.out->push_back(']');
      return;
    }
    arg = word;
  }
  if (d.entering()) {
    head();
    if (at_exit) return;
    if (cmd == kIpcSet) {
      SemidDsOut(d, arg, true);
    } else {
      d.Ptr(arg);
    }
    return;
  }
  if (!at_exit) return;
  if (cmd == kIpcInfo || cmd == kSemInfo) {
    SemInfo s;
    if (!d.FetchOut(arg, &s, sizeof s)) return;
    static constexpr const char* kNames[] = {
        "{semmap=",  ", semmni=", ", semmns=", ", semmnu=", ", semmsl=",
        ", semopm=", ", semume=", ", semusz=", ", semvmx=", ", semaem="};
    for (int i = 0; i < 10; ++i) {
      d.Put(kNames[i]);
      d.Dec(s.v[i]);
    }
    d.out->push_back('}');
  } else {
    SemidDsOut(d, arg, false);
  }
}

void Semctl(D& d) { SemctlArgs(d, false); }

// ---------------------------------------------------------------------------
// Message queues.
// ---------------------------------------------------------------------------
void Msgget(D& d) {
  if (d.exiting) return;
  Key(d, 0);
  d.Sep();
  GetFlags(d, d.u32(1), kIpcGetFlags, false);
}

// "{mtype=1, mtext="..."}": `size` bytes of text after the type.
void Msgbuf(D& d, uint64_t addr, uint64_t size) {
  // mtype is a long: 32 bits on i386.
  int64_t mtype = 0;
  int32_t mtype32 = 0;
  if (!(d.i386 ? d.Fetch(addr, &mtype32, 4) : d.Fetch(addr, &mtype, 8))) {
    return;
  }
  if (d.i386) mtype = mtype32;
  d.Put("{mtype=");
  d.Dec(mtype);
  d.Put(", mtext=");
  d.Buf(addr + d.ptr_size(), static_cast<int64_t>(size));
  d.out->push_back('}');
}

void Msgsnd(D& d) {
  if (d.exiting) return;
  d.Dec(d.i32(0));
  d.Sep();
  Msgbuf(d, d.u(1), d.u(2));
  d.Sep();
  d.Udec(d.u(2));
  d.Sep();
  d.Flags(d.u32(3), kMsgqFlags, "MSG_???");
}

// The message at exit (the buffer's whole size, as strace), then the
// other arguments.
void Msgrcv(D& d) {
  if (d.entering()) {
    d.Dec(d.i32(0));
    d.Sep();
    return;
  }
  if (d.failed()) {
    d.Ptr(d.u(1));
  } else {
    Msgbuf(d, d.u(1), d.u(2));
  }
  d.Sep();
  d.Udec(d.u(2));
  d.Sep();
  d.Dec(d.s(3));
  d.Sep();
  d.Flags(d.u32(4), kMsgqFlags, "MSG_???");
}

// i386's ipc(2) form of msgrcv (version 0): (msqid, kludge, msgsz, msgflg),
// the buffer and the type in struct ipc_kludge {msgp, msgtyp}; as strace,
// a failed call shows the kludge's address and no type.
void IpcMsgrcvArgs(D& d) {
  if (d.entering()) {
    d.Dec(d.i32(0));
    d.Sep();
    return;
  }
  struct {
    uint32_t msgp;
    int32_t msgtyp;
  } k;
  if (d.failed() || !d.Peek(d.u(1), &k, sizeof k)) {
    d.Ptr(d.u(1));
    d.Sep();
    d.Udec(d.u(2));
  } else {
    Msgbuf(d, k.msgp, d.u(2));
    d.Sep();
    d.Udec(d.u(2));
    d.Sep();
    d.Dec(k.msgtyp);
  }
  d.Sep();
  d.Flags(d.u32(3), kMsgqFlags, "MSG_???");
}

void MsqidDsOut(D& d, uint64_t addr, bool set) {
  MsqidDs s;
  if (!FetchAbi<MsqidDs32>(d, addr, set, &s)) return;
  d.Put("{msg_perm=");
  Perm(d, s.perm, !set);
  if (!set) {
    d.Put(", msg_stime=");
    d.Dec(s.stime);
    d.Put(", msg_rtime=");
    d.Dec(s.rtime);
    d.Put(", msg_ctime=");
    d.Dec(s.ctime);
    d.Put(", msg_qnum=");
    d.Udec(s.qnum);
  }
  d.Put(", msg_qbytes=");
  d.Udec(s.qbytes);
  if (!set) {
    // (strace 6.1 does not name these pids with -Y.)
    d.Put(", msg_lspid=");
    d.Dec(s.lspid);
    d.Put(", msg_lrpid=");
    d.Dec(s.lrpid);
  }
  d.out->push_back('}');
}

void Msgctl(D& d) {
  const uint32_t cmd = d.u32(1) & ~kIpc64;
  const uint64_t buf = d.u(2);
  const bool at_exit = cmd == kIpcStat || cmd == kMsgStat ||
                       cmd == kMsgStatAny || cmd == kIpcInfo || cmd == kMsgInfo;
  if (d.entering()) {
    d.Dec(d.i32(0));
    d.Sep();
    Cmd(d, d.u32(1), kMsgCmds, "MSG_???");
    d.Sep();
    if (at_exit) return;
    if (cmd == kIpcSet) {
      MsqidDsOut(d, buf, true);
    } else {
      d.Ptr(buf);
    }
    return;
  }
  if (!at_exit) return;
  if (cmd == kIpcInfo || cmd == kMsgInfo) {
    MsgInfo s;
    if (!d.FetchOut(buf, &s, sizeof s)) return;
    d.Put("{msgpool=");
    d.Dec(s.msgpool);
    d.Put(", msgmap=");
    d.Dec(s.msgmap);
    d.Put(", msgmax=");
    d.Dec(s.msgmax);
    d.Put(", msgmnb=");
    d.Dec(s.msgmnb);
    d.Put(", msgmni=");
    d.Dec(s.msgmni);
    d.Put(", msgssz=");
    d.Dec(s.msgssz);
    d.Put(", msgtql=");
    d.Dec(s.msgtql);
    d.Put(", msgseg=");
    d.Udec(s.msgseg);
    d.out->push_back('}');
  } else {
    MsqidDsOut(d, buf, false);
  }
}

constexpr Registration kDecoders[] = {
    {"shmget", Shmget, 0},         {"shmat", Shmat, 0},   {"shmdt", Shmdt, 0},
    {"shmctl", Shmctl, 0},         {"semget", Semget, 0}, {"semop", Semop, 0},
    {"semtimedop", Semtimedop, 0}, {"semctl", Semctl, 0}, {"msgget", Msgget, 0},
    {"msgsnd", Msgsnd, 0},         {"msgrcv", Msgrcv, 0}, {"msgctl", Msgctl, 0},
};

}  // namespace

void SemtimedopTime64(D& d) { SemtimedopTimed(d, true); }
void IpcSemop(D& d) { Semop(d); }
void IpcSemtimedop(D& d) { Semtimedop(d); }
void IpcSemctl(D& d) { SemctlArgs(d, true); }
void IpcMsgrcv(D& d) { IpcMsgrcvArgs(d); }

std::span<const Registration> IpcDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
