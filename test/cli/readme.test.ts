import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';

/** The README's Quick start, Commands, configs and "What synth writes" sections say what the code does. */

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The rows of the markdown table that follows `heading` and starts with the header `| first |`. */
function table(heading: string, first: string): string[][] {
  const section = README.slice(README.indexOf(heading));
  const start = section.indexOf(`| ${first} |`);
  const rows: string[][] = [];
  for (const line of section.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** `stackwright bench local [--variants V ...]` -> ['bench', 'local']: the words before the first option. */
function commandWords(cell: string): string[] {
  const usage = /`stackwright ([^`]*)`/.exec(cell)?.[1] ?? '';
  const words: string[] = [];
  for (const w of usage.split(' ')) {
    if (!/^[a-z][a-z-]*$/.test(w)) break;
    words.push(w);
  }
  return words;
}

const commands = table('## Commands', 'command').map(([usage, , codes]) => ({
  words: commandWords(usage!),
  codes: (codes ?? '').match(/\b\d\b/g)?.map(Number) ?? [],
}));

/** Where each command decides its exit code 1, if it has one. */
const SOURCES: Record<string, string> = {
  synth: 'src/cli/commands/synth.ts',
  diff: 'src/cli/commands/diff.ts',
  list: 'src/cli/commands/list.ts',
  check: 'src/cli/commands/check.ts',
  validate: 'src/terraform/validate.ts',
  review: 'src/cli/commands/review.ts',
  'datadog refresh-permissions': 'src/cli/commands/datadog.ts',
  'bench local': 'packages/bench/src/sidecar/cli.ts',
  'bench remote': 'packages/bench/src/sidecar/cli.ts',
  'bench lambda': 'packages/bench/src/lambda/command.ts',
};

describe('README: Commands', () => {
  it('lists the commands', () => {
    expect(commands.map((c) => c.words.join(' '))).toEqual(Object.keys(SOURCES));
  });

  it.each(commands.map((c) => [c.words.join(' '), c] as const))(
    '`stackwright %s --help` works and names the command',
    async (name, c) => {
      const r = await runCli([...c.words, '--help']);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout.split('\n')[0]).toBe(`stackwright ${name}`);
    },
  );

  it.each(commands.map((c) => [c.words.join(' '), c] as const))(
    '%s: the documented exit codes are the ones the code uses',
    (name, c) => {
      // 0 is every success, 2 every bad input (main maps InputError to it); 1 is decided by the command itself.
      expect(c.codes[0]).toBe(0);
      expect(c.codes).toContain(2);
      expect(c.codes.every((code) => [0, 1, 2].includes(code))).toBe(true);
      const source = readFileSync(join(ROOT, SOURCES[name]!), 'utf8');
      expect(source.includes('ExitCode.Findings')).toBe(c.codes.includes(1));
    },
  );
});

describe('README: configs and output', () => {
  it('the table of committed configs lists stackwright.yaml and every file in examples/', () => {
    const files = table('Committed configs', 'file').map(([file]) => file!.replace(/`/g, ''));
    expect(files[0]).toBe('stackwright.yaml');
    expect(new Set(files)).toEqual(
      new Set(['stackwright.yaml', ...readdirSync(join(ROOT, 'examples')).map((f) => `examples/${f}`)]),
    );
  });

  it('"What synth writes" shows what generated/ holds', () => {
    const section = README.slice(README.indexOf('## What synth writes'));
    const tree = section.slice(section.indexOf('```'), section.indexOf('```', section.indexOf('```') + 3));
    for (const [shown, path] of [
      ['.stackwright', '.stackwright'],
      ['cdk.tf.json', 'datadog/cdk.tf.json'],
      ['hcl/main.tf', 'datadog/hcl/main.tf'],
      ['README.md', 'datadog/README.md'],
      ['assets/', 'ecs/assets'],
      ['images/', 'sidecar/images'],
      ['compose/', 'sidecar/compose'],
    ]) {
      expect(tree).toContain(shown);
      expect(existsSync(join(ROOT, 'generated', path))).toBe(true);
    }
    // Only the compose file: it builds the contexts under images/, which are written once.
    expect(readdirSync(join(ROOT, 'generated', 'sidecar', 'compose'))).toEqual(['docker-compose.yml']);
  });
});

describe('README: Development', () => {
  // The README sends readers to ARCHITECTURE.md for the code's layout, rather than keeping a folder list that drifts.
  it('points to ARCHITECTURE.md, whose layer table names every folder under src/', () => {
    expect(README).toMatch(/## Development[\s\S]*\[ARCHITECTURE\.md\]\(ARCHITECTURE\.md\)/);
    const architecture = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    const layers = architecture.slice(architecture.indexOf('## The layers'), architecture.indexOf('## The one-way'));
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(folders.length).toBeGreaterThan(10);
    for (const folder of folders)
      expect(layers).toMatch(new RegExp(`\`src/${folder.name}[/\`]|src/\\{[^}]*\\b${folder.name}\\b`));
  });
});
