#include "tracer/kernel.h"

#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "tracer/syscalls/memory.h"

namespace ttrace {
namespace {

int Request(enum __ptrace_request req, pid_t tid, void* addr, void* data) {
  return ptrace(req, tid, addr, data) == -1 ? errno : 0;
}

void* SigData(int signo) {
  return reinterpret_cast<void*>(static_cast<uintptr_t>(signo));
}

// Reads a small /proc file whole. Returns false if it cannot be opened.
bool ReadSmallFile(const std::string& path, std::string* out) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  out->clear();
  char buf[4096];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out->append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return true;
}

}  // namespace

int LinuxKernel::Seize(pid_t tid, unsigned long options) {
  return Request(PTRACE_SEIZE, tid, nullptr, reinterpret_cast<void*>(options));
}
int LinuxKernel::Interrupt(pid_t tid) {
  return Request(PTRACE_INTERRUPT, tid, nullptr, nullptr);
}
int LinuxKernel::Cont(pid_t tid, int signo) {
  return Request(PTRACE_CONT, tid, nullptr, SigData(signo));
}
int LinuxKernel::Syscall(pid_t tid, int signo) {
  return Request(PTRACE_SYSCALL, tid, nullptr, SigData(signo));
}
int LinuxKernel::GetSyscallInfo(pid_t tid, __ptrace_syscall_info* info) {
  long n = ptrace(PTRACE_GET_SYSCALL_INFO, tid,
                  reinterpret_cast<void*>(sizeof *info), info);
  return n < 0 ? errno : 0;
}
int LinuxKernel::SetSyscallNr(pid_t tid, int64_t nr) {
  return Request(PTRACE_POKEUSER, tid,
                 reinterpret_cast<void*>(offsetof(user, regs.orig_rax)),
                 reinterpret_cast<void*>(nr));
}
int LinuxKernel::SetReturnValue(pid_t tid, int64_t value) {
  return Request(PTRACE_POKEUSER, tid,
                 reinterpret_cast<void*>(offsetof(user, regs.rax)),
                 reinterpret_cast<void*>(value));
}
int LinuxKernel::WriteMemory(pid_t tid, uint64_t addr, const void* data,
                             size_t len) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  uint64_t at = addr;
  while (len > 0) {
    // The aligned word holding `at`; bytes of it outside the range keep
    // their values (read first).
    const uint64_t word_addr = at & ~uint64_t{7};
    const size_t skip = at - word_addr;
    const size_t n = std::min<size_t>(8 - skip, len);
    unsigned long word = 0;
    if (skip != 0 || n != 8) {
      errno = 0;
      word = static_cast<unsigned long>(ptrace(
          PTRACE_PEEKDATA, tid, reinterpret_cast<void*>(word_addr), nullptr));
      if (errno != 0) return errno;
    }
    memcpy(reinterpret_cast<unsigned char*>(&word) + skip, bytes, n);
    if (int r =
            Request(PTRACE_POKEDATA, tid, reinterpret_cast<void*>(word_addr),
                    reinterpret_cast<void*>(word));
        r != 0) {
      return r;
    }
    bytes += n;
    at += n;
    len -= n;
  }
  return 0;
}
int LinuxKernel::GetInstructionPointer(pid_t tid, uint64_t* ip) {
  errno = 0;
  const long v =
      ptrace(PTRACE_PEEKUSER, tid,
             reinterpret_cast<void*>(offsetof(user, regs.rip)), nullptr);
  if (errno != 0) return errno;
  *ip = static_cast<uint64_t>(v);
  return 0;
}
int LinuxKernel::Listen(pid_t tid) {
  return Request(PTRACE_LISTEN, tid, nullptr, nullptr);
}
int LinuxKernel::Detach(pid_t tid, int signo) {
  return Request(PTRACE_DETACH, tid, nullptr, SigData(signo));
}
int LinuxKernel::GetEventMsg(pid_t tid, int event, unsigned long* msg) {
  unsigned long m = 0;
  if (int r = Request(PTRACE_GETEVENTMSG, tid, nullptr, &m); r != 0) {
    return r;
  }
  // The exit stop is a thread's last: nothing can replace it. Otherwise
  // check that the thread is still in that stop after the read, so that
  // the message is that stop's (a thread woken by SIGKILL never returns to
  // an event stop).
  if (event != PTRACE_EVENT_EXIT) {
    siginfo_t si;
    if (int r = Request(PTRACE_GETSIGINFO, tid, nullptr, &si); r != 0) {
      return r;
    }
    if (si.si_signo != SIGTRAP || (si.si_code >> 8) != event) return ESRCH;
  }
  *msg = m;
  return 0;
}
int LinuxKernel::GetSigInfo(pid_t tid, siginfo_t* info) {
  return Request(PTRACE_GETSIGINFO, tid, nullptr, info);
}

pid_t LinuxKernel::WaitAny(int* status) {
  pid_t tid = waitpid(-1, status, __WALL);
  return tid < 0 ? -errno : tid;
}

// waitpid cannot time out, and waking it by a signal would take one from
// the program using the engine: poll, sleeping at most 200 us between
// tries. Only -e inject's delays wait this way, while a thread is held.
pid_t LinuxKernel::WaitAnyFor(int* status, int64_t timeout_ns,
                              int64_t* stime_ns) {
  rusage ru;
  rusage* usage = stime_ns != nullptr ? &ru : nullptr;
  auto done = [&](pid_t tid) {
    if (tid < 0) return -errno;
    if (stime_ns != nullptr) {
      *stime_ns = int64_t{ru.ru_stime.tv_sec} * 1'000'000'000 +
                  int64_t{ru.ru_stime.tv_usec} * 1'000;
    }
    return tid;
  };
  if (timeout_ns < 0) return done(wait4(-1, status, __WALL, usage));
  timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (;;) {
    const pid_t tid = wait4(-1, status, __WALL | WNOHANG, usage);
    if (tid != 0) return done(tid);
    timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    const int64_t left = timeout_ns -
                         (now.tv_sec - start.tv_sec) * 1'000'000'000 -
                         (now.tv_nsec - start.tv_nsec);
    if (left <= 0) return 0;
    const int64_t nap = std::min<int64_t>(left, 200'000);
    timespec ts{0, static_cast<long>(nap)};
    if (nanosleep(&ts, nullptr) != 0 && errno == EINTR) return -EINTR;
  }
}

bool LinuxKernel::IsThreadOf(pid_t tgid, pid_t tid) {
  return syscall(SYS_tgkill, tgid, tid, 0) == 0 || errno == EPERM;
}

int LinuxKernel::GetCloneFlags(pid_t tid, uint64_t* flags) {
  user_regs_struct regs;
  if (ptrace(PTRACE_GETREGS, tid, nullptr, &regs) != 0) return errno;
  if (regs.orig_rax == SYS_clone) {
    *flags = regs.rdi;
    return 0;
  }
  if (regs.orig_rax == SYS_clone3) {
    // struct clone_args starts with the u64 flags.
    iovec local{flags, sizeof *flags};
    iovec remote{reinterpret_cast<void*>(regs.rdi), sizeof *flags};
    return process_vm_readv(tid, &local, 1, &remote, 1, 0) ==
                   static_cast<ssize_t>(sizeof *flags)
               ? 0
               : EFAULT;
  }
  return ENOSYS;  // e.g. a 32-bit process
}

std::string LinuxKernel::ReadComm(pid_t tid) {
  std::string s;
  if (!ReadProcComm(tid, &s)) s.clear();
  return s;
}

std::string LinuxKernel::ReadExecPath(pid_t tid) {
  // AT_EXECFN points at the path given to execve, on the new stack.
  std::string auxv;
  if (ReadSmallFile(absl::StrCat("/proc/", tid, "/auxv"), &auxv)) {
    const size_t n = auxv.size() / sizeof(Elf64_auxv_t);
    const auto* v = reinterpret_cast<const Elf64_auxv_t*>(auxv.data());
    for (size_t i = 0; i < n && v[i].a_type != AT_NULL; ++i) {
      if (v[i].a_type != AT_EXECFN) continue;
      char buf[4096];
      iovec local{buf, sizeof buf};
      iovec remote{reinterpret_cast<void*>(v[i].a_un.a_val), sizeof buf};
      // The string sits near the top of the stack: a full-size read may
      // cross the end of the mapping, so fall back to a page-bounded one.
      ssize_t got = process_vm_readv(tid, &local, 1, &remote, 1, 0);
      if (got <= 0) {
        uintptr_t addr = v[i].a_un.a_val;
        size_t to_page_end = 4096 - (addr & 4095);
        remote.iov_len = local.iov_len = to_page_end;
        got = process_vm_readv(tid, &local, 1, &remote, 1, 0);
      }
      if (got > 0) {
        absl::string_view s(buf, static_cast<size_t>(got));
        size_t nul = s.find('\0');
        if (nul != absl::string_view::npos)
          return std::string(s.substr(0, nul));
      }
      break;
    }
  }
  char exe[4096];
  ssize_t len =
      readlink(absl::StrCat("/proc/", tid, "/exe").c_str(), exe, sizeof exe);
  if (len > 0) return std::string(exe, static_cast<size_t>(len));
  return "";
}

std::vector<pid_t> LinuxKernel::ListThreads(pid_t tgid) {
  std::vector<pid_t> tids;
  DIR* dir = opendir(absl::StrCat("/proc/", tgid, "/task").c_str());
  if (dir == nullptr) return tids;
  while (dirent* d = readdir(dir)) {
    int tid;
    if (absl::SimpleAtoi(d->d_name, &tid) && tid > 0) tids.push_back(tid);
  }
  closedir(dir);
  return tids;
}

std::optional<Kernel::Status> LinuxKernel::ReadStatus(pid_t tid) {
  std::string s;
  if (!ReadSmallFile(absl::StrCat("/proc/", tid, "/status"), &s)) {
    return std::nullopt;
  }
  Status st;
  auto field = [&s](absl::string_view name) -> pid_t {
    size_t at = s.find(absl::StrCat("\n", name, ":"));
    if (at == std::string::npos) return 0;
    at += name.size() + 2;
    return static_cast<pid_t>(std::strtol(s.c_str() + at, nullptr, 10));
  };
  st.tgid = field("Tgid");
  st.ppid = field("PPid");
  st.tracer_pid = field("TracerPid");
  if (st.tgid == 0) return std::nullopt;
  return st;
}

}  // namespace ttrace
