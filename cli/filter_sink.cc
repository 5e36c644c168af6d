#include "cli/filter_sink.h"

#include <signal.h>

#include <algorithm>

#include "output/errno_names.h"

namespace ttrace {

void FilterSink::TrackHeldLines(const Event& event) {
  if (std::holds_alternative<SyscallEnterEvent>(event.payload)) {
    open_ = event.tid;
  } else if (const auto* call = std::get_if<SyscallEvent>(&event.payload)) {
    if (!call->split || open_ == event.tid) open_ = 0;
  } else if (std::holds_alternative<SignalEvent>(event.payload) ||
             std::holds_alternative<StopEvent>(event.payload) ||
             std::holds_alternative<ExitEvent>(event.payload) ||
             std::holds_alternative<DetachEvent>(event.payload)) {
    if (IsQuietLine(filters_.quiet, event)) return;  // not printed
    // Lines strace prints as they come (ttrace's own "+++ started",
    // "+++ created", "+++ exec" and "--- continued ---" are not strace's).
    if (open_ != 0 && open_ != event.tid) broken_.push_back(open_);
    open_ = 0;
  }
}

void FilterSink::OnEvent(const Event& event) {
  if (!filters_.pids.empty() &&
      std::find(filters_.pids.begin(), filters_.pids.end(), event.pid) ==
          filters_.pids.end()) {
    return;
  }
  if (const auto* sig = std::get_if<SignalEvent>(&event.payload)) {
    if (!filters_.signals.Contains(sig->signo)) return;
  } else if (const auto* stop = std::get_if<StopEvent>(&event.payload)) {
    // strace leaves out "--- stopped by SIG ---" for signals not shown;
    // the continuation is SIGCONT's.
    if (!filters_.signals.Contains(stop->signo)) return;
  } else if (std::holds_alternative<ContEvent>(event.payload)) {
    if (!filters_.signals.Contains(SIGCONT)) return;
  } else if (const auto* enter =
                 std::get_if<SyscallEnterEvent>(&event.payload)) {
    if (filters_.syscalls &&
        !filters_.syscalls->Traced(
            enter->arch, FilterNumber(enter->arch, enter->nr, enter->name))) {
      return;
    }
    // Whether the call will pass the status filter is known only at its
    // end, so with a status filter calls are shown whole, when they end.
    if (!filters_.status.all()) {
      TrackHeldLines(event);
      return;
    }
  } else if (const auto* call = std::get_if<SyscallEvent>(&event.payload)) {
    if (filters_.syscalls &&
        !filters_.syscalls->Traced(
            call->arch, FilterNumber(call->arch, call->nr, call->name))) {
      return;
    }
    if (!filters_.status.all()) {
      TrackHeldLines(event);
      const auto broken = std::find(broken_.begin(), broken_.end(), event.tid);
      const bool held_break = broken != broken_.end();
      if (held_break) broken_.erase(broken);
      const SyscallStatus status =
          call->detached             ? SyscallStatus::kDetached
          : !call->returned          ? SyscallStatus::kUnfinished
          : IsErrorReturn(call->ret) ? SyscallStatus::kFailed
                                     : SyscallStatus::kSuccessful;
      if (!filters_.status.Shows(status)) return;
      if (call->split) {
        scratch_ = event;
        auto& shown = std::get<SyscallEvent>(scratch_.payload);
        shown.split = false;
        shown.held_break = held_break;
        next_->OnEvent(scratch_);
        return;
      }
    }
  }
  if (!filters_.status.all() &&
      !std::holds_alternative<SyscallEvent>(event.payload)) {
    TrackHeldLines(event);
  }
  next_->OnEvent(event);
}

}  // namespace ttrace
