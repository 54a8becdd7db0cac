import type { ECSClient } from '@aws-sdk/client-ecs';
import type { Logger } from '@aws-lambda-powertools/logger';
import { countActiveHosts, describeServices, setDesiredCount } from './ecs-calls';
import { parseEvent, type InstanceStateChange } from './event';
import type { ReconcilerSettings } from './settings';

export interface ReconcilerDeps {
  readonly ecs: ECSClient;
  readonly logger: Pick<Logger, 'info' | 'warn'>;
  readonly settings: ReconcilerSettings;
}

/** What happened to one managed service. */
export const ServiceAction = {
  InSync: 'in-sync',
  Updated: 'updated',
  WouldUpdate: 'would-update',
  Missing: 'missing',
  NotActive: 'not-active',
  NotReplica: 'not-replica',
} as const;
export type ServiceAction = (typeof ServiceAction)[keyof typeof ServiceAction];

export interface ServiceOutcome {
  readonly service: string;
  readonly action: ServiceAction;
  readonly oldDesiredCount?: number;
  readonly newDesiredCount?: number;
}

export type ReconcileResult =
  | { readonly outcome: 'ignored'; readonly reason: 'malformed' | 'unrelated' | 'unmanaged-cluster' }
  | {
      readonly outcome: 'reconciled';
      readonly cluster: string;
      /** ACTIVE container instances; not counted when none of the managed services exists. */
      readonly hosts?: number;
      readonly services: readonly ServiceOutcome[];
    };

/**
 * Sets the desired count of each managed service of the event's cluster to the number of ACTIVE hosts.
 * It reads the cluster's current state and ignores the event's own status, so duplicate and out-of-order events
 * converge on the same result. ECS errors propagate: the invocation fails, EventBridge retries, then the DLQ.
 */
export async function reconcile(input: unknown, deps: ReconcilerDeps): Promise<ReconcileResult> {
  const { logger, settings } = deps;
  const parsed = parseEvent(input);
  if (parsed.kind === 'malformed') {
    logger.warn('Ignored a malformed event', { problems: parsed.problems });
    return { outcome: 'ignored', reason: 'malformed' };
  }
  if (parsed.kind === 'unrelated') {
    logger.warn('Ignored an unrelated event', { source: parsed.source, detailType: parsed.detailType });
    return { outcome: 'ignored', reason: 'unrelated' };
  }
  const event = parsed.event;
  const serviceNames = settings.managed.get(event.clusterName);
  if (!serviceNames) {
    logger.info('Ignored an event for a cluster this function does not manage', { ...eventFields(event) });
    return { outcome: 'ignored', reason: 'unmanaged-cluster' };
  }
  return reconcileCluster(event, serviceNames, deps);
}

async function reconcileCluster(
  event: InstanceStateChange,
  names: readonly string[],
  deps: ReconcilerDeps,
): Promise<ReconcileResult> {
  const { ecs, logger, settings } = deps;
  const base = eventFields(event);
  const described = await describeServices(ecs, event.clusterArn, names);
  const outcomes: ServiceOutcome[] = described.missing.map((service) => {
    logger.warn('Managed service is missing from the cluster; skipped', { ...base, service });
    return { service, action: ServiceAction.Missing };
  });
  // Nothing to update: skip counting the hosts (one API call saved).
  if (described.found.size === 0) return { outcome: 'reconciled', cluster: event.clusterName, services: outcomes };

  const hosts = await countActiveHosts(ecs, event.clusterArn);
  for (const name of names) {
    const service = described.found.get(name);
    if (!service) continue;
    const fields = { ...base, service: name, hosts, oldDesiredCount: service.desiredCount };
    if (service.status !== 'ACTIVE') {
      logger.warn('Managed service is not ACTIVE; skipped', { ...fields, serviceStatus: service.status });
      outcomes.push({ service: name, action: ServiceAction.NotActive });
    } else if (service.schedulingStrategy === 'DAEMON') {
      logger.warn('Managed service uses DAEMON scheduling, which has no desired count; skipped', fields);
      outcomes.push({ service: name, action: ServiceAction.NotReplica });
    } else if (service.desiredCount === hosts) {
      logger.info('Desired count matches the active hosts', { ...fields, newDesiredCount: hosts });
      outcomes.push({ service: name, action: ServiceAction.InSync, oldDesiredCount: hosts, newDesiredCount: hosts });
    } else if (settings.dryRun) {
      logger.info('Dry run: would set the desired count', { ...fields, newDesiredCount: hosts, dryRun: true });
      outcomes.push({
        service: name,
        action: ServiceAction.WouldUpdate,
        oldDesiredCount: service.desiredCount,
        newDesiredCount: hosts,
      });
    } else {
      await setDesiredCount(ecs, event.clusterArn, service.serviceArn ?? name, hosts);
      logger.info('Set the desired count', { ...fields, newDesiredCount: hosts });
      outcomes.push({
        service: name,
        action: ServiceAction.Updated,
        oldDesiredCount: service.desiredCount,
        newDesiredCount: hosts,
      });
    }
  }
  return { outcome: 'reconciled', cluster: event.clusterName, hosts, services: outcomes };
}

function eventFields(event: InstanceStateChange): Record<string, unknown> {
  return {
    eventId: event.eventId,
    cluster: event.clusterName,
    containerInstanceArn: event.containerInstanceArn,
    instanceStatus: event.status,
    eventVersion: event.version,
  };
}
