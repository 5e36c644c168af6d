#include "tracer/tracer.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tracer/clock.h"
#include "tracer/program_path.h"
#include "tracer/thread_state.h"
#include "tracer/wait_status.h"

namespace ttrace {

class Tracer::Impl {
 public:
  Impl(TracerOptions options, EventSink* sink, Kernel* kernel)
      : options_(options), sink_(sink), kernel_(kernel) {}

  absl::Status Spawn(const std::vector<std::string>& argv,
                     const SpawnOptions& options);
  absl::Status Attach(pid_t pid);
  absl::StatusOr<RunResult> Run();
  void RequestDetach() {
    detach_requested_.store(true, std::memory_order_relaxed);
    Wake();
  }
  pid_t spawned_pid() const { return spawned_; }
  bool HasUnreportedSyscalls() const { return !pending_.empty(); }
  void set_on_syscall_pending(std::function<void()> f) {
    on_syscall_pending_ = std::move(f);
  }
  void Wake() { wake_.store(true, std::memory_order_relaxed); }
  void set_on_interrupt(std::function<void()> f) {
    on_interrupt_ = std::move(f);
  }

 private:
  struct Thread {
    pid_t tgid = 0;
    ThreadState state = ThreadState::kRunning;
    std::string comm;
    // The spawned command before its first exec: nothing is reported.
    bool hidden = false;
    // Its traced syscalls stop at PTRACE_EVENT_SECCOMP (the spawned
    // command's filter, inherited by its children): resume with PTRACE_CONT
    // except to see the exit of a syscall in progress.
    bool seccomp = false;
    // The syscall in progress: entry seen, exit not yet.
    bool in_syscall = false;
    bool sc_report = false;     // traced: it will be reported
    bool sc_announced = false;  // its SyscallEnterEvent was emitted
    // sc_args_enter (and the exit's arguments) are captures, not text
    // (SyscallDecoder::Captures).
    bool sc_captured = false;
    SyscallCall sc;
    int64_t sc_entry_ns = 0;
    int64_t sc_entry_stime_ns = -1;  // stime_ns_ at entry
    std::string sc_name;
    std::string sc_args_enter;
    std::string sc_stack;  // -k
    // -e inject: the value this call returns instead of running.
    std::optional<int64_t> sc_inject;
    // -e inject: the signal to deliver as it starts (kept for its exit
    // stop when it started at a seccomp stop, which cannot deliver one),
    // the delays to hold the thread for at entry and after exit (-1:
    // none), and whether the call is shown "(DELAYED)".
    int sc_signal = 0;
    int64_t sc_delay_enter_ns = -1;
    int64_t sc_delay_exit_ns = -1;
    bool sc_delayed = false;
    // -e inject's poke_exit= for this call (null: none), and whether a
    // poke changed its arguments ("(INJECTED: args)").
    const std::vector<Poke>* sc_poke_exit = nullptr;
    int sc_nargs = 6;
    bool sc_poked = false;
    // -e inject: calls so far per (arch << 32 | nr), of covered syscalls.
    absl::flat_hash_map<uint64_t, uint32_t> inject_counts;
    // The wait status PTRACE_GETEVENTMSG gave at PTRACE_EVENT_EXIT, or -1.
    int exit_event_status = -1;
  };

  unsigned long PtraceOptions() const {
    unsigned long o =
        PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;
    if (options_.follow_forks) o |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
    if (options_.syscalls) o |= PTRACE_O_TRACESYSGOOD;
    if (!options_.seccomp_program.empty()) o |= PTRACE_O_TRACESECCOMP;
    if (options_.kill_on_exit) o |= PTRACE_O_EXITKILL;
    return o;
  }

  // Every event goes out through here. Syscalls of other threads that are
  // in progress are reported as started first (strace's "<unfinished ...>"),
  // so that the stream shows them in the order they happened.
  template <typename Payload>
  void Emit(pid_t pid, pid_t tid, Payload&& payload) {
    if (!pending_.empty()) AnnouncePending(tid, INT64_MAX);
    Event e;
    e.seq = seq_++;
    e.ts_ns = clock_.NowNs();
    e.pid = pid;
    e.tid = tid;
    e.payload = std::forward<Payload>(payload);
    sink_->OnEvent(e);
  }

  // How to resume a thread after a syscall stop: with this signal, or
  // (delay_ns > 0) hold it stopped that long first (-e inject).
  struct SyscallResume {
    int signo = 0;
    int64_t delay_ns = -1;
  };
  SyscallResume HandleSyscallStop(pid_t tid, Thread& t);
  // -e inject's delays: threads held in a syscall stop until a deadline.
  void Hold(pid_t tid, const SyscallResume& how);
  void ReleaseHeld(int64_t now_ns, bool all);
  void ForgetHeld(pid_t tid);
  // -e inject's poke_*: writes each poke where its argument points.
  // Returns whether some bytes were written; warns about the others.
  bool PokeArgs(pid_t tid, const Thread& t, const std::vector<Poke>& pokes,
                int nargs, const char* when);
  void BeginSyscall(pid_t tid, Thread& t, uint32_t arch, uint64_t nr,
                    const uint64_t* args, uint64_t stack_pointer,
                    uint64_t instruction_pointer);
  // Reports the syscall in progress, as returned with `ret` or (returned =
  // false) as never returning.
  // `detached`: ttrace detaches from the thread in the call (which then
  // goes on untraced).
  void FinishSyscall(pid_t tid, Thread& t, int64_t ret, bool returned,
                     bool detached = false);
  // Emits a SyscallEnterEvent for each pending syscall of a thread other
  // than `except` that started before `started_before_ns`. `timed`: the
  // report after announce_after_ns (see announce_calls_with_events).
  void AnnouncePending(pid_t except, int64_t started_before_ns,
                       bool timed = false);
  void RemovePending(pid_t tid);
  static bool HasEventsOfItsOwn(std::string_view name);
  int Resume(pid_t tid, const Thread& t, int signo) {
    const bool step =
        options_.syscalls != nullptr && (!t.seccomp || t.in_syscall);
    return step ? kernel_->Syscall(tid, signo) : kernel_->Cont(tid, signo);
  }

  void HandleWait(pid_t tid, int status);
  void HandleStop(pid_t tid, const StopInfo& stop);
  void HandleOrphanStop(pid_t tid, const StopInfo& stop);
  void ReportExit(pid_t tid, Thread& t, const StopInfo& stop);
  void ReportSignal(pid_t tid, const Thread& t, const StopInfo& stop);
  void ReportClone(pid_t tid, const Thread& t, const StopInfo& stop);
  // Returns true for the spawned command's own exec.
  bool HandleExec(pid_t tid);
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
  // Deaths of tids not known yet: a new thread killed (e.g. by exit_group)
  // before its parent's clone event was seen. Reported when it is.
  absl::flat_hash_map<pid_t, StopInfo> dead_unknown_;

  // Threads with a reported syscall in progress not yet announced (usually
  // zero or one: the thread that is in the middle of a syscall).
  std::vector<pid_t> pending_;
  struct Held {
    int64_t deadline_ns;
    pid_t tid;
    int signo;
  };
  std::vector<Held> held_;
  // With options_.system_times: the system CPU time of the process whose
  // thread reported the stop being handled (-1: unknown).
  int64_t stime_ns_ = -1;
  std::function<void()> on_syscall_pending_;
  // Reused for every syscall event: no allocation per event once warm.
  Event syscall_event_{.payload = SyscallEvent{}};
  std::string announce_text_;  // a captured call's entry as text

  pid_t spawned_ = 0;
  int spawned_exit_status_ = 0;
  int spawned_killed_by_ = 0;
  std::string spawned_path_;
  std::vector<std::string> spawned_argv_;
  int spawn_err_fd_ = -1;  // the child's execv errno arrives here
  absl::Status spawn_error_;
  bool detaching_ = false;
  std::atomic<bool> detach_requested_{false};
  std::atomic<bool> wake_{false};
  std::function<void()> on_interrupt_;
};

// ---------------------------------------------------------------------------
// Starting: spawn and attach.

absl::Status Tracer::Impl::Spawn(const std::vector<std::string>& argv,
                                 const SpawnOptions& spawn) {
  if (argv.empty()) return absl::InvalidArgumentError("empty command");
  const char* path_env = getenv("PATH");
  absl::StatusOr<std::string> path = FindProgram(
      argv[0], path_env ? path_env : "/usr/local/bin:/usr/bin:/bin");
  if (!path.ok()) return path.status();

  // Everything the child needs is built before fork: it only makes
  // syscalls after it.
  std::vector<char*> cargv;
  for (const std::string& a : argv) {
    cargv.push_back(const_cast<char*>(a.c_str()));
  }
  cargv.push_back(nullptr);
  // The environment: ours, with -E's changes.
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) env.emplace_back(*e);
  for (const std::string& change : spawn.env) {
    const size_t eq = change.find('=');
    const std::string name = change.substr(0, eq);
    std::erase_if(env, [&](const std::string& e) {
      return e.size() > name.size() && e[name.size()] == '=' &&
             e.compare(0, name.size(), name) == 0;
    });
    if (eq != std::string::npos) env.push_back(change);
  }
  std::vector<char*> cenv;
  for (const std::string& e : env) cenv.push_back(const_cast<char*>(e.c_str()));
  cenv.push_back(nullptr);
  const SpawnOptions::Credentials* user = spawn.user ? &*spawn.user : nullptr;
  sock_fprog prog{
      .len = static_cast<unsigned short>(options_.seccomp_program.size()),
      .filter = const_cast<sock_filter*>(options_.seccomp_program.data())};
  const bool use_seccomp = !options_.seccomp_program.empty();
  const bool need_nnp = geteuid() != 0;

  // `go`: the child waits on it until we have seized it (end of file: go
  // on; a byte: the tracer failed, give up). `err`: carries the errno of a
  // failed seccomp install or execv back; close-on-exec makes a successful
  // exec read as end of file.
  int go[2], err[2];
  if (pipe2(go, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC | O_NONBLOCK) != 0) {
    return absl::InternalError(absl::StrCat("pipe: ", strerror(errno)));
  }
  // Runs in the process that becomes the command, once it may go on.
  auto become_command = [&]() {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    char c;
    ssize_t n;
    while ((n = read(go[0], &c, 1)) < 0 && errno == EINTR) {
    }
    if (n != 0) _exit(1);  // the tracer could not seize us; it says why
    // -D: seized; no other tracer may attach any more.
    if (spawn.daemonize != SpawnOptions::Daemonize::kNo) {
      prctl(PR_SET_PTRACER, 0, 0, 0, 0);
    }
    if (user != nullptr &&
        (setgroups(user->groups.size(), user->groups.data()) != 0 ||
         setgid(user->gid) != 0 || setuid(user->uid) != 0)) {
      int e[2] = {3, errno};
      (void)!write(err[1], e, sizeof e);
      _exit(126);
    }
    if (use_seccomp) {
      // Root may install a filter without no_new_privs; setting it anyway
      // would change what setuid programs the command runs can do.
      if ((need_nnp && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) ||
          syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
        int e[2] = {1, errno};
        (void)!write(err[1], e, sizeof e);
        _exit(126);
      }
    }
    execve(path->c_str(), cargv.data(), cenv.data());
    int e[2] = {2, errno};
    (void)!write(err[1], e, sizeof e);
    _exit(127);
  };

  pid_t child;
  if (spawn.daemonize == SpawnOptions::Daemonize::kNo) {
    child = fork();
    if (child < 0) {
      return absl::InternalError(absl::StrCat("fork: ", strerror(errno)));
    }
    if (child == 0) {
      close(go[1]);
      close(err[0]);
      become_command();
      __builtin_unreachable();
    }
  } else {
    // strace's -D: this process becomes the command (keeping its pid and
    // parent, the shell); a grandchild, which no one waits for, traces it
    // and returns from here. Yama's ptrace_scope=1 lets only ancestors
    // attach: allow any tracer until the exec (EINVAL without Yama).
    child = getpid();
    prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
    const pid_t middle = fork();
    if (middle < 0) {
      return absl::InternalError(absl::StrCat("fork: ", strerror(errno)));
    }
    if (middle > 0) {
      close(go[1]);
      close(err[0]);
      while (waitpid(middle, nullptr, 0) < 0 && errno == EINTR) {
      }
      become_command();  // after the tracer closes `go`
      __builtin_unreachable();
    }
    const pid_t tracer = fork();
    if (tracer != 0) {
      if (tracer < 0) (void)!write(go[1], "x", 1);
      _exit(tracer < 0 ? 1 : 0);
    }
    if (spawn.daemonize == SpawnOptions::Daemonize::kProcessGroup) {
      setpgid(0, 0);
    } else if (spawn.daemonize == SpawnOptions::Daemonize::kSession) {
      setsid();
    }
  }
  close(go[0]);
  close(err[1]);
  if (int r = kernel_->Seize(child, PtraceOptions())) {
    if (spawn.daemonize == SpawnOptions::Daemonize::kNo) {
      kill(child, SIGKILL);
      waitpid(child, nullptr, 0);
    } else {
      (void)!write(go[1], "x", 1);  // the command exits with status 1
    }
    close(go[1]);
    close(err[0]);
    return absl::InternalError(
        absl::StrCat("ptrace(PTRACE_SEIZE, ", child, "): ", strerror(r)));
  }
  // Syscall stops need a first stop to resume from with PTRACE_SYSCALL;
  // with a seccomp filter, the filter makes the stops instead.
  if (options_.syscalls != nullptr && !use_seccomp) kernel_->Interrupt(child);
  close(go[1]);  // let the child exec
  spawned_ = child;
  spawned_path_ = *path;
  spawned_argv_ = argv;
  spawn_err_fd_ = err[0];
  // Until its exec, the child runs ttrace's code: report nothing of it. The
  // spawn event is emitted when the exec succeeds; if it fails, Run
  // returns the error and nothing is reported.
  threads_[child] = Thread{.tgid = child,
                           .state = ThreadState::kRunning,
                           .hidden = true,
                           .seccomp = use_seccomp};
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
  int ours = 0;  // threads an earlier Attach (or its clones) got already
  absl::Status first_error;
  for (bool found_new = true; found_new;) {
    found_new = false;
    for (pid_t tid : kernel_->ListThreads(tgid)) {
      if (!seen.insert(tid).second) continue;
      if (threads_.contains(tid)) {
        ++ours;
        continue;
      }
      found_new = true;
      int r = kernel_->Seize(tid, PtraceOptions());
      if (r == ESRCH) continue;  // it exited meanwhile
      if (r != 0) {
        std::optional<Kernel::Status> ts = kernel_->ReadStatus(tid);
        if (r == EPERM && ts && ts->tracer_pid == getpid()) {
          ++ours;
          continue;
        }
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
      // Syscall stops need a first stop to resume from with PTRACE_SYSCALL
      // (until one, the thread runs as under PTRACE_CONT). A thread blocked
      // in a call is interrupted out of it and restarts it (strace's
      // "restart_syscall(<... resuming interrupted ...>)"). A group-stopped
      // thread reports one group-stop for both (the kernel's job-control
      // trap is shared), and stays stopped. Tested by
      // AttachTest.AttachTracesEveryThreadsSyscallsAndDetaches and
      // AttachTest.StoppedProcessStaysStopped (tests/attach_test.cc).
      if (options_.syscalls != nullptr) kernel_->Interrupt(tid);
      ++attached;
      threads_[tid] = Thread{.tgid = tgid,
                             .state = ThreadState::kRunning,
                             .comm = kernel_->ReadComm(tid)};
      Emit(tgid, tid, AttachEvent{});
    }
  }
  // Every thread already ours: `pid` names a thread of a process attached
  // by an earlier -p (its pid or another of its threads), which is done.
  if (attached == 0 && ours > 0) return absl::OkStatus();
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
    if (t.state != ThreadState::kExiting || tid != t.tgid) return false;
  }
  return true;
}

absl::StatusOr<RunResult> Tracer::Impl::Run() {
  for (;;) {
    if (wake_.exchange(false, std::memory_order_relaxed)) {
      if (!pending_.empty() && options_.announce_after_ns >= 0) {
        AnnouncePending(0, clock_.NowNs() - options_.announce_after_ns,
                        /*timed=*/true);
      }
      if (on_interrupt_) on_interrupt_();
    }
    if (!detaching_ && detach_requested_.load(std::memory_order_relaxed)) {
      BeginDetach();
    }
    if (Finished()) break;
    int status = 0;
    pid_t tid;
    if (held_.empty() && !options_.system_times) {
      tid = kernel_->WaitAny(&status);
    } else {
      int64_t timeout = -1;
      if (!held_.empty()) {
        const int64_t now = clock_.NowNs();
        ReleaseHeld(now, false);
        int64_t next = INT64_MAX;
        for (const Held& h : held_) next = std::min(next, h.deadline_ns);
        if (!held_.empty()) timeout = next - now;
      }
      tid = kernel_->WaitAnyFor(&status, timeout,
                                options_.system_times ? &stime_ns_ : nullptr);
      if (tid == 0) continue;  // a deadline came first
    }
    if (tid == -EINTR) continue;
    if (tid == -ECHILD) break;  // nothing left that can report
    if (tid < 0) {
      return absl::InternalError(absl::StrCat("waitpid: ", strerror(-tid)));
    }
    HandleWait(tid, status);
  }
  if (spawn_err_fd_ >= 0) {
    close(spawn_err_fd_);
    spawn_err_fd_ = -1;
  }
  if (!spawn_error_.ok()) return spawn_error_;
  // Detached with exiting leaders left (zombies until their detached
  // threads exit): we stop tracing them too.
  if (detaching_) {
    for (const auto& [tid, t] : threads_) {
      if (!t.hidden) Emit(t.tgid, tid, DetachEvent{});
    }
    threads_.clear();
  }
  RunResult result;
  result.exit_status = spawned_exit_status_;
  result.killed_by = spawned_killed_by_;
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
    // The death of a tid we do not know (yet). A forgotten orphan: nothing
    // to report. Otherwise it may be a new thread whose parent's clone event
    // is still to come (race: tests/race_test.cc, ExitGroupRacingClone):
    // keep the death for then.
    orphans_.erase(tid);
    if (!forgotten_.erase(tid)) dead_unknown_[tid] = stop;
  }
}

// Race (tests/engine_test.cc, CloneRace*): a new thread's first stop can be
// reported before its parent's PTRACE_EVENT_CLONE. Hold it stopped until the
// parent's event names it; never drop it.
void Tracer::Impl::HandleOrphanStop(pid_t tid, const StopInfo& stop) {
  if (stop.kind == StopKind::kExitEvent) {
    // A new thread killed (group exit, SIGKILL) before its first stop: its
    // creator may die without reporting the clone, so holding it would hold
    // the zombie leader forever (tests/race_test.cc, ExitGroupRacingClone).
    // Let it die; dead_unknown_ keeps its death in case the clone event
    // still comes.
    kernel_->Cont(tid, 0);
    return;
  }
  if (detaching_) {
    kernel_->Detach(tid, 0);
    forgotten_.insert(tid);
    return;
  }
  orphans_[tid] = stop;
}

void Tracer::Impl::HandleStop(pid_t tid, const StopInfo& stop) {
  // A held thread that reports a stop was ended (SIGKILL): no longer held.
  if (!held_.empty()) ForgetHeld(tid);
  if (stop.kind == StopKind::kExecEvent) {
    // May re-key the table; then act as usual.
    const bool spawn_exec = HandleExec(tid);
    if (options_.detach_on_exec && !spawn_exec && !detaching_ &&
        threads_.contains(tid)) {
      // -b execve: the exec left one thread; leave it.
      Act(tid,
          Transition{.next = ThreadState::kGone, .action = Action::kDetach});
      return;
    }
  }
  auto it = threads_.find(tid);
  if (it == threads_.end()) return;
  Thread& t = it->second;
  if ((stop.kind == StopKind::kSyscallStop ||
       stop.kind == StopKind::kSeccompEvent) &&
      !detaching_ && options_.syscalls != nullptr) {
    // The hot path: no state change, one event at most.
    const SyscallResume how = HandleSyscallStop(tid, t);
    if (how.delay_ns > 0) {
      Hold(tid, how);
      return;
    }
    if (int r = Resume(tid, t, how.signo); r == ESRCH) {
      t.state = ThreadState::kExiting;
    }
    return;
  }
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
      if (!t.hidden) ReportSignal(tid, t, stop);
      break;
    case Report::kStop: {
      StopEvent ev{.signo = stop.signo};
      if (options_.stacks != nullptr) {
        options_.stacks->Capture(t.tgid, tid, false, &ev.stack);
      }
      Emit(t.tgid, tid, std::move(ev));
      break;
    }
    case Report::kCont:
      Emit(t.tgid, tid, ContEvent{});
      break;
    case Report::kClone:
      ReportClone(tid, t, stop);
      break;
    case Report::kExitPrepare: {
      if (options_.names_at_exit) {
        std::string comm = kernel_->ReadComm(tid);
        if (!comm.empty()) t.comm = std::move(comm);
      }
      unsigned long msg = 0;
      if (kernel_->GetEventMsg(tid, PTRACE_EVENT_EXIT, &msg) == 0) {
        t.exit_event_status = static_cast<int>(msg);
      }
      // exit/exit_group (or a fatal signal in a syscall) never return.
      if (t.in_syscall) FinishSyscall(tid, t, 0, /*returned=*/false);
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
      r = Resume(tid, threads_[tid], tr.signo);
      break;
    case Action::kListen:
      r = kernel_->Listen(tid);
      break;
    case Action::kDetach: {
      r = kernel_->Detach(tid, tr.signo);
      if (r == 0) {
        auto it = threads_.find(tid);
        // A call in progress (the detach may even come at its exit stop,
        // which is then never reported): strace's "<detached ...>".
        if (it->second.in_syscall) {
          FinishSyscall(tid, it->second, 0, /*returned=*/false,
                        /*detached=*/true);
        }
        RemovePending(tid);
        if (!it->second.hidden) Emit(it->second.tgid, tid, DetachEvent{});
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
  if (t.in_syscall) FinishSyscall(tid, t, 0, /*returned=*/false);
  RemovePending(tid);
  if (t.hidden) {
    // The spawned command died before its exec: say why.
    int e[2] = {0, 0};
    if (spawn_err_fd_ >= 0 && read(spawn_err_fd_, e, sizeof e) == sizeof e) {
      std::string msg =
          absl::StrCat(e[0] == 1   ? "cannot install the seccomp filter for '"
                       : e[0] == 3 ? "cannot take on the user's ids for '"
                                   : "cannot run '",
                       spawned_argv_[0], "': ", strerror(e[1]));
      spawn_error_ = e[1] == ENOENT ? absl::NotFoundError(msg)
                                    : absl::PermissionDeniedError(msg);
    } else {
      spawn_error_ = absl::InternalError(
          absl::StrCat("'", spawned_argv_[0], "' died before its exec"));
    }
    return;
  }
  ExitEvent exit;
  if (stop.kind == StopKind::kExited) {
    exit.how = ExitEvent::How::kExited;
    exit.code = stop.code;
    // Race (tests/strace_compare_test.cc, threads): once the group is
    // exiting, the kernel reports the group's exit code for every thread
    // reaped from then on (wait_task_zombie), even for one that had already
    // exited on its own with another code. A non-leader's own code is the
    // one its PTRACE_EVENT_EXIT reported; threads killed by the group exit
    // have no such stop (SIGKILL was pending) and keep the group's code.
    // The leader is reported with the group's code, as strace does.
    if (tid != t.tgid && t.exit_event_status >= 0 &&
        WIFEXITED(t.exit_event_status)) {
      exit.code = WEXITSTATUS(t.exit_event_status);
    }
  } else {
    exit.how = ExitEvent::How::kKilled;
    exit.signo = stop.signo;
    exit.core = stop.core;
  }
  exit.comm = t.comm;
  if (tid == spawned_) {
    spawned_exit_status_ =
        stop.kind == StopKind::kExited ? stop.code : 128 + stop.signo;
    spawned_killed_by_ = stop.kind == StopKind::kExited ? 0 : stop.signo;
  }
  if (options_.stacks != nullptr && tid == t.tgid) {
    options_.stacks->Forget(t.tgid);
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
    ev.error = si.si_errno;
    // What strace prints of each kind of siginfo: which union member
    // holds depends on whether user space sent it (si_code <= 0) and then
    // on si_code, else on the signal (decode_process.cc's Siginfo reads
    // the same fields from a syscall's siginfo argument).
    const uint64_t value = reinterpret_cast<uintptr_t>(si.si_value.sival_ptr);
    const auto source = [&] {
      ev.from_pid = si.si_pid;
      ev.from_uid = si.si_uid;
    };
    const auto poll = [&] {
      ev.poll = SignalEvent::Poll{.band = si.si_band, .fd = si.si_fd};
      if (options_.fd_info != nullptr) {
        options_.fd_info->AppendFdInfo(tid, si.si_fd, &ev.poll->fd_info);
      }
    };
    if (si.si_code <= 0) {
      switch (si.si_code) {
        case SI_USER:
        case SI_TKILL:
          source();
          break;
        case SI_TIMER:
          ev.timer =
              SignalEvent::Timer{.id = si.si_timerid, .overrun = si.si_overrun};
          ev.value = value;
          break;
        case SI_SIGIO:
          poll();
          break;
        default:  // SI_QUEUE, SI_MESGQ, SI_ASYNCIO, ...
          source();
          if (value != 0) ev.value = value;
          break;
      }
    } else {
      switch (stop.signo) {
        case SIGCHLD:
          source();
          ev.child = SignalEvent::Child{.status = si.si_status,
                                        .utime = si.si_utime,
                                        .stime = si.si_stime};
          break;
        case SIGSEGV:
        case SIGBUS:
        case SIGILL:
        case SIGFPE:
        case SIGTRAP:
          ev.addr = reinterpret_cast<uintptr_t>(si.si_addr);
          break;
        case SIGIO:
          if (si.si_code >= POLL_IN && si.si_code <= POLL_HUP) poll();
          break;
        case SIGSYS:
          ev.sys = SignalEvent::Sys{
              .call_addr = reinterpret_cast<uintptr_t>(si.si_call_addr),
              .nr = si.si_syscall,
              .arch = si.si_arch,
              .personality = t.sc.arch};
          break;
        default:  // e.g. an F_SETSIG realtime signal's POLL_IN
          if (si.si_pid != 0 || si.si_uid != 0) source();
          if (value != 0) ev.value = value;
          break;
      }
    }
  }
  if (options_.instruction_pointers) {
    uint64_t ip = 0;
    if (kernel_->GetInstructionPointer(tid, &ip) == 0) ev.ip = ip;
  }
  if (options_.stacks != nullptr) {
    options_.stacks->Capture(t.tgid, tid, false, &ev.stack);
  }
  Emit(t.tgid, tid, std::move(ev));
}

void Tracer::Impl::ReportClone(pid_t tid, const Thread& t,
                               const StopInfo& stop) {
  unsigned long msg = 0;
  const int event = stop.kind == StopKind::kVforkEvent  ? PTRACE_EVENT_VFORK
                    : stop.kind == StopKind::kForkEvent ? PTRACE_EVENT_FORK
                                                        : PTRACE_EVENT_CLONE;
  // The parent died (its child then reports as an orphan, or not at all).
  if (kernel_->GetEventMsg(tid, event, &msg) != 0) return;
  const pid_t child = static_cast<pid_t>(msg);
  CloneEvent ev{.child = child};
  if (stop.kind == StopKind::kVforkEvent) {
    ev.kind = CloneKind::kVfork;
  } else if (stop.kind == StopKind::kForkEvent) {
    ev.kind = CloneKind::kProcess;
  } else {
    // PTRACE_EVENT_CLONE also covers clone() without CLONE_THREAD whose
    // exit signal is not SIGCHLD: ask the kernel which it was.
    // A child found in our thread group is a thread: one tgkill(0), the
    // cheap test (pthread_create's clone3 keeps its flags in memory: two
    // calls to read them). Not found, it is a process or already gone
    // (race: tests/race_test.cc, ThreadCreatedDuringAttach): then the clone
    // flags decide.
    uint64_t flags = 0;
    const bool thread = kernel_->IsThreadOf(t.tgid, child) ||
                        (kernel_->GetCloneFlags(tid, &flags) == 0 &&
                         (flags & CLONE_THREAD) != 0);
    ev.kind = thread ? CloneKind::kThread : CloneKind::kProcess;
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
  if (auto dead = dead_unknown_.find(child); dead != dead_unknown_.end()) {
    // It died before its creation was seen: report its death now.
    StopInfo death = dead->second;
    dead_unknown_.erase(dead);
    threads_[child] = Thread{.tgid = child_tgid,
                             .state = ThreadState::kFirstStopPending,
                             .comm = std::move(comm)};
    HandleStop(child, death);
    return;
  }
  threads_[child] = Thread{.tgid = child_tgid,
                           .state = ThreadState::kFirstStopPending,
                           .comm = std::move(comm),
                           .seccomp = t.seccomp};
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
bool Tracer::Impl::HandleExec(pid_t tid) {
  unsigned long msg = 0;
  pid_t old_tid = tid;
  if (kernel_->GetEventMsg(tid, PTRACE_EVENT_EXEC, &msg) == 0) {
    old_tid = static_cast<pid_t>(msg);
  }
  if (old_tid != tid) {
    auto leader = threads_.find(tid);
    if (leader != threads_.end()) {
      if (leader->second.in_syscall) {
        FinishSyscall(tid, leader->second, 0, /*returned=*/false);
      }
      RemovePending(tid);
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
    moved.sc.tid = tid;
    threads_[tid] = std::move(moved);
    for (pid_t& p : pending_) {
      if (p == old_tid) p = tid;
    }
  }
  Thread& t = threads_[tid];
  t.tgid = tid;
  t.comm = kernel_->ReadComm(tid);
  const bool spawn_exec = t.hidden;
  if (t.hidden) {
    // The spawned command's own exec: it is now the command.
    t.hidden = false;
    Emit(tid, tid, SpawnEvent{.path = spawned_path_, .argv = spawned_argv_});
    if (t.in_syscall && t.sc_report) pending_.push_back(tid);
  }
  if (options_.stacks != nullptr) options_.stacks->Forget(tid);
  Emit(tid, tid,
       ExecEvent{.path = kernel_->ReadExecPath(tid), .old_tid = old_tid});
  return spawn_exec;
}

// ---------------------------------------------------------------------------
// Syscalls.

Tracer::Impl::SyscallResume Tracer::Impl::HandleSyscallStop(pid_t tid,
                                                            Thread& t) {
  SyscallResume how;
  __ptrace_syscall_info info;
  if (kernel_->GetSyscallInfo(tid, &info) != 0) return how;  // it just died
  switch (info.op) {
    case PTRACE_SYSCALL_INFO_ENTRY:
      BeginSyscall(tid, t, info.arch, info.entry.nr, info.entry.args,
                   info.stack_pointer, info.instruction_pointer);
      // The kernel sends a signal given at a syscall-enter-stop.
      how.signo = std::exchange(t.sc_signal, 0);
      how.delay_ns = std::exchange(t.sc_delay_enter_ns, -1);
      break;
    case PTRACE_SYSCALL_INFO_SECCOMP:
      BeginSyscall(tid, t, info.arch, info.seccomp.nr, info.seccomp.args,
                   info.stack_pointer, info.instruction_pointer);
      // Not at a seccomp stop: sc_signal waits for the exit stop.
      how.delay_ns = std::exchange(t.sc_delay_enter_ns, -1);
      break;
    case PTRACE_SYSCALL_INFO_EXIT:
      // An exit without an entry (we attached during the syscall) is not
      // reported.
      if (t.in_syscall) {
        FinishSyscall(tid, t, info.exit.rval, true);
        how.signo = std::exchange(t.sc_signal, 0);
        how.delay_ns = std::exchange(t.sc_delay_exit_ns, -1);
      }
      break;
    default:
      break;
  }
  return how;
}

void Tracer::Impl::Hold(pid_t tid, const SyscallResume& how) {
  held_.push_back(Held{.deadline_ns = clock_.NowNs() + how.delay_ns,
                       .tid = tid,
                       .signo = how.signo});
}

void Tracer::Impl::ReleaseHeld(int64_t now_ns, bool all) {
  size_t kept = 0;
  for (size_t i = 0; i < held_.size(); ++i) {
    const Held h = held_[i];
    if (!all && h.deadline_ns > now_ns) {
      held_[kept++] = h;
      continue;
    }
    auto it = threads_.find(h.tid);
    if (it == threads_.end()) continue;
    if (Resume(h.tid, it->second, h.signo) == ESRCH) {
      it->second.state = ThreadState::kExiting;
    }
  }
  held_.resize(kept);
}

void Tracer::Impl::ForgetHeld(pid_t tid) {
  std::erase_if(held_, [tid](const Held& h) { return h.tid == tid; });
}

namespace {
// execve, execveat, exit, exit_group (x86_64): -k takes their stacks at
// entry.
bool EndsProgram(uint32_t arch, uint64_t nr) {
  return arch == kArchX86_64 && (nr == SYS_execve || nr == SYS_execveat ||
                                 nr == SYS_exit || nr == SYS_exit_group);
}
}  // namespace

bool Tracer::Impl::PokeArgs(pid_t tid, const Thread& t,
                            const std::vector<Poke>& pokes, int nargs,
                            const char* when) {
  auto warn = [&](const std::string& why) {
    if (options_.warn) {
      std::string name;
      options_.syscalls->Name(t.sc.arch, static_cast<int32_t>(t.sc.nr), &name);
      options_.warn(absl::StrCat("-e inject ", when, ": cannot change ", name,
                                 " of process ", tid, ": ", why));
    }
  };
  // As strace: an argument the call does not have voids every poke.
  for (const Poke& p : pokes) {
    if (p.arg >= nargs) {
      warn(absl::StrCat("argument #", p.arg + 1, " asked for, it has ", nargs));
      return false;
    }
  }
  bool poked = false;
  for (const Poke& p : pokes) {
    uint64_t addr = t.sc.args[p.arg];
    if (t.sc.arch == kArchI386) addr &= 0xffffffffu;
    if (int e = kernel_->WriteMemory(tid, addr, p.data.data(), p.data.size());
        e != 0) {
      warn(absl::StrCat("writing at argument #", p.arg + 1, " (",
                        absl::StrFormat("%#x", addr), "): ", strerror(e)));
      break;
    }
    poked = true;
  }
  return poked;
}

void Tracer::Impl::BeginSyscall(pid_t tid, Thread& t, uint32_t arch,
                                uint64_t nr, const uint64_t* args,
                                uint64_t stack_pointer,
                                uint64_t instruction_pointer) {
  if (t.in_syscall) FinishSyscall(tid, t, 0, /*returned=*/false);
  t.in_syscall = true;
  t.sc.tid = tid;
  t.sc.arch = arch;
  t.sc.nr = static_cast<int64_t>(nr);
  for (int i = 0; i < 6; ++i) t.sc.args[i] = args[i];
  t.sc.stack_pointer = stack_pointer;
  t.sc.instruction_pointer =
      options_.instruction_pointers ? instruction_pointer : 0;
  t.sc_entry_ns = clock_.NowNs();
  t.sc_entry_stime_ns = stime_ns_;
  t.sc_announced = false;
  // i386's socketcall and ipc are filtered as the call they make.
  int32_t fnr = static_cast<int32_t>(nr);
  if (arch == kArchI386) fnr = options_.syscalls->FilterNumber(t.sc);
  t.sc_report = options_.syscalls->Traced(arch, fnr);
  t.sc_inject.reset();
  t.sc_signal = 0;
  t.sc_delay_enter_ns = t.sc_delay_exit_ns = -1;
  t.sc_delayed = false;
  t.sc_poke_exit = nullptr;
  t.sc_poked = false;
  if (options_.stacks != nullptr) t.sc_stack.clear();
  if (!t.sc_report) return;
  options_.syscalls->Name(arch, static_cast<int32_t>(nr), &t.sc_name);
  t.sc_captured = options_.syscalls->Captures(t.sc);
  options_.syscalls->DecodeEntry(t.sc, &t.sc_args_enter);
  // i386's socketcall and ipc are named after the call they make.
  options_.syscalls->EntryName(&t.sc_name);
  // -P: not on the paths asked for.
  t.sc_report = options_.syscalls->EntryShown();
  if (!t.sc_report) return;
  // -e inject acts on traced calls only, as strace's does.
  if (options_.inject != nullptr && !t.hidden &&
      options_.inject->Covers(arch, fnr)) {
    const uint32_t n =
        ++t.inject_counts[(uint64_t{arch} << 32) | static_cast<uint32_t>(fnr)];
    const Tamper tamper = options_.inject->Inject(arch, fnr, n);
    t.sc_inject = tamper.ret;
    // Number -1: the kernel skips the call (its -ENOSYS is replaced at the
    // exit stop); syscall=: it runs that one instead.
    if ((t.sc_inject || tamper.replace_nr >= 0) &&
        kernel_->SetSyscallNr(
            tid, tamper.replace_nr >= 0 ? tamper.replace_nr : -1) != 0) {
      t.sc_inject.reset();
    }
    // poke_enter=: the arguments are decoded again, to show what the
    // kernel will see.
    if (tamper.poke_enter != nullptr &&
        PokeArgs(tid, t, *tamper.poke_enter, tamper.nargs, "poke_enter")) {
      t.sc_poked = true;
      options_.syscalls->DecodeEntry(t.sc, &t.sc_args_enter);
    }
    t.sc_poke_exit = tamper.poke_exit;
    t.sc_nargs = tamper.nargs;
    t.sc_signal = tamper.signo;
    t.sc_delay_enter_ns = tamper.delay_enter_ns;
    t.sc_delay_exit_ns = tamper.delay_exit_ns;
    t.sc_delayed = tamper.delayed();
  }
  if (t.hidden) return;
  // -k: as strace, the stack of a call that ends or replaces the program
  // is taken now; any other's at its exit (where rt_sigreturn has
  // restored the interrupted code's registers).
  if (options_.stacks != nullptr && EndsProgram(arch, nr)) {
    options_.stacks->Capture(t.tgid, tid, true, &t.sc_stack);
  }
  if (pending_.empty() && on_syscall_pending_) on_syscall_pending_();
  pending_.push_back(tid);
}

void Tracer::Impl::FinishSyscall(pid_t tid, Thread& t, int64_t ret,
                                 bool returned, bool detached) {
  t.in_syscall = false;
  bool injected = false;
  if (t.sc_inject) {
    if (returned && kernel_->SetReturnValue(tid, *t.sc_inject) == 0) {
      ret = *t.sc_inject;
      injected = true;
    }
    t.sc_inject.reset();
  }
  // poke_exit=: before the results are decoded, as strace.
  if (t.sc_poke_exit != nullptr) {
    if (returned &&
        PokeArgs(tid, t, *t.sc_poke_exit, t.sc_nargs, "poke_exit")) {
      t.sc_poked = true;
    }
    t.sc_poke_exit = nullptr;
  }
  // -k: calls that change what code the process maps (a new mapping is
  // found anyway, when an address falls outside the known ones; an old
  // one must not outlive its unmapping).
  if (options_.stacks != nullptr && t.sc.arch == kArchX86_64 &&
      ((t.sc.nr == SYS_mmap && (t.sc.args[2] & PROT_EXEC)) ||
       t.sc.nr == SYS_munmap || t.sc.nr == SYS_mremap)) {
    options_.stacks->Forget(t.tgid);
  }
  if (!t.sc_report || t.hidden) return;
  // -k: the stack at the exit stop; also for the command's own exec,
  // hidden at its entry: as strace, the new program's first instruction.
  if (options_.stacks != nullptr && returned && t.sc_stack.empty()) {
    options_.stacks->Capture(t.tgid, tid, false, &t.sc_stack);
  }
  RemovePending(tid);
  if (!pending_.empty()) AnnouncePending(tid, INT64_MAX);
  auto& ev = std::get<SyscallEvent>(syscall_event_.payload);
  ev.nr = static_cast<int32_t>(t.sc.nr);
  ev.arch = t.sc.arch;
  ev.name.assign(t.sc_name);
  const int nargs = std::clamp(
      options_.syscalls->ArgCount(t.sc.arch, static_cast<int32_t>(t.sc.nr)), 0,
      6);
  ev.nargs = static_cast<uint8_t>(nargs);
  for (int i = 0; i < 6; ++i) ev.raw_args[i] = i < nargs ? t.sc.args[i] : 0;
  ev.args_enter.assign(t.sc_args_enter);
  ev.captured = t.sc_captured;
  ev.ret_format = SyscallEvent::RetFormat::kDecimal;
  if (returned) {
    options_.syscalls->DecodeExit(t.sc, ret, &ev.args_exit, &ev.ret_format,
                                  &ev.ret_suffix);
    options_.syscalls->DecodeDump(t.sc, ret, &ev.dump);
    options_.syscalls->ExitResult(&ret);
  } else {
    ev.args_exit.clear();
    ev.ret_suffix.clear();
    ev.dump.clear();
  }
  ev.ret = ret;
  ev.returned = returned;
  ev.detached = detached;
  ev.injected = injected;
  ev.delayed = t.sc_delayed;
  ev.injected_args = t.sc_poked;
  ev.ip = t.sc.instruction_pointer;
  if (options_.stacks != nullptr) ev.stack.swap(t.sc_stack);
  ev.split = t.sc_announced;
  const int64_t now = clock_.NowNs();
  ev.dur_ns = now - t.sc_entry_ns;
  ev.cpu_ns = returned && stime_ns_ >= 0 && t.sc_entry_stime_ns >= 0
                  ? std::max<int64_t>(stime_ns_ - t.sc_entry_stime_ns, 0)
                  : -1;
  syscall_event_.seq = seq_++;
  syscall_event_.ts_ns = t.sc_entry_ns;
  syscall_event_.pid = t.tgid;
  syscall_event_.tid = tid;
  sink_->OnEvent(syscall_event_);
}

void Tracer::Impl::AnnouncePending(pid_t except, int64_t started_before_ns,
                                   bool timed) {
  size_t kept = 0;
  for (size_t i = 0; i < pending_.size(); ++i) {
    const pid_t tid = pending_[i];
    auto it = threads_.find(tid);
    if (it == threads_.end()) continue;
    Thread& t = it->second;
    if (tid == except || t.sc_entry_ns >= started_before_ns ||
        (timed && !options_.announce_calls_with_events &&
         HasEventsOfItsOwn(t.sc_name))) {
      pending_[kept++] = tid;
      continue;
    }
    t.sc_announced = true;
    // A split call's entry is shown as text (these events are rare).
    if (t.sc_captured) {
      options_.syscalls->RenderEntry(t.sc, t.sc_args_enter, &announce_text_);
    }
    Event e;
    e.seq = seq_++;
    e.ts_ns = t.sc_entry_ns;
    e.pid = t.tgid;
    e.tid = tid;
    e.payload = SyscallEnterEvent{
        .nr = static_cast<int32_t>(t.sc.nr),
        .arch = t.sc.arch,
        .name = t.sc_name,
        .args_enter = t.sc_captured ? announce_text_ : t.sc_args_enter,
        .ip = t.sc.instruction_pointer};
    sink_->OnEvent(e);
  }
  pending_.resize(kept);
}

// Calls whose thread reports events before their exit: clone's "created",
// execve's exec (and a vfork's parent waits for its child).
bool Tracer::Impl::HasEventsOfItsOwn(std::string_view name) {
  return name == "clone" || name == "clone3" || name == "fork" ||
         name == "vfork" || name == "execve" || name == "execveat";
}

void Tracer::Impl::RemovePending(pid_t tid) {
  for (size_t i = 0; i < pending_.size(); ++i) {
    if (pending_[i] == tid) {
      pending_[i] = pending_.back();
      pending_.pop_back();
      return;
    }
  }
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
  ReleaseHeld(0, /*all=*/true);  // then interrupted with the others
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
absl::Status Tracer::Spawn(const std::vector<std::string>& argv,
                           const SpawnOptions& options) {
  return impl_->Spawn(argv, options);
}
absl::Status Tracer::Attach(pid_t pid) { return impl_->Attach(pid); }
absl::StatusOr<RunResult> Tracer::Run() { return impl_->Run(); }
void Tracer::RequestDetach() { impl_->RequestDetach(); }
pid_t Tracer::spawned_pid() const { return impl_->spawned_pid(); }
bool Tracer::HasUnreportedSyscalls() const {
  return impl_->HasUnreportedSyscalls();
}
void Tracer::set_on_syscall_pending(std::function<void()> f) {
  impl_->set_on_syscall_pending(std::move(f));
}
void Tracer::Wake() { impl_->Wake(); }
void Tracer::set_on_interrupt(std::function<void()> f) {
  impl_->set_on_interrupt(std::move(f));
}

}  // namespace ttrace
