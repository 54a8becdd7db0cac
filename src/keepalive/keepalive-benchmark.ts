import { Construct } from 'constructs';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import type { StackwrightStack } from '../core/stackwright-stack';
import { addLambdaZip } from '../lambda/lambda-zip';
import type { KeepaliveConfig } from './config';
import { BenchmarkTable } from './benchmark-table';
import { functionCode } from './function-code';
import { benchInvokePolicyJson } from './policies';
import { TimedPutFunction } from './timed-put-function';
import { KEEPALIVE_VARIANTS, type KeepaliveVariantId } from './variants';

export interface KeepaliveBenchmarkProps {
  /** The validated `stacks.keepalive` section. */
  readonly settings: KeepaliveConfig;
}

/**
 * The keep-alive experiment: the table, one timed-PutItem function per selected variant, and a managed policy the
 * benchmark caller attaches to itself to invoke the function URLs. Zips are written beside the stack.
 */
export class KeepaliveBenchmark extends Construct {
  public readonly table: BenchmarkTable;
  /** Functions by variant id, in the order of `settings.variants`. */
  public readonly functions: ReadonlyMap<KeepaliveVariantId, TimedPutFunction>;
  public readonly invokePolicy: IamPolicy;

  constructor(stack: StackwrightStack, id: string, props: KeepaliveBenchmarkProps) {
    super(stack, id);
    const s = props.settings;
    if (s.variants.length === 0) throw new Error('stacks.keepalive.variants must name at least one variant');

    this.table = new BenchmarkTable(this, 'table', {
      tableName: stack.resourceName(s.tableNameSuffix),
      deletionProtection: s.deletionProtection,
    });
    const functions = new Map<KeepaliveVariantId, TimedPutFunction>();
    for (const variant of s.variants) {
      const spec = KEEPALIVE_VARIANTS[variant];
      const code = functionCode(variant);
      functions.set(
        variant,
        new TimedPutFunction(this, variant, {
          functionName: stack.resourceName(`keepalive-${variant}`),
          description: `Keep-alive benchmark: ${spec.label}; one timed PutItem per call`,
          runtime: spec.language === 'python' ? s.pythonRuntime : s.nodeRuntime,
          handler: code.handler,
          code: addLambdaZip(stack, `keepalive-${variant}`, code.files),
          tableName: this.table.table.name,
          tableArn: this.table.table.arn,
          itemTtlSeconds: s.itemTtlHours * 3600,
          logRetentionDays: s.logRetentionDays,
          memorySize: s.memorySize,
          timeout: s.timeoutSeconds,
          architecture: s.architecture,
        }),
      );
    }
    this.functions = functions;
    this.invokePolicy = new IamPolicy(this, 'bench-invoke', {
      name: stack.resourceName('keepalive-bench-invoke'),
      description: 'Attach to whoever runs `stackwright bench lambda`: invoke the keep-alive benchmark function URLs',
      policy: benchInvokePolicyJson([...functions.values()].map((f) => f.fn.arn)),
    });
  }
}
