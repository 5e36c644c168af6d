#include "tracer/syscalls/signals.h"

#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "tracer/syscalls/format.h"

namespace ttrace {
namespace {

constexpr int kRtMin = 32;  // kernel SIGRTMIN
constexpr int kRtMax = 64;  // kernel SIGRTMAX

constexpr const char* kNames[] = {
    nullptr,   "SIGHUP",  "SIGINT",    "SIGQUIT", "SIGILL",    "SIGTRAP",
    "SIGABRT", "SIGBUS",  "SIGFPE",    "SIGKILL", "SIGUSR1",   "SIGSEGV",
    "SIGUSR2", "SIGPIPE", "SIGALRM",   "SIGTERM", "SIGSTKFLT", "SIGCHLD",
    "SIGCONT", "SIGSTOP", "SIGTSTP",   "SIGTTIN", "SIGTTOU",   "SIGURG",
    "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",  "SIGIO",
    "SIGPWR",  "SIGSYS",  "SIGRTMIN",
};
static_assert(sizeof(kNames) / sizeof(kNames[0]) == kRtMin + 1);

bool AllDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

const char* SignalNameOrNull(int64_t signo) {
  return signo > 0 && signo <= kRtMin ? kNames[signo] : nullptr;
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
      out->append(kNames[sig] + 3);
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
  for (int s = 1; s <= kRtMin; ++s) {
    if (absl::EqualsIgnoreCase(token, kNames[s] + 3)) return s;
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
