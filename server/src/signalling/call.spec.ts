import { EventEmitter } from 'node:events';
import type { Peer, Room, RoomEvents, RoomRegistry } from '../../../media/src';
import type { Principal } from '../auth/principal';
import { Call, CallHooks } from './call';
import type { CallAccess } from './call-access.service';
import type { SignallingConnection } from './connection';
import { NotificationMap } from '../../../shared/signalling/protocol';
import { SignallingError } from './signalling-error';

/** The room as the call uses it: events, the peers it lists, a peer per media participant. */
class FakeRoom extends EventEmitter<RoomEvents> {
  closed = false;
  rtpCapabilities = { codecs: [] };
  readonly peers = new Map<string, Peer>();
  listPeers = () => [...this.peers.values()];
  join = (info: { id: string }) => {
    const peer = { id: info.id, info, closed: false, producers: new Map(), close: jest.fn() } as unknown as Peer;
    this.peers.set(info.id, peer);
    return peer;
  };
  diagnose = jest.fn(() => undefined);
  close = jest.fn(() => {
    this.closed = true;
  });
}

/** A socket's side of the call: what it was told, and how it was closed. */
class FakeConnection {
  readonly told: Array<{ name: keyof NotificationMap; data: unknown }> = [];
  closedWith: number | null = null;
  notify<N extends keyof NotificationMap>(name: N, data: NotificationMap[N]): void {
    this.told.push({ name, data });
  }
  close(code: number): void {
    this.closedWith = code;
  }
  last(name: keyof NotificationMap) {
    return [...this.told].reverse().find((n) => n.name === name)?.data;
  }
}

const access = (role: CallAccess['role'], id = role): CallAccess => ({
  consultationId: 'c1',
  participantId: `${role}:${id}`,
  role,
  displayName: role === 'booth' ? 'France Services de Pithiviers' : 'Antoine Agent',
  principal: {} as Principal,
  startsAt: new Date(Date.now() - 60_000),
  endsAt: new Date(Date.now() + 30 * 60_000),
  agentUserId: 'agent',
  msapSiteId: 's1',
});

describe('Call', () => {
  let room: FakeRoom;
  let hooks: jest.Mocked<Required<CallHooks>>;
  let sut: Call;
  const connect = () => new FakeConnection();
  const asConnection = (c: FakeConnection) => c as unknown as SignallingConnection;

  beforeEach(() => {
    jest.useFakeTimers();
    room = new FakeRoom();
    const rooms = { getOrCreate: jest.fn(async () => room as unknown as Room) } as unknown as RoomRegistry;
    hooks = {
      onEmpty: jest.fn(),
      onAdmitted: jest.fn(),
      onEnding: jest.fn<Promise<void>, [Call]>(async () => undefined),
      onPresence: jest.fn(),
      onMediaFailure: jest.fn(),
      onQuality: jest.fn(),
    };
    sut = new Call('c1', rooms, hooks, { graceMs: 30_000, admitAll: false });
  });
  afterEach(() => jest.useRealTimers());

  it('puts the booth in the lobby, tells the agent, and admits it only on the agent’s word', async () => {
    const agent = connect();
    const booth = connect();
    await sut.join(access('agent'), asConnection(agent));
    const joined = await sut.join(access('booth'), asConnection(booth));
    expect(joined.self.phase).toBe('lobby');
    expect(agent.last('lobbyWaiting')).toEqual({ participant: expect.objectContaining({ id: 'booth:booth', phase: 'lobby', mediaProblem: null }) });
    expect(() => sut.peerOf(sut.member(asConnection(booth))!)).toThrow(SignallingError);

    expect(() => sut.admit(sut.member(asConnection(booth))!, 'booth:booth')).toThrow('Only the agent admits participants.');
    sut.admit(sut.member(asConnection(agent))!, 'booth:booth');
    expect(booth.last('admitted')).toEqual({ self: expect.objectContaining({ phase: 'call' }) });
    expect(hooks.onAdmitted).toHaveBeenCalledTimes(1);
  });

  it('reports who is where for the desk: lobby, call, gone; a rejoin in the same phase reports nothing', async () => {
    const agent = connect();
    const booth = connect();
    const seen = () => hooks.onPresence.mock.calls.map(([, a, phase]) => `${a.participantId}:${phase ?? 'gone'}`);
    await sut.join(access('agent'), asConnection(agent));
    await sut.join(access('booth'), asConnection(booth));
    sut.admit(sut.member(asConnection(agent))!, 'booth:booth');
    await sut.join(access('booth'), asConnection(connect()));
    sut.leave(sut.member(asConnection(agent))!);
    expect(seen()).toEqual(['agent:agent:call', 'booth:booth:lobby', 'booth:booth:call', 'agent:agent:gone']);
    await sut.join(access('agent'), asConnection(connect()));
    hooks.onPresence.mockClear();
    sut.terminate(4000, 'cancelled');
    expect(seen().sort()).toEqual(['agent:agent:gone', 'booth:booth:gone']);
  });

  it('keeps a dropped participant’s place for the grace period, and lets it back in without a new admission', async () => {
    const agent = connect();
    const booth = connect();
    await sut.join(access('agent'), asConnection(agent));
    await sut.join(access('booth'), asConnection(booth));
    sut.admit(sut.member(asConnection(agent))!, 'booth:booth');

    sut.dropped(asConnection(booth));
    jest.advanceTimersByTime(29_000);
    const again = connect();
    expect((await sut.join(access('booth'), asConnection(again))).self.phase).toBe('call');
    jest.advanceTimersByTime(5_000);
    expect(agent.told.some((n) => n.name === 'participantLeft')).toBe(false);

    sut.dropped(asConnection(again));
    jest.advanceTimersByTime(30_000);
    expect(agent.last('participantLeft')).toEqual({ participantId: 'booth:booth', reason: 'connection_lost' });
  });

  it('ends only by the agent, after the consultation is recorded as ended, and tells everyone not to come back', async () => {
    const agent = connect();
    const booth = connect();
    await sut.join(access('agent'), asConnection(agent));
    await sut.join(access('booth'), asConnection(booth));
    await expect(sut.end(sut.member(asConnection(booth))!)).rejects.toThrow('Only the agent ends the consultation.');
    expect(hooks.onEnding).not.toHaveBeenCalled();

    let recorded = false;
    hooks.onEnding.mockImplementation(async () => {
      expect(booth.told.some((n) => n.name === 'closed')).toBe(false); // nobody told before it is recorded
      recorded = true;
    });
    await sut.end(sut.member(asConnection(agent))!);
    expect(recorded).toBe(true);
    expect(booth.last('closed')).toEqual({ reason: 'ended', reconnect: false });
    expect(booth.closedWith).toBe(4000);
    expect(room.close).toHaveBeenCalledWith('ended');
    expect(hooks.onEmpty).toHaveBeenCalledTimes(1);
  });

  it('does not end anything when the consultation could not be recorded as ended', async () => {
    const agent = connect();
    await sut.join(access('agent'), asConnection(agent));
    hooks.onEnding.mockRejectedValueOnce(new Error('database down'));
    await expect(sut.end(sut.member(asConnection(agent))!)).rejects.toThrow('database down');
    expect(agent.told.some((n) => n.name === 'closed')).toBe(false);
    expect(room.close).not.toHaveBeenCalled();
  });

  it('a browser’s media failure is passed on for the log and shown to the others until its media connect', async () => {
    const agent = connect();
    const booth = connect();
    await sut.join(access('agent'), asConnection(agent));
    await sut.join(access('booth'), asConnection(booth));
    sut.admit(sut.member(asConnection(agent))!, 'booth:booth');
    const boothMember = sut.member(asConnection(booth))!;
    const { peer } = sut.peerOf(boothMember);
    const report = { transportId: 't', state: 'timeout' as const, iceConnectionState: 'connecting', local: [], remote: [], pairs: 2, succeededPairs: 0 };

    sut.mediaFailed(boothMember, report);
    expect(hooks.onMediaFailure).toHaveBeenCalledWith(sut, boothMember, { report, server: undefined });
    expect(agent.last('participantUpdated')).toEqual(expect.objectContaining({ id: 'booth:booth', mediaProblem: 'unreachable' }));

    room.emit('mediaConnected', peer);
    expect(agent.last('participantUpdated')).toEqual(expect.objectContaining({ id: 'booth:booth', mediaProblem: null }));
  });

  it('tells its quality record what happens: joins, admission, media, failures, a report from the call, the end', async () => {
    const agent = connect();
    const booth = connect();
    const events = () => hooks.onQuality.mock.calls.map(([, event]) => event);
    await sut.join(access('agent'), asConnection(agent));
    await sut.join(access('booth'), asConnection(booth));
    const boothMember = sut.member(asConnection(booth))!;
    expect(() => sut.reported(boothMember, 'audio_only_fallback')).toThrow('Wait until the agent lets you in.');
    sut.admit(sut.member(asConnection(agent))!, 'booth:booth');
    const { peer } = sut.peerOf(boothMember);
    room.emit('mediaConnected', peer);
    room.emit('mediaFlowing', peer, 'video');
    sut.iceRestarted(boothMember);
    sut.reported(boothMember, 'audio_only_fallback');
    sut.mediaFailed(boothMember, { transportId: 't', state: 'failed', iceConnectionState: 'failed', local: [], remote: [], pairs: 1, succeededPairs: 0 });
    await sut.end(sut.member(asConnection(agent))!);
    expect(events()).toEqual([
      { type: 'joined', participantId: 'agent:agent', role: 'agent', phase: 'call' },
      { type: 'joined', participantId: 'booth:booth', role: 'booth', phase: 'lobby' },
      { type: 'admitted', participantId: 'booth:booth' },
      { type: 'transportConnected' },
      { type: 'mediaFlowing', kind: 'video' },
      { type: 'iceRestart', role: 'booth' },
      { type: 'audioOnlyFallback', role: 'booth' },
      { type: 'failure', reason: 'ice_failed' },
      { type: 'closed', ended: true },
    ]);
  });

  it('a peer closed because its transport failed: its participant is told to come back with new transports', async () => {
    const agent = connect();
    await sut.join(access('agent'), asConnection(agent));
    const member = sut.member(asConnection(agent))!;
    const { peer } = sut.peerOf(member);
    room.emit('peerClosed', peer, 'replaced');
    expect(agent.told.some((n) => n.name === 'closed')).toBe(false);
    room.emit('peerClosed', peer, 'transport_failed');
    expect(agent.last('closed')).toEqual({ reason: 'transport_failed', reconnect: true });
    expect(member.peer).toBeNull();
  });
});
