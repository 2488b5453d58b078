import type { BrowserContext, Page } from 'playwright-core';

/**
 * What the tests read of a call in the page, from the browser's own objects, never from hooks in
 * the product: every RTCPeerConnection and WebSocket the page makes is recorded as it is created
 * (an init script, run before the page's own), and the call's state is read from the DOM.
 */
/**
 * The little of the page's DOM types these functions use (the test project compiles without the DOM
 * library). NOTE: functions given to page.evaluate run in the page: they refer to nothing outside.
 */
interface PagePeerConnection {
  signalingState: string;
  getStats(): Promise<{ forEach(fn: (s: Record<string, unknown>) => void): void }>;
}
interface PageSocket {
  url: string;
  readyState: number;
  close(): void;
}
interface Probe {
  peerConnections: PagePeerConnection[];
  sockets: PageSocket[];
}
type Constructor = new (...args: unknown[]) => object;
interface PageGlobals {
  __visioProbe?: Probe;
  RTCPeerConnection?: Constructor;
  WebSocket: Constructor & { OPEN: number };
  dispatchEvent(event: object): boolean;
  Event: new (type: string) => object;
  document: { querySelector(s: string): PageElement | null; querySelectorAll(s: string): Iterable<PageElement> };
  performance: { getEntriesByType(type: string): Array<{ name: string; startTime: number }> };
}
interface PageElement {
  getAttribute(name: string): string | null;
}

/** Runs in the page, before its scripts: keeps a reference to each connection it opens. */
function recordConnections(): void {
  const g = globalThis as unknown as PageGlobals;
  const probe: Probe = { peerConnections: [], sockets: [] };
  g.__visioProbe = probe;
  const NativePeerConnection = g.RTCPeerConnection;
  if (NativePeerConnection) {
    g.RTCPeerConnection = class extends NativePeerConnection {
      constructor(...args: unknown[]) {
        super(...args);
        probe.peerConnections.push(this as unknown as PagePeerConnection);
      }
    };
  }
  const NativeWebSocket = g.WebSocket;
  const Recorded = class extends NativeWebSocket {
    constructor(...args: unknown[]) {
      super(...args);
      probe.sockets.push(this as unknown as PageSocket);
    }
  };
  // Its static OPEN, CLOSED… come from the native class it extends.
  g.WebSocket = Recorded as PageGlobals['WebSocket'];
}

export async function probeCalls(context: BrowserContext): Promise<void> {
  await context.addInitScript(recordConnections);
}

export interface Inbound {
  kind: string;
  packetsReceived: number;
  framesDecoded: number;
}

/** What the page receives now, on its open peer connections (closed transports are left out). */
export const inbound = (page: Page): Promise<Inbound[]> =>
  page.evaluate(async () => {
    const probe = (globalThis as unknown as PageGlobals).__visioProbe;
    const out: Inbound[] = [];
    for (const pc of probe?.peerConnections ?? []) {
      if (pc.signalingState === 'closed') continue;
      (await pc.getStats()).forEach((s: Record<string, unknown>) => {
        if (s.type === 'inbound-rtp') out.push({ kind: String(s.kind), packetsReceived: Number(s.packetsReceived ?? 0), framesDecoded: Number(s.framesDecoded ?? 0) });
      });
    }
    return out;
  });

export interface Path {
  direction: 'send' | 'recv';
  candidateType: string;
  relayProtocol: string | null;
}

/** How each open peer connection reaches the SFU: its selected pair's local candidate. */
export const connectionPaths = (page: Page): Promise<Path[]> =>
  page.evaluate(async () => {
    const probe = (globalThis as unknown as PageGlobals).__visioProbe;
    const out: Path[] = [];
    for (const pc of probe?.peerConnections ?? []) {
      if (pc.signalingState === 'closed') continue;
      const stats = new Map<string, Record<string, unknown>>();
      (await pc.getStats()).forEach((s: Record<string, unknown>) => stats.set(String(s.id), s));
      const all = [...stats.values()];
      const transport = all.find((s) => s.type === 'transport');
      const pair = stats.get(String(transport?.selectedCandidatePairId)) ?? all.find((s) => s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded');
      const local = pair ? stats.get(String(pair.localCandidateId)) : undefined;
      if (!local) continue;
      const direction = all.some((s) => s.type === 'outbound-rtp') ? 'send' : 'recv';
      out.push({ direction, candidateType: String(local.candidateType), relayProtocol: local.relayProtocol ? String(local.relayProtocol) : null });
    }
    return out;
  });

/** Closes the page's open signalling sockets as a network cut would (the page reconnects by itself); how many. */
export const dropSignalling = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const open = ((globalThis as unknown as PageGlobals).__visioProbe?.sockets ?? []).filter(
      (socket) => socket.url.includes('/api/signalling') && socket.readyState === (globalThis as unknown as PageGlobals).WebSocket.OPEN,
    );
    for (const socket of open) socket.close();
    return open.length;
  });

/** What a network change tells the page (the browser comes back online). */
export const networkChanged = (page: Page): Promise<void> => page.evaluate(() => void (globalThis as unknown as PageGlobals).dispatchEvent(new ((globalThis as unknown as PageGlobals).Event)('online')));

export interface CallState {
  status: string;
  /** The others, as the page shows them: in the call (tiles) or waiting in the lobby (the agent's banners). */
  participants: Array<{ role: string; phase: string }>;
}

/** The call's state as the page shows it. */
export const callState = (page: Page): Promise<CallState> =>
  page.evaluate(() => {
    const { document } = (globalThis as unknown as PageGlobals);
    const root = document.querySelector('[data-call-status]');
    const participants = [...document.querySelectorAll('[data-participant-role]')].map((e) => ({
      role: e.getAttribute('data-participant-role') ?? '',
      phase: e.getAttribute('data-participant-phase') ?? '',
    }));
    return { status: root?.getAttribute('data-call-status') ?? 'none', participants };
  });

/** Milliseconds from the last join to each step of entering the media, from the page's User Timing marks. */
export const joinSteps = (page: Page): Promise<{ since: number; steps: Record<string, number> } | null> =>
  page.evaluate(() => {
    const marks = (globalThis as unknown as PageGlobals).performance.getEntriesByType('mark').filter((m) => m.name.startsWith('visio:'));
    const join = [...marks].reverse().find((m) => m.name === 'visio:join');
    if (!join) return null;
    const steps: Record<string, number> = {};
    for (const m of marks) if (m.startTime >= join.startTime && !(m.name.slice(6) in steps)) steps[m.name.slice(6)] = Math.round(m.startTime - join.startTime);
    return { since: join.startTime, steps };
  });
