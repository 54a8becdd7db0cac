import { closestNames, didYouMean, editDistance } from '../../src/core/did-you-mean';

const RULES = [
  'Net-NoPublicTaskIp',
  'Net-OpenIngress',
  'ECS-FargateTaskSize',
  'ECS-FargateAwsvpc',
  'Logs-RetentionSet',
];

describe('did you mean', () => {
  it('measures edits ignoring case', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('Net-NoPublicTaskIP', 'Net-NoPublicTaskIp')).toBe(0);
  });

  it('suggests the closest known name for a typo, a wrong case or a missing part', () => {
    expect(didYouMean('Net-NoPublicTaskIP', RULES)).toBe('did you mean Net-NoPublicTaskIp?');
    expect(didYouMean('ECS-FargateSize', RULES)).toBe('did you mean ECS-FargateTaskSize?');
    expect(didYouMean('Logs-Retention', RULES)).toBe('did you mean Logs-RetentionSet?');
    expect(closestNames('datadgo', ['datadog', 'ecs', 'sidecar', 'keepalive'])).toEqual(['datadog']);
  });

  it('suggests nothing when nothing is close', () => {
    expect(didYouMean('Totally-Different', RULES)).toBeUndefined();
    expect(closestNames('x', ['datadog', 'ecs'])).toEqual([]);
  });
});
