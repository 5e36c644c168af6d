// Tests for FdWriter: batching (observed through a non-blocking pipe), the
// on_first_byte hook, and sticky write errors (/dev/full, a closed pipe).
#include "output/fd_writer.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <string>

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace ttrace {
namespace {

class Pipe {
 public:
  Pipe() {
    int fds[2];
    if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) == 0) {
      read_fd_ = fds[0];
      write_fd_ = fds[1];
    }
  }
  ~Pipe() {
    CloseRead();
    if (write_fd_ >= 0) close(write_fd_);
  }
  bool ok() const { return read_fd_ >= 0; }
  int read_fd() const { return read_fd_; }
  int write_fd() const { return write_fd_; }
  void CloseRead() {
    if (read_fd_ >= 0) close(read_fd_);
    read_fd_ = -1;
  }
  // Everything readable right now (the pipe is non-blocking).
  std::string Drain() {
    std::string out;
    char buf[4096];
    for (;;) {
      ssize_t n = read(read_fd_, buf, sizeof buf);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }

 private:
  int read_fd_ = -1;
  int write_fd_ = -1;
};

TEST(FdWriterTest, NothingWrittenUntilFlush) {
  Pipe p;
  ASSERT_TRUE(p.ok());
  FdWriter w(p.write_fd(), /*owns_fd=*/false, /*capacity=*/1024);
  w.Append("hello ");
  w.Append("world\n");
  EXPECT_FALSE(w.empty());
  EXPECT_EQ(p.Drain(), "");
  ASSERT_TRUE(w.Flush().ok());
  EXPECT_TRUE(w.empty());
  EXPECT_EQ(p.Drain(), "hello world\n");
  // A flush with nothing buffered writes nothing.
  ASSERT_TRUE(w.Flush().ok());
  EXPECT_EQ(p.Drain(), "");
}

TEST(FdWriterTest, WritesOnItsOwnWhenCapacityIsReached) {
  Pipe p;
  ASSERT_TRUE(p.ok());
  FdWriter w(p.write_fd(), /*owns_fd=*/false, /*capacity=*/8);
  w.Append("1234567");
  EXPECT_EQ(p.Drain(), "");
  w.Append("8");  // reaches capacity
  EXPECT_EQ(p.Drain(), "12345678");
  EXPECT_TRUE(w.empty());
  // One append larger than the capacity goes out at once, whole.
  w.Append("abcdefghijklmnop");
  EXPECT_EQ(p.Drain(), "abcdefghijklmnop");
  w.Append("x");
  EXPECT_EQ(p.Drain(), "");
  ASSERT_TRUE(w.Flush().ok());
  EXPECT_EQ(p.Drain(), "x");
}

TEST(FdWriterTest, DestructorWritesOutAndClosesOwnedFd) {
  Pipe p;
  ASSERT_TRUE(p.ok());
  const int dup_fd = dup(p.write_fd());
  ASSERT_GE(dup_fd, 0);
  {
    FdWriter w(dup_fd, /*owns_fd=*/true, /*capacity=*/1024);
    w.Append("bye\n");
    EXPECT_EQ(p.Drain(), "");
  }
  EXPECT_EQ(p.Drain(), "bye\n");
  EXPECT_EQ(fcntl(dup_fd, F_GETFD), -1);  // closed
  EXPECT_EQ(errno, EBADF);
}

TEST(FdWriterTest, DestructorLeavesUnownedFdOpen) {
  Pipe p;
  ASSERT_TRUE(p.ok());
  { FdWriter w(p.write_fd(), /*owns_fd=*/false); }
  EXPECT_NE(fcntl(p.write_fd(), F_GETFD), -1);
}

TEST(FdWriterTest, OnFirstByteOncePerEmptyToNonEmpty) {
  Pipe p;
  ASSERT_TRUE(p.ok());
  FdWriter w(p.write_fd(), /*owns_fd=*/false, /*capacity=*/8);
  int calls = 0;
  w.set_on_first_byte([&] { ++calls; });
  w.Append("a");
  EXPECT_EQ(calls, 1);
  w.Append("b");
  w.Append("c");
  EXPECT_EQ(calls, 1);
  ASSERT_TRUE(w.Flush().ok());
  EXPECT_EQ(calls, 1);
  w.Append("d");
  EXPECT_EQ(calls, 2);
  w.Append("efghijk");  // reaches capacity: written, empty again
  EXPECT_TRUE(w.empty());
  EXPECT_EQ(calls, 2);
  w.Append("l");
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(p.Drain(), "abcdefghijk");
}

// Append("") leaves the buffer empty: it is not a first byte.
TEST(FdWriterTest, EmptyAppendIsNotAFirstByte) {
  Pipe p;
  ASSERT_TRUE(p.ok());
  FdWriter w(p.write_fd(), /*owns_fd=*/false);
  int calls = 0;
  w.set_on_first_byte([&] { ++calls; });
  w.Append("");
  EXPECT_TRUE(w.empty());
  EXPECT_EQ(calls, 0);
  w.Append("x");
  EXPECT_EQ(calls, 1);
}

TEST(FdWriterTest, DevFullErrorIsReportedAndSticky) {
  int fd = open("/dev/full", O_WRONLY | O_CLOEXEC);
  if (fd < 0) GTEST_SKIP() << "no /dev/full";
  FdWriter w(fd, /*owns_fd=*/true, /*capacity=*/1024);
  int calls = 0;
  w.set_on_first_byte([&] { ++calls; });
  w.Append("data\n");
  EXPECT_EQ(calls, 1);
  absl::Status s = w.Flush();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("No space left on device"),
            absl::string_view::npos)
      << s;
  // Sticky: later appends are discarded, every flush reports the same error.
  w.Append("more\n");
  EXPECT_TRUE(w.empty());
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(w.Flush(), s);
  EXPECT_EQ(w.Flush(), s);
}

TEST(FdWriterTest, DevFullErrorWhenCapacityIsReached) {
  int fd = open("/dev/full", O_WRONLY | O_CLOEXEC);
  if (fd < 0) GTEST_SKIP() << "no /dev/full";
  FdWriter w(fd, /*owns_fd=*/true, /*capacity=*/4);
  w.Append("12345");  // written out by Append itself, which fails
  absl::Status s = w.Flush();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("No space left on device"),
            absl::string_view::npos)
      << s;
}

class IgnoreSigpipe {
 public:
  IgnoreSigpipe() {
    struct sigaction sa = {};
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, &old_);
  }
  ~IgnoreSigpipe() { sigaction(SIGPIPE, &old_, nullptr); }

 private:
  struct sigaction old_;
};

TEST(FdWriterTest, ClosedPipeIsEpipe) {
  IgnoreSigpipe ignore;
  Pipe p;
  ASSERT_TRUE(p.ok());
  p.CloseRead();
  FdWriter w(p.write_fd(), /*owns_fd=*/false);
  w.Append("into the void\n");
  absl::Status s = w.Flush();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("Broken pipe"), absl::string_view::npos) << s;
  w.Append("again\n");
  EXPECT_EQ(w.Flush(), s);
}

}  // namespace
}  // namespace ttrace
