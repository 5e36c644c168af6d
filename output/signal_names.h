// Signal and si_code names, spelled the way strace 6.1 prints them on
// x86_64 Linux, without -X styling. Shared by the text, JSON and Perfetto
// formatters.
//
// Usage:
//   SignalName(SIGUSR1);             // "SIGUSR1"
//   SignalName(35);                  // "SIGRT_3" (kernel numbering)
//   SiCodeName(SIGSEGV, 1);          // "SEGV_MAPERR"
//   SiCodeName(SIGUSR1, -6);         // "SI_TKILL"
//   AppendSignalName(&line, signo);  // no allocation beyond `line`
//
// Realtime signals are named relative to the kernel's SIGRTMIN (32), not
// glibc's (34, which hides the two signals glibc reserves for itself):
// 32 is "SIGRTMIN", 33..64 are "SIGRT_1".."SIGRT_32", exactly as strace
// prints them. Numbers with no name print as decimal ("0", "65").
// Unknown si_codes print as strace prints them: "%#x" of the code taken as
// unsigned ("0x7b", "0xfffffff6").
#ifndef TTRACE_OUTPUT_SIGNAL_NAMES_H_
#define TTRACE_OUTPUT_SIGNAL_NAMES_H_

#include <string>

#include "tracer/syscalls/signals.h"

namespace ttrace {

// "SIGUSR1", "SIGIO", "SIGRTMIN", "SIGRT_3", or the decimal number.
std::string SignalName(int signo);

// "SI_TKILL", "SEGV_MAPERR", "CLD_EXITED", ... or "0x7b" when unknown.
// Generic SI_* codes win over per-signal ones (like strace).
std::string SiCodeName(int signo, int code);

// The same names appended to *out (for formatters that reuse a buffer).
void AppendSignalName(std::string* out, int signo);
void AppendSiCodeName(std::string* out, int signo, int code);

// The tables behind these, and SignalNameOrNull/SiCodeNameOrNull (the name
// or nullptr, never a number), are tracer/syscalls/signals.h's.

}  // namespace ttrace

#endif  // TTRACE_OUTPUT_SIGNAL_NAMES_H_
