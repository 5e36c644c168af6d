#include "cli/filter_sink.h"

#include <signal.h>

#include <algorithm>

#include "output/errno_names.h"

namespace ttrace {

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
    if (!filters_.status.all()) return;
  } else if (const auto* call = std::get_if<SyscallEvent>(&event.payload)) {
    if (filters_.syscalls &&
        !filters_.syscalls->Traced(
            call->arch, FilterNumber(call->arch, call->nr, call->name))) {
      return;
    }
    if (!filters_.status.all()) {
      const SyscallStatus status =
          call->detached             ? SyscallStatus::kDetached
          : !call->returned          ? SyscallStatus::kUnfinished
          : IsErrorReturn(call->ret) ? SyscallStatus::kFailed
                                     : SyscallStatus::kSuccessful;
      if (!filters_.status.Shows(status)) return;
      if (call->split) {
        scratch_ = event;
        std::get<SyscallEvent>(scratch_.payload).split = false;
        next_->OnEvent(scratch_);
        return;
      }
    }
  }
  next_->OnEvent(event);
}

}  // namespace ttrace
