// seccomp-bpf for narrow trace filters (strace's --seccomp-bpf): a BPF
// program that returns SECCOMP_RET_TRACE for the traced syscalls and
// SECCOMP_RET_ALLOW for the rest, so the tracee stops only at syscalls
// the user asked for.
//
// Usage (spawning a command):
//   absl::StatusOr<std::vector<sock_filter>> prog = BuildSeccompFilter(f);
//   // BEFORE fork: the child may not allocate.
//   pid_t pid = fork();
//   if (pid == 0) {
//     ... become traced (PTRACE_TRACEME / wait to be seized), with
//     PTRACE_O_TRACESECCOMP set by the tracer ...
//     if (InstallSeccompFilter(prog->data(), prog->size()) != 0) _exit(..);
//     execve(...);
//   }
//   // Tracer: PTRACE_EVENT_SECCOMP stops mark traced syscalls' entries;
//   // resume them with PTRACE_SYSCALL to see the exit, and everything
//   // else with PTRACE_CONT.
//
// When to use it (SeccompUsable):
//   - Not for `all`: every syscall stops anyway. Not for `none`: resume
//     with PTRACE_CONT instead, nothing needs to stop.
//   - Only for a command ttrace spawns and keeps tracing to its end
//     (never for -p attach): a filter is inherited by every child and
//     cannot be removed, and SECCOMP_RET_TRACE with no tracer attached
//     makes the syscall fail with ENOSYS. So once a filtered process is
//     detached (ttrace killed, or detaching on exit) it breaks. The
//     tracer must set PTRACE_O_TRACESECCOMP before the filter is
//     installed for the same reason.
//   - Installing a filter needs CAP_SYS_ADMIN or no_new_privs. When ttrace
//     lacks CAP_SYS_ADMIN, InstallSeccompFilter sets PR_SET_NO_NEW_PRIVS,
//     which stops set-user-ID / file-capability programs from gaining
//     privileges across exec (sudo, ping): that changes behaviour, so
//     make seccomp the default only when SeccompNeedsNoNewPrivs() is
//     false, and otherwise on request (--seccomp-bpf).
//   - x32 syscalls and numbers >= SyscallTable::kMaxNr are traced exactly
//     when the filter traces "everything else" (negated expressions).
//   - i386's socketcall and ipc stop when any call they make is traced
//     (`-e trace=socket`): which call it is shows only at the stop.
#ifndef TTRACE_TRACER_SYSCALLS_SECCOMP_FILTER_H_
#define TTRACE_TRACER_SYSCALLS_SECCOMP_FILTER_H_

#include <linux/filter.h>

#include <cstddef>
#include <vector>

#include "absl/status/statusor.h"
#include "tracer/syscalls/filter.h"

namespace ttrace {

// The program for both x86_64 and i386 tracees (syscalls of other arches
// return SECCOMP_RET_TRACE). Written directly rather than through
// libseccomp, whose rules are keyed by native syscall numbers and
// cannot name i386-only syscalls exactly. An error only if the program
// would exceed BPF_MAXINSNS (it cannot for kMaxNr = 512).
absl::StatusOr<std::vector<sock_filter>> BuildSeccompFilter(
    const SyscallFilter& filter);

// False for `all` and `none` (see above).
bool SeccompUsable(const SyscallFilter& filter);

// True if this process lacks CAP_SYS_ADMIN, so installing a filter in a
// child requires no_new_privs.
bool SeccompNeedsNoNewPrivs();

// Installs the program on the calling thread (and what it later forks):
// seccomp(SECCOMP_SET_MODE_FILTER) directly, and if that is refused for
// lack of privilege, after prctl(PR_SET_NO_NEW_PRIVS). Async-signal-safe
// (no allocation): fine between fork and exec. Returns 0 or an errno.
int InstallSeccompFilter(const sock_filter* prog, size_t len);

}  // namespace ttrace

#endif  // TTRACE_TRACER_SYSCALLS_SECCOMP_FILTER_H_
