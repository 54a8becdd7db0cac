import PatternFields from '../../src/rules/events/PatternFields';
import AsyncFailureHandling from '../../src/rules/lambda/AsyncFailureHandling';
import NoSecretsInEnvironment from '../../src/rules/lambda/NoSecretsInEnvironment';
import RetentionSet from '../../src/rules/logs/RetentionSet';
import { containers, ec2Task, judge, problems, tf } from './helpers';

const fn = (over: Record<string, unknown> = {}) => ({
  function_name: 'demo-reconciler',
  role: 'arn:aws:iam::1:role/r',
  runtime: 'nodejs20.x',
  handler: 'index.handler',
  ...over,
});
const TARGET = 'aws_cloudwatch_event_target.t';

describe('Lambda-AsyncFailureHandling', () => {
  const target = (over: Record<string, unknown> = {}) => ({
    rule: '${aws_cloudwatch_event_rule.r.name}',
    arn: '${aws_lambda_function.f.arn}',
    ...over,
  });
  it('passes with an on-failure destination, a function DLQ, or a target DLQ', () => {
    const invokeConfig = {
      function_name: '${aws_lambda_function.f.function_name}',
      destination_config: { on_failure: { destination: '${aws_sqs_queue.dlq.arn}' } },
    };
    expect(
      problems(
        AsyncFailureHandling,
        tf({
          aws_lambda_function: { f: fn() },
          aws_cloudwatch_event_target: { t: target() },
          aws_lambda_function_event_invoke_config: { c: invokeConfig },
        }),
        TARGET,
      ),
    ).toEqual([]);
    expect(
      problems(
        AsyncFailureHandling,
        tf({
          aws_lambda_function: { f: fn({ dead_letter_config: { target_arn: '${aws_sqs_queue.dlq.arn}' } }) },
          aws_cloudwatch_event_target: { t: target() },
        }),
        TARGET,
      ),
    ).toEqual([]);
    expect(
      problems(
        AsyncFailureHandling,
        tf({
          aws_lambda_function: { f: fn() },
          aws_cloudwatch_event_target: { t: target({ dead_letter_config: { arn: 'arn:aws:sqs:x' } }) },
        }),
        TARGET,
      ),
    ).toEqual([]);
  });
  it('fails an EventBridge target or SNS subscription with nowhere for failed events', () => {
    expect(
      problems(
        AsyncFailureHandling,
        tf({ aws_lambda_function: { f: fn() }, aws_cloudwatch_event_target: { t: target() } }),
        TARGET,
      ),
    ).toEqual(['aws_lambda_function.f is invoked asynchronously with no dead-letter queue or on-failure destination']);
    const sns = tf({
      aws_lambda_function: { f: fn() },
      aws_sns_topic_subscription: {
        s: { topic_arn: 'arn:aws:sns:x', protocol: 'lambda', endpoint: '${aws_lambda_function.f.arn}' },
      },
    });
    expect(problems(AsyncFailureHandling, sns, 'aws_sns_topic_subscription.s')).toHaveLength(1);
  });
  it('is not applicable to other targets and functions outside the stack', () => {
    expect(
      judge(
        AsyncFailureHandling,
        tf({ aws_cloudwatch_event_target: { t: target({ arn: 'arn:aws:lambda:us-east-1:1:function:x' }) } }),
        TARGET,
      ).compliance,
    ).toBe('not-applicable');
  });
});

describe('Logs-RetentionSet', () => {
  it('passes log groups with retention and Lambda functions whose group is declared', () => {
    const json = tf({
      aws_cloudwatch_log_group: {
        g: { name: '/aws/lambda/${aws_lambda_function.f.function_name}', retention_in_days: 30 },
        h: { name: '/custom', retention_in_days: 7 },
      },
      aws_lambda_function: {
        f: fn(),
        k: fn({ function_name: 'other', logging_config: { log_format: 'JSON', log_group: '/custom' } }),
      },
    });
    expect(problems(RetentionSet, json, 'aws_cloudwatch_log_group.g')).toEqual([]);
    expect(problems(RetentionSet, json, 'aws_lambda_function.f')).toEqual([]);
    expect(problems(RetentionSet, json, 'aws_lambda_function.k')).toEqual([]);
  });
  it('fails a group without retention, a function without a declared group, and ECS-created groups', () => {
    const json = tf({
      aws_cloudwatch_log_group: { g: { name: '/x' } },
      aws_lambda_function: { f: fn() },
      aws_ecs_task_definition: {
        web: ec2Task({
          container_definitions: containers({
            name: 'a',
            memory: 64,
            logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-create-group': 'true' } },
          }),
        }),
      },
    });
    expect(problems(RetentionSet, json, 'aws_cloudwatch_log_group.g')).toEqual([
      'retention_in_days is not set, so logs never expire',
    ]);
    expect(problems(RetentionSet, json, 'aws_lambda_function.f')).toEqual([
      'its log group /aws/lambda/demo-reconciler is not declared, so Lambda creates it without retention',
    ]);
    expect(problems(RetentionSet, json, 'aws_ecs_task_definition.web')).toEqual([
      'container a lets ECS create its log group (awslogs-create-group)',
    ]);
  });
  it('fails retention 0 and a configured group name not declared; judges nothing it cannot read', () => {
    const json = tf({
      aws_cloudwatch_log_group: {
        zero: { name: '/z', retention_in_days: 0 },
        ref: { name: '/r', retention_in_days: '${var.days}' },
        named: { name: '/named' },
      },
      aws_lambda_function: {
        missing: fn({ logging_config: { log_format: 'JSON', log_group: '/elsewhere' } }),
        byRef: fn({ logging_config: { log_format: 'JSON', log_group: '${aws_cloudwatch_log_group.named.name}' } }),
        unnamed: fn({ function_name: '${var.name}' }),
      },
    });
    expect(problems(RetentionSet, json, 'aws_cloudwatch_log_group.zero')).toEqual([
      'retention_in_days is not set, so logs never expire',
    ]);
    expect(problems(RetentionSet, json, 'aws_lambda_function.missing')).toEqual([
      'its log group /elsewhere is not declared in this stack',
    ]);
    expect(problems(RetentionSet, json, 'aws_lambda_function.byRef')).toEqual([]);
    expect(judge(RetentionSet, json, 'aws_cloudwatch_log_group.ref').compliance).toBe('not-applicable');
    expect(judge(RetentionSet, json, 'aws_lambda_function.unnamed').compliance).toBe('not-applicable');
  });
});

describe('Lambda-NoSecretsInEnvironment', () => {
  const env = (variables: Record<string, string>, extra: Record<string, unknown> = {}) =>
    tf({ aws_lambda_function: { f: fn({ environment: { variables } }) } }, extra);
  it('passes names of things, ARNs of secrets, flags and references', () => {
    const json = env({
      TABLE_NAME: 'demo-table',
      API_KEY_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:1:secret:dd',
      TOKEN_TTL: '3600',
      QUEUE_URL: '${aws_sqs_queue.q.url}',
      BOTOCORE_TCP_KEEPALIVE: 'true',
    });
    expect(problems(NoSecretsInEnvironment, json, 'aws_lambda_function.f')).toEqual([]);
  });
  it('fails secret-looking literals, sensitive variables and secret attributes', () => {
    const json = env(
      {
        DD_API_KEY: '0123456789abcdef0123456789abcdef',
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        DB_PASSWORD: '${var.db_password}',
        GENERATED: '${random_password.p.result}',
      },
      { variable: { db_password: { type: 'string', sensitive: true } } },
    );
    expect(problems(NoSecretsInEnvironment, json, 'aws_lambda_function.f')).toEqual([
      'DD_API_KEY holds a literal value under a secret-looking name',
      'AWS_ACCESS_KEY_ID holds what looks like an AWS access key ID',
      'DB_PASSWORD takes the sensitive variable var.db_password',
      'GENERATED takes the secret attribute random_password.p.result',
    ]);
  });
  it('fails a short or numeric literal under a secret-looking name: the name is enough', () => {
    const json = env({
      DB_PASSWORD: 'hunter2',
      API_TOKEN: 'abc',
      SERVICE_PIN_PASSWD: '1234',
      FEATURE_TOKEN_ENABLED: 'true',
    });
    expect(problems(NoSecretsInEnvironment, json, 'aws_lambda_function.f')).toEqual([
      'DB_PASSWORD holds a literal value under a secret-looking name',
      'API_TOKEN holds a literal value under a secret-looking name',
      'SERVICE_PIN_PASSWD holds a literal value under a secret-looking name',
    ]);
  });
  it('checks ECS container environments too', () => {
    const json = tf({
      aws_ecs_task_definition: {
        web: ec2Task({
          container_definitions: containers({
            name: 'a',
            memory: 64,
            environment: [{ name: 'GITHUB_TOKEN', value: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' }],
          }),
        }),
      },
    });
    expect(problems(NoSecretsInEnvironment, json, 'aws_ecs_task_definition.web')).toEqual([
      'container a: GITHUB_TOKEN holds what looks like a GitHub token',
    ]);
  });
});

describe('Events-PatternFields', () => {
  const RULE = 'aws_cloudwatch_event_rule.r';
  const rule = (pattern: unknown) =>
    tf({ aws_cloudwatch_event_rule: { r: { name: 'r', event_pattern: JSON.stringify(pattern) } } });
  it('passes the reconciler pattern and patterns of sources it does not know', () => {
    const instanceChange = {
      source: ['aws.ecs'],
      'detail-type': ['ECS Container Instance State Change'],
      detail: {
        clusterArn: ['arn:aws:ecs:us-east-1:1:cluster/main'],
        status: [{ 'anything-but': 'REGISTERING' }],
        $or: [{ agentConnected: [true] }, { versionInfo: { agentVersion: [{ exists: true }] } }],
      },
    };
    expect(problems(PatternFields, rule(instanceChange), RULE)).toEqual([]);
    expect(
      problems(
        PatternFields,
        rule({
          source: ['aws.ecs'],
          'detail-type': ['ECS Task State Change'],
          detail: { lastStatus: ['STOPPED'], stopCode: ['EssentialContainerExited'] },
        }),
        RULE,
      ),
    ).toEqual([]);
    expect(problems(PatternFields, rule({ source: ['my.app'], detail: { anything: ['x'] } }), RULE)).toEqual([]);
  });
  it('fails fields the event does not have, unknown detail-types and bare values', () => {
    const typo = {
      source: ['aws.ecs'],
      'detail-type': ['ECS Container Instance State Change'],
      detail: { clusterARN: ['x'], lastStatus: ['ACTIVE'] },
    };
    expect(problems(PatternFields, rule(typo), RULE)).toEqual([
      'detail.clusterARN is not a field of aws.ecs "ECS Container Instance State Change" events',
      'detail.lastStatus is not a field of aws.ecs "ECS Container Instance State Change" events',
    ]);
    expect(
      problems(PatternFields, rule({ source: ['aws.ecs'], 'detail-type': ['ECS Instance State Change'] }), RULE)[0],
    ).toMatch(/^detail-type 'ECS Instance State Change' is not an event of aws.ecs/);
    expect(problems(PatternFields, rule({ source: 'aws.ecs', detailType: ['x'] }), RULE)).toEqual([
      'source is "aws.ecs", not a list of values',
      "'detailType' is not a top-level field of EventBridge events",
    ]);
  });
  it('is not applicable to patterns built at plan time', () => {
    expect(
      judge(
        PatternFields,
        tf({ aws_cloudwatch_event_rule: { r: { event_pattern: '${jsonencode(local.pattern)}' } } }),
        RULE,
      ).compliance,
    ).toBe('not-applicable');
  });
});
