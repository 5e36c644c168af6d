// floor_syscall COMMAND [ARG...]: the PTRACE_SYSCALL floor (see floor.h):
// stops at every syscall entry and exit and reads it with
// PTRACE_GET_SYSCALL_INFO; prints nothing but the counts at exit.
#include "bench/floors/floor.h"

int main(int argc, char** argv) {
  (void)argc;
  return ttrace_bench::RunFloor(ttrace_bench::Mode::kSyscall, argv + 1,
                                "floor_syscall");
}
