import { TerraformOutput } from 'cdktf';
import { ValidateTerraformVersion } from 'cdktf/lib/validations/validate-terraform-version';

/*
 * Two corrections to cdktf (pinned exactly in package.json, since they reach into its internals), loaded by synth
 * before any stack is built.
 */

/**
 * cdktf validates a stack that has moved or import blocks, terraform_data or an HCP backend by running
 * `terraform version` (child_process.execSync, cdktf/lib/validations/validate-binary-version.js), once per stack
 * and synth. That made synth start a process per stack and fail on a machine without Terraform, though synth only
 * writes files. The generated stacks declare `required_version` instead (REQUIRED_TERRAFORM_VERSION), so the
 * Terraform that runs them refuses to be too old, at init.
 */
ValidateTerraformVersion.prototype.validate = (): string[] => [];

/**
 * cdktf/lib/terraform-output.js tests values with `util.isArray`, which Node 22 and later deprecate at run time
 * (DEP0044): every synth printed a DeprecationWarning. The same test with `Array.isArray`.
 */
const output = TerraformOutput.prototype as unknown as { isITerraformAddressable(o: unknown): boolean };
output.isITerraformAddressable = (o: unknown): boolean =>
  o !== null && typeof o === 'object' && !Array.isArray(o) && 'fqn' in o;
