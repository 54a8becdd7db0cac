import ReadonlyRootFilesystem from '../../src/rules/ecs/ReadonlyRootFilesystem';
import { containers, fargateTask, judge, problems, tf } from './helpers';

const task = (...defs: object[]) =>
  tf({ aws_ecs_task_definition: { web: fargateTask({ container_definitions: containers(...defs) }) } });

describe('ECS-ReadonlyRootFilesystem', () => {
  it('passes a task whose every container has a read-only root filesystem', () => {
    const json = task(
      { name: 'app', image: 'a', readonlyRootFilesystem: true },
      { name: 'nginx', image: 'n', readonlyRootFilesystem: true },
    );
    expect(problems(ReadonlyRootFilesystem, json, 'aws_ecs_task_definition.web')).toEqual([]);
  });

  it('fails each container that leaves it unset (ECS defaults it to false) or false', () => {
    const json = task(
      { name: 'app', image: 'a', readonlyRootFilesystem: true },
      { name: 'nginx', image: 'n' },
      { name: 'sidecar', image: 's', readonlyRootFilesystem: false },
    );
    expect(problems(ReadonlyRootFilesystem, json, 'aws_ecs_task_definition.web')).toEqual([
      'container nginx can write to its root filesystem',
      'container sidecar can write to its root filesystem',
    ]);
  });

  it('is not applicable when the container definitions are an expression', () => {
    const json = tf({
      aws_ecs_task_definition: { web: fargateTask({ container_definitions: '${jsonencode(local.defs)}' }) },
    });
    expect(judge(ReadonlyRootFilesystem, json, 'aws_ecs_task_definition.web').compliance).toBe('not-applicable');
  });
});
