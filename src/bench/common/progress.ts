/** Where progress goes: stderr, or a stand-in in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * A one-line progress display on a terminal: `update` rewrites the current line (at most every `minIntervalMs`),
 * `log` prints a line that stays. Silent when the stream is not a terminal or when disabled (--json), so pipes and
 * logs get only the results.
 */
export class Progress {
  private readonly enabled: boolean;
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  private lastUpdate = -Infinity;
  private showing = false;

  constructor(
    private readonly stream: ProgressStream,
    options: { readonly enabled?: boolean; readonly minIntervalMs?: number; readonly now?: () => number } = {},
  ) {
    this.enabled = (options.enabled ?? true) && stream.isTTY === true;
    this.minIntervalMs = options.minIntervalMs ?? 100;
    this.now = options.now ?? Date.now;
  }

  get active(): boolean {
    return this.enabled;
  }

  /** Replaces the transient line; `force` skips the rate limit (first and last update of a step). */
  update(text: string, force = false): void {
    if (!this.enabled) return;
    const t = this.now();
    if (!force && t - this.lastUpdate < this.minIntervalMs) return;
    this.lastUpdate = t;
    this.stream.write(`\r\x1b[2K${text}`);
    this.showing = true;
  }

  /** A permanent line (clears the transient one first). */
  log(text: string): void {
    if (!this.enabled) return;
    this.clear();
    this.stream.write(`${text}\n`);
  }

  clear(): void {
    if (!this.enabled || !this.showing) return;
    this.stream.write('\r\x1b[2K');
    this.showing = false;
  }
}
