// Signal names, si_code names and signal sets as strace 6.1 prints them on
// x86 Linux; shared by the syscall decoders and the formatters' signal lines.
//
// Usage:
//   AppendSignal(&out, SIGUSR1);          // "SIGUSR1"
//   SiCodeNameOrNull(SIGSEGV, 1);         // "SEGV_MAPERR"
//   AppendSignal(&out, 34);               // "SIGRT_2" (kernel numbering)
//   AppendSignal(&out, 65);               // "65"
//   AppendSigset(&out, bytes, 8);         // "[USR1 USR2]", "~[RTMIN RT_1]"
//   SignalNumber("usr1");                 // 10 (strace's -e signal= rules)
//
// Realtime signals are named from the kernel's SIGRTMIN (32): 32 is
// "SIGRTMIN", 33..64 are "SIGRT_1".."SIGRT_32".
//
// AppendSignal and AppendSigset follow the thread's -X style (format.h):
// raw "10", "[10 32]"; verbose "10 /* SIGUSR1 */", "[10 /* USR1 */]".
#ifndef TTRACE_TRACER_SYSCALLS_SIGNALS_H_
#define TTRACE_TRACER_SYSCALLS_SIGNALS_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace ttrace {

// "SIGHUP".."SIGSYS", "SIGRTMIN" for 1..32; nullptr otherwise.
const char* SignalNameOrNull(int64_t signo);

// The si_code's name: a code any signal may carry ("SI_TKILL"; these win,
// as in strace), else the signal's own ("SEGV_MAPERR", "CLD_EXITED");
// nullptr when it has none.
const char* SiCodeNameOrNull(int signo, int code);

// strace's signame(): the name, "SIGRT_n" for 33..64, else the decimal
// number.
void AppendSignal(std::string* out, int64_t signo);

// strace's sprintsigmask_n(): a sigset of `nbytes` bytes (x86 byte order),
// as "[HUP INT]"; "~[...]" listing the absent signals when at least two
// thirds are present; "[]" when empty.
void AppendSigset(std::string* out, const void* bytes, size_t nbytes);

// The number for a -e signal= token: a decimal 0..255, or a name with or
// without "SIG", any case ("usr1", "SIGRT_3", "RTMIN"). -1 if invalid.
int SignalNumber(absl::string_view token);

}  // namespace ttrace

#endif  // TTRACE_TRACER_SYSCALLS_SIGNALS_H_
