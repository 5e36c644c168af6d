// Helpers for end-to-end tests of the ttrace binary (and of strace): run a
// program with arguments, capture its standard output and error and its wait
// status, and never hang: every wait has a deadline after which the program's
// whole process group is killed.
//
// Usage:
//   ProcessResult r = RunProcess({TtracePath(), "-e", "trace=none", "true"});
//   EXPECT_EQ(r.ExitCode(), 0) << r.Describe();
//
//   Subprocess p({TtracePath(), "-p", "123", "-o", file});
//   WaitFor([&] { return ReadFileOrEmpty(file).find("attached") != npos; });
//   kill(p.pid(), SIGINT);
//   ProcessResult r = p.Wait();
#ifndef TTRACE_TESTS_CLI_UTIL_H_
#define TTRACE_TESTS_CLI_UTIL_H_

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace ttrace::testing {

// $TEST_SRCDIR/$TEST_WORKSPACE/<relative>: a data dependency of the test.
std::string RunfilePath(absl::string_view relative);
// The ttrace binary (data dep //cli:ttrace).
std::string TtracePath();
// A tracee program from tests/tracees (data dep //tests/tracees:NAME).
std::string TraceeBinary(absl::string_view name);

// $TEST_TMPDIR (or /tmp), and a new, not yet existing path inside it.
std::string TestTempDir();
std::string NewTempPath(absl::string_view stem);

// The whole file, or "" if it cannot be read.
std::string ReadFileOrEmpty(const std::string& path);
// Lines without their '\n'; a last line without '\n' is kept.
std::vector<std::string> SplitLines(absl::string_view text);
// A trace line's thread prefix: "[pid  123] body" (ttrace and strace on
// standard error, while several threads are traced) or "123   body" (both
// with -o FILE and -f). Returns the tid and sets *body to the rest; returns
// -1 and the whole line for a line without a prefix (timestamps are not
// taken for one: they contain ':' or '.').
int SplitPidPrefix(absl::string_view line, absl::string_view* body);
// Replaces each pid where syscall lines print one (the first argument of
// kill-like calls, tgkill's second, fcntl F_SETOWN's, clone3's parent_tid,
// si_pid, "(pid N)",
// "created thread N", the System V IPC structs' shm_cpid, shm_lpid,
// msg_lspid and msg_lrpid, netlink's nl_pid and nlmsg_pid (port ids that
// are a pid), the result of the calls that return a pid, and
// semctl GETPID's) by name_of(pid), unless that is "". Only these places:
// in a test sandbox pids are small numbers that also occur as sizes and
// counts.
std::string ReplacePids(const std::string& line,
                        const std::function<std::string(int64_t)>& name_of);

// The line without its thread prefix (see SplitPidPrefix).
absl::string_view StripPidPrefix(absl::string_view line);
// The tid of the line's thread prefix, or `fallback` without one.
int LineTid(absl::string_view line, int fallback);
// Number of lines of `text` that contain `needle`.
int CountLinesContaining(absl::string_view text, absl::string_view needle);

// Whether a child of this process may take on another user's ids (root,
// and not in a user namespace that forbids setgroups, as Bazel's sandbox).
bool CanChangeIds();

// "exited 3", "killed by SIGSEGV", "timed out", ...
std::string DescribeWaitStatus(int wait_status);

struct ProcessResult {
  int wait_status = 0;
  bool timed_out = false;  // killed by us at the deadline
  std::string out;         // captured standard output (if captured)
  std::string err;         // captured standard error (if captured)

  // The exit code, or 128 + N when killed by signal N (as a shell reports
  // it); -1 when the process timed out.
  int ExitCode() const;
  // Status, stdout and stderr, for failure messages.
  std::string Describe() const;
};

struct SpawnOptions {
  // File descriptors to give the child as its stdin/stdout/stderr. -1 means
  // /dev/null for stdin and "captured to a temporary file" for the others.
  int stdin_fd = -1;
  int stdout_fd = -1;
  int stderr_fd = -1;
  // Soft RLIMIT_CORE 0 in the child, so that no test leaves core files
  // behind (tracees that want a core raise it themselves).
  bool no_core = true;
  // Signals the child starts with ignored (SIG_IGN survives exec), as a
  // non-interactive shell starts a background job with SIGINT and SIGQUIT.
  std::vector<int> ignored_signals;
};

// A child process in its own process group.
class Subprocess {
 public:
  explicit Subprocess(const std::vector<std::string>& argv,
                      SpawnOptions options = {});
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;
  // Kills the process group and reaps the child if still running.
  ~Subprocess();

  pid_t pid() const { return pid_; }
  // True once the child has exited (reaps it; then Wait returns at once).
  bool Exited();
  // Waits up to `timeout_ms`; at the deadline kills the whole process group
  // with SIGKILL and reports timed_out.
  ProcessResult Wait(int timeout_ms = 60000);
  // What the child wrote so far to a captured stdout/stderr.
  std::string StdoutSoFar() const { return ReadFileOrEmpty(out_path_); }
  std::string StderrSoFar() const { return ReadFileOrEmpty(err_path_); }
  // SIGKILL to the process group (the child and whatever it started there).
  void KillGroup();

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  int wait_status_ = 0;
  std::string out_path_, err_path_;
};

// Runs argv to completion (or the deadline) and returns the result.
ProcessResult RunProcess(const std::vector<std::string>& argv,
                         int timeout_ms = 60000, SpawnOptions options = {});

// Polls `condition` every millisecond until it holds (true) or `timeout_ms`
// passed (false).
bool WaitFor(const std::function<bool()>& condition, int timeout_ms = 10000);

// The state letters (R, S, t, T, ...) of every thread of `pid`, from
// /proc/PID/task/*/stat; "" if the process is gone.
std::string ThreadStates(pid_t pid);

// A pipe, both ends O_CLOEXEC (dup2 into a child clears it there).
struct Pipe {
  Pipe();
  ~Pipe();
  void CloseRead();
  void CloseWrite();
  int read_fd = -1;
  int write_fd = -1;
};

// Reads lines from a file descriptor with a deadline per line.
class LineReader {
 public:
  explicit LineReader(int fd) : fd_(fd) {}
  // The next line without '\n', or "" at end of file or after `timeout_ms`
  // without a complete line.
  std::string ReadLine(int timeout_ms = 10000);

 private:
  int fd_;
  std::string buf_;
};

}  // namespace ttrace::testing

#endif  // TTRACE_TESTS_CLI_UTIL_H_
