/**
 * Build time of the five sidecar images, as test/sidecar/images builds them (buildah, chroot isolation, debootstrapped
 * base, layer cache), and their sizes. The first run into an empty cache is the cold build (base included); the
 * following runs are cache hits, reported as a median.
 *
 *   npx tsx perf/sidecar-images.ts --arch amd64 --runs 5 [--cache DIR]   (root; .ci/setup installs buildah etc.)
 */
import { existsSync, readdirSync } from 'node:fs';
import { buildImage, imageCacheDir, inspectImage, type ImageArch } from '../test/sidecar/images/buildah';

const images = [
  ['tcp', 'nginx'],
  ['tcp', 'app'],
  ['sharedvol', 'nginx'],
  ['sharedvol', 'app'],
  ['combined', 'combined'],
] as const;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const arch = option('arch', 'amd64') as ImageArch;
const runs = Number(option('runs', '5'));
if (arch !== 'amd64' && arch !== 'arm64') throw new Error(`--arch must be amd64 or arm64, got ${String(arch)}`);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${runs}`);
const cache = option('cache', '');
if (cache) process.env.STACKWRIGHT_IMAGE_CACHE = cache;
const archDir = `${imageCacheDir()}/${arch}`;
const cold = !existsSync(archDir) || readdirSync(archDir).length === 0;

const seconds: number[] = [];
for (let run = 0; run < runs; run++) {
  const start = process.hrtime.bigint();
  for (const [variant, container] of images) buildImage(arch, variant, container);
  seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  const label = run === 0 && cold ? 'cold (empty cache, base included)' : 'cached';
  console.log(`run ${run + 1}: ${seconds[run].toFixed(1)} s ${label}`);
}
const cached = (cold ? seconds.slice(1) : seconds).sort((a, b) => a - b);
if (cached.length > 0)
  console.log(
    `cached rebuild of all five: median ${cached[Math.floor(cached.length / 2)].toFixed(1)} s (n=${cached.length})`,
  );
for (const [variant, container] of images) {
  const { size } = inspectImage(buildImage(arch, variant, container));
  console.log(`${variant}/${container} (${arch}): ${size}`);
}
