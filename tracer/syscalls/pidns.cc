#include "tracer/syscalls/pidns.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/nsfs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <tuple>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"

namespace ttrace {
namespace {

std::vector<int64_t> ParseLine(absl::string_view status,
                               absl::string_view key) {
  size_t at = 0;
  while (at < status.size()) {
    size_t end = status.find('\n', at);
    if (end == absl::string_view::npos) end = status.size();
    absl::string_view line = status.substr(at, end - at);
    at = end + 1;
    if (line.substr(0, key.size()) != key) continue;
    std::vector<int64_t> ids;
    for (absl::string_view word :
         absl::StrSplit(line.substr(key.size()), absl::ByAnyChar(" \t"),
                        absl::SkipEmpty())) {
      int64_t id;
      // 0: a group or session that is not visible at that level.
      if (!absl::SimpleAtoi(word, &id) || id < 0) return {};
      ids.push_back(id);
    }
    return ids;
  }
  return {};
}

}  // namespace

std::vector<int64_t> ParseNsIds(absl::string_view status, IdKind kind) {
  switch (kind) {
    case IdKind::kPgid:
      return ParseLine(status, "NSpgid:");
    case IdKind::kSid:
      return ParseLine(status, "NSsid:");
    case IdKind::kPid:
      break;
  }
  return ParseLine(status, "NSpid:");
}

namespace {

// The pid namespace of /proc entry `dir` ("/proc/123"), 0 when unreadable
// (a zombie has none).
ino_t NsOf(const std::string& dir) {
  struct stat st;
  if (stat((dir + "/ns/pid").c_str(), &st) != 0) return 0;
  return st.st_ino;
}

ino_t OwnNs() {
  static const ino_t own = NsOf("/proc/self");
  return own;
}

}  // namespace

bool InTtracePidNs(pid_t tid) {
  const ino_t ns = NsOf(absl::StrCat("/proc/", tid));
  return ns != 0 && ns == OwnNs();
}

namespace {

// /proc entry `dir`'s status text (empty when gone).
std::string StatusOf(const std::string& dir) {
  std::string text;
  const int fd = open((dir + "/status").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return text;
  char buf[4096];
  ssize_t n;
  while (text.size() < 16384 && (n = read(fd, buf, sizeof(buf))) > 0) {
    text.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return text;
}

// Whether pid namespace of /proc entry `dir`, `levels` below ns `outer`'s
// level, lies below `outer` (NS_GET_PARENT up the chain).
bool NsBelow(const std::string& dir, size_t levels, ino_t outer) {
  int fd = open((dir + "/ns/pid").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  for (size_t i = 0; i < levels; ++i) {
    const int parent = ioctl(fd, NS_GET_PARENT);
    close(fd);
    if (parent < 0) return false;
    fd = parent;
  }
  struct stat st;
  const bool below = fstat(fd, &st) == 0 && st.st_ino == outer;
  close(fd);
  return below;
}

// Whether /proc entry `dir` is in namespace `ns` or one below it, where
// threads' ids have `depth` levels; its NSpid ids are `pids`.
bool InNs(const std::string& dir, const std::string& status,
          const std::vector<int64_t>& pids, ino_t ns, size_t depth) {
  if (pids.size() < depth) return false;
  const ino_t its = NsOf(dir);
  if (its == ns) return true;
  if (its != 0) return NsBelow(dir, pids.size() - depth, ns);  // nested
  // A zombie has no namespace left: in `ns` if its parent is there.
  if (pids.size() != depth) return false;
  const size_t at = status.find("\nPPid:");
  if (at == std::string::npos) return false;
  int64_t parent = 0;
  const size_t end = status.find('\n', at + 1);
  absl::string_view value =
      absl::string_view(status).substr(at + 6, end - (at + 6));
  if (!absl::SimpleAtoi(absl::StripAsciiWhitespace(value), &parent)) {
    return false;
  }
  return parent > 0 && NsOf(absl::StrCat("/proc/", parent)) == ns;
}

// If /proc entry `dir` has id `id` of `kind` in namespace `ns` (ids
// `depth` levels deep), that id in ttrace's namespace.
bool Match(const std::string& dir, ino_t ns, size_t depth, int64_t id,
           IdKind kind, pid_t* ours) {
  const std::string status = StatusOf(dir);
  const std::vector<int64_t> ids = ParseNsIds(status, kind);
  if (ids.size() < depth || ids[depth - 1] != id || ids[0] <= 0) return false;
  const std::vector<int64_t> pids =
      kind == IdKind::kPid ? ids : ParseNsIds(status, IdKind::kPid);
  if (!InNs(dir, status, pids, ns, depth)) return false;
  *ours = static_cast<pid_t>(ids[0]);
  return true;
}

struct Cache {
  absl::Mutex mu;
  // (namespace, kind, id) -> the /proc entry that had it.
  absl::flat_hash_map<std::tuple<ino_t, IdKind, int64_t>, pid_t> found
      ABSL_GUARDED_BY(mu);
};

Cache& TheCache() {
  static Cache* cache = new Cache;
  return *cache;
}

// The processes of /proc, then (for a thread id) their threads. *entry:
// the /proc entry that matched.
bool Search(ino_t ns, size_t depth, int64_t id, IdKind kind, pid_t* ours,
            pid_t* entry) {
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return false;
  std::vector<pid_t> in_ns;
  bool found = false;
  while (const dirent* e = readdir(proc)) {
    pid_t g;
    if (!absl::SimpleAtoi(e->d_name, &g) || g <= 0) continue;
    const std::string dir = absl::StrCat("/proc/", g);
    if (Match(dir, ns, depth, id, kind, ours)) {
      *entry = g;
      found = true;
      break;
    }
    if (kind == IdKind::kPid && NsOf(dir) == ns) in_ns.push_back(g);
  }
  closedir(proc);
  if (found) return true;
  for (pid_t g : in_ns) {
    const std::string tasks = absl::StrCat("/proc/", g, "/task");
    DIR* dir = opendir(tasks.c_str());
    if (dir == nullptr) continue;
    while (const dirent* e = readdir(dir)) {
      pid_t t;
      if (!absl::SimpleAtoi(e->d_name, &t) || t == g) continue;
      if (Match(absl::StrCat("/proc/", t), ns, depth, id, kind, ours)) {
        *entry = t;
        found = true;
        break;
      }
    }
    closedir(dir);
    if (found) return true;
  }
  return false;
}

}  // namespace

bool TranslatePid(pid_t seen_by, int64_t id, IdKind kind, pid_t* ours) {
  if (seen_by <= 0 || id <= 0 || id > INT32_MAX) return false;
  const std::string by = absl::StrCat("/proc/", seen_by);
  const ino_t ns = NsOf(by);
  if (ns == 0 || ns == OwnNs()) return false;
  const size_t depth = ParseNsIds(StatusOf(by), IdKind::kPid).size();
  if (depth < 2) return false;
  Cache& cache = TheCache();
  absl::MutexLock lock(&cache.mu);
  const auto key = std::make_tuple(ns, kind, id);
  auto it = cache.found.find(key);
  if (it != cache.found.end()) {
    // Still that one? (A pid can be reused once its process is reaped, a
    // group or session ended.)
    if (Match(absl::StrCat("/proc/", it->second), ns, depth, id, kind, ours)) {
      return true;
    }
    cache.found.erase(it);
  }
  pid_t entry;
  if (!Search(ns, depth, id, kind, ours, &entry)) return false;
  cache.found[key] = entry;
  return true;
}

}  // namespace ttrace
