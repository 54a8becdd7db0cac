import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp-dir';
import { buildContext, IMAGES_DIR } from './buildah';

/**
 * The Dockerfiles' own guard, proven against the bug it exists for: the nginx image with the
 * `apt-get purge --auto-remove libcap2-bin` it once had (which removed iproute2 and with it nginx) must fail to build,
 * at its `nginx -t` step, instead of shipping an image without nginx.
 */
it(
  'fails the nginx image build when nginx is gone',
  () => {
    const context = join(tempDir('sidecar-guard-'), 'tcp-nginx');
    cpSync(join(IMAGES_DIR, 'tcp', 'nginx'), context, { recursive: true });
    const dockerfile = readFileSync(join(context, 'Dockerfile'), 'utf8');
    const install = /^ && apt-get install -y --no-install-recommends nginx curl \\$/m;
    expect(dockerfile).toMatch(install);
    writeFileSync(
      join(context, 'Dockerfile'),
      dockerfile.replace(install, (line) => `${line}\n && apt-get purge -y --auto-remove libcap2-bin \\`),
    );

    expect(() => buildContext('amd64', 'guard-tcp-nginx-without-nginx', context)).toThrow(
      /RUN \["\/usr\/sbin\/nginx", "-t"[\s\S]*\/usr\/sbin\/nginx: no such file or directory/,
    );
  },
  30 * 60_000,
);
