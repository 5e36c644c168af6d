#include "tracer/fake_kernel.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "tracer/wait_status.h"

namespace ttrace {
namespace {

const char* OpName(FakeKernel::Op op) {
  switch (op) {
    case FakeKernel::Op::kSeize:
      return "seize";
    case FakeKernel::Op::kInterrupt:
      return "interrupt";
    case FakeKernel::Op::kCont:
      return "cont";
    case FakeKernel::Op::kListen:
      return "listen";
    case FakeKernel::Op::kDetach:
      return "detach";
    case FakeKernel::Op::kSyscall:
      return "syscall";
  }
  return "?";
}

std::string ErrnoName(int err) {
  const char* name = strerrorname_np(err);
  return name != nullptr ? std::string(name) : absl::StrCat("errno ", err);
}

std::string CallString(const FakeKernel::Call& c) {
  std::string s = absl::StrCat(OpName(c.op), "(", c.tid);
  if (c.op == FakeKernel::Op::kCont || c.op == FakeKernel::Op::kDetach) {
    absl::StrAppend(&s, ", ",
                    c.signo == 0 ? "0" : FakeKernel::SignalName(c.signo));
  }
  absl::StrAppend(&s, ")");
  if (c.result != 0) absl::StrAppend(&s, " = ", ErrnoName(c.result));
  return s;
}

std::string StopString(pid_t tid, int status) {
  const StopInfo s = ClassifyWaitStatus(status);
  std::string out = absl::StrCat("wait: ", tid, " ", StopKindName(s.kind));
  switch (s.kind) {
    case StopKind::kExited:
      absl::StrAppend(&out, " ", s.code);
      break;
    case StopKind::kKilled:
    case StopKind::kSignalDelivery:
    case StopKind::kGroupStop:
      absl::StrAppend(&out, " ", FakeKernel::SignalName(s.signo));
      break;
    default:
      break;
  }
  return out;
}

}  // namespace

std::string FakeKernel::SignalName(int signo) {
  const char* abbrev = sigabbrev_np(signo);
  if (abbrev == nullptr) return absl::StrCat(signo);
  return absl::StrCat("SIG", abbrev);
}

siginfo_t FakeKernel::SigInfo(int signo, int code, pid_t pid, uid_t uid,
                              uintptr_t addr) {
  siginfo_t si;
  memset(&si, 0, sizeof si);
  si.si_signo = signo;
  si.si_code = code;
  if (addr != 0) {
    si.si_addr = reinterpret_cast<void*>(addr);
  } else {
    si.si_pid = pid;
    si.si_uid = uid;
  }
  return si;
}

// ---------------------------------------------------------------------------
// Script and tables.

void FakeKernel::AddStop(pid_t tid, int status,
                         std::function<void()> on_return) {
  script_.push_back(Step{tid, status, std::move(on_return)});
}

void FakeKernel::AddWaitError(int err, std::function<void()> on_return) {
  script_.push_back(Step{-err, 0, std::move(on_return)});
}

void FakeKernel::AddThread(pid_t tgid, pid_t tid, std::string comm,
                           pid_t ppid) {
  threads_of_[tgid].push_back(tid);
  status_[tid] = Status{.tgid = tgid, .ppid = ppid, .tracer_pid = 0};
  comm_[tid] = std::move(comm);
}

void FakeKernel::SetThreadListings(pid_t tgid,
                                   std::vector<std::vector<pid_t>> answers) {
  listings_[tgid] =
      std::deque<std::vector<pid_t>>(answers.begin(), answers.end());
}

void FakeKernel::SetStatus(pid_t tid, std::optional<Status> status) {
  status_[tid] = status;
}

void FakeKernel::SetComm(pid_t tid, std::string comm) {
  comm_[tid] = std::move(comm);
}

void FakeKernel::SetExecPath(pid_t tid, std::string path) {
  exec_path_[tid] = std::move(path);
}

void FakeKernel::PushEventMsg(pid_t tid, unsigned long msg) {
  event_msgs_[tid].push_back(msg);
}

void FakeKernel::PushStaleEventMsg(pid_t tid) {
  event_msgs_[tid].push_back(std::nullopt);
}

void FakeKernel::PushSigInfo(pid_t tid, const siginfo_t& info) {
  siginfos_[tid].push_back(info);
}

void FakeKernel::FailCalls(Op op, pid_t tid, int err, int times) {
  failures_[{op, tid}] = Failure{err, times};
}

std::vector<std::string> FakeKernel::CallLog() const {
  std::vector<std::string> out;
  out.reserve(calls_.size());
  for (const Call& c : calls_) out.push_back(CallString(c));
  return out;
}

// ---------------------------------------------------------------------------
// ptrace requests.

int FakeKernel::InjectedError(Op op, pid_t tid) {
  auto it = failures_.find({op, tid});
  if (it == failures_.end() || it->second.times == 0) return 0;
  if (it->second.times > 0) --it->second.times;
  return it->second.err;
}

int FakeKernel::Record(Op op, pid_t tid, int signo, int result) {
  Call c{op, tid, signo, result};
  calls_.push_back(c);
  timeline_.push_back(CallString(c));
  return result;
}

int FakeKernel::CheckResumable(const char* what, pid_t tid) {
  if (stopped_.count(tid) == 0) {
    violations_.push_back(
        absl::StrCat(what, "(", tid, ") while it is not in a ptrace-stop"));
    return ESRCH;
  }
  if (listening_.count(tid) != 0) {
    violations_.push_back(
        absl::StrCat(what, "(", tid, ") while it is LISTENing"));
    return ESRCH;
  }
  return 0;
}

int FakeKernel::Seize(pid_t tid, unsigned long options) {
  last_seize_options_ = options;
  if (int err = InjectedError(Op::kSeize, tid)) {
    return Record(Op::kSeize, tid, 0, err);
  }
  auto st = status_.find(tid);
  if (st == status_.end() || !st->second) {
    return Record(Op::kSeize, tid, 0, ESRCH);
  }
  st->second->tracer_pid = getpid();
  return Record(Op::kSeize, tid, 0, 0);
}

int FakeKernel::Interrupt(pid_t tid) {
  // Valid in any state: running, LISTENing or already stopped.
  return Record(Op::kInterrupt, tid, 0, InjectedError(Op::kInterrupt, tid));
}

int FakeKernel::Cont(pid_t tid, int signo) {
  int err = InjectedError(Op::kCont, tid);
  if (err == 0) err = CheckResumable("cont", tid);
  stopped_.erase(tid);
  listening_.erase(tid);
  return Record(Op::kCont, tid, signo, err);
}

int FakeKernel::Syscall(pid_t tid, int signo) {
  int err = InjectedError(Op::kSyscall, tid);
  if (err == 0) err = CheckResumable("syscall", tid);
  stopped_.erase(tid);
  listening_.erase(tid);
  return Record(Op::kSyscall, tid, signo, err);
}

int FakeKernel::GetSyscallInfo(pid_t tid, __ptrace_syscall_info* info) {
  auto it = syscall_infos_.find(tid);
  if (it == syscall_infos_.end() || it->second.empty()) return ESRCH;
  *info = it->second.front();
  it->second.pop_front();
  return 0;
}

int FakeKernel::Listen(pid_t tid) {
  int err = InjectedError(Op::kListen, tid);
  if (err == 0) err = CheckResumable("listen", tid);
  stopped_.erase(tid);
  if (err == 0) {
    listening_.insert(tid);
  } else {
    listening_.erase(tid);
  }
  return Record(Op::kListen, tid, 0, err);
}

int FakeKernel::Detach(pid_t tid, int signo) {
  int err = InjectedError(Op::kDetach, tid);
  if (err == 0) err = CheckResumable("detach", tid);
  stopped_.erase(tid);
  listening_.erase(tid);
  return Record(Op::kDetach, tid, signo, err);
}

int FakeKernel::GetEventMsg(pid_t tid, int event, unsigned long* msg) {
  if (stopped_.count(tid) == 0) {
    violations_.push_back(
        absl::StrCat("geteventmsg(", tid, ") while it is not stopped"));
    return ESRCH;
  }
  const int stop_event = (last_status_[tid] >> 16) & 0xff;
  if (stop_event != event) {
    violations_.push_back(absl::StrCat("geteventmsg(", tid, ", event ", event,
                                       ") at a stop of event ", stop_event));
  }
  auto it = event_msgs_.find(tid);
  if (it == event_msgs_.end() || it->second.empty()) return ESRCH;
  const std::optional<unsigned long> m = it->second.front();
  it->second.pop_front();
  if (!m) return ESRCH;
  *msg = *m;
  return 0;
}

int FakeKernel::GetSigInfo(pid_t tid, siginfo_t* info) {
  if (stopped_.count(tid) == 0) {
    violations_.push_back(
        absl::StrCat("getsiginfo(", tid, ") while it is not stopped"));
    return ESRCH;
  }
  auto it = siginfos_.find(tid);
  if (it == siginfos_.end() || it->second.empty()) return ESRCH;
  *info = it->second.front();
  it->second.pop_front();
  return 0;
}

pid_t FakeKernel::WaitAny(int* status) {
  if (script_.empty()) {
    ++waits_past_end_;
    timeline_.push_back("wait: -ECHILD");
    return -ECHILD;
  }
  Step step = std::move(script_.front());
  script_.pop_front();
  if (step.on_return) step.on_return();
  if (step.result < 0) {
    timeline_.push_back(absl::StrCat("wait: -", ErrnoName(-step.result)));
    return step.result;
  }
  const pid_t tid = step.result;
  timeline_.push_back(StopString(tid, step.status));
  if (IsStopped(ClassifyWaitStatus(step.status).kind)) {
    if (stopped_.count(tid) != 0) {
      violations_.push_back(absl::StrCat(
          "script reports a stop of ", tid,
          " but the engine never resumed it from its previous stop"));
    }
    stopped_.insert(tid);
  } else {
    stopped_.erase(tid);  // a stopped thread can still be killed
  }
  listening_.erase(tid);
  last_status_[tid] = step.status;
  *status = step.status;
  return tid;
}

// ---------------------------------------------------------------------------
// /proc and tgkill.

bool FakeKernel::IsThreadOf(pid_t tgid, pid_t tid) {
  auto it = status_.find(tid);
  return it != status_.end() && it->second && it->second->tgid == tgid;
}

std::string FakeKernel::ReadComm(pid_t tid) {
  auto it = comm_.find(tid);
  return it != comm_.end() ? it->second : std::string();
}

std::string FakeKernel::ReadExecPath(pid_t tid) {
  auto it = exec_path_.find(tid);
  return it != exec_path_.end() ? it->second : std::string();
}

std::vector<pid_t> FakeKernel::ListThreads(pid_t tgid) {
  auto l = listings_.find(tgid);
  if (l != listings_.end() && !l->second.empty()) {
    std::vector<pid_t> answer = l->second.front();
    if (l->second.size() > 1) l->second.pop_front();
    return answer;
  }
  auto it = threads_of_.find(tgid);
  return it != threads_of_.end() ? it->second : std::vector<pid_t>();
}

std::optional<Kernel::Status> FakeKernel::ReadStatus(pid_t tid) {
  auto it = status_.find(tid);
  return it != status_.end() ? it->second : std::nullopt;
}

}  // namespace ttrace
