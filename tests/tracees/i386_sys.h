// The 32-bit (i386) tracee's tiny runtime: built with `gcc -m32
// -ffreestanding -nostdlib` (see BUILD.bazel), so it needs no 32-bit libc
// (Debian's gcc-multilib), only gcc, binutils and the kernel's headers.
// Every call goes through `int $0x80`, the i386 system call entry, exactly
// as a 32-bit program's libc makes it.
#ifndef TTRACE_TESTS_TRACEES_I386_SYS_H_
#define TTRACE_TESTS_TRACEES_I386_SYS_H_

#include <asm/unistd_32.h>

// A system call with up to six arguments (ebx, ecx, edx, esi, edi, ebp).
// Returns what the kernel returns: -errno on failure.
long sys6(long nr, long a, long b, long c, long d, long e, long f);
#define sys0(nr) sys6(nr, 0, 0, 0, 0, 0, 0)
#define sys1(nr, a) sys6(nr, (long)(a), 0, 0, 0, 0, 0)
#define sys2(nr, a, b) sys6(nr, (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(nr, a, b, c) sys6(nr, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sys4(nr, a, b, c, d) \
  sys6(nr, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define sys5(nr, a, b, c, d, e) \
  sys6(nr, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

// i386 layouts the scenarios share, written out (the kernel's headers
// spell them with libc types this freestanding program does not have).
struct iovec32 {
  const void* base;
  unsigned long len;
};
struct msghdr32 {
  void* name;
  int namelen;
  struct iovec32* iov;
  unsigned long iovlen;
  void* control;
  unsigned long controllen;
  unsigned flags;
};
struct mmsghdr32 {
  struct msghdr32 hdr;
  unsigned len;
};
struct timespec32 {
  long sec, nsec;
};
struct timespec64 {
  long long sec, nsec;
};

// What the compiler may call for struct copies and initialisers.
void* memset(void* s, int c, unsigned long n);
void* memcpy(void* d, const void* s, unsigned long n);
unsigned long strlen(const char* s);
int streq(const char* a, const char* b);

// Writes a line to standard error and exits with status 2 (a scenario
// that cannot run as written).
void die(const char* msg);

// The scenarios (one per file): each makes its calls and returns the
// exit status.
int scenario_basic(void);
int scenario_fs(void);
int scenario_net(void);
// The environment (set by main) and one of its values, or 0.
extern char** g_envp;
const char* getenv_(const char* name);
int scenario_proc(void);
int scenario_dump(void);

#endif  // TTRACE_TESTS_TRACEES_I386_SYS_H_
