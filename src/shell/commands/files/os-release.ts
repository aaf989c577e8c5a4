// /etc/os-release: which distribution a userland is. The host is Ubuntu 24.04; a container has its image's (Alpine,
// Debian bookworm under nginx/httpd/redis, Ubuntu), and the busybox image has none.
import type { World } from '../../../core/world';
import type { ProcessEnv } from '../../types';
import { registerFile } from '../../vfs';
import { catalogById } from '../../../core/docker/image-catalog';

const UBUNTU = `PRETTY_NAME="Ubuntu 24.04.2 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.2 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

const ALPINE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.21.3
PRETTY_NAME="Alpine Linux v3.21"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

const DEBIAN = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const BY_REPO: Record<string, string | null> = { alpine: ALPINE, 'nicolaka/netshoot': ALPINE, busybox: null, ubuntu: UBUNTU, debian: DEBIAN, nginx: DEBIAN, httpd: DEBIAN, redis: DEBIAN };

function osRelease(world: World, env: ProcessEnv): string | null {
  if (!env.containerId) return UBUNTU;
  for (const engine of Object.values(world.state.docker)) {
    const c = engine.containers?.[env.containerId];
    if (!c) continue;
    const image = catalogById(c.imageId);
    // An Alpine variant of an image (nginx:alpine) is Alpine whatever its repository.
    if (image?.flavor === 'busybox' && image.repo !== 'busybox') return ALPINE;
    return BY_REPO[image?.repo ?? ''] ?? null;
  }
  return null;
}

for (const path of ['/etc/os-release', '/usr/lib/os-release']) registerFile({ path, read: osRelease });
