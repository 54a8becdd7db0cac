import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ExitCode } from '../core/errors';
import { mapLimited, runTerraform as run } from './process';
import { terraformVersion } from './terraform-version';

/*
 * `terraform init -backend=false` and `terraform validate -json` on one generated stack, with the user's own Terraform
 * and CLI config (registry, mirror or plugin cache). The stack is validated in a scratch copy, so nothing
 * (.terraform/, lock files) is written into the generated folder.
 */

/** One Terraform diagnostic, as `terraform validate -json` reports it. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail?: string;
  readonly range?: { readonly filename: string; readonly start: { readonly line: number } };
}

export interface StackValidation {
  readonly stack: string;
  readonly valid: boolean;
  /**
   * False when Terraform could not install a provider: the stack was not checked, which says nothing about it (the
   * environment's problem, exit 2), unlike a stack Terraform found invalid (exit 1).
   */
  readonly checked: boolean;
  /** Which step failed: init (configuration or providers) or validate. */
  readonly failedAt?: 'init' | 'validate';
  readonly diagnostics: Diagnostic[];
}

/** What Terraform leaves in a stack folder: never copied, so a user's own state and plugins stay out of it. */
export const LOCAL_FILES = /^(\.terraform|terraform\.tfstate.*|.*\.tfplan|crash\.log)$/;

/**
 * The summaries of Terraform's provider-installation errors in `terraform init` (hashicorp/terraform
 * internal/command/init.go: "Failed to query available provider packages", "Failed to install provider",
 * "Failed to install provider from shared cache", "Incompatible provider version", "Failed to resolve provider
 * packages"): the providers could not be had, so nothing about the configuration was learnt.
 */
const PROVIDER_INSTALL_ERROR =
  /Error: (Failed to query available provider packages|Failed to install provider|Incompatible provider version|Failed to resolve provider packages)/;

const PROVIDER_HINT =
  'Terraform could not install a provider: allow access to registry.terraform.io, or point TF_CLI_CONFIG_FILE at a CLI ' +
  'config with a provider_installation filesystem_mirror or a plugin_cache_dir that holds the providers';

/** 1 when Terraform found a stack invalid; else 2 when a stack could not be checked (no provider); else 0. */
export function exitCodeOf(results: readonly StackValidation[]): number {
  if (results.some((r) => r.checked && !r.valid)) return ExitCode.Findings;
  if (results.some((r) => !r.checked)) return ExitCode.BadInput;
  return ExitCode.Ok;
}

export async function validateStack(bin: string, out: string, stack: string): Promise<StackValidation> {
  const work = mkdtempSync(join(tmpdir(), `stackwright-validate-${stack.replaceAll('/', '-')}-`));
  try {
    cpSync(join(resolve(out), stack), work, {
      recursive: true,
      filter: (src) => !LOCAL_FILES.test(src.split('/').pop() ?? ''),
    });
    const env = { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
    const init = await run(bin, ['init', '-backend=false', '-input=false', '-no-color'], work, env);
    if (init.code !== 0) {
      const text = `${init.stderr}${init.stdout}`.trim();
      const provider = PROVIDER_INSTALL_ERROR.test(text);
      return {
        stack,
        valid: false,
        checked: !provider,
        failedAt: 'init',
        diagnostics: [{ severity: 'error', summary: provider ? PROVIDER_HINT : 'terraform init failed', detail: text }],
      };
    }
    const validate = await run(bin, ['validate', '-json', '-no-color'], work, env);
    let report: { valid: boolean; diagnostics?: Diagnostic[] };
    try {
      report = JSON.parse(validate.stdout) as typeof report;
    } catch {
      return {
        stack,
        valid: false,
        checked: true,
        failedAt: 'validate',
        diagnostics: [
          {
            severity: 'error',
            summary: 'terraform validate failed',
            detail: `${validate.stderr}${validate.stdout}`.trim(),
          },
        ],
      };
    }
    return {
      stack,
      valid: report.valid,
      checked: true,
      ...(report.valid ? {} : { failedAt: 'validate' as const }),
      diagnostics: report.diagnostics ?? [],
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The human-readable lines of one stack's result. */
export function formatResult(r: StackValidation): string {
  const verdict = !r.checked ? 'cannot check (no provider)' : r.valid ? 'valid' : `INVALID (terraform ${r.failedAt})`;
  const lines = [`${r.stack}: ${verdict}`];
  for (const d of r.diagnostics) {
    const at = d.range ? ` (${d.range.filename}:${d.range.start.line})` : '';
    lines.push(`  ${d.severity}: ${d.summary}${at}${d.detail ? `\n    ${d.detail.split('\n').join('\n    ')}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Validates the named stack folders of `out`, a few at a time, after checking that `bin` is Terraform. */
export async function validateStacks(bin: string, out: string, stacks: readonly string[]): Promise<StackValidation[]> {
  await terraformVersion(bin);
  return mapLimited(stacks, Math.max(1, cpus().length), (s) => validateStack(bin, out, s));
}
