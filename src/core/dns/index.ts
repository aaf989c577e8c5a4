// Name resolution for the lab: the stub resolver, single DNS queries, and the registry of DNS servers.
// Importing this module also starts the lab's own servers (LAN router, public resolvers, systemd-resolved).
import './services';

export { resolve, reverseLookup, etcFile, type Resolution, type ResolveWhere, type ResolveError } from './resolver';
export { queryDns, type QueryResult } from './query';
export { registerDnsService, dnsInfo } from './registry';
export { RESOLVED_SERVICE } from './services';
export type { DnsAnswer, DnsQuestion, DnsRecord, DnsService, DnsQueryContext, DnsType } from './types';
export { ptrName, ptrAddress, nxdomain } from './types';
export { internetLookup, internetName, internetHostAt } from './internet';
export { fileOf, parseResolvConf, lookupHostsFile, hostsFileNames } from './files';
