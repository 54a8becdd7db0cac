import type { Construct } from 'constructs';
import { TerraformOutput } from 'cdktf';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import type { AwsPartition } from '../aws/partition';
import type { StackFile } from '../core/stackwright-stack';
import { egressResources } from '../aws/egress';
import { APP_HEALTH_PATH } from './render/files';
import { contextHash, renderCompose, renderVariantImages, resolveRenderOptions, type RenderedImage } from './render';
import type { SidecarRenderOptions } from './render/options';
import { benchmarkNetworkPlan, type BenchmarkNetworkPlanProps, type NetworkPlan } from './network-plan';
import { BenchmarkLoadBalancer, type BenchmarkLoadBalancerProps } from './load-balancer';
import { AlbLogBucket } from './alb-log-bucket';
import { TaskSecurityGroup } from './task-security-group';
import { SidecarImages } from './images';
import { SidecarDeployment, type SidecarDeploymentProps } from './deployment';
import { sidecarVariantTable, type SidecarVariantTable } from './variants';
import { type CpuArchitecture } from './deployments';

/** What each deployment takes from the experiment's settings rather than from the resources built here. */
export type DeploymentSettings = Pick<
  SidecarDeploymentProps,
  'deployment' | 'rulePriority' | 'taskSize' | 'logRetentionDays' | 'desiredCount' | 'publicIpReason'
>;

export interface SidecarBenchmarkProps {
  /** Prefix of every name (at most 32 characters: the ALB's and target groups' limit), e.g. `demo-sidecar`. */
  readonly namePrefix: string;
  /** The region of the log groups, repositories and VPC endpoints. */
  readonly region: string;
  /** The AWS partition; every ARN uses it. */
  readonly partition: AwsPartition;
  /** The network to create or use and where the tasks go in it. */
  readonly network: Omit<BenchmarkNetworkPlanProps, 'namePrefix' | 'region' | 'partition'>;
  /** The ALB's listener: HTTPS or plain HTTP, and who may reach it. */
  readonly loadBalancer: Pick<BenchmarkLoadBalancerProps, 'https' | 'listenerCidrs'>;
  /** Days the ALB's access logs are kept. */
  readonly albLogRetentionDays: number;
  /**
   * The nginx and gunicorn settings the images are rendered with.
   * @default every default of `SidecarRenderOptions`
   */
  readonly render?: Partial<SidecarRenderOptions>;
  /** The variants whose images are built, in the order their repositories are listed (names in `variants`). */
  readonly imageVariants: readonly string[];
  /** Each image is built for each of these. */
  readonly architectures: readonly CpuArchitecture[];
  /** One ECS service each, behind the ALB; each deployment's variant must be one of `imageVariants`. */
  readonly deployments: readonly DeploymentSettings[];
  /** Receives the images' build contexts and the compose project (the stack writes them beside cdk.tf.json). */
  readonly fileSink: { addFile(file: StackFile): void };
  /**
   * The table the variant names refer to.
   * @default sidecarVariantTable
   */
  readonly variants?: SidecarVariantTable;
}

/**
 * The "Container-to-Container Communication" benchmark: a network plan, one ALB (with its access log bucket), the
 * tasks' security group, an ECS cluster, the images of each variant, a compose project of the same images, and one
 * `SidecarDeployment` per variant and architecture, each with its URL output (`url_tcp_x86_64`).
 *
 * It builds into `scope` itself rather than into a construct of its own: the stack's resources were released at
 * paths directly below the stack (`sidecar/alb/...`), and their paths and Terraform addresses are kept.
 */
export class SidecarBenchmark {
  public readonly network: NetworkPlan;
  public readonly loadBalancer: BenchmarkLoadBalancer;
  public readonly cluster: EcsCluster;
  public readonly images: SidecarImages;
  /** In the order of `props.deployments`. */
  public readonly deployments: readonly SidecarDeployment[];
  /** Each deployment's URL (scheme, the ALB's DNS name, its path prefix), keyed `<variant>-<arch>`. */
  public readonly urls: Readonly<Record<string, string>>;

  constructor(scope: Construct, props: SidecarBenchmarkProps) {
    const table = props.variants ?? sidecarVariantTable;
    const { region, partition, namePrefix } = props;
    for (const d of props.deployments)
      if (!props.imageVariants.includes(d.deployment.variant))
        throw new Error(`SidecarBenchmark: deployment ${d.deployment.variant} has no images; add it to imageVariants`);
    const caller = new DataAwsCallerIdentity(scope, 'caller');
    const render = resolveRenderOptions(props.render);

    this.network = benchmarkNetworkPlan(scope, { ...props.network, namePrefix, region, partition });
    const albLogs = new AlbLogBucket(scope, 'alb-logs', {
      namePrefix: namePrefix.toLowerCase(),
      region,
      partition,
      accountId: caller.accountId,
      retentionDays: props.albLogRetentionDays,
    });
    this.loadBalancer = new BenchmarkLoadBalancer(scope, 'alb', {
      ...props.loadBalancer,
      name: namePrefix,
      vpcId: this.network.vpcId,
      subnetIds: this.network.albSubnetIds,
      accessLogs: { bucket: albLogs.bucket.id, dependsOn: [albLogs.policy] },
    });
    const tasks = new TaskSecurityGroup(scope, 'tasks', {
      name: `${namePrefix}-tasks`,
      vpcId: this.network.vpcId,
      albSecurityGroupId: this.loadBalancer.securityGroup.id,
      port: render.listenPort,
      egress: this.network.egress,
    });
    this.cluster = new EcsCluster(scope, 'cluster', {
      name: namePrefix,
      setting: [{ name: 'containerInsights', value: 'enabled' }],
    });

    const rendered = new Map<string, RenderedImage[]>(
      props.imageVariants.map((v) => [v, renderVariantImages(v, render, table)]),
    );
    this.images = new SidecarImages(scope, 'images', {
      repositoryPrefix: namePrefix,
      architectures: props.architectures,
      fileSink: props.fileSink,
      sources: [...rendered.values()].flat().map((img) => ({ ...img, contextHash: contextHash(img) })),
    });
    // Builds the contexts under images/, so the review shows each build context once.
    props.fileSink.addFile({
      path: 'compose/docker-compose.yml',
      contents: renderCompose(render, { variants: props.imageVariants, table }),
    });

    const egress = this.network.network ? egressResources(this.network.network) : [];
    const lb = this.loadBalancer;
    this.deployments = props.deployments.map((settings) => {
      const { variant, architecture } = settings.deployment;
      const d = new SidecarDeployment(scope, `${variant}-${architecture.toLowerCase()}`, {
        ...settings,
        variants: table,
        namePrefix,
        clusterArn: this.cluster.arn,
        vpcId: this.network.vpcId,
        subnetIds: this.network.taskSubnetIds,
        securityGroupIds: [tasks.securityGroup.id],
        assignPublicIp: this.network.assignPublicIp,
        listenerArn: this.loadBalancer.listener.arn,
        images: (rendered.get(variant) ?? []).map((img) => ({
          container: img.container,
          image: this.images.imageUri(variant, img.container, architecture),
          healthCheck: img.healthCheck,
          writableDirs: img.writableDirs,
        })),
        repositoryArns: this.images.repositoryArns(variant),
        listenPort: render.listenPort,
        healthCheckPath: APP_HEALTH_PATH,
        partition,
        region,
        accountId: caller.accountId,
        egress,
      });
      // Beside its deployment: the HCL review copy lists blocks in the order they are made.
      new TerraformOutput(scope, `url_${d.key.replace(/-/g, '_')}`, {
        value: `${lb.scheme}://${lb.loadBalancer.dnsName}${d.pathPrefix}`,
        description: `${variant} on ${architecture}`,
      });
      return d;
    });
    this.urls = Object.fromEntries(
      this.deployments.map((d) => [d.key, `${lb.scheme}://${lb.loadBalancer.dnsName}${d.pathPrefix}`]),
    );
  }
}
