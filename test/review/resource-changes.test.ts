import { changesFromDiff, changesFromPlan, countChanges, STAND_IN_NOTE } from '../../src/review/resource-changes';
import type { TerraformDocument } from '../../src/terraform/json';

const base: TerraformDocument = {
  resource: {
    aws_ecs_service: { web: { desired_count: 2, '//': { metadata: 'a' } } },
    aws_iam_role: { old_name: { name: 'r' } },
    aws_sqs_queue: { gone: { name: 'q' } },
    datadog_integration_aws_account: { account: { aws_account_id: '1' } },
  },
};
const head: TerraformDocument = {
  resource: {
    aws_ecs_service: { web: { desired_count: 3, '//': { metadata: 'b' } } },
    aws_iam_role: { new_name: { name: 'r' } },
    aws_lb: { added: {} },
    datadog_integration_aws_account: { account: { aws_account_id: '2' } },
  },
  moved: [
    { from: 'aws_iam_role.old_name', to: 'aws_iam_role.new_name' },
    { from: 'aws_iam_role.released', to: 'aws_iam_role.elsewhere' },
  ],
};

describe('resource changes', () => {
  it('from the configuration diff: creates, destroys and moves are certain, changes have replacement unknown', () => {
    const changes = changesFromDiff(base, head, 'terraform is not available');
    expect(changes).toEqual([
      { address: 'aws_sqs_queue.gone', kind: 'destroy' },
      {
        address: 'aws_ecs_service.web',
        kind: 'change',
        attributes: ['desired_count'],
        unknownBecause: 'terraform is not available',
      },
      {
        address: 'datadog_integration_aws_account.account',
        kind: 'change',
        attributes: ['aws_account_id'],
        unknownBecause: 'terraform is not available',
      },
      { address: 'aws_lb.added', kind: 'create' },
      { address: 'aws_iam_role.new_name', kind: 'move', previousAddress: 'aws_iam_role.old_name' },
    ]);
    expect(countChanges(changes)).toEqual({ create: 1, update: 0, replace: 0, destroy: 1, move: 1, unknown: 2 });
  });

  it('from the plan: Terraform says update, replace (with replace_paths), move; stood-in resources stay unknown', () => {
    const changes = changesFromPlan(base, head, [
      { address: 'aws_ecs_service.web', actions: ['update'], changed: ['desired_count', 'arn'], replacePaths: [] },
      {
        address: 'aws_iam_role.new_name',
        previousAddress: 'aws_iam_role.old_name',
        actions: ['no-op'],
        changed: [],
        replacePaths: [],
      },
      { address: 'aws_lb.added', actions: ['create'], changed: [], replacePaths: [] },
      { address: 'aws_sqs_queue.gone', actions: ['delete'], changed: [], replacePaths: [] },
      {
        address: 'datadog_integration_aws_account.account',
        actions: ['update'],
        changed: ['input'],
        replacePaths: [],
        standIn: 'terraform_data.datadog_integration_aws_account__account',
      },
    ]);
    expect(changes).toEqual([
      { address: 'aws_sqs_queue.gone', kind: 'destroy' },
      {
        address: 'datadog_integration_aws_account.account',
        kind: 'change',
        attributes: ['aws_account_id'],
        unknownBecause: STAND_IN_NOTE,
      },
      // `arn` is not configured: a computed attribute is not what the reviewer changed.
      { address: 'aws_ecs_service.web', kind: 'update', attributes: ['desired_count'] },
      { address: 'aws_lb.added', kind: 'create' },
      { address: 'aws_iam_role.new_name', kind: 'move', previousAddress: 'aws_iam_role.old_name' },
    ]);
    const replaced = changesFromPlan(base, head, [
      {
        address: 'aws_ecs_service.web',
        actions: ['delete', 'create'],
        changed: ['desired_count'],
        replacePaths: ['desired_count'],
      },
    ]);
    expect(replaced).toEqual([
      { address: 'aws_ecs_service.web', kind: 'replace', forcedBy: ['desired_count'], attributes: ['desired_count'] },
    ]);
  });
});
