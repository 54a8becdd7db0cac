import { Construct } from 'constructs';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';

export interface BenchmarkTableProps {
  /** Table name (3-255 of letters, digits, `_`, `-`, `.`). */
  readonly tableName: string;
  /**
   * Refuse `terraform destroy` while on.
   * @default false
   */
  readonly deletionProtection?: boolean;
}

/** Key and TTL attribute names the handlers write; the table and the templates must agree on them. */
export const BENCHMARK_TABLE_KEYS = { hashKey: 'userId', rangeKey: 'postId', ttlAttribute: 'expiresAt' } as const;

/**
 * The table the benchmark functions write to, keyed as in the original experiment (userId + postId): on-demand
 * (the benchmark writes one item a second per function), encrypted, point-in-time recovery on, items expiring by TTL.
 */
export class BenchmarkTable extends Construct {
  public readonly table: DynamodbTable;

  constructor(scope: Construct, id: string, props: BenchmarkTableProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9_.-]{3,255}$/.test(props.tableName)) {
      throw new Error(
        `tableName '${props.tableName}' is not a DynamoDB table name: change stacks.keepalive.tableNameSuffix`,
      );
    }
    const { hashKey, rangeKey, ttlAttribute } = BENCHMARK_TABLE_KEYS;
    this.table = new DynamodbTable(this, 'table', {
      name: props.tableName,
      billingMode: 'PAY_PER_REQUEST',
      hashKey,
      rangeKey,
      attribute: [
        { name: hashKey, type: 'S' },
        { name: rangeKey, type: 'S' },
      ],
      // Enabled without a key ARN: the AWS managed key aws/dynamodb (callers need no KMS permissions).
      serverSideEncryption: { enabled: true },
      pointInTimeRecovery: { enabled: true },
      ttl: { attributeName: ttlAttribute, enabled: true },
      deletionProtectionEnabled: props.deletionProtection ?? false,
    });
  }
}
