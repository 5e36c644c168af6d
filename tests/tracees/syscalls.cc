// syscalls: known sequences of system calls, for the syscall tests
// (tests/syscall_test.cc, tests/strace_syscalls_test.cc). Every scenario
// exits 0 on success.
//
//   known DIR          after the dynamic loader and libc start-up, exactly:
//                        openat(AT_FDCWD, "/nonexistent/x", O_RDONLY)
//                          = -1 ENOENT
//                        openat(AT_FDCWD, "DIR/known.txt",
//                               O_WRONLY|O_CREAT|O_TRUNC, 0644) = 3
//                        write(3, "hello, world\n", 13) = 13
//                        close(3) = 0
//                        openat(AT_FDCWD, "/dev/zero", O_RDONLY) = 3
//                        read(3, 100 zero bytes, 100) = 100
//                        close(3) = 0
//                        getpid() = PID
//                        kill(PID, 0) = 0
//                        umask(077) = OLD; umask(022) = 077
//                        mmap(NULL, 4096, PROT_READ|PROT_WRITE,
//                             MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = ADDR
//                        munmap(ADDR, 4096) = 0
//                        close(-1) = -1 EBADF
//                        rt_sigaction(SIGUSR1, handler) = 0
//                        kill(PID, SIGUSR1) = 0, the signal, rt_sigreturn
//                        exit_group(0)
//                      DIR must exist; DIR/known.txt is created (and left).
//   threads_blocking   two threads each block in read() on their own pipe;
//                      once both are blocked (seen in /proc), the main thread
//                      writes one byte ("a") to the first pipe, waits for
//                      that thread to end, then writes "b" to the second:
//                      both reads are split by other threads' syscalls.
//                      The polling of /proc (openat, pread64, close,
//                      clock_nanosleep: a number of calls that depends on
//                      timing; one getpid) makes no read() or write() call.
//   storm N            N getppid() calls.
//   exit_in_syscall    a thread blocks in read() on a pipe; once it is
//                      blocked (polling as above), the main thread calls
//                      exit_group(0): the read never returns.
//   split              ioctl(FIONREAD) of a pipe holding 2 bytes,
//                      getdents64 of "/", fcntl F_GETLK and F_GETOWN_EX of
//                      a memfd, SIOCGIFCONF with a NULL buffer, sendmmsg
//                      and recvmmsg of one byte on a UNIX socketpair,
//                      io_uring_register IORING_REGISTER_IOWQ_MAX_WORKERS
//                      reading the limits, perf_event_open of a software
//                      counter of itself, while
//                      another thread waits for each call to show in /proc
//                      (it does while the tracer holds it at entry: -e
//                      inject=...:delay_enter) and then calls getppid: with
//                      the calls held long enough, that line splits each
//                      call's line, in strace as in ttrace, where each tool
//                      ends a call's entry part.
//   held_break         the main thread blocks in read() on a pipe; thread
//                      B, once it sees it there, sends itself SIGUSR1
//                      (handled; tgkill) and ends; thread C, once B ended,
//                      writes "a" to the pipe and ends after the read
//                      returned (1 byte). With -e trace=read and a status
//                      filter (-z), strace breaks the held read's text at
//                      B's "--- SIGUSR1" line (or, that one not shown, at
//                      B's "+++ exited" line).
//   ppid_threads N     N threads (started one after the other, each ended
//                      before the next starts) each call getppid() 3 times
//                      and print "T: a b c", T the thread's index, each of
//                      a b c "P" when it is the real parent pid, else the
//                      value returned (what -e inject made it return).
//   sockets DIR        for -yy: a connected TCP pair and its listener, a
//                      connected UDP socket, a UNIX socketpair, a named
//                      UNIX listener (DIR/sock) with a connected pair, an
//                      abstract UNIX datagram socket (@ttrace-test-PID), a
//                      TCPv6 listener, an unconnected UNIX stream socket and
//                      /dev/null, each named by one getsockname() (write()
//                      for /dev/null) while all are open; exits 0.
//   io                 for -e read=/write=: a pipe written with writev (a
//                      vector with an empty buffer), write (40 bytes of
//                      every kind) and read back with readv, read; a UNIX
//                      socketpair with sendto/recvfrom, sendmsg/recvmsg
//                      and sendmmsg/recvmmsg (two 2-byte messages);
//                      a write to a closed descriptor (EBADF); exits 0.
//   pids               for -Y: a child renamed "kid" (prctl after the
//                      parent's fork returned, so that fork's result names
//                      the parent's comm), then pids in arguments and
//                      results: gettid, getpgrp, getpgid, getsid, kill,
//                      tkill, tgkill, sched_getscheduler, prlimit64,
//                      setpgid, pidfd_open, rt_sigqueueinfo to itself,
//                      SO_PEERCRED of a UNIX socketpair (whole and cut
//                      short by the length given) and an
//                      SCM_CREDENTIALS message over it, a
//                      SIGTERM to the child once it sleeps in pause()
//                      (polled with openat2, preadv2, close_range and
//                      clock_nanosleep, calls made for nothing else),
//                      waitid(WNOWAIT) while it is a zombie, wait4 reaping
//                      it; exits 0.
//   pidns              `pids` in a new pid namespace (root only): after
//                      unshare(CLONE_NEWPID), a child that is pid 1 there
//                      runs `pids` (its child is pid 2); the parent waits
//                      for it and exits with its status (1 when unshare
//                      fails).
//   counts             exactly 7 getppid(), 5 openat() failing with ENOENT,
//                      3 close(-1) failing with EBADF, interleaved.
//   decoders           calls whose decoding is compared with strace's, all
//                      with fixed arguments and results: personality (set,
//                      queried, restored), close_range, ioctl and statx
//                      with NULL outputs, FICLONE, ioctls on fd -1
//                      (pointers, none, TCFLSH/TCXONC values, socket
//                      ioctl names), FS_IOC_FSGETXATTR/FSSETXATTR and
//                      FS_IOC_GETFSLABEL/SETFSLABEL (/etc/passwd's,
//                      /dev/null's, NULL, fd -1), the struct ifreq ioctls
//                      (SIOCGIFMTU, ... about lo on a UDP socket, an
//                      unknown interface, NULL; the setters on fd -1;
//                      SIOCGIFCONF with room for one, none, no buffer),
//                      FS_IOC_SETFLAGS/GETFLAGS,
//                      FS_IOC_FIEMAP, loop and block device ioctls
//                      (LOOP_GET_STATUS/SET_STATUS/..64/CONFIGURE on a
//                      non-loop fd or fd -1),
//                      FITRIM, FIFREEZE, the nsfs ioctls
//                      (NS_GET_USERNS, ...) on its own namespaces, fcntl
//                      F_DUPFD_CLOEXEC
//                      with a huge argument, dup2 and dup3 onto an open fd,
//                      a POSIX timer (created, armed for 10 s, disarmed,
//                      read, deleted), setitimer/
//                      getitimer (armed, disarmed, read), rt_sigpending,
//                      sched_setscheduler/setparam/rr_get_interval,
//                      mlock/munlock/mlockall/munlockall, msync, mincore
//                      of a touched page, unshare(CLONE_NEWNS),
//                      sendmmsg/recvmmsg on a UNIX socketpair,
//                      getsockopt SO_LINGER/SO_ERROR with lengths that
//                      cut the struct (or int) short, setsockopt of
//                      SOL_SOCKET ints (8 bytes, 2 bytes) and multicast
//                      memberships (ip_mreq, ipv6_mreq, group_req; whole
//                      and too short) on UDP sockets, get/setsockopt of
//                      option numbers named differently in each
//                      (IPT_SO_*, IP6T_SO_*, EBT_SO_*, IP_VS_SO_*,
//                      SO_GET_FILTER), options of other levels (SCTP,
//                      packet, Bluetooth, ...), a UDP datagram received on
//                      127.0.0.1:$TRACEE_UDP_PORT (default 47837) with
//                      IP_PKTINFO, IP_TTL and IP_TOS
//                      control messages,
//                      pidfd_send_signal/pidfd_getfd on its own pidfd,
//                      fcntl locks, owner and lease on a memfd,
//                      F_SETSIG/F_GETSIG, F_NOTIFY and the RW_HINT
//                      commands on it,
//                      ioprio_set/get, prctl secure bits/TSC/
//                      speculation/FP mode, PR_SET_MM, PR_MCE_KILL(_GET),
//                      PR_SET_UNALIGN, PR_SCHED_CORE, the SVE/PAC/tagged
//                      address options (EINVAL on x86), readahead, syncfs,
//                      userfaultfd, kcmp, perf_event_open (a software
//                      counter of itself, a hardware cache event, a short
//                      size, NULL), capget/capset of its own sets
//                      (unchanged), sched_getattr of itself (48 and 56
//                      bytes), sched_setattr of the same attributes and
//                      of a too small struct (E2BIG), a clone(CLONE_PIDFD)
//                      child
//                      exiting at once (reaped with wait4). Failures
//                      (EPERM when not root, ...) are part of the output;
//                      exits 0.
//   mempolicy          the NUMA memory-policy calls, with arguments and
//                      results that are the same on any machine (the
//                      mask of allowed nodes varies by machine, not by
//                      run): get_mempolicy of the default policy (masks of
//                      1025, 65, 66 and 1 bits, NULL, MPOL_F_MEMS_ALLOWED,
//                      MPOL_F_ADDR), set_mempolicy MPOL_LOCAL and back to
//                      MPOL_DEFAULT, mbind of an anonymous mapping
//                      (MPOL_DEFAULT, MPOL_PREFERRED with no node: local),
//                      migrate_pages and move_pages of pages never touched
//                      (-ENOENT) or unmapped (-EFAULT), and failures:
//                      EINVAL (unknown modes, mode flags and flags, empty
//                      masks, node -1: ENODEV), EFAULT (unreadable
//                      masks, one running into an unmapped page), ESRCH,
//                      set_mempolicy_home_node with bad flags or node;
//                      exits 0.
//   ipc                System V IPC on private objects it creates and
//                      removes: a shared memory segment (shmget, shmat
//                      twice, shmctl IPC_STAT/IPC_SET/SHM_LOCK/SHM_UNLOCK/
//                      IPC_RMID, shmdt), a set of 2 semaphores (semctl
//                      SETVAL/GETVAL/SETALL/GETALL/GETNCNT/GETPID/IPC_STAT/
//                      IPC_SET/IPC_RMID, semop, semtimedop with a 1 ms
//                      timeout) and a message queue (msgsnd of 2 messages,
//                      msgrcv of both, msgctl IPC_STAT/IPC_SET/IPC_RMID),
//                      with failures: a key assumed unused (0x7474ac01,
//                      ENOENT), NULL and bad ids and commands, an
//                      impossible huge page size, an empty queue
//                      (ENOMSG), a semaphore that cannot go below 0
//                      (EAGAIN). The ids, the segment's addresses, the
//                      times and pids in the structs vary from run to run;
//                      exits 0.
//   admin              system administration calls, all failing (bad fds,
//                      paths that do not exist, lengths or magic numbers
//                      the kernel refuses) or harmless: setns, pivot_root,
//                      syslog (buffer sizes, empty reads), sethostname/
//                      setdomainname (too long), acct, swapon/swapoff,
//                      reboot (bad magic), process_mrelease, the module
//                      calls; the mount API (a detached O_PATH open_tree
//                      of "/", all else failing); Landlock's ABI version
//                      and failing rulesets and rules; keyctl, add_key
//                      and request_key on keys that do not exist;
//                      bpf: a map, a socket filter program and a BTF
//                      object created (attached to nothing), their
//                      information, failing commands;
//                      seccomp queries, refused filters and, last, an
//                      allow-all filter; nothing on the machine is
//                      changed.
//   netlink            a NETLINK_ROUTE socket, bound (port id = the pid):
//                      an RTM_GETLINK request for interface 1 (lo) whose
//                      answer is received by recvmsg into 64 bytes (the
//                      header, ifinfomsg and first attributes; MSG_TRUNC),
//                      a request for interface 0x7fffffff with NLM_F_ACK
//                      whose NLMSG_ERROR (ENODEV, echoing the request) is
//                      received by recvfrom, two NLMSG_NOOP messages and a
//                      short tail sent by sendmsg without a name (strace
//                      shows them as strings: only a netlink msg_name
//                      makes it decode msg_iov as netlink); exits 0.
//   netlink_netns      `netlink` in a new network namespace (root only;
//                      in its own when unshare fails): a tracer that
//                      looks netlink sockets up in its own namespace, as
//                      strace, does not know these sockets' protocol.
//   netlink_more       a bound NETLINK_ROUTE socket: RTM_GETNETCONF for
//                      lo's IPv4 settings, an RTM_GETADDRLABEL dump,
//                      RTM_GETNSID of its own network namespace (by fd),
//                      RTM_GETSTATS of lo's (empty) AF_SPEC group and an
//                      RTM_GETNEXTHOP dump, each answer received by
//                      recvfrom; exits 0.
//   misc DIR           calls of decode_misc.cc with fixed arguments and
//                      results: openat2 (of /etc/passwd: an fd; with
//                      RESOLVE_BENEATH: EXDEV; a short or unreadable
//                      open_how), utimes/futimesat/utime of DIR/misc.txt
//                      (created) and of a missing file, process_vm_readv/
//                      writev of its own memory, clock_settime with bad
//                      arguments; an io_uring (io_uring_setup, _enter,
//                      _register: buffers (ENXIO, then an iovec), files
//                      (set, updated, unset), a probe of 4 ops, the io-wq
//                      limits and CPUs, files and buffers with tags (set,
//                      updated, too long: EINVAL), the ring's own fd
//                      registered and unregistered, a provided-buffer
//                      ring; a second ring restricted while disabled
//                      (one bad rule: EINVAL), then enabled) and failing
//                      io_uring calls,
//                      pkey_alloc/pkey_mprotect/pkey_free (PKEY -1 for
//                      a plain mprotect), fanotify_init/fanotify_mark of
//                      DIR and failing ones; get_robust_list, futex_waitv
//                      (EFAULT, EINVAL), name_to_handle_at of /etc/passwd
//                      (and too small: EOVERFLOW), open_by_handle_at (EBADF),
//                      failing mq_* calls, remap_file_pages and
//                      process_madvise (EINVAL, EBADF), memfd_secret, and
//                      Linux AIO: io_setup, io_submit of a pwrite of
//                      DIR/misc.txt, io_getevents, io_cancel (EINVAL),
//                      io_destroy; exits 0.
//   kvm                a tiny KVM guest (as strace's tests run one), on
//                      one CPU (sched_setaffinity: CPUID tells the CPU):
//                      the API version, capabilities checked (known, unknown),
//                      a VM with one memory slot and a vcpu whose kvm_run
//                      is mapped, the supported and emulated CPUID (too
//                      small: E2BIG, then in full) set on the vcpu and read
//                      back, registers and special registers read and
//                      written, the guest run until it halts (two port
//                      writes, then hlt: KVM_EXIT_IO twice, KVM_EXIT_HLT),
//                      and failing calls (NULL and unreadable structs, a
//                      bad vcpu id); the guest's output is not printed.
//                      When /dev/kvm cannot be opened, nothing but that
//                      open; exits 0 either way.
//   handlers           for -k: SIGUSR1's handler calls getppid() and sends
//                      itself SIGUSR2, whose handler calls getppid() too:
//                      stacks through one and two signal frames.
//   unknown            numbers strace has no name for: syscall_0x190 (a gap
//                      in x86_64's table) and syscall_0x258 (beyond it),
//                      all six arguments set, = -1 ENOSYS; then getpid()
//                      and close(-1) = -1 EBADF.
//   ptrace             a tracer's requests (SIGCHLD blocked): a child
//                      cloned with CLONE_UNTRACED (strace -f and ttrace -f
//                      leave it alone) sleeps in pause(), polled as `pids`
//                      polls; it is seized, interrupted, its memory, user
//                      area, registers (whole, in parts, FPU, XSAVE), signal
//                      mask and pending signals read and written, pause's
//                      entry and exit seen at syscall stops, SIGUSR2's
//                      delivery suppressed, then it is detached and killed;
//                      bad requests, options, sizes and addresses between.
//   stdlib DIR         calls a language runtime's standard library makes
//                      (those of Python's os, mmap, fcntl, signal), with
//                      fixed arguments and results: msync with every flag
//                      set (MS_SYNC|MS_ASYNC: EINVAL), mremap, madvise;
//                      on DIR/stdlib.txt (created, removed): F_OFD_SETLK/
//                      F_OFD_GETLK, flock, fadvise64, fallocate, sendfile,
//                      copy_file_range and splice through a pipe,
//                      utimensat with nanoseconds; SIGUSR1 (handled)
//                      pending while blocked, released by rt_sigsuspend
//                      (ERESTARTNOHAND, for -e raw=); flags strace names
//                      from whole tables or shows in its own way, each call
//                      failing before it acts: unlinkat, linkat,
//                      utimensat, dup3, timerfd_create, mremap (without
//                      new_address unless MAYMOVE|FIXED), renameat2,
//                      userfaultfd, semget, memfd_create, statx; socket
//                      protocols of AX.25, IrDA, CAN, Bluetooth, RxRPC,
//                      ISDN, Phonet, CAIF, NFC, KCM, SMC and packet
//                      sockets (type 99: EINVAL), fcntl commands 12-14 on
//                      fd -1; SIOCADDMULTI/SIOCDELMULTI on a missing
//                      interface (ENODEV); on a pty (or fd -1 without
//                      one): TCGETS2/TCSETS2/TCSETSW2, TCGETA/TCSETAF,
//                      TIOCGLCKTRMIOS, TIOCPKT, TIOC[GS]SOFTCAR, TIOCSTI;
//                      fsync of the slave once the master is closed (its
//                      node removed); exits 0.
//   quota              quotactl of every command (and unknown ones) on a
//                      special file that does not exist (ENOENT), with
//                      good, odd and bad structures; quotactl_fd on a bad
//                      fd (EBADF); setsockopt, getsockopt and sendmsg's
//                      control messages at the levels AF_VSOCK (40),
//                      SOL_CAN_RAW (101) and 1000; kexec_load,
//                      kexec_file_load, ioperm, iopl, uselib,
//                      lookup_dcookie and _sysctl, all failing;
//                      modify_ldt, get/set_thread_area, ustat and
//                      io_pgetevents; exits 0.
#include <arpa/inet.h>
#include <asm/ldt.h>
#include <elf.h>
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <linux/bpf.h>
#include <linux/btf.h>
#include <linux/capability.h>
#include <linux/close_range.h>
#include <linux/dqblk_xfs.h>
#include <linux/fd.h>
#include <linux/fiemap.h>
#include <linux/filter.h>
#include <linux/fs.h>
#include <linux/futex.h>
#include <linux/if_addrlabel.h>
#include <linux/if_alg.h>
#include <linux/if_link.h>
#include <linux/if_packet.h>
#include <linux/io_uring.h>
#include <linux/kexec.h>
#include <linux/kvm.h>
#include <linux/loop.h>
#include <linux/net_namespace.h>
#include <linux/net_tstamp.h>
#include <linux/netconf.h>
#include <linux/netlink.h>
#include <linux/nfc.h>
#include <linux/nsfs.h>
#include <linux/openat2.h>
#include <linux/perf_event.h>
#include <linux/ptrace.h>
#include <linux/quota.h>
#include <linux/rtnetlink.h>
#include <mqueue.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <sched.h>
#include <signal.h>
#include <sys/fanotify.h>
#include <sys/ioctl.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include <climits>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "tests/tracees/tracee_util.h"

namespace {

using tracee::Die;

void SleepMs(int ms) {
  timespec ts{0, ms * 1000000L};
  nanosleep(&ts, nullptr);
}

// Reads a small /proc file (openat/pread64/close: no read(), so that the
// only read() calls after start-up are the scenario's own).
std::string ReadSmallFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "";
  char buf[512];
  ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
  close(fd);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : "";
}

// True when thread `tid` of this process sleeps inside read() (syscall 0).
bool BlockedInRead(pid_t tid) {
  static const pid_t pid = getpid();  // one getpid() call, not one per poll
  const std::string task =
      "/proc/" + std::to_string(pid) + "/task/" + std::to_string(tid);
  const std::string stat = ReadSmallFile(task + "/stat");
  const size_t paren = stat.rfind(')');
  if (paren == std::string::npos || paren + 2 >= stat.size()) return false;
  if (stat[paren + 2] != 'S') return false;
  return ReadSmallFile(task + "/syscall").rfind("0 ", 0) == 0;
}

void WaitBlockedInRead(const std::atomic<int>& tid) {
  while (tid.load() == 0) SleepMs(1);
  for (int i = 0; i < 20000 && !BlockedInRead(tid.load()); ++i) SleepMs(1);
  if (!BlockedInRead(tid.load())) {
    errno = ETIMEDOUT;
    Die("thread never blocked in read");
  }
}

void NewPipe(int fds[2]) {
  if (pipe(fds) != 0) Die("pipe");
}

// ---- known DIR ----
void OnUsr1(int) {}

// No heap allocation once the sequence has started: under a sanitizer
// (bazel test --config=asan) malloc makes syscalls of its own.
int Known(const char* dir) {
  char path[PATH_MAX];
  if (std::snprintf(path, sizeof(path), "%s/known.txt", dir) >=
      static_cast<int>(sizeof(path))) {
    errno = ENAMETOOLONG;
    Die(dir);
  }
  if (syscall(SYS_openat, AT_FDCWD, "/nonexistent/x", O_RDONLY) != -1 ||
      errno != ENOENT) {
    Die("openat /nonexistent/x");
  }
  int fd = static_cast<int>(
      syscall(SYS_openat, AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, 0644));
  if (fd != 3) Die("openat known.txt (want fd 3)");
  static const char kHello[] = "hello, world\n";
  if (write(fd, kHello, sizeof(kHello) - 1) != sizeof(kHello) - 1) {
    Die("write");
  }
  if (close(fd) != 0) Die("close");
  fd = static_cast<int>(syscall(SYS_openat, AT_FDCWD, "/dev/zero", O_RDONLY));
  if (fd != 3) Die("openat /dev/zero (want fd 3)");
  char buf[100];
  if (read(fd, buf, sizeof(buf)) != sizeof(buf)) Die("read");
  if (close(fd) != 0) Die("close");
  const pid_t pid = static_cast<pid_t>(syscall(SYS_getpid));
  if (syscall(SYS_kill, pid, 0) != 0) Die("kill 0");
  umask(077);
  if (umask(022) != 077) Die("umask");
  void* p = mmap(nullptr, 4096, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) Die("mmap");
  if (munmap(p, 4096) != 0) Die("munmap");
  if (syscall(SYS_close, -1) != -1 || errno != EBADF) Die("close(-1)");
  struct sigaction sa {};
  sa.sa_handler = OnUsr1;
  sigemptyset(&sa.sa_mask);
  if (sigaction(SIGUSR1, &sa, nullptr) != 0) Die("sigaction");
  if (syscall(SYS_kill, pid, SIGUSR1) != 0) Die("kill SIGUSR1");
  syscall(SYS_exit_group, 0);
  return tracee::kFailCode;
}

// ---- threads_blocking ----
struct Reader {
  int fd = -1;
  std::atomic<int> tid{0};
  char got = 0;
};

void* ReadOne(void* arg) {
  auto* r = static_cast<Reader*>(arg);
  r->tid.store(tracee::GetTid());
  if (read(r->fd, &r->got, 1) != 1) Die("read");
  return nullptr;
}

int ThreadsBlocking() {
  int a[2], b[2];
  NewPipe(a);
  NewPipe(b);
  Reader ra, rb;
  ra.fd = a[0];
  rb.fd = b[0];
  pthread_t ta, tb;
  if (pthread_create(&ta, nullptr, ReadOne, &ra) != 0) Die("pthread_create");
  if (pthread_create(&tb, nullptr, ReadOne, &rb) != 0) Die("pthread_create");
  WaitBlockedInRead(ra.tid);
  WaitBlockedInRead(rb.tid);
  if (write(a[1], "a", 1) != 1) Die("write a");
  pthread_join(ta, nullptr);
  if (write(b[1], "b", 1) != 1) Die("write b");
  pthread_join(tb, nullptr);
  if (ra.got != 'a' || rb.got != 'b') {
    errno = EINVAL;
    Die("wrong bytes read");
  }
  return 0;
}

// ---- storm N ----
int Storm(int n) {
  for (int i = 0; i < n; ++i) syscall(SYS_getppid);
  return 0;
}

// ---- exit_in_syscall ----
int ExitInSyscall() {
  int p[2];
  NewPipe(p);
  Reader r;
  r.fd = p[0];
  pthread_t t;
  if (pthread_create(&t, nullptr, ReadOne, &r) != 0) Die("pthread_create");
  WaitBlockedInRead(r.tid);
  syscall(SYS_exit_group, 0);
  return tracee::kFailCode;
}

// ---- split ----
// True when thread `tid` of this process is stopped or asleep in syscall
// `nr` (at a tracer's syscall-entry stop, /proc shows the call too) with
// second argument `arg1` (any when negative).
bool InSyscall(pid_t tid, long nr, long arg1) {
  static const pid_t pid = getpid();  // one getpid() call, not one per poll
  const std::string line =
      ReadSmallFile("/proc/" + std::to_string(pid) + "/task/" +
                    std::to_string(tid) + "/syscall");
  char want[64];
  if (arg1 < 0) {
    std::snprintf(want, sizeof(want), "%ld ", nr);
  } else {
    // "NR 0xARG0 0xARG1 ...": skip the first argument.
    const size_t space = line.find(' ', line.find(' ') + 1);
    if (line.rfind(std::to_string(nr) + " ", 0) != 0 ||
        space == std::string::npos) {
      return false;
    }
    std::snprintf(want, sizeof(want), " 0x%lx ", arg1);
    return line.compare(space, strlen(want), want) == 0;
  }
  return line.rfind(want, 0) == 0;
}

struct Splitter {
  std::atomic<int> tid{0};  // the main thread's
};

// The main thread's calls, in order: syscall number and second argument.
constexpr long kSplitCalls[][2] = {
    {SYS_ioctl, FIONREAD},
    {SYS_getdents64, -1},
    {SYS_fcntl, F_GETLK},
    {SYS_fcntl, F_GETOWN_EX},
    {SYS_ioctl, SIOCGIFCONF},
    {SYS_sendmmsg, -1},
    {SYS_recvmmsg, -1},
    {SYS_io_uring_register, IORING_REGISTER_IOWQ_MAX_WORKERS},
    {SYS_perf_event_open, 0},
};

// Waits for the main thread to be in each of its calls in turn and makes
// one getppid call each time.
void* SplitCalls(void* arg) {
  auto* s = static_cast<Splitter*>(arg);
  for (const auto& call : kSplitCalls) {
    int i = 0;
    for (; i < 20000 && !InSyscall(s->tid.load(), call[0], call[1]); ++i) {
      SleepMs(1);
    }
    if (i == 20000) {
      errno = ETIMEDOUT;
      Die("main thread never seen in its call");
    }
    syscall(SYS_getppid);
  }
  return nullptr;
}

int Split() {
  Splitter splitter;
  splitter.tid.store(tracee::GetTid());
  int p[2];
  NewPipe(p);
  if (write(p[1], "ab", 2) != 2) Die("write");
  const int dir = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) Die("open /");
  const int mfd = memfd_create("split", MFD_CLOEXEC);
  if (mfd < 0) Die("memfd_create");
  const int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (sock < 0) Die("socket");
  int pair[2];
  if (socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, pair) != 0) {
    Die("socketpair");
  }
  io_uring_params params{};
  const int ring = static_cast<int>(syscall(SYS_io_uring_setup, 4, &params));
  if (ring < 0) Die("io_uring_setup");
  pthread_t t;
  if (pthread_create(&t, nullptr, SplitCalls, &splitter) != 0) {
    Die("pthread_create");
  }
  int n = 0;
  if (ioctl(p[0], FIONREAD, &n) != 0 || n != 2) Die("FIONREAD");
  alignas(8) static char dents[4096];
  if (syscall(SYS_getdents64, dir, dents, sizeof(dents)) <= 0) {
    Die("getdents64");
  }
  struct flock lock {};
  lock.l_type = F_WRLCK;
  lock.l_len = 10;
  if (fcntl(mfd, F_GETLK, &lock) != 0) Die("F_GETLK");
  f_owner_ex owner{};
  if (fcntl(mfd, F_GETOWN_EX, &owner) != 0) Die("F_GETOWN_EX");
  ifconf conf{};  // NULL buffer: the kernel says the length it needs
  if (ioctl(sock, SIOCGIFCONF, &conf) != 0) Die("SIOCGIFCONF");
  char byte = 'x';
  iovec iov = {&byte, 1};
  mmsghdr msg{};
  msg.msg_hdr.msg_iov = &iov;
  msg.msg_hdr.msg_iovlen = 1;
  if (sendmmsg(pair[0], &msg, 1, MSG_NOSIGNAL) != 1) Die("sendmmsg");
  if (recvmmsg(pair[1], &msg, 1, MSG_DONTWAIT, nullptr) != 1) {
    Die("recvmmsg");
  }
  uint32_t workers[2] = {0, 0};  // 0: only read the limits
  if (syscall(SYS_io_uring_register, ring, IORING_REGISTER_IOWQ_MAX_WORKERS,
              workers, 2) != 0) {
    Die("IORING_REGISTER_IOWQ_MAX_WORKERS");
  }
  // A software counter of this thread (whether it opens or not: only the
  // attributes show in the trace).
  perf_event_attr attr{};
  attr.type = PERF_TYPE_SOFTWARE;
  attr.size = sizeof(attr);
  attr.config = PERF_COUNT_SW_DUMMY;
  attr.disabled = 1;
  attr.exclude_kernel = 1;
  attr.exclude_hv = 1;
  const long perf = syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
  if (perf >= 0) close(static_cast<int>(perf));
  pthread_join(t, nullptr);
  return 0;
}

// ---- held_break ----
// The main thread reads one byte from a pipe; once it blocks there, thread
// B sends itself SIGUSR1 (handled) with tgkill and ends; thread C, once B
// has ended and been reaped, writes "a" to the pipe and ends only after the
// read has returned. So the lines come in one order: read's entry, B's signal,
// B's exit, read's end, C's exit.
struct HeldBreak {
  std::atomic<int> tid{0};  // the main thread's
  std::atomic<bool> read_done{false};
  int write_fd = -1;
  pthread_t signaller{};
  std::atomic<int> signaller_tid{0};
};

void* HeldBreakSignaller(void* arg) {
  auto* h = static_cast<HeldBreak*>(arg);
  h->signaller_tid.store(tracee::GetTid());
  int i = 0;
  for (; i < 20000 && !InSyscall(h->tid.load(), SYS_read, -1); ++i) {
    SleepMs(1);
  }
  if (i == 20000) {
    errno = ETIMEDOUT;
    Die("main thread never seen in read");
  }
  syscall(SYS_tgkill, getpid(), tracee::GetTid(), SIGUSR1);
  return nullptr;
}

void* HeldBreakWriter(void* arg) {
  auto* h = static_cast<HeldBreak*>(arg);
  pthread_join(h->signaller, nullptr);
  // The join returns when the kernel clears B's tid, before a tracer has
  // reaped B (and printed its exit line): its /proc entry goes only then.
  const std::string task =
      "/proc/self/task/" + std::to_string(h->signaller_tid.load());
  for (int i = 0; i < 20000 && access(task.c_str(), F_OK) == 0; ++i) {
    SleepMs(1);
  }
  if (write(h->write_fd, "a", 1) != 1) Die("write");
  while (!h->read_done.load()) SleepMs(1);
  return nullptr;
}

int HeldBreakScenario() {
  struct sigaction sa {};
  sa.sa_handler = OnUsr1;
  if (sigaction(SIGUSR1, &sa, nullptr) != 0) Die("sigaction");
  HeldBreak h;
  h.tid.store(tracee::GetTid());
  int p[2];
  NewPipe(p);
  h.write_fd = p[1];
  pthread_t writer;
  if (pthread_create(&h.signaller, nullptr, HeldBreakSignaller, &h) != 0 ||
      pthread_create(&writer, nullptr, HeldBreakWriter, &h) != 0) {
    Die("pthread_create");
  }
  char c = 0;
  if (read(p[0], &c, 1) != 1 || c != 'a') Die("read");
  h.read_done.store(true);
  pthread_join(writer, nullptr);
  return 0;
}

// ---- ppid_threads N ----
pid_t g_real_ppid = 0;

void* ThreeGetppid(void* arg) {
  const int index = static_cast<int>(reinterpret_cast<intptr_t>(arg));
  long r[3];
  for (long& v : r) v = syscall(SYS_getppid);
  std::string line = std::to_string(index) + ":";
  for (long v : r) {
    line += " " + (v == g_real_ppid ? std::string("P") : std::to_string(v));
  }
  std::printf("%s\n", line.c_str());
  std::fflush(stdout);
  return nullptr;
}

int PpidThreads(int n) {
  // Read without a syscall of the main thread's own: getppid through /proc
  // would be a syscall too, and the main thread's calls count apart anyway.
  g_real_ppid = getppid();
  for (int i = 0; i < n; ++i) {
    pthread_t t;
    if (pthread_create(&t, nullptr, ThreeGetppid,
                       reinterpret_cast<void*>(static_cast<intptr_t>(i))) !=
        0) {
      Die("pthread_create");
    }
    pthread_join(t, nullptr);
  }
  return 0;
}

// ---- sockets DIR ----
int Sockets(const char* dir) {
  auto check = [](int r, const char* what) {
    if (r < 0) Die(what);
    return r;
  };
  sockaddr_in in{};
  in.sin_family = AF_INET;
  in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof in;
  const int listener = check(socket(AF_INET, SOCK_STREAM, 0), "socket");
  check(bind(listener, reinterpret_cast<sockaddr*>(&in), sizeof in), "bind");
  check(listen(listener, 4), "listen");
  check(getsockname(listener, reinterpret_cast<sockaddr*>(&in), &len),
        "getsockname");
  const int client = check(socket(AF_INET, SOCK_STREAM, 0), "socket");
  check(connect(client, reinterpret_cast<sockaddr*>(&in), sizeof in),
        "connect");
  const int server = check(accept(listener, nullptr, nullptr), "accept");
  const int udp = check(socket(AF_INET, SOCK_DGRAM, 0), "socket");
  check(connect(udp, reinterpret_cast<sockaddr*>(&in), sizeof in), "connect");
  int pair[2];
  check(socketpair(AF_UNIX, SOCK_STREAM, 0, pair), "socketpair");
  sockaddr_un un{};
  un.sun_family = AF_UNIX;
  std::snprintf(un.sun_path, sizeof un.sun_path, "%s/sock", dir);
  unlink(un.sun_path);
  const int ulisten = check(socket(AF_UNIX, SOCK_STREAM, 0), "socket");
  check(bind(ulisten, reinterpret_cast<sockaddr*>(&un), sizeof un), "bind");
  check(listen(ulisten, 4), "listen");
  const int uclient = check(socket(AF_UNIX, SOCK_STREAM, 0), "socket");
  check(connect(uclient, reinterpret_cast<sockaddr*>(&un), sizeof un),
        "connect");
  const int userver = check(accept(ulisten, nullptr, nullptr), "accept");
  // Abstract names are one namespace for every process of the network
  // namespace: this pid's own, so that runs in parallel do not collide.
  sockaddr_un abs{};
  abs.sun_family = AF_UNIX;
  const int abs_len = std::snprintf(abs.sun_path + 1, sizeof abs.sun_path - 1,
                                    "ttrace-test-%d", getpid());
  const int dgram = check(socket(AF_UNIX, SOCK_DGRAM, 0), "socket");
  check(bind(dgram, reinterpret_cast<sockaddr*>(&abs),
             static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 +
                                    abs_len)),
        "bind");
  sockaddr_in6 in6{};
  in6.sin6_family = AF_INET6;
  in6.sin6_addr = in6addr_loopback;
  const int v6 = socket(AF_INET6, SOCK_STREAM, 0);  // no IPv6: skipped
  if (v6 >= 0 && bind(v6, reinterpret_cast<sockaddr*>(&in6), sizeof in6) == 0) {
    listen(v6, 4);
  }
  // Unconnected: no peer.
  const int lone = check(socket(AF_UNIX, SOCK_STREAM, 0), "socket");
  const int null = check(open("/dev/null", O_WRONLY), "open");
  sockaddr_storage ss;
  for (int fd : {listener, client, server, udp, pair[0], ulisten, uclient,
                 userver, dgram, v6, lone}) {
    if (fd < 0) continue;
    socklen_t n = sizeof ss;
    check(getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &n), "getsockname");
  }
  check(static_cast<int>(write(null, "n", 1)), "write");
  unlink(un.sun_path);
  return 0;
}

// ---- decoders ----
int Decoders() {
  // personality: set, query, restore (the result is the previous one).
  const long prev = syscall(SYS_personality, 0xffffffffUL);
  syscall(SYS_personality, 0x40000UL);  // ADDR_NO_RANDOMIZE
  syscall(SYS_personality, 0xffffffffUL);
  syscall(SYS_personality, static_cast<unsigned long>(prev));
  // A handler with the historical SA_INTERRUPT bit and an upper word set (as
  // zstd installs its handlers): strace names SA_INTERRUPT.
  {
    struct {
      unsigned long handler, flags, restorer, mask;
    } act = {1 /* SIG_IGN */, 0xffffffffe0000000UL | 0x40000000UL, 0, 0},
      prev_act = {};
    syscall(SYS_rt_sigaction, SIGURG, &act, &prev_act, 8);
    syscall(SYS_rt_sigaction, SIGURG, &prev_act, nullptr, 8);
  }
  syscall(SYS_close_range, 3U, 3U, 0U);
  syscall(SYS_close_range, 50U, 0x7fffffffU,
          CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC);
  // NULL outputs of failed calls.
  const int null = open("/dev/null", O_RDONLY);
  if (null < 0) Die("open /dev/null");
  int p[2];
  NewPipe(p);
  syscall(SYS_ioctl, null, TCGETS, nullptr);
  syscall(SYS_ioctl, p[0], FIONREAD, nullptr);
  syscall(SYS_statx, AT_FDCWD, "/etc", 0, 0x7ffU /* STATX_BASIC_STATS */,
          nullptr);
  syscall(SYS_ioctl, null, FICLONE, p[0]);
  // Inode flags: set (EBADF; shown at entry, unnamed bits in hex) and read.
  int iflags = 0x80080;  // FS_NOATIME_FL|FS_EXTENT_FL
  syscall(SYS_ioctl, -1, FS_IOC_SETFLAGS, &iflags);
  iflags = 0x45001000;
  syscall(SYS_ioctl, -1, FS_IOC32_SETFLAGS, &iflags);
  const int passwd = open("/etc/passwd", O_RDONLY);
  syscall(SYS_ioctl, passwd, FS_IOC_GETFLAGS, &iflags);
  syscall(SYS_ioctl, passwd, FS_IOC_GETFLAGS, nullptr);
  // struct fsxattr and the file system label: of /etc/passwd, of
  // /dev/null (ENOTTY), NULL, and the setters on fd -1.
  {
    fsxattr xattr{};
    syscall(SYS_ioctl, passwd, FS_IOC_FSGETXATTR, &xattr);
    syscall(SYS_ioctl, null, FS_IOC_FSGETXATTR, &xattr);
    syscall(SYS_ioctl, passwd, FS_IOC_FSGETXATTR, nullptr);
    xattr = {
        FS_XFLAG_IMMUTABLE | FS_XFLAG_NOATIME | 0x40000000, 4096, 3, 7, 8, {1}};
    syscall(SYS_ioctl, -1, FS_IOC_FSSETXATTR, &xattr);
    char label[FSLABEL_MAX];
    syscall(SYS_ioctl, passwd, FS_IOC_GETFSLABEL, label);
    syscall(SYS_ioctl, null, FS_IOC_GETFSLABEL, label);
    strcpy(label, "data");
    syscall(SYS_ioctl, -1, FS_IOC_SETFSLABEL, label);
    memset(label, 'L', sizeof label);  // no NUL
    syscall(SYS_ioctl, -1, FS_IOC_SETFSLABEL, label);
    syscall(SYS_ioctl, -1, FS_IOC_SETFSLABEL, nullptr);
  }
  if (passwd >= 0) close(passwd);
  // Loop device and FITRIM/FIFREEZE ioctls on no fd (EBADF).
  syscall(SYS_ioctl, -1, LOOP_CTL_GET_FREE);
  syscall(SYS_ioctl, -1, LOOP_CTL_ADD, -1L);
  syscall(SYS_ioctl, -1, LOOP_SET_FD, null);
  syscall(SYS_ioctl, -1, LOOP_CLR_FD);
  syscall(SYS_ioctl, -1, LOOP_SET_BLOCK_SIZE, 4096);
  // The loop status structures: getters on a non-loop fd (ENOTTY) and
  // fd -1, setters with and without an encryption type, LOOP_CONFIGURE
  // with and without __reserved set, NULL.
  {
    loop_info info{};
    loop_info64 info64{};
    syscall(SYS_ioctl, null, LOOP_GET_STATUS, &info);
    syscall(SYS_ioctl, -1, LOOP_GET_STATUS64, &info64);
    syscall(SYS_ioctl, null, LOOP_GET_STATUS64, nullptr);
    info.lo_number = 3;
    info.lo_device = makedev(8, 1);
    info.lo_inode = 12;
    info.lo_offset = 512;
    info.lo_flags = LO_FLAGS_READ_ONLY | LO_FLAGS_AUTOCLEAR | 0x100;
    strcpy(info.lo_name, "/tmp/loop.img");
    info.lo_encrypt_key_size = 3;
    syscall(SYS_ioctl, -1, LOOP_SET_STATUS, &info);
    info.lo_encrypt_type = LO_CRYPT_XOR;
    memcpy(info.lo_encrypt_key, "k1", 2);
    info.lo_init[1] = 9;
    syscall(SYS_ioctl, null, LOOP_SET_STATUS, &info);
    info64.lo_rdevice = makedev(8, 2);
    info64.lo_offset = 4096;
    info64.lo_sizelimit = 1 << 20;
    info64.lo_number = 7;
    info64.lo_flags = LO_FLAGS_PARTSCAN | LO_FLAGS_DIRECT_IO;
    memset(info64.lo_file_name, 'f', sizeof info64.lo_file_name);  // no NUL
    syscall(SYS_ioctl, -1, LOOP_SET_STATUS64, &info64);
    info64.lo_encrypt_type = 99;
    info64.lo_encrypt_key_size = 40;
    strcpy(reinterpret_cast<char*>(info64.lo_crypt_name), "cbc");
    memset(info64.lo_encrypt_key, 'K', sizeof info64.lo_encrypt_key);
    syscall(SYS_ioctl, -1, LOOP_SET_STATUS64, &info64);
    loop_config config{};
    config.fd = null;
    config.block_size = 4096;
    config.info = info64;
    config.info.lo_encrypt_type = LO_CRYPT_NONE;
    syscall(SYS_ioctl, -1, LOOP_CONFIGURE, &config);
    config.__reserved[7] = 1;
    syscall(SYS_ioctl, -1, LOOP_CONFIGURE, &config);
    syscall(SYS_ioctl, -1, LOOP_CONFIGURE, nullptr);
  }
  fstrim_range trim = {0, ~0ULL, 512};
  syscall(SYS_ioctl, -1, FITRIM, &trim);
  syscall(SYS_ioctl, -1, FIFREEZE, 0);
  // Block device ioctls: outputs (ENOTTY on /dev/null) and inputs (EBADF).
  int blk_int = 4096;
  syscall(SYS_ioctl, null, BLKGETSIZE64, &trim);
  syscall(SYS_ioctl, null, BLKSSZGET, &blk_int);
  syscall(SYS_ioctl, null, BLKRRPART);
  syscall(SYS_ioctl, -1, BLKBSZSET, &blk_int);
  syscall(SYS_ioctl, -1, BLKRASET, 256);
  syscall(SYS_ioctl, -1, BLKDISCARD, &trim);
  syscall(SYS_ioctl, -1, FIBMAP, &blk_int);
  // FS_IOC_FIEMAP: the extents of /etc/passwd (or EOPNOTSUPP), then a
  // request with unknown flags on no fd.
  alignas(fiemap) char map_buf[sizeof(fiemap) + 4 * sizeof(fiemap_extent)] = {};
  fiemap* map = reinterpret_cast<fiemap*>(map_buf);
  map->fm_length = ~0ULL;
  map->fm_extent_count = 4;
  const int mapped = open("/etc/passwd", O_RDONLY);
  syscall(SYS_ioctl, mapped, FS_IOC_FIEMAP, map);
  if (mapped >= 0) close(mapped);
  map->fm_flags = FIEMAP_FLAG_SYNC | 0x10;
  syscall(SYS_ioctl, -1, FS_IOC_FIEMAP, map);
  syscall(SYS_ioctl, null, FDGETPRM, map_buf);  // as mkfs.ext4 asks
  // The nsfs ioctls on its own namespaces.
  const int netns = open("/proc/self/ns/net", O_RDONLY);
  const int userns = open("/proc/self/ns/user", O_RDONLY);
  const long owner_ns = syscall(SYS_ioctl, netns, NS_GET_USERNS);
  if (owner_ns >= 0) close(static_cast<int>(owner_ns));
  syscall(SYS_ioctl, netns, NS_GET_PARENT);  // EINVAL: not hierarchical
  syscall(SYS_ioctl, netns, NS_GET_NSTYPE);
  syscall(SYS_ioctl, userns, NS_GET_NSTYPE);
  unsigned owner_uid = 7;
  syscall(SYS_ioctl, userns, NS_GET_OWNER_UID, &owner_uid);
  syscall(SYS_ioctl, netns, NS_GET_OWNER_UID, &owner_uid);  // EINVAL
  syscall(SYS_ioctl, userns, NS_GET_OWNER_UID, nullptr);
  if (netns >= 0) close(netns);
  if (userns >= 0) close(userns);
  // ioctls on a bad fd (EBADF): named pointers shown NULL, no argument
  // (TIOCSBRK), named values (TCFLSH, TCXONC), socket ioctl names, a
  // private socket ioctl (a number).
  for (unsigned long code :
       {0x5412UL /* TIOCSTI */, 0x5427UL /* TIOCSBRK */, 0x2UL /* FIGETBSZ */,
        0x80081272UL /* BLKGETSIZE64 */, 0x8915UL /* SIOCGIFADDR */,
        0x89a2UL /* SIOCBRADDIF */, 0x89f0UL /* SIOCDEVPRIVATE */}) {
    syscall(SYS_ioctl, -1, code, 0);
  }
  syscall(SYS_ioctl, -1, 0x540bUL /* TCFLSH */, 2 /* TCIOFLUSH */);
  syscall(SYS_ioctl, -1, 0x540aUL /* TCXONC */, 7);
  // The socket interface ioctls (struct ifreq) on a UDP socket, about lo
  // (the same on any machine), an unknown interface (ENODEV), NULL, and
  // the setters on fd -1 (EBADF; nothing changes).
  {
    const int udp = socket(AF_INET, SOCK_DGRAM, 0);
    ifreq ifr{};
    ifr.ifr_ifindex = 1;  // lo
    ioctl(udp, SIOCGIFNAME, &ifr);
    strcpy(ifr.ifr_name, "lo");
    for (unsigned long code :
         {SIOCGIFINDEX, SIOCGIFFLAGS, SIOCGIFMTU, SIOCGIFHWADDR, SIOCGIFADDR,
          SIOCGIFNETMASK, SIOCGIFBRDADDR, SIOCGIFDSTADDR, SIOCGIFMETRIC,
          SIOCGIFTXQLEN, SIOCGIFMAP}) {
      ioctl(udp, code, &ifr);
    }
    ioctl(udp, SIOCGIFMTU, nullptr);
    strcpy(ifr.ifr_name, "nonexistent0");
    ioctl(udp, SIOCGIFMTU, &ifr);
    memset(ifr.ifr_name, 'a', sizeof ifr.ifr_name);  // no NUL
    ifr.ifr_mtu = 1500;
    ioctl(-1, SIOCSIFMTU, &ifr);
    strcpy(ifr.ifr_name, "lo");
    ioctl(-1, SIOCSIFMETRIC, &ifr);
    ioctl(-1, SIOCSIFTXQLEN, &ifr);
    ifr.ifr_flags = static_cast<short>(IFF_UP | IFF_DYNAMIC | 0x4000);
    ioctl(-1, SIOCSIFFLAGS, &ifr);
    ifr.ifr_addr.sa_family = AF_INET;
    ioctl(-1, SIOCSIFADDR, &ifr);
    ioctl(-1, SIOCSIFNETMASK, &ifr);
    ioctl(-1, SIOCSIFBRDADDR, &ifr);
    ioctl(-1, SIOCSIFDSTADDR, &ifr);
    memcpy(ifr.ifr_hwaddr.sa_data, "\x02\x11\x22\x33\x44\x55\x66", 7);
    ifr.ifr_hwaddr.sa_family = 1;  // ARPHRD_ETHER: 6 bytes shown
    ioctl(-1, SIOCSIFHWADDR, &ifr);
    ifr.ifr_hwaddr.sa_family = 0xfffe;  // ARPHRD_NONE: all 14
    ioctl(-1, SIOCSIFHWADDR, &ifr);
    ifr.ifr_hwaddr.sa_family = 290;  // ARPHRD_MCTP: 1 byte
    ioctl(-1, SIOCSIFHWADDR, &ifr);
    ifr.ifr_map = {0x1000, 0x1fff, 0x300, 5, 1, 2};
    ioctl(-1, SIOCSIFMAP, &ifr);
    strcpy(ifr.ifr_newname, "lo2");
    ioctl(-1, SIOCSIFNAME, &ifr);
    // SIOCGIFCONF: room for one interface (lo's address, or none), too
    // little room for any, no buffer (the length needed), NULL, fd -1.
    ifreq conf_buf[1];
    ifconf conf{};
    conf.ifc_len = sizeof conf_buf;
    conf.ifc_buf = reinterpret_cast<char*>(conf_buf);
    ioctl(udp, SIOCGIFCONF, &conf);
    conf.ifc_len = 30;
    ioctl(udp, SIOCGIFCONF, &conf);
    ioctl(-1, SIOCGIFCONF, &conf);
    conf.ifc_len = 0;
    conf.ifc_buf = nullptr;
    ioctl(udp, SIOCGIFCONF, &conf);
    ioctl(udp, SIOCGIFCONF, nullptr);
    close(udp);
  }
  syscall(SYS_fcntl, null, F_DUPFD_CLOEXEC, 140737338699642UL);
  // dup2/dup3 onto an open fd (-y shows its path before the call).
  const int target = open("/dev/zero", O_RDONLY);
  if (target < 0) Die("open /dev/zero");
  syscall(SYS_dup2, null, target);
  syscall(SYS_dup3, p[0], target, O_CLOEXEC);
  close(target);
  // A POSIX timer, never expiring while armed.
  sigevent ev{};
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = SIGALRM;
  int timer = -1;
  if (syscall(SYS_timer_create, CLOCK_REALTIME, &ev, &timer) != 0) {
    Die("timer_create");
  }
  itimerspec its{{0, 0}, {10, 200000000}};
  syscall(SYS_timer_settime, timer, 0, &its, nullptr);
  itimerspec zero{};
  syscall(SYS_timer_settime, timer, 0, &zero, nullptr);
  syscall(SYS_timer_gettime, timer, &its);
  syscall(SYS_timer_getoverrun, timer);
  syscall(SYS_timer_delete, timer);
  // The same with an interval timer.
  itimerval iv{{0, 0}, {10, 50000}}, old;
  syscall(SYS_setitimer, ITIMER_REAL, &iv, &old);
  itimerval off{};
  syscall(SYS_setitimer, ITIMER_REAL, &off, nullptr);
  syscall(SYS_getitimer, ITIMER_REAL, &old);
  uint64_t pending = 0;
  syscall(SYS_rt_sigpending, &pending, 8);
  sched_param param{};
  syscall(SYS_sched_setscheduler, 0, SCHED_BATCH, &param);
  syscall(SYS_sched_setparam, 0, &param);
  timespec slice;
  syscall(SYS_sched_rr_get_interval, 0, &slice);
  // Memory: a touched page.
  void* m = mmap(nullptr, 65536, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) Die("mmap");
  static_cast<volatile char*>(m)[0] = 1;
  syscall(SYS_mlock, m, 4096);
  syscall(SYS_munlock, m, 4096);
  syscall(SYS_mlockall, MCL_CURRENT);
  syscall(SYS_munlockall);
  syscall(SYS_msync, m, 65536, MS_SYNC);
  unsigned char vec[1];
  syscall(SYS_mincore, m, 4096, vec);
  syscall(SYS_unshare, CLONE_NEWNS);
  // sendmmsg/recvmmsg on a UNIX datagram socketpair: two messages sent
  // and received (the second split over two buffers), then failures.
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) != 0) Die("socketpair");
  char hello[] = "hello", xy[] = "xy", world[] = "world!";
  iovec out1[2] = {{hello, 5}, {xy, 2}}, out2[1] = {{world, 6}};
  mmsghdr msgs[2] = {};
  msgs[0].msg_hdr.msg_iov = out1;
  msgs[0].msg_hdr.msg_iovlen = 2;
  msgs[1].msg_hdr.msg_iov = out2;
  msgs[1].msg_hdr.msg_iovlen = 1;
  syscall(SYS_sendmmsg, sv[0], msgs, 2, MSG_NOSIGNAL);
  syscall(SYS_sendmmsg, -1, msgs, 1, 0);
  char in1[16], in2[3], in3[4];
  iovec iv1[1] = {{in1, sizeof in1}}, iv2[2] = {{in2, 3}, {in3, 4}};
  mmsghdr rmsgs[2] = {};
  rmsgs[0].msg_hdr.msg_iov = iv1;
  rmsgs[0].msg_hdr.msg_iovlen = 1;
  rmsgs[1].msg_hdr.msg_iov = iv2;
  rmsgs[1].msg_hdr.msg_iovlen = 2;
  syscall(SYS_recvmmsg, sv[1], rmsgs, 2, MSG_DONTWAIT, nullptr);
  syscall(SYS_recvmmsg, sv[1], rmsgs, 2, MSG_DONTWAIT, nullptr);
  timespec wait{1, 500};
  syscall(SYS_recvmmsg, -1, rmsgs, 2, 0, &wait);
  // getsockopt's structs cut short by the length given: the whole fields,
  // then the cut one's bytes (SO_LINGER; SO_ERROR's int; SO_PEERCRED, whose
  // pid varies, in `pids`).
  const linger lg{1, 5};
  setsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
  for (socklen_t want : {1, 4, 6, 12}) {
    char got_opt[16];
    socklen_t len = want;
    getsockopt(sv[0], SOL_SOCKET, SO_LINGER, got_opt, &len);
  }
  {
    char got_opt[4];
    socklen_t len = 1;
    getsockopt(sv[0], SOL_SOCKET, SO_ERROR, got_opt, &len);
  }
  // setsockopt's structs and ints: SOL_SOCKET ints given in 8 bytes (the
  // int shown) or 2 (the address), multicast memberships (ip_mreq,
  // ipv6_mreq, group_req on lo) whole and too short. Whether the kernel
  // allows them is part of the output.
  {
    const int udp = socket(AF_INET, SOCK_DGRAM, 0);
    const int udp6 = socket(AF_INET6, SOCK_DGRAM, 0);
    const int on_flag = 1;
    const int64_t keepalive = 1;
    setsockopt(udp, SOL_SOCKET, SO_KEEPALIVE, &keepalive, sizeof keepalive);
    setsockopt(udp, SOL_SOCKET, SO_PRIORITY, &keepalive, 2);
    ip_mreq mreq{};
    mreq.imr_multiaddr.s_addr = htonl(0xe0000009);  // 224.0.0.9
    mreq.imr_interface.s_addr = htonl(INADDR_LOOPBACK);
    setsockopt(udp, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mreq, sizeof mreq);
    setsockopt(udp, IPPROTO_IP, IP_DROP_MEMBERSHIP, &mreq, 4);
    ipv6_mreq mreq6{};
    inet_pton(AF_INET6, "ff02::1:3", &mreq6.ipv6mr_multiaddr);
    mreq6.ipv6mr_interface = 1;  // lo
    setsockopt(udp6, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, &mreq6, sizeof mreq6);
    setsockopt(udp6, IPPROTO_IPV6, IPV6_LEAVE_ANYCAST, &mreq6, 16);
    group_req gr{};
    gr.gr_interface = 1;
    auto* group = reinterpret_cast<sockaddr_in*>(&gr.gr_group);
    group->sin_family = AF_INET;
    group->sin_addr.s_addr = htonl(0xe000000a);  // 224.0.0.10
    setsockopt(udp, IPPROTO_IP, MCAST_JOIN_GROUP, &gr, sizeof gr);
    setsockopt(udp, IPPROTO_IP, MCAST_LEAVE_GROUP, &gr, sizeof gr - 1);
    gr = {};
    auto* group6 = reinterpret_cast<sockaddr_in6*>(&gr.gr_group);
    group6->sin6_family = AF_INET6;
    inet_pton(AF_INET6, "ff02::1:4", &group6->sin6_addr);
    setsockopt(udp6, IPPROTO_IPV6, MCAST_JOIN_GROUP, &gr, sizeof gr);
    // Option numbers named differently when read and when set: the
    // netfilter tables' (IPT_SO_GET_INFO/IPT_SO_SET_REPLACE, IP6T_*,
    // EBT_*), IPVS's, SO_GET_FILTER/SO_ATTACH_FILTER; IPV6_USE_MIN_MTU.
    int opt = 0;
    socklen_t opt_len = sizeof opt;
    for (int name : {64, 99, 128, 0x480, 0x48f}) {
      opt_len = sizeof opt;
      getsockopt(udp, IPPROTO_IP, name, &opt, &opt_len);
      setsockopt(udp, IPPROTO_IP, name, &opt, 0);
    }
    for (int name : {63, 65, 68}) {
      opt_len = sizeof opt;
      getsockopt(udp6, IPPROTO_IPV6, name, &opt, &opt_len);
      setsockopt(udp6, IPPROTO_IPV6, name, &opt, 0);
    }
    opt_len = sizeof opt;
    getsockopt(udp, SOL_SOCKET, SO_GET_FILTER, &opt, &opt_len);
    // Option names of other levels (SOL_SCTP, SOL_PACKET, SOL_BLUETOOTH
    // unnamed, SOL_ALG, SOL_TLS, SOL_XDP), refused by a UDP socket.
    for (int level : {132, 263, 274, 279, 282, 283}) {
      opt_len = sizeof opt;
      getsockopt(udp, level, 3, &opt, &opt_len);
      setsockopt(udp, level, 4, &opt, 0);
    }
    // Ancillary data of a datagram received on 127.0.0.1:$TRACEE_UDP_PORT
    // (47837 without it; the trace shows the port, so it must not vary
    // between a strace run and a ttrace run) with no name asked for:
    // IP_PKTINFO, IP_TTL, IP_TOS (0x10, as sent).
    const int rx = socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in at{};
    at.sin_family = AF_INET;
    const char* port = getenv("TRACEE_UDP_PORT");
    at.sin_port = htons(port != nullptr ? atoi(port) : 47837);
    at.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(rx, reinterpret_cast<sockaddr*>(&at), sizeof at) == 0) {
      for (int name : {IP_PKTINFO, IP_RECVTTL, IP_RECVTOS}) {
        setsockopt(rx, IPPROTO_IP, name, &on_flag, sizeof on_flag);
      }
      const int tos = 0x10;
      setsockopt(udp, IPPROTO_IP, IP_TOS, &tos, sizeof tos);
      sendto(udp, "hi", 2, 0, reinterpret_cast<sockaddr*>(&at), sizeof at);
      char got_data[4];
      iovec got_iov = {got_data, sizeof got_data};
      alignas(cmsghdr) char got_control[128];
      msghdr got{};
      got.msg_iov = &got_iov;
      got.msg_iovlen = 1;
      got.msg_control = got_control;
      got.msg_controllen = sizeof got_control;
      recvmsg(rx, &got, 0);
    }
    close(rx);
    // SO_TIMESTAMPING's flags set and read back, and the receive
    // timestamps of a datagram on an AF_UNIX pair (stamped as it is sent,
    // unlike UDP's, which the kernel may start stamping only later):
    // SO_TIMESTAMP_OLD's timeval and SCM_TIMESTAMPING's three timespecs
    // (their times vary: the test normalises them).
    int stamp_pair[2];
    if (socketpair(AF_UNIX, SOCK_DGRAM, 0, stamp_pair) == 0) {
      const int stamping =
          SOF_TIMESTAMPING_RX_SOFTWARE | SOF_TIMESTAMPING_SOFTWARE;
      setsockopt(stamp_pair[1], SOL_SOCKET, SO_TIMESTAMPING_OLD, &stamping,
                 sizeof stamping);
      int stamping_got = 0;
      socklen_t stamping_len = sizeof stamping_got;
      getsockopt(stamp_pair[1], SOL_SOCKET, SO_TIMESTAMPING_OLD, &stamping_got,
                 &stamping_len);
      setsockopt(stamp_pair[1], SOL_SOCKET, SO_TIMESTAMP_OLD, &on_flag,
                 sizeof on_flag);
      send(stamp_pair[0], "ts", 2, 0);
      char stamp_data[4];
      iovec stamp_iov = {stamp_data, sizeof stamp_data};
      alignas(cmsghdr) char stamp_control[128];
      msghdr stamped{};
      stamped.msg_iov = &stamp_iov;
      stamped.msg_iovlen = 1;
      stamped.msg_control = stamp_control;
      stamped.msg_controllen = sizeof stamp_control;
      recvmsg(stamp_pair[1], &stamped, 0);
      close(stamp_pair[0]);
      close(stamp_pair[1]);
    }
    // SOL_RAW's ICMP_FILTER on a raw ICMP socket (without CAP_NET_RAW: on
    // fd -1, as both tools see it) set, with unnamed types, too short, read
    // back. SOL_PACKET's struct packet_mreq (of an unnamed type; one byte
    // short: the address) and tpacket_req, refused by the UDP socket;
    // PACKET_STATISTICS of a packet socket that receives nothing (protocol
    // 0), whole and cut. NETLINK_LIST_MEMBERSHIPS of an rtnetlink socket
    // bound to RTMGRP_LINK, whole and in a buffer of one int.
    const int icmp = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    const int kIcmpFilter = 1;  // ICMP_FILTER: <linux/icmp.h> clashes
    uint32_t icmp_filter = ~(1u << ICMP_ECHOREPLY);
    setsockopt(icmp, SOL_RAW, kIcmpFilter, &icmp_filter, sizeof icmp_filter);
    icmp_filter = (1u << ICMP_DEST_UNREACH) | (1u << ICMP_ECHO) | (1u << 20);
    setsockopt(icmp, SOL_RAW, kIcmpFilter, &icmp_filter, sizeof icmp_filter);
    setsockopt(icmp, SOL_RAW, kIcmpFilter, &icmp_filter, 0);
    opt_len = sizeof icmp_filter;
    getsockopt(icmp, SOL_RAW, kIcmpFilter, &icmp_filter, &opt_len);
    close(icmp);
    packet_mreq pmreq{};
    pmreq.mr_ifindex = 1;  // lo
    pmreq.mr_type = PACKET_MR_MULTICAST;
    pmreq.mr_alen = 6;
    memcpy(pmreq.mr_address, "\x01\x00\x5e\x00\x00\x09", 6);
    setsockopt(udp, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &pmreq, sizeof pmreq);
    pmreq.mr_type = 9;
    pmreq.mr_alen = 2;  // not 0: strace then repeats the last address shown
    setsockopt(udp, SOL_PACKET, PACKET_DROP_MEMBERSHIP, &pmreq, sizeof pmreq);
    setsockopt(udp, SOL_PACKET, PACKET_DROP_MEMBERSHIP, &pmreq,
               sizeof pmreq - 1);
    tpacket_req ring = {4096, 2, 2048, 4};
    setsockopt(udp, SOL_PACKET, PACKET_RX_RING, &ring, sizeof ring);
    setsockopt(udp, SOL_PACKET, PACKET_TX_RING, &ring, sizeof ring + 4);
    const int packet = socket(AF_PACKET, SOCK_RAW, 0);
    tpacket_stats pstats{};
    opt_len = sizeof pstats;
    getsockopt(packet, SOL_PACKET, PACKET_STATISTICS, &pstats, &opt_len);
    opt_len = 6;
    getsockopt(packet, SOL_PACKET, PACKET_STATISTICS, &pstats, &opt_len);
    close(packet);
    const int rtnl = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    sockaddr_nl rtnl_at{};
    rtnl_at.nl_family = AF_NETLINK;
    rtnl_at.nl_groups = RTMGRP_LINK;
    bind(rtnl, reinterpret_cast<sockaddr*>(&rtnl_at), sizeof rtnl_at);
    uint32_t groups[4] = {};
    opt_len = sizeof groups;
    getsockopt(rtnl, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, groups, &opt_len);
    opt_len = 4;
    getsockopt(rtnl, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, groups, &opt_len);
    close(rtnl);
    // Addresses of other families, given to connect on fd -1 (EBADF: no
    // socket of the family, no module loaded): AF_ALG's whole, with flags
    // and cut in its name.
    sockaddr_alg alg{};
    alg.salg_family = AF_ALG;
    memcpy(alg.salg_type, "hash", 5);
    memcpy(alg.salg_name, "sha256", 7);
    connect(-1, reinterpret_cast<sockaddr*>(&alg), sizeof alg);
    alg.salg_feat = 0x1000;  // CRYPTO_ALG_KERN_DRIVER_ONLY
    alg.salg_mask = 0x1020;
    connect(-1, reinterpret_cast<sockaddr*>(&alg), 28);
    // AF_IPX's sockaddr_ipx (sipx_zero shown when set), AF_X25's
    // sockaddr_x25 (an address filling all 16 bytes: cut), each one byte
    // short too (sa_data).
    uint8_t other[128] = {AF_IPX, 0,    0x12, 0x34, 0,    0,    0xab, 0xcd,
                          0,      0x11, 0x22, 0x33, 0x44, 0x55, 4,    9};
    connect(-1, reinterpret_cast<sockaddr*>(other), 16);
    connect(-1, reinterpret_cast<sockaddr*>(other), 15);
    memset(other, 0, sizeof other);
    other[0] = AF_X25;
    memcpy(other + 2, "31102001", 8);
    connect(-1, reinterpret_cast<sockaddr*>(other), 18);
    connect(-1, reinterpret_cast<sockaddr*>(other), 17);
    memset(other + 2, '7', 16);
    connect(-1, reinterpret_cast<sockaddr*>(other), 18);
    // AF_NFC's sockaddr_nfc, cut sockaddr_nfc_llcp ("...") and whole (an
    // unnamed SAP in hex only).
    memset(other, 0, sizeof other);
    sockaddr_nfc_llcp llcp{};
    llcp.sa_family = AF_NFC;
    llcp.dev_idx = 77;
    llcp.target_idx = 2;
    llcp.nfc_protocol = NFC_PROTO_NFC_DEP;
    llcp.dsap = 4;  // LLCP_SAP_SNEP
    llcp.ssap = 0x20;
    memcpy(llcp.service_name, "urn:nfc:sn:snep", 15);
    llcp.service_name_len = 15;
    connect(-1, reinterpret_cast<sockaddr*>(&llcp), sizeof(sockaddr_nfc));
    connect(-1, reinterpret_cast<sockaddr*>(&llcp), 20);
    connect(-1, reinterpret_cast<sockaddr*>(&llcp), sizeof llcp);
    // AF_BLUETOOTH: the structure by the length (sockaddr_hci without and
    // with hci_channel, _sco, _rc, _l2 without and with l2_bdaddr_type;
    // sa_data between them), named PSMs and CIDs and their ranges.
    memset(other, 0, sizeof other);
    other[0] = AF_BLUETOOTH;
    for (int i = 2; i < 16; ++i) other[i] = static_cast<uint8_t>(i);
    for (socklen_t len = 4; len <= 15; ++len) {
      connect(-1, reinterpret_cast<sockaddr*>(other), len);
    }
    memcpy(other + 2, "\x23\x10\0\0\0\0\0\0\x81\0\x06\0\x02", 13);
    bind(-1, reinterpret_cast<sockaddr*>(other), 14);
    memcpy(other + 2, "\x01\0\x03", 3);
    sendto(-1, "x", 1, 0, reinterpret_cast<sockaddr*>(other), 6);
    // AF_AX25: sockaddr_ax25 (a canonical callsign bare), full_sockaddr_ax25
    // with digipeaters (a non-canonical callsign in hex with its text in a
    // comment, the null address "*", one not text at all), cut by the
    // length, longer than the digipeaters it holds.
    memset(other, 0, sizeof other);
    other[0] = AF_AX25;
    memcpy(other + 2, "\x9c\x60\x86\x82\x98\x98\x0a", 7);
    connect(-1, reinterpret_cast<sockaddr*>(other), 16);
    connect(-1, reinterpret_cast<sockaddr*>(other), 15);
    other[8] = 0x6a;
    other[12] = 3;
    memcpy(other + 16,
           "\x40\x40\x40\x40\x40\x40\x00\xae\x92\x88\x8a\x62\x40\x62"
           "\x01\x82\xff\x40\x40\x40\x00",
           21);
    connect(-1, reinterpret_cast<sockaddr*>(other), 72);
    connect(-1, reinterpret_cast<sockaddr*>(other), 26);
    connect(-1, reinterpret_cast<sockaddr*>(other), 80);
    // AF_IEEE802154: a long address with the broadcast PAN, a short one.
    memset(other, 0, sizeof other);
    memcpy(other, "\x24\0\0\0\x03\0\0\0\xff\xff\1\2\3\4\5\6\7\x08", 18);
    connect(-1, reinterpret_cast<sockaddr*>(other), 20);
    memcpy(other + 4, "\x02\0\0\0\x34\x12\xfe\xff", 8);
    connect(-1, reinterpret_cast<sockaddr*>(other), 20);
    connect(-1, reinterpret_cast<sockaddr*>(other), 19);
    // AF_RXRPC: a named service with a sockaddr_in transport, then cut by
    // transport_len, a sockaddr_in6 one, one of another family.
    memset(other, 0, sizeof other);
    memcpy(other, "\x21\0\x01\0\x02\0\x10\0\x02\0\x1b\x5a\x7f\0\0\1", 16);
    connect(-1, reinterpret_cast<sockaddr*>(other), 36);
    other[6] = 8;
    connect(-1, reinterpret_cast<sockaddr*>(other), 36);
    memcpy(other + 2, "\xc7\x09\x05\0\x1c\0\x0a\0", 8);
    other[31] = 1;  // ::1
    connect(-1, reinterpret_cast<sockaddr*>(other), 36);
    memcpy(other + 6, "\x05\0\x63\0", 4);
    connect(-1, reinterpret_cast<sockaddr*>(other), 36);
    // AF_XDP without XDP_SHARED_UMEM: sxdp_shared_umem_fd in hex when set.
    memset(other, 0, sizeof other);
    memcpy(other, "\x2c\0\x02\0\0\0\0\0\x03\0\0\0\x05\0\0\0", 16);
    connect(-1, reinterpret_cast<sockaddr*>(other), 16);
    // SOL_IP control messages sent on fd -1: IP_OPTIONS and
    // IP_RECVFRAGSIZE (unnamed by strace), IP_RECVOPTS, IP_RETOPTS and an
    // IP_TOS longer than its byte (each byte in hex).
    {
      alignas(cmsghdr) uint8_t control[5 * CMSG_SPACE(8)] = {};
      const uint8_t options[8] = {0x94, 4, 0, 0, 1, 0, 0x1f, 0xff};
      const std::pair<int, socklen_t> kinds[] = {{IP_OPTIONS, 4},
                                                 {IP_RECVOPTS, 3},
                                                 {IP_RETOPTS, 8},
                                                 {IP_RECVFRAGSIZE, 4},
                                                 {IP_TOS, 4}};
      iovec ip_iov = {const_cast<char*>("x"), 1};
      msghdr ip_msg{};
      ip_msg.msg_iov = &ip_iov;
      ip_msg.msg_iovlen = 1;
      ip_msg.msg_control = control;
      ip_msg.msg_controllen = sizeof control;
      cmsghdr* cmsg = CMSG_FIRSTHDR(&ip_msg);
      for (const auto& [type, len] : kinds) {
        cmsg->cmsg_len = CMSG_LEN(len);
        cmsg->cmsg_level = IPPROTO_IP;
        cmsg->cmsg_type = type;
        memcpy(CMSG_DATA(cmsg), options, len);
        cmsg = CMSG_NXTHDR(&ip_msg, cmsg);
      }
      sendmsg(-1, &ip_msg, 0);
    }
    close(udp);
    close(udp6);
  }
  // pidfd_send_signal (signal 0: none sent), pidfd_getfd of its own fd.
  const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, getpid(), 0));
  if (pidfd < 0) Die("pidfd_open");
  syscall(SYS_pidfd_send_signal, pidfd, 0, nullptr, 0);
  syscall(SYS_pidfd_send_signal, -1, SIGTERM, nullptr, 0);
  siginfo_t si{};
  si.si_signo = SIGUSR1;
  si.si_code = SI_QUEUE;
  si.si_pid = getpid();
  syscall(SYS_pidfd_send_signal, pidfd, 0, &si, 0);
  const int got = static_cast<int>(syscall(SYS_pidfd_getfd, pidfd, null, 0));
  syscall(SYS_pidfd_getfd, pidfd, null, 7);
  close(got);
  // fcntl: locks (no other holder: F_GETLK reports F_UNLCK), owners and
  // leases, on a memfd.
  const int file = static_cast<int>(syscall(SYS_memfd_create, "locks", 0));
  if (file < 0) Die("memfd_create");
  struct flock lock {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_len = 10;
  syscall(SYS_fcntl, file, F_SETLK, &lock);
  syscall(SYS_fcntl, file, F_SETLKW, &lock);
  lock.l_type = F_RDLCK;
  syscall(SYS_fcntl, file, F_GETLK, &lock);
  lock.l_type = F_UNLCK;
  syscall(SYS_fcntl, file, F_SETLK, &lock);
  lock.l_type = F_RDLCK;
  lock.l_whence = SEEK_END;
  lock.l_start = 3;
  lock.l_len = 4;
  syscall(SYS_fcntl, file, F_OFD_SETLK, &lock);
  syscall(SYS_fcntl, file, F_OFD_GETLK, &lock);
  syscall(SYS_fcntl, file, F_SETLK, nullptr);
  f_owner_ex owner{F_OWNER_PID, getpid()};
  syscall(SYS_fcntl, file, F_SETOWN_EX, &owner);
  syscall(SYS_fcntl, file, F_GETOWN_EX, &owner);
  syscall(SYS_fcntl, file, F_SETLEASE, F_UNLCK);
  syscall(SYS_fcntl, file, F_GETLEASE);
  // The signal sent for I/O on it, set and read back (named after the
  // result), then the default again; dnotify on a file (ENOTDIR); the
  // write-lifetime hints strace 6.1 has no names for.
  syscall(SYS_fcntl, file, F_SETSIG, SIGRTMIN + 3);
  syscall(SYS_fcntl, file, F_GETSIG);
  syscall(SYS_fcntl, file, F_SETSIG, 0);
  syscall(SYS_fcntl, file, F_GETSIG);
  syscall(SYS_fcntl, file, F_NOTIFY, DN_MODIFY | DN_CREATE | DN_MULTISHOT);
  syscall(SYS_fcntl, file, F_NOTIFY, 0x40);
  uint64_t hint = 0;
  syscall(SYS_fcntl, file, 1035 /* F_GET_RW_HINT */, &hint);
  syscall(SYS_fcntl, file, 1038 /* F_SET_FILE_RW_HINT */, nullptr);
  // I/O priority: set (idle), read back, reset.
  syscall(SYS_ioprio_set, 1 /* IOPRIO_WHO_PROCESS */, 0, 3 << 13);
  syscall(SYS_ioprio_get, 1, 0);
  syscall(SYS_ioprio_set, 1, 0, (2 << 13) | 5);
  syscall(SYS_ioprio_get, 1, 0);
  syscall(SYS_ioprio_set, 1, 0, 0);
  syscall(SYS_ioprio_get, 9, 0);
  // prctl: secure bits, TSC, speculation control (unknown: ENODEV), FP
  // mode (MIPS only: EINVAL).
  syscall(SYS_prctl, PR_GET_SECUREBITS, 0, 0, 0, 0);
  syscall(SYS_prctl, PR_SET_SECUREBITS, 0x1000, 0, 0, 0);
  int tsc = 0;
  syscall(SYS_prctl, PR_GET_TSC, &tsc, 0, 0, 0);
  syscall(SYS_prctl, PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0);
  syscall(SYS_prctl, PR_GET_SPECULATION_CTRL, 9, 0, 0, 0);
  syscall(SYS_prctl, PR_SET_SPECULATION_CTRL, 9, 3, 0, 0);
  syscall(SYS_prctl, PR_GET_FP_MODE, 0, 0, 0, 0);
  syscall(SYS_prctl, PR_SET_FP_MODE, 3, 0, 0, 0);
  // prctl options with arguments of their own: PR_SET_MM (EPERM or
  // EINVAL: no change is made), the machine-check kill policy read,
  // unaligned access control, core scheduling, user dispatch (off), and
  // the arm64 ones (EINVAL here).
  syscall(SYS_prctl, PR_SET_MM, PR_SET_MM_START_CODE, 0, 0, 0);
  syscall(SYS_prctl, PR_SET_MM, 100, 1, 2, 3);
  syscall(SYS_prctl, PR_MCE_KILL, 7, 7, 0, 0);
  syscall(SYS_prctl, PR_MCE_KILL_GET, 0, 0, 0, 0);
  syscall(SYS_prctl, PR_SET_UNALIGN, 6, 0, 0, 0);
  syscall(SYS_prctl, PR_GET_UNALIGN, nullptr, 0, 0, 0);
  syscall(SYS_prctl, 62 /* PR_SCHED_CORE */, 4, 0, 1, 0x1000);
  syscall(SYS_prctl, 59 /* PR_SET_SYSCALL_USER_DISPATCH */, 0, 0, 0, 0);
  syscall(SYS_prctl, 51 /* PR_SVE_GET_VL */, 0, 0, 0, 0);
  syscall(SYS_prctl, 50 /* PR_SVE_SET_VL */, 0x20001, 0, 0, 0);
  syscall(SYS_prctl, 54 /* PR_PAC_RESET_KEYS */, 3, 0, 0, 0);
  syscall(SYS_prctl, 55 /* PR_SET_TAGGED_ADDR_CTRL */, 0xfffffffful, 0, 0, 0);
  // readahead, syncfs, userfaultfd, kcmp.
  syscall(SYS_readahead, file, 0, 4096);
  syscall(SYS_syncfs, file);
  const int uffd =
      static_cast<int>(syscall(SYS_userfaultfd, O_NONBLOCK | O_CLOEXEC));
  if (uffd >= 0) close(uffd);
  syscall(SYS_userfaultfd, O_CLOEXEC | 0x80000000U);
  syscall(SYS_kcmp, getpid(), getpid(), 0 /* KCMP_FILE */, file, file);
  syscall(SYS_kcmp, getpid(), getpid(), 1 /* KCMP_VM */, 0, 0);
  // perf_event_open: a software counter of itself (an fd, or EACCES under
  // a strict perf_event_paranoid), a hardware cache event with a sampling
  // frequency on every CPU (EINVAL or ENOENT), a too small size, NULL.
  perf_event_attr pea{};
  pea.type = PERF_TYPE_SOFTWARE;
  pea.size = sizeof pea;
  pea.config = PERF_COUNT_SW_DUMMY;
  pea.disabled = 1;
  pea.exclude_kernel = 1;
  pea.exclude_hv = 1;
  const long perf =
      syscall(SYS_perf_event_open, &pea, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
  // Its ioctls (PERF_EVENT_IOC_*): flags, ints, u64s, fds, a filter
  // string, a struct perf_event_query_bpf and perf_event_attr.
  {
    const int pfd = static_cast<int>(perf);
    uint64_t period = 1000;
    uint32_t query[4] = {4, 0, 0, 0};
    ioctl(pfd, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP | 4);
    ioctl(pfd, PERF_EVENT_IOC_DISABLE, 0);
    ioctl(pfd, PERF_EVENT_IOC_RESET, 2);
    ioctl(pfd, PERF_EVENT_IOC_REFRESH, -1);
    ioctl(pfd, PERF_EVENT_IOC_PERIOD, &period);
    ioctl(pfd, PERF_EVENT_IOC_SET_OUTPUT, -1);
    ioctl(pfd, PERF_EVENT_IOC_SET_FILTER, "comm == \"x\"");
    ioctl(pfd, PERF_EVENT_IOC_ID, nullptr);
    ioctl(pfd, PERF_EVENT_IOC_SET_BPF, -1);
    ioctl(pfd, PERF_EVENT_IOC_PAUSE_OUTPUT, 4294967296UL);
    ioctl(pfd, PERF_EVENT_IOC_QUERY_BPF, query);
    ioctl(pfd, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &pea);
  }
  if (perf >= 0) close(static_cast<int>(perf));
  // termios flag words on a pseudo-terminal's master: delay fields, an
  // input speed, unknown bits, all-zero words; then what it reads back.
  {
    const int ptm = posix_openpt(O_RDWR | O_NOCTTY);
    struct {
      uint32_t iflag, oflag, cflag, lflag;
      uint8_t line;
      uint8_t cc[19];
    } tio = {};
    tio.iflag = 0x500 | 0x80000000;  // ICRNL|IXON|0x80000000
    // NL1|CR2|XTABS|BS1|VT1|FF1|OPOST|ONLCR|0x40000000
    tio.oflag =
        0400 | 02000 | 014000 | 020000 | 040000 | 0100000 | 05 | 0x40000000;
    // B9600|B4800<<IBSHIFT|CS7|CREAD|CMSPAR
    tio.cflag = 015 | (014 << 16) | 040 | 0200 | 0x40000000;
    tio.lflag = 0x8a3b;  // ISIG|ICANON|...|ECHOKE
    ioctl(ptm, TCSETS, &tio);
    tio = {};  // B0|CS5, no flags
    ioctl(ptm, TCSETS, &tio);
    tio.cflag = 0x20000000 | (010000 << 16);  // BOTHER<<IBSHIFT, unknown bit
    tio.oflag = 0x20000000;
    ioctl(ptm, TCSETS, &tio);
    ioctl(ptm, TCGETS, &tio);
    if (ptm >= 0) close(ptm);
  }
  pea.type = PERF_TYPE_HW_CACHE;
  pea.config = PERF_COUNT_HW_CACHE_LL | (PERF_COUNT_HW_CACHE_OP_WRITE << 8) |
               (PERF_COUNT_HW_CACHE_RESULT_MISS << 16);
  pea.freq = 1;
  pea.sample_freq = 99;
  // (-v: sample_stack_user in hex.)
  pea.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID | PERF_SAMPLE_STACK_USER;
  pea.sample_stack_user = 8192;
  pea.precise_ip = 3;
  syscall(SYS_perf_event_open, &pea, -1, 0, 99, 0x10);
  pea.size = 8;
  syscall(SYS_perf_event_open, &pea, 0, -1, -1, 0);
  syscall(SYS_perf_event_open, nullptr, 0, -1, -1, 0);
  // capget of its own sets (versions 3 and 1), capset of them unchanged;
  // an unknown version (EINVAL).
  __user_cap_header_struct cap_header = {_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct cap_data[2] = {};
  syscall(SYS_capget, &cap_header, cap_data);
  syscall(SYS_capset, &cap_header, cap_data);
  cap_header = {_LINUX_CAPABILITY_VERSION_1, 0};
  syscall(SYS_capget, &cap_header, cap_data);
  cap_header = {0x1234, 0};
  syscall(SYS_capget, &cap_header, cap_data);
  syscall(SYS_capget, nullptr, nullptr);
  // sched_getattr of itself, the first version and the one with the
  // utilization clamps; sched_setattr of what it read; a struct smaller
  // than the first version (E2BIG, the kernel's size stored in it).
  struct {
    uint32_t size, policy;
    uint64_t flags;
    int32_t nice;
    uint32_t priority;
    uint64_t runtime, deadline, period;
    uint32_t util_min, util_max;
  } attr = {};
  syscall(SYS_sched_getattr, 0, &attr, 48, 0);
  syscall(SYS_sched_getattr, 0, &attr, sizeof(attr), 0);
  attr.size = 48;
  syscall(SYS_sched_setattr, 0, &attr, 0);
  attr.size = 20;
  syscall(SYS_sched_setattr, 0, &attr, 0);
  // clone with CLONE_PIDFD: the pidfd in parent_tid.
  int child_pidfd = -1;
  const long kid = syscall(SYS_clone, CLONE_PIDFD | SIGCHLD, nullptr,
                           &child_pidfd, nullptr, 0);
  if (kid == 0) _exit(0);
  if (kid < 0) Die("clone");
  waitpid(static_cast<pid_t>(kid), nullptr, 0);
  return 0;
}

// ---- mempolicy ----
// The NUMA policy calls (see the header). No call depends on which node
// a page is on: the pages moved or queried are never touched.
int Mempolicy() {
  constexpr int kDefault = 0, kPreferred = 1, kBind = 2, kLocal = 4;
  constexpr int kStaticNodes = 0x8000, kRelativeNodes = 0x4000;
  constexpr unsigned long kFNode = 1, kFAddr = 2, kFMemsAllowed = 4;
  constexpr unsigned kMfStrict = 1, kMfMove = 2;
  int mode = -1;
  unsigned long mask[20] = {};
  syscall(SYS_get_mempolicy, &mode, mask, 1025UL, nullptr, 0UL);
  syscall(SYS_get_mempolicy, &mode, mask, 65UL, nullptr, 0UL);
  syscall(SYS_get_mempolicy, &mode, mask, 66UL, nullptr, 0UL);
  syscall(SYS_get_mempolicy, &mode, mask, 1UL, nullptr, 0UL);
  syscall(SYS_get_mempolicy, &mode, nullptr, 0UL, nullptr, 0UL);
  syscall(SYS_get_mempolicy, nullptr, nullptr, 0UL, nullptr, 0UL);
  syscall(SYS_get_mempolicy, &mode, mask, 1025UL, nullptr, kFMemsAllowed);
  // Failures: an empty mask, flags, an unwritable mode.
  syscall(SYS_get_mempolicy, &mode, mask, 0UL, nullptr, 0UL);
  syscall(SYS_get_mempolicy, &mode, mask, 2UL, nullptr, kFNode);
  syscall(SYS_get_mempolicy, &mode, mask, 2UL, nullptr, 0xffUL);
  syscall(SYS_get_mempolicy, &mode, mask, 2UL, nullptr,
          kFNode | kFAddr | kFMemsAllowed);
  syscall(SYS_get_mempolicy, reinterpret_cast<int*>(1), mask, 3000UL, nullptr,
          0UL);
  // set_mempolicy: local, then back to the default; failures.
  syscall(SYS_set_mempolicy, kLocal, nullptr, 0UL);
  syscall(SYS_get_mempolicy, &mode, mask, 65UL, nullptr, 0UL);
  syscall(SYS_set_mempolicy, kDefault, nullptr, 0UL);
  memset(mask, 0, sizeof mask);
  syscall(SYS_set_mempolicy, kBind | kStaticNodes, mask, 130UL);
  syscall(SYS_set_mempolicy, kPreferred | kStaticNodes | kRelativeNodes, mask,
          2UL);
  syscall(SYS_set_mempolicy, 0x1000, mask, 2UL);
  syscall(SYS_set_mempolicy, 0xffff, mask, 2UL);
  syscall(SYS_set_mempolicy, 6 | 0x2000, mask, 2UL);
  syscall(SYS_set_mempolicy, kDefault, mask, 0UL);
  syscall(SYS_set_mempolicy, kDefault, reinterpret_cast<unsigned long*>(8),
          5UL);
  // A mask whose third long is on an unmapped page.
  char* two = static_cast<char*>(mmap(nullptr, 8192, PROT_READ | PROT_WRITE,
                                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  if (two == MAP_FAILED) Die("mmap");
  if (munmap(two + 4096, 4096) != 0) Die("munmap");
  unsigned long* edge = reinterpret_cast<unsigned long*>(two + 4096 - 16);
  edge[0] = 0x1234;
  edge[1] = ~0UL;
  syscall(SYS_set_mempolicy, kBind, edge, 200UL);
  // mbind on a mapping never touched.
  char* m = static_cast<char*>(mmap(nullptr, 16384, PROT_READ | PROT_WRITE,
                                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  if (m == MAP_FAILED) Die("mmap");
  syscall(SYS_mbind, m, 8192UL, kDefault, nullptr, 0UL, 0U);
  syscall(SYS_mbind, m, 8192UL, kPreferred, mask, 65UL, kMfMove);
  syscall(SYS_get_mempolicy, &mode, nullptr, 0UL, m, kFAddr);
  syscall(SYS_mbind, m, 8192UL, kPreferred, mask, 65UL, kMfStrict | 0x8);
  syscall(SYS_mbind, m + 1, 8192UL, kBind | kStaticNodes, mask, 3UL, kMfStrict);
  syscall(SYS_mbind, m, 8192UL, 99, mask, 66UL, 0U);
  // migrate_pages: itself with empty masks; processes that do not exist.
  syscall(SYS_migrate_pages, 0, 65UL, mask, mask);
  syscall(SYS_migrate_pages, -1, 0UL, nullptr, nullptr);
  syscall(SYS_migrate_pages, INT_MAX, 66UL, mask, mask);
  // move_pages: the status of untouched and unmapped pages; failures.
  void* pages[3] = {m, m + 4096, two + 4096};
  int nodes[3] = {-1, 0, 0};
  int status[3] = {7, 7, 7};
  syscall(SYS_move_pages, 0, 3UL, pages, nullptr, status, 0);
  syscall(SYS_move_pages, 0, 0UL, nullptr, nullptr, nullptr, 0);
  syscall(SYS_move_pages, 0, 3UL, pages, nodes, status, 0);
  syscall(SYS_move_pages, 0, 3UL, pages, nullptr, status, 1);
  syscall(SYS_move_pages, 0, 3UL, pages, nullptr, two + 4096, 0);
  syscall(SYS_move_pages, INT_MAX, 3UL, pages, nullptr, status, 0);
  // set_mempolicy_home_node: flags must be 0; no such node.
  syscall(SYS_set_mempolicy_home_node, m, 8192UL, 0UL, 1UL);
  syscall(SYS_set_mempolicy_home_node, m, 8192UL, 1UL << 20, 0UL);
  munmap(m, 16384);
  munmap(two, 4096);
  return 0;
}

// ---- admin ----
// System administration calls (see the header). Every call fails before
// the kernel changes anything, or only reads: no name, swap, accounting,
// console level or module is touched.
int Admin() {
  constexpr int kBadFd = -1;
  char buf[64] = {};
  // setns: CLONE_NEW* types, a known fd of the wrong type.
  syscall(SYS_setns, kBadFd, CLONE_NEWNET);
  syscall(SYS_setns, kBadFd, 0);
  syscall(SYS_setns, kBadFd, CLONE_NEWNS | CLONE_NEWPID | 0x1);
  syscall(SYS_setns, kBadFd, 0x1);
  syscall(SYS_setns, kBadFd,
          CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | 0x80);
  const int nsfd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
  syscall(SYS_setns, nsfd, CLONE_NEWUTS);
  syscall(SYS_pivot_root, "/nonexistent", "/nonexistent2");
  syscall(SYS_pivot_root, nullptr, reinterpret_cast<char*>(1));
  // syslog: sizes, empty reads, refused reads and levels.
  syscall(SYS_syslog, 10, nullptr, 0);
  syscall(SYS_syslog, 3, buf, 0);
  syscall(SYS_syslog, 2, nullptr, 10);
  syscall(SYS_syslog, 8, nullptr, 99);
  syscall(SYS_syslog, 8, nullptr, 0);
  syscall(SYS_syslog, 99, nullptr, 0);
  syscall(SYS_syslog, -1, nullptr, 0);
  // Names too long for the kernel, a bad address.
  syscall(SYS_sethostname, "x", 65);
  syscall(SYS_sethostname, nullptr, 65);
  syscall(SYS_setdomainname, "abcdefgh", 65);
  syscall(SYS_setdomainname, reinterpret_cast<char*>(1), 5);
  syscall(SYS_acct, "/nonexistent/x");
  syscall(SYS_acct, reinterpret_cast<char*>(1));
  // swapon/swapoff of files that do not exist.
  syscall(SYS_swapon, "/nonexistent", 0x8000 | 5);
  syscall(SYS_swapon, "/nonexistent", 0x10000 | 0x20000 | 0x40000 | 0x100000);
  syscall(SYS_swapon, "/nonexistent", 0);
  syscall(SYS_swapon, "/nonexistent", 0x100000);
  syscall(SYS_swapon, "/nonexistent", 7);
  syscall(SYS_swapoff, "/nonexistent");
  // reboot: the magic numbers are checked first, so every call fails.
  constexpr unsigned kMagic1 = 0xfee1dead;
  syscall(SYS_reboot, kMagic1, 0, 0x12345678, nullptr);
  syscall(SYS_reboot, 1, 2, 0x12345678, nullptr);
  syscall(SYS_reboot, 0, 369367448, 0xa1b2c3d4, "abc");
  syscall(SYS_reboot, 0, 537993216, 0x4321fedc, "abc");
  syscall(SYS_reboot, 0, 672274793, 0x89abcdef, nullptr);
  syscall(SYS_reboot, 0, 85072278, 0, nullptr);
  syscall(SYS_process_mrelease, kBadFd, 0);
  syscall(SYS_process_mrelease, kBadFd, 5);
  // Modules that do not exist, images and fds that are not modules.
  syscall(SYS_delete_module, "nonexistent", O_NONBLOCK);
  syscall(SYS_delete_module, "nonexistent", O_NONBLOCK | O_TRUNC | 0x1);
  syscall(SYS_delete_module, nullptr, 0x1);
  syscall(SYS_init_module, reinterpret_cast<char*>(1), 0, "x=1");
  syscall(SYS_init_module, buf, 10, nullptr);
  syscall(SYS_finit_module, kBadFd, "", 0);
  syscall(SYS_finit_module, kBadFd, "a=b", 3);
  syscall(SYS_finit_module, kBadFd, nullptr, 8);
  syscall(SYS_finit_module, nsfd, "p", 0x14);
  // The mount API: failing calls (bad fds, paths that do not exist, flags
  // the kernel refuses) and a detached O_PATH handle of "/" (open_tree
  // without OPEN_TREE_CLONE mounts nothing).
  constexpr unsigned kOpenTreeClone = 1, kOpenTreeCloexec = O_CLOEXEC;
  syscall(SYS_open_tree, AT_FDCWD, "/nonexistent", kOpenTreeClone);
  syscall(SYS_open_tree, kBadFd, "",
          kOpenTreeCloexec | AT_EMPTY_PATH | AT_RECURSIVE);
  syscall(SYS_open_tree, kBadFd, nullptr, 0x2);
  syscall(SYS_open_tree, kBadFd, "", 0xffffffffu);
  const long tree = syscall(SYS_open_tree, AT_FDCWD, "/", kOpenTreeCloexec);
  syscall(SYS_fsopen, "nosuchfs", 1);
  syscall(SYS_fsopen, "nosuchfs", 0);
  syscall(SYS_fsopen, nullptr, 0xffffffffu);
  syscall(SYS_fspick, AT_FDCWD, "/nonexistent", 1 | 2 | 4 | 8 | 0x10);
  syscall(SYS_fspick, tree, "", 0);
  syscall(SYS_fspick, kBadFd, "", 0x20);
  struct {
    unsigned long long attr_set, attr_clr, propagation, userns_fd;
  } ma = {0x1 | 0x2, 0x70, 1 << 20, 3};
  syscall(SYS_mount_setattr, kBadFd, "", AT_EMPTY_PATH, nullptr, 0);
  syscall(SYS_mount_setattr, kBadFd, "", AT_EMPTY_PATH | AT_RECURSIVE, &ma,
          sizeof ma);
  syscall(SYS_mount_setattr, kBadFd, "/x", 0, &ma, 8);
  syscall(SYS_mount_setattr, kBadFd, "/x", 0, reinterpret_cast<char*>(1),
          sizeof ma);
  syscall(SYS_mount_setattr, kBadFd, "", 0xffffffffu, nullptr, 0);
  ma = {0x100000 | 0x200000 | 0x1000000, 0, 0, static_cast<unsigned>(nsfd)};
  syscall(SYS_mount_setattr, tree, "/x", 0, &ma, sizeof ma);
  ma = {~0ull, ~0ull, 1 << 18, ~0ull};
  syscall(SYS_mount_setattr, kBadFd, "", 0, &ma, sizeof ma);
  ma = {0, 0, (1 << 19) | (1 << 17), 0xffffffffu};
  syscall(SYS_mount_setattr, kBadFd, "", 0, &ma, sizeof ma);
  // A larger structure: its extra bytes, zero or not.
  unsigned long long big_attr[6] = {0, 0x100000, 0, 3, 0, 0};
  syscall(SYS_mount_setattr, kBadFd, "", 0, big_attr, sizeof big_attr);
  big_attr[5] = 0x1234;
  syscall(SYS_mount_setattr, kBadFd, "", 0, big_attr, sizeof big_attr);
  syscall(SYS_mount_setattr, kBadFd, "", 0, big_attr, 41);
  // ... or unreadable: the structure ends 8 bytes before an unmapped page.
  char* edge = static_cast<char*>(mmap(nullptr, 8192, PROT_READ | PROT_WRITE,
                                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  if (edge == MAP_FAILED) Die("mmap");
  if (munmap(edge + 4096, 4096) != 0) Die("munmap");
  unsigned long long* at_edge =
      reinterpret_cast<unsigned long long*>(edge + 4096 - 40);
  at_edge[0] = 1;
  at_edge[3] = 3;
  syscall(SYS_mount_setattr, kBadFd, "", 0, at_edge, 48);
  munmap(edge, 4096);
  syscall(SYS_move_mount, kBadFd, "", AT_FDCWD, "/nonexistent", 4);
  syscall(SYS_move_mount, AT_FDCWD, "/nonexistent", tree, "", 0x177);
  syscall(SYS_move_mount, kBadFd, "", kBadFd, "", 0xffffffffu);
  syscall(SYS_move_mount, kBadFd, "", kBadFd, "", 0x200);
  // fsconfig on a bad fd, with every command's key, value and aux.
  syscall(SYS_fsconfig, kBadFd, 0, "ro", nullptr, 0);
  syscall(SYS_fsconfig, kBadFd, 1, "source", "/dev/x", 0);
  syscall(SYS_fsconfig, kBadFd, 1, reinterpret_cast<char*>(1),
          reinterpret_cast<char*>(2), -5);
  syscall(SYS_fsconfig, kBadFd, 2, "k", "abcdef", 6);
  syscall(SYS_fsconfig, kBadFd, 2, "k", nullptr, 5);
  syscall(SYS_fsconfig, kBadFd, 2, "k",
          "abcdefghijabcdefghijabcdefghijabcdefghij", 40);
  syscall(SYS_fsconfig, kBadFd, 3, "k", "/p", AT_FDCWD);
  syscall(SYS_fsconfig, kBadFd, 4, "k", "", tree);
  syscall(SYS_fsconfig, kBadFd, 5, "k", nullptr, tree);
  syscall(SYS_fsconfig, kBadFd, 6, nullptr, nullptr, 0);
  syscall(SYS_fsconfig, kBadFd, 6, "x", "y", 5);
  syscall(SYS_fsconfig, kBadFd, 7, "x", "y", 5);
  syscall(SYS_fsconfig, kBadFd, 99, "x", "y", 5);
  syscall(SYS_fsmount, kBadFd, 1, 0x1 | 0x80);
  syscall(SYS_fsmount, kBadFd, 0, 0);
  syscall(SYS_fsmount, kBadFd, 2, 0x80000000u);
  syscall(SYS_fsmount, kBadFd, 0xffffffffu, 0xffffffffu);
  // Landlock: the ABI version; rulesets that fail (no access rights,
  // unknown bits, short sizes); rules and restrictions on bad fds.
  unsigned long long ruleset[3] = {1 | 4 | (1ull << 40), 3, 5};
  syscall(SYS_landlock_create_ruleset, nullptr, 0, 1);
  syscall(SYS_landlock_create_ruleset, ruleset, 8, 0);
  syscall(SYS_landlock_create_ruleset, ruleset, 4, 0);
  syscall(SYS_landlock_create_ruleset, reinterpret_cast<char*>(1), 8, 2);
  ruleset[0] = ~0ull;
  syscall(SYS_landlock_create_ruleset, ruleset, 24, 0);
  syscall(SYS_landlock_create_ruleset, ruleset, 9, 0xffffffffu);
  ruleset[0] = 0;
  syscall(SYS_landlock_create_ruleset, ruleset, 8, 0);
  struct __attribute__((packed)) {
    unsigned long long allowed_access;
    int parent_fd;
  } beneath = {2, static_cast<int>(tree)};
  syscall(SYS_landlock_add_rule, kBadFd, 1, &beneath, 0);
  syscall(SYS_landlock_add_rule, kBadFd, 2, &beneath, 0);
  syscall(SYS_landlock_add_rule, tree, 1, nullptr, 1);
  beneath = {~0ull, -1};
  syscall(SYS_landlock_add_rule, kBadFd, 1, &beneath, 0xffffffffu);
  syscall(SYS_landlock_add_rule, kBadFd, 0, nullptr, 0);
  syscall(SYS_landlock_restrict_self, kBadFd, 0);
  syscall(SYS_landlock_restrict_self, tree, 1);
  syscall(SYS_landlock_restrict_self, kBadFd, 0xffffffffu);
  close(static_cast<int>(tree));
  // Keys: no key is created, changed or joined (serials that do not
  // exist, bad addresses, refused arguments); the user keyring's
  // description is asked for with buffers too small to get it.
  constexpr int kNoKey = 12345678;
  constexpr int kThread = -1, kProcess = -2, kSession = -3, kUser = -4;
  constexpr int kUserSession = -5, kGroup = -6, kAuthKey = -7;
  constexpr int kRequestor = -8;
  syscall(SYS_keyctl, 0, kNoKey, 1);
  syscall(SYS_keyctl, 0, -99, 0);
  syscall(SYS_keyctl, 1, reinterpret_cast<char*>(1));
  syscall(SYS_keyctl, 2, kNoKey, "abc", 3);
  syscall(SYS_keyctl, 2, kThread, nullptr, 0);
  syscall(SYS_keyctl, 3, kProcess);
  syscall(SYS_keyctl, 3, kNoKey);
  syscall(SYS_keyctl, 6, kNoKey, buf, sizeof buf);
  syscall(SYS_keyctl, 6, kUser, buf, 0);
  syscall(SYS_keyctl, 6, kUser, buf, 10);
  syscall(SYS_keyctl, 6, kUser, nullptr, 10);
  syscall(SYS_keyctl, 11, kNoKey, buf, sizeof buf);
  syscall(SYS_keyctl, 17, kNoKey, buf, sizeof buf);
  syscall(SYS_keyctl, 10, kUserSession, "user", "nonexistent-desc", 0);
  syscall(SYS_keyctl, 10, kAuthKey, "user", nullptr, kGroup);
  syscall(SYS_keyctl, 5, kNoKey, 0x01000000 | 0x02000000 | 0x003f0000 | 0x20);
  syscall(SYS_keyctl, 5, kNoKey, 0);
  syscall(SYS_keyctl, 5, kNoKey, 0x80000040u);
  syscall(SYS_keyctl, 21, kNoKey);
  syscall(SYS_keyctl, 7, kNoKey);
  syscall(SYS_keyctl, 4, kNoKey, 1, -1);
  syscall(SYS_keyctl, 15, kNoKey, 10);
  syscall(SYS_keyctl, 8, kNoKey, kSession);
  syscall(SYS_keyctl, 9, kNoKey, kSession);
  syscall(SYS_keyctl, 14, 99);
  syscall(SYS_keyctl, 14, -1);
  syscall(SYS_keyctl, 12, kNoKey, "abc", 3, kRequestor);
  syscall(SYS_keyctl, 13, kNoKey, 10, kThread);
  syscall(SYS_keyctl, 19, kNoKey, 10, EKEYREJECTED, kThread);
  syscall(SYS_keyctl, 16, kNoKey);
  syscall(SYS_keyctl, 29, kNoKey, "asymmetric", nullptr);
  syscall(SYS_keyctl, 30, kNoKey, kThread, kProcess, 1);
  syscall(SYS_keyctl, 30, kNoKey, kThread, kProcess, 6);
  // Diffie-Hellman and public-key operations on keys that do not exist.
  int dh[3] = {kNoKey, kSession, 5};
  struct {
    const char* hashname;
    const char* otherinfo;
    unsigned otherinfolen, spare[8];
  } kdf = {"sha256", "abc", 3, {}};
  syscall(SYS_keyctl, 23, dh, buf, 16, nullptr);
  syscall(SYS_keyctl, 23, dh, buf, 16, &kdf);
  kdf.otherinfolen = 0;
  kdf.spare[2] = 7;
  syscall(SYS_keyctl, 23, dh, buf, 16, &kdf);
  syscall(SYS_keyctl, 23, nullptr, nullptr, 0, reinterpret_cast<char*>(1));
  syscall(SYS_keyctl, 24, kNoKey, 0, "enc=pkcs1", buf);
  syscall(SYS_keyctl, 24, kNoKey, 5, nullptr, nullptr);
  struct {
    int key_id;
    unsigned in_len, out_len, spare[7];
  } pkey = {kNoKey, 3, 16, {}};
  syscall(SYS_keyctl, 25, &pkey, "enc=raw", "abc", buf);
  syscall(SYS_keyctl, 27, nullptr, "enc=raw", "abc", buf);
  syscall(SYS_keyctl, 28, &pkey, "enc=raw", "abc", "0123456789abcdef");
  pkey.spare[1] = 4;
  syscall(SYS_keyctl, 26, &pkey, nullptr, "abc", buf);
  unsigned char caps[4] = {};
  syscall(SYS_keyctl, 31, caps, sizeof caps);
  syscall(SYS_keyctl, 31, caps, 0);
  syscall(SYS_keyctl, 31, nullptr, 4);
  syscall(SYS_keyctl, 9999, 1, 2, 3, 4);
  syscall(SYS_add_key, "user", "desc", "payload", 7, 0);
  syscall(SYS_add_key, "user", nullptr, nullptr, 0, kThread - 100);
  syscall(SYS_add_key, reinterpret_cast<char*>(1), "d",
          reinterpret_cast<char*>(2), 3, kNoKey);
  syscall(SYS_request_key, "user", "nonexistent-desc", nullptr, 0);
  syscall(SYS_request_key, "user", "nonexistent-desc", "callout", kRequestor);
  syscall(SYS_request_key, reinterpret_cast<char*>(1), nullptr,
          reinterpret_cast<char*>(3), kNoKey);
  // bpf: an array map (created, an element updated, looked up and its
  // next key asked for), a socket filter "return 0" loaded (neither is
  // attached to anything), pins to a path that does not exist; refused
  // commands, sizes and attributes.
  union bpf_attr attr;
  memset(&attr, 0, sizeof attr);
  attr.map_type = BPF_MAP_TYPE_ARRAY;
  attr.key_size = 4;
  attr.value_size = 8;
  attr.max_entries = 4;
  const long map = syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_MAP_CREATE, &attr, 20);
  attr.map_type = 999;
  attr.map_flags = BPF_F_NO_PREALLOC | BPF_F_RDONLY_PROG | 0x80000000u;
  attr.inner_map_fd = 99;
  strcpy(attr.map_name, "abc");
  attr.map_extra = 5;
  syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof attr);
  memset(&attr, 0, sizeof attr);
  int key = 1;
  long value = 5;
  attr.map_fd = static_cast<unsigned>(map);
  attr.key = reinterpret_cast<unsigned long>(&key);
  attr.value = reinterpret_cast<unsigned long>(&value);
  attr.flags = BPF_EXIST;
  syscall(SYS_bpf, BPF_MAP_UPDATE_ELEM, &attr, sizeof attr);
  attr.flags = 99;
  syscall(SYS_bpf, BPF_MAP_UPDATE_ELEM, &attr, sizeof attr);
  attr.flags = 0;
  syscall(SYS_bpf, BPF_MAP_LOOKUP_ELEM, &attr, sizeof attr);
  attr.flags = BPF_F_LOCK;
  syscall(SYS_bpf, BPF_MAP_LOOKUP_ELEM, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_MAP_LOOKUP_ELEM, &attr, 24);
  syscall(SYS_bpf, BPF_MAP_DELETE_ELEM, &attr, sizeof attr);
  attr.flags = 0;
  syscall(SYS_bpf, BPF_MAP_GET_NEXT_KEY, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_MAP_UPDATE_ELEM, &attr, 12);
  memset(&attr, 0, sizeof attr);
  attr.pathname = reinterpret_cast<unsigned long>("/nonexistent/pin");
  attr.bpf_fd = static_cast<unsigned>(map);
  attr.file_flags = BPF_F_RDONLY;
  syscall(SYS_bpf, BPF_OBJ_PIN, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_OBJ_GET, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_OBJ_GET, &attr, 12);
  struct bpf_insn insns[2] = {};
  insns[0].code = BPF_ALU64 | BPF_MOV | BPF_K;
  insns[1].code = BPF_JMP | BPF_EXIT;
  char log[100] = {};
  memset(&attr, 0, sizeof attr);
  attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
  attr.insn_cnt = 2;
  attr.insns = reinterpret_cast<unsigned long>(insns);
  attr.license = reinterpret_cast<unsigned long>("GPL");
  const long loaded = syscall(SYS_bpf, BPF_PROG_LOAD, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_PROG_LOAD, &attr, 72);
  attr.prog_type = 999;
  attr.log_level = 1;
  attr.log_size = sizeof log;
  attr.log_buf = reinterpret_cast<unsigned long>(log);
  attr.kern_version = 0x050a03;
  attr.prog_flags = BPF_F_STRICT_ALIGNMENT | BPF_F_SLEEPABLE | 0x80000000u;
  strcpy(attr.prog_name, "p");
  attr.expected_attach_type = BPF_TRACE_FENTRY;
  attr.prog_btf_fd = static_cast<unsigned>(map);
  attr.attach_prog_fd = static_cast<unsigned>(map);
  attr.fd_array = 8;
  syscall(SYS_bpf, BPF_PROG_LOAD, &attr, sizeof attr);
  char big[300] = {};
  memcpy(big, &attr, sizeof attr);
  big[200] = 1;
  syscall(SYS_bpf, BPF_PROG_LOAD, big, sizeof big);
  // The map's information (the kernel writes back how much it gave), the
  // program run once on zeros.
  char info[200] = {};
  memset(&attr, 0, sizeof attr);
  attr.info.bpf_fd = static_cast<unsigned>(map);
  attr.info.info_len = sizeof info;
  attr.info.info = reinterpret_cast<unsigned long>(info);
  syscall(SYS_bpf, BPF_OBJ_GET_INFO_BY_FD, &attr, sizeof attr);
  attr.info.info_len = 8;
  syscall(SYS_bpf, BPF_OBJ_GET_INFO_BY_FD, &attr, sizeof attr);
  attr.info.bpf_fd = 99;
  syscall(SYS_bpf, BPF_OBJ_GET_INFO_BY_FD, &attr, 12);
  syscall(SYS_bpf, BPF_OBJ_GET_INFO_BY_FD, nullptr, 12);
  // The program's information (without -v its address), and a minimal
  // BTF object's (one BTF_KIND_INT "int"): strace 6.1 does not decode it.
  memset(info, 0, sizeof info);
  memset(&attr, 0, sizeof attr);
  attr.info.bpf_fd = static_cast<unsigned>(loaded);
  attr.info.info_len = sizeof info;
  attr.info.info = reinterpret_cast<unsigned long>(info);
  syscall(SYS_bpf, BPF_OBJ_GET_INFO_BY_FD, &attr, sizeof attr);
  struct {
    struct btf_header header;
    struct btf_type type;
    unsigned encoding;
    char strings[5];
  } btf_int;
  memset(&btf_int, 0, sizeof btf_int);
  btf_int.header.magic = BTF_MAGIC;
  btf_int.header.version = BTF_VERSION;
  btf_int.header.hdr_len = sizeof btf_int.header;
  btf_int.header.type_len = sizeof btf_int.type + sizeof btf_int.encoding;
  btf_int.header.str_off = btf_int.header.type_len;
  btf_int.header.str_len = sizeof btf_int.strings;
  btf_int.type.name_off = 1;
  btf_int.type.info = BTF_KIND_INT << 24;
  btf_int.type.size = 4;
  btf_int.encoding = 32;  // 32 bits, at offset 0, no flags
  memcpy(btf_int.strings, "\0int", 5);
  memset(&attr, 0, sizeof attr);
  attr.btf = reinterpret_cast<unsigned long>(&btf_int);
  attr.btf_size =
      sizeof btf_int.header + btf_int.header.type_len + btf_int.header.str_len;
  const long btf_fd = syscall(SYS_bpf, BPF_BTF_LOAD, &attr, sizeof attr);
  memset(info, 0, sizeof info);
  memset(&attr, 0, sizeof attr);
  attr.info.bpf_fd = static_cast<unsigned>(btf_fd);
  attr.info.info_len = 8;
  attr.info.info = reinterpret_cast<unsigned long>(info);
  syscall(SYS_bpf, BPF_OBJ_GET_INFO_BY_FD, &attr, sizeof attr);
  if (btf_fd >= 0) close(static_cast<int>(btf_fd));
  char packet[64] = {}, packet_out[64];
  memset(&attr, 0, sizeof attr);
  attr.test.prog_fd = static_cast<unsigned>(loaded);
  attr.test.data_in = reinterpret_cast<unsigned long>(packet);
  attr.test.data_size_in = sizeof packet;
  attr.test.data_out = reinterpret_cast<unsigned long>(packet_out);
  attr.test.data_size_out = sizeof packet_out;
  attr.test.repeat = 1;
  syscall(SYS_bpf, BPF_PROG_TEST_RUN, &attr, sizeof attr);
  attr.test.duration = 0;  // written by the kernel
  syscall(SYS_bpf, BPF_PROG_TEST_RUN, &attr, 40);
  // Attaching to and detaching from fds that are not open; ids that do
  // not exist.
  memset(&attr, 0, sizeof attr);
  attr.target_fd = 99;
  attr.attach_bpf_fd = 98;
  attr.attach_type = BPF_CGROUP_INET_EGRESS;
  attr.attach_flags = BPF_F_ALLOW_MULTI;
  syscall(SYS_bpf, BPF_PROG_ATTACH, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_PROG_ATTACH, &attr, 16);
  syscall(SYS_bpf, BPF_PROG_DETACH, &attr, 12);
  syscall(SYS_bpf, BPF_PROG_DETACH, &attr, sizeof attr);
  memset(&attr, 0, sizeof attr);
  attr.start_id = 0xfffffff0u;
  syscall(SYS_bpf, BPF_PROG_GET_NEXT_ID, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_MAP_GET_NEXT_ID, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_LINK_GET_NEXT_ID, &attr, 12);
  syscall(SYS_bpf, BPF_PROG_GET_FD_BY_ID, &attr, sizeof attr);
  attr.open_flags = BPF_F_RDONLY;
  syscall(SYS_bpf, BPF_MAP_GET_FD_BY_ID, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_BTF_GET_FD_BY_ID, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_LINK_GET_FD_BY_ID, &attr, 4);
  // Batches of the array map's elements (deleting is not supported for
  // arrays); the programs attached to the cgroup root (cgroup v2 or the
  // hybrid "unified" one), none; a task fd query for no task.
  unsigned batch_keys[4], batch_out = 0;
  unsigned long batch_values[4];
  memset(&attr, 0, sizeof attr);
  attr.batch.map_fd = static_cast<unsigned>(map);
  attr.batch.keys = reinterpret_cast<unsigned long>(batch_keys);
  attr.batch.values = reinterpret_cast<unsigned long>(batch_values);
  attr.batch.count = 4;
  attr.batch.out_batch = reinterpret_cast<unsigned long>(&batch_out);
  syscall(SYS_bpf, BPF_MAP_LOOKUP_BATCH, &attr, sizeof attr);
  attr.batch.count = 2;
  attr.batch.in_batch = reinterpret_cast<unsigned long>(&batch_out);
  syscall(SYS_bpf, BPF_MAP_UPDATE_BATCH, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_MAP_DELETE_BATCH, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_MAP_LOOKUP_AND_DELETE_BATCH, &attr, sizeof attr);
  int cgroup = open("/sys/fs/cgroup/unified", O_RDONLY | O_DIRECTORY);
  if (cgroup < 0) cgroup = open("/sys/fs/cgroup", O_RDONLY | O_DIRECTORY);
  unsigned prog_ids[4] = {};
  memset(&attr, 0, sizeof attr);
  attr.query.target_fd = static_cast<unsigned>(cgroup);
  attr.query.attach_type = BPF_CGROUP_INET_INGRESS;
  attr.query.prog_ids = reinterpret_cast<unsigned long>(prog_ids);
  attr.query.prog_cnt = 4;
  syscall(SYS_bpf, BPF_PROG_QUERY, &attr, sizeof attr);
  attr.query.target_fd = 99;
  syscall(SYS_bpf, BPF_PROG_QUERY, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_PROG_QUERY, nullptr, 28);
  if (cgroup >= 0) close(cgroup);
  memset(&attr, 0, sizeof attr);
  attr.task_fd_query.fd = 99;
  syscall(SYS_bpf, BPF_TASK_FD_QUERY, &attr, sizeof attr);
  // The same with a name buffer (shown as it is when the query fails) and
  // output fields given.
  char probe_name[16] = "sys_enter_x";
  attr.task_fd_query.buf = reinterpret_cast<unsigned long>(probe_name);
  attr.task_fd_query.buf_len = sizeof probe_name;
  attr.task_fd_query.fd_type = BPF_FD_TYPE_UPROBE;
  attr.task_fd_query.probe_offset = 0x40;
  syscall(SYS_bpf, BPF_TASK_FD_QUERY, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_TASK_FD_QUERY, &attr, 36);
  // Links from fds that are not programs.
  memset(&attr, 0, sizeof attr);
  attr.link_create.prog_fd = 99;
  attr.link_create.target_fd = 98;
  attr.link_create.attach_type = BPF_CGROUP_INET_EGRESS;
  syscall(SYS_bpf, BPF_LINK_CREATE, &attr, sizeof attr);
  attr.link_create.attach_type = BPF_CGROUP_INET_INGRESS;
  attr.link_create.target_btf_id = 17;
  syscall(SYS_bpf, BPF_LINK_CREATE, &attr, sizeof attr);
  attr.link_create.attach_type = BPF_PERF_EVENT;
  attr.link_create.perf_event.bpf_cookie = 0x1234;
  syscall(SYS_bpf, BPF_LINK_CREATE, &attr, sizeof attr);
  memset(&attr.link_create.kprobe_multi, 0,
         sizeof attr.link_create.kprobe_multi);
  attr.link_create.attach_type = BPF_TRACE_KPROBE_MULTI;
  attr.link_create.kprobe_multi.flags = BPF_F_KPROBE_MULTI_RETURN;
  attr.link_create.kprobe_multi.cnt = 1;
  syscall(SYS_bpf, BPF_LINK_CREATE, &attr, sizeof attr);
  // A raw tracepoint and a link update for fds that are not programs or
  // links; BTF that is not valid.
  memset(&attr, 0, sizeof attr);
  attr.raw_tracepoint.name = reinterpret_cast<unsigned long>("sys_enter");
  attr.raw_tracepoint.prog_fd = 99;
  syscall(SYS_bpf, BPF_RAW_TRACEPOINT_OPEN, &attr, sizeof attr);
  memset(&attr, 0, sizeof attr);
  attr.link_update.link_fd = 99;
  attr.link_update.new_prog_fd = 98;
  attr.link_update.flags = BPF_F_REPLACE;
  attr.link_update.old_prog_fd = 97;
  syscall(SYS_bpf, BPF_LINK_UPDATE, &attr, sizeof attr);
  attr.link_update.flags = 0;
  syscall(SYS_bpf, BPF_LINK_UPDATE, &attr, sizeof attr);
  memset(&attr, 0, sizeof attr);
  char btf[10] = "not btf";
  attr.btf = reinterpret_cast<unsigned long>(btf);
  attr.btf_size = sizeof btf;
  syscall(SYS_bpf, BPF_BTF_LOAD, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_PROG_LOAD, nullptr, 0);
  syscall(SYS_bpf, BPF_PROG_LOAD, reinterpret_cast<char*>(1), 144);
  syscall(SYS_bpf, 999, &attr, sizeof attr);
  syscall(SYS_bpf, BPF_MAP_FREEZE, &attr, 8000);
  if (loaded >= 0) close(static_cast<int>(loaded));
  if (map >= 0) close(static_cast<int>(map));
  // seccomp: the actions the kernel knows, notification sizes, refused
  // modes and flags, then an allow-all filter (it changes nothing).
  unsigned action = 0x7ffc0000;  // SECCOMP_RET_LOG
  syscall(SYS_seccomp, 2, 0, &action);
  action = 0x12345;
  syscall(SYS_seccomp, 2, 0, &action);
  syscall(SYS_seccomp, 2, 0, nullptr);
  unsigned short sizes[3];
  syscall(SYS_seccomp, 3, 0, sizes);
  syscall(SYS_seccomp, 3, 1, reinterpret_cast<char*>(1));
  syscall(SYS_seccomp, 0, 1, nullptr);
  syscall(SYS_seccomp, 99, 0, nullptr);
  syscall(SYS_seccomp, 1, 0, nullptr);
  syscall(SYS_seccomp, 1, 0xffffffffu, nullptr);
  struct sock_filter allow[] = {{BPF_RET | BPF_K, 0, 0, 0x7fff0000}};
  struct sock_fprog prog = {0, nullptr};
  syscall(SYS_seccomp, 1, 8, &prog);
  prog = {1, allow};
  syscall(SYS_seccomp, 1, 2, &prog);
  close(nsfd);
  return 0;
}

// ---- ipc ----
// System V IPC on private objects, created and removed here (see the
// header). Raw syscalls, so that the arguments are the ones written here
// (glibc's semop is semtimedop, its semctl passes its own fourth argument).
int Ipc() {
  constexpr long kNoKey = 0x7474ac01;  // assumed unused: ENOENT
  constexpr int kIpc64 = 0x100;
  // Shared memory.
  const long shm = syscall(SYS_shmget, IPC_PRIVATE, 8192, IPC_CREAT | 0600);
  if (shm < 0) Die("shmget");
  syscall(SYS_shmget, kNoKey, 4096, 0);
  // 32<<SHM_HUGE_SHIFT: no such page size (EINVAL).
  const long huge = syscall(
      SYS_shmget, IPC_PRIVATE, 4096,
      IPC_CREAT | IPC_EXCL | SHM_HUGETLB | SHM_NORESERVE | 0644 | 0x80000000UL);
  if (huge >= 0) syscall(SYS_shmctl, huge, IPC_RMID, nullptr);
  const long p = syscall(SYS_shmat, shm, nullptr, 0);
  if (p == -1) Die("shmat");
  const long q = syscall(SYS_shmat, shm, nullptr, SHM_RDONLY);
  syscall(SYS_shmat, -1, nullptr, SHM_RND);
  shmid_ds ds;
  if (syscall(SYS_shmctl, shm, IPC_STAT, &ds) != 0) Die("shmctl IPC_STAT");
  syscall(SYS_shmctl, shm, IPC_SET, &ds);
  syscall(SYS_shmctl, shm, IPC_STAT, nullptr);
  syscall(SYS_shmctl, -1, IPC_STAT, &ds);
  syscall(SYS_shmctl, shm, kIpc64 | IPC_STAT, &ds);
  syscall(SYS_shmctl, shm, 99, nullptr);
  syscall(SYS_shmctl, shm, SHM_LOCK, nullptr);
  syscall(SYS_shmctl, shm, SHM_UNLOCK, nullptr);
  syscall(SYS_shmdt, p);
  syscall(SYS_shmdt, q);
  syscall(SYS_shmdt, nullptr);
  if (syscall(SYS_shmctl, shm, IPC_RMID, nullptr) != 0) Die("shmctl RMID");
  // Semaphores.
  const long sem = syscall(SYS_semget, IPC_PRIVATE, 2, IPC_CREAT | 0600);
  if (sem < 0) Die("semget");
  syscall(SYS_semget, kNoKey, 1, 0);
  syscall(SYS_semctl, sem, 1, SETVAL, 5);
  syscall(SYS_semctl, sem, 1, GETVAL, 0);
  unsigned short values[2] = {1, 2};
  syscall(SYS_semctl, sem, 0, SETALL, values);
  syscall(SYS_semctl, sem, 0, GETALL, values);
  syscall(SYS_semctl, sem, 0, GETNCNT, 0);
  syscall(SYS_semctl, sem, 0, GETPID, 0);
  sembuf ops[2] = {{0, 1, 0}, {1, -1, SEM_UNDO | IPC_NOWAIT}};
  syscall(SYS_semop, sem, ops, 2);
  sembuf too_much = {0, -100, IPC_NOWAIT};
  syscall(SYS_semop, sem, &too_much, 1);  // EAGAIN
  syscall(SYS_semop, sem, nullptr, 1);    // EFAULT
  timespec ms{0, 1000000};
  syscall(SYS_semtimedop, sem, ops, 1, &ms);
  too_much.sem_flg = 0;
  syscall(SYS_semtimedop, sem, &too_much, 1, &ms);  // EAGAIN after 1 ms
  semid_ds sds;
  if (syscall(SYS_semctl, sem, 0, IPC_STAT, &sds) != 0) Die("semctl STAT");
  syscall(SYS_semctl, sem, 0, IPC_SET, &sds);
  syscall(SYS_semctl, sem, 0, 99, 0x1234);
  if (syscall(SYS_semctl, sem, 0, IPC_RMID, 0) != 0) Die("semctl RMID");
  // Message queues.
  const long msq = syscall(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
  if (msq < 0) Die("msgget");
  syscall(SYS_msgget, kNoKey, 0);
  struct {
    long mtype;
    char mtext[64];
  } msg = {42, "hello\0world"}, got;
  syscall(SYS_msgsnd, msq, &msg, 11, 0);
  msg.mtype = 7;
  memset(msg.mtext, 'z', sizeof msg.mtext);
  syscall(SYS_msgsnd, msq, &msg, 40, IPC_NOWAIT);
  syscall(SYS_msgsnd, msq, nullptr, 5, 0);  // EFAULT
  memset(&got, 'x', sizeof got);
  syscall(SYS_msgrcv, msq, &got, sizeof got.mtext, 0, 0);
  syscall(SYS_msgrcv, msq, &got, 2, 7, MSG_NOERROR | IPC_NOWAIT);
  syscall(SYS_msgrcv, msq, &got, sizeof got.mtext, -5L,
          MSG_EXCEPT | IPC_NOWAIT);  // ENOMSG
  msqid_ds mds;
  if (syscall(SYS_msgctl, msq, IPC_STAT, &mds) != 0) Die("msgctl STAT");
  syscall(SYS_msgctl, msq, IPC_SET, &mds);
  syscall(SYS_msgctl, msq, IPC_STAT, nullptr);
  if (syscall(SYS_msgctl, msq, IPC_RMID, nullptr) != 0) Die("msgctl RMID");
  syscall(SYS_msgctl, msq, IPC_RMID, nullptr);  // EINVAL
  return 0;
}

// ---- counts ----
int Counts() {
  for (int i = 0; i < 7; ++i) {
    syscall(SYS_getppid);
    if (i < 5 &&
        syscall(SYS_openat, AT_FDCWD, "/nonexistent/counts", O_RDONLY) != -1) {
      Die("openat succeeded");
    }
    if (i < 3 && syscall(SYS_close, -1) != -1) Die("close(-1) succeeded");
  }
  return 0;
}

}  // namespace

// ---- pids ----
// The state letter of /proc/PID/stat ('S' sleeping, 't' at a tracing
// stop, ...), read with calls the scenario makes for nothing else
// (openat2, preadv2, close_range), so that a trace can leave them out.
char ProcState(pid_t pid) {
  const std::string path = "/proc/" + std::to_string(pid) + "/stat";
  open_how how{};
  how.flags = O_RDONLY | O_CLOEXEC;
  const int fd = static_cast<int>(
      syscall(SYS_openat2, AT_FDCWD, path.c_str(), &how, sizeof how));
  if (fd < 0) return '?';
  char buf[512];
  iovec v{buf, sizeof buf - 1};
  const ssize_t n = preadv2(fd, &v, 1, 0, 0);
  syscall(SYS_close_range, fd, fd, 0);
  if (n <= 0) return '?';
  buf[n] = '\0';
  const char* paren = strrchr(buf, ')');
  return paren != nullptr && paren[1] == ' ' ? paren[2] : '?';
}

int Pids() {
  int go[2], ready[2];
  NewPipe(go);
  NewPipe(ready);
  const pid_t self = getpid();
  syscall(SYS_gettid);
  getpgrp();
  getpgid(0);
  getsid(self);
  const pid_t kid = fork();
  if (kid < 0) Die("fork");
  char c;
  if (kid == 0) {
    if (read(go[0], &c, 1) != 1) Die("read go");
    prctl(PR_SET_NAME, "kid", 0, 0, 0);
    if (write(ready[1], "r", 1) != 1) Die("write ready");
    for (;;) pause();
  }
  if (write(go[1], "g", 1) != 1) Die("write go");
  if (read(ready[0], &c, 1) != 1) Die("read ready");
  if (kill(kid, 0) != 0) Die("kill 0");
  if (syscall(SYS_tkill, kid, 0) != 0) Die("tkill");
  if (tracee::Tgkill(kid, kid, 0) != 0) Die("tgkill");
  sched_getscheduler(kid);
  rlimit64 r;
  if (prlimit64(kid, RLIMIT_NOFILE, nullptr, &r) != 0) Die("prlimit64");
  if (setpgid(kid, kid) != 0) Die("setpgid");
  getpgid(kid);
  const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, kid, 0));
  if (pidfd >= 0) close(pidfd);
  signal(SIGUSR1, SIG_IGN);
  siginfo_t si{};
  si.si_signo = SIGUSR1;
  si.si_code = SI_QUEUE;
  si.si_pid = self;
  si.si_uid = getuid();
  if (syscall(SYS_rt_sigqueueinfo, self, SIGUSR1, &si) != 0) {
    Die("rt_sigqueueinfo");
  }
  // Pids in socket credentials: a UNIX socketpair's peer (SO_PEERCRED)
  // and an SCM_CREDENTIALS message sent and received.
  int sp[2];
  if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sp) != 0) Die("socketpair");
  const int on = 1;
  setsockopt(sp[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof on);
  for (socklen_t want : {5, 9, 11, 12}) {  // the whole struct, or cut
    ucred peer{};
    socklen_t peer_len = want;
    getsockopt(sp[0], SOL_SOCKET, SO_PEERCRED, &peer, &peer_len);
  }
  ucred cred{self, getuid(), getgid()};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof cred)] = {};
  char byte = 'c';
  iovec iov = {&byte, 1};
  msghdr mh{};
  mh.msg_iov = &iov;
  mh.msg_iovlen = 1;
  mh.msg_control = control;
  mh.msg_controllen = sizeof control;
  cmsghdr* cm = CMSG_FIRSTHDR(&mh);
  cm->cmsg_level = SOL_SOCKET;
  cm->cmsg_type = SCM_CREDENTIALS;
  cm->cmsg_len = CMSG_LEN(sizeof cred);
  memcpy(CMSG_DATA(cm), &cred, sizeof cred);
  if (sendmsg(sp[0], &mh, 0) != 1) Die("sendmsg");
  if (recvmsg(sp[1], &mh, 0) != 1) Die("recvmsg");
  close(sp[0]);
  close(sp[1]);
  // SIGTERM once the child sleeps in pause() (not before it got there: its
  // trace would then have no pause). Polled with clock_nanosleep.
  while (ProcState(kid) != 'S') {
    timespec ms{0, 1000000};
    clock_nanosleep(CLOCK_MONOTONIC, 0, &ms, nullptr);
  }
  if (kill(kid, SIGTERM) != 0) Die("kill");
  siginfo_t info{};
  if (waitid(P_PID, kid, &info, WEXITED | WNOWAIT) != 0) Die("waitid");
  int status;
  if (wait4(kid, &status, 0, nullptr) != kid) Die("wait4");
  return 0;
}

// ---- pidns ----
int Pidns() {
  if (unshare(CLONE_NEWPID) != 0) Die("unshare(CLONE_NEWPID)");
  const pid_t init = fork();  // pid 1 of the new namespace
  if (init < 0) Die("fork");
  if (init == 0) _exit(Pids());
  int status;
  if (waitpid(init, &status, 0) != init) Die("waitpid");
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

// ---- io ----
int Io() {
  int p[2];
  NewPipe(p);
  char ab[] = "ab", empty[] = "", cdef[] = "cdef";
  iovec out[3] = {{ab, 2}, {empty, 0}, {cdef, 4}};
  if (writev(p[1], out, 3) != 6) Die("writev");
  char bytes[40];
  for (int i = 0; i < 40; ++i) bytes[i] = static_cast<char>(i * 7 - 20);
  if (write(p[1], bytes, sizeof bytes) != sizeof bytes) Die("write");
  char a[3], b[10];
  iovec in[2] = {{a, sizeof a}, {b, sizeof b}};
  if (readv(p[0], in, 2) != 13) Die("readv");
  char rest[64];
  if (read(p[0], rest, sizeof rest) != 33) Die("read");
  int s[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, s) != 0) Die("socketpair");
  if (sendto(s[0], "hello", 5, 0, nullptr, 0) != 5) Die("sendto");
  if (recvfrom(s[1], rest, sizeof rest, 0, nullptr, nullptr) != 5) {
    Die("recvfrom");
  }
  char x[] = "x", yz[] = "yz";
  iovec parts[2] = {{x, 1}, {yz, 2}};
  msghdr msg{};
  msg.msg_iov = parts;
  msg.msg_iovlen = 2;
  if (sendmsg(s[0], &msg, 0) != 3) Die("sendmsg");
  iovec whole = {rest, sizeof rest};
  msghdr got{};
  got.msg_iov = &whole;
  got.msg_iovlen = 1;
  if (recvmsg(s[1], &got, 0) != 3) Die("recvmsg");
  char mm[] = "mm", sg[] = "sg";
  iovec mm_iov = {mm, 2}, sg_iov = {sg, 2};
  mmsghdr two[2] = {};
  two[0].msg_hdr.msg_iov = &mm_iov;
  two[0].msg_hdr.msg_iovlen = 1;
  two[1].msg_hdr.msg_iov = &sg_iov;
  two[1].msg_hdr.msg_iovlen = 1;
  if (sendmmsg(s[0], two, 2, 0) != 2) Die("sendmmsg");
  char r1[2], r2[2];
  iovec r1_iov = {r1, 2}, r2_iov = {r2, 2};
  mmsghdr back[2] = {};
  back[0].msg_hdr.msg_iov = &r1_iov;
  back[0].msg_hdr.msg_iovlen = 1;
  back[1].msg_hdr.msg_iov = &r2_iov;
  back[1].msg_hdr.msg_iovlen = 1;
  if (recvmmsg(s[1], back, 2, MSG_DONTWAIT, nullptr) != 2) Die("recvmmsg");
  if (write(99, "lost", 4) != -1) Die("write to a closed fd");
  return 0;
}

// ---- netlink ----
int Netlink() {
  const int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  if (fd < 0) Die("socket");
  sockaddr_nl self{};
  self.nl_family = AF_NETLINK;
  if (bind(fd, reinterpret_cast<sockaddr*>(&self), sizeof self) != 0) {
    Die("bind");
  }
  struct {
    nlmsghdr h;
    ifinfomsg i;
  } req{};
  req.h.nlmsg_len = sizeof req;
  req.h.nlmsg_type = RTM_GETLINK;
  req.h.nlmsg_flags = NLM_F_REQUEST;
  req.h.nlmsg_seq = 1;
  req.i.ifi_index = 1;
  if (sendto(fd, &req, sizeof req, 0, nullptr, 0) != sizeof req) {
    Die("sendto");
  }
  char small[64];
  iovec iov = {small, sizeof small};
  sockaddr_nl from{};
  msghdr m{};
  m.msg_name = &from;
  m.msg_namelen = sizeof from;
  m.msg_iov = &iov;
  m.msg_iovlen = 1;
  if (recvmsg(fd, &m, 0) < 0) Die("recvmsg");
  req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
  req.h.nlmsg_seq = 2;
  req.i.ifi_index = 0x7fffffff;
  if (sendto(fd, &req, sizeof req, 0, nullptr, 0) != sizeof req) {
    Die("sendto");
  }
  char big[4096];
  if (recvfrom(fd, big, sizeof big, 0, nullptr, nullptr) < 0) Die("recvfrom");
  nlmsghdr noops[2] = {};
  for (int i = 0; i < 2; ++i) {
    noops[i].nlmsg_len = sizeof(nlmsghdr);
    noops[i].nlmsg_type = NLMSG_NOOP;
    noops[i].nlmsg_seq = 3 + i;
  }
  char tail[] = "xyz";
  iovec parts[2] = {{noops, sizeof noops}, {tail, 3}};
  msghdr out{};
  out.msg_iov = parts;
  out.msg_iovlen = 2;
  sendmsg(fd, &out, 0);
  close(fd);
  return 0;
}

int NetlinkNetns() {
  unshare(CLONE_NEWNET);  // EPERM when not root: `netlink` as it is
  return Netlink();
}

// Requests of `ip netconf`, `ip addrlabel`, `ip netns list-id`, `ip stats`
// and `ip nexthop`, each answer read once.
int NetlinkMore() {
  const int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  if (fd < 0) Die("socket");
  sockaddr_nl self{};
  self.nl_family = AF_NETLINK;
  if (bind(fd, reinterpret_cast<sockaddr*>(&self), sizeof self) != 0) {
    Die("bind");
  }
  char big[4096];
  // `ip netconf show dev lo`'s request (struct netconfmsg, padded to 4
  // bytes, and NETCONFA_IFINDEX) and `ip -6 addrlabel`'s dump.
  struct {
    nlmsghdr h;
    uint8_t family[4];
    nlattr a;
    int32_t ifindex;
  } netconf{};
  netconf.h.nlmsg_len = sizeof netconf;
  netconf.h.nlmsg_type = RTM_GETNETCONF;
  netconf.h.nlmsg_flags = NLM_F_REQUEST;
  netconf.h.nlmsg_seq = 5;
  netconf.family[0] = AF_INET;
  netconf.a.nla_len = sizeof(nlattr) + sizeof(int32_t);
  netconf.a.nla_type = NETCONFA_IFINDEX;
  netconf.ifindex = 1;
  if (sendto(fd, &netconf, sizeof netconf, 0, nullptr, 0) < 0) Die("sendto");
  if (recvfrom(fd, big, sizeof big, 0, nullptr, nullptr) < 0) Die("recvfrom");
  struct {
    nlmsghdr h;
    ifaddrlblmsg m;
  } labels{};
  labels.h.nlmsg_len = sizeof labels;
  labels.h.nlmsg_type = RTM_GETADDRLABEL;
  labels.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  labels.h.nlmsg_seq = 6;
  labels.m.ifal_family = AF_INET6;
  if (sendto(fd, &labels, sizeof labels, 0, nullptr, 0) < 0) Die("sendto");
  if (recvfrom(fd, big, sizeof big, 0, nullptr, nullptr) < 0) Die("recvfrom");
  // `ip netns list-id`'s question about a namespace fd (here its own:
  // NETNSA_NSID -1, none assigned), `ip stats show dev lo group afstats`
  // and `ip nexthop`.
  const int ns = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
  struct {
    nlmsghdr h;
    uint8_t family[4];
    nlattr a;
    int32_t fd;
  } nsid{};
  nsid.h.nlmsg_len = sizeof nsid;
  nsid.h.nlmsg_type = RTM_GETNSID;
  nsid.h.nlmsg_flags = NLM_F_REQUEST;
  nsid.h.nlmsg_seq = 7;
  nsid.a.nla_len = sizeof(nlattr) + sizeof(int32_t);
  nsid.a.nla_type = NETNSA_FD;
  nsid.fd = ns;
  if (sendto(fd, &nsid, sizeof nsid, 0, nullptr, 0) < 0) Die("sendto");
  if (recvfrom(fd, big, sizeof big, 0, nullptr, nullptr) < 0) Die("recvfrom");
  if (ns >= 0) close(ns);
  struct {
    nlmsghdr h;
    if_stats_msg m;
  } stats{};
  stats.h.nlmsg_len = sizeof stats;
  stats.h.nlmsg_type = RTM_GETSTATS;
  stats.h.nlmsg_flags = NLM_F_REQUEST;
  stats.h.nlmsg_seq = 8;
  stats.m.ifindex = 1;
  stats.m.filter_mask = IFLA_STATS_FILTER_BIT(IFLA_STATS_AF_SPEC);
  if (sendto(fd, &stats, sizeof stats, 0, nullptr, 0) < 0) Die("sendto");
  if (recvfrom(fd, big, sizeof big, 0, nullptr, nullptr) < 0) Die("recvfrom");
  struct {
    nlmsghdr h;
    uint8_t nhmsg[8];
  } nexthops{};
  nexthops.h.nlmsg_len = sizeof nexthops;
  nexthops.h.nlmsg_type = RTM_GETNEXTHOP;
  nexthops.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  nexthops.h.nlmsg_seq = 9;
  if (sendto(fd, &nexthops, sizeof nexthops, 0, nullptr, 0) < 0) {
    Die("sendto");
  }
  if (recvfrom(fd, big, sizeof big, 0, nullptr, nullptr) < 0) Die("recvfrom");
  close(fd);
  return 0;
}

int Misc(const char* dir) {
  const std::string file = std::string(dir) + "/misc.txt";
  const int created = open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (created < 0) Die("open misc.txt");
  close(created);
  // openat2: an fd, failures, odd sizes.
  open_how how{};
  how.flags = O_RDONLY | O_CLOEXEC;
  const long fd =
      syscall(SYS_openat2, AT_FDCWD, "/etc/passwd", &how, sizeof(how));
  how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH;
  syscall(SYS_openat2, AT_FDCWD, "/etc/passwd", &how, sizeof(how));
  open_how creat{};
  creat.flags = O_WRONLY | O_CREAT;
  creat.mode = 0600;
  creat.resolve = 0x100;  // unknown
  syscall(SYS_openat2, AT_FDCWD, "/nonexistent/x", &creat, sizeof(creat));
  syscall(SYS_openat2, AT_FDCWD, "/etc/passwd", &how, 16);
  syscall(SYS_openat2, AT_FDCWD, "/etc/passwd", nullptr, sizeof(how));
  syscall(SYS_openat2, 99, "x", 8, sizeof(how));
  if (fd >= 0) close(static_cast<int>(fd));
  // utimes, futimesat, utime.
  timeval tv[2] = {{1, 2}, {3, 4}};
  syscall(SYS_utimes, file.c_str(), tv);
  syscall(SYS_utimes, file.c_str(), nullptr);
  syscall(SYS_utimes, "/nonexistent/x", 8);
  timeval odd[2] = {{0, 0}, {3, 1000000}};
  syscall(SYS_utimes, file.c_str(), odd);
  syscall(SYS_futimesat, AT_FDCWD, file.c_str(), tv);
  syscall(SYS_futimesat, 99, "x", nullptr);
  utimbuf ub = {5, 6};
  syscall(SYS_utime, file.c_str(), &ub);
  syscall(SYS_utime, file.c_str(), nullptr);
  syscall(SYS_utime, "/nonexistent/x", &ub);
  // process_vm_readv/writev of its own memory.
  char src[16] = "hello world";
  char dst[16] = {};
  iovec local = {dst, 5}, remote = {src, 5};
  const pid_t pid = getpid();
  syscall(SYS_process_vm_readv, pid, &local, 1, &remote, 1, 0);
  syscall(SYS_process_vm_writev, pid, &remote, 1, &local, 1, 0);
  iovec bad = {reinterpret_cast<void*>(8), 5};
  syscall(SYS_process_vm_readv, pid, &local, 1, &bad, 1, 0);
  syscall(SYS_process_vm_readv, pid, nullptr, 0, nullptr, 0, 1);
  // clock_settime: bad clock, bad pointer.
  timespec ts = {1, 2};
  syscall(SYS_clock_settime, 99, &ts);
  syscall(SYS_clock_settime, CLOCK_REALTIME, nullptr);
  // io_uring: a ring of 4 entries, and failures.
  io_uring_params up{};
  const long ring = syscall(SYS_io_uring_setup, 4, &up);
  syscall(SYS_io_uring_enter, ring, 0, 0, IORING_ENTER_GETEVENTS, nullptr, 8);
  syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_BUFFERS, nullptr, 0);
  int ring_fds[2] = {0, 1};
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES, ring_fds, 2);
  io_uring_files_update ring_update{};
  ring_update.offset = 1;
  ring_update.fds = reinterpret_cast<uintptr_t>(ring_fds);
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES_UPDATE,
          &ring_update, 1);
  syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_FILES, nullptr, 0);
  iovec ring_iov = {src, sizeof(src)};
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_BUFFERS, &ring_iov, 1);
  alignas(8) char
      probe_buf[sizeof(io_uring_probe) + 4 * sizeof(io_uring_probe_op)] = {};
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_PROBE, probe_buf, 4);
  unsigned workers[2] = {0, 0};  // only reads the limits
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_IOWQ_MAX_WORKERS,
          workers, 2);
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_IOWQ_MAX_WORKERS, 8, 2);
  unsigned long ring_cpus[16] = {1};  // a cpu_set_t of CPU 0
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_IOWQ_AFF, ring_cpus,
          sizeof(ring_cpus));
  syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_IOWQ_AFF, nullptr, 0);
  uint64_t ring_tags[2] = {5, 6};
  io_uring_rsrc_register ring_rsrc{};
  ring_rsrc.nr = 2;
  ring_rsrc.data = reinterpret_cast<uintptr_t>(ring_fds);
  ring_rsrc.tags = reinterpret_cast<uintptr_t>(ring_tags);
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES2, &ring_rsrc,
          sizeof(ring_rsrc));
  io_uring_rsrc_update2 ring_update2{};
  ring_update2.data = reinterpret_cast<uintptr_t>(ring_fds);
  ring_update2.tags = reinterpret_cast<uintptr_t>(ring_tags);
  ring_update2.nr = 2;
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES_UPDATE2,
          &ring_update2, sizeof(ring_update2));
  syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_FILES, nullptr, 0);
  // A longer structure whose extra bytes are not all zero (EINVAL).
  alignas(8) char ring_long[sizeof(ring_rsrc) + 8] = {};
  memcpy(ring_long, &ring_rsrc, sizeof(ring_rsrc));
  ring_long[sizeof(ring_rsrc) + 3] = 1;
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES2, ring_long,
          sizeof(ring_long));
  syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_BUFFERS, nullptr, 0);
  ring_rsrc.nr = 1;
  ring_rsrc.data = reinterpret_cast<uintptr_t>(&ring_iov);
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_BUFFERS2, &ring_rsrc,
          sizeof(ring_rsrc));
  ring_update2.data = reinterpret_cast<uintptr_t>(&ring_iov);
  ring_update2.nr = 1;
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_BUFFERS_UPDATE,
          &ring_update2, sizeof(ring_update2));
  syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_BUFFERS, nullptr, 0);
  io_uring_rsrc_update ring_self[2] = {};
  ring_self[0].offset = 0xffffffffu;  // any free slot
  ring_self[0].data = static_cast<uint64_t>(ring);
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_RING_FDS, ring_self, 1);
  syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_RING_FDS, ring_self,
          1);
  ring_self[1].offset = 7;
  ring_self[1].resv = 2;
  syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_RING_FDS, ring_self,
          2);
  void* pbuf = mmap(nullptr, 4096, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  io_uring_buf_reg ring_buf{};
  ring_buf.ring_addr = reinterpret_cast<uintptr_t>(pbuf);
  ring_buf.ring_entries = 8;
  ring_buf.bgid = 3;
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_PBUF_RING, &ring_buf, 1);
  syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_PBUF_RING, &ring_buf,
          1);
  ring_buf.resv[1] = 6;
  syscall(SYS_io_uring_register, ring, IORING_REGISTER_PBUF_RING, &ring_buf, 1);
  munmap(pbuf, 4096);
  if (ring >= 0) close(static_cast<int>(ring));
  // A ring that starts disabled, restricted, then enabled.
  io_uring_params rup{};
  rup.flags = IORING_SETUP_R_DISABLED;
  const long rring = syscall(SYS_io_uring_setup, 4, &rup);
  io_uring_restriction rules[3] = {};
  rules[0].opcode = IORING_RESTRICTION_SQE_OP;
  rules[0].sqe_op = IORING_OP_READV;
  rules[1].opcode = IORING_RESTRICTION_REGISTER_OP;
  rules[1].register_op = IORING_REGISTER_FILES;
  rules[2].opcode = IORING_RESTRICTION_SQE_FLAGS_ALLOWED;
  rules[2].sqe_flags = IOSQE_FIXED_FILE | IOSQE_ASYNC;
  io_uring_restriction bad_rules[2] = {};
  bad_rules[0].opcode = 7;  // unknown (EINVAL)
  bad_rules[0].sqe_op = 9;
  bad_rules[1].opcode = IORING_RESTRICTION_SQE_FLAGS_REQUIRED;
  bad_rules[1].sqe_flags = 0xff;
  bad_rules[1].resv = 1;
  bad_rules[1].resv2[1] = 7;
  syscall(SYS_io_uring_register, rring, IORING_REGISTER_RESTRICTIONS, bad_rules,
          2);
  syscall(SYS_io_uring_register, rring, IORING_REGISTER_RESTRICTIONS, rules, 3);
  syscall(SYS_io_uring_register, rring, IORING_REGISTER_ENABLE_RINGS, nullptr,
          0);
  if (rring >= 0) close(static_cast<int>(rring));
  io_uring_params bad_up{};
  bad_up.flags = IORING_SETUP_ATTACH_WQ | 0x80000000u;
  bad_up.wq_fd = 99;
  bad_up.resv[1] = 5;
  syscall(SYS_io_uring_setup, 4, &bad_up);
  syscall(SYS_io_uring_setup, 4, nullptr);
  syscall(SYS_io_uring_enter, -1, 1, 2, 0xffffffffu, nullptr, 8);
  syscall(SYS_io_uring_register, -1, 0x80000003u, 8, 5);
  // Memory protection keys.
  const long pkey = syscall(SYS_pkey_alloc, 0, PKEY_DISABLE_WRITE);
  void* page =
      mmap(nullptr, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  syscall(SYS_pkey_mprotect, page, 4096, PROT_READ | PROT_WRITE, -1);
  syscall(SYS_pkey_mprotect, page, 4096, 0x100, -1);
  if (pkey >= 0) syscall(SYS_pkey_free, pkey);
  syscall(SYS_pkey_free, -1);
  syscall(SYS_pkey_alloc, 1, 0xff);
  munmap(page, 4096);
  // fanotify.
  const long fan = syscall(SYS_fanotify_init, FAN_CLASS_NOTIF | FAN_CLOEXEC,
                           O_RDONLY | O_LARGEFILE);
  syscall(SYS_fanotify_mark, fan, FAN_MARK_ADD, FAN_OPEN | FAN_CLOSE_WRITE,
          AT_FDCWD, dir);
  syscall(SYS_fanotify_mark, fan, FAN_MARK_FLUSH, 0, -1, nullptr);
  if (fan >= 0) close(static_cast<int>(fan));
  syscall(SYS_fanotify_init, 0xffffffffu, O_RDWR);
  syscall(SYS_fanotify_mark, -1, 0xfffff800u, 0x2000ull, 3, 8);
  // get_robust_list, futex_waitv.
  void* head = nullptr;
  size_t head_len = 0;
  syscall(SYS_get_robust_list, 0, &head, &head_len);
  syscall(SYS_get_robust_list, 0, 8, 16);
  futex_waitv waiters[2] = {};
  waiters[0].val = 1;
  waiters[0].uaddr = 0x1000;
  waiters[0].flags = FUTEX_32;
  waiters[1].val = 2;
  waiters[1].uaddr = 0x2000;
  waiters[1].flags = FUTEX_32 | FUTEX_PRIVATE_FLAG;
  timespec wait_ts = {0, 1000};
  syscall(SYS_futex_waitv, waiters, 2, 0, &wait_ts, CLOCK_MONOTONIC);
  syscall(SYS_futex_waitv, nullptr, 0, 5, nullptr, 99);
  // File handles.
  alignas(8) char handle_buf[sizeof(file_handle) + 128];
  auto* handle = reinterpret_cast<file_handle*>(handle_buf);
  handle->handle_bytes = 128;
  int mount_id = -1;
  syscall(SYS_name_to_handle_at, AT_FDCWD, "/etc/passwd", handle, &mount_id, 0);
  syscall(SYS_open_by_handle_at, 99, handle, O_RDONLY);
  handle->handle_bytes = 0;
  syscall(SYS_name_to_handle_at, AT_FDCWD, "/etc/passwd", handle, &mount_id,
          AT_SYMLINK_FOLLOW);
  syscall(SYS_name_to_handle_at, 99, "", 8, 8, AT_EMPTY_PATH);
  syscall(SYS_open_by_handle_at, 99, 8, O_RDWR | O_CLOEXEC);
  // POSIX message queues: failures only (the name is not per run).
  syscall(SYS_mq_open, "/ttrace-misc-nonexistent", O_RDONLY, 0, nullptr);
  syscall(SYS_mq_open, "/ttrace-misc-nonexistent", O_RDONLY | O_CREAT, 0600, 8);
  syscall(SYS_mq_unlink, "/ttrace-misc-nonexistent");
  timespec mq_ts = {1, 2};
  syscall(SYS_mq_timedsend, -1, "hello", 5, 1, &mq_ts);
  char mq_buf[16];
  unsigned mq_prio = 0;
  syscall(SYS_mq_timedreceive, -1, mq_buf, sizeof(mq_buf), &mq_prio, nullptr);
  sigevent mq_ev{};
  mq_ev.sigev_notify = SIGEV_SIGNAL;
  mq_ev.sigev_signo = SIGUSR1;
  syscall(SYS_mq_notify, -1, &mq_ev);
  mq_attr attr{};
  attr.mq_flags = O_NONBLOCK;
  attr.mq_maxmsg = 3;
  syscall(SYS_mq_getsetattr, -1, &attr, &attr);
  // remap_file_pages, process_madvise, memfd_secret.
  void* anon =
      mmap(nullptr, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  syscall(SYS_remap_file_pages, anon, 4096, 0, 0, 0);
  munmap(anon, 4096);
  iovec madv = {mq_buf, 4};
  syscall(SYS_process_madvise, 99, &madv, 1, MADV_COLD, 0);
  syscall(SYS_process_madvise, 99, &madv, 1, 1000, 5);
  const long secret = syscall(SYS_memfd_secret, 0);
  if (secret >= 0) close(static_cast<int>(secret));
  syscall(SYS_memfd_secret, 1);
  // Linux AIO: a write of 7 bytes to DIR/misc.txt.
  const int aio_fd = open(file.c_str(), O_RDWR);
  aio_context_t ctx = 0;
  syscall(SYS_io_setup, 4, &ctx);
  char aio_data[8] = "abcdefg";
  iocb cb{};
  cb.aio_data = 0x1234;
  cb.aio_lio_opcode = IOCB_CMD_PWRITE;
  cb.aio_fildes = static_cast<uint32_t>(aio_fd);
  cb.aio_buf = reinterpret_cast<uintptr_t>(aio_data);
  cb.aio_nbytes = 7;
  iocb* cbs[1] = {&cb};
  syscall(SYS_io_submit, ctx, 1, cbs);
  io_event events[2];
  timespec aio_ts = {5, 0};
  syscall(SYS_io_getevents, ctx, 1, 2, events, &aio_ts);
  syscall(SYS_io_cancel, ctx, &cb, events);
  syscall(SYS_io_destroy, ctx);
  syscall(SYS_io_setup, 4, nullptr);
  syscall(SYS_io_destroy, 0);
  syscall(SYS_io_getevents, 0, 0, 1, nullptr, nullptr);
  if (aio_fd >= 0) close(aio_fd);
  return 0;
}

// ---- kvm ----
// A tiny guest (see the header): real mode at 0x1000, "out %al, (%dx)"
// of '0' + 2 + 2 and '\n' to port 0x3f8, then hlt.
int Kvm() {
  // The CPUID ioctls as C defines them (C++ sizes struct kvm_cpuid2
  // differently).
  constexpr unsigned long kGetSupportedCpuid =
      _IOC(_IOC_READ | _IOC_WRITE, KVMIO, 0x05, 8);
  constexpr unsigned long kGetEmulatedCpuid =
      _IOC(_IOC_READ | _IOC_WRITE, KVMIO, 0x09, 8);
  constexpr unsigned long kSetCpuid2 = _IOC(_IOC_WRITE, KVMIO, 0x90, 8);
  constexpr unsigned long kGetCpuid2 =
      _IOC(_IOC_READ | _IOC_WRITE, KVMIO, 0x91, 8);
  const int kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
  if (kvm < 0) return 0;
  // On one CPU: CPUID leaf 1 tells the APIC id of the CPU the call ran on.
  cpu_set_t cpus;
  if (sched_getaffinity(0, sizeof(cpus), &cpus) == 0) {
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
      if (!CPU_ISSET(cpu, &cpus)) continue;
      CPU_ZERO(&cpus);
      CPU_SET(cpu, &cpus);
      sched_setaffinity(0, sizeof(cpus), &cpus);
      break;
    }
  }
  void* const bad = reinterpret_cast<void*>(8);  // never mapped
  ioctl(kvm, KVM_GET_API_VERSION, 0);
  ioctl(kvm, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY);
  ioctl(kvm, KVM_CHECK_EXTENSION, KVM_CAP_NR_VCPUS);
  ioctl(kvm, KVM_CHECK_EXTENSION, 0x7fff);
  const int vm = ioctl(kvm, KVM_CREATE_VM, 0);
  if (vm < 0) return 0;
  // The CPUID KVM supports: too small a buffer first.
  constexpr int kMaxEntries = 100;
  const size_t cpuid_size =
      sizeof(kvm_cpuid2) + kMaxEntries * sizeof(kvm_cpuid_entry2);
  auto* cpuid = static_cast<kvm_cpuid2*>(calloc(1, cpuid_size));
  cpuid->nent = 1;
  ioctl(kvm, kGetSupportedCpuid, cpuid);
  cpuid->nent = kMaxEntries;
  ioctl(kvm, kGetSupportedCpuid, cpuid);
  auto* emulated = static_cast<kvm_cpuid2*>(calloc(1, cpuid_size));
  emulated->nent = kMaxEntries;
  ioctl(kvm, kGetEmulatedCpuid, emulated);
  ioctl(kvm, kGetSupportedCpuid, bad);
  free(emulated);

  static const uint8_t kCode[] = {0xba, 0xf8, 0x03, 0x00, 0xd8, 0x04,
                                  '0',  0xee, 0xb0, '\n', 0xee, 0xf4};
  void* mem = mmap(nullptr, 0x1000, PROT_READ | PROT_WRITE,
                   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  memcpy(mem, kCode, sizeof(kCode));
  kvm_userspace_memory_region region = {};
  region.slot = 0;
  region.guest_phys_addr = 0x1000;
  region.memory_size = 0x1000;
  region.userspace_addr = reinterpret_cast<uint64_t>(mem);
  ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region);
  region.slot = 1;
  region.flags = KVM_MEM_READONLY | 0x80;
  ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region);
  ioctl(vm, KVM_SET_USER_MEMORY_REGION, bad);
  ioctl(vm, KVM_CREATE_VCPU, 0x7fffffff);
  const int vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
  if (vcpu < 0) return 0;
  const int size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
  auto* run = static_cast<kvm_run*>(
      mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0));
  ioctl(vcpu, kSetCpuid2, cpuid);
  cpuid->nent = 1;
  ioctl(vcpu, kGetCpuid2, cpuid);  // E2BIG
  cpuid->nent = kMaxEntries;
  ioctl(vcpu, kGetCpuid2, cpuid);
  ioctl(vcpu, kSetCpuid2, bad);
  free(cpuid);

  kvm_sregs sregs;
  ioctl(vcpu, KVM_GET_SREGS, &sregs);
  sregs.cs.base = 0;
  sregs.cs.selector = 0;
  ioctl(vcpu, KVM_SET_SREGS, &sregs);
  ioctl(vcpu, KVM_GET_SREGS, bad);
  ioctl(vcpu, KVM_SET_SREGS, nullptr);
  kvm_regs regs = {};
  regs.rip = 0x1000;
  regs.rax = 2;
  regs.rbx = 2;
  regs.rflags = 0x2;
  ioctl(vcpu, KVM_SET_REGS, &regs);
  ioctl(vcpu, KVM_SET_REGS, bad);
  ioctl(vcpu, KVM_GET_REGS, nullptr);
  for (int i = 0; i < 5; ++i) {
    if (ioctl(vcpu, KVM_RUN, 0) < 0) break;
    if (run->exit_reason == KVM_EXIT_HLT) break;
  }
  ioctl(vcpu, KVM_GET_REGS, &regs);
  ioctl(-1, KVM_RUN, 0);
  munmap(run, size);
  close(vcpu);
  close(vm);
  close(kvm);
  munmap(mem, 0x1000);
  return 0;
}

// ---- handlers ----

void Usr2Handler(int) { getppid(); }

void Usr1Handler(int) {
  getppid();
  kill(getpid(), SIGUSR2);
}

int Handlers() {
  struct sigaction sa = {};
  sa.sa_handler = Usr1Handler;
  sigaction(SIGUSR1, &sa, nullptr);
  sa.sa_handler = Usr2Handler;
  sigaction(SIGUSR2, &sa, nullptr);
  kill(getpid(), SIGUSR1);
  return 0;
}

int Unknown() {
  if (syscall(400, 1, 2, 3, 4, 5, 6) != -1 || errno != ENOSYS) return 1;
  if (syscall(600, 7, 8, 9, 10, 11, 12) != -1 || errno != ENOSYS) return 1;
  syscall(SYS_getpid);
  syscall(SYS_close, -1);
  return 0;
}

// ---- ptrace ----
// A tracer's requests, on a child cloned with CLONE_UNTRACED (so that
// `strace -f` and `ttrace -f` leave it to this process) sleeping in pause().
int Ptrace() {
  // The child's stops would send SIGCHLD, whose delivery lines fall at
  // times the trace does not fix: blocked.
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, nullptr);
  static long word = 0x1234;
  // Every argument register given (syscall() passes six): the child's
  // registers, shown below, are then the same in every run.
  const long child =
      syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0L, 0L, 0L, 0L, 0L);
  if (child < 0) Die("clone");
  if (child == 0) {
    for (;;) syscall(SYS_pause, 0L, 0L, 0L, 0L, 0L, 0L);
  }
  while (ProcState(static_cast<pid_t>(child)) != 'S') {
    timespec ms{0, 1000000};
    clock_nanosleep(CLOCK_MONOTONIC, 0, &ms, nullptr);
  }
  auto pt = [](long request, long pid, uintptr_t addr, uintptr_t data) {
    return syscall(SYS_ptrace, request, pid, addr, data);
  };
  auto ptr = [](const void* p) { return reinterpret_cast<uintptr_t>(p); };
  int status;
  auto wait_stop = [&] {
    if (wait4(static_cast<pid_t>(child), &status, __WALL, nullptr) != child) {
      Die("wait4");
    }
  };
  // Attach: options, a bad option, a stop.
  if (pt(PTRACE_SEIZE, child, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL) !=
      0) {
    Die("PTRACE_SEIZE");
  }
  pt(PTRACE_SEIZE, 1, 0, 0x80000001);
  pt(PTRACE_INTERRUPT, child, 0, 0);
  wait_stop();
  siginfo_t si{};
  pt(PTRACE_GETSIGINFO, child, 0, ptr(&si));
  unsigned long msg = 0;
  pt(PTRACE_GETEVENTMSG, child, 0, ptr(&msg));
  pt(PTRACE_SETOPTIONS, child, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL);
  pt(PTRACE_SETOPTIONS, child, 0, 0x12345678);
  // Memory and the user area.
  pt(PTRACE_PEEKDATA, child, ptr(&word), ptr(&msg));
  pt(PTRACE_PEEKTEXT, child, ptr(&word), ptr(&msg));
  pt(PTRACE_PEEKDATA, child, 0, ptr(&msg));
  pt(PTRACE_POKEDATA, child, ptr(&word), 0x5678);
  for (uintptr_t off :
       {uintptr_t{0}, 8 * uintptr_t{15}, 8 * uintptr_t{21},
        uintptr_t{offsetof(struct user, u_fpvalid)},
        uintptr_t{offsetof(struct user, u_fpvalid) + 4},
        uintptr_t{offsetof(struct user, i387)},
        uintptr_t{offsetof(struct user, u_debugreg) + 8},
        uintptr_t{sizeof(struct user)}, uintptr_t{3}, uintptr_t{0x10000}}) {
    pt(PTRACE_PEEKUSR, child, off, ptr(&msg));
  }
  pt(PTRACE_POKEUSR, child, offsetof(struct user, u_debugreg) + 56, 0);
  // Registers, whole and in parts.
  user_regs_struct regs{};
  pt(PTRACE_GETREGS, child, 0, ptr(&regs));
  pt(PTRACE_SETREGS, child, 0, ptr(&regs));
  pt(PTRACE_GETREGS, child, 0, 8);
  user_fpregs_struct fpregs{};
  pt(PTRACE_GETFPREGS, child, 0, ptr(&fpregs));
  iovec iov{&regs, sizeof regs};
  pt(PTRACE_GETREGSET, child, NT_PRSTATUS, ptr(&iov));
  iov.iov_len = 16;
  pt(PTRACE_SETREGSET, child, NT_PRSTATUS, ptr(&iov));
  pt(PTRACE_GETREGSET, child, NT_PRSTATUS, ptr(&iov));
  iov.iov_len = 0;
  pt(PTRACE_GETREGSET, child, NT_PRSTATUS, ptr(&iov));
  iov = {&fpregs, 32};
  pt(PTRACE_GETREGSET, child, NT_FPREGSET, ptr(&iov));
  iov.iov_len = sizeof fpregs;
  pt(PTRACE_GETREGSET, child, NT_FPREGSET, ptr(&iov));
  static char xstate[4096];
  iov = {xstate, sizeof xstate};
  pt(PTRACE_GETREGSET, child, NT_X86_XSTATE, ptr(&iov));
  iov = {&regs, 16};
  pt(PTRACE_GETREGSET, child, 0x999, ptr(&iov));
  pt(PTRACE_GETREGSET, child, NT_PRSTATUS, 0);
  // What the child is doing: nothing (a stop outside a syscall stop).
  ptrace_syscall_info info{};
  for (uintptr_t size : {sizeof info, uintptr_t{16}, uintptr_t{8}}) {
    pt(PTRACE_GET_SYSCALL_INFO, child, size, ptr(&info));
  }
  // Signal masks and pending signals: SIGUSR1 blocked, then sent.
  uint64_t mask = 0;
  pt(PTRACE_GETSIGMASK, child, 8, ptr(&mask));
  mask = uint64_t{1} << (SIGUSR1 - 1);
  pt(PTRACE_SETSIGMASK, child, 8, ptr(&mask));
  pt(PTRACE_GETSIGMASK, child, 4, ptr(&mask));
  pt(PTRACE_SETSIGMASK, child, 8, 0);
  if (kill(static_cast<pid_t>(child), SIGUSR1) != 0) Die("kill");
  siginfo_t pending[2];
  ptrace_peeksiginfo_args peek{0, PTRACE_PEEKSIGINFO_SHARED, 2};
  pt(PTRACE_PEEKSIGINFO, child, ptr(&peek), ptr(pending));
  peek.flags = 0;
  pt(PTRACE_PEEKSIGINFO, child, ptr(&peek), ptr(pending));
  pt(PTRACE_PEEKSIGINFO, child, 0, ptr(pending));
  si = {};
  si.si_signo = SIGUSR2;
  si.si_code = SI_QUEUE;
  si.si_pid = getpid();
  pt(PTRACE_SETSIGINFO, child, 0, ptr(&si));
  pt(PTRACE_GETSIGINFO, child, 0, ptr(&si));
  // Requests strace shows as numbers, and failures.
  pt(PTRACE_SECCOMP_GET_FILTER, child, 0, 0);
  uint64_t metadata[2] = {0, 0};
  pt(PTRACE_SECCOMP_GET_METADATA, child, sizeof metadata, ptr(metadata));
  pt(PTRACE_ARCH_PRCTL, child, ptr(&msg), 0x1003 /* ARCH_GET_FS */);
  pt(0x4242, child, 1, 2);
  pt(PTRACE_TRACEME, 0, 0, 0);
  pt(PTRACE_CONT, child, 0, 100);
  // Syscall stops: pause's entry, then its exit once SIGUSR2 interrupts
  // it, then SIGUSR2's delivery (suppressed: pause starts again).
  pt(PTRACE_SYSCALL, child, 0, 0);
  wait_stop();
  pt(PTRACE_GET_SYSCALL_INFO, child, sizeof info, ptr(&info));
  pt(PTRACE_SYSCALL, child, 0, 0);
  if (kill(static_cast<pid_t>(child), SIGUSR2) != 0) Die("kill");
  wait_stop();
  pt(PTRACE_GET_SYSCALL_INFO, child, sizeof info, ptr(&info));
  pt(PTRACE_CONT, child, 0, 0);
  wait_stop();
  pt(PTRACE_GETSIGINFO, child, 0, ptr(&si));
  pt(PTRACE_CONT, child, 0, 0);
  pt(PTRACE_INTERRUPT, child, 0, 0);
  wait_stop();
  pt(PTRACE_LISTEN, child, 0, 0);
  pt(PTRACE_INTERRUPT, child, 0, 0);
  wait_stop();
  pt(PTRACE_DETACH, child, 0, SIGCONT);
  pt(PTRACE_KILL, child, 0, 0);
  kill(static_cast<pid_t>(child), SIGKILL);
  wait_stop();
  return 0;
}

// ---- stdlib ----
void StdlibHandler(int) {}

int Stdlib(const char* dir) {
  // mmap module: msync (flush), mremap (resize), madvise.
  void* map = mmap(nullptr, 8192, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map == MAP_FAILED) Die("mmap");
  const int msync_flags[] = {MS_SYNC, MS_ASYNC | MS_INVALIDATE,
                             MS_SYNC | MS_ASYNC, MS_SYNC | MS_INVALIDATE, 15};
  for (const int flags : msync_flags) syscall(SYS_msync, map, 4096, flags);
  syscall(SYS_madvise, map, 8192, MADV_DONTNEED);
  syscall(SYS_madvise, map, 8192, MADV_FREE);
  map = mremap(map, 8192, 4096, 0);
  if (map == MAP_FAILED) Die("mremap");
  munmap(map, 4096);
  // fcntl module and os: locks, advice, copies on a file of 100 bytes.
  const std::string file = std::string(dir) + "/stdlib.txt";
  const int fd = open(file.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) Die("open stdlib.txt");
  char data[100];
  memset(data, 'x', sizeof data);
  if (write(fd, data, sizeof data) != sizeof data) Die("write");
  struct flock lock {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_len = 10;
  syscall(SYS_fcntl, fd, F_OFD_SETLK, &lock);
  lock.l_type = F_RDLCK;
  syscall(SYS_fcntl, fd, F_OFD_GETLK, &lock);
  lock.l_type = F_UNLCK;
  syscall(SYS_fcntl, fd, F_OFD_SETLKW, &lock);
  syscall(SYS_flock, fd, LOCK_EX | LOCK_NB);
  syscall(SYS_flock, fd, LOCK_UN);
  syscall(SYS_fadvise64, fd, 0, 100, POSIX_FADV_SEQUENTIAL);
  syscall(SYS_fallocate, fd, 0, 0, 200);
  const int out = open("/dev/null", O_WRONLY);
  off_t off = 10;
  syscall(SYS_sendfile, out, fd, &off, 20);
  loff_t in_off = 0, out_off = 100;
  syscall(SYS_copy_file_range, fd, &in_off, fd, &out_off, 10, 0);
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) Die("pipe");
  loff_t splice_off = 5;
  syscall(SYS_splice, fd, &splice_off, pipe_fds[1], nullptr, 7, 0);
  syscall(SYS_splice, pipe_fds[0], nullptr, out, nullptr, 7, SPLICE_F_MOVE);
  timespec times[2] = {{1, 2}, {3, 999999999}};
  syscall(SYS_utimensat, AT_FDCWD, file.c_str(), times, 0);
  close(pipe_fds[0]);
  close(pipe_fds[1]);
  close(out);
  close(fd);
  unlink(file.c_str());
  // signal module: a handled signal, pending while blocked, then let in by
  // rt_sigsuspend, which the kernel ends with ERESTARTNOHAND (before the
  // handler runs and the call returns EINTR) whatever the timing.
  struct sigaction sa {};
  sa.sa_handler = StdlibHandler;
  sigaction(SIGUSR1, &sa, nullptr);
  sigset_t usr1, none;
  sigemptyset(&usr1);
  sigaddset(&usr1, SIGUSR1);
  sigemptyset(&none);
  sigprocmask(SIG_BLOCK, &usr1, nullptr);
  kill(getpid(), SIGUSR1);
  syscall(SYS_rt_sigsuspend, &none, 8);
  // Flags passed by mistake or unknown, each call failing before it acts
  // (EINVAL): strace names them from its whole tables.
  const char* missing = "/nonexistent/stdlib";
  syscall(SYS_unlinkat, AT_FDCWD, missing, AT_SYMLINK_NOFOLLOW);
  syscall(SYS_linkat, AT_FDCWD, missing, AT_FDCWD, missing, 0x8700);
  syscall(SYS_utimensat, AT_FDCWD, missing, nullptr, AT_REMOVEDIR);
  syscall(SYS_dup3, -1, -1, O_NONBLOCK | O_CLOEXEC);
  syscall(SYS_dup3, -1, -1, 3);
  syscall(SYS_timerfd_create, CLOCK_MONOTONIC, 3);
  syscall(SYS_mremap, 0x10000, 4096, 8192, MREMAP_FIXED | MREMAP_DONTUNMAP,
          0x50000);
  syscall(SYS_mremap, 0x10000, 4096, 8192, MREMAP_MAYMOVE | MREMAP_FIXED,
          0x50001);
  syscall(SYS_renameat2, AT_FDCWD, missing, AT_FDCWD, missing, 0x30);
  syscall(SYS_userfaultfd, 0x1006);
  syscall(SYS_semget, 99999, -1, 0x3000);
  syscall(SYS_semget, 99999, -1, 0x3000 | IPC_CREAT | 0600);
  syscall(SYS_memfd_create, "stdlib", 0x40);
  syscall(SYS_memfd_create, "stdlib", MFD_HUGETLB | 0x40 | (21u << 26));
  syscall(SYS_statx, AT_FDCWD, missing, 3, STATX_TYPE | STATX_MODE, nullptr);
  // socket module families' protocols; type 99 fails (EINVAL) before the
  // family is looked up, so no module is loaded.
  const long sock_protos[][2] = {
      {AF_AX25, 0xcc},      {AF_AX25, 2},
      {AF_IRDA, 1},         {AF_CAN, 1},
      {AF_CAN, 0},          {AF_BLUETOOTH, 3},
      {AF_RXRPC, AF_INET6}, {AF_ISDN, 0x21},
      {AF_PHONET, 2},       {AF_CAIF, 5},
      {AF_NFC, 1},          {AF_KCM, 0},
      {AF_SMC, 1},          {AF_PACKET, htons(0x000c)},
  };
  for (const auto& sp : sock_protos) syscall(SYS_socket, sp[0], 99, sp[1]);
  // i386's lock commands, which strace names on x86_64 too.
  for (long cmd = 12; cmd <= 14; ++cmd) syscall(SYS_fcntl, -1, cmd, 0);
  // fcntl.ioctl's interface requests: a multicast address added to and
  // removed from an interface that does not exist (ENODEV).
  const int inet = socket(AF_INET, SOCK_DGRAM, 0);
  if (inet < 0) Die("socket");
  ifreq multi{};
  strncpy(multi.ifr_name, "ttrace-none0", IFNAMSIZ - 1);
  const unsigned char mac[6] = {0x01, 0x00, 0x5e, 0x00, 0x00, 0x01};
  memcpy(multi.ifr_hwaddr.sa_data, mac, sizeof mac);
  ioctl(inet, SIOCADDMULTI, &multi);
  ioctl(inet, SIOCDELMULTI, &multi);
  close(inet);
  // termios and tty module requests on a pty (its number left out: it
  // differs between runs); when there is none, on fd -1.
  const int master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
  int unlock = 0;
  ioctl(master, TIOCSPTLCK, &unlock);
  const int slave = master < 0 ? -1 : ioctl(master, TIOCGPTPEER, O_RDWR);
  struct {
    unsigned int iflag, oflag, cflag, lflag;
    unsigned char line, cc[19];
    unsigned int ispeed, ospeed;
  } tio2 = {};
  ioctl(slave, 0x802C542A /* TCGETS2 */, &tio2);
  ioctl(slave, 0x402C542B /* TCSETS2 */, &tio2);
  ioctl(slave, 0x402C542C /* TCSETSW2 */, &tio2);
  struct {
    unsigned short iflag, oflag, cflag, lflag;
    unsigned char line, cc[8];
  } tio = {};
  ioctl(slave, TCGETA, &tio);
  ioctl(slave, TCSETAF, &tio);
  char tio_lock[64] = {};
  ioctl(slave, TIOCGLCKTRMIOS, tio_lock);
  int packet = 1;
  ioctl(master, TIOCPKT, &packet);
  ioctl(slave, TIOCGSOFTCAR, &packet);
  ioctl(slave, TIOCSSOFTCAR, &packet);
  const char sti = 'x';
  ioctl(slave, TIOCSTI, &sti);
  // The slave once its master is closed: its node is gone, and -yy shows
  // "</dev/pts/N>(deleted)", no device (the scenario's only fsync).
  if (master >= 0) close(master);
  fsync(slave);
  if (slave >= 0) close(slave);
  return 0;
}

// ---- quota ----
// quotactl and quotactl_fd of every command on a special file that does not
// exist (ENOENT: strace decodes what is read at entry, the address of what
// would be written), bad pointers, unknown commands and types; with -e
// inject=...:retval=0 the structures are shown as written at exit.
int Quota() {
  const char* s = "/nonexistent/dev";
  auto q = [s](unsigned cmd, unsigned type, long id, const void* addr) {
    syscall(SYS_quotactl, QCMD(cmd, type), s, id, addr);
  };
  if_dqblk dq = {1, 2, 3, 4, 5, 6, 7, 8, QIF_ALL};
  if_nextdqblk nd = {1, 2, 3, 4, 5, 6, 7, 8, QIF_LIMITS, 9};
  if_dqinfo di = {10, 20, DQF_ROOT_SQUASH, IIF_ALL};
  if_dqinfo odd_info = {10, 20, 0x30002, 0x18};
  fs_disk_quota_t fq;
  memset(&fq, 0, sizeof(fq));
  fq.d_version = FS_DQUOT_VERSION;
  fq.d_flags = FS_USER_QUOTA;
  fq.d_fieldmask = FS_DQ_ISOFT | FS_DQ_BHARD;
  fq.d_id = 5;
  fq.d_blk_hardlimit = 100;
  fq.d_ino_softlimit = 7;
  fq.d_itimer = -3;
  fq.d_iwarns = 4;
  fq.d_rtb_hardlimit = 11;
  fq.d_rtbwarns = 12;
  fs_disk_quota_t fq_odd;
  memset(&fq_odd, 0xff, sizeof(fq_odd));
  fq_odd.d_version = 2;
  fq_odd.d_flags = 0x10;
  fs_quota_stat qs;
  memset(&qs, 0, sizeof(qs));
  qs.qs_version = FS_QSTAT_VERSION;
  qs.qs_flags = FS_QUOTA_UDQ_ACCT | FS_QUOTA_PDQ_ENFD | 0x100;
  qs.qs_uquota = {1, 2, 3};
  qs.qs_gquota = {4, 5, 6};
  qs.qs_incoredqs = 7;
  qs.qs_btimelimit = -8;
  qs.qs_iwarnlimit = 9;
  fs_quota_statv qsv;
  memset(&qsv, 0, sizeof(qsv));
  qsv.qs_version = FS_QSTATV_VERSION1;
  qsv.qs_flags = FS_QUOTA_GDQ_ACCT;
  qsv.qs_incoredqs = 3;
  qsv.qs_pquota.qfs_ino = 4;
  qsv.qs_pquota.qfs_nextents = 5;
  qsv.qs_rtbtimelimit = 6;
  qsv.qs_bwarnlimit = 7;
  unsigned int xflags = FS_QUOTA_UDQ_ACCT | FS_QUOTA_GDQ_ENFD;
  unsigned int odd_flags = 0x40, zero = 0, rm = FS_USER_QUOTA | 0x8;
  unsigned int fmt = QFMT_VFS_V1, odd_fmt = 9;
  q(Q_SYNC, GRPQUOTA, 0, nullptr);
  q(Q_QUOTAON, USRQUOTA, QFMT_VFS_V0, "/aquota.user");
  q(Q_QUOTAON, PRJQUOTA, 77, nullptr);
  q(Q_QUOTAON, USRQUOTA, QFMT_VFS_OLD, reinterpret_cast<void*>(8));
  q(Q_QUOTAOFF, USRQUOTA, 0, nullptr);
  q(Q_GETFMT, USRQUOTA, 0, &fmt);
  q(Q_GETFMT, USRQUOTA, 0, &odd_fmt);
  q(Q_GETINFO, GRPQUOTA, 0, &di);
  q(Q_SETINFO, USRQUOTA, 0, &di);
  q(Q_SETINFO, USRQUOTA, 0, &odd_info);
  q(Q_SETINFO, USRQUOTA, 0, reinterpret_cast<void*>(8));
  q(Q_GETQUOTA, USRQUOTA, 1000, &dq);
  q(Q_SETQUOTA, USRQUOTA, 1000, &dq);
  q(Q_SETQUOTA, GRPQUOTA, -1, nullptr);
  q(Q_SETQUOTA, GRPQUOTA, -2, reinterpret_cast<void*>(8));
  q(Q_GETNEXTQUOTA, USRQUOTA, 0x80000000L, &nd);
  q(Q_XQUOTAON, XQM_USRQUOTA, 0, &xflags);
  q(Q_XQUOTAON, XQM_USRQUOTA, 0, &odd_flags);
  q(Q_XQUOTAON, XQM_USRQUOTA, 0, reinterpret_cast<void*>(8));
  q(Q_XQUOTAOFF, XQM_GRPQUOTA, 0, &zero);
  q(Q_XGETQUOTA, XQM_USRQUOTA, 1, &fq);
  q(Q_XSETQLIM, XQM_PRJQUOTA, 1, &fq);
  q(Q_XSETQLIM, XQM_USRQUOTA, 2, &fq_odd);
  q(Q_XSETQLIM, XQM_USRQUOTA, 2, reinterpret_cast<void*>(8));
  q(Q_XGETQSTAT, XQM_USRQUOTA, 0, &qs);
  q(Q_XGETQSTATV, XQM_USRQUOTA, 0, &qsv);
  q(Q_XQUOTARM, XQM_USRQUOTA, 0, &rm);
  q(Q_XQUOTASYNC, XQM_USRQUOTA, 0, nullptr);
  q(Q_XGETNEXTQUOTA, XQM_USRQUOTA, 0, &fq);
  q(Q_GETQUOTA, 3, 0, &dq);
  q(Q_GETQUOTA, 0x42, 0, &dq);
  q(0, USRQUOTA, 5, reinterpret_cast<void*>(6));
  q(0x1234, 0x56, 0, nullptr);
  q(0x900000, GRPQUOTA, 0, nullptr);
  syscall(SYS_quotactl, -1L, s, 5, 6);
  syscall(SYS_quotactl, QCMD(Q_GETQUOTA, USRQUOTA), 8, 0, nullptr);
  constexpr int kBadFd = 99;
  syscall(SYS_quotactl_fd, kBadFd, QCMD(Q_GETQUOTA, USRQUOTA), 0, &dq);
  syscall(SYS_quotactl_fd, kBadFd, QCMD(Q_SETQUOTA, USRQUOTA), 0, &dq);
  syscall(SYS_quotactl_fd, kBadFd, QCMD(Q_GETFMT, USRQUOTA), 0, &fmt);
  syscall(SYS_quotactl_fd, kBadFd, QCMD(Q_QUOTAON, USRQUOTA), QFMT_VFS_V1,
          "/x");
  syscall(SYS_quotactl_fd, kBadFd, QCMD(Q_XGETQSTAT, USRQUOTA), 0, &qs);
  syscall(SYS_quotactl_fd, kBadFd, QCMD(Q_XSETQLIM, USRQUOTA), 0, &fq);
  syscall(SYS_quotactl_fd, kBadFd, QCMD(Q_SYNC, USRQUOTA), 0, nullptr);
  syscall(SYS_quotactl_fd, -1, QCMD(Q_GETNEXTQUOTA, GRPQUOTA), 0xfffffffffL,
          &nd);
  // Socket option levels strace names with option tables of their own:
  // AF_VSOCK (40, the family as a level) and SOL_CAN_RAW (101), named and
  // unknown options; and a level strace does not name (options in
  // decimal, even under -X raw). The same levels as control messages'.
  const int sock = socket(AF_INET, SOCK_DGRAM, 0);
  if (sock < 0) Die("socket");
  int one = 1;
  socklen_t len = sizeof(one);
  for (int level : {40, 101, 1000}) {
    for (int opt : {0, 1, 8, 99}) {
      setsockopt(sock, level, opt, &one, sizeof(one));
      getsockopt(sock, level, opt, &one, &len);
    }
  }
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
  msghdr msg = {};
  msg.msg_control = control;
  msg.msg_controllen = sizeof(control);
  cmsghdr* cmsg = CMSG_FIRSTHDR(&msg);
  cmsg->cmsg_len = CMSG_LEN(sizeof(int));
  cmsg->cmsg_type = 1;
  for (int level : {40, 101}) {
    cmsg->cmsg_level = level;
    sendmsg(sock, &msg, 0);
  }
  close(sock);
  // kexec, I/O ports, uselib, lookup_dcookie, _sysctl: each made to fail
  // (unknown flags, out of range, no such file) before it could act.
  struct KexecSegment {
    const void* buf;
    size_t bufsz;
    uintptr_t mem;
    size_t memsz;
  };
  char cmdline[70] = "hello";
  const KexecSegment segs[3] = {
      {cmdline, 5, 0x100000, 4096}, {nullptr, 0, 0, 0}, {nullptr, 1, 2, 3}};
  syscall(SYS_kexec_load, 0, 0, nullptr, 0x40);
  syscall(SYS_kexec_load, 0x1000, 3, segs, KEXEC_PRESERVE_CONTEXT | 0x40);
  syscall(SYS_kexec_load, 0x1000, 1, segs, KEXEC_ARCH_386);
  syscall(SYS_kexec_load, 0x1000, 2, 8,
          KEXEC_ARCH_X86_64 | KEXEC_ON_CRASH | 0x40);
  syscall(SYS_kexec_load, 0x1000, 17, segs, 0x40);
  syscall(SYS_kexec_load, 0x1000, 0, segs, 0x10);
  syscall(SYS_kexec_load, 0, 0, nullptr, 0xffff0000);
  syscall(SYS_kexec_file_load, kBadFd, kBadFd - 1, 0, nullptr, 0x80);
  syscall(SYS_kexec_file_load, kBadFd, -1, sizeof(cmdline), cmdline,
          KEXEC_FILE_UNLOAD | KEXEC_FILE_NO_INITRAMFS | 0x80);
  syscall(SYS_kexec_file_load, kBadFd, -1, 6, cmdline,
          KEXEC_FILE_ON_CRASH | 0x80);
  syscall(SYS_kexec_file_load, kBadFd, -1, 6, 8, 0x80);
  syscall(SYS_ioperm, 0x80000, 8, 1);
  syscall(SYS_ioperm, ~0ul, ~0ul, -1);
  syscall(SYS_iopl, 7);
  syscall(SYS_iopl, -1);
  syscall(SYS_uselib, nullptr);
  syscall(SYS_uselib, "/nonexistent/lib");
  syscall(SYS_uselib, 8);
  syscall(SYS_lookup_dcookie, -1L, nullptr, 0);
  syscall(SYS_lookup_dcookie, 5, cmdline, 64);
  int sysctl_name[2] = {1, 2};
  size_t sysctl_oldlen = 4;
  struct {
    int* name;
    int nlen;
    void* oldval;
    size_t* oldlenp;
    void* newval;
    size_t newlen;
    unsigned long unused[4];
  } sysctl_args = {sysctl_name, 2, cmdline, &sysctl_oldlen, nullptr, 0, {}};
  syscall(SYS__sysctl, nullptr);
  syscall(SYS__sysctl, &sysctl_args);
  syscall(SYS__sysctl, 8);
  // x86_64's calls for i386 segments: struct user_desc (with lm), and
  // modify_ldt's errors returned as unsigned ints; ustat of devices that do
  // not exist; io_pgetevents on no context.
  char ldt[16] = {};
  user_desc desc = {};
  desc.entry_number = 1;
  desc.limit = 0xfffff;
  desc.seg_32bit = 1;
  desc.useable = 1;
  syscall(SYS_modify_ldt, 0, ldt, sizeof(ldt));
  syscall(SYS_modify_ldt, 1, &desc, sizeof(desc));
  syscall(SYS_modify_ldt, 0x11, &desc, 8);
  syscall(SYS_modify_ldt, 2, nullptr, sizeof(desc));
  syscall(SYS_get_thread_area, &desc);
  syscall(SYS_get_thread_area, nullptr);
  desc.entry_number = -1;
  desc.lm = 1;
  syscall(SYS_set_thread_area, &desc);
  syscall(SYS_set_thread_area, 8);
  syscall(SYS_ustat, 0xffffffffUL, ldt);
  syscall(SYS_ustat, 0x0fff00ffUL, nullptr);
  timespec timeout = {0, 1000};
  sigset_t usr1;
  sigemptyset(&usr1);
  sigaddset(&usr1, SIGUSR1);
  struct {
    const sigset_t* set;
    size_t size;
  } aio_sigset = {&usr1, 8};
  syscall(SYS_io_pgetevents, 0, 1, 2, ldt, &timeout, &aio_sigset);
  syscall(SYS_io_pgetevents, 0, 1, 2, nullptr, nullptr, nullptr);
  return 0;
}

int main(int argc, char** argv) {
  const char* usage =
      "syscalls known DIR | threads_blocking | storm N | exit_in_syscall | "
      "split | held_break | "
      "counts | ppid_threads N | sockets DIR | io | pids | pidns | decoders | "
      "ipc | mempolicy | netlink | netlink_netns | netlink_more | misc DIR | "
      "admin | kvm | "
      "handlers | "
      "unknown | ptrace | stdlib DIR";
  if (argc < 2) tracee::Usage(usage);
  const std::string s = argv[1];
  if (s == "known" && argc == 3) return Known(argv[2]);
  if (s == "threads_blocking") return ThreadsBlocking();
  if (s == "storm") return Storm(tracee::IntArg(argc, argv, 2, 1000));
  if (s == "exit_in_syscall") return ExitInSyscall();
  if (s == "split") return Split();
  if (s == "held_break") return HeldBreakScenario();
  if (s == "counts") return Counts();
  if (s == "sockets" && argc == 3) return Sockets(argv[2]);
  if (s == "io") return Io();
  if (s == "pids") return Pids();
  if (s == "pidns") return Pidns();
  if (s == "decoders") return Decoders();
  if (s == "ipc") return Ipc();
  if (s == "mempolicy") return Mempolicy();
  if (s == "netlink") return Netlink();
  if (s == "netlink_netns") return NetlinkNetns();
  if (s == "netlink_more") return NetlinkMore();
  if (s == "misc" && argc == 3) return Misc(argv[2]);
  if (s == "admin") return Admin();
  if (s == "kvm") return Kvm();
  if (s == "handlers") return Handlers();
  if (s == "unknown") return Unknown();
  if (s == "ptrace") return Ptrace();
  if (s == "stdlib" && argc == 3) return Stdlib(argv[2]);
  if (s == "quota") return Quota();
  if (s == "ppid_threads") return PpidThreads(tracee::IntArg(argc, argv, 2, 3));
  tracee::Usage(usage);
}
