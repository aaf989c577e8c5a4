// /etc/os-release: which distribution a userland is. The host is Ubuntu 24.04; a container has its image's (Alpine,
// Debian bookworm under nginx/httpd/redis, Ubuntu), and the busybox image has none.
import type { World } from '../../../core/world';
import type { ProcessEnv } from '../../types';
import { registerFile } from '../../vfs';
import { distroOf } from '../../path';

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

const BY_DISTRO = { ubuntu: UBUNTU, debian: DEBIAN, alpine: ALPINE } as const;

/** The distribution's file, from the image the process's filesystem comes from (none in the bare busybox image). */
function osRelease(world: World, env: ProcessEnv): string | null {
  const distro = distroOf(world, env);
  return distro ? BY_DISTRO[distro] : null;
}

for (const path of ['/etc/os-release', '/usr/lib/os-release']) registerFile({ path, read: osRelease });
