import { z } from 'zod';
import { logRetentionDays } from '../aws/log-retention';

/** Shapes shared by several stack sections of the config. */

// Plain AWS values live in the base (constructs use them without the config); the schemas below build on them.
export { awsPartitions, type AwsPartition } from '../aws/partition';
export { logRetentionDays } from '../aws/log-retention';

export const awsRegion = z
  .string()
  .regex(/^(us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov)-[a-z]+-\d$/, 'not an AWS region name (for example us-east-1)');

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
