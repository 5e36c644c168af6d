// ttrace's own exit statuses (besides the traced command's: its exit code;
// when the command is killed by signal N, ttrace dies of signal N too).
// Documented in `ttrace -h`/README.md.
#ifndef TTRACE_CLI_EXIT_CODES_H_
#define TTRACE_CLI_EXIT_CODES_H_

namespace ttrace {

inline constexpr int kExitFailure = 1;           // unexpected system error
inline constexpr int kExitUsage = 2;             // bad option or filter
inline constexpr int kExitNoSuchProcess = 3;     // -p: no such process
inline constexpr int kExitPermissionDenied = 4;  // -p: ptrace not permitted
inline constexpr int kExitOutput = 5;            // cannot open/write output
inline constexpr int kExitTruncatedTrace = 6;    // --decode: cut short
inline constexpr int kExitCorruptTrace = 7;      // --decode: corrupt
inline constexpr int kExitTraceUnreadable = 8;   // --decode: cannot read it
inline constexpr int kExitNotExecutable = 126;   // command not executable
inline constexpr int kExitNotFound = 127;        // command not found

}  // namespace ttrace

#endif  // TTRACE_CLI_EXIT_CODES_H_
