import type { TerraformDocument } from '../terraform/json/document';
import { startAwsStandIn } from '../terraform/plan/aws-stand-in';
import { planPair } from '../terraform/plan/plan-pair';
import { terraformSetup, warmPluginCache } from '../terraform/plan/setup';
import { runTerraform } from '../terraform/process';
import type { Planner } from './report';

/** A planner for the review, or why there is none; `close` stops the loopback stand-in. */
export interface PlannerHandle {
  readonly planner?: Planner;
  readonly missing?: string;
  close(): Promise<void>;
}

/** The hashicorp/aws version a generated stack pins, used when no filesystem mirror offers one. */
function pinnedAwsVersion(docs: readonly TerraformDocument[]): string {
  for (const d of docs) {
    const providers = (d.terraform?.required_providers ?? {}) as Record<string, { version?: unknown }>;
    const v = providers.aws?.version;
    if (typeof v === 'string' && /^\d+\.\d+\.\d+$/.test(v)) return v;
  }
  return '6.25.0';
}

/**
 * The real Terraform, offline where the machine mirrors the AWS provider (else installing it as Terraform normally
 * does), with every AWS endpoint on a loopback stand-in and no credentials. When Terraform or the provider is
 * unavailable, there is no planner and `missing` says why: the review then falls back to the configuration diff.
 */
export async function makePlanner(bin: string, docs: readonly TerraformDocument[]): Promise<PlannerHandle> {
  const none = (missing: string): PlannerHandle => ({ missing, close: () => Promise.resolve() });
  const version = await runTerraform(bin, ['version', '-json'], process.cwd());
  if (version.code !== 0)
    return none(`Terraform is not available (\`${bin}\`: ${version.spawnError ?? version.stderr.trim()})`);
  const setup = terraformSetup(pinnedAwsVersion(docs));
  let lockFile: string;
  try {
    lockFile = await warmPluginCache(setup);
  } catch (err) {
    return none(`the AWS provider is not available (${(err as Error).message.split('\n')[0]})`);
  }
  const standIn = await startAwsStandIn();
  return {
    planner: (pair) => planPair(pair, { setup, lockFile, standIn, bin }),
    close: () => standIn.close(),
  };
}
