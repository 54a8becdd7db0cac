import { checkStacks } from '../../src/rules/index';
import type { PackEntry } from '../../src/rules/pack';
import { Compliance } from '../../src/rules/rule';
import { synthStack, testConfig } from '../helpers/synth';

/** Config overrides name resources by address; those written against 0.1.0's hashed addresses must keep working. */
const failsOnRoles: PackEntry = {
  rule: {
    id: 'Test-RoleFinding',
    appliesTo: ['aws_iam_role'],
    check: () => ({ compliance: Compliance.NonCompliant, problems: ['fixture'] }),
  },
  message: 'Always fails',
  fix: 'Nothing to fix.',
};
const override = (resource: string) => ({
  rule: 'Test-RoleFinding',
  resource,
  level: 'suppressed' as const,
  reason: 'written for an older release',
});

describe('rule overrides across the address change', () => {
  let json: Record<string, unknown>;
  beforeAll(async () => {
    json = (await synthStack(testConfig({ datadog: { externalId: 'manual' } }), 'datadog')).json;
  });
  const check = (resource: string) =>
    checkStacks([{ stack: 'datadog', json }], { overrides: [override(resource)] }, [failsOnRoles]);

  const names = ['aws_iam_role.delegation_role', 'aws_iam_role.delegation_role_CBBB7F21'].flatMap((a) => [
    a,
    `datadog/${a}`,
  ]);
  it.each(names)('an override naming %s applies to the role', (resource) => {
    const report = check(resource);
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((s) => [s.resource, s.by])).toEqual([['aws_iam_role.delegation_role', 'config']]);
    expect(report.unusedOverrides).toEqual([]);
  });

  it("an override naming another resource's old address does not apply", () => {
    const report = check('aws_iam_policy.delegation_permissions_D98425A2');
    expect(report.findings.map((f) => f.resource)).toEqual(['aws_iam_role.delegation_role']);
    expect(report.unusedOverrides).toHaveLength(1);
  });
});
