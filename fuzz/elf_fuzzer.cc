// libFuzzer target for what -k reads from the files a traced process maps
// (tracer/unwind): ElfImage (headers, segments, symbol tables, .eh_frame)
// and EhFrame (CIEs, FDEs, CFA instructions). A traced program may map any
// file, so for any input it checks that loading and every query never
// crash, hang or trip a sanitizer, and that answers are consistent: a
// symbol found is at or below the address asked for. Built and run by
// fuzz/build_and_run.sh; not built by Bazel.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "tracer/unwind/cfi.h"
#include "tracer/unwind/elf_image.h"

namespace {

using ttrace::unwind::EhFrame;
using ttrace::unwind::ElfImage;
using ttrace::unwind::FrameRules;

// Addresses worth asking about: small ones (sections of a tiny image),
// and around the section address the raw CFI parse uses.
constexpr uint64_t kSection = 0x2000;

void Query(const EhFrame& cfi) {
  FrameRules rules;
  for (uint64_t a = 0; a < 0x4000; a += 0x7) cfi.RulesAt(a, &rules);
  cfi.RulesAt(~uint64_t{0}, &rules);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (std::unique_ptr<ElfImage> image = ElfImage::FromBytes(bytes)) {
    for (uint64_t a = 0; a < 0x4000; a += 0x3b) {
      uint64_t addr = 0;
      image->FileOffsetToAddress(a, &addr);
      std::string_view name;
      uint64_t offset = 0;
      if (image->Symbol(a, &name, &offset) && offset > a) {
        std::fprintf(stderr, "symbol above the address\n");
        std::abort();
      }
    }
    Query(image->eh_frame());
  }
  EhFrame cfi;
  cfi.Parse(bytes, kSection);
  Query(cfi);
  return 0;
}
