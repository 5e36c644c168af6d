// StackTracer: strace's -k as the engine sees it (an interface). The
// implementation (tracer/unwind/unwinder.h) reads the stopped thread's
// registers and stack and the files its process maps.
#ifndef TTRACE_TRACER_STACK_TRACER_H_
#define TTRACE_TRACER_STACK_TRACER_H_

#include <sys/types.h>

#include <string>

namespace ttrace {

class StackTracer {
 public:
  virtual ~StackTracer() = default;
  // At a ptrace-stop of `tid` (of thread group `tgid`: a syscall's entry
  // or exit, a signal, a group-stop): replaces *out with its call stack, one
  // frame per line (no trailing newline), innermost first, as strace -k prints
  // a frame after its " > ":
  //   /usr/lib/x86_64-linux-gnu/libc.so.6(__getpid+0x7) [0xd54e7]
  // `ending`: the call ends or replaces the program (execve, exit): strace
  // prints its stack later, and names a frame without a symbol
  // "FILE(+0x0)" instead of "FILE()"; so does this.
  virtual void Capture(pid_t tgid, pid_t tid, bool ending,
                       std::string* out) = 0;
  // What `tgid` maps may have changed (mmap, munmap, mremap, exec) or the
  // process is gone.
  virtual void Forget(pid_t tgid) = 0;
};

}  // namespace ttrace

#endif  // TTRACE_TRACER_STACK_TRACER_H_
