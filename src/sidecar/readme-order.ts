import type { ReadmeSection } from '../core/stackwright-stack';
import type { SidecarConfig } from './config';

/** The sidecar README's section on the order Terraform creates the services and their network's way out in. */
export function creationOrderSection(config: SidecarConfig): ReadmeSection {
  const created = config.network.type === 'create';
  const wayOut =
    config.taskSubnets === 'public'
      ? 'the internet gateway and the public routes'
      : (config.network.type === 'create' ? config.network.privateEgress : undefined) === 'nat-gateway'
        ? 'the NAT gateway, its route and the private route table associations'
        : 'the VPC endpoints (ECR API, ECR registry, CloudWatch Logs, the S3 gateway for image layers) and the private route table associations';
  return {
    heading: 'Order of creation',
    body: created
      ? [
          "Every service depends explicitly (`depends_on`) on the network's way out:",
          `${wayOut}.`,
          'Terraform creates them before any task starts and destroys them after the services, so',
          '`wait_for_steady_state` never waits on tasks that cannot pull their images, on a first apply or a re-run.',
          'The rule `ECS-ServiceWaitsForEgress` checks it for every service in a private subnet.',
        ].join('\n')
      : 'The VPC is an existing one: its routes, NAT gateways and endpoints are not managed here, so the ' +
        'services cannot wait for them; they must exist before the apply.',
  };
}
