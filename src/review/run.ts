import { existsSync, realpathSync, rmSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseConfig } from '../config/load';
import type { ConfigFile } from '../config/config-file';
import { InputError } from '../core/errors';
import { extractFolder, fileAt, repositoryRoot } from './git-tree';
import { makePlanner } from './planner';
import { buildReport, type Report } from './report';
import { narrowTree, readTree, type TreeFilter } from './tree';

export interface ReviewOptions {
  /** The git ref the base's generated/ is read at. */
  readonly base: string;
  /** The head's generated tree (a synth into a scratch folder, or the committed generated/). */
  readonly headDir: string;
  readonly headLabel: string;
  readonly headConfig?: ConfigFile;
  /** The generated folder and config file, as paths in the working tree (read at the base ref through git). */
  readonly outDir: string;
  readonly configFile: string;
  /** Terraform binary, or false to compare configurations only. */
  readonly terraform: string | false;
  /** Only these folders, on both sides. @default every folder */
  readonly filter?: TreeFilter;
  /** Where the repository is looked for. @default the config file's folder */
  readonly cwd?: string;
}

/** `stackwright review`: the base's generated/ from git against the head's tree, stack by stack. */
export async function review(options: ReviewOptions): Promise<Report> {
  const cwd = options.cwd ?? dirname(resolve(options.configFile));
  const repo = repositoryRoot(existsSync(cwd) ? cwd : process.cwd());
  if (!repo)
    throw InputError.single('--base', options.base, 'not inside a git repository', 'run review in the repository');
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : p);
  const inRepo = (p: string) =>
    relative(real(repo), real(resolve(p)))
      .split('\\')
      .join('/');
  const baseDir = extractFolder(repo, options.base, inRepo(options.outDir));
  try {
    const baseAll = readTree(baseDir);
    if (baseAll.size === 0)
      throw InputError.single(
        '--base',
        options.base,
        `has no stacks in ${options.outDir}/`,
        'a commit with synthesized stacks',
      );
    const base = narrowTree(baseAll, options.filter ?? {});
    const head = narrowTree(readTree(options.headDir), options.filter ?? {});
    const { config: baseConfig, problem } = configAt(repo, options.base, inRepo(options.configFile));
    const handle =
      options.terraform === false
        ? { missing: 'not requested (--no-plan)', close: () => Promise.resolve() }
        : await makePlanner(
            options.terraform,
            [...head.values(), ...base.values()].map((s) => s.doc),
          );
    try {
      return await buildReport({
        base: { label: options.base, stacks: base, config: baseConfig, configProblem: problem },
        head: { label: options.headLabel, stacks: head, config: options.headConfig },
        planner: 'planner' in handle ? handle.planner : undefined,
        plannerMissing: handle.missing,
      });
    } finally {
      await handle.close();
    }
  } finally {
    rmSync(baseDir, { recursive: true, force: true });
  }
}

function configAt(repo: string, ref: string, path: string): { config?: ConfigFile; problem?: string } {
  const text = fileAt(repo, ref, path);
  if (text === undefined) return { problem: `${ref} has no ${path}` };
  try {
    return { config: parseConfig(text, `${ref}:${path}`) };
  } catch (err) {
    const first = err instanceof InputError ? err.message.split('\n')[0] : String(err);
    return { problem: `${ref}:${path} does not load with this version (${first})` };
  }
}
