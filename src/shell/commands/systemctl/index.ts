// systemctl and service for the docker unit (systemd 255 on Ubuntu 24.04): status, is-active, start, stop and
// restart dockerd — which stops running containers, re-reads /etc/docker/daemon.json and restarts the containers
// whose restart policy asks for it; a bad daemon.json fails the job. Other units are not managed by the lab.
import type { CommandContext, Program } from '../../types';
import type { DockerEngineState } from '../../../core/docker/types';
import { startDaemon, stopDaemon } from '../../../core/docker/daemon-lifecycle';
import { DOCKERD_PID } from '../../../core/proc/process-table';
import { DAY_NAMES as DAYS } from '../../../core/sim/clock';

function since(nowUs: number, atUs: number): string {
  const d = new Date(Math.floor(atUs / 1000));
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC`;
  const s = Math.max(0, Math.floor((nowUs - atUs) / 1e6));
  const ago = s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}min${s % 60 ? ` ${s % 60}s` : ''}` : `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}min`;
  return `${stamp}; ${ago} ago`;
}

function status(ctx: CommandContext, engine: DockerEngineState): number {
  const now = ctx.world.clock.now();
  const at = engine.startedUs ?? 0;
  const head = engine.down === 'failed' ? '×' : engine.down ? '○' : '●';
  const active = engine.down === 'failed' ? `failed (Result: exit-code) since ${since(now, at)}` : engine.down ? `inactive (dead) since ${since(now, at)}` : `active (running) since ${since(now, at)}`;
  let s = `${head} docker.service - Docker Application Container Engine\n     Loaded: loaded (/usr/lib/systemd/system/docker.service; enabled; preset: enabled)\n     Active: ${active}\nTriggeredBy: ● docker.socket\n       Docs: https://docs.docker.com\n`;
  if (engine.down) s += `   Main PID: ${DOCKERD_PID} (code=exited, status=${engine.down === 'failed' ? '1/FAILURE' : '0/SUCCESS'})\n`;
  else s += `   Main PID: ${DOCKERD_PID} (dockerd)\n      Tasks: 11\n     Memory: 36.4M (peak: 38.0M)\n        CPU: 1.012s\n     CGroup: /system.slice/docker.service\n             └─${DOCKERD_PID} /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n`;
  ctx.out(s);
  return engine.down ? 3 : 0;
}

const JOB_FAILED = 'Job for docker.service failed because the control process exited with error code.\nSee "systemctl status docker.service" and "journalctl -xeu docker.service" for details.\n';

async function manage(ctx: CommandContext, verb: string, unit: string | undefined): Promise<number> {
  const name = (unit ?? '').replace(/\.service$/, '');
  if (!unit) {
    ctx.err(`Too few arguments.\n`);
    return 1;
  }
  const engine = ctx.world.state.docker[ctx.env.host];
  if (name !== 'docker' || !engine) {
    ctx.err(`cnlab: systemctl manages only docker.service in this lab\n`);
    return 1;
  }
  if (verb === 'status') return status(ctx, engine);
  if (verb === 'is-active') {
    ctx.out(engine.down === 'failed' ? 'failed\n' : engine.down ? 'inactive\n' : 'active\n');
    return engine.down ? 3 : 0;
  }
  if (verb === 'is-enabled') {
    ctx.out('enabled\n');
    return 0;
  }
  if (ctx.env.user !== 'root') {
    ctx.err(`Failed to ${verb} docker.service: Interactive authentication required.\nSee system logs and 'systemctl status docker.service' for details.\n`);
    return 1;
  }
  if (verb === 'stop') {
    stopDaemon(ctx.world, engine);
    engine.startedUs = ctx.world.clock.now();
    ctx.err("Stopping 'docker.service', but its triggering units are still active:\ndocker.socket\n");
    return 0;
  }
  if (verb === 'restart' || verb === 'reload-or-restart') stopDaemon(ctx.world, engine);
  if (verb === 'restart' || verb === 'start' || verb === 'reload-or-restart') {
    if (!(await ctx.sleep(1_500_000))) return 130;
    if (startDaemon(ctx.world, engine) !== null) {
      engine.startedUs = ctx.world.clock.now();
      ctx.err(JOB_FAILED);
      return 1;
    }
    return 0;
  }
  ctx.err(`cnlab: 'systemctl ${verb}' is not modelled; the lab's systemctl does status, is-active, start, stop and restart\n`);
  return 1;
}

export const systemctl: Program = {
  name: 'systemctl',
  summary: 'control the systemd system and service manager',
  flavors: ['ubuntu'],
  async run(ctx) {
    const [verb, unit] = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
    if (verb === undefined) {
      ctx.err('cnlab: the lab\'s systemctl manages docker.service: systemctl status|start|stop|restart docker\n');
      return 1;
    }
    return manage(ctx, verb, unit);
  },
};

/** `service docker restart`: the SysV wrapper, which hands the job to systemctl. */
export const service: Program = {
  name: 'service',
  summary: 'run a System V init script',
  flavors: ['ubuntu'],
  async run(ctx) {
    const [unit, verb] = ctx.argv.slice(1);
    if (unit === undefined || verb === undefined) {
      ctx.err('Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n');
      return 1;
    }
    return manage(ctx, verb, unit);
  },
};
