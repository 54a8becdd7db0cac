import type { ExposureKind } from './facts';

export type ExposureFlagKind = 'world-open-ingress' | 'public-exposure' | 'tls-downgrade';

export interface ExposureFlag {
  readonly kind: ExposureFlagKind;
  /** One plain-text sentence: what is exposed, or how the encryption weakens. */
  readonly reason: string;
}

/** One exposure fact that appears, disappears or (listeners) changes between base and head. */
export interface ExposureChange {
  readonly kind: ExposureKind;
  /** The resource's Terraform address. */
  readonly address: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** What it is in head (in base, when removed). */
  readonly detail: string;
  /** A changed listener: what it was in base. */
  readonly before?: string;
  readonly flag?: ExposureFlag;
}

export interface ExposureDelta {
  /** By kind, then address. */
  readonly changes: readonly ExposureChange[];
  readonly flagCount: number;
}
