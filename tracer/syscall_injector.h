// SyscallInjector: strace's -e inject= / -e fault=, as the engine sees it.
// At a traced thread's syscall entry the engine asks whether this call is
// tampered with; if so it makes the kernel skip the call (number -1) and,
// at the call's exit, sets the return value to the one given here.
// Implemented by tracer/syscalls/inject.h.
#ifndef TTRACE_TRACER_SYSCALL_INJECTOR_H_
#define TTRACE_TRACER_SYSCALL_INJECTOR_H_

#include <cstdint>
#include <optional>

namespace ttrace {

class SyscallInjector {
 public:
  virtual ~SyscallInjector() = default;
  // Whether any call of `nr` may be tampered with (the engine then counts
  // them, per thread).
  virtual bool Covers(uint32_t arch, int32_t nr) const = 0;
  // For the `invocation`-th call (1, 2, ...) of `nr` by one thread: the
  // raw return value to give it instead of running it (-errno for an
  // error), or nothing to let it run.
  virtual std::optional<int64_t> Inject(uint32_t arch, int32_t nr,
                                        uint32_t invocation) const = 0;
};

}  // namespace ttrace

#endif  // TTRACE_TRACER_SYSCALL_INJECTOR_H_
