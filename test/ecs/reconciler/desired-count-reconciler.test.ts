import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { onlyResource, resourcesOf } from '../../helpers/synth';
import { parseEventPattern } from '../../helpers/events/event-pattern';
import { MANAGED, resolveRefs, synthReconciler } from './synth-reconciler';
import { clusterArn, instanceEvent, sqsBatch, taskEvent } from './sample-events';
import type { Json } from '../../helpers/json';

describe('DesiredCountReconciler: the rule', () => {
  const { json } = synthReconciler();
  const rule = onlyResource(json, 'aws_cloudwatch_event_rule');
  const matches = parseEventPattern(rule.event_pattern);

  it('matches instance state changes of the managed clusters, ACTIVE or DRAINING', () => {
    expect(matches(instanceEvent('test-web', 'ACTIVE'))).toBe(true);
    expect(matches(instanceEvent('test-web', 'DRAINING'))).toBe(true);
    expect(matches(instanceEvent('test-api', 'DEREGISTERING'))).toBe(true);
  });

  it('does not match another cluster, the same cluster name in another account, or a task state change', () => {
    expect(matches(instanceEvent('other'))).toBe(false);
    const elsewhere = instanceEvent('test-web');
    (elsewhere.detail as Record<string, unknown>).clusterArn = clusterArn('test-web', '210987654321');
    expect(matches(elsewhere)).toBe(false);
    expect(matches(taskEvent('test-web'))).toBe(false);
    expect(matches({ ...instanceEvent('test-web'), source: 'custom.ecs' })).toBe(false);
  });

  it('is enabled, on the default bus, and named after the environment', () => {
    expect(rule).toMatchObject({ name: 'test-ecs-reconciler-instance-changes', state: 'ENABLED' });
    expect(rule.event_bus_name).toBeUndefined();
  });

  it('refers to cluster ARNs that are Terraform references', () => {
    const withRef = synthReconciler({}, { withClusterResource: true }).json;
    const pattern = JSON.parse(onlyResource(withRef, 'aws_cloudwatch_event_rule').event_pattern);
    expect(pattern.detail.clusterArn).toEqual([
      expect.stringMatching(/^\$\{aws_ecs_cluster\.cluster(_[A-Za-z0-9]+)?\.arn\}$/),
    ]);
    const policy = JSON.parse(onlyResource(withRef, 'aws_iam_role_policy').policy);
    expect(policy.Statement[0].Resource).toEqual(pattern.detail.clusterArn);
  });
});

describe('DesiredCountReconciler: the FIFO queue, retries and the dead-letter queues', () => {
  const { json } = synthReconciler();
  const queues = Object.entries(resourcesOf(json, 'aws_sqs_queue')) as [string, Json][];
  const queue = (name: string) => {
    const found = queues.filter(([, q]) => q.name === name);
    expect(found).toHaveLength(1);
    return { ref: `\${aws_sqs_queue.${found[0]![0]}.arn}`, body: found[0]![1] };
  };
  const policyOf = (queueKey: string) => {
    const policies = Object.values(resourcesOf(json, 'aws_sqs_queue_policy')).filter((p: Json) =>
      p.queue_url.includes(`aws_sqs_queue.${queueKey}.`),
    );
    expect(policies).toHaveLength(1);
    return JSON.parse((policies[0] as Json).policy);
  };
  const events = queue('test-ecs-reconciler-events.fifo');
  const failed = queue('test-ecs-reconciler-failed.fifo');
  const dlq = queue('test-ecs-reconciler-dlq');
  const ruleRef = expect.stringMatching(/^\$\{aws_cloudwatch_event_rule\.[^.]+\.arn\}$/);
  const key = (ref: string) => /aws_sqs_queue\.([^.]+)\./.exec(ref)![1]!;
  const tlsOnly = expect.objectContaining({
    Effect: 'Deny',
    Action: 'sqs:*',
    Condition: { Bool: { 'aws:SecureTransport': false } },
  });

  it('has exactly the three queues, all encrypted (SSE-SQS)', () => {
    expect(queues).toHaveLength(3);
    for (const [, q] of queues) expect(q.sqs_managed_sse_enabled).toBe(true);
  });

  it('events: FIFO with content-based deduplication, visibility 6 x the timeout, failed batches to the failed queue after 5 receives', () => {
    expect(events.body).toMatchObject({
      fifo_queue: true,
      content_based_deduplication: true,
      visibility_timeout_seconds: 180,
      message_retention_seconds: 86400,
    });
    expect(JSON.parse(events.body.redrive_policy)).toEqual({ deadLetterTargetArn: failed.ref, maxReceiveCount: 5 });
    expect(failed.body).toMatchObject({ fifo_queue: true, message_retention_seconds: 1209600 });
    expect(dlq.body).toMatchObject({ message_retention_seconds: 1209600 });
    expect(dlq.body.fifo_queue).toBeUndefined();
  });

  it('lets only the rule send to the events queue and the DLQ, only over TLS; the failed queue is TLS only', () => {
    for (const [q, sid] of [
      [events, 'EventBridgeRuleEvents'],
      [dlq, 'EventBridgeRuleDeadLetters'],
    ] as const) {
      expect(policyOf(key(q.ref)).Statement).toEqual([
        {
          Sid: sid,
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: q.ref,
          Condition: { ArnEquals: { 'aws:SourceArn': ruleRef } },
        },
        tlsOnly,
      ]);
    }
    expect(policyOf(key(failed.ref)).Statement).toEqual([tlsOnly]);
  });

  it('sends the events to the FIFO queue in one message group, with retries and the DLQ for delivery failures', () => {
    expect(onlyResource(json, 'aws_cloudwatch_event_target')).toMatchObject({
      arn: events.ref,
      sqs_target: { message_group_id: 'instance-state-changes' },
      retry_policy: { maximum_retry_attempts: 10, maximum_event_age_in_seconds: 3600 },
      dead_letter_config: { arn: dlq.ref },
    });
  });

  it('the function reads the queue through an event source mapping; EventBridge does not invoke it', () => {
    expect(onlyResource(json, 'aws_lambda_event_source_mapping')).toMatchObject({
      event_source_arn: events.ref,
      function_name: expect.stringMatching(/^\$\{aws_lambda_function\.[^.]+\.arn\}$/),
      batch_size: 10,
      enabled: true,
    });
    expect(resourcesOf(json, 'aws_lambda_permission')).toEqual({});
    expect(resourcesOf(json, 'aws_lambda_function_event_invoke_config')).toEqual({});
  });
});

describe('DesiredCountReconciler: the function', () => {
  const { json, stack } = synthReconciler();
  const fn = onlyResource(json, 'aws_lambda_function');

  it('runs on arm64 Node.js without reserved concurrency (an account at the quota of 10 cannot reserve), handler at the zip root', () => {
    expect(fn).toMatchObject({
      function_name: 'test-ecs-reconciler',
      runtime: 'nodejs24.x',
      architectures: ['arm64'],
      handler: 'index.handler',
      filename: '${path.module}/assets/ecs-reconciler.zip',
    });
  });

  it('gets the managed services and dry run from its environment', () => {
    expect(fn.environment.variables).toEqual({
      MANAGED_SERVICES: '{"test-api":["log-agent"],"test-web":["log-agent","node-exporter"]}',
      DRY_RUN: 'false',
    });
    const dry = onlyResource(synthReconciler({ dryRun: true }).json, 'aws_lambda_function');
    expect(dry.environment.variables.DRY_RUN).toBe('true');
  });

  it('logs JSON to its own log group, kept 30 days by default', () => {
    const group = onlyResource(json, 'aws_cloudwatch_log_group');
    expect(group).toMatchObject({ name: '/aws/lambda/test-ecs-reconciler', retention_in_days: 30 });
    expect(fn.logging_config).toMatchObject({
      log_format: 'JSON',
      log_group: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.[^.]+\.name\}$/),
    });
    const custom = onlyResource(synthReconciler({ logRetentionDays: 90 }).json, 'aws_cloudwatch_log_group');
    expect(custom.retention_in_days).toBe(90);
  });

  it('ships a reproducible zip whose hash is the source_code_hash', () => {
    const file = stack.stackFiles().find((f) => f.path === 'assets/ecs-reconciler.zip')!;
    const zip = file.contents as Uint8Array;
    expect(fn.source_code_hash).toBe(createHash('sha256').update(zip).digest('base64'));
    const again = synthReconciler();
    expect(onlyResource(again.json, 'aws_lambda_function').source_code_hash).toBe(fn.source_code_hash);
    expect(again.stack.stackFiles().find((f) => f.path === 'assets/ecs-reconciler.zip')!.contents).toEqual(zip);
    expect(Object.keys(unzipSync(zip))).toEqual(['index.js']);
  });

  it('zips a bundle that loads and handles an event (AWS SDK from the runtime)', async () => {
    const code = strFromU8(unzipSync(stack.stackFiles()[0].contents as Uint8Array)['index.js']);
    expect(code).toMatch(/require\("@aws-sdk\/client-ecs"\)/);
    expect(code).not.toContain(resolve(__dirname, '../../..'));
    const module = { exports: {} as { handler: (event: unknown) => Promise<unknown> } };
    new Function('module', 'exports', 'require', 'process', code)(module, module.exports, require, {
      ...process,
      env: { MANAGED_SERVICES: '{"test-web":["log-agent"]}', AWS_REGION: 'us-east-1', POWERTOOLS_LOG_LEVEL: 'SILENT' },
    });
    await expect(module.exports.handler(taskEvent('test-web'))).resolves.toEqual({
      outcome: 'ignored',
      reason: 'unrelated',
    });
    await expect(module.exports.handler(sqsBatch(taskEvent('test-web')))).resolves.toEqual({
      outcome: 'batch',
      messages: 1,
      results: [{ outcome: 'ignored', reason: 'unrelated' }],
    });
  });

  it('creates an aws_caller_identity for the account unless one is given', () => {
    expect(Object.keys(json.data.aws_caller_identity)).toHaveLength(1);
    expect(onlyResource(json, 'aws_iam_role_policy').policy).toMatch(
      /:\$\{data\.aws_caller_identity\.[^.]+\.account_id\}:service\/test-web\/log-agent/,
    );
    const given = synthReconciler({ accountId: '111122223333' }).json;
    expect(given.data?.aws_caller_identity).toBeUndefined();
    expect(onlyResource(given, 'aws_iam_role_policy').policy).toContain(
      'arn:aws:ecs:us-east-1:111122223333:service/test-web/log-agent',
    );
  });

  it('grants nothing on "*"', () => {
    const policy = JSON.parse(resolveRefs(onlyResource(json, 'aws_iam_role_policy').policy));
    for (const statement of policy.Statement) {
      expect([statement.Resource].flat()).not.toContain('*');
      expect(statement.Effect).toBe('Allow');
    }
  });
});

describe('DesiredCountReconciler: validation', () => {
  const cases: [string, Parameters<typeof synthReconciler>[0], RegExp][] = [
    ['no cluster', { managed: [] }, /managed lists no cluster/],
    ['a cluster twice', { managed: [MANAGED[0], MANAGED[0]] }, /'test-web' is listed twice/],
    ['a cluster without services', { managed: [{ ...MANAGED[0], serviceNames: [] }] }, /lists no service/],
    ['a service twice', { managed: [{ ...MANAGED[0], serviceNames: ['a', 'a'] }] }, /lists a service twice/],
    [
      'a bad cluster name',
      { managed: [{ ...MANAGED[0], clusterName: 'web/1' }] },
      /clusterName 'web\/1' must be a literal ECS cluster name/,
    ],
    [
      'a cluster name reference',
      { managed: [{ ...MANAGED[0], clusterName: '${aws_ecs_cluster.x.name}' }] },
      /must be a literal/,
    ],
    [
      'a bad service name',
      { managed: [{ ...MANAGED[0], serviceNames: ['a b'] }] },
      /service name 'a b' in cluster 'test-web'/,
    ],
    [
      'a retention CloudWatch does not accept',
      { logRetentionDays: 10 },
      /logRetentionDays 10 is not accepted.*one of 1, 3, 5/,
    ],
  ];
  it.each(cases)('rejects %s, saying what to change', (_what, overrides, message) => {
    expect(() => synthReconciler(overrides)).toThrow(message);
  });

  it("rejects more services than the role policy can name within IAM's limit", () => {
    const clusters = (n: number, perCluster: number) =>
      Array.from({ length: n }, (_, c) => ({
        clusterName: `test-cluster-${c}`,
        clusterArn: clusterArn(`test-cluster-${c}`),
        serviceNames: Array.from({ length: perCluster }, (_, s) => `service-${s}`),
      }));
    expect(() => synthReconciler({ managed: clusters(10, 10) })).not.toThrow();
    expect(() => synthReconciler({ managed: clusters(20, 10) })).toThrow(
      /role policy for 200 managed services would be \d+ characters, over IAM's 10240/,
    );
  });
});
