#include "output/errno_names.h"

#include <string.h>  // strerrorname_np, strerrordesc_np (glibc 2.32+)

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tracer/syscalls/format.h"

namespace ttrace {
namespace {

// Linux kernel-internal codes (include/linux/errno.h) that strace 6.1 names.
// They reach user space only through ptrace (the tracer sees the value
// before the kernel restarts the call) or from buggy drivers.
constexpr int kFirstInternal = 512;
constexpr const char* kInternalNames[] = {
    "ERESTARTSYS",            // 512
    "ERESTARTNOINTR",         // 513
    "ERESTARTNOHAND",         // 514
    "ENOIOCTLCMD",            // 515
    "ERESTART_RESTARTBLOCK",  // 516
    "EPROBE_DEFER",           // 517
    "EOPENSTALE",             // 518
    nullptr,                  // 519 ENOPARAM: unknown to strace 6.1
    nullptr,                  // 520: unused
    "EBADHANDLE",             // 521
    "ENOTSYNC",               // 522
    "EBADCOOKIE",             // 523
    "ENOTSUPP",               // 524
    "ETOOSMALL",              // 525
    "ESERVERFAULT",           // 526
    "EBADTYPE",               // 527
    "EJUKEBOX",               // 528
    "EIOCBQUEUED",            // 529
    "ERECALLCONFLICT",        // 530
};
constexpr int kNumInternal =
    static_cast<int>(sizeof(kInternalNames) / sizeof(kInternalNames[0]));

// strace prints "?" and its own text for these: the call did not fail, it
// is restarted (or returns EINTR) once the signal is handled.
const char* RestartDescription(int err) {
  switch (err) {
    case 512:
      return "To be restarted if SA_RESTART is set";
    case 513:
      return "To be restarted";
    case 514:
      return "To be restarted if no handler";
    case 516:
      return "Interrupted by signal";
  }
  return nullptr;
}

}  // namespace

const char* ErrnoName(int err) {
  if (err >= kFirstInternal && err < kFirstInternal + kNumInternal) {
    return kInternalNames[err - kFirstInternal];
  }
  if (err <= 0 || err >= kFirstInternal) return nullptr;
  return strerrorname_np(err);
}

const char* ErrnoDescription(int err) {
  if (const char* restart = RestartDescription(err)) return restart;
  if (err <= 0 || err >= kFirstInternal) return nullptr;
  return strerrordesc_np(err);
}

void AppendErrorResult(std::string* out, int err, bool raw) {
  const char* name = ErrnoName(err);
  if (name == nullptr) {
    absl::StrAppend(out, "-1 (errno ", err, ")");
    return;
  }
  const char* restart = raw ? nullptr : RestartDescription(err);
  out->append(restart != nullptr ? "? " : "-1 ");
  out->append(name);
  out->append(" (");
  if (restart != nullptr) {
    out->append(restart);
  } else if (const char* desc = raw && err >= kFirstInternal
                                    ? nullptr
                                    : ErrnoDescription(err)) {
    out->append(desc);
  } else {
    absl::StrAppend(out, "Unknown error ", err);
  }
  out->push_back(')');
}

void AppendSyscallResult(std::string* out, const SyscallEvent& call) {
  if (!call.returned) {
    out->push_back('?');
    return;
  }
  if (IsErrorReturn(call.ret)) {
    AppendErrorResult(out, static_cast<int>(-call.ret),
                      call.ret_format == SyscallEvent::RetFormat::kRaw);
  } else {
    switch (call.ret_format) {
      case SyscallEvent::RetFormat::kDecimal:
        absl::StrAppend(out, call.ret);
        break;
      case SyscallEvent::RetFormat::kHex:
      case SyscallEvent::RetFormat::kRaw:
        absl::StrAppendFormat(out, "%#x", static_cast<uint64_t>(call.ret));
        break;
      case SyscallEvent::RetFormat::kOctal:
        absl::StrAppendFormat(out, "%#03o", static_cast<uint64_t>(call.ret));
        break;
    }
  }
  out->append(call.ret_suffix);
  AppendInjectMarks(out, call);
}

void AppendInjectMarks(std::string* out, const SyscallEvent& call) {
  if (call.injected_args) {
    out->append(call.injected ? " (INJECTED: args, retval)"
                              : " (INJECTED: args)");
  } else if (call.injected) {
    out->append(" (INJECTED)");
  }
  if (call.delayed) out->append(" (DELAYED)");
}

void AppendErrnoNameOrNumber(std::string* out, int err) {
  if (const char* name = ErrnoName(err)) {
    out->append(name);
  } else {
    absl::StrAppend(out, err);
  }
}

void AppendErrnoConst(std::string* out, int err) {
  if (const char* name = ErrnoName(err)) {
    AppendConst(out, name, RawConst::Dec(err));
  } else {
    absl::StrAppend(out, static_cast<uint32_t>(err));
  }
}

}  // namespace ttrace
