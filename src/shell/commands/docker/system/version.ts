// `docker version`: client and server versions of Docker Engine 27.5.1 on Ubuntu (linux/amd64).
import type { CobraCommand } from '../../../cobra';
import { renderFormat } from '../../../format/docker-format';
import { DOCKER_BUILD, DOCKER_VERSION } from '../version-info';

const CLIENT = `Client: Docker Engine - Community
 Version:           ${DOCKER_VERSION}
 API version:       1.47
 Go version:        go1.22.11
 Git commit:        ${DOCKER_BUILD}
 Built:             Wed Jan 22 13:41:48 2025
 OS/Arch:           linux/amd64
 Context:           default
`;

const SERVER = `Server: Docker Engine - Community
 Engine:
  Version:          ${DOCKER_VERSION}
  API version:      1.47 (minimum version 1.24)
  Go version:       go1.22.11
  Git commit:       4c9b3b0
  Built:            Wed Jan 22 13:41:48 2025
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          1.7.25
  GitCommit:        bcc810d6b9066471b0b6fa75f557a15a1cbf31bb
 runc:
  Version:          1.2.4
  GitCommit:        v1.2.4-0-g6c52b3f
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
`;

/** The data `--format` templates see (types.Version, reduced). */
const VERSION_DATA = {
  Client: { Version: DOCKER_VERSION, ApiVersion: '1.47', DefaultAPIVersion: '1.47', GitCommit: DOCKER_BUILD, GoVersion: 'go1.22.11', Os: 'linux', Arch: 'amd64', BuildTime: 'Wed Jan 22 13:41:48 2025', Context: 'default' },
  Server: { Version: DOCKER_VERSION, ApiVersion: '1.47', MinAPIVersion: '1.24', GitCommit: '4c9b3b0', GoVersion: 'go1.22.11', Os: 'linux', Arch: 'amd64', KernelVersion: '6.8.0-51-generic', BuildTime: '2025-01-22T13:41:48.000000000+00:00' },
};

export const dockerVersion: CobraCommand = {
  name: 'version',
  use: 'version [OPTIONS]',
  short: 'Show the Docker version information',
  args: { none: true },
  category: 'top',
  topOrder: 11,
  flags: [{ name: 'format', short: 'f', type: 'string', help: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" }],
  async run(ctx, { values }) {
    const format = values.format as string;
    if (format) {
      const r = renderFormat(format === 'json' ? '{{json .}}' : format, [VERSION_DATA], {});
      if (!r.ok) {
        ctx.err(r.error + '\n');
        return 1;
      }
      ctx.out(r.text);
      return 0;
    }
    ctx.out(CLIENT + '\n' + (ctx.world.state.docker[ctx.env.host] ? SERVER : ''));
    if (!ctx.world.state.docker[ctx.env.host]) {
      ctx.err('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n');
      return 1;
    }
    return 0;
  },
};
