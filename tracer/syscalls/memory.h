// MemoryReader: how the syscall decoders read a stopped tracee's memory
// and file-descriptor paths. ProcessVmReader is the real one
// (process_vm_readv, /proc); FakeMemory serves tests.
//
// Usage:
//   ProcessVmReader mem;
//   char buf[64];
//   ssize_t n = mem.Read(tid, addr, buf, sizeof(buf));   // bytes read, -1
//   std::string s; bool truncated;
//   mem.ReadString(tid, addr, 4096, &s, &truncated);     // C string
//
//   FakeMemory fake;
//   fake.Map(0x1000, "hello", 6);         // bytes at 0x1000..0x1005
//   fake.SetFdPath(3, "/etc/passwd");
#ifndef TTRACE_TRACER_SYSCALLS_MEMORY_H_
#define TTRACE_TRACER_SYSCALLS_MEMORY_H_

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <string>

#include "tracer/syscalls/fd_details.h"
#include "tracer/syscalls/pidns.h"

namespace ttrace {

class MemoryReader {
 public:
  virtual ~MemoryReader() = default;

  // Copies up to `len` bytes at `addr` into buf. Returns the number of
  // bytes read: fewer than len when the range runs into unreadable memory
  // (a prefix is still returned), -1 when nothing could be read.
  virtual ssize_t Read(pid_t tid, uint64_t addr, void* buf, size_t len) = 0;

  // Reads a NUL-terminated string of at most `max` bytes into *out
  // (without the NUL; *out is overwritten, its capacity reused).
  // *truncated is set when no NUL was found within `max` bytes. Returns
  // false if the first byte could not be read; a string cut short by
  // unreadable memory is returned as read, not truncated. *terminated (if
  // given) is set when a NUL ended it (not unreadable memory, not `max`).
  virtual bool ReadString(pid_t tid, uint64_t addr, size_t max,
                          std::string* out, bool* truncated,
                          bool* terminated = nullptr);

  // The target of /proc/TID/fd/FD (e.g. "/etc/passwd",
  // "socket:[1234]"); false if there is none.
  virtual bool ReadFdPath(pid_t tid, int fd, std::string* out) = 0;
  // The thread's working directory (/proc/TID/cwd).
  virtual bool ReadCwd(pid_t tid, std::string* out) = 0;
  // The start of the one mapping of the thread's process whose name in
  // /proc/TID/maps is exactly `name` ("anon_inode:kvm-vcpu:0"); false
  // when there is none or there are several at different addresses.
  virtual bool FindMapping(pid_t tid, const std::string& name,
                           uint64_t* start) {
    return false;
  }
  // -yy: what there is to say about `fd` beyond its path `link` (see
  // fd_details.h); false when nothing.
  virtual bool ReadFdDetails(pid_t tid, int fd, const std::string& link,
                             FdDetails* out) {
    return false;
  }
  // The protocol of `fd` if it is a netlink socket, else -1 (see
  // ReadNetlinkProtocol in fd_details.h).
  virtual int NetlinkProtocol(pid_t tid, int fd) { return -1; }
  // The name of generic netlink family `id` (see ReadGenlFamilyName).
  virtual bool GenlFamilyName(uint16_t id, std::string* out) { return false; }
  // -Y: the command name of process or thread `pid` as thread `seen_by`
  // numbers it (the tracee's pid namespace); false when there is none (no
  // such process, reaped, or a namespace other than ttrace's).
  virtual bool ReadComm(pid_t seen_by, pid_t pid, std::string* out) {
    return false;
  }
  // --pidns-translation: id `id` of `kind` as thread `seen_by` numbers it,
  // in ttrace's pid namespace (see pidns.h); false when `seen_by` is in
  // ttrace's namespace or there is no such process, group or session.
  virtual bool TranslatePid(pid_t seen_by, int64_t id, IdKind kind,
                            pid_t* ours) {
    return false;
  }
};

// /proc/PID/comm without its newline, into *out; false if unreadable.
bool ReadProcComm(pid_t pid, std::string* out);
// The same for a pid as thread `seen_by` numbers it (0: ttrace itself):
// a pid from another pid namespace is translated first (TranslatePid), so
// that it never names an unrelated process of ours.
bool ReadProcCommSeenBy(pid_t seen_by, pid_t pid, std::string* out);

// process_vm_readv. A read that crosses into an unmapped page is retried
// page by page, so the readable prefix is returned.
class ProcessVmReader : public MemoryReader {
 public:
  ssize_t Read(pid_t tid, uint64_t addr, void* buf, size_t len) override;
  bool ReadFdPath(pid_t tid, int fd, std::string* out) override;
  bool ReadCwd(pid_t tid, std::string* out) override;
  bool FindMapping(pid_t tid, const std::string& name,
                   uint64_t* start) override;
  bool ReadFdDetails(pid_t tid, int fd, const std::string& link,
                     FdDetails* out) override {
    return ttrace::ReadFdDetails(tid, fd, link, out, &socket_details_);
  }
  bool ReadComm(pid_t seen_by, pid_t pid, std::string* out) override {
    return ReadProcCommSeenBy(seen_by, pid, out);
  }
  bool TranslatePid(pid_t seen_by, int64_t id, IdKind kind,
                    pid_t* ours) override {
    return ttrace::TranslatePid(seen_by, id, kind, ours);
  }
  int NetlinkProtocol(pid_t tid, int fd) override {
    return ReadNetlinkProtocol(tid, fd);
  }
  bool GenlFamilyName(uint16_t id, std::string* out) override {
    return ReadGenlFamilyName(id, out);
  }

 private:
  SocketDetailsCache socket_details_;
};

// Memory made of mapped byte ranges; everything else is unreadable. The
// tid is ignored.
class FakeMemory : public MemoryReader {
 public:
  void Map(uint64_t addr, const void* data, size_t len);
  void Map(uint64_t addr, const std::string& bytes) {
    Map(addr, bytes.data(), bytes.size());
  }
  // Maps a NUL-terminated copy of `s`.
  void MapString(uint64_t addr, const std::string& s) {
    Map(addr, s.c_str(), s.size() + 1);
  }
  // Maps an array of 64-bit pointers (argv-style, add the 0 yourself).
  void MapPointers(uint64_t addr, std::initializer_list<uint64_t> ptrs);
  void SetFdPath(int fd, const std::string& path) { fds_[fd] = path; }
  void SetCwd(const std::string& cwd) { cwd_ = cwd; }
  void SetFdDetails(int fd, const FdDetails& d) { details_[fd] = d; }
  void SetComm(pid_t pid, const std::string& comm) { comms_[pid] = comm; }
  // --pidns-translation: the tracee's id `id` of `kind` is `ours` in
  // ttrace's pid namespace.
  void SetPidTranslation(int64_t id, pid_t ours, IdKind kind = IdKind::kPid) {
    pidns_[{kind, id}] = ours;
  }
  void SetNetlinkProtocol(int fd, int protocol) { netlink_[fd] = protocol; }
  void SetGenlFamily(uint16_t id, const std::string& name) { genl_[id] = name; }
  // A mapping named `name` (as in /proc/TID/maps) at `start`; several may
  // have the same name.
  void AddMapping(const std::string& name, uint64_t start) {
    mappings_.emplace(name, start);
  }
  bool FindMapping(pid_t, const std::string& name, uint64_t* start) override {
    auto [from, to] = mappings_.equal_range(name);
    if (from == to) return false;
    for (auto it = from; it != to; ++it) {
      if (it->second != from->second) return false;
    }
    *start = from->second;
    return true;
  }

  ssize_t Read(pid_t tid, uint64_t addr, void* buf, size_t len) override;
  bool ReadFdPath(pid_t tid, int fd, std::string* out) override;
  bool ReadCwd(pid_t tid, std::string* out) override;
  bool ReadFdDetails(pid_t tid, int fd, const std::string& link,
                     FdDetails* out) override {
    auto it = details_.find(fd);
    if (it == details_.end()) return false;
    *out = it->second;
    return true;
  }
  bool ReadComm(pid_t, pid_t pid, std::string* out) override {
    auto it = comms_.find(pid);
    if (it == comms_.end()) return false;
    *out = it->second;
    return true;
  }
  bool TranslatePid(pid_t, int64_t id, IdKind kind, pid_t* ours) override {
    auto it = pidns_.find({kind, id});
    if (it == pidns_.end()) return false;
    *ours = it->second;
    return true;
  }

  int NetlinkProtocol(pid_t, int fd) override {
    auto it = netlink_.find(fd);
    return it == netlink_.end() ? -1 : it->second;
  }
  bool GenlFamilyName(uint16_t id, std::string* out) override {
    auto it = genl_.find(id);
    if (it == genl_.end()) return false;
    *out = it->second;
    return true;
  }

  int reads() const { return reads_; }

 private:
  std::map<uint64_t, uint8_t> bytes_;
  std::map<int, std::string> fds_;
  std::map<int, FdDetails> details_;
  std::map<pid_t, std::string> comms_;
  std::map<std::pair<IdKind, int64_t>, pid_t> pidns_;
  std::map<int, int> netlink_;
  std::map<uint16_t, std::string> genl_;
  std::multimap<std::string, uint64_t> mappings_;
  std::string cwd_;
  int reads_ = 0;
};

}  // namespace ttrace

#endif  // TTRACE_TRACER_SYSCALLS_MEMORY_H_
