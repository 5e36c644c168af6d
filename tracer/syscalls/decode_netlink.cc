// Netlink messages in the buffers of sendto/recvfrom on netlink sockets
// and of sendmsg/recvmsg (and the mmsg calls) whose msg_name is a netlink
// address, printed as strace 6.1 prints them:
//
//   [{nlmsg_len=40, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|
//   NLM_F_DUMP, nlmsg_seq=1, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ...},
//   [{nla_len=8, nla_type=IFLA_EXT_MASK}, RTEXT_FILTER_VF]]
//
// Layers: the nlmsghdr list of any protocol (generic types, flags named by
// the kind of request, NLMSG_ERROR (with extended acks) and NLMSG_DONE
// bodies, a short tail in hex, "..." after -s messages, attributes and
// array elements); NETLINK_ROUTE's ifinfomsg (with IFLA_AF_SPEC,
// IFLA_PROTINFO of AF_INET6, IFLA_LINKINFO, IFLA_XDP, stats), ifaddrmsg,
// rtmsg (metrics, multipath), ndmsg, fib_rule_hdr and tcmsg (qdiscs,
// classes, filters) with their attributes; NETLINK_SOCK_DIAG's inet
// (inet_diag_req_v2, inet_diag_req, inet_diag_msg), UNIX and netlink
// requests and answers with their attributes, packet requests; the
// message types of xfrm, SELinux, audit and generic netlink. Anything not
// decoded shows as strace shows it: its bytes in hex. Not decoded (strace
// does): netfilter and crypto messages, the bodies of generic netlink,
// audit and xfrm messages, packet and smc socket diag answers, tc actions
// and the rest of NETLINK_ROUTE's messages (neighbour tables, netconf,
// ...), tc options, bridge port and bridge data attributes.
//
// The buffer is read from the tracee once; every field is then taken from
// that copy. Whatever lies past what could be read prints as strace
// prints an unreadable address.
#include <arpa/inet.h>
#include <net/if.h>

#include <cstdio>
#include <cstring>
#include <iterator>
#include <string>

#include "output/errno_names.h"
#include "tracer/syscalls/decoding.h"
#include "tracer/syscalls/format.h"

namespace ttrace {
namespace decode {

namespace {

constexpr int kNetlinkRoute = 0;
constexpr int kNetlinkSockDiag = 4;
constexpr int kNetlinkXfrm = 6;
constexpr int kNetlinkSelinux = 7;
constexpr int kNetlinkAudit = 9;
constexpr int kNetlinkGeneric = 16;
constexpr int kNetlinkKobjectUevent = 15;

constexpr uint32_t kHdrLen = 16;  // NLMSG_HDRLEN
constexpr uint32_t kNlaHdrLen = 4;

constexpr uint32_t Align4(uint32_t v) { return (v + 3) & ~3u; }

// ---------------------------------------------------------------------------
// Names.
// ---------------------------------------------------------------------------
constexpr XlatEntry kNlmsgTypes[] = {
    {1, "NLMSG_NOOP"},
    {2, "NLMSG_ERROR"},
    {3, "NLMSG_DONE"},
    {4, "NLMSG_OVERRUN"},
};

constexpr XlatEntry kRouteTypes[] = {
    {16, "RTM_NEWLINK"},
    {17, "RTM_DELLINK"},
    {18, "RTM_GETLINK"},
    {19, "RTM_SETLINK"},
    {20, "RTM_NEWADDR"},
    {21, "RTM_DELADDR"},
    {22, "RTM_GETADDR"},
    {24, "RTM_NEWROUTE"},
    {25, "RTM_DELROUTE"},
    {26, "RTM_GETROUTE"},
    {28, "RTM_NEWNEIGH"},
    {29, "RTM_DELNEIGH"},
    {30, "RTM_GETNEIGH"},
    {32, "RTM_NEWRULE"},
    {33, "RTM_DELRULE"},
    {34, "RTM_GETRULE"},
    {36, "RTM_NEWQDISC"},
    {37, "RTM_DELQDISC"},
    {38, "RTM_GETQDISC"},
    {40, "RTM_NEWTCLASS"},
    {41, "RTM_DELTCLASS"},
    {42, "RTM_GETTCLASS"},
    {44, "RTM_NEWTFILTER"},
    {45, "RTM_DELTFILTER"},
    {46, "RTM_GETTFILTER"},
    {48, "RTM_NEWACTION"},
    {49, "RTM_DELACTION"},
    {50, "RTM_GETACTION"},
    {52, "RTM_NEWPREFIX"},
    {58, "RTM_GETMULTICAST"},
    {62, "RTM_GETANYCAST"},
    {64, "RTM_NEWNEIGHTBL"},
    {66, "RTM_GETNEIGHTBL"},
    {67, "RTM_SETNEIGHTBL"},
    {68, "RTM_NEWNDUSEROPT"},
    {72, "RTM_NEWADDRLABEL"},
    {73, "RTM_DELADDRLABEL"},
    {74, "RTM_GETADDRLABEL"},
    {78, "RTM_GETDCB"},
    {79, "RTM_SETDCB"},
    {80, "RTM_NEWNETCONF"},
    {81, "RTM_DELNETCONF"},
    {82, "RTM_GETNETCONF"},
    {84, "RTM_NEWMDB"},
    {85, "RTM_DELMDB"},
    {86, "RTM_GETMDB"},
    {88, "RTM_NEWNSID"},
    {89, "RTM_DELNSID"},
    {90, "RTM_GETNSID"},
    {92, "RTM_NEWSTATS"},
    {94, "RTM_GETSTATS"},
    {95, "RTM_SETSTATS"},
    {96, "RTM_NEWCACHEREPORT"},
    {100, "RTM_NEWCHAIN"},
    {101, "RTM_DELCHAIN"},
    {102, "RTM_GETCHAIN"},
    {104, "RTM_NEWNEXTHOP"},
    {105, "RTM_DELNEXTHOP"},
    {106, "RTM_GETNEXTHOP"},
    {108, "RTM_NEWLINKPROP"},
    {109, "RTM_DELLINKPROP"},
    {110, "RTM_GETLINKPROP"},
    {112, "RTM_NEWVLAN"},
    {113, "RTM_DELVLAN"},
    {114, "RTM_GETVLAN"},
    {116, "RTM_NEWNEXTHOPBUCKET"},
    {117, "RTM_DELNEXTHOPBUCKET"},
    {118, "RTM_GETNEXTHOPBUCKET"},
    {120, "RTM_NEWTUNNEL"},
    {121, "RTM_DELTUNNEL"},
    {122, "RTM_GETTUNNEL"},
};

constexpr XlatEntry kSockDiagTypes[] = {
    {18, "TCPDIAG_GETSOCK"},
    {19, "DCCPDIAG_GETSOCK"},
    {20, "SOCK_DIAG_BY_FAMILY"},
    {21, "SOCK_DESTROY"},
};

constexpr XlatEntry kXfrmTypes[] = {
    {0x10, "XFRM_MSG_NEWSA"},      {0x11, "XFRM_MSG_DELSA"},
    {0x12, "XFRM_MSG_GETSA"},      {0x13, "XFRM_MSG_NEWPOLICY"},
    {0x14, "XFRM_MSG_DELPOLICY"},  {0x15, "XFRM_MSG_GETPOLICY"},
    {0x16, "XFRM_MSG_ALLOCSPI"},   {0x17, "XFRM_MSG_ACQUIRE"},
    {0x18, "XFRM_MSG_EXPIRE"},     {0x19, "XFRM_MSG_UPDPOLICY"},
    {0x1a, "XFRM_MSG_UPDSA"},      {0x1b, "XFRM_MSG_POLEXPIRE"},
    {0x1c, "XFRM_MSG_FLUSHSA"},    {0x1d, "XFRM_MSG_FLUSHPOLICY"},
    {0x1e, "XFRM_MSG_NEWAE"},      {0x1f, "XFRM_MSG_GETAE"},
    {0x20, "XFRM_MSG_REPORT"},     {0x21, "XFRM_MSG_MIGRATE"},
    {0x22, "XFRM_MSG_NEWSADINFO"}, {0x23, "XFRM_MSG_GETSADINFO"},
    {0x24, "XFRM_MSG_NEWSPDINFO"}, {0x25, "XFRM_MSG_GETSPDINFO"},
    {0x26, "XFRM_MSG_MAPPING"},    {0x27, "XFRM_MSG_SETDEFAULT"},
    {0x28, "XFRM_MSG_GETDEFAULT"},
};

constexpr XlatEntry kSelnlTypes[] = {
    {16, "SELNL_MSG_SETENFORCE"},
    {17, "SELNL_MSG_POLICYLOAD"},
};

// strace 6.1's names of audit messages.
constexpr XlatEntry kAuditTypes[] = {
    {1000, "AUDIT_GET"},
    {1001, "AUDIT_SET"},
    {1002, "AUDIT_LIST"},
    {1003, "AUDIT_ADD"},
    {1004, "AUDIT_DEL"},
    {1005, "AUDIT_USER"},
    {1006, "AUDIT_LOGIN"},
    {1007, "AUDIT_WATCH_INS"},
    {1008, "AUDIT_WATCH_REM"},
    {1009, "AUDIT_WATCH_LIST"},
    {1010, "AUDIT_SIGNAL_INFO"},
    {1011, "AUDIT_ADD_RULE"},
    {1012, "AUDIT_DEL_RULE"},
    {1013, "AUDIT_LIST_RULES"},
    {1014, "AUDIT_TRIM"},
    {1015, "AUDIT_MAKE_EQUIV"},
    {1016, "AUDIT_TTY_GET"},
    {1017, "AUDIT_TTY_SET"},
    {1018, "AUDIT_SET_FEATURE"},
    {1019, "AUDIT_GET_FEATURE"},
    {1100, "AUDIT_FIRST_USER_MSG"},
    {1107, "AUDIT_USER_AVC"},
    {1124, "AUDIT_USER_TTY"},
    {1199, "AUDIT_LAST_USER_MSG"},
    {1200, "AUDIT_DAEMON_START"},
    {1201, "AUDIT_DAEMON_END"},
    {1202, "AUDIT_DAEMON_ABORT"},
    {1203, "AUDIT_DAEMON_CONFIG"},
    {1300, "AUDIT_SYSCALL"},
    {1301, "AUDIT_FS_WATCH"},
    {1302, "AUDIT_PATH"},
    {1303, "AUDIT_IPC"},
    {1304, "AUDIT_SOCKETCALL"},
    {1305, "AUDIT_CONFIG_CHANGE"},
    {1306, "AUDIT_SOCKADDR"},
    {1307, "AUDIT_CWD"},
    {1309, "AUDIT_EXECVE"},
    {1311, "AUDIT_IPC_SET_PERM"},
    {1312, "AUDIT_MQ_OPEN"},
    {1313, "AUDIT_MQ_SENDRECV"},
    {1314, "AUDIT_MQ_NOTIFY"},
    {1315, "AUDIT_MQ_GETSETATTR"},
    {1316, "AUDIT_KERNEL_OTHER"},
    {1317, "AUDIT_FD_PAIR"},
    {1318, "AUDIT_OBJ_PID"},
    {1319, "AUDIT_TTY"},
    {1320, "AUDIT_EOE"},
    {1321, "AUDIT_BPRM_FCAPS"},
    {1322, "AUDIT_CAPSET"},
    {1323, "AUDIT_MMAP"},
    {1324, "AUDIT_NETFILTER_PKT"},
    {1325, "AUDIT_NETFILTER_CFG"},
    {1326, "AUDIT_SECCOMP"},
    {1327, "AUDIT_PROCTITLE"},
    {1328, "AUDIT_FEATURE_CHANGE"},
    {1329, "AUDIT_REPLACE"},
    {1330, "AUDIT_KERN_MODULE"},
    {1331, "AUDIT_FANOTIFY"},
    {1332, "AUDIT_TIME_INJOFFSET"},
    {1333, "AUDIT_TIME_ADJNTPVAL"},
    {1334, "AUDIT_BPF"},
    {1335, "AUDIT_EVENT_LISTENER"},
    {1336, "AUDIT_URINGOP"},
    {1337, "AUDIT_OPENAT2"},
    {1338, "AUDIT_DM_CTRL"},
    {1339, "AUDIT_DM_EVENT"},
    {1400, "AUDIT_AVC"},
    {1401, "AUDIT_SELINUX_ERR"},
    {1402, "AUDIT_AVC_PATH"},
    {1403, "AUDIT_MAC_POLICY_LOAD"},
    {1404, "AUDIT_MAC_STATUS"},
    {1405, "AUDIT_MAC_CONFIG_CHANGE"},
    {1406, "AUDIT_MAC_UNLBL_ALLOW"},
    {1407, "AUDIT_MAC_CIPSOV4_ADD"},
    {1408, "AUDIT_MAC_CIPSOV4_DEL"},
    {1409, "AUDIT_MAC_MAP_ADD"},
    {1410, "AUDIT_MAC_MAP_DEL"},
    {1411, "AUDIT_MAC_IPSEC_ADDSA"},
    {1412, "AUDIT_MAC_IPSEC_DELSA"},
    {1413, "AUDIT_MAC_IPSEC_ADDSPD"},
    {1414, "AUDIT_MAC_IPSEC_DELSPD"},
    {1415, "AUDIT_MAC_IPSEC_EVENT"},
    {1416, "AUDIT_MAC_UNLBL_STCADD"},
    {1417, "AUDIT_MAC_UNLBL_STCDEL"},
    {1418, "AUDIT_MAC_CALIPSO_ADD"},
    {1419, "AUDIT_MAC_CALIPSO_DEL"},
    {1700, "AUDIT_ANOM_PROMISCUOUS"},
    {1701, "AUDIT_ANOM_ABEND"},
    {1702, "AUDIT_ANOM_LINK"},
    {1703, "AUDIT_ANOM_CREAT"},
    {1799, "AUDIT_LAST_KERN_ANOM_MSG"},
    {1800, "AUDIT_INTEGRITY_DATA"},
    {1801, "AUDIT_INTEGRITY_METADATA"},
    {1802, "AUDIT_INTEGRITY_STATUS"},
    {1803, "AUDIT_INTEGRITY_HASH"},
    {1804, "AUDIT_INTEGRITY_PCR"},
    {1805, "AUDIT_INTEGRITY_RULE"},
    {1806, "AUDIT_INTEGRITY_EVM_XATTR"},
    {1807, "AUDIT_INTEGRITY_POLICY_RULE"},
    {2000, "AUDIT_KERNEL"},
    {2100, "AUDIT_FIRST_USER_MSG2"},
    {2999, "AUDIT_LAST_USER_MSG2"},
};

// The flags every message may have, then those of one kind of request.
#define NLM_BASE_FLAGS                                              \
  {0x1, "NLM_F_REQUEST"}, {0x2, "NLM_F_MULTI"}, {0x4, "NLM_F_ACK"}, \
      {0x8, "NLM_F_ECHO"}, {0x10, "NLM_F_DUMP_INTR"}, {             \
    0x20, "NLM_F_DUMP_FILTERED"                                     \
  }
constexpr XlatEntry kNlFlags[] = {NLM_BASE_FLAGS};
constexpr XlatEntry kNlGetFlags[] = {NLM_BASE_FLAGS,
                                     {0x300, "NLM_F_DUMP"},
                                     {0x100, "NLM_F_ROOT"},
                                     {0x200, "NLM_F_MATCH"},
                                     {0x400, "NLM_F_ATOMIC"}};
constexpr XlatEntry kNlNewFlags[] = {NLM_BASE_FLAGS,
                                     {0x100, "NLM_F_REPLACE"},
                                     {0x200, "NLM_F_EXCL"},
                                     {0x400, "NLM_F_CREATE"},
                                     {0x800, "NLM_F_APPEND"}};
constexpr XlatEntry kNlDeleteFlags[] = {
    NLM_BASE_FLAGS, {0x100, "NLM_F_NONREC"}, {0x200, "NLM_F_BULK"}};
constexpr XlatEntry kNlAckFlags[] = {
    NLM_BASE_FLAGS, {0x100, "NLM_F_CAPPED"}, {0x200, "NLM_F_ACK_TLVS"}};
#undef NLM_BASE_FLAGS

constexpr XlatEntry kNlmsgErrAttrs[] = {
    {0, "NLMSGERR_ATTR_UNUSED"}, {1, "NLMSGERR_ATTR_MSG"},
    {2, "NLMSGERR_ATTR_OFFS"},   {3, "NLMSGERR_ATTR_COOKIE"},
    {4, "NLMSGERR_ATTR_POLICY"},
};

// ---------------------------------------------------------------------------
// The buffer, read once.
// ---------------------------------------------------------------------------
// Reads beyond this many bytes are not attempted (strace shows at most -s
// messages of -s attributes each).
constexpr uint64_t kMaxRead = 1 << 20;

class Netlink {
 public:
  Netlink(D& d, int proto, uint64_t base, const std::string& bytes)
      : d_(d), proto_(proto), base_(base), bytes_(bytes) {}

  void Messages(uint64_t addr, uint64_t len);

  struct Nlmsghdr {
    uint32_t len;
    uint16_t type;
    uint16_t flags;
    uint32_t seq;
    uint32_t pid;
  };
  struct Nlattr {
    uint16_t len;
    uint16_t type;
  };
  // How one attribute's data prints; false: as hex.
  using AttrFn = bool (Netlink::*)(uint64_t addr, uint32_t len);
  struct AttrTable {
    const XlatEntry* names;
    size_t n;
    const char* unknown;
    // Indexed by type; nullptr: hex.
    const AttrFn* decoders;
    size_t ndecoders;
  };

  // Copies n bytes at addr; false when they were not (all) read.
  bool Get(uint64_t addr, void* p, size_t n) const {
    if (addr < base_) return false;
    const uint64_t off = addr - base_;
    if (off > bytes_.size() || bytes_.size() - off < n) return false;
    memcpy(p, bytes_.data() + off, n);
    return true;
  }
  template <typename T>
  bool Get(uint64_t addr, T* v) const {
    return Get(addr, v, sizeof(T));
  }
  // strace's umove_or_printaddr.
  template <typename T>
  bool Fetch(uint64_t addr, T* v) {
    if (Get(addr, v)) return true;
    d_.Ptr(addr);
    return false;
  }

  void Put(const char* s) { d_.Put(s); }
  void Sep() { d_.Sep(); }
  void Udec(uint64_t v) { d_.Udec(v); }
  void Dec(int64_t v) { d_.Dec(v); }
  template <size_t N>
  void Xval(uint64_t v, const XlatEntry (&t)[N], const char* unknown) {
    d_.Xval(v, t, unknown);
  }
  template <size_t N>
  void Flags(uint64_t v, const XlatEntry (&t)[N], const char* unknown) {
    d_.Flags(v, t, unknown);
  }

  // strace's printstr_ex(QUOTE_FORCE_HEX): "\x61\x62", at most -s bytes.
  void HexStr(uint64_t addr, uint64_t len);
  // A string attribute of `len` bytes (strace's decode_nla_str): all of
  // them up to -s, a trailing NUL not shown, "..." when there is none.
  void Str0(uint64_t addr, uint64_t len);

  void Header(const Nlmsghdr& h);
  void MessageWithPayload(const Nlmsghdr& h, uint64_t addr, uint64_t len);
  void Payload(const Nlmsghdr& h, uint64_t addr, uint32_t len);
  void Error(const Nlmsghdr& h, uint64_t addr, uint32_t len);

  void Attrs(uint64_t addr, uint64_t len, const AttrTable& t);
  // Ends a message body's struct ("}") and, when it was read (`attrs`)
  // and the body goes on past its `head` bytes, prints the attributes
  // that follow; `family` (-1: keep) is what the attributes' addresses
  // are read as.
  void CloseWithAttrs(bool attrs, uint64_t addr, uint64_t len, size_t head,
                      const AttrTable& t, int family = -1);
  // A sock_diag cookie: "[1234, 0]".
  void Cookie(const uint32_t cookie[2]);
  void Attr(const Nlattr& a, uint64_t addr, uint64_t len, const AttrTable& t);

  // NETLINK_ROUTE.
  bool Route(const Nlmsghdr& h, uint64_t addr, uint32_t len);
  void Family(uint8_t family, uint64_t addr, uint32_t len);
  void Ifinfomsg(uint64_t addr, uint32_t len);
  void Ifaddrmsg(uint64_t addr, uint32_t len);
  void Rtmsg(uint64_t addr, uint32_t len);

  // NETLINK_SOCK_DIAG.
  bool SockDiag(const Nlmsghdr& h, uint64_t addr, uint32_t len);
  void InetDiagReq(uint64_t addr, uint32_t len);
  void InetDiagReqV1(uint64_t addr, uint32_t len);
  bool AttrNetlinkGroups(uint64_t addr, uint32_t len);
  void InetDiagMsg(uint64_t addr, uint32_t len);
  void InetDiagSockid(const uint8_t* id, uint8_t family);

  // Attribute data.
  bool AttrU8(uint64_t addr, uint32_t len);
  bool AttrU16(uint64_t addr, uint32_t len);
  bool AttrU32(uint64_t addr, uint32_t len);
  bool AttrU64(uint64_t addr, uint32_t len);
  bool AttrS32(uint64_t addr, uint32_t len);
  bool AttrStr(uint64_t addr, uint32_t len);
  bool AttrIfindex(uint64_t addr, uint32_t len);
  bool AttrHwaddr(uint64_t addr, uint32_t len);
  bool AttrLinkHwaddr(uint64_t addr, uint32_t len);
  bool AttrExtMask(uint64_t addr, uint32_t len);
  bool AttrIflaEvent(uint64_t addr, uint32_t len);
  bool AttrLinkStats(uint64_t addr, uint32_t len);
  bool AttrLinkStats64(uint64_t addr, uint32_t len);
  bool AttrIfaAddress(uint64_t addr, uint32_t len);
  bool AttrIfaCacheinfo(uint64_t addr, uint32_t len);
  bool AttrIfaFlags(uint64_t addr, uint32_t len);
  bool AttrRtAddress(uint64_t addr, uint32_t len);
  bool AttrRtTable(uint64_t addr, uint32_t len);
  bool AttrRtCacheinfo(uint64_t addr, uint32_t len);
  bool AttrRtEncapType(uint64_t addr, uint32_t len);
  bool AttrIpProto(uint64_t addr, uint32_t len);
  bool AttrDiagMeminfo(uint64_t addr, uint32_t len);
  bool AttrDiagBbrinfo(uint64_t addr, uint32_t len);
  bool AttrDiagSkmeminfo(uint64_t addr, uint32_t len);
  bool AttrDiagShutdown(uint64_t addr, uint32_t len);
  bool AttrDiagSockopt(uint64_t addr, uint32_t len);
  bool AttrAddress(uint64_t addr, uint32_t len, uint8_t family);
  bool AttrHex32(uint64_t addr, uint32_t len);
  bool AttrRtMetrics(uint64_t addr, uint32_t len);
  bool AttrRtMultipath(uint64_t addr, uint32_t len);
  bool AttrRtVia(uint64_t addr, uint32_t len);
  bool AttrIflaMap(uint64_t addr, uint32_t len);
  bool AttrIflaLinkinfo(uint64_t addr, uint32_t len);
  bool AttrIflaXdp(uint64_t addr, uint32_t len);
  bool AttrIflaPropList(uint64_t addr, uint32_t len);
  bool AttrIflaProtoDownReason(uint64_t addr, uint32_t len);
  bool AttrXdpAttached(uint64_t addr, uint32_t len);
  bool AttrXdpFlags(uint64_t addr, uint32_t len);
  void Ndmsg(uint64_t addr, uint32_t len);
  void Netconfmsg(uint64_t addr, uint32_t len);
  void Rtgenmsg(uint64_t addr, uint32_t len);
  void Nhmsg(uint64_t addr, uint32_t len);
  bool AttrNhaGateway(uint64_t addr, uint32_t len);
  bool AttrFd(uint64_t addr, uint32_t len);
  bool AttrNhaGroup(uint64_t addr, uint32_t len);
  bool AttrNhaGroupType(uint64_t addr, uint32_t len);
  void IfStatsMsg(uint64_t addr, uint32_t len);
  bool AttrOffloadXstats(uint64_t addr, uint32_t len);
  void Ifaddrlblmsg(uint64_t addr, uint32_t len);
  bool AttrIfalAddress(uint64_t addr, uint32_t len);
  void FibRuleHdr(uint64_t addr, uint32_t len);
  void Tcmsg(uint64_t addr, uint32_t len);
  bool AttrTcStats(uint64_t addr, uint32_t len);
  bool AttrTcStats2(uint64_t addr, uint32_t len);
  bool AttrTcRate(uint64_t addr, uint32_t len);
  bool AttrGnetBasic(uint64_t addr, uint32_t len);
  bool AttrGnetRateEst(uint64_t addr, uint32_t len);
  bool AttrGnetQueue(uint64_t addr, uint32_t len);
  bool AttrGnetRateEst64(uint64_t addr, uint32_t len);
  void UnixDiagReq(uint64_t addr, uint32_t len);
  void NetlinkDiagReq(uint64_t addr, uint32_t len);
  void NetlinkDiagMsg(uint64_t addr, uint32_t len);
  void PacketDiagReq(uint64_t addr, uint32_t len);
  void UnixDiagMsg(uint64_t addr, uint32_t len);
  bool AttrNdaAddress(uint64_t addr, uint32_t len);
  bool AttrNdaCacheinfo(uint64_t addr, uint32_t len);
  bool AttrBe16Port(uint64_t addr, uint32_t len);
  bool AttrNdaFlagsExt(uint64_t addr, uint32_t len);
  bool AttrNudStateMask(uint64_t addr, uint32_t len);
  bool AttrNtfFlagsMask(uint64_t addr, uint32_t len);
  bool AttrBe64(uint64_t addr, uint32_t len);
  bool AttrRtProtocol(uint64_t addr, uint32_t len);
  bool AttrU32Range(uint64_t addr, uint32_t len);
  bool AttrU16Range(uint64_t addr, uint32_t len);
  bool AttrUnixName(uint64_t addr, uint32_t len);
  bool AttrUnixVfs(uint64_t addr, uint32_t len);
  bool AttrU32Array(uint64_t addr, uint32_t len);
  bool AttrUnixRqlen(uint64_t addr, uint32_t len);
  bool AttrIflaAfSpec(uint64_t addr, uint32_t len);
  bool AttrIflaProtinfo(uint64_t addr, uint32_t len);
  bool AttrAfSpecInet(uint64_t addr, uint32_t len);
  bool AttrAfSpecInet6(uint64_t addr, uint32_t len);
  bool AttrIpv4Devconf(uint64_t addr, uint32_t len);
  bool AttrIpv6Devconf(uint64_t addr, uint32_t len);
  bool AttrInet6Stats(uint64_t addr, uint32_t len);
  bool AttrIcmp6Stats(uint64_t addr, uint32_t len);
  bool AttrInet6Flags(uint64_t addr, uint32_t len);
  bool AttrInet6Cacheinfo(uint64_t addr, uint32_t len);
  bool AttrInet6Token(uint64_t addr, uint32_t len);
  bool AttrInet6AddrGenMode(uint64_t addr, uint32_t len);
  // "[[NAME]=v, ...]": `len` bytes of `elem`-byte numbers indexed by the
  // names; "[9 /* unknown */]" past them.
  bool NamedArray(uint64_t addr, uint32_t len, uint32_t elem, bool is_signed,
                  const char* const* names, size_t nnames, const char* unknown);

  static const AttrTable kErrAttrs;
  static const AttrTable kIflaAttrs;
  static const AttrTable kIfaAttrs;
  static const AttrTable kRtaAttrs;
  static const AttrTable kInetDiagReqAttrs;
  static const AttrTable kInetDiagAttrs;
  static const AttrTable kRtaxAttrs;
  static const AttrTable kIflaInfoAttrs;
  static const AttrTable kIflaXdpAttrs;
  static const AttrTable kIflaPropListAttrs;
  static const AttrTable kIflaProtoDownReasonAttrs;
  static const AttrTable kNdaAttrs;
  static const AttrTable kNetconfAttrs;
  static const AttrTable kNetnsaAttrs;
  static const AttrTable kNhaAttrs;
  static const AttrTable kIflaStatsAttrs;
  static const AttrTable kOffloadXstatsAttrs;
  static const AttrTable kIfalAttrs;
  static const AttrTable kTcaAttrs;
  static const AttrTable kTcaStatsAttrs;
  static const AttrTable kFraAttrs;
  static const AttrTable kUnixDiagAttrs;
  static const AttrTable kNetlinkDiagAttrs;
  static const AttrTable kAfSpecAttrs;
  static const AttrTable kAfSpecInetAttrs;
  static const AttrTable kAfSpecInet6Attrs;

  D& d_;
  const int proto_;
  const uint64_t base_;
  const std::string& bytes_;
  // The family of the ifaddrmsg or rtmsg whose attributes are printed.
  uint8_t family_ = 0;
};

void Netlink::HexStr(uint64_t addr, uint64_t len) {
  if (addr == 0) {
    Put("NULL");
    return;
  }
  const size_t limit = d_.opt().string_limit;
  const size_t n = len < limit ? static_cast<size_t>(len) : limit;
  if (addr < base_ || addr - base_ > bytes_.size() ||
      bytes_.size() - (addr - base_) < n) {
    d_.Hex(addr);
    return;
  }
  AppendQuotedHex(d_.out, bytes_.data() + (addr - base_), n);
  if (len > limit) Put("...");
}

void Netlink::Str0(uint64_t addr, uint64_t len) {
  const size_t limit = d_.opt().string_limit;
  const size_t n = len < limit ? static_cast<size_t>(len) : limit;
  if (addr < base_ || addr - base_ > bytes_.size() ||
      bytes_.size() - (addr - base_) < n) {
    d_.Hex(addr);
    return;
  }
  const char* p = bytes_.data() + (addr - base_);
  // strace's hex modes look at every byte shown, the trailing NUL too: a
  // string that goes hex shows it, and is always marked as cut.
  const HexStrings hex = d_.opt().hex_strings;
  bool use_hex = hex == HexStrings::kAll;
  if (hex == HexStrings::kNonAscii) {
    for (size_t i = 0; i < n && !use_hex; ++i) {
      const unsigned char c = static_cast<unsigned char>(p[i]);
      use_hex = c > 0x7e || (c < ' ' && !(c >= '\t' && c <= '\r'));
    }
  }
  if (use_hex) {
    AppendQuotedHex(d_.out, p, n);
    if (len > 0) Put("...");
    return;
  }
  const bool trailing_nul = n > 0 && n == len && p[n - 1] == '\0';
  d_.out->push_back('"');
  d_.Escaped(p, trailing_nul ? n - 1 : n);
  d_.out->push_back('"');
  if (!trailing_nul) Put("...");
}

void Netlink::Messages(uint64_t addr, uint64_t len) {
  bool array = false;
  const bool abbrev = d_.abbrev;
  for (uint64_t elt = 0;; ++elt) {
    // strace's fetch_nlmsghdr.
    if (len < kHdrLen) {
      HexStr(addr, len);
      break;
    }
    Nlmsghdr h;
    if (!Get(addr, &h)) {
      if (array) {
        Put("... /* ");
        d_.Hex(addr);
        Put(" */");
      } else {
        d_.Ptr(addr);
      }
      break;
    }
    if (abbrev && elt == d_.opt().string_limit) {
      Put("...");
      break;
    }
    const uint32_t aligned = Align4(h.len);
    uint64_t next_addr = 0;
    uint64_t next_len = 0;
    if (h.len >= kHdrLen) {
      next_len = len >= aligned ? len - aligned : 0;
      if (next_len != 0 && addr + aligned > addr) next_addr = addr + aligned;
    }
    if (!array && next_addr != 0) {
      d_.out->push_back('[');
      array = true;
    }
    MessageWithPayload(h, addr, len);
    if (next_addr == 0) break;
    Sep();
    addr = next_addr;
    len = next_len;
  }
  if (array) d_.out->push_back(']');
}

void Netlink::MessageWithPayload(const Nlmsghdr& h, uint64_t addr,
                                 uint64_t len) {
  const uint32_t mlen = h.len < len ? h.len : static_cast<uint32_t>(len);
  if (mlen > kHdrLen) d_.out->push_back('[');
  Header(h);
  if (mlen > kHdrLen) {
    Sep();
    Payload(h, addr + kHdrLen, mlen - kHdrLen);
    d_.out->push_back(']');
  }
}

void Netlink::Header(const Nlmsghdr& h) {
  Put("{nlmsg_len=");
  Udec(h.len);
  Put(", nlmsg_type=");
  const XlatEntry* flags = kNlFlags;
  size_t nflags = std::size(kNlFlags);
  if (h.type < 16) {
    Xval(h.type, kNlmsgTypes, "NLMSG_???");
    if (h.type == 2) {
      flags = kNlAckFlags;
      nflags = std::size(kNlAckFlags);
    }
  } else if (proto_ == kNetlinkRoute) {
    Xval(h.type, kRouteTypes, "RTM_???");
    // RTM_DELACTION takes the flags of get requests.
    const int kind = h.type == 49 ? 2 : h.type & 3;
    if (kind == 0) {
      flags = kNlNewFlags;
      nflags = std::size(kNlNewFlags);
    } else if (kind == 1) {
      flags = kNlDeleteFlags;
      nflags = std::size(kNlDeleteFlags);
    } else if (kind == 2) {
      flags = kNlGetFlags;
      nflags = std::size(kNlGetFlags);
    }
  } else if (proto_ == kNetlinkSockDiag) {
    Xval(h.type, kSockDiagTypes, "SOCK_DIAG_???");
    flags = kNlGetFlags;
    nflags = std::size(kNlGetFlags);
  } else if (proto_ == kNetlinkXfrm) {
    Xval(h.type, kXfrmTypes, "XFRM_MSG_???");
    switch (h.type) {
      case 0x10:  // XFRM_MSG_NEWSA
      case 0x13:  // XFRM_MSG_NEWPOLICY
      case 0x1e:  // XFRM_MSG_NEWAE
      case 0x22:  // XFRM_MSG_NEWSADINFO
      case 0x24:  // XFRM_MSG_NEWSPDINFO
        flags = kNlNewFlags;
        nflags = std::size(kNlNewFlags);
        break;
      case 0x11:  // XFRM_MSG_DELSA
      case 0x14:  // XFRM_MSG_DELPOLICY
        flags = kNlDeleteFlags;
        nflags = std::size(kNlDeleteFlags);
        break;
      case 0x12:  // XFRM_MSG_GETSA
      case 0x15:  // XFRM_MSG_GETPOLICY
      case 0x1f:  // XFRM_MSG_GETAE
      case 0x23:  // XFRM_MSG_GETSADINFO
      case 0x25:  // XFRM_MSG_GETSPDINFO
        flags = kNlGetFlags;
        nflags = std::size(kNlGetFlags);
        break;
    }
  } else if (proto_ == kNetlinkSelinux) {
    Xval(h.type, kSelnlTypes, "SELNL_MSG_???");
  } else if (proto_ == kNetlinkAudit) {
    Xval(h.type, kAuditTypes, "AUDIT_???");
  } else if (proto_ == kNetlinkGeneric) {
    // The family's name, as the kernel lists them.
    std::string& name = d_.dec->scratch2();
    if (d_.dec->mem()->GenlFamilyName(h.type, &name)) {
      d_.out->append(name);
    } else {
      d_.Hex(h.type);
      Put(" /* GENERIC_FAMILY_??? */");
    }
  } else {
    Xval(h.type, kNlmsgTypes, "NLMSG_???");
  }
  Put(", nlmsg_flags=");
  AppendFlags(d_.out, h.flags, flags, nflags, "NLM_F_???");
  Put(", nlmsg_seq=");
  Udec(h.seq);
  Put(", nlmsg_pid=");
  d_.PidValue(static_cast<int32_t>(h.pid));
  d_.out->push_back('}');
}

void Netlink::Payload(const Nlmsghdr& h, uint64_t addr, uint32_t len) {
  if (h.type == 2) {  // NLMSG_ERROR
    Error(h, addr, len);
    return;
  }
  if (h.type == 3 && len == 4) {  // NLMSG_DONE
    int32_t v;
    if (Fetch(addr, &v)) Dec(v);
    return;
  }
  if (proto_ == kNetlinkRoute && Route(h, addr, len)) return;
  if (proto_ == kNetlinkSockDiag && SockDiag(h, addr, len)) return;
  if (proto_ == kNetlinkSelinux && (h.type == 16 || h.type == 17) && len >= 4) {
    // struct selnl_msg_setenforce, struct selnl_msg_policyload.
    int32_t v;
    if (!Fetch(addr, &v)) return;
    if (h.type == 16) {
      Put("{val=");
      Dec(v);
    } else {
      Put("{seqno=");
      Udec(static_cast<uint32_t>(v));
    }
    d_.out->push_back('}');
    return;
  }
  HexStr(addr, len);
}

void Netlink::Error(const Nlmsghdr& h, uint64_t addr, uint32_t len) {
  int32_t error;
  if (len < sizeof(error)) {
    HexStr(addr, len);
    return;
  }
  if (!Fetch(addr, &error)) return;
  addr += 4;
  len -= 4;
  // The request (its header only when capped), then extended ack
  // attributes, which strace puts after the structure in a list with it.
  Nlmsghdr m;
  const bool have_msg = len >= kHdrLen && Get(addr, &m);
  uint32_t payload = len;
  if (have_msg) {
    payload = (h.flags & 0x100) != 0 ? kHdrLen : m.len;  // NLM_F_CAPPED
    if (payload > len) payload = len;
  }
  const bool attrs = len > payload;
  if (attrs) d_.out->push_back('[');
  Put("{error=");
  const char* name = error < 0 ? ErrnoName(-error) : nullptr;
  if (name != nullptr) {
    // -X: "-19", "-19 /* -ENODEV */".
    const size_t mark = d_.out->size();
    d_.out->push_back('-');
    Put(name);
    RestyleConst(d_.out, mark, RawConst::Dec(error));
  } else {
    Dec(error);
  }
  if (len != 0) {
    Put(", msg=");
    if (len < kHdrLen) {
      HexStr(addr, len);
    } else if (!have_msg) {
      d_.Ptr(addr);
    } else {
      MessageWithPayload(m, addr, payload);
    }
  }
  d_.out->push_back('}');
  if (attrs) {
    Sep();
    Attrs(addr + payload, len - payload, kErrAttrs);
    d_.out->push_back(']');
  }
}

// ---------------------------------------------------------------------------
// Attributes (struct nlattr lists).
// ---------------------------------------------------------------------------
void Netlink::CloseWithAttrs(bool attrs, uint64_t addr, uint64_t len,
                             size_t head, const AttrTable& t, int family) {
  d_.out->push_back('}');
  if (attrs && len > head) {
    Sep();
    if (family >= 0) family_ = static_cast<uint8_t>(family);
    Attrs(addr + head, len - head, t);
  }
}

void Netlink::Cookie(const uint32_t cookie[2]) {
  d_.out->push_back('[');
  Udec(cookie[0]);
  Sep();
  Udec(cookie[1]);
  d_.out->push_back(']');
}

void Netlink::Attrs(uint64_t addr, uint64_t len, const AttrTable& t) {
  bool array = false;
  const bool abbrev = d_.abbrev;
  for (uint64_t elt = 0;; ++elt) {
    if (len < kNlaHdrLen) {
      HexStr(addr, len);
      break;
    }
    Nlattr a;
    if (!Get(addr, &a)) {
      Put("... /* ");
      d_.Hex(addr);
      Put(" */");
      break;
    }
    if (abbrev && elt == d_.opt().string_limit) {
      Put("...");
      break;
    }
    const uint32_t aligned = Align4(a.len);
    uint64_t next_addr = 0;
    uint64_t next_len = 0;
    if (a.len >= kNlaHdrLen) {
      next_len = len >= aligned ? len - aligned : 0;
      if (next_len != 0 && addr + aligned > addr) next_addr = addr + aligned;
    }
    if (!array && next_addr != 0) {
      d_.out->push_back('[');
      array = true;
    }
    Attr(a, addr, len, t);
    if (next_addr == 0) break;
    Sep();
    addr = next_addr;
    len = next_len;
  }
  if (array) d_.out->push_back(']');
}

void Netlink::Attr(const Nlattr& a, uint64_t addr, uint64_t len,
                   const AttrTable& t) {
  const uint32_t alen = a.len < len ? a.len : static_cast<uint32_t>(len);
  if (alen > kNlaHdrLen) d_.out->push_back('[');
  Put("{nla_len=");
  Udec(a.len);
  Put(", nla_type=");
  // -X: "0x8000|0x2", "0x8000 /* NLA_F_NESTED */|0x2 /* ..._??? */".
  if (a.type & 0x8000) {
    AppendConst(d_.out, "NLA_F_NESTED", RawConst::Hex(0x8000));
    d_.out->push_back('|');
  }
  if (a.type & 0x4000) {
    AppendConst(d_.out, "NLA_F_NET_BYTEORDER", RawConst::Hex(0x4000));
    d_.out->push_back('|');
  }
  const uint16_t type = a.type & 0x3fff;
  AppendXval(d_.out, type, t.names, t.n, t.unknown);
  d_.out->push_back('}');
  if (alen > kNlaHdrLen) {
    Sep();
    const AttrFn fn = type < t.ndecoders ? t.decoders[type] : nullptr;
    if (fn == nullptr || !(this->*fn)(addr + kNlaHdrLen, alen - kNlaHdrLen)) {
      HexStr(addr + kNlaHdrLen, alen - kNlaHdrLen);
    }
    d_.out->push_back(']');
  }
}

bool Netlink::AttrU8(uint64_t addr, uint32_t len) {
  uint8_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Udec(v);
  return true;
}
bool Netlink::AttrU16(uint64_t addr, uint32_t len) {
  uint16_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Udec(v);
  return true;
}
bool Netlink::AttrU32(uint64_t addr, uint32_t len) {
  uint32_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Udec(v);
  return true;
}
bool Netlink::AttrU64(uint64_t addr, uint32_t len) {
  uint64_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Udec(v);
  return true;
}
bool Netlink::AttrS32(uint64_t addr, uint32_t len) {
  int32_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Dec(v);
  return true;
}
bool Netlink::AttrStr(uint64_t addr, uint32_t len) {
  Str0(addr, len);
  return true;
}

// An interface index: if_nametoindex("lo"), or the number.
void PutIfindex(D& d, uint32_t index) {
  char name[IF_NAMESIZE];
  if (index != 0 && if_indextoname(index, name) != nullptr) {
    // -X: "1", "1 /* if_nametoindex(\"lo\") */".
    const size_t mark = d.out->size();
    d.Put("if_nametoindex(\"");
    d.Escaped(name, strnlen(name, sizeof(name)));
    d.Put("\")");
    RestyleConst(d.out, mark, RawConst::Udec(index));
  } else {
    d.Udec(index);
  }
}

bool Netlink::AttrIfindex(uint64_t addr, uint32_t len) {
  uint32_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  PutIfindex(d_, v);
  return true;
}

// A link's address: strace 6.1 takes the link's family for a hardware
// type here, and AF_BRIDGE (7) is ARPHRD_ARCNET's number, whose addresses
// are one byte.
bool Netlink::AttrLinkHwaddr(uint64_t addr, uint32_t len) {
  return AttrHwaddr(addr, family_ == AF_BRIDGE && len > 1 ? 1 : len);
}

bool Netlink::AttrHwaddr(uint64_t addr, uint32_t len) {
  if (addr < base_ || addr - base_ > bytes_.size() ||
      bytes_.size() - (addr - base_) < len) {
    return false;
  }
  const uint8_t* p =
      reinterpret_cast<const uint8_t*>(bytes_.data()) + (addr - base_);
  char buf[8];
  // -X: the bytes, "\"\\x00\\x16\"", and (verbose) the usual form in a
  // comment.
  const XlatStyle style = CurrentXlatStyle();
  if (style != XlatStyle::kAbbrev) {
    d_.out->push_back('"');
    for (uint32_t i = 0; i < len; ++i) {
      snprintf(buf, sizeof(buf), "\\x%02x", p[i]);
      Put(buf);
    }
    d_.out->push_back('"');
    if (style == XlatStyle::kRaw) return true;
    Put(" /* ");
  }
  AppendHwAddr(d_.out, p, len);
  if (style == XlatStyle::kVerbose) Put(" */");
  return true;
}

constexpr XlatEntry kRtextFilters[] = {
    {0x1, "RTEXT_FILTER_VF"},
    {0x2, "RTEXT_FILTER_BRVLAN"},
    {0x4, "RTEXT_FILTER_BRVLAN_COMPRESSED"},
    {0x8, "RTEXT_FILTER_SKIP_STATS"},
    {0x10, "RTEXT_FILTER_MRP"},
    {0x20, "RTEXT_FILTER_CFM_CONFIG"},
    {0x40, "RTEXT_FILTER_CFM_STATUS"},
};

bool Netlink::AttrExtMask(uint64_t addr, uint32_t len) {
  uint32_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Flags(v, kRtextFilters, "RTEXT_FILTER_???");
  return true;
}

constexpr XlatEntry kIflaEvents[] = {
    {0, "IFLA_EVENT_NONE"},
    {1, "IFLA_EVENT_REBOOT"},
    {2, "IFLA_EVENT_FEATURES"},
    {3, "IFLA_EVENT_BONDING_FAILOVER"},
    {4, "IFLA_EVENT_NOTIFY_PEERS"},
    {5, "IFLA_EVENT_IGMP_RESEND"},
    {6, "IFLA_EVENT_BONDING_OPTIONS"},
};

bool Netlink::AttrIflaEvent(uint64_t addr, uint32_t len) {
  uint32_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Xval(v, kIflaEvents, "IFLA_EVENT_???");
  return true;
}

constexpr const char* kLinkStatsFields[] = {
    "rx_packets",
    "tx_packets",
    "rx_bytes",
    "tx_bytes",
    "rx_errors",
    "tx_errors",
    "rx_dropped",
    "tx_dropped",
    "multicast",
    "collisions",
    "rx_length_errors",
    "rx_over_errors",
    "rx_crc_errors",
    "rx_frame_errors",
    "rx_fifo_errors",
    "rx_missed_errors",
    "tx_aborted_errors",
    "tx_carrier_errors",
    "tx_fifo_errors",
    "tx_heartbeat_errors",
    "tx_window_errors",
    "rx_compressed",
    "tx_compressed",
    "rx_nohandler",
    "rx_otherhost_dropped",
};

// struct rtnl_link_stats: 23 fields, or 24 with rx_nohandler.
bool Netlink::AttrLinkStats(uint64_t addr, uint32_t len) {
  const uint32_t fields = len >= 24 * 4 ? 24 : len == 23 * 4 ? 23 : 0;
  uint32_t v[24];
  if (fields == 0 || !Get(addr, v, fields * 4)) return false;
  d_.out->push_back('{');
  for (uint32_t i = 0; i < fields; ++i) {
    if (i > 0) Sep();
    Put(kLinkStatsFields[i]);
    d_.out->push_back('=');
    Udec(v[i]);
  }
  d_.out->push_back('}');
  return true;
}

// struct rtnl_link_stats64: 23, 24 or 25 fields.
bool Netlink::AttrLinkStats64(uint64_t addr, uint32_t len) {
  const uint32_t fields = len >= 25 * 8   ? 25
                          : len >= 24 * 8 ? 24
                          : len == 23 * 8 ? 23
                                          : 0;
  uint64_t v[25];
  if (fields == 0 || !Get(addr, v, fields * 8)) return false;
  d_.out->push_back('{');
  for (uint32_t i = 0; i < fields; ++i) {
    if (i > 0) Sep();
    Put(kLinkStatsFields[i]);
    d_.out->push_back('=');
    Udec(v[i]);
  }
  d_.out->push_back('}');
  return true;
}

// An address of `family`: inet_addr("10.0.0.1"), inet_pton(AF_INET6,
// "::1").
bool Netlink::AttrAddress(uint64_t addr, uint32_t len, uint8_t family) {
  uint8_t a[16];
  char text[INET6_ADDRSTRLEN];
  if (family == AF_INET) {
    if (len < 4 || !Get(addr, a, 4) ||
        inet_ntop(AF_INET, a, text, sizeof(text)) == nullptr) {
      return false;
    }
    // -X: the bytes, "\"\\x7f\\x00\\x00\\x01\" /* inet_addr(...) */".
    const size_t mark = d_.out->size();
    Put("inet_addr(\"");
    d_.Escaped(text, strlen(text));
    Put("\")");
    RestyleConst(d_.out, mark, RawConst::Bytes(a, 4));
    return true;
  }
  if (family == AF_INET6) {
    if (len < 16 || !Get(addr, a, 16) ||
        inet_ntop(AF_INET6, a, text, sizeof(text)) == nullptr) {
      return false;
    }
    const size_t mark = d_.out->size();
    Put("inet_pton(AF_INET6, \"");
    d_.Escaped(text, strlen(text));
    Put("\")");
    RestyleConst(d_.out, mark, RawConst::Bytes(a, 16));
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// NETLINK_ROUTE.
// ---------------------------------------------------------------------------
bool Netlink::Route(const Nlmsghdr& h, uint64_t addr, uint32_t len) {
  if (h.type == 3) return false;  // NLMSG_DONE
  uint8_t family;
  if (!Fetch(addr, &family)) return true;
  switch (h.type) {
    case 16:  // RTM_NEWLINK
    case 17:  // RTM_DELLINK
    case 18:  // RTM_GETLINK
    case 19:  // RTM_SETLINK
      Ifinfomsg(addr, len);
      break;
    case 20:  // RTM_NEWADDR
    case 21:  // RTM_DELADDR
    case 22:  // RTM_GETADDR
    case 58:  // RTM_GETMULTICAST
    case 62:  // RTM_GETANYCAST
      Ifaddrmsg(addr, len);
      break;
    case 24:  // RTM_NEWROUTE
    case 25:  // RTM_DELROUTE
    case 26:  // RTM_GETROUTE
      Rtmsg(addr, len);
      break;
    case 28:  // RTM_NEWNEIGH
    case 29:  // RTM_DELNEIGH
    case 30:  // RTM_GETNEIGH
      // A bridge's forwarding database is asked for with an ifinfomsg.
      if (h.type == 30 && family == AF_BRIDGE && (h.flags & 1)) {
        Ifinfomsg(addr, len);
      } else {
        Ndmsg(addr, len);
      }
      break;
    case 32:  // RTM_NEWRULE
    case 33:  // RTM_DELRULE
    case 34:  // RTM_GETRULE
      FibRuleHdr(addr, len);
      break;
    case 72:  // RTM_NEWADDRLABEL
    case 73:  // RTM_DELADDRLABEL
    case 74:  // RTM_GETADDRLABEL
      Ifaddrlblmsg(addr, len);
      break;
    case 80:  // RTM_NEWNETCONF
    case 81:  // RTM_DELNETCONF
    case 82:  // RTM_GETNETCONF
      Netconfmsg(addr, len);
      break;
    case 88:  // RTM_NEWNSID
    case 89:  // RTM_DELNSID
    case 90:  // RTM_GETNSID
      Rtgenmsg(addr, len);
      break;
    case 92:  // RTM_NEWSTATS
    case 94:  // RTM_GETSTATS
      IfStatsMsg(addr, len);
      break;
    case 104:  // RTM_NEWNEXTHOP
    case 105:  // RTM_DELNEXTHOP
    case 106:  // RTM_GETNEXTHOP
      Nhmsg(addr, len);
      break;
    case 36:   // RTM_NEWQDISC
    case 37:   // RTM_DELQDISC
    case 38:   // RTM_GETQDISC
    case 40:   // RTM_NEWTCLASS
    case 41:   // RTM_DELTCLASS
    case 42:   // RTM_GETTCLASS
    case 44:   // RTM_NEWTFILTER
    case 45:   // RTM_DELTFILTER
    case 46:   // RTM_GETTFILTER
    case 100:  // RTM_NEWCHAIN
    case 101:  // RTM_DELCHAIN
    case 102:  // RTM_GETCHAIN
      Tcmsg(addr, len);
      break;
    default:
      Family(family, addr, len);
      break;
  }
  return true;
}

// A message strace has no structure for: its family, then its bytes.
void Netlink::Family(uint8_t family, uint64_t addr, uint32_t len) {
  Put("{family=");
  Xval(family, kAddrFamilies, "AF_???");
  if (len > 1) {
    Put(", data=");
    HexStr(addr + 1, len - 1);
  }
  d_.out->push_back('}');
}

constexpr XlatEntry kArphrdTypes[] = {
    {0, "ARPHRD_NETROM"},
    {1, "ARPHRD_ETHER"},
    {2, "ARPHRD_EETHER"},
    {3, "ARPHRD_AX25"},
    {4, "ARPHRD_PRONET"},
    {5, "ARPHRD_CHAOS"},
    {6, "ARPHRD_IEEE802"},
    {7, "ARPHRD_ARCNET"},
    {8, "ARPHRD_APPLETLK"},
    {15, "ARPHRD_DLCI"},
    {19, "ARPHRD_ATM"},
    {23, "ARPHRD_METRICOM"},
    {24, "ARPHRD_IEEE1394"},
    {27, "ARPHRD_EUI64"},
    {32, "ARPHRD_INFINIBAND"},
    {256, "ARPHRD_SLIP"},
    {257, "ARPHRD_CSLIP"},
    {258, "ARPHRD_SLIP6"},
    {259, "ARPHRD_CSLIP6"},
    {260, "ARPHRD_RSRVD"},
    {264, "ARPHRD_ADAPT"},
    {270, "ARPHRD_ROSE"},
    {271, "ARPHRD_X25"},
    {272, "ARPHRD_HWX25"},
    {280, "ARPHRD_CAN"},
    {290, "ARPHRD_MCTP"},
    {512, "ARPHRD_PPP"},
    {513, "ARPHRD_CISCO"},
    {516, "ARPHRD_LAPB"},
    {517, "ARPHRD_DDCMP"},
    {518, "ARPHRD_RAWHDLC"},
    {519, "ARPHRD_RAWIP"},
    {768, "ARPHRD_TUNNEL"},
    {769, "ARPHRD_TUNNEL6"},
    {770, "ARPHRD_FRAD"},
    {771, "ARPHRD_SKIP"},
    {772, "ARPHRD_LOOPBACK"},
    {773, "ARPHRD_LOCALTLK"},
    {774, "ARPHRD_FDDI"},
    {775, "ARPHRD_BIF"},
    {776, "ARPHRD_SIT"},
    {777, "ARPHRD_IPDDP"},
    {778, "ARPHRD_IPGRE"},
    {779, "ARPHRD_PIMREG"},
    {780, "ARPHRD_HIPPI"},
    {781, "ARPHRD_ASH"},
    {782, "ARPHRD_ECONET"},
    {783, "ARPHRD_IRDA"},
    {784, "ARPHRD_FCPP"},
    {785, "ARPHRD_FCAL"},
    {786, "ARPHRD_FCPL"},
    {787, "ARPHRD_FCFABRIC"},
    {800, "ARPHRD_IEEE802_TR"},
    {801, "ARPHRD_IEEE80211"},
    {802, "ARPHRD_IEEE80211_PRISM"},
    {803, "ARPHRD_IEEE80211_RADIOTAP"},
    {804, "ARPHRD_IEEE802154"},
    {805, "ARPHRD_IEEE802154_MONITOR"},
    {820, "ARPHRD_PHONET"},
    {821, "ARPHRD_PHONET_PIPE"},
    {822, "ARPHRD_CAIF"},
    {823, "ARPHRD_IP6GRE"},
    {824, "ARPHRD_NETLINK"},
    {825, "ARPHRD_6LOWPAN"},
    {826, "ARPHRD_VSOCKMON"},
    {0xfffe, "ARPHRD_NONE"},
    {0xffff, "ARPHRD_VOID"},
};

constexpr XlatEntry kIffFlags[] = {
    {0x1, "IFF_UP"},           {0x2, "IFF_BROADCAST"},
    {0x4, "IFF_DEBUG"},        {0x8, "IFF_LOOPBACK"},
    {0x10, "IFF_POINTOPOINT"}, {0x20, "IFF_NOTRAILERS"},
    {0x40, "IFF_RUNNING"},     {0x80, "IFF_NOARP"},
    {0x100, "IFF_PROMISC"},    {0x200, "IFF_ALLMULTI"},
    {0x400, "IFF_MASTER"},     {0x800, "IFF_SLAVE"},
    {0x1000, "IFF_MULTICAST"}, {0x2000, "IFF_PORTSEL"},
    {0x4000, "IFF_AUTOMEDIA"}, {0x8000, "IFF_DYNAMIC"},
    {0x10000, "IFF_LOWER_UP"}, {0x20000, "IFF_DORMANT"},
    {0x40000, "IFF_ECHO"},
};

void Netlink::Ifinfomsg(uint64_t addr, uint32_t len) {
  struct {
    uint8_t family;
    uint8_t pad;
    uint16_t type;
    int32_t index;
    uint32_t flags;
    uint32_t change;
  } m;
  bool attrs = false;
  Get(addr, &m.family);
  Put("{ifi_family=");
  Xval(m.family, kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, &m)) {
      d_.Ptr(addr + 1);
    } else {
      Put("ifi_type=");
      Xval(m.type, kArphrdTypes, "ARPHRD_???");
      Put(", ifi_index=");
      PutIfindex(d_, static_cast<uint32_t>(m.index));
      Put(", ifi_flags=");
      Flags(m.flags, kIffFlags, "IFF_???");
      Put(", ifi_change=");
      d_.Hex(m.change);
      attrs = true;
    }
  } else {
    Put("...");
  }
  CloseWithAttrs(attrs, addr, len, sizeof(m), kIflaAttrs, m.family);
}

constexpr XlatEntry kIfaFlags[] = {
    {0x1, "IFA_F_SECONDARY"},        {0x2, "IFA_F_NODAD"},
    {0x4, "IFA_F_OPTIMISTIC"},       {0x8, "IFA_F_DADFAILED"},
    {0x10, "IFA_F_HOMEADDRESS"},     {0x20, "IFA_F_DEPRECATED"},
    {0x40, "IFA_F_TENTATIVE"},       {0x80, "IFA_F_PERMANENT"},
    {0x100, "IFA_F_MANAGETEMPADDR"}, {0x200, "IFA_F_NOPREFIXROUTE"},
    {0x400, "IFA_F_MCAUTOJOIN"},     {0x800, "IFA_F_STABLE_PRIVACY"},
};

constexpr XlatEntry kRtScopes[] = {
    {0, "RT_SCOPE_UNIVERSE"}, {200, "RT_SCOPE_SITE"},    {253, "RT_SCOPE_LINK"},
    {254, "RT_SCOPE_HOST"},   {255, "RT_SCOPE_NOWHERE"},
};

void Netlink::Ifaddrmsg(uint64_t addr, uint32_t len) {
  struct {
    uint8_t family;
    uint8_t prefixlen;
    uint8_t flags;
    uint8_t scope;
    uint32_t index;
  } m;
  bool attrs = false;
  Get(addr, &m.family);
  Put("{ifa_family=");
  Xval(m.family, kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, &m)) {
      d_.Ptr(addr + 1);
    } else {
      Put("ifa_prefixlen=");
      Udec(m.prefixlen);
      Put(", ifa_flags=");
      Flags(m.flags, kIfaFlags, "IFA_F_???");
      Put(", ifa_scope=");
      Xval(m.scope, kRtScopes, nullptr);
      Put(", ifa_index=");
      PutIfindex(d_, m.index);
      attrs = true;
    }
  } else {
    Put("...");
  }
  CloseWithAttrs(attrs, addr, len, sizeof(m), kIfaAttrs, m.family);
}

bool Netlink::AttrIfaAddress(uint64_t addr, uint32_t len) {
  return AttrAddress(addr, len, family_);
}

bool Netlink::AttrIfaCacheinfo(uint64_t addr, uint32_t len) {
  uint32_t v[4];
  if (len < sizeof(v) || !Get(addr, v, sizeof(v))) return false;
  Put("{ifa_prefered=");
  Udec(v[0]);
  Put(", ifa_valid=");
  Udec(v[1]);
  Put(", cstamp=");
  Udec(v[2]);
  Put(", tstamp=");
  Udec(v[3]);
  d_.out->push_back('}');
  return true;
}

bool Netlink::AttrIfaFlags(uint64_t addr, uint32_t len) {
  uint32_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Flags(v, kIfaFlags, "IFA_F_???");
  return true;
}

constexpr XlatEntry kRtTables[] = {
    {0, "RT_TABLE_UNSPEC"}, {252, "RT_TABLE_COMPAT"}, {253, "RT_TABLE_DEFAULT"},
    {254, "RT_TABLE_MAIN"}, {255, "RT_TABLE_LOCAL"},
};

constexpr XlatEntry kRtProtocols[] = {
    {0, "RTPROT_UNSPEC"},      {1, "RTPROT_REDIRECT"},  {2, "RTPROT_KERNEL"},
    {3, "RTPROT_BOOT"},        {4, "RTPROT_STATIC"},    {8, "RTPROT_GATED"},
    {9, "RTPROT_RA"},          {10, "RTPROT_MRT"},      {11, "RTPROT_ZEBRA"},
    {12, "RTPROT_BIRD"},       {13, "RTPROT_DNROUTED"}, {14, "RTPROT_XORP"},
    {15, "RTPROT_NTK"},        {16, "RTPROT_DHCP"},     {17, "RTPROT_MROUTED"},
    {18, "RTPROT_KEEPALIVED"}, {42, "RTPROT_BABEL"},    {99, "RTPROT_OPENR"},
    {186, "RTPROT_BGP"},       {187, "RTPROT_ISIS"},    {188, "RTPROT_OSPF"},
    {189, "RTPROT_RIP"},       {192, "RTPROT_EIGRP"},
};

constexpr XlatEntry kRtTypes[] = {
    {0, "RTN_UNSPEC"},    {1, "RTN_UNICAST"},     {2, "RTN_LOCAL"},
    {3, "RTN_BROADCAST"}, {4, "RTN_ANYCAST"},     {5, "RTN_MULTICAST"},
    {6, "RTN_BLACKHOLE"}, {7, "RTN_UNREACHABLE"}, {8, "RTN_PROHIBIT"},
    {9, "RTN_THROW"},     {10, "RTN_NAT"},        {11, "RTN_XRESOLVE"},
};

constexpr XlatEntry kRtmFlags[] = {
    {0x100, "RTM_F_NOTIFY"},
    {0x200, "RTM_F_CLONED"},
    {0x400, "RTM_F_EQUALIZE"},
    {0x800, "RTM_F_PREFIX"},
    {0x1000, "RTM_F_LOOKUP_TABLE"},
    {0x2000, "RTM_F_FIB_MATCH"},
    {0x4000, "RTM_F_OFFLOAD"},
    {0x8000, "RTM_F_TRAP"},
    {0x20000000, "RTM_F_OFFLOAD_FAILED"},
};

constexpr XlatEntry kIpTos[] = {
    {0x10, "IPTOS_LOWDELAY"},
    {0x08, "IPTOS_THROUGHPUT"},
    {0x04, "IPTOS_RELIABILITY"},
    {0x02, "IPTOS_MINCOST"},
};

void Netlink::Rtmsg(uint64_t addr, uint32_t len) {
  struct {
    uint8_t family;
    uint8_t dst_len;
    uint8_t src_len;
    uint8_t tos;
    uint8_t table;
    uint8_t protocol;
    uint8_t scope;
    uint8_t type;
    uint32_t flags;
  } m;
  bool attrs = false;
  Get(addr, &m.family);
  Put("{rtm_family=");
  Xval(m.family, kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, &m)) {
      d_.Ptr(addr + 1);
    } else {
      Put("rtm_dst_len=");
      Udec(m.dst_len);
      Put(", rtm_src_len=");
      Udec(m.src_len);
      Put(", rtm_tos=");
      Flags(m.tos, kIpTos, "IPTOS_???");
      Put(", rtm_table=");
      Xval(m.table, kRtTables, nullptr);
      Put(", rtm_protocol=");
      Xval(m.protocol, kRtProtocols, "RTPROT_???");
      Put(", rtm_scope=");
      Xval(m.scope, kRtScopes, nullptr);
      Put(", rtm_type=");
      Xval(m.type, kRtTypes, "RTN_???");
      Put(", rtm_flags=");
      Flags(m.flags, kRtmFlags, "RTM_F_???");
      attrs = true;
    }
  } else {
    Put("...");
  }
  CloseWithAttrs(attrs, addr, len, sizeof(m), kRtaAttrs, m.family);
}

bool Netlink::AttrRtAddress(uint64_t addr, uint32_t len) {
  return AttrAddress(addr, len, family_);
}

bool Netlink::AttrRtTable(uint64_t addr, uint32_t len) {
  uint32_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Xval(v, kRtTables, nullptr);
  return true;
}

bool Netlink::AttrRtCacheinfo(uint64_t addr, uint32_t len) {
  uint32_t v[8];
  if (len < sizeof(v) || !Get(addr, v, sizeof(v))) return false;
  static constexpr const char* kFields[] = {
      "rta_clntref", "rta_lastuse", "rta_expires", "rta_error",
      "rta_used",    "rta_id",      "rta_ts",      "rta_tsage"};
  d_.out->push_back('{');
  for (int i = 0; i < 8; ++i) {
    if (i > 0) Sep();
    Put(kFields[i]);
    d_.out->push_back('=');
    if (i == 2 || i == 3) {
      Dec(static_cast<int32_t>(v[i]));
    } else if (i == 5) {
      d_.Hex(v[i]);
    } else {
      Udec(v[i]);
    }
  }
  d_.out->push_back('}');
  return true;
}

constexpr XlatEntry kLwtunnelEncapTypes[] = {
    {0, "LWTUNNEL_ENCAP_NONE"}, {1, "LWTUNNEL_ENCAP_MPLS"},
    {2, "LWTUNNEL_ENCAP_IP"},   {3, "LWTUNNEL_ENCAP_ILA"},
    {4, "LWTUNNEL_ENCAP_IP6"},  {5, "LWTUNNEL_ENCAP_SEG6"},
    {6, "LWTUNNEL_ENCAP_BPF"},  {7, "LWTUNNEL_ENCAP_SEG6_LOCAL"},
    {8, "LWTUNNEL_ENCAP_RPL"},  {9, "LWTUNNEL_ENCAP_IOAM6"},
};

bool Netlink::AttrRtEncapType(uint64_t addr, uint32_t len) {
  uint16_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Xval(v, kLwtunnelEncapTypes, "LWTUNNEL_ENCAP_???");
  return true;
}

bool Netlink::AttrIpProto(uint64_t addr, uint32_t len) {
  uint8_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Xval(v, kInetProtocols, "IPPROTO_???");
  return true;
}

// ---------------------------------------------------------------------------
// NETLINK_SOCK_DIAG.
// ---------------------------------------------------------------------------
constexpr XlatEntry kTcpStates[] = {
    {1, "TCP_ESTABLISHED"}, {2, "TCP_SYN_SENT"},   {3, "TCP_SYN_RECV"},
    {4, "TCP_FIN_WAIT1"},   {5, "TCP_FIN_WAIT2"},  {6, "TCP_TIME_WAIT"},
    {7, "TCP_CLOSE"},       {8, "TCP_CLOSE_WAIT"}, {9, "TCP_LAST_ACK"},
    {10, "TCP_LISTEN"},     {11, "TCP_CLOSING"},   {12, "TCP_NEW_SYN_RECV"},
};

constexpr XlatEntry kTcpStateFlags[] = {
    {1 << 1, "1<<TCP_ESTABLISHED"}, {1 << 2, "1<<TCP_SYN_SENT"},
    {1 << 3, "1<<TCP_SYN_RECV"},    {1 << 4, "1<<TCP_FIN_WAIT1"},
    {1 << 5, "1<<TCP_FIN_WAIT2"},   {1 << 6, "1<<TCP_TIME_WAIT"},
    {1 << 7, "1<<TCP_CLOSE"},       {1 << 8, "1<<TCP_CLOSE_WAIT"},
    {1 << 9, "1<<TCP_LAST_ACK"},    {1 << 10, "1<<TCP_LISTEN"},
    {1 << 11, "1<<TCP_CLOSING"},    {1 << 12, "1<<TCP_NEW_SYN_RECV"},
};

constexpr XlatEntry kInetDiagExtFlags[] = {
    {1 << 0, "1<<(INET_DIAG_MEMINFO-1)"},
    {1 << 1, "1<<(INET_DIAG_INFO-1)"},
    {1 << 2, "1<<(INET_DIAG_VEGASINFO-1)"},
    {1 << 3, "1<<(INET_DIAG_CONG-1)"},
    {1 << 4, "1<<(INET_DIAG_TOS-1)"},
    {1 << 5, "1<<(INET_DIAG_TCLASS-1)"},
    {1 << 6, "1<<(INET_DIAG_SKMEMINFO-1)"},
    {1 << 7, "1<<(INET_DIAG_SHUTDOWN-1)"},
};

bool Netlink::SockDiag(const Nlmsghdr& h, uint64_t addr, uint32_t len) {
  if (h.type == 3) return false;  // NLMSG_DONE
  uint8_t family;
  if (!Fetch(addr, &family)) return true;
  const bool inet = family == AF_INET || family == AF_INET6;
  if (inet && h.type == 20 && (h.flags & 1)) {  // SOCK_DIAG_BY_FAMILY
    InetDiagReq(addr, len);
  } else if (inet && (h.type == 18 || h.type == 19) && (h.flags & 1)) {
    InetDiagReqV1(addr, len);  // TCPDIAG_GETSOCK, DCCPDIAG_GETSOCK
  } else if (inet && !(h.flags & 1) && h.type >= 18 && h.type <= 20) {
    InetDiagMsg(addr, len);
  } else if (family == AF_UNIX && h.type == 20) {
    if (h.flags & 1) {
      UnixDiagReq(addr, len);
    } else {
      UnixDiagMsg(addr, len);
    }
  } else if (family == AF_NETLINK && h.type == 20) {
    if (h.flags & 1) {
      NetlinkDiagReq(addr, len);
    } else {
      NetlinkDiagMsg(addr, len);
    }
  } else if (family == AF_PACKET && h.type == 20 && (h.flags & 1)) {
    PacketDiagReq(addr, len);
  } else {
    Family(family, addr, len);
  }
  return true;
}

// struct inet_diag_sockid: "id={idiag_sport=htons(80), ...}".
void Netlink::InetDiagSockid(const uint8_t* id, uint8_t family) {
  uint16_t sport, dport;
  uint32_t ifindex, cookie[2];
  memcpy(&sport, id, 2);
  memcpy(&dport, id + 2, 2);
  memcpy(&ifindex, id + 36, 4);
  memcpy(cookie, id + 40, 8);
  Put("id={idiag_sport=");
  size_t mark = d_.out->size();
  Put("htons(");
  Udec(ntohs(sport));
  d_.out->push_back(')');
  RestyleConst(d_.out, mark, RawConst::Bytes(&sport, 2));
  Put(", idiag_dport=");
  mark = d_.out->size();
  Put("htons(");
  Udec(ntohs(dport));
  d_.out->push_back(')');
  RestyleConst(d_.out, mark, RawConst::Bytes(&dport, 2));
  Put(", ");
  char text[INET6_ADDRSTRLEN];
  for (int i = 0; i < 2; ++i) {
    const char* field = i == 0 ? "idiag_src" : "idiag_dst";
    const uint8_t* a = id + 4 + 16 * i;
    if (CurrentXlatStyle() != XlatStyle::kAbbrev) {
      // -X: all 16 bytes, then (verbose) the address in a comment.
      Put(field);
      d_.out->push_back('=');
      const RawConst raw = RawConst::Bytes(a, 16);
      d_.out->append(raw.buf, raw.len);
      if (CurrentXlatStyle() == XlatStyle::kVerbose) {
        const bool v6 = family == AF_INET6;
        inet_ntop(v6 ? AF_INET6 : AF_INET, a, text, sizeof(text));
        Put(v6 ? " /* inet_pton(AF_INET6, \"" : " /* inet_addr(\"");
        d_.Escaped(text, strlen(text));
        Put("\") */");
      }
      Put(", ");
      continue;
    }
    if (family == AF_INET6) {
      inet_ntop(AF_INET6, a, text, sizeof(text));
      Put("inet_pton(AF_INET6, \"");
      d_.Escaped(text, strlen(text));
      Put("\", &");
      Put(field);
      Put("), ");
    } else {
      inet_ntop(AF_INET, a, text, sizeof(text));
      Put(field);
      Put("=inet_addr(\"");
      d_.Escaped(text, strlen(text));
      Put("\"), ");
    }
  }
  Put("idiag_if=");
  PutIfindex(d_, ifindex);
  Put(", idiag_cookie=");
  Cookie(cookie);
  d_.out->push_back('}');
}

void Netlink::InetDiagReq(uint64_t addr, uint32_t len) {
  // struct inet_diag_req_v2.
  uint8_t m[56];
  bool attrs = false;
  Get(addr, m, 1);
  Put("{sdiag_family=");
  Xval(m[0], kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, m, sizeof(m))) {
      d_.Ptr(addr + 1);
    } else {
      Put("sdiag_protocol=");
      Xval(m[1], kInetProtocols, "IPPROTO_???");
      Put(", idiag_ext=");
      Flags(m[2], kInetDiagExtFlags, "1<<(INET_DIAG_\?\?\?-1)");
      Put(", idiag_states=");
      uint32_t states;
      memcpy(&states, m + 4, 4);
      Flags(states, kTcpStateFlags, "1<<TCP_???");
      Sep();
      InetDiagSockid(m + 8, m[0]);
      attrs = true;
    }
  } else {
    Put("...");
  }
  CloseWithAttrs(attrs, addr, len, sizeof(m), kInetDiagReqAttrs);
}

// struct inet_diag_req, the requests of TCPDIAG_GETSOCK/DCCPDIAG_GETSOCK.
void Netlink::InetDiagReqV1(uint64_t addr, uint32_t len) {
  uint8_t m[60];
  Get(addr, m, 1);
  Put("{idiag_family=");
  Xval(m[0], kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, m, sizeof(m))) {
      d_.Ptr(addr + 1);
    } else {
      Put("idiag_src_len=");
      Udec(m[1]);
      Put(", idiag_dst_len=");
      Udec(m[2]);
      Put(", idiag_ext=");
      Flags(m[3], kInetDiagExtFlags, "1<<(INET_DIAG_\?\?\?-1)");
      Sep();
      InetDiagSockid(m + 4, m[0]);
      uint32_t states, dbs;
      memcpy(&states, m + 52, 4);
      memcpy(&dbs, m + 56, 4);
      Put(", idiag_states=");
      Flags(states, kTcpStateFlags, "1<<TCP_???");
      Put(", idiag_dbs=");
      Udec(dbs);
    }
  } else {
    Put("...");
  }
  d_.out->push_back('}');
}

void Netlink::InetDiagMsg(uint64_t addr, uint32_t len) {
  // struct inet_diag_msg.
  uint8_t m[72];
  bool attrs = false;
  Get(addr, m, 1);
  Put("{idiag_family=");
  Xval(m[0], kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, m, sizeof(m))) {
      d_.Ptr(addr + 1);
    } else {
      Put("idiag_state=");
      Xval(m[1], kTcpStates, "TCP_???");
      Put(", idiag_timer=");
      Udec(m[2]);
      Put(", idiag_retrans=");
      Udec(m[3]);
      Sep();
      InetDiagSockid(m + 4, m[0]);
      uint32_t v[5];
      memcpy(v, m + 52, sizeof(v));
      static constexpr const char* kFields[] = {
          ", idiag_expires=", ", idiag_rqueue=", ", idiag_wqueue=",
          ", idiag_uid=", ", idiag_inode="};
      for (int i = 0; i < 5; ++i) {
        Put(kFields[i]);
        Udec(v[i]);
      }
      attrs = true;
    }
  } else {
    Put("...");
  }
  CloseWithAttrs(attrs, addr, len, sizeof(m), kInetDiagAttrs);
}

// struct tcp_bbr_info (`ss -i` on a BBR socket): the bandwidth's halves
// in hex, as strace.
bool Netlink::AttrDiagBbrinfo(uint64_t addr, uint32_t len) {
  uint32_t v[5];
  if (len < sizeof(v) || !Get(addr, v, sizeof(v))) return false;
  Put("{bbr_bw_lo=");
  d_.Hex(v[0]);
  Put(", bbr_bw_hi=");
  d_.Hex(v[1]);
  Put(", bbr_min_rtt=");
  Udec(v[2]);
  Put(", bbr_pacing_gain=");
  Udec(v[3]);
  Put(", bbr_cwnd_gain=");
  Udec(v[4]);
  d_.out->push_back('}');
  return true;
}

bool Netlink::AttrDiagMeminfo(uint64_t addr, uint32_t len) {
  uint32_t v[4];
  if (len < sizeof(v) || !Get(addr, v, sizeof(v))) return false;
  Put("{idiag_rmem=");
  Udec(v[0]);
  Put(", idiag_wmem=");
  Udec(v[1]);
  Put(", idiag_fmem=");
  Udec(v[2]);
  Put(", idiag_tmem=");
  Udec(v[3]);
  d_.out->push_back('}');
  return true;
}

bool Netlink::NamedArray(uint64_t addr, uint32_t len, uint32_t elem,
                         bool is_signed, const char* const* names,
                         size_t nnames, const char* unknown) {
  const uint32_t n = len / elem;
  if (n == 0) return false;
  const bool abbrev = d_.abbrev;
  d_.out->push_back('[');
  for (uint32_t i = 0; i < n; ++i) {
    if (i > 0) Sep();
    if (abbrev && i == d_.opt().string_limit) {
      Put("...");
      break;
    }
    uint64_t v = 0;
    uint32_t v32 = 0;
    const bool ok = elem == 4 ? Get(addr + 4 * i, &v32) : Get(addr + 8 * i, &v);
    if (!ok) {
      Put("... /* ");
      d_.Hex(addr + elem * i);
      Put(" */");
      break;
    }
    d_.out->push_back('[');
    if (i < nnames) {
      AppendConst(d_.out, names[i], RawConst::Udec(i));
    } else {
      Udec(i);
      if (CurrentXlatStyle() != XlatStyle::kRaw) {
        Put(" /* ");
        Put(unknown);
        Put(" */");
      }
    }
    Put("]=");
    if (elem == 4) {
      if (is_signed) {
        Dec(static_cast<int32_t>(v32));
      } else {
        Udec(v32);
      }
    } else if (is_signed) {
      Dec(static_cast<int64_t>(v));
    } else {
      Udec(v);
    }
  }
  d_.out->push_back(']');
  return true;
}

constexpr const char* kSkMeminfo[] = {
    "SK_MEMINFO_RMEM_ALLOC", "SK_MEMINFO_RCVBUF",    "SK_MEMINFO_WMEM_ALLOC",
    "SK_MEMINFO_SNDBUF",     "SK_MEMINFO_FWD_ALLOC", "SK_MEMINFO_WMEM_QUEUED",
    "SK_MEMINFO_OPTMEM",     "SK_MEMINFO_BACKLOG",   "SK_MEMINFO_DROPS",
};

bool Netlink::AttrDiagSkmeminfo(uint64_t addr, uint32_t len) {
  return NamedArray(addr, len, 4, false, kSkMeminfo, std::size(kSkMeminfo),
                    "SK_MEMINFO_???");
}

constexpr XlatEntry kShutdownFlags[] = {
    {1, "RCV_SHUTDOWN"},
    {2, "SEND_SHUTDOWN"},
};

bool Netlink::AttrDiagShutdown(uint64_t addr, uint32_t len) {
  uint8_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  if (v == 0) {
    Put("0");
    return true;
  }
  d_.Hex(v);
  Put(" /* ");
  Flags(v, kShutdownFlags, nullptr);
  Put(" */");
  return true;
}

// struct inet_diag_sockopt: its set bits by name (all of them with -v).
bool Netlink::AttrDiagSockopt(uint64_t addr, uint32_t len) {
  uint8_t b[2];
  if (len < sizeof(b) || !Get(addr, b, sizeof(b))) return false;
  static constexpr const char* kBits[] = {
      "recverr",         "is_icsk",      "freebind",
      "hdrincl",         "mc_loop",      "transparent",
      "mc_all",          "nodefrag",     "bind_address_no_port",
      "recverr_rfc4884", "defer_connect"};
  const uint32_t bits = b[0] | (b[1] << 8);
  // Only the set bits, unless -v.
  const bool full = !d_.abbrev;
  bool first = true;
  d_.out->push_back('{');
  for (int i = 0; i < 11; ++i) {
    if (!(bits & (1u << i)) && !full) continue;
    if (!first) Sep();
    first = false;
    Put(kBits[i]);
    Put(bits & (1u << i) ? "=1" : "=0");
  }
  if ((b[1] >> 3) || full) {
    if (!first) Sep();
    Put("unused=");
    d_.Hex(b[1] >> 3);
    Put(" /* bits 3..8 */");
  }
  d_.out->push_back('}');
  if (len > sizeof(b)) {
    Put(", /* bytes 2..");
    Udec(len - 1);
    Put(" */ ");
    HexStr(addr + 2, len - 2);
  }
  return true;
}

// ---------------------------------------------------------------------------
// Nested attributes and other structures of NETLINK_ROUTE.
// ---------------------------------------------------------------------------
bool Netlink::AttrHex32(uint64_t addr, uint32_t len) {
  uint32_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  d_.Hex(v);
  return true;
}

bool Netlink::AttrRtMetrics(uint64_t addr, uint32_t len) {
  Attrs(addr, len, kRtaxAttrs);
  return true;
}

constexpr XlatEntry kRtnhFlags[] = {
    {0x1, "RTNH_F_DEAD"},      {0x2, "RTNH_F_PERVASIVE"},
    {0x4, "RTNH_F_ONLINK"},    {0x8, "RTNH_F_OFFLOAD"},
    {0x10, "RTNH_F_LINKDOWN"}, {0x20, "RTNH_F_UNRESOLVED"},
    {0x40, "RTNH_F_TRAP"},
};

// A list of struct rtnexthop, each with the route attributes after it.
bool Netlink::AttrRtMultipath(uint64_t addr, uint32_t len) {
  struct {
    uint16_t len;
    uint8_t flags;
    uint8_t hops;
    int32_t ifindex;
  } nh;
  if (len < sizeof(nh)) return false;
  bool array = false;
  const bool abbrev = d_.abbrev;
  for (uint64_t elt = 0;; ++elt) {
    if (!Get(addr, &nh)) {
      if (array) {
        Put("... /* ");
        d_.Hex(addr);
        Put(" */");
      } else {
        d_.Ptr(addr);
      }
      break;
    }
    if (abbrev && elt == d_.opt().string_limit) {
      Put("...");
      break;
    }
    const uint32_t aligned = Align4(nh.len);
    uint64_t next_addr = 0;
    uint32_t next_len = 0;
    if (nh.len >= sizeof(nh)) {
      next_len = len >= aligned ? len - aligned : 0;
      if (next_len != 0) next_addr = addr + aligned;
    }
    if (!array && next_addr != 0) {
      d_.out->push_back('[');
      array = true;
    }
    const uint32_t elen = nh.len < len ? nh.len : len;
    if (elen > sizeof(nh)) d_.out->push_back('[');
    Put("{rtnh_len=");
    Udec(nh.len);
    Put(", rtnh_flags=");
    Flags(nh.flags, kRtnhFlags, "RTNH_F_???");
    Put(", rtnh_hops=");
    Udec(nh.hops);
    Put(", rtnh_ifindex=");
    PutIfindex(d_, static_cast<uint32_t>(nh.ifindex));
    d_.out->push_back('}');
    if (elen > sizeof(nh)) {
      Sep();
      Attrs(addr + sizeof(nh), elen - sizeof(nh), kRtaAttrs);
      d_.out->push_back(']');
    }
    if (next_addr == 0) break;
    Sep();
    addr = next_addr;
    len = next_len;
  }
  if (array) d_.out->push_back(']');
  return true;
}

// struct rtvia: a family and an address of it.
bool Netlink::AttrRtVia(uint64_t addr, uint32_t len) {
  uint16_t family;
  if (len < sizeof(family) || !Get(addr, &family)) return false;
  Put("{rtvia_family=");
  Xval(family, kAddrFamilies, "AF_???");
  if (len > sizeof(family)) {
    Put(", rtvia_addr=");
    if (family > 0xff ||
        !AttrAddress(addr + 2, len - 2, static_cast<uint8_t>(family))) {
      HexStr(addr + 2, len - 2);
    }
  }
  d_.out->push_back('}');
  return true;
}

// struct rtnl_link_ifmap.
bool Netlink::AttrIflaMap(uint64_t addr, uint32_t len) {
  struct {
    uint64_t mem_start, mem_end, base_addr;
    uint16_t irq;
    uint8_t dma, port;
  } m;
  if (len < sizeof(m) || !Get(addr, &m)) return false;
  Put("{mem_start=");
  d_.Hex(m.mem_start);
  Put(", mem_end=");
  d_.Hex(m.mem_end);
  Put(", base_addr=");
  d_.Hex(m.base_addr);
  Put(", irq=");
  Udec(m.irq);
  Put(", dma=");
  Udec(m.dma);
  Put(", port=");
  Udec(m.port);
  d_.out->push_back('}');
  return true;
}

bool Netlink::AttrIflaLinkinfo(uint64_t addr, uint32_t len) {
  Attrs(addr, len, kIflaInfoAttrs);
  return true;
}
bool Netlink::AttrIflaXdp(uint64_t addr, uint32_t len) {
  Attrs(addr, len, kIflaXdpAttrs);
  return true;
}
bool Netlink::AttrIflaPropList(uint64_t addr, uint32_t len) {
  Attrs(addr, len, kIflaPropListAttrs);
  return true;
}
bool Netlink::AttrIflaProtoDownReason(uint64_t addr, uint32_t len) {
  Attrs(addr, len, kIflaProtoDownReasonAttrs);
  return true;
}

constexpr XlatEntry kXdpAttached[] = {
    {0, "XDP_ATTACHED_NONE"},  {1, "XDP_ATTACHED_DRV"},
    {2, "XDP_ATTACHED_SKB"},   {3, "XDP_ATTACHED_HW"},
    {4, "XDP_ATTACHED_MULTI"},
};

bool Netlink::AttrXdpAttached(uint64_t addr, uint32_t len) {
  uint8_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Xval(v, kXdpAttached, "XDP_ATTACHED_???");
  return true;
}

constexpr XlatEntry kXdpFlags[] = {
    {0x1, "XDP_FLAGS_UPDATE_IF_NOEXIST"}, {0x2, "XDP_FLAGS_SKB_MODE"},
    {0x4, "XDP_FLAGS_DRV_MODE"},          {0x8, "XDP_FLAGS_HW_MODE"},
    {0x10, "XDP_FLAGS_REPLACE"},
};

bool Netlink::AttrXdpFlags(uint64_t addr, uint32_t len) {
  uint32_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Flags(v, kXdpFlags, "XDP_FLAGS_???");
  return true;
}

// ---------------------------------------------------------------------------
// Neighbours (ip neigh) and rules (ip rule).
// ---------------------------------------------------------------------------
// struct rtgenmsg of the RTM_*NSID messages (`ip netns list-id`): the
// family, then NETNSA_* attributes 4-byte aligned.
void Netlink::Rtgenmsg(uint64_t addr, uint32_t len) {
  uint8_t family = 0;
  const bool attrs = Get(addr, &family);
  Put("{rtgen_family=");
  Xval(family, kAddrFamilies, "AF_???");
  CloseWithAttrs(attrs, addr, len, 4, kNetnsaAttrs, family);
}

// struct nhmsg (`ip nexthop`).
void Netlink::Nhmsg(uint64_t addr, uint32_t len) {
  struct {
    uint8_t family;
    uint8_t scope;
    uint8_t protocol;
    uint8_t resvd;
    uint32_t flags;
  } m;
  bool attrs = false;
  Get(addr, &m.family);
  Put("{nh_family=");
  Xval(m.family, kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, &m)) {
      d_.Ptr(addr + 1);
    } else {
      Put("nh_scope=");
      Xval(m.scope, kRtScopes, "RT_SCOPE_???");
      Put(", nh_protocol=");
      Xval(m.protocol, kRtProtocols, "RTPROT_???");
      Put(", nh_flags=");
      Flags(m.flags, kRtnhFlags, "RTNH_F_???");
      attrs = true;
    }
  } else {
    Put("...");
  }
  CloseWithAttrs(attrs, addr, len, sizeof(m), kNhaAttrs, m.family);
}

// A file descriptor of the tracee's (NETNSA_FD): with -y, its path.
bool Netlink::AttrFd(uint64_t addr, uint32_t len) {
  int32_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  d_.FdValue(v);
  return true;
}

bool Netlink::AttrNhaGateway(uint64_t addr, uint32_t len) {
  return AttrAddress(addr, len, family_);
}

// NHA_GROUP: struct nexthop_grp entries, "[{id=1, weight=0}, ...]".
bool Netlink::AttrNhaGroup(uint64_t addr, uint32_t len) {
  struct {
    uint32_t id;
    uint8_t weight;
    uint8_t resvd1;
    uint16_t resvd2;
  } g;
  if (len < sizeof(g) || len % sizeof(g) != 0) return false;
  d_.out->push_back('[');
  for (uint32_t off = 0; off < len; off += sizeof(g)) {
    if (off > 0) Sep();
    if (!Get(addr + off, &g)) {
      d_.Ptr(addr + off);
      break;
    }
    Put("{id=");
    Udec(g.id);
    Put(", weight=");
    Udec(g.weight);
    d_.out->push_back('}');
  }
  d_.out->push_back(']');
  return true;
}

constexpr XlatEntry kNexthopGrpTypes[] = {{0, "NEXTHOP_GRP_TYPE_MPATH"},
                                          {1, "NEXTHOP_GRP_TYPE_RES"}};

bool Netlink::AttrNhaGroupType(uint64_t addr, uint32_t len) {
  uint16_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Xval(v, kNexthopGrpTypes, "NEXTHOP_GRP_TYPE_???");
  return true;
}

// IFLA_STATS_FILTER_BIT(attr) is 1 << (attr - 1), but strace names bit n
// after attribute n: 0x1 is "1<<IFLA_STATS_UNSPEC".
constexpr XlatEntry kIflaStatsFilter[] = {
    {1 << 0, "1<<IFLA_STATS_UNSPEC"},
    {1 << 1, "1<<IFLA_STATS_LINK_64"},
    {1 << 2, "1<<IFLA_STATS_LINK_XSTATS"},
    {1 << 3, "1<<IFLA_STATS_LINK_XSTATS_SLAVE"},
    {1 << 4, "1<<IFLA_STATS_LINK_OFFLOAD_XSTATS"},
    {1 << 5, "1<<IFLA_STATS_AF_SPEC"},
};

// struct if_stats_msg (`ip stats`, `ip -s link` on new kernels).
void Netlink::IfStatsMsg(uint64_t addr, uint32_t len) {
  struct {
    uint8_t family;
    uint8_t pad1;
    uint16_t pad2;
    uint32_t ifindex;
    uint32_t filter_mask;
  } m;
  bool attrs = false;
  Get(addr, &m.family);
  Put("{family=");
  Xval(m.family, kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, &m)) {
      d_.Ptr(addr + 1);
    } else {
      Put("ifindex=");
      PutIfindex(d_, m.ifindex);
      Put(", filter_mask=");
      Flags(m.filter_mask, kIflaStatsFilter, "IFLA_STATS_???");
      attrs = true;
    }
  } else {
    Put("...");
  }
  CloseWithAttrs(attrs, addr, len, sizeof(m), kIflaStatsAttrs, m.family);
}

bool Netlink::AttrOffloadXstats(uint64_t addr, uint32_t len) {
  Attrs(addr, len, kOffloadXstatsAttrs);
  return true;
}

constexpr XlatEntry kNudStates[] = {
    {0x1, "NUD_INCOMPLETE"}, {0x2, "NUD_REACHABLE"},  {0x4, "NUD_STALE"},
    {0x8, "NUD_DELAY"},      {0x10, "NUD_PROBE"},     {0x20, "NUD_FAILED"},
    {0x40, "NUD_NOARP"},     {0x80, "NUD_PERMANENT"}, {0, "NUD_NONE"},
};

constexpr XlatEntry kNtfFlags[] = {
    {0x1, "NTF_USE"},     {0x2, "NTF_SELF"},         {0x4, "NTF_MASTER"},
    {0x8, "NTF_PROXY"},   {0x10, "NTF_EXT_LEARNED"}, {0x20, "NTF_OFFLOADED"},
    {0x40, "NTF_STICKY"}, {0x80, "NTF_ROUTER"},
};

void Netlink::Ndmsg(uint64_t addr, uint32_t len) {
  struct {
    uint8_t family;
    uint8_t pad1;
    uint16_t pad2;
    int32_t ifindex;
    uint16_t state;
    uint8_t flags;
    uint8_t type;
  } m;
  bool attrs = false;
  Get(addr, &m.family);
  Put("{ndm_family=");
  Xval(m.family, kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, &m)) {
      d_.Ptr(addr + 1);
    } else {
      Put("ndm_ifindex=");
      PutIfindex(d_, static_cast<uint32_t>(m.ifindex));
      Put(", ndm_state=");
      Flags(m.state, kNudStates, "NUD_???");
      Put(", ndm_flags=");
      Flags(m.flags, kNtfFlags, "NTF_???");
      Put(", ndm_type=");
      Xval(m.type, kRtTypes, "RTN_???");
      attrs = true;
    }
  } else {
    Put("...");
  }
  CloseWithAttrs(attrs, addr, len, sizeof(m), kNdaAttrs, m.family);
}

bool Netlink::AttrNdaAddress(uint64_t addr, uint32_t len) {
  return AttrAddress(addr, len, family_);
}

// struct netconfmsg (`ip netconf`): its family alone; the attributes start
// after it, 4-byte aligned.
void Netlink::Netconfmsg(uint64_t addr, uint32_t len) {
  uint8_t family = 0;
  const bool attrs = Get(addr, &family);
  Put("{ncm_family=");
  Xval(family, kAddrFamilies, "AF_???");
  CloseWithAttrs(attrs, addr, len, 4, kNetconfAttrs, family);
}

// struct ifaddrlblmsg (`ip addrlabel`).
void Netlink::Ifaddrlblmsg(uint64_t addr, uint32_t len) {
  struct {
    uint8_t family;
    uint8_t reserved;
    uint8_t prefixlen;
    uint8_t flags;
    uint32_t index;
    uint32_t seq;
  } m;
  bool attrs = false;
  Get(addr, &m.family);
  Put("{ifal_family=");
  Xval(m.family, kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, &m)) {
      d_.Ptr(addr + 1);
    } else {
      Put("ifal_prefixlen=");
      Udec(m.prefixlen);
      Put(", ifal_flags=");
      Udec(m.flags);
      Put(", ifal_index=");
      PutIfindex(d_, m.index);
      Put(", ifal_seq=");
      Udec(m.seq);
      attrs = true;
    }
  } else {
    Put("...");
  }
  CloseWithAttrs(attrs, addr, len, sizeof(m), kIfalAttrs, m.family);
}

bool Netlink::AttrIfalAddress(uint64_t addr, uint32_t len) {
  return AttrAddress(addr, len, family_);
}

bool Netlink::AttrNdaCacheinfo(uint64_t addr, uint32_t len) {
  uint32_t v[4];
  if (len < sizeof(v) || !Get(addr, v, sizeof(v))) return false;
  Put("{ndm_confirmed=");
  Udec(v[0]);
  Put(", ndm_used=");
  Udec(v[1]);
  Put(", ndm_updated=");
  Udec(v[2]);
  Put(", ndm_refcnt=");
  Udec(v[3]);
  d_.out->push_back('}');
  return true;
}

bool Netlink::AttrBe16Port(uint64_t addr, uint32_t len) {
  uint16_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  const size_t mark = d_.out->size();
  Put("htons(");
  Udec(ntohs(v));
  d_.out->push_back(')');
  RestyleConst(d_.out, mark, RawConst::Bytes(&v, 2));
  return true;
}

constexpr XlatEntry kNtfExtFlags[] = {
    {0x1, "NTF_EXT_MANAGED"},
    {0x2, "NTF_EXT_LOCKED"},
};

bool Netlink::AttrNdaFlagsExt(uint64_t addr, uint32_t len) {
  uint32_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Flags(v, kNtfExtFlags, "NTF_EXT_???");
  return true;
}

bool Netlink::AttrNudStateMask(uint64_t addr, uint32_t len) {
  uint16_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Flags(v, kNudStates, "NUD_???");
  return true;
}

bool Netlink::AttrNtfFlagsMask(uint64_t addr, uint32_t len) {
  uint8_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Flags(v, kNtfFlags, "NTF_???");
  return true;
}

constexpr XlatEntry kFrActions[] = {
    {0, "FR_ACT_UNSPEC"},    {1, "FR_ACT_TO_TBL"},      {2, "FR_ACT_GOTO"},
    {3, "FR_ACT_NOP"},       {4, "FR_ACT_RES3"},        {5, "FR_ACT_RES4"},
    {6, "FR_ACT_BLACKHOLE"}, {7, "FR_ACT_UNREACHABLE"}, {8, "FR_ACT_PROHIBIT"},
};

constexpr XlatEntry kFibRuleFlags[] = {
    {0x1, "FIB_RULE_PERMANENT"},     {0x2, "FIB_RULE_INVERT"},
    {0x4, "FIB_RULE_UNRESOLVED"},    {0x8, "FIB_RULE_IIF_DETACHED"},
    {0x10, "FIB_RULE_OIF_DETACHED"}, {0x10000, "FIB_RULE_FIND_SADDR"},
};

// struct fib_rule_hdr.
void Netlink::FibRuleHdr(uint64_t addr, uint32_t len) {
  struct {
    uint8_t family;
    uint8_t dst_len;
    uint8_t src_len;
    uint8_t tos;
    uint8_t table;
    uint8_t res1;
    uint8_t res2;
    uint8_t action;
    uint32_t flags;
  } m;
  bool attrs = false;
  Get(addr, &m.family);
  Put("{family=");
  Xval(m.family, kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, &m)) {
      d_.Ptr(addr + 1);
    } else {
      Put("dst_len=");
      Udec(m.dst_len);
      Put(", src_len=");
      Udec(m.src_len);
      Put(", tos=");
      Flags(m.tos, kIpTos, "IPTOS_???");
      Put(", table=");
      Xval(m.table, kRtTables, "RT_TABLE_???");
      Put(", action=");
      Xval(m.action, kFrActions, "FR_ACT_???");
      Put(", flags=");
      Flags(m.flags, kFibRuleFlags, "FIB_RULE_???");
      attrs = true;
    }
  } else {
    Put("...");
  }
  CloseWithAttrs(attrs, addr, len, sizeof(m), kFraAttrs, m.family);
}

// A big-endian 64-bit number: htobe64(N).
bool Netlink::AttrBe64(uint64_t addr, uint32_t len) {
  uint64_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Put("htobe64(");
  Udec(__builtin_bswap64(v));
  d_.out->push_back(')');
  return true;
}

bool Netlink::AttrRtProtocol(uint64_t addr, uint32_t len) {
  uint8_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Xval(v, kRtProtocols, "RTPROT_???");
  return true;
}

bool Netlink::AttrU32Range(uint64_t addr, uint32_t len) {
  uint32_t v[2];
  if (len < sizeof(v) || !Get(addr, v, sizeof(v))) return false;
  Put("{start=");
  Udec(v[0]);
  Put(", end=");
  Udec(v[1]);
  d_.out->push_back('}');
  return true;
}

bool Netlink::AttrU16Range(uint64_t addr, uint32_t len) {
  uint16_t v[2];
  if (len < sizeof(v) || !Get(addr, v, sizeof(v))) return false;
  Put("{start=");
  Udec(v[0]);
  Put(", end=");
  Udec(v[1]);
  d_.out->push_back('}');
  return true;
}

// ---------------------------------------------------------------------------
// Traffic control (tc qdisc/class/filter): struct tcmsg.
// ---------------------------------------------------------------------------
void Netlink::Tcmsg(uint64_t addr, uint32_t len) {
  struct {
    uint8_t family;
    uint8_t pad1;
    uint16_t pad2;
    int32_t ifindex;
    uint32_t handle;
    uint32_t parent;
    uint32_t info;
  } m;
  bool attrs = false;
  Get(addr, &m.family);
  Put("{tcm_family=");
  Xval(m.family, kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, &m)) {
      d_.Ptr(addr + 1);
    } else {
      Put("tcm_ifindex=");
      PutIfindex(d_, static_cast<uint32_t>(m.ifindex));
      Put(", tcm_handle=");
      Udec(m.handle);
      Put(", tcm_parent=");
      Udec(m.parent);
      Put(", tcm_info=");
      Udec(m.info);
      attrs = true;
    }
  } else {
    Put("...");
  }
  CloseWithAttrs(attrs, addr, len, sizeof(m), kTcaAttrs);
}

// struct tc_stats.
bool Netlink::AttrTcStats(uint64_t addr, uint32_t len) {
  struct {
    uint64_t bytes;
    uint32_t packets, drops, overlimits, bps, pps, qlen, backlog;
  } st;
  if (len < sizeof(st) || !Get(addr, &st)) return false;
  Put("{bytes=");
  Udec(st.bytes);
  Put(", packets=");
  Udec(st.packets);
  Put(", drops=");
  Udec(st.drops);
  Put(", overlimits=");
  Udec(st.overlimits);
  Put(", bps=");
  Udec(st.bps);
  Put(", pps=");
  Udec(st.pps);
  Put(", qlen=");
  Udec(st.qlen);
  Put(", backlog=");
  Udec(st.backlog);
  d_.out->push_back('}');
  return true;
}

bool Netlink::AttrTcStats2(uint64_t addr, uint32_t len) {
  Attrs(addr, len, kTcaStatsAttrs);
  return true;
}

// struct tc_estimator.
bool Netlink::AttrTcRate(uint64_t addr, uint32_t len) {
  struct {
    int8_t interval;
    uint8_t ewma_log;
  } r;
  if (len < sizeof(r) || !Get(addr, &r)) return false;
  Put("{interval=");
  Dec(r.interval);
  Put(", ewma_log=");
  Udec(r.ewma_log);
  d_.out->push_back('}');
  return true;
}

// struct gnet_stats_basic.
bool Netlink::AttrGnetBasic(uint64_t addr, uint32_t len) {
  struct {
    uint64_t bytes;
    uint32_t packets;
  } b;
  if (len < 12 || !Get(addr, &b, 12)) return false;
  Put("{bytes=");
  Udec(b.bytes);
  Put(", packets=");
  Udec(b.packets);
  d_.out->push_back('}');
  return true;
}

// struct gnet_stats_rate_est.
bool Netlink::AttrGnetRateEst(uint64_t addr, uint32_t len) {
  uint32_t v[2];
  if (len < sizeof(v) || !Get(addr, v, sizeof(v))) return false;
  Put("{bps=");
  Udec(v[0]);
  Put(", pps=");
  Udec(v[1]);
  d_.out->push_back('}');
  return true;
}

// struct gnet_stats_queue.
bool Netlink::AttrGnetQueue(uint64_t addr, uint32_t len) {
  uint32_t v[5];
  if (len < sizeof(v) || !Get(addr, v, sizeof(v))) return false;
  Put("{qlen=");
  Udec(v[0]);
  Put(", backlog=");
  Udec(v[1]);
  Put(", drops=");
  Udec(v[2]);
  Put(", requeues=");
  Udec(v[3]);
  Put(", overlimits=");
  Udec(v[4]);
  d_.out->push_back('}');
  return true;
}

// struct gnet_stats_rate_est64.
bool Netlink::AttrGnetRateEst64(uint64_t addr, uint32_t len) {
  uint64_t v[2];
  if (len < sizeof(v) || !Get(addr, v, sizeof(v))) return false;
  Put("{bps=");
  Udec(v[0]);
  Put(", pps=");
  Udec(v[1]);
  d_.out->push_back('}');
  return true;
}

// ---------------------------------------------------------------------------
// NETLINK_SOCK_DIAG for UNIX sockets (ss -x).
// ---------------------------------------------------------------------------
constexpr XlatEntry kUdiagShow[] = {
    {0x1, "UDIAG_SHOW_NAME"},   {0x2, "UDIAG_SHOW_VFS"},
    {0x4, "UDIAG_SHOW_PEER"},   {0x8, "UDIAG_SHOW_ICONS"},
    {0x10, "UDIAG_SHOW_RQLEN"}, {0x20, "UDIAG_SHOW_MEMINFO"},
    {0x40, "UDIAG_SHOW_UID"},
};

void Netlink::UnixDiagReq(uint64_t addr, uint32_t len) {
  struct {
    uint8_t family;
    uint8_t protocol;
    uint16_t pad;
    uint32_t states;
    uint32_t ino;
    uint32_t show;
    uint32_t cookie[2];
  } m;
  Get(addr, &m.family);
  Put("{sdiag_family=");
  Xval(m.family, kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, &m)) {
      d_.Ptr(addr + 1);
    } else {
      Put("sdiag_protocol=");
      Udec(m.protocol);
      Put(", udiag_states=");
      Flags(m.states, kTcpStateFlags, "1<<TCP_???");
      Put(", udiag_ino=");
      Udec(m.ino);
      Put(", udiag_show=");
      Flags(m.show, kUdiagShow, "UDIAG_SHOW_???");
      Put(", udiag_cookie=");
      Cookie(m.cookie);
    }
  } else {
    Put("...");
  }
  d_.out->push_back('}');
}

void Netlink::UnixDiagMsg(uint64_t addr, uint32_t len) {
  struct {
    uint8_t family;
    uint8_t type;
    uint8_t state;
    uint8_t pad;
    uint32_t ino;
    uint32_t cookie[2];
  } m;
  bool attrs = false;
  Get(addr, &m.family);
  Put("{udiag_family=");
  Xval(m.family, kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, &m)) {
      d_.Ptr(addr + 1);
    } else {
      Put("udiag_type=");
      Xval(m.type, kSockTypes, "SOCK_???");
      Put(", udiag_state=");
      Xval(m.state, kTcpStates, "TCP_???");
      Put(", udiag_ino=");
      Udec(m.ino);
      Put(", udiag_cookie=");
      Cookie(m.cookie);
      attrs = true;
    }
  } else {
    Put("...");
  }
  CloseWithAttrs(attrs, addr, len, sizeof(m), kUnixDiagAttrs);
}

// ---------------------------------------------------------------------------
// NETLINK_SOCK_DIAG for netlink and packet sockets (ss -a).
// ---------------------------------------------------------------------------

constexpr XlatEntry kNdiagShow[] = {
    {0x1, "NDIAG_SHOW_MEMINFO"},
    {0x2, "NDIAG_SHOW_GROUPS"},
    {0x4, "NDIAG_SHOW_RING_CFG"},
    {0x8, "NDIAG_SHOW_FLAGS"},
};

void Netlink::NetlinkDiagReq(uint64_t addr, uint32_t len) {
  struct {
    uint8_t family;
    uint8_t protocol;
    uint16_t pad;
    uint32_t ino;
    uint32_t show;
    uint32_t cookie[2];
  } m;
  Get(addr, &m.family);
  Put("{sdiag_family=");
  Xval(m.family, kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, &m)) {
      d_.Ptr(addr + 1);
    } else {
      Put("sdiag_protocol=");
      if (m.protocol == 255) {  // NDIAG_PROTO_ALL: every protocol
        Put("NDIAG_PROTO_ALL");
      } else {
        Xval(m.protocol, kNetlinkProtocols, "NETLINK_???");
      }
      Put(", ndiag_ino=");
      Udec(m.ino);
      Put(", ndiag_show=");
      Flags(m.show, kNdiagShow, "NDIAG_SHOW_???");
      Put(", ndiag_cookie=");
      Cookie(m.cookie);
    }
  } else {
    Put("...");
  }
  d_.out->push_back('}');
}

void Netlink::NetlinkDiagMsg(uint64_t addr, uint32_t len) {
  struct {
    uint8_t family;
    uint8_t type;
    uint8_t protocol;
    uint8_t state;
    uint32_t portid;
    uint32_t dst_portid;
    uint32_t dst_group;
    uint32_t ino;
    uint32_t cookie[2];
  } m;
  bool attrs = false;
  Get(addr, &m.family);
  Put("{ndiag_family=");
  Xval(m.family, kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, &m)) {
      d_.Ptr(addr + 1);
    } else {
      Put("ndiag_type=");
      Xval(m.type, kSockTypes, "SOCK_???");
      Put(", ndiag_protocol=");
      Xval(m.protocol, kNetlinkProtocols, "NETLINK_???");
      Put(", ndiag_state=");
      Xval(m.state, kTcpStates, "TCP_???");
      Put(", ndiag_portid=");
      Udec(m.portid);
      Put(", ndiag_dst_portid=");
      Udec(m.dst_portid);
      Put(", ndiag_dst_group=");
      Udec(m.dst_group);
      Put(", ndiag_ino=");
      Udec(m.ino);
      Put(", ndiag_cookie=");
      Cookie(m.cookie);
      attrs = true;
    }
  } else {
    Put("...");
  }
  CloseWithAttrs(attrs, addr, len, sizeof(m), kNetlinkDiagAttrs);
}

constexpr XlatEntry kPacketShow[] = {
    {0x1, "PACKET_SHOW_INFO"},     {0x2, "PACKET_SHOW_MCLIST"},
    {0x4, "PACKET_SHOW_RING_CFG"}, {0x8, "PACKET_SHOW_FANOUT"},
    {0x10, "PACKET_SHOW_MEMINFO"}, {0x20, "PACKET_SHOW_FILTER"},
};

void Netlink::PacketDiagReq(uint64_t addr, uint32_t len) {
  struct {
    uint8_t family;
    uint8_t protocol;
    uint16_t pad;
    uint32_t ino;
    uint32_t show;
    uint32_t cookie[2];
  } m;
  Get(addr, &m.family);
  Put("{sdiag_family=");
  Xval(m.family, kAddrFamilies, "AF_???");
  Sep();
  if (len >= sizeof(m)) {
    if (!Get(addr, &m)) {
      d_.Ptr(addr + 1);
    } else {
      Put("sdiag_protocol=");
      Udec(m.protocol);
      Put(", pdiag_ino=");
      Udec(m.ino);
      Put(", pdiag_show=");
      Flags(m.show, kPacketShow, "PACKET_SHOW_???");
      Put(", pdiag_cookie=");
      Cookie(m.cookie);
    }
  } else {
    Put("...");
  }
  d_.out->push_back('}');
}

// NETLINK_DIAG_GROUPS: the bitmap of groups, in unsigned longs.
bool Netlink::AttrNetlinkGroups(uint64_t addr, uint32_t len) {
  const uint32_t n = len / 8;
  if (n == 0) return false;
  const bool abbrev = d_.abbrev;
  d_.out->push_back('[');
  for (uint32_t i = 0; i < n; ++i) {
    if (i > 0) Sep();
    if (abbrev && i == d_.opt().string_limit) {
      Put("...");
      break;
    }
    uint64_t v;
    if (!Get(addr + 8 * i, &v)) {
      Put("... /* ");
      d_.Hex(addr + 8 * i);
      Put(" */");
      break;
    }
    char buf[24];
    snprintf(buf, sizeof(buf), "%#016llx", static_cast<unsigned long long>(v));
    Put(buf);
  }
  d_.out->push_back(']');
  return true;
}

// A socket's name: all its bytes (abstract ones start with a NUL), as
// other netlink strings.
bool Netlink::AttrUnixName(uint64_t addr, uint32_t len) {
  Str0(addr, len);
  return true;
}

// struct unix_diag_vfs: the device as the kernel encodes it in 32 bits.
bool Netlink::AttrUnixVfs(uint64_t addr, uint32_t len) {
  uint32_t v[2];  // ino, dev
  if (len < sizeof(v) || !Get(addr, v, sizeof(v))) return false;
  const uint32_t dev = v[1];
  const uint32_t major = (dev & 0xfff00) >> 8;
  const uint32_t minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
  Put("{udiag_vfs_dev=makedev(");
  d_.Hex(major);
  Sep();
  d_.Hex(minor);
  Put("), udiag_vfs_ino=");
  Udec(v[0]);
  d_.out->push_back('}');
  return true;
}

bool Netlink::AttrU32Array(uint64_t addr, uint32_t len) {
  const uint32_t n = len / 4;
  if (n == 0) return false;
  const bool abbrev = d_.abbrev;
  d_.out->push_back('[');
  for (uint32_t i = 0; i < n; ++i) {
    if (i > 0) Sep();
    if (abbrev && i == d_.opt().string_limit) {
      Put("...");
      break;
    }
    uint32_t v;
    if (!Get(addr + 4 * i, &v)) {
      Put("... /* ");
      d_.Hex(addr + 4 * i);
      Put(" */");
      break;
    }
    Udec(v);
  }
  d_.out->push_back(']');
  return true;
}

bool Netlink::AttrUnixRqlen(uint64_t addr, uint32_t len) {
  uint32_t v[2];
  if (len < sizeof(v) || !Get(addr, v, sizeof(v))) return false;
  Put("{udiag_rqueue=");
  Udec(v[0]);
  Put(", udiag_wqueue=");
  Udec(v[1]);
  d_.out->push_back('}');
  return true;
}

// ---------------------------------------------------------------------------
// IFLA_AF_SPEC: per address family, AF_INET's and AF_INET6's attributes.
// ---------------------------------------------------------------------------
constexpr const char* kIpv4Devconf[] = {
    "IPV4_DEVCONF_FORWARDING-1",
    "IPV4_DEVCONF_MC_FORWARDING-1",
    "IPV4_DEVCONF_PROXY_ARP-1",
    "IPV4_DEVCONF_ACCEPT_REDIRECTS-1",
    "IPV4_DEVCONF_SECURE_REDIRECTS-1",
    "IPV4_DEVCONF_SEND_REDIRECTS-1",
    "IPV4_DEVCONF_SHARED_MEDIA-1",
    "IPV4_DEVCONF_RP_FILTER-1",
    "IPV4_DEVCONF_ACCEPT_SOURCE_ROUTE-1",
    "IPV4_DEVCONF_BOOTP_RELAY-1",
    "IPV4_DEVCONF_LOG_MARTIANS-1",
    "IPV4_DEVCONF_TAG-1",
    "IPV4_DEVCONF_ARPFILTER-1",
    "IPV4_DEVCONF_MEDIUM_ID-1",
    "IPV4_DEVCONF_NOXFRM-1",
    "IPV4_DEVCONF_NOPOLICY-1",
    "IPV4_DEVCONF_FORCE_IGMP_VERSION-1",
    "IPV4_DEVCONF_ARP_ANNOUNCE-1",
    "IPV4_DEVCONF_ARP_IGNORE-1",
    "IPV4_DEVCONF_PROMOTE_SECONDARIES-1",
    "IPV4_DEVCONF_ARP_ACCEPT-1",
    "IPV4_DEVCONF_ARP_NOTIFY-1",
    "IPV4_DEVCONF_ACCEPT_LOCAL-1",
    "IPV4_DEVCONF_SRC_VMARK-1",
    "IPV4_DEVCONF_PROXY_ARP_PVLAN-1",
    "IPV4_DEVCONF_ROUTE_LOCALNET-1",
    "IPV4_DEVCONF_IGMPV2_UNSOLICITED_REPORT_INTERVAL-1",
    "IPV4_DEVCONF_IGMPV3_UNSOLICITED_REPORT_INTERVAL-1",
    "IPV4_DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN-1",
    "IPV4_DEVCONF_DROP_UNICAST_IN_L2_MULTICAST-1",
    "IPV4_DEVCONF_DROP_GRATUITOUS_ARP-1",
    "IPV4_DEVCONF_BC_FORWARDING-1",
    "IPV4_DEVCONF_ARP_EVICT_NOCARRIER-1",
};
constexpr const char* kIpv6Devconf[] = {
    "DEVCONF_FORWARDING",
    "DEVCONF_HOPLIMIT",
    "DEVCONF_MTU6",
    "DEVCONF_ACCEPT_RA",
    "DEVCONF_ACCEPT_REDIRECTS",
    "DEVCONF_AUTOCONF",
    "DEVCONF_DAD_TRANSMITS",
    "DEVCONF_RTR_SOLICITS",
    "DEVCONF_RTR_SOLICIT_INTERVAL",
    "DEVCONF_RTR_SOLICIT_DELAY",
    "DEVCONF_USE_TEMPADDR",
    "DEVCONF_TEMP_VALID_LFT",
    "DEVCONF_TEMP_PREFERED_LFT",
    "DEVCONF_REGEN_MAX_RETRY",
    "DEVCONF_MAX_DESYNC_FACTOR",
    "DEVCONF_MAX_ADDRESSES",
    "DEVCONF_FORCE_MLD_VERSION",
    "DEVCONF_ACCEPT_RA_DEFRTR",
    "DEVCONF_ACCEPT_RA_PINFO",
    "DEVCONF_ACCEPT_RA_RTR_PREF",
    "DEVCONF_RTR_PROBE_INTERVAL",
    "DEVCONF_ACCEPT_RA_RT_INFO_MAX_PLEN",
    "DEVCONF_PROXY_NDP",
    "DEVCONF_OPTIMISTIC_DAD",
    "DEVCONF_ACCEPT_SOURCE_ROUTE",
    "DEVCONF_MC_FORWARDING",
    "DEVCONF_DISABLE_IPV6",
    "DEVCONF_ACCEPT_DAD",
    "DEVCONF_FORCE_TLLAO",
    "DEVCONF_NDISC_NOTIFY",
    "DEVCONF_MLDV1_UNSOLICITED_REPORT_INTERVAL",
    "DEVCONF_MLDV2_UNSOLICITED_REPORT_INTERVAL",
    "DEVCONF_SUPPRESS_FRAG_NDISC",
    "DEVCONF_ACCEPT_RA_FROM_LOCAL",
    "DEVCONF_USE_OPTIMISTIC",
    "DEVCONF_ACCEPT_RA_MTU",
    "DEVCONF_STABLE_SECRET",
    "DEVCONF_USE_OIF_ADDRS_ONLY",
    "DEVCONF_ACCEPT_RA_MIN_HOP_LIMIT",
    "DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN",
    "DEVCONF_DROP_UNICAST_IN_L2_MULTICAST",
    "DEVCONF_DROP_UNSOLICITED_NA",
    "DEVCONF_KEEP_ADDR_ON_DOWN",
    "DEVCONF_RTR_SOLICIT_MAX_INTERVAL",
    "DEVCONF_SEG6_ENABLED",
    "DEVCONF_SEG6_REQUIRE_HMAC",
    "DEVCONF_ENHANCED_DAD",
    "DEVCONF_ADDR_GEN_MODE",
    "DEVCONF_DISABLE_POLICY",
    "DEVCONF_ACCEPT_RA_RT_INFO_MIN_PLEN",
    "DEVCONF_NDISC_TCLASS",
    "DEVCONF_RPL_SEG_ENABLED",
    "DEVCONF_RA_DEFRTR_METRIC",
    "DEVCONF_IOAM6_ENABLED",
    "DEVCONF_IOAM6_ID",
    "DEVCONF_IOAM6_ID_WIDE",
    "DEVCONF_NDISC_EVICT_NOCARRIER",
    "DEVCONF_ACCEPT_UNTRACKED_NA",
};
constexpr const char* kIpstatsMib[] = {
    "IPSTATS_MIB_NUM",
    "IPSTATS_MIB_INPKTS",
    "IPSTATS_MIB_INOCTETS",
    "IPSTATS_MIB_INDELIVERS",
    "IPSTATS_MIB_OUTFORWDATAGRAMS",
    "IPSTATS_MIB_OUTPKTS",
    "IPSTATS_MIB_OUTOCTETS",
    "IPSTATS_MIB_INHDRERRORS",
    "IPSTATS_MIB_INTOOBIGERRORS",
    "IPSTATS_MIB_INNOROUTES",
    "IPSTATS_MIB_INADDRERRORS",
    "IPSTATS_MIB_INUNKNOWNPROTOS",
    "IPSTATS_MIB_INTRUNCATEDPKTS",
    "IPSTATS_MIB_INDISCARDS",
    "IPSTATS_MIB_OUTDISCARDS",
    "IPSTATS_MIB_OUTNOROUTES",
    "IPSTATS_MIB_REASMTIMEOUT",
    "IPSTATS_MIB_REASMREQDS",
    "IPSTATS_MIB_REASMOKS",
    "IPSTATS_MIB_REASMFAILS",
    "IPSTATS_MIB_FRAGOKS",
    "IPSTATS_MIB_FRAGFAILS",
    "IPSTATS_MIB_FRAGCREATES",
    "IPSTATS_MIB_INMCASTPKTS",
    "IPSTATS_MIB_OUTMCASTPKTS",
    "IPSTATS_MIB_INBCASTPKTS",
    "IPSTATS_MIB_OUTBCASTPKTS",
    "IPSTATS_MIB_INMCASTOCTETS",
    "IPSTATS_MIB_OUTMCASTOCTETS",
    "IPSTATS_MIB_INBCASTOCTETS",
    "IPSTATS_MIB_OUTBCASTOCTETS",
    "IPSTATS_MIB_CSUMERRORS",
    "IPSTATS_MIB_NOECTPKTS",
    "IPSTATS_MIB_ECT1PKTS",
    "IPSTATS_MIB_ECT0PKTS",
    "IPSTATS_MIB_CEPKTS",
    "IPSTATS_MIB_REASM_OVERLAPS",
};
constexpr const char* kIcmp6Mib[] = {
    "ICMP6_MIB_NUM",     "ICMP6_MIB_INMSGS",    "ICMP6_MIB_INERRORS",
    "ICMP6_MIB_OUTMSGS", "ICMP6_MIB_OUTERRORS", "ICMP6_MIB_CSUMERRORS",
};

bool Netlink::AttrIflaAfSpec(uint64_t addr, uint32_t len) {
  Attrs(addr, len, kAfSpecAttrs);
  return true;
}
// IFLA_PROTINFO: per-protocol link information, decoded for AF_INET6
// links (the IFLA_INET6_* attributes).
bool Netlink::AttrIflaProtinfo(uint64_t addr, uint32_t len) {
  if (family_ != AF_INET6) return false;
  Attrs(addr, len, kAfSpecInet6Attrs);
  return true;
}
bool Netlink::AttrAfSpecInet(uint64_t addr, uint32_t len) {
  Attrs(addr, len, kAfSpecInetAttrs);
  return true;
}
bool Netlink::AttrAfSpecInet6(uint64_t addr, uint32_t len) {
  Attrs(addr, len, kAfSpecInet6Attrs);
  return true;
}
bool Netlink::AttrIpv4Devconf(uint64_t addr, uint32_t len) {
  return NamedArray(addr, len, 4, true, kIpv4Devconf, std::size(kIpv4Devconf),
                    "IPV4_DEVCONF_???");
}
bool Netlink::AttrIpv6Devconf(uint64_t addr, uint32_t len) {
  return NamedArray(addr, len, 4, true, kIpv6Devconf, std::size(kIpv6Devconf),
                    "DEVCONF_???");
}
bool Netlink::AttrInet6Stats(uint64_t addr, uint32_t len) {
  return NamedArray(addr, len, 8, false, kIpstatsMib, std::size(kIpstatsMib),
                    "IPSTATS_MIB_???");
}
bool Netlink::AttrIcmp6Stats(uint64_t addr, uint32_t len) {
  return NamedArray(addr, len, 8, false, kIcmp6Mib, std::size(kIcmp6Mib),
                    "ICMP6_MIB_???");
}

constexpr XlatEntry kInet6IfFlags[] = {
    {0x10, "IF_RS_SENT"},     {0x20, "IF_RA_RCVD"},
    {0x40, "IF_RA_MANAGED"},  {0x80, "IF_RA_OTHERCONF"},
    {0x80000000, "IF_READY"},
};

bool Netlink::AttrInet6Flags(uint64_t addr, uint32_t len) {
  uint32_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Flags(v, kInet6IfFlags, "IF_???");
  return true;
}

bool Netlink::AttrInet6Cacheinfo(uint64_t addr, uint32_t len) {
  uint32_t v[4];
  if (len < sizeof(v) || !Get(addr, v, sizeof(v))) return false;
  Put("{max_reasm_len=");
  Udec(v[0]);
  Put(", tstamp=");
  Udec(v[1]);
  Put(", reachable_time=");
  Udec(v[2]);
  Put(", retrans_time=");
  Udec(v[3]);
  d_.out->push_back('}');
  return true;
}

bool Netlink::AttrInet6Token(uint64_t addr, uint32_t len) {
  return AttrAddress(addr, len, AF_INET6);
}

constexpr XlatEntry kIn6AddrGenModes[] = {
    {0, "IN6_ADDR_GEN_MODE_EUI64"},
    {1, "IN6_ADDR_GEN_MODE_NONE"},
    {2, "IN6_ADDR_GEN_MODE_STABLE_PRIVACY"},
    {3, "IN6_ADDR_GEN_MODE_RANDOM"},
};

bool Netlink::AttrInet6AddrGenMode(uint64_t addr, uint32_t len) {
  uint8_t v;
  if (len < sizeof(v) || !Get(addr, &v)) return false;
  Xval(v, kIn6AddrGenModes, "IN6_ADDR_GEN_MODE_???");
  return true;
}

// ---------------------------------------------------------------------------
// Attribute tables.
// ---------------------------------------------------------------------------
using N = Netlink;

constexpr XlatEntry kIflaNames[] = {
    {0, "IFLA_UNSPEC"},
    {1, "IFLA_ADDRESS"},
    {2, "IFLA_BROADCAST"},
    {3, "IFLA_IFNAME"},
    {4, "IFLA_MTU"},
    {5, "IFLA_LINK"},
    {6, "IFLA_QDISC"},
    {7, "IFLA_STATS"},
    {8, "IFLA_COST"},
    {9, "IFLA_PRIORITY"},
    {10, "IFLA_MASTER"},
    {11, "IFLA_WIRELESS"},
    {12, "IFLA_PROTINFO"},
    {13, "IFLA_TXQLEN"},
    {14, "IFLA_MAP"},
    {15, "IFLA_WEIGHT"},
    {16, "IFLA_OPERSTATE"},
    {17, "IFLA_LINKMODE"},
    {18, "IFLA_LINKINFO"},
    {19, "IFLA_NET_NS_PID"},
    {20, "IFLA_IFALIAS"},
    {21, "IFLA_NUM_VF"},
    {22, "IFLA_VFINFO_LIST"},
    {23, "IFLA_STATS64"},
    {24, "IFLA_VF_PORTS"},
    {25, "IFLA_PORT_SELF"},
    {26, "IFLA_AF_SPEC"},
    {27, "IFLA_GROUP"},
    {28, "IFLA_NET_NS_FD"},
    {29, "IFLA_EXT_MASK"},
    {30, "IFLA_PROMISCUITY"},
    {31, "IFLA_NUM_TX_QUEUES"},
    {32, "IFLA_NUM_RX_QUEUES"},
    {33, "IFLA_CARRIER"},
    {34, "IFLA_PHYS_PORT_ID"},
    {35, "IFLA_CARRIER_CHANGES"},
    {36, "IFLA_PHYS_SWITCH_ID"},
    {37, "IFLA_LINK_NETNSID"},
    {38, "IFLA_PHYS_PORT_NAME"},
    {39, "IFLA_PROTO_DOWN"},
    {40, "IFLA_GSO_MAX_SEGS"},
    {41, "IFLA_GSO_MAX_SIZE"},
    {42, "IFLA_PAD"},
    {43, "IFLA_XDP"},
    {44, "IFLA_EVENT"},
    {45, "IFLA_NEW_NETNSID"},
    {46, "IFLA_IF_NETNSID"},
    {47, "IFLA_CARRIER_UP_COUNT"},
    {48, "IFLA_CARRIER_DOWN_COUNT"},
    {49, "IFLA_NEW_IFINDEX"},
    {50, "IFLA_MIN_MTU"},
    {51, "IFLA_MAX_MTU"},
    {52, "IFLA_PROP_LIST"},
    {53, "IFLA_ALT_IFNAME"},
    {54, "IFLA_PERM_ADDRESS"},
    {55, "IFLA_PROTO_DOWN_REASON"},
    {56, "IFLA_PARENT_DEV_NAME"},
    {57, "IFLA_PARENT_DEV_BUS_NAME"},
    {58, "IFLA_GRO_MAX_SIZE"},
    {59, "IFLA_TSO_MAX_SIZE"},
    {60, "IFLA_TSO_MAX_SEGS"},
    {61, "IFLA_ALLMULTI"},
};

constexpr N::AttrFn kIflaDecoders[] = {
    nullptr,                      // IFLA_UNSPEC
    &N::AttrLinkHwaddr,           // IFLA_ADDRESS
    &N::AttrLinkHwaddr,           // IFLA_BROADCAST
    &N::AttrStr,                  // IFLA_IFNAME
    &N::AttrU32,                  // IFLA_MTU
    &N::AttrU32,                  // IFLA_LINK
    &N::AttrStr,                  // IFLA_QDISC
    &N::AttrLinkStats,            // IFLA_STATS
    nullptr,                      // IFLA_COST
    nullptr,                      // IFLA_PRIORITY
    &N::AttrU32,                  // IFLA_MASTER
    nullptr,                      // IFLA_WIRELESS
    &N::AttrIflaProtinfo,         // IFLA_PROTINFO
    &N::AttrU32,                  // IFLA_TXQLEN
    &N::AttrIflaMap,              // IFLA_MAP
    &N::AttrU32,                  // IFLA_WEIGHT
    &N::AttrU8,                   // IFLA_OPERSTATE
    &N::AttrU8,                   // IFLA_LINKMODE
    &N::AttrIflaLinkinfo,         // IFLA_LINKINFO
    &N::AttrU32,                  // IFLA_NET_NS_PID
    &N::AttrStr,                  // IFLA_IFALIAS
    &N::AttrU32,                  // IFLA_NUM_VF
    nullptr,                      // IFLA_VFINFO_LIST
    &N::AttrLinkStats64,          // IFLA_STATS64
    nullptr,                      // IFLA_VF_PORTS
    nullptr,                      // IFLA_PORT_SELF
    &N::AttrIflaAfSpec,           // IFLA_AF_SPEC
    &N::AttrU32,                  // IFLA_GROUP
    &N::AttrS32,                  // IFLA_NET_NS_FD
    &N::AttrExtMask,              // IFLA_EXT_MASK
    &N::AttrU32,                  // IFLA_PROMISCUITY
    &N::AttrU32,                  // IFLA_NUM_TX_QUEUES
    &N::AttrU32,                  // IFLA_NUM_RX_QUEUES
    &N::AttrU8,                   // IFLA_CARRIER
    nullptr,                      // IFLA_PHYS_PORT_ID
    &N::AttrU32,                  // IFLA_CARRIER_CHANGES
    nullptr,                      // IFLA_PHYS_SWITCH_ID
    &N::AttrS32,                  // IFLA_LINK_NETNSID
    &N::AttrStr,                  // IFLA_PHYS_PORT_NAME
    &N::AttrU8,                   // IFLA_PROTO_DOWN
    &N::AttrU32,                  // IFLA_GSO_MAX_SEGS
    &N::AttrU32,                  // IFLA_GSO_MAX_SIZE
    nullptr,                      // IFLA_PAD
    &N::AttrIflaXdp,              // IFLA_XDP
    &N::AttrIflaEvent,            // IFLA_EVENT
    &N::AttrS32,                  // IFLA_NEW_NETNSID
    &N::AttrS32,                  // IFLA_IF_NETNSID
    &N::AttrU32,                  // IFLA_CARRIER_UP_COUNT
    &N::AttrU32,                  // IFLA_CARRIER_DOWN_COUNT
    &N::AttrIfindex,              // IFLA_NEW_IFINDEX
    &N::AttrU32,                  // IFLA_MIN_MTU
    &N::AttrU32,                  // IFLA_MAX_MTU
    &N::AttrIflaPropList,         // IFLA_PROP_LIST
    &N::AttrStr,                  // IFLA_ALT_IFNAME
    &N::AttrLinkHwaddr,           // IFLA_PERM_ADDRESS
    &N::AttrIflaProtoDownReason,  // IFLA_PROTO_DOWN_REASON
    &N::AttrStr,                  // IFLA_PARENT_DEV_NAME
    &N::AttrStr,                  // IFLA_PARENT_DEV_BUS_NAME
    &N::AttrU32,                  // IFLA_GRO_MAX_SIZE
    &N::AttrU32,                  // IFLA_TSO_MAX_SIZE
    &N::AttrU32,                  // IFLA_TSO_MAX_SEGS
    &N::AttrU32,                  // IFLA_ALLMULTI
};

constexpr XlatEntry kIfaNames[] = {
    {0, "IFA_UNSPEC"},      {1, "IFA_ADDRESS"},         {2, "IFA_LOCAL"},
    {3, "IFA_LABEL"},       {4, "IFA_BROADCAST"},       {5, "IFA_ANYCAST"},
    {6, "IFA_CACHEINFO"},   {7, "IFA_MULTICAST"},       {8, "IFA_FLAGS"},
    {9, "IFA_RT_PRIORITY"}, {10, "IFA_TARGET_NETNSID"}, {11, "IFA_PROTO"},
};

constexpr N::AttrFn kIfaDecoders[] = {
    nullptr,               // IFA_UNSPEC
    &N::AttrIfaAddress,    // IFA_ADDRESS
    &N::AttrIfaAddress,    // IFA_LOCAL
    &N::AttrStr,           // IFA_LABEL
    &N::AttrIfaAddress,    // IFA_BROADCAST
    &N::AttrIfaAddress,    // IFA_ANYCAST
    &N::AttrIfaCacheinfo,  // IFA_CACHEINFO
    &N::AttrIfaAddress,    // IFA_MULTICAST
    &N::AttrIfaFlags,      // IFA_FLAGS
    &N::AttrU32,           // IFA_RT_PRIORITY
    &N::AttrS32,           // IFA_TARGET_NETNSID
};

constexpr XlatEntry kRtaNames[] = {
    {0, "RTA_UNSPEC"},      {1, "RTA_DST"},        {2, "RTA_SRC"},
    {3, "RTA_IIF"},         {4, "RTA_OIF"},        {5, "RTA_GATEWAY"},
    {6, "RTA_PRIORITY"},    {7, "RTA_PREFSRC"},    {8, "RTA_METRICS"},
    {9, "RTA_MULTIPATH"},   {10, "RTA_PROTOINFO"}, {11, "RTA_FLOW"},
    {12, "RTA_CACHEINFO"},  {13, "RTA_SESSION"},   {14, "RTA_MP_ALGO"},
    {15, "RTA_TABLE"},      {16, "RTA_MARK"},      {17, "RTA_MFC_STATS"},
    {18, "RTA_VIA"},        {19, "RTA_NEWDST"},    {20, "RTA_PREF"},
    {21, "RTA_ENCAP_TYPE"}, {22, "RTA_ENCAP"},     {23, "RTA_EXPIRES"},
    {24, "RTA_PAD"},        {25, "RTA_UID"},       {26, "RTA_TTL_PROPAGATE"},
    {27, "RTA_IP_PROTO"},   {28, "RTA_SPORT"},     {29, "RTA_DPORT"},
    {30, "RTA_NH_ID"},
};

constexpr N::AttrFn kRtaDecoders[] = {
    nullptr,              // RTA_UNSPEC
    &N::AttrRtAddress,    // RTA_DST
    &N::AttrRtAddress,    // RTA_SRC
    &N::AttrIfindex,      // RTA_IIF
    &N::AttrIfindex,      // RTA_OIF
    &N::AttrRtAddress,    // RTA_GATEWAY
    &N::AttrU32,          // RTA_PRIORITY
    &N::AttrRtAddress,    // RTA_PREFSRC
    &N::AttrRtMetrics,    // RTA_METRICS
    &N::AttrRtMultipath,  // RTA_MULTIPATH
    &N::AttrU32,          // RTA_PROTOINFO
    &N::AttrU32,          // RTA_FLOW
    &N::AttrRtCacheinfo,  // RTA_CACHEINFO
    nullptr,              // RTA_SESSION
    &N::AttrU32,          // RTA_MP_ALGO
    &N::AttrRtTable,      // RTA_TABLE
    &N::AttrU32,          // RTA_MARK
    nullptr,              // RTA_MFC_STATS
    &N::AttrRtVia,        // RTA_VIA
    &N::AttrRtAddress,    // RTA_NEWDST
    &N::AttrU8,           // RTA_PREF
    &N::AttrRtEncapType,  // RTA_ENCAP_TYPE
    nullptr,              // RTA_ENCAP
    &N::AttrU64,          // RTA_EXPIRES
    nullptr,              // RTA_PAD
    &N::AttrU32,          // RTA_UID
    &N::AttrU8,           // RTA_TTL_PROPAGATE
    &N::AttrU8,           // RTA_IP_PROTO
    &N::AttrU16,          // RTA_SPORT
    &N::AttrU16,          // RTA_DPORT
};

constexpr XlatEntry kInetDiagReqNames[] = {
    {0, "INET_DIAG_REQ_NONE"},
    {1, "INET_DIAG_REQ_BYTECODE"},
    {2, "INET_DIAG_REQ_SK_BPF_STORAGES"},
    {3, "INET_DIAG_REQ_PROTOCOL"},
};

constexpr XlatEntry kInetDiagNames[] = {
    {0, "INET_DIAG_NONE"},
    {1, "INET_DIAG_MEMINFO"},
    {2, "INET_DIAG_INFO"},
    {3, "INET_DIAG_VEGASINFO"},
    {4, "INET_DIAG_CONG"},
    {5, "INET_DIAG_TOS"},
    {6, "INET_DIAG_TCLASS"},
    {7, "INET_DIAG_SKMEMINFO"},
    {8, "INET_DIAG_SHUTDOWN"},
    {9, "INET_DIAG_DCTCPINFO"},
    {10, "INET_DIAG_PROTOCOL"},
    {11, "INET_DIAG_SKV6ONLY"},
    {12, "INET_DIAG_LOCALS"},
    {13, "INET_DIAG_PEERS"},
    {14, "INET_DIAG_PAD"},
    {15, "INET_DIAG_MARK"},
    {16, "INET_DIAG_BBRINFO"},
    {17, "INET_DIAG_CLASS_ID"},
    {18, "INET_DIAG_MD5SIG"},
    {19, "INET_DIAG_ULP_INFO"},
    {20, "INET_DIAG_SK_BPF_STORAGES"},
    {21, "INET_DIAG_CGROUP_ID"},
    {22, "INET_DIAG_SOCKOPT"},
};

constexpr N::AttrFn kInetDiagDecoders[] = {
    nullptr,                // INET_DIAG_NONE
    &N::AttrDiagMeminfo,    // INET_DIAG_MEMINFO
    nullptr,                // INET_DIAG_INFO
    nullptr,                // INET_DIAG_VEGASINFO
    &N::AttrStr,            // INET_DIAG_CONG
    &N::AttrU8,             // INET_DIAG_TOS
    &N::AttrU8,             // INET_DIAG_TCLASS
    &N::AttrDiagSkmeminfo,  // INET_DIAG_SKMEMINFO
    &N::AttrDiagShutdown,   // INET_DIAG_SHUTDOWN
    nullptr,                // INET_DIAG_DCTCPINFO
    &N::AttrIpProto,        // INET_DIAG_PROTOCOL
    &N::AttrU8,             // INET_DIAG_SKV6ONLY
    nullptr,                // INET_DIAG_LOCALS
    nullptr,                // INET_DIAG_PEERS
    nullptr,                // INET_DIAG_PAD
    &N::AttrU32,            // INET_DIAG_MARK
    &N::AttrDiagBbrinfo,    // INET_DIAG_BBRINFO
    &N::AttrU32,            // INET_DIAG_CLASS_ID
    nullptr,                // INET_DIAG_MD5SIG
    nullptr,                // INET_DIAG_ULP_INFO
    nullptr,                // INET_DIAG_SK_BPF_STORAGES
    &N::AttrU64,            // INET_DIAG_CGROUP_ID
    &N::AttrDiagSockopt,    // INET_DIAG_SOCKOPT
};

constexpr XlatEntry kRtaxNames[] = {
    {0, "RTAX_UNSPEC"},    {1, "RTAX_LOCK"},
    {2, "RTAX_MTU"},       {3, "RTAX_WINDOW"},
    {4, "RTAX_RTT"},       {5, "RTAX_RTTVAR"},
    {6, "RTAX_SSTHRESH"},  {7, "RTAX_CWND"},
    {8, "RTAX_ADVMSS"},    {9, "RTAX_REORDERING"},
    {10, "RTAX_HOPLIMIT"}, {11, "RTAX_INITCWND"},
    {12, "RTAX_FEATURES"}, {13, "RTAX_RTO_MIN"},
    {14, "RTAX_INITRWND"}, {15, "RTAX_QUICKACK"},
    {16, "RTAX_CC_ALGO"},  {17, "RTAX_FASTOPEN_NO_COOKIE"},
};

constexpr N::AttrFn kRtaxDecoders[] = {
    nullptr,      // RTAX_UNSPEC
    &N::AttrU32,  // RTAX_LOCK
    &N::AttrU32,  // RTAX_MTU
    &N::AttrU32,  // RTAX_WINDOW
    &N::AttrU32,  // RTAX_RTT
    &N::AttrU32,  // RTAX_RTTVAR
    &N::AttrU32,  // RTAX_SSTHRESH
    &N::AttrU32,  // RTAX_CWND
    &N::AttrU32,  // RTAX_ADVMSS
    &N::AttrU32,  // RTAX_REORDERING
    &N::AttrU32,  // RTAX_HOPLIMIT
    &N::AttrU32,  // RTAX_INITCWND
    &N::AttrU32,  // RTAX_FEATURES
    &N::AttrU32,  // RTAX_RTO_MIN
    &N::AttrU32,  // RTAX_INITRWND
    &N::AttrU32,  // RTAX_QUICKACK
    &N::AttrStr,  // RTAX_CC_ALGO
};

constexpr XlatEntry kIflaInfoNames[] = {
    {0, "IFLA_INFO_UNSPEC"},     {1, "IFLA_INFO_KIND"},
    {2, "IFLA_INFO_DATA"},       {3, "IFLA_INFO_XSTATS"},
    {4, "IFLA_INFO_SLAVE_KIND"}, {5, "IFLA_INFO_SLAVE_DATA"},
};

// IFLA_INFO_DATA and IFLA_INFO_SLAVE_DATA depend on the kind; bridges'
// are decoded by strace and not here (they show in hex).
constexpr N::AttrFn kIflaInfoDecoders[] = {
    nullptr,      // IFLA_INFO_UNSPEC
    &N::AttrStr,  // IFLA_INFO_KIND
    nullptr,      // IFLA_INFO_DATA
    nullptr,      // IFLA_INFO_XSTATS
    &N::AttrStr,  // IFLA_INFO_SLAVE_KIND
};

constexpr XlatEntry kIflaXdpNames[] = {
    {0, "IFLA_XDP_UNSPEC"},      {1, "IFLA_XDP_FD"},
    {2, "IFLA_XDP_ATTACHED"},    {3, "IFLA_XDP_FLAGS"},
    {4, "IFLA_XDP_PROG_ID"},     {5, "IFLA_XDP_DRV_PROG_ID"},
    {6, "IFLA_XDP_SKB_PROG_ID"}, {7, "IFLA_XDP_HW_PROG_ID"},
    {8, "IFLA_XDP_EXPECTED_FD"},
};

constexpr N::AttrFn kIflaXdpDecoders[] = {
    nullptr,              // IFLA_XDP_UNSPEC
    &N::AttrS32,          // IFLA_XDP_FD
    &N::AttrXdpAttached,  // IFLA_XDP_ATTACHED
    &N::AttrXdpFlags,     // IFLA_XDP_FLAGS
    &N::AttrU32,          // IFLA_XDP_PROG_ID
    &N::AttrU32,          // IFLA_XDP_DRV_PROG_ID
    &N::AttrU32,          // IFLA_XDP_SKB_PROG_ID
    &N::AttrU32,          // IFLA_XDP_HW_PROG_ID
    &N::AttrS32,          // IFLA_XDP_EXPECTED_FD
};

// IFLA_PROP_LIST holds IFLA_ALT_IFNAME attributes.
constexpr N::AttrFn kIflaPropListDecoders[] = {
    nullptr,     nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
    nullptr,     nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
    nullptr,     nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
    nullptr,     nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
    nullptr,     nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
    nullptr,     nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
    nullptr,     nullptr, nullptr, nullptr, nullptr,
    &N::AttrStr,  // IFLA_ALT_IFNAME (53)
};

constexpr XlatEntry kIflaProtoDownReasonNames[] = {
    {0, "IFLA_PROTO_DOWN_REASON_UNSPEC"},
    {1, "IFLA_PROTO_DOWN_REASON_MASK"},
    {2, "IFLA_PROTO_DOWN_REASON_VALUE"},
};

constexpr N::AttrFn kIflaProtoDownReasonDecoders[] = {
    nullptr,
    &N::AttrHex32,  // IFLA_PROTO_DOWN_REASON_MASK
    &N::AttrHex32,  // IFLA_PROTO_DOWN_REASON_VALUE
};

// IFLA_AF_SPEC's attributes are address families.
constexpr N::AttrFn kAfSpecDecoders[] = {
    nullptr,
    nullptr,
    &N::AttrAfSpecInet,  // AF_INET
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    &N::AttrAfSpecInet6,  // AF_INET6
};

constexpr XlatEntry kAfSpecInetNames[] = {
    {0, "IFLA_INET_UNSPEC"},
    {1, "IFLA_INET_CONF"},
};

constexpr N::AttrFn kAfSpecInetDecoders[] = {
    nullptr,
    &N::AttrIpv4Devconf,  // IFLA_INET_CONF
};

constexpr XlatEntry kAfSpecInet6Names[] = {
    {0, "IFLA_INET6_UNSPEC"},        {1, "IFLA_INET6_FLAGS"},
    {2, "IFLA_INET6_CONF"},          {3, "IFLA_INET6_STATS"},
    {4, "IFLA_INET6_MCAST"},         {5, "IFLA_INET6_CACHEINFO"},
    {6, "IFLA_INET6_ICMP6STATS"},    {7, "IFLA_INET6_TOKEN"},
    {8, "IFLA_INET6_ADDR_GEN_MODE"}, {9, "IFLA_INET6_RA_MTU"},
};

constexpr N::AttrFn kAfSpecInet6Decoders[] = {
    nullptr,                   // IFLA_INET6_UNSPEC
    &N::AttrInet6Flags,        // IFLA_INET6_FLAGS
    &N::AttrIpv6Devconf,       // IFLA_INET6_CONF
    &N::AttrInet6Stats,        // IFLA_INET6_STATS
    nullptr,                   // IFLA_INET6_MCAST
    &N::AttrInet6Cacheinfo,    // IFLA_INET6_CACHEINFO
    &N::AttrIcmp6Stats,        // IFLA_INET6_ICMP6STATS
    &N::AttrInet6Token,        // IFLA_INET6_TOKEN
    &N::AttrInet6AddrGenMode,  // IFLA_INET6_ADDR_GEN_MODE
    &N::AttrU32,               // IFLA_INET6_RA_MTU
};

constexpr XlatEntry kNdaNames[] = {
    {0, "NDA_UNSPEC"},
    {1, "NDA_DST"},
    {2, "NDA_LLADDR"},
    {3, "NDA_CACHEINFO"},
    {4, "NDA_PROBES"},
    {5, "NDA_VLAN"},
    {6, "NDA_PORT"},
    {7, "NDA_VNI"},
    {8, "NDA_IFINDEX"},
    {9, "NDA_MASTER"},
    {10, "NDA_LINK_NETNSID"},
    {11, "NDA_SRC_VNI"},
    {12, "NDA_PROTOCOL"},
    {13, "NDA_NH_ID"},
    {14, "NDA_FDB_EXT_ATTRS"},
    {15, "NDA_FLAGS_EXT"},
    {16, "NDA_NDM_STATE_MASK"},
    {17, "NDA_NDM_FLAGS_MASK"},
};

constexpr N::AttrFn kNdaDecoders[] = {
    nullptr,               // NDA_UNSPEC
    &N::AttrNdaAddress,    // NDA_DST
    &N::AttrHwaddr,        // NDA_LLADDR
    &N::AttrNdaCacheinfo,  // NDA_CACHEINFO
    &N::AttrU32,           // NDA_PROBES
    &N::AttrU16,           // NDA_VLAN
    &N::AttrBe16Port,      // NDA_PORT
    &N::AttrU32,           // NDA_VNI
    &N::AttrIfindex,       // NDA_IFINDEX
    &N::AttrIfindex,       // NDA_MASTER
    &N::AttrU32,           // NDA_LINK_NETNSID
    &N::AttrU32,           // NDA_SRC_VNI
    &N::AttrIpProto,       // NDA_PROTOCOL
    &N::AttrU32,           // NDA_NH_ID
    nullptr,               // NDA_FDB_EXT_ATTRS
    &N::AttrNdaFlagsExt,   // NDA_FLAGS_EXT
    &N::AttrNudStateMask,  // NDA_NDM_STATE_MASK
    &N::AttrNtfFlagsMask,  // NDA_NDM_FLAGS_MASK
};

constexpr XlatEntry kFraNames[] = {
    {0, "FRA_UNSPEC"},
    {1, "FRA_DST"},
    {2, "FRA_SRC"},
    {3, "FRA_IIFNAME"},
    {4, "FRA_GOTO"},
    {5, "FRA_UNUSED2"},
    {6, "FRA_PRIORITY"},
    {7, "FRA_UNUSED3"},
    {8, "FRA_UNUSED4"},
    {9, "FRA_UNUSED5"},
    {10, "FRA_FWMARK"},
    {11, "FRA_FLOW"},
    {12, "FRA_TUN_ID"},
    {13, "FRA_SUPPRESS_IFGROUP"},
    {14, "FRA_SUPPRESS_PREFIXLEN"},
    {15, "FRA_TABLE"},
    {16, "FRA_FWMASK"},
    {17, "FRA_OIFNAME"},
    {18, "FRA_PAD"},
    {19, "FRA_L3MDEV"},
    {20, "FRA_UID_RANGE"},
    {21, "FRA_PROTOCOL"},
    {22, "FRA_IP_PROTO"},
    {23, "FRA_SPORT_RANGE"},
    {24, "FRA_DPORT_RANGE"},
};

constexpr N::AttrFn kFraDecoders[] = {
    nullptr,             // FRA_UNSPEC
    &N::AttrRtAddress,   // FRA_DST
    &N::AttrRtAddress,   // FRA_SRC
    &N::AttrStr,         // FRA_IIFNAME
    &N::AttrU32,         // FRA_GOTO
    nullptr,             // FRA_UNUSED2
    &N::AttrU32,         // FRA_PRIORITY
    nullptr,             // FRA_UNUSED3
    nullptr,             // FRA_UNUSED4
    nullptr,             // FRA_UNUSED5
    &N::AttrU32,         // FRA_FWMARK
    &N::AttrU32,         // FRA_FLOW
    &N::AttrBe64,        // FRA_TUN_ID
    &N::AttrU32,         // FRA_SUPPRESS_IFGROUP
    &N::AttrU32,         // FRA_SUPPRESS_PREFIXLEN
    &N::AttrRtTable,     // FRA_TABLE
    &N::AttrU32,         // FRA_FWMASK
    &N::AttrStr,         // FRA_OIFNAME
    nullptr,             // FRA_PAD
    &N::AttrU8,          // FRA_L3MDEV
    &N::AttrU32Range,    // FRA_UID_RANGE
    &N::AttrRtProtocol,  // FRA_PROTOCOL
    &N::AttrIpProto,     // FRA_IP_PROTO
    &N::AttrU16Range,    // FRA_SPORT_RANGE
    &N::AttrU16Range,    // FRA_DPORT_RANGE
};

constexpr XlatEntry kUnixDiagNames[] = {
    {0, "UNIX_DIAG_NAME"},     {1, "UNIX_DIAG_VFS"},   {2, "UNIX_DIAG_PEER"},
    {3, "UNIX_DIAG_ICONS"},    {4, "UNIX_DIAG_RQLEN"}, {5, "UNIX_DIAG_MEMINFO"},
    {6, "UNIX_DIAG_SHUTDOWN"}, {7, "UNIX_DIAG_UID"},
};

constexpr N::AttrFn kUnixDiagDecoders[] = {
    &N::AttrUnixName,       // UNIX_DIAG_NAME
    &N::AttrUnixVfs,        // UNIX_DIAG_VFS
    &N::AttrU32,            // UNIX_DIAG_PEER
    &N::AttrU32Array,       // UNIX_DIAG_ICONS
    &N::AttrUnixRqlen,      // UNIX_DIAG_RQLEN
    &N::AttrDiagSkmeminfo,  // UNIX_DIAG_MEMINFO
    &N::AttrU8,             // UNIX_DIAG_SHUTDOWN
};

constexpr XlatEntry kTcaNames[] = {
    {0, "TCA_UNSPEC"},
    {1, "TCA_KIND"},
    {2, "TCA_OPTIONS"},
    {3, "TCA_STATS"},
    {4, "TCA_XSTATS"},
    {5, "TCA_RATE"},
    {6, "TCA_FCNT"},
    {7, "TCA_STATS2"},
    {8, "TCA_STAB"},
    {9, "TCA_PAD"},
    {10, "TCA_DUMP_INVISIBLE"},
    {11, "TCA_CHAIN"},
    {12, "TCA_HW_OFFLOAD"},
    {13, "TCA_INGRESS_BLOCK"},
    {14, "TCA_EGRESS_BLOCK"},
};

constexpr N::AttrFn kTcaDecoders[] = {
    nullptr,           // TCA_UNSPEC
    &N::AttrStr,       // TCA_KIND
    nullptr,           // TCA_OPTIONS
    &N::AttrTcStats,   // TCA_STATS
    nullptr,           // TCA_XSTATS
    &N::AttrTcRate,    // TCA_RATE
    &N::AttrU32,       // TCA_FCNT
    &N::AttrTcStats2,  // TCA_STATS2
    nullptr,           // TCA_STAB
    nullptr,           // TCA_PAD
    nullptr,           // TCA_DUMP_INVISIBLE
    &N::AttrU32,       // TCA_CHAIN
    &N::AttrU8,        // TCA_HW_OFFLOAD
    &N::AttrU32,       // TCA_INGRESS_BLOCK
    &N::AttrU32,       // TCA_EGRESS_BLOCK
};

constexpr XlatEntry kTcaStatsNames[] = {
    {0, "TCA_STATS_UNSPEC"},   {1, "TCA_STATS_BASIC"},
    {2, "TCA_STATS_RATE_EST"}, {3, "TCA_STATS_QUEUE"},
    {4, "TCA_STATS_APP"},      {5, "TCA_STATS_RATE_EST64"},
    {6, "TCA_STATS_PAD"},      {7, "TCA_STATS_BASIC_HW"},
    {8, "TCA_STATS_PKT64"},
};

constexpr N::AttrFn kTcaStatsDecoders[] = {
    nullptr,                // TCA_STATS_UNSPEC
    &N::AttrGnetBasic,      // TCA_STATS_BASIC
    &N::AttrGnetRateEst,    // TCA_STATS_RATE_EST
    &N::AttrGnetQueue,      // TCA_STATS_QUEUE
    nullptr,                // TCA_STATS_APP
    &N::AttrGnetRateEst64,  // TCA_STATS_RATE_EST64
    nullptr,                // TCA_STATS_PAD
    &N::AttrGnetBasic,      // TCA_STATS_BASIC_HW
    &N::AttrU64,            // TCA_STATS_PKT64
};

constexpr XlatEntry kNetconfNames[] = {
    {0, "NETCONFA_UNSPEC"},
    {1, "NETCONFA_IFINDEX"},
    {2, "NETCONFA_FORWARDING"},
    {3, "NETCONFA_RP_FILTER"},
    {4, "NETCONFA_MC_FORWARDING"},
    {5, "NETCONFA_PROXY_NEIGH"},
    {6, "NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN"},
    {7, "NETCONFA_INPUT"},
    {8, "NETCONFA_BC_FORWARDING"},
};

constexpr N::AttrFn kNetconfDecoders[] = {
    nullptr,          // NETCONFA_UNSPEC
    &N::AttrIfindex,  // NETCONFA_IFINDEX
    &N::AttrS32,      // NETCONFA_FORWARDING
    &N::AttrS32,      // NETCONFA_RP_FILTER
    &N::AttrS32,      // NETCONFA_MC_FORWARDING
    &N::AttrS32,      // NETCONFA_PROXY_NEIGH
    &N::AttrS32,      // NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN
    &N::AttrS32,      // NETCONFA_INPUT
    &N::AttrS32,      // NETCONFA_BC_FORWARDING
};

constexpr XlatEntry kIfalNames[] = {
    {0, "IFAL_UNSPEC"},
    {1, "IFAL_ADDRESS"},
    {2, "IFAL_LABEL"},
};

constexpr N::AttrFn kIfalDecoders[] = {
    nullptr,              // IFAL_UNSPEC
    &N::AttrIfalAddress,  // IFAL_ADDRESS
    &N::AttrU32,          // IFAL_LABEL
};

constexpr XlatEntry kNetnsaNames[] = {
    {0, "NETNSA_NONE"}, {1, "NETNSA_NSID"},        {2, "NETNSA_PID"},
    {3, "NETNSA_FD"},   {4, "NETNSA_TARGET_NSID"}, {5, "NETNSA_CURRENT_NSID"},
};

constexpr N::AttrFn kNetnsaDecoders[] = {
    nullptr,      // NETNSA_NONE
    &N::AttrS32,  // NETNSA_NSID
    &N::AttrU32,  // NETNSA_PID
    &N::AttrFd,   // NETNSA_FD
    &N::AttrS32,  // NETNSA_TARGET_NSID
    &N::AttrS32,  // NETNSA_CURRENT_NSID
};

constexpr XlatEntry kNhaNames[] = {
    {0, "NHA_UNSPEC"},     {1, "NHA_ID"},          {2, "NHA_GROUP"},
    {3, "NHA_GROUP_TYPE"}, {4, "NHA_BLACKHOLE"},   {5, "NHA_OIF"},
    {6, "NHA_GATEWAY"},    {7, "NHA_ENCAP_TYPE"},  {8, "NHA_ENCAP"},
    {9, "NHA_GROUPS"},     {10, "NHA_MASTER"},     {11, "NHA_FDB"},
    {12, "NHA_RES_GROUP"}, {13, "NHA_RES_BUCKET"},
};

constexpr N::AttrFn kNhaDecoders[] = {
    nullptr,               // NHA_UNSPEC
    &N::AttrU32,           // NHA_ID
    &N::AttrNhaGroup,      // NHA_GROUP
    &N::AttrNhaGroupType,  // NHA_GROUP_TYPE
    nullptr,               // NHA_BLACKHOLE
    &N::AttrIfindex,       // NHA_OIF
    &N::AttrNhaGateway,    // NHA_GATEWAY
    &N::AttrRtEncapType,   // NHA_ENCAP_TYPE
    nullptr,               // NHA_ENCAP
    nullptr,               // NHA_GROUPS
    &N::AttrIfindex,       // NHA_MASTER
};

constexpr XlatEntry kIflaStatsNames[] = {
    {0, "IFLA_STATS_UNSPEC"},
    {1, "IFLA_STATS_LINK_64"},
    {2, "IFLA_STATS_LINK_XSTATS"},
    {3, "IFLA_STATS_LINK_XSTATS_SLAVE"},
    {4, "IFLA_STATS_LINK_OFFLOAD_XSTATS"},
    {5, "IFLA_STATS_AF_SPEC"},
};

constexpr N::AttrFn kIflaStatsDecoders[] = {
    nullptr,                // IFLA_STATS_UNSPEC
    &N::AttrLinkStats64,    // IFLA_STATS_LINK_64
    nullptr,                // IFLA_STATS_LINK_XSTATS
    nullptr,                // IFLA_STATS_LINK_XSTATS_SLAVE
    &N::AttrOffloadXstats,  // IFLA_STATS_LINK_OFFLOAD_XSTATS
};

constexpr XlatEntry kOffloadXstatsNames[] = {
    {0, "IFLA_OFFLOAD_XSTATS_UNSPEC"},
    {1, "IFLA_OFFLOAD_XSTATS_CPU_HIT"},
};

constexpr N::AttrFn kOffloadXstatsDecoders[] = {
    nullptr,              // IFLA_OFFLOAD_XSTATS_UNSPEC
    &N::AttrLinkStats64,  // IFLA_OFFLOAD_XSTATS_CPU_HIT
};

constexpr XlatEntry kNetlinkDiagNames[] = {
    {0, "NETLINK_DIAG_MEMINFO"}, {1, "NETLINK_DIAG_GROUPS"},
    {2, "NETLINK_DIAG_RX_RING"}, {3, "NETLINK_DIAG_TX_RING"},
    {4, "NETLINK_DIAG_FLAGS"},
};

constexpr N::AttrFn kNetlinkDiagDecoders[] = {
    &N::AttrDiagSkmeminfo,  // NETLINK_DIAG_MEMINFO
    &N::AttrNetlinkGroups,  // NETLINK_DIAG_GROUPS
};

constexpr N::AttrFn kErrDecoders[] = {
    nullptr,      // NLMSGERR_ATTR_UNUSED
    &N::AttrStr,  // NLMSGERR_ATTR_MSG
    &N::AttrU32,  // NLMSGERR_ATTR_OFFS
};

const Netlink::AttrTable Netlink::kErrAttrs = {
    kNlmsgErrAttrs, std::size(kNlmsgErrAttrs), "NLMSGERR_ATTR_???",
    kErrDecoders, std::size(kErrDecoders)};
const Netlink::AttrTable Netlink::kIflaAttrs = {
    kIflaNames, std::size(kIflaNames), "IFLA_???", kIflaDecoders,
    std::size(kIflaDecoders)};
const Netlink::AttrTable Netlink::kIfaAttrs = {kIfaNames, std::size(kIfaNames),
                                               "IFA_???", kIfaDecoders,
                                               std::size(kIfaDecoders)};
const Netlink::AttrTable Netlink::kRtaAttrs = {kRtaNames, std::size(kRtaNames),
                                               "RTA_???", kRtaDecoders,
                                               std::size(kRtaDecoders)};
const Netlink::AttrTable Netlink::kRtaxAttrs = {
    kRtaxNames, std::size(kRtaxNames), "RTAX_???", kRtaxDecoders,
    std::size(kRtaxDecoders)};
const Netlink::AttrTable Netlink::kIflaInfoAttrs = {
    kIflaInfoNames, std::size(kIflaInfoNames), "IFLA_INFO_???",
    kIflaInfoDecoders, std::size(kIflaInfoDecoders)};
const Netlink::AttrTable Netlink::kIflaXdpAttrs = {
    kIflaXdpNames, std::size(kIflaXdpNames), "IFLA_XDP_???", kIflaXdpDecoders,
    std::size(kIflaXdpDecoders)};
const Netlink::AttrTable Netlink::kIflaPropListAttrs = {
    kIflaNames, std::size(kIflaNames), "IFLA_???", kIflaPropListDecoders,
    std::size(kIflaPropListDecoders)};
const Netlink::AttrTable Netlink::kIflaProtoDownReasonAttrs = {
    kIflaProtoDownReasonNames, std::size(kIflaProtoDownReasonNames),
    "IFLA_PROTO_DOWN_REASON_???", kIflaProtoDownReasonDecoders,
    std::size(kIflaProtoDownReasonDecoders)};
const Netlink::AttrTable Netlink::kAfSpecAttrs = {
    kAddrFamilies, std::size(kAddrFamilies), "AF_???", kAfSpecDecoders,
    std::size(kAfSpecDecoders)};
const Netlink::AttrTable Netlink::kAfSpecInetAttrs = {
    kAfSpecInetNames, std::size(kAfSpecInetNames), "IFLA_INET_???",
    kAfSpecInetDecoders, std::size(kAfSpecInetDecoders)};
const Netlink::AttrTable Netlink::kAfSpecInet6Attrs = {
    kAfSpecInet6Names, std::size(kAfSpecInet6Names), "IFLA_INET6_???",
    kAfSpecInet6Decoders, std::size(kAfSpecInet6Decoders)};
const Netlink::AttrTable Netlink::kTcaAttrs = {kTcaNames, std::size(kTcaNames),
                                               "TCA_???", kTcaDecoders,
                                               std::size(kTcaDecoders)};
const Netlink::AttrTable Netlink::kTcaStatsAttrs = {
    kTcaStatsNames, std::size(kTcaStatsNames), "TCA_STATS_???",
    kTcaStatsDecoders, std::size(kTcaStatsDecoders)};
const Netlink::AttrTable Netlink::kNetlinkDiagAttrs = {
    kNetlinkDiagNames, std::size(kNetlinkDiagNames), "NETLINK_DIAG_???",
    kNetlinkDiagDecoders, std::size(kNetlinkDiagDecoders)};
const Netlink::AttrTable Netlink::kNdaAttrs = {kNdaNames, std::size(kNdaNames),
                                               "NDA_???", kNdaDecoders,
                                               std::size(kNdaDecoders)};
const Netlink::AttrTable Netlink::kNetnsaAttrs = {
    kNetnsaNames, std::size(kNetnsaNames), "NETNSA_???", kNetnsaDecoders,
    std::size(kNetnsaDecoders)};
const Netlink::AttrTable Netlink::kNhaAttrs = {kNhaNames, std::size(kNhaNames),
                                               "NHA_???", kNhaDecoders,
                                               std::size(kNhaDecoders)};
const Netlink::AttrTable Netlink::kIflaStatsAttrs = {
    kIflaStatsNames, std::size(kIflaStatsNames), "IFLA_STATS_???",
    kIflaStatsDecoders, std::size(kIflaStatsDecoders)};
const Netlink::AttrTable Netlink::kOffloadXstatsAttrs = {
    kOffloadXstatsNames, std::size(kOffloadXstatsNames),
    "IFLA_OFFLOAD_XSTATS_???", kOffloadXstatsDecoders,
    std::size(kOffloadXstatsDecoders)};
const Netlink::AttrTable Netlink::kNetconfAttrs = {
    kNetconfNames, std::size(kNetconfNames), "NETCONFA_???", kNetconfDecoders,
    std::size(kNetconfDecoders)};
const Netlink::AttrTable Netlink::kIfalAttrs = {
    kIfalNames, std::size(kIfalNames), "IFAL_???", kIfalDecoders,
    std::size(kIfalDecoders)};
const Netlink::AttrTable Netlink::kFraAttrs = {kFraNames, std::size(kFraNames),
                                               "FRA_???", kFraDecoders,
                                               std::size(kFraDecoders)};
const Netlink::AttrTable Netlink::kUnixDiagAttrs = {
    kUnixDiagNames, std::size(kUnixDiagNames), "UNIX_DIAG_???",
    kUnixDiagDecoders, std::size(kUnixDiagDecoders)};
const Netlink::AttrTable Netlink::kInetDiagReqAttrs = {
    kInetDiagReqNames, std::size(kInetDiagReqNames), "INET_DIAG_REQ_???",
    nullptr, 0};
const Netlink::AttrTable Netlink::kInetDiagAttrs = {
    kInetDiagNames, std::size(kInetDiagNames), "INET_DIAG_???",
    kInetDiagDecoders, std::size(kInetDiagDecoders)};

}  // namespace

namespace {

// struct ifreq's ifr_name (IFNAMSIZ bytes, NUL-terminated; not cut by -s):
// "lo", or 15 chars and "..." when no NUL ends it.
void IfName(D& d, const char* name) { d.FixedCStr(name, IFNAMSIZ); }

// The length of a hardware address of an ARPHRD_* type, where strace
// 6.1 knows it (14, all of sa_data, otherwise).
size_t HwAddrLen(uint16_t type) {
  static constexpr struct {
    uint16_t type;
    uint8_t len;
  } kLens[] = {
      {0, 7},    // NETROM
      {1, 6},    // ETHER
      {3, 7},    // AX25
      {6, 6},    // IEEE802
      {7, 1},    // ARCNET
      {15, 2},   // DLCI
      {27, 8},   // EUI64
      {270, 5},  // ROSE
      {271, 5},  // X25
      {290, 1},  // MCTP
      {768, 4},  // TUNNEL
      {772, 6},  // LOOPBACK
      {773, 1},  // LOCALTLK
      {774, 6},  // FDDI
      {776, 4},  // SIT
      {777, 4},  // IPDDP
      {778, 4},  // IPGRE
      {779, 4},  // PIMREG
      {780, 6},  // HIPPI
      {783, 4},  // IRDA
      {801, 6},  // IEEE80211
      {802, 6},  // IEEE80211_PRISM
      {803, 6},  // IEEE80211_RADIOTAP
      {804, 8},  // IEEE802154
      {805, 8},  // IEEE802154_MONITOR
      {820, 1},  // PHONET
      {821, 1},  // PHONET_PIPE
      {822, 1},  // CAIF
      {825, 8},  // 6LOWPAN
      {826, 8},  // VSOCKMON
  };
  for (const auto& l : kLens) {
    if (l.type == type) return l.len;
  }
  return 14;
}

// ifr_hwaddr's sa_data: the hardware address's bytes as "00:11:22"
// (as many as its type has); -X raw shows all 14 in hex as a string.
void HwAddr(D& d, const uint8_t* data, uint16_t type) {
  const size_t mark = d.out->size();
  AppendHwAddr(d.out, data, HwAddrLen(type));
  RestyleConst(d.out, mark, RawConst::Bytes(data, 14));
}

// SIOCGIFCONF's struct ifconf: "{ifc_len=80 /* 2 * sizeof(struct ifreq)
// */, ifc_buf=[{ifr_name="lo", ifr_addr={...}}, ...]}", the length's
// change as "ifc_len=160 /* 4 * ... */ => 80 /* ... */"; with no buffer
// (ifc_buf=NULL) all shown at exit.
void Ifconf(D& d, uint64_t arg) {
  struct {
    int32_t len;
    int32_t pad;
    uint64_t buf;
  } c;
  constexpr int32_t kIfreqSize = 40;
  const auto put_len = [&](int32_t len) {
    d.Dec(len);
    if (len > 0 && len % kIfreqSize == 0) {
      d.Put(" /* ");
      d.Dec(len / kIfreqSize);
      d.Put(" * sizeof(struct ifreq) */");
    }
  };
  const bool readable =
      arg != 0 && d.dec->mem()->Read(d.c.tid, arg, &c, sizeof(c)) ==
                      static_cast<ssize_t>(sizeof(c));
  // Saved at entry for a NULL buffer: the length the kernel sets follows
  // at exit, after the "{ifc_len=" strace prints at entry.
  constexpr int64_t kNullBuf = INT64_MIN;
  if (d.entering()) {
    if (!readable) {
      d.Ptr(arg);
    } else {
      d.Put("{ifc_len=");
      if (c.buf != 0) put_len(c.len);
      SaveForExit(d, c.buf != 0 ? c.len : kNullBuf);
    }
    return;
  }
  int64_t entry_len;
  if (!TakeSaved(d, &entry_len)) return;  // an address at entry
  if (entry_len == kNullBuf) {
    if (readable) put_len(c.len);
    d.Put(", ifc_buf=NULL}");
    return;
  }
  if (!readable) return;
  if (d.failed()) {
    d.Put(", ifc_buf=");
    d.Ptr(c.buf);
    d.out->push_back('}');
    return;
  }
  if (c.len != entry_len) {
    d.Put(" => ");
    put_len(c.len);
  }
  d.Put(", ifc_buf=");
  struct Ifreq {
    char name[IFNAMSIZ];
    uint8_t addr[24];
  };
  uint64_t cur = c.buf;
  d.Array<Ifreq>(c.buf, c.len > 0 ? c.len / kIfreqSize : 0,
                 [&](const Ifreq& r) {
                   d.Put("{ifr_name=");
                   IfName(d, r.name);
                   d.Put(", ifr_addr=");
                   Sockaddr(d, cur + IFNAMSIZ, 16);
                   d.out->push_back('}');
                   cur += sizeof(Ifreq);
                 });
  d.out->push_back('}');
}

}  // namespace

bool IfreqIoctl(D& d, uint32_t code, uint64_t arg) {
  if (d.i386) return false;
  if (code == 0x8912) {  // SIOCGIFCONF
    if (d.entering()) {
      d.Fd(0);
      d.Sep();
      IoctlCommand(d, code);
      d.Sep();
    }
    Ifconf(d, arg);
    return true;
  }
  enum Field { kIndex, kFlags, kInt, kAddr, kHwaddr, kMap, kNewname };
  struct Info {
    uint32_t get, set;
    Field field;
    const char* name;
  };
  static constexpr Info kInfo[] = {
      {0x8933, 0, kIndex, "ifr_ifindex"},
      {0x8913, 0x8914, kFlags, "ifr_flags"},
      {0x8921, 0x8922, kInt, "ifr_mtu"},
      {0x891D, 0x891E, kInt, "ifr_metric"},
      {0x8942, 0x8943, kInt, "ifr_qlen"},
      {0x8915, 0x8916, kAddr, "ifr_addr"},
      {0x891B, 0x891C, kAddr, "ifr_netmask"},
      {0x8919, 0x891A, kAddr, "ifr_broadaddr"},
      {0x8917, 0x8918, kAddr, "ifr_dstaddr"},
      {0x8927, 0x8924, kHwaddr, "ifr_hwaddr"},
      {0x8970, 0x8971, kMap, "ifr_map"},
      {0, 0x8923, kNewname, "ifr_newname"},
      // SIOCADDMULTI, SIOCDELMULTI: a multicast hardware address.
      {0, 0x8931, kHwaddr, "ifr_hwaddr"},
      {0, 0x8932, kHwaddr, "ifr_hwaddr"},
  };
  constexpr uint32_t kGetName = 0x8910;  // SIOCGIFNAME: index in, name out
  const Info* info = nullptr;
  bool get = code == kGetName;
  for (const Info& i : kInfo) {
    if (code == i.get || code == i.set) {
      info = &i;
      get = code == i.get;
    }
  }
  if (info == nullptr && !get) return false;
  struct {
    char name[IFNAMSIZ];
    union {
      int32_t i;
      uint16_t flags;
      struct {
        uint16_t family;
        uint8_t data[14];
      } sa;
      struct {
        uint64_t mem_start, mem_end;
        uint16_t base_addr;
        uint8_t irq, dma, port;
      } map;
      char newname[IFNAMSIZ];
    } u;
  } r;
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    IoctlCommand(d, code);
    d.Sep();
    if (!d.Fetch(arg, &r, sizeof(r))) return true;
    if (code == kGetName) {
      d.Put("{ifr_ifindex=");
      d.Dec(r.u.i);
      return true;
    }
    d.Put("{ifr_name=");
    IfName(d, r.name);
    if (get) return true;
  } else {
    // A getter's field at exit, when its entry showed the struct.
    if (!get || arg == 0 || !d.verbose) return true;
    if (d.dec->mem()->Read(d.c.tid, arg, &r, sizeof(r)) !=
        static_cast<ssize_t>(sizeof(r))) {
      return true;
    }
    if (d.failed()) {
      d.out->push_back('}');
      return true;
    }
    if (code == kGetName) {
      d.Put(", ifr_name=");
      IfName(d, r.name);
      d.out->push_back('}');
      return true;
    }
  }
  d.Sep();
  d.Put(info->name);
  d.out->push_back('=');
  switch (info->field) {
    case kIndex:
    case kInt:
      d.Dec(r.u.i);
      break;
    case kFlags:
      d.Flags(r.u.flags, kIffFlags, "IFF_???");
      break;
    case kAddr:
      Sockaddr(d, arg + IFNAMSIZ, sizeof(r.u.sa));
      break;
    case kHwaddr:
      d.Put("{sa_family=");
      d.Xval(r.u.sa.family, kArphrdTypes, "ARPHRD_???");
      d.Put(", sa_data=");
      HwAddr(d, r.u.sa.data, r.u.sa.family);
      d.out->push_back('}');
      break;
    case kMap:
      d.Put("{mem_start=");
      d.Hex(r.u.map.mem_start);
      d.Put(", mem_end=");
      d.Hex(r.u.map.mem_end);
      d.Put(", base_addr=");
      d.Hex(r.u.map.base_addr);
      d.Put(", irq=");
      d.Hex(r.u.map.irq);
      d.Put(", dma=");
      d.Hex(r.u.map.dma);
      d.Put(", port=");
      d.Hex(r.u.map.port);
      d.out->push_back('}');
      break;
    case kNewname:
      IfName(d, r.u.newname);
      break;
  }
  d.out->push_back('}');
  return true;
}

int NetlinkProtocol(D& d, int fd) {
  if (fd < 0) return -1;
  return d.dec->mem()->NetlinkProtocol(d.c.tid, fd);
}

void NetlinkBuffer(D& d, int proto, uint64_t addr, uint64_t len) {
  if (addr == 0) {
    d.Put("NULL");
    return;
  }
  // Not verbose: the bytes as a string, as strace.
  if (proto == kNetlinkKobjectUevent || !d.verbose) {
    d.Buf(addr, static_cast<int64_t>(len));
    return;
  }
  thread_local std::string bytes;
  const uint64_t want = len < kMaxRead ? len : kMaxRead;
  bytes.resize(want);
  ssize_t got = want == 0 ? 0
                          : d.dec->mem()->Read(d.c.tid, addr, bytes.data(),
                                               static_cast<size_t>(want));
  if (got < 0) got = 0;
  bytes.resize(static_cast<size_t>(got));
  Netlink(d, proto, addr, bytes).Messages(addr, len);
}

}  // namespace decode
}  // namespace ttrace
