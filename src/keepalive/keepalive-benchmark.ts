import { Construct } from 'constructs';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import type { StackwrightStack } from '../core/stackwright-stack';
import { addLambdaZip } from '../lambda/lambda-zip';
import { BenchmarkTable } from './benchmark-table';
import { functionCode } from './function-code';
import { benchInvokePolicyJson } from './policies';
import { TimedPutFunction } from './timed-put-function';
import {
  KEEPALIVE_VARIANTS,
  nodeRuntimes,
  pythonRuntimes,
  type KeepaliveVariantId,
  type NodeRuntime,
  type PythonRuntime,
} from './variants';

export interface KeepaliveBenchmarkProps {
  /** The functions to deploy, one per variant (language and keep-alive setting), each at most once. */
  readonly variants: readonly KeepaliveVariantId[];
  /**
   * Runtime of the python-* functions.
   * @default the newest Python runtime Lambda offers (`pythonRuntimes[0]`)
   */
  readonly pythonRuntime?: PythonRuntime;
  /**
   * Runtime of the node-* functions.
   * @default the newest Node.js runtime Lambda offers (`nodeRuntimes[0]`)
   */
  readonly nodeRuntime?: NodeRuntime;
  /**
   * Instruction set of every function.
   * @default 'x86_64' (Lambda's default, as in the original experiment)
   */
  readonly architecture?: 'x86_64' | 'arm64';
  /**
   * Memory of every function in MiB (the CPU share grows with it).
   * @default 128 (Lambda's default)
   */
  readonly memorySize?: number;
  /**
   * Function timeout in seconds; a put takes milliseconds, a cold start longer.
   * @default 10
   */
  readonly timeoutSeconds?: number;
  /**
   * Retention of each function's log group, in days (a value CloudWatch Logs accepts).
   * @default 14
   */
  readonly logRetentionDays?: number;
  /**
   * The table is named `<environment>-<tableNameSuffix>`.
   * @default 'keepalive-posts'
   */
  readonly tableNameSuffix?: string;
  /**
   * Benchmark items expire (DynamoDB TTL) this many hours after they are written.
   * @default 24
   */
  readonly itemTtlHours?: number;
  /**
   * Protect the table from `terraform destroy`.
   * @default false (it only holds expiring benchmark items)
   */
  readonly deletionProtection?: boolean;
}

/**
 * The keep-alive experiment: the table, one timed-PutItem function per selected variant, and a managed policy the
 * benchmark caller attaches to itself to invoke the function URLs. Zips are written beside the stack.
 */
export class KeepaliveBenchmark extends Construct {
  public readonly table: BenchmarkTable;
  /** Functions by variant id, in the order of `props.variants`. */
  public readonly functions: ReadonlyMap<KeepaliveVariantId, TimedPutFunction>;
  public readonly invokePolicy: IamPolicy;

  constructor(stack: StackwrightStack, id: string, props: KeepaliveBenchmarkProps) {
    super(stack, id);
    const { variants } = props;
    if (variants.length === 0) throw new Error('KeepaliveBenchmark: variants must name at least one variant');
    const repeated = variants.filter((v, i) => variants.indexOf(v) !== i);
    if (repeated.length > 0)
      throw new Error(`KeepaliveBenchmark: variants name ${repeated.join(', ')} twice; list each variant once`);

    this.table = new BenchmarkTable(this, 'table', {
      tableName: stack.resourceName(props.tableNameSuffix ?? 'keepalive-posts'),
      deletionProtection: props.deletionProtection ?? false,
    });
    const functions = new Map<KeepaliveVariantId, TimedPutFunction>();
    for (const variant of variants) {
      const spec = KEEPALIVE_VARIANTS[variant];
      const code = functionCode(variant);
      functions.set(
        variant,
        new TimedPutFunction(this, variant, {
          functionName: stack.resourceName(`keepalive-${variant}`),
          description: `Keep-alive benchmark: ${spec.label}; one timed PutItem per call`,
          runtime:
            spec.language === 'python'
              ? (props.pythonRuntime ?? pythonRuntimes[0])
              : (props.nodeRuntime ?? nodeRuntimes[0]),
          handler: code.handler,
          code: addLambdaZip(stack, `keepalive-${variant}`, code.files),
          tableName: this.table.table.name,
          tableArn: this.table.table.arn,
          itemTtlSeconds: (props.itemTtlHours ?? 24) * 3600,
          logRetentionDays: props.logRetentionDays ?? 14,
          memorySize: props.memorySize ?? 128,
          timeout: props.timeoutSeconds ?? 10,
          architecture: props.architecture ?? 'x86_64',
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
