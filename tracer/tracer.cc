#include "tracer/tracer.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "tracer/clock.h"
#include "tracer/program_path.h"
#include "tracer/thread_state.h"
#include "tracer/wait_status.h"

namespace ttrace {

class Tracer::Impl {
 public:
  Impl(TracerOptions options, EventSink* sink, Kernel* kernel)
      : options_(options), sink_(sink), kernel_(kernel) {}

  absl::Status Spawn(const std::vector<std::string>& argv);
  absl::Status Attach(pid_t pid);
  absl::StatusOr<RunResult> Run();
  void RequestDetach() {
    detach_requested_.store(true, std::memory_order_relaxed);
    Wake();
  }
  pid_t spawned_pid() const { return spawned_; }
  void Wake() { wake_.store(true, std::memory_order_relaxed); }
  void set_on_interrupt(std::function<void()> f) {
    on_interrupt_ = std::move(f);
  }

 private:
  struct Thread {
    pid_t tgid = 0;
    ThreadState state = ThreadState::kRunning;
    std::string comm;
  };

  unsigned long PtraceOptions() const {
    unsigned long o =
        PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;
    if (options_.follow_forks) o |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
    return o;
  }

  template <typename Payload>
  void Emit(pid_t pid, pid_t tid, Payload&& payload) {
    Event e;
    e.seq = seq_++;
    e.ts_ns = clock_.NowNs();
    e.pid = pid;
    e.tid = tid;
    e.payload = std::forward<Payload>(payload);
    sink_->OnEvent(e);
  }

  void HandleWait(pid_t tid, int status);
  void HandleStop(pid_t tid, const StopInfo& stop);
  void HandleOrphanStop(pid_t tid, const StopInfo& stop);
  void ReportExit(pid_t tid, Thread& t, const StopInfo& stop);
  void ReportSignal(pid_t tid, const Thread& t, const StopInfo& stop);
  void ReportClone(pid_t tid, const Thread& t, const StopInfo& stop);
  // Returns false if the thread vanished.
  void HandleExec(pid_t tid);
  void Act(pid_t tid, const Transition& tr);
  void BeginDetach();
  void ReleaseOrphansOfDeadParents();
  bool Finished() const;

  TracerOptions options_;
  EventSink* sink_;
  Kernel* kernel_;
  EventClock clock_;
  uint64_t seq_ = 0;

  absl::flat_hash_map<pid_t, Thread> threads_;
  // First stops of tids whose creation (the parent's PTRACE_EVENT_CLONE) we
  // have not seen yet. They are held stopped until the parent's event names
  // them, so that a thread's creation is reported before anything it does.
  absl::flat_hash_map<pid_t, StopInfo> orphans_;
  // Orphans detached during a detach before their parent's event arrived.
  absl::flat_hash_set<pid_t> forgotten_;

  pid_t spawned_ = 0;
  int spawned_exit_status_ = 0;
  bool detaching_ = false;
  std::atomic<bool> detach_requested_{false};
  std::atomic<bool> wake_{false};
  std::function<void()> on_interrupt_;
};

// ---------------------------------------------------------------------------
// Starting: spawn and attach.

absl::Status Tracer::Impl::Spawn(const std::vector<std::string>& argv) {
  if (argv.empty()) return absl::InvalidArgumentError("empty command");
  const char* path_env = getenv("PATH");
  absl::StatusOr<std::string> path = FindProgram(
      argv[0], path_env ? path_env : "/usr/local/bin:/usr/bin:/bin");
  if (!path.ok()) return path.status();

  std::vector<char*> cargv;
  for (const std::string& a : argv)
    cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);

  // `go`: the child waits on it until we have seized it. `err`: carries
  // execv's errno back; close-on-exec makes a successful exec read as EOF.
  int go[2], err[2];
  if (pipe2(go, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
    return absl::InternalError(absl::StrCat("pipe: ", strerror(errno)));
  }
  pid_t child = fork();
  if (child < 0)
    return absl::InternalError(absl::StrCat("fork: ", strerror(errno)));
  if (child == 0) {
    close(go[1]);
    close(err[0]);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    char c;
    while (read(go[0], &c, 1) < 0 && errno == EINTR) {
    }
    execv(path->c_str(), cargv.data());
    int e = errno;
    (void)!write(err[1], &e, sizeof e);
    _exit(127);
  }
  close(go[0]);
  close(err[1]);
  if (int r = kernel_->Seize(child, PtraceOptions())) {
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    close(go[1]);
    close(err[0]);
    return absl::InternalError(
        absl::StrCat("ptrace(PTRACE_SEIZE, ", child, "): ", strerror(r)));
  }
  close(go[1]);  // let the child exec
  int exec_errno = 0;
  ssize_t n;
  while ((n = read(err[0], &exec_errno, sizeof exec_errno)) < 0 &&
         errno == EINTR) {
  }
  close(err[0]);
  if (n == sizeof exec_errno) {
    // The exec failed after all (e.g. ENOEXEC): the child is exiting and
    // may sit in its PTRACE_EVENT_EXIT stop; SIGKILL ends it either way.
    kill(child, SIGKILL);
    int status;
    while (waitpid(child, &status, __WALL) == child && !WIFEXITED(status) &&
           !WIFSIGNALED(status)) {
    }
    std::string msg =
        absl::StrCat("cannot run '", argv[0], "': ", strerror(exec_errno));
    if (exec_errno == ENOENT) return absl::NotFoundError(msg);
    return absl::PermissionDeniedError(msg);
  }
  // The exec has happened (its close-on-exec ran before its
  // PTRACE_EVENT_EXEC stop, which Run will now see).
  spawned_ = child;
  threads_[child] = Thread{.tgid = child, .state = ThreadState::kRunning};
  Emit(child, child, SpawnEvent{.path = *path, .argv = argv});
  return absl::OkStatus();
}

absl::Status Tracer::Impl::Attach(pid_t pid) {
  if (pid <= 0) {
    return absl::InvalidArgumentError(absl::StrCat("invalid process id ", pid));
  }
  std::optional<Kernel::Status> st = kernel_->ReadStatus(pid);
  if (!st) {
    return absl::NotFoundError(
        absl::StrCat("attach: process ", pid, ": No such process"));
  }
  const pid_t tgid = st->tgid;
  if (tgid == getpid()) {
    return absl::InvalidArgumentError(
        absl::StrCat("attach: process ", pid, " is ttrace itself"));
  }
  // Threads may be created while we attach: rescan until a pass finds no
  // tid we have not dealt with. A thread created by one we already seized
  // is auto-attached (PTRACE_O_TRACECLONE): seizing it fails with EPERM and
  // its creation arrives as the parent's clone event.
  absl::flat_hash_set<pid_t> seen;
  int attached = 0;
  absl::Status first_error;
  for (bool found_new = true; found_new;) {
    found_new = false;
    for (pid_t tid : kernel_->ListThreads(tgid)) {
      if (!seen.insert(tid).second || threads_.contains(tid)) continue;
      found_new = true;
      int r = kernel_->Seize(tid, PtraceOptions());
      if (r == ESRCH) continue;  // it exited meanwhile
      if (r != 0) {
        std::optional<Kernel::Status> ts = kernel_->ReadStatus(tid);
        if (r == EPERM && ts && ts->tracer_pid == getpid()) continue;  // ours
        // EPERM also comes from a zombie leader (it called pthread_exit):
        // its live threads can still be attached, so this is an error only
        // if in the end nothing could be attached.
        if (first_error.ok()) {
          std::string why =
              r == EPERM && ts && ts->tracer_pid != 0
                  ? absl::StrCat("already traced by process ", ts->tracer_pid)
                  : std::string(strerror(r));
          std::string msg =
              absl::StrCat("attach: ptrace(PTRACE_SEIZE, ", tid, "): ", why);
          first_error = r == EPERM ? absl::PermissionDeniedError(msg)
                                   : absl::InternalError(msg);
        }
        continue;
      }
      ++attached;
      threads_[tid] = Thread{.tgid = tgid,
                             .state = ThreadState::kRunning,
                             .comm = kernel_->ReadComm(tid)};
      Emit(tgid, tid, AttachEvent{});
    }
  }
  if (attached == 0) {
    if (!first_error.ok()) return first_error;
    return absl::NotFoundError(
        absl::StrCat("attach: process ", pid, ": No such process"));
  }
  return absl::OkStatus();
}

// ---------------------------------------------------------------------------
// The event loop.

bool Tracer::Impl::Finished() const {
  if (!orphans_.empty()) return false;
  if (!detaching_) return threads_.empty();
  // While detaching, a thread past its PTRACE_EVENT_EXIT is on its way out;
  // a zombie leader would only report once its (detached, still running)
  // threads exit, so we do not wait for them: the kernel cleans up when we
  // exit.
  for (const auto& [tid, t] : threads_) {
    if (t.state != ThreadState::kExiting) return false;
  }
  return true;
}

absl::StatusOr<RunResult> Tracer::Impl::Run() {
  for (;;) {
    if (wake_.exchange(false, std::memory_order_relaxed) && on_interrupt_) {
      on_interrupt_();
    }
    if (!detaching_ && detach_requested_.load(std::memory_order_relaxed)) {
      BeginDetach();
    }
    if (Finished()) break;
    int status = 0;
    pid_t tid = kernel_->WaitAny(&status);
    if (tid == -EINTR) continue;
    if (tid == -ECHILD) break;  // nothing left that can report
    if (tid < 0) {
      return absl::InternalError(absl::StrCat("waitpid: ", strerror(-tid)));
    }
    HandleWait(tid, status);
  }
  RunResult result;
  result.exit_status = spawned_exit_status_;
  result.detached = detaching_;
  return result;
}

void Tracer::Impl::HandleWait(pid_t tid, int status) {
  const StopInfo stop = ClassifyWaitStatus(status);
  // An exec stop comes under the leader's tid, which may be unknown when
  // the leader was a zombie at attach time: HandleExec finds the thread by
  // its old tid.
  if (threads_.contains(tid) || stop.kind == StopKind::kExecEvent) {
    HandleStop(tid, stop);
  } else if (IsStopped(stop.kind)) {
    HandleOrphanStop(tid, stop);
  } else {
    // The death of a tid we never knew (an orphan that was released while
    // dying, or a forgotten one): nothing to report.
    orphans_.erase(tid);
    forgotten_.erase(tid);
  }
}

// Race (tests/engine_test.cc, CloneRace*): a new thread's first stop can be
// reported before its parent's PTRACE_EVENT_CLONE. Hold it stopped until the
// parent's event names it; never drop it.
void Tracer::Impl::HandleOrphanStop(pid_t tid, const StopInfo& stop) {
  if (detaching_) {
    kernel_->Detach(tid, 0);
    forgotten_.insert(tid);
    return;
  }
  orphans_[tid] = stop;
}

void Tracer::Impl::HandleStop(pid_t tid, const StopInfo& stop) {
  if (stop.kind == StopKind::kExecEvent) {
    HandleExec(tid);  // may re-key the table; then act as usual
  }
  auto it = threads_.find(tid);
  if (it == threads_.end()) return;
  Thread& t = it->second;
  const Transition tr = Step(t.state, stop, detaching_);
  switch (tr.report) {
    case Report::kNothing:
    case Report::kExec:  // reported by HandleExec
      break;
    case Report::kExit:
      ReportExit(tid, t, stop);
      threads_.erase(it);
      if (!orphans_.empty()) ReleaseOrphansOfDeadParents();
      return;
    case Report::kSignal:
      ReportSignal(tid, t, stop);
      break;
    case Report::kStop:
      Emit(t.tgid, tid, StopEvent{.signo = stop.signo});
      break;
    case Report::kCont:
      Emit(t.tgid, tid, ContEvent{});
      break;
    case Report::kClone:
      ReportClone(tid, t, stop);
      break;
    case Report::kExitPrepare: {
      std::string comm = kernel_->ReadComm(tid);
      if (!comm.empty()) t.comm = std::move(comm);
      break;
    }
  }
  // ReportClone may have grown the table: look the thread up again.
  it = threads_.find(tid);
  if (it == threads_.end()) return;
  it->second.state = tr.next;
  Act(tid, tr);
}

void Tracer::Impl::Act(pid_t tid, const Transition& tr) {
  int r = 0;
  switch (tr.action) {
    case Action::kNone:
      return;
    case Action::kResume:
      r = kernel_->Cont(tid, tr.signo);
      break;
    case Action::kListen:
      r = kernel_->Listen(tid);
      break;
    case Action::kDetach: {
      r = kernel_->Detach(tid, tr.signo);
      if (r == 0) {
        auto it = threads_.find(tid);
        Emit(it->second.tgid, tid, DetachEvent{});
        threads_.erase(it);
        return;
      }
      break;
    }
  }
  if (r == ESRCH) {
    // Killed while stopped (SIGKILL, a group exit): its death status is on
    // its way; wait for it like for any exiting thread.
    threads_[tid].state = ThreadState::kExiting;
  }
}

void Tracer::Impl::ReportExit(pid_t tid, Thread& t, const StopInfo& stop) {
  ExitEvent exit;
  if (stop.kind == StopKind::kExited) {
    exit.how = ExitEvent::How::kExited;
    exit.code = stop.code;
  } else {
    exit.how = ExitEvent::How::kKilled;
    exit.signo = stop.signo;
    exit.core = stop.core;
  }
  exit.comm = t.comm;
  if (tid == spawned_) {
    spawned_exit_status_ =
        stop.kind == StopKind::kExited ? stop.code : 128 + stop.signo;
  }
  Emit(t.tgid, tid, std::move(exit));
}

void Tracer::Impl::ReportSignal(pid_t tid, const Thread& t,
                                const StopInfo& stop) {
  SignalEvent ev;
  ev.signo = stop.signo;
  siginfo_t si;
  if (kernel_->GetSigInfo(tid, &si) == 0) {
    ev.code = si.si_code;
    const bool fault =
        si.si_code > 0 &&
        (stop.signo == SIGSEGV || stop.signo == SIGBUS ||
         stop.signo == SIGILL || stop.signo == SIGFPE || stop.signo == SIGTRAP);
    if (fault) {
      ev.addr = reinterpret_cast<uintptr_t>(si.si_addr);
    } else if (si.si_code == SI_USER || si.si_code == SI_QUEUE ||
               si.si_code == SI_TKILL ||
               (stop.signo == SIGCHLD && si.si_code > 0)) {
      ev.from_pid = si.si_pid;
      ev.from_uid = si.si_uid;
    }
  }
  Emit(t.tgid, tid, std::move(ev));
}

void Tracer::Impl::ReportClone(pid_t tid, const Thread& t,
                               const StopInfo& stop) {
  unsigned long msg = 0;
  if (kernel_->GetEventMsg(tid, &msg) != 0) return;  // the parent died
  const pid_t child = static_cast<pid_t>(msg);
  CloneEvent ev{.child = child};
  if (stop.kind == StopKind::kVforkEvent) {
    ev.kind = CloneKind::kVfork;
  } else if (stop.kind == StopKind::kForkEvent) {
    ev.kind = CloneKind::kProcess;
  } else {
    // PTRACE_EVENT_CLONE also covers clone() without CLONE_THREAD whose
    // exit signal is not SIGCHLD: ask the kernel which it was.
    ev.kind = kernel_->IsThreadOf(t.tgid, child) ? CloneKind::kThread
                                                 : CloneKind::kProcess;
  }
  const pid_t child_tgid = ev.kind == CloneKind::kThread ? t.tgid : child;
  std::string comm = t.comm;  // the kernel copies the name on clone
  Emit(t.tgid, tid, std::move(ev));
  if (forgotten_.erase(child)) {
    // Its first stop was held, then detached while we detached: now that
    // its creation is reported, report that too.
    Emit(child_tgid, child, DetachEvent{});
    return;
  }
  threads_[child] = Thread{.tgid = child_tgid,
                           .state = ThreadState::kFirstStopPending,
                           .comm = std::move(comm)};
  auto held = orphans_.find(child);
  if (held != orphans_.end()) {
    StopInfo first = held->second;
    orphans_.erase(held);
    HandleStop(child, first);
  }
}

// exec: PTRACE_GETEVENTMSG gives the tid the exec'ing thread had. When that
// was not the leader, the kernel has already reaped the other threads
// (their exits were reported) and given the leader's tid to the exec'ing
// thread; the old leader never reports a death. Re-key the table so the
// exec'ing thread's state carries over, and report the old leader as
// superseded (tests/engine_test.cc, ExecFromNonLeader*).
void Tracer::Impl::HandleExec(pid_t tid) {
  unsigned long msg = 0;
  pid_t old_tid = tid;
  if (kernel_->GetEventMsg(tid, &msg) == 0) old_tid = static_cast<pid_t>(msg);
  if (old_tid != tid) {
    auto leader = threads_.find(tid);
    if (leader != threads_.end()) {
      ExitEvent gone{.how = ExitEvent::How::kSuperseded,
                     .superseded_by = old_tid,
                     .comm = leader->second.comm};
      Emit(leader->second.tgid, tid, std::move(gone));
      threads_.erase(leader);
    }
    auto execer = threads_.find(old_tid);
    Thread moved = execer != threads_.end() ? std::move(execer->second)
                                            : Thread{.tgid = tid};
    if (execer != threads_.end()) threads_.erase(execer);
    threads_[tid] = std::move(moved);
  }
  Thread& t = threads_[tid];
  t.tgid = tid;
  t.comm = kernel_->ReadComm(tid);
  Emit(tid, tid,
       ExecEvent{.path = kernel_->ReadExecPath(tid), .old_tid = old_tid});
}

// ---------------------------------------------------------------------------
// Detaching.

// Every thread must reach a ptrace-stop before PTRACE_DETACH: interrupt the
// running and LISTENing ones; Run then detaches each at its next stop,
// re-injecting a signal when that stop is a signal-delivery-stop. A thread
// in a group-stop stays stopped after detach (the kernel re-instates the
// group-stop), so a stopped program is left stopped.
void Tracer::Impl::BeginDetach() {
  detaching_ = true;
  for (auto& [tid, t] : threads_) {
    if (t.state == ThreadState::kRunning ||
        t.state == ThreadState::kGroupStopped) {
      if (kernel_->Interrupt(tid) == ESRCH) t.state = ThreadState::kExiting;
    }
  }
  for (const auto& [tid, stop] : orphans_) {
    kernel_->Detach(tid, 0);
    forgotten_.insert(tid);
  }
  orphans_.clear();
}

// A held orphan whose parent died before reporting the clone event would be
// held forever: once no traced thread is left in its parent's thread group,
// let it run. Its creator can no longer be named (a dead parent's children
// are already reparented when its death is seen), so it is reported as
// attached (tests: tracer_fake_test, ForkRace*).
void Tracer::Impl::ReleaseOrphansOfDeadParents() {
  std::vector<std::pair<pid_t, pid_t>> release;  // (orphan, its tgid)
  for (const auto& [tid, stop] : orphans_) {
    std::optional<Kernel::Status> st = kernel_->ReadStatus(tid);
    if (!st) continue;
    const pid_t parent = st->tgid != tid ? st->tgid : st->ppid;
    bool alive = false;
    for (const auto& [other, t] : threads_) {
      if (t.tgid == parent) {
        alive = true;
        break;
      }
    }
    if (!alive) release.emplace_back(tid, st->tgid);
  }
  for (const auto& [tid, tgid] : release) {
    StopInfo first = orphans_[tid];
    orphans_.erase(tid);
    threads_[tid] = Thread{.tgid = tgid,
                           .state = ThreadState::kFirstStopPending,
                           .comm = kernel_->ReadComm(tid)};
    Emit(tgid, tid, AttachEvent{});
    HandleStop(tid, first);
  }
}

// ---------------------------------------------------------------------------

Tracer::Tracer(TracerOptions options, EventSink* sink)
    : owned_kernel_(std::make_unique<LinuxKernel>()),
      impl_(std::make_unique<Impl>(options, sink, owned_kernel_.get())) {}
Tracer::Tracer(TracerOptions options, EventSink* sink, Kernel* kernel)
    : impl_(std::make_unique<Impl>(options, sink, kernel)) {}
Tracer::~Tracer() = default;
absl::Status Tracer::Spawn(const std::vector<std::string>& argv) {
  return impl_->Spawn(argv);
}
absl::Status Tracer::Attach(pid_t pid) { return impl_->Attach(pid); }
absl::StatusOr<RunResult> Tracer::Run() { return impl_->Run(); }
void Tracer::RequestDetach() { impl_->RequestDetach(); }
pid_t Tracer::spawned_pid() const { return impl_->spawned_pid(); }
void Tracer::Wake() { impl_->Wake(); }
void Tracer::set_on_interrupt(std::function<void()> f) {
  impl_->set_on_interrupt(std::move(f));
}

}  // namespace ttrace
