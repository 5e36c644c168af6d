// ThreadFilesSink: strace's -ff. Each thread's events go to a file of its
// own, PREFIX.TID, through a formatter made for that file.
//
// Usage:
//   ThreadFilesSink files("trace", /*append=*/false,
//                         [](ByteSink* out, pid_t tid) {
//     return std::make_unique<TextFormatter>(out, TextOptions{.thread = tid});
//   });
//   tracer.Run(&files);       // trace.1234, trace.1235, ...
//   absl::Status s = files.Close();
//
// A file is opened at its thread's first event and closed after its exit
// (or detach), so only live threads hold descriptors. A tid that comes
// back (reused by the kernel) appends to its file instead of truncating
// what the earlier thread wrote. The exec of a non-leader is given to both
// files: the exec'ing thread's (which then closes: that tid is gone) and
// the leader's, whose tid it takes. A leader superseded by such an exec
// keeps its file open for the thread that takes its place.
//
// Errors (a file that cannot be opened or written) are sticky: the first
// one is returned by every later Flush and Close, and events of a thread
// whose file could not be opened are dropped.
#ifndef TTRACE_OUTPUT_THREAD_FILES_H_
#define TTRACE_OUTPUT_THREAD_FILES_H_

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "output/byte_sink.h"
#include "output/fd_writer.h"
#include "output/text_formatter.h"
#include "tracer/event.h"
#include "tracer/sink.h"

namespace ttrace {

class ThreadFilesSink : public EventSink {
 public:
  // Makes the formatter of thread `tid`'s file, writing to `out`; the
  // thread's syscalls are in `arch` until they say otherwise (its
  // creator's, see ArchTracker: TextOptions::thread_arch).
  using MakeFormatter = std::function<std::unique_ptr<EventSink>(
      ByteSink* out, pid_t tid, uint32_t arch)>;

  // append (-A): files are appended to, never truncated.
  ThreadFilesSink(std::string prefix, bool append, MakeFormatter make);
  ~ThreadFilesSink() override;
  ThreadFilesSink(const ThreadFilesSink&) = delete;
  ThreadFilesSink& operator=(const ThreadFilesSink&) = delete;

  void OnEvent(const Event& event) override;
  // Writes out every open file's buffer.
  absl::Status Flush() override;
  // Flushes and closes every open file.
  absl::Status Close();

  // As FdWriter's, over all files: called when a file's buffer goes from
  // empty to non-empty; whether every buffer is empty; appends so far.
  void set_on_first_byte(std::function<void()> f) {
    on_first_byte_ = std::move(f);
  }
  bool empty() const;
  uint64_t appends() const;

 private:
  struct File {
    std::unique_ptr<FdWriter> writer;
    std::unique_ptr<EventSink> formatter;
  };
  // The open file of `tid`, opening it if need be; null if it cannot be.
  File* Get(pid_t tid);
  void CloseFile(pid_t tid);

  std::string prefix_;
  bool append_;
  MakeFormatter make_;
  ArchTracker arches_;
  absl::flat_hash_map<pid_t, std::unique_ptr<File>> open_;
  absl::flat_hash_set<pid_t> written_;  // tids whose file exists
  std::function<void()> on_first_byte_;
  uint64_t closed_appends_ = 0;  // appends to files closed since
  absl::Status status_;
};

}  // namespace ttrace

#endif  // TTRACE_OUTPUT_THREAD_FILES_H_
