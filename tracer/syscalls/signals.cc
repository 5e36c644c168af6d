#include "tracer/syscalls/signals.h"

#include <signal.h>
#include <string.h>  // sigabbrev_np (glibc 2.32+, _GNU_SOURCE)

#include <cstring>
#include <iterator>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "tracer/syscalls/format.h"

namespace ttrace {
namespace {

constexpr int kRtMin = 32;  // kernel SIGRTMIN
constexpr int kRtMax = 64;  // kernel SIGRTMAX

// "SIG" + glibc's abbreviation for 1..31 (sigabbrev_np says "POLL" for 29,
// which strace names SIGIO), and the kernel's SIGRTMIN for 32. Built once.
struct SignalNames {
  std::string names[kRtMin + 1];
  SignalNames() {
    for (int s = 1; s < kRtMin; ++s) {
      const char* abbrev = s == SIGIO ? "IO" : sigabbrev_np(s);
      if (abbrev != nullptr) names[s] = std::string("SIG") + abbrev;
    }
    names[kRtMin] = "SIGRTMIN";
  }
};

const std::string* Names() {
  static const SignalNames* const table = new SignalNames();
  return table->names;
}

// si_code names: codes any signal may carry (asm-generic/siginfo.h), then
// each signal's own positive codes, indexed by code. The lists are strace
// 6.1's on x86_64, plus SEGV_CPERR (10, shadow stack faults, Linux 6.6),
// which later strace versions name too.
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
const char* CodeIn(const char* const (&table)[N], int code) {
  return code > 0 && static_cast<size_t>(code) < N ? table[code] : nullptr;
}

bool AllDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

const char* SignalNameOrNull(int64_t signo) {
  if (signo <= 0 || signo > kRtMin) return nullptr;
  const std::string& name = Names()[signo];
  return name.empty() ? nullptr : name.c_str();
}

const char* SiCodeNameOrNull(int signo, int code) {
  if (const char* name = GenericCodeName(code)) return name;
  switch (signo) {
    case SIGILL:
      return CodeIn(kIllCodes, code);
    case SIGFPE:
      return CodeIn(kFpeCodes, code);
    case SIGSEGV:
      return CodeIn(kSegvCodes, code);
    case SIGBUS:
      return CodeIn(kBusCodes, code);
    case SIGTRAP:
      return CodeIn(kTrapCodes, code);
    case SIGCHLD:
      return CodeIn(kChldCodes, code);
    case SIGIO:  // == SIGPOLL
      return CodeIn(kPollCodes, code);
    case SIGSYS:
      return CodeIn(kSysCodes, code);
  }
  return nullptr;
}

void AppendSignal(std::string* out, int64_t signo) {
  const size_t mark = out->size();
  if (const char* name = SignalNameOrNull(signo)) {
    out->append(name);
  } else if (signo > kRtMin && signo <= kRtMax) {
    out->append("SIGRT_");
    AppendUnsigned(out, signo - kRtMin);
  } else {
    AppendSigned(out, static_cast<int>(signo));
    return;
  }
  RestyleConst(out, mark, RawConst::Dec(signo));
}

void AppendSigset(std::string* out, const void* bytes, size_t nbytes) {
  // Whole 32-bit words, at most 64 signals (strace's NSIG_BYTES = 8).
  uint32_t words[2] = {0, 0};
  size_t nwords = nbytes >= 8 ? 2 : (nbytes + 3) / 4;
  memcpy(words, bytes, nbytes < 8 ? nbytes : 8);
  int count = 0;
  for (size_t i = 0; i < nwords; ++i) count += __builtin_popcount(words[i]);
  if (count >= static_cast<int>(nwords * 32 * 2 / 3)) {
    for (size_t i = 0; i < nwords; ++i) words[i] = ~words[i];
    out->push_back('~');
  }
  char sep = '[';
  for (size_t bit = 0; bit < nwords * 32; ++bit) {
    if (!(words[bit / 32] & (1u << (bit % 32)))) continue;
    const int sig = static_cast<int>(bit) + 1;
    out->push_back(sep);
    sep = ' ';
    // Named without "SIG"; -X raw: the number, -X verbose: "10 /* USR1 */".
    const size_t mark = out->size();
    if (sig <= kRtMin) {
      out->append(Names()[sig], 3);
    } else if (sig <= kRtMax) {
      out->append("RT_");
      AppendUnsigned(out, sig - kRtMin);
    } else {
      AppendUnsigned(out, sig);
      continue;
    }
    RestyleConst(out, mark, RawConst::Dec(sig));
  }
  if (sep == '[') out->push_back('[');
  out->push_back(']');
}

int SignalNumber(absl::string_view token) {
  if (!token.empty() && token[0] >= '0' && token[0] <= '9') {
    uint32_t n;
    if (!AllDigits(token) || !absl::SimpleAtoi(token, &n) || n > 255) {
      return -1;
    }
    return static_cast<int>(n);
  }
  if (token.size() >= 3 && absl::EqualsIgnoreCase(token.substr(0, 3), "SIG")) {
    token.remove_prefix(3);
  }
  const std::string* names = Names();
  for (int s = 1; s <= kRtMin; ++s) {
    if (absl::EqualsIgnoreCase(token, absl::string_view(names[s]).substr(3))) {
      return s;
    }
  }
  // RT_1 .. RT_32
  if (token.size() > 3 && absl::EqualsIgnoreCase(token.substr(0, 3), "RT_")) {
    absl::string_view num = token.substr(3);
    uint32_t n;
    if (AllDigits(num) && num[0] != '0' && absl::SimpleAtoi(num, &n) &&
        n >= 1 && n <= kRtMax - kRtMin) {
      return kRtMin + static_cast<int>(n);
    }
  }
  return -1;
}

}  // namespace ttrace
