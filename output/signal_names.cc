#include "output/signal_names.h"

#include <signal.h>
#include <string.h>  // sigabbrev_np (glibc 2.32+, _GNU_SOURCE)

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace ttrace {
namespace {

// The kernel's realtime range (asm/signal.h); glibc's SIGRTMIN is 34
// because it reserves 32 and 33, but strace names by the kernel's numbers.
constexpr int kKernelSigRtMin = 32;
constexpr int kKernelSigRtMax = 64;

// "SIG" + abbreviation for 1..31. Built once; sigabbrev_np returns
// "POLL" for 29 where strace prints "SIGIO", so that one is overridden.
struct SignalTable {
  std::string names[kKernelSigRtMin];
  SignalTable() {
    for (int s = 1; s < kKernelSigRtMin; ++s) {
      if (s == SIGIO) {
        names[s] = "SIGIO";
        continue;
      }
      const char* abbrev = sigabbrev_np(s);
      if (abbrev != nullptr) names[s] = absl::StrCat("SIG", abbrev);
    }
  }
};

const SignalTable& Signals() {
  static const SignalTable* const table = new SignalTable();
  return *table;
}

// Codes any signal may carry (asm-generic/siginfo.h, x86_64 values).
const char* GenericCodeName(int code) {
  switch (code) {
    case SI_USER:  // 0
      return "SI_USER";
    case SI_KERNEL:  // 0x80
      return "SI_KERNEL";
    case SI_QUEUE:  // -1
      return "SI_QUEUE";
    case SI_TIMER:  // -2
      return "SI_TIMER";
    case SI_MESGQ:  // -3
      return "SI_MESGQ";
    case SI_ASYNCIO:  // -4
      return "SI_ASYNCIO";
    case SI_SIGIO:  // -5
      return "SI_SIGIO";
    case SI_TKILL:  // -6
      return "SI_TKILL";
    case -7:  // SI_DETHREAD: sent by the kernel when a thread group execs
      return "SI_DETHREAD";
    case SI_ASYNCNL:  // -60
      return "SI_ASYNCNL";
  }
  return nullptr;
}

// Per-signal positive codes, indexed by code (index 0 unused). The lists
// are the ones strace 6.1 knows on x86_64, plus SEGV_CPERR (10, shadow
// stack faults, Linux 6.6) which newer strace versions print too.
constexpr const char* kIllCodes[] = {
    nullptr,      "ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP",
    "ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK", "ILL_BADIADDR"};
constexpr const char* kFpeCodes[] = {
    nullptr,      "FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV",
    "FPE_FLTOVF", "FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV",
    "FPE_FLTSUB", nullptr,      nullptr,      nullptr,
    nullptr,      nullptr,      "FPE_FLTUNK", "FPE_CONDTRAP"};
constexpr const char* kSegvCodes[] = {
    nullptr,        "SEGV_MAPERR",  "SEGV_ACCERR",  "SEGV_BNDERR",
    "SEGV_PKUERR",  "SEGV_ACCADI",  "SEGV_ADIDERR", "SEGV_ADIPERR",
    "SEGV_MTEAERR", "SEGV_MTESERR", "SEGV_CPERR"};
constexpr const char* kBusCodes[] = {nullptr,         "BUS_ADRALN",
                                     "BUS_ADRERR",    "BUS_OBJERR",
                                     "BUS_MCEERR_AR", "BUS_MCEERR_AO"};
constexpr const char* kTrapCodes[] = {
    nullptr,       "TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH",
    "TRAP_HWBKPT", "TRAP_UNK",   "TRAP_PERF"};
constexpr const char* kChldCodes[] = {
    nullptr,       "CLD_EXITED",  "CLD_KILLED",   "CLD_DUMPED",
    "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"};
constexpr const char* kPollCodes[] = {nullptr,    "POLL_IN",  "POLL_OUT",
                                      "POLL_MSG", "POLL_ERR", "POLL_PRI",
                                      "POLL_HUP"};
constexpr const char* kSysCodes[] = {nullptr, "SYS_SECCOMP",
                                     "SYS_USER_DISPATCH"};

template <size_t N>
const char* Lookup(const char* const (&table)[N], int code) {
  if (code <= 0 || static_cast<size_t>(code) >= N) return nullptr;
  return table[code];
}

}  // namespace

const char* SignalNameOrNull(int signo) {
  if (signo > 0 && signo < kKernelSigRtMin) {
    const std::string& name = Signals().names[signo];
    return name.empty() ? nullptr : name.c_str();
  }
  if (signo == kKernelSigRtMin) return "SIGRTMIN";
  return nullptr;
}

void AppendSignalName(std::string* out, int signo) {
  if (const char* name = SignalNameOrNull(signo)) {
    out->append(name);
  } else if (signo > kKernelSigRtMin && signo <= kKernelSigRtMax) {
    absl::StrAppend(out, "SIGRT_", signo - kKernelSigRtMin);
  } else {
    absl::StrAppend(out, signo);
  }
}

std::string SignalName(int signo) {
  std::string s;
  AppendSignalName(&s, signo);
  return s;
}

const char* SiCodeNameOrNull(int signo, int code) {
  if (const char* name = GenericCodeName(code)) return name;
  switch (signo) {
    case SIGILL:
      return Lookup(kIllCodes, code);
    case SIGFPE:
      return Lookup(kFpeCodes, code);
    case SIGSEGV:
      return Lookup(kSegvCodes, code);
    case SIGBUS:
      return Lookup(kBusCodes, code);
    case SIGTRAP:
      return Lookup(kTrapCodes, code);
    case SIGCHLD:
      return Lookup(kChldCodes, code);
    case SIGIO:  // == SIGPOLL
      return Lookup(kPollCodes, code);
    case SIGSYS:
      return Lookup(kSysCodes, code);
  }
  return nullptr;
}

void AppendSiCodeName(std::string* out, int signo, int code) {
  if (const char* name = SiCodeNameOrNull(signo, code)) {
    out->append(name);
  } else {
    absl::StrAppendFormat(out, "%#x", static_cast<uint32_t>(code));
  }
}

std::string SiCodeName(int signo, int code) {
  std::string s;
  AppendSiCodeName(&s, signo, code);
  return s;
}

}  // namespace ttrace
