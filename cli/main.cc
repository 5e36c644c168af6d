// ttrace: trace a command or attach to processes; print syscalls and thread
// events. See `ttrace -h` and README.md.
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "cli/exit_codes.h"
#include "cli/filter_sink.h"
#include "cli/options.h"
#include "cli/syscall_knowledge.h"
#include "output/binary_decoder.h"
#include "output/binary_encoder.h"
#include "output/fd_writer.h"
#include "output/json_formatter.h"
#include "output/perfetto_formatter.h"
#include "output/summary.h"
#include "output/text_formatter.h"
#include "output/thread_files.h"
#include "tracer/clock.h"
#include "tracer/syscalls/capture.h"
#include "tracer/syscalls/memory.h"
#include "tracer/syscalls/pidns.h"
#include "tracer/syscalls/seccomp_filter.h"
#include "tracer/tracer.h"
#include "tracer/unwind/unwinder.h"

namespace ttrace {
namespace {

constexpr char kVersion[] = "ttrace 0.1.0";

// While events arrive back to back they are batched; while ttrace waits, a
// periodic timer (armed when there is something to write or a syscall in
// progress, disarmed once everything is out) wakes the wait loop to flush
// within this time.
constexpr int kFlushIntervalUs = 5000;

// State shared with signal handlers. Only async-signal-safe work happens in
// the handlers themselves: flags, Tracer::Wake/RequestDetach, kill,
// setitimer.
Tracer* g_tracer = nullptr;
volatile sig_atomic_t g_spawned = 0;  // pid of the spawned command, if any
volatile sig_atomic_t g_timer_armed = 0;

void ArmTimer(bool on) {
  itimerval it{};
  if (on) it.it_value.tv_usec = it.it_interval.tv_usec = kFlushIntervalUs;
  setitimer(ITIMER_REAL, &it, nullptr);
  g_timer_armed = on;
}

void OnAlarm(int) {
  if (g_tracer) g_tracer->Wake();
}

// Set when SIGINT, SIGTERM, SIGHUP or SIGQUIT asks to detach: a write
// blocked on an output nobody reads is then given up (the timer's SIGALRM
// interrupts it within kFlushIntervalUs), so that the detach can happen.
volatile sig_atomic_t g_detach_requested = 0;
// The signal that asked for it: once detached, ttrace dies of it, as
// strace does (status 128+N to a shell), so that a script's loop or a
// service manager sees the interruption.
volatile sig_atomic_t g_detach_signal = 0;

// SIGINT, SIGTERM, SIGHUP, SIGQUIT.
void OnTerminate(int sig, siginfo_t* info, void*) {
  if (g_spawned > 0) {
    // Running a command: it gets the terminal's signals itself (same
    // process group); one sent to ttrace by a process is passed on, and
    // tracing goes on until the command ends.
    if (info->si_code == SI_USER || info->si_code == SI_QUEUE) {
      kill(static_cast<pid_t>(g_spawned), sig);
    }
    return;
  }
  g_detach_requested = 1;
  if (g_detach_signal == 0) g_detach_signal = sig;
  if (g_tracer) g_tracer->RequestDetach();
  // The wake can land between the loop's check and its blocking wait;
  // the periodic timer repeats it until the loop has seen it.
  if (!g_timer_armed) ArmTimer(true);
}

void OnPipe(int) {}  // writes then fail with EPIPE, handled as output errors

void Install(int sig, void (*handler)(int)) {
  struct sigaction sa {};
  sa.sa_handler = handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: the wait must be interrupted
  sigaction(sig, &sa, nullptr);
}

void InstallInfo(int sig, void (*handler)(int, siginfo_t*, void*)) {
  struct sigaction sa {};
  sa.sa_sigaction = handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_SIGINFO;
  sigaction(sig, &sa, nullptr);
}

// Ends ttrace by the signal that killed the command, as strace does, so
// that a shell or service manager sees the same death ("Segmentation
// fault", WIFSIGNALED) as without ttrace. No core file of ttrace itself:
// the command dumped its own if it was going to. Returns only if `sig`
// did not end the process (it cannot be caught, blocked or ignored here,
// but a stop signal does not kill).
void DieOf(int sig) {
  fflush(nullptr);
  struct rlimit no_core {};
  setrlimit(RLIMIT_CORE, &no_core);
  signal(sig, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  sigprocmask(SIG_UNBLOCK, &set, nullptr);
  raise(sig);
}

int Fail(int code, const std::string& message) {
  fprintf(stderr, "ttrace: %s\n", message.c_str());
  return code;
}

TextOptions::Timestamps ToTextTimestamps(Timestamps t) {
  switch (t) {
    case Timestamps::kNone:
      return TextOptions::Timestamps::kNone;
    case Timestamps::kTime:
      return TextOptions::Timestamps::kTime;
    case Timestamps::kTimeUs:
      return TextOptions::Timestamps::kTimeUs;
    case Timestamps::kEpochUs:
      return TextOptions::Timestamps::kEpochUs;
    case Timestamps::kRelative:
      return TextOptions::Timestamps::kRelative;
  }
  return TextOptions::Timestamps::kNone;
}

// -u USER: USER's uid, gid and supplementary groups, from the user
// database (strace takes names only, and so does ttrace).
absl::StatusOr<SpawnOptions::Credentials> LookUpUser(const std::string& name) {
  struct passwd pw;
  struct passwd* found = nullptr;
  std::vector<char> buf(16384);
  getpwnam_r(name.c_str(), &pw, buf.data(), buf.size(), &found);
  if (found == nullptr) {
    return absl::NotFoundError(absl::StrCat("Cannot find user '", name, "'"));
  }
  SpawnOptions::Credentials c{.uid = pw.pw_uid, .gid = pw.pw_gid};
  int n = 32;
  c.groups.resize(n);
  while (getgrouplist(name.c_str(), pw.pw_gid, c.groups.data(), &n) < 0) {
    c.groups.resize(
        n > static_cast<int>(c.groups.size()) ? n : 2 * c.groups.size());
    n = static_cast<int>(c.groups.size());
  }
  c.groups.resize(n);
  return c;
}

// -P: the paths as given, and where they lead when that differs (strace
// also resolves them: "-P /tmp/link" matches calls on its target).
std::vector<std::string> TracePaths(const std::vector<std::string>& given) {
  std::vector<std::string> paths = given;
  for (const std::string& p : given) {
    char* real = realpath(p.c_str(), nullptr);
    if (real != nullptr && p != real) paths.push_back(real);
    free(real);
  }
  return paths;
}

// Where -o (or --record) writes: a file, "-" for standard output, "|CMD"
// for a command's standard input (as strace), or standard error.
struct Output {
  int fd = -1;
  pid_t command = 0;  // the "|CMD" process, waited for at the end
};

absl::StatusOr<Output> OpenOutput(const std::string& path,
                                  bool append = false) {
  Output out;
  if (path.empty()) {
    out.fd = STDERR_FILENO;
  } else if (path == "-") {
    out.fd = STDOUT_FILENO;
  } else if (path[0] == '|') {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
      return absl::UnavailableError(absl::StrCat("pipe: ", strerror(errno)));
    }
    out.command = fork();
    if (out.command < 0) {
      return absl::UnavailableError(absl::StrCat("fork: ", strerror(errno)));
    }
    if (out.command == 0) {
      dup2(fds[0], STDIN_FILENO);
      execl("/bin/sh", "sh", "-c", path.c_str() + 1, nullptr);
      _exit(127);
    }
    close(fds[0]);
    out.fd = fds[1];
  } else {
    out.fd = open(
        path.c_str(),
        O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0644);
    if (out.fd < 0) {
      return absl::UnavailableError(absl::StrCat("cannot open output file '",
                                                 path, "': ", strerror(errno)));
    }
  }
  return out;
}

bool IsStdStream(int fd) { return fd == STDOUT_FILENO || fd == STDERR_FILENO; }

TextOptions TextOptionsFor(const Options& opt) {
  // As strace: with -o FILE, and -f or several processes, every line
  // starts with its pid.
  const bool pid_on_every_line =
      !opt.output_path.empty() && (opt.follow_forks || opt.pids.size() > 1);
  TextOptions text{
      .timestamps = ToTextTimestamps(opt.timestamps),
      .timestamp_digits = opt.absolute_digits,
      .relative_too = opt.relative_too,
      .relative_digits = opt.relative_digits,
      .show_duration = opt.show_duration,
      .duration_digits = opt.duration_digits,
      .result_column = static_cast<size_t>(
          opt.result_column > 0 ? opt.result_column - 1 : 0),
      .pid_prefix = pid_on_every_line ? TextOptions::PidPrefix::kAlways
                                      : TextOptions::PidPrefix::kWhenSeveral,
      .quiet = {.attach = opt.quiet.Quiet(QuietSet::kAttach),
                .exit = opt.quiet.Quiet(QuietSet::kExit),
                .thread_execve = opt.quiet.Quiet(QuietSet::kThreadExecve),
                .personality = opt.quiet.Quiet(QuietSet::kPersonality) ||
                               (!opt.quiet_given && !opt.output_path.empty())},
      .syscall_numbers = opt.syscall_numbers,
      .instruction_pointers = opt.instruction_pointers,
      .xlat_style = opt.xlat_style};
  // -Y: names read when each line is printed, as strace reads them.
  if (opt.decode_pids) text.comm_of = ReadProcCommSeenBy;
  if (opt.pidns_translation) {
    text.translate_pid = [](pid_t seen_by, pid_t pid, pid_t* ours) {
      return TranslatePid(seen_by, pid, IdKind::kPid, ours);
    };
  }
  if (!opt.signal_filter.all()) {
    text.quiet.killed_by = [set = opt.signal_filter](int signo) {
      return !set.Contains(signo);
    };
  }
  return text;
}

// The decoding options captured calls need (the rest are at their
// defaults where calls are captured: CaptureAllowed), as the binary
// header keeps them, and back.
BinaryHeader::CaptureSettings CaptureSettingsOf(const DecodeOptions& o) {
  return {.string_limit = o.string_limit,
          .verbose = o.verbose,
          .hex_strings = static_cast<uint8_t>(o.hex_strings),
          .xlat_style = static_cast<uint8_t>(o.xlat_style)};
}
DecodeOptions DecodeOptionsOf(const BinaryHeader::CaptureSettings& c) {
  return {.string_limit = static_cast<size_t>(c.string_limit),
          .verbose = c.verbose,
          .hex_strings = static_cast<HexStrings>(c.hex_strings),
          .xlat_style = static_cast<XlatStyle>(c.xlat_style)};
}

// -c, -C: the summary's table, as -S, -U and -O set it. Null without.
std::unique_ptr<SummarySink> MakeSummary(const Options& opt) {
  if (opt.summary == Summary::kNone) return nullptr;
  auto summary =
      std::make_unique<SummarySink>(opt.follow_forks, opt.summary_sort_by);
  if (!opt.summary_columns.empty()) summary->set_columns(opt.summary_columns);
  summary->set_overhead_ns(opt.summary_overhead_ns);
  summary->set_wall_clock(opt.summary_wall_clock);
  return summary;
}

// The formatter for --format (not for -c alone). With -ff, the files
// OUTPUT.TID instead of `out`.
std::unique_ptr<EventSink> MakeFormatter(const Options& opt, ByteSink* out,
                                         const BinaryHeader& header) {
  switch (opt.format) {
    case OutputFormat::kJson:
      return std::make_unique<JsonFormatter>(out);
    case OutputFormat::kBinary:
      return std::make_unique<BinaryEncoder>(out, header);
    case OutputFormat::kPerfetto:
      return std::make_unique<PerfettoFormatter>(out);
    case OutputFormat::kText:
      break;
  }
  if (opt.output_separately) {
    TextOptions per_thread = TextOptionsFor(opt);
    return std::make_unique<ThreadFilesSink>(
        opt.output_path, opt.append_output,
        [per_thread](ByteSink* file, pid_t tid, uint32_t arch) {
          TextOptions o = per_thread;
          o.thread = tid;
          o.thread_arch = arch;
          return std::make_unique<TextFormatter>(file, o);
        });
  }
  return std::make_unique<TextFormatter>(out, TextOptionsFor(opt));
}

// Where -o goes, unless -ff puts it in files of their own: then standard
// error (-c's summary still goes there, as strace's does).
std::string MainOutputPath(const Options& opt) {
  return opt.output_separately ? std::string() : opt.output_path;
}

// Ends a formatter's output: the binary end record, the Perfetto closing
// bracket; then flushes.
absl::Status Finish(EventSink* formatter) {
  if (auto* b = dynamic_cast<BinaryEncoder*>(formatter)) return b->Finish();
  if (auto* p = dynamic_cast<PerfettoFormatter*>(formatter)) {
    return p->Finish();
  }
  if (auto* f = dynamic_cast<ThreadFilesSink*>(formatter)) return f->Close();

  return formatter->Flush();
}

// --decode FILE: prints a recorded trace in any format, with the same
// filters as live tracing.
int Decode(const Options& opt) {
  int in = STDIN_FILENO;
  if (opt.decode_path != "-") {
    in = open(opt.decode_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) {
      return Fail(kExitTraceUnreadable,
                  absl::StrCat("cannot open '", opt.decode_path,
                               "': ", strerror(errno)));
    }
  }
  absl::StatusOr<Output> o = OpenOutput(MainOutputPath(opt), opt.append_output);
  if (!o.ok()) return Fail(kExitOutput, std::string(o.status().message()));
  // Decoded text goes to standard output unless -o says otherwise.
  const int fd = MainOutputPath(opt).empty() ? STDOUT_FILENO : o->fd;
  FdWriter out(fd, /*owns_fd=*/!IsStdStream(fd));
  BinaryHeader header;
  header.ttrace_version = kVersion;
  std::unique_ptr<EventSink> formatter = MakeFormatter(opt, &out, header);
  std::unique_ptr<SummarySink> summary = MakeSummary(opt);
  std::vector<EventSink*> sinks;
  if (opt.summary != Summary::kOnly) sinks.push_back(formatter.get());
  if (summary) sinks.push_back(summary.get());
  FanOutSink fan(sinks);
  FilterSink filter(FilterSink::Filters{.signals = opt.signal_filter,
                                        .status = opt.status_filter,
                                        .syscalls = &opt.trace_filter,
                                        .pids = opt.pids,
                                        .quiet = TextOptionsFor(opt).quiet},
                    &fan);
  // Captured calls are rendered with the options they were recorded
  // under (every format, binary too: its header has no such options).
  RenderingSink rendering(&filter);
  absl::Status decoded =
      DecodeStream(in, &rendering, nullptr, [&](const BinaryHeader& h) {
        if (h.capture) rendering.set_options(DecodeOptionsOf(*h.capture));
      });
  if (in != STDIN_FILENO) close(in);
  if (summary) summary->Print(&out);
  absl::Status written =
      opt.summary != Summary::kOnly ? Finish(formatter.get()) : out.Flush();
  if (!written.ok()) written = out.Flush();
  if (!written.ok()) return Fail(kExitOutput, std::string(written.message()));
  if (absl::IsDataLoss(decoded)) {
    // Everything up to the cut was printed: a warning, not garbage.
    return Fail(kExitTruncatedTrace, absl::StrCat("warning: ", opt.decode_path,
                                                  ": ", decoded.message()));
  }
  if (absl::IsUnavailable(decoded)) {
    // A read error (a directory, a closed standard input, EIO) says nothing
    // of the trace itself: not "corrupt".
    return Fail(kExitTraceUnreadable,
                absl::StrCat(opt.decode_path, ": ", decoded.message()));
  }
  if (!decoded.ok()) {
    return Fail(kExitCorruptTrace,
                absl::StrCat(opt.decode_path, ": ", decoded.message()));
  }
  return 0;
}

int Main(int argc, char** argv) {
  // Under `bazel run`, relative paths (the command, -o FILE) mean what they
  // mean in the user's shell.
  if (const char* dir = getenv("BUILD_WORKING_DIRECTORY")) {
    if (chdir(dir) != 0) {
      return Fail(kExitFailure, absl::StrCat("chdir: ", dir));
    }
  }
  absl::StatusOr<Options> parsed = ParseOptions(argc, argv);
  if (!parsed.ok()) {
    fprintf(stderr, "ttrace: %s\n",
            std::string(parsed.status().message()).c_str());
    if (WantsUsageHint(parsed.status())) {
      fputs("Try 'ttrace -h' for more information.\n", stderr);
    }
    return kExitUsage;
  }
  Options& opt = *parsed;
  if (opt.summary_sort_by_given && opt.summary == Summary::kNone && !opt.help &&
      !opt.version) {
    // As strace: said, then ignored.
    fprintf(stderr,
            "ttrace: -S/--summary-sort-by has no effect without "
            "(-c/--summary-only or -C/--summary)\n");
  }
  if (opt.stack_traces && opt.summary == Summary::kOnly) {
    // As strace: said, then ignored.
    fprintf(stderr,
            "ttrace: -k/--stack-traces has no effect with "
            "-c/--summary-only\n");
    opt.stack_traces = false;
  }
  if (opt.help) {
    fputs(UsageText().c_str(), stdout);
    return 0;
  }
  if (opt.version) {
    printf("%s\n", kVersion);
    return 0;
  }
  Install(SIGPIPE, OnPipe);
  if (!opt.decode_path.empty()) return Decode(opt);
  SpawnOptions spawn{.env = opt.env};
  switch (opt.daemonize) {
    case Options::Daemonize::kNo:
      break;
    case Options::Daemonize::kGrandchild:
      spawn.daemonize = SpawnOptions::Daemonize::kGrandchild;
      break;
    case Options::Daemonize::kProcessGroup:
      spawn.daemonize = SpawnOptions::Daemonize::kProcessGroup;
      break;
    case Options::Daemonize::kSession:
      spawn.daemonize = SpawnOptions::Daemonize::kSession;
      break;
  }
  if (!opt.user.empty() && !opt.command.empty()) {
    absl::StatusOr<SpawnOptions::Credentials> user = LookUpUser(opt.user);
    if (!user.ok())
      return Fail(kExitUsage, std::string(user.status().message()));
    spawn.user = *std::move(user);
  }

  absl::StatusOr<Output> o = OpenOutput(MainOutputPath(opt), opt.append_output);
  if (!o.ok()) return Fail(kExitOutput, std::string(o.status().message()));
  FdWriter out(o->fd, /*owns_fd=*/!IsStdStream(o->fd));
  std::optional<Output> rec_file;
  std::unique_ptr<FdWriter> rec_out;
  if (!opt.record_path.empty()) {
    absl::StatusOr<Output> r = OpenOutput(opt.record_path);
    if (!r.ok()) return Fail(kExitOutput, std::string(r.status().message()));
    rec_file = *r;
    rec_out = std::make_unique<FdWriter>(r->fd, !IsStdStream(r->fd));
  }

  const DecodeOptions decode_options{
      .string_limit = static_cast<size_t>(opt.string_limit),
      .fd_paths = opt.decode_fds,
      .fd_sockets = opt.fd_sockets,
      .fd_devices = opt.fd_devices,
      .fd_pidfds = opt.fd_pidfds,
      .hex_strings = opt.hex_strings,
      .xlat_style = opt.xlat_style,
      .decode_pids = opt.decode_pids,
      .pidns_translation = opt.pidns_translation,
      .kvm_vcpu = opt.kvm_vcpu,
      .trace_paths = TracePaths(opt.trace_paths),
      .raw = opt.raw_filter,
      .abbrev_set = opt.abbrev_filter,
      .verbose_set = opt.verbose_filter,
      .dump_read = opt.dump_read,
      .dump_write = opt.dump_write};
  // The common calls are captured, not decoded, where nothing but tracee
  // memory is read (tracer/syscalls/capture.h): the binary stream keeps
  // the captures, the other formats render them (RenderingSink). Not with
  // --binary-args=text.
  const bool capture = opt.trace_syscalls && opt.inject.empty() &&
                       !opt.binary_args_text && CaptureAllowed(decode_options);

  EventClock clock;
  BinaryHeader header;
  FillHostInfo(&header);
  header.monotonic_start_ns = clock.mono_start_ns();
  header.wall_start_ns = clock.wall_start_ns();
  header.ttrace_version = kVersion;
  header.command_line.assign(argv, argv + argc);
  if (capture) header.capture = CaptureSettingsOf(decode_options);

  // Sinks: [filters -> formatter], summary, binary record.
  std::unique_ptr<EventSink> formatter = MakeFormatter(opt, &out, header);
  auto* files = dynamic_cast<ThreadFilesSink*>(formatter.get());  // -ff
  FilterSink filter(FilterSink::Filters{.signals = opt.signal_filter,
                                        .status = opt.status_filter,
                                        .quiet = TextOptionsFor(opt).quiet},
                    formatter.get());
  std::unique_ptr<SummarySink> summary = MakeSummary(opt);
  std::unique_ptr<BinaryEncoder> recorder;
  if (rec_out)
    recorder = std::make_unique<BinaryEncoder>(rec_out.get(), header);
  std::vector<EventSink*> sinks;
  std::unique_ptr<RenderingSink> rendering;
  if (opt.summary != Summary::kOnly) {
    EventSink* shown = filter.PassesEverything() ? formatter.get() : &filter;
    if (capture && opt.format != OutputFormat::kBinary) {
      rendering = std::make_unique<RenderingSink>(shown, decode_options);
      shown = rendering.get();
    }
    sinks.push_back(shown);
  }
  if (summary) sinks.push_back(summary.get());
  if (recorder) sinks.push_back(recorder.get());
  FanOutSink fan(sinks);
  EventSink* sink = sinks.size() == 1 ? sinks[0] : &fan;

  // Syscalls, and whether a seccomp-bpf filter stops the command only at
  // traced ones: on request, or by default where it cannot change what the
  // program does (README.md, "seccomp-bpf").
  std::unique_ptr<SyscallKnowledge> knowledge;
  std::unique_ptr<unwind::Unwinder> unwinder;
  TracerOptions topt{
      .follow_forks = opt.follow_forks,
      .kill_on_exit = opt.kill_on_exit,
      .instruction_pointers = opt.instruction_pointers,
      .detach_on_exec = opt.detach_on_exec,
      // -c's times, as strace's (not with -w).
      .system_times = opt.summary != Summary::kNone && !opt.summary_wall_clock};
  // Every format shows a long blocking call once it starts (text as strace:
  // its line up to the arguments, ended at the exit unless another line
  // comes in between). Text leaves clone's and execve's to their exit, so
  // that their own events do not cut their lines only when they are slow.
  if (opt.format == OutputFormat::kText) {
    topt.announce_calls_with_events = false;
  }
  // -k: syscalls' stacks, and signals' and stops' (with -e trace=none too).
  if (opt.stack_traces) {
    unwinder = std::make_unique<unwind::Unwinder>();
    topt.stacks = unwinder.get();
  }
  // Text output never shows thread names: skip reading them at each exit.
  topt.names_at_exit = opt.format != OutputFormat::kText ||
                       recorder != nullptr || opt.decode_pids;
  bool seccomp = false;
  // -y's si_fd in signal lines needs the decoder with -e trace=none too.
  if (opt.trace_syscalls || decode_options.any_fd_info()) {
    knowledge = std::make_unique<SyscallKnowledge>(opt.trace_filter,
                                                   decode_options, capture);
    topt.fd_info = knowledge.get();
  }
  if (opt.trace_syscalls) {
    topt.syscalls = knowledge.get();
    if (!opt.inject.empty()) topt.inject = &opt.inject;
    topt.warn = [](const std::string& message) {
      fprintf(stderr, "ttrace: %s\n", message.c_str());
    };
    // Not with -b execve: a program detached at its exec keeps the filter,
    // and the kernel then fails its traced calls with ENOSYS.
    if (opt.seccomp_bpf && opt.detach_on_exec) {
      fprintf(stderr,
              "ttrace: --seccomp-bpf is ignored with -b execve (a detached "
              "program keeps the filter)\n");
    }
    // Nor by default with -e inject's signal=: a seccomp stop cannot
    // deliver a signal, which then waits for the call's exit (a blocking
    // call would not be interrupted, as it is under strace).
    const bool wanted =
        !opt.detach_on_exec &&
        (opt.seccomp_bpf || (opt.follow_forks && !SeccompNeedsNoNewPrivs() &&
                             !opt.inject.has_signals()));
    if (!opt.command.empty() && wanted && SeccompUsable(opt.trace_filter)) {
      absl::StatusOr<std::vector<sock_filter>> prog =
          BuildSeccompFilter(opt.trace_filter);
      if (!prog.ok()) {
        return Fail(kExitFailure, std::string(prog.status().message()));
      }
      topt.seccomp_program = *std::move(prog);
      seccomp = true;
    }
  }
  Tracer tracer(topt, sink);

  // SIGINT, SIGTERM, SIGHUP and SIGQUIT wait while ttrace starts the
  // command and attaches (as strace blocks them in its startup_attach): one
  // that comes meanwhile is acted on once the handlers below can (the
  // command gets it passed on; attached processes are detached from, every
  // thread of them), instead of killing ttrace half-way or, when its caller
  // left the signal ignored (`ttrace -p PID &` in a script), being lost.
  // The command starts with no signal blocked (Spawn clears its mask).
  sigset_t fatal, before;
  sigemptyset(&fatal);
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&fatal, sig);
  sigprocmask(SIG_BLOCK, &fatal, &before);

  if (!opt.command.empty()) {
    absl::Status s = tracer.Spawn(opt.command, spawn);
    if (!s.ok()) {
      const int code = s.code() == absl::StatusCode::kNotFound ? kExitNotFound
                       : s.code() == absl::StatusCode::kPermissionDenied
                           ? kExitNotExecutable
                           : kExitFailure;
      return Fail(code, std::string(s.message()));
    }
  }
  int attach_failure = 0;
  int attached = 0;
  for (pid_t pid : opt.pids) {
    absl::Status s = tracer.Attach(pid);
    if (!s.ok()) {
      Fail(0, std::string(s.message()));
      if (attach_failure == 0) {
        attach_failure =
            s.code() == absl::StatusCode::kNotFound ? kExitNoSuchProcess
            : s.code() == absl::StatusCode::kPermissionDenied
                ? kExitPermissionDenied
            : s.code() == absl::StatusCode::kInvalidArgument ? kExitUsage
                                                             : kExitFailure;
      }
    } else {
      ++attached;
    }
  }
  if (opt.command.empty() && attached == 0) return attach_failure;

  // From here on, signals are ours to handle.
  g_tracer = &tracer;
  // -D: the command is not ttrace's child but the caller's; like an
  // attached process, it is left alone (detached) when ttrace is stopped.
  g_spawned =
      opt.daemonize == Options::Daemonize::kNo ? tracer.spawned_pid() : 0;
  Install(SIGALRM, OnAlarm);
  if (opt.interruptible >= Options::Interruptible::kNever) {
    // -I never: the fatal signals cannot stop or detach ttrace (SIGKILL
    // still can: the kernel then detaches everything).
    sigset_t blocked;
    sigemptyset(&blocked);
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&blocked, sig);
    if (opt.interruptible == Options::Interruptible::kNeverTstp) {
      sigaddset(&blocked, SIGTSTP);
    }
    sigprocmask(SIG_BLOCK, &blocked, nullptr);
  } else {
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
      InstallInfo(sig, OnTerminate);
    }
    sigprocmask(SIG_SETMASK, &before, nullptr);
  }

  bool output_failed = false;
  auto give_up = [] { return g_detach_requested != 0; };
  out.set_give_up_on_interrupt(give_up);
  if (rec_out) rec_out->set_give_up_on_interrupt(give_up);
  auto arm = [] {
    if (!g_timer_armed) ArmTimer(true);
  };
  out.set_on_first_byte(arm);
  if (rec_out) rec_out->set_on_first_byte(arm);
  if (files) files->set_on_first_byte(arm);
  tracer.set_on_syscall_pending(arm);
  auto buffers_empty = [&] {
    return out.empty() && (!rec_out || rec_out->empty()) &&
           (!files || files->empty());
  };
  // Spawn and Attach may have buffered events already.
  if (!buffers_empty()) arm();
  // Output errors are reported unless they are standard error's own.
  const bool report_errors = files != nullptr || !IsStdStream(o->fd);
  // On each tick: while events keep coming, the buffers fill and are
  // written in large batches on their own; once a tick passes with nothing
  // new (ttrace is waiting), or after kMaxBufferedNs, they are flushed.
  constexpr int64_t kMaxBufferedNs = 200'000'000;
  uint64_t seen_appends = 0;
  int64_t last_flush_ns = clock.NowNs();
  tracer.set_on_interrupt([&] {
    const uint64_t appends = out.appends() +
                             (rec_out ? rec_out->appends() : 0) +
                             (files ? files->appends() : 0);
    const int64_t now = clock.NowNs();
    const bool flowing = appends != seen_appends;
    seen_appends = appends;
    if (!output_failed && (!flowing || now - last_flush_ns >= kMaxBufferedNs)) {
      last_flush_ns = now;
      absl::Status s = sink->Flush();
      if (!s.ok()) {
        output_failed = true;
        if (report_errors) Fail(0, std::string(s.message()));
        // A command under a seccomp filter must stay traced: without a
        // tracer its traced syscalls would fail with ENOSYS. It is traced
        // to its end with nothing written.
        if (!seccomp) {
          tracer.RequestDetach();
          ArmTimer(true);  // keep waking until the detach is seen
          return;
        }
      }
    }
    const bool idle = buffers_empty() && !tracer.HasUnreportedSyscalls();
    if (idle && g_timer_armed) ArmTimer(false);
  });

  absl::StatusOr<RunResult> result = tracer.Run();
  g_tracer = nullptr;
  // After a detach request, the timer's SIGALRM goes on interrupting the
  // last writes too: one blocked on a reader who does not read is given up.
  if (!g_detach_requested) ArmTimer(false);
  if (summary) summary->Print(&out);
  absl::Status flushed =
      opt.summary != Summary::kOnly ? Finish(formatter.get()) : out.Flush();
  if (flushed.ok()) flushed = out.Flush();
  if (recorder) flushed.Update(recorder->Finish());
  ArmTimer(false);
  if (!flushed.ok() && !output_failed) {
    output_failed = true;
    if (report_errors) Fail(0, std::string(flushed.message()));
  }
  // Close the pipes to "|CMD" outputs and wait for the commands.
  // (Their close errors add nothing: a failed write was reported already.)
  if (o->command > 0) {
    out.Close().IgnoreError();
    waitpid(o->command, nullptr, 0);
  }
  if (rec_file && rec_file->command > 0) {
    rec_out->Close().IgnoreError();
    waitpid(rec_file->command, nullptr, 0);
  }
  if (!result.ok()) {
    const absl::Status& s = result.status();
    const int code = s.code() == absl::StatusCode::kNotFound ? kExitNotFound
                     : s.code() == absl::StatusCode::kPermissionDenied
                         ? kExitNotExecutable
                         : kExitFailure;
    return Fail(code, std::string(s.message()));
  }
  if (output_failed) return kExitOutput;
  // Attached (or -D): detached on a signal, ttrace ends by it. (Running a
  // command, the signal went to the command, whose end decides.)
  if (g_detach_signal != 0 &&
      (opt.command.empty() || opt.daemonize != Options::Daemonize::kNo)) {
    DieOf(g_detach_signal);
  }
  if (!opt.command.empty()) {
    if (result->killed_by != 0 && opt.daemonize == Options::Daemonize::kNo) {
      DieOf(result->killed_by);
    }
    return result->exit_status;
  }
  return attach_failure;
}

}  // namespace
}  // namespace ttrace

int main(int argc, char** argv) { return ttrace::Main(argc, argv); }
