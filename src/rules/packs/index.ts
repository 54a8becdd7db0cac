import type { PackEntry, RulePack } from '../pack';
import { ecsPack } from './ecs';
import { iamPack } from './iam';
import { lambdaPack } from './lambda';
import { networkPack } from './network';
import { perpetualDiffsPack } from './perpetual-diffs';
import { providersPack } from './providers';
import { schemaPack } from './schema';

/** Every rule pack, in report order. */
export const PACKS: readonly RulePack[] = [
  schemaPack,
  providersPack,
  ecsPack,
  iamPack,
  lambdaPack,
  networkPack,
  perpetualDiffsPack,
];

export const ENTRIES: readonly PackEntry[] = PACKS.flatMap((p) => p.entries);

export const RULE_IDS: readonly string[] = ENTRIES.map((e) => e.rule.id);

const duplicate = RULE_IDS.find((id, i) => RULE_IDS.indexOf(id) !== i);
if (duplicate) throw new Error(`rule id ${duplicate} is registered twice`);
