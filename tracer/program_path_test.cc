// Tests for FindProgram against a scratch directory tree under TEST_TMPDIR.
#include "tracer/program_path.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace ttrace {
namespace {

class FindProgramTest : public testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = getenv("TEST_TMPDIR");
    std::string templ =
        absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/find_program_XXXXXX");
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    root_ = templ;
    for (const char* d : {"a", "b", "c"}) {
      ASSERT_EQ(mkdir(Path(d).c_str(), 0755), 0) << d;
    }
  }

  std::string Path(const std::string& rel) const {
    return absl::StrCat(root_, "/", rel);
  }

  // Creates `rel` (relative to the scratch root) with `mode`.
  void MakeFile(const std::string& rel, mode_t mode) {
    const std::string p = Path(rel);
    int fd = open(p.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
    ASSERT_GE(fd, 0) << p;
    ASSERT_EQ(write(fd, "#!/bin/sh\n", 10), 10);
    close(fd);
    ASSERT_EQ(chmod(p.c_str(), mode), 0) << p;
  }

  std::string root_;
};

TEST_F(FindProgramTest, FoundInPathOrder) {
  MakeFile("a/prog", 0755);
  MakeFile("b/prog", 0755);
  EXPECT_EQ(
      FindProgram("prog", absl::StrCat(Path("a"), ":", Path("b"))).value(),
      Path("a/prog"));
  EXPECT_EQ(
      FindProgram("prog", absl::StrCat(Path("b"), ":", Path("a"))).value(),
      Path("b/prog"));
}

TEST_F(FindProgramTest, SkipsDirectoriesWithoutIt) {
  MakeFile("c/prog", 0755);
  const std::string path_env =
      absl::StrCat(Path("missing"), ":", Path("a"), ":", Path("c"));
  EXPECT_EQ(FindProgram("prog", path_env).value(), Path("c/prog"));
}

TEST_F(FindProgramTest, NameWithSlashIsUsedAsIs) {
  MakeFile("a/prog", 0755);
  MakeFile("b/prog", 0755);
  // PATH is not consulted at all.
  EXPECT_EQ(FindProgram(Path("a/prog"), Path("b")).value(), Path("a/prog"));
  EXPECT_EQ(FindProgram(Path("a/prog"), "").value(), Path("a/prog"));
}

TEST_F(FindProgramTest, NameWithSlashErrors) {
  MakeFile("a/plain", 0644);
  MakeFile("a/file", 0755);
  EXPECT_EQ(FindProgram(Path("a/nothing"), Path("a")).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(FindProgram(Path("a/plain"), Path("a")).status().code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(FindProgram(Path("b"), Path("a")).status().code(),
            absl::StatusCode::kPermissionDenied);
  // A path through a regular file (ENOTDIR) does not exist.
  EXPECT_EQ(FindProgram(Path("a/file/x"), Path("a")).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(FindProgramTest, NotExecutableIsPermissionDenied) {
  MakeFile("a/prog", 0644);
  absl::StatusOr<std::string> r = FindProgram("prog", Path("a"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_NE(r.status().message().find("prog"), absl::string_view::npos)
      << r.status();
  EXPECT_NE(r.status().message().find("Permission denied"),
            absl::string_view::npos)
      << r.status();
}

TEST_F(FindProgramTest, DirectoryIsPermissionDenied) {
  ASSERT_EQ(mkdir(Path("a/prog").c_str(), 0755), 0);
  absl::StatusOr<std::string> r = FindProgram("prog", Path("a"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kPermissionDenied)
      << r.status();
}

TEST_F(FindProgramTest, MissingIsNotFound) {
  absl::StatusOr<std::string> r =
      FindProgram("prog", absl::StrCat(Path("a"), ":", Path("b")));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("prog"), absl::string_view::npos)
      << r.status();
}

TEST_F(FindProgramTest, EmptyNameIsNotFound) {
  MakeFile("a/prog", 0755);
  EXPECT_EQ(FindProgram("", Path("a")).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(FindProgramTest, PathEntryThatIsAFileIsSkipped) {
  MakeFile("a/file", 0755);
  MakeFile("b/prog", 0755);
  EXPECT_EQ(
      FindProgram("prog", absl::StrCat(Path("a/file"), ":", Path("b"))).value(),
      Path("b/prog"));
  EXPECT_EQ(FindProgram("prog", Path("a/file")).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(FindProgramTest, EarlierNotExecutableLaterExecutable) {
  MakeFile("a/prog", 0644);
  MakeFile("b/prog", 0755);
  EXPECT_EQ(
      FindProgram("prog", absl::StrCat(Path("a"), ":", Path("b"))).value(),
      Path("b/prog"));
}

TEST_F(FindProgramTest, EarlierDirectoryLaterExecutable) {
  ASSERT_EQ(mkdir(Path("a/prog").c_str(), 0755), 0);
  MakeFile("b/prog", 0755);
  EXPECT_EQ(
      FindProgram("prog", absl::StrCat(Path("a"), ":", Path("b"))).value(),
      Path("b/prog"));
}

TEST_F(FindProgramTest, PermissionDeniedBeatsNotFound) {
  // Like execvp: "not found" later in PATH does not hide the earlier EACCES.
  MakeFile("b/prog", 0644);
  EXPECT_EQ(FindProgram("prog",
                        absl::StrCat(Path("a"), ":", Path("b"), ":", Path("c")))
                .status()
                .code(),
            absl::StatusCode::kPermissionDenied);
}

// An empty PATH entry (leading, trailing or doubled colon) is the current
// directory.
class FindProgramCwdTest : public FindProgramTest {
 protected:
  void SetUp() override {
    FindProgramTest::SetUp();
    char buf[4096];
    ASSERT_NE(getcwd(buf, sizeof buf), nullptr);
    saved_cwd_ = buf;
    ASSERT_EQ(chdir(Path("a").c_str()), 0);
  }
  void TearDown() override { ASSERT_EQ(chdir(saved_cwd_.c_str()), 0); }

  std::string saved_cwd_;
};

TEST_F(FindProgramCwdTest, EmptyEntryIsCurrentDirectory) {
  MakeFile("a/prog", 0755);
  for (const std::string& path_env :
       {absl::StrCat(":", Path("missing")), absl::StrCat(Path("missing"), ":"),
        absl::StrCat(Path("missing"), "::", Path("missing")),
        std::string("")}) {
    absl::StatusOr<std::string> r = FindProgram("prog", path_env);
    ASSERT_TRUE(r.ok()) << "PATH=" << path_env << ": " << r.status();
    // Names a file in the current directory, usable with execv.
    struct stat got, want;
    ASSERT_EQ(stat(r->c_str(), &got), 0) << *r;
    ASSERT_EQ(stat(Path("a/prog").c_str(), &want), 0);
    EXPECT_EQ(got.st_ino, want.st_ino) << "PATH=" << path_env << ": " << *r;
  }
}

TEST_F(FindProgramCwdTest, EmptyEntryRespectsOrder) {
  MakeFile("a/prog", 0755);
  MakeFile("b/prog", 0755);
  EXPECT_EQ(FindProgram("prog", absl::StrCat(Path("b"), ":")).value(),
            Path("b/prog"));
}

TEST_F(FindProgramCwdTest, NoEmptyEntryMeansNoCurrentDirectory) {
  MakeFile("a/prog", 0755);
  EXPECT_EQ(FindProgram("prog", Path("b")).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace ttrace
