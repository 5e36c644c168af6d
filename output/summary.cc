#include "output/summary.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
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

using Column = SummarySink::Column;

std::string Seconds(int64_t ns) { return absl::StrFormat("%.6f", TsFloat(ns)); }

// One table in strace's count.c layout, with `columns` in their order;
// `rows` in print order.
void AppendTable(std::string* out, const std::vector<SummarySink::Row>& rows,
                 const std::vector<Column>& columns,
                 std::string_view last_header) {
  SummarySink::Row total;
  total.name = "total";
  uint64_t max_usecs = 0;
  int64_t max_min_ns = 0;
  size_t name_max = 0;
  for (const SummarySink::Row& row : rows) {
    if (total.calls == 0 || row.min_ns < total.min_ns)
      total.min_ns = row.min_ns;
    total.max_ns = std::max(total.max_ns, row.max_ns);
    total.time_ns += row.time_ns;
    total.calls += row.calls;
    total.errors += row.errors;
    max_usecs = std::max(max_usecs, UsecsPerCall(row));
    max_min_ns = std::max(max_min_ns, row.min_ns);
    name_max = std::max(name_max, row.name.size());
  }
  const double total_sec = TsFloat(total.time_ns);

  // Column headers and widths: strace's historical minimums, or wider when
  // a value needs it.
  std::vector<size_t> widths;
  for (Column c : columns) {
    switch (c) {
      case Column::kTimePercent:
        widths.push_back(6);
        break;
      case Column::kTotalTime:
        widths.push_back(std::max<size_t>(11, Seconds(total.time_ns).size()));
        break;
      case Column::kMinTime:
        widths.push_back(std::max<size_t>(8, Seconds(max_min_ns).size()));
        break;
      case Column::kMaxTime:
        widths.push_back(std::max<size_t>(8, Seconds(total.max_ns).size()));
        break;
      case Column::kAvgTime:
        widths.push_back(std::max<size_t>(11, absl::StrCat(max_usecs).size()));
        break;
      case Column::kCalls:
        widths.push_back(std::max<size_t>(9, absl::StrCat(total.calls).size()));
        break;
      case Column::kErrors:
        widths.push_back(
            std::max<size_t>(9, absl::StrCat(total.errors).size()));
        break;
      case Column::kName:
        widths.push_back(std::max<size_t>(16, name_max + 1));
        break;
    }
  }
  // Cells are right-aligned, but for the name: left-aligned, and not padded
  // at the end of the line.
  const auto append_line = [&](auto cell) {
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) out->push_back(' ');
      const std::string text = cell(columns[i]);
      if (columns[i] != Column::kName) {
        AppendRight(out, text, widths[i]);
        continue;
      }
      out->append(text);
      if (i + 1 < columns.size() && text.size() < widths[i]) {
        out->append(widths[i] - text.size(), ' ');
      }
    }
    out->push_back('\n');
  };
  const auto append_dashes = [&] {
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) out->push_back(' ');
      out->append(widths[i], '-');
    }
    out->push_back('\n');
  };
  append_line([&](Column c) -> std::string {
    switch (c) {
      case Column::kTimePercent:
        return "% time";
      case Column::kTotalTime:
        return "seconds";
      case Column::kMinTime:
        return "shortest";
      case Column::kMaxTime:
        return "longest";
      case Column::kAvgTime:
        return "usecs/call";
      case Column::kCalls:
        return "calls";
      case Column::kErrors:
        return "errors";
      case Column::kName:
        return std::string(last_header);
    }
    return "";
  });
  append_dashes();
  const auto append_row = [&](const SummarySink::Row& row, bool is_total) {
    append_line([&](Column c) -> std::string {
      switch (c) {
        case Column::kTimePercent: {
          if (is_total) return "100.00";
          double percent = 100.0 * TsFloat(row.time_ns);
          // Like strace: 0/0 would be NaN when the total is 0 too.
          if (percent != 0.0) percent /= total_sec;
          return absl::StrFormat("%.2f", percent);
        }
        case Column::kTotalTime:
          return Seconds(row.time_ns);
        case Column::kMinTime:
          return Seconds(row.min_ns);
        case Column::kMaxTime:
          return Seconds(row.max_ns);
        case Column::kAvgTime:
          return absl::StrCat(
              is_total ? static_cast<uint64_t>(
                             total_sec / static_cast<double>(row.calls) * 1e6)
                       : UsecsPerCall(row));
        case Column::kCalls:
          return absl::StrCat(row.calls);
        case Column::kErrors:
          // "%*.0" PRIu64: zero prints as nothing.
          return row.errors == 0 ? std::string() : absl::StrCat(row.errors);
        case Column::kName:
          return row.name;
      }
      return "";
    });
  };
  for (const SummarySink::Row& row : rows) append_row(row, false);
  append_dashes();
  append_row(total, true);
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

bool SummarySink::ParseColumns(std::string_view list,
                               std::vector<Column>* columns,
                               std::string* error) {
  static constexpr std::pair<std::string_view, Column> kWords[] = {
      {"time-percent", Column::kTimePercent},
      {"time", Column::kTimePercent},
      {"total-time", Column::kTotalTime},
      {"time-total", Column::kTotalTime},
      {"min-time", Column::kMinTime},
      {"shortest", Column::kMinTime},
      {"time-min", Column::kMinTime},
      {"max-time", Column::kMaxTime},
      {"longest", Column::kMaxTime},
      {"time-max", Column::kMaxTime},
      {"avg-time", Column::kAvgTime},
      {"time-avg", Column::kAvgTime},
      {"calls", Column::kCalls},
      {"count", Column::kCalls},
      {"errors", Column::kErrors},
      {"error", Column::kErrors},
      {"name", Column::kName},
      {"syscall", Column::kName},
      {"syscall-name", Column::kName},
  };
  std::vector<Column> out;
  for (absl::string_view item :
       absl::StrSplit(absl::string_view(list.data(), list.size()), ',')) {
    // strace takes "_" for "-" too.
    const std::string word = absl::StrReplaceAll(item, {{"_", "-"}});
    const auto* found =
        std::find_if(std::begin(kWords), std::end(kWords),
                     [&](const auto& w) { return w.first == word; });
    if (found == std::end(kWords)) {
      *error = absl::StrCat("unknown column name: '", item, "'");
      return false;
    }
    if (std::find(out.begin(), out.end(), found->second) != out.end()) {
      // As strace, name the rest of the list from the repeated column on.
      const size_t at = static_cast<size_t>(item.data() - list.data());
      *error = absl::StrCat(
          "call summary column has been provided more than once: '", item,
          "' (-U option residual: '",
          absl::string_view(list.data() + at, list.size() - at), "')");
      return false;
    }
    out.push_back(found->second);
  }
  *columns = std::move(out);
  return true;
}

void SummarySink::set_columns(std::vector<Column> columns) {
  // As strace: the name is the last column unless placed elsewhere.
  if (std::find(columns.begin(), columns.end(), Column::kName) ==
      columns.end()) {
    columns.push_back(Column::kName);
  }
  columns_ = std::move(columns);
}

bool SummarySink::ParseSortBy(std::string_view word, SortBy* by) {
  // strace 6.1 takes -U's column words (and "_" for "-") for the column to
  // sort by, and "none" for "nothing".
  static constexpr std::pair<std::string_view, SortBy> kWords[] = {
      {"time", SortBy::kTime},         {"time-percent", SortBy::kTime},
      {"total-time", SortBy::kTime},   {"time-total", SortBy::kTime},
      {"min-time", SortBy::kMinTime},  {"shortest", SortBy::kMinTime},
      {"time-min", SortBy::kMinTime},  {"max-time", SortBy::kMaxTime},
      {"longest", SortBy::kMaxTime},   {"time-max", SortBy::kMaxTime},
      {"avg-time", SortBy::kAvgTime},  {"time-avg", SortBy::kAvgTime},
      {"calls", SortBy::kCalls},       {"count", SortBy::kCalls},
      {"errors", SortBy::kErrors},     {"error", SortBy::kErrors},
      {"name", SortBy::kName},         {"syscall", SortBy::kName},
      {"syscall-name", SortBy::kName}, {"nothing", SortBy::kNothing},
      {"none", SortBy::kNothing}};
  std::string dashed(word);
  std::replace(dashed.begin(), dashed.end(), '_', '-');
  for (const auto& [w, b] : kWords) {
    if (w == dashed) {
      *by = b;
      return true;
    }
  }
  return false;
}

SummarySink::SummarySink(bool per_thread, SortBy sort_by)
    : per_thread_(per_thread), sort_by_(sort_by), columns_{Column::kTimePercent,
                                                           Column::kTotalTime,
                                                           Column::kAvgTime,
                                                           Column::kCalls,
                                                           Column::kErrors,
                                                           Column::kName} {}

void SummarySink::OnEvent(const Event& event) {
  const auto* call = std::get_if<SyscallEvent>(&event.payload);
  if (call == nullptr || !call->returned) return;
  // strace 6.1 counts only the calls its table names: a number past the
  // table's end ("syscall_0x3e8") is left out of the counts and the total
  // (one in a hole of the table crashes it; ttrace leaves those out too).
  if (absl::StartsWith(call->name, "syscall_0x")) return;
  const bool error = IsErrorReturn(call->ret);
  // -O: what tracing adds to each call is taken off.
  const int64_t spent =
      !wall_clock_ && call->cpu_ns >= 0 ? call->cpu_ns : call->dur_ns;
  const int64_t dur = std::max<int64_t>(0, spent - overhead_ns_);

  const uint64_t key = (static_cast<uint64_t>(call->arch) << 32) |
                       static_cast<uint32_t>(call->nr);
  auto [it, inserted] = syscalls_.try_emplace(key);
  Row* row = &it->second;
  if (inserted) {
    row->name = call->name;
    row->arch = call->arch;
    row->nr = call->nr;
  } else if (row->name != call->name) {
    auto& by_name = renamed_[key];
    auto named = by_name.find(call->name);
    if (named == by_name.end()) {
      named = by_name.emplace(call->name, Row{}).first;
      named->second.name = call->name;
      named->second.arch = call->arch;
      named->second.nr = call->nr;
    }
    row = &named->second;
  }
  AddCall(row, error, dur);

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
  for (const auto& [key, by_name] : renamed_) {
    for (const auto& [name, row] : by_name) rows.push_back(row);
  }
  // 64-bit table first, then i386; within a table as -S says, then by
  // number (and name).
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    const bool a32 = a.arch == kArchI386;
    const bool b32 = b.arch == kArchI386;
    if (a32 != b32) return b32;
    if (const int c = CompareKeys(a, b, sort_by_); c != 0) return c < 0;
    if (a.arch != b.arch) return a.arch < b.arch;
    if (a.nr != b.nr) return a.nr < b.nr;
    return a.name < b.name;
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
  if (!rows64.empty()) AppendTable(&text, rows64, columns_, "syscall");
  if (!rows32.empty()) {
    text.append("System call usage summary for 32 bit mode:\n");
    AppendTable(&text, rows32, columns_, "syscall");
  }
  if (per_thread_ && !threads_.empty()) {
    text.push_back('\n');
    AppendTable(&text, ThreadRows(), columns_, "tid");
  }
  out->Append(text);
}

}  // namespace ttrace
