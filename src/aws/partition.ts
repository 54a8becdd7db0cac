/** The AWS partitions Stackwright generates for; every ARN it writes starts `arn:<partition>:`. */
export const awsPartitions = ['aws', 'aws-us-gov', 'aws-cn'] as const;
export type AwsPartition = (typeof awsPartitions)[number];
