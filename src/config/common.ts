import { z } from 'zod';
import { logRetentionDays } from '../aws/log-retention';
import { awsPartitions } from '../aws/partition';
import { partitionOfRegion, supportedRegions } from '../aws/regions';
import { closestNames } from '../core/did-you-mean';

/** Shapes shared by several stack sections of the config. */

// Plain AWS values live in the base (constructs use them without the config); the schemas below build on them.
export { awsPartitions, type AwsPartition } from '../aws/partition';
export { logRetentionDays } from '../aws/log-retention';

/**
 * A region of a partition Stackwright generates for, as AWS's partition data lists it (src/aws/regions.ts): a name
 * that merely looks like a region (eu-west-9) is refused. Whether it fits `aws.partition` is checked in the schema.
 */
export const awsRegion = z.string().superRefine((region, ctx) => {
  const partition = partitionOfRegion(region);
  if (partition !== undefined && (awsPartitions as readonly string[]).includes(partition)) return;
  const close = partition === undefined ? closestNames(region, supportedRegions()) : [];
  ctx.addIssue({
    code: 'custom',
    message:
      partition === undefined
        ? 'not an AWS region name'
        : `${region} is a region of partition ${partition}, which Stackwright does not generate for`,
    params: {
      allowed: close.length > 0 ? `did you mean ${close.join(' or ')}?` : `a region of ${awsPartitions.join(', ')}`,
    },
  });
});

export const accountId = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account ID, quoted');

export const logRetention = z
  .number()
  .int()
  .refine((d) => (logRetentionDays as readonly number[]).includes(d), {
    message: `must be one of ${logRetentionDays.join(', ')}`,
  });

/** An existing VPC and subnets, or none (the stack creates its own). */
export const existingNetwork = z.strictObject({
  vpcId: z.string().regex(/^vpc-[0-9a-f]{8,17}$/, 'must look like vpc-0123abcd'),
  subnetIds: z.array(z.string().regex(/^subnet-[0-9a-f]{8,17}$/, 'must look like subnet-0123abcd')).min(1),
});

export const tagMap = z.record(z.string().min(1).max(128), z.string().max(256));
