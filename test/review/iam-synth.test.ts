import { iamDelta, renderIamDeltaMarkdown, type IamSubjectDelta } from '../../src/review/iam-delta';
import { snapshotPermissions } from '../../src/datadog/permissions';
import { synthStack, testConfig } from '../helpers/synth';
import { ecsSection, service, synthEcs } from '../ecs/helpers';

/** The one changed subject of a delta. */
function onlySubject(subjects: readonly IamSubjectDelta[]): IamSubjectDelta {
  expect(subjects.map((s) => s.address)).toHaveLength(1);
  return subjects[0];
}

async function synthDatadog(section: Record<string, unknown>) {
  return (await synthStack(testConfig({ datadog: section }), 'datadog')).json;
}

describe('iamDelta on stacks synthesized from configs', () => {
  const withPermissions = (taskPermissions: unknown[]) => synthEcs(ecsSection([service({ taskPermissions })]));
  const scoped = { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bucket/*'] };

  it('an ECS service granted one more action: that action, on the task role', async () => {
    const base = await withPermissions([scoped]);
    const head = await withPermissions([{ ...scoped, actions: ['s3:GetObject', 's3:ListBucket'] }]);
    const s = onlySubject(iamDelta(base, head).subjects);
    expect(s.address).toMatch(/^aws_iam_role\..*task_role/);
    expect(s).toMatchObject({ granted: ['s3:ListBucket'], revoked: [], flags: [] });
  });

  it('an ECS service granted s3:* on "*": every S3 action expanded, the write ones flagged', async () => {
    const base = await withPermissions([scoped]);
    const head = await withPermissions([scoped, { actions: ['s3:*'], resources: ['*'] }]);
    const s = onlySubject(iamDelta(base, head).subjects);
    expect(s.granted).toContain('s3:DeleteBucket');
    expect(s.granted.length).toBeGreaterThan(50);
    expect(s.widened).toEqual([
      { actions: ['s3:GetObject'], before: ['arn:aws:s3:::bucket/*'], after: ['*', 'arn:aws:s3:::bucket/*'] },
    ]);
    expect(s.flags.map((f) => f.kind)).toEqual(['write-on-wildcard']);
    expect(s.flags[0].reason).toMatch(/^allows \d+ write action\(s\) on every resource: s3:AbortMultipartUpload, /);
  });

  it('an ECS service granted iam:PassRole: flagged', async () => {
    const base = await withPermissions([scoped]);
    const head = await withPermissions([
      scoped,
      { actions: ['iam:PassRole'], resources: ['arn:aws:iam::111122223333:role/x'] },
    ]);
    const s = onlySubject(iamDelta(base, head).subjects);
    expect(s.flags).toEqual([{ kind: 'pass-role', reason: 'allows iam:PassRole on arn:aws:iam::111122223333:role/x' }]);
  });

  it('switching the Datadog permission set standard -> full: the permission list delta, flagged', async () => {
    const base = await synthDatadog({ permissions: 'standard' });
    const head = await synthDatadog({ permissions: 'full' });
    const s = onlySubject(iamDelta(base, head).subjects);
    const [standard, full] = [snapshotPermissions('standard'), snapshotPermissions('full')];
    expect(s.address).toBe('aws_iam_role.delegation_role');
    expect(s.datadog).toEqual({
      setBefore: 'standard',
      setAfter: 'full',
      added: full.filter((a) => !standard.includes(a)),
      removed: standard.filter((a) => !full.includes(a)),
    });
    expect(s.granted.length).toBeGreaterThan(0);
    expect(s.flags.map((f) => f.kind)).toContain('datadog-permissions');
    const back = onlySubject(iamDelta(head, base).subjects);
    expect(back.datadog).toMatchObject({ setBefore: 'full', setAfter: 'standard' });
    expect(back.revoked.length).toBe(s.granted.length);
  });

  it('a Datadog site in another Datadog account: a new cross-account trust principal, flagged', async () => {
    const base = await synthDatadog({ site: 'datadoghq.com' });
    const head = await synthDatadog({ site: 'ap1.datadoghq.com' });
    const s = onlySubject(iamDelta(base, head).subjects);
    // src/datadog/sites.ts: ap1.datadoghq.com is served from Datadog account 417141415827.
    expect(s.principalsAdded).toEqual(['AWS:arn:aws:iam::417141415827:root']);
    expect(s.principalsRemoved).toEqual(['AWS:arn:aws:iam::464622532012:root']);
    expect(s.flags).toEqual([
      {
        kind: 'cross-account-trust',
        reason:
          'newly trusts AWS:arn:aws:iam::417141415827:root (account 417141415827), with an sts:ExternalId condition',
      },
    ]);
  });

  it('the Datadog external ID moving from managed to manual: the condition change, flagged', async () => {
    const base = await synthDatadog({ externalId: 'managed' });
    const head = await synthDatadog({ externalId: 'manual' });
    const s = iamDelta(base, head).subjects.find((x) => x.address === 'aws_iam_role.delegation_role')!;
    expect(s.externalId?.before).toEqual(['StringEquals ${datadog_integration_aws_external_id.external_id.id}']);
    expect(s.externalId?.after).toHaveLength(1);
    expect(s.externalId?.after[0]).toMatch(/^StringEquals \$\{var\./);
    expect(s.flags.map((f) => f.kind)).toEqual(['external-id']);
    expect(renderIamDeltaMarkdown(iamDelta(base, head)).join('\n')).toContain('sts:ExternalId condition:');
  });
});
