// SyscallTable: syscall names, numbers, argument counts and strace classes
// for the architectures ttrace traces (x86_64 and i386, as AUDIT_ARCH_*
// values from tracer/event.h).
//
// Usage:
//   const SyscallTable& t = SyscallTable::Get();   // built once, immutable
//   t.Name(kArchX86_64, 0);                        // "read"
//   t.Name(kArchX86_64, 0x14f);                    // "syscall_0x14f"
//   t.Number(kArchI386, "waitpid");                // 7 (-1 if unknown)
//   t.Classes(kArchX86_64, 2) & kClassFile;        // open is in %file
//   t.ArgCount(kArchX86_64, 0);                    // 3
//
// Names come from libseccomp's tables; classes and argument counts from
// strace 6.1's tables (syscall_data.inc), so `-e trace=%file` selects the
// same syscalls as strace. Lookups by number are O(1) array reads with no
// allocation. Numbers with no name print as strace prints them,
// "syscall_0x1b6" (hex of the number taken as a 64-bit unsigned value).
//
// i386's multiplexers make calls of their own: socketcall(SYS_SOCKET, ...)
// is socket, ipc(SEMOP, ...) is semop. strace decides at entry which call
// it is and filters it under that call's name, by a pseudo number above
// every real one; so does ttrace (the Subcall* functions):
//   t.SubcallNumber(kArchI386, "send");            // kSocketSubcalls + 9
//   t.SubcallName(SyscallTable::kIpcSubcalls + 1); // "semop"
// Pseudo numbers are i386's only and never real ones: Name, Known, Number,
// Classes, ArgCount and Numbers describe real numbers only.
#ifndef TTRACE_TRACER_SYSCALLS_SYSCALL_TABLE_H_
#define TTRACE_TRACER_SYSCALLS_SYSCALL_TABLE_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "tracer/event.h"

namespace ttrace {

// strace's syscall classes (the `%name` sets of -e trace=) and properties.
enum SyscallClass : uint32_t {
  kClassFile = 1u << 0,         // %file: takes a file name
  kClassIpc = 1u << 1,          // %ipc: SysV IPC
  kClassNetwork = 1u << 2,      // %network, %net
  kClassProcess = 1u << 3,      // %process: process lifecycle
  kClassSignal = 1u << 4,       // %signal
  kClassDesc = 1u << 5,         // %desc: file-descriptor related
  kClassMemory = 1u << 6,       // %memory: memory mapping
  kClassStat = 1u << 7,         // %stat
  kClassLstat = 1u << 8,        // %lstat
  kClassFstat = 1u << 9,        // %fstat
  kClassStatLike = 1u << 10,    // %%stat
  kClassStatfs = 1u << 11,      // %statfs
  kClassFstatfs = 1u << 12,     // %fstatfs
  kClassStatfsLike = 1u << 13,  // %%statfs
  kClassPure = 1u << 14,        // %pure: getters without arguments
  kClassCreds = 1u << 15,       // %creds
  kClassClock = 1u << 16,       // %clock
  // Not a class: the syscall never fails (getpid, umask, ...), so its
  // result is never an error even when it looks like -errno.
  kNeverFails = 1u << 24,
};

// Index of a supported architecture: 0 = x86_64, 1 = i386; -1 otherwise.
inline int ArchIndex(uint32_t audit_arch) {
  return audit_arch == kArchX86_64 ? 0 : audit_arch == kArchI386 ? 1 : -1;
}
inline constexpr int kNumArches = 2;
inline constexpr uint32_t kArches[kNumArches] = {kArchX86_64, kArchI386};

class SyscallTable {
 public:
  // Numbers [0, kMaxNr) are stored in flat arrays; everything above is
  // unknown on both architectures.
  static constexpr int kMaxNr = 512;
  // i386's pseudo numbers: socketcall's call n (SYS_SOCKET 1 ...
  // SYS_SENDMMSG 20) is kSocketSubcalls + n, ipc's (SEMOP 1 ... SHMCTL 24)
  // kIpcSubcalls + n. Filters (SyscallFilter) hold numbers below
  // kMaxFilterNr.
  static constexpr int kSocketSubcalls = kMaxNr;
  static constexpr int kIpcSubcalls = kSocketSubcalls + 21;
  static constexpr int kMaxFilterNr = kIpcSubcalls + 25;

  // The process-wide table, built on first use (thread-safe).
  static const SyscallTable& Get();

  // The syscall's name, or "syscall_0x..." when it has none. For numbers
  // in [0, kMaxNr) and for unknown arches the view points into the table
  // and stays valid forever; for other numbers it points into a
  // thread-local buffer that the next such call on the thread overwrites.
  absl::string_view Name(uint32_t arch, int64_t nr) const;
  // Appends Name(arch, nr) to *out.
  void AppendName(uint32_t arch, int64_t nr, std::string* out) const;

  // True if the number has a name on this arch.
  bool Known(uint32_t arch, int64_t nr) const;

  // The number of `name` on `arch`, or -1.
  int Number(uint32_t arch, absl::string_view name) const;

  // SyscallClass bits of the syscall (0 when unknown).
  uint32_t Classes(uint32_t arch, int64_t nr) const;

  // Number of arguments strace prints for it (6 when unknown).
  int ArgCount(uint32_t arch, int64_t nr) const;

  // All known numbers on `arch`, ascending.
  const std::vector<int>& Numbers(uint32_t arch) const;

  // The pseudo numbers of `arch` (i386's), ascending; empty for others.
  const std::vector<int>& Subcalls(uint32_t arch) const;
  // True if `nr` is one of them on `arch`.
  bool IsSubcall(uint32_t arch, int64_t nr) const;
  // The pseudo number of the call `name` on `arch`, or -1.
  int SubcallNumber(uint32_t arch, absl::string_view name) const;
  // The name, classes and argument count (strace's) of i386's pseudo
  // number `nr`: "", 0 and 6 for other numbers.
  absl::string_view SubcallName(int64_t nr) const;
  uint32_t SubcallClasses(int64_t nr) const;
  int SubcallArgCount(int64_t nr) const;

 private:
  SyscallTable();
  struct PerArch {
    std::array<std::string, kMaxNr> names;  // name or "syscall_0x..."
    std::array<bool, kMaxNr> known{};
    std::array<uint32_t, kMaxNr> classes{};
    std::array<uint8_t, kMaxNr> nargs{};
    absl::flat_hash_map<std::string, int> by_name;
    std::vector<int> numbers;
  };
  std::array<PerArch, kNumArches> arch_;
  struct Subcall {
    const char* name = "";
    uint32_t classes = 0;
    int nargs = 6;
  };
  std::array<Subcall, kMaxFilterNr - kMaxNr> subcalls_;
  std::vector<int> subcall_numbers_;
};

// A SIGSYS siginfo's si_syscall and si_arch as strace prints them, in the
// current -X style. si_syscall: of the tracee's own arch (`personality`,
// the arch of its last syscall) "__NR_getppid" (-X raw: "110", -X
// verbose: "110 /* __NR_getppid */"); of the other arch "1 /* exit */"
// (-X raw: "1"); decimal when the number has no name on `arch`. si_arch:
// "AUDIT_ARCH_X86_64" (unknown: "0x3 /* AUDIT_ARCH_??? */").
void AppendSiSyscall(std::string* out, uint32_t personality, uint32_t arch,
                     int32_t nr);
void AppendAuditArch(std::string* out, uint32_t arch);

}  // namespace ttrace

#endif  // TTRACE_TRACER_SYSCALLS_SYSCALL_TABLE_H_
