import type { AwsPartition } from '../aws/partition';
import type { PolicyStatement } from '../iam/policy-document';
import type { EcsContainerDefinition } from './container-definition';

/** What the execution policy reads of a container: where its image comes from and which secrets it references. */
export type ExecutionPolicyContainer = Pick<EcsContainerDefinition, 'image' | 'secrets'>;

export interface ExecutionPolicyInput {
  /** ARN of the service's log group (a Terraform reference is fine). */
  readonly logGroupArn: string;
  /** The task's containers. */
  readonly containers: readonly ExecutionPolicyContainer[];
  /** The AWS partition; every ARN uses it. */
  readonly partition: AwsPartition;
  /** Region of SSM parameters named without an ARN. */
  readonly region: string;
  /** The account ID (a Terraform reference is fine); SSM parameters named without an ARN live there. */
  readonly accountId: string;
}

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/;

/** The private ECR repositories the containers' images come from, as repository ARNs. */
export function ecrRepositoryArns(containers: readonly ExecutionPolicyContainer[], partition: AwsPartition): string[] {
  const arns = new Set<string>();
  for (const c of containers) {
    const m = ECR_IMAGE.exec(c.image);
    if (m) arns.add(`arn:${partition}:ecr:${m[2]}:${m[1]}:repository/${m[3]}`);
  }
  return [...arns].sort();
}

/** Secret references by service: Secrets Manager ARNs (without a JSON key suffix) and SSM parameter ARNs. */
export function secretArns(input: Omit<ExecutionPolicyInput, 'logGroupArn'>): {
  secretsManager: string[];
  ssm: string[];
} {
  const secretsManager = new Set<string>();
  const ssm = new Set<string>();
  for (const c of input.containers) {
    for (const { valueFrom } of c.secrets ?? []) {
      if (valueFrom === undefined) continue; // ECS rejects a secret without valueFrom; it grants nothing
      if (/^arn:[^:]+:secretsmanager:/.test(valueFrom)) secretsManager.add(valueFrom.split(':').slice(0, 7).join(':'));
      else if (/^arn:[^:]+:ssm:/.test(valueFrom)) ssm.add(valueFrom);
      else
        ssm.add(
          `arn:${input.partition}:ssm:${input.region}:${input.accountId}:parameter/${valueFrom.replace(/^\//, '')}`,
        );
    }
  }
  return { secretsManager: [...secretsManager].sort(), ssm: [...ssm].sort() };
}

/**
 * The task execution role's permissions, least privilege: write to the service's own log group, pull from exactly
 * the private ECR repositories its images name, read exactly the secrets its containers reference.
 */
export function executionPolicyStatements(input: ExecutionPolicyInput): PolicyStatement[] {
  const statements: PolicyStatement[] = [
    {
      Sid: 'WriteOwnLogGroup',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `${input.logGroupArn}:*`,
    },
  ];
  const repositories = ecrRepositoryArns(input.containers, input.partition);
  if (repositories.length > 0) {
    // GetAuthorizationToken has no resource-level permissions; it only returns a registry login token.
    statements.push({ Sid: 'EcrLogin', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' });
    statements.push({
      Sid: 'PullOwnImages',
      Effect: 'Allow',
      Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
      Resource: repositories,
    });
  }
  const secrets = secretArns(input);
  if (secrets.secretsManager.length > 0) {
    statements.push({
      Sid: 'ReadOwnSecrets',
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      Resource: secrets.secretsManager.flatMap(secretArnPatterns),
    });
  }
  if (secrets.ssm.length > 0) {
    statements.push({ Sid: 'ReadOwnParameters', Effect: 'Allow', Action: 'ssm:GetParameters', Resource: secrets.ssm });
  }
  return statements;
}

/**
 * A reference may be a full secret ARN or one without Secrets Manager's random 6-character suffix; the two
 * patterns match exactly that secret either way (a name cannot be told apart from a suffix by looking at it).
 */
function secretArnPatterns(arn: string): string[] {
  return [arn, `${arn}-??????`];
}
