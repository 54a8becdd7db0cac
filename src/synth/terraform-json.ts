/** A synthesized stack's Terraform JSON (`cdk.tf.json`), as cdktf's `toTerraform()` returns it. */
export type TerraformJson = Record<string, unknown>;
