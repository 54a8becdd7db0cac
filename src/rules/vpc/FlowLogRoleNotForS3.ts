import { defineRule, notApplicable, verdict } from '../rule';
import { str } from '../../terraform/json';

/**
 * A flow log that delivers to S3 sets no `iam_role_arn`.
 *
 * EC2 does not keep a delivery role for S3 destinations, and the provider reads the role back into a ForceNew
 * attribute (hashicorp/terraform-provider-aws, internal/service/ec2/vpc_flow_log.go: `names.AttrIAMRoleARN: { ...
 * Optional: true, ForceNew: true }`, read: `d.Set(names.AttrIAMRoleARN, fl.DeliverLogsPermissionArn)`). The
 * provider's own acceptance test hit it (hashicorp/terraform-provider-aws#14397, "DeliverLogsPermissionArn is not
 * supported for `s3` `LogDestinationType`"; the plan after apply showed `iam_role_arn: "" => "arn:aws:iam::...:role/..."
 * (forces new resource)`), and #23521 reports the same for users ("aws_flow_log does not save iam_role_arn"). S3
 * delivery is authorised by the bucket policy instead.
 */
export default defineRule({
  id: 'VPC-FlowLogRoleNotForS3',
  appliesTo: ['aws_flow_log'],
  check: (flowLog) => {
    if (str(flowLog.body.log_destination_type) !== 's3') return notApplicable;
    const role = flowLog.body.iam_role_arn;
    return verdict(
      role !== undefined && role !== null && role !== ''
        ? ['sets iam_role_arn with an s3 destination: EC2 keeps no role for S3, so every plan replaces the flow log']
        : [],
    );
  },
});
