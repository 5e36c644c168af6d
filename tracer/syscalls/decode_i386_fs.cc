// i386 (32-bit tracee) decoders, as strace 6.1 prints them: file calls: the
// stat64 family, statfs64, 64-bit lengths and offsets split over two registers,
// old directory reads. Registered kI386Only where x86_64 has a call of the same
// name.
#include "tracer/syscalls/decoding.h"

namespace ttrace {
namespace decode {
namespace {

constexpr Registration kDecoders[] = {
    {"waitpid", nullptr, 0},  // placeholder: replaced as decoders land
};

}  // namespace

std::span<const Registration> I386FsDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
