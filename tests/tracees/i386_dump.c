// The i386 tracee's `dump` scenario (see i386_main.c): the calls whose data
// strace's -e read=SET and -e write=SET dump in hex, each with known bytes
// in the i386 layouts (32-bit iovec, msghdr, mmsghdr): read, write and
// vmsplice on a pipe; the positional and vector calls on a memfd; the
// socket calls on a datagram socketpair, direct and through socketcall
// (whose send and recv have no direct form). And the edges: an empty
// buffer in a vector, writes that fail (dumped all the same) and reads
// that fail (not dumped), a buffer or a vector only partly readable, and
// socketcall with an unreadable argument array. No file is created.
#include <linux/net.h>

#include "i386_sys.h"


#define AF_UNIX 1
#define SOCK_DGRAM 2
#define O_NONBLOCK 04000
#define MSG_DONTWAIT 0x40

static long sc(int call, const long* args) {
  return sys2(__NR_socketcall, call, args);
}

static void set_iov(struct iovec32* v, const void* base, unsigned long len) {
  v->base = base;
  v->len = len;
}

static void set_msg(struct msghdr32* m, struct iovec32* iov, unsigned long n) {
  memset(m, 0, sizeof(*m));
  m->iov = iov;
  m->iovlen = n;
}

// read, write, readv, writev and vmsplice on a non-blocking pipe.
static void pipe_calls(char* buf, unsigned long size) {
  static const char kText[] = "hello from i386\n";
  unsigned char bytes[256];
  char small[16];
  struct iovec32 iov[3];
  int p[2];

  if (sys2(__NR_pipe2, p, O_NONBLOCK) < 0) die("pipe2 failed");
  sys3(__NR_write, p[1], kText, sizeof(kText) - 1);
  sys3(__NR_read, p[0], buf, size);  // what was read, not all of buf
  for (int i = 0; i < 256; ++i) bytes[i] = (unsigned char)i;
  sys3(__NR_write, p[1], bytes, sizeof(bytes));  // every byte value
  sys3(__NR_read, p[0], buf, size);
  sys3(__NR_read, p[0], buf, size);      // EAGAIN: nothing to dump
  sys3(__NR_write, p[0], "bad end", 7);  // EBADF: dumped all the same
  sys3(__NR_write, -1, "no fd", 5);      // not a descriptor: never dumped

  // An empty buffer ends a vector's dump.
  set_iov(&iov[0], "abc", 3);
  set_iov(&iov[1], "", 0);
  set_iov(&iov[2], "def", 3);
  sys3(__NR_writev, p[1], iov, 3);
  // What was read, buffer by buffer.
  set_iov(&iov[0], buf, 4);
  set_iov(&iov[1], small, sizeof(small));
  sys3(__NR_readv, p[0], iov, 2);
  set_iov(&iov[0], "splice", 6);
  set_iov(&iov[1], "d!", 2);
  sys4(__NR_vmsplice, p[1], iov, 2, 0);
  sys3(__NR_read, p[0], buf, size);

  // Partly readable data, which strace dumps whole or not at all: a
  // buffer that runs off the end of a mapping, an iovec array whose second
  // entry lies beyond it, a msghdr of which only msg_iov and msg_iovlen
  // can be read (sendmsg on a pipe: ENOTSOCK, dumped when it can be); and
  // a vector whose first buffer is unreadable (the others are dumped).
  char* map = (char*)sys6(__NR_mmap2, 0, 8192, 3 /* PROT_READ|PROT_WRITE */,
                          0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0);
  sys2(__NR_munmap, map + 4096, 4096);
  memcpy(map + 4093, "end", 3);
  sys3(__NR_write, p[1], map + 4093, 6);
  sys3(__NR_read, p[0], buf, size);
  struct iovec32* edge = (struct iovec32*)(map + 4096 - sizeof(*edge));
  set_iov(edge, "ok", 2);
  sys3(__NR_writev, p[1], edge, 2);
  sys3(__NR_read, p[0], buf, size);
  struct msghdr32* cut = (struct msghdr32*)(map + 4096 - 16);
  set_iov(&iov[0], "cut", 3);
  cut->iov = iov, cut->iovlen = 1;
  sys3(__NR_sendmsg, p[1], cut, 0);
  set_iov(&iov[0], (void*)1, 3);
  set_iov(&iov[1], "ok", 2);
  sys3(__NR_writev, p[1], iov, 2);
  sys3(__NR_writev, p[1], (void*)1, 2);
  sys3(__NR_read, p[0], buf, size);
  sys2(__NR_munmap, map, 4096);

  sys1(__NR_close, p[0]);
  sys1(__NR_close, p[1]);
}

// pread64, pwrite64, preadv, pwritev, preadv2, pwritev2 on a memfd (the
// offset's two halves: low, then high).
static void positional_calls(char* buf, unsigned long size) {
  char small[16];
  struct iovec32 iov[2];

  long fd = sys2(__NR_memfd_create, "ttrace-i386-dump", 0);
  if (fd < 0) die("memfd_create failed");
  sys5(__NR_pwrite64, fd, "positional", 10, 0, 0);
  sys5(__NR_pread64, fd, buf, size, 0, 0);
  sys5(__NR_pread64, fd, buf, 4, 2, 0);
  set_iov(&iov[0], "ab", 2);
  set_iov(&iov[1], "cd", 2);
  sys5(__NR_pwritev, fd, iov, 2, 16, 0);
  set_iov(&iov[0], buf, 3);
  set_iov(&iov[1], small, sizeof(small));
  sys5(__NR_preadv, fd, iov, 2, 15, 0);
  set_iov(&iov[0], "v2", 2);
  sys6(__NR_pwritev2, fd, (long)iov, 1, 32, 0, 0);
  set_iov(&iov[0], buf, 8);
  sys6(__NR_preadv2, fd, (long)iov, 1, 30, 0, 0);
  sys6(__NR_preadv2, fd, (long)iov, 1, -1, -1, 0);  // from the file position
  sys5(__NR_pread64, fd, buf, size, 1000, 0);       // at the end: 0, no dump
  sys5(__NR_pwrite64, fd, "far", 3, 0, 1);          // at 4 GiB
  sys1(__NR_close, fd);
}

// The socket calls on a datagram pair: direct, then through socketcall.
static void socket_calls(char* buf, unsigned long size) {
  char small[16], one[8], two[8];
  struct iovec32 iov[2], iov2[2], iov3[1];
  struct msghdr32 mh;
  struct mmsghdr32 mm[2];
  int sv[2];
  long a[6];

  if (sys4(__NR_socketpair, AF_UNIX, SOCK_DGRAM, 0, sv) < 0) {
    die("socketpair failed");
  }
  sys6(__NR_sendto, sv[0], (long)"direct sendto", 13, 0, 0, 0);
  sys6(__NR_recvfrom, sv[1], (long)buf, size, 0, 0, 0);
  sys6(__NR_recvfrom, sv[1], (long)buf, size, MSG_DONTWAIT, 0, 0);  // EAGAIN

  set_iov(&iov[0], "msg", 3);
  set_iov(&iov[1], "hdr!", 4);
  set_msg(&mh, iov, 2);
  sys3(__NR_sendmsg, sv[0], &mh, 0);
  set_iov(&iov[0], buf, 5);
  set_iov(&iov[1], small, sizeof(small));
  set_msg(&mh, iov, 2);
  sys3(__NR_recvmsg, sv[1], &mh, 0);
  sys3(__NR_recvmsg, sv[1], &mh, MSG_DONTWAIT);  // EAGAIN

  // Two messages each way: the first of two buffers, the second of one.
  set_iov(&iov2[0], "one", 3);
  set_iov(&iov2[1], "+1", 2);
  set_iov(&iov3[0], "two", 3);
  memset(mm, 0, sizeof(mm));
  mm[0].hdr.iov = iov2, mm[0].hdr.iovlen = 2;
  mm[1].hdr.iov = iov3, mm[1].hdr.iovlen = 1;
  sys4(__NR_sendmmsg, sv[0], mm, 2, 0);
  set_iov(&iov2[0], one, 2);
  set_iov(&iov2[1], one + 2, 6);
  set_iov(&iov3[0], two, sizeof(two));
  memset(mm, 0, sizeof(mm));
  mm[0].hdr.iov = iov2, mm[0].hdr.iovlen = 2;
  mm[1].hdr.iov = iov3, mm[1].hdr.iovlen = 1;
  sys5(__NR_recvmmsg, sv[1], mm, 2, MSG_DONTWAIT, 0);
  sys5(__NR_recvmmsg, sv[1], mm, 2, MSG_DONTWAIT, 0);  // EAGAIN
  set_iov(&iov3[0], "time64", 6);
  mm[0].hdr.iov = iov3, mm[0].hdr.iovlen = 1;
  sys4(__NR_sendmmsg, sv[0], mm, 1, 0);
  set_iov(&iov3[0], two, sizeof(two));
  sys5(__NR_recvmmsg_time64, sv[1], mm, 1, MSG_DONTWAIT, 0);

  // Through the multiplexer.
  a[0] = sv[0], a[1] = (long)"via send", a[2] = 8, a[3] = 0;
  sc(SYS_SEND, a);
  a[0] = sv[1], a[1] = (long)buf, a[2] = size, a[3] = 0;
  sc(SYS_RECV, a);
  a[0] = sv[1], a[1] = (long)buf, a[2] = size, a[3] = MSG_DONTWAIT;
  sc(SYS_RECV, a);  // EAGAIN
  a[0] = sv[0], a[1] = (long)"via sendto", a[2] = 10, a[3] = 0, a[4] = 0,
  a[5] = 0;
  sc(SYS_SENDTO, a);
  a[0] = sv[1], a[1] = (long)buf, a[2] = size, a[3] = 0, a[4] = 0, a[5] = 0;
  sc(SYS_RECVFROM, a);
  set_iov(&iov[0], "via ", 4);
  set_iov(&iov[1], "sendmsg", 7);
  set_msg(&mh, iov, 2);
  a[0] = sv[0], a[1] = (long)&mh, a[2] = 0;
  sc(SYS_SENDMSG, a);
  set_iov(&iov[0], buf, 6);
  set_iov(&iov[1], small, sizeof(small));
  set_msg(&mh, iov, 2);
  a[0] = sv[1], a[1] = (long)&mh, a[2] = 0;
  sc(SYS_RECVMSG, a);
  set_iov(&iov2[0], "mm", 2);
  set_iov(&iov3[0], "sg", 2);
  memset(mm, 0, sizeof(mm));
  mm[0].hdr.iov = iov2, mm[0].hdr.iovlen = 1;
  mm[1].hdr.iov = iov3, mm[1].hdr.iovlen = 1;
  a[0] = sv[0], a[1] = (long)mm, a[2] = 2, a[3] = 0;
  sc(SYS_SENDMMSG, a);
  set_iov(&iov2[0], one, sizeof(one));
  set_iov(&iov3[0], two, sizeof(two));
  a[0] = sv[1], a[1] = (long)mm, a[2] = 2, a[3] = MSG_DONTWAIT, a[4] = 0;
  sc(SYS_RECVMMSG, a);

  // A failed send is dumped, one with no arguments to read is not, nor
  // one whose buffer is unreadable.
  a[0] = sv[0], a[1] = (long)"refused", a[2] = 7, a[3] = 0x7fffffff;
  sc(SYS_SEND, a);  // EOPNOTSUPP: unknown flags
  sc(SYS_SEND, 0);  // EFAULT
  a[0] = sv[0], a[1] = 1, a[2] = 4, a[3] = 0;
  sc(SYS_SEND, a);  // EFAULT
  sys1(__NR_close, sv[0]);
  sys1(__NR_close, sv[1]);
}

int scenario_dump(void) {
  char buf[300];
  pipe_calls(buf, sizeof(buf));
  positional_calls(buf, sizeof(buf));
  socket_calls(buf, sizeof(buf));
  return 0;
}
