// ElfImage: what the unwinder needs from one ELF64 file mapped by a traced
// process: its loadable segments (file offset to module address), its
// .eh_frame, and its function symbols.
//
// Usage:
//   std::unique_ptr<ElfImage> img = ElfImage::Open("/usr/lib/.../libc.so.6");
//   uint64_t addr;
//   if (img->FileOffsetToAddress(offset, &addr)) {
//     std::string_view name; uint64_t off;
//     img->Symbol(addr, &name, &off);   // "__getpid", 7
//   }
//
// The file is mapped read-only for the object's lifetime.
#ifndef TTRACE_TRACER_UNWIND_ELF_IMAGE_H_
#define TTRACE_TRACER_UNWIND_ELF_IMAGE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tracer/unwind/cfi.h"

namespace ttrace::unwind {

class ElfImage {
 public:
  // Null if the file cannot be read or is not a little-endian ELF64 file.
  static std::unique_ptr<ElfImage> Open(const std::string& path);
  // The same from bytes in memory (for tests); `bytes` must outlive it.
  static std::unique_ptr<ElfImage> FromBytes(std::string_view bytes);
  ~ElfImage();
  ElfImage(const ElfImage&) = delete;
  ElfImage& operator=(const ElfImage&) = delete;

  // The module address (p_vaddr space) of a byte at `offset` in the file,
  // through the PT_LOAD segment that maps it.
  bool FileOffsetToAddress(uint64_t offset, uint64_t* addr) const;

  // The function symbol nearest at or below `addr` (.symtab and .dynsym,
  // defined STT_FUNC symbols; the first one listed wins among equals), and
  // addr's distance from it. False when there is none. This is
  // libunwind's choice, so names match strace -k's.
  bool Symbol(uint64_t addr, std::string_view* name, uint64_t* offset) const;

  const EhFrame& eh_frame() const { return eh_frame_; }

 private:
  ElfImage() = default;
  bool Load();

  const char* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
  struct Segment {
    uint64_t offset, vaddr, filesz;
  };
  std::vector<Segment> loads_;
  struct Sym {
    uint64_t addr;
    std::string_view name;
  };
  std::vector<Sym> symbols_;  // sorted by addr, one per addr
  EhFrame eh_frame_;
};

}  // namespace ttrace::unwind

#endif  // TTRACE_TRACER_UNWIND_ELF_IMAGE_H_
