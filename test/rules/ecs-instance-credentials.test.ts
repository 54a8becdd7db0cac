import Rule, { userDataText } from '../../src/rules/ecs/ContainersReadInstanceCredentials';
import { ecsUserData } from '../../src/ecs/ec2-capacity';
import { ec2Task, fargateTask, judge, problems, tf } from './helpers';

const LT = 'aws_launch_template.lt';
const hcl = (script: string) => `\${base64encode(${JSON.stringify(script)})}`;
const BLOCK = 'iptables --insert DOCKER-USER 1 --in-interface docker+ --destination 169.254.169.254/32 --jump DROP';

/** A stack with one launch template and the given task definitions. */
function stack(template: Record<string, unknown>, tasks: Record<string, object>) {
  return tf({ aws_launch_template: { lt: { image_id: 'ami-1', ...template } }, aws_ecs_task_definition: tasks });
}
const hop = (n?: number) => ({
  metadata_options: { http_tokens: 'required', ...(n === undefined ? {} : { http_put_response_hop_limit: n }) },
});

describe('ECS-ContainersReadInstanceCredentials: launch templates', () => {
  const bridge = { agent: ec2Task() };

  it('passes what Stackwright generates: hop limit 2 or 1, iptables block and ECS_AWSVPC_BLOCK_IMDS in the user data', () => {
    const userData = hcl(ecsUserData('demo-main'));
    const tasks = { ...bridge, vpc: ec2Task({ family: 'vpc', network_mode: 'awsvpc' }) };
    expect(problems(Rule, stack({ ...hop(2), user_data: userData }, tasks), LT)).toEqual([]);
    expect(problems(Rule, stack({ ...hop(1), user_data: userData }, tasks), LT)).toEqual([]);
  });

  it('passes bridge tasks with hop limit 1 and no block, or a base64 user data with the block', () => {
    expect(problems(Rule, stack(hop(1), bridge), LT)).toEqual([]);
    expect(
      problems(
        Rule,
        stack({ ...hop(2), user_data: Buffer.from(`#!/bin/bash\n${BLOCK}\n`).toString('base64') }, bridge),
        LT,
      ),
    ).toEqual([]);
    expect(problems(Rule, stack({ metadata_options: { http_endpoint: 'disabled' } }, bridge), LT)).toEqual([]);
  });

  it('flags bridge tasks with hop limit 2 (or unset, the AL2023 default) and no block in the user data', () => {
    const expected = [
      expect.stringMatching(/^bridge-mode containers reach the instance metadata service \(hop limit 2\)/),
    ];
    expect(
      problems(
        Rule,
        stack({ ...hop(2), user_data: hcl('#!/bin/bash\necho ECS_CLUSTER=x >> /etc/ecs/ecs.config\n') }, bridge),
        LT,
      ),
    ).toEqual(expected);
    expect(problems(Rule, stack(hop(), bridge), LT)).toEqual(expected);
    // Dropping another address, or only the awsvpc setting, does not count.
    expect(
      problems(
        Rule,
        stack(
          {
            ...hop(2),
            user_data: hcl(`${BLOCK.replace('169.254.169.254', '10.0.0.1')}\nECS_AWSVPC_BLOCK_IMDS=true\n`),
          },
          bridge,
        ),
        LT,
      ),
    ).toEqual(expected);
  });

  it('flags awsvpc EC2 tasks without ECS_AWSVPC_BLOCK_IMDS=true, whatever the hop limit', () => {
    expect(
      problems(
        Rule,
        stack({ ...hop(1), user_data: hcl(`${BLOCK}\n`) }, { vpc: ec2Task({ network_mode: 'awsvpc' }) }),
        LT,
      ),
    ).toEqual([
      'awsvpc tasks reach the instance metadata service: the user data does not set ECS_AWSVPC_BLOCK_IMDS=true',
    ]);
  });

  it('is not applicable without EC2 bridge or awsvpc tasks, or when the user data is only known at plan time', () => {
    expect(judge(Rule, stack(hop(2), { web: fargateTask() }), LT).compliance).toBe('not-applicable');
    expect(judge(Rule, stack(hop(2), { host: ec2Task({ network_mode: 'host' }) }), LT).compliance).toBe(
      'not-applicable',
    );
    expect(
      judge(Rule, stack({ ...hop(2), user_data: '${data.template_file.x.rendered}' }, bridge), LT).compliance,
    ).toBe('not-applicable');
    expect(judge(Rule, stack({ ...hop(2), user_data: hcl('echo ${var.cluster}') }, bridge), LT).compliance).toBe(
      'not-applicable',
    );
  });
});

describe('ECS-ContainersReadInstanceCredentials: host-mode task definitions', () => {
  const TASK = 'aws_ecs_task_definition.host';

  it('passes a host-mode task with a task role', () => {
    expect(
      problems(
        Rule,
        stack(hop(1), { host: ec2Task({ network_mode: 'host', task_role_arn: '${aws_iam_role.task.arn}' }) }),
        TASK,
      ),
    ).toEqual([]);
  });

  it('flags a host-mode task without a task role', () => {
    expect(problems(Rule, stack(hop(1), { host: ec2Task({ network_mode: 'host' }) }), TASK)).toEqual([
      "host-mode containers share the instance's network and reach its metadata service; without task_role_arn their SDKs use the instance role's credentials",
    ]);
  });

  it('is not applicable to other network modes', () => {
    expect(judge(Rule, stack(hop(1), { host: ec2Task() }), TASK).compliance).toBe('not-applicable');
  });
});

describe('userDataText', () => {
  it('reads HCL string escapes and $${ back to the script', () => {
    expect(userDataText('${base64encode("a\\nb \\"q\\" $${HOME} %%{x}")}')).toBe('a\nb "q" ${HOME} %{x}');
    expect(userDataText(undefined)).toBe('');
    expect(userDataText('not base64!')).toBeUndefined();
  });
});
