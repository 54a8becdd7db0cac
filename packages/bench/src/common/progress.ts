/** Starts every progress line off a terminal, so logs and scripts can tell progress from results and errors. */
export const PLAIN_PREFIX = 'progress: ';

/** Where progress goes: stderr, or a stand-in in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Progress on stderr. On a terminal, one line: `update` rewrites it (at most every `minIntervalMs`), `log` prints a
 * line that stays. Elsewhere (a CI log, a pipe) plain lines, so a long run is never silent: every forced update and
 * log, and otherwise at most one update every `plainIntervalMs`. Silent when disabled (--json).
 */
export class Progress {
  private readonly enabled: boolean;
  private readonly terminal: boolean;
  private readonly minIntervalMs: number;
  private readonly plainIntervalMs: number;
  private readonly now: () => number;
  private lastUpdate = -Infinity;
  private showing = false;

  constructor(
    private readonly stream: ProgressStream,
    options: {
      readonly enabled?: boolean;
      readonly minIntervalMs?: number;
      readonly plainIntervalMs?: number;
      readonly now?: () => number;
    } = {},
  ) {
    this.enabled = options.enabled ?? true;
    this.terminal = stream.isTTY === true;
    this.minIntervalMs = options.minIntervalMs ?? 100;
    this.plainIntervalMs = options.plainIntervalMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get active(): boolean {
    return this.enabled;
  }

  /** Replaces the transient line; `force` skips the rate limit (first and last update of a step). */
  update(text: string, force = false): void {
    if (!this.enabled) return;
    const t = this.now();
    if (!force && t - this.lastUpdate < (this.terminal ? this.minIntervalMs : this.plainIntervalMs)) return;
    this.lastUpdate = t;
    if (!this.terminal) {
      this.stream.write(`${PLAIN_PREFIX}${text}\n`);
      return;
    }
    this.stream.write(`\r\x1b[2K${text}`);
    this.showing = true;
  }

  /** A permanent line (clears the transient one first). */
  log(text: string): void {
    if (!this.enabled) return;
    this.clear();
    this.stream.write(`${this.terminal ? '' : PLAIN_PREFIX}${text}\n`);
  }

  clear(): void {
    if (!this.enabled || !this.showing) return;
    this.stream.write('\r\x1b[2K');
    this.showing = false;
  }
}
