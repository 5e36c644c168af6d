// Expected strings are strace 6.1's output for the same calls (made by a
// test program under `strace -f`, `-v`, `-y` and `-s N` on this machine),
// with the tracee's addresses replaced by the fake ones used here.
#include "tracer/syscalls/decoder.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <linux/if_packet.h>
#include <linux/inet_diag.h>
#include <linux/kvm.h>
#include <linux/loop.h>
#include <linux/net.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/stat.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/user.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>

#include <array>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tracer/syscalls/memory.h"
#include "tracer/syscalls/signals.h"
#include "tracer/syscalls/syscall_table.h"

namespace ttrace {
namespace {

using RetFormat = SyscallEvent::RetFormat;

struct Result {
  std::string enter, exit, suffix;
  RetFormat fmt = RetFormat::kDecimal;
  std::string all() const { return enter + exit; }
};

class DecoderTest : public ::testing::Test {
 protected:
  Result Decode(const char* name, std::vector<uint64_t> args, int64_t ret,
                uint32_t arch = kArchX86_64) {
    SyscallCall c;
    c.tid = 1234;
    c.arch = arch;
    c.nr = SyscallTable::Get().Number(arch, name);
    EXPECT_GE(c.nr, 0) << name;
    for (size_t i = 0; i < args.size() && i < 6; ++i) c.args[i] = args[i];
    return DecodeCall(c, ret);
  }
  Result DecodeCall(const SyscallCall& c, int64_t ret) {
    ArgDecoder dec(&mem, opts);
    Result r;
    dec.DecodeEntry(c, &r.enter);
    dec.DecodeExit(c, ret, &r.exit, &r.fmt, &r.suffix);
    return r;
  }
  std::string Text(const char* name, std::vector<uint64_t> args,
                   int64_t ret = 0) {
    return Decode(name, args, ret).all();
  }

  FakeMemory mem;
  DecodeOptions opts;
};

constexpr uint64_t kAtFdcwd = static_cast<uint64_t>(-100);
constexpr uint64_t kMinus1 = ~0ull;

// --------------------------------------------------------------------------
// Generic forms.
// --------------------------------------------------------------------------
TEST_F(DecoderTest, NoArguments) {
  EXPECT_EQ(Text("getpid", {}, 390), "");
  EXPECT_EQ(Text("gettid", {1, 2, 3}, 390), "");
  EXPECT_EQ(Text("getppid", {}, 1), "");
}

// What the tracer appends to a signal's si_fd: the fd's -y text, as in a
// call's arguments; nothing without -y, for a negative fd or one without a
// path.
TEST_F(DecoderTest, AppendFdInfoForSignals) {
  mem.SetFdPath(3, "pipe:[42]");
  std::string out = "3";
  ArgDecoder(&mem, opts).AppendFdInfo(1234, 3, &out);
  EXPECT_EQ(out, "3");
  opts.fd_paths = true;
  ArgDecoder dec(&mem, opts);
  dec.AppendFdInfo(1234, 3, &out);
  EXPECT_EQ(out, "3<pipe:[42]>");
  out.clear();
  dec.AppendFdInfo(1234, -1, &out);
  dec.AppendFdInfo(1234, 9, &out);
  EXPECT_EQ(out, "");
}

// -Y: process and thread ids named where strace names them (TGIDs and
// TIDs: arguments, siginfo, results), not process groups; a pid without a
// process has no name; -e raw= calls are not decoded at all.
TEST_F(DecoderTest, DecodePidsNamesProcesses) {
  mem.SetComm(77, "sle<ep");
  mem.SetComm(1234, "sh");
  opts.decode_pids = true;
  EXPECT_EQ(Text("kill", {77, SIGTERM}), "77<sle\\74ep>, SIGTERM");
  EXPECT_EQ(Text("kill", {static_cast<uint64_t>(-77), SIGTERM}),
            "-77, SIGTERM");
  EXPECT_EQ(Text("tgkill", {77, 78, 0}), "77<sle\\74ep>, 78, 0");
  EXPECT_EQ(Text("setpgid", {77, 77}), "77<sle\\74ep>, 77");
  EXPECT_EQ(Text("getsid", {0}), "0");
  EXPECT_EQ(Text("prlimit64", {77, RLIMIT_NOFILE, 0, 0}),
            "77<sle\\74ep>, RLIMIT_NOFILE, NULL, NULL");
  EXPECT_EQ(Text("pidfd_open", {77, O_NONBLOCK}),
            "77<sle\\74ep>, PIDFD_NONBLOCK");
  for (const char* name : {"getpid", "gettid", "getppid", "fork", "wait4"}) {
    EXPECT_EQ(Decode(name, {kMinus1, 0, 0, 0}, 1234).suffix, "<sh>") << name;
    EXPECT_EQ(Decode(name, {kMinus1, 0, 0, 0}, 5).suffix, "") << name;
    EXPECT_EQ(Decode(name, {kMinus1, 0, 0, 0}, -ECHILD).suffix, "") << name;
  }
  EXPECT_EQ(Decode("getpgrp", {}, 1234).suffix, "");
  // A netlink address's port id is a process id (ip's getsockname).
  struct sockaddr_nl nl = {AF_NETLINK};
  nl.nl_pid = 1234;
  mem.Map(0x6000, &nl, sizeof(nl));
  EXPECT_EQ(Text("bind", {12, 0x6000, 12}),
            "12, {sa_family=AF_NETLINK, nl_pid=1234<sh>, nl_groups=00000000}, "
            "12");
  EXPECT_EQ(Decode("getsid", {0}, 1234).suffix, "");
  // siginfo's sender.
  siginfo_t si{};
  si.si_signo = SIGUSR1;
  si.si_code = SI_QUEUE;
  si.si_pid = 77;
  si.si_uid = 0;
  mem.Map(0x5000, &si, sizeof si);
  EXPECT_EQ(Text("rt_sigqueueinfo", {1234, SIGUSR1, 0x5000}),
            "1234<sh>, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, "
            "si_pid=77<sle\\74ep>, si_uid=0}");
  // Without -Y: the numbers alone.
  opts.decode_pids = false;
  EXPECT_EQ(Text("kill", {77, SIGTERM}), "77, SIGTERM");
  EXPECT_EQ(Decode("getpid", {}, 1234).suffix, "");
  // -e raw=getpid: no name either.
  opts.decode_pids = true;
  opts.raw = SyscallFilter::None();
  opts.raw.Set(kArchX86_64, 39, true);
  EXPECT_EQ(Decode("getpid", {}, 1234).suffix, "");
}

// -Y: F_SETOWN's pid and setpriority(PRIO_PROCESS)'s are processes
// (named); a negative F_SETOWN and PRIO_PGRP are process groups (not).
TEST_F(DecoderTest, DecodePidsNamesOwnersAndPriorityTargets) {
  mem.SetComm(77, "sleep");
  opts.decode_pids = true;
  EXPECT_EQ(Text("fcntl", {1, F_SETOWN, 77}), "1, F_SETOWN, 77<sleep>");
  EXPECT_EQ(Text("fcntl", {1, F_SETOWN, static_cast<uint64_t>(-77)}),
            "1, F_SETOWN, -77");
  EXPECT_EQ(Text("setpriority", {PRIO_PROCESS, 77, 5}),
            "PRIO_PROCESS, 77<sleep>, 5");
  EXPECT_EQ(Text("setpriority", {PRIO_PGRP, 77, 5}), "PRIO_PGRP, 77, 5");
  EXPECT_EQ(Text("getpriority", {PRIO_USER, 77}), "PRIO_USER, 77");
}

// --pidns-translation: ids of a tracee in another pid namespace followed
// by ttrace's where the decoder knows what they are (processes, process
// groups, sessions), as strace; nothing for ids with no process, -1 or 0,
// or without the option; with -Y too, the name comes first.
TEST_F(DecoderTest, PidnsTranslation) {
  mem.SetPidTranslation(1, 5001);
  mem.SetPidTranslation(2, 5002);
  mem.SetPidTranslation(2, 5002, IdKind::kPgid);
  mem.SetPidTranslation(1, 5001, IdKind::kSid);
  mem.SetComm(1, "init");  // the translated name (ReadComm translates)
  opts.pidns_translation = true;
  const std::string one = "1 /* 5001 in ttrace's PID NS */";
  const std::string two = "2 /* 5002 in ttrace's PID NS */";
  EXPECT_EQ(Text("kill", {1, SIGTERM}), one + ", SIGTERM");
  EXPECT_EQ(Text("kill", {3, SIGTERM}), "3, SIGTERM");  // no such process
  EXPECT_EQ(Text("kill", {static_cast<uint64_t>(-2), 0}),
            "-2 /* 5002 in ttrace's PID NS */, 0");
  EXPECT_EQ(Text("kill", {kMinus1, 0}), "-1, 0");
  EXPECT_EQ(Text("tkill", {1, 0}), one + ", 0");
  EXPECT_EQ(Text("tgkill", {1, 2, 0}), one + ", " + two + ", 0");
  EXPECT_EQ(Text("setpgid", {2, 2}), two + ", " + two);
  EXPECT_EQ(Text("setpgid", {0, 0}), "0, 0");
  EXPECT_EQ(Text("fcntl", {1, F_SETOWN, static_cast<uint64_t>(-2)}),
            "1, F_SETOWN, -2 /* 5002 in ttrace's PID NS */");
  EXPECT_EQ(Text("setpriority", {PRIO_PGRP, 2, 0}),
            "PRIO_PGRP, " + two + ", 0");
  EXPECT_EQ(Text("ioprio_get", {2, 2}), "IOPRIO_WHO_PGRP, " + two);
  EXPECT_EQ(Text("ioprio_get", {1, 1}), "IOPRIO_WHO_PROCESS, " + one);
  const int32_t owner[2] = {2 /* F_OWNER_PGRP */, 2};
  mem.Map(0x6000, owner, sizeof owner);
  EXPECT_EQ(Text("fcntl", {1, F_GETOWN_EX, 0x6000}),
            "1, F_GETOWN_EX, {type=F_OWNER_PGRP, pid=" + two + "}");
  // Results: processes, process groups, sessions; not set_tid_address's.
  for (const char* name : {"getpid", "gettid", "getppid", "fork", "clone"}) {
    EXPECT_EQ(Decode(name, {0, 0, 0, 0, 0}, 1).suffix,
              " /* 5001 in ttrace's PID NS */")
        << name;
  }
  EXPECT_EQ(Decode("getpgrp", {}, 2).suffix, " /* 5002 in ttrace's PID NS */");
  EXPECT_EQ(Decode("getpgid", {0}, 2).suffix, " /* 5002 in ttrace's PID NS */");
  EXPECT_EQ(Decode("getsid", {0}, 1).suffix, " /* 5001 in ttrace's PID NS */");
  EXPECT_EQ(Decode("getsid", {0}, 2).suffix, "");  // no such session
  EXPECT_EQ(Decode("getpid", {}, 0).suffix, "");
  EXPECT_EQ(Decode("set_tid_address", {0}, 1).suffix, "");
  // With -Y: the name, then the translation.
  opts.decode_pids = true;
  EXPECT_EQ(Text("kill", {1, 0}), "1<init> /* 5001 in ttrace's PID NS */, 0");
  EXPECT_EQ(Decode("getpid", {}, 1).suffix,
            "<init> /* 5001 in ttrace's PID NS */");
  // Without the option: nothing.
  opts.pidns_translation = false;
  opts.decode_pids = false;
  EXPECT_EQ(Text("kill", {1, 0}), "1, 0");
  EXPECT_EQ(Decode("getpid", {}, 1).suffix, "");
}

// rt_sigreturn's restored mask, from the signal frame at the stack pointer
// (x86_64: uc_sigmask 296 bytes in; i386's frame, 248 bytes in, is tested
// in I386ProcSigreturn).
TEST_F(DecoderTest, RtSigreturnMask) {
  const uint64_t mask = (1ull << (SIGUSR2 - 1)) | (1ull << (SIGTERM - 1));
  mem.Map(0x7000 + 296, &mask, sizeof mask);
  SyscallCall c;
  c.tid = 1234;
  c.nr = SyscallTable::Get().Number(kArchX86_64, "rt_sigreturn");
  c.stack_pointer = 0x7000;
  EXPECT_EQ(DecodeCall(c, 0).all(), "{mask=[USR2 TERM]}");
  c.stack_pointer = 0x9000;  // unreadable: the address, as strace
  EXPECT_EQ(DecodeCall(c, 0).all(), "{mask=0x9128}");
  c.arch = kArchI386;
  c.nr = SyscallTable::Get().Number(kArchI386, "rt_sigreturn");
  c.stack_pointer = 0x7000;
  EXPECT_EQ(DecodeCall(c, 0).all(), "{mask=0x70f8}");
}

TEST_F(DecoderTest, LinkSymlinkMknod) {
  mem.MapString(0x1000, "lk_a");
  mem.MapString(0x2000, "lk_b");
  EXPECT_EQ(Text("linkat", {kAtFdcwd, 0x1000, kAtFdcwd, 0x2000, 0x400}),
            "AT_FDCWD, \"lk_a\", AT_FDCWD, \"lk_b\", AT_SYMLINK_FOLLOW");
  EXPECT_EQ(Text("linkat", {3, 0x1000, 4, 0x2000, 0}, -17),
            "3, \"lk_a\", 4, \"lk_b\", 0");
  EXPECT_EQ(Text("linkat", {kAtFdcwd, 0x1000, kAtFdcwd, 0x2000, 0x1001}),
            "AT_FDCWD, \"lk_a\", AT_FDCWD, \"lk_b\", AT_EMPTY_PATH|0x1");
  EXPECT_EQ(Text("symlinkat", {0x1000, kAtFdcwd, 0x2000}),
            "\"lk_a\", AT_FDCWD, \"lk_b\"");
  EXPECT_EQ(Text("mknodat", {kAtFdcwd, 0x1000, S_IFIFO | 0640, 0}),
            "AT_FDCWD, \"lk_a\", S_IFIFO|0640");
  EXPECT_EQ(Text("mknodat", {kAtFdcwd, 0x1000, S_IFCHR | 0600, makedev(1, 3)}),
            "AT_FDCWD, \"lk_a\", S_IFCHR|0600, makedev(0x1, 0x3)");
  EXPECT_EQ(Text("mknodat", {kAtFdcwd, 0x1000, S_IFREG | S_ISUID | 0755, 0}),
            "AT_FDCWD, \"lk_a\", S_IFREG|S_ISUID|0755");
  EXPECT_EQ(Text("mknod", {0x1000, S_IFBLK | 0660, makedev(8, 1)}),
            "\"lk_a\", S_IFBLK|0660, makedev(0x8, 0x1)");
}

TEST_F(DecoderTest, UnknownSyscallPrintsSixHexArgs) {
  SyscallCall c;
  c.nr = 335;
  c.args = {0, 0xffffffffffffff80, 0xffffffffffffff80, 1, 1, 1};
  EXPECT_EQ(DecodeCall(c, -38).all(),
            "0, 0xffffffffffffff80, 0xffffffffffffff80, 0x1, 0x1, 0x1");
  c.nr = 100000;
  EXPECT_EQ(DecodeCall(c, -38).enter,
            "0, 0xffffffffffffff80, 0xffffffffffffff80, 0x1, 0x1, 0x1");
}

TEST_F(DecoderTest, UndecodedSyscallUsesItsArgCount) {
  EXPECT_EQ(Text("set_tid_address", {0x7f01adf5aa10}, 390), "0x7f01adf5aa10");
  EXPECT_EQ(Text("rseq", {0x7f70bd437fe0, 0x20, 0, 0x53053053}),
            "0x7f70bd437fe0, 0x20, 0, 0x53053053");
  EXPECT_EQ(Text("getpmsg", {1, 2, 3, 4, 5, 6}, -38),
            "0x1, 0x2, 0x3, 0x4, 0x5");
}

// --------------------------------------------------------------------------
// read / write family.
// --------------------------------------------------------------------------
TEST_F(DecoderTest, Read) {
  mem.Map(0x1000, "roo");
  Result r = Decode("read", {3, 0x1000, 3}, 3);
  EXPECT_EQ(r.enter, "3, ");
  EXPECT_EQ(r.exit, "\"roo\", 3");
  EXPECT_EQ(r.fmt, RetFormat::kDecimal);

  mem.Map(0x2000,
          "t:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr"
          "/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sb");
  EXPECT_EQ(Text("read", {3, 0x2000, 100}, 100),
            "3, \"t:x:0:0:root:/root:/bin/bash\\ndae\"..., 100");
  EXPECT_EQ(Text("read", {15, 0x7ffd328e6cf0, 5}, -9), "15, 0x7ffd328e6cf0, 5");
  EXPECT_EQ(Text("read", {9, 0x2000, 0}, 0), "9, \"\", 0");
}

TEST_F(DecoderTest, Pread64) {
  mem.Map(0x1000, "x:0:0:root");
  EXPECT_EQ(Text("pread64", {3, 0x1000, 10, 5}, 10),
            "3, \"x:0:0:root\", 10, 5");
}

TEST_F(DecoderTest, WriteEscaping) {
  mem.Map(0x1000, "hello\n");
  Result r = Decode("write", {15, 0x1000, 6}, 6);
  EXPECT_EQ(r.enter, "15, \"hello\\n\", 6");
  EXPECT_EQ(r.exit, "");
  const char bin[] =
      "\0\1\2\3\a\b\t\n\v\f\r\x1b\"\\\x7f\x80\xff abc 0123456789 xyz";
  mem.Map(0x2000, bin, 36);
  EXPECT_EQ(
      Text("write", {15, 0x2000, 36}, 36),
      "15, \"\\0\\1\\2\\3\\7\\10\\t\\n\\v\\f\\r\\33\\\"\\\\\\177\\200\\377 "
      "abc 0123456789\"..., 36");
  mem.Map(0x3000,
          "\1"
          "0\0"
          "1\t2",
          6);
  EXPECT_EQ(Text("write", {15, 0x3000, 6}, 6), "15, \"\\0010\\0001\\t2\", 6");
  EXPECT_EQ(Text("write", {15, 0, 0}, 0), "15, NULL, 0");
  EXPECT_EQ(Text("write", {15, 0, 5}, -14), "15, NULL, 5");
  EXPECT_EQ(Text("write", {15, 1, 5}, -14), "15, 0x1, 5");
  EXPECT_EQ(Text("write", {1, 0x1000, 0}, 0), "1, \"\", 0");
}

// strace 6.1 -x, -xx and --strings-in-hex=non-ascii-chars with -y on the
// same writes and openat (a test program writing to /dev/null).
TEST_F(DecoderTest, StringsInHex) {
  const char bin[] =
      "\0\1\2\3\a\b\t\n\v\f\r\x1b\"\\\x7f\x80\xff abc 0123456789 xyz";
  mem.Map(0x1000, "hello\n");
  mem.Map(0x2000, bin, 36);
  mem.Map(0x3000,
          "\1"
          "0\0"
          "1\t2",
          6);
  mem.Map(0x4000, "a\"b\\c<>");
  mem.MapString(0x5000, "/tmp/ffx/h\xe9<x>");
  mem.SetFdPath(1, "/dev/null");
  mem.SetFdPath(3, "/tmp/ffx/h\xe9<x>");
  mem.SetCwd("/tmp/ffx");
  opts.fd_paths = true;

  opts.hex_strings = HexStrings::kNonAscii;  // -x
  EXPECT_EQ(Text("write", {1, 0x1000, 6}, 6), "1</dev/null>, \"hello\\n\", 6");
  EXPECT_EQ(Text("write", {1, 0x2000, 36}, 36),
            "1</dev/null>, \"\\x00\\x01\\x02\\x03\\x07\\x08\\x09\\x0a\\x0b\\x0c"
            "\\x0d\\x1b\\x22\\x5c\\x7f\\x80\\xff\\x20\\x61\\x62\\x63\\x20\\x30"
            "\\x31\\x32\\x33\\x34\\x35\\x36\\x37\\x38\\x39\"..., 36");
  EXPECT_EQ(Text("write", {1, 0x3000, 6}, 6),
            "1</dev/null>, \"\\x01\\x30\\x00\\x31\\x09\\x32\", 6");
  EXPECT_EQ(Text("write", {1, 0x4000, 7}, 7),
            "1</dev/null>, \"a\\\"b\\\\c<>\", 7");
  Result open = Decode("openat", {kAtFdcwd, 0x5000, 0101, 0644}, 3);
  EXPECT_EQ(open.all(),
            "AT_FDCWD</tmp/ffx>, "
            "\"\\x2f\\x74\\x6d\\x70\\x2f\\x66\\x66\\x78\\x2f\\x68\\xe9\\x3c"
            "\\x78\\x3e\", O_WRONLY|O_CREAT, 0644");
  EXPECT_EQ(open.suffix,
            "<\\x2f\\x74\\x6d\\x70\\x2f\\x66\\x66\\x78\\x2f\\x68\\xe9\\x3c"
            "\\x78\\x3e>");

  opts.hex_strings = HexStrings::kAll;  // -xx
  EXPECT_EQ(Text("write", {1, 0x1000, 6}, 6),
            "1<\\x2f\\x64\\x65\\x76\\x2f\\x6e\\x75\\x6c\\x6c>, "
            "\"\\x68\\x65\\x6c\\x6c\\x6f\\x0a\", 6");
  EXPECT_EQ(
      Decode("openat", {kAtFdcwd, 0x5000, 0101, 0644}, 3).enter.substr(0, 45),
      "AT_FDCWD<\\x2f\\x74\\x6d\\x70\\x2f\\x66\\x66\\x78>, \"");

  opts.hex_strings = HexStrings::kNonAsciiChars;
  EXPECT_EQ(Text("write", {1, 0x1000, 6}, 6), "1</dev/null>, \"hello\\n\", 6");
  EXPECT_EQ(Text("write", {1, 0x2000, 36}, 36),
            "1</dev/null>, \"\\x00\\x01\\x02\\x03\\x07\\x08\\t\\n\\v\\f\\r"
            "\\x1b\\\"\\\\\\x7f\\x80\\xff abc 0123456789\"..., 36");
  EXPECT_EQ(Text("write", {1, 0x3000, 6}, 6),
            "1</dev/null>, \"\\x010\\x001\\t2\", 6");
  open = Decode("openat", {kAtFdcwd, 0x5000, 0101, 0644}, 3);
  EXPECT_EQ(
      open.all(),
      "AT_FDCWD</tmp/ffx>, \"/tmp/ffx/h\\xe9<x>\", O_WRONLY|O_CREAT, 0644");
  EXPECT_EQ(open.suffix, "</tmp/ffx/h\\xe9\\x3cx\\x3e>");
}

// -P: a call matches when a path argument equals one of the paths, or an
// fd argument's /proc link does; decided at entry.
TEST_F(DecoderTest, TracePaths) {
  mem.MapString(0x1000, "/etc/hostname");
  mem.MapString(0x2000, "hostname");
  mem.MapString(0x3000, "");
  mem.SetFdPath(3, "/etc/hostname");
  mem.SetFdPath(4, "/etc/passwd");
  auto matched = [&](const char* name, std::vector<uint64_t> args) {
    ArgDecoder dec(&mem, opts);
    SyscallCall c;
    c.tid = 1234;
    c.nr = SyscallTable::Get().Number(kArchX86_64, name);
    for (size_t i = 0; i < args.size(); ++i) c.args[i] = args[i];
    std::string out;
    dec.DecodeEntry(c, &out);
    return dec.entry_matched();
  };
  // Without -P every call matches.
  EXPECT_TRUE(matched("getpid", {}));
  opts.trace_paths = {"/etc/hostname"};
  EXPECT_TRUE(matched("openat", {kAtFdcwd, 0x1000, 0}));
  EXPECT_FALSE(matched("openat", {kAtFdcwd, 0x2000, 0}));  // strings differ
  EXPECT_TRUE(matched("read", {3, 0x5000, 10}));
  EXPECT_FALSE(matched("read", {4, 0x5000, 10}));
  EXPECT_TRUE(matched("newfstatat", {3, 0x3000, 0x6000, 0x1000}));  // the fd
  EXPECT_TRUE(matched("close", {3}));
  EXPECT_FALSE(matched("close", {kMinus1}));
  EXPECT_FALSE(matched("getpid", {}));
  EXPECT_FALSE(matched("openat", {kAtFdcwd, 0, 0}));  // NULL path
  opts.trace_paths = {"/etc/passwd", "hostname"};
  EXPECT_TRUE(matched("openat", {kAtFdcwd, 0x2000, 0}));
  EXPECT_TRUE(matched("fstat", {4, 0x6000}));
}

// -P: as strace's pathtrace, the fds inside bpf attributes, io_uring's
// registered files and SCM_RIGHTS do not make a call match (its given fd
// arguments do), nor do mq_* calls; a socketcall making no call matches
// on its first argument taken as an fd.
TEST_F(DecoderTest, TracePathsIgnoreFdsInStructures) {
  auto matched = [&](const char* name, std::vector<uint64_t> args,
                     uint32_t arch = kArchX86_64) {
    ArgDecoder dec(&mem, opts);
    SyscallCall c;
    c.tid = 1234;
    c.arch = arch;
    c.nr = SyscallTable::Get().Number(arch, name);
    for (size_t i = 0; i < args.size(); ++i) c.args[i] = args[i];
    std::string out;
    dec.DecodeEntry(c, &out);
    return dec.entry_matched();
  };
  mem.SetFdPath(0, "/dev/null");
  mem.SetFdPath(5, "anon_inode:[io_uring]");
  mem.SetFdPath(7, "socket:[77]");
  opts.trace_paths = {"/dev/null"};
  const int32_t files[2] = {0, 0};
  mem.Map(0x1000, files, sizeof files);
  EXPECT_FALSE(matched("io_uring_register", {5, 2, 0x1000, 2}));
  EXPECT_TRUE(matched("io_uring_register", {0, 2, 0x1000, 2}));
  // BPF_MAP_CREATE with inner_map_fd 0, BPF_PROG_ATTACH to fd 0.
  uint32_t attr[12] = {2, 4, 8, 4, 0, 0};
  mem.Map(0x2000, attr, sizeof attr);
  EXPECT_FALSE(matched("bpf", {0, 0x2000, sizeof attr}));
  EXPECT_FALSE(matched("bpf", {8, 0x2000, sizeof attr}));
  // sendmsg(7, {... SCM_RIGHTS [0] ...}).
  uint8_t cbuf[24] = {};
  const uint64_t cmsg_len = 20;
  const int32_t level = SOL_SOCKET, type = SCM_RIGHTS, fd = 0;
  memcpy(cbuf, &cmsg_len, 8);
  memcpy(cbuf + 8, &level, 4);
  memcpy(cbuf + 12, &type, 4);
  memcpy(cbuf + 16, &fd, 4);
  mem.Map(0x3000, cbuf, sizeof cbuf);
  struct msghdr mh = {};
  mh.msg_control = reinterpret_cast<void*>(0x3000);
  mh.msg_controllen = sizeof cbuf;
  mem.Map(0x4000, &mh, sizeof mh);
  EXPECT_FALSE(matched("sendmsg", {7, 0x4000, 0}));
  EXPECT_TRUE(matched("sendmsg", {0, 0x4000, 0}));
  EXPECT_TRUE(matched("socketcall", {0, 0x5000}, kArchI386));
  EXPECT_FALSE(matched("socketcall", {7, 0x5000}, kArchI386));
  // No mq_* call matches: a queue's name is no path, its fd not looked at.
  mem.MapString(0x6000, "/dev/null");
  EXPECT_FALSE(matched("mq_unlink", {0x6000}));
  EXPECT_FALSE(matched("mq_open", {0x6000, 0, 0, 0}));
  EXPECT_FALSE(matched("mq_notify", {0, 0}));
  EXPECT_FALSE(matched("mq_timedsend", {0, 0, 0, 0, 0}));
  EXPECT_FALSE(matched("mq_timedreceive", {0, 0, 0, 0, 0}));
  EXPECT_FALSE(matched("mq_getsetattr", {0, 0, 0}));
  EXPECT_TRUE(matched("read", {0, 0, 0}));
}

// -e raw=SET: strace's raw output for these syscalls (hex arguments, as
// many as the syscall takes, 0 as "0"; hex result), decoded for others.
TEST_F(DecoderTest, RawSyscalls) {
  mem.MapString(0x1000, "/etc/hostname");
  absl::StatusOr<SyscallFilter> raw = ParseTraceFilter("openat,read");
  ASSERT_TRUE(raw.ok());
  opts.raw = *raw;
  Result r = Decode("openat", {kAtFdcwd, 0x1000, 0x80000, 0}, 3);
  EXPECT_EQ(r.all(), "0xffffffffffffff9c, 0x1000, 0x80000, 0");
  EXPECT_EQ(r.fmt, RetFormat::kRaw);
  EXPECT_EQ(Decode("read", {3, 0x2000, 4096}, 3).all(), "0x3, 0x2000, 0x1000");
  r = Decode("close", {3}, 0);
  EXPECT_EQ(r.all(), "3");
  EXPECT_EQ(r.fmt, RetFormat::kDecimal);
}

// -yy: strace's annotations for sockets, devices and pidfds; -y alone,
// or nothing to add, keeps the path.
TEST_F(DecoderTest, FdDetails) {
  FdDetails tcp;
  tcp.kind = FdDetails::Kind::kSocket;
  tcp.protocol = "TCP";
  tcp.text = "127.0.0.1:45072->127.0.0.1:45855";
  FdDetails unix_named;
  unix_named.kind = FdDetails::Kind::kSocket;
  unix_named.protocol = "UNIX-STREAM";
  unix_named.text = "9922300->9922299";
  unix_named.has_unix_name = true;
  unix_named.unix_name = "/tmp/s\"k";
  FdDetails abstract = unix_named;
  abstract.protocol = "UNIX";
  abstract.text = "9922306";
  abstract.abstract = true;
  abstract.unix_name = "abs";
  FdDetails dev;
  dev.kind = FdDetails::Kind::kDevice;
  dev.major = 1;
  dev.minor = 5;
  FdDetails pid;
  pid.kind = FdDetails::Kind::kPid;
  pid.pid = 13809;
  mem.SetFdPath(3, "socket:[1]");
  mem.SetFdDetails(3, tcp);
  mem.SetFdPath(4, "socket:[2]");
  mem.SetFdDetails(4, unix_named);
  mem.SetFdPath(5, "socket:[3]");
  mem.SetFdDetails(5, abstract);
  mem.SetFdPath(6, "/dev/zero");
  mem.SetFdDetails(6, dev);
  mem.SetFdPath(7, "anon_inode:[pidfd]");
  mem.SetFdDetails(7, pid);
  mem.SetFdPath(8, "/etc/passwd");
  opts.fd_paths = true;
  EXPECT_EQ(Text("close", {3}), "3<socket:[1]>");  // -y
  opts.fd_sockets = opts.fd_devices = opts.fd_pidfds = true;
  EXPECT_EQ(Text("close", {3}), "3<TCP:[127.0.0.1:45072->127.0.0.1:45855]>");
  EXPECT_EQ(Text("close", {4}),
            "4<UNIX-STREAM:[9922300->9922299,\"/tmp/s\\\"k\"]>");
  EXPECT_EQ(Text("close", {5}), "5<UNIX:[9922306,@\"abs\"]>");
  EXPECT_EQ(Text("close", {6}), "6</dev/zero<char 1:5>>");
  EXPECT_EQ(Text("close", {7}), "7<pid:13809>");
  EXPECT_EQ(Text("close", {8}), "8</etc/passwd>");  // nothing to add
  // decode-fds=socket alone: a socket with no details (a protocol strace
  // does not name) shows its path, other files nothing.
  mem.SetFdPath(9, "socket:[99]");
  opts.fd_paths = opts.fd_devices = opts.fd_pidfds = false;
  EXPECT_EQ(Text("close", {9}), "9<socket:[99]>");
  EXPECT_EQ(Text("close", {3}), "3<TCP:[127.0.0.1:45072->127.0.0.1:45855]>");
  EXPECT_EQ(Text("close", {8}), "8");
  opts.fd_sockets = false;
  opts.fd_devices = true;
  EXPECT_EQ(Text("close", {9}), "9");
}

TEST_F(DecoderTest, StringLimit) {
  opts.string_limit = 4;
  mem.Map(0x1000, "hello\n");
  EXPECT_EQ(Text("write", {15, 0x1000, 6}, 6), "15, \"hell\"..., 6");
  mem.Map(0x2000,
          "\1"
          "0\0"
          "1\t2",
          6);
  EXPECT_EQ(Text("write", {15, 0x2000, 6}, 6), "15, \"\\0010\\0001\"..., 6");
  mem.Map(0x3000, "/tmp/gt/gt");
  EXPECT_EQ(Text("readlink", {0x4000, 0x3000, 256}, 10),
            "0x4000, \"/tmp\"..., 256");
}

TEST_F(DecoderTest, Pwrite64) {
  mem.Map(0x1000, "abc");
  EXPECT_EQ(Text("pwrite64", {15, 0x1000, 3, 100}, 3), "15, \"abc\", 3, 100");
  EXPECT_EQ(Text("pwrite64", {99, 0x1000, 3, 0}, -9), "99, \"abc\", 3, 0");
}

TEST_F(DecoderTest, SendtoRecvfrom) {
  mem.Map(0x1000, "ping");
  EXPECT_EQ(Text("sendto", {16, 0x1000, 4, 0, 0, 0}, 4),
            "16, \"ping\", 4, 0, NULL, 0");
  Result r = Decode("recvfrom", {17, 0x1000, 100, 0x40, 0, 0}, 4);
  EXPECT_EQ(r.enter, "17, ");
  EXPECT_EQ(r.exit, "\"ping\", 100, MSG_DONTWAIT, NULL, NULL");
  EXPECT_EQ(Text("recvfrom", {17, 0x7ffd328e6cf0, 100, 0x40, 0, 0}, -11),
            "17, 0x7ffd328e6cf0, 100, MSG_DONTWAIT, NULL, NULL");
}

// --------------------------------------------------------------------------
// Paths, open flags and modes.
// --------------------------------------------------------------------------
TEST_F(DecoderTest, Openat) {
  mem.MapString(0x1000, "/etc/passwd");
  Result r = Decode("openat", {kAtFdcwd, 0x1000, O_RDONLY | O_CLOEXEC}, 3);
  EXPECT_EQ(r.enter, "AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC");
  EXPECT_EQ(r.exit, "");
  EXPECT_EQ(r.suffix, "");
  mem.MapString(0x2000, "/tmp");
  EXPECT_EQ(Text("openat", {kAtFdcwd, 0x2000, O_RDWR | O_TMPFILE, 0600}, 7),
            "AT_FDCWD, \"/tmp\", O_RDWR|O_TMPFILE, 0600");
  EXPECT_EQ(Text("openat",
                 {kAtFdcwd, 0x2000,
                  O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY},
                 8),
            "AT_FDCWD, \"/tmp\", "
            "O_RDONLY|O_NOCTTY|O_NONBLOCK|O_NOFOLLOW|O_DIRECTORY");
  mem.MapString(0x3000, "x");
  EXPECT_EQ(Text("openat",
                 {3, 0x3000,
                  O_WRONLY | O_APPEND | O_SYNC | O_DSYNC | O_EXCL | O_ASYNC |
                      O_DIRECT | O_NOATIME | O_PATH},
                 -20),
            "3, \"x\", O_WRONLY|O_EXCL|O_APPEND|O_SYNC|O_DIRECT|O_NOATIME|"
            "O_PATH|FASYNC");
  mem.MapString(0x4000, "/tmp/gtfile");
  EXPECT_EQ(Text("openat", {kAtFdcwd, 0x4000, O_RDWR | O_CREAT, 04755}, 9),
            "AT_FDCWD, \"/tmp/gtfile\", O_RDWR|O_CREAT, 04755");
  EXPECT_EQ(Text("openat", {kAtFdcwd, 0x4000, O_RDWR | O_CREAT, 0}, 11),
            "AT_FDCWD, \"/tmp/gtfile\", O_RDWR|O_CREAT, 000");
  EXPECT_EQ(Text("openat", {kAtFdcwd, 0x4000, O_WRONLY | O_TRUNC}, 15),
            "AT_FDCWD, \"/tmp/gtfile\", O_WRONLY|O_TRUNC");
  mem.MapString(0x5000, "/tmp/\"q\"\n\1");
  EXPECT_EQ(Text("openat", {kAtFdcwd, 0x5000, O_RDONLY}, -2),
            "AT_FDCWD, \"/tmp/\\\"q\\\"\\n\\1\", O_RDONLY");
  EXPECT_EQ(Text("openat", {kAtFdcwd, 0x9999, O_RDONLY}, -14),
            "AT_FDCWD, 0x9999, O_RDONLY");
}

TEST_F(DecoderTest, Open) {
  mem.MapString(0x1000, "/etc/passwd");
  EXPECT_EQ(Text("open", {0x1000, O_RDONLY}, 3), "\"/etc/passwd\", O_RDONLY");
  EXPECT_EQ(Text("open", {0x1000, O_RDONLY, 0644}, 13),
            "\"/etc/passwd\", O_RDONLY");
  EXPECT_EQ(Text("open", {0x1000, 0x40000000 | O_RDONLY}, 12),
            "\"/etc/passwd\", O_RDONLY|0x40000000");
  mem.MapString(0x2000, "/tmp/gtnew");
  EXPECT_EQ(Text("open", {0x2000, O_WRONLY | O_CREAT | O_TRUNC, 0644}, 6),
            "\"/tmp/gtnew\", O_WRONLY|O_CREAT|O_TRUNC, 0644");
  mem.MapString(0x3000, "/tmp/gtfile2");
  EXPECT_EQ(Text("creat", {0x3000, 0600}, 14), "\"/tmp/gtfile2\", 0600");
}

TEST_F(DecoderTest, LongPathsAreNotCutAtStringLimit) {
  opts.string_limit = 4;
  mem.MapString(0x1000, "/nonexistent");
  EXPECT_EQ(Text("chdir", {0x1000}, -2), "\"/nonexistent\"");
  std::string huge(5000, 'a');
  mem.MapString(0x10000, huge);
  EXPECT_EQ(Text("unlink", {0x10000}, -36),
            "\"" + std::string(4096, 'a') + "\"...");
}

TEST_F(DecoderTest, StatFamily) {
  struct stat st = {};
  st.st_mode = S_IFREG | 0644;
  st.st_size = 1221;
  mem.Map(0x8000, &st, sizeof(st));
  mem.MapString(0x1000, "/etc/passwd");
  Result r = Decode("stat", {0x1000, 0x8000}, 0);
  EXPECT_EQ(r.enter, "\"/etc/passwd\", ");
  EXPECT_EQ(r.exit, "{st_mode=S_IFREG|0644, st_size=1221, ...}");
  EXPECT_EQ(Text("lstat", {0x1000, 0x8000}, 0),
            "\"/etc/passwd\", {st_mode=S_IFREG|0644, st_size=1221, ...}");
  EXPECT_EQ(Text("newfstatat", {kAtFdcwd, 0x1000, 0x8000, 0x100}, 0),
            "AT_FDCWD, \"/etc/passwd\", {st_mode=S_IFREG|0644, st_size=1221, "
            "...}, AT_SYMLINK_NOFOLLOW");
  EXPECT_EQ(Text("newfstatat", {kAtFdcwd, 0x1000, 0x8000, 0}, 0),
            "AT_FDCWD, \"/etc/passwd\", {st_mode=S_IFREG|0644, st_size=1221, "
            "...}, 0");
  EXPECT_EQ(Text("fstat", {99, 0x7ffd328e6c10}, -9), "99, 0x7ffd328e6c10");

  struct stat dev = {};
  dev.st_mode = S_IFCHR | 0666;
  dev.st_rdev = makedev(1, 3);
  mem.Map(0x9000, &dev, sizeof(dev));
  mem.MapString(0x2000, "");
  EXPECT_EQ(Text("newfstatat", {0, 0x2000, 0x9000, 0x1000}, 0),
            "0, \"\", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, "
            "AT_EMPTY_PATH");
  EXPECT_EQ(Text("fstat", {0, 0x9000}, 0),
            "0, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}");

  struct stat dir = {};
  dir.st_mode = S_IFDIR | S_ISVTX | 0777;
  dir.st_size = 4096;
  mem.Map(0xa000, &dir, sizeof(dir));
  EXPECT_EQ(Text("stat", {0x1000, 0xa000}, 0),
            "\"/etc/passwd\", {st_mode=S_IFDIR|S_ISVTX|0777, st_size=4096, "
            "...}");
}

TEST_F(DecoderTest, VerboseStat) {
  opts.verbose = true;
  setenv("TZ", "UTC", 1);
  tzset();
  struct stat st = {};
  st.st_dev = makedev(0xfe, 0);
  st.st_ino = 861;
  st.st_mode = S_IFREG | 0644;
  st.st_nlink = 1;
  st.st_blksize = 4096;
  st.st_blocks = 8;
  st.st_size = 1221;
  st.st_atim = {1795717617, 445880014};
  st.st_mtim = {1779294449, 0};
  st.st_ctim = {1779294449, 0};
  mem.Map(0x8000, &st, sizeof(st));
  mem.MapString(0x1000, "/etc/passwd");
  EXPECT_EQ(Text("stat", {0x1000, 0x8000}, 0),
            "\"/etc/passwd\", {st_dev=makedev(0xfe, 0), st_ino=861, "
            "st_mode=S_IFREG|0644, st_nlink=1, st_uid=0, st_gid=0, "
            "st_blksize=4096, st_blocks=8, st_size=1221, "
            "st_atime=1795717617 /* 2026-11-26T18:26:57.445880014+0000 */, "
            "st_atime_nsec=445880014, "
            "st_mtime=1779294449 /* 2026-05-20T16:27:29+0000 */, "
            "st_mtime_nsec=0, "
            "st_ctime=1779294449 /* 2026-05-20T16:27:29+0000 */, "
            "st_ctime_nsec=0}");
}

// -v: strace 6.1's whole struct; the birth time only when the mask has
// STATX_BTIME, the mount id only with STATX_MNT_ID.
TEST_F(DecoderTest, StatxVerbose) {
  opts.verbose = true;
  struct statx stx = {};
  stx.stx_mask = STATX_BASIC_STATS | STATX_MNT_ID;
  stx.stx_blksize = 4096;
  stx.stx_nlink = 2;
  stx.stx_uid = 1;
  stx.stx_gid = 2;
  stx.stx_mode = S_IFDIR | 0755;
  stx.stx_ino = 247069;
  stx.stx_size = 36864;
  stx.stx_blocks = 80;
  stx.stx_attributes_mask = 0x10 | 0x20;
  stx.stx_mtime = {.tv_sec = 1779294449, .tv_nsec = 5};
  stx.stx_rdev_major = 4;
  stx.stx_rdev_minor = 29;
  stx.stx_dev_major = 254;
  stx.stx_mnt_id = 0x1b;
  mem.Map(0x8000, &stx, sizeof(stx));
  const std::string tail =
      "stx_ctime={tv_sec=0, tv_nsec=0}, "
      "stx_mtime={tv_sec=1779294449, tv_nsec=5} /* "
      "2026-05-20T16:27:29.000000005+0000 */, stx_rdev_major=4, "
      "stx_rdev_minor=29, stx_dev_major=254, stx_dev_minor=0";
  EXPECT_EQ(Decode("statx", {kAtFdcwd, 0, 0, STATX_ALL, 0x8000}, 0).exit,
            "{stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_blksize=4096, "
            "stx_attributes=0, stx_nlink=2, stx_uid=1, stx_gid=2, "
            "stx_mode=S_IFDIR|0755, stx_ino=247069, stx_size=36864, "
            "stx_blocks=80, "
            "stx_attributes_mask=STATX_ATTR_IMMUTABLE|STATX_ATTR_APPEND, "
            "stx_atime={tv_sec=0, tv_nsec=0}, " +
                tail + ", stx_mnt_id=0x1b}");
  stx.stx_mask = STATX_ALL;
  mem.Map(0x8000, &stx, sizeof(stx));
  EXPECT_EQ(Decode("statx", {kAtFdcwd, 0, 0, STATX_ALL, 0x8000}, 0).exit,
            "{stx_mask=STATX_ALL, stx_blksize=4096, "
            "stx_attributes=0, stx_nlink=2, stx_uid=1, stx_gid=2, "
            "stx_mode=S_IFDIR|0755, stx_ino=247069, stx_size=36864, "
            "stx_blocks=80, "
            "stx_attributes_mask=STATX_ATTR_IMMUTABLE|STATX_ATTR_APPEND, "
            "stx_atime={tv_sec=0, tv_nsec=0}, "
            "stx_btime={tv_sec=0, tv_nsec=0}, " +
                tail + "}");
}

TEST_F(DecoderTest, Statx) {
  struct statx stx = {};
  stx.stx_mask = STATX_ALL | 0x1000;
  stx.stx_mode = S_IFREG | 0644;
  stx.stx_size = 1221;
  mem.Map(0x8000, &stx, sizeof(stx));
  mem.MapString(0x1000, "/etc/passwd");
  Result r = Decode("statx", {kAtFdcwd, 0x1000, 0, STATX_ALL, 0x8000}, 0);
  EXPECT_EQ(r.enter,
            "AT_FDCWD, \"/etc/passwd\", AT_STATX_SYNC_AS_STAT, STATX_ALL, ");
  EXPECT_EQ(r.exit,
            "{stx_mask=STATX_ALL|STATX_MNT_ID, stx_attributes=0, "
            "stx_mode=S_IFREG|0644, stx_size=1221, ...}");
  EXPECT_EQ(
      Decode("statx",
             {kAtFdcwd, 0x1000, 0x100 | 0x800, STATX_BASIC_STATS, 0x8000}, 0)
          .enter,
      "AT_FDCWD, \"/etc/passwd\", "
      "AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT, "
      "STATX_BASIC_STATS, ");
  mem.MapString(0x2000, "/nonexistent");
  EXPECT_EQ(
      Text("statx", {kAtFdcwd, 0x2000, 0, STATX_TYPE | STATX_SIZE, 0x7fff0000},
           -2),
      "AT_FDCWD, \"/nonexistent\", AT_STATX_SYNC_AS_STAT, "
      "STATX_TYPE|STATX_SIZE, 0x7fff0000");
  EXPECT_EQ(Text("statx", {kAtFdcwd, 0x2000, 0, STATX_BASIC_STATS, 0}, -14),
            "AT_FDCWD, \"/nonexistent\", AT_STATX_SYNC_AS_STAT, "
            "STATX_BASIC_STATS, NULL");
}

TEST_F(DecoderTest, Access) {
  mem.MapString(0x1000, "/etc/passwd");
  EXPECT_EQ(Text("access", {0x1000, R_OK}), "\"/etc/passwd\", R_OK");
  EXPECT_EQ(Text("access", {0x1000, F_OK}), "\"/etc/passwd\", F_OK");
  EXPECT_EQ(Text("access", {0x1000, R_OK | W_OK | X_OK}, -13),
            "\"/etc/passwd\", R_OK|W_OK|X_OK");
  EXPECT_EQ(Text("faccessat", {kAtFdcwd, 0x1000, W_OK}),
            "AT_FDCWD, \"/etc/passwd\", W_OK");
  EXPECT_EQ(Text("faccessat2", {kAtFdcwd, 0x1000, R_OK, 0x200 | 0x100}),
            "AT_FDCWD, \"/etc/passwd\", R_OK, AT_SYMLINK_NOFOLLOW|AT_EACCESS");
  mem.MapString(0x2000, "x");
  EXPECT_EQ(Text("faccessat2", {3, 0x2000, 0x10, 0}, -22),
            "3, \"x\", 0x10 /* ?_OK */, 0");
}

TEST_F(DecoderTest, Readlink) {
  mem.MapString(0x1000, "/proc/self/exe");
  mem.Map(0x2000, "/tmp/gt/gt");
  Result r = Decode("readlink", {0x1000, 0x2000, 256}, 10);
  EXPECT_EQ(r.enter, "\"/proc/self/exe\", ");
  EXPECT_EQ(r.exit, "\"/tmp/gt/gt\", 256");
  EXPECT_EQ(Text("readlinkat", {kAtFdcwd, 0x1000, 0x2000, 4}, 4),
            "AT_FDCWD, \"/proc/self/exe\", \"/tmp\", 4");
  mem.MapString(0x3000, "/etc/passwd");
  EXPECT_EQ(Text("readlink", {0x3000, 0x7ffd328e6cf0, 256}, -22),
            "\"/etc/passwd\", 0x7ffd328e6cf0, 256");
}

TEST_F(DecoderTest, DirectoryOperations) {
  mem.MapString(0x1000, "/tmp/gtdir");
  mem.MapString(0x2000, "/tmp/gtdir2");
  mem.MapString(0x3000, "/tmp/gtdir3");
  EXPECT_EQ(Text("mkdir", {0x1000, 0755}), "\"/tmp/gtdir\", 0755");
  EXPECT_EQ(Text("mkdirat", {kAtFdcwd, 0x2000, 0700}),
            "AT_FDCWD, \"/tmp/gtdir2\", 0700");
  EXPECT_EQ(Text("rename", {0x2000, 0x3000}),
            "\"/tmp/gtdir2\", \"/tmp/gtdir3\"");
  EXPECT_EQ(Text("renameat", {kAtFdcwd, 0x2000, kAtFdcwd, 0x3000}),
            "AT_FDCWD, \"/tmp/gtdir2\", AT_FDCWD, \"/tmp/gtdir3\"");
  EXPECT_EQ(Text("renameat2", {kAtFdcwd, 0x2000, kAtFdcwd, 0x3000, 1}),
            "AT_FDCWD, \"/tmp/gtdir2\", AT_FDCWD, \"/tmp/gtdir3\", "
            "RENAME_NOREPLACE");
  EXPECT_EQ(Text("renameat2", {kAtFdcwd, 0x2000, kAtFdcwd, 0x3000, 6}, -22),
            "AT_FDCWD, \"/tmp/gtdir2\", AT_FDCWD, \"/tmp/gtdir3\", "
            "RENAME_EXCHANGE|RENAME_WHITEOUT");
  EXPECT_EQ(Text("renameat2", {kAtFdcwd, 0x2000, kAtFdcwd, 0x3000, 0}, -2),
            "AT_FDCWD, \"/tmp/gtdir2\", AT_FDCWD, \"/tmp/gtdir3\", 0");
  EXPECT_EQ(Text("unlinkat", {kAtFdcwd, 0x1000, 0x200}),
            "AT_FDCWD, \"/tmp/gtdir\", AT_REMOVEDIR");
  EXPECT_EQ(Text("unlinkat", {kAtFdcwd, 0x1000, 0}),
            "AT_FDCWD, \"/tmp/gtdir\", 0");
  EXPECT_EQ(Text("unlink", {0x1000}), "\"/tmp/gtdir\"");
  EXPECT_EQ(Text("rmdir", {0x1000}, -2), "\"/tmp/gtdir\"");
  EXPECT_EQ(Text("chdir", {0x1000}), "\"/tmp/gtdir\"");
  EXPECT_EQ(Text("chmod", {0x1000, 0644}, -2), "\"/tmp/gtdir\", 0644");
  EXPECT_EQ(Text("fchmod", {9, 0600}), "9, 0600");
  EXPECT_EQ(Text("fchmodat", {kAtFdcwd, 0x1000, 0755}, -2),
            "AT_FDCWD, \"/tmp/gtdir\", 0755");
  EXPECT_EQ(Text("truncate", {0x1000, 100}, -2), "\"/tmp/gtdir\", 100");
  EXPECT_EQ(Text("ftruncate", {9, 100}, -22), "9, 100");
  EXPECT_EQ(Text("symlink", {0x2000, 0x3000}, -2),
            "\"/tmp/gtdir2\", \"/tmp/gtdir3\"");
  EXPECT_EQ(Text("fsync", {9}), "9");
  EXPECT_EQ(Text("fchdir", {9}, -20), "9");
  mem.MapString(0x4000, "/tmp/sysc_work");
  EXPECT_EQ(Text("getcwd", {0x4000, 256}, 15), "\"/tmp/sysc_work\", 256");
  EXPECT_EQ(Text("getcwd", {0x7fff1f61f7e0, 2}, -34), "0x7fff1f61f7e0, 2");
}

// --------------------------------------------------------------------------
// execve.
// --------------------------------------------------------------------------
TEST_F(DecoderTest, Execve) {
  mem.MapString(0x1000, "/nonexistent");
  mem.MapString(0x1100, "-l");
  mem.MapString(0x1200, "a\"b");
  mem.MapPointers(0x2000, {0x1000, 0x1100, 0x1200, 0});
  mem.MapString(0x1300, "A=1");
  mem.MapString(0x1400, "B=2");
  mem.MapPointers(0x3000, {0x1300, 0x1400, 0});
  Result r = Decode("execve", {0x1000, 0x2000, 0x3000}, -13);
  EXPECT_EQ(r.enter,
            "\"/nonexistent\", [\"/nonexistent\", \"-l\", \"a\\\"b\"], "
            "0x3000 /* 2 vars */");
  EXPECT_EQ(r.exit, "");
  EXPECT_EQ(Text("execve", {0x1000, 0, 0}, -13),
            "\"/nonexistent\", NULL, NULL");
  EXPECT_EQ(Text("execveat", {kAtFdcwd, 0x1000, 0x2000, 0x3000, 0x100}, -13),
            "AT_FDCWD, \"/nonexistent\", [\"/nonexistent\", \"-l\", "
            "\"a\\\"b\"], 0x3000 /* 2 vars */, AT_SYMLINK_NOFOLLOW");
  mem.MapPointers(0x4000, {0x1300, 0});
  EXPECT_EQ(Text("execve", {0x1000, 0x2000, 0x4000}, -2),
            "\"/nonexistent\", [\"/nonexistent\", \"-l\", \"a\\\"b\"], "
            "0x4000 /* 1 var */");
  EXPECT_EQ(Text("execve", {0x1000, 0x2000, 1}, -2),
            "\"/nonexistent\", [\"/nonexistent\", \"-l\", \"a\\\"b\"], 0x1");
  EXPECT_EQ(Text("execve", {0x1000, 1, 0}, -2), "\"/nonexistent\", 0x1, NULL");
}

TEST_F(DecoderTest, ExecveVerboseAndLimits) {
  mem.MapString(0x1000, "/nonexistent");
  mem.MapString(0x1100, "a");
  mem.MapString(0x1200, "bb");
  mem.MapString(0x1300, "ccc");
  mem.MapPointers(0x2000, {0x1100, 0x1200, 0x1300, 0});
  mem.MapString(0x1400, "A=1");
  mem.MapString(0x1500, "B=2");
  mem.MapPointers(0x3000, {0x1400, 0x1500, 0});
  opts.verbose = true;
  EXPECT_EQ(Text("execve", {0x1000, 0x2000, 0x3000}, -2),
            "\"/nonexistent\", [\"a\", \"bb\", \"ccc\"], [\"A=1\", \"B=2\"]");
  opts.verbose = false;
  opts.string_limit = 2;
  EXPECT_EQ(Text("execve", {0x1000, 0x2000, 0x3000}, -2),
            "\"/nonexistent\", [\"a\", \"bb\", ...], 0x3000 /* 2 vars */");
}

// -e abbrev=SET: only these calls abbreviate (envp as a count, the short
// struct stat); the others print as with -v. -v overrides the set.
TEST_F(DecoderTest, AbbrevSetPerSyscall) {
  mem.MapString(0x1000, "/nonexistent");
  mem.MapString(0x1100, "a");
  mem.MapPointers(0x2000, {0x1100, 0});
  mem.MapString(0x1400, "A=1");
  mem.MapPointers(0x3000, {0x1400, 0});
  struct stat st = {};
  st.st_mode = S_IFREG | 0644;
  st.st_size = 3;
  mem.Map(0x8000, &st, sizeof(st));
  absl::StatusOr<SyscallFilter> execve = ParseTraceFilter("execve");
  ASSERT_TRUE(execve.ok());
  opts.abbrev_set = *execve;
  EXPECT_EQ(Text("execve", {0x1000, 0x2000, 0x3000}, -2),
            "\"/nonexistent\", [\"a\"], 0x3000 /* 1 var */");
  EXPECT_EQ(Text("fstat", {3, 0x8000}),
            "3, {st_dev=makedev(0, 0), st_ino=0, st_mode=S_IFREG|0644, "
            "st_nlink=0, st_uid=0, st_gid=0, st_blksize=0, st_blocks=0, "
            "st_size=3, st_atime=0, st_atime_nsec=0, st_mtime=0, "
            "st_mtime_nsec=0, st_ctime=0, st_ctime_nsec=0}");
  opts.abbrev_set = *ParseTraceFilter("!execve");
  EXPECT_EQ(Text("execve", {0x1000, 0x2000, 0x3000}, -2),
            "\"/nonexistent\", [\"a\"], [\"A=1\"]");
  EXPECT_EQ(Text("fstat", {3, 0x8000}),
            "3, {st_mode=S_IFREG|0644, st_size=3, ...}");
  opts.verbose = true;
  EXPECT_EQ(Text("fstat", {3, 0x8000}).substr(0, 24),
            "3, {st_dev=makedev(0, 0)");
}

// -e verbose=SET: the other calls print structures, arrays, sigsets,
// sockaddrs, execve's argv and envp, fd sets and cpu sets as bare
// addresses (no "/* N vars */" or getdents "/* N entries */" comment),
// netlink messages as plain strings; strings and data buffers are still
// read. As strace 6.1 -e verbose=none.
TEST_F(DecoderTest, VerboseSetLeavesStructuresBare) {
  mem.MapString(0x1000, "/etc/passwd");
  mem.MapString(0x1100, "a");
  mem.MapPointers(0x2000, {0x1100, 0});
  struct stat st = {};
  st.st_mode = S_IFREG | 0644;
  mem.Map(0x8000, &st, sizeof(st));
  uint64_t usr = 1ull << (SIGUSR1 - 1);
  mem.Map(0x3000, &usr, 8);
  int fds[2] = {3, 4};
  mem.Map(0x4000, fds, sizeof(fds));
  mem.Map(0x5000, std::string("hello"));
  const uint64_t iov[2] = {0x5000, 5};
  mem.Map(0x6000, iov, sizeof(iov));
  sockaddr_in in = {};
  in.sin_family = AF_INET;
  mem.Map(0x7000, &in, sizeof(in));
  uint64_t cpus = 3;
  mem.Map(0x9000, &cpus, 8);
  opts.verbose_set = *ParseTraceFilter("!fstat");
  EXPECT_EQ(Text("fstat", {3, 0x8000}), "3, 0x8000");
  EXPECT_EQ(Text("stat", {0x1000, 0x8000}),
            "\"/etc/passwd\", {st_mode=S_IFREG|0644, st_size=0, ...}");

  opts.verbose_set = SyscallFilter::None();
  EXPECT_EQ(Text("stat", {0x1000, 0x8000}), "\"/etc/passwd\", 0x8000");
  EXPECT_EQ(Text("execve", {0x1000, 0x2000, 0x2000}),
            "\"/etc/passwd\", 0x2000, 0x2000");
  EXPECT_EQ(Text("execve", {0x1000, 0, 0}), "\"/etc/passwd\", NULL, NULL");
  EXPECT_EQ(Text("rt_sigprocmask", {SIG_BLOCK, 0x3000, 0x3000, 8}),
            "SIG_BLOCK, 0x3000, 0x3000, 8");
  EXPECT_EQ(Text("pipe2", {0x4000, 0}), "0x4000, 0");
  EXPECT_EQ(Text("write", {1, 0x5000, 5}, 5), "1, \"hello\", 5");
  EXPECT_EQ(Text("writev", {1, 0x6000, 1}, 5), "1, 0x6000, 1");
  EXPECT_EQ(Text("bind", {3, 0x7000, sizeof(in)}), "3, 0x7000, 16");
  EXPECT_EQ(Text("sched_getaffinity", {0, 8, 0x9000}, 8), "0, 8, 0x9000");
  EXPECT_EQ(Text("getdents64", {3, 0x5000, 4096}, 5), "3, 0x5000, 4096");
  // An empty array is still "[]", NULL still NULL.
  EXPECT_EQ(Text("writev", {1, 0x6000, 0}), "1, [], 0");
  EXPECT_EQ(Text("rt_sigprocmask", {SIG_BLOCK, 0, 0, 8}),
            "SIG_BLOCK, NULL, NULL, 8");
  // recvfrom's address and its length, successful or not.
  int32_t len = 16;
  mem.Map(0xa000, &len, sizeof(len));
  EXPECT_EQ(Text("recvfrom", {3, 0x5000, 10, 0, 0x7000, 0xa000}, 5),
            "3, \"hello\", 10, 0, 0x7000, 0xa000");
  EXPECT_EQ(Text("recvfrom", {3, 0x5000, 10, 0, 0x7000, 0xa000}, -11),
            "3, 0x5000, 10, 0, 0x7000, 0xa000");
}

// --------------------------------------------------------------------------
// Memory.
// --------------------------------------------------------------------------
TEST_F(DecoderTest, Mmap) {
  Result r = Decode("mmap", {0, 8192, 3, 0x22, kMinus1, 0}, 0x7f01ae148000);
  EXPECT_EQ(
      r.enter,
      "NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0");
  EXPECT_EQ(r.fmt, RetFormat::kHex);
  EXPECT_EQ(
      Text("mmap", {0, 4096, 1, 0x1 | 0x20 | 0x4000 | 0x8000, kMinus1, 0}),
      "NULL, 4096, PROT_READ, "
      "MAP_SHARED|MAP_ANONYMOUS|MAP_NORESERVE|MAP_POPULATE, -1, 0");
  EXPECT_EQ(Text("mmap", {0x10000, 4096, 1,
                          0x2 | 0x20 | 0x100000 | 0x20000 | 0x100, kMinus1, 0}),
            "0x10000, 4096, PROT_READ, "
            "MAP_PRIVATE|MAP_ANONYMOUS|MAP_GROWSDOWN|MAP_STACK|"
            "MAP_FIXED_NOREPLACE, -1, 0");
  EXPECT_EQ(
      Text("mmap", {0, 4096, 1, 0x3 | 0x20 | 0x40000 | (21u << 26), kMinus1, 0},
           -12),
      "NULL, 4096, PROT_READ, "
      "MAP_SHARED_VALIDATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, "
      "-1, 0");
  EXPECT_EQ(Text("mmap",
                 {0, 4096, 0x101,
                  0x40000000 | 0x2 | 0x40 | 0x2000 | 0x10000 | 0x80000 | 0x800 |
                      0x1000,
                  5, 0x1000},
                 -19),
            "NULL, 4096, PROT_READ|0x100, "
            "MAP_PRIVATE|MAP_32BIT|MAP_NONBLOCK|MAP_DENYWRITE|MAP_EXECUTABLE|"
            "MAP_LOCKED|MAP_SYNC|16<<MAP_HUGE_SHIFT, 5, 0x1000");
  EXPECT_EQ(Text("mmap", {0, 4096, 1, 0, kMinus1, 0}, -9),
            "NULL, 4096, PROT_READ, MAP_FILE, -1, 0");
  EXPECT_EQ(Text("mmap", {0x7fe209a74000, 110592, 5, 0x812, 3, 0x7000}),
            "0x7fe209a74000, 110592, PROT_READ|PROT_EXEC, "
            "MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x7000");
}

TEST_F(DecoderTest, MprotectMunmapBrkMremap) {
  EXPECT_EQ(Text("mprotect", {0x7f01ae148000, 4096, 1}),
            "0x7f01ae148000, 4096, PROT_READ");
  EXPECT_EQ(Text("mprotect", {0x7f01ae148000, 4096, 0}),
            "0x7f01ae148000, 4096, PROT_NONE");
  EXPECT_EQ(Text("mprotect", {0x7f01ae148000, 4096, 7 | 0x01000000}, -22),
            "0x7f01ae148000, 4096, PROT_READ|PROT_WRITE|PROT_EXEC|"
            "PROT_GROWSDOWN");
  EXPECT_EQ(Text("munmap", {0x7f01ae148000, 8192}), "0x7f01ae148000, 8192");
  Result r = Decode("brk", {0}, 0x55d655cc9000);
  EXPECT_EQ(r.all(), "NULL");
  EXPECT_EQ(r.fmt, RetFormat::kHex);
  EXPECT_EQ(Text("brk", {0x1000}), "0x1000");
  r = Decode("mremap", {0x7f70bd626000, 8192, 16384, 1}, 0x7f70bd622000);
  EXPECT_EQ(r.all(), "0x7f70bd626000, 8192, 16384, MREMAP_MAYMOVE");
  EXPECT_EQ(r.fmt, RetFormat::kHex);
  EXPECT_EQ(Text("mremap", {0x7f70bd626000, 8192, 4096, 0}, -14),
            "0x7f70bd626000, 8192, 4096, 0");
  EXPECT_EQ(Text("set_robust_list", {0x7fff1f61f7e0, 24}),
            "0x7fff1f61f7e0, 24");
}

// --------------------------------------------------------------------------
// Processes.
// --------------------------------------------------------------------------
TEST_F(DecoderTest, Clone) {
  const uint64_t flags = 0x200000 | 0x1000000 | SIGCHLD;
  Result r = Decode("clone", {flags, 0, 0, 0x7f01adf5aa10, 0}, 392);
  EXPECT_EQ(r.enter,
            "child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|"
            "SIGCHLD");
  EXPECT_EQ(r.exit, ", child_tidptr=0x7f01adf5aa10");
  EXPECT_EQ(Text("clone", {SIGCHLD, 0, 0, 0, 0}, 5),
            "child_stack=NULL, flags=SIGCHLD");
  EXPECT_EQ(Text("clone", {0, 0x1000, 0, 0, 0}, 5),
            "child_stack=0x1000, flags=0");
  int32_t tid = 1235;
  mem.Map(0x5000, &tid, 4);
  EXPECT_EQ(
      Text("clone",
           {0x100 | 0x10000 | 0x80000 | 0x100000, 0x7000, 0x5000, 0, 0x7f00},
           1235),
      "child_stack=0x7000, flags=CLONE_VM|CLONE_THREAD|CLONE_SETTLS|"
      "CLONE_PARENT_SETTID, parent_tid=[1235], tls=0x7f00");
}

TEST_F(DecoderTest, Clone3) {
  uint64_t args[11] = {};
  args[0] = 0x1000 | 0x100000;  // CLONE_PIDFD|CLONE_PARENT_SETTID
  args[1] = 0x6000;             // pidfd
  args[3] = 0x6008;             // parent_tid
  args[4] = SIGCHLD;
  mem.Map(0x5000, args, 88);
  int32_t pidfd = 15, ptid = 395;
  mem.Map(0x6000, &pidfd, 4);
  mem.Map(0x6008, &ptid, 4);
  Result r = Decode("clone3", {0x5000, 88}, 395);
  EXPECT_EQ(r.enter,
            "{flags=CLONE_PIDFD|CLONE_PARENT_SETTID, pidfd=0x6000, "
            "parent_tid=0x6008, exit_signal=SIGCHLD, stack=NULL, "
            "stack_size=0}");
  EXPECT_EQ(r.exit, " => {pidfd=[15], parent_tid=[395]}, 88");

  // pthread_create's call.
  uint64_t th[11] = {};
  th[0] = 0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 0x40000 | 0x80000 |
          0x100000 | 0x200000;
  th[2] = 0x7f70bd437990;
  th[3] = 0x6008;
  th[5] = 0x7f70bcc37000;
  th[6] = 0x7fff80;
  th[7] = 0x7f70bd4376c0;
  mem.Map(0x7000, th, 88);
  r = Decode("clone3", {0x7000, 88}, 395);
  EXPECT_EQ(r.all(),
            "{flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|"
            "CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|"
            "CLONE_CHILD_CLEARTID, child_tid=0x7f70bd437990, "
            "parent_tid=0x6008, exit_signal=0, stack=0x7f70bcc37000, "
            "stack_size=0x7fff80, tls=0x7f70bd4376c0} => "
            "{parent_tid=[395]}, 88");

  // Nothing to report at exit: everything at entry.
  uint64_t simple[11] = {};
  simple[4] = SIGCHLD;
  mem.Map(0x8000, simple, 88);
  r = Decode("clone3", {0x8000, 88}, 7);
  EXPECT_EQ(r.enter,
            "{flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88");
  EXPECT_EQ(r.exit, "");
  EXPECT_EQ(Text("clone3", {0x9000, 88}, -14), "0x9000, 88");
}

TEST_F(DecoderTest, KillFamily) {
  EXPECT_EQ(Text("kill", {390, SIGWINCH}), "390, SIGWINCH");
  EXPECT_EQ(Text("kill", {0, 0}), "0, 0");
  EXPECT_EQ(Text("kill", {999999, 34}, -3), "999999, SIGRT_2");
  EXPECT_EQ(Text("kill", {999999, 64}, -3), "999999, SIGRT_32");
  EXPECT_EQ(Text("kill", {999999, 65}, -3), "999999, 65");
  EXPECT_EQ(Text("kill", {kMinus1, 100}, -22), "-1, 100");
  EXPECT_EQ(Text("tkill", {390, SIGWINCH}), "390, SIGWINCH");
  EXPECT_EQ(Text("tgkill", {390, 390, SIGWINCH}), "390, 390, SIGWINCH");
}

TEST_F(DecoderTest, Ptrace) {
  // The user area's offsets, by register or field.
  uint64_t word = 0x7f0012345678;
  mem.Map(0x1000, &word, sizeof(word));
  EXPECT_EQ(Text("ptrace", {3, 77, 8 * 16, 0x1000}, 0),
            "PTRACE_PEEKUSER, 77, 8*RIP, [0x7f0012345678]");
  EXPECT_EQ(Text("ptrace", {3, 77, 8 * 22 + 4, 0x1000}, -5),
            "PTRACE_PEEKUSER, 77, 8*SS+20, 0x1000");
  EXPECT_EQ(Text("ptrace", {6, 77, offsetof(struct user, u_debugreg) + 56, 0}),
            "PTRACE_POKEUSER, 77, offsetof(struct user, u_debugreg)+56, NULL");
  EXPECT_EQ(Text("ptrace", {3, 77, sizeof(struct user) + 8, 0x1000}, -5),
            "PTRACE_PEEKUSER, 77, 0x398, 0x1000");
  // Requests that take no address or data.
  EXPECT_EQ(Text("ptrace", {0x4207, 77, 1, 2}), "PTRACE_INTERRUPT, 77");
  EXPECT_EQ(Text("ptrace", {0, 0, 0, 0}, -1), "PTRACE_TRACEME");
  // Options, signals, unknown requests.
  EXPECT_EQ(Text("ptrace", {0x4206, 77, 0, 0x100001}),
            "PTRACE_SEIZE, 77, NULL, PTRACE_O_TRACESYSGOOD|PTRACE_O_EXITKILL");
  EXPECT_EQ(Text("ptrace", {24, 77, 0, SIGUSR2}),
            "PTRACE_SYSCALL, 77, NULL, SIGUSR2");
  EXPECT_EQ(Text("ptrace", {0x4242, 77, 1, 2}, -5),
            "0x4242 /* PTRACE_??? */, 77, 0x1, 0x2");
  // A seccomp stop's syscall info, and the filter's metadata.
  uint8_t info[88] = {};
  info[0] = 3;  // PTRACE_SYSCALL_INFO_SECCOMP
  const uint32_t arch = 0xc000003e;
  memcpy(info + 4, &arch, 4);
  const uint64_t fields[] = {0x401000, 0x7ffe0000, 110, 1, 2, 3, 4, 5, 6};
  memcpy(info + 8, fields, sizeof(fields));
  const uint32_t ret_data = 42;
  memcpy(info + 80, &ret_data, 4);
  mem.Map(0x2000, info, sizeof(info));
  EXPECT_EQ(Text("ptrace", {0x420e, 77, 88, 0x2000}, 84),
            "PTRACE_GET_SYSCALL_INFO, 77, 88, {op=PTRACE_SYSCALL_INFO_SECCOMP, "
            "arch=AUDIT_ARCH_X86_64, instruction_pointer=0x401000, "
            "stack_pointer=0x7ffe0000, seccomp={nr=__NR_getppid, args=[0x1, "
            "0x2, 0x3, 0x4, 0x5, 0x6], ret_data=42}}");
  const uint64_t metadata[2] = {0, 2};
  mem.Map(0x3000, metadata, sizeof(metadata));
  EXPECT_EQ(Text("ptrace", {0x420d, 77, 16, 0x3000}, 16),
            "PTRACE_SECCOMP_GET_METADATA, 77, 16, {filter_off=0, "
            "flags=SECCOMP_FILTER_FLAG_LOG}");
  EXPECT_EQ(Text("ptrace", {0x420d, 77, 16, 0x3000}, -2),
            "PTRACE_SECCOMP_GET_METADATA, 77, 16, {filter_off=0}");
}

TEST_F(DecoderTest, ExitCodes) {
  Result r = Decode("exit_group", {3}, 0);
  EXPECT_EQ(r.enter, "3");
  EXPECT_EQ(r.exit, "");
  EXPECT_EQ(Text("exit", {0}), "0");
  EXPECT_EQ(Text("exit_group", {kMinus1}), "-1");
}

TEST_F(DecoderTest, Wait4) {
  int32_t exited3 = 3 << 8;
  mem.Map(0x1000, &exited3, 4);
  Result r = Decode("wait4", {391, 0x1000, 0, 0}, 391);
  EXPECT_EQ(r.enter, "391, ");
  EXPECT_EQ(r.exit, "[{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL");
  int32_t killed = SIGTERM;
  mem.Map(0x2000, &killed, 4);
  EXPECT_EQ(Text("wait4", {kMinus1, 0x2000, 0, 0}, 392),
            "-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}], 0, NULL");
  int32_t core = SIGABRT | 0x80;
  mem.Map(0x3000, &core, 4);
  EXPECT_EQ(Text("wait4", {19110, 0x3000, 0, 0}, 19110),
            "19110, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGABRT && "
            "WCOREDUMP(s)}], 0, NULL");
  int32_t stopped = (SIGSTOP << 8) | 0x7f;
  mem.Map(0x4000, &stopped, 4);
  EXPECT_EQ(Text("wait4", {394, 0x4000, 2, 0}, 394),
            "394, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WSTOPPED, NULL");
  int32_t cont = 0xffff;
  mem.Map(0x5000, &cont, 4);
  EXPECT_EQ(Text("wait4", {394, 0x5000, 8 | 2, 0}, 394),
            "394, [{WIFCONTINUED(s)}], WSTOPPED|WCONTINUED, NULL");
  int32_t exited0 = 0;
  mem.Map(0x6000, &exited0, 4);
  EXPECT_EQ(Text("wait4", {kMinus1, 0x6000, 0x40000000, 0}, 393),
            "-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], __WALL, NULL");
  EXPECT_EQ(Text("wait4", {394, 0x6000, 1, 0}, 0),
            "394, 0x6000, WNOHANG, NULL");
  EXPECT_EQ(Text("wait4", {kMinus1, 0, 1, 0}, -10), "-1, NULL, WNOHANG, NULL");
  EXPECT_EQ(Text("wait4", {391, 0x6000, 0, 0}, -10), "391, 0x6000, 0, NULL");
  int32_t ptrace_event = (SIGTRAP | (3 << 8)) << 8 | 0x7f;
  mem.Map(0x7000, &ptrace_event, 4);
  EXPECT_EQ(Text("wait4", {5, 0x7000, 0x40000000, 0}, 5),
            "5, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP}|"
            "PTRACE_EVENT_CLONE<<16], __WALL, NULL");
  int64_t ru[4] = {0, 117, 0, 0};
  mem.Map(0x8000, ru, sizeof(ru));
  EXPECT_EQ(Text("wait4", {19109, 0, 0, 0x8000}, 19109),
            "19109, NULL, 0, {ru_utime={tv_sec=0, tv_usec=117}, "
            "ru_stime={tv_sec=0, tv_usec=0}, ...}");
}

// --------------------------------------------------------------------------
// Signals.
// --------------------------------------------------------------------------
struct KSigaction {
  uint64_t handler, flags, restorer, mask;
};

TEST_F(DecoderTest, RtSigaction) {
  KSigaction act = {0x55d6531bb229, 0x04000000 | 0x10000000 | 4, 0x7f01adf99050,
                    1ull << (SIGUSR1 - 1)};
  mem.Map(0x1000, &act, sizeof(act));
  Result r = Decode("rt_sigaction", {SIGUSR2, 0x1000, 0, 8}, 0);
  EXPECT_EQ(r.enter,
            "SIGUSR2, {sa_handler=0x55d6531bb229, sa_mask=[USR1], "
            "sa_flags=SA_RESTORER|SA_RESTART|SA_SIGINFO, "
            "sa_restorer=0x7f01adf99050}, ");
  EXPECT_EQ(r.exit, "NULL, 8");
  EXPECT_EQ(Text("rt_sigaction", {SIGUSR2, 0, 0x1000, 8}),
            "SIGUSR2, NULL, {sa_handler=0x55d6531bb229, sa_mask=[USR1], "
            "sa_flags=SA_RESTORER|SA_RESTART|SA_SIGINFO, "
            "sa_restorer=0x7f01adf99050}, 8");
  KSigaction ign = {1, 0x04000000, 0x7f01adf99050, ~0ull & ~(3ull << 31)};
  KSigaction dfl = {0, 0, 0, 0};
  mem.Map(0x2000, &ign, sizeof(ign));
  mem.Map(0x3000, &dfl, sizeof(dfl));
  EXPECT_EQ(Text("rt_sigaction", {SIGPIPE, 0x2000, 0x3000, 8}),
            "SIGPIPE, {sa_handler=SIG_IGN, sa_mask=~[RTMIN RT_1], "
            "sa_flags=SA_RESTORER, sa_restorer=0x7f01adf99050}, "
            "{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8");
  KSigaction odd = {0,
                    0xffffffff00000000 | 0x04000000 | 0x08000000 | 0x40000000 |
                        0x80000000 | 1 | 2,
                    0x7f01adf99050, (1ull << 33) | (1ull << 39)};
  mem.Map(0x4000, &odd, sizeof(odd));
  EXPECT_EQ(Text("rt_sigaction", {SIGALRM, 0x4000, 0, 8}),
            "SIGALRM, {sa_handler=SIG_DFL, sa_mask=[RT_2 RT_8], "
            "sa_flags=SA_RESTORER|SA_ONSTACK|SA_NODEFER|SA_RESETHAND|"
            "SA_NOCLDSTOP|SA_NOCLDWAIT|0xffffffff00000000, "
            "sa_restorer=0x7f01adf99050}, NULL, 8");
  // zstd's handlers: the historical SA_INTERRUPT bit (0x20000000) is named,
  // as strace names it, and the upper word stays hex.
  KSigaction zstd = {0x5572ac7cea80, 0xffffffffe4000000, 0x7f292172b050, 0};
  mem.Map(0x4100, &zstd, sizeof(zstd));
  EXPECT_EQ(Text("rt_sigaction", {SIGABRT, 0x4100, 0, 8}),
            "SIGABRT, {sa_handler=0x5572ac7cea80, sa_mask=[], "
            "sa_flags=SA_RESTORER|SA_INTERRUPT|SA_NODEFER|SA_RESETHAND|"
            "0xffffffff00000000, sa_restorer=0x7f292172b050}, NULL, 8");
  KSigaction bad = {0, 0x8200000000, 0, 0};
  mem.Map(0x5000, &bad, sizeof(bad));
  EXPECT_EQ(Text("rt_sigaction", {SIGKILL, 0x5000, 0, 8}, -22),
            "SIGKILL, {sa_handler=SIG_DFL, sa_mask=[], "
            "sa_flags=0x8200000000 /* SA_??? */}, NULL, 8");
  EXPECT_EQ(Text("rt_sigaction", {SIGUSR1, 0, 0, 8}), "SIGUSR1, NULL, NULL, 8");
  EXPECT_EQ(Text("rt_sigaction", {SIGINT, 1, 0, 8}, -14),
            "SIGINT, 0x1, NULL, 8");
  EXPECT_EQ(Text("rt_sigaction", {33, 0, 0, 8}), "SIGRT_1, NULL, NULL, 8");
}

TEST_F(DecoderTest, RtSigprocmask) {
  uint64_t usr = (1ull << (SIGUSR1 - 1)) | (1ull << (SIGUSR2 - 1));
  uint64_t empty = 0;
  uint64_t full = ~0ull & ~(3ull << 31);
  mem.Map(0x1000, &usr, 8);
  mem.Map(0x2000, &empty, 8);
  mem.Map(0x3000, &full, 8);
  Result r = Decode("rt_sigprocmask", {SIG_BLOCK, 0x1000, 0x2000, 8}, 0);
  EXPECT_EQ(r.enter, "SIG_BLOCK, [USR1 USR2], ");
  EXPECT_EQ(r.exit, "[], 8");
  EXPECT_EQ(Text("rt_sigprocmask", {SIG_UNBLOCK, 0x1000, 0, 8}),
            "SIG_UNBLOCK, [USR1 USR2], NULL, 8");
  EXPECT_EQ(Text("rt_sigprocmask", {SIG_SETMASK, 0x3000, 0x2000, 8}),
            "SIG_SETMASK, ~[RTMIN RT_1], [], 8");
  EXPECT_EQ(Text("rt_sigprocmask", {5, 0, 0, 8}),
            "0x5 /* SIG_??? */, NULL, NULL, 8");
  EXPECT_EQ(Text("rt_sigprocmask", {SIG_BLOCK, 0x7ffd328e69f0, 0, 4}, -22),
            "SIG_BLOCK, 0x7ffd328e69f0, NULL, 4");
  uint64_t all = ~0ull;
  mem.Map(0x4000, &all, 8);
  EXPECT_EQ(Text("rt_sigprocmask", {SIG_BLOCK, 0x4000, 0x2000, 8}),
            "SIG_BLOCK, ~[], [], 8");
  EXPECT_EQ(Text("rt_sigprocmask", {SIG_BLOCK, 0x4000, 0x2000, 8}, -14),
            "SIG_BLOCK, ~[], 0x2000, 8");
}

// --------------------------------------------------------------------------
// Descriptors: close/dup, ioctl, fcntl, lseek, umask, pipes.
// --------------------------------------------------------------------------
TEST_F(DecoderTest, CloseAndDup) {
  EXPECT_EQ(Text("close", {11}), "11");
  EXPECT_EQ(Text("close", {99}, -9), "99");
  EXPECT_EQ(Text("dup", {3}, 4), "3");
  EXPECT_EQ(Text("dup2", {3, 20}, 20), "3, 20");
  EXPECT_EQ(Text("dup3", {3, 21, O_CLOEXEC}, 21), "3, 21, O_CLOEXEC");
  EXPECT_EQ(Text("dup3", {3, 22, 0}, 22), "3, 22, 0");
  // close_range: unsigned bounds, no -y paths.
  EXPECT_EQ(Text("close_range", {3, 3, 0}), "3, 3, 0");
  EXPECT_EQ(Text("close_range", {5, 2147483647, 6}),
            "5, 2147483647, CLOSE_RANGE_UNSHARE|CLOSE_RANGE_CLOEXEC");
  EXPECT_EQ(Text("close_range", {5, 0xffffffff, 8}, -22),
            "5, 4294967295, 0x8 /* CLOSE_RANGE_??? */");
  opts.fd_paths = true;
  EXPECT_EQ(Text("close_range", {4, 4, 0}), "4, 4, 0");
}

TEST_F(DecoderTest, Ioctl) {
  EXPECT_EQ(Text("ioctl", {3, 0x5451}), "3, FIOCLEX");
  EXPECT_EQ(Text("ioctl", {3, 0x5450}), "3, FIONCLEX");
  int32_t zero = 0;
  mem.Map(0x1000, &zero, 4);
  Result r = Decode("ioctl", {3, 0x541B, 0x1000}, 0);
  EXPECT_EQ(r.enter, "3, FIONREAD");
  EXPECT_EQ(r.exit, ", [0]");
  // A failed call's output pointer: NULL when null.
  EXPECT_EQ(Text("ioctl", {0, 0x5401, 0}, -25), "0, TCGETS, NULL");
  EXPECT_EQ(Text("ioctl", {1, 0x541B, 0}, -14), "1, FIONREAD, NULL");
  EXPECT_EQ(Text("ioctl", {1, 0x541B, 0x10}, -14), "1, FIONREAD, 0x10");
  // FICLONE's source fd: a plain int.
  EXPECT_EQ(Text("ioctl", {4, 0x40049409, 3}, -95),
            "4, BTRFS_IOC_CLONE or FICLONE, 3");
  EXPECT_EQ(Text("ioctl", {3, 0x5401, 0x7ffd328e6cb0}, -25),
            "3, TCGETS, 0x7ffd328e6cb0");
  EXPECT_EQ(Text("ioctl", {3, 0x5413, 0x7ffd328e6ca8}, -25),
            "3, TIOCGWINSZ, 0x7ffd328e6ca8");
  EXPECT_EQ(Text("ioctl", {3, 0x1234, 0x5678}, -25),
            "3, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0x5678");
  EXPECT_EQ(Text("ioctl", {4, 0x80045430, 0x1000}), "4, TIOCGPTN, [0]");
  EXPECT_EQ(Text("ioctl", {4, 0x40045431, 0x1000}), "4, TIOCSPTLCK, [0]");
  EXPECT_EQ(Text("ioctl", {4, 0x5441, 0x102}, 5), "4, TIOCGPTPEER, 0x102");
  EXPECT_EQ(Text("ioctl", {5, 0x540E, 0}, -1), "5, TIOCSCTTY, 0");
  EXPECT_EQ(Text("ioctl", {5, 0x5410, 0x1000}, -25), "5, TIOCSPGRP, [0]");
  EXPECT_EQ(Text("ioctl", {5, 0x5421, 0x1000}), "5, FIONBIO, [0]");
  EXPECT_EQ(Text("ioctl", {5, 0x540F, 0x7ffdedbce97c}, -25),
            "5, TIOCGPGRP, 0x7ffdedbce97c");
  int32_t pgrp = 20416;
  mem.Map(0x3000, &pgrp, 4);
  mem.SetComm(20416, "sh");
  opts.decode_pids = true;
  Result pg = Decode("ioctl", {0, 0x540F, 0x3000}, 0);
  EXPECT_EQ(pg.enter, "0, TIOCGPGRP");
  EXPECT_EQ(pg.exit, ", [20416]");
  opts.decode_pids = false;

  uint16_t ws[4] = {24, 80, 0, 0};
  mem.Map(0x2000, ws, sizeof(ws));
  EXPECT_EQ(Text("ioctl", {5, 0x5413, 0x2000}),
            "5, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}");
  r = Decode("ioctl", {5, 0x5414, 0x2000}, 0);
  EXPECT_EQ(r.enter,
            "5, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}");
  EXPECT_EQ(r.exit, "");
}

// Block device ioctls, as strace 6.1 shows them on a loop device.
TEST_F(DecoderTest, IoctlBlock) {
  uint64_t size64 = 1 << 20;
  mem.Map(0x1000, &size64, 8);
  EXPECT_EQ(Text("ioctl", {3, 0x80081272, 0x1000}),
            "3, BLKGETSIZE64, [1048576]");
  int32_t ssz = 512;
  mem.Map(0x2000, &ssz, 4);
  EXPECT_EQ(Text("ioctl", {3, 0x1268, 0x2000}), "3, BLKSSZGET, [512]");
  EXPECT_EQ(Text("ioctl", {3, 0x127B, 0x2000}), "3, BLKPBSZGET, [512]");
  uint16_t sect = 2560;
  mem.Map(0x3000, &sect, 2);
  EXPECT_EQ(Text("ioctl", {3, 0x1267, 0x3000}), "3, BLKSECTGET, [2560]");
  int64_t ra = -1;
  mem.Map(0x4000, &ra, 8);
  EXPECT_EQ(Text("ioctl", {3, 0x1263, 0x4000}), "3, BLKRAGET, [-1]");
  EXPECT_EQ(Text("ioctl", {3, 0x1260, 0x4000}),
            "3, BLKGETSIZE, [18446744073709551615]");
  uint64_t range[2] = {0, 4096};
  mem.Map(0x5000, range, sizeof(range));
  EXPECT_EQ(Text("ioctl", {4, 0x1277, 0x5000}, -9), "4, BLKDISCARD, [0, 4096]");
  // A failed call's output: the address.
  EXPECT_EQ(Text("ioctl", {3, 0x1268, 0x7ffd0000}, -25),
            "3, BLKSSZGET, 0x7ffd0000");
  EXPECT_EQ(Text("ioctl", {3, 0x125F, 0}, -22), "3, BLKRRPART");
  EXPECT_EQ(Text("ioctl", {4, 0x1262, 5}, -9), "4, BLKRASET, 5");
  EXPECT_EQ(Text("ioctl", {3, 0x1, 0x2000}, -22), "3, FIBMAP, 0x2000");
  EXPECT_EQ(Text("ioctl", {3, 0x2, 0x2000}), "3, FIGETBSZ, 0x2000");
}

// A loop device's status (no tracee makes one): LOOP_GET_STATUS64 and
// LOOP_GET_STATUS show the structure at exit when they succeed, as
// strace 6.1 shows the setters' (which the decoders tracee compares).
TEST_F(DecoderTest, IoctlLoopStatus) {
  loop_info64 info64{};
  info64.lo_offset = 512;
  info64.lo_number = 2;
  info64.lo_flags = LO_FLAGS_AUTOCLEAR | LO_FLAGS_PARTSCAN;
  strcpy(reinterpret_cast<char*>(info64.lo_file_name), "/tmp/disk.img");
  mem.Map(0x1000, &info64, sizeof(info64));
  Result r = Decode("ioctl", {3, 0x4C05, 0x1000}, 0);
  EXPECT_EQ(r.enter, "3, LOOP_GET_STATUS64");
  EXPECT_EQ(r.exit,
            ", {lo_offset=0x200, lo_number=2, "
            "lo_flags=LO_FLAGS_AUTOCLEAR|LO_FLAGS_PARTSCAN, "
            "lo_file_name=\"/tmp/disk.img\", ...}");
  loop_info info{};
  info.lo_number = 2;
  strcpy(info.lo_name, "/tmp/disk.img");
  mem.Map(0x2000, &info, sizeof(info));
  EXPECT_EQ(Text("ioctl", {3, 0x4C03, 0x2000}),
            "3, LOOP_GET_STATUS, {lo_number=2, lo_offset=0, lo_flags=0, "
            "lo_name=\"/tmp/disk.img\", ...}");
  EXPECT_EQ(Text("ioctl", {3, 0x4C03, 0x2000}, -25),
            "3, LOOP_GET_STATUS, 0x2000");
}

// FS_IOC_FSGETXATTR and FS_IOC_GETFSLABEL with values no tracee file
// has for sure (an XFS file's flags, a labelled file system).
TEST_F(DecoderTest, IoctlFsxattrAndLabel) {
  uint32_t xattr[7] = {0x80000008, 65536, 2, 0x2a, 0, 0, 0};
  mem.Map(0x1000, xattr, sizeof(xattr));
  Result r = Decode("ioctl", {3, 0x801C581F, 0x1000}, 0);
  EXPECT_EQ(r.enter, "3, FS_IOC_FSGETXATTR");
  EXPECT_EQ(r.exit,
            ", {fsx_xflags=FS_XFLAG_IMMUTABLE|FS_XFLAG_HASATTR, "
            "fsx_extsize=65536, fsx_nextents=2, fsx_projid=0x2a, "
            "fsx_cowextsize=0}");
  char label[256] = "rootfs";
  mem.Map(0x2000, label, sizeof(label));
  EXPECT_EQ(Text("ioctl", {3, 0x81009431, 0x2000}),
            "3, FS_IOC_GETFSLABEL, \"rootfs\"");
  EXPECT_EQ(Text("ioctl", {3, 0x81009431, 0x2000}, -25),
            "3, FS_IOC_GETFSLABEL, 0x2000");
}

// FS_IOC_FIEMAP, as strace 6.1 shows filefrag's call.
TEST_F(DecoderTest, IoctlFiemap) {
  struct {
    uint64_t start, length;
    uint32_t flags, mapped, count, reserved;
    uint64_t logical, physical, len, reserved64[2];
    uint32_t fe_flags, fe_reserved[3];
  } fm = {0, ~0ULL, 0, 1, 292, 0, 0, 8785920, 4096, {0, 0}, 1, {0, 0, 0}};
  mem.Map(0x1000, &fm, sizeof(fm));
  Result r = Decode("ioctl", {3, 0xC020660B, 0x1000}, 0);
  EXPECT_EQ(r.enter,
            "3, FS_IOC_FIEMAP, {fm_start=0, fm_length=18446744073709551615, "
            "fm_flags=0, fm_extent_count=292}");
  EXPECT_EQ(r.exit, " => {fm_flags=0, fm_mapped_extents=1, ...}");
  opts.verbose = true;
  EXPECT_EQ(Decode("ioctl", {3, 0xC020660B, 0x1000}, 0).exit,
            " => {fm_flags=0, fm_mapped_extents=1, fm_extents=[{fe_logical=0, "
            "fe_physical=8785920, fe_length=4096, "
            "fe_flags=FIEMAP_EXTENT_LAST}]}");
  opts.verbose = false;
  // Failed: the request only.
  EXPECT_EQ(Text("ioctl", {4, 0xC020660B, 0x1000}, -9),
            "4, FS_IOC_FIEMAP, {fm_start=0, fm_length=18446744073709551615, "
            "fm_flags=0, fm_extent_count=292}");
  EXPECT_EQ(Text("ioctl", {3, 0xC020660B, 0}, -14), "3, FS_IOC_FIEMAP, NULL");
}

// KVM ioctls (decode_kvm.cc), in strace 6.1's forms.
TEST_F(DecoderTest, IoctlKvmNames) {
  EXPECT_EQ(Text("ioctl", {3, 0xae01, 0}, 4), "3, KVM_CREATE_VM, 0");
  EXPECT_EQ(Text("ioctl", {3, 0xae01, 5}, -9), "3, KVM_CREATE_VM, 0x5");
  EXPECT_EQ(Text("ioctl", {3, 0xae00, 0}, 12), "3, KVM_GET_API_VERSION, 0");
  EXPECT_EQ(Text("ioctl", {3, 0xae04, 0}, 12288),
            "3, KVM_GET_VCPU_MMAP_SIZE, 0");
  EXPECT_EQ(Text("ioctl", {5, 0xae80, 7}, -9), "5, KVM_RUN, 0x7");
  // Two names for one code: strace 6.1 has the one.
  EXPECT_EQ(Text("ioctl", {5, 0x4010aeab, 0x10}, -9),
            "5, KVM_GET_ONE_REG, 0x10");
  EXPECT_EQ(Text("ioctl", {5, 0x8400ae8e, 0x10}, -9), "5, KVM_GET_LAPIC, 0x10");
  EXPECT_EQ(Text("ioctl", {5, 0xc00caee0, 0x10}, -9),
            "5, KVM_CREATE_DEVICE, 0x10");
  // Not in strace 6.1's x86_64 table: s390 and ARM ones, unknown numbers.
  EXPECT_EQ(Text("ioctl", {5, 0xae06, 0}, -9),
            "5, _IOC(_IOC_NONE, 0xae, 0x6, 0), 0");
  EXPECT_EQ(Text("ioctl", {5, 0x4004aec2, 0x10}, -9),
            "5, _IOC(_IOC_WRITE, 0xae, 0xc2, 0x4), 0x10");
  EXPECT_EQ(Text("ioctl", {5, 0xaeff, 0}, -9),
            "5, _IOC(_IOC_NONE, 0xae, 0xff, 0), 0");
  // KVM_CREATE_VCPU's id: an unsigned int.
  EXPECT_EQ(Text("ioctl", {4, 0xae41, 0x100000005ull}, -9),
            "4, KVM_CREATE_VCPU, 5");
  EXPECT_EQ(Text("ioctl", {4, 0xae41, 0xffffffff}, -9),
            "4, KVM_CREATE_VCPU, 4294967295");
  // KVM_CHECK_EXTENSION's capability.
  EXPECT_EQ(Text("ioctl", {3, 0xae03, 1}, 1),
            "3, KVM_CHECK_EXTENSION, KVM_CAP_HLT");
  EXPECT_EQ(Text("ioctl", {3, 0xae03, 223}, 1),
            "3, KVM_CHECK_EXTENSION, KVM_CAP_DIRTY_LOG_RING_ACQ_REL");
  EXPECT_EQ(Text("ioctl", {3, 0xae03, 0x7fff}, 0),
            "3, KVM_CHECK_EXTENSION, 0x7fff /* KVM_CAP_??? */");
  EXPECT_EQ(Text("ioctl", {3, 0xae03, 0xffffffff00000001ull}, -9),
            "3, KVM_CHECK_EXTENSION, 0xffffffff00000001 /* KVM_CAP_??? */");
  // -X raw and verbose.
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Text("ioctl", {3, 0xae03, 1}, 1), "3, 0xae03, 0x1");
  EXPECT_EQ(Text("ioctl", {3, 0xae01, 0}, 4), "3, 0xae01, 0");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("ioctl", {3, 0xae03, 1}, 1),
            "3, 0xae03 /* KVM_CHECK_EXTENSION */, 0x1 /* KVM_CAP_HLT */");
  EXPECT_EQ(Text("ioctl", {5, 0xae06, 0}, -9),
            "5, 0xae06 /* _IOC(_IOC_NONE, 0xae, 0x6, 0) */, 0");
}

TEST_F(DecoderTest, IoctlKvmCreateReturnsFd) {
  opts.fd_paths = true;
  mem.SetFdPath(3, "/dev/kvm");
  mem.SetFdPath(4, "anon_inode:kvm-vm");
  mem.SetFdPath(5, "anon_inode:kvm-vcpu:0");
  Result r = Decode("ioctl", {3, 0xae01, 0}, 4);
  EXPECT_EQ(r.all(), "3</dev/kvm>, KVM_CREATE_VM, 0");
  EXPECT_EQ(r.suffix, "<anon_inode:kvm-vm>");
  r = Decode("ioctl", {4, 0xae41, 0}, 5);
  EXPECT_EQ(r.all(), "4<anon_inode:kvm-vm>, KVM_CREATE_VCPU, 0");
  EXPECT_EQ(r.suffix, "<anon_inode:kvm-vcpu:0>");
  r = Decode("ioctl", {4, 0xae41, 0}, -22);
  EXPECT_EQ(r.suffix, "");
  // Other ioctls returning an fd are not annotated (strace 6.1).
  r = Decode("ioctl", {4, 0xaece, 0}, 5);
  EXPECT_EQ(r.suffix, "");
}

TEST_F(DecoderTest, IoctlKvmMemoryRegion) {
  kvm_userspace_memory_region m = {};
  m.slot = 0;
  m.guest_phys_addr = 0x1000;
  m.memory_size = 4096;
  m.userspace_addr = 0x7f26747c9000;
  mem.Map(0x1000, &m, sizeof(m));
  Result r = Decode("ioctl", {4, 0x4020ae46, 0x1000}, 0);
  EXPECT_EQ(r.enter,
            "4, KVM_SET_USER_MEMORY_REGION, {slot=0, flags=0, "
            "guest_phys_addr=0x1000, memory_size=4096, "
            "userspace_addr=0x7f26747c9000}");
  EXPECT_EQ(r.exit, "");
  memset(&m, 0xff, sizeof(m));
  mem.Map(0x2000, &m, sizeof(m));
  EXPECT_EQ(Text("ioctl", {4, 0x4020ae46, 0x2000}, -9),
            "4, KVM_SET_USER_MEMORY_REGION, {slot=4294967295, "
            "flags=KVM_MEM_LOG_DIRTY_PAGES|KVM_MEM_READONLY|0xfffffffc, "
            "guest_phys_addr=0xffffffffffffffff, "
            "memory_size=18446744073709551615, "
            "userspace_addr=0xffffffffffffffff}");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("ioctl", {4, 0x4020ae46, 0x2000}, -9),
            "4, 0x4020ae46 /* KVM_SET_USER_MEMORY_REGION */, "
            "{slot=4294967295, flags=0xffffffff /* "
            "KVM_MEM_LOG_DIRTY_PAGES|KVM_MEM_READONLY|0xfffffffc */, "
            "guest_phys_addr=0xffffffffffffffff, "
            "memory_size=18446744073709551615, "
            "userspace_addr=0xffffffffffffffff}");
  opts.xlat_style = XlatStyle::kAbbrev;
  // NULL, unreadable, a struct cut short by unreadable memory.
  EXPECT_EQ(Text("ioctl", {4, 0x4020ae46, 0}, -14),
            "4, KVM_SET_USER_MEMORY_REGION, NULL");
  EXPECT_EQ(Text("ioctl", {4, 0x4020ae46, 0x8}, -14),
            "4, KVM_SET_USER_MEMORY_REGION, 0x8");
  EXPECT_EQ(Text("ioctl", {4, 0x4020ae46, 0x2000 + 16}, -14),
            "4, KVM_SET_USER_MEMORY_REGION, 0x2010");
  // -e verbose=none: the address.
  opts.verbose_set = SyscallFilter::None();
  EXPECT_EQ(Text("ioctl", {4, 0x4020ae46, 0x1000}, 0),
            "4, KVM_SET_USER_MEMORY_REGION, 0x1000");
}

TEST_F(DecoderTest, IoctlKvmRegs) {
  kvm_regs regs = {};
  regs.rax = 0xa;
  regs.rbx = 2;
  regs.rip = 0x100c;
  regs.rflags = 0x2;
  mem.Map(0x1000, &regs, sizeof(regs));
  // KVM_SET_REGS at entry; KVM_GET_REGS at exit.
  Result r = Decode("ioctl", {5, 0x4090ae82, 0x1000}, 0);
  EXPECT_EQ(r.enter,
            "5, KVM_SET_REGS, {rax=0xa, ..., rsp=0, rbp=0, ..., rip=0x100c, "
            "rflags=0x2}");
  EXPECT_EQ(r.exit, "");
  r = Decode("ioctl", {5, 0x8090ae81, 0x1000}, 0);
  EXPECT_EQ(r.enter, "5, KVM_GET_REGS");
  EXPECT_EQ(r.exit,
            ", {rax=0xa, ..., rsp=0, rbp=0, ..., rip=0x100c, rflags=0x2}");
  // Failed: the address; NULL.
  EXPECT_EQ(Text("ioctl", {5, 0x8090ae81, 0x1000}, -14),
            "5, KVM_GET_REGS, 0x1000");
  EXPECT_EQ(Text("ioctl", {5, 0x8090ae81, 0}, -14), "5, KVM_GET_REGS, NULL");
  EXPECT_EQ(Text("ioctl", {5, 0x4090ae82, 0x8}, -14), "5, KVM_SET_REGS, 0x8");
  EXPECT_EQ(Text("ioctl", {5, 0x4090ae82, 0x1008}, -14),
            "5, KVM_SET_REGS, 0x1008");
  uint64_t all[18];
  for (int i = 0; i < 18; ++i) all[i] = 0x8000000000000000ull + i;
  mem.Map(0x2000, all, sizeof(all));
  opts.verbose = true;
  EXPECT_EQ(Text("ioctl", {5, 0x4090ae82, 0x2000}, -9),
            "5, KVM_SET_REGS, {rax=0x8000000000000000, rbx=0x8000000000000001, "
            "rcx=0x8000000000000002, rdx=0x8000000000000003, "
            "rsi=0x8000000000000004, rdi=0x8000000000000005, "
            "rsp=0x8000000000000006, rbp=0x8000000000000007, "
            "r8=0x8000000000000008, r9=0x8000000000000009, "
            "r10=0x800000000000000a, r11=0x800000000000000b, "
            "r12=0x800000000000000c, r13=0x800000000000000d, "
            "r14=0x800000000000000e, r15=0x800000000000000f, "
            "rip=0x8000000000000010, rflags=0x8000000000000011}");
}

TEST_F(DecoderTest, IoctlKvmSregs) {
  kvm_sregs s;
  memset(&s, 0, sizeof(s));
  kvm_segment seg = {};
  seg.limit = 65535;
  seg.type = 3;
  seg.present = 1;
  seg.s = 1;
  seg.unusable = 1;  // not shown
  s.cs = seg;
  s.cs.base = 0xffff0000;
  s.cs.selector = 61440;
  s.cs.type = 11;
  s.ds = s.es = s.fs = s.gs = s.ss = seg;
  s.tr = s.ldt = seg;
  s.gdt.limit = s.idt.limit = 65535;
  s.cr0 = 1610612752;
  s.apic_base = 0xfee00900;
  s.interrupt_bitmap[3] = 0x8000000000000001ull;
  mem.Map(0x1000, &s, sizeof(s));
  const std::string cs =
      "cs={base=0xffff0000, limit=65535, selector=61440, type=11, present=1, "
      "dpl=0, db=0, s=1, l=0, g=0, avl=0}";
  Result r = Decode("ioctl", {5, 0x8138ae83, 0x1000}, 0);
  EXPECT_EQ(r.enter, "5, KVM_GET_SREGS");
  EXPECT_EQ(r.exit, ", {" + cs + ", ...}");
  EXPECT_EQ(Text("ioctl", {5, 0x4138ae84, 0x1000}, 0),
            "5, KVM_SET_SREGS, {" + cs + ", ...}");
  EXPECT_EQ(Text("ioctl", {5, 0x8138ae83, 0x8}, -14), "5, KVM_GET_SREGS, 0x8");
  EXPECT_EQ(Text("ioctl", {5, 0x4138ae84, 0}, -14), "5, KVM_SET_SREGS, NULL");
  opts.verbose = true;
  const std::string other =
      "{base=0, limit=65535, selector=0, type=3, present=1, dpl=0, db=0, "
      "s=1, l=0, g=0, avl=0}";
  EXPECT_EQ(Text("ioctl", {5, 0x4138ae84, 0x1000}, 0),
            "5, KVM_SET_SREGS, {" + cs + ", ds=" + other + ", es=" + other +
                ", fs=" + other + ", gs=" + other + ", ss=" + other +
                ", tr=" + other + ", ldt=" + other +
                ", gdt={base=0, limit=65535}, idt={base=0, limit=65535}, "
                "cr0=1610612752, cr2=0, cr3=0, cr4=0, cr8=0, efer=0, "
                "apic_base=0xfee00900, interrupt_bitmap=[0, 0, 0, "
                "0x8000000000000001]}");
}

TEST_F(DecoderTest, IoctlKvmCpuid) {
  // struct kvm_cpuid2: nent, padding, then 40-byte entries.
  struct {
    uint32_t nent, padding;
    uint32_t e[3][10];
  } c = {};
  c.nent = 3;
  for (uint32_t i = 0; i < 3; ++i) {
    c.e[i][0] = i;                 // function
    c.e[i][2] = i == 2 ? 0x9 : i;  // flags
    c.e[i][3] = 0xffffffff;        // eax
    c.e[i][7] = 5;                 // padding: not shown
  }
  mem.Map(0x1000, &c, sizeof(c));
  // Abbreviated: the entries as [...] ([] when none).
  EXPECT_EQ(Text("ioctl", {5, 0x4008ae90, 0x1000}, 0),
            "5, KVM_SET_CPUID2, {nent=3, entries=[...]}");
  Result r = Decode("ioctl", {3, 0xc008ae05, 0x1000}, 0);
  EXPECT_EQ(r.enter, "3, KVM_GET_SUPPORTED_CPUID");
  EXPECT_EQ(r.exit, ", {nent=3, entries=[...]}");
  EXPECT_EQ(Text("ioctl", {3, 0xc008ae09, 0x1000}, -7),
            "3, KVM_GET_EMULATED_CPUID, 0x1000");
  EXPECT_EQ(Text("ioctl", {3, 0xc008ae05, 0x8}, -14),
            "3, KVM_GET_SUPPORTED_CPUID, 0x8");
  // KVM_GET_CPUID2: not decoded by strace 6.1.
  EXPECT_EQ(Text("ioctl", {5, 0xc008ae91, 0x1000}, 0),
            "5, KVM_GET_CPUID2, 0x1000");
  uint32_t empty[2] = {0, 0};
  mem.Map(0x3000, empty, sizeof(empty));
  EXPECT_EQ(Text("ioctl", {5, 0x4008ae90, 0x3000}, -9),
            "5, KVM_SET_CPUID2, {nent=0, entries=[]}");
  opts.verbose = true;
  const std::string entries =
      "{function=0, index=0, flags=0, eax=0xffffffff, ebx=0, ecx=0, edx=0}, "
      "{function=0x1, index=0, flags=KVM_CPUID_FLAG_SIGNIFCANT_INDEX, "
      "eax=0xffffffff, ebx=0, ecx=0, edx=0}, "
      "{function=0x2, index=0, flags=KVM_CPUID_FLAG_SIGNIFCANT_INDEX|0x8, "
      "eax=0xffffffff, ebx=0, ecx=0, edx=0}";
  EXPECT_EQ(Text("ioctl", {5, 0x4008ae90, 0x1000}, 0),
            "5, KVM_SET_CPUID2, {nent=3, entries=[" + entries + "]}");
  // All of them whatever -s says.
  opts.string_limit = 1;
  EXPECT_EQ(Text("ioctl", {3, 0xc008ae05, 0x1000}, 0),
            "3, KVM_GET_SUPPORTED_CPUID, {nent=3, entries=[" + entries + "]}");
  opts.string_limit = 32;
  // Entries running into unreadable memory.
  c.nent = 5;
  mem.Map(0x2000, &c, sizeof(c));
  EXPECT_EQ(Text("ioctl", {5, 0x4008ae90, 0x2000}, 0),
            "5, KVM_SET_CPUID2, {nent=5, entries=[" + entries +
                ", ... /* 0x2080 */]}");
  // Only part of the header readable.
  EXPECT_EQ(Text("ioctl", {5, 0x4008ae90, 0x2000 + sizeof(c) - 4}, -14),
            "5, KVM_SET_CPUID2, 0x207c");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("ioctl", {5, 0x4008ae90, 0x3000}, -9),
            "5, 0x4008ae90 /* KVM_SET_CPUID2 */, {nent=0, entries=[]}");
}

// -e kvm=vcpu: KVM_RUN's exit reason, from the vcpu's mapped kvm_run.
TEST_F(DecoderTest, IoctlKvmRunExitReason) {
  mem.SetFdPath(5, "anon_inode:kvm-vcpu:0");
  mem.SetFdPath(6, "anon_inode:kvm-vcpu:1");
  mem.SetFdPath(7, "/dev/null");
  uint32_t run[4] = {0, 0, 2, 0};  // exit_reason at offset 8: KVM_EXIT_IO
  mem.Map(0x7000, run, sizeof(run));
  mem.AddMapping("anon_inode:kvm-vcpu:0", 0x7000);
  Result r = Decode("ioctl", {5, 0xae80, 0}, 0);
  EXPECT_EQ(r.all(), "5, KVM_RUN, 0");
  EXPECT_EQ(r.suffix, "");  // not asked for
  opts.kvm_vcpu = true;
  r = Decode("ioctl", {5, 0xae80, 0}, 0);
  EXPECT_EQ(r.all(), "5, KVM_RUN, 0");
  EXPECT_EQ(r.suffix, " (KVM_EXIT_IO)");
  // The name whatever -X says.
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Decode("ioctl", {5, 0xae80, 0}, 0).suffix, " (KVM_EXIT_IO)");
  opts.xlat_style = XlatStyle::kAbbrev;
  // Failed, not a vcpu, no mapping: nothing.
  EXPECT_EQ(Decode("ioctl", {5, 0xae80, 0}, -4).suffix, "");
  EXPECT_EQ(Decode("ioctl", {6, 0xae80, 0}, 0).suffix, "");
  EXPECT_EQ(Decode("ioctl", {7, 0xae80, 0}, 0).suffix, "");
  EXPECT_EQ(Decode("ioctl", {9, 0xae80, 0}, 0).suffix, "");
  // Other exit reasons; an unknown one.
  run[2] = 5;
  mem.Map(0x7000, run, sizeof(run));
  EXPECT_EQ(Decode("ioctl", {5, 0xae80, 0}, 0).suffix, " (KVM_EXIT_HLT)");
  run[2] = 37;
  mem.Map(0x7000, run, sizeof(run));
  EXPECT_EQ(Decode("ioctl", {5, 0xae80, 0}, 0).suffix, " (KVM_EXIT_NOTIFY)");
  run[2] = 1000;
  mem.Map(0x7000, run, sizeof(run));
  EXPECT_EQ(Decode("ioctl", {5, 0xae80, 0}, 0).suffix, " (KVM_EXIT_\?\?\?)");
  // An unreadable kvm_run; two vcpus 0 (two VMs) at different addresses.
  mem.AddMapping("anon_inode:kvm-vcpu:1", 0x9000);
  EXPECT_EQ(Decode("ioctl", {6, 0xae80, 0}, 0).suffix, "");
  mem.AddMapping("anon_inode:kvm-vcpu:0", 0x8000);
  EXPECT_EQ(Decode("ioctl", {5, 0xae80, 0}, 0).suffix, "");
}

TEST_F(DecoderTest, IoctlTermios) {
  struct {
    uint32_t iflag, oflag, cflag, lflag;
    uint8_t line;
    uint8_t cc[19];
  } t = {};
  t.iflag = ICRNL | IXON;
  t.oflag = OPOST | ONLCR;
  t.cflag = B38400 | CS8 | CREAD;
  t.lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | IEXTEN | ECHOCTL | ECHOKE;
  const uint8_t cc[] = {0x3,  0x1c, 0x7f, 0x15, 0x4,  0,    0x1, 0, 0x11, 0x13,
                        0x1a, 0,    0x12, 0xf,  0x17, 0x16, 0,   0, 0};
  memcpy(t.cc, cc, sizeof(cc));
  mem.Map(0x1000, &t, sizeof(t));
  const std::string flags =
      "{c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
      "c_cflag=B38400|CS8|CREAD, "
      "c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE";
  Result r = Decode("ioctl", {5, 0x5401, 0x1000}, 0);
  EXPECT_EQ(r.enter, "5, TCGETS");
  EXPECT_EQ(r.exit, ", " + flags + ", ...}");
  EXPECT_EQ(Text("ioctl", {5, 0x5402, 0x1000}),
            "5, SNDCTL_TMR_START or TCSETS, " + flags + ", ...}");
  EXPECT_EQ(Text("ioctl", {5, 0x5403, 0x1000}),
            "5, SNDCTL_TMR_STOP or TCSETSW, " + flags + ", ...}");
  EXPECT_EQ(Text("ioctl", {5, 0x5404, 0x1000}),
            "5, SNDCTL_TMR_CONTINUE or TCSETSF, " + flags + ", ...}");
  opts.verbose = true;
  EXPECT_EQ(Text("ioctl", {5, 0x5401, 0x1000}),
            "5, TCGETS, " + flags +
                ", c_line=N_TTY, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, "
                "[VERASE]=0x7f, [VKILL]=0x15, [VEOF]=0x4, [VTIME]=0, "
                "[VMIN]=0x1, [VSWTC]=0, [VSTART]=0x11, [VSTOP]=0x13, "
                "[VSUSP]=0x1a, [VEOL]=0, [VREPRINT]=0x12, [VDISCARD]=0xf, "
                "[VWERASE]=0x17, [VLNEXT]=0x16, [VEOL2]=0, [17]=0, [18]=0]}");
  // strace 6.1 prints nothing for an all-zero flag word, unknown bits
  // without a comment, TAB3 as XTABS, the input speed before the
  // character size and a '|' after it even when no flag follows; with -X
  // the delay fields, sizes and IBSHIFT are constants too. ttrace printed
  // "c_iflag=0", "0x80000000 /* IGNBRK??? */", "TAB3",
  // "B9600|CS7|CREAD|B4800<<IBSHIFT" and with -X raw "c_oflag=NL0|...".
  opts.verbose = false;
  t.iflag = ICRNL | IXON | 0x80000000;
  t.oflag = NL1 | CR2 | TAB3 | BS1 | VT1 | FF1 | OPOST | ONLCR | 0x40000000;
  t.cflag = B9600 | (B4800 << 16) | CS7 | CREAD | 0x40000000;
  t.lflag = 0x1000000;
  mem.Map(0x1000, &t, sizeof(t));
  EXPECT_EQ(Text("ioctl", {3, 0x5402, 0x1000}),
            "3, SNDCTL_TMR_START or TCSETS, {c_iflag=ICRNL|IXON|0x80000000, "
            "c_oflag=NL1|CR2|XTABS|BS1|VT1|FF1|OPOST|ONLCR|0x40000000, "
            "c_cflag=B9600|B4800<<IBSHIFT|CS7|CREAD|CMSPAR, "
            "c_lflag=0x1000000, ...}");
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Text("ioctl", {3, 0x5402, 0x1000}),
            "3, 0x5402, {c_iflag=0x80000500, "
            "c_oflag=0x100|0x400|0x1800|0x2000|0x4000|0x8000|0x40000005, "
            "c_cflag=0xd|0xc<<0x10|0x20|0x40000080, c_lflag=0x1000000, ...}");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("ioctl", {3, 0x5402, 0x1000}),
            "3, 0x5402 /* SNDCTL_TMR_START or TCSETS */, "
            "{c_iflag=0x80000500 /* ICRNL|IXON|0x80000000 */, "
            "c_oflag=0x100 /* NL1 */|0x400 /* CR2 */|0x1800 /* XTABS */|"
            "0x2000 /* BS1 */|0x4000 /* VT1 */|0x8000 /* FF1 */|"
            "0x40000005 /* OPOST|ONLCR|0x40000000 */, "
            "c_cflag=0xd /* B9600 */|0xc /* B4800 */<<0x10 /* IBSHIFT */|"
            "0x20 /* CS7 */|0x40000080 /* CREAD|CMSPAR */, "
            "c_lflag=0x1000000, ...}");
  t = {};
  mem.Map(0x1000, &t, sizeof(t));
  EXPECT_EQ(Text("ioctl", {3, 0x5402, 0x1000}),
            "3, 0x5402 /* SNDCTL_TMR_START or TCSETS */, {c_iflag=, "
            "c_oflag=0 /* NL0 */|0 /* CR0 */|0 /* TAB0 */|0 /* BS0 */|"
            "0 /* VT0 */|0 /* FF0 */|, c_cflag=0 /* B0 */|0 /* CS5 */|, "
            "c_lflag=, ...}");
  opts.xlat_style = XlatStyle::kAbbrev;
  EXPECT_EQ(Text("ioctl", {3, 0x5402, 0x1000}),
            "3, SNDCTL_TMR_START or TCSETS, {c_iflag=, "
            "c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|, c_cflag=B0|CS5|, c_lflag=, "
            "...}");
}

TEST_F(DecoderTest, Fcntl) {
  Result r = Decode("fcntl", {3, F_GETFL}, 0x8000);
  EXPECT_EQ(r.all(), "3, F_GETFL");
  EXPECT_EQ(r.fmt, RetFormat::kHex);
  EXPECT_EQ(r.suffix, " (flags O_RDONLY|O_LARGEFILE)");
  r = Decode("fcntl", {7, F_GETFL}, 0);
  EXPECT_EQ(r.suffix, " (flags O_RDONLY)");
  r = Decode("fcntl", {8, F_GETFL}, 1);
  EXPECT_EQ(r.suffix, " (flags O_WRONLY)");
  r = Decode("fcntl", {3, F_GETFD}, 1);
  EXPECT_EQ(r.all(), "3, F_GETFD");
  EXPECT_EQ(r.fmt, RetFormat::kHex);
  EXPECT_EQ(r.suffix, " (flags FD_CLOEXEC)");
  r = Decode("fcntl", {3, F_GETFD}, 0);
  EXPECT_EQ(r.fmt, RetFormat::kDecimal);
  EXPECT_EQ(r.suffix, "");
  r = Decode("fcntl", {3, F_GETFL}, -9);
  EXPECT_EQ(r.fmt, RetFormat::kDecimal);
  EXPECT_EQ(r.suffix, "");
  EXPECT_EQ(Text("fcntl", {3, F_SETFD, FD_CLOEXEC}), "3, F_SETFD, FD_CLOEXEC");
  EXPECT_EQ(Text("fcntl", {3, F_SETFD, 0}), "3, F_SETFD, 0");
  EXPECT_EQ(Text("fcntl", {9, F_SETFD, 3}), "9, F_SETFD, FD_CLOEXEC|0x2");
  EXPECT_EQ(Text("fcntl", {3, F_SETFL, O_NONBLOCK | O_APPEND}),
            "3, F_SETFL, O_RDONLY|O_APPEND|O_NONBLOCK");
  EXPECT_EQ(Text("fcntl", {3, F_SETFL, 0}), "3, F_SETFL, O_RDONLY");
  EXPECT_EQ(Text("fcntl", {3, F_DUPFD_CLOEXEC, 10}, 11),
            "3, F_DUPFD_CLOEXEC, 10");
  EXPECT_EQ(Text("fcntl", {3, F_DUPFD, 0}, 4), "3, F_DUPFD, 0");
  // The whole long, not its low int.
  EXPECT_EQ(Text("fcntl", {0, F_DUPFD_CLOEXEC, 140737338699642}, -22),
            "0, F_DUPFD_CLOEXEC, 140737338699642");
  EXPECT_EQ(Text("fcntl", {3, F_DUPFD, 0x80000005}, -22),
            "3, F_DUPFD, 2147483653");
  EXPECT_EQ(Text("fcntl", {3, F_DUPFD, kMinus1}, -22), "3, F_DUPFD, -1");
  EXPECT_EQ(Text("fcntl", {3, F_SETPIPE_SZ, 0x10000001000}, 4096),
            "3, F_SETPIPE_SZ, 1099511631872");
  EXPECT_EQ(Text("fcntl", {3, F_SETOWN, 0x10000000005}), "3, F_SETOWN, 5");
  EXPECT_EQ(Text("fcntl", {3, 1234, 0x7f01ae05e829}, -22),
            "3, 0x4d2 /* F_??? */, 0x7f01ae05e829");
  EXPECT_EQ(Text("fcntl", {9, F_SETOWN, 5}), "9, F_SETOWN, 5");
  EXPECT_EQ(Text("fcntl", {9, F_GETOWN}, 5), "9, F_GETOWN");
}

// Failed calls print a null output buffer as NULL (strace's printaddr).
TEST_F(DecoderTest, FailedOutputsShowNull) {
  EXPECT_EQ(Text("read", {3, 0, 10}, -14), "3, NULL, 10");
  mem.MapString(0x1000, "/");
  EXPECT_EQ(Text("stat", {0x1000, 0}, -14), "\"/\", NULL");
  EXPECT_EQ(Text("newfstatat", {kAtFdcwd, 0x1000, 0, 0}, -14),
            "AT_FDCWD, \"/\", NULL, 0");
  EXPECT_EQ(Text("pipe", {0}, -14), "NULL");
  EXPECT_EQ(Text("getcwd", {0, 10}, -14), "NULL, 10");
  EXPECT_EQ(Text("readlink", {0x1000, 0, 10}, -14), "\"/\", NULL, 10");
}

TEST_F(DecoderTest, MemoryLocking) {
  EXPECT_EQ(Text("mlock", {0x7fc949f2b000, 4096}), "0x7fc949f2b000, 4096");
  EXPECT_EQ(Text("munlock", {0x7fc949f2b000, 4096}), "0x7fc949f2b000, 4096");
  EXPECT_EQ(Text("mlock2", {0x7fc949f2b000, 4096, 1}),
            "0x7fc949f2b000, 4096, MLOCK_ONFAULT");
  EXPECT_EQ(Text("mlockall", {1}), "MCL_CURRENT");
  EXPECT_EQ(Text("mlockall", {7}), "MCL_CURRENT|MCL_FUTURE|MCL_ONFAULT");
  EXPECT_EQ(Text("munlockall", {}), "");
  EXPECT_EQ(Text("msync", {0x7fc949f2b000, 65536, 4}),
            "0x7fc949f2b000, 65536, MS_SYNC");
  EXPECT_EQ(Text("msync", {0x7fc949f2b000, 65536, 3}),
            "0x7fc949f2b000, 65536, MS_ASYNC|MS_INVALIDATE");
  // strace lists MS_SYNC first, whatever the bits' order.
  EXPECT_EQ(Text("msync", {0x7fc949f2b000, 65536, 15}),
            "0x7fc949f2b000, 65536, MS_SYNC|MS_ASYNC|MS_INVALIDATE|0x8");
  uint8_t vec[3] = {1, 0, 0x81};
  mem.Map(0x1000, vec, sizeof vec);
  Result r = Decode("mincore", {0x7fc949f2b000, 12288, 0x1000}, 0);
  EXPECT_EQ(r.enter, "0x7fc949f2b000, 12288, ");
  EXPECT_EQ(r.exit, "[1, 0, 1]");
  EXPECT_EQ(Text("mincore", {0x7fc949f2b000, 4097, 0x1000}),
            "0x7fc949f2b000, 4097, [1, 0]");
  EXPECT_EQ(Text("mincore", {0x1000, 4096, 0}, -12), "0x1000, 4096, NULL");
}

TEST_F(DecoderTest, LseekUmaskPipes) {
  EXPECT_EQ(Text("lseek", {3, 0, SEEK_SET}), "3, 0, SEEK_SET");
  EXPECT_EQ(Text("lseek", {3, 4294967295, SEEK_CUR}, 4294967295),
            "3, 4294967295, SEEK_CUR");
  EXPECT_EQ(Text("lseek", {3, kMinus1, SEEK_END}, 1220), "3, -1, SEEK_END");
  EXPECT_EQ(Text("lseek", {3, 0, 3}), "3, 0, SEEK_DATA");
  EXPECT_EQ(Text("lseek", {3, 0, 4}, 1221), "3, 0, SEEK_HOLE");
  EXPECT_EQ(Text("lseek", {3, 0, 7}, -22), "3, 0, 0x7 /* SEEK_??? */");

  Result r = Decode("umask", {022}, 022);
  EXPECT_EQ(r.all(), "022");
  EXPECT_EQ(r.fmt, RetFormat::kOctal);
  EXPECT_EQ(Text("umask", {0}, 022), "000");

  int32_t fds[2] = {3, 4};
  mem.Map(0x1000, fds, sizeof(fds));
  r = Decode("pipe2", {0x1000, O_CLOEXEC | O_NONBLOCK}, 0);
  EXPECT_EQ(r.enter, "");
  EXPECT_EQ(r.exit, "[3, 4], O_NONBLOCK|O_CLOEXEC");
  EXPECT_EQ(Text("pipe2", {0x1000, 0}), "[3, 4], 0");
  EXPECT_EQ(Text("pipe", {0x1000}), "[3, 4]");
}

// --------------------------------------------------------------------------
// Time.
// --------------------------------------------------------------------------
TEST_F(DecoderTest, Sleeps) {
  int64_t ts[2] = {0, 1000};
  mem.Map(0x1000, ts, sizeof(ts));
  Result r = Decode("nanosleep", {0x1000, 0}, 0);
  EXPECT_EQ(r.enter, "{tv_sec=0, tv_nsec=1000}, ");
  EXPECT_EQ(r.exit, "NULL");
  EXPECT_EQ(Text("nanosleep", {0x1000, 0x7ffd328e6950}),
            "{tv_sec=0, tv_nsec=1000}, 0x7ffd328e6950");
  int64_t bad[2] = {1, 2000000000};
  mem.Map(0x2000, bad, sizeof(bad));
  EXPECT_EQ(Text("nanosleep", {0x2000, 0}, -22),
            "{tv_sec=1, tv_nsec=2000000000}, NULL");
  int64_t rem[2] = {0, 500};
  mem.Map(0x3000, rem, sizeof(rem));
  EXPECT_EQ(Text("nanosleep", {0x1000, 0x3000}, -516),  // interrupted
            "{tv_sec=0, tv_nsec=1000}, {tv_sec=0, tv_nsec=500}");

  EXPECT_EQ(Text("clock_nanosleep", {CLOCK_MONOTONIC, 0, 0x1000, 0}),
            "CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL");
  EXPECT_EQ(Text("clock_nanosleep", {CLOCK_REALTIME, 1, 0x1000, 0x7ffd3}),
            "CLOCK_REALTIME, TIMER_ABSTIME, {tv_sec=0, tv_nsec=1000}, 0x7ffd3");
  EXPECT_EQ(Text("clock_nanosleep", {CLOCK_BOOTTIME, 0, 0x1000, 0x7ffd3}),
            "CLOCK_BOOTTIME, 0, {tv_sec=0, tv_nsec=1000}, 0x7ffd3");
  EXPECT_EQ(Text("clock_nanosleep", {99, 0, 0x1000, 0}, -22),
            "0x63 /* CLOCK_??? */, 0, {tv_sec=0, tv_nsec=1000}, NULL");
  int64_t res[2] = {0, 1};
  mem.Map(0x4000, res, sizeof(res));
  EXPECT_EQ(Text("clock_getres", {CLOCK_REALTIME, 0x4000}),
            "CLOCK_REALTIME, {tv_sec=0, tv_nsec=1}");
  EXPECT_EQ(Text("clock_gettime", {CLOCK_MONOTONIC, 0}, -14),
            "CLOCK_MONOTONIC, NULL");
}

// --------------------------------------------------------------------------
// -y: fd paths.
// --------------------------------------------------------------------------
TEST_F(DecoderTest, FdPaths) {
  opts.fd_paths = true;
  mem.SetFdPath(3, "/etc/passwd");
  mem.SetFdPath(7, "/tmp/#10953037 (deleted)");
  mem.SetFdPath(16, "socket:[137635]");
  mem.SetFdPath(15, "anon_inode:[pidfd]");
  mem.SetFdPath(5, "/dev/pts/0");
  mem.SetCwd("/tmp/gt");
  mem.MapString(0x1000, "/etc/passwd");
  Result r = Decode("openat", {kAtFdcwd, 0x1000, O_RDONLY | O_CLOEXEC}, 3);
  EXPECT_EQ(r.all(), "AT_FDCWD</tmp/gt>, \"/etc/passwd\", O_RDONLY|O_CLOEXEC");
  EXPECT_EQ(r.suffix, "</etc/passwd>");
  r = Decode("openat", {kAtFdcwd, 0x1000, O_RDONLY}, -2);
  EXPECT_EQ(r.suffix, "");
  r = Decode("open", {0x1000, O_RDWR | O_TMPFILE, 0600}, 7);
  EXPECT_EQ(r.suffix, "</tmp/#10953037>(deleted)");
  EXPECT_EQ(Text("close", {3}), "3</etc/passwd>");
  EXPECT_EQ(Text("close", {99}, -9), "99");
  r = Decode("dup2", {3, 20}, 3);
  EXPECT_EQ(r.all(), "3</etc/passwd>, 20");
  EXPECT_EQ(r.suffix, "</etc/passwd>");
  // An open new fd: its path before the call.
  EXPECT_EQ(Text("dup2", {3, 5}, 5), "3</etc/passwd>, 5</dev/pts/0>");
  EXPECT_EQ(Text("dup3", {3, 5, O_CLOEXEC}, 5),
            "3</etc/passwd>, 5</dev/pts/0>, O_CLOEXEC");
  mem.Map(0x2000, "ping");
  EXPECT_EQ(Text("sendto", {16, 0x2000, 4, 0, 0, 0}, 4),
            "16<socket:[137635]>, \"ping\", 4, 0, NULL, 0");
  r = Decode("fcntl", {3, F_DUPFD_CLOEXEC, 10}, 3);
  EXPECT_EQ(r.suffix, "</etc/passwd>");
  r = Decode("socket", {1, 2, 0}, 16);
  EXPECT_EQ(r.all(), "AF_UNIX, SOCK_DGRAM, 0");
  EXPECT_EQ(r.suffix, "<socket:[137635]>");
  int32_t fds[2] = {3, 5};
  mem.Map(0x3000, fds, sizeof(fds));
  EXPECT_EQ(Text("pipe2", {0x3000, 0}), "[3</etc/passwd>, 5</dev/pts/0>], 0");
  uint64_t args[11] = {};
  args[0] = 0x1000;  // CLONE_PIDFD
  args[1] = 0x4000;
  args[4] = SIGCHLD;
  mem.Map(0x5000, args, 88);
  int32_t pidfd = 15;
  mem.Map(0x4000, &pidfd, 4);
  EXPECT_EQ(Decode("clone3", {0x5000, 88}, 395).exit,
            " => {pidfd=[15<anon_inode:[pidfd]>]}, 88");
  mem.SetFdPath(9, "/tmp/a<b>");
  EXPECT_EQ(Text("fsync", {9}), "9</tmp/a\\74b\\76>");
}

// --------------------------------------------------------------------------
// i386 tracees.
// --------------------------------------------------------------------------
TEST_F(DecoderTest, I386) {
  constexpr uint32_t k32 = kArchI386;
  mem.MapString(0x1000, "/etc/passwd");
  EXPECT_EQ(Decode("open", {0x1000, O_RDONLY}, 3, k32).all(),
            "\"/etc/passwd\", O_RDONLY");
  EXPECT_EQ(Decode("openat", {0xffffff9c, 0x1000, O_RDONLY}, 3, k32).all(),
            "AT_FDCWD, \"/etc/passwd\", O_RDONLY");
  EXPECT_EQ(Decode("close", {0xffffffff}, -9, k32).all(), "-1");
  EXPECT_EQ(
      Decode("mmap2", {0, 4096, 3, 0x22, 0xffffffff, 2}, 0x1000, k32).all(),
      "NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, "
      "0x2000");
  EXPECT_EQ(Decode("lseek", {3, 0xffffffff, SEEK_END}, 0, k32).all(),
            "3, -1, SEEK_END");
  // argv of 32-bit pointers.
  mem.MapString(0x2000, "ls");
  uint32_t argv[] = {0x2000, 0x1000, 0};
  mem.Map(0x3000, argv, sizeof(argv));
  uint32_t envp[] = {0x2000, 0};
  mem.Map(0x4000, envp, sizeof(envp));
  EXPECT_EQ(Decode("execve", {0x1000, 0x3000, 0x4000}, 0, k32).all(),
            "\"/etc/passwd\", [\"ls\", \"/etc/passwd\"], 0x4000 /* 1 var */");
  // Kernel sigaction with 32-bit words.
  uint32_t act[5] = {1, 0x04000000, 0x8049000, 1u << (SIGUSR1 - 1), 0};
  mem.Map(0x5000, act, sizeof(act));
  EXPECT_EQ(Decode("rt_sigaction", {SIGINT, 0x5000, 0, 8}, 0, k32).all(),
            "SIGINT, {sa_handler=SIG_IGN, sa_mask=[USR1], "
            "sa_flags=SA_RESTORER, sa_restorer=0x8049000}, NULL, 8");
  int32_t ts[2] = {1, 5};
  mem.Map(0x6000, ts, sizeof(ts));
  EXPECT_EQ(Decode("nanosleep", {0x6000, 0}, 0, k32).all(),
            "{tv_sec=1, tv_nsec=5}, NULL");
  // i386's struct stat64 (see I386FsStat): the address when it failed.
  EXPECT_EQ(Decode("stat64", {0x1000, 0x7000}, -ENOENT, k32).all(),
            "\"/etc/passwd\", 0x7000");
  // waitpid with nothing to reap: the status's address.
  EXPECT_EQ(Decode("waitpid", {0xffffffff, 0x7000, 1}, 0, k32).all(),
            "-1, 0x7000, WNOHANG");
  // Block ioctls whose size field is a size_t: 4 bytes, named as strace's
  // i386 table names them; BLKGETSIZE's long is 4 bytes.
  uint64_t blk = 0x100000000ull | 4096;
  mem.Map(0x8000, &blk, sizeof(blk));
  EXPECT_EQ(Decode("ioctl", {3, 0x80041272, 0x8000}, 0, k32).all(),
            "3, BLKGETSIZE64, [4294971392]");
  EXPECT_EQ(Decode("ioctl", {3, 0x80041270, 0x8000}, 0, k32).all(),
            "3, BLKBSZGET, [4096]");
  EXPECT_EQ(Decode("ioctl", {3, 0x1260, 0x8000}, 0, k32).all(),
            "3, BLKGETSIZE, [4096]");
}

// i386 file calls (decode_i386_fs.cc), from i386 layouts: struct stat64
// (96 bytes, 64-bit fields 4-byte aligned), struct stat (16-bit mode and
// ids), struct __old_kernel_stat.
namespace i386fs {
void Put16(unsigned char* p, uint16_t v) { memcpy(p, &v, 2); }
void Put32(unsigned char* p, uint32_t v) { memcpy(p, &v, 4); }
void Put64(unsigned char* p, uint64_t v) { memcpy(p, &v, 8); }
}  // namespace i386fs

TEST_F(DecoderTest, I386FsStat) {
  using namespace i386fs;
  constexpr uint32_t k32 = kArchI386;
  mem.MapString(0x1000, "/f");
  unsigned char st64[96] = {};
  Put64(st64, 0x803);        // st_dev
  Put32(st64 + 12, 0x6789);  // __st_ino (not printed)
  Put32(st64 + 16, S_IFREG | S_ISUID | 0755);
  Put32(st64 + 20, 2);               // st_nlink
  Put32(st64 + 24, 1000);            // st_uid
  Put32(st64 + 28, 100);             // st_gid
  Put64(st64 + 44, 0x100000001ull);  // st_size
  Put32(st64 + 52, 4096);            // st_blksize
  Put64(st64 + 56, 16);              // st_blocks
  Put64(st64 + 88, 0x123456789ull);  // st_ino
  mem.Map(0x2000, st64, sizeof(st64));
  EXPECT_EQ(Decode("stat64", {0x1000, 0x2000}, 0, k32).all(),
            "\"/f\", {st_mode=S_IFREG|S_ISUID|0755, st_size=4294967297, ...}");
  EXPECT_EQ(Decode("lstat64", {0x1000, 0x2000}, -ENOENT, k32).all(),
            "\"/f\", 0x2000");
  EXPECT_EQ(Decode("stat64", {0x1000, 0}, -EFAULT, k32).all(), "\"/f\", NULL");
  EXPECT_EQ(Decode("fstat64", {3, 0x9000}, 0, k32).all(), "3, 0x9000");
  // A struct ending past the readable memory.
  EXPECT_EQ(Decode("fstat64", {3, 0x2008}, 0, k32).all(), "3, 0x2008");
  EXPECT_EQ(Decode("fstatat64", {kAtFdcwd & 0xffffffff, 0x1000, 0x2000, 0x1100},
                   0, k32)
                .all(),
            "AT_FDCWD, \"/f\", {st_mode=S_IFREG|S_ISUID|0755, "
            "st_size=4294967297, ...}, AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH");
  EXPECT_EQ(
      Decode("fstatat64", {5, 0x1000, 0x2000, 0x80000}, -EINVAL, k32).all(),
      "5, \"/f\", 0x2000, 0x80000 /* AT_??? */");
  opts.verbose = true;
  EXPECT_EQ(Decode("fstat64", {3, 0x2000}, 0, k32).all(),
            "3, {st_dev=makedev(0x8, 0x3), st_ino=4886718345, "
            "st_mode=S_IFREG|S_ISUID|0755, st_nlink=2, st_uid=1000, "
            "st_gid=100, st_blksize=4096, st_blocks=16, st_size=4294967297, "
            "st_atime=0, st_atime_nsec=0, st_mtime=0, st_mtime_nsec=0, "
            "st_ctime=0, st_ctime_nsec=0}");
  opts.verbose = false;

  // The old i386 struct stat: a character device shows st_rdev.
  unsigned char st[64] = {};
  Put32(st, 0x803);
  Put32(st + 4, 77);
  Put16(st + 8, S_IFCHR | 0620);
  Put16(st + 10, 1);
  Put16(st + 12, 0xfffe);
  Put16(st + 14, 5);
  Put32(st + 16, (136 << 8) | 2);  // st_rdev
  Put32(st + 24, 1024);
  mem.Map(0x3000, st, sizeof(st));
  EXPECT_EQ(Decode("stat", {0x1000, 0x3000}, 0, k32).all(),
            "\"/f\", {st_mode=S_IFCHR|0620, st_rdev=makedev(0x88, 0x2), ...}");
  EXPECT_EQ(Decode("fstat", {0xffffffff, 0x3000}, -EBADF, k32).all(),
            "-1, 0x3000");
  // The x86_64 calls of the same names keep their layout.
  EXPECT_EQ(Text("fstat", {3, 0x3000}, 0), "3, 0x3000");
  opts.verbose = true;
  EXPECT_EQ(Decode("lstat", {0x1000, 0x3000}, 0, k32).all(),
            "\"/f\", {st_dev=makedev(0x8, 0x3), st_ino=77, "
            "st_mode=S_IFCHR|0620, st_nlink=1, st_uid=65534, st_gid=5, "
            "st_blksize=1024, st_blocks=0, st_rdev=makedev(0x88, 0x2), "
            "st_atime=0, st_atime_nsec=0, st_mtime=0, st_mtime_nsec=0, "
            "st_ctime=0, st_ctime_nsec=0}");
  // struct __old_kernel_stat: no nanoseconds, no block counts.
  unsigned char old[32] = {};
  Put16(old, 0x803);
  Put16(old + 2, 12);
  Put16(old + 4, S_IFDIR | 0700);
  Put16(old + 6, 3);
  Put32(old + 16, 4096);
  mem.Map(0x4000, old, sizeof(old));
  EXPECT_EQ(Decode("oldfstat", {3, 0x4000}, 0, k32).all(),
            "3, {st_dev=makedev(0x8, 0x3), st_ino=12, st_mode=S_IFDIR|0700, "
            "st_nlink=3, st_uid=0, st_gid=0, st_blksize=0, st_blocks=0, "
            "st_size=4096, st_atime=0, st_mtime=0, st_ctime=0}");
  opts.verbose = false;
  EXPECT_EQ(Decode("oldstat", {0x1000, 0x4000}, 0, k32).all(),
            "\"/f\", {st_mode=S_IFDIR|0700, st_size=4096, ...}");
  EXPECT_EQ(Decode("oldlstat", {0x1000, 0x4010}, 0, k32).all(),
            "\"/f\", 0x4010");
  // An unknown file type: the whole mode in octal (as strace).
  Put16(old + 4, 0170600);
  mem.Map(0x4000, old, sizeof(old));
  EXPECT_EQ(Decode("oldstat", {0x1000, 0x4000}, 0, k32).all(),
            "\"/f\", {st_mode=0170600, st_size=4096, ...}");
}

// struct statfs (32-bit words) and struct statfs64 (84 bytes, packed).
TEST_F(DecoderTest, I386FsStatfs) {
  using namespace i386fs;
  constexpr uint32_t k32 = kArchI386;
  mem.MapString(0x1000, "/proc");
  uint32_t sf[16] = {0x9fa0, 4096, 1, 2, 3, 4, 5, 0x15, 0, 255, 4096, 0x21};
  mem.Map(0x2000, sf, sizeof(sf));
  const char* kProc =
      "{f_type=PROC_SUPER_MAGIC, f_bsize=4096, f_blocks=1, f_bfree=2, "
      "f_bavail=3, f_files=4, f_ffree=5, f_fsid={val=[0x15, 0]}, "
      "f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RDONLY}";
  EXPECT_EQ(Decode("statfs", {0x1000, 0x2000}, 0, k32).all(),
            std::string("\"/proc\", ") + kProc);
  EXPECT_EQ(Decode("fstatfs", {4, 0x2000}, 0, k32).all(),
            std::string("4, ") + kProc);
  EXPECT_EQ(Decode("fstatfs", {4, 0x2000}, -EBADF, k32).all(), "4, 0x2000");
  EXPECT_EQ(Decode("statfs", {0x1000, 0x2004}, 0, k32).all(),
            "\"/proc\", 0x2004");
  unsigned char sf64[84] = {};
  Put32(sf64, 0xef53);
  Put32(sf64 + 4, 1024);
  Put64(sf64 + 8, 0x100000000ull);
  Put64(sf64 + 16, 7);
  Put64(sf64 + 24, 6);
  Put64(sf64 + 32, 5);
  Put64(sf64 + 40, 4);
  Put32(sf64 + 48, 0xabc);
  Put32(sf64 + 52, 0xdef);
  Put32(sf64 + 56, 255);
  Put32(sf64 + 60, 1024);
  Put32(sf64 + 64, 0x400000);
  mem.Map(0x3000, sf64, sizeof(sf64));
  EXPECT_EQ(Decode("statfs64", {0x1000, 84, 0x3000}, 0, k32).all(),
            "\"/proc\", 84, {f_type=EXT2_SUPER_MAGIC, f_bsize=1024, "
            "f_blocks=4294967296, f_bfree=7, f_bavail=6, f_files=5, "
            "f_ffree=4, f_fsid={val=[0xabc, 0xdef]}, f_namelen=255, "
            "f_frsize=1024, f_flags=0x400000 /* ST_??? */}");
  EXPECT_EQ(Decode("fstatfs64", {4, 88, 0x3000}, -EINVAL, k32).all(),
            "4, 88, 0x3000");
  EXPECT_EQ(Decode("fstatfs64", {4, 88, 0x3000}, 0, k32).all(),
            "4, 88, 0x3000");
  EXPECT_EQ(Decode("fstatfs64", {4, 84, 0}, -EFAULT, k32).all(), "4, 84, NULL");
  EXPECT_EQ(Decode("fstatfs64", {4, 84, 0x3010}, 0, k32).all(),
            "4, 84, 0x3010");
}

// 64-bit offsets and lengths in two registers, low half first (but
// _llseek's: high first).
TEST_F(DecoderTest, I386FsOffsets) {
  constexpr uint32_t k32 = kArchI386;
  const int64_t pos = 0x100000002ll;
  mem.Map(0x2000, &pos, sizeof(pos));
  EXPECT_EQ(Decode("_llseek", {3, 1, 2, 0x2000, SEEK_SET}, 0, k32).all(),
            "3, 4294967298, [4294967298], SEEK_SET");
  EXPECT_EQ(
      Decode("_llseek", {3, 0xffffffff, 0xfffffffb, 0x2000, 9}, -EINVAL, k32)
          .all(),
      "3, -5, 0x2000, 0x9 /* SEEK_??? */");
  EXPECT_EQ(Decode("_llseek", {3, 0, 0, 0, SEEK_END}, -EFAULT, k32).all(),
            "3, 0, NULL, SEEK_END");
  EXPECT_EQ(Decode("_llseek", {3, 0, 0, 0x2004, SEEK_CUR}, 0, k32).all(),
            "3, 0, 0x2004, SEEK_CUR");
  mem.Map(0x3000, "abcdef");
  EXPECT_EQ(Decode("pread64", {3, 0x3000, 4, 1, 1}, 3, k32).all(),
            "3, \"abc\", 4, 4294967297");
  EXPECT_EQ(
      Decode("pread64", {3, 0x3000, 4, 0xffffffff, 0xffffffff}, -EINVAL, k32)
          .all(),
      "3, 0x3000, 4, -1");
  EXPECT_EQ(
      Decode("pwrite64", {3, 0x3000, 2, 0, 0x80000000}, -EINVAL, k32).all(),
      "3, \"ab\", 2, -9223372036854775808");
  // iovecs of 32-bit words.
  const uint32_t iov[4] = {0x3000, 2, 0x3002, 2};
  mem.Map(0x4000, iov, sizeof(iov));
  EXPECT_EQ(Decode("preadv", {3, 0x4000, 2, 0, 1}, 4, k32).all(),
            "3, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"cd\", iov_len=2}], "
            "2, 4294967296");
  EXPECT_EQ(Decode("preadv2", {3, 0x4000, 1, 5, 0, 8}, -EAGAIN, k32).all(),
            "3, [{iov_base=0x3000, iov_len=2}], 1, 5, RWF_NOWAIT");
  EXPECT_EQ(Decode("pwritev", {3, 0x4000, 1, 5, 0}, 2, k32).all(),
            "3, [{iov_base=\"ab\", iov_len=2}], 1, 5");
  EXPECT_EQ(Decode("pwritev2", {3, 0x4000, 1, 0, 0, 0x42}, 2, k32).all(),
            "3, [{iov_base=\"ab\", iov_len=2}], 1, 0, "
            "RWF_DSYNC|0x40");
  // Lengths print unsigned.
  mem.MapString(0x1000, "/f");
  EXPECT_EQ(Decode("truncate64", {0x1000, 0, 2}, 0, k32).all(),
            "\"/f\", 8589934592");
  EXPECT_EQ(
      Decode("ftruncate64", {3, 0xffffffff, 0xffffffff}, -EINVAL, k32).all(),
      "3, 18446744073709551615");
  EXPECT_EQ(Decode("truncate", {0x1000, 0xffffffff}, -EINVAL, k32).all(),
            "\"/f\", 4294967295");
  EXPECT_EQ(Decode("ftruncate", {3, 10}, 0, k32).all(), "3, 10");
  EXPECT_EQ(Decode("fadvise64", {3, 0, 1, 0xffffffff, 9}, -EINVAL, k32).all(),
            "3, 4294967296, 4294967295, 0x9 /* POSIX_FADV_??? */");
  EXPECT_EQ(
      Decode("fadvise64_64", {3, 0xfffffffe, 0xffffffff, 300, 1, 4}, 0, k32)
          .all(),
      "3, -2, 4294967596, POSIX_FADV_DONTNEED");
  EXPECT_EQ(Decode("fallocate", {3, 1, 0, 1, 4096, 0}, 0, k32).all(),
            "3, FALLOC_FL_KEEP_SIZE, 4294967296, 4096");
  EXPECT_EQ(
      Decode("sync_file_range", {3, 1, 0, 0, 1, 0x12}, -EINVAL, k32).all(),
      "3, 1, 4294967296, SYNC_FILE_RANGE_WRITE|0x10");
  EXPECT_EQ(Decode("readahead", {3, 0, 1, 0xffffffff}, 0, k32).all(),
            "3, 4294967296, 4294967295");
  // fanotify_mark's mask: two registers.
  mem.MapString(0x1000, "/tmp");
  EXPECT_EQ(
      Decode("fanotify_mark", {5, 1, 0x08000003, 1, 0xffffff9c, 0x1000}, 0, k32)
          .all(),
      "5, FAN_MARK_ADD, FAN_ACCESS|FAN_MODIFY|FAN_EVENT_ON_CHILD|"
      "0x100000000, AT_FDCWD, \"/tmp\"");
  EXPECT_EQ(
      Decode("fanotify_mark", {5, 2, 0, 0, 0xffffffff, 0}, -EINVAL, k32).all(),
      "5, FAN_MARK_REMOVE, 0, FAN_NOFD, NULL");
}

// fcntl/fcntl64's locks: struct flock (16 bytes) and flock64 (24 bytes).
TEST_F(DecoderTest, I386FsFcntl) {
  using namespace i386fs;
  constexpr uint32_t k32 = kArchI386;
  unsigned char fl[16] = {};
  Put16(fl, F_WRLCK);
  Put16(fl + 2, SEEK_CUR);
  Put32(fl + 4, 5);
  Put32(fl + 8, 0xffffffff);
  Put32(fl + 12, 77);
  mem.Map(0x2000, fl, sizeof(fl));
  unsigned char fl64[24] = {};
  Put16(fl64, F_RDLCK);
  Put16(fl64 + 2, 7);
  Put64(fl64 + 4, 0x100000000ull);
  Put64(fl64 + 12, 10);
  Put32(fl64 + 20, 78);
  mem.Map(0x3000, fl64, sizeof(fl64));
  EXPECT_EQ(Decode("fcntl64", {3, F_SETLK, 0x2000}, 0, k32).all(),
            "3, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_CUR, l_start=5, "
            "l_len=-1}");
  EXPECT_EQ(Decode("fcntl", {3, F_GETLK, 0x2000}, 0, k32).all(),
            "3, F_GETLK, {l_type=F_WRLCK, l_whence=SEEK_CUR, l_start=5, "
            "l_len=-1, l_pid=77}");
  EXPECT_EQ(Decode("fcntl64", {3, 13, 0x3000}, 0, k32).all(),
            "3, F_SETLK64, {l_type=F_RDLCK, l_whence=0x7 /* SEEK_??? */, "
            "l_start=4294967296, l_len=10}");
  EXPECT_EQ(Decode("fcntl64", {3, 12, 0x3000}, 0, k32).all(),
            "3, F_GETLK64, {l_type=F_RDLCK, l_whence=0x7 /* SEEK_??? */, "
            "l_start=4294967296, l_len=10, l_pid=78}");
  EXPECT_EQ(Decode("fcntl64", {3, 12, 0x3000}, -EFAULT, k32).all(),
            "3, F_GETLK64, 0x3000");
  EXPECT_EQ(Decode("fcntl64", {3, 14, 0x3008}, -EFAULT, k32).all(),
            "3, F_SETLKW64, 0x3008");
  // fcntl (not fcntl64): the 64-bit commands' argument is an address.
  EXPECT_EQ(Decode("fcntl", {3, 12, 0x3000}, -EINVAL, k32).all(),
            "3, F_GETLK64, 0x3000");
  // The OFD locks take a struct flock64 in both.
  EXPECT_EQ(Decode("fcntl", {3, F_OFD_SETLKW, 0x3000}, 0, k32).all(),
            "3, F_OFD_SETLKW, {l_type=F_RDLCK, l_whence=0x7 /* SEEK_??? */, "
            "l_start=4294967296, l_len=10}");
  // The other commands as on x86_64.
  EXPECT_EQ(Decode("fcntl64", {3, F_SETFD, FD_CLOEXEC}, 0, k32).all(),
            "3, F_SETFD, FD_CLOEXEC");
  EXPECT_EQ(Decode("fcntl64", {3, 99, 5}, -EINVAL, k32).all(),
            "3, 0x63 /* F_??? */, 0x5");
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Decode("fcntl64", {3, 13, 0x3000}, 0, k32).all(),
            "3, 0xd, {l_type=0, l_whence=0x7, l_start=4294967296, l_len=10}");
}

// readdir, getdents (struct linux_dirent with 32-bit ino and off),
// sendfile's 32-bit offset, 16-bit ids, the old mmap, and the rest.
TEST_F(DecoderTest, I386FsMisc) {
  using namespace i386fs;
  constexpr uint32_t k32 = kArchI386;
  unsigned char od[16] = {};
  Put32(od, 1);
  Put32(od + 4, 2);
  Put16(od + 8, 2);
  memcpy(od + 10, "..", 3);
  mem.Map(0x2000, od, sizeof(od));
  EXPECT_EQ(Decode("readdir", {3, 0x2000, 1}, 1, k32).all(),
            "3, {d_ino=1, d_off=2, d_reclen=2, d_name=\"..\"}");
  EXPECT_EQ(Decode("readdir", {3, 0x2000, 1}, 0, k32).all(), "3, 0x2000");
  EXPECT_EQ(Decode("readdir", {3, 0x2000, 2}, -EBADF, k32).all(),
            "3, 0x2000, 2");
  EXPECT_EQ(Decode("readdir", {3, 0x9000, 1}, 1, k32).all(), "3, 0x9000");
  // getdents: two records, the second's type in its last byte.
  unsigned char de[32] = {};
  Put32(de, 5);
  Put32(de + 4, 1);
  Put16(de + 8, 16);
  memcpy(de + 10, "ab", 3);
  de[15] = DT_REG;
  Put32(de + 16, 6);
  Put32(de + 20, 0x7fffffff);
  Put16(de + 24, 16);
  memcpy(de + 26, ".", 2);
  de[31] = DT_DIR;
  mem.Map(0x3000, de, sizeof(de));
  EXPECT_EQ(Decode("getdents", {3, 0x3000, 512}, 32, k32).all(),
            "3, 0x3000 /* 2 entries */, 512");
  opts.verbose = true;
  EXPECT_EQ(
      Decode("getdents", {3, 0x3000, 512}, 32, k32).all(),
      "3, [{d_ino=5, d_off=1, d_reclen=16, d_name=\"ab\", d_type=DT_REG}, "
      "{d_ino=6, d_off=2147483647, d_reclen=16, d_name=\".\", "
      "d_type=DT_DIR}], 512");
  opts.verbose = false;
  // sendfile: a 32-bit offset before and after.
  const uint32_t off = 0xfffffffb;
  mem.Map(0x4000, &off, sizeof(off));
  EXPECT_EQ(Decode("sendfile", {1, 3, 0x4000, 4}, 4, k32).all(),
            "1, 3, [4294967291] => [4294967291], 4");
  EXPECT_EQ(Decode("sendfile", {1, 3, 0x4000, 4}, -EINVAL, k32).all(),
            "1, 3, [4294967291], 4");
  EXPECT_EQ(Decode("sendfile", {1, 3, 0, 4}, 4, k32).all(), "1, 3, NULL, 4");
  EXPECT_EQ(Decode("sendfile", {1, 3, 0x9000, 4}, -EFAULT, k32).all(),
            "1, 3, 0x9000, 4");
  // 16-bit ids: 0xffff is -1, the high bits are dropped.
  mem.MapString(0x1000, "/f");
  EXPECT_EQ(Decode("chown", {0x1000, 0xffff, 0x12345}, 0, k32).all(),
            "\"/f\", -1, 9029");
  EXPECT_EQ(Decode("lchown", {0x1000, 0xffffffff, 0}, 0, k32).all(),
            "\"/f\", -1, 0");
  EXPECT_EQ(Decode("fchown", {3, 1000, 0x10000}, 0, k32).all(), "3, 1000, 0");
  EXPECT_EQ(Decode("chown32", {0x1000, 0xffffffff, 0x12345}, 0, k32).all(),
            "\"/f\", -1, 74565");
  // The old mmap: its arguments in memory, read even when not verbose.
  const uint32_t args[6] = {0, 4096, 1, 2, 3, 0x1000};
  mem.Map(0x5000, args, sizeof(args));
  Result r = Decode("mmap", {0x5000}, 0xf7f00000, k32);
  EXPECT_EQ(r.all(), "NULL, 4096, PROT_READ, MAP_PRIVATE, 3, 0x1000");
  EXPECT_EQ(r.fmt, RetFormat::kHex);
  EXPECT_EQ(Decode("mmap", {0x5008}, -EFAULT, k32).all(), "0x5008");
  EXPECT_EQ(Decode("mmap", {0}, -EFAULT, k32).all(), "NULL");
  const SyscallFilter all = opts.verbose_set;
  opts.verbose_set = SyscallFilter::None();
  EXPECT_EQ(Decode("mmap", {0x5000}, 0xf7f00000, k32).all(),
            "NULL, 4096, PROT_READ, MAP_PRIVATE, 3, 0x1000");
  opts.verbose_set = all;
  // mknod: a 32-bit dev_t.
  EXPECT_EQ(Decode("mknod", {0x1000, S_IFBLK | 0600, 0x12300801}, 0, k32).all(),
            "\"/f\", S_IFBLK|0600, makedev(0x8, 0x12301)");
  EXPECT_EQ(Decode("ustat", {0x103, 0x6000}, 0, k32).all(),
            "makedev(0x1, 0x3), 0x6000");
  // The buffer follows at exit (strace: "ustat(makedev(0x1, 0x3), " split).
  EXPECT_EQ(Decode("ustat", {0x103, 0x6000}, 0, k32).enter,
            "makedev(0x1, 0x3), ");
  EXPECT_EQ(Decode("umount", {0x1000}, -EINVAL, k32).all(), "\"/f\"");
  // utimensat_time64: 64-bit timespecs on i386.
  const int64_t ts[4] = {0, (1 << 30) - 1, 0, (1 << 30) - 2};
  mem.Map(0x7000, ts, sizeof(ts));
  EXPECT_EQ(Decode("utimensat_time64", {3, 0, 0x7000, 0}, 0, k32).all(),
            "3, NULL, [UTIME_NOW, UTIME_OMIT], 0");
  EXPECT_EQ(
      Decode("utimensat_time64", {0xffffff9c, 0x1000, 0x7010, 0x100}, 0, k32)
          .all(),
      "AT_FDCWD, \"/f\", 0x7010, AT_SYMLINK_NOFOLLOW");
}

// i386's socketcall and ipc multiplexers, printed as the call they make
// (under its name), and the socket, IPC, message queue and AIO calls in
// their 32-bit layouts (decode_i386_net.cc and the shared decoders).
class I386NetTest : public DecoderTest {
 protected:
  // "name(args) = result" as ttrace shows the call (the name and result a
  // multiplexer's decoder chose).
  std::string Call(const char* name, std::vector<uint64_t> args,
                   int64_t ret = 0) {
    SyscallCall c;
    c.tid = 1234;
    c.arch = kArchI386;
    c.nr = SyscallTable::Get().Number(kArchI386, name);
    EXPECT_GE(c.nr, 0) << name;
    for (size_t i = 0; i < args.size() && i < 6; ++i) c.args[i] = args[i];
    ArgDecoder dec(&mem, opts);
    std::string enter, exit, suffix;
    RetFormat fmt;
    dec.DecodeEntry(c, &enter);
    const std::string shown = dec.entry_name() ? dec.entry_name() : name;
    dec.DecodeExit(c, ret, &exit, &fmt, &suffix);
    int64_t r = ret;
    dec.shown_result(&r);
    std::string result;
    if (r < 0 && r >= -4095) {
      result = std::to_string(r);
    } else if (fmt == RetFormat::kHex) {
      char buf[32];
      snprintf(buf, sizeof(buf), "%#llx", static_cast<unsigned long long>(r));
      result = buf;
    } else {
      result = std::to_string(r);
    }
    return shown + "(" + enter + exit + ") = " + result + suffix;
  }
  // A socketcall's argument array of 32-bit words at addr.
  void Words(uint64_t addr, std::vector<uint32_t> w) {
    mem.Map(addr, w.data(), w.size() * 4);
  }
};

TEST_F(I386NetTest, SocketcallPrintsTheCallItMakes) {
  Words(0x1000, {1, 1 | 04000, 0});
  EXPECT_EQ(Call("socketcall", {1, 0x1000}, 3),
            "socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0) = 3");
  char sun[12] = {1, 0, '/', 't', 'm', 'p', '/', 's'};
  mem.Map(0x2000, sun, 10);
  Words(0x1100, {3, 0x2000, 10});
  EXPECT_EQ(Call("socketcall", {2, 0x1100}),
            "bind(3, {sa_family=AF_UNIX, sun_path=\"/tmp/s\"}, 10) = 0");
  EXPECT_EQ(Call("socketcall", {3, 0x1100}),
            "connect(3, {sa_family=AF_UNIX, sun_path=\"/tmp/s\"}, 10) = 0");
  Words(0x1200, {3, 5});
  EXPECT_EQ(Call("socketcall", {4, 0x1200}), "listen(3, 5) = 0");
  EXPECT_EQ(Call("socketcall", {13, 0x1200}),
            "shutdown(3, 0x5 /* SHUT_??? */) = 0");
  // accept: getsockname's arguments, an fd as result.
  int32_t len = 2;
  mem.Map(0x2100, &len, 4);
  Words(0x1300, {3, 0x2000, 0x2100});
  EXPECT_EQ(Call("socketcall", {5, 0x1300}, 4),
            "accept(3, {sa_family=AF_UNIX}, [2]) = 4");
  EXPECT_EQ(Call("socketcall", {6, 0x1300}),
            "getsockname(3, {sa_family=AF_UNIX}, [2]) = 0");
  EXPECT_EQ(Call("socketcall", {7, 0x1300}, -107),
            "getpeername(3, 0x2000, [2]) = -107");
  Words(0x1400, {1, 2, 0, 0x2200});
  int32_t sv[2] = {4, 5};
  mem.Map(0x2200, sv, 8);
  EXPECT_EQ(Call("socketcall", {8, 0x1400}),
            "socketpair(AF_UNIX, SOCK_DGRAM, 0, [4, 5]) = 0");
  // send and recv: sendto's and recvfrom's first four arguments.
  mem.Map(0x2300, "hello", 5);
  Words(0x1500, {4, 0x2300, 5, 0x40});
  EXPECT_EQ(Call("socketcall", {9, 0x1500}, 5),
            "send(4, \"hello\", 5, MSG_DONTWAIT) = 5");
  EXPECT_EQ(Call("socketcall", {10, 0x1500}, 3),
            "recv(4, \"hel\", 5, MSG_DONTWAIT) = 3");
  EXPECT_EQ(Call("socketcall", {10, 0x1500}, -11),
            "recv(4, 0x2300, 5, MSG_DONTWAIT) = -11");
  Words(0x1600, {4, 0x2300, 5, 0, 0, 0});
  EXPECT_EQ(Call("socketcall", {11, 0x1600}, 5),
            "sendto(4, \"hello\", 5, 0, NULL, 0) = 5");
  EXPECT_EQ(Call("socketcall", {12, 0x1600}, 5),
            "recvfrom(4, \"hello\", 5, 0, NULL, NULL) = 5");
  int32_t one = 1;
  mem.Map(0x2400, &one, 4);
  Words(0x1700, {4, 1, 2, 0x2400, 4});
  EXPECT_EQ(Call("socketcall", {14, 0x1700}),
            "setsockopt(4, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
  Words(0x1800, {4, 0, 0, 0});
  EXPECT_EQ(Call("socketcall", {18, 0x1800}, -11),
            "accept4(4, NULL, NULL, 0) = -11");
}

TEST_F(I386NetTest, SocketcallThatCannotBeDecoded) {
  // Unknown calls, no array, an unreadable one or one too short for the
  // call: socketcall itself, the call named (decimal with -X).
  Words(0x1000, {1, 2});
  EXPECT_EQ(Call("socketcall", {0, 0x1000}, -22),
            "socketcall(0, 0x1000) = -22");
  EXPECT_EQ(Call("socketcall", {21, 0x1000}, -22),
            "socketcall(21, 0x1000) = -22");
  EXPECT_EQ(Call("socketcall", {1, 0}, -14),
            "socketcall(SYS_SOCKET, NULL) = -14");
  EXPECT_EQ(Call("socketcall", {2, 0x9000}, -14),
            "socketcall(SYS_BIND, 0x9000) = -14");
  EXPECT_EQ(Call("socketcall", {1, 0x1000}, -14),
            "socketcall(SYS_SOCKET, 0x1000) = -14");
  EXPECT_EQ(Call("socketcall", {4, 0x1000}), "listen(1, 2) = 0");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Call("socketcall", {1, 0}, -14),
            "socketcall(1 /* SYS_SOCKET */, NULL) = -14");
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Call("socketcall", {20, 0}, -14), "socketcall(20, NULL) = -14");
}

TEST_F(I386NetTest, MsghdrIn32Bits) {
  // struct msghdr {name, namelen, iov, iovlen, control, controllen,
  // flags}; cmsghdr {len, level, type} of 12 bytes, 4-byte aligned.
  mem.Map(0x2000, "abcdef", 6);
  uint32_t iov[2] = {0x2000, 6};
  mem.Map(0x3000, iov, sizeof(iov));
  uint32_t ctl[9] = {16, 1, 1, 7, 20, 1, 1, 8, 9};
  mem.Map(0x4000, ctl, sizeof(ctl));
  uint32_t mh[7] = {0, 0, 0x3000, 1, 0x4000, 36, 0};
  mem.Map(0x1000, mh, sizeof(mh));
  EXPECT_EQ(Call("sendmsg", {3, 0x1000, 0x40}, 6),
            "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="
            "\"abcdef\", iov_len=6}], msg_iovlen=1, msg_control=[{cmsg_len=16, "
            "cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[7]}, "
            "{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
            "cmsg_data=[8, 9]}], msg_controllen=36, msg_flags=0}, "
            "MSG_DONTWAIT) = 6");
  // Through socketcall: the same.
  Words(0x1800, {3, 0x1000, 0});
  EXPECT_EQ(Call("socketcall", {16, 0x1800}, -9),
            "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="
            "\"abcdef\", iov_len=6}], msg_iovlen=1, msg_control=[{cmsg_len=16, "
            "cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[7]}, "
            "{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
            "cmsg_data=[8, 9]}], msg_controllen=36, msg_flags=0}, 0) = -9");
  EXPECT_EQ(Call("recvmsg", {3, 0x1000, 0}, 3),
            "recvmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="
            "\"abc\", iov_len=6}], msg_iovlen=1, msg_control=[{cmsg_len=16, "
            "cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[7]}, "
            "{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
            "cmsg_data=[8, 9]}], msg_controllen=36, msg_flags=0}, 0) = 3");
  EXPECT_EQ(Call("recvmsg", {3, 0x1000, 0}, -11),
            "recvmsg(3, {msg_namelen=0}, 0) = -11");
  EXPECT_EQ(Call("sendmsg", {3, 0x9000, 0}, -14),
            "sendmsg(3, 0x9000, 0) = -14");
  // mmsghdr: a msghdr and msg_len, 32 bytes.
  uint32_t mm[16] = {0, 0, 0x3000, 1, 0, 0, 0, 6, 0, 0, 0x3000, 1, 0, 0, 0, 2};
  mem.Map(0x5000, mm, sizeof(mm));
  EXPECT_EQ(Call("sendmmsg", {3, 0x5000, 2, 0}, 2),
            "sendmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{"
            "iov_base=\"abcdef\", iov_len=6}], msg_iovlen=1, msg_controllen=0, "
            "msg_flags=0}, msg_len=6}, {msg_hdr={msg_name=NULL, msg_namelen=0, "
            "msg_iov=[{iov_base=\"abcdef\", iov_len=6}], msg_iovlen=1, "
            "msg_controllen=0, msg_flags=0}, msg_len=2}], 2, 0) = 2");
  // recvmmsg: a 32-bit timespec; recvmmsg_time64 a 64-bit one.
  int32_t ts32[2] = {1, 2};
  mem.Map(0x6000, ts32, sizeof(ts32));
  int64_t ts64[2] = {3, 4};
  mem.Map(0x6100, ts64, sizeof(ts64));
  EXPECT_EQ(Call("recvmmsg", {3, 0x5000, 2, 0, 0x6000}, 1),
            "recvmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{"
            "iov_base=\"abcdef\", iov_len=6}], msg_iovlen=1, msg_controllen=0, "
            "msg_flags=0}, msg_len=6}], 2, 0, {tv_sec=1, tv_nsec=2}) = 1 "
            "(left {tv_sec=1, tv_nsec=2})");
  EXPECT_EQ(Call("recvmmsg_time64", {3, 0x5000, 2, 0, 0x6100}, 0),
            "recvmmsg_time64(3, [], 2, 0, {tv_sec=3, tv_nsec=4}) = 0 "
            "(Timeout)");
  Words(0x1900, {3, 0x5000, 2, 0, 0x6000});
  EXPECT_EQ(Call("socketcall", {19, 0x1900}, -9),
            "recvmmsg(3, 0x5000, 2, 0, {tv_sec=1, tv_nsec=2}) = -9");
}

TEST_F(I386NetTest, IpcPrintsTheCallItMakes) {
  // ipc(call, first, second, third, ptr, fifth).
  EXPECT_EQ(Call("ipc", {2, 0, 2, 01600}, 7),
            "semget(IPC_PRIVATE, 2, IPC_CREAT|0600) = 7");
  uint16_t sops[3] = {0, 1, 0x1000};
  mem.Map(0x1000, sops, sizeof(sops));
  EXPECT_EQ(Call("ipc", {1, 7, 1, 0, 0x1000}),
            "semop(7, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}], 1) = 0");
  int32_t ts[2] = {0, 1000};
  mem.Map(0x1100, ts, sizeof(ts));
  EXPECT_EQ(Call("ipc", {4, 7, 1, 0, 0x1000, 0x1100}, -11),
            "semtimedop(7, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}], 1, "
            "{tv_sec=0, tv_nsec=1000}) = -11");
  EXPECT_EQ(Call("ipc", {4, 7, 1, 0, 0x1000, 0}),
            "semtimedop(7, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}], 1, "
            "NULL) = 0");
  // semctl: its fourth argument through a pointer to union semun.
  uint32_t arg = 0;
  mem.Map(0x1200, &arg, 4);
  EXPECT_EQ(Call("ipc", {3, 7, 0, 12, 0x1200}, 2),
            "semctl(7, 0, GETVAL, [NULL]) = 2");
  EXPECT_EQ(Call("ipc", {3, 7, 0, 12, 0}, -22),
            "semctl(7, 0, GETVAL, NULL) = -22");
  EXPECT_EQ(Call("ipc", {3, 7, 0, 12, 0x9000}, -14),
            "semctl(7, 0, GETVAL, 0x9000) = -14");
  uint32_t semid_ds[16] = {0, 0, 0, 0, 0, 0600, 0, 0, 0, 50, 0, 60, 0, 2};
  mem.Map(0x1300, semid_ds, sizeof(semid_ds));
  arg = 0x1300;
  mem.Map(0x1200, &arg, 4);
  EXPECT_EQ(Call("ipc", {3, 7, 0, 0x102, 0x1200}),
            "semctl(7, 0, IPC_64|IPC_STAT, {sem_perm={uid=0, gid=0, "
            "mode=0600, key=0, cuid=0, cgid=0}, sem_otime=50, sem_ctime=60, "
            "sem_nsems=2}) = 0");
  EXPECT_EQ(Call("ipc", {3, 7, 0, 2, 0x1200}, -22),
            "semctl(7, 0, IPC_STAT, [0x1300]) = -22");
  EXPECT_EQ(Call("ipc", {3, 7, 0, 0x100, 0x1200}),
            "semctl(7, 0, IPC_64|IPC_RMID, [0x1300]) = 0");
  // The direct call: the argument itself.
  EXPECT_EQ(Call("semctl", {7, 0, 16, 3}), "semctl(7, 0, SETVAL, 0x3) = 0");
  EXPECT_EQ(Call("semctl", {7, 0, 2, 0x1300}),
            "semctl(7, 0, IPC_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, "
            "cuid=0, cgid=0}, sem_otime=50, sem_ctime=60, sem_nsems=2}) = 0");
  int64_t ts64[2] = {5, 6};
  mem.Map(0x1400, ts64, sizeof(ts64));
  EXPECT_EQ(Call("semtimedop_time64", {7, 0x1000, 1, 0x1400}, -11),
            "semtimedop_time64(7, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}], "
            "1, {tv_sec=5, tv_nsec=6}) = -11");

  // Message queues: a 32-bit mtype.
  EXPECT_EQ(Call("ipc", {13, 0, 01600}, 9),
            "msgget(IPC_PRIVATE, IPC_CREAT|0600) = 9");
  struct {
    int32_t mtype;
    char mtext[4];
  } msg = {7, {'h', 'i', '!', 0}};
  mem.Map(0x2000, &msg, sizeof(msg));
  EXPECT_EQ(Call("ipc", {11, 9, 3, 04000, 0x2000}),
            "msgsnd(9, {mtype=7, mtext=\"hi!\"}, 3, IPC_NOWAIT) = 0");
  EXPECT_EQ(Call("msgsnd", {9, 0x2000, 3, 0}),
            "msgsnd(9, {mtype=7, mtext=\"hi!\"}, 3, 0) = 0");
  // msgrcv version 0: struct ipc_kludge {msgp, msgtyp}; a failed call
  // shows the kludge's address and no type.
  int32_t kludge[2] = {0x2000, -3};
  mem.Map(0x2100, kludge, sizeof(kludge));
  EXPECT_EQ(Call("ipc", {12, 9, 3, 04000, 0x2100}, 3),
            "msgrcv(9, {mtype=7, mtext=\"hi!\"}, 3, -3, IPC_NOWAIT) = 3");
  EXPECT_EQ(Call("ipc", {12, 9, 3, 04000, 0x2100}, -42),
            "msgrcv(9, 0x2100, 3, IPC_NOWAIT) = -42");
  // Version 1: the buffer at ptr, the type in fifth.
  EXPECT_EQ(Call("ipc", {12 | 1 << 16, 9, 3, 0, 0x2000, 5}, 3),
            "msgrcv(9, {mtype=7, mtext=\"hi!\"}, 3, 5, 0) = 3");
  uint32_t msqid_ds[22] = {0, 0,  0, 0,  0, 0600, 0, 0,     0,  10,
                           0, 20, 0, 30, 0, 0,    1, 16384, 42, 43};
  mem.Map(0x2200, msqid_ds, sizeof(msqid_ds));
  EXPECT_EQ(Call("ipc", {14, 9, 0x102, 0, 0x2200}),
            "msgctl(9, IPC_64|IPC_STAT, {msg_perm={uid=0, gid=0, mode=0600, "
            "key=0, cuid=0, cgid=0}, msg_stime=10, msg_rtime=20, msg_ctime=30, "
            "msg_qnum=1, msg_qbytes=16384, msg_lspid=42, msg_lrpid=43}) = 0");
  EXPECT_EQ(Call("msgctl", {9, 2, 0x2200}),
            "msgctl(9, IPC_STAT, {msg_perm={uid=0, gid=0, mode=0600, key=0, "
            "cuid=0, cgid=0}, msg_stime=10, msg_rtime=20, msg_ctime=30, "
            "msg_qnum=1, msg_qbytes=16384, msg_lspid=42, msg_lrpid=43}) = 0");

  // Shared memory: ipc(SHMAT) returns 0 and stores the address at third,
  // which strace shows as the result.
  EXPECT_EQ(Call("ipc", {23, 0, 4096, 01600}, 11),
            "shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600) = 11");
  uint32_t raddr = 0xf7f00000;
  mem.Map(0x3000, &raddr, 4);
  EXPECT_EQ(Call("ipc", {21, 11, 010000, 0x3000, 0}),
            "shmat(11, NULL, SHM_RDONLY) = 0xf7f00000");
  EXPECT_EQ(Call("ipc", {21, 11, 0, 0x9000, 0}), "shmat(11, NULL, 0) = 0");
  EXPECT_EQ(Call("ipc", {21 | 1 << 16, 11, 0, 0x3000, 0}, -22),
            "shmat(11, NULL, 0) = -22");
  EXPECT_EQ(Call("ipc", {22, 0, 0, 0, 0xf7f00000}), "shmdt(0xf7f00000) = 0");
  uint32_t shmid_ds[21] = {0,  0, 0, 0, 0,  0600, 0,  0,  0, 4096,
                           10, 0, 0, 0, 30, 0,    42, 43, 1};
  mem.Map(0x3100, shmid_ds, sizeof(shmid_ds));
  EXPECT_EQ(Call("ipc", {24, 11, 0x102, 0, 0x3100}),
            "shmctl(11, IPC_64|IPC_STAT, {shm_perm={uid=0, gid=0, mode=0600, "
            "key=0, cuid=0, cgid=0}, shm_segsz=4096, shm_cpid=42, shm_lpid=43, "
            "shm_nattch=1, shm_atime=10, shm_dtime=0, shm_ctime=30}) = 0");
  uint32_t shminfo[9] = {0x7fffffff, 1, 4096, 4096, 0xff000000};
  mem.Map(0x3200, shminfo, sizeof(shminfo));
  EXPECT_EQ(Call("shmctl", {11, 3, 0x3200}, 5),
            "shmctl(11, IPC_INFO, {shmmax=2147483647, shmmin=1, shmmni=4096, "
            "shmseg=4096, shmall=4278190080}) = 5");
  uint32_t shm_info[6] = {1, 2, 3, 4, 5, 6};
  mem.Map(0x3300, shm_info, sizeof(shm_info));
  EXPECT_EQ(Call("shmctl", {11, 14, 0x3300}, 5),
            "shmctl(11, SHM_INFO, {used_ids=1, shm_tot=2, shm_rss=3, "
            "shm_swp=4, swap_attempts=5, swap_successes=6}) = 5");
  EXPECT_EQ(Call("shmctl", {11, 0x102, 0x9000}, -14),
            "shmctl(11, IPC_64|IPC_STAT, 0x9000) = -14");

  // Unknown calls: ipc itself, the number in decimal.
  EXPECT_EQ(Call("ipc", {0, 1, 2, 3, 0, 5}, -38),
            "ipc(0, 0x1, 0x2, 0x3, 0, 0x5) = -38");
  EXPECT_EQ(Call("ipc", {99, 0, 0, 0, 0, 0}, -38),
            "ipc(99, 0, 0, 0, 0, 0) = -38");
}

TEST_F(I386NetTest, MessageQueuesAndAio) {
  mem.MapString(0x1000, "q");
  int32_t attr[8] = {0, 2, 16, 0};
  mem.Map(0x1100, attr, sizeof(attr));
  EXPECT_EQ(Call("mq_open", {0x1000, 0102, 0600, 0x1100}, 3),
            "mq_open(\"q\", O_RDWR|O_CREAT, 0600, {mq_flags=0, mq_maxmsg=2, "
            "mq_msgsize=16, mq_curmsgs=0}) = 3");
  EXPECT_EQ(Call("mq_getsetattr", {3, 0, 0x1100}),
            "mq_getsetattr(3, NULL, {mq_flags=0, mq_maxmsg=2, mq_msgsize=16, "
            "mq_curmsgs=0}) = 0");
  int32_t ts[2] = {1, 2};
  mem.Map(0x1200, ts, sizeof(ts));
  int64_t ts64[2] = {3, 4};
  mem.Map(0x1300, ts64, sizeof(ts64));
  mem.Map(0x1400, "hi", 2);
  EXPECT_EQ(Call("mq_timedsend", {3, 0x1400, 2, 1, 0x1200}),
            "mq_timedsend(3, \"hi\", 2, 1, {tv_sec=1, tv_nsec=2}) = 0");
  EXPECT_EQ(Call("mq_timedsend_time64", {3, 0x1400, 2, 1, 0x1300}),
            "mq_timedsend_time64(3, \"hi\", 2, 1, {tv_sec=3, tv_nsec=4}) = 0");
  uint32_t prio = 5;
  mem.Map(0x1500, &prio, 4);
  EXPECT_EQ(Call("mq_timedreceive", {3, 0x1400, 16, 0x1500, 0x1200}, 2),
            "mq_timedreceive(3, \"hi\", 16, [5], {tv_sec=1, tv_nsec=2}) = 2");
  EXPECT_EQ(
      Call("mq_timedreceive_time64", {3, 0x1400, 16, 0x1500, 0x1300}, -110),
      "mq_timedreceive_time64(3, 0x1400, 16, 0x1500, {tv_sec=3, tv_nsec=4}) "
      "= -110");
  // struct sigevent: a 32-bit sigev_value, then signo, notify and the
  // 32-bit union.
  int32_t sev[16] = {42, SIGUSR1, 2 /* SIGEV_THREAD */, 0x8049000, 0x804a000};
  mem.Map(0x1600, sev, sizeof(sev));
  EXPECT_EQ(Call("mq_notify", {3, 0x1600}),
            "mq_notify(3, {sigev_value={sival_int=42, sival_ptr=0x2a}, "
            "sigev_signo=SIGUSR1, sigev_notify=SIGEV_THREAD, "
            "sigev_notify_function=0x8049000, "
            "sigev_notify_attributes=0x804a000}) = 0");

  // AIO: io_submit's array of 32-bit pointers to the common struct iocb.
  uint64_t iocb[8] = {0x1234, 0, 1ull << 32 /* PWRITE, fd 0 */, 0x1400, 2};
  iocb[2] = 1 | (uint64_t{3} << 32);
  mem.Map(0x2000, iocb, sizeof(iocb));
  uint32_t cbs[1] = {0x2000};
  mem.Map(0x2100, cbs, sizeof(cbs));
  EXPECT_EQ(Call("io_submit", {0xf7f00000, 1, 0x2100}, 1),
            "io_submit(0xf7f00000, 1, [{aio_data=0x1234, "
            "aio_lio_opcode=IOCB_CMD_PWRITE, aio_fildes=3, aio_buf=\"hi\", "
            "aio_nbytes=2, aio_offset=0}]) = 1");
  uint64_t ev[4] = {0x1234, 0x2000, 2, 0};
  mem.Map(0x2200, ev, sizeof(ev));
  EXPECT_EQ(Call("io_getevents", {0xf7f00000, 1, 2, 0x2200, 0x1200}, 1),
            "io_getevents(0xf7f00000, 1, 2, [{data=0x1234, obj=0x2000, res=2, "
            "res2=0}], {tv_sec=1, tv_nsec=2}) = 1");
  uint32_t usig[2] = {0x2300, 8};
  uint64_t mask = 1;  // SIGHUP
  mem.Map(0x2300, &mask, 8);
  mem.Map(0x2400, usig, sizeof(usig));
  EXPECT_EQ(
      Call("io_pgetevents", {0xf7f00000, 0, 2, 0x2200, 0x1200, 0x2400}, 0),
      "io_pgetevents(0xf7f00000, 0, 2, [], {tv_sec=1, tv_nsec=2}, "
      "{sigmask=[HUP], sigsetsize=8}) = 0");
  EXPECT_EQ(
      Call("io_pgetevents_time64", {0xf7f00000, 0, 2, 0x2200, 0x1300, 0}, -4),
      "io_pgetevents_time64(0xf7f00000, 0, 2, 0x2200, {tv_sec=3, "
      "tv_nsec=4}, NULL) = -4");
}

TEST_F(DecoderTest, IsError) {
  SyscallCall c;
  c.nr = SyscallTable::Get().Number(kArchX86_64, "close");
  EXPECT_TRUE(ArgDecoder::IsError(c, -9));
  EXPECT_FALSE(ArgDecoder::IsError(c, 0));
  EXPECT_FALSE(ArgDecoder::IsError(c, -4096));
  c.nr = SyscallTable::Get().Number(kArchX86_64, "getpid");
  EXPECT_FALSE(ArgDecoder::IsError(c, -9));
}

// --------------------------------------------------------------------------
// i386 tracees: signals, processes, ids and time (decode_i386_proc.cc and
// the i386 layouts of the shared printers).
// --------------------------------------------------------------------------
constexpr uint32_t k32 = kArchI386;
constexpr uint64_t kBad32 = 0xbadc0de0;  // never mapped

// The old signal calls: one-word sigsets, struct old_sigaction.
TEST_F(DecoderTest, I386ProcOldSignals) {
  const uint32_t act[4] = {0x80493aa, (1u << (SIGHUP - 1)) | (1u << 11),
                           0x14000000, 0x804939b};
  mem.Map(0x5000, act, sizeof(act));
  EXPECT_EQ(Decode("sigaction", {SIGUSR1, 0x5000, 0}, 0, k32).all(),
            "SIGUSR1, {sa_handler=0x80493aa, sa_mask=[HUP USR2], "
            "sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x804939b}, NULL");
  EXPECT_EQ(Decode("sigaction", {SIGUSR1, 0, 0x5000}, 0, k32).all(),
            "SIGUSR1, NULL, {sa_handler=0x80493aa, sa_mask=[HUP USR2], "
            "sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x804939b}");
  EXPECT_EQ(Decode("sigaction", {SIGUSR1, kBad32, 0}, -EFAULT, k32).all(),
            "SIGUSR1, 0xbadc0de0, NULL");
  EXPECT_EQ(Decode("sigaction", {SIGUSR1, 0, 0x5000}, -EFAULT, k32).all(),
            "SIGUSR1, NULL, 0x5000");
  const uint32_t ign[4] = {1, 0xffffffff, 0xc0000100, 0};
  mem.Map(0x5100, ign, sizeof(ign));
  EXPECT_EQ(Decode("sigaction", {0, 0x5100, 0}, -EINVAL, k32).all(),
            "0, {sa_handler=SIG_IGN, sa_mask=~[], "
            "sa_flags=SA_NODEFER|SA_RESETHAND|0x100}, NULL");
  const uint32_t err[4] = {0xffffffff, 0, 0, 0};
  mem.Map(0x5200, err, sizeof(err));
  EXPECT_EQ(Decode("sigaction", {99, 0x5200, 0}, -EINVAL, k32).all(),
            "99, {sa_handler=SIG_ERR, sa_mask=[], sa_flags=0}, NULL");

  // signal(): the old handler in hex, SIG_DFL and SIG_IGN named.
  Result r = Decode("signal", {SIGUSR2, 1}, 0, k32);
  EXPECT_EQ(r.all(), "SIGUSR2, SIG_IGN");
  EXPECT_EQ(r.fmt, RetFormat::kHex);
  EXPECT_EQ(r.suffix, " (SIG_DFL)");
  EXPECT_EQ(Decode("signal", {SIGUSR2, 0x80493aa}, 1, k32).suffix,
            " (SIG_IGN)");
  r = Decode("signal", {SIGUSR2, 0}, 0x80493aa, k32);
  EXPECT_EQ(r.all(), "SIGUSR2, SIG_DFL");
  EXPECT_EQ(r.suffix, "");
  r = Decode("signal", {SIGKILL, 1}, -EINVAL, k32);
  EXPECT_EQ(r.fmt, RetFormat::kDecimal);
  EXPECT_EQ(r.suffix, "");

  const uint32_t set = (1u << (SIGUSR2 - 1)) | (1u << (SIGTERM - 1));
  mem.Map(0x5300, &set, sizeof(set));
  EXPECT_EQ(Decode("sigprocmask", {SIG_BLOCK, 0x5300, 0x5300}, 0, k32).all(),
            "SIG_BLOCK, [USR2 TERM], [USR2 TERM]");
  EXPECT_EQ(Decode("sigprocmask", {7, 0x5300, 0}, -EINVAL, k32).all(),
            "0x7 /* SIG_??? */, [USR2 TERM], NULL");
  EXPECT_EQ(
      Decode("sigprocmask", {SIG_BLOCK, kBad32, 0x5300}, -EFAULT, k32).all(),
      "SIG_BLOCK, 0xbadc0de0, 0x5300");
  EXPECT_EQ(Decode("sigpending", {0x5300}, 0, k32).all(), "[USR2 TERM]");
  EXPECT_EQ(Decode("sigpending", {kBad32}, -EFAULT, k32).all(), "0xbadc0de0");
  EXPECT_EQ(Decode("sigpending", {0}, -EFAULT, k32).all(), "NULL");
  EXPECT_EQ(Decode("sigsuspend", {0, 0, 1u << (SIGUSR2 - 1)}, -514, k32).all(),
            "[USR2]");

  r = Decode("sgetmask", {}, 0x4800, k32);
  EXPECT_EQ(r.all(), "");
  EXPECT_EQ(r.fmt, RetFormat::kHex);
  EXPECT_EQ(r.suffix, " (mask [USR2 TERM])");
  r = Decode("ssetmask", {0x10200}, 0, k32);
  EXPECT_EQ(r.all(), "[USR1 CHLD]");
  EXPECT_EQ(r.suffix, " (old mask [])");

  // -X raw and verbose: the suffix's signals follow the style, signal()'s
  // SIG_DFL does not.
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Decode("ssetmask", {0x200}, 0x800, k32).suffix, " (old mask [12])");
  r = Decode("signal", {SIGUSR2, 1}, 0, k32);
  EXPECT_EQ(r.all(), "12, 0x1");
  EXPECT_EQ(r.suffix, " (SIG_DFL)");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Decode("sgetmask", {}, 0x200, k32).suffix,
            " (mask [10 /* USR1 */])");
}

// sigreturn and rt_sigreturn read the mask to restore from the i386
// signal frames at the stack pointer.
TEST_F(DecoderTest, I386ProcSigreturn) {
  SyscallCall c;
  c.tid = 1234;
  c.arch = k32;
  c.nr = SyscallTable::Get().Number(k32, "sigreturn");
  c.stack_pointer = 0xffd00000;
  // struct sigcontext_32's oldmask, and the frame's extramask.
  const uint32_t oldmask = 1u << (SIGUSR1 - 1), extramask = 1u << (40 - 33);
  mem.Map(0xffd00000 + 80, &oldmask, 4);
  mem.Map(0xffd00000 + 88 + 624, &extramask, 4);
  EXPECT_EQ(DecodeCall(c, 0).all(), "{mask=[USR1 RT_8]}");
  opts.verbose_set = *ParseTraceFilter("!sigreturn");
  EXPECT_EQ(DecodeCall(c, 0).all(), "0xffd00000");
  opts.verbose_set = SyscallFilter::All();
  c.stack_pointer = 0xffe00000;  // unreadable: an address alone
  EXPECT_EQ(DecodeCall(c, 0).all(), "0xffe00000");

  c.nr = SyscallTable::Get().Number(k32, "rt_sigreturn");
  c.stack_pointer = 0xffd10000;
  const uint32_t mask[2] = {1u << (SIGTERM - 1), 1u << (50 - 33)};
  mem.Map(0xffd10000 + 248, mask, sizeof(mask));
  EXPECT_EQ(DecodeCall(c, 0).all(), "{mask=[TERM RT_18]}");
  c.stack_pointer = 0xffe00000;
  EXPECT_EQ(DecodeCall(c, 0).all(), "{mask=0xffe000f8}");
}

// The rt_* calls' i386 structs: siginfo (the union at 12), stack_t,
// sigevent; rt_sigtimedwait_time64's 64-bit timespec.
TEST_F(DecoderTest, I386ProcRtSignals) {
  uint32_t si[32] = {};
  si[0] = SIGUSR2;
  si[2] = static_cast<uint32_t>(SI_QUEUE);
  si[3] = 77;  // si_pid
  si[4] = 0;   // si_uid
  si[5] = 42;  // si_int
  mem.Map(0x5000, si, sizeof(si));
  const std::string queued =
      "{si_signo=SIGUSR2, si_code=SI_QUEUE, si_pid=77, si_uid=0, si_int=42, "
      "si_ptr=0x2a}";
  EXPECT_EQ(Decode("rt_sigqueueinfo", {77, SIGUSR2, 0x5000}, 0, k32).all(),
            "77, SIGUSR2, " + queued);
  EXPECT_EQ(
      Decode("rt_tgsigqueueinfo", {77, 78, SIGHUP, kBad32}, -EFAULT, k32).all(),
      "77, 78, SIGHUP, 0xbadc0de0");
  EXPECT_EQ(Decode("pidfd_send_signal", {3, 0, 0x5000, 0}, 0, k32).all(),
            "3, 0, " + queued + ", 0");
  const uint32_t set[2] = {(1u << (SIGHUP - 1)) | (1u << (SIGUSR2 - 1)), 0};
  mem.Map(0x5100, set, sizeof(set));
  const int32_t ts32[2] = {1, 0};
  mem.Map(0x5200, ts32, sizeof(ts32));
  const int64_t ts64[2] = {2, -1};
  mem.Map(0x5300, ts64, sizeof(ts64));
  Result r = Decode("rt_sigtimedwait", {0x5100, 0x5000, 0x5200, 8}, 12, k32);
  EXPECT_EQ(r.all(), "[HUP USR2], " + queued + ", {tv_sec=1, tv_nsec=0}, 8");
  EXPECT_EQ(r.suffix, " (SIGUSR2)");
  r = Decode("rt_sigtimedwait_time64", {0x5100, 0x5000, 0x5300, 8}, 12, k32);
  EXPECT_EQ(r.all(), "[HUP USR2], " + queued +
                         ", {tv_sec=2, tv_nsec=18446744073709551615}, 8");
  EXPECT_EQ(r.suffix, " (SIGUSR2)");
  EXPECT_EQ(
      Decode("rt_sigtimedwait_time64", {0x5100, 0, kBad32, 8}, -EFAULT, k32)
          .all(),
      "[HUP USR2], NULL, 0xbadc0de0, 8");
  opts.xlat_style = XlatStyle::kRaw;  // the result's signal stays named
  EXPECT_EQ(
      Decode("rt_sigtimedwait_time64", {0x5100, 0, 0x5300, 8}, 1, k32).suffix,
      " (SIGHUP)");
  opts.xlat_style = XlatStyle::kAbbrev;

  // SIGCHLD's status and clock_t times; a fault's address.
  uint32_t chld[32] = {};
  chld[0] = SIGCHLD;
  chld[2] = CLD_KILLED;
  chld[3] = 88;
  chld[5] = SIGTERM;
  chld[6] = 150;  // si_utime
  chld[7] = 0;
  mem.Map(0x5400, chld, sizeof(chld));
  EXPECT_EQ(Decode("waitid", {P_PID, 88, 0x5400, WEXITED, 0}, 0, k32).all(),
            "P_PID, 88, {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=88, "
            "si_uid=0, si_status=SIGTERM, si_utime=150 /* 1.50 s */, "
            "si_stime=0}, WEXITED, NULL");
  EXPECT_EQ(
      Decode("waitid", {P_PID, 88, kBad32, WEXITED, 0}, -EFAULT, k32).all(),
      "P_PID, 88, 0xbadc0de0, WEXITED, NULL");
  uint32_t segv[32] = {};
  segv[0] = SIGSEGV;
  segv[2] = SEGV_MAPERR;
  segv[3] = 0xdeadbeef;
  mem.Map(0x5500, segv, sizeof(segv));
  EXPECT_EQ(Decode("rt_sigqueueinfo", {77, SIGSEGV, 0x5500}, 0, k32).all(),
            "77, SIGSEGV, {si_signo=SIGSEGV, si_code=SEGV_MAPERR, "
            "si_addr=0xdeadbeef}");
  // A shadow stack fault's code has the name signal lines give it
  // (signals.h's one table; strace 6.1 prints 0xa in both places).
  segv[2] = 10;
  mem.Map(0x5500, segv, sizeof(segv));
  EXPECT_EQ(Decode("rt_sigqueueinfo", {77, SIGSEGV, 0x5500}, 0, k32).all(),
            "77, SIGSEGV, {si_signo=SIGSEGV, si_code=SEGV_CPERR, "
            "si_addr=0xdeadbeef}");

  // stack_t of 4-byte words.
  const uint32_t ss[3] = {0x804d220, 0x80000005, 100};
  mem.Map(0x5600, ss, sizeof(ss));
  EXPECT_EQ(Decode("sigaltstack", {0x5600, 0}, -EINVAL, k32).all(),
            "{ss_sp=0x804d220, ss_flags=SS_ONSTACK|SS_AUTODISARM|0x4, "
            "ss_size=100}, NULL");
  EXPECT_EQ(Decode("sigaltstack", {0, 0x5600}, 0, k32).all(),
            "NULL, {ss_sp=0x804d220, ss_flags=SS_ONSTACK|SS_AUTODISARM|0x4, "
            "ss_size=100}");
  EXPECT_EQ(Decode("sigaltstack", {0, kBad32}, -EFAULT, k32).all(),
            "NULL, 0xbadc0de0");

  // sigevent: 4-byte sigev_value, the union at 12.
  const int32_t ev[16] = {0x1234, SIGUSR2, 4 /* SIGEV_THREAD_ID */, 77};
  mem.Map(0x5700, ev, sizeof(ev));
  const int32_t timer = 2;
  mem.Map(0x5800, &timer, sizeof(timer));
  EXPECT_EQ(Decode("timer_create", {0, 0x5700, 0x5800}, 0, k32).all(),
            "CLOCK_REALTIME, {sigev_value={sival_int=4660, sival_ptr=0x1234}, "
            "sigev_signo=SIGUSR2, sigev_notify=SIGEV_THREAD_ID, "
            "sigev_notify_thread_id=77}, [2]");
  const int32_t thread_ev[16] = {0, 0, 2 /* SIGEV_THREAD */, 0x8048000,
                                 0x8049000};
  mem.Map(0x5900, thread_ev, sizeof(thread_ev));
  EXPECT_EQ(Decode("timer_create", {1, 0x5900, kBad32}, -EFAULT, k32).all(),
            "CLOCK_MONOTONIC, {sigev_signo=0, sigev_notify=SIGEV_THREAD, "
            "sigev_notify_function=0x8048000, "
            "sigev_notify_attributes=0x8049000}, 0xbadc0de0");
}

// waitpid, wait4's and getrusage's 32-bit rusage, the 16-bit ids.
TEST_F(DecoderTest, I386ProcWaitsAndIds) {
  const int32_t status = 3 << 8;
  mem.Map(0x5000, &status, sizeof(status));
  Result r = Decode("waitpid", {77, 0x5000, 0}, 77, k32);
  EXPECT_EQ(r.all(), "77, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0");
  EXPECT_EQ(Decode("waitpid", {0xffffffff, 0, 0x7}, -EINVAL, k32).all(),
            "-1, NULL, WNOHANG|WEXITED|WSTOPPED");
  EXPECT_EQ(Decode("waitpid", {0xfffffffe, kBad32, 0}, -EFAULT, k32).all(),
            "-2, 0xbadc0de0, 0");
  mem.SetComm(77, "child");
  opts.decode_pids = true;
  EXPECT_EQ(Decode("waitpid", {77, 0x5000, 0}, 77, k32).suffix, "<child>");
  opts.decode_pids = false;

  uint32_t ru[18] = {1, 2, 3, 0xffffffff};
  for (int i = 4; i < 18; ++i) ru[i] = 100 + i;
  ru[4] = 0xfffffffe;  // a count: unsigned
  mem.Map(0x5100, ru, sizeof(ru));
  EXPECT_EQ(Decode("wait4", {77, 0x5000, 0, 0x5100}, 77, k32).all(),
            "77, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, "
            "{ru_utime={tv_sec=1, tv_usec=2}, ru_stime={tv_sec=3, "
            "tv_usec=-1}, ...}");
  opts.verbose = true;
  EXPECT_EQ(Decode("getrusage", {RUSAGE_SELF, 0x5100}, 0, k32).all(),
            "RUSAGE_SELF, {ru_utime={tv_sec=1, tv_usec=2}, "
            "ru_stime={tv_sec=3, tv_usec=-1}, ru_maxrss=4294967294, "
            "ru_ixrss=105, ru_idrss=106, ru_isrss=107, ru_minflt=108, "
            "ru_majflt=109, ru_nswap=110, ru_inblock=111, ru_oublock=112, "
            "ru_msgsnd=113, ru_msgrcv=114, ru_nsignals=115, ru_nvcsw=116, "
            "ru_nivcsw=117}");
  opts.verbose = false;
  EXPECT_EQ(Decode("getrusage", {RUSAGE_SELF, kBad32}, -EFAULT, k32).all(),
            "RUSAGE_SELF, 0xbadc0de0");
  EXPECT_EQ(Decode("getrusage", {RUSAGE_SELF, 0x5100 + 40}, 0, k32).all(),
            "RUSAGE_SELF, {ru_utime={tv_sec=110, tv_usec=111}, "
            "ru_stime={tv_sec=112, tv_usec=113}, ...}");
  // The 72 bytes end past the mapping: the address.
  opts.verbose = true;
  EXPECT_EQ(Decode("getrusage", {RUSAGE_SELF, 0x5100 + 40}, 0, k32).all(),
            "RUSAGE_SELF, 0x5128");
  opts.verbose = false;

  // 16-bit ids: the low 16 bits, 0xffff is -1.
  EXPECT_EQ(Decode("setuid", {0x10000}, 0, k32).all(), "0");
  EXPECT_EQ(Decode("setgid", {0x1ffff}, -EINVAL, k32).all(), "-1");
  EXPECT_EQ(Decode("setfsgid", {0xffffffff}, 0, k32).all(), "-1");
  EXPECT_EQ(Decode("setreuid", {0x1ffff, 0x12345}, 0, k32).all(), "-1, 9029");
  EXPECT_EQ(Decode("setresgid", {0xffff, 1000, 0xffffffff}, 0, k32).all(),
            "-1, 1000, -1");
  // The *32 calls: 32-bit ids.
  EXPECT_EQ(Decode("setuid32", {0x10000}, 0, k32).all(), "65536");
  EXPECT_EQ(Decode("setresuid32", {0xffffffff, 0xffff, 0}, 0, k32).all(),
            "-1, 65535, 0");
  const uint16_t ids[3] = {0, 1000, 0xffff};
  mem.Map(0x5200, ids, sizeof(ids));
  EXPECT_EQ(Decode("getresuid", {0x5200, 0x5202, 0x5204}, 0, k32).all(),
            "[0], [1000], [-1]");
  EXPECT_EQ(Decode("getresgid", {0, 0x5202, kBad32}, -EFAULT, k32).all(),
            "NULL, 0x5202, 0xbadc0de0");
  const uint32_t ids32[3] = {0, 70000, 0xffffffff};
  mem.Map(0x5300, ids32, sizeof(ids32));
  EXPECT_EQ(Decode("getresuid32", {0x5300, 0x5304, 0x5308}, 0, k32).all(),
            "[0], [70000], [-1]");
  EXPECT_EQ(Decode("getgroups", {64, 0x5200}, 3, k32).all(),
            "64, [0, 1000, -1]");
  EXPECT_EQ(Decode("getgroups", {0, 0}, 3, k32).all(), "0, NULL");
  EXPECT_EQ(Decode("getgroups", {0xffffffff, 0x5200}, -EINVAL, k32).all(),
            "-1, 0x5200");
  EXPECT_EQ(Decode("setgroups", {2, 0x5200}, 0, k32).all(), "2, [0, 1000]");
  EXPECT_EQ(Decode("setgroups", {4, 0x5200}, -EFAULT, k32).all(),
            "4, [0, 1000, -1, ... /* 0x5206 */]");
  EXPECT_EQ(Decode("setgroups", {1, kBad32}, -EFAULT, k32).all(),
            "1, 0xbadc0de0");
  EXPECT_EQ(Decode("setgroups", {0x10001, 0x5200}, -EINVAL, k32).all(),
            "65537, 0x5200");
  EXPECT_EQ(Decode("setgroups32", {0x10001, 0x5300}, -EINVAL, k32).all(),
            "65537, 0x5300");
  EXPECT_EQ(Decode("getgroups32", {64, 0x5300}, 2, k32).all(),
            "64, [0, 70000]");
  // x86_64's are 32-bit.
  EXPECT_EQ(Text("setuid", {0x10000}), "65536");
}

// set_thread_area, get_thread_area and modify_ldt: struct user_desc.
TEST_F(DecoderTest, I386ProcThreadAreas) {
  struct {
    uint32_t entry_number, base_addr, limit, flags;
  } ud = {0xffffffff, 0x804d060, 0xfffff, 0x51};
  mem.Map(0x5000, &ud, sizeof(ud));
  const std::string fields =
      "base_addr=0x804d060, limit=0x0fffff, seg_32bit=1, contents=0, "
      "read_exec_only=0, limit_in_pages=1, seg_not_present=0, useable=1}";
  Result r = Decode("set_thread_area", {0x5000}, 0, k32);
  EXPECT_EQ(r.all(), "{entry_number=-1, " + fields);
  // The kernel's entry is read at exit (the fake memory still says -1).
  EXPECT_EQ(r.suffix, " (entry_number=4294967295)");
  EXPECT_EQ(Decode("set_thread_area", {0x5000}, -EINVAL, k32).suffix, "");
  EXPECT_EQ(Decode("set_thread_area", {0}, -EFAULT, k32).all(), "NULL");
  EXPECT_EQ(Decode("set_thread_area", {kBad32}, -EFAULT, k32).all(),
            "0xbadc0de0");
  ud.entry_number = 12;
  ud.flags = 0x2e;  // contents=3, read_exec_only, seg_not_present
  ud.base_addr = 0;
  ud.limit = 4;
  mem.Map(0x5100, &ud, sizeof(ud));
  r = Decode("set_thread_area", {0x5100}, 0, k32);
  EXPECT_EQ(r.all(),
            "{entry_number=12, base_addr=00000000, limit=0x000004, "
            "seg_32bit=0, contents=3, read_exec_only=1, limit_in_pages=0, "
            "seg_not_present=1, useable=0}");
  EXPECT_EQ(r.suffix, " (entry_number=12)");
  // strace splits it after the number asked for.
  EXPECT_EQ(Decode("get_thread_area", {0x5100}, 0, k32).enter,
            "{entry_number=12");
  EXPECT_EQ(Decode("get_thread_area", {0x5100}, 0, k32).all(),
            "{entry_number=12, base_addr=00000000, limit=0x000004, "
            "seg_32bit=0, contents=3, read_exec_only=1, limit_in_pages=0, "
            "seg_not_present=1, useable=0}");
  EXPECT_EQ(Decode("get_thread_area", {0x5100}, -EINVAL, k32).all(),
            "{entry_number=12, ...}");
  EXPECT_EQ(Decode("get_thread_area", {kBad32}, -EFAULT, k32).all(),
            "0xbadc0de0");
  EXPECT_EQ(Decode("modify_ldt", {1, 0x5100, 16}, 0, k32).all(),
            "1, {entry_number=12, base_addr=00000000, limit=0x000004, "
            "seg_32bit=0, contents=3, read_exec_only=1, limit_in_pages=0, "
            "seg_not_present=1, useable=0}, 16");
  EXPECT_EQ(Decode("modify_ldt", {0x11, 0x5100, 20}, -EINVAL, k32).all(),
            "17, 0x5100, 20");
  EXPECT_EQ(Decode("modify_ldt", {0, 0x5100, 64}, 0, k32).all(),
            "0, 0x5100, 64");
  EXPECT_EQ(Decode("modify_ldt", {1, kBad32, 16}, -EFAULT, k32).all(),
            "1, 0xbadc0de0, 16");
  EXPECT_EQ(Decode("modify_ldt", {5, 0, 0}, -ENOSYS, k32).all(), "5, NULL, 0");
  // Not verbose: addresses.
  opts.verbose_set = *ParseTraceFilter("!set_thread_area");
  EXPECT_EQ(Decode("set_thread_area", {0x5100}, 0, k32).all(), "0x5100");
}

// x86_64's user_desc has lm; its modify_ldt returns errors as unsigned
// ints, which strace follows with the error they mean.
TEST_F(DecoderTest, X86_64ThreadAreas) {
  struct {
    uint32_t entry_number, base_addr, limit, flags;
  } ud = {1, 0, 0xfffff, 0xc1};  // seg_32bit, useable, lm
  mem.Map(0x5000, &ud, sizeof(ud));
  EXPECT_EQ(Decode("modify_ldt", {1, 0x5000, 16}, 0).all(),
            "1, {entry_number=1, base_addr=00000000, limit=0x0fffff, "
            "seg_32bit=1, contents=0, read_exec_only=0, limit_in_pages=0, "
            "seg_not_present=0, useable=1, lm=1}, 16");
  Result r = Decode("modify_ldt", {0x11, 0x5000, 8}, 0xffffffea);
  EXPECT_EQ(r.all(), "17, 0x5000, 8");
  EXPECT_EQ(r.suffix, " EINVAL (Invalid argument)");
  EXPECT_EQ(Decode("modify_ldt", {0, 0x5000, 16}, 16).suffix, "");
  EXPECT_EQ(Decode("ustat", {0x801, 0x6000}, -EINVAL).all(),
            "makedev(0x8, 0x1), 0x6000");
}

// Time: the *_time64 calls' 64-bit timespecs, the old 32-bit ones (tv_nsec
// unsigned), compat timex, sysinfo, the old select, nice, stime.
TEST_F(DecoderTest, I386ProcTime) {
  const int64_t ts64[2] = {0, 1};
  mem.Map(0x5000, ts64, sizeof(ts64));
  EXPECT_EQ(Decode("clock_getres_time64", {1, 0x5000}, 0, k32).all(),
            "CLOCK_MONOTONIC, {tv_sec=0, tv_nsec=1}");
  EXPECT_EQ(Decode("clock_gettime64", {99, 0x5000}, -EINVAL, k32).all(),
            "0x63 /* CLOCK_??? */, 0x5000");
  EXPECT_EQ(Decode("clock_gettime64", {1, kBad32}, -EFAULT, k32).all(),
            "CLOCK_MONOTONIC, 0xbadc0de0");
  EXPECT_EQ(Decode("clock_getres_time64", {1, 0}, 0, k32).all(),
            "CLOCK_MONOTONIC, NULL");
  EXPECT_EQ(Decode("clock_settime64", {0, 0x5000}, -EINVAL, k32).all(),
            "CLOCK_REALTIME, {tv_sec=0, tv_nsec=1}");
  EXPECT_EQ(
      Decode("clock_nanosleep_time64", {1, 0, 0x5000, 0x5000}, 0, k32).all(),
      "CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1}, 0x5000");
  EXPECT_EQ(
      Decode("clock_nanosleep_time64", {1, 0, 0x5000, 0x5000}, -4, k32).all(),
      "CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1}, {tv_sec=0, tv_nsec=1}");
  EXPECT_EQ(
      Decode("clock_nanosleep_time64", {0, 1, 0x5000, 0x5000}, -4, k32).all(),
      "CLOCK_REALTIME, TIMER_ABSTIME, {tv_sec=0, tv_nsec=1}, 0x5000");
  EXPECT_EQ(
      Decode("clock_nanosleep_time64", {1, 0, kBad32, 0}, -EFAULT, k32).all(),
      "CLOCK_MONOTONIC, 0, 0xbadc0de0, NULL");
  EXPECT_EQ(Decode("sched_rr_get_interval_time64", {0, 0x5000}, 0, k32).all(),
            "0, {tv_sec=0, tv_nsec=1}");
  EXPECT_EQ(
      Decode("sched_rr_get_interval_time64", {0xffffffff, 0x5000}, -EINVAL, k32)
          .all(),
      "-1, 0x5000");
  // futex_time64's timespec is 64-bit, futex's 32-bit.
  EXPECT_EQ(Decode("futex_time64", {0x6000, 0, 1, 0x5000}, -EAGAIN, k32).all(),
            "0x6000, FUTEX_WAIT, 1, {tv_sec=0, tv_nsec=1}");
  const int32_t ts32[2] = {-5, -1};
  mem.Map(0x5100, ts32, sizeof(ts32));
  EXPECT_EQ(Decode("futex", {0x6000, 0, 1, 0x5100}, -EINVAL, k32).all(),
            "0x6000, FUTEX_WAIT, 1, {tv_sec=-5, tv_nsec=4294967295}");
  EXPECT_EQ(Decode("clock_settime", {0, 0x5100}, -EINVAL, k32).all(),
            "CLOCK_REALTIME, {tv_sec=-5, tv_nsec=4294967295}");
  const int64_t neg64[2] = {0, -1};
  mem.Map(0x5200, neg64, sizeof(neg64));
  EXPECT_EQ(Text("clock_settime", {0, 0x5200}, -EINVAL),
            "CLOCK_REALTIME, {tv_sec=0, tv_nsec=18446744073709551615}");

  // adjtimex and clock_adjtime: struct compat_timex; clock_adjtime64's is
  // 64-bit.
  int32_t tx[32] = {0, 1, 2,        16000000,   16000000, 0x40,
                    2, 1, 32768000, 1795796466, 703477,   10000};
  mem.Map(0x5300, tx, sizeof(tx));
  const std::string timex =
      "{modes=0, offset=1, freq=2, maxerror=16000000, esterror=16000000, "
      "status=STA_UNSYNC, constant=2, precision=1, tolerance=32768000, "
      "time={tv_sec=1795796466, tv_usec=703477}, tick=10000, ppsfreq=0, "
      "jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, "
      "tai=0}";
  Result r = Decode("adjtimex", {0x5300}, 5, k32);
  EXPECT_EQ(r.all(), timex);
  EXPECT_EQ(r.suffix, " (TIME_ERROR)");
  EXPECT_EQ(Decode("clock_adjtime", {0, 0x5300}, 5, k32).all(),
            "CLOCK_REALTIME, " + timex);
  EXPECT_EQ(Decode("adjtimex", {0x5300}, -EINVAL, k32).all(), "0x5300");
  EXPECT_EQ(Decode("adjtimex", {kBad32}, -EFAULT, k32).all(), "0xbadc0de0");
  int64_t tx64[26] = {0, 1, 2,        16000000,   16000000, 0x40,
                      2, 1, 32768000, 1795796466, 703477,   10000};
  mem.Map(0x5400, tx64, sizeof(tx64));
  EXPECT_EQ(Decode("clock_adjtime64", {0, 0x5400}, 5, k32).all(),
            "CLOCK_REALTIME, " + timex);
  EXPECT_EQ(Decode("clock_adjtime64", {99, 0x5400}, -EINVAL, k32).all(),
            "0x63 /* CLOCK_??? */, 0x5400");

  // sysinfo with 4-byte longs.
  uint32_t si[16] = {78852,
                     35072,
                     84352,
                     111424,
                     6171021,
                     4099637,
                     2220,
                     35373,
                     0,
                     0,
                     223 /* procs, pad */,
                     0,
                     0,
                     4096};
  mem.Map(0x5500, si, sizeof(si));
  EXPECT_EQ(Decode("sysinfo", {0x5500}, 0, k32).all(),
            "{uptime=78852, loads=[35072, 84352, 111424], totalram=6171021, "
            "freeram=4099637, sharedram=2220, bufferram=35373, totalswap=0, "
            "freeswap=0, procs=223, totalhigh=0, freehigh=0, mem_unit=4096}");
  EXPECT_EQ(Decode("sysinfo", {0}, -EFAULT, k32).all(), "NULL");
  EXPECT_EQ(Decode("sysinfo", {kBad32}, -EFAULT, k32).all(), "0xbadc0de0");

  // The old select: its five arguments in memory.
  const uint32_t rd = 1u << 3, wr = 1u << 4;
  mem.Map(0x5600, &rd, sizeof(rd));
  mem.Map(0x5610, &wr, sizeof(wr));
  const int32_t tv[2] = {0, 0};
  mem.Map(0x5620, tv, sizeof(tv));
  const uint32_t block[5] = {5, 0x5600, 0x5610, 0, 0x5620};
  mem.Map(0x5700, block, sizeof(block));
  r = Decode("select", {0x5700}, 1, k32);
  EXPECT_EQ(r.all(), "5, [3], [4], NULL, {tv_sec=0, tv_usec=0}");
  EXPECT_EQ(r.suffix, " (in [3], left {tv_sec=0, tv_usec=0})");
  EXPECT_EQ(Decode("select", {kBad32}, -EFAULT, k32).all(), "0xbadc0de0");
  EXPECT_EQ(Decode("select", {0}, -EFAULT, k32).all(), "NULL");
  // Not verbose: the block is still read, the sets are addresses.
  opts.verbose_set = *ParseTraceFilter("!select");
  EXPECT_EQ(Decode("select", {0x5700}, 0, k32).all(),
            "5, 0x5600, 0x5610, NULL, 0x5620");
  opts.verbose_set = SyscallFilter::All();
  r = Decode("select", {0x5700}, -EINTR, k32);
  EXPECT_EQ(r.all(), "5, [3], [4], NULL, {tv_sec=0, tv_usec=0}");
  EXPECT_EQ(r.suffix, "");

  EXPECT_EQ(Decode("nice", {0xffffffff}, 0, k32).all(), "-1");
  EXPECT_EQ(Decode("stime", {0}, -EFAULT, k32).all(), "NULL");
  EXPECT_EQ(Decode("stime", {0x5500}, -EPERM, k32).all(), "0x5500");
  EXPECT_EQ(Decode("stime", {0x5500}, -EPERM, k32).enter, "");  // at exit
  const int32_t now = 1795796466;
  mem.Map(0x5800, &now, sizeof(now));
  EXPECT_EQ(Decode("time", {kBad32}, -EFAULT, k32).all(), "0xbadc0de0");
}

TEST_F(DecoderTest, AppendsWithoutClobbering) {
  ArgDecoder dec(&mem, opts);
  SyscallCall c;
  c.nr = SyscallTable::Get().Number(kArchX86_64, "close");
  c.args[0] = 3;
  std::string out = "prefix:";
  dec.DecodeEntry(c, &out);
  EXPECT_EQ(out, "prefix:3");
}

TEST_F(DecoderTest, NoAllocationOnceWarm) {
  // The decoder's scratch buffers are reused: decoding the same call
  // twice into a reserved string keeps its buffer.
  mem.Map(0x1000, "roo");
  ArgDecoder dec(&mem, opts);
  SyscallCall c;
  c.nr = 0;  // read
  c.args = {3, 0x1000, 3};
  std::string out;
  out.reserve(256);
  const char* data = out.data();
  RetFormat fmt;
  for (int i = 0; i < 3; ++i) {
    out.clear();
    dec.DecodeEntry(c, &out);
    dec.DecodeExit(c, 3, &out, &fmt);
  }
  EXPECT_EQ(out, "3, \"roo\", 3");
  EXPECT_EQ(out.data(), data);
}

// -X raw / verbose (strace 6.1's --const-print-style): the numbers alone,
// or with the abbrev form in a comment; flags, enumerations, signals,
// sigsets, structure fields, the -y path after AT_FDCWD's comment; wait
// statuses and F_GETFL's result stay named.
TEST_F(DecoderTest, ConstPrintStyles) {
  struct stat st = {};
  st.st_mode = S_IFREG | 0600;
  st.st_size = 3;
  mem.Map(0x8000, &st, sizeof(st));
  mem.MapString(0x1000, "/etc/hostname");
  KSigaction act = {0x55acd28142a9, 0x14000010, 0x7f9a99496050,
                    1ull << (SIGUSR1 - 1)};
  mem.Map(0x2000, &act, sizeof(act));
  KSigaction dfl = {0, 0, 0, 0};
  mem.Map(0x3000, &dfl, sizeof(dfl));
  const uint64_t full_but_rt = ~0ull & ~(3ull << 31);
  mem.Map(0x4000, &full_but_rt, 8);
  const uint64_t stack[2] = {8192 * 1024, ~0ull};
  mem.Map(0x5000, stack, sizeof(stack));
  int status = 3 << 8;
  mem.Map(0x6000, &status, sizeof(status));
  sockaddr_in sin = {};
  sin.sin_family = AF_INET;
  sin.sin_port = htons(80);
  mem.Map(0x7000, &sin, sizeof(sin));
  mem.SetCwd("/tmp/xs");

  struct Case {
    const char* name;
    std::vector<uint64_t> args;
    int64_t ret;
    const char* raw;
    const char* verbose;
  };
  const std::vector<Case> cases = {
      {"openat",
       {kAtFdcwd, 0x1000, O_RDONLY},
       3,
       "-100, \"/etc/hostname\", 0",
       "-100 /* AT_FDCWD */, \"/etc/hostname\", 0 /* O_RDONLY */"},
      {"openat",
       {kAtFdcwd, 0x1000, O_RDONLY | 0x40000000},
       -2,
       "-100, \"/etc/hostname\", 0x40000000",
       "-100 /* AT_FDCWD */, \"/etc/hostname\", "
       "0x40000000 /* O_RDONLY|0x40000000 */"},
      {"lseek", {3, 0, SEEK_SET}, 0, "3, 0, 0", "3, 0, 0 /* SEEK_SET */"},
      {"lseek", {3, 0, 7}, -22, "3, 0, 0x7", "3, 0, 0x7 /* SEEK_??? */"},
      {"mmap",
       {0, 4096, PROT_READ | 0x100, MAP_PRIVATE | MAP_ANONYMOUS, kMinus1, 0},
       0x7f9a99646000,
       "NULL, 4096, 0x101, 0x22, -1, 0",
       "NULL, 4096, 0x101 /* PROT_READ|0x100 */, "
       "0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0"},
      {"mprotect",
       {0x1000, 0, 0x1000},
       0,
       "0x1000, 0, 0x1000",
       "0x1000, 0, 0x1000 /* PROT_??? */"},
      {"mprotect",
       {0x1000, 0, 0},
       0,
       "0x1000, 0, 0",
       "0x1000, 0, 0 /* PROT_NONE */"},
      {"access",
       {0x1000, F_OK},
       0,
       "\"/etc/hostname\", 0",
       "\"/etc/hostname\", 0 /* F_OK */"},
      {"newfstatat",
       {3, 0x1000, 0x8000, 0x1000},
       0,
       "3, \"/etc/hostname\", {st_mode=0100600, st_size=3, ...}, 0x1000",
       "3, \"/etc/hostname\", {st_mode=0100600 /* S_IFREG|0600 */, "
       "st_size=3, ...}, 0x1000 /* AT_EMPTY_PATH */"},
      {"newfstatat",
       {3, 0x1000, 0x8000, 0},
       0,
       "3, \"/etc/hostname\", {st_mode=0100600, st_size=3, ...}, 0",
       "3, \"/etc/hostname\", {st_mode=0100600 /* S_IFREG|0600 */, "
       "st_size=3, ...}, 0"},
      {"fcntl",
       {3, F_SETFD, FD_CLOEXEC},
       0,
       "3, 0x2, 0x1",
       "3, 0x2 /* F_SETFD */, 0x1 /* FD_CLOEXEC */"},
      {"ioctl",
       {1, 0x5401, 0x1000},
       -ENOTTY,
       "1, 0x5401, 0x1000",
       "1, 0x5401 /* TCGETS */, 0x1000"},
      {"ioctl",
       {3, 0x12345678, 0},
       -ENOTTY,
       "3, 0x12345678, 0",
       "3, 0x12345678 /* _IOC(_IOC_NONE, 0x56, 0x78, 0x1234) */, 0"},
      {"socket",
       {AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_IP},
       4,
       "0x2, 0x1|0x80000, 0",
       "0x2 /* AF_INET */, 0x1 /* SOCK_STREAM */|0x80000 /* SOCK_CLOEXEC */, "
       "0 /* IPPROTO_IP */"},
      {"connect",
       {5, 0x7000, 16},
       0,
       "5, {sa_family=0x2, sin_port=\"\\x00\\x50\", "
       "sin_addr=\"\\x00\\x00\\x00\\x00\"}, 16",
       "5, {sa_family=0x2 /* AF_INET */, sin_port=\"\\x00\\x50\" /* htons(80) "
       "*/, sin_addr=\"\\x00\\x00\\x00\\x00\" /* inet_addr(\"0.0.0.0\") */}, "
       "16"},
      {"rt_sigaction",
       {SIGUSR1, 0x2000, 0, 8},
       0,
       "10, {sa_handler=0x55acd28142a9, sa_mask=[10], sa_flags=0x14000010, "
       "sa_restorer=0x7f9a99496050}, NULL, 8",
       "10 /* SIGUSR1 */, {sa_handler=0x55acd28142a9, sa_mask=[10 /* USR1 */], "
       "sa_flags=0x14000010 /* SA_RESTORER|SA_RESTART|0x10 */, "
       "sa_restorer=0x7f9a99496050}, NULL, 8"},
      {"rt_sigaction",
       {SIGINT, 0, 0x3000, 8},
       0,
       "2, NULL, {sa_handler=0, sa_mask=[], sa_flags=0}, 8",
       "2 /* SIGINT */, NULL, {sa_handler=0 /* SIG_DFL */, sa_mask=[], "
       "sa_flags=0}, 8"},
      {"rt_sigprocmask",
       {SIG_SETMASK, 0x4000, 0, 8},
       0,
       "0x2, ~[32 33], NULL, 8",
       "0x2 /* SIG_SETMASK */, ~[32 /* RTMIN */ 33 /* RT_1 */], NULL, 8"},
      {"rt_sigprocmask",
       {5, 0, 0, 8},
       0,
       "0x5, NULL, NULL, 8",
       "0x5 /* SIG_??? */, NULL, NULL, 8"},
      {"kill", {20960, 0}, 0, "20960, 0", "20960, 0"},
      {"kill", {20960, SIGUSR2}, 0, "20960, 12", "20960, 12 /* SIGUSR2 */"},
      {"kill", {20960, 99}, -22, "20960, 99", "20960, 99"},
      {"prlimit64",
       {0, RLIMIT_STACK, 0, 0x5000},
       0,
       "0, 0x3, NULL, {rlim_cur=8388608, rlim_max=18446744073709551615}",
       "0, 0x3 /* RLIMIT_STACK */, NULL, {rlim_cur=8388608 /* 8192*1024 */, "
       "rlim_max=18446744073709551615 /* RLIM64_INFINITY */}"},
      {"wait4",
       {20961, 0x6000, 0, 0},
       20961,
       "20961, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL",
       "20961, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL"},
      {"clone",
       {CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD, 0, 0,
        0x7f9a99457a10, 0},
       20961,
       "child_stack=NULL, flags=0x1200000|17, child_tidptr=0x7f9a99457a10",
       "child_stack=NULL, flags=0x1200000 /* "
       "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID */|17 /* SIGCHLD */, "
       "child_tidptr=0x7f9a99457a10"},
  };
  // Odd forms of strace 6.1: UTIME_NOW as the timespec, futex's shifted
  // fields (raw always with the "unknown" comment).
  const int64_t utimes[4] = {0, (1 << 30) - 1, 0, (1 << 30) - 2};
  mem.Map(0x9000, utimes, sizeof(utimes));
  const std::vector<Case> odd = {
      {"utimensat",
       {kAtFdcwd, 0x1000, 0x9000, 0x100},
       0,
       "-100, \"/etc/hostname\", [{tv_sec=0, tv_nsec=1073741823}, {tv_sec=0, "
       "tv_nsec=1073741822}], 0x100",
       "-100 /* AT_FDCWD */, \"/etc/hostname\", [{tv_sec=0, "
       "tv_nsec=1073741823} /* UTIME_NOW */, {tv_sec=0, tv_nsec=1073741822} "
       "/* UTIME_OMIT */], 0x100 /* AT_SYMLINK_NOFOLLOW */"},
      {"prctl",
       {PR_SET_PTRACER, kMinus1},
       -22,
       "0x59616d61, -1",
       "0x59616d61 /* PR_SET_PTRACER */, -1 /* PR_SET_PTRACER_ANY */"},
      {"futex",
       {0x5000, 5, 1, 1, 0x5000, 0x14001000},
       0,
       "0x5000, 0x5, 1, 1, 0x5000, 0x1<<28 /* FUTEX_OP_??? */|0x1<<12|0x4<<24 "
       "/* FUTEX_OP_CMP_??? */|0",
       "0x5000, 0x5 /* FUTEX_WAKE_OP */, 1, 1, 0x5000, 0x1 /* FUTEX_OP_ADD "
       "*/<<28|0x1<<12|0x4 /* FUTEX_OP_CMP_GT */<<24|0"},
  };
  for (const Case& c : odd) {
    opts.xlat_style = XlatStyle::kRaw;
    EXPECT_EQ(Text(c.name, c.args, c.ret), c.raw) << c.name;
    opts.xlat_style = XlatStyle::kVerbose;
    EXPECT_EQ(Text(c.name, c.args, c.ret), c.verbose) << c.name;
  }

  for (const Case& c : cases) {
    opts.xlat_style = XlatStyle::kRaw;
    EXPECT_EQ(Text(c.name, c.args, c.ret), c.raw) << c.name;
    opts.xlat_style = XlatStyle::kVerbose;
    EXPECT_EQ(Text(c.name, c.args, c.ret), c.verbose) << c.name;
  }

  // Results' comments: F_GETFL's open flags stay named, F_GETFD's follow.
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Decode("fcntl", {3, F_GETFL}, 0x8000).suffix,
            " (flags O_RDONLY|O_LARGEFILE)");
  EXPECT_EQ(Decode("fcntl", {3, F_GETFD}, 1).suffix,
            " (flags 0x1 /* FD_CLOEXEC */)");
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Decode("fcntl", {3, F_GETFL}, 0x8000).suffix,
            " (flags O_RDONLY|O_LARGEFILE)");
  EXPECT_EQ(Decode("fcntl", {3, F_GETFD}, 1).suffix, " (flags 0x1)");

  // -y: the cwd after AT_FDCWD's number or comment.
  opts.fd_paths = true;
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Decode("openat", {kAtFdcwd, 0x1000, O_RDONLY}, -2).enter,
            "-100</tmp/xs>, \"/etc/hostname\", 0");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(
      Decode("openat", {kAtFdcwd, 0x1000, O_RDONLY}, -2).enter,
      "-100 /* AT_FDCWD */</tmp/xs>, \"/etc/hostname\", 0 /* O_RDONLY */");
  // abbrev is the default.
  opts.xlat_style = XlatStyle::kAbbrev;
  EXPECT_EQ(Decode("openat", {kAtFdcwd, 0x1000, O_RDONLY}, -2).enter,
            "AT_FDCWD</tmp/xs>, \"/etc/hostname\", O_RDONLY");
}

// The style is the decoder's only while it decodes: helpers called
// elsewhere on the thread print names.
TEST_F(DecoderTest, ConstPrintStyleIsScopedToTheDecoder) {
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Text("kill", {1, SIGTERM}), "1, 15");
  EXPECT_EQ(CurrentXlatStyle(), XlatStyle::kAbbrev);
  std::string s;
  AppendSignal(&s, SIGTERM);
  EXPECT_EQ(s, "SIGTERM");
  {
    ScopedXlatStyle verbose(XlatStyle::kVerbose);
    s.clear();
    AppendSignal(&s, SIGTERM);
    EXPECT_EQ(s, "15 /* SIGTERM */");
    ScopedXlatStyle raw(XlatStyle::kRaw);
    s.clear();
    AppendSignal(&s, SIGTERM);
    EXPECT_EQ(s, "15");
  }
  EXPECT_EQ(CurrentXlatStyle(), XlatStyle::kAbbrev);
}

// Decoding in raw or verbose style reuses the output's buffer too.
TEST_F(DecoderTest, ConstPrintStylesDoNotAllocateOnceWarm) {
  mem.MapString(0x1000, "/etc/hostname");
  for (XlatStyle style : {XlatStyle::kRaw, XlatStyle::kVerbose}) {
    opts.xlat_style = style;
    ArgDecoder dec(&mem, opts);
    SyscallCall c;
    c.nr = SyscallTable::Get().Number(kArchX86_64, "openat");
    c.args = {kAtFdcwd, 0x1000, O_RDONLY | O_CLOEXEC};
    SyscallCall m;
    m.nr = SyscallTable::Get().Number(kArchX86_64, "mmap");
    m.args = {
        0,       4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
        kMinus1, 0};
    std::string out;
    out.reserve(256);
    const char* data = out.data();
    RetFormat fmt;
    for (int i = 0; i < 3; ++i) {
      out.clear();
      dec.DecodeEntry(c, &out);
      dec.DecodeExit(c, 3, &out, &fmt);
      dec.DecodeEntry(m, &out);
      dec.DecodeExit(m, 0x7f0000000000, &out, &fmt);
    }
    EXPECT_EQ(out.data(), data);
    EXPECT_NE(out.find("0x80000"), std::string::npos) << out;
  }
}

// --------------------------------------------------------------------------
// Process: arch_prctl, resource limits, getrandom, prctl, uname, ...
// --------------------------------------------------------------------------
TEST_F(DecoderTest, ArchPrctl) {
  EXPECT_EQ(Text("arch_prctl", {0x1002, 0x7f7a01752c40}),
            "ARCH_SET_FS, 0x7f7a01752c40");
  uint64_t fs = 0x7f9720783740;
  mem.Map(0x1000, &fs, 8);
  Result r = Decode("arch_prctl", {0x1003, 0x1000}, 0);
  EXPECT_EQ(r.enter, "ARCH_GET_FS, ");
  EXPECT_EQ(r.exit, "[0x7f9720783740]");
  EXPECT_EQ(Text("arch_prctl", {0x1003, 0x1000}, -14), "ARCH_GET_FS, 0x1000");
  EXPECT_EQ(Text("arch_prctl", {0x1011, 0x7fff234d8960}, 1), "ARCH_GET_CPUID");
  EXPECT_EQ(Text("arch_prctl", {0x3001, 0}, -22), "0x3001 /* ARCH_??? */, 0");
  EXPECT_EQ(Text("arch_prctl", {0x9999, 5}, -22), "0x9999 /* ARCH_??? */, 0x5");
}

struct Rlimit64 {
  uint64_t cur, max;
};

TEST_F(DecoderTest, Rlimits) {
  Rlimit64 stack = {8192 * 1024, ~0ull};
  mem.Map(0x1000, &stack, sizeof(stack));
  Result r = Decode("prlimit64", {0, RLIMIT_STACK, 0, 0x1000}, 0);
  EXPECT_EQ(r.enter, "0, RLIMIT_STACK, NULL, ");
  EXPECT_EQ(r.exit, "{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}");
  Rlimit64 in = {1024, 4096}, old = {20000, 20000};
  mem.Map(0x2000, &in, sizeof(in));
  mem.Map(0x3000, &old, sizeof(old));
  EXPECT_EQ(Text("prlimit64", {0, RLIMIT_NOFILE, 0x2000, 0x3000}),
            "0, RLIMIT_NOFILE, {rlim_cur=1024, rlim_max=4*1024}, "
            "{rlim_cur=20000, rlim_max=20000}");
  Rlimit64 data = {1000, 1025};
  mem.Map(0x4000, &data, sizeof(data));
  EXPECT_EQ(Text("prlimit64", {26986, RLIMIT_DATA, 0x4000, 0}),
            "26986, RLIMIT_DATA, {rlim_cur=1000, rlim_max=1025}, NULL");
  EXPECT_EQ(Text("prlimit64", {0, RLIMIT_NOFILE, 1, 0}, -14),
            "0, RLIMIT_NOFILE, 0x1, NULL");
  EXPECT_EQ(Text("prlimit64", {0, RLIMIT_CORE, 0, 0x3000}, -1),
            "0, RLIMIT_CORE, NULL, 0x3000");
  EXPECT_EQ(Text("getrlimit", {RLIMIT_STACK, 0x1000}),
            "RLIMIT_STACK, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}");
  EXPECT_EQ(Text("getrlimit", {99, 0x7fff234d8950}, -22),
            "0x63 /* RLIMIT_??? */, 0x7fff234d8950");
  EXPECT_EQ(Text("setrlimit", {RLIMIT_NOFILE, 0x1000}, -1),
            "RLIMIT_NOFILE, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}");
  // i386: 32-bit limits.
  uint32_t lim32[2] = {8192 * 1024, 0xffffffff};
  mem.Map(0x5000, lim32, sizeof(lim32));
  EXPECT_EQ(Decode("ugetrlimit", {RLIMIT_STACK, 0x5000}, 0, kArchI386).all(),
            "RLIMIT_STACK, {rlim_cur=8192*1024, rlim_max=RLIM_INFINITY}");
}

TEST_F(DecoderTest, RusageAndPriority) {
  int64_t ru[18] = {0, 2186, 0, 0,  1732, 0, 0, 0,   72,
                    0, 0,    0, 16, 0,    0, 0, 288, 0};
  mem.Map(0x1000, ru, sizeof(ru));
  EXPECT_EQ(Text("getrusage", {0, 0x1000}),
            "RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=2186}, "
            "ru_stime={tv_sec=0, tv_usec=0}, ...}");
  EXPECT_EQ(Text("getrusage", {0xffffffff, 0x1000}, -14),
            "RUSAGE_CHILDREN, 0x1000");
  opts.verbose = true;
  EXPECT_EQ(Text("getrusage", {0, 0x1000}),
            "RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=2186}, "
            "ru_stime={tv_sec=0, tv_usec=0}, ru_maxrss=1732, ru_ixrss=0, "
            "ru_idrss=0, ru_isrss=0, ru_minflt=72, ru_majflt=0, ru_nswap=0, "
            "ru_inblock=0, ru_oublock=16, ru_msgsnd=0, ru_msgrcv=0, "
            "ru_nsignals=0, ru_nvcsw=288, ru_nivcsw=0}");
  opts.verbose = false;
  EXPECT_EQ(Text("getpriority", {0, 0}, 20), "PRIO_PROCESS, 0");
  EXPECT_EQ(Text("setpriority", {0, 0, 5}), "PRIO_PROCESS, 0, 5");
}

TEST_F(DecoderTest, Getrandom) {
  const uint8_t bytes[40] = {0x3c, 0xe3, 0x02, 0x1d, 0x41, 0x3d,
                             0x89, 0xd1, 'a',  'b',  0,    1};
  mem.Map(0x1000, bytes, sizeof(bytes));
  Result r = Decode("getrandom", {0x1000, 8, 1}, 8);
  EXPECT_EQ(r.enter, "");
  EXPECT_EQ(r.exit,
            "\"\\x3c\\xe3\\x02\\x1d\\x41\\x3d\\x89\\xd1\", 8, GRND_NONBLOCK");
  EXPECT_EQ(Text("getrandom", {0x1008, 4, 0}, 4),
            "\"\\x61\\x62\\x00\\x01\", 4, 0");
  EXPECT_EQ(Text("getrandom", {0x7fff234d8880, 4, 6}, -22),
            "0x7fff234d8880, 4, GRND_RANDOM|GRND_INSECURE");
  opts.string_limit = 2;
  EXPECT_EQ(Text("getrandom", {0x1000, 40, 0}, 40), "\"\\x3c\\xe3\"..., 40, 0");
}

TEST_F(DecoderTest, SetTidAddressAndMadvise) {
  EXPECT_EQ(Text("set_tid_address", {0x7f7a01752f10}, 28677), "0x7f7a01752f10");
  // strace 6.1 prints the address as a number: set_tid_address(0).
  EXPECT_EQ(Text("set_tid_address", {0}, 28677), "0");
  EXPECT_EQ(Text("madvise", {0x7f4bfdd8c000, 8192, 4}),
            "0x7f4bfdd8c000, 8192, MADV_DONTNEED");
  EXPECT_EQ(Text("madvise", {0x7f4bfdd8c000, 8192, 14}),
            "0x7f4bfdd8c000, 8192, MADV_HUGEPAGE");
  EXPECT_EQ(Text("madvise", {0x7f4bfdd8c000, 4096, 999}, -22),
            "0x7f4bfdd8c000, 4096, 0x3e7 /* MADV_??? */");
}

TEST_F(DecoderTest, Membarrier) {
  Result r = Decode("membarrier", {0, 0, 0}, 0x3ff);
  EXPECT_EQ(r.all(), "MEMBARRIER_CMD_QUERY, 0");
  EXPECT_EQ(r.fmt, RetFormat::kHex);
  EXPECT_EQ(r.suffix,
            " (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_GLOBAL_EXPEDITED|"
            "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED|"
            "MEMBARRIER_CMD_PRIVATE_EXPEDITED|"
            "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED|"
            "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE|"
            "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE|"
            "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ|"
            "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ|0x200)");
  r = Decode("membarrier", {16, 0, 0}, 0);
  EXPECT_EQ(r.all(), "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0");
  EXPECT_EQ(r.fmt, RetFormat::kDecimal);
  EXPECT_EQ(r.suffix, "");
}

TEST_F(DecoderTest, Prctl) {
  mem.MapString(0x1000, "myname");
  EXPECT_EQ(Text("prctl", {PR_SET_NAME, 0x1000}), "PR_SET_NAME, \"myname\"");
  Result r = Decode("prctl", {PR_GET_NAME, 0x1000}, 0);
  EXPECT_EQ(r.enter, "PR_GET_NAME, ");
  EXPECT_EQ(r.exit, "\"myname\"");
  EXPECT_EQ(Text("prctl", {PR_SET_PDEATHSIG, SIGKILL}),
            "PR_SET_PDEATHSIG, SIGKILL");
  r = Decode("prctl", {PR_GET_DUMPABLE, 0, 0, 0, 0}, 1);
  EXPECT_EQ(r.all(), "PR_GET_DUMPABLE");
  EXPECT_EQ(r.suffix, " (SUID_DUMP_USER)");
  EXPECT_EQ(Text("prctl", {PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0}),
            "PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0");
  EXPECT_EQ(Text("prctl", {PR_CAPBSET_READ, 5}, 1),
            "PR_CAPBSET_READ, CAP_KILL");
  EXPECT_EQ(Text("prctl", {PR_SET_TIMERSLACK, 1000}),
            "PR_SET_TIMERSLACK, 1000");
  EXPECT_EQ(Text("prctl", {PR_SET_CHILD_SUBREAPER, 1}),
            "PR_SET_CHILD_SUBREAPER, 1");
  mem.MapString(0x2000, "x");
  EXPECT_EQ(Text("prctl", {0x53564d41, 0, 0x1000, 4096, 0x2000}, -22),
            "PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0x1000, 4096, \"x\"");
  EXPECT_EQ(Text("prctl", {9999, 1, 2, 3, 4}, -22),
            "0x270f /* PR_??? */, 0x1, 0x2, 0x3, 0x4");
  int32_t sig = SIGTERM;
  mem.Map(0x3000, &sig, 4);
  EXPECT_EQ(Text("prctl", {PR_GET_PDEATHSIG, 0x3000}),
            "PR_GET_PDEATHSIG, [SIGTERM]");
  EXPECT_EQ(Text("prctl", {PR_GET_KEEPCAPS, 0, 0, 0, 0}), "PR_GET_KEEPCAPS");
}

TEST_F(DecoderTest, UnameAndSysinfo) {
  struct utsname u = {};
  strcpy(u.sysname, "Linux");
  strcpy(u.nodename, "vm");
  strcpy(u.release, "6.1.0");
  strcpy(u.version, "#1 SMP");
  strcpy(u.machine, "x86_64");
  strcpy(u.domainname, "(none)");
  mem.Map(0x1000, &u, sizeof(u));
  Result r = Decode("uname", {0x1000}, 0);
  EXPECT_EQ(r.enter, "");
  EXPECT_EQ(r.exit, "{sysname=\"Linux\", nodename=\"vm\", ...}");
  EXPECT_EQ(Text("uname", {0x1000}, -14), "0x1000");
  opts.verbose = true;
  EXPECT_EQ(Text("uname", {0x1000}),
            "{sysname=\"Linux\", nodename=\"vm\", release=\"6.1.0\", "
            "version=\"#1 SMP\", machine=\"x86_64\", domainname=\"(none)\"}");
  opts.verbose = false;
  struct sysinfo si = {};
  si.uptime = 4188;
  si.loads[0] = 187936;
  si.loads[1] = 198912;
  si.loads[2] = 139072;
  si.totalram = 25276502016;
  si.freeram = 22874083328;
  si.sharedram = 9084928;
  si.bufferram = 19468288;
  si.procs = 212;
  si.mem_unit = 1;
  mem.Map(0x2000, &si, sizeof(si));
  EXPECT_EQ(Text("sysinfo", {0x2000}),
            "{uptime=4188, loads=[187936, 198912, 139072], "
            "totalram=25276502016, freeram=22874083328, sharedram=9084928, "
            "bufferram=19468288, totalswap=0, freeswap=0, procs=212, "
            "totalhigh=0, freehigh=0, mem_unit=1}");
}

TEST_F(DecoderTest, SchedAffinity) {
  uint64_t cpus[16] = {3};
  mem.Map(0x1000, cpus, sizeof(cpus));
  Result r = Decode("sched_getaffinity", {0, 128, 0x1000}, 32);
  EXPECT_EQ(r.enter, "0, 128, ");
  EXPECT_EQ(r.exit, "[0 1]");
  EXPECT_EQ(Text("sched_getaffinity", {0, 128, 0x1000}, -22), "0, 128, 0x1000");
  uint64_t set[16] = {5, 1};
  mem.Map(0x2000, set, sizeof(set));
  EXPECT_EQ(Text("sched_setaffinity", {0, 128, 0x2000}), "0, 128, [0 2 64]");
  // As strace 6.1: exactly `len` bytes, however few; no -s limit; only the
  // first 128 bytes, then " ..."; a set not readable whole: its address.
  EXPECT_EQ(Text("sched_setaffinity", {0, 2, 0x2000}), "0, 2, [0 2]");
  EXPECT_EQ(Text("sched_setaffinity", {0, 0, 0x2000}), "0, 0, []");
  uint64_t all[16];
  memset(all, 0xff, sizeof(all));
  mem.Map(0x3000, all, sizeof(all));
  opts.string_limit = 4;
  const std::string every = Text("sched_setaffinity", {0, 128, 0x3000});
  EXPECT_TRUE(absl::EndsWith(every, " 1022 1023]")) << every;
  EXPECT_EQ(Text("sched_setaffinity", {0, 129, 0x2000}),
            "0, 129, [0 2 64 ...]");
  // 0x3000..0x307f readable: 8 bytes from 0x307c are not all.
  EXPECT_EQ(Text("sched_setaffinity", {0, 8, 0x307c}), "0, 8, 0x307c");
}

TEST_F(DecoderTest, SignalWaits) {
  uint64_t empty = 0, usr2 = 1ull << (SIGUSR2 - 1);
  mem.Map(0x1000, &empty, 8);
  mem.Map(0x1008, &usr2, 8);
  EXPECT_EQ(Text("rt_sigsuspend", {0x1000, 8}, -514), "[], 8");
  // rt_sigtimedwait: siginfo and timeout at exit, the signal after the
  // result.
  siginfo_t si = {};
  si.si_signo = SIGUSR2;
  si.si_code = SI_TKILL;
  si.si_pid = 20162;
  si.si_uid = 0;
  mem.Map(0x2000, &si, sizeof(si));
  int64_t ts[2] = {0, 1000};
  mem.Map(0x3000, ts, sizeof(ts));
  Result r = Decode("rt_sigtimedwait", {0x1008, 0x2000, 0x3000, 8}, 12);
  EXPECT_EQ(r.enter, "[USR2], ");
  EXPECT_EQ(r.exit,
            "{si_signo=SIGUSR2, si_code=SI_TKILL, si_pid=20162, si_uid=0}, "
            "{tv_sec=0, tv_nsec=1000}, 8");
  EXPECT_EQ(r.suffix, " (SIGUSR2)");
  r = Decode("rt_sigtimedwait", {0x1008, 0x2000, 0x3000, 8}, -11);
  EXPECT_EQ(r.all(), "[USR2], 0x2000, {tv_sec=0, tv_nsec=1000}, 8");
  EXPECT_EQ(r.suffix, "");
  r = Decode("rt_sigtimedwait", {0x1008, 0, 0x3000, 8}, 12);
  EXPECT_EQ(r.enter, "[USR2], NULL, {tv_sec=0, tv_nsec=1000}, 8");
  EXPECT_EQ(r.exit, "");
  // waitid with a SIGCHLD siginfo.
  siginfo_t chld = {};
  chld.si_signo = SIGCHLD;
  chld.si_code = CLD_EXITED;
  chld.si_pid = 20163;
  chld.si_status = 3;
  mem.Map(0x4000, &chld, sizeof(chld));
  r = Decode("waitid", {P_PID, 20163, 0x4000, WEXITED, 0}, 0);
  EXPECT_EQ(r.enter, "P_PID, 20163, ");
  EXPECT_EQ(r.exit,
            "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=20163, si_uid=0, "
            "si_status=3, si_utime=0, si_stime=0}, WEXITED, NULL");
  EXPECT_EQ(Text("waitid", {P_ALL, 0, 0x4000, WEXITED | WNOHANG, 0}, -10),
            "P_ALL, 0, 0x4000, WNOHANG|WEXITED, NULL");
  siginfo_t none = {};
  mem.Map(0x5000, &none, sizeof(none));
  EXPECT_EQ(Text("waitid", {P_ALL, 0, 0x5000, WEXITED | WNOHANG, 0}),
            "P_ALL, 0, {}, WNOHANG|WEXITED, NULL");
  siginfo_t killed = chld;
  killed.si_code = CLD_KILLED;
  killed.si_status = SIGKILL;
  killed.si_utime = 5;
  mem.Map(0x6000, &killed, sizeof(killed));
  EXPECT_EQ(Text("waitid", {P_PID, 7, 0x6000, WEXITED, 0}),
            "P_PID, 7, {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=20163, "
            "si_uid=0, si_status=SIGKILL, si_utime=5 /* 0.05 s */, "
            "si_stime=0}, WEXITED, NULL");
}

TEST_F(DecoderTest, Sigaltstack) {
  struct {
    uint64_t sp;
    int32_t flags, pad;
    uint64_t size;
  } st = {0x55570508b2a0, 0, 0, 65536}, old = {0, SS_DISABLE, 0, 0};
  mem.Map(0x1000, &st, sizeof(st));
  mem.Map(0x2000, &old, sizeof(old));
  Result r = Decode("sigaltstack", {0x1000, 0x2000}, 0);
  EXPECT_EQ(r.enter, "{ss_sp=0x55570508b2a0, ss_flags=0, ss_size=65536}, ");
  EXPECT_EQ(r.exit, "{ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}");
  EXPECT_EQ(Text("sigaltstack", {0, 0x1000}),
            "NULL, {ss_sp=0x55570508b2a0, ss_flags=0, ss_size=65536}");
}

TEST_F(DecoderTest, Time) {
  setenv("TZ", "UTC", 1);
  tzset();
  int64_t tv[2] = {1795721802, 976406};
  int32_t tz[2] = {0, 0};
  mem.Map(0x1000, tv, sizeof(tv));
  mem.Map(0x2000, tz, sizeof(tz));
  EXPECT_EQ(Text("gettimeofday", {0x1000, 0}),
            "{tv_sec=1795721802, tv_usec=976406}, NULL");
  EXPECT_EQ(Text("gettimeofday", {0x1000, 0x2000}),
            "{tv_sec=1795721802, tv_usec=976406}, "
            "{tz_minuteswest=0, tz_dsttime=0}");
  Result r = Decode("time", {0x1000}, 1795721802);
  EXPECT_EQ(r.all(), "[1795721802 /* 2026-11-26T19:36:42+0000 */]");
  EXPECT_EQ(r.suffix, " (2026-11-26T19:36:42+0000)");
  r = Decode("time", {0}, 1795721802);
  EXPECT_EQ(r.all(), "NULL");
  EXPECT_EQ(r.suffix, " (2026-11-26T19:36:42+0000)");
}

TEST_F(DecoderTest, RestartSyscall) {
  ArgDecoder dec(&mem, opts);
  SyscallCall c;
  c.tid = 4321;
  c.nr = SyscallTable::Get().Number(kArchX86_64, "clock_nanosleep");
  std::string out;
  RetFormat fmt;
  dec.DecodeExit(c, -516, &out, &fmt);  // ERESTART_RESTARTBLOCK
  SyscallCall r;
  r.tid = 4321;
  r.nr = SyscallTable::Get().Number(kArchX86_64, "restart_syscall");
  out.clear();
  dec.DecodeEntry(r, &out);
  EXPECT_EQ(out, "<... resuming interrupted clock_nanosleep ...>");
  // Interrupted again: still the original call.
  dec.DecodeExit(r, -516, &out, &fmt);
  out.clear();
  dec.DecodeEntry(r, &out);
  EXPECT_EQ(out, "<... resuming interrupted clock_nanosleep ...>");
  r.tid = 4322;
  out.clear();
  dec.DecodeEntry(r, &out);
  EXPECT_EQ(out, "<... resuming interrupted system call ...>");
}

// --------------------------------------------------------------------------
// Waiting: futex, poll, select, epoll, eventfd/timerfd/signalfd.
// --------------------------------------------------------------------------
TEST_F(DecoderTest, Futex) {
  constexpr uint64_t kAddr = 0x7fff234d887c, kAddr2 = 0x7fff234d8960;
  int64_t ts[2] = {0, 1000};
  mem.Map(0x1000, ts, sizeof(ts));
  Result r = Decode("futex", {kAddr, 128, 1, 0, 0, 0}, -11);
  EXPECT_EQ(r.enter, "0x7fff234d887c, FUTEX_WAIT_PRIVATE, 1, NULL");
  EXPECT_EQ(r.exit, "");
  EXPECT_EQ(Text("futex", {kAddr, 128, 0, 0x1000, 0, 0}, -110),
            "0x7fff234d887c, FUTEX_WAIT_PRIVATE, 0, {tv_sec=0, tv_nsec=1000}");
  EXPECT_EQ(Text("futex", {kAddr, 129, 1, 0, 0, 0}),
            "0x7fff234d887c, FUTEX_WAKE_PRIVATE, 1");
  EXPECT_EQ(Text("futex", {kAddr, 1, 2147483647, 0, 0, 0}),
            "0x7fff234d887c, FUTEX_WAKE, 2147483647");
  EXPECT_EQ(Text("futex", {kAddr, 0x81, 0x7fffffff, 0, 3, 0}),
            "0x7fff234d887c, FUTEX_WAKE_PRIVATE, 2147483647");
  EXPECT_EQ(
      Text("futex", {kAddr, 9 | 128 | 256, 1, 0x1000, 0, 0xffffffff}, -11),
      "0x7fff234d887c, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, "
      "1, {tv_sec=0, tv_nsec=1000}, FUTEX_BITSET_MATCH_ANY");
  EXPECT_EQ(Text("futex", {kAddr, 133, 1, 1, kAddr2, 0x04000001}),
            "0x7fff234d887c, FUTEX_WAKE_OP_PRIVATE, 1, 1, 0x7fff234d8960, "
            "FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_GT<<24|0x1");
  EXPECT_EQ(Text("futex", {kAddr, 5, 1, 1, kAddr2, 0xd6123456}),
            "0x7fff234d887c, FUTEX_WAKE_OP, 1, 1, 0x7fff234d8960, "
            "FUTEX_OP_OPARG_SHIFT<<28|0x5<<28 /* FUTEX_OP_??? */|0x123<<12|"
            "0x6<<24 /* FUTEX_OP_CMP_??? */|0x456");
  EXPECT_EQ(Text("futex", {kAddr, 131, 1, 2, kAddr2, 0}),
            "0x7fff234d887c, FUTEX_REQUEUE_PRIVATE, 1, 2, 0x7fff234d8960");
  EXPECT_EQ(Text("futex", {kAddr, 132, 1, 2, kAddr2, 0}),
            "0x7fff234d887c, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, "
            "0x7fff234d8960, 0");
  EXPECT_EQ(Text("futex", {kAddr, 134, 0, 0, 0, 0}),
            "0x7fff234d887c, FUTEX_LOCK_PI_PRIVATE, NULL");
  EXPECT_EQ(Text("futex", {kAddr, 135, 0, 0, 0, 0}),
            "0x7fff234d887c, FUTEX_UNLOCK_PI_PRIVATE");
  EXPECT_EQ(Text("futex", {kAddr, 10, 1, 0, 0, 5}),
            "0x7fff234d887c, FUTEX_WAKE_BITSET, 1, 0x5");
  EXPECT_EQ(Text("futex", {kAddr, 99, 0x7fffffff, 0, 3, 0}, -38),
            "0x7fff234d887c, 0x63 /* FUTEX_??? */, 2147483647, NULL, 0x3, 0");
  EXPECT_EQ(Text("futex", {kAddr, 130, 1, 0, 0, 0}, -38),
            "0x7fff234d887c, FUTEX_FD|FUTEX_PRIVATE_FLAG, 1");
  // i386: 32-bit timespec; futex_time64 has 64-bit ones.
  int32_t ts32[2] = {2, 3};
  mem.Map(0x2000, ts32, sizeof(ts32));
  EXPECT_EQ(
      Decode("futex", {0x804a000, 128, 0, 0x2000, 0, 0}, -110, kArchI386).all(),
      "0x804a000, FUTEX_WAIT_PRIVATE, 0, {tv_sec=2, tv_nsec=3}");
  EXPECT_EQ(
      Decode("futex_time64", {0x804a000, 128, 0, 0x1000, 0, 0}, -110, kArchI386)
          .all(),
      "0x804a000, FUTEX_WAIT_PRIVATE, 0, {tv_sec=0, tv_nsec=1000}");
}

struct PollFd {
  int32_t fd;
  int16_t events, revents;
};

TEST_F(DecoderTest, Poll) {
  PollFd in[3] = {{4, POLLIN, 0}, {5, POLLOUT | POLLPRI, 0}, {-1, POLLIN, 0}};
  mem.Map(0x1000, in, sizeof(in));
  Result r = Decode("poll", {0x1000, 3, 100}, 2);
  EXPECT_EQ(r.enter,
            "[{fd=4, events=POLLIN}, {fd=5, events=POLLPRI|POLLOUT}, "
            "{fd=-1}], 3, 100");
  EXPECT_EQ(r.exit, "");
  EXPECT_EQ(r.suffix, "");  // no revents in memory yet
  PollFd out[3] = {
      {4, POLLIN, POLLIN}, {5, POLLOUT | POLLPRI, POLLOUT}, {-1, POLLIN, 0}};
  mem.Map(0x1000, out, sizeof(out));
  r = Decode("poll", {0x1000, 3, 100}, 2);
  EXPECT_EQ(r.suffix, " ([{fd=4, revents=POLLIN}, {fd=5, revents=POLLOUT}])");
  r = Decode("poll", {0x1000, 1, 0}, 0);
  EXPECT_EQ(r.all(), "[{fd=4, events=POLLIN}], 1, 0");
  EXPECT_EQ(r.suffix, " (Timeout)");
  r = Decode("poll", {0, 0, 1}, 0);
  EXPECT_EQ(r.all(), "NULL, 0, 1");
  EXPECT_EQ(r.suffix, " (Timeout)");
  r = Decode("poll", {0x1000, 3, kMinus1}, -4);
  EXPECT_EQ(r.suffix, "");
  EXPECT_EQ(Text("poll", {0x9000, 2, 0}, -14), "0x9000, 2, 0");
  // -s limits the array, not the revents.
  opts.string_limit = 1;
  r = Decode("poll", {0x1000, 2, 0}, 2);
  EXPECT_EQ(r.all(), "[{fd=4, events=POLLIN}, ...], 2, 0");
  EXPECT_EQ(r.suffix, " ([{fd=4, revents=POLLIN}, ...])");
}

// -e verbose=SET without poll/select: the arguments bare; strace then
// lists no revents after poll's result, yet still select's ready
// descriptors (with the time left bare).
TEST_F(DecoderTest, PollAndSelectNotVerbose) {
  opts.verbose_set = SyscallFilter::None();
  PollFd out[1] = {{4, POLLIN, POLLIN}};
  mem.Map(0x1000, out, sizeof(out));
  Result r = Decode("poll", {0x1000, 1, 100}, 1);
  EXPECT_EQ(r.all(), "0x1000, 1, 100");
  EXPECT_EQ(r.suffix, "");
  EXPECT_EQ(Decode("poll", {0x1000, 1, 100}, 0).suffix, " (Timeout)");
  uint64_t rs = 1 << 3;
  mem.Map(0x2000, &rs, 8);
  int64_t tv[2] = {0, 1000};
  mem.Map(0x3000, tv, sizeof(tv));
  r = Decode("select", {4, 0x2000, 0x2000, 0, 0x3000}, 2);
  EXPECT_EQ(r.all(), "4, 0x2000, 0x2000, NULL, 0x3000");
  EXPECT_EQ(r.suffix, " (in [3], out [3], left 0x3000)");
}

TEST_F(DecoderTest, Ppoll) {
  PollFd fds[2] = {{4, POLLIN, 0}, {5, POLLOUT | POLLPRI, POLLOUT}};
  mem.Map(0x1000, fds, sizeof(fds));
  int64_t ts[2] = {0, 1000};
  mem.Map(0x2000, ts, sizeof(ts));
  uint64_t usr1 = 1ull << (SIGUSR1 - 1);
  mem.Map(0x3000, &usr1, 8);
  Result r = Decode("ppoll", {0x1000, 2, 0x2000, 0x3000, 8}, 1);
  EXPECT_EQ(r.all(),
            "[{fd=4, events=POLLIN}, {fd=5, events=POLLPRI|POLLOUT}], 2, "
            "{tv_sec=0, tv_nsec=1000}, [USR1], 8");
  int64_t left[2] = {0, 0};
  mem.Map(0x2000, left, sizeof(left));
  r = Decode("ppoll", {0x1000, 2, 0x2000, 0x3000, 8}, 1);
  EXPECT_EQ(r.suffix,
            " ([{fd=5, revents=POLLOUT}], left {tv_sec=0, tv_nsec=0})");
  r = Decode("ppoll", {0x1000, 1, 0x2000, 0, 8}, 0);
  EXPECT_EQ(r.all(),
            "[{fd=4, events=POLLIN}], 1, {tv_sec=0, tv_nsec=0}, "
            "NULL, 8");
  EXPECT_EQ(r.suffix, " (Timeout)");
  PollFd rd = {4, POLLIN | POLLRDNORM, POLLIN | POLLRDNORM};
  mem.Map(0x4000, &rd, sizeof(rd));
  r = Decode("ppoll", {0x4000, 1, 0, 0, 8}, 1);
  EXPECT_EQ(r.all(), "[{fd=4, events=POLLIN|POLLRDNORM}], 1, NULL, NULL, 8");
  EXPECT_EQ(r.suffix, " ([{fd=4, revents=POLLIN|POLLRDNORM}])");
}

TEST_F(DecoderTest, Select) {
  uint64_t rs = (1 << 0) | (1 << 3), ws = 0;
  mem.Map(0x1000, &rs, 8);
  mem.Map(0x2000, &ws, 8);
  int64_t tv[2] = {0, 1000};
  mem.Map(0x3000, tv, sizeof(tv));
  Result r = Decode("select", {4, 0x1000, 0, 0, 0x3000}, 2);
  EXPECT_EQ(r.all(), "4, [0 3], NULL, NULL, {tv_sec=0, tv_usec=1000}");
  EXPECT_EQ(r.suffix, " (in [0 3], left {tv_sec=0, tv_usec=1000})");
  uint64_t only3 = 1 << 3;
  mem.Map(0x4000, &only3, 8);
  r = Decode("select", {4, 0x4000, 0x4000, 0, 0}, 2);
  EXPECT_EQ(r.all(), "4, [3], [3], NULL, NULL");
  EXPECT_EQ(r.suffix, " (in [3], out [3])");
  r = Decode("select", {1, 0, 0, 0, 0x3000}, 0);
  EXPECT_EQ(r.suffix, " (Timeout)");
  // pselect6: timespec and the {sigmask, sigsetsize} pair.
  int64_t ts[2] = {1, 500000};
  mem.Map(0x5000, ts, sizeof(ts));
  uint64_t usr2 = 1ull << (SIGUSR2 - 1);
  mem.Map(0x6000, &usr2, 8);
  uint64_t sigdata[2] = {0x6000, 8};
  mem.Map(0x7000, sigdata, sizeof(sigdata));
  r = Decode("pselect6", {4, 0x4000, 0x2000, 0, 0x5000, 0x7000}, 1);
  EXPECT_EQ(r.all(),
            "4, [3], [], NULL, {tv_sec=1, tv_nsec=500000}, "
            "{sigmask=[USR2], sigsetsize=8}");
  EXPECT_EQ(r.suffix, " (in [3], left {tv_sec=1, tv_nsec=500000})");
  uint64_t nullmask[2] = {0, 8};
  mem.Map(0x8000, nullmask, sizeof(nullmask));
  EXPECT_EQ(Text("pselect6", {1, 0, 0, 0, 0x5000, 0x8000}),
            "1, NULL, NULL, NULL, {tv_sec=1, tv_nsec=500000}, "
            "{sigmask=NULL, sigsetsize=8}");
  EXPECT_EQ(Text("pselect6", {1, 0, 0, 0, 0, 0}),
            "1, NULL, NULL, NULL, NULL, "
            "NULL");
  opts.fd_paths = true;
  mem.SetFdPath(0, "/dev/null");
  mem.SetFdPath(3, "/tmp/tt/d");
  r = Decode("select", {4, 0x1000, 0, 0, 0x3000}, 2);
  EXPECT_EQ(r.all(),
            "4, [0</dev/null> 3</tmp/tt/d>], NULL, NULL, "
            "{tv_sec=0, tv_usec=1000}");
  EXPECT_EQ(r.suffix, " (in [0 3], left {tv_sec=0, tv_usec=1000})");
}

#pragma pack(push, 4)
struct EpollEvent {
  uint32_t events;
  uint64_t data;
};
#pragma pack(pop)

TEST_F(DecoderTest, Epoll) {
  Result r = Decode("epoll_create1", {O_CLOEXEC}, 6);
  EXPECT_EQ(r.all(), "EPOLL_CLOEXEC");
  EXPECT_EQ(Text("epoll_create", {10}, 7), "10");
  EpollEvent ev = {EPOLLIN | EPOLLET, 0x1234567890ull};
  mem.Map(0x1000, &ev, sizeof(ev));
  EXPECT_EQ(Text("epoll_ctl", {6, EPOLL_CTL_ADD, 4, 0x1000}),
            "6, EPOLL_CTL_ADD, 4, {events=EPOLLIN|EPOLLET, "
            "data={u32=878082192, u64=78187493520}}");
  EXPECT_EQ(Text("epoll_ctl", {6, EPOLL_CTL_DEL, 5, 0}),
            "6, EPOLL_CTL_DEL, 5, NULL");
  EpollEvent mod = {EPOLLIN | EPOLLRDHUP | EPOLLONESHOT, 77309411333ull};
  mem.Map(0x2000, &mod, sizeof(mod));
  EXPECT_EQ(Text("epoll_ctl", {6, EPOLL_CTL_MOD, 4, 0x2000}),
            "6, EPOLL_CTL_MOD, 4, {events=EPOLLIN|EPOLLRDHUP|EPOLLONESHOT, "
            "data={u32=5, u64=77309411333}}");
  EpollEvent got[2] = {{EPOLLIN, 77309411333ull}, {EPOLLOUT | EPOLLHUP, 7}};
  mem.Map(0x3000, got, sizeof(got));
  r = Decode("epoll_wait", {6, 0x3000, 4, 10}, 1);
  EXPECT_EQ(r.enter, "6, ");
  EXPECT_EQ(r.exit, "[{events=EPOLLIN, data={u32=5, u64=77309411333}}], 4, 10");
  EXPECT_EQ(Text("epoll_wait", {6, 0x3000, 4, 0}, 0), "6, [], 4, 0");
  EXPECT_EQ(Text("epoll_wait", {6, 0x3000, 4, kMinus1}, -4),
            "6, 0x3000, 4, -1");
  uint64_t usr2 = 1ull << (SIGUSR2 - 1);
  mem.Map(0x4000, &usr2, 8);
  EXPECT_EQ(Text("epoll_pwait", {6, 0x3000, 4, 0, 0x4000, 8}, 2),
            "6, [{events=EPOLLIN, data={u32=5, u64=77309411333}}, "
            "{events=EPOLLOUT|EPOLLHUP, data={u32=7, u64=7}}], 4, 0, "
            "[USR2], 8");
  EXPECT_EQ(Text("epoll_pwait", {6, 0x3000, 4, 0, 0, 8}, 0),
            "6, [], 4, 0, NULL, 8");
}

TEST_F(DecoderTest, EventfdTimerfdSignalfd) {
  EXPECT_EQ(Text("eventfd2", {3, EFD_CLOEXEC | EFD_NONBLOCK}, 8),
            "3, EFD_CLOEXEC|EFD_NONBLOCK");
  EXPECT_EQ(Text("eventfd2", {0, 0}, 9), "0, 0");
  EXPECT_EQ(Text("eventfd2", {5, EFD_SEMAPHORE}, 11), "5, EFD_SEMAPHORE");
  EXPECT_EQ(Text("eventfd", {1}, 11), "1");
  EXPECT_EQ(
      Text("timerfd_create", {CLOCK_MONOTONIC, O_CLOEXEC | O_NONBLOCK}, 12),
      "CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK");
  EXPECT_EQ(Text("timerfd_create", {CLOCK_REALTIME, 0}, 13),
            "CLOCK_REALTIME, 0");
  int64_t its[4] = {1, 0, 0, 500000000};
  mem.Map(0x1000, its, sizeof(its));
  int64_t old[4] = {1, 0, 0, 499986741};
  mem.Map(0x2000, old, sizeof(old));
  EXPECT_EQ(Text("timerfd_settime", {12, 0, 0x1000, 0}),
            "12, 0, {it_interval={tv_sec=1, tv_nsec=0}, "
            "it_value={tv_sec=0, tv_nsec=500000000}}, NULL");
  Result r = Decode("timerfd_settime", {12, 1, 0x1000, 0x2000}, 0);
  EXPECT_EQ(r.enter,
            "12, TFD_TIMER_ABSTIME, {it_interval={tv_sec=1, tv_nsec=0}, "
            "it_value={tv_sec=0, tv_nsec=500000000}}, ");
  EXPECT_EQ(r.exit,
            "{it_interval={tv_sec=1, tv_nsec=0}, "
            "it_value={tv_sec=0, tv_nsec=499986741}}");
  EXPECT_EQ(Text("timerfd_gettime", {12, 0x2000}),
            "12, {it_interval={tv_sec=1, tv_nsec=0}, "
            "it_value={tv_sec=0, tv_nsec=499986741}}");
  uint64_t mask = (1ull << (SIGCHLD - 1)) | (1ull << (SIGINT - 1));
  mem.Map(0x3000, &mask, 8);
  EXPECT_EQ(Text("signalfd4", {kMinus1, 0x3000, 8, O_CLOEXEC}, 14),
            "-1, [INT CHLD], 8, SFD_CLOEXEC");
  EXPECT_EQ(Text("signalfd4", {kMinus1, 0x3000, 8, 0}, 15),
            "-1, [INT CHLD], 8, 0");
}

TEST_F(DecoderTest, PosixTimers) {
  struct {
    uint64_t value;
    int32_t signo, notify;
    uint64_t function, attributes;
    uint8_t pad[32];
  } ev = {0, SIGALRM, 0, 0, 0, {}};
  static_assert(sizeof(ev) == 64);
  mem.Map(0x1000, &ev, sizeof ev);
  int32_t id = 0;
  mem.Map(0x2000, &id, sizeof id);
  Result r = Decode("timer_create", {CLOCK_REALTIME, 0x1000, 0x2000}, 0);
  EXPECT_EQ(
      r.enter,
      "CLOCK_REALTIME, {sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}, ");
  EXPECT_EQ(r.exit, "[0]");
  EXPECT_EQ(Text("timer_create", {CLOCK_MONOTONIC, 0, 0x2000}),
            "CLOCK_MONOTONIC, NULL, [0]");
  EXPECT_EQ(Text("timer_create", {CLOCK_MONOTONIC, 8, 0x7ffcc411229c}, -14),
            "CLOCK_MONOTONIC, 0x8, 0x7ffcc411229c");
  // The value only when set; the signal number alone for SIGEV_NONE.
  ev = {0x1234, SIGALRM, 1, 0, 0, {}};
  mem.Map(0x1000, &ev, sizeof ev);
  EXPECT_EQ(Text("timer_create", {CLOCK_MONOTONIC, 0x1000, 0x2000}),
            "CLOCK_MONOTONIC, {sigev_value={sival_int=4660, sival_ptr=0x1234}, "
            "sigev_signo=14, sigev_notify=SIGEV_NONE}, [0]");
  ev = {0, SIGUSR1, 4, 21648, 0, {}};
  mem.Map(0x1000, &ev, sizeof ev);
  EXPECT_EQ(Text("timer_create", {CLOCK_MONOTONIC, 0x1000, 0x2000}),
            "CLOCK_MONOTONIC, {sigev_signo=SIGUSR1, "
            "sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id=21648}, [0]");
  ev = {0x1234, SIGALRM, 2, 0x515e, 0, {}};
  mem.Map(0x1000, &ev, sizeof ev);
  EXPECT_EQ(
      Text("timer_create", {CLOCK_MONOTONIC, 0x1000, 0}, -14),
      "CLOCK_MONOTONIC, {sigev_value={sival_int=4660, sival_ptr=0x1234}, "
      "sigev_signo=SIGALRM, sigev_notify=SIGEV_THREAD, "
      "sigev_notify_function=0x515e, sigev_notify_attributes=NULL}, NULL");
  ev = {0, 99, 77, 0, 0, {}};
  mem.Map(0x1000, &ev, sizeof ev);
  EXPECT_EQ(Text("timer_create", {0xfffffffa, 0x1000, 0x2000}, -22),
            "0xfffffffa /* CLOCK_??? */, {sigev_signo=99, "
            "sigev_notify=0x4d /* SIGEV_??? */}, 0x2000");
  int64_t its[4] = {0, 0, 0, 200000000};
  mem.Map(0x3000, its, sizeof its);
  int64_t old[4] = {0, 0, 0, 199988263};
  mem.Map(0x4000, old, sizeof old);
  EXPECT_EQ(Text("timer_settime", {0, 0, 0x3000, 0}),
            "0, 0, {it_interval={tv_sec=0, tv_nsec=0}, "
            "it_value={tv_sec=0, tv_nsec=200000000}}, NULL");
  r = Decode("timer_settime", {1, 1, 0x3000, 0x4000}, 0);
  EXPECT_EQ(r.enter,
            "1, TIMER_ABSTIME, {it_interval={tv_sec=0, tv_nsec=0}, "
            "it_value={tv_sec=0, tv_nsec=200000000}}, ");
  EXPECT_EQ(r.exit,
            "{it_interval={tv_sec=0, tv_nsec=0}, "
            "it_value={tv_sec=0, tv_nsec=199988263}}");
  EXPECT_EQ(Text("timer_settime", {99, 0, 0x3000, 0x4000}, -22),
            "99, 0, {it_interval={tv_sec=0, tv_nsec=0}, "
            "it_value={tv_sec=0, tv_nsec=200000000}}, 0x4000");
  EXPECT_EQ(Text("timer_gettime", {0, 0x4000}),
            "0, {it_interval={tv_sec=0, tv_nsec=0}, "
            "it_value={tv_sec=0, tv_nsec=199988263}}");
  EXPECT_EQ(Text("timer_gettime", {99, 0x4000}, -22), "99, 0x4000");
  EXPECT_EQ(Text("timer_getoverrun", {77}, -22), "77");
  EXPECT_EQ(Text("timer_delete", {0}), "0");
}

TEST_F(DecoderTest, Itimers) {
  int64_t iv[4] = {0, 0, 0, 50000};
  mem.Map(0x1000, iv, sizeof iv);
  int64_t old[4] = {0, 0, 0, 49968};
  mem.Map(0x2000, old, sizeof old);
  Result r = Decode("setitimer", {ITIMER_REAL, 0x1000, 0x2000}, 0);
  EXPECT_EQ(r.enter,
            "ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, "
            "it_value={tv_sec=0, tv_usec=50000}}, ");
  EXPECT_EQ(r.exit,
            "{it_interval={tv_sec=0, tv_usec=0}, "
            "it_value={tv_sec=0, tv_usec=49968}}");
  EXPECT_EQ(Text("setitimer", {ITIMER_PROF, 0x1000, 0}),
            "ITIMER_PROF, {it_interval={tv_sec=0, tv_usec=0}, "
            "it_value={tv_sec=0, tv_usec=50000}}, NULL");
  EXPECT_EQ(Text("getitimer", {ITIMER_VIRTUAL, 0x2000}),
            "ITIMER_VIRTUAL, {it_interval={tv_sec=0, tv_usec=0}, "
            "it_value={tv_sec=0, tv_usec=49968}}");
  EXPECT_EQ(Text("getitimer", {7, 0x7ffcc4112210}, -22),
            "0x7 /* ITIMER_??? */, 0x7ffcc4112210");
  // i386: 32-bit fields.
  int32_t iv32[4] = {1, 2, 3, 4};
  mem.Map(0x3000, iv32, sizeof iv32);
  EXPECT_EQ(Decode("getitimer", {0, 0x3000}, 0, kArchI386).all(),
            "ITIMER_REAL, {it_interval={tv_sec=1, tv_usec=2}, "
            "it_value={tv_sec=3, tv_usec=4}}");
}

// --------------------------------------------------------------------------
// Sockets.
// --------------------------------------------------------------------------
TEST_F(DecoderTest, Socket) {
  Result r = Decode("socket", {AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0}, 3);
  EXPECT_EQ(r.all(), "AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0");
  EXPECT_EQ(Text("socket", {AF_INET, SOCK_STREAM, IPPROTO_TCP}, 9),
            "AF_INET, SOCK_STREAM, IPPROTO_TCP");
  EXPECT_EQ(Text("socket", {AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK, 0}, 11),
            "AF_INET6, SOCK_DGRAM|SOCK_NONBLOCK, IPPROTO_IP");
  EXPECT_EQ(Text("socket", {AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, 0}, 12),
            "AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE");
  EXPECT_EQ(Text("socket", {AF_PACKET, SOCK_RAW, htons(3)}, 13),
            "AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)");
  EXPECT_EQ(Text("socket", {AF_INET, SOCK_DGRAM, IPPROTO_ICMP}, -13),
            "AF_INET, SOCK_DGRAM, IPPROTO_ICMP");
  EXPECT_EQ(Text("socket", {99, 1, 0}, -97),
            "0x63 /* AF_??? */, SOCK_STREAM, 0");
  int32_t sv[2] = {14, 15};
  mem.Map(0x1000, sv, sizeof(sv));
  r = Decode("socketpair", {AF_UNIX, SOCK_DGRAM, 0, 0x1000}, 0);
  EXPECT_EQ(r.enter, "AF_UNIX, SOCK_DGRAM, 0, ");
  EXPECT_EQ(r.exit, "[14, 15]");
  EXPECT_EQ(Text("listen", {3, 128}), "3, 128");
  EXPECT_EQ(Text("shutdown", {5, SHUT_WR}), "5, SHUT_WR");
}

TEST_F(DecoderTest, SockaddrBindConnect) {
  struct sockaddr_un un = {AF_UNIX, "/tmp/tt/sock"};
  mem.Map(0x1000, &un, sizeof(un));
  EXPECT_EQ(Text("bind", {3, 0x1000, sizeof(un)}),
            "3, {sa_family=AF_UNIX, sun_path=\"/tmp/tt/sock\"}, 110");
  EXPECT_EQ(Text("bind", {3, 0x1000, 15}, -98),
            "3, {sa_family=AF_UNIX, sun_path=\"/tmp/tt/sock\"}, 15");
  EXPECT_EQ(Text("connect", {4, 0x1000, 2}), "4, {sa_family=AF_UNIX}, 2");
  EXPECT_EQ(Text("connect", {4, 0x1000, 1}, -22), "4, 0x1000, 1");
  EXPECT_EQ(Text("connect", {4, 0, 16}, -14), "4, NULL, 16");
  struct sockaddr_un abs = {AF_UNIX};
  memcpy(abs.sun_path, "\0abstract", 9);
  mem.Map(0x2000, &abs, sizeof(abs));
  EXPECT_EQ(Text("bind", {8, 0x2000, 11}),
            "8, {sa_family=AF_UNIX, sun_path=@\"abstract\"}, 11");
  struct sockaddr_in in = {AF_INET, htons(80)};
  in.sin_addr.s_addr = htonl(0x7f000001);
  mem.Map(0x3000, &in, sizeof(in));
  EXPECT_EQ(Text("connect", {9, 0x3000, 16}, -111),
            "9, {sa_family=AF_INET, sin_port=htons(80), "
            "sin_addr=inet_addr(\"127.0.0.1\")}, 16");
  // AF_PACKET: sll_addr has halen bytes, as many as the length covers
  // (past sll_addr's 8).
  uint8_t sll[28] = {17, 0, 0, 3, 0, 0, 0, 0, 1, 0, 0, 10};
  for (int i = 0; i < 16; ++i) sll[12 + i] = static_cast<uint8_t>(0xa0 + i);
  mem.Map(0x6000, sll, sizeof sll);
  EXPECT_EQ(Text("connect", {3, 0x6000, 28}, -22),
            "3, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), "
            "sll_ifindex=0, sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_HOST, "
            "sll_halen=10, sll_addr=[0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, "
            "0xa6, 0xa7, 0xa8, 0xa9]}, 28");
  EXPECT_EQ(Text("connect", {3, 0x6000, 20}, -22),
            "3, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), "
            "sll_ifindex=0, sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_HOST, "
            "sll_halen=10, sll_addr=[0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, "
            "0xa6, 0xa7, ...]}, 20");
  // AF_XDP (the shared umem's fd only with XDP_SHARED_UMEM), AF_QIPCRTR,
  // AF_MCTP; shorter than their structures: sa_data.
  const uint8_t xdp[16] = {44, 0, 3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 7, 0, 0, 0};
  mem.Map(0x7000, xdp, sizeof xdp);
  EXPECT_EQ(Text("connect", {3, 0x7000, 16}, -22),
            "3, {sa_family=AF_XDP, sxdp_flags=XDP_SHARED_UMEM|XDP_COPY, "
            "sxdp_ifindex=0, sxdp_queue_id=3, sxdp_shared_umem_fd=7}, 16");
  const uint8_t qrtr[12] = {42, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0};
  mem.Map(0x7000, qrtr, sizeof qrtr);
  EXPECT_EQ(Text("connect", {3, 0x7000, 12}, -22),
            "3, {sa_family=AF_QIPCRTR, sq_node=QRTR_NODE_BCAST, sq_port=0x2}, "
            "12");
  const uint8_t mctp[12] = {45, 0, 1, 2, 0, 0, 0, 0, 0xff, 1, 8, 0};
  mem.Map(0x7000, mctp, sizeof mctp);
  EXPECT_EQ(Text("connect", {3, 0x7000, 12}, -22),
            "3, {sa_family=AF_MCTP, __smctp_pad0=0x201, "
            "smctp_network=MCTP_NET_ANY, smctp_addr={s_addr=MCTP_ADDR_ANY}, "
            "smctp_type=0x1, smctp_tag=0x8}, 12");
  EXPECT_EQ(
      Text("connect", {3, 0x7000, 11}, -22),
      "3, {sa_family=AF_MCTP, sa_data=\"\\1\\2\\0\\0\\0\\0\\377\\1\\10\"}, "
      "11");
  // AF_ALG: salg_type, the flags as -X verbose shows them, salg_name cut
  // where the length ends; not past salg_mask: sa_data.
  uint8_t alg[88] = {38, 0, 'h', 'a', 's', 'h'};
  const uint32_t alg_flags[2] = {0, 0x1001};
  memcpy(alg + 16, alg_flags, sizeof alg_flags);
  memcpy(alg + 24, "sha256", 6);
  mem.Map(0x7000, alg, sizeof alg);
  EXPECT_EQ(Text("bind", {3, 0x7000, 88}, -22),
            "3, {sa_family=AF_ALG, salg_type=\"hash\", salg_feat=0, "
            "salg_mask=0x1001 /* CRYPTO_ALG_KERN_DRIVER_ONLY|0x1 */, "
            "salg_name=\"sha256\"}, 88");
  EXPECT_EQ(Text("bind", {3, 0x7000, 27}, -22),
            "3, {sa_family=AF_ALG, salg_type=\"hash\", salg_feat=0, "
            "salg_mask=0x1001 /* CRYPTO_ALG_KERN_DRIVER_ONLY|0x1 */, "
            "salg_name=\"sh\"...}, 27");
  // AF_IPX, AF_X25.
  const uint8_t ipx[16] = {4, 0,    0x12, 0x34, 0,    0,    0xab, 0xcd,
                           0, 0x11, 0x22, 0x33, 0x44, 0x55, 0,    0};
  mem.Map(0x7100, ipx, sizeof ipx);
  EXPECT_EQ(Text("connect", {3, 0x7100, 16}, -9),
            "3, {sa_family=AF_IPX, sipx_port=htons(4660), "
            "sipx_network=htonl(0xabcd), sipx_node=[00, 0x11, 0x22, 0x33, "
            "0x44, 0x55], sipx_type=00}, 16");
  uint8_t x25[18] = {9, 0};
  memset(x25 + 2, '7', 16);
  mem.Map(0x7100, x25, sizeof x25);
  EXPECT_EQ(Text("connect", {3, 0x7100, 18}, -9),
            "3, {sa_family=AF_X25, sx25_addr={x25_addr=\"777777777777777\""
            "...}}, 18");
  // AF_NFC: sockaddr_nfc; sockaddr_nfc_llcp whole (service_name_len of
  // its name) or cut.
  uint8_t nfc[96] = {39, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 1, 0, 0, 0, 3, 9};
  memcpy(nfc + 18, "abc\0def", 7);
  nfc[88] = 6;
  mem.Map(0x7100, nfc, sizeof nfc);
  EXPECT_EQ(Text("connect", {3, 0x7100, 96}, -9),
            "3, {sa_family=AF_NFC, dev_idx=0, target_idx=0x5, "
            "nfc_protocol=NFC_PROTO_JEWEL, dsap=0x3 /* LLCP_SAP_OBEX */, "
            "ssap=0x9, service_name=\"abc\\0de\", service_name_len=6}, 96");
  EXPECT_EQ(Text("connect", {3, 0x7100, 17}, -9),
            "3, {sa_family=AF_NFC, dev_idx=0, target_idx=0x5, "
            "nfc_protocol=NFC_PROTO_JEWEL, ...}, 17");
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Text("bind", {3, 0x7000, 88}, -22),
            "3, {sa_family=0x26, salg_type=\"hash\", salg_feat=0, "
            "salg_mask=0x1001, salg_name=\"sha256\"}, 88");
  opts.xlat_style = XlatStyle::kAbbrev;
  // AF_VSOCK: struct sockaddr_vm (16 bytes; fewer: sa_data).
  uint8_t vm[16] = {40, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0};
  mem.Map(0x5000, vm, sizeof vm);
  EXPECT_EQ(Text("connect", {3, 0x5000, 16}, -104),
            "3, {sa_family=AF_VSOCK, svm_cid=VMADDR_CID_HOST, "
            "svm_port=VMADDR_PORT_ANY, svm_flags=0}, 16");
  const uint8_t vm2[16] = {40, 0, 5, 0, 9, 0, 0, 0, 3, 0, 0, 0, 3, 0, 1, 0};
  mem.Map(0x5000, vm2, sizeof vm2);
  EXPECT_EQ(Text("connect", {3, 0x5000, 16}, -22),
            "3, {sa_family=AF_VSOCK, svm_reserved1=0x5, svm_cid=0x3, "
            "svm_port=0x9, svm_flags=VMADDR_FLAG_TO_HOST|0x2, "
            "svm_zero=\"\\x00\\x01\\x00\"}, 16");
  EXPECT_EQ(Text("connect", {3, 0x5000, 12}, -22),
            "3, {sa_family=AF_VSOCK, "
            "sa_data=\"\\5\\0\\t\\0\\0\\0\\3\\0\\0\\0\"}, 12");
  opts.xlat_style = XlatStyle::kVerbose;
  mem.Map(0x5000, vm, sizeof vm);
  EXPECT_EQ(Text("connect", {3, 0x5000, 16}, -104),
            "3, {sa_family=0x28 /* AF_VSOCK */, svm_cid=0x2 /* VMADDR_CID_HOST "
            "*/, svm_port=0xffffffff /* VMADDR_PORT_ANY */, svm_flags=0}, 16");
  opts.xlat_style = XlatStyle::kAbbrev;
  opts.hex_strings = HexStrings::kAll;  // -xx: the address string in hex
  EXPECT_EQ(Text("connect", {9, 0x3000, 16}, -111),
            "9, {sa_family=AF_INET, sin_port=htons(80), "
            "sin_addr=inet_addr(\"\\x31\\x32\\x37\\x2e\\x30\\x2e\\x30\\x2e"
            "\\x31\")}, 16");
  opts.hex_strings = HexStrings::kNone;
  struct sockaddr_in6 in6 = {AF_INET6, htons(53)};
  in6.sin6_addr.s6_addr[15] = 1;
  mem.Map(0x4000, &in6, sizeof(in6));
  EXPECT_EQ(Text("connect", {11, 0x4000, 28}),
            "11, {sa_family=AF_INET6, sin6_port=htons(53), "
            "sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), "
            "sin6_scope_id=0}, 28");
  struct sockaddr_in6 ll = {AF_INET6, htons(53), htonl(5)};
  ll.sin6_addr.s6_addr[0] = 0xfe;
  ll.sin6_addr.s6_addr[1] = 0x80;
  ll.sin6_addr.s6_addr[15] = 1;
  mem.Map(0x5000, &ll, sizeof(ll));
  EXPECT_EQ(Text("connect", {11, 0x5000, 28}, -22),
            "11, {sa_family=AF_INET6, sin6_port=htons(53), "
            "sin6_flowinfo=htonl(5), inet_pton(AF_INET6, \"fe80::1\", "
            "&sin6_addr), sin6_scope_id=0}, 28");
  EXPECT_EQ(Text("connect", {11, 0x5000, 24}, -22),
            "11, {sa_family=AF_INET6, sin6_port=htons(53), "
            "sin6_flowinfo=htonl(5), inet_pton(AF_INET6, \"fe80::1\", "
            "&sin6_addr)}, 24");
  struct sockaddr_nl nl = {AF_NETLINK};
  mem.Map(0x6000, &nl, sizeof(nl));
  EXPECT_EQ(Text("bind", {12, 0x6000, 12}),
            "12, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12");
  uint8_t raw[16] = {99, 0, 'a', 'b', 0, 1};
  mem.Map(0x7000, raw, sizeof(raw));
  EXPECT_EQ(Text("bind", {12, 0x7000, 6}, -97),
            "12, {sa_family=0x63 /* AF_??? */, sa_data=\"ab\\0\\1\"}, 6");
}

// Socket address families strace 6.1 decodes past sa_data (each expected
// line is what strace printed for the same bytes).
TEST_F(DecoderTest, SockaddrBluetoothAx25Ieee802154Rxrpc) {
  // AF_BLUETOOTH: the structure by the length (sockaddr_hci, _sco, _rc,
  // _l2), others sa_data.
  uint8_t bt[16] = {31, 0};
  for (int i = 2; i < 16; ++i) bt[i] = static_cast<uint8_t>(i);
  mem.Map(0x7000, bt, sizeof bt);
  EXPECT_EQ(Text("connect", {3, 0x7000, 4}, -9),
            "3, {sa_family=AF_BLUETOOTH, hci_dev=htobs(770)}, 4");
  EXPECT_EQ(Text("connect", {3, 0x7000, 6}, -9),
            "3, {sa_family=AF_BLUETOOTH, hci_dev=htobs(770), "
            "hci_channel=0x504 /* HCI_CHANNEL_??? */}, 6");
  EXPECT_EQ(Text("connect", {3, 0x7000, 8}, -9),
            "3, {sa_family=AF_BLUETOOTH, sco_bdaddr=02:03:04:05:06:07}, 8");
  EXPECT_EQ(Text("connect", {3, 0x7000, 10}, -9),
            "3, {sa_family=AF_BLUETOOTH, rc_bdaddr=02:03:04:05:06:07, "
            "rc_channel=8}, 10");
  EXPECT_EQ(Text("connect", {3, 0x7000, 12}, -9),
            "3, {sa_family=AF_BLUETOOTH, l2_psm=htobs(0x302 /* L2CAP_PSM_??? "
            "*/), l2_bdaddr=04:05:06:07:08:09, "
            "l2_cid=htobs(L2CAP_CID_DYN_START+2762)}, 12");
  EXPECT_EQ(Text("connect", {3, 0x7000, 7}, -9),
            "3, {sa_family=AF_BLUETOOTH, sa_data=\"\\2\\3\\4\\5\\6\"}, 7");
  const uint8_t l2[14] = {31, 0, 0x81, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 0};
  mem.Map(0x7000, l2, sizeof l2);
  EXPECT_EQ(Text("bind", {3, 0x7000, 14}, -9),
            "3, {sa_family=AF_BLUETOOTH, "
            "l2_psm=htobs(L2CAP_PSM_LE_DYN_START+1), "
            "l2_bdaddr=00:00:00:00:00:00, l2_cid=htobs(L2CAP_CID_ATT), "
            "l2_bdaddr_type=BDADDR_LE_PUBLIC}, 14");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("bind", {3, 0x7000, 14}, -9),
            "3, {sa_family=0x1f /* AF_BLUETOOTH */, l2_psm=htobs(0x81 /* 0x80 "
            "/* L2CAP_PSM_LE_DYN_START */+1 */), "
            "l2_bdaddr=\"\\x00\\x00\\x00\\x00\\x00\\x00\" /* 00:00:00:00:00:00 "
            "*/, l2_cid=htobs(0x4 /* L2CAP_CID_ATT */), l2_bdaddr_type=0x1 /* "
            "BDADDR_LE_PUBLIC */}, 14");
  opts.xlat_style = XlatStyle::kAbbrev;
  // AF_AX25: sockaddr_ax25 (a canonical callsign bare), full_sockaddr_ax25
  // with digipeaters (others in hex with their text in a comment; the
  // null address "*"), cut by the length.
  uint8_t ax[72] = {3, 0, 0x9c, 0x60, 0x86, 0x82, 0x98, 0x98, 0x0a};
  mem.Map(0x7000, ax, sizeof ax);
  EXPECT_EQ(Text("connect", {3, 0x7000, 16}, -9),
            "3, {sa_family=AF_AX25, sax25_call=N0CALL-5, sax25_ndigis=0}, 16");
  ax[8] = 0x6a;
  ax[12] = 2;
  memcpy(ax + 16, "\x40\x40\x40\x40\x40\x40\x00\xae\x92\x88\x8a\x62\x40\x62",
         14);
  mem.Map(0x7000, ax, sizeof ax);
  EXPECT_EQ(Text("connect", {3, 0x7000, 72}, -9),
            "3, {sa_family=AF_AX25, fsa_ax25={sax25_call={ax25_call="
            "\"\\x9c\\x60\\x86\\x82\\x98\\x98\\x6a\"} /* N0CALL-5 */, "
            "sax25_ndigis=2}, fsa_digipeater=[*, {ax25_call="
            "\"\\xae\\x92\\x88\\x8a\\x62\\x40\\x62\"} /* WIDE1-1 */]}, 72");
  EXPECT_EQ(Text("connect", {3, 0x7000, 26}, -9),
            "3, {sa_family=AF_AX25, fsa_ax25={sax25_call={ax25_call="
            "\"\\x9c\\x60\\x86\\x82\\x98\\x98\\x6a\"} /* N0CALL-5 */, "
            "sax25_ndigis=2}, fsa_digipeater=[*, ...], ...}, 26");
  // AF_IEEE802154 (constants as -X verbose shows them), AF_RXRPC (the
  // transport as a sockaddr_in), AF_XDP without XDP_SHARED_UMEM (the fd
  // field in hex when not 0).
  uint8_t ieee[20] = {36,   0, 0, 0, 3, 0, 0, 0, 0xff,
                      0xff, 1, 2, 3, 4, 5, 6, 7, 8};
  mem.Map(0x7000, ieee, sizeof ieee);
  EXPECT_EQ(Text("connect", {3, 0x7000, 20}, -9),
            "3, {sa_family=AF_IEEE802154, addr={addr_type=0x3 /* "
            "IEEE802154_ADDR_LONG */, pan_id=0xffff /* "
            "IEEE802154_PANID_BROADCAST */, hwaddr=01:02:03:04:05:06:07:08}}, "
            "20");
  const uint8_t rx[36] = {33, 0, 1,    0,    2,   0, 16, 0,
                          2,  0, 0x1b, 0x5a, 127, 0, 0,  1};
  mem.Map(0x7000, rx, sizeof rx);
  EXPECT_EQ(Text("connect", {3, 0x7000, 36}, -9),
            "3, {sa_family=AF_RXRPC, srx_service=0x1 /* CM_SERVICE */, "
            "transport_type=SOCK_DGRAM, transport_len=16, "
            "transport={sin={sin_family=AF_INET, sin_port=htons(7002), "
            "sin_addr=inet_addr(\"127.0.0.1\")}}}, 36");
  const uint8_t xdp[16] = {44, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0, 5, 0, 0, 0};
  mem.Map(0x7000, xdp, sizeof xdp);
  EXPECT_EQ(Text("connect", {3, 0x7000, 16}, -22),
            "3, {sa_family=AF_XDP, sxdp_flags=XDP_COPY, sxdp_ifindex=0, "
            "sxdp_queue_id=3, sxdp_shared_umem_fd=0x5}, 16");
}

TEST_F(DecoderTest, AcceptAndSockname) {
  struct sockaddr_un peer = {AF_UNIX};
  mem.Map(0x1000, &peer, sizeof(peer));
  int32_t len = 110;
  mem.Map(0x2000, &len, 4);
  // The kernel writes 2 back at exit: the entry value is remembered.
  ArgDecoder dec(&mem, opts);
  SyscallCall c;
  c.tid = 1234;
  c.nr = SyscallTable::Get().Number(kArchX86_64, "accept");
  c.args = {3, 0x1000, 0x2000};
  std::string enter, exit;
  dec.DecodeEntry(c, &enter);
  EXPECT_EQ(enter, "3, ");
  int32_t two = 2;
  mem.Map(0x2000, &two, 4);
  RetFormat fmt;
  dec.DecodeExit(c, 5, &exit, &fmt);
  EXPECT_EQ(exit, "{sa_family=AF_UNIX}, [110 => 2]");
  // accept4, same lengths: flags at the end.
  EXPECT_EQ(
      Text("accept4", {3, 0x1000, 0x2000, SOCK_NONBLOCK | SOCK_CLOEXEC}, 7),
      "3, {sa_family=AF_UNIX}, [2], SOCK_CLOEXEC|SOCK_NONBLOCK");
  EXPECT_EQ(Text("accept4", {3, 0x1000, 0x2000, SOCK_CLOEXEC}, -512),
            "3, 0x1000, [2], SOCK_CLOEXEC");
  EXPECT_EQ(Text("accept", {3, 0, 0}, -11), "3, NULL, NULL");
  Result r = Decode("accept4", {3, 0, 0, SOCK_CLOEXEC}, -11);
  EXPECT_EQ(r.enter, "3, NULL, NULL, SOCK_CLOEXEC");
  EXPECT_EQ(r.exit, "");
  struct sockaddr_in6 in6 = {AF_INET6, htons(54220)};
  in6.sin6_addr.s6_addr[15] = 1;
  mem.Map(0x3000, &in6, sizeof(in6));
  int32_t len6 = 28;
  mem.Map(0x4000, &len6, 4);
  EXPECT_EQ(Text("getsockname", {11, 0x3000, 0x4000}),
            "11, {sa_family=AF_INET6, sin6_port=htons(54220), "
            "sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), "
            "sin6_scope_id=0}, [28]");
}

TEST_F(DecoderTest, SendtoRecvfromAddresses) {
  mem.Map(0x1000, "abc");
  struct sockaddr_in6 in6 = {AF_INET6, htons(53), htonl(5)};
  in6.sin6_addr.s6_addr[0] = 0xfe;
  in6.sin6_addr.s6_addr[1] = 0x80;
  in6.sin6_addr.s6_addr[15] = 1;
  mem.Map(0x2000, &in6, sizeof(in6));
  EXPECT_EQ(Text("sendto", {11, 0x1000, 3, 0, 0x2000, 28}, 3),
            "11, \"abc\", 3, 0, {sa_family=AF_INET6, sin6_port=htons(53), "
            "sin6_flowinfo=htonl(5), inet_pton(AF_INET6, \"fe80::1\", "
            "&sin6_addr), sin6_scope_id=0}, 28");
  int32_t len = 28;
  mem.Map(0x3000, &len, 4);
  EXPECT_EQ(Text("recvfrom",
                 {11, 0x7ffe70168370, 10, MSG_DONTWAIT, 0x2000, 0x3000}, -11),
            "11, 0x7ffe70168370, 10, MSG_DONTWAIT, 0x2000, [28]");
  EXPECT_EQ(Text("recvfrom", {11, 0x1000, 10, 0, 0x2000, 0x3000}, 3),
            "11, \"abc\", 10, 0, {sa_family=AF_INET6, sin6_port=htons(53), "
            "sin6_flowinfo=htonl(5), inet_pton(AF_INET6, \"fe80::1\", "
            "&sin6_addr), sin6_scope_id=0}, [28]");
}

struct MsgHdr {
  uint64_t name;
  uint32_t namelen, pad;
  uint64_t iov, iovlen, control, controllen;
  int32_t flags, pad2;
};

TEST_F(DecoderTest, SendmsgRecvmsg) {
  char data[] = "hello\0\0\0";
  mem.Map(0x1000, data, 8);
  uint64_t iov[4] = {0x1000, 5, 0x1005, 3};
  mem.Map(0x2000, iov, sizeof(iov));
  MsgHdr m = {0, 0, 0, 0x2000, 2, 0, 0, 0, 0};
  mem.Map(0x3000, &m, sizeof(m));
  EXPECT_EQ(Text("sendmsg", {4, 0x3000, MSG_NOSIGNAL}, 8),
            "4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
            "iov_len=5}, {iov_base=\"\\0\\0\\0\", iov_len=3}], msg_iovlen=2, "
            "msg_controllen=0, msg_flags=0}, MSG_NOSIGNAL");
  // recvmsg: data up to the result, msg_namelen changed by the kernel.
  uint64_t riov[2] = {0x1000, 64};
  mem.Map(0x4000, riov, sizeof(riov));
  MsgHdr rm = {0x7ffe701684b0, 110, 0, 0x4000, 1, 0, 0, 0, 0};
  mem.Map(0x5000, &rm, sizeof(rm));
  ArgDecoder dec(&mem, opts);
  SyscallCall c;
  c.tid = 1234;
  c.nr = SyscallTable::Get().Number(kArchX86_64, "recvmsg");
  c.args = {5, 0x5000, MSG_DONTWAIT};
  std::string enter, exit;
  dec.DecodeEntry(c, &enter);
  EXPECT_EQ(enter, "5, ");
  rm.namelen = 0;
  mem.Map(0x5000, &rm, sizeof(rm));
  RetFormat fmt;
  dec.DecodeExit(c, 8, &exit, &fmt);
  EXPECT_EQ(exit,
            "{msg_name=0x7ffe701684b0, msg_namelen=110 => 0, "
            "msg_iov=[{iov_base=\"hello\\0\\0\\0\", iov_len=64}], "
            "msg_iovlen=1, msg_controllen=0, msg_flags=0}, MSG_DONTWAIT");
  EXPECT_EQ(Text("recvmsg", {5, 0x5000, MSG_DONTWAIT}, -11),
            "5, {msg_namelen=0}, MSG_DONTWAIT");
  EXPECT_EQ(Text("recvmsg", {5, 0x9000, 0}, -14), "5, 0x9000, 0");
  // SCM_RIGHTS control message.
  uint8_t cbuf[24] = {};
  uint64_t cmsg_len = 20;
  int32_t level = SOL_SOCKET, type = SCM_RIGHTS, fd = 3;
  memcpy(cbuf, &cmsg_len, 8);
  memcpy(cbuf + 8, &level, 4);
  memcpy(cbuf + 12, &type, 4);
  memcpy(cbuf + 16, &fd, 4);
  mem.Map(0x6000, cbuf, sizeof(cbuf));
  MsgHdr cm = {0, 0, 0, 0x2000, 1, 0x6000, 24, 0, 0};
  mem.Map(0x7000, &cm, sizeof(cm));
  EXPECT_EQ(Text("sendmsg", {14, 0x7000, 0}, 5),
            "14, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
            "iov_len=5}], msg_iovlen=1, msg_control=[{cmsg_len=20, "
            "cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}], "
            "msg_controllen=24, msg_flags=0}, 0");
  // Receive timestamps (timeval, timespec), IP_PKTINFO, IP_TOS (a byte, in
  // hex) and IP_ORIGDSTADDR (a sockaddr), as strace decodes them.
  uint8_t ts[5 * 32] = {};
  auto put_cmsg = [&](size_t at, uint64_t len, int32_t lvl, int32_t typ,
                      const void* payload, size_t n) {
    memcpy(ts + at, &len, 8);
    memcpy(ts + at + 8, &lvl, 4);
    memcpy(ts + at + 12, &typ, 4);
    memcpy(ts + at + 16, payload, n);
  };
  const int64_t tv[2] = {1700000000, 123456};
  put_cmsg(0, 32, SOL_SOCKET, SO_TIMESTAMP_OLD, tv, sizeof tv);
  put_cmsg(32, 32, SOL_SOCKET, 64 /* SO_TIMESTAMPNS_NEW */, tv, sizeof tv);
  const uint32_t pktinfo[3] = {0, htonl(0x7f000001), htonl(0x7f000002)};
  put_cmsg(64, 28, SOL_IP, IP_PKTINFO, pktinfo, sizeof pktinfo);
  const uint8_t tos = 0x10;
  put_cmsg(96, 17, SOL_IP, IP_TOS, &tos, 1);
  sockaddr_in sin = {};
  sin.sin_family = AF_INET;
  sin.sin_port = htons(80);
  sin.sin_addr.s_addr = htonl(0x7f000001);
  put_cmsg(120, 32, SOL_IP, IP_ORIGDSTADDR, &sin, sizeof sin);
  mem.Map(0x8000, ts, 152);
  MsgHdr tm = {0, 0, 0, 0x2000, 1, 0x8000, 152, 0, 0};
  mem.Map(0x9100, &tm, sizeof(tm));
  EXPECT_EQ(
      Text("sendmsg", {14, 0x9100, 0}, 5),
      "14, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
      "iov_len=5}], msg_iovlen=1, msg_control=[{cmsg_len=32, "
      "cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, "
      "cmsg_data={tv_sec=1700000000, tv_usec=123456}}, {cmsg_len=32, "
      "cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMPNS_NEW, "
      "cmsg_data={tv_sec=1700000000, tv_nsec=123456}}, {cmsg_len=28, "
      "cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO, cmsg_data={ipi_ifindex=0, "
      "ipi_spec_dst=inet_addr(\"127.0.0.1\"), "
      "ipi_addr=inet_addr(\"127.0.0.2\")}}, {cmsg_len=17, "
      "cmsg_level=SOL_IP, cmsg_type=IP_TOS, cmsg_data=[0x10]}, "
      "{cmsg_len=32, cmsg_level=SOL_IP, cmsg_type=IP_ORIGDSTADDR, "
      "cmsg_data={sa_family=AF_INET, sin_port=htons(80), "
      "sin_addr=inet_addr(\"127.0.0.1\")}}], msg_controllen=152, "
      "msg_flags=0}, 0");
  // SCM_TIMESTAMPING's three timespecs; a timestamp shorter than its
  // struct ("???"); SCM_TIMESTAMPING_OPT_STATS named, its data not shown.
  uint8_t stamps[64 + 24 + 24] = {};
  auto put_stamp = [&](size_t at, uint64_t len, int32_t typ,
                       const void* payload, size_t n) {
    const int32_t lvl = SOL_SOCKET;
    memcpy(stamps + at, &len, 8);
    memcpy(stamps + at + 8, &lvl, 4);
    memcpy(stamps + at + 12, &typ, 4);
    memcpy(stamps + at + 16, payload, n);
  };
  const int64_t three[6] = {1700000000, 5, 0, 0, 7, 999999999};
  put_stamp(0, 64, SO_TIMESTAMPING_OLD, three, sizeof three);
  put_stamp(64, 24, SO_TIMESTAMPNS_NEW, three, 8);
  put_stamp(88, 24, SCM_TIMESTAMPING_OPT_STATS, three, 8);
  mem.Map(0x8000, stamps, sizeof stamps);
  MsgHdr sm = {0, 0, 0, 0x2000, 1, 0x8000, sizeof stamps, 0, 0};
  mem.Map(0x9100, &sm, sizeof(sm));
  EXPECT_EQ(Text("sendmsg", {14, 0x9100, 0}, 5),
            "14, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
            "iov_len=5}], msg_iovlen=1, msg_control=[{cmsg_len=64, "
            "cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMPING_OLD, "
            "cmsg_data=[{tv_sec=1700000000, tv_nsec=5}, {tv_sec=0, tv_nsec=0}, "
            "{tv_sec=7, tv_nsec=999999999}]}, {cmsg_len=24, "
            "cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMPNS_NEW, "
            "cmsg_data=???}, {cmsg_len=24, cmsg_level=SOL_SOCKET, "
            "cmsg_type=SCM_TIMESTAMPING_OPT_STATS}], msg_controllen=112, "
            "msg_flags=0}, 0");
  // SOL_IP: IP_OPTIONS and IP_RECVFRAGSIZE unnamed (as strace 6.1),
  // IP_RECVOPTS, IP_RETOPTS and a longer IP_TOS byte by byte in hex.
  uint8_t ipc[4 * 24] = {};
  const uint8_t opts_data[8] = {0x94, 4, 0, 0, 1, 0, 0x1f, 0xff};
  auto put_ip = [&](size_t at, uint64_t len, int32_t typ) {
    const int32_t lvl = SOL_IP;
    memcpy(ipc + at, &len, 8);
    memcpy(ipc + at + 8, &lvl, 4);
    memcpy(ipc + at + 12, &typ, 4);
    memcpy(ipc + at + 16, opts_data, len - 16);
  };
  put_ip(0, 20, IP_OPTIONS);
  put_ip(24, 19, IP_RECVOPTS);
  put_ip(48, 24, IP_RETOPTS);
  put_ip(72, 20, IP_TOS);
  mem.Map(0x8000, ipc, sizeof ipc);
  MsgHdr im = {0, 0, 0, 0x2000, 1, 0x8000, sizeof ipc, 0, 0};
  mem.Map(0x9100, &im, sizeof(im));
  EXPECT_EQ(Text("sendmsg", {14, 0x9100, 0}, 5),
            "14, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
            "iov_len=5}], msg_iovlen=1, msg_control=[{cmsg_len=20, "
            "cmsg_level=SOL_IP, cmsg_type=0x4 /* IP_??? */}, {cmsg_len=19, "
            "cmsg_level=SOL_IP, cmsg_type=IP_RECVOPTS, cmsg_data=[0x94, 0x4, "
            "0]}, {cmsg_len=24, cmsg_level=SOL_IP, cmsg_type=IP_RETOPTS, "
            "cmsg_data=[0x94, 0x4, 0, 0, 0x1, 0, 0x1f, 0xff]}, {cmsg_len=20, "
            "cmsg_level=SOL_IP, cmsg_type=IP_TOS, cmsg_data=[0x94, 0x4, 0, "
            "0]}], msg_controllen=96, msg_flags=0}, 0");
  put_ip(0, 20, IP_RECVFRAGSIZE);
  mem.Map(0x8000, ipc, 24);
  im.controllen = 24;
  mem.Map(0x9100, &im, sizeof(im));
  EXPECT_EQ(Text("sendmsg", {14, 0x9100, 0}, 5),
            "14, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
            "iov_len=5}], msg_iovlen=1, msg_control=[{cmsg_len=20, "
            "cmsg_level=SOL_IP, cmsg_type=0x19 /* IP_??? */}], "
            "msg_controllen=24, msg_flags=0}, 0");
}

// sendmmsg: the whole vector at exit, msg_len of the messages sent;
// recvmmsg: the messages received, the timeout as given at entry and
// what was left of it after the result.
TEST_F(DecoderTest, SendmmsgRecvmmsg) {
  char data[] = "helloxyworld!";
  mem.Map(0x1000, data, 13);
  uint64_t iov[6] = {0x1000, 5, 0x1005, 2, 0x1007, 6};
  mem.Map(0x2000, iov, sizeof(iov));
  struct MMsg {
    MsgHdr hdr;
    uint32_t len, pad;
  } mm[2] = {{{0, 0, 0, 0x2000, 2, 0, 0, 0, 0}, 7, 0},
             {{0, 0, 0, 0x2020, 1, 0, 0, 0, 0}, 0, 0}};
  mem.Map(0x3000, mm, sizeof(mm));
  const std::string m0 =
      "{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
      "iov_len=5}, {iov_base=\"xy\", iov_len=2}], msg_iovlen=2, "
      "msg_controllen=0, msg_flags=0}";
  const std::string m1 =
      "{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"world!\", "
      "iov_len=6}], msg_iovlen=1, msg_controllen=0, msg_flags=0}";
  Result r = Decode("sendmmsg", {3, 0x3000, 2, MSG_NOSIGNAL}, 1);
  EXPECT_EQ(r.enter, "3, ");
  EXPECT_EQ(r.exit, "[" + m0 + ", msg_len=7}, " + m1 + "}], 2, MSG_NOSIGNAL");
  EXPECT_EQ(Text("sendmmsg", {kMinus1, 0x3000, 1, 0}, -EBADF),
            "-1, [" + m0 + "}], 1, 0");
  EXPECT_EQ(Text("sendmmsg", {3, 0, 2, 0}, -EFAULT), "3, NULL, 2, 0");
  EXPECT_EQ(Text("sendmmsg", {3, 0x3000, 0, 0}, 0), "3, [], 0, 0");
  EXPECT_EQ(Text("sendmmsg", {3, 0x9000, 1, 0x80000000}, -EFAULT),
            "3, 0x9000, 1, MSG_CMSG_COMPAT");

  // recvmmsg: each message's data up to its msg_len.
  uint64_t riov[4] = {0x1000, 16, 0x1007, 3};
  mem.Map(0x4000, riov, sizeof(riov));
  MMsg rm[2] = {{{0, 0, 0, 0x4000, 1, 0, 0, 0, 0}, 7, 0},
                {{0, 0, 0, 0x4010, 1, 0, 0, 0, 0}, 3, 0}};
  mem.Map(0x5000, rm, sizeof(rm));
  int64_t ts[2] = {1, 500};
  mem.Map(0x6000, ts, sizeof(ts));
  ArgDecoder dec(&mem, opts);
  SyscallCall c;
  c.tid = 1234;
  c.nr = SyscallTable::Get().Number(kArchX86_64, "recvmmsg");
  c.args = {4, 0x5000, 2, MSG_DONTWAIT, 0x6000};
  std::string enter, exit, suffix;
  dec.DecodeEntry(c, &enter);
  EXPECT_EQ(enter, "4, ");
  int64_t left[2] = {0, 999992547};
  mem.Map(0x6000, left, sizeof(left));
  RetFormat fmt;
  dec.DecodeExit(c, 1, &exit, &fmt, &suffix);
  EXPECT_EQ(exit,
            "[{msg_hdr={msg_name=NULL, msg_namelen=0, "
            "msg_iov=[{iov_base=\"helloxy\", iov_len=16}], msg_iovlen=1, "
            "msg_controllen=0, msg_flags=0}, msg_len=7}], 2, MSG_DONTWAIT, "
            "{tv_sec=1, tv_nsec=500}");
  EXPECT_EQ(suffix, " (left {tv_sec=0, tv_nsec=999992547})");
  r = Decode("recvmmsg", {4, 0x5000, 2, MSG_DONTWAIT | MSG_WAITFORONE, 0}, 2);
  EXPECT_EQ(r.exit,
            "[{msg_hdr={msg_name=NULL, msg_namelen=0, "
            "msg_iov=[{iov_base=\"helloxy\", iov_len=16}], msg_iovlen=1, "
            "msg_controllen=0, msg_flags=0}, msg_len=7}, {msg_hdr={msg_name="
            "NULL, msg_namelen=0, msg_iov=[{iov_base=\"wor\", iov_len=3}], "
            "msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}], 2, "
            "MSG_DONTWAIT|MSG_WAITFORONE, NULL");
  EXPECT_EQ(r.suffix, "");
  r = Decode("recvmmsg", {4, 0x5000, 2, MSG_DONTWAIT, 0x6000}, -EAGAIN);
  EXPECT_EQ(r.all(),
            "4, 0x5000, 2, MSG_DONTWAIT, {tv_sec=0, tv_nsec=999992547}");
  EXPECT_EQ(r.suffix, "");
  EXPECT_EQ(Text("recvmmsg", {4, 0, 2, 0, 0}, -EFAULT), "4, NULL, 2, 0, NULL");
  EXPECT_EQ(Text("recvmmsg", {4, 0x5000, 1, 0, 8}, -EFAULT),
            "4, 0x5000, 1, 0, 0x8");
  r = Decode("recvmmsg", {4, 0x5000, 0, 0, 0}, 0);
  EXPECT_EQ(r.all(), "4, [], 0, 0, NULL");
  EXPECT_EQ(r.suffix, " (Timeout)");
}

// fcntl's locks (struct flock; l_pid in the F_GETLK output), owners and
// leases.
TEST_F(DecoderTest, FcntlLocksOwnersLeases) {
  struct Flock {
    int16_t type, whence;
    int32_t pad;
    int64_t start, len;
    int32_t pid, pad2;
  } fl = {F_WRLCK, SEEK_SET, 0, 0, 10, 0, 0};
  mem.Map(0x1000, &fl, sizeof(fl));
  EXPECT_EQ(Text("fcntl", {5, F_SETLK, 0x1000}),
            "5, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, "
            "l_len=10}");
  EXPECT_EQ(Text("fcntl", {5, F_SETLKW, 0x1000}),
            "5, F_SETLKW, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, "
            "l_len=10}");
  EXPECT_EQ(Text("fcntl", {5, F_OFD_SETLK, 0x1000}, -EAGAIN),
            "5, F_OFD_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, "
            "l_len=10}");
  EXPECT_EQ(Text("fcntl", {5, F_SETLK, 0}, -EFAULT), "5, F_SETLK, NULL");
  Flock odd = {7, 9, 0, -5, 0, 0, 0};
  mem.Map(0x2000, &odd, sizeof(odd));
  EXPECT_EQ(Text("fcntl", {5, F_SETLK, 0x2000}, -EINVAL),
            "5, F_SETLK, {l_type=0x7 /* F_??? */, l_whence=0x9 /* SEEK_??? "
            "*/, l_start=-5, l_len=0}");
  Flock got = {F_WRLCK, SEEK_SET, 0, 0, 2, 8673, 0};
  mem.Map(0x3000, &got, sizeof(got));
  mem.SetComm(8673, "t5");
  Result r = Decode("fcntl", {5, F_GETLK, 0x3000}, 0);
  EXPECT_EQ(r.enter, "5, F_GETLK");
  EXPECT_EQ(r.exit,
            ", {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=2, "
            "l_pid=8673}");
  EXPECT_EQ(Text("fcntl", {5, F_OFD_GETLK, 0x3000}, -EINVAL),
            "5, F_OFD_GETLK, 0x3000");
  opts.decode_pids = true;
  EXPECT_EQ(Text("fcntl", {5, F_OFD_GETLK, 0x3000}),
            "5, F_OFD_GETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, "
            "l_len=2, l_pid=8673<t5>}");
  // Owners: a thread or process is named (-Y), a process group is not.
  int32_t owner[2] = {F_OWNER_PID, 8673};
  mem.Map(0x4000, owner, sizeof(owner));
  EXPECT_EQ(Text("fcntl", {5, F_SETOWN_EX, 0x4000}),
            "5, F_SETOWN_EX, {type=F_OWNER_PID, pid=8673<t5>}");
  r = Decode("fcntl", {5, F_GETOWN_EX, 0x4000}, 0);
  EXPECT_EQ(r.enter, "5, F_GETOWN_EX");
  EXPECT_EQ(r.exit, ", {type=F_OWNER_PID, pid=8673<t5>}");
  opts.decode_pids = false;
  owner[0] = F_OWNER_PGRP;
  mem.Map(0x4000, owner, sizeof(owner));
  EXPECT_EQ(Text("fcntl", {5, F_SETOWN_EX, 0x4000}),
            "5, F_SETOWN_EX, {type=F_OWNER_PGRP, pid=8673}");
  owner[0] = 9;
  mem.Map(0x4000, owner, sizeof(owner));
  EXPECT_EQ(Text("fcntl", {5, F_SETOWN_EX, 0x4000}, -EINVAL),
            "5, F_SETOWN_EX, {type=0x9 /* F_OWNER_??? */, pid=8673}");
  EXPECT_EQ(Text("fcntl", {5, F_GETOWN_EX, 0}, -EFAULT),
            "5, F_GETOWN_EX, NULL");
  EXPECT_EQ(Text("fcntl", {5, F_GETOWN_EX, 8}, -EFAULT), "5, F_GETOWN_EX, 0x8");
  // Leases.
  EXPECT_EQ(Text("fcntl", {5, F_SETLEASE, F_UNLCK}, -EAGAIN),
            "5, F_SETLEASE, F_UNLCK");
  EXPECT_EQ(Text("fcntl", {5, F_SETLEASE, 9}, -EINVAL),
            "5, F_SETLEASE, 0x9 /* F_??? */");
  r = Decode("fcntl", {5, F_GETLEASE}, 2);
  EXPECT_EQ(r.all(), "5, F_GETLEASE");
  EXPECT_EQ(r.fmt, RetFormat::kHex);
  EXPECT_EQ(r.suffix, " (F_UNLCK)");
  // i386: its own struct flock, of 32-bit offsets (see I386FsFcntl).
  EXPECT_EQ(Decode("fcntl", {5, F_SETLK, 0x1000}, 0, kArchI386).all(),
            "5, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, "
            "l_len=0}");
}

// pidfd_send_signal (siginfo when given), pidfd_getfd (with -y, the
// target fd named in the pidfd's process).
TEST_F(DecoderTest, PidfdSendSignalGetfd) {
  EXPECT_EQ(Text("pidfd_send_signal", {3, SIGTERM, 0, 0}),
            "3, SIGTERM, NULL, 0");
  EXPECT_EQ(Text("pidfd_send_signal", {3, 0, 8, 0}, -EFAULT), "3, 0, 0x8, 0");
  EXPECT_EQ(Text("pidfd_send_signal", {3, 200, 0, 5}, -EINVAL),
            "3, 200, NULL, 0x5");
  siginfo_t si{};
  si.si_signo = SIGUSR1;
  si.si_code = SI_QUEUE;
  si.si_pid = 77;
  si.si_uid = 0;
  mem.Map(0x5000, &si, sizeof si);
  EXPECT_EQ(Text("pidfd_send_signal", {3, 0, 0x5000, 0}, -EINVAL),
            "3, 0, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=77, si_uid=0}, "
            "0");
  Result r = Decode("pidfd_getfd", {3, 1, 0}, 4);
  EXPECT_EQ(r.all(), "3, 1, 0");
  EXPECT_EQ(Text("pidfd_getfd", {3, 1, 7}, -EINVAL), "3, 1, 0x7");
  opts.fd_paths = true;
  mem.SetFdPath(3, "anon_inode:[pidfd]");
  mem.SetFdPath(1, "pipe:[14056482]");
  mem.SetFdPath(4, "pipe:[14056482]");
  FdDetails det;
  det.kind = FdDetails::Kind::kPid;
  det.pid = 8855;
  mem.SetFdDetails(3, det);
  r = Decode("pidfd_getfd", {3, 1, 0}, 4);
  EXPECT_EQ(r.all(), "3<anon_inode:[pidfd]>, 1<pipe:[14056482]>, 0");
  EXPECT_EQ(r.suffix, "<pipe:[14056482]>");
  EXPECT_EQ(Text("pidfd_getfd", {3, 99, 0}, -EBADF),
            "3<anon_inode:[pidfd]>, 99, 0");
}

// ioprio_get/ioprio_set: IOPRIO_PRIO_VALUE(class, data), in the
// argument or after the result.
TEST_F(DecoderTest, Ioprio) {
  Result r = Decode("ioprio_get", {1, 0}, 0);
  EXPECT_EQ(r.all(), "IOPRIO_WHO_PROCESS, 0");
  EXPECT_EQ(r.suffix, " (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))");
  r = Decode("ioprio_get", {3, 0}, 8196);
  EXPECT_EQ(r.all(), "IOPRIO_WHO_USER, 0");
  EXPECT_EQ(r.fmt, RetFormat::kDecimal);
  EXPECT_EQ(r.suffix, " (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_RT, 4))");
  r = Decode("ioprio_get", {9, 0}, -EINVAL);
  EXPECT_EQ(r.all(), "0x9 /* IOPRIO_WHO_??? */, 0");
  EXPECT_EQ(r.suffix, "");
  mem.SetComm(77, "t6");
  opts.decode_pids = true;
  EXPECT_EQ(Text("ioprio_get", {2, 77}, -ESRCH), "IOPRIO_WHO_PGRP, 77");
  EXPECT_EQ(
      Text("ioprio_set", {1, 77, (2 << 13) | 5}),
      "IOPRIO_WHO_PROCESS, 77<t6>, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 5)");
  EXPECT_EQ(Text("ioprio_set", {1, 0, 3 << 13}),
            "IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_IDLE, 0)");
  EXPECT_EQ(Text("ioprio_set", {1, 0, (7 << 13) | 3}, -EINVAL),
            "IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(0x7 /* "
            "IOPRIO_CLASS_??? */, 3)");
  EXPECT_EQ(Text("ioprio_set", {1, 0, (2 << 13) | 0x1000}),
            "IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4096)");
  EXPECT_EQ(Text("ioprio_set", {1, 0, 0xffff0000u | (2 << 13)}),
            "IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(0x7fffa /* "
            "IOPRIO_CLASS_??? */, 0)");
}

// Flags strace 6.1 decodes with a whole table, not only the bits the
// call takes (a flag passed by mistake is named), and its quirks with
// unknown bits; texts checked against strace 6.1.
TEST_F(DecoderTest, WholeFlagTablesAsStrace) {
  constexpr uint64_t kNx = 0x1000;
  mem.Map(kNx, "/x");
  EXPECT_EQ(Text("unlinkat", {kAtFdcwd, kNx, 0x100}, -ENOENT),
            "AT_FDCWD, \"/x\", AT_SYMLINK_NOFOLLOW");
  EXPECT_EQ(Text("linkat", {kAtFdcwd, kNx, kAtFdcwd, kNx, 0x8700}, -EINVAL),
            "AT_FDCWD, \"/x\", AT_FDCWD, \"/x\", "
            "AT_SYMLINK_NOFOLLOW|AT_REMOVEDIR|AT_SYMLINK_FOLLOW|AT_RECURSIVE");
  EXPECT_EQ(Text("utimensat", {kAtFdcwd, kNx, 0, 0x200}, -EINVAL),
            "AT_FDCWD, \"/x\", NULL, AT_REMOVEDIR");
  EXPECT_EQ(Text("dup3", {3, 4, 0x80800}, -EINVAL),
            "3, 4, O_NONBLOCK|O_CLOEXEC");
  EXPECT_EQ(Text("dup3", {3, 4, 3}, -EINVAL), "3, 4, 0x3 /* O_??? */");
  EXPECT_EQ(Text("timerfd_create", {1, 3}, -EINVAL),
            "CLOCK_MONOTONIC, TFD_TIMER_ABSTIME|TFD_TIMER_CANCEL_ON_SET");
  // new_address only with MREMAP_MAYMOVE|MREMAP_FIXED.
  EXPECT_EQ(Text("mremap", {0x1000, 4096, 8192, 6, 0x5000}, -EINVAL),
            "0x1000, 4096, 8192, MREMAP_FIXED|MREMAP_DONTUNMAP");
  EXPECT_EQ(Text("mremap", {0x1000, 4096, 8192, 3, 0x5000}, -EFAULT),
            "0x1000, 4096, 8192, MREMAP_MAYMOVE|MREMAP_FIXED, 0x5000");
  EXPECT_EQ(Text("renameat2", {kAtFdcwd, kNx, kAtFdcwd, kNx, 0x30}, -EINVAL),
            "AT_FDCWD, \"/x\", AT_FDCWD, \"/x\", 0x30 /* RENAME_?? */");
  EXPECT_EQ(Text("userfaultfd", {0x1006}, -EINVAL), "0x1006 /* UFFD_??? */");
  // semget/msgget run the mode on after bits without a name; shmget not.
  EXPECT_EQ(Text("semget", {99999, 0, 0x3000}, -ENOENT),
            "0x1869f, 0, 0x3000000");
  EXPECT_EQ(Text("msgget", {99999, 0x3000 | 0644}, -ENOENT),
            "0x1869f, 0x30000644");
  EXPECT_EQ(Text("shmget", {99999, 0, 0x3000}, -ENOENT),
            "0x1869f, 0, SHM_NORESERVE|0x2000|000");
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Text("socket", {AF_AX25, SOCK_RAW, 0xcc}, -EINVAL),
            "0x3, 0x3, 0xcc /* AX25_P_IP */");
  EXPECT_EQ(Text("semget", {99999, 0, 0x3000}, -ENOENT),
            "0x1869f, 0, 0x3000|000");
  EXPECT_EQ(Text("memfd_create", {kNx, 0x54000004}, 3), "\"/x\", 0x54000004");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("memfd_create", {kNx, 0x54000004}, 3),
            "\"/x\", 0x54000004 /* MFD_HUGETLB|21<<MFD_HUGE_SHIFT */");
  EXPECT_EQ(Text("memfd_create", {kNx, 0x40}, -EINVAL),
            "\"/x\", 0x40 /* 0x40 /* MFD_??? */ */");
  EXPECT_EQ(Text("memfd_create", {kNx, 0}, 3), "\"/x\", 0");
  opts.xlat_style = XlatStyle::kAbbrev;
  EXPECT_EQ(Text("fcntl", {3, 13, 0x1234}, -EINVAL), "3, F_SETLK64, 0x1234");
  // tty requests strace decodes: TIOCSTI's character, TIOCPKT's int.
  mem.Map(0x3000, "x");
  EXPECT_EQ(Text("ioctl", {4, 0x5412, 0x3000}), "4, TIOCSTI, \"x\"");
  mem.Map(0x3000, std::string("\1\0\0\0", 4));
  EXPECT_EQ(Text("ioctl", {4, 0x5420, 0x3000}), "4, TIOCPKT, [1]");
  EXPECT_EQ(Text("socket", {AF_CAN, SOCK_RAW, 1}, 3),
            "AF_CAN, SOCK_RAW, CAN_RAW");
  EXPECT_EQ(Text("socket", {AF_CAN, SOCK_RAW, 0}, -EINVAL),
            "AF_CAN, SOCK_RAW, 0 /* CAN_??? */");
  EXPECT_EQ(Text("socket", {AF_IRDA, SOCK_RAW, 9}, -EINVAL),
            "AF_IRDA, SOCK_RAW, 0x9 /* IRDAPROTO_??? */");
  EXPECT_EQ(Text("socket", {AF_AX25, SOCK_RAW, 0xcc}, -EINVAL),
            "AF_AX25, SOCK_RAW, 0xcc /* AX25_P_IP */");
  EXPECT_EQ(Text("socket", {AF_BLUETOOTH, SOCK_RAW, 1}, 3),
            "AF_BLUETOOTH, SOCK_RAW, BTPROTO_HCI");
  EXPECT_EQ(Text("socket", {AF_PACKET, SOCK_RAW, htons(0x88f7)}, 3),
            "AF_PACKET, SOCK_RAW, htons(ETH_P_1588)");
  EXPECT_EQ(Text("statx", {kAtFdcwd, kNx, 3, 3, 0}, -EINVAL),
            "AT_FDCWD, \"/x\", AT_STATX_SYNC_AS_STAT|0x3, "
            "STATX_TYPE|STATX_MODE, NULL");
}

// readahead, syncfs, userfaultfd, kcmp, clone's pidfd (parent_tid).
TEST_F(DecoderTest, SmallOnes) {
  EXPECT_EQ(Text("readahead", {3, 0, 4096}), "3, 0, 4096");
  EXPECT_EQ(Text("readahead", {3, 1ull << 40, 1ull << 40}),
            "3, 1099511627776, 1099511627776");
  EXPECT_EQ(Text("readahead", {kMinus1, 0, 0}, -EBADF), "-1, 0, 0");
  EXPECT_EQ(Text("syncfs", {3}), "3");
  EXPECT_EQ(Text("userfaultfd", {O_NONBLOCK | O_CLOEXEC}, 4),
            "O_NONBLOCK|O_CLOEXEC");
  EXPECT_EQ(Text("userfaultfd", {0}, 5), "0");
  EXPECT_EQ(Text("userfaultfd", {1}, 6), "UFFD_USER_MODE_ONLY");
  EXPECT_EQ(Text("userfaultfd", {O_CLOEXEC | 0x80000000u}, -EINVAL),
            "O_CLOEXEC|0x80000000");
  EXPECT_EQ(Text("userfaultfd", {O_NONBLOCK | 1 | 0x100}, -EINVAL),
            "UFFD_USER_MODE_ONLY|O_NONBLOCK|0x100");
  EXPECT_EQ(Text("kcmp", {9925, 9925, 0, 3, 7}), "9925, 9925, KCMP_FILE, 3, 7");
  EXPECT_EQ(Text("kcmp", {9925, 9925, 1, 7, 8}), "9925, 9925, KCMP_VM");
  EXPECT_EQ(Text("kcmp", {9925, 9925, 6, 0, 0}), "9925, 9925, KCMP_SYSVSEM");
  EXPECT_EQ(Text("kcmp", {9925, 9925, 77, 3, 4}, -EINVAL),
            "9925, 9925, 0x4d /* KCMP_??? */, 0x3, 0x4");
  EXPECT_EQ(Text("kcmp", {9925, 9925, 7, 3, 0}, -EFAULT),
            "9925, 9925, KCMP_EPOLL_TFD, 3, NULL");
  EXPECT_EQ(Text("kcmp", {9925, 9925, 7, 3, 8}, -EFAULT),
            "9925, 9925, KCMP_EPOLL_TFD, 3, 0x8");
  uint32_t slot[3] = {4, 5, 0};
  mem.Map(0x1000, slot, sizeof(slot));
  opts.fd_paths = true;
  opts.decode_pids = true;
  mem.SetComm(9925, "t6");
  mem.SetFdPath(3, "/etc/passwd");
  mem.SetFdPath(4, "anon_inode:[eventpoll]");
  mem.SetFdPath(5, "/etc/passwd");
  EXPECT_EQ(Text("kcmp", {9925, 9925, 7, 5, 0x1000}, -ENOENT),
            "9925<t6>, 9925<t6>, KCMP_EPOLL_TFD, 5</etc/passwd>, "
            "{efd=4<anon_inode:[eventpoll]>, tfd=5</etc/passwd>, toff=0}");
  EXPECT_EQ(Text("kcmp", {9925, 9925, 0, 3, 99}, -EBADF),
            "9925<t6>, 9925<t6>, KCMP_FILE, 3</etc/passwd>, 99");
  // The returned fd, named with -y.
  EXPECT_EQ(Decode("userfaultfd", {O_CLOEXEC | 1}, 3).suffix, "</etc/passwd>");
  // clone: strace 6.1 calls CLONE_PIDFD's out-parameter parent_tid.
  int32_t pidfd = 6;
  mem.Map(0x2000, &pidfd, 4);
  mem.SetFdPath(6, "anon_inode:[pidfd]");
  opts.decode_pids = false;
  Result r = Decode("clone", {0x1000 | SIGCHLD, 0, 0x2000, 0, 0}, 16052);
  EXPECT_EQ(r.all(),
            "child_stack=NULL, flags=CLONE_PIDFD|SIGCHLD, "
            "parent_tid=[6<anon_inode:[pidfd]>]");
  opts.fd_paths = false;
  EXPECT_EQ(Text("clone", {0x1000 | SIGCHLD, 0, 0x2000, 0, 0}, 16052),
            "child_stack=NULL, flags=CLONE_PIDFD|SIGCHLD, parent_tid=[6]");
  EXPECT_EQ(
      Text("clone", {0x1000 | 0x100000 | SIGCHLD, 0, 0x2000, 0, 0}, -EINVAL),
      "child_stack=NULL, flags=CLONE_PIDFD|CLONE_PARENT_SETTID|SIGCHLD, "
      "parent_tid=0x2000");
}

// prctl: secure bits, TSC mode, speculation control, FP mode.
TEST_F(DecoderTest, PrctlSecurebitsTscSpeculationFpMode) {
  Result r = Decode("prctl", {PR_GET_SECUREBITS, 0, 0, 0, 0}, 0);
  EXPECT_EQ(r.all(), "PR_GET_SECUREBITS");
  EXPECT_EQ(r.suffix, "");
  r = Decode("prctl", {PR_GET_SECUREBITS, 1, 2, 3, 4}, 0x2f);
  EXPECT_EQ(r.all(), "PR_GET_SECUREBITS");
  EXPECT_EQ(r.fmt, RetFormat::kHex);
  EXPECT_EQ(r.suffix,
            " (SECBIT_NOROOT|SECBIT_NOROOT_LOCKED|SECBIT_NO_SETUID_FIXUP|"
            "SECBIT_NO_SETUID_FIXUP_LOCKED|SECBIT_KEEP_CAPS_LOCKED)");
  EXPECT_EQ(Text("prctl", {PR_SET_SECUREBITS, 0, 0, 0, 0}),
            "PR_SET_SECUREBITS, 0");
  EXPECT_EQ(Text("prctl", {PR_SET_SECUREBITS, 0x2f, 0, 0, 0}),
            "PR_SET_SECUREBITS, SECBIT_NOROOT|SECBIT_NOROOT_LOCKED|"
            "SECBIT_NO_SETUID_FIXUP|SECBIT_NO_SETUID_FIXUP_LOCKED|"
            "SECBIT_KEEP_CAPS_LOCKED");
  EXPECT_EQ(Text("prctl", {PR_SET_SECUREBITS, 0x1000, 0, 0, 0}, -EPERM),
            "PR_SET_SECUREBITS, 0x1000 /* SECBIT_??? */");
  int32_t tsc = PR_TSC_ENABLE;
  mem.Map(0x1000, &tsc, 4);
  r = Decode("prctl", {PR_GET_TSC, 0x1000, 0, 0, 0}, 0);
  EXPECT_EQ(r.enter, "PR_GET_TSC, ");
  EXPECT_EQ(r.exit, "[PR_TSC_ENABLE]");
  EXPECT_EQ(Text("prctl", {PR_GET_TSC, 0, 0, 0, 0}, -EFAULT),
            "PR_GET_TSC, NULL");
  EXPECT_EQ(Text("prctl", {PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0}),
            "PR_SET_TSC, PR_TSC_ENABLE");
  EXPECT_EQ(Text("prctl", {PR_SET_TSC, 5, 0, 0, 0}, -EINVAL),
            "PR_SET_TSC, 0x5 /* PR_TSC_??? */");
  r = Decode("prctl", {PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0, 0, 0},
             2);
  EXPECT_EQ(r.all(), "PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS");
  EXPECT_EQ(r.fmt, RetFormat::kHex);
  EXPECT_EQ(r.suffix, " (PR_SPEC_ENABLE)");
  r = Decode("prctl", {PR_GET_SPECULATION_CTRL, PR_SPEC_L1D_FLUSH, 0, 0, 0}, 8);
  EXPECT_EQ(r.all(), "PR_GET_SPECULATION_CTRL, PR_SPEC_L1D_FLUSH");
  EXPECT_EQ(r.suffix, " (PR_SPEC_FORCE_DISABLE)");
  r = Decode("prctl", {PR_GET_SPECULATION_CTRL, 9, 0, 0, 0}, -ENODEV);
  EXPECT_EQ(r.all(), "PR_GET_SPECULATION_CTRL, 0x9 /* PR_SPEC_??? */");
  EXPECT_EQ(r.suffix, "");
  EXPECT_EQ(Text("prctl",
                 {PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, PR_SPEC_ENABLE,
                  0, 0},
                 -ENXIO),
            "PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, PR_SPEC_ENABLE");
  EXPECT_EQ(
      Text("prctl", {PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0x20, 0, 0},
           -ENXIO),
      "PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0x20 /* "
      "PR_SPEC_??? */");
  EXPECT_EQ(Text("prctl", {PR_SET_SPECULATION_CTRL, 9, 3, 0, 0}, -ENODEV),
            "PR_SET_SPECULATION_CTRL, 0x9 /* PR_SPEC_??? */, 0x3");
  EXPECT_EQ(Text("prctl", {PR_GET_FP_MODE, 1, 2, 3, 4}, -EINVAL),
            "PR_GET_FP_MODE");
  EXPECT_EQ(Text("prctl", {PR_SET_FP_MODE, 3, 0, 0, 0}, -EINVAL),
            "PR_SET_FP_MODE, PR_FP_MODE_FR|PR_FP_MODE_FRE");
  EXPECT_EQ(Text("prctl", {PR_SET_FP_MODE, 0, 0, 0, 0}, -EINVAL),
            "PR_SET_FP_MODE, 0");
}

// prctl options strace 6.1 decodes that ttrace printed as bare hex (seen
// tracing real programs): PR_SET_MM's field, PR_MCE_KILL's policy,
// PR_SET_UNALIGN's flags, PR_SCHED_CORE (its pid type with the number even
// by default), PR_SET_SYSCALL_USER_DISPATCH, the SVE/SME vector lengths
// (and their GETs without arguments), the PAC keys, the tagged address
// control word; and -X raw/verbose on flag results.
TEST_F(DecoderTest, PrctlMoreOptions) {
  EXPECT_EQ(Text("prctl", {35, 1, 0, 0, 0}, -EPERM),
            "PR_SET_MM, PR_SET_MM_START_CODE, 0, 0, 0");
  EXPECT_EQ(Text("prctl", {35, 13, 3, 0, 0}, -EPERM),
            "PR_SET_MM, PR_SET_MM_EXE_FILE, 0x3, 0, 0");
  EXPECT_EQ(Text("prctl", {35, 0, 0, 0, 0}, -EPERM),
            "PR_SET_MM, 0 /* PR_SET_MM_??? */, 0, 0, 0");
  EXPECT_EQ(Text("prctl", {33, 1, 1, 5, 6}, -EINVAL),
            "PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 0x5, 0x6");
  EXPECT_EQ(Text("prctl", {33, 0, 0, 0, 0}),
            "PR_MCE_KILL, PR_MCE_KILL_CLEAR, 0, 0, 0");
  EXPECT_EQ(Text("prctl", {33, 2, 2, 5, 6}, -EINVAL),
            "PR_MCE_KILL, 0x2 /* PR_MCE_KILL_??? */, 0x2, 0x5, 0x6");
  EXPECT_EQ(Text("prctl", {33, 1, 7, 0, 0}, -EINVAL),
            "PR_MCE_KILL, PR_MCE_KILL_SET, 0x7 /* PR_MCE_KILL_??? */, 0, 0");
  Result r = Decode("prctl", {34, 1, 2, 3, 4}, 2);
  EXPECT_EQ(r.all(), "PR_MCE_KILL_GET, 0x1, 0x2, 0x3, 0x4");
  EXPECT_EQ(r.suffix, " (PR_MCE_KILL_DEFAULT)");
  EXPECT_EQ(r.fmt, RetFormat::kDecimal);
  EXPECT_EQ(Text("prctl", {6, 0, 5, 6, 7}, -EINVAL), "PR_SET_UNALIGN, 0");
  EXPECT_EQ(Text("prctl", {6, 1, 5, 6, 7}, -EINVAL),
            "PR_SET_UNALIGN, PR_UNALIGN_NOPRINT");
  EXPECT_EQ(Text("prctl", {6, 6, 0, 0, 0}, -EINVAL),
            "PR_SET_UNALIGN, PR_UNALIGN_SIGBUS|0x4");
  EXPECT_EQ(Text("prctl", {6, 8, 0, 0, 0}, -EINVAL),
            "PR_SET_UNALIGN, 0x8 /* PR_UNALIGN_??? */");
  EXPECT_EQ(Text("prctl", {5, 0, 0, 0, 0}, -EINVAL), "PR_GET_UNALIGN, NULL");
  uint32_t unalign = 2;
  mem.Map(0x1000, &unalign, 4);
  EXPECT_EQ(Text("prctl", {5, 0x1000, 0, 0, 0}),
            "PR_GET_UNALIGN, [PR_UNALIGN_SIGBUS]");
  EXPECT_EQ(
      Text("prctl", {62, 0, 16, 0, 0x1000}, -EINVAL),
      "PR_SCHED_CORE, PR_SCHED_CORE_GET, 16, 0 /* PIDTYPE_PID */, 0x1000");
  EXPECT_EQ(Text("prctl", {62, 4, 16, 4, 0x1000}, -EINVAL),
            "PR_SCHED_CORE, 0x4 /* PR_SCHED_CORE_??? */, 16, "
            "0x4 /* PIDTYPE_??? */, 0x1000");
  EXPECT_EQ(Text("prctl", {59, 0, 0, 0, 0}),
            "PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, NULL");
  EXPECT_EQ(Text("prctl", {59, 2, 0x10, 0x20, 0x1000}),
            "PR_SET_SYSCALL_USER_DISPATCH, 0x2 /* PR_SYS_DISPATCH_??? */, "
            "0x10, 0x20, 0x1000");
  EXPECT_EQ(Text("prctl", {51, 1, 2, 3, 4}, -EINVAL), "PR_SVE_GET_VL");
  EXPECT_EQ(Text("prctl", {64, 1, 2, 3, 4}, -EINVAL), "PR_SME_GET_VL");
  EXPECT_EQ(Text("prctl", {50, 0x20001, 2, 3, 4}, -EINVAL),
            "PR_SVE_SET_VL, PR_SVE_VL_INHERIT|0x1");
  EXPECT_EQ(Text("prctl", {63, 1, 2, 3, 4}, -EINVAL), "PR_SME_SET_VL, 0x1");
  EXPECT_EQ(Text("prctl", {54, 3, 0, 0, 0}, -EINVAL),
            "PR_PAC_RESET_KEYS, PR_PAC_APIAKEY|PR_PAC_APIBKEY, 0, 0, 0");
  EXPECT_EQ(Text("prctl", {60, 3, 1, 0, 0}, -EINVAL),
            "PR_PAC_SET_ENABLED_KEYS, PR_PAC_APIAKEY|PR_PAC_APIBKEY, "
            "PR_PAC_APIAKEY, 0, 0");
  EXPECT_EQ(Text("prctl", {55, 0, 0, 0, 0}, -EINVAL),
            "PR_SET_TAGGED_ADDR_CTRL, !PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE, "
            "0, 0, 0");
  EXPECT_EQ(Text("prctl", {55, 3, 0, 0, 0}, -EINVAL),
            "PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_SYNC, "
            "0, 0, 0");
  EXPECT_EQ(Text("prctl", {55, 0x8, 0, 0, 0}, -EINVAL),
            "PR_SET_TAGGED_ADDR_CTRL, !PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE|"
            "0x1<<PR_MTE_TAG_SHIFT, 0, 0, 0");
  EXPECT_EQ(Text("prctl", {55, 0xffffffff, 0, 0, 0}, -EINVAL),
            "PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_MASK|"
            "0xffff<<PR_MTE_TAG_SHIFT|0xfff80000, 0, 0, 0");
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Text("prctl", {62, 1, 16, 1, 0x1000}, -EINVAL),
            "0x3e, 0x1, 16, 0x1, 0x1000");
  EXPECT_EQ(Text("prctl", {55, 0x8, 0, 0, 0}, -EINVAL), "0x37, 0x8, 0, 0, 0");
  r = Decode("prctl", {PR_GET_SECUREBITS, 0, 0, 0, 0}, 0x10);
  EXPECT_EQ(r.fmt, RetFormat::kHex);
  EXPECT_EQ(r.suffix, "");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("prctl", {62, 1, 16, 1, 0x1000}, -EINVAL),
            "0x3e /* PR_SCHED_CORE */, 0x1 /* PR_SCHED_CORE_CREATE */, 16, "
            "0x1 /* PIDTYPE_TGID */, 0x1000");
  EXPECT_EQ(Text("prctl", {55, 1, 0, 0, 0}, -EINVAL),
            "0x37 /* PR_SET_TAGGED_ADDR_CTRL */, 0x1 /* PR_TAGGED_ADDR_ENABLE|"
            "PR_MTE_TCF_NONE */, 0, 0, 0");
  r = Decode("prctl", {PR_GET_SECUREBITS, 0, 0, 0, 0}, 0x10);
  EXPECT_EQ(r.suffix, " (SECBIT_KEEP_CAPS)");
  r = Decode("prctl", {PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0, 0, 0},
             2);
  EXPECT_EQ(r.suffix, " (PR_SPEC_ENABLE)");
}

// The perf_event ioctls: ttrace showed "_IOC(_IOC_NONE, 0x24, 0, 0), 0"
// and "_IOC(_IOC_READ, 0x24, 0x7, 0x8), 0x7ffc..." where strace 6.1 shows
// "PERF_EVENT_IOC_ENABLE, 0" and "PERF_EVENT_IOC_ID, [2742]" (perf record).
TEST_F(DecoderTest, PerfIoctl) {
  EXPECT_EQ(Text("ioctl", {3, 0x2400, 0}), "3, PERF_EVENT_IOC_ENABLE, 0");
  EXPECT_EQ(Text("ioctl", {3, 0x2400, 0xffffffff00000005}),
            "3, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP|0x4");
  EXPECT_EQ(Text("ioctl", {3, 0x2401, 2}),
            "3, PERF_EVENT_IOC_DISABLE, 0x2 /* PERF_IOC_FLAG_??? */");
  EXPECT_EQ(Text("ioctl", {3, 0x2403, 1}),
            "3, PERF_EVENT_IOC_RESET, PERF_IOC_FLAG_GROUP");
  EXPECT_EQ(Text("ioctl", {3, 0x2402, 0x1ffffffff}, -EINVAL),
            "3, PERF_EVENT_IOC_REFRESH, -1");
  uint64_t v = 1000;
  mem.Map(0x1000, &v, sizeof(v));
  EXPECT_EQ(Text("ioctl", {3, 0x40082404, 0x1000}, -EINVAL),
            "3, PERF_EVENT_IOC_PERIOD, [1000]");
  EXPECT_EQ(Text("ioctl", {3, 0x40082404, 0}, -EFAULT),
            "3, PERF_EVENT_IOC_PERIOD, NULL");
  Result r = Decode("ioctl", {3, 0x80082407, 0x1000}, 0);
  EXPECT_EQ(r.enter, "3, PERF_EVENT_IOC_ID");
  EXPECT_EQ(r.exit, ", [1000]");
  EXPECT_EQ(Text("ioctl", {3, 0x80082407, 1}, -EFAULT),
            "3, PERF_EVENT_IOC_ID, 0x1");
  mem.SetFdPath(3, "anon_inode:[perf_event]");
  opts.fd_paths = true;
  EXPECT_EQ(Text("ioctl", {4, 0x2405, 0x100000003}, -EINVAL),
            "4, PERF_EVENT_IOC_SET_OUTPUT, 3<anon_inode:[perf_event]>");
  EXPECT_EQ(Text("ioctl", {4, 0x40042408, kMinus1}, -EBADF),
            "4, PERF_EVENT_IOC_SET_BPF, -1");
  opts.fd_paths = false;
  mem.MapString(0x2000, "foo && bar");
  EXPECT_EQ(Text("ioctl", {3, 0x40082406, 0x2000}, -EINVAL),
            "3, PERF_EVENT_IOC_SET_FILTER, \"foo && bar\"");
  EXPECT_EQ(Text("ioctl", {3, 0x40042409, 0x100000000}, -EINVAL),
            "3, PERF_EVENT_IOC_PAUSE_OUTPUT, 4294967296");
  uint32_t q[4] = {4, 0, 0, 0};
  mem.Map(0x3000, q, sizeof(q));
  EXPECT_EQ(Text("ioctl", {3, 0xc008240a, 0x3000}, -EINVAL),
            "3, PERF_EVENT_IOC_QUERY_BPF, {ids_len=4, ...}");
  // Split as strace splits it: "{ids_len=4, <unfinished ...>".
  Result split = Decode("ioctl", {3, 0xc008240a, 0x3000}, -EINVAL);
  EXPECT_EQ(split.enter, "3, PERF_EVENT_IOC_QUERY_BPF, {ids_len=4, ");
  EXPECT_EQ(split.exit, "...}");
  // SIOCGIFCONF with a NULL buffer: "{ifc_len=" at entry, the length the
  // kernel set at exit.
  struct {
    int32_t len, pad;
    uint64_t buf;
  } conf = {80, 0, 0};
  mem.Map(0x6000, &conf, sizeof(conf));
  split = Decode("ioctl", {3, 0x8912, 0x6000}, 0);
  EXPECT_EQ(split.enter, "3, SIOCGIFCONF, {ifc_len=");
  EXPECT_EQ(split.exit, "80 /* 2 * sizeof(struct ifreq) */, ifc_buf=NULL}");
  EXPECT_EQ(Text("ioctl", {3, 0xc008240a, 0x3000}, 0),
            "3, PERF_EVENT_IOC_QUERY_BPF, {ids_len=4, prog_cnt=0, ids=[]}");
  q[1] = 2;
  q[2] = 17;
  q[3] = 18;
  mem.Map(0x3000, q, sizeof(q));
  EXPECT_EQ(Text("ioctl", {3, 0xc008240a, 0x3000}, 0),
            "3, PERF_EVENT_IOC_QUERY_BPF, {ids_len=4, prog_cnt=2, "
            "ids=[17, 18]}");
  EXPECT_EQ(Text("ioctl", {3, 0xc008240a, 1}, -EINVAL),
            "3, PERF_EVENT_IOC_QUERY_BPF, 0x1");
  EXPECT_EQ(Text("ioctl", {3, 0x4008240b, 0}, -EFAULT),
            "3, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, NULL");
  EXPECT_EQ(Text("ioctl", {3, 0x2420, 0}, -ENOTTY),
            "3, _IOC(_IOC_NONE, 0x24, 0x20, 0), 0");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("ioctl", {3, 0x2400, 5}),
            "3, 0x2400 /* PERF_EVENT_IOC_ENABLE */, "
            "0x5 /* PERF_IOC_FLAG_GROUP|0x4 */");
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Text("ioctl", {3, 0x2400, 1}), "3, 0x2400, 0x1");
}

// perf_event_open: ttrace printed its arguments in hex. strace shows the
// struct perf_event_attr (by default the fields up to the bit field, only
// its set bits and precise_ip, then "..."; with -v every field its size
// covers, some only when a flag asks for them), pid and cpu in decimal,
// the group fd and the PERF_FLAG_* flags.
TEST_F(DecoderTest, PerfEventOpen) {
  struct Attr {
    uint32_t type, size;
    uint64_t config, sample, sample_type, read_format, bits;
    uint32_t wakeup, bp_type;
    uint64_t config1, config2, branch, regs_user;
    uint32_t stack_user;
    int32_t clockid;
    uint64_t regs_intr;
    uint32_t aux_watermark;
    uint16_t max_stack, r2;
    uint32_t aux_sample_size, r3;
    uint64_t sig_data;
  } a{};
  static_assert(sizeof(a) == 128);
  a.type = 1;  // PERF_TYPE_SOFTWARE
  a.size = 128;
  a.config = 1;                      // PERF_COUNT_SW_TASK_CLOCK
  a.bits = 1 | (1 << 5) | (1 << 6);  // disabled, exclude_kernel, exclude_hv
  mem.Map(0x1000, &a, sizeof(a));
  EXPECT_EQ(Text("perf_event_open", {0x1000, 0, kMinus1, kMinus1, 8}, 5),
            "{type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER7, "
            "config=PERF_COUNT_SW_TASK_CLOCK, sample_period=0, sample_type=0, "
            "read_format=0, disabled=1, exclude_kernel=1, exclude_hv=1, "
            "precise_ip=0 /* arbitrary skid */, ...}, 0, -1, -1, "
            "PERF_FLAG_FD_CLOEXEC");
  // Its attributes read, all is printed at exit, as strace splits it
  // ("perf_event_open( <unfinished ...>"); an address at entry.
  EXPECT_EQ(
      Decode("perf_event_open", {0x1000, 0, kMinus1, kMinus1, 8}, 5).enter, "");
  EXPECT_EQ(
      Decode("perf_event_open", {0x9000, 0, kMinus1, kMinus1, 8}, 5).enter,
      "0x9000, 0, -1, -1, PERF_FLAG_FD_CLOEXEC");
  a.type = 3;  // PERF_TYPE_HW_CACHE: L1D, read, miss
  a.config = 1 << 16;
  a.bits = (1 << 10) | (2ull << 15) | (1ull << 25);  // freq, precise 2,
  a.sample = 99;                                     // use_clockid
  a.sample_type = (1 << 0) | (1 << 13);
  a.clockid = 1;
  a.sig_data = 12;
  mem.Map(0x1000, &a, sizeof(a));
  EXPECT_EQ(
      Text("perf_event_open", {0x1000, kMinus1, 0, 7, 0xff}, -EINVAL),
      "{type=PERF_TYPE_HW_CACHE, size=PERF_ATTR_SIZE_VER7, "
      "config=PERF_COUNT_HW_CACHE_RESULT_MISS<<16|"
      "PERF_COUNT_HW_CACHE_OP_READ<<8|PERF_COUNT_HW_CACHE_L1D, "
      "sample_freq=99, sample_type=PERF_SAMPLE_IP|PERF_SAMPLE_STACK_USER, "
      "read_format=0, freq=1, precise_ip=2 /* requested to have 0 skid "
      "*/, use_clockid=1, ...}, -1, 0, 7, PERF_FLAG_FD_NO_GROUP|"
      "PERF_FLAG_FD_OUTPUT|PERF_FLAG_PID_CGROUP|PERF_FLAG_FD_CLOEXEC|"
      "0xf0");
  opts.verbose = true;
  const std::string v =
      Text("perf_event_open", {0x1000, kMinus1, 0, kMinus1, 0}, -EINVAL);
  EXPECT_NE(v.find("read_format=0, disabled=0, inherit=0, "), std::string::npos)
      << v;
  EXPECT_NE(v.find(", sigtrap=0, wakeup_events=0, config1=0, config2=0, "
                   "sample_regs_user=0, sample_stack_user=0, "
                   "clockid=CLOCK_MONOTONIC, sample_regs_intr=0, "
                   "aux_watermark=0, sample_max_stack=0, aux_sample_size=0, "
                   "sig_data=0xc}, -1, 0, -1, 0"),
            std::string::npos)
      << v;
  // sample_stack_user: strace 6.1 prints it in hex ("0x2000", perf
  // record --call-graph dwarf), ttrace printed 8192.
  a.stack_user = 8192;
  mem.Map(0x1000, &a, sizeof(a));
  EXPECT_NE(Text("perf_event_open", {0x1000, kMinus1, 0, kMinus1, 0}, -EINVAL)
                .find(", sample_stack_user=0x2000, "),
            std::string::npos);
  // A breakpoint, the first version's size: its fields instead of config1.
  a.type = 5;
  a.size = 64;
  a.config = 0;
  a.bits = 1 << 14;  // watermark
  a.wakeup = 77;
  a.bp_type = 2;
  a.config1 = 0x4000;
  mem.Map(0x1000, &a, sizeof(a));
  EXPECT_EQ(Text("perf_event_open", {0x1000, 0, kMinus1, kMinus1, 0}, -EINVAL)
                .substr(0, 58),
            "{type=PERF_TYPE_BREAKPOINT, size=PERF_ATTR_SIZE_VER0, conf");
  EXPECT_NE(Text("perf_event_open", {0x1000, 0, kMinus1, kMinus1, 0}, -EINVAL)
                .find(", sigtrap=0, wakeup_watermark=77, "
                      "bp_type=HW_BREAKPOINT_W, bp_addr=0x4000}, 0, -1, -1, "
                      "0"),
            std::string::npos);
  opts.verbose = false;
  // A size under the first version's: the address; NULL.
  a.size = 4;
  mem.Map(0x1000, &a, sizeof(a));
  EXPECT_EQ(Text("perf_event_open", {0x1000, 0, kMinus1, kMinus1, 0}, -E2BIG),
            "0x1000, 0, -1, -1, 0");
  EXPECT_EQ(Text("perf_event_open", {0, 0, kMinus1, kMinus1, 0}, -EFAULT),
            "NULL, 0, -1, -1, 0");
  opts.xlat_style = XlatStyle::kVerbose;
  a.size = 128;
  a.type = 3;
  a.config = 1 << 16;
  a.bits = 0;
  mem.Map(0x1000, &a, sizeof(a));
  EXPECT_NE(Text("perf_event_open", {0x1000, 0, kMinus1, kMinus1, 0}, -EINVAL)
                .find("config=0x1 /* PERF_COUNT_HW_CACHE_RESULT_MISS */<<16|0 "
                      "/* PERF_COUNT_HW_CACHE_OP_READ */<<8|0 /* "
                      "PERF_COUNT_HW_CACHE_L1D */, "),
            std::string::npos);
}

// fcntl: F_NOTIFY's dnotify events, F_GETSIG's signal after the result
// (named whatever -X says, 0 left bare), and no names for the RW_HINT
// commands strace 6.1 does not know.
TEST_F(DecoderTest, FcntlNotifyGetsigRwHint) {
  EXPECT_EQ(Text("fcntl", {3, F_NOTIFY, 0x3f}),
            "3, F_NOTIFY, DN_ACCESS|DN_MODIFY|DN_CREATE|DN_DELETE|DN_RENAME|"
            "DN_ATTRIB");
  EXPECT_EQ(Text("fcntl", {3, F_NOTIFY, 0}), "3, F_NOTIFY, 0");
  EXPECT_EQ(Text("fcntl", {3, F_NOTIFY, 0x80000040}),
            "3, F_NOTIFY, DN_MULTISHOT|0x40");
  Result r = Decode("fcntl", {3, F_GETSIG}, 29);
  EXPECT_EQ(r.all(), "3, F_GETSIG");
  EXPECT_EQ(r.suffix, " (SIGIO)");
  EXPECT_EQ(r.fmt, RetFormat::kDecimal);
  r = Decode("fcntl", {3, F_GETSIG}, 37);
  EXPECT_EQ(r.suffix, " (SIGRT_5)");
  r = Decode("fcntl", {3, F_GETSIG}, 0);
  EXPECT_EQ(r.suffix, "");
  EXPECT_EQ(Text("fcntl", {3, 1035, 0x1000}), "3, 0x40b /* F_??? */, 0x1000");
  EXPECT_EQ(Text("fcntl", {3, 1038, 0x1000}), "3, 0x40e /* F_??? */, 0x1000");
  opts.xlat_style = XlatStyle::kRaw;
  r = Decode("fcntl", {3, F_GETSIG}, 29);
  EXPECT_EQ(r.all(), "3, 0xb");
  EXPECT_EQ(r.suffix, " (SIGIO)");
  EXPECT_EQ(Text("fcntl", {3, F_NOTIFY, 6}), "3, 0x402, 0x6");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("fcntl", {3, F_NOTIFY, 0x80000006}),
            "3, 0x402 /* F_NOTIFY */, 0x80000006 /* "
            "DN_MODIFY|DN_CREATE|DN_MULTISHOT */");
}

TEST_F(DecoderTest, Sockopts) {
  int32_t one = 1;
  mem.Map(0x1000, &one, 4);
  EXPECT_EQ(Text("setsockopt", {9, SOL_SOCKET, SO_REUSEADDR, 0x1000, 4}),
            "9, SOL_SOCKET, SO_REUSEADDR, [1], 4");
  EXPECT_EQ(Text("setsockopt", {9, IPPROTO_TCP, 1, 0x1000, 4}),
            "9, SOL_TCP, TCP_NODELAY, [1], 4");
  EXPECT_EQ(Text("setsockopt", {9, IPPROTO_IP, 1, 0x1000, 4}),
            "9, SOL_IP, IP_TOS, [1], 4");
  EXPECT_EQ(Text("setsockopt", {11, IPPROTO_IPV6, 26, 0x1000, 4}, -22),
            "11, SOL_IPV6, IPV6_V6ONLY, [1], 4");
  EXPECT_EQ(Text("setsockopt", {9, SOL_SOCKET, 999, 0x1000, 4}, -92),
            "9, SOL_SOCKET, 0x3e7 /* SO_??? */, [1], 4");
  int32_t linger[2] = {1, 5};
  mem.Map(0x2000, linger, sizeof(linger));
  EXPECT_EQ(Text("setsockopt", {9, SOL_SOCKET, SO_LINGER, 0x2000, 8}),
            "9, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8");
  // SO_ATTACH_FILTER: struct sock_fprog; with -v the program, whose
  // absolute loads name the kernel's special offsets (strace 6.1's text).
  const uint16_t insns[12] = {0x28, 0, 12,     0,        // ldh [12]
                              0x20, 0, 0xf004, 0xffff,   // ld [SKF_AD_OFF+4]
                              0x30, 0, 5,      0xfff0};  // ldb [SKF_NET_OFF+5]
  const uint64_t prog[2] = {3, 0x5000};
  mem.Map(0x5000, insns, sizeof insns);
  mem.Map(0x6000, prog, sizeof prog);
  EXPECT_EQ(Text("setsockopt", {3, SOL_SOCKET, SO_ATTACH_FILTER, 0x6000, 16}),
            "3, SOL_SOCKET, SO_ATTACH_FILTER, {len=3, filter=0x5000}, 16");
  EXPECT_EQ(
      Text("setsockopt", {3, SOL_SOCKET, SO_ATTACH_FILTER, 0x6000, 8}, -22),
      "3, SOL_SOCKET, SO_ATTACH_FILTER, 0x6000, 8");
  opts.verbose = true;
  EXPECT_EQ(Text("setsockopt", {3, SOL_SOCKET, 51, 0x6000, 16}, -22),
            "3, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, {len=3, "
            "filter=[BPF_STMT(BPF_LD|BPF_H|BPF_ABS, 0xc), "
            "BPF_STMT(BPF_LD|BPF_W|BPF_ABS, SKF_AD_OFF+SKF_AD_PKTTYPE), "
            "BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_NET_OFF+5)]}, 16");
  opts.verbose = false;
  mem.Map(0x3000, "eth0", 5);
  EXPECT_EQ(Text("setsockopt", {9, SOL_SOCKET, SO_BINDTODEVICE, 0x3000, 5}),
            "9, SOL_SOCKET, SO_BINDTODEVICE, \"eth0\\0\", 5");
  int32_t zero = 0, four = 4, sndbuf = 16384;
  mem.Map(0x4000, &zero, 4);
  mem.Map(0x5000, &four, 4);
  mem.Map(0x6000, &sndbuf, 4);
  EXPECT_EQ(Text("getsockopt", {9, SOL_SOCKET, SO_ERROR, 0x4000, 0x5000}),
            "9, SOL_SOCKET, SO_ERROR, [0], [4]");
  EXPECT_EQ(Text("getsockopt", {9, SOL_SOCKET, SO_SNDBUF, 0x6000, 0x5000}),
            "9, SOL_SOCKET, SO_SNDBUF, [16384], [4]");
  EXPECT_EQ(Text("getsockopt", {99, SOL_SOCKET, SO_SNDBUF, 0x6000, 0x5000}, -9),
            "99, SOL_SOCKET, SO_SNDBUF, 0x6000, [4]");
  int32_t refused = ECONNREFUSED;
  mem.Map(0x7000, &refused, 4);
  EXPECT_EQ(Text("getsockopt", {9, SOL_SOCKET, SO_ERROR, 0x7000, 0x5000}),
            "9, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]");
  // ICMP_FILTER: the types set, or "~[...]" those clear when more than
  // half are set; unnamed ones in hex.
  uint32_t filter = ~1u;
  mem.Map(0x8000, &filter, 4);
  EXPECT_EQ(Text("setsockopt", {3, SOL_RAW, 1, 0x8000, 4}),
            "3, SOL_RAW, ICMP_FILTER, ~[ICMP_ECHOREPLY], 4");
  EXPECT_EQ(Text("setsockopt", {3, SOL_RAW, 1, 0x8000, 0}),
            "3, SOL_RAW, ICMP_FILTER, 0x8000, 0");
  // AF_VSOCK (the family as a level) and SOL_CAN_RAW name their options
  // (hex under -X raw); an unnamed level leaves them in decimal.
  EXPECT_EQ(Text("setsockopt", {3, 40, 1, 0x8000, 0}, -92),
            "3, AF_VSOCK, SO_VM_SOCKETS_BUFFER_MIN_SIZE, \"\", 0");
  EXPECT_EQ(Text("setsockopt", {3, 101, 9, 0x8000, 0}, -92),
            "3, SOL_CAN_RAW, 0x9 /* CAN_RAW_??? */, \"\", 0");
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Text("setsockopt", {3, 101, 1, 0x8000, 0}, -92),
            "3, 0x65, 0x1, \"\", 0");
  EXPECT_EQ(Text("setsockopt", {3, 1000, 1, 0x8000, 0}, -92),
            "3, 0x3e8, 1, \"\", 0");
  opts.xlat_style = XlatStyle::kAbbrev;
  filter = (1u << 3) | (1u << 8) | (1u << 20);
  mem.Map(0x8000, &filter, 4);
  EXPECT_EQ(Text("getsockopt", {3, SOL_RAW, 1, 0x8000, 0x5000}),
            "3, SOL_RAW, ICMP_FILTER, [ICMP_DEST_UNREACH ICMP_ECHO 0x14 /* "
            "ICMP_??? */], [4]");
  // SOL_PACKET: struct packet_mreq and tpacket_req of exactly their size.
  packet_mreq mreq = {1, 3, 3, {0xaa, 0xbb, 0xcc, 0xdd}};
  mem.Map(0x9000, &mreq, sizeof mreq);
  EXPECT_EQ(
      Text("setsockopt", {3, SOL_PACKET, PACKET_DROP_MEMBERSHIP, 0x9000, 16}),
      "3, SOL_PACKET, PACKET_DROP_MEMBERSHIP, {mr_ifindex=if_nametoindex("
      "\"lo\"), mr_type=PACKET_MR_UNICAST, mr_alen=3, "
      "mr_address=aa:bb:cc}, 16");
  EXPECT_EQ(
      Text("setsockopt", {3, SOL_PACKET, PACKET_ADD_MEMBERSHIP, 0x9000, 4}),
      "3, SOL_PACKET, PACKET_ADD_MEMBERSHIP, 0x9000, 4");
  const tpacket_req req = {4096, 2, 2048, 4};
  mem.Map(0x9000, &req, sizeof req);
  EXPECT_EQ(Text("setsockopt", {3, SOL_PACKET, PACKET_TX_RING, 0x9000, 16}),
            "3, SOL_PACKET, PACKET_TX_RING, {tp_block_size=4096, "
            "tp_block_nr=2, tp_frame_size=2048, tp_frame_nr=4}, 16");
  // PACKET_STATISTICS (a cut field's bytes in hex), the groups of
  // NETLINK_LIST_MEMBERSHIPS.
  const uint32_t stats[3] = {7, 1, 0};
  mem.Map(0x9000, stats, sizeof stats);
  const int32_t six = 6, eight = 8;
  mem.Map(0x5000, &six, 4);
  EXPECT_EQ(
      Text("getsockopt", {3, SOL_PACKET, PACKET_STATISTICS, 0x9000, 0x5000}),
      "3, SOL_PACKET, PACKET_STATISTICS, {tp_packets=7, "
      "tp_drops=\"\\x01\\x00\"}, [6]");
  mem.Map(0x5000, &eight, 4);
  EXPECT_EQ(Text("getsockopt",
                 {3, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, 0x9000, 0x5000}),
            "3, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, [7, 1], [8]");
}

// --------------------------------------------------------------------------
// Files: statfs, getdents, readv/writev, ownership, ...
// --------------------------------------------------------------------------
struct KStatfs {
  int64_t type, bsize;
  uint64_t blocks, bfree, bavail, files, ffree;
  int32_t fsid[2];
  int64_t namelen, frsize, flags, spare[4];
};

TEST_F(DecoderTest, Statfs) {
  KStatfs st = {0xef53,   4096,
                66053021, 61726615,
                20757891, 16777216,
                16337227, {0x3955135b, static_cast<int32_t>(0x8f9b5a1b)},
                255,      4096,
                0x1020,   {}};
  mem.Map(0x1000, &st, sizeof(st));
  mem.MapString(0x2000, "/");
  Result r = Decode("statfs", {0x2000, 0x1000}, 0);
  EXPECT_EQ(r.enter, "\"/\", ");
  EXPECT_EQ(r.exit,
            "{f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=66053021, "
            "f_bfree=61726615, f_bavail=20757891, f_files=16777216, "
            "f_ffree=16337227, f_fsid={val=[0x3955135b, 0x8f9b5a1b]}, "
            "f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}");
  mem.MapString(0x3000, "/nonexist");
  EXPECT_EQ(Text("statfs", {0x3000, 0x7fff234d88b0}, -2),
            "\"/nonexist\", 0x7fff234d88b0");
  KStatfs proc = {0x9fa0, 4096,      0,   0,    0,      0,
                  0,      {0x15, 0}, 255, 4096, 0x1020, {}};
  mem.Map(0x4000, &proc, sizeof(proc));
  EXPECT_EQ(Text("fstatfs", {3, 0x4000}),
            "3, {f_type=PROC_SUPER_MAGIC, f_bsize=4096, f_blocks=0, "
            "f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, "
            "f_fsid={val=[0x15, 0]}, f_namelen=255, f_frsize=4096, "
            "f_flags=ST_VALID|ST_RELATIME}");
  EXPECT_EQ(Text("fstatfs", {99, 0x4000}, -9), "99, 0x4000");
}

// A linux_dirent64 record of `reclen` bytes.
std::string Dirent64(uint64_t ino, uint64_t off, uint16_t reclen, uint8_t type,
                     const char* name) {
  std::string rec(reclen, '\0');
  memcpy(&rec[0], &ino, 8);
  memcpy(&rec[8], &off, 8);
  memcpy(&rec[16], &reclen, 2);
  rec[18] = static_cast<char>(type);
  memcpy(&rec[19], name, strlen(name));
  return rec;
}

TEST_F(DecoderTest, Getdents64) {
  std::string buf = Dirent64(10952867, 6357504699377170974, 24, DT_DIR, ".") +
                    Dirent64(10952800, 7709387121495409031, 24, DT_DIR, "..") +
                    Dirent64(10952886, 9223372036854775807, 24, DT_REG, "a");
  mem.Map(0x1000, buf);
  Result r = Decode("getdents64", {3, 0x1000, 4096}, 72);
  EXPECT_EQ(r.enter, "3, ");
  EXPECT_EQ(r.exit, "0x1000 /* 3 entries */, 4096");
  EXPECT_EQ(Text("getdents64", {3, 0x1000, 4096}, 0),
            "3, 0x1000 /* 0 entries */, 4096");
  EXPECT_EQ(Text("getdents64", {99, 0x1000, 4096}, -9), "99, 0x1000, 4096");
  opts.verbose = true;
  EXPECT_EQ(Text("getdents64", {3, 0x1000, 4096}, 72),
            "3, [{d_ino=10952867, d_off=6357504699377170974, d_reclen=24, "
            "d_type=DT_DIR, d_name=\".\"}, {d_ino=10952800, "
            "d_off=7709387121495409031, d_reclen=24, d_type=DT_DIR, "
            "d_name=\"..\"}, {d_ino=10952886, d_off=9223372036854775807, "
            "d_reclen=24, d_type=DT_REG, d_name=\"a\"}], 4096");
  EXPECT_EQ(Text("getdents64", {3, 0x1000, 4096}, 0), "3, [], 4096");
}

TEST_F(DecoderTest, ReadvWritev) {
  mem.Map(0x1000, "helloworld!");
  uint64_t wiov[4] = {0x1000, 5, 0x1005, 6};
  mem.Map(0x2000, wiov, sizeof(wiov));
  EXPECT_EQ(Text("writev", {3, 0x2000, 2}, 11),
            "3, [{iov_base=\"hello\", iov_len=5}, {iov_base=\"world!\", "
            "iov_len=6}], 2");
  EXPECT_EQ(Text("writev", {3, 0x2000, 0}), "3, [], 0");
  uint64_t riov[4] = {0x1000, 3, 0x1003, 20};
  mem.Map(0x3000, riov, sizeof(riov));
  Result r = Decode("readv", {3, 0x3000, 2}, 11);
  EXPECT_EQ(r.enter, "3, ");
  EXPECT_EQ(r.exit,
            "[{iov_base=\"hel\", iov_len=3}, {iov_base=\"loworld!\", "
            "iov_len=20}], 2");
  EXPECT_EQ(Text("readv", {99, 0x3000, 2}, -9),
            "99, [{iov_base=0x1000, iov_len=3}, {iov_base=0x1003, "
            "iov_len=20}], 2");
  EXPECT_EQ(Text("preadv", {3, 0x3000, 2, 1}, 2),
            "3, [{iov_base=\"he\", iov_len=3}, {iov_base=\"\", iov_len=20}], "
            "2, 1");
  EXPECT_EQ(Text("pwritev", {3, 0x2000, 1, 100}, 5),
            "3, [{iov_base=\"hello\", iov_len=5}], 1, 100");
}

TEST_F(DecoderTest, OwnershipAndTimes) {
  setenv("TZ", "UTC", 1);
  tzset();
  mem.MapString(0x1000, "/tmp/tt/f");
  EXPECT_EQ(Text("chown", {0x1000, 0xffffffff, 0xffffffff}),
            "\"/tmp/tt/f\", -1, -1");
  EXPECT_EQ(Text("lchown", {0x1000, 1000, 0xffffffff}),
            "\"/tmp/tt/f\", 1000, -1");
  EXPECT_EQ(Text("fchown", {3, 0xffffffff, 0}), "3, -1, 0");
  EXPECT_EQ(Text("fchownat", {kAtFdcwd, 0x1000, 0, 0, AT_SYMLINK_NOFOLLOW}),
            "AT_FDCWD, \"/tmp/tt/f\", 0, 0, AT_SYMLINK_NOFOLLOW");
  int64_t times[4] = {1, 2, 0, UTIME_OMIT};
  mem.Map(0x2000, times, sizeof(times));
  EXPECT_EQ(Text("utimensat", {kAtFdcwd, 0x1000, 0x2000, 0}),
            "AT_FDCWD, \"/tmp/tt/f\", [{tv_sec=1, tv_nsec=2} /* "
            "1970-01-01T00:00:01.000000002+0000 */, UTIME_OMIT], 0");
  int64_t now[4] = {0, UTIME_NOW, 0, UTIME_NOW};
  mem.Map(0x3000, now, sizeof(now));
  EXPECT_EQ(Text("utimensat", {3, 0, 0x3000, 0}),
            "3, NULL, [UTIME_NOW, UTIME_NOW], 0");
  EXPECT_EQ(Text("utimensat", {kAtFdcwd, 0x1000, 0, AT_SYMLINK_NOFOLLOW}),
            "AT_FDCWD, \"/tmp/tt/f\", NULL, AT_SYMLINK_NOFOLLOW");
}

TEST_F(DecoderTest, SpaceAndLocks) {
  EXPECT_EQ(Text("sync_file_range", {3, 0, 100, 2 | 4}),
            "3, 0, 100, SYNC_FILE_RANGE_WRITE|SYNC_FILE_RANGE_WAIT_AFTER");
  EXPECT_EQ(Text("fallocate", {3, 0, 0, 4096}), "3, 0, 0, 4096");
  EXPECT_EQ(Text("fallocate", {3, 3, 10, 20}),
            "3, FALLOC_FL_KEEP_SIZE|FALLOC_FL_PUNCH_HOLE, 10, 20");
  EXPECT_EQ(Text("flock", {3, LOCK_EX}), "3, LOCK_EX");
  EXPECT_EQ(Text("flock", {3, LOCK_UN}), "3, LOCK_UN");
  EXPECT_EQ(Text("flock", {3, LOCK_SH | LOCK_NB}), "3, LOCK_SH|LOCK_NB");
}

TEST_F(DecoderTest, InotifyAndMemfd) {
  EXPECT_EQ(Text("inotify_init1", {O_NONBLOCK | O_CLOEXEC}, 16),
            "IN_NONBLOCK|IN_CLOEXEC");
  mem.MapString(0x1000, "/tmp/tt");
  EXPECT_EQ(Text("inotify_add_watch", {16, 0x1000, 0x100 | 0x200 | 0x2}, 1),
            "16, \"/tmp/tt\", IN_MODIFY|IN_CREATE|IN_DELETE");
  EXPECT_EQ(Text("inotify_rm_watch", {16, 1}), "16, 1");
  mem.MapString(0x2000, "myfd");
  EXPECT_EQ(Text("memfd_create", {0x2000, 3}, 17),
            "\"myfd\", MFD_CLOEXEC|MFD_ALLOW_SEALING");
  EXPECT_EQ(Text("memfd_create", {0x2000, 0}, 18), "\"myfd\", 0");
  EXPECT_EQ(Text("memfd_create", {0x2000, 4 | (21u << 26)}, 18),
            "\"myfd\", MFD_HUGETLB|21<<MFD_HUGE_SHIFT");
}

TEST_F(DecoderTest, InKernelCopies) {
  int64_t off_in = 0, off_out = 10, so = 1;
  mem.Map(0x1000, &off_in, 8);
  mem.Map(0x2000, &off_out, 8);
  EXPECT_EQ(Text("copy_file_range", {3, 0x1000, 17, 0x2000, 5, 0}, -18),
            "3, [0], 17, [10], 5, 0");
  EXPECT_EQ(Text("copy_file_range", {3, 0, 17, 0, 5, 0}, -18),
            "3, NULL, 17, NULL, 5, 0");
  mem.Map(0x3000, &so, 8);
  ArgDecoder dec(&mem, opts);
  SyscallCall c;
  c.tid = 1234;
  c.nr = SyscallTable::Get().Number(kArchX86_64, "sendfile");
  c.args = {17, 3, 0x3000, 4};
  std::string enter, exit;
  dec.DecodeEntry(c, &enter);
  EXPECT_EQ(enter, "17, 3, [1]");
  so = 5;
  mem.Map(0x3000, &so, 8);
  RetFormat fmt;
  dec.DecodeExit(c, 4, &exit, &fmt);
  EXPECT_EQ(exit, " => [5], 4");
  Result r = Decode("sendfile", {17, 3, 0, 4}, 4);
  EXPECT_EQ(r.enter, "17, 3, NULL, 4");
  EXPECT_EQ(r.exit, "");
  EXPECT_EQ(Text("sendfile", {17, 3, 0x3000, 4}, -9), "17, 3, [5], 4");
  EXPECT_EQ(Text("splice", {4, 0, 20, 0, 3, 1 | 2}, 3),
            "4, NULL, 20, NULL, 3, SPLICE_F_MOVE|SPLICE_F_NONBLOCK");
  EXPECT_EQ(Text("tee", {19, 5, 2, 0}, 2), "19, 5, 2, 0");
}

TEST_F(DecoderTest, HotDecodersDoNotAllocateOnceWarm) {
  int64_t ts[2] = {0, 1000};
  mem.Map(0x1000, ts, sizeof(ts));
  PollFd fds[2] = {{4, POLLIN, POLLIN}, {5, POLLOUT, 0}};
  mem.Map(0x2000, fds, sizeof(fds));
  EpollEvent evs[2] = {{EPOLLIN, 5}, {EPOLLOUT, 6}};
  mem.Map(0x3000, evs, sizeof(evs));
  ArgDecoder dec(&mem, opts);
  struct Call {
    const char* name;
    std::array<uint64_t, 6> args;
    int64_t ret;
  } calls[] = {
      {"futex", {0x7fff0000, 128, 1, 0x1000, 0, 0}, -110},
      {"futex", {0x7fff0000, 129, 1, 0, 0, 0}, 1},
      {"poll", {0x2000, 2, 100}, 1},
      {"epoll_wait", {6, 0x3000, 4, 10}, 2},
      {"epoll_pwait", {6, 0x3000, 4, 10, 0, 8}, 2},
  };
  std::string out, suffix;
  out.reserve(512);
  suffix.reserve(512);
  for (const Call& call : calls) {
    SyscallCall c;
    c.nr = SyscallTable::Get().Number(kArchX86_64, call.name);
    c.args = call.args;
    RetFormat fmt;
    for (int i = 0; i < 3; ++i) {
      out.clear();
      dec.DecodeEntry(c, &out);
      dec.DecodeExit(c, call.ret, &out, &fmt, &suffix);
    }
    const char* data = out.data();
    const char* sdata = suffix.data();
    out.clear();
    dec.DecodeEntry(c, &out);
    dec.DecodeExit(c, call.ret, &out, &fmt, &suffix);
    EXPECT_EQ(out.data(), data) << call.name;
    EXPECT_EQ(suffix.data(), sdata) << call.name;
  }
}

TEST_F(DecoderTest, XattrAndFadvise) {
  mem.MapString(0x1000, "/tmp/tt/f");
  mem.MapString(0x2000, "user.k");
  mem.Map(0x3000, "v\0al", 4);
  EXPECT_EQ(Text("setxattr", {0x1000, 0x2000, 0x3000, 4, 0}),
            "\"/tmp/tt/f\", \"user.k\", \"v\\0al\", 4, 0");
  EXPECT_EQ(Text("fsetxattr", {3, 0x2000, 0x3000, 3, 1}),
            "3, \"user.k\", \"v\\0a\", 3, XATTR_CREATE");
  // A NUL as the last byte -s shows ends the value: no "..." (strace 6.1,
  // -s 8 on "abcdefg\0zzz"), unlike any other last byte.
  mem.Map(0x5000, "abcdefg\0zzz", 11);
  mem.Map(0x6000, "abcdefghi", 9);
  opts.string_limit = 8;
  EXPECT_EQ(Text("setxattr", {0x1000, 0x2000, 0x5000, 11, 0}),
            "\"/tmp/tt/f\", \"user.k\", \"abcdefg\", 11, 0");
  EXPECT_EQ(Text("setxattr", {0x1000, 0x2000, 0x6000, 9, 0}),
            "\"/tmp/tt/f\", \"user.k\", \"abcdefgh\"..., 9, 0");
  opts.string_limit = 32;
  Result r = Decode("getxattr", {0x1000, 0x2000, 0x3000, 64}, 4);
  EXPECT_EQ(r.enter, "\"/tmp/tt/f\", \"user.k\", ");
  EXPECT_EQ(r.exit, "\"v\\0al\", 64");
  EXPECT_EQ(Text("getxattr", {0x1000, 0x2000, 0, 0}, 4),
            "\"/tmp/tt/f\", \"user.k\", NULL, 0");
  EXPECT_EQ(Text("lgetxattr", {0x1000, 0x2000, 0x3000, 2}, -34),
            "\"/tmp/tt/f\", \"user.k\", 0x3000, 2");
  EXPECT_EQ(Text("fgetxattr", {3, 0x2000, 0x3000, 64}, 4),
            "3, \"user.k\", \"v\\0al\", 64");
  mem.Map(0x4000, "user.k", 7);
  EXPECT_EQ(Text("listxattr", {0x1000, 0x4000, 64}, 7),
            "\"/tmp/tt/f\", \"user.k\\0\", 64");
  EXPECT_EQ(Text("listxattr", {0x1000, 0, 0}, 7), "\"/tmp/tt/f\", NULL, 0");
  EXPECT_EQ(Text("llistxattr", {0x1000, 0x4000, 1}, -34),
            "\"/tmp/tt/f\", 0x4000, 1");
  EXPECT_EQ(Text("flistxattr", {3, 0x4000, 64}, 7), "3, \"user.k\\0\", 64");
  EXPECT_EQ(Text("removexattr", {0x1000, 0x2000}), "\"/tmp/tt/f\", \"user.k\"");
  EXPECT_EQ(Text("fremovexattr", {3, 0x2000}), "3, \"user.k\"");
  EXPECT_EQ(Text("fadvise64", {3, 0, 0, 2}), "3, 0, 0, POSIX_FADV_SEQUENTIAL");
  EXPECT_EQ(Text("fadvise64", {3, 10, 100, 4}),
            "3, 10, 100, POSIX_FADV_DONTNEED");
}

TEST_F(DecoderTest, CredentialsAndScheduling) {
  Result r = Decode("getgroups", {0, 0}, 0);
  EXPECT_EQ(r.enter, "0, ");
  EXPECT_EQ(r.exit, "NULL");
  uint32_t groups[2] = {0, 5};
  mem.Map(0x1000, groups, sizeof(groups));
  EXPECT_EQ(Text("getgroups", {8, 0x1000}, 0), "8, []");
  EXPECT_EQ(Text("getgroups", {8, 0x1000}, 2), "8, [0, 5]");
  EXPECT_EQ(Text("setgroups", {2, 0x1000}), "2, [0, 5]");
  EXPECT_EQ(Text("alarm", {5}), "5");
  EXPECT_EQ(Text("setpgid", {0, 6998}), "0, 6998");
  EXPECT_EQ(Text("getpgid", {1}), "1");
  EXPECT_EQ(Text("getsid", {1}), "1");
  EXPECT_EQ(Text("setuid", {0}), "0");
  EXPECT_EQ(Text("setreuid", {0xffffffff, 0}), "-1, 0");
  EXPECT_EQ(Text("setresgid", {0, 0, 0xffffffff}), "0, 0, -1");
  EXPECT_EQ(Text("setfsgid", {0xffffffff}), "-1");
  uint32_t ids[3] = {0, 0, 0};
  mem.Map(0x2000, ids, sizeof(ids));
  EXPECT_EQ(Text("getresuid", {0x2000, 0x2004, 0x2008}), "[0], [0], [0]");
  EXPECT_EQ(Text("getresuid", {0, 0x7ffc35dafe70, 0x7ffc35dafe6c}, -14),
            "NULL, 0x7ffc35dafe70, 0x7ffc35dafe6c");
  EXPECT_EQ(Text("sched_get_priority_max", {1}, 99), "SCHED_FIFO");
  EXPECT_EQ(Text("sched_get_priority_min", {0}), "SCHED_OTHER");
  r = Decode("sched_getscheduler", {0}, 0);
  EXPECT_EQ(r.all(), "0");
  EXPECT_EQ(r.suffix, " (SCHED_OTHER)");
  EXPECT_EQ(Text("sched_getparam", {0, 0x2000}), "0, [0]");
  // personality: the domain and flags; the query 0xffffffff as is; the
  // previous personality in hex with its names.
  r = Decode("personality", {0x40000}, 0);
  EXPECT_EQ(r.all(), "PER_LINUX|ADDR_NO_RANDOMIZE");
  EXPECT_EQ(r.fmt, RetFormat::kHex);
  EXPECT_EQ(r.suffix, " (PER_LINUX)");
  r = Decode("personality", {0xffffffff}, 0x40000);
  EXPECT_EQ(r.all(), "0xffffffff");
  EXPECT_EQ(r.suffix, " (PER_LINUX|ADDR_NO_RANDOMIZE)");
  EXPECT_EQ(Text("personality", {0x12340000ffffffff}, 0), "0xffffffff");
  EXPECT_EQ(Text("personality", {0x800008}), "PER_LINUX32|ADDR_LIMIT_32BIT");
  EXPECT_EQ(Text("personality", {0x1234567}),
            "0x67 /* PER_??? */|UNAME26|ADDR_COMPAT_LAYOUT|SHORT_INODE|"
            "0x14500");
  EXPECT_EQ(Text("personality", {0x100}), "PER_LINUX|0x100");
  EXPECT_EQ(Text("personality", {3}), "0x3 /* PER_??? */");
  EXPECT_EQ(Text("personality", {0x8000008}), "PER_LINUX32|ADDR_LIMIT_3GB");
  // Scheduling parameters and policies.
  EXPECT_EQ(Text("sched_setscheduler", {0, 3, 0x2000}), "0, SCHED_BATCH, [0]");
  EXPECT_EQ(Text("sched_setscheduler", {0, 0x40000000, 0x2000}),
            "0, 0x40000000 /* SCHED_??? */, [0]");
  EXPECT_EQ(Text("sched_setscheduler", {0, 0, 0}, -22), "0, SCHED_OTHER, NULL");
  EXPECT_EQ(Text("sched_setparam", {0, 0x2000}), "0, [0]");
  EXPECT_EQ(Text("sched_setparam", {0, 0}, -22), "0, NULL");
  int64_t ts[2] = {0, 100000000};
  mem.Map(0x4000, ts, sizeof ts);
  EXPECT_EQ(Text("sched_rr_get_interval", {0, 0x4000}),
            "0, {tv_sec=0, tv_nsec=100000000}");
  EXPECT_EQ(Text("sched_rr_get_interval", {0, 0}, -14), "0, NULL");
  // times: clock ticks with their seconds.
  int64_t tms[4] = {4, 1, 0, 250};
  mem.Map(0x5000, tms, sizeof tms);
  EXPECT_EQ(Text("times", {0x5000}, 1721989079),
            "{tms_utime=4 /* 0.04 s */, tms_stime=1 /* 0.01 s */, "
            "tms_cutime=0, tms_cstime=250 /* 2.50 s */}");
  EXPECT_EQ(Text("times", {0}, 1721989079), "NULL");
  // -X raw: the ticks alone (strace prints the seconds only with names).
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Text("times", {0x5000}, 1721989079),
            "{tms_utime=4, tms_stime=1, tms_cutime=0, tms_cstime=250}");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("times", {0x5000}, 1721989079),
            "{tms_utime=4 /* 0.04 s */, tms_stime=1 /* 0.01 s */, "
            "tms_cutime=0, tms_cstime=250 /* 2.50 s */}");
  opts.xlat_style = XlatStyle::kAbbrev;
  // rt_sigpending: the set (1 to 8 bytes), then its size.
  uint64_t pending = 1ull << (SIGUSR1 - 1);
  mem.Map(0x6000, &pending, sizeof pending);
  EXPECT_EQ(Text("rt_sigpending", {0x6000, 8}), "[USR1], 8");
  EXPECT_EQ(Text("rt_sigpending", {0x6000, 3}), "[USR1], 3");
  EXPECT_EQ(Text("rt_sigpending", {0x6000, 16}, -22), "0x6000, 16");
  EXPECT_EQ(Text("rt_sigpending", {0, 8}, -14), "NULL, 8");
  // unshare: its own CLONE_* set.
  EXPECT_EQ(Text("unshare", {0x20000}), "CLONE_NEWNS");
  EXPECT_EQ(Text("unshare", {0x600}), "CLONE_FS|CLONE_FILES");
  EXPECT_EQ(Text("unshare", {0x80}), "CLONE_NEWTIME");
  EXPECT_EQ(Text("unshare", {0x4000}, -22), "0x4000 /* CLONE_??? */");
  EXPECT_EQ(Text("unshare", {0x180000000}, -22), "0x180000000 /* CLONE_??? */");
  EXPECT_EQ(Text("unshare", {0}), "0");
  r = Decode("personality", {0}, 0x20100);
  EXPECT_EQ(r.suffix, " (PER_LINUX|UNAME26|0x100)");
  uint32_t cpu[2] = {1, 0};
  mem.Map(0x3000, cpu, sizeof(cpu));
  EXPECT_EQ(Text("getcpu", {0x3000, 0x3004, 0}), "[1], [0], NULL");
}

// --------------------------------------------------------------------------
// System V IPC (x86_64 layouts; strace 6.1 on this machine).
// --------------------------------------------------------------------------
constexpr uint64_t kIpc64 = 0x100;  // IPC_64, in the kernel's headers only

TEST_F(DecoderTest, IpcGet) {
  EXPECT_EQ(Text("shmget", {IPC_PRIVATE, 4096, IPC_CREAT | 0600}, 35),
            "IPC_PRIVATE, 4096, IPC_CREAT|0600");
  EXPECT_EQ(Text("shmget", {0x1234, 4096, 0}, -ENOENT), "0x1234, 4096, 000");
  EXPECT_EQ(Text("shmget",
                 {IPC_PRIVATE, 4096,
                  IPC_CREAT | IPC_EXCL | SHM_HUGETLB | SHM_NORESERVE | 0644 |
                      0x80000000ull},
                 -EINVAL),
            "IPC_PRIVATE, 4096, IPC_CREAT|IPC_EXCL|SHM_HUGETLB|SHM_NORESERVE|"
            "32<<SHM_HUGE_SHIFT|0644");
  EXPECT_EQ(Text("shmget", {0, 4096, 21u << 26}, 36),
            "IPC_PRIVATE, 4096, 21<<SHM_HUGE_SHIFT|000");
  EXPECT_EQ(Text("shmget", {0, 4096, 0x100000 | 0x200 | 0x40000000}, 39),
            "IPC_PRIVATE, 4096, IPC_CREAT|0x100000|16<<SHM_HUGE_SHIFT|000");
  EXPECT_EQ(Text("shmget", {0, 4096, 0x100000}, 40),
            "IPC_PRIVATE, 4096, 0x100000|000");
  // The key and the flags are ints.
  EXPECT_EQ(Text("shmget", {kMinus1, kMinus1, 0x100000000ull}, -ENOENT),
            "0xffffffff, 18446744073709551615, 000");
  EXPECT_EQ(Text("shmget", {0x100000000ull, 1, 0}, 52), "IPC_PRIVATE, 1, 000");
  // semget and msgget: 04000 is IPC_NOWAIT, no huge pages.
  EXPECT_EQ(Text("semget", {IPC_PRIVATE, 3, IPC_CREAT | 0600}, 35),
            "IPC_PRIVATE, 3, IPC_CREAT|0600");
  EXPECT_EQ(Text("semget", {0x11, 1, 04000 | 010000 | 0x80000000ull}, -2),
            "0x11, 1, IPC_NOWAIT|0x80001000|000");
  EXPECT_EQ(Text("msgget", {0x777, 0}, -ENOENT), "0x777, 000");
  EXPECT_EQ(Text("msgget", {0x11, 0x80000000ull | 07777}, 42),
            "0x11, IPC_CREAT|IPC_EXCL|IPC_NOWAIT|0x80000000|0777");
  // Results are plain numbers.
  const Result r = Decode("msgget", {0, IPC_CREAT | 0600}, 35);
  EXPECT_EQ(r.fmt, RetFormat::kDecimal);
  EXPECT_EQ(r.suffix, "");
}

TEST_F(DecoderTest, ShmatShmdt) {
  Result r = Decode("shmat", {35, 0, 0}, 0x7f6db30ee000);
  EXPECT_EQ(r.all(), "35, NULL, 0");
  EXPECT_EQ(r.fmt, RetFormat::kHex);
  r = Decode("shmat",
             {35, 0x7f0000000000,
              SHM_RDONLY | SHM_RND | SHM_REMAP | SHM_EXEC | 0x10000},
             -EINVAL);
  EXPECT_EQ(
      r.all(),
      "35, 0x7f0000000000, SHM_RDONLY|SHM_RND|SHM_REMAP|SHM_EXEC|0x10000");
  EXPECT_EQ(r.fmt, RetFormat::kDecimal);
  EXPECT_EQ(Text("shmat", {kMinus1, 0, 0x40}, -EINVAL),
            "-1, NULL, 0x40 /* SHM_??? */");
  EXPECT_EQ(Text("shmdt", {0x7f6db30ee000}), "0x7f6db30ee000");
  EXPECT_EQ(Text("shmdt", {0}, -EINVAL), "NULL");
  // i386's direct shmat (its layouts: I386NetTest).
  EXPECT_EQ(Decode("shmat", {35, 0, 0}, 0x1000, kArchI386).all(),
            "35, NULL, 0");
}

TEST_F(DecoderTest, Shmctl) {
  shmid_ds ds{};
  ds.shm_perm.uid = 0;
  ds.shm_perm.gid = 0;
  ds.shm_perm.cuid = 0;
  ds.shm_perm.cgid = 0;
  ds.shm_perm.mode = 03600;  // SHM_DEST|SHM_LOCKED|0600
  ds.shm_perm.__key = static_cast<key_t>(0x9abcdef0);
  ds.shm_segsz = 4096;
  ds.shm_cpid = 18164;
  ds.shm_lpid = 18165;
  ds.shm_nattch = 2;
  ds.shm_atime = 1795758711;
  ds.shm_dtime = 0;
  ds.shm_ctime = 1795758712;
  mem.Map(0x5000, &ds, sizeof ds);
  const char kStat[] =
      "{shm_perm={uid=0, gid=0, mode=03600, key=2596069104, cuid=0, cgid=0}, "
      "shm_segsz=4096, shm_cpid=18164, shm_lpid=18165, shm_nattch=2, "
      "shm_atime=1795758711, shm_dtime=0, shm_ctime=1795758712}";
  // IPC_STAT: the struct at exit (the address when the call failed).
  Result r = Decode("shmctl", {35, IPC_STAT, 0x5000}, 0);
  EXPECT_EQ(r.enter, "35, IPC_STAT, ");
  EXPECT_EQ(r.exit, kStat);
  EXPECT_EQ(Text("shmctl", {kMinus1, IPC_STAT, 0x5000}, -EINVAL),
            "-1, IPC_STAT, 0x5000");
  EXPECT_EQ(Text("shmctl", {35, IPC_STAT, 0}, -EFAULT), "35, IPC_STAT, NULL");
  EXPECT_EQ(Text("shmctl", {35, IPC_STAT, 1}, -EFAULT), "35, IPC_STAT, 0x1");
  EXPECT_EQ(Text("shmctl", {37, SHM_STAT, 0x5000}, 37),
            std::string("37, SHM_STAT, ") + kStat);
  EXPECT_EQ(Text("shmctl", {37, SHM_STAT_ANY, 0x5000}, 37),
            std::string("37, SHM_STAT_ANY, ") + kStat);
  // -Y names the creator and the last user.
  mem.SetComm(18164, "t1");
  opts.decode_pids = true;
  EXPECT_NE(Text("shmctl", {35, IPC_STAT, 0x5000})
                .find("shm_cpid=18164<t1>, shm_lpid=18165, "),
            std::string::npos);
  opts.decode_pids = false;
  // IPC_SET: at entry, perm's settable fields only, whatever the result;
  // uid -1 as -1, mode on its 32 bits.
  ds.shm_perm.uid = 0xffffffff;
  ds.shm_perm.mode = 01777;
  reinterpret_cast<unsigned char*>(&ds.shm_perm)[22] = 2;
  mem.Map(0x6000, &ds, sizeof ds);
  r = Decode("shmctl", {35, IPC_SET, 0x6000}, -EINVAL);
  EXPECT_EQ(r.enter, "35, IPC_SET, {shm_perm={uid=-1, gid=0, mode=0401777}}");
  EXPECT_EQ(r.exit, "");
  EXPECT_EQ(Text("shmctl", {35, IPC_SET, 0}, -EFAULT), "35, IPC_SET, NULL");
  EXPECT_EQ(Text("shmctl", {35, kIpc64 | IPC_SET, 0x6000}, -EINVAL),
            "35, IPC_64|IPC_SET, {shm_perm={uid=-1, gid=0, mode=0401777}}");
  // Commands without a struct: the third argument as an address.
  EXPECT_EQ(Text("shmctl", {35, IPC_RMID, 0}), "35, IPC_RMID, NULL");
  EXPECT_EQ(Text("shmctl", {35, SHM_LOCK, 0}), "35, SHM_LOCK, NULL");
  EXPECT_EQ(Text("shmctl", {35, SHM_UNLOCK, 0}), "35, SHM_UNLOCK, NULL");
  EXPECT_EQ(Text("shmctl", {35, kIpc64 | IPC_RMID, 0}, -EINVAL),
            "35, IPC_64|IPC_RMID, NULL");
  EXPECT_EQ(Text("shmctl", {35, 99, 0x5000}, -EINVAL),
            "35, 0x63 /* SHM_??? */, 0x5000");
  EXPECT_EQ(Text("shmctl", {35, kIpc64 | 99, 0x5000}, -EINVAL),
            "35, IPC_64|0x63 /* SHM_??? */, 0x5000");
  // The id and the command are ints.
  EXPECT_EQ(Text("shmctl", {0x100000005ull, 0x100000000ull, 0}, -EINVAL),
            "5, IPC_RMID, NULL");
  // IPC_INFO, SHM_INFO.
  shminfo info{};
  info.shmmax = 18446744073692774399ull;
  info.shmmin = 1;
  info.shmmni = 4096;
  info.shmseg = 4096;
  info.shmall = 18446744073692774399ull;
  mem.Map(0x7000, &info, sizeof info);
  EXPECT_EQ(Text("shmctl", {35, IPC_INFO, 0x7000}, 36),
            "35, IPC_INFO, {shmmax=18446744073692774399, shmmin=1, "
            "shmmni=4096, shmseg=4096, shmall=18446744073692774399}");
  EXPECT_EQ(Text("shmctl", {kMinus1, IPC_INFO, 0x7000}, -EINVAL),
            "-1, IPC_INFO, 0x7000");
  shm_info stats{};
  stats.used_ids = 2;
  stats.shm_tot = 3;
  stats.shm_rss = 4;
  stats.shm_swp = 5;
  stats.swap_attempts = 6;
  stats.swap_successes = 7;
  mem.Map(0x8000, &stats, sizeof stats);
  EXPECT_EQ(Text("shmctl", {0, SHM_INFO, 0x8000}, 36),
            "0, SHM_INFO, {used_ids=2, shm_tot=3, shm_rss=4, shm_swp=5, "
            "swap_attempts=6, swap_successes=7}");
}

TEST_F(DecoderTest, SemopSemtimedop) {
  sembuf ops[3] = {{0, 1, 0}, {1, 2, IPC_NOWAIT | SEM_UNDO}, {2, -3, 0x100}};
  mem.Map(0x5000, ops, sizeof ops);
  EXPECT_EQ(Text("semop", {35, 0x5000, 3}),
            "35, [{sem_num=0, sem_op=1, sem_flg=0}, {sem_num=1, sem_op=2, "
            "sem_flg=SEM_UNDO|IPC_NOWAIT}, {sem_num=2, sem_op=-3, "
            "sem_flg=0x100 /* SEM_??? */}], 3");
  // All at entry.
  Result r = Decode("semop", {35, 0x5000, 1}, 0);
  EXPECT_EQ(r.enter, "35, [{sem_num=0, sem_op=1, sem_flg=0}], 1");
  EXPECT_EQ(r.exit, "");
  EXPECT_EQ(Text("semop", {35, 0, 1}, -EFAULT), "35, NULL, 1");
  EXPECT_EQ(Text("semop", {35, 0x5000, 0}, -EINVAL), "35, [], 0");
  EXPECT_EQ(Text("semop", {35, 1, 2}, -EFAULT), "35, 0x1, 2");
  // nsops is unsigned int.
  EXPECT_EQ(Text("semop", {kMinus1, 0x5000, 0x100000001ull}, -EINVAL),
            "-1, [{sem_num=0, sem_op=1, sem_flg=0}], 1");
  // More than -s elements: "...", unless -v.
  std::vector<sembuf> many(33, sembuf{0, 0, IPC_NOWAIT});
  mem.Map(0x6000, many.data(), many.size() * sizeof(sembuf));
  std::string one = "{sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}";
  std::string first32;
  for (int i = 0; i < 32; ++i) first32 += one + ", ";
  EXPECT_EQ(Text("semop", {35, 0x6000, 33}, -EAGAIN),
            "35, [" + first32 + "...], 33");
  EXPECT_EQ(Text("semop", {35, 0x6000, 32}, -EAGAIN),
            "35, [" + first32.substr(0, first32.size() - 2) + "], 32");
  opts.verbose = true;
  EXPECT_EQ(Text("semop", {35, 0x6000, 33}, -EAGAIN),
            "35, [" + first32 + one + "], 33");
  opts.verbose = false;
  // semtimedop: and the timeout.
  int64_t ts[2] = {1, 5};
  mem.Map(0x7000, ts, sizeof ts);
  EXPECT_EQ(Text("semtimedop", {35, 0x5000, 1, 0x7000}, -EAGAIN),
            "35, [{sem_num=0, sem_op=1, sem_flg=0}], 1, {tv_sec=1, tv_nsec=5}");
  EXPECT_EQ(Text("semtimedop", {35, 0x5000, 1, 0}),
            "35, [{sem_num=0, sem_op=1, sem_flg=0}], 1, NULL");
  EXPECT_EQ(Text("semtimedop", {35, 0x5000, 1, 1}, -EFAULT),
            "35, [{sem_num=0, sem_op=1, sem_flg=0}], 1, 0x1");
}

TEST_F(DecoderTest, Semctl) {
  // Most commands: the fourth argument as an address (SETVAL's value too).
  EXPECT_EQ(Text("semctl", {35, 1, SETVAL, 7}), "35, 1, SETVAL, 0x7");
  EXPECT_EQ(Text("semctl", {35, 1, SETVAL, 0}), "35, 1, SETVAL, NULL");
  EXPECT_EQ(Text("semctl", {35, 1, GETVAL, 0}, 7), "35, 1, GETVAL, NULL");
  EXPECT_EQ(Text("semctl", {35, 0, GETALL, 0x7ffee032fe3a}),
            "35, 0, GETALL, 0x7ffee032fe3a");
  EXPECT_EQ(Text("semctl", {35, 0, SETALL, 0x7ffee032fe3a}),
            "35, 0, SETALL, 0x7ffee032fe3a");
  EXPECT_EQ(Text("semctl", {35, 0, GETNCNT, 0}), "35, 0, GETNCNT, NULL");
  EXPECT_EQ(Text("semctl", {35, 0, GETZCNT, 0}), "35, 0, GETZCNT, NULL");
  EXPECT_EQ(Text("semctl", {35, 0, GETPID, 0}, 19533), "35, 0, GETPID, NULL");
  EXPECT_EQ(Text("semctl", {35, 0, IPC_RMID, 0x55}), "35, 0, IPC_RMID, 0x55");
  EXPECT_EQ(Text("semctl", {35, 0, kIpc64 | GETVAL, 0}, -EINVAL),
            "35, 0, IPC_64|GETVAL, NULL");
  EXPECT_EQ(Text("semctl", {35, 0, 99, 0x1234}, -EINVAL),
            "35, 0, 0x63 /* SEM_??? */, 0x1234");
  EXPECT_EQ(
      Text("semctl", {0x100000005ull, 0x100000001ull, 0x100000000ull, 0}, -22),
      "5, 1, IPC_RMID, NULL");
  // IPC_STAT, SEM_STAT(_ANY): at exit.
  semid_ds ds{};
  ds.sem_perm.mode = 0600;
  ds.sem_perm.__key = 0x4321;
  ds.sem_perm.cuid = 1000;
  ds.sem_perm.cgid = 0xffffffff;
  ds.sem_otime = 1795758726;
  ds.sem_ctime = 1795758727;
  ds.sem_nsems = 3;
  mem.Map(0x5000, &ds, sizeof ds);
  const char kStat[] =
      "{sem_perm={uid=0, gid=0, mode=0600, key=17185, cuid=1000, cgid=-1}, "
      "sem_otime=1795758726, sem_ctime=1795758727, sem_nsems=3}";
  Result r = Decode("semctl", {35, 0, IPC_STAT, 0x5000}, 0);
  EXPECT_EQ(r.enter, "35, 0, IPC_STAT, ");
  EXPECT_EQ(r.exit, kStat);
  EXPECT_EQ(Text("semctl", {41, 0, SEM_STAT, 0x5000}, 41),
            std::string("41, 0, SEM_STAT, ") + kStat);
  EXPECT_EQ(Text("semctl", {41, 0, SEM_STAT_ANY, 0x5000}, 41),
            std::string("41, 0, SEM_STAT_ANY, ") + kStat);
  EXPECT_EQ(Text("semctl", {kMinus1, 0, IPC_STAT, 0x5000}, -EINVAL),
            "-1, 0, IPC_STAT, 0x5000");
  EXPECT_EQ(Text("semctl", {35, 0, IPC_STAT, 0}, -EFAULT),
            "35, 0, IPC_STAT, NULL");
  // IPC_SET: at entry.
  r = Decode("semctl", {kMinus1, 0, IPC_SET, 0x5000}, -EINVAL);
  EXPECT_EQ(r.enter, "-1, 0, IPC_SET, {sem_perm={uid=0, gid=0, mode=0600}}");
  EXPECT_EQ(r.exit, "");
  // IPC_INFO, SEM_INFO.
  seminfo info = {1024000000, 32000, 1024000000, 1024000000, 32000,
                  500,        500,   20,         32767,      32767};
  mem.Map(0x6000, &info, sizeof info);
  EXPECT_EQ(Text("semctl", {35, 0, SEM_INFO, 0x6000}, 36),
            "35, 0, SEM_INFO, {semmap=1024000000, semmni=32000, "
            "semmns=1024000000, semmnu=1024000000, semmsl=32000, semopm=500, "
            "semume=500, semusz=20, semvmx=32767, semaem=32767}");
  EXPECT_EQ(Text("semctl", {35, 0, IPC_INFO, 0x6000}, -EFAULT),
            "35, 0, IPC_INFO, 0x6000");
}

TEST_F(DecoderTest, MsgsndMsgrcv) {
  struct {
    int64_t mtype;
    char mtext[64];
  } m = {42, "hello\0world"};
  memset(m.mtext + 11, 'x', sizeof m.mtext - 11);
  mem.Map(0x5000, &m, sizeof m);
  // msgsnd: all at entry; the text is as long as the size says.
  Result r = Decode("msgsnd", {35, 0x5000, 11, 0}, 0);
  EXPECT_EQ(r.enter, "35, {mtype=42, mtext=\"hello\\0world\"}, 11, 0");
  EXPECT_EQ(r.exit, "");
  EXPECT_EQ(Text("msgsnd", {35, 0x5000, 5, IPC_NOWAIT}),
            "35, {mtype=42, mtext=\"hello\"}, 5, IPC_NOWAIT");
  EXPECT_EQ(Text("msgsnd", {35, 0x5000, 0, 0}),
            "35, {mtype=42, mtext=\"\"}, 0, 0");
  EXPECT_EQ(Text("msgsnd", {35, 0x5000, 64, 0}),
            "35, {mtype=42, mtext=\"hello\\0worldxxxxxxxxxxxxxxxxxxxxx\"...}, "
            "64, 0");
  EXPECT_EQ(Text("msgsnd", {35, 0x5000, 3, 0x1000 | IPC_NOWAIT | 0x40}),
            "35, {mtype=42, mtext=\"hel\"}, 3, MSG_NOERROR|IPC_NOWAIT|0x40");
  EXPECT_EQ(Text("msgsnd", {kMinus1, 0, 0, 070000 | IPC_NOWAIT | 0x40}, -14),
            "-1, NULL, 0, MSG_NOERROR|MSG_EXCEPT|MSG_COPY|IPC_NOWAIT|0x40");
  EXPECT_EQ(Text("msgsnd", {kMinus1, 0, 0, 0x40}, -EFAULT),
            "-1, NULL, 0, 0x40 /* MSG_??? */");
  EXPECT_EQ(Text("msgsnd", {35, 1, 5, 0}, -EFAULT), "35, 0x1, 5, 0");
  // msgrcv: the id at entry, the rest at exit; the whole buffer's text
  // (its size, not the result), the address when the call failed.
  r = Decode("msgrcv", {35, 0x5000, 64, 0, 0}, 11);
  EXPECT_EQ(r.enter, "35, ");
  EXPECT_EQ(r.exit,
            "{mtype=42, mtext=\"hello\\0worldxxxxxxxxxxxxxxxxxxxxx\"...}, 64, "
            "0, 0");
  EXPECT_EQ(Text("msgrcv", {35, 0x5000, 2, 42, MSG_NOERROR | IPC_NOWAIT}, 2),
            "35, {mtype=42, mtext=\"he\"}, 2, 42, MSG_NOERROR|IPC_NOWAIT");
  EXPECT_EQ(
      Text("msgrcv",
           {35, 0x5000, 2, static_cast<uint64_t>(-5), MSG_EXCEPT | IPC_NOWAIT},
           -ENOMSG),
      "35, 0x5000, 2, -5, MSG_EXCEPT|IPC_NOWAIT");
  EXPECT_EQ(Text("msgrcv", {35, 0, 64, 0, IPC_NOWAIT}, -ENOMSG),
            "35, NULL, 64, 0, IPC_NOWAIT");
  EXPECT_EQ(Text("msgrcv", {35, 0x5000, 64, 0, MSG_COPY | IPC_NOWAIT}, -42),
            "35, 0x5000, 64, 0, MSG_COPY|IPC_NOWAIT");
  EXPECT_EQ(Text("msgrcv", {kMinus1, 0, 0, 0, 0x40}, -EINVAL),
            "-1, NULL, 0, 0, 0x40 /* MSG_??? */");
  EXPECT_EQ(Text("msgrcv",
                 {kMinus1, 0, 0x100000000ull, 0x100000000ull, 0x100000000ull},
                 -EINVAL),
            "-1, NULL, 4294967296, 4294967296, 0");
  // -x, -s: the text as any string.
  m.mtext[0] = '\n';
  m.mtext[1] = 1;
  mem.Map(0x5000, &m, sizeof m);
  opts.string_limit = 4;
  EXPECT_EQ(Text("msgrcv", {35, 0x5000, 64, 0, 0}, 2),
            "35, {mtype=42, mtext=\"\\n\\1ll\"...}, 64, 0, 0");
  opts.hex_strings = HexStrings::kNonAscii;
  EXPECT_EQ(Text("msgsnd", {35, 0x5000, 2, 0}),
            "35, {mtype=42, mtext=\"\\x0a\\x01\"}, 2, 0");
}

TEST_F(DecoderTest, Msgctl) {
  msqid_ds ds{};
  ds.msg_perm.mode = 0600;
  ds.msg_perm.__key = static_cast<key_t>(0x9abcdef0);
  ds.msg_stime = 1795758726;
  ds.msg_rtime = 0;
  ds.msg_ctime = 1795758727;
  ds.__msg_cbytes = 99;
  ds.msg_qnum = 3;
  ds.msg_qbytes = 16384;
  ds.msg_lspid = 19533;
  ds.msg_lrpid = 0;
  mem.Map(0x5000, &ds, sizeof ds);
  const char kStat[] =
      "{msg_perm={uid=0, gid=0, mode=0600, key=2596069104, cuid=0, cgid=0}, "
      "msg_stime=1795758726, msg_rtime=0, msg_ctime=1795758727, msg_qnum=3, "
      "msg_qbytes=16384, msg_lspid=19533, msg_lrpid=0}";
  Result r = Decode("msgctl", {35, IPC_STAT, 0x5000}, 0);
  EXPECT_EQ(r.enter, "35, IPC_STAT, ");
  EXPECT_EQ(r.exit, kStat);
  EXPECT_EQ(Text("msgctl", {38, MSG_STAT, 0x5000}, 38),
            std::string("38, MSG_STAT, ") + kStat);
  EXPECT_EQ(Text("msgctl", {38, MSG_STAT_ANY, 0x5000}, 38),
            std::string("38, MSG_STAT_ANY, ") + kStat);
  EXPECT_EQ(Text("msgctl", {35, IPC_STAT, 0}, -EFAULT), "35, IPC_STAT, NULL");
  EXPECT_EQ(Text("msgctl", {kMinus1, IPC_STAT, 0x5000}, -EINVAL),
            "-1, IPC_STAT, 0x5000");
  // strace 6.1 does not name the queue's pids with -Y.
  mem.SetComm(19533, "t2");
  opts.decode_pids = true;
  EXPECT_EQ(Text("msgctl", {35, IPC_STAT, 0x5000}),
            std::string("35, IPC_STAT, ") + kStat);
  opts.decode_pids = false;
  r = Decode("msgctl", {kMinus1, IPC_SET, 0x5000}, -EINVAL);
  EXPECT_EQ(r.enter,
            "-1, IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, "
            "msg_qbytes=16384}");
  EXPECT_EQ(r.exit, "");
  EXPECT_EQ(Text("msgctl", {35, IPC_RMID, 0}), "35, IPC_RMID, NULL");
  EXPECT_EQ(Text("msgctl", {35, IPC_RMID, 0x77}), "35, IPC_RMID, 0x77");
  EXPECT_EQ(Text("msgctl", {35, kIpc64 | IPC_RMID, 0}, -EINVAL),
            "35, IPC_64|IPC_RMID, NULL");
  EXPECT_EQ(Text("msgctl", {35, 99, 0}, -EINVAL),
            "35, 0x63 /* MSG_??? */, NULL");
  msginfo info = {512000, 16384, 8192, 16384, 32000, 16, 16384, 65535};
  mem.Map(0x6000, &info, sizeof info);
  EXPECT_EQ(Text("msgctl", {35, IPC_INFO, 0x6000}, 35),
            "35, IPC_INFO, {msgpool=512000, msgmap=16384, msgmax=8192, "
            "msgmnb=16384, msgmni=32000, msgssz=16, msgtql=16384, "
            "msgseg=65535}");
  EXPECT_EQ(Text("msgctl", {35, MSG_INFO, 0x6000}, 35),
            "35, MSG_INFO, {msgpool=512000, msgmap=16384, msgmax=8192, "
            "msgmnb=16384, msgmni=32000, msgssz=16, msgtql=16384, "
            "msgseg=65535}");
}

// The IPC decoders append to the caller's strings only: once these have
// grown, decoding again does not reallocate them.
TEST_F(DecoderTest, IpcDecodersDoNotAllocateOnceWarm) {
  sembuf ops[2] = {{0, 1, 0}, {1, -1, SEM_UNDO}};
  mem.Map(0x1000, ops, sizeof ops);
  struct {
    int64_t mtype;
    char mtext[8];
  } m = {1, "abcdefg"};
  mem.Map(0x2000, &m, sizeof m);
  shmid_ds ds{};
  mem.Map(0x3000, &ds, sizeof ds);
  ArgDecoder dec(&mem, opts);
  struct Call {
    const char* name;
    std::array<uint64_t, 6> args;
    int64_t ret;
  } calls[] = {
      {"semop", {35, 0x1000, 2}, 0},
      {"msgsnd", {35, 0x2000, 8, 0}, 0},
      {"msgrcv", {35, 0x2000, 8, 0, 0}, 8},
      {"shmctl", {35, IPC_STAT, 0x3000}, 0},
      {"shmget", {0, 4096, IPC_CREAT | 0600}, 35},
  };
  std::string out;
  out.reserve(512);
  for (const Call& call : calls) {
    SyscallCall c;
    c.nr = SyscallTable::Get().Number(kArchX86_64, call.name);
    c.args = call.args;
    RetFormat fmt;
    for (int i = 0; i < 3; ++i) {
      out.clear();
      dec.DecodeEntry(c, &out);
      dec.DecodeExit(c, call.ret, &out, &fmt);
    }
    const char* data = out.data();
    out.clear();
    dec.DecodeEntry(c, &out);
    dec.DecodeExit(c, call.ret, &out, &fmt);
    EXPECT_EQ(out.data(), data) << call.name;
  }
}

// --------------------------------------------------------------------------
// -e read=/write= dumps.
// --------------------------------------------------------------------------
// capget, capset.
// --------------------------------------------------------------------------
TEST_F(DecoderTest, Capget) {
  uint32_t h3[2] = {0x20080522, 0};
  mem.Map(0x1000, h3, sizeof(h3));
  uint32_t data[6] = {0xffffffff, 0x3, 0, 0x1ff, 0x1, 0};
  mem.Map(0x2000, data, sizeof(data));
  Result r = Decode("capget", {0x1000, 0x2000}, 0);
  EXPECT_EQ(r.enter, "{version=_LINUX_CAPABILITY_VERSION_3, pid=0}, ");
  EXPECT_EQ(r.exit,
            "{effective=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|"
            "1<<CAP_DAC_READ_SEARCH|1<<CAP_FOWNER|1<<CAP_FSETID|1<<CAP_KILL|"
            "1<<CAP_SETGID|1<<CAP_SETUID|1<<CAP_SETPCAP|"
            "1<<CAP_LINUX_IMMUTABLE|1<<CAP_NET_BIND_SERVICE|"
            "1<<CAP_NET_BROADCAST|1<<CAP_NET_ADMIN|1<<CAP_NET_RAW|"
            "1<<CAP_IPC_LOCK|1<<CAP_IPC_OWNER|1<<CAP_SYS_MODULE|"
            "1<<CAP_SYS_RAWIO|1<<CAP_SYS_CHROOT|1<<CAP_SYS_PTRACE|"
            "1<<CAP_SYS_PACCT|1<<CAP_SYS_ADMIN|1<<CAP_SYS_BOOT|"
            "1<<CAP_SYS_NICE|1<<CAP_SYS_RESOURCE|1<<CAP_SYS_TIME|"
            "1<<CAP_SYS_TTY_CONFIG|1<<CAP_MKNOD|1<<CAP_LEASE|"
            "1<<CAP_AUDIT_WRITE|1<<CAP_AUDIT_CONTROL|1<<CAP_SETFCAP|"
            "1<<CAP_MAC_OVERRIDE|1<<CAP_MAC_ADMIN|1<<CAP_SYSLOG|"
            "1<<CAP_WAKE_ALARM|1<<CAP_BLOCK_SUSPEND|1<<CAP_AUDIT_READ|"
            "1<<CAP_PERFMON|1<<CAP_BPF|1<<CAP_CHECKPOINT_RESTORE, "
            "permitted=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|1<<CAP_MAC_OVERRIDE, "
            "inheritable=0}");

  // Version 1 has one struct: the second is not read.
  uint32_t h1[2] = {0x19980330, 0};
  mem.Map(0x3000, h1, sizeof(h1));
  uint32_t data1[3] = {1, 3, 0};
  mem.Map(0x4000, data1, sizeof(data1));
  EXPECT_EQ(Text("capget", {0x3000, 0x4000}, 0),
            "{version=_LINUX_CAPABILITY_VERSION_1, pid=0}, "
            "{effective=1<<CAP_CHOWN, "
            "permitted=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE, inheritable=0}");

  // Failures: the data's address; NULL; unknown versions.
  uint32_t hx[2] = {0x1234, 7229};
  mem.Map(0x5000, hx, sizeof(hx));
  EXPECT_EQ(Text("capget", {0x5000, 0x2000}, -22),
            "{version=0x1234 /* _LINUX_CAPABILITY_VERSION_??? */, pid=7229}, "
            "0x2000");
  EXPECT_EQ(Text("capget", {0x1000, 0}, 0),
            "{version=_LINUX_CAPABILITY_VERSION_3, pid=0}, NULL");
  EXPECT_EQ(Text("capget", {0, 0}, -14), "NULL, NULL");
  EXPECT_EQ(Text("capget", {0x1000, 0x1}, -14),
            "{version=_LINUX_CAPABILITY_VERSION_3, pid=0}, 0x1");

  // -Y names the pid.
  opts.decode_pids = true;
  mem.SetComm(7229, "t");
  EXPECT_EQ(Text("capget", {0x5000, 0x2000}, -22),
            "{version=0x1234 /* _LINUX_CAPABILITY_VERSION_??? */, "
            "pid=7229<t>}, 0x2000");
}

TEST_F(DecoderTest, Capset) {
  uint32_t h3[2] = {0x20080522, 0};
  mem.Map(0x1000, h3, sizeof(h3));
  uint32_t data[6] = {1, 3, 0, 0x1ff, 0xffffffff, 0x80000000};
  mem.Map(0x2000, data, sizeof(data));
  Result r = Decode("capset", {0x1000, 0x2000}, 0);
  EXPECT_EQ(r.enter,
            "{version=_LINUX_CAPABILITY_VERSION_3, pid=0}, "
            "{effective=1<<CAP_CHOWN|1<<CAP_MAC_OVERRIDE|1<<CAP_MAC_ADMIN|"
            "1<<CAP_SYSLOG|1<<CAP_WAKE_ALARM|1<<CAP_BLOCK_SUSPEND|"
            "1<<CAP_AUDIT_READ|1<<CAP_PERFMON|1<<CAP_BPF|"
            "1<<CAP_CHECKPOINT_RESTORE, permitted=1<<CAP_CHOWN|"
            "1<<CAP_DAC_OVERRIDE|1<<CAP_MAC_OVERRIDE|1<<CAP_MAC_ADMIN|"
            "1<<CAP_SYSLOG|1<<CAP_WAKE_ALARM|1<<CAP_BLOCK_SUSPEND|"
            "1<<CAP_AUDIT_READ|1<<CAP_PERFMON|1<<CAP_BPF|"
            "1<<CAP_CHECKPOINT_RESTORE|0xfffffe00, "
            "inheritable=0x80000000 /* CAP_??? */}");
  EXPECT_EQ(r.exit, "");

  // Only the second word set; an unknown bit beside a known one.
  uint32_t data2[6] = {0, 0x80000000, 0, 0x80000000, 1, 0};
  mem.Map(0x3000, data2, sizeof(data2));
  EXPECT_EQ(Text("capset", {0x1000, 0x3000}, 0),
            "{version=_LINUX_CAPABILITY_VERSION_3, pid=0}, "
            "{effective=0x80000000 /* CAP_??? */, "
            "permitted=1<<CAP_SETFCAP|1<<CAP_MAC_OVERRIDE, inheritable=0}");

  // An unknown version reads one struct; a failure still shows it.
  uint32_t hx[2] = {0x1234, 0};
  mem.Map(0x4000, hx, sizeof(hx));
  uint32_t zeros[3] = {};
  mem.Map(0x5000, zeros, sizeof(zeros));
  EXPECT_EQ(Text("capset", {0x4000, 0x5000}, -22),
            "{version=0x1234 /* _LINUX_CAPABILITY_VERSION_??? */, pid=0}, "
            "{effective=0, permitted=0, inheritable=0}");
  EXPECT_EQ(Text("capset", {0x1000, 0x5000}, -14),
            "{version=_LINUX_CAPABILITY_VERSION_3, pid=0}, 0x5000");
}
// --------------------------------------------------------------------------
// sched_getattr, sched_setattr.
// --------------------------------------------------------------------------
// struct sched_attr: size, policy, flags (u64), nice, priority, runtime,
// deadline, period (u64s), util_min, util_max; 56 bytes.
std::string SchedAttrBytes(uint32_t size, uint32_t policy, uint64_t flags,
                           int32_t nice, uint32_t prio, uint64_t runtime) {
  std::string b(56, '\0');
  std::memcpy(&b[0], &size, 4);
  std::memcpy(&b[4], &policy, 4);
  std::memcpy(&b[8], &flags, 8);
  std::memcpy(&b[16], &nice, 4);
  std::memcpy(&b[20], &prio, 4);
  std::memcpy(&b[24], &runtime, 8);
  return b;
}

TEST_F(DecoderTest, SchedGetattr) {
  mem.Map(0x1000, SchedAttrBytes(48, 0, 0, 0, 0, 0));
  Result r = Decode("sched_getattr", {0, 0x1000, 48, 0}, 0);
  EXPECT_EQ(r.enter, "0, ");
  EXPECT_EQ(r.exit,
            "{size=48, sched_policy=SCHED_OTHER, sched_flags=0, "
            "sched_nice=0, sched_priority=0, sched_runtime=0, "
            "sched_deadline=0, sched_period=0}, 48, 0");
  // As many fields as the size the kernel stored, whatever was asked.
  mem.Map(0x2000, SchedAttrBytes(56, 0, 0, 0, 0, 1400000));
  EXPECT_EQ(Text("sched_getattr", {0, 0x2000, 100, 0}, 0),
            "0, {size=56, sched_policy=SCHED_OTHER, sched_flags=0, "
            "sched_nice=0, sched_priority=0, sched_runtime=1400000, "
            "sched_deadline=0, sched_period=0, sched_util_min=0, "
            "sched_util_max=0}, 100, 0");
  EXPECT_EQ(Text("sched_getattr", {0, 0x1000, 20, 0}, -22), "0, 0x1000, 20, 0");
  EXPECT_EQ(Text("sched_getattr", {0, 0, 48, 0}, -22), "0, NULL, 48, 0");
  EXPECT_EQ(Text("sched_getattr", {0, 0x1000, 48, 1}, -22), "0, 0x1000, 48, 1");
}

TEST_F(DecoderTest, SchedSetattr) {
  mem.Map(0x1000, SchedAttrBytes(56, 3, 1, 5, 0, 1400000));
  Result r = Decode("sched_setattr", {0, 0x1000, 0}, 0);
  EXPECT_EQ(r.enter,
            "0, {size=56, sched_policy=SCHED_BATCH, "
            "sched_flags=SCHED_FLAG_RESET_ON_FORK, sched_nice=5, "
            "sched_priority=0, sched_runtime=1400000, sched_deadline=0, "
            "sched_period=0, sched_util_min=0, sched_util_max=0}");
  EXPECT_EQ(r.exit, ", 0");
  mem.Map(0x2000, SchedAttrBytes(48, 2, 0x100, -3, 5, 1400000));
  EXPECT_EQ(Text("sched_setattr", {0, 0x2000, 0}, -22),
            "0, {size=48, sched_policy=SCHED_RR, "
            "sched_flags=0x100 /* SCHED_FLAG_??? */, sched_nice=-3, "
            "sched_priority=5, sched_runtime=1400000, sched_deadline=0, "
            "sched_period=0}, 0");
  // KEEP_POLICY leaves out a valid policy; KEEP_PARAMS the parameters.
  mem.Map(0x3000, SchedAttrBytes(48, 3, 8, -3, 5, 1400000));
  EXPECT_EQ(Text("sched_setattr", {0, 0x3000, 0}, -22),
            "0, {size=48, sched_flags=SCHED_FLAG_KEEP_POLICY, sched_nice=-3, "
            "sched_priority=5, sched_runtime=1400000, sched_deadline=0, "
            "sched_period=0}, 0");
  // Size 0 is the first version's 48 bytes.
  mem.Map(0x4000, SchedAttrBytes(0, 6, 0xff, 0, 0, 0));
  EXPECT_EQ(Text("sched_setattr", {7229, 0x4000, 1}, -22),
            "7229, {size=0, sched_flags=SCHED_FLAG_RESET_ON_FORK|"
            "SCHED_FLAG_RECLAIM|SCHED_FLAG_DL_OVERRUN|SCHED_FLAG_KEEP_POLICY|"
            "SCHED_FLAG_KEEP_PARAMS|SCHED_FLAG_UTIL_CLAMP_MIN|"
            "SCHED_FLAG_UTIL_CLAMP_MAX|0x80}, 1");
  // A negative policy shows despite KEEP_POLICY; a larger struct ends
  // with "...".
  std::string big = SchedAttrBytes(100, 0xffffffff, 8, -3, 5, 1400000);
  big.resize(100, '\0');
  mem.Map(0x5000, big);
  EXPECT_EQ(Text("sched_setattr", {0, 0x5000, 0}, -22),
            "0, {size=100, sched_policy=0xffffffff /* SCHED_??? */, "
            "sched_flags=SCHED_FLAG_KEEP_POLICY, sched_nice=-3, "
            "sched_priority=5, sched_runtime=1400000, sched_deadline=0, "
            "sched_period=0, sched_util_min=0, sched_util_max=0, ...}, 0");
  // E2BIG: the size the kernel knows, stored in the struct.
  {
    SyscallCall c;
    c.tid = 1234;
    c.arch = kArchX86_64;
    c.nr = SyscallTable::Get().Number(kArchX86_64, "sched_setattr");
    c.args[1] = 0x6000;
    ArgDecoder dec(&mem, opts);
    std::string enter;
    mem.Map(0x6000, "\x14\0\0\0", 4);
    dec.DecodeEntry(c, &enter);
    mem.Map(0x6000, "\x38\0\0\0", 4);
    RetFormat fmt;
    std::string exit, suffix;
    dec.DecodeExit(c, -7, &exit, &fmt, &suffix);
    EXPECT_EQ(enter + exit, "0, {size=20} => {size=56}, 0");
  }
  EXPECT_EQ(Text("sched_setattr", {0, 0, 0}, -22), "0, NULL, 0");
  EXPECT_EQ(Text("sched_setattr", {0, 0x1, 0}, -14), "0, 0x1, 0");
}

// --------------------------------------------------------------------------
// adjtimex, clock_adjtime.
// --------------------------------------------------------------------------
// x86_64's struct timex (208 bytes) as the kernel returns it unsynced.
std::string TimexBytes(uint32_t modes, uint32_t status) {
  std::string b(208, '\0');
  auto put64 = [&b](size_t off, int64_t v) { std::memcpy(&b[off], &v, 8); };
  std::memcpy(&b[0], &modes, 4);
  put64(24, 16000000);  // maxerror
  put64(32, 16000000);  // esterror
  std::memcpy(&b[40], &status, 4);
  put64(48, 2);           // constant
  put64(56, 1);           // precision
  put64(64, 32768000);    // tolerance
  put64(72, 1795763381);  // time.tv_sec
  put64(80, 233690);      // time.tv_usec
  put64(88, 10000);       // tick
  int32_t tai = 37;
  std::memcpy(&b[160], &tai, 4);
  return b;
}

TEST_F(DecoderTest, Adjtimex) {
  mem.Map(0x1000, TimexBytes(0, 0x40));
  Result r = Decode("clock_adjtime", {0, 0x1000}, 5);
  EXPECT_EQ(r.enter, "CLOCK_REALTIME, ");
  EXPECT_EQ(r.exit,
            "{modes=0, offset=0, freq=0, maxerror=16000000, "
            "esterror=16000000, status=STA_UNSYNC, constant=2, precision=1, "
            "tolerance=32768000, time={tv_sec=1795763381, tv_usec=233690}, "
            "tick=10000, ppsfreq=0, jitter=0, shift=0, stabil=0, jitcnt=0, "
            "calcnt=0, errcnt=0, stbcnt=0, tai=37}");
  EXPECT_EQ(r.suffix, " (TIME_ERROR)");

  mem.Map(0x2000, TimexBytes(0xa001, 0x2001 | 0x10000));
  r = Decode("adjtimex", {0x2000}, 0);
  EXPECT_EQ(r.enter, "");
  EXPECT_EQ(r.exit,
            "{modes=ADJ_OFFSET_SS_READ, offset=0, freq=0, maxerror=16000000, "
            "esterror=16000000, status=STA_PLL|STA_NANO|0x10000, constant=2, "
            "precision=1, tolerance=32768000, time={tv_sec=1795763381, "
            "tv_usec=233690}, tick=10000, ppsfreq=0, jitter=0, shift=0, "
            "stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=37}");
  EXPECT_EQ(r.suffix, " (TIME_OK)");
  mem.Map(0x3000, TimexBytes(0x8001 | 0x2 | 0x80000, 0));
  r = Decode("adjtimex", {0x3000}, 9);
  EXPECT_EQ(r.exit.substr(0, 52),
            "{modes=ADJ_OFFSET_SINGLESHOT|ADJ_FREQUENCY|0x80000, ");
  EXPECT_EQ(r.suffix, "");

  // Failures: the address, no state.
  r = Decode("clock_adjtime", {1, 0x1000}, -95);
  EXPECT_EQ(r.all(), "CLOCK_MONOTONIC, 0x1000");
  EXPECT_EQ(r.suffix, "");
  EXPECT_EQ(Text("clock_adjtime", {99, 0x1000}, -22),
            "0x63 /* CLOCK_??? */, 0x1000");
  EXPECT_EQ(Text("clock_adjtime", {0, 0}, -14), "CLOCK_REALTIME, NULL");
  EXPECT_EQ(Text("adjtimex", {0x1}, -14), "0x1");
}

// --------------------------------------------------------------------------
// mount, umount2.
// --------------------------------------------------------------------------
TEST_F(DecoderTest, Mount) {
  mem.MapString(0x1000, "none");
  mem.MapString(0x2000, "/tmp/x");
  mem.MapString(0x3000, "tmpfs");
  mem.MapString(0x4000, "size=1m");
  EXPECT_EQ(Text("mount", {0x1000, 0x2000, 0x3000, 2 | 4, 0x4000}),
            "\"none\", \"/tmp/x\", \"tmpfs\", MS_NOSUID|MS_NODEV, "
            "\"size=1m\"");
  EXPECT_EQ(Text("mount", {0x1000, 0x2000, 0x3000, 0xc0ed0001, 0x4000}),
            "\"none\", \"/tmp/x\", \"tmpfs\", MS_MGC_VAL|MS_RDONLY, "
            "\"size=1m\"");
  EXPECT_EQ(Text("mount", {0x1000, 0x2000, 0x3000, 0xc0ed0000, 0x4000}, -22),
            "\"none\", \"/tmp/x\", \"tmpfs\", MS_MGC_VAL, \"size=1m\"");
  // Flags are an int: the high half of the word is not looked at.
  EXPECT_EQ(Text("mount", {0x1000, 0x2000, 0x3000, 0x1c0ed0000, 0x4000}, -22),
            "\"none\", \"/tmp/x\", \"tmpfs\", MS_MGC_VAL, \"size=1m\"");
  EXPECT_EQ(Text("mount", {0, 0x2000, 0, 0x1000 | 0x4000, 0}, -22),
            "NULL, \"/tmp/x\", NULL, MS_BIND|MS_REC, NULL");
  EXPECT_EQ(Text("mount", {0x1000, 0x2000, 0x3000, 0x0, 0}, -2),
            "\"none\", \"/tmp/x\", \"tmpfs\", 0, NULL");
  // A remount ignores the type but not the data.
  EXPECT_EQ(Text("mount", {0x1000, 0x2000, 0x3000, 0x80000020, 0x1}, -14),
            "\"none\", \"/tmp/x\", 0x3000, MS_REMOUNT|MS_NOUSER, 0x1");
  EXPECT_EQ(Text("mount", {0x1000, 0x2000, 0x3000, 0xc0ed0020, 0x4000}, -22),
            "\"none\", \"/tmp/x\", 0x3000, MS_MGC_VAL|MS_REMOUNT, "
            "\"size=1m\"");
  // Bind, move and propagation changes ignore both.
  EXPECT_EQ(Text("mount", {0x1000, 0x2000, 0x3000, 0x1000, 0x4000}, -2),
            "\"none\", \"/tmp/x\", 0x3000, MS_BIND, 0x4000");
  EXPECT_EQ(Text("mount", {0x1000, 0x2000, 0x3000, 1 << 18, 0x4000}, -22),
            "\"none\", \"/tmp/x\", 0x3000, MS_PRIVATE, 0x4000");
  EXPECT_EQ(Text("mount", {0x1000, 0x2000, 0x3000, 0x2000, 0x4000}, -2),
            "\"none\", \"/tmp/x\", 0x3000, MS_MOVE, 0x4000");
  EXPECT_EQ(Text("mount", {0x1000, 0x2000, 0x3000, 0x12345678, 0x4000}, -22),
            "\"none\", \"/tmp/x\", 0x3000, "
            "MS_NOEXEC|MS_SYNCHRONOUS|MS_REMOUNT|MS_MANDLOCK|MS_NOATIME|"
            "MS_BIND|MS_REC|MS_PRIVATE|MS_SHARED|MS_RELATIME|MS_LAZYTIME|"
            "MS_NOSEC|0x200, \"size=1m\"");
  EXPECT_EQ(Text("mount", {0x1000, 0x2000, 0x3000, 0xffffffff, 0x4000}, -22),
            "\"none\", \"/tmp/x\", 0x3000, "
            "MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC|MS_SYNCHRONOUS|"
            "MS_REMOUNT|MS_MANDLOCK|MS_DIRSYNC|MS_NOSYMFOLLOW|MS_NOATIME|"
            "MS_NODIRATIME|MS_BIND|MS_MOVE|MS_REC|MS_SILENT|MS_POSIXACL|"
            "MS_UNBINDABLE|MS_PRIVATE|MS_SLAVE|MS_SHARED|MS_RELATIME|"
            "MS_KERNMOUNT|MS_I_VERSION|MS_STRICTATIME|MS_LAZYTIME|"
            "MS_SUBMOUNT|MS_NOREMOTELOCK|MS_NOSEC|MS_BORN|MS_ACTIVE|"
            "MS_NOUSER|0x200, \"size=1m\"");
  // Unreadable strings are addresses.
  EXPECT_EQ(Text("mount", {0x1000, 0x2000, 0x1, 0, 0x2}, -14),
            "\"none\", \"/tmp/x\", 0x1, 0, 0x2");
}

TEST_F(DecoderTest, Umount2) {
  mem.MapString(0x2000, "/tmp/x");
  EXPECT_EQ(Text("umount2", {0x2000, 2}), "\"/tmp/x\", MNT_DETACH");
  EXPECT_EQ(Text("umount2", {0x2000, 0}), "\"/tmp/x\", 0");
  EXPECT_EQ(Text("umount2", {0x2000, 1 | 4 | 8 | 0x100}, -22),
            "\"/tmp/x\", MNT_FORCE|MNT_EXPIRE|UMOUNT_NOFOLLOW|0x100");
  EXPECT_EQ(Text("umount2", {0x2000, 0x100}, -22),
            "\"/tmp/x\", 0x100 /* MNT_??? */");
  EXPECT_EQ(Text("umount2", {0x2000, 0xffffffff00000002}, -22),
            "\"/tmp/x\", MNT_DETACH");
  EXPECT_EQ(Text("umount2", {0, 0}, -14), "NULL, 0");
}

// --------------------------------------------------------------------------
TEST(HexDumpTest, StraceLayout) {
  std::string out;
  const char kData[] = "hello world, this is a longer line of data to dump!\n";
  AppendHexDump(&out, kData, sizeof kData - 1);
  // strace 6.1's lines for the same 52 bytes.
  EXPECT_EQ(out,
            " | 00000  68 65 6c 6c 6f 20 77 6f  72 6c 64 2c 20 74 68 69  "
            "hello world, thi |\n"
            " | 00010  73 20 69 73 20 61 20 6c  6f 6e 67 65 72 20 6c 69  "
            "s is a longer li |\n"
            " | 00020  6e 65 20 6f 66 20 64 61  74 61 20 74 6f 20 64 75  "
            "ne of data to du |\n"
            " | 00030  6d 70 21 0a                                       "
            "mp!.             |");
  out.clear();
  AppendHexDump(&out, "\x00\xff\x7f ~", 5);
  EXPECT_EQ(out,
            " | 00000  00 ff 7f 20 7e                                    "
            "... ~            |");
  out.clear();
  AppendHexDump(&out, "", 0);
  EXPECT_EQ(out, "");
}

class DumpTest : public DecoderTest {
 protected:
  std::string Dump(const char* name, std::vector<uint64_t> args, int64_t ret,
                   uint32_t arch = kArchX86_64) {
    SyscallCall c;
    c.tid = 1234;
    c.arch = arch;
    c.nr = SyscallTable::Get().Number(arch, name);
    EXPECT_GE(c.nr, 0) << name;
    for (size_t i = 0; i < args.size() && i < 6; ++i) c.args[i] = args[i];
    ArgDecoder dec(&mem, opts);
    std::string out = "stale";
    dec.DecodeDump(c, ret, &out);
    return out;
  }
  void SetUp() override {
    opts.dump_read = *ParseFdSet("3");
    opts.dump_write = *ParseFdSet("!3");
    mem.Map(0x1000, "abcdef", 6);
    // iovecs at 0x2000: {0x1000, 2}, {0x1002, 0}, {0x1002, 4}.
    const uint64_t iov[6] = {0x1000, 2, 0x1002, 0, 0x1002, 4};
    mem.Map(0x2000, iov, sizeof iov);
    const uint64_t iov2[4] = {0x1000, 3, 0x1003, 10};
    mem.Map(0x3000, iov2, sizeof iov2);
    // struct msghdr (56 bytes) at 0x4000 with msg_iov = 0x3000,
    // msg_iovlen = 2.
    const uint64_t msg[7] = {0, 0, 0x3000, 2, 0, 0, 0};
    mem.Map(0x4000, msg, sizeof msg);
  }
};

TEST_F(DumpTest, ReadsUpToTheirResult) {
  EXPECT_EQ(Dump("read", {3, 0x1000, 100}, 3),
            " | 00000  61 62 63                                          abc  "
            "            |");
  EXPECT_EQ(Dump("read", {3, 0x1000, 100}, 0), "");
  EXPECT_EQ(Dump("read", {3, 0x1000, 100}, -11), "");  // EAGAIN
  EXPECT_EQ(Dump("read", {4, 0x1000, 100}, 3), "");    // not in the set
  EXPECT_EQ(Dump("readv", {3, 0x3000, 2}, 5),
            " * 3 bytes in buffer 0\n"
            " | 00000  61 62 63                                          abc  "
            "            |\n"
            " * 2 bytes in buffer 1\n"
            " | 00000  64 65                                             de   "
            "            |");
  EXPECT_EQ(Dump("recvmsg", {3, 0x4000, 0}, 3),
            " * 3 bytes in buffer 0\n"
            " | 00000  61 62 63                                          abc  "
            "            |");
}

TEST_F(DumpTest, WritesAllTheyWereGivenWhateverTheResult) {
  EXPECT_EQ(Dump("write", {1, 0x1000, 2}, -9),  // EBADF
            " | 00000  61 62                                             ab   "
            "            |");
  // An empty buffer ends a vector's dump, as strace's.
  EXPECT_EQ(Dump("writev", {4, 0x2000, 3}, 6),
            " * 2 bytes in buffer 0\n"
            " | 00000  61 62                                             ab   "
            "            |");
  EXPECT_EQ(Dump("write", {3, 0x1000, 2}, 2), "");  // !3
  EXPECT_EQ(Dump("write", {5, 0x9000, 2}, 2), "");  // unreadable
  EXPECT_EQ(Dump("getpid", {}, 2), "");
  opts.dump_read = opts.dump_write = FdSet::None();
  EXPECT_EQ(Dump("write", {5, 0x1000, 2}, 2), "");
}

// sendmmsg and recvmmsg: the messages sent or received, each as a vector
// up to its msg_len; nothing when the call failed.
TEST_F(DumpTest, MmsgVectorsUpToEachMsgLen) {
  // Two mmsghdrs at 0x5000: {iov 0x3000 x2, msg_len 5}, {iov 0x2000 x1,
  // msg_len 2}.
  uint64_t mm[16] = {};
  mm[2] = 0x3000;
  mm[3] = 2;
  mm[7] = 5;
  mm[8 + 2] = 0x2000;
  mm[8 + 3] = 1;
  mm[8 + 7] = 2;
  mem.Map(0x5000, mm, sizeof mm);
  const std::string both =
      " = 2 buffers in vector 0\n"
      " * 3 bytes in buffer 0\n"
      " | 00000  61 62 63                                          abc  "
      "            |\n"
      " * 2 bytes in buffer 1\n"
      " | 00000  64 65                                             de   "
      "            |\n"
      " = 1 buffers in vector 1\n"
      " * 2 bytes in buffer 0\n"
      " | 00000  61 62                                             ab   "
      "            |";
  EXPECT_EQ(Dump("recvmmsg", {3, 0x5000, 2, 0, 0}, 2), both);
  EXPECT_EQ(Dump("sendmmsg", {5, 0x5000, 2, 0}, 2), both);
  EXPECT_EQ(Dump("sendmmsg", {5, 0x5000, 2, 0}, 1),
            both.substr(0, both.find("\n = 1")));
  EXPECT_EQ(Dump("sendmmsg", {5, 0x5000, 2, 0}, -9), "");
  EXPECT_EQ(Dump("recvmmsg", {3, 0x5000, 2, 0, 0}, -11), "");
}

// As strace 6.1's: a buffer, an iovec array and a msghdr are read whole or
// not at all; a buffer of a vector that cannot be read leaves its header.
TEST_F(DumpTest, PartlyReadableDataIsNotDumped) {
  EXPECT_EQ(Dump("write", {5, 0x1004, 4}, -14), "");  // 2 of 4 bytes
  EXPECT_EQ(Dump("read", {3, 0x1004, 100}, 4), "");
  const uint64_t half[2] = {0x1000, 2};  // an array of 2 holding 1 entry
  mem.Map(0x6000, half, sizeof half);
  EXPECT_EQ(Dump("writev", {5, 0x6000, 2}, -14), "");
  EXPECT_EQ(Dump("writev", {5, 0x6000, 1}, 2),
            " * 2 bytes in buffer 0\n"
            " | 00000  61 62                                             ab   "
            "            |");
  const uint64_t cut[4] = {0, 0, 0x3000, 2};  // 32 of msghdr's 56 bytes
  mem.Map(0x7000, cut, sizeof cut);
  EXPECT_EQ(Dump("sendmsg", {5, 0x7000, 0}, -88), "");
  const uint64_t first_bad[4] = {0x9000, 3, 0x1000, 2};
  mem.Map(0x8000, first_bad, sizeof first_bad);
  EXPECT_EQ(Dump("writev", {5, 0x8000, 2}, -14),
            " * 3 bytes in buffer 0\n"
            " * 2 bytes in buffer 1\n"
            " | 00000  61 62                                             ab   "
            "            |");
  EXPECT_EQ(Dump("writev", {5, 0x9000, 2}, -14), "");
}

// i386 tracees: 32-bit iovec (8 bytes), msghdr (28) and mmsghdr (32), the
// calls found by their i386 numbers, socketcall dumped as the call it
// makes.
class I386DumpTest : public DumpTest {
 protected:
  static constexpr uint32_t k32 = kArchI386;
  void Words(uint64_t addr, std::vector<uint32_t> w) {
    mem.Map(addr, w.data(), w.size() * 4);
  }
  void SetUp() override {
    DumpTest::SetUp();
    // iovecs: to read into (more room than data), to write, one buffer.
    Words(0x2100, {0x1000, 3, 0x1003, 10});
    Words(0x2300, {0x1000, 3, 0x1003, 2});
    Words(0x2200, {0x1000, 2});
    // msghdrs with msg_iov 0x2100 and 0x2300, msg_iovlen 2; exactly their
    // 28 bytes mapped.
    Words(0x4100, {0, 0, 0x2100, 2, 0, 0, 0});
    Words(0x4200, {0, 0, 0x2300, 2, 0, 0, 0});
    // Two mmsghdrs: {iov 0x2100 x2, msg_len 5}, {iov 0x2200 x1, msg_len 2}.
    Words(0x5100, {0, 0, 0x2100, 2, 0, 0, 0, 5, 0, 0, 0x2200, 1, 0, 0, 0, 2});
  }
  const std::string abc_de_ =
      " * 3 bytes in buffer 0\n"
      " | 00000  61 62 63                                          abc  "
      "            |\n"
      " * 2 bytes in buffer 1\n"
      " | 00000  64 65                                             de   "
      "            |";
  const std::string abcde_ =
      " | 00000  61 62 63 64 65                                    abcde"
      "            |";
};

TEST_F(I386DumpTest, Layouts) {
  EXPECT_EQ(Dump("read", {3, 0x1000, 100}, 5, k32), abcde_);
  EXPECT_EQ(Dump("write", {4, 0x1000, 5}, 5, k32), abcde_);
  EXPECT_EQ(Dump("pread64", {3, 0x1000, 100, 0, 1}, 5, k32), abcde_);
  EXPECT_EQ(Dump("pwrite64", {4, 0x1000, 5, 0, 1}, -27, k32), abcde_);
  EXPECT_EQ(Dump("mq_timedsend_time64", {4, 0x1000, 5, 0, 0}, 0, k32), abcde_);
  EXPECT_EQ(Dump("mq_timedreceive_time64", {3, 0x1000, 16, 0, 0}, 5, k32),
            abcde_);
  EXPECT_EQ(Dump("readv", {3, 0x2100, 2}, 5, k32), abc_de_);
  EXPECT_EQ(Dump("preadv2", {3, 0x2100, 2, 0, 0, 0}, 5, k32), abc_de_);
  EXPECT_EQ(Dump("writev", {4, 0x2200, 1}, 2, k32),
            " * 2 bytes in buffer 0\n"
            " | 00000  61 62                                             ab   "
            "            |");
  EXPECT_EQ(Dump("vmsplice", {4, 0x2100, 1, 0}, 3, k32),
            abc_de_.substr(0, abc_de_.find("\n * 2")));
  EXPECT_EQ(Dump("recvmsg", {3, 0x4100, 0}, 5, k32), abc_de_);
  EXPECT_EQ(Dump("sendmsg", {4, 0x4200, 0}, -9, k32), abc_de_);
  EXPECT_EQ(Dump("pwritev2", {4, 0x2300, 2, 0, 0, 0}, 5, k32), abc_de_);
  // A write's buffers are dumped whole: the second cannot be.
  EXPECT_EQ(
      Dump("pwritev", {4, 0x2100, 2, 0, 0}, 5, k32),
      abc_de_.substr(0, abc_de_.find("\n * 2")) + "\n * 10 bytes in buffer 1");
  const std::string both =
      " = 2 buffers in vector 0\n" + abc_de_ +
      "\n = 1 buffers in vector 1\n"
      " * 2 bytes in buffer 0\n"
      " | 00000  61 62                                             ab   "
      "            |";
  EXPECT_EQ(Dump("recvmmsg", {3, 0x5100, 2, 0x40, 0}, 2, k32), both);
  EXPECT_EQ(Dump("recvmmsg_time64", {3, 0x5100, 2, 0x40, 0}, 2, k32), both);
  EXPECT_EQ(Dump("sendmmsg", {4, 0x5100, 2, 0}, 2, k32), both);
  EXPECT_EQ(Dump("sendmmsg", {4, 0x5100, 2, 0}, -9, k32), "");
  // An fd of -1 as the 32-bit register holds it: no descriptor.
  EXPECT_EQ(Dump("write", {0xffffffff, 0x1000, 5}, -9, k32), "");
  // Unreadable, or partly: nothing.
  EXPECT_EQ(Dump("write", {4, 0x9000, 5}, -14, k32), "");
  EXPECT_EQ(Dump("writev", {4, 0x2200, 2}, -14, k32), "");
  EXPECT_EQ(Dump("recvmsg", {3, 0x4104, 0}, 5, k32), "");
}

TEST_F(I386DumpTest, SocketcallAsTheCallItMakes) {
  Words(0x6000, {4, 0x1000, 5, 0});  // send / recv
  EXPECT_EQ(Dump("socketcall", {SYS_SEND, 0x6000}, 5, k32), abcde_);
  EXPECT_EQ(Dump("socketcall", {SYS_SEND, 0x6000}, -95, k32), abcde_);
  Words(0x6100, {3, 0x1000, 100, 0});
  EXPECT_EQ(Dump("socketcall", {SYS_RECV, 0x6100}, 5, k32), abcde_);
  EXPECT_EQ(Dump("socketcall", {SYS_RECV, 0x6100}, -11, k32), "");
  Words(0x6200, {4, 0x1000, 5, 0, 0, 0});  // sendto / recvfrom
  EXPECT_EQ(Dump("socketcall", {SYS_SENDTO, 0x6200}, 5, k32), abcde_);
  Words(0x6300, {3, 0x1000, 100, 0, 0, 0});
  EXPECT_EQ(Dump("socketcall", {SYS_RECVFROM, 0x6300}, 5, k32), abcde_);
  Words(0x6400, {4, 0x4200, 0});
  EXPECT_EQ(Dump("socketcall", {SYS_SENDMSG, 0x6400}, 5, k32), abc_de_);
  Words(0x6500, {3, 0x4100, 0});
  EXPECT_EQ(Dump("socketcall", {SYS_RECVMSG, 0x6500}, 5, k32), abc_de_);
  Words(0x6600, {4, 0x5100, 2, 0});
  EXPECT_EQ(Dump("socketcall", {SYS_SENDMMSG, 0x6600}, 2, k32),
            " = 2 buffers in vector 0\n" + abc_de_ +
                "\n = 1 buffers in vector 1\n"
                " * 2 bytes in buffer 0\n"
                " | 00000  61 62                                             "
                "ab               |");
  Words(0x6700, {3, 0x5100, 2, 0, 0});
  EXPECT_EQ(Dump("socketcall", {SYS_RECVMMSG, 0x6700}, 1, k32),
            " = 2 buffers in vector 0\n" + abc_de_);
  // The descriptor sets apply to the call made: fd 3 is not written.
  Words(0x6800, {3, 0x1000, 5, 0});
  EXPECT_EQ(Dump("socketcall", {SYS_SEND, 0x6800}, 5, k32), "");
  // No array, one unreadable or too short for the call (socketcall then
  // prints undecoded), calls without data: nothing.
  EXPECT_EQ(Dump("socketcall", {SYS_SEND, 0}, -14, k32), "");
  EXPECT_EQ(Dump("socketcall", {SYS_SEND, 0x9000}, -14, k32), "");
  Words(0x6900, {4, 0x1000, 5});
  EXPECT_EQ(Dump("socketcall", {SYS_SEND, 0x6900}, 5, k32), "");
  EXPECT_EQ(Dump("socketcall", {SYS_SOCKET, 0x6000}, 5, k32), "");
  EXPECT_EQ(Dump("socketcall", {0, 0x6000}, -22, k32), "");
  EXPECT_EQ(Dump("socketcall", {99, 0x6000}, -22, k32), "");
}

// --------------------------------------------------------------------------
// NUMA memory policy: get_mempolicy, set_mempolicy, mbind, migrate_pages,
// move_pages, set_mempolicy_home_node.
// --------------------------------------------------------------------------
std::string Zeros(int n) {
  std::string s = "[";
  for (int i = 0; i < n; ++i)
    s += i > 0 ? ", 0000000000000000" : "0000000000000000";
  return s;
}

TEST_F(DecoderTest, GetMempolicy) {
  int32_t mode = 0;
  mem.Map(0x1000, &mode, sizeof(mode));
  uint64_t mask[40] = {};
  mem.Map(0x2000, mask, sizeof(mask));
  // Everything at exit; maxnode - 1 bits in longs: 1025 -> 16 of them.
  Result r = Decode("get_mempolicy", {0x1000, 0x2000, 1025, 0, 0}, 0);
  EXPECT_EQ(r.enter, "");
  EXPECT_EQ(r.exit, "[MPOL_DEFAULT], " + Zeros(16) + "], 1025, NULL, 0");
  EXPECT_EQ(Text("get_mempolicy", {0x1000, 0x2000, 65, 0, 0}),
            "[MPOL_DEFAULT], [0000000000000000], 65, NULL, 0");
  EXPECT_EQ(Text("get_mempolicy", {0x1000, 0x2000, 66, 0, 0}),
            "[MPOL_DEFAULT], [0000000000000000, 0000000000000000], 66, NULL, "
            "0");
  // maxnode 1 covers no long: the address; 0: [] (even when failing).
  EXPECT_EQ(Text("get_mempolicy", {0x1000, 0x2000, 1, 0, 0}),
            "[MPOL_DEFAULT], 0x2000, 1, NULL, 0");
  EXPECT_EQ(Text("get_mempolicy", {0x1000, 0x2000, 0, 0, 0}, -22),
            "0x1000, [], 0, NULL, 0");
  EXPECT_EQ(Text("get_mempolicy", {0, 0, 0, 0, 0}), "NULL, NULL, 0, NULL, 0");
  // More than -s longs end with "...".
  EXPECT_EQ(Text("get_mempolicy", {0x1000, 0x2000, 20000, 0, 0}),
            "[MPOL_DEFAULT], " + Zeros(32) + ", ...], 20000, NULL, 0");
  // Failed: the addresses, the flags named.
  EXPECT_EQ(Text("get_mempolicy", {0x1000, 0x2000, 2, 0, 1}, -22),
            "0x1000, 0x2000, 2, NULL, MPOL_F_NODE");
  EXPECT_EQ(Text("get_mempolicy", {0x1000, 0x2000, 2, 0x2000, 7}, -22),
            "0x1000, 0x2000, 2, 0x2000, "
            "MPOL_F_NODE|MPOL_F_ADDR|MPOL_F_MEMS_ALLOWED");
  EXPECT_EQ(Text("get_mempolicy", {0x1000, 0x2000, 2, 0, 0xff}, -22),
            "0x1000, 0x2000, 2, NULL, "
            "MPOL_F_NODE|MPOL_F_ADDR|MPOL_F_MEMS_ALLOWED|0xf8");
  EXPECT_EQ(Text("get_mempolicy", {0x1000, 0x2000, 2, 0, 0x8}, -22),
            "0x1000, 0x2000, 2, NULL, 0x8 /* MPOL_??? */");
  EXPECT_EQ(Text("get_mempolicy", {0x1000, 0x2000, 2, 0, 0x100000004}, -22),
            "0x1000, 0x2000, 2, NULL, MPOL_F_MEMS_ALLOWED|0x100000000");
  EXPECT_EQ(Text("get_mempolicy", {0x1, 0x2, 3000, 0, 0}, -14),
            "0x1, 0x2, 3000, NULL, 0");
  // The returned mode is named as is (mode flags included).
  uint64_t allowed = 1;
  mem.Map(0x3000, &allowed, sizeof(allowed));
  EXPECT_EQ(Text("get_mempolicy", {0x1000, 0x3000, 2, 0, 4}),
            "[MPOL_DEFAULT], [0x00000000000001], 2, NULL, "
            "MPOL_F_MEMS_ALLOWED");
  int32_t modes[] = {4, 0x8002};
  mem.Map(0x4000, modes, sizeof(modes));
  EXPECT_EQ(Text("get_mempolicy", {0x4000, 0, 0, 0, 0}),
            "[MPOL_LOCAL], NULL, 0, NULL, 0");
  EXPECT_EQ(Text("get_mempolicy", {0x4004, 0x2000, 2, 0x5000, 3}),
            "[0x8002 /* MPOL_??? */], [0000000000000000], 2, 0x5000, "
            "MPOL_F_NODE|MPOL_F_ADDR");
}

TEST_F(DecoderTest, SetMempolicy) {
  uint64_t mask[4] = {1};
  mem.Map(0x2000, mask, sizeof(mask));
  EXPECT_EQ(Text("set_mempolicy", {5, 0x2000, 2}),
            "MPOL_PREFERRED_MANY, [0x00000000000001], 2");
  EXPECT_EQ(Text("set_mempolicy", {1, 0x2000, 130}),
            "MPOL_PREFERRED, [0x00000000000001, 0000000000000000, "
            "0000000000000000], 130");
  EXPECT_EQ(Text("set_mempolicy", {0, 0, 0}), "MPOL_DEFAULT, NULL, 0");
  EXPECT_EQ(Text("set_mempolicy", {0, 0x8, 5}, -14), "MPOL_DEFAULT, 0x8, 5");
  EXPECT_EQ(Text("set_mempolicy", {0, 0x8, 0}, -22), "MPOL_DEFAULT, [], 0");
  // maxnode so large that the count wraps to 0: the address.
  EXPECT_EQ(Text("set_mempolicy", {0, 0x2000, kMinus1}, -22),
            "MPOL_DEFAULT, 0x2000, 18446744073709551615");
  // Mode flags after the mode; unknown modes as a flag set.
  EXPECT_EQ(Text("set_mempolicy", {0x8001, 0x2000, 2}),
            "MPOL_PREFERRED|MPOL_F_STATIC_NODES, [0x00000000000001], 2");
  EXPECT_EQ(Text("set_mempolicy", {0x4002, 0x2000, 2}),
            "MPOL_BIND|MPOL_F_RELATIVE_NODES, [0x00000000000001], 2");
  EXPECT_EQ(Text("set_mempolicy", {0xe003, 0x2000, 2}, -22),
            "MPOL_INTERLEAVE|MPOL_F_STATIC_NODES|MPOL_F_RELATIVE_NODES|"
            "MPOL_F_NUMA_BALANCING, [0x00000000000001], 2");
  EXPECT_EQ(Text("set_mempolicy", {0x2000, 0x2000, 2}, -22),
            "MPOL_DEFAULT|MPOL_F_NUMA_BALANCING, [0x00000000000001], 2");
  EXPECT_EQ(Text("set_mempolicy", {6, 0x2000, 2}),
            "0x6 /* MPOL_??? */, [0x00000000000001], 2");
  EXPECT_EQ(Text("set_mempolicy", {0x1000, 0x2000, 2}, -22),
            "0x1000 /* MPOL_??? */, [0x00000000000001], 2");
  EXPECT_EQ(Text("set_mempolicy", {0xffff, 0x2000, 2}, -22),
            "MPOL_F_STATIC_NODES|MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_BALANCING|"
            "0x1fff, [0x00000000000001], 2");
  EXPECT_EQ(Text("set_mempolicy", {kMinus1, 0x2000, 2}, -22),
            "MPOL_F_STATIC_NODES|MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_BALANCING|"
            "0xffff1fff, [0x00000000000001], 2");
  EXPECT_EQ(Text("set_mempolicy", {0x100000002, 0x2000, 2}),
            "MPOL_BIND, [0x00000000000001], 2");
}

// A mask running into unmapped memory: what could be read, then the
// address where reading stopped.
TEST_F(DecoderTest, NodemaskUnreadableTail) {
  uint64_t mask[2] = {0x1234, ~0ull};
  mem.Map(0x2000, mask, sizeof(mask));
  EXPECT_EQ(Text("set_mempolicy", {0, 0x2000, 200}, -14),
            "MPOL_DEFAULT, [0x00000000001234, 0xffffffffffffffff, ... /* "
            "0x2010 */], 200");
  EXPECT_EQ(Text("set_mempolicy", {0, 0x2000, 129}, -22),
            "MPOL_DEFAULT, [0x00000000001234, 0xffffffffffffffff], 129");
  EXPECT_EQ(Text("set_mempolicy", {0, 0x2010, 130}, -14),
            "MPOL_DEFAULT, 0x2010, 130");
  // Out masks of a failed call are not read.
  EXPECT_EQ(Text("get_mempolicy", {0x3000, 0x2000, 129, 0, 0}, -14),
            "0x3000, 0x2000, 129, NULL, 0");
  // -s 1: one long, then "...".
  opts.string_limit = 1;
  EXPECT_EQ(Text("set_mempolicy", {0, 0x2000, 129}, -22),
            "MPOL_DEFAULT, [0x00000000001234, ...], 129");
}

TEST_F(DecoderTest, Mbind) {
  uint64_t mask[2] = {};
  mem.Map(0x2000, mask, sizeof(mask));
  EXPECT_EQ(Text("mbind", {0x7ffb562ec000, 8192, 0, 0, 0, 0}),
            "0x7ffb562ec000, 8192, MPOL_DEFAULT, NULL, 0, 0");
  EXPECT_EQ(Text("mbind", {0x7ffb562ec000, 8192, 0x8002, 0x2000, 3, 1}, -22),
            "0x7ffb562ec000, 8192, MPOL_BIND|MPOL_F_STATIC_NODES, "
            "[0000000000000000], 3, MPOL_MF_STRICT");
  EXPECT_EQ(Text("mbind", {0x7ffb562ec000, 8192, 1, 0x2000, 65, 7}),
            "0x7ffb562ec000, 8192, MPOL_PREFERRED, [0000000000000000], 65, "
            "MPOL_MF_STRICT|MPOL_MF_MOVE|MPOL_MF_MOVE_ALL");
  EXPECT_EQ(Text("mbind", {0x7ffb562ec000, 8192, 1, 0x2000, 65, 8}, -22),
            "0x7ffb562ec000, 8192, MPOL_PREFERRED, [0000000000000000], 65, "
            "0x8 /* MPOL_??? */");
  EXPECT_EQ(Text("mbind",
                 {0x7ffb562ec001, kMinus1, 99, 0x2000, 65, 0x1fffffff0}, -22),
            "0x7ffb562ec001, 18446744073709551615, 0x63 /* MPOL_??? */, "
            "[0000000000000000], 65, 0xfffffff0 /* MPOL_??? */");
  EXPECT_EQ(Text("mbind", {0, 0, 0, 0, 0, 0}),
            "NULL, 0, MPOL_DEFAULT, NULL, 0, 0");
}

TEST_F(DecoderTest, MigratePages) {
  uint64_t mask[2] = {1, 0};
  mem.Map(0x2000, mask, sizeof(mask));
  EXPECT_EQ(Text("migrate_pages", {2394, 2, 0x2000, 0x2000}),
            "2394, 2, [0x00000000000001], [0x00000000000001]");
  EXPECT_EQ(Text("migrate_pages", {kMinus1, 0, 0, 0}, -3), "-1, 0, NULL, NULL");
  EXPECT_EQ(Text("migrate_pages", {0x100000000, 66, 0, 0x8}, -14),
            "0, 66, NULL, 0x8");
  EXPECT_EQ(Text("migrate_pages", {999999, 66, 0x2000, 0x2008}, -3),
            "999999, 66, [0x00000000000001, 0000000000000000], "
            "[0000000000000000, ... /* 0x2010 */]");
  opts.decode_pids = true;
  mem.SetComm(2394, "t5");
  EXPECT_EQ(Text("migrate_pages", {2394, 2, 0x2000, 0x2000}),
            "2394<t5>, 2, [0x00000000000001], [0x00000000000001]");
}

TEST_F(DecoderTest, MovePages) {
  mem.MapPointers(0x1000, {0x7f7b1f15e000, 0, 0x7f7b1f15f000});
  int32_t nodes[3] = {0, -1, 7};
  mem.Map(0x2000, nodes, sizeof(nodes));
  int32_t status[3] = {0, -14, -2};
  mem.Map(0x3000, status, sizeof(status));
  // Pages and nodes at entry, the status at exit.
  Result r = Decode("move_pages", {0, 3, 0x1000, 0, 0x3000, 0}, 0);
  EXPECT_EQ(r.enter, "0, 3, [0x7f7b1f15e000, NULL, 0x7f7b1f15f000], NULL, ");
  EXPECT_EQ(r.exit, "[0, -EFAULT, -ENOENT], 0");
  EXPECT_EQ(Text("move_pages", {0, 3, 0x1000, 0x2000, 0x3000, 0x100000002}),
            "0, 3, [0x7f7b1f15e000, NULL, 0x7f7b1f15f000], [0, -1, 7], "
            "[0, -EFAULT, -ENOENT], MPOL_MF_MOVE");
  // Failed: the status array's address; flags without MPOL_MF_STRICT.
  EXPECT_EQ(Text("move_pages", {0, 3, 0x1000, 0x2000, 0x3000, 1}, -22),
            "0, 3, [0x7f7b1f15e000, NULL, 0x7f7b1f15f000], [0, -1, 7], "
            "0x3000, 0x1 /* MPOL_??? */");
  EXPECT_EQ(Text("move_pages", {0, 3, 0x1000, 0x2000, 0x3000, 7}, -22),
            "0, 3, [0x7f7b1f15e000, NULL, 0x7f7b1f15f000], [0, -1, 7], "
            "0x3000, MPOL_MF_MOVE|MPOL_MF_MOVE_ALL|0x1");
  EXPECT_EQ(Text("move_pages", {0, 0, 0x1000, 0x2000, 0x3000, 0}),
            "0, 0, [], [], [], 0");
  EXPECT_EQ(Text("move_pages", {0, 0, 0, 0, 0, 0}),
            "0, 0, NULL, NULL, NULL, 0");
  EXPECT_EQ(Text("move_pages", {0, 3, 0x8, 0x10, 0x18, 0}, -14),
            "0, 3, 0x8, 0x10, 0x18, 0");
  // Unreadable tails.
  EXPECT_EQ(Text("move_pages", {0, 4, 0x1008, 0x2004, 0x3000, 4}, -19),
            "0, 4, [NULL, 0x7f7b1f15f000, ... /* 0x1018 */], [-1, 7, ... /* "
            "0x200c */], 0x3000, MPOL_MF_MOVE_ALL");
  // More than -s elements; a count over 32 bits.
  opts.string_limit = 2;
  EXPECT_EQ(Text("move_pages", {0, 0x100000002, 0x1000, 0, 0x3000, 0}, -14),
            "0, 4294967298, [0x7f7b1f15e000, NULL, ...], NULL, 0x3000, 0");
  EXPECT_EQ(Text("move_pages", {0, 3, 0x1000, 0x2000, 0x3000, 0}),
            "0, 3, [0x7f7b1f15e000, NULL, ...], [0, -1, ...], [0, -EFAULT, "
            "...], 0");
  opts.verbose = true;
  EXPECT_EQ(Text("move_pages", {0, 3, 0x1000, 0x2000, 0x3000, 0}),
            "0, 3, [0x7f7b1f15e000, NULL, 0x7f7b1f15f000], [0, -1, 7], "
            "[0, -EFAULT, -ENOENT], 0");
}

TEST_F(DecoderTest, SetMempolicyHomeNode) {
  EXPECT_EQ(Text("set_mempolicy_home_node", {0x7f7b1f15e000, 8192, 0, 0}, -22),
            "0x7f7b1f15e000, 8192, 0, 0");
  EXPECT_EQ(Text("set_mempolicy_home_node", {0x7f7b1f15e000, 8192, 1, 1}, -22),
            "0x7f7b1f15e000, 8192, 1, 0x1");
  EXPECT_EQ(Text("set_mempolicy_home_node",
                 {0x7f7b1f15e000, kMinus1, kMinus1, kMinus1}, -22),
            "0x7f7b1f15e000, 18446744073709551615, 18446744073709551615, "
            "0xffffffffffffffff");
  EXPECT_EQ(Text("set_mempolicy_home_node", {0, 0, 0, 0}), "NULL, 0, 0, 0");
}

// i386: 32-bit longs in the masks ("%#08x"), 32-bit page pointers.
TEST_F(DecoderTest, MempolicyI386) {
  auto text = [&](const char* name, std::vector<uint64_t> args,
                  int64_t ret = 0) {
    return Decode(name, std::move(args), ret, kArchI386).all();
  };
  int32_t mode = 0;
  mem.Map(0x1000, &mode, sizeof(mode));
  uint32_t mask[4] = {1, 0, 0x12345678, 0};
  mem.Map(0x2000, mask, sizeof(mask));
  EXPECT_EQ(text("get_mempolicy", {0x1000, 0x2000, 65, 0, 4}),
            "[MPOL_DEFAULT], [0x000001, 00000000], 65, NULL, "
            "MPOL_F_MEMS_ALLOWED");
  EXPECT_EQ(text("get_mempolicy", {0x1000, 0x2000, 33, 0, 0}),
            "[MPOL_DEFAULT], [0x000001], 33, NULL, 0");
  EXPECT_EQ(text("get_mempolicy", {0x1000, 0x2000, 1, 0, 0}),
            "[MPOL_DEFAULT], 0x2000, 1, NULL, 0");
  EXPECT_EQ(text("set_mempolicy", {0x8002, 0x2000, 100}),
            "MPOL_BIND|MPOL_F_STATIC_NODES, [0x000001, 00000000, 0x12345678, "
            "00000000], 100");
  EXPECT_EQ(text("migrate_pages", {0xffffffff, 65, 0, 8}, -14),
            "-1, 65, NULL, 0x8");
  uint32_t pages[3] = {0x804d000, 0x804e000, 0};
  mem.Map(0x3000, pages, sizeof(pages));
  int32_t status[3] = {-2, -14, -14};
  mem.Map(0x4000, status, sizeof(status));
  EXPECT_EQ(text("move_pages", {0, 3, 0x3000, 0, 0x4000, 0}),
            "0, 3, [0x804d000, 0x804e000, NULL], NULL, [-ENOENT, -EFAULT, "
            "-EFAULT], 0");
  EXPECT_EQ(text("set_mempolicy_home_node",
                 {0, 0xffffffff, 0xffffffff, 0xffffffff}, -22),
            "NULL, 4294967295, 4294967295, 0xffffffff");
  // maxnode is not wrapped: 2^32 - 1 bits are many longs, cut by -s.
  opts.string_limit = 3;
  EXPECT_EQ(text("set_mempolicy", {0xffffffff, 0x2000, 0xffffffff}, -22),
            "MPOL_F_STATIC_NODES|MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_BALANCING|"
            "0xffff1fff, [0x000001, 00000000, 0x12345678, ...], 4294967295");
}

// ---------------------------------------------------------------------------
// Netlink messages (strace 6.1 on ip, ss and a test program).
// ---------------------------------------------------------------------------
template <typename T>
std::string Raw(const T& v) {
  return std::string(reinterpret_cast<const char*>(&v), sizeof(v));
}
std::string Pad4(std::string s) {
  s.resize((s.size() + 3) & ~size_t{3}, '\0');
  return s;
}
// One message: header (nlmsg_len counts the payload unless `len` says
// otherwise), payload, padding.
std::string Nlmsg(uint16_t type, uint16_t flags, uint32_t seq, uint32_t pid,
                  const std::string& payload, int64_t len = -1) {
  nlmsghdr h;
  h.nlmsg_len = len >= 0 ? static_cast<uint32_t>(len) : 16 + payload.size();
  h.nlmsg_type = type;
  h.nlmsg_flags = flags;
  h.nlmsg_seq = seq;
  h.nlmsg_pid = pid;
  return Pad4(Raw(h) + payload);
}
std::string Nla(uint16_t type, const std::string& data) {
  nlattr a;
  a.nla_len = static_cast<uint16_t>(4 + data.size());
  a.nla_type = type;
  return Pad4(Raw(a) + data);
}

class NetlinkTest : public DecoderTest {
 protected:
  // sendto(fd, buf at 0x10000, its size, 0, NULL, 0).
  std::string Send(int fd, const std::string& buf, int64_t len = -1) {
    mem.Map(0x10000, buf);
    const uint64_t n = len >= 0 ? static_cast<uint64_t>(len) : buf.size();
    return Text("sendto", {static_cast<uint64_t>(fd), 0x10000, n, 0, 0, 0},
                static_cast<int64_t>(n));
  }
};

TEST_F(NetlinkTest, RouteGetlinkRequest) {
  mem.SetNetlinkProtocol(3, NETLINK_ROUTE);
  const uint32_t ext_mask = 1;  // RTEXT_FILTER_VF
  const std::string buf = Nlmsg(18, NLM_F_REQUEST | NLM_F_DUMP, 1732, 0,
                                std::string(16, '\0') + Nla(29, Raw(ext_mask)));
  EXPECT_EQ(Send(3, buf),
            "3, [{nlmsg_len=40, nlmsg_type=RTM_GETLINK, "
            "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1732, "
            "nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, "
            "ifi_index=0, ifi_flags=0, ifi_change=0}, [{nla_len=8, "
            "nla_type=IFLA_EXT_MASK}, RTEXT_FILTER_VF]], 40, 0, NULL, 0");
  // The same bytes on another socket are a string.
  EXPECT_EQ(Send(4, buf, 4), "4, \"(\\0\\0\\0\", 4, 0, NULL, 0");
}

TEST_F(NetlinkTest, DoneInRecvmsg) {
  mem.SetNetlinkProtocol(3, NETLINK_ROUTE);
  const int32_t zero = 0;
  mem.Map(0x1000, Nlmsg(NLMSG_DONE, NLM_F_MULTI, 7, 30736, Raw(zero)));
  uint64_t iov[2] = {0x1000, 32768};
  mem.Map(0x2000, iov, sizeof(iov));
  sockaddr_nl kernel{};
  kernel.nl_family = AF_NETLINK;
  mem.Map(0x4000, &kernel, sizeof(kernel));
  MsgHdr m = {0x4000, sizeof(kernel), 0, 0x2000, 1, 0, 0, 0, 0};
  mem.Map(0x3000, &m, sizeof(m));
  EXPECT_EQ(Text("recvmsg", {3, 0x3000, 0}, 20),
            "3, {msg_name={sa_family=AF_NETLINK, nl_pid=0, "
            "nl_groups=00000000}, msg_namelen=12, msg_iov=[{iov_base=[{"
            "nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, "
            "nlmsg_seq=7, nlmsg_pid=30736}, 0], iov_len=32768}], "
            "msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0");
  // strace goes by the name, not the socket: without one, a string.
  uint64_t iov20[2] = {0x1000, 20};
  mem.Map(0x2000, iov20, sizeof(iov20));
  MsgHdr unnamed = {0, 0, 0, 0x2000, 1, 0, 0, 0, 0};
  mem.Map(0x3000, &unnamed, sizeof(unnamed));
  EXPECT_EQ(Text("sendmsg", {3, 0x3000, 0}, 20),
            "3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="
            "\"\\24\\0\\0\\0\\3\\0\\2\\0\\7\\0\\0\\0\\20x\\0\\0\\0\\0\\0\\0\", "
            "iov_len=20}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0");
  // A netlink name on a socket of unknown protocol: the generic layer.
  mem.Map(0x3000, &m, sizeof(m));
  EXPECT_EQ(Text("sendmsg", {5, 0x3000, 0}, 20),
            "5, {msg_name={sa_family=AF_NETLINK, nl_pid=0, "
            "nl_groups=00000000}, msg_namelen=12, msg_iov=[{iov_base=[{"
            "nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, "
            "nlmsg_seq=7, nlmsg_pid=30736}, 0], iov_len=20}], "
            "msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0");
  // A peek for the size: no buffer.
  uint64_t none[2] = {0, 0};
  mem.Map(0x2000, none, sizeof(none));
  EXPECT_EQ(Text("recvmsg", {3, 0x3000, MSG_PEEK | MSG_TRUNC}, 2952),
            "3, {msg_name={sa_family=AF_NETLINK, nl_pid=0, "
            "nl_groups=00000000}, msg_namelen=12, msg_iov=[{iov_base=NULL, "
            "iov_len=0}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, "
            "MSG_PEEK|MSG_TRUNC");
}

TEST_F(NetlinkTest, HeaderLayer) {
  mem.SetNetlinkProtocol(3, NETLINK_ROUTE);
  // Shorter than a header: hex.
  EXPECT_EQ(Send(3, "abc"), "3, \"\\x61\\x62\\x63\", 3, 0, NULL, 0");
  // Unknown type, flags of a "new" request (type & 3 == 0), family data.
  EXPECT_EQ(
      Send(3, Nlmsg(0x1234, NLM_F_REQUEST | 0x8000, 5, 1, "\x02hello world")),
      "3, [{nlmsg_len=28, nlmsg_type=0x1234 /* RTM_??? */, "
      "nlmsg_flags=NLM_F_REQUEST|0x8000, nlmsg_seq=5, nlmsg_pid=1}, "
      "{family=AF_INET, data=\"\\x68\\x65\\x6c\\x6c\\x6f\\x20\\x77\\x6f"
      "\\x72\\x6c\\x64\"}], 28, 0, NULL, 0");
  // Flags by request kind.
  EXPECT_EQ(Send(3, Nlmsg(RTM_DELLINK, 0xffff, 0, 0, "")),
            "3, {nlmsg_len=16, nlmsg_type=RTM_DELLINK, nlmsg_flags="
            "NLM_F_REQUEST|NLM_F_MULTI|NLM_F_ACK|NLM_F_ECHO|NLM_F_DUMP_INTR|"
            "NLM_F_DUMP_FILTERED|NLM_F_NONREC|NLM_F_BULK|0xfcc0, "
            "nlmsg_seq=0, nlmsg_pid=0}, 16, 0, NULL, 0");
  EXPECT_EQ(Send(3, Nlmsg(RTM_DELACTION, 0xffff, 0, 0, "")),
            "3, {nlmsg_len=16, nlmsg_type=RTM_DELACTION, nlmsg_flags="
            "NLM_F_REQUEST|NLM_F_MULTI|NLM_F_ACK|NLM_F_ECHO|NLM_F_DUMP_INTR|"
            "NLM_F_DUMP_FILTERED|NLM_F_DUMP|NLM_F_ATOMIC|0xf8c0, "
            "nlmsg_seq=0, nlmsg_pid=0}, 16, 0, NULL, 0");
  EXPECT_EQ(Send(3, Nlmsg(NLMSG_ERROR, 0xffff, 0, 0, "")),
            "3, {nlmsg_len=16, nlmsg_type=NLMSG_ERROR, nlmsg_flags="
            "NLM_F_REQUEST|NLM_F_MULTI|NLM_F_ACK|NLM_F_ECHO|NLM_F_DUMP_INTR|"
            "NLM_F_DUMP_FILTERED|NLM_F_CAPPED|NLM_F_ACK_TLVS|0xfcc0, "
            "nlmsg_seq=0, nlmsg_pid=0}, 16, 0, NULL, 0");
  EXPECT_EQ(Send(3, Nlmsg(RTM_NEWLINK, 0x8000, 0, 0, "")),
            "3, {nlmsg_len=16, nlmsg_type=RTM_NEWLINK, "
            "nlmsg_flags=0x8000 /* NLM_F_??? */, nlmsg_seq=0, nlmsg_pid=0}, "
            "16, 0, NULL, 0");
  // A message claiming more than the buffer holds, then a short tail.
  const int32_t v = 1818585090;
  EXPECT_EQ(Send(3, Nlmsg(NLMSG_DONE, NLM_F_REQUEST, 5, 1, Raw(v)) +
                        "xyzw\x01\x02\x03"),
            "3, [[{nlmsg_len=20, nlmsg_type=NLMSG_DONE, "
            "nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=5, nlmsg_pid=1}, "
            "1818585090], \"\\x78\\x79\\x7a\\x77\\x01\\x02\\x03\"], 27, 0, "
            "NULL, 0");
  // A zero-length header ends the list.
  EXPECT_EQ(Send(3, Nlmsg(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 9, 0,
                          std::string(8, '\0')) +
                        std::string(16, '\0')),
            "3, [[{nlmsg_len=24, nlmsg_type=RTM_GETADDR, "
            "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=9, "
            "nlmsg_pid=0}, {ifa_family=AF_UNSPEC, ifa_prefixlen=0, "
            "ifa_flags=0, ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=0}], "
            "{nlmsg_len=0, nlmsg_type=0 /* NLMSG_??? */, nlmsg_flags=0, "
            "nlmsg_seq=0, nlmsg_pid=0}], 40, 0, NULL, 0");
}

TEST_F(NetlinkTest, AbbreviatedAfterStringLimit) {
  mem.SetNetlinkProtocol(3, NETLINK_ROUTE);
  opts.string_limit = 2;
  std::string buf;
  for (int i = 0; i < 3; ++i) buf += Nlmsg(NLMSG_NOOP, 0, i, 0, "");
  EXPECT_EQ(Send(3, buf),
            "3, [{nlmsg_len=16, nlmsg_type=NLMSG_NOOP, nlmsg_flags=0, "
            "nlmsg_seq=0, nlmsg_pid=0}, {nlmsg_len=16, "
            "nlmsg_type=NLMSG_NOOP, nlmsg_flags=0, nlmsg_seq=1, "
            "nlmsg_pid=0}, ...], 48, 0, NULL, 0");
  // -v shows all.
  opts.verbose = true;
  EXPECT_NE(Send(3, buf).find("nlmsg_seq=2"), std::string::npos);
  // Unreadable after the first message.
  opts.verbose = false;
  opts.string_limit = 32;
  mem.Map(0x20000, buf.substr(0, 16));
  EXPECT_EQ(Text("sendto", {3, 0x20000, 48, 0, 0, 0}, 48),
            "3, [{nlmsg_len=16, nlmsg_type=NLMSG_NOOP, nlmsg_flags=0, "
            "nlmsg_seq=0, nlmsg_pid=0}, ... /* 0x20010 */], 48, 0, NULL, 0");
}

TEST_F(NetlinkTest, UnknownAndOtherProtocols) {
  // A netlink socket of unknown protocol (unbound): generic names only.
  mem.SetNetlinkProtocol(5, kNetlinkUnknownProtocol);
  EXPECT_EQ(
      Send(5, Nlmsg(0x14, NLM_F_REQUEST | NLM_F_DUMP, 7, 0, "\x01\x06hello!")),
      "5, [{nlmsg_len=24, nlmsg_type=0x14 /* NLMSG_??? */, "
      "nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=7, nlmsg_pid=0}, "
      "\"\\x01\\x06\\x68\\x65\\x6c\\x6c\\x6f\\x21\"], 24, 0, NULL, 0");
  mem.SetNetlinkProtocol(4, NETLINK_SOCK_DIAG);
  EXPECT_EQ(Send(4, Nlmsg(0x99, 0x300, 1, 0, "x"), 17),
            "4, [{nlmsg_len=17, nlmsg_type=0x99 /* SOCK_DIAG_??? */, "
            "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=1, nlmsg_pid=0}, "
            "{family=0x78 /* AF_??? */}], 17, 0, NULL, 0");
}

// Other protocols strace names the types of: xfrm (with flags by kind),
// SELinux (and its two bodies), audit.
TEST_F(NetlinkTest, XfrmSelinuxAuditTypes) {
  mem.SetNetlinkProtocol(3, NETLINK_XFRM);
  EXPECT_EQ(Send(3, Nlmsg(0x14, 0x701, 0, 0, "")),
            "3, {nlmsg_len=16, nlmsg_type=XFRM_MSG_DELPOLICY, "
            "nlmsg_flags=NLM_F_REQUEST|NLM_F_NONREC|NLM_F_BULK|0x400, "
            "nlmsg_seq=0, nlmsg_pid=0}, 16, 0, NULL, 0");
  EXPECT_EQ(Send(3, Nlmsg(0x29, 0x701, 0, 0, "")),
            "3, {nlmsg_len=16, nlmsg_type=0x29 /* XFRM_MSG_??? */, "
            "nlmsg_flags=NLM_F_REQUEST|0x700, nlmsg_seq=0, nlmsg_pid=0}, 16, "
            "0, NULL, 0");
  mem.SetNetlinkProtocol(4, NETLINK_SELINUX);
  const int32_t minus2 = -2;
  EXPECT_EQ(Send(4, Nlmsg(16, 0, 0, 0, Raw(minus2))),
            "4, [{nlmsg_len=20, nlmsg_type=SELNL_MSG_SETENFORCE, "
            "nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {val=-2}], 20, 0, "
            "NULL, 0");
  EXPECT_EQ(Send(4, Nlmsg(17, 0, 0, 0, Raw(minus2))),
            "4, [{nlmsg_len=20, nlmsg_type=SELNL_MSG_POLICYLOAD, "
            "nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {seqno=4294967294}], "
            "20, 0, NULL, 0");
  mem.SetNetlinkProtocol(5, NETLINK_AUDIT);
  EXPECT_EQ(Send(5, Nlmsg(1000, NLM_F_REQUEST, 0, 0, "ab")),
            "5, [{nlmsg_len=18, nlmsg_type=AUDIT_GET, "
            "nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, "
            "\"\\x61\\x62\"], 20, 0, NULL, 0");
}

// Generic netlink: the type is a family id, named as the kernel lists
// the families.
TEST_F(NetlinkTest, GenericFamilies) {
  mem.SetNetlinkProtocol(3, NETLINK_GENERIC);
  mem.SetGenlFamily(0x10, "nlctrl");
  EXPECT_EQ(Send(3, Nlmsg(0x10, NLM_F_REQUEST | NLM_F_DUMP, 1, 0, "\x03\x01")),
            "3, [{nlmsg_len=18, nlmsg_type=nlctrl, "
            "nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=1, nlmsg_pid=0}, "
            "\"\\x03\\x01\"], 20, 0, NULL, 0");
  EXPECT_EQ(Send(3, Nlmsg(0x3e8, 0, 1, 0, "")),
            "3, {nlmsg_len=16, nlmsg_type=0x3e8 /* GENERIC_FAMILY_??? */, "
            "nlmsg_flags=0, nlmsg_seq=1, nlmsg_pid=0}, 16, 0, NULL, 0");
}

TEST_F(NetlinkTest, ErrorReply) {
  mem.SetNetlinkProtocol(3, NETLINK_ROUTE);
  const int32_t err = -EOPNOTSUPP;
  const std::string inner =
      Nlmsg(0x1234, NLM_F_REQUEST | 0x8000, 5, 1, "\x02hello world");
  EXPECT_EQ(Send(3, Nlmsg(NLMSG_ERROR, 0, 5, 3457, Raw(err) + inner)),
            "3, [{nlmsg_len=48, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0, "
            "nlmsg_seq=5, nlmsg_pid=3457}, {error=-EOPNOTSUPP, "
            "msg=[{nlmsg_len=28, nlmsg_type=0x1234 /* RTM_??? */, "
            "nlmsg_flags=NLM_F_REQUEST|0x8000, nlmsg_seq=5, nlmsg_pid=1}, "
            "{family=AF_INET, data=\"\\x68\\x65\\x6c\\x6c\\x6f\\x20\\x77\\x6f"
            "\\x72\\x6c\\x64\"}]}], 48, 0, NULL, 0");
  // An acknowledgement: error 0 and the request's header only.
  const int32_t ok = 0;
  EXPECT_EQ(Send(3, Nlmsg(NLMSG_ERROR, NLM_F_CAPPED, 5, 0,
                          Raw(ok) + inner.substr(0, 16))),
            "3, [{nlmsg_len=36, nlmsg_type=NLMSG_ERROR, "
            "nlmsg_flags=NLM_F_CAPPED, nlmsg_seq=5, nlmsg_pid=0}, "
            "{error=0, msg={nlmsg_len=28, nlmsg_type=0x1234 /* RTM_??? */, "
            "nlmsg_flags=NLM_F_REQUEST|0x8000, nlmsg_seq=5, nlmsg_pid=1}}], "
            "36, 0, NULL, 0");
}

TEST_F(NetlinkTest, ErrorWithExtendedAck) {
  mem.SetNetlinkProtocol(3, NETLINK_ROUTE);
  const int32_t err = -EEXIST;
  const uint8_t ifa[8] = {AF_INET, 24, 0, 0, 0, 0, 0, 0x7f};
  const uint8_t v4[4] = {10, 9, 0, 7};
  const std::string request =
      Nlmsg(RTM_NEWADDR, 0x605, 7, 0, Raw(ifa) + Nla(2, Raw(v4)));
  const std::string text = "ipv4: Address already assigned";
  EXPECT_EQ(
      Send(3, Nlmsg(NLMSG_ERROR, NLM_F_ACK_TLVS, 7, 99,
                    Raw(err) + request +
                        Nla(1, std::string(text.c_str(), text.size() + 1)))),
      "3, [{nlmsg_len=88, nlmsg_type=NLMSG_ERROR, "
      "nlmsg_flags=NLM_F_ACK_TLVS, nlmsg_seq=7, nlmsg_pid=99}, "
      "[{error=-EEXIST, msg=[{nlmsg_len=32, nlmsg_type=RTM_NEWADDR, "
      "nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, "
      "nlmsg_seq=7, nlmsg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen=24, "
      "ifa_flags=0, ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=2130706432}, "
      "[{nla_len=8, nla_type=IFA_LOCAL}, inet_addr(\"10.9.0.7\")]]}, "
      "[{nla_len=35, nla_type=NLMSGERR_ATTR_MSG}, \"ipv4: Address "
      "already assigned\"]]], 88, 0, NULL, 0");
}

TEST_F(NetlinkTest, RouteMetricsAndMultipath) {
  mem.SetNetlinkProtocol(3, NETLINK_ROUTE);
  const uint8_t rtm[12] = {AF_INET, 16, 0, 0, 254, 3, 0, 1};
  const uint32_t mtu = 1300;
  const uint8_t gw1[4] = {10, 9, 0, 2}, gw2[4] = {10, 9, 0, 3};
  const uint8_t nh1[8] = {16, 0, 0x10, 0, 0, 0, 0, 0x7f};
  const uint8_t nh2[8] = {8, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_EQ(
      Send(3, Nlmsg(RTM_NEWROUTE, NLM_F_MULTI, 1, 0,
                    Raw(rtm) + Nla(8, Nla(2, Raw(mtu))) +
                        Nla(9, Raw(nh1) + Nla(5, Raw(gw1)) + Raw(nh2)) +
                        Nla(9, Raw(nh1) + Nla(5, Raw(gw2))))),
      "3, [{nlmsg_len=88, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_MULTI, "
      "nlmsg_seq=1, nlmsg_pid=0}, {rtm_family=AF_INET, rtm_dst_len=16, "
      "rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_MAIN, "
      "rtm_protocol=RTPROT_BOOT, rtm_scope=RT_SCOPE_UNIVERSE, "
      "rtm_type=RTN_UNICAST, rtm_flags=0}, [[{nla_len=12, "
      "nla_type=RTA_METRICS}, [{nla_len=8, nla_type=RTAX_MTU}, 1300]], "
      "[{nla_len=28, nla_type=RTA_MULTIPATH}, [[{rtnh_len=16, "
      "rtnh_flags=RTNH_F_LINKDOWN, rtnh_hops=0, rtnh_ifindex=2130706432}, "
      "[{nla_len=8, nla_type=RTA_GATEWAY}, inet_addr(\"10.9.0.2\")]], "
      "{rtnh_len=8, rtnh_flags=0, rtnh_hops=0, rtnh_ifindex=0}]], "
      "[{nla_len=20, nla_type=RTA_MULTIPATH}, [{rtnh_len=16, "
      "rtnh_flags=RTNH_F_LINKDOWN, rtnh_hops=0, rtnh_ifindex=2130706432}, "
      "[{nla_len=8, nla_type=RTA_GATEWAY}, inet_addr(\"10.9.0.3\")]]]]], "
      "88, 0, NULL, 0");
}

TEST_F(NetlinkTest, RouteBodies) {
  mem.SetNetlinkProtocol(3, NETLINK_ROUTE);
  // ifaddrmsg of ip addr's answer.
  const uint8_t ifa[8] = {AF_INET, 24, 0x80, 0, 0, 0, 0, 0x7f};
  const uint8_t v4[4] = {192, 0, 2, 2};
  const uint32_t flags = 0x80;
  const uint32_t cache[4] = {4294967295u, 4294967295u, 24, 24};
  EXPECT_EQ(
      Send(3,
           Nlmsg(RTM_NEWADDR, NLM_F_MULTI, 9, 30736,
                 Raw(ifa) + Nla(1, Raw(v4)) + Nla(3, std::string("eth0", 5)) +
                     Nla(8, Raw(flags)) + Nla(6, Raw(cache)))),
      "3, [{nlmsg_len=72, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI, "
      "nlmsg_seq=9, nlmsg_pid=30736}, {ifa_family=AF_INET, ifa_prefixlen=24, "
      "ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_UNIVERSE, "
      "ifa_index=2130706432}, [[{nla_len=8, nla_type=IFA_ADDRESS}, "
      "inet_addr(\"192.0.2.2\")], [{nla_len=9, nla_type=IFA_LABEL}, "
      "\"eth0\"], [{nla_len=8, nla_type=IFA_FLAGS}, IFA_F_PERMANENT], "
      "[{nla_len=20, nla_type=IFA_CACHEINFO}, {ifa_prefered=4294967295, "
      "ifa_valid=4294967295, cstamp=24, tstamp=24}]]], 72, 0, NULL, 0");
  // rtmsg of ip route's request and answer.
  const uint8_t rtm[12] = {AF_INET, 0, 0, 0, 0, 0, 0, 0};
  const uint32_t main_table = 254;
  EXPECT_EQ(Send(3, Nlmsg(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, 1, 0,
                          Raw(rtm) + Nla(15, Raw(main_table)))),
            "3, [{nlmsg_len=36, nlmsg_type=RTM_GETROUTE, "
            "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, "
            "nlmsg_pid=0}, {rtm_family=AF_INET, rtm_dst_len=0, "
            "rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_UNSPEC, "
            "rtm_protocol=RTPROT_UNSPEC, rtm_scope=RT_SCOPE_UNIVERSE, "
            "rtm_type=RTN_UNSPEC, rtm_flags=0}, [{nla_len=8, "
            "nla_type=RTA_TABLE}, RT_TABLE_MAIN]], 36, 0, NULL, 0");
  const uint8_t rtm2[12] = {AF_INET, 32, 8,    0x10, 77, 99,
                            77,      99, 0x01, 0,    0,  0x80};
  const uint8_t v6[16] = {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  EXPECT_EQ(Send(3, Nlmsg(RTM_NEWROUTE, NLM_F_MULTI, 1, 0,
                          Raw(rtm2) + Nla(5, Raw(v4)) + Nla(1, Raw(v6)) +
                              Nla(1, Raw(v4).substr(0, 3)))),
            "3, [{nlmsg_len=64, nlmsg_type=RTM_NEWROUTE, "
            "nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=0}, "
            "{rtm_family=AF_INET, rtm_dst_len=32, rtm_src_len=8, "
            "rtm_tos=IPTOS_LOWDELAY, rtm_table=0x4d, "
            "rtm_protocol=RTPROT_OPENR, rtm_scope=0x4d, "
            "rtm_type=0x63 /* RTN_??? */, "
            "rtm_flags=0x80000001 /* RTM_F_??? */}, [[{nla_len=8, "
            "nla_type=RTA_GATEWAY}, inet_addr(\"192.0.2.2\")], [{nla_len=20, "
            "nla_type=RTA_DST}, inet_addr(\"254.128.0.0\")], [{nla_len=7, "
            "nla_type=RTA_DST}, \"\\xc0\\x00\\x02\"]]], 64, 0, NULL, 0");
  // ifinfomsg: a short one, and attributes of several kinds.
  EXPECT_EQ(
      Send(3, Nlmsg(RTM_GETLINK, NLM_F_REQUEST, 0, 0, std::string(4, '\0'))),
      "3, [{nlmsg_len=20, nlmsg_type=RTM_GETLINK, "
      "nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, "
      "{ifi_family=AF_UNSPEC, ...}], 20, 0, NULL, 0");
  const uint8_t ifi[16] = {0,    0, 0x04, 0x03, 0, 0, 0, 0x7f,
                           0x49, 0, 0x01, 0,    0, 0, 0, 0};
  const uint8_t mac[6] = {0x02, 0xfc, 0, 0, 0, 1};
  const uint32_t mtu = 1400;
  const uint8_t up = 6;
  uint32_t stats[24];
  for (int i = 0; i < 24; ++i) stats[i] = i;
  EXPECT_EQ(
      Send(3, Nlmsg(RTM_NEWLINK, NLM_F_MULTI, 1, 0,
                    Raw(ifi) + Nla(3, std::string("eth0", 5)) +
                        Nla(4, Raw(mtu)) + Nla(16, Raw(up)) + Nla(1, Raw(mac)) +
                        Nla(0x43, "\x01") + Nla(0x8000 | 4, Raw(mtu)) +
                        Nla(7, Raw(stats)) + Nla(3, "loop"))),
      "3, [{nlmsg_len=196, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_MULTI, "
      "nlmsg_seq=1, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, "
      "ifi_type=ARPHRD_LOOPBACK, ifi_index=2130706432, "
      "ifi_flags=IFF_UP|IFF_LOOPBACK|IFF_RUNNING|IFF_LOWER_UP, "
      "ifi_change=0}, [[{nla_len=9, nla_type=IFLA_IFNAME}, \"eth0\"], "
      "[{nla_len=8, nla_type=IFLA_MTU}, 1400], [{nla_len=5, "
      "nla_type=IFLA_OPERSTATE}, 6], [{nla_len=10, nla_type=IFLA_ADDRESS}, "
      "02:fc:00:00:00:01], [{nla_len=5, nla_type=0x43 /* IFLA_??? */}, "
      "\"\\x01\"], [{nla_len=8, nla_type=NLA_F_NESTED|IFLA_MTU}, 1400], "
      "[{nla_len=100, nla_type=IFLA_STATS}, {rx_packets=0, tx_packets=1, "
      "rx_bytes=2, tx_bytes=3, rx_errors=4, tx_errors=5, rx_dropped=6, "
      "tx_dropped=7, multicast=8, collisions=9, rx_length_errors=10, "
      "rx_over_errors=11, rx_crc_errors=12, rx_frame_errors=13, "
      "rx_fifo_errors=14, rx_missed_errors=15, tx_aborted_errors=16, "
      "tx_carrier_errors=17, tx_fifo_errors=18, tx_heartbeat_errors=19, "
      "tx_window_errors=20, rx_compressed=21, tx_compressed=22, "
      "rx_nohandler=23}], [{nla_len=8, nla_type=IFLA_IFNAME}, "
      "\"loop\"...]]], 196, 0, NULL, 0");
}

TEST_F(NetlinkTest, LinkAfSpec) {
  mem.SetNetlinkProtocol(3, NETLINK_ROUTE);
  opts.string_limit = 3;
  int32_t conf[4] = {1, -1, 3, 4};
  const uint64_t stats[2] = {7, ~0ull};
  const uint32_t ready = 0x80000000;
  const uint8_t mode = 1;
  const std::string af_spec =
      Nla(AF_INET, Nla(1, Raw(conf))) +
      Nla(AF_INET6, Nla(1, Raw(ready)) + Nla(3, Raw(stats)) +
                        Nla(8, Raw(mode)) + Nla(11, "\x01")) +
      Nla(AF_BRIDGE, "\x01\x02");
  EXPECT_EQ(Send(3, Nlmsg(RTM_NEWLINK, 0, 1, 0,
                          std::string(16, '\0') + Nla(26, af_spec))),
            "3, [{nlmsg_len=116, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, "
            "nlmsg_seq=1, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, "
            "ifi_type=ARPHRD_NETROM, ifi_index=0, ifi_flags=0, "
            "ifi_change=0}, [{nla_len=84, nla_type=IFLA_AF_SPEC}, "
            "[[{nla_len=24, nla_type=AF_INET}, [{nla_len=20, "
            "nla_type=IFLA_INET_CONF}, [[IPV4_DEVCONF_FORWARDING-1]=1, "
            "[IPV4_DEVCONF_MC_FORWARDING-1]=-1, "
            "[IPV4_DEVCONF_PROXY_ARP-1]=3, ...]]], [{nla_len=48, "
            "nla_type=AF_INET6}, [[{nla_len=8, nla_type=IFLA_INET6_FLAGS}, "
            "IF_READY], [{nla_len=20, nla_type=IFLA_INET6_STATS}, "
            "[[IPSTATS_MIB_NUM]=7, "
            "[IPSTATS_MIB_INPKTS]=18446744073709551615]], [{nla_len=5, "
            "nla_type=IFLA_INET6_ADDR_GEN_MODE}, IN6_ADDR_GEN_MODE_NONE], "
            "...]], [{nla_len=6, nla_type=AF_BRIDGE}, \"\\x01\\x02\"]]]], 116, "
            "0, NULL, 0");
}

// Random messages with plausible headers and attribute trees (and cut at
// random places) must decode without reading outside what was read.
TEST_F(NetlinkTest, RandomMessagesDecode) {
  std::mt19937 rng(12345);
  auto byte = [&] { return static_cast<char>(rng() & 0xff); };
  // Attributes, nested at random.
  std::function<std::string(int)> attrs = [&](int depth) {
    std::string out;
    const int n = static_cast<int>(rng() % 6);
    for (int i = 0; i < n; ++i) {
      std::string data;
      if (depth < 3 && rng() % 3 == 0) {
        data = attrs(depth + 1);
      } else {
        const int len = static_cast<int>(rng() % 40);
        for (int j = 0; j < len; ++j) data += byte();
      }
      out +=
          Nla(static_cast<uint16_t>(rng() % 70 | (rng() % 8 == 0 ? 0x8000 : 0)),
              data);
    }
    return out;
  };
  const int protocols[] = {NETLINK_ROUTE, NETLINK_SOCK_DIAG,
                           kNetlinkUnknownProtocol};
  for (int round = 0; round < 3000; ++round) {
    const int proto = protocols[rng() % 3];
    mem.SetNetlinkProtocol(3, proto);
    opts.verbose = rng() % 4 == 0;
    std::string buf;
    const int messages = 1 + static_cast<int>(rng() % 3);
    for (int m = 0; m < messages; ++m) {
      std::string body;
      const int fixed = static_cast<int>(rng() % 80);
      for (int j = 0; j < fixed; ++j) body += byte();
      if (rng() % 2)
        body[0] = static_cast<char>(rng() % 2 ? AF_INET : AF_INET6);
      body += attrs(0);
      const uint16_t type =
          static_cast<uint16_t>(rng() % 4 == 0 ? rng() % 5 : 16 + rng() % 110);
      if (type == NLMSG_ERROR && rng() % 2) {
        const int32_t err = -static_cast<int32_t>(rng() % 140);
        body = Raw(err) + Nlmsg(16 + rng() % 12, 0, 0, 0, body);
      }
      buf += Nlmsg(type, static_cast<uint16_t>(rng()), rng(), rng(), body,
                   rng() % 10 == 0 ? static_cast<int64_t>(rng() % 300) : -1);
    }
    const size_t cut = rng() % 4 == 0 ? rng() % (buf.size() + 1) : buf.size();
    // A fresh address each round: what was cut off is unreadable.
    const uint64_t addr = 0x1000000 + 0x10000 * static_cast<uint64_t>(round);
    mem.Map(addr, buf.substr(0, cut));
    const std::string text = Text("sendto", {3, addr, buf.size(), 0, 0, 0}, 0);
    ASSERT_EQ(text.compare(0, 3, "3, "), 0) << text;
    ASSERT_NE(text.find(", 0, NULL, 0"), std::string::npos) << text;
  }
}

// ip -6 addr asks for AF_INET6 links: IFLA_PROTINFO holds the
// IFLA_INET6_* attributes.
TEST_F(NetlinkTest, LinkProtinfo) {
  mem.SetNetlinkProtocol(3, NETLINK_ROUTE);
  std::string ifi(16, '\0');
  ifi[0] = AF_INET6;
  const uint32_t ready = 0x80000000;
  EXPECT_EQ(Send(3, Nlmsg(RTM_NEWLINK, NLM_F_MULTI, 1, 0,
                          ifi + Nla(12, Nla(1, Raw(ready))))),
            "3, [{nlmsg_len=44, nlmsg_type=RTM_NEWLINK, "
            "nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=0}, "
            "{ifi_family=AF_INET6, ifi_type=ARPHRD_NETROM, ifi_index=0, "
            "ifi_flags=0, ifi_change=0}, [{nla_len=12, "
            "nla_type=IFLA_PROTINFO}, [{nla_len=8, "
            "nla_type=IFLA_INET6_FLAGS}, IF_READY]]], 44, 0, NULL, 0");
}

// String attributes: every byte up to -s, a trailing NUL dropped, "..."
// without one; in strace's hex modes the NUL counts as a byte to show.
TEST_F(NetlinkTest, StringAttributes) {
  mem.SetNetlinkProtocol(3, NETLINK_ROUTE);
  const std::string buf =
      Nlmsg(RTM_NEWLINK, NLM_F_REQUEST, 0, 0,
            std::string(16, '\0') + Nla(3, std::string("lo\0", 3)) +
                Nla(3, "loop") + Nla(3, std::string("lo\0xy", 5)) +
                Nla(3, std::string("l\xffo\0", 4)));
  const std::string head =
      "3, [{nlmsg_len=68, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_REQUEST, "
      "nlmsg_seq=0, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, "
      "ifi_type=ARPHRD_NETROM, ifi_index=0, ifi_flags=0, ifi_change=0}, ";
  EXPECT_EQ(Send(3, buf),
            head +
                "[[{nla_len=7, nla_type=IFLA_IFNAME}, \"lo\"], [{nla_len=8, "
                "nla_type=IFLA_IFNAME}, \"loop\"...], [{nla_len=9, "
                "nla_type=IFLA_IFNAME}, \"lo\\0xy\"...], [{nla_len=8, "
                "nla_type=IFLA_IFNAME}, \"l\\377o\"]]], 68, 0, NULL, 0");
  opts.hex_strings = HexStrings::kNonAscii;  // -x
  EXPECT_EQ(Send(3, buf),
            head +
                "[[{nla_len=7, nla_type=IFLA_IFNAME}, \"\\x6c\\x6f\\x00\"...], "
                "[{nla_len=8, nla_type=IFLA_IFNAME}, \"loop\"...], "
                "[{nla_len=9, nla_type=IFLA_IFNAME}, "
                "\"\\x6c\\x6f\\x00\\x78\\x79\"...], [{nla_len=8, "
                "nla_type=IFLA_IFNAME}, \"\\x6c\\xff\\x6f\\x00\"...]]], 68, 0, "
                "NULL, 0");
}

TEST_F(NetlinkTest, NeighboursAndRules) {
  mem.SetNetlinkProtocol(3, NETLINK_ROUTE);
  // ip neigh's request, a short one, and an answer.
  EXPECT_EQ(Send(3, Nlmsg(RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP, 1, 0,
                          std::string(12, '\0'))),
            "3, [{nlmsg_len=28, nlmsg_type=RTM_GETNEIGH, "
            "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, "
            "nlmsg_pid=0}, {ndm_family=AF_UNSPEC, ndm_ifindex=0, "
            "ndm_state=NUD_NONE, ndm_flags=0, ndm_type=RTN_UNSPEC}], 28, 0, "
            "NULL, 0");
  EXPECT_EQ(Send(3, Nlmsg(RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP, 1, 0,
                          std::string(4, '\0'))),
            "3, [{nlmsg_len=20, nlmsg_type=RTM_GETNEIGH, "
            "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, "
            "nlmsg_pid=0}, {ndm_family=AF_UNSPEC, ...}], 20, 0, NULL, 0");
  const uint8_t nd[12] = {AF_INET, 0,    0,    0,    0,    0,
                          0,       0x7f, 0xff, 0xff, 0xff, 99};
  const uint8_t v4[4] = {10, 1, 2, 3};
  const uint16_t port = 0x1234;
  const uint32_t cache[4] = {1, 2, 3, 4};
  EXPECT_EQ(
      Send(3, Nlmsg(RTM_NEWNEIGH, NLM_F_MULTI, 1, 0,
                    Raw(nd) + Nla(1, Raw(v4)) + Nla(2, Raw(v4)) +
                        Nla(3, Raw(cache)) + Nla(6, Raw(port)))),
      "3, [{nlmsg_len=72, nlmsg_type=RTM_NEWNEIGH, nlmsg_flags=NLM_F_MULTI, "
      "nlmsg_seq=1, nlmsg_pid=0}, {ndm_family=AF_INET, "
      "ndm_ifindex=2130706432, ndm_state=NUD_INCOMPLETE|NUD_REACHABLE|"
      "NUD_STALE|NUD_DELAY|NUD_PROBE|NUD_FAILED|NUD_NOARP|NUD_PERMANENT|"
      "0xff00, ndm_flags=NTF_USE|NTF_SELF|NTF_MASTER|NTF_PROXY|"
      "NTF_EXT_LEARNED|NTF_OFFLOADED|NTF_STICKY|NTF_ROUTER, "
      "ndm_type=0x63 /* RTN_??? */}, [[{nla_len=8, nla_type=NDA_DST}, "
      "inet_addr(\"10.1.2.3\")], [{nla_len=8, nla_type=NDA_LLADDR}, "
      "0a:01:02:03], [{nla_len=20, nla_type=NDA_CACHEINFO}, "
      "{ndm_confirmed=1, ndm_used=2, ndm_updated=3, ndm_refcnt=4}], "
      "[{nla_len=6, nla_type=NDA_PORT}, htons(13330)]]], 72, 0, NULL, 0");
  // ip rule's answer.
  const uint8_t fr[12] = {AF_INET6, 0, 0, 0, 77, 0, 0, 99, 0, 0, 0, 0};
  const uint32_t local = 255;
  const uint64_t tun = 0x0102030405060708ull;
  const uint8_t openr = 99;
  EXPECT_EQ(
      Send(3, Nlmsg(RTM_NEWRULE, NLM_F_MULTI, 1, 0,
                    Raw(fr) + Nla(1, Raw(v4)) + Nla(15, Raw(local)) +
                        Nla(12, Raw(tun)) + Nla(21, Raw(openr)))),
      "3, [{nlmsg_len=64, nlmsg_type=RTM_NEWRULE, nlmsg_flags=NLM_F_MULTI, "
      "nlmsg_seq=1, nlmsg_pid=0}, {family=AF_INET6, dst_len=0, src_len=0, "
      "tos=0, table=0x4d /* RT_TABLE_??? */, action=0x63 /* FR_ACT_??? */, "
      "flags=0}, [[{nla_len=8, nla_type=FRA_DST}, \"\\x0a\\x01\\x02\\x03\"], "
      "[{nla_len=8, nla_type=FRA_TABLE}, RT_TABLE_LOCAL], [{nla_len=12, "
      "nla_type=FRA_TUN_ID}, htobe64(578437695752307201)], [{nla_len=5, "
      "nla_type=FRA_PROTOCOL}, RTPROT_OPENR]]], 64, 0, NULL, 0");
}

// `ip netconf` and `ip addrlabel` (strace decodes their structs and
// attributes; ttrace printed {family=..., data="..."}).
TEST_F(NetlinkTest, NetconfAndAddrlabel) {
  mem.SetNetlinkProtocol(3, NETLINK_ROUTE);
  EXPECT_EQ(Send(3, Nlmsg(RTM_GETNETCONF, NLM_F_REQUEST | NLM_F_DUMP, 1, 0,
                          std::string(4, '\0'))),
            "3, [{nlmsg_len=20, nlmsg_type=RTM_GETNETCONF, "
            "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, "
            "nlmsg_pid=0}, {ncm_family=AF_UNSPEC}], 20, 0, NULL, 0");
  const uint8_t ncm[4] = {AF_INET, 0, 0, 0};
  const uint32_t all = 0xffffffff;
  const int32_t one = 1;
  const int32_t minus = -2;
  EXPECT_EQ(Send(3, Nlmsg(RTM_NEWNETCONF, NLM_F_MULTI, 1, 0,
                          Raw(ncm) + Nla(1, Raw(all)) + Nla(2, Raw(one)) +
                              Nla(8, Raw(minus)) + Nla(9, Raw(one)))),
            "3, [{nlmsg_len=52, nlmsg_type=RTM_NEWNETCONF, "
            "nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=0}, "
            "{ncm_family=AF_INET}, [[{nla_len=8, nla_type=NETCONFA_IFINDEX}, "
            "4294967295], [{nla_len=8, nla_type=NETCONFA_FORWARDING}, 1], "
            "[{nla_len=8, nla_type=NETCONFA_BC_FORWARDING}, -2], "
            "[{nla_len=8, nla_type=0x9 /* NETCONFA_??? */}, "
            "\"\\x01\\x00\\x00\\x00\"]]], 52, 0, NULL, 0");
  EXPECT_EQ(Send(3, Nlmsg(RTM_GETADDRLABEL, NLM_F_REQUEST | NLM_F_DUMP, 1, 0,
                          std::string(1, AF_INET6) + std::string(11, '\0'))),
            "3, [{nlmsg_len=28, nlmsg_type=RTM_GETADDRLABEL, "
            "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, "
            "nlmsg_pid=0}, {ifal_family=AF_INET6, ifal_prefixlen=0, "
            "ifal_flags=0, ifal_index=0, ifal_seq=0}], 28, 0, NULL, 0");
  const uint8_t ifal[12] = {AF_INET6, 0, 96, 0, 0, 0, 0x7f, 0x7f, 10, 0, 0, 0};
  uint8_t v6[16] = {};
  v6[10] = v6[11] = 0xff;
  const uint32_t label = 4;
  EXPECT_EQ(Send(3, Nlmsg(RTM_NEWADDRLABEL, NLM_F_MULTI, 1, 0,
                          Raw(ifal) + Nla(1, Raw(v6)) + Nla(2, Raw(label)))),
            "3, [{nlmsg_len=56, nlmsg_type=RTM_NEWADDRLABEL, "
            "nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=0}, "
            "{ifal_family=AF_INET6, ifal_prefixlen=96, ifal_flags=0, "
            "ifal_index=2139029504, ifal_seq=10}, [[{nla_len=20, "
            "nla_type=IFAL_ADDRESS}, inet_pton(AF_INET6, "
            "\"::ffff:0.0.0.0\")], [{nla_len=8, nla_type=IFAL_LABEL}, 4]]], "
            "56, 0, NULL, 0");
  EXPECT_EQ(Send(3, Nlmsg(RTM_GETADDRLABEL, NLM_F_REQUEST, 1, 0,
                          std::string(1, AF_INET6) + std::string(3, '\0'))),
            "3, [{nlmsg_len=20, nlmsg_type=RTM_GETADDRLABEL, "
            "nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=1, nlmsg_pid=0}, "
            "{ifal_family=AF_INET6, ...}], 20, 0, NULL, 0");
}

// `ip netns list-id` (struct rtgenmsg, NETNSA_*), `ip nexthop` (struct
// nhmsg, NHA_*) and `ip stats` (struct if_stats_msg, its filter bits
// named as strace does, IFLA_STATS_*); a nested attribute's flag with -X.
TEST_F(NetlinkTest, NsidNexthopStats) {
  mem.SetNetlinkProtocol(3, NETLINK_ROUTE);
  const uint8_t gen[4] = {AF_UNSPEC, 0, 0, 0};
  const int32_t fd = 6, nsid = -1;
  EXPECT_EQ(Send(3, Nlmsg(RTM_GETNSID, NLM_F_REQUEST, 1, 0,
                          Raw(gen) + Nla(3, Raw(fd)))),
            "3, [{nlmsg_len=28, nlmsg_type=RTM_GETNSID, "
            "nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=1, nlmsg_pid=0}, "
            "{rtgen_family=AF_UNSPEC}, [{nla_len=8, nla_type=NETNSA_FD}, 6]], "
            "28, 0, NULL, 0");
  EXPECT_EQ(Send(3, Nlmsg(RTM_NEWNSID, 0, 1, 0, Raw(gen) + Nla(1, Raw(nsid)))),
            "3, [{nlmsg_len=28, nlmsg_type=RTM_NEWNSID, nlmsg_flags=0, "
            "nlmsg_seq=1, nlmsg_pid=0}, {rtgen_family=AF_UNSPEC}, "
            "[{nla_len=8, nla_type=NETNSA_NSID}, -1]], 28, 0, NULL, 0");
  EXPECT_EQ(Send(3, Nlmsg(RTM_GETNEXTHOP, NLM_F_REQUEST | NLM_F_DUMP, 1, 0,
                          std::string(8, '\0'))),
            "3, [{nlmsg_len=24, nlmsg_type=RTM_GETNEXTHOP, "
            "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, "
            "nlmsg_pid=0}, {nh_family=AF_UNSPEC, nh_scope=RT_SCOPE_UNIVERSE, "
            "nh_protocol=RTPROT_UNSPEC, nh_flags=0}], 24, 0, NULL, 0");
  const uint8_t nh[8] = {AF_INET, 254, 4, 0, 0x10, 0, 0, 0};
  const uint32_t id = 4, oif = 0x7f000000;
  const uint8_t gw[4] = {127, 0, 0, 2};
  const uint32_t group[4] = {1, 0, 4, 3};
  const uint16_t mpath = 0;
  EXPECT_EQ(Send(3, Nlmsg(RTM_NEWNEXTHOP, NLM_F_MULTI, 1, 0,
                          Raw(nh) + Nla(1, Raw(id)) + Nla(5, Raw(oif)) +
                              Nla(6, Raw(gw)) + Nla(4, "") +
                              Nla(2, Raw(group)) + Nla(3, Raw(mpath)))),
            "3, [{nlmsg_len=80, nlmsg_type=RTM_NEWNEXTHOP, "
            "nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=0}, "
            "{nh_family=AF_INET, nh_scope=RT_SCOPE_HOST, "
            "nh_protocol=RTPROT_STATIC, nh_flags=RTNH_F_LINKDOWN}, "
            "[[{nla_len=8, nla_type=NHA_ID}, 4], [{nla_len=8, "
            "nla_type=NHA_OIF}, 2130706432], [{nla_len=8, "
            "nla_type=NHA_GATEWAY}, inet_addr(\"127.0.0.2\")], {nla_len=4, "
            "nla_type=NHA_BLACKHOLE}, [{nla_len=20, nla_type=NHA_GROUP}, "
            "[{id=1, weight=0}, {id=4, weight=3}]], [{nla_len=6, "
            "nla_type=NHA_GROUP_TYPE}, NEXTHOP_GRP_TYPE_MPATH]]], 80, 0, "
            "NULL, 0");
  const uint32_t st[3] = {0, 0x7f000000, 0x1f};
  EXPECT_EQ(Send(3, Nlmsg(RTM_GETSTATS, NLM_F_REQUEST, 1, 0, Raw(st))),
            "3, [{nlmsg_len=28, nlmsg_type=RTM_GETSTATS, "
            "nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=1, nlmsg_pid=0}, "
            "{family=AF_UNSPEC, ifindex=2130706432, "
            "filter_mask=1<<IFLA_STATS_UNSPEC|1<<IFLA_STATS_LINK_64|"
            "1<<IFLA_STATS_LINK_XSTATS|1<<IFLA_STATS_LINK_XSTATS_SLAVE|"
            "1<<IFLA_STATS_LINK_OFFLOAD_XSTATS}], 28, 0, NULL, 0");
  const uint32_t st2[3] = {0, 0x7f000000, 0x10};
  const std::string stats = Nlmsg(
      RTM_NEWSTATS, 0, 1, 0, Raw(st2) + Nla(4, Nla(0x8002, "ab")) + Nla(5, ""));
  EXPECT_EQ(
      Send(3, stats),
      "3, [{nlmsg_len=44, nlmsg_type=RTM_NEWSTATS, nlmsg_flags=0, "
      "nlmsg_seq=1, nlmsg_pid=0}, {family=AF_UNSPEC, "
      "ifindex=2130706432, filter_mask=1<<IFLA_STATS_LINK_OFFLOAD_XSTATS}, "
      "[[{nla_len=12, nla_type=IFLA_STATS_LINK_OFFLOAD_XSTATS}, "
      "[{nla_len=6, nla_type=NLA_F_NESTED|0x2 /* "
      "IFLA_OFFLOAD_XSTATS_??? */}, \"\\x61\\x62\"]], {nla_len=4, "
      "nla_type=IFLA_STATS_AF_SPEC}]], 44, 0, NULL, 0");
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_NE(Send(3, stats).find("[{nla_len=6, nla_type=0x8000|0x2}, "),
            std::string::npos);
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_NE(Send(3, stats).find("[{nla_len=6, nla_type=0x8000 /* "
                                "NLA_F_NESTED */|0x2 /* "
                                "IFLA_OFFLOAD_XSTATS_??? */}, "),
            std::string::npos);
}

// tc qdisc's request and an answer (tcmsg, kind, stats).
TEST_F(NetlinkTest, TrafficControl) {
  mem.SetNetlinkProtocol(3, NETLINK_ROUTE);
  EXPECT_EQ(Send(3, Nlmsg(RTM_GETQDISC, NLM_F_REQUEST | NLM_F_DUMP, 1, 0,
                          std::string(20, '\0'))),
            "3, [{nlmsg_len=36, nlmsg_type=RTM_GETQDISC, "
            "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, "
            "nlmsg_pid=0}, {tcm_family=AF_UNSPEC, tcm_ifindex=0, "
            "tcm_handle=0, tcm_parent=0, tcm_info=0}], 36, 0, NULL, 0");
  const uint32_t tcm[5] = {0, 0x7f000000, 0, 0xffffffff, 2};
  const uint64_t basic[2] = {78766, 913};
  const uint32_t queue[5] = {0, 0, 1, 2, 3};
  const uint8_t off = 0;
  EXPECT_EQ(Send(3, Nlmsg(RTM_NEWQDISC, NLM_F_MULTI, 1, 0,
                          Raw(tcm) + Nla(1, std::string("noqueue", 8)) +
                              Nla(12, Raw(off)) +
                              Nla(7, Nla(1, Raw(basic)) + Nla(3, Raw(queue))))),
            "3, [{nlmsg_len=104, nlmsg_type=RTM_NEWQDISC, "
            "nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=0}, "
            "{tcm_family=AF_UNSPEC, tcm_ifindex=2130706432, tcm_handle=0, "
            "tcm_parent=4294967295, tcm_info=2}, [[{nla_len=12, "
            "nla_type=TCA_KIND}, \"noqueue\"], [{nla_len=5, "
            "nla_type=TCA_HW_OFFLOAD}, 0], [{nla_len=48, nla_type=TCA_STATS2}, "
            "[[{nla_len=20, nla_type=TCA_STATS_BASIC}, {bytes=78766, "
            "packets=913}], [{nla_len=24, nla_type=TCA_STATS_QUEUE}, {qlen=0, "
            "backlog=0, drops=1, requeues=2, overlimits=3}]]]]], 104, 0, NULL, "
            "0");
}

TEST_F(NetlinkTest, UnixDiag) {
  mem.SetNetlinkProtocol(3, NETLINK_SOCK_DIAG);
  const uint32_t req[6] = {AF_UNIX, 0xffffffff, 77, 0xffffffff, 5, 6};
  EXPECT_EQ(
      Send(3, Nlmsg(SOCK_DIAG_BY_FAMILY, 0x301, 1, 0, Raw(req))),
      "3, [{nlmsg_len=40, nlmsg_type=SOCK_DIAG_BY_FAMILY, "
      "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, nlmsg_pid=0}, "
      "{sdiag_family=AF_UNIX, sdiag_protocol=0, udiag_states=1<<TCP_"
      "ESTABLISHED|1<<TCP_SYN_SENT|1<<TCP_SYN_RECV|1<<TCP_FIN_WAIT1|1<<TCP_"
      "FIN_WAIT2|1<<TCP_TIME_WAIT|1<<TCP_CLOSE|1<<TCP_CLOSE_WAIT|1<<TCP_LAST_"
      "ACK|1<<TCP_LISTEN|1<<TCP_CLOSING|1<<TCP_NEW_SYN_RECV|0xffffe001, "
      "udiag_ino=77, udiag_show=UDIAG_SHOW_NAME|UDIAG_SHOW_VFS|UDIAG_SHOW_"
      "PEER|UDIAG_SHOW_ICONS|UDIAG_SHOW_RQLEN|UDIAG_SHOW_MEMINFO|UDIAG_SHOW_"
      "UID|0xffffff80, udiag_cookie=[5, 6]}], 40, 0, NULL, 0");
  const uint8_t msg[16] = {AF_UNIX, 2, 7, 0, 0xd2, 0x04, 0, 0, 7, 0, 0, 0, 8};
  const uint32_t vfs[2] = {0x73626100, 0x63617274};
  const uint8_t down = 3;
  EXPECT_EQ(
      Send(3, Nlmsg(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, 1, 0,
                    Raw(msg) + Nla(0, std::string("/tmp/s", 7)) +
                        Nla(0, std::string("\0abs", 4)) + Nla(1, Raw(vfs)) +
                        Nla(6, Raw(down)))),
      "3, [{nlmsg_len=72, nlmsg_type=SOCK_DIAG_BY_FAMILY, "
      "nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=0}, "
      "{udiag_family=AF_UNIX, udiag_type=SOCK_DGRAM, udiag_state=TCP_CLOSE, "
      "udiag_ino=1234, udiag_cookie=[7, 8]}, [[{nla_len=11, "
      "nla_type=UNIX_DIAG_NAME}, \"/tmp/s\"], [{nla_len=8, "
      "nla_type=UNIX_DIAG_NAME}, \"\\0abs\"...], [{nla_len=12, "
      "nla_type=UNIX_DIAG_VFS}, {udiag_vfs_dev=makedev(0x172, 0x63674), "
      "udiag_vfs_ino=1935827200}], [{nla_len=5, "
      "nla_type=UNIX_DIAG_SHUTDOWN}, 3]]], 72, 0, NULL, 0");
}

// ss -a: netlink sockets (with groups), packet sockets, the old
// inet_diag_req of DCCPDIAG_GETSOCK.
TEST_F(NetlinkTest, NetlinkPacketAndOldInetDiag) {
  mem.SetNetlinkProtocol(3, NETLINK_SOCK_DIAG);
  const uint32_t nreq[5] = {AF_NETLINK | 0xff00, 0, 3, 0, 0};
  EXPECT_EQ(Send(3, Nlmsg(SOCK_DIAG_BY_FAMILY, 0x301, 1, 0, Raw(nreq))),
            "3, [{nlmsg_len=36, nlmsg_type=SOCK_DIAG_BY_FAMILY, "
            "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, "
            "nlmsg_pid=0}, {sdiag_family=AF_NETLINK, "
            "sdiag_protocol=NDIAG_PROTO_ALL, ndiag_ino=0, "
            "ndiag_show=NDIAG_SHOW_MEMINFO|NDIAG_SHOW_GROUPS, "
            "ndiag_cookie=[0, 0]}], 36, 0, NULL, 0");
  const uint32_t nmsg[7] = {
      AF_NETLINK | (3 << 8) | (7 << 24), 31122, 0, 0, 16224443, 6532, 0};
  const uint64_t groups = 0x41;
  EXPECT_EQ(Send(3, Nlmsg(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, 1, 0,
                          Raw(nmsg) + Nla(1, Raw(groups)))),
            "3, [{nlmsg_len=56, nlmsg_type=SOCK_DIAG_BY_FAMILY, "
            "nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=0}, "
            "{ndiag_family=AF_NETLINK, ndiag_type=SOCK_RAW, "
            "ndiag_protocol=NETLINK_ROUTE, ndiag_state=TCP_CLOSE, "
            "ndiag_portid=31122, ndiag_dst_portid=0, ndiag_dst_group=0, "
            "ndiag_ino=16224443, ndiag_cookie=[6532, 0]}, [{nla_len=12, "
            "nla_type=NETLINK_DIAG_GROUPS}, [0x00000000000041]]], 56, 0, "
            "NULL, 0");
  const uint32_t preq[5] = {AF_PACKET, 0, 0x3d, 0, 0};
  EXPECT_EQ(Send(3, Nlmsg(SOCK_DIAG_BY_FAMILY, 0x301, 1, 0, Raw(preq))),
            "3, [{nlmsg_len=36, nlmsg_type=SOCK_DIAG_BY_FAMILY, "
            "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, "
            "nlmsg_pid=0}, {sdiag_family=AF_PACKET, sdiag_protocol=0, "
            "pdiag_ino=0, pdiag_show=PACKET_SHOW_INFO|PACKET_SHOW_RING_CFG|"
            "PACKET_SHOW_FANOUT|PACKET_SHOW_MEMINFO|PACKET_SHOW_FILTER, "
            "pdiag_cookie=[0, 0]}], 36, 0, NULL, 0");
  uint8_t old[60] = {AF_INET};
  old[52] = 0xff;
  old[53] = 0x0f;
  EXPECT_EQ(Send(3, Nlmsg(DCCPDIAG_GETSOCK, 0x301, 1, 0, Raw(old))),
            "3, [{nlmsg_len=76, nlmsg_type=DCCPDIAG_GETSOCK, "
            "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, "
            "nlmsg_pid=0}, {idiag_family=AF_INET, idiag_src_len=0, "
            "idiag_dst_len=0, idiag_ext=0, id={idiag_sport=htons(0), "
            "idiag_dport=htons(0), idiag_src=inet_addr(\"0.0.0.0\"), "
            "idiag_dst=inet_addr(\"0.0.0.0\"), idiag_if=0, "
            "idiag_cookie=[0, 0]}, idiag_states=1<<TCP_ESTABLISHED|1<<TCP_"
            "SYN_SENT|1<<TCP_SYN_RECV|1<<TCP_FIN_WAIT1|1<<TCP_FIN_WAIT2|1<<"
            "TCP_TIME_WAIT|1<<TCP_CLOSE|1<<TCP_CLOSE_WAIT|1<<TCP_LAST_ACK|1<<"
            "TCP_LISTEN|1<<TCP_CLOSING|0x1, idiag_dbs=0}], 76, 0, NULL, 0");
}

TEST_F(NetlinkTest, SockDiag) {
  mem.SetNetlinkProtocol(3, NETLINK_SOCK_DIAG);
  // ss -tan's request.
  uint8_t req[56] = {AF_INET, IPPROTO_TCP, 0, 0, 0xff, 0x0f, 0, 0};
  EXPECT_EQ(
      Send(3, Nlmsg(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, 123456, 0,
                    Raw(req))),
      "3, [{nlmsg_len=72, nlmsg_type=SOCK_DIAG_BY_FAMILY, "
      "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=123456, "
      "nlmsg_pid=0}, {sdiag_family=AF_INET, sdiag_protocol=IPPROTO_TCP, "
      "idiag_ext=0, idiag_states=1<<TCP_ESTABLISHED|1<<TCP_SYN_SENT|"
      "1<<TCP_SYN_RECV|1<<TCP_FIN_WAIT1|1<<TCP_FIN_WAIT2|1<<TCP_TIME_WAIT|"
      "1<<TCP_CLOSE|1<<TCP_CLOSE_WAIT|1<<TCP_LAST_ACK|1<<TCP_LISTEN|"
      "1<<TCP_CLOSING|0x1, id={idiag_sport=htons(0), idiag_dport=htons(0), "
      "idiag_src=inet_addr(\"0.0.0.0\"), idiag_dst=inet_addr(\"0.0.0.0\"), "
      "idiag_if=0, idiag_cookie=[0, 0]}}], 72, 0, NULL, 0");
  // An answer about an IPv6 listener.
  uint8_t msg[72] = {AF_INET6, 10, 0, 0, 0xac, 0x9f};
  msg[4 + 4 + 15] = 1;  // idiag_src ::1
  msg[4 + 40] = 0x16;   // idiag_cookie[0] = 0x516
  msg[4 + 41] = 0x05;
  msg[61] = 0x10;  // idiag_wqueue = 4096
  msg[68] = 0xb8;  // idiag_inode = 15589816
  msg[69] = 0xe1;
  msg[70] = 0xed;
  const uint8_t zero8 = 0, one8 = 1;
  const uint32_t mark = 0;
  const uint64_t cgroup = 1;
  const uint16_t sockopt = 0x12;
  EXPECT_EQ(
      Send(3, Nlmsg(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, 123456, 30761,
                    Raw(msg) + Nla(8, Raw(zero8)) + Nla(11, Raw(one8)) +
                        Nla(15, Raw(mark)) + Nla(21, Raw(cgroup)) +
                        Nla(22, Raw(sockopt)))),
      "3, [{nlmsg_len=132, nlmsg_type=SOCK_DIAG_BY_FAMILY, "
      "nlmsg_flags=NLM_F_MULTI, nlmsg_seq=123456, nlmsg_pid=30761}, "
      "{idiag_family=AF_INET6, idiag_state=TCP_LISTEN, idiag_timer=0, "
      "idiag_retrans=0, id={idiag_sport=htons(44191), idiag_dport=htons(0), "
      "inet_pton(AF_INET6, \"::1\", &idiag_src), inet_pton(AF_INET6, \"::\", "
      "&idiag_dst), idiag_if=0, idiag_cookie=[1302, 0]}, idiag_expires=0, "
      "idiag_rqueue=0, idiag_wqueue=4096, idiag_uid=0, "
      "idiag_inode=15589816}, [[{nla_len=5, nla_type=INET_DIAG_SHUTDOWN}, "
      "0], [{nla_len=5, nla_type=INET_DIAG_SKV6ONLY}, 1], [{nla_len=8, "
      "nla_type=INET_DIAG_MARK}, 0], [{nla_len=12, "
      "nla_type=INET_DIAG_CGROUP_ID}, 1], [{nla_len=6, "
      "nla_type=INET_DIAG_SOCKOPT}, {is_icsk=1, mc_loop=1}]]], 132, 0, "
      "NULL, 0");
  // -v: every bit of struct inet_diag_sockopt.
  opts.verbose = true;
  EXPECT_NE(Send(3, Nlmsg(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, 1, 0,
                          Raw(msg) + Nla(22, Raw(sockopt))))
                .find("{recverr=0, is_icsk=1, freebind=0, hdrincl=0, "
                      "mc_loop=1, transparent=0, mc_all=0, nodefrag=0, "
                      "bind_address_no_port=0, recverr_rfc4884=0, "
                      "defer_connect=0, unused=0 /* bits 3..8 */}"),
            std::string::npos);
  opts.verbose = false;
  // `ss -i` on a BBR connection: INET_DIAG_BBRINFO's struct tcp_bbr_info,
  // the bandwidth's halves in hex; cut short, as bytes.
  const uint32_t bbr[5] = {0xfbc51c10, 0, 6, 739, 739};
  const std::string bbr_out = Send(
      3, Nlmsg(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, 1, 0,
               Raw(msg) + Nla(16, Raw(bbr)) + Nla(16, Raw(bbr).substr(0, 16))));
  EXPECT_NE(bbr_out.find("[[{nla_len=24, nla_type=INET_DIAG_BBRINFO}, "
                         "{bbr_bw_lo=0xfbc51c10, bbr_bw_hi=0, bbr_min_rtt=6, "
                         "bbr_pacing_gain=739, bbr_cwnd_gain=739}], "
                         "[{nla_len=20, nla_type=INET_DIAG_BBRINFO}, "
                         "\"\\x10\\x1c\\xc5\\xfb"),
            std::string::npos)
      << bbr_out;
  // Too short for the structure.
  EXPECT_EQ(
      Send(3, Nlmsg(SOCK_DIAG_BY_FAMILY, 0, 1, 0, Raw(msg).substr(0, 68))),
      "3, [{nlmsg_len=84, nlmsg_type=SOCK_DIAG_BY_FAMILY, "
      "nlmsg_flags=0, nlmsg_seq=1, nlmsg_pid=0}, "
      "{idiag_family=AF_INET6, ...}], 84, 0, NULL, 0");
}

// --------------------------------------------------------------------------
// decode_misc.cc.
// --------------------------------------------------------------------------
TEST_F(DecoderTest, Openat2) {
  mem.MapString(0x1000, "/etc/passwd");
  uint64_t how[3] = {O_RDONLY | O_CLOEXEC, 0, 0x04 | 0x08};
  mem.Map(0x2000, how, sizeof(how));
  opts.fd_paths = true;
  mem.SetFdPath(3, "/etc/passwd");
  Result r = Decode("openat2", {kAtFdcwd, 0x1000, 0x2000, 24}, 3);
  EXPECT_EQ(r.all(),
            "AT_FDCWD, \"/etc/passwd\", {flags=O_RDONLY|O_CLOEXEC, "
            "resolve=RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH}, 24");
  EXPECT_EQ(r.suffix, "</etc/passwd>");
  opts.fd_paths = false;
  // The mode with O_CREAT or when set; unknown bits.
  uint64_t creat[3] = {O_WRONLY | O_CREAT | 0x80000000000ull, 0644, 0x100};
  mem.Map(0x3000, creat, sizeof(creat));
  EXPECT_EQ(Text("openat2", {kAtFdcwd, 0x1000, 0x3000, 24}, -22),
            "AT_FDCWD, \"/etc/passwd\", {flags=O_WRONLY|O_CREAT|0x80000000000, "
            "mode=0644, resolve=0x100 /* RESOLVE_??? */}, 24");
  // Too small, NULL, unreadable.
  EXPECT_EQ(Text("openat2", {kAtFdcwd, 0x1000, 0x2000, 16}, -22),
            "AT_FDCWD, \"/etc/passwd\", 0x2000, 16");
  EXPECT_EQ(Text("openat2", {kAtFdcwd, 0x1000, 0, 24}, -14),
            "AT_FDCWD, \"/etc/passwd\", NULL, 24");
  EXPECT_EQ(Text("openat2", {99, 0x1000, 0x8, 24}, -14),
            "99, \"/etc/passwd\", 0x8, 24");
  // A bigger structure: its extra bytes when any is set.
  uint8_t big[32] = {};
  memcpy(big, how, sizeof(how));
  mem.Map(0x4000, big, sizeof(big));
  EXPECT_EQ(Text("openat2", {kAtFdcwd, 0x1000, 0x4000, 32}, 3),
            "AT_FDCWD, \"/etc/passwd\", {flags=O_RDONLY|O_CLOEXEC, "
            "resolve=RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH}, 32");
  big[26] = 1;
  mem.Map(0x5000, big, sizeof(big));
  EXPECT_EQ(Text("openat2", {kAtFdcwd, 0x1000, 0x5000, 32}, -7),
            "AT_FDCWD, \"/etc/passwd\", {flags=O_RDONLY|O_CLOEXEC, "
            "resolve=RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH, /* bytes 24..31 */ "
            "\"\\x00\\x00\\x01\\x00\\x00\\x00\\x00\\x00\"}, 32");
}

TEST_F(DecoderTest, UtimesFutimesatUtime) {
  mem.MapString(0x1000, "/tmp/m.c");
  int64_t tv[4] = {1, 2, 3, 4};
  mem.Map(0x2000, tv, sizeof(tv));
  EXPECT_EQ(Text("utimes", {0x1000, 0x2000}),
            "\"/tmp/m.c\", [{tv_sec=1, tv_usec=2} /* "
            "1970-01-01T00:00:01.000002+0000 */, {tv_sec=3, tv_usec=4} /* "
            "1970-01-01T00:00:03.000004+0000 */]");
  // No comment for the zero time or an out-of-range tv_usec.
  int64_t odd[4] = {0, 0, 3, 1000000};
  mem.Map(0x3000, odd, sizeof(odd));
  EXPECT_EQ(Text("utimes", {0x1000, 0x3000}, -22),
            "\"/tmp/m.c\", [{tv_sec=0, tv_usec=0}, {tv_sec=3, "
            "tv_usec=1000000}]");
  EXPECT_EQ(Text("utimes", {0x1000, 0}), "\"/tmp/m.c\", NULL");
  EXPECT_EQ(Text("utimes", {0x1000, 8}, -14), "\"/tmp/m.c\", 0x8");
  EXPECT_EQ(Text("futimesat", {kAtFdcwd, 0x1000, 0x3000}, -22),
            "AT_FDCWD, \"/tmp/m.c\", [{tv_sec=0, tv_usec=0}, {tv_sec=3, "
            "tv_usec=1000000}]");
  EXPECT_EQ(Text("futimesat", {99, 0, 0}, -9), "99, NULL, NULL");
  int64_t ub[2] = {5, -1};
  mem.Map(0x4000, ub, sizeof(ub));
  EXPECT_EQ(Text("utime", {0x1000, 0x4000}),
            "\"/tmp/m.c\", {actime=5 /* 1970-01-01T00:00:05+0000 */, "
            "modtime=-1 /* 1969-12-31T23:59:59+0000 */}");
  EXPECT_EQ(Text("utime", {0x1000, 0}), "\"/tmp/m.c\", NULL");
  EXPECT_EQ(Text("utime", {0x1000, 8}, -14), "\"/tmp/m.c\", 0x8");
}

TEST_F(DecoderTest, ProcessVmAndClockSettime) {
  mem.MapString(0x1000, "hello");
  uint64_t local[2] = {0x1000, 5};
  uint64_t remote[2] = {0x8000, 5};
  mem.Map(0x2000, local, sizeof(local));
  mem.Map(0x3000, remote, sizeof(remote));
  Result r = Decode("process_vm_readv", {77, 0x2000, 1, 0x3000, 1, 0}, 3);
  EXPECT_EQ(r.enter, "77, ");
  EXPECT_EQ(r.exit,
            "[{iov_base=\"hel\", iov_len=5}], 1, [{iov_base=0x8000, "
            "iov_len=5}], 1, 0");
  EXPECT_EQ(Text("process_vm_readv", {77, 0x2000, 1, 0x3000, 1, 0}, -14),
            "77, [{iov_base=0x1000, iov_len=5}], 1, [{iov_base=0x8000, "
            "iov_len=5}], 1, 0");
  EXPECT_EQ(Text("process_vm_writev", {77, 0x2000, 1, 0x3000, 1, 0}, -14),
            "77, [{iov_base=\"hello\", iov_len=5}], 1, [{iov_base=0x8000, "
            "iov_len=5}], 1, 0");
  EXPECT_EQ(Text("process_vm_readv", {99999999, 0, 0, 0, 0, 1}, -22),
            "99999999, NULL, 0, NULL, 0, 1");
  int64_t ts[2] = {1, 2};
  mem.Map(0x4000, ts, sizeof(ts));
  EXPECT_EQ(Text("clock_settime", {1, 0x4000}, -22),
            "CLOCK_MONOTONIC, {tv_sec=1, tv_nsec=2}");
  EXPECT_EQ(Text("clock_settime", {99, 0x4000}, -22),
            "0x63 /* CLOCK_??? */, {tv_sec=1, tv_nsec=2}");
  EXPECT_EQ(Text("clock_settime", {0, 0}, -14), "CLOCK_REALTIME, NULL");
}

TEST_F(DecoderTest, IoUring) {
  uint32_t p[30] = {};
  p[2] = 1u << 5;  // flags: IORING_SETUP_ATTACH_WQ
  p[3] = 3;        // sq_thread_cpu
  p[6] = 99;       // wq_fd
  p[8] = 5;        // resv[1]
  mem.Map(0x1000, p, sizeof(p));
  EXPECT_EQ(Text("io_uring_setup", {4, 0x1000}, -22),
            "4, {flags=IORING_SETUP_ATTACH_WQ, sq_thread_cpu=0x3, "
            "sq_thread_idle=0, wq_fd=99, resv=[0, 0x5, 0]}");
  uint32_t ok[30] = {};
  ok[0] = 4;                 // sq_entries
  ok[1] = 8;                 // cq_entries
  ok[5] = 0x1fff | 0x3e000;  // features
  const uint32_t sq[] = {0, 4, 16, 24, 36, 32, 192};
  for (int i = 0; i < 7; ++i) ok[10 + i] = sq[i];
  const uint32_t cq[] = {8, 12, 20, 28, 44, 64, 40};
  for (int i = 0; i < 7; ++i) ok[20 + i] = cq[i];
  mem.Map(0x2000, ok, sizeof(ok));
  Result r = Decode("io_uring_setup", {4, 0x2000}, 4);
  EXPECT_EQ(r.enter, "4, {flags=0, sq_thread_cpu=0, sq_thread_idle=0");
  EXPECT_EQ(r.exit,
            ", sq_entries=4, cq_entries=8, "
            "features=IORING_FEAT_SINGLE_MMAP|IORING_FEAT_NODROP|"
            "IORING_FEAT_SUBMIT_STABLE|IORING_FEAT_RW_CUR_POS|"
            "IORING_FEAT_CUR_PERSONALITY|IORING_FEAT_FAST_POLL|"
            "IORING_FEAT_POLL_32BITS|IORING_FEAT_SQPOLL_NONFIXED|"
            "IORING_FEAT_EXT_ARG|IORING_FEAT_NATIVE_WORKERS|"
            "IORING_FEAT_RSRC_TAGS|IORING_FEAT_CQE_SKIP|"
            "IORING_FEAT_LINKED_FILE|0x3e000, sq_off={head=0, tail=4, "
            "ring_mask=16, ring_entries=24, flags=36, dropped=32, "
            "array=192}, cq_off={head=8, tail=12, ring_mask=20, "
            "ring_entries=28, overflow=44, cqes=64, flags=40}}");
  EXPECT_EQ(Text("io_uring_setup", {4, 0}, -14), "4, NULL");
  EXPECT_EQ(Text("io_uring_setup", {0x80000000u, 8}, -14), "2147483648, 0x8");
  EXPECT_EQ(Text("io_uring_enter", {4, 0, 0, 1, 0, 8}),
            "4, 0, 0, IORING_ENTER_GETEVENTS, NULL, 8");
  EXPECT_EQ(Text("io_uring_enter", {kMinus1, 1, 2, 0xffffffffu, 0, 8}, -22),
            "-1, 1, 2, IORING_ENTER_GETEVENTS|IORING_ENTER_SQ_WAKEUP|"
            "IORING_ENTER_SQ_WAIT|IORING_ENTER_EXT_ARG|"
            "IORING_ENTER_REGISTERED_RING|0xffffffe0, NULL, 8");
  EXPECT_EQ(Text("io_uring_register", {4, 1, 0, 0}, -6),
            "4, IORING_UNREGISTER_BUFFERS, NULL, 0");
  EXPECT_EQ(Text("io_uring_register", {4, 23, 0, 0}, -22),
            "4, IORING_UNREGISTER_PBUF_RING, NULL, 0");
  EXPECT_EQ(Text("io_uring_register", {kMinus1, 0x80000003u, 8, 5}, -22),
            "-1, 0x80000003 /* IORING_REGISTER_??? */, 0x8, 5");
  // Arrays of fds, iovecs, struct io_uring_files_update.
  int32_t fds[2] = {0, 1};
  mem.Map(0x3000, fds, sizeof(fds));
  EXPECT_EQ(Text("io_uring_register", {4, 2, 0x3000, 2}),
            "4, IORING_REGISTER_FILES, [0, 1], 2");
  EXPECT_EQ(Text("io_uring_register", {4, 4, 0x3004, 1}),
            "4, IORING_REGISTER_EVENTFD, [1], 1");
  EXPECT_EQ(Text("io_uring_register", {4, 2, 8, 2}, -14),
            "4, IORING_REGISTER_FILES, 0x8, 2");
  uint64_t upd[2] = {1, 0x3000};
  mem.Map(0x4000, upd, sizeof(upd));
  EXPECT_EQ(Text("io_uring_register", {4, 6, 0x4000, 1}, 1),
            "4, IORING_REGISTER_FILES_UPDATE, {offset=1, fds=[0]}, 1");
  uint64_t iov[2] = {0x9000, 16};
  mem.Map(0x5000, iov, sizeof(iov));
  EXPECT_EQ(Text("io_uring_register", {4, 0, 0x5000, 1}),
            "4, IORING_REGISTER_BUFFERS, [{iov_base=0x9000, iov_len=16}], 1");
  // The probe at exit (even of a failed call); min(ops_len, nr) ops.
  uint8_t probe[16 + 3 * 8] = {62, 2, 1, 0};
  probe[16] = 0;   // IORING_OP_NOP
  probe[18] = 1;   // IO_URING_OP_SUPPORTED
  probe[24] = 47;  // unknown
  probe[25] = 2;   // resv
  probe[26] = 6;   // flags
  mem.Map(0x6000, probe, sizeof(probe));
  r = Decode("io_uring_register", {4, 8, 0x6000, 3}, -22);
  EXPECT_EQ(r.enter, "4, IORING_REGISTER_PROBE, ");
  EXPECT_EQ(r.exit,
            "{last_op=62 /* IORING_OP_??? */, ops_len=2, resv=0x1, "
            "ops=[{op=IORING_OP_NOP, flags=IO_URING_OP_SUPPORTED}, "
            "{op=47 /* IORING_OP_??? */, resv=0x2, flags=0x6 /* "
            "IO_URING_OP_??? */}]}, 3");
  // -X: the ops and io-wq categories are numbers in decimal.
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Decode("io_uring_register", {4, 8, 0x6000, 3}, -22).exit,
            "{last_op=62, ops_len=2, resv=0x1, ops=[{op=0, flags=0x1}, "
            "{op=47, resv=0x2, flags=0x6}]}, 3");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Decode("io_uring_register", {4, 8, 0x6000, 1}, 0).exit,
            "{last_op=62 /* IORING_OP_??? */, ops_len=2, resv=0x1, "
            "ops=[{op=0 /* IORING_OP_NOP */, flags=0x1 /* "
            "IO_URING_OP_SUPPORTED */}]}, 1");
  opts.xlat_style = XlatStyle::kAbbrev;
  // The io-wq limits in, then out.
  uint32_t workers[3] = {1, 2, 3};
  mem.Map(0x7000, workers, sizeof(workers));
  EXPECT_EQ(Text("io_uring_register", {4, 19, 0x7000, 2}),
            "4, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=1, "
            "[IO_WQ_UNBOUND]=2] => [[IO_WQ_BOUND]=1, [IO_WQ_UNBOUND]=2], 2");
  EXPECT_EQ(Text("io_uring_register", {4, 19, 0x7000, 3}, -22),
            "4, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=1, "
            "[IO_WQ_UNBOUND]=2, [2 /* IO_WQ_??? */]=3] => 0x7000, 3");
  EXPECT_EQ(Text("io_uring_register", {4, 19, 8, 2}, -14),
            "4, IORING_REGISTER_IOWQ_MAX_WORKERS, 0x8, 2");
}

TEST_F(DecoderTest, IoUringRegisterStructs) {
  // IORING_REGISTER_RESTRICTIONS: struct io_uring_restriction[n].
  uint8_t rules[4][16] = {};
  rules[0][0] = 1;  // IORING_RESTRICTION_SQE_OP
  rules[0][2] = 1;  // IORING_OP_READV
  rules[1][0] = 0;  // IORING_RESTRICTION_REGISTER_OP
  rules[1][2] = 200;
  rules[1][3] = 1;  // resv
  rules[2][0] = 3;  // IORING_RESTRICTION_SQE_FLAGS_REQUIRED
  rules[2][2] = 0xff;
  rules[3][0] = 7;  // unknown
  rules[3][2] = 9;
  rules[3][8] = 7;  // resv2[1]
  mem.Map(0x1000, rules, sizeof(rules));
  EXPECT_EQ(Text("io_uring_register", {3, 11, 0x1000, 4}, -22),
            "3, IORING_REGISTER_RESTRICTIONS, "
            "[{opcode=IORING_RESTRICTION_SQE_OP, sqe_op=IORING_OP_READV}, "
            "{opcode=IORING_RESTRICTION_REGISTER_OP, register_op=0xc8 /* "
            "IORING_REGISTER_??? */, resv=0x1}, "
            "{opcode=IORING_RESTRICTION_SQE_FLAGS_REQUIRED, "
            "sqe_flags=IOSQE_FIXED_FILE|IOSQE_IO_DRAIN|IOSQE_IO_LINK|"
            "IOSQE_IO_HARDLINK|IOSQE_ASYNC|IOSQE_BUFFER_SELECT|"
            "IOSQE_CQE_SKIP_SUCCESS|0x80}, {opcode=0x7 /* "
            "IORING_RESTRICTION_??? */ /* op: 0x9 */, resv2=[0, 0x7, 0]}], 4");
  // An unreadable tail, nothing readable, none, NULL; -s 2 abbreviates.
  EXPECT_EQ(Text("io_uring_register", {3, 11, 0x1030, 2}, -22),
            "3, IORING_REGISTER_RESTRICTIONS, [{opcode=0x7 /* "
            "IORING_RESTRICTION_??? */ /* op: 0x9 */, resv2=[0, 0x7, 0]}, "
            "... /* 0x1040 */], 2");
  EXPECT_EQ(Text("io_uring_register", {3, 11, 0x1038, 1}, -22),
            "3, IORING_REGISTER_RESTRICTIONS, 0x1038, 1");
  EXPECT_EQ(Text("io_uring_register", {3, 11, 0x1000, 0}),
            "3, IORING_REGISTER_RESTRICTIONS, [], 0");
  EXPECT_EQ(Text("io_uring_register", {3, 11, 0, 2}, -14),
            "3, IORING_REGISTER_RESTRICTIONS, NULL, 2");
  opts.string_limit = 2;
  EXPECT_EQ(Text("io_uring_register", {3, 11, 0x1000, 3}, -22),
            "3, IORING_REGISTER_RESTRICTIONS, "
            "[{opcode=IORING_RESTRICTION_SQE_OP, sqe_op=IORING_OP_READV}, "
            "{opcode=IORING_RESTRICTION_REGISTER_OP, register_op=0xc8 /* "
            "IORING_REGISTER_??? */, resv=0x1}, ...], 3");
  opts.string_limit = 32;
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Text("io_uring_register", {3, 11, 0x1020, 2}, -22),
            "3, 0xb, [{opcode=0x3, sqe_flags=0xff}, {opcode=0x7 /* op: 0x9 "
            "*/, resv2=[0, 0x7, 0]}], 2");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("io_uring_register", {3, 11, 0x1000, 1}, -22),
            "3, 0xb /* IORING_REGISTER_RESTRICTIONS */, [{opcode=0x1 /* "
            "IORING_RESTRICTION_SQE_OP */, sqe_op=0x1 /* IORING_OP_READV */}], "
            "1");
  opts.xlat_style = XlatStyle::kAbbrev;

  // IORING_REGISTER_IOWQ_AFF: the CPUs of its first 128 bytes.
  uint8_t cpus[136] = {};
  cpus[0] = 0x09;    // CPUs 0 and 3
  cpus[8] = 0x40;    // 70
  cpus[127] = 0x80;  // 1023
  cpus[128] = 1;     // 1024: past what is shown
  mem.Map(0x2000, cpus, sizeof(cpus));
  EXPECT_EQ(Text("io_uring_register", {3, 17, 0x2000, 8}),
            "3, IORING_REGISTER_IOWQ_AFF, [0 3], 8");
  EXPECT_EQ(Text("io_uring_register", {3, 17, 0x2000, 9}),
            "3, IORING_REGISTER_IOWQ_AFF, [0 3 70], 9");
  EXPECT_EQ(Text("io_uring_register", {3, 17, 0x2000, 1}),
            "3, IORING_REGISTER_IOWQ_AFF, [0 3], 1");
  EXPECT_EQ(Text("io_uring_register", {3, 17, 0x2000, 129}),
            "3, IORING_REGISTER_IOWQ_AFF, [0 3 70 1023 ...], 129");
  EXPECT_EQ(Text("io_uring_register", {3, 17, 0x2008, 0xffffffffu}),
            "3, IORING_REGISTER_IOWQ_AFF, [6 959 960 ...], 4294967295");
  const uint8_t no_cpus[128] = {};
  mem.Map(0x2800, no_cpus, sizeof(no_cpus));
  EXPECT_EQ(Text("io_uring_register", {3, 17, 0x2800, 200}),
            "3, IORING_REGISTER_IOWQ_AFF, [...], 200");
  // All of it (up to 128 bytes) must be readable.
  EXPECT_EQ(Text("io_uring_register", {3, 17, 0x2010, 0xffffffffu}, -14),
            "3, IORING_REGISTER_IOWQ_AFF, 0x2010, 4294967295");
  EXPECT_EQ(Text("io_uring_register", {3, 17, 0x2000, 0}, -22),
            "3, IORING_REGISTER_IOWQ_AFF, [], 0");
  EXPECT_EQ(Text("io_uring_register", {3, 17, 0x2080, 9}, -14),
            "3, IORING_REGISTER_IOWQ_AFF, 0x2080, 9");
  EXPECT_EQ(Text("io_uring_register", {3, 17, 0, 8}, -22),
            "3, IORING_REGISTER_IOWQ_AFF, NULL, 8");

  // FILES2 / BUFFERS2: struct io_uring_rsrc_register; data in fds (-y
  // paths) or iovecs, tags in hex.
  int32_t fds[2] = {1, -1};
  mem.Map(0x3000, fds, sizeof(fds));
  uint64_t tags[2] = {5, 0xffffffffffffffffull};
  mem.Map(0x3100, tags, sizeof(tags));
  uint64_t iov[2] = {0x9000, 16};
  mem.Map(0x3200, iov, sizeof(iov));
  uint8_t reg[4096] = {};
  const uint64_t reg_words[4] = {2 | 1ull << 32, 0, 0x3000, 0x3100};
  memcpy(reg, reg_words, sizeof(reg_words));
  mem.Map(0x4000, reg, sizeof(reg));
  mem.SetFdPath(1, "/dev/null");
  opts.fd_paths = true;
  EXPECT_EQ(Text("io_uring_register", {3, 13, 0x4000, 32}),
            "3, IORING_REGISTER_FILES2, {nr=2, "
            "flags=IORING_RSRC_REGISTER_SPARSE, data=[1</dev/null>, -1], "
            "tags=[0x5, 0xffffffffffffffff]}, 32");
  opts.fd_paths = false;
  // Zero bytes past the structure are not shown; others are, up to a
  // page in all.
  EXPECT_EQ(Text("io_uring_register", {3, 13, 0x4000, 40}, -22),
            "3, IORING_REGISTER_FILES2, {nr=2, "
            "flags=IORING_RSRC_REGISTER_SPARSE, data=[1, -1], tags=[0x5, "
            "0xffffffffffffffff]}, 40");
  reg[4095] = 3;
  const uint64_t reg2[4] = {2 | 6ull << 32, 9, 0x3200, 0};
  memcpy(reg, reg2, sizeof(reg2));
  reg[33] = 0xab;
  mem.Map(0x4000, reg, sizeof(reg));
  opts.string_limit = 4;
  EXPECT_EQ(Text("io_uring_register", {3, 15, 0x4000, 5000}, -22),
            "3, IORING_REGISTER_BUFFERS2, {nr=2, flags=0x6 /* "
            "IORING_RSRC_REGISTER_??? */, resv2=0x9, data=[{iov_base=0x9000, "
            "iov_len=16}, ... /* 0x3210 */], tags=NULL, /* bytes 32..4095 */ "
            "\"\\x00\\xab\\x00\\x00\"...}, 5000");
  opts.string_limit = 32;
  EXPECT_EQ(Text("io_uring_register", {3, 13, 0x4fe0, 33}, -22),
            "3, IORING_REGISTER_FILES2, {nr=0, flags=0, data=NULL, "
            "tags=[], ???}, 33");
  EXPECT_EQ(Text("io_uring_register", {3, 13, 0x4000, 31}, -22),
            "3, IORING_REGISTER_FILES2, 0x4000, 31");
  EXPECT_EQ(Text("io_uring_register", {3, 13, 0x4ff0, 32}, -14),
            "3, IORING_REGISTER_FILES2, 0x4ff0, 32");
  opts.verbose_set = SyscallFilter::None();
  EXPECT_EQ(Text("io_uring_register", {3, 13, 0x4000, 32}, -22),
            "3, IORING_REGISTER_FILES2, 0x4000, 32");
  EXPECT_EQ(Text("io_uring_register", {3, 17, 0x2000, 0}, -22),
            "3, IORING_REGISTER_IOWQ_AFF, 0x2000, 0");
  opts.verbose_set = SyscallFilter::All();

  // FILES_UPDATE2 / BUFFERS_UPDATE: struct io_uring_rsrc_update2.
  const uint64_t upd[4] = {0xffffffffull | 3ull << 32, 0x3000, 0x3100,
                           2 | 4ull << 32};
  mem.Map(0x5000, upd, sizeof(upd));
  EXPECT_EQ(Text("io_uring_register", {3, 14, 0x5000, 32}, -22),
            "3, IORING_REGISTER_FILES_UPDATE2, {offset=4294967295, "
            "resv=0x3, data=[1, -1], tags=[0x5, 0xffffffffffffffff], nr=2, "
            "resv2=0x4}, 32");
  const uint64_t upd2[4] = {1, 0x3200, 0, 1};
  mem.Map(0x5100, upd2, sizeof(upd2));
  EXPECT_EQ(Text("io_uring_register", {3, 16, 0x5100, 32}, 1),
            "3, IORING_REGISTER_BUFFERS_UPDATE, {offset=1, "
            "data=[{iov_base=0x9000, iov_len=16}], tags=NULL, nr=1}, 32");

  // (UN)REGISTER_RING_FDS: struct io_uring_rsrc_update[n]; offset -1 only
  // for "any slot" and the fd when registering, the index and a set data
  // in hex when unregistering.
  const uint64_t ring_fds[6] = {0xffffffffull,  3, 0x80000000ull | 2ull << 32,
                                0x100000001ull, 7, 0};
  mem.Map(0x6000, ring_fds, sizeof(ring_fds));
  mem.SetFdPath(3, "anon_inode:[io_uring]");
  opts.fd_paths = true;
  EXPECT_EQ(Text("io_uring_register", {3, 20, 0x6000, 3}, -22),
            "3<anon_inode:[io_uring]>, IORING_REGISTER_RING_FDS, "
            "[{offset=-1, data=3<anon_inode:[io_uring]>}, "
            "{offset=2147483648, resv=0x2, data=1</dev/null>}, {offset=7, "
            "data=0}], 3");
  EXPECT_EQ(Text("io_uring_register", {3, 21, 0x6000, 4}, -22),
            "3<anon_inode:[io_uring]>, IORING_UNREGISTER_RING_FDS, "
            "[{offset=4294967295, data=0x3}, {offset=2147483648, resv=0x2, "
            "data=0x100000001}, {offset=7}, ... /* 0x6030 */], 4");
  opts.fd_paths = false;

  // (UN)REGISTER_PBUF_RING: struct io_uring_buf_reg.
  const uint64_t buf_reg[5] = {0x7000, 8 | 3ull << 32, 0, 0, 0};
  mem.Map(0x8000, buf_reg, sizeof(buf_reg));
  EXPECT_EQ(Text("io_uring_register", {3, 22, 0x8000, 1}),
            "3, IORING_REGISTER_PBUF_RING, {ring_addr=0x7000, "
            "ring_entries=8, bgid=3}, 1");
  const uint64_t buf_reg2[5] = {0, 0xffffffffull | 0xffffull << 32 | 5ull << 48,
                                0, 6, 0};
  mem.Map(0x8100, buf_reg2, sizeof(buf_reg2));
  EXPECT_EQ(Text("io_uring_register", {3, 23, 0x8100, 0}, -22),
            "3, IORING_UNREGISTER_PBUF_RING, {ring_addr=NULL, "
            "ring_entries=4294967295, bgid=65535, pad=0x5, resv=[0, 0x6, "
            "0]}, 0");
  EXPECT_EQ(Text("io_uring_register", {3, 22, 0x8108, 1}, -14),
            "3, IORING_REGISTER_PBUF_RING, 0x8108, 1");
  // Ops strace does not decode: the address.
  EXPECT_EQ(Text("io_uring_register", {3, 9, 0x8000, 3}, -22),
            "3, IORING_REGISTER_PERSONALITY, 0x8000, 3");
  EXPECT_EQ(Text("io_uring_register", {3, 24, 0, 0}, -22),
            "3, 0x18 /* IORING_REGISTER_??? */, NULL, 0");
}

TEST_F(DecoderTest, PkeysAndFanotify) {
  EXPECT_EQ(Text("pkey_alloc", {0, 0}, -22), "0, 0");
  EXPECT_EQ(Text("pkey_alloc", {1, 3}, -22),
            "0x1, PKEY_DISABLE_ACCESS|PKEY_DISABLE_WRITE");
  EXPECT_EQ(Text("pkey_alloc", {0, 0xff}, -22),
            "0, PKEY_DISABLE_ACCESS|PKEY_DISABLE_WRITE|PKEY_DISABLE_EXECUTE|"
            "0xf8");
  EXPECT_EQ(Text("pkey_free", {kMinus1}, -22), "-1");
  EXPECT_EQ(Text("pkey_mprotect", {0x7000, 4096, 3, kMinus1}),
            "0x7000, 4096, PROT_READ|PROT_WRITE, -1");
  EXPECT_EQ(Text("pkey_mprotect", {0, 4096, 0, 5}, -22),
            "NULL, 4096, PROT_NONE, 5");
  EXPECT_EQ(Text("pkey_mprotect", {0, 4096, 0x100, 5}, -22),
            "NULL, 4096, 0x100 /* PROT_??? */, 5");
  opts.fd_paths = true;
  mem.SetFdPath(5, "anon_inode:[fanotify]");
  Result r = Decode("fanotify_init", {0, O_RDONLY}, 5);
  EXPECT_EQ(r.all(), "FAN_CLASS_NOTIF, O_RDONLY");
  EXPECT_EQ(r.suffix, "<anon_inode:[fanotify]>");
  opts.fd_paths = false;
  EXPECT_EQ(Text("fanotify_init", {0xffffffffu, O_RDWR | O_CLOEXEC}, -22),
            "0xc /* FAN_CLASS_??? */|FAN_CLOEXEC|FAN_NONBLOCK|"
            "FAN_UNLIMITED_QUEUE|FAN_UNLIMITED_MARKS|FAN_ENABLE_AUDIT|"
            "FAN_REPORT_PIDFD|FAN_REPORT_TID|FAN_REPORT_FID|"
            "FAN_REPORT_DIR_FID|FAN_REPORT_NAME|FAN_REPORT_TARGET_FID|"
            "0xffffe000, O_RDWR|O_CLOEXEC");
  // -X: the flags besides the class are a flag set of their own.
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Text("fanotify_init", {1, 0}, 3), "0|0x1, 0");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("fanotify_init", {0x40000001, 0}, -22),
            "0 /* FAN_CLASS_NOTIF */|0x40000001 /* FAN_CLOEXEC|0x40000000 */, "
            "0 /* O_RDONLY */");
  opts.xlat_style = XlatStyle::kAbbrev;
  EXPECT_EQ(Text("fanotify_init", {0x40000000, 0}, -22),
            "FAN_CLASS_NOTIF|0x40000000 /* FAN_??? */, O_RDONLY");
  EXPECT_EQ(Text("fanotify_init", {4 | 1 | 0x200, 0x12345678}, -22),
            "FAN_CLASS_CONTENT|FAN_CLOEXEC|FAN_REPORT_FID, "
            "O_RDONLY|O_CREAT|O_TRUNC|O_APPEND|O_SYNC|O_DIRECT|O_NOATIME|"
            "O_PATH|0x12000038");
  mem.MapString(0x1000, "/tmp");
  EXPECT_EQ(Text("fanotify_mark", {5, 1, 0x28, kAtFdcwd, 0x1000}),
            "5, FAN_MARK_ADD, FAN_CLOSE_WRITE|FAN_OPEN, AT_FDCWD, \"/tmp\"");
  EXPECT_EQ(Text("fanotify_mark", {kMinus1, 0x82, 0, kMinus1, 0}, -9),
            "-1, FAN_MARK_REMOVE|FAN_MARK_FLUSH, 0, FAN_NOFD, NULL");
  EXPECT_EQ(Text("fanotify_mark", {kMinus1, 0x110, 0x58000000, 0, 8}, -22),
            "-1, FAN_MARK_MOUNT|FAN_MARK_FILESYSTEM, "
            "FAN_ONDIR|FAN_EVENT_ON_CHILD|FAN_RENAME, 0, 0x8");
  EXPECT_EQ(Text("fanotify_mark", {kMinus1, 0xfffff800u, 0x2000, 3, 8}, -22),
            "-1, 0xfffff800 /* FAN_MARK_??? */, 0x2000 /* FAN_??? */, 3, 0x8");
}

TEST_F(DecoderTest, RobustListFutexWaitvHandles) {
  uint64_t head = 0x7f0000001a20, len = 24;
  mem.Map(0x1000, &head, sizeof(head));
  mem.Map(0x1100, &len, sizeof(len));
  Result r = Decode("get_robust_list", {0, 0x1000, 0x1100}, 0);
  EXPECT_EQ(r.enter, "0, ");
  EXPECT_EQ(r.exit, "[0x7f0000001a20], [24]");
  EXPECT_EQ(Text("get_robust_list", {0, 8, 16}, -14), "0, 0x8, 0x10");
  // val, uaddr, flags | __reserved << 32 for each waiter.
  uint64_t waiters[6] = {1, 0x1000, 2, 2, 0x2000, 0x82};
  mem.Map(0x3000, waiters, sizeof(waiters));
  int64_t ts[2] = {1, 2};
  mem.Map(0x4000, ts, sizeof(ts));
  EXPECT_EQ(Text("futex_waitv", {0x3000, 2, 0, 0x4000, 0}, -14),
            "[{val=0x1, uaddr=0x1000, flags=FUTEX_32}, {val=0x2, "
            "uaddr=0x2000, flags=FUTEX_32|FUTEX_PRIVATE_FLAG}], 2, 0, "
            "{tv_sec=1, tv_nsec=2}, CLOCK_REALTIME");
  EXPECT_EQ(Text("futex_waitv", {0, 0, 5, 0, 99}, -22),
            "NULL, 0, 0x5, NULL, 0x63 /* CLOCK_??? */");
  // name_to_handle_at: the size in, the size out, the handle on success.
  mem.MapString(0x5000, "/etc/passwd");
  uint8_t handle[8 + 8] = {8, 0, 0, 0, 1, 0, 0, 0, 0x5d, 3};
  mem.Map(0x6000, handle, sizeof(handle));
  int32_t mount_id = 27;
  mem.Map(0x7000, &mount_id, sizeof(mount_id));
  // (The fake memory holds what the kernel wrote: 8 bytes; 128 before.)
  r = Decode("name_to_handle_at", {kAtFdcwd, 0x5000, 0x6000, 0x7000, 0}, 0);
  EXPECT_EQ(r.all(),
            "AT_FDCWD, \"/etc/passwd\", {handle_bytes=8, handle_type=1, "
            "f_handle=\"\\x5d\\x03\\x00\\x00\\x00\\x00\\x00\\x00\"}, [27], 0");
  EXPECT_EQ(Text("name_to_handle_at",
                 {kAtFdcwd, 0x5000, 0x6000, 0x7000, 0x1400}, -75),
            "AT_FDCWD, \"/etc/passwd\", {handle_bytes=8}, 0x7000, "
            "AT_SYMLINK_FOLLOW|AT_EMPTY_PATH");
  EXPECT_EQ(Text("name_to_handle_at", {99, 0x5000, 8, 8, 0x1000}, -9),
            "99, \"/etc/passwd\", 0x8, 0x8, AT_EMPTY_PATH");
  EXPECT_EQ(Text("open_by_handle_at", {3, 0x6000, O_RDONLY}, -9),
            "3, {handle_bytes=8, handle_type=1, "
            "f_handle=\"\\x5d\\x03\\x00\\x00\\x00\\x00\\x00\\x00\"}, O_RDONLY");
  EXPECT_EQ(Text("open_by_handle_at", {99, 8, O_RDWR | O_CLOEXEC}, -14),
            "99, 0x8, O_RDWR|O_CLOEXEC");
  // f_handle is not cut at -s.
  opts.string_limit = 4;
  EXPECT_EQ(Text("open_by_handle_at", {3, 0x6000, O_RDONLY}, -9),
            "3, {handle_bytes=8, handle_type=1, "
            "f_handle=\"\\x5d\\x03\\x00\\x00\\x00\\x00\\x00\\x00\"}, O_RDONLY");
}

TEST_F(DecoderTest, MessageQueues) {
  mem.MapString(0x1000, "/q");
  int64_t attr[4] = {O_NONBLOCK, 3, 16, 0};
  mem.Map(0x2000, attr, sizeof(attr));
  EXPECT_EQ(
      Text("mq_open", {0x1000, O_RDWR | O_CREAT | O_EXCL, 0600, 0x2000}, 3),
      "\"/q\", O_RDWR|O_CREAT|O_EXCL, 0600, {mq_flags=0x800, "
      "mq_maxmsg=3, mq_msgsize=16, mq_curmsgs=0}");
  EXPECT_EQ(Text("mq_open", {0x1000, O_RDONLY, 0600, 0x2000}, -2),
            "\"/q\", O_RDONLY");
  EXPECT_EQ(Text("mq_unlink", {0x1000}, -2), "\"/q\"");
  mem.MapString(0x3000, "hello");
  int64_t ts[2] = {1, 2};
  mem.Map(0x4000, ts, sizeof(ts));
  EXPECT_EQ(Text("mq_timedsend", {3, 0x3000, 5, 1, 0x4000}),
            "3, \"hello\", 5, 1, {tv_sec=1, tv_nsec=2}");
  uint32_t prio = 7;
  mem.Map(0x5000, &prio, sizeof(prio));
  Result r = Decode("mq_timedreceive", {3, 0x3000, 16, 0x5000, 0}, 4);
  EXPECT_EQ(r.enter, "3, ");
  EXPECT_EQ(r.exit, "\"hell\", 16, [7], NULL");
  EXPECT_EQ(Text("mq_timedreceive", {3, 0x3000, 16, 0x5000, 0x4000}, -110),
            "3, 0x3000, 16, 0x5000, {tv_sec=1, tv_nsec=2}");
  EXPECT_EQ(Text("mq_notify", {3, 0}), "3, NULL");
  r = Decode("mq_getsetattr", {3, 0x2000, 0x2000}, 0);
  EXPECT_EQ(r.all(),
            "3, {mq_flags=O_NONBLOCK, mq_maxmsg=3, mq_msgsize=16, "
            "mq_curmsgs=0}, {mq_flags=O_NONBLOCK, mq_maxmsg=3, "
            "mq_msgsize=16, mq_curmsgs=0}");
  EXPECT_EQ(Text("mq_getsetattr", {kMinus1, 0, 0x2000}, -9),
            "-1, NULL, 0x2000");
}

TEST_F(DecoderTest, RemapMadviseSecretAio) {
  EXPECT_EQ(Text("remap_file_pages", {0x7000, 4096, 3, 1, 0x10000}, -22),
            "0x7000, 4096, PROT_READ|PROT_WRITE, 1, MAP_FILE|MAP_NONBLOCK");
  uint64_t iov[2] = {0x9000, 4};
  mem.Map(0x1000, iov, sizeof(iov));
  EXPECT_EQ(Text("process_madvise", {99, 0x1000, 1, 1000, 5}, -22),
            "99, [{iov_base=0x9000, iov_len=4}], 1, 0x3e8 /* MADV_??? */, 0x5");
  EXPECT_EQ(Text("memfd_secret", {0}, 3), "0");
  EXPECT_EQ(Text("memfd_secret", {1}, -22), "0x1");
  EXPECT_EQ(Text("memfd_secret", {O_CLOEXEC}, 3), "O_CLOEXEC");
  EXPECT_EQ(Text("memfd_secret", {O_CLOEXEC | 1}, -22), "O_CLOEXEC|0x1");
  uint64_t ctx = 0x7f0000002000;
  mem.Map(0x2000, &ctx, sizeof(ctx));
  EXPECT_EQ(Text("io_setup", {4, 0x2000}), "4, [0x7f0000002000]");
  EXPECT_EQ(Text("io_setup", {4, 0}, -14), "4, NULL");
  EXPECT_EQ(Text("io_destroy", {0}, -22), "NULL");
  mem.MapString(0x3000, "abcdefg");
  uint64_t cb[8] = {0x1234, 0, 1 /* PWRITE */ | (3ull << 32), 0x3000, 7, 0,
                    0,      0};
  mem.Map(0x4000, cb, sizeof(cb));
  uint64_t cbs[1] = {0x4000};
  mem.Map(0x5000, cbs, sizeof(cbs));
  EXPECT_EQ(Text("io_submit", {0x7f0000002000, 1, 0x5000}, 1),
            "0x7f0000002000, 1, [{aio_data=0x1234, "
            "aio_lio_opcode=IOCB_CMD_PWRITE, aio_fildes=3, "
            "aio_buf=\"abcdefg\", aio_nbytes=7, aio_offset=0}]");
  uint64_t ev[4] = {0x1234, 0x4000, 7, 0};
  mem.Map(0x6000, ev, sizeof(ev));
  Result r = Decode("io_getevents", {0x7f0000002000, 1, 2, 0x6000, 0}, 1);
  EXPECT_EQ(r.enter, "0x7f0000002000, 1, 2, ");
  EXPECT_EQ(r.exit, "[{data=0x1234, obj=0x4000, res=7, res2=0}], NULL");
  EXPECT_EQ(Text("io_getevents", {0, 0, 1, 0, 0}, -22),
            "NULL, 0, 1, NULL, NULL");
  EXPECT_EQ(Text("io_cancel", {0x7f0000002000, 0x4000, 0x6000}, -22),
            "0x7f0000002000, {aio_data=0x1234, aio_lio_opcode=IOCB_CMD_PWRITE, "
            "aio_fildes=3}, 0x6000");
}

// --------------------------------------------------------------------------
// System administration (decode_admin.cc).
// --------------------------------------------------------------------------
TEST_F(DecoderTest, AdminNamespacesLogsNames) {
  mem.SetFdPath(3, "net:[4026531833]");
  opts.fd_paths = true;
  EXPECT_EQ(Text("setns", {3, CLONE_NEWNET}, -22),
            "3<net:[4026531833]>, CLONE_NEWNET");
  EXPECT_EQ(Text("setns", {kMinus1, 0}, -9), "-1, 0");
  EXPECT_EQ(Text("setns", {kMinus1, CLONE_NEWNS | CLONE_NEWPID | 1}, -9),
            "-1, CLONE_NEWNS|CLONE_NEWPID|0x1");
  EXPECT_EQ(Text("setns", {kMinus1, 1}, -9), "-1, 0x1 /* CLONE_NEW??? */");
  EXPECT_EQ(Text("setns", {kMinus1, 0x80 | CLONE_NEWCGROUP | CLONE_NEWUSER}),
            "-1, CLONE_NEWTIME|CLONE_NEWCGROUP|CLONE_NEWUSER");
  mem.MapString(0x1000, "/new");
  EXPECT_EQ(Text("pivot_root", {0x1000, 0}, -14), "\"/new\", NULL");
  // syslog: the size actions show only the action; reads their buffer at
  // exit (the address when failed); the console level is named.
  EXPECT_EQ(Text("syslog", {10, 0, 0}, 131072),
            "10 /* SYSLOG_ACTION_SIZE_BUFFER */");
  mem.MapString(0x2000, "<6>hello");
  EXPECT_EQ(Text("syslog", {3, 0x2000, 64}, 8),
            "3 /* SYSLOG_ACTION_READ_ALL */, \"<6>hello\", 64");
  EXPECT_EQ(Text("syslog", {2, 0x2000, 64}, -22),
            "2 /* SYSLOG_ACTION_READ */, 0x2000, 64");
  EXPECT_EQ(Text("syslog", {8, 0, 8}),
            "8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, "
            "8 /* LOGLEVEL_DEBUG+1 */");
  EXPECT_EQ(Text("syslog", {8, 0, 99}, -22),
            "8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 99 /* LOGLEVEL_??? */");
  EXPECT_EQ(Text("syslog", {kMinus1, 0, 0}, -22),
            "-1 /* SYSLOG_ACTION_??? */, NULL, 0");
  // Names: `len` bytes, only the address past the kernel's 64.
  mem.MapString(0x3000, "abcdefgh");
  EXPECT_EQ(Text("sethostname", {0x3000, 3}), "\"abc\", 3");
  EXPECT_EQ(Text("setdomainname", {0x3000, 65}, -22), "0x3000, 65");
  EXPECT_EQ(Text("sethostname", {0, 65}, -22), "NULL, 65");
  EXPECT_EQ(Text("acct", {0}), "NULL");
  EXPECT_EQ(Text("swapon", {0x1000, 0x8000 | 5}, -2),
            "\"/new\", SWAP_FLAG_PREFER|5");
  EXPECT_EQ(Text("swapon", {0x1000, 0x100000}, -22),
            "\"/new\", 0x100000 /* SWAP_FLAG_??? */|0");
  EXPECT_EQ(Text("swapon", {0x1000, 0}, -2), "\"/new\", 0");
  EXPECT_EQ(Text("swapoff", {0x1000}, -2), "\"/new\"");
}

TEST_F(DecoderTest, AdminRebootAndModules) {
  EXPECT_EQ(Text("reboot", {0xfee1dead, 0, 0x12345678, 0}, -22),
            "LINUX_REBOOT_MAGIC1, 0 /* LINUX_REBOOT_MAGIC_??? */, "
            "0x12345678 /* LINUX_REBOOT_CMD_??? */");
  mem.MapString(0x1000, "firmware");
  EXPECT_EQ(Text("reboot", {0xfee1dead, 369367448, 0xa1b2c3d4, 0x1000}, -1),
            "LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2B, "
            "LINUX_REBOOT_CMD_RESTART2, \"firmware\"");
  EXPECT_EQ(Text("reboot", {0xfee1dead, 672274793, 0x4321fedc, 0x1000}, -1),
            "LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, "
            "LINUX_REBOOT_CMD_POWER_OFF");
  EXPECT_EQ(Text("process_mrelease", {kMinus1, 5}, -22), "-1, 0x5");
  EXPECT_EQ(Text("delete_module", {0x1000, O_NONBLOCK | O_TRUNC | 1}, -2),
            "\"firmware\", O_NONBLOCK|O_TRUNC|0x1");
  EXPECT_EQ(Text("delete_module", {0, 1}, -14), "NULL, 0x1 /* O_??? */");
  EXPECT_EQ(Text("init_module", {0x5000, 10, 0x1000}, -1),
            "0x5000, 10, \"firmware\"");
  EXPECT_EQ(Text("finit_module", {kMinus1, 0x1000, 3}, -9),
            "-1, \"firmware\", "
            "MODULE_INIT_IGNORE_MODVERSIONS|MODULE_INIT_IGNORE_VERMAGIC");
  EXPECT_EQ(Text("finit_module", {kMinus1, 0, 8}, -9),
            "-1, NULL, 0x8 /* MODULE_INIT_??? */");
}

TEST_F(DecoderTest, AdminMountApi) {
  mem.SetFdPath(3, "/");
  mem.SetFdPath(4, "/mnt");
  mem.SetCwd("/tmp");
  opts.fd_paths = true;
  mem.MapString(0x1000, "/nonexistent");
  mem.MapString(0x1100, "");
  Result r = Decode("open_tree", {kAtFdcwd, 0x1000, 1 | O_CLOEXEC}, 4);
  EXPECT_EQ(r.all(),
            "AT_FDCWD</tmp>, \"/nonexistent\", "
            "OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC");
  EXPECT_EQ(r.suffix, "</mnt>");
  EXPECT_EQ(Text("open_tree", {kMinus1, 0, 2}, -22),
            "-1, NULL, 0x2 /* OPEN_TREE_??? */");
  EXPECT_EQ(Text("move_mount", {3, 0x1100, kAtFdcwd, 0x1000, 4 | 0x100}, -2),
            "3</>, \"\", AT_FDCWD</tmp>, \"/nonexistent\", "
            "MOVE_MOUNT_F_EMPTY_PATH|MOVE_MOUNT_SET_GROUP");
  EXPECT_EQ(Text("move_mount", {kMinus1, 0x1100, kMinus1, 0x1100, 0x200}, -2),
            "-1, \"\", -1, \"\", 0x200 /* MOVE_MOUNT_??? */");
  EXPECT_EQ(Text("fsopen", {0x1000, 1}, -19),
            "\"/nonexistent\", FSOPEN_CLOEXEC");
  EXPECT_EQ(Text("fspick", {3, 0x1100, 0x18}, -22),
            "3</>, \"\", FSPICK_EMPTY_PATH|0x10");
  EXPECT_EQ(Text("fsmount", {kMinus1, 2, 0x100001}, -22),
            "-1, 0x2 /* FSMOUNT_??? */, MOUNT_ATTR_RDONLY|0x100000");
  // fsconfig: key, value and aux by command.
  mem.MapString(0x2000, "abcdef");
  EXPECT_EQ(Text("fsconfig", {kMinus1, 0, 0x2000, 0x2000, 0}, -22),
            "-1, FSCONFIG_SET_FLAG, \"abcdef\", 0x2000, 0");
  EXPECT_EQ(Text("fsconfig", {kMinus1, 1, 0x2000, 0x2000, kMinus1}, -22),
            "-1, FSCONFIG_SET_STRING, \"abcdef\", \"abcdef\", -1");
  EXPECT_EQ(Text("fsconfig", {kMinus1, 2, 0x2000, 0x2000, 2}, -22),
            "-1, FSCONFIG_SET_BINARY, \"abcdef\", \"\\x61\\x62\", 2");
  EXPECT_EQ(Text("fsconfig", {kMinus1, 4, 0x2000, 0x1100, kAtFdcwd}, -22),
            "-1, FSCONFIG_SET_PATH_EMPTY, \"abcdef\", \"\", AT_FDCWD</tmp>");
  EXPECT_EQ(Text("fsconfig", {kMinus1, 5, 0x2000, 0, 3}, -22),
            "-1, FSCONFIG_SET_FD, \"abcdef\", NULL, 3</>");
  EXPECT_EQ(Text("fsconfig", {kMinus1, 7, 0x2000, 0x2000, 5}, -22),
            "-1, FSCONFIG_CMD_RECONFIGURE, 0x2000, 0x2000, 5");
  EXPECT_EQ(Text("fsconfig", {kMinus1, 8, 0x2000, 0x2000, 5}, -22),
            "-1, 0x8 /* FSCONFIG_??? */, 0x2000, 0x2000, 5");
  // mount_setattr: struct mount_attr when the size covers it; userns_fd
  // an fd only with MOUNT_ATTR_IDMAP.
  const uint64_t attr[4] = {0x100000 | 1, 0x70, 1 << 20, 3};
  mem.Map(0x3000, attr, sizeof attr);
  EXPECT_EQ(
      Text("mount_setattr", {3, 0x1100, 0x1000 | 0x8000, 0x3000, 32}, -22),
      "3</>, \"\", AT_EMPTY_PATH|AT_RECURSIVE, "
      "{attr_set=MOUNT_ATTR_RDONLY|MOUNT_ATTR_IDMAP, "
      "attr_clr=MOUNT_ATTR_NOATIME|MOUNT_ATTR_STRICTATIME|0x40, "
      "propagation=MS_SHARED, userns_fd=3</>}, 32");
  const uint64_t attr2[4] = {0, 0, 0, 3};
  mem.Map(0x3100, attr2, sizeof attr2);
  EXPECT_EQ(Text("mount_setattr", {kMinus1, 0x1100, 0, 0x3100, 32}, -22),
            "-1, \"\", 0, {attr_set=0, attr_clr=0, "
            "propagation=0 /* MS_??? */, userns_fd=3}, 32");
  const uint64_t attr3[5] = {0, 0x100000, 0, 3, 0x1234};
  mem.Map(0x3200, attr3, sizeof attr3);
  EXPECT_EQ(Text("mount_setattr", {kMinus1, 0x1100, 0, 0x3200, 40}, -7),
            "-1, \"\", 0, {attr_set=0, attr_clr=MOUNT_ATTR_IDMAP, "
            "propagation=0 /* MS_??? */, userns_fd=3</>, /* bytes 32..39 */ "
            "\"\\x34\\x12\\x00\\x00\\x00\\x00\\x00\\x00\"}, 40");
  EXPECT_EQ(Text("mount_setattr", {kMinus1, 0x1100, 0, 0x3100, 32}, -7),
            "-1, \"\", 0, {attr_set=0, attr_clr=0, "
            "propagation=0 /* MS_??? */, userns_fd=3}, 32");
  EXPECT_EQ(Text("mount_setattr", {kMinus1, 0x1100, 0, 0x3000, 8}, -22),
            "-1, \"\", 0, 0x3000, 8");
  EXPECT_EQ(Text("mount_setattr", {kMinus1, 0x1100, 0x1, 0, 0}, -22),
            "-1, \"\", 0x1 /* AT_??? */, NULL, 0");
}

TEST_F(DecoderTest, AdminLandlock) {
  mem.SetFdPath(3, "anon_inode:landlock-ruleset");
  opts.fd_paths = true;
  EXPECT_EQ(Text("landlock_create_ruleset", {0, 0, 1}, 3),
            "NULL, 0, LANDLOCK_CREATE_RULESET_VERSION");
  EXPECT_EQ(Decode("landlock_create_ruleset", {0, 0, 1}, 3).suffix, "");
  const uint64_t ruleset[2] = {1 | 4 | (1ull << 40), 0};
  mem.Map(0x1000, ruleset, sizeof ruleset);
  Result r = Decode("landlock_create_ruleset", {0x1000, 8, 0}, 3);
  EXPECT_EQ(r.all(),
            "{handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE|"
            "LANDLOCK_ACCESS_FS_READ_FILE|0x10000000000}, 8, 0");
  EXPECT_EQ(r.suffix, "<anon_inode:landlock-ruleset>");
  EXPECT_EQ(Text("landlock_create_ruleset", {0x1000, 16, 0}, -22),
            "{handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE|"
            "LANDLOCK_ACCESS_FS_READ_FILE|0x10000000000, ...}, 16, 0");
  EXPECT_EQ(Text("landlock_create_ruleset", {0x1000, 4, 2}, -22),
            "0x1000, 4, 0x2 /* LANDLOCK_CREATE_RULESET_??? */");
  const unsigned char beneath[12] = {2, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0};
  mem.Map(0x2000, beneath, sizeof beneath);
  EXPECT_EQ(Text("landlock_add_rule", {3, 1, 0x2000, 0}, -9),
            "3<anon_inode:landlock-ruleset>, LANDLOCK_RULE_PATH_BENEATH, "
            "{allowed_access=LANDLOCK_ACCESS_FS_WRITE_FILE, "
            "parent_fd=3<anon_inode:landlock-ruleset>}, 0");
  EXPECT_EQ(Text("landlock_add_rule", {kMinus1, 2, 0x2000, 1}, -9),
            "-1, 0x2 /* LANDLOCK_RULE_??? */, 0x2000, 0x1");
  EXPECT_EQ(Text("landlock_restrict_self", {kMinus1, 0}, -9), "-1, 0");
}

TEST_F(DecoderTest, AdminKeys) {
  constexpr uint64_t kSession = static_cast<uint64_t>(-3);
  constexpr uint64_t kUser = static_cast<uint64_t>(-4);
  EXPECT_EQ(Text("keyctl", {0, kSession, 0}, 206287527),
            "KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0");
  EXPECT_EQ(Text("keyctl", {0, static_cast<uint64_t>(-99), 1}, -22),
            "KEYCTL_GET_KEYRING_ID, -99, 1");
  mem.MapString(0x1000, "abc");
  EXPECT_EQ(Text("keyctl", {2, 12345678, 0x1000, 3}, -126),
            "KEYCTL_UPDATE, 12345678, \"abc\", 3");
  EXPECT_EQ(Text("keyctl", {3, static_cast<uint64_t>(-2)}, -126),
            "KEYCTL_REVOKE, KEY_SPEC_PROCESS_KEYRING");
  EXPECT_EQ(Text("keyctl", {21, 5}, 0), "KEYCTL_INVALIDATE, 5");
  // DESCRIBE and READ: the buffer at exit, as much as was written (up to
  // the length), DESCRIBE without its trailing NUL.
  mem.Map(0x2000, std::string("keyring;0;0;3f010000;_uid.0\0", 28));
  Result r = Decode("keyctl", {6, kUser, 0x2000, 64}, 28);
  EXPECT_EQ(r.enter, "KEYCTL_DESCRIBE, KEY_SPEC_USER_KEYRING, ");
  EXPECT_EQ(r.exit, "\"keyring;0;0;3f010000;_uid.0\", 64");
  EXPECT_EQ(Text("keyctl", {6, kUser, 0x2000, 4}, 28),
            "KEYCTL_DESCRIBE, KEY_SPEC_USER_KEYRING, \"keyr\", 4");
  opts.string_limit = 8;
  EXPECT_EQ(Text("keyctl", {6, kUser, 0x2000, 64}, 28),
            "KEYCTL_DESCRIBE, KEY_SPEC_USER_KEYRING, \"keyring;\"..., 64");
  // The last byte shown, a NUL, is left out (and ends the string: no
  // "..."), unless the string is quoted in hex (strace 6.1 -s 8, -s 8 -x).
  mem.Map(0x2100, std::string(10, '\0'));
  EXPECT_EQ(Text("keyctl", {6, kUser, 0x2100, 10}, 32),
            "KEYCTL_DESCRIBE, KEY_SPEC_USER_KEYRING, "
            "\"\\0\\0\\0\\0\\0\\0\\0\", 10");
  opts.hex_strings = HexStrings::kNonAscii;
  EXPECT_EQ(Text("keyctl", {6, kUser, 0x2100, 10}, 32),
            "KEYCTL_DESCRIBE, KEY_SPEC_USER_KEYRING, "
            "\"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\"..., 10");
  opts.string_limit = 32;
  EXPECT_EQ(Text("keyctl", {6, kUser, 0x2100, 10}, 32),
            "KEYCTL_DESCRIBE, KEY_SPEC_USER_KEYRING, \"\\x00\\x00\\x00\\x00"
            "\\x00\\x00\\x00\\x00\\x00\\x00\", 10");
  opts.hex_strings = HexStrings::kNone;
  EXPECT_EQ(Text("keyctl", {11, 7, 0x2000, 64}, -126),
            "KEYCTL_READ, 7, 0x2000, 64");
  EXPECT_EQ(Text("keyctl", {11, 7, 0, 0}, 4), "KEYCTL_READ, 7, NULL, 0");
  EXPECT_EQ(Text("keyctl", {10, static_cast<uint64_t>(-5), 0x1000, 0, 0}, -14),
            "KEYCTL_SEARCH, KEY_SPEC_USER_SESSION_KEYRING, \"abc\", NULL, 0");
  EXPECT_EQ(Text("keyctl", {5, 7, 0x3f010000 | 0x20}, 0),
            "KEYCTL_SETPERM, 7, KEY_POS_VIEW|KEY_POS_READ|KEY_POS_WRITE|"
            "KEY_POS_SEARCH|KEY_POS_LINK|KEY_POS_SETATTR|KEY_USR_VIEW|"
            "KEY_OTH_SETATTR");
  EXPECT_EQ(Text("keyctl", {5, 7, 0x80000000}, -22),
            "KEYCTL_SETPERM, 7, 0x80000000 /* KEY_??? */");
  EXPECT_EQ(Text("keyctl", {4, 7, 0, 0xffffffff}, 0), "KEYCTL_CHOWN, 7, 0, -1");
  EXPECT_EQ(Text("keyctl", {14, 99}, -22),
            "KEYCTL_SET_REQKEY_KEYRING, 99 /* KEY_REQKEY_DEFL_??? */");
  EXPECT_EQ(Text("keyctl", {14, kMinus1}, 0),
            "KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_NO_CHANGE");
  EXPECT_EQ(Text("keyctl", {18}, 0), "KEYCTL_SESSION_TO_PARENT");
  EXPECT_EQ(Text("keyctl", {19, 7, 10, EKEYREJECTED, kMinus1}, -1),
            "KEYCTL_REJECT, 7, 10, EKEYREJECTED, KEY_SPEC_THREAD_KEYRING");
  const int32_t dh[3] = {7, -3, 5};
  mem.Map(0x5000, dh, sizeof dh);
  EXPECT_EQ(Text("keyctl", {23, 0x5000, 0x5100, 16, 0}, -95),
            "KEYCTL_DH_COMPUTE, {private=7, prime=KEY_SPEC_SESSION_KEYRING, "
            "base=5}, 0x5100, 16, NULL");
  const uint32_t pkey[10] = {7, 3, 16, 0, 4};
  mem.Map(0x5200, pkey, sizeof pkey);
  Result pk = Decode("keyctl", {25, 0x5200, 0, 0x1000, 0x5300}, -126);
  EXPECT_EQ(pk.enter,
            "KEYCTL_PKEY_ENCRYPT, {key_id=7, in_len=3, out_len=16, "
            "__spare=[0, 0x4, 0, 0, 0, 0, 0]}, NULL, \"abc\", ");
  EXPECT_EQ(pk.exit, "0x5300");
  const uint8_t caps[3] = {0x21, 0x03, 0x80};
  mem.Map(0x4000, caps, sizeof caps);
  EXPECT_EQ(Text("keyctl", {31, 0x4000, 8}, 3),
            "KEYCTL_CAPABILITIES, [KEYCTL_CAPS0_CAPABILITIES|"
            "KEYCTL_CAPS0_INVALIDATE, KEYCTL_CAPS1_NS_KEYRING_NAME|"
            "KEYCTL_CAPS1_NS_KEY_TAG, 0x80], 8");
  EXPECT_EQ(Text("keyctl", {31, 0x4000, 8}, -14),
            "KEYCTL_CAPABILITIES, 0x4000, 8");
  EXPECT_EQ(Text("keyctl", {9999, 1, 2, 3, 4}, -95),
            "0x270f /* KEYCTL_??? */, 0x1, 0x2, 0x3, 0x4");
  EXPECT_EQ(Text("add_key", {0x1000, 0x1000, 0x1000, 3, kSession}, 42),
            "\"abc\", \"abc\", \"abc\", 3, KEY_SPEC_SESSION_KEYRING");
  EXPECT_EQ(Text("request_key", {0x1000, 0, 0, 12345678}, -126),
            "\"abc\", NULL, NULL, 12345678");
}

TEST_F(DecoderTest, AdminSeccomp) {
  const uint64_t prog[2] = {7, 0x7ffd2d092a50};
  mem.Map(0x1000, prog, sizeof prog);
  EXPECT_EQ(Text("seccomp", {1, 3, 0x1000}),
            "SECCOMP_SET_MODE_FILTER, "
            "SECCOMP_FILTER_FLAG_TSYNC|SECCOMP_FILTER_FLAG_LOG, "
            "{len=7, filter=0x7ffd2d092a50}");
  EXPECT_EQ(Text("seccomp", {1, 0x100, 0}, -14),
            "SECCOMP_SET_MODE_FILTER, 0x100 /* SECCOMP_FILTER_FLAG_??? */, "
            "NULL");
  mem.SetFdPath(5, "anon_inode:seccomp notify");
  opts.fd_paths = true;
  EXPECT_EQ(Decode("seccomp", {1, 8, 0x1000}, 5).suffix,
            "<anon_inode:seccomp notify>");
  const uint32_t action = 0x7ffc0000;
  mem.Map(0x2000, &action, sizeof action);
  EXPECT_EQ(Text("seccomp", {2, 0, 0x2000}),
            "SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_LOG]");
  const uint16_t sizes[3] = {80, 24, 64};
  mem.Map(0x3000, sizes, sizeof sizes);
  EXPECT_EQ(Text("seccomp", {3, 0, 0x3000}),
            "SECCOMP_GET_NOTIF_SIZES, 0, "
            "{seccomp_notif=80, seccomp_notif_resp=24, seccomp_data=64}");
  EXPECT_EQ(Text("seccomp", {3, 1, 0x3000}, -22),
            "SECCOMP_GET_NOTIF_SIZES, 0x1, 0x3000");
  EXPECT_EQ(Text("seccomp", {0, 1, 0}, -22),
            "SECCOMP_SET_MODE_STRICT, 0x1, NULL");
  EXPECT_EQ(Text("seccomp", {4, 0, 1}, -22),
            "0x4 /* SECCOMP_SET_MODE_??? */, 0, 0x1");
  // prctl(PR_SET_SECCOMP) shows the same filter, its program with -v.
  const uint16_t insns[8] = {0x20, 0, 0, 0, 0x06, 0, 0, 0x7fff};
  const uint64_t two[2] = {2, 0x4000};
  mem.Map(0x4000, insns, sizeof insns);
  mem.Map(0x5000, two, sizeof two);
  EXPECT_EQ(Text("prctl", {22, 2, 0x5000}),
            "PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=2, filter=0x4000}");
  opts.verbose = true;
  EXPECT_EQ(Text("prctl", {22, 2, 0x5000}),
            "PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=2, "
            "filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0), "
            "BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW)]}");
}

TEST_F(DecoderTest, AdminBpf) {
  mem.SetFdPath(4, "anon_inode:bpf-map");
  opts.fd_paths = true;
  // BPF_MAP_CREATE: the fields the size covers; the new map's fd.
  uint32_t create[36] = {2, 4, 8, 4};
  mem.Map(0x1000, create, sizeof create);
  Result r = Decode("bpf", {0, 0x1000, 20}, 4);
  EXPECT_EQ(r.all(),
            "BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, "
            "value_size=8, max_entries=4, map_flags=0}, 20");
  EXPECT_EQ(r.suffix, "<anon_inode:bpf-map>");
  // Attributes not decoded (verbose=none, unreadable, NULL): the result
  // is a plain number, as strace 6.1 prints it.
  EXPECT_EQ(Decode("bpf", {0, 0x9000, 20}, 4).suffix, "");
  EXPECT_EQ(Decode("bpf", {0, 0, 20}, 4).suffix, "");
  opts.verbose_set = SyscallFilter::None();
  r = Decode("bpf", {0, 0x1000, 20}, 4);
  EXPECT_EQ(r.all(), "BPF_MAP_CREATE, 0x1000, 20");
  EXPECT_EQ(r.suffix, "");
  opts.verbose_set = SyscallFilter::All();
  create[4] = 4 | 0x80000000;  // BPF_F_NUMA_NODE
  create[6] = 0xffffffff;
  memcpy(&create[7], "abc", 4);
  mem.Map(0x1000, create, sizeof create);
  EXPECT_EQ(Text("bpf", {0, 0x1000, 72}, -22),
            "BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, "
            "value_size=8, max_entries=4, "
            "map_flags=BPF_F_NUMA_NODE|0x80000000, inner_map_fd=0, "
            "numa_node=4294967295 /* NUMA_NO_NODE */, map_name=\"abc\", "
            "map_ifindex=0, btf_fd=0, btf_key_type_id=0, btf_value_type_id=0, "
            "btf_vmlinux_value_type_id=0, map_extra=0}, 72");
  // Element commands; bytes after the structure shown as "...".
  const uint64_t elem[4] = {4, 0x7ffc0000, 0x7ffc0010, 2};
  mem.Map(0x2000, elem, sizeof elem);
  EXPECT_EQ(Text("bpf", {2, 0x2000, 32}),
            "BPF_MAP_UPDATE_ELEM, {map_fd=4<anon_inode:bpf-map>, "
            "key=0x7ffc0000, value=0x7ffc0010, flags=BPF_EXIST}, 32");
  EXPECT_EQ(Text("bpf", {1, 0x2000, 24}),
            "BPF_MAP_LOOKUP_ELEM, {map_fd=4<anon_inode:bpf-map>, "
            "key=0x7ffc0000, value=0x7ffc0010}, 24");
  EXPECT_EQ(Text("bpf", {3, 0x2000, 32}, -22),
            "BPF_MAP_DELETE_ELEM, {map_fd=4<anon_inode:bpf-map>, "
            "key=0x7ffc0000, ...}, 32");
  // BPF_PROG_LOAD cut after expected_attach_type.
  uint8_t load[72] = {};
  const uint32_t type = 1, cnt = 2, version = 0x050a03;
  const uint64_t insns = 0x7ffd0000, license = 0x3000;
  mem.MapString(0x3000, "GPL");
  memcpy(load, &type, 4);
  memcpy(load + 4, &cnt, 4);
  memcpy(load + 8, &insns, 8);
  memcpy(load + 16, &license, 8);
  memcpy(load + 40, &version, 4);
  memcpy(load + 48, "p", 2);
  mem.Map(0x4000, load, sizeof load);
  EXPECT_EQ(Text("bpf", {5, 0x4000, 72}, 5),
            "BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, "
            "insn_cnt=2, insns=0x7ffd0000, license=\"GPL\", log_level=0, "
            "log_size=0, log_buf=NULL, kern_version=KERNEL_VERSION(5, 10, 3), "
            "prog_flags=0, prog_name=\"p\", prog_ifindex=0, "
            "expected_attach_type=BPF_CGROUP_INET_INGRESS}, 72");
  EXPECT_EQ(Text("bpf", {5, 0, 0}, -7), "BPF_PROG_LOAD, NULL, 0");
  EXPECT_EQ(Text("bpf", {5, 0x9000, 144}, -14), "BPF_PROG_LOAD, 0x9000, 144");
  EXPECT_EQ(Text("bpf", {999, 0x4000, 72}, -22),
            "0x3e7 /* BPF_??? */, 0x4000, 72");
  mem.MapString(0x8000, "sys_enter");
  const uint64_t raw[2] = {0x8000, 4};
  mem.Map(0x8100, raw, sizeof raw);
  EXPECT_EQ(Text("bpf", {17, 0x8100, 16}, -22),
            "BPF_RAW_TRACEPOINT_OPEN, {raw_tracepoint={name=\"sys_enter\", "
            "prog_fd=4<anon_inode:bpf-map>}}, 16");
  const uint32_t update[4] = {99, 98, 4, 97};
  mem.Map(0x8200, update, sizeof update);
  EXPECT_EQ(Text("bpf", {29, 0x8200, 16}, -9),
            "BPF_LINK_UPDATE, {link_update={link_fd=99, new_prog_fd=98, "
            "flags=BPF_F_REPLACE, old_prog_fd=97}}, 16");
  const uint32_t link[8] = {99, 98, 28, 0, 0x1000, 0, 5, 0};
  mem.Map(0x8400, link, sizeof link);
  EXPECT_EQ(Text("bpf", {28, 0x8400, 32}, -9),
            "BPF_LINK_CREATE, {link_create={prog_fd=99, target_fd=98, "
            "attach_type=BPF_TRACE_ITER, flags=0, iter_info=0x1000, "
            "iter_info_len=5}}, 32");
  // PROG_QUERY: the count written back and the ids shown at exit.
  uint32_t query[8] = {4, 0, 0, 0, 0x9100, 0, 4, 0};
  mem.Map(0x8500, query, sizeof query);
  const uint32_t prog_id = 42;
  mem.Map(0x9100, &prog_id, sizeof prog_id);
  ArgDecoder dec(&mem, opts);
  SyscallCall c;
  c.tid = 1234;
  c.arch = kArchX86_64;
  c.nr = SyscallTable::Get().Number(kArchX86_64, "bpf");
  c.args[0] = 16;
  c.args[1] = 0x8500;
  c.args[2] = 28;
  std::string enter, exit, suffix;
  RetFormat fmt;
  dec.DecodeEntry(c, &enter);
  query[6] = 1;
  mem.Map(0x8500, query, sizeof query);
  dec.DecodeExit(c, 0, &exit, &fmt, &suffix);
  EXPECT_EQ(enter + exit,
            "BPF_PROG_QUERY, {query={target_fd=4<anon_inode:bpf-map>, "
            "attach_type=BPF_CGROUP_INET_INGRESS, query_flags=0, "
            "attach_flags=0, prog_ids=[42], prog_cnt=4 => 1}}, 28");
  // OBJ_GET_INFO_BY_FD: the length written back shown at exit.
  uint32_t info[4] = {4, 200, 0x9000, 0};
  mem.Map(0x8300, info, sizeof info);
  Result r2 = Decode("bpf", {15, 0x8300, 16}, 0);
  EXPECT_EQ(r2.enter,
            "BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4<anon_inode:bpf-map>, "
            "info_len=200");
  EXPECT_EQ(r2.exit, ", info=0x9000}}, 16");
  EXPECT_EQ(Text("bpf", {15, 0, 16}, -14), "BPF_OBJ_GET_INFO_BY_FD, NULL, 16");
  EXPECT_EQ(Text("bpf", {32, 0x4000, 72}, -22), "BPF_ENABLE_STATS, 0x4000, 72");
  const uint32_t attach[5] = {99, 4, 1, 2, 0};
  mem.Map(0x6000, attach, sizeof attach);
  EXPECT_EQ(Text("bpf", {8, 0x6000, 16}, -9),
            "BPF_PROG_ATTACH, {target_fd=99, "
            "attach_bpf_fd=4<anon_inode:bpf-map>, "
            "attach_type=BPF_CGROUP_INET_EGRESS, "
            "attach_flags=BPF_F_ALLOW_MULTI}, 16");
  EXPECT_EQ(Text("bpf", {9, 0x6000, 20}, -9),
            "BPF_PROG_DETACH, {target_fd=99, "
            "attach_type=BPF_CGROUP_INET_EGRESS, ...}, 20");
  const uint32_t ids[3] = {7, 0, 8};
  mem.Map(0x7000, ids, sizeof ids);
  EXPECT_EQ(Text("bpf", {14, 0x7000, 12}, -2),
            "BPF_MAP_GET_FD_BY_ID, {map_id=7, next_id=0, "
            "open_flags=BPF_F_RDONLY}, 12");
  EXPECT_EQ(Text("bpf", {19, 0x7000, 12}, -2),
            "BPF_BTF_GET_FD_BY_ID, {btf_id=7, ...}, 12");
  EXPECT_EQ(Text("bpf", {11, 0x7000, 8}, 0),
            "BPF_PROG_GET_NEXT_ID, {start_id=7, next_id=0, open_flags=0}, 8");
}

// -v: seccomp's filter and bpf's instructions decoded, bpf's extra bytes
// shown.
TEST_F(DecoderTest, AdminVerbosePrograms) {
  opts.verbose = true;
  // A seccomp filter: arch check, errno for one call, allow.
  const uint8_t filter[4][8] = {
      {0x20, 0, 0, 0, 4, 0, 0, 0},        // ld [4]
      {0x15, 0, 1, 0, 0x3e, 0, 0, 0xc0},  // jeq #0xc000003e, 1, 0
      {0x06, 0, 0, 0, 0x26, 0, 5, 0},     // ret ERRNO|38
      {0x06, 0, 0, 0, 0, 0, 0xff, 0x7f},  // ret ALLOW
  };
  mem.Map(0x2000, filter, sizeof filter);
  const uint64_t prog[2] = {4, 0x2000};
  mem.Map(0x1000, prog, sizeof prog);
  EXPECT_EQ(Text("seccomp", {1, 0, 0x1000}),
            "SECCOMP_SET_MODE_FILTER, 0, {len=4, filter=["
            "BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0x4), "
            "BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0xc000003e, 0x1, 0), "
            "BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ERRNO|0x26), "
            "BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW)]}");
  // eBPF: r0 = 0; exit.
  const uint8_t insns[2][8] = {{0xb7, 0, 0, 0, 0, 0, 0, 0},
                               {0x95, 0, 0, 0, 0, 0, 0, 0}};
  mem.Map(0x3000, insns, sizeof insns);
  uint8_t load[32] = {};
  const uint32_t type = 1, cnt = 2;
  const uint64_t at = 0x3000;
  memcpy(load, &type, 4);
  memcpy(load + 4, &cnt, 4);
  memcpy(load + 8, &at, 8);
  mem.Map(0x4000, load, sizeof load);
  EXPECT_EQ(Text("bpf", {5, 0x4000, 24}, -22),
            "BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, "
            "insn_cnt=2, insns=[{code=BPF_ALU64|BPF_K|BPF_MOV, "
            "dst_reg=BPF_REG_0, src_reg=BPF_REG_0, off=0, imm=0}, "
            "{code=BPF_JMP|BPF_K|BPF_EXIT, dst_reg=BPF_REG_0, "
            "src_reg=BPF_REG_0, off=0, imm=0}], license=NULL}, 24");
  // A map's information.
  mem.SetFdPath(4, "anon_inode:bpf-map");
  const uint32_t info_attr[4] = {4, 8, 0x6000, 0};
  mem.Map(0x6100, info_attr, sizeof info_attr);
  const uint32_t map_info[2] = {2, 7};
  mem.Map(0x6000, map_info, sizeof map_info);
  EXPECT_EQ(Text("bpf", {15, 0x6100, 16}),
            "BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4, info_len=8, "
            "info={type=BPF_MAP_TYPE_ARRAY, id=7, key_size=0, value_size=0, "
            "max_entries=0, map_flags=0}}}, 16");
  const uint64_t elem[3] = {4, 0x10, 0x1234};
  mem.Map(0x5000, elem, sizeof elem);
  EXPECT_EQ(Text("bpf", {3, 0x5000, 24}, -22),
            "BPF_MAP_DELETE_ELEM, {map_fd=4, key=0x10, "
            "extra_data=\"\\x34\\x12\\x00\\x00\\x00\\x00\\x00\\x00\" "
            "/* bytes 16..23 */}, 24");
}

// bpf's value-result structures (-v): a program's info and
// TASK_FD_QUERY, entry seen, the kernel's writes applied, exit.
class BpfInOutTest : public DecoderTest {
 protected:
  // bpf(cmd, 0x8000, size): the entry, then `change` (the kernel's
  // writes), then the exit with ret.
  std::string Call(uint64_t cmd, uint64_t size, int64_t ret,
                   const std::function<void()>& change) {
    SyscallCall c;
    c.tid = 1234;
    c.arch = kArchX86_64;
    c.nr = SyscallTable::Get().Number(kArchX86_64, "bpf");
    c.args[0] = cmd;
    c.args[1] = 0x8000;
    c.args[2] = size;
    ArgDecoder dec(&mem, opts);
    std::string enter, exit, suffix;
    RetFormat fmt;
    dec.DecodeEntry(c, &enter);
    change();
    dec.DecodeExit(c, ret, &exit, &fmt, &suffix);
    return enter + exit;
  }
  static void Put32(std::vector<char>& b, size_t off, uint32_t v) {
    memcpy(b.data() + off, &v, sizeof(v));
  }
  static void Put64(std::vector<char>& b, size_t off, uint64_t v) {
    memcpy(b.data() + off, &v, sizeof(v));
  }
  // OBJ_GET_INFO_BY_FD's attributes: fd 4, info_len, info at 0x9000.
  void InfoAttr(uint32_t len) {
    const uint32_t attr[4] = {4, len, 0x9000, 0};
    mem.Map(0x8000, attr, sizeof(attr));
  }
  void SetUp() override { opts.verbose = true; }
};

// A program's info cut at 8 bytes: the first group of fields, the bytes
// not written back zero, nothing changed by the call shown as changed.
TEST_F(BpfInOutTest, ProgInfoTruncated) {
  mem.SetFdPath(4, "anon_inode:bpf-prog");
  InfoAttr(8);
  std::vector<char> info(64, 0);
  mem.Map(0x9000, info.data(), info.size());
  EXPECT_EQ(Call(15, 16, 0,
                 [&] {
                   Put32(info, 0, 1);
                   Put32(info, 4, 9);
                   Put32(info, 16, 20);  // not read: past info_len
                   mem.Map(0x9000, info.data(), info.size());
                 }),
            "BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4, info_len=8, "
            "info={type=BPF_PROG_TYPE_SOCKET_FILTER, id=9, "
            "tag=\"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\", "
            "jited_prog_len=0, jited_prog_insns=NULL, xlated_prog_len=0, "
            "xlated_prog_insns=NULL}}}, 16");
  // 24 bytes: the lengths as the call changed them.
  InfoAttr(24);
  std::fill(info.begin(), info.end(), 0);
  mem.Map(0x9000, info.data(), info.size());
  EXPECT_EQ(Call(15, 16, 0,
                 [&] {
                   Put32(info, 0, 1);
                   Put32(info, 4, 9);
                   info[8] = 0x59;
                   Put32(info, 16, 20);
                   Put32(info, 20, 16);
                   mem.Map(0x9000, info.data(), info.size());
                 }),
            "BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4, info_len=24, "
            "info={type=BPF_PROG_TYPE_SOCKET_FILTER, id=9, "
            "tag=\"\\x59\\x00\\x00\\x00\\x00\\x00\\x00\\x00\", "
            "jited_prog_len=0 => 20, jited_prog_insns=NULL, "
            "xlated_prog_len=0 => 16, xlated_prog_insns=NULL}}}, 16");
  // 66 bytes: the second group, the name cut where the length ends.
  InfoAttr(66);
  std::fill(info.begin(), info.end(), 0);
  mem.Map(0x9000, info.data(), info.size());
  std::vector<char> full(80, 0);
  memcpy(full.data() + 64, "probe", 5);
  const std::string text =
      Call(15, 16, 0, [&] { mem.Map(0x9000, full.data(), full.size()); });
  EXPECT_NE(text.find("xlated_prog_insns=NULL, load_time=0 /* "),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(" */, created_by_uid=0, nr_map_ids=0, map_ids=NULL, "
                      "name=\"pr\"}}}, 16"),
            std::string::npos)
      << text;
  // Without -v only the address.
  opts.verbose = false;
  EXPECT_EQ(Call(15, 16, 0, [] {}),
            "BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4, info_len=66, "
            "info=0x9000}}, 16");
}

// All of a program's info: value-result fields, the instructions and map
// ids written, the fields strace 6.1 knows (220 bytes), info_len cut to
// what the kernel has.
TEST_F(BpfInOutTest, ProgInfoFull) {
  mem.SetFdPath(4, "anon_inode:bpf-prog");
  InfoAttr(300);
  std::vector<char> info(300, 0);
  Put32(info, 16, 4096);    // jited_prog_len
  Put64(info, 24, 0xa000);  // jited_prog_insns
  Put32(info, 20, 4096);    // xlated_prog_len
  Put64(info, 32, 0xb000);  // xlated_prog_insns
  Put32(info, 52, 3);       // nr_map_ids
  Put64(info, 56, 0xc000);  // map_ids
  Put32(info, 132, 8);      // func_info_rec_size, unchanged
  mem.Map(0x9000, info.data(), info.size());
  const char jited[3] = {0x0f, 0x1f, 0x44};
  const uint8_t insns[2][8] = {{0xb7, 0, 0, 0, 0, 0, 0, 0},
                               {0x95, 0, 0, 0, 0, 0, 0, 0}};
  const uint32_t map_id = 5;
  const std::string text = Call(15, 16, 0, [&] {
    InfoAttr(232);
    Put32(info, 0, 1);
    Put32(info, 4, 9);
    Put32(info, 16, 3);
    Put32(info, 20, 16);
    Put32(info, 52, 1);
    memcpy(info.data() + 64, "p", 1);
    Put32(info, 84, 1);
    Put32(info, 104, 1);
    Put32(info, 108, 1);
    Put32(info, 172, 16);
    Put32(info, 180, 1);
    Put64(info, 200, 7);
    Put32(info, 216, 2);
    mem.Map(0x9000, info.data(), info.size());
    mem.Map(0xa000, jited, sizeof(jited));
    mem.Map(0xb000, insns, sizeof(insns));
    mem.Map(0xc000, &map_id, sizeof(map_id));
  });
  const std::string head =
      "BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4, info_len=300 => 232, "
      "info={type=BPF_PROG_TYPE_SOCKET_FILTER, id=9, "
      "tag=\"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\", "
      "jited_prog_len=4096 => 3, jited_prog_insns=\"\\x0f\\x1f\\x44\", "
      "xlated_prog_len=4096 => 16, xlated_prog_insns=["
      "{code=BPF_ALU64|BPF_K|BPF_MOV, dst_reg=BPF_REG_0, "
      "src_reg=BPF_REG_0, off=0, imm=0}, {code=BPF_JMP|BPF_K|BPF_EXIT, "
      "dst_reg=BPF_REG_0, src_reg=BPF_REG_0, off=0, imm=0}], load_time=0 /* ";
  EXPECT_EQ(text.substr(0, head.size()), head);
  const std::string tail =
      " */, created_by_uid=0, nr_map_ids=3 => 1, map_ids=[5], name=\"p\", "
      "ifindex=0, gpl_compatible=1, netns_dev=makedev(0, 0), netns_ino=0, "
      "nr_jited_ksyms=0 => 1, nr_jited_func_lens=0 => 1, jited_ksyms=NULL, "
      "jited_func_lens=NULL, btf_id=0, func_info_rec_size=8, "
      "func_info=NULL, nr_func_info=0, nr_line_info=0, line_info=NULL, "
      "jited_line_info=NULL, nr_jited_line_info=0, "
      "line_info_rec_size=0 => 16, jited_line_info_rec_size=0, "
      "nr_prog_tags=0 => 1, prog_tags=NULL, run_time_ns=0, run_cnt=7, "
      "recursion_misses=0, verified_insns=2}}}, 16";
  ASSERT_GE(text.size(), tail.size());
  EXPECT_EQ(text.substr(text.size() - tail.size()), tail);
}

// A failed call: the info as it is (nothing shown as changed, the
// instructions and ids by address), the bytes past 220 as extra_data.
TEST_F(BpfInOutTest, ProgInfoFailed) {
  mem.SetFdPath(4, "anon_inode:bpf-prog");
  InfoAttr(224);
  std::vector<char> info(224, 0);
  Put32(info, 20, 8);
  Put64(info, 32, 0xb000);
  Put32(info, 52, 1);
  Put64(info, 56, 0xc000);
  info[221] = 1;
  mem.Map(0x9000, info.data(), info.size());
  const uint8_t insn[8] = {0x95};
  mem.Map(0xb000, insn, sizeof(insn));
  const std::string text = Call(15, 16, -7, [] {});
  EXPECT_NE(text.find("xlated_prog_len=8, xlated_prog_insns=0xb000, "),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("nr_map_ids=1, map_ids=0xc000, "), std::string::npos)
      << text;
  EXPECT_NE(text.find("verified_insns=0, extra_data=\"\\x00\\x01\\x00\\x00\" "
                      "/* bytes 220..223 */}}}, 16"),
            std::string::npos)
      << text;
}

// BTF objects' and links' infos: strace 6.1 shows their address; a map's
// name cut by info_len is no longer than what was read.
TEST_F(BpfInOutTest, OtherInfos) {
  InfoAttr(32);
  std::vector<char> info(80, 0);
  Put32(info, 0, 2);
  memcpy(info.data() + 24, "abcdefgh", 8);
  mem.Map(0x9000, info.data(), info.size());
  mem.SetFdPath(4, "anon_inode:btf");
  EXPECT_EQ(Call(15, 16, 0, [] {}),
            "BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4, info_len=32, "
            "info=0x9000}}, 16");
  mem.SetFdPath(4, "anon_inode:bpf_link");
  EXPECT_EQ(Call(15, 16, 0, [] {}),
            "BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4, info_len=32, "
            "info=0x9000}}, 16");
  mem.SetFdPath(4, "anon_inode:bpf-map");
  InfoAttr(28);
  EXPECT_EQ(Call(15, 16, 0, [] {}),
            "BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4, info_len=28, "
            "info={type=BPF_MAP_TYPE_ARRAY, id=0, key_size=0, value_size=0, "
            "max_entries=0, map_flags=0, name=\"abcd\"}}}, 16");
  // A name without its NUL: 15 chars and "...".
  memcpy(info.data() + 24, "abcdefghijklmnop", 16);
  mem.Map(0x9000, info.data(), info.size());
  InfoAttr(40);
  EXPECT_EQ(Call(15, 16, 0, [] {}),
            "BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4, info_len=40, "
            "info={type=BPF_MAP_TYPE_ARRAY, id=0, key_size=0, value_size=0, "
            "max_entries=0, map_flags=0, "
            "name=\"abcdefghijklmno\"...}}}, 16");
  // Past the 88 bytes of strace's structure: extra_data; more than a page:
  // the address.
  info.assign(4097, 0);
  Put32(info, 0, 2);
  info[88] = 1;
  mem.Map(0x9000, info.data(), info.size());
  InfoAttr(90);
  EXPECT_EQ(Call(15, 16, -7, [] {}),
            "BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4, info_len=90, "
            "info={type=BPF_MAP_TYPE_ARRAY, id=0, key_size=0, value_size=0, "
            "max_entries=0, map_flags=0, name=\"\", ifindex=0, "
            "btf_vmlinux_value_type_id=0, netns_dev=makedev(0, 0), "
            "netns_ino=0, btf_id=0, btf_key_type_id=0, btf_value_type_id=0, "
            "extra_data=\"\\x01\\x00\" /* bytes 88..89 */}}}, 16");
  InfoAttr(4097);
  EXPECT_EQ(Call(15, 16, -7, [] {}),
            "BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4, info_len=4097, "
            "info=0x9000}}, 16");
  mem.SetFdPath(4, "anon_inode:bpf-prog");
  EXPECT_EQ(Call(15, 16, -7, [] {}),
            "BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=4, info_len=4097, "
            "info=0x9000}}, 16");
  // -X raw: the command's number.
  opts.xlat_style = XlatStyle::kRaw;
  mem.SetFdPath(4, "anon_inode:btf");
  EXPECT_EQ(Call(15, 16, 0, [] {}),
            "0xf, {info={bpf_fd=4, info_len=4097, info=0x9000}}, 16");
}

// -X: an eBPF program's codes and registers, kern_version, interface
// indexes as numbers (raw) or numbers and names (verbose).
TEST_F(BpfInOutTest, ProgLoadXlatStyles) {
  const uint8_t insns[2][8] = {{0xb7, 0x01, 0, 0, 0, 0, 0, 0},
                               {0x95, 0, 0, 0, 0, 0, 0, 0}};
  mem.Map(0x3000, insns, sizeof insns);
  std::vector<char> load(48, 0);
  Put32(load, 0, 1);
  Put32(load, 4, 2);
  Put64(load, 8, 0x3000);
  Put32(load, 40, 0x050a03);
  Put32(load, 44, 0);
  mem.Map(0x4000, load.data(), load.size());
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Text("bpf", {5, 0x4000, 44}, -22),
            "0x5, {prog_type=0x1, insn_cnt=2, insns=[{code=0x7|0|0xb0, "
            "dst_reg=0x1, src_reg=0, off=0, imm=0}, {code=0x5|0|0x90, "
            "dst_reg=0, src_reg=0, off=0, imm=0}], license=NULL, "
            "log_level=0, log_size=0, log_buf=NULL, kern_version=0x50a03}, "
            "44");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("bpf", {5, 0x4000, 44}, -22),
            "0x5 /* BPF_PROG_LOAD */, {prog_type=0x1 /* "
            "BPF_PROG_TYPE_SOCKET_FILTER */, insn_cnt=2, insns=[{code=0x7 /* "
            "BPF_ALU64 */|0 /* BPF_K */|0xb0 /* BPF_MOV */, dst_reg=0x1 /* "
            "BPF_REG_1 */, src_reg=0 /* BPF_REG_0 */, off=0, imm=0}, "
            "{code=0x5 /* BPF_JMP */|0 /* BPF_K */|0x90 /* BPF_EXIT */, "
            "dst_reg=0 /* BPF_REG_0 */, src_reg=0 /* BPF_REG_0 */, off=0, "
            "imm=0}], license=NULL, log_level=0, log_size=0, log_buf=NULL, "
            "kern_version=0x50a03 /* KERNEL_VERSION(5, 10, 3) */}, 44");
}

// TASK_FD_QUERY: what the kernel wrote back, also when the call failed
// (ENOSPC: the length needed, the name cut).
TEST_F(BpfInOutTest, TaskFdQuery) {
  uint32_t attr[12] = {77, 7, 0, 64, 0xa000, 0};
  mem.Map(0x8000, attr, sizeof(attr));
  char name[64] = {};
  mem.Map(0xa000, name, sizeof(name));
  const auto written = [&](uint32_t len, const char* text) {
    return [&, len, text] {
      attr[3] = len;
      attr[6] = 312;  // prog_id
      attr[7] = 0;    // BPF_FD_TYPE_RAW_TRACEPOINT
      mem.Map(0x8000, attr, sizeof(attr));
      strncpy(name, text, sizeof(name));
      mem.Map(0xa000, name, sizeof(name));
    };
  };
  EXPECT_EQ(Call(20, 48, 0, written(9, "sys_enter")),
            "BPF_TASK_FD_QUERY, {task_fd_query={pid=77, fd=7, flags=0, "
            "buf_len=64 => 9, buf=\"sys_enter\"..., prog_id=312, "
            "fd_type=BPF_FD_TYPE_RAW_TRACEPOINT, probe_offset=0, "
            "probe_addr=0}}, 48");
  attr[3] = 4;
  mem.Map(0x8000, attr, sizeof(attr));
  EXPECT_EQ(Call(20, 48, -28, written(9, "sys")),
            "BPF_TASK_FD_QUERY, {task_fd_query={pid=77, fd=7, flags=0, "
            "buf_len=4 => 9, buf=\"sys\", prog_id=312, "
            "fd_type=BPF_FD_TYPE_RAW_TRACEPOINT, probe_offset=0, "
            "probe_addr=0}}, 48");
  // Nothing written (EBADF): the attributes as given; 40 bytes: no
  // probe_addr read.
  uint32_t given[12] = {77, 99, 0, 64, 0, 0, 5, 2, 3, 0, 4, 0};
  mem.Map(0x8000, given, sizeof(given));
  EXPECT_EQ(Call(20, 40, -9, [] {}),
            "BPF_TASK_FD_QUERY, {task_fd_query={pid=77, fd=99, flags=0, "
            "buf_len=64, buf=NULL, prog_id=5, fd_type=BPF_FD_TYPE_KPROBE, "
            "probe_offset=0x3, probe_addr=0}}, 40");
}

// -X raw / verbose: key serials, KEY_REQKEY_DEFL_* and KEYCTL_REJECT's
// error are named constants like the others (strace 6.1's output).
TEST_F(DecoderTest, AdminKeysConstStyles) {
  constexpr uint64_t kUser = static_cast<uint64_t>(-4);
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Text("keyctl", {3, static_cast<uint64_t>(-2)}, -126), "0x3, -2");
  EXPECT_EQ(Text("keyctl", {14, 99}, -22), "0xe, 99");
  EXPECT_EQ(Text("keyctl", {14, kMinus1}, 0), "0xe, -1");
  EXPECT_EQ(Text("keyctl", {19, 7, 10, EKEYREJECTED, kMinus1}, -1),
            "0x13, 7, 10, 129, -1");
  EXPECT_EQ(Text("request_key", {0, 0, 0, static_cast<uint64_t>(-8)}, -14),
            "NULL, NULL, NULL, -8");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("keyctl", {6, kUser, 0, 10}, 32),
            "0x6 /* KEYCTL_DESCRIBE */, -4 /* KEY_SPEC_USER_KEYRING */, NULL, "
            "10");
  EXPECT_EQ(Text("keyctl", {14, kMinus1}, 0),
            "0xe /* KEYCTL_SET_REQKEY_KEYRING */, "
            "-1 /* KEY_REQKEY_DEFL_NO_CHANGE */");
  EXPECT_EQ(
      Text("keyctl", {14, 99}, -22),
      "0xe /* KEYCTL_SET_REQKEY_KEYRING */, 99 /* KEY_REQKEY_DEFL_??? */");
  EXPECT_EQ(Text("keyctl", {19, 7, 10, EKEYREJECTED, kMinus1}, -1),
            "0x13 /* KEYCTL_REJECT */, 7, 10, 129 /* EKEYREJECTED */, "
            "-1 /* KEY_SPEC_THREAD_KEYRING */");
}

// KEYCTL_DH_COMPUTE's KDF parameters are read with -e verbose=none too
// (the DH parameters are not); spare words are cut at -s elements.
TEST_F(DecoderTest, AdminKeysKdfNotVerboseAndShortArrays) {
  mem.MapString(0x2000, "sha256");
  uint64_t kdf[7] = {0x2000, 0x3000, 0, 0x700000000ull, 0, 0, 0};
  mem.Map(0x4000, kdf, sizeof kdf);
  const int32_t dh[3] = {1, 2, 3};
  mem.Map(0x5000, dh, sizeof dh);
  opts.verbose_set = SyscallFilter::None();
  EXPECT_EQ(Text("keyctl", {23, 0x5000, 0x6000, 16, 0x4000}, -95),
            "KEYCTL_DH_COMPUTE, 0x5000, 0x6000, 16, {hashname=\"sha256\", "
            "otherinfo=0x3000, otherinfolen=0, __spare=[0, 0, 0x7, 0, 0, 0, "
            "0, 0]}");
  EXPECT_EQ(Text("keyctl", {23, 0x5000, 0x6000, 16, 0x9000}, -95),
            "KEYCTL_DH_COMPUTE, 0x5000, 0x6000, 16, 0x9000");
  opts.verbose_set = SyscallFilter::All();
  opts.string_limit = 4;
  EXPECT_EQ(Text("keyctl", {23, 0x5000, 0x6000, 16, 0x4000}, -95),
            "KEYCTL_DH_COMPUTE, {private=1, prime=2, base=3}, 0x6000, 16, "
            "{hashname=\"sha2\"..., otherinfo=0x3000, otherinfolen=0, "
            "__spare=[0, 0, 0x7, 0, ...]}");
  opts.string_limit = 0;
  EXPECT_EQ(Text("keyctl", {23, 0x5000, 0x6000, 16, 0x4000}, -95),
            "KEYCTL_DH_COMPUTE, {private=1, prime=2, base=3}, 0x6000, 16, "
            "{hashname=\"\"..., otherinfo=0x3000, otherinfolen=0, "
            "__spare=[...]}");
  opts.verbose = true;  // -v: no array is cut
  EXPECT_EQ(Text("keyctl", {23, 0x5000, 0x6000, 16, 0x4000}, -95),
            "KEYCTL_DH_COMPUTE, {private=1, prime=2, base=3}, 0x6000, 16, "
            "{hashname=\"\"..., otherinfo=0x3000, otherinfolen=0, "
            "__spare=[0, 0, 0x7, 0, 0, 0, 0, 0]}");
}

// -s N cuts arrays of a few elements decoders print from a struct read
// whole (strace's print_local_array): pipe's fds, f_fsid, utimensat's and
// utimes' times, SCM_RIGHTS fds, sysinfo's loads; a buffer is read one byte
// past -s, so that an unreadable one shows as its address even with -s 0.
TEST_F(DecoderTest, StringLimitCutsSmallArrays) {
  setenv("TZ", "UTC", 1);
  tzset();
  int32_t fds[2] = {3, 4};
  mem.Map(0x1000, fds, sizeof(fds));
  int64_t times[4] = {1, 2, 3, 4};
  mem.Map(0x2000, times, sizeof(times));
  mem.MapString(0x3000, "f");
  opts.string_limit = 0;
  EXPECT_EQ(Text("pipe2", {0x1000, 0}), "[...], 0");
  EXPECT_EQ(Text("utimensat", {kAtFdcwd, 0x3000, 0x2000, 0}),
            "AT_FDCWD, \"f\", [...], 0");
  EXPECT_EQ(Text("utimes", {0x3000, 0x2000}), "\"f\", [...]");
  EXPECT_EQ(Text("write", {1, 0x3000, 1}, 1), "1, \"\"..., 1");
  EXPECT_EQ(Text("write", {1, 0x9000, 4}, -14), "1, 0x9000, 4");
  opts.string_limit = 1;
  EXPECT_EQ(Text("pipe", {0x1000}), "[3, ...]");
  EXPECT_EQ(Text("utimensat", {kAtFdcwd, 0, 0x2000, 0}),
            "AT_FDCWD, NULL, [{tv_sec=1, tv_nsec=2} /* "
            "1970-01-01T00:00:01.000000002+0000 */, ...], 0");
  EXPECT_EQ(Text("futimesat", {kAtFdcwd, 0, 0x2000}),
            "AT_FDCWD, NULL, [{tv_sec=1, tv_usec=2} /* "
            "1970-01-01T00:00:01.000002+0000 */, ...]");
  struct sysinfo si = {};
  si.uptime = 5;
  si.loads[0] = 1;
  si.loads[1] = 2;
  si.loads[2] = 3;
  si.mem_unit = 1;
  mem.Map(0x4000, &si, sizeof si);
  EXPECT_EQ(Text("sysinfo", {0x4000}),
            "{uptime=5, loads=[1, ...], totalram=0, freeram=0, sharedram=0, "
            "bufferram=0, totalswap=0, freeswap=0, procs=0, totalhigh=0, "
            "freehigh=0, mem_unit=1}");
  opts.verbose = true;
  EXPECT_EQ(Text("pipe", {0x1000}), "[3, 4]");
}

// i386: 32-bit pointers in struct sock_fprog and the KDF parameters.
// quotactl: QCMD(cmd, type) in each -X style, the arguments each command
// takes, a structure read at entry (set) and at exit (get).
TEST_F(DecoderTest, AdminQuotactl) {
  mem.MapString(0x1000, "/dev/sda1");
  EXPECT_EQ(Text("quotactl", {0x80000101, 0x1000, 5, 6}, -2),
            "QCMD(Q_SYNC, GRPQUOTA), \"/dev/sda1\"");
  EXPECT_EQ(Text("quotactl", {0x123456, 0x1000, 0xffffffff, 0}, -22),
            "QCMD(0x1234 /* Q_??? */, 0x56 /* ???QUOTA */), \"/dev/sda1\", "
            "-1, NULL");
  EXPECT_EQ(Text("quotactl", {0x80000200, 0x1000, 0x4d, 0}, -2),
            "QCMD(Q_QUOTAON, USRQUOTA), \"/dev/sda1\", "
            "0x4d /* QFMT_VFS_??? */, NULL");
  const uint64_t dqinfo[3] = {10, 20, 0x0000000700000001ull};
  mem.Map(0x2000, dqinfo, sizeof(dqinfo));
  EXPECT_EQ(Text("quotactl", {0x80000600, 0x1000, 0, 0x2000}, 0),
            "QCMD(Q_SETINFO, USRQUOTA), \"/dev/sda1\", {dqi_bgrace=10, "
            "dqi_igrace=20, dqi_flags=DQF_ROOT_SQUASH, "
            "dqi_valid=IIF_BGRACE|IIF_IGRACE|IIF_FLAGS}");
  EXPECT_EQ(Text("quotactl", {0x80000500, 0x1000, 0, 0x2000}, -2),
            "QCMD(Q_GETINFO, USRQUOTA), \"/dev/sda1\", 0x2000");
  const uint32_t fmt = 4;
  mem.Map(0x3000, &fmt, sizeof(fmt));
  EXPECT_EQ(Text("quotactl_fd", {3, 0x80000400, 0, 0x3000}, 0),
            "3, QCMD(Q_GETFMT, USRQUOTA), [QFMT_VFS_V1]");
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Text("quotactl_fd", {3, 0x80000400, 0, 0x3000}, 0),
            "3, 2147484672, [0x4]");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("quotactl", {0x90000001, 0x1000, 0, 0}, -2),
            "2415919105 /* QCMD(0x900000 /* Q_??? */, GRPQUOTA) */, "
            "\"/dev/sda1\", 0, NULL");
}

// kexec_load's flags: the architecture, then "|" and the other flags
// when any (each part in the -X style); ioperm, iopl, uselib.
TEST_F(DecoderTest, AdminKexecIoports) {
  EXPECT_EQ(Text("kexec_load", {0, 0, 0, 0}, -1),
            "NULL, 0, NULL, KEXEC_ARCH_DEFAULT");
  EXPECT_EQ(Text("kexec_load", {0x1000, 17, 0x2000, (62u << 16) | 0x41}, -22),
            "0x1000, 17, 0x2000, KEXEC_ARCH_X86_64|KEXEC_ON_CRASH|0x40");
  EXPECT_EQ(Text("kexec_load", {0, 0, 0, 0xffff0000}, -22),
            "NULL, 0, NULL, 0xffff0000 /* KEXEC_ARCH_??? */");
  EXPECT_EQ(Text("ioperm", {0x80, 1, 1}, -1), "0x80, 0x1, 1");
  EXPECT_EQ(Text("iopl", {kMinus1}, -22), "-1");
  EXPECT_EQ(Text("uselib", {0}, -14), "NULL");
  opts.xlat_style = XlatStyle::kRaw;
  EXPECT_EQ(Text("kexec_load", {0, 0, 0, 2}, -22), "NULL, 0, NULL, 0|0x2");
  opts.xlat_style = XlatStyle::kVerbose;
  EXPECT_EQ(Text("kexec_load", {0, 0, 0, 2}, -22),
            "NULL, 0, NULL, 0 /* KEXEC_ARCH_DEFAULT */|0x2 /* "
            "KEXEC_PRESERVE_CONTEXT */");
}

TEST_F(DecoderTest, AdminI386) {
  const uint32_t prog[2] = {3, 0x8000};
  mem.Map(0x1000, prog, sizeof prog);
  EXPECT_EQ(Decode("seccomp", {1, 0, 0x1000}, 0, kArchI386).all(),
            "SECCOMP_SET_MODE_FILTER, 0, {len=3, filter=0x8000}");
  mem.MapString(0x2000, "sha256");
  uint32_t kdf[11] = {0x2000, 0x3000, 0};
  mem.Map(0x4000, kdf, sizeof kdf);
  const int32_t dh[3] = {1, 2, 3};
  mem.Map(0x5000, dh, sizeof dh);
  EXPECT_EQ(
      Decode("keyctl", {23, 0x5000, 0x6000, 8, 0x4000}, -95, kArchI386).all(),
      "KEYCTL_DH_COMPUTE, {private=1, prime=2, base=3}, 0x6000, 8, "
      "{hashname=\"sha256\", otherinfo=0x3000, otherinfolen=0}");
  EXPECT_EQ(Decode("setns", {0xffffffff, 0x40000000}, -9, kArchI386).all(),
            "-1, CLONE_NEWNET");
}

}  // namespace
}  // namespace ttrace
