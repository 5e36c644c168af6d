#include "tracer/syscalls/seccomp_filter.h"

#include <linux/audit.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tracer/syscalls/filter.h"

namespace ttrace {
namespace {

// Runs the program in BPF's interpreter semantics, for table-driven
// checks of every number without a kernel round trip.
uint32_t RunBpf(const std::vector<sock_filter>& prog, uint32_t arch,
                uint32_t nr) {
  uint32_t a = 0;
  for (size_t pc = 0; pc < prog.size(); ++pc) {
    const sock_filter& f = prog[pc];
    switch (f.code) {
      case BPF_LD | BPF_W | BPF_ABS:
        a = f.k == 4 ? arch : f.k == 0 ? nr : 0xdeadbeef;
        break;
      case BPF_JMP | BPF_JA:
        pc += f.k;
        break;
      case BPF_JMP | BPF_JEQ | BPF_K:
        pc += a == f.k ? f.jt : f.jf;
        break;
      case BPF_JMP | BPF_JGE | BPF_K:
        pc += a >= f.k ? f.jt : f.jf;
        break;
      case BPF_JMP | BPF_JGT | BPF_K:
        pc += a > f.k ? f.jt : f.jf;
        break;
      case BPF_RET | BPF_K:
        return f.k;
      default:
        ADD_FAILURE() << "unexpected opcode " << f.code;
        return 0;
    }
  }
  ADD_FAILURE() << "fell off the program";
  return 0;
}

// Whether a call of the kernel's number `nr` must stop: the filter traces
// it or, for i386's socketcall and ipc, a call they make.
bool MustStop(const SyscallFilter& f, uint32_t arch, uint32_t nr) {
  if (f.Traced(arch, FilterNumber(nr))) return true;
  if (arch != AUDIT_ARCH_I386 || (nr != 102 && nr != 117)) return false;
  for (int sub : SyscallTable::Get().Subcalls(arch)) {
    if (f.Traced(arch, sub) &&
        (sub < SyscallTable::kIpcSubcalls) == (nr == 102)) {
      return true;
    }
  }
  return false;
}

void ExpectMatches(const std::string& expr) {
  absl::StatusOr<SyscallFilter> f = ParseTraceFilter(expr);
  ASSERT_TRUE(f.ok());
  absl::StatusOr<std::vector<sock_filter>> prog = BuildSeccompFilter(*f);
  ASSERT_TRUE(prog.ok());
  EXPECT_LE(prog->size(), 4096u);
  for (uint32_t arch :
       {uint32_t{AUDIT_ARCH_X86_64}, uint32_t{AUDIT_ARCH_I386}}) {
    for (uint32_t nr = 0; nr < 600; ++nr) {
      const uint32_t want =
          MustStop(*f, arch, nr) ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW;
      ASSERT_EQ(RunBpf(*prog, arch, nr), want)
          << expr << " arch " << std::hex << arch << std::dec << " nr " << nr;
    }
    EXPECT_EQ(RunBpf(*prog, arch, 0x40000001),
              f->outside() ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW);
    EXPECT_EQ(RunBpf(*prog, arch, 0xffffffff),
              f->outside() ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW);
  }
  EXPECT_EQ(RunBpf(*prog, 0x1234, 0), SECCOMP_RET_TRACE);
}

TEST(SeccompFilterTest, ProgramAgreesWithFilter) {
  for (const char* expr : {"read",
                           "read,write,openat",
                           "%file",
                           "%desc",
                           "%file,%desc,%network",
                           "!read",
                           "!%memory",
                           "/^[a-m]",
                           "%process",
                           "waitpid",
                           "0",
                           "all",
                           "none",
                           "/e",
                           "socket",
                           "send",
                           "semop",
                           "!socketcall",
                           "!ipc",
                           "!%ipc",
                           "!socket",
                           "shmat@32"}) {
    ExpectMatches(expr);
  }
}

TEST(SeccompFilterTest, AlternatingNumbersStayShort) {
  SyscallFilter f = SyscallFilter::None();
  for (int nr = 0; nr < SyscallTable::kMaxNr; nr += 2) {
    f.Set(kArchX86_64, nr, true);
    f.Set(kArchI386, nr, true);
  }
  absl::StatusOr<std::vector<sock_filter>> prog = BuildSeccompFilter(f);
  ASSERT_TRUE(prog.ok());
  EXPECT_LE(prog->size(), 4096u);
  for (uint32_t nr = 0; nr < 512; ++nr) {
    EXPECT_EQ(RunBpf(*prog, AUDIT_ARCH_X86_64, nr),
              nr % 2 == 0 ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW);
  }
}

// i386's pseudo numbers (the calls socketcall and ipc make) are never
// kernel numbers: a traced one makes its multiplexer stop.
TEST(SeccompFilterTest, SubcallsStopTheirMultiplexer) {
  absl::StatusOr<SyscallFilter> f = ParseTraceFilter("send");
  ASSERT_TRUE(f.ok());
  absl::StatusOr<std::vector<sock_filter>> prog = BuildSeccompFilter(*f);
  ASSERT_TRUE(prog.ok());
  for (uint32_t nr = 0; nr < 600; ++nr) {
    EXPECT_EQ(RunBpf(*prog, AUDIT_ARCH_I386, nr),
              nr == 102 ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW)
        << nr;
    EXPECT_EQ(RunBpf(*prog, AUDIT_ARCH_X86_64, nr), SECCOMP_RET_ALLOW) << nr;
  }
  f = ParseTraceFilter("semop");  // i386's ipc; x86_64's own semop (65)
  prog = BuildSeccompFilter(*f);
  ASSERT_TRUE(prog.ok());
  for (uint32_t nr = 0; nr < 600; ++nr) {
    EXPECT_EQ(RunBpf(*prog, AUDIT_ARCH_I386, nr),
              nr == 117 ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW)
        << nr;
    EXPECT_EQ(RunBpf(*prog, AUDIT_ARCH_X86_64, nr),
              nr == SYS_semop ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW)
        << nr;
  }
}

TEST(SeccompFilterTest, Usable) {
  EXPECT_FALSE(SeccompUsable(SyscallFilter::All()));
  EXPECT_FALSE(SeccompUsable(SyscallFilter::None()));
  EXPECT_TRUE(SeccompUsable(*ParseTraceFilter("%process")));
  EXPECT_TRUE(SeccompUsable(*ParseTraceFilter("!read")));
}

// Traces a child that installs the filter and makes some syscalls; returns
// the syscall numbers (arch:nr) of its PTRACE_EVENT_SECCOMP stops.
std::vector<std::string> SeccompStops(const std::string& expr, void (*body)()) {
  absl::StatusOr<SyscallFilter> f = ParseTraceFilter(expr);
  EXPECT_TRUE(f.ok());
  absl::StatusOr<std::vector<sock_filter>> prog = BuildSeccompFilter(*f);
  EXPECT_TRUE(prog.ok());
  const sock_filter* code = prog->data();
  const size_t len = prog->size();

  pid_t pid = fork();
  if (pid == 0) {
    if (ptrace(PTRACE_TRACEME, 0, nullptr, nullptr) != 0) _exit(100);
    raise(SIGSTOP);
    if (InstallSeccompFilter(code, len) != 0) _exit(101);
    body();
    syscall(SYS_exit_group, 0);
  }
  std::vector<std::string> stops;
  int status;
  EXPECT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP);
  EXPECT_EQ(ptrace(PTRACE_SETOPTIONS, pid, nullptr,
                   PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL),
            0);
  ptrace(PTRACE_CONT, pid, nullptr, nullptr);
  while (waitpid(pid, &status, 0) == pid) {
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
          << std::hex << status;
      break;
    }
    int sig = 0;
    if (status >> 8 == (SIGTRAP | (PTRACE_EVENT_SECCOMP << 8))) {
      struct __ptrace_syscall_info info;
      long n = ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(info), &info);
      EXPECT_GT(n, 0);
      EXPECT_EQ(info.op, PTRACE_SYSCALL_INFO_SECCOMP);
      stops.push_back(
          std::string(info.arch == AUDIT_ARCH_I386 ? "32:" : "64:") +
          std::to_string(info.seccomp.nr));
    } else if (WIFSTOPPED(status)) {
      sig = WSTOPSIG(status);
    }
    ptrace(PTRACE_CONT, pid, nullptr, sig);
  }
  return stops;
}

void GetppidAndGetpid() {
  syscall(SYS_getpid);
  syscall(SYS_getppid);
  syscall(SYS_getpid);
  syscall(SYS_getppid);
}

TEST(SeccompFilterTest, OnlyTracedSyscallsStop) {
  EXPECT_EQ(SeccompStops("getppid", GetppidAndGetpid),
            (std::vector<std::string>{"64:110", "64:110"}));
  // Negated: everything but getpid and getppid, so the final exit_group.
  EXPECT_EQ(SeccompStops("!getpid,getppid", GetppidAndGetpid),
            (std::vector<std::string>{"64:231"}));
}

// i386 syscalls from a 64-bit process via int $0x80: getpid is 20 there.
void I386Getpid() {
  long ret;
  asm volatile("int $0x80" : "=a"(ret) : "a"(20L) : "memory");
  asm volatile("int $0x80" : "=a"(ret) : "a"(64L) : "memory");  // getppid
  (void)ret;
  syscall(SYS_getpid);
}

TEST(SeccompFilterTest, I386NumbersAreTheirOwn) {
  // getppid is 110 on x86_64 and 64 on i386; getpid@32 is 20.
  EXPECT_EQ(SeccompStops("getpid@32", I386Getpid),
            (std::vector<std::string>{"32:20"}));
  EXPECT_EQ(SeccompStops("getpid", I386Getpid),
            (std::vector<std::string>{"32:20", "64:39"}));
  EXPECT_EQ(SeccompStops("getppid", I386Getpid),
            (std::vector<std::string>{"32:64"}));
}

}  // namespace
}  // namespace ttrace
