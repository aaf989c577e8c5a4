// The daemon's validateEndpointSettings (v25+): what a container's settings for one network may ask — a static
// address only on a user-defined network with a subnet the user configured, and inside it — shared by container
// create (`invalid config for network X: ...`) and network connect (the bare message).
import { parseIpv4 } from '../net/ipv4';
import { cidrContains, parseCidr } from '../net/cidr';
import type { EndpointRequest, Network } from './types';

const PREDEFINED_MODES = ['bridge', 'host', 'none', 'default'];

/** `invalid endpoint settings:\n...` for `req` on the network named `netName` (`n` when it exists), or null. */
export function endpointSettingsError(netName: string, n: Network | undefined, req: EndpointRequest): string | null {
  if (!req.ipv4Address) return null;
  const invalid = (why: string) => `invalid endpoint settings:\n${why}`;
  if (parseIpv4(req.ipv4Address) === null || req.ipv4Address === '0.0.0.0') return invalid(`invalid IPv4 address: ${req.ipv4Address}`);
  if (PREDEFINED_MODES.includes(netName) || n?.predefined) return invalid('user specified IP address is supported on user defined networks only');
  // validateIPAMConfigIsInRange: only a subnet the user configured may take a chosen address, and it must hold it
  // (IpamConf.Contains: the subnet, whatever its --ip-range). A network that does not exist yet fails later.
  if (!n || !['bridge', 'macvlan', 'ipvlan'].includes(n.driver)) return null;
  const configured = (n.ipam.config ?? []).filter((c) => !c.subnetAuto);
  if (!configured.length) return invalid('user specified IP address is supported only when connecting to networks with user configured subnets');
  const ip = parseIpv4(req.ipv4Address)!;
  if (!configured.some((c) => cidrContains(parseCidr(c.subnet)!, ip))) return invalid(`no configured subnet or ip-range contain the IP address ${req.ipv4Address}`);
  return null;
}
