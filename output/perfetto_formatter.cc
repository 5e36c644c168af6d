#include "output/perfetto_formatter.h"

#include <algorithm>
#include <limits>
#include <variant>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "output/errno_names.h"
#include "output/json_formatter.h"
#include "output/signal_names.h"

namespace ttrace {
namespace {

std::string_view Basename(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

void Key(std::string* out, std::string_view key) {
  out->append(",\"");
  out->append(key);
  out->append("\":");
}

// The first key of an "args" object (no leading comma).
void FirstKey(std::string* out, std::string_view key) {
  out->append(",\"args\":{\"");
  out->append(key);
  out->append("\":");
}

// Saturating arithmetic: hostile timestamps and durations (a decoded trace
// can hold anything) must not overflow.
int64_t SatAdd(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) {
    return b > 0 ? std::numeric_limits<int64_t>::max()
                 : std::numeric_limits<int64_t>::min();
  }
  return r;
}
int64_t SatSub(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) {
    return b < 0 ? std::numeric_limits<int64_t>::max()
                 : std::numeric_limits<int64_t>::min();
  }
  return r;
}

uint64_t MetaKey(pid_t pid, pid_t tid) {
  return (uint64_t{static_cast<uint32_t>(pid)} << 32) |
         static_cast<uint32_t>(tid);
}

}  // namespace

PerfettoFormatter::PerfettoFormatter(ByteSink* out) : out_(out) {
  line_.reserve(512);
}

absl::Status PerfettoFormatter::Flush() { return out_->Flush(); }

void PerfettoFormatter::AppendTs(int64_t ns) {
  AppendMicros(SatSub(ns, origin_ns_));
}

void PerfettoFormatter::AppendMicros(int64_t d) {
  uint64_t mag = static_cast<uint64_t>(d);
  if (d < 0) {
    line_.push_back('-');
    mag = ~mag + 1;
  }
  absl::StrAppend(&line_, mag / 1000);
  const unsigned frac = static_cast<unsigned>(mag % 1000);
  if (frac != 0) absl::StrAppendFormat(&line_, ".%03u", frac);
}

void PerfettoFormatter::Begin(const char* ph, std::string_view name,
                              const char* cat, int64_t ts_ns, pid_t pid,
                              pid_t tid) {
  if (!started_) {
    started_ = true;
    line_.append("{\"traceEvents\":[");
  }
  line_.append(first_ ? "\n{\"name\":" : ",\n{\"name\":");
  first_ = false;
  AppendJsonString(&line_, name);
  absl::StrAppend(&line_, ",\"ph\":\"", ph, "\"");
  if (cat != nullptr) absl::StrAppend(&line_, ",\"cat\":\"", cat, "\"");
  line_.append(",\"ts\":");
  AppendTs(ts_ns);
  absl::StrAppend(&line_, ",\"pid\":", pid, ",\"tid\":", tid);
  if (ph[0] == 'i') line_.append(",\"s\":\"t\"");
}

void PerfettoFormatter::Emit() {
  out_->Append(line_);
  line_.clear();
}

PerfettoFormatter::Thread& PerfettoFormatter::Track(pid_t pid, pid_t tid,
                                                    int64_t ts) {
  auto it = threads_.find(tid);
  if (it == threads_.end() || !it->second.alive) {
    StartThread(pid, tid, ts);
    it = threads_.find(tid);
  }
  return it->second;
}

void PerfettoFormatter::StartThread(pid_t pid, pid_t tid, int64_t ts) {
  Thread& t = threads_[tid];
  if (t.alive) EndThread(tid, ts, "replaced");  // a tid seen twice
  std::string name = std::move(t.name);
  t = Thread{};
  t.pid = pid;
  t.start_ns = ts;
  t.end_ns = ts;
  t.busy_until = ts;
  t.alive = true;
  t.order = next_order_++;
  t.name = std::move(name);  // a reused tid keeps a name until it learns one
}

void PerfettoFormatter::EndThread(pid_t tid, int64_t ts, const char* how) {
  auto it = threads_.find(tid);
  if (it == threads_.end() || !it->second.alive) return;
  Thread& t = it->second;
  const bool unfinished = std::string_view(how) == "unfinished";
  if (t.in_syscall) {
    // Announced but never completed: a slice up to here.
    const int64_t start = std::max({t.syscall_ts, t.start_ns, t.busy_until});
    Begin("X", t.syscall_name, "syscall", start, t.pid, tid);
    line_.append(",\"dur\":");
    AppendMicros(std::max<int64_t>(0, SatSub(ts, start)));
    FirstKey(&line_, "args");
    AppendJsonString(&line_, t.syscall_args);
    line_.append(",\"unfinished\":true}}");
    Emit();
    t.in_syscall = false;
    t.end_ns = std::max(t.end_ns, ts);
  }
  const int64_t end = std::max(ts, t.end_ns);
  Begin("X", t.name.empty() ? std::string_view("thread") : t.name, "thread",
        t.start_ns, t.pid, tid);
  line_.append(",\"dur\":");
  AppendMicros(std::max<int64_t>(0, SatSub(end, t.start_ns)));
  FirstKey(&line_, "end");
  AppendJsonString(&line_, how);
  if (unfinished) line_.append(",\"unfinished\":true");
  line_.append("}}");
  Emit();
  t.alive = false;
  Meta& m = meta_[MetaKey(t.pid, tid)];
  m.order = std::min(m.order, t.order);
  if (!t.name.empty()) m.name = t.name;
}

void PerfettoFormatter::OnEvent(const Event& event) {
  if (finished_) return;
  if (first_event_) {
    origin_ns_ = event.ts_ns;
    first_event_ = false;
  }
  last_ns_ = std::max(last_ns_, event.ts_ns);
  const pid_t pid = event.pid;
  const pid_t tid = event.tid;
  const int64_t ts = event.ts_ns;
  std::visit(
      [&](const auto& p) {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, SpawnEvent>) {
          StartThread(pid, pid, ts);
          std::string_view base = Basename(p.path);
          threads_[pid].name.assign(base.data(), base.size());
          process_names_[pid].assign(base.data(), base.size());
          Begin("i", "spawn", "process", ts, pid, tid);
          FirstKey(&line_, "path");
          AppendJsonString(&line_, p.path);
          line_.append(",\"argv\":[");
          for (size_t i = 0; i < p.argv.size(); ++i) {
            if (i > 0) line_.push_back(',');
            AppendJsonString(&line_, p.argv[i]);
          }
          line_.append("]}}");
          Emit();
        } else if constexpr (std::is_same_v<T, AttachEvent>) {
          StartThread(pid, tid, ts);
          Begin("i", "attach", "thread", ts, pid, tid);
          line_.push_back('}');
          Emit();
        } else if constexpr (std::is_same_v<T, DetachEvent>) {
          Track(pid, tid, ts);
          Begin("i", "detach", "thread", ts, pid, tid);
          line_.push_back('}');
          Emit();
          EndThread(tid, ts, "detached");
        } else if constexpr (std::is_same_v<T, CloneEvent>) {
          Thread& parent = Track(pid, tid, ts);
          std::string name = parent.name;  // the kernel copies comm
          Begin("i", "clone", "thread", ts, pid, tid);
          FirstKey(&line_, "child");
          absl::StrAppend(&line_, p.child, ",\"kind\":\"",
                          CloneKindName(p.kind), "\"}}");
          Emit();
          const pid_t child_pid = p.kind == CloneKind::kThread ? pid : p.child;
          StartThread(child_pid, p.child, ts);
          Thread& child = threads_[p.child];
          if (!child.has_comm) child.name = std::move(name);
          if (p.kind != CloneKind::kThread &&
              !process_names_.contains(child_pid)) {
            process_names_[child_pid] = child.name;
          }
        } else if constexpr (std::is_same_v<T, ExecEvent>) {
          if (p.old_tid != tid) {
            // A non-leader exec'd and took the leader's tid: its old track
            // ends here, the leader's track continues the thread.
            EndThread(p.old_tid, ts, "exec as leader");
            EndThread(tid, ts, "superseded");
          }
          Thread& t = Track(pid, tid, ts);
          std::string_view base = Basename(p.path);
          t.name.assign(base.data(), base.size());
          t.has_comm = false;
          process_names_[pid].assign(base.data(), base.size());
          Begin("i", "exec", "process", ts, pid, tid);
          FirstKey(&line_, "path");
          AppendJsonString(&line_, p.path);
          absl::StrAppend(&line_, ",\"old_tid\":", p.old_tid, "}}");
          Emit();
        } else if constexpr (std::is_same_v<T, SignalEvent>) {
          Track(pid, tid, ts);
          std::string name = SignalName(p.signo);
          Begin("i", name, "signal", ts, pid, tid);
          FirstKey(&line_, "signo");
          absl::StrAppend(&line_, p.signo, ",\"code\":", p.code,
                          ",\"code_name\":\"");
          AppendSiCodeName(&line_, p.signo, p.code);
          line_.push_back('"');
          if (p.from_pid) {
            Key(&line_, "from_pid");
            absl::StrAppend(&line_, *p.from_pid);
          }
          if (p.from_uid) {
            Key(&line_, "from_uid");
            absl::StrAppend(&line_, *p.from_uid);
          }
          if (p.addr) {
            absl::StrAppendFormat(&line_, ",\"addr\":\"%#x\"", *p.addr);
          }
          if (p.child) {
            absl::StrAppend(&line_, ",\"child_status\":", p.child->status,
                            ",\"child_utime\":", p.child->utime,
                            ",\"child_stime\":", p.child->stime);
          }
          if (p.timer) {
            absl::StrAppend(&line_, ",\"timer_id\":", p.timer->id,
                            ",\"timer_overrun\":", p.timer->overrun);
          }
          if (p.value) {
            absl::StrAppendFormat(&line_, ",\"value\":\"%#x\"", *p.value);
          }
          if (p.error != 0) {
            absl::StrAppend(&line_, ",\"errno\":", p.error);
          }
          if (p.poll) {
            absl::StrAppend(&line_, ",\"band\":", p.poll->band,
                            ",\"fd\":", p.poll->fd);
            if (!p.poll->fd_info.empty()) {
              line_.append(",\"fd_info\":");
              AppendJsonString(&line_, p.poll->fd_info);
            }
          }
          if (p.sys) {
            absl::StrAppendFormat(&line_,
                                  ",\"call_addr\":\"%#x\",\"syscall\":%d,"
                                  "\"arch\":\"%#x\"",
                                  p.sys->call_addr, p.sys->nr, p.sys->arch);
          }
          if (!p.stack.empty()) {  // -k
            Key(&line_, "stack");
            AppendJsonString(&line_, p.stack);
          }
          line_.append("}}");
          Emit();
        } else if constexpr (std::is_same_v<T, StopEvent>) {
          Track(pid, tid, ts);
          Begin("i", "stop", "signal", ts, pid, tid);
          FirstKey(&line_, "sig");
          line_.push_back('"');
          AppendSignalName(&line_, p.signo);
          absl::StrAppend(&line_, "\",\"signo\":", p.signo);
          if (!p.stack.empty()) {  // -k
            Key(&line_, "stack");
            AppendJsonString(&line_, p.stack);
          }
          line_.append("}}");
          Emit();
        } else if constexpr (std::is_same_v<T, ContEvent>) {
          Track(pid, tid, ts);
          Begin("i", "cont", "signal", ts, pid, tid);
          line_.push_back('}');
          Emit();
        } else if constexpr (std::is_same_v<T, ExitEvent>) {
          Thread& t = Track(pid, tid, ts);
          if (!p.comm.empty()) {
            t.name = p.comm;
            t.has_comm = true;
          }
          if (tid == pid && !process_names_.contains(pid) && !t.name.empty()) {
            process_names_[pid] = t.name;
          }
          std::string how;
          Begin("i", "exit", "thread", ts, pid, tid);
          switch (p.how) {
            case ExitEvent::How::kExited:
              FirstKey(&line_, "code");
              absl::StrAppend(&line_, p.code);
              how = absl::StrCat("exited with ", p.code);
              break;
            case ExitEvent::How::kKilled:
              FirstKey(&line_, "killed");
              line_.push_back('"');
              AppendSignalName(&line_, p.signo);
              absl::StrAppend(&line_, "\",\"signo\":", p.signo,
                              ",\"core\":", p.core ? "true" : "false");
              how = absl::StrCat("killed by ", SignalName(p.signo),
                                 p.core ? " (core dumped)" : "");
              break;
            case ExitEvent::How::kSuperseded:
              FirstKey(&line_, "superseded_by");
              absl::StrAppend(&line_, p.superseded_by);
              how = "superseded by execve";
              break;
          }
          Key(&line_, "comm");
          AppendJsonString(&line_, p.comm);
          line_.append("}}");
          Emit();
          EndThread(tid, ts, how.c_str());
        } else if constexpr (std::is_same_v<T, SyscallEnterEvent>) {
          Thread& t = Track(pid, tid, ts);
          t.in_syscall = true;
          t.syscall_ts = ts;
          t.syscall_name = p.name;
          t.syscall_args = p.args_enter;
        } else if constexpr (std::is_same_v<T, SyscallEvent>) {
          Thread& t = Track(pid, tid, ts);
          t.in_syscall = false;
          // Never before the track's start (an attach during a call).
          const int64_t start = std::max({ts, t.start_ns, t.busy_until});
          const int64_t dur =
              std::max<int64_t>(0, SatSub(p.dur_ns, SatSub(start, ts)));
          t.busy_until = SatAdd(start, dur);
          t.end_ns = std::max(t.end_ns, t.busy_until);
          last_ns_ = std::max(last_ns_, t.end_ns);
          Begin("X", p.name, "syscall", start, pid, tid);
          line_.append(",\"dur\":");
          AppendMicros(dur);
          FirstKey(&line_, "args");
          scratch_.assign(p.args_enter);
          scratch_.append(p.args_exit);
          AppendJsonString(&line_, scratch_);
          line_.append(",\"ret\":");
          scratch_.clear();
          AppendSyscallResult(&scratch_, p);
          AppendJsonString(&line_, scratch_);
          // -k, -e read=/write=: shown with the slice (one string each).
          if (!p.stack.empty()) {
            Key(&line_, "stack");
            AppendJsonString(&line_, p.stack);
          }
          if (!p.dump.empty()) {
            Key(&line_, "dump");
            AppendJsonString(&line_, p.dump);
          }
          line_.append("}}");
          Emit();
        }
      },
      event.payload);
}

absl::Status PerfettoFormatter::Finish() {
  if (finished_) return out_->Flush();
  // Threads alive at the end, in creation order.
  std::vector<std::pair<uint64_t, pid_t>> alive;
  for (const auto& [tid, t] : threads_) {
    if (t.alive) alive.push_back({t.order, tid});
  }
  std::sort(alive.begin(), alive.end());
  for (const auto& [order, tid] : alive) EndThread(tid, last_ns_, "unfinished");

  // One process_name per process, one thread_name (and sort index) per
  // track, in creation order.
  std::vector<std::pair<uint64_t, uint64_t>> tracks;  // order, key
  for (const auto& [key, m] : meta_) tracks.push_back({m.order, key});
  std::sort(tracks.begin(), tracks.end());
  absl::flat_hash_map<pid_t, bool> named;
  for (const auto& [order, key] : tracks) {
    const pid_t pid = static_cast<pid_t>(key >> 32);
    const pid_t tid = static_cast<pid_t>(key & 0xffffffff);
    if (!named[pid]) {
      named[pid] = true;
      auto it = process_names_.find(pid);
      std::string name = it != process_names_.end() && !it->second.empty()
                             ? it->second
                             : absl::StrCat("pid ", pid);
      Begin("M", "process_name", nullptr, origin_ns_, pid, pid);
      FirstKey(&line_, "name");
      AppendJsonString(&line_, name);
      line_.append("}}");
      Emit();
    }
    const Meta& m = meta_[key];
    Begin("M", "thread_name", nullptr, origin_ns_, pid, tid);
    FirstKey(&line_, "name");
    AppendJsonString(&line_,
                     m.name.empty() ? absl::StrCat("tid ", tid) : m.name);
    line_.append("}}");
    Emit();
    Begin("M", "thread_sort_index", nullptr, origin_ns_, pid, tid);
    FirstKey(&line_, "sort_index");
    absl::StrAppend(&line_, order, "}}");
    Emit();
  }
  if (!started_) line_.append("{\"traceEvents\":[");
  absl::StrAppend(&line_,
                  "\n],\"displayTimeUnit\":\"ns\",\"otherData\":{\"ts_origin_"
                  "ns\":\"",
                  origin_ns_, "\",\"generator\":\"ttrace\"}}\n");
  Emit();
  finished_ = true;
  return out_->Flush();
}

}  // namespace ttrace
