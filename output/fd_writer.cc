#include "output/fd_writer.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "absl/strings/str_cat.h"

namespace ttrace {

FdWriter::FdWriter(int fd, bool owns_fd, size_t capacity)
    : fd_(fd), owns_fd_(owns_fd), capacity_(capacity) {
  buf_.reserve(capacity_);
}

FdWriter::~FdWriter() { Close().IgnoreError(); }

absl::Status FdWriter::Close() {
  WriteOut();
  if (owns_fd_ && fd_ >= 0) close(fd_);
  owns_fd_ = false;
  if (status_.ok()) {
    status_ = absl::Status(absl::StatusCode::kFailedPrecondition, "closed");
    return absl::OkStatus();
  }
  return status_;
}

void FdWriter::Append(std::string_view bytes) {
  if (!status_.ok() || bytes.empty()) return;
  ++appends_;
  if (buf_.empty() && on_first_byte_) on_first_byte_();
  buf_.append(bytes);
  if (buf_.size() >= capacity_) WriteOut();
}

absl::Status FdWriter::Flush() {
  WriteOut();
  return status_;
}

void FdWriter::WriteOut() {
  size_t done = 0;
  while (status_.ok() && done < buf_.size()) {
    ssize_t n = write(fd_, buf_.data() + done, buf_.size() - done);
    if (n < 0) {
      if (errno == EINTR &&
          !(give_up_on_interrupt_ && give_up_on_interrupt_())) {
        continue;
      }
      status_ = absl::Status(absl::StatusCode::kUnavailable,
                             absl::StrCat("write error: ", strerror(errno)));
      break;
    }
    done += static_cast<size_t>(n);
  }
  buf_.clear();
}

}  // namespace ttrace
