// NUMA memory policy: get_mempolicy, set_mempolicy, mbind, migrate_pages,
// move_pages and set_mempolicy_home_node, as strace 6.1 prints them on
// x86_64 and i386.
//
// Node masks are arrays of longs printed in fixed-width hex
// ("[0x00000000000001, 0000000000000000]"), i386's of 32-bit longs
// ("[0x000001, 00000000]"), as are move_pages' page pointers.
#include <cstdint>
#include <cstdio>
#include <iterator>

#include "output/errno_names.h"
#include "tracer/syscalls/decoding.h"
#include "tracer/syscalls/format.h"

namespace ttrace {
namespace decode {
namespace {

// The policy modes (MPOL_*, the low bits of a mode) and the mode flags
// that set_mempolicy and mbind take above them.
constexpr XlatEntry kMpolModes[] = {
    {0, "MPOL_DEFAULT"},    {1, "MPOL_PREFERRED"}, {2, "MPOL_BIND"},
    {3, "MPOL_INTERLEAVE"}, {4, "MPOL_LOCAL"},     {5, "MPOL_PREFERRED_MANY"},
};
constexpr XlatEntry kMpolModeFlags[] = {
    {0x8000, "MPOL_F_STATIC_NODES"},
    {0x4000, "MPOL_F_RELATIVE_NODES"},
    {0x2000, "MPOL_F_NUMA_BALANCING"},
};
constexpr uint32_t kMpolModeFlagBits = 0x8000 | 0x4000 | 0x2000;

// get_mempolicy's flags.
constexpr XlatEntry kGetMempolicyFlags[] = {
    {1, "MPOL_F_NODE"},
    {2, "MPOL_F_ADDR"},
    {4, "MPOL_F_MEMS_ALLOWED"},
};
// mbind's flags; move_pages takes the same without MPOL_MF_STRICT.
constexpr XlatEntry kMbindFlags[] = {
    {1, "MPOL_MF_STRICT"},
    {2, "MPOL_MF_MOVE"},
    {4, "MPOL_MF_MOVE_ALL"},
};
constexpr XlatEntry kMovePagesFlags[] = {
    {2, "MPOL_MF_MOVE"},
    {4, "MPOL_MF_MOVE_ALL"},
};

// A mode of set_mempolicy/mbind (an int): "MPOL_BIND|MPOL_F_STATIC_NODES".
// A mode strace does not know is shown as a flag set of the whole value:
// "0x1000 /* MPOL_??? */", "MPOL_F_STATIC_NODES|0x1000".
void Mode(D& d, uint32_t mode) {
  const char* name =
      XlatName(mode & ~kMpolModeFlagBits, kMpolModes, std::size(kMpolModes));
  if (name == nullptr) {
    d.Flags(mode, kMpolModeFlags, "MPOL_???");
    return;
  }
  // One constant for -X: "0x8002 /* MPOL_BIND|MPOL_F_STATIC_NODES */".
  const size_t mark = d.out->size();
  {
    ScopedXlatStyle abbrev(XlatStyle::kAbbrev);
    d.Put(name);
    if (mode & kMpolModeFlagBits) {
      d.out->push_back('|');
      d.Flags(mode & kMpolModeFlagBits, kMpolModeFlags, "MPOL_???");
    }
  }
  RestyleConst(d.out, mark, RawConst::Hex(mode));
}

// A node mask of `maxnode` bits as the longs that hold maxnode - 1 bits
// (as the kernel reads them), each "%#0*lx" as wide as a long in hex:
// on x86_64 0 is sixteen zeros, other values 0x and fourteen digits
// (i386: eight, 0x and six). NULL; "[]" for maxnode 0; the address when
// no long is covered or nothing is readable (and at the exit of a failed
// call).
void Nodemask(D& d, uint64_t addr, uint64_t maxnode) {
  if (addr == 0) {
    d.Put("NULL");
    return;
  }
  if (maxnode == 0) {
    d.Put("[]");
    return;
  }
  // In 64 bits (an i386 maxnode is zero-extended), wrapping for the
  // largest x86_64 ones as strace's unsigned arithmetic does.
  const uint64_t bits = 8 * d.ptr_size();
  const uint64_t n = (maxnode + bits - 2) / bits;
  if (n == 0) {
    d.Hex(addr);
    return;
  }
  const auto print = [&](uint64_t v) {
    char buf[24];
    const int len =
        snprintf(buf, sizeof(buf), "%#0*llx", static_cast<int>(bits / 4),
                 static_cast<unsigned long long>(v));
    d.out->append(buf, static_cast<size_t>(len));
  };
  if (d.i386) {
    d.Array<uint32_t>(addr, n, print);
  } else {
    d.Array<uint64_t>(addr, n, print);
  }
}

void GetMempolicy(D& d) {
  if (d.entering()) return;
  int32_t mode;
  if (d.FetchOut(d.u(0), &mode, sizeof(mode))) {
    d.out->push_back('[');
    d.Xval(static_cast<uint32_t>(mode), kMpolModes, "MPOL_???");
    d.out->push_back(']');
  }
  d.Sep();
  Nodemask(d, d.u(1), d.u(2));
  d.Sep();
  d.Udec(d.u(2));
  d.Sep();
  d.Ptr(d.u(3));
  d.Sep();
  d.Flags(d.u(4), kGetMempolicyFlags, "MPOL_???");
}

void SetMempolicy(D& d) {
  if (d.exiting) return;
  Mode(d, d.u32(0));
  d.Sep();
  Nodemask(d, d.u(1), d.u(2));
  d.Sep();
  d.Udec(d.u(2));
}

void Mbind(D& d) {
  if (d.exiting) return;
  d.Ptr(d.u(0));
  d.Sep();
  d.Udec(d.u(1));
  d.Sep();
  Mode(d, d.u32(2));
  d.Sep();
  Nodemask(d, d.u(3), d.u(4));
  d.Sep();
  d.Udec(d.u(4));
  d.Sep();
  d.Flags(d.u32(5), kMbindFlags, "MPOL_???");
}

void MigratePages(D& d) {
  if (d.exiting) return;
  d.Pid(0);
  d.Sep();
  d.Udec(d.u(1));
  d.Sep();
  Nodemask(d, d.u(2), d.u(1));
  d.Sep();
  Nodemask(d, d.u(3), d.u(1));
}

// move_pages(pid, count, pages, nodes, status, flags): the page addresses
// and target nodes at entry, the status of each page at exit (a node, or
// a negated errno shown by name: -ENOENT).
void MovePages(D& d) {
  const uint64_t count = d.u(1);
  if (d.entering()) {
    d.Pid(0);
    d.Sep();
    d.Udec(count);
    d.Sep();
    const auto page = [&](uint64_t p) { d.Ptr(p); };
    if (d.i386) {
      d.Array<uint32_t>(d.u(2), count, page);
    } else {
      d.Array<uint64_t>(d.u(2), count, page);
    }
    d.Sep();
    d.Array<int32_t>(d.u(3), count, [&](int32_t node) { d.Dec(node); });
    d.Sep();
    return;
  }
  d.Array<int32_t>(d.u(4), count, [&](int32_t status) {
    const char* name =
        status < 0 && status > -4096 ? ErrnoName(-status) : nullptr;
    if (name == nullptr) {
      d.Dec(status);
      return;
    }
    // -X: "-2", "-2 /* -ENOENT */".
    const size_t mark = d.out->size();
    d.out->push_back('-');
    d.Put(name);
    RestyleConst(d.out, mark, RawConst::Dec(status));
  });
  d.Sep();
  d.Flags(d.u32(5), kMovePagesFlags, "MPOL_???");
}

void SetMempolicyHomeNode(D& d) {
  if (d.exiting) return;
  d.Ptr(d.u(0));
  d.Sep();
  d.Udec(d.u(1));
  d.Sep();
  d.Udec(d.u(2));
  d.Sep();
  d.Hex(d.u(3));
}

constexpr Registration kDecoders[] = {
    {"get_mempolicy", GetMempolicy, 0},
    {"set_mempolicy", SetMempolicy, 0},
    {"mbind", Mbind, 0},
    {"migrate_pages", MigratePages, 0},
    {"move_pages", MovePages, 0},
    {"set_mempolicy_home_node", SetMempolicyHomeNode, 0},
};

}  // namespace

std::span<const Registration> NumaDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
