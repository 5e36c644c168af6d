// SyscallInjector: strace's -e inject= / -e fault=, as the engine sees it.
// At a traced thread's syscall entry the engine asks whether this call is
// tampered with; if so it makes the kernel skip the call (number -1, or
// another syscall without arguments) and, at the call's exit, sets the
// return value to the one given here; or delivers a signal; or holds the
// thread stopped for a while; or writes bytes where its arguments point.
// Implemented by tracer/syscalls/inject.h.
#ifndef TTRACE_TRACER_SYSCALL_INJECTOR_H_
#define TTRACE_TRACER_SYSCALL_INJECTOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ttrace {

// strace's poke_enter=/poke_exit=: `data` written at the address the
// call's argument `arg` (0-based) holds.
struct Poke {
  int arg = 0;
  std::string data;
};

// What -e inject does to one call.
struct Tamper {
  // Skip the call (the kernel sees number -1) and make it return this raw
  // value (-errno for an error). Nothing: the call runs.
  std::optional<int64_t> ret;
  // Deliver this signal to the thread as the call starts (strace's
  // signal=; the kernel sends it, si_code SI_KERNEL). 0: none.
  int signo = 0;
  // Keep the thread stopped this long at the call's entry / after its exit
  // (strace's delay_enter= / delay_exit=); other threads run on. Negative:
  // no delay asked for.
  int64_t delay_enter_ns = -1;
  int64_t delay_exit_ns = -1;
  // strace's syscall=: the kernel runs this syscall (a number of the
  // call's architecture, one without arguments) instead of the call; with
  // `ret` its result is then replaced. -1: none.
  int32_t replace_nr = -1;
  // strace's poke_enter=/poke_exit=: bytes to write into the thread's
  // memory at the call's entry, before its arguments are decoded (so the
  // trace shows them) / at its exit, before its results are. Owned by the
  // injector; null: none.
  const std::vector<Poke>* poke_enter = nullptr;
  const std::vector<Poke>* poke_exit = nullptr;
  // The call's argument count: a poke of a later argument is refused.
  int nargs = 6;

  bool delayed() const { return delay_enter_ns >= 0 || delay_exit_ns >= 0; }
  // syscall= alone does nothing (as in strace, it needs another action).
  bool any() const {
    return ret || signo != 0 || delayed() || poke_enter != nullptr ||
           poke_exit != nullptr;
  }
};

class SyscallInjector {
 public:
  virtual ~SyscallInjector() = default;
  // Whether any call of `nr` may be tampered with (the engine then counts
  // them, per thread).
  virtual bool Covers(uint32_t arch, int32_t nr) const = 0;
  // For the `invocation`-th call (1, 2, ...) of `nr` by one thread: what
  // to do to it (nothing: !any()).
  virtual Tamper Inject(uint32_t arch, int32_t nr,
                        uint32_t invocation) const = 0;
};

}  // namespace ttrace

#endif  // TTRACE_TRACER_SYSCALL_INJECTOR_H_
