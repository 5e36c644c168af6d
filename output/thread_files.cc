#include "output/thread_files.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include <utility>
#include <variant>

#include "absl/strings/str_cat.h"

namespace ttrace {

ThreadFilesSink::ThreadFilesSink(std::string prefix, bool append,
                                 MakeFormatter make)
    : prefix_(std::move(prefix)), append_(append), make_(std::move(make)) {}

ThreadFilesSink::~ThreadFilesSink() { Close().IgnoreError(); }

ThreadFilesSink::File* ThreadFilesSink::Get(pid_t tid) {
  auto it = open_.find(tid);
  if (it != open_.end()) return it->second.get();
  if (!status_.ok()) return nullptr;
  const std::string path = absl::StrCat(prefix_, ".", tid);
  // A tid seen before in this trace was reused: keep what its earlier
  // thread wrote.
  const bool again = append_ || written_.contains(tid);
  const int fd =
      open(path.c_str(),
           O_WRONLY | O_CREAT | O_CLOEXEC | (again ? O_APPEND : O_TRUNC), 0644);
  if (fd < 0) {
    status_ = absl::UnavailableError(absl::StrCat(
        "cannot open output file '", path, "': ", strerror(errno)));
    return nullptr;
  }
  written_.insert(tid);
  auto file = std::make_unique<File>();
  file->writer = std::make_unique<FdWriter>(fd, /*owns_fd=*/true);
  if (on_first_byte_) file->writer->set_on_first_byte(on_first_byte_);
  file->formatter = make_(file->writer.get(), tid, arches_.Of(tid));
  File* f = file.get();
  open_.emplace(tid, std::move(file));
  return f;
}

void ThreadFilesSink::CloseFile(pid_t tid) {
  auto it = open_.find(tid);
  if (it == open_.end()) return;
  File& f = *it->second;
  closed_appends_ += f.writer->appends();
  absl::Status s = f.formatter->Flush();
  s.Update(f.writer->Close());
  if (status_.ok()) status_ = s;
  open_.erase(it);
}

void ThreadFilesSink::OnEvent(const Event& event) {
  if (const auto* exec = std::get_if<ExecEvent>(&event.payload);
      exec != nullptr && exec->old_tid != event.tid) {
    // The exec'ing thread's file ends its line; its tid is gone.
    if (auto it = open_.find(exec->old_tid); it != open_.end()) {
      it->second->formatter->OnEvent(event);
      CloseFile(exec->old_tid);
    }
  }
  File* f = Get(event.tid);  // made in the arch the thread had so far
  arches_.Update(event);
  const auto* exit = std::get_if<ExitEvent>(&event.payload);
  const bool gone =
      (exit != nullptr && exit->how != ExitEvent::How::kSuperseded) ||
      std::holds_alternative<DetachEvent>(event.payload);
  if (gone) arches_.Forget(event.tid);
  if (f == nullptr) return;
  f->formatter->OnEvent(event);
  if (gone) CloseFile(event.tid);
}

absl::Status ThreadFilesSink::Flush() {
  for (auto& [tid, f] : open_) {
    absl::Status s = f->formatter->Flush();
    if (status_.ok()) status_ = s;
  }
  return status_;
}

absl::Status ThreadFilesSink::Close() {
  while (!open_.empty()) CloseFile(open_.begin()->first);
  return status_;
}

bool ThreadFilesSink::empty() const {
  for (const auto& [tid, f] : open_) {
    if (!f->writer->empty()) return false;
  }
  return true;
}

uint64_t ThreadFilesSink::appends() const {
  uint64_t n = closed_appends_;
  for (const auto& [tid, f] : open_) n += f->writer->appends();
  return n;
}

}  // namespace ttrace
