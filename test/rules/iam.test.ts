import { expandIamActions } from '@cloud-copilot/iam-expand';
import {
  MANAGED_POLICY_MAX_CHARS,
  policyJson,
  serviceTrustPolicy,
  type PolicyStatement,
} from '../../src/iam/policy-document';
import CrossAccountExternalId from '../../src/rules/iam/CrossAccountExternalId';
import NoWildcardWrite from '../../src/rules/iam/NoWildcardWrite';
import PolicySize, { minimumSize } from '../../src/rules/iam/PolicySize';
import TrustNamesPrincipal from '../../src/rules/iam/TrustNamesPrincipal';
import ValidActions from '../../src/rules/iam/ValidActions';
import { matchAction } from '../../src/rules/iam/iam-actions';
import { judge, problems, tf } from './helpers';

const POLICY = 'aws_iam_policy.p';
const ROLE = 'aws_iam_role.r';
const policy = (...statements: PolicyStatement[]) =>
  tf({ aws_iam_policy: { p: { name: 'p', policy: policyJson(statements) } } });
const role = (trust: string, extra: Record<string, unknown> = {}, more: Record<string, Record<string, object>> = {}) =>
  tf({ aws_iam_role: { r: { name: 'r', assume_role_policy: trust, ...extra } }, ...more });

describe('IAM action catalogue (iam-data)', () => {
  it.each(['ecs:Describe*', 's3:Get*Acl', 'logs:Put?ubscriptionFilter', 'ECS:updateservice', 'sts:*'])(
    'expands %s to exactly the actions iam-expand finds',
    async (pattern) => {
      const m = matchAction(pattern);
      if (m.kind !== 'actions') throw new Error(`expected actions for ${pattern}`);
      const ours = m.actions.map((a) => a.name.toLowerCase()).sort();
      const theirs = (await expandIamActions(pattern)).map((a) => a.toLowerCase()).sort();
      expect(ours.length).toBeGreaterThan(0);
      expect(ours).toEqual(theirs);
    },
  );
  it('knows access levels and resource scoping', () => {
    const m = matchAction('ecs:UpdateService');
    expect(m).toEqual({ kind: 'actions', actions: [{ name: 'ecs:UpdateService', write: true, scopable: true }] });
    expect(matchAction('ecs:ListClusters')).toEqual({
      kind: 'actions',
      actions: [{ name: 'ecs:ListClusters', write: false, scopable: false }],
    });
  });
});

describe('IAM-NoWildcardWrite', () => {
  it('passes reads on "*", writes scoped to ARNs, and writes IAM cannot scope', () => {
    const json = policy(
      {
        Effect: 'Allow',
        Action: ['ecs:ListContainerInstances', 'cloudwatch:GetMetricData', 'ec2:Describe*'],
        Resource: '*',
      },
      { Effect: 'Allow', Action: 'ecs:UpdateService', Resource: 'arn:aws:ecs:us-east-1:111122223333:service/main/web' },
      { Effect: 'Allow', Action: 'xray:PutTraceSegments', Resource: '*' },
    );
    expect(problems(NoWildcardWrite, json, POLICY)).toEqual([]);
  });
  it('fails writes on "*", every action, and NotAction', () => {
    const json = policy(
      { Sid: 'Writes', Effect: 'Allow', Action: ['ecs:UpdateService', 'sqs:SendMessage', 'ecs:List*'], Resource: '*' },
      { Sid: 'All', Effect: 'Allow', Action: '*', Resource: ['*'] },
    );
    expect(problems(NoWildcardWrite, json, POLICY)).toEqual([
      'Writes allows 2 write action(s) on Resource "*": ecs:UpdateService, sqs:SendMessage',
      'All allows 1 write action(s) on Resource "*": * (every action)',
    ]);
    const notAction = tf({
      aws_iam_role_policy: {
        i: { role: 'r', policy: JSON.stringify({ Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' } }) },
      },
    });
    expect(problems(NoWildcardWrite, notAction, 'aws_iam_role_policy.i')).toEqual([
      'statement 1: NotAction with Resource "*" allows every other action, writes included',
    ]);
  });
  it('is not applicable to policies known only at plan time, and ignores resource policies', () => {
    expect(
      judge(NoWildcardWrite, tf({ aws_iam_policy: { p: { policy: '${jsonencode({Statement = []})}' } } }), POLICY)
        .compliance,
    ).toBe('not-applicable');
    expect(judge(NoWildcardWrite, role(serviceTrustPolicy('lambda.amazonaws.com')), ROLE).compliance).toBe(
      'not-applicable',
    );
  });
});

describe('IAM-ValidActions', () => {
  it('passes real actions and wildcards, any case, and references', () => {
    const json = policy({
      Effect: 'Allow',
      Action: ['ecs:describeservices', 'logs:Put*', 'ec2:Describe*', '${var.extra_action}'],
      Resource: '*',
    });
    expect(problems(ValidActions, json, POLICY)).toEqual([]);
  });
  it('fails unknown actions, services, malformed names and wildcards that match nothing', () => {
    const json = policy({
      Effect: 'Allow',
      Action: ['ecs:UpdateServices', 'nosuchservice:Get', 'ecs', 'ecs:Frobnicate*'],
      Resource: '*',
    });
    expect(problems(ValidActions, json, POLICY)).toEqual([
      "'ecs' is not of the form service:Action",
      "'ecs:Frobnicate*' matches no action of ecs",
      "'ecs:UpdateServices' matches no action of ecs",
      "'nosuchservice:Get': IAM has no service 'nosuchservice'",
    ]);
  });
  it('checks trust policies, resource policies and lambda permissions too', () => {
    expect(
      problems(
        ValidActions,
        role(
          policyJson([
            { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRoles' },
          ]),
        ),
        ROLE,
      ),
    ).toHaveLength(1);
    const permission = tf({
      aws_lambda_permission: {
        l: { action: 'lambda:InvokeFunctions', function_name: 'f', principal: 'events.amazonaws.com' },
      },
    });
    expect(problems(ValidActions, permission, 'aws_lambda_permission.l')).toEqual([
      "'lambda:InvokeFunctions' matches no action of lambda",
    ]);
  });
});

describe('IAM-TrustNamesPrincipal', () => {
  it('passes a named service or account', () =>
    expect(problems(TrustNamesPrincipal, role(serviceTrustPolicy('lambda.amazonaws.com')), ROLE)).toEqual([]));
  it('fails a missing principal, "*", and NotPrincipal', () => {
    const trust = JSON.stringify({
      Statement: [
        { Sid: 'NoOne', Effect: 'Allow', Action: 'sts:AssumeRole' },
        { Sid: 'Everyone', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' },
        {
          Sid: 'AllBut',
          Effect: 'Allow',
          NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    expect(problems(TrustNamesPrincipal, role(trust), ROLE)).toEqual([
      'NoOne names no Principal',
      'Everyone trusts every AWS principal ("*")',
      'AllBut uses NotPrincipal',
    ]);
  });
});

describe('IAM-CrossAccountExternalId', () => {
  const trust = (condition?: PolicyStatement['Condition'], principal = 'arn:aws:iam::464622532012:root') =>
    policyJson([
      {
        Sid: 'Vendor',
        Effect: 'Allow',
        Principal: { AWS: principal },
        Action: 'sts:AssumeRole',
        ...(condition ? { Condition: condition } : {}),
      },
    ]);
  it('passes cross-account trust with an external ID, and this account', () => {
    expect(
      problems(CrossAccountExternalId, role(trust({ StringEquals: { 'sts:ExternalId': '${var.external_id}' } })), ROLE),
    ).toEqual([]);
    expect(
      problems(
        CrossAccountExternalId,
        role(trust(undefined, 'arn:aws:iam::${data.aws_caller_identity.me.account_id}:root')),
        ROLE,
      ),
    ).toEqual([]);
    const pinned = {
      ...role(trust(undefined, '111122223333')),
      provider: { aws: [{ region: 'us-east-1', allowed_account_ids: ['111122223333'] }] },
    };
    expect(problems(CrossAccountExternalId, pinned, ROLE)).toEqual([]);
  });
  it('fails cross-account trust without one', () => {
    expect(problems(CrossAccountExternalId, role(trust()), ROLE)).toEqual([
      'Vendor trusts account 464622532012 without an sts:ExternalId condition',
    ]);
  });
});

describe('IAM-PolicySize', () => {
  const actions = (n: number) => Array.from({ length: n }, (_, i) => `ec2:DescribeThing${String(i).padStart(4, '0')}`);
  it('passes a managed policy under 6,144 characters, counting references as empty', () => {
    const json = policy({ Effect: 'Allow', Action: actions(100), Resource: '${aws_sqs_queue.q.arn}' });
    expect(problems(PolicySize, json, POLICY)).toEqual([]);
    expect(minimumSize('{"a": "${aws_sqs_queue.q.arn}"}')).toBe('{"a":""}'.length);
    expect(minimumSize('${jsonencode(local.policy)}')).toBeUndefined();
  });
  it('fails a managed policy over the limit', () => {
    const [p] = problems(PolicySize, policy({ Effect: 'Allow', Action: actions(300), Resource: '*' }), POLICY);
    expect(p).toMatch(new RegExp(`^policy is at least \\d+ characters \\(limit ${MANAGED_POLICY_MAX_CHARS}\\)$`));
  });
  it('fails a role whose inline policies add up to more than 10,240, wherever they are declared', () => {
    const inline = policyJson([{ Effect: 'Allow', Action: actions(250), Resource: '*' }]);
    const json = role(
      serviceTrustPolicy('lambda.amazonaws.com'),
      { inline_policy: [{ name: 'a', policy: inline }] },
      {
        aws_iam_role_policy: { b: { role: '${aws_iam_role.r.name}', policy: inline } },
      },
    );
    expect(problems(PolicySize, json, ROLE)).toEqual([
      expect.stringMatching(/^inline policies add up to at least \d+ characters \(limit 10240\)$/),
    ]);
    expect(
      problems(
        PolicySize,
        role(serviceTrustPolicy('lambda.amazonaws.com'), { inline_policy: [{ name: 'a', policy: inline }] }),
        ROLE,
      ),
    ).toEqual([]);
  });
});
