#include "tracer/unwind/unwinder.h"

#include <cxxabi.h>
#include <sys/ptrace.h>
#include <sys/ucontext.h>
#include <sys/uio.h>
#include <sys/user.h>

#include <cinttypes>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace ttrace::unwind {
namespace {

// Reads the tracee's memory: the stack near the stack pointer in one go,
// anything else a word at a time.
class Memory {
 public:
  Memory(pid_t tid, uint64_t sp) : tid_(tid), base_(sp) {
    window_.resize(kWindow);
    got_ = Read(sp, window_.data(), kWindow);
  }
  bool Word(uint64_t addr, uint64_t* v) {
    if (addr >= base_ && addr - base_ <= got_ && got_ - (addr - base_) >= 8) {
      std::memcpy(v, window_.data() + (addr - base_), 8);
      return true;
    }
    return Read(addr, v, 8) == 8;
  }

 private:
  static constexpr size_t kWindow = 32 * 1024;
  size_t Read(uint64_t addr, void* to, size_t n) {
    iovec local{to, n};
    iovec remote{reinterpret_cast<void*>(addr), n};
    const ssize_t r = process_vm_readv(tid_, &local, 1, &remote, 1, 0);
    return r > 0 ? static_cast<size_t>(r) : 0;
  }
  pid_t tid_;
  uint64_t base_;
  std::string window_;
  size_t got_ = 0;
};

// A signal handler returns into glibc's __restore_rt, whose only code is
// `mov $15, %rax; syscall` (rt_sigreturn). Its .eh_frame rules are DWARF
// expressions, which cfi.cc does not evaluate; libunwind and libdw too
// recognise the trampoline by these bytes rather than by its rules.
bool IsSigreturnTrampoline(Memory& mem, uint64_t pc) {
  uint64_t code, next;
  return mem.Word(pc, &code) && code == 0x0f0000000fc0c748ull &&
         mem.Word(pc + 8, &next) && (next & 0xff) == 0x05;
}

// The registers the kernel saved in the signal frame at `sp` (the stack
// pointer in __restore_rt: the frame's ucontext), in DWARF order.
bool InterruptedRegisters(Memory& mem, uint64_t sp, uint64_t* regs) {
  static constexpr int kGregs[kRegisters] = {
      REG_RAX, REG_RDX, REG_RCX, REG_RBX, REG_RSI, REG_RDI,
      REG_RBP, REG_RSP, REG_R8,  REG_R9,  REG_R10, REG_R11,
      REG_R12, REG_R13, REG_R14, REG_R15, REG_RIP};
  const uint64_t gregs = sp + offsetof(ucontext_t, uc_mcontext.gregs);
  for (int i = 0; i < kRegisters; ++i) {
    if (!mem.Word(gregs + 8 * kGregs[i], &regs[i])) return false;
  }
  return true;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

}  // namespace

std::vector<Unwinder::Mapping> Unwinder::ParseMaps(const std::string& text) {
  std::vector<Mapping> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    const std::string line = text.substr(pos, eol - pos);
    pos = eol + 1;
    unsigned long long start, end, offset, inode;
    char perms[8], dev[32];
    int path_at = 0;
    if (std::sscanf(line.c_str(), "%llx-%llx %7s %llx %31s %llu %n", &start,
                    &end, perms, &offset, dev, &inode, &path_at) < 6 ||
        std::strchr(perms, 'x') == nullptr) {
      continue;
    }
    Mapping m;
    m.start = start;
    m.end = end;
    m.offset = offset;
    if (path_at > 0 && static_cast<size_t>(path_at) <= line.size()) {
      m.path = line.substr(static_cast<size_t>(path_at));
    }
    if (m.path.empty()) continue;  // anonymous (JIT code): no file to read
    m.key = absl::StrCat(m.path, "\n", dev, "\n", inode);
    out.push_back(std::move(m));
  }
  return out;
}

const Unwinder::Mapping* Unwinder::Find(pid_t tgid, uint64_t pc) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto it = maps_.find(tgid);
    if (it == maps_.end() || attempt == 1) {
      std::string text;
      if (!ReadFile(absl::StrCat("/proc/", tgid, "/maps"), &text)) {
        return nullptr;
      }
      it = maps_.insert_or_assign(tgid, ParseMaps(text)).first;
      attempt = 1;
    }
    for (const Mapping& m : it->second) {
      if (pc >= m.start && pc < m.end) return &m;
    }
  }
  return nullptr;
}

const ElfImage* Unwinder::Image(const Mapping& m) {
  auto [it, inserted] = images_.try_emplace(m.key);
  if (inserted && m.path[0] == '/') it->second = ElfImage::Open(m.path);
  return it->second.get();
}

std::string_view Unwinder::Demangled(std::string_view name) {
  if (name.substr(0, 2) != "_Z") return name;
  auto [it, inserted] = demangled_.try_emplace(name);
  if (inserted) {
    int status = 0;
    char* d = abi::__cxa_demangle(std::string(name).c_str(), nullptr, nullptr,
                                  &status);
    it->second = status == 0 && d != nullptr ? d : std::string(name);
    std::free(d);
  }
  return it->second;
}

void Unwinder::Capture(pid_t tgid, pid_t tid, bool ending, std::string* out) {
  out->clear();
  user_regs_struct r;
  if (ptrace(PTRACE_GETREGS, tid, nullptr, &r) != 0) return;
  // A 32-bit process (code segment __USER32_CS): its frames follow i386
  // rules and its files are ELF32, neither of which is read here. strace
  // prints no stack for it either.
  if (r.cs == 0x23) return;
  // DWARF register order.
  uint64_t regs[kRegisters] = {r.rax, r.rdx, r.rcx, r.rbx, r.rsi, r.rdi,
                               r.rbp, r.rsp, r.r8,  r.r9,  r.r10, r.r11,
                               r.r12, r.r13, r.r14, r.r15, r.rip};
  bool valid[kRegisters];
  std::fill(std::begin(valid), std::end(valid), true);
  Memory mem(tid, r.rsp);
  // The pc is where the thread is (the first frame, or one a signal
  // interrupted), not a return address.
  bool interrupted = true;

  for (int depth = 0; depth < kMaxFrames; ++depth) {
    const uint64_t pc = regs[kReturnAddress];
    // A caller's pc is a return address, after its call instruction: the
    // call itself (and its function) is at pc - 1.
    const uint64_t at = interrupted ? pc : pc - 1;
    interrupted = false;
    if (!out->empty()) out->push_back('\n');
    const Mapping* m = Find(tgid, at);
    if (m == nullptr) {
      absl::StrAppendFormat(out, "unexpected_backtracing_error [0x%x]", pc);
      return;
    }
    const ElfImage* image = Image(*m);
    uint64_t addr = 0;
    std::string_view name;
    uint64_t offset = 0;
    const bool in_module =
        image != nullptr &&
        image->FileOffsetToAddress(at - m->start + m->offset, &addr);
    out->append(m->path);
    if (in_module && image->Symbol(addr, &name, &offset)) {
      absl::StrAppendFormat(out, "(%s+0x%x)", Demangled(name),
                            offset + (pc - at));
    } else {
      out->append(ending ? "(+0x0)" : "()");
    }
    absl::StrAppendFormat(out, " [0x%x]", pc - m->start + m->offset);

    // The caller's registers.
    FrameRules rules;
    if (!in_module || !image->eh_frame().RulesAt(addr, &rules) ||
        rules.cfa_reg < 0 || rules.cfa_reg >= kRegisters ||
        !valid[rules.cfa_reg]) {
      // A signal handler's return: go on where the signal interrupted the
      // thread (StackTraceTest.SameAsStrace, the `handlers` tracee).
      if (depth > 0 && valid[kRsp] && IsSigreturnTrampoline(mem, pc) &&
          InterruptedRegisters(mem, regs[kRsp], regs)) {
        std::fill(std::begin(valid), std::end(valid), true);
        interrupted = true;
        continue;
      }
      return;
    }
    const uint64_t cfa = regs[rules.cfa_reg] + rules.cfa_offset;
    uint64_t next[kRegisters];
    bool next_valid[kRegisters];
    for (int i = 0; i < kRegisters; ++i) {
      const RegisterRule& rule = rules.regs[i];
      next[i] = regs[i];
      next_valid[i] = valid[i];
      switch (rule.kind) {
        case RegisterRule::Kind::kSame:
          break;
        case RegisterRule::Kind::kUndefined:
          next_valid[i] = false;
          break;
        case RegisterRule::Kind::kOffset:
          next_valid[i] = mem.Word(cfa + rule.offset, &next[i]);
          break;
        case RegisterRule::Kind::kValOffset:
          next[i] = cfa + rule.offset;
          next_valid[i] = true;
          break;
        case RegisterRule::Kind::kRegister:
          next[i] = regs[rule.reg];
          next_valid[i] = valid[rule.reg];
          break;
      }
    }
    // The caller's stack pointer is the CFA, unless a rule says otherwise.
    if (rules.regs[kRsp].kind == RegisterRule::Kind::kSame) {
      next[kRsp] = cfa;
      next_valid[kRsp] = true;
    }
    // No return address: the outermost frame (_start, a thread's clone).
    if (!next_valid[kReturnAddress] || next[kReturnAddress] == 0) return;
    if (next[kReturnAddress] == pc && next[kRsp] == regs[kRsp]) return;
    std::copy(std::begin(next), std::end(next), std::begin(regs));
    std::copy(std::begin(next_valid), std::end(next_valid), std::begin(valid));
  }
}

}  // namespace ttrace::unwind
