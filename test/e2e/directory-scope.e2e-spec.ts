import { Role } from '../../server/src/auth/roles';
import { startTestApp, TestApp } from '../support/app';
import { createAgent } from '../support/scheduling';
import { signIn } from '../support/session';

/**
 * Who works for which service is personal data: each role lists only the administrations and
 * agents it deals with (coordinators: their département; facilitators: their MSAP's département;
 * agents: their own service; admins: all).
 */
describe('directory listings are scoped to the caller', () => {
  let t: TestApp;
  let parisServiceId: string;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100' });
    const [paris] = await t.dataSource.query(`INSERT INTO administrations (name, departement) VALUES ('DDFIP de Paris', '75') RETURNING id`);
    parisServiceId = paris.id;
    const admin = await signIn(t.baseUrl, 'admin');
    await createAgent(admin, t.dataSource, 'agent.paris@demo.visio-msap.fr', parisServiceId);
  });
  afterAll(() => t.close());

  const list = async (role: Role, path: string) => {
    const caller = await signIn(t.baseUrl, role);
    const res = await caller.agent.get(path).expect(200);
    return res.body as Array<{ name?: string; displayName?: string; administrationId?: string }>;
  };

  it.each<[Role, string[]]>([
    ['admin', ['DDFIP de Paris', 'DDFIP du Loiret', 'Préfecture du Loiret']],
    ['coordinator', ['DDFIP du Loiret', 'Préfecture du Loiret']],
    ['facilitator', ['DDFIP du Loiret', 'Préfecture du Loiret']],
    ['agent', ['DDFIP du Loiret']],
  ])('administrations seen by the %s', async (role, names) => {
    expect((await list(role, '/api/administrations')).map((a) => a.name)).toEqual(names);
  });

  it.each<[Role, boolean]>([
    ['admin', true],
    ['coordinator', false],
    ['facilitator', false],
    ['agent', false],
  ])('the %s sees the agent of another département: %s', async (role, seen) => {
    const agents = await list(role, '/api/agents');
    expect(agents.some((a) => a.administrationId === parisServiceId)).toBe(seen);
    expect(agents.some((a) => a.displayName === 'Antoine Agent')).toBe(true);
  });

  it('asking for another département’s service by id gives an empty list, not its agents', async () => {
    expect(await list('coordinator', `/api/agents?administrationId=${parisServiceId}`)).toEqual([]);
  });
});
