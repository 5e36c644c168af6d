#include "output/thread_files.h"

#include <dirent.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "output/text_formatter.h"
#include "tracer/event.h"

namespace ttrace {
namespace {

class ThreadFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = getenv("TEST_TMPDIR");
    std::string templ = absl::StrCat(tmp ? tmp : "/tmp", "/ffXXXXXX");
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    dir_ = templ;
    prefix_ = dir_ + "/trace";
  }

  // The -ff sink as the CLI makes it: text, a formatter per thread.
  std::unique_ptr<ThreadFilesSink> Sink() {
    return std::make_unique<ThreadFilesSink>(
        prefix_, append_, [](ByteSink* out, pid_t tid, uint32_t arch) {
          return std::make_unique<TextFormatter>(
              out, TextOptions{.thread = tid, .thread_arch = arch});
        });
  }

  std::string Read(pid_t tid) {
    std::ifstream in(absl::StrCat(prefix_, ".", tid));
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  int Files() {
    int n = 0;
    DIR* d = opendir(dir_.c_str());
    while (dirent* e = readdir(d)) n += e->d_name[0] != '.';
    closedir(d);
    return n;
  }

  static int OpenFds() {
    int n = 0;
    DIR* d = opendir("/proc/self/fd");
    while (dirent* e = readdir(d)) n += e->d_name[0] != '.';
    closedir(d);
    return n;
  }

  Event Ev(pid_t pid, pid_t tid, EventPayload p) {
    return Event{seq_++, ts_ += 1000, pid, tid, std::move(p)};
  }
  static SyscallEvent Call(const char* name, std::string enter,
                           std::string exit, int64_t ret, bool split) {
    SyscallEvent s;
    s.name = name;
    s.args_enter = std::move(enter);
    s.args_exit = std::move(exit);
    s.ret = ret;
    s.split = split;
    return s;
  }

  std::string dir_;
  std::string prefix_;
  bool append_ = false;
  uint64_t seq_ = 0;
  int64_t ts_ = 1795717816000000000;
};

TEST_F(ThreadFilesTest, EachThreadHasItsFileWithWholeLines) {
  auto sink = Sink();
  sink->OnEvent(Ev(100, 100, CloneEvent{101, CloneKind::kThread}));
  // 100's read is split by 101's line: each file still has it whole.
  sink->OnEvent(Ev(100, 100, SyscallEnterEvent{0, kArchX86_64, "read", "3, "}));
  sink->OnEvent(Ev(100, 101, Call("getpid", "", "", 100, false)));
  sink->OnEvent(Ev(100, 100, Call("read", "3, ", "\"ab\", 4", 2, true)));
  sink->OnEvent(Ev(100, 101, ExitEvent{.code = 0}));
  sink->OnEvent(Ev(100, 100, ExitEvent{.code = 7}));
  ASSERT_TRUE(sink->Close().ok());
  EXPECT_EQ(Read(100),
            "+++ created thread 101 +++\n"
            "read(3, \"ab\", 4)                        = 2\n"
            "+++ exited with 7 +++\n");
  EXPECT_EQ(Read(101),
            "getpid()                                = 100\n"
            "+++ exited with 0 +++\n");
  EXPECT_EQ(Files(), 2);
}

// A fork whose child's events come before the parent's return: the
// "created" line first, then the whole clone line (as without -ff).
TEST_F(ThreadFilesTest, EventsDuringACallPrintBeforeItsWholeLine) {
  auto sink = Sink();
  sink->OnEvent(Ev(600, 600,
                   SyscallEnterEvent{56, kArchX86_64, "clone",
                                     "child_stack=NULL, flags=SIGCHLD"}));
  sink->OnEvent(Ev(600, 600, CloneEvent{601, CloneKind::kProcess}));
  sink->OnEvent(Ev(601, 601, Call("getpid", "", "", 601, false)));
  sink->OnEvent(Ev(600, 600,
                   Call("clone", "child_stack=NULL, flags=SIGCHLD",
                        ", child_tidptr=0x7f58", 601, true)));
  ASSERT_TRUE(sink->Close().ok());
  EXPECT_EQ(Read(600),
            "+++ created process 601 +++\n"
            "clone(child_stack=NULL, flags=SIGCHLD, child_tidptr=0x7f58) = "
            "601\n");
  EXPECT_EQ(Read(601), "getpid()                                = 601\n");
}

// strace -ff on tests/tracees/execs exec_nonleader: the exec'ing thread's
// file ends "<pid changed to ...>", the leader's file has the rest.
TEST_F(ThreadFilesTest, NonLeaderExecSplitsTheCallAcrossFilesAsStrace) {
  auto sink = Sink();
  sink->OnEvent(Ev(200, 200, CloneEvent{202, CloneKind::kThread}));
  sink->OnEvent(Ev(200, 200,
                   SyscallEnterEvent{202, kArchX86_64, "futex",
                                     "0x55b4, FUTEX_WAIT, 0, NULL"}));
  sink->OnEvent(
      Ev(200, 202,
         SyscallEnterEvent{59, kArchX86_64, "execve",
                           "\"/bin/x\", [\"x\"], 0x7ffc /* 3 vars */"}));
  SyscallEvent futex =
      Call("futex", "0x55b4, FUTEX_WAIT, 0, NULL", "", 0, true);
  futex.returned = false;
  sink->OnEvent(Ev(200, 200, futex));
  sink->OnEvent(
      Ev(200, 200,
         ExitEvent{.how = ExitEvent::How::kSuperseded, .superseded_by = 202}));
  sink->OnEvent(Ev(200, 200, ExecEvent{"/bin/x", 202}));
  sink->OnEvent(Ev(
      200, 200,
      Call("execve", "\"/bin/x\", [\"x\"], 0x7ffc /* 3 vars */", "", 0, true)));
  sink->OnEvent(Ev(200, 200, ExitEvent{.code = 42}));
  ASSERT_TRUE(sink->Close().ok());
  EXPECT_EQ(Read(202),
            "execve(\"/bin/x\", [\"x\"], 0x7ffc /* 3 vars */ <pid changed to "
            "200 ...>\n");
  EXPECT_EQ(Read(200),
            "+++ created thread 202 +++\n"
            "futex(0x55b4, FUTEX_WAIT, 0, NULL)      = ?\n"
            "+++ superseded by execve in pid 202 +++\n"
            "+++ exec \"/bin/x\" (by thread 202) +++\n"
            "<... execve resumed>)                   = 0\n"
            "+++ exited with 42 +++\n");
}

TEST_F(ThreadFilesTest, FilesCloseWhenTheirThreadsEndAndReusedTidsAppend) {
  auto sink = Sink();
  const int fds = OpenFds();
  for (int round = 0; round < 3; ++round) {
    for (pid_t t = 300; t < 340; ++t) {
      sink->OnEvent(Ev(300, t, Call("getpid", "", "", round, false)));
    }
    EXPECT_EQ(OpenFds(), fds + 40);
    for (pid_t t = 300; t < 340; ++t) {
      sink->OnEvent(Ev(300, t, ExitEvent{.code = round}));
    }
    EXPECT_EQ(OpenFds(), fds);  // nothing held for threads that are gone
  }
  EXPECT_TRUE(sink->empty());
  EXPECT_EQ(sink->appends(), 3u * 40u * 2u);
  ASSERT_TRUE(sink->Close().ok());
  EXPECT_EQ(Files(), 40);
  EXPECT_EQ(Read(317),
            "getpid()                                = 0\n"
            "+++ exited with 0 +++\n"
            "getpid()                                = 1\n"
            "+++ exited with 1 +++\n"
            "getpid()                                = 2\n"
            "+++ exited with 2 +++\n");
}

TEST_F(ThreadFilesTest, AppendModeKeepsWhatFilesHeld) {
  for (int run = 0; run < 2; ++run) {
    append_ = run > 0;
    auto sink = Sink();
    sink->OnEvent(Ev(700, 700, Call("getpid", "", "", run, false)));
    ASSERT_TRUE(sink->Close().ok());
  }
  EXPECT_EQ(Read(700),
            "getpid()                                = 0\n"
            "getpid()                                = 1\n");
  append_ = false;  // and without -A, a new trace starts the file afresh
  auto sink = Sink();
  sink->OnEvent(Ev(700, 700, Call("getpid", "", "", 2, false)));
  ASSERT_TRUE(sink->Close().ok());
  EXPECT_EQ(Read(700), "getpid()                                = 2\n");
}

TEST_F(ThreadFilesTest, UnopenableFileIsAStickyErrorNamingIt) {
  prefix_ = dir_ + "/no/such/dir/trace";
  auto sink = Sink();
  sink->OnEvent(Ev(400, 400, Call("getpid", "", "", 400, false)));
  sink->OnEvent(Ev(400, 401, Call("getpid", "", "", 400, false)));
  const absl::Status s = sink->Flush();
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), absl::StrCat("cannot open output file '", prefix_,
                                      ".400': No such file or directory"));
  EXPECT_EQ(sink->Close(), s);
}

TEST_F(ThreadFilesTest, BufferedBytesAreWrittenOnFlush) {
  auto sink = Sink();
  int armed = 0;
  sink->set_on_first_byte([&] { ++armed; });
  sink->OnEvent(Ev(500, 500, Call("getpid", "", "", 500, false)));
  EXPECT_EQ(armed, 1);
  EXPECT_FALSE(sink->empty());
  EXPECT_EQ(Read(500), "");
  ASSERT_TRUE(sink->Flush().ok());
  EXPECT_TRUE(sink->empty());
  EXPECT_EQ(Read(500), "getpid()                                = 500\n");
}

}  // namespace
}  // namespace ttrace
