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
    expect(estimateMonthlyCost({ ...POST_SCALE, logRetentionDays: 7 }).logStorage).toBeLessThan(estimateMonthlyCost(POST_SCALE).logStorage);
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
    expect(section.body).toMatch(/Monthly cost at the post's scale: about \$0\.\d\d/);
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
