// signals: signal delivery, ignored/blocked signals, deaths by signal.
//
// Core dumps are disabled (RLIMIT_CORE 0) unless a scenario takes "core".
//
//   tkill_self [SIG]   handler for SIG (default SIGUSR1), tgkill(self);
//                      exits 40 when the handler ran exactly once.
//   ignored            SIGUSR2 set to SIG_IGN, then raise(SIGUSR2); exit 41.
//   blocked            SIGUSR1 blocked, raised, then unblocked; exit 42 when
//                      the handler ran exactly once (after the unblock).
//   thread_signal      a worker tgkill()s SIGUSR1 to the main thread; exit 43.
//   segv [core]        writes through a NULL pointer: killed by SIGSEGV.
//   abort [core]       abort(): killed by SIGABRT. With "core": RLIMIT_CORE
//                      unlimited, and cwd set to a new /tmp/ttrace-core.XXXXXX
//                      directory (printed on stdout; the caller removes it).
//   kill_self_9 [N]    N parked threads (default 2), then kill(getpid(),
//                      SIGKILL).
//   count N            sends itself SIGUSR1 N times (kill(2), process-
//                      directed), each handled before the next is sent;
//                      prints "usr1=<count>"; exits 44 when count == N.
//   values             siginfo with values: sigqueue(SIGUSR1) with 77 and
//                      with 0 (SI_QUEUE), a POSIX timer's SIGALRM with
//                      value 0x1234 (SI_TIMER, timer id 0), then alarm()'s
//                      SIGALRM (SI_KERNEL); each handled; exits 45.
//   siginfo            siginfo of every layout strace prints, each handled:
//                      hand-made ones queued to itself (rt_sigqueueinfo,
//                      rt_tgsigqueueinfo: an unknown negative si_code with
//                      si_errno ESRCH, SI_SIGIO with a negative si_errno,
//                      SIGIO POLL_HUP, SIGSYS SYS_SECCOMP of x86_64 and of
//                      i386), a pipe's O_ASYNC SIGIO (POLL_IN) and, through
//                      F_SETSIG, a realtime signal (POLL_IN), then a seccomp
//                      SECCOMP_RET_TRAP filter's SIGSYS for getppid
//                      (si_errno E2BIG); exits 46.
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iterator>
#include <string>

#include "tests/tracees/tracee_util.h"

namespace {

using tracee::Die;

volatile sig_atomic_t g_count = 0;
void CountHandler(int) { g_count = g_count + 1; }

void InstallCounter(int sig) {
  struct sigaction sa {};
  sa.sa_handler = CountHandler;
  sigemptyset(&sa.sa_mask);
  if (sigaction(sig, &sa, nullptr) != 0) Die("sigaction");
}

void SetMask(int how, int sig) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  if (pthread_sigmask(how, &set, nullptr) != 0) Die("pthread_sigmask");
}

int CheckCount(int want, int code) {
  if (g_count != want) {
    std::fprintf(stderr, "handler ran %d times, want %d\n",
                 static_cast<int>(g_count), want);
    return tracee::kFailCode;
  }
  return code;
}

void SetCoreLimit(rlim_t limit) {
  rlimit rl{limit, limit};
  if (setrlimit(RLIMIT_CORE, &rl) != 0) Die("setrlimit");
}

void EnableCoreInTempDir() {
  SetCoreLimit(RLIM_INFINITY);
  char dir[] = "/tmp/ttrace-core.XXXXXX";
  if (mkdtemp(dir) == nullptr) Die("mkdtemp");
  if (chdir(dir) != 0) Die("chdir");
  std::printf("%s\n", dir);
  std::fflush(stdout);
}

// ---- tkill_self [SIG] ----
// Expect: one signal-delivery-stop for SIG (si_code SI_TKILL, si_pid = self),
// the handler runs, exited with 40.
int TkillSelf(int sig) {
  InstallCounter(sig);
  if (tracee::Tgkill(getpid(), tracee::GetTid(), sig) != 0) Die("tgkill");
  return CheckCount(1, 40);
}

// ---- ignored ----
// Expect: a delivery stop for SIGUSR2 even though it is ignored (a traced
// task's ignored signals are still queued and reported); exited with 41.
int Ignored() {
  if (signal(SIGUSR2, SIG_IGN) == SIG_ERR) Die("signal");
  raise(SIGUSR2);
  return 41;
}

// ---- blocked ----
// Expect: exactly one delivery stop for SIGUSR1, when it is unblocked (none
// while it is pending and blocked); exited with 42.
int Blocked() {
  InstallCounter(SIGUSR1);
  SetMask(SIG_BLOCK, SIGUSR1);
  raise(SIGUSR1);
  sigset_t pending;
  if (sigpending(&pending) != 0 || !sigismember(&pending, SIGUSR1) ||
      g_count != 0) {
    std::fprintf(stderr, "blocked: SIGUSR1 not pending\n");
    return tracee::kFailCode;
  }
  SetMask(SIG_UNBLOCK, SIGUSR1);
  return CheckCount(1, 42);
}

// ---- thread_signal ----
// Expect: one thread clone; a delivery stop for SIGUSR1 on the *leader*
// (si_code SI_TKILL, si_pid = the process); the worker exits 0; exited 43.
int ThreadSignal() {
  InstallCounter(SIGUSR1);
  SetMask(SIG_BLOCK, SIGUSR1);  // inherited by the worker: only main gets it
  static pid_t main_tid = tracee::GetTid();
  pthread_t t;
  if (pthread_create(
          &t, nullptr,
          [](void*) -> void* {
            if (tracee::Tgkill(getpid(), main_tid, SIGUSR1) != 0) {
              Die("tgkill");
            }
            return nullptr;
          },
          nullptr) != 0) {
    Die("pthread_create");
  }
  sigset_t none;
  sigemptyset(&none);
  while (g_count == 0) sigsuspend(&none);
  pthread_join(t, nullptr);
  return CheckCount(1, 43);
}

// ---- segv [core] ----
// Expect: a delivery stop for SIGSEGV (si_code SEGV_MAPERR, si_addr NULL),
// then killed by SIGSEGV (core dumped only with "core").
[[noreturn]] void Segv() {
  // Both volatile: the compiler can neither see the NULL nor drop the store.
  volatile int* volatile p = nullptr;
  *p = 1;
  Die("segv: survived");
}

// ---- abort [core] ----
// Expect: a delivery stop for SIGABRT (SI_TKILL from self), killed by
// SIGABRT (core dumped only with "core").
[[noreturn]] void Abort() { std::abort(); }

// ---- kill_self_9 [N] ----
// Expect: N thread clones; no signal-delivery-stop for SIGKILL; every thread
// (leader and workers) reported killed by SIGKILL.
[[noreturn]] void KillSelf9(int n) {
  static tracee::ParkedThreads parked;
  parked.Start(n);
  kill(getpid(), SIGKILL);
  Die("kill_self_9: survived");
}

// ---- count N ----
// Expect: exactly N delivery stops for SIGUSR1 (si_code SI_USER); prints
// "usr1=N"; exited with 44.
int Count(int n) {
  InstallCounter(SIGUSR1);
  SetMask(SIG_BLOCK, SIGUSR1);
  sigset_t none;
  sigemptyset(&none);
  for (int i = 0; i < n; ++i) {
    if (kill(getpid(), SIGUSR1) != 0) Die("kill");
    while (g_count == i) sigsuspend(&none);
  }
  std::printf("usr1=%d\n", static_cast<int>(g_count));
  return CheckCount(n, 44);
}

// ---- values ----
int Values() {
  InstallCounter(SIGUSR1);
  InstallCounter(SIGALRM);
  sigval v{};
  v.sival_int = 77;
  if (sigqueue(getpid(), SIGUSR1, v) != 0) Die("sigqueue 77");
  v.sival_int = 0;
  if (sigqueue(getpid(), SIGUSR1, v) != 0) Die("sigqueue 0");
  sigevent ev{};
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = SIGALRM;
  ev.sigev_value.sival_ptr = reinterpret_cast<void*>(0x1234);
  timer_t timer;
  if (timer_create(CLOCK_MONOTONIC, &ev, &timer) != 0) Die("timer_create");
  itimerspec once{{0, 0}, {0, 5000000}};
  if (timer_settime(timer, 0, &once, nullptr) != 0) Die("timer_settime");
  sigset_t none;
  sigemptyset(&none);
  while (g_count < 3) sigsuspend(&none);
  alarm(1);
  while (g_count < 4) sigsuspend(&none);
  return CheckCount(4, 45);
}

// ---- siginfo ----
// Expect (strace 6.1): one delivery line per signal, each with the fields
// of its layout (si_errno, si_band/si_fd, si_call_addr/si_syscall/
// si_arch, an F_SETSIG signal's POLL_IN as si_pid/si_uid/si_int/si_ptr).
int Siginfo() {
  for (int sig : {SIGUSR1, SIGIO, SIGSYS, SIGRTMIN + 1}) InstallCounter(sig);
  const pid_t pid = getpid();
  const auto queue = [&](int sig, siginfo_t* si) {
    si->si_signo = sig;
    if (syscall(SYS_rt_sigqueueinfo, pid, sig, si) != 0) {
      Die("rt_sigqueueinfo");
    }
  };
  siginfo_t si;
  memset(&si, 0, sizeof(si));
  si.si_code = -10;  // no name
  si.si_errno = ESRCH;
  si.si_pid = 123;
  si.si_uid = 456;
  si.si_value.sival_int = 9;
  queue(SIGUSR1, &si);
  si.si_signo = SIGUSR1;
  if (syscall(SYS_rt_tgsigqueueinfo, pid, tracee::GetTid(), SIGUSR1, &si) !=
      0) {
    Die("rt_tgsigqueueinfo");
  }
  memset(&si, 0, sizeof(si));
  si.si_code = SI_SIGIO;
  si.si_errno = -3;  // printed unsigned
  si.si_band = -5;
  si.si_fd = 4;
  queue(SIGUSR1, &si);
  si.si_code = POLL_HUP;  // a positive si_code: allowed to oneself
  si.si_errno = 0;
  queue(SIGIO, &si);
  memset(&si, 0, sizeof(si));
  si.si_code = 1;  // SYS_SECCOMP
  si.si_call_addr = reinterpret_cast<void*>(0x1234);
  si.si_syscall = SYS_getpid;
  si.si_arch = AUDIT_ARCH_X86_64;
  queue(SIGSYS, &si);
  si.si_syscall = 1;  // i386's exit: not the tracee's arch
  si.si_arch = AUDIT_ARCH_I386;
  queue(SIGSYS, &si);

  int p[2];
  if (pipe(p) != 0) Die("pipe");
  char buf[4];
  if (fcntl(p[0], F_SETOWN, pid) != 0 || fcntl(p[0], F_SETSIG, SIGIO) != 0 ||
      fcntl(p[0], F_SETFL, O_ASYNC | O_NONBLOCK) != 0) {
    Die("fcntl");
  }
  if (write(p[1], "a", 1) != 1 || read(p[0], buf, sizeof(buf)) != 1) {
    Die("pipe io");
  }
  if (fcntl(p[0], F_SETSIG, SIGRTMIN + 1) != 0) Die("F_SETSIG");
  if (write(p[1], "b", 1) != 1 || read(p[0], buf, sizeof(buf)) != 1) {
    Die("pipe io");
  }
  close(p[0]);
  close(p[1]);

  // Last: the filter stays. getppid traps with si_errno E2BIG (7).
  sock_filter filter[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP | E2BIG),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)};
  sock_fprog prog{static_cast<unsigned short>(std::size(filter)), filter};
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
      syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
    Die("seccomp");
  }
  syscall(SYS_getppid);
  return CheckCount(9, 46);
}

}  // namespace

int main(int argc, char** argv) {
  const char* usage =
      "signals {tkill_self [SIG] | ignored | blocked | thread_signal | "
      "segv [core] | abort [core] | kill_self_9 [N] | count N | values | "
      "siginfo}";
  if (argc < 2) tracee::Usage(usage);
  std::string s = argv[1];
  bool core = (s == "segv" || s == "abort") && argc > 2 &&
              std::string(argv[2]) == "core";
  if (core) {
    EnableCoreInTempDir();
  } else {
    SetCoreLimit(0);
  }
  if (s == "tkill_self")
    return TkillSelf(tracee::IntArg(argc, argv, 2, SIGUSR1));
  if (s == "ignored") return Ignored();
  if (s == "blocked") return Blocked();
  if (s == "thread_signal") return ThreadSignal();
  if (s == "segv") Segv();
  if (s == "abort") Abort();
  if (s == "kill_self_9") KillSelf9(tracee::IntArg(argc, argv, 2, 2));
  if (s == "count") return Count(tracee::IntArg(argc, argv, 2, 3));
  if (s == "values") return Values();
  if (s == "siginfo") return Siginfo();
  tracee::Usage(usage);
}
