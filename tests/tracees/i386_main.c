// i386: a 32-bit tracee, for comparing ttrace's decoding of i386 system
// calls (the compat ABI: 32-bit pointers and structs, 64-bit values split
// over two registers, the socketcall and ipc multiplexers, the old signal
// calls) with strace's. Usage: i386 SCENARIO
//   basic  write, open, read, close, getpid, brk, mmap2, munmap: calls
//          whose decoding is shared with x86_64
//   fs     file calls (i386_fs.c)
//   net    sockets and System V IPC (i386_net.c)
//   proc   signals, processes, ids and time (i386_proc.c)
//   dump   the calls -e read=/write= dump, with known data (i386_dump.c)
// Exit status: the scenario's (0 normally), 2 for a bad scenario name.
#include "i386_sys.h"

long sys6(long nr, long a, long b, long c, long d, long e, long f) {
  long ret;
  // ebp cannot be named as an operand while it may be the frame pointer:
  // swap it in around the trap. The sixth argument is read through eax
  // (which then takes the number), not as a memory operand: one addressed
  // from esp would be 4 bytes off once ebp is pushed.
  const long nr_f[2] = {nr, f};
  __asm__ volatile(
      "push %%ebp\n\t"
      "mov 4(%%eax), %%ebp\n\t"
      "mov (%%eax), %%eax\n\t"
      "int $0x80\n\t"
      "pop %%ebp"
      : "=a"(ret)
      : "a"(nr_f), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e), "m"(nr_f)
      : "memory");
  return ret;
}

void* memset(void* s, int c, unsigned long n) {
  unsigned char* p = s;
  while (n--) *p++ = (unsigned char)c;
  return s;
}

void* memcpy(void* d, const void* s, unsigned long n) {
  unsigned char* p = d;
  const unsigned char* q = s;
  while (n--) *p++ = *q++;
  return d;
}

unsigned long strlen(const char* s) {
  unsigned long n = 0;
  while (s[n]) ++n;
  return n;
}

int streq(const char* a, const char* b) {
  while (*a && *a == *b) ++a, ++b;
  return *a == *b;
}

void die(const char* msg) {
  sys3(__NR_write, 2, msg, strlen(msg));
  sys3(__NR_write, 2, "\n", 1);
  sys1(__NR_exit_group, 2);
}

int scenario_basic(void) {
  static const char kText[] = "hello from i386\n";
  char buf[32];
  sys3(__NR_write, 1, kText, sizeof(kText) - 1);
  long fd = sys3(__NR_open, "/etc/passwd", 0 /* O_RDONLY */, 0);
  if (fd < 0) die("open /etc/passwd failed");
  sys3(__NR_read, fd, buf, sizeof(buf));
  sys1(__NR_close, fd);
  sys1(__NR_close, -1);  // EBADF
  sys3(__NR_open, "/nonexistent", 0, 0);
  sys0(__NR_getpid);
  long brk = sys1(__NR_brk, 0);
  sys1(__NR_brk, brk + 4096);
  long map = sys6(__NR_mmap2, 0, 8192, 3 /* PROT_READ|PROT_WRITE */,
                  0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0);
  sys2(__NR_munmap, map, 8192);
  return 0;
}

char** g_envp;

const char* getenv_(const char* name) {
  const unsigned long n = strlen(name);
  for (char** e = g_envp; e && *e; ++e) {
    const char* v = *e;
    unsigned long i = 0;
    while (i < n && v[i] == name[i]) ++i;
    if (i == n && v[n] == '=') return v + n + 1;
  }
  return 0;
}

static int main(int argc, char** argv) {
  g_envp = argv + argc + 1;
  if (argc < 2) die("usage: i386 basic|fs|net|proc|dump");
  const char* s = argv[1];
  if (streq(s, "basic")) return scenario_basic();
  if (streq(s, "fs")) return scenario_fs();
  if (streq(s, "net")) return scenario_net();
  if (streq(s, "proc")) return scenario_proc();
  if (streq(s, "dump")) return scenario_dump();
  die("i386: unknown scenario");
  return 2;
}

// The entry point: the kernel leaves argc at (%esp), argv right above it.
void __attribute__((used)) start_c(long* sp) {
  sys1(__NR_exit_group, main((int)sp[0], (char**)(sp + 1)));
}
__asm__(
    ".globl _start\n"
    "_start:\n\t"
    "xor %ebp, %ebp\n\t"
    "mov %esp, %eax\n\t"
    "and $-16, %esp\n\t"
    "sub $12, %esp\n\t"
    "push %eax\n\t"
    "call start_c\n\t"
    "hlt\n");
