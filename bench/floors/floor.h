// The ptrace floors: minimal tracers used only as speed references for
// ttrace (bench/compare.sh). They do what any ptrace tracer following every
// thread must do, and nothing else: no formatting, no output, no thread
// table. No ptrace tracer doing the same job can be faster.
//
// Both fork-exec the command under PTRACE_SEIZE (the child waits on a pipe
// until it is seized, then execs), stop it once with PTRACE_INTERRUPT, and
// set TRACESYSGOOD|TRACECLONE|TRACEFORK|TRACEVFORK|TRACEEXEC|TRACEEXIT.
// Then, for every stop of every thread (waitpid(-1, __WALL)):
//   syscall-stop           PTRACE_GET_SYSCALL_INFO (what a reporter needs)
//   clone/fork/vfork/exec  PTRACE_GETEVENTMSG (the new tid / the old tid)
//   signal-delivery-stop   PTRACE_GETSIGINFO, and the signal is re-injected
//   group-stop             PTRACE_LISTEN (job control keeps working)
//   anything else          resumed
// Mode::kSyscall resumes with PTRACE_SYSCALL (stops at every syscall entry
// and exit), Mode::kCont with PTRACE_CONT (stops only at clone/exec/exit
// events and signals).
//
// With --read-comm as the first argument, they also read /proc/TID/comm at
// every exec and exit event, as ttrace does to name threads: an experiment
// that shows what that costs (compare.sh's floor_cont_comm mode), not part
// of the floor.
//
// At the end they print the counts on stderr, e.g.
//   floor_cont: stops=12 syscall=0 clone=2 fork=0 vfork=0 exec=1 exit=3
//   signal=1 group_stop=0 trap=3 listen_wake=0
// and exit with the command's status (128+N if killed by signal N).
//
// Usage (from a main): return ttrace_bench::RunFloor(Mode::kCont, argv + 1,
//                                                    "floor_cont");
#ifndef TTRACE_BENCH_FLOORS_FLOOR_H_
#define TTRACE_BENCH_FLOORS_FLOOR_H_

namespace ttrace_bench {

enum class Mode { kSyscall, kCont };

// `argv`: [--read-comm] then the command and its arguments, null-terminated.
int RunFloor(Mode mode, char** argv, const char* name);

}  // namespace ttrace_bench

#endif  // TTRACE_BENCH_FLOORS_FLOOR_H_
