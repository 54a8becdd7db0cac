import { instanceTypeSatisfies } from '../../src/ecs/capacity-placement-rules';
import { ecsSection, problems, service } from './helpers';

const P = 'cfg.yaml: stacks.ecs.clusters[main]';

/**
 * Placement the cluster's Auto Scaling group can never satisfy is refused at its path (exit 2). distinctInstance:
 * "Place each task on a different container instance" (ECS developer guide, task-placement-constraints.html). Cluster
 * query language: "subject operator [argument]", operators ==, !=, in, not_in (!in), =~, !~
 * (cluster-query-language.html).
 */
describe('placement the cluster cannot satisfy', () => {
  it('distinctInstance with more tasks than the group has instances', () => {
    const web = service({ name: 'web', desiredCount: 4, placement: { constraints: [{ type: 'distinctInstance' }] } });
    expect(problems(ecsSection([web], { capacity: { maxSize: 3 } }))).toEqual([
      `${P}.services[web].desiredCount: 4 tasks with distinctInstance need 4 instances; the group launches at most 3 (at most 3, or raise capacity.maxSize)`,
    ]);
  });

  it('memberOf on an instance type the group does not launch', () => {
    const web = service({
      name: 'web',
      placement: { constraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m5.*' }] },
    });
    expect(problems(ecsSection([web]))).toEqual([
      `${P}.services[web].placement.constraints.0.expression: the cluster's Auto Scaling group launches only t3.small, which 'attribute:ecs.instance-type =~ m5.*' excludes: no task can be placed (an expression t3.small satisfies, or another capacity.instanceType)`,
    ]);
  });

  it('judges single instance-type clauses by every operator, and leaves compound expressions alone', () => {
    const t = (e: string) => instanceTypeSatisfies(e, 't3.small');
    expect(t('attribute:ecs.instance-type == t3.small')).toBe(true);
    expect(t('attribute:ecs.instance-type == t3.medium')).toBe(false);
    expect(t('attribute:ecs.instance-type != t3.small')).toBe(false);
    expect(t('attribute:ecs.instance-type in [t3.medium, t3.small]')).toBe(true);
    expect(t('attribute:ecs.instance-type !in [t3.medium, t3.small]')).toBe(false);
    expect(t('attribute:ecs.instance-type =~ t3.*')).toBe(true);
    expect(t('attribute:ecs.instance-type !~ t3.*')).toBe(false);
    expect(t('attribute:ecs.instance-type =~ t3.* or attribute:ecs.instance-type =~ m5.*')).toBeUndefined();
    expect(t('attribute:ecs.os-type == linux')).toBeUndefined();
  });
});
