#include "tests/trace_harness.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "output/signal_names.h"

namespace ttrace::testing {

bool AllSyscalls::IsExec(uint32_t arch, int32_t nr) const {
  return arch == kArchX86_64 && (nr == SYS_execve || nr == SYS_execveat);
}

void AllSyscalls::Name(uint32_t, int32_t nr, std::string* out) const {
  *out = absl::StrCat("sys_", nr);
}

namespace {

// Under --config=asan, programs traced by the tests must not run
// LeakSanitizer at exit: it needs ptrace itself and aborts under a tracer.
// ASAN_OPTIONS was read when this process started, so this only affects
// the programs it starts. Nor may their deaths by signal be intercepted.
const bool kChildrenWithoutLeakCheck = [] {
  setenv("ASAN_OPTIONS",
         "detect_leaks=0:handle_segv=0:handle_abort=0:handle_sigbus=0:"
         "handle_sigill=0:handle_sigfpe=0",
         1);
  return true;
}();

}  // namespace

std::string TraceePath(absl::string_view name) {
  const char* srcdir = getenv("TEST_SRCDIR");
  const char* workspace = getenv("TEST_WORKSPACE");
  return absl::StrCat(srcdir ? srcdir : ".", "/",
                      workspace ? workspace : "ttrace", "/tests/tracees/",
                      name);
}

Traced TraceCommand(const std::vector<std::string>& argv, TracerOptions options,
                    std::function<void(const Event&)> react) {
  RecordingSink sink;
  sink.react = std::move(react);
  Traced out;
  Tracer tracer(options, &sink);
  absl::Status s = tracer.Spawn(argv);
  if (!s.ok()) {
    ADD_FAILURE() << "Spawn: " << s;
    return out;
  }
  absl::StatusOr<RunResult> r = tracer.Run();
  if (!r.ok()) {
    ADD_FAILURE() << "Run: " << r.status();
  } else {
    out.result = *r;
  }
  out.events = std::move(sink.events);
  return out;
}

namespace {

class Namer {
 public:
  std::string Name(pid_t tid) {
    auto it = names_.find(tid);
    if (it != names_.end()) return it->second;
    std::string n = names_.empty() ? "P" : absl::StrCat("T", names_.size());
    names_[tid] = n;
    return n;
  }

 private:
  absl::flat_hash_map<pid_t, std::string> names_;
};

std::string Base(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::vector<std::string> Describe(const std::vector<Event>& events) {
  Namer names;
  std::vector<std::string> out;
  for (const Event& e : events) {
    std::string who = names.Name(e.tid);
    std::string line = absl::StrCat(who, " ");
    if (std::holds_alternative<SpawnEvent>(e.payload)) {
      absl::StrAppend(&line, "spawn");
    } else if (std::holds_alternative<AttachEvent>(e.payload)) {
      absl::StrAppend(&line, "attach");
    } else if (std::holds_alternative<DetachEvent>(e.payload)) {
      absl::StrAppend(&line, "detach");
    } else if (const auto* x = std::get_if<CloneEvent>(&e.payload)) {
      absl::StrAppend(&line, "clone ", CloneKindName(x->kind), " ",
                      names.Name(x->child));
    } else if (const auto* x = std::get_if<ExecEvent>(&e.payload)) {
      absl::StrAppend(&line, "exec ", Base(x->path));
      if (x->old_tid != e.tid)
        absl::StrAppend(&line, " old ", names.Name(x->old_tid));
    } else if (const auto* x = std::get_if<SignalEvent>(&e.payload)) {
      absl::StrAppend(&line, "signal ", SignalName(x->signo), " ",
                      SiCodeName(x->signo, x->code));
      if (x->from_pid)
        absl::StrAppend(&line, " from ", names.Name(*x->from_pid));
    } else if (const auto* x = std::get_if<StopEvent>(&e.payload)) {
      absl::StrAppend(&line, "stop ", SignalName(x->signo));
    } else if (std::holds_alternative<ContEvent>(e.payload)) {
      absl::StrAppend(&line, "cont");
    } else if (const auto* x = std::get_if<ExitEvent>(&e.payload)) {
      switch (x->how) {
        case ExitEvent::How::kExited:
          absl::StrAppend(&line, "exit ", x->code);
          break;
        case ExitEvent::How::kKilled:
          absl::StrAppend(&line, "killed ", SignalName(x->signo),
                          x->core ? " core" : "");
          break;
        case ExitEvent::How::kSuperseded:
          absl::StrAppend(&line, "superseded by ",
                          names.Name(x->superseded_by));
          break;
      }
    }
    out.push_back(std::move(line));
  }
  return out;
}

std::vector<std::string> DescribeSorted(const std::vector<Event>& events) {
  std::vector<std::string> d = Describe(events);
  std::sort(d.begin(), d.end());
  return d;
}

std::string CheckLifecycle(const std::vector<Event>& events) {
  absl::flat_hash_set<pid_t> ended;
  absl::flat_hash_set<pid_t> seen;
  for (const Event& e : events) {
    pid_t tid = e.tid;
    if (const auto* x = std::get_if<ExecEvent>(&e.payload)) {
      // The exec'ing thread continues under the leader's tid.
      if (x->old_tid != tid) {
        if (ended.contains(x->old_tid)) {
          return absl::StrCat("exec from ended thread ", x->old_tid);
        }
        ended.insert(x->old_tid);
        ended.erase(tid);
        seen.insert(tid);
        continue;
      }
    }
    if (ended.contains(tid)) {
      return absl::StrCat("event ", EventKindName(e.payload), " (seq ", e.seq,
                          ") after thread ", tid, " ended");
    }
    seen.insert(tid);
    if (const auto* x = std::get_if<CloneEvent>(&e.payload))
      seen.insert(x->child);
    if (std::holds_alternative<ExitEvent>(e.payload) ||
        std::holds_alternative<DetachEvent>(e.payload)) {
      ended.insert(tid);
    }
  }
  for (pid_t tid : seen) {
    if (!ended.contains(tid))
      return absl::StrCat("thread ", tid, " never ended");
  }
  return "";
}

}  // namespace ttrace::testing
