#include "tracer/syscalls/fd_details.h"

#include <arpa/inet.h>
#include <linux/genetlink.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iterator>
#include <map>
#include <mutex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace ttrace {
namespace {

// One netlink dump request (a `type` message carrying `request`) to the
// kernel on a `protocol` socket; `match` sees each answer until it returns
// true. False when nothing matched (or netlink failed).
template <typename Request, typename Match>
bool NetlinkDump(int protocol, uint16_t type, const Request& request,
                 Match match) {
  const int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
  if (fd < 0) return false;
  struct {
    nlmsghdr header;
    Request request;
  } message{};
  message.header.nlmsg_len = sizeof message;
  message.header.nlmsg_type = type;
  message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  message.request = request;
  sockaddr_nl kernel{};
  kernel.nl_family = AF_NETLINK;
  bool found = false;
  if (sendto(fd, &message, sizeof message, 0,
             reinterpret_cast<sockaddr*>(&kernel),
             sizeof kernel) == static_cast<ssize_t>(sizeof message)) {
    alignas(nlmsghdr) char buf[16384];
    for (bool done = false; !done && !found;) {
      const ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      size_t left = static_cast<size_t>(n);
      for (auto* h = reinterpret_cast<nlmsghdr*>(buf);
           NLMSG_OK(h, left) && !found; h = NLMSG_NEXT(h, left)) {
        if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR) {
          done = true;
          break;
        }
        found = match(h);
      }
    }
  }
  close(fd);
  return found;
}

// A NETLINK_SOCK_DIAG dump.
template <typename Request, typename Match>
bool Dump(const Request& request, Match match) {
  return NetlinkDump(NETLINK_SOCK_DIAG, SOCK_DIAG_BY_FAMILY, request, match);
}

void AppendAddress(std::string* out, int family, const uint32_t* addr,
                   uint16_t port_be) {
  char text[INET6_ADDRSTRLEN] = "?";
  inet_ntop(family, addr, text, sizeof text);
  if (family == AF_INET6) {
    absl::StrAppend(out, "[", text, "]:", ntohs(port_be));
  } else {
    absl::StrAppend(out, text, ":", ntohs(port_be));
  }
}

// TCP and UDP, v4 and v6: "src:port" or "src:port->dst:port".
bool InetDetails(uint64_t inode, int family, int protocol, std::string* out) {
  inet_diag_req_v2 request{};
  request.sdiag_family = static_cast<uint8_t>(family);
  request.sdiag_protocol = static_cast<uint8_t>(protocol);
  request.idiag_states = ~0u;
  return Dump(request, [&](const nlmsghdr* h) {
    if (h->nlmsg_len < NLMSG_LENGTH(sizeof(inet_diag_msg))) return false;
    const auto* m = static_cast<const inet_diag_msg*>(NLMSG_DATA(h));
    if (m->idiag_inode != inode) return false;
    out->clear();
    AppendAddress(out, family, m->id.idiag_src, m->id.idiag_sport);
    const int words = family == AF_INET6 ? 4 : 1;
    bool remote = m->id.idiag_dport != 0;
    for (int i = 0; i < words; ++i) remote |= m->id.idiag_dst[i] != 0;
    if (remote) {
      out->append("->");
      AppendAddress(out, family, m->id.idiag_dst, m->id.idiag_dport);
    }
    return true;
  });
}

// UNIX: "ino", "ino->peer" (when connected), and the name.
bool UnixDetails(uint64_t inode, FdDetails* d) {
  unix_diag_req request{};
  request.sdiag_family = AF_UNIX;
  request.udiag_states = ~0u;
  request.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER;
  return Dump(request, [&](const nlmsghdr* h) {
    if (h->nlmsg_len < NLMSG_LENGTH(sizeof(unix_diag_msg))) return false;
    const auto* m = static_cast<const unix_diag_msg*>(NLMSG_DATA(h));
    if (m->udiag_ino != inode) return false;
    d->text = absl::StrCat(inode);
    size_t left = h->nlmsg_len - NLMSG_LENGTH(sizeof *m);
    for (auto* a = reinterpret_cast<const rtattr*>(m + 1); RTA_OK(a, left);
         a = RTA_NEXT(a, left)) {
      const char* data = static_cast<const char*>(RTA_DATA(a));
      const size_t len = RTA_PAYLOAD(a);
      if (a->rta_type == UNIX_DIAG_PEER && len >= sizeof(uint32_t)) {
        uint32_t peer;
        std::memcpy(&peer, data, sizeof peer);
        // An unconnected socket has peer 0: strace shows no "->0".
        if (peer != 0) absl::StrAppend(&d->text, "->", peer);
      } else if (a->rta_type == UNIX_DIAG_NAME && len > 0) {
        // A path name ends at its NUL; an abstract one starts with one
        // and is all its bytes.
        d->has_unix_name = true;
        d->abstract = data[0] == '\0';
        d->unix_name.assign(data + (d->abstract ? 1 : 0),
                            d->abstract ? len - 1 : strnlen(data, len));
      }
    }
    return true;
  });
}

}  // namespace

namespace {

// The protocol and port id of the netlink socket with this inode, from
// /proc/TID/net/netlink (which lists bound sockets only). False when it
// is not there.
bool FindNetlinkSocket(pid_t tid, unsigned long long inode, int* protocol,
                       unsigned long long* portid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/net/netlink", tid);
  FILE* f = fopen(path, "re");
  if (f == nullptr) return false;
  // sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode
  char line[256];
  bool found = false;
  while (!found && fgets(line, sizeof line, f) != nullptr) {
    int eth;
    unsigned long long pid, ino;
    if (sscanf(line, "%*s %d %llu %*s %*s %*s %*s %*s %*s %llu", &eth, &pid,
               &ino) == 3 &&
        ino == inode) {
      *protocol = eth;
      *portid = pid;
      found = true;
    }
  }
  fclose(f);
  return found;
}

// strace -yy's names of netlink protocols.
const char* NetlinkProtocolName(int protocol) {
  static constexpr const char* kNames[] = {
      "ROUTE",          "UNUSED",    "USERSOCK",  "FIREWALL",      "SOCK_DIAG",
      "NFLOG",          "XFRM",      "SELINUX",   "ISCSI",         "AUDIT",
      "FIB_LOOKUP",     "CONNECTOR", "NETFILTER", "IP6_FW",        "DNRTMSG",
      "KOBJECT_UEVENT", "GENERIC",   nullptr,     "SCSITRANSPORT", "ECRYPTFS",
      "RDMA",           "CRYPTO",    "SMC"};
  if (protocol < 0 ||
      protocol >= static_cast<int>(sizeof kNames / sizeof kNames[0])) {
    return nullptr;
  }
  return kNames[protocol];
}

}  // namespace

int ReadNetlinkProtocol(pid_t tid, int fd) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/fd/%d", tid, fd);
  char link[64];
  const ssize_t n = readlink(path, link, sizeof link - 1);
  if (n <= 0) return -1;
  link[n] = '\0';
  unsigned long long inode = 0;
  if (sscanf(link, "socket:[%llu]", &inode) != 1) return -1;
  // A socket's protocol never changes and its inode is not reused while
  // it is open: the answers for sockets that are not netlink, or netlink
  // ones already bound, are kept (sendto and recvfrom on ordinary sockets
  // then cost one readlink).
  struct Known {
    unsigned long long inode;
    int protocol;
  };
  thread_local Known known[256] = {};
  Known& slot = known[inode % 256];
  if (slot.inode == inode && inode != 0) return slot.protocol;
  char name[16];
  const ssize_t m =
      getxattr(path, "system.sockprotoname", name, sizeof name - 1);
  if (m <= 0) return -1;
  name[m] = '\0';
  int protocol = -1;
  if (strcmp(name, "NETLINK") == 0) {
    unsigned long long portid;
    if (!FindNetlinkSocket(tid, inode, &protocol, &portid)) {
      return kNetlinkUnknownProtocol;  // unbound: may be bound later
    }
  }
  slot = {inode, protocol};
  return protocol;
}

namespace {

// All generic netlink families: id -> name. Empty when netlink failed.
std::map<uint16_t, std::string> DumpGenlFamilies() {
  std::map<uint16_t, std::string> families;
  genlmsghdr request{};
  request.cmd = CTRL_CMD_GETFAMILY;
  request.version = 1;
  NetlinkDump(NETLINK_GENERIC, GENL_ID_CTRL, request, [&](const nlmsghdr* h) {
    if (h->nlmsg_len < NLMSG_LENGTH(GENL_HDRLEN)) return false;
    size_t alen = h->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
    auto* a = reinterpret_cast<const rtattr*>(
        static_cast<const char*>(NLMSG_DATA(h)) + GENL_HDRLEN);
    int id = -1;
    std::string name;
    for (; RTA_OK(a, alen); a = RTA_NEXT(a, alen)) {
      const char* data = static_cast<const char*>(RTA_DATA(a));
      const size_t len = RTA_PAYLOAD(a);
      if (a->rta_type == CTRL_ATTR_FAMILY_ID && len >= 2) {
        uint16_t v;
        std::memcpy(&v, data, 2);
        id = v;
      } else if (a->rta_type == CTRL_ATTR_FAMILY_NAME) {
        name.assign(data, strnlen(data, len));
      }
    }
    if (id >= 0 && !name.empty()) families[static_cast<uint16_t>(id)] = name;
    return false;  // every family
  });
  return families;
}

}  // namespace

bool ReadGenlFamilyName(uint16_t id, std::string* out) {
  static std::mutex mu;
  static std::map<uint16_t, std::string>* families = nullptr;
  static time_t read_at = 0;
  std::lock_guard<std::mutex> lock(mu);
  const time_t now = time(nullptr);
  if (families == nullptr || (families->count(id) == 0 && now != read_at)) {
    if (families == nullptr) families = new std::map<uint16_t, std::string>;
    *families = DumpGenlFamilies();
    read_at = now;
  }
  auto it = families->find(id);
  if (it == families->end()) return false;
  *out = it->second;
  return true;
}

const FdDetails* SocketDetailsCache::Find(uint64_t inode) const {
  if (entries_.empty()) return nullptr;
  const Entry& e = entries_[inode % kEntries];
  return e.used && e.inode == inode ? &e.details : nullptr;
}

void SocketDetailsCache::Put(uint64_t inode, const FdDetails& details) {
  if (entries_.empty()) entries_.resize(kEntries);
  Entry& e = entries_[inode % kEntries];
  e.inode = inode;
  e.used = true;
  e.details = details;
}

bool ReadFdDetails(pid_t tid, int fd, const std::string& link, FdDetails* out,
                   SocketDetailsCache* cache) {
  *out = FdDetails();
  const std::string proc = absl::StrCat("/proc/", tid, "/fd/", fd);
  absl::string_view l = link;
  if (absl::ConsumePrefix(&l, "socket:[") && absl::ConsumeSuffix(&l, "]")) {
    uint64_t inode = 0;
    if (!absl::SimpleAtoi(l, &inode)) return false;
    if (cache != nullptr) {
      if (const FdDetails* cached = cache->Find(inode)) {
        *out = *cached;
        return true;
      }
    }
    char name[64];
    const ssize_t n =
        getxattr(proc.c_str(), "system.sockprotoname", name, sizeof name - 1);
    if (n <= 0) return false;
    // strace 6.1 names only the protocols of its table; others (PACKET,
    // UDP-Lite, MPTCP, AF_VSOCK, ...) keep the "socket:[INODE]" path.
    static constexpr absl::string_view kStraceProtocols[] = {
        "UNIX",   "UNIX-STREAM", "TCP",       "UDP",    "UDPLITE",
        "DCCP",   "SCTP",        "L2TP/IP",   "PING",   "RAW",
        "TCPv6",  "UDPv6",       "UDPLITEv6", "DCCPv6", "L2TP/IPv6",
        "SCTPv6", "PINGv6",      "RAWv6",     "NETLINK"};
    const absl::string_view got(name, strnlen(name, static_cast<size_t>(n)));
    if (std::find(std::begin(kStraceProtocols), std::end(kStraceProtocols),
                  got) == std::end(kStraceProtocols)) {
      return false;
    }
    out->kind = FdDetails::Kind::kSocket;
    out->protocol.assign(name, static_cast<size_t>(n));
    while (!out->protocol.empty() && out->protocol.back() == '\0') {
      out->protocol.pop_back();
    }
    const std::string& p = out->protocol;
    bool found = false;
    bool keep = true;  // found details go into the cache
    if (p == "TCP" || p == "UDP" || p == "TCPv6" || p == "UDPv6") {
      found = InetDetails(inode, p.size() == 5 ? AF_INET6 : AF_INET,
                          p[0] == 'T' ? IPPROTO_TCP : IPPROTO_UDP, &out->text);
    } else if (p == "UNIX" || p == "UNIX-STREAM") {
      found = UnixDetails(inode, out);
      // strace keeps a UNIX socket's details only once it has a peer or a
      // name (then they stay, even after the peer is gone).
      keep = out->has_unix_name || absl::StrContains(out->text, "->");
    } else if (p == "NETLINK") {
      // A bound one: "ROUTE:1234", its protocol and port id.
      int protocol;
      unsigned long long portid;
      if (FindNetlinkSocket(tid, inode, &protocol, &portid)) {
        const char* name = NetlinkProtocolName(protocol);
        out->text = name != nullptr ? absl::StrCat(name, ":", portid)
                                    : absl::StrCat(protocol, ":", portid);
        found = true;
      }
    }
    if (!found) out->text = absl::StrCat(inode);
    if (cache != nullptr && found && keep) cache->Put(inode, *out);
    return true;
  }
  if (link == "anon_inode:[pidfd]") {
    char buf[1024];
    FILE* f = fopen(absl::StrCat("/proc/", tid, "/fdinfo/", fd).c_str(), "re");
    if (f == nullptr) return false;
    bool found = false;
    while (fgets(buf, sizeof buf, f) != nullptr) {
      absl::string_view line = buf;
      if (absl::ConsumePrefix(&line, "Pid:")) {
        int pid = 0;
        found = absl::SimpleAtoi(absl::StripAsciiWhitespace(line), &pid);
        out->pid = pid;
      }
    }
    fclose(f);
    if (found) out->kind = FdDetails::Kind::kPid;
    return found;
  }
  struct stat st;
  if (stat(proc.c_str(), &st) == 0 &&
      (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))) {
    out->kind = FdDetails::Kind::kDevice;
    out->block = S_ISBLK(st.st_mode);
    out->major = major(st.st_rdev);
    out->minor = minor(st.st_rdev);
    return true;
  }
  return false;
}

}  // namespace ttrace
