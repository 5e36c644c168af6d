// FdDetails: what strace's -yy adds about an open file descriptor beyond
// its path: a socket's protocol and addresses (from NETLINK_SOCK_DIAG), a
// device's type and numbers, a pidfd's process.
//
// Usage:
//   FdDetails d;
//   if (ReadFdDetails(tid, fd, "socket:[1234]", &d)) ...  // d.kind kSocket
//
// The decoder prints them as strace 6.1 does (tracer/syscalls/decoding.h):
//   3<TCP:[127.0.0.1:45072->127.0.0.1:45855]>   3<TCP:[127.0.0.1:37663]>
//   5<UNIX-STREAM:[9922300->9922299,"/tmp/s"]>   6<UNIX:[9922306,@"abs"]>
//   11<NETLINK:[9922318]>   3<NETLINK:[ROUTE:31546]>   5<pid:13809>
//   7</dev/zero<char 1:5>>
// The protocol name is the kernel's (the socket's system.sockprotoname
// attribute): "TCP", "UDP", "TCPv6", "UDPv6", "UNIX-STREAM", "UNIX" (for
// datagram and seqpacket sockets), "NETLINK", ... Addresses are looked up
// for TCP, UDP (v4 and v6) and UNIX sockets, and a bound netlink socket
// shows its protocol and port id; other protocols, or a socket the lookup
// does not find, show the inode only.
#ifndef TTRACE_TRACER_SYSCALLS_FD_DETAILS_H_
#define TTRACE_TRACER_SYSCALLS_FD_DETAILS_H_

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ttrace {

struct FdDetails {
  enum class Kind { kNone, kSocket, kDevice, kPid };
  Kind kind = Kind::kNone;
  // kSocket: the protocol, and what goes between its brackets before the
  // UNIX name: "127.0.0.1:5->127.0.0.1:6", "[::1]:5", "9922300->9922299",
  // or the inode alone.
  std::string protocol;
  std::string text;
  // kSocket, UNIX with a name: the name (without the leading NUL of an
  // abstract one, which `abstract` says).
  bool has_unix_name = false;
  bool abstract = false;
  std::string unix_name;
  // kDevice.
  bool block = false;  // else a character device
  unsigned major = 0;
  unsigned minor = 0;
  // kPid: the process a pidfd refers to.
  pid_t pid = 0;
};

// strace's cache of socket details (socketutils.c): once a socket's
// addresses have been found, they are what is printed for its inode from
// then on, even after they changed (a UNIX socket whose peer was closed
// keeps "a->b"), until another inode takes the entry. Direct-mapped by
// inode, 1024 entries, as strace's.
class SocketDetailsCache {
 public:
  static constexpr size_t kEntries = 1024;
  // The details found for `inode`, or null.
  const FdDetails* Find(uint64_t inode) const;
  void Put(uint64_t inode, const FdDetails& details);

 private:
  struct Entry {
    uint64_t inode = 0;
    bool used = false;
    FdDetails details;
  };
  std::vector<Entry> entries_;  // kEntries of them once one is put
};

// Details of `fd` of thread `tid`, whose /proc link is `link`. False (and
// kind kNone) when there are none to add to the path. With a cache, a
// socket's details come from it when it has them, and go into it when
// they are found.
bool ReadFdDetails(pid_t tid, int fd, const std::string& link, FdDetails* out,
                   SocketDetailsCache* cache = nullptr);

// The protocol (NETLINK_ROUTE = 0, ...) of `fd` of thread `tid` if it is a
// netlink socket listed in the thread's /proc/TID/net/netlink;
// kNetlinkUnknownProtocol for a netlink socket not listed there (an
// unbound one, whose protocol strace cannot tell either); -1 for anything
// else.
inline constexpr int kNetlinkUnknownProtocol = 1 << 16;
int ReadNetlinkProtocol(pid_t tid, int fd);

// The name of generic netlink family `id` ("nlctrl", "nl80211", ...), as
// the kernel lists them to ttrace (CTRL_CMD_GETFAMILY): what strace -f
// prints for a NETLINK_GENERIC message's type. The list is read once and
// again (at most once a second) when an id is not in it. False when
// there is no such family.
bool ReadGenlFamilyName(uint16_t id, std::string* out);

}  // namespace ttrace

#endif  // TTRACE_TRACER_SYSCALLS_FD_DETAILS_H_
