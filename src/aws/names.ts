import { createHash } from 'node:crypto';

/**
 * A resource name from parts joined by dashes, cut to AWS's length limit for that resource. A name that had to be
 * cut ends with `hashLength` hex digits of the full name's SHA-256, so two long names that share a prefix never
 * collide and the result is stable. The hash length is part of every released name: the ECS stack uses 8, the
 * sidecar stack 6; changing either renames (replaces) resources.
 */
export function boundedName(parts: readonly string[], maxLength: number, hashLength: number = HashLength.ecs): string {
  const full = parts.join('-');
  if (full.length <= maxLength) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, hashLength);
  return `${full.slice(0, maxLength - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** The hash length each stack's released names were cut with; fixed, since a changed name replaces the resource. */
export const HashLength = { ecs: 8, sidecar: 6 } as const;

/** AWS's name limits for the resources Stackwright names. */
export const NameLimit = {
  iamRole: 64,
  instanceProfile: 128,
  launchTemplate: 128,
  autoScalingGroup: 255,
  capacityProvider: 255,
  securityGroup: 255,
  taskFamily: 255,
  targetGroup: 32,
} as const;
