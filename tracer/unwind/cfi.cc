#include "tracer/unwind/cfi.h"

#include <algorithm>
#include <cstring>

#include "absl/container/flat_hash_map.h"

namespace ttrace::unwind {
namespace {

// v * factor, wrapping (hostile CFI must not overflow a signed integer).
int64_t Scaled(uint64_t v, int64_t factor) {
  return static_cast<int64_t>(v * static_cast<uint64_t>(factor));
}
int64_t Scaled(int64_t v, int64_t factor) {
  return Scaled(static_cast<uint64_t>(v), factor);
}

// Reads DWARF's encodings from [p, end); any read past `end` sets !ok and
// reads zeros.
struct Cursor {
  const uint8_t* p;
  const uint8_t* end;
  bool ok = true;

  bool Has(uint64_t n) {
    if (p > end || static_cast<uint64_t>(end - p) < n) ok = false;
    return ok;
  }
  template <typename T>
  T Fixed() {
    T v{};
    if (!Has(sizeof v)) return v;
    std::memcpy(&v, p, sizeof v);
    p += sizeof v;
    return v;
  }
  uint64_t Uleb() {
    uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
      if (!Has(1)) return 0;
      const uint8_t b = *p++;
      if (shift < 64) v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v;
    }
  }
  int64_t Sleb() {
    int64_t v = 0;
    int shift = 0;
    uint8_t b;
    do {
      if (!Has(1)) return 0;
      b = *p++;
      if (shift < 64) {
        v = static_cast<int64_t>(static_cast<uint64_t>(v) |
                                 (static_cast<uint64_t>(b & 0x7f) << shift));
      }
      shift += 7;
    } while (b & 0x80);
    if (shift < 64 && (b & 0x40)) {
      v = static_cast<int64_t>(static_cast<uint64_t>(v) |
                               (~uint64_t{0} << shift));
    }
    return v;
  }
  // A DW_EH_PE_* encoded pointer whose field is at module address
  // `field`. Indirect pointers are returned as their address (only the
  // personality routine uses them, and it is skipped).
  uint64_t Encoded(uint8_t enc, uint64_t field) {
    if (enc == 0xff) return 0;  // DW_EH_PE_omit
    uint64_t v;
    switch (enc & 0x0f) {
      case 0x00:
        v = Fixed<uint64_t>();
        break;
      case 0x01:
        v = Uleb();
        break;
      case 0x02:
        v = Fixed<uint16_t>();
        break;
      case 0x03:
        v = Fixed<uint32_t>();
        break;
      case 0x04:
        v = Fixed<uint64_t>();
        break;
      case 0x09:
        v = static_cast<uint64_t>(Sleb());
        break;
      case 0x0a:
        v = static_cast<uint64_t>(int64_t{Fixed<int16_t>()});
        break;
      case 0x0b:
        v = static_cast<uint64_t>(int64_t{Fixed<int32_t>()});
        break;
      case 0x0c:
        v = Fixed<uint64_t>();
        break;
      default:
        ok = false;
        return 0;
    }
    switch (enc & 0x70) {
      case 0x00:  // absolute
        break;
      case 0x10:  // pc-relative
        v += field;
        break;
      default:  // text-, data-, function-relative: not in .eh_frame FDEs
        ok = false;
        return 0;
    }
    return v;
  }
};

// Where the section's bytes sit in the module's address space, for
// pc-relative pointers.
struct Section {
  const uint8_t* base;
  uint64_t vaddr;
  uint64_t AddressOf(const uint8_t* p) const {
    return vaddr + static_cast<uint64_t>(p - base);
  }
};

// Executes CFA instructions [p, end) from location `loc` until the row
// that covers `pc`. `initial` is the CIE's row (for DW_CFA_restore), null
// while running the CIE's own instructions.
bool Execute(const uint8_t* p, const uint8_t* end, uint64_t code_align,
             int64_t data_align, uint8_t encoding, uint64_t loc, uint64_t pc,
             const FrameRules* initial, FrameRules* row,
             const Section& section) {
  Cursor c{p, end};
  std::vector<FrameRules> stack;
  auto set = [&](uint64_t reg, RegisterRule rule) {
    if (reg < kRegisters) row->regs[reg] = rule;
  };
  using Kind = RegisterRule::Kind;
  auto advance = [&](uint64_t delta) {
    loc += delta * code_align;
    return loc <= pc;  // false: the row for pc is complete
  };
  while (c.ok && c.p < c.end) {
    const uint8_t op = *c.p++;
    const uint8_t low = op & 0x3f;
    switch (op & 0xc0) {
      case 0x40:  // DW_CFA_advance_loc
        if (!advance(low)) return true;
        continue;
      case 0x80:  // DW_CFA_offset
        set(low, {Kind::kOffset, Scaled(c.Uleb(), data_align)});
        continue;
      case 0xc0:  // DW_CFA_restore
        set(low, initial ? initial->regs[low < kRegisters ? low : 0]
                         : RegisterRule{});
        continue;
    }
    switch (op) {
      case 0x00:  // nop
        break;
      case 0x01: {  // set_loc
        const uint64_t field = section.AddressOf(c.p);
        loc = c.Encoded(encoding, field);
        if (loc > pc) return c.ok;
        break;
      }
      case 0x02:
        if (!advance(c.Fixed<uint8_t>())) return c.ok;
        break;
      case 0x03:
        if (!advance(c.Fixed<uint16_t>())) return c.ok;
        break;
      case 0x04:
        if (!advance(c.Fixed<uint32_t>())) return c.ok;
        break;
      case 0x05: {  // offset_extended
        const uint64_t reg = c.Uleb();
        set(reg, {Kind::kOffset, Scaled(c.Uleb(), data_align)});
        break;
      }
      case 0x06: {  // restore_extended
        const uint64_t reg = c.Uleb();
        if (reg < kRegisters) {
          row->regs[reg] = initial ? initial->regs[reg] : RegisterRule{};
        }
        break;
      }
      case 0x07:  // undefined
        set(c.Uleb(), {Kind::kUndefined});
        break;
      case 0x08:  // same_value
        set(c.Uleb(), {Kind::kSame});
        break;
      case 0x09: {  // register
        const uint64_t reg = c.Uleb();
        const uint64_t from = c.Uleb();
        if (from >= kRegisters) {
          set(reg, {Kind::kUndefined});
        } else {
          set(reg, {Kind::kRegister, 0, static_cast<int>(from)});
        }
        break;
      }
      case 0x0a:  // remember_state
        stack.push_back(*row);
        break;
      case 0x0b:  // restore_state
        if (stack.empty()) return false;
        *row = stack.back();
        stack.pop_back();
        break;
      case 0x0c: {  // def_cfa
        const uint64_t reg = c.Uleb();
        row->cfa_reg = static_cast<int>(reg);
        row->cfa_offset = static_cast<int64_t>(c.Uleb());
        break;
      }
      case 0x0d:  // def_cfa_register
        row->cfa_reg = static_cast<int>(c.Uleb());
        break;
      case 0x0e:  // def_cfa_offset
        row->cfa_offset = static_cast<int64_t>(c.Uleb());
        break;
      case 0x10:    // expression
      case 0x16: {  // val_expression: not evaluated
        const uint64_t reg = c.Uleb();
        const uint64_t len = c.Uleb();
        if (!c.Has(len)) return false;
        c.p += len;
        set(reg, {Kind::kUndefined});
        break;
      }
      case 0x11: {  // offset_extended_sf
        const uint64_t reg = c.Uleb();
        set(reg, {Kind::kOffset, Scaled(c.Sleb(), data_align)});
        break;
      }
      case 0x12: {  // def_cfa_sf
        const uint64_t reg = c.Uleb();
        row->cfa_reg = static_cast<int>(reg);
        row->cfa_offset = Scaled(c.Sleb(), data_align);
        break;
      }
      case 0x13:  // def_cfa_offset_sf
        row->cfa_offset = Scaled(c.Sleb(), data_align);
        break;
      case 0x14: {  // val_offset
        const uint64_t reg = c.Uleb();
        set(reg, {Kind::kValOffset, Scaled(c.Uleb(), data_align)});
        break;
      }
      case 0x15: {  // val_offset_sf
        const uint64_t reg = c.Uleb();
        set(reg, {Kind::kValOffset, Scaled(c.Sleb(), data_align)});
        break;
      }
      case 0x2e:  // GNU_args_size
        c.Uleb();
        break;
      case 0x2f: {  // GNU_negative_offset_extended
        const uint64_t reg = c.Uleb();
        set(reg, {Kind::kOffset, Scaled(0 - c.Uleb(), data_align)});
        break;
      }
      default:  // def_cfa_expression (PLT entries) and unknown ones
        return false;
    }
  }
  return c.ok;
}

}  // namespace

bool EhFrame::ParseCie(const uint8_t* p, const uint8_t* end, Cie* cie) const {
  Cursor c{p, end};
  const uint8_t version = c.Fixed<uint8_t>();
  if (version != 1 && version != 3 && version != 4) return false;
  const uint8_t* aug = c.p;
  while (c.Has(1) && *c.p != 0) ++c.p;
  if (!c.Has(1)) return false;
  const std::string_view augmentation(reinterpret_cast<const char*>(aug),
                                      static_cast<size_t>(c.p - aug));
  ++c.p;
  if (version == 4) c.Fixed<uint16_t>();  // address, segment sizes
  cie->code_align = c.Uleb();
  cie->data_align = c.Sleb();
  cie->ra_reg = version == 1 ? c.Fixed<uint8_t>() : static_cast<int>(c.Uleb());
  if (!augmentation.empty()) {
    if (augmentation[0] != 'z') return false;  // layout unknown
    cie->augmented = true;
    const uint64_t len = c.Uleb();
    if (!c.Has(len)) return false;
    Cursor a{c.p, c.p + len};
    const Section section{base_, vaddr_};
    for (char ch : augmentation.substr(1)) {
      if (ch == 'R') {
        cie->fde_encoding = a.Fixed<uint8_t>();
      } else if (ch == 'L') {
        a.Fixed<uint8_t>();
      } else if (ch == 'P') {
        const uint8_t enc = a.Fixed<uint8_t>();
        a.Encoded(enc & 0x7f, section.AddressOf(a.p));
      } else if (ch != 'S' && ch != 'B') {
        break;  // the rest is skipped by length
      }
    }
    c.p += len;
  }
  cie->insns = c.p;
  cie->insns_end = end;
  return c.ok;
}

size_t EhFrame::Parse(std::string_view bytes, uint64_t vaddr) {
  base_ = reinterpret_cast<const uint8_t*>(bytes.data());
  vaddr_ = vaddr;
  cies_.clear();
  fdes_.clear();
  const uint8_t* const end = base_ + bytes.size();
  absl::flat_hash_map<const uint8_t*, uint32_t> cie_at;
  const Section section{base_, vaddr_};
  Cursor c{base_, end};
  while (c.ok && c.p + 4 <= end) {
    const uint32_t length = c.Fixed<uint32_t>();
    if (length == 0) break;           // terminator
    if (length == 0xffffffff) break;  // 64-bit DWARF: not emitted for x86_64
    const uint8_t* const id_field = c.p;
    if (length < 4 || !c.Has(length)) break;
    const uint8_t* const entry_end = c.p + length;
    const uint32_t id = c.Fixed<uint32_t>();
    if (id == 0) {  // a CIE
      Cie cie;
      if (ParseCie(c.p, entry_end, &cie)) {
        cie_at[id_field - 4] = static_cast<uint32_t>(cies_.size());
        cies_.push_back(cie);
      }
    } else {  // an FDE: id is the distance back to its CIE
      const uint8_t* const cie_start = id_field - id;
      const auto it = cie_at.find(cie_start);
      if (it != cie_at.end()) {
        const Cie& cie = cies_[it->second];
        Fde fde;
        fde.cie = it->second;
        Cursor f{c.p, entry_end};
        fde.begin = f.Encoded(cie.fde_encoding, section.AddressOf(f.p));
        const uint64_t range = f.Encoded(cie.fde_encoding & 0x0f, 0);
        fde.end = fde.begin + range;
        if (cie.augmented) {
          const uint64_t len = f.Uleb();
          if (f.Has(len)) f.p += len;
        }
        fde.insns = f.p;
        fde.insns_end = entry_end;
        if (f.ok && fde.begin != 0 && range != 0) fdes_.push_back(fde);
      }
    }
    c.p = entry_end;
  }
  std::sort(fdes_.begin(), fdes_.end(),
            [](const Fde& a, const Fde& b) { return a.begin < b.begin; });
  return fdes_.size();
}

bool EhFrame::RulesAt(uint64_t pc, FrameRules* rules) const {
  auto it =
      std::upper_bound(fdes_.begin(), fdes_.end(), pc,
                       [](uint64_t v, const Fde& f) { return v < f.begin; });
  if (it == fdes_.begin()) return false;
  --it;
  if (pc >= it->end) return false;
  const Cie& cie = cies_[it->cie];
  const Section section{base_, vaddr_};
  FrameRules initial;
  if (!Execute(cie.insns, cie.insns_end, cie.code_align, cie.data_align,
               cie.fde_encoding, 0, UINT64_MAX, nullptr, &initial, section)) {
    return false;
  }
  *rules = initial;
  // The return address column may be another register than 16.
  if (cie.ra_reg != kReturnAddress) return false;
  return Execute(it->insns, it->insns_end, cie.code_align, cie.data_align,
                 cie.fde_encoding, it->begin, pc, &initial, rules, section);
}

}  // namespace ttrace::unwind
