export interface PeriodicTaskOptions<T> {
  /** One run; a rejection is reported to onError and the task goes on. */
  run: () => Promise<T>;
  /** Pause between the end of one run and the start of the next. */
  intervalMs: number;
  /** After a run that succeeded: whether to go again at once (e.g. a full batch: more is waiting). */
  again?: (result: T) => boolean;
  onError: (error: unknown) => void;
}

/**
 * A background job run over and over in one process: never two runs at once, the next one an
 * interval after the previous one ended (not on a fixed clock, so a slow run never piles up).
 * stop() cancels the wait and resolves once the run under way, if any, has ended.
 */
export class PeriodicTask<T> {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: PeriodicTaskOptions<T>) {}

  start(firstDelayMs = 0): void {
    this.schedule(firstDelayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.options.run().then(
        (result) => this.schedule(this.options.again?.(result) ? 0 : this.options.intervalMs),
        (error: unknown) => {
          this.options.onError(error);
          this.schedule(this.options.intervalMs);
        },
      );
    }, delayMs);
  }
}
