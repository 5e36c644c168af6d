#include "tracer/syscalls/decoding.h"

namespace ttrace {
namespace decode {
namespace {

constexpr Registration kDecoders[] = {
    {"__placeholder__", nullptr, 0},
};

}  // namespace

std::span<const Registration> ProcessDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
