import type { ReadmeSection } from '../core/stackwright-stack';
import type { KeepaliveConfig } from './config';
import { KEEPALIVE_VARIANTS } from './variants';
import { LINUX_DEFAULT_KEEPIDLE_SECONDS, PATH_IDLE_TIMEOUTS, PYTHON_ON_TIMERS } from './idle-timeouts';
import { DEFAULT_IDLE_GAP_PLAN, planSeconds } from './schedule';

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
    '   `AWS_IAM` auth and need both `lambda:InvokeFunctionUrl` and `lambda:InvokeFunction`; the policy grants',
    '   `lambda:InvokeFunction` only with `lambda:InvokedViaFunctionUrl`, so it does not allow calling Invoke directly).',
    '2. In this folder, `npx stackwright bench lambda --from-terraform .` (reads `terraform output -json`), or',
    '   `--url python-on=https://...` per function. Add `--json` for machine-readable output; the latency chart',
    '   is written to `--chart` (an SVG).',
    '',
    ...socketSection(),
    '',
    ...scheduleSection(),
    '',
    '**botocore version.** `Config(tcp_keepalive=...)` needs botocore >= 1.27.84; the post hit',
    '`TypeError: Got unexpected keyword argument` on python3.9, whose runtime shipped botocore 1.23.32.',
    `The functions use \`${k.pythonRuntime}\`. Every selectable runtime (python3.12 and newer) came out more than a`,
    'year after botocore 1.27.84 (September 2022) and bundles a newer botocore, so no SDK is packaged. That is an',
    'assumption (it cannot be checked offline), so the handler checks the version at start-up and fails with',
    '`BotocoreTooOldError` rather than measuring something else. Each response reports the SDK version',
    'and whether its sockets really have `SO_KEEPALIVE`. `BOTOCORE_TCP_KEEPALIVE` (botocore >= 1.42.29) is not',
    'used: it is not in every runtime yet, and `Config(tcp_keepalive=False)` cannot switch it off again.',
    '',
    `Items (\`userId\` = \`bench-<function>\`, \`postId\` = request id) expire ${k.itemTtlHours} h after writing.`,
  ];
  return { heading: 'Keep-alive benchmark', body: body.join('\n') };
}

/** Exactly what each variant changes on its sockets. */
function socketSection(): string[] {
  const t = PYTHON_ON_TIMERS;
  return [
    '**What each variant changes on the socket.** Both Python variants reuse pooled connections (urllib3, up to',
    '10 per host) and set `TCP_NODELAY`, as botocore always does. `python-off` changes nothing else.',
    '`python-on` passes `Config(tcp_keepalive=True)`, which only adds `SO_KEEPALIVE`: on its own that does not keep',
    `anything open sooner, because Linux sends the first probe after ` +
      `${LINUX_DEFAULT_KEEPIDLE_SECONDS.toLocaleString('en-US')} idle seconds. So the handler also`,
    `sets \`TCP_KEEPIDLE=${t.idleSeconds}\`, \`TCP_KEEPINTVL=${t.intervalSeconds}\` and ` +
      `\`TCP_KEEPCNT=${t.count}\` on every socket of its client (botocore has no setting for`,
    'them; the OS default cannot be changed from a function): after 30 idle seconds the kernel sends an empty ACK',
    'every 10 s, which refreshes the flow state of NAT devices on the way, and drops the connection after 3',
    "unanswered probes. Probes carry no data, so they do not reset an HTTP server's own idle timer. Each response",
    'reports the options in effect (`socketOptions`).',
    'Node.js: `node-on` is the SDK default, an `https.Agent` with `keepAlive: true` (reuse, and `SO_KEEPALIVE` with',
    "Node's 1 s initial delay on idle pooled sockets); `node-off` uses `keepAlive: false`, so every call opens a",
    'new TCP and TLS connection and no socket option is set.',
  ];
}

/** Why one call a second cannot show the effect, and the schedule that can. */
function scheduleSection(): string[] {
  const plan = DEFAULT_IDLE_GAP_PLAN;
  return [
    "**The idle-gap schedule.** At the post's one call a second a pooled connection is never idle for more than a",
    'second: both Python variants reuse the same connection and cannot differ. Keep-alive can only matter when a',
    'connection sits idle longer than a timeout on the path between the function and DynamoDB:',
    '',
    '| what | idle timeout | kind | probes refresh it | source |',
    '| --- | --- | --- | --- | --- |',
    ...PATH_IDLE_TIMEOUTS.map(
      (t) => `| ${t.where} | ${t.seconds} s | ${t.kind} | ${t.probesHelp ? 'yes' : 'no'} | ${t.source} |`,
    ),
    '',
    "These functions are not in a VPC: their traffic leaves through Lambda's own network, whose NAT idle timeout",
    'AWS does not document; the 350 s of its NAT gateway and endpoints is the working assumption. Lambda also',
    'freezes the execution environment between invocations, and whether the guest kernel sends probes while frozen',
    'is not documented either: the run shows it.',
    '',
    `In this folder, \`npx stackwright bench lambda --from-terraform . --schedule idle-gaps\` calls each function once,`,
    `then after idle gaps of ${plan.gapsSeconds.join(', ')} s, ${plan.rounds} rounds (about ` +
      `${Math.round(planSeconds(plan) / 60)} minutes; change with \`--gaps\` and`,
    '`--rounds`), and prints warm PutItem latency per gap and function. A variant whose connection did not survive a',
    'gap pays for a new connection (TCP and TLS, often a DNS lookup) on the next call: tens of milliseconds, not the',
    '6-8 ms of a put. Calls that land on a new execution environment are counted as cold starts, not mixed in.',
    'The default schedule (`steady`, once a second) repeats the post and is the control.',
  ];
}
