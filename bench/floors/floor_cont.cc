// floor_cont COMMAND [ARG...]: the PTRACE_CONT floor (see floor.h): stops
// only at clone/fork/vfork/exec/exit events, signals and group-stops;
// prints nothing but the counts at exit.
#include "bench/floors/floor.h"

int main(int argc, char** argv) {
  (void)argc;
  return ttrace_bench::RunFloor(ttrace_bench::Mode::kCont, argv + 1,
                                "floor_cont");
}
