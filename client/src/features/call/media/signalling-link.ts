import type { Method, Req, Res } from '@shared/signalling/protocol';

/** What the media parts need of the signalling socket of the moment: requests, or none between sockets. */
export interface SignallingLink {
  request<M extends Method>(method: M, data: Req<M>): Promise<Res<M>>;
}

/** Sends a request that may be lost with its socket (a reconnection replays the state anyway). */
export function bestEffort<M extends Method>(link: SignallingLink | null, method: M, data: Req<M>): void {
  void link?.request(method, data).catch(() => undefined);
}
