import { defineRule, notApplicable, verdict } from '../rule';
import { block, bool, str } from '../../terraform/json';

/**
 * An internet-facing Application Load Balancer writes access logs (checkov CKV_AWS_91, cdk-nag ELB2): the only record
 * of who called it. A bucket alone is not enough: "`enabled` - (Optional) Boolean to enable / disable `access_logs`.
 * Defaults to `false`, even when `bucket` is specified." (hashicorp/terraform-provider-aws
 * website/docs/r/lb.html.markdown). Network load balancers are left out: "Access logs are created only if the load
 * balancer has a TLS listener" (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/enable-access-logs.html).
 */
export default defineRule({
  id: 'ELB-AccessLogs',
  appliesTo: ['aws_lb', 'aws_alb'],
  check: (lb) => {
    const type = lb.body.load_balancer_type === undefined ? 'application' : str(lb.body.load_balancer_type);
    if (type === undefined) return notApplicable;
    if (type !== 'application') return verdict([]);
    const internal = lb.body.internal === undefined ? false : bool(lb.body.internal);
    if (internal === undefined) return notApplicable;
    if (internal) return verdict([]);
    const logs = block(lb.body.access_logs);
    if (!logs) return verdict(['has no access_logs block']);
    const enabled = logs.enabled === undefined ? false : bool(logs.enabled);
    if (enabled === undefined) return notApplicable;
    const problems: string[] = [];
    if (!enabled) problems.push('access_logs.enabled is not true (the provider defaults it to false)');
    if (logs.bucket === undefined) problems.push('access_logs names no bucket');
    return verdict(problems);
  },
});
