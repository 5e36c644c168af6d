// TextFormatter: an EventSink that prints events the way strace 6.1 prints
// them, one line per event.
//
// Usage:
//   StringByteSink mem;
//   TextFormatter text(&mem, {.timestamps = TextOptions::Timestamps::kTimeUs});
//   text.OnEvent(e);
//   // "[pid  2678] 18:30:20.700203 --- SIGUSR1 {si_signo=SIGUSR1, ...} ---\n"
//
// Line layout: optional "[pid %5d] " prefix, optional timestamp and one
// space, the body, "\n".
//
// Syscalls, exactly as strace 6.1 prints them:
//   close(3)                                = 0
//   openat(AT_FDCWD, "/x", O_RDONLY)        = -1 ENOENT (No such file ...)
//   pause()                                 = ? ERESTARTNOHAND (To be ...)
//   brk(NULL)                               = 0x55c158e94000      (kHex)
//   umask(000)                              = 022                 (kOctal)
//   exit_group(0)                           = ?        (never returned)
//   read(0,  <unfinished ...>)              = ?        (never returned)
//   [pid 31725] read(3,  <unfinished ...>             (SyscallEnterEvent)
//   [pid 31725] <... read resumed>"abcd", 4) = 4       (split SyscallEvent)
// With -e read=/write= the call's data dump follows its line.
// With -k the call's stack follows its line, " > FRAME" per frame (for a
// call that never returned, the thread's exit line, as strace prints it).
// The body is name "(" args_enter args_exit ")" (or "<... name resumed>"
// args_exit ")" for a split call); then, like strace's tabto(), spaces up
// to column 39 of the whole line (prefix and timestamp included) when it is
// shorter, then " = " and the result. Errors are named by errno_names.h.
// With show_duration (-T), " <seconds.micros>" follows the result of calls
// that returned. A call that never returned prints " <unfinished ...>"
// before its ")" when its entry arguments end in ", " (strace does so when
// the decoder had more to print at exit: "read(0,  <unfinished ...>) = ?",
// but "exit_group(0) = ?").
// Timestamps: the entry time (the header ts) for complete calls and
// SyscallEnterEvent, the exit time (ts + dur_ns) for the "resumed" line of
// a split call, as strace stamps each line when it prints it.
//
// The prefix appears iff more than one thread is live when the event
// happens. The live set is derived from the events alone, so replaying a
// recorded event stream gives identical text:
//   - any event adds its own tid before printing (so a stream that starts
//     mid-trace still counts the threads it sees);
//   - spawn adds pid, attach adds tid, clone adds child, all before
//     printing (the new thread exists when the event is reported);
//   - exec with old_tid != tid renames old_tid to tid before printing;
//   - exit and detach remove tid after printing (the thread counts itself).
#ifndef TTRACE_OUTPUT_TEXT_FORMATTER_H_
#define TTRACE_OUTPUT_TEXT_FORMATTER_H_

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "output/byte_sink.h"
#include "tracer/event.h"
#include "tracer/sink.h"
#include "tracer/syscalls/format.h"

namespace ttrace {

// The architecture each thread's syscalls were last made in, followed as
// strace follows personalities: a new thread or child starts in its
// creator's, a thread that exec'd from a non-leader goes on as the leader,
// an unknown thread is in x86_64's.
class ArchTracker {
 public:
  // Before `event` is printed: true when it is a syscall in another
  // architecture than its thread's previous one.
  bool Update(const Event& event);
  // After an exit or a detach is printed.
  void Forget(pid_t tid) {
    if (!arch_.empty()) arch_.erase(tid);
  }
  uint32_t Of(pid_t tid) const;
  void Set(pid_t tid, uint32_t arch);

 private:
  absl::flat_hash_map<pid_t, uint32_t> arch_;  // only threads not in x86_64
};

struct TextOptions {
  enum class Timestamps {
    kNone,
    kTime,      // -t:   HH:MM:SS (local time)
    kTimeUs,    // -tt:  HH:MM:SS.uuuuuu (local time)
    kEpochUs,   // -ttt: 1795717816.123456
    kRelative,  // -r:   "%6ld.%06ld" seconds since the previous event
  };
  Timestamps timestamps = Timestamps::kNone;
  // Digits after the seconds' point (strace's precisions s, ms, us, ns: 0,
  // 3, 6, 9; truncated). Of an absolute timestamp: -1 is the kind's own
  // (0 for kTime, 6 for kTimeUs and kEpochUs).
  int timestamp_digits = -1;
  // -r with an absolute timestamp: the relative one follows it in
  // parentheses, "18:31:20 (+     0.000160) ", as strace prints both.
  bool relative_too = false;
  int relative_digits = 6;  // of kRelative and relative_too
  // -T: append " <0.000123>" (seconds spent in the call) to syscall results.
  bool show_duration = false;
  int duration_digits = 6;
  // strace's tabto(): " = " starts at this column (0-based, counting the
  // whole line) unless the line is already longer. strace's -a N is N - 1.
  size_t result_column = 39;
  // How lines say which thread they are about. strace: "[pid  123] " while
  // more than one thread is traced (its form on standard error), or "123 "
  // on every line (its form with -o FILE and -f or several processes).
  enum class PidPrefix { kWhenSeveral, kAlways };
  PidPrefix pid_prefix = PidPrefix::kWhenSeveral;
  // strace -ff: this formatter writes the file of one thread, this tid (0:
  // a single output for all threads). Its lines then carry no pid; a call
  // that other threads' events split is printed whole, as strace prints it
  // in a file of its own; and an exec by this thread from a non-leader
  // ends the file with strace's "execve(... <pid changed to N ...>" (the
  // rest of the call goes to the leader's file). The caller gives it only
  // this thread's events, and the exec that renames it.
  pid_t thread = 0;
  // -ff: the architecture the thread starts in (its creator's, see
  // ArchTracker); 0: x86_64.
  uint32_t thread_arch = 0;
  // -q, -qq, -e quiet=SET: lines left out (the events still count, e.g. for
  // the pid prefix): "+++ attached +++" and "+++ detached +++" (attach),
  // "+++ exited with N +++" (exit; never "killed by"), "+++ superseded by
  // execve in pid N +++" (thread_execve).
  struct Quiet {
    bool attach = false;
    bool exit = false;
    bool thread_execve = false;
    // "[ Process PID=N runs in 32 bit mode. ]" (personality): strace's
    // line before a thread's first syscall in another architecture than
    // its previous one (a 32-bit program exec'd or attached; threads and
    // children start in their creator's; an attached thread in x86_64's).
    bool personality = false;
    // -e signal=SET: "+++ killed by SIG +++" is left out for a signal not
    // in the set, as strace does (null: always shown).
    std::function<bool(int signo)> killed_by;
  };
  Quiet quiet;
  // -n: "[  39] " after the timestamp: the syscall's number, on other lines
  // the number of the thread's last syscall ("[????]" when none was seen),
  // as strace prints them.
  bool syscall_numbers = false;
  // -i: "[00007f93410534e7] " after that: the instruction pointer the event
  // carries (syscalls, signals), "[????????????????]" on other lines.
  bool instruction_pointers = false;
  // -Y (--decode-pids=comm): the command name of the process or thread of
  // a line's pid prefix and of a signal's sender, "[pid  123<sleep>] ",
  // "si_pid=123<sleep>", as strace prints them; null: none. Called when the
  // line is printed, so only a live trace has names (an exit line uses
  // the name the event carries). Returns false when pid has none.
  // `seen_by`: the thread whose pid namespace numbers `pid` (a signal's
  // sender is numbered in the receiver's), 0 for ttrace's own (the prefix).
  std::function<bool(pid_t seen_by, pid_t pid, std::string* comm)> comm_of;
  // --pidns-translation: process `pid` as thread `seen_by` numbers it, in
  // ttrace's pid namespace (false: same namespace, or no such process);
  // a signal's si_pid is followed by it, "si_pid=1 /* 10548 in ttrace's PID
  // NS */". Live traces only, like comm_of.
  std::function<bool(pid_t seen_by, pid_t pid, pid_t* ours)> translate_pid;
  // -X: how the constants of a signal's siginfo print ("si_signo=12 /*
  // SIGUSR2 */" with kVerbose); the syscalls' own are the decoder's.
  XlatStyle xlat_style = XlatStyle::kAbbrev;
};

// Whether the text output leaves `event`'s "+++" line out under `quiet`
// (-e quiet=, and "+++ killed by" of a signal -e signal= does not show).
// Also the -e status= filter's rule for which lines break a held call.
bool IsQuietLine(const TextOptions::Quiet& quiet, const Event& event);

class TextFormatter : public EventSink {
 public:
  // `out` is not owned and must outlive the formatter.
  TextFormatter(ByteSink* out, TextOptions options = {});
  TextFormatter(const TextFormatter&) = delete;
  TextFormatter& operator=(const TextFormatter&) = delete;

  void OnEvent(const Event& event) override;
  absl::Status Flush() override;

 private:
  void TrackLiveBefore(const Event& event);
  // Prints the held execve entry line (held_exec_), ended as `next` (the
  // following event; null at a flush) says.
  void EndHeldExec(const Event* next);
  // Ends the open line (see open_tid_) with " <unfinished ...>": something
  // else is printed before its call's exit.
  void CloseOpenLine();
  static bool DetachedAfterItsEntry(const Event& event, bool whole);
  void PrintLine(const Event& event, bool several_form, bool whole);
  // -ff (options_.thread): keeps a split call's entry until its exit comes,
  // to print it whole (*whole). False when `event` prints nothing now.
  bool ThreadFileStep(const Event& event, bool* whole);
  // Prints the kept entry, followed by `tail` (" <unfinished ...>").
  void PrintPending(std::string_view tail);
  void AppendTimestamp(int64_t ts_ns);
  // Seconds and `digits` digits of the fraction ("%W.D"), `width` wide.
  void AppendSeconds(int64_t ns, int digits, int width);
  // "." and the first `digits` digits of a fraction of a second (nothing
  // for 0 digits).
  void AppendFraction(int64_t frac_ns, int digits);
  // The time since the previous line's (the first line's is 0).
  int64_t RelativeNs(int64_t ts_ns);
  // -n and -i.
  void AppendNumberAndIp(int32_t nr, bool have_nr, uint64_t ip, uint32_t arch);
  void AppendNumberAndIp(const Event& event);
  void TrackSyscallNumbers(const Event& event);
  // "[ Process PID=N runs in 32 bit mode. ]" before `event`, a syscall;
  // `nr`/`have_nr`: the thread's previous syscall (-n).
  void PrintPersonality(const Event& event, bool several_form, int32_t nr,
                        bool have_nr);
  // The "[pid N] " or "N  " prefix a line of `event`'s thread gets.
  void AppendPrefix(const Event& event, bool several_form);
  void AppendStack(const std::string& stack);
  // -Y: appends "<comm>" of pid (as seen_by numbers it) as it is now
  // (escaped as strace does); nothing when it has none.
  void AppendComm(std::string* to, pid_t seen_by, pid_t pid);
  // -Y: "<comm>" of the event's thread to line_, from comms_ (read at the
  // thread's first line).
  void AppendThreadComm(const Event& event);
  // -Y: keeps comms_ as strace keeps its names (see the .cc).
  void TrackCommsBefore(const Event& event, bool whole);
  void TrackCommsAfter(const Event& event);
  static void AppendCommText(std::string* to, const std::string& comm);
  void AppendBody(const Event& event, bool whole);
  void AppendHms(int64_t sec);
  // "name(args_enter", or "<... name resumed>" for a split call's exit.
  void AppendCallStart(std::string_view name, std::string_view args_enter,
                       bool resumed);
  // The call's line; from its arguments at exit on when `from_exit` (the
  // rest of an open line).
  void AppendSyscall(const SyscallEvent& call, bool whole,
                     bool from_exit = false);
  // After a line's body: its newline, -e read=/write= dump and -k stack.
  void EndLine(const Event& event);

  ByteSink* out_;
  TextOptions options_;
  std::string line_;  // reused for every event: no allocation per event
  std::string comm_;  // -Y scratch
  // An unfinished execve's line without its ending, until the next event.
  std::string held_exec_;
  pid_t held_exec_tid_ = 0;
  // The thread whose call's line is printed up to its entry arguments
  // ("read(0, "), as strace prints a call that is announced before its
  // exit (one that blocks), and that line (for the result column); 0 when
  // none is. Its exit ends the line; anything else printed first ends it
  // " <unfinished ...>" and the exit then prints "<... read resumed>".
  pid_t open_tid_ = 0;
  std::string open_line_;
  // -Y: each thread's name for its line prefix, kept as strace keeps it.
  absl::flat_hash_map<pid_t, std::string> comms_;
  // -Y: threads that exec'd, renamed at their next line but their execve's.
  absl::flat_hash_set<pid_t> exec_renamed_;
  absl::flat_hash_set<pid_t> live_;
  bool have_prev_ts_ = false;
  int64_t prev_ts_ns_ = 0;
  // localtime_r result for the last second formatted (-t/-tt).
  int64_t hms_sec_ = 0;
  bool have_hms_ = false;
  char hms_[9] = {};
  // -ff: the entry of a split call whose exit has not come yet.
  bool pending_ = false;
  int64_t pending_ts_ns_ = 0;
  std::string pending_name_;
  std::string pending_args_;
  int32_t pending_nr_ = 0;
  uint64_t pending_ip_ = 0;
  uint32_t pending_arch_ = 0;
  // -n: each thread's last syscall number.
  absl::flat_hash_map<pid_t, int32_t> last_nr_;
  ArchTracker arches_;  // personality lines, -i's address width
  // -k: the stacks of calls that never returned, until their thread's end.
  absl::flat_hash_map<pid_t, std::string> ending_stacks_;
};

// Appends `s` in double quotes, escaped the way strace escapes strings:
// \" \\ \f \n \r \t \v, other bytes outside 0x20..0x7e in octal, using the
// shortest form unless the next byte is an octal digit ("\1" vs "\0012").
void AppendStraceQuoted(std::string* out, std::string_view s);

}  // namespace ttrace

#endif  // TTRACE_OUTPUT_TEXT_FORMATTER_H_
