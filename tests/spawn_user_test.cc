// ttrace -u USER on a real command, outside Bazel's sandbox (its user
// namespace forbids changing ids; see cli_test's
// UserIdsRefusedIs126WithOneLine for what ttrace says there).
#include <unistd.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/cli_util.h"

namespace ttrace::testing {
namespace {

TEST(SpawnUserTest, CommandRunsWithTheUsersIds) {
  if (!CanChangeIds()) GTEST_SKIP() << "ids cannot be changed here (not root)";
  ProcessResult r =
      RunProcess({TtracePath(), "-f", "-e", "trace=none", "-u", "nobody",
                  "/bin/sh", "-c", "id -u; id -g; id -G; touch /proc/1/comm"});
  EXPECT_EQ(r.ExitCode(), 1) << r.Describe();  // touch: permission denied
  const std::vector<std::string> out = SplitLines(r.out);
  ASSERT_EQ(out.size(), 3u) << r.Describe();
  EXPECT_EQ(out[0], "65534");  // nobody
  EXPECT_EQ(out[1], "65534");  // nogroup
  EXPECT_EQ(out[2], "65534");  // and no group of root's left
  // The kernel says so too: the SIGCHLD of each child carries its uid.
  EXPECT_EQ(CountLinesContaining(r.err, "si_uid=65534,"), 4) << r.err;
  EXPECT_EQ(CountLinesContaining(r.err, "si_uid=0,"), 0) << r.err;
}

}  // namespace
}  // namespace ttrace::testing
