import ExclusivePolicyManagement from '../../src/rules/iam/ExclusivePolicyManagement';
import PolicyAttachmentConflict from '../../src/rules/iam/PolicyAttachmentConflict';
import { judge, problems, tf } from './helpers';

// IAM-ExclusivePolicyManagement quotes the provider's aws_iam_role docs ("resource cycling and/or errors").

const ROLE = 'aws_iam_role.app';
const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }],
});

describe('IAM-ExclusivePolicyManagement', () => {
  it('passes a role with exclusive managed policies and only inline policies attached elsewhere', () => {
    const json = tf({
      aws_iam_role: {
        app: { name: 'app', assume_role_policy: trust, managed_policy_arns: ['arn:aws:iam::aws:policy/x'] },
      },
      aws_iam_role_policy: { inline: { role: '${aws_iam_role.app.id}', policy } },
    });
    expect(problems(ExclusivePolicyManagement, json, ROLE)).toEqual([]);
  });
  it('fails exclusive inline or managed policies next to resources managing the same kind', () => {
    const json = tf({
      aws_iam_role: { app: { name: 'app', assume_role_policy: trust, inline_policy: [{ name: 'p', policy }] } },
      aws_iam_role_policy: { inline: { role: '${aws_iam_role.app.name}', policy } },
    });
    expect(problems(ExclusivePolicyManagement, json, ROLE)).toEqual([
      "inline_policy is exclusive, yet aws_iam_role_policy.inline also manages the role's inline policies",
    ]);
    const managed = tf({
      aws_iam_role: { app: { name: 'app', assume_role_policy: trust, managed_policy_arns: [] } },
      aws_iam_policy_attachment: { a: { name: 'a', roles: ['app'], policy_arn: 'arn:aws:iam::aws:policy/x' } },
    });
    expect(problems(ExclusivePolicyManagement, managed, ROLE)).toHaveLength(1);
  });
  it('is not applicable to roles that leave their policies to other resources', () => {
    const json = tf({ aws_iam_role: { app: { name: 'app', assume_role_policy: trust } } });
    expect(judge(ExclusivePolicyManagement, json, ROLE).compliance).toBe('not-applicable');
  });
});

describe('IAM-PolicyAttachmentConflict (provider docs: "will permanently show a difference if both are defined")', () => {
  const EXCLUSIVE = 'aws_iam_policy_attachment.all';
  const stack = (rolePolicyArn: string) =>
    tf({
      aws_iam_policy: { p: { name: 'p', policy } },
      aws_iam_policy_attachment: { all: { name: 'all', roles: ['a'], policy_arn: '${aws_iam_policy.p.arn}' } },
      aws_iam_role_policy_attachment: { b: { role: 'b', policy_arn: rolePolicyArn } },
    });
  it('passes when per-entity attachments attach other policies', () => {
    expect(problems(PolicyAttachmentConflict, stack('arn:aws:iam::aws:policy/ReadOnlyAccess'), EXCLUSIVE)).toEqual([]);
  });
  it('fails when a per-entity attachment attaches the same policy', () => {
    expect(problems(PolicyAttachmentConflict, stack('${aws_iam_policy.p.arn}'), EXCLUSIVE)).toEqual([
      "aws_iam_role_policy_attachment.b attaches the same policy, so each plan undoes the other's attachments",
    ]);
  });
});
