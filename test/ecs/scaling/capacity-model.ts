import type { Json } from '../../helpers/json';

/**
 * A model of how an ECS cluster's Auto Scaling group is sized, encoding what AWS documents and nothing else. Each rule
 * is quoted with its page; the model applies them once a round.
 *
 * Managed scaling (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-scaling-behavior.html):
 * - M1 "Tasks without a capacity provider strategy are ignored by capacity providers. A pending task that doesn't
 *   have a capacity provider strategy won't cause any capacity provider to scale out."
 * - M2 "When a container instance isn't running any tasks, the container instance is considered empty and Amazon ECS
 *   starts the scale-in process." and "A container instance is considered empty even when daemon tasks are running."
 * - M3 "CapacityProviderReservation = (number of instances needed) / (number of running instances) x 100"; "When the
 *   CapacityProviderReservation metric is greater than the targetCapacity value, alarms also increase the
 *   DesiredCapacity of the Amazon EC2 Auto Scaling group." The instances needed are the non-empty ones (M2) plus those
 *   the provisioning tasks of the capacity provider need (M1).
 * - M4 "If all the container instances use managed termination protection, Amazon ECS removes the scale-in protection
 *   on the container instances that are empty." Otherwise "the Amazon EC2 Auto Scaling group selects EC2 instances
 *   using the Amazon EC2 Auto Scaling group termination policy" (modelled: oldest first).
 * - M5 "When a scale-out process is required and there are no currently running container instances, Amazon ECS
 *   always scales-out to two instances initially".
 *
 * The group's own policy on MemoryReservation:
 * - R1 (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/available-metrics.html) MemoryReservation "is
 *   measured as the total memory that is reserved by Amazon ECS tasks on the cluster, divided by the total amount of
 *   memory for all of the Amazon EC2 instances registered in the cluster"; "If a cluster ... has no running tasks, no
 *   metrics will be reported".
 * - R2 (https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html) "The scaling policy
 *   adds or removes capacity as required to keep the metric at, or close to, the specified target value": for a
 *   utilization metric, ceil(instances x metric / target) instances. The group picks what it terminates (oldest first).
 *
 * Both: with managed draining, "Amazon ECS manages and gracefully drains the EC2 container instances that are in the
 * Auto Scaling group capacity provider" (ECS API reference, AutoScalingGroupProvider): the tasks of a terminating
 * instance are placed again elsewhere. The reconciler sets a reconciled service's desired count to the number of
 * ACTIVE instances (one task each, distinctInstance). Every task reserves one slot of its instance's memory.
 */

/** The settings the model takes from a generated stack. */
export interface ScalingSettings {
  readonly managedScaling: boolean;
  /** managed_scaling.target_capacity, or the policy's MemoryReservation target, percent. */
  readonly targetPercent: number;
  readonly managedTerminationProtection: boolean;
  readonly managedDraining: boolean;
  readonly minSize: number;
  readonly maxSize: number;
  /** Ordinary services have a capacity provider strategy (M1). */
  readonly ordinaryOnCapacityProvider: boolean;
  /** The cluster runs a reconciled service. */
  readonly reconciled: boolean;
  /** Tasks (memory slots) one instance holds. */
  readonly slotsPerHost: number;
}

type TaskKind = 'ordinary' | 'reconciled' | 'daemon';

interface Host {
  readonly tasks: TaskKind[];
}

export interface ClusterState {
  readonly instances: number;
  readonly ordinaryRunning: number;
  readonly reconciledRunning: number;
  /** Ordinary tasks waiting for room. */
  readonly waiting: number;
  /** Tasks that stopped because their instance terminated without being drained first. */
  readonly killedUndrained: number;
}

export class ClusterModel {
  private hosts: Host[] = [];
  private demand = 0;
  private waiting = 0;
  private killedUndrained = 0;

  constructor(
    private readonly s: ScalingSettings,
    initialInstances: number,
    /** A daemon service runs on every instance (it never counts against emptiness, M2). */
    private readonly daemon = false,
  ) {
    for (let i = 0; i < initialInstances; i++) this.launch();
  }

  /** The desired count of the ordinary services together. */
  public setDemand(tasks: number): void {
    this.demand = tasks;
  }

  /** Runs rounds until nothing changes for three of them (or `limit` rounds). */
  public settle(limit = 300): ClusterState {
    let last = '';
    let same = 0;
    for (let i = 0; i < limit && same < 3; i++) {
      this.round();
      const now = JSON.stringify(this.state());
      same = now === last ? same + 1 : 0;
      last = now;
    }
    return this.state();
  }

  public state(): ClusterState {
    return {
      instances: this.hosts.length,
      ordinaryRunning: this.count('ordinary'),
      reconciledRunning: this.count('reconciled'),
      waiting: this.waiting,
      killedUndrained: this.killedUndrained,
    };
  }

  private count(kind: TaskKind): number {
    return this.hosts.reduce((n, h) => n + h.tasks.filter((t) => t === kind).length, 0);
  }

  private round(): void {
    for (const h of this.hosts) {
      if (this.daemon && !h.tasks.includes('daemon')) this.place(h, 'daemon');
      // The reconciler: one task per ACTIVE instance, placed with distinctInstance.
      if (this.s.reconciled && !h.tasks.includes('reconciled')) this.place(h, 'reconciled');
    }
    this.scheduleOrdinary();
    const wanted = this.s.managedScaling ? this.managedWanted() : this.policyWanted();
    if (wanted !== undefined) this.resize(Math.min(this.s.maxSize, Math.max(this.s.minSize, wanted)));
  }

  private place(h: Host, kind: TaskKind): boolean {
    if (h.tasks.length >= this.s.slotsPerHost) return false;
    h.tasks.push(kind);
    return true;
  }

  private scheduleOrdinary(): void {
    let running = this.count('ordinary');
    while (running > this.demand) {
      const h = this.hosts.filter((x) => x.tasks.includes('ordinary')).sort((a, b) => ordinary(a) - ordinary(b))[0]!;
      h.tasks.splice(h.tasks.indexOf('ordinary'), 1);
      running--;
    }
    while (running < this.demand) {
      const h = this.hosts
        .filter((x) => x.tasks.length < this.s.slotsPerHost)
        .sort((a, b) => b.tasks.length - a.tasks.length)[0];
      if (!h) break;
      h.tasks.push('ordinary');
      running++;
    }
    this.waiting = this.demand - running;
  }

  /** M1-M3, M5. */
  private managedWanted(): number {
    const n = this.hosts.length;
    const nonEmpty = this.hosts.filter((h) => h.tasks.some((t) => t !== 'daemon')).length;
    const provisioning = this.s.ordinaryOnCapacityProvider ? this.waiting : 0;
    const needed = nonEmpty + Math.ceil(provisioning / this.s.slotsPerHost);
    if (n === 0) return needed > 0 ? Math.max(2, needed) : 0;
    const wanted = Math.ceil((needed * 100) / this.s.targetPercent);
    return wanted;
  }

  /** R1, R2: no metric without running tasks, so no action. */
  private policyWanted(): number | undefined {
    const reserved = this.hosts.reduce((k, h) => k + h.tasks.length, 0);
    if (reserved === 0) return undefined;
    // Tasks that found no room reserve nothing, but they stay waiting: the metric sits at 100 and the group grows.
    const reservation = (100 * reserved) / (this.hosts.length * this.s.slotsPerHost);
    return Math.ceil((this.hosts.length * reservation) / this.s.targetPercent);
  }

  private resize(wanted: number): void {
    const n = this.hosts.length;
    for (let i = n; i < wanted; i++) this.launch();
    if (wanted >= n) return;
    // M4: with managed termination protection only empty instances may go; otherwise the group picks, oldest first.
    const candidates = this.s.managedTerminationProtection
      ? this.hosts.filter((h) => h.tasks.every((t) => t === 'daemon'))
      : this.hosts;
    const victims = candidates.slice(0, n - wanted);
    if (!this.s.managedDraining)
      this.killedUndrained += victims.reduce((k, h) => k + h.tasks.filter((t) => t === 'ordinary').length, 0);
    this.hosts = this.hosts.filter((h) => !victims.includes(h));
  }

  private launch(): void {
    this.hosts.push({ tasks: [] });
  }
}

const ordinary = (h: Host) => h.tasks.filter((t) => t === 'ordinary').length;

/** The scaling settings of the one cluster in a synthesized ECS stack. */
export function settingsFromStack(json: Json, slotsPerHost: number): ScalingSettings {
  const only = (type: string) => {
    const all = Object.values(json.resource?.[type] ?? {}) as Json[];
    if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
    return all[0];
  };
  const provider = only('aws_ecs_capacity_provider').auto_scaling_group_provider;
  const group = only('aws_autoscaling_group');
  const services = Object.values(json.resource.aws_ecs_service) as Json[];
  const ordinaryServices = services.filter(
    (svc) => svc.scheduling_strategy === 'REPLICA' && !svc.lifecycle?.ignore_changes?.includes('desired_count'),
  );
  const managedScaling = provider.managed_scaling?.status === 'ENABLED';
  const policies = Object.values(json.resource.aws_autoscaling_policy ?? {}) as Json[];
  const target = managedScaling
    ? provider.managed_scaling.target_capacity
    : policies.find(
        (p) => p.target_tracking_configuration?.customized_metric_specification?.metric_name === 'MemoryReservation',
      )?.target_tracking_configuration.target_value;
  if (target === undefined) throw new Error('neither managed scaling nor a MemoryReservation policy sizes the group');
  return {
    managedScaling,
    targetPercent: target,
    managedTerminationProtection:
      provider.managed_termination_protection === 'ENABLED' && group.protect_from_scale_in === true,
    managedDraining: provider.managed_draining === 'ENABLED',
    minSize: group.min_size,
    maxSize: group.max_size,
    ordinaryOnCapacityProvider: ordinaryServices.every((svc) => svc.capacity_provider_strategy !== undefined),
    reconciled: services.some((svc) => svc.lifecycle?.ignore_changes?.includes('desired_count')),
    slotsPerHost,
  };
}
