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
// multiplexer passes on, so both forms print alike. As strace, the
// decoder knows it by its pseudo number (SyscallTable::kSocketSubcalls,
// kIpcSubcalls), which -e raw=, -e verbose= and -e abbrev= select by name;
// I386FilterNumber gives the same number to the filters at entry.
#include <array>
#include <cstring>

#include "tracer/syscalls/decoding.h"
#include "tracer/syscalls/format.h"
#include "tracer/syscalls/syscall_table.h"

namespace ttrace {
namespace decode {
namespace {

// ---------------------------------------------------------------------------
// The call a multiplexer makes and its arguments, read at entry and kept
// for the exit (the tracee may reuse the array meanwhile). One per thread,
// as SaveForExit.
// ---------------------------------------------------------------------------
struct Subcall {
  pid_t tid = 0;                       // 0: the entry made no known call
  int64_t nr = -1;                     // the multiplexer's number
  std::array<uint64_t, 2> mux_args{};  // its call number and array
  SyscallCall call;                    // nr: the call's pseudo number
  int index = -1;                      // into the multiplexer's table
  // Filled by FilterNumber for an entry DecodeEntry has not decoded yet.
  bool fresh = false;
};
thread_local Subcall subcalls[256];

Subcall& SubcallOf(pid_t tid) {
  return subcalls[static_cast<uint32_t>(tid) % 256];
}

int SocketcallNr() {
  static const int nr = SyscallTable::Get().Number(kArchI386, "socketcall");
  return nr;
}
int IpcNr() {
  static const int nr = SyscallTable::Get().Number(kArchI386, "ipc");
  return nr;
}

// The direct i386 call of that name, whose decoder prints a subcall that
// has no decoder of its own (from libseccomp's table).
int DirectNr(absl::string_view name) {
  return SyscallTable::Get().Number(kArchI386, name);
}

// Decodes `sub` (an i386 call) with `fn`, appending to d's output.
void DecodeAs(D& d, const SyscallCall& sub, ArgDecoder::DecodeFn fn) {
  Decoding s(d.dec, sub, d.exiting, d.ret, d.out, d.fmt, d.suffix);
  fn(s);
}

// -e raw= for a multiplexed call: `raw` (its pseudo number in nr) as
// strace prints it, `nargs` arguments in hex and the result in hex.
void RawAs(D& d, const SyscallCall& raw, int nargs) {
  if (d.exiting) {
    *d.fmt = SyscallEvent::RetFormat::kHex;
    return;
  }
  Decoding s(d.dec, raw, d.exiting, d.ret, d.out, d.fmt, d.suffix);
  s.Raw(0, nargs);
}

// Prints the call `sub` a multiplexer makes (its pseudo number in nr),
// under its name, as strace: raw when -e raw= selects it (with the
// arguments in `raw`), else by `own` or, when null, by the decoder
// registered for its direct i386 call (whatever -e raw= says of that
// one).
void DecodeSubcall(D& d, const SyscallCall& sub, const SyscallCall& raw,
                   ArgDecoder::DecodeFn own) {
  const SyscallTable& t = SyscallTable::Get();
  const absl::string_view name = t.SubcallName(sub.nr);
  if (d.entering()) d.dec->SetEntryName(name.data());
  if (d.opt().raw.Traced(kArchI386, sub.nr)) {
    RawAs(d, raw, t.SubcallArgCount(sub.nr));
    return;
  }
  DecodeAs(d, sub,
           own != nullptr
               ? own
               : d.dec->RegisteredDecoderFor(kArchI386, DirectNr(name)));
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

// accept(fd, addr, addrlen): getsockname's arguments, an fd as result.
void Accept(D& d) {
  d.dec->RegisteredDecoderFor(kArchI386, DirectNr("getsockname"))(d);
  if (d.exiting) d.RetFd();
}

// Indexed by SYS_SOCKET (1) ... SYS_SENDMMSG (20): the decoders of the
// calls with no direct i386 form (null: the direct call's, see
// DecodeSubcall). Names and argument counts are SyscallTable's.
constexpr ArgDecoder::DecodeFn kSocketCalls[] = {
    nullptr, nullptr, nullptr, nullptr, nullptr, Accept,  nullptr,
    nullptr, nullptr, Send,    Recv,    nullptr, nullptr, nullptr,
    nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
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

// Reads which call socketcall `c` makes into `s`, as strace decides it: a
// known call whose argument array is readable (s.tid set), else none.
void ClassifySocketcall(ArgDecoder& dec, const SyscallCall& c, Subcall& s) {
  s.tid = 0;
  s.fresh = false;
  const uint32_t call = static_cast<uint32_t>(c.args[0]);
  const uint64_t array = c.args[1] & 0xffffffffu;
  if (call < 1 || call >= std::size(kSocketCalls) || array == 0) return;
  const int pseudo = SyscallTable::kSocketSubcalls + static_cast<int>(call);
  const int nargs = SyscallTable::Get().SubcallArgCount(pseudo);
  uint32_t words[6];
  const size_t n = static_cast<size_t>(nargs) * 4;
  if (dec.mem()->Read(c.tid, array, words, n) != static_cast<ssize_t>(n)) {
    return;
  }
  s.tid = c.tid;
  s.nr = c.nr;
  s.mux_args = {c.args[0], c.args[1]};
  s.index = static_cast<int>(call);
  s.call = c;
  s.call.nr = pseudo;
  s.call.args = {};
  for (int i = 0; i < nargs; ++i) s.call.args[i] = words[i];
}

// As strace: a known call whose argument array is readable prints as that
// call; otherwise "socketcall(SYS_SOCKET, NULL)".
void Socketcall(D& d) {
  Subcall& s = SubcallOf(d.c.tid);
  if (d.entering()) {
    // FilterNumber has read it, unless the decoder is used without it.
    if (!s.fresh || s.tid != d.c.tid || s.nr != d.c.nr ||
        s.mux_args[0] != d.c.args[0] || s.mux_args[1] != d.c.args[1]) {
      ClassifySocketcall(*d.dec, d.c, s);
    }
    s.fresh = false;
    if (s.tid == 0) {
      // -P: strace's pathtrace takes a socketcall making no call for a
      // call on its first argument as an fd (socketcall(SYS_SOCKET, NULL)
      // matches a path open on fd 1).
      if (d.dec->filtering_paths() && d.i32(0) >= 0) {
        d.dec->MatchFd(d.c.tid, d.i32(0));
      }
      if (d.opt().raw.Traced(d.c.arch, d.c.nr)) return Raw(d);
      DecimalXval(d, d.u32(0), kSocketCallNames);
      d.Sep();
      d.Ptr(d.u(1));
      return;
    }
  } else if (s.tid != d.c.tid || s.nr != d.c.nr) {
    // Printed whole at entry (or its entry was not seen).
    if (d.opt().raw.Traced(d.c.arch, d.c.nr)) Raw(d);
    return;
  }
  DecodeSubcall(d, s.call, s.call, kSocketCalls[s.index]);
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
  // Its own decoder, or null: the direct call's (see DecodeSubcall).
  ArgDecoder::DecodeFn fn;
  int8_t from[5];
};
constexpr IpcSubcall kIpcCalls[] = {
    {1, IpcSemop, {1, 4, 2}},          // semop
    {2, nullptr, {1, 2, 3}},           // semget
    {3, IpcSemctl, {1, 2, 3, 4}},      // semctl
    {4, IpcSemtimedop, {1, 4, 2, 5}},  // semtimedop
    {11, nullptr, {1, 4, 2, 3}},       // msgsnd
    {12, IpcMsgrcv, {1, 4, 2, 3}},     // msgrcv, version 0
    {13, nullptr, {1, 2}},             // msgget
    {14, nullptr, {1, 2, 4}},          // msgctl
    {21, nullptr, {1, 4, 2}},          // shmat
    {22, nullptr, {4}},                // shmdt
    {23, nullptr, {1, 2, 3}},          // shmget
    {24, nullptr, {1, 2, 4}},          // shmctl
};
// msgrcv's version 1: (msqid, msgp, msgsz, msgtyp, msgflg) as they are.
constexpr IpcSubcall kIpcMsgrcv1 = {12, nullptr, {1, 4, 2, 5, 3}};

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
    if (d.opt().raw.Traced(d.c.arch, d.c.nr)) return Raw(d);
    if (d.exiting) return;
    d.Udec(d.u32(0));
    for (int i = 1; i < 6; ++i) {
      d.Sep();
      d.Hex(d.u(i));
    }
    return;
  }
  SyscallCall sub = d.c;
  sub.nr = SyscallTable::kIpcSubcalls + sc->call;
  sub.args = {};
  for (int i = 0; i < 5 && sc->from[i] != 0; ++i) {
    sub.args[i] = d.u(sc->from[i]);
  }
  // Raw, strace prints ipc's arguments from `first` on.
  SyscallCall raw = sub;
  for (int i = 0; i < 5; ++i) raw.args[i] = d.c.args[i + 1];
  DecodeSubcall(d, sub, raw, sc->fn);
  // shmat returns 0 and stores the address at `third`: strace shows it as
  // the result (when it can read it).
  uint32_t addr;
  if (sc->call == 21 && d.exiting && !d.failed() &&
      !d.opt().raw.Traced(kArchI386, sub.nr) &&
      d.dec->mem()->Read(d.c.tid, d.u(3), &addr, 4) == 4) {
    d.dec->SetShownResult(addr);
  }
}

constexpr Registration kDecoders[] = {
    {"ipc", Ipc, kI386Only | kOwnRaw},
    {"semtimedop_time64", SemtimedopTime64, kI386Only},
    {"mq_timedsend_time64", MqTimedsendTime64, kI386Only},
    {"mq_timedreceive_time64", MqTimedreceiveTime64, kI386Only},
    {"io_pgetevents", IoPgetevents, 0},
    {"io_pgetevents_time64", IoPgeteventsTime64, kI386Only},
    {"socketcall", Socketcall, kI386Only | kOwnRaw},
    {"recvmmsg_time64", RecvmmsgTime64, kI386Only},
};

}  // namespace

std::span<const Registration> I386NetDecoders() { return kDecoders; }

int32_t I386FilterNumber(ArgDecoder& dec, const SyscallCall& c) {
  if (c.nr == SocketcallNr()) {
    Subcall& s = SubcallOf(c.tid);
    ClassifySocketcall(dec, c, s);
    if (s.tid == 0) return static_cast<int32_t>(c.nr);
    s.fresh = true;
    return static_cast<int32_t>(s.call.nr);
  }
  if (c.nr == IpcNr()) {
    const IpcSubcall* sc = FindIpcCall(static_cast<uint32_t>(c.args[0]));
    return sc == nullptr ? static_cast<int32_t>(c.nr)
                         : SyscallTable::kIpcSubcalls + sc->call;
  }
  return static_cast<int32_t>(FilterNumber(c.nr));
}

}  // namespace decode
}  // namespace ttrace
