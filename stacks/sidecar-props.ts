import type { AwsPartition } from '../src/aws/partition';
import type { AlbLogBucketProps } from '../src/sidecar/alb-log-bucket';
import type { SidecarConfig } from '../src/sidecar/config';
import type { SidecarDeploymentProps } from '../src/sidecar/deployment';
import type { SidecarImagesProps } from '../src/sidecar/images';
import type { BenchmarkLoadBalancerProps } from '../src/sidecar/load-balancer';
import type { BenchmarkPlacementProps } from '../src/sidecar/placement';
import type { SidecarRenderOptions } from '../src/sidecar/render/index';
import {
  cpuArchitectures,
  deploymentsOf,
  sidecarVariantNames,
  type Deployment,
  type SidecarVariantName,
} from '../src/sidecar/variants';

/**
 * The sidecar stack's config -> construct props mapping: the only place that reads `stacks.sidecar` for the
 * constructs. Each function takes the config section and what the stack supplies (names, Terraform references) and
 * returns the construct's whole props.
 */

/** The nginx/gunicorn settings the images and task definitions are rendered with. */
export function renderOptions(sc: SidecarConfig): Partial<SidecarRenderOptions> {
  return { workers: sc.workers, quietDatadogAgentLogs: sc.quietDatadogAgentLogs };
}

/** The variants whose images are built, in the order the config lists them (the images' and repositories' order). */
export function imageVariants(sc: SidecarConfig): readonly SidecarVariantName[] {
  return sc.variants;
}

/** Every selected variant on every selected architecture, in the fixed order of `deploymentsOf`. */
export function sidecarDeployments(sc: SidecarConfig): Deployment[] {
  return deploymentsOf(sc.variants, sc.architectures);
}

export function placementProps(
  sc: SidecarConfig,
  env: { namePrefix: string; region: string; partition: AwsPartition },
): BenchmarkPlacementProps {
  return { ...env, network: sc.network, taskSubnets: sc.taskSubnets, flowLogRetentionDays: sc.logRetentionDays };
}

export function loadBalancerProps(
  sc: SidecarConfig,
  refs: Pick<BenchmarkLoadBalancerProps, 'name' | 'vpcId' | 'subnetIds' | 'accessLogs'>,
): BenchmarkLoadBalancerProps {
  return { ...refs, https: sc.https, listenerCidrs: sc.listenerCidrs };
}

/** The ALB's access log bucket: its objects are kept as long as the deployments' logs. */
export function albLogBucketProps(sc: SidecarConfig, env: Omit<AlbLogBucketProps, 'retentionDays'>): AlbLogBucketProps {
  return { ...env, retentionDays: sc.logRetentionDays };
}

export function imagesProps(sc: SidecarConfig, refs: Omit<SidecarImagesProps, 'architectures'>): SidecarImagesProps {
  return { ...refs, architectures: sc.architectures };
}

/** What a deployment's props take from the config (and from its place in the experiment), not from the stack. */
type FromConfig = 'deployment' | 'rulePriority' | 'taskSize' | 'logRetentionDays' | 'desiredCount' | 'publicIpReason';

export function deploymentProps(
  sc: SidecarConfig,
  deployment: Deployment,
  refs: Omit<SidecarDeploymentProps, FromConfig>,
): SidecarDeploymentProps {
  const { variant, architecture } = deployment;
  return {
    ...refs,
    deployment,
    publicIpReason:
      'config stacks.sidecar.taskSubnets is public: a short benchmark without NAT or VPC endpoints; the task security group admits only the ALB',
    // Fixed per variant and architecture, so selecting fewer deployments never renumbers the others.
    rulePriority: 100 + 10 * sidecarVariantNames.indexOf(variant) + cpuArchitectures.indexOf(architecture),
    taskSize: sc.taskSizes[variant],
    logRetentionDays: sc.logRetentionDays,
    desiredCount: sc.desiredCount,
  };
}
