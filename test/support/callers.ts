import request from 'supertest';
import { ROLES } from '../../server/src/auth/roles';
import { Agent, signIn } from './session';

export const AUDIENCES = ['anonymous', ...ROLES, 'device'] as const;
export type AudienceName = (typeof AUDIENCES)[number];

export interface Caller {
  agent: Agent;
  csrf: string | null;
}

/** Pairs a booth terminal through the real flow: an admin creates a code, the terminal redeems it. */
export async function pairDevice(baseUrl: string, boothId: string): Promise<Caller & { deviceId: string }> {
  const admin = await signIn(baseUrl, 'admin');
  const created = await admin.agent.post(`/api/booths/${boothId}/pairing-codes`).set('X-CSRF-Token', admin.csrf).expect(201);
  const device = request.agent(baseUrl);
  const res = await device.post('/api/devices/pair').send({ code: created.body.code, label: 'Tablette test' }).expect(200);
  return { agent: device, csrf: res.body.csrfToken as string, deviceId: res.body.deviceId as string };
}

/** One signed-in caller per audience (and an anonymous one), all against the same server. */
export async function callersFor(baseUrl: string, boothId: string): Promise<Record<AudienceName, Caller>> {
  const out = { anonymous: { agent: request.agent(baseUrl), csrf: null } } as Record<AudienceName, Caller>;
  for (const role of ROLES) {
    const s = await signIn(baseUrl, role);
    out[role] = { agent: s.agent, csrf: s.csrf };
  }
  out.device = await pairDevice(baseUrl, boothId);
  return out;
}
