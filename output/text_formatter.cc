#include "output/text_formatter.h"

#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <type_traits>
#include <variant>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "output/errno_names.h"
#include "output/signal_names.h"
#include "tracer/syscalls/format.h"
#include "tracer/syscalls/syscall_table.h"

namespace ttrace {
namespace {

constexpr int64_t kNsPerSec = 1000000000;

// True when the entry arguments stop before the last one ("3, "): strace's
// decoder then had more to print at exit, and a call that never returns
// shows " <unfinished ...>" where the rest would have been.
bool ExitDecodingPending(const std::string& args_enter) {
  return args_enter.size() >= 2 &&
         args_enter.compare(args_enter.size() - 2, 2, ", ") == 0;
}

// Floor division, so that a (theoretical) negative timestamp still splits
// into seconds and a non-negative fraction.
void SplitNs(int64_t ns, int64_t* sec, int64_t* frac_ns) {
  *sec = ns / kNsPerSec;
  *frac_ns = ns % kNsPerSec;
  if (*frac_ns < 0) {
    *frac_ns += kNsPerSec;
    --*sec;
  }
}

void AppendExit(std::string* out, const ExitEvent& exit) {
  switch (exit.how) {
    case ExitEvent::How::kExited:
      absl::StrAppend(out, "+++ exited with ", exit.code, " +++");
      return;
    case ExitEvent::How::kKilled:
      out->append("+++ killed by ");
      AppendSignalName(out, exit.signo);
      out->append(exit.core ? " (core dumped) +++" : " +++");
      return;
    case ExitEvent::How::kSuperseded:
      absl::StrAppend(out, "+++ superseded by execve in pid ",
                      exit.superseded_by, " +++");
      return;
  }
}

// A clock_t (USER_HZ = 100 ticks a second) as strace prints it: "210 /*
// 2.10 s */", "0"; "210" under -X raw.
void AppendClockTicks(std::string* out, int64_t ticks) {
  absl::StrAppend(out, ticks);
  if (ticks > 0 && CurrentXlatStyle() != XlatStyle::kRaw) {
    absl::StrAppendFormat(out, " /* %d.%02d s */", ticks / 100, ticks % 100);
  }
}

// A signal number inside siginfo, as the current -X style says:
// "SIGUSR2", "12", "12 /* SIGUSR2 */".
void AppendStyledSignal(std::string* out, int signo) {
  const size_t mark = out->size();
  AppendSignalName(out, signo);
  const bool named = out->size() > mark &&
                     ((*out)[mark] < '0' || (*out)[mark] > '9') &&
                     (*out)[mark] != '-';
  RestyleConst(out, mark, RawConst::Dec(signo), named);
}

// `comm` appends "<comm>" of a pid (-Y), or nothing. The siginfo's
// constants follow the current -X style; the line's head does not.
template <typename Comm>
void AppendSignal(std::string* out, const SignalEvent& sig, Comm comm) {
  out->append("--- ");
  AppendSignalName(out, sig.signo);
  out->append(" {si_signo=");
  AppendStyledSignal(out, sig.signo);
  out->append(", si_code=");
  if (const char* name = SiCodeNameOrNull(sig.signo, sig.code)) {
    AppendConst(out, name, RawConst::Hex(static_cast<uint32_t>(sig.code)));
  } else {
    AppendSiCodeName(out, sig.signo, sig.code);
  }
  if (sig.error != 0) {
    out->append(", si_errno=");
    AppendErrnoConst(out, sig.error);
  }
  if (sig.from_pid.has_value()) {
    absl::StrAppend(out, ", si_pid=", *sig.from_pid);
    comm(*sig.from_pid);
    absl::StrAppend(out, ", si_uid=", sig.from_uid.value_or(0));
    if (sig.child.has_value()) {
      // As strace: an exit code as a number, a signal by its name.
      out->append(", si_status=");
      if (sig.code == CLD_EXITED) {
        absl::StrAppend(out, sig.child->status);
      } else {
        AppendStyledSignal(out, sig.child->status);
      }
      out->append(", si_utime=");
      AppendClockTicks(out, sig.child->utime);
      out->append(", si_stime=");
      AppendClockTicks(out, sig.child->stime);
    }
  } else if (sig.addr.has_value()) {
    if (*sig.addr == 0) {
      out->append(", si_addr=NULL");
    } else {
      absl::StrAppendFormat(out, ", si_addr=%#x", *sig.addr);
    }
  }
  if (sig.timer.has_value()) {
    absl::StrAppendFormat(out, ", si_timerid=%#x, si_overrun=%d",
                          static_cast<uint32_t>(sig.timer->id),
                          sig.timer->overrun);
  }
  if (sig.value.has_value()) {
    absl::StrAppend(out, ", si_int=", static_cast<int32_t>(*sig.value));
    if (*sig.value == 0) {
      out->append(", si_ptr=NULL");
    } else {
      absl::StrAppendFormat(out, ", si_ptr=%#x", *sig.value);
    }
  }
  if (sig.poll.has_value()) {
    absl::StrAppend(out, ", si_band=", sig.poll->band, ", si_fd=", sig.poll->fd,
                    sig.poll->fd_info);
  }
  if (sig.sys.has_value()) {
    out->append(", si_call_addr=");
    AppendPtr(out, sig.sys->call_addr);
    out->append(", si_syscall=");
    AppendSiSyscall(out, sig.sys->personality, sig.sys->arch, sig.sys->nr);
    out->append(", si_arch=");
    AppendAuditArch(out, sig.sys->arch);
  }
  out->append("} ---");
}

}  // namespace

// -Y, as strace keeps names. A new thread starts with its creator's name
// (the kernel copies it at clone), so it is known before the thread execs;
// the spawned command starts with ttrace's. A syscall line's prefix shows
// the name the thread had when the call began: an exec renames the thread
// after its execve line (before a "resumed" one; before any other line
// when its execve is not shown), prctl(PR_SET_NAME) after its line. Writes
// to /proc/PID/comm are not seen.
void TextFormatter::TrackCommsBefore(const Event& event, bool whole) {
  if (std::holds_alternative<SpawnEvent>(event.payload)) {
    std::string& name = comms_[event.pid];
    if (!options_.comm_of(0, getpid(), &name)) name.clear();
    return;
  }
  if (std::holds_alternative<ExecEvent>(event.payload)) return;
  auto it = exec_renamed_.find(event.tid);
  if (it == exec_renamed_.end()) return;
  const auto* call = std::get_if<SyscallEvent>(&event.payload);
  const bool execve_line =
      call != nullptr && (call->name == "execve" || call->name == "execveat");
  if (!execve_line || (call->split && !whole)) {
    comms_.erase(event.tid);
    exec_renamed_.erase(it);
  }
}

void TextFormatter::TrackCommsAfter(const Event& event) {
  if (const auto* exec = std::get_if<ExecEvent>(&event.payload)) {
    if (exec->old_tid != event.tid) comms_.erase(exec->old_tid);
    exec_renamed_.insert(event.tid);
  } else if (const auto* call = std::get_if<SyscallEvent>(&event.payload)) {
    if (call->returned && (call->name == "execve" || call->name == "execveat" ||
                           call->name == "prctl")) {
      comms_.erase(event.tid);
      exec_renamed_.erase(event.tid);
    }
  } else if (const auto* clone = std::get_if<CloneEvent>(&event.payload)) {
    auto parent = comms_.find(event.tid);
    std::string name;
    if (parent != comms_.end()) {
      name = parent->second;
    } else if (!options_.comm_of(0, event.tid, &name)) {
      name.clear();
    }
    comms_[clone->child] = std::move(name);
  } else if (std::holds_alternative<ExitEvent>(event.payload) ||
             std::holds_alternative<DetachEvent>(event.payload)) {
    comms_.erase(event.tid);
    exec_renamed_.erase(event.tid);
  }
}

void TextFormatter::AppendComm(std::string* to, pid_t seen_by, pid_t pid) {
  if (!options_.comm_of || !options_.comm_of(seen_by, pid, &comm_) ||
      comm_.empty()) {
    return;
  }
  AppendCommText(to, comm_);
}

void TextFormatter::AppendThreadComm(const Event& event) {
  auto [it, fresh] = comms_.try_emplace(event.tid);
  if (fresh && !options_.comm_of(0, event.tid, &it->second)) {
    // Gone already: the name its exit event carries, if this is it.
    const auto* exit = std::get_if<ExitEvent>(&event.payload);
    it->second = exit != nullptr ? exit->comm : "";
  }
  if (!it->second.empty()) AppendCommText(&line_, it->second);
}

void TextFormatter::AppendCommText(std::string* to, const std::string& comm) {
  to->push_back('<');
  AppendEscaped(to, comm.data(), comm.size(), HexStrings::kNone, "<>");
  to->push_back('>');
}

void AppendStraceQuoted(std::string* out, std::string_view s) {
  out->push_back('"');
  AppendEscaped(out, s.data(), s.size(), HexStrings::kNone);
  out->push_back('"');
}

TextFormatter::TextFormatter(ByteSink* out, TextOptions options)
    : out_(out), options_(options) {
  line_.reserve(256);
  if (options_.thread != 0) arches_.Set(options_.thread, options_.thread_arch);
}

absl::Status TextFormatter::Flush() {
  EndHeldExec(nullptr);
  return out_->Flush();
}

void TextFormatter::CloseOpenLine() {
  if (open_tid_ == 0) return;
  open_tid_ = 0;
  out_->Append(" <unfinished ...>\n");
}

void TextFormatter::EndHeldExec(const Event* next) {
  if (held_exec_.empty()) return;
  CloseOpenLine();
  pid_t new_pid = 0;
  if (next != nullptr) {
    if (const auto* exit = std::get_if<ExitEvent>(&next->payload);
        exit != nullptr && exit->how == ExitEvent::How::kSuperseded &&
        exit->superseded_by == held_exec_tid_) {
      new_pid = next->tid;
    } else if (const auto* exec = std::get_if<ExecEvent>(&next->payload);
               exec != nullptr && exec->old_tid == held_exec_tid_ &&
               next->tid != held_exec_tid_) {
      new_pid = next->tid;
    }
  }
  if (new_pid != 0) {
    absl::StrAppend(&held_exec_, " <pid changed to ", new_pid, " ...>\n");
  } else {
    held_exec_.append(" <unfinished ...>\n");
  }
  out_->Append(held_exec_);
  held_exec_.clear();
}

void TextFormatter::AppendHms(int64_t sec) {
  if (!have_hms_ || sec != hms_sec_) {
    const time_t t = static_cast<time_t>(sec);
    struct tm tm;
    if (localtime_r(&t, &tm) == nullptr) tm = {};
    absl::SNPrintF(hms_, sizeof(hms_), "%02d:%02d:%02d", tm.tm_hour, tm.tm_min,
                   tm.tm_sec);
    hms_sec_ = sec;
    have_hms_ = true;
  }
  line_.append(hms_, 8);
}

void TextFormatter::AppendSeconds(int64_t ns, int digits, int width) {
  int64_t sec, frac;
  SplitNs(ns, &sec, &frac);
  absl::StrAppendFormat(&line_, "%*d", width, sec);
  AppendFraction(frac, digits);
}

void TextFormatter::AppendFraction(int64_t frac_ns, int digits) {
  if (digits <= 0) return;
  digits = std::min(digits, 9);
  int64_t divisor = 1;
  for (int i = digits; i < 9; ++i) divisor *= 10;
  absl::StrAppendFormat(&line_, ".%0*d", digits, frac_ns / divisor);
}

int64_t TextFormatter::RelativeNs(int64_t ts_ns) {
  // The first event is relative to itself: 0. A line stamped before the
  // previous one (the command's execve, stamped at its entry, follows
  // "+++ exec"; strace has no such lines) shows 0, not a negative time,
  // and later lines count from the latest time shown.
  const int64_t delta = have_prev_ts_ ? ts_ns - prev_ts_ns_ : 0;
  if (delta >= 0) prev_ts_ns_ = ts_ns;
  have_prev_ts_ = true;
  return std::max<int64_t>(delta, 0);
}

void TextFormatter::AppendTimestamp(int64_t ts_ns) {
  const int digits = options_.timestamp_digits >= 0 ? options_.timestamp_digits
                     : options_.timestamps == TextOptions::Timestamps::kTime
                         ? 0
                         : 6;
  int64_t sec, frac;
  switch (options_.timestamps) {
    case TextOptions::Timestamps::kNone:
      return;
    case TextOptions::Timestamps::kTime:
    case TextOptions::Timestamps::kTimeUs:
      SplitNs(ts_ns, &sec, &frac);
      AppendHms(sec);
      AppendFraction(frac, digits);
      break;
    case TextOptions::Timestamps::kEpochUs:
      AppendSeconds(ts_ns, digits, 0);
      break;
    case TextOptions::Timestamps::kRelative:
      AppendSeconds(RelativeNs(ts_ns), options_.relative_digits, 6);
      line_.push_back(' ');
      return;
  }
  if (options_.relative_too) {
    line_.append(" (+");
    AppendSeconds(RelativeNs(ts_ns), options_.relative_digits, 6);
    line_.push_back(')');
  }
  line_.push_back(' ');
}

void TextFormatter::AppendNumberAndIp(int32_t nr, bool have_nr, uint64_t ip,
                                      uint32_t arch) {
  if (options_.syscall_numbers) {
    if (have_nr) {
      absl::StrAppendFormat(&line_, "[%4u] ", static_cast<uint32_t>(nr));
    } else {
      line_.append("[????] ");
    }
  }
  if (options_.instruction_pointers) {
    // As wide as the thread's addresses: 8 digits in a 32-bit process.
    const bool narrow = arch == kArchI386;
    if (ip != 0) {
      absl::StrAppendFormat(&line_, "[%0*x] ", narrow ? 8 : 16, ip);
    } else {
      line_.append(narrow ? "[????????] " : "[????????????????] ");
    }
  }
}

void TextFormatter::AppendNumberAndIp(const Event& event) {
  if (!options_.syscall_numbers && !options_.instruction_pointers) return;
  int32_t nr = 0;
  bool have_nr = false;
  uint64_t ip = 0;
  uint32_t arch = kArchX86_64;
  if (const auto* call = std::get_if<SyscallEvent>(&event.payload)) {
    nr = call->nr;
    have_nr = true;
    ip = call->ip;
    arch = call->arch;
  } else if (const auto* enter =
                 std::get_if<SyscallEnterEvent>(&event.payload)) {
    nr = enter->nr;
    have_nr = true;
    ip = enter->ip;
    arch = enter->arch;
  } else {
    arch = arches_.Of(event.tid);
    if (const auto* sig = std::get_if<SignalEvent>(&event.payload)) {
      ip = sig->ip;
    }
    if (options_.syscall_numbers) {
      const auto it = last_nr_.find(event.tid);
      if (it != last_nr_.end()) {
        nr = it->second;
        have_nr = true;
      }
    }
  }
  AppendNumberAndIp(nr, have_nr, ip, arch);
}

// -n: a thread's last syscall number, for its lines that are not syscalls.
void TextFormatter::TrackSyscallNumbers(const Event& event) {
  if (const auto* call = std::get_if<SyscallEvent>(&event.payload)) {
    last_nr_[event.tid] = call->nr;
  } else if (const auto* enter =
                 std::get_if<SyscallEnterEvent>(&event.payload)) {
    last_nr_[event.tid] = enter->nr;
  } else if (const auto* exec = std::get_if<ExecEvent>(&event.payload);
             exec != nullptr && exec->old_tid != event.tid) {
    // The exec'ing thread now has the leader's tid (and its execve).
    const auto it = last_nr_.find(exec->old_tid);
    if (it != last_nr_.end()) {
      last_nr_[event.tid] = it->second;
      last_nr_.erase(exec->old_tid);
    }
  }
}

void TextFormatter::AppendBody(const Event& event, bool whole) {
  std::visit(
      [&](const auto& p) {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, SpawnEvent>) {
          line_.append("+++ started ");
          if (p.argv.empty()) {
            line_.append(p.path);
          } else {
            // An argument with a space, a quote or a byte that is not
            // printable ASCII (a newline would split the line) is quoted
            // and escaped as strace quotes strings; others go as they are.
            for (size_t i = 0; i < p.argv.size(); ++i) {
              if (i > 0) line_.push_back(' ');
              const std::string& a = p.argv[i];
              const bool plain =
                  !a.empty() && std::all_of(a.begin(), a.end(), [](char c) {
                    return c > ' ' && c < 0x7f && c != '"' && c != '\\';
                  });
              if (plain) {
                line_.append(a);
              } else {
                AppendStraceQuoted(&line_, a);
              }
            }
          }
          absl::StrAppend(&line_, " (pid ", event.pid, ") +++");
        } else if constexpr (std::is_same_v<T, AttachEvent>) {
          line_.append("+++ attached +++");
        } else if constexpr (std::is_same_v<T, DetachEvent>) {
          line_.append("+++ detached +++");
        } else if constexpr (std::is_same_v<T, CloneEvent>) {
          absl::StrAppend(
              &line_, "+++ created ",
              p.kind == CloneKind::kThread ? "thread " : "process ", p.child,
              p.kind == CloneKind::kVfork ? " (vfork) +++" : " +++");
        } else if constexpr (std::is_same_v<T, ExecEvent>) {
          line_.append("+++ exec ");
          AppendStraceQuoted(&line_, p.path);
          if (p.old_tid != event.tid) {
            absl::StrAppend(&line_, " (by thread ", p.old_tid, ")");
          }
          line_.append(" +++");
        } else if constexpr (std::is_same_v<T, SignalEvent>) {
          // si_pid is numbered in the receiver's pid namespace.
          ScopedXlatStyle style(options_.xlat_style);
          AppendSignal(&line_, p, [this, &event](pid_t pid) {
            AppendComm(&line_, event.tid, pid);
            pid_t ours;
            if (options_.translate_pid && pid > 0 &&
                options_.translate_pid(event.tid, pid, &ours)) {
              AppendPidTranslation(&line_, ours);
            }
          });
        } else if constexpr (std::is_same_v<T, StopEvent>) {
          line_.append("--- stopped by ");
          AppendSignalName(&line_, p.signo);
          line_.append(" ---");
        } else if constexpr (std::is_same_v<T, ContEvent>) {
          line_.append("--- continued ---");
        } else if constexpr (std::is_same_v<T, ExitEvent>) {
          AppendExit(&line_, p);
        } else if constexpr (std::is_same_v<T, SyscallEnterEvent>) {
          // The open line's start (PrintLine); its ending comes later.
          AppendCallStart(p.name, p.args_enter, false);
        } else if constexpr (std::is_same_v<T, SyscallEvent>) {
          AppendSyscall(p, whole);
        } else {
          static_assert(sizeof(T) == 0, "unhandled event kind");
        }
      },
      event.payload);
}

void TextFormatter::AppendCallStart(std::string_view name,
                                    std::string_view args_enter, bool resumed) {
  if (resumed) {
    line_.append("<... ");
    line_.append(name);
    line_.append(" resumed>");
  } else {
    line_.append(name);
    line_.push_back('(');
    line_.append(args_enter);
  }
}

void TextFormatter::AppendSyscall(const SyscallEvent& call, bool whole,
                                  bool from_exit) {
  // Where the result column is counted from: the line's start, or for a
  // held call broken by another line (SyscallEvent::held_break) the start
  // of its second line, which has no prefix.
  size_t line_start = 0;
  if (!from_exit) {
    AppendCallStart(call.name, call.args_enter, call.split && !whole);
    if (call.held_break && options_.thread == 0) {
      line_.append(" <unfinished ...>\n");
      line_start = line_.size();
    }
  }
  if (call.detached) {
    // strace: "read(0,  <detached ...>"; no result. (After an announced
    // entry nothing is printed: DetachedAfterItsEntry; -ff prints whole.)
    line_.append(" <detached ...>");
    return;
  }
  line_.append(call.args_exit);
  if (!call.returned && call.args_exit.empty() &&
      ExitDecodingPending(call.args_enter)) {
    line_.append(" <unfinished ...>");
  }
  line_.push_back(')');
  if (line_.size() - line_start < options_.result_column) {
    line_.append(options_.result_column - (line_.size() - line_start), ' ');
  }
  line_.append(" = ");
  AppendSyscallResult(&line_, call);
  if (!call.returned) return;  // "= ?": no duration
  if (options_.show_duration) {
    line_.append(" <");
    AppendSeconds(call.dur_ns > 0 ? call.dur_ns : 0, options_.duration_digits,
                  0);
    line_.push_back('>');
  }
}

// Updates the live set with what exists at the time of `event`.
void TextFormatter::TrackLiveBefore(const Event& event) {
  if (std::holds_alternative<SpawnEvent>(event.payload)) {
    live_.insert(event.pid);
  } else if (const auto* clone = std::get_if<CloneEvent>(&event.payload)) {
    live_.insert(clone->child);
  } else if (const auto* exec = std::get_if<ExecEvent>(&event.payload)) {
    // A non-leader exec'd: it now has the leader's tid. The leader's own
    // "superseded" exit came first and already removed the leader.
    if (exec->old_tid != event.tid) live_.erase(exec->old_tid);
  } else if (const auto* exit = std::get_if<ExitEvent>(&event.payload);
             exit != nullptr && exit->how == ExitEvent::How::kSuperseded) {
    // By the leader's "superseded" line the exec'ing thread has become the
    // leader (strace prints it without a prefix once no other thread is
    // left).
    live_.erase(exit->superseded_by);
  }
  live_.insert(event.tid);
}

bool TextFormatter::ThreadFileStep(const Event& event, bool* whole) {
  if (const auto* exec = std::get_if<ExecEvent>(&event.payload);
      exec != nullptr && exec->old_tid == options_.thread &&
      event.tid != options_.thread) {
    // This thread exec'd from a non-leader and now has the leader's tid:
    // strace ends this file's line so, and the leader's file goes on.
    if (pending_) {
      PrintPending(absl::StrCat(" <pid changed to ", event.tid, " ...>"));
    }
    return false;
  }
  if (const auto* enter = std::get_if<SyscallEnterEvent>(&event.payload)) {
    if (pending_) PrintPending(" <unfinished ...>");
    pending_ = true;
    pending_ts_ns_ = event.ts_ns;
    pending_name_.assign(enter->name);
    pending_args_.assign(enter->args_enter);
    pending_nr_ = enter->nr;
    pending_ip_ = enter->ip;
    pending_arch_ = enter->arch;
    return false;
  }
  if (!pending_) return true;
  if (const auto* call = std::get_if<SyscallEvent>(&event.payload);
      call != nullptr && call->split) {
    pending_ = false;
    *whole = true;  // its own event carries the entry arguments too
    return true;
  }
  // Events of the thread during the call (the "created" of a clone, the
  // exec of an execve) print before it, as they do without -ff. Only the
  // thread's end, or another call, would leave it unfinished (the engine
  // never does that; kept for odd streams).
  if (std::holds_alternative<ExitEvent>(event.payload) ||
      std::holds_alternative<DetachEvent>(event.payload) ||
      std::holds_alternative<SyscallEvent>(event.payload)) {
    PrintPending(" <unfinished ...>");
  }
  return true;
}

void TextFormatter::PrintPending(std::string_view tail) {
  pending_ = false;
  line_.clear();
  AppendTimestamp(pending_ts_ns_);
  AppendNumberAndIp(pending_nr_, true, pending_ip_, pending_arch_);
  AppendCallStart(pending_name_, pending_args_, false);
  line_.append(tail);
  line_.push_back('\n');
  out_->Append(line_);
}

// strace ends a call's line with "<detached ...>" only while that line is
// still open; once another line was printed after its entry, it prints
// nothing more of it.
bool TextFormatter::DetachedAfterItsEntry(const Event& event, bool whole) {
  const auto* call = std::get_if<SyscallEvent>(&event.payload);
  return call != nullptr && call->detached && call->split && !whole;
}

bool IsQuietLine(const TextOptions::Quiet& q, const Event& event) {
  if (std::holds_alternative<AttachEvent>(event.payload) ||
      std::holds_alternative<DetachEvent>(event.payload)) {
    return q.attach;
  }
  if (const auto* exit = std::get_if<ExitEvent>(&event.payload)) {
    switch (exit->how) {
      case ExitEvent::How::kExited:
        return q.exit;
      case ExitEvent::How::kSuperseded:
        return q.thread_execve;
      case ExitEvent::How::kKilled:
        return q.killed_by && q.killed_by(exit->signo);
    }
  }
  return false;
}

void TextFormatter::OnEvent(const Event& event) {
  bool whole = false;
  EndHeldExec(&event);
  const bool new_arch = arches_.Update(event) && !options_.quiet.personality;
  int32_t prev_nr = 0;
  bool have_prev_nr = false;
  if (new_arch && options_.syscall_numbers) {
    if (const auto it = last_nr_.find(event.tid); it != last_nr_.end()) {
      prev_nr = it->second;
      have_prev_nr = true;
    }
  }
  if (options_.syscall_numbers) TrackSyscallNumbers(event);
  if (options_.thread != 0) {
    // Before a kept entry is printed (its call is in the new mode).
    if (new_arch) PrintPersonality(event, false, prev_nr, have_prev_nr);
    if (!ThreadFileStep(event, &whole)) return;
  }
  // The exit of the call whose line is open prints the rest of that line.
  if (open_tid_ != 0 && event.tid == open_tid_) {
    if (const auto* call = std::get_if<SyscallEvent>(&event.payload);
        call != nullptr && call->split) {
      whole = true;
    }
  }
  // The live set only decides the "[pid N] " prefix: not kept when every
  // line carries its pid.
  const bool several_form =
      options_.thread == 0 &&
      options_.pid_prefix == TextOptions::PidPrefix::kWhenSeveral;
  if (several_form) TrackLiveBefore(event);

  if (options_.comm_of) TrackCommsBefore(event, whole);
  if (new_arch && options_.thread == 0) {
    PrintPersonality(event, several_form, prev_nr, have_prev_nr);
  }
  if (!IsQuietLine(options_.quiet, event) &&
      !DetachedAfterItsEntry(event, whole)) {
    PrintLine(event, several_form, whole);
  }
  if (options_.comm_of) TrackCommsAfter(event);
  if (std::holds_alternative<ExitEvent>(event.payload) ||
      std::holds_alternative<DetachEvent>(event.payload)) {
    if (several_form) live_.erase(event.tid);
    if (options_.syscall_numbers) last_nr_.erase(event.tid);
    arches_.Forget(event.tid);
    if (const auto it = ending_stacks_.find(event.tid);
        it != ending_stacks_.end()) {
      CloseOpenLine();
      line_.clear();
      AppendStack(it->second);
      out_->Append(line_);
      ending_stacks_.erase(it);
    }
  }
}

void TextFormatter::AppendPrefix(const Event& event, bool several_form) {
  if (options_.thread == 0 && (!several_form || live_.size() > 1)) {
    const size_t start = line_.size();
    if (!several_form) {
      absl::StrAppend(&line_, event.tid);
      const size_t digits = line_.size() - start;
      if (options_.comm_of) AppendThreadComm(event);
      // "%-5d " without a name, as strace.
      if (line_.size() - start == digits && digits < 5) {
        line_.append(5 - digits, ' ');
      }
      line_.push_back(' ');
    } else {
      absl::StrAppendFormat(&line_, "[pid %5d", event.tid);
      if (options_.comm_of) AppendThreadComm(event);
      line_.append("] ");
    }
  }
}

bool ArchTracker::Update(const Event& event) {
  uint32_t arch;
  if (const auto* call = std::get_if<SyscallEvent>(&event.payload)) {
    arch = call->arch;
  } else if (const auto* enter =
                 std::get_if<SyscallEnterEvent>(&event.payload)) {
    arch = enter->arch;
  } else {
    if (arch_.empty()) return false;
    if (const auto* clone = std::get_if<CloneEvent>(&event.payload)) {
      if (const auto it = arch_.find(event.tid); it != arch_.end()) {
        arch_[clone->child] = it->second;
      }
    } else if (const auto* exec = std::get_if<ExecEvent>(&event.payload);
               exec != nullptr && exec->old_tid != event.tid) {
      Set(event.tid, Of(exec->old_tid));
      arch_.erase(exec->old_tid);
    }
    return false;
  }
  if (arch == kArchX86_64 && arch_.empty()) return false;  // the usual case
  if (Of(event.tid) == arch) return false;
  Set(event.tid, arch);
  return true;
}

uint32_t ArchTracker::Of(pid_t tid) const {
  const auto it = arch_.find(tid);
  return it == arch_.end() ? kArchX86_64 : it->second;
}

void ArchTracker::Set(pid_t tid, uint32_t arch) {
  if (arch == kArchX86_64 || arch == 0) {
    arch_.erase(tid);
  } else {
    arch_[tid] = arch;
  }
}

void TextFormatter::PrintPersonality(const Event& event, bool several_form,
                                     int32_t nr, bool have_nr) {
  const auto* call = std::get_if<SyscallEvent>(&event.payload);
  const auto* enter = std::get_if<SyscallEnterEvent>(&event.payload);
  const uint32_t arch = call != nullptr ? call->arch : enter->arch;
  CloseOpenLine();
  line_.clear();
  AppendPrefix(event, several_form);
  AppendTimestamp(event.ts_ns);
  if (options_.syscall_numbers || options_.instruction_pointers) {
    AppendNumberAndIp(nr, have_nr, call != nullptr ? call->ip : enter->ip,
                      arch);
  }
  absl::StrAppend(&line_, "[ Process PID=", event.tid, " runs in ",
                  arch == kArchI386 ? "32 bit" : "64 bit", " mode. ]\n");
  out_->Append(line_);
}

void TextFormatter::PrintLine(const Event& event, bool several_form,
                              bool whole) {
  const auto* call = std::get_if<SyscallEvent>(&event.payload);
  if (open_tid_ != 0 && whole && event.tid == open_tid_ && call != nullptr) {
    // The open line's call returned with nothing printed in between: its
    // line ends as it would have been printed whole.
    open_tid_ = 0;
    line_.assign(open_line_);
    const size_t printed = line_.size();
    AppendSyscall(*call, /*whole=*/true, /*from_exit=*/true);
    EndLine(event);
    out_->Append(std::string_view(line_).substr(printed));
    return;
  }
  CloseOpenLine();
  line_.clear();
  AppendPrefix(event, several_form);
  // strace stamps a line when it prints it: a split call's "resumed" line
  // is printed at exit.
  int64_t ts_ns = event.ts_ns;
  if (call != nullptr && call->split && !whole && call->dur_ns > 0) {
    ts_ns += call->dur_ns;
  }
  AppendTimestamp(ts_ns);
  AppendNumberAndIp(event);
  if (const auto* enter = std::get_if<SyscallEnterEvent>(&event.payload);
      enter != nullptr && options_.thread == 0 &&
      (enter->name == "execve" || enter->name == "execveat")) {
    // An execve left unfinished: strace ends its line with "<pid changed
    // to LEADER ...>" when the next thing printed is that this (non-leader)
    // thread's exec replaced the leader, else "<unfinished ...>". The
    // engine announces the entry right before that next event.
    AppendCallStart(enter->name, enter->args_enter, false);
    held_exec_ = line_;
    held_exec_tid_ = event.tid;
    return;
  }
  if (const auto* enter = std::get_if<SyscallEnterEvent>(&event.payload);
      enter != nullptr && options_.thread == 0) {
    // A call announced before its exit (it blocks, or another thread's line
    // comes first): printed up to its arguments now, as strace does.
    AppendBody(event, whole);
    out_->Append(line_);
    open_line_.assign(line_);
    open_tid_ = event.tid;
    return;
  }
  AppendBody(event, whole);
  EndLine(event);
  out_->Append(line_);
}

void TextFormatter::EndLine(const Event& event) {
  const auto* call = std::get_if<SyscallEvent>(&event.payload);
  line_.push_back('\n');
  if (call != nullptr) {
    if (!call->dump.empty()) {  // -e read=/write=
      line_.append(call->dump);
      line_.push_back('\n');
    }
    // -k: the stack. As strace, that of a call that never returned
    // (exit_group) comes once the thread is gone.
    if (call->returned) {
      AppendStack(call->stack);
    } else if (!call->stack.empty()) {
      ending_stacks_[event.tid] = call->stack;
    }
  } else if (const auto* sig = std::get_if<SignalEvent>(&event.payload)) {
    AppendStack(sig->stack);  // -k: where the signal interrupted it
  } else if (const auto* stop = std::get_if<StopEvent>(&event.payload)) {
    AppendStack(stop->stack);
  }
}

void TextFormatter::AppendStack(const std::string& stack) {
  if (stack.empty()) return;
  for (absl::string_view frame : absl::StrSplit(stack, '\n')) {
    line_.append(" > ");
    line_.append(frame.data(), frame.size());
    line_.push_back('\n');
  }
}

}  // namespace ttrace
