import type { Page } from 'playwright-core';
import request from 'supertest';
import { RoomRegistry } from '../../media/src';
import { ROOM_REGISTRY } from '../../media/src/nest/media.module';
import type { TestApp } from '../support/app';
import { waitFor } from '../support/browser';
import { inbound, killRoomWorker, mediaAdvancing, mediaFlowing, snapshot, total } from '../support/call-page';
import { CallScenario, startCallScenario } from '../support/call-scenario';
import { dropSignalling, networkChanged } from '../support/call-probe';

describe('a consultation between a booth and an agent, in two real browsers', () => {
  let scenario: CallScenario;
  let t: TestApp;
  let booth: Page;
  let agent: Page;
  let consultationId: string;

  beforeAll(async () => {
    scenario = await startCallScenario({ env: { MEDIA_WORKERS: '2' } });
    ({ t, booth, agent, consultationId } = scenario);
  });
  afterAll(() => scenario?.close());

  it('the booth opens the call by itself and waits; the agent hears the chime, sees the banner and admits', async () => {
    await booth.goto(`${t.baseUrl}/borne`);
    await booth.waitForURL(`**/borne/consultation/${consultationId}`);
    await booth.getByText('Vous êtes en salle d’attente.').waitFor();

    await agent.goto(`${t.baseUrl}/agent`);
    await agent.getByRole('link', { name: 'Rejoindre la téléconsultation' }).click();
    await agent.waitForURL(`**/consultation/${consultationId}`);
    const banner = agent.getByTestId('lobby-banner');
    await banner.getByText('France Services de Pithiviers attend dans la salle d’attente.').waitFor();
    await banner.getByRole('button', { name: 'Faire entrer' }).click();
    await banner.waitFor({ state: 'detached' });
  });

  it('each side decodes the other’s video and receives its audio', async () => {
    await mediaFlowing(agent, 'the agent');
    await mediaFlowing(booth, 'the booth');
    const width = await agent.getByTestId('remote-video').evaluate((v: { videoWidth: number }) => v.videoWidth);
    expect(width).toBeGreaterThan(0);
  });

  it('muting the booth’s microphone stops its audio at the agent, and the agent sees it is muted', async () => {
    const indicators = agent.getByTestId('remote-indicators');
    await booth.getByRole('button', { name: 'Couper le micro' }).click();
    await indicators.getByText('micro coupé').waitFor();
    await new Promise((r) => setTimeout(r, 700)); // packets already in flight
    const before = total(await inbound(agent), 'audio', 'packetsReceived');
    await new Promise((r) => setTimeout(r, 1500));
    expect(total(await inbound(agent), 'audio', 'packetsReceived')).toBe(before);
    await booth.getByRole('button', { name: 'Activer le micro' }).click();
    await waitFor('audio to come back', async () => (total(await inbound(agent), 'audio', 'packetsReceived') > before ? true : undefined));
    await indicators.waitFor({ state: 'detached' });
  });

  it('switching the booth’s camera off stops its video at the agent, who sees why', async () => {
    await booth.getByRole('button', { name: 'Couper la caméra' }).click();
    await agent.getByText('France Services de Pithiviers a coupé sa caméra').waitFor();
    await agent.getByTestId('remote-indicators').getByText('caméra coupée').waitFor();
    await new Promise((r) => setTimeout(r, 700));
    const before = total(await inbound(agent), 'video', 'framesDecoded');
    await new Promise((r) => setTimeout(r, 1500));
    expect(total(await inbound(agent), 'video', 'framesDecoded')).toBe(before);
    // Audio keeps flowing: the remote tile still plays the stream behind its cover.
    await waitFor('audio while the camera is off', async () => {
      const a = total(await inbound(agent), 'audio', 'packetsReceived');
      await new Promise((r) => setTimeout(r, 500));
      return total(await inbound(agent), 'audio', 'packetsReceived') > a ? true : undefined;
    });
    await booth.getByRole('button', { name: 'Activer la caméra' }).click();
    await mediaFlowing(agent, 'the agent after the camera is back', before);
    await agent.getByTestId('remote-indicators').waitFor({ state: 'detached' });
  });

  it('audio-only mode stops the video both ways at the SFU, keeps the sound, and brings the video back', async () => {
    const registry = t.app.get<RoomRegistry>(ROOM_REGISTRY);
    const agentVideoConsumer = async () => {
      const agentPeer = (await registry.find(consultationId))!.listPeers().find((p) => p.info.role === 'agent')!;
      return [...agentPeer.consumers.values()].find((c) => c.kind === 'video')!;
    };
    await agent.getByRole('button', { name: 'Son seul, sans vidéo' }).click();
    await agent.getByRole('button', { name: 'Réactiver la vidéo' }).waitFor();
    // Not only hidden: the SFU stops forwarding the booth's video to the agent (what saves a weak link).
    await waitFor('the agent’s video consumer paused at the SFU', async () => ((await agentVideoConsumer()).paused ? true : undefined));
    await new Promise((r) => setTimeout(r, 700)); // packets already in flight
    const [agentBefore, boothBefore] = [await inbound(agent), await inbound(booth)];
    await new Promise((r) => setTimeout(r, 1500));
    const [agentAfter, boothAfter] = [await inbound(agent), await inbound(booth)];
    expect(total(agentAfter, 'video', 'packetsReceived')).toBe(total(agentBefore, 'video', 'packetsReceived'));
    // The agent's camera stops too, so the booth receives no video from the agent either.
    expect(total(boothAfter, 'video', 'framesDecoded')).toBe(total(boothBefore, 'video', 'framesDecoded'));
    expect(total(agentAfter, 'audio', 'packetsReceived')).toBeGreaterThan(total(agentBefore, 'audio', 'packetsReceived'));
    expect(total(boothAfter, 'audio', 'packetsReceived')).toBeGreaterThan(total(boothBefore, 'audio', 'packetsReceived'));

    await agent.getByRole('button', { name: 'Réactiver la vidéo' }).click();
    await mediaFlowing(agent, 'the agent after audio-only mode', total(agentAfter, 'video', 'framesDecoded'));
    await mediaFlowing(booth, 'the booth after the agent’s audio-only mode', total(boothAfter, 'video', 'framesDecoded'));
    expect((await agentVideoConsumer()).paused).toBe(false);
  });

  it('the size of the agent’s video tile decides which simulcast layer the SFU sends it', async () => {
    const registry = t.app.get<RoomRegistry>(ROOM_REGISTRY);
    const preferred = async () => {
      const room = await registry.find(consultationId);
      const agentPeer = room?.listPeers().find((p) => p.info.role === 'agent');
      const video = [...(agentPeer?.consumers.values() ?? [])].find((c) => c.kind === 'video');
      return video?.preferredLayers?.spatialLayer;
    };
    await agent.setViewportSize({ width: 320, height: 480 }); // tile about 160 px high
    await waitFor('layer 0 for a small tile', async () => ((await preferred()) === 0 ? true : undefined));
    await agent.setViewportSize({ width: 1600, height: 1000 });
    await waitFor('layer 2 for a large tile', async () => ((await preferred()) === 2 ? true : undefined));
  });

  it('the agent shares a screen: the booth shows it large beside the agent’s camera, which stays after the sharing stops', async () => {
    await agent.getByRole('button', { name: 'Partager l’écran' }).click();
    const screen = booth.getByTestId('remote-screen');
    await booth.getByText('Écran partagé par Antoine Agent').waitFor();
    await waitFor('the booth to decode the shared screen', async () => ((await screen.evaluate((v: { videoWidth: number }) => v.videoWidth)) > 0 ? true : undefined));
    // The agent's camera is still shown (now in the side column), not replaced by the screen.
    const camera = booth.getByTestId('remote-video');
    expect(await camera.evaluate((v: { videoWidth: number }) => v.videoWidth)).toBeGreaterThan(0);

    // The booth switches to audio only: the agent's camera stops reaching it, the shared document does not.
    await booth.getByRole('button', { name: 'Son seul, sans vidéo' }).click();
    const screenFrames = () => screen.evaluate((v: { getVideoPlaybackQuality(): { totalVideoFrames: number } }) => v.getVideoPlaybackQuality().totalVideoFrames);
    await new Promise((r) => setTimeout(r, 700));
    const [framesBefore, boothBefore] = [await screenFrames(), await inbound(booth)];
    await new Promise((r) => setTimeout(r, 1500));
    expect(await screenFrames()).toBeGreaterThan(framesBefore);
    // At the SFU: the booth's consumer of the agent's camera is paused, the one of the screen is not.
    const callRoom = await t.app.get<RoomRegistry>(ROOM_REGISTRY).find(consultationId);
    const sourceOf = (producerId: string) =>
      callRoom!.listPeers().flatMap((p) => [...p.producers.values()]).find((p) => p.id === producerId)?.appData.source;
    const boothPeer = callRoom!.listPeers().find((p) => p.info.role === 'booth')!;
    const pausedBySource = Object.fromEntries(
      [...boothPeer.consumers.values()].filter((c) => c.kind === 'video').map((c) => [String(sourceOf(c.producerId)), c.paused]),
    );
    expect(pausedBySource).toEqual({ camera: true, screen: false });
    expect(total(await inbound(booth), 'video', 'packetsReceived')).toBeGreaterThan(total(boothBefore, 'video', 'packetsReceived'));
    await booth.getByRole('button', { name: 'Réactiver la vidéo' }).click();
    await waitFor('the booth’s camera consumer resumed', async () => ([...boothPeer.consumers.values()].every((c) => !c.paused) ? true : undefined));

    await agent.getByRole('button', { name: 'Arrêter le partage' }).click();
    await screen.waitFor({ state: 'detached' });
    const room = await t.app.get<RoomRegistry>(ROOM_REGISTRY).find(consultationId);
    const agentPeer = room!.listPeers().find((p) => p.info.role === 'agent')!;
    expect([...agentPeer.producers.values()].map((p) => (p.appData as { source: string }).source).sort()).toEqual(['camera', 'microphone']);
    await mediaAdvancing(booth, 'the booth, with the agent’s camera, after the sharing');
    expect(await camera.evaluate((v: { videoWidth: number }) => v.videoWidth)).toBeGreaterThan(0);
  });

  it('an ICE restart (what a network change triggers) renews the SFU credentials and media keeps flowing', async () => {
    const registry = t.app.get<RoomRegistry>(ROOM_REGISTRY);
    const boothPeer = (await registry.find(consultationId))!.listPeers().find((p) => p.info.role === 'booth')!;
    const before = [...boothPeer.transports.values()].map((tr) => tr.iceParameters.usernameFragment);
    const frames = total(await inbound(agent), 'video', 'framesDecoded');
    await networkChanged(booth);
    const after = await waitFor('new ICE credentials on both of the booth’s transports', async () => {
      const now = [...boothPeer.transports.values()].map((tr) => tr.iceParameters.usernameFragment);
      return now.every((ufrag, i) => ufrag !== before[i]) ? now : undefined;
    });
    expect(after).toHaveLength(2);
    after.forEach((ufrag, i) => expect(ufrag).not.toBe(before[i]));
    await mediaFlowing(agent, 'the agent after the ICE restart', frames + 10);
    expect((await snapshot(booth)).status).toBe('call');
  });

  it('a media transport lost at the SFU (DTLS failure, closed by the worker): the booth is told and comes back with new transports, untouched', async () => {
    const registry = t.app.get<RoomRegistry>(ROOM_REGISTRY);
    const boothPeer = (await registry.find(consultationId))!.listPeers().find((p) => p.info.role === 'booth')!;
    const send = [...boothPeer.transports.values()].find((tr) => (tr.appData as { direction?: string }).direction === 'send')!;
    send.close();
    await waitFor('a new peer for the booth', async () => {
      const now = (await registry.find(consultationId))?.listPeers().find((p) => p.info.role === 'booth');
      return now && now !== boothPeer && now.transports.size === 2 ? true : undefined;
    });
    expect(boothPeer.closeReason).toBe('transport_failed');
    await mediaAdvancing(agent, 'the agent, with the booth’s new transports');
    await mediaAdvancing(booth, 'the booth, on its new transports');
    expect((await snapshot(booth)).status).toBe('call');
  });

  it('a dropped signalling socket resumes by itself, without a ghost participant', async () => {
    expect(await dropSignalling(booth)).toBe(1);
    await waitFor('the booth to be back in the call', async () => ((await snapshot(booth)).status === 'call' ? true : undefined));
    // New transports, so new counters: media flows again on both sides.
    await mediaFlowing(booth, 'the booth after reconnecting');
    await mediaFlowing(agent, 'the agent after the booth reconnected');
    const seen = await snapshot(agent);
    expect(seen.participants.filter((p) => p.role === 'booth')).toEqual([expect.objectContaining({ phase: 'call' })]);
  });

  it('killing the media worker during the call: the call comes back without anyone doing anything', async () => {
    const killed = await killRoomWorker(t, consultationId, agent, [[agent, 'agent'], [booth, 'booth']]);
    const health = await request(t.baseUrl).get('/api/health').expect(200);
    expect(health.body.media.pids).not.toContain(killed);
    expect((await t.app.get<RoomRegistry>(ROOM_REGISTRY).find(consultationId))!.workerPid).not.toBe(killed);
  });
});

describe('leaving at the booth', () => {
  let scenario: CallScenario;

  beforeAll(async () => {
    scenario = await startCallScenario();
  });
  afterAll(() => scenario?.close());

  it('asks first; once left, the booth says so, comes back to its welcome screen and does not re-enter by itself', async () => {
    const { booth, agent, consultationId, t } = scenario;
    await booth.goto(`${t.baseUrl}/borne`);
    await booth.waitForURL(`**/borne/consultation/${consultationId}`);
    await agent.goto(`${t.baseUrl}/consultation/${consultationId}`);
    await agent.getByTestId('lobby-banner').getByRole('button', { name: 'Faire entrer' }).click();
    await mediaFlowing(booth, 'the booth');

    // A touch by mistake: nothing happens until the citizen says yes.
    await booth.getByRole('button', { name: 'Quitter' }).click();
    const confirm = booth.getByRole('alertdialog', { name: 'Voulez-vous vraiment quitter la téléconsultation ?' });
    await confirm.getByRole('button', { name: 'Non, rester' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await snapshot(booth)).status).toBe('call');

    await booth.getByRole('button', { name: 'Quitter' }).click();
    await booth.getByRole('button', { name: 'Oui, quitter' }).click();
    await booth.getByTestId('booth-end').getByText('Vous avez quitté la téléconsultation.').waitFor();
    await waitFor('the agent to see the booth gone', async () => ((await snapshot(agent)).participants.some((p) => p.role === 'booth') ? undefined : true));
    // The agent is told who left, and that it was on purpose.
    await agent.getByTestId('departed').getByText('France Services de Pithiviers a quitté la téléconsultation.').waitFor();
    // Back on the welcome screen by itself, wiped (a new page), with a way back in, but not going back in on its own.
    await booth.waitForURL(/\/borne\?quittee=/, { timeout: 15_000 });
    const back = booth.getByRole('link', { name: 'Revenir dans la téléconsultation' });
    await back.waitFor();
    await new Promise((r) => setTimeout(r, 1000));
    expect(booth.url()).toMatch(/\/borne\?quittee=[0-9a-f-]+$/);
    await back.click();
    await booth.waitForURL(`**/borne/consultation/${consultationId}`);
    await agent.getByTestId('lobby-banner').getByText('France Services de Pithiviers attend dans la salle d’attente.').waitFor();
  });
});
