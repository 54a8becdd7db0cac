import { simulate } from '../helpers/iam-simulation';
import { resourcesOf } from '../helpers/synth';
import { ecsSection, service, synthEcs } from './helpers';
import type { Json } from '../helpers/json';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/test-main-reader-task`;
const BUCKET_OBJECT = 'arn:aws:s3:::reports/2026/01.csv';

/** The task roles and their inline policies, by role name, account references filled in. */
async function taskRoles() {
  const json = await synthEcs(
    ecsSection([
      service({
        name: 'reader',
        taskPermissions: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports/*'] }],
      }),
      service({ name: 'plain' }),
    ]),
  );
  const fill = (text: string) => text.replace(/\$\{data\.aws_caller_identity\.[^.}]+\.account_id\}/g, ACCOUNT);
  const roles = Object.entries(resourcesOf(json, 'aws_iam_role')).filter(([, r]: [string, Json]) =>
    r.name.endsWith('-task'),
  );
  const policies = Object.values(resourcesOf(json, 'aws_iam_role_policy')) as Json[];
  return new Map(
    roles.map(([key, role]: [string, Json]) => [
      role.name,
      {
        trust: JSON.parse(fill(role.assume_role_policy)),
        policies: policies.filter((p) => p.role === `\${aws_iam_role.${key}.id}`).map((p) => JSON.parse(p.policy)),
      },
    ]),
  );
}

describe('task roles by IAM simulation', () => {
  let roles: Awaited<ReturnType<typeof taskRoles>>;
  beforeAll(async () => {
    roles = await taskRoles();
  });

  it('grant exactly the configured permissions, and nothing without them', async () => {
    const reader = roles.get('test-main-reader-task')!;
    const plain = roles.get('test-main-plain-task')!;
    const decide = (policies: unknown[], action: string, resource: string) =>
      simulate({ principal: ROLE, action, resource, identityPolicies: policies });
    expect(await decide(reader.policies, 's3:GetObject', BUCKET_OBJECT)).toBe('Allowed');
    expect(await decide(reader.policies, 's3:PutObject', BUCKET_OBJECT)).toBe('ImplicitlyDenied');
    expect(await decide(reader.policies, 's3:GetObject', 'arn:aws:s3:::other/x')).toBe('ImplicitlyDenied');
    expect(plain.policies).toEqual([]);
    expect(await decide(plain.policies, 's3:GetObject', BUCKET_OBJECT)).toBe('ImplicitlyDenied');
  });

  it('may be assumed by ECS tasks on behalf of this account only', async () => {
    const assume = (source: Record<string, string>) =>
      simulate({
        principal: 'ecs-tasks.amazonaws.com',
        action: 'sts:AssumeRole',
        resource: ROLE,
        identityPolicies: [],
        resourcePolicy: roles.get('test-main-reader-task')!.trust,
        context: source,
      });
    expect(await assume({ 'aws:SourceAccount': ACCOUNT })).toBe('Allowed');
    expect(await assume({ 'aws:SourceAccount': '210987654321' })).toBe('ImplicitlyDenied');
  });
});
