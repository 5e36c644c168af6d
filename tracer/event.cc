#include "tracer/event.h"

namespace ttrace {
namespace {

struct KindName {
  const char* operator()(const SpawnEvent&) const { return "spawn"; }
  const char* operator()(const AttachEvent&) const { return "attach"; }
  const char* operator()(const DetachEvent&) const { return "detach"; }
  const char* operator()(const CloneEvent&) const { return "clone"; }
  const char* operator()(const ExecEvent&) const { return "exec"; }
  const char* operator()(const SignalEvent&) const { return "signal"; }
  const char* operator()(const StopEvent&) const { return "stop"; }
  const char* operator()(const ContEvent&) const { return "cont"; }
  const char* operator()(const ExitEvent&) const { return "exit"; }
  const char* operator()(const SyscallEnterEvent&) const {
    return "syscall_enter";
  }
  const char* operator()(const SyscallEvent&) const { return "syscall"; }
};

}  // namespace

const char* EventKindName(const EventPayload& payload) {
  return std::visit(KindName{}, payload);
}

const char* CloneKindName(CloneKind kind) {
  switch (kind) {
    case CloneKind::kThread:
      return "thread";
    case CloneKind::kProcess:
      return "process";
    case CloneKind::kVfork:
      return "vfork";
  }
  return "?";
}

}  // namespace ttrace
