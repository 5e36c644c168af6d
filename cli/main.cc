// ttrace: trace a command or attach to processes; print thread events.
// See `ttrace -h` and README.md.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "cli/exit_codes.h"
#include "cli/options.h"
#include "output/fd_writer.h"
#include "output/json_formatter.h"
#include "output/text_formatter.h"
#include "tracer/tracer.h"

namespace ttrace {
namespace {

constexpr char kVersion[] = "ttrace 0.1.0";

// While events arrive back to back they are batched; while ttrace waits, a
// periodic timer (armed when the buffer stops being empty, disarmed once it
// is flushed) wakes the wait loop to flush within this time.
constexpr int kFlushIntervalUs = 5000;

// State shared with signal handlers. Only async-signal-safe work happens in
// the handlers themselves: flags, Tracer::Wake/RequestDetach, kill, setitimer.
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

int Fail(int code, const std::string& message) {
  fprintf(stderr, "ttrace: %s\n", message.c_str());
  return code;
}

int ExitCodeFor(const absl::Status& s) {
  switch (s.code()) {
    case absl::StatusCode::kNotFound:
      return kExitNoSuchProcess;
    case absl::StatusCode::kPermissionDenied:
      return kExitPermissionDenied;
    case absl::StatusCode::kInvalidArgument:
      return kExitUsage;
    default:
      return kExitFailure;
  }
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

int Main(int argc, char** argv) {
  // Under `bazel run`, relative paths (the command, -o FILE) mean what they
  // mean in the user's shell.
  if (const char* dir = getenv("BUILD_WORKING_DIRECTORY")) {
    if (chdir(dir) != 0)
      return Fail(kExitFailure, absl::StrCat("chdir: ", dir));
  }
  absl::StatusOr<Options> parsed = ParseOptions(argc, argv);
  if (!parsed.ok()) {
    fprintf(stderr, "ttrace: %s\nTry 'ttrace -h' for more information.\n",
            std::string(parsed.status().message()).c_str());
    return kExitUsage;
  }
  const Options& opt = *parsed;
  if (opt.help) {
    fputs(UsageText().c_str(), stdout);
    return 0;
  }
  if (opt.version) {
    printf("%s\n", kVersion);
    return 0;
  }

  int fd = STDERR_FILENO;
  if (!opt.output_path.empty()) {
    fd = open(opt.output_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
              0644);
    if (fd < 0) {
      return Fail(kExitOutput,
                  absl::StrCat("cannot open output file '", opt.output_path,
                               "': ", strerror(errno)));
    }
  }
  FdWriter out(fd, /*owns_fd=*/fd != STDERR_FILENO);
  std::unique_ptr<EventSink> formatter;
  if (opt.format == OutputFormat::kJson) {
    formatter = std::make_unique<JsonFormatter>(&out);
  } else {
    formatter = std::make_unique<TextFormatter>(
        &out, TextOptions{.timestamps = ToTextTimestamps(opt.timestamps)});
  }

  Tracer tracer(TracerOptions{.follow_forks = opt.follow_forks},
                formatter.get());

  if (!opt.command.empty()) {
    absl::Status s = tracer.Spawn(opt.command);
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
      if (attach_failure == 0) attach_failure = ExitCodeFor(s);
    } else {
      ++attached;
    }
  }
  if (opt.command.empty() && attached == 0) return attach_failure;

  // From here on, signals are ours to handle.
  g_tracer = &tracer;
  g_spawned = tracer.spawned_pid();
  Install(SIGALRM, OnAlarm);
  Install(SIGPIPE, OnPipe);
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT})
    InstallInfo(sig, OnTerminate);

  bool output_failed = false;
  out.set_on_first_byte([] {
    if (!g_timer_armed) ArmTimer(true);
  });
  tracer.set_on_interrupt([&] {
    if (output_failed) return;
    absl::Status s = formatter->Flush();
    if (!s.ok()) {
      output_failed = true;
      if (fd != STDERR_FILENO) Fail(0, std::string(s.message()));
      tracer.RequestDetach();
      ArmTimer(true);  // keep waking until the detach is seen
      return;
    }
    if (out.empty() && g_timer_armed) ArmTimer(false);
  });

  absl::StatusOr<RunResult> result = tracer.Run();
  ArmTimer(false);
  g_tracer = nullptr;
  absl::Status flushed = formatter->Flush();
  if (!flushed.ok() && !output_failed) {
    output_failed = true;
    if (fd != STDERR_FILENO) Fail(0, std::string(flushed.message()));
  }
  if (!result.ok())
    return Fail(kExitFailure, std::string(result.status().message()));
  if (output_failed) return kExitOutput;
  if (!opt.command.empty()) return result->exit_status;
  return attach_failure;
}

}  // namespace
}  // namespace ttrace

int main(int argc, char** argv) { return ttrace::Main(argc, argv); }
