// InjectRules: the rules of strace's
// -e inject=SET[:error=E|:retval=N][:signal=S][:syscall=S][:delay_enter=D]
// [:delay_exit=D][:poke_enter=@argN=HEX,...][:poke_exit=...][:when=W] and
// -e fault=SET[:error=E][:syscall=S][:when=W] (fault: error ENOSYS by
// default).
//
// Usage:
//   InjectRules rules;
//   absl::Status s = rules.Add("openat:error=ENOENT:when=2+", /*fault=*/false);
//   rules.Inject(kArchX86_64, 257, 1).ret;   // nullopt: the first call runs
//   rules.Inject(kArchX86_64, 257, 2).ret;   // -2 (-ENOENT)
//
// SET is a -e trace= set. `when` is strace's first[..last][+[step]]
// (invocations counted from 1 per thread and syscall; first and step in
// 1..65535, last in 1..65534); without it every call is tampered with.
// error= takes a name (ENOENT) or a number in 1..4095; retval= a number
// (it is what the call returns); signal= a name (USR1, SIGUSR1, any case)
// or a number in 1..64; delay_enter=/delay_exit= a duration, a decimal
// number with a unit (s, ms, us, ns; microseconds without one);
// poke_enter=/poke_exit= a list of @argN=HEX (N in 1..7, 1 to 1024 bytes
// as pairs of hex digits, separated by commas). A rule needs at least one
// of them (fault= only error=). syscall= names a syscall without
// arguments (strace's %pure class: getpid, gettid, ...) that the kernel
// runs instead; it is no action by itself. A later rule wins for the
// syscalls it shares with an earlier one.
#ifndef TTRACE_TRACER_SYSCALLS_INJECT_H_
#define TTRACE_TRACER_SYSCALLS_INJECT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "tracer/syscall_injector.h"
#include "tracer/syscalls/filter.h"

namespace ttrace {

// strace's duration: a decimal number (fractions and exponents allowed)
// with an optional unit, s, ms, us (the default) or ns; not negative. In
// ns, or -1 if invalid. (inject's delay_enter=/delay_exit=, and -O.)
int64_t ParseDurationNs(absl::string_view s);

class InjectRules : public SyscallInjector {
 public:
  // Parses one expression (what follows "inject=" or "fault="). Errors
  // are InvalidArgument, one line: "invalid inject argument 'EXPR'" (as
  // strace), or what the syscall set's parser says.
  absl::Status Add(absl::string_view expr, bool fault);

  bool empty() const { return rules_.empty(); }
  // Whether some rule delivers a signal (signal=).
  bool has_signals() const {
    for (const Rule& r : rules_) {
      if (r.tamper.signo != 0) return true;
    }
    return false;
  }
  // The syscalls some rule covers (for stopping at them).
  const SyscallFilter& covered() const { return covered_; }

  bool Covers(uint32_t arch, int32_t nr) const override {
    return covered_.Traced(arch, nr);
  }
  Tamper Inject(uint32_t arch, int32_t nr, uint32_t invocation) const override;

 private:
  struct Rule {
    SyscallFilter set = SyscallFilter::None();
    Tamper tamper;
    // syscall=: the replacement's number on x86_64 and on i386 (-1: none).
    int32_t replace[2] = {-1, -1};
    // poke_enter=/poke_exit= (null: none); Tamper points into them.
    std::unique_ptr<std::vector<Poke>> poke_enter;
    std::unique_ptr<std::vector<Poke>> poke_exit;
    // Invocations first, first + step, ... up to last.
    uint32_t first = 1;
    uint32_t last = UINT32_MAX;
    uint32_t step = 1;
  };
  static bool Selects(const Rule& r, uint32_t n);
  std::vector<Rule> rules_;
  SyscallFilter covered_ = SyscallFilter::None();
};

}  // namespace ttrace

#endif  // TTRACE_TRACER_SYSCALLS_INJECT_H_
