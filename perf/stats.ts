import { median } from '../packages/bench/src/common/figures';

/** The benchmark scripts use the harness's statistics; `spread` formats a range for their one-line reports. */
export { median };

export function spread(values: readonly number[]): string {
  return `${Math.min(...values).toFixed(2)}..${Math.max(...values).toFixed(2)}`;
}
