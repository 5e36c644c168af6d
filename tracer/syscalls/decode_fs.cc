#include "tracer/syscalls/decoding.h"

namespace ttrace {
namespace decode {
namespace {

constexpr Registration kDecoders[] = {
    {"__placeholder__", nullptr, 0},
};

}  // namespace

std::span<const Registration> FsDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
