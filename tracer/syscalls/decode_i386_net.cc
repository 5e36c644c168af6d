// i386 (32-bit tracee) decoders, as strace 6.1 prints them: the socketcall and
// ipc multiplexers (each dispatched to the call it names) and the *_time64
// network and IPC calls. Registered kI386Only where x86_64 has a call of the
// same name.
#include "tracer/syscalls/decoding.h"

namespace ttrace {
namespace decode {
namespace {

constexpr Registration kDecoders[] = {
    {"waitpid", nullptr, 0},  // placeholder: replaced as decoders land
};

}  // namespace

std::span<const Registration> I386NetDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
