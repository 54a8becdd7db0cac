import { InputError } from '@stackwright/generator';
import { splitNamedUrl } from '../common/named-url';
import { isRecord, readTerraformOutputs } from '../common/terraform-outputs';

/** One function to benchmark: the name it is reported under and its function URL. */
export interface LambdaTarget {
  readonly name: string;
  readonly url: URL;
  /** Region to sign for: from the URL host, else --region / AWS_REGION. */
  readonly region: string;
}

/** The Terraform output of the keep-alive stack that maps variant -> function URL. */
export const FUNCTION_URLS_OUTPUT = 'function_urls';

const NAME = /^[A-Za-z0-9._-]{1,64}$/;
const LAMBDA_URL_HOST = /^[a-z0-9]+\.lambda-url\.([a-z0-9-]+)\.on\.aws$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Parses repeated `--url name=URL` flags. */
export function targetsFromFlags(flags: readonly string[], fallbackRegion: string | undefined): LambdaTarget[] {
  return flags.map((flag) => {
    const { name, url } = splitNamedUrl(flag, 'python-on=https://abc.lambda-url.us-east-1.on.aws/');
    return target(name, url, '--url', fallbackRegion);
  });
}

/**
 * Reads the function URLs from a Terraform stack folder (runs `terraform output -json` there) or from a JSON file
 * holding that command's output (or a plain `{ "function_urls": { name: url } }`).
 */
export function targetsFromTerraform(path: string, fallbackRegion: string | undefined): LambdaTarget[] {
  const urls = readTerraformOutputs(path)[FUNCTION_URLS_OUTPUT];
  if (!isRecord(urls) || Object.keys(urls).length === 0) {
    throw InputError.single(
      '--from-terraform',
      path,
      `no '${FUNCTION_URLS_OUTPUT}' output with at least one URL`,
      'apply the keepalive stack first, or pass --url name=URL',
    );
  }
  return Object.entries(urls).map(([name, url]) => {
    if (typeof url !== 'string')
      throw InputError.single('--from-terraform', `${FUNCTION_URLS_OUTPUT}.${name}`, 'is not a string URL');
    return target(name, url, '--from-terraform', fallbackRegion);
  });
}

/** Checks a target list as a whole: at least one, names unique. */
export function checkTargets(targets: readonly LambdaTarget[]): void {
  if (targets.length === 0) {
    throw InputError.single(
      'command line',
      '',
      'no functions to call',
      'pass --from-terraform <dir|file> or --url name=URL',
    );
  }
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.name))
      throw InputError.single('command line', t.name, 'function name given twice', 'each name once');
    seen.add(t.name);
  }
}

function target(name: string, raw: string, source: string, fallbackRegion: string | undefined): LambdaTarget {
  if (!NAME.test(name))
    throw InputError.single(source, name, 'invalid function name', '1-64 letters, digits, ., _ or -');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw InputError.single(source, name, `not a URL: '${raw}'`, 'an https:// function URL');
  }
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw InputError.single(
      source,
      name,
      `URL must use https: '${raw}'`,
      'https:// (http:// only for 127.0.0.1/localhost test servers)',
    );
  }
  if (url.username || url.password) throw InputError.single(source, name, 'URL must not contain credentials');
  const region = LAMBDA_URL_HOST.exec(url.hostname)?.[1] ?? fallbackRegion;
  if (!region) {
    throw InputError.single(
      source,
      name,
      `cannot tell the region from host '${url.hostname}'`,
      'pass --region or set AWS_REGION',
    );
  }
  return { name, url, region };
}
