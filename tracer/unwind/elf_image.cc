#include "tracer/unwind/elf_image.h"

#include <elf.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace ttrace::unwind {

std::unique_ptr<ElfImage> ElfImage::Open(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
      st.st_size < static_cast<off_t>(sizeof(Elf64_Ehdr))) {
    close(fd);
    return nullptr;
  }
  void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ,
                 MAP_PRIVATE, fd, 0);
  close(fd);
  if (p == MAP_FAILED) return nullptr;
  std::unique_ptr<ElfImage> img(new ElfImage);
  img->data_ = static_cast<const char*>(p);
  img->size_ = static_cast<size_t>(st.st_size);
  img->mapped_ = true;
  if (!img->Load()) return nullptr;
  return img;
}

std::unique_ptr<ElfImage> ElfImage::FromBytes(std::string_view bytes) {
  std::unique_ptr<ElfImage> img(new ElfImage);
  img->data_ = bytes.data();
  img->size_ = bytes.size();
  if (!img->Load()) return nullptr;
  return img;
}

ElfImage::~ElfImage() {
  if (mapped_) munmap(const_cast<char*>(data_), size_);
}

bool ElfImage::Load() {
  Elf64_Ehdr eh;
  if (size_ < sizeof eh) return false;
  std::memcpy(&eh, data_, sizeof eh);
  if (std::memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
      eh.e_ident[EI_CLASS] != ELFCLASS64 ||
      eh.e_ident[EI_DATA] != ELFDATA2LSB) {
    return false;
  }
  // A table of `count` entries of `entsize` bytes at `off`, if it fits.
  auto table_fits = [&](uint64_t off, uint64_t count, uint64_t entsize,
                        uint64_t want) {
    return entsize >= want && off <= size_ && count <= (size_ - off) / entsize;
  };
  if (table_fits(eh.e_phoff, eh.e_phnum, eh.e_phentsize, sizeof(Elf64_Phdr))) {
    for (unsigned i = 0; i < eh.e_phnum; ++i) {
      Elf64_Phdr ph;
      std::memcpy(&ph, data_ + eh.e_phoff + uint64_t{i} * eh.e_phentsize,
                  sizeof ph);
      if (ph.p_type == PT_LOAD) {
        loads_.push_back({ph.p_offset, ph.p_vaddr, ph.p_filesz});
      }
    }
  }
  if (!table_fits(eh.e_shoff, eh.e_shnum, eh.e_shentsize, sizeof(Elf64_Shdr))) {
    return true;  // no sections: no symbols, no CFI
  }
  std::vector<Elf64_Shdr> sections(eh.e_shnum);
  for (unsigned i = 0; i < eh.e_shnum; ++i) {
    std::memcpy(&sections[i], data_ + eh.e_shoff + uint64_t{i} * eh.e_shentsize,
                sizeof(Elf64_Shdr));
  }
  auto in_file = [&](const Elf64_Shdr& s) {
    return s.sh_type != SHT_NOBITS && s.sh_offset <= size_ &&
           s.sh_size <= size_ - s.sh_offset;
  };
  // Section names, to find .eh_frame.
  std::string_view shstr;
  if (eh.e_shstrndx < sections.size() && in_file(sections[eh.e_shstrndx])) {
    const Elf64_Shdr& s = sections[eh.e_shstrndx];
    shstr = std::string_view(data_ + s.sh_offset, s.sh_size);
  }
  std::vector<Sym> all;
  for (const Elf64_Shdr& s : sections) {
    if (!in_file(s)) continue;
    std::string_view name =
        s.sh_name < shstr.size() ? shstr.substr(s.sh_name) : "";
    name = name.substr(0, name.find('\0'));
    if (name == ".eh_frame") {
      eh_frame_.Parse(std::string_view(data_ + s.sh_offset, s.sh_size),
                      s.sh_addr);
    }
    if ((s.sh_type != SHT_SYMTAB && s.sh_type != SHT_DYNSYM) ||
        s.sh_entsize < sizeof(Elf64_Sym) || s.sh_link >= sections.size() ||
        !in_file(sections[s.sh_link])) {
      continue;
    }
    const Elf64_Shdr& strtab = sections[s.sh_link];
    const std::string_view strings(data_ + strtab.sh_offset, strtab.sh_size);
    const uint64_t n = s.sh_size / s.sh_entsize;
    for (uint64_t i = 0; i < n; ++i) {
      Elf64_Sym sym;
      std::memcpy(&sym, data_ + s.sh_offset + i * s.sh_entsize, sizeof sym);
      if (ELF64_ST_TYPE(sym.st_info) != STT_FUNC || sym.st_shndx == SHN_UNDEF ||
          sym.st_name >= strings.size()) {
        continue;
      }
      std::string_view name = strings.substr(sym.st_name);
      name = name.substr(0, name.find('\0'));
      all.push_back({sym.st_value, name});
    }
  }
  // Listed order breaks ties: a stable sort, then the first of each
  // address.
  std::stable_sort(all.begin(), all.end(),
                   [](const Sym& a, const Sym& b) { return a.addr < b.addr; });
  for (const Sym& s : all) {
    if (symbols_.empty() || symbols_.back().addr != s.addr) {
      symbols_.push_back(s);
    }
  }
  return true;
}

bool ElfImage::FileOffsetToAddress(uint64_t offset, uint64_t* addr) const {
  for (const Segment& s : loads_) {
    if (offset >= s.offset && offset - s.offset < s.filesz) {
      *addr = s.vaddr + (offset - s.offset);
      return true;
    }
  }
  return false;
}

bool ElfImage::Symbol(uint64_t addr, std::string_view* name,
                      uint64_t* offset) const {
  auto it =
      std::upper_bound(symbols_.begin(), symbols_.end(), addr,
                       [](uint64_t v, const Sym& s) { return v < s.addr; });
  if (it == symbols_.begin()) return false;
  --it;
  *name = it->name;
  *offset = addr - it->addr;
  return true;
}

}  // namespace ttrace::unwind
