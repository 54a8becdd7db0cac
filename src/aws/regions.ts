import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { awsPartitions, type AwsPartition } from './partition';

/**
 * AWS's regions by partition, from the partition data the AWS SDK for JavaScript resolves endpoints with
 * (`partitionsInfo` in @aws-sdk/core, `dist-es/submodules/client/util-endpoints/lib/aws/partitions.js`, the data
 * @aws-sdk/util-endpoints re-exports). It is read at run time from node_modules, never copied, so updating the SDK
 * updates the regions. The package exports only the lookup (`partition()`), which answers a region it does not know
 * with its regex match or the `aws` partition: hence the data itself.
 */
const PARTITIONS_FILE = join('dist-es', 'submodules', 'client', 'util-endpoints', 'lib', 'aws', 'partitions.js');

interface PartitionData {
  readonly id: string;
  readonly regions: Readonly<Record<string, unknown>>;
}

let byPartition: ReadonlyMap<string, readonly string[]> | undefined;

/** The file's one statement, `export const partitionsInfo = {...};`, holds a JSON literal. */
export function parsePartitionsModule(text: string): ReadonlyMap<string, readonly string[]> {
  const m = /^\s*export const partitionsInfo = ([\s\S]*?);?\s*$/.exec(text);
  const data = m ? (JSON.parse(m[1]!) as { partitions?: PartitionData[] }) : undefined;
  if (!Array.isArray(data?.partitions)) throw new Error(`@aws-sdk/core ${PARTITIONS_FILE} is not the expected shape`);
  // `aws-global` and the like name a partition's global endpoint, not a region one can deploy to.
  return new Map(
    data.partitions.map((p) => [p.id, Object.keys(p.regions).filter((r) => !r.endsWith('-global') && r !== p.id)]),
  );
}

function partitions(): ReadonlyMap<string, readonly string[]> {
  if (!byPartition) {
    // The package maps only its code in `exports`; the data sits beside the CommonJS entry's folder.
    const root = join(dirname(require.resolve('@aws-sdk/core')), '..');
    byPartition = parsePartitionsModule(readFileSync(join(root, PARTITIONS_FILE), 'utf8'));
  }
  return byPartition;
}

/** The partition a region belongs to (any AWS partition, also those Stackwright does not generate for). */
export function partitionOfRegion(region: string): string | undefined {
  for (const [id, regions] of partitions()) if (regions.includes(region)) return id;
  return undefined;
}

/** The regions of one partition, sorted. */
export function regionsOf(partition: string): readonly string[] {
  return [...(partitions().get(partition) ?? [])].sort();
}

/** Every region of the partitions Stackwright generates for, sorted. */
export function supportedRegions(): readonly string[] {
  return awsPartitions.flatMap((p: AwsPartition) => regionsOf(p)).sort();
}
