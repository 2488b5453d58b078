import type { Page } from 'playwright-core';
import { RoomRegistry } from '../../media/src';
import { ROOM_REGISTRY } from '../../media/src/nest/media.module';
import type { TestApp } from './app';
import { waitFor } from './browser';

import { callState, inbound, type Inbound } from './call-probe';

export { inbound } from './call-probe';

export const total = (stats: Inbound[], kind: string, key: 'packetsReceived' | 'framesDecoded'): number =>
  stats.filter((s) => s.kind === kind).reduce((n, s) => n + s[key], 0);

/** The call's state as the page shows it (see call-probe). */
export const snapshot = callState;

/** Waits until the page decodes video frames and receives audio, and more than `after` frames. */
export async function mediaFlowing(page: Page, who: string, after = 0, timeoutMs = 30_000) {
  return waitFor(
    `${who} to decode video and receive audio`,
    async () => {
      const stats = await inbound(page);
      const frames = total(stats, 'video', 'framesDecoded');
      const audio = total(stats, 'audio', 'packetsReceived');
      return frames > after && audio > 0 ? { frames, audio } : undefined;
    },
    timeoutMs,
  );
}

/**
 * Waits until video frames and audio packets are arriving now (two samples `gapMs` apart), whatever
 * the counters were before: after a reconnection they start again from zero on new transports.
 */
export async function mediaAdvancing(page: Page, who: string, timeoutMs = 30_000, gapMs = 1000) {
  return waitFor(
    `${who} to be receiving video and audio again`,
    async () => {
      const first = await inbound(page);
      await new Promise((r) => setTimeout(r, gapMs));
      const second = await inbound(page);
      const frames = total(second, 'video', 'framesDecoded') - total(first, 'video', 'framesDecoded');
      const audio = total(second, 'audio', 'packetsReceived') - total(first, 'audio', 'packetsReceived');
      return frames > 0 && audio > 0 ? { frames, audio } : undefined;
    },
    timeoutMs,
  );
}

/**
 * Kills the media worker that carries the consultation's room during the call, then waits until
 * the agent notices and every page is back in the call with media flowing. Returns the killed pid.
 */
export async function killRoomWorker(t: TestApp, consultationId: string, agent: Page, pages: Array<[Page, string]>): Promise<number> {
  const frames = total(await inbound(agent), 'video', 'framesDecoded');
  const pid = (await t.app.get<RoomRegistry>(ROOM_REGISTRY).find(consultationId))!.workerPid;
  process.kill(pid, 'SIGKILL');
  await waitFor('the agent to notice', async () => ((await snapshot(agent)).status !== 'call' || total(await inbound(agent), 'video', 'framesDecoded') < frames ? true : undefined), 10_000);
  for (const [page, who] of pages) {
    await waitFor(`the ${who} back in the call`, async () => ((await snapshot(page)).status === 'call' ? true : undefined), 30_000);
    await mediaFlowing(page, `the ${who} after the crash`);
  }
  return pid;
}
