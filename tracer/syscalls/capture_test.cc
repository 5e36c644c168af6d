#include "tracer/syscalls/capture.h"

#include <sys/stat.h>
#include <sys/syscall.h>

#include <cstring>
#include <random>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "tracer/event.h"
#include "tracer/syscalls/decoder.h"
#include "tracer/syscalls/memory.h"
#include "tracer/syscalls/syscall_table.h"

namespace ttrace {
namespace {

constexpr uint64_t kRegions[] = {0x10000, 0x20000, 0x30000};
constexpr size_t kRegionSize = 400;

// Memory with text-like bytes (NULs now and then) in the first region,
// any bytes in the second, and mostly printable bytes without NUL in the
// third; nothing else is readable.
void FillMemory(std::mt19937_64& rng, FakeMemory* mem) {
  std::string bytes(kRegionSize, '\0');
  for (int r = 0; r < 3; ++r) {
    for (char& b : bytes) {
      switch (r) {
        case 0:
          b = rng() % 10 == 0 ? '\0' : static_cast<char>('a' + rng() % 26);
          break;
        case 1:
          b = static_cast<char>(rng());
          break;
        default:
          b = static_cast<char>(rng() % 40 == 0 ? '\n' : ' ' + rng() % 95);
          break;
      }
    }
    mem->Map(kRegions[r], bytes);
  }
}

uint64_t RandomArg(std::mt19937_64& rng) {
  const uint64_t region = kRegions[rng() % 3];
  switch (rng() % 7) {
    case 0:
      return 0;
    case 1:
      return rng() % 300;
    case 2:
      return region + rng() % 40;
    case 3:  // runs out of readable memory soon
      return region + kRegionSize - 1 - rng() % 200;
    case 4:  // unreadable; right after a region (found by the fuzzer)
      return rng() % 2 ? 0xdead0000 : region + kRegionSize;
    case 5:
      return static_cast<uint64_t>(-static_cast<int64_t>(rng() % 200));
    default:
      return rng();
  }
}

int64_t RandomResult(std::mt19937_64& rng) {
  switch (rng() % 6) {
    case 0:
      return -static_cast<int64_t>(1 + rng() % 133);
    case 1:
      return 0;
    case 2:
      return -static_cast<int64_t>(rng() % 2 ? 516 : 512 + rng() % 5);
    case 3:
      return static_cast<int64_t>(rng());
    default:
      return static_cast<int64_t>(rng() % 450);
  }
}

DecodeOptions RandomOptions(std::mt19937_64& rng) {
  constexpr size_t kLimits[] = {0, 1, 2, 5, 32, 64, 500};
  DecodeOptions o;
  o.string_limit = kLimits[rng() % 7];
  o.verbose = rng() % 3 == 0;
  o.hex_strings = static_cast<HexStrings>(rng() % 4);
  o.xlat_style = static_cast<XlatStyle>(rng() % 3);
  return o;
}

// For every call with a capture specification: random arguments, memory,
// results and options; the text decoded from the captures must be the
// text decoded at the stops, as the engine would have printed it.
TEST(CaptureTest, ReplayedTextIsTheLiveText) {
  std::mt19937_64 rng(20261128);
  const SyscallTable& table = SyscallTable::Get();
  int compared = 0;
  for (int64_t nr : CapturedNumbers()) {
    const std::string name(table.Name(kArchX86_64, static_cast<int32_t>(nr)));
    for (int round = 0; round < 60; ++round) {
      FakeMemory mem;
      FillMemory(rng, &mem);
      const DecodeOptions o = RandomOptions(rng);
      ASSERT_TRUE(CaptureAllowed(o));
      ArgDecoder live(&mem, o);
      CaptureRenderer renderer(o);
      for (int i = 0; i < 20; ++i) {
        SyscallCall c;
        c.tid = 77;
        c.nr = nr;
        for (uint64_t& a : c.args) a = RandomArg(rng);
        // Two arguments pointing at the same memory (found by the fuzzer:
        // wait4's status and rusage).
        if (rng() % 8 == 0) c.args[rng() % 6] = c.args[rng() % 6];
        // Commands and sizes the decoders tell apart.
        if (nr == SYS_futex && rng() % 2) c.args[1] = rng() % 14;
        if (nr == SYS_fcntl && rng() % 2) c.args[1] = rng() % 40;
        if (nr == SYS_fcntl && rng() % 4 == 0) c.args[1] = 1024 + rng() % 16;
        if (nr == SYS_rt_sigprocmask && rng() % 2) c.args[3] = rng() % 10;
        if (nr == SYS_arch_prctl && rng() % 2) c.args[0] = 0x1001 + rng() % 4;
        if (nr == SYS_clock_nanosleep && rng() % 2) c.args[1] = rng() % 2;
        const int64_t ret = RandomResult(rng);
        std::string enter, exit, suffix;
        SyscallEvent::RetFormat fmt;
        live.DecodeEntry(c, &enter);
        live.DecodeExit(c, ret, &exit, &fmt, &suffix);

        SyscallEvent ev;
        ev.nr = static_cast<int32_t>(nr);
        ev.nargs = static_cast<uint8_t>(
            table.ArgCount(kArchX86_64, static_cast<int32_t>(nr)));
        for (int a = 0; a < ev.nargs; ++a) ev.raw_args[a] = c.args[a];
        ev.ret = ret;
        ev.captured = true;
        CaptureEntry(&mem, o, c, &ev.args_enter);
        CaptureExit(&mem, o, c, ret, &ev.args_exit);
        renderer.Render(c.tid, &ev);
        const std::string where =
            absl::StrCat(name, " -s ", o.string_limit, " -v ", o.verbose,
                         " args ", absl::StrJoin(c.args, ","), " = ", ret);
        ASSERT_FALSE(ev.captured);
        ASSERT_EQ(ev.args_enter, enter) << where;
        ASSERT_EQ(ev.args_exit, exit) << where;
        ASSERT_EQ(ev.ret_format, fmt) << where;
        ASSERT_EQ(ev.ret_suffix, suffix) << where;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 30000);
}

// A call that never returned shows its entry only.
TEST(CaptureTest, UnreturnedCallRendersItsEntry) {
  FakeMemory mem;
  mem.MapString(0x1000, "/etc/passwd");
  DecodeOptions o;
  SyscallCall c;
  c.nr = SYS_openat;
  c.args = {static_cast<uint64_t>(-100), 0x1000, 0, 0, 0, 0};
  SyscallEvent ev;
  ev.nr = SYS_openat;
  ev.nargs = 4;
  ev.raw_args = c.args;
  ev.captured = true;
  ev.returned = false;
  CaptureEntry(&mem, o, c, &ev.args_enter);
  ev.args_exit = "stale";
  CaptureRenderer(o).Render(1, &ev);
  EXPECT_EQ(ev.args_enter, "AT_FDCWD, \"/etc/passwd\", O_RDONLY");
  EXPECT_EQ(ev.args_exit, "");
}

// Only the fields the text shows are kept of a struct stat: the capture
// of an fstat is small, and -v keeps it whole.
TEST(CaptureTest, StatKeepsTheShownFieldsUnlessVerbose) {
  FakeMemory mem;
  struct stat st;
  memset(&st, 0x5a, sizeof(st));
  st.st_mode = S_IFREG | 0644;
  st.st_size = 1234;
  mem.Map(0x2000, &st, sizeof(st));
  SyscallCall c;
  c.nr = SYS_fstat;
  c.args = {3, 0x2000, 0, 0, 0, 0};
  std::string capture;
  DecodeOptions o;
  CaptureExit(&mem, o, c, 0, &capture);
  EXPECT_LT(capture.size(), 40u);
  o.verbose = true;
  CaptureExit(&mem, o, c, 0, &capture);
  EXPECT_GT(capture.size(), sizeof(st));
}

TEST(CaptureTest, OptionsThatNeedLiveStateAreNotCaptured) {
  DecodeOptions o;
  EXPECT_TRUE(CaptureAllowed(o));
  o.fd_paths = true;
  EXPECT_FALSE(CaptureAllowed(o));
  o = DecodeOptions();
  o.decode_pids = true;
  EXPECT_FALSE(CaptureAllowed(o));
  o = DecodeOptions();
  o.trace_paths = {"/etc/passwd"};
  EXPECT_FALSE(CaptureAllowed(o));
  o = DecodeOptions();
  o.raw = SyscallFilter::All();
  EXPECT_FALSE(CaptureAllowed(o));
  o = DecodeOptions();
  o.verbose_set = SyscallFilter::None();
  EXPECT_FALSE(CaptureAllowed(o));
  EXPECT_TRUE(HasCapture(kArchX86_64, SYS_read));
  EXPECT_FALSE(HasCapture(kArchI386, 3));
  EXPECT_FALSE(HasCapture(kArchX86_64, SYS_ioctl));
}

// A capture from a corrupt file: whatever the bytes, reads stay inside
// them and nothing crashes.
TEST(CaptureTest, AnyBytesReplaySafely) {
  std::mt19937_64 rng(5);
  ReplayMemory mem;
  char buf[300];
  std::string s;
  bool truncated;
  for (int i = 0; i < 20000; ++i) {
    std::string bytes(rng() % 40, '\0');
    for (char& b : bytes) b = static_cast<char>(rng());
    const std::array<uint64_t, 6> args = {rng(), rng() % 64, 0, 1, 2, 3};
    mem.Reset(bytes, args);
    const uint64_t addr = rng() % 4 == 0 ? rng() : rng() % 64;
    mem.Read(0, addr, buf, rng() % sizeof(buf));
    mem.ReadString(0, addr, rng() % 300, &s, &truncated);
  }
}

}  // namespace
}  // namespace ttrace
