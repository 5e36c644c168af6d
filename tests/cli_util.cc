#include "tests/cli_util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <regex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace ttrace::testing {
namespace {

int64_t NowMs() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

std::string EnvOr(const char* name, const char* fallback) {
  const char* v = getenv(name);
  return v && *v ? v : fallback;
}

}  // namespace

std::string RunfilePath(absl::string_view relative) {
  return absl::StrCat(EnvOr("TEST_SRCDIR", "."), "/",
                      EnvOr("TEST_WORKSPACE", "ttrace"), "/", relative);
}

std::string TtracePath() { return RunfilePath("cli/ttrace"); }

std::string TraceeBinary(absl::string_view name) {
  return RunfilePath(absl::StrCat("tests/tracees/", name));
}

std::string TestTempDir() { return EnvOr("TEST_TMPDIR", "/tmp"); }

std::string NewTempPath(absl::string_view stem) {
  static std::atomic<int> counter{0};
  return absl::StrCat(TestTempDir(), "/", stem, ".", getpid(), ".",
                      counter.fetch_add(1));
}

std::string ReadFileOrEmpty(const std::string& path) {
  if (path.empty()) return "";
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "";
  std::string s;
  char buf[8192];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    s.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return s;
}

std::vector<std::string> SplitLines(absl::string_view text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == absl::string_view::npos) nl = text.size();
    lines.emplace_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

int SplitPidPrefix(absl::string_view line, absl::string_view* body) {
  *body = line;
  int tid = 0;
  if (absl::StartsWith(line, "[pid ")) {
    const size_t close = line.find("] ");
    if (close == absl::string_view::npos ||
        !absl::SimpleAtoi(absl::StripAsciiWhitespace(line.substr(5, close - 5)),
                          &tid)) {
      return -1;
    }
    *body = line.substr(close + 2);
    return tid;
  }
  size_t digits = 0;
  while (digits < line.size() && absl::ascii_isdigit(line[digits])) ++digits;
  if (digits == 0 || digits == line.size() || line[digits] != ' ' ||
      !absl::SimpleAtoi(line.substr(0, digits), &tid)) {
    return -1;
  }
  *body = absl::StripLeadingAsciiWhitespace(line.substr(digits));
  return tid;
}

std::string ReplacePids(const std::string& line,
                        const std::function<std::string(int64_t)>& name_of) {
  static const auto* kContexts = new std::vector<std::regex>{
      std::regex(
          R"(^(?:kill|tkill|tgkill|wait4|waitid|waitpid|getpgid|getsid|)"
          R"(rt_sigqueueinfo|rt_tgsigqueueinfo|)"
          R"(setpgid|pidfd_open|prlimit64|sched_[a-z_]+|)"
          R"(process_vm_readv|process_vm_writev|get_robust_list)\((-?[0-9]+))"),
      std::regex(R"(^(?:tgkill|rt_tgsigqueueinfo)\([0-9A-Za-z_]+, ([0-9]+))"),
      // waitid(P_PID, pid, ...) (-X raw: 0x1, verbose: 0x1 /* P_PID */).
      std::regex(R"(^waitid\((?:P_PID|0x1(?: /\* P_PID \*/)?), ([0-9]+))"),
      std::regex(R"(sigev_notify_thread_id=([0-9]+))"),
      std::regex(R"(^kcmp\(([0-9]+))"),
      // ptrace(REQUEST, pid, ...), the request as -X prints it.
      std::regex(R"(^ptrace\([0-9A-Za-z_]+(?: /\* [A-Z_?]+ \*/)?, ([0-9]+))"),
      std::regex(R"(^kcmp\([0-9A-Za-z_]+, ([0-9]+))"),
      // (-X raw and verbose: "type=0x1 /* F_OWNER_PID */, pid=").
      std::regex(R"(type=(?:F_OWNER_(?:PID|TID)|0|0x1))"
                 R"((?: /\* F_OWNER_(?:PID|TID) \*/)?, pid=([0-9]+))"),
      std::regex(R"(l_pid=([0-9]+))"),
      // fcntl(fd, F_SETOWN, pid) (-X raw: 0x8, verbose: 0x8 /* F_SETOWN */).
      std::regex(R"(^fcntl\([0-9]+(?:<[^>]*>)?, )"
                 R"((?:F_SETOWN|0x8(?: /\* F_SETOWN \*/)?), ([0-9]+))"),
      std::regex(R"(parent_tid=\[([0-9]+)\])"),
      std::regex(R"(si_pid=([0-9]+))"),
      std::regex(R"(\bnl(?:msg)?_pid=([0-9]+))"),
      std::regex(R"((?:shm_cpid|shm_lpid|msg_lspid|msg_lrpid)=([0-9]+))"),
      std::regex(
          R"(^semctl\([^,]+, [^,]+, (?:GETPID|0xb(?: /\* GETPID \*/)?), )"
          R"(.*\) += ([0-9]+)$)"),
      std::regex(R"(\(pid ([0-9]+)\))"),
      std::regex(R"(\+\+\+ created (?:thread|process) ([0-9]+))"),
      std::regex(
          R"(^(?:clone|clone3|fork|vfork|getpid|gettid|getppid|)"
          R"(set_tid_address|wait4|waitpid|getpgrp|getsid|setsid)\(.*\) += )"
          R"(([0-9]+)$)"),
      std::regex(R"(^<\.\.\. (?:clone|clone3|fork|vfork|wait4|waitpid) )"
                 R"(resumed>.*)"
                 R"(\) += ([0-9]+)$)"),
  };
  std::string s = line;
  for (const std::regex& re : *kContexts) {
    std::string out;
    size_t last = 0;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re);
         it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      int64_t pid = 0;
      if (!absl::SimpleAtoi(m[1].str(), &pid)) continue;
      const std::string name = name_of(pid);
      if (name.empty()) continue;
      const size_t at = static_cast<size_t>(m.position(1));
      out.append(s, last, at - last);
      out.append(name);
      last = at + static_cast<size_t>(m.length(1));
    }
    out.append(s, last, std::string::npos);
    s = std::move(out);
  }
  return s;
}

absl::string_view StripPidPrefix(absl::string_view line) {
  absl::string_view body;
  SplitPidPrefix(line, &body);
  return body;
}

int LineTid(absl::string_view line, int fallback) {
  absl::string_view body;
  const int tid = SplitPidPrefix(line, &body);
  return tid > 0 ? tid : fallback;
}

int CountLinesContaining(absl::string_view text, absl::string_view needle) {
  int n = 0;
  for (const std::string& line : SplitLines(text)) {
    n += line.find(std::string(needle)) != std::string::npos;
  }
  return n;
}

bool CanChangeIds() {
  const pid_t pid = fork();
  if (pid == 0) {
    const gid_t nogroup = 65534;
    _exit(setgroups(1, &nogroup) == 0 && setgid(65534) == 0 &&
                  setuid(65534) == 0
              ? 0
              : 1);
  }
  int status = 0;
  return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
         WEXITSTATUS(status) == 0;
}

std::string DescribeWaitStatus(int wait_status) {
  if (WIFEXITED(wait_status)) {
    return absl::StrCat("exited ", WEXITSTATUS(wait_status));
  }
  if (WIFSIGNALED(wait_status)) {
    return absl::StrCat("killed by signal ", WTERMSIG(wait_status), " (",
                        strsignal(WTERMSIG(wait_status)), ")",
                        WCOREDUMP(wait_status) ? " (core dumped)" : "");
  }
  return absl::StrCat("wait status ", wait_status);
}

int ProcessResult::ExitCode() const {
  if (timed_out) return -1;
  if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
  return -1;
}

std::string ProcessResult::Describe() const {
  return absl::StrCat(timed_out ? "TIMED OUT (killed)" : "",
                      timed_out ? "" : DescribeWaitStatus(wait_status),
                      "\n--- stdout ---\n", out, "--- stderr ---\n", err,
                      "--- end ---");
}

Subprocess::Subprocess(const std::vector<std::string>& argv,
                       SpawnOptions options) {
  if (options.stdout_fd < 0) out_path_ = NewTempPath("stdout");
  if (options.stderr_fd < 0) err_path_ = NewTempPath("stderr");
  // Everything the child needs is prepared before fork.
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  int in = options.stdin_fd;
  if (in < 0) in = open("/dev/null", O_RDONLY | O_CLOEXEC);
  int out = options.stdout_fd;
  if (out < 0) {
    out =
        open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  }
  int err = options.stderr_fd;
  if (err < 0) {
    err =
        open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  }
  pid_ = fork();
  if (pid_ == 0) {
    setpgid(0, 0);
    // A clean signal state: default dispositions, nothing blocked.
    for (int sig = 1; sig < NSIG; ++sig) signal(sig, SIG_DFL);
    for (int sig : options.ignored_signals) signal(sig, SIG_IGN);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    if (options.no_core) {
      rlimit rl;
      if (getrlimit(RLIMIT_CORE, &rl) == 0) {
        rl.rlim_cur = 0;
        setrlimit(RLIMIT_CORE, &rl);
      }
    }
    // dup2 onto a different fd clears O_CLOEXEC; onto the same fd it does
    // not, so clear it explicitly.
    const int fds[3] = {in, out, err};
    for (int target = 0; target < 3; ++target) {
      if (fds[target] == target) {
        fcntl(target, F_SETFD, 0);
      } else {
        dup2(fds[target], target);
      }
    }
    execv(args[0], args.data());
    dprintf(2, "cli_util: exec %s: %s\n", args[0], strerror(errno));
    _exit(127);
  }
  if (pid_ > 0) setpgid(pid_, pid_);  // no race with the child's own call
  if (options.stdin_fd < 0 && in >= 0) close(in);
  if (options.stdout_fd < 0 && out >= 0) close(out);
  if (options.stderr_fd < 0 && err >= 0) close(err);
}

Subprocess::~Subprocess() {
  if (pid_ > 0 && !reaped_) {
    KillGroup();
    waitpid(pid_, &wait_status_, 0);
  }
  if (!out_path_.empty()) unlink(out_path_.c_str());
  if (!err_path_.empty()) unlink(err_path_.c_str());
}

void Subprocess::KillGroup() {
  if (pid_ <= 0) return;
  kill(-pid_, SIGKILL);
  if (!reaped_) kill(pid_, SIGKILL);
}

bool Subprocess::Exited() {
  if (pid_ <= 0 || reaped_) return true;
  pid_t r = waitpid(pid_, &wait_status_, WNOHANG);
  if (r == pid_) reaped_ = true;
  return reaped_;
}

ProcessResult Subprocess::Wait(int timeout_ms) {
  ProcessResult result;
  const int64_t deadline = NowMs() + timeout_ms;
  while (!Exited()) {
    if (NowMs() >= deadline) {
      result.timed_out = true;
      KillGroup();
      waitpid(pid_, &wait_status_, 0);
      reaped_ = true;
      break;
    }
    usleep(1000);
  }
  result.wait_status = wait_status_;
  result.out = StdoutSoFar();
  result.err = StderrSoFar();
  return result;
}

ProcessResult RunProcess(const std::vector<std::string>& argv, int timeout_ms,
                         SpawnOptions options) {
  Subprocess p(argv, options);
  return p.Wait(timeout_ms);
}

bool WaitFor(const std::function<bool()>& condition, int timeout_ms) {
  const int64_t deadline = NowMs() + timeout_ms;
  for (;;) {
    if (condition()) return true;
    if (NowMs() >= deadline) return false;
    usleep(1000);
  }
}

std::string ThreadStates(pid_t pid) {
  std::string states;
  std::string dir = absl::StrCat("/proc/", pid, "/task");
  DIR* d = opendir(dir.c_str());
  if (!d) return "";
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] == '.') continue;
    std::string stat =
        ReadFileOrEmpty(absl::StrCat(dir, "/", e->d_name, "/stat"));
    size_t paren = stat.rfind(')');
    if (paren != std::string::npos && paren + 2 < stat.size()) {
      states.push_back(stat[paren + 2]);
    }
  }
  closedir(d);
  return states;
}

Pipe::Pipe() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) == 0) {
    read_fd = fds[0];
    write_fd = fds[1];
  }
}

Pipe::~Pipe() {
  CloseRead();
  CloseWrite();
}

void Pipe::CloseRead() {
  if (read_fd >= 0) close(read_fd);
  read_fd = -1;
}

void Pipe::CloseWrite() {
  if (write_fd >= 0) close(write_fd);
  write_fd = -1;
}

std::string LineReader::ReadLine(int timeout_ms) {
  const int64_t deadline = NowMs() + timeout_ms;
  for (;;) {
    size_t nl = buf_.find('\n');
    if (nl != std::string::npos) {
      std::string line = buf_.substr(0, nl);
      buf_.erase(0, nl + 1);
      return line;
    }
    const int64_t left = deadline - NowMs();
    if (left <= 0) return "";
    pollfd p{.fd = fd_, .events = POLLIN, .revents = 0};
    int r = poll(&p, 1, static_cast<int>(left));
    if (r < 0 && errno == EINTR) continue;
    if (r != 1) return "";
    char chunk[512];
    ssize_t n = read(fd_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return "";
    buf_.append(chunk, static_cast<size_t>(n));
  }
}

}  // namespace ttrace::testing
