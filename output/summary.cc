#include "output/summary.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "output/errno_names.h"

namespace ttrace {
namespace {

constexpr int64_t kNsPerSec = 1000000000;

// strace's ts_float(): seconds as a double, from a (sec, nsec) pair.
double TsFloat(int64_t sec, int64_t nsec) {
  return static_cast<double>(sec) + static_cast<double>(nsec) / 1000000000.0;
}
double TsFloat(int64_t ns) { return TsFloat(ns / kNsPerSec, ns % kNsPerSec); }

// strace's "usecs/call": ts_div() (the average, rounded to the nearest
// nanosecond), then ts_float() * 1e6, truncated.
uint64_t UsecsPerCall(const SummarySink::Row& row) {
  const uint64_t n = row.calls;
  const uint64_t sec = static_cast<uint64_t>(row.time_ns / kNsPerSec);
  const uint64_t nsec = static_cast<uint64_t>(row.time_ns % kNsPerSec);
  const uint64_t avg_nsec = (sec % n * kNsPerSec + nsec + n / 2) / n;
  const uint64_t avg_sec = sec / n + avg_nsec / kNsPerSec;
  return static_cast<uint64_t>(
      TsFloat(static_cast<int64_t>(avg_sec),
              static_cast<int64_t>(avg_nsec % kNsPerSec)) *
      1e6);
}

void AppendRight(std::string* out, std::string_view s, size_t width) {
  if (s.size() < width) out->append(width - s.size(), ' ');
  out->append(s);
}

void AppendDashes(std::string* out, const size_t (&widths)[6]) {
  for (size_t i = 0; i < 6; ++i) {
    if (i > 0) out->push_back(' ');
    out->append(widths[i], '-');
  }
  out->push_back('\n');
}

// One table in strace's count.c layout; `rows` in print order.
void AppendTable(std::string* out, const std::vector<SummarySink::Row>& rows,
                 std::string_view last_header) {
  int64_t total_ns = 0;
  uint64_t total_calls = 0;
  uint64_t total_errors = 0;
  uint64_t max_usecs = 0;
  size_t name_max = 0;
  for (const SummarySink::Row& row : rows) {
    total_ns += row.time_ns;
    total_calls += row.calls;
    total_errors += row.errors;
    max_usecs = std::max(max_usecs, UsecsPerCall(row));
    name_max = std::max(name_max, row.name.size());
  }
  const double total_sec = TsFloat(total_ns);

  // Column widths: strace's historical minimums, or wider when needed.
  const size_t widths[6] = {
      6,
      std::max<size_t>(11, absl::StrFormat("%.6f", total_sec).size()),
      std::max<size_t>(11, absl::StrCat(max_usecs).size()),
      std::max<size_t>(9, absl::StrCat(total_calls).size()),
      std::max<size_t>(9, absl::StrCat(total_errors).size()),
      std::max<size_t>(16, name_max + 1),
  };

  AppendRight(out, "% time", widths[0]);
  out->push_back(' ');
  AppendRight(out, "seconds", widths[1]);
  out->push_back(' ');
  AppendRight(out, "usecs/call", widths[2]);
  out->push_back(' ');
  AppendRight(out, "calls", widths[3]);
  out->push_back(' ');
  AppendRight(out, "errors", widths[4]);
  out->push_back(' ');
  out->append(last_header);  // the last column is not padded
  out->push_back('\n');
  AppendDashes(out, widths);

  const auto append_row = [&](double percent, double sec, uint64_t usecs,
                              uint64_t calls, uint64_t errors,
                              std::string_view name) {
    AppendRight(out, absl::StrFormat("%.2f", percent), widths[0]);
    out->push_back(' ');
    AppendRight(out, absl::StrFormat("%.6f", sec), widths[1]);
    out->push_back(' ');
    AppendRight(out, absl::StrCat(usecs), widths[2]);
    out->push_back(' ');
    AppendRight(out, absl::StrCat(calls), widths[3]);
    out->push_back(' ');
    // "%*.0" PRIu64: zero prints as nothing.
    AppendRight(out, errors == 0 ? std::string() : absl::StrCat(errors),
                widths[4]);
    out->push_back(' ');
    out->append(name);
    out->push_back('\n');
  };
  for (const SummarySink::Row& row : rows) {
    const double sec = TsFloat(row.time_ns);
    double percent = 100.0 * sec;
    // Like strace: 0/0 would be NaN when the total is 0 too.
    if (percent != 0.0) percent /= total_sec;
    append_row(percent, sec, UsecsPerCall(row), row.calls, row.errors,
               row.name);
  }
  AppendDashes(out, widths);
  append_row(
      100.0, total_sec,
      static_cast<uint64_t>(total_sec / static_cast<double>(total_calls) * 1e6),
      total_calls, total_errors, "total");
}

// Whether a's key comes before b's for -S (0: neither, a tie).
int CompareKeys(const SummarySink::Row& a, const SummarySink::Row& b,
                SummarySink::SortBy by) {
  auto larger_first = [](auto x, auto y) { return x > y ? -1 : x < y ? 1 : 0; };
  using SortBy = SummarySink::SortBy;
  switch (by) {
    case SortBy::kTime:
      return larger_first(a.time_ns, b.time_ns);
    case SortBy::kMinTime:
      return larger_first(a.min_ns, b.min_ns);
    case SortBy::kMaxTime:
      return larger_first(a.max_ns, b.max_ns);
    case SortBy::kAvgTime:
      return larger_first(
          a.calls ? a.time_ns / static_cast<int64_t>(a.calls) : 0,
          b.calls ? b.time_ns / static_cast<int64_t>(b.calls) : 0);
    case SortBy::kCalls:
      return larger_first(a.calls, b.calls);
    case SortBy::kErrors:
      return larger_first(a.errors, b.errors);
    case SortBy::kName:
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    case SortBy::kNothing:
      return 0;
  }
  return 0;
}

void AddCall(SummarySink::Row* row, bool error, int64_t dur) {
  if (row->calls == 0 || dur < row->min_ns) row->min_ns = dur;
  if (dur > row->max_ns) row->max_ns = dur;
  ++row->calls;
  if (error) ++row->errors;
  row->time_ns += dur;
}

}  // namespace

bool SummarySink::ParseSortBy(std::string_view word, SortBy* by) {
  static constexpr std::pair<std::string_view, SortBy> kWords[] = {
      {"time", SortBy::kTime},        {"min-time", SortBy::kMinTime},
      {"max-time", SortBy::kMaxTime}, {"avg-time", SortBy::kAvgTime},
      {"calls", SortBy::kCalls},      {"errors", SortBy::kErrors},
      {"name", SortBy::kName},        {"nothing", SortBy::kNothing}};
  for (const auto& [w, b] : kWords) {
    if (w == word) {
      *by = b;
      return true;
    }
  }
  return false;
}

SummarySink::SummarySink(bool per_thread, SortBy sort_by)
    : per_thread_(per_thread), sort_by_(sort_by) {}

void SummarySink::OnEvent(const Event& event) {
  const auto* call = std::get_if<SyscallEvent>(&event.payload);
  if (call == nullptr || !call->returned) return;
  const bool error = IsErrorReturn(call->ret);
  const int64_t dur = call->dur_ns > 0 ? call->dur_ns : 0;

  const uint64_t key = (static_cast<uint64_t>(call->arch) << 32) |
                       static_cast<uint32_t>(call->nr);
  auto [it, inserted] = syscalls_.try_emplace(key);
  Row& row = it->second;
  if (inserted) {
    row.name = call->name;
    row.arch = call->arch;
    row.nr = call->nr;
  }
  AddCall(&row, error, dur);

  if (per_thread_) {
    auto [tit, tinserted] = threads_.try_emplace(event.tid);
    Row& trow = tit->second;
    if (tinserted) {
      trow.name = absl::StrCat(event.tid);
      trow.tid = event.tid;
    }
    AddCall(&trow, error, dur);
  }
}

std::vector<SummarySink::Row> SummarySink::SyscallRows() const {
  std::vector<Row> rows;
  rows.reserve(syscalls_.size());
  for (const auto& [key, row] : syscalls_) rows.push_back(row);
  // 64-bit table first, then i386; within a table as -S says, then by
  // number.
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    const bool a32 = a.arch == kArchI386;
    const bool b32 = b.arch == kArchI386;
    if (a32 != b32) return b32;
    if (const int c = CompareKeys(a, b, sort_by_); c != 0) return c < 0;
    if (a.arch != b.arch) return a.arch < b.arch;
    return a.nr < b.nr;
  });
  return rows;
}

std::vector<SummarySink::Row> SummarySink::ThreadRows() const {
  std::vector<Row> rows;
  rows.reserve(threads_.size());
  for (const auto& [tid, row] : threads_) rows.push_back(row);
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    // By name means by tid here (numbers, not strings).
    const SortBy by = sort_by_ == SortBy::kName ? SortBy::kNothing : sort_by_;
    if (const int c = CompareKeys(a, b, by); c != 0) return c < 0;
    return a.tid < b.tid;
  });
  return rows;
}

void SummarySink::Print(ByteSink* out) const {
  std::string text;
  const std::vector<Row> rows = SyscallRows();
  std::vector<Row> rows64, rows32;
  for (const Row& row : rows) {
    (row.arch == kArchI386 ? rows32 : rows64).push_back(row);
  }
  if (!rows64.empty()) AppendTable(&text, rows64, "syscall");
  if (!rows32.empty()) {
    text.append("System call usage summary for 32 bit mode:\n");
    AppendTable(&text, rows32, "syscall");
  }
  if (per_thread_ && !threads_.empty()) {
    text.push_back('\n');
    AppendTable(&text, ThreadRows(), "tid");
  }
  out->Append(text);
}

}  // namespace ttrace
