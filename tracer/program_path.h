// Finds the program to run for a command name, as execvp(3) would.
#ifndef TTRACE_TRACER_PROGRAM_PATH_H_
#define TTRACE_TRACER_PROGRAM_PATH_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace ttrace {

// A name containing '/' is used as is; otherwise each directory of
// `path_env` (colon-separated; an empty entry means the current directory)
// is tried in order. Errors: NotFound when nothing by that name exists;
// PermissionDenied when it exists but is a directory or not executable.
absl::StatusOr<std::string> FindProgram(absl::string_view name,
                                        absl::string_view path_env);

}  // namespace ttrace

#endif  // TTRACE_TRACER_PROGRAM_PATH_H_
