import request from 'supertest';
import { DEMO_ACCOUNTS } from '../../server/src/seed/demo-seed.service';
import { Role } from '../../server/src/auth/roles';

export type Agent = ReturnType<typeof request.agent>;

export interface SignedIn {
  agent: Agent;
  csrf: string;
  userId: string;
}

/** Signs in one of the demo accounts; the agent keeps the session cookie. */
export async function signIn(baseUrl: string, role: Role): Promise<SignedIn> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  return signInAs(baseUrl, account.email, account.password);
}

export async function signInAs(baseUrl: string, email: string, password: string): Promise<SignedIn> {
  const agent = request.agent(baseUrl);
  const res = await agent.post('/api/auth/login').send({ email, password }).expect(200);
  return { agent, csrf: res.body.csrfToken as string, userId: res.body.userId as string };
}
