// i386 (32-bit tracee) decoders, as strace 6.1 prints them: the old signal
// calls (sigaction, sigprocmask,
// ...), waitpid, 32-bit id calls, thread areas, time and the *_time64
// clock calls.
// Registered kI386Only where x86_64 has a call of the same name.
#include "tracer/syscalls/decoding.h"

namespace ttrace {
namespace decode {
namespace {

constexpr Registration kDecoders[] = {
    {"waitpid", nullptr, 0},  // placeholder: replaced as decoders land
};

}  // namespace

std::span<const Registration> I386ProcDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
