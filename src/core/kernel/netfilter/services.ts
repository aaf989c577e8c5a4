// /etc/services as netbase ships it on Ubuntu 24.04 (the entries the lab's tools look up): name <-> port.

const SERVICES: [string, number][] = [
  ['ftp', 21],
  ['ssh', 22],
  ['telnet', 23],
  ['smtp', 25],
  ['domain', 53],
  ['bootps', 67],
  ['bootpc', 68],
  ['http', 80],
  ['kerberos', 88],
  ['pop3', 110],
  ['ntp', 123],
  ['imap2', 143],
  ['snmp', 161],
  ['ldap', 389],
  ['https', 443],
  ['submission', 587],
  ['imaps', 993],
  ['pop3s', 995],
  ['mysql', 3306],
  ['vxlan', 4789],
  ['postgresql', 5432],
  ['http-alt', 8080],
];

const byName = new Map(SERVICES);
const byPort = new Map(SERVICES.map(([n, p]) => [p, n]));

/** getservbyname: the port of a service name, or undefined. */
export function serviceToPort(name: string): number | undefined {
  return byName.get(name);
}

/** getservbyport: the service name of a port, or undefined. */
export function portToService(port: number): string | undefined {
  return byPort.get(port);
}
