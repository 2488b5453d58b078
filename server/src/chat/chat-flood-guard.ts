/** Messages one participant may send within WINDOW_MS; more are refused (RATE_LIMITED), not stored. */
export const CHAT_BURST = 5;
export const CHAT_WINDOW_MS = 5_000;

/**
 * Per-participant chat rate, kept per call: a WeakMap keyed by the call object, so a call's
 * counters go when the call does, and survive its participants' reconnections (a new socket does
 * not buy a new allowance). The connection's own token bucket protects the server; this keeps a
 * stuck key or a script from filling the others' screens and the table.
 */
export class ChatFloodGuard {
  private readonly sent = new WeakMap<object, Map<string, number[]>>();

  /** Whether `senderId` may send one more message now; if so, it is counted. */
  allow(call: object, senderId: string, now = Date.now()): boolean {
    let senders = this.sent.get(call);
    if (!senders) this.sent.set(call, (senders = new Map()));
    const recent = (senders.get(senderId) ?? []).filter((at) => now - at < CHAT_WINDOW_MS);
    const allowed = recent.length < CHAT_BURST;
    if (allowed) recent.push(now);
    senders.set(senderId, recent);
    return allowed;
  }
}
