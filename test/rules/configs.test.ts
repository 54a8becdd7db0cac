import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load';
import { checkStacks } from '../../src/rules/index';
import { synthesize } from '../../src/synth/synthesize';

const ROOT = join(__dirname, '..', '..');
// examples/ecs-10x10.yaml is checked where it is synthesized anyway (test/ecs/examples.test.ts): it is the costliest.
const CONFIGS = [
  'stackwright.yaml',
  ...readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml') && f !== 'ecs-10x10.yaml')
    .sort()
    .map((f) => `examples/${f}`),
];

describe('the shipped configs pass the rule packs', () => {
  it.each(CONFIGS)('%s synthesizes with no error findings', async (file) => {
    const config = loadConfig(join(ROOT, file));
    const stacks = await synthesize(config, { hcl: false });
    // With the config's own rule overrides, as `stackwright check` runs it.
    const report = checkStacks(
      stacks.map((s) => ({ stack: s.name, json: s.json })),
      config.rules,
    );
    expect(report.findings.filter((f) => f.level === 'error')).toEqual([]);
    for (const s of report.suppressed) expect(s.reason.length).toBeGreaterThanOrEqual(10);
  });
});
