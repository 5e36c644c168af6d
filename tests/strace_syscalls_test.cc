// ttrace vs strace 6.1 on real programs: for each program, run
//   strace -f -o A PROG...
//   ttrace -f -o B PROG...
// parse both into per-thread call lists (unfinished/resumed pairs merged,
// "+++"/"---" lines skipped, strace's "PID " prefix and ttrace's "[pid N] "
// prefix or single-live-thread lines attributed), name threads by their
// place in the clone tree ("P", "P.1" = P's first child, "P.1.2", ...) and
// assert that the per-thread sequences of syscall NAMES are equal. For
// programs whose arguments are deterministic (/bin/true, ls /, the
// `syscalls known`, `counts`, `decoders` and `mempolicy` tracees) the full
// text of every call is compared as well, addresses normalised and pids named
// (the tracer's own pid, getppid's result, as TRACER). For the `syscalls ipc`
// tracee the System V IPC ids (system-wide: they differ between the two runs)
// are named too, ID1, ID2, ... in the order their *get calls returned them,
// where the calls print them (those results and the other IPC calls'
// first argument), and the non-zero times of the IPC structs are "T"; the
// pids in those structs are named as the others. With -e read=/write=, the
// data dump lines after a call are its own, compared with its text.
//
// Legitimate, timing-dependent differences are excluded narrowly, per
// program (see Programs()):
//   - calls that ended in ERESTART* (interrupted by a signal and restarted:
//     whether a signal lands inside a call is timing);
//   - `sh -c 'echo hi | cat'`: rt_sigreturn (where the SIGCHLD handler runs
//     relative to the shell's other calls depends on when the children
//     exit);
//   - the `threads` tracee: futex (whether pthread_join or a lock has to
//     wait depends on scheduling);
//   - the `syscalls threads_blocking` and `exit_in_syscall` tracees: the
//     main thread's polling of /proc (openat, pread64, close,
//     clock_nanosleep), repeated until the other threads block, and for
//     threads_blocking futex (pthread_join).
// `sort --parallel=2` is traced on a few thousand lines, where sort uses
// one thread (it only starts workers for large inputs, and then the work
// split, hence each thread's calls, is timing-dependent); the `threads`
// tracee is the threaded program.
//
// The test is skipped when /usr/bin/strace is missing; under
// --config=asan the tracee programs (not the system ones) are skipped.
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "tests/cli_util.h"

namespace ttrace::testing {
namespace {

// See cli_test.cc: tracees carry the sanitizer runtime under --config=asan.
const bool kChildEnvironment = [] {
  setenv("ASAN_OPTIONS",
         "detect_leaks=0:handle_segv=0:handle_abort=0:handle_sigbus=0:"
         "handle_sigill=0:handle_sigfpe=0",
         1);
  // The `decoders` tracee receives a datagram on this UDP port, which its
  // trace shows: the same for the strace and ttrace runs of one test
  // process, different for test processes running at once (a fixed port
  // made concurrent runs fail to bind it now and then). Random, not from
  // the pid: Bazel's sandbox gives each test process its own pid namespace,
  // where concurrent runs (--runs_per_test) all have the same pid.
  setenv("TRACEE_UDP_PORT",
         absl::StrCat(20000 + std::random_device{}() % 30000).c_str(), 1);
  return true;
}();

constexpr char kStrace[] = "/usr/bin/strace";

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitizerRuntime = true;
#else
constexpr bool kSanitizerRuntime = false;
#endif
constexpr int kTimeoutMs = 60000;

// Every syscall strace 6.1 decodes in these programs is decoded the same
// way (rt_sigreturn's "{mask=[...]}" was the last gap). getrandom's bytes
// are random: never compared.

// ---------------------------------------------------------------------------
// Parsing.

struct Call {
  std::string name;
  std::string text;    // merged "name(args) = result", padding collapsed
  std::string result;  // after the last ") = "
  std::string dump;    // -e read=/write=: the lines after it, each "\n ..."
  std::string entry;   // a split call's line before " <unfinished ...>"
};

struct Parsed {
  // Raw pid -> calls, in order.
  std::map<pid_t, std::vector<Call>> by_pid;
  pid_t root = 0;
  std::vector<std::string> problems;
};

// -e read=/write=: a line of a call's data dump (" | 00000  68 65 ...",
// " * 3 bytes in buffer 0", " = 2 buffers in vector 0"), printed after
// the call's line with no pid prefix (with -ff and the files joined, the
// prefix added, the leading space gone).
bool IsDumpLine(absl::string_view line) {
  static const std::regex kDump(
      R"(^ ?(\| [0-9a-f]{5}  .*\|$|\* [0-9]+ bytes in buffer [0-9]+$|)"
      R"(= [0-9]+ buffers in vector [0-9]+$))");
  return std::regex_match(line.begin(), line.end(), kDump);
}

std::string CollapsePadding(absl::string_view line) {
  static const std::regex kPad(R"(\) +=( |$))");
  return std::regex_replace(std::string(line), kPad, ") =$1");
}

// Feeds one line body about `pid` (both tools' syntax is strace's).
class CallCollector {
 public:
  explicit CallCollector(Parsed* out) : out_(out) {}

  void Feed(pid_t pid, absl::string_view body) {
    if (IsDumpLine(body)) {
      FeedDump(body);
      return;
    }
    if (out_->root == 0) out_->root = pid;
    if (absl::StartsWith(body, "+++ ") || absl::StartsWith(body, "--- ")) {
      return;
    }
    // "[ Process PID=N runs in 32 bit mode. ]" (with -e quiet=none, or
    // without -o): kept in the thread's sequence as a pseudo call.
    static const std::regex kPersonality(
        R"(^\[ Process PID=[0-9]+ runs in ([0-9]+ bit) mode\. \]$)");
    std::string line(body);
    std::smatch pm;
    if (std::regex_match(line, pm, kPersonality)) {
      Call c;
      c.name = "[personality]";
      c.text = absl::StrCat("[personality] ", pm[1].str());
      out_->by_pid[pid].push_back(std::move(c));  // no result
      return;
    }
    static const std::regex kResumed(R"(^<\.\.\. ([a-z0-9_]+) resumed>(.*)$)");
    static const std::regex kName(R"(^([a-z0-9_?]+)\()");
    std::string s(body);
    std::smatch m;
    if (std::regex_match(s, m, kResumed)) {
      auto it = pending_.find(pid);
      if (it == pending_.end() || it->second.name != m[1].str()) {
        out_->problems.push_back(
            absl::StrCat("resumed without unfinished call: ", s));
        return;
      }
      Call c = std::move(it->second);
      pending_.erase(it);
      c.text = CollapsePadding(absl::StrCat(c.text, m[2].str()));
      Finish(pid, std::move(c));
      return;
    }
    if (!std::regex_search(s, m, kName)) {
      out_->problems.push_back(absl::StrCat("unparsable line: ", s));
      return;
    }
    Call c;
    c.name = m[1];
    if (c.name == "???") return;  // strace: a thread killed at a stop
    if (absl::EndsWith(s, " <unfinished ...>")) {
      if (pending_.count(pid)) {
        out_->problems.push_back(absl::StrCat("two unfinished calls: ", s));
      }
      c.text = std::string(absl::StripSuffix(s, " <unfinished ...>"));
      c.entry = c.text;
      pending_[pid] = std::move(c);
      return;
    }
    c.text = CollapsePadding(s);
    Finish(pid, std::move(c));
  }

  // A dump line: the call last finished (by any thread) is its call.
  void FeedDump(absl::string_view line) {
    if (last_ == 0) {
      out_->problems.push_back(absl::StrCat("dump before any call: ", line));
      return;
    }
    absl::StrAppend(&out_->by_pid[last_].back().dump, "\n ",
                    absl::StripLeadingAsciiWhitespace(line));
  }

  void End() {
    for (auto& [pid, c] : pending_) {
      out_->problems.push_back(absl::StrCat(
          "pid ", pid, ": unfinished call never completed: ", c.text));
    }
  }

 private:
  void Finish(pid_t pid, Call c) {
    const size_t eq = c.text.rfind(") = ");
    if (eq == std::string::npos) {
      out_->problems.push_back(absl::StrCat("no result: ", c.text));
    } else {
      c.result = c.text.substr(eq + 4);
    }
    out_->by_pid[pid].push_back(std::move(c));
    last_ = pid;
  }

  Parsed* out_;
  pid_t last_ = 0;  // the thread of the call last finished
  std::map<pid_t, Call> pending_;
};

// strace -f -o: "PID  body" (no prefix with a single process without -f).
Parsed ParseStrace(const std::string& text) {
  Parsed p;
  CallCollector collector(&p);
  static const std::regex kPrefix(R"(^([0-9]+) +(.*)$)");
  for (const std::string& line : SplitLines(text)) {
    std::smatch m;
    if (std::regex_match(line, m, kPrefix)) {
      collector.Feed(std::stoi(m[1]), m[2].str());
    } else {
      collector.Feed(p.root, line);
    }
  }
  collector.End();
  return p;
}

// ttrace: "N body" (with -o FILE and -f, as strace), or "[pid N] body"
// while several threads are live, else "body" about the only live one.
Parsed ParseTtrace(const std::string& text) {
  Parsed p;
  CallCollector collector(&p);
  static const std::regex kStarted(R"(^\+\+\+ started .* \(pid ([0-9]+)\))");
  static const std::regex kCreated(
      R"(^\+\+\+ created (thread|process) ([0-9]+))");
  std::set<pid_t> live;
  for (const std::string& line : SplitLines(text)) {
    std::smatch m;
    if (IsDumpLine(line)) {
      collector.FeedDump(line);
      continue;
    }
    absl::string_view rest;
    pid_t pid = SplitPidPrefix(line, &rest);
    std::string body(rest);
    if (std::regex_search(body, m, kStarted)) {
      p.root = std::stoi(m[1]);
      live.insert(p.root);
      continue;
    }
    if (pid > 0) {
      // prefixed
    } else if (live.size() == 1) {
      pid = *live.begin();
    } else {
      p.problems.push_back(absl::StrCat("no [pid] prefix with ", live.size(),
                                        " live threads: ", line));
      continue;
    }
    if (std::regex_search(body, m, kCreated)) live.insert(std::stoi(m[2]));
    if (absl::StartsWith(body, "+++ exited with ") ||
        absl::StartsWith(body, "+++ killed by ")) {
      live.erase(pid);
    }
    collector.Feed(pid, body);
  }
  collector.End();
  return p;
}

bool IsCloneLike(const std::string& name) {
  return name == "clone" || name == "clone3" || name == "fork" ||
         name == "vfork";
}

// Names every pid by its place in the clone tree: the root "P", its
// children (threads and processes, in the order its clone calls returned)
// "P.1", "P.2", their children "P.1.1", ...
std::map<pid_t, std::string> NameThreads(const Parsed& p) {
  std::map<pid_t, std::string> names;
  std::vector<pid_t> queue = {p.root};
  names[p.root] = "P";
  for (size_t i = 0; i < queue.size(); ++i) {
    const pid_t parent = queue[i];
    auto it = p.by_pid.find(parent);
    if (it == p.by_pid.end()) continue;
    int k = 0;
    for (const Call& c : it->second) {
      int child = 0;
      if (!IsCloneLike(c.name) || !absl::SimpleAtoi(c.result, &child) ||
          child <= 0 || names.count(child)) {
        continue;
      }
      names[child] = absl::StrCat(names[parent], ".", ++k);
      queue.push_back(child);
    }
  }
  return names;
}

// The times of now (within a day: the kernel's receive timestamps in
// control messages, SO_TIMESTAMP's and SCM_TIMESTAMPING's) to
// "tv_sec=T, tv_nsec=T": each run has its own.
std::string NormalizeNowTimes(const std::string& s) {
  static const std::regex kTime(R"(tv_sec=([0-9]+), tv_([nu])sec=[0-9]+)");
  const int64_t now = time(nullptr);
  std::string out;
  auto last = s.cbegin();
  for (std::sregex_iterator it(s.begin(), s.end(), kTime), end; it != end;
       ++it) {
    const std::smatch& m = *it;
    int64_t sec = 0;
    if (!absl::SimpleAtoi(m[1].str(), &sec) || sec < now - 86400 ||
        sec > now + 86400) {
      continue;
    }
    out.append(last, m[0].first);
    absl::StrAppend(&out, "tv_sec=T, tv_", m[2].str(), "sec=T");
    last = m[0].second;
  }
  out.append(last, s.cend());
  return out;
}

// Addresses to 0x_, traced pids to their names, -y's pipe and socket
// inodes (new ones each run) to N, pty numbers (/dev/pts/N: whichever is
// free) too, times of now to T. A netlink socket's
// port id is its process's pid, named with it, but the concurrent runs of
// --runs_per_test have pid namespaces of their own in one network
// namespace: when another run's tracee of the same pid holds that port id,
// the kernel picks a random negative one. Those are named "P" too.
std::string NormalizeText(const std::string& s,
                          const std::map<pid_t, std::string>& names) {
  static const std::regex kAddr("0x[0-9a-f]+");
  static const std::regex kInode(R"(<(pipe|socket):\[[0-9]+\]>)");
  static const std::regex kPts(R"(/dev/pts/[0-9]+)");
  static const std::regex kRandomPort(R"(\b(nlmsg_pid|nl_pid)=-[0-9]+)");
  return std::regex_replace(
      NormalizeNowTimes(std::regex_replace(
          std::regex_replace(
              ReplacePids(std::regex_replace(s, kRandomPort, "$1=P"),
                          [&](int64_t pid) {
                            auto it = names.find(static_cast<pid_t>(pid));
                            return it == names.end() ? std::string()
                                                     : it->second;
                          }),
              kAddr, "0x_"),
          kInode, "<$1:[N]>")),
      kPts, "/dev/pts/N");
}

// System V IPC calls that take an id as their first argument.
bool TakesIpcId(const std::string& name) {
  static const std::set<std::string>* kNames = new std::set<std::string>{
      "shmat",  "shmctl", "semop",  "semtimedop", "semtimedop_time64",
      "semctl", "msgsnd", "msgrcv", "msgctl"};
  return kNames->count(name) > 0;
}

// The IPC ids to names (*ids: value -> "ID<n>", in creation order) and
// the IPC structs' times to "T", in a normalised call's text.
std::string NormalizeIpc(const Call& c,
                         std::map<std::string, std::string>* ids) {
  std::string s = c.text;
  if ((c.name == "shmget" || c.name == "semget" || c.name == "msgget") &&
      !c.result.empty() && absl::ascii_isdigit(c.result[0]) &&
      absl::EndsWith(s, ") = " + c.result)) {
    auto it = ids->emplace(c.result, absl::StrCat("ID", ids->size() + 1)).first;
    s.replace(s.size() - c.result.size(), c.result.size(), it->second);
  } else if (TakesIpcId(c.name)) {
    const size_t open = c.name.size() + 1;
    const size_t comma = s.find(',', open);
    if (comma != std::string::npos) {
      auto it = ids->find(s.substr(open, comma - open));
      if (it != ids->end()) s.replace(open, comma - open, it->second);
    }
  }
  static const std::regex kTime(
      R"(\b((?:shm_[acd]|sem_[oc]|msg_[src])time)=[1-9][0-9]*)");
  return std::regex_replace(s, kTime, "$1=T");
}

struct Threads {
  // Thread name -> calls (after exclusions).
  std::map<std::string, std::vector<Call>> calls;
  std::vector<std::string> problems;
};

// `tracer`: the tracing tool's pid (getppid's result in the tracee), named
// TRACER. `ipc`: IPC ids and times normalised too (NormalizeIpc; the
// threads in pid order, each id named where first seen).
Threads ByThread(const Parsed& p, const std::set<std::string>& drop,
                 pid_t tracer = 0, bool ipc = false) {
  Threads t;
  t.problems = p.problems;
  std::map<pid_t, std::string> names = NameThreads(p);
  if (tracer > 0) names.emplace(tracer, "TRACER");
  std::map<std::string, std::string> ipc_ids;
  for (const auto& [pid, calls] : p.by_pid) {
    auto name = names.find(pid);
    if (name == names.end()) {
      t.problems.push_back(
          absl::StrCat("pid ", pid, " not created by a traced clone"));
      continue;
    }
    std::vector<Call>& out = t.calls[name->second];
    for (const Call& c : calls) {
      if (drop.count(c.name)) continue;
      // Interrupted by a signal and restarted: timing.
      if (absl::StartsWith(c.result, "? ERESTART")) continue;
      Call n = c;
      n.text = NormalizeText(c.text, names);
      if (!c.entry.empty()) n.entry = NormalizeText(c.entry, names);
      if (ipc) n.text = NormalizeIpc(n, &ipc_ids);
      out.push_back(std::move(n));
    }
  }
  return t;
}

std::vector<std::string> Names(const std::vector<Call>& calls) {
  std::vector<std::string> out;
  for (const Call& c : calls) out.push_back(c.name);
  return out;
}

// Where two sequences first differ, with some context.
std::string DescribeDifference(const std::vector<std::string>& a,
                               const std::vector<std::string>& b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  const size_t from = i < 5 ? 0 : i - 5;
  std::string s = absl::StrCat("lengths ", a.size(), " (strace) vs ", b.size(),
                               " (ttrace); first difference at ", i, ":\n");
  for (size_t k = from; k < i + 6 && (k < a.size() || k < b.size()); ++k) {
    absl::StrAppend(&s, k == i ? "> " : "  ", k, "  ",
                    k < a.size() ? a[k] : "(none)", "  |  ",
                    k < b.size() ? b[k] : "(none)", "\n");
  }
  return s;
}

// ---------------------------------------------------------------------------
// Programs.

struct Program {
  std::string name;
  std::vector<std::string> argv;  // filled in by Resolve()
  std::set<std::string> drop;     // timing-dependent syscall names
  int runs = 1;
  bool full_text = false;          // compare every call's text too
  std::vector<std::string> flags;  // more options, given to both tools
  bool ipc = false;                // System V IPC ids and times vary
  // Every call's line is split the same way in both (a split line's entry
  // part, up to " <unfinished ...>", is compared too).
  bool splits = false;
};

std::ostream& operator<<(std::ostream& os, const Program& p) {
  return os << absl::StrJoin(p.argv, " ");
}

// A few thousand lines of input for sort.
const std::string& SortInput() {
  static const std::string* path = [] {
    auto* p = new std::string(NewTempPath("sort-input"));
    std::string text;
    uint32_t x = 12345;
    for (int i = 0; i < 3000; ++i) {
      x = x * 1103515245 + 12345;
      absl::StrAppend(&text, (x >> 8) % 100000, "\n");
    }
    FILE* f = fopen(p->c_str(), "w");
    if (f) {
      fwrite(text.data(), 1, text.size(), f);
      fclose(f);
    }
    return p;
  }();
  return *path;
}

const std::string& KnownDir() {
  static const std::string* dir = [] {
    auto* d = new std::string(NewTempPath("known"));
    mkdir(d->c_str(), 0755);
    return d;
  }();
  return *dir;
}

std::vector<Program> Programs() {
  return {
      {"true", {"/bin/true"}, {}, 3, true},
      {"ls", {"/bin/ls", "/"}, {}, 3, true},
      {"known", {"syscalls", "known", "@KNOWN"}, {}, 3, true},
      {"counts", {"syscalls", "counts"}, {}, 2, true},
      // Hand-made siginfo in rt_sigqueueinfo and rt_tgsigqueueinfo: si_errno
      // named, and unsigned when it has no name; SIGIO's POLL_HUP with
      // si_band and si_fd; SIGSYS of the other arch ("1 /* exit */").
      {"siginfo", {"signals", "siginfo"}, {}, 1, true},
      {"siginfo_X_verbose",
       {"signals", "siginfo"},
       {},
       1,
       true,
       {"-X", "verbose"}},
      // Decoders of less common calls (see the tracee's header).
      {"decoders", {"syscalls", "decoders"}, {}, 2, true},
      // Netlink messages: a request for lo, its answer cut to 64 bytes, an
      // error (nlmsg_pid: the tracee's pid, named).
      {"netlink", {"syscalls", "netlink"}, {}, 2, true},
      // (The same in a new network namespace, `netlink_netns`, is not
      // compared: strace looks the socket up in its own namespace, does
      // not find it and prints the messages undecoded; ttrace decodes them,
      // syscall_test's NetlinkNamespaceTest.)
      // rtnetlink messages of other kinds: netconf, address labels, netns
      // ids, link stats, next hops.
      {"netlink_more", {"syscalls", "netlink_more"}, {}, 2, true},
      {"netlink_more_X_verbose",
       {"syscalls", "netlink_more"},
       {},
       1,
       true,
       {"-X", "verbose"}},
      // decode_misc.cc's calls (see the tracee's header).
      {"misc", {"syscalls", "misc", "@KNOWN"}, {}, 2, true},
      // -X: io_uring probe ops and io-wq categories in decimal,
      // fanotify_init's flags; -s 0: utimes' times and io_uring's
      // reserved words as [...].
      {"misc_X_raw",
       {"syscalls", "misc", "@KNOWN"},
       {},
       1,
       true,
       {"-X", "raw"}},
      {"misc_X_verbose",
       {"syscalls", "misc", "@KNOWN"},
       {},
       1,
       true,
       {"-X", "verbose"}},
      {"misc_s0", {"syscalls", "misc", "@KNOWN"}, {}, 1, true, {"-s", "0"}},
      // %desc has mq_notify.
      {"misc_trace_desc",
       {"syscalls", "misc", "@KNOWN"},
       {},
       1,
       true,
       {"-e", "trace=%desc"}},
      // Numbers strace has no name for are shown whatever -e trace=
      // selects (but none).
      {"unknown", {"syscalls", "unknown"}, {}, 1, true},
      // A tracer's ptrace requests and wait4 statuses, in every constant
      // style; -s 0 and verbose=none shorten its arrays and structures.
      // The tracee polls /proc with calls left out here.
      {"ptrace",
       {"syscalls", "ptrace"},
       {"openat2", "preadv2", "close_range", "clock_nanosleep"},
       2,
       true},
      {"ptrace_X_raw",
       {"syscalls", "ptrace"},
       {"openat2", "preadv2", "close_range", "clock_nanosleep"},
       1,
       true,
       {"-X", "raw"}},
      {"ptrace_X_verbose",
       {"syscalls", "ptrace"},
       {"openat2", "preadv2", "close_range", "clock_nanosleep"},
       1,
       true,
       {"-X", "verbose"}},
      {"ptrace_s0",
       {"syscalls", "ptrace"},
       {"openat2", "preadv2", "close_range", "clock_nanosleep"},
       1,
       true,
       {"-s", "0"}},
      {"ptrace_verbose_none",
       {"syscalls", "ptrace"},
       {"openat2", "preadv2", "close_range", "clock_nanosleep"},
       1,
       true,
       {"-e", "verbose=none"}},
      {"unknown_getpid",
       {"syscalls", "unknown"},
       {},
       1,
       true,
       {"-e", "trace=getpid"}},
      {"unknown_desc",
       {"syscalls", "unknown"},
       {},
       1,
       true,
       {"-e", "trace=%desc"}},
      {"unknown_not_getpid",
       {"syscalls", "unknown"},
       {},
       1,
       true,
       {"-e", "trace=!getpid"}},
      // -P /dev/null (the tracee's standard input): io_uring's registered
      // files, bpf attributes, SCM_RIGHTS fds on it make no call match;
      // an i386 socketcall making no call matches on its first argument.
      // (A second path that some calls use: strace must show some.)
      {"misc_P",
       {"syscalls", "misc", "@KNOWN"},
       {},
       1,
       true,
       {"-P", "/dev/null", "-P", "/etc/passwd"}},
      {"admin_P",
       {"syscalls", "admin"},
       {},
       1,
       true,
       {"-P", "/dev/null", "-P", "/nonexistent"}},
      {"i386_net_P", {"i386", "net"}, {}, 1, true, {"-P", "/dev/null"}, true},
      // System administration calls, failing or harmless (see the
      // tracee's header).
      {"admin", {"syscalls", "admin"}, {}, 2, true},
      // The same with fd paths, and with short strings in hex.
      {"admin_y", {"syscalls", "admin"}, {}, 1, true, {"-y"}},
      {"admin_s8", {"syscalls", "admin"}, {}, 1, true, {"-s", "8", "-x"}},
      // -s 4 without -x: DESCRIBE's trailing NUL left out (no "..."), the
      // KEYCTL_PKEY_* and KDF spare words cut after 4; -X: key serials,
      // KEY_REQKEY_DEFL_* and KEYCTL_REJECT's error as numbers;
      // verbose=none: the KDF parameters still read.
      {"admin_s4", {"syscalls", "admin"}, {}, 1, true, {"-s", "4"}},
      {"admin_X_raw", {"syscalls", "admin"}, {}, 1, true, {"-X", "raw"}},
      {"admin_X_verbose",
       {"syscalls", "admin"},
       {},
       1,
       true,
       {"-X", "verbose"}},
      {"admin_verbose_none",
       {"syscalls", "admin"},
       {},
       1,
       true,
       {"-e", "verbose=none"}},
      // A tiny KVM guest (see the tracee's header; nothing but an openat
      // without /dev/kvm): the KVM ioctls named and decoded, abbreviated
      // and in full, numbers with names in comments and the fds' paths,
      // and with -e kvm=vcpu each KVM_RUN's exit reason.
      {"kvm", {"syscalls", "kvm"}, {}, 2, true},
      {"kvm_v", {"syscalls", "kvm"}, {}, 1, true, {"-v"}},
      {"kvm_Xy", {"syscalls", "kvm"}, {}, 1, true, {"-X", "verbose", "-y"}},
      {"kvm_vcpu", {"syscalls", "kvm"}, {}, 1, true, {"--kvm=vcpu"}},
      {"kvm_vcpu_raw",
       {"syscalls", "kvm"},
       {},
       1,
       true,
       {"-e", "kvm=vcpu", "-X", "raw"}},
      // System V IPC (ids, times and pids normalised).
      {"ipc", {"syscalls", "ipc"}, {}, 2, true, {}, true},
      // NUMA memory policy (see the tracee's header).
      {"mempolicy", {"syscalls", "mempolicy"}, {}, 2, true},
      // Strings in hex (-x: those with non-ASCII bytes; -xx: all), with
      // the fd paths (-y) in hex too. (Not -y for ls: its standard output
      // is a capture file whose name differs between the two runs.)
      {"known_x", {"syscalls", "known", "@KNOWN"}, {}, 1, true, {"-x", "-y"}},
      {"ls_xx", {"/bin/ls", "/"}, {}, 1, true, {"-xx"}},
      // -e raw=: undecoded, hex arguments and results.
      {"ls_raw", {"/bin/ls", "/"}, {}, 1, true, {"-e", "raw=%file,read,mmap"}},
      // -P: only the calls on these paths (by path, or by an fd open on
      // one). (With several processes, their clone calls are not shown,
      // which this test needs to name them: cli_test has -f -P.)
      {"known_P",
       {"syscalls", "known", "@KNOWN"},
       {},
       1,
       true,
       {"-P", "/dev/zero", "-P", "/nonexistent/x"}},
      // Tampering: the libraries' third and fourth openat fail (ls then
      // cannot start: exit 127 from both), every other close from the
      // second on fails with ENOSYS.
      {"ls_inject",
       {"/bin/ls", "/"},
       {},
       1,
       true,
       {"-e", "inject=openat:error=EACCES:when=3..4", "-e",
        "fault=close:when=2+2"}},
      // Counted per process: each subshell's first write fails.
      {"sh_inject",
       {"/bin/sh", "-c", "(echo a; echo b); (echo c; echo d)"},
       {},
       3,
       true,
       {"-e", "inject=write:error=EIO:when=1", "-e", "trace=!rt_sigreturn"}},
      // inject's signal= and delay_*=: the kill builtin's call gets SIGUSR1
      // as it starts (the trap then prints), getuid is held 2 ms at entry
      // and the second write 1 ms after it ("(DELAYED)").
      {"sh_inject_signal_delay",
       {"/bin/sh", "-c", "trap 'echo usr1' USR1; kill -0 $$; echo done"},
       {},
       3,
       true,
       {"-e", "inject=kill:signal=USR1", "-e",
        "inject=write:delay_exit=1ms:when=2", "-e",
        "inject=getuid:delay_enter=2ms"}},
      // inject's poke_enter=/poke_exit= and syscall=: echo's write is
      // changed before the kernel sees it (and is shown changed), the read
      // of the "h" of the comm "sh" is changed after the kernel filled it
      // ("(INJECTED: args)"); getuid runs gettid and returns 42.
      {"sh_inject_poke_syscall",
       {"/bin/sh", "-c", "echo hello; read x < /proc/self/comm; echo $x"},
       {},
       3,
       true,
       {"-e", "inject=write:poke_enter=@arg2=414243:when=1", "-e",
        "inject=read:poke_exit=@arg2=5a,:when=3", "-e",
        "inject=getuid:syscall=gettid:retval=42"}},
      // -e verbose=SET: the calls outside it print structures, arrays,
      // sigsets, sockaddrs and execve's argv and envp as bare addresses
      // (strings and data buffers are still decoded).
      {"known_verbose_none",
       {"syscalls", "known", "@KNOWN"},
       {},
       1,
       true,
       {"-e", "verbose=none"}},
      {"decoders_verbose_none",
       {"syscalls", "decoders"},
       {},
       1,
       true,
       {"-e", "verbose=none"}},
      {"sh_verbose_none",
       {"/bin/sh", "-c", "(echo a; echo b); /bin/true x"},
       {"rt_sigreturn"},
       3,
       true,
       {"-e", "verbose=none"}},
      {"ls_verbose_set",
       {"/bin/ls", "-l", "/"},
       {},
       1,
       true,
       {"-e", "verbose=!%%stat,rt_sigaction,ioctl"}},
      // -e abbrev=SET: the calls outside it print as with -v; -v is
      // abbrev=none in its place (here overridden by the later set).
      {"ls_abbrev_execve",
       {"/bin/ls", "/"},
       {},
       1,
       true,
       {"-v", "-e", "abbrev=execve,%%stat,statx"}},
      {"decoders_abbrev_execve",
       {"syscalls", "decoders"},
       {},
       1,
       true,
       {"-v", "-e", "abbrev=execve"}},
      {"known_abbrev_execve",
       {"syscalls", "known", "@KNOWN"},
       {},
       1,
       true,
       {"-e", "abbrev=execve", "-e", "verbose=!%%stat"}},
      {"sh_abbrev_execve",
       {"/bin/sh", "-c", "(echo a; echo b); /bin/true x"},
       {"rt_sigreturn"},
       3,
       true,
       {"-e", "abbrev=execve,%%stat", "-e", "verbose=!rt_sigprocmask"}},
      // -X / --const-print-style: named constants as numbers (raw) or as
      // numbers with the names in comments (verbose), in flags, enums,
      // structures, signals, sigsets, sockaddrs, ioctl codes, with -y's
      // paths after them.
      {"known_X_raw",
       {"syscalls", "known", "@KNOWN"},
       {},
       1,
       true,
       {"-X", "raw", "-y"}},
      {"known_X_verbose",
       {"syscalls", "known", "@KNOWN"},
       {},
       1,
       true,
       {"--const-print-style=verbose", "-y"}},
      {"decoders_X_raw", {"syscalls", "decoders"}, {}, 1, true, {"-X", "raw"}},
      // The same with fd paths (dup2's new fd as it was before the call).
      {"decoders_y", {"syscalls", "decoders"}, {}, 1, true, {"-y"}},
      // -s 0: pipe2's fds as [...].
      {"decoders_s0", {"syscalls", "decoders"}, {}, 1, true, {"-s", "0"}},
      {"decoders_X_verbose",
       {"syscalls", "decoders"},
       {},
       1,
       true,
       {"-X", "verbose"}},
      {"ls_X_verbose", {"/bin/ls", "/"}, {}, 1, true, {"-X", "verbose"}},
      {"netlink_X_raw", {"syscalls", "netlink"}, {}, 1, true, {"-X", "raw"}},
      {"netlink_X_verbose",
       {"syscalls", "netlink"},
       {},
       1,
       true,
       {"-X", "verbose"}},
      {"ipc_X_raw", {"syscalls", "ipc"}, {}, 1, true, {"-X", "raw"}, true},
      {"ipc_X_verbose",
       {"syscalls", "ipc"},
       {},
       1,
       true,
       {"-X", "verbose"},
       true},
      {"mempolicy_X_raw",
       {"syscalls", "mempolicy"},
       {},
       1,
       true,
       {"-X", "raw"}},
      {"mempolicy_X_verbose",
       {"syscalls", "mempolicy"},
       {},
       1,
       true,
       {"-X", "verbose"}},
      {"counts_X_verbose",
       {"syscalls", "counts"},
       {},
       1,
       true,
       {"-X", "verbose"}},
      {"sh_X_raw",
       {"/bin/sh", "-c",
        "trap 'echo usr1' USR1; kill -USR1 $$; cat /nonexistent; echo done"},
       {"rt_sigreturn"},
       2,
       true,
       {"-X", "raw"}},
      {"sh_X_verbose",
       {"/bin/sh", "-c",
        "trap 'echo usr1' USR1; kill -USR1 $$; cat /nonexistent; echo done"},
       {"rt_sigreturn"},
       2,
       true,
       {"-X", "verbose"}},
      // A 32-bit program (tests/tracees/i386_main.c): the i386 system call
      // ABI, compared in full text; net's System V IPC ids vary.
      {"i386_basic", {"i386", "basic"}, {}, 1, true},
      // strace leaves out "[ Process PID=N runs in 32 bit mode. ]" with
      // -o unless -e quiet= says otherwise; forked children inherit the
      // mode (proc forks).
      {"i386_basic_quiet_none",
       {"i386", "basic"},
       {},
       1,
       true,
       {"-e", "quiet=none"}},
      {"i386_proc_quiet_none",
       {"i386", "proc"},
       {},
       1,
       true,
       {"-e", "quiet=none"}},
      {"i386_fs", {"i386", "fs"}, {}, 1, true},
      // -v prints the temporary directory's inode numbers in getdents.
      {"i386_fs_v",
       {"i386", "fs"},
       {"getdents", "getdents64"},
       1,
       true,
       {"-v"}},
      {"i386_fs_X_raw", {"i386", "fs"}, {}, 1, true, {"-X", "raw"}},
      // -s 0: f_fsid's and utimensat's arrays as [...].
      {"i386_fs_s0", {"i386", "fs"}, {}, 1, true, {"-s", "0"}},
      {"i386_fs_X_verbose", {"i386", "fs"}, {}, 1, true, {"-X", "verbose"}},
      {"i386_net", {"i386", "net"}, {}, 1, true, {}, true},
      {"i386_net_v", {"i386", "net"}, {}, 1, true, {"-v"}, true},
      // -s 0: SCM_RIGHTS fds as [...]; an unreadable buffer (send of 0x1)
      // as its address.
      {"i386_net_s0", {"i386", "net"}, {}, 1, true, {"-s", "0"}, true},
      {"i386_dump_s0", {"i386", "dump"}, {}, 1, true, {"-s", "0"}},
      {"i386_net_X_raw", {"i386", "net"}, {}, 1, true, {"-X", "raw"}, true},
      {"i386_net_X_verbose",
       {"i386", "net"},
       {},
       1,
       true,
       {"-X", "verbose"},
       true},
      // -e read=/write=: the data dumps of i386's read and write calls,
      // vectors and socket calls (direct, and through socketcall), with
      // every descriptor or some; and net's message queues and sockets.
      {"i386_dump",
       {"i386", "dump"},
       {},
       1,
       true,
       {"-e", "read=all", "-e", "write=all"}},
      {"i386_dump_fds",
       {"i386", "dump"},
       {},
       1,
       true,
       {"-e", "read=3", "-e", "write=!4"}},
      {"i386_net_dump",
       {"i386", "net"},
       {},
       1,
       true,
       {"-e", "read=all", "-e", "write=all"},
       true},
      // socketcall and ipc are filtered, injected and printed raw or not
      // as the call they make (send, semop: names with no i386 syscall),
      // as strace decides at entry; a socketcall making no call stays
      // socketcall (%desc). IPC ids are named only where their *get call
      // is shown.
      {"i386_net_trace_socket",
       {"i386", "net"},
       {},
       1,
       true,
       {"-e", "trace=socket"},
       true},
      {"i386_net_trace_socketcall",
       {"i386", "net"},
       {},
       1,
       true,
       {"-e", "trace=socketcall"},
       true},
      {"i386_net_trace_subcall_names",
       {"i386", "net"},
       {},
       1,
       true,
       {"-e", "trace=send,recv,accept,semop,semget,shmdt,msgrcv"},
       true},
      {"i386_net_trace_network",
       {"i386", "net"},
       {},
       1,
       true,
       {"-e", "trace=%network"},
       true},
      {"i386_net_trace_desc_memory",
       {"i386", "net"},
       {},
       1,
       true,
       {"-e", "trace=%desc,%memory,shmget"},  // shmget: names the ids
       true},
      {"i386_net_trace_not_network_regex",
       {"i386", "net"},
       {},
       1,
       true,
       {"-e", "trace=!%network,/^sen"},
       true},
      {"i386_net_raw_subcalls",
       {"i386", "net"},
       {},
       1,
       true,
       {"-e", "raw=socket,send,semop,shmat,socketcall"},
       true},
      {"i386_net_verbose_abbrev",
       {"i386", "net"},
       {},
       1,
       true,
       {"-e", "verbose=!sendmsg,semctl", "-e", "abbrev=execve"},
       true},
      {"i386_net_inject_socket",
       {"i386", "net"},
       {},
       1,
       true,
       {"-e", "trace=%network,socketcall", "-e",
        "inject=socket,semget:error=EPERM"},
       true},
      {"i386_net_status_failed",
       {"i386", "net"},
       {},
       1,
       true,
       {"-e", "status=failed", "-e", "trace=%network,socketcall"},
       true},
      {"i386_net_z_seccomp",
       {"i386", "net"},
       {},
       1,
       true,
       {"-z", "--seccomp-bpf", "-e", "trace=socket,send,semop,ipc"},
       true},
      {"i386_proc", {"i386", "proc"}, {}, 1, true},
      {"i386_proc_v", {"i386", "proc"}, {}, 1, true, {"-v"}},
      {"i386_proc_X_raw", {"i386", "proc"}, {}, 1, true, {"-X", "raw"}},
      {"i386_proc_X_verbose", {"i386", "proc"}, {}, 1, true, {"-X", "verbose"}},
      {"i386_proc_verbose_none",
       {"i386", "proc"},
       {},
       1,
       true,
       {"-e", "verbose=none"}},
      {"sh_pipeline", {"/bin/sh", "-c", "echo hi | cat"}, {"rt_sigreturn"}, 10},
      {"sort", {"/usr/bin/sort", "-S", "10M", "--parallel=2", "@SORT"}, {}, 3},
      {"threads", {"threads", "threads", "3", "0"}, {"futex"}, 10},
      // The main thread polls /proc until the others block: a number of
      // openat/pread64/close/clock_nanosleep calls that depends on timing.
      // pthread_join: futex (as for `threads`).
      {"threads_blocking",
       {"syscalls", "threads_blocking"},
       {"openat", "pread64", "close", "clock_nanosleep", "futex"},
       10},
      {"exit_in_syscall",
       {"syscalls", "exit_in_syscall"},
       {"openat", "pread64", "close", "clock_nanosleep"},
       10},
      // Calls of Python's standard library (as C). msync's flags in
      // strace's order; -e raw=: rt_sigsuspend's ERESTARTNOHAND as an
      // error ("-1 ... (Unknown error 514)"), not a restart ("? ...").
      {"stdlib", {"syscalls", "stdlib", "@KNOWN"}, {}, 2, true},
      {"stdlib_raw",
       {"syscalls", "stdlib", "@KNOWN"},
       {},
       1,
       true,
       {"-e", "raw=msync,rt_sigsuspend,splice"}},
      // Flags from strace's whole tables, unknown bits, in every style.
      {"stdlib_X_verbose",
       {"syscalls", "stdlib", "@KNOWN"},
       {},
       1,
       true,
       {"-X", "verbose"}},
      {"stdlib_X_raw",
       {"syscalls", "stdlib", "@KNOWN"},
       {},
       1,
       true,
       {"-X", "raw"}},
      // -v: termios2's speeds, termio's 8 control characters.
      {"stdlib_v", {"syscalls", "stdlib", "@KNOWN"}, {}, 1, true, {"-v"}},
      // -yy on a pty slave whose node was removed: its path, "(deleted)",
      // no device (other fds' -yy forms differ between runs: fsync alone).
      {"stdlib_yy",
       {"syscalls", "stdlib", "@KNOWN"},
       {},
       1,
       true,
       {"-yy", "-e", "trace=fsync"}},
      // Calls the other thread's line always splits (each is held 300 ms
      // at entry, and the other thread calls getppid once it sees it held):
      // each tool's entry part of the calls whose output follows at exit
      // ("ioctl(4, FIONREAD <unfinished ...>", ", [2]" at exit; fcntl
      // F_GETLK, F_GETOWN_EX), SIOCGIFCONF's "{ifc_len=" before a NULL
      // buffer's length, getdents64's "getdents64(5, ", sendmmsg's and
      // recvmmsg's fd, IORING_REGISTER_IOWQ_MAX_WORKERS' "... => " and
      // perf_event_open's nothing (all its arguments at exit).
      {"split",
       {"syscalls", "split"},
       {},
       1,
       true,
       {"-e",
        "trace=clone,clone3,ioctl,getdents64,fcntl,sendmmsg,recvmmsg,"
        "io_uring_register,perf_event_open,getppid",
        "-e",
        "inject=ioctl,getdents64,fcntl,sendmmsg,recvmmsg,io_uring_register,"
        "perf_event_open:delay_enter=300ms"},
       false,
       true},
      // Not decoding sendmmsg/recvmmsg's messages, strace prints all their
      // arguments at entry.
      {"split_verbose_none",
       {"syscalls", "split"},
       {},
       1,
       true,
       {"-e", "verbose=none", "-e",
        "trace=clone,clone3,ioctl,getdents64,fcntl,sendmmsg,recvmmsg,"
        "io_uring_register,perf_event_open,getppid",
        "-e",
        "inject=ioctl,getdents64,fcntl,sendmmsg,recvmmsg,io_uring_register,"
        "perf_event_open:delay_enter=300ms"},
       false,
       true},
      // Disk quotas: quotactl's command as QCMD(cmd, type), each command's
      // arguments and structures, read at entry (set) or, with the calls
      // made to succeed by -e inject, at exit (get).
      {"quota", {"syscalls", "quota"}, {}, 1, true},
      {"quota_v", {"syscalls", "quota"}, {}, 1, true, {"-v"}},
      {"quota_X_raw", {"syscalls", "quota"}, {}, 1, true, {"-X", "raw"}},
      {"quota_X_verbose",
       {"syscalls", "quota"},
       {},
       1,
       true,
       {"-X", "verbose"}},
      {"quota_verbose_none",
       {"syscalls", "quota"},
       {},
       1,
       true,
       {"-e", "verbose=none"}},
      {"quota_inject",
       {"syscalls", "quota"},
       {},
       1,
       true,
       {"-e", "inject=quotactl,quotactl_fd:retval=0"}},
      {"quota_inject_v",
       {"syscalls", "quota"},
       {},
       1,
       true,
       {"-v", "-e", "inject=quotactl,quotactl_fd:retval=0"}},
      // -P: quotactl matches by its special file, not by Q_QUOTAON's
      // quota file; uselib by its library.
      {"quota_P",
       {"syscalls", "quota"},
       {},
       1,
       true,
       {"-P", "/aquota.user", "-P", "/nonexistent/lib"}},
      {"quota_inject_X_verbose",
       {"syscalls", "quota"},
       {},
       1,
       true,
       {"-X", "verbose", "-e", "inject=quotactl,quotactl_fd:retval=0"}},
  };
}

// Tracee names to their runfiles paths, @KNOWN/@SORT to the files.
std::vector<std::string> Resolve(const std::vector<std::string>& argv) {
  std::vector<std::string> out;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (i == 0 && a[0] != '/') {
      out.push_back(TraceeBinary(a));
    } else if (a == "@KNOWN") {
      out.push_back(KnownDir());
    } else if (a == "@SORT") {
      out.push_back(SortInput());
    } else {
      out.push_back(a);
    }
  }
  return out;
}

struct RunPair {
  std::string strace_text, ttrace_text;
  ProcessResult strace_run, ttrace_run;
  Threads strace, ttrace;

  std::string Outputs() const {
    return absl::StrCat("--- strace -f (", strace_run.ExitCode(), "):\n",
                        strace_text, strace_run.err, "--- ttrace -f (",
                        ttrace_run.ExitCode(), "):\n", ttrace_text,
                        ttrace_run.err, "---");
  }
};

// -ff -o DIR/x: the files DIR/x.TID as one "TID body" text (strace -f's
// form), in tid order, so the root comes first. Removes them.
std::string JoinThreadFiles(const std::string& dir, const std::string& stem) {
  std::map<int, std::string> files;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return "";
  while (dirent* e = readdir(d)) {
    absl::string_view name = e->d_name;
    int tid = 0;
    if (absl::ConsumePrefix(&name, stem + ".") &&
        absl::SimpleAtoi(name, &tid)) {
      files[tid] = absl::StrCat(dir, "/", e->d_name);
    }
  }
  closedir(d);
  std::string text;
  for (const auto& [tid, path] : files) {
    for (const std::string& line : SplitLines(ReadFileOrEmpty(path))) {
      absl::StrAppend(&text, tid, " ", line, "\n");
    }
    unlink(path.c_str());
  }
  rmdir(dir.c_str());
  return text;
}

// Both tools on `prog`: with -f -o FILE, or (separate) -ff -o DIR/x.
RunPair RunBoth(const Program& prog, bool separate = false) {
  RunPair rp;
  const std::vector<std::string> cmd = Resolve(prog.argv);
  const std::string dir = NewTempPath("ff");
  if (separate) mkdir(dir.c_str(), 0755);
  const std::string a = separate ? dir + "/s" : NewTempPath("strace");
  const std::string b = separate ? dir + "/t" : NewTempPath("ttrace");
  const char* follow = separate ? "-ff" : "-f";
  std::vector<std::string> s = {kStrace, follow, "-o", a};
  s.insert(s.end(), prog.flags.begin(), prog.flags.end());
  s.insert(s.end(), cmd.begin(), cmd.end());
  std::vector<std::string> t = {TtracePath(), follow, "-o", b};
  t.insert(t.end(), prog.flags.begin(), prog.flags.end());
  t.insert(t.end(), cmd.begin(), cmd.end());
  pid_t strace_pid = 0, ttrace_pid = 0;
  {
    Subprocess sp(s);
    strace_pid = sp.pid();
    rp.strace_run = sp.Wait(kTimeoutMs);
  }
  {
    Subprocess tp(t);
    ttrace_pid = tp.pid();
    rp.ttrace_run = tp.Wait(kTimeoutMs);
  }
  if (separate) {
    rp.strace_text = JoinThreadFiles(dir, "s");
    rp.ttrace_text = JoinThreadFiles(dir, "t");
    JoinThreadFiles(dir, "t");  // now empty: removes the directory
  } else {
    rp.strace_text = ReadFileOrEmpty(a);
    rp.ttrace_text = ReadFileOrEmpty(b);
    unlink(a.c_str());
    unlink(b.c_str());
  }
  // Both in strace's "PID body" form (with -ff, as joined above).
  rp.strace =
      ByThread(ParseStrace(rp.strace_text), prog.drop, strace_pid, prog.ipc);
  rp.ttrace = ByThread(
      separate ? ParseStrace(rp.ttrace_text) : ParseTtrace(rp.ttrace_text),
      prog.drop, ttrace_pid, prog.ipc);
  return rp;
}

class StraceSyscallsTest : public ::testing::TestWithParam<Program> {
 protected:
  void SetUp() override {
    if (access(kStrace, X_OK) != 0) GTEST_SKIP() << kStrace << " not found";
    // Under --config=asan the tracee programs link the sanitizer runtime,
    // whose syscalls (its allocator's mmap/madvise in every thread, reads
    // of /proc/self/maps) vary between two runs; the system programs do
    // not, and are compared in every configuration.
    if (kSanitizerRuntime && GetParam().argv[0][0] != '/') {
      GTEST_SKIP() << "tracee with a sanitizer runtime";
    }
  }
};

// Compares the per-thread name sequences; returns "" or the differences.
std::string CompareNames(const RunPair& rp) {
  std::string diff;
  for (const std::string& p : rp.strace.problems) {
    absl::StrAppend(&diff, "strace parse: ", p, "\n");
  }
  for (const std::string& p : rp.ttrace.problems) {
    absl::StrAppend(&diff, "ttrace parse: ", p, "\n");
  }
  std::set<std::string> threads;
  for (const auto& [name, calls] : rp.strace.calls) threads.insert(name);
  for (const auto& [name, calls] : rp.ttrace.calls) threads.insert(name);
  for (const std::string& name : threads) {
    auto a = rp.strace.calls.find(name);
    auto b = rp.ttrace.calls.find(name);
    const std::vector<std::string> na = a == rp.strace.calls.end()
                                            ? std::vector<std::string>{}
                                            : Names(a->second);
    const std::vector<std::string> nb = b == rp.ttrace.calls.end()
                                            ? std::vector<std::string>{}
                                            : Names(b->second);
    if (na != nb) {
      absl::StrAppend(&diff, "thread ", name, ": ", DescribeDifference(na, nb));
    }
  }
  return diff;
}

TEST_P(StraceSyscallsTest, SameSyscallNamesPerThread) {
  const Program& prog = GetParam();
  int failures = 0;
  for (int run = 0; run < prog.runs && failures < 2; ++run) {
    RunPair rp = RunBoth(prog);
    EXPECT_EQ(rp.ttrace_run.ExitCode(), rp.strace_run.ExitCode())
        << rp.Outputs();
    EXPECT_FALSE(rp.strace.calls.empty()) << rp.Outputs();
    const std::string diff = CompareNames(rp);
    if (!diff.empty()) {
      ++failures;
      ADD_FAILURE() << prog.name << ", run " << run + 1 << " of " << prog.runs
                    << ": per-thread syscall names differ:\n"
                    << diff << rp.Outputs();
    }
  }
}

// Every call's text (addresses and pids normalised): returns the
// mismatching lines. `splits`: the entry parts of split lines too.
std::string CompareText(const RunPair& rp, bool splits = false) {
  std::string diff;
  for (const auto& [name, a] : rp.strace.calls) {
    auto it = rp.ttrace.calls.find(name);
    if (it == rp.ttrace.calls.end()) continue;  // CompareNames reports it
    const std::vector<Call>& b = it->second;
    if (Names(a) != Names(b)) continue;  // likewise
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i].name == "getrandom") continue;  // random bytes
      if (a[i].text != b[i].text || a[i].dump != b[i].dump) {
        absl::StrAppend(&diff, "thread ", name, " call ", i,
                        ":\n  strace: ", a[i].text, a[i].dump,
                        "\n  ttrace: ", b[i].text, b[i].dump, "\n");
      } else if (splits && a[i].entry != b[i].entry) {
        absl::StrAppend(&diff, "thread ", name, " call ", i,
                        " split differently:\n  strace: ", a[i].entry,
                        " <unfinished ...>\n  ttrace: ", b[i].entry,
                        " <unfinished ...>\n");
      }
    }
  }
  return diff;
}

TEST_P(StraceSyscallsTest, SameTextForDeterministicCalls) {
  const Program& prog = GetParam();
  if (!prog.full_text) GTEST_SKIP() << "arguments are not deterministic";
  RunPair rp = RunBoth(prog);
  ASSERT_EQ(CompareNames(rp), "") << rp.Outputs();
  const std::string diff = CompareText(rp, prog.splits);
  EXPECT_EQ(diff, "") << prog.name << ": decoded calls differ:\n"
                      << diff << rp.Outputs();
}

// strace -ff vs ttrace -ff: a file per thread, each with the same calls
// (whole lines: a file has no other thread's line to split them), and the
// same text where the arguments are deterministic.
TEST_P(StraceSyscallsTest, SameCallsPerThreadFileWithFF) {
  const Program& prog = GetParam();
  const int runs = std::min(prog.runs, 3);
  int failures = 0;
  for (int run = 0; run < runs && failures < 2; ++run) {
    RunPair rp = RunBoth(prog, /*separate=*/true);
    EXPECT_EQ(rp.ttrace_run.ExitCode(), rp.strace_run.ExitCode())
        << rp.Outputs();
    EXPECT_FALSE(rp.strace.calls.empty()) << rp.Outputs();
    EXPECT_FALSE(absl::StrContains(rp.ttrace_text, "resumed>")) << rp.Outputs();
    std::string diff = CompareNames(rp);
    if (diff.empty() && prog.full_text) diff = CompareText(rp);
    if (!diff.empty()) {
      ++failures;
      ADD_FAILURE() << prog.name << " -ff, run " << run + 1 << " of " << runs
                    << ": per-thread files differ:\n"
                    << diff << rp.Outputs();
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Programs, StraceSyscallsTest,
                         ::testing::ValuesIn(Programs()),
                         [](const ::testing::TestParamInfo<Program>& info) {
                           return info.param.name;
                         });

// -e status= (-z, ...): strace holds a call's text from its entry until it
// knows whether to show it. A "---"/"+++" line of another thread printed
// meanwhile ends the held text with " <unfinished ...>"; the rest of the
// call follows, when it is shown, on a line of its own with neither prefix
// nor "<... read resumed>", padded from that line's start:
//   2573  --- SIGUSR1 {si_signo=SIGUSR1, ...} ---
//   2573  read(3,  <unfinished ...>
//   "a", 1)                                 = 1
// The whole text is compared (pids as roles, si_pid as PID, ttrace's own
// lines dropped): the `held_break` scenario's lines come in one order.
std::string HeldBreakText(const std::string& text) {
  static const std::regex kOwn(R"(^[0-9]+ +\+\+\+ (started|exec|created) )");
  static const std::regex kPrefix(R"(^([0-9]+) +(.*)$)");
  static const std::regex kSiPid(R"(si_pid=[0-9]+)");
  std::map<std::string, std::string> roles;
  std::string out;
  for (const std::string& line : SplitLines(text)) {
    if (std::regex_search(line, kOwn)) continue;
    std::smatch m;
    std::string body = line;
    std::string role;
    if (std::regex_match(line, m, kPrefix)) {
      auto [it, added] = roles.emplace(m[1].str(), "");
      if (added) it->second = absl::StrCat("T", roles.size());
      role = it->second;
      body = m[2].str();
    }
    absl::StrAppend(&out, role.empty() ? "" : role + " ",
                    std::regex_replace(body, kSiPid, "si_pid=PID"), "\n");
  }
  return out;
}

TEST(HeldCallTest, AnotherThreadsLineBreaksItAsInStrace) {
  if (access(kStrace, X_OK) != 0) GTEST_SKIP() << kStrace << " not found";
  if (kSanitizerRuntime) GTEST_SKIP() << "tracee with a sanitizer runtime";
  struct Variant {
    std::vector<std::string> flags;
    bool breaks;  // the read's text is broken
  };
  const std::vector<Variant> variants = {
      {{"-z"}, true},
      {{"-e", "status=!failed", "-a", "20"}, true},
      {{"-e", "status=successful,unfinished", "-T"}, true},
      // No signal line: the thread's exit line breaks it.
      {{"-z", "-e", "signal=none"}, true},
      // Neither (quiet): nothing breaks the held read.
      {{"-z", "-e", "signal=none", "-e", "quiet=exit"}, false},
  };
  for (const auto& [flags, breaks] : variants) {
    std::string texts[2];
    for (int tool = 0; tool < 2; ++tool) {
      const std::string out = NewTempPath("held");
      std::vector<std::string> argv = {tool == 0 ? kStrace : TtracePath(),
                                       "-f",
                                       "-o",
                                       out,
                                       "-e",
                                       "trace=read"};
      argv.insert(argv.end(), flags.begin(), flags.end());
      argv.push_back(TraceeBinary("syscalls"));
      argv.push_back("held_break");
      const ProcessResult r = RunProcess(argv, kTimeoutMs);
      EXPECT_EQ(r.ExitCode(), 0) << r.Describe();
      texts[tool] = HeldBreakText(ReadFileOrEmpty(out));
      unlink(out.c_str());
    }
    // -T's times differ from run to run.
    static const std::regex kTime(R"(<[0-9]+\.[0-9]+>)");
    for (std::string& t : texts) t = std::regex_replace(t, kTime, "<T>");
    EXPECT_EQ(texts[1], texts[0]) << absl::StrJoin(flags, " ");
    EXPECT_EQ(absl::StrContains(texts[0], "<unfinished ...>\n\"a\", 1)"),
              breaks)
        << texts[0];
  }
}

// The parsers themselves, on fixed text.
// -k on a 32-bit process: no stacks, as strace prints none after its exec
// (x86_64's unwinding rules would read garbage there).
TEST(StackTraceTest, NoneFor32BitProcess) {
  const std::string file = NewTempPath("i386_k");
  const ProcessResult r = RunProcess(
      {TtracePath(), "-k", "-o", file, TraceeBinary("i386"), "basic"},
      kTimeoutMs);
  ASSERT_EQ(r.ExitCode(), 0) << r.Describe();
  const std::vector<std::string> lines = SplitLines(ReadFileOrEmpty(file));
  int calls = 0;
  for (auto it = lines.begin(); it != lines.end(); ++it) {
    EXPECT_FALSE(absl::StartsWith(*it, " > ")) << *it;
    if (absl::StrContains(*it, " = ")) ++calls;
  }
  EXPECT_GT(calls, 5) << ReadFileOrEmpty(file);
}

TEST(ParserTest, MergesSplitCallsAndNamesThreadsByCloneOrder) {
  const std::string strace =
      "100   clone3({flags=CLONE_VM}, 88) = 102\n"
      "100   clone3({flags=CLONE_VM}, 88) = 101\n"
      "101   read(5,  <unfinished ...>\n"
      "102   read(3,  <unfinished ...>\n"
      "100   write(4, \"a\", 1)       = 1\n"
      "102   <... read resumed>\"a\", 1) = 1\n"
      "100   exit_group(0)           = ?\n"
      "101   <... read resumed> <unfinished ...>) = ?\n"
      "101   +++ exited with 0 +++\n"
      "100   +++ exited with 0 +++\n";
  const std::string ttrace =
      "+++ started x (pid 200) +++\n"
      "+++ created thread 202 +++\n"
      "[pid   200] clone3({flags=CLONE_VM}, 88) = 202\n"
      "[pid   200] +++ created thread 201 +++\n"
      "[pid   200] clone3({flags=CLONE_VM}, 88) = 201\n"
      "[pid   201] read(5,  <unfinished ...>\n"
      "[pid   202] read(3,  <unfinished ...>\n"
      "[pid   200] write(4, \"a\", 1)       = 1\n"
      "[pid   202] <... read resumed>\"a\", 1) = 1\n"
      "[pid   202] +++ exited with 0 +++\n"
      "[pid   200] exit_group(0)           = ?\n"
      "[pid   201] <... read resumed> <unfinished ...>) = ?\n"
      "[pid   201] +++ exited with 0 +++\n"
      "+++ exited with 0 +++\n";
  for (const Threads& t :
       {ByThread(ParseStrace(strace), {}), ByThread(ParseTtrace(ttrace), {})}) {
    EXPECT_TRUE(t.problems.empty()) << absl::StrJoin(t.problems, "\n");
    ASSERT_EQ(t.calls.size(), 3u);
    EXPECT_EQ(
        Names(t.calls.at("P")),
        (std::vector<std::string>{"clone3", "clone3", "write", "exit_group"}));
    EXPECT_EQ(t.calls.at("P")[0].text, "clone3({flags=CLONE_VM}, 88) = P.1");
    ASSERT_EQ(t.calls.at("P.1").size(), 1u);
    EXPECT_EQ(t.calls.at("P.1")[0].text, "read(3, \"a\", 1) = 1");
    ASSERT_EQ(t.calls.at("P.2").size(), 1u);
    EXPECT_EQ(t.calls.at("P.2")[0].text, "read(5,  <unfinished ...>) = ?");
  }
}

// -e read=/write=: the dump lines after a call are its own, whichever
// thread printed them, in the -f form of both tools and the joined -ff
// files (where a prefix precedes them).
TEST(ParserTest, AttachesDumpLinesToTheirCall) {
  const std::string strace =
      "100   clone3({flags=CLONE_VM}, 88) = 101\n"
      "101   read(3,  <unfinished ...>\n"
      "100   sendmsg(4, {msg_iov=[...]}, 0) = 3\n"
      " * 3 bytes in buffer 0\n"
      " | 00000  61 62 63                                          abc     "
      "         |\n"
      "101   <... read resumed>\"abc\", 8) = 3\n"
      " | 00000  61 62 63                                          abc     "
      "         |\n"
      "100   sendmmsg(4, [...], 1, 0) = 1\n"
      "100    = 1 buffers in vector 0\n"
      "100    * 3 bytes in buffer 0\n"
      "100    | 00000  61 62 63                                          abc  "
      "            |\n"
      "100   exit_group(0) = ?\n";
  const std::string ttrace =
      "+++ started x (pid 200) +++\n"
      "write(1, \"x\", 1) = 1\n"
      " | 00000  78                                                x       "
      "         |\n"
      "+++ created thread 201 +++\n"
      "[pid   200] clone3({flags=CLONE_VM}, 88) = 201\n"
      "[pid   201] write(1, \"y\", 1) = 1\n"
      " | 00000  79                                                y       "
      "         |\n"
      "[pid   200] exit_group(0) = ?\n";
  const Threads a = ByThread(ParseStrace(strace), {});
  EXPECT_TRUE(a.problems.empty()) << absl::StrJoin(a.problems, "\n");
  ASSERT_EQ(a.calls.at("P").size(), 4u);
  const std::string abc =
      "\n | 00000  61 62 63                                          abc     "
      "         |";
  EXPECT_EQ(a.calls.at("P")[1].dump, "\n * 3 bytes in buffer 0" + abc);
  EXPECT_EQ(a.calls.at("P")[2].dump,
            "\n = 1 buffers in vector 0\n * 3 bytes in buffer 0" + abc);
  EXPECT_EQ(a.calls.at("P")[3].dump, "");
  ASSERT_EQ(a.calls.at("P.1").size(), 1u);
  EXPECT_EQ(a.calls.at("P.1")[0].dump, abc);
  const Threads b = ByThread(ParseTtrace(ttrace), {});
  EXPECT_TRUE(b.problems.empty()) << absl::StrJoin(b.problems, "\n");
  ASSERT_EQ(b.calls.at("P").size(), 3u);
  EXPECT_EQ(b.calls.at("P")[0].dump,
            "\n | 00000  78                                                x  "
            "              |");
  ASSERT_EQ(b.calls.at("P.1").size(), 1u);
  EXPECT_EQ(b.calls.at("P.1")[0].dump,
            "\n | 00000  79                                                y  "
            "              |");
}

// The `ipc` tracee's normalisation: ids named in creation order where they
// are printed, struct times and pids replaced, other calls untouched.
TEST(ParserTest, NormalizesIpcIdsTimesAndPids) {
  const std::string strace =
      "100   shmget(IPC_PRIVATE, 8192, IPC_CREAT|0600) = 32779\n"
      "100   shmctl(32779, IPC_STAT, {shm_perm={uid=0, gid=0, mode=0600, "
      "key=0, cuid=0, cgid=0}, shm_segsz=8192, shm_cpid=100, shm_lpid=0, "
      "shm_nattch=2, shm_atime=1795759123, shm_dtime=0, "
      "shm_ctime=1795759124}) = 0\n"
      "100   semget(IPC_PRIVATE, 2, IPC_CREAT|0600) = 5\n"
      "100   semctl(5, 32779, GETPID, NULL) = 100\n"
      "100   msgrcv(5,  <unfinished ...>\n"
      "100   <... msgrcv resumed>{mtype=1, mtext=\"a\"}, 1, 0, 0) = 1\n"
      "100   shmat(-1, NULL, SHM_RND) = -1 EINVAL (Invalid argument)\n"
      "100   write(5, \"x\", 1) = 1\n"
      "100   exit_group(0) = ?\n";
  const Threads t = ByThread(ParseStrace(strace), {}, 0, /*ipc=*/true);
  EXPECT_TRUE(t.problems.empty()) << absl::StrJoin(t.problems, "\n");
  ASSERT_EQ(t.calls.count("P"), 1u);
  std::vector<std::string> texts;
  for (const Call& c : t.calls.at("P")) texts.push_back(c.text);
  EXPECT_EQ(texts,
            (std::vector<std::string>{
                "shmget(IPC_PRIVATE, 8192, IPC_CREAT|0600) = ID1",
                "shmctl(ID1, IPC_STAT, {shm_perm={uid=0, gid=0, mode=0600, "
                "key=0, cuid=0, cgid=0}, shm_segsz=8192, shm_cpid=P, "
                "shm_lpid=0, shm_nattch=2, shm_atime=T, shm_dtime=0, "
                "shm_ctime=T}) = 0",
                "semget(IPC_PRIVATE, 2, IPC_CREAT|0600) = ID2",
                "semctl(ID2, 32779, GETPID, NULL) = P",
                "msgrcv(ID2, {mtype=1, mtext=\"a\"}, 1, 0, 0) = 1",
                "shmat(-1, NULL, SHM_RND) = -1 EINVAL (Invalid argument)",
                "write(5, \"x\", 1) = 1",
                "exit_group(0) = ?",
            }));
}

// Receive timestamps of now (each run its own) become T; other times
// (a timeout, the epoch) stay.
// A netlink port id the kernel picked at random (another run's tracee of
// the same pid, in its own pid namespace, held the pid) is named as the
// tracee's pid is.
TEST(ParserTest, NormalizesRandomNetlinkPortIds) {
  const std::map<pid_t, std::string> names = {{4321, "P"}};
  EXPECT_EQ(NormalizeText("[{nlmsg_len=20, nlmsg_seq=1, nlmsg_pid=4321}, "
                          "{nlmsg_pid=-1468007370}, {sa_family=AF_NETLINK, "
                          "nl_pid=-5, nl_groups=00000000}], 20",
                          names),
            "[{nlmsg_len=20, nlmsg_seq=1, nlmsg_pid=P}, {nlmsg_pid=P}, "
            "{sa_family=AF_NETLINK, nl_pid=P, nl_groups=00000000}], 20");
}

TEST(ParserTest, NormalizesTimesOfNow) {
  const std::string now = std::to_string(time(nullptr) - 5);
  EXPECT_EQ(NormalizeNowTimes("cmsg_data={tv_sec=" + now +
                              ", tv_usec=12}, cmsg_data=[{tv_sec=" + now +
                              ", tv_nsec=3}, {tv_sec=0, tv_nsec=0}]"),
            "cmsg_data={tv_sec=T, tv_usec=T}, cmsg_data=[{tv_sec=T, "
            "tv_nsec=T}, {tv_sec=0, tv_nsec=0}]");
  EXPECT_EQ(NormalizeNowTimes("nanosleep({tv_sec=1, tv_nsec=500}, NULL)"),
            "nanosleep({tv_sec=1, tv_nsec=500}, NULL)");
}

}  // namespace
}  // namespace ttrace::testing
