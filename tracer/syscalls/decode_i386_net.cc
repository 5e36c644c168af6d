// i386 (32-bit tracee) decoders, as strace 6.1 prints them: the socketcall and
// ipc multiplexers (each dispatched to the call it names) and the *_time64
// network, IPC, message queue and AIO calls (their decoders live with their
// families: decode_net.cc, decode_ipc.cc, decode_misc.cc, which also read
// the i386 layouts of the direct calls). Registered kI386Only where x86_64
// has a call of the same name.
//
// A multiplexed call prints as the call it makes, under that call's name
// (ArgDecoder::SetEntryName): socketcall(SYS_SOCKET, [AF_UNIX, ...]) is
// "socket(AF_UNIX, SOCK_STREAM, 0)". The call is decoded by the decoder
// registered for its direct i386 syscall, given the arguments the
// multiplexer passes on, so both forms print alike.
#include <cstring>

#include "tracer/syscalls/decoding.h"
#include "tracer/syscalls/format.h"
#include "tracer/syscalls/syscall_table.h"

namespace ttrace {
namespace decode {
namespace {

// ---------------------------------------------------------------------------
// The arguments a multiplexer passes on, read at entry and kept for the
// exit (the tracee may reuse the array meanwhile). One per thread, as
// SaveForExit.
// ---------------------------------------------------------------------------
struct Subcall {
  pid_t tid = 0;
  int64_t nr = -1;  // the multiplexer's number
  SyscallCall call;
  int index = -1;  // into the multiplexer's table
};
thread_local Subcall subcalls[256];

Subcall& SubcallOf(const D& d) {
  return subcalls[static_cast<uint32_t>(d.c.tid) % 256];
}

// Decodes `sub` (an i386 call) with `fn`, appending to d's output.
void DecodeAs(D& d, const SyscallCall& sub, ArgDecoder::DecodeFn fn) {
  Decoding s(d.dec, sub, d.exiting, d.ret, d.out, d.fmt, d.suffix);
  fn(s);
}

// ---------------------------------------------------------------------------
// socketcall(call, args): the socket calls, their arguments an array of
// 32-bit words.
// ---------------------------------------------------------------------------
// send(fd, buf, len, flags) and recv(fd, buf, len, flags): i386 has no
// direct form of them (sendto and recvfrom without an address).
void Send(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  SocketData(d, d.u(1), d.u(2));
  d.Sep();
  d.Udec(d.u(2));
  d.Sep();
  d.Flags(d.u32(3), kMsgFlags, "MSG_???");
}

void Recv(D& d) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    return;
  }
  if (d.failed()) {
    d.Ptr(d.u(1));
  } else {
    const uint64_t n = static_cast<uint64_t>(d.ret) < d.u(2)
                           ? static_cast<uint64_t>(d.ret)
                           : d.u(2);
    SocketData(d, d.u(1), n);
  }
  d.Sep();
  d.Udec(d.u(2));
  d.Sep();
  d.Flags(d.u32(3), kMsgFlags, "MSG_???");
}

// The direct i386 call of that name, whose decoder prints a subcall that
// has no decoder of its own (from libseccomp's table).
int DirectNr(const char* name) {
  return SyscallTable::Get().Number(kArchI386, name);
}

// accept(fd, addr, addrlen): getsockname's arguments, an fd as result.
void Accept(D& d) {
  d.dec->DecoderFor(kArchI386, DirectNr("getsockname"))(d);
  if (d.exiting) d.RetFd();
}

struct SocketSubcall {
  const char* name;
  int nargs;
  // Its own decoder, or null: the direct call's (see DirectNr).
  ArgDecoder::DecodeFn fn;
};
// Indexed by SYS_SOCKET (1) ... SYS_SENDMMSG (20).
constexpr SocketSubcall kSocketCalls[] = {
    {nullptr, 0, nullptr},       {"socket", 3, nullptr},
    {"bind", 3, nullptr},        {"connect", 3, nullptr},
    {"listen", 2, nullptr},      {"accept", 3, Accept},
    {"getsockname", 3, nullptr}, {"getpeername", 3, nullptr},
    {"socketpair", 4, nullptr},  {"send", 4, Send},
    {"recv", 4, Recv},           {"sendto", 6, nullptr},
    {"recvfrom", 6, nullptr},    {"shutdown", 2, nullptr},
    {"setsockopt", 5, nullptr},  {"getsockopt", 5, nullptr},
    {"sendmsg", 3, nullptr},     {"recvmsg", 3, nullptr},
    {"accept4", 4, nullptr},     {"recvmmsg", 5, nullptr},
    {"sendmmsg", 4, nullptr},
};
constexpr XlatEntry kSocketCallNames[] = {
    {1, "SYS_SOCKET"},      {2, "SYS_BIND"},        {3, "SYS_CONNECT"},
    {4, "SYS_LISTEN"},      {5, "SYS_ACCEPT"},      {6, "SYS_GETSOCKNAME"},
    {7, "SYS_GETPEERNAME"}, {8, "SYS_SOCKETPAIR"},  {9, "SYS_SEND"},
    {10, "SYS_RECV"},       {11, "SYS_SENDTO"},     {12, "SYS_RECVFROM"},
    {13, "SYS_SHUTDOWN"},   {14, "SYS_SETSOCKOPT"}, {15, "SYS_GETSOCKOPT"},
    {16, "SYS_SENDMSG"},    {17, "SYS_RECVMSG"},    {18, "SYS_ACCEPT4"},
    {19, "SYS_RECVMMSG"},   {20, "SYS_SENDMMSG"},
};

// A named constant in decimal ("SYS_SOCKET", -X: "1 /* SYS_SOCKET */"), or
// the number.
template <size_t N>
void DecimalXval(D& d, uint64_t v, const XlatEntry (&tbl)[N]) {
  if (const char* name = XlatName(v, tbl, N)) {
    AppendConst(d.out, name, RawConst::Dec(static_cast<int64_t>(v)));
  } else {
    d.Udec(v);
  }
}

// As strace: a known call whose argument array is readable prints as that
// call; otherwise "socketcall(SYS_SOCKET, NULL)".
void Socketcall(D& d) {
  Subcall& s = SubcallOf(d);
  if (d.entering()) {
    s.tid = 0;
    const uint32_t call = d.u32(0);
    uint32_t words[6];
    if (call >= 1 && call < std::size(kSocketCalls)) {
      const SocketSubcall& sc = kSocketCalls[call];
      const size_t n = static_cast<size_t>(sc.nargs) * 4;
      if (d.u(1) != 0 && d.dec->mem()->Read(d.c.tid, d.u(1), words, n) ==
                             static_cast<ssize_t>(n)) {
        s.tid = d.c.tid;
        s.nr = d.c.nr;
        s.index = static_cast<int>(call);
        s.call = d.c;
        s.call.args = {};
        for (int i = 0; i < sc.nargs; ++i) s.call.args[i] = words[i];
        // send, recv and accept keep socketcall's number (for -e verbose=
        // and the values saved for the exit).
        if (sc.fn == nullptr) s.call.nr = DirectNr(sc.name);
      }
    }
    if (s.tid == 0) {
      DecimalXval(d, call, kSocketCallNames);
      d.Sep();
      d.Ptr(d.u(1));
      return;
    }
  } else if (s.tid != d.c.tid || s.nr != d.c.nr) {
    return;  // printed whole at entry (or its entry was not seen)
  }
  const SocketSubcall& sc = kSocketCalls[s.index];
  if (d.entering()) d.dec->SetEntryName(sc.name);
  DecodeAs(d, s.call,
           sc.fn != nullptr ? sc.fn : d.dec->DecoderFor(kArchI386, s.call.nr));
  if (d.exiting) s.tid = 0;
}

// ---------------------------------------------------------------------------
// ipc(call, first, second, third, ptr, fifth): System V IPC. The call's
// low 16 bits name it, the high ones are a version (msgrcv's and shmat's
// forms).
// ---------------------------------------------------------------------------
// Where the call's arguments come from: ipc's argument index (1 first,
// 2 second, 3 third, 4 ptr, 5 fifth), 0 for none.
struct IpcSubcall {
  int call;
  const char* name;
  // Its own decoder, or null: the direct call's (see DirectNr).
  ArgDecoder::DecodeFn fn;
  int8_t from[5];
};
constexpr IpcSubcall kIpcCalls[] = {
    {1, "semop", IpcSemop, {1, 4, 2}},
    {2, "semget", nullptr, {1, 2, 3}},
    {3, "semctl", IpcSemctl, {1, 2, 3, 4}},
    {4, "semtimedop", IpcSemtimedop, {1, 4, 2, 5}},
    {11, "msgsnd", nullptr, {1, 4, 2, 3}},
    {12, "msgrcv", IpcMsgrcv, {1, 4, 2, 3}},  // version 0
    {13, "msgget", nullptr, {1, 2}},
    {14, "msgctl", nullptr, {1, 2, 4}},
    {21, "shmat", nullptr, {1, 4, 2}},
    {22, "shmdt", nullptr, {4}},
    {23, "shmget", nullptr, {1, 2, 3}},
    {24, "shmctl", nullptr, {1, 2, 4}},
};
// msgrcv's version 1: (msqid, msgp, msgsz, msgtyp, msgflg) as they are.
constexpr IpcSubcall kIpcMsgrcv1 = {12, "msgrcv", nullptr, {1, 4, 2, 5, 3}};

const IpcSubcall* FindIpcCall(uint32_t call) {
  const uint32_t op = call & 0xffff, version = call >> 16;
  if (op == 12 && version != 0) return &kIpcMsgrcv1;
  for (const IpcSubcall& sc : kIpcCalls) {
    if (static_cast<uint32_t>(sc.call) == op) return &sc;
  }
  return nullptr;
}

// As strace: a known call prints as that call ("semget(IPC_PRIVATE, 1,
// 0600)"); any other as ipc with its number in decimal.
void Ipc(D& d) {
  const IpcSubcall* sc = FindIpcCall(d.u32(0));
  if (sc == nullptr) {
    if (d.exiting) return;
    d.Udec(d.u32(0));
    for (int i = 1; i < 6; ++i) {
      d.Sep();
      d.Hex(d.u(i));
    }
    return;
  }
  SyscallCall sub = d.c;
  sub.args = {};
  for (int i = 0; i < 5 && sc->from[i] != 0; ++i) {
    sub.args[i] = d.u(sc->from[i]);
  }
  // semop, semtimedop, semctl and msgrcv keep ipc's number (-e verbose=,
  // values saved for the exit).
  if (sc->fn == nullptr) sub.nr = DirectNr(sc->name);
  if (d.entering()) d.dec->SetEntryName(sc->name);
  DecodeAs(d, sub,
           sc->fn != nullptr ? sc->fn : d.dec->DecoderFor(kArchI386, sub.nr));
  // shmat returns 0 and stores the address at `third`: strace shows it as
  // the result (when it can read it).
  uint32_t addr;
  if (sc->call == 21 && d.exiting && !d.failed() &&
      d.dec->mem()->Read(d.c.tid, d.u(3), &addr, 4) == 4) {
    d.dec->SetShownResult(addr);
  }
}

constexpr Registration kDecoders[] = {
    {"ipc", Ipc, kI386Only},
    {"semtimedop_time64", SemtimedopTime64, kI386Only},
    {"mq_timedsend_time64", MqTimedsendTime64, kI386Only},
    {"mq_timedreceive_time64", MqTimedreceiveTime64, kI386Only},
    {"io_pgetevents", IoPgetevents, kI386Only},
    {"io_pgetevents_time64", IoPgeteventsTime64, kI386Only},
    {"socketcall", Socketcall, kI386Only},
    {"recvmmsg_time64", RecvmmsgTime64, kI386Only},
};

}  // namespace

std::span<const Registration> I386NetDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
