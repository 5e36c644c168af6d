// Scale (issue 6): a program that creates 10,000 threads (1,000 alive at
// once) and one that forks 1,000 processes are traced with every creation
// and exit reported, counted exactly; ttrace's peak RSS (VmHWM) while doing
// so is printed and bounded (issue 5: at most 16 MiB with 1,000 live
// threads).
//
// The engine runs in-process for the exact per-thread checks, the ttrace
// binary for the memory figures: its VmHWM is polled from /proc/PID/status
// until it exits (getrusage cannot tell it apart from the traced program's:
// a waited-for process's ru_maxrss includes its reaped children's).
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "tests/cli_util.h"
#include "tests/trace_harness.h"
#include "tracer/tracer.h"

namespace ttrace::testing {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// Issue 5's bound, while tracing 1,000 live threads.
constexpr long kMaxRssKiB = 16 * 1024;

constexpr int kThreads = 10000;
constexpr int kThreadsAlive = 1000;
constexpr int kForks = 1000;
constexpr int kForksAlive = 100;

int64_t NowUs() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

// VmHWM of `pid` in KiB, or -1 once it is gone or before it has exec'd
// ttrace (the forked child first reports this test's own memory).
long VmHwmKiB(pid_t pid) {
  const std::string status =
      ReadFileOrEmpty(absl::StrCat("/proc/", pid, "/status"));
  if (status.rfind("Name:\tttrace\n", 0) != 0) return -1;
  size_t at = status.find("VmHWM:");
  if (at == std::string::npos) return -1;
  at += 6;
  while (at < status.size() && (status[at] == ' ' || status[at] == '\t')) ++at;
  size_t end = status.find(' ', at);
  long kib = -1;
  if (!absl::SimpleAtoi(status.substr(at, end - at), &kib)) return -1;
  return kib;
}

struct Measured {
  ProcessResult result;
  long peak_kib = -1;  // the last VmHWM read before it exited
  double seconds = 0;
};

// Runs argv to its end, polling its VmHWM every millisecond.
Measured RunMeasured(const std::vector<std::string>& argv) {
  Measured m;
  const int64_t start = NowUs();
  Subprocess p(argv);
  for (;;) {
    const long kib = VmHwmKiB(p.pid());
    if (kib > m.peak_kib) m.peak_kib = kib;
    if (p.Exited()) break;
    if (NowUs() - start > 120'000'000) break;  // Wait() below kills it
    usleep(1000);
  }
  m.result = p.Wait(1000);
  m.seconds = static_cast<double>(NowUs() - start) / 1e6;
  return m;
}

double TimeUntraced(const std::vector<std::string>& argv) {
  const int64_t start = NowUs();
  ProcessResult r = RunProcess(argv, 120000);
  EXPECT_EQ(r.ExitCode(), 0) << r.Describe();
  return static_cast<double>(NowUs() - start) / 1e6;
}

void Report(const std::string& what, const Measured& m, double untraced) {
  std::cout << "SCALE " << what << ": ttrace peak RSS (VmHWM) " << m.peak_kib
            << " KiB (" << m.peak_kib / 1024.0 << " MiB), wall " << m.seconds
            << " s traced, " << untraced << " s untraced"
            << (kSanitized ? " [sanitizer build: RSS not bounded]" : "")
            << "\n";
  std::cout.flush();
}

TEST(ScaleTest, TenThousandThreadsEveryEventEngine) {
  const int64_t start = NowUs();
  Traced t = TraceCommand({TraceePath("scale"), "threads",
                           absl::StrCat(kThreads), absl::StrCat(kThreadsAlive)},
                          TracerOptions{.kill_on_exit = true});
  const double seconds = static_cast<double>(NowUs() - start) / 1e6;
  EXPECT_EQ(t.result.exit_status, 0);
  EXPECT_EQ(CheckLifecycle(t.events), "");
  ASSERT_EQ(Count<CloneEvent>(t.events), kThreads);
  for (const Event& e : Only<CloneEvent>(t.events)) {
    ASSERT_EQ(std::get<CloneEvent>(e.payload).kind, CloneKind::kThread);
  }
  ASSERT_EQ(Count<ExitEvent>(t.events), kThreads + 1);
  for (const Event& e : Only<ExitEvent>(t.events)) {
    const auto& x = std::get<ExitEvent>(e.payload);
    ASSERT_EQ(x.how, ExitEvent::How::kExited);
    ASSERT_EQ(x.code, 0);
  }
  EXPECT_EQ(Describe(t.events).back(), "P exit 0");
  EXPECT_EQ(Count<SignalEvent>(t.events), 0);
  std::cout << "SCALE engine, " << kThreads << " threads (" << kThreadsAlive
            << " alive): " << t.events.size() << " events in " << seconds
            << " s\n";
}

TEST(ScaleTest, ThousandForksEveryEventEngine) {
  const int64_t start = NowUs();
  Traced t =
      TraceCommand({TraceePath("scale"), "forks", absl::StrCat(kForks),
                    absl::StrCat(kForksAlive)},
                   TracerOptions{.follow_forks = true, .kill_on_exit = true});
  const double seconds = static_cast<double>(NowUs() - start) / 1e6;
  EXPECT_EQ(t.result.exit_status, 0);
  EXPECT_EQ(CheckLifecycle(t.events), "");
  ASSERT_EQ(Count<CloneEvent>(t.events), kForks);
  for (const Event& e : Only<CloneEvent>(t.events)) {
    ASSERT_EQ(std::get<CloneEvent>(e.payload).kind, CloneKind::kProcess);
  }
  ASSERT_EQ(Count<ExitEvent>(t.events), kForks + 1);
  // Children exit with index % 100: each code 0..99 ten times, plus the
  // parent's 0.
  std::vector<int> codes(100, 0);
  for (const Event& e : Only<ExitEvent>(t.events)) {
    const auto& x = std::get<ExitEvent>(e.payload);
    ASSERT_EQ(x.how, ExitEvent::How::kExited);
    ASSERT_GE(x.code, 0);
    ASSERT_LT(x.code, 100);
    ++codes[static_cast<size_t>(x.code)];
  }
  EXPECT_EQ(codes[0], kForks / 100 + 1);
  for (int c = 1; c < 100; ++c) EXPECT_EQ(codes[c], kForks / 100) << c;
  // SIGCHLD: at most one per child (pending ones merge), all to the parent.
  EXPECT_LE(Count<SignalEvent>(t.events), kForks);
  EXPECT_EQ(Describe(t.events).back(), "P exit 0");
  std::cout << "SCALE engine, " << kForks << " forks (" << kForksAlive
            << " alive): " << t.events.size() << " events in " << seconds
            << " s\n";
}

// ttrace -e trace=none -f -o FILE: every creation and exit in the text
// output, and the peak RSS.
TEST(ScaleTest, TenThousandThreadsPeakRssCli) {
  const std::vector<std::string> workload = {TraceeBinary("scale"), "threads",
                                             absl::StrCat(kThreads),
                                             absl::StrCat(kThreadsAlive)};
  const double untraced = TimeUntraced(workload);
  for (bool syscalls : {false, true}) {
    const std::string out = NewTempPath("scale_threads.out");
    std::vector<std::string> argv = {TtracePath(), "-f", "-o", out};
    if (!syscalls) argv.insert(argv.end(), {"-e", "trace=none"});
    argv.insert(argv.end(), workload.begin(), workload.end());
    Measured m = RunMeasured(argv);
    ASSERT_EQ(m.result.ExitCode(), 0) << m.result.Describe();
    const std::string text = ReadFileOrEmpty(out);
    EXPECT_EQ(CountLinesContaining(text, "+++ created thread "), kThreads);
    EXPECT_EQ(CountLinesContaining(text, "+++ exited with 0 +++"),
              kThreads + 1);
    EXPECT_EQ(CountLinesContaining(text, "+++ exited"), kThreads + 1);
    Report(absl::StrCat(kThreads, " threads (", kThreadsAlive, " alive), ",
                        syscalls ? "all syscalls to text" : "-e trace=none",
                        ", ", text.size() / 1024, " KiB of output"),
           m, untraced);
    ASSERT_GT(m.peak_kib, 0);
    if (!kSanitized) {
      EXPECT_LE(m.peak_kib, kMaxRssKiB);
    }
    unlink(out.c_str());
  }
}

TEST(ScaleTest, ThousandForksPeakRssCli) {
  const std::vector<std::string> workload = {TraceeBinary("scale"), "forks",
                                             absl::StrCat(kForks),
                                             absl::StrCat(kForksAlive)};
  const double untraced = TimeUntraced(workload);
  const std::string out = NewTempPath("scale_forks.out");
  std::vector<std::string> argv = {TtracePath(), "-f", "-e",
                                   "trace=none", "-o", out};
  argv.insert(argv.end(), workload.begin(), workload.end());
  Measured m = RunMeasured(argv);
  ASSERT_EQ(m.result.ExitCode(), 0) << m.result.Describe();
  const std::string text = ReadFileOrEmpty(out);
  EXPECT_EQ(CountLinesContaining(text, "+++ created process "), kForks);
  EXPECT_EQ(CountLinesContaining(text, "+++ exited with "), kForks + 1);
  EXPECT_LE(CountLinesContaining(text, "--- SIGCHLD "), kForks);
  Report(absl::StrCat(kForks, " forks (", kForksAlive, " alive), -f -e ",
                      "trace=none"),
         m, untraced);
  ASSERT_GT(m.peak_kib, 0);
  if (!kSanitized) {
    EXPECT_LE(m.peak_kib, kMaxRssKiB);
  }
  unlink(out.c_str());
}

}  // namespace
}  // namespace ttrace::testing
