// End-to-end tests of the ttrace binary: exit statuses and messages, the
// traced command's status passed through, text and JSON output, timestamps,
// output errors, attaching and detaching on a signal, and signals sent to
// ttrace while it runs a command. The CLI contract is README.md's.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "output/json_reader.h"
#include "tests/cli_util.h"

namespace ttrace::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// Under --config=asan the tracee programs carry the sanitizer runtime:
// LeakSanitizer cannot run under a tracer, and deaths by signal must not be
// intercepted (see tests/trace_harness.cc). Set before any child starts.
const bool kChildEnvironment = [] {
  setenv("ASAN_OPTIONS",
         "detect_leaks=0:handle_segv=0:handle_abort=0:handle_sigbus=0:"
         "handle_sigill=0:handle_sigfpe=0",
         1);
  return true;
}();

constexpr char kHint[] = "Try 'ttrace -h' for more information.";

std::vector<std::string> Ttrace(std::vector<std::string> args) {
  args.insert(args.begin(), TtracePath());
  return args;
}

// ttrace -e trace=none -o FILE <tracee> ARGS...
std::vector<std::string> TraceTo(const std::string& file,
                                 const std::string& tracee,
                                 std::vector<std::string> args,
                                 std::vector<std::string> options = {}) {
  std::vector<std::string> argv = {TtracePath(), "-e", "trace=none", "-o",
                                   file};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.push_back(TraceeBinary(tracee));
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

// The message lines of stderr, asserting it ends with a newline.
std::vector<std::string> ErrLines(const ProcessResult& r) {
  EXPECT_TRUE(r.err.empty() || r.err.back() == '\n') << r.Describe();
  return SplitLines(r.err);
}

// Replaces the number after "pid ", "[pid", "thread ", "si_pid=" and
// "in pid " by N: "[pid  123] +++ created thread 124 +++" becomes
// "[pid N] +++ created thread N +++".
std::string NormalizePids(const std::string& line) {
  static const std::regex kPid(R"((\[pid|pid|thread|si_pid=) *[0-9]+)");
  return std::regex_replace(line, kPid, "$1 N");
}

// The JSON "ev" kind of a text line (without its prefix and timestamp).
std::string TextKind(absl::string_view body) {
  if (absl::StartsWith(body, "+++ started ")) return "spawn";
  if (body == "+++ attached +++") return "attach";
  if (body == "+++ detached +++") return "detach";
  if (absl::StartsWith(body, "+++ created ")) return "clone";
  if (absl::StartsWith(body, "+++ exec ")) return "exec";
  if (absl::StartsWith(body, "+++ exited with ") ||
      absl::StartsWith(body, "+++ killed by ") ||
      absl::StartsWith(body, "+++ superseded by ")) {
    return "exit";
  }
  if (absl::StartsWith(body, "--- stopped by ")) return "stop";
  if (body == "--- continued ---") return "cont";
  if (absl::StartsWith(body, "--- ")) return "signal";
  return absl::StrCat("unknown: ", body);
}

// ---------------------------------------------------------------------------
// Exit statuses and messages.

class ExitStatusTest : public ::testing::Test {
 protected:
  // Expects `code` and exactly one line on stderr, "ttrace: <message>".
  void ExpectOneLine(const ProcessResult& r, int code,
                     const std::string& message) {
    EXPECT_EQ(r.ExitCode(), code) << r.Describe();
    EXPECT_THAT(ErrLines(r), ElementsAre(absl::StrCat("ttrace: ", message)))
        << r.Describe();
    EXPECT_EQ(r.out, "") << r.Describe();
  }
  // Expects status 2, "ttrace: <message>" and the hint, nothing else.
  void ExpectUsage(const ProcessResult& r, const std::string& message) {
    EXPECT_EQ(r.ExitCode(), 2) << r.Describe();
    EXPECT_THAT(ErrLines(r),
                ElementsAre(absl::StrCat("ttrace: ", message), kHint))
        << r.Describe();
    EXPECT_EQ(r.out, "") << r.Describe();
  }
};

TEST_F(ExitStatusTest, UnknownCommandIs127) {
  ExpectOneLine(RunProcess(Ttrace({"no-such-cmd"})), 127,
                "cannot run 'no-such-cmd': command not found");
  ExpectOneLine(RunProcess(Ttrace({"-e", "trace=none", "--", "no-such-cmd"})),
                127, "cannot run 'no-such-cmd': command not found");
}

// A recorded trace that cannot be opened or read is not "corrupt" (7): a
// missing file, a directory, a closed standard input exit 8 with one line.
TEST_F(ExitStatusTest, UnreadableRecordingIs8) {
  ExpectOneLine(RunProcess(Ttrace({"--decode", "/no/such/rec.ttr"})), 8,
                "cannot open '/no/such/rec.ttr': No such file or directory");
  ExpectOneLine(RunProcess(Ttrace({"--decode", "/"})), 8,
                "/: read: Is a directory");
  ExpectOneLine(
      RunProcess({"/bin/sh", "-c",
                  absl::StrCat("exec ", TtracePath(), " --decode - <&-")}),
      8, "-: read: Bad file descriptor");
}

TEST_F(ExitStatusTest, MissingPathIs127) {
  const std::string path = NewTempPath("missing");
  ProcessResult r = RunProcess(Ttrace({path}));
  EXPECT_EQ(r.ExitCode(), 127) << r.Describe();
  EXPECT_THAT(ErrLines(r), ElementsAre(StartsWith(absl::StrCat(
                               "ttrace: cannot run '", path, "': "))))
      << r.Describe();
}

TEST_F(ExitStatusTest, DirectoryIs126) {
  const std::string dir = TestTempDir();
  ExpectOneLine(RunProcess(Ttrace({dir})), 126,
                absl::StrCat("cannot run '", dir, "': Is a directory"));
}

TEST_F(ExitStatusTest, NonExecutableFileIs126) {
  const std::string path = NewTempPath("not-executable");
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(write(fd, "#!/bin/sh\nexit 0\n", 17), 17);
  close(fd);
  ExpectOneLine(RunProcess(Ttrace({path})), 126,
                absl::StrCat("cannot run '", path, "': Permission denied"));
  unlink(path.c_str());
}

TEST_F(ExitStatusTest, NoSuchProcessIs3) {
  ExpectOneLine(RunProcess(Ttrace({"-p", "99999999"})), 3,
                "attach: process 99999999: No such process");
}

TEST_F(ExitStatusTest, InvalidPidIs2) {
  for (const char* pid : {"0", "-1", "self", "abc", "12x", "1,,2"}) {
    SCOPED_TRACE(pid);
    ProcessResult r = RunProcess(Ttrace({"-p", pid}));
    EXPECT_EQ(r.ExitCode(), 2) << r.Describe();
    // One line, without the -h hint, as strace 6.1 says it.
    std::vector<std::string> lines = ErrLines(r);
    ASSERT_EQ(lines.size(), 1u) << r.Describe();
    EXPECT_THAT(lines[0], StartsWith("ttrace: Invalid process id: '"));
  }
  ExpectOneLine(RunProcess(Ttrace({"-p", "0"})), 2, "Invalid process id: '0'");
  ExpectOneLine(RunProcess(Ttrace({"-p", "self"})), 2,
                "Invalid process id: 'self'");
}

TEST_F(ExitStatusTest, BadOptionIs2) {
  ExpectUsage(RunProcess(Ttrace({"-j", "true"})), "invalid option -- 'j'");
  ExpectUsage(RunProcess(Ttrace({"--no-such-option", "true"})),
              "unrecognized option '--no-such-option'");
  ExpectUsage(RunProcess(Ttrace({"-o"})), "option requires an argument -- 'o'");
  // The list of formats grows: only the start of this message is stable.
  ProcessResult r = RunProcess(Ttrace({"--format=xml", "true"}));
  EXPECT_EQ(r.ExitCode(), 2) << r.Describe();
  EXPECT_THAT(
      ErrLines(r),
      ElementsAre(StartsWith("ttrace: invalid --format value 'xml'"), kHint))
      << r.Describe();
  ExpectUsage(RunProcess(Ttrace({})), "must have PROG [ARGS] or -p PID");
}

TEST_F(ExitStatusTest, BadTraceExpressionIs2) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"-e", "trace=%nosuchclass", "true"},
        std::vector<std::string>{"-e", "nosuchqualifier=1", "true"},
        std::vector<std::string>{"--trace=%nosuchclass", "true"}}) {
    SCOPED_TRACE(absl::StrJoin(args, " "));
    ProcessResult r = RunProcess(Ttrace(args));
    EXPECT_EQ(r.ExitCode(), 2) << r.Describe();
    // One line, without the -h hint, as strace 6.1 says -e's errors.
    std::vector<std::string> lines = ErrLines(r);
    ASSERT_EQ(lines.size(), 1u) << r.Describe();
    EXPECT_THAT(lines[0], StartsWith("ttrace: "));
  }
  // As strace 6.1: no qualifier, so a syscall set, "=" and all.
  ExpectOneLine(RunProcess(Ttrace({"-e", "nosuchqualifier=1", "true"})), 2,
                "invalid system call 'nosuchqualifier=1'");
  ExpectOneLine(RunProcess(Ttrace({"--decode-fds=bogus", "true"})), 2,
                "invalid decode-fds 'bogus'");
  // Option errors keep it, as strace's.
  ExpectUsage(RunProcess(Ttrace({"-U", "bogus", "true"})),
              "unknown column name: 'bogus'");
}

// The test process is the tracer of a child that asked for it
// (PTRACE_TRACEME); ttrace -p on it is "permission denied", 4.
TEST_F(ExitStatusTest, AlreadyTracedIs4) {
  Pipe ready;
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    if (ptrace(PTRACE_TRACEME, 0, nullptr, nullptr) != 0) _exit(1);
    if (write(ready.write_fd, "x", 1) != 1) _exit(1);
    for (;;) pause();
  }
  ready.CloseWrite();
  char c;
  ASSERT_EQ(read(ready.read_fd, &c, 1), 1);
  ProcessResult r = RunProcess(Ttrace({"-p", std::to_string(child)}));
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  ExpectOneLine(r, 4,
                absl::StrCat("attach: ptrace(PTRACE_SEIZE, ", child,
                             "): already traced by process ", getpid()));
}

TEST_F(ExitStatusTest, OutputIntoMissingDirectoryIs5) {
  const std::string path = absl::StrCat(NewTempPath("nodir"), "/trace.txt");
  ExpectOneLine(RunProcess(Ttrace({"-o", path, "true"})), 5,
                absl::StrCat("cannot open output file '", path,
                             "': No such file or directory"));
}

TEST_F(ExitStatusTest, UnwritableOutputIs5) {
  // As root, permissions do not stop us: a directory, a path below a
  // regular file, and (when it refuses the test itself) a read-only file.
  const std::string file = NewTempPath("plain");
  ASSERT_TRUE(close(open(file.c_str(), O_WRONLY | O_CREAT, 0644)) == 0);
  const std::string readonly_dir = NewTempPath("readonly");
  ASSERT_EQ(mkdir(readonly_dir.c_str(), 0500), 0);
  std::vector<std::string> candidates = {
      TestTempDir(), absl::StrCat(file, "/trace.txt"),
      absl::StrCat(readonly_dir, "/trace.txt"), "/sys/kernel/notes"};
  int checked = 0;
  for (const std::string& path : candidates) {
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) {  // writable for us after all (root)
      close(fd);
      unlink(path.c_str());
      continue;
    }
    const std::string why = strerror(errno);
    SCOPED_TRACE(path);
    ExpectOneLine(RunProcess(Ttrace({"-o", path, "true"})), 5,
                  absl::StrCat("cannot open output file '", path, "': ", why));
    ++checked;
  }
  EXPECT_GE(checked, 2);
  unlink(file.c_str());
  rmdir(readonly_dir.c_str());
}

TEST_F(ExitStatusTest, HelpIs0) {
  for (const char* opt : {"-h", "--help"}) {
    ProcessResult r = RunProcess(Ttrace({opt}));
    EXPECT_EQ(r.ExitCode(), 0) << r.Describe();
    EXPECT_THAT(r.out, StartsWith("Usage: ttrace ")) << r.Describe();
    EXPECT_THAT(r.out, HasSubstr("-p PID"));
    EXPECT_EQ(r.out.back(), '\n');
    EXPECT_EQ(r.err, "");
  }
  // -h wins over whatever follows.
  ProcessResult r = RunProcess(Ttrace({"-h", "-x", "--bogus"}));
  EXPECT_EQ(r.ExitCode(), 0) << r.Describe();
}

TEST_F(ExitStatusTest, VersionIs0) {
  for (const char* opt : {"-V", "--version"}) {
    ProcessResult r = RunProcess(Ttrace({opt}));
    EXPECT_EQ(r.ExitCode(), 0) << r.Describe();
    EXPECT_THAT(r.out,
                ::testing::MatchesRegex("ttrace [0-9]+\\.[0-9]+\\.[0-9]+\n"))
        << r.Describe();
    EXPECT_EQ(r.err, "");
  }
}

// ---------------------------------------------------------------------------
// The traced command's exit status.

TEST(PassThroughTest, ExitCodeAndDeathBySignal) {
  struct Case {
    const char* tracee;
    std::vector<std::string> args;
    int want;
    int signo = 0;  // the command dies of this signal
  };
  const std::vector<Case> cases = {
      {"execs", {"exit", "0"}, 0},
      {"execs", {"exit", "3"}, 3},
      {"execs", {"exit", "255"}, 255},
      {"threads", {"threads", "2", "7"}, 7},
      {"threads", {"threads_exit_group", "2", "9"}, 9},
      {"execs", {"exec_nonleader", "1"}, 42},
      {"signals", {"segv"}, 139, SIGSEGV},
      {"signals", {"abort"}, 134, SIGABRT},
      {"signals", {"kill_self_9", "2"}, 137, SIGKILL},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(c.tracee, " ", absl::StrJoin(c.args, " ")));
    const std::string out = NewTempPath("trace");
    ProcessResult r = RunProcess(TraceTo(out, c.tracee, c.args));
    EXPECT_EQ(r.ExitCode(), c.want) << r.Describe();
    // Killed by signal N, the command's death is ttrace's too (as with
    // strace): the shell sees WIFSIGNALED, not an exit with 128+N.
    if (c.signo != 0) {
      EXPECT_TRUE(WIFSIGNALED(r.wait_status) &&
                  WTERMSIG(r.wait_status) == c.signo)
          << r.Describe();
      EXPECT_FALSE(WCOREDUMP(r.wait_status)) << r.Describe();
    } else {
      EXPECT_TRUE(WIFEXITED(r.wait_status)) << r.Describe();
    }
    EXPECT_EQ(r.err, "") << r.Describe();
    unlink(out.c_str());
  }
}

// ---------------------------------------------------------------------------
// Text output.

TEST(TextOutputTest, ThreadsExactLines) {
  const std::string out = NewTempPath("trace");
  const std::string path = TraceeBinary("threads");
  ProcessResult r = RunProcess(TraceTo(out, "threads", {"threads", "2", "7"}));
  ASSERT_EQ(r.ExitCode(), 7) << r.Describe();
  EXPECT_EQ(r.err, "");
  const std::string text = ReadFileOrEmpty(out);
  std::vector<std::string> lines = SplitLines(text);
  ASSERT_EQ(lines.size(), 7u) << text;
  ASSERT_EQ(text.back(), '\n');
  std::vector<std::string> norm;
  for (const std::string& l : lines) norm.push_back(NormalizePids(l));
  EXPECT_EQ(norm[0],
            absl::StrCat("+++ started ", path, " threads 2 7 (pid N) +++"));
  // The program as executed (the runfiles path, or the binary it links to).
  char real[PATH_MAX];
  ASSERT_NE(realpath(path.c_str(), real), nullptr);
  EXPECT_TRUE(norm[1] == absl::StrCat("+++ exec \"", path, "\" +++") ||
              norm[1] == absl::StrCat("+++ exec \"", real, "\" +++"))
      << norm[1];
  // A thread may end before the next one is created: the middle lines are
  // compared as a multiset, and each thread's creation must come first.
  std::vector<std::string> middle(norm.begin() + 2, norm.end() - 1);
  std::sort(middle.begin(), middle.end());
  EXPECT_THAT(middle, ElementsAre("[pid N] +++ created thread N +++",
                                  "[pid N] +++ created thread N +++",
                                  "[pid N] +++ exited with 0 +++",
                                  "[pid N] +++ exited with 0 +++"))
      << text;
  EXPECT_EQ(norm.back(), "+++ exited with 7 +++") << text;

  // The pids themselves: the leader creates both threads, each thread's
  // exit follows its creation and names it.
  static const std::regex kStarted(R"(\(pid ([0-9]+)\) \+\+\+$)");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(lines[0], m, kStarted)) << lines[0];
  const pid_t leader = std::stoi(m[1]);
  std::set<pid_t> created, exited;
  for (size_t i = 2; i + 1 < lines.size(); ++i) {
    const pid_t tid = LineTid(lines[i], leader);
    absl::string_view body = StripPidPrefix(lines[i]);
    if (absl::StartsWith(body, "+++ created thread ")) {
      EXPECT_EQ(tid, leader) << lines[i];
      int child = 0;
      ASSERT_TRUE(absl::SimpleAtoi(
          absl::StripSuffix(absl::StripPrefix(body, "+++ created thread "),
                            " +++"),
          &child))
          << lines[i];
      EXPECT_NE(child, leader);
      created.insert(child);
    } else {
      EXPECT_TRUE(created.count(tid)) << "exit before creation: " << text;
      exited.insert(tid);
    }
  }
  EXPECT_EQ(created.size(), 2u) << text;
  EXPECT_EQ(created, exited) << text;
  unlink(out.c_str());
}

// Without -o the trace goes to standard error; standard output is the
// program's.
// Voluntary context switches of `pid` so far (each time it blocked).
int64_t VoluntarySwitches(pid_t pid) {
  const std::string status =
      ReadFileOrEmpty(absl::StrCat("/proc/", pid, "/status"));
  const size_t at = status.find("voluntary_ctxt_switches:");
  int64_t n = -1;
  if (at != std::string::npos) {
    n = std::strtoll(status.c_str() + at + 24, nullptr, 10);
  }
  return n;
}

// A call that blocks is shown while it blocks, as strace shows it: its line
// up to the arguments ("read(0, "), ended at its exit as if printed whole.
// Meanwhile ttrace sleeps: no timer keeps waking it (it woke every 5 ms
// while a call was in progress, and showed nothing).
TEST(TextOutputTest, BlockingCallIsShownWhileItBlocks) {
  Pipe in;
  const std::string out = NewTempPath("blocking");
  Subprocess t(Ttrace({"-e", "trace=read", "-o", out, "--", "/bin/cat"}),
               {.stdin_fd = in.read_fd});
  in.CloseRead();
  ASSERT_TRUE(WaitFor([&] {
    return absl::EndsWith(ReadFileOrEmpty(out), "\nread(0, ");
  })) << ReadFileOrEmpty(out);
  const int64_t before = VoluntarySwitches(t.pid());
  usleep(200'000);
  const int64_t after = VoluntarySwitches(t.pid());
  ASSERT_GE(before, 0);
  EXPECT_LE(after - before, 3) << "ttrace woke up while cat waited";
  ASSERT_EQ(write(in.write_fd, "hi\n", 3), 3);
  in.CloseWrite();
  ProcessResult r = t.Wait(20000);
  ASSERT_EQ(r.ExitCode(), 0) << r.Describe();
  const std::string text = ReadFileOrEmpty(out);
  EXPECT_THAT(text, HasSubstr("\nread(0, \"hi\\n\", "));
  EXPECT_THAT(text, Not(HasSubstr("unfinished"))) << text;
  EXPECT_THAT(text, Not(HasSubstr("resumed"))) << text;
  for (const std::string& line : SplitLines(text)) {
    if (absl::StartsWith(line, "read(0, \"hi")) {
      EXPECT_TRUE(std::regex_match(
          line, std::regex(R"re(read\(0, "hi\\n", [0-9]+\) +  = 3)re")))
          << line;
    }
  }
  unlink(out.c_str());
}

TEST(TextOutputTest, DefaultOutputIsStandardError) {
  ProcessResult r = RunProcess(
      Ttrace({"-e", "trace=none", TraceeBinary("execs"), "exit", "4"}));
  EXPECT_EQ(r.ExitCode(), 4) << r.Describe();
  EXPECT_EQ(r.out, "");
  std::vector<std::string> lines = SplitLines(r.err);
  ASSERT_EQ(lines.size(), 3u) << r.Describe();
  EXPECT_THAT(lines[0], StartsWith("+++ started "));
  EXPECT_THAT(lines[1], StartsWith("+++ exec "));
  EXPECT_EQ(lines[2], "+++ exited with 4 +++");
}

// ---------------------------------------------------------------------------
// JSON output.

bool IsInteger(const Json* j) {
  if (j == nullptr || j->type != Json::kNumber) return false;
  return std::regex_match(j->text, std::regex("-?(0|[1-9][0-9]*)"));
}

// Runs `tracee args` with text and with JSON output; checks every JSON line
// and that both runs have the same kinds of events, as many of each.
void CompareJsonWithText(const std::string& tracee,
                         const std::vector<std::string>& args,
                         std::vector<std::string> options, int want_status) {
  SCOPED_TRACE(absl::StrCat(tracee, " ", absl::StrJoin(args, " ")));
  const std::string text_out = NewTempPath("text");
  const std::string json_out = NewTempPath("json");
  ProcessResult rt = RunProcess(TraceTo(text_out, tracee, args, options));
  options.push_back("--format=json");
  ProcessResult rj = RunProcess(TraceTo(json_out, tracee, args, options));
  ASSERT_EQ(rt.ExitCode(), want_status) << rt.Describe();
  ASSERT_EQ(rj.ExitCode(), want_status) << rj.Describe();
  EXPECT_EQ(rj.err, "");
  const std::string text = ReadFileOrEmpty(text_out);
  const std::string json = ReadFileOrEmpty(json_out);
  ASSERT_FALSE(json.empty());
  EXPECT_EQ(json.back(), '\n');

  std::map<std::string, int> text_kinds, json_kinds;
  for (const std::string& line : SplitLines(text)) {
    ++text_kinds[TextKind(StripPidPrefix(line))];
  }
  static const std::set<std::string> kKinds = {"spawn", "attach", "detach",
                                               "clone", "exec",   "signal",
                                               "stop",  "cont",   "exit"};
  int64_t prev_ts = 0;
  pid_t spawn_pid = 0;
  for (const std::string& line : SplitLines(json)) {
    Json j;
    size_t at = 0;
    ASSERT_TRUE(ParseJson(line, &j, &at))
        << "invalid JSON at offset " << at << ": " << line;
    ASSERT_EQ(j.type, Json::kObject) << line;
    ASSERT_GE(j.members.size(), 4u) << line;
    EXPECT_EQ(j.members[0].first, "ts") << line;
    EXPECT_EQ(j.members[1].first, "pid") << line;
    EXPECT_EQ(j.members[2].first, "tid") << line;
    EXPECT_EQ(j.members[3].first, "ev") << line;
    ASSERT_TRUE(IsInteger(j.Get("ts"))) << line;
    ASSERT_TRUE(IsInteger(j.Get("pid"))) << line;
    ASSERT_TRUE(IsInteger(j.Get("tid"))) << line;
    ASSERT_EQ(j.Get("ev")->type, Json::kString) << line;
    int64_t ts = 0;
    ASSERT_TRUE(absl::SimpleAtoi(j.Get("ts")->text, &ts)) << line;
    EXPECT_GE(ts, prev_ts) << "ts went backwards: " << line;
    // Unix-epoch nanoseconds, within a day of now.
    EXPECT_LT(std::llabs(ts / 1000000000 - static_cast<int64_t>(time(nullptr))),
              86400)
        << line;
    prev_ts = ts;
    int pid = 0, tid = 0;
    ASSERT_TRUE(absl::SimpleAtoi(j.Get("pid")->text, &pid));
    ASSERT_TRUE(absl::SimpleAtoi(j.Get("tid")->text, &tid));
    EXPECT_GT(pid, 0) << line;
    EXPECT_GT(tid, 0) << line;
    const std::string& ev = j.Get("ev")->text;
    EXPECT_TRUE(kKinds.count(ev)) << line;
    if (ev == "spawn") {
      spawn_pid = pid;
      EXPECT_EQ(pid, tid);
      ASSERT_NE(j.Get("argv"), nullptr) << line;
      EXPECT_EQ(j.Get("argv")->type, Json::kArray) << line;
    }
    if (ev == "exit") {
      EXPECT_EQ(j.members.back().first, "comm") << line;
    }
    if (ev == "signal") {
      EXPECT_NE(j.Get("sig"), nullptr) << line;
      EXPECT_TRUE(IsInteger(j.Get("signo"))) << line;
    }
    ++json_kinds[ev];
  }
  EXPECT_NE(spawn_pid, 0) << json;
  EXPECT_EQ(text_kinds, json_kinds) << "text:\n" << text << "json:\n" << json;
  unlink(text_out.c_str());
  unlink(json_out.c_str());
}

TEST(JsonOutputTest, EveryLineParsesAndMatchesText) {
  CompareJsonWithText("threads", {"threads", "2", "7"}, {}, 7);
  CompareJsonWithText("forks", {"fork", "2"}, {"-f"}, 60);
  CompareJsonWithText("signals", {"count", "3"}, {}, 44);
  CompareJsonWithText("signals", {"segv"}, {}, 139);
  CompareJsonWithText("execs", {"exec_nonleader", "1"}, {}, 42);
  CompareJsonWithText("forks", {"vfork_exec"}, {"-f"}, 62);
}

// ---------------------------------------------------------------------------
// Which thread a line is about, as strace says it: with -o FILE and -f,
// "PID   " (left-aligned in five columns) on every line; on standard error,
// "[pid   PID] " while more than one thread is traced; nothing otherwise.

// -qq: no "exited with" lines, on a real fork tree; -qqq keeps "killed by".
TEST(QuietTest, ExitLinesGoKilledByStays) {
  const std::string out = NewTempPath("trace");
  ProcessResult r =
      RunProcess(TraceTo(out, "forks", {"fork", "2"}, {"-f", "-qq"}));
  ASSERT_EQ(r.ExitCode(), 60) << r.Describe();
  std::string text = ReadFileOrEmpty(out);
  EXPECT_EQ(CountLinesContaining(text, "+++ created process "), 2) << text;
  EXPECT_EQ(CountLinesContaining(text, "+++ exited with "), 0) << text;
  EXPECT_EQ(CountLinesContaining(text, "--- SIGCHLD "), 2) << text;

  r = RunProcess(Ttrace(
      {"-qqq", "-e", "trace=none", "-o", out, "/bin/sh", "-c", "kill -9 $$"}));
  ASSERT_EQ(r.ExitCode(), 128 + 9) << r.Describe();
  text = ReadFileOrEmpty(out);
  EXPECT_EQ(CountLinesContaining(text, "+++ killed by SIGKILL +++"), 1) << text;
  unlink(out.c_str());
}

// -E VAR=VAL / -E VAR and -u USER change only how the command starts.
TEST(SpawnOptionsTest, EnvironmentChanges) {
  setenv("TTRACE_TEST_GONE", "1", 1);
  ProcessResult r =
      RunProcess(Ttrace({"-e", "trace=none", "-E", "TTRACE_TEST_SET=a b", "-E",
                         "TTRACE_TEST_GONE", "-E", "TTRACE_TEST_TWICE=1", "-E",
                         "TTRACE_TEST_TWICE=2", "/bin/sh", "-c",
                         "echo \"[$TTRACE_TEST_SET][${TTRACE_TEST_GONE-unset}]"
                         "[$TTRACE_TEST_TWICE]\""}));
  unsetenv("TTRACE_TEST_GONE");
  ASSERT_EQ(r.ExitCode(), 0) << r.Describe();
  EXPECT_EQ(r.out, "[a b][unset][2]\n");
  EXPECT_THAT(r.err, HasSubstr("+++ exited with 0 +++"));
}

// -u where ids cannot be changed (the test sandbox's user namespace): one
// line and 126, the command never runs. Where they can, spawn_user_test
// (run outside the sandbox) checks the command runs as the user.
TEST(SpawnOptionsTest, UserIdsRefusedIs126WithOneLine) {
  if (CanChangeIds()) GTEST_SKIP() << "ids can be changed here";
  ProcessResult r = RunProcess(Ttrace(
      {"-e", "trace=none", "-u", "nobody", "/bin/sh", "-c", "echo ran"}));
  EXPECT_EQ(r.ExitCode(), 126) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "ttrace: cannot take on the user's ids for '/bin/sh': Operation "
            "not permitted\n");
}

// ---------------------------------------------------------------------------
// -D, -DD, -DDD (strace's --daemonize): the command keeps ttrace's pid and
// parent (the caller waits for the command itself and gets its status); a
// grandchild traces it, from the caller's process group, a new group, or a
// new session.

// "pid ppid tracer tracer_pgid tracer_sid" of the execs identity tracee.
std::vector<int> IdentityLine(const std::string& out) {
  std::vector<int> v;
  for (absl::string_view f : absl::StrSplit(
           absl::StripTrailingAsciiWhitespace(out), ' ', absl::SkipEmpty())) {
    int n = 0;
    if (!absl::SimpleAtoi(f, &n)) return {};
    v.push_back(n);
  }
  return v.size() == 5 ? v : std::vector<int>{};
}

int TracerPidOf(pid_t pid) {
  for (const std::string& line :
       SplitLines(ReadFileOrEmpty(absl::StrCat("/proc/", pid, "/status")))) {
    int n = -1;
    if (absl::StartsWith(line, "TracerPid:") &&
        absl::SimpleAtoi(absl::StripAsciiWhitespace(line.substr(10)), &n)) {
      return n;
    }
  }
  return -1;
}

// Which process a run of the tracer happens in is up to the scheduler (the
// middle process may exit before or after the tracer seizes): repeated.
TEST(DaemonizeTest, CommandKeepsPidAndParentTracedFromAGrandchild) {
  enum Where { kOurGroup, kNewGroup, kNewSession };
  const std::pair<const char*, Where> cases[] = {
      {"-D", kOurGroup},
      {"-DD", kNewGroup},
      {"--daemonize=session", kNewSession}};
  for (const auto& [flag, where] : cases) {
    for (int run = 0; run < 4; ++run) {
      SCOPED_TRACE(absl::StrCat(flag, " run ", run));
      const std::string trace = NewTempPath("trace");
      Subprocess p({TtracePath(), flag, "-e", "trace=execve,exit_group", "-o",
                    trace, TraceeBinary("execs"), "identity", "5", "0"});
      const ProcessResult r = p.Wait();
      EXPECT_EQ(r.ExitCode(), 5) << r.Describe();
      EXPECT_TRUE(WIFEXITED(r.wait_status)) << r.Describe();
      const std::vector<int> id = IdentityLine(r.out);
      ASSERT_EQ(id.size(), 5u) << r.Describe();
      EXPECT_EQ(id[0], p.pid());   // the command is the process we started
      EXPECT_EQ(id[1], getpid());  // and our child
      const int tracer = id[2];
      EXPECT_GT(tracer, 0);
      EXPECT_NE(tracer, p.pid());
      switch (where) {
        case kOurGroup:  // Subprocess made p its own group's leader
          EXPECT_EQ(id[3], p.pid());
          EXPECT_EQ(id[4], getsid(0));
          break;
        case kNewGroup:
          EXPECT_EQ(id[3], tracer);
          EXPECT_EQ(id[4], getsid(0));
          break;
        case kNewSession:
          EXPECT_EQ(id[3], tracer);
          EXPECT_EQ(id[4], tracer);
          break;
      }
      // The grandchild finishes the trace on its own, maybe after us.
      EXPECT_TRUE(WaitFor([&] {
        return absl::StrContains(ReadFileOrEmpty(trace),
                                 "+++ exited with 5 +++");
      }));
      const std::string text = ReadFileOrEmpty(trace);
      EXPECT_EQ(CountLinesContaining(text, "execve(\""), 1) << text;
      EXPECT_EQ(CountLinesContaining(text, "], 0x"), 1) << text;
      EXPECT_THAT(text, HasSubstr("exit_group(5)")) << text;
      unlink(trace.c_str());
    }
  }
}

// SIGTERM to a -D tracer detaches it (the command is the caller's, as an
// attached process is): the command runs on untraced and exits as usual.
TEST(DaemonizeTest, TerminatedTracerLeavesTheCommandRunning) {
  for (int run = 0; run < 3; ++run) {
    SCOPED_TRACE(absl::StrCat("run ", run));
    const std::string trace = NewTempPath("trace");
    Subprocess p({TtracePath(), "-D", "-o", trace, TraceeBinary("execs"),
                  "identity", "7", "1500"});
    std::vector<int> id;
    ASSERT_TRUE(WaitFor([&] {
      id = IdentityLine(p.StdoutSoFar());
      return !id.empty();
    })) << p.StdoutSoFar();
    ASSERT_GT(id[2], 0);
    EXPECT_EQ(kill(id[2], SIGTERM), 0);
    EXPECT_TRUE(WaitFor([&] { return TracerPidOf(p.pid()) == 0; }));
    const ProcessResult r = p.Wait();
    EXPECT_EQ(r.ExitCode(), 7) << r.Describe();
    EXPECT_EQ(CountLinesContaining(ReadFileOrEmpty(trace), "+++ exited"), 0);
    unlink(trace.c_str());
  }
}

TEST_F(ExitStatusTest, DaemonizeNeedsACommandIs2) {
  ExpectUsage(RunProcess(Ttrace({"-D", "-p", "1"})),
              "PROG [ARGS] must be specified with -D/--daemonize");
}

TEST_F(ExitStatusTest, UnknownUserIs2) {
  ExpectOneLine(RunProcess(Ttrace({"-u", "no-such-user-here", "true"})), 2,
                "Cannot find user 'no-such-user-here'");
}

// -P with -f: in every process, only the calls on the path, by name
// (the absolute one; "hostname" from /etc is another string) or by an fd
// open on it. As strace -P shows it.
TEST(TracePathTest, OnlyCallsOnThePathInEveryProcess) {
  const std::string out = NewTempPath("trace");
  ProcessResult r =
      RunProcess(Ttrace({"-f", "-P", "/etc/hostname", "-o", out, "/bin/sh",
                         "-c", "cat /etc/hostname; cd /etc && cat hostname"}));
  ASSERT_EQ(r.ExitCode(), 0) << r.Describe();
  const std::string text = ReadFileOrEmpty(out);
  int calls = 0;
  for (const std::string& line : SplitLines(text)) {
    absl::string_view body = StripPidPrefix(line);
    if (absl::StartsWith(body, "+++ ") || absl::StartsWith(body, "--- ")) {
      continue;
    }
    ++calls;
    EXPECT_TRUE(absl::StrContains(body, "\"/etc/hostname\"") ||
                absl::StrContains(body, "(3"))
        << line;
  }
  EXPECT_EQ(CountLinesContaining(text, "openat("), 1) << text;
  EXPECT_EQ(CountLinesContaining(text, "close(3)"), 2) << text;
  EXPECT_EQ(CountLinesContaining(text, "execve("), 0) << text;
  EXPECT_GE(calls, 8) << text;
  unlink(out.c_str());
}

// -A: the trace is appended to -o FILE; without it the file starts afresh.
TEST(AppendOutputTest, AppendsWithAAndTruncatesWithout) {
  const std::string out = NewTempPath("trace");
  for (const char* code : {"3", "4"}) {
    ProcessResult r = RunProcess(TraceTo(out, "execs", {"exit", code}, {"-A"}));
    ASSERT_EQ(r.ExitCode(), std::stoi(code)) << r.Describe();
  }
  std::string text = ReadFileOrEmpty(out);
  EXPECT_EQ(CountLinesContaining(text, "+++ exited with 3 +++"), 1) << text;
  EXPECT_EQ(CountLinesContaining(text, "+++ exited with 4 +++"), 1) << text;
  EXPECT_LT(text.find("exited with 3"), text.find("exited with 4"));
  ProcessResult r = RunProcess(TraceTo(out, "execs", {"exit", "5"}));
  ASSERT_EQ(r.ExitCode(), 5) << r.Describe();
  text = ReadFileOrEmpty(out);
  EXPECT_EQ(CountLinesContaining(text, "+++ exited with "), 1) << text;
  EXPECT_EQ(CountLinesContaining(text, "+++ exited with 5 +++"), 1) << text;
  unlink(out.c_str());
}

TEST(PidPrefixTest, EveryLineWithOutputFileAndFollowForks) {
  const std::string out = NewTempPath("trace");
  ProcessResult r = RunProcess(TraceTo(out, "forks", {"fork", "2"}, {"-f"}));
  ASSERT_EQ(r.ExitCode(), 60) << r.Describe();
  const std::vector<std::string> lines = SplitLines(ReadFileOrEmpty(out));
  ASSERT_GE(lines.size(), 8u);
  static const std::regex kStarted(R"(\(pid ([0-9]+)\) \+\+\+$)");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(lines[0], m, kStarted)) << lines[0];
  const int leader = std::stoi(m[1]);
  EXPECT_TRUE(
      absl::StartsWith(lines[0], absl::StrFormat("%-5d +++ started ", leader)))
      << lines[0];
  std::set<int> tids;
  for (const std::string& line : lines) {
    absl::string_view body;
    const int tid = SplitPidPrefix(line, &body);
    ASSERT_GT(tid, 0) << line;
    EXPECT_TRUE(absl::StartsWith(line, absl::StrFormat("%-5d ", tid))) << line;
    EXPECT_FALSE(absl::StartsWith(body, " ")) << line;
    tids.insert(tid);
  }
  EXPECT_EQ(tids.size(), 3u);  // the parent and its two children
  EXPECT_EQ(lines.back(),
            absl::StrFormat("%-5d +++ exited with 60 +++", leader));
  unlink(out.c_str());
}

TEST(PidPrefixTest, NoneForOneProcessToAFileWithoutFollowForks) {
  const std::string out = NewTempPath("trace");
  ProcessResult r = RunProcess(TraceTo(out, "signals", {"count", "2"}));
  ASSERT_EQ(r.ExitCode(), 44) << r.Describe();
  const std::vector<std::string> lines = SplitLines(ReadFileOrEmpty(out));
  ASSERT_FALSE(lines.empty());
  for (const std::string& line : lines) {
    EXPECT_TRUE(absl::StartsWith(line, "+++ ") ||
                absl::StartsWith(line, "--- "))
        << line;
  }
}

TEST(PidPrefixTest, BracketsOnStandardErrorWhileSeveralThreads) {
  ProcessResult r = RunProcess(
      Ttrace({"-f", "-e", "trace=none", TraceeBinary("forks"), "fork", "2"}));
  ASSERT_EQ(r.ExitCode(), 60) << r.Describe();
  const std::vector<std::string> lines = SplitLines(r.err);
  ASSERT_GE(lines.size(), 8u) << r.err;
  EXPECT_TRUE(absl::StartsWith(lines.front(), "+++ started ")) << r.err;
  EXPECT_EQ(lines.back(), "+++ exited with 60 +++") << r.err;
  int bracketed = 0;
  for (const std::string& line : lines) {
    bracketed += absl::StartsWith(line, "[pid ");
    EXPECT_FALSE(absl::ascii_isdigit(line[0])) << line;
  }
  EXPECT_GE(bracketed, 4) << r.err;  // the children's lines at least
}

// ---------------------------------------------------------------------------
// -ff -o PREFIX: each thread's trace in PREFIX.TID, as strace writes it:
// no pid on any line, calls whole, an exec from a non-leader ending the
// exec'ing thread's file with "<pid changed to N ...>".

class OutputSeparatelyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTempPath("ff");
    ASSERT_EQ(mkdir(dir_.c_str(), 0755), 0);
  }

  // tid -> lines of every DIR/STEM.TID file.
  std::map<int, std::vector<std::string>> Files(const std::string& stem) {
    std::map<int, std::vector<std::string>> files;
    DIR* d = opendir(dir_.c_str());
    while (dirent* e = readdir(d)) {
      absl::string_view name = e->d_name;
      int tid = 0;
      if (absl::ConsumePrefix(&name, stem + ".") &&
          absl::SimpleAtoi(name, &tid)) {
        files[tid] =
            SplitLines(ReadFileOrEmpty(absl::StrCat(dir_, "/", e->d_name)));
      }
    }
    closedir(d);
    return files;
  }

  static void ExpectNoPidsNorSplits(const std::vector<std::string>& lines) {
    for (const std::string& line : lines) {
      absl::string_view body;
      EXPECT_EQ(SplitPidPrefix(line, &body), -1) << line;
      EXPECT_FALSE(absl::StrContains(line, "resumed>")) << line;
      EXPECT_FALSE(absl::StrContains(line, "<unfinished ...>")) << line;
    }
  }

  std::string dir_;
};

TEST_F(OutputSeparatelyTest, EachForkedChildHasItsFile) {
  ProcessResult r = RunProcess(
      Ttrace({"-ff", "-o", dir_ + "/t", TraceeBinary("forks"), "fork", "3"}));
  ASSERT_EQ(r.ExitCode(), 60) << r.Describe();
  EXPECT_EQ(r.err, "");
  std::map<int, std::vector<std::string>> files = Files("t");
  ASSERT_EQ(files.size(), 4u);
  // The parent's file: started, its calls, the children it made, exit 60.
  const int parent = files.begin()->first;
  const std::vector<std::string>& top = files[parent];
  ASSERT_GE(top.size(), 3u);
  EXPECT_EQ(top.front(), absl::StrCat("+++ started ", TraceeBinary("forks"),
                                      " fork 3 (pid ", parent, ") +++"));
  EXPECT_EQ(top.back(), "+++ exited with 60 +++");
  std::vector<int> children;
  static const std::regex kCreated(
      R"(^\+\+\+ created process ([0-9]+) \+\+\+$)");
  for (const std::string& line : top) {
    std::smatch m;
    if (std::regex_match(line, m, kCreated))
      children.push_back(std::stoi(m[1]));
  }
  ASSERT_EQ(children.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(files.count(children[i]), 1u) << children[i];
    const std::vector<std::string>& lines = files[children[i]];
    ASSERT_FALSE(lines.empty());
    // Child i exits i, and only its own calls are in its file.
    EXPECT_EQ(lines.back(), absl::StrCat("+++ exited with ", i, " +++"));
    EXPECT_EQ(CountLinesContaining(absl::StrJoin(lines, "\n"), "+++ exited"),
              1);
    ExpectNoPidsNorSplits(lines);
  }
  ExpectNoPidsNorSplits(top);
}

// Racy by nature (the exec kills the other threads wherever they are):
// repeated.
TEST_F(OutputSeparatelyTest, NonLeaderExecEndsItsFileWithPidChanged) {
  for (int round = 0; round < 5; ++round) {
    const std::string stem = absl::StrCat("e", round);
    ProcessResult r =
        RunProcess(Ttrace({"-ff", "-o", dir_ + "/" + stem,
                           TraceeBinary("execs"), "exec_nonleader", "2"}));
    ASSERT_EQ(r.ExitCode(), 42) << r.Describe();
    std::map<int, std::vector<std::string>> files = Files(stem);
    ASSERT_EQ(files.size(), 4u) << round;
    const int leader = files.begin()->first;
    const std::vector<std::string>& top = files[leader];
    // Which thread exec'd: the leader's "superseded" line says.
    int execer = 0;
    for (const std::string& line : top) {
      absl::string_view rest = line;
      if (absl::ConsumePrefix(&rest, "+++ superseded by execve in pid ")) {
        ASSERT_TRUE(absl::SimpleAtoi(rest.substr(0, rest.find(' ')), &execer));
      }
    }
    ASSERT_NE(execer, 0) << absl::StrJoin(top, "\n");
    const std::vector<std::string>& gone = files[execer];
    ASSERT_FALSE(gone.empty());
    EXPECT_THAT(gone.back(), StartsWith("execve("));
    EXPECT_THAT(gone.back(), ::testing::EndsWith(absl::StrCat(
                                 " <pid changed to ", leader, " ...>")));
    // The leader's file: superseded, the exec, the call's end, exit 42.
    const std::string text = absl::StrJoin(top, "\n");
    const size_t superseded = text.find("+++ superseded by execve in pid");
    const size_t resumed = text.find("\n<... execve resumed>) ");
    ASSERT_NE(resumed, std::string::npos) << text;
    EXPECT_LT(superseded, resumed);
    EXPECT_EQ(top.back(), "+++ exited with 42 +++");
    for (const auto& [tid, lines] : files) {
      if (tid == leader || tid == execer) continue;
      ASSERT_FALSE(lines.empty());
      EXPECT_EQ(lines.back(), "+++ exited with 0 +++") << tid;
      ExpectNoPidsNorSplits(lines);
    }
  }
}

// Threads whose calls interleave (each split in the shared trace): every
// file still has whole calls only and ends with its thread's exit.
// Scheduling-dependent: repeated.
TEST_F(OutputSeparatelyTest, InterleavedThreadsGetWholeCallsRepeatedly) {
  for (int round = 0; round < 10; ++round) {
    const std::string stem = absl::StrCat("r", round);
    ProcessResult r =
        RunProcess(Ttrace({"-ff", "-o", dir_ + "/" + stem,
                           TraceeBinary("threads"), "threads", "8", "3"}));
    ASSERT_EQ(r.ExitCode(), 3) << r.Describe();
    std::map<int, std::vector<std::string>> files = Files(stem);
    ASSERT_EQ(files.size(), 9u) << round;
    const int leader = files.begin()->first;
    for (const auto& [tid, lines] : files) {
      ASSERT_FALSE(lines.empty()) << tid;
      EXPECT_EQ(lines.back(), tid == leader ? "+++ exited with 3 +++"
                                            : "+++ exited with 0 +++")
          << round << " " << tid;
      ExpectNoPidsNorSplits(lines);
    }
  }
}

TEST_F(OutputSeparatelyTest, DecodedRecordingGivesTheSameFiles) {
  ProcessResult live = RunProcess(
      Ttrace({"-ff", "-o", dir_ + "/live", "--record", dir_ + "/rec.ttr",
              TraceeBinary("threads"), "threads", "3", "5"}));
  ASSERT_EQ(live.ExitCode(), 5) << live.Describe();
  ProcessResult dec = RunProcess(
      Ttrace({"--decode", dir_ + "/rec.ttr", "-ff", "-o", dir_ + "/dec"}));
  ASSERT_EQ(dec.ExitCode(), 0) << dec.Describe();
  std::map<int, std::vector<std::string>> a = Files("live");
  EXPECT_EQ(a.size(), 4u);
  EXPECT_EQ(a, Files("dec"));
}

// strace 6.1 warns that -S without -c/-C has no effect, and traces on.
TEST(SummaryOptionsTest, SortByAloneIsAWarning) {
  const std::string out = NewTempPath("sort-alone");
  ProcessResult r = RunProcess(Ttrace({"-S", "calls", "-o", out, "true"}));
  EXPECT_EQ(r.ExitCode(), 0) << r.Describe();
  EXPECT_EQ(ErrLines(r),
            std::vector<std::string>{
                "ttrace: -S/--summary-sort-by has no effect without "
                "(-c/--summary-only or -C/--summary)"});
  const std::vector<std::string> lines = SplitLines(ReadFileOrEmpty(out));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(), "+++ exited with 0 +++");
  unlink(out.c_str());
  // -w without -c/-C is refused.
  r = RunProcess(Ttrace({"-w", "true"}));
  EXPECT_EQ(r.ExitCode(), 2) << r.Describe();
  EXPECT_EQ(ErrLines(r).front(),
            "ttrace: -w/--summary-wall-clock must be given with "
            "(-c/--summary-only or -C/--summary)");
}

// strace's "-o !CMD" pipes the trace into CMD as "-o |CMD" does (ttrace
// wrote a file named "!CMD"); with -ff it is refused as a pipe.
TEST_F(OutputSeparatelyTest, BangPipesIntoACommand) {
  const std::string out = dir_ + "/out";
  ProcessResult r = RunProcess(Ttrace({"-o", "!cat > " + out, "true"}));
  EXPECT_EQ(r.ExitCode(), 0) << r.Describe();
  const std::vector<std::string> lines = SplitLines(ReadFileOrEmpty(out));
  ASSERT_FALSE(lines.empty()) << r.Describe();
  EXPECT_EQ(lines.back(), "+++ exited with 0 +++");
  int entries = 0;
  DIR* d = opendir(dir_.c_str());
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] != '.') ++entries;
  }
  closedir(d);
  EXPECT_EQ(entries, 1);  // just "out"
  r = RunProcess(Ttrace({"-ff", "-o", "!cat > " + out, "true"}));
  EXPECT_EQ(r.ExitCode(), 2) << r.Describe();
  EXPECT_EQ(ErrLines(r).front(),
            "ttrace: piping the output and -ff/--output-separately are "
            "mutually exclusive");
}

TEST_F(OutputSeparatelyTest, UnopenableFileIs5WithOneLine) {
  const std::string prefix = dir_ + "/missing/t";
  ProcessResult r = RunProcess(Ttrace({"-ff", "-o", prefix, "true"}));
  EXPECT_EQ(r.ExitCode(), 5) << r.Describe();
  const std::vector<std::string> lines = ErrLines(r);
  ASSERT_EQ(lines.size(), 1u) << r.Describe();
  EXPECT_TRUE(std::regex_match(
      lines[0],
      std::regex(absl::StrCat("ttrace: cannot open output file '", prefix,
                              R"(\.[0-9]+': No such file or directory)"))))
      << lines[0];
}

// ---------------------------------------------------------------------------
// Timestamps.

void CheckTimestamps(const std::string& option, const std::string& ts_regex) {
  SCOPED_TRACE(option);
  const std::string out = NewTempPath("trace");
  ProcessResult r =
      RunProcess(TraceTo(out, "signals", {"count", "3"}, {"-f", option}));
  ASSERT_EQ(r.ExitCode(), 44) << r.Describe();
  const std::string text = ReadFileOrEmpty(out);
  // With -o FILE and -f every line starts with its pid, as in strace.
  const std::regex line_re(
      absl::StrCat(R"(^[0-9]+ +)", ts_regex, R"( (\+\+\+|---) .*[^ ]$)"));
  std::vector<std::string> lines = SplitLines(text);
  ASSERT_EQ(lines.size(), 6u) << text;
  for (const std::string& line : lines) {
    EXPECT_TRUE(std::regex_match(line, line_re)) << line;
  }
  unlink(out.c_str());
}

TEST(TimestampTest, LineShapes) {
  CheckTimestamps("-t", R"([0-2][0-9]:[0-5][0-9]:[0-6][0-9])");
  CheckTimestamps("-tt", R"([0-2][0-9]:[0-5][0-9]:[0-6][0-9]\.[0-9]{6})");
  CheckTimestamps("-ttt", R"([0-9]{10}\.[0-9]{6})");
  CheckTimestamps("-r", R"( *[0-9]{1,}\.[0-9]{6})");
}

// Seconds of `clock`.
double Seconds(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

TEST(TimestampTest, EpochSecondsAreNowAndRelativeAreSmall) {
  const std::string out = NewTempPath("trace");
  const double before = Seconds(CLOCK_REALTIME);
  const double mono_before = Seconds(CLOCK_MONOTONIC);
  ProcessResult r =
      RunProcess(TraceTo(out, "signals", {"count", "2"}, {"-ttt"}));
  const double after = Seconds(CLOCK_REALTIME);
  // ttrace's event times are its monotonic clock anchored once to the wall
  // clock (they never go back): when the wall clock is stepped back during
  // the run (a VM's time sync does it; seen in CI), they run ahead of it by
  // the step.
  const double step_back = std::max(
      0.0, (Seconds(CLOCK_MONOTONIC) - mono_before) - (after - before));
  ASSERT_EQ(r.ExitCode(), 44) << r.Describe();
  double prev = 0;
  for (const std::string& line : SplitLines(ReadFileOrEmpty(out))) {
    double t = 0;
    ASSERT_TRUE(absl::SimpleAtod(line.substr(0, line.find(' ')), &t)) << line;
    EXPECT_GE(t, before - 1) << line;
    EXPECT_LE(t, after + step_back + 1) << line;
    EXPECT_GE(t, prev) << line;
    prev = t;
  }
  r = RunProcess(TraceTo(out, "signals", {"count", "2"}, {"-r"}));
  ASSERT_EQ(r.ExitCode(), 44) << r.Describe();
  std::vector<std::string> lines = SplitLines(ReadFileOrEmpty(out));
  ASSERT_FALSE(lines.empty());
  for (const std::string& line : lines) {
    // "%6d.%06d": at least six characters before the point.
    const size_t dot = line.find('.');
    ASSERT_NE(dot, std::string::npos) << line;
    EXPECT_GE(dot, 6u) << line;
    double t = -1;
    ASSERT_TRUE(absl::SimpleAtod(
        absl::StripAsciiWhitespace(line.substr(0, line.find(' ', dot))), &t))
        << line;
    EXPECT_GE(t, 0) << line;
    EXPECT_LT(t, 10) << line;
  }
  unlink(out.c_str());
}

// ---------------------------------------------------------------------------
// Output errors: status 5, one message, and the command is not harmed.

TEST(OutputErrorTest, DevFullIs5AndCommandRunsToCompletion) {
  const std::string marker = NewTempPath("marker");
  ProcessResult r =
      RunProcess(Ttrace({"-e", "trace=none", "-o", "/dev/full", "/bin/sh", "-c",
                         absl::StrCat("sleep 0.2; echo done > ", marker,
                                      ".tmp; mv ", marker, ".tmp ", marker)}));
  EXPECT_EQ(r.ExitCode(), 5) << r.Describe();
  EXPECT_THAT(ErrLines(r), ElementsAre(StartsWith("ttrace: "))) << r.Describe();
  EXPECT_THAT(r.err, HasSubstr(strerror(ENOSPC))) << r.Describe();
  EXPECT_TRUE(WaitFor([&] { return ReadFileOrEmpty(marker) == "done\n"; }))
      << "the command did not run to completion";
  unlink(marker.c_str());
}

// The trace goes to standard error, a pipe nobody reads any more (as with
// `ttrace cmd 2>&1 | head -0`): status 5, no hang, the command completes.
TEST(OutputErrorTest, ClosedPipeIs5) {
  const std::string marker = NewTempPath("marker");
  Pipe pipe;
  pipe.CloseRead();
  ProcessResult r =
      RunProcess(Ttrace({"-e", "trace=none", "/bin/sh", "-c",
                         absl::StrCat("sleep 0.1; echo done > ", marker,
                                      ".tmp; mv ", marker, ".tmp ", marker)}),
                 30000, SpawnOptions{.stderr_fd = pipe.write_fd});
  EXPECT_EQ(r.ExitCode(), 5) << r.Describe();
  EXPECT_TRUE(WaitFor([&] { return ReadFileOrEmpty(marker) == "done\n"; }))
      << "the command did not run to completion";
  unlink(marker.c_str());
}

// The reader goes away after the first line (`2>&1 | head -1`), while the
// command runs on: the next event fails to write, ttrace exits 5 and the
// command keeps running untraced.
TEST(OutputErrorTest, ReaderGoneMidwayIs5) {
  Pipe trace;     // ttrace's standard error: the trace
  Pipe busy_out;  // busy's standard output (inherited through ttrace)
  Subprocess t(Ttrace({"-e", "trace=none", TraceeBinary("busy"), "1"}),
               SpawnOptions{.stdout_fd = busy_out.write_fd,
                            .stderr_fd = trace.write_fd});
  trace.CloseWrite();
  busy_out.CloseWrite();
  LineReader busy(busy_out.read_fd);
  const std::string ready = busy.ReadLine();
  ASSERT_THAT(ready, StartsWith("ready ")) << t.Wait(1000).Describe();
  int busy_pid = 0;
  ASSERT_TRUE(absl::SimpleAtoi(ready.substr(6), &busy_pid)) << ready;
  LineReader trace_reader(trace.read_fd);
  EXPECT_THAT(trace_reader.ReadLine(), StartsWith("+++ started "));
  trace.CloseRead();
  kill(busy_pid, SIGUSR1);
  EXPECT_EQ(busy.ReadLine(), "ack usr1=1");
  ProcessResult r = t.Wait(20000);
  EXPECT_EQ(r.ExitCode(), 5) << r.Describe();
  // busy was left running, untraced, and still handles signals.
  EXPECT_TRUE(WaitFor([&] {
    return ThreadStates(busy_pid).find_first_of("tT") == std::string::npos;
  })) << ThreadStates(busy_pid);
  kill(busy_pid, SIGUSR1);
  EXPECT_EQ(busy.ReadLine(), "ack usr1=2");
  kill(busy_pid, SIGTERM);
  EXPECT_THAT(busy.ReadLine(), StartsWith("usr1=2 work="));
  kill(busy_pid, SIGKILL);  // in case it did not end (not our child)
}

// ---------------------------------------------------------------------------
// Attach (-p), detach on SIGINT/SIGTERM/SIGHUP/SIGQUIT.

// Thread ids of `pid` whose TracerPid (in /proc/PID/task/TID/status) is
// `tracer`, and the number of threads.
std::pair<int, int> ThreadsTracedBy(pid_t pid, pid_t tracer) {
  int traced = 0, threads = 0;
  const std::string dir = absl::StrCat("/proc/", pid, "/task");
  DIR* d = opendir(dir.c_str());
  if (!d) return {0, 0};
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] == '.') continue;
    ++threads;
    const std::string status =
        ReadFileOrEmpty(absl::StrCat(dir, "/", e->d_name, "/status"));
    traced +=
        absl::StrContains(status, absl::StrCat("TracerPid:\t", tracer, "\n"));
  }
  closedir(d);
  return {traced, threads};
}

// Waits until ttrace (`t`) traces all `threads` threads of `pid` (seen in
// /proc), then expects the attach lines in `out` within 2 s, as the trace is
// flushed within milliseconds while ttrace waits.
::testing::AssertionResult WaitAttached(pid_t pid, int threads, Subprocess* t,
                                        const std::string& out) {
  if (!WaitFor([&] {
        return ThreadsTracedBy(pid, t->pid()) ==
                   std::make_pair(threads, threads) ||
               t->Exited();
      })) {
    return ::testing::AssertionFailure()
           << "ttrace did not attach to every thread within 10 s: "
           << t->StderrSoFar();
  }
  if (t->Exited()) {
    return ::testing::AssertionFailure() << t->Wait().Describe();
  }
  EXPECT_TRUE(WaitFor(
      [&] {
        return CountLinesContaining(ReadFileOrEmpty(out), "+++ attached +++") ==
               threads;
      },
      2000))
      << "attached to " << threads
      << " threads, but the attach lines are not in the output after 2 s:\n"
      << ReadFileOrEmpty(out);
  return ::testing::AssertionSuccess();
}

// The busy tracee, our child, with its stdout on a pipe.
class BusyProcess {
 public:
  explicit BusyProcess(int threads)
      : BusyProcess({TraceeBinary("busy"), std::to_string(threads)}) {}
  // Another program that prints "ready <pid>" and acks SIGUSR1 as busy does
  // ("races parked N").
  explicit BusyProcess(const std::vector<std::string>& argv)
      : proc_(argv, SpawnOptions{.stdout_fd = out_.write_fd}),
        reader_(out_.read_fd) {
    out_.CloseWrite();
    ready_ = reader_.ReadLine();
  }
  ~BusyProcess() { proc_.KillGroup(); }
  bool ready() const { return ready_ == absl::StrCat("ready ", pid()); }
  const std::string& ready_line() const { return ready_; }
  pid_t pid() const { return proc_.pid(); }
  std::string ReadLine() { return reader_.ReadLine(); }
  // Sends SIGUSR1 and returns the ack line.
  std::string Usr1() {
    kill(pid(), SIGUSR1);
    return ReadLine();
  }
  // SIGTERM; returns its last line and exit status.
  std::pair<std::string, ProcessResult> Finish() {
    kill(pid(), SIGTERM);
    std::string last = ReadLine();
    return {last, proc_.Wait(20000)};
  }

 private:
  Pipe out_;
  Subprocess proc_;
  LineReader reader_;
  std::string ready_;
};

class CliAttachTest : public ::testing::Test {
 protected:
  static constexpr int kThreads = 3;

  // One attach, `usr1` signals while attached, then `sig` to ttrace.
  void AttachSignalDetach(BusyProcess* busy, int sig, int usr1, int* sent) {
    SCOPED_TRACE(absl::StrCat("detach on ", strsignal(sig)));
    const std::string out = NewTempPath("attach");
    Subprocess t(Ttrace(
        {"-e", "trace=none", "-p", std::to_string(busy->pid()), "-o", out}));
    ASSERT_TRUE(WaitAttached(busy->pid(), kThreads + 1, &t, out));
    for (int i = 0; i < usr1; ++i) {
      ASSERT_EQ(busy->Usr1(), absl::StrCat("ack usr1=", ++*sent));
    }
    kill(t.pid(), sig);
    ProcessResult r = t.Wait(20000);
    EXPECT_EQ(r.ExitCode(), 128 + sig) << r.Describe();
    const std::string text = ReadFileOrEmpty(out);
    std::vector<std::string> lines = SplitLines(text);
    ASSERT_GE(lines.size(), static_cast<size_t>(2 * (kThreads + 1))) << text;
    EXPECT_EQ(CountLinesContaining(text, "+++ attached +++"), kThreads + 1)
        << text;
    EXPECT_EQ(CountLinesContaining(text, "--- SIGUSR1 {"), usr1) << text;
    EXPECT_EQ(CountLinesContaining(text, "+++ exited"), 0) << text;
    // The last lines: one detach per thread, each thread once (the last
    // one without a "[pid N]" prefix, being then the only thread left).
    std::set<pid_t> detached;
    for (size_t i = lines.size() - (kThreads + 1); i + 1 < lines.size(); ++i) {
      EXPECT_EQ(StripPidPrefix(lines[i]), "+++ detached +++") << text;
      detached.insert(LineTid(lines[i], -1));
    }
    EXPECT_EQ(lines.back(), "+++ detached +++") << text;
    EXPECT_EQ(detached.size(), static_cast<size_t>(kThreads)) << text;
    EXPECT_EQ(detached.count(-1), 0u) << text;
    EXPECT_EQ(CountLinesContaining(text, "+++ detached +++"), kThreads + 1)
        << text;
    const std::string states = ThreadStates(busy->pid());
    EXPECT_EQ(states.size(), static_cast<size_t>(kThreads + 1)) << states;
    EXPECT_EQ(states.find_first_of("tT"), std::string::npos) << states;
    // Still running and counting signals, untraced.
    ASSERT_EQ(busy->Usr1(), absl::StrCat("ack usr1=", ++*sent));
    unlink(out.c_str());
  }

  void FinishBusy(BusyProcess* busy, int sent) {
    auto [last, r] = busy->Finish();
    EXPECT_THAT(last, StartsWith(absl::StrCat("usr1=", sent, " work=")));
    EXPECT_EQ(r.ExitCode(), 0) << r.Describe();
  }
};

TEST_F(CliAttachTest, SigintDetachesRepeatedly) {
  BusyProcess busy(kThreads);
  ASSERT_TRUE(busy.ready()) << busy.ready_line();
  int sent = 0;
  for (int i = 0; i < 20; ++i) {
    SCOPED_TRACE(absl::StrCat("cycle ", i));
    AttachSignalDetach(&busy, SIGINT, 1 + i % 3, &sent);
    if (HasFatalFailure()) return;
  }
  FinishBusy(&busy, sent);
}

TEST_F(CliAttachTest, SigtermSighupSigquitDetach) {
  BusyProcess busy(kThreads);
  ASSERT_TRUE(busy.ready()) << busy.ready_line();
  int sent = 0;
  for (int sig : {SIGTERM, SIGHUP, SIGQUIT, SIGTERM, SIGHUP}) {
    AttachSignalDetach(&busy, sig, 1, &sent);
    if (HasFatalFailure()) return;
  }
  FinishBusy(&busy, sent);
}

// Detaching right after the attach, with no event in between.
TEST_F(CliAttachTest, DetachWithoutEvents) {
  BusyProcess busy(kThreads);
  ASSERT_TRUE(busy.ready()) << busy.ready_line();
  int sent = 0;
  AttachSignalDetach(&busy, SIGINT, 0, &sent);
  FinishBusy(&busy, sent);
}

// A signal that comes while ttrace is still attaching (here: once it has
// seized the leader of a process of many threads, most not yet seized) is
// acted on once every thread is attached: ttrace detaches from all of them,
// writes the trace and then dies of the signal, as strace does (it blocks
// these signals while attaching). Before, ttrace died of the signal at once
// (no detach, no trace written), or,
// with the signal ignored by its caller (SIGINT and SIGQUIT in a script's
// `ttrace -p PID &`), lost it and traced on. Timing-dependent: repeated,
// each signal with its default action and ignored by the caller.
TEST_F(CliAttachTest, SignalWhileAttachingDetachesFromEveryThread) {
  constexpr int kParked = 300;
  BusyProcess parked(
      {TraceeBinary("races"), "parked", std::to_string(kParked)});
  ASSERT_TRUE(parked.ready()) << parked.ready_line();
  const std::string leader_status =
      absl::StrCat("/proc/", parked.pid(), "/status");
  int sent = 0;
  for (int i = 0; i < 16; ++i) {
    const int sig = std::vector<int>{SIGINT, SIGTERM, SIGHUP, SIGQUIT}[i % 4];
    const bool ignored = i % 8 >= 4;
    SCOPED_TRACE(absl::StrCat("cycle ", i, ": ", strsignal(sig),
                              ignored ? " (ignored by the caller)" : ""));
    const std::string out = NewTempPath("attaching");
    Subprocess t(Ttrace({"-e", "trace=none", "-p", std::to_string(parked.pid()),
                         "-o", out}),
                 SpawnOptions{.ignored_signals = ignored ? std::vector<int>{sig}
                                                         : std::vector<int>{}});
    const std::string traced = absl::StrCat("TracerPid:\t", t.pid(), "\n");
    ASSERT_TRUE(WaitFor([&] {
      return absl::StrContains(ReadFileOrEmpty(leader_status), traced) ||
             t.Exited();
    }));
    kill(t.pid(), sig);
    ProcessResult r = t.Wait(20000);
    EXPECT_EQ(r.ExitCode(), 128 + sig) << r.Describe();
    const std::string text = ReadFileOrEmpty(out);
    EXPECT_EQ(CountLinesContaining(text, "+++ attached +++"), kParked + 1);
    EXPECT_EQ(CountLinesContaining(text, "+++ detached +++"), kParked + 1);
    const std::string states = ThreadStates(parked.pid());
    EXPECT_EQ(states.size(), static_cast<size_t>(kParked + 1)) << states;
    EXPECT_EQ(states.find_first_of("tT"), std::string::npos) << states;
    ASSERT_EQ(parked.Usr1(), absl::StrCat("ack usr1=", ++sent));
    unlink(out.c_str());
    if (HasFatalFailure()) return;
  }
  auto [last, r] = parked.Finish();
  EXPECT_EQ(last, absl::StrCat("usr1=", sent));
  EXPECT_EQ(r.ExitCode(), 0) << r.Describe();
}

// -p naming a thread of a process that another -p attached already (by its
// pid or another of its threads, in either order): ttrace attaches to every
// thread once, says nothing, and ends by the SIGINT after the detach (as
// every detach on a signal, and as strace), as with the same
// pid twice. Before, the second -p found nothing left to attach, printed
// "attach: process N: No such process" and ttrace exited 3.
TEST_F(CliAttachTest, ThreadOfAnAttachedProcessIsNoError) {
  BusyProcess busy(kThreads);
  ASSERT_TRUE(busy.ready()) << busy.ready_line();
  std::vector<pid_t> tids;
  const std::string dir = absl::StrCat("/proc/", busy.pid(), "/task");
  DIR* d = opendir(dir.c_str());
  ASSERT_NE(d, nullptr);
  while (dirent* e = readdir(d)) {
    pid_t tid;
    if (absl::SimpleAtoi(e->d_name, &tid)) tids.push_back(tid);
  }
  closedir(d);
  std::sort(tids.begin(), tids.end());
  ASSERT_EQ(tids.size(), static_cast<size_t>(kThreads + 1));
  const pid_t pid = busy.pid(), worker = tids.back(), other = tids[1];
  int sent = 0;
  for (const auto& [first, second] : std::vector<std::pair<pid_t, pid_t>>{
           {pid, worker}, {worker, pid}, {worker, other}}) {
    SCOPED_TRACE(absl::StrCat("-p ", first, " -p ", second));
    const std::string out = NewTempPath("attach");
    Subprocess t(Ttrace({"-e", "trace=none", "-o", out, "-p",
                         std::to_string(first), "-p", std::to_string(second)}));
    ASSERT_TRUE(WaitAttached(busy.pid(), kThreads + 1, &t, out));
    kill(t.pid(), SIGINT);
    ProcessResult r = t.Wait(20000);
    EXPECT_EQ(r.ExitCode(), 128 + SIGINT) << r.Describe();
    EXPECT_EQ(r.err, "");
    const std::string text = ReadFileOrEmpty(out);
    EXPECT_EQ(CountLinesContaining(text, "+++ attached +++"), kThreads + 1)
        << text;
    EXPECT_EQ(CountLinesContaining(text, "+++ detached +++"), kThreads + 1)
        << text;
    ASSERT_EQ(busy.Usr1(), absl::StrCat("ack usr1=", ++sent));
    unlink(out.c_str());
  }
  FinishBusy(&busy, sent);
}

// The trace goes to a pipe whose reader has stopped reading (`ttrace -p PID
// | less` left on its first screen): ttrace blocks writing, the traced
// threads wait in their stops. A Ctrl-C (or SIGTERM, SIGHUP, SIGQUIT) then
// gives the write up, as strace does ("Interrupted system call"): ttrace
// detaches, the program runs on, and the status is 5 (the trace is
// incomplete). Before, the write was retried after the signal: ttrace and
// the program stayed stuck until the reader read or went away.
TEST_F(CliAttachTest, SignalWhileOutputIsBlockedDetaches) {
  BusyProcess busy(kThreads);
  ASSERT_TRUE(busy.ready()) << busy.ready_line();
  int sent = 0;
  for (int sig :
       {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
    SCOPED_TRACE(strsignal(sig));
    Pipe trace;  // not read until ttrace is done
    Subprocess t(Ttrace({"-o", "-", "-p", std::to_string(busy.pid())}),
                 SpawnOptions{.stdout_fd = trace.write_fd});
    trace.CloseWrite();
    const int capacity = fcntl(trace.read_fd, F_GETPIPE_SZ);
    ASSERT_GT(capacity, 0);
    ASSERT_TRUE(WaitFor([&] {
      int queued = 0;
      ioctl(trace.read_fd, FIONREAD, &queued);
      return queued >= capacity || t.Exited();
    }));
    ASSERT_FALSE(t.Exited()) << t.Wait().Describe();
    kill(t.pid(), sig);
    ProcessResult r = t.Wait(10000);
    EXPECT_EQ(r.ExitCode(), 5) << r.Describe();
    const std::string states = ThreadStates(busy.pid());
    EXPECT_EQ(states.size(), static_cast<size_t>(kThreads + 1)) << states;
    EXPECT_EQ(states.find_first_of("tT"), std::string::npos) << states;
    ASSERT_EQ(busy.Usr1(), absl::StrCat("ack usr1=", ++sent));
  }
  FinishBusy(&busy, sent);
}

// The process ends while attached: ttrace reports the exits and exits 0.
TEST_F(CliAttachTest, ProcessExitsWhileAttached) {
  BusyProcess busy(2);
  ASSERT_TRUE(busy.ready()) << busy.ready_line();
  const std::string out = NewTempPath("attach");
  Subprocess t(Ttrace(
      {"-e", "trace=none", "-p", std::to_string(busy.pid()), "-o", out}));
  ASSERT_TRUE(WaitAttached(busy.pid(), 3, &t, out));
  auto [last, br] = busy.Finish();
  EXPECT_THAT(last, StartsWith("usr1=0 work="));
  ProcessResult r = t.Wait(20000);
  EXPECT_EQ(r.ExitCode(), 0) << r.Describe();
  const std::string text = ReadFileOrEmpty(out);
  EXPECT_EQ(CountLinesContaining(text, "--- SIGTERM {"), 1) << text;
  EXPECT_EQ(CountLinesContaining(text, "+++ exited with 0 +++"), 3) << text;
  EXPECT_EQ(SplitLines(text).back(), "+++ exited with 0 +++") << text;
  unlink(out.c_str());
}

// Syscalls are reported from the attach on, for every thread (the workers'
// getppid); Ctrl-C then detaches threads stopped at syscalls, and the
// program runs on untraced with its signals. In a loop: each attach finds
// the threads at other points (running, in getppid, in nanosleep).
TEST_F(CliAttachTest, SyscallsOfEveryThreadThenSigintDetaches) {
  BusyProcess busy(kThreads);
  ASSERT_TRUE(busy.ready()) << busy.ready_line();
  int sent = 0;
  for (int cycle = 0; cycle < 10; ++cycle) {
    SCOPED_TRACE(absl::StrCat("cycle ", cycle));
    const std::string out = NewTempPath("attach");
    Subprocess t(Ttrace(
        {"-e", "trace=getppid", "-p", std::to_string(busy.pid()), "-o", out}));
    std::set<pid_t> callers;
    ASSERT_TRUE(WaitFor([&] {
      callers.clear();
      for (const std::string& line : SplitLines(ReadFileOrEmpty(out))) {
        if (absl::StrContains(line, "getppid() ")) {
          callers.insert(LineTid(line, -1));
        }
      }
      return callers.size() == static_cast<size_t>(kThreads);
    })) << ReadFileOrEmpty(out);
    EXPECT_EQ(callers.count(-1), 0u);
    kill(t.pid(), SIGINT);
    ProcessResult r = t.Wait(20000);
    EXPECT_EQ(r.ExitCode(), 128 + SIGINT) << r.Describe();
    const std::string text = ReadFileOrEmpty(out);
    EXPECT_EQ(CountLinesContaining(text, "+++ detached +++"), kThreads + 1)
        << text;
    const std::string states = ThreadStates(busy.pid());
    EXPECT_EQ(states.find_first_of("tT"), std::string::npos) << states;
    ASSERT_EQ(busy.Usr1(), absl::StrCat("ack usr1=", ++sent));
    unlink(out.c_str());
    if (HasFatalFailure()) return;
  }
  FinishBusy(&busy, sent);
}

// -e inject's delay_enter=: each worker is held stopped at its first
// getppid (for a minute, longer than the test waits); Ctrl-C releases the
// held threads and detaches from all of them at once (their calls in
// progress, as at any detach); the program runs on. (JSON: it shows a
// call once it has been in progress for 5 ms.)
TEST_F(CliAttachTest, HeldThreadsAreReleasedAtDetach) {
  BusyProcess busy(kThreads);
  ASSERT_TRUE(busy.ready()) << busy.ready_line();
  int sent = 0;
  for (int cycle = 0; cycle < 3; ++cycle) {
    SCOPED_TRACE(absl::StrCat("cycle ", cycle));
    const std::string out = NewTempPath("attach");
    Subprocess t(Ttrace({"--format=json", "-e", "trace=getppid", "-e",
                         "inject=getppid:delay_enter=60s", "-p",
                         std::to_string(busy.pid()), "-o", out}));
    ASSERT_TRUE(WaitFor([&] {
      return CountLinesContaining(ReadFileOrEmpty(out),
                                  "\"ev\":\"syscall_enter\"") == kThreads;
    })) << ReadFileOrEmpty(out);
    kill(t.pid(), SIGINT);
    ProcessResult r = t.Wait(20000);
    EXPECT_EQ(r.ExitCode(), 128 + SIGINT) << r.Describe();
    const std::string text = ReadFileOrEmpty(out);
    EXPECT_EQ(CountLinesContaining(text, "\"ev\":\"detach\""), kThreads + 1)
        << text;
    EXPECT_EQ(CountLinesContaining(
                  text, "\"detached\":true,\"split\":true,\"delayed\":true"),
              kThreads)
        << text;
    const std::string states = ThreadStates(busy.pid());
    EXPECT_EQ(states.find_first_of("tT"), std::string::npos) << states;
    ASSERT_EQ(busy.Usr1(), absl::StrCat("ack usr1=", ++sent));
    unlink(out.c_str());
    if (HasFatalFailure()) return;
  }
  FinishBusy(&busy, sent);
}

// A call in progress at the detach is reported as strace does, without a
// result: the main thread's rt_sigsuspend (restarted after the attach's
// interrupt) as "rt_sigsuspend([], 8 <detached ...>", or, when other
// threads' lines announced it first ("rt_sigsuspend([], 8 <unfinished
// ...>"), not again. In a loop: the detach finds it at its entry or inside.
TEST_F(CliAttachTest, CallInProgressAtDetachIsShownDetached) {
  BusyProcess busy(2);
  ASSERT_TRUE(busy.ready()) << busy.ready_line();
  int sent = 0;
  for (int cycle = 0; cycle < 5; ++cycle) {
    SCOPED_TRACE(absl::StrCat("cycle ", cycle));
    const std::string out = NewTempPath("attach");
    Subprocess t(Ttrace({"-e", "trace=rt_sigsuspend", "-p",
                         std::to_string(busy.pid()), "-o", out}));
    ASSERT_TRUE(WaitAttached(busy.pid(), 3, &t, out));
    ASSERT_EQ(busy.Usr1(), absl::StrCat("ack usr1=", ++sent));
    // The call after the signal's handler, shown while it waits (its line
    // is printed up to the arguments as soon as it blocks, as strace's).
    ASSERT_TRUE(WaitFor([&] {
      const std::string text = ReadFileOrEmpty(out);
      const size_t sig = text.find("--- SIGUSR1");
      return sig != std::string::npos &&
             text.find("rt_sigsuspend(", sig) != std::string::npos;
    })) << ReadFileOrEmpty(out);
    kill(t.pid(), SIGINT);
    ProcessResult r = t.Wait(20000);
    EXPECT_EQ(r.ExitCode(), 128 + SIGINT) << r.Describe();
    const std::string text = ReadFileOrEmpty(out);
    int detached = 0;
    for (const std::string& line : SplitLines(text)) {
      if (!absl::StrContains(line, "<detached ...>")) continue;
      // The main thread's (unprefixed once it is the last one attached).
      EXPECT_EQ(LineTid(line, busy.pid()), busy.pid()) << text;
      EXPECT_EQ(StripPidPrefix(line), "rt_sigsuspend([], 8 <detached ...>")
          << text;
      ++detached;
    }
    // Its last rt_sigsuspend line: the detached one, or the announced entry.
    std::string last;
    for (const std::string& line : SplitLines(text)) {
      if (absl::StrContains(line, "rt_sigsuspend(")) last = line;
    }
    EXPECT_TRUE(absl::EndsWith(last, "<detached ...>") ||
                absl::EndsWith(last, "<unfinished ...>"))
        << text;
    EXPECT_LE(detached, 1) << text;
    ASSERT_EQ(busy.Usr1(), absl::StrCat("ack usr1=", ++sent));
    unlink(out.c_str());
    if (HasFatalFailure()) return;
  }
  FinishBusy(&busy, sent);
}

// -I never: SIGINT, SIGTERM, SIGHUP and SIGQUIT neither detach nor stop
// ttrace; it traces on until the process ends (and only SIGKILL would end
// it early).
TEST_F(CliAttachTest, InterruptibleNeverIgnoresTerminationSignals) {
  BusyProcess busy(2);
  ASSERT_TRUE(busy.ready()) << busy.ready_line();
  const std::string out = NewTempPath("attach");
  Subprocess t(Ttrace({"-I", "never", "-e", "trace=none", "-p",
                       std::to_string(busy.pid()), "-o", out}));
  ASSERT_TRUE(WaitAttached(busy.pid(), 3, &t, out));
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) kill(t.pid(), sig);
  ASSERT_EQ(busy.Usr1(), "ack usr1=1");
  EXPECT_TRUE(WaitFor([&] {
    return CountLinesContaining(ReadFileOrEmpty(out), "--- SIGUSR1 {") == 1;
  })) << ReadFileOrEmpty(out);
  auto [last, br] = busy.Finish();
  EXPECT_THAT(last, StartsWith("usr1=1 work="));
  ProcessResult r = t.Wait(20000);
  EXPECT_EQ(r.ExitCode(), 0) << r.Describe();
  const std::string text = ReadFileOrEmpty(out);
  EXPECT_EQ(CountLinesContaining(text, "detached"), 0) << text;
  EXPECT_EQ(CountLinesContaining(text, "+++ exited with 0 +++"), 3) << text;
  unlink(out.c_str());
}

// -q: no attach or detach lines; what happens while attached still shows.
TEST_F(CliAttachTest, QuietLeavesOutAttachAndDetach) {
  BusyProcess busy(2);
  ASSERT_TRUE(busy.ready()) << busy.ready_line();
  const std::string out = NewTempPath("attach");
  Subprocess t(Ttrace(
      {"-q", "-e", "trace=none", "-p", std::to_string(busy.pid()), "-o", out}));
  ASSERT_TRUE(WaitFor([&] {
    return ThreadsTracedBy(busy.pid(), t.pid()) == std::make_pair(3, 3);
  })) << t.StderrSoFar();
  ASSERT_EQ(busy.Usr1(), "ack usr1=1");
  kill(t.pid(), SIGINT);
  ProcessResult r = t.Wait(20000);
  EXPECT_EQ(r.ExitCode(), 128 + SIGINT) << r.Describe();
  const std::string text = ReadFileOrEmpty(out);
  EXPECT_EQ(CountLinesContaining(text, "--- SIGUSR1 {"), 1) << text;
  EXPECT_EQ(CountLinesContaining(text, "attached"), 0) << text;
  EXPECT_EQ(CountLinesContaining(text, "detached"), 0) << text;
  FinishBusy(&busy, 1);
  unlink(out.c_str());
}

// ---------------------------------------------------------------------------
// Running a command: a signal sent to ttrace by a process is passed on; the
// trace goes on until the command ends.

// Starts `ttrace -o FILE /bin/sleep 30`, waits for its exec line, sends
// `sig` to ttrace: sleep dies of it, and so does ttrace.
void SignalPassedOnToCommand(int sig) {
  SCOPED_TRACE(strsignal(sig));
  const std::string out = NewTempPath("trace");
  Subprocess t(Ttrace({"-e", "trace=none", "-o", out, "/bin/sleep", "30"}));
  ASSERT_TRUE(WaitFor([&] {
    return CountLinesContaining(ReadFileOrEmpty(out), "+++ exec ") == 1 ||
           t.Exited();
  })) << ReadFileOrEmpty(out);
  ASSERT_FALSE(t.Exited()) << t.Wait().Describe();
  kill(t.pid(), sig);
  ProcessResult r = t.Wait(20000);
  EXPECT_EQ(r.ExitCode(), 128 + sig) << r.Describe();
  EXPECT_TRUE(WIFSIGNALED(r.wait_status)) << r.Describe();
  const std::string text = ReadFileOrEmpty(out);
  std::vector<std::string> lines = SplitLines(text);
  ASSERT_EQ(lines.size(), 4u) << text;
  const std::string name = sig == SIGINT    ? "SIGINT"
                           : sig == SIGTERM ? "SIGTERM"
                           : sig == SIGHUP  ? "SIGHUP"
                                            : "SIGQUIT";
  EXPECT_EQ(lines[2], absl::StrCat("--- ", name, " {si_signo=", name,
                                   ", si_code=SI_USER, si_pid=", t.pid(),
                                   ", si_uid=", getuid(), "} ---"))
      << text;
  EXPECT_EQ(lines[3], absl::StrCat("+++ killed by ", name, " +++")) << text;
  unlink(out.c_str());
}

TEST(SpawnSignalTest, SigtermIsPassedOn) { SignalPassedOnToCommand(SIGTERM); }
TEST(SpawnSignalTest, SigintIsPassedOn) { SignalPassedOnToCommand(SIGINT); }
TEST(SpawnSignalTest, SighupIsPassedOn) { SignalPassedOnToCommand(SIGHUP); }
TEST(SpawnSignalTest, SigquitIsPassedOn) { SignalPassedOnToCommand(SIGQUIT); }

// The command handles the signal and takes its time to end: ttrace keeps
// reporting (the workers' exits) and exits with the command's status.
TEST(SpawnSignalTest, TracingGoesOnUntilTheCommandEnds) {
  const std::string out = NewTempPath("trace");
  Pipe busy_out;
  Subprocess t(
      Ttrace({"-e", "trace=none", "-o", out, TraceeBinary("busy"), "2"}),
      SpawnOptions{.stdout_fd = busy_out.write_fd});
  busy_out.CloseWrite();
  LineReader busy(busy_out.read_fd);
  const std::string ready = busy.ReadLine();
  ASSERT_THAT(ready, StartsWith("ready ")) << t.Wait(1000).Describe();
  ASSERT_TRUE(WaitFor([&] {
    return CountLinesContaining(ReadFileOrEmpty(out), "+++ created thread") ==
           2;
  })) << ReadFileOrEmpty(out);
  // A SIGUSR1 to busy directly, then SIGTERM through ttrace.
  int busy_pid = 0;
  ASSERT_TRUE(absl::SimpleAtoi(ready.substr(6), &busy_pid));
  kill(busy_pid, SIGUSR1);
  EXPECT_EQ(busy.ReadLine(), "ack usr1=1");
  kill(t.pid(), SIGTERM);
  EXPECT_THAT(busy.ReadLine(), StartsWith("usr1=1 work="));
  ProcessResult r = t.Wait(20000);
  EXPECT_EQ(r.ExitCode(), 0) << r.Describe();
  const std::string text = ReadFileOrEmpty(out);
  EXPECT_EQ(
      CountLinesContaining(text, absl::StrCat("--- SIGTERM {si_signo=SIGTERM, "
                                              "si_code=SI_USER, si_pid=",
                                              t.pid(), ", ")),
      1)
      << text;
  EXPECT_EQ(CountLinesContaining(text, "--- SIGUSR1 {"), 1) << text;
  EXPECT_EQ(CountLinesContaining(text, "+++ exited with 0 +++"), 3) << text;
  EXPECT_EQ(SplitLines(text).back(), "+++ exited with 0 +++") << text;
  unlink(out.c_str());
}

}  // namespace
}  // namespace ttrace::testing
