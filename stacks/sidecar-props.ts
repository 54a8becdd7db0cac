import type { SidecarConfig } from '../src/sidecar/config';
import type { DeploymentSettings, SidecarBenchmarkProps } from '../src/sidecar/benchmark';
import type { SidecarRenderOptions } from '../src/sidecar/render/options';
import { type SidecarVariantName } from '../src/sidecar/variants';
import { deploymentsOf, rulePriorityOf, type Deployment } from '../src/sidecar/deployments';

/**
 * The sidecar stack's config -> construct props mapping: the only place that reads `stacks.sidecar` for the
 * constructs. Each function takes the config section (and what the stack supplies: names, where files go) and
 * returns props.
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
export function sidecarDeployments(sc: SidecarConfig): Deployment<SidecarVariantName>[] {
  return deploymentsOf(sc.variants, sc.architectures);
}

/** What one deployment takes from the config (and from its place in the experiment). */
export function deploymentSettings(sc: SidecarConfig, deployment: Deployment<SidecarVariantName>): DeploymentSettings {
  return {
    deployment,
    publicIpReason:
      'config stacks.sidecar.taskSubnets is public: a short benchmark without NAT or VPC endpoints; the task security group admits only the ALB',
    rulePriority: rulePriorityOf(deployment),
    taskSize: sc.taskSizes[deployment.variant],
    logRetentionDays: sc.logRetentionDays,
    desiredCount: sc.desiredCount,
  };
}

/** The whole benchmark's props; the stack supplies the name prefix, region, partition and where files go. */
export function sidecarBenchmarkProps(
  sc: SidecarConfig,
  env: Pick<SidecarBenchmarkProps, 'namePrefix' | 'region' | 'partition' | 'fileSink'>,
): SidecarBenchmarkProps {
  return {
    ...env,
    network: { network: sc.network, taskSubnets: sc.taskSubnets, flowLogRetentionDays: sc.logRetentionDays },
    loadBalancer: { https: sc.https, listenerCidrs: sc.listenerCidrs },
    // The ALB's access logs are kept as long as the deployments' logs.
    albLogRetentionDays: sc.logRetentionDays,
    render: renderOptions(sc),
    imageVariants: imageVariants(sc),
    architectures: sc.architectures,
    deployments: sidecarDeployments(sc).map((d) => deploymentSettings(sc, d)),
  };
}
