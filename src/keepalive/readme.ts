import type { ReadmeSection } from '../core/stackwright-stack';
import type { KeepaliveConfig } from './config';
import { KEEPALIVE_VARIANTS } from './variants';

/** The keep-alive stack's README section: what each function measures, how to run the benchmark, the caveats. */
export function keepaliveReadme(k: KeepaliveConfig): ReadmeSection {
  const rows = k.variants.map((v) => {
    const spec = KEEPALIVE_VARIANTS[v];
    return `| \`${v}\` | ${spec.language === 'python' ? k.pythonRuntime : k.nodeRuntime} | ${spec.label} |`;
  });
  const body = [
    'Each function does one DynamoDB `PutItem` per call and returns how many milliseconds the call took',
    '(`{"ms": ..., "coldStart": ...}`); the SDK client is created once per execution environment.',
    '',
    '| function | runtime | client |',
    '| --- | --- | --- |',
    ...rows,
    '',
    '**Run the benchmark** (each function once a second for 30 s, one call at a time so the same warm',
    'environment serves every call, as in the post):',
    '',
    '1. Attach the `bench_invoke_policy_arn` policy to the role or user you run the benchmark as (function URLs use',
    '   `AWS_IAM` auth and need both `lambda:InvokeFunctionUrl` and `lambda:InvokeFunction`).',
    '2. `npx stackwright bench lambda --from-terraform generated/keepalive` (reads `terraform output -json`), or',
    '   `--url python-on=https://...` per function. Add `--json` for machine-readable output; the latency chart',
    '   is written to `--chart` (an SVG).',
    '',
    '**What differs between variants.** Python: botocore already reuses HTTP connections from its urllib3 pool;',
    '`Config(tcp_keepalive=True)` sets `SO_KEEPALIVE` on those sockets so idle connections are kept open',
    '(that is the switch the post measured). Node.js: the off variant gives the SDK an `https.Agent` with',
    '`keepAlive: false`, so every call opens a new TCP and TLS connection; the on variant is the SDK default.',
    '',
    '**botocore version.** `Config(tcp_keepalive=...)` needs botocore >= 1.27.84; the post hit',
    '`TypeError: Got unexpected keyword argument` on python3.9, whose runtime shipped botocore 1.23.32.',
    `The functions use \`${k.pythonRuntime}\`. Every selectable runtime (python3.12 and newer) came out more than a`,
    "year after botocore 1.27.84 (September 2022) and bundles a newer botocore, so no SDK is packaged. That is an",
    'assumption (it cannot be checked offline), so the handler checks the version at start-up and fails with',
    '`BotocoreTooOldError` rather than measuring something else. Each response reports the SDK version',
    'and whether its sockets really have `SO_KEEPALIVE`. `BOTOCORE_TCP_KEEPALIVE` (botocore >= 1.42.29) is not',
    'used: it is not in every runtime yet, and `Config(tcp_keepalive=False)` cannot switch it off again.',
    '',
    `Items (\`userId\` = \`bench-<function>\`, \`postId\` = request id) expire ${k.itemTtlHours} h after writing.`,
  ];
  return { heading: 'Keep-alive benchmark', body: body.join('\n') };
}
