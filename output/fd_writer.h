// FdWriter: a ByteSink that buffers bytes and writes them to a file
// descriptor in large batches.
//
// Usage:
//   FdWriter out(STDERR_FILENO, /*owns_fd=*/false);
//   out.Append("hello\n");
//   absl::Status s = out.Flush();  // e.g. "write: No space left on device"
#ifndef TTRACE_OUTPUT_FD_WRITER_H_
#define TTRACE_OUTPUT_FD_WRITER_H_

#include <functional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "output/byte_sink.h"

namespace ttrace {

class FdWriter : public ByteSink {
 public:
  // Buffers up to `capacity` bytes before writing on its own.
  FdWriter(int fd, bool owns_fd, size_t capacity = 64 * 1024);
  ~FdWriter() override;
  FdWriter(const FdWriter&) = delete;
  FdWriter& operator=(const FdWriter&) = delete;

  void Append(std::string_view bytes) override;
  absl::Status Flush() override;
  // Flushes, then closes the descriptor if owned (a reader of a pipe then
  // sees its end). Later appends are discarded.
  absl::Status Close();

  // Called when the buffer goes from empty to non-empty: the owner can arm a
  // timer so that buffered bytes never wait long (see cli/flush_timer.h).
  void set_on_first_byte(std::function<void()> f) {
    on_first_byte_ = std::move(f);
  }
  // Asked when a write is interrupted by a signal (EINTR): true gives it
  // up, and the writer fails with "Interrupted system call" (as strace's
  // output does), instead of retrying. Lets a Ctrl-C end a write that a
  // reader who stopped reading would block for ever.
  void set_give_up_on_interrupt(std::function<bool()> f) {
    give_up_on_interrupt_ = std::move(f);
  }
  bool empty() const { return buf_.empty(); }
  // How many Appends there have been: lets the owner tell whether output is
  // still flowing.
  uint64_t appends() const { return appends_; }
  int fd() const { return fd_; }

 private:
  void WriteOut();

  int fd_;
  bool owns_fd_;
  size_t capacity_;
  std::string buf_;
  uint64_t appends_ = 0;
  absl::Status status_;
  std::function<void()> on_first_byte_;
  std::function<bool()> give_up_on_interrupt_;
};

}  // namespace ttrace

#endif  // TTRACE_OUTPUT_FD_WRITER_H_
