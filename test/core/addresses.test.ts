import { App, TerraformDataSource, TerraformOutput, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { addressPath, readableName, releasedName, setAddressSegment } from '../../src/core/addresses';
import { StackwrightStack } from '../../src/core/stackwright-stack';
import { testConfig } from '../helpers/synth';

const resource = (scope: Construct, id: string, type = 'aws_sqs_queue'): TerraformResource =>
  new TerraformResource(scope, id, { terraformResourceType: type });
const dataSource = (scope: Construct, id: string): TerraformDataSource =>
  new TerraformDataSource(scope, id, { terraformResourceType: 'aws_caller_identity' });

// 'datadog': the moves come only for kinds 0.1.0 released in a stack of that name (src/core/released-kinds.ts).
function stackwrightStack(id = 'datadog'): StackwrightStack {
  return new StackwrightStack(new App({ skipValidation: true, stackTraces: false }), id, {
    config: testConfig({ datadog: {} }),
    description: 'd',
  });
}

/** Construct paths below the stack, each as segments: the cases cdktf's default naming treats specially. */
const PATHS = [
  ['caller'],
  ['external-id'],
  ['delegation', 'role'],
  ['main-network', 'private-0'],
  ['benchmark', 'table', 'table'],
  ['tcp-x86_64', 'execution-role', 'role'],
  ['alb', 'alb'],
  ['main', 'capacity', 'instance-AmazonEC2ContainerServiceforEC2Role'],
  ['outer', 'Default', 'inner'],
  ['outer', 'Resource'],
  ['odd$chars', 'x.y'],
];

describe('readableName', () => {
  it.each([
    [['delegation', 'role'], 'delegation_role'],
    [['main', 'service-web', 'task'], 'main_service_web_task'],
    [['tcp-x86_64', 'execution-role', 'role'], 'tcp_x86_64_execution_role_role'],
    [['a-cluster', 'cluster'], 'a_cluster_cluster'],
    [['benchmark', 'table', 'table'], 'benchmark_table'],
    [['alb', 'alb'], 'alb'],
    [['main', 'service-web', 'service'], 'main_service_web_service'],
    [['instance-AmazonEC2ContainerServiceforEC2Role'], 'instance_amazonec2containerserviceforec2role'],
    [['1st-cluster', 'vpc'], '_1st_cluster_vpc'],
    [['url_tcp_x86_64'], 'url_tcp_x86_64'],
    [['--', 'x'], 'x'],
  ])('%j -> %s', (path, name) => {
    expect(readableName(path)).toBe(name);
  });

  it('refuses a path with no letters or digits', () => {
    expect(() => readableName(['--', '$'])).toThrow("no Terraform name can be made from the construct path '--/$'");
  });
});

describe('releasedName', () => {
  it("is cdktf 0.21's default name (what 0.1.0 released) for every kind of path", () => {
    const stack = new TerraformStack(new App({ skipValidation: true, stackTraces: false }), 'plain');
    for (const path of PATHS) {
      let scope: Construct = stack;
      for (const id of path.slice(0, -1))
        scope = (scope.node.tryFindChild(id) as Construct) ?? new Construct(scope, id);
      const element = resource(scope, path[path.length - 1]);
      expect({ path, name: releasedName(addressPath(element, stack)) }).toEqual({
        path,
        name: element.friendlyUniqueId,
      });
    }
  });
});

describe('StackwrightStack addresses', () => {
  it('names resources, data sources and outputs readably, and moves resources from their 0.1.0 names', () => {
    const stack = stackwrightStack();
    const delegation = new Construct(stack, 'delegation');
    resource(delegation, 'role', 'aws_iam_role');
    dataSource(delegation, 'caller-identity');
    new TerraformOutput(stack, 'role_arn', { value: 'x' });
    const json = stack.toTerraform();
    expect(Object.keys(json.resource.aws_iam_role)).toEqual(['delegation_role']);
    expect(Object.keys(json.data.aws_caller_identity)).toEqual(['delegation_caller_identity']);
    expect(Object.keys(json.output)).toEqual(['role_arn']);
    // Data sources hold no state and get no moved block.
    expect(json.moved).toEqual([{ from: 'aws_iam_role.delegation_role_CBBB7F21', to: 'aws_iam_role.delegation_role' }]);
  });

  it('writes each moved block once however often the stack is rendered, in JSON and in HCL', () => {
    const stack = stackwrightStack();
    resource(new Construct(stack, 'delegation'), 'role', 'aws_iam_role');
    stack.toTerraform();
    expect(stack.toTerraform().moved).toHaveLength(1);
    const { hcl } = stack.toHclTerraform() as { hcl: string };
    expect(hcl.match(/^moved \{/gm)).toHaveLength(1);
    expect(hcl).toContain('from = aws_iam_role.delegation_role_CBBB7F21');
  });

  it('adds no moved block where the name did not change, and keeps a move the construct declared itself', () => {
    const stack = stackwrightStack();
    resource(stack, 'cluster', 'aws_ecs_cluster');
    resource(stack, 'queue').moveFromId('aws_sqs_queue.legacy');
    expect(stack.toTerraform().moved).toEqual([{ from: 'aws_sqs_queue.legacy', to: 'aws_sqs_queue.queue' }]);
  });

  it('keeps addresses and moves when a restructure renames or wraps a construct and says so', () => {
    const stack = stackwrightStack();
    const wrapper = new Construct(stack, 'shared-base');
    setAddressSegment(wrapper, null);
    const renamed = new Construct(wrapper, 'datadog-delegation');
    setAddressSegment(renamed, 'delegation');
    resource(renamed, 'role', 'aws_iam_role');
    const json = stack.toTerraform();
    expect(Object.keys(json.resource.aws_iam_role)).toEqual(['delegation_role']);
    expect(json.moved).toEqual([{ from: 'aws_iam_role.delegation_role_CBBB7F21', to: 'aws_iam_role.delegation_role' }]);
  });

  it('fails, naming both constructs, when two blocks would share an address', () => {
    const stack = stackwrightStack('ecs');
    resource(new Construct(stack, 'service-web'), 'logs', 'aws_cloudwatch_log_group');
    resource(stack, 'service_web_logs', 'aws_cloudwatch_log_group');
    expect(() => stack.toTerraform()).toThrow(
      "two Terraform blocks of stack 'ecs' would have the address aws_cloudwatch_log_group.service_web_logs: 'ecs/service-web/logs' and 'ecs/service_web_logs'",
    );
  });

  it('reports a shared address as a validation error of the stack (synth turns those into input errors)', () => {
    const stack = stackwrightStack('ecs');
    resource(new Construct(stack, 'a'), 'cluster', 'aws_ecs_cluster');
    resource(stack, 'a-cluster', 'aws_ecs_cluster');
    expect(() => stack.runAllValidations()).toThrow(
      "would have the address aws_ecs_cluster.a_cluster: 'ecs/a/cluster' and 'ecs/a-cluster'",
    );
  });

  it('lets blocks of different types share a name, as Terraform does', () => {
    const stack = stackwrightStack();
    resource(stack, 'web', 'aws_ecs_service');
    resource(stack, 'web-', 'aws_lb');
    dataSource(stack, 'Web');
    const json = stack.toTerraform();
    expect([
      Object.keys(json.resource.aws_ecs_service),
      Object.keys(json.resource.aws_lb),
      Object.keys(json.data.aws_caller_identity),
    ]).toEqual([['web'], ['web'], ['web']]);
  });
});
