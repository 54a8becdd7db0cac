import { parseConfig } from '../../src/config/load';
import { configText, container, ecsSection, problems, service } from './helpers';

const P = 'cfg.yaml: stacks.ecs.clusters[main]';

/**
 * A container or task asking for more memory than the instance type has is refused at its path (exit 2): "Because of
 * platform memory overhead and memory occupied by the system kernel, this number is different than the installed
 * memory amount that is advertised for Amazon EC2 instances" (ECS developer guide,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html): ECS registers less than the
 * installed memory for tasks, so more than the installed memory can never be placed. t3.small has 2048 MiB installed
 * (src/aws/data/ec2-instances.json, from kubernetes/autoscaler's generated instance list).
 */
describe('container memory above the instance type', () => {
  const allowed =
    'at most 2048 MiB (less in practice: ECS keeps some for the OS and agent), or a larger capacity.instanceType';

  it('accepts memory that fits a t3.small', () => {
    const web = service({ name: 'web', containers: [container({ memoryReservation: 1024, memory: 2048 })] });
    expect(() => parseConfig(configText(ecsSection([web])), 'cfg.yaml')).not.toThrow();
  });

  it("refuses a container's hard limit above the instance's memory, naming the type, its memory and the limit", () => {
    const web = service({ name: 'web', containers: [container({ memoryReservation: 512, memory: 4096 })] });
    expect(problems(ecsSection([web]))).toEqual([
      `${P}.services[web].containers[app].memory: 4096 MiB is more than a t3.small has (2048 MiB installed): no instance can place it (${allowed})`,
    ]);
  });

  it('refuses a task whose containers together reserve more than the instance has', () => {
    const web = service({
      name: 'web',
      containers: [
        container({ name: 'a', memoryReservation: 1500 }),
        container({ name: 'b', memoryReservation: 1000 }),
      ],
    });
    expect(problems(ecsSection([web]))).toEqual([
      `${P}.services[web].containers: the task needs 2500 MiB, more than a t3.small has (2048 MiB installed): no instance can place it (${allowed})`,
    ]);
  });

  it('does not judge an instance type the table does not hold (its memory is unknown)', () => {
    const big = service({ name: 'web', containers: [container({ memoryReservation: 100000 })] });
    expect(() =>
      parseConfig(configText(ecsSection([big], { capacity: { instanceType: 'zz9.huge' } })), 'cfg.yaml'),
    ).not.toThrow();
  });
});
