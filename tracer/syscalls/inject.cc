#include "tracer/syscalls/inject.h"

#include <errno.h>
#include <string.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tracer/syscalls/signals.h"
#include "tracer/syscalls/syscall_table.h"

namespace ttrace {
namespace {

// An errno by glibc's name (ENOENT) or number, 1..4095; 0 if neither.
int ParseErrno(absl::string_view s) {
  int n = 0;
  if (absl::SimpleAtoi(s, &n)) return n >= 1 && n <= 4095 ? n : 0;
  for (int e = 1; e <= 4095; ++e) {
    const char* name = strerrorname_np(e);
    if (name != nullptr && s == name) return e;
  }
  return 0;
}

// strace's when=first[..last][+[step]].
bool ParseWhen(absl::string_view s, uint32_t* first, uint32_t* last,
               uint32_t* step) {
  auto number = [](absl::string_view n, uint32_t max, uint32_t* out) {
    return absl::SimpleAtoi(n, out) && *out >= 1 && *out <= max;
  };
  // s at its first `sep`: whether there is one, and the two sides.
  auto split = [](absl::string_view s, absl::string_view sep,
                  absl::string_view* before, absl::string_view* after) {
    const size_t at = s.find(sep);
    *before = s.substr(0, at);
    *after = at == absl::string_view::npos ? "" : s.substr(at + sep.size());
    return at != absl::string_view::npos;
  };
  absl::string_view range, plus, first_s, last_s;
  const bool has_plus = split(s, "+", &range, &plus);
  const bool has_last = split(range, "..", &first_s, &last_s);
  if (!number(first_s, 65535, first)) return false;
  *last = UINT32_MAX;
  if (has_last && (!number(last_s, 65534, last) || *last < *first)) {
    return false;
  }
  *step = 1;
  if (has_plus && !plus.empty() && !number(plus, 65535, step)) return false;
  if (!has_plus && !has_last) {
    *last = *first;  // that invocation only
  }
  return true;
}

}  // namespace

// See inject.h.
int64_t ParseDurationNs(absl::string_view s) {
  static constexpr std::pair<absl::string_view, double> kUnits[] = {
      {"ns", 1}, {"us", 1e3}, {"ms", 1e6}, {"s", 1e9}};
  double scale = 1e3;
  for (const auto& [suffix, unit] : kUnits) {
    if (absl::EndsWith(s, suffix)) {
      s.remove_suffix(suffix.size());
      scale = unit;
      break;
    }
  }
  // As strace 6.1 takes them: an integer may have leading white space and
  // a sign ("  +5", "-0"; one past int64 is refused); otherwise a decimal
  // number, a sign allowed but no white space and no hex ("+.5", "1.e5",
  // not " 0.5", "0x10", "5 "). Not negative; huge values saturate.
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  size_t i = 0;
  while (i < s.size() && absl::ascii_isspace(static_cast<unsigned char>(s[i])))
    ++i;
  size_t j = i;
  if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
  if (j < s.size() && std::all_of(s.begin() + j, s.end(),
                                  [&](char c) { return is_digit(c); })) {
    int64_t n = 0;
    if (!absl::SimpleAtoi(s.substr(i), &n) || n < 0) return -1;
    const double ns = static_cast<double>(n) * scale;
    return ns >= 9.2e18 ? INT64_MAX : static_cast<int64_t>(n * scale + 0.5);
  }
  // [+-] (D+[.D*] | .D+) [(e|E)[+-]D+], the whole string.
  size_t k = 0;
  if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
  size_t mantissa = 0;
  while (k < s.size() && is_digit(s[k])) ++k, ++mantissa;
  if (k < s.size() && s[k] == '.') {
    ++k;
    while (k < s.size() && is_digit(s[k])) ++k, ++mantissa;
  }
  if (mantissa == 0) return -1;
  if (k < s.size() && (s[k] == 'e' || s[k] == 'E')) {
    ++k;
    if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
    size_t exponent = 0;
    while (k < s.size() && is_digit(s[k])) ++k, ++exponent;
    if (exponent == 0) return -1;
  }
  double v = 0;
  if (k != s.size() || !absl::SimpleAtod(s, &v) || !std::isfinite(v) || v < 0) {
    return -1;
  }
  const double ns = v * scale;
  return ns >= 9.2e18 ? INT64_MAX : static_cast<int64_t>(ns + 0.5);
}

// strace's poke list: @argN=HEX[,@argN=HEX]... (a trailing comma is
// allowed). False if invalid.
bool ParsePokes(absl::string_view s, std::vector<Poke>* out) {
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (s.empty()) return false;
  if (s.back() == ',') s.remove_suffix(1);
  for (absl::string_view item : absl::StrSplit(s, ',')) {
    if (!absl::ConsumePrefix(&item, "@arg") || item.size() < 3 ||
        item[0] < '1' || item[0] > '7' || item[1] != '=') {
      return false;
    }
    Poke p;
    p.arg = item[0] - '1';
    const absl::string_view digits = item.substr(2);
    if (digits.size() % 2 != 0 || digits.size() > 2 * 1024) return false;
    for (size_t i = 0; i < digits.size(); i += 2) {
      const int hi = hex(digits[i]);
      const int lo = hex(digits[i + 1]);
      if (hi < 0 || lo < 0) return false;
      p.data.push_back(static_cast<char>(hi << 4 | lo));
    }
    out->push_back(std::move(p));
  }
  return true;
}

absl::Status InjectRules::Add(absl::string_view expr, bool fault) {
  const auto invalid = [&] {
    return absl::InvalidArgumentError(absl::StrCat(
        "invalid ", fault ? "fault" : "inject", " argument '", expr, "'"));
  };
  std::vector<absl::string_view> parts = absl::StrSplit(expr, ':');
  if (parts.empty() || parts[0].empty()) return invalid();
  absl::StatusOr<SyscallFilter> set = ParseTraceFilter(parts[0]);
  if (!set.ok()) return set.status();
  Rule rule;
  rule.set = *std::move(set);
  Tamper& t = rule.tamper;
  bool have_error = false;
  bool have_retval = false;
  for (size_t i = 1; i < parts.size(); ++i) {
    const size_t eq = parts[i].find('=');
    if (eq == absl::string_view::npos) return invalid();
    const absl::string_view key = parts[i].substr(0, eq);
    const absl::string_view value = parts[i].substr(eq + 1);
    if (key == "error") {
      const int e = ParseErrno(value);
      if (e == 0 || have_error || have_retval) return invalid();
      t.ret = -e;
      have_error = true;
    } else if (key == "retval" && !fault) {
      int64_t v = 0;
      if (!absl::SimpleAtoi(value, &v) || v < 0 || have_error || have_retval) {
        return invalid();
      }
      t.ret = v;
      have_retval = true;
    } else if (key == "when") {
      if (!ParseWhen(value, &rule.first, &rule.last, &rule.step)) {
        return invalid();
      }
    } else if (key == "signal" && !fault) {
      const int signo = SignalNumber(value);
      if (signo < 1 || signo > 64 || t.signo != 0) return invalid();
      t.signo = signo;
    } else if ((key == "delay_enter" || key == "delay_exit") && !fault) {
      int64_t& delay =
          key == "delay_enter" ? t.delay_enter_ns : t.delay_exit_ns;
      if (delay >= 0) return invalid();
      delay = ParseDurationNs(value);
      if (delay < 0) return invalid();
    } else if ((key == "poke_enter" || key == "poke_exit") && !fault) {
      std::unique_ptr<std::vector<Poke>>& pokes =
          key == "poke_enter" ? rule.poke_enter : rule.poke_exit;
      if (pokes != nullptr) return invalid();
      pokes = std::make_unique<std::vector<Poke>>();
      if (!ParsePokes(value, pokes.get())) return invalid();
    } else if (key == "syscall") {
      const SyscallTable& table = SyscallTable::Get();
      const int64_t nr = table.Number(kArchX86_64, value);
      if (rule.replace[0] >= 0 || nr < 0 ||
          !(table.Classes(kArchX86_64, nr) & kClassPure)) {
        return invalid();
      }
      rule.replace[0] = static_cast<int32_t>(nr);
      const int64_t nr32 = table.Number(kArchI386, value);
      if (nr32 >= 0 && (table.Classes(kArchI386, nr32) & kClassPure)) {
        rule.replace[1] = static_cast<int32_t>(nr32);
      }
    } else {
      return invalid();
    }
  }
  if (fault && !have_error) t.ret = -ENOSYS;
  // (Tamper's poke pointers are set per call, by Inject.)
  if (!t.any() && rule.poke_enter == nullptr && rule.poke_exit == nullptr) {
    return invalid();
  }
  covered_.Add(rule.set);
  rules_.push_back(std::move(rule));
  return absl::OkStatus();
}

bool InjectRules::Selects(const Rule& r, uint32_t n) {
  if (n < r.first || n > r.last) return false;
  return (n - r.first) % r.step == 0;
}

Tamper InjectRules::Inject(uint32_t arch, int32_t nr,
                           uint32_t invocation) const {
  // The last rule for this syscall decides.
  for (auto it = rules_.rbegin(); it != rules_.rend(); ++it) {
    if (!it->set.Traced(arch, nr)) continue;
    if (!Selects(*it, invocation)) return {};
    Tamper t = it->tamper;
    t.replace_nr = it->replace[arch == kArchI386 ? 1 : 0];
    t.poke_enter = it->poke_enter.get();
    t.poke_exit = it->poke_exit.get();
    if (t.poke_enter != nullptr || t.poke_exit != nullptr) {
      t.nargs = SyscallTable::Get().ArgCount(arch, nr);
    }
    return t;
  }
  return {};
}

}  // namespace ttrace
