#include "tracer/syscalls/filter.h"

#include <regex.h>

#include <algorithm>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tracer/syscalls/signals.h"

namespace ttrace {
namespace {

struct ClassName {
  const char* name;
  uint32_t mask;  // 0 = every syscall ("all")
};

constexpr ClassName kClasses[] = {
    {"%desc", kClassDesc},
    {"%file", kClassFile},
    {"%memory", kClassMemory},
    {"%process", kClassProcess},
    {"%creds", kClassCreds},
    {"%signal", kClassSignal},
    {"%ipc", kClassIpc},
    {"%net", kClassNetwork},
    {"%network", kClassNetwork},
    {"%stat", kClassStat},
    {"%lstat", kClassLstat},
    {"%fstat", kClassFstat},
    {"%%stat", kClassStatLike},
    {"%statfs", kClassStatfs},
    {"%fstatfs", kClassFstatfs},
    {"%%statfs", kClassStatfsLike},
    {"%pure", kClassPure},
    {"%clock", kClassClock},
    // Legacy names.
    {"all", 0},
    {"desc", kClassDesc},
    {"file", kClassFile},
    {"memory", kClassMemory},
    {"process", kClassProcess},
    {"signal", kClassSignal},
    {"ipc", kClassIpc},
    {"network", kClassNetwork},
};

bool AllDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

using Bits = std::array<std::bitset<SyscallTable::kMaxFilterNr>, kNumArches>;

// Adds what `token` (no '?' prefix, no personality) selects on arch index
// `a` to bits; returns whether it selected anything (or was a class).
absl::StatusOr<bool> QualifyOnArch(absl::string_view token, int a, regex_t* re,
                                   Bits* bits) {
  const SyscallTable& t = SyscallTable::Get();
  const uint32_t arch = kArches[a];
  if (token[0] >= '0' && token[0] <= '9') {
    uint32_t nr;
    if (!AllDigits(token) || !absl::SimpleAtoi(token, &nr) ||
        !t.Known(arch, nr)) {
      return false;
    }
    (*bits)[a].set(nr);
    return true;
  }
  if (token[0] == '/') {
    bool found = false;
    for (int nr : t.Numbers(arch)) {
      std::string name(t.Name(arch, nr));
      if (regexec(re, name.c_str(), 0, nullptr, 0) == 0) {
        (*bits)[a].set(nr);
        found = true;
      }
    }
    for (int nr : t.Subcalls(arch)) {
      if (regexec(re, t.SubcallName(nr).data(), 0, nullptr, 0) == 0) {
        (*bits)[a].set(nr);
        found = true;
      }
    }
    return found;
  }
  for (const ClassName& c : kClasses) {
    if (token == c.name) {
      for (int nr : t.Numbers(arch)) {
        if ((t.Classes(arch, nr) & c.mask) == c.mask) (*bits)[a].set(nr);
      }
      for (int nr : t.Subcalls(arch)) {
        if ((t.SubcallClasses(nr) & c.mask) == c.mask) (*bits)[a].set(nr);
      }
      return true;
    }
  }
  // A name may be both a real syscall and a pseudo one (i386's socket).
  const int nr = t.Number(arch, token);
  const int sub = t.SubcallNumber(arch, token);
  if (nr >= 0) (*bits)[a].set(nr);
  if (sub >= 0) (*bits)[a].set(sub);
  return nr >= 0 || sub >= 0;
}

// Whether strace 6.1 takes `token` (no '?', no personality) with @x32:
// x32 knows x86_64's names and numbers but for x86_64's own calls below,
// and numbers 512-547 (its compat calls). Nothing is selected: ttrace
// traces no x32 calls.
bool KnownOnX32(absl::string_view token, regex_t* re) {
  static constexpr absl::string_view kNotOnX32[] = {
      "uselib",        "_sysctl",        "create_module",   "get_kernel_syms",
      "query_module",  "nfsservctl",     "set_thread_area", "get_thread_area",
      "epoll_ctl_old", "epoll_wait_old", "vserver"};
  uint32_t nr;
  if (AllDigits(token) && absl::SimpleAtoi(token, &nr) && nr >= 512 &&
      nr <= 547) {
    return true;
  }
  if (token[0] != '/' && token[0] != '%' &&
      std::find(std::begin(kNotOnX32), std::end(kNotOnX32), token) !=
          std::end(kNotOnX32)) {
    return false;
  }
  Bits scratch;
  absl::StatusOr<bool> r = QualifyOnArch(token, 0, re, &scratch);
  return r.ok() && *r;
}

absl::Status QualifyToken(absl::string_view token, Bits* bits) {
  const absl::string_view original = token;
  bool ignore_unknown = false;
  while (!token.empty() && token[0] == '?') {
    token.remove_prefix(1);
    ignore_unknown = true;
  }
  // Personality: NAME@64 or NAME@32 (strace also knows @x32, which ttrace
  // does not trace: such tokens select nothing).
  int only_arch = -2;  // -2: all arches; -1: none (x32); else index
  const size_t at = token.rfind('@');
  if (at != absl::string_view::npos) {
    absl::string_view pers = token.substr(at + 1);
    if (pers == "64") {
      only_arch = 0;
    } else if (pers == "32") {
      only_arch = 1;
    } else if (pers == "x32") {
      only_arch = -1;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("incorrect personality designator '", pers,
                       "' in qualification '", token, "'"));
    }
    token = token.substr(0, at);
  }
  bool found = false;
  if (!token.empty()) {
    regex_t re;
    const bool is_regex = token[0] == '/';
    if (is_regex) {
      std::string pattern(token.substr(1));
      // glibc's regcomp needs memory exponential in stacked repetitions
      // ("a++++..." took 11 GB; found by fuzz/filter_fuzzer.cc). POSIX
      // leaves a repetition of a repetition undefined: refuse it, and
      // overly long patterns, before compiling.
      for (size_t i = 1; i < pattern.size(); ++i) {
        const bool prev_rep = absl::string_view("*+?}").find(pattern[i - 1]) !=
                              absl::string_view::npos;
        const bool rep = absl::string_view("*+?{").find(pattern[i]) !=
                         absl::string_view::npos;
        if ((prev_rep && rep && (i < 2 || pattern[i - 2] != '\\')) ||
            pattern.size() > 256) {
          return absl::InvalidArgumentError(absl::StrCat(
              "regcomp: ", pattern, ": repeated repetition operators"));
        }
      }
      int rc = regcomp(&re, pattern.c_str(), REG_EXTENDED | REG_NOSUB);
      if (rc != 0) {
        char err[256];
        regerror(rc, &re, err, sizeof(err));
        return absl::InvalidArgumentError(
            absl::StrCat("regcomp: ", pattern, ": ", err));
      }
    }
    for (int a = 0; a < kNumArches; ++a) {
      if (only_arch != -2 && only_arch != a) continue;
      absl::StatusOr<bool> r = QualifyOnArch(token, a, &re, bits);
      if (r.ok() && *r) found = true;
    }
    if (only_arch == -1) found = KnownOnX32(token, &re);
    if (is_regex) regfree(&re);
  }
  if (found || ignore_unknown) return absl::OkStatus();
  // An unknown class too is an "invalid system call" to strace 6.1.
  return absl::InvalidArgumentError(
      absl::StrCat("invalid system call '", original, "'"));
}

// Strips leading '!'s; returns how many.
int StripBangs(absl::string_view* s) {
  int n = 0;
  while (!s->empty() && (*s)[0] == '!') {
    s->remove_prefix(1);
    ++n;
  }
  return n;
}

// Splits like strtok_r(s, ","): empty tokens are skipped.
std::vector<absl::string_view> Tokens(absl::string_view s) {
  return absl::StrSplit(s, ',', absl::SkipEmpty());
}

// strace's qualify_tokens() over a 0..255 number set.
template <typename Fn>
absl::Status QualifyNumbers(absl::string_view expr, const char* what, Fn fn,
                            std::bitset<256>* bits, bool* invert) {
  absl::string_view s = expr;
  *invert = StripBangs(&s) % 2 == 1;
  bits->reset();
  if (s == "none") return absl::OkStatus();
  if (s == "all") {
    *invert = !*invert;
    return absl::OkStatus();
  }
  std::vector<absl::string_view> tokens = Tokens(s);
  if (tokens.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid ", what, " '", expr, "'"));
  }
  for (absl::string_view token : tokens) {
    int n = fn(token);
    if (n < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("invalid ", what, " '", token, "'"));
    }
    bits->set(n);
  }
  return absl::OkStatus();
}

int StatusNumber(absl::string_view token) {
  static constexpr const char* kNames[] = {"successful", "failed", "unfinished",
                                           "unavailable", "detached"};
  for (int i = 0; i < 5; ++i) {
    if (token == kNames[i]) return i;
  }
  return -1;
}

int QuietNumber(absl::string_view token) {
  static constexpr const char* kNames[] = {"attach", "exit", "path-resolution",
                                           "personality", "thread-execve"};
  for (int i = 0; i < QuietSet::kMessages; ++i) {
    if (token == kNames[i]) return i;
  }
  if (token == "superseded") return QuietSet::kThreadExecve;
  return -1;
}

constexpr uint8_t kAllQuiet = (1u << QuietSet::kMessages) - 1;

}  // namespace

SyscallFilter SyscallFilter::All() {
  SyscallFilter f;
  for (auto& b : f.bits_) b.set();
  f.outside_ = true;
  return f;
}

SyscallFilter SyscallFilter::None() { return SyscallFilter(); }

bool SyscallFilter::all() const {
  if (!outside_) return false;
  for (const auto& b : bits_) {
    if (!b.all()) return false;
  }
  return true;
}

bool SyscallFilter::none() const {
  if (outside_) return false;
  for (const auto& b : bits_) {
    if (b.any()) return false;
  }
  return true;
}

void SyscallFilter::Set(uint32_t arch, int nr, bool traced) {
  const int a = ArchIndex(arch);
  if (a >= 0 && nr >= 0 && nr < SyscallTable::kMaxFilterNr) {
    bits_[a][nr] = traced;
  }
}

void SyscallFilter::AddUnknown() {
  const SyscallTable& t = SyscallTable::Get();
  for (int a = 0; a < kNumArches; ++a) {
    for (int nr = 0; nr < SyscallTable::kMaxNr; ++nr) {
      if (!t.Known(kArches[a], nr)) bits_[a][nr] = true;
    }
  }
  outside_ = true;
}

int64_t FilterNumber(uint32_t arch, int64_t nr, absl::string_view name) {
  const SyscallTable& t = SyscallTable::Get();
  if (arch == kArchI386 && nr >= 0 && nr < SyscallTable::kMaxNr &&
      name != t.Name(arch, nr)) {
    const int sub = t.SubcallNumber(arch, name);
    if (sub >= 0) return sub;
  }
  return FilterNumber(nr);
}

absl::StatusOr<SyscallFilter> ParseTraceFilter(absl::string_view expr) {
  absl::string_view s = expr;
  const bool invert = StripBangs(&s) % 2 == 1;
  SyscallFilter f;
  if (s == "none") {
    // nothing selected
  } else if (s == "all") {
    f = SyscallFilter::All();
  } else {
    std::vector<absl::string_view> tokens = Tokens(s);
    if (tokens.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("invalid system call '", expr, "'"));
    }
    for (absl::string_view token : tokens) {
      absl::Status st = QualifyToken(token, &f.bits_);
      if (!st.ok()) return st;
    }
  }
  if (invert) {
    for (auto& b : f.bits_) b.flip();
    f.outside_ = !f.outside_;
  }
  return f;
}

SignalSet SignalSet::All() {
  SignalSet s;
  s.invert_ = true;
  return s;
}

SignalSet SignalSet::None() { return SignalSet(); }

absl::StatusOr<SignalSet> ParseSignalSet(absl::string_view expr) {
  SignalSet set;
  absl::Status st =
      QualifyNumbers(expr, "signal", SignalNumber, &set.bits_, &set.invert_);
  if (!st.ok()) return st;
  return set;
}

absl::StatusOr<StatusFilter> ParseStatusFilter(absl::string_view expr) {
  std::bitset<256> bits;
  bool invert = false;
  absl::Status st =
      QualifyNumbers(expr, "status", StatusNumber, &bits, &invert);
  if (!st.ok()) return st;
  uint8_t b = static_cast<uint8_t>(bits.to_ulong() & 0x1f);
  if (invert) b = static_cast<uint8_t>(~b & 0x1f);
  return StatusFilter(b);
}

QuietSet QuietSet::FromQCount(int count) {
  if (count <= 0) return QuietSet(0);
  if (count >= 3) return QuietSet(kAllQuiet);
  uint8_t b = (1u << kAttach) | (1u << kPersonality);
  if (count == 2) b |= 1u << kExit;
  return QuietSet(b);
}

absl::StatusOr<QuietSet> ParseQuietSet(absl::string_view expr) {
  std::bitset<256> bits;
  bool invert = false;
  absl::Status st = QualifyNumbers(expr, "quiet", QuietNumber, &bits, &invert);
  if (!st.ok()) return st;
  uint8_t b = static_cast<uint8_t>(bits.to_ulong() & kAllQuiet);
  if (invert) b = static_cast<uint8_t>(~b & kAllQuiet);
  return QuietSet(b);
}

bool FdSet::Has(int fd) const {
  return fd >= 0 && std::binary_search(fds_.begin(), fds_.end(), fd) != invert_;
}

absl::StatusOr<FdSet> ParseFdSet(absl::string_view expr) {
  FdSet set;
  absl::string_view s = expr;
  set.invert_ = StripBangs(&s) % 2 == 1;
  if (s == "none") return set;
  if (s == "all") {
    set.invert_ = !set.invert_;
    return set;
  }
  std::vector<absl::string_view> tokens = Tokens(s);
  if (tokens.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid descriptor '", expr, "'"));
  }
  for (absl::string_view token : tokens) {
    int fd;
    if (token.empty() || token[0] < '0' || token[0] > '9' ||
        !absl::SimpleAtoi(token, &fd) || fd < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("invalid descriptor '", token, "'"));
    }
    set.fds_.push_back(fd);
  }
  std::sort(set.fds_.begin(), set.fds_.end());
  return set;
}

}  // namespace ttrace
