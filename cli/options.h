// Options: ttrace's command line, parsed into a plain struct. Pure: no
// ptrace, no I/O; the caller (main) decides what to print and how to exit.
// Option names and semantics follow strace 6.1 wherever strace has the
// option.
//
// Usage:
//   absl::StatusOr<Options> options = ParseOptions(argc, argv);
//   if (!options.ok()) {
//     std::cerr << "ttrace: " << options.status().message() << "\n"
//               << "Try 'ttrace -h' for more information.\n";
//     return 2;
//   }
//   if (options->help) { std::cout << UsageText(); return 0; }
#ifndef TTRACE_CLI_OPTIONS_H_
#define TTRACE_CLI_OPTIONS_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "output/summary.h"
#include "tracer/syscalls/filter.h"
#include "tracer/syscalls/format.h"
#include "tracer/syscalls/inject.h"

namespace ttrace {

enum class OutputFormat { kText, kJson, kBinary, kPerfetto };

// -c: only the summary table; -C: the trace and the summary.
enum class Summary { kNone, kOnly, kAlso };

// -t, -tt, -ttt (or more t's, as strace), -r.
enum class Timestamps { kNone, kTime, kTimeUs, kEpochUs, kRelative };

struct Options {
  std::vector<std::string> command;  // COMMAND ARG...; may be empty with -p
  std::vector<pid_t> pids;           // -p, in order, deduplicated, all > 0
  std::string user;                  // -u USER: run the command as USER
  // -P PATH: only syscalls that touch PATH (by a path or an fd argument).
  std::vector<std::string> trace_paths;
  std::vector<std::string> env;  // -E VAR=VAL / -E VAR, in order
  bool follow_forks = false;     // -f, -ff
  std::string output_path;       // -o; empty = standard error
  bool append_output = false;    // -A: -o FILE opened for appending
  // -ff (--output-separately) with -o PREFIX: each thread's trace goes to
  // PREFIX.TID, as strace (text only). Without -o, -ff is -f.
  bool output_separately = false;
  OutputFormat format = OutputFormat::kText;
  Timestamps timestamps = Timestamps::kNone;
  // strace's precisions, as digits after the seconds' point (0, 3, 6, 9):
  // of the absolute timestamp (--absolute-timestamps=FORMAT,PRECISION;
  // -1: the kind's own, 0 for -t, 6 for -tt and -ttt), of -r's (also
  // printed in parentheses after an absolute one when both are asked for:
  // relative_too) and of -T's.
  int absolute_digits = -1;
  bool relative_too = false;
  int relative_digits = 6;
  int duration_digits = 6;
  // -e trace=EXPR (default: all syscalls), -e signal=SET, -e status=SET,
  // -z, -Z.
  SyscallFilter trace_filter = SyscallFilter::All();
  SignalSet signal_filter = SignalSet::All();
  StatusFilter status_filter = StatusFilter::All();
  QuietSet quiet = QuietSet::None();  // -q, -qq, -qqq, -e quiet=SET
  // One of those was given. Without, -o FILE leaves out the personality
  // line ("[ Process PID=N runs in 32 bit mode. ]"), as strace does.
  bool quiet_given = false;
  // -e raw=SET: syscalls printed undecoded (hex arguments and result).
  SyscallFilter raw_filter = SyscallFilter::None();
  // -e inject=SET:error=E|retval=N[:when=W], -e fault=SET[:error=E][:when=W].
  InjectRules inject;
  // False when the trace filter selects no syscall (-e trace=none): thread
  // events only.
  bool trace_syscalls = true;
  int string_limit = 32;   // -s N
  int result_column = 40;  // -a N: " = " at column N (1-based)
  // -e abbrev=SET (-v: none): syscalls whose big structures and arrays
  // are abbreviated. -e verbose=SET: syscalls whose structures are
  // dereferenced (the others': bare addresses).
  SyscallFilter abbrev_filter = SyscallFilter::All();
  SyscallFilter verbose_filter = SyscallFilter::All();
  bool decode_fds = false;   // -y
  bool decode_pids = false;  // -Y, --decode-pids=comm
  // -e kvm=vcpu, --kvm=vcpu: " (KVM_EXIT_IO)" after a KVM_RUN's result.
  bool kvm_vcpu = false;
  // --pidns-translation, --decode-pids=pidns: ids a tracee in another pid
  // namespace uses, followed by ttrace's ("1 /* 10548 in ttrace's PID NS
  // */").
  bool pidns_translation = false;
  // -yy, -e decode-fds=socket,dev,pidfd: sockets' addresses, devices'
  // numbers, pidfds' processes.
  bool fd_sockets = false;
  bool fd_devices = false;
  bool fd_pidfds = false;
  // -x, -xx, --strings-in-hex[=none|non-ascii-chars|non-ascii|all].
  HexStrings hex_strings = HexStrings::kNone;
  // -X, --const-print-style=raw|abbrev|verbose.
  XlatStyle xlat_style = XlatStyle::kAbbrev;
  bool show_duration = false;         // -T
  bool syscall_numbers = false;       // -n: "[  39] " before each line
  bool instruction_pointers = false;  // -i: "[00007f...] " before each line
  bool stack_traces = false;          // -k: each syscall's call stack
  // -e read=SET, -e write=SET: dump the data of these descriptors.
  FdSet dump_read = FdSet::None();
  FdSet dump_write = FdSet::None();
  Summary summary = Summary::kNone;
  // -w: the summary sums the wall-clock time in calls; by default, as
  // strace, the system CPU time.
  bool summary_wall_clock = false;
  // -S: the summary's row order.
  SummarySink::SortBy summary_sort_by = SummarySink::SortBy::kTime;
  // -S was given (without -c/-C strace warns that it has no effect).
  bool summary_sort_by_given = false;
  // -U: the summary's columns (empty: strace's default set).
  std::vector<SummarySink::Column> summary_columns;
  // -O: taken off each call's time in the summary.
  int64_t summary_overhead_ns = 0;
  // --seccomp-bpf: stop the spawned command only at traced syscalls.
  // Without it, seccomp-bpf is still used where it cannot change what is
  // reported (see README.md).
  bool seccomp_bpf = false;
  // --kill-on-exit: if ttrace dies, the kernel kills the traced processes.
  bool kill_on_exit = false;
  // -b execve, --detach-on=execve: stop tracing a process when it execs
  // (not the command's own exec).
  bool detach_on_exec = false;
  // -D, -DD, -DDD, --daemonize[=grandchild|pgroup|session]: PROG keeps
  // ttrace's pid and parent; ttrace traces it from a grandchild.
  enum class Daemonize { kNo, kGrandchild, kProcessGroup, kSession };
  Daemonize daemonize = Daemonize::kNo;
  // -I, --interruptible: what SIGINT, SIGTERM, SIGHUP and SIGQUIT do to
  // ttrace. kAnywhere and kWaiting (strace's 1 and 2, the default): detach
  // from attached processes (a spawned command gets them itself); kNever
  // (3): blocked, tracing goes on; kNeverTstp (4): SIGTSTP blocked too.
  enum class Interruptible { kAnywhere = 1, kWaiting, kNever, kNeverTstp };
  Interruptible interruptible = Interruptible::kWaiting;
  std::string record_path;  // --record=FILE: also write the binary stream
  // --binary-args=text: the binary stream (--format=binary, --record) holds
  // every call's arguments as text, which any reader of the format can
  // show. The default (memory) records the common calls as the memory
  // their decoders read (tracer/syscalls/capture.h): a smaller record,
  // whose text only ttrace's decoders make.
  bool binary_args_text = false;
  std::string decode_path;  // --decode=FILE: print a recorded trace
  bool help = false;        // -h: print UsageText(); nothing else is checked
  bool version = false;     // -V: print the version; no command is required
};

// Parses argv (argv[0] is the program name). Options end at the first
// non-option argument (the command) or at "--".
// Errors are InvalidArgument whose message is one line, without a trailing
// period, for "ttrace: <message>"; the caller adds
// "Try 'ttrace -h' for more information." when WantsUsageHint() says so
// and exits with status 2.
// Not thread-safe: uses getopt_long's global state (reset on every call, so
// repeated calls are fine). getopt_long does not permute argv here, but the
// caller should not rely on argv being untouched.
absl::StatusOr<Options> ParseOptions(int argc, char** argv);

// Whether ParseOptions' error wants the "Try 'ttrace -h'" line after it.
// Not for -e expressions and -p ids, which strace reports on one line.
bool WantsUsageHint(const absl::Status& error);

// The full -h text, ending with a newline.
std::string UsageText();

}  // namespace ttrace

#endif  // TTRACE_CLI_OPTIONS_H_
