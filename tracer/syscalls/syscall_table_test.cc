#include "tracer/syscalls/syscall_table.h"

#include <sys/syscall.h>

#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gtest/gtest.h"

namespace ttrace {
namespace {

const SyscallTable& T() { return SyscallTable::Get(); }

std::string Members(uint32_t arch, uint32_t cls) {
  std::vector<std::string> names;
  for (int nr : T().Numbers(arch)) {
    if (T().Classes(arch, nr) & cls) names.emplace_back(T().Name(arch, nr));
  }
  return absl::StrJoin(names, " ");
}

TEST(SyscallTableTest, NamesOnX86_64) {
  EXPECT_EQ(T().Name(kArchX86_64, SYS_read), "read");
  EXPECT_EQ(T().Name(kArchX86_64, SYS_openat), "openat");
  EXPECT_EQ(T().Name(kArchX86_64, SYS_exit_group), "exit_group");
  EXPECT_EQ(T().Name(kArchX86_64, SYS_clone3), "clone3");
  EXPECT_EQ(T().Name(kArchX86_64, 438), "pidfd_getfd");
  EXPECT_EQ(T().Name(kArchX86_64, SYS_pread64), "pread64");
}

TEST(SyscallTableTest, NamesOnI386) {
  EXPECT_EQ(T().Name(kArchI386, 0), "restart_syscall");
  EXPECT_EQ(T().Name(kArchI386, 3), "read");
  EXPECT_EQ(T().Name(kArchI386, 7), "waitpid");
  EXPECT_EQ(T().Name(kArchI386, 192), "mmap2");
  EXPECT_EQ(T().Name(kArchI386, 252), "exit_group");
  EXPECT_EQ(T().Name(kArchI386, 359), "socket");
}

TEST(SyscallTableTest, UnknownNumbersLookLikeStrace) {
  // Verified with strace 6.1: syscall(335) prints "syscall_0x14f(...)".
  EXPECT_EQ(T().Name(kArchX86_64, 335), "syscall_0x14f");
  EXPECT_EQ(T().Name(kArchX86_64, 500), "syscall_0x1f4");
  EXPECT_EQ(T().Name(kArchX86_64, 100000), "syscall_0x186a0");
  EXPECT_EQ(T().Name(kArchX86_64, -1), "syscall_0xffffffffffffffff");
  EXPECT_EQ(T().Name(0x1234, 0), "syscall_0");
  EXPECT_FALSE(T().Known(kArchX86_64, 335));
  EXPECT_TRUE(T().Known(kArchX86_64, 334));
  std::string out = "x ";
  T().AppendName(kArchX86_64, 420, &out);
  EXPECT_EQ(out, "x syscall_0x1a4");
}

TEST(SyscallTableTest, NamesAreStable) {
  absl::string_view a = T().Name(kArchX86_64, 1);
  absl::string_view b = T().Name(kArchX86_64, 1);
  EXPECT_EQ(a.data(), b.data());
}

TEST(SyscallTableTest, Numbers) {
  EXPECT_EQ(T().Number(kArchX86_64, "read"), 0);
  EXPECT_EQ(T().Number(kArchX86_64, "openat"), 257);
  EXPECT_EQ(T().Number(kArchI386, "openat"), 295);
  EXPECT_EQ(T().Number(kArchX86_64, "waitpid"), -1);
  EXPECT_EQ(T().Number(kArchI386, "waitpid"), 7);
  EXPECT_EQ(T().Number(kArchX86_64, "nosuchcall"), -1);
  EXPECT_EQ(T().Number(0x1234, "read"), -1);
  for (uint32_t arch : kArches) {
    for (int nr : T().Numbers(arch)) {
      EXPECT_EQ(T().Number(arch, T().Name(arch, nr)), nr) << T().Name(arch, nr);
    }
  }
}

// i386's pseudo numbers for the calls socketcall and ipc make: names,
// classes and argument counts as strace 6.1's, and none of them real.
TEST(SyscallTableTest, Subcalls) {
  constexpr int kSock = SyscallTable::kSocketSubcalls;
  constexpr int kIpc = SyscallTable::kIpcSubcalls;
  EXPECT_EQ(T().Subcalls(kArchI386).size(), 32u);
  EXPECT_TRUE(T().Subcalls(kArchX86_64).empty());
  EXPECT_EQ(T().SubcallName(kSock + 1), "socket");
  EXPECT_EQ(T().SubcallName(kSock + 9), "send");
  EXPECT_EQ(T().SubcallName(kSock + 20), "sendmmsg");
  EXPECT_EQ(T().SubcallName(kIpc + 1), "semop");
  EXPECT_EQ(T().SubcallName(kIpc + 12), "msgrcv");
  EXPECT_EQ(T().SubcallName(kIpc + 24), "shmctl");
  EXPECT_EQ(T().SubcallName(kIpc + 5), "");
  EXPECT_EQ(T().SubcallName(3), "");
  EXPECT_EQ(T().SubcallNumber(kArchI386, "recv"), kSock + 10);
  EXPECT_EQ(T().SubcallNumber(kArchI386, "shmat"), kIpc + 21);
  EXPECT_EQ(T().SubcallNumber(kArchI386, "socketcall"), -1);
  EXPECT_EQ(T().SubcallNumber(kArchX86_64, "recv"), -1);
  EXPECT_EQ(T().SubcallArgCount(kSock + 11), 6);  // sendto
  EXPECT_EQ(T().SubcallArgCount(kIpc + 1), 4);    // semop: first..ptr
  EXPECT_EQ(T().SubcallClasses(kSock + 1), kClassNetwork);
  EXPECT_EQ(T().SubcallClasses(kIpc + 21), kClassIpc | kClassMemory);
  EXPECT_TRUE(T().IsSubcall(kArchI386, kSock + 1));
  EXPECT_FALSE(T().IsSubcall(kArchI386, kSock));
  EXPECT_FALSE(T().IsSubcall(kArchX86_64, kSock + 1));
  for (int nr : T().Subcalls(kArchI386)) {
    EXPECT_GE(nr, SyscallTable::kMaxNr);
    EXPECT_LT(nr, SyscallTable::kMaxFilterNr);
    // Never a real number: real lookups do not know it.
    EXPECT_FALSE(T().Known(kArchI386, nr));
    EXPECT_EQ(T().Name(kArchI386, nr).substr(0, 10), "syscall_0x");
  }
  EXPECT_EQ(T().Number(kArchI386, "send"), -1);
  EXPECT_EQ(T().Number(kArchI386, "socket"), 359);
}

TEST(SyscallTableTest, ArgCounts) {
  EXPECT_EQ(T().ArgCount(kArchX86_64, SYS_read), 3);
  EXPECT_EQ(T().ArgCount(kArchX86_64, SYS_getpid), 0);
  EXPECT_EQ(T().ArgCount(kArchX86_64, SYS_mmap), 6);
  EXPECT_EQ(T().ArgCount(kArchX86_64, SYS_set_robust_list), 2);
  EXPECT_EQ(T().ArgCount(kArchX86_64, 335), 6);
  EXPECT_EQ(T().ArgCount(kArchI386, 7), 3);  // waitpid
}

TEST(SyscallTableTest, ClassesMatchStrace61) {
  EXPECT_EQ(Members(kArchX86_64, kClassCreds),
            "getuid getgid setuid setgid geteuid getegid setreuid setregid "
            "getgroups setgroups setresuid getresuid setresgid getresgid "
            "setfsuid setfsgid capget capset prctl");
  EXPECT_EQ(Members(kArchX86_64, kClassClock),
            "gettimeofday adjtimex settimeofday time clock_settime "
            "clock_gettime clock_getres clock_adjtime");
  EXPECT_EQ(Members(kArchX86_64, kClassPure),
            "getpid getuid getgid geteuid getegid getppid getpgrp gettid");
  EXPECT_EQ(Members(kArchX86_64, kClassMemory),
            "mmap mprotect munmap brk mremap msync mincore madvise shmat "
            "shmdt mlock munlock mlockall munlockall io_setup io_destroy "
            "remap_file_pages mbind set_mempolicy get_mempolicy "
            "migrate_pages move_pages mlock2 pkey_mprotect io_uring_register "
            "set_mempolicy_home_node map_shadow_stack");
  EXPECT_EQ(Members(kArchX86_64, kClassIpc),
            "shmget shmat shmctl semget semop semctl shmdt msgget msgsnd "
            "msgrcv msgctl semtimedop");
  EXPECT_EQ(Members(kArchX86_64, kClassStat), "stat");
  EXPECT_EQ(Members(kArchX86_64, kClassLstat), "lstat");
  EXPECT_EQ(Members(kArchX86_64, kClassFstat), "fstat newfstatat statx");
  EXPECT_EQ(Members(kArchX86_64, kClassStatLike),
            "stat fstat lstat newfstatat statx");
  EXPECT_EQ(Members(kArchX86_64, kClassStatfsLike), "ustat statfs fstatfs");
  EXPECT_EQ(Members(kArchX86_64, kClassSignal),
            "rt_sigaction rt_sigprocmask rt_sigreturn pause kill "
            "rt_sigpending rt_sigtimedwait rt_sigqueueinfo rt_sigsuspend "
            "sigaltstack tkill tgkill signalfd signalfd4 rt_tgsigqueueinfo "
            "pidfd_send_signal io_uring_enter");
}

TEST(SyscallTableTest, ClassSpotChecks) {
  auto has = [](uint32_t arch, const char* name, uint32_t cls) {
    return (T().Classes(arch, T().Number(arch, name)) & cls) != 0;
  };
  EXPECT_TRUE(has(kArchX86_64, "openat", kClassFile));
  EXPECT_TRUE(has(kArchX86_64, "openat", kClassDesc));
  EXPECT_TRUE(has(kArchX86_64, "execve", kClassFile));
  EXPECT_TRUE(has(kArchX86_64, "execve", kClassProcess));
  EXPECT_FALSE(has(kArchX86_64, "read", kClassFile));
  EXPECT_TRUE(has(kArchX86_64, "read", kClassDesc));
  EXPECT_TRUE(has(kArchX86_64, "socket", kClassNetwork));
  EXPECT_TRUE(has(kArchX86_64, "wait4", kClassProcess));
  EXPECT_TRUE(has(kArchX86_64, "kill", kClassProcess));
  EXPECT_TRUE(has(kArchX86_64, "mmap", kClassDesc));
  EXPECT_TRUE(has(kArchX86_64, "getpid", kNeverFails));
  EXPECT_TRUE(has(kArchX86_64, "umask", kNeverFails));
  EXPECT_FALSE(has(kArchX86_64, "close", kNeverFails));
  EXPECT_TRUE(has(kArchI386, "waitpid", kClassProcess));
  EXPECT_TRUE(has(kArchI386, "stat64", kClassStat));
  EXPECT_TRUE(has(kArchI386, "socketcall", kClassDesc));
  EXPECT_EQ(T().Classes(kArchX86_64, 335), 0u);
}

}  // namespace
}  // namespace ttrace
