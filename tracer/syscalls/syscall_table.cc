#include "tracer/syscalls/syscall_table.h"

#include <seccomp.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "tracer/syscalls/format.h"

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

// i386's pseudo numbers, with the argument counts and classes strace 6.1
// gives them (seen by running it: -e trace=%memory selects ipc's shmat and
// shmdt, -e raw= prints an ipc call's arguments first, second, third, ptr
// and fifth, as many as here).
struct SubcallEntry {
  int nr;
  const char* name;
  uint8_t nargs;
  uint32_t flags;
};
constexpr int kSock = SyscallTable::kSocketSubcalls;
constexpr int kIpc = SyscallTable::kIpcSubcalls;
constexpr SubcallEntry kSubcalls[] = {
    {kSock + 1, "socket", 3, N},      {kSock + 2, "bind", 3, N},
    {kSock + 3, "connect", 3, N},     {kSock + 4, "listen", 2, N},
    {kSock + 5, "accept", 3, N},      {kSock + 6, "getsockname", 3, N},
    {kSock + 7, "getpeername", 3, N}, {kSock + 8, "socketpair", 4, N},
    {kSock + 9, "send", 4, N},        {kSock + 10, "recv", 4, N},
    {kSock + 11, "sendto", 6, N},     {kSock + 12, "recvfrom", 6, N},
    {kSock + 13, "shutdown", 2, N},   {kSock + 14, "setsockopt", 5, N},
    {kSock + 15, "getsockopt", 5, N}, {kSock + 16, "sendmsg", 3, N},
    {kSock + 17, "recvmsg", 3, N},    {kSock + 18, "accept4", 4, N},
    {kSock + 19, "recvmmsg", 5, N},   {kSock + 20, "sendmmsg", 4, N},
    {kIpc + 1, "semop", 4, I},        {kIpc + 2, "semget", 3, I},
    {kIpc + 3, "semctl", 4, I},       {kIpc + 4, "semtimedop", 5, I},
    {kIpc + 11, "msgsnd", 4, I},      {kIpc + 12, "msgrcv", 5, I},
    {kIpc + 13, "msgget", 2, I},      {kIpc + 14, "msgctl", 4, I},
    {kIpc + 21, "shmat", 4, I | M},   {kIpc + 22, "shmdt", 4, I | M},
    {kIpc + 23, "shmget", 3, I},      {kIpc + 24, "shmctl", 4, I},
};
static_assert(SyscallTable::kIpcSubcalls > SyscallTable::kSocketSubcalls + 20);

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
  for (const SubcallEntry& e : kSubcalls) {
    subcalls_[e.nr - kMaxNr] = {e.name, e.flags, e.nargs};
    subcall_numbers_.push_back(e.nr);
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

const std::vector<int>& SyscallTable::Subcalls(uint32_t arch) const {
  static const std::vector<int> kEmpty;
  return arch == kArchI386 ? subcall_numbers_ : kEmpty;
}

bool SyscallTable::IsSubcall(uint32_t arch, int64_t nr) const {
  return arch == kArchI386 && nr >= kMaxNr && nr < kMaxFilterNr &&
         subcalls_[nr - kMaxNr].name[0] != '\0';
}

int SyscallTable::SubcallNumber(uint32_t arch, absl::string_view name) const {
  if (arch != kArchI386) return -1;
  for (int nr : subcall_numbers_) {
    if (name == subcalls_[nr - kMaxNr].name) return nr;
  }
  return -1;
}

absl::string_view SyscallTable::SubcallName(int64_t nr) const {
  return nr >= kMaxNr && nr < kMaxFilterNr ? subcalls_[nr - kMaxNr].name : "";
}

uint32_t SyscallTable::SubcallClasses(int64_t nr) const {
  return nr >= kMaxNr && nr < kMaxFilterNr ? subcalls_[nr - kMaxNr].classes : 0;
}

int SyscallTable::SubcallArgCount(int64_t nr) const {
  return nr >= kMaxNr && nr < kMaxFilterNr ? subcalls_[nr - kMaxNr].nargs : 6;
}

void AppendSiSyscall(std::string* out, uint32_t personality, uint32_t arch,
                     int32_t nr) {
  const SyscallTable& table = SyscallTable::Get();
  const size_t mark = out->size();
  if (!table.Known(arch, nr)) {
    AppendSigned(out, nr);
    return;
  }
  if (arch == personality) {
    out->append("__NR_");
    table.AppendName(arch, nr, out);
    RestyleConst(out, mark, RawConst::Dec(nr));
    return;
  }
  AppendSigned(out, nr);
  if (CurrentXlatStyle() != XlatStyle::kRaw) {
    out->append(" /* ");
    table.AppendName(arch, nr, out);
    out->append(" */");
  }
}

void AppendAuditArch(std::string* out, uint32_t arch) {
  static constexpr XlatEntry kAuditArches[] = {
      {kArchX86_64, "AUDIT_ARCH_X86_64"}, {kArchI386, "AUDIT_ARCH_I386"}};
  AppendXval(out, arch, kAuditArches, "AUDIT_ARCH_???");
}

}  // namespace ttrace
