#include "tracer/syscalls/memory.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

namespace ttrace {
namespace {

constexpr uint64_t kPage = 4096;

ssize_t ReadOnce(pid_t tid, uint64_t addr, void* buf, size_t len) {
  struct iovec local = {buf, len};
  struct iovec remote = {reinterpret_cast<void*>(addr), len};
  return process_vm_readv(tid, &local, 1, &remote, 1, 0);
}

bool ReadLink(const char* path, std::string* out) {
  char buf[4096];
  ssize_t n = readlink(path, buf, sizeof(buf));
  if (n < 0) return false;
  out->assign(buf, static_cast<size_t>(n));
  return true;
}

}  // namespace

bool MemoryReader::ReadString(pid_t tid, uint64_t addr, size_t max,
                              std::string* out, bool* truncated,
                              bool* terminated) {
  out->clear();
  *truncated = false;
  if (terminated != nullptr) *terminated = false;
  char chunk[1024];  // most strings take one read
  size_t done = 0;
  while (done < max) {
    // Stay within one page per read so that an unmapped next page does
    // not hide the string's end.
    const uint64_t a = addr + done;
    size_t want = kPage - (a % kPage);
    if (want > sizeof(chunk)) want = sizeof(chunk);
    if (want > max - done) want = max - done;
    ssize_t n = Read(tid, a, chunk, want);
    if (n <= 0) return done > 0;
    const void* nul = memchr(chunk, 0, static_cast<size_t>(n));
    if (nul != nullptr) {
      out->append(chunk, static_cast<const char*>(nul) - chunk);
      if (terminated != nullptr) *terminated = true;
      return true;
    }
    out->append(chunk, static_cast<size_t>(n));
    done += static_cast<size_t>(n);
    if (static_cast<size_t>(n) < want) return true;  // unreadable after
  }
  *truncated = true;
  return true;
}

ssize_t ProcessVmReader::Read(pid_t tid, uint64_t addr, void* buf, size_t len) {
  if (len == 0) return 0;
  ssize_t n = ReadOnce(tid, addr, buf, len);
  if (n >= 0) return n;
  if (errno != EFAULT) return -1;
  // Some page in the range is unmapped: read page by page up to it.
  size_t done = 0;
  while (done < len) {
    const uint64_t a = addr + done;
    size_t want = kPage - (a % kPage);
    if (want > len - done) want = len - done;
    ssize_t r = ReadOnce(tid, a, static_cast<char*>(buf) + done, want);
    if (r <= 0) break;
    done += static_cast<size_t>(r);
    if (static_cast<size_t>(r) < want) break;
  }
  return done > 0 ? static_cast<ssize_t>(done) : -1;
}

bool ProcessVmReader::ReadFdPath(pid_t tid, int fd, std::string* out) {
  if (fd < 0) return false;
  char path[64];
  snprintf(path, sizeof(path), "/proc/%d/fd/%d", tid, fd);
  return ReadLink(path, out);
}

bool ProcessVmReader::ReadCwd(pid_t tid, std::string* out) {
  char path[64];
  snprintf(path, sizeof(path), "/proc/%d/cwd", tid);
  return ReadLink(path, out);
}

namespace {

// One line of /proc/PID/maps ("start-end perms offset dev inode   name"):
// whether its name is `name`, and its start.
bool MapsLineNamed(const char* line, size_t len, const std::string& name,
                   uint64_t* start) {
  size_t i = 0;
  for (int field = 0; field < 5; ++field) {
    while (i < len && line[i] != ' ') ++i;
    while (i < len && line[i] == ' ') ++i;
  }
  if (len - i != name.size() || memcmp(line + i, name.data(), len - i) != 0) {
    return false;
  }
  uint64_t v = 0;
  for (size_t k = 0; k < len && line[k] != '-'; ++k) {
    const char c = line[k];
    const int digit = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                             : -1;
    if (digit < 0) return false;
    v = v << 4 | static_cast<uint64_t>(digit);
  }
  *start = v;
  return true;
}

}  // namespace

bool ProcessVmReader::FindMapping(pid_t tid, const std::string& name,
                                  uint64_t* start) {
  char path[48];
  snprintf(path, sizeof(path), "/proc/%d/maps", tid);
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  // Read in chunks, line by line (a line longer than the buffer, a long
  // file name, is skipped).
  char buf[8192];
  size_t have = 0;
  bool skipping = false;
  bool found = false;
  bool ambiguous = false;
  for (;;) {
    const ssize_t n = read(fd, buf + have, sizeof(buf) - have);
    if (n <= 0) break;
    have += static_cast<size_t>(n);
    size_t from = 0;
    for (;;) {
      const char* nl =
          static_cast<const char*>(memchr(buf + from, '\n', have - from));
      if (nl == nullptr) break;
      const size_t len = static_cast<size_t>(nl - (buf + from));
      uint64_t s;
      if (!skipping && MapsLineNamed(buf + from, len, name, &s)) {
        if (found && s != *start) ambiguous = true;
        *start = s;
        found = true;
      }
      skipping = false;
      from += len + 1;
    }
    if (from == 0 && have == sizeof(buf)) {  // a line too long
      skipping = true;
      have = 0;
      continue;
    }
    memmove(buf, buf + from, have - from);
    have -= from;
  }
  close(fd);
  return found && !ambiguous;
}

bool ReadProcComm(pid_t pid, std::string* out) {
  char path[48];
  snprintf(path, sizeof(path), "/proc/%d/comm", pid);
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[64];  // TASK_COMM_LEN is 16
  const ssize_t n = read(fd, buf, sizeof(buf));
  close(fd);
  if (n <= 0) return false;
  size_t len = static_cast<size_t>(n);
  if (buf[len - 1] == '\n') --len;
  out->assign(buf, len);
  return true;
}

bool ReadProcCommSeenBy(pid_t seen_by, pid_t pid, std::string* out) {
  if (seen_by != 0 && !InTtracePidNs(seen_by)) {
    // Another namespace (a container): its pid, as ttrace numbers it.
    pid_t ours;
    if (!TranslatePid(seen_by, pid, IdKind::kPid, &ours)) return false;
    pid = ours;
  }
  return ReadProcComm(pid, out);
}

void FakeMemory::Map(uint64_t addr, const void* data, size_t len) {
  const uint8_t* p = static_cast<const uint8_t*>(data);
  for (size_t i = 0; i < len; ++i) bytes_[addr + i] = p[i];
}

void FakeMemory::MapPointers(uint64_t addr,
                             std::initializer_list<uint64_t> ptrs) {
  for (uint64_t p : ptrs) {
    Map(addr, &p, sizeof(p));
    addr += sizeof(p);
  }
}

ssize_t FakeMemory::Read(pid_t, uint64_t addr, void* buf, size_t len) {
  ++reads_;
  uint8_t* out = static_cast<uint8_t*>(buf);
  size_t i = 0;
  for (; i < len; ++i) {
    auto it = bytes_.find(addr + i);
    if (it == bytes_.end()) break;
    out[i] = it->second;
  }
  if (i == 0 && len > 0) return -1;
  return static_cast<ssize_t>(i);
}

bool FakeMemory::ReadFdPath(pid_t, int fd, std::string* out) {
  auto it = fds_.find(fd);
  if (it == fds_.end()) return false;
  *out = it->second;
  return true;
}

bool FakeMemory::ReadCwd(pid_t, std::string* out) {
  if (cwd_.empty()) return false;
  *out = cwd_;
  return true;
}

}  // namespace ttrace
