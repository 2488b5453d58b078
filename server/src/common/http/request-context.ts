import { AsyncLocalStorage } from 'node:async_hooks';

/** What an audit row or a log line needs to know of the HTTP request it happens in. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
  /** Where the caller reached us (`https://host`), for links written into messages when PUBLIC_URL is not set. */
  origin?: string;
}

/**
 * The request being served, for code far below the controller (the audit trail, a subscriber of a
 * consultation's events) without threading it through every signature. Empty outside a request
 * (jobs, signalling): callers then record no request id.
 */
export class RequestContexts {
  private static readonly storage = new AsyncLocalStorage<RequestContext>();

  static run<T>(context: RequestContext, fn: () => T): T {
    return RequestContexts.storage.run(context, fn);
  }

  /**
   * Runs `fn` outside any request: background work a request wakes (a mass cancellation's job, the
   * document queue) must not record that request's id and IP on what it does later for others.
   */
  static outside<T>(fn: () => T): T {
    return RequestContexts.storage.exit(fn);
  }

  static current(): RequestContext | undefined {
    return RequestContexts.storage.getStore();
  }
}
