import { defineRule, notApplicable, verdict } from '../rule';
import type { StackView, TfBlock } from '../../terraform/json';
import { block, num, str } from '../../terraform/json';
import { networkMode, taskOnFargate } from './ecs-model';

/**
 * Containers on EC2 must not read the instance role's credentials from the metadata service, blocked as AWS's ECS
 * security guidance says for each network mode:
 * - launch templates of a stack with bridge-mode EC2 tasks: a response hop limit of 1, or the user data's iptables
 *   rule dropping Docker bridge traffic to 169.254.169.254 (`DOCKER-USER --in-interface docker+ ... DROP`); an
 *   unset hop limit counts as 2, the default of AL2023 AMIs;
 * - launch templates of a stack with awsvpc EC2 tasks: `ECS_AWSVPC_BLOCK_IMDS=true` in the user data;
 * - host-mode task definitions on EC2: their containers share the instance's network, which no rule can tell
 *   apart, so they need a task role (their SDKs then never fall back to the instance's credentials).
 */
export default defineRule({
  id: 'ECS-ContainersReadInstanceCredentials',
  appliesTo: ['aws_launch_template', 'aws_ecs_task_definition'],
  check: (b, stack) => (b.type === 'aws_launch_template' ? checkLaunchTemplate(b, stack) : checkHostTask(b, stack)),
});

/** The network modes of the stack's EC2 task definitions, worked out once per stack. */
const modesCache = new WeakMap<StackView, ReadonlySet<string | undefined>>();
function ec2NetworkModes(stack: StackView): ReadonlySet<string | undefined> {
  let modes = modesCache.get(stack);
  if (!modes) {
    modes = new Set(
      stack
        .ofType('aws_ecs_task_definition')
        .filter((t) => !taskOnFargate(t, stack))
        .map(networkMode),
    );
    modesCache.set(stack, modes);
  }
  return modes;
}

function checkLaunchTemplate(template: TfBlock, stack: StackView) {
  const modes = ec2NetworkModes(stack);
  if (!modes.has('bridge') && !modes.has('awsvpc')) return notApplicable;
  const metadata = block(template.body.metadata_options);
  if (str(metadata?.http_endpoint) === 'disabled') return verdict([]);
  const userData = userDataText(template.body.user_data);
  if (userData === undefined) return notApplicable;
  const hopLimit = metadata?.http_put_response_hop_limit === undefined ? 2 : num(metadata.http_put_response_hop_limit);
  if (hopLimit === undefined) return notApplicable;
  const problems: string[] = [];
  if (modes.has('bridge') && hopLimit > 1 && !blocksBridgeTraffic(userData)) {
    problems.push(
      `bridge-mode containers reach the instance metadata service (hop limit ${hopLimit}) and the user data does not ` +
        'drop their traffic to 169.254.169.254 (iptables DOCKER-USER --in-interface docker+ ... --jump DROP)',
    );
  }
  if (modes.has('awsvpc') && !/^ECS_AWSVPC_BLOCK_IMDS=true$/m.test(userData)) {
    problems.push(
      'awsvpc tasks reach the instance metadata service: the user data does not set ECS_AWSVPC_BLOCK_IMDS=true',
    );
  }
  return verdict(problems);
}

function checkHostTask(task: TfBlock, stack: StackView) {
  if (networkMode(task) !== 'host' || taskOnFargate(task, stack)) return notApplicable;
  if (task.body.task_role_arn !== undefined) return verdict([]);
  return verdict([
    "host-mode containers share the instance's network and reach its metadata service; without task_role_arn their SDKs use the instance role's credentials",
  ]);
}

/** An iptables rule in DOCKER-USER dropping what Docker's bridges send to the metadata address. */
function blocksBridgeTraffic(userData: string): boolean {
  return userData
    .split('\n')
    .some(
      (line) =>
        /DOCKER-USER/.test(line) &&
        /(-i|--in-interface) docker\+/.test(line) &&
        /169\.254\.169\.254(\/32)?\b/.test(line) &&
        /(-j|--jump) DROP/.test(line),
    );
}

/**
 * The user data script: a base64 literal, or `${base64encode("...")}` around an HCL string literal. Undefined when
 * it is only known at plan time (another expression), '' when there is none.
 */
export function userDataText(value: unknown): string | undefined {
  if (value === undefined) return '';
  if (typeof value !== 'string') return undefined;
  const text = value;
  const wrapped = /^\$\{base64encode\("((?:[^"\\]|\\.)*)"\)\}$/s.exec(text);
  if (wrapped) {
    if (/(^|[^$])\$\{|(^|[^%])%\{/.test(wrapped[1]!)) return undefined; // interpolation: known at plan time only
    return wrapped[1]!
      .replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c)
      .replace(/\$\$\{/g, '${')
      .replace(/%%\{/g, '%{');
  }
  if (text.includes('${')) return undefined;
  return /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? Buffer.from(text, 'base64').toString('utf8') : undefined;
}
