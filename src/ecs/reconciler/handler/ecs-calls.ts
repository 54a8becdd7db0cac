import {
  DescribeServicesCommand,
  ListContainerInstancesCommand,
  UpdateServiceCommand,
  type ECSClient,
  type Service,
} from '@aws-sdk/client-ecs';

/** ListContainerInstances' page size limit. */
export const INSTANCES_PAGE_SIZE = 100;
/** DescribeServices' limit of services per call. */
export const SERVICES_PER_DESCRIBE = 10;

/** ECS answered DescribeServices with a failure other than a missing service: not safe to go on. */
export class DescribeServicesFailure extends Error {
  constructor(cluster: string, failures: readonly string[]) {
    super(`DescribeServices in ${cluster} failed: ${failures.join('; ')}`);
    this.name = 'DescribeServicesFailure';
  }
}

/**
 * Usable hosts: ACTIVE container instances only, all pages. A DRAINING instance takes no new task, so counting it
 * (as DescribeClusters' registeredContainerInstancesCount does) would leave a task PENDING.
 */
export async function countActiveHosts(ecs: ECSClient, clusterArn: string): Promise<number> {
  let count = 0;
  let nextToken: string | undefined;
  do {
    const page = await ecs.send(
      new ListContainerInstancesCommand({
        cluster: clusterArn,
        status: 'ACTIVE',
        maxResults: INSTANCES_PAGE_SIZE,
        nextToken,
      }),
    );
    count += page.containerInstanceArns?.length ?? 0;
    nextToken = page.nextToken;
  } while (nextToken);
  return count;
}

export interface DescribedServices {
  /** Services ECS knows in the cluster, by name, in any status. */
  readonly found: ReadonlyMap<string, Service>;
  /** Names ECS reported as MISSING. */
  readonly missing: readonly string[];
}

/** Describes the named services, ten per call (the API's limit). */
export async function describeServices(
  ecs: ECSClient,
  clusterArn: string,
  names: readonly string[],
): Promise<DescribedServices> {
  const found = new Map<string, Service>();
  const missing: string[] = [];
  for (let i = 0; i < names.length; i += SERVICES_PER_DESCRIBE) {
    const chunk = names.slice(i, i + SERVICES_PER_DESCRIBE);
    const out = await ecs.send(new DescribeServicesCommand({ cluster: clusterArn, services: chunk }));
    const other: string[] = [];
    for (const failure of out.failures ?? []) {
      if (failure.reason === 'MISSING') missing.push(nameFromArn(failure.arn));
      else other.push(`${failure.arn}: ${failure.reason}${failure.detail ? ` (${failure.detail})` : ''}`);
    }
    if (other.length > 0) throw new DescribeServicesFailure(clusterArn, other);
    for (const service of out.services ?? []) {
      if (service.serviceName) found.set(service.serviceName, service);
    }
  }
  return { found, missing };
}

export async function setDesiredCount(
  ecs: ECSClient,
  clusterArn: string,
  service: string,
  desiredCount: number,
): Promise<void> {
  await ecs.send(new UpdateServiceCommand({ cluster: clusterArn, service, desiredCount }));
}

/** ECS reports a missing service by the ARN it would have (or the name it was asked for). */
function nameFromArn(arn: string | undefined): string {
  const value = arn ?? '';
  return value.slice(value.lastIndexOf('/') + 1);
}
