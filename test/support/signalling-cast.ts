import type { TestApp } from './app';
import { deviceTokenOf } from './call-browsers';
import { pairDevice } from './callers';
import { sessionCookie } from './consultations';
import { SignallingClient } from './signalling-client';

export const AGENT = ['agent@demo.visio-msap.fr', 'demo-agent-2026'] as const;
export const FACILITATOR = ['animation@demo.visio-msap.fr', 'demo-anim-2026'] as const;

/** The people of a consultation over raw signalling: a paired booth, the demo agent and facilitator. */
export interface SignallingCast {
  boothCookie: string;
  agentCookie: string;
  facilitatorCookie: string;
  /** A signalling client for one of them in a consultation, closed by closeAll(). */
  connect(cookie: string, consultationId: string): SignallingClient;
  /** Another client (a pre-call probe…), closed with the others. */
  hold(client: SignallingClient): SignallingClient;
  closeAll(): void;
}

export async function signallingCast(t: TestApp, boothId: string): Promise<SignallingCast> {
  const device = await pairDevice(t.baseUrl, boothId);
  const clients: SignallingClient[] = [];
  return {
    boothCookie: `visio_device=${deviceTokenOf(device.agent)}`,
    agentCookie: await sessionCookie(t.baseUrl, ...AGENT),
    facilitatorCookie: await sessionCookie(t.baseUrl, ...FACILITATOR),
    connect: (cookie, consultationId) => {
      const client = SignallingClient.connect(t.baseUrl, consultationId, cookie);
      clients.push(client);
      return client;
    },
    hold: (client) => {
      clients.push(client);
      return client;
    },
    closeAll: () => {
      for (const c of clients.splice(0)) c.close();
    },
  };
}
