import { ecsSection, service, synthEcs } from '../helpers';
import { ClusterModel, settingsFromStack, type ScalingSettings } from './capacity-model';

/** Four tasks fit one instance; the reconciled task takes one of the slots. */
const SLOTS = 4;

async function generatedSettings(targetCapacityPercent: number): Promise<ScalingSettings> {
  const json = await synthEcs(
    ecsSection(
      [service({ name: 'exporter', oneTaskPerHost: 'reconciled' }), service({ name: 'web', desiredCount: 2 })],
      {
        capacity: { minSize: 1, maxSize: 10, targetCapacityPercent },
      },
    ),
  );
  return settingsFromStack(json, SLOTS);
}

/** Instances the ordinary tasks need next to one reconciled task each, at the target, within the group's limits. */
const needed = (s: ScalingSettings, demand: number) =>
  Math.min(s.maxSize, Math.max(s.minSize, Math.ceil((Math.ceil(demand / (SLOTS - 1)) * 100) / s.targetCapacity)));

describe.each([100, 75])('a cluster with a reconciled service as generated (target capacity %i%%)', (target) => {
  let settings: ScalingSettings;
  beforeAll(async () => {
    settings = await generatedSettings(target);
  });

  it('keeps the reconciled service out of the capacity provider, drains on scale-in, and protects no instance for good', () => {
    expect(settings).toMatchObject({
      reconciledOnCapacityProvider: false,
      managedDraining: true,
      managedTerminationProtection: false,
      protectFromScaleIn: false,
    });
  });

  it('grows by what the other services need, with one reconciled task on every instance', () => {
    const cluster = new ClusterModel(settings, 1);
    for (const demand of [2, 9, 15]) {
      cluster.setDemand(demand);
      const state = cluster.settle();
      expect(state.instances).toBe(needed(settings, demand));
      expect(state).toMatchObject({ ordinaryRunning: demand, reconciledRunning: state.instances, provisioning: 0 });
    }
  });

  it('shrinks when the other services need less, draining each instance first', () => {
    const cluster = new ClusterModel(settings, 1);
    cluster.setDemand(15);
    expect(cluster.settle().instances).toBe(needed(settings, 15));
    for (const demand of [6, 1, 0]) {
      cluster.setDemand(demand);
      const state = cluster.settle();
      expect(state.instances).toBe(needed(settings, demand));
      expect(state).toMatchObject({ ordinaryRunning: demand, reconciledRunning: state.instances, killedUndrained: 0 });
    }
  });

  it('never grows on its own: with no other demand it stays at the minimum however long it runs', () => {
    const cluster = new ClusterModel(settings, 3);
    cluster.setDemand(0);
    const sizes = cluster.trace(100);
    expect(Math.max(...sizes.slice(1))).toBe(settings.minSize);
    expect(sizes.at(-1)).toBe(settings.minSize);
  });
});

describe('the model tells the failing designs apart', () => {
  let generated: ScalingSettings;
  beforeAll(async () => {
    generated = await generatedSettings(75);
  });

  it('with managed termination protection on, a reconciled task on every instance pins them all: no scale-in', () => {
    const pinned = { ...generated, managedTerminationProtection: true, protectFromScaleIn: true };
    const cluster = new ClusterModel(pinned, 1);
    cluster.setDemand(15);
    const peak = cluster.settle().instances;
    cluster.setDemand(0);
    const state = cluster.settle();
    expect(state.instances).toBe(peak);
    expect(state.reservation).toBeLessThan(pinned.targetCapacity);
  });

  it('with the reconciled service on the capacity provider and a target below 100, every new instance asks for another', () => {
    const feeding = { ...generated, reconciledOnCapacityProvider: true };
    const cluster = new ClusterModel(feeding, 1);
    cluster.setDemand(0);
    expect(cluster.settle().instances).toBe(feeding.maxSize);
  });

  it('without managed draining, scale-in kills the tasks of the instances it terminates', () => {
    const cluster = new ClusterModel({ ...generated, managedDraining: false }, 1);
    cluster.setDemand(15);
    cluster.settle();
    cluster.setDemand(1);
    expect(cluster.settle().killedUndrained).toBeGreaterThan(0);
  });
});
