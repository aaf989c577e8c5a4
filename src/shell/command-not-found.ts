// Ubuntu's command-not-found handler (bash.bashrc's command_not_found_handle in an interactive shell): a missing
// command that a package provides gets the install hint instead of bash's bare "command not found".
const PACKAGES: Record<string, string> = {
  arp: 'net-tools',
  ifconfig: 'net-tools',
  netstat: 'net-tools',
  route: 'net-tools',
  conntrack: 'conntrack',
  nmap: 'nmap',
  tshark: 'tshark',
  iperf3: 'iperf3',
  jq: 'jq',
  ipvsadm: 'ipvsadm',
  arping: 'iputils-arping',
  socat: 'socat',
  ngrep: 'ngrep',
  'redis-cli': 'redis-tools',
};

/** The handler's text for `name`, or null when no package is known for it (bash's own message then applies). */
export function installHint(name: string, user: string): string | null {
  const pkg = PACKAGES[name];
  if (!pkg) return null;
  return `Command '${name}' not found, but can be installed with:\n${user === 'root' ? '' : 'sudo '}apt install ${pkg}\n`;
}
