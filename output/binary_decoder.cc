#include "output/binary_decoder.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <variant>

#include "absl/strings/str_cat.h"

namespace ttrace {

using binfmt::GetVarint;
using binfmt::UnZigZag;
using binfmt::VarintResult;

namespace {

constexpr const char* kKindNames[binfmt::kEventKinds] = {
    "spawn", "attach", "detach", "clone",         "exec",   "signal",
    "stop",  "cont",   "exit",   "syscall_enter", "syscall"};

// Reads the fields of one record body. Errors are sticky: after the first
// one every read returns 0 / "" and `error` says what went wrong, so the
// decoding code checks once, at the end of the record.
struct Reader {
  const char* p;
  const char* end;
  const char* error = nullptr;

  void Fail(const char* what) {
    if (error == nullptr) error = what;
    p = end;
  }
  size_t left() const { return static_cast<size_t>(end - p); }

  uint64_t Varint() {
    if (error) return 0;
    uint64_t v = 0;
    switch (GetVarint(&p, end, &v)) {
      case VarintResult::kOk:
        return v;
      case VarintResult::kIncomplete:
        Fail("a field runs past the end of its record");
        return 0;
      case VarintResult::kInvalid:
        Fail("invalid varint");
        return 0;
    }
    return 0;
  }
  int64_t Signed() { return UnZigZag(Varint()); }
  // A signed value that must fit in 32 bits.
  int32_t Int32() {
    const int64_t v = Signed();
    if (v < std::numeric_limits<int32_t>::min() ||
        v > std::numeric_limits<int32_t>::max()) {
      Fail("a 32-bit field is out of range");
      return 0;
    }
    return static_cast<int32_t>(v);
  }
  uint32_t Uint32() {
    const uint64_t v = Varint();
    if (v > std::numeric_limits<uint32_t>::max()) {
      Fail("a 32-bit field is out of range");
      return 0;
    }
    return static_cast<uint32_t>(v);
  }
  // base + delta, modulo 2^32 (deltas between ids are written as int64).
  int32_t Relative(int32_t base) {
    const uint64_t d = static_cast<uint64_t>(Signed());
    return static_cast<int32_t>(
        static_cast<uint32_t>(static_cast<uint64_t>(int64_t{base}) + d));
  }
  std::string_view Bytes(uint64_t n) {
    if (error) return {};
    if (n > left()) {
      Fail("a string runs past the end of its record");
      return {};
    }
    std::string_view s(p, n);
    p += n;
    return s;
  }
  // Header strings: length + bytes.
  void PlainString(std::string* out) {
    const uint64_t n = Varint();
    std::string_view s = Bytes(n);
    out->assign(s.data(), s.size());
  }
};

// The last two distinct values of a string field of a syscall context
// (h[0] the latest). Values longer than kMaxContextString are kept as "".
struct History {
  std::string h[2];

  void Update(const std::string& value) {
    const bool keep = value.size() <= binfmt::kMaxContextString;
    if (keep ? value == h[0] : h[0].empty()) return;
    h[0].swap(h[1]);
    if (keep) {
      h[0] = value;
    } else {
      h[0].clear();
    }
  }
};

template <typename T>
T& Reuse(EventPayload& payload) {
  if (T* p = std::get_if<T>(&payload)) return *p;
  return payload.emplace<T>();
}

}  // namespace

struct BinaryDecoder::State {
  struct Context {
    History name;
    History args_enter;
    History args_exit;
    History stack;
    uint64_t args[6] = {};
    uint64_t ip = 0;
    uint8_t nargs = 6;
    bool captured = false;  // the last record's
  };
  std::vector<std::string> slots;
  std::vector<bool> defined;
  uint64_t table_bytes = 0;
  std::unique_ptr<Context[]> contexts{new Context[binfmt::kSyscallContexts]};
  const History none{};  // the context of fields that have none: "", ""

  uint64_t prev_ts = 0;
  int32_t prev_tid = 0;
  int32_t prev_pid = 0;
  uint64_t next_seq = 0;
  uint64_t event_bytes = 0;  // string bytes of the event being decoded
  bool capture = false;      // the header has capture settings
  Event event;               // reused: its strings keep their capacity

  // A string field; `hist` is the field's context (null: none, i.e. "").
  void String(Reader& r, History* hist, std::string* out) {
    const History& ctx = hist ? *hist : none;
    const uint64_t v = r.Varint();
    if (r.error) return;
    const uint64_t arg = v >> 2;
    switch (v & 3) {
      case binfmt::kStrLiteral: {
        std::string_view s = r.Bytes(arg);
        if (!Budget(r, s.size())) return;
        out->assign(s.data(), s.size());
        break;
      }
      case binfmt::kStrSlot:
        if (arg >= slots.size() || !defined[arg]) {
          r.Fail("reference to an undefined string-table slot");
          return;
        }
        if (!Budget(r, slots[arg].size())) return;
        *out = slots[arg];
        break;
      case binfmt::kStrDelta: {
        const std::string& prev = ctx.h[arg & 1];
        const uint64_t prefix = arg >> 1;
        const uint64_t suffix = r.Varint();
        const uint64_t mid_len = r.Varint();
        if (r.error) return;
        if (prefix > prev.size() || suffix > prev.size() - prefix) {
          r.Fail("a string delta is longer than the previous value");
          return;
        }
        std::string_view mid = r.Bytes(mid_len);
        if (r.error || !Budget(r, prefix + suffix + mid.size())) return;
        // `out` and `prev` are distinct objects: out is a payload field.
        out->assign(prev, 0, prefix);
        out->append(mid.data(), mid.size());
        out->append(prev, prev.size() - suffix, suffix);
        break;
      }
      case binfmt::kStrSame:
        if (arg > 1) {
          r.Fail("invalid string field");
          return;
        }
        if (!Budget(r, ctx.h[arg].size())) return;
        *out = ctx.h[arg];
        break;
    }
    if (hist) hist->Update(*out);
  }

  bool Budget(Reader& r, uint64_t n) {
    if (n > binfmt::kMaxEventStringBytes - event_bytes) {
      r.Fail("an event's strings exceed 32 MiB");
      return false;
    }
    event_bytes += n;
    return true;
  }

  Context& ContextFor(int32_t nr, uint32_t arch) {
    return contexts[(static_cast<uint32_t>(nr) +
                     (arch == kArchX86_64 ? 0 : 512)) &
                    (binfmt::kSyscallContexts - 1)];
  }

  // The appended fields of syscall and syscall_enter records: -i's ip
  // (0: none), -k's stack and -e read=/write='s dump (a syscall_enter has
  // neither). Unknown bits
  // are skipped with the rest of the record.
  void Appended(Reader& r, Context& ctx, uint64_t* ip, std::string* stack,
                std::string* dump, uint64_t* marks = nullptr,
                int64_t* cpu_ns = nullptr) {
    *ip = 0;
    if (stack != nullptr) stack->clear();
    if (dump != nullptr) dump->clear();
    if (marks != nullptr) *marks = 0;
    if (cpu_ns != nullptr) *cpu_ns = -1;
    if (r.left() == 0) return;
    const uint64_t x = r.Varint();
    if (marks != nullptr) *marks = x;
    if (x & binfmt::kSysExtIp) {
      ctx.ip += static_cast<uint64_t>(r.Signed());
      *ip = ctx.ip;
    }
    if ((x & binfmt::kSysExtStack) && stack != nullptr) {
      String(r, &ctx.stack, stack);
    }
    if ((x & binfmt::kSysExtDump) && dump != nullptr) String(r, nullptr, dump);
    if ((x & binfmt::kSysExtCpu) && cpu_ns != nullptr) {
      *cpu_ns = r.Signed();
      if (*cpu_ns < 0) r.Fail("negative cpu_ns");
    }
  }

  // nr, arch and name of syscall and syscall_enter records.
  Context& SyscallId(Reader& r, int32_t* nr, uint32_t* arch,
                     std::string* name) {
    const uint64_t a = r.Varint();
    if ((a >> 2) > std::numeric_limits<uint32_t>::max()) {
      r.Fail("syscall number out of range");
    }
    *nr = static_cast<int32_t>(static_cast<uint32_t>(a >> 2));
    *arch = (a & 1) ? r.Uint32() : kArchX86_64;
    Context& ctx = ContextFor(*nr, *arch);
    if (a & 2) {
      String(r, &ctx.name, name);
    } else {
      if (Budget(r, ctx.name.h[0].size())) *name = ctx.name.h[0];
    }
    return ctx;
  }

  // Decodes an event record into `event`. Returns false with r.error set.
  bool DecodeEvent(Reader& r, size_t kind) {
    event_bytes = 0;
    ttrace::Event& e = event;
    const uint64_t h = r.Varint();
    uint64_t delta = h >> binfmt::kFlagBits;
    uint64_t seq = next_seq;
    if (h & binfmt::kFlagRare) {
      const uint64_t rare = r.Varint();
      if (rare & ~(binfmt::kRareSeq | binfmt::kRareBigTs)) {
        r.Fail("invalid event header flags");
      }
      if (rare & binfmt::kRareBigTs) delta = static_cast<uint64_t>(r.Signed());
      if (rare & binfmt::kRareSeq) seq += static_cast<uint64_t>(r.Signed());
    }
    const uint64_t ts = prev_ts + delta;
    int32_t tid = prev_tid;
    if (h & binfmt::kFlagTid) tid = r.Relative(prev_tid);
    int32_t pid = prev_pid;
    if (h & binfmt::kFlagPid) {
      const uint64_t d = static_cast<uint64_t>(r.Signed());
      pid = static_cast<int32_t>(
          static_cast<uint32_t>(static_cast<uint64_t>(int64_t{tid}) - d));
    }
    e.seq = seq;
    e.ts_ns = static_cast<int64_t>(ts);
    e.pid = pid;
    e.tid = tid;
    switch (kind) {
      case 0: {
        auto& p = Reuse<SpawnEvent>(e.payload);
        String(r, nullptr, &p.path);
        const uint64_t argc = r.Varint();
        // Every argument takes at least one byte of the record, and counts
        // kArgumentCost bytes against the event's budget.
        if (argc > r.left()) r.Fail("argument count exceeds the record");
        if (r.error || !Budget(r, argc * binfmt::kArgumentCost)) return false;
        p.argv.resize(argc);
        for (std::string& a : p.argv) {
          String(r, nullptr, &a);
          if (r.error) return false;
        }
        break;
      }
      case 1:
        Reuse<AttachEvent>(e.payload);
        break;
      case 2:
        Reuse<DetachEvent>(e.payload);
        break;
      case 3: {
        auto& p = Reuse<CloneEvent>(e.payload);
        const uint64_t k = r.Varint();
        if (k > static_cast<uint64_t>(CloneKind::kVfork)) {
          r.Fail("invalid clone kind");
        }
        p.kind = static_cast<CloneKind>(k);
        p.child = r.Relative(tid);
        break;
      }
      case 4: {
        auto& p = Reuse<ExecEvent>(e.payload);
        String(r, nullptr, &p.path);
        p.old_tid = r.Relative(tid);
        break;
      }
      case 5: {
        auto& p = Reuse<SignalEvent>(e.payload);
        const uint64_t f = r.Varint();
        if (f > 7) r.Fail("invalid signal flags");
        p.signo = r.Int32();
        p.code = r.Int32();
        p.from_pid.reset();
        p.from_uid.reset();
        p.addr.reset();
        if (f & 1) p.from_pid = r.Relative(pid);
        if (f & 2) p.from_uid = r.Uint32();
        if (f & 4) p.addr = r.Varint();
        p.child.reset();
        p.value.reset();
        p.timer.reset();
        p.error = 0;
        p.poll.reset();
        p.sys.reset();
        p.ip = 0;
        p.stack.clear();
        if (r.left() > 0) {  // appended fields; unknown ones are skipped
          const uint64_t ext = r.Varint();
          if (ext & binfmt::kSignalExtChild) {
            SignalEvent::Child c;
            c.status = r.Int32();
            c.utime = r.Signed();
            c.stime = r.Signed();
            p.child = c;
          }
          if (ext & binfmt::kSignalExtIp) p.ip = r.Varint();
          if (ext & binfmt::kSignalExtStack) String(r, nullptr, &p.stack);
          if (ext & binfmt::kSignalExtValue) p.value = r.Varint();
          if (ext & binfmt::kSignalExtTimer) {
            SignalEvent::Timer t;
            t.id = r.Int32();
            t.overrun = r.Int32();
            p.timer = t;
          }
          if (ext & binfmt::kSignalExtErrno) p.error = r.Int32();
          if (ext & binfmt::kSignalExtPoll) {
            SignalEvent::Poll poll;
            poll.band = r.Signed();
            poll.fd = r.Int32();
            p.poll = poll;
          }
          if (ext & binfmt::kSignalExtSys) {
            SignalEvent::Sys sys;
            sys.call_addr = r.Varint();
            sys.nr = r.Int32();
            sys.arch = r.Uint32();
            sys.personality = r.Uint32();
            p.sys = sys;
          }
          if (ext & binfmt::kSignalExtFdInfo) {
            std::string info;
            String(r, nullptr, &info);
            // Only an SI_SIGIO/POLL_* signal has an fd to describe.
            if (!p.poll) {
              r.Fail("si_fd text without si_fd");
            } else {
              p.poll->fd_info = std::move(info);
            }
          }
        }
        break;
      }
      case 6: {
        auto& p = Reuse<StopEvent>(e.payload);
        p.signo = r.Int32();
        p.stack.clear();
        if (r.left() > 0 && (r.Varint() & binfmt::kStopExtStack)) {
          String(r, nullptr, &p.stack);  // appended: -k
        }
        break;
      }
      case 7:
        Reuse<ContEvent>(e.payload);
        break;
      case 8: {
        auto& p = Reuse<ExitEvent>(e.payload);
        const uint64_t f = r.Varint();
        if (f > 7 ||
            (f & 3) > static_cast<uint64_t>(ExitEvent::How::kSuperseded)) {
          r.Fail("invalid exit flags");
        }
        p.how = static_cast<ExitEvent::How>(f & 3);
        p.core = (f & 4) != 0;
        p.code = r.Int32();
        p.signo = r.Int32();
        p.superseded_by = r.Relative(tid);
        String(r, nullptr, &p.comm);
        break;
      }
      case 9: {
        auto& p = Reuse<SyscallEnterEvent>(e.payload);
        Context& ctx = SyscallId(r, &p.nr, &p.arch, &p.name);
        String(r, &ctx.args_enter, &p.args_enter);
        Appended(r, ctx, &p.ip, nullptr, nullptr);
        break;
      }
      case 10: {
        auto& p = Reuse<SyscallEvent>(e.payload);
        Context& ctx = SyscallId(r, &p.nr, &p.arch, &p.name);
        const uint64_t f = r.Varint();
        const uint64_t ret_format = (f >> binfmt::kSysRetFormatShift) & 3;
        if ((f & ~binfmt::kSysKnownBits) != 0 ||
            ret_format > static_cast<uint64_t>(SyscallEvent::RetFormat::kRaw)) {
          r.Fail("invalid syscall flags");
        }
        p.returned = (f & binfmt::kSysNotReturned) == 0;
        p.split = (f & binfmt::kSysSplit) != 0;
        p.injected = (f & binfmt::kSysInjected) != 0;
        if (f & binfmt::kSysCaptured) ctx.captured = !ctx.captured;
        p.captured = ctx.captured;
        if (p.captured && !capture) {
          r.Fail("captured call in a trace without capture settings");
        }
        p.ret_format = static_cast<SyscallEvent::RetFormat>(ret_format);
        if (f & binfmt::kSysNargs) {
          const uint64_t n = r.Varint();
          if (n > 6) r.Fail("invalid syscall argument count");
          ctx.nargs = static_cast<uint8_t>(std::min<uint64_t>(n, 6));
        }
        if ((f & binfmt::kSysArgsMask) >> ctx.nargs != 0) {
          r.Fail("raw argument beyond the syscall's argument count");
        }
        p.nargs = ctx.nargs;
        for (int i = 0; i < 6; ++i) {
          if (f & (uint64_t{1} << i)) {
            ctx.args[i] += static_cast<uint64_t>(r.Signed());
          }
          p.raw_args[i] = i < ctx.nargs ? ctx.args[i] : 0;
        }
        String(r, &ctx.args_enter, &p.args_enter);
        String(r, &ctx.args_exit, &p.args_exit);
        p.ret = r.Signed();
        p.dur_ns = r.Signed();
        p.ret_suffix.clear();
        if (f & binfmt::kSysRetSuffix) String(r, nullptr, &p.ret_suffix);
        uint64_t marks = 0;
        Appended(r, ctx, &p.ip, &p.stack, &p.dump, &marks, &p.cpu_ns);
        p.detached = (marks & binfmt::kSysExtDetached) != 0;
        p.delayed = (marks & binfmt::kSysExtDelayed) != 0;
        p.injected_args = (marks & binfmt::kSysExtPoked) != 0;
        break;
      }
    }
    if (r.error) return false;
    prev_ts = ts;
    prev_tid = tid;
    prev_pid = pid;
    next_seq = seq + 1;
    return true;
  }
};

BinaryDecoder::BinaryDecoder(EventSink* sink)
    : sink_(sink), state_(std::make_unique<State>()) {}

BinaryDecoder::~BinaryDecoder() = default;

absl::Status BinaryDecoder::Corrupt(std::string_view what) const {
  return absl::InvalidArgumentError(
      absl::StrCat("corrupt trace at byte offset ", record_offset_, ": ",
                   absl::string_view(what.data(), what.size())));
}

absl::Status BinaryDecoder::Feed(std::string_view bytes) {
  if (!error_.ok()) return error_;
  if (bytes.empty()) return absl::OkStatus();
  size_t consumed = 0;
  absl::Status s;
  if (pending_.empty()) {
    s = Parse(bytes, &consumed);
    if (s.ok())
      pending_.assign(bytes.data() + consumed, bytes.size() - consumed);
  } else {
    pending_.append(bytes.data(), bytes.size());
    s = Parse(pending_, &consumed);
    if (s.ok()) pending_.erase(0, consumed);
  }
  offset_ += consumed;
  if (!s.ok()) {
    error_ = s;
    pending_.clear();
    pending_.shrink_to_fit();
  }
  return s;
}

absl::Status BinaryDecoder::Finish() {
  if (!error_.ok()) return error_;
  switch (stage_) {
    case Stage::kEnded:
      return absl::OkStatus();
    case Stage::kHeader:
      if (offset_ == 0 && pending_.empty()) {
        return absl::DataLossError(
            "trace is truncated after 0 events (the input is empty)");
      }
      return absl::DataLossError(absl::StrCat(
          "trace is truncated after 0 events (the header is incomplete: ",
          pending_.size(), " bytes)"));
    case Stage::kRecords:
      break;
  }
  if (pending_.empty()) {
    return absl::DataLossError(absl::StrCat(
        "trace is truncated after ", events_, " events (no end record)"));
  }
  return absl::DataLossError(
      absl::StrCat("trace is truncated after ", events_,
                   " events (the record at byte offset ", offset_,
                   " is incomplete: ", pending_.size(), " bytes)"));
}

absl::Status BinaryDecoder::ParseHeader(std::string_view data,
                                        size_t* consumed) {
  *consumed = 0;
  const size_t m = std::min(data.size(), binfmt::kMagicSize);
  if (std::memcmp(data.data(), binfmt::kMagic, m) != 0) {
    return absl::InvalidArgumentError(
        "not a ttrace binary trace (bad magic number)");
  }
  if (m < binfmt::kMagicSize) return absl::OkStatus();
  const char* p = data.data() + binfmt::kMagicSize;
  const char* end = data.data() + data.size();
  uint64_t version = 0, length = 0;
  VarintResult r = GetVarint(&p, end, &version);
  if (r == VarintResult::kIncomplete) return absl::OkStatus();
  if (r == VarintResult::kInvalid || version != binfmt::kVersion) {
    return absl::InvalidArgumentError(
        absl::StrCat("unsupported binary trace format version ",
                     r == VarintResult::kInvalid ? std::string("(invalid)")
                                                 : absl::StrCat(version),
                     " (this ttrace reads version ", binfmt::kVersion, ")"));
  }
  r = GetVarint(&p, end, &length);
  if (r == VarintResult::kIncomplete) return absl::OkStatus();
  if (r == VarintResult::kInvalid || length > binfmt::kMaxHeaderLength) {
    return Corrupt("invalid header length");
  }
  if (static_cast<uint64_t>(end - p) < length) return absl::OkStatus();
  Reader in{p, p + length};
  BinaryHeader h;
  h.monotonic_start_ns = in.Signed();
  h.wall_start_ns = in.Signed();
  in.PlainString(&h.hostname);
  in.PlainString(&h.kernel_release);
  in.PlainString(&h.arch);
  in.PlainString(&h.ttrace_version);
  const uint64_t argc = in.Varint();
  if (argc > in.left()) in.Fail("argument count exceeds the header");
  if (!in.error) {
    h.command_line.resize(argc);
    for (std::string& a : h.command_line) in.PlainString(&a);
  }
  if (!in.error && in.left() > 0 && in.Varint() == binfmt::kHeaderCapture) {
    BinaryHeader::CaptureSettings c;
    c.string_limit = in.Varint();
    const uint64_t bits = in.Varint();
    c.verbose = (bits & binfmt::kCaptureVerbose) != 0;
    c.hex_strings =
        static_cast<uint8_t>((bits >> binfmt::kCaptureHexShift) & 3);
    c.xlat_style =
        static_cast<uint8_t>((bits >> binfmt::kCaptureXlatShift) & 3);
    if (c.string_limit > binfmt::kMaxCaptureStringLimit || c.xlat_style > 2 ||
        bits >> (binfmt::kCaptureXlatShift + 2) != 0) {
      in.Fail("invalid capture settings");
    }
    h.capture = c;
  }
  if (in.error) return Corrupt(absl::StrCat("header: ", in.error));
  // Bytes after the known fields: added by a newer minor revision; ignored.
  state_->capture = h.capture.has_value();
  header_ = std::move(h);
  stage_ = Stage::kRecords;
  *consumed = static_cast<size_t>(p + length - data.data());
  if (on_header_) on_header_(header_);
  return absl::OkStatus();
}

absl::Status BinaryDecoder::Parse(std::string_view data, size_t* consumed) {
  *consumed = 0;
  const char* base = data.data();
  const char* p = base;
  const char* end = base + data.size();
  if (stage_ == Stage::kHeader) {
    record_offset_ = offset_;
    size_t n = 0;
    absl::Status s = ParseHeader(data, &n);
    if (!s.ok() || n == 0) return s;
    p += n;
  }
  while (p < end) {
    record_offset_ = offset_ + static_cast<uint64_t>(p - base);
    if (stage_ == Stage::kEnded) {
      // (How many bytes follow depends on how the input was split into
      // Feed calls, so the message does not say.)
      return Corrupt("data after the end record");
    }
    const char* q = p;
    uint64_t type = 0, length = 0;
    VarintResult r = GetVarint(&q, end, &type);
    if (r == VarintResult::kOk) r = GetVarint(&q, end, &length);
    if (r == VarintResult::kIncomplete) break;
    if (r == VarintResult::kInvalid)
      return Corrupt("invalid varint in a record header");
    if (length > binfmt::kMaxRecordLength) {
      return Corrupt(absl::StrCat("record length ", length,
                                  " exceeds the limit of ",
                                  binfmt::kMaxRecordLength));
    }
    if (static_cast<uint64_t>(end - q) < length) break;
    absl::Status s = Record(type, q, q + length);
    if (!s.ok()) return s;
    p = q + length;
    *consumed = static_cast<size_t>(p - base);
  }
  *consumed = static_cast<size_t>(p - base);
  return absl::OkStatus();
}

absl::Status BinaryDecoder::Record(uint64_t type, const char* body,
                                   const char* end) {
  State& st = *state_;
  Reader r{body, end};
  if (type >= binfmt::kRecordFirstEvent &&
      type < binfmt::kRecordFirstEvent + binfmt::kEventKinds) {
    const size_t kind = static_cast<size_t>(type - binfmt::kRecordFirstEvent);
    if (!st.DecodeEvent(r, kind)) {
      return Corrupt(absl::StrCat(kKindNames[kind], " record: ", r.error));
    }
    ++events_;
    ++kind_counts_[kind];
    sink_->OnEvent(st.event);
    return absl::OkStatus();
  }
  switch (type) {
    case 0:
      return Corrupt("record type 0 (zeroed data?)");
    case binfmt::kRecordString: {
      const uint64_t slot = r.Varint();
      if (r.error) return Corrupt(absl::StrCat("string record: ", r.error));
      if (slot >= binfmt::kMaxStringSlots) {
        return Corrupt(absl::StrCat("string-table slot ", slot,
                                    " exceeds the limit of ",
                                    binfmt::kMaxStringSlots));
      }
      const size_t len = r.left();
      if (len > binfmt::kMaxSlotString) {
        return Corrupt(absl::StrCat("string-table entry of ", len,
                                    " bytes exceeds the limit of ",
                                    binfmt::kMaxSlotString));
      }
      if (slot >= st.slots.size()) {
        st.slots.resize(slot + 1);
        st.defined.resize(slot + 1);
      }
      std::string& s = st.slots[slot];
      st.table_bytes = st.table_bytes - s.size() + len;
      if (st.table_bytes > binfmt::kMaxStringTableBytes) {
        return Corrupt("the string table exceeds 64 MiB");
      }
      s.assign(r.p, len);
      st.defined[slot] = true;
      return absl::OkStatus();
    }
    case binfmt::kRecordEnd: {
      const uint64_t total = r.Varint();
      const uint64_t kinds = r.Varint();
      uint64_t sum = 0;
      for (uint64_t i = 0; i < kinds && !r.error; ++i) {
        const uint64_t n = r.Varint();
        if (r.error) break;
        sum += n;
        if (i < binfmt::kEventKinds && n != kind_counts_[i]) {
          return Corrupt(absl::StrCat("the end record counts ", n, " ",
                                      kKindNames[i], " events but ",
                                      kind_counts_[i], " were decoded"));
        }
      }
      if (r.error) return Corrupt(absl::StrCat("end record: ", r.error));
      for (uint64_t i = kinds; i < binfmt::kEventKinds; ++i) {
        if (kind_counts_[i] != 0) {
          return Corrupt(absl::StrCat("the end record has no count of ",
                                      kKindNames[i], " events but ",
                                      kind_counts_[i], " were decoded"));
        }
      }
      if (sum != total) {
        return Corrupt(absl::StrCat("the end record's total ", total,
                                    " differs from the sum of its counts ",
                                    sum));
      }
      stage_ = Stage::kEnded;
      return absl::OkStatus();
    }
    default:
      ++skipped_;  // written by a newer ttrace: skip it by its length
      return absl::OkStatus();
  }
}

absl::Status DecodeBytes(std::string_view bytes, EventSink* sink,
                         BinaryHeader* header_out) {
  BinaryDecoder dec(sink);
  absl::Status s = dec.Feed(bytes);
  if (s.ok()) s = dec.Finish();
  if (header_out && dec.has_header()) *header_out = dec.header();
  return s;
}

absl::Status DecodeStream(int fd, EventSink* sink, BinaryHeader* header_out,
                          std::function<void(const BinaryHeader&)> on_header) {
  BinaryDecoder dec(sink);
  if (on_header) dec.set_on_header(std::move(on_header));
  constexpr size_t kChunk = 1 << 16;
  std::unique_ptr<char[]> buf(new char[kChunk]);
  absl::Status s;
  for (;;) {
    const ssize_t n = read(fd, buf.get(), kChunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      s = absl::UnavailableError(absl::StrCat("read: ", strerror(errno)));
      break;
    }
    if (n == 0) {
      s = dec.Finish();
      break;
    }
    s = dec.Feed(std::string_view(buf.get(), static_cast<size_t>(n)));
    if (!s.ok()) break;
  }
  if (header_out && dec.has_header()) *header_out = dec.header();
  return s;
}

}  // namespace ttrace
