#include "output/json_formatter.h"

#include <signal.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "output/byte_sink.h"
#include "tracer/event.h"

// Counts heap allocations, to check that formatting an event allocates
// nothing once the formatter's buffer has grown.
namespace {
std::atomic<int64_t> g_allocations{0};
}  // namespace

void* operator new(size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

namespace ttrace {
namespace {

// ---- A strict little JSON (RFC 8259) parser, so that tests check that the
// output parses, not just that it looks right. Strings are decoded to
// UTF-8; raw bytes in strings must be valid UTF-8 and not control chars.
struct Json {
  enum Type { kNull, kBool, kNumber, kString, kArray, kObject } type = kNull;
  bool boolean = false;
  std::string text;  // number literal or decoded string
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;

  const Json* Get(std::string_view key) const {
    for (const auto& [k, v] : members) {
      if (k == key) return &v;
    }
    return nullptr;
  }
  std::vector<std::string> Keys() const {
    std::vector<std::string> keys;
    for (const auto& m : members) keys.push_back(m.first);
    return keys;
  }
};

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  bool ParseDocument(Json* out) {
    SkipWs();
    if (!ParseValue(out)) return false;
    SkipWs();
    return i_ == s_.size();
  }

 private:
  void SkipWs() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' ||
                              s_[i_] == '\n' || s_[i_] == '\r')) {
      ++i_;
    }
  }
  bool Literal(std::string_view lit) {
    if (s_.substr(i_, lit.size()) != lit) return false;
    i_ += lit.size();
    return true;
  }
  bool ParseValue(Json* out) {
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '{') return ParseObject(out);
    if (c == '[') return ParseArray(out);
    if (c == '"') {
      out->type = Json::kString;
      return ParseString(&out->text);
    }
    if (c == 't' || c == 'f') {
      out->type = Json::kBool;
      out->boolean = c == 't';
      return Literal(c == 't' ? "true" : "false");
    }
    if (c == 'n') return Literal("null");
    return ParseNumber(out);
  }
  bool ParseNumber(Json* out) {
    const size_t start = i_;
    auto digits = [&] {
      const size_t b = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      return i_ > b;
    };
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') {
      ++i_;
    } else if (!digits()) {
      return false;
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (!digits()) return false;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digits()) return false;
    }
    out->type = Json::kNumber;
    out->text = std::string(s_.substr(start, i_ - start));
    return true;
  }
  bool ParseArray(Json* out) {
    out->type = Json::kArray;
    ++i_;
    SkipWs();
    if (Literal("]")) return true;
    while (true) {
      SkipWs();
      Json v;
      if (!ParseValue(&v)) return false;
      out->items.push_back(std::move(v));
      SkipWs();
      if (Literal("]")) return true;
      if (!Literal(",")) return false;
    }
  }
  bool ParseObject(Json* out) {
    out->type = Json::kObject;
    ++i_;
    SkipWs();
    if (Literal("}")) return true;
    while (true) {
      SkipWs();
      std::string key;
      if (i_ >= s_.size() || s_[i_] != '"' || !ParseString(&key)) return false;
      SkipWs();
      if (!Literal(":")) return false;
      SkipWs();
      Json v;
      if (!ParseValue(&v)) return false;
      out->members.emplace_back(std::move(key), std::move(v));
      SkipWs();
      if (Literal("}")) return true;
      if (!Literal(",")) return false;
    }
  }
  static void AppendUtf8(std::string* out, uint32_t cp) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xc0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xe0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else {
      out->push_back(static_cast<char>(0xf0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    }
  }
  bool Hex4(uint32_t* v) {
    if (i_ + 4 > s_.size()) return false;
    *v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      *v <<= 4;
      if (c >= '0' && c <= '9') {
        *v |= c - '0';
      } else if (c >= 'a' && c <= 'f') {
        *v |= c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        *v |= c - 'A' + 10;
      } else {
        return false;
      }
    }
    return true;
  }
  // Decodes one raw UTF-8 sequence (strictly) at i_ into *out.
  bool RawUtf8(std::string* out) {
    const auto b = [&](size_t k) -> uint32_t {
      return i_ + k < s_.size() ? static_cast<unsigned char>(s_[i_ + k]) : 0;
    };
    const uint32_t b0 = b(0);
    size_t n;
    uint32_t cp;
    if (b0 < 0x80) {
      n = 1;
      cp = b0;
    } else if ((b0 & 0xe0) == 0xc0) {
      n = 2;
      cp = b0 & 0x1f;
    } else if ((b0 & 0xf0) == 0xe0) {
      n = 3;
      cp = b0 & 0x0f;
    } else if ((b0 & 0xf8) == 0xf0) {
      n = 4;
      cp = b0 & 0x07;
    } else {
      return false;
    }
    for (size_t k = 1; k < n; ++k) {
      if ((b(k) & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (b(k) & 0x3f);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    out->append(s_.substr(i_, n));
    i_ += n;
    return true;
  }
  bool ParseString(std::string* out) {
    ++i_;  // opening quote
    while (i_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c < 0x20) return false;  // raw control characters are invalid
      if (c != '\\') {
        if (!RawUtf8(out)) return false;
        continue;
      }
      ++i_;
      if (i_ >= s_.size()) return false;
      const char e = s_[i_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out->push_back(e);
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xd800 && cp <= 0xdfff) return false;  // not produced
          AppendUtf8(out, cp);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  std::string_view s_;
  size_t i_ = 0;
};

// Parses exactly one JSON Lines record (object + "\n").
Json ParseLine(const std::string& line) {
  Json j;
  EXPECT_FALSE(line.empty());
  EXPECT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1) << "one line per event";
  EXPECT_TRUE(Parser(std::string_view(line).substr(0, line.size() - 1))
                  .ParseDocument(&j))
      << "invalid JSON: " << line;
  EXPECT_EQ(j.type, Json::kObject);
  return j;
}

// ---- Formatter tests.

constexpr int64_t kTs = 1795717816123456789;

Event Ev(pid_t pid, pid_t tid, EventPayload payload) {
  Event e;
  e.ts_ns = kTs;
  e.pid = pid;
  e.tid = tid;
  e.payload = std::move(payload);
  return e;
}

std::string One(const Event& e) {
  StringByteSink mem;
  JsonFormatter json(&mem);
  json.OnEvent(e);
  ParseLine(mem.str());  // every line must be valid JSON
  return mem.str();
}

std::string JsonString(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

// Formats `s` as a JSON string, checks it parses and decodes to `decoded`.
void ExpectRoundTrip(std::string_view s, std::string_view decoded) {
  const std::string literal = JsonString(s);
  Json j;
  ASSERT_TRUE(Parser(literal).ParseDocument(&j)) << literal;
  ASSERT_EQ(j.type, Json::kString);
  EXPECT_EQ(j.text, decoded) << literal;
}

TEST(JsonFormatterTest, Spawn) {
  EXPECT_EQ(One(Ev(2678, 2678, SpawnEvent{"/tmp/t1", {"./t1", "a b", ""}})),
            "{\"ts\":1795717816123456789,\"pid\":2678,\"tid\":2678,"
            "\"ev\":\"spawn\",\"path\":\"/tmp/t1\","
            "\"argv\":[\"./t1\",\"a b\",\"\"]}\n");
  EXPECT_EQ(One(Ev(1, 1, SpawnEvent{"/x", {}})),
            "{\"ts\":1795717816123456789,\"pid\":1,\"tid\":1,"
            "\"ev\":\"spawn\",\"path\":\"/x\",\"argv\":[]}\n");
}

TEST(JsonFormatterTest, AttachDetachCont) {
  EXPECT_EQ(One(Ev(7, 8, AttachEvent{})),
            "{\"ts\":1795717816123456789,\"pid\":7,\"tid\":8,"
            "\"ev\":\"attach\"}\n");
  EXPECT_EQ(One(Ev(7, 8, DetachEvent{})),
            "{\"ts\":1795717816123456789,\"pid\":7,\"tid\":8,"
            "\"ev\":\"detach\"}\n");
  EXPECT_EQ(One(Ev(7, 8, ContEvent{})),
            "{\"ts\":1795717816123456789,\"pid\":7,\"tid\":8,"
            "\"ev\":\"cont\"}\n");
}

TEST(JsonFormatterTest, Clone) {
  EXPECT_EQ(One(Ev(7, 7, CloneEvent{8, CloneKind::kThread})),
            "{\"ts\":1795717816123456789,\"pid\":7,\"tid\":7,"
            "\"ev\":\"clone\",\"child\":8,\"kind\":\"thread\"}\n");
  EXPECT_EQ(One(Ev(7, 7, CloneEvent{9, CloneKind::kProcess})),
            "{\"ts\":1795717816123456789,\"pid\":7,\"tid\":7,"
            "\"ev\":\"clone\",\"child\":9,\"kind\":\"process\"}\n");
  EXPECT_EQ(One(Ev(7, 7, CloneEvent{10, CloneKind::kVfork})),
            "{\"ts\":1795717816123456789,\"pid\":7,\"tid\":7,"
            "\"ev\":\"clone\",\"child\":10,\"kind\":\"vfork\"}\n");
}

TEST(JsonFormatterTest, Exec) {
  EXPECT_EQ(One(Ev(7, 7, ExecEvent{"/usr/bin/true", 7})),
            "{\"ts\":1795717816123456789,\"pid\":7,\"tid\":7,"
            "\"ev\":\"exec\",\"path\":\"/usr/bin/true\",\"old_tid\":7}\n");
  EXPECT_EQ(One(Ev(7, 7, ExecEvent{"/usr/bin/true", 9})),
            "{\"ts\":1795717816123456789,\"pid\":7,\"tid\":7,"
            "\"ev\":\"exec\",\"path\":\"/usr/bin/true\",\"old_tid\":9}\n");
}

TEST(JsonFormatterTest, SignalFull) {
  SignalEvent s;
  s.signo = SIGUSR1;
  s.code = SI_TKILL;
  s.from_pid = 2678;
  s.from_uid = 1000;
  EXPECT_EQ(One(Ev(2678, 2679, s)),
            "{\"ts\":1795717816123456789,\"pid\":2678,\"tid\":2679,"
            "\"ev\":\"signal\",\"sig\":\"SIGUSR1\",\"signo\":10,"
            "\"code\":-6,\"code_name\":\"SI_TKILL\",\"from_pid\":2678,"
            "\"from_uid\":1000}\n");
}

TEST(JsonFormatterTest, SigchldWithChildFields) {
  SignalEvent s;
  s.signo = SIGCHLD;
  s.code = CLD_DUMPED;
  s.from_pid = 12;
  s.from_uid = 0;
  s.child = SignalEvent::Child{.status = SIGSEGV, .utime = 7, .stime = 2};
  EXPECT_EQ(One(Ev(5, 5, s)),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":5,"
            "\"ev\":\"signal\",\"sig\":\"SIGCHLD\",\"signo\":17,"
            "\"code\":3,\"code_name\":\"CLD_DUMPED\",\"from_pid\":12,"
            "\"from_uid\":0,\"child_status\":11,\"child_utime\":7,"
            "\"child_stime\":2}\n");
}

TEST(JsonFormatterTest, SignalWithAddressAndBare) {
  SignalEvent s;
  s.signo = SIGSEGV;
  s.code = 1;
  s.addr = 0xffffffffffffffffull;
  EXPECT_EQ(One(Ev(5, 5, s)),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":5,"
            "\"ev\":\"signal\",\"sig\":\"SIGSEGV\",\"signo\":11,"
            "\"code\":1,\"code_name\":\"SEGV_MAPERR\","
            "\"addr\":18446744073709551615}\n");
  SignalEvent bare;
  bare.signo = 40;
  bare.code = 123;
  EXPECT_EQ(One(Ev(5, 5, bare)),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":5,"
            "\"ev\":\"signal\",\"sig\":\"SIGRT_8\",\"signo\":40,"
            "\"code\":123,\"code_name\":\"0x7b\"}\n");
}

TEST(JsonFormatterTest, Stop) {
  EXPECT_EQ(One(Ev(5, 6, StopEvent{SIGTSTP})),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":6,"
            "\"ev\":\"stop\",\"sig\":\"SIGTSTP\",\"signo\":20}\n");
}

TEST(JsonFormatterTest, ExitKinds) {
  ExitEvent x;
  x.code = 3;
  x.comm = "worker";
  EXPECT_EQ(One(Ev(5, 5, x)),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":5,"
            "\"ev\":\"exit\",\"code\":3,\"comm\":\"worker\"}\n");
  ExitEvent k;
  k.how = ExitEvent::How::kKilled;
  k.signo = SIGSEGV;
  k.core = true;
  EXPECT_EQ(One(Ev(5, 5, k)),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":5,"
            "\"ev\":\"exit\",\"killed\":\"SIGSEGV\",\"signo\":11,"
            "\"core\":true,\"comm\":\"\"}\n");
  k.core = false;
  k.signo = SIGKILL;
  EXPECT_EQ(One(Ev(5, 5, k)),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":5,"
            "\"ev\":\"exit\",\"killed\":\"SIGKILL\",\"signo\":9,"
            "\"core\":false,\"comm\":\"\"}\n");
  ExitEvent s;
  s.how = ExitEvent::How::kSuperseded;
  s.superseded_by = 1236;
  s.comm = "t\"1";
  EXPECT_EQ(One(Ev(1234, 1234, s)),
            "{\"ts\":1795717816123456789,\"pid\":1234,\"tid\":1234,"
            "\"ev\":\"exit\",\"superseded_by\":1236,\"comm\":\"t\\\"1\"}\n");
}

TEST(JsonFormatterTest, NegativeAndZeroHeaderFields) {
  Event e = Ev(0, 0, ContEvent{});
  e.ts_ns = 0;
  EXPECT_EQ(One(e), "{\"ts\":0,\"pid\":0,\"tid\":0,\"ev\":\"cont\"}\n");
  ExitEvent x;
  x.code = -1;
  EXPECT_EQ(One(Ev(5, 5, x)),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":5,"
            "\"ev\":\"exit\",\"code\":-1,\"comm\":\"\"}\n");
}

TEST(JsonFormatterTest, ParsedKeysAreInDocumentedOrder) {
  SignalEvent s;
  s.signo = SIGBUS;
  s.code = 2;
  s.from_pid = 1;
  s.from_uid = 2;
  s.addr = 3;
  Json j = ParseLine(One(Ev(5, 5, s)));
  EXPECT_EQ(j.Keys(), (std::vector<std::string>{
                          "ts", "pid", "tid", "ev", "sig", "signo", "code",
                          "code_name", "from_pid", "from_uid", "addr"}));
  EXPECT_EQ(j.Get("code_name")->text, "BUS_ADRERR");
}

TEST(JsonStringTest, SimpleEscapes) {
  EXPECT_EQ(JsonString("plain"), "\"plain\"");
  EXPECT_EQ(JsonString(""), "\"\"");
  EXPECT_EQ(JsonString("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(JsonString("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
  EXPECT_EQ(JsonString("/"), "\"/\"");  // '/' needs no escape
}

TEST(JsonStringTest, OtherControlCharsAsU00) {
  EXPECT_EQ(JsonString(std::string("\0", 1)), "\"\\u0000\"");
  EXPECT_EQ(JsonString("\x01\x1f\x1b\x0b"), "\"\\u0001\\u001f\\u001b\\u000b\"");
  EXPECT_EQ(JsonString("\x7f"), "\"\x7f\"");  // DEL is valid raw JSON
}

TEST(JsonStringTest, ValidUtf8PassesThrough) {
  EXPECT_EQ(JsonString("caf\xc3\xa9"), "\"caf\xc3\xa9\"");            // é
  EXPECT_EQ(JsonString("\xe2\x82\xac"), "\"\xe2\x82\xac\"");          // €
  EXPECT_EQ(JsonString("\xf0\x9f\x98\x80"), "\"\xf0\x9f\x98\x80\"");  // 😀
  EXPECT_EQ(JsonString("\xf4\x8f\xbf\xbf"), "\"\xf4\x8f\xbf\xbf\"");  // max
  EXPECT_EQ(JsonString("\xed\x9f\xbf"), "\"\xed\x9f\xbf\"");          // U+D7FF
}

TEST(JsonStringTest, InvalidUtf8BytesBecomeU00) {
  EXPECT_EQ(JsonString("\xff"), "\"\\u00ff\"");
  EXPECT_EQ(JsonString("\x80x"), "\"\\u0080x\"");           // lone continuation
  EXPECT_EQ(JsonString("\xc3"), "\"\\u00c3\"");             // truncated
  EXPECT_EQ(JsonString("\xc3("), "\"\\u00c3(\"");           // bad continuation
  EXPECT_EQ(JsonString("\xc0\xaf"), "\"\\u00c0\\u00af\"");  // overlong '/'
  EXPECT_EQ(JsonString("\xe0\x80\xaf"), "\"\\u00e0\\u0080\\u00af\"");
  EXPECT_EQ(JsonString("\xed\xa0\x80"),  // surrogate U+D800
            "\"\\u00ed\\u00a0\\u0080\"");
  EXPECT_EQ(JsonString("\xf4\x90\x80\x80"),  // above U+10FFFF
            "\"\\u00f4\\u0090\\u0080\\u0080\"");
  EXPECT_EQ(JsonString("\xf0\x9f\x98"), "\"\\u00f0\\u009f\\u0098\"");
  // A valid sequence right after an invalid byte is kept.
  EXPECT_EQ(JsonString("\xfe\xc3\xa9"), "\"\\u00fe\xc3\xa9\"");
}

TEST(JsonStringTest, EdgeCasesParseAndDecode) {
  ExpectRoundTrip("a\"b\\c\n", "a\"b\\c\n");
  ExpectRoundTrip(std::string("\0\x01\x1f", 3), std::string("\0\x01\x1f", 3));
  ExpectRoundTrip("caf\xc3\xa9", "caf\xc3\xa9");
  // Invalid bytes decode as the Latin-1 code point of the byte.
  ExpectRoundTrip("\xff", "\xc3\xbf");
  ExpectRoundTrip("\xed\xa0\x80", "\xc3\xad\xc2\xa0\xc2\x80");
  // Every single byte value, and every byte pair, gives valid JSON.
  for (int a = 0; a < 256; ++a) {
    const std::string one(1, static_cast<char>(a));
    Json j;
    EXPECT_TRUE(Parser(JsonString(one)).ParseDocument(&j)) << a;
    for (int b = 0; b < 256; ++b) {
      const std::string two = one + static_cast<char>(b);
      EXPECT_TRUE(Parser(JsonString(two)).ParseDocument(&j)) << a << " " << b;
    }
  }
}

TEST(JsonFormatterTest, OddPathsAndArgvGiveValidJson) {
  const std::string odd = std::string("/t\x01\xff\"\\\n\0x", 9);
  Json j = ParseLine(One(Ev(5, 5, SpawnEvent{odd, {odd, "\xc3\xa9"}})));
  EXPECT_EQ(j.Get("path")->text, std::string("/t\x01\xc3\xbf\"\\\n\0x", 10));
  ASSERT_EQ(j.Get("argv")->items.size(), 2u);
  EXPECT_EQ(j.Get("argv")->items[1].text, "\xc3\xa9");
}

TEST(JsonFormatterTest, LinesAccumulateAndFlushForwards) {
  StringByteSink mem;
  JsonFormatter json(&mem);
  json.OnEvent(Ev(1, 1, ContEvent{}));
  json.OnEvent(Ev(1, 2, ContEvent{}));
  EXPECT_EQ(mem.str(),
            "{\"ts\":1795717816123456789,\"pid\":1,\"tid\":1,"
            "\"ev\":\"cont\"}\n"
            "{\"ts\":1795717816123456789,\"pid\":1,\"tid\":2,"
            "\"ev\":\"cont\"}\n");
  EXPECT_TRUE(json.Flush().ok());
}

// ---- Syscalls.

SyscallEvent Call(std::string name, std::string args_enter,
                  std::string args_exit, int64_t ret) {
  SyscallEvent c;
  c.name = std::move(name);
  c.args_enter = std::move(args_enter);
  c.args_exit = std::move(args_exit);
  c.ret = ret;
  return c;
}

TEST(JsonSyscallTest, Complete) {
  SyscallEvent c = Call("read", "3, ", "\"ab\\n\", 832", 3);
  c.nr = 0;
  c.raw_args = {3, 0x7ffd1234, 832, 0, 0, 0xffffffffffffffffull};
  c.dur_ns = 5600;
  EXPECT_EQ(One(Ev(5, 6, c)),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":6,"
            "\"ev\":\"syscall\",\"name\":\"read\","
            "\"args\":\"3, \\\"ab\\\\n\\\", 832\","
            "\"raw_args\":[3,2147291700,832,0,0,18446744073709551615],"
            "\"ret\":3,\"dur_ns\":5600}\n");
  Json j = ParseLine(One(Ev(5, 6, c)));
  EXPECT_EQ(j.Get("args")->text, "3, \"ab\\n\", 832");  // strace's text
  EXPECT_EQ(j.Get("raw_args")->items.size(), 6u);
}

TEST(JsonSyscallTest, HexAndOctalResultsAreRawIntegers) {
  SyscallEvent c = Call("brk", "NULL", "", 0x55c158e94000);
  c.ret_format = SyscallEvent::RetFormat::kHex;
  EXPECT_EQ(One(Ev(5, 5, c)),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":5,"
            "\"ev\":\"syscall\",\"name\":\"brk\",\"args\":\"NULL\","
            "\"raw_args\":[0,0,0,0,0,0],\"ret\":94288908730368,"
            "\"dur_ns\":0}\n");
  c = Call("umask", "022", "", 022);
  c.ret_format = SyscallEvent::RetFormat::kOctal;
  EXPECT_EQ(ParseLine(One(Ev(5, 5, c))).Get("ret")->text, "18");
}

TEST(JsonSyscallTest, Errors) {
  SyscallEvent c = Call("openat", "AT_FDCWD, \"/x\", O_RDONLY", "", -2);
  c.raw_args = {0xffffff9c, 0x1000, 0, 0, 0, 0};
  c.dur_ns = 7;
  EXPECT_EQ(One(Ev(5, 5, c)),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":5,"
            "\"ev\":\"syscall\",\"name\":\"openat\","
            "\"args\":\"AT_FDCWD, \\\"/x\\\", O_RDONLY\","
            "\"raw_args\":[4294967196,4096,0,0,0,0],"
            "\"ret\":-2,\"err\":\"ENOENT\",\"dur_ns\":7}\n");
  EXPECT_EQ(
      ParseLine(One(Ev(5, 5, Call("pause", "", "", -514)))).Get("err")->text,
      "ERESTARTNOHAND");
  EXPECT_EQ(
      ParseLine(One(Ev(5, 5, Call("getppid", "", "", -600)))).Get("err")->text,
      "600");
  EXPECT_EQ(
      ParseLine(One(Ev(5, 5, Call("getppid", "", "", -4095)))).Get("err")->text,
      "4095");
  // Not an error: no "err".
  EXPECT_EQ(
      ParseLine(One(Ev(5, 5, Call("lseek", "3, -4096, SEEK_END", "", -4096))))
          .Get("err"),
      nullptr);
}

TEST(JsonSyscallTest, NeverReturned) {
  SyscallEvent c = Call("exit_group", "0", "", 0);
  c.returned = false;
  c.dur_ns = 1000;
  EXPECT_EQ(One(Ev(5, 5, c)),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":5,"
            "\"ev\":\"syscall\",\"name\":\"exit_group\",\"args\":\"0\","
            "\"raw_args\":[0,0,0,0,0,0],\"dur_ns\":1000,"
            "\"returned\":false}\n");
}

TEST(JsonSyscallTest, SplitCall) {
  StringByteSink mem;
  JsonFormatter json(&mem);
  Event enter = Ev(5, 6, SyscallEnterEvent{0, kArchX86_64, "read", "3, "});
  json.OnEvent(enter);
  SyscallEvent c = Call("read", "3, ", "\"abcd\", 4", 4);
  c.raw_args = {3, 1, 4, 0, 0, 0};
  c.split = true;
  c.dur_ns = 100735000;
  json.OnEvent(Ev(5, 6, c));
  c.returned = false;
  c.args_exit.clear();
  json.OnEvent(Ev(5, 6, c));
  EXPECT_EQ(mem.str(),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":6,"
            "\"ev\":\"syscall_enter\",\"name\":\"read\",\"args\":\"3, \"}\n"
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":6,"
            "\"ev\":\"syscall\",\"name\":\"read\","
            "\"args\":\"3, \\\"abcd\\\", 4\",\"raw_args\":[3,1,4,0,0,0],"
            "\"ret\":4,\"dur_ns\":100735000,\"split\":true}\n"
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":6,"
            "\"ev\":\"syscall\",\"name\":\"read\","
            "\"args\":\"3, \",\"raw_args\":[3,1,4,0,0,0],"
            "\"dur_ns\":100735000,\"returned\":false,\"split\":true}\n");
}

TEST(JsonSyscallTest, KeysAreInDocumentedOrder) {
  SyscallEvent c = Call("x", "", "", -1);
  c.split = true;
  EXPECT_EQ(
      ParseLine(One(Ev(5, 5, c))).Keys(),
      (std::vector<std::string>{"ts", "pid", "tid", "ev", "name", "args",
                                "raw_args", "ret", "err", "dur_ns", "split"}));
  c.returned = false;
  EXPECT_EQ(
      ParseLine(One(Ev(5, 5, c))).Keys(),
      (std::vector<std::string>{"ts", "pid", "tid", "ev", "name", "args",
                                "raw_args", "dur_ns", "returned", "split"}));
  EXPECT_EQ(
      ParseLine(One(Ev(5, 5, SyscallEnterEvent{1, kArchX86_64, "w", "1, "})))
          .Keys(),
      (std::vector<std::string>{"ts", "pid", "tid", "ev", "name", "args"}));
}

TEST(JsonSyscallTest, ArgsAreOneStringEvenAcrossAUtf8Sequence) {
  // Decoders escape non-ASCII bytes, but the JSON stays valid and exact
  // whatever they produce: "é" split between entry and exit text.
  Json j = ParseLine(One(Ev(5, 5, Call("x", "\"\xc3", "\xa9\"", 0))));
  EXPECT_EQ(j.Get("args")->text, "\"\xc3\xa9\"");
  j = ParseLine(One(Ev(5, 5, Call("x", "\xff\x01", "", 0))));
  EXPECT_EQ(j.Get("args")->text, "\xc3\xbf\x01");
}

TEST(JsonAllocationTest, NoAllocationPerEventOnceWarm) {
  StringByteSink mem;
  JsonFormatter f(&mem);
  SignalEvent sig;
  sig.signo = SIGSYS;
  sig.code = 2;  // SYS_USER_DISPATCH: longer than the SSO buffer
  sig.from_pid = 1;
  sig.addr = 0x1234;
  ExitEvent killed;
  killed.how = ExitEvent::How::kKilled;
  killed.signo = 40;
  killed.comm = "worker-thread-with-a-long-name";
  std::vector<Event> events = {
      Ev(100, 100, SpawnEvent{"/bin/true", {"true", "arg"}}),
      Ev(100, 100, CloneEvent{101, CloneKind::kThread}),
      Ev(100, 101, sig),
      Ev(100, 101, StopEvent{SIGSTOP}),
      Ev(100, 101, ContEvent{}),
      Ev(100, 100, ExecEvent{"/usr/bin/\xff\n\"x\"", 100}),
      Ev(100, 101, killed),
  };
  SyscallEvent call;
  call.name = "openat";
  call.args_enter = "AT_FDCWD, \"/a/long/path/name/beyond/sso\", ";
  call.args_exit = "O_RDONLY|O_CLOEXEC";
  call.ret = -2;
  call.raw_args = {1, 2, 3, 4, 5, 0xffffffffffffffffull};
  call.dur_ns = 123456;
  SyscallEvent split = call;
  split.split = true;
  split.ret = 3;
  SyscallEvent gone = call;
  gone.returned = false;
  SyscallEvent restart = call;
  restart.ret = -515;
  events.push_back(Ev(100, 101, call));
  events.push_back(
      Ev(100, 101,
         SyscallEnterEvent{257, kArchX86_64, "openat", call.args_enter}));
  events.push_back(Ev(100, 101, split));
  events.push_back(Ev(100, 101, gone));
  events.push_back(Ev(100, 101, restart));
  mem.clear();
  for (const Event& e : events) f.OnEvent(e);  // warm up buffers
  mem.clear();
  // Reserve room so that the sink itself does not allocate either.
  std::string big(1 << 16, 'x');
  mem.Append(big);
  mem.clear();
  const int64_t before = g_allocations.load();
  for (int i = 0; i < 100; ++i) {
    for (const Event& e : events) f.OnEvent(e);
    mem.clear();
  }
  EXPECT_EQ(g_allocations.load() - before, 0);
  // The counter works: a heap-sized string does allocate.
  const std::string probe(mem.str().size() + 100, 'y');
  EXPECT_GT(g_allocations.load() - before, 0) << probe.size();
}

}  // namespace
}  // namespace ttrace
