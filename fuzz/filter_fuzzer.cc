// libFuzzer target for strace's qualifier expressions
// (tracer/syscalls/filter.h): ParseTraceFilter (-e trace=), ParseSignalSet
// (-e signal=), ParseStatusFilter (-e status=), ParseQuietSet (-e quiet=),
// ParseFdSet (-e read=, -e write=);
// and InjectRules::Add (-e inject=, -e fault=; tracer/syscalls/inject.h),
// which must never inject what it does not cover. Built and run by
// fuzz/build_and_run.sh with clang's -fsanitize=fuzzer,address,undefined;
// not built by Bazel.
//
// The whole input is the expression, given to all three parsers. For any
// input it checks that:
//   - parsing never crashes, hangs or trips a sanitizer (regular
//     expressions after '/' included);
//   - an error is InvalidArgument with a non-empty message;
//   - a valid expression stays valid with one more leading '!', and then
//     selects exactly the complement (every syscall number of both arches,
//     numbers outside the table, unknown arches; every signal 0..255 and
//     beyond; every status); with two more it selects the same set;
//   - all() and none() agree with what is selected.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "tracer/event.h"
#include "tracer/syscalls/filter.h"
#include "tracer/syscalls/inject.h"
#include "tracer/syscalls/syscall_table.h"

namespace {

using ttrace::SignalSet;
using ttrace::StatusFilter;
using ttrace::SyscallFilter;
using ttrace::SyscallStatus;

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "filter_fuzzer: %s\n", what);
  std::abort();
}

void CheckError(const absl::Status& s) {
  if (!absl::IsInvalidArgument(s)) Fail("error is not InvalidArgument");
  if (s.message().empty()) Fail("empty error message");
}

constexpr uint32_t kQueryArches[] = {ttrace::kArchX86_64, ttrace::kArchI386,
                                     0xdeadbeef};

// Calls f(arch, nr) for every number worth asking about.
template <typename F>
void ForEachSyscall(F f) {
  for (uint32_t arch : kQueryArches) {
    for (int64_t nr = -2; nr <= ttrace::SyscallTable::kMaxNr + 2; ++nr) {
      f(arch, nr);
    }
    f(arch, INT64_MAX);
    f(arch, INT64_MIN);
  }
}

void CheckTrace(absl::string_view expr) {
  absl::StatusOr<SyscallFilter> f = ttrace::ParseTraceFilter(expr);
  if (!f.ok()) {
    CheckError(f.status());
    return;
  }
  const std::string bang = "!" + std::string(expr);
  absl::StatusOr<SyscallFilter> g = ttrace::ParseTraceFilter(bang);
  if (!g.ok()) Fail("trace: '!' + a valid expression is invalid");
  absl::StatusOr<SyscallFilter> h = ttrace::ParseTraceFilter("!" + bang);
  if (!h.ok()) Fail("trace: '!!' + a valid expression is invalid");
  bool any = false, every = true;
  ForEachSyscall([&](uint32_t arch, int64_t nr) {
    const bool t = f->Traced(arch, nr);
    if (g->Traced(arch, nr) == t) Fail("trace: '!' is not the complement");
    if (h->Traced(arch, nr) != t) Fail("trace: '!!' changed the set");
    any |= t;
    every &= t;
  });
  if (f->all() && !every) Fail("trace: all() but some number not traced");
  if (f->none() && any) Fail("trace: none() but some number traced");
  if (f->all() != g->none()) Fail("trace: all() != (!expr).none()");
}

void CheckSignals(absl::string_view expr) {
  absl::StatusOr<SignalSet> f = ttrace::ParseSignalSet(expr);
  if (!f.ok()) {
    CheckError(f.status());
    return;
  }
  const std::string bang = "!" + std::string(expr);
  absl::StatusOr<SignalSet> g = ttrace::ParseSignalSet(bang);
  if (!g.ok()) Fail("signal: '!' + a valid expression is invalid");
  bool any = false, every = true;
  for (int sig = -2; sig < 300; ++sig) {
    const bool c = f->Contains(sig);
    if (g->Contains(sig) == c) Fail("signal: '!' is not the complement");
    any |= c;
    every &= c;
  }
  if (f->all() && !every) Fail("signal: all() but a signal missing");
  if (f->none() && any) Fail("signal: none() but a signal present");
}

void CheckStatus(absl::string_view expr) {
  absl::StatusOr<StatusFilter> f = ttrace::ParseStatusFilter(expr);
  if (!f.ok()) {
    CheckError(f.status());
    return;
  }
  const std::string bang = "!" + std::string(expr);
  absl::StatusOr<StatusFilter> g = ttrace::ParseStatusFilter(bang);
  if (!g.ok()) Fail("status: '!' + a valid expression is invalid");
  bool any = false, every = true;
  for (SyscallStatus s :
       {SyscallStatus::kSuccessful, SyscallStatus::kFailed,
        SyscallStatus::kUnfinished, SyscallStatus::kUnavailable,
        SyscallStatus::kDetached}) {
    const bool shown = f->Shows(s);
    if (g->Shows(s) == shown) Fail("status: '!' is not the complement");
    any |= shown;
    every &= shown;
  }
  if (f->all() != every) Fail("status: all() disagrees");
  if (f->none() == any) Fail("status: none() disagrees");
}

void CheckQuiet(absl::string_view expr) {
  absl::StatusOr<ttrace::QuietSet> f = ttrace::ParseQuietSet(expr);
  if (!f.ok()) {
    CheckError(f.status());
    return;
  }
  absl::StatusOr<ttrace::QuietSet> g =
      ttrace::ParseQuietSet("!" + std::string(expr));
  if (!g.ok()) Fail("quiet: '!' + a valid expression is invalid");
  for (int m = 0; m < ttrace::QuietSet::kMessages; ++m) {
    const auto msg = static_cast<ttrace::QuietSet::Message>(m);
    if (f->Quiet(msg) == g->Quiet(msg))
      Fail("quiet: '!' is not the complement");
  }
}

void CheckFds(absl::string_view expr) {
  absl::StatusOr<ttrace::FdSet> f = ttrace::ParseFdSet(expr);
  if (!f.ok()) {
    CheckError(f.status());
    return;
  }
  absl::StatusOr<ttrace::FdSet> g = ttrace::ParseFdSet("!" + std::string(expr));
  if (!g.ok()) Fail("fds: '!' + a valid expression is invalid");
  for (int fd : {0, 1, 2, 3, 255, 256, 65535, 1 << 20, 2147483647}) {
    if (f->Has(fd) == g->Has(fd)) Fail("fds: '!' is not the complement");
  }
  if (f->Has(-1) || g->Has(-1)) Fail("fds: a negative descriptor is in");
}

void CheckInject(absl::string_view expr) {
  for (bool fault : {false, true}) {
    ttrace::InjectRules rules;
    const absl::Status s = rules.Add(expr, fault);
    if (!s.ok()) {
      CheckError(s);
      if (!rules.empty()) Fail("inject: a refused rule was kept");
      continue;
    }
    ForEachSyscall([&](uint32_t arch, int64_t nr) {
      if (nr < INT32_MIN || nr > INT32_MAX) return;
      const int32_t n32 = static_cast<int32_t>(nr);
      for (uint32_t call : {1u, 2u, 3u, 65534u, 65535u, 4000000000u}) {
        const ttrace::Tamper t = rules.Inject(arch, n32, call);
        if (!t.any()) continue;
        if (!rules.Covers(arch, n32))
          Fail("inject: injects what it does not cover");
        if (t.ret && *t.ret < -4095) Fail("inject: an errno beyond 4095");
        if (t.signo < 0 || t.signo > 64) Fail("inject: a signal beyond 64");
        if (fault && (t.signo != 0 || t.delayed() || t.poke_enter != nullptr ||
                      t.poke_exit != nullptr))
          Fail("inject: fault= with a signal, a delay or a poke");
        for (const auto* pokes : {t.poke_enter, t.poke_exit}) {
          if (pokes == nullptr) continue;
          if (pokes->empty()) Fail("inject: an empty poke list");
          for (const ttrace::Poke& p : *pokes) {
            if (p.arg < 0 || p.arg > 6) Fail("inject: a poke beyond @arg7");
            if (p.data.empty() || p.data.size() > 1024)
              Fail("inject: a poke of 0 or over 1024 bytes");
          }
        }
        if (t.replace_nr >= 0 &&
            !(ttrace::SyscallTable::Get().Classes(arch, t.replace_nr) &
              ttrace::kClassPure))
          Fail("inject: syscall= of a call with arguments");
      }
    });
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  const absl::string_view expr(reinterpret_cast<const char*>(data), size);
  CheckTrace(expr);
  CheckSignals(expr);
  CheckStatus(expr);
  CheckQuiet(expr);
  CheckFds(expr);
  CheckInject(expr);
  return 0;
}
