// Errno names and syscall error results, spelled the way strace 6.1 prints
// them on x86_64 Linux. Used by the text formatter (= -1 ENOENT (...)), the
// JSON formatter ("err") and the -c summary (error counts).
//
// Usage:
//   ErrnoName(ENOENT);             // "ENOENT"
//   ErrnoName(512);                // "ERESTARTSYS" (kernel-internal)
//   ErrnoName(600);                // nullptr
//   IsErrorReturn(-2);             // true: ret in [-4095, -1]
//   AppendErrorResult(&line, 2);   // "-1 ENOENT (No such file or directory)"
//   AppendErrorResult(&line, 514); // "? ERESTARTNOHAND (To be restarted if
//                                  //  no handler)"
//   AppendErrorResult(&line, 600); // "-1 (errno 600)"
//
// Names: glibc's strerrorname_np for ordinary errnos (1..133 on Linux; the
// holes 41 and 58 have none), plus the kernel-internal codes that strace 6.1
// knows and glibc does not: ERESTARTSYS (512), ERESTARTNOINTR (513),
// ERESTARTNOHAND (514), ENOIOCTLCMD (515), ERESTART_RESTARTBLOCK (516),
// EPROBE_DEFER (517), EOPENSTALE (518), EBADHANDLE (521) .. ERECALLCONFLICT
// (530). strace 6.1 names neither 519 (ENOPARAM) nor 531 (ENOGRACE), so
// neither does this table. Descriptions are glibc's untranslated
// strerrordesc_np text ("Unknown error 515" when it has none), except for
// the four restart codes, for which strace prints its own text and "?"
// instead of "-1" (the call is restarted or was interrupted: it did not
// fail from the program's point of view). All of this was checked against
// strace 6.1 with a seccomp filter returning each errno value 1..4095.
#ifndef TTRACE_OUTPUT_ERRNO_NAMES_H_
#define TTRACE_OUTPUT_ERRNO_NAMES_H_

#include <cstdint>
#include <string>

#include "tracer/event.h"

namespace ttrace {

// The largest errno a syscall can return (the kernel's MAX_ERRNO): a raw
// return value in [-kMaxErrno, -1] is -errno.
inline constexpr int kMaxErrno = 4095;

// True when a raw syscall return value is an error (-errno).
inline bool IsErrorReturn(int64_t ret) { return ret < 0 && ret >= -kMaxErrno; }

// "ENOENT", "ERESTARTSYS", ... or nullptr when strace has no name for it.
const char* ErrnoName(int err);

// The text strace prints in parentheses after the name: "No such file or
// directory", "To be restarted if SA_RESTART is set", or nullptr when there
// is none (then strace prints "Unknown error N", see AppendErrorResult).
const char* ErrnoDescription(int err);

// Appends what strace prints after "= " for a call that returned -err:
//   "-1 ENOENT (No such file or directory)"
//   "-1 ENOIOCTLCMD (Unknown error 515)"
//   "? ERESTARTSYS (To be restarted if SA_RESTART is set)"
//   "-1 (errno 600)"                  (no name)
// With `raw` (strace's -e raw= for the call) the restart codes are
// printed as other errors, "-1 ERESTARTSYS (Unknown error 512)".
// No allocation beyond the growth of *out.
void AppendErrorResult(std::string* out, int err, bool raw = false);

// Appends strace's marks after a call's result, for -e inject: " (INJECTED)"
// (the result was replaced), " (INJECTED: args)" (memory the arguments
// point to was changed), " (INJECTED: args, retval)" (both), then
// " (DELAYED)".
void AppendInjectMarks(std::string* out, const SyscallEvent& call);

// A call's result as the text shows it after " = ": "?" when it never
// returned; else the value in its RetFormat (an error as
// AppendErrorResult), its ret_suffix and the inject marks.
void AppendSyscallResult(std::string* out, const SyscallEvent& call);

// Appends the name, or the decimal number when there is none ("600").
void AppendErrnoNameOrNumber(std::string* out, int err);

// An errno value inside a structure (siginfo's si_errno) as strace prints
// it in the current -X style: "ESRCH" (-X raw: "3", -X verbose:
// "3 /* ESRCH */"), or the number, unsigned, when it has no name
// ("4294967293").
void AppendErrnoConst(std::string* out, int err);

}  // namespace ttrace

#endif  // TTRACE_OUTPUT_ERRNO_NAMES_H_
