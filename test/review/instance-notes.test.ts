import { matchesInstanceType } from '../../src/review/instance-notes';

describe('placement constraints on the instance type', () => {
  // Cluster query language: "attribute:ecs.instance-type =~ g2.*" and "attribute:ecs.instance-type in [t2.small,
  // t2.medium]" (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html).
  it.each([
    ['attribute:ecs.instance-type =~ t3.*', 't3.small', true],
    ['attribute:ecs.instance-type =~ t3.*', 'm5.large', false],
    ['attribute:ecs.instance-type == t3.small', 't3.small', true],
    ['attribute:ecs.instance-type != t3.small', 't3.small', false],
    ['attribute:ecs.instance-type in [t3.small, t3.medium]', 't3.medium', true],
    ['attribute:ecs.instance-type not_in [t3.small, t3.medium]', 't3.medium', false],
  ])('%s with %s: %s', (expression, type, fits) => {
    expect(matchesInstanceType(expression, type)).toBe(fits);
  });

  it('says nothing of expressions it cannot decide', () => {
    expect(
      matchesInstanceType('attribute:ecs.instance-type =~ t3.* and attribute:ecs.os-type == linux', 't3.small'),
    ).toBe(undefined);
    expect(matchesInstanceType('attribute:ecs.availability-zone in [us-east-1a]', 't3.small')).toBeUndefined();
  });
});
