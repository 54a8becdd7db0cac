import type { Json } from '../../helpers/json';
/**
 * A model of ECS cluster auto scaling with a reconciled (one REPLICA task per host) service, built from AWS's
 * documentation of capacity-provider managed scaling:
 * - CapacityProviderReservation = M / N x 100; N = instances in the group; M = instances that run at least one
 *   task of the capacity provider (DAEMON tasks excluded) plus the instances the PROVISIONING tasks need; 200 when
 *   N = 0 and tasks are provisioning ("Automatically manage Amazon ECS capacity with cluster auto scaling", and
 *   "Deep Dive on Amazon ECS Cluster Auto Scaling").
 * - "Tasks without a capacity provider strategy are ignored by capacity providers. A pending task that doesn't have
 *   a capacity provider strategy won't cause any capacity provider to scale out." ("Amazon ECS managed scaling
 *   behavior"): a service with launch type EC2 neither provisions nor counts toward M.
 * - Target tracking keeps M / N x 100 at the target: the group wants ceil(M x 100 / target) instances, within
 *   min and max.
 * - Managed termination protection: ECS keeps scale-in protection on every instance that runs a non-daemon task
 *   and lifts it only when none is left ("Control the instances Amazon ECS terminates"). Without it the Auto Scaling
 *   group picks instances itself (modelled as oldest first) and, with managed draining, ECS drains each one (its
 *   tasks stop and are placed elsewhere) before it terminates.
 * - The reconciler sets the reconciled service's desired count to the number of ACTIVE instances; ECS places its
 *   tasks with distinctInstance.
 * Every task takes one slot of an instance; ordinary tasks are placed binpack and stopped from the least loaded
 * instance first.
 */

/** The settings the model takes from a generated stack. */
export interface ScalingSettings {
  /** managed_scaling.target_capacity, percent. */
  readonly targetCapacity: number;
  readonly managedTerminationProtection: boolean;
  /** The Auto Scaling group's protect_from_scale_in. */
  readonly protectFromScaleIn: boolean;
  readonly managedDraining: boolean;
  readonly minSize: number;
  readonly maxSize: number;
  /** The reconciled service runs through the capacity provider (a strategy) instead of launch type EC2. */
  readonly reconciledOnCapacityProvider: boolean;
  /** Tasks one instance holds. */
  readonly slotsPerHost: number;
}

type TaskKind = 'ordinary' | 'reconciled';

interface Host {
  readonly id: number;
  readonly tasks: TaskKind[];
}

export interface ClusterState {
  readonly instances: number;
  readonly ordinaryRunning: number;
  readonly reconciledRunning: number;
  readonly provisioning: number;
  /** CapacityProviderReservation of the last evaluation. */
  readonly reservation: number;
  /** Tasks that stopped because their instance terminated without being drained first. */
  readonly killedUndrained: number;
}

export class ClusterModel {
  private hosts: Host[] = [];
  private nextId = 0;
  private demand = 0;
  private provisioning = 0;
  private reservation = 100;
  private killedUndrained = 0;

  constructor(
    private readonly settings: ScalingSettings,
    initialInstances: number,
  ) {
    for (let i = 0; i < initialInstances; i++) this.launch();
  }

  /** The desired count of the ordinary services together (their demand). */
  public setDemand(tasks: number): void {
    this.demand = tasks;
  }

  /** Runs rounds until nothing changes for three of them (or `limit` rounds); returns the final state. */
  public settle(limit = 200): ClusterState {
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

  /** Like settle, but records the number of instances after every round. */
  public trace(rounds: number): number[] {
    return Array.from({ length: rounds }, () => {
      this.round();
      return this.hosts.length;
    });
  }

  public state(): ClusterState {
    const count = (kind: TaskKind) => this.hosts.reduce((n, h) => n + h.tasks.filter((t) => t === kind).length, 0);
    return {
      instances: this.hosts.length,
      ordinaryRunning: count('ordinary'),
      reconciledRunning: count('reconciled'),
      provisioning: this.provisioning,
      reservation: this.reservation,
      killedUndrained: this.killedUndrained,
    };
  }

  /** One evaluation: the reconciler, ECS's schedulers, the reservation metric and the group's target tracking. */
  private round(): void {
    const reconciledDesired = this.hosts.length; // the reconciler: one task per ACTIVE instance
    // The reconciler reacts to the instance's registration, before other tasks fill it.
    const unplacedReconciled = this.scheduleReconciled(reconciledDesired);
    this.scheduleOrdinary();
    if (this.settings.reconciledOnCapacityProvider) this.provisioning += unplacedReconciled;
    this.scale();
  }

  private scheduleOrdinary(): void {
    let running = this.state().ordinaryRunning;
    while (running > this.demand) {
      const host = [...this.hosts]
        .filter((h) => h.tasks.includes('ordinary'))
        .sort((a, b) => ordinary(a) - ordinary(b))[0]!;
      host.tasks.splice(host.tasks.indexOf('ordinary'), 1);
      running--;
    }
    while (running < this.demand) {
      const host = this.hosts
        .filter((h) => h.tasks.length < this.settings.slotsPerHost)
        .sort((a, b) => b.tasks.length - a.tasks.length)[0];
      if (!host) break;
      host.tasks.push('ordinary');
      running++;
    }
    this.provisioning = this.demand - running; // ordinary services use the capacity provider strategy
  }

  /** Places reconciled tasks on instances without one; returns how many found no instance. */
  private scheduleReconciled(desired: number): number {
    let running = this.state().reconciledRunning;
    for (const host of this.hosts) {
      if (running >= desired) break;
      if (host.tasks.includes('reconciled') || host.tasks.length >= this.settings.slotsPerHost) continue;
      host.tasks.push('reconciled');
      running++;
    }
    return desired - running;
  }

  private countsTowardM(host: Host): boolean {
    return host.tasks.some((t) => t === 'ordinary' || this.settings.reconciledOnCapacityProvider);
  }

  private scale(): void {
    const s = this.settings;
    const n = this.hosts.length;
    const m = this.hosts.filter((h) => this.countsTowardM(h)).length + Math.ceil(this.provisioning / s.slotsPerHost);
    this.reservation = n === 0 ? (this.provisioning > 0 ? 200 : 100) : (100 * m) / n;
    const wanted = Math.min(s.maxSize, Math.max(s.minSize, Math.ceil((m * 100) / s.targetCapacity)));
    for (let i = n; i < wanted; i++) this.launch();
    if (wanted >= n) return;
    // Scale-in: only unprotected instances, oldest first (the group's choice, not ECS's).
    const protectedHost = (h: Host) => s.protectFromScaleIn && (!s.managedTerminationProtection || h.tasks.length > 0);
    const victims = this.hosts.filter((h) => !protectedHost(h)).slice(0, n - wanted);
    // With managed draining, ECS stops their tasks first and places them again next round; without it they die with it.
    if (!s.managedDraining) this.killedUndrained += victims.reduce((k, h) => k + h.tasks.length, 0);
    this.hosts = this.hosts.filter((h) => !victims.includes(h));
  }

  private launch(): void {
    this.hosts.push({ id: this.nextId++, tasks: [] });
  }
}

const ordinary = (h: Host) => h.tasks.filter((t) => t === 'ordinary').length;

/** The scaling settings of the one cluster in a synthesized ECS stack with one reconciled service. */
export function settingsFromStack(json: Json, slotsPerHost: number): ScalingSettings {
  const only = (type: string) => {
    const all = Object.values(json.resource?.[type] ?? {}) as Json[];
    if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
    return all[0];
  };
  const provider = only('aws_ecs_capacity_provider').auto_scaling_group_provider;
  const group = only('aws_autoscaling_group');
  const reconciled = (Object.values(json.resource.aws_ecs_service) as Json[]).filter((svc) =>
    svc.lifecycle?.ignore_changes?.includes('desired_count'),
  );
  if (reconciled.length !== 1) throw new Error(`expected one reconciled service, found ${reconciled.length}`);
  return {
    targetCapacity: provider.managed_scaling.target_capacity,
    managedTerminationProtection: provider.managed_termination_protection === 'ENABLED',
    managedDraining: provider.managed_draining === 'ENABLED',
    protectFromScaleIn: group.protect_from_scale_in === true,
    minSize: group.min_size,
    maxSize: group.max_size,
    reconciledOnCapacityProvider:
      reconciled[0].capacity_provider_strategy !== undefined || reconciled[0].launch_type === undefined,
    slotsPerHost,
  };
}
