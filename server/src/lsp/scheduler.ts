// Debounced, one-at-a-time analysis. Edits arriving while an analysis runs are merged into the next run, so
// superseded work is never started and results are never published out of order.
export class Scheduler {
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly run: (dirs: string[]) => Promise<void>,
    private readonly debounceMs: () => number,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Queue module directories for analysis; `now` skips the debounce (workspace start, settings change). */
  request(dirs: string[], now = false): void {
    for (const d of dirs) this.pending.add(d);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), now ? 0 : this.debounceMs());
  }

  /** Resolves when everything requested so far has been analysed (tests and the benchmark wait on it). */
  async idle(): Promise<void> {
    while (this.timer || this.running || this.pending.size > 0) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  private flush(): void {
    this.timer = undefined;
    if (this.running || this.pending.size === 0) return;
    const dirs = [...this.pending];
    this.pending.clear();
    this.running = this.run(dirs)
      .catch(this.onError)
      .finally(() => {
        this.running = undefined;
        if (this.pending.size > 0 && !this.timer) this.flush();
      });
  }
}
