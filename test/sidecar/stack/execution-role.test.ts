import { validateIdentityPolicy, validateTrustPolicy } from '@cloud-copilot/iam-policy';
import { simulate } from '../../helpers/iam-simulation';
import { resourcesOf } from '../../helpers/synth';
import { allDeployments, dPath, resourceAt, synthSidecar } from './helpers';
import type { Deployment } from '../../../src/sidecar/deployments';
import type { Json } from '../../helpers/json';

const ACCOUNT = '123456789012';
const repoArn = (name: string) => `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/test-sidecar/${name}`;
const logGroupArn = (d: Deployment) =>
  `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/stackwright/test-sidecar/${dPath(d)}`;
const imagesOf = (variant: string) => (variant === 'combined' ? ['combined'] : [`${variant}-nginx`, `${variant}-app`]);

function decide(policy: unknown, action: string, resource: string): Promise<string> {
  return simulate({ principal: `arn:aws:iam::${ACCOUNT}:role/exec`, action, resource, identityPolicies: [policy] });
}

/** Replaces the Terraform references in a policy with the ARNs they become at apply time. */
function resolve(policy: string, json: Json): Json {
  const byId = (type: string, id: string) =>
    (json.resource[type] as Record<string, Json>)[id]['//'].metadata.path as string;
  return JSON.parse(
    policy.replace(/\$\{([a-z_]+)\.([A-Za-z0-9_-]+)\.arn\}/g, (_m, type: string, id: string) => {
      const path = byId(type, id);
      if (type === 'aws_ecr_repository') return repoArn(path.replace(/^sidecar\/images\//, '').replace(/-repo$/, ''));
      if (type === 'aws_cloudwatch_log_group')
        return `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/stackwright/test-sidecar/${path.split('/')[1]}`;
      throw new Error(`unexpected reference ${type}.${id}`);
    }),
  );
}

describe('task execution roles', () => {
  let json: Json;
  beforeAll(async () => {
    json = (await synthSidecar()).json;
  });

  it('one role per deployment, each with one inline policy (and the VPC flow log role)', () => {
    const roles = Object.keys(resourcesOf(json, 'aws_iam_role'));
    expect(roles.filter((r) => r !== 'network_flow_logs_role')).toHaveLength(6);
    expect(Object.keys(resourcesOf(json, 'aws_iam_role_policy'))).toHaveLength(7);
    expect(resourcesOf(json, 'aws_iam_role_policy_attachment')).toEqual({}); // no broad managed policy
  });

  describe.each(allDeployments)('$variant on $architecture', (d) => {
    let policy: Json;
    beforeAll(() => {
      policy = resolve(resourceAt(json, 'aws_iam_role_policy', `${dPath(d)}/execution-role/policy`).policy, json);
    });

    it('has a valid trust policy for ECS tasks of this account only', () => {
      const trust = JSON.parse(resourceAt(json, 'aws_iam_role', `${dPath(d)}/execution-role/role`).assume_role_policy);
      expect(validateTrustPolicy(trust)).toEqual([]);
      const caller = Object.keys(json.data.aws_caller_identity)[0];
      expect(trust.Statement).toEqual([
        {
          Effect: 'Allow',
          Principal: { Service: 'ecs-tasks.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: {
            StringEquals: { 'aws:SourceAccount': `\${data.aws_caller_identity.${caller}.account_id}` },
            ArnLike: { 'aws:SourceArn': `arn:aws:ecs:us-east-1:\${data.aws_caller_identity.${caller}.account_id}:*` },
          },
        },
      ]);
    });

    it('is a valid identity policy', () => {
      expect(validateIdentityPolicy(policy)).toEqual([]);
    });

    it('may log in to the registry and pull its own images, and nothing else from ECR', async () => {
      expect(await decide(policy, 'ecr:GetAuthorizationToken', '*')).toBe('Allowed');
      for (const name of imagesOf(d.variant)) {
        for (const action of ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability']) {
          expect(await decide(policy, action, repoArn(name))).toBe('Allowed');
        }
        for (const action of ['ecr:PutImage', 'ecr:DeleteRepository', 'ecr:InitiateLayerUpload']) {
          expect(await decide(policy, action, repoArn(name))).toBe('ImplicitlyDenied');
        }
      }
      const other = ['tcp', 'sharedvol', 'combined'].find((v) => v !== d.variant)!;
      expect(await decide(policy, 'ecr:BatchGetImage', repoArn(imagesOf(other)[0]!))).toBe('ImplicitlyDenied');
    });

    it('may write only to its own log group', async () => {
      expect(await decide(policy, 'logs:CreateLogStream', `${logGroupArn(d)}:log-stream:${d.variant}/app/abc`)).toBe(
        'Allowed',
      );
      expect(await decide(policy, 'logs:PutLogEvents', `${logGroupArn(d)}:log-stream:${d.variant}/app/abc`)).toBe(
        'Allowed',
      );
      expect(await decide(policy, 'logs:CreateLogGroup', logGroupArn(d))).toBe('ImplicitlyDenied');
      const other = allDeployments.find((o) => dPath(o) !== dPath(d))!;
      expect(await decide(policy, 'logs:PutLogEvents', `${logGroupArn(other)}:log-stream:x`)).toBe('ImplicitlyDenied');
    });
  });
});
