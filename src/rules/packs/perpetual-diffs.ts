import type { RulePack } from '../pack';
import EcsManagedTag from '../autoscaling/EcsManagedTag';
import TagResourceConflict from '../autoscaling/TagResourceConflict';
import EnvironmentValuesSet from '../ecs/EnvironmentValuesSet';
import ScaledCountIgnored from '../ecs/ScaledCountIgnored';
import ServiceStrategyExplicit from '../ecs/ServiceStrategyExplicit';
import TaskSizeAsRegistered from '../ecs/TaskSizeAsRegistered';
import KeyAttributesOnly from '../dynamodb/KeyAttributesOnly';
import ExclusivePolicyManagement from '../iam/ExclusivePolicyManagement';
import PolicyAttachmentConflict from '../iam/PolicyAttachmentConflict';
import EndpointAssociationMixed from '../network/EndpointAssociationMixed';
import InlineRoutesMixed from '../network/InlineRoutesMixed';
import InlineRulesMixed from '../network/InlineRulesMixed';
import RouteGatewayIdTarget from '../network/RouteGatewayIdTarget';
import LifecycleFilterOrPrefix from '../s3/LifecycleFilterOrPrefix';
import EncryptionRuleExplicit from '../s3/EncryptionRuleExplicit';
import SingleBucketConfiguration from '../s3/SingleBucketConfiguration';
import FlowLogDestinationArn from '../vpc/FlowLogDestinationArn';
import FlowLogRoleNotForS3 from '../vpc/FlowLogRoleNotForS3';

/**
 * Configurations that `terraform plan` accepts but the AWS provider cannot hold steady: the plan after a real apply
 * shows changes again. docs/perpetual-diffs.md lists every cause surveyed, with its source.
 */
export const perpetualDiffsPack: RulePack = {
  name: 'perpetual-diffs',
  description: 'Perpetual diffs: configurations whose next plan after apply changes or replaces them again',
  entries: [
    {
      rule: TaskSizeAsRegistered,
      message: 'Task size in units ECS rewrites',
      fix: 'Write task cpu in CPU units and memory in MiB as integers ("1024", not "1 vCPU" or "1 GB").',
    },
    {
      rule: EnvironmentValuesSet,
      message: 'Container environment variable without a value',
      fix: 'Give the variable a non-empty value or leave it out (ECS drops it).',
    },
    {
      rule: ServiceStrategyExplicit,
      message: "Service relies on its cluster's default capacity provider strategy",
      fix: "Copy the cluster's default strategy into the service's capacity_provider_strategy, or set launch_type.",
    },
    {
      rule: ScaledCountIgnored,
      message: 'Auto-scaled service whose desired_count Terraform resets',
      fix: 'Add desired_count to lifecycle.ignore_changes.',
    },
    {
      rule: EcsManagedTag,
      message: 'Capacity provider Auto Scaling group without the AmazonECSManaged tag',
      fix: 'Add a tag block with key "AmazonECSManaged" and propagate_at_launch = true to the group.',
    },
    {
      rule: TagResourceConflict,
      message: 'Auto Scaling group tagged by two resources',
      fix: "Move the tag into the aws_autoscaling_group's tag blocks and remove the aws_autoscaling_group_tag.",
    },
    {
      rule: InlineRulesMixed,
      message: 'Security group with in-line rules and rule resources',
      fix: 'Remove ingress/egress from the security group and keep one aws_vpc_security_group_*_rule per rule.',
    },
    {
      rule: InlineRoutesMixed,
      message: 'Route table with in-line routes and aws_route resources',
      fix: 'Remove route from the route table and keep one aws_route per route.',
    },
    {
      rule: RouteGatewayIdTarget,
      message: 'Route names a NAT gateway or other target in gateway_id',
      fix: 'Use the attribute for the target: nat_gateway_id, egress_only_gateway_id, vpc_endpoint_id, transit_gateway_id.',
    },
    {
      rule: EndpointAssociationMixed,
      message: 'VPC endpoint attachments listed on the endpoint and associated separately',
      fix: 'Keep route_table_ids/subnet_ids/security_group_ids on the endpoint, or the association resources, not both.',
    },
    {
      rule: ExclusivePolicyManagement,
      message: 'Role policies managed both exclusively and by other resources',
      fix: 'Drop inline_policy/managed_policy_arns from the role and keep aws_iam_role_policy / _attachment resources.',
    },
    {
      rule: PolicyAttachmentConflict,
      message: 'Policy attached exclusively and by per-entity attachments',
      fix: 'Replace the aws_iam_policy_attachment with aws_iam_role_policy_attachment (or _user_/_group_) resources.',
    },
    {
      rule: KeyAttributesOnly,
      message: 'DynamoDB table declares an attribute that is no key',
      fix: 'Keep only the hash and range keys of the table and of its indexes in attribute blocks.',
    },
    {
      rule: SingleBucketConfiguration,
      message: 'Bucket configured by two resources of the same type',
      fix: 'Merge the rules into one configuration resource per bucket.',
    },
    {
      rule: LifecycleFilterOrPrefix,
      message: 'Lifecycle rule sets both filter and prefix',
      fix: 'Move the prefix into filter { prefix = ... } and drop the rule-level prefix.',
    },
    {
      rule: EncryptionRuleExplicit,
      message: 'Bucket encryption rule leaves fields S3 returns unset',
      fix: 'Write blocked_encryption_types (["SSE-C"], as S3 sets it) and bucket_key_enabled in every rule.',
    },
    {
      rule: FlowLogDestinationArn,
      message: 'Flow log destination ARN ends in ":*"',
      fix: 'Name the log group by its ARN without ":*" (the aws_cloudwatch_log_group arn attribute is already trimmed).',
    },
    {
      rule: FlowLogRoleNotForS3,
      message: 'Flow log to S3 with a delivery role',
      fix: 'Remove iam_role_arn: S3 delivery is authorised by the bucket policy.',
    },
  ],
};
