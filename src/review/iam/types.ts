import type { TerraformDocument } from '../../terraform/json';
import type { Changes } from './compare';
import type { IamFlag } from './flags';

/** One stack's Terraform JSON (a cdk.tf.json document); absent on the side where the stack does not exist. */
export type TerraformJson = TerraformDocument;

/**
 * How one role (with every policy it holds) or one unattached identity policy changes between base and head.
 * Action names are expanded against IAM's catalogue: `s3:Get*` in a policy shows as each s3:Get action it matches.
 */
export interface IamSubjectDelta extends Changes {
  /** Terraform address (`aws_iam_role.web_task_role`), the subject's identity across base and head. */
  readonly address: string;
  readonly kind: 'role' | 'policy';
  /** The IAM name in head (else base), when literal. */
  readonly name: string | undefined;
  readonly change: 'added' | 'removed' | 'changed';
  /** The high-risk parts of the change; empty when none. */
  readonly flags: readonly IamFlag[];
}

export interface IamDelta {
  /** Changed subjects, by address. */
  readonly subjects: readonly IamSubjectDelta[];
  /** How many flags the subjects carry in all. */
  readonly flagCount: number;
}
