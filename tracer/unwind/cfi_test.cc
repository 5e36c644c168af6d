#include "tracer/unwind/cfi.h"

#include <cstdint>
#include <string>

#include "gtest/gtest.h"

namespace ttrace::unwind {
namespace {

using Kind = RegisterRule::Kind;

void Put32(std::string* s, uint32_t v) {
  s->append(reinterpret_cast<const char*>(&v), 4);
}

// An .eh_frame as gcc writes it: a "zR" CIE (code alignment 1, data
// alignment -8, return address column 16, FDE addresses pc-relative
// sdata4) whose initial rules are CFA = rsp + 8, return address at CFA - 8;
// then one FDE for [kBegin, kBegin + 0x40) with `insns`.
constexpr uint64_t kSection = 0x2000;
constexpr uint64_t kBegin = 0x1000;

std::string Section(const std::string& insns) {
  std::string cie_body = std::string("\0\0\0\0", 4);  // CIE id
  cie_body += '\1';                                   // version
  cie_body += std::string("zR\0", 3);
  cie_body += '\1';            // code alignment
  cie_body += '\x78';          // data alignment -8
  cie_body += '\x10';          // return address register 16
  cie_body += '\1';            // augmentation length
  cie_body += '\x1b';          // FDE encoding: pcrel | sdata4
  cie_body += "\x0c\x07\x08";  // def_cfa rsp, 8
  cie_body += "\x90\x01";      // offset r16, cfa - 8
  while ((cie_body.size() + 4) % 8) cie_body += '\0';  // nops
  std::string s;
  Put32(&s, static_cast<uint32_t>(cie_body.size()));
  s += cie_body;
  std::string fde_body;
  Put32(&fde_body, static_cast<uint32_t>(s.size() + 4));  // back to the CIE
  // pc_begin, relative to its own field.
  const uint64_t field = kSection + s.size() + 4 + fde_body.size();
  Put32(&fde_body, static_cast<uint32_t>(kBegin - field));
  Put32(&fde_body, 0x40);  // pc_range
  fde_body += '\0';        // augmentation length
  fde_body += insns;
  Put32(&s, static_cast<uint32_t>(fde_body.size()));
  s += fde_body;
  Put32(&s, 0);  // terminator
  return s;
}

TEST(EhFrameTest, RulesOfAFramePointerPrologue) {
  // push rbp; mov rbp, rsp; ... ; leave (remember/restore state); ret
  const std::string bytes =
      Section(std::string("\x41"          // advance 1
                          "\x0e\x10"      // def_cfa_offset 16
                          "\x86\x02"      // offset rbp, cfa - 16
                          "\x43"          // advance 3
                          "\x0d\x06"      // def_cfa_register rbp
                          "\x4c"          // advance 12
                          "\x0a"          // remember_state
                          "\x0c\x07\x08"  // def_cfa rsp, 8
                          "\x41"          // advance 1
                          "\x0b",         // restore_state
                          15));
  EhFrame cfi;
  ASSERT_EQ(cfi.Parse(bytes, kSection), 1u);
  FrameRules r;
  ASSERT_TRUE(cfi.RulesAt(kBegin, &r));
  EXPECT_EQ(r.cfa_reg, kRsp);
  EXPECT_EQ(r.cfa_offset, 8);
  EXPECT_EQ(r.regs[kReturnAddress].kind, Kind::kOffset);
  EXPECT_EQ(r.regs[kReturnAddress].offset, -8);
  EXPECT_EQ(r.regs[6].kind, Kind::kSame);

  ASSERT_TRUE(cfi.RulesAt(kBegin + 1, &r));
  EXPECT_EQ(r.cfa_offset, 16);
  EXPECT_EQ(r.regs[6].kind, Kind::kOffset);
  EXPECT_EQ(r.regs[6].offset, -16);

  ASSERT_TRUE(cfi.RulesAt(kBegin + 4, &r));
  EXPECT_EQ(r.cfa_reg, 6);
  EXPECT_EQ(r.cfa_offset, 16);

  ASSERT_TRUE(cfi.RulesAt(kBegin + 16, &r));  // after the epilogue's rule
  EXPECT_EQ(r.cfa_reg, kRsp);
  EXPECT_EQ(r.cfa_offset, 8);
  ASSERT_TRUE(cfi.RulesAt(kBegin + 17, &r));  // state restored
  EXPECT_EQ(r.cfa_reg, 6);
  EXPECT_EQ(r.cfa_offset, 16);
  ASSERT_TRUE(cfi.RulesAt(kBegin + 0x3f, &r));

  EXPECT_FALSE(cfi.RulesAt(kBegin - 1, &r));
  EXPECT_FALSE(cfi.RulesAt(kBegin + 0x40, &r));
}

TEST(EhFrameTest, UndefinedReturnAddressAndExpressions) {
  EhFrame cfi;
  // _start: the return address is undefined (the outermost frame).
  // (Parse keeps pointers into its input: each input outlives its use.)
  const std::string start = Section("\x07\x10");
  ASSERT_EQ(cfi.Parse(start, kSection), 1u);
  FrameRules r;
  ASSERT_TRUE(cfi.RulesAt(kBegin, &r));
  EXPECT_EQ(r.regs[kReturnAddress].kind, Kind::kUndefined);
  // A CFA computed by an expression (a PLT entry) is not understood.
  const std::string plt = Section(std::string("\x0f\x02\x77\x08", 4));
  ASSERT_EQ(cfi.Parse(plt, kSection), 1u);
  EXPECT_FALSE(cfi.RulesAt(kBegin, &r));
}

TEST(EhFrameTest, MalformedInputIsRejectedNotOverread) {
  const std::string good = Section("\x41\x0e\x10");
  EhFrame cfi;
  // Every truncation parses without reading past the end.
  for (size_t n = 0; n < good.size(); ++n) {
    const std::string cut = good.substr(0, n);
    cfi.Parse(cut, kSection);
    FrameRules r;
    cfi.RulesAt(kBegin + 2, &r);
  }
  // A huge length ends the parse.
  std::string huge = good;
  huge[0] = '\xf0';
  huge[1] = huge[2] = '\xff';
  huge[3] = '\x7f';
  EXPECT_EQ(cfi.Parse(huge, kSection), 0u);
  // An entry too short to hold its id (found by fuzz/elf_fuzzer.cc).
  std::string short_entry = std::string("\x02\0\0\0\0\0", 6) + good;
  EXPECT_EQ(cfi.Parse(short_entry, kSection), 0u);
  // An FDE whose instructions run off the entry: no rules.
  const std::string runs_off = Section("\x0c\x07");
  EXPECT_EQ(cfi.Parse(runs_off, kSection), 1u);
  FrameRules r;
  EXPECT_FALSE(cfi.RulesAt(kBegin, &r));
}

}  // namespace
}  // namespace ttrace::unwind
