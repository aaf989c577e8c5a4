// ufw, Ubuntu's firewall front end: installed and inactive on a fresh server, so `ufw status` says so; changing it is
// not modelled (the lab's firewall is iptables, which Docker programs).
import type { Program } from '../../types';

export const ufw: Program = {
  name: 'ufw',
  summary: 'program for managing a netfilter firewall',
  flavors: ['ubuntu'],
  async run(ctx) {
    const [cmd, ...rest] = ctx.argv.slice(1);
    if (ctx.env.user !== 'root') {
      ctx.err('ERROR: You need to be root to run this script\n');
      return 1;
    }
    if (cmd === 'status' && (rest.length === 0 || rest[0] === 'verbose' || rest[0] === 'numbered')) {
      ctx.out('Status: inactive\n');
      return 0;
    }
    if (cmd === 'version' || cmd === '--version') {
      ctx.out('ufw 0.36.2\nCopyright 2008-2023 Canonical Ltd.\n');
      return 0;
    }
    ctx.err(`cnlab: 'ufw ${cmd ?? ''}' is not modelled; ufw stays inactive in this lab (use iptables, as Docker does)\n`);
    return 1;
  },
};
