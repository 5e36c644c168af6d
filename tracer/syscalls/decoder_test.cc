// Expected strings are strace 6.1's output for the same calls (made by a
// test program under `strace -f`, `-v`, `-y` and `-s N` on this machine),
// with the tracee's addresses replaced by the fake ones used here.
#include "tracer/syscalls/decoder.h"

#include <fcntl.h>
#include <linux/stat.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <termios.h>

#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tracer/syscalls/memory.h"
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
  EXPECT_EQ(Text("pidfd_getfd", {1, 2, 3}, -22), "0x1, 0x2, 0x3");
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
            "5, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP} | "
            "PTRACE_EVENT_CLONE << 16], __WALL, NULL");
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
}

TEST_F(DecoderTest, Ioctl) {
  EXPECT_EQ(Text("ioctl", {3, 0x5451}), "3, FIOCLEX");
  EXPECT_EQ(Text("ioctl", {3, 0x5450}), "3, FIONCLEX");
  int32_t zero = 0;
  mem.Map(0x1000, &zero, 4);
  Result r = Decode("ioctl", {3, 0x541B, 0x1000}, 0);
  EXPECT_EQ(r.enter, "3, FIONREAD, ");
  EXPECT_EQ(r.exit, "[0]");
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

  uint16_t ws[4] = {24, 80, 0, 0};
  mem.Map(0x2000, ws, sizeof(ws));
  EXPECT_EQ(Text("ioctl", {5, 0x5413, 0x2000}),
            "5, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}");
  r = Decode("ioctl", {5, 0x5414, 0x2000}, 0);
  EXPECT_EQ(r.enter,
            "5, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}");
  EXPECT_EQ(r.exit, "");
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
  EXPECT_EQ(r.enter, "5, TCGETS, ");
  EXPECT_EQ(r.exit, flags + ", ...}");
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
  EXPECT_EQ(Text("fcntl", {3, 1234, 0x7f01ae05e829}, -22),
            "3, 0x4d2 /* F_??? */, 0x7f01ae05e829");
  EXPECT_EQ(Text("fcntl", {9, F_SETOWN, 5}), "9, F_SETOWN, 5");
  EXPECT_EQ(Text("fcntl", {9, F_GETOWN}, 5), "9, F_GETOWN");
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
  mem.Map(0x2000, "ping");
  EXPECT_EQ(Text("sendto", {16, 0x2000, 4, 0, 0, 0}, 4),
            "16<socket:[137635]>, \"ping\", 4, 0, NULL, 0");
  r = Decode("fcntl", {3, F_DUPFD_CLOEXEC, 10}, 3);
  EXPECT_EQ(r.suffix, "</etc/passwd>");
  r = Decode("socket", {1, 2, 0}, 16);
  EXPECT_EQ(r.all(), "0x1, 0x2, 0");
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
  // No i386 struct stat decoding: generic.
  EXPECT_EQ(Decode("stat64", {0x1000, 0x7000}, 0, k32).all(), "0x1000, 0x7000");
  EXPECT_EQ(Decode("waitpid", {0xffffffff, 0x7000, 1}, 0, k32).all(),
            "0xffffffff, 0x7000, 0x1");
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

}  // namespace
}  // namespace ttrace
