// FakeKernel: a scripted Kernel for driving the real engine without ptrace.
// WaitAny replays a queue of (tid, raw wait status) steps written by the
// test, in order, and returns -ECHILD once the script is exhausted; every
// ptrace request the engine makes is recorded; the /proc readers and the
// event-message/siginfo getters answer from tables the test fills in.
//
// The fake also checks the ptrace protocol as the kernel enforces it: a
// thread may only be resumed, LISTENed or detached while it is in a
// ptrace-stop that WaitAny reported (and not LISTENing), and the script must
// not report a new stop for a thread the engine left stopped. Violations
// are collected (violations()) and the call fails with ESRCH, as it would.
//
// Usage:
//   FakeKernel fake;
//   fake.AddThread(/*tgid=*/100, /*tid=*/100, "main");
//   fake.AddStop(100, MakeSignalStopStatus(SIGUSR1));
//   fake.PushSigInfo(100, FakeKernel::SigInfo(SIGUSR1, SI_USER, 7, 0));
//   fake.AddStop(100, MakeExitedStatus(0));
//   Tracer tracer(TracerOptions{}, &sink, &fake);
//   ASSERT_TRUE(tracer.Attach(100).ok());
//   tracer.Run();
//   EXPECT_THAT(fake.CallLog(),
//               ElementsAre("seize(100)", "cont(100, SIGUSR1)"));
#ifndef TTRACE_TRACER_FAKE_KERNEL_H_
#define TTRACE_TRACER_FAKE_KERNEL_H_

#include <signal.h>
#include <sys/types.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tracer/kernel.h"

namespace ttrace {

class FakeKernel : public Kernel {
 public:
  enum class Op { kSeize, kInterrupt, kCont, kListen, kDetach, kSyscall };

  // One recorded ptrace request. `signo` is 0 for Seize/Interrupt/Listen;
  // `result` is what the fake returned (0 or an errno value).
  struct Call {
    Op op;
    pid_t tid;
    int signo;
    int result;
  };

  // ---- The wait script.

  // Appends a step: WaitAny returns `tid` with `status`. `on_return`, if
  // set, runs inside WaitAny just before it returns this step (e.g. to call
  // Tracer::RequestDetach as a signal handler would, or to change a table).
  void AddStop(pid_t tid, int status, std::function<void()> on_return = {});
  // Appends a step where WaitAny fails with `-err` (e.g. EINTR).
  void AddWaitError(int err, std::function<void()> on_return = {});

  // ---- Tables.

  // Registers thread `tid` of thread group `tgid` with name `comm`: it is
  // listed by ListThreads(tgid) (in registration order), ReadStatus(tid)
  // gives {tgid, ppid, tracer_pid = 0}, IsThreadOf(tgid, tid) is true.
  void AddThread(pid_t tgid, pid_t tid, std::string comm, pid_t ppid = 1);
  // Overrides what ListThreads(tgid) returns: the first call returns
  // answers[0], the next answers[1], ...; the last answer repeats.
  void SetThreadListings(pid_t tgid, std::vector<std::vector<pid_t>> answers);
  void SetStatus(pid_t tid, std::optional<Status> status);
  void SetComm(pid_t tid, std::string comm);
  void SetExecPath(pid_t tid, std::string path);
  // Answers for the next GetEventMsg(tid) calls, in order. Without one,
  // GetEventMsg fails with ESRCH. Asking for another event than the one
  // of the stop WaitAny reported for `tid` is a violation.
  void PushEventMsg(pid_t tid, unsigned long msg);
  // The next GetEventMsg(tid) finds `tid` moved on from its event stop, as
  // when a SIGKILL woke it into its exit stop: ESRCH.
  void PushStaleEventMsg(pid_t tid);
  // Answers for the next GetSigInfo(tid) calls, in order. Without one,
  // GetSigInfo fails with ESRCH.
  void PushSigInfo(pid_t tid, const siginfo_t& info);
  // Makes the next `times` calls of `op` on `tid` fail with `err` (times <
  // 0: all of them). A failing Cont/Listen/Detach leaves the thread
  // not stopped, as after a real ESRCH.
  void FailCalls(Op op, pid_t tid, int err, int times = -1);

  static siginfo_t SigInfo(int signo, int code, pid_t pid = 0, uid_t uid = 0,
                           uintptr_t addr = 0);

  // ---- Observations.

  const std::vector<Call>& calls() const { return calls_; }
  // The ptrace requests as strings: "seize(100)", "interrupt(100)",
  // "cont(100, 0)", "cont(100, SIGUSR1)", "listen(100)", "detach(100, 0)";
  // a failed one gets " = ESRCH" appended.
  std::vector<std::string> CallLog() const;
  // The same, interleaved with the steps WaitAny returned, as
  // "wait: 100 signal-delivery SIGUSR1" (or "wait: -EINTR").
  const std::vector<std::string>& Timeline() const { return timeline_; }
  // Protocol violations seen (see the file comment). Expected empty.
  const std::vector<std::string>& violations() const { return violations_; }
  // Threads left in a ptrace-stop (reported, never resumed or detached).
  std::set<pid_t> stopped() const { return stopped_; }
  // Steps not yet returned by WaitAny.
  size_t steps_left() const { return script_.size(); }
  // WaitAny calls made after the script was exhausted.
  int waits_past_end() const { return waits_past_end_; }

  static std::string SignalName(int signo);

  // ---- Kernel.
  int Seize(pid_t tid, unsigned long options) override;
  int Interrupt(pid_t tid) override;
  int Cont(pid_t tid, int signo) override;
  int Syscall(pid_t tid, int signo) override;
  int Listen(pid_t tid) override;
  int Detach(pid_t tid, int signo) override;
  int GetEventMsg(pid_t tid, int event, unsigned long* msg) override;
  int GetSigInfo(pid_t tid, siginfo_t* info) override;
  // Answers from PushSyscallInfo, in order; ESRCH when none is queued.
  int GetSyscallInfo(pid_t tid, __ptrace_syscall_info* info) override;
  void PushSyscallInfo(pid_t tid, const __ptrace_syscall_info& info) {
    syscall_infos_[tid].push_back(info);
  }
  pid_t WaitAny(int* status) override;
  bool IsThreadOf(pid_t tgid, pid_t tid) override;
  std::string ReadComm(pid_t tid) override;
  std::string ReadExecPath(pid_t tid) override;
  std::vector<pid_t> ListThreads(pid_t tgid) override;
  std::optional<Status> ReadStatus(pid_t tid) override;

  unsigned long last_seize_options() const { return last_seize_options_; }

 private:
  struct Step {
    pid_t result;  // tid, or -errno
    int status;
    std::function<void()> on_return;
  };
  struct Failure {
    int err;
    int times;
  };

  // Returns the injected errno for (op, tid), or 0.
  int InjectedError(Op op, pid_t tid);
  int Record(Op op, pid_t tid, int signo, int result);
  // Common checks for Cont/Listen/Detach; returns the errno to fail with.
  int CheckResumable(const char* what, pid_t tid);

  std::deque<Step> script_;
  std::map<pid_t, std::vector<pid_t>> threads_of_;
  std::map<pid_t, std::deque<std::vector<pid_t>>> listings_;
  std::map<pid_t, std::optional<Status>> status_;
  std::map<pid_t, std::string> comm_;
  std::map<pid_t, std::deque<__ptrace_syscall_info>> syscall_infos_;
  std::map<pid_t, std::string> exec_path_;
  std::map<pid_t, std::deque<std::optional<unsigned long>>> event_msgs_;
  std::map<pid_t, int> last_status_;  // the last status WaitAny reported
  std::map<pid_t, std::deque<siginfo_t>> siginfos_;
  std::map<std::pair<Op, pid_t>, Failure> failures_;

  std::vector<Call> calls_;
  std::vector<std::string> timeline_;
  std::vector<std::string> violations_;
  std::set<pid_t> stopped_;
  std::set<pid_t> listening_;
  int waits_past_end_ = 0;
  unsigned long last_seize_options_ = 0;
};

}  // namespace ttrace

#endif  // TTRACE_TRACER_FAKE_KERNEL_H_
