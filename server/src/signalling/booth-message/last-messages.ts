import type { BoothMessage } from '../../../../shared/signalling/protocol';

/**
 * A message older than this is no longer shown nor kept: "J'arrive dans 5 minutes" says nothing
 * half an hour later, and the words may name the citizen, so they do not linger in memory.
 */
export const BOOTH_MESSAGE_MAX_AGE_MS = 30 * 60_000;

/** The last message to each consultation's booth, as this instance heard it, for at most BOOTH_MESSAGE_MAX_AGE_MS. */
export class LastMessages {
  private readonly last = new Map<string, { message: BoothMessage; at: number }>();

  set(consultationId: string, message: BoothMessage, now = Date.now()): void {
    this.last.set(consultationId, { message, at: now });
  }

  /** Between two purges too: past its age, a message is not shown any more. */
  lastFor(consultationId: string, now = Date.now()): BoothMessage | null {
    const entry = this.last.get(consultationId);
    return entry && entry.at > now - BOOTH_MESSAGE_MAX_AGE_MS ? entry.message : null;
  }

  forget(consultationId: string): void {
    this.last.delete(consultationId);
  }

  /** Drops what is past its age; how many are kept. */
  purge(now = Date.now()): number {
    for (const [id, entry] of this.last) if (entry.at <= now - BOOTH_MESSAGE_MAX_AGE_MS) this.last.delete(id);
    return this.last.size;
  }
}
