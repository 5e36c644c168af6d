// DWARF call frame information (.eh_frame) for x86_64: the index of a
// module's FDEs and the rules that recover a caller's registers from a
// callee's frame (DWARF 5, section 6.4; the .eh_frame form of the LSB).
//
// Usage:
//   EhFrame cfi;
//   cfi.Parse(bytes, section_vaddr);           // once per module
//   FrameRules rules;
//   if (cfi.RulesAt(pc_vaddr, &rules)) { ... rules.cfa_reg, rules.regs ... }
//
// Pure logic over bytes: no ptrace, no files. Only what compilers emit for
// ordinary code is understood; a frame described by DWARF expressions (PLT
// entries, signal trampolines) gives no rules: the unwinder recognises the
// signal trampoline by its code instead, and stops at anything else.
#ifndef TTRACE_TRACER_UNWIND_CFI_H_
#define TTRACE_TRACER_UNWIND_CFI_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace ttrace::unwind {

// DWARF register numbers on x86_64: 0 rax, 1 rdx, 2 rcx, 3 rbx, 4 rsi,
// 5 rdi, 6 rbp, 7 rsp, 8-15 r8-r15, 16 the return address (rip).
inline constexpr int kRegisters = 17;
inline constexpr int kRsp = 7;
inline constexpr int kReturnAddress = 16;

struct RegisterRule {
  enum class Kind : uint8_t {
    kSame,       // unchanged in the caller (the default)
    kUndefined,  // not recoverable (for the return address: stack's end)
    kOffset,     // saved at CFA + offset
    kValOffset,  // the value is CFA + offset
    kRegister,   // in register `reg` of the callee
  };
  Kind kind = Kind::kSame;
  int64_t offset = 0;
  int reg = 0;
};

struct FrameRules {
  int cfa_reg = kRsp;  // CFA = cfa_reg + cfa_offset
  int64_t cfa_offset = 8;
  RegisterRule regs[kRegisters];
};

class EhFrame {
 public:
  // Indexes the FDEs of an .eh_frame section loaded at `vaddr` (module
  // addresses). `bytes` must outlive this object. Malformed entries end
  // the parse: what was indexed before them stays usable. Returns the
  // number of FDEs indexed.
  size_t Parse(std::string_view bytes, uint64_t vaddr);

  // The rules in effect at `pc` (a module address inside a function).
  // False when no FDE covers it or its instructions are not understood.
  bool RulesAt(uint64_t pc, FrameRules* rules) const;

 private:
  struct Cie {
    uint64_t code_align = 1;
    int64_t data_align = 1;
    int ra_reg = kReturnAddress;
    uint8_t fde_encoding = 0;  // DW_EH_PE_* of FDE addresses
    bool augmented = false;    // 'z': FDEs carry an augmentation length
    const uint8_t* insns = nullptr;
    const uint8_t* insns_end = nullptr;
  };
  struct Fde {
    uint64_t begin = 0;
    uint64_t end = 0;
    uint32_t cie = 0;  // index into cies_
    const uint8_t* insns = nullptr;
    const uint8_t* insns_end = nullptr;
  };
  bool ParseCie(const uint8_t* p, const uint8_t* end, Cie* cie) const;

  const uint8_t* base_ = nullptr;
  uint64_t vaddr_ = 0;
  std::vector<Cie> cies_;
  std::vector<Fde> fdes_;  // sorted by begin
};

}  // namespace ttrace::unwind

#endif  // TTRACE_TRACER_UNWIND_CFI_H_
