#include "output/signal_names.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tracer/syscalls/signals.h"

namespace ttrace {
namespace {

// The kernel's realtime range (asm/signal.h); glibc's SIGRTMIN is 34
// because it reserves 32 and 33, but strace names by the kernel's numbers.
constexpr int kKernelSigRtMin = 32;
constexpr int kKernelSigRtMax = 64;

}  // namespace

// The names themselves are the decoders' (tracer/syscalls/signals.h), so
// that a signal line and a siginfo argument spell a signal alike; these
// print them without the -X styling the decoders apply.
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
