import type { Page } from 'playwright-core';
import request from 'supertest';
import { RoomRegistry } from '../../media/src';
import { ROOM_REGISTRY } from '../../media/src/nest/media.module';
import type { TestApp } from '../support/app';
import { killRoomWorker, mediaFlowing } from '../support/call-page';
import { CallScenario, startCallScenario } from '../support/call-scenario';

// One worker, as on a one-core server: after a crash no other worker is there to take the room,
// so the first rejoin may come before the respawned worker is up and the clients must try again.
describe('a call on a server with a single media worker, in two real browsers', () => {
  let scenario: CallScenario;
  let t: TestApp;
  let booth: Page;
  let agent: Page;
  let consultationId: string;

  beforeAll(async () => {
    scenario = await startCallScenario({ env: { MEDIA_WORKERS: '1' } });
    ({ t, booth, agent, consultationId } = scenario);
  });
  afterAll(() => scenario?.close());

  it('killing the only worker during the call: the call comes back on the respawned worker by itself', async () => {
    await agent.goto(`${t.baseUrl}/consultation/${consultationId}`);
    await booth.goto(`${t.baseUrl}/borne/consultation/${consultationId}`);
    await agent.getByTestId('lobby-banner').getByRole('button', { name: 'Faire entrer' }).click();
    await mediaFlowing(agent, 'the agent');
    await mediaFlowing(booth, 'the booth');

    const before = await killRoomWorker(t, consultationId, agent, [[agent, 'agent'], [booth, 'booth']]);
    const health = await request(t.baseUrl).get('/api/health').expect(200);
    expect(health.body.media.pids).toHaveLength(1);
    expect(health.body.media.pids).not.toContain(before);
    expect((await t.app.get<RoomRegistry>(ROOM_REGISTRY).find(consultationId))!.workerPid).toBe(health.body.media.pids[0]);
  });
});
