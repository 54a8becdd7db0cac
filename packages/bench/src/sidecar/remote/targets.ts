import { cpuArchitectures, InputError, sidecarVariantNames } from '@stackwright/generator';
import { splitNamedUrl } from '../../common/named-url';
import { isRecord, readTerraformOutputs } from '../../common/terraform-outputs';
import { type BenchTarget, benchTarget } from '../targets';

/** The sidecar stack's output that maps `<variant>-<arch>` to the deployment's URL (stacks/sidecar.ts). */
export const DEPLOYMENT_URLS_OUTPUT = 'deployment_urls';
/** Its per-deployment outputs, `url_tcp_x86_64` and so on, read when the map is absent. */
const PER_DEPLOYMENT_OUTPUT = /^url_([a-z0-9_]+)$/;

const NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** Parses repeated `--url name=URL` flags. */
export function targetsFromFlags(flags: readonly string[]): BenchTarget[] {
  return flags.map((flag) => {
    const { name, url } = splitNamedUrl(flag, 'tcp-x86_64=http://my-alb.us-east-1.elb.amazonaws.com/tcp-x86_64/');
    return target(name, url, '--url');
  });
}

/** The deployments of a sidecar stack, from `terraform output -json` in its folder or a file of that output. */
export function targetsFromTerraform(path: string, terraformBinary = 'terraform'): BenchTarget[] {
  const outputs = readTerraformOutputs(path, { binary: terraformBinary });
  const map = outputs[DEPLOYMENT_URLS_OUTPUT];
  const entries: [string, unknown][] = isRecord(map)
    ? Object.entries(map)
    : Object.entries(outputs).flatMap(([key, value]) => {
        const m = PER_DEPLOYMENT_OUTPUT.exec(key);
        // url_tcp_x86_64 -> tcp-x86_64 (architectures keep their underscore).
        return m ? [[m[1].replace(/_(?!64)/g, '-'), value] as [string, unknown]] : [];
      });
  if (entries.length === 0) {
    throw InputError.single(
      '--from-terraform',
      path,
      `no '${DEPLOYMENT_URLS_OUTPUT}' output with at least one URL`,
      'apply the sidecar stack first, or pass --url name=URL',
    );
  }
  const targets = entries.map(([name, url]) => {
    if (typeof url !== 'string')
      throw InputError.single('--from-terraform', `${DEPLOYMENT_URLS_OUTPUT}.${name}`, 'is not a string URL');
    return target(name, url, '--from-terraform');
  });
  // Terraform sorts map keys alphabetically; report in the post's order (tcp, sharedvol, combined; x86_64 first).
  return targets.sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function rank(t: BenchTarget): number {
  const order: readonly string[] = sidecarVariantNames;
  const v = t.variant ? order.indexOf(t.variant) : order.length;
  const a = t.architecture ? cpuArchitectures.indexOf(t.architecture) : cpuArchitectures.length;
  return v * (cpuArchitectures.length + 1) + a;
}

/** Keeps the targets of the selected variants (`tcp` keeps `tcp`, `tcp-x86_64`, `tcp-arm64`); checks the list. */
export function selectTargets(targets: readonly BenchTarget[], variants: readonly string[] | undefined): BenchTarget[] {
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.name)) throw InputError.single('command line', t.name, 'target name given twice', 'each name once');
    seen.add(t.name);
  }
  const selected = variants?.length
    ? targets.filter((t) => t.variant !== undefined && variants.includes(t.variant))
    : [...targets];
  if (targets.length === 0)
    throw InputError.single(
      'command line',
      '',
      'no URLs to benchmark',
      'pass --from-terraform <dir|file> or --url name=URL',
    );
  if (selected.length === 0) {
    throw InputError.single(
      '--variants',
      (variants ?? []).join(' '),
      'matches none of the targets',
      targets.map((t) => t.name).join(', '),
    );
  }
  return selected;
}

function target(name: string, raw: string, source: string): BenchTarget {
  if (!NAME.test(name)) throw InputError.single(source, name, 'invalid name', '1-64 letters, digits, ., _ or -');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw InputError.single(source, name, `not a URL: '${raw}'`, 'an http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw InputError.single(source, name, `URL must use http or https: '${raw}'`);
  if (url.username || url.password) throw InputError.single(source, name, 'URL must not contain credentials');
  return benchTarget(name, url);
}
