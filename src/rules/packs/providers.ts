import type { RulePack } from '../pack';
import AwsAccountAttributeValues from '../datadog/AwsAccountAttributeValues';
import AwsAccountConflicting from '../datadog/AwsAccountConflicting';
import AwsAccountExactlyOneOf from '../datadog/AwsAccountExactlyOneOf';
import AwsAccountRequiredTogether from '../datadog/AwsAccountRequiredTogether';
import ComputedOnly from '../datadog/ComputedOnly';
import ImageBuild from '../docker/ImageBuild';
import RegistryAuth from '../docker/RegistryAuth';
import ExpressionTemplate from '../terraform/ExpressionTemplate';
import RegexRepeatLimit from '../terraform/RegexRepeatLimit';

/**
 * What `terraform validate`/`plan` would reject that no offline check covered: the validators of the providers that
 * are not mirrored here (ported from their source at the pinned tags; each rule cites its file), and Terraform's
 * JSON syntax.
 */
export const providersPack: RulePack = {
  name: 'providers',
  description: 'Validators of the Datadog and Docker providers, and Terraform JSON syntax (what plan would reject)',
  entries: [
    {
      rule: AwsAccountExactlyOneOf,
      message: 'Datadog AWS integration is missing a block the provider requires',
      fix: "Add the block; an empty block ({}) takes Datadog's defaults.",
    },
    {
      rule: AwsAccountConflicting,
      message: 'Datadog AWS integration sets conflicting options',
      fix: 'Keep one of the conflicting options.',
    },
    {
      rule: AwsAccountRequiredTogether,
      message: 'Datadog AWS integration sets only part of a group the provider requires together',
      fix: 'Set every attribute of the group, or none.',
    },
    {
      rule: AwsAccountAttributeValues,
      message: 'Datadog AWS integration value the provider rejects',
      fix: 'Use a value the provider allows (see the message).',
    },
    {
      rule: ComputedOnly,
      message: 'Argument on a Datadog type that takes none',
      fix: 'Remove the arguments: every attribute is computed by the provider.',
    },
    {
      rule: ImageBuild,
      message: 'docker_image build settings the provider rejects',
      fix: 'Use one build block and no pull_triggers with it.',
    },
    {
      rule: RegistryAuth,
      message: 'Docker registry authentication the provider rejects',
      fix: 'Give every registry_auth a non-empty address, and at most one auth_config per image.',
    },
    {
      rule: ExpressionTemplate,
      message: 'Expression written as a literal string in Terraform JSON',
      fix: 'Write the expression as one "${...}" template.',
    },
    {
      rule: RegexRepeatLimit,
      message: 'Regular expression Terraform cannot compile',
      fix: 'Keep repeat counts at 1000 or less; check lengths with length().',
    },
  ],
};
