import { z } from 'zod';
import { existingNetwork, logRetention } from '../config/common';
import { cidrProblem, vpcCidrBlock } from '../aws/cidr';
import { fargateSizeProblem } from '../aws/fargate';
import { sidecarVariantNames, sidecarVariantTable, type SidecarVariantName } from './variants';
import { cpuArchitectures } from './deployments';

/** A task size with the post's defaults for the variant; validated against Fargate's table below. */
const taskSize = (cpu: number, memory: number) =>
  z
    .strictObject({
      /** Task CPU units (1024 = one vCPU). */
      cpu: z.number().int().default(cpu),
      /** Task memory in MiB. */
      memory: z.number().int().default(memory),
    })
    .prefault({});

/** One task size per variant of the table, each defaulting to the table's size. */
const taskSizeShape = Object.fromEntries(
  sidecarVariantTable.map((v) => [v.name, taskSize(v.taskSize.cpu, v.taskSize.memory)]),
) as { readonly [V in SidecarVariantName]: ReturnType<typeof taskSize> };

const createdNetwork = z.strictObject({
  type: z.literal('create'),
  /** The VPC's block; split into four equal subnets (public and private in each of two AZs). */
  cidr: vpcCidrBlock.default('10.0.0.0/16'),
  /** Two availability zone names; the region's first two available zones when absent. */
  availabilityZones: z
    .array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, 'not an AZ name such as us-east-1a'))
    .length(2)
    .optional(),
  /**
   * How tasks in private subnets reach ECR and CloudWatch Logs: interface endpoints (ecr.api, ecr.dkr, logs) plus an
   * S3 gateway endpoint for image layers, or one NAT gateway. Only with `taskSubnets: private`.
   * @default vpc-endpoints when taskSubnets is private
   */
  privateEgress: z.enum(['vpc-endpoints', 'nat-gateway']).optional(),
});

const existing = z.strictObject({
  type: z.literal('existing'),
  vpcId: existingNetwork.shape.vpcId,
  /** Public subnets in at least two AZs for the load balancer. */
  albSubnetIds: existingNetwork.shape.subnetIds.min(2, 'an ALB needs subnets in at least two AZs'),
  /** Where tasks run. Private subnets must already reach ECR, S3 and CloudWatch Logs (NAT or endpoints). */
  taskSubnetIds: existingNetwork.shape.subnetIds,
});

/** Config section `stacks.sidecar`: the Fargate benchmark environment of "Container-to-Container Communication". */
export const sidecarConfigSchema = z
  .strictObject({
    /** Which ways of connecting nginx to the app to deploy. */
    variants: z
      .array(z.enum(sidecarVariantNames))
      .min(1)
      .default([...sidecarVariantNames]),
    /** Which CPU architectures to deploy each variant on. */
    architectures: z
      .array(z.enum(cpuArchitectures))
      .min(1)
      .default([...cpuArchitectures]),
    /** Task sizes per variant; the defaults are the variant table's (combined: twice the others, as in the post). */
    taskSizes: z.strictObject(taskSizeShape).prefault({}),
    /** Tasks per service. The post measured one. */
    desiredCount: z.number().int().min(1).max(10).default(1),
    /** gunicorn workers per app. */
    workers: z.number().int().min(1).max(32).default(1),
    /** nginx skips access logging for the Datadog Agent's HTTP check (the "Reduce logging volume" post). */
    quietDatadogAgentLogs: z.boolean().default(false),
    logRetentionDays: logRetention.default(7),
    /** Serve HTTPS with this ACM certificate; HTTP then only redirects. Plain HTTP when absent. */
    https: z
      .strictObject({
        certificateArn: z
          .string()
          .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/, 'must be an ACM certificate ARN'),
        sslPolicy: z
          .string()
          .regex(/^ELBSecurityPolicy-[A-Za-z0-9-]+$/)
          .default('ELBSecurityPolicy-TLS13-1-2-2021-06'),
      })
      .optional(),
    /**
     * Who may reach the ALB's listener ports: no default. Name the benchmark clients' blocks (`[203.0.113.10/32]`);
     * `[0.0.0.0/0]` opens the listeners to the whole internet, and only when written out.
     */
    listenerCidrs: z
      .array(
        z.string().refine((c) => cidrProblem(c) === undefined, 'not an IPv4 CIDR block such as 203.0.113.0/24'),
        {
          error: (issue) =>
            issue.input === undefined
              ? 'is required: the CIDR blocks allowed to reach the load balancer, e.g. [203.0.113.10/32] for the ' +
                'benchmark client; write [0.0.0.0/0] to open it to the whole internet'
              : undefined,
        },
      )
      .min(1),
    network: z.discriminatedUnion('type', [createdNetwork, existing]).prefault({ type: 'create' }),
    /**
     * private: tasks get no public address and reach AWS through VPC endpoints or NAT (the default: nothing but the
     * ALB has a public address). public: tasks run in the ALB's public subnets with a public IP, which saves the
     * endpoint or NAT hours; their security group still admits only the ALB.
     */
    taskSubnets: z.enum(['private', 'public']).default('private'),
  })
  .superRefine((s, ctx) => {
    for (const [i, list] of [
      ['variants', s.variants],
      ['architectures', s.architectures],
    ] as const) {
      const dupes = list.filter((v, j) => list.indexOf(v as never) !== j);
      if (dupes.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `listed twice: ${dupes.join(', ')}`,
          params: { allowed: 'each value once' },
        });
    }
    for (const variant of sidecarVariantNames) {
      const problem = fargateSizeProblem(s.taskSizes[variant]);
      if (problem)
        ctx.addIssue({
          code: 'custom',
          path: ['taskSizes', variant, problem.field],
          message: problem.message,
          params: { allowed: problem.allowed },
        });
    }
    if (s.network.type === 'create' && s.network.privateEgress !== undefined && s.taskSubnets === 'public') {
      ctx.addIssue({
        code: 'custom',
        path: ['network', 'privateEgress'],
        message: 'only used with taskSubnets: private (public tasks reach AWS through the internet gateway)',
        params: { allowed: 'remove it, or set taskSubnets: private' },
      });
    }
  });

export type SidecarConfig = z.infer<typeof sidecarConfigSchema>;
export type SidecarNetworkConfig = SidecarConfig['network'];
