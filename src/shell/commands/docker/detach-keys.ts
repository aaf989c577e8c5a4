// Docker's default detach keys, Ctrl-P Ctrl-Q, typed in a shell entered with `docker attach`, `docker run -it` or
// `docker exec -it`: the client leaves the container (it keeps running). The terminal sends the two control bytes
// as a line of their own; `docker attach` then says `read escape sequence` and exits 1.
import type { Program } from '../../types';
import { detachShell } from './container/runtime';

export const DETACH_SEQUENCE = '\x10\x11';

export const dockerDetachKeys: Program = {
  name: DETACH_SEQUENCE,
  summary: 'Ctrl-P Ctrl-Q: detach from an attached container',
  async run(ctx) {
    const via = detachShell(ctx.session);
    // Outside a container the keys mean nothing to docker (readline takes Ctrl-P as "previous line").
    if (via === null) return 0;
    if (via === 'run') return 0;
    ctx.err('read escape sequence\n');
    return 1;
  },
};
