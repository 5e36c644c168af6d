#include "tracer/unwind/elf_image.h"

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "tracer/unwind/unwinder.h"

// A function of this test binary, to look up by address.
extern "C" __attribute__((noinline)) int TtraceUnwindMarker(int x) {
  asm volatile("");
  return x * 3 + 1;
}

namespace ttrace::unwind {
namespace {

std::string ReadText(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The executable mapping of this process holding `addr`.
Unwinder::Mapping MappingOf(uint64_t addr) {
  for (const Unwinder::Mapping& m :
       Unwinder::ParseMaps(ReadText("/proc/self/maps"))) {
    if (addr >= m.start && addr < m.end) return m;
  }
  return {};
}

TEST(ElfImageTest, NamesAFunctionOfThisBinaryAndHasItsRules) {
  const uint64_t fn = reinterpret_cast<uintptr_t>(&TtraceUnwindMarker);
  const Unwinder::Mapping m = MappingOf(fn);
  ASSERT_FALSE(m.path.empty());
  std::unique_ptr<ElfImage> image = ElfImage::Open(m.path);
  ASSERT_NE(image, nullptr) << m.path;
  uint64_t addr = 0;
  ASSERT_TRUE(image->FileOffsetToAddress(fn - m.start + m.offset, &addr));
  std::string_view name;
  uint64_t offset = 1;
  ASSERT_TRUE(image->Symbol(addr, &name, &offset));
  EXPECT_EQ(name, "TtraceUnwindMarker");
  EXPECT_EQ(offset, 0u);
  ASSERT_TRUE(image->Symbol(addr + 3, &name, &offset));
  EXPECT_EQ(name, "TtraceUnwindMarker");
  EXPECT_EQ(offset, 3u);
  FrameRules rules;
  EXPECT_TRUE(image->eh_frame().RulesAt(addr, &rules));
  EXPECT_EQ(rules.cfa_reg, kRsp);
  EXPECT_EQ(rules.cfa_offset, 8);  // at the first instruction
  EXPECT_EQ(TtraceUnwindMarker(1), 4);
}

TEST(ElfImageTest, RejectsWhatIsNotElf64) {
  EXPECT_EQ(ElfImage::Open("/nonexistent/file"), nullptr);
  EXPECT_EQ(ElfImage::Open("/proc/self/maps"), nullptr);  // not regular
  EXPECT_EQ(ElfImage::FromBytes("not an ELF file at all, but long enough to "
                                "hold a header...................."),
            nullptr);
  std::string elf32(64, '\0');
  elf32.replace(0, 6,
                "\x7f"
                "ELF\x01\x01",
                6);
  EXPECT_EQ(ElfImage::FromBytes(elf32), nullptr);
  // A header with tables pointing past the end: loads, knows nothing.
  std::string elf64(64, '\xff');
  elf64.replace(0, 6,
                "\x7f"
                "ELF\x02\x01",
                6);
  std::unique_ptr<ElfImage> odd = ElfImage::FromBytes(elf64);
  ASSERT_NE(odd, nullptr);
  uint64_t addr;
  EXPECT_FALSE(odd->FileOffsetToAddress(0, &addr));
  std::string_view name;
  EXPECT_FALSE(odd->Symbol(0x1000, &name, &addr));
}

TEST(UnwinderTest, ParseMapsKeepsExecutableFileMappings) {
  const std::vector<Unwinder::Mapping> maps = Unwinder::ParseMaps(
      "55d0c6a00000-55d0c6a04000 r--p 00000000 fe:01 1835 /usr/bin/dash\n"
      "55d0c6a04000-55d0c6a18000 r-xp 00004000 fe:01 1835 /usr/bin/dash\n"
      "7f1ae8e46000-7f1ae8f9c000 r-xp 00026000 fe:01 2237  "
      "/usr/lib/x86_64-linux-gnu/libc.so.6\n"
      "7f1ae9000000-7f1ae9001000 r-xp 00000000 00:00 0 \n"
      "7ffd5b7f0000-7ffd5b7f2000 r-xp 00000000 00:00 0  [vdso]\n"
      "garbage\n"
      "7f00-7f10 r-xp 00000000 fe:01 99 /tmp/a file (deleted)");
  ASSERT_EQ(maps.size(), 4u);
  EXPECT_EQ(maps[0].start, 0x55d0c6a04000u);
  EXPECT_EQ(maps[0].end, 0x55d0c6a18000u);
  EXPECT_EQ(maps[0].offset, 0x4000u);
  EXPECT_EQ(maps[0].path, "/usr/bin/dash");
  EXPECT_EQ(maps[1].path, "/usr/lib/x86_64-linux-gnu/libc.so.6");
  EXPECT_NE(maps[0].key, maps[1].key);
  EXPECT_EQ(maps[2].path, "[vdso]");
  EXPECT_EQ(maps[3].path, "/tmp/a file (deleted)");
}

}  // namespace
}  // namespace ttrace::unwind
