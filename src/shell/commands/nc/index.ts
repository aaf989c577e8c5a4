// nc, netcat: BusyBox's applet in alpine and busybox containers, OpenBSD netcat on the Ubuntu host and in netshoot.
import type { CommandContext, Program } from '../../types';
import { busyboxNc } from './busybox';
import { openbsdNc } from './openbsd';

function run(ctx: CommandContext): Promise<number> {
  return ctx.env.flavor === 'busybox' ? busyboxNc(ctx) : openbsdNc(ctx);
}

export const nc: Program = { name: 'nc', summary: 'arbitrary TCP connections and listens (netcat)', run };
