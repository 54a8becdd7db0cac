import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InputError } from '../core/errors';

/** Runs git in `repo`; undefined when git fails (an unknown ref, a path not at that ref). */
function git(repo: string, args: readonly string[]): Buffer | undefined {
  try {
    return execFileSync('git', [...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  } catch {
    return undefined;
  }
}

/** The commit a ref names; bad input (exit 2) when it names none. */
export function resolveRef(repo: string, ref: string): string {
  const sha = git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
    ?.toString()
    .trim();
  if (!sha)
    throw InputError.single(
      '--base',
      ref,
      'not a commit in this repository',
      'a branch, tag or commit (fetch it first; in CI use fetch-depth: 0)',
    );
  return sha;
}

/**
 * Copies `<folder>/` as committed at `ref` into a fresh temporary folder, reading through git's object store: the
 * work tree and the index are never touched. Bad input when the ref has no such folder.
 */
export function extractFolder(repo: string, ref: string, folder: string): string {
  const sha = resolveRef(repo, ref);
  const prefix = folder.replace(/\/+$/, '');
  const listing = git(repo, ['ls-tree', '-r', '-z', '--name-only', sha, '--', `${prefix}/`]);
  const files = (listing?.toString() ?? '').split('\0').filter(Boolean);
  if (files.length === 0)
    throw InputError.single(
      '--base',
      ref,
      `has no ${prefix}/ folder`,
      `a commit whose ${prefix}/ holds synthesized stacks (run \`stackwright synth\` and commit it)`,
    );
  const out = mkdtempSync(join(tmpdir(), 'stackwright-review-base-'));
  for (const file of files) {
    const contents = git(repo, ['show', `${sha}:${file}`]);
    if (contents === undefined) continue; // a submodule or a symlink git cannot show: not part of a stack
    const target = join(out, file.slice(prefix.length + 1));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
  return out;
}

/** A file's text as committed at `ref`, or undefined when the ref does not have it. */
export function fileAt(repo: string, ref: string, path: string): string | undefined {
  return git(repo, ['show', `${resolveRef(repo, ref)}:${path}`])?.toString('utf8');
}

/** The repository's top folder, or undefined outside a git work tree. */
export function repositoryRoot(from: string): string | undefined {
  return git(from, ['rev-parse', '--show-toplevel'])?.toString().trim() || undefined;
}
