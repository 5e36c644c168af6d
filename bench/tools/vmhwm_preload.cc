// vmhwm_preload.so: measures a tracer's own peak RSS (VmHWM) exactly.
//
// /usr/bin/time's %M cannot: the rusage of a waited-for process includes the
// peak of the descendants it reaped, i.e. of the traced program. Instead,
// compare.sh runs the tracer with
//   LD_PRELOAD=/abs/path/vmhwm_preload.so TTRACE_BENCH_HWM_FILE=/tmp/x
// This library's constructor removes both variables from the environment
// (so the traced program, started after it, neither loads it nor inherits
// them) and, at exit, writes the process's VmHWM in KiB ("12345\n") to the
// file. Nothing is written if the tracer ends in _exit or by a signal.
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace {

char g_path[4096];

void Report() {
  char buf[4096];
  const int in = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
  if (in < 0) return;
  const ssize_t n = read(in, buf, sizeof(buf) - 1);
  close(in);
  if (n <= 0) return;
  buf[n] = '\0';
  const char* line = strstr(buf, "VmHWM:");
  if (line == nullptr) return;
  line += strlen("VmHWM:");
  while (*line == ' ' || *line == '\t') ++line;
  const char* end = line;
  while (*end >= '0' && *end <= '9') ++end;
  const int out = open(g_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out < 0) return;
  char text[32];
  const size_t len = static_cast<size_t>(end - line);
  if (len + 1 < sizeof(text)) {
    memcpy(text, line, len);
    text[len] = '\n';
    (void)!write(out, text, len + 1);
  }
  close(out);
}

__attribute__((constructor)) void Init() {
  const char* path = getenv("TTRACE_BENCH_HWM_FILE");
  unsetenv("LD_PRELOAD");
  if (path == nullptr || strlen(path) >= sizeof(g_path)) return;
  strcpy(g_path, path);
  unsetenv("TTRACE_BENCH_HWM_FILE");
  atexit(Report);
}

}  // namespace
