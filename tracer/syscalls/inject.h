// InjectRules: the rules of strace's
// -e inject=SET[:error=E|:retval=N][:signal=S][:delay_enter=D]
// [:delay_exit=D][:when=W] and -e fault=SET[:error=E][:when=W] (fault:
// error ENOSYS by default).
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
// number with a unit (s, ms, us, ns; microseconds without one). A rule
// needs at least one of them (fault= only error=). A later rule wins for
// the syscalls it shares with an earlier one. strace's poke_* and
// syscall= are refused by name.
#ifndef TTRACE_TRACER_SYSCALLS_INJECT_H_
#define TTRACE_TRACER_SYSCALLS_INJECT_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "tracer/syscall_injector.h"
#include "tracer/syscalls/filter.h"

namespace ttrace {

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
