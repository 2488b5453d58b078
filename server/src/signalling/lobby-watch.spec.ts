import type { LobbyStatus } from '../../../shared/signalling/protocol';
import type { BoothMessages } from './booth-message/booth-messages.service';
import type { Call } from './call';
import type { CallAccess } from './call-access.service';
import type { CallPresence } from './call-presence';
import type { SignallingConnection } from './connection';
import { LobbyWatch } from './lobby-watch';
import type { LobbyStatusReader } from './lobby-status';

/** A lobby member's connection: what it was told, in order. */
const member = () => {
  const told: LobbyStatus[] = [];
  return { told, connection: { notify: (_n: string, status: LobbyStatus) => told.push(status) } as unknown as SignallingConnection };
};

const lobby = (consultationId: string, agentUserId: string, connections: SignallingConnection[]) =>
  ({
    consultationId,
    hasAgent: () => false,
    lobbyAccess: () => ({ consultationId, agentUserId }) as CallAccess,
    lobbyConnections: () => connections,
  }) as unknown as Call;

/** The reader answers what `answer` says for each consultation at the time of reading. */
const setUp = (calls: Call[], answer: (consultationId: string) => Promise<LobbyStatus>) => {
  const reads: string[] = [];
  const reader = { read: (access: CallAccess) => (reads.push(access.consultationId), answer(access.consultationId)) } as unknown as LobbyStatusReader;
  const messages = { lastFor: () => null, onMessage: () => undefined } as unknown as BoothMessages;
  const presence = { settled: () => Promise.resolve() } as unknown as CallPresence;
  const watch = new LobbyWatch(reader, messages, presence);
  watch.attach(() => calls, () => undefined);
  return { watch, reads };
};

const away: LobbyStatus = { agent: 'away', lateMinutes: null };
const busy: LobbyStatus = { agent: 'busy', previousEndsInMinutes: 3, lateMinutes: null };

describe('LobbyWatch', () => {
  it('tells each member what it was not told yet: a booth told "away" hears "busy" after the facilitator joined with it', async () => {
    const booth = member();
    const facilitator = member();
    const connections = [booth.connection];
    const call = lobby('c1', 'agent-1', connections);
    let status: LobbyStatus = away;
    const { watch } = setUp([call], () => Promise.resolve(status));
    await watch.welcome(call, call.lobbyAccess()!, booth.connection);
    status = busy;
    connections.push(facilitator.connection);
    await watch.welcome(call, call.lobbyAccess()!, facilitator.connection);
    await watch.refresh(null);
    expect(booth.told).toEqual([away, busy]);
    expect(facilitator.told).toEqual([busy]);
  });

  it('a failed reading is logged, answers the join all the same, and skips only its lobby', async () => {
    const first = member();
    const second = member();
    const calls = [lobby('broken', 'agent-1', [first.connection]), lobby('fine', 'agent-1', [second.connection])];
    const { watch } = setUp(calls, (id) => (id === 'broken' ? Promise.reject(new Error('database down')) : Promise.resolve(away)));
    await expect(watch.welcome(calls[0]!, calls[0]!.lobbyAccess()!, first.connection)).resolves.toBeUndefined();
    await watch.refresh(null);
    expect(second.told).toEqual([away]);
    expect(first.told).toEqual([]);
  });

  it('coalesces requests made during a run into one next run, reading only the lobbies of the agent who moved', async () => {
    const calls = [lobby('a1', 'agent-1', [member().connection]), lobby('a2', 'agent-2', [member().connection])];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { watch, reads } = setUp(calls, async () => (await gate, away));
    const first = watch.refresh('agent-1');
    await new Promise(setImmediate);
    expect(reads).toEqual(['a1']); // the first run is reading
    const queued = [watch.refresh('agent-1'), watch.refresh('agent-1'), watch.refresh('agent-1')];
    release();
    await Promise.all([first, ...queued]);
    // One run for the first request, one for the three that came while it was reading.
    expect(reads).toEqual(['a1', 'a1']);
  });
});
