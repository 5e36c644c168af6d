#include "tracer/syscalls/seccomp_filter.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace ttrace {
namespace {

static_assert(AUDIT_ARCH_X86_64 == kArchX86_64);
static_assert(AUDIT_ARCH_I386 == kArchI386);

constexpr uint32_t kRetTrace = SECCOMP_RET_TRACE;
constexpr uint32_t kRetAllow = SECCOMP_RET_ALLOW;
// Ranges tested linearly per chunk; chunks are picked by a linear scan
// from the top, so a lookup costs about (#ranges / kChunk) + 2 * kChunk
// comparisons at most.
constexpr size_t kChunk = 8;

sock_filter Stmt(uint16_t code, uint32_t k) {
  return sock_filter{code, 0, 0, k};
}
sock_filter Jump(uint16_t code, uint32_t k, uint8_t jt, uint8_t jf) {
  return sock_filter{code, jt, jf, k};
}

class Emitter {
 public:
  size_t pc() const { return prog_.size(); }
  void Add(sock_filter f) { prog_.push_back(f); }
  // An unconditional jump to a label resolved later.
  size_t AddJa() {
    prog_.push_back(Stmt(BPF_JMP | BPF_JA, 0));
    return prog_.size() - 1;
  }
  void Patch(size_t ja_pc, size_t target) {
    prog_[ja_pc].k = static_cast<uint32_t>(target - (ja_pc + 1));
  }
  std::vector<sock_filter> Take() { return std::move(prog_); }

 private:
  std::vector<sock_filter> prog_;
};

// The real numbers whose calls `filter` may trace on arch index `a`:
// i386's pseudo numbers are the calls socketcall and ipc make, which only
// ttrace can tell apart once stopped, so a traced one makes its
// multiplexer stop.
std::bitset<SyscallTable::kMaxNr> KernelNumbers(const SyscallFilter& filter,
                                                int a) {
  const auto& bits = filter.bits(a);
  std::bitset<SyscallTable::kMaxNr> real;
  for (int nr = 0; nr < SyscallTable::kMaxNr; ++nr) real[nr] = bits[nr];
  const SyscallTable& t = SyscallTable::Get();
  for (int nr : t.Subcalls(kArches[a])) {
    if (!bits[nr]) continue;
    real.set(t.Number(kArches[a],
                      nr < SyscallTable::kIpcSubcalls ? "socketcall" : "ipc"));
  }
  return real;
}

// Code for one arch: A = nr, decide.
void EmitArch(const std::bitset<SyscallTable::kMaxNr>& bits, bool outside,
              Emitter* e) {
  e->Add(Stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)));
  e->Add(Jump(BPF_JMP | BPF_JGE | BPF_K, SyscallTable::kMaxNr, 0, 1));
  e->Add(Stmt(BPF_RET | BPF_K, outside ? kRetTrace : kRetAllow));

  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  for (uint32_t nr = 0; nr < SyscallTable::kMaxNr; ++nr) {
    if (!bits[nr]) continue;
    if (!ranges.empty() && ranges.back().second + 1 == nr) {
      ranges.back().second = nr;
    } else {
      ranges.emplace_back(nr, nr);
    }
  }
  if (ranges.empty()) {
    e->Add(Stmt(BPF_RET | BPF_K, kRetAllow));
    return;
  }
  if (ranges.size() == 1 && ranges[0].first == 0 &&
      ranges[0].second == SyscallTable::kMaxNr - 1) {
    e->Add(Stmt(BPF_RET | BPF_K, kRetTrace));
    return;
  }
  const size_t nchunks = (ranges.size() + kChunk - 1) / kChunk;
  // Dispatch: highest chunk first.
  std::vector<size_t> jas(nchunks);
  for (size_t c = nchunks; c-- > 0;) {
    e->Add(Jump(BPF_JMP | BPF_JGE | BPF_K, ranges[c * kChunk].first, 0, 1));
    jas[c] = e->AddJa();
  }
  e->Add(Stmt(BPF_RET | BPF_K, kRetAllow));
  for (size_t c = 0; c < nchunks; ++c) {
    e->Patch(jas[c], e->pc());
    const size_t end = std::min(ranges.size(), (c + 1) * kChunk);
    for (size_t r = c * kChunk; r < end; ++r) {
      e->Add(Jump(BPF_JMP | BPF_JGE | BPF_K, ranges[r].first, 1, 0));
      e->Add(Stmt(BPF_RET | BPF_K, kRetAllow));
      e->Add(Jump(BPF_JMP | BPF_JGT | BPF_K, ranges[r].second, 1, 0));
      e->Add(Stmt(BPF_RET | BPF_K, kRetTrace));
    }
    e->Add(Stmt(BPF_RET | BPF_K, kRetAllow));
  }
}

}  // namespace

absl::StatusOr<std::vector<sock_filter>> BuildSeccompFilter(
    const SyscallFilter& filter) {
  Emitter e;
  e.Add(Stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)));
  e.Add(Jump(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, 1));
  const size_t to64 = e.AddJa();
  e.Add(Jump(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_I386, 0, 1));
  const size_t to32 = e.AddJa();
  e.Add(Stmt(BPF_RET | BPF_K, kRetTrace));  // unknown arch: let ttrace see
  e.Patch(to64, e.pc());
  EmitArch(KernelNumbers(filter, 0), filter.outside(), &e);
  e.Patch(to32, e.pc());
  EmitArch(KernelNumbers(filter, 1), filter.outside(), &e);
  std::vector<sock_filter> prog = e.Take();
  if (prog.size() > BPF_MAXINSNS) {
    return absl::InternalError(
        absl::StrCat("seccomp filter too long: ", prog.size()));
  }
  return prog;
}

bool SeccompUsable(const SyscallFilter& filter) {
  return !filter.all() && !filter.none();
}

bool SeccompNeedsNoNewPrivs() {
  FILE* f = fopen("/proc/self/status", "r");
  if (f == nullptr) return true;
  char line[256];
  unsigned long long cap = 0;
  bool found = false;
  while (fgets(line, sizeof(line), f) != nullptr) {
    if (sscanf(line, "CapEff: %llx", &cap) == 1) {
      found = true;
      break;
    }
  }
  fclose(f);
  constexpr int kCapSysAdmin = 21;
  return !found || (cap & (1ull << kCapSysAdmin)) == 0;
}

int InstallSeccompFilter(const sock_filter* prog, size_t len) {
  struct sock_fprog fprog;
  fprog.len = static_cast<unsigned short>(len);
  fprog.filter = const_cast<sock_filter*>(prog);
  if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) == 0) return 0;
  if (errno != EACCES) return errno;
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return errno;
  if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) == 0) return 0;
  return errno;
}

}  // namespace ttrace
