import EcsManagedTag from '../../src/rules/autoscaling/EcsManagedTag';
import TagResourceConflict from '../../src/rules/autoscaling/TagResourceConflict';
import { judge, problems, tf } from './helpers';

// Both rules quote the AWS provider's docs (ecs_capacity_provider and autoscaling_group_tag pages) in their headers.

const ASG = 'aws_autoscaling_group.ecs';
const group = (tag: unknown) => ({ name: 'ecs', min_size: 1, max_size: 2, tag });
const withProvider = (tag: unknown) =>
  tf({
    aws_autoscaling_group: { ecs: group(tag) },
    aws_ecs_capacity_provider: {
      cp: { name: 'cp', auto_scaling_group_provider: { auto_scaling_group_arn: '${aws_autoscaling_group.ecs.arn}' } },
    },
  });

describe('AutoScaling-EcsManagedTag', () => {
  it('passes a capacity provider group that declares AmazonECSManaged, propagated', () => {
    const tag = [
      { key: 'Name', value: 'ecs', propagate_at_launch: true },
      { key: 'AmazonECSManaged', value: '', propagate_at_launch: true },
    ];
    expect(problems(EcsManagedTag, withProvider(tag), ASG)).toEqual([]);
  });
  it('fails a group without the tag, or that does not propagate it', () => {
    expect(
      problems(EcsManagedTag, withProvider([{ key: 'Name', value: 'ecs', propagate_at_launch: true }]), ASG),
    ).toEqual(['no tag block for AmazonECSManaged: the next apply removes the tag ECS added']);
    expect(
      problems(EcsManagedTag, withProvider([{ key: 'AmazonECSManaged', value: '', propagate_at_launch: false }]), ASG),
    ).toEqual(['AmazonECSManaged is not propagated at launch']);
  });
  it('is not applicable to groups no capacity provider uses', () => {
    expect(judge(EcsManagedTag, tf({ aws_autoscaling_group: { ecs: group([]) } }), ASG).compliance).toBe(
      'not-applicable',
    );
  });
});

describe('AutoScaling-TagResourceConflict', () => {
  const TAG = 'aws_autoscaling_group_tag.extra';
  const tagging = (name: string) =>
    tf({
      aws_autoscaling_group: { ecs: group([]) },
      aws_autoscaling_group_tag: {
        extra: { autoscaling_group_name: name, tag: { key: 'team', value: 'x', propagate_at_launch: false } },
      },
    });
  it('passes a tag on a group this configuration does not manage', () => {
    expect(problems(TagResourceConflict, tagging('eks-nodes-1234'), TAG)).toEqual([]);
  });
  it('fails a tag on a group this configuration manages, by reference or by name', () => {
    const why = ['tags aws_autoscaling_group.ecs, which declares its own tags: every plan removes this one'];
    expect(problems(TagResourceConflict, tagging('${aws_autoscaling_group.ecs.name}'), TAG)).toEqual(why);
    expect(problems(TagResourceConflict, tagging('ecs'), TAG)).toEqual(why);
  });
});
