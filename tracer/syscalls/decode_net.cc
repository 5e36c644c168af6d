// Sockets: socket/socketpair, socket addresses (bind, connect, accept,
// getsockname, sendto, recvfrom), sendmsg/recvmsg and sendmmsg/recvmmsg
// message headers and control messages, socket options, listen and
// shutdown. Netlink data in these calls: decode_netlink.cc.
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/nfc.h>
#include <net/if.h>
#include <netinet/ip_icmp.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <string>

#include "tracer/syscalls/decoding.h"
#include "tracer/syscalls/format.h"

namespace ttrace {
namespace decode {

namespace {

constexpr XlatEntry kSockTypeFlags[] = {{02000000, "SOCK_CLOEXEC"},
                                        {04000, "SOCK_NONBLOCK"}};
// Every ethernet protocol strace 6.1 names (linux/if_ether.h), by value.
constexpr XlatEntry kEthProtocols[] = {
    {0x0001, "ETH_P_802_3"},      {0x0002, "ETH_P_AX25"},
    {0x0003, "ETH_P_ALL"},        {0x0004, "ETH_P_802_2"},
    {0x0005, "ETH_P_SNAP"},       {0x0006, "ETH_P_DDCMP"},
    {0x0007, "ETH_P_WAN_PPP"},    {0x0008, "ETH_P_PPP_MP"},
    {0x0009, "ETH_P_LOCALTALK"},  {0x000c, "ETH_P_CAN"},
    {0x000d, "ETH_P_CANFD"},      {0x000e, "ETH_P_CANXL"},
    {0x0010, "ETH_P_PPPTALK"},    {0x0011, "ETH_P_TR_802_2"},
    {0x0015, "ETH_P_MOBITEX"},    {0x0016, "ETH_P_CONTROL"},
    {0x0017, "ETH_P_IRDA"},       {0x0018, "ETH_P_ECONET"},
    {0x0019, "ETH_P_HDLC"},       {0x001a, "ETH_P_ARCNET"},
    {0x001b, "ETH_P_DSA"},        {0x001c, "ETH_P_TRAILER"},
    {0x0060, "ETH_P_LOOP"},       {0x00f5, "ETH_P_PHONET"},
    {0x00f6, "ETH_P_IEEE802154"}, {0x00f7, "ETH_P_CAIF"},
    {0x00f8, "ETH_P_XDSA"},       {0x00f9, "ETH_P_MAP"},
    {0x00fa, "ETH_P_MCTP"},       {0x0200, "ETH_P_PUP"},
    {0x0201, "ETH_P_PUPAT"},      {0x0600, "ETH_P_802_3_MIN"},
    {0x0800, "ETH_P_IP"},         {0x0805, "ETH_P_X25"},
    {0x0806, "ETH_P_ARP"},        {0x08ff, "ETH_P_BPQ"},
    {0x0a00, "ETH_P_IEEEPUP"},    {0x0a01, "ETH_P_IEEEPUPAT"},
    {0x22eb, "ETH_P_ERSPAN2"},    {0x22f0, "ETH_P_TSN"},
    {0x4305, "ETH_P_BATMAN"},     {0x6000, "ETH_P_DEC"},
    {0x6001, "ETH_P_DNA_DL"},     {0x6002, "ETH_P_DNA_RC"},
    {0x6003, "ETH_P_DNA_RT"},     {0x6004, "ETH_P_LAT"},
    {0x6005, "ETH_P_DIAG"},       {0x6006, "ETH_P_CUST"},
    {0x6007, "ETH_P_SCA"},        {0x6558, "ETH_P_TEB"},
    {0x8035, "ETH_P_RARP"},       {0x809b, "ETH_P_ATALK"},
    {0x80f3, "ETH_P_AARP"},       {0x8100, "ETH_P_8021Q"},
    {0x8137, "ETH_P_IPX"},        {0x86dd, "ETH_P_IPV6"},
    {0x8808, "ETH_P_PAUSE"},      {0x8809, "ETH_P_SLOW"},
    {0x883e, "ETH_P_WCCP"},       {0x8847, "ETH_P_MPLS_UC"},
    {0x8848, "ETH_P_MPLS_MC"},    {0x884c, "ETH_P_ATMMPOA"},
    {0x8863, "ETH_P_PPP_DISC"},   {0x8864, "ETH_P_PPP_SES"},
    {0x886c, "ETH_P_LINK_CTL"},   {0x8884, "ETH_P_ATMFATE"},
    {0x888e, "ETH_P_PAE"},        {0x8899, "ETH_P_REALTEK"},
    {0x88a2, "ETH_P_AOE"},        {0x88a8, "ETH_P_8021AD"},
    {0x88b5, "ETH_P_802_EX1"},    {0x88be, "ETH_P_ERSPAN"},
    {0x88c7, "ETH_P_PREAUTH"},    {0x88ca, "ETH_P_TIPC"},
    {0x88cc, "ETH_P_LLDP"},       {0x88e3, "ETH_P_MRP"},
    {0x88e5, "ETH_P_MACSEC"},     {0x88e7, "ETH_P_8021AH"},
    {0x88f5, "ETH_P_MVRP"},       {0x88f7, "ETH_P_1588"},
    {0x88f8, "ETH_P_NCSI"},       {0x88fb, "ETH_P_PRP"},
    {0x8902, "ETH_P_CFM"},        {0x8906, "ETH_P_FCOE"},
    {0x890d, "ETH_P_TDLS"},       {0x8914, "ETH_P_FIP"},
    {0x8915, "ETH_P_IBOE"},       {0x8917, "ETH_P_80221"},
    {0x892f, "ETH_P_HSR"},        {0x894f, "ETH_P_NSH"},
    {0x9000, "ETH_P_LOOPBACK"},   {0x9100, "ETH_P_QINQ1"},
    {0x9200, "ETH_P_QINQ2"},      {0x9300, "ETH_P_QINQ3"},
    {0xdada, "ETH_P_EDSA"},       {0xdadb, "ETH_P_DSA_8021Q"},
    {0xe001, "ETH_P_DSA_A5PSW"},  {0xed3e, "ETH_P_IFE"},
    {0xfbfb, "ETH_P_AF_IUCV"},
};
constexpr XlatEntry kSocketLevels[] = {
    {0, "SOL_IP"},          {1, "SOL_SOCKET"},     {6, "SOL_TCP"},
    {17, "SOL_UDP"},        {40, "AF_VSOCK"},      {41, "SOL_IPV6"},
    {58, "SOL_ICMPV6"},     {100, "SOL_CAN_BASE"}, {101, "SOL_CAN_RAW"},
    {132, "SOL_SCTP"},      {136, "SOL_UDPLITE"},  {255, "SOL_RAW"},
    {256, "SOL_IPX"},       {257, "SOL_AX25"},     {258, "SOL_ATALK"},
    {259, "SOL_NETROM"},    {260, "SOL_ROSE"},     {261, "SOL_DECNET"},
    {262, "SOL_X25"},       {263, "SOL_PACKET"},   {264, "SOL_ATM"},
    {265, "SOL_AAL"},       {266, "SOL_IRDA"},     {267, "SOL_NETBEUI"},
    {268, "SOL_LLC"},       {269, "SOL_DCCP"},     {270, "SOL_NETLINK"},
    {271, "SOL_TIPC"},      {272, "SOL_RXRPC"},    {273, "SOL_PPPOL2TP"},
    {274, "SOL_BLUETOOTH"}, {275, "SOL_PNPIPE"},   {276, "SOL_RDS"},
    {277, "SOL_IUCV"},      {278, "SOL_CAIF"},     {279, "SOL_ALG"},
    {280, "SOL_NFC"},       {281, "SOL_KCM"},      {282, "SOL_TLS"},
    {283, "SOL_XDP"},
};
constexpr XlatEntry kSoOptions[] = {
    {1, "SO_DEBUG"},
    {2, "SO_REUSEADDR"},
    {3, "SO_TYPE"},
    {4, "SO_ERROR"},
    {5, "SO_DONTROUTE"},
    {6, "SO_BROADCAST"},
    {7, "SO_SNDBUF"},
    {8, "SO_RCVBUF"},
    {9, "SO_KEEPALIVE"},
    {10, "SO_OOBINLINE"},
    {11, "SO_NO_CHECK"},
    {12, "SO_PRIORITY"},
    {13, "SO_LINGER"},
    {14, "SO_BSDCOMPAT"},
    {15, "SO_REUSEPORT"},
    {16, "SO_PASSCRED"},
    {17, "SO_PEERCRED"},
    {18, "SO_RCVLOWAT"},
    {19, "SO_SNDLOWAT"},
    {20, "SO_RCVTIMEO_OLD"},
    {21, "SO_SNDTIMEO_OLD"},
    {22, "SO_SECURITY_AUTHENTICATION"},
    {23, "SO_SECURITY_ENCRYPTION_TRANSPORT"},
    {24, "SO_SECURITY_ENCRYPTION_NETWORK"},
    {25, "SO_BINDTODEVICE"},
    {27, "SO_DETACH_FILTER"},
    {28, "SO_PEERNAME"},
    {29, "SO_TIMESTAMP_OLD"},
    {30, "SO_ACCEPTCONN"},
    {31, "SO_PEERSEC"},
    {32, "SO_SNDBUFFORCE"},
    {33, "SO_RCVBUFFORCE"},
    {34, "SO_PASSSEC"},
    {35, "SO_TIMESTAMPNS_OLD"},
    {36, "SO_MARK"},
    {37, "SO_TIMESTAMPING_OLD"},
    {38, "SO_PROTOCOL"},
    {39, "SO_DOMAIN"},
    {40, "SO_RXQ_OVFL"},
    {41, "SO_WIFI_STATUS"},
    {42, "SO_PEEK_OFF"},
    {43, "SO_NOFCS"},
    {44, "SO_LOCK_FILTER"},
    {45, "SO_SELECT_ERR_QUEUE"},
    {46, "SO_BUSY_POLL"},
    {47, "SO_MAX_PACING_RATE"},
    {48, "SO_BPF_EXTENSIONS"},
    {49, "SO_INCOMING_CPU"},
    {50, "SO_ATTACH_BPF"},
    {51, "SO_ATTACH_REUSEPORT_CBPF"},
    {52, "SO_ATTACH_REUSEPORT_EBPF"},
    {53, "SO_CNX_ADVICE"},
    {55, "SO_MEMINFO"},
    {56, "SO_INCOMING_NAPI_ID"},
    {57, "SO_COOKIE"},
    {59, "SO_PEERGROUPS"},
    {60, "SO_ZEROCOPY"},
    {61, "SO_TXTIME"},
    {62, "SO_BINDTOIFINDEX"},
    {63, "SO_TIMESTAMP_NEW"},
    {64, "SO_TIMESTAMPNS_NEW"},
    {65, "SO_TIMESTAMPING_NEW"},
    {66, "SO_RCVTIMEO_NEW"},
    {67, "SO_SNDTIMEO_NEW"},
    {68, "SO_DETACH_REUSEPORT_BPF"},
    {69, "SO_PREFER_BUSY_POLL"},
    {70, "SO_BUSY_POLL_BUDGET"},
    {71, "SO_NETNS_COOKIE"},
    {72, "SO_BUF_LOCK"},
    {73, "SO_RESERVE_MEM"},
    {74, "SO_TXREHASH"},
    {75, "SO_RCVMARK"},
};
constexpr XlatEntry kIpOptions[] = {
    {1, "IP_TOS"},
    {2, "IP_TTL"},
    {3, "IP_HDRINCL"},
    {4, "IP_OPTIONS"},
    {5, "IP_ROUTER_ALERT"},
    {6, "IP_RECVOPTS"},
    {7, "IP_RETOPTS"},
    {8, "IP_PKTINFO"},
    {9, "IP_PKTOPTIONS"},
    {10, "IP_MTU_DISCOVER"},
    {11, "IP_RECVERR"},
    {12, "IP_RECVTTL"},
    {13, "IP_RECVTOS"},
    {14, "IP_MTU"},
    {15, "IP_FREEBIND"},
    {16, "IP_IPSEC_POLICY"},
    {17, "IP_XFRM_POLICY"},
    {18, "IP_PASSSEC"},
    {19, "IP_TRANSPARENT"},
    {20, "IP_ORIGDSTADDR"},
    {21, "IP_MINTTL"},
    {22, "IP_NODEFRAG"},
    {23, "IP_CHECKSUM"},
    {24, "IP_BIND_ADDRESS_NO_PORT"},
    {25, "IP_RECVFRAGSIZE"},
    {26, "IP_RECVERR_RFC4884"},
    {32, "IP_MULTICAST_IF"},
    {33, "IP_MULTICAST_TTL"},
    {34, "IP_MULTICAST_LOOP"},
    {35, "IP_ADD_MEMBERSHIP"},
    {36, "IP_DROP_MEMBERSHIP"},
    {37, "IP_UNBLOCK_SOURCE"},
    {38, "IP_BLOCK_SOURCE"},
    {39, "IP_ADD_SOURCE_MEMBERSHIP"},
    {40, "IP_DROP_SOURCE_MEMBERSHIP"},
    {41, "IP_MSFILTER"},
    {42, "MCAST_JOIN_GROUP"},
    {43, "MCAST_BLOCK_SOURCE"},
    {44, "MCAST_UNBLOCK_SOURCE"},
    {45, "MCAST_LEAVE_GROUP"},
    {46, "MCAST_JOIN_SOURCE_GROUP"},
    {47, "MCAST_LEAVE_SOURCE_GROUP"},
    {48, "MCAST_MSFILTER"},
    {49, "IP_MULTICAST_ALL"},
    {50, "IP_UNICAST_IF"},
};
constexpr XlatEntry kIpv6Options[] = {
    {1, "IPV6_ADDRFORM"},
    {2, "IPV6_2292PKTINFO"},
    {3, "IPV6_2292HOPOPTS"},
    {4, "IPV6_2292DSTOPTS"},
    {5, "IPV6_2292RTHDR"},
    {6, "IPV6_2292PKTOPTIONS"},
    {7, "IPV6_CHECKSUM"},
    {8, "IPV6_2292HOPLIMIT"},
    {9, "IPV6_NEXTHOP"},
    {10, "IPV6_AUTHHDR"},
    {11, "IPV6_FLOWINFO"},
    {16, "IPV6_UNICAST_HOPS"},
    {17, "IPV6_MULTICAST_IF"},
    {18, "IPV6_MULTICAST_HOPS"},
    {19, "IPV6_MULTICAST_LOOP"},
    {20, "IPV6_ADD_MEMBERSHIP"},
    {21, "IPV6_DROP_MEMBERSHIP"},
    {22, "IPV6_ROUTER_ALERT"},
    {23, "IPV6_MTU_DISCOVER"},
    {24, "IPV6_MTU"},
    {25, "IPV6_RECVERR"},
    {26, "IPV6_V6ONLY"},
    {27, "IPV6_JOIN_ANYCAST"},
    {28, "IPV6_LEAVE_ANYCAST"},
    {29, "IPV6_MULTICAST_ALL"},
    {30, "IPV6_ROUTER_ALERT_ISOLATE"},
    {31, "IPV6_RECVERR_RFC4884"},
    {32, "IPV6_FLOWLABEL_MGR"},
    {33, "IPV6_FLOWINFO_SEND"},
    {34, "IPV6_IPSEC_POLICY"},
    {35, "IPV6_XFRM_POLICY"},
    {36, "IPV6_HDRINCL"},
    {42, "MCAST_JOIN_GROUP"},
    {43, "MCAST_BLOCK_SOURCE"},
    {44, "MCAST_UNBLOCK_SOURCE"},
    {45, "MCAST_LEAVE_GROUP"},
    {46, "MCAST_JOIN_SOURCE_GROUP"},
    {47, "MCAST_LEAVE_SOURCE_GROUP"},
    {48, "MCAST_MSFILTER"},
    {49, "IPV6_RECVPKTINFO"},
    {50, "IPV6_PKTINFO"},
    {51, "IPV6_RECVHOPLIMIT"},
    {52, "IPV6_HOPLIMIT"},
    {53, "IPV6_RECVHOPOPTS"},
    {54, "IPV6_HOPOPTS"},
    {55, "IPV6_RTHDRDSTOPTS"},
    {56, "IPV6_RECVRTHDR"},
    {57, "IPV6_RTHDR"},
    {58, "IPV6_RECVDSTOPTS"},
    {59, "IPV6_DSTOPTS"},
    {60, "IPV6_RECVPATHMTU"},
    {61, "IPV6_PATHMTU"},
    {62, "IPV6_DONTFRAG"},
    {63, "IPV6_USE_MIN_MTU"},
    {66, "IPV6_RECVTCLASS"},
    {67, "IPV6_TCLASS"},
    {70, "IPV6_AUTOFLOWLABEL"},
    {72, "IPV6_ADDR_PREFERENCES"},
    {73, "IPV6_MINHOPCOUNT"},
    {74, "IPV6_ORIGDSTADDR"},
    {75, "IPV6_TRANSPARENT"},
    {76, "IPV6_UNICAST_IF"},
    {77, "IPV6_RECVFRAGSIZE"},
    {78, "IPV6_FREEBIND"},
};
// SOL_IP and SOL_IPV6 option numbers that name different things in
// getsockopt and setsockopt (the netfilter tables' and IPVS's), after those
// of kIpOptions and kIpv6Options.
constexpr XlatEntry kIpGetOptions[] = {
    {64, "IPT_SO_GET_INFO"},
    {65, "IPT_SO_GET_ENTRIES"},
    {66, "IPT_SO_GET_REVISION_MATCH"},
    {67, "IPT_SO_GET_REVISION_TARGET"},
    {96, "ARPT_SO_GET_INFO"},
    {97, "ARPT_SO_GET_ENTRIES"},
    {99, "ARPT_SO_GET_REVISION_TARGET"},
    {128, "EBT_SO_GET_INFO"},
    {129, "EBT_SO_GET_ENTRIES"},
    {130, "EBT_SO_GET_INIT_INFO"},
    {131, "EBT_SO_GET_INIT_ENTRIES"},
    {0x480, "IP_VS_SO_GET_VERSION"},
    {0x481, "IP_VS_SO_GET_INFO"},
    {0x482, "IP_VS_SO_GET_SERVICES"},
    {0x483, "IP_VS_SO_GET_SERVICE"},
    {0x484, "IP_VS_SO_GET_DESTS"},
    {0x485, "IP_VS_SO_GET_DEST"},
    {0x486, "IP_VS_SO_GET_TIMEOUT"},
    {0x487, "IP_VS_SO_GET_DAEMON"},
};
constexpr XlatEntry kIpSetOptions[] = {
    {64, "IPT_SO_SET_REPLACE"},         {65, "IPT_SO_SET_ADD_COUNTERS"},
    {96, "ARPT_SO_SET_REPLACE"},        {97, "ARPT_SO_SET_ADD_COUNTERS"},
    {128, "EBT_SO_SET_ENTRIES"},        {129, "EBT_SO_SET_COUNTERS"},
    {0x480, "IP_VS_SO_SET_NONE"},       {0x481, "IP_VS_SO_SET_INSERT"},
    {0x482, "IP_VS_SO_SET_ADD"},        {0x483, "IP_VS_SO_SET_EDIT"},
    {0x484, "IP_VS_SO_SET_DEL"},        {0x485, "IP_VS_SO_SET_FLUSH"},
    {0x486, "IP_VS_SO_SET_LIST"},       {0x487, "IP_VS_SO_SET_ADDDEST"},
    {0x488, "IP_VS_SO_SET_DELDEST"},    {0x489, "IP_VS_SO_SET_EDITDEST"},
    {0x48a, "IP_VS_SO_SET_TIMEOUT"},    {0x48b, "IP_VS_SO_SET_STARTDAEMON"},
    {0x48c, "IP_VS_SO_SET_STOPDAEMON"}, {0x48d, "IP_VS_SO_SET_RESTORE"},
    {0x48e, "IP_VS_SO_SET_SAVE"},       {0x48f, "IP_VS_SO_SET_ZERO"},
};
constexpr XlatEntry kIpv6GetOptions[] = {
    {64, "IP6T_SO_GET_INFO"},
    {65, "IP6T_SO_GET_ENTRIES"},
    {68, "IP6T_SO_GET_REVISION_MATCH"},
    {69, "IP6T_SO_GET_REVISION_TARGET"},
};
constexpr XlatEntry kIpv6SetOptions[] = {
    {64, "IP6T_SO_SET_REPLACE"},
    {65, "IP6T_SO_SET_ADD_COUNTERS"},
};
// Option names of the other levels strace 6.1 names (the options of
// SOL_NETLINK, SOL_TCP, SOL_UDP and SOL_IP/SOL_IPV6 are above and below).
constexpr XlatEntry kSctpOptions[] = {
    {0, "SCTP_RTOINFO"},
    {1, "SCTP_ASSOCINFO"},
    {2, "SCTP_INITMSG"},
    {3, "SCTP_NODELAY"},
    {4, "SCTP_AUTOCLOSE"},
    {5, "SCTP_SET_PEER_PRIMARY_ADDR"},
    {6, "SCTP_PRIMARY_ADDR"},
    {7, "SCTP_ADAPTATION_LAYER"},
    {8, "SCTP_DISABLE_FRAGMENTS"},
    {9, "SCTP_PEER_ADDR_PARAMS"},
    {10, "SCTP_DEFAULT_SEND_PARAM"},
    {11, "SCTP_EVENTS"},
    {12, "SCTP_I_WANT_MAPPED_V4_ADDR"},
    {13, "SCTP_MAXSEG"},
    {14, "SCTP_STATUS"},
    {15, "SCTP_GET_PEER_ADDR_INFO"},
    {16, "SCTP_DELAYED_SACK"},
    {17, "SCTP_CONTEXT"},
    {18, "SCTP_FRAGMENT_INTERLEAVE"},
    {19, "SCTP_PARTIAL_DELIVERY_POINT"},
    {20, "SCTP_MAX_BURST"},
    {21, "SCTP_AUTH_CHUNK"},
    {22, "SCTP_HMAC_IDENT"},
    {23, "SCTP_AUTH_KEY"},
    {24, "SCTP_AUTH_ACTIVE_KEY"},
    {25, "SCTP_AUTH_DELETE_KEY"},
    {26, "SCTP_PEER_AUTH_CHUNKS"},
    {27, "SCTP_LOCAL_AUTH_CHUNKS"},
    {28, "SCTP_GET_ASSOC_NUMBER"},
    {29, "SCTP_GET_ASSOC_ID_LIST"},
    {30, "SCTP_AUTO_ASCONF"},
    {31, "SCTP_PEER_ADDR_THLDS"},
    {32, "SCTP_RECVRCVINFO"},
    {33, "SCTP_RECVNXTINFO"},
    {34, "SCTP_DEFAULT_SNDINFO"},
    {35, "SCTP_AUTH_DEACTIVATE_KEY"},
    {36, "SCTP_REUSE_PORT"},
    {37, "SCTP_PEER_ADDR_THLDS_V2"},
    {100, "SCTP_SOCKOPT_BINDX_ADD"},
    {101, "SCTP_SOCKOPT_BINDX_REM"},
    {102, "SCTP_SOCKOPT_PEELOFF"},
    {103, "SCTP_GET_PEER_ADDRS_NUM_OLD"},
    {104, "SCTP_GET_PEER_ADDRS_OLD"},
    {105, "SCTP_GET_LOCAL_ADDRS_NUM_OLD"},
    {106, "SCTP_GET_LOCAL_ADDRS_OLD"},
    {107, "SCTP_SOCKOPT_CONNECTX_OLD"},
    {108, "SCTP_GET_PEER_ADDRS"},
    {109, "SCTP_GET_LOCAL_ADDRS"},
    {110, "SCTP_SOCKOPT_CONNECTX"},
    {111, "SCTP_SOCKOPT_CONNECTX3"},
    {112, "SCTP_GET_ASSOC_STATS"},
    {113, "SCTP_PR_SUPPORTED"},
    {114, "SCTP_DEFAULT_PRINFO"},
    {115, "SCTP_PR_ASSOC_STATUS"},
    {116, "SCTP_PR_STREAM_STATUS"},
    {117, "SCTP_RECONFIG_SUPPORTED"},
    {118, "SCTP_ENABLE_STREAM_RESET"},
    {119, "SCTP_RESET_STREAMS"},
    {120, "SCTP_RESET_ASSOC"},
    {121, "SCTP_ADD_STREAMS"},
    {122, "SCTP_SOCKOPT_PEELOFF_FLAGS"},
    {123, "SCTP_STREAM_SCHEDULER"},
    {124, "SCTP_STREAM_SCHEDULER_VALUE"},
    {125, "SCTP_INTERLEAVING_SUPPORTED"},
    {126, "SCTP_SENDMSG_CONNECT"},
    {127, "SCTP_EVENT"},
    {128, "SCTP_ASCONF_SUPPORTED"},
    {129, "SCTP_AUTH_SUPPORTED"},
    {130, "SCTP_ECN_SUPPORTED"},
    {131, "SCTP_EXPOSE_POTENTIALLY_FAILED_STATE"},
    {132, "SCTP_REMOTE_UDP_ENCAPS_PORT"},
    {133, "SCTP_PLPMTUD_PROBE_INTERVAL"},
};
constexpr XlatEntry kRawOptions[] = {
    {1, "ICMP_FILTER"},
};
constexpr XlatEntry kIpxOptions[] = {
    {1, "IPX_TYPE"},
};
constexpr XlatEntry kAx25Options[] = {
    {1, "AX25_WINDOW"},  {2, "AX25_T1"},       {3, "AX25_N2"},
    {4, "AX25_T3"},      {5, "AX25_T2"},       {6, "AX25_BACKOFF"},
    {7, "AX25_EXTSEQ"},  {8, "AX25_PIDINCL"},  {9, "AX25_IDLE"},
    {10, "AX25_PACLEN"}, {12, "AX25_IAMDIGI"}, {25, "SO_BINDTODEVICE"},
};
constexpr XlatEntry kPacketOptions[] = {
    {1, "PACKET_ADD_MEMBERSHIP"}, {2, "PACKET_DROP_MEMBERSHIP"},
    {3, "PACKET_RECV_OUTPUT"},    {5, "PACKET_RX_RING"},
    {6, "PACKET_STATISTICS"},     {7, "PACKET_COPY_THRESH"},
    {8, "PACKET_AUXDATA"},        {9, "PACKET_ORIGDEV"},
    {10, "PACKET_VERSION"},       {11, "PACKET_HDRLEN"},
    {12, "PACKET_RESERVE"},       {13, "PACKET_TX_RING"},
    {14, "PACKET_LOSS"},          {15, "PACKET_VNET_HDR"},
    {16, "PACKET_TX_TIMESTAMP"},  {17, "PACKET_TIMESTAMP"},
    {18, "PACKET_FANOUT"},        {19, "PACKET_TX_HAS_OFF"},
    {20, "PACKET_QDISC_BYPASS"},  {21, "PACKET_ROLLOVER_STATS"},
    {22, "PACKET_FANOUT_DATA"},   {23, "PACKET_IGNORE_OUTGOING"},
};
constexpr XlatEntry kIrdaOptions[] = {
    {1, "IRLMP_ENUMDEVICES"},  {2, "IRLMP_IAS_SET"},
    {3, "IRLMP_IAS_QUERY"},    {4, "IRLMP_HINTS_SET"},
    {5, "IRLMP_QOS_SET"},      {6, "IRLMP_QOS_GET"},
    {7, "IRLMP_MAX_SDU_SIZE"}, {8, "IRLMP_IAS_GET"},
    {9, "IRLMP_IAS_DEL"},      {10, "IRLMP_HINT_MASK_SET"},
    {11, "IRLMP_WAITDEVICE"},
};
constexpr XlatEntry kLlcOptions[] = {
    {0, "LLC_OPT_UNKNOWN"},      {1, "LLC_OPT_RETRY"},
    {2, "LLC_OPT_SIZE"},         {3, "LLC_OPT_ACK_TMR_EXP"},
    {4, "LLC_OPT_P_TMR_EXP"},    {5, "LLC_OPT_REJ_TMR_EXP"},
    {6, "LLC_OPT_BUSY_TMR_EXP"}, {7, "LLC_OPT_TX_WIN"},
    {8, "LLC_OPT_RX_WIN"},       {9, "LLC_OPT_PKTINFO"},
};
constexpr XlatEntry kDccpOptions[] = {
    {1, "DCCP_SOCKOPT_PACKET_SIZE"},      {2, "DCCP_SOCKOPT_SERVICE"},
    {3, "DCCP_SOCKOPT_CHANGE_L"},         {4, "DCCP_SOCKOPT_CHANGE_R"},
    {5, "DCCP_SOCKOPT_GET_CUR_MPS"},      {6, "DCCP_SOCKOPT_SERVER_TIMEWAIT"},
    {10, "DCCP_SOCKOPT_SEND_CSCOV"},      {11, "DCCP_SOCKOPT_RECV_CSCOV"},
    {12, "DCCP_SOCKOPT_AVAILABLE_CCIDS"}, {13, "DCCP_SOCKOPT_CCID"},
    {14, "DCCP_SOCKOPT_TX_CCID"},         {15, "DCCP_SOCKOPT_RX_CCID"},
    {16, "DCCP_SOCKOPT_QPOLICY_ID"},      {17, "DCCP_SOCKOPT_QPOLICY_TXQLEN"},
    {128, "DCCP_SOCKOPT_CCID_RX_INFO"},   {192, "DCCP_SOCKOPT_CCID_TX_INFO"},
};
constexpr XlatEntry kTipcOptions[] = {
    {127, "TIPC_IMPORTANCE"},       {128, "TIPC_SRC_DROPPABLE"},
    {129, "TIPC_DEST_DROPPABLE"},   {130, "TIPC_CONN_TIMEOUT"},
    {131, "TIPC_NODE_RECVQ_DEPTH"}, {132, "TIPC_SOCK_RECVQ_DEPTH"},
    {133, "TIPC_MCAST_BROADCAST"},  {134, "TIPC_MCAST_REPLICAST"},
    {135, "TIPC_GROUP_JOIN"},       {136, "TIPC_GROUP_LEAVE"},
    {137, "TIPC_SOCK_RECVQ_USED"},  {138, "TIPC_NODELAY"},
};
constexpr XlatEntry kRxrpcOptions[] = {
    {1, "RXRPC_SECURITY_KEY"},         {2, "RXRPC_SECURITY_KEYRING"},
    {3, "RXRPC_EXCLUSIVE_CONNECTION"}, {4, "RXRPC_MIN_SECURITY_LEVEL"},
    {5, "RXRPC_UPGRADEABLE_SERVICE"},  {6, "RXRPC_SUPPORTED_CMSG"},
};
constexpr XlatEntry kPppol2tpOptions[] = {
    {1, "PPPOL2TP_SO_DEBUG"},     {2, "PPPOL2TP_SO_RECVSEQ"},
    {3, "PPPOL2TP_SO_SENDSEQ"},   {4, "PPPOL2TP_SO_LNSMODE"},
    {5, "PPPOL2TP_SO_REORDERTO"},
};
constexpr XlatEntry kBluetoothOptions[] = {
    {4, "BT_SECURITY"}, {7, "BT_DEFER_SETUP"},     {8, "BT_FLUSHABLE"},
    {9, "BT_POWER"},    {10, "BT_CHANNEL_POLICY"}, {11, "BT_VOICE"},
    {12, "BT_SNDMTU"},  {13, "BT_RCVMTU"},
};
constexpr XlatEntry kPnpipeOptions[] = {
    {1, "PNPIPE_ENCAP"},
    {2, "PNPIPE_IFINDEX"},
    {3, "PNPIPE_HANDLE"},
    {4, "PNPIPE_INITSTATE"},
};
constexpr XlatEntry kRdsOptions[] = {
    {1, "RDS_CANCEL_SENT_TO"},
    {2, "RDS_GET_MR"},
    {3, "RDS_FREE_MR"},
    {4, "RDS_BARRIER"},
    {5, "RDS_RECVERR"},
    {6, "RDS_CONG_MONITOR"},
    {7, "RDS_GET_MR_FOR_DEST"},
    {8, "SO_RDS_TRANSPORT"},
    {10, "SO_RDS_MSG_RXPATH_LATENCY"},
    {29, "SO_TIMESTAMP_OLD"},
};
constexpr XlatEntry kIucvOptions[] = {
    {128, "SO_IPRMDATA_MSG"},
};
constexpr XlatEntry kCaifOptions[] = {
    {127, "CAIFSO_LINK_SELECT"},
    {128, "CAIFSO_REQ_PARAM"},
    {129, "CAIFSO_RSP_PARAM"},
};
constexpr XlatEntry kAlgOptions[] = {
    {1, "ALG_SET_KEY"},
    {2, "ALG_SET_IV"},
    {3, "ALG_SET_OP"},
    {4, "ALG_SET_AEAD_ASSOCLEN"},
    {5, "ALG_SET_AEAD_AUTHSIZE"},
    {6, "ALG_SET_DRBG_ENTROPY"},
};
constexpr XlatEntry kNfcOptions[] = {
    {0, "NFC_LLCP_RW"},         {1, "NFC_LLCP_MIUX"},
    {2, "NFC_LLCP_REMOTE_MIU"}, {3, "NFC_LLCP_REMOTE_LTO"},
    {4, "NFC_LLCP_REMOTE_RW"},
};
constexpr XlatEntry kKcmOptions[] = {
    {1, "KCM_RECV_DISABLE"},
};
constexpr XlatEntry kTlsOptions[] = {
    {1, "TLS_TX"},
    {2, "TLS_RX"},
};
constexpr XlatEntry kXdpOptions[] = {
    {1, "XDP_MMAP_OFFSETS"},   {2, "XDP_RX_RING"},
    {3, "XDP_TX_RING"},        {4, "XDP_UMEM_REG"},
    {5, "XDP_UMEM_FILL_RING"}, {6, "XDP_UMEM_COMPLETION_RING"},
    {7, "XDP_STATISTICS"},     {8, "XDP_OPTIONS"},
};
constexpr XlatEntry kTcpOptions[] = {
    {1, "TCP_NODELAY"},
    {2, "TCP_MAXSEG"},
    {3, "TCP_CORK"},
    {4, "TCP_KEEPIDLE"},
    {5, "TCP_KEEPINTVL"},
    {6, "TCP_KEEPCNT"},
    {7, "TCP_SYNCNT"},
    {8, "TCP_LINGER2"},
    {9, "TCP_DEFER_ACCEPT"},
    {10, "TCP_WINDOW_CLAMP"},
    {11, "TCP_INFO"},
    {12, "TCP_QUICKACK"},
    {13, "TCP_CONGESTION"},
    {14, "TCP_MD5SIG"},
    {15, "TCP_COOKIE_TRANSACTIONS"},
    {16, "TCP_THIN_LINEAR_TIMEOUTS"},
    {17, "TCP_THIN_DUPACK"},
    {18, "TCP_USER_TIMEOUT"},
    {19, "TCP_REPAIR"},
    {20, "TCP_REPAIR_QUEUE"},
    {21, "TCP_QUEUE_SEQ"},
    {22, "TCP_REPAIR_OPTIONS"},
    {23, "TCP_FASTOPEN"},
    {24, "TCP_TIMESTAMP"},
    {25, "TCP_NOTSENT_LOWAT"},
    {26, "TCP_CC_INFO"},
    {27, "TCP_SAVE_SYN"},
    {28, "TCP_SAVED_SYN"},
    {29, "TCP_REPAIR_WINDOW"},
    {30, "TCP_FASTOPEN_CONNECT"},
    {31, "TCP_ULP"},
    {32, "TCP_MD5SIG_EXT"},
    {33, "TCP_FASTOPEN_KEY"},
    {34, "TCP_FASTOPEN_NO_COOKIE"},
    {35, "TCP_ZEROCOPY_RECEIVE"},
    {36, "TCP_INQ"},
    {37, "TCP_TX_DELAY"},
};
constexpr XlatEntry kUdpOptions[] = {
    {1, "UDP_CORK"},           {100, "UDP_ENCAP"},   {101, "UDP_NO_CHECK6_TX"},
    {102, "UDP_NO_CHECK6_RX"}, {103, "UDP_SEGMENT"}, {104, "UDP_GRO"},
};
constexpr XlatEntry kNetlinkOptions[] = {
    {1, "NETLINK_ADD_MEMBERSHIP"},   {2, "NETLINK_DROP_MEMBERSHIP"},
    {3, "NETLINK_PKTINFO"},          {4, "NETLINK_BROADCAST_ERROR"},
    {5, "NETLINK_NO_ENOBUFS"},       {6, "NETLINK_RX_RING"},
    {7, "NETLINK_TX_RING"},          {8, "NETLINK_LISTEN_ALL_NSID"},
    {9, "NETLINK_LIST_MEMBERSHIPS"}, {10, "NETLINK_CAP_ACK"},
    {11, "NETLINK_EXT_ACK"},         {12, "NETLINK_GET_STRICT_CHK"},
};
constexpr XlatEntry kScmTypes[] = {
    {1, "SCM_RIGHTS"},
    {2, "SCM_CREDENTIALS"},
    {3, "SCM_SECURITY"},
    {29, "SO_TIMESTAMP_OLD"},
    {35, "SO_TIMESTAMPNS_OLD"},
    {37, "SO_TIMESTAMPING_OLD"},
    {41, "SO_WIFI_STATUS"},
    {61, "SO_TXTIME"},
    {63, "SO_TIMESTAMP_NEW"},
    {64, "SO_TIMESTAMPNS_NEW"},
    {65, "SO_TIMESTAMPING_NEW"},
    {SCM_TIMESTAMPING_OPT_STATS, "SCM_TIMESTAMPING_OPT_STATS"},
    {SCM_TIMESTAMPING_PKTINFO, "SCM_TIMESTAMPING_PKTINFO"},
};
// strace 6.1's names of SOL_IP control messages: not IP_OPTIONS (4) nor
// IP_RECVFRAGSIZE (25), which it shows as "0x4 /* IP_??? */".
constexpr XlatEntry kIpCmsgTypes[] = {
    {1, "IP_TOS"},          {2, "IP_TTL"},       {6, "IP_RECVOPTS"},
    {7, "IP_RETOPTS"},      {8, "IP_PKTINFO"},   {11, "IP_RECVERR"},
    {20, "IP_ORIGDSTADDR"}, {23, "IP_CHECKSUM"},
};
constexpr XlatEntry kShutdownHow[] = {
    {0, "SHUT_RD"}, {1, "SHUT_WR"}, {2, "SHUT_RDWR"}};

// ---------------------------------------------------------------------------
// Socket addresses.
// ---------------------------------------------------------------------------
// "name=0x5, " for a padding or reserved field, which strace shows only
// when it is not 0.
void PaddingField(D& d, const char* name, uint64_t v) {
  if (v == 0) return;
  d.Put(name);
  d.Hex(v);
  d.Sep();
}

// "%#08x" (strace's PRINT_VAL_0X for a 32-bit field).
void Hex08(D& d, uint32_t v) {
  char buf[16];
  snprintf(buf, sizeof(buf), "%#08x", v);
  d.Put(buf);
}

// -X raw and verbose print network-order fields as their bytes:
// field="\x00\x50", and verbose adds the abbrev form as a comment.
void NetBytes(D& d, const char* field, const void* bytes, size_t n) {
  d.Put(field);
  d.out->push_back('=');
  AppendQuotedHex(d.out, bytes, n);
}

// field=htons(80) (htonl for 4 bytes), or as NetBytes says.
void NetPort(D& d, const char* field, const void* bytes, size_t n) {
  uint64_t v = 0;
  const auto* b = static_cast<const unsigned char*>(bytes);
  for (size_t i = 0; i < n; ++i) v = v << 8 | b[i];
  const XlatStyle style = CurrentXlatStyle();
  if (style == XlatStyle::kAbbrev) {
    d.Put(field);
    d.out->push_back('=');
  } else {
    NetBytes(d, field, bytes, n);
    if (style == XlatStyle::kRaw) return;
    d.Put(" /* ");
  }
  d.Put(n == 2 ? "htons(" : "htonl(");
  d.Udec(v);
  d.out->push_back(')');
  if (style == XlatStyle::kVerbose) d.Put(" */");
}

void InetAddr(D& d, const char* field, int af, const void* addr) {
  char buf[INET6_ADDRSTRLEN];
  if (inet_ntop(af, addr, buf, sizeof(buf)) == nullptr) return;
  if (const XlatStyle style = CurrentXlatStyle(); style != XlatStyle::kAbbrev) {
    NetBytes(d, field, addr, af == AF_INET ? 4 : 16);
    if (style == XlatStyle::kRaw) return;
    d.Put(af == AF_INET ? " /* inet_addr(\"" : " /* inet_pton(AF_INET6, \"");
    d.Escaped(buf, strlen(buf));
    d.Put(af == AF_INET ? "\") */" : "\") */");
    return;
  }
  if (af == AF_INET) {
    d.Put(field);
    d.Put("=inet_addr(\"");
    d.Escaped(buf, strlen(buf));  // a quoted string: in hex with -xx
    d.Put("\")");
  } else {
    d.Put("inet_pton(AF_INET6, \"");
    d.Escaped(buf, strlen(buf));
    d.Put("\", &");
    d.Put(field);
    d.out->push_back(')');
  }
}

// An interface index: if_nametoindex("lo"), or the number.
void IfIndex(D& d, uint32_t index) {
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

// Bytes as "01:02:03:04:05:06" (in memory order), as strace prints
// Bluetooth and IEEE 802.15.4 hardware addresses; with -X raw as quoted
// hex, with -X verbose quoted hex and that text in a comment.
void ColonHex(D& d, const uint8_t* p, size_t n) {
  const XlatStyle style = CurrentXlatStyle();
  if (style != XlatStyle::kAbbrev) {
    AppendQuotedHex(d.out, p, n);
    if (style == XlatStyle::kRaw) return;
    d.Put(" /* ");
  }
  for (size_t i = 0; i < n; ++i) {
    char hx[4];
    snprintf(hx, sizeof(hx), i == 0 ? "%02x" : ":%02x", p[i]);
    d.Put(hx);
  }
  if (style == XlatStyle::kVerbose) d.Put(" */");
}

// A range of values strace names by its first one: "L2CAP_PSM_DYN_START+3".
struct NamedRange {
  uint16_t first, last;
  const char* name;
};

// A constant named by the table, else by the range that holds it
// (-X raw: "0x1004"; verbose: "0x1004 /* 0x1001 /* L2CAP_PSM_DYN_START */+3
// */", as strace 6.1), else "0x5 /* L2CAP_PSM_??? */".
template <size_t N>
void RangedXval(D& d, uint16_t v, const XlatEntry (&tbl)[N],
                std::initializer_list<NamedRange> ranges, const char* unknown) {
  if (XlatName(v, tbl, N) == nullptr) {
    for (const NamedRange& r : ranges) {
      if (v < r.first || v > r.last) continue;
      const XlatStyle style = CurrentXlatStyle();
      if (style != XlatStyle::kAbbrev) {
        d.Hex(v);
        if (style == XlatStyle::kRaw) return;
        d.Put(" /* ");
        d.Hex(r.first);
        d.Put(" /* ");
      }
      d.Put(r.name);
      if (style == XlatStyle::kVerbose) d.Put(" */");
      d.out->push_back('+');
      d.Udec(v - r.first);
      if (style == XlatStyle::kVerbose) d.Put(" */");
      return;
    }
  }
  d.Xval(v, tbl, unknown);
}

// AF_BLUETOOTH: strace 6.1 picks the structure by the address length
// (sockaddr_hci without or with hci_channel, sockaddr_sco, sockaddr_rc,
// sockaddr_l2 without or with l2_bdaddr_type); false for other lengths
// (sa_data). Multi-byte fields are little-endian ("htobs").
bool BluetoothAddr(D& d, const uint8_t* buf, int len) {
  uint16_t u16;
  switch (len) {
    case 4:
    case 6:
      memcpy(&u16, buf + 2, 2);
      d.Put("hci_dev=htobs(");
      d.Udec(u16);
      d.out->push_back(')');
      if (len == 6) {
        static constexpr XlatEntry kChannels[] = {{0, "HCI_CHANNEL_RAW"},
                                                  {1, "HCI_CHANNEL_USER"},
                                                  {2, "HCI_CHANNEL_MONITOR"},
                                                  {3, "HCI_CHANNEL_CONTROL"},
                                                  {4, "HCI_CHANNEL_LOGGING"}};
        memcpy(&u16, buf + 4, 2);
        d.Put(", hci_channel=");
        d.Xval(u16, kChannels, "HCI_CHANNEL_???");
      }
      return true;
    case 8:
      d.Put("sco_bdaddr=");
      ColonHex(d, buf + 2, 6);
      return true;
    case 10:
      d.Put("rc_bdaddr=");
      ColonHex(d, buf + 2, 6);
      d.Put(", rc_channel=");
      d.Udec(buf[8]);
      return true;
    case 12:
    case 14: {
      static constexpr XlatEntry kPsms[] = {
          {0x1, "L2CAP_PSM_SDP"},           {0x3, "L2CAP_PSM_RFCOMM"},
          {0x21, "L2CAP_PSM_3DSP"},         {0x23, "L2CAP_PSM_IPSP"},
          {0x80, "L2CAP_PSM_LE_DYN_START"}, {0xff, "L2CAP_PSM_LE_DYN_END"},
          {0x1001, "L2CAP_PSM_DYN_START"},  {0xffff, "L2CAP_PSM_DYN_END"}};
      static constexpr XlatEntry kCids[] = {
          {0x1, "L2CAP_CID_SIGNALING"},    {0x2, "L2CAP_CID_CONN_LESS"},
          {0x3, "L2CAP_CID_A2MP"},         {0x4, "L2CAP_CID_ATT"},
          {0x5, "L2CAP_CID_LE_SIGNALING"}, {0x6, "L2CAP_CID_SMP"},
          {0x7, "L2CAP_CID_SMP_BREDR"},    {0x40, "L2CAP_CID_DYN_START"},
          {0x7f, "L2CAP_CID_LE_DYN_END"},  {0xffff, "L2CAP_CID_DYN_END"}};
      memcpy(&u16, buf + 2, 2);
      d.Put("l2_psm=htobs(");
      RangedXval(d, u16, kPsms,
                 {{0x1001, 0xffff, "L2CAP_PSM_DYN_START"},
                  {0x80, 0xff, "L2CAP_PSM_LE_DYN_START"}},
                 "L2CAP_PSM_???");
      d.Put("), l2_bdaddr=");
      ColonHex(d, buf + 4, 6);
      memcpy(&u16, buf + 10, 2);
      d.Put(", l2_cid=htobs(");
      RangedXval(d, u16, kCids, {{0x40, 0xffff, "L2CAP_CID_DYN_START"}},
                 "L2CAP_CID_???");
      d.out->push_back(')');
      if (len == 14) {
        static constexpr XlatEntry kTypes[] = {{0, "BDADDR_BREDR"},
                                               {1, "BDADDR_LE_PUBLIC"},
                                               {2, "BDADDR_LE_RANDOM"}};
        d.Put(", l2_bdaddr_type=");
        d.Xval(buf[12], kTypes, "BDADDR_???");
      }
      return true;
    }
    default:
      return false;
  }
}

// An ax25_address (7 bytes: six characters shifted left by one, then the
// SSID byte) as strace 6.1 prints it: the callsign alone ("N0CALL-5",
// "*" for the null address) when the bytes are exactly what that text
// encodes to, else {ax25_call="\x.."} with the text in a comment when it
// has one (every character printable, none with the low bit set); -X
// raw and verbose always print the structure, raw the comment only for
// the text abbrev prints as a comment.
void Ax25Address(D& d, const uint8_t* a) {
  bool printable = true;
  for (int i = 0; i < 6; ++i) {
    const uint8_t c = a[i] >> 1;
    if ((a[i] & 1) != 0 || c < ' ' || c > '~') printable = false;
  }
  std::string text;
  bool canonical = printable && (a[6] & ~0x1e) == 0;
  if (printable) {
    size_t end = 6;
    while (end > 0 && a[end - 1] == (' ' << 1)) --end;
    for (size_t i = 0; i < end; ++i) {
      const char c = static_cast<char>(a[i] >> 1);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        canonical = false;
      }
      text.push_back(c);
    }
    const unsigned ssid = (a[6] >> 1) & 0xf;
    if (text.empty() && ssid == 0) {
      text = "*";
    } else {
      if (text.empty()) canonical = false;
      text += "-" + std::to_string(ssid);
    }
  }
  const XlatStyle style = CurrentXlatStyle();
  if (canonical && style == XlatStyle::kAbbrev) {
    d.Put(text.c_str());
    return;
  }
  d.Put("{ax25_call=");
  AppendQuotedHex(d.out, a, 7);
  d.out->push_back('}');
  if (printable && !(canonical && style == XlatStyle::kRaw)) {
    d.Put(" /* ");
    d.Put(text.c_str());
    d.Put(" */");
  }
}

// AF_AX25: struct sockaddr_ax25 (16 bytes, no digipeaters), else struct
// full_sockaddr_ax25: the digipeaters sax25_ndigis asks for (at most 8;
// -s of them), "..." for those the length cuts, and ", ..." when the length
// goes past the last whole digipeater it holds.
void Ax25Addr(D& d, const uint8_t* buf, int len) {
  int32_t ndigis;
  memcpy(&ndigis, buf + 12, 4);
  const bool full = ndigis != 0 || len > 16;
  if (full) d.Put("fsa_ax25={");
  d.Put("sax25_call=");
  Ax25Address(d, buf + 2);
  d.Put(", sax25_ndigis=");
  d.Dec(ndigis);
  if (!full) return;
  d.out->push_back('}');
  const int has = std::min((len - 16) / 7, 8);
  const int want = std::clamp(ndigis, 0, 8);
  if (want > 0) {
    d.Put(", fsa_digipeater=[");
    const int n = std::min(has, want);
    bool elided = false;  // past -s elements
    for (int i = 0; i < n && !elided; ++i) {
      if (i > 0) d.Sep();
      elided = d.Elided(i);
      if (!elided) Ax25Address(d, buf + 16 + 7 * i);
    }
    if (want > has && !elided) {
      if (n > 0) d.Sep();
      d.Put("...");
    }
    d.out->push_back(']');
  }
  if (len > 16 + 7 * has) d.Put(", ...");
}

// AF_IEEE802154's struct sockaddr_ieee802154 (its constants shown as -X
// verbose shows them, unless -X raw, as strace 6.1).
void Ieee802154Addr(D& d, const uint8_t* buf) {
  static constexpr XlatEntry kTypes[] = {{0, "IEEE802154_ADDR_NONE"},
                                         {2, "IEEE802154_ADDR_SHORT"},
                                         {3, "IEEE802154_ADDR_LONG"}};
  static constexpr XlatEntry kPans[] = {{0xffff, "IEEE802154_PANID_BROADCAST"}};
  static constexpr XlatEntry kShorts[] = {
      {0xfffe, "IEEE802154_ADDR_UNDEF"}, {0xffff, "IEEE802154_ADDR_BROADCAST"}};
  const XlatStyle named = CurrentXlatStyle() == XlatStyle::kRaw
                              ? XlatStyle::kRaw
                              : XlatStyle::kVerbose;
  int32_t type;
  uint16_t pan, short_addr;
  memcpy(&type, buf + 4, 4);
  memcpy(&pan, buf + 8, 2);
  memcpy(&short_addr, buf + 10, 2);
  d.Put("addr={addr_type=");
  {
    ScopedXlatStyle style(named);
    d.Xval(static_cast<uint32_t>(type), kTypes, "IEEE802154_ADDR_???");
    d.Put(", pan_id=");
    d.Xval(pan, kPans, nullptr);
    if (type == 2) {
      d.Put(", short_addr=");
      d.Xval(short_addr, kShorts, nullptr);
    }
  }
  if (type != 0 && type != 2) {
    d.Put(", hwaddr=");
    ColonHex(d, buf + 10, 8);
  }
  d.out->push_back('}');
}

// struct sockaddr_in's fields after sin_family.
void Inet4Fields(D& d, const uint8_t* buf) {
  uint16_t port;
  memcpy(&port, buf + 2, 2);
  NetPort(d, "sin_port", &port, 2);
  d.Sep();
  InetAddr(d, "sin_addr", AF_INET, buf + 4);
}

// struct sockaddr_in6's fields after sin6_family (sin6_scope_id when
// `len` holds it).
void Inet6Fields(D& d, const uint8_t* buf, int len) {
  uint16_t port;
  uint32_t flowinfo, scope;
  memcpy(&port, buf + 2, 2);
  memcpy(&flowinfo, buf + 4, 4);
  memcpy(&scope, buf + 24, 4);
  NetPort(d, "sin6_port", &port, 2);
  d.Sep();
  NetPort(d, "sin6_flowinfo", &flowinfo, 4);
  d.Sep();
  InetAddr(d, "sin6_addr", AF_INET6, buf + 8);
  if (len > 24) {
    d.Put(", sin6_scope_id=");
    const uint8_t* a = buf + 8;
    const bool link_local = (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) ||
                            (a[0] == 0xff && (a[1] & 0x0f) == 0x2);
    if (link_local) {
      IfIndex(d, scope);
    } else {
      d.Udec(scope);
    }
  }
}

// AF_RXRPC's struct sockaddr_rxrpc: the service (named in a comment, but
// with -X raw), the transport's type and length, and the transport
// address in transport_len bytes of its 28 (sin={...}, sin6={...}, else
// family and bytes).
void RxrpcAddr(D& d, const uint8_t* buf) {
  static constexpr XlatEntry kServices[] = {{1, "CM_SERVICE"},
                                            {2500, "YFS_FS_SERVICE"},
                                            {2501, "YFS_CM_SERVICE"},
                                            {2503, "YFS_VL_SERVICE"}};
  uint16_t service, type, tlen, tfamily;
  memcpy(&service, buf + 2, 2);
  memcpy(&type, buf + 4, 2);
  memcpy(&tlen, buf + 6, 2);
  memcpy(&tfamily, buf + 8, 2);
  const int len = std::min<int>(tlen, 28);
  d.Put("srx_service=");
  {
    ScopedXlatStyle style(CurrentXlatStyle() == XlatStyle::kRaw
                              ? XlatStyle::kRaw
                              : XlatStyle::kVerbose);
    d.Xval(service, kServices, "???_SERVICE");
  }
  d.Put(", transport_type=");
  d.Xval(type, kSockTypes, "SOCK_???");
  d.Put(", transport_len=");
  d.Udec(tlen);
  d.Put(", transport={");
  const char* member = tfamily == AF_INET    ? "sin"
                       : tfamily == AF_INET6 ? "sin6"
                                             : nullptr;
  if (member != nullptr) {
    d.Put(member);
    d.Put("={");
    d.Put(member);
    d.out->push_back('_');
  }
  d.Put("family=");
  d.Xval(tfamily, kAddrFamilies, "AF_???");
  if (tfamily == AF_INET && len >= 16) {
    d.Sep();
    Inet4Fields(d, buf + 8);
  } else if (tfamily == AF_INET6 && len >= 24) {
    d.Sep();
    Inet6Fields(d, buf + 8, len);
  } else if (len > 2) {
    d.Put(", \"");
    d.Escaped(reinterpret_cast<const char*>(buf + 10), len - 2);
    d.out->push_back('"');
  }
  if (member != nullptr) d.out->push_back('}');
  d.out->push_back('}');
}

// The sockaddr in buf (`len` bytes, zero-padded after them).
void PrintSockaddr(D& d, const uint8_t* buf, int len) {
  uint16_t family;
  memcpy(&family, buf, 2);
  d.Put("{sa_family=");
  d.Xval(family, kAddrFamilies, "AF_???");
  if (len > 2) {
    d.Sep();
    switch (family) {
      case AF_UNIX: {
        // sun_path: up to the first NUL, or "@" and all bytes (abstract).
        const int un_len = len > 110 ? 110 : len;
        const int path_len = un_len - 2;
        const char* path = reinterpret_cast<const char*>(buf + 2);
        d.Put("sun_path=");
        if (path[0] != '\0') {
          d.out->push_back('"');
          d.Escaped(path, strnlen(path, path_len));
          d.out->push_back('"');
        } else {
          d.Put("@\"");
          d.Escaped(path + 1, path_len - 1);
          d.out->push_back('"');
        }
        break;
      }
      case AF_INET:
        if (len >= 16) {
          Inet4Fields(d, buf);
          break;
        }
        [[fallthrough]];
      case AF_INET6:
        if (family == AF_INET6 && len >= 24) {
          Inet6Fields(d, buf, len);
          break;
        }
        [[fallthrough]];
      case AF_NETLINK:
        if (family == AF_NETLINK && len >= 12) {
          uint16_t pad;
          uint32_t pid, groups;
          memcpy(&pad, buf + 2, 2);
          memcpy(&pid, buf + 4, 4);
          memcpy(&groups, buf + 8, 4);
          PaddingField(d, "nl_pad=", pad);
          d.Put("nl_pid=");
          d.PidValue(static_cast<int32_t>(pid));  // strace: a TGID
          d.Put(", nl_groups=");
          Hex08(d, groups);
          break;
        }
        [[fallthrough]];
      case AF_PACKET:
        if (family == AF_PACKET && len >= 20) {
          uint16_t proto, hatype;
          int32_t ifindex;
          memcpy(&proto, buf + 2, 2);
          memcpy(&ifindex, buf + 4, 4);
          memcpy(&hatype, buf + 8, 2);
          const uint8_t pkttype = buf[10], halen = buf[11];
          d.Put("sll_protocol=htons(");
          d.Xval(ntohs(proto), kEthProtocols, "ETH_P_???");
          d.Put("), sll_ifindex=");
          IfIndex(d, static_cast<uint32_t>(ifindex));
          d.Put(", sll_hatype=");
          static constexpr XlatEntry kHatypes[] = {{1, "ARPHRD_ETHER"},
                                                   {772, "ARPHRD_LOOPBACK"},
                                                   {65534, "ARPHRD_NONE"}};
          d.Xval(hatype, kHatypes, "ARPHRD_???");
          d.Put(", sll_pkttype=");
          static constexpr XlatEntry kPktTypes[] = {
              {0, "PACKET_HOST"},      {1, "PACKET_BROADCAST"},
              {2, "PACKET_MULTICAST"}, {3, "PACKET_OTHERHOST"},
              {4, "PACKET_OUTGOING"},  {5, "PACKET_LOOPBACK"},
              {6, "PACKET_USER"},      {7, "PACKET_KERNEL"}};
          d.Xval(pkttype, kPktTypes, "PACKET_???");
          d.Put(", sll_halen=");
          d.Udec(halen);
          if (halen != 0) {
            // As many bytes as the address length covers (past the 8 of
            // sll_addr when longer), as strace.
            const unsigned oob = static_cast<unsigned>(len - 12);
            d.Put(", sll_addr=[");
            for (unsigned i = 0; i < halen; ++i) {
              if (i > 0) d.Sep();
              if (i >= oob) {
                d.Put("...");
                break;
              }
              char hx[8];
              snprintf(hx, sizeof(hx), "%#02x", buf[12 + i]);
              d.Put(hx);
            }
            d.out->push_back(']');
          }
          break;
        }
        [[fallthrough]];
      case AF_VSOCK:
        if (family == AF_VSOCK && len >= 16) {
          // struct sockaddr_vm: reserved1 (when set), cid, port, flags,
          // zero (when set, in hex), as strace 6.1 prints it.
          static constexpr XlatEntry kCids[] = {{0, "VMADDR_CID_HYPERVISOR"},
                                                {1, "VMADDR_CID_LOCAL"},
                                                {2, "VMADDR_CID_HOST"},
                                                {0xffffffff, "VMADDR_CID_ANY"}};
          static constexpr XlatEntry kPorts[] = {
              {0xffffffff, "VMADDR_PORT_ANY"}};
          static constexpr XlatEntry kFlags[] = {{1, "VMADDR_FLAG_TO_HOST"}};
          uint16_t reserved1;
          uint32_t port, cid;
          memcpy(&reserved1, buf + 2, 2);
          memcpy(&port, buf + 4, 4);
          memcpy(&cid, buf + 8, 4);
          PaddingField(d, "svm_reserved1=", reserved1);
          d.Put("svm_cid=");
          d.Xval(cid, kCids, nullptr);
          d.Put(", svm_port=");
          d.Xval(port, kPorts, nullptr);
          d.Put(", svm_flags=");
          d.Flags(buf[12], kFlags, "VMADDR_FLAG_???");
          if (buf[13] != 0 || buf[14] != 0 || buf[15] != 0) {
            d.Put(", svm_zero=\"");
            AppendEscaped(d.out, reinterpret_cast<const char*>(buf + 13), 3,
                          HexStrings::kAll);
            d.out->push_back('"');
          }
          break;
        }
        [[fallthrough]];
      case AF_XDP:
        if (family == AF_XDP && len >= 16) {
          static constexpr XlatEntry kXdpFlags[] = {{1, "XDP_SHARED_UMEM"},
                                                    {2, "XDP_COPY"},
                                                    {4, "XDP_ZEROCOPY"},
                                                    {8, "XDP_USE_NEED_WAKEUP"}};
          uint16_t flags;
          uint32_t ifindex, queue, umem_fd;
          memcpy(&flags, buf + 2, 2);
          memcpy(&ifindex, buf + 4, 4);
          memcpy(&queue, buf + 8, 4);
          memcpy(&umem_fd, buf + 12, 4);
          d.Put("sxdp_flags=");
          d.Flags(flags, kXdpFlags, "XDP_???");
          d.Put(", sxdp_ifindex=");
          IfIndex(d, ifindex);
          d.Put(", sxdp_queue_id=");
          d.Udec(queue);
          if (flags & 1) {  // XDP_SHARED_UMEM: the fd (-P does not look)
            d.Put(", sxdp_shared_umem_fd=");
            d.FdInStruct(static_cast<int32_t>(umem_fd));
          } else if (umem_fd != 0) {  // in hex, as strace 6.1
            d.Put(", sxdp_shared_umem_fd=");
            d.Hex(umem_fd);
          }
          break;
        }
        [[fallthrough]];
      case AF_QIPCRTR:
        if (family == AF_QIPCRTR && len >= 12) {
          static constexpr XlatEntry kNodes[] = {
              {0xffffffff, "QRTR_NODE_BCAST"}};
          static constexpr XlatEntry kPorts[] = {
              {0xfffffffe, "QRTR_PORT_CTRL"}};
          uint32_t node, port;
          memcpy(&node, buf + 4, 4);
          memcpy(&port, buf + 8, 4);
          d.Put("sq_node=");
          d.Xval(node, kNodes, nullptr);
          d.Put(", sq_port=");
          d.Xval(port, kPorts, nullptr);
          break;
        }
        [[fallthrough]];
      case AF_MCTP:
        if (family == AF_MCTP && len >= 12) {
          static constexpr XlatEntry kNets[] = {{0, "MCTP_NET_ANY"}};
          static constexpr XlatEntry kAddrs[] = {{0, "MCTP_ADDR_NULL"},
                                                 {0xff, "MCTP_ADDR_ANY"}};
          uint16_t pad0;
          uint32_t network;
          memcpy(&pad0, buf + 2, 2);
          memcpy(&network, buf + 4, 4);
          PaddingField(d, "__smctp_pad0=", pad0);
          d.Put("smctp_network=");
          d.Xval(network, kNets, nullptr);
          d.Put(", smctp_addr={s_addr=");
          d.Xval(buf[8], kAddrs, nullptr);
          d.Put("}, smctp_type=");
          d.Hex(buf[9]);
          d.Put(", smctp_tag=");
          d.Hex(buf[10]);
          if (buf[11] != 0) {
            d.Put(", __smctp_pad1=");
            d.Hex(buf[11]);
          }
          break;
        }
        [[fallthrough]];
      case AF_IPX:
        if (family == AF_IPX && len >= 16) {
          // struct sockaddr_ipx: port, network (big-endian), node bytes,
          // type, and sipx_zero when not 0, each byte as "%#02x".
          uint16_t port;
          uint32_t network;
          memcpy(&port, buf + 2, 2);
          memcpy(&network, buf + 4, 4);
          NetPort(d, "sipx_port", &port, 2);
          d.Put(", sipx_network=htonl(");
          d.Hex(ntohl(network));
          d.Put("), sipx_node=[");
          char hx[8];
          for (int i = 0; i < 6; ++i) {
            if (i > 0) d.Sep();
            snprintf(hx, sizeof(hx), "%#02x", buf[8 + i]);
            d.Put(hx);
          }
          snprintf(hx, sizeof(hx), "%#02x", buf[14]);
          d.Put("], sipx_type=");
          d.Put(hx);
          if (buf[15] != 0) {
            snprintf(hx, sizeof(hx), "%#02x", buf[15]);
            d.Put(", sipx_zero=");
            d.Put(hx);
          }
          break;
        }
        [[fallthrough]];
      case AF_X25:
        if (family == AF_X25 && len >= 18) {  // struct sockaddr_x25
          d.Put("sx25_addr={x25_addr=");
          d.FixedCStr(reinterpret_cast<const char*>(buf + 2), 16);
          d.out->push_back('}');
          break;
        }
        [[fallthrough]];
      case AF_NFC:
        if (family == AF_NFC && len >= 16) {
          // struct sockaddr_nfc (dev_idx shown as an interface index, as
          // strace does), then struct sockaddr_nfc_llcp's fields when the
          // length holds them all, else "...".
          static constexpr XlatEntry kProtocols[] = {
              {NFC_PROTO_JEWEL, "NFC_PROTO_JEWEL"},
              {NFC_PROTO_MIFARE, "NFC_PROTO_MIFARE"},
              {NFC_PROTO_FELICA, "NFC_PROTO_FELICA"},
              {NFC_PROTO_ISO14443, "NFC_PROTO_ISO14443"},
              {NFC_PROTO_NFC_DEP, "NFC_PROTO_NFC_DEP"},
              {NFC_PROTO_ISO14443_B, "NFC_PROTO_ISO14443_B"},
              {NFC_PROTO_ISO15693, "NFC_PROTO_ISO15693"},
          };
          uint32_t dev, target, protocol;
          memcpy(&dev, buf + 4, 4);
          memcpy(&target, buf + 8, 4);
          memcpy(&protocol, buf + 12, 4);
          d.Put("dev_idx=");
          IfIndex(d, dev);
          d.Put(", target_idx=");
          d.Hex(target);
          d.Put(", nfc_protocol=");
          d.Xval(protocol, kProtocols, "NFC_PROTO_???");
          const int llcp_size = d.i386 ? 88 : 96;
          if (len < llcp_size) {
            if (len > 16) d.Put(", ...");
            break;
          }
          // The service access points in hex, named in a comment (but
          // with -X raw); <net/nfc/llcp.h>'s names.
          static constexpr XlatEntry kSaps[] = {{0x1, "LLCP_SAP_SDP"},
                                                {0x2, "LLCP_SAP_IP"},
                                                {0x3, "LLCP_SAP_OBEX"},
                                                {0x4, "LLCP_SAP_SNEP"},
                                                {0xff, "LLCP_SAP_MAX"}};
          for (int i = 0; i < 2; ++i) {
            d.Put(i == 0 ? ", dsap=" : ", ssap=");
            d.Hex(buf[16 + i]);
            const char* sap = XlatName(buf[16 + i], kSaps, std::size(kSaps));
            if (sap != nullptr && CurrentXlatStyle() != XlatStyle::kRaw) {
              d.Put(" /* ");
              d.Put(sap);
              d.Put(" */");
            }
          }
          // service_name: service_name_len of its 63 bytes, NULs included.
          uint64_t name_len = 0;
          memcpy(&name_len, buf + llcp_size - d.ptr_size(), d.ptr_size());
          d.Put(", service_name=\"");
          d.Escaped(reinterpret_cast<const char*>(buf + 18),
                    std::min<uint64_t>(name_len, NFC_LLCP_MAX_SERVICE_NAME));
          d.Put("\", service_name_len=");
          d.Udec(name_len);
          break;
        }
        [[fallthrough]];
      case AF_ALG:
        if (family == AF_ALG && len > 24) {
          // struct sockaddr_alg: salg_type[14], the flags salg_feat and
          // salg_mask (shown as -X verbose shows flags, unless -X raw),
          // and salg_name in whatever bytes `len` leaves (64 or more).
          static constexpr XlatEntry kAlgFlags[] = {
              {0x1000, "CRYPTO_ALG_KERN_DRIVER_ONLY"}};  // <linux/crypto.h>
          const XlatStyle style = CurrentXlatStyle() == XlatStyle::kRaw
                                      ? XlatStyle::kRaw
                                      : XlatStyle::kVerbose;
          uint32_t feat, mask;
          memcpy(&feat, buf + 16, 4);
          memcpy(&mask, buf + 20, 4);
          d.Put("salg_type=");
          d.FixedCStr(reinterpret_cast<const char*>(buf + 2), 14);
          {
            ScopedXlatStyle flags_style(style);
            d.Put(", salg_feat=");
            d.Flags(feat, kAlgFlags, "CRYPTO_ALG_???");
            d.Put(", salg_mask=");
            d.Flags(mask, kAlgFlags, "CRYPTO_ALG_???");
          }
          d.Put(", salg_name=");
          d.FixedCStr(reinterpret_cast<const char*>(buf + 24), len - 24);
          break;
        }
        [[fallthrough]];
      case AF_BLUETOOTH:
        if (family == AF_BLUETOOTH && BluetoothAddr(d, buf, len)) break;
        [[fallthrough]];
      case AF_AX25:
        if (family == AF_AX25 && len >= 16) {
          Ax25Addr(d, buf, len);
          break;
        }
        [[fallthrough]];
      case AF_IEEE802154:
        if (family == AF_IEEE802154 && len >= 20) {
          Ieee802154Addr(d, buf);
          break;
        }
        [[fallthrough]];
      case AF_RXRPC:
        if (family == AF_RXRPC && len >= 36) {
          RxrpcAddr(d, buf);
          break;
        }
        [[fallthrough]];
      default:
        d.Put("sa_data=\"");
        d.Escaped(reinterpret_cast<const char*>(buf + 2), len - 2);
        d.out->push_back('"');
        break;
    }
  }
  d.out->push_back('}');
}

// ---------------------------------------------------------------------------
// socket, socketpair, bind, connect, listen, shutdown.
// ---------------------------------------------------------------------------
void SockType(D& d, uint32_t type) {
  const char* name = XlatName(type & 0xf, kSockTypes, std::size(kSockTypes));
  if (name != nullptr) {
    AppendConst(d.out, name, RawConst::Hex(type & 0xf));
    type &= ~0xfu;
    if (type == 0) return;
    d.out->push_back('|');
  }
  d.Flags(type, kSockTypeFlags, "SOCK_???");
}

// socket()'s protocol in the families strace 6.1 names one for (values from
// the kernel's uapi headers: linux/ax25.h... net/ax25.h, linux/can.h,
// net/bluetooth/bluetooth.h, linux/isdn/mISDNif.h, linux/phonet.h,
// linux/caif/caif_socket.h, linux/nfc.h, linux/kcm.h, linux/smc.h).
constexpr XlatEntry kAx25Protocols[] = {
    {0x01, "AX25_P_ROSE"},     {0x06, "AX25_P_VJCOMP"},
    {0x07, "AX25_P_VJUNCOMP"}, {0x08, "AX25_P_SEGMENT"},
    {0xc3, "AX25_P_TEXNET"},   {0xc4, "AX25_P_LQ"},
    {0xca, "AX25_P_ATALK"},    {0xcb, "AX25_P_ATALK_ARP"},
    {0xcc, "AX25_P_IP"},       {0xcd, "AX25_P_ARP"},
    {0xce, "AX25_P_FLEXNET"},  {0xcf, "AX25_P_NETROM"},
    {0xf0, "AX25_P_TEXT"},
};
constexpr XlatEntry kCanProtocols[] = {
    {1, "CAN_RAW"},   {2, "CAN_BCM"},   {3, "CAN_TP16"},  {4, "CAN_TP20"},
    {5, "CAN_MCNET"}, {6, "CAN_ISOTP"}, {7, "CAN_J1939"},
};
constexpr XlatEntry kBtProtocols[] = {
    {0, "BTPROTO_L2CAP"},  {1, "BTPROTO_HCI"},   {2, "BTPROTO_SCO"},
    {3, "BTPROTO_RFCOMM"}, {4, "BTPROTO_BNEP"},  {5, "BTPROTO_CMTP"},
    {6, "BTPROTO_HIDP"},   {7, "BTPROTO_AVDTP"},
};
constexpr XlatEntry kIsdnProtocols[] = {
    {0x00, "ISDN_P_BASE"},        {0x01, "ISDN_P_TE_S0"},
    {0x02, "ISDN_P_NT_S0"},       {0x03, "ISDN_P_TE_E1"},
    {0x04, "ISDN_P_NT_E1"},       {0x10, "ISDN_P_LAPD_TE"},
    {0x11, "ISDN_P_LAPD_NT"},     {0x21, "ISDN_P_B_RAW"},
    {0x22, "ISDN_P_B_HDLC"},      {0x23, "ISDN_P_B_X75SLP"},
    {0x24, "ISDN_P_B_L2DTMF"},    {0x25, "ISDN_P_B_L2DSP"},
    {0x26, "ISDN_P_B_L2DSPHDLC"},
};
constexpr XlatEntry kPhonetProtocols[] = {
    {0, "PN_PROTO_TRANSPORT"}, {1, "PN_PROTO_PHONET"}, {2, "PN_PROTO_PIPE"}};
constexpr XlatEntry kCaifProtocols[] = {
    {0, "CAIFPROTO_AT"},
    {1, "CAIFPROTO_DATAGRAM"},
    {2, "CAIFPROTO_DATAGRAM_LOOP"},
    {3, "CAIFPROTO_UTIL"},
    {4, "CAIFPROTO_RFM"},
    {5, "CAIFPROTO_DEBUG"},
};
constexpr XlatEntry kNfcProtocols[] = {{0, "NFC_SOCKPROTO_RAW"},
                                       {1, "NFC_SOCKPROTO_LLCP"}};
constexpr XlatEntry kKcmProtocols[] = {{0, "KCMPROTO_CONNECTED"}};
constexpr XlatEntry kSmcProtocols[] = {{0, "SMCPROTO_SMC"},
                                       {1, "SMCPROTO_SMC6"}};

// The families whose protocols strace names from a table of their own.
struct FamilyProtocols {
  uint64_t family;
  const XlatEntry* names;
  size_t n;
  const char* unknown;
};
template <size_t N>
constexpr FamilyProtocols Protocols(uint64_t family,
                                    const XlatEntry (&names)[N],
                                    const char* unknown) {
  return {family, names, N, unknown};
}
constexpr FamilyProtocols kFamilyProtocols[] = {
    // strace 6.1 names IrDA's protocols from CAN's table.
    Protocols(AF_IRDA, kCanProtocols, "IRDAPROTO_???"),
    Protocols(AF_CAN, kCanProtocols, "CAN_???"),
    Protocols(AF_BLUETOOTH, kBtProtocols, "BTPROTO_???"),
    Protocols(AF_ISDN, kIsdnProtocols, "ISDN_P_???"),
    Protocols(AF_PHONET, kPhonetProtocols, "PN_PROTO_???"),
    Protocols(AF_CAIF, kCaifProtocols, "CAIFPROTO_???"),
    Protocols(AF_NFC, kNfcProtocols, "NFC_SOCKPROTO_???"),
    Protocols(AF_KCM, kKcmProtocols, "KCMPROTO_???"),
    Protocols(AF_SMC, kSmcProtocols, "SMCPROTO_???"),
};
const FamilyProtocols* ProtocolsOf(uint64_t family) {
  for (const FamilyProtocols& f : kFamilyProtocols) {
    if (f.family == family) return &f;
  }
  return nullptr;
}

void Socket(D& d) {
  if (d.exiting) return d.RetFd();
  const uint64_t domain = d.u(0);
  d.Xval(domain, kAddrFamilies, "AF_???");
  d.Sep();
  SockType(d, d.u32(1));
  d.Sep();
  const uint64_t proto = d.u(2);
  switch (domain) {
    case AF_INET:
    case AF_INET6:
      d.Xval(proto, kInetProtocols, "IPPROTO_???");
      break;
    case AF_NETLINK:
      d.Xval(proto, kNetlinkProtocols, "NETLINK_???");
      break;
    case AF_PACKET:
      d.Put("htons(");
      d.Xval(ntohs(static_cast<uint16_t>(proto)), kEthProtocols, "ETH_P_???");
      d.out->push_back(')');
      break;
    case AF_AX25: {
      // The same in every -X style: "0xcc /* AX25_P_IP */".
      const char* name = XlatName(proto, kAx25Protocols,
                                  sizeof kAx25Protocols / sizeof(XlatEntry));
      d.Hex(proto);
      d.Put(" /* ");
      d.Put(name != nullptr ? name : "AX25_P_???");
      d.Put(" */");
      break;
    }
    case AF_RXRPC:  // the transport's address family
      d.Xval(d.u32(2), kAddrFamilies, "AF_???");
      break;
    default:
      if (const FamilyProtocols* f = ProtocolsOf(domain)) {
        AppendXval(d.out, d.u32(2), f->names, f->n, f->unknown);
      } else {
        d.Udec(proto);
      }
      break;
  }
}

void Socketpair(D& d) {
  if (d.entering()) {
    d.Xval(d.u(0), kAddrFamilies, "AF_???");
    d.Sep();
    SockType(d, d.u32(1));
    d.Sep();
    d.Udec(d.u(2));
    d.Sep();
    return;
  }
  d.Array<int32_t>(d.u(3), 2, [&](int32_t fd) { d.FdValue(fd); });
}

void BindConnect(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  Sockaddr(d, d.u(1), d.i32(2));
  d.Sep();
  d.Dec(d.i32(2));
}

void Listen(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Dec(d.i32(1));
}

void Shutdown(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  d.Xval(d.u(1), kShutdownHow, "SHUT_???");
}

// ---------------------------------------------------------------------------
// accept, accept4, getsockname, getpeername (strace's decode_sockname).
// ---------------------------------------------------------------------------
// "[ulen => rlen]" or "[rlen]".
void ChangedLen(D& d, int32_t ulen, int32_t rlen) {
  d.out->push_back('[');
  if (ulen != rlen) {
    d.Dec(ulen);
    d.Put(" => ");
  }
  d.Dec(rlen);
  d.out->push_back(']');
}

// Returns true if everything was printed at entry.
bool SocknameEntry(D& d) {
  d.Fd(0);
  d.Sep();
  int32_t ulen;
  if (d.u(1) != 0 && d.u(2) != 0 && d.Peek(d.u(2), &ulen, sizeof(ulen))) {
    SaveForExit(d, ulen);
    return false;
  }
  ForgetSaved(d);
  d.Ptr(d.u(1));
  d.Sep();
  d.Ptr(d.u(2));
  return true;
}

// Returns false if nothing was to be printed at exit.
bool SocknameExit(D& d) {
  int64_t saved;
  if (!TakeSaved(d, &saved)) return false;
  const int32_t ulen = static_cast<int32_t>(saved);
  int32_t rlen;
  if (d.failed() ||
      d.dec->mem()->Read(d.c.tid, d.u(2), &rlen, sizeof(rlen)) != 4) {
    d.Ptr(d.u(1));
    d.Put(", [");
    d.Dec(ulen);
    d.out->push_back(']');
    return true;
  }
  Sockaddr(d, d.u(1), ulen > rlen ? rlen : ulen);
  d.Sep();
  ChangedLen(d, ulen, rlen);
  return true;
}

void Getsockname(D& d) {
  if (d.entering()) {
    SocknameEntry(d);
    return;
  }
  SocknameExit(d);
}

void Accept(D& d) {
  Getsockname(d);
  if (d.exiting) d.RetFd();
}

void Accept4(D& d) {
  if (d.entering()) {
    if (SocknameEntry(d)) {
      d.Sep();
      d.Flags(d.u32(3), kSockTypeFlags, "SOCK_???");
    }
    return;
  }
  d.RetFd();
  if (SocknameExit(d)) {
    d.Sep();
    d.Flags(d.u32(3), kSockTypeFlags, "SOCK_???");
  }
}

// ---------------------------------------------------------------------------
// sendto, recvfrom.
// ---------------------------------------------------------------------------
// The data of a socket call on fd arg 0: netlink messages on a netlink
// socket, else a string (strace's decode_sockbuf).
void SockBuf(D& d, uint64_t addr, uint64_t len) {
  const int proto = NetlinkProtocol(d, d.i32(0));
  if (proto >= 0) {
    NetlinkBuffer(d, proto, addr, len);
  } else {
    d.Buf(addr, len > INT64_MAX ? INT64_MAX : static_cast<int64_t>(len));
  }
}

void Sendto(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  SockBuf(d, d.u(1), d.u(2));
  d.Sep();
  d.Udec(d.u(2));
  d.Sep();
  d.Flags(d.u32(3), kMsgFlags, "MSG_???");
  d.Sep();
  Sockaddr(d, d.u(4), d.i32(5));
  d.Sep();
  d.Dec(d.i32(5));
}

void Recvfrom(D& d) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    int32_t ulen;
    if (d.u(4) != 0 && d.u(5) != 0 && d.Peek(d.u(5), &ulen, sizeof(ulen))) {
      SaveForExit(d, ulen);
    } else {
      ForgetSaved(d);
    }
    return;
  }
  int64_t saved;
  const bool have_ulen = TakeSaved(d, &saved);
  if (d.failed()) {
    d.Ptr(d.u(1));
  } else {
    const uint64_t n = static_cast<uint64_t>(d.ret) < d.u(2)
                           ? static_cast<uint64_t>(d.ret)
                           : d.u(2);
    SockBuf(d, d.u(1), n);
  }
  d.Sep();
  d.Udec(d.u(2));
  d.Sep();
  d.Flags(d.u32(3), kMsgFlags, "MSG_???");
  d.Sep();
  int32_t rlen;
  if (d.u(4) == 0 || d.u(5) == 0 || !d.verbose ||
      d.dec->mem()->Read(d.c.tid, d.u(5), &rlen, sizeof(rlen)) != 4) {
    d.Ptr(d.u(4));
    d.Sep();
    d.Ptr(d.u(5));
    return;
  }
  const int32_t ulen = have_ulen ? static_cast<int32_t>(saved) : rlen;
  if (d.failed()) {
    d.Ptr(d.u(4));
    d.Put(", [");
    d.Dec(ulen);
    d.out->push_back(']');
    return;
  }
  Sockaddr(d, d.u(4), ulen > rlen ? rlen : ulen);
  d.Sep();
  ChangedLen(d, ulen, rlen);
}

// ---------------------------------------------------------------------------
// sendmsg, recvmsg.
// ---------------------------------------------------------------------------
struct MsgHdr {
  uint64_t name;
  uint32_t namelen;
  uint32_t pad;
  uint64_t iov;
  uint64_t iovlen;
  uint64_t control;
  uint64_t controllen;
  int32_t flags;
  int32_t pad2;
};

// i386's struct msghdr: the same fields, 32-bit pointers and lengths.
struct MsgHdr32 {
  uint32_t name, namelen, iov, iovlen, control, controllen;
  int32_t flags;
};
static_assert(sizeof(MsgHdr32) == 28);

MsgHdr Widen(const MsgHdr32& m) {
  return MsgHdr{m.name,    m.namelen,    0,       m.iov, m.iovlen,
                m.control, m.controllen, m.flags, 0};
}

// The tracee's struct msghdr at addr, in its ABI's layout (as Peek).
bool PeekMsghdr(D& d, uint64_t addr, MsgHdr* m) {
  if (!d.i386) return d.Peek(addr, m, sizeof(*m));
  MsgHdr32 m32;
  if (!d.Peek(addr, &m32, sizeof(m32))) return false;
  *m = Widen(m32);
  return true;
}

// The kernel's limit on control data (net.core.optmem_max, rounded up to
// 8 bytes), as strace caps its reads.
uint64_t OptmemMax() {
  static const uint64_t value = [] {
    uint64_t v = 0;
    if (FILE* f = fopen("/proc/sys/net/core/optmem_max", "re")) {
      unsigned long long x;
      if (fscanf(f, "%llu", &x) == 1 && x > 0) v = (x + 7) & ~7ull;
      fclose(f);
    }
    return v != 0 ? v : 8 * (2 * 1024 + 512);
  }();
  return value;
}

void CmsgData(D& d, int level, int type, const uint8_t* data, size_t len) {
  if (level == 1) {  // SOL_SOCKET
    d.Xval(static_cast<uint32_t>(type), kScmTypes, "SCM_???");
    if (type == 1 && len >= 4) {  // SCM_RIGHTS
      // -P: strace matches the socket, not the fds it passes.
      d.Put(", cmsg_data=[");
      for (size_t i = 0; i + 4 <= len; i += 4) {
        if (i > 0) d.Sep();
        if (d.Elided(i / 4)) break;
        int32_t fd;
        memcpy(&fd, data + i, 4);
        d.FdInStruct(fd);
      }
      d.out->push_back(']');
    } else if (type == 2 && len >= 12) {  // SCM_CREDENTIALS
      int32_t cred[3];
      memcpy(cred, data, sizeof(cred));
      d.Put(", cmsg_data={pid=");
      d.PidValue(cred[0]);
      d.Put(", uid=");
      d.Udec(static_cast<uint32_t>(cred[1]));
      d.Put(", gid=");
      d.Udec(static_cast<uint32_t>(cred[2]));
      d.out->push_back('}');
    } else if (type == 3 && len >= 1) {  // SCM_SECURITY
      d.Put(", cmsg_data=\"");
      d.Escaped(reinterpret_cast<const char*>(data), len);
      d.out->push_back('"');
    } else if (type == SO_TIMESTAMP_OLD || type == SO_TIMESTAMPNS_OLD ||
               type == SO_TIMESTAMPING_OLD || type == SO_TIMESTAMP_NEW ||
               type == SO_TIMESTAMPNS_NEW || type == SO_TIMESTAMPING_NEW) {
      // SO_TIMESTAMP_OLD/_NEW (a timeval), SO_TIMESTAMPNS_OLD/_NEW (a
      // timespec), SO_TIMESTAMPING_OLD/_NEW (struct scm_timestamping:
      // three timespecs): longs for the _OLD ones (4 bytes on i386), else
      // 64 bits. Shorter than that: "???", as strace.
      const bool wide = type >= SO_TIMESTAMP_NEW || !d.i386;
      const bool usec = type == SO_TIMESTAMP_OLD || type == SO_TIMESTAMP_NEW;
      const size_t count =
          type == SO_TIMESTAMPING_OLD || type == SO_TIMESTAMPING_NEW ? 3 : 1;
      const size_t field = wide ? 8 : 4;
      if (len == 0) return;
      if (len < count * 2 * field) {
        d.Put(", cmsg_data=???");
        return;
      }
      d.Put(count > 1 ? ", cmsg_data=[" : ", cmsg_data=");
      for (size_t i = 0; i < count; ++i) {
        const uint8_t* at = data + i * 2 * field;
        int64_t sec, frac;
        if (wide) {
          memcpy(&sec, at, 8);
          memcpy(&frac, at + 8, 8);
        } else {
          int32_t v[2];
          memcpy(v, at, sizeof(v));
          sec = v[0];
          frac = v[1];
        }
        if (i > 0) d.Sep();
        d.Put("{tv_sec=");
        d.Dec(sec);
        if (usec) {
          d.Put(", tv_usec=");
          d.Dec(frac);
        } else {
          d.Put(", tv_nsec=");
          d.Udec(wide ? static_cast<uint64_t>(frac)
                      : uint64_t{static_cast<uint32_t>(frac)});
        }
        d.out->push_back('}');
      }
      if (count > 1) d.out->push_back(']');
    }
  } else if (level == 0) {  // SOL_IP
    d.Xval(static_cast<uint32_t>(type), kIpCmsgTypes, "IP_???");
    if (type == 8 && len >= 12) {  // IP_PKTINFO: a struct in_pktinfo
      uint32_t index;
      memcpy(&index, data, sizeof(index));
      d.Put(", cmsg_data={ipi_ifindex=");
      IfIndex(d, index);
      d.Sep();
      InetAddr(d, "ipi_spec_dst", AF_INET, data + 4);
      d.Sep();
      InetAddr(d, "ipi_addr", AF_INET, data + 8);
      d.out->push_back('}');
    } else if ((type == 1 || type == 6 || type == 7) && len >= 1) {
      // IP_TOS, IP_RECVOPTS, IP_RETOPTS: every byte of the data, in hex
      // (IP_TOS's too when longer than its one byte), as strace 6.1.
      d.Put(", cmsg_data=[");
      for (size_t i = 0; i < len; ++i) {
        if (i > 0) d.Sep();
        if (d.Elided(i)) break;
        d.Hex(data[i]);
      }
      d.out->push_back(']');
    } else if (type == 20 && len > 0) {  // IP_ORIGDSTADDR: a sockaddr
      uint8_t addr[129] = {};
      const size_t n = len > 128 ? 128 : len;
      memcpy(addr, data, n);
      d.Put(", cmsg_data=");
      PrintSockaddr(d, addr, static_cast<int>(n));
    } else if ((type == 2 || type == 23) && len >= 4) {  // IP_TTL, IP_CHECKSUM
      d.Put(", cmsg_data=[");
      for (size_t i = 0; i + 4 <= len; i += 4) {
        if (i > 0) d.Sep();
        if (d.Elided(i / 4)) break;
        uint32_t v;
        memcpy(&v, data + i, 4);
        d.Udec(v);
      }
      d.out->push_back(']');
    }
  } else {
    d.Hex(static_cast<uint32_t>(type));
  }
}

void MsgControl(D& d, uint64_t addr, uint64_t in_len) {
  if (in_len == 0) return;
  d.Put(", msg_control=");
  // struct cmsghdr: a size_t length, two ints; aligned to a size_t.
  const size_t kHdr = d.i386 ? 12 : 16;
  const uint64_t align = d.ptr_size() - 1;
  const uint64_t control_len = in_len > OptmemMax() ? OptmemMax() : in_len;
  std::string& buf = d.dec->scratch();
  if (control_len < kHdr) {
    d.Ptr(addr);
    return;
  }
  buf.resize(control_len);
  if (d.dec->mem()->Read(d.c.tid, addr, buf.data(), control_len) !=
      static_cast<ssize_t>(control_len)) {
    d.Ptr(addr);
    return;
  }
  const uint8_t* p = reinterpret_cast<const uint8_t*>(buf.data());
  uint64_t left = control_len;
  d.out->push_back('[');
  bool first = true;
  while (left >= kHdr) {
    uint64_t cmsg_len = 0;
    int32_t level, type;
    memcpy(&cmsg_len, p, d.ptr_size());
    memcpy(&level, p + kHdr - 8, 4);
    memcpy(&type, p + kHdr - 4, 4);
    if (!first) d.Sep();
    first = false;
    d.Put("{cmsg_len=");
    d.Udec(cmsg_len);
    d.Put(", cmsg_level=");
    d.Xval(static_cast<uint32_t>(level), kSocketLevels, "SOL_???");
    d.Put(", cmsg_type=");
    uint64_t len = cmsg_len > left ? left : cmsg_len;
    CmsgData(d, level, type, p + kHdr, len > kHdr ? len - kHdr : 0);
    d.out->push_back('}');
    if (len < kHdr) {
      left -= kHdr;
      break;
    }
    len = (cmsg_len + align) & ~align;
    if (len >= left) {
      left = 0;
      break;
    }
    p += len;
    left -= len;
  }
  if (left != 0) {
    d.Put(", ... /* ");
    d.Hex(addr + (control_len - left));
    d.Put(" */");
  } else if (control_len < in_len) {
    d.Put(", ...");
  }
  d.out->push_back(']');
}

// strace's print_struct_msghdr; user_namelen < 0: no user value known.
void PrintMsghdr(D& d, const MsgHdr& m, int64_t user_namelen,
                 uint64_t data_size) {
  const int namelen =
      user_namelen >= 0 && static_cast<int>(m.namelen) > user_namelen
          ? static_cast<int>(user_namelen)
          : static_cast<int>(m.namelen);
  // strace decodes the data as netlink messages when the name is a
  // netlink address (not by the socket), of the socket's protocol.
  int netlink_proto = -1;
  uint16_t family;
  if (m.name != 0 && namelen >= 2 &&
      d.dec->mem()->Read(d.c.tid, m.name, &family, 2) == 2 &&
      family == AF_NETLINK) {
    netlink_proto = NetlinkProtocol(d, d.i32(0));
    if (netlink_proto < 0) netlink_proto = kNetlinkUnknownProtocol;
  }
  d.Put("{msg_name=");
  Sockaddr(d, m.name, namelen);
  d.Put(", msg_namelen=");
  if (user_namelen >= 0 && user_namelen != m.namelen) {
    d.Dec(static_cast<int32_t>(user_namelen));
    d.Put(" => ");
  }
  d.Dec(static_cast<int32_t>(m.namelen));
  d.Put(", msg_iov=");
  Iovecs(d, m.iov, m.iovlen, data_size, false, netlink_proto);
  d.Put(", msg_iovlen=");
  d.Udec(m.iovlen);
  MsgControl(d, m.control, m.controllen);
  d.Put(", msg_controllen=");
  d.Udec(m.controllen);
  d.Put(", msg_flags=");
  d.Flags(static_cast<uint32_t>(m.flags), kMsgFlags, "MSG_???");
  d.out->push_back('}');
}

void Sendmsg(D& d) {
  if (d.exiting) return;
  d.Fd(0);
  d.Sep();
  MsgHdr m;
  if (PeekMsghdr(d, d.u(1), &m)) {
    PrintMsghdr(d, m, -1, ~0ull);
  } else {
    d.Ptr(d.u(1));
  }
  d.Sep();
  d.Flags(d.u32(2), kMsgFlags, "MSG_???");
}

void Recvmsg(D& d) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    MsgHdr m;
    if (PeekMsghdr(d, d.u(1), &m)) {
      SaveForExit(d, static_cast<int32_t>(m.namelen));
      return;
    }
    ForgetSaved(d);
    d.Ptr(d.u(1));
    d.Sep();
    d.Flags(d.u32(2), kMsgFlags, "MSG_???");
    return;
  }
  int64_t user_namelen;
  if (!TakeSaved(d, &user_namelen)) return;  // all printed at entry
  if (d.failed()) {
    d.Put("{msg_namelen=");
    d.Dec(static_cast<int32_t>(user_namelen));
    d.out->push_back('}');
  } else {
    MsgHdr m;
    if (PeekMsghdr(d, d.u(1), &m)) {
      PrintMsghdr(d, m, user_namelen, static_cast<uint64_t>(d.ret));
    } else {
      d.Ptr(d.u(1));
    }
  }
  d.Sep();
  d.Flags(d.u32(2), kMsgFlags, "MSG_???");
}

// ---------------------------------------------------------------------------
// sendmmsg, recvmmsg: vectors of struct mmsghdr (a msghdr and msg_len).
// ---------------------------------------------------------------------------
struct MMsgHdr {
  MsgHdr hdr;
  uint32_t len;
  uint32_t pad;
};
struct MMsgHdr32 {
  MsgHdr32 hdr;
  uint32_t len;
};

// "[{msg_hdr={...}, msg_len=5}, ...]": msg_len for the first `with_len`
// messages (those sent or received); each message's data up to its
// msg_len when `data_to_len`.
void MMsgVec(D& d, uint64_t addr, uint64_t n, uint64_t with_len,
             bool data_to_len, bool even_if_failed) {
  uint64_t i = 0;
  auto print = [&](const MsgHdr& hdr, uint32_t msg_len) {
    const bool len = i++ < with_len;
    d.Put("{msg_hdr=");
    PrintMsghdr(d, hdr, -1, data_to_len && len ? msg_len : ~0ull);
    if (len) {
      d.Put(", msg_len=");
      d.Udec(msg_len);
    }
    d.out->push_back('}');
  };
  if (d.i386) {
    d.Array<MMsgHdr32>(
        addr, n, [&](const MMsgHdr32& m) { print(Widen(m.hdr), m.len); },
        even_if_failed);
    return;
  }
  d.Array<MMsgHdr>(
      addr, n, [&](const MMsgHdr& m) { print(m.hdr, m.len); }, even_if_failed);
}

// sendmmsg(fd, msgvec, vlen, flags): everything at exit, the whole vector
// (msg_len of the messages sent).
void Sendmmsg(D& d) {
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    // Not decoding the messages (-e verbose=), strace prints every
    // argument at entry: the line splits after the flags.
    if (!d.verbose) {
      d.Ptr(d.u(1));
      d.Sep();
      d.Udec(d.u32(2));
      d.Sep();
      d.Flags(d.u32(3), kMsgFlags, "MSG_???");
    }
    return;
  }
  if (!d.verbose) return;
  const uint64_t with_len = d.failed() ? 0 : static_cast<uint64_t>(d.ret);
  MMsgVec(d, d.u(1), d.u32(2), with_len, false, true);
  d.Sep();
  d.Udec(d.u32(2));
  d.Sep();
  d.Flags(d.u32(3), kMsgFlags, "MSG_???");
}

// recvmmsg's timeout as it was at entry (the kernel updates it): one per
// thread, as SaveForExit.
struct SavedTimeout {
  pid_t tid;
  bool readable;
  int64_t sec, nsec;
};
SavedTimeout saved_timeouts[256];

// recvmmsg(fd, msgvec, vlen, flags, timeout): the messages received, the
// timeout given and, on success, " (left {...})" after the result
// (" (Timeout)" when nothing was received). `wide`: a 64-bit timespec
// (x86_64's, i386's recvmmsg_time64), else i386's 32-bit one.
void RecvmmsgTimed(D& d, bool wide) {
  SavedTimeout& t = saved_timeouts[static_cast<uint32_t>(d.c.tid) % 256];
  const uint64_t ts = d.u(4);
  if (d.entering()) {
    d.Fd(0);
    d.Sep();
    int64_t v[2] = {};
    int32_t v32[2] = {};
    t.tid = d.c.tid;
    t.readable = ts != 0 && (wide ? d.Peek(ts, v, sizeof(v))
                                  : d.Peek(ts, v32, sizeof(v32)));
    if (!wide) v[0] = v32[0], v[1] = v32[1];
    t.sec = t.readable ? v[0] : 0;
    t.nsec = t.readable ? v[1] : 0;
    // Not decoding the messages (-e verbose=), strace prints every
    // argument at entry (the timeout as an address).
    if (!d.verbose) {
      d.Ptr(d.u(1));
      d.Sep();
      d.Udec(d.u32(2));
      d.Sep();
      d.Flags(d.u32(3), kMsgFlags, "MSG_???");
      d.Sep();
      d.Ptr(ts);
    }
    return;
  }
  const bool have_entry = t.tid == d.c.tid;
  t.tid = 0;
  if (d.verbose) {  // else all printed at entry
    if (d.failed()) {
      d.Ptr(d.u(1));
    } else {
      MMsgVec(d, d.u(1), static_cast<uint64_t>(d.ret), ~0ull, true, false);
    }
    d.Sep();
    d.Udec(d.u32(2));
    d.Sep();
    d.Flags(d.u32(3), kMsgFlags, "MSG_???");
    d.Sep();
    if (have_entry && t.readable) {
      d.Put("{tv_sec=");
      d.Dec(t.sec);
      d.Put(", tv_nsec=");
      d.Dec(t.nsec);
      d.out->push_back('}');
    } else if (have_entry || ts == 0) {
      d.Ptr(ts);
    } else {
      Timespec(d, ts, wide);
    }
  }
  if (d.failed() || d.suffix == nullptr) return;
  if (d.ret == 0) {
    d.suffix->append(" (Timeout)");
    return;
  }
  if (ts == 0) return;
  d.suffix->append(" (left ");
  std::string* saved = d.out;
  d.out = d.suffix;
  Timespec(d, ts, wide);
  d.out = saved;
  d.suffix->push_back(')');
}

void Recvmmsg(D& d) { RecvmmsgTimed(d, !d.i386); }

// ---------------------------------------------------------------------------
// setsockopt, getsockopt.
// ---------------------------------------------------------------------------
// A SOL_IP or SOL_IPV6 option's name: from `common`, else from the table
// of getsockopt's (`get`) or setsockopt's own numbers.
template <size_t A, size_t B, size_t C>
void IpOptionName(D& d, uint32_t name, bool get, const XlatEntry (&common)[A],
                  const XlatEntry (&gets)[B], const XlatEntry (&sets)[C],
                  const char* unknown) {
  if (XlatName(name, common, A) == nullptr) {
    if (get && XlatName(name, gets, B) != nullptr) {
      d.Xval(name, gets, unknown);
      return;
    }
    if (!get && XlatName(name, sets, C) != nullptr) {
      d.Xval(name, sets, unknown);
      return;
    }
  }
  d.Xval(name, common, unknown);
}

// SOL_CAN_RAW's options (linux/can/raw.h) and AF_VSOCK's, whose level is
// the family (linux/vm_sockets.h: SO_VM_SOCKETS_*).
constexpr XlatEntry kCanRawOptions[] = {
    {1, "CAN_RAW_FILTER"},    {2, "CAN_RAW_ERR_FILTER"},
    {3, "CAN_RAW_LOOPBACK"},  {4, "CAN_RAW_RECV_OWN_MSGS"},
    {5, "CAN_RAW_FD_FRAMES"}, {6, "CAN_RAW_JOIN_FILTERS"},
};
constexpr XlatEntry kVsockOptions[] = {
    {0, "SO_VM_SOCKETS_BUFFER_SIZE"},
    {1, "SO_VM_SOCKETS_BUFFER_MIN_SIZE"},
    {2, "SO_VM_SOCKETS_BUFFER_MAX_SIZE"},
    {3, "SO_VM_SOCKETS_PEER_HOST_VM_ID"},
    {5, "SO_VM_SOCKETS_TRUSTED"},
    {6, "SO_VM_SOCKETS_CONNECT_TIMEOUT_OLD"},
    {7, "SO_VM_SOCKETS_NONBLOCK_TXRX"},
    {8, "SO_VM_SOCKETS_CONNECT_TIMEOUT_NEW"},
};

void SockoptLevelName(D& d, bool get) {
  d.Fd(0);
  d.Sep();
  const uint32_t level = d.u32(1), name = d.u32(2);
  d.Xval(level, kSocketLevels, "SOL_??");
  d.Sep();
  switch (level) {
    case 1:              // SOL_SOCKET
      if (name == 26) {  // SO_ATTACH_FILTER is SO_GET_FILTER when read
        static constexpr XlatEntry kGetFilter[] = {{26, "SO_GET_FILTER"}};
        static constexpr XlatEntry kAttachFilter[] = {{26, "SO_ATTACH_FILTER"}};
        if (get) {
          d.Xval(name, kGetFilter, "SO_???");
        } else {
          d.Xval(name, kAttachFilter, "SO_???");
        }
      } else {
        d.Xval(name, kSoOptions, "SO_???");
      }
      break;
    case 0:  // SOL_IP
      IpOptionName(d, name, get, kIpOptions, kIpGetOptions, kIpSetOptions,
                   "IP_???");
      break;
    case 41:  // SOL_IPV6
      IpOptionName(d, name, get, kIpv6Options, kIpv6GetOptions, kIpv6SetOptions,
                   "IPV6_???");
      break;
    case 6:  // SOL_TCP
      d.Xval(name, kTcpOptions, "TCP_???");
      break;
    case 17:  // SOL_UDP
      d.Xval(name, kUdpOptions, "UDP_???");
      break;
    case 270:  // SOL_NETLINK
      d.Xval(name, kNetlinkOptions, "NETLINK_???");
      break;
    case 132:  // SOL_SCTP
      d.Xval(name, kSctpOptions, "SCTP_???");
      break;
    case 255:  // SOL_RAW
      d.Xval(name, kRawOptions, "RAW_???");
      break;
    case 256:  // SOL_IPX
      d.Xval(name, kIpxOptions, "IPX_???");
      break;
    case 257:  // SOL_AX25
      d.Xval(name, kAx25Options, "AX25_???");
      break;
    case 263:  // SOL_PACKET
      d.Xval(name, kPacketOptions, "PACKET_???");
      break;
    case 266:  // SOL_IRDA
      d.Xval(name, kIrdaOptions, "IRLMP_???");
      break;
    case 268:  // SOL_LLC
      d.Xval(name, kLlcOptions, "LLC_OPT_???");
      break;
    case 269:  // SOL_DCCP
      d.Xval(name, kDccpOptions, "DCCP_SOCKOPT_???");
      break;
    case 271:  // SOL_TIPC
      d.Xval(name, kTipcOptions, "TIPC_???");
      break;
    case 272:  // SOL_RXRPC
      d.Xval(name, kRxrpcOptions, "RXRPC_???");
      break;
    case 273:  // SOL_PPPOL2TP
      d.Xval(name, kPppol2tpOptions, "PPPOL2TP_SO_???");
      break;
    case 274:  // SOL_BLUETOOTH
      d.Xval(name, kBluetoothOptions, "BT_???");
      break;
    case 275:  // SOL_PNPIPE
      d.Xval(name, kPnpipeOptions, "PNPIPE_???");
      break;
    case 276:  // SOL_RDS
      d.Xval(name, kRdsOptions, "RDS_???");
      break;
    case 277:  // SOL_IUCV
      d.Xval(name, kIucvOptions, "SO_???");
      break;
    case 278:  // SOL_CAIF
      d.Xval(name, kCaifOptions, "CAIFSO_???");
      break;
    case 279:  // SOL_ALG
      d.Xval(name, kAlgOptions, "ALG_???");
      break;
    case 280:  // SOL_NFC
      d.Xval(name, kNfcOptions, "NFC_LLCP_???");
      break;
    case 281:  // SOL_KCM
      d.Xval(name, kKcmOptions, "KCM_???");
      break;
    case 282:  // SOL_TLS
      d.Xval(name, kTlsOptions, "TLS_???");
      break;
    case 283:  // SOL_XDP
      d.Xval(name, kXdpOptions, "XDP_???");
      break;
    case 101:  // SOL_CAN_RAW
      d.Xval(name, kCanRawOptions, "CAN_RAW_???");
      break;
    case 40:  // AF_VSOCK
      d.Xval(name, kVsockOptions, "SO_VM_???");
      break;
    default:
      d.Udec(name);
      break;
  }
}

// "[1]" from an int, or the address.
void IntAt(D& d, uint64_t addr) {
  int32_t v;
  if (!d.FetchOut(addr, &v, sizeof(v))) return;
  d.out->push_back('[');
  d.Dec(v);
  d.out->push_back(']');
}

void Linger(D& d, uint64_t addr) {
  int32_t l[2];
  if (!d.FetchOut(addr, l, sizeof(l))) return;
  d.Put("{l_onoff=");
  d.Dec(l[0]);
  d.Put(", l_linger=");
  d.Dec(l[1]);
  d.out->push_back('}');
}

// A struct of 32-bit fields (struct linger, struct ucred) of which the
// kernel wrote `len` bytes, as strace prints getsockopt's: the fields it
// holds whole, then the bytes of a cut one in hex, "{l_onoff=1,
// l_linger="\x05"}", "{pid="\x79"}". Field i is `names[i]`, printed as
// `kinds[i]` says.
enum class IntKind : uint8_t { kSigned, kUnsigned, kPid };
void PartialIntStruct(D& d, uint64_t addr, int32_t len,
                      std::span<const char* const> names,
                      std::span<const IntKind> kinds) {
  uint8_t buf[16];
  const size_t n = std::min<size_t>(static_cast<size_t>(len),
                                    std::min(names.size() * 4, sizeof(buf)));
  if (!d.FetchOut(addr, buf, n)) return;
  d.out->push_back('{');
  for (size_t i = 0; i * 4 < n; ++i) {
    if (i > 0) d.Put(", ");
    d.Put(names[i]);
    d.out->push_back('=');
    if (i * 4 + 4 <= n) {
      int32_t v;
      memcpy(&v, buf + i * 4, sizeof(v));
      switch (kinds[i]) {
        case IntKind::kSigned:
          d.Dec(v);
          break;
        case IntKind::kUnsigned:
          d.Udec(static_cast<uint32_t>(v));
          break;
        case IntKind::kPid:
          d.PidValue(v);
          break;
      }
      continue;
    }
    AppendQuotedHex(d.out, buf + i * 4, n - i * 4);
  }
  d.out->push_back('}');
}

// The SOL_SOCKET options whose value strace 6.1's setsockopt shows as an
// int (SO_DEBUG, SO_SNDBUF, SO_MARK, ...; not SO_LINGER or the filters,
// decoded on their own, nor those it shows as bytes: SO_BINDTODEVICE,
// SO_RCVTIMEO, SO_ATTACH_BPF, ...).
bool IsSocketIntOption(uint32_t name) {
  static constexpr uint8_t kInts[] = {
      1,  2,  5,  6,  7,  8,  9,  10, 11, 12, 14, 15, 16, 18, 19,
      27, 29, 30, 32, 33, 34, 35, 36, 37, 40, 41, 42, 43, 44, 45,
      46, 49, 53, 56, 60, 63, 64, 65, 68, 69, 70, 73, 74, 75};
  return std::find(std::begin(kInts), std::end(kInts), name) != std::end(kInts);
}

// A struct group_req (MCAST_JOIN_GROUP, MCAST_LEAVE_GROUP): the interface
// and the group's sockaddr_storage (after 4 bytes of padding on x86_64);
// the address when `len` is shorter.
void GroupReq(D& d, uint64_t addr, int32_t len) {
  const size_t group_at = d.i386 ? 4 : 8;
  uint8_t req[8 + 128 + 1] = {};
  if (len < static_cast<int32_t>(group_at + 128)) {
    d.Ptr(addr);
    return;
  }
  if (!d.FetchOut(addr, req, group_at + 128)) return;
  uint32_t index;
  memcpy(&index, req, sizeof(index));
  d.Put("{gr_interface=");
  IfIndex(d, index);
  d.Put(", gr_group=");
  PrintSockaddr(d, req + group_at, 128);
  d.out->push_back('}');
}

// SOL_RAW's option ICMP_FILTER (<linux/icmp.h>, which clashes with
// <net/if.h>).
constexpr uint32_t kIcmpFilter = 1;

// SOL_RAW's ICMP_FILTER, a struct icmp_filter: the ICMP types whose bit
// is set, "~[...]" listing the clear ones when more than half are set. Of
// fewer than 4 bytes, those there (strace reads them over whatever its
// variable held; zeros here).
void IcmpFilter(D& d, uint64_t addr, int32_t len) {
  static constexpr XlatEntry kIcmpTypes[] = {
      {ICMP_ECHOREPLY, "ICMP_ECHOREPLY"},
      {ICMP_DEST_UNREACH, "ICMP_DEST_UNREACH"},
      {ICMP_SOURCE_QUENCH, "ICMP_SOURCE_QUENCH"},
      {ICMP_REDIRECT, "ICMP_REDIRECT"},
      {ICMP_ECHO, "ICMP_ECHO"},
      {ICMP_TIME_EXCEEDED, "ICMP_TIME_EXCEEDED"},
      {ICMP_PARAMETERPROB, "ICMP_PARAMETERPROB"},
      {ICMP_TIMESTAMP, "ICMP_TIMESTAMP"},
      {ICMP_TIMESTAMPREPLY, "ICMP_TIMESTAMPREPLY"},
      {ICMP_INFO_REQUEST, "ICMP_INFO_REQUEST"},
      {ICMP_INFO_REPLY, "ICMP_INFO_REPLY"},
      {ICMP_ADDRESS, "ICMP_ADDRESS"},
      {ICMP_ADDRESSREPLY, "ICMP_ADDRESSREPLY"},
  };
  uint32_t bits = 0;
  const size_t n = std::min<size_t>(static_cast<size_t>(len), sizeof(bits));
  if (!d.FetchOut(addr, &bits, n)) return;
  if (__builtin_popcount(bits) > 16) {
    d.out->push_back('~');
    bits = ~bits;
  }
  d.out->push_back('[');
  for (uint32_t type = 0, first = 1; type < 32; ++type) {
    if (!(bits & (1u << type))) continue;
    if (!first) d.out->push_back(' ');
    first = 0;
    d.Xval(type, kIcmpTypes, "ICMP_???");
  }
  d.out->push_back(']');
}

// SOL_PACKET's PACKET_ADD_MEMBERSHIP/PACKET_DROP_MEMBERSHIP (a struct
// packet_mreq: mr_alen bytes of the address, at most its 8) and
// PACKET_RX_RING/PACKET_TX_RING (a struct tpacket_req), of exactly their
// size, as strace 6.1 decodes them; the address otherwise. False for the
// other options.
bool PacketSockopt(D& d, uint32_t name, uint64_t addr, int32_t len) {
  if (name == PACKET_ADD_MEMBERSHIP || name == PACKET_DROP_MEMBERSHIP) {
    packet_mreq mreq;
    if (len != static_cast<int32_t>(sizeof(mreq))) {
      d.Ptr(addr);
      return true;
    }
    if (!d.FetchOut(addr, &mreq, sizeof(mreq))) return true;
    static constexpr XlatEntry kMrTypes[] = {
        {PACKET_MR_MULTICAST, "PACKET_MR_MULTICAST"},
        {PACKET_MR_PROMISC, "PACKET_MR_PROMISC"},
        {PACKET_MR_ALLMULTI, "PACKET_MR_ALLMULTI"},
        {PACKET_MR_UNICAST, "PACKET_MR_UNICAST"},
    };
    d.Put("{mr_ifindex=");
    IfIndex(d, static_cast<uint32_t>(mreq.mr_ifindex));
    d.Put(", mr_type=");
    d.Xval(mreq.mr_type, kMrTypes, "PACKET_MR_???");
    d.Put(", mr_alen=");
    d.Udec(mreq.mr_alen);
    // -X: the bytes in hex as a string (and, verbose, this in a comment;
    // none for no bytes).
    d.Put(", mr_address=");
    const size_t n = std::min<size_t>(mreq.mr_alen, sizeof(mreq.mr_address));
    if (n == 0 && CurrentXlatStyle() != XlatStyle::kAbbrev) {
      d.Put("\"\"");
    } else {
      const size_t mark = d.out->size();
      AppendHwAddr(d.out, mreq.mr_address, n);
      RestyleConst(d.out, mark, RawConst::Bytes(mreq.mr_address, n));
    }
    d.out->push_back('}');
    return true;
  }
  if (name == PACKET_RX_RING || name == PACKET_TX_RING) {
    tpacket_req req;
    if (len != static_cast<int32_t>(sizeof(req))) {
      d.Ptr(addr);
      return true;
    }
    if (!d.FetchOut(addr, &req, sizeof(req))) return true;
    d.Put("{tp_block_size=");
    d.Udec(req.tp_block_size);
    d.Put(", tp_block_nr=");
    d.Udec(req.tp_block_nr);
    d.Put(", tp_frame_size=");
    d.Udec(req.tp_frame_size);
    d.Put(", tp_frame_nr=");
    d.Udec(req.tp_frame_nr);
    d.out->push_back('}');
    return true;
  }
  return false;
}

void Setsockopt(D& d) {
  if (d.exiting) return;
  SockoptLevelName(d, false);
  d.Sep();
  const uint32_t level = d.u32(1), name = d.u32(2);
  const uint64_t addr = d.u(3);
  const int32_t len = d.i32(4);
  bool done = false;
  if (addr != 0) {
    if (level == 1 && name == 13) {  // SO_LINGER
      if (len < 8) {
        d.Ptr(addr);
      } else {
        Linger(d, addr);
      }
      done = true;
    } else if (level == 1 && (name == 26 || name == 51)) {
      // SO_ATTACH_FILTER, SO_ATTACH_REUSEPORT_CBPF: a struct sock_fprog.
      if (len != (d.i386 ? 8 : 16)) {
        d.Ptr(addr);
      } else {
        SocketFilterFprog(d, addr);
      }
      done = true;
    } else if (level == SOL_RAW && name == kIcmpFilter) {
      if (len < 1) {
        d.Ptr(addr);
      } else {
        IcmpFilter(d, addr, len);
      }
      done = true;
    } else if (level == SOL_PACKET && PacketSockopt(d, name, addr, len)) {
      done = true;
    } else if (level == 270 || (level == 1 && IsSocketIntOption(name))) {
      // SOL_NETLINK, the SOL_SOCKET options strace reads as an int: the
      // int (whatever follows it), the address when shorter.
      if (len < 4) {
        d.Ptr(addr);
      } else {
        IntAt(d, addr);
      }
      done = true;
    } else if ((level == 0 || level == 41) && (name == 42 || name == 45)) {
      // MCAST_JOIN_GROUP, MCAST_LEAVE_GROUP: a struct group_req.
      GroupReq(d, addr, len);
      done = true;
    } else if (level == 0 && (name == 35 || name == 36)) {
      // IP_ADD_MEMBERSHIP, IP_DROP_MEMBERSHIP: a struct ip_mreq.
      uint8_t mreq[8];
      if (len < static_cast<int32_t>(sizeof(mreq))) {
        d.Ptr(addr);
      } else if (d.FetchOut(addr, mreq, sizeof(mreq))) {
        d.out->push_back('{');
        InetAddr(d, "imr_multiaddr", AF_INET, mreq);
        d.Sep();
        InetAddr(d, "imr_interface", AF_INET, mreq + 4);
        d.out->push_back('}');
      }
      done = true;
    } else if (level == 41 &&
               (name == 20 || name == 21 || name == 27 || name == 28)) {
      // IPV6_ADD/DROP_MEMBERSHIP, IPV6_JOIN/LEAVE_ANYCAST: an ipv6_mreq.
      uint8_t mreq[20];
      if (len < static_cast<int32_t>(sizeof(mreq))) {
        d.Ptr(addr);
      } else if (d.FetchOut(addr, mreq, sizeof(mreq))) {
        d.out->push_back('{');
        InetAddr(d, "ipv6mr_multiaddr", AF_INET6, mreq);
        d.Put(", ipv6mr_interface=");
        uint32_t index;
        memcpy(&index, mreq + 16, sizeof(index));
        IfIndex(d, index);
        d.out->push_back('}');
      }
      done = true;
    }
  }
  if (!done) {
    if (len == 4) {
      IntAt(d, addr);
    } else if (!d.verbose) {  // strace shows no bytes then (verbose=none)
      d.Ptr(addr);
    } else {
      d.Buf(addr, len);
    }
  }
  d.Sep();
  d.Dec(len);
}

void Getsockopt(D& d) {
  if (d.entering()) {
    SockoptLevelName(d, true);
    d.Sep();
    int32_t ulen;
    if (d.u(4) != 0 && d.Peek(d.u(4), &ulen, sizeof(ulen))) {
      SaveForExit(d, ulen);
      return;
    }
    ForgetSaved(d);
    d.Ptr(d.u(3));
    d.Sep();
    d.Ptr(d.u(4));
    return;
  }
  int64_t saved;
  if (!TakeSaved(d, &saved)) return;  // all printed at entry
  const int32_t ulen = static_cast<int32_t>(saved);
  const uint32_t level = d.u32(1), name = d.u32(2);
  const uint64_t addr = d.u(3);
  int32_t rlen;
  if (d.failed() ||
      d.dec->mem()->Read(d.c.tid, d.u(4), &rlen, sizeof(rlen)) != 4) {
    d.Ptr(addr);
    d.Put(", [");
    d.Dec(ulen);
    d.out->push_back(']');
    return;
  }
  bool done = false;
  if (ulen <= 0 || rlen <= 0) {
    d.Ptr(addr);
    done = true;
  } else if (addr != 0 && level == 1) {
    if (name == 13) {  // SO_LINGER
      static constexpr const char* kNames[] = {"l_onoff", "l_linger"};
      static constexpr IntKind kKinds[] = {IntKind::kSigned, IntKind::kSigned};
      PartialIntStruct(d, addr, rlen, kNames, kKinds);
      done = true;
    } else if (name == 17) {  // SO_PEERCRED
      static constexpr const char* kNames[] = {"pid", "uid", "gid"};
      static constexpr IntKind kKinds[] = {IntKind::kPid, IntKind::kUnsigned,
                                           IntKind::kUnsigned};
      PartialIntStruct(d, addr, rlen, kNames, kKinds);
      done = true;
    } else if (name == 4 && rlen < 4) {  // SO_ERROR cut short: its bytes
      d.BufHex(addr, rlen);
      done = true;
    } else if (name == 4) {  // SO_ERROR
      uint32_t err;
      if (d.FetchOut(addr, &err, sizeof(err))) {
        d.out->push_back('[');
        const char* errname = err != 0 ? strerrorname_np(err) : nullptr;
        if (errname != nullptr) {
          d.Put(errname);
        } else {
          d.Udec(err);
        }
        d.out->push_back(']');
      }
      done = true;
    }
  } else if (addr != 0 && level == SOL_NETLINK &&
             name == NETLINK_LIST_MEMBERSHIPS) {
    // The groups' bit masks, as many whole ones as both lengths hold.
    const int32_t n = std::min(ulen, rlen) / 4;
    d.out->push_back('[');
    for (int32_t i = 0; i < n; ++i) {
      if (i > 0) d.Sep();
      if (d.Elided(i)) break;
      uint32_t mask;
      if (d.dec->mem()->Read(d.c.tid, addr + 4 * i, &mask, 4) != 4) {
        d.Put("...");
        break;
      }
      d.Udec(mask);
    }
    d.out->push_back(']');
    done = true;
  } else if (addr != 0 && level == SOL_NETLINK) {
    IntAt(d, addr);
    done = true;
  } else if (addr != 0 && level == SOL_RAW && name == kIcmpFilter) {
    IcmpFilter(d, addr, rlen);
    done = true;
  } else if (addr != 0 && level == SOL_PACKET && name == PACKET_STATISTICS) {
    // struct tpacket_stats, or tpacket_stats_v3 (TPACKET_V3 sockets).
    static constexpr const char* kNames[] = {"tp_packets", "tp_drops",
                                             "tp_freeze_q_cnt"};
    static constexpr IntKind kKinds[] = {IntKind::kUnsigned, IntKind::kUnsigned,
                                         IntKind::kUnsigned};
    PartialIntStruct(d, addr, rlen, kNames, kKinds);
    done = true;
  }
  if (!done) {
    if (rlen == 4) {
      IntAt(d, addr);
    } else {
      d.Buf(addr, rlen);
    }
  }
  d.Sep();
  ChangedLen(d, ulen, rlen);
}

constexpr Registration kDecoders[] = {
    {"socket", Socket, 0},           {"socketpair", Socketpair, 0},
    {"bind", BindConnect, 0},        {"connect", BindConnect, 0},
    {"listen", Listen, 0},           {"shutdown", Shutdown, 0},
    {"accept", Accept, 0},           {"accept4", Accept4, 0},
    {"getsockname", Getsockname, 0}, {"getpeername", Getsockname, 0},
    {"sendto", Sendto, 0},           {"recvfrom", Recvfrom, 0},
    {"sendmsg", Sendmsg, 0},         {"recvmsg", Recvmsg, 0},
    {"sendmmsg", Sendmmsg, 0},       {"recvmmsg", Recvmmsg, 0},
    {"setsockopt", Setsockopt, 0},   {"getsockopt", Getsockopt, 0},
};

}  // namespace

void Sockaddr(D& d, uint64_t addr, int addrlen) {
  if (addrlen < 2) {
    d.Ptr(addr);
    return;
  }
  // sockaddr_storage plus one zero byte after what was read.
  uint8_t buf[129] = {};
  const size_t len = static_cast<size_t>(addrlen) > 128 ? 128 : addrlen;
  if (!d.FetchOut(addr, buf, len)) return;
  PrintSockaddr(d, buf, static_cast<int>(len));
}

void SocketData(D& d, uint64_t addr, uint64_t len) { SockBuf(d, addr, len); }
void RecvmmsgTime64(D& d) { RecvmmsgTimed(d, true); }

std::span<const Registration> NetDecoders() { return kDecoders; }

}  // namespace decode
}  // namespace ttrace
