import { findingsDelta } from '../../src/review/findings-delta';
import type { TerraformDocument } from '../../src/terraform/json';

const group = (retention?: number) => ({ name: 'app', ...(retention ? { retention_in_days: retention } : {}) });
const doc = (resource: Record<string, Record<string, Record<string, unknown>>>): TerraformDocument => ({ resource });

describe('rule findings: new and resolved, by rule and address', () => {
  it('a finding the head adds is new; one it removes is resolved', () => {
    const withRetention = doc({ aws_cloudwatch_log_group: { app: group(30) } });
    const without = doc({ aws_cloudwatch_log_group: { app: group() } });
    const added = findingsDelta('s', withRetention, without, new Map());
    expect(added.resolved).toEqual([]);
    expect(added.added.map((f) => [f.ruleId, f.address])).toEqual([
      ['Logs-RetentionSet', 'aws_cloudwatch_log_group.app'],
    ]);
    const resolved = findingsDelta('s', without, withRetention, new Map());
    expect(resolved.added).toEqual([]);
    expect(resolved.resolved.map((f) => f.address)).toEqual(['aws_cloudwatch_log_group.app']);
  });

  it('a resource moved by a moved block keeps its finding: neither new nor resolved', () => {
    const before = doc({ aws_cloudwatch_log_group: { old: group() } });
    const after = doc({ aws_cloudwatch_log_group: { app: group() } });
    expect(
      findingsDelta('s', before, after, new Map([['aws_cloudwatch_log_group.app', 'aws_cloudwatch_log_group.old']])),
    ).toEqual({
      added: [],
      resolved: [],
    });
    // Without the move, the same pair reads as one resolved and one new.
    const unmoved = findingsDelta('s', before, after, new Map());
    expect([unmoved.added.length, unmoved.resolved.length]).toEqual([1, 1]);
  });
});
