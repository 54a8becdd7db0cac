import { containersOf } from '../ecs/ecs-model';
import { defineRule, notApplicable, verdict } from '../rule';
import type { StackView } from '../../terraform/json';
import { block, isObj, str, templateParts } from '../../terraform/json';

/** Names that say "this is a secret" (unless they say where the secret is: `_ARN`, `_NAME`, `_PATH`...). */
const SECRET_NAME = /secret|passw(or)?d|token|api_?key|app_?key|private_?key|credential/i;
const POINTER_NAME = /_(ARN|NAME|ID|PATH|PARAM|PARAMETER|REF|URL|FILE|TTL|TIMEOUT|SECONDS|HEADER)$/i;
/** Values that look like secrets whatever their name. */
const SECRET_VALUES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/, 'an AWS access key ID'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}/, 'a GitHub token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\./, 'a JSON web token'],
];
/** Attributes that hold secret material: referencing them puts the secret in plain text. */
const SECRET_ATTRIBUTES: ReadonlyArray<readonly [type: string, attribute: string]> = [
  ['aws_iam_access_key', 'secret'],
  ['aws_iam_access_key', 'ses_smtp_password_v4'],
  ['random_password', 'result'],
  ['aws_secretsmanager_secret_version', 'secret_string'],
  ['data.aws_secretsmanager_secret_version', 'secret_string'],
  ['aws_ssm_parameter', 'value'],
  ['data.aws_ssm_parameter', 'value'],
  ['tls_private_key', 'private_key_pem'],
];

/**
 * Environment variables are plain text in the function or task configuration (and in state): no secret-looking
 * literal, no sensitive variable, no secret resource attribute. Secrets belong in Secrets Manager or SSM, read at
 * run time or passed through ECS `secrets`.
 */
export default defineRule({
  id: 'Lambda-NoSecretsInEnvironment',
  appliesTo: ['aws_lambda_function', 'aws_ecs_task_definition'],
  check: (b, stack) => {
    const env: Array<[where: string, name: string, value: unknown]> = [];
    if (b.type === 'aws_lambda_function') {
      const vars = block(b.body.environment)?.variables;
      if (isObj(vars)) for (const [k, v] of Object.entries(vars)) env.push(['', k, v]);
    } else {
      containersOf(b)?.forEach((c) => {
        for (const e of Array.isArray(c.environment) ? c.environment.filter(isObj) : []) {
          if (typeof e.name === 'string') env.push([`container ${String(c.name)}: `, e.name, e.value]);
        }
      });
    }
    if (env.length === 0) return notApplicable;
    return verdict(
      env.flatMap(([where, name, value]) => secretProblem(name, value, stack).map((p) => `${where}${name} ${p}`)),
    );
  },
});

function secretProblem(name: string, value: unknown, stack: StackView): string[] {
  if (typeof value !== 'string' || value === '') return [];
  const variable = stack.variableOf(value);
  if (variable?.sensitive) return [`takes the sensitive variable var.${variable.name}`];
  for (const part of templateParts(value).filter((p) => p.kind === 'expression')) {
    for (const m of part.text.matchAll(/\b((?:data\.)?[a-z][a-z0-9_]*)\.[A-Za-z0-9_-]+\.([a-z0-9_]+)/g)) {
      if (SECRET_ATTRIBUTES.some(([t, a]) => t === m[1] && a === m[2])) return [`takes the secret attribute ${m[0]}`];
    }
  }
  const literal = str(value);
  if (literal === undefined) return [];
  const looksLike = SECRET_VALUES.find(([re]) => re.test(literal));
  if (looksLike) return [`holds what looks like ${looksLike[1]}`];
  // The name alone decides: a short or numeric password is still a password. Only names and values that say where
  // a secret is (an ARN, `_NAME`, `_TTL`...) or switch something on or off pass.
  const pointer = POINTER_NAME.test(name) || /^arn:/.test(literal) || /^(true|false)$/i.test(literal);
  if (SECRET_NAME.test(name) && !pointer) return ['holds a literal value under a secret-looking name'];
  return [];
}
