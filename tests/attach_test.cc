// Attach (-p) to a busy multi-threaded process, see its signals, detach,
// and check that it keeps running with every signal delivered, in a loop.
#include <dirent.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/trace_harness.h"
#include "tracer/tracer.h"

namespace ttrace::testing {
namespace {

void NoOp(int) {}

// The busy tracee, started with its stdout on a pipe we read lines from.
class BusyProcess {
 public:
  explicit BusyProcess(int threads) {
    int fds[2];
    EXPECT_EQ(pipe(fds), 0);
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      close(fds[1]);
      std::string path = TraceePath("busy");
      std::string n = std::to_string(threads);
      execl(path.c_str(), "busy", n.c_str(), nullptr);
      _exit(127);
    }
    close(fds[1]);
    fd_ = fds[0];
    std::string ready = ReadLine();
    EXPECT_EQ(ready.rfind("ready ", 0), 0u) << ready;
  }
  ~BusyProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) close(fd_);
  }
  // One line of its output; "" at end of file or after 10 s without one
  // (a lost signal would otherwise hang the test).
  std::string ReadLine() {
    for (;;) {
      size_t nl = buf_.find('\n');
      if (nl != std::string::npos) {
        std::string line = buf_.substr(0, nl);
        buf_.erase(0, nl + 1);
        return line;
      }
      pollfd p{.fd = fd_, .events = POLLIN};
      if (poll(&p, 1, 10000) != 1) return "";
      char chunk[256];
      ssize_t n = read(fd_, chunk, sizeof chunk);
      if (n <= 0) return "";
      buf_.append(chunk, static_cast<size_t>(n));
    }
  }
  // Stops it with SIGTERM; returns its last line and exit status.
  std::pair<std::string, int> Finish() {
    kill(pid_, SIGTERM);
    std::string last, line;
    while (!(line = ReadLine()).empty()) last = line;
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
    return {last, status};
  }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = 0;
  int fd_ = -1;
  std::string buf_;
};

// Thread states from /proc/PID/task/*/stat: a detached thread must not be
// left in a tracing stop ('t') or stopped ('T').
std::string ThreadStates(pid_t pid) {
  std::string states;
  std::string dir = absl::StrCat("/proc/", pid, "/task");
  DIR* d = opendir(dir.c_str());
  if (!d) return "?";
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] == '.') continue;
    FILE* f = fopen(absl::StrCat(dir, "/", e->d_name, "/stat").c_str(), "r");
    if (!f) continue;
    char buf[512];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    const char* paren = strrchr(buf, ')');
    if (paren && paren[1] == ' ') states.push_back(paren[2]);
  }
  closedir(d);
  return states;
}

// Runs a Tracer attached to `pid` on its own thread (ptrace requests must
// all come from the thread that attached).
class AttachedTracer {
 public:
  explicit AttachedTracer(pid_t pid, TracerOptions options = {}) {
    sink_.react = [this](const Event& e) {
      if (std::holds_alternative<AttachEvent>(e.payload)) ++attached_;
      if (std::holds_alternative<SignalEvent>(e.payload)) ++signals_;
      if (std::holds_alternative<SyscallEvent>(e.payload)) {
        std::lock_guard<std::mutex> lock(mu_);
        if (syscall_tids_.insert(e.tid).second) ++threads_with_syscalls_;
      }
    };
    thread_ = std::thread([this, pid, options] {
      thread_handle_ = pthread_self();
      Tracer tracer(options, &sink_);
      {
        std::lock_guard<std::mutex> lock(tracer_mu_);
        tracer_ = &tracer;
      }
      attach_status_ = tracer.Attach(pid);
      started_ = true;
      if (attach_status_.ok()) {
        absl::StatusOr<RunResult> r = tracer.Run();
        run_ok_ = r.ok();
        detached_ = r.ok() && r->detached;
      }
      {
        std::lock_guard<std::mutex> lock(tracer_mu_);
        tracer_ = nullptr;  // before `tracer` is destroyed
      }
      done_ = true;
    });
    while (!started_) usleep(100);
  }
  // Asks for the detach and wakes the tracer's wait once, without waiting.
  void StartDetach() {
    RequestDetach();
    pthread_kill(thread_handle_, SIGALRM);
  }
  void Detach() {
    // The wait in Run is interrupted by a signal; repeat until it has seen
    // the request (it may arrive just before the wait blocks).
    while (!done_) {
      RequestDetach();
      pthread_kill(thread_handle_, SIGALRM);
      usleep(1000);
    }
    thread_.join();
  }
  ~AttachedTracer() {
    if (thread_.joinable()) Detach();
  }
  // Under the lock: the thread may destroy its Tracer right after Run
  // returns (the use after free ASan found in race_test's copy of this
  // class, RaceTest.ThreadCreatedDuringAttach).
  void RequestDetach() {
    std::lock_guard<std::mutex> lock(tracer_mu_);
    if (tracer_ != nullptr) tracer_->RequestDetach();
  }
  const absl::Status& attach_status() const { return attach_status_; }
  int attached() const { return attached_; }
  int signals() const { return signals_; }
  // Threads that made a reported syscall so far.
  int threads_with_syscalls() const { return threads_with_syscalls_; }
  bool detached() const { return detached_; }
  const std::vector<Event>& events() const { return sink_.events; }

 private:
  RecordingSink sink_;
  std::thread thread_;
  pthread_t thread_handle_{};
  std::mutex tracer_mu_;
  Tracer* tracer_ = nullptr;  // while the thread's Tracer lives; tracer_mu_
  std::atomic<bool> started_{false}, done_{false};
  std::atomic<int> attached_{0}, signals_{0}, threads_with_syscalls_{0};
  std::mutex mu_;
  absl::flat_hash_set<pid_t> syscall_tids_;  // guarded by mu_
  absl::Status attach_status_;
  bool run_ok_ = false, detached_ = false;
};

class AttachTest : public ::testing::Test {
 protected:
  void SetUp() override {
    struct sigaction sa {};
    sa.sa_handler = NoOp;  // no SA_RESTART: interrupts the tracer's wait
    sigaction(SIGALRM, &sa, nullptr);
  }
};

TEST_F(AttachTest, AttachSeeSignalsDetachRepeatedly) {
  constexpr int kThreads = 3;
  constexpr int kCycles = 25;
  constexpr int kSignalsPerCycle = 3;
  BusyProcess busy(kThreads);
  int sent = 0;
  for (int cycle = 0; cycle < kCycles; ++cycle) {
    AttachedTracer tracer(busy.pid());
    ASSERT_TRUE(tracer.attach_status().ok()) << tracer.attach_status();
    ASSERT_EQ(tracer.attached(), kThreads + 1);
    for (int i = 0; i < kSignalsPerCycle; ++i) {
      kill(busy.pid(), SIGUSR1);
      ++sent;
      ASSERT_EQ(busy.ReadLine(), absl::StrCat("ack usr1=", sent));
    }
    tracer.Detach();
    ASSERT_TRUE(tracer.detached());
    EXPECT_EQ(tracer.signals(), kSignalsPerCycle) << "cycle " << cycle;
    EXPECT_EQ(Count<DetachEvent>(tracer.events()), kThreads + 1);
    EXPECT_EQ(Count<ExitEvent>(tracer.events()), 0);
    std::string states = ThreadStates(busy.pid());
    EXPECT_EQ(states.find_first_of("tT"), std::string::npos) << states;
  }
  auto [last, status] = busy.Finish();
  // Every SIGUSR1 reached the program exactly once, and it kept working.
  EXPECT_EQ(last.rfind(absl::StrCat("usr1=", sent, " work="), 0), 0u) << last;
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

// With syscall tracing, every thread's syscalls are reported from the
// attach on: the running, the sleeping (interrupted out of nanosleep and
// restarted) and the one waiting in sigsuspend (seen once a signal wakes
// it). Detaching from threads stopped at syscalls leaves none stopped, and
// the program keeps all its signals and its work. Before the engine
// interrupted attached threads, no syscall was reported until a signal
// stopped a thread.
TEST_F(AttachTest, AttachTracesEveryThreadsSyscallsAndDetaches) {
  constexpr int kThreads = 3;
  constexpr int kCycles = 20;
  BusyProcess busy(kThreads);
  AllSyscalls decoder;
  int sent = 0;
  for (int cycle = 0; cycle < kCycles; ++cycle) {
    AttachedTracer tracer(busy.pid(), TracerOptions{.syscalls = &decoder});
    ASSERT_TRUE(tracer.attach_status().ok()) << tracer.attach_status();
    ASSERT_EQ(tracer.attached(), kThreads + 1);
    kill(busy.pid(), SIGUSR1);
    ++sent;
    ASSERT_EQ(busy.ReadLine(), absl::StrCat("ack usr1=", sent));
    for (int i = 0; i < 10000 && tracer.threads_with_syscalls() < kThreads + 1;
         ++i) {
      usleep(1000);
    }
    ASSERT_EQ(tracer.threads_with_syscalls(), kThreads + 1)
        << "cycle " << cycle;
    tracer.Detach();
    ASSERT_TRUE(tracer.detached());
    EXPECT_EQ(tracer.signals(), 1) << "cycle " << cycle;
    EXPECT_EQ(Count<DetachEvent>(tracer.events()), kThreads + 1);
    std::string states = ThreadStates(busy.pid());
    EXPECT_EQ(states.find_first_of("tT"), std::string::npos) << states;
  }
  auto [last, status] = busy.Finish();
  EXPECT_EQ(last.rfind(absl::StrCat("usr1=", sent, " work="), 0), 0u) << last;
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

// A signal sent while we detach is delivered, never lost: detach happens at
// a stop, and at a signal-delivery-stop the signal is passed on.
TEST_F(AttachTest, SignalRacingDetachIsDelivered) {
  BusyProcess busy(2);
  int sent = 0;
  for (int cycle = 0; cycle < 200; ++cycle) {
    AttachedTracer tracer(busy.pid());
    ASSERT_TRUE(tracer.attach_status().ok());
    // Alternate which comes first, with a varying gap, so that the signal
    // lands before, during and after the threads' detach stops.
    if (cycle % 2 == 0) {
      kill(busy.pid(), SIGUSR1);
      for (volatile int spin = 0; spin < (cycle % 50) * 500;) {
        spin = spin + 1;
      }
      tracer.StartDetach();
    } else {
      tracer.StartDetach();
      for (volatile int spin = 0; spin < (cycle % 50) * 500;) {
        spin = spin + 1;
      }
      kill(busy.pid(), SIGUSR1);
    }
    ++sent;
    tracer.Detach();
    ASSERT_EQ(busy.ReadLine(), absl::StrCat("ack usr1=", sent))
        << "cycle " << cycle;
  }
  auto [last, status] = busy.Finish();
  EXPECT_EQ(last.rfind(absl::StrCat("usr1=", sent, " work="), 0), 0u) << last;
}

// The process exits while attached: we see every thread's exit and Run ends
// by itself.
TEST_F(AttachTest, ProcessExitsWhileAttached) {
  BusyProcess busy(2);
  AttachedTracer tracer(busy.pid());
  ASSERT_TRUE(tracer.attach_status().ok());
  pid_t pid = busy.pid();
  kill(pid, SIGTERM);
  // Run ends on its own once all threads exited; Detach then just joins.
  tracer.Detach();
  std::vector<std::string> d = DescribeSorted(tracer.events());
  EXPECT_EQ(
      Count<ExitEvent>(tracer.events()) + Count<DetachEvent>(tracer.events()),
      3);
  busy.Finish();
}

// A stopped process stays stopped when attached and when detached.
// With and without syscall tracing (which interrupts each seized thread:
// the interrupt and the group-stop make one report).
TEST_F(AttachTest, StoppedProcessStaysStopped) {
  AllSyscalls decoder;
  for (const TracerOptions& options :
       {TracerOptions{}, TracerOptions{.syscalls = &decoder}}) {
    SCOPED_TRACE(options.syscalls ? "syscalls traced" : "thread events only");
    BusyProcess busy(2);
    kill(busy.pid(), SIGSTOP);
    // Wait until every thread is stopped.
    for (int i = 0; i < 1000 && ThreadStates(busy.pid()) != "TTT"; ++i)
      usleep(1000);
    ASSERT_EQ(ThreadStates(busy.pid()), "TTT");
    {
      AttachedTracer tracer(busy.pid(), options);
      ASSERT_TRUE(tracer.attach_status().ok());
      // Each thread reports its group-stop once seized.
      for (int i = 0; i < 1000 && Count<StopEvent>(tracer.events()) < 3; ++i) {
        usleep(1000);
      }
      usleep(20000);  // no further report (a second stop, a continue) comes
      tracer.Detach();
      EXPECT_EQ(Count<StopEvent>(tracer.events()), 3);
      EXPECT_EQ(Count<ContEvent>(tracer.events()), 0);
    }
    usleep(20000);
    EXPECT_EQ(ThreadStates(busy.pid()), "TTT");
    kill(busy.pid(), SIGCONT);
    kill(busy.pid(), SIGUSR1);
    EXPECT_EQ(busy.ReadLine(), "ack usr1=1");
    auto [last, status] = busy.Finish();
    EXPECT_EQ(last.rfind("usr1=1 work=", 0), 0u) << last;
  }
}

}  // namespace
}  // namespace ttrace::testing
