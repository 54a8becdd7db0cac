import { Construct } from 'constructs';
import type { Node } from 'constructs';
import {
  CloudBackend,
  LocalBackend,
  NamedCloudWorkspace,
  S3Backend,
  TerraformElement,
  TerraformOutput,
  TerraformStack,
  type TerraformOutputConfig,
} from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { BackendConfig, StackwrightConfig } from '../config/schema';
import { addressCollisions, addressPath, assertUniqueAddresses, declareReleasedMoves, readableName } from './addresses';

/** A file written beside the stack's cdk.tf.json (a Lambda zip, a Dockerfile, a rendered config). */
export interface StackFile {
  /** Path relative to the stack's folder, with forward slashes. */
  readonly path: string;
  readonly contents: string | Uint8Array;
}

/** A section of the stack's generated README.md beyond what is derived from the Terraform itself. */
export interface ReadmeSection {
  readonly heading: string;
  readonly body: string;
}

/**
 * The oldest Terraform the generated stacks run on. Terraform itself refuses an older CLI at init when a
 * configuration sets `required_version` (developer.hashicorp.com/terraform/language/terraform#required_version),
 * which is where the check belongs, not at synth (src/synth/cdktf-compat.ts). 1.5: the moved and import
 * blocks cdktf emits need it, as cdktf's own ValidateTerraformVersion(">=1.5") says (cdktf/lib/synthesize).
 */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.5';

export interface StackwrightStackProps {
  /** The validated config this stack is synthesized from. */
  readonly config: StackwrightConfig;
  /** One-paragraph description for the stack's README. */
  readonly description: string;
}

/**
 * Base of every Stackwright stack: the AWS provider with the environment's region and default tags, and the
 * backend declared explicitly (cdktf's implicit local backend embeds an absolute path, which breaks determinism).
 * Every block is named from its construct path, readably and without hashes, with moved blocks from the names
 * 0.1.0 released (see ./addresses.ts).
 */
export class StackwrightStack extends TerraformStack {
  public readonly config: StackwrightConfig;
  public readonly description: string;
  public readonly aws: AwsProvider;
  private readonly files = new Map<string, StackFile>();
  private readonly readme: ReadmeSection[] = [];

  constructor(scope: Construct, id: string, props: StackwrightStackProps) {
    super(scope, id);
    this.config = props.config;
    this.description = props.description;
    const { aws, tags, name } = props.config;
    this.aws = new AwsProvider(this, 'aws', {
      region: aws.region,
      allowedAccountIds: aws.accountId ? [aws.accountId] : undefined,
      defaultTags: [{ tags: { ...tags, 'stackwright:environment': name, 'stackwright:stack': id } }],
    });
    declareBackend(this, id, props.config.backend);
    this.addOverride('terraform.required_version', REQUIRED_TERRAFORM_VERSION);
    this.node.addValidation({ validate: () => addressCollisions(this) });
  }

  /** The environment-qualified name for a resource, e.g. `demo-reconciler`. */
  public resourceName(suffix: string): string {
    return `${this.config.name}-${suffix}`;
  }

  /** Block names come from the construct path in snake_case (`delegation/role` -> `delegation_role`), no hash. */
  protected allocateLogicalId(tfElement: TerraformElement | Node): string {
    const construct = TerraformElement.isTerraformElement(tfElement)
      ? tfElement
      : tfElement.scopes[tfElement.scopes.length - 1];
    return readableName(addressPath(construct, this));
  }

  public toTerraform(): ReturnType<TerraformStack['toTerraform']> {
    this.prepareAddresses();
    return super.toTerraform();
  }

  public toHclTerraform(): ReturnType<TerraformStack['toHclTerraform']> {
    this.prepareAddresses();
    return super.toHclTerraform();
  }

  private prepareAddresses(): void {
    assertUniqueAddresses(this);
    declareReleasedMoves(this);
  }

  public addFile(file: StackFile): void {
    if (file.path.startsWith('/') || file.path.split('/').includes('..')) {
      throw new Error(`stack file path must be relative and inside the stack folder: ${file.path}`);
    }
    this.files.set(file.path, file);
  }

  public stackFiles(): StackFile[] {
    return [...this.files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Terraform outputs by name, declared in the order given. */
  public addOutputs(outputs: Readonly<Record<string, TerraformOutputConfig>>): void {
    for (const [name, output] of Object.entries(outputs)) new TerraformOutput(this, name, output);
  }

  public addReadmeSection(section: ReadmeSection): void {
    this.readme.push(section);
  }

  public readmeSections(): readonly ReadmeSection[] {
    return this.readme;
  }
}

function declareBackend(stack: TerraformStack, id: string, backend: BackendConfig): void {
  switch (backend.type) {
    case 'local':
      new LocalBackend(stack, { path: backend.path });
      return;
    case 's3':
      new S3Backend(stack, {
        bucket: backend.bucket,
        key: `${backend.keyPrefix}/${id}.tfstate`,
        region: backend.region,
        encrypt: true,
        kmsKeyId: backend.kmsKeyId,
      }).addOverride('use_lockfile', true); // S3-native locking (Terraform 1.10+); cdktf 0.21 has no typed prop
      return;
    case 'hcp':
      new CloudBackend(stack, {
        hostname: backend.hostname,
        organization: backend.organization,
        workspaces: new NamedCloudWorkspace(`${backend.workspacePrefix}-${id}`),
      });
      return;
  }
}
