import {
  DescribeServicesCommand,
  ListContainerInstancesCommand,
  UpdateServiceCommand,
  type DescribeServicesCommandInput,
  type ListContainerInstancesCommandInput,
  type Service,
  type UpdateServiceCommandInput,
  type ECSClientResolvedConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-ecs';
import type { AwsStub } from 'aws-sdk-client-mock';
import { ACCOUNT, REGION, clusterArn } from '../sample-events';

/**
 * A small in-memory ECS behind aws-sdk-client-mock that honours what the reconciler relies on: the status filter
 * and the page size of ListContainerInstances, the 10-service limit and MISSING failures of DescribeServices,
 * and UpdateService changing the desired count.
 */
export const serviceArn = (cluster: string, service: string) =>
  `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${cluster}/${service}`;

export type InstanceStatus = 'ACTIVE' | 'DRAINING' | 'REGISTERING' | 'INACTIVE';

export interface FakeService {
  desiredCount: number;
  status?: string;
  schedulingStrategy?: 'REPLICA' | 'DAEMON';
}

export interface FakeCluster {
  instances: InstanceStatus[];
  services: Record<string, FakeService>;
}

export type FakeEcsState = Record<string, FakeCluster>;

/** `n` instances of one status. */
export const hosts = (n: number, status: InstanceStatus = 'ACTIVE'): InstanceStatus[] =>
  Array<InstanceStatus>(n).fill(status);

class FakeEcsError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export function installFakeEcs(
  mock: AwsStub<ServiceInputTypes, ServiceOutputTypes, ECSClientResolvedConfig>,
  state: FakeEcsState,
): void {
  const clusterOf = (cluster: string | undefined): [string, FakeCluster] => {
    const name = (cluster ?? 'default').split('/').pop()!;
    const found = state[name];
    if (!found) throw new FakeEcsError('ClusterNotFoundException', `Cluster not found: ${cluster}`);
    return [name, found];
  };

  mock.on(ListContainerInstancesCommand).callsFake((input: ListContainerInstancesCommandInput) => {
    const [name, cluster] = clusterOf(input.cluster);
    const pageSize = input.maxResults ?? 100;
    if (pageSize > 100) throw new FakeEcsError('InvalidParameterException', 'maxResults must be at most 100');
    const all = cluster.instances
      .map((status, i) => ({ status, arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:container-instance/${name}/i${i}` }))
      .filter((instance) => !input.status || instance.status === input.status);
    const start = input.nextToken ? Number(input.nextToken) : 0;
    const end = start + pageSize;
    return {
      containerInstanceArns: all.slice(start, end).map((i) => i.arn),
      nextToken: end < all.length ? String(end) : undefined,
    };
  });

  mock.on(DescribeServicesCommand).callsFake((input: DescribeServicesCommandInput) => {
    const [name, cluster] = clusterOf(input.cluster);
    const requested = input.services ?? [];
    if (requested.length > 10) throw new FakeEcsError('InvalidParameterException', 'at most 10 services per call');
    const services: Service[] = [];
    const failures = [];
    for (const s of requested) {
      const svc = cluster.services[s];
      if (!svc) {
        failures.push({ arn: serviceArn(name, s), reason: 'MISSING' });
        continue;
      }
      services.push({
        serviceName: s,
        serviceArn: serviceArn(name, s),
        clusterArn: clusterArn(name),
        desiredCount: svc.desiredCount,
        status: svc.status ?? 'ACTIVE',
        schedulingStrategy: svc.schedulingStrategy ?? 'REPLICA',
      });
    }
    return { services, failures };
  });

  mock.on(UpdateServiceCommand).callsFake((input: UpdateServiceCommandInput) => {
    const [name, cluster] = clusterOf(input.cluster);
    const service = (input.service ?? '').split('/').pop()!;
    const svc = cluster.services[service];
    if (!svc) throw new FakeEcsError('ServiceNotFoundException', `Service not found: ${input.service}`);
    svc.desiredCount = input.desiredCount ?? svc.desiredCount;
    return { service: { serviceName: service, serviceArn: serviceArn(name, service), desiredCount: svc.desiredCount } };
  });
}

/** An error shaped like the SDK's service exceptions (name and $metadata). */
export function ecsError(name: string, message: string, httpStatusCode = 400): Error {
  return Object.assign(new FakeEcsError(name, message), { $fault: 'client', $metadata: { httpStatusCode } });
}
