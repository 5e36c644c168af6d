#include "output/signal_names.h"

#include <signal.h>

#include <string>

#include "gtest/gtest.h"

namespace ttrace {
namespace {

// Expected spellings come from strace 6.1 runs on x86_64 (tgkill /
// rt_tgsigqueueinfo of each value under `strace -e trace=none`).

TEST(SignalNameTest, ClassicSignals) {
  EXPECT_EQ(SignalName(SIGHUP), "SIGHUP");
  EXPECT_EQ(SignalName(SIGABRT), "SIGABRT");
  EXPECT_EQ(SignalName(SIGUSR1), "SIGUSR1");
  EXPECT_EQ(SignalName(SIGSEGV), "SIGSEGV");
  EXPECT_EQ(SignalName(SIGCHLD), "SIGCHLD");
  EXPECT_EQ(SignalName(SIGSTKFLT), "SIGSTKFLT");
  EXPECT_EQ(SignalName(SIGIO), "SIGIO");  // glibc says POLL, strace SIGIO
  EXPECT_EQ(SignalName(SIGSYS), "SIGSYS");
}

TEST(SignalNameTest, RealtimeUsesKernelNumbering) {
  EXPECT_EQ(SignalName(32), "SIGRTMIN");
  EXPECT_EQ(SignalName(33), "SIGRT_1");
  EXPECT_EQ(SignalName(34), "SIGRT_2");
  EXPECT_EQ(SignalName(35), "SIGRT_3");
  EXPECT_EQ(SignalName(64), "SIGRT_32");
}

TEST(SignalNameTest, UnknownIsDecimal) {
  EXPECT_EQ(SignalName(0), "0");
  EXPECT_EQ(SignalName(65), "65");
  EXPECT_EQ(SignalName(-1), "-1");
  EXPECT_EQ(SignalNameOrNull(65), nullptr);
  EXPECT_EQ(SignalNameOrNull(33), nullptr);
}

TEST(SignalNameTest, AppendKeepsPrefix) {
  std::string s = "x ";
  AppendSignalName(&s, SIGKILL);
  AppendSignalName(&s, 40);
  EXPECT_EQ(s, "x SIGKILLSIGRT_8");
}

TEST(SiCodeNameTest, GenericCodesForAnySignal) {
  EXPECT_EQ(SiCodeName(SIGUSR1, SI_USER), "SI_USER");
  EXPECT_EQ(SiCodeName(SIGUSR1, SI_KERNEL), "SI_KERNEL");
  EXPECT_EQ(SiCodeName(SIGUSR2, SI_QUEUE), "SI_QUEUE");
  EXPECT_EQ(SiCodeName(SIGUSR1, SI_TIMER), "SI_TIMER");
  EXPECT_EQ(SiCodeName(SIGUSR1, SI_MESGQ), "SI_MESGQ");
  EXPECT_EQ(SiCodeName(SIGUSR1, SI_ASYNCIO), "SI_ASYNCIO");
  EXPECT_EQ(SiCodeName(SIGUSR1, SI_SIGIO), "SI_SIGIO");
  EXPECT_EQ(SiCodeName(SIGABRT, SI_TKILL), "SI_TKILL");
  EXPECT_EQ(SiCodeName(SIGUSR1, -7), "SI_DETHREAD");
  EXPECT_EQ(SiCodeName(SIGUSR1, SI_ASYNCNL), "SI_ASYNCNL");
  // Generic codes win over per-signal tables.
  EXPECT_EQ(SiCodeName(SIGSEGV, SI_KERNEL), "SI_KERNEL");
}

TEST(SiCodeNameTest, PerSignalCodes) {
  EXPECT_EQ(SiCodeName(SIGILL, 1), "ILL_ILLOPC");
  EXPECT_EQ(SiCodeName(SIGILL, 8), "ILL_BADSTK");
  EXPECT_EQ(SiCodeName(SIGILL, 9), "ILL_BADIADDR");
  EXPECT_EQ(SiCodeName(SIGFPE, 1), "FPE_INTDIV");
  EXPECT_EQ(SiCodeName(SIGFPE, 8), "FPE_FLTSUB");
  EXPECT_EQ(SiCodeName(SIGFPE, 14), "FPE_FLTUNK");
  EXPECT_EQ(SiCodeName(SIGFPE, 15), "FPE_CONDTRAP");
  EXPECT_EQ(SiCodeName(SIGSEGV, 1), "SEGV_MAPERR");
  EXPECT_EQ(SiCodeName(SIGSEGV, 2), "SEGV_ACCERR");
  EXPECT_EQ(SiCodeName(SIGSEGV, 4), "SEGV_PKUERR");
  EXPECT_EQ(SiCodeName(SIGSEGV, 10), "SEGV_CPERR");
  EXPECT_EQ(SiCodeName(SIGBUS, 1), "BUS_ADRALN");
  EXPECT_EQ(SiCodeName(SIGBUS, 5), "BUS_MCEERR_AO");
  EXPECT_EQ(SiCodeName(SIGTRAP, 1), "TRAP_BRKPT");
  EXPECT_EQ(SiCodeName(SIGTRAP, 6), "TRAP_PERF");
  EXPECT_EQ(SiCodeName(SIGCHLD, 1), "CLD_EXITED");
  EXPECT_EQ(SiCodeName(SIGCHLD, 6), "CLD_CONTINUED");
  EXPECT_EQ(SiCodeName(SIGIO, 1), "POLL_IN");
  EXPECT_EQ(SiCodeName(SIGIO, 6), "POLL_HUP");
  EXPECT_EQ(SiCodeName(SIGSYS, 1), "SYS_SECCOMP");
  EXPECT_EQ(SiCodeName(SIGSYS, 2), "SYS_USER_DISPATCH");
}

TEST(SiCodeNameTest, UnknownIsUnsignedHexLikeStrace) {
  EXPECT_EQ(SiCodeName(SIGUSR1, 123), "0x7b");
  EXPECT_EQ(SiCodeName(SIGUSR1, -10), "0xfffffff6");
  EXPECT_EQ(SiCodeName(SIGUSR1, 5), "0x5");  // positive: per-signal only
  EXPECT_EQ(SiCodeName(SIGFPE, 9), "0x9");
  EXPECT_EQ(SiCodeName(SIGTRAP, 7), "0x7");
  EXPECT_EQ(SiCodeName(SIGSYS, 3), "0x3");
  EXPECT_EQ(SiCodeNameOrNull(SIGSYS, 3), nullptr);
}

}  // namespace
}  // namespace ttrace
