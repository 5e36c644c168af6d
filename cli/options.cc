#include "cli/options.h"

#include <getopt.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/cord.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace ttrace {
namespace {

// Values for long options without a short form; above any char.
enum LongOnlyOption : int {
  kFormatOption = 256,
  kTraceOption,
  kSeccompOption,
  kOutputSeparatelyOption,
  kRecordOption,
  kBinaryArgsOption,
  kDecodeOption,
  kKillOnExitOption,
  kStringsInHexOption,
  kQuietOption,
  kInjectOption,
  kFaultOption,
  kRawOption,
  kAbbrevOption,
  kVerboseOption,
  kDecodeFdsOption,
  kDecodePidsOption,
  kPidnsTranslationOption,
  kAbsoluteTimestampsOption,
  kRelativeTimestampsOption,
  kSyscallTimesOption,
  kDaemonizeOption,
  kSignalOption,
  kStatusOption,
  kReadOption,
  kWriteOption,
  kKvmOption,
  kSecontextOption,
};

// "+": stop at the first non-option (the command), as strace does.
// ":": report a missing argument as ':' rather than '?'.
constexpr char kShortOptions[] =
    "+:a:Ab:cCDe:E:fhiI:kno:O:p:P:qrs:S:tTu:U:vVwxX:yYzZ";

// The long names are strace's where strace has the option.
constexpr struct option kLongOptions[] = {
    {"attach", required_argument, nullptr, 'p'},
    {"env", required_argument, nullptr, 'E'},
    {"columns", required_argument, nullptr, 'a'},
    {"trace-path", required_argument, nullptr, 'P'},
    {"user", required_argument, nullptr, 'u'},
    {"decode", required_argument, nullptr, kDecodeOption},
    {"record", required_argument, nullptr, kRecordOption},
    {"binary-args", required_argument, nullptr, kBinaryArgsOption},
    {"seccomp-bpf", no_argument, nullptr, kSeccompOption},
    {"string-limit", required_argument, nullptr, 's'},
    {"summary-only", no_argument, nullptr, 'c'},
    {"summary", no_argument, nullptr, 'C'},
    {"summary-sort-by", required_argument, nullptr, 'S'},
    {"summary-wall-clock", no_argument, nullptr, 'w'},
    {"summary-columns", required_argument, nullptr, 'U'},
    {"summary-syscall-overhead", required_argument, nullptr, 'O'},
    {"follow-forks", no_argument, nullptr, 'f'},
    {"kill-on-exit", no_argument, nullptr, kKillOnExitOption},
    {"format", required_argument, nullptr, kFormatOption},
    {"help", no_argument, nullptr, 'h'},
    {"output", required_argument, nullptr, 'o'},
    {"output-separately", no_argument, nullptr, kOutputSeparatelyOption},
    {"output-append-mode", no_argument, nullptr, 'A'},
    {"strings-in-hex", optional_argument, nullptr, kStringsInHexOption},
    {"const-print-style", required_argument, nullptr, 'X'},
    {"trace", required_argument, nullptr, kTraceOption},
    // --quiet alone is -q; strace spells it three ways.
    {"quiet", optional_argument, nullptr, kQuietOption},
    {"silent", optional_argument, nullptr, kQuietOption},
    {"silence", optional_argument, nullptr, kQuietOption},
    {"inject", required_argument, nullptr, kInjectOption},
    {"fault", required_argument, nullptr, kFaultOption},
    {"raw", required_argument, nullptr, kRawOption},
    {"signals", required_argument, nullptr, kSignalOption},
    {"status", required_argument, nullptr, kStatusOption},
    {"read", required_argument, nullptr, kReadOption},
    {"write", required_argument, nullptr, kWriteOption},
    {"kvm", required_argument, nullptr, kKvmOption},
    {"secontext", optional_argument, nullptr, kSecontextOption},
    {"successful-only", no_argument, nullptr, 'z'},
    {"failed-only", no_argument, nullptr, 'Z'},
    {"failing-only", no_argument, nullptr, 'Z'},
    {"decode-fds", optional_argument, nullptr, kDecodeFdsOption},
    {"decode-pids", required_argument, nullptr, kDecodePidsOption},
    {"pidns-translation", no_argument, nullptr, kPidnsTranslationOption},
    {"interruptible", required_argument, nullptr, 'I'},
    {"detach-on", required_argument, nullptr, 'b'},
    {"daemonize", optional_argument, nullptr, kDaemonizeOption},
    {"daemonise", optional_argument, nullptr, kDaemonizeOption},
    {"daemonized", optional_argument, nullptr, kDaemonizeOption},
    {"daemonised", optional_argument, nullptr, kDaemonizeOption},
    {"instruction-pointer", no_argument, nullptr, 'i'},
    {"absolute-timestamps", optional_argument, nullptr,
     kAbsoluteTimestampsOption},
    {"timestamps", optional_argument, nullptr, kAbsoluteTimestampsOption},
    {"relative-timestamps", optional_argument, nullptr,
     kRelativeTimestampsOption},
    {"syscall-times", optional_argument, nullptr, kSyscallTimesOption},
    {"stack-traces", no_argument, nullptr, 'k'},
    {"syscall-number", no_argument, nullptr, 'n'},
    {"version", no_argument, nullptr, 'V'},
    // After the others, so that ambiguous prefixes list the candidates in
    // strace's order ('--version' '--verbose').
    {"abbrev", required_argument, nullptr, kAbbrevOption},
    {"verbose", required_argument, nullptr, kVerboseOption},
    {"no-abbrev", no_argument, nullptr, 'v'},
    {nullptr, 0, nullptr, 0},
};

// The value `word` names in an option's table of words, if any.
template <typename T, size_t N>
std::optional<T> Lookup(const std::pair<absl::string_view, T> (&table)[N],
                        absl::string_view word) {
  for (const auto& [name, value] : table) {
    if (name == word) return value;
  }
  return std::nullopt;
}

// strace's timestamp precisions: s, ms, us, ns, as digits after the
// seconds' point.
bool ParsePrecision(absl::string_view word, int* digits) {
  static constexpr std::pair<absl::string_view, int> kWords[] = {
      {"s", 0}, {"ms", 3}, {"us", 6}, {"ns", 9}};
  const std::optional<int> d = Lookup(kWords, word);
  if (d.has_value()) *digits = *d;
  return d.has_value();
}

// --absolute-timestamps=[[format:]FORMAT[,[precision:]PRECISION]]: items in
// any order, the last of each kind winning; FORMAT none, time or unix.
bool ParseAbsoluteTimestamps(absl::string_view arg, Timestamps* format,
                             int* digits) {
  for (absl::string_view item : absl::StrSplit(arg, ',')) {
    const bool format_only = absl::ConsumePrefix(&item, "format:");
    const bool precision_only =
        !format_only && absl::ConsumePrefix(&item, "precision:");
    if (!precision_only &&
        (item == "none" || item == "time" || item == "unix")) {
      *format = item == "none"   ? Timestamps::kNone
                : item == "time" ? Timestamps::kTime
                                 : Timestamps::kEpochUs;
    } else if (format_only || !ParsePrecision(item, digits)) {
      return false;
    }
  }
  return true;
}

// strace's --secontext and -e secontext= (SELinux contexts): refused by
// name, as by a strace built without SELinux.
constexpr char kNoSecontext[] =
    "SELinux context printing (--secontext) is not supported";

absl::Status Invalid(std::string message) {
  return absl::InvalidArgumentError(std::move(message));
}

// The long option whose val is `val`; every val above is unique.
const char* LongNameOf(int val) {
  for (const struct option* o = kLongOptions; o->name != nullptr; ++o) {
    if (o->val == val) return o->name;
  }
  return "?";
}

// getopt_long reports both an unknown and an ambiguous long option as '?'
// with optopt == 0; tell them apart the way glibc's own message does.
absl::Status BadLongOption(absl::string_view arg) {
  absl::string_view name = arg.substr(2);
  name = name.substr(0, name.find('='));
  std::vector<std::string> candidates;
  for (const struct option* o = kLongOptions; o->name != nullptr; ++o) {
    if (absl::string_view(o->name).substr(0, name.size()) == name) {
      candidates.push_back(absl::StrCat("'--", o->name, "'"));
    }
  }
  if (candidates.size() > 1) {
    return Invalid(absl::StrCat(
        "option '--", name,
        "' is ambiguous; possibilities: ", absl::StrJoin(candidates, " ")));
  }
  return Invalid(absl::StrCat("unrecognized option '", arg, "'"));
}

// One -p item: like strace, an optional '+' then decimal digits, > 0 and
// within pid_t.
// Marks a usage error that strace reports without the -h hint.
constexpr absl::string_view kNoHint = "ttrace/no-usage-hint";
absl::Status WithoutHint(absl::Status s) {
  if (!s.ok()) s.SetPayload(kNoHint, absl::Cord("1"));
  return s;
}

absl::Status ParsePid(absl::string_view text, pid_t* pid) {
  absl::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  long long value = 0;
  bool ok = !digits.empty();
  for (char c : digits) {
    if (c < '0' || c > '9') {
      ok = false;
      break;
    }
    value = value * 10 + (c - '0');
    if (value > std::numeric_limits<pid_t>::max()) {
      ok = false;
      break;
    }
  }
  if (!ok || value == 0) {
    return Invalid(absl::StrCat("Invalid process id: '", text, "'"));
  }
  *pid = static_cast<pid_t>(value);
  return absl::OkStatus();
}

// A -p argument: PIDs separated by commas, spaces, tabs or newlines, so that
// -p "$(pidof x)" and -p "$(pgrep x)" work. Same rules as strace's
// process_opt_p_list: an empty argument adds nothing, one trailing separator
// is tolerated, an empty item in between ("1,,2") is an invalid id ''.
absl::Status AddPids(absl::string_view list, std::vector<pid_t>* pids) {
  size_t pos = 0;
  while (pos < list.size()) {
    size_t end = list.find_first_of(", \t\n", pos);
    if (end == absl::string_view::npos) end = list.size();
    pid_t pid = 0;
    if (end == pos) {
      // strace says only "Invalid process id: ''" here; name the list, whose
      // stray separator is not visible in that message.
      return Invalid(absl::StrCat("Invalid process id: '' (an empty item in '",
                                  list, "')"));
    }
    if (absl::Status s = ParsePid(list.substr(pos, end - pos), &pid); !s.ok()) {
      return s;
    }
    if (std::find(pids->begin(), pids->end(), pid) == pids->end()) {
      pids->push_back(pid);
    }
    pos = end + 1;
  }
  return absl::OkStatus();
}

// -e QUALIFIER=VALUE. As in strace, an expression without '=' is a trace
// set ("-e none" is "-e trace=none"), and "t" abbreviates "trace".
absl::Status ParseExpression(absl::string_view expr, Options* options) {
  size_t eq = expr.find('=');
  absl::string_view qualifier =
      eq == absl::string_view::npos ? "trace" : expr.substr(0, eq);
  absl::string_view value =
      eq == absl::string_view::npos ? expr : expr.substr(eq + 1);
  if (qualifier == "trace" || qualifier == "t") {
    absl::StatusOr<SyscallFilter> f = ParseTraceFilter(value);
    if (!f.ok()) return f.status();
    options->trace_filter = *std::move(f);
  } else if (qualifier == "signal" || qualifier == "signals" ||
             qualifier == "s") {
    absl::StatusOr<SignalSet> f = ParseSignalSet(value);
    if (!f.ok()) return f.status();
    options->signal_filter = *f;
  } else if (qualifier == "decode-fds" || qualifier == "decode-fd") {
    // strace's set syntax: a leading '!' (or several) negates the set;
    // empty items are skipped, but there must be one.
    absl::string_view set = value;
    int bangs = 0;
    while (!set.empty() && set[0] == '!') {
      set.remove_prefix(1);
      ++bangs;
    }
    bool path = false, socket = false, dev = false, pidfd = false;
    bool any = false;
    for (absl::string_view word : absl::StrSplit(set, ',', absl::SkipEmpty())) {
      any = true;
      if (word == "all") {
        path = socket = dev = pidfd = true;
      } else if (word == "path") {
        path = true;
      } else if (word == "socket") {
        socket = true;
      } else if (word == "dev") {
        dev = true;
      } else if (word == "pidfd") {
        pidfd = true;
      } else if (word != "none") {
        return Invalid(absl::StrCat("invalid decode-fds '", word, "'"));
      }
    }
    if (!any) return Invalid(absl::StrCat("invalid decode-fds '", value, "'"));
    const bool negate = bangs % 2 == 1;
    options->decode_fds = path != negate;
    options->fd_sockets = socket != negate;
    options->fd_devices = dev != negate;
    options->fd_pidfds = pidfd != negate;
  } else if (qualifier == "decode-pids" || qualifier == "decode-pid") {
    // strace's -e decode-pids=SET (and --decode-pids=SET): comm (-Y),
    // pidns (--pidns-translation), all, none; the set syntax as above.
    absl::string_view set = value;
    int bangs = 0;
    while (!set.empty() && set[0] == '!') {
      set.remove_prefix(1);
      ++bangs;
    }
    bool comm = false, pidns = false, any = false;
    for (absl::string_view word : absl::StrSplit(set, ',', absl::SkipEmpty())) {
      any = true;
      if (word == "all") {
        comm = pidns = true;
      } else if (word == "comm") {
        comm = true;
      } else if (word == "pidns") {
        pidns = true;
      } else if (word != "none") {
        return Invalid(absl::StrCat("invalid decode-pids '", word, "'"));
      }
    }
    if (!any) return Invalid(absl::StrCat("invalid decode-pids '", value, "'"));
    const bool negate = bangs % 2 == 1;
    options->decode_pids = comm != negate;
    options->pidns_translation = pidns != negate;
  } else if (qualifier == "raw" || qualifier == "x") {
    absl::StatusOr<SyscallFilter> f = ParseTraceFilter(value);
    if (!f.ok()) return f.status();
    options->raw_filter = *std::move(f);
  } else if (qualifier == "inject" || qualifier == "fault") {
    if (absl::Status s = options->inject.Add(value, qualifier == "fault");
        !s.ok()) {
      return s;
    }
  } else if (qualifier == "quiet" || qualifier == "silent" ||
             qualifier == "silence" || qualifier == "q") {
    absl::StatusOr<QuietSet> f = ParseQuietSet(value);
    if (!f.ok()) return f.status();
    options->quiet = *f;
    options->quiet_given = true;
  } else if (qualifier == "read" || qualifier == "reads" || qualifier == "r" ||
             qualifier == "write" || qualifier == "writes" ||
             qualifier == "w") {
    absl::StatusOr<FdSet> f = ParseFdSet(value);
    if (!f.ok()) return f.status();
    (qualifier[0] == 'r' ? options->dump_read : options->dump_write) = *f;
  } else if (qualifier == "abbrev" || qualifier == "a" ||
             qualifier == "verbose" || qualifier == "v") {
    // strace's per-syscall sets, each replacing the previous one (-v is
    // abbrev=none, in its place among the options). abbrev=SET: these
    // syscalls print big structures and arrays abbreviated, the others in
    // full; verbose=SET: the others print structures, arrays and sigsets
    // as bare addresses.
    absl::StatusOr<SyscallFilter> f = ParseTraceFilter(value);
    if (!f.ok()) return f.status();
    (qualifier[0] == 'a' ? options->abbrev_filter : options->verbose_filter) =
        *std::move(f);
  } else if (qualifier == "kvm") {
    // strace's only value: each KVM_RUN's exit reason after its result.
    if (value != "vcpu") {
      return Invalid(absl::StrCat("invalid -e kvm= argument: '", value, "'"));
    }
    options->kvm_vcpu = true;
  } else if (qualifier == "secontext") {
    return Invalid(kNoSecontext);
  } else if (qualifier == "status") {
    absl::StatusOr<StatusFilter> f = ParseStatusFilter(value);
    if (!f.ok()) return f.status();
    options->status_filter = *f;
  } else {
    // As strace: what is no qualifier is a syscall set, "=" and all
    // ("-e foo=bar": invalid system call 'foo=bar'; "-e ?x=y" is fine).
    absl::StatusOr<SyscallFilter> f = ParseTraceFilter(expr);
    if (!f.ok()) return f.status();
    options->trace_filter = *std::move(f);
  }
  return absl::OkStatus();
}

absl::Status ParseFormat(absl::string_view value, OutputFormat* format) {
  if (value == "text") {
    *format = OutputFormat::kText;
  } else if (value == "json") {
    *format = OutputFormat::kJson;
  } else if (value == "binary") {
    *format = OutputFormat::kBinary;
  } else if (value == "perfetto") {
    *format = OutputFormat::kPerfetto;
  } else {
    return Invalid(absl::StrCat("invalid --format value '", value,
                                "' (expected text, json, binary or perfetto)"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Options> ParseOptions(int argc, char** argv) {
  Options options;
  int t_count = 0;
  bool relative = false;
  // --absolute-timestamps: its format (kNone for "none") and digits.
  bool absolute_long = false;
  Timestamps absolute_format = Timestamps::kTime;
  int absolute_digits = 0;
  int x_count = 0;
  int q_count = 0;
  int y_count = 0;
  int daemonize_count = 0;
  bool decode_fds_set = false;
  bool strings_in_hex = false;
  bool summary_columns_given = false;  // -U
  constexpr char kSummaryBoth[] =
      "-c/--summary-only and -C/--summary are mutually exclusive";

  // optind = 0 makes glibc re-initialise getopt completely (including the
  // position inside a cluster like -ft), so every call starts afresh.
  optind = 0;
  opterr = 0;
  while (true) {
    // Whether the element getopt is about to scan is a long option. In the
    // middle of a short-option cluster optind still points at the cluster
    // ("-ft"), which does not start with "--", so this is exact.
    // (optind is 0 only before the first call, which scans argv[1].)
    const int scanned = optind == 0 ? 1 : optind;
    const bool at_long = scanned < argc &&
                         std::strncmp(argv[scanned], "--", 2) == 0 &&
                         argv[scanned][2] != '\0';
    const int c = getopt_long(argc, argv, kShortOptions, kLongOptions, nullptr);
    if (c == -1) break;
    switch (c) {
      case 'e':
        if (absl::Status s = ParseExpression(optarg, &options); !s.ok()) {
          return WithoutHint(s);
        }
        if (absl::StartsWith(optarg, "decode-fds=")) decode_fds_set = true;
        break;
      case kDecodeFdsOption:
        // --decode-fds alone is --decode-fds=path.
        if (absl::Status s = ParseExpression(
                absl::StrCat("decode-fds=", optarg ? optarg : "path"),
                &options);
            !s.ok()) {
          return WithoutHint(s);
        }
        decode_fds_set = true;
        break;
      case kTraceOption:
      case kInjectOption:
      case kFaultOption:
      case kQuietOption:
        if (optarg == nullptr) {  // --quiet alone: -q
          options.quiet = QuietSet::FromQCount(++q_count);
          options.quiet_given = true;
          break;
        }
        [[fallthrough]];
      case kRawOption:
      case kSignalOption:
      case kStatusOption:
      case kReadOption:
      case kWriteOption:
      case kKvmOption:
      case kAbbrevOption:
      case kVerboseOption:
        // --trace=X is -e trace=X, and so on: the long names are the
        // qualifiers.
        if (absl::Status s = ParseExpression(
                absl::StrCat(LongNameOf(c), "=", optarg), &options);
            !s.ok()) {
          return WithoutHint(s);
        }
        break;
      // strace refuses -c with -C as soon as it sees the second.
      case 'c':
        if (options.summary == Summary::kAlso) return Invalid(kSummaryBoth);
        options.summary = Summary::kOnly;
        break;
      case 'C':
        if (options.summary == Summary::kOnly) return Invalid(kSummaryBoth);
        options.summary = Summary::kAlso;
        break;
      case 'a':
      case 's': {
        // -a N and -s N: a count, 0 or more.
        int n;
        if (!absl::SimpleAtoi(optarg, &n) || n < 0) {
          return Invalid(absl::StrCat("invalid -", std::string(1, c),
                                      " argument: '", optarg, "'"));
        }
        (c == 'a' ? options.result_column : options.string_limit) = n;
        break;
      }
      case 'T':
        options.show_duration = true;
        options.duration_digits = 6;
        break;
      case kSyscallTimesOption:
        options.show_duration = true;
        options.duration_digits = 6;
        if (optarg != nullptr &&
            !ParsePrecision(optarg, &options.duration_digits)) {
          return Invalid(
              absl::StrCat("invalid --syscall-times argument: '", optarg, "'"));
        }
        break;
      case kRelativeTimestampsOption:
        relative = true;
        options.relative_digits = 6;
        if (optarg != nullptr &&
            !ParsePrecision(optarg, &options.relative_digits)) {
          return Invalid(absl::StrCat(
              "invalid --relative-timestamps argument: '", optarg, "'"));
        }
        break;
      case kAbsoluteTimestampsOption:
        absolute_long = true;
        if (optarg != nullptr &&
            !ParseAbsoluteTimestamps(optarg, &absolute_format,
                                     &absolute_digits)) {
          // Named as given: --timestamps is strace's other name for it.
          return Invalid(
              absl::StrCat(absl::StartsWith(argv[optind - 1], "--t")
                               ? "invalid --timestamps argument: '"
                               : "invalid --absolute-timestamps argument: '",
                           optarg, "'"));
        }
        break;
      case 'i':
        options.instruction_pointers = true;
        break;
      case 'n':
        options.syscall_numbers = true;
        break;
      case 'k':
        options.stack_traces = true;
        break;
      case 'v':
        options.abbrev_filter = SyscallFilter::None();
        break;
      case 'y':
        // -yy: details of sockets, devices and pidfds too.
        if (options.decode_fds) {
          options.fd_sockets = options.fd_devices = options.fd_pidfds = true;
        }
        options.decode_fds = true;
        ++y_count;
        break;
      // -Y, --pidns-translation and --decode-pids=SET each replace the
      // set, as in strace: `-Y --pidns-translation` is pidns alone.
      case 'Y':
        options.decode_pids = true;
        options.pidns_translation = false;
        break;
      case kSecontextOption:
        return Invalid(kNoSecontext);
      case kPidnsTranslationOption:
        options.decode_pids = false;
        options.pidns_translation = true;
        break;
      case kDecodePidsOption:
        // strace's --decode-pids=comm (-Y) and pidns
        // (--pidns-translation): -e decode-pids=.
        if (absl::Status s =
                ParseExpression(absl::StrCat("decode-pids=", optarg), &options);
            !s.ok()) {
          return s;
        }
        break;
      case 'z':
        options.status_filter = StatusFilter::OnlySuccessful();
        break;
      case 'Z':
        options.status_filter = StatusFilter::OnlyFailed();
        break;
      case kSeccompOption:
        options.seccomp_bpf = true;
        break;
      case kKillOnExitOption:
        options.kill_on_exit = true;
        break;
      case 'b':
        if (std::string_view(optarg) != "execve") {
          // strace says it without the -h hint.
          return WithoutHint(Invalid(
              absl::StrCat("Syscall '", optarg, "' for -b isn't supported")));
        }
        options.detach_on_exec = true;
        break;
      case 'D': {
        using D = Options::Daemonize;
        ++daemonize_count;
        if (daemonize_count > 3) {
          return Invalid(absl::StrCat("Too many -D's (", daemonize_count,
                                      "), maximum supported -D count is 3"));
        }
        options.daemonize = static_cast<D>(daemonize_count);
        break;
      }
      case kDaemonizeOption: {
        using D = Options::Daemonize;
        static constexpr std::pair<absl::string_view, D> kNames[] = {
            {"grandchild", D::kGrandchild},
            {"pgroup", D::kProcessGroup},
            {"pgrp", D::kProcessGroup},
            {"session", D::kSession}};
        const std::optional<D> value =
            Lookup(kNames, optarg == nullptr ? "grandchild" : optarg);
        if (!value.has_value()) {
          return Invalid(
              absl::StrCat("invalid --daemonize argument: '", optarg, "'"));
        }
        options.daemonize = *value;
        break;
      }
      case 'I': {
        using I = Options::Interruptible;
        static constexpr std::pair<absl::string_view, I> kNames[] = {
            {"1", I::kAnywhere},  {"anywhere", I::kAnywhere},
            {"2", I::kWaiting},   {"waiting", I::kWaiting},
            {"3", I::kNever},     {"never", I::kNever},
            {"4", I::kNeverTstp}, {"never_tstp", I::kNeverTstp}};
        const std::optional<I> value = Lookup(kNames, optarg);
        if (!value.has_value()) {
          return Invalid(absl::StrCat("invalid -I argument: '", optarg, "'"));
        }
        options.interruptible = *value;
        break;
      }
      case kRecordOption:
        if (*optarg == '\0') return Invalid("invalid --record file name ''");
        options.record_path = optarg;
        break;
      case kBinaryArgsOption:
        if (std::string_view(optarg) == "text") {
          options.binary_args_text = true;
        } else if (std::string_view(optarg) == "memory") {
          options.binary_args_text = false;
        } else {
          return Invalid(absl::StrCat("invalid --binary-args value '", optarg,
                                      "' (memory or text)"));
        }
        break;
      case kDecodeOption:
        if (*optarg == '\0') return Invalid("invalid --decode file name ''");
        options.decode_path = optarg;
        break;
      case 'f':
        // As strace: -f follows forks; -ff also writes a file per thread
        // (with -o).
        if (options.follow_forks) options.output_separately = true;
        options.follow_forks = true;
        break;
      case 'A':
        options.append_output = true;
        break;
      case 'E':
        if (*optarg == '\0' || *optarg == '=') {
          return Invalid(absl::StrCat("invalid -E argument '", optarg, "'"));
        }
        options.env.push_back(optarg);
        break;
      case 'P':
        // strace takes "" too: it matches calls given an empty path.
        options.trace_paths.push_back(optarg);
        break;
      case 'u':
        if (*optarg == '\0') return Invalid("invalid user name ''");
        options.user = optarg;
        break;
      case 'S':
        options.summary_sort_by_given = true;
        if (!SummarySink::ParseSortBy(optarg, &options.summary_sort_by)) {
          return Invalid(absl::StrCat("invalid sortby: '", optarg, "'"));
        }
        break;
      case 'U': {
        summary_columns_given = true;
        std::string error;
        if (!SummarySink::ParseColumns(optarg, &options.summary_columns,
                                       &error)) {
          return Invalid(error);
        }
        break;
      }
      case 'O':
        if ((options.summary_overhead_ns = ParseDurationNs(optarg)) < 0) {
          return Invalid(absl::StrCat("invalid -O argument: '", optarg, "'"));
        }
        break;
      case 'w':
        options.summary_wall_clock = true;
        break;
      case 'x':
        ++x_count;
        break;
      case 'q':
        options.quiet = QuietSet::FromQCount(++q_count);
        options.quiet_given = true;
        break;
      case 'X': {
        static constexpr std::pair<absl::string_view, XlatStyle> kStyles[] = {
            {"raw", XlatStyle::kRaw},
            {"abbrev", XlatStyle::kAbbrev},
            {"verbose", XlatStyle::kVerbose}};
        const std::optional<XlatStyle> style = Lookup(kStyles, optarg);
        if (!style.has_value()) {
          return Invalid(absl::StrCat("invalid ",
                                      at_long ? "--const-print-style" : "-X",
                                      " argument: '", optarg, "'"));
        }
        options.xlat_style = *style;
        break;
      }
      case kStringsInHexOption: {
        static constexpr std::pair<absl::string_view, HexStrings> kStyles[] = {
            {"none", HexStrings::kNone},
            {"non-ascii-chars", HexStrings::kNonAsciiChars},
            {"non-ascii", HexStrings::kNonAscii},
            {"all", HexStrings::kAll}};
        const char* value = optarg == nullptr ? "all" : optarg;
        const std::optional<HexStrings> style = Lookup(kStyles, value);
        if (!style.has_value()) {
          return Invalid(
              absl::StrCat("invalid --strings-in-hex argument: '", value, "'"));
        }
        options.hex_strings = *style;
        strings_in_hex = true;
        break;
      }
      case kOutputSeparatelyOption:
        options.output_separately = true;
        break;
      case 'h':
        // As strace: -h prints help and exits at once, whatever follows.
        options.help = true;
        return options;
      case 'o':
        if (*optarg == '\0') return Invalid("invalid output file name ''");
        options.output_path = optarg;
        break;
      case 'p':
        if (absl::Status s = AddPids(optarg, &options.pids); !s.ok()) {
          return WithoutHint(s);
        }
        break;
      case 'r':
        relative = true;
        options.relative_digits = 6;
        break;
      case 't':
        ++t_count;
        break;
      case 'V':
        // Unlike -h, strace keeps parsing after -V and still reports errors.
        options.version = true;
        break;
      case kFormatOption:
        if (absl::Status s = ParseFormat(optarg, &options.format); !s.ok()) {
          return s;
        }
        break;
      case ':':  // a required argument is missing
        if (at_long) {
          return Invalid(absl::StrCat("option '--", LongNameOf(optopt),
                                      "' requires an argument"));
        }
        return Invalid(absl::StrCat("option requires an argument -- '",
                                    std::string(1, static_cast<char>(optopt)),
                                    "'"));
      case '?':
      default:
        if (at_long && optopt != 0) {  // e.g. --help=x
          return Invalid(absl::StrCat("option '--", LongNameOf(optopt),
                                      "' doesn't allow an argument"));
        }
        if (at_long) return BadLongOption(argv[scanned]);
        return Invalid(absl::StrCat("invalid option -- '",
                                    std::string(1, static_cast<char>(optopt)),
                                    "'"));
    }
  }

  // An absolute timestamp (-t... or --absolute-timestamps) leads; -r
  // with it prints in parentheses after it, as strace 6.1 does:
  //   18:31:20 (+     0.000160) +++ exited with 0 +++
  // More than three t's is -ttt, as in strace.
  if (t_count > 0 && absolute_long) {
    return Invalid(
        "-t and --absolute-timestamps cannot be provided "
        "simultaneously");
  }
  if (t_count >= 3) {
    options.timestamps = Timestamps::kEpochUs;
  } else if (t_count == 2) {
    options.timestamps = Timestamps::kTimeUs;
  } else if (t_count == 1) {
    options.timestamps = Timestamps::kTime;
  } else if (absolute_long && absolute_format != Timestamps::kNone) {
    options.timestamps = absolute_format;
    options.absolute_digits = absolute_digits;
  }
  if (options.timestamps != Timestamps::kNone) {
    options.relative_too = relative;
  } else if (relative) {
    options.timestamps = Timestamps::kRelative;
  }

  if (y_count > 0 && decode_fds_set) {
    return Invalid("-y and --decode-fds cannot be provided simultaneously");
  }
  if (x_count > 0) {
    if (strings_in_hex) {
      return Invalid(
          "-x and --strings-in-hex cannot be provided simultaneously");
    }
    options.hex_strings =
        x_count == 1 ? HexStrings::kNonAscii : HexStrings::kAll;
  }
  // strace refuses -c/-C with -ff (with or without -o), once it has a
  // command; remember -ff before -ff without -o becomes -f.
  const bool summary_and_separately =
      options.output_separately && options.summary != Summary::kNone;
  // strace: "-o !CMD" pipes into CMD as "-o |CMD" does.
  if (!options.output_path.empty() && options.output_path[0] == '!') {
    options.output_path[0] = '|';
  }
  // strace: -ff without -o is -f.
  if (options.output_path.empty()) options.output_separately = false;
  // strace refuses a pipe with -ff once it has a command (and after -c's
  // refusal).
  const bool pipe_and_separately =
      options.output_separately && options.output_path[0] == '|';
  constexpr char kPipeAndSeparately[] =
      "piping the output and -ff/--output-separately are mutually exclusive";
  if (options.output_separately) {
    if (options.format != OutputFormat::kText) {
      return Invalid("-ff writes text only (as strace): drop --format");
    }
  }

  // strace shows the calls it has no name for whatever -e trace= selects.
  // Not with none: strace then still stops at every call to see them;
  // ttrace does not stop at calls at all (thread events cost less).
  if (!options.trace_filter.none()) options.trace_filter.AddUnknown();
  options.trace_syscalls = !options.trace_filter.none();
  options.command.assign(argv + optind, argv + argc);
  if (!options.decode_path.empty()) {
    if (!options.command.empty()) {
      return Invalid("--decode takes no command");
    }
    if (options.decode_pids) {
      return Invalid("-Y needs a live trace: a recording has no command names");
    }
    if (options.pidns_translation) {
      return Invalid(
          "--pidns-translation needs a live trace: a recording keeps the ids "
          "it was made with");
    }
    if (options.binary_args_text) {
      return Invalid(
          "--binary-args is for recording: a recording is decoded as it was "
          "recorded");
    }
    if (pipe_and_separately) return Invalid(kPipeAndSeparately);
    return options;  // -p selects processes to show
  }
  // strace allows a command and -p together and traces both.
  if (options.command.empty() && options.pids.empty() && !options.version) {
    return Invalid("must have PROG [ARGS] or -p PID");
  }
  // strace -V prints the version whatever the checks below would say.
  if (options.version) return options;
  // strace: -w and -U need -c or -C (-S without them is only a warning:
  // see summary_sort_by_given).
  if (options.summary == Summary::kNone && options.summary_wall_clock) {
    return Invalid(
        "-w/--summary-wall-clock must be given with (-c/--summary-only or "
        "-C/--summary)");
  }
  if (options.summary == Summary::kNone && summary_columns_given) {
    return Invalid(
        "-U/--summary-columns must be given with (-c/--summary-only or "
        "-C/--summary)");
  }
  if (summary_and_separately) {
    return Invalid(
        "(-c/--summary-only or -C/--summary) and -ff/--output-separately are "
        "mutually exclusive");
  }
  if (pipe_and_separately) return Invalid(kPipeAndSeparately);
  if (options.command.empty() && options.daemonize != Options::Daemonize::kNo) {
    return Invalid("PROG [ARGS] must be specified with -D/--daemonize");
  }
  return options;
}

std::string UsageText() {
  return R"(Usage: ttrace [-AcCDfhiknqrtTvVwxyYzZ] [-b execve] [-I N] [-e EXPR]...
              [-o FILE] [-s N] [-a N] [-S SORTBY] [-U COLUMNS] [-O OVERHEAD]
              [--format=FORMAT]
              [--record=FILE] [--seccomp-bpf] [-p PID]... PROG [ARGS]
   or: ttrace [OPTIONS] -p PID... [PROG [ARGS]]
   or: ttrace [OPTIONS] [-E VAR=VAL]... [-u USER] PROG [ARGS]
   or: ttrace --decode=FILE [--format=FORMAT] [-e EXPR] [-p PID] [-o FILE]

Traces PROG (started under trace) and/or running processes (-p), and reports
their system calls and thread and process events: spawn, attach,
clone/fork, exec, signals, stops, continues, exits. Options end at PROG or
at "--".

Startup:
  -E VAR=VAL, --env=VAR=VAL
                 run PROG with VAR=VAL in its environment (-E VAR: without
                 VAR); may be repeated
  -u USER, --user=USER
                 run PROG with the user, group and supplementary group ids
                 of USER (ttrace itself stays as it is)
  -D, --daemonize[=grandchild]
                 PROG runs in ttrace's process (its pid and parent) and a
                 grandchild traces it; stopping that tracer detaches it
  -DD, --daemonize=pgroup
                 the same, the tracer in a new process group
  -DDD, --daemonize=session
                 the same, the tracer in a new session
  -p PID, --attach=PID
                 trace the process PID (all its threads); may be repeated,
                 and PID may be a list separated by commas or spaces

Tracing:
  -f, --follow-forks
                 follow forks, vforks and clones into new processes
                 (threads are always followed)
  -ff, --output-separately
                 with -o FILE: write each thread's trace to FILE.TID
                 (text only); without -o, the same as -f
  --seccomp-bpf  stop PROG only at the traced system calls (a seccomp-bpf
                 filter installed before its exec)
  -b execve, --detach-on=execve
                 stop tracing a process when it execs (the command's own
                 exec aside): it runs on untraced, with its children
  -I WHEN, --interruptible=WHEN
                 1, anywhere, 2, waiting (default): SIGINT, SIGTERM,
                 SIGHUP and SIGQUIT make ttrace detach from attached
                 processes; 3, never: they are blocked; 4, never_tstp:
                 SIGTSTP (^Z) too
  --kill-on-exit if ttrace is killed, kill the traced processes too (by
                 default they are detached by the kernel and go on)

Filtering:
  -P PATH, --trace-path=PATH
                 trace only system calls that touch PATH: a path argument
                 equal to it, or an fd argument open on it (may be repeated;
                 a symlink's target counts too)
  -e trace=SET   trace only these system calls: names, classes (%file,
                 %process, %network, %signal, %ipc, %desc, %memory, %creds,
                 %clock, ...), !SET, ?NAME, all, none (thread events only)
  -e signal=SET  report only these signals (e.g. !SIGCHLD), their
                 group-stops and "killed by" lines, as strace
  -e status=SET  report only syscalls that are successful, failed,
                 unfinished, ...
  -e read=SET, -e write=SET
                 dump (in hex) the data read from / written to these file
                 descriptors
  -e raw=SET, --raw=SET
                 print these system calls undecoded: arguments and result
                 in hex
  -e quiet=SET, --quiet[=SET]
                 leave out these lines: attach (attached, detached), exit
                 (exited with N), thread-execve (superseded by execve);
                 -q (--quiet) is attach, -qq also exit, -qqq all
  -z, -Z, --successful-only, --failed-only
                 report only successful (-z) or failed (-Z) syscalls
  Each -e QUALIFIER=SET above, and -e inject=/fault=/abbrev=/verbose=,
  can also be written --QUALIFIER=SET (--trace=%file, --signal=none).

Tampering:
  -e inject=SET:error=ERRNO[:when=WHEN], -e inject=SET:retval=N[:when=WHEN]
                 skip these syscalls and make them fail with ERRNO (ENOENT
                 or a number) or return N; WHEN is FIRST[..LAST][+[STEP]],
                 counting each thread's calls of each syscall from 1
                 (default: every call). Reported calls end in (INJECTED)
  -e inject=SET:signal=SIG, -e inject=SET:delay_enter=D, :delay_exit=D
                 deliver SIG as each of these syscalls starts; hold the
                 thread stopped D (a number with s, ms, us or ns;
                 microseconds without one) at its entry or after its exit
                 (other threads run on); may be combined with error= or
                 retval= and when=. Delayed calls end in (DELAYED)
  -e inject=SET:poke_enter=@argN=HEX[,@argN=HEX...], :poke_exit=...
                 write the bytes HEX (pairs of hex digits, up to 1024
                 bytes) where argument N (1..7) points, at the call's entry
                 (before it is shown) or at its exit; lines end in
                 (INJECTED: args)
  -e inject=SET:syscall=NAME:...
                 run NAME (a syscall without arguments, e.g. gettid)
                 instead; with error= or retval= its result is replaced
  -e fault=SET[:error=ERRNO][:when=WHEN]
                 the same as error=, failing with ENOSYS unless ERRNO is
                 given

Output:
  -o FILE, --output=FILE
                 write the trace to FILE instead of standard error
  -A, --output-append-mode
                 open -o FILE for appending instead of truncating it
  --format=FORMAT
                 text (default), json (JSON Lines), binary (compact, for
                 --decode) or perfetto (a timeline for ui.perfetto.dev)
  --record=FILE  also write the binary stream to FILE
  --binary-args=text
                 in the binary stream, every call's arguments as text (any
                 reader of the format shows them), not the memory of the
                 common calls (the default, memory: smaller, decoded only
                 by ttrace)
  --decode=FILE  print a recorded binary trace (FILE may be - for stdin)
  -s N           print at most N bytes of each string (default 32)
  -a N, --columns=N
                 align syscall results at column N (default 40; 0: none)
  -v, --no-abbrev, -e abbrev=none
                 print structures and arrays in full
  -e abbrev=SET, --abbrev=SET
                 print big structures and arrays of these system calls
                 abbreviated (default: all), the others' in full as -v
  -e verbose=SET, --verbose=SET
                 dereference structures, arrays and signal sets of these
                 system calls only (default: all); the others' print as
                 bare addresses
  -Y, --decode-pids=comm
                 print process ids with their command name, 1234<sleep>
                 (line prefixes, arguments, signals, results)
  --pidns-translation, --decode-pids=pidns
                 follow the process ids a tracee in another pid namespace
                 (a container) uses with ttrace's: 1 /* 10548 in ttrace's
                 PID NS */
  -e kvm=vcpu, --kvm=vcpu
                 after each successful KVM_RUN ioctl, the vcpu's exit
                 reason: = 0 (KVM_EXIT_IO)
  -y             print the paths of file descriptors
  -yy            ... and sockets' protocols and addresses, devices' numbers
                 and pidfds' processes
  -e decode-fds=SET, --decode-fds[=SET]
                 the same by parts: path, socket, dev, pidfd, all, none
                 (--decode-fds alone: path)
  -x             print strings that have non-ASCII bytes in hex
  -xx            print all strings in hex
  --strings-in-hex[=none|non-ascii-chars|non-ascii|all]
                 the same, or (non-ascii-chars) hex escapes instead of octal
  -X FORMAT, --const-print-style=FORMAT
                 how named constants and flags print: abbrev (default,
                 PROT_READ|PROT_WRITE), raw (the number, 0x3) or verbose
                 (both, 0x3 /* PROT_READ|PROT_WRITE */)
  -t             prefix each line with the time of day
  -tt            ... with microseconds
  -ttt           ... as seconds since the epoch, with microseconds
  --absolute-timestamps[=[format:]FORMAT[,[precision:]PRECISION]]
                 the same: FORMAT none, time (default) or unix; PRECISION
                 s (default), ms, us or ns
  -r, --relative-timestamps[=PRECISION]
                 prefix each line with the time since the previous one
                 (after an absolute time, in parentheses)
  -T, --syscall-times[=PRECISION]
                 show the time spent in each system call
  -n, --syscall-number
                 print each system call's number (other lines: the
                 thread's last one)
  -i, --instruction-pointer
                 print the instruction pointer at each system call and
                 signal
  -k, --stack-traces
                 print the call stack of each system call (x86_64
                 programs; from .eh_frame and symbol tables)
  -c             count time, calls and errors per system call; print only
                 the summary (with -f, a second table per thread follows)
  -C             like -c, and print the trace too
  -S SORTBY, --summary-sort-by=SORTBY
                 order of the -c table: time (default), min-time, max-time,
                 avg-time, calls, errors, name, nothing
  -U COLUMNS, --summary-columns=COLUMNS
                 columns of the -c table, in order: time-percent,
                 total-time, min-time, max-time, avg-time, calls, errors,
                 name (name is added last unless listed)
  -O OVERHEAD, --summary-syscall-overhead=OVERHEAD
                 take OVERHEAD off each call's time in the -c table (a
                 number with s, ms, us or ns; default unit us)
  -w, --summary-wall-clock
                 -c sums the wall-clock time in calls (by default: the
                 system CPU time the process used in them, as strace)

Miscellaneous:
  -h, --help     print this help and exit
  -V, --version  print the version and exit

Exit status:
  the command's exit status; when it was killed by signal N, ttrace kills
  itself with signal N too (a shell shows 128+N)
  (0 when only -p processes were traced and they exited; detached on
  SIGINT, SIGTERM, SIGHUP or SIGQUIT, ttrace dies of that signal: 128+N)
  2    usage error (bad option or filter)
  3    no such process (-p)
  4    permission denied attaching (-p)
  5    cannot write the output
  6    --decode: the recorded trace is truncated (printed up to the cut)
  7    --decode: the recorded trace is corrupt
  8    --decode: the recorded trace cannot be opened or read
  126  the command cannot be executed
  127  the command was not found

Examples:
  ttrace -f -- ./server
  ttrace -p 1234 -o trace.txt
  ttrace --format=json -f -- make
  ttrace -f -e trace=%process,%signal -- sh -c 'ls | wc'
)";
}

bool WantsUsageHint(const absl::Status& error) {
  return !error.GetPayload(kNoHint).has_value();
}

}  // namespace ttrace
