import AccessLogs from '../../src/rules/elb/AccessLogs';
import { judge, problems, tf } from './helpers';

const lb = (over: Record<string, unknown>) =>
  tf({ aws_lb: { web: { name: 'web', subnets: ['s-1', 's-2'], ...over } } });

describe('ELB-AccessLogs', () => {
  it('passes an internet-facing ALB logging to a bucket, and internal or network load balancers', () => {
    expect(
      problems(AccessLogs, lb({ access_logs: { bucket: '${aws_s3_bucket.logs.id}', enabled: true } }), 'aws_lb.web'),
    ).toEqual([]);
    expect(problems(AccessLogs, lb({ internal: true }), 'aws_lb.web')).toEqual([]);
    expect(problems(AccessLogs, lb({ load_balancer_type: 'network' }), 'aws_lb.web')).toEqual([]);
  });

  it('fails an internet-facing ALB without access_logs, or with a bucket but enabled left at its false default', () => {
    expect(problems(AccessLogs, lb({ internal: false }), 'aws_lb.web')).toEqual(['has no access_logs block']);
    // website/docs/r/lb.html.markdown: "enabled - (Optional) Boolean to enable / disable access_logs. Defaults to
    // false, even when bucket is specified."
    expect(problems(AccessLogs, lb({ access_logs: [{ bucket: 'logs' }] }), 'aws_lb.web')).toEqual([
      'access_logs.enabled is not true (the provider defaults it to false)',
    ]);
    expect(problems(AccessLogs, lb({ access_logs: { enabled: 'true' } }), 'aws_lb.web')).toEqual([
      'access_logs names no bucket',
    ]);
  });

  it('is not applicable when internal or enabled is only known at plan time', () => {
    expect(judge(AccessLogs, lb({ internal: '${var.internal}' }), 'aws_lb.web').compliance).toBe('not-applicable');
    const planTime = lb({ access_logs: { bucket: 'logs', enabled: '${var.on}' } });
    expect(judge(AccessLogs, planTime, 'aws_lb.web').compliance).toBe('not-applicable');
  });
});
