// The i386 tracee's `proc` scenario (see i386_main.c): the old signal calls
// and the i386 layouts of the rt_* ones, waits, the 16-bit and *32 id
// calls, thread areas and the LDT, time calls (old 32-bit and *_time64).
//
// Every call is harmless when run as root too: ids are set to what they
// are, the clock-setting calls fail before changing anything (bad pointer,
// bad clock or nanoseconds), adjtimex only reads. Results are deterministic:
// calls whose result is a time or a load (time, sysinfo, getrusage, a
// successful adjtimex) are made only in forms that fail or print no time.
// Structures are declared here with the kernel's i386 (compat) layouts.
#include <asm/ldt.h>

#include "i386_sys.h"

// Signal numbers and flags (i386 values).
enum {
  kSigHup = 1,
  kSigKill = 9,
  kSigUsr1 = 10,
  kSigUsr2 = 12,
  kSigTerm = 15,
  kSigChld = 17,
  kSaRestart = 0x10000000,
  kSaSiginfo = 4,
  kSaRestorer = 0x04000000,
  kSaNodefer = 0x40000000,
  kSaResethand = 0x80000000,
  kSigBlock = 0,
  kSigUnblock = 1,
  kSigSetmask = 2,
  kSiQueue = -1,
  kWnohang = 1,
  kWexited = 4,
  kPPid = 1,
  kPAll = 0,
};

#define BIT(sig) (1ul << ((sig)-1))

// struct compat_old_sigaction.
struct old_sigaction32 {
  unsigned long handler;
  unsigned long mask;
  unsigned long flags;
  unsigned long restorer;
};

// struct compat_sigaction (rt_sigaction): the mask after the restorer.
struct sigaction32 {
  unsigned long handler;
  unsigned long flags;
  unsigned long restorer;
  unsigned long mask[2];
};

// compat_siginfo_t: 128 bytes; the rt (SI_QUEUE) member.
struct siginfo32 {
  int signo, err, code;
  int pid;
  unsigned uid;
  int value;
  int pad[26];
};

// compat_stack_t.
struct stack32 {
  unsigned long sp;
  int flags;
  unsigned long size;
};

struct timeval32 {
  long sec, usec;
};

// compat_sigevent: 64 bytes.
struct sigevent32 {
  int value;
  int signo;
  int notify;
  int tid;
  int pad[12];
};

// The old select's argument block.
struct sel_arg32 {
  unsigned long n, inp, outp, exp, tvp;
};

// struct compat_timex (adjtimex, clock_adjtime).
struct timex32 {
  unsigned modes;
  long rest[38];
};

// The handlers: nothing to do. The restorers make the sigreturn calls
// (a frame without SA_SIGINFO pops the signal number first, as glibc's).
static void on_signal(int sig) { (void)sig; }
void proc_restorer(void);
void proc_rt_restorer(void);
__asm__(
    ".text\n"
    ".globl proc_restorer\n"
    "proc_restorer:\n\t"
    "popl %eax\n\t"
    "movl $119, %eax\n\t"  // __NR_sigreturn
    "int $0x80\n"
    ".globl proc_rt_restorer\n"
    "proc_rt_restorer:\n\t"
    "movl $173, %eax\n\t"  // __NR_rt_sigreturn
    "int $0x80\n");

static const unsigned long kBad = 0xbadc0de0ul;  // never mapped

static void old_signals(void) {
  struct old_sigaction32 sa, old;
  memset(&sa, 0, sizeof(sa));
  sa.handler = (unsigned long)on_signal;
  sa.mask = BIT(kSigUsr2) | BIT(kSigHup);
  sa.flags = kSaRestorer | kSaRestart;
  sa.restorer = (unsigned long)proc_restorer;
  sys3(__NR_sigaction, kSigUsr1, &sa, 0);
  sys3(__NR_sigaction, kSigUsr1, 0, &old);
  sys3(__NR_sigaction, kSigUsr1, &sa, &old);
  sys3(__NR_sigaction, kSigUsr1, kBad, 0);  // EFAULT
  sys3(__NR_sigaction, kSigUsr1, 0, kBad);  // EFAULT
  sys3(__NR_sigaction, 0, &sa, 0);          // EINVAL
  sys3(__NR_sigaction, kSigKill, &sa, 0);   // EINVAL
  sys3(__NR_sigaction, 0, 0, 0);            // EINVAL
  // A signal handled on the old frame: sigreturn, twice: the mask to
  // restore is empty, then has a real-time signal (the frame's extramask).
  long pid = sys0(__NR_getpid);
  sys2(__NR_kill, pid, kSigUsr1);
  unsigned long rt[2] = {BIT(kSigHup), 1ul << (40 - 33)};
  sys4(__NR_rt_sigprocmask, kSigBlock, rt, 0, 8);
  sys2(__NR_kill, pid, kSigUsr1);
  sys4(__NR_rt_sigprocmask, kSigUnblock, rt, 0, 8);

  struct old_sigaction32 ign;
  memset(&ign, 0, sizeof(ign));
  ign.handler = 1;  // SIG_IGN
  ign.mask = ~0ul;
  ign.flags = kSaNodefer | kSaResethand | 0x100;
  sys3(__NR_sigaction, kSigUsr1, &ign, &old);
  sys3(__NR_sigaction, kSigUsr1, 0, &old);
  ign.handler = 0;  // SIG_DFL
  ign.mask = 0;
  ign.flags = 0;
  sys3(__NR_sigaction, kSigUsr1, &ign, 0);

  // signal(): the old handler as the result.
  sys2(__NR_signal, kSigUsr2, 1);
  sys2(__NR_signal, kSigUsr2, on_signal);
  sys2(__NR_signal, kSigUsr2, 0);
  sys2(__NR_signal, kSigKill, 1);  // EINVAL
  sys2(__NR_signal, 99, 0);        // EINVAL

  // The old (32-bit) masks.
  unsigned long set = BIT(kSigUsr2) | BIT(kSigTerm), oset = 0;
  sys3(__NR_sigprocmask, kSigBlock, &set, &oset);
  sys3(__NR_sigprocmask, kSigBlock, 0, &oset);
  sys3(__NR_sigprocmask, kSigUnblock, &set, 0);
  sys3(__NR_sigprocmask, kSigSetmask, &set, &oset);
  sys3(__NR_sigprocmask, 7, &set, 0);  // EINVAL
  sys3(__NR_sigprocmask, kSigBlock, kBad, 0);
  set = ~0ul;
  sys3(__NR_sigprocmask, kSigBlock, &set, &oset);
  sys3(__NR_sigprocmask, kSigSetmask, &oset, 0);
  sys1(__NR_sigpending, &oset);
  sys1(__NR_sigpending, kBad);
  sys1(__NR_sigpending, 0);
  long mask = sys0(__NR_sgetmask);
  sys1(__NR_ssetmask, BIT(kSigUsr1) | BIT(kSigChld));
  sys1(__NR_ssetmask, mask);
  sys0(__NR_sgetmask);

  // sigsuspend with USR1 pending: the handler runs, and the call ends in
  // ERESTARTNOHAND.
  sa.flags = kSaRestorer;
  sys3(__NR_sigaction, kSigUsr1, &sa, 0);
  set = BIT(kSigUsr1);
  sys3(__NR_sigprocmask, kSigBlock, &set, 0);
  sys2(__NR_kill, pid, kSigUsr1);
  sys1(__NR_sigpending, &oset);
  sys3(__NR_sigsuspend, 0, 0, BIT(kSigUsr2));
  sys3(__NR_sigprocmask, kSigSetmask, &set, 0);
  set = 0;
  sys3(__NR_sigprocmask, kSigSetmask, &set, 0);
}

static void rt_signals(void) {
  struct sigaction32 sa, old;
  memset(&sa, 0, sizeof(sa));
  sa.handler = (unsigned long)on_signal;
  sa.flags = kSaSiginfo | kSaRestorer | kSaRestart;
  sa.restorer = (unsigned long)proc_rt_restorer;
  sa.mask[0] = BIT(kSigUsr2);
  sa.mask[1] = 1ul << (40 - 33);  // signal 40
  sys4(__NR_rt_sigaction, kSigUsr1, &sa, &old, 8);
  sys4(__NR_rt_sigaction, kSigUsr1, 0, &old, 8);
  sys4(__NR_rt_sigaction, kSigUsr1, &sa, 0, 7);  // EINVAL
  sys4(__NR_rt_sigaction, kSigUsr1, kBad, 0, 8);
  // Handled with SA_SIGINFO: rt_sigreturn.
  long pid = sys0(__NR_getpid);
  long tid = sys0(__NR_gettid);
  sys3(__NR_tgkill, pid, tid, kSigUsr1);
  unsigned long rt[2] = {BIT(kSigTerm), 1ul << (50 - 33)};
  sys4(__NR_rt_sigprocmask, kSigBlock, rt, 0, 8);
  sys3(__NR_tgkill, pid, tid, kSigUsr1);
  sys4(__NR_rt_sigprocmask, kSigUnblock, rt, 0, 8);
  sa.handler = 0;
  sa.flags = 0;
  sa.mask[0] = sa.mask[1] = 0;
  sys4(__NR_rt_sigaction, kSigUsr1, &sa, 0, 8);

  unsigned long set[2] = {BIT(kSigUsr2) | BIT(kSigHup), 0}, oset[2];
  sys4(__NR_rt_sigprocmask, kSigBlock, set, oset, 8);
  sys4(__NR_rt_sigprocmask, kSigBlock, 0, oset, 8);

  // Queued to self while blocked, then taken by rt_sigtimedwait.
  struct siginfo32 si, got;
  memset(&si, 0, sizeof(si));
  si.signo = kSigUsr2;
  si.code = kSiQueue;
  si.pid = pid;
  si.uid = 0;
  si.value = 42;
  sys3(__NR_rt_sigqueueinfo, pid, kSigUsr2, &si);
  sys3(__NR_rt_sigqueueinfo, pid, kSigUsr2, kBad);   // EFAULT
  sys3(__NR_rt_sigqueueinfo, pid, kSigUsr2, 0);      // EFAULT
  struct timespec32 ts = {1, 0};
  sys4(__NR_rt_sigtimedwait, set, &got, &ts, 8);
  si.value = 7;
  sys4(__NR_rt_tgsigqueueinfo, pid, tid, kSigHup, &si);
  sys4(__NR_rt_tgsigqueueinfo, pid, tid, kSigHup, kBad);
  struct timespec64 ts64 = {1, 0};
  sys4(__NR_rt_sigtimedwait_time64, set, &got, &ts64, 8);
  ts.sec = 0;
  ts64.sec = 0;
  sys4(__NR_rt_sigtimedwait, set, &got, &ts, 8);  // EAGAIN
  sys4(__NR_rt_sigtimedwait_time64, set, 0, &ts64, 8);
  sys4(__NR_rt_sigtimedwait, set, 0, kBad, 8);
  sys4(__NR_rt_sigtimedwait_time64, set, 0, kBad, 8);
  sys4(__NR_rt_sigtimedwait, set, 0, 0, 4);  // EINVAL
  sys2(__NR_rt_sigpending, oset, 8);
  sys4(__NR_rt_sigprocmask, kSigUnblock, set, 0, 8);

  // pidfd_send_signal with and without a siginfo.
  long pidfd = sys2(__NR_pidfd_open, pid, 0);
  sys4(__NR_pidfd_send_signal, pidfd, 0, 0, 0);
  sys4(__NR_pidfd_send_signal, pidfd, 0, &si, 0);  // EINVAL: signo differs
  si.signo = 0;
  sys4(__NR_pidfd_send_signal, pidfd, 0, &si, 0);
  sys4(__NR_pidfd_send_signal, pidfd, 0, kBad, 0);
  sys4(__NR_pidfd_send_signal, -1, kSigUsr2, 0, 1);
  sys1(__NR_close, pidfd);

  // sigaltstack with 32-bit stack_t.
  static char stack[8192];
  struct stack32 ss = {(unsigned long)stack, 0, sizeof(stack)}, oss;
  sys2(__NR_sigaltstack, &ss, &oss);
  sys2(__NR_sigaltstack, 0, &oss);
  ss.flags = 2;  // SS_DISABLE
  sys2(__NR_sigaltstack, &ss, 0);
  ss.flags = 0;
  ss.size = 100;  // ENOMEM
  sys2(__NR_sigaltstack, &ss, 0);
  ss.flags = 0x80000005;  // EINVAL
  sys2(__NR_sigaltstack, &ss, 0);
  sys2(__NR_sigaltstack, kBad, 0);
  sys2(__NR_sigaltstack, 0, kBad);
}

static void waits(void) {
  int status = 0;
  long pid = sys0(__NR_fork);
  if (pid == 0) sys1(__NR_exit, 3);
  sys3(__NR_waitpid, pid, &status, 0);
  pid = sys0(__NR_fork);
  if (pid == 0) sys2(__NR_kill, sys0(__NR_getpid), kSigTerm);
  sys3(__NR_waitpid, -1, &status, 0);
  sys3(__NR_waitpid, -1, &status, kWnohang);  // ECHILD
  sys3(__NR_waitpid, -1, 0, 0x40000000);      // ECHILD, __WALL
  sys3(__NR_waitpid, -1, 0, 0x7);             // EINVAL
  pid = sys0(__NR_fork);
  if (pid == 0) sys1(__NR_exit, 0);
  sys4(__NR_wait4, pid, &status, 0, 0);
  sys4(__NR_wait4, -1, &status, kWnohang, kBad);  // ECHILD
  pid = sys0(__NR_fork);
  if (pid == 0) sys1(__NR_exit, 5);
  sys5(__NR_waitid, kPPid, pid, kBad, kWexited, 0);  // EFAULT once reaped
  // A child's times are in clock ticks (10 ms): 0 for these children.
  struct siginfo32 si;
  pid = sys0(__NR_fork);
  if (pid == 0) sys1(__NR_exit, 6);
  sys5(__NR_waitid, kPPid, pid, &si, kWexited, 0);
  sys5(__NR_waitid, kPAll, 0, 0, kWexited | kWnohang, 0);  // ECHILD
  sys5(__NR_waitid, 9, 0, 0, kWexited, 0);                 // EINVAL
  sys2(__NR_getrusage, 5, kBad);                           // EINVAL
  sys2(__NR_getrusage, 0, kBad);                           // EFAULT
  sys2(__NR_getrusage, -1, 0);                             // EFAULT
}

static void ids(void) {
  long uid = sys0(__NR_getuid), gid = sys0(__NR_getgid);
  sys0(__NR_geteuid);
  sys0(__NR_getegid);
  long uid32 = sys0(__NR_getuid32), gid32 = sys0(__NR_getgid32);
  sys0(__NR_geteuid32);
  sys0(__NR_getegid32);
  sys1(__NR_setuid, uid);
  sys1(__NR_setgid, gid);
  sys1(__NR_setuid32, uid32);
  sys1(__NR_setgid32, gid32);
  sys2(__NR_setreuid, -1, -1);
  sys2(__NR_setreuid, 0xffff, 0xffff);
  sys2(__NR_setregid, -1, gid);
  sys2(__NR_setreuid32, -1, -1);
  sys2(__NR_setregid32, gid32, -1);
  sys3(__NR_setresuid, -1, -1, -1);
  sys3(__NR_setresuid, 0xffff, uid, 0xffff);
  sys3(__NR_setresgid, -1, -1, gid);
  sys3(__NR_setresuid32, -1, uid32, -1);
  sys3(__NR_setresgid32, -1, -1, -1);
  // 16-bit calls take the low 16 bits.
  sys1(__NR_setuid, 0x10000 | uid);
  sys1(__NR_setgid, 0x1ffff);  // EINVAL
  sys1(__NR_setfsuid, 0x10000 | uid);
  sys2(__NR_setreuid, 0x1ffff, 0x10000 | uid);
  unsigned short r16[3];
  unsigned r32[3];
  sys3(__NR_getresuid, &r16[0], &r16[1], &r16[2]);
  sys3(__NR_getresgid, &r16[0], &r16[1], &r16[2]);
  sys3(__NR_getresuid, 0, &r16[1], kBad);
  sys3(__NR_getresuid32, &r32[0], &r32[1], &r32[2]);
  sys3(__NR_getresgid32, &r32[0], &r32[1], &r32[2]);
  sys3(__NR_getresgid32, kBad, 0, &r32[2]);
  sys1(__NR_setfsuid, uid);
  sys1(__NR_setfsgid, -1);
  sys1(__NR_setfsuid32, uid32);
  sys1(__NR_setfsgid32, -1);
  unsigned short g16[64];
  unsigned g32[64];
  long n = sys2(__NR_getgroups, 0, 0);
  n = sys2(__NR_getgroups, 64, g16);
  if (n >= 0) sys2(__NR_setgroups, n, g16);
  sys2(__NR_getgroups, 64, kBad);
  sys2(__NR_getgroups, -1, g16);  // EINVAL
  sys2(__NR_setgroups, 1, kBad);
  n = sys2(__NR_getgroups32, 0, 0);
  n = sys2(__NR_getgroups32, 64, g32);
  if (n >= 0) sys2(__NR_setgroups32, n, g32);
  sys2(__NR_getgroups32, 64, kBad);
  sys2(__NR_setgroups32, 0x10001, g32);  // EINVAL
}

static void times_and_misc(void) {
  sys1(__NR_time, kBad);
  sys1(__NR_stime, kBad);
  sys1(__NR_stime, 0);
  sys1(__NR_nice, 0);
  sys1(__NR_nice, 1);

  static char utsbuf[400];
  sys1(__NR_olduname, utsbuf);
  sys1(__NR_oldolduname, utsbuf);
  sys1(__NR_uname, utsbuf);
  sys1(__NR_olduname, kBad);
  sys1(__NR_oldolduname, 0);
  sys1(__NR_uname, kBad);

  // A new TLS entry (not %gs's), read back; and the failing forms.
  static int tls_word;
  struct user_desc ud;
  memset(&ud, 0, sizeof(ud));
  ud.entry_number = -1;
  ud.base_addr = (unsigned)&tls_word;
  ud.limit = 0xfffff;
  ud.seg_32bit = 1;
  ud.limit_in_pages = 1;
  ud.useable = 1;
  sys1(__NR_set_thread_area, &ud);
  struct user_desc got;
  memset(&got, 0, sizeof(got));
  const unsigned tls_entry = ud.entry_number;  // filled in by the kernel
  got.entry_number = tls_entry;
  sys1(__NR_get_thread_area, &got);
  got.entry_number = 1;
  sys1(__NR_get_thread_area, &got);  // EINVAL
  sys1(__NR_get_thread_area, kBad);
  sys1(__NR_set_thread_area, 0);
  ud.entry_number = 3;
  ud.contents = 2;
  ud.read_exec_only = 1;
  ud.seg_not_present = 1;
  sys1(__NR_set_thread_area, &ud);  // EINVAL

  // The LDT: read (empty), one entry written, read again.
  static char ldt[64];
  sys3(__NR_modify_ldt, 0, ldt, sizeof(ldt));
  memset(&ud, 0, sizeof(ud));
  ud.entry_number = 0;
  ud.base_addr = (unsigned)&tls_word;
  ud.limit = 4;
  ud.seg_32bit = 1;
  sys3(__NR_modify_ldt, 1, &ud, sizeof(ud));
  sys3(__NR_modify_ldt, 0x11, &ud, sizeof(ud));
  sys3(__NR_modify_ldt, 0, ldt, sizeof(ldt));
  sys3(__NR_modify_ldt, 2, ldt, sizeof(ldt));
  sys3(__NR_modify_ldt, 1, kBad, sizeof(ud));
  sys3(__NR_modify_ldt, 1, &ud, 3);  // EINVAL
  sys3(__NR_modify_ldt, 5, 0, 0);    // ENOSYS
  sys3(__NR_modify_ldt, 1, &ud, 20);  // EINVAL
  sys3(__NR_modify_ldt, 0x11, &ud, 8);
  memset(&ud, 0, sizeof(ud));
  ud.entry_number = 1;
  sys3(__NR_modify_ldt, 0x11, &ud, sizeof(ud));
  sys3(__NR_modify_ldt, 2, &ud, sizeof(ud));
  // Entry 12 (set_thread_area's first) again, by number.
  memset(&ud, 0, sizeof(ud));
  ud.entry_number = tls_entry;
  sys1(__NR_set_thread_area, &ud);
  sys1(__NR_get_thread_area, &ud);
  sys1(__NR_get_thread_area, 0);

  sys1(__NR_sysinfo, kBad);
  sys1(__NR_sysinfo, 0);
  sys1(__NR_adjtimex, kBad);
  struct timex32 tx;
  memset(&tx, 0, sizeof(tx));
  tx.modes = 0x8000;  // ADJ_OFFSET_SS_READ alone: EINVAL
  sys1(__NR_adjtimex, &tx);
  sys2(__NR_clock_adjtime, 0, kBad);
  sys2(__NR_clock_adjtime, 99, &tx);
  sys2(__NR_clock_adjtime64, 0, kBad);
  sys2(__NR_clock_adjtime64, 99, &tx);

  // timer_create with a 32-bit sigevent.
  struct sigevent32 sev;
  memset(&sev, 0, sizeof(sev));
  sev.notify = 1;  // SIGEV_NONE
  int timer = -1;
  sys3(__NR_timer_create, 1, &sev, &timer);
  sys1(__NR_timer_delete, timer);
  sev.notify = 0;  // SIGEV_SIGNAL
  sev.signo = kSigUsr2;
  sev.value = 0x1234;
  sys3(__NR_timer_create, 1, &sev, &timer);
  sys1(__NR_timer_delete, timer);
  sev.notify = 4;  // SIGEV_THREAD_ID
  sev.tid = sys0(__NR_gettid);
  sys3(__NR_timer_create, 0, &sev, &timer);
  sys1(__NR_timer_delete, timer);
  sys3(__NR_timer_create, 1, 0, &timer);
  sys1(__NR_timer_delete, timer);
  sys3(__NR_timer_create, 1, kBad, &timer);
  sys3(__NR_timer_create, 77, &sev, &timer);

  // select: the old one takes a block of 5 words; _newselect 32-bit sets.
  int fds[2];
  sys1(__NR_pipe, fds);
  unsigned long rd = 1ul << fds[0], wr = 1ul << fds[1];
  struct timeval32 tv = {0, 0};
  struct sel_arg32 args = {fds[1] + 1, (unsigned long)&rd, (unsigned long)&wr,
                           0, (unsigned long)&tv};
  sys1(__NR_select, &args);
  args.tvp = 0;
  sys1(__NR_select, &args);
  sys1(__NR_select, kBad);
  rd = 1ul << fds[0];
  tv.sec = 0;
  tv.usec = 0;
  sys5(__NR__newselect, fds[1] + 1, &rd, 0, 0, &tv);
  rd = 1ul << fds[0];
  wr = 1ul << fds[1];
  sys5(__NR__newselect, fds[1] + 1, &rd, &wr, 0, &tv);
  sys5(__NR__newselect, fds[1] + 1, &rd, 0, 0, kBad);
  sys5(__NR__newselect, -1, 0, 0, 0, 0);
  sys1(__NR_close, fds[0]);
  sys1(__NR_close, fds[1]);

  // Clocks: old 32-bit timespecs and the _time64 forms.
  struct timespec32 ts;
  struct timespec64 ts64;
  sys2(__NR_clock_getres, 1, &ts);
  sys2(__NR_clock_getres_time64, 1, &ts64);
  sys2(__NR_clock_getres_time64, 99, &ts64);
  sys2(__NR_clock_getres_time64, 1, 0);
  sys2(__NR_clock_gettime, 1, 0);
  sys2(__NR_clock_gettime, 99, &ts);
  sys2(__NR_clock_gettime64, 1, kBad);
  sys2(__NR_clock_gettime64, 99, &ts64);
  sys2(__NR_clock_gettime64, -10, &ts64);
  ts.sec = 0;
  ts.nsec = 2000000000;  // EINVAL
  sys2(__NR_clock_settime, 0, &ts);
  sys2(__NR_clock_settime, 0, kBad);
  ts.nsec = -1;  // EINVAL
  sys2(__NR_clock_settime, 0, &ts);
  ts.sec = -5;
  ts.nsec = 5;
  sys2(__NR_clock_settime, 0, &ts);
  ts.sec = 0;
  ts64.sec = 0;
  ts64.nsec = -1;  // EINVAL
  sys2(__NR_clock_settime64, 0, &ts64);
  sys2(__NR_clock_settime64, 1, &ts64);
  sys2(__NR_clock_settime64, 0, kBad);
  ts.nsec = 1000;
  ts64.nsec = 1000;
  sys2(__NR_nanosleep, &ts, 0);
  sys2(__NR_nanosleep, kBad, 0);
  sys4(__NR_clock_nanosleep, 1, 0, &ts, 0);
  sys4(__NR_clock_nanosleep_time64, 1, 0, &ts64, &ts64);
  sys4(__NR_clock_nanosleep_time64, 0, 1 /* TIMER_ABSTIME */, &ts64, 0);
  sys4(__NR_clock_nanosleep_time64, 1, 0, kBad, 0);
  sys4(__NR_clock_nanosleep_time64, 99, 0, &ts64, 0);
  sys2(__NR_sched_rr_get_interval_time64, 0, kBad);
  sys2(__NR_sched_rr_get_interval_time64, -1, &ts64);
  sys2(__NR_sched_rr_get_interval, 0, kBad);

  // futex: the value differs (EAGAIN), a wake with no waiters, timeouts of
  // both sizes.
  static int word = 0;
  ts.nsec = 1000;
  ts64.nsec = 1000;
  sys4(__NR_futex, &word, 0 /* FUTEX_WAIT */, 1, &ts);
  sys4(__NR_futex_time64, &word, 0, 1, &ts64);
  sys4(__NR_futex_time64, &word, 0x80 /* FUTEX_PRIVATE_FLAG */, 1, 0);
  sys4(__NR_futex_time64, &word, 0x81 /* FUTEX_WAKE_PRIVATE */, 1, 0);
  // val3 (the bitset) is the 6th argument, in %ebp: ETIMEDOUT for
  // FUTEX_BITSET_MATCH_ANY (an absolute time long past), EINVAL for 0.
  sys6(__NR_futex_time64, (long)&word, 9 /* FUTEX_WAIT_BITSET */, 0,
       (long)&ts64, 0, -1);
  sys4(__NR_futex_time64, &word, 0, 0, kBad);
  sys4(__NR_futex, kBad, 0, 0, 0);
}

// Other process and time calls a 32-bit libc makes, with i386 layouts.
static void process_misc(void) {
  sys1(__NR_times, kBad);  // (its result is a time: not made to succeed)
  unsigned long rl[2], stack_rl[2];
  sys2(__NR_ugetrlimit, 3 /* RLIMIT_STACK */, stack_rl);
  sys2(__NR_ugetrlimit, 99, stack_rl);  // EINVAL
  sys2(__NR_getrlimit, 7 /* RLIMIT_NOFILE */, rl);
  sys2(__NR_ugetrlimit, 7, rl);
  sys2(__NR_setrlimit, 7, rl);  // unchanged
  sys2(__NR_setrlimit, 7, kBad);
  unsigned long long rl64[2];
  sys4(__NR_prlimit64, 0, 7, 0, rl64);
  sys4(__NR_prlimit64, 0, 7, rl64, 0);
  sys2(__NR_gettimeofday, 0, 0);
  sys2(__NR_gettimeofday, kBad, 0);
  sys2(__NR_settimeofday, kBad, 0);
  struct timeval32 it[2] = {{0, 0}, {0, 0}}, old[2];
  sys3(__NR_setitimer, 0 /* ITIMER_REAL */, it, old);
  sys2(__NR_getitimer, 1 /* ITIMER_VIRTUAL */, old);
  sys2(__NR_getitimer, 1, kBad);
  sys1(__NR_alarm, 0);
  static unsigned long robust[3];
  robust[0] = (unsigned long)robust;
  sys2(__NR_set_robust_list, robust, 12);
  sys2(__NR_set_robust_list, robust, 24);  // EINVAL
  unsigned long head = 0, len = 0;
  sys3(__NR_get_robust_list, 0, &head, &len);
  sys3(__NR_get_robust_list, 0, kBad, &len);
  static int tid_word;
  sys1(__NR_set_tid_address, &tid_word);
  unsigned long cpus[32];
  sys3(__NR_sched_getaffinity, 0, 3, cpus);  // EINVAL
  sys3(__NR_sched_getaffinity, 0, sizeof(cpus), kBad);
  sys2(__NR_getpriority, 0 /* PRIO_PROCESS */, 0);
  sys1(__NR_personality, 0xffffffff);
  sys0(__NR_sched_yield);
  sys2(__NR_sched_getparam, 0, kBad);
  sys1(__NR_sched_getscheduler, 0);
  unsigned long set[2] = {BIT(kSigUsr2), 0};
  sys2(__NR_rt_sigsuspend, set, 4);  // EINVAL
  sys0(__NR_getppid);
  sys3(__NR_tgkill, sys0(__NR_getpid), sys0(__NR_gettid), 0);
  sys2(__NR_tkill, sys0(__NR_gettid), 0);
  sys2(__NR_kill, 0, 0);
  struct timespec32 ts = {0, 0};
  sys4(__NR_clock_nanosleep, 1, 1 /* TIMER_ABSTIME */, &ts, 0);
  sys2(__NR_sched_rr_get_interval, -1, &ts);
  int itspec[4] = {0, 0, 0, 0};
  int timer = -1;
  sys3(__NR_timer_create, 1, 0, &timer);
  sys4(__NR_timer_settime, timer, 0, itspec, 0);
  long long itspec64[4] = {0, 0, 0, 0};
  sys4(__NR_timer_settime64, timer, 0, itspec64, 0);
  sys2(__NR_timer_gettime, timer, itspec);
  sys2(__NR_timer_gettime64, timer, itspec64);
  sys1(__NR_timer_getoverrun, timer);
  sys1(__NR_timer_delete, timer);
}

int scenario_proc(void) {
  old_signals();
  rt_signals();
  waits();
  ids();
  times_and_misc();
  process_misc();
  return 0;
}
