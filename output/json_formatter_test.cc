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

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "output/byte_sink.h"
#include "output/json_reader.h"
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

// Parses exactly one JSON Lines record (object + "\n").
Json ParseLine(const std::string& line) {
  Json j;
  EXPECT_FALSE(line.empty());
  EXPECT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1) << "one line per event";
  EXPECT_TRUE(ParseJson(std::string_view(line).substr(0, line.size() - 1), &j))
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
  ASSERT_TRUE(ParseJson(literal, &j)) << literal;
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

// sigqueue's value and a POSIX timer's fields.
TEST(JsonFormatterTest, SignalValuesAndTimers) {
  SignalEvent s;
  s.signo = SIGUSR1;
  s.code = SI_QUEUE;
  s.from_pid = 7;
  s.from_uid = 0;
  s.value = 0xffffffffffffffffull;
  EXPECT_EQ(One(Ev(7, 7, s)),
            "{\"ts\":1795717816123456789,\"pid\":7,\"tid\":7,"
            "\"ev\":\"signal\",\"sig\":\"SIGUSR1\",\"signo\":10,"
            "\"code\":-1,\"code_name\":\"SI_QUEUE\",\"from_pid\":7,"
            "\"from_uid\":0,\"value\":18446744073709551615}\n");
  SignalEvent t;
  t.signo = SIGALRM;
  t.code = SI_TIMER;
  t.timer = SignalEvent::Timer{.id = 1, .overrun = 2};
  t.value = 0;
  EXPECT_EQ(One(Ev(7, 7, t)),
            "{\"ts\":1795717816123456789,\"pid\":7,\"tid\":7,"
            "\"ev\":\"signal\",\"sig\":\"SIGALRM\",\"signo\":14,"
            "\"code\":-2,\"code_name\":\"SI_TIMER\",\"timer_id\":1,"
            "\"timer_overrun\":2,\"value\":0}\n");
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

// -y: the text after si_fd, as "fd_info".
TEST(JsonFormatterTest, SigioFdInfo) {
  SignalEvent s;
  s.signo = SIGIO;
  s.code = 1;
  s.poll = SignalEvent::Poll{.band = 65, .fd = 3, .fd_info = "<pipe:[42]>"};
  EXPECT_EQ(One(Ev(5, 5, s)),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":5,"
            "\"ev\":\"signal\",\"sig\":\"SIGIO\",\"signo\":29,"
            "\"code\":1,\"code_name\":\"POLL_IN\",\"band\":65,\"fd\":3,"
            "\"fd_info\":\"<pipe:[42]>\"}\n");
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
    EXPECT_TRUE(ParseJson(JsonString(one), &j)) << a;
    for (int b = 0; b < 256; ++b) {
      const std::string two = one + static_cast<char>(b);
      EXPECT_TRUE(ParseJson(JsonString(two), &j)) << a << " " << b;
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

// raw_args holds the registers the call takes, as many as strace prints
// with -e raw=.
TEST(JsonSyscallTest, RawArgsAreTheCallsArguments) {
  SyscallEvent c = Call("close", "3", "", 0);
  c.nr = 3;
  c.nargs = 1;
  c.raw_args = {3, 0, 0, 0, 0, 0};
  EXPECT_EQ(One(Ev(5, 5, c)),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":5,"
            "\"ev\":\"syscall\",\"name\":\"close\",\"args\":\"3\","
            "\"raw_args\":[3],\"ret\":0,\"dur_ns\":0}\n");
  c = Call("getpid", "", "", 42);
  c.nargs = 0;
  EXPECT_EQ(ParseLine(One(Ev(5, 5, c))).Get("raw_args")->items.size(), 0u);
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

TEST(JsonSyscallTest, Injected) {
  SyscallEvent c = Call("openat", "AT_FDCWD, \"/x\", O_RDONLY", "", -2);
  c.injected = true;
  c.dur_ns = 7;
  const std::string line = One(Ev(5, 5, c));
  EXPECT_TRUE(absl::EndsWith(
      line, "\"ret\":-2,\"err\":\"ENOENT\",\"dur_ns\":7,\"injected\":true}\n"))
      << line;
  c.injected = false;
  EXPECT_EQ(ParseLine(One(Ev(5, 5, c))).Get("injected"), nullptr);
  EXPECT_EQ(ParseLine(One(Ev(5, 5, c))).Get("delayed"), nullptr);
  c.delayed = true;  // -e inject's delay_enter=/delay_exit=
  EXPECT_TRUE(absl::StrContains(One(Ev(5, 5, c)), ",\"delayed\":true"));
  EXPECT_EQ(ParseLine(One(Ev(5, 5, c))).Get("injected_args"), nullptr);
  c.injected_args = true;  // -e inject's poke_enter=/poke_exit=
  EXPECT_TRUE(absl::StrContains(One(Ev(5, 5, c)),
                                ",\"injected_args\":true,\"delayed\":true"));
}

// -i: "ip" last, only when recorded.
TEST(JsonSyscallTest, InstructionPointers) {
  SyscallEvent c = Call("getpid", "", "", 7);
  c.ip = 0x7f93410534e7;
  EXPECT_TRUE(absl::EndsWith(One(Ev(5, 5, c)),
                             "\"dur_ns\":0,\"ip\":140270427780327}\n"));
  EXPECT_TRUE(absl::EndsWith(
      One(Ev(5, 5, SyscallEnterEvent{0, kArchX86_64, "read", "3, ", 1})),
      "\"args\":\"3, \",\"ip\":1}\n"));
  SignalEvent s;
  s.signo = SIGUSR1;
  s.code = SI_USER;
  s.ip = 0xffffffffffffffffull;
  EXPECT_TRUE(absl::EndsWith(One(Ev(5, 5, s)),
                             "\"code_name\":\"SI_USER\","
                             "\"ip\":18446744073709551615}\n"));
  s.ip = 0;
  EXPECT_EQ(ParseLine(One(Ev(5, 5, s))).Get("ip"), nullptr);
  // -k: signals and stops carry "stack" too.
  s.stack = "f() [0x1]";
  EXPECT_TRUE(absl::EndsWith(One(Ev(5, 5, s)), "\"stack\":[\"f() [0x1]\"]}\n"));
  EXPECT_EQ(One(Ev(5, 5, StopEvent{SIGSTOP, "f() [0x1]\ng() [0x2]"})),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":5,\"ev\":\"stop\","
            "\"sig\":\"SIGSTOP\",\"signo\":19,"
            "\"stack\":[\"f() [0x1]\",\"g() [0x2]\"]}\n");
}

// -k: "stack", an array of frames, last.
TEST(JsonSyscallTest, Stack) {
  SyscallEvent c = Call("getpid", "", "", 7);
  c.stack = "/lib/libc.so.6(__getpid+0x7) [0xd54e7]\n/usr/bin/x() [0x45f0]";
  EXPECT_TRUE(
      absl::EndsWith(One(Ev(5, 5, c)),
                     "\"dur_ns\":0,\"stack\":[\"/lib/libc.so.6(__getpid+"
                     "0x7) [0xd54e7]\",\"/usr/bin/x() [0x45f0]\"]}\n"));
  c.stack = "/a \"quoted\"\tname() [0x1]";
  EXPECT_TRUE(absl::EndsWith(
      One(Ev(5, 5, c)), "\"stack\":[\"/a \\\"quoted\\\"\\tname() [0x1]\"]}\n"));
  c.stack.clear();
  EXPECT_EQ(ParseLine(One(Ev(5, 5, c))).Get("stack"), nullptr);
  // -e read=/write=: "dump", one string, before "stack".
  c.dump = " | 00000  61 62  ab |\n | 00010  63  c |";
  c.stack = "f() [0x1]";
  EXPECT_TRUE(
      absl::EndsWith(One(Ev(5, 5, c)),
                     "\"dump\":\" | 00000  61 62  ab |\\n | 00010  63  c "
                     "|\",\"stack\":[\"f() [0x1]\"]}\n"));
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
  c.detached = true;  // in progress when ttrace detached
  EXPECT_EQ(One(Ev(5, 5, c)),
            "{\"ts\":1795717816123456789,\"pid\":5,\"tid\":5,"
            "\"ev\":\"syscall\",\"name\":\"exit_group\",\"args\":\"0\","
            "\"raw_args\":[0,0,0,0,0,0],\"dur_ns\":1000,"
            "\"returned\":false,\"detached\":true}\n");
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
