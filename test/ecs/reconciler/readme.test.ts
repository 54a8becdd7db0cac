import { queueMonthlyCost } from '../../../src/ecs/reconciler/queue-cost';
import { estimateMonthlyCost, POST_SCALE } from '../../../src/ecs/reconciler/cost-estimate';
import { reconcilerReadmeSection } from '../../../src/ecs/reconciler/desired-count-reconciler';
import { synthReconciler } from './synth-reconciler';

describe('reconciler cost estimate', () => {
  it("stays under the post's $2/month at its scale (10 clusters)", () => {
    const cost = estimateMonthlyCost(POST_SCALE);
    expect(cost.invocations).toBe(10 * 10 * 10 * 730);
    expect(cost.requests).toBeCloseTo(0.146, 3);
    expect(cost.compute).toBeCloseTo(730_000 * 0.15 * 0.125 * 0.0000133334, 6);
    expect(cost.total).toBeCloseTo(cost.requests + cost.compute + cost.logIngestion + cost.logStorage, 9);
    expect(cost.total).toBeLessThan(2);
  });

  it('grows with the number of events and shrinks with a shorter retention', () => {
    const base = estimateMonthlyCost(POST_SCALE).total;
    expect(estimateMonthlyCost({ ...POST_SCALE, eventsPerHostPerHour: 20 }).total).toBeCloseTo(2 * base, 6);
    expect(estimateMonthlyCost({ ...POST_SCALE, logRetentionDays: 7 }).logStorage).toBeLessThan(
      estimateMonthlyCost(POST_SCALE).logStorage,
    );
  });
});

describe('queue cost', () => {
  it('counts 3 requests an event plus 5 pollers polling every 20 s, at the FIFO price', () => {
    expect(queueMonthlyCost(0).requests).toBe((5 * 730 * 3600) / 20);
    expect(queueMonthlyCost(1e6).requests - queueMonthlyCost(0).requests).toBe(3e6);
    expect(queueMonthlyCost(1e6).cost).toBeCloseTo((3e6 + 657_000) * 0.5e-6, 9);
  });
});

describe('reconcilerReadmeSection', () => {
  const { props } = synthReconciler();
  const section = reconcilerReadmeSection(props);

  it('says what is managed, and names the rule, the function and the DLQ', () => {
    expect(section.heading).toBe('Desired-count reconciler');
    expect(section.body).toContain('| `test-web` | `log-agent`, `node-exporter` |');
    expect(section.body).toContain('| `test-api` | `log-agent` |');
    expect(section.body).toContain('**Rule** `test-ecs-reconciler-instance-changes`');
    expect(section.body).toContain('**Function** `test-ecs-reconciler`: nodejs24.x, arm64');
    expect(section.body).toContain('**Dead-letter queue** `test-ecs-reconciler-dlq`');
    expect(section.body).not.toContain('Dry run is on');
  });

  it('gives the monthly cost at 10 clusters with its assumptions', () => {
    // Lambda and logs about $0.87, the FIFO queue's requests (3 per event and idle long polls) at most $1.42, and
    // three alarms at $0.10 each.
    expect(section.body).toContain("Monthly cost at the post's scale: about $2.59**");
    expect(section.body).toContain('| CloudWatch alarms (3, standard resolution) | $0.10 per alarm-month | $0.30 |');
    expect(section.body).toContain(
      "| SQS FIFO requests (2.85 million: 3 per event, and 5 idle pollers' 20 s long polls) | $0.50 per million | $1.42 |",
    );
    expect(section.body).toContain('10 clusters of 10 hosts, 10 instance events per host an hour');
    expect(section.body).toContain('| Lambda requests | $0.20 per million | $0.15 |');
    expect(section.body).toContain('$0.0000133334 per GB-second (arm64)');
  });

  it('flags dry run and follows the log retention', () => {
    const dry = reconcilerReadmeSection({ ...props, dryRun: true, logRetentionDays: 7 }).body;
    expect(dry).toContain('**Dry run is on**');
    expect(dry).toContain('(7 days)');
  });
});
