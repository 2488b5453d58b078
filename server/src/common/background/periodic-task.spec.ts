import { PeriodicTask } from './periodic-task';

/** Lets pending promise callbacks run (the task chains its next timer from a promise). */
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs one at a time, the interval after the end of the previous run, and at once when asked to go again', async () => {
    const starts: number[] = [];
    let finish: (n: number) => void = () => undefined;
    const task = new PeriodicTask<number>({
      run: () => {
        starts.push(Date.now());
        return new Promise<number>((resolve) => (finish = resolve));
      },
      intervalMs: 1000,
      again: (n) => n >= 10,
      onError: () => undefined,
    });
    const t0 = Date.now();
    task.start(0);
    await jest.advanceTimersByTimeAsync(0);
    expect(starts).toEqual([t0]);
    await jest.advanceTimersByTimeAsync(5000); // a slow run: nothing else starts meanwhile
    expect(starts).toHaveLength(1);
    finish(10); // a full batch: next run at once
    await flush();
    await jest.advanceTimersByTimeAsync(0);
    expect(starts).toEqual([t0, t0 + 5000]);
    finish(3); // a short batch: next run one interval later
    await flush();
    await jest.advanceTimersByTimeAsync(999);
    expect(starts).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(starts).toEqual([t0, t0 + 5000, t0 + 6000]);
    finish(0);
    await task.stop();
  });

  it('reports a failed run and goes on after the interval', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const task = new PeriodicTask<void>({
      run: async () => {
        runs++;
        if (runs === 1) throw new Error('database down');
      },
      intervalMs: 1000,
      onError: (error) => errors.push(error),
    });
    task.start(0);
    await jest.advanceTimersByTimeAsync(0);
    expect(errors).toEqual([new Error('database down')]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    await task.stop();
  });

  it('stop() waits for the run under way and starts no other', async () => {
    let finish: () => void = () => undefined;
    let runs = 0;
    const task = new PeriodicTask<void>({
      run: () => {
        runs++;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      intervalMs: 10,
      onError: () => undefined,
    });
    task.start(0);
    await jest.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await flush();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await jest.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(1);
  });
});
