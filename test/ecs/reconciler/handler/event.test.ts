import { parseEvent } from '../../../../src/ecs/reconciler/handler/event';
import { instanceEvent, taskEvent } from '../sample-events';

describe('parseEvent', () => {
  it('reads the cluster, instance, status and version of a container instance state change', () => {
    expect(parseEvent(instanceEvent('web', 'DRAINING', 12, 'evt-1'))).toEqual({
      kind: 'instance-state-change',
      event: {
        eventId: 'evt-1',
        clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/web',
        clusterName: 'web',
        containerInstanceArn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/web/i0',
        status: 'DRAINING',
        version: 12,
      },
    });
  });

  it('accepts cluster ARNs of other partitions', () => {
    const event = instanceEvent('gov');
    (event.detail as Record<string, unknown>).clusterArn = 'arn:aws-us-gov:ecs:us-gov-west-1:123456789012:cluster/gov';
    expect(parseEvent(event)).toMatchObject({ event: { clusterName: 'gov' } });
  });

  it('names what is wrong with a malformed event', () => {
    const event = instanceEvent('web');
    (event.detail as Record<string, unknown>).clusterArn = 'arn:aws:ecs:us-east-1:123456789012:service/web/agent';
    expect(parseEvent(event)).toEqual({ kind: 'malformed', problems: ['detail.clusterArn: not an ECS cluster ARN'] });
    expect(parseEvent([])).toMatchObject({ kind: 'malformed', problems: ['(event): Invalid input'] });
  });

  it('tells unrelated events apart from malformed ones', () => {
    expect(parseEvent(taskEvent('web'))).toEqual({
      kind: 'unrelated',
      source: 'aws.ecs',
      detailType: 'ECS Task State Change',
    });
    expect(parseEvent({ source: 'aws.ec2', 'detail-type': 'ECS Container Instance State Change' })).toMatchObject({
      kind: 'unrelated',
    });
  });
});
