// i386 (32-bit tracee) decoders, as strace 6.1 prints them: the old signal
// calls (sigaction, signal, sigprocmask, sigpending, sigsuspend, sgetmask,
// ssetmask, sigreturn) and i386's rt_sigreturn, waitpid, thread areas and the
// LDT (struct user_desc), the old select, nice and stime. Registered
// kI386Only where x86_64 has a call of the same name. The i386 layouts of
// structs shared with x86_64 calls (siginfo, stack_t, rusage, sigevent,
// timex, sysinfo) are read by the shared printers, and the *_time64 calls
// are decoded beside their 32-bit forms.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "output/errno_names.h"
#include "tracer/syscalls/decoding.h"
#include "tracer/syscalls/format.h"
#include "tracer/syscalls/signals.h"

namespace ttrace {
namespace decode {
namespace {

// ---------------------------------------------------------------------------
// Old signal calls: a sigset is one 32-bit word.
// ---------------------------------------------------------------------------
// A 4-byte sigset held in a register: "[USR1 CHLD]".
void OldSigsetValue(std::string* out, uint32_t mask) {
  uint8_t bytes[4];
  memcpy(bytes, &mask, sizeof(bytes));
  AppendSigset(out, bytes, sizeof(bytes));
}

// struct old_sigaction (i386): handler, mask (one word), flags, restorer.
void OldSigactionAt(D& d, uint64_t addr) {
  uint32_t w[4];
  if (!d.Fetch(addr, w, sizeof(w))) return;
  uint8_t mask[4];
  memcpy(mask, &w[1], sizeof(mask));
  SigactionOf(d, w[0], mask, sizeof(mask), w[2], w[3]);
}

// sigaction(sig, act, oldact).
void Sigaction(D& d) {
  if (d.entering()) {
    AppendSignal(d.out, d.i32(0));
    d.Sep();
    OldSigactionAt(d, d.u(1));
    d.Sep();
    return;
  }
  if (d.failed() && d.u(2) != 0) {
    d.Hex(d.u(2));
  } else {
    OldSigactionAt(d, d.u(2));
  }
}

// signal(sig, handler) = the old handler, in hex; SIG_DFL and SIG_IGN
// named after it (whatever -X says, as strace).
void Signal(D& d) {
  if (d.entering()) {
    AppendSignal(d.out, d.i32(0));
    d.Sep();
    SigHandler(d, d.u(1));
    return;
  }
  if (d.failed()) return;
  *d.fmt = SyscallEvent::RetFormat::kHex;
  if (d.suffix == nullptr) return;
  if (d.ret == 0) {
    d.suffix->append(" (SIG_DFL)");
  } else if (d.ret == 1) {
    d.suffix->append(" (SIG_IGN)");
  }
}

// sigprocmask(how, set, oldset) with 4-byte sets.
void Sigprocmask(D& d) {
  if (d.entering()) {
    SigprocmaskHow(d, d.u32(0));
    d.Sep();
    SigsetAddr(d, d.u(1), 4);
    d.Sep();
    return;
  }
  if (d.failed() && d.u(2) != 0) {
    d.Hex(d.u(2));
  } else {
    SigsetAddr(d, d.u(2), 4);
  }
}

// sigpending(set): the pending set at exit.
void Sigpending(D& d) {
  if (d.entering()) return;
  if (d.failed()) {
    d.Ptr(d.u(0));
  } else {
    SigsetAddr(d, d.u(0), 4);
  }
}

// sigsuspend(history0, history1, mask): only the mask, a value.
void Sigsuspend(D& d) {
  if (d.entering()) OldSigsetValue(d.out, d.u32(2));
}

// sgetmask() and ssetmask(mask) return the (old) mask: in hex, then
// " (mask [...])" or " (old mask [...])".
void MaskResult(D& d, const char* what) {
  *d.fmt = SyscallEvent::RetFormat::kHex;
  if (d.suffix == nullptr) return;
  d.suffix->append(what);
  OldSigsetValue(d.suffix, static_cast<uint32_t>(d.ret));
  d.suffix->push_back(')');
}
void Sgetmask(D& d) {
  if (d.exiting) MaskResult(d, " (mask ");
}
void Ssetmask(D& d) {
  if (d.entering()) {
    OldSigsetValue(d.out, d.u32(0));
    return;
  }
  MaskResult(d, " (old mask ");
}

// sigreturn(): the mask it restores, from the signal frame. The restorer
// popped the signal number, so the stack pointer is at the frame's struct
// sigcontext_32 (88 bytes, oldmask at 80), followed by the unused
// struct _fpstate_32 (624 bytes) and extramask, the upper word.
constexpr uint64_t kSigcontextOldmask = 80;
constexpr uint64_t kSigframeExtramask = 88 + 624;

// Unreadable (or not verbose): the address of the sigcontext (the stack
// pointer) alone, as strace.
void Sigreturn(D& d) {
  if (!d.entering()) return;
  const uint64_t sp = d.c.stack_pointer & 0xffffffffu;
  uint32_t mask[2];
  if (!d.verbose ||
      d.dec->mem()->Read(d.c.tid, sp + kSigcontextOldmask, &mask[0], 4) != 4 ||
      d.dec->mem()->Read(d.c.tid, sp + kSigframeExtramask, &mask[1], 4) != 4) {
    d.Hex(sp);
    return;
  }
  d.Put("{mask=");
  AppendSigset(d.out, mask, sizeof(mask));
  d.out->push_back('}');
}

// rt_sigreturn() of i386: the handler's `ret` popped the frame's return
// address, leaving the stack pointer at sig, then come pinfo, puc, the
// siginfo (128 bytes) and the struct ucontext_ia32: uc_flags, uc_link,
// uc_stack (12), uc_mcontext (88), uc_sigmask.
constexpr uint64_t kRtSigframeSigmask = 4 + 4 + 4 + 128 + 4 + 4 + 12 + 88;

void RtSigreturn(D& d) {
  if (!d.entering()) return;
  d.Put("{mask=");
  SigsetAddr(d, (d.c.stack_pointer & 0xffffffffu) + kRtSigframeSigmask, 8);
  d.out->push_back('}');
}

// ---------------------------------------------------------------------------
// Thread areas and the LDT: struct user_desc.
// ---------------------------------------------------------------------------
struct UserDesc {
  uint32_t entry_number;
  uint32_t base_addr;
  uint32_t limit;
  uint32_t flags;  // seg_32bit:1, contents:2, read_exec_only:1, ...
};

// "%#08x": 0x0fffff, 00000000 for 0.
void Hex08(D& d, uint32_t v) {
  char buf[16];
  const int n = snprintf(buf, sizeof(buf), "%#08x", v);
  d.out->append(buf, n);
}

void UserDescFields(D& d, const UserDesc& u, bool with_number = true) {
  if (with_number) {
    d.Put("{entry_number=");
    d.Dec(static_cast<int32_t>(u.entry_number));
  }
  d.Put(", base_addr=");
  Hex08(d, u.base_addr);
  d.Put(", limit=");
  Hex08(d, u.limit);
  d.Put(", seg_32bit=");
  d.Udec(u.flags & 1);
  d.Put(", contents=");
  d.Udec((u.flags >> 1) & 3);
  d.Put(", read_exec_only=");
  d.Udec((u.flags >> 3) & 1);
  d.Put(", limit_in_pages=");
  d.Udec((u.flags >> 4) & 1);
  d.Put(", seg_not_present=");
  d.Udec((u.flags >> 5) & 1);
  d.Put(", useable=");
  d.Udec((u.flags >> 6) & 1);
  if (!d.i386) {  // x86_64's struct user_desc has lm (a 64-bit segment)
    d.Put(", lm=");
    d.Udec((u.flags >> 7) & 1);
  }
  d.out->push_back('}');
}

// set_thread_area(u_info): the struct at entry; on success the entry the
// kernel used (it fills it in for entry_number -1) after the result.
void SetThreadArea(D& d) {
  UserDesc u;
  if (d.entering()) {
    if (d.Fetch(d.u(0), &u, sizeof(u))) UserDescFields(d, u);
    return;
  }
  if (d.failed() || d.suffix == nullptr || !d.Peek(d.u(0), &u, sizeof(u))) {
    return;
  }
  d.suffix->append(" (entry_number=");
  AppendUnsigned(d.suffix, u.entry_number);
  d.suffix->push_back(')');
}

// get_thread_area(u_info): the struct at exit; when the call failed, only
// the entry asked for.
void GetThreadArea(D& d) {
  UserDesc u;
  if (d.entering()) {
    // As strace splits the line: "{entry_number=12" at entry (the number
    // the caller asks for), the rest at exit.
    if (d.Fetch(d.u(0), &u, sizeof(u))) {
      d.Put("{entry_number=");
      d.Dec(static_cast<int32_t>(u.entry_number));
      SaveForExit(d, 1);
    }
    return;
  }
  int64_t struct_shown;
  if (!TakeSaved(d, &struct_shown)) return;  // an address at entry
  if (d.failed() || d.dec->mem()->Read(d.c.tid, d.u(0), &u, sizeof(u)) !=
                        static_cast<ssize_t>(sizeof(u))) {
    d.Put(", ...}");
    return;
  }
  UserDescFields(d, u, /*with_number=*/false);
}

// modify_ldt(func, ptr, bytecount): ptr is a struct user_desc when
// bytecount is its size (whatever func is), else an address.
void ModifyLdt(D& d) {
  if (d.exiting) {
    // x86_64's modify_ldt returns its int result as an unsigned int (the
    // kernel's cast for glibc): an error shows as 4294967274, which strace
    // follows with the error it means ("4294967274 EINVAL (...)").
    if (!d.i386 && d.suffix != nullptr && d.ret >= 0xfffff001ll &&
        d.ret <= 0xffffffffll) {
      std::string& err = d.dec->scratch2();
      err.clear();
      AppendErrorResult(&err, -static_cast<int32_t>(d.ret));
      const size_t space = err.find(' ');
      if (space != std::string::npos) d.suffix->append(err, space);
    }
    return;
  }
  d.Dec(d.i32(0));
  d.Sep();
  UserDesc u;
  if (d.u(2) != sizeof(u)) {
    d.Ptr(d.u(1));
  } else if (d.Fetch(d.u(1), &u, sizeof(u))) {
    UserDescFields(d, u);
  }
  d.Sep();
  d.Udec(d.u(2));
}

// ---------------------------------------------------------------------------
// nice, stime, the old select.
// ---------------------------------------------------------------------------
void Nice(D& d) {
  if (d.entering()) d.Dec(d.i32(0));
}

// stime(tptr): the pointer only (strace does not read it).
void Stime(D& d) {  // the pointer at exit, as strace splits the line
  if (d.exiting) d.Ptr(d.u(0));
}

// select(args): i386's old select takes one pointer to its five arguments,
// printed as select's (NULL or the address when unreadable). The block is
// read even when the call is not verbose (-e verbose=), as strace.
void OldSelect(D& d) {
  uint32_t a[5];
  const bool ok =
      d.u(0) != 0 && d.dec->mem()->Read(d.c.tid, d.u(0), a, sizeof(a)) ==
                         static_cast<ssize_t>(sizeof(a));
  if (!ok) {
    if (d.entering()) d.Ptr(d.u(0));
    return;
  }
  SyscallCall c = d.c;
  for (int i = 0; i < 5; ++i) c.args[i] = a[i];
  c.args[5] = 0;
  Decoding args(d.dec, c, d.exiting, d.ret, d.out, d.fmt, d.suffix);
  SelectDecoder(args);
}

constexpr Registration kDecoders[] = {
    // Signals.
    {"sigaction", Sigaction, 0},
    {"signal", Signal, 0},
    {"sigprocmask", Sigprocmask, 0},
    {"sigpending", Sigpending, 0},
    {"sigsuspend", Sigsuspend, 0},
    {"sgetmask", Sgetmask, 0},
    {"ssetmask", Ssetmask, 0},
    {"sigreturn", Sigreturn, 0},
    {"rt_sigreturn", RtSigreturn, kI386Only},
    {"waitpid", Waitpid, kRetPidFlag},
    // 16-bit ids: decode_process.cc, beside the *32 calls.
    // Thread areas, the LDT (x86_64 has them too, with lm in user_desc).
    {"set_thread_area", SetThreadArea, 0},
    {"get_thread_area", GetThreadArea, 0},
    {"modify_ldt", ModifyLdt, 0},
    // Misc.
    {"nice", Nice, 0},
    {"stime", Stime, 0},
    {"select", OldSelect, kI386Only},
    // Clocks with 64-bit times.
};

}  // namespace

std::span<const Registration> I386ProcDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
