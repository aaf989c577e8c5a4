// `docker info`: the daemon's view of itself (counts from the engine, the rest as an Ubuntu 24.04 host has it).
import type { CobraCommand } from '../../../cobra';
import { containersOf } from '../../../../core/docker/lookup';
import { imageStore } from '../../../../core/docker/images';
import { HOST_KERNEL } from '../../../../core/docker/service-logs';
import { withDaemon } from '../client';
import { DOCKER_VERSION } from '../version-info';

export const dockerInfo: CobraCommand = {
  name: 'info',
  use: 'info [OPTIONS]',
  short: 'Display system-wide information',
  args: { none: true },
  category: 'top',
  topOrder: 12,
  flags: [{ name: 'format', short: 'f', type: 'string', help: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" }],
  run: (ctx) =>
    withDaemon(ctx, (engine) => {
      const all = Object.values(containersOf(engine));
      const running = all.filter((c) => c.state.status === 'running').length;
      const paused = all.filter((c) => c.state.status === 'paused').length;
      const id = ctx.world.state.seed.toString(16).padStart(8, '0');
      ctx.out(`Client: Docker Engine - Community
 Version:    ${DOCKER_VERSION}
 Context:    default
 Debug Mode: false
 Plugins:
  buildx: Docker Buildx (Docker Inc.)
    Version:  v0.20.0
    Path:     /usr/libexec/docker/cli-plugins/docker-buildx
  compose: Docker Compose (Docker Inc.)
    Version:  v2.32.4
    Path:     /usr/libexec/docker/cli-plugins/docker-compose

Server:
 Containers: ${all.length}
  Running: ${running}
  Paused: ${paused}
  Stopped: ${all.length - running - paused}
 Images: ${new Set(Object.values(imageStore(engine)).map((i) => i.id)).size}
 Server Version: ${DOCKER_VERSION}
 Storage Driver: overlay2
  Backing Filesystem: extfs
  Supports d_type: true
  Using metacopy: false
  Native Overlay Diff: true
  userxattr: false
 Logging Driver: json-file
 Cgroup Driver: systemd
 Cgroup Version: 2
 Plugins:
  Volume: local
  Network: bridge host ipvlan macvlan null overlay
  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog
 Swarm: inactive
 Runtimes: io.containerd.runc.v2 runc
 Default Runtime: runc
 Init Binary: docker-init
 containerd version: bcc810d6b9066471b0b6fa75f557a15a1cbf31bb
 runc version: v1.2.4-0-g6c52b3f
 init version: de40ad0
 Security Options:
  apparmor
  seccomp
   Profile: builtin
  cgroupns
 Kernel Version: ${HOST_KERNEL}
 Operating System: Ubuntu 24.04.1 LTS
 OSType: linux
 Architecture: x86_64
 CPUs: 2
 Total Memory: 3.823GiB
 Name: ${engine.host}
 ID: ${id}-5c1e-4b6e-9a0e-3f1d2c4b5a69
 Docker Root Dir: /var/lib/docker
 Debug Mode: false
 Experimental: false
 Insecure Registries:
  127.0.0.0/8
 Live Restore Enabled: false

`);
      return 0;
    }),
};
