#include "tracer/syscalls/syscall_table.h"

#include <seccomp.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace ttrace {
namespace {

// Flag letters of syscall_data.inc (strace's sysent shorthands).
constexpr uint32_t F = kClassFile;
constexpr uint32_t I = kClassIpc;
constexpr uint32_t N = kClassNetwork;
constexpr uint32_t P = kClassProcess;
constexpr uint32_t S = kClassSignal;
constexpr uint32_t D = kClassDesc;
constexpr uint32_t M = kClassMemory;
constexpr uint32_t NF = kNeverFails;
constexpr uint32_t ST = kClassStat;
constexpr uint32_t LST = kClassLstat;
constexpr uint32_t FST = kClassFstat;
constexpr uint32_t STA = kClassStatLike;
constexpr uint32_t SF = kClassStatfs;
constexpr uint32_t FSF = kClassFstatfs;
constexpr uint32_t SFA = kClassStatfsLike;
constexpr uint32_t PU = kClassPure;
constexpr uint32_t C = kClassCreds;
constexpr uint32_t CL = kClassClock;

struct Entry {
  int nr;
  const char* strace_name;
  uint8_t nargs;
  uint32_t flags;
};

#define E(nr, name, nargs, flags) {nr, name, nargs, flags},
constexpr Entry kX86_64[] = {
#define TTRACE_SYSCALL_DATA_X86_64
#include "tracer/syscalls/syscall_data.inc"
#undef TTRACE_SYSCALL_DATA_X86_64
};
constexpr Entry kI386[] = {
#define TTRACE_SYSCALL_DATA_I386
#include "tracer/syscalls/syscall_data.inc"
#undef TTRACE_SYSCALL_DATA_I386
};
#undef E

// "syscall_0x1b6" into buf (at least 32 bytes); returns the length.
int FormatUnknown(uint64_t nr, char* buf, size_t size) {
  return snprintf(buf, size, "syscall_%#llx",
                  static_cast<unsigned long long>(nr));
}

// Names for numbers no arch knows (and for unsupported arches).
const std::array<std::string, SyscallTable::kMaxNr>& UnknownNames() {
  static const auto* const names = [] {
    auto* n = new std::array<std::string, SyscallTable::kMaxNr>();
    char buf[32];
    for (int i = 0; i < SyscallTable::kMaxNr; ++i) {
      int len = FormatUnknown(i, buf, sizeof(buf));
      (*n)[i].assign(buf, len);
    }
    return n;
  }();
  return *names;
}

}  // namespace

const SyscallTable& SyscallTable::Get() {
  static const SyscallTable* const table = new SyscallTable();
  return *table;
}

SyscallTable::SyscallTable() {
  const auto& unknown = UnknownNames();
  const uint32_t scmp_arch[kNumArches] = {SCMP_ARCH_X86_64, SCMP_ARCH_X86};
  for (int a = 0; a < kNumArches; ++a) {
    PerArch& pa = arch_[a];
    for (int nr = 0; nr < kMaxNr; ++nr) {
      pa.nargs[nr] = 6;
      char* name = seccomp_syscall_resolve_num_arch(scmp_arch[a], nr);
      if (name != nullptr) {
        pa.names[nr] = name;
        pa.known[nr] = true;
        pa.by_name.emplace(name, nr);
        pa.numbers.push_back(nr);
        free(name);
      } else {
        pa.names[nr] = unknown[nr];
      }
    }
    const Entry* begin = a == 0 ? std::begin(kX86_64) : std::begin(kI386);
    const Entry* end = a == 0 ? std::end(kX86_64) : std::end(kI386);
    for (const Entry* e = begin; e != end; ++e) {
      if (e->nr < 0 || e->nr >= kMaxNr) continue;
      pa.classes[e->nr] = e->flags;
      pa.nargs[e->nr] = e->nargs;
      // A name strace knows but libseccomp does not (none today): keep it
      // so filters accept it.
      if (!pa.known[e->nr]) {
        pa.names[e->nr] = e->strace_name;
        pa.known[e->nr] = true;
        pa.by_name.emplace(e->strace_name, e->nr);
        pa.numbers.push_back(e->nr);
      }
    }
    std::sort(pa.numbers.begin(), pa.numbers.end());
  }
}

absl::string_view SyscallTable::Name(uint32_t arch, int64_t nr) const {
  const int a = ArchIndex(arch);
  if (nr >= 0 && nr < kMaxNr) {
    return a < 0 ? absl::string_view(UnknownNames()[nr])
                 : absl::string_view(arch_[a].names[nr]);
  }
  thread_local char buf[40];
  int len = FormatUnknown(static_cast<uint64_t>(nr), buf, sizeof(buf));
  return absl::string_view(buf, len);
}

void SyscallTable::AppendName(uint32_t arch, int64_t nr,
                              std::string* out) const {
  absl::string_view name = Name(arch, nr);
  out->append(name.data(), name.size());
}

bool SyscallTable::Known(uint32_t arch, int64_t nr) const {
  const int a = ArchIndex(arch);
  return a >= 0 && nr >= 0 && nr < kMaxNr && arch_[a].known[nr];
}

int SyscallTable::Number(uint32_t arch, absl::string_view name) const {
  const int a = ArchIndex(arch);
  if (a < 0) return -1;
  auto it = arch_[a].by_name.find(name);
  return it == arch_[a].by_name.end() ? -1 : it->second;
}

uint32_t SyscallTable::Classes(uint32_t arch, int64_t nr) const {
  const int a = ArchIndex(arch);
  return a >= 0 && nr >= 0 && nr < kMaxNr ? arch_[a].classes[nr] : 0;
}

int SyscallTable::ArgCount(uint32_t arch, int64_t nr) const {
  const int a = ArchIndex(arch);
  return a >= 0 && nr >= 0 && nr < kMaxNr ? arch_[a].nargs[nr] : 6;
}

const std::vector<int>& SyscallTable::Numbers(uint32_t arch) const {
  static const std::vector<int> kEmpty;
  const int a = ArchIndex(arch);
  return a < 0 ? kEmpty : arch_[a].numbers;
}

}  // namespace ttrace
