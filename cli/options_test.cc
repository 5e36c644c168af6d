#include "cli/options.h"

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ttrace {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Parses {"ttrace", args...}. getopt_long may modify argv, so each argument
// is copied into a writable buffer that outlives the call.
absl::StatusOr<Options> Parse(const std::vector<std::string>& args) {
  std::vector<std::vector<char>> buffers;
  buffers.reserve(args.size() + 1);
  std::vector<char*> argv;
  auto add = [&](const std::string& s) {
    buffers.emplace_back(s.begin(), s.end());
    buffers.back().push_back('\0');
    argv.push_back(buffers.back().data());
  };
  add("ttrace");
  for (const std::string& a : args) add(a);
  argv.push_back(nullptr);  // argv[argc] is null, as for main
  return ParseOptions(static_cast<int>(argv.size()) - 1, argv.data());
}

// The error message of a parse that must fail with InvalidArgument.
std::string Error(const std::vector<std::string>& args) {
  absl::StatusOr<Options> r = Parse(args);
  if (r.ok()) return "<parsed OK>";
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(r.status().message());
}

TEST(ParseOptionsTest, DefaultsWithCommand) {
  absl::StatusOr<Options> r = Parse({"ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(r->command, ElementsAre("ls"));
  EXPECT_THAT(r->pids, IsEmpty());
  EXPECT_FALSE(r->follow_forks);
  EXPECT_EQ(r->output_path, "");
  EXPECT_EQ(r->format, OutputFormat::kText);
  EXPECT_EQ(r->timestamps, Timestamps::kNone);
  EXPECT_TRUE(r->trace_syscalls);  // every syscall, as strace
  EXPECT_TRUE(r->trace_filter.all());
  EXPECT_TRUE(r->signal_filter.all());
  EXPECT_TRUE(r->status_filter.all());
  EXPECT_EQ(r->string_limit, 32);
  EXPECT_EQ(r->summary, Summary::kNone);
  EXPECT_FALSE(r->help);
  EXPECT_FALSE(r->version);
}

TEST(ParseOptionsTest, OptionsStopAtCommand) {
  absl::StatusOr<Options> r = Parse({"-f", "ls", "-l", "-p", "3", "--", "x"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->follow_forks);
  EXPECT_THAT(r->command, ElementsAre("ls", "-l", "-p", "3", "--", "x"));
  EXPECT_THAT(r->pids, IsEmpty());
}

TEST(ParseOptionsTest, DoubleDashEndsOptions) {
  absl::StatusOr<Options> r = Parse({"-f", "--", "-weird", "--help"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(r->command, ElementsAre("-weird", "--help"));
  EXPECT_FALSE(r->help);
}

TEST(ParseOptionsTest, RepeatedCallsStartAfresh) {
  // A first parse that stops in the middle of a cluster must not leak into
  // the next one.
  EXPECT_EQ(Error({"-fj", "ls"}), "invalid option -- 'j'");
  absl::StatusOr<Options> r = Parse({"-t", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->follow_forks);
  EXPECT_EQ(r->timestamps, Timestamps::kTime);
  r = Parse({"ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->timestamps, Timestamps::kNone);
}

TEST(ParseOptionsTest, PidsRepeatedAndSeparated) {
  absl::StatusOr<Options> r = Parse({"-p", "1,2", "-p", "3", "-p", "4 5", "-p",
                                     "6\t7\n8", "--attach=9", "-p10"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(r->pids, ElementsAre(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
  EXPECT_THAT(r->command, IsEmpty());
}

TEST(ParseOptionsTest, PidsDeduplicatedInFirstSeenOrder) {
  absl::StatusOr<Options> r = Parse({"-p", "5,3,5", "-p", "3", "-p", "1"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(r->pids, ElementsAre(5, 3, 1));
}

TEST(ParseOptionsTest, PidsAsStraceAccepts) {
  // Like strace: a leading '+', leading zeros, the largest pid_t, one
  // trailing separator.
  absl::StatusOr<Options> r =
      Parse({"-p", "+5", "-p", "007", "-p", "2147483647", "-p", "8,"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(r->pids, ElementsAre(5, 7, 2147483647, 8));
}

TEST(ParseOptionsTest, EmptyPidListAddsNothing) {
  EXPECT_EQ(Error({"-p", ""}), "must have PROG [ARGS] or -p PID");
}

TEST(ParseOptionsTest, InvalidPids) {
  EXPECT_EQ(Error({"-p", "0"}), "Invalid process id: '0'");
  EXPECT_EQ(Error({"-p", "-1"}), "Invalid process id: '-1'");
  EXPECT_EQ(Error({"-p", "self"}), "Invalid process id: 'self'");
  EXPECT_EQ(Error({"-p", "12x"}), "Invalid process id: '12x'");
  EXPECT_EQ(Error({"-p", "0x10"}), "Invalid process id: '0x10'");
  EXPECT_EQ(Error({"-p", "+"}), "Invalid process id: '+'");
  EXPECT_EQ(Error({"-p", "2147483648"}), "Invalid process id: '2147483648'");
  EXPECT_EQ(Error({"-p", "99999999999999999999999"}),
            "Invalid process id: '99999999999999999999999'");
  EXPECT_EQ(Error({"-p", "1,,2"}),
            "Invalid process id: '' (an empty item in '1,,2')");
  EXPECT_EQ(Error({"-p", " 1"}),
            "Invalid process id: '' (an empty item in ' 1')");
  EXPECT_EQ(Error({"-p", "1,0"}), "Invalid process id: '0'");
  EXPECT_EQ(Error({"--attach=abc"}), "Invalid process id: 'abc'");
}

TEST(ParseOptionsTest, CommandAndPidsTogether) {
  absl::StatusOr<Options> r = Parse({"-p", "42", "sleep", "1"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(r->pids, ElementsAre(42));
  EXPECT_THAT(r->command, ElementsAre("sleep", "1"));
}

TEST(ParseOptionsTest, FollowForks) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"-f", "ls"},
                                             {"-ff", "ls"},
                                             {"-f", "-f", "-f", "ls"},
                                             {"--follow-forks", "ls"}}) {
    absl::StatusOr<Options> r = Parse(args);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_TRUE(r->follow_forks) << args[0];
    // Without -o, -ff is -f (as strace).
    EXPECT_FALSE(r->output_separately) << args[0];
  }
}

TEST(ParseOptionsTest, OutputSeparately) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{
           {"-ff", "-o", "t", "ls"},
           {"-f", "-o", "t", "-f", "ls"},
           {"-o", "t", "--output-separately", "-f", "ls"},
           {"-fff", "-ot", "ls"}}) {
    absl::StatusOr<Options> r = Parse(args);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_TRUE(r->follow_forks) << args[0];
    EXPECT_TRUE(r->output_separately) << args[0];
    EXPECT_EQ(r->output_path, "t");
  }
  absl::StatusOr<Options> one = Parse({"-f", "-o", "t", "ls"});
  ASSERT_TRUE(one.ok());
  EXPECT_FALSE(one->output_separately);
  // Per-thread files from a recording too.
  absl::StatusOr<Options> decode = Parse({"--decode=r.ttr", "-ff", "-o", "t"});
  ASSERT_TRUE(decode.ok()) << decode.status();
  EXPECT_TRUE(decode->output_separately);

  // As strace 6.1's, once there is a command, and after -c's refusal.
  EXPECT_EQ(Error({"-ff", "-o", "|cat", "ls"}),
            "piping the output and -ff/--output-separately are mutually "
            "exclusive");
  EXPECT_EQ(Error({"--output-separately", "-o", "!cat", "ls"}),
            "piping the output and -ff/--output-separately are mutually "
            "exclusive");
  EXPECT_EQ(Error({"-ff", "-o", "|cat"}), "must have PROG [ARGS] or -p PID");
  EXPECT_EQ(Error({"-c", "-ff", "-o", "|cat", "ls"}),
            "(-c/--summary-only or -C/--summary) and -ff/--output-separately "
            "are mutually exclusive");
  // "-o !CMD" is "-o |CMD" (strace's alternative spelling).
  absl::StatusOr<Options> bang = Parse({"-o", "!wc -l", "ls"});
  ASSERT_TRUE(bang.ok()) << bang.status();
  EXPECT_EQ(bang->output_path, "|wc -l");
  EXPECT_EQ(Parse({"-o", "x!", "ls"})->output_path, "x!");
  EXPECT_EQ(Error({"-ff", "-o", "t", "--format=json", "ls"}),
            "-ff writes text only (as strace): drop --format");
  // strace 6.1 refuses a summary with -ff, with or without -o, once it has
  // a command.
  constexpr char kSummaryFf[] =
      "(-c/--summary-only or -C/--summary) and -ff/--output-separately are "
      "mutually exclusive";
  EXPECT_EQ(Error({"-c", "-ff", "-o", "t", "ls"}), kSummaryFf);
  EXPECT_EQ(Error({"-ff", "-C", "ls"}), kSummaryFf);
  EXPECT_EQ(Error({"-f", "-f", "-c", "ls"}), kSummaryFf);
  EXPECT_EQ(Error({"-c", "--output-separately", "-o", "t", "ls"}), kSummaryFf);
  EXPECT_EQ(Error({"-c", "-ff"}), "must have PROG [ARGS] or -p PID");
  EXPECT_TRUE(Parse({"-c", "-f", "-o", "t", "ls"}).ok());
}

TEST(ParseOptionsTest, StringsInHexAndAppend) {
  struct Case {
    std::vector<std::string> args;
    HexStrings hex;
  };
  for (const Case& c : std::vector<Case>{
           {{"ls"}, HexStrings::kNone},
           {{"-x", "ls"}, HexStrings::kNonAscii},
           {{"-xx", "ls"}, HexStrings::kAll},
           {{"-x", "-f", "-x", "-x", "ls"}, HexStrings::kAll},
           {{"--strings-in-hex", "ls"}, HexStrings::kAll},
           {{"--strings-in-hex=all", "ls"}, HexStrings::kAll},
           {{"--strings-in-hex=non-ascii", "ls"}, HexStrings::kNonAscii},
           {{"--strings-in-hex=non-ascii-chars", "ls"},
            HexStrings::kNonAsciiChars},
           {{"--strings-in-hex=none", "ls"}, HexStrings::kNone}}) {
    absl::StatusOr<Options> r = Parse(c.args);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->hex_strings, c.hex) << absl::StrJoin(c.args, " ");
  }
  EXPECT_EQ(Error({"--strings-in-hex=foo", "ls"}),
            "invalid --strings-in-hex argument: 'foo'");
  EXPECT_EQ(Error({"-x", "--strings-in-hex=none", "ls"}),
            "-x and --strings-in-hex cannot be provided simultaneously");

  // -X / --const-print-style, as strace 6.1 takes them.
  for (const auto& c :
       std::vector<std::pair<std::vector<std::string>, XlatStyle>>{
           {{"ls"}, XlatStyle::kAbbrev},
           {{"-X", "raw", "ls"}, XlatStyle::kRaw},
           {{"-Xverbose", "ls"}, XlatStyle::kVerbose},
           {{"-X", "verbose", "-X", "abbrev", "ls"}, XlatStyle::kAbbrev},
           {{"--const-print-style=raw", "ls"}, XlatStyle::kRaw},
           {{"--const-print-style", "verbose", "ls"}, XlatStyle::kVerbose}}) {
    absl::StatusOr<Options> r = Parse(c.first);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->xlat_style, c.second) << absl::StrJoin(c.first, " ");
  }
  EXPECT_EQ(Error({"-X", "foo", "ls"}), "invalid -X argument: 'foo'");
  EXPECT_EQ(Error({"-X", "RAW", "ls"}), "invalid -X argument: 'RAW'");
  EXPECT_EQ(Error({"--const-print-style=foo", "ls"}),
            "invalid --const-print-style argument: 'foo'");
  EXPECT_EQ(Error({"-X"}), "option requires an argument -- 'X'");

  absl::StatusOr<Options> a = Parse({"-A", "-o", "t", "ls"});
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->append_output);
  a = Parse({"--output-append-mode", "-o", "t", "ls"});
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->append_output);
  a = Parse({"-o", "t", "ls"});
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->append_output);
}

TEST(ParseOptionsTest, SummarySortBy) {
  absl::StatusOr<Options> r = Parse({"-c", "ls"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->summary_sort_by, SummarySink::SortBy::kTime);
  r = Parse({"-c", "-S", "calls", "-w", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->summary_sort_by, SummarySink::SortBy::kCalls);
  // strace 6.1 takes -U's words too.
  r = Parse({"-c", "-S", "syscall_name", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->summary_sort_by, SummarySink::SortBy::kName);
  r = Parse({"-c", "-S", "shortest", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->summary_sort_by, SummarySink::SortBy::kMinTime);
  r = Parse({"-c", "--summary-sort-by=name", "--summary-wall-clock", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->summary_sort_by, SummarySink::SortBy::kName);
  EXPECT_EQ(Error({"-S", "foo", "ls"}), "invalid sortby: 'foo'");
}

TEST(ParseOptionsTest, Quiet) {
  auto quiet = [](const std::vector<std::string>& args) {
    absl::StatusOr<Options> r = Parse(args);
    EXPECT_TRUE(r.ok()) << r.status();
    std::string s;
    for (int m = 0; m < QuietSet::kMessages; ++m) {
      s += r->quiet.Quiet(static_cast<QuietSet::Message>(m)) ? '1' : '0';
    }
    return s;
  };
  // attach, exit, path-resolution, personality, thread-execve.
  EXPECT_EQ(quiet({"ls"}), "00000");
  EXPECT_EQ(quiet({"-q", "ls"}), "10010");
  EXPECT_EQ(quiet({"-qq", "ls"}), "11010");
  EXPECT_EQ(quiet({"-q", "-f", "-q", "-q", "ls"}), "11111");
  EXPECT_EQ(quiet({"-e", "quiet=exit,thread-execve", "ls"}), "01001");
  EXPECT_EQ(quiet({"--quiet=attach", "ls"}), "10000");
  EXPECT_EQ(quiet({"-e", "silent=!exit", "ls"}), "10111");
  EXPECT_EQ(Error({"-e", "quiet=foo", "ls"}), "invalid quiet 'foo'");
  // Without any of them, -o FILE leaves out the personality line (main.cc).
  auto given = [](const std::vector<std::string>& args) {
    absl::StatusOr<Options> r = Parse(args);
    return r.ok() && r->quiet_given;
  };
  EXPECT_FALSE(given({"-o", "f", "ls"}));
  EXPECT_TRUE(given({"-q", "ls"}));
  EXPECT_TRUE(given({"--quiet", "ls"}));
  EXPECT_TRUE(given({"-e", "quiet=none", "ls"}));
  EXPECT_TRUE(given({"--silent=attach", "ls"}));
}

TEST(ParseOptionsTest, EnvAndUser) {
  absl::StatusOr<Options> r =
      Parse({"-E", "A=1", "--env=B", "-u", "nobody", "-E", "C=x=y", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(r->env, ElementsAre("A=1", "B", "C=x=y"));
  EXPECT_EQ(r->user, "nobody");
  r = Parse({"--user=daemon", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->user, "daemon");
  EXPECT_EQ(Error({"-E", "=x", "ls"}), "invalid -E argument '=x'");
  EXPECT_EQ(Error({"-E", "", "ls"}), "invalid -E argument ''");
  EXPECT_EQ(Error({"-u", "", "ls"}), "invalid user name ''");
}

TEST(ParseOptionsTest, InjectAndFault) {
  absl::StatusOr<Options> r =
      Parse({"-e", "inject=openat:error=ENOENT:when=2", "--fault=close:when=3+",
             "--inject=write:retval=1", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->inject.empty());
  EXPECT_EQ(r->inject.Inject(kArchX86_64, 257, 1).ret, std::nullopt);
  EXPECT_EQ(r->inject.Inject(kArchX86_64, 257, 2).ret, -2);
  EXPECT_EQ(r->inject.Inject(kArchX86_64, 3, 4).ret, -38);  // ENOSYS
  EXPECT_EQ(r->inject.Inject(kArchX86_64, 1, 9).ret, 1);
  EXPECT_TRUE(Parse({"ls"})->inject.empty());
  EXPECT_EQ(Error({"-e", "inject=openat", "ls"}),
            "invalid inject argument 'openat'");
  EXPECT_EQ(Error({"-e", "fault=nosuch", "ls"}),
            "invalid system call 'nosuch'");
}

TEST(ParseOptionsTest, TracePaths) {
  absl::StatusOr<Options> r =
      Parse({"-P", "/etc/hostname", "--trace-path=rel/x", "-P/tmp", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(r->trace_paths, ElementsAre("/etc/hostname", "rel/x", "/tmp"));
  // strace 6.1 takes an empty path (newfstatat(3, "", ..., AT_EMPTY_PATH)).
  r = Parse({"-P", "", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(r->trace_paths, ElementsAre(""));
}

TEST(ParseOptionsTest, ResultColumn) {
  EXPECT_EQ(Parse({"ls"})->result_column, 40);
  EXPECT_EQ(Parse({"-a", "20", "ls"})->result_column, 20);
  EXPECT_EQ(Parse({"--columns=0", "ls"})->result_column, 0);
  EXPECT_EQ(Error({"-a", "-1", "ls"}), "invalid -a argument: '-1'");
  EXPECT_EQ(Error({"-a", "x", "ls"}), "invalid -a argument: 'x'");
}

TEST(ParseOptionsTest, Raw) {
  EXPECT_TRUE(Parse({"ls"})->raw_filter.none());
  absl::StatusOr<Options> r = Parse({"-e", "raw=read,%net", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->raw_filter.Traced(kArchX86_64, 0));   // read
  EXPECT_TRUE(r->raw_filter.Traced(kArchX86_64, 41));  // socket
  EXPECT_FALSE(r->raw_filter.Traced(kArchX86_64, 1));  // write
  EXPECT_TRUE(Parse({"--raw=all", "ls"})->raw_filter.all());
  EXPECT_EQ(Error({"-e", "raw=nosuch", "ls"}), "invalid system call 'nosuch'");
}

// strace's -e kvm=vcpu: its only value.
TEST(ParseOptionsTest, Kvm) {
  EXPECT_FALSE(Parse({"ls"})->kvm_vcpu);
  EXPECT_TRUE(Parse({"-e", "kvm=vcpu", "ls"})->kvm_vcpu);
  EXPECT_TRUE(Parse({"--kvm=vcpu", "ls"})->kvm_vcpu);
  EXPECT_TRUE(Parse({"--kvm", "vcpu", "ls"})->kvm_vcpu);
  EXPECT_EQ(Error({"-e", "kvm=foo", "ls"}), "invalid -e kvm= argument: 'foo'");
  EXPECT_EQ(Error({"--kvm=none", "ls"}), "invalid -e kvm= argument: 'none'");
  EXPECT_EQ(Error({"-e", "kvm=", "ls"}), "invalid -e kvm= argument: ''");
  EXPECT_EQ(Error({"-e", "kvm=vcpu,vcpu", "ls"}),
            "invalid -e kvm= argument: 'vcpu,vcpu'");
}

TEST(ParseOptionsTest, DecodeFds) {
  EXPECT_FALSE(Parse({"ls"})->decode_fds);
  EXPECT_TRUE(Parse({"-y", "ls"})->decode_fds);
  auto parts = [](const std::vector<std::string>& args) {
    absl::StatusOr<Options> r = Parse(args);
    EXPECT_TRUE(r.ok()) << r.status();
    return absl::StrCat(r->decode_fds, r->fd_sockets, r->fd_devices,
                        r->fd_pidfds);
  };
  EXPECT_EQ(parts({"-y", "ls"}), "1000");
  EXPECT_EQ(parts({"-yy", "ls"}), "1111");
  EXPECT_EQ(parts({"-y", "-f", "-y", "ls"}), "1111");
  EXPECT_EQ(parts({"--decode-fds", "ls"}), "1000");
  EXPECT_EQ(parts({"--decode-fds=socket,dev", "ls"}), "0110");
  EXPECT_EQ(parts({"-e", "decode-fds=all", "ls"}), "1111");
  EXPECT_EQ(parts({"-e", "decode-fds=pidfd", "-e", "decode-fds=none", "ls"}),
            "0000");
  EXPECT_EQ(Error({"-e", "decode-fds=foo", "ls"}), "invalid decode-fds 'foo'");
  // strace's set syntax: a leading '!' negates; empty items are skipped.
  EXPECT_EQ(parts({"-e", "decode-fds=!path", "ls"}), "0111");
  EXPECT_EQ(parts({"--decode-fds=!path,socket", "ls"}), "0011");
  EXPECT_EQ(parts({"-e", "decode-fds=!all", "ls"}), "0000");
  EXPECT_EQ(parts({"-e", "decode-fds=!none", "ls"}), "1111");
  EXPECT_EQ(parts({"-e", "decode-fds=!!path", "ls"}), "1000");
  EXPECT_EQ(parts({"-e", "decode-fds=,path,", "ls"}), "1000");
  EXPECT_EQ(Error({"-e", "decode-fds=path,!socket", "ls"}),
            "invalid decode-fds '!socket'");
  EXPECT_EQ(Error({"-e", "decode-fds=", "ls"}), "invalid decode-fds ''");
  EXPECT_EQ(Error({"-e", "decode-fds=!", "ls"}), "invalid decode-fds '!'");
  EXPECT_EQ(Error({"-y", "--decode-fds=path", "ls"}),
            "-y and --decode-fds cannot be provided simultaneously");
}

TEST(ParseOptionsTest, Output) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{
           {"-o", "out.txt", "ls"},
           {"-oout.txt", "ls"},
           {"--output=out.txt", "ls"},
           {"--output", "out.txt", "ls"},
           {"-o", "first", "-o", "out.txt", "ls"}}) {
    absl::StatusOr<Options> r = Parse(args);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->output_path, "out.txt") << args[0];
    EXPECT_THAT(r->command, ElementsAre("ls"));
  }
}

TEST(ParseOptionsTest, EmptyOutputFileIsAnError) {
  // An empty path would otherwise silently mean standard error.
  EXPECT_EQ(Error({"-o", "", "ls"}), "invalid output file name ''");
  EXPECT_EQ(Error({"--output=", "ls"}), "invalid output file name ''");
}

TEST(ParseOptionsTest, Format) {
  absl::StatusOr<Options> r = Parse({"--format=json", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->format, OutputFormat::kJson);
  r = Parse({"--format", "json", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->format, OutputFormat::kJson);
  r = Parse({"--format=json", "--format=text", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->format, OutputFormat::kText);
}

TEST(ParseOptionsTest, InvalidFormat) {
  EXPECT_EQ(
      Error({"--format=xml", "ls"}),
      "invalid --format value 'xml' (expected text, json, binary or perfetto)");
  EXPECT_EQ(
      Error({"--format=", "ls"}),
      "invalid --format value '' (expected text, json, binary or perfetto)");
  EXPECT_EQ(Error({"--format=JSON", "ls"}),
            "invalid --format value 'JSON' (expected text, json, binary or "
            "perfetto)");
  EXPECT_EQ(Error({"--format"}), "option '--format' requires an argument");
}

TEST(ParseOptionsTest, Timestamps) {
  struct Case {
    std::vector<std::string> args;
    Timestamps want;
  };
  for (const Case& c : std::vector<Case>{
           {{"ls"}, Timestamps::kNone},
           {{"-t", "ls"}, Timestamps::kTime},
           {{"-t", "-t", "ls"}, Timestamps::kTimeUs},
           {{"-tt", "ls"}, Timestamps::kTimeUs},
           {{"-ttt", "ls"}, Timestamps::kEpochUs},
           {{"-t", "-tt", "ls"}, Timestamps::kEpochUs},
           {{"-tttt", "ls"}, Timestamps::kEpochUs},  // strace: as -ttt
           {{"-r", "ls"}, Timestamps::kRelative},
           {{"-r", "-r", "ls"}, Timestamps::kRelative},
           // With -r too, the absolute one leads (relative_too), in any
           // order.
           {{"-r", "-t", "ls"}, Timestamps::kTime},
           {{"-t", "-r", "ls"}, Timestamps::kTime},
           {{"-rtt", "ls"}, Timestamps::kTimeUs},
           {{"-tttr", "ls"}, Timestamps::kEpochUs},
       }) {
    absl::StatusOr<Options> r = Parse(c.args);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->timestamps, c.want) << c.args[0];
  }
}

// strace 6's precisions: --absolute-timestamps=[[format:]F[,[precision:]P]],
// --relative-timestamps[=P], --syscall-times[=P]; the last one given wins;
// -r with an absolute timestamp gives both.
TEST(ParseOptionsTest, TimestampPrecisions) {
  absl::StatusOr<Options> r = Parse({"ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->absolute_digits, -1);
  EXPECT_FALSE(r->relative_too);
  EXPECT_EQ(r->relative_digits, 6);
  EXPECT_EQ(r->duration_digits, 6);
  struct Case {
    std::vector<std::string> args;
    Timestamps kind;
    int absolute_digits;
    bool relative_too;
    int relative_digits;
  };
  for (const Case& c : std::vector<Case>{
           {{"--absolute-timestamps"}, Timestamps::kTime, 0, false, 6},
           {{"--absolute-timestamps=unix,ms"},
            Timestamps::kEpochUs,
            3,
            false,
            6},
           {{"--absolute-timestamps=ms,unix"},
            Timestamps::kEpochUs,
            3,
            false,
            6},
           {{"--absolute-timestamps=format:time,precision:ns"},
            Timestamps::kTime,
            9,
            false,
            6},
           {{"--absolute-timestamps=unix,time"},
            Timestamps::kTime,
            0,
            false,
            6},
           {{"--absolute-timestamps=none"}, Timestamps::kNone, -1, false, 6},
           {{"--absolute-timestamps=none", "-r"},
            Timestamps::kRelative,
            -1,
            false,
            6},
           {{"--relative-timestamps=ns"}, Timestamps::kRelative, -1, false, 9},
           {{"-r", "--relative-timestamps=s"},
            Timestamps::kRelative,
            -1,
            false,
            0},
           {{"--relative-timestamps=ms", "-r"},
            Timestamps::kRelative,
            -1,
            false,
            6},
           {{"-tt", "-r"}, Timestamps::kTimeUs, -1, true, 6},
           {{"--absolute-timestamps=unix,us", "--relative-timestamps=ms"},
            Timestamps::kEpochUs,
            6,
            true,
            3},
       }) {
    std::vector<std::string> args = c.args;
    args.push_back("ls");
    r = Parse(args);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->timestamps, c.kind) << c.args[0];
    EXPECT_EQ(r->absolute_digits, c.absolute_digits) << c.args[0];
    EXPECT_EQ(r->relative_too, c.relative_too) << c.args[0];
    EXPECT_EQ(r->relative_digits, c.relative_digits) << c.args[0];
  }
  r = Parse({"--syscall-times=ns", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->show_duration);
  EXPECT_EQ(r->duration_digits, 9);
  EXPECT_EQ(Parse({"--syscall-times=s", "ls"})->duration_digits, 0);
  EXPECT_EQ(Parse({"--syscall-times=ns", "-T", "ls"})->duration_digits, 6);
  EXPECT_EQ(Error({"-t", "--absolute-timestamps=ms", "ls"}),
            "-t and --absolute-timestamps cannot be provided simultaneously");
  EXPECT_EQ(Error({"--absolute-timestamps=format:ns", "ls"}),
            "invalid --absolute-timestamps argument: 'format:ns'");
  EXPECT_EQ(Error({"--absolute-timestamps=precision:unix", "ls"}),
            "invalid --absolute-timestamps argument: 'precision:unix'");
  // Named as given, as strace's.
  EXPECT_EQ(Error({"--timestamps=bogus", "ls"}),
            "invalid --timestamps argument: 'bogus'");
  EXPECT_EQ(Error({"--relative-timestamps=fs", "ls"}),
            "invalid --relative-timestamps argument: 'fs'");
  EXPECT_EQ(Error({"--syscall-times=1", "ls"}),
            "invalid --syscall-times argument: '1'");
}

TEST(ParseOptionsTest, TraceNoneSpellings) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{
           {"-e", "trace=none", "ls"},
           {"-etrace=none", "ls"},
           {"-e", "t=none", "ls"},
           {"-e", "trace=!all", "ls"},
           {"-e", "none", "ls"},
           {"-e", "!all", "ls"},
           {"--trace=none", "ls"},
           {"--trace=!all", "ls"},
           {"-e", "trace=none", "-e", "t=none", "ls"},
       }) {
    absl::StatusOr<Options> r = Parse(args);
    ASSERT_TRUE(r.ok()) << r.status() << " for " << args[0] << args[1];
    EXPECT_FALSE(r->trace_syscalls);
  }
}

TEST(ParseOptionsTest, TraceFilters) {
  absl::StatusOr<Options> r = Parse({"-e", "trace=openat,close", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->trace_syscalls);
  EXPECT_TRUE(r->trace_filter.Traced(kArchX86_64, 257));  // openat
  EXPECT_FALSE(r->trace_filter.Traced(kArchX86_64, 0));   // read
  r = Parse({"-e", "%process", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->trace_filter.Traced(kArchX86_64, 59));  // execve
  EXPECT_FALSE(r->trace_filter.Traced(kArchX86_64, 0));
  r = Parse({"--trace=!read", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->trace_filter.Traced(kArchX86_64, 0));
  EXPECT_TRUE(r->trace_filter.Traced(kArchX86_64, 1));  // write
  // As strace, numbers without a name are traced whatever the set, but
  // not with none (ttrace does not stop at calls then).
  r = Parse({"-e", "trace=openat", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->trace_filter.Traced(kArchX86_64, 400));
  r = Parse({"-e", "trace=none", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->trace_filter.none());
  EXPECT_FALSE(r->trace_syscalls);
}

TEST(ParseOptionsTest, BadFilters) {
  EXPECT_EQ(Error({"-e", "trace=nosuchcall", "ls"}),
            "invalid system call 'nosuchcall'");
  EXPECT_EQ(Error({"-e", "trace=%nosuchclass", "ls"}),
            "invalid system call '%nosuchclass'");
  EXPECT_EQ(Error({"-e", "signal=SIGFOO", "ls"}), "invalid signal 'SIGFOO'");
  EXPECT_EQ(Error({"-e", "status=sometimes", "ls"}),
            "invalid status 'sometimes'");
}

TEST(ParseOptionsTest, SignalAndStatusFilters) {
  absl::StatusOr<Options> r =
      Parse({"-e", "signal=!SIGCHLD", "-e", "status=failed", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->signal_filter.Contains(17));
  EXPECT_TRUE(r->signal_filter.Contains(10));
  EXPECT_TRUE(r->status_filter.Shows(SyscallStatus::kFailed));
  EXPECT_FALSE(r->status_filter.Shows(SyscallStatus::kSuccessful));
  r = Parse({"-z", "ls"});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->status_filter.Shows(SyscallStatus::kSuccessful));
  EXPECT_FALSE(r->status_filter.Shows(SyscallStatus::kFailed));
  // strace's long forms.
  r = Parse({"--signal=!SIGCHLD", "--status=failed", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->signal_filter.Contains(17));
  EXPECT_TRUE(r->signal_filter.Contains(10));
  EXPECT_FALSE(r->status_filter.Shows(SyscallStatus::kSuccessful));
  r = Parse({"--successful-only", "ls"});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->status_filter.Shows(SyscallStatus::kFailed));
  r = Parse({"--failed-only", "ls"});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->status_filter.Shows(SyscallStatus::kSuccessful));
  r = Parse({"--read=3", "--write=!1", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->dump_read.Has(3));
  EXPECT_FALSE(r->dump_read.Has(4));
  EXPECT_FALSE(r->dump_write.Has(1));
  EXPECT_TRUE(r->dump_write.Has(2));
  EXPECT_EQ(Error({"--signal=SIGNOPE", "ls"}),
            Error({"-e", "signal=SIGNOPE", "ls"}));
}

// The other spellings strace 6.1 accepts for its long options.
TEST(ParseOptionsTest, StraceLongOptionAliases) {
  absl::StatusOr<Options> r = Parse({"--signals=!SIGCHLD", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->signal_filter.Contains(17));
  r = Parse({"--failing-only", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->status_filter.Shows(SyscallStatus::kSuccessful));
  for (const char* daemonize : {"--daemonise=pgrp", "--daemonized=pgrp",
                                "--daemonised=pgrp", "--daemonize=pgrp"}) {
    r = Parse({daemonize, "ls"});
    ASSERT_TRUE(r.ok()) << daemonize << ": " << r.status();
    EXPECT_EQ(r->daemonize, Options::Daemonize::kProcessGroup) << daemonize;
  }
  r = Parse({"--timestamps=unix,ms", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  absl::StatusOr<Options> same = Parse({"--absolute-timestamps=unix,ms", "ls"});
  ASSERT_TRUE(same.ok()) << same.status();
  EXPECT_EQ(r->timestamps, same->timestamps);
  EXPECT_EQ(r->absolute_digits, same->absolute_digits);
  EXPECT_EQ(r->absolute_digits, 3);
}

// SELinux contexts: refused by name, as by a strace built without SELinux.
TEST(ParseOptionsTest, SecontextRefusedByName) {
  const std::string want =
      "SELinux context printing (--secontext) is not supported";
  EXPECT_EQ(Error({"--secontext", "ls"}), want);
  EXPECT_EQ(Error({"--secontext=full", "ls"}), want);
  EXPECT_EQ(Error({"-e", "secontext=mismatch", "ls"}), want);
}

// --quiet alone is -q; --silent and --silence are --quiet.
TEST(ParseOptionsTest, QuietWithoutValueIsQ) {
  for (const char* quiet : {"--quiet", "--silent", "--silence"}) {
    absl::StatusOr<Options> r = Parse({quiet, "ls"});
    ASSERT_TRUE(r.ok()) << quiet << ": " << r.status();
    EXPECT_EQ(r->quiet, QuietSet::FromQCount(1)) << quiet;
  }
  absl::StatusOr<Options> r = Parse({"--silent=exit", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  absl::StatusOr<Options> e = Parse({"-e", "quiet=exit", "ls"});
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_EQ(r->quiet, e->quiet);
  r = Parse({"--quiet", "--quiet", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->quiet, QuietSet::FromQCount(2));
}

TEST(ParseOptionsTest, SyscallOutputOptions) {
  absl::StatusOr<Options> r =
      Parse({"-s", "64", "-v", "-y", "-T", "-C", "--seccomp-bpf", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->string_limit, 64);
  EXPECT_TRUE(r->abbrev_filter.none());
  EXPECT_TRUE(r->decode_fds);
  EXPECT_TRUE(r->show_duration);
  EXPECT_EQ(r->summary, Summary::kAlso);
  EXPECT_TRUE(r->seccomp_bpf);
  EXPECT_EQ(Parse({"-c", "ls"})->summary, Summary::kOnly);
  EXPECT_FALSE(r->kill_on_exit);
  EXPECT_TRUE(Parse({"--kill-on-exit", "ls"})->kill_on_exit);
  EXPECT_EQ(Error({"-s", "x", "ls"}), "invalid -s argument: 'x'");
}

TEST(ParseOptionsTest, SummaryColumnsAndOverhead) {
  using C = SummarySink::Column;
  absl::StatusOr<Options> r = Parse({"-c", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->summary_columns.empty());
  EXPECT_EQ(r->summary_overhead_ns, 0);
  r = Parse({"-c", "-U", "name,calls", "-O", "1.5ms", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->summary_columns, (std::vector<C>{C::kName, C::kCalls}));
  EXPECT_EQ(r->summary_overhead_ns, 1500000);
  r = Parse({"--summary", "--summary-columns=max-time",
             "--summary-syscall-overhead=7", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->summary_columns, (std::vector<C>{C::kMaxTime}));
  EXPECT_EQ(r->summary_overhead_ns, 7000);
  // strace 6.1: -w and -U need -c or -C (once there is a command; not with
  // -V); -c with -C is refused as soon as both are seen; -S alone is only
  // a warning (main.cc), -O alone nothing.
  EXPECT_EQ(Error({"-U", "calls", "ls"}),
            "-U/--summary-columns must be given with (-c/--summary-only or "
            "-C/--summary)");
  EXPECT_EQ(Error({"-U", "calls", "-w", "ls"}),
            "-w/--summary-wall-clock must be given with (-c/--summary-only or "
            "-C/--summary)");
  EXPECT_EQ(Error({"--summary-wall-clock", "-p", "1"}),
            "-w/--summary-wall-clock must be given with (-c/--summary-only or "
            "-C/--summary)");
  EXPECT_EQ(Error({"-w"}), "must have PROG [ARGS] or -p PID");
  EXPECT_TRUE(Parse({"-w", "-U", "calls", "-V"}).ok());
  EXPECT_TRUE(Parse({"-O", "1", "ls"}).ok());
  absl::StatusOr<Options> sorted = Parse({"-S", "name", "ls"});
  ASSERT_TRUE(sorted.ok()) << sorted.status();
  EXPECT_TRUE(sorted->summary_sort_by_given);
  EXPECT_FALSE(Parse({"-c", "ls"})->summary_sort_by_given);
  constexpr char kBoth[] =
      "-c/--summary-only and -C/--summary are mutually exclusive";
  EXPECT_EQ(Error({"-c", "-C", "ls"}), kBoth);
  EXPECT_EQ(Error({"--summary", "--summary-only", "ls"}), kBoth);
  EXPECT_EQ(Error({"-c", "-C", "--bogus", "ls"}), kBoth);
  EXPECT_EQ(Error({"-c", "-C"}), kBoth);
  EXPECT_EQ(Error({"-C", "--bogus", "-c", "ls"}),
            "unrecognized option '--bogus'");
  EXPECT_TRUE(Parse({"-c", "-c", "ls"}).ok());
  EXPECT_TRUE(Parse({"-C", "-C", "ls"}).ok());
  EXPECT_EQ(Parse({"-O", "2s", "ls"})->summary_overhead_ns, 2000000000);
  EXPECT_EQ(Parse({"-O", "40ns", "ls"})->summary_overhead_ns, 40);
  EXPECT_EQ(Parse({"-O", "0", "ls"})->summary_overhead_ns, 0);
  EXPECT_EQ(Error({"-U", "bogus", "ls"}), "unknown column name: 'bogus'");
  EXPECT_EQ(Error({"-U", "calls,calls", "ls"}),
            "call summary column has been provided more than once: 'calls' "
            "(-U option residual: 'calls')");
  // strace 6.1's numbers: an integer with leading white space and a sign,
  // else a decimal number with a sign but no white space nor hex.
  for (const char* bad :
       {"x",    "-5",   "",      "ms",     "5m",
        "nan",  "inf",  "1e400", "0x10",   "5 ",
        "5 us", " 0.5", " .5",   "1e",     "e3",
        "++5",  "+",    ".",     "-1e-30", "9223372036854775808",
        "1_0"}) {
    EXPECT_EQ(Error({"-O", bad, "ls"}),
              absl::StrCat("invalid -O argument: '", bad, "'"));
  }
  const std::pair<const char*, int64_t> kGood[] = {
      {" 5", 5000},         {"\t+5", 5000},
      {"+5us", 5000},       {"-0", 0},
      {"-0.0us", 0},        {"+.5", 500},
      {"1.e3ns", 1000},     {"0.5E-2s", 5000000},
      {"1e30s", INT64_MAX}, {"9223372036854775807", INT64_MAX}};
  for (const auto& [good, ns] : kGood) {
    absl::StatusOr<Options> o = Parse({"-c", "-O", good, "ls"});
    ASSERT_TRUE(o.ok()) << good << ": " << o.status();
    EXPECT_EQ(o->summary_overhead_ns, ns) << good;
  }
}

TEST(ParseOptionsTest, ReadAndWriteDumps) {
  absl::StatusOr<Options> r = Parse({"ls"});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->dump_read.none());
  EXPECT_TRUE(r->dump_write.none());
  r = Parse({"-e", "read=3,4", "-e", "write=!1", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->dump_read.Has(4));
  EXPECT_FALSE(r->dump_read.Has(1));
  EXPECT_TRUE(r->dump_write.Has(2));
  EXPECT_FALSE(r->dump_write.Has(1));
  EXPECT_TRUE(Parse({"-e", "writes=all", "ls"})->dump_write.Has(9));
  EXPECT_TRUE(Parse({"-e", "r=0", "ls"})->dump_read.Has(0));
  EXPECT_EQ(Error({"-e", "write=x", "ls"}), "invalid descriptor 'x'");
}

TEST(ParseOptionsTest, NumbersAndInstructionPointers) {
  absl::StatusOr<Options> r = Parse({"ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->syscall_numbers);
  EXPECT_FALSE(r->instruction_pointers);
  r = Parse({"-ni", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->syscall_numbers);
  EXPECT_TRUE(r->instruction_pointers);
  r = Parse({"--syscall-number", "--instruction-pointer", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->syscall_numbers);
  EXPECT_TRUE(r->instruction_pointers);
  EXPECT_EQ(Error({"--syscall-number=1", "ls"}),
            "option '--syscall-number' doesn't allow an argument");
}

TEST(ParseOptionsTest, RecordAndDecode) {
  absl::StatusOr<Options> r = Parse({"--record=r.ttr", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->record_path, "r.ttr");
  r = Parse({"--decode=r.ttr", "--format=json"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->decode_path, "r.ttr");
  EXPECT_EQ(r->format, OutputFormat::kJson);
  EXPECT_EQ(Parse({"--format=binary", "ls"})->format, OutputFormat::kBinary);
  EXPECT_EQ(Parse({"--format=perfetto", "ls"})->format,
            OutputFormat::kPerfetto);
  EXPECT_EQ(Error({"--decode=r.ttr", "ls"}), "--decode takes no command");
}

TEST(ParseOptionsTest, BinaryArgs) {
  EXPECT_FALSE(Parse({"--record=r.ttr", "ls"})->binary_args_text);
  EXPECT_TRUE(
      Parse({"--record=r.ttr", "--binary-args=text", "ls"})->binary_args_text);
  EXPECT_FALSE(Parse({"--binary-args=text", "--binary-args=memory", "ls"})
                   ->binary_args_text);
  EXPECT_EQ(Error({"--binary-args=Text", "ls"}),
            "invalid --binary-args value 'Text' (memory or text)");
  EXPECT_EQ(Error({"--binary-args", "ls"}),
            "invalid --binary-args value 'ls' (memory or text)");
  EXPECT_EQ(Error({"--decode=r.ttr", "--binary-args=text"}),
            "--binary-args is for recording: a recording is decoded as it "
            "was recorded");
}

// As strace 6.1: what is not a qualifier is a syscall set, "=" and all.
// strace prints -e's and -p's errors without the -h hint, other usage
// errors with it.
TEST(ParseOptionsTest, UsageHint) {
  auto status = [](const std::vector<std::string>& args) {
    return Parse(args).status();
  };
  EXPECT_FALSE(WantsUsageHint(status({"-e", "trace=bogus", "ls"})));
  EXPECT_FALSE(WantsUsageHint(status({"--signal=bogus", "ls"})));
  EXPECT_FALSE(WantsUsageHint(status({"--decode-fds=bogus", "ls"})));
  EXPECT_FALSE(WantsUsageHint(status({"-p", "0"})));
  EXPECT_FALSE(WantsUsageHint(status({"-b", "fork", "ls"})));
  EXPECT_TRUE(WantsUsageHint(status({"-U", "bogus", "ls"})));
  EXPECT_TRUE(WantsUsageHint(status({})));
  EXPECT_TRUE(WantsUsageHint(status({"-c", "-C", "ls"})));
}

TEST(ParseOptionsTest, InvalidQualifier) {
  EXPECT_EQ(Error({"-e", "foo=bar", "ls"}), "invalid system call 'foo=bar'");
  EXPECT_EQ(Error({"-e", "=none", "ls"}), "invalid system call '=none'");
  EXPECT_EQ(Error({"-e", "Trace=none", "ls"}),
            "invalid system call 'Trace=none'");
  EXPECT_EQ(Error({"-e", "!foo=bar", "ls"}), "invalid system call 'foo=bar'");
  absl::StatusOr<Options> r = Parse({"-e", "?x=y", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->trace_filter.none());
  r = Parse({"-e", "/^getpi=*", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->trace_filter.Traced(kArchX86_64, 39));
  EXPECT_FALSE(r->trace_filter.Traced(kArchX86_64, 0));
  // strace's short names: x for raw, q for quiet, decode-fd.
  r = Parse({"-e", "x=read", "-e", "q=all", "-e", "decode-fd=socket", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->raw_filter.Traced(kArchX86_64, 0));
  EXPECT_FALSE(r->raw_filter.Traced(kArchX86_64, 1));
  EXPECT_TRUE(r->quiet_given);
  EXPECT_TRUE(r->fd_sockets);
  EXPECT_FALSE(r->decode_fds);
}

TEST(ParseOptionsTest, Help) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"-h"}, {"--help"}, {"-fh"}}) {
    absl::StatusOr<Options> r = Parse(args);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_TRUE(r->help);
  }
}

TEST(ParseOptionsTest, HelpStopsParsingLikeStrace) {
  // strace -h prints help at once; what follows is not looked at...
  absl::StatusOr<Options> r = Parse({"-h", "--bogus", "-p", "0"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->help);
  // ...but what precedes it is.
  EXPECT_EQ(Error({"--bogus", "-h"}), "unrecognized option '--bogus'");
}

TEST(ParseOptionsTest, Version) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"-V"}, {"--version"}}) {
    absl::StatusOr<Options> r = Parse(args);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_TRUE(r->version);
    EXPECT_FALSE(r->help);
  }
}

TEST(ParseOptionsTest, VersionStillReportsErrorsLikeStrace) {
  EXPECT_EQ(Error({"-V", "-p", "0"}), "Invalid process id: '0'");
  EXPECT_EQ(Error({"-V", "--bogus"}), "unrecognized option '--bogus'");
}

TEST(ParseOptionsTest, NoCommandNoPid) {
  EXPECT_EQ(Error({}), "must have PROG [ARGS] or -p PID");
  EXPECT_EQ(Error({"-f"}), "must have PROG [ARGS] or -p PID");
  EXPECT_EQ(Error({"-f", "--"}), "must have PROG [ARGS] or -p PID");
}

TEST(ParseOptionsTest, UnknownOptions) {
  EXPECT_EQ(Error({"--foo", "ls"}), "unrecognized option '--foo'");
  EXPECT_EQ(Error({"--foo=bar", "ls"}), "unrecognized option '--foo=bar'");
  EXPECT_EQ(Error({"-j", "ls"}), "invalid option -- 'j'");
  EXPECT_EQ(Error({"-fj", "ls"}), "invalid option -- 'j'");
  EXPECT_EQ(Error({"-jf", "ls"}), "invalid option -- 'j'");
  EXPECT_EQ(Error({"-f", "--bogus", "ls"}), "unrecognized option '--bogus'");
}

TEST(ParseOptionsTest, AmbiguousLongOption) {
  EXPECT_EQ(Error({"--fo", "ls"}),
            "option '--fo' is ambiguous; possibilities: '--follow-forks' "
            "'--format'");
  EXPECT_EQ(Error({"--f=x", "ls"}),
            "option '--f' is ambiguous; possibilities: '--follow-forks' "
            "'--format' '--fault' '--failed-only' '--failing-only'");
  // A unique prefix is accepted, as getopt_long does.
  absl::StatusOr<Options> r = Parse({"--fol", "--form=json", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->follow_forks);
  EXPECT_EQ(r->format, OutputFormat::kJson);
}

// -Y (--decode-pids=comm) and --pidns-translation (--decode-pids=pidns):
// each replaces the set, as in strace; both need a live trace.
TEST(ParseOptionsTest, DecodePids) {
  EXPECT_FALSE(Parse({"ls"})->decode_pids);
  EXPECT_FALSE(Parse({"ls"})->pidns_translation);
  EXPECT_TRUE(Parse({"-Y", "ls"})->decode_pids);
  EXPECT_TRUE(Parse({"--decode-pids=comm", "ls"})->decode_pids);
  EXPECT_TRUE(Parse({"--decode-pids", "comm", "ls"})->decode_pids);
  EXPECT_EQ(Error({"--decode-pids=foo", "ls"}), "invalid decode-pids 'foo'");
  absl::StatusOr<Options> r = Parse({"--decode-pids=comm,pidns", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->decode_pids);
  EXPECT_TRUE(r->pidns_translation);
  r = Parse({"--pidns-translation", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->decode_pids);
  EXPECT_TRUE(r->pidns_translation);
  // The last one wins: strace's `-Y --pidns-translation` translates only.
  r = Parse({"-Y", "--pidns-translation", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->decode_pids);
  EXPECT_TRUE(r->pidns_translation);
  r = Parse({"--decode-pids=pidns", "-Y", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->decode_pids);
  EXPECT_FALSE(r->pidns_translation);
  // strace's -e decode-pids= (or decode-pid=), its set syntax in both.
  r = Parse({"-e", "decode-pids=comm", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->decode_pids);
  EXPECT_FALSE(r->pidns_translation);
  r = Parse({"-e", "decode-pid=all", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->decode_pids);
  EXPECT_TRUE(r->pidns_translation);
  r = Parse({"-Y", "--decode-pids=none", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->decode_pids);
  EXPECT_FALSE(r->pidns_translation);
  r = Parse({"-e", "decode-pids=!comm", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->decode_pids);
  EXPECT_TRUE(r->pidns_translation);
  r = Parse({"--decode-pids=,comm", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->decode_pids);
  EXPECT_EQ(Error({"-e", "decode-pids=", "ls"}), "invalid decode-pids ''");
  EXPECT_EQ(Error({"-e", "decode-pids=bogus", "ls"}),
            "invalid decode-pids 'bogus'");
  EXPECT_EQ(Error({"-Y", "--decode=r.ttr"}),
            "-Y needs a live trace: a recording has no command names");
  EXPECT_EQ(Error({"--pidns-translation", "--decode=r.ttr"}),
            "--pidns-translation needs a live trace: a recording keeps the "
            "ids it was made with");
}

// -e abbrev=SET and -e verbose=SET: any syscall set, all by default; -v is
// abbrev=none. Each replaces the previous set of its kind, -v included,
// as strace (-v -e abbrev=execve abbreviates execve only; -e
// abbrev=execve -v nothing).
TEST(ParseOptionsTest, AbbrevAndVerbose) {
  absl::StatusOr<Options> r = Parse({"ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->abbrev_filter.all());
  EXPECT_TRUE(r->verbose_filter.all());
  EXPECT_TRUE(Parse({"-e", "abbrev=none", "ls"})->abbrev_filter.none());
  EXPECT_TRUE(Parse({"-v", "-e", "abbrev=all", "ls"})->abbrev_filter.all());
  EXPECT_TRUE(Parse({"-e", "abbrev=all", "-v", "ls"})->abbrev_filter.none());

  r = Parse({"-v", "-e", "abbrev=execve", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->abbrev_filter.Traced(kArchX86_64, 59));  // execve
  EXPECT_FALSE(r->abbrev_filter.Traced(kArchX86_64, 4));  // stat
  EXPECT_TRUE(r->verbose_filter.all());
  EXPECT_TRUE(Parse({"-e", "abbrev=execve", "-v", "ls"})->abbrev_filter.none());

  r = Parse({"-e", "verbose=!%stat", "-e", "a=!execve", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->verbose_filter.Traced(kArchX86_64, 4));  // stat
  EXPECT_TRUE(r->verbose_filter.Traced(kArchX86_64, 0));   // read
  EXPECT_FALSE(r->abbrev_filter.Traced(kArchX86_64, 59));  // execve
  EXPECT_TRUE(r->abbrev_filter.Traced(kArchX86_64, 4));    // stat

  // The last one wins; -v does not touch verbose=.
  EXPECT_TRUE(
      Parse({"-e", "v=none", "-e", "verbose=all", "ls"})->verbose_filter.all());
  EXPECT_TRUE(Parse({"-e", "verbose=none", "-v", "ls"})->verbose_filter.none());
  // strace's long forms.
  r = Parse({"--verbose=!%stat", "--abbrev=execve", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->verbose_filter.Traced(kArchX86_64, 4));  // stat
  EXPECT_FALSE(r->abbrev_filter.Traced(kArchX86_64, 4));   // stat
  EXPECT_TRUE(r->abbrev_filter.Traced(kArchX86_64, 59));   // execve
  EXPECT_TRUE(
      Parse({"--abbrev=execve", "--no-abbrev", "ls"})->abbrev_filter.none());
  EXPECT_EQ(Error({"--ve", "ls"}),
            "option '--ve' is ambiguous; possibilities: '--version' "
            "'--verbose'");
  EXPECT_EQ(Error({"--verbose"}), "option '--verbose' requires an argument");
  EXPECT_EQ(Error({"-e", "abbrev=nosuch", "ls"}),
            "invalid system call 'nosuch'");
  EXPECT_EQ(Error({"-e", "verbose=%nosuch", "ls"}),
            "invalid system call '%nosuch'");
}

// -b execve / --detach-on=execve; strace's message for other calls.
TEST(ParseOptionsTest, DetachOnExec) {
  EXPECT_FALSE(Parse({"ls"})->detach_on_exec);
  EXPECT_TRUE(Parse({"-b", "execve", "ls"})->detach_on_exec);
  EXPECT_TRUE(Parse({"--detach-on=execve", "ls"})->detach_on_exec);
  EXPECT_EQ(Error({"-b", "fork", "ls"}),
            "Syscall 'fork' for -b isn't supported");
}

// -D as strace: counted up to three, or named; only with a command.
TEST(ParseOptionsTest, Daemonize) {
  using D = Options::Daemonize;
  EXPECT_EQ(Parse({"ls"})->daemonize, D::kNo);
  EXPECT_EQ(Parse({"-D", "ls"})->daemonize, D::kGrandchild);
  EXPECT_EQ(Parse({"-DD", "ls"})->daemonize, D::kProcessGroup);
  EXPECT_EQ(Parse({"-D", "-fDD", "ls"})->daemonize, D::kSession);
  EXPECT_EQ(Parse({"--daemonize", "ls"})->daemonize, D::kGrandchild);
  EXPECT_EQ(Parse({"--daemonize=grandchild", "ls"})->daemonize, D::kGrandchild);
  EXPECT_EQ(Parse({"--daemonize=pgroup", "ls"})->daemonize, D::kProcessGroup);
  EXPECT_EQ(Parse({"--daemonize=pgrp", "ls"})->daemonize, D::kProcessGroup);
  EXPECT_EQ(Parse({"--daemonize=session", "ls"})->daemonize, D::kSession);
  EXPECT_EQ(Parse({"-D", "-p", "1", "ls"})->daemonize, D::kGrandchild);
  EXPECT_EQ(Error({"-DDDD", "ls"}),
            "Too many -D's (4), maximum supported -D count is 3");
  EXPECT_EQ(Error({"--daemonize=foo", "ls"}),
            "invalid --daemonize argument: 'foo'");
  EXPECT_EQ(Error({"-D", "-p", "1"}),
            "PROG [ARGS] must be specified with -D/--daemonize");
}

// -I as strace: numbers or names, strace's message otherwise.
TEST(ParseOptionsTest, Interruptible) {
  using I = Options::Interruptible;
  EXPECT_EQ(Parse({"ls"})->interruptible, I::kWaiting);
  EXPECT_EQ(Parse({"-I", "1", "ls"})->interruptible, I::kAnywhere);
  EXPECT_EQ(Parse({"-I3", "ls"})->interruptible, I::kNever);
  EXPECT_EQ(Parse({"--interruptible=never_tstp", "ls"})->interruptible,
            I::kNeverTstp);
  EXPECT_EQ(Parse({"-I", "waiting", "ls"})->interruptible, I::kWaiting);
  EXPECT_EQ(Error({"-I", "5", "ls"}), "invalid -I argument: '5'");
  EXPECT_EQ(Error({"-I", "0", "ls"}), "invalid -I argument: '0'");
  EXPECT_EQ(Error({"--interruptible=foo", "ls"}), "invalid -I argument: 'foo'");
}

TEST(ParseOptionsTest, MissingArgument) {
  EXPECT_EQ(Error({"-o"}), "option requires an argument -- 'o'");
  EXPECT_EQ(Error({"-p"}), "option requires an argument -- 'p'");
  EXPECT_EQ(Error({"-e"}), "option requires an argument -- 'e'");
  EXPECT_EQ(Error({"-fo"}), "option requires an argument -- 'o'");
  EXPECT_EQ(Error({"--output"}), "option '--output' requires an argument");
  EXPECT_EQ(Error({"--attach"}), "option '--attach' requires an argument");
  EXPECT_EQ(Error({"--trace"}), "option '--trace' requires an argument");
  EXPECT_EQ(Error({"-f", "--att"}), "option '--attach' requires an argument");
  // As strace's: --out could also be --output-separately.
  EXPECT_EQ(Error({"--out=x", "ls"}),
            "option '--out' is ambiguous; possibilities: '--output' "
            "'--output-separately' '--output-append-mode'");
}

TEST(ParseOptionsTest, UnexpectedArgument) {
  EXPECT_EQ(Error({"--help=x"}), "option '--help' doesn't allow an argument");
  EXPECT_EQ(Error({"--follow-forks=yes", "ls"}),
            "option '--follow-forks' doesn't allow an argument");
}

TEST(ParseOptionsTest, OptionArgumentsAreNotOptions) {
  // "-o -f": -f is the file name, as with getopt everywhere.
  absl::StatusOr<Options> r = Parse({"-o", "-f", "ls"});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->output_path, "-f");
  EXPECT_FALSE(r->follow_forks);
}

TEST(ParseOptionsTest, ErrorsAreOneLine) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{},
                                             {"-p", "x"},
                                             {"-z"},
                                             {"--zz"},
                                             {"-o"},
                                             {"--fo"},
                                             {"-e", "a=b"}}) {
    EXPECT_EQ(Error(args).find('\n'), std::string::npos);
  }
}

TEST(UsageTextTest, ListsEveryOptionExitStatusAndExample) {
  const std::string usage = UsageText();
  for (const char* s : {"-p PID",
                        "--attach=PID",
                        "-f,",
                        "--follow-forks",
                        "-ff",
                        "--output-separately",
                        "--output-append-mode",
                        "-x ",
                        "-xx",
                        "--strings-in-hex",
                        "-S SORTBY",
                        "-E VAR=VAL",
                        "-u USER",
                        "-e inject=SET",
                        "-P PATH",
                        "-e raw=SET",
                        "-yy",
                        "--decode-fds",
                        "-a N",
                        "-e fault=SET",
                        "-e quiet=SET",
                        "-qq",
                        "-w, --summary-wall-clock",
                        "-D, --daemonize",
                        "-e trace=SET",
                        "-e signal=SET",
                        "-e status=SET",
                        "-e kvm=vcpu, --kvm=vcpu",
                        "-z, -Z",
                        "--seccomp-bpf",
                        "--record=FILE",
                        "--binary-args=text",
                        "--decode=FILE",
                        "-s N",
                        "-T, --syscall-times",
                        "-n, --syscall-number",
                        "-i, --instruction-pointer",
                        "-k, --stack-traces",
                        "-U COLUMNS",
                        "-O OVERHEAD",
                        "--absolute-timestamps",
                        "-c ",
                        "-C ",
                        "-o FILE",
                        "--output=FILE",
                        "--format=FORMAT",
                        "text",
                        "json",
                        "binary",
                        "perfetto",
                        "6    --decode",
                        "-t ",
                        "-tt ",
                        "-ttt ",
                        "-r, --relative-timestamps",
                        "-h, --help",
                        "-V, --version",
                        "128+N)",
                        "2    usage error",
                        "3    no such process",
                        "4    permission denied",
                        "5    cannot write",
                        "126  ",
                        "127  ",
                        "ttrace -f -- ./server",
                        "ttrace -p 1234 -o trace.txt",
                        "ttrace --format=json -f -- make"}) {
    EXPECT_THAT(usage, HasSubstr(s));
  }
  EXPECT_EQ(usage.back(), '\n');
  for (size_t start = 0, end; start < usage.size(); start = end + 1) {
    end = usage.find('\n', start);
    EXPECT_LE(end - start, 80u) << usage.substr(start, end - start);
  }
}

}  // namespace
}  // namespace ttrace
