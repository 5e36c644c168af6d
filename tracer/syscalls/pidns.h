// Process ids across pid namespaces: strace's --pidns-translation
// (--decode-pids=pidns) and -Y in containers.
//
// A tracee in a pid namespace below ttrace's (a container, `unshare -p`)
// numbers processes its own way: its getpid() may be 1. The kernel reports
// the ids a tracee passes or receives (kill's argument, getpid's result, a
// signal's si_pid) in the tracee's namespace; ttrace's own view (the
// `[pid N]` prefixes, /proc) is in ttrace's. TranslatePid finds the process
// or thread the tracee means and gives its id in ttrace's namespace.
//
// Usage:
//   pid_t ours;
//   if (TranslatePid(tracee_tid, 1, &ours)) ...  // ours: e.g. 10548
#ifndef TTRACE_TRACER_SYSCALLS_PIDNS_H_
#define TTRACE_TRACER_SYSCALLS_PIDNS_H_

#include <sys/types.h>

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"

namespace ttrace {

// What an id names: a process or thread, a process group, a session.
enum class IdKind : uint8_t { kPid, kPgid, kSid };

// The ids of a /proc/PID/status text's line for `kind` ("NSpid:",
// "NSpgid:", "NSsid:"), from ttrace's namespace (first) to the process's
// own (last); empty when there is no such line or it is malformed.
std::vector<int64_t> ParseNsIds(absl::string_view status, IdKind kind);

// Whether thread `tid` is in ttrace's own pid namespace (false for
// another, or when /proc cannot tell).
bool InTtracePidNs(pid_t tid);

// Id `id` of `kind` as thread `seen_by` numbers it, in ttrace's pid
// namespace. False when `seen_by` is in ttrace's own namespace (nothing to
// translate), or no live or zombie process or thread has that id (or is in
// that group or session) there. Looks through /proc (remembering what it
// found), as strace does.
bool TranslatePid(pid_t seen_by, int64_t id, IdKind kind, pid_t* ours);

}  // namespace ttrace

#endif  // TTRACE_TRACER_SYSCALLS_PIDNS_H_
