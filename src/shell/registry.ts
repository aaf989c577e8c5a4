// The explicit, typed list of programs on the lab's PATH. Add a program by importing it here.
import type { Flavor, Program } from './types';
import { echo } from './commands/builtins/echo';
import { cd, clear, exit, exportVar, falseCmd, history, pwd, trueCmd, whoami } from './commands/builtins/session';
import { sudo } from './commands/builtins/sudo';
import { ash, bash, sh } from './commands/builtins/shell';
import { fg, jobs, kill, wait } from './commands/builtins/jobs';
import { command, type as typeCmd, which } from './commands/builtins/which';
import { bracket, breakCmd, colon, continueCmd, test } from './commands/builtins/control';
import { seq } from './commands/text/seq';
import { help } from './commands/builtins/help';
import { cat } from './commands/text/cat';
import './commands/files/os-release';
import './commands/files/sysfs-net';
import { grep } from './commands/text/grep';
import { head, tail } from './commands/text/head';
import { sort } from './commands/text/sort';
import { wc } from './commands/text/wc';
import { cut } from './commands/text/cut';
import { awk } from './commands/awk';
import { sed } from './commands/text/sed';
import { xargs } from './commands/text/xargs';
import { trProgram, uniqProgram } from './commands/text/tr-uniq';
import { printf } from './commands/builtins/printf';
import { envProgram, printenvProgram } from './commands/builtins/env';
import { dateProgram, idProgram, unameProgram } from './commands/builtins/sysinfo';
import { ls } from './commands/files/ls';
import { mkdir } from './commands/files/mkdir';
import { ln } from './commands/files/ln';
import { rm } from './commands/files/rm';
import { sleep } from './commands/files/sleep';
import { tee } from './commands/files/tee';
import { touch } from './commands/files/touch';
import { docker } from './commands/docker';
import { dockerDetachKeys } from './commands/docker/detach-keys';
import { ip } from './commands/ip';
import { sysctl } from './commands/sysctl';
import { ping } from './commands/ping';
import { cnlab } from './commands/cnlab';
import { bridge } from './commands/bridge';
import { brctl } from './commands/brctl';
import { ss } from './commands/ss';
import { hostname } from './commands/hostname';
import { curl } from './commands/curl';
import { wget } from './commands/wget';
import { nslookup } from './commands/nslookup';
import { digProgram, hostProgram } from './commands/dig';
import { ifconfigProgram, netstatProgram, routeProgram } from './commands/net-tools';
import { arpProgram } from './commands/net-tools/arp';
import { conntrack } from './commands/conntrack';
import { redisCli } from './commands/redis-cli';
import { service, systemctl } from './commands/systemctl';
import { traceroute } from './commands/traceroute';
import { tcpdump } from './commands/tcpdump';
import { iptables, iptablesSaveCmd } from './commands/iptables';
import { iptablesRestore } from './commands/iptables/restore';
import { ufw } from './commands/iptables/ufw';
import { nsenter } from './commands/nsenter';
import { python3 } from './commands/python3';
import { nc } from './commands/nc';
import { getent } from './commands/getent';
import { apt, aptGet } from './commands/pkg/apt';
import { apk } from './commands/pkg/apk';
import './commands/pkg/complete';
import { jq } from './commands/jq';
import { ps } from './commands/ps';

const PROGRAMS: readonly Program[] = [
  // shell builtins
  ash, bash, bracket, breakCmd, cd, clear, colon, command, continueCmd, dateProgram, echo, envProgram, idProgram, unameProgram, seq, test, exit, exportVar, falseCmd, fg, help, history, jobs, kill, printenvProgram, printf, pwd, sh, sudo, trueCmd, typeCmd, wait, which, whoami,
  // text utilities
  awk, cat, cut, grep, head, sed, sort, tail, trProgram, uniqProgram, wc, xargs,
  // file utilities
  ln, ls, mkdir, rm, sleep, tee, touch,
  // Ctrl-P Ctrl-Q typed in a container shell entered by docker attach / run -it / exec -it
  dockerDetachKeys,
  // tools
  apk, apt, aptGet, arpProgram, bridge, brctl, cnlab, conntrack, curl, digProgram, docker, getent, hostProgram, hostname, ifconfigProgram, ip, netstatProgram, routeProgram, iptables, iptablesRestore, iptablesSaveCmd, jq, nc, nsenter, nslookup, ping, ps, python3, redisCli, service, ss, sysctl, systemctl, tcpdump, traceroute, ufw, wget,
];

const byName = new Map<string, Program>(PROGRAMS.map((p) => [p.name, p]));

/** The program `name` as installed for `flavor`, if that userland has it. */
export function findProgram(name: string, flavor: Flavor): Program | undefined {
  const p = byName.get(name);
  return p && (!p.flavors || p.flavors.includes(flavor)) ? p : undefined;
}

/** The program `name` whatever userland it was written for (a package added it to an image that lacked it). */
export function findProgramAnyFlavor(name: string): Program | undefined {
  return byName.get(name);
}

/** Every program available in a userland, sorted by name (for `help` and completion). */
export function listPrograms(flavor: Flavor): Program[] {
  return PROGRAMS.filter((p) => !p.flavors || p.flavors.includes(flavor)).sort((a, b) => a.name.localeCompare(b.name));
}
