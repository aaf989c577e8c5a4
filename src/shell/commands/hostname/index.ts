// hostname: the host's name (hostname 3.23 on Ubuntu, BusyBox in alpine); -i resolves it, -I lists addresses.
import { FlagSet, describeFlagError } from '../../flags';
import type { Program } from '../../types';
import { resolve } from '../../../core/dns';
import { formatIpv4 } from '../../../core/net/ipv4';

const gnuFlags = new FlagSet(
  {
    flags: [
      { name: 'ip-address', short: 'i', type: 'bool', help: 'addresses for the host name' },
      { name: 'all-ip-addresses', short: 'I', type: 'bool', help: 'all addresses for the host' },
      { name: 'fqdn', short: 'f', type: 'bool', help: 'long host name (FQDN)' },
      { name: 'long', type: 'bool', help: 'long host name (FQDN)' },
      { name: 'short', short: 's', type: 'bool', help: 'short host name' },
      { name: 'domain', short: 'd', type: 'bool', help: 'DNS domain name' },
      { name: 'help', short: 'h', type: 'bool', help: 'help' },
      { name: 'version', short: 'V', type: 'bool', help: 'version' },
    ],
  },
  'gnu',
);

const bbFlags = new FlagSet(
  {
    flags: [
      { name: 'i', short: 'i', type: 'bool', help: 'Addresses for the hostname' },
      { name: 's', short: 's', type: 'bool', help: 'Short name' },
      { name: 'f', short: 'f', type: 'bool', help: 'Fully qualified domain name' },
      { name: 'd', short: 'd', type: 'bool', help: 'Domain name' },
      { name: 'F', short: 'F', type: 'string', help: 'Set hostname to contents of FILE' },
    ],
  },
  'busybox',
);

const GNU_HELP = `Usage: hostname [-b] {hostname|-F file}         set host name (from file)
       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name
       hostname                                 display host name

       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)
       {yp,nis,}domainname                      display NIS domain name

       dnsdomainname                            display dns domain name

       hostname -V|--version|-h|--help          print info and exit

Program name:
       {yp,nis,}domainname=hostname -y
       dnsdomainname=hostname -d

Program options:
    -a, --alias            alias names
    -A, --all-fqdns        all long host names (FQDNs)
    -b, --boot             set default hostname if none available
    -d, --domain           DNS domain name
    -f, --fqdn, --long     long host name (FQDN)
    -F, --file             read host name or NIS domain name from given file
    -i, --ip-address       addresses for the host name
    -I, --all-ip-addresses all addresses for the host
    -s, --short            short host name
    -y, --yp, --nis        NIS/YP domain name

Description:
   This command can get or set the host name or the NIS domain name. You can
   also get the DNS domain or the FQDN (fully qualified domain name).
   Unless you are using bind or NIS for host lookups you can change the
   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is
   part of the FQDN) in the /etc/hosts file.
`;

const BB_HELP = `BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.

Usage: hostname [-sidf] [HOSTNAME | -F FILE]

Show or set hostname or DNS domain name

	-s	Short
	-i	Addresses for the hostname
	-d	DNS domain name
	-f	Fully qualified domain name
	-F FILE	Use FILE's content as hostname
`;

export const hostname: Program = {
  name: 'hostname',
  summary: 'show or set the system host name',
  async run(ctx) {
    const bb = ctx.env.flavor === 'busybox';
    const r = (bb ? bbFlags : gnuFlags).parse(ctx.argv.slice(1));
    if (!r.ok) {
      ctx.err(bb ? `hostname: ${describeFlagError(r.error, 'busybox')}\n${BB_HELP}` : `hostname: ${describeFlagError(r.error, 'gnu')}\n${GNU_HELP}`);
      return bb ? 1 : 4;
    }
    const v = r.parsed.values;
    if (r.parsed.help || v.help) {
      (bb ? ctx.err : ctx.out)(bb ? BB_HELP : GNU_HELP);
      return 0;
    }
    if (v.version) {
      ctx.err('hostname 3.23\n');
      return 0;
    }
    const name = ctx.env.hostname;
    if (r.parsed.args.length) {
      if (ctx.env.user !== 'root' || ctx.env.containerId) {
        ctx.err(bb ? 'hostname: sethostname: Operation not permitted\n' : 'hostname: you must be root to change the host name\n');
        return 1;
      }
      ctx.err('hostname: changing the host name is not supported in the lab\n');
      return 1;
    }
    if (v['all-ip-addresses']) {
      const ns = ctx.world.state.netns[ctx.env.netns];
      const addrs = ns.links.flatMap((l) => (l.up ? l.addrs.filter((a) => a.scope === 'global').map((a) => formatIpv4(a.ip)) : []));
      ctx.out(addrs.map((a) => `${a} `).join('') + '\n');
      return 0;
    }
    if (v['ip-address'] || v.i) {
      const res = resolve(ctx.world, { netns: ctx.env.netns, fsRoot: ctx.env.fsRoot }, name, { emit: false });
      if (!res.addresses.length) {
        ctx.err(bb ? `hostname: ${name}: Unknown host\n` : 'hostname: Name or service not known\n');
        return 1;
      }
      ctx.out(res.addresses.join(' ') + (bb ? '\n' : ' \n'));
      return 0;
    }
    if (v.domain || v.d) {
      ctx.out('\n');
      return 0;
    }
    ctx.out(`${name}\n`);
    return 0;
  },
};
