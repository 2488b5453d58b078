import { CallSnapshot, INITIAL_SNAPSHOT } from './call-state';

/** The call's state for the view: replaced (never mutated) on every change, for useSyncExternalStore. */
export class CallStore {
  private current: CallSnapshot = INITIAL_SNAPSHOT;
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CallSnapshot => this.current;

  get snapshot(): CallSnapshot {
    return this.current;
  }

  update(patch: Partial<CallSnapshot>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener();
  }
}
