import { App, TerraformStack } from 'cdktf';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { rulesConfigSchema } from '../../src/rules/config';
import {
  checkStacks,
  declaredSuppressions,
  formatFinding,
  runChecks,
  suppressRule,
  type CheckInput,
} from '../../src/rules/index';
import { defineRule } from '../../src/rules/rule';
import { tf } from './helpers';
import type { Json } from '../helpers/json';

/** Two log groups without retention: two Logs-RetentionSet errors. */
const input = (groups: Record<string, object> = { a: { name: '/a' }, b: { name: '/b' } }): CheckInput => ({
  stack: 'demo',
  json: tf({ aws_cloudwatch_log_group: groups }),
});
const rules = (overrides: unknown[]) => rulesConfigSchema.parse({ overrides });
const reason = 'short-lived benchmark logs';

describe('checkStacks: findings, overrides, suppressions', () => {
  it('reports every rule as an error by default, with rule, resource, message and fix', () => {
    const findings = runChecks([input()]);
    expect(findings).toEqual([
      {
        ruleId: 'Logs-RetentionSet',
        level: 'error',
        resource: 'aws_cloudwatch_log_group.a',
        stack: 'demo',
        message: 'Logs without retention: retention_in_days is not set, so logs never expire',
        fix: expect.stringContaining('retention_in_days'),
      },
      expect.objectContaining({ resource: 'aws_cloudwatch_log_group.b', level: 'error' }),
    ]);
    expect(formatFinding(findings[0])).toBe(
      `error: [Logs-RetentionSet] demo/aws_cloudwatch_log_group.a: Logs without retention: retention_in_days is not set, so logs never expire Fix: ${findings[0].fix}`,
    );
  });

  it('config overrides lower one resource to a warning or suppress it; a named resource wins over "*"', () => {
    const report = checkStacks(
      [input()],
      rules([
        { rule: 'Logs-RetentionSet', resource: '*', level: 'suppressed', reason },
        { rule: 'Logs-RetentionSet', resource: 'demo/aws_cloudwatch_log_group.b', level: 'warning', reason },
        {
          rule: 'IAM-PolicySize',
          resource: 'aws_iam_policy.gone',
          level: 'suppressed',
          reason: 'policy removed last week',
        },
      ]),
    );
    expect(report.findings).toEqual([
      expect.objectContaining({
        resource: 'aws_cloudwatch_log_group.b',
        level: 'warning',
        message: expect.stringContaining(`(a warning by config: ${reason})`),
      }),
    ]);
    expect(report.suppressed).toEqual([
      expect.objectContaining({ resource: 'aws_cloudwatch_log_group.a', by: 'config', reason }),
    ]);
    expect(report.unusedOverrides).toEqual([expect.objectContaining({ rule: 'IAM-PolicySize' })]);
  });

  it('honours suppressions carried in the resource JSON, but not without a real reason', () => {
    const meta = (r: string) => ({
      '//': { stackwright: { suppressions: [{ rule: 'Logs-RetentionSet', reason: r }] } },
    });
    const report = checkStacks([input({ a: { name: '/a', ...meta(reason) }, b: { name: '/b', ...meta('because') } })]);
    expect(report.suppressed).toEqual([
      {
        ruleId: 'Logs-RetentionSet',
        resource: 'aws_cloudwatch_log_group.a',
        stack: 'demo',
        message: expect.any(String),
        reason,
        by: 'code',
      },
    ]);
    expect(report.findings).toEqual([
      expect.objectContaining({
        resource: 'aws_cloudwatch_log_group.b',
        level: 'error',
        message: expect.stringContaining('suppression in code is ignored'),
      }),
    ]);
  });

  it('a rule that throws reports itself instead of stopping the check', () => {
    const broken = defineRule({
      id: 'Test-Broken',
      appliesTo: ['*'],
      check: () => {
        throw new Error('boom');
      },
    });
    const report = checkStacks([input({ a: { name: '/a', retention_in_days: 7 } })], undefined, [
      { rule: broken, message: 'Broken', fix: 'Report it.' },
    ]);
    expect(report.findings).toEqual([
      expect.objectContaining({
        ruleId: 'Test-Broken',
        message: 'Broken: the rule could not evaluate this resource (boom); please report it',
      }),
    ]);
  });
});

describe('suppressRule', () => {
  it("writes suppressions beside cdktf's metadata, sorted, one per rule", () => {
    const stack = new TerraformStack(new App({ skipValidation: true, outdir: '.' }), 'demo');
    const group = new CloudwatchLogGroup(stack, 'logs', { name: '/x' });
    suppressRule(group, 'Logs-RetentionSet', reason);
    suppressRule(group, 'IAM-PolicySize', 'not a policy, testing the order');
    suppressRule(group, 'Logs-RetentionSet', `${reason}, updated`);
    const json = stack.toTerraform() as Json;
    expect(json.resource.aws_cloudwatch_log_group.logs['//']).toEqual({
      metadata: { path: 'demo/logs', uniqueId: 'logs' },
      stackwright: {
        suppressions: [
          { rule: 'IAM-PolicySize', reason: 'not a policy, testing the order' },
          { rule: 'Logs-RetentionSet', reason: `${reason}, updated` },
        ],
      },
    });
    expect(checkStacks([{ stack: 'demo', json }]).suppressed).toEqual([
      expect.objectContaining({ ruleId: 'Logs-RetentionSet', by: 'code' }),
    ]);
    expect(declaredSuppressions(json)).toEqual([
      { resource: 'aws_cloudwatch_log_group.logs', rule: 'IAM-PolicySize', reason: 'not a policy, testing the order' },
      { resource: 'aws_cloudwatch_log_group.logs', rule: 'Logs-RetentionSet', reason: `${reason}, updated` },
    ]);
  });

  it('rejects unknown rules and missing reasons, naming what to change', () => {
    const stack = new TerraformStack(new App({ skipValidation: true, outdir: '.' }), 'demo');
    const group = new CloudwatchLogGroup(stack, 'logs', { name: '/x' });
    expect(() => suppressRule(group, 'Logs-Retention', reason)).toThrow(
      /unknown rule 'Logs-Retention'; known rules: .*Logs-RetentionSet/,
    );
    expect(() => suppressRule(group, 'Logs-RetentionSet', 'why not')).toThrow(
      /written reason of at least 10 characters/,
    );
  });
});

describe('rules config', () => {
  it('rejects unknown rule ids with the list of rules, and short reasons', () => {
    const r = rulesConfigSchema.safeParse({ overrides: [{ rule: 'ECS-FargateSize', level: 'warning', reason: 'x' }] });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['overrides.0.reason', 'an override needs a written reason of at least 10 characters'],
      ['overrides.0.rule', "unknown rule 'ECS-FargateSize'"],
    ]);
    const unknown = rulesConfigSchema.safeParse({ overrides: [{ rule: 'ECS-FargateSize', level: 'warning', reason }] });
    expect(unknown.error!.issues).toEqual([
      expect.objectContaining({
        path: ['overrides', 0, 'rule'],
        message: "unknown rule 'ECS-FargateSize'",
        params: { allowed: expect.stringContaining('ECS-FargateTaskSize') },
      }),
    ]);
  });
});

describe('suppressions that cover only named subjects, and raising a rule back by config', () => {
  /** A policy granting `actions` on "*", suppressed in code for IAM-NoWildcardWrite covering only `only`. */
  const policy = (actions: string[], only?: string[]): CheckInput => ({
    stack: 'datadog',
    json: tf({
      aws_iam_policy: {
        p: {
          name: 'p',
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
          }),
          '//': {
            stackwright: {
              suppressions: [
                { rule: 'IAM-NoWildcardWrite', reason: 'reviewed writes on "*"', ...(only ? { only } : {}) },
              ],
            },
          },
        },
      },
    }),
  });
  const wildcardWrites = (report: ReturnType<typeof checkStacks>) =>
    report.findings.filter((f) => f.ruleId === 'IAM-NoWildcardWrite');
  const reviewed = ['logs:PutSubscriptionFilter', 's3:PutBucketNotification'];

  it('suppresses the reviewed write actions and nothing more', () => {
    const ok = checkStacks([policy(['cloudwatch:ListMetrics', ...reviewed], reviewed)]);
    expect(wildcardWrites(ok)).toEqual([]);
    expect(ok.suppressed.map((s) => s.ruleId)).toContain('IAM-NoWildcardWrite');
    // The refresh that added these printed "+" lines and exited 0, and synth passed under the policy-wide suppression.
    const widened = checkStacks([policy([...reviewed, 'iam:*', 's3:PutBucketPolicy'], reviewed)]);
    expect(wildcardWrites(widened)).toEqual([
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(
          /covers only its reviewed subjects, not iam:AcceptDelegationRequest, .* and \d+ more\)$/,
        ),
      }),
    ]);
    expect(wildcardWrites(checkStacks([policy([...reviewed, 's3:PutBucketPolicy'], reviewed)]))[0]!.message).toMatch(
      /not s3:PutBucketPolicy\)$/,
    );
    expect(wildcardWrites(checkStacks([policy(['*'], reviewed)]))[0]!.message).toMatch(/not \*\)$/);
  });

  it('a reviewed pattern covers the actions it matches', () => {
    expect(wildcardWrites(checkStacks([policy(['logs:PutSubscriptionFilter'], ['logs:Put*'])]))).toEqual([]);
  });

  it('rules.overrides level error raises a rule back over a suppression in code', () => {
    const raise = rules([
      {
        rule: 'IAM-NoWildcardWrite',
        resource: 'datadog/aws_iam_policy.p',
        level: 'error',
        reason: 'no writes on "*" in production',
      },
    ]);
    const report = checkStacks([policy(reviewed, reviewed)], raise);
    expect(wildcardWrites(report)).toEqual([
      expect.objectContaining({
        level: 'error',
        message: expect.stringContaining('(an error by config: no writes on "*" in production)'),
      }),
    ]);
    expect(report.unusedOverrides).toEqual([]);
  });

  it('level error on one resource also wins over a "*" warning', () => {
    const raise = rules([
      { rule: 'Logs-RetentionSet', resource: '*', level: 'warning', reason },
      {
        rule: 'Logs-RetentionSet',
        resource: 'aws_cloudwatch_log_group.b',
        level: 'error',
        reason: 'production logs keep',
      },
    ]);
    expect(runChecks([input()], raise).map((f) => [f.resource, f.level])).toEqual([
      ['aws_cloudwatch_log_group.a', 'warning'],
      ['aws_cloudwatch_log_group.b', 'error'],
    ]);
  });
});
