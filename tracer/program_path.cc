#include "tracer/program_path.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace ttrace {
namespace {

// 0 if `path` is an executable regular file, else an errno value.
int CheckExecutable(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return errno;
  if (S_ISDIR(st.st_mode)) return EISDIR;
  if (!S_ISREG(st.st_mode) || access(path.c_str(), X_OK) != 0) return EACCES;
  return 0;
}

absl::Status ErrorFor(absl::string_view name, int err) {
  std::string msg = absl::StrCat("cannot run '", name, "': ", strerror(err));
  if (err == ENOENT || err == ENOTDIR) return absl::NotFoundError(msg);
  return absl::PermissionDeniedError(msg);
}

}  // namespace

absl::StatusOr<std::string> FindProgram(absl::string_view name,
                                        absl::string_view path_env) {
  if (name.empty()) return ErrorFor(name, ENOENT);
  if (name.find('/') != absl::string_view::npos) {
    std::string path(name);
    if (int err = CheckExecutable(path)) return ErrorFor(name, err);
    return path;
  }
  int first_error = 0;
  for (absl::string_view dir : absl::StrSplit(path_env, ':')) {
    std::string path =
        dir.empty() ? std::string(name) : absl::StrCat(dir, "/", name);
    int err = CheckExecutable(path);
    if (err == 0) return path;
    // Like execvp: a later directory may still hold a runnable one, but if
    // none does, "permission denied" beats "not found".
    if (err != ENOENT && err != ENOTDIR && first_error == 0) first_error = err;
  }
  if (first_error != 0) return ErrorFor(name, first_error);
  return absl::NotFoundError(
      absl::StrCat("cannot run '", name, "': command not found"));
}

}  // namespace ttrace
