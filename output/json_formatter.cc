#include "output/json_formatter.h"

#include <algorithm>
#include <type_traits>
#include <variant>

#include "absl/strings/str_cat.h"
#include "output/errno_names.h"
#include "output/signal_names.h"

namespace ttrace {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendU00(std::string* out, unsigned char c) {
  const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
  out->append(esc, sizeof(esc));
}

// Length of the valid UTF-8 sequence of 2..4 bytes starting at s[i], or 0
// if the bytes there are not one (RFC 3629 table: no overlongs, no
// surrogates, nothing above U+10FFFF).
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto at = [&](size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  const auto cont = [](unsigned b) { return b >= 0x80 && b <= 0xbf; };
  const unsigned b0 = at(0);
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(at(1)) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const unsigned lo = b0 == 0xe0 ? 0xa0 : 0x80;
    const unsigned hi = b0 == 0xed ? 0x9f : 0xbf;
    const unsigned b1 = at(1);
    return b1 >= lo && b1 <= hi && cont(at(2)) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const unsigned lo = b0 == 0xf0 ? 0x90 : 0x80;
    const unsigned hi = b0 == 0xf4 ? 0x8f : 0xbf;
    const unsigned b1 = at(1);
    return b1 >= lo && b1 <= hi && cont(at(2)) && cont(at(3)) ? 4 : 0;
  }
  return 0;
}

// Appends ,"key": — keys are plain ASCII literals, never escaped.
void Key(std::string* out, std::string_view key) {
  out->append(",\"");
  out->append(key);
  out->append("\":");
}

class PayloadWriter {
 public:
  // `scratch` is a reusable buffer (no allocation per event once warm).
  PayloadWriter(std::string* out, std::string* scratch)
      : out_(out), scratch_(scratch) {}

  void operator()(const SpawnEvent& p) {
    Key(out_, "path");
    AppendJsonString(out_, p.path);
    Key(out_, "argv");
    out_->push_back('[');
    for (size_t i = 0; i < p.argv.size(); ++i) {
      if (i > 0) out_->push_back(',');
      AppendJsonString(out_, p.argv[i]);
    }
    out_->push_back(']');
  }
  void operator()(const AttachEvent&) {}
  void operator()(const DetachEvent&) {}
  void operator()(const CloneEvent& p) {
    Key(out_, "child");
    absl::StrAppend(out_, p.child);
    Key(out_, "kind");
    absl::StrAppend(out_, "\"", CloneKindName(p.kind), "\"");
  }
  void operator()(const ExecEvent& p) {
    Key(out_, "path");
    AppendJsonString(out_, p.path);
    Key(out_, "old_tid");
    absl::StrAppend(out_, p.old_tid);
  }
  void operator()(const SignalEvent& p) {
    Sig(p.signo);
    Key(out_, "code");
    absl::StrAppend(out_, p.code);
    Key(out_, "code_name");
    out_->push_back('"');
    AppendSiCodeName(out_, p.signo, p.code);
    out_->push_back('"');
    if (p.from_pid.has_value()) {
      Key(out_, "from_pid");
      absl::StrAppend(out_, *p.from_pid);
    }
    if (p.from_uid.has_value()) {
      Key(out_, "from_uid");
      absl::StrAppend(out_, *p.from_uid);
    }
    if (p.addr.has_value()) {
      Key(out_, "addr");
      absl::StrAppend(out_, *p.addr);
    }
    if (p.child.has_value()) {
      Key(out_, "child_status");
      absl::StrAppend(out_, p.child->status);
      Key(out_, "child_utime");
      absl::StrAppend(out_, p.child->utime);
      Key(out_, "child_stime");
      absl::StrAppend(out_, p.child->stime);
    }
    if (p.timer.has_value()) {
      Key(out_, "timer_id");
      absl::StrAppend(out_, p.timer->id);
      Key(out_, "timer_overrun");
      absl::StrAppend(out_, p.timer->overrun);
    }
    if (p.value.has_value()) {
      Key(out_, "value");
      absl::StrAppend(out_, *p.value);
    }
    if (p.error != 0) {
      Key(out_, "errno");
      absl::StrAppend(out_, p.error);
    }
    if (p.poll.has_value()) {
      Key(out_, "band");
      absl::StrAppend(out_, p.poll->band);
      Key(out_, "fd");
      absl::StrAppend(out_, p.poll->fd);
      if (!p.poll->fd_info.empty()) {
        Key(out_, "fd_info");
        AppendJsonString(out_, p.poll->fd_info);
      }
    }
    if (p.sys.has_value()) {
      Key(out_, "call_addr");
      absl::StrAppend(out_, p.sys->call_addr);
      Key(out_, "syscall");
      absl::StrAppend(out_, p.sys->nr);
      Key(out_, "arch");
      absl::StrAppend(out_, p.sys->arch);
    }
    Ip(p.ip);
    Stack(p.stack);
  }
  void operator()(const StopEvent& p) {
    Sig(p.signo);
    Stack(p.stack);
  }
  void operator()(const ContEvent&) {}
  void operator()(const ExitEvent& p) {
    switch (p.how) {
      case ExitEvent::How::kExited:
        Key(out_, "code");
        absl::StrAppend(out_, p.code);
        break;
      case ExitEvent::How::kKilled:
        Key(out_, "killed");
        SigName(p.signo);
        Key(out_, "signo");
        absl::StrAppend(out_, p.signo);
        Key(out_, "core");
        out_->append(p.core ? "true" : "false");
        break;
      case ExitEvent::How::kSuperseded:
        Key(out_, "superseded_by");
        absl::StrAppend(out_, p.superseded_by);
        break;
    }
    Key(out_, "comm");
    AppendJsonString(out_, p.comm);
  }
  void operator()(const SyscallEnterEvent& p) {
    Key(out_, "name");
    AppendJsonString(out_, p.name);
    Key(out_, "args");
    AppendJsonString(out_, p.args_enter);
    Ip(p.ip);
  }
  void operator()(const SyscallEvent& p) {
    Key(out_, "name");
    AppendJsonString(out_, p.name);
    Key(out_, "args");
    // One string, escaped as a whole (a UTF-8 sequence may span the two).
    scratch_->assign(p.args_enter);
    scratch_->append(p.args_exit);
    AppendJsonString(out_, *scratch_);
    Key(out_, "raw_args");
    out_->push_back('[');
    for (size_t i = 0; i < std::min<size_t>(p.nargs, p.raw_args.size()); ++i) {
      if (i > 0) out_->push_back(',');
      absl::StrAppend(out_, p.raw_args[i]);
    }
    out_->push_back(']');
    if (p.returned) {
      Key(out_, "ret");
      absl::StrAppend(out_, p.ret);
      if (IsErrorReturn(p.ret)) {
        // Errno names are ASCII ("ENOENT") or a decimal number ("600").
        Key(out_, "err");
        out_->push_back('"');
        AppendErrnoNameOrNumber(out_, static_cast<int>(-p.ret));
        out_->push_back('"');
      }
      if (!p.ret_suffix.empty()) {
        Key(out_, "ret_suffix");
        AppendJsonString(out_, p.ret_suffix);
      }
    }
    Key(out_, "dur_ns");
    absl::StrAppend(out_, p.dur_ns);
    if (p.cpu_ns >= 0) {  // -c
      Key(out_, "cpu_ns");
      absl::StrAppend(out_, p.cpu_ns);
    }
    if (!p.returned) {
      Key(out_, "returned");
      out_->append("false");
    }
    if (p.detached) {
      Key(out_, "detached");
      out_->append("true");
    }
    if (p.split) {
      Key(out_, "split");
      out_->append("true");
    }
    if (p.injected) {
      Key(out_, "injected");
      out_->append("true");
    }
    if (p.injected_args) {
      Key(out_, "injected_args");
      out_->append("true");
    }
    if (p.delayed) {
      Key(out_, "delayed");
      out_->append("true");
    }
    Ip(p.ip);
    if (!p.dump.empty()) {  // -e read=/write=
      Key(out_, "dump");
      AppendJsonString(out_, p.dump);
    }
    Stack(p.stack);  // -k
  }

 private:
  // -k: "stack", an array of frames, when recorded.
  void Stack(const std::string& stack) {
    if (stack.empty()) return;
    Key(out_, "stack");
    out_->push_back('[');
    size_t start = 0;
    while (true) {
      const size_t end = stack.find('\n', start);
      AppendJsonString(out_,
                       std::string_view(stack).substr(start, end - start));
      if (end == std::string::npos) break;
      out_->push_back(',');
      start = end + 1;
    }
    out_->push_back(']');
  }
  // -i: the instruction pointer, when recorded.
  void Ip(uint64_t ip) {
    if (ip == 0) return;
    Key(out_, "ip");
    absl::StrAppend(out_, ip);
  }
  // Signal names are ASCII ("SIGUSR1", "SIGRT_3", "65"): no escaping.
  void SigName(int signo) {
    out_->push_back('"');
    AppendSignalName(out_, signo);
    out_->push_back('"');
  }
  void Sig(int signo) {
    Key(out_, "sig");
    SigName(signo);
    Key(out_, "signo");
    absl::StrAppend(out_, signo);
  }

  std::string* out_;
  std::string* scratch_;
};

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) {
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t n = Utf8SequenceLength(s, i);
      if (n == 0) {
        AppendU00(out, c);
        ++i;
      } else {
        out->append(s.substr(i, n));
        i += n;
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (c < 0x20) {
          AppendU00(out, c);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

JsonFormatter::JsonFormatter(ByteSink* out) : out_(out) { line_.reserve(256); }

absl::Status JsonFormatter::Flush() { return out_->Flush(); }

void JsonFormatter::OnEvent(const Event& event) {
  line_.clear();
  absl::StrAppend(&line_, "{\"ts\":", event.ts_ns, ",\"pid\":", event.pid,
                  ",\"tid\":", event.tid, ",\"ev\":\"",
                  EventKindName(event.payload), "\"");
  std::visit(PayloadWriter(&line_, &scratch_), event.payload);
  line_.append("}\n");
  out_->Append(line_);
}

}  // namespace ttrace
