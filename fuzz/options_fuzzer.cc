// libFuzzer target for ttrace's command line (cli/options.h, ParseOptions,
// with the -e trace/signal/status filters it parses). Built and run by
// fuzz/build_and_run.sh with clang's -fsanitize=fuzzer,address,undefined;
// not built by Bazel.
//
// The input is an argument vector: its bytes split on NUL ("-f\0-p\0001"
// is `ttrace -f -p 1`; empty pieces are empty arguments), after argv[0]
// "ttrace". For any input it checks that:
//   - parsing never crashes, hangs or trips a sanitizer;
//   - an error is InvalidArgument with a non-empty message;
//   - a success is coherent: pids positive and distinct, -s not negative,
//     a command or -p or -V or --decode (or -h, which stops parsing);
//   - parsing the same vector again gives the same result: ParseOptions
//     uses getopt's global state and must reset it on every call.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "cli/options.h"

namespace {

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "options_fuzzer: %s\n", what);
  std::abort();
}

absl::StatusOr<ttrace::Options> Parse(const std::vector<std::string>& args) {
  // A fresh, writable copy each time: getopt may reorder argv.
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  return ttrace::ParseOptions(static_cast<int>(copy.size()), argv.data());
}

// Everything a caller reads, as text, to compare two parses.
std::string Summary(const absl::StatusOr<ttrace::Options>& r) {
  if (!r.ok()) return "error: " + std::string(r.status().message());
  const ttrace::Options& o = *r;
  std::string s;
  for (const std::string& c : o.command) s += "[" + c + "]";
  s += "|";
  for (pid_t p : o.pids) s += std::to_string(p) + ",";
  s += "|" + o.output_path + "|" + o.record_path + "|" + o.decode_path + "|";
  s += std::to_string(static_cast<int>(o.format)) +
       std::to_string(static_cast<int>(o.timestamps)) +
       std::to_string(static_cast<int>(o.summary)) + "|" +
       std::to_string(o.string_limit) + "|";
  for (bool b :
       {o.follow_forks, o.trace_syscalls, o.abbrev_filter.none(),
        o.verbose_filter.none(), o.decode_fds, o.show_duration, o.seccomp_bpf,
        o.kill_on_exit, o.help, o.version, o.trace_filter.all(),
        o.trace_filter.none(), o.signal_filter.all(), o.signal_filter.none(),
        o.status_filter.all(), o.status_filter.none()}) {
    s += b ? '1' : '0';
  }
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  std::vector<std::string> args = {"ttrace"};
  std::string cur;
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      args.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(static_cast<char>(data[i]));
    }
  }
  if (size > 0) args.push_back(cur);
  if (args.size() > 256) return 0;

  const absl::StatusOr<ttrace::Options> r = Parse(args);
  if (!r.ok()) {
    if (!absl::IsInvalidArgument(r.status()))
      Fail("error is not InvalidArgument");
    if (r.status().message().empty()) Fail("empty error message");
  } else {
    const ttrace::Options& o = *r;
    for (size_t i = 0; i < o.pids.size(); ++i) {
      if (o.pids[i] <= 0) Fail("pid <= 0 accepted");
      for (size_t j = 0; j < i; ++j) {
        if (o.pids[i] == o.pids[j]) Fail("duplicate pid");
      }
    }
    if (o.string_limit < 0) Fail("negative -s accepted");
    if (!o.help && o.command.empty() && o.pids.empty() && !o.version &&
        o.decode_path.empty()) {
      Fail("nothing to trace, yet no error");
    }
    if (!o.decode_path.empty() && !o.help && !o.command.empty()) {
      Fail("--decode with a command accepted");
    }
    // (-h returns at once: the rest of Options is then not filled in.)
    if (!o.help && o.trace_syscalls == o.trace_filter.none()) {
      Fail("trace_syscalls disagrees with the filter");
    }
  }
  if (Summary(Parse(args)) != Summary(r)) {
    Fail("a second parse of the same argv differs (getopt state leaked)");
  }
  return 0;
}
