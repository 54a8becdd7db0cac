import { z } from 'zod';

/** Shapes shared by several stack sections of the config. */

export const awsPartitions = ['aws', 'aws-us-gov', 'aws-cn'] as const;
export type AwsPartition = (typeof awsPartitions)[number];

export const awsRegion = z
  .string()
  .regex(/^(us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov)-[a-z]+-\d$/, 'not an AWS region name (for example us-east-1)');

export const accountId = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account ID, quoted');

/** Log retention values CloudWatch Logs accepts. */
export const logRetentionDays = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
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

export const tagMap = z.record(
  z.string().min(1).max(128),
  z.string().max(256),
);
