// The i386 tracee's `net` scenario (see i386_main.c): sockets through the
// socketcall multiplexer and the direct socket calls (32-bit msghdr,
// mmsghdr, cmsghdr and timespec), System V IPC through the ipc multiplexer
// and the direct calls (32-bit structs, IPC_64), POSIX message queues and
// AIO. Only AF_UNIX sockets (other families' addresses go to fd -1), one
// fixed path under /tmp removed at the end, IPC_PRIVATE objects removed at
// the end; nothing prints a value that differs between runs (the
// comparison names IPC ids and times).
#include <linux/net.h>

#include "i386_sys.h"

// The i386 layouts, written out (kernel headers spell them with libc
// types this freestanding program does not have).
struct sockaddr_un32 {
  unsigned short family;
  char path[108];
};

#define AF_UNIX 1
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_NONBLOCK 04000
#define SOCK_CLOEXEC 02000000
#define SOL_SOCKET 1
#define SO_TYPE 3
#define SO_SNDBUF 7
#define SO_LINGER 13
#define SCM_RIGHTS 1
#define MSG_DONTWAIT 0x40
#define MSG_PEEK 2
#define SHUT_WR 1

// Unique per test process (its TRACEE_UDP_PORT, five digits), the same for
// the strace and the ttrace run it compares: concurrent test runs shared
// one fixed path and saw each other's unlink.
static char kSockPath[] = "/tmp/ttrace-i386-net.00000.sock";
static char kMqName[] = "ttrace-i386-net.00000";

static void tag_names(void) {
  const char* tag = getenv_("TRACEE_UDP_PORT");
  if (tag == 0 || strlen(tag) != 5) return;
  memcpy(kSockPath + 21, tag, 5);
  memcpy(kMqName + 16, tag, 5);
}

static long sc(int call, const long* args) {
  return sys2(__NR_socketcall, call, args);
}

static void scenario_socketcall(void) {
  struct sockaddr_un32 sun, peer;
  int len;
  long a[6];
  char buf[64];
  int v;
  struct iovec32 iov[2];
  struct msghdr32 mh;
  struct mmsghdr32 mm[2];
  struct timespec32 ts;
  union {
    unsigned u[8];
    char c[32];
  } cmsg;

  memset(&sun, 0, sizeof(sun));
  sun.family = AF_UNIX;
  memcpy(sun.path, kSockPath, sizeof(kSockPath));
  sys1(__NR_unlink, kSockPath);

  a[0] = AF_UNIX, a[1] = SOCK_STREAM | SOCK_NONBLOCK, a[2] = 0;
  long srv = sc(SYS_SOCKET, a);
  a[0] = srv, a[1] = (long)&sun, a[2] = sizeof(sun.family) + sizeof(kSockPath);
  sc(SYS_BIND, a);
  a[0] = srv, a[1] = 5;
  sc(SYS_LISTEN, a);
  a[0] = srv, a[1] = 0, a[2] = 0, a[3] = SOCK_CLOEXEC;
  sc(SYS_ACCEPT4, a);  // EAGAIN: nobody has connected
  a[0] = AF_UNIX, a[1] = SOCK_STREAM, a[2] = 0;
  long cli = sc(SYS_SOCKET, a);
  a[0] = cli, a[1] = (long)&sun, a[2] = sizeof(sun.family) + sizeof(kSockPath);
  sc(SYS_CONNECT, a);
  len = sizeof(peer);
  a[0] = srv, a[1] = (long)&peer, a[2] = (long)&len;
  long acc = sc(SYS_ACCEPT, a);
  len = sizeof(peer);
  a[0] = cli, a[1] = (long)&peer, a[2] = (long)&len;
  sc(SYS_GETSOCKNAME, a);
  len = sizeof(peer);
  a[0] = cli, a[1] = (long)&peer, a[2] = (long)&len;
  sc(SYS_GETPEERNAME, a);

  a[0] = cli, a[1] = (long)"hello", a[2] = 5, a[3] = 0;
  sc(SYS_SEND, a);
  a[0] = acc, a[1] = (long)buf, a[2] = sizeof(buf), a[3] = MSG_DONTWAIT;
  sc(SYS_RECV, a);
  a[0] = cli, a[1] = (long)"world", a[2] = 5, a[3] = 0, a[4] = 0, a[5] = 0;
  sc(SYS_SENDTO, a);
  a[0] = acc, a[1] = (long)buf, a[2] = sizeof(buf), a[3] = MSG_PEEK, a[4] = 0,
  a[5] = 0;
  sc(SYS_RECVFROM, a);
  len = sizeof(peer);
  a[0] = acc, a[1] = (long)buf, a[2] = sizeof(buf), a[3] = 0,
  a[4] = (long)&peer, a[5] = (long)&len;
  sc(SYS_RECVFROM, a);

  v = 65536;
  a[0] = cli, a[1] = SOL_SOCKET, a[2] = SO_SNDBUF, a[3] = (long)&v, a[4] = 4;
  sc(SYS_SETSOCKOPT, a);
  len = sizeof(v);
  a[0] = cli, a[1] = SOL_SOCKET, a[2] = SO_TYPE, a[3] = (long)&v,
  a[4] = (long)&len;
  sc(SYS_GETSOCKOPT, a);

  // sendmsg with two buffers and an SCM_RIGHTS message passing fd 0.
  iov[0].base = "abc";
  iov[0].len = 3;
  iov[1].base = "defg";
  iov[1].len = 4;
  memset(&cmsg, 0, sizeof(cmsg));
  cmsg.u[0] = 16;  // cmsg_len: 12-byte header + one int
  cmsg.u[1] = SOL_SOCKET;
  cmsg.u[2] = SCM_RIGHTS;
  cmsg.u[3] = cli;
  memset(&mh, 0, sizeof(mh));
  mh.iov = iov;
  mh.iovlen = 2;
  mh.control = cmsg.c;
  mh.controllen = 16;
  a[0] = cli, a[1] = (long)&mh, a[2] = 0;
  sc(SYS_SENDMSG, a);
  memset(&mh, 0, sizeof(mh));
  memset(&cmsg, 0, sizeof(cmsg));
  iov[0].base = buf;
  iov[0].len = sizeof(buf);
  mh.iov = iov;
  mh.iovlen = 1;
  mh.control = cmsg.c;
  mh.controllen = sizeof(cmsg);
  a[0] = acc, a[1] = (long)&mh, a[2] = SOCK_CLOEXEC;  // MSG_CMSG_CLOEXEC
  a[2] = 0x40000000;
  long r = sc(SYS_RECVMSG, a);
  if (r > 0 && mh.controllen >= 16) sys1(__NR_close, cmsg.u[3]);

  // sendmmsg / recvmmsg on a datagram pair.
  long sv[2];
  a[0] = AF_UNIX, a[1] = SOCK_DGRAM, a[2] = 0, a[3] = (long)sv;
  sc(SYS_SOCKETPAIR, a);
  memset(mm, 0, sizeof(mm));
  iov[0].base = "one";
  iov[0].len = 3;
  iov[1].base = "two!";
  iov[1].len = 4;
  mm[0].hdr.iov = &iov[0];
  mm[0].hdr.iovlen = 1;
  mm[1].hdr.iov = &iov[1];
  mm[1].hdr.iovlen = 1;
  a[0] = sv[0], a[1] = (long)mm, a[2] = 2, a[3] = 0;
  sc(SYS_SENDMMSG, a);
  static char b1[8], b2[8];
  static struct iovec32 riov[2] = {{b1, sizeof(b1)}, {b2, sizeof(b2)}};
  memset(mm, 0, sizeof(mm));
  mm[0].hdr.iov = &riov[0];
  mm[0].hdr.iovlen = 1;
  mm[1].hdr.iov = &riov[1];
  mm[1].hdr.iovlen = 1;
  a[0] = sv[1], a[1] = (long)mm, a[2] = 2, a[3] = MSG_DONTWAIT, a[4] = 0;
  sc(SYS_RECVMMSG, a);
  ts.sec = 1;
  ts.nsec = 2;
  a[0] = -1, a[1] = (long)mm, a[2] = 2, a[3] = 0, a[4] = (long)&ts;
  sc(SYS_RECVMMSG, a);  // EBADF

  a[0] = cli, a[1] = SHUT_WR;
  sc(SYS_SHUTDOWN, a);

  // Odd forms: an unknown call, no argument array, an unreadable one.
  a[0] = 0;
  sc(0, a);
  sc(21, a);
  sc(SYS_SOCKET, 0);
  sc(SYS_BIND, (const long*)1);

  sys1(__NR_close, sv[0]);
  sys1(__NR_close, sv[1]);
  sys1(__NR_close, acc);
  sys1(__NR_close, cli);
  sys1(__NR_close, srv);
  sys1(__NR_unlink, kSockPath);
}

// The direct socket calls (i386 has them since Linux 4.3), with the same
// 32-bit structs.
static void scenario_socket_direct(void) {
  long sv[2];
  struct iovec32 iov[1];
  struct msghdr32 mh;
  struct mmsghdr32 mm[1];
  struct timespec64 ts = {3, 4};
  struct sockaddr_un32 sun;
  char buf[16];
  union {
    unsigned u[8];
    char c[32];
  } cmsg;

  sys4(__NR_socketpair, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv);
  // Two SCM_RIGHTS messages: the second starts at the 4-byte alignment
  // of the first's length (20).
  memset(&cmsg, 0, sizeof(cmsg));
  cmsg.u[0] = 20;
  cmsg.u[1] = SOL_SOCKET;
  cmsg.u[2] = SCM_RIGHTS;
  cmsg.u[3] = sv[0];
  cmsg.u[4] = sv[1];
  cmsg.u[5] = 16;
  cmsg.u[6] = SOL_SOCKET;
  cmsg.u[7] = SCM_RIGHTS;
  iov[0].base = "direct";
  iov[0].len = 6;
  memset(&mh, 0, sizeof(mh));
  mh.iov = iov;
  mh.iovlen = 1;
  mh.control = cmsg.c;
  mh.controllen = 32;
  sys3(__NR_sendmsg, sv[0], &mh, MSG_DONTWAIT);  // EINVAL: the second
  mh.control = 0;
  mh.controllen = 0;
  sys3(__NR_sendmsg, sv[0], &mh, MSG_DONTWAIT);
  memset(&mh, 0, sizeof(mh));
  memset(&sun, 0, sizeof(sun));
  iov[0].base = buf;
  iov[0].len = sizeof(buf);
  mh.name = &sun;
  mh.namelen = sizeof(sun);
  mh.iov = iov;
  mh.iovlen = 1;
  sys3(__NR_recvmsg, sv[1], &mh, MSG_DONTWAIT);
  sys3(__NR_recvmsg, sv[1], &mh, MSG_DONTWAIT);  // EAGAIN
  sys3(__NR_sendmsg, sv[0], 1, 0);               // EFAULT
  memset(mm, 0, sizeof(mm));
  iov[0].base = "mm";
  iov[0].len = 2;
  mm[0].hdr.iov = iov;
  mm[0].hdr.iovlen = 1;
  sys4(__NR_sendmmsg, sv[0], mm, 1, 0);
  iov[0].base = buf;
  iov[0].len = sizeof(buf);
  sys5(__NR_recvmmsg_time64, sv[1], mm, 1, MSG_DONTWAIT, 0);
  sys5(__NR_recvmmsg_time64, -1, mm, 1, 0, &ts);       // EBADF
  sys5(__NR_recvmmsg, sv[1], mm, 1, MSG_DONTWAIT, 0);  // EAGAIN
  sys2(__NR_shutdown, sv[0], 2);
  sys1(__NR_close, sv[0]);
  sys1(__NR_close, sv[1]);
}

// ---------------------------------------------------------------------------
// System V IPC.
// ---------------------------------------------------------------------------
#define IPC_PRIVATE 0
#define IPC_CREAT 01000
#define IPC_NOWAIT 04000
#define IPC_RMID 0
#define IPC_SET 1
#define IPC_STAT 2
#define IPC_INFO 3
#define IPC_64 0x100
#define GETVAL 12
#define SETVAL 16
#define GETALL 13
#define SEM_INFO 19
#define MSG_INFO 12
#define SHM_INFO 14
#define SEM_UNDO 0x1000
#define SHM_RDONLY 010000

// ipc(2)'s calls.
#define IPCOP_SEMOP 1
#define IPCOP_SEMGET 2
#define IPCOP_SEMCTL 3
#define IPCOP_SEMTIMEDOP 4
#define IPCOP_MSGSND 11
#define IPCOP_MSGRCV 12
#define IPCOP_MSGGET 13
#define IPCOP_MSGCTL 14
#define IPCOP_SHMAT 21
#define IPCOP_SHMDT 22
#define IPCOP_SHMGET 23
#define IPCOP_SHMCTL 24

struct sembuf32 {
  unsigned short num;
  short op, flg;
};
struct msgbuf32 {
  long mtype;
  char mtext[16];
};
struct ipc_kludge32 {
  struct msgbuf32* msgp;
  long msgtyp;
};

static long ipc(long call, long first, long second, long third, void* ptr,
                long fifth) {
  return sys6(__NR_ipc, call, first, second, third, (long)ptr, fifth);
}

static void scenario_ipc_multiplexed(void) {
  static unsigned char big[256];  // any *_ds / *info struct fits
  struct sembuf32 sops[2] = {{0, 1, 0}, {1, -1, IPC_NOWAIT | SEM_UNDO}};
  struct timespec32 ts = {0, 1000};
  union {
    int val;
    void* buf;
  } arg;

  long sem = ipc(IPCOP_SEMGET, IPC_PRIVATE, 2, IPC_CREAT | 0600, 0, 0);
  ipc(IPCOP_SEMOP, sem, 1, 0, sops, 0);
  ipc(IPCOP_SEMTIMEDOP, sem, 2, 0, sops, (long)&ts);  // EAGAIN
  ipc(IPCOP_SEMTIMEDOP, sem, 1, 0, sops, 0);
  arg.val = 0;
  ipc(IPCOP_SEMCTL, sem, 0, GETVAL, &arg, 0);
  arg.val = 3;
  ipc(IPCOP_SEMCTL, sem, 1, SETVAL, &arg, 0);
  arg.buf = big;
  ipc(IPCOP_SEMCTL, sem, 0, IPC_64 | IPC_STAT, &arg, 0);
  ipc(IPCOP_SEMCTL, -1, 0, IPC_STAT, &arg, 0);  // EINVAL
  ipc(IPCOP_SEMCTL, sem, 0, IPC_64 | GETALL, &arg, 0);
  ipc(IPCOP_SEMCTL, sem, 0, GETVAL, 0, 0);  // EINVAL: no argument
  ipc(IPCOP_SEMCTL, sem, 0, IPC_64 | IPC_RMID, &arg, 0);

  struct msgbuf32 m = {7, "hello"};
  struct ipc_kludge32 k = {&m, -8};
  long msq = ipc(IPCOP_MSGGET, IPC_PRIVATE, IPC_CREAT | 0600, 0, 0, 0);
  ipc(IPCOP_MSGSND, msq, 5, 0, &m, 0);
  ipc(IPCOP_MSGSND, msq, 6, IPC_NOWAIT, &m, 0);
  memset(&m, 0, sizeof(m));
  ipc(IPCOP_MSGRCV, msq, sizeof(m.mtext), IPC_NOWAIT, &k, 0);
  ipc(IPCOP_MSGRCV | 1 << 16, msq, sizeof(m.mtext), IPC_NOWAIT, &m, 7);
  ipc(IPCOP_MSGRCV, msq, sizeof(m.mtext), IPC_NOWAIT, &k, 0);  // ENOMSG
  ipc(IPCOP_MSGRCV, msq, sizeof(m.mtext), IPC_NOWAIT, 0, 0);   // EINVAL
  ipc(IPCOP_MSGCTL, msq, IPC_64 | IPC_STAT, 0, big, 0);
  ipc(IPCOP_MSGCTL, -1, IPC_STAT, 0, big, 0);  // EINVAL
  ipc(IPCOP_MSGCTL, msq, IPC_64 | IPC_RMID, 0, 0, 0);

  unsigned long addr = 0;
  long shm = ipc(IPCOP_SHMGET, IPC_PRIVATE, 4096, IPC_CREAT | 0600, 0, 0);
  ipc(IPCOP_SHMAT, shm, SHM_RDONLY, (long)&addr, 0, 0);
  ipc(IPCOP_SHMCTL, shm, IPC_64 | IPC_STAT, 0, big, 0);
  ipc(IPCOP_SHMCTL, -1, IPC_STAT, 0, big, 0);  // EINVAL
  ipc(IPCOP_SHMDT, 0, 0, 0, (void*)addr, 0);
  ipc(IPCOP_SHMCTL, shm, IPC_64 | IPC_RMID, 0, 0, 0);

  // Odd forms: unknown calls, an unknown version.
  ipc(0, 1, 2, 3, 0, 5);
  ipc(99, 1, 2, 3, 0, 5);
  ipc(IPCOP_SHMDT | 5 << 16, 0, 0, 0, 0, 0);
}

static void scenario_ipc_direct(void) {
  static unsigned char big[256];
  struct sembuf32 sops[1] = {{0, -1, IPC_NOWAIT}};
  struct timespec64 ts = {0, 1000};

  // (With IPC_64 the direct calls take the command as it is: only invalid
  // ids here, whose errors do not depend on it.)
  long sem = sys3(__NR_semget, IPC_PRIVATE, 1, IPC_CREAT | 0600);
  sys4(__NR_semtimedop_time64, sem, sops, 1, &ts);  // EAGAIN
  sys4(__NR_semtimedop_time64, sem, sops, 1, 0);    // EAGAIN
  sys4(__NR_semtimedop_time64, sem, sops, 1, 1);    // EFAULT
  sys4(__NR_semctl, sem, 0, IPC_STAT, big);
  sys4(__NR_semctl, sem, 0, SETVAL, 1);
  sys4(__NR_semctl, sem, 0, GETALL, big);
  sys4(__NR_semctl, -1, 0, IPC_64 | IPC_STAT, big);
  sys4(__NR_semctl, sem, 0, IPC_RMID, 0);

  struct msgbuf32 m = {3, "direct"};
  long msq = sys2(__NR_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
  sys4(__NR_msgsnd, msq, &m, 6, 0);
  sys4(__NR_msgsnd, msq, 0, 6, 0);  // EFAULT
  sys5(__NR_msgrcv, msq, &m, sizeof(m.mtext), 3, IPC_NOWAIT);
  sys5(__NR_msgrcv, msq, &m, sizeof(m.mtext), -5, IPC_NOWAIT);  // ENOMSG
  sys3(__NR_msgctl, msq, IPC_STAT, big);
  sys3(__NR_msgctl, -1, IPC_64 | IPC_STAT, big);
  sys3(__NR_msgctl, msq, IPC_RMID, 0);

  long shm = sys3(__NR_shmget, IPC_PRIVATE, 8192, IPC_CREAT | 0600);
  long at = sys3(__NR_shmat, shm, 0, 0);
  sys3(__NR_shmctl, shm, IPC_STAT, big);
  sys3(__NR_shmctl, -1, IPC_64 | IPC_STAT, big);
  sys1(__NR_shmdt, at);
  sys3(__NR_shmctl, shm, IPC_RMID, 0);
}

// ---------------------------------------------------------------------------
// POSIX message queues.
// ---------------------------------------------------------------------------
struct mq_attr32 {
  long flags, maxmsg, msgsize, curmsgs, reserved[4];
};
struct sigevent32 {
  int value;
  int signo;
  int notify;
  int pad[13];
};
#define O_RDWR 2
#define O_CREAT 0100
#define O_EXCL 0200
#define O_NONBLOCK 04000
#define SIGEV_SIGNAL 0
#define SIGEV_NONE 1
#define SIGUSR1 10

// (No leading slash: that is libc's; the kernel takes the bare name.)

static void scenario_mq(void) {
  struct mq_attr32 attr = {0, 2, 16, 0, {0}}, old;
  struct timespec32 ts = {0, 0};
  struct timespec64 ts64 = {0, 0};
  struct sigevent32 sev;
  char buf[16];
  unsigned prio;

  sys1(__NR_mq_unlink, kMqName);
  long q = sys4(__NR_mq_open, kMqName, O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
  sys4(__NR_mq_open, kMqName, O_RDWR | O_CREAT | O_EXCL, 0600,
       &attr);  // EEXIST
  sys5(__NR_mq_timedsend, q, "hi", 2, 1, &ts);
  sys5(__NR_mq_timedsend_time64, q, "there", 5, 2, &ts64);
  sys5(__NR_mq_timedsend, q, "full", 4, 0, &ts);  // ETIMEDOUT
  sys5(__NR_mq_timedreceive, q, buf, sizeof(buf), &prio, &ts);
  sys5(__NR_mq_timedreceive_time64, q, buf, sizeof(buf), &prio, &ts64);
  sys5(__NR_mq_timedreceive, q, buf, sizeof(buf), &prio, &ts);  // ETIMEDOUT
  memset(&sev, 0, sizeof(sev));
  sev.notify = SIGEV_SIGNAL;
  sev.signo = SIGUSR1;
  sev.value = 42;
  sys2(__NR_mq_notify, q, &sev);
  sys2(__NR_mq_notify, q, 0);
  memset(&attr, 0, sizeof(attr));
  attr.flags = O_NONBLOCK;
  sys3(__NR_mq_getsetattr, q, &attr, &old);
  sys3(__NR_mq_getsetattr, q, 0, &old);
  sys1(__NR_close, q);
  sys1(__NR_mq_unlink, kMqName);
}

// ---------------------------------------------------------------------------
// Linux AIO.
// ---------------------------------------------------------------------------
struct iocb32 {
  unsigned long long data;
  unsigned key, rw_flags;
  unsigned short opcode;
  short reqprio;
  unsigned fildes;
  unsigned long long buf, nbytes;
  long long offset;
  unsigned long long reserved2;
  unsigned flags, resfd;
};
struct io_event32 {
  unsigned long long data, obj;
  long long res, res2;
};
#define O_WRONLY 1

static void scenario_aio(void) {
  unsigned long ctx = 0;
  struct iocb32 cb;
  struct iocb32* cbs[1] = {&cb};
  struct io_event32 ev[2];
  struct timespec32 ts = {0, 0};
  struct timespec64 ts64 = {0, 0};

  long fd = sys2(__NR_open, "/dev/null", O_WRONLY);
  sys2(__NR_io_setup, 4, &ctx);
  memset(&cb, 0, sizeof(cb));
  cb.data = 0x1234;
  cb.opcode = 1;  // IOCB_CMD_PWRITE
  cb.fildes = fd;
  cb.buf = (unsigned long)"aio!";
  cb.nbytes = 4;
  sys3(__NR_io_submit, ctx, 1, cbs);
  sys5(__NR_io_getevents, ctx, 1, 2, ev, &ts);
  sys3(__NR_io_cancel, ctx, &cb, ev);  // EINVAL: done
  sys6(__NR_io_pgetevents, ctx, 0, 2, (long)ev, (long)&ts, 0);
  sys6(__NR_io_pgetevents_time64, ctx, 0, 2, (long)ev, (long)&ts64, 0);
  sys1(__NR_io_destroy, ctx);
  sys1(__NR_close, fd);
}

// Addresses of other families and SOL_IP control data, on fd -1 (EBADF;
// decoded all the same), as strace decodes them for 32-bit processes too:
// AF_AX25 with one digipeater, AF_BLUETOOTH's sockaddr_l2, AF_RXRPC with a
// sockaddr_in transport; IP_RETOPTS and IP_OPTIONS in 12-byte cmsghdrs.
static void scenario_other_families(void) {
  static const unsigned char ax25[23] = {
      3, 0, 0x9c, 0x60, 0x86, 0x82, 0x98, 0x98, 0x6a, 0,    0,   0,
      1, 0, 0,    0,    0xae, 0x92, 0x88, 0x8a, 0x62, 0x40, 0x62};
  static const unsigned char l2[14] = {31, 0, 0x01, 0x10, 1, 2, 3,
                                       4,  5, 6,    0x41, 0, 1, 0};
  static const unsigned char rxrpc[36] = {33, 0, 1,    0,    2,   0, 16, 0,
                                          2,  0, 0x1b, 0x5a, 127, 0, 0,  1};
  struct iovec32 iov[1];
  struct msghdr32 mh;
  union {
    unsigned u[8];
    unsigned char c[32];
  } cmsg;

  sys3(__NR_connect, -1, (long)ax25, sizeof(ax25));
  sys3(__NR_connect, -1, (long)l2, sizeof(l2));
  sys3(__NR_connect, -1, (long)rxrpc, sizeof(rxrpc));
  memset(&cmsg, 0, sizeof(cmsg));
  cmsg.u[0] = 15;
  cmsg.u[1] = 0;  // SOL_IP
  cmsg.u[2] = 7;  // IP_RETOPTS
  cmsg.c[12] = 0x94;
  cmsg.c[13] = 4;
  cmsg.u[4] = 16;
  cmsg.u[5] = 0;
  cmsg.u[6] = 4;  // IP_OPTIONS
  iov[0].base = "ip";
  iov[0].len = 2;
  memset(&mh, 0, sizeof(mh));
  mh.iov = iov;
  mh.iovlen = 1;
  mh.control = cmsg.c;
  mh.controllen = 32;
  sys3(__NR_sendmsg, -1, (long)&mh, 0);
}

int scenario_net(void) {
  tag_names();
  scenario_other_families();
  scenario_socketcall();
  scenario_socket_direct();
  scenario_ipc_multiplexed();
  scenario_ipc_direct();
  scenario_mq();
  scenario_aio();
  return 0;
}
