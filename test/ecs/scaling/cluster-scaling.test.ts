import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli';
import { configText, ecsSection, service, synthEcs } from '../helpers';
import { ClusterModel, settingsFromStack, type ScalingSettings } from './capacity-model';

/** Four tasks fit one instance. The rules the model applies are quoted in ./capacity-model.ts. */
const SLOTS = 4;

const reconciledCluster = (capacity: Record<string, unknown>) =>
  ecsSection([service({ name: 'exporter', oneTaskPerHost: 'reconciled' }), service({ name: 'web', desiredCount: 2 })], {
    capacity: { maxSize: 10, ...capacity },
  });

/**
 * The settings the stack generated before issue 18: managed scaling (target 100) with managed draining, managed
 * termination protection off, the reconciled service on launch type EC2 and the ordinary ones on the capacity
 * provider, the group at 1..10.
 */
const BEFORE_ISSUE_18: ScalingSettings = {
  managedScaling: true,
  targetPercent: 100,
  managedTerminationProtection: false,
  managedDraining: true,
  minSize: 1,
  maxSize: 10,
  ordinaryOnCapacityProvider: true,
  reconciled: true,
  slotsPerHost: SLOTS,
};

/** Demand rises to 15 tasks and falls to 0: the instances at the peak and at the end. */
function upAndDown(settings: ScalingSettings, initial: number, daemon = false) {
  const cluster = new ClusterModel(settings, initial, daemon);
  cluster.setDemand(15);
  const peak = cluster.settle();
  cluster.setDemand(0);
  return { peak, end: cluster.settle() };
}

describe('a cluster with a reconciled service, as generated (scaling: memoryReservation)', () => {
  let settings: ScalingSettings;
  beforeAll(async () => {
    settings = settingsFromStack(
      await synthEcs(reconciledCluster({ scaling: 'memoryReservation', minSize: 1 })),
      SLOTS,
    );
  });

  it('has no managed scaling, keeps managed draining, and runs its ordinary services without the capacity provider', () => {
    expect(settings).toMatchObject({
      managedScaling: false,
      managedDraining: true,
      managedTerminationProtection: false,
      ordinaryOnCapacityProvider: false,
      reconciled: true,
      targetPercent: 75,
    });
  });

  it('grows for the other services and shrinks back to its minimum when they need nothing, draining first', () => {
    const { peak, end } = upAndDown(settings, 1);
    expect(peak).toMatchObject({ ordinaryRunning: 15, waiting: 0, reconciledRunning: peak.instances });
    expect(peak.instances).toBeGreaterThan(settings.minSize);
    expect(end).toMatchObject({ instances: settings.minSize, reconciledRunning: settings.minSize, killedUndrained: 0 });
  });
});

describe('the design before issue 18 fails the same model', () => {
  it('managed scaling with a reconciled task on every instance: no instance is ever empty, so it never scales in', () => {
    const { peak, end } = upAndDown(BEFORE_ISSUE_18, 1);
    expect(peak.instances).toBeGreaterThan(BEFORE_ISSUE_18.minSize);
    expect(end.instances).toBe(peak.instances);
  });

  it('and with a target below 100 it grows to its maximum on its own', () => {
    const cluster = new ClusterModel({ ...BEFORE_ISSUE_18, targetPercent: 75 }, 1);
    cluster.setDemand(0);
    expect(cluster.settle().instances).toBe(BEFORE_ISSUE_18.maxSize);
  });

  it('the config refuses it: reconciled with managed scaling exits 2, naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-scaling-'));
    try {
      const file = join(dir, 'stackwright.yaml');
      writeFileSync(file, configText(reconciledCluster({ scaling: 'managed' })));
      const result = await runCli(['synth', '-c', file, '-o', join(dir, 'out')]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        'stacks.ecs.clusters[main].capacity.scaling: managed scaling never scales in a cluster with a reconciled service',
      );
      expect(result.stderr).toContain('scaling: memoryReservation');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a managed cluster without reconciled services, as generated', () => {
  let settings: ScalingSettings;
  beforeAll(async () => {
    const json = await synthEcs(
      ecsSection([service({ name: 'agent', oneTaskPerHost: 'daemon' }), service({ name: 'web' })], {
        capacity: { maxSize: 10 },
      }),
    );
    settings = settingsFromStack(json, SLOTS);
  });

  it('starts empty, scales out for the tasks on its capacity provider and back to empty (daemon tasks do not hold it)', () => {
    expect(settings).toMatchObject({ managedScaling: true, managedTerminationProtection: true, minSize: 0 });
    const { peak, end } = upAndDown(settings, 0, true);
    expect(peak).toMatchObject({ ordinaryRunning: 15, waiting: 0 });
    expect(end).toMatchObject({ instances: 0, killedUndrained: 0 });
  });
});
