import { defineRule, notApplicable, verdict } from '../rule';
import { str } from '../../terraform/json';

/**
 * A flow log's `log_destination` names a CloudWatch Logs group by its ARN without the `:*` suffix.
 *
 * The provider trims the suffix when it creates the flow log and reads back what EC2 stored, with no suppression, into
 * a ForceNew attribute (hashicorp/terraform-provider-aws, internal/service/ec2/vpc_flow_log.go: create sends
 * `strings.TrimSuffix(v.(string), ":*")`; read does `d.Set("log_destination", fl.LogDestination)`; the schema has
 * `"log_destination": { ... ForceNew: true, ValidateFunc: verify.ValidARN }`). A configured ARN ending in `:*`
 * therefore differs from the state after every apply: hashicorp/terraform-provider-aws#26479, "The log_destination
 * parameter forces replacement for CloudWatch log ARN due to trimmed suffix :*". An `aws_cloudwatch_log_group`'s `arn`
 * attribute is already trimmed (the log group resource's read: `trimLogGroupARNWildcardSuffix`), so a reference is
 * fine; only a literal, or a template that appends `:*`, is not.
 */
export default defineRule({
  id: 'VPC-FlowLogDestinationArn',
  appliesTo: ['aws_flow_log'],
  check: (flowLog) => {
    const destination = flowLog.body.log_destination;
    if (typeof destination !== 'string') return notApplicable;
    const literal = str(destination);
    // A template's literal tail is known even when its head is a reference: "${aws_x.y.arn}:*".
    if (literal === undefined && !/\}:\*$/.test(destination)) return notApplicable;
    return verdict(
      destination.endsWith(':*')
        ? ['log_destination ends in ":*": the provider trims it on create, so every plan replaces the flow log']
        : [],
    );
  },
});
