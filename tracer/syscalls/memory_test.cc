#include "tracer/syscalls/memory.h"

#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace ttrace {
namespace {

uint64_t Addr(const void* p) { return reinterpret_cast<uint64_t>(p); }

// A readable page followed by an unmapped one.
struct TwoPages {
  char* page;
  TwoPages() {
    void* p = mmap(nullptr, 8192, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    page = static_cast<char*>(p);
    munmap(page + 4096, 4096);
  }
  ~TwoPages() { munmap(page, 4096); }
};

TEST(ProcessVmReaderTest, ReadsOwnMemory) {
  ProcessVmReader mem;
  const char data[] = "hello world";
  char buf[16] = {};
  EXPECT_EQ(mem.Read(getpid(), Addr(data), buf, sizeof(data)),
            static_cast<ssize_t>(sizeof(data)));
  EXPECT_STREQ(buf, "hello world");
  EXPECT_EQ(mem.Read(getpid(), 0, buf, 4), -1);
  EXPECT_EQ(mem.Read(getpid(), Addr(data), buf, 0), 0);
}

TEST(ProcessVmReaderTest, PartialReadAcrossUnmappedPage) {
  TwoPages tp;
  memset(tp.page, 'x', 4096);
  ProcessVmReader mem;
  char buf[64];
  // 16 readable bytes, then the hole.
  EXPECT_EQ(mem.Read(getpid(), Addr(tp.page + 4096 - 16), buf, 64), 16);
  EXPECT_EQ(mem.Read(getpid(), Addr(tp.page + 4096), buf, 64), -1);
}

TEST(ProcessVmReaderTest, Strings) {
  ProcessVmReader mem;
  std::string s;
  bool truncated;
  const char data[] = "/etc/passwd";
  EXPECT_TRUE(mem.ReadString(getpid(), Addr(data), 4096, &s, &truncated));
  EXPECT_EQ(s, "/etc/passwd");
  EXPECT_FALSE(truncated);
  EXPECT_TRUE(mem.ReadString(getpid(), Addr(data), 4, &s, &truncated));
  EXPECT_EQ(s, "/etc");
  EXPECT_TRUE(truncated);
  EXPECT_FALSE(mem.ReadString(getpid(), 0, 10, &s, &truncated));

  // A string ending right before an unmapped page.
  TwoPages tp;
  memset(tp.page, 'a', 4096);
  tp.page[4095] = '\0';
  EXPECT_TRUE(
      mem.ReadString(getpid(), Addr(tp.page + 4000), 4096, &s, &truncated));
  EXPECT_EQ(s, std::string(95, 'a'));
  EXPECT_FALSE(truncated);
  // Unterminated up to the hole: what was readable.
  tp.page[4095] = 'a';
  EXPECT_TRUE(
      mem.ReadString(getpid(), Addr(tp.page + 4000), 4096, &s, &truncated));
  EXPECT_EQ(s, std::string(96, 'a'));
}

TEST(ProcessVmReaderTest, FdPathAndCwd) {
  ProcessVmReader mem;
  int fd = open("/dev/null", O_RDONLY);
  ASSERT_GE(fd, 0);
  std::string path;
  EXPECT_TRUE(mem.ReadFdPath(getpid(), fd, &path));
  EXPECT_EQ(path, "/dev/null");
  close(fd);
  EXPECT_FALSE(mem.ReadFdPath(getpid(), 987, &path));
  EXPECT_FALSE(mem.ReadFdPath(getpid(), -1, &path));
  char cwd[4096];
  ASSERT_NE(getcwd(cwd, sizeof(cwd)), nullptr);
  EXPECT_TRUE(mem.ReadCwd(getpid(), &path));
  EXPECT_EQ(path, cwd);
}

// -e kvm=vcpu finds a vcpu's kvm_run by its name in /proc/TID/maps; here a
// file's mapping, named by its path.
TEST(ProcessVmReaderTest, FindsMappingsByName) {
  char path[] = "/tmp/ttrace-maps-XXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(ftruncate(fd, 8192), 0);
  ProcessVmReader r;
  uint64_t start = 0;
  EXPECT_FALSE(r.FindMapping(getpid(), path, &start));
  void* a = mmap(nullptr, 4096, PROT_READ, MAP_SHARED, fd, 0);
  ASSERT_NE(a, MAP_FAILED);
  EXPECT_TRUE(r.FindMapping(getpid(), path, &start));
  EXPECT_EQ(start, reinterpret_cast<uint64_t>(a));
  // Not a prefix or a part of the name.
  EXPECT_FALSE(r.FindMapping(getpid(), std::string(path).substr(1), &start));
  EXPECT_FALSE(r.FindMapping(getpid(), std::string(path) + "x", &start));
  // Two mappings of the name (the same offset: never merged): ambiguous.
  void* b = mmap(nullptr, 4096, PROT_READ, MAP_SHARED, fd, 0);
  ASSERT_NE(b, MAP_FAILED);
  EXPECT_FALSE(r.FindMapping(getpid(), path, &start));
  munmap(b, 4096);
  munmap(a, 4096);
  EXPECT_FALSE(r.FindMapping(getpid(), path, &start));
  close(fd);
  unlink(path);
  EXPECT_FALSE(r.FindMapping(-1, path, &start));
}

// A netlink socket: its protocol once bound (unknown before, as for
// strace), and strace -yy's "ROUTE:portid".
TEST(ProcessVmReaderTest, NetlinkSockets) {
  const int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  ASSERT_GE(fd, 0);
  ProcessVmReader mem;
  EXPECT_EQ(mem.NetlinkProtocol(getpid(), fd), kNetlinkUnknownProtocol);
  sockaddr_nl self{};
  self.nl_family = AF_NETLINK;
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&self), sizeof self), 0);
  socklen_t len = sizeof self;
  ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&self), &len), 0);
  EXPECT_EQ(mem.NetlinkProtocol(getpid(), fd), NETLINK_ROUTE);
  std::string link;
  ASSERT_TRUE(mem.ReadFdPath(getpid(), fd, &link));
  FdDetails d;
  ASSERT_TRUE(mem.ReadFdDetails(getpid(), fd, link, &d));
  EXPECT_EQ(d.protocol, "NETLINK");
  EXPECT_EQ(d.text, absl::StrCat("ROUTE:", self.nl_pid));
  // Not a netlink socket.
  EXPECT_EQ(mem.NetlinkProtocol(getpid(), 0), -1);
  close(fd);
}

// The kernel's generic netlink control family is always 0x10, "nlctrl".
// -yy: a socket's details, once found with a peer or a name, are what is
// shown for its inode from then on, as strace caches them: a UNIX socket
// keeps its peer after the peer is closed. Other readers ask again.
TEST(ProcessVmReaderTest, SocketDetailsStayOnceFound) {
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
  ProcessVmReader mem;
  std::string link;
  ASSERT_TRUE(mem.ReadFdPath(getpid(), sv[0], &link));
  FdDetails d;
  ASSERT_TRUE(mem.ReadFdDetails(getpid(), sv[0], link, &d));
  EXPECT_EQ(d.protocol, "UNIX-STREAM");
  const std::string connected = d.text;
  EXPECT_TRUE(absl::StrContains(connected, "->")) << connected;
  close(sv[1]);
  ASSERT_TRUE(mem.ReadFdDetails(getpid(), sv[0], link, &d));
  EXPECT_EQ(d.text, connected);
  ProcessVmReader fresh;
  ASSERT_TRUE(fresh.ReadFdDetails(getpid(), sv[0], link, &d));
  EXPECT_EQ(d.text, link.substr(8, link.size() - 9));  // the inode alone
  close(sv[0]);
}

// An unnamed, unconnected UNIX socket's details are not kept: once bound,
// its name shows.
TEST(ProcessVmReaderTest, SocketDetailsWithoutPeerOrNameAreNotKept) {
  const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  ASSERT_GE(fd, 0);
  ProcessVmReader mem;
  std::string link;
  ASSERT_TRUE(mem.ReadFdPath(getpid(), fd, &link));
  FdDetails d;
  ASSERT_TRUE(mem.ReadFdDetails(getpid(), fd, link, &d));
  EXPECT_FALSE(d.has_unix_name);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const std::string name = absl::StrCat("ttrace-memory-test-", getpid());
  std::memcpy(addr.sun_path + 1, name.data(), name.size());  // abstract
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr),
                 offsetof(sockaddr_un, sun_path) + 1 + name.size()),
            0);
  ASSERT_TRUE(mem.ReadFdDetails(getpid(), fd, link, &d));
  EXPECT_TRUE(d.has_unix_name);
  EXPECT_TRUE(d.abstract);
  EXPECT_EQ(d.unix_name, name);
  close(fd);
}

// -yy: a protocol outside strace 6.1's table (the kernel's "UDP-Lite",
// strace's being "UDPLITE") has no details: the socket keeps its path.
TEST(ProcessVmReaderTest, ProtocolsStraceDoesNotNameHaveNoDetails) {
  const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_UDPLITE);
  if (fd < 0) GTEST_SKIP() << "no UDP-Lite";
  ProcessVmReader mem;
  std::string link;
  ASSERT_TRUE(mem.ReadFdPath(getpid(), fd, &link));
  FdDetails d;
  EXPECT_FALSE(mem.ReadFdDetails(getpid(), fd, link, &d));
  close(fd);
  const int udp = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  ASSERT_GE(udp, 0);
  ASSERT_TRUE(mem.ReadFdPath(getpid(), udp, &link));
  ASSERT_TRUE(mem.ReadFdDetails(getpid(), udp, link, &d));
  EXPECT_EQ(d.protocol, "UDP");
  close(udp);
}

TEST(SocketDetailsCacheTest, DirectMappedByInode) {
  SocketDetailsCache cache;
  EXPECT_EQ(cache.Find(5), nullptr);
  FdDetails d;
  d.kind = FdDetails::Kind::kSocket;
  d.text = "a";
  cache.Put(5, d);
  ASSERT_NE(cache.Find(5), nullptr);
  EXPECT_EQ(cache.Find(5)->text, "a");
  EXPECT_EQ(cache.Find(5 + SocketDetailsCache::kEntries), nullptr);
  // Another inode of the same entry takes it.
  d.text = "b";
  cache.Put(5 + SocketDetailsCache::kEntries, d);
  EXPECT_EQ(cache.Find(5), nullptr);
  EXPECT_EQ(cache.Find(5 + SocketDetailsCache::kEntries)->text, "b");
  EXPECT_EQ(cache.Find(0), nullptr);  // an entry never used
}

TEST(ProcessVmReaderTest, GenlFamilyNames) {
  ProcessVmReader mem;
  std::string name;
  ASSERT_TRUE(mem.GenlFamilyName(0x10, &name));
  EXPECT_EQ(name, "nlctrl");
  EXPECT_FALSE(mem.GenlFamilyName(0xfff0, &name));
}

TEST(FakeMemoryTest, MapsAndReads) {
  FakeMemory mem;
  mem.MapString(0x1000, "abc");
  char buf[8];
  EXPECT_EQ(mem.Read(1, 0x1000, buf, 4), 4);
  EXPECT_EQ(mem.Read(1, 0x1000, buf, 8), 4);  // partial
  EXPECT_EQ(mem.Read(1, 0x2000, buf, 8), -1);
  std::string s;
  bool truncated;
  EXPECT_TRUE(mem.ReadString(1, 0x1000, 10, &s, &truncated));
  EXPECT_EQ(s, "abc");
  EXPECT_FALSE(truncated);
  EXPECT_TRUE(mem.ReadString(1, 0x1000, 2, &s, &truncated));
  EXPECT_EQ(s, "ab");
  EXPECT_TRUE(truncated);
  mem.MapPointers(0x3000, {0x1000, 0});
  uint64_t p[2];
  EXPECT_EQ(mem.Read(1, 0x3000, p, 16), 16);
  EXPECT_EQ(p[0], 0x1000u);
  mem.SetFdPath(3, "/etc/passwd");
  EXPECT_TRUE(mem.ReadFdPath(1, 3, &s));
  EXPECT_EQ(s, "/etc/passwd");
  EXPECT_FALSE(mem.ReadFdPath(1, 4, &s));
  EXPECT_FALSE(mem.ReadCwd(1, &s));
  mem.SetCwd("/tmp");
  EXPECT_TRUE(mem.ReadCwd(1, &s));
  EXPECT_EQ(s, "/tmp");
}

}  // namespace
}  // namespace ttrace
