import { createHash } from 'node:crypto';

/**
 * A resource name from parts joined by dashes, cut to AWS's length limit for that resource. A name that had to be
 * cut ends with 8 hex digits of the full name's SHA-256, so two long names never collide and the result is stable.
 */
export function boundedName(parts: readonly string[], maxLength: number): string {
  const full = parts.join('-');
  if (full.length <= maxLength) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return `${full.slice(0, maxLength - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** AWS's name limits for the resources this feature names. */
export const NameLimit = {
  iamRole: 64,
  instanceProfile: 128,
  launchTemplate: 128,
  autoScalingGroup: 255,
  capacityProvider: 255,
  securityGroup: 255,
  taskFamily: 255,
} as const;
