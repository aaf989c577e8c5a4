// nc's help and usage texts: BusyBox 1.37 nc_bloaty (NC_110_COMPAT, as Alpine and the busybox image build it) and
// OpenBSD netcat 1.226 with Debian's patches (Ubuntu 24.04's netcat-openbsd 1.226-1ubuntu2).

export const BUSYBOX_NC_USAGE = `BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.

Usage: nc [OPTIONS] HOST PORT  - connect
nc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen

\t-e PROG\tRun PROG after connect (must be last)
\t-l\tListen mode, for inbound connects
\t-lk\tWith -e, provides persistent server
\t-p PORT\tLocal port
\t-s ADDR\tLocal address
\t-w SEC\tTimeout for connects and final net reads
\t-i SEC\tDelay interval for lines sent
\t-n\tDon't do DNS resolution
\t-u\tUDP mode
\t-b\tAllow broadcasts
\t-v\tVerbose
\t-o FILE\tHex dump traffic
\t-z\tZero-I/O mode (scanning)
`;

export const OPENBSD_NC_USAGE = `usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
\t  [destination] [port]
`;

export const OPENBSD_NC_HELP = `OpenBSD netcat (Debian patchlevel 1.226-1ubuntu2)
${OPENBSD_NC_USAGE}\tCommand Summary:
\t\t-4\t\tUse IPv4
\t\t-6\t\tUse IPv6
\t\t-b\t\tAllow broadcast
\t\t-C\t\tSend CRLF as line-ending
\t\t-D\t\tEnable the debug socket option
\t\t-d\t\tDetach from stdin
\t\t-F\t\tPass socket fd
\t\t-h\t\tThis help text
\t\t-I length\tTCP receive buffer length
\t\t-i interval\tDelay interval for lines sent, ports scanned
\t\t-k\t\tKeep inbound sockets open for multiple connects
\t\t-l\t\tListen mode, for inbound connects
\t\t-M ttl\t\tOutgoing TTL / Hop Limit
\t\t-m minttl\tMinimum incoming TTL / Hop Limit
\t\t-N\t\tShutdown the network socket after EOF on stdin
\t\t-n\t\tSuppress name/port resolutions
\t\t-O length\tTCP send buffer length
\t\t-P proxyuser\tUsername for proxy authentication
\t\t-p port\t\tSpecify local port for remote connects
\t\t-q secs\t\tquit after EOF on stdin and delay of secs
\t\t-r\t\tRandomize remote ports
\t\t-S\t\tEnable the TCP MD5 signature option
\t\t-s sourceaddr\tLocal source address
\t\t-T keyword\tTOS value
\t\t-t\t\tAnswer TELNET negotiation
\t\t-U\t\tUse UNIX domain socket
\t\t-u\t\tUDP mode
\t\t-V rtable\tSpecify alternate routing table
\t\t-v\t\tVerbose
\t\t-W recvlimit\tTerminate after receiving a number of packets
\t\t-w timeout\tTimeout for connects and final net reads
\t\t-X proto\tProxy protocol: "4", "5" (SOCKS) or "connect"
\t\t-x addr[:port]\tSpecify proxy address and port
\t\t-Z\t\tDCCP mode
\t\t-z\t\tZero-I/O mode [used for scanning]
\tPort numbers can be individual or ranges: lo-hi [inclusive]
`;

/** strerror for the errnos a connect() can end with: glibc (Ubuntu, Debian images) and musl (Alpine's BusyBox). */
export function strerror(errno: string, libc: 'glibc' | 'musl'): string {
  const glibc: Record<string, string> = {
    ECONNREFUSED: 'Connection refused', ETIMEDOUT: 'Connection timed out', EHOSTUNREACH: 'No route to host',
    ENETUNREACH: 'Network is unreachable', EPERM: 'Operation not permitted', EACCES: 'Permission denied',
    EINVAL: 'Invalid argument', EADDRINUSE: 'Address already in use', EINPROGRESS: 'Operation now in progress',
  };
  const musl: Record<string, string> = {
    ECONNREFUSED: 'Connection refused', ETIMEDOUT: 'Operation timed out', EHOSTUNREACH: 'Host is unreachable',
    ENETUNREACH: 'Network unreachable', EPERM: 'Operation not permitted', EACCES: 'Permission denied',
    EINVAL: 'Invalid argument', EADDRINUSE: 'Address in use', EINPROGRESS: 'Operation in progress',
  };
  return (libc === 'glibc' ? glibc : musl)[errno] ?? errno;
}
