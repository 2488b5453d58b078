import { CallRecord } from './call-record';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 3, 9, 0, seconds));
const join = (participantId: string, role: 'booth' | 'agent' | 'facilitator', phase: 'lobby' | 'call') => ({ type: 'joined' as const, participantId, role, phase });

describe('CallRecord', () => {
  let sut: CallRecord;
  beforeEach(() => (sut = new CallRecord()));

  it('counts every join, and as a reconnection a join by someone who had been in the call', () => {
    sut.apply(join('agent', 'agent', 'call'), at(0));
    sut.apply(join('booth', 'booth', 'lobby'), at(5));
    // Still in the lobby: its socket dropped before it was let in, not a reconnection.
    sut.apply(join('booth', 'booth', 'lobby'), at(8));
    sut.apply({ type: 'admitted', participantId: 'booth' }, at(10));
    sut.apply(join('booth', 'booth', 'call'), at(20));
    sut.apply(join('agent', 'agent', 'call'), at(30));
    sut.apply(join('facilitator', 'facilitator', 'lobby'), at(31));
    expect(sut.take()).toMatchObject({ joins: 6, reconnections: 2, boothLobbyAt: at(5), agentJoinedAt: at(0) });
  });

  it('keeps who was in the call after it emptied: coming back later is still a reconnection', () => {
    sut.apply(join('agent', 'agent', 'call'), at(0));
    sut.apply({ type: 'closed', ended: false }, at(1));
    sut.take();
    sut.apply(join('agent', 'agent', 'call'), at(60));
    expect(sut.take()).toMatchObject({ joins: 1, reconnections: 1, agentJoinedAt: null });
  });

  it('keeps first times only once, and gives what changed since the last take', () => {
    sut.apply(join('booth', 'booth', 'lobby'), at(0));
    expect(sut.take()).toMatchObject({ joins: 1, boothLobbyAt: at(0) });
    expect(sut.take()).toBeNull();
    sut.apply(join('booth', 'booth', 'lobby'), at(9));
    sut.apply({ type: 'iceRestart', role: 'booth' }, at(9));
    sut.apply({ type: 'audioOnlyFallback', role: 'booth' }, at(9));
    expect(sut.take()).toMatchObject({ joins: 1, boothLobbyAt: null, iceRestarts: 1, audioOnly: true });
  });

  it('measures the first frame from the admission, once; media flowing clears a failure and is kept as the connection time', () => {
    sut.apply(join('agent', 'agent', 'call'), at(0));
    // Nobody to see it before the admission: not a first frame of the call.
    expect(sut.apply({ type: 'mediaFlowing', kind: 'video' }, at(1))).toEqual({});
    sut.take();
    sut.apply({ type: 'failure', reason: 'ice_timeout' }, at(2));
    expect(sut.take()).toMatchObject({ connectFailure: null }); // media had flowed already
  });

  it('records why a call never connected, the first reason only, and forgets it once media flow', () => {
    sut.apply(join('agent', 'agent', 'call'), at(0));
    sut.apply({ type: 'admitted', participantId: 'booth' }, at(10));
    sut.apply({ type: 'failure', reason: 'ice_timeout' }, at(18));
    sut.apply({ type: 'failure', reason: 'dtls_failed' }, at(30));
    expect(sut.take()).toMatchObject({ connectFailure: 'ice_timeout', mediaConnectedAt: null });
    expect(sut.apply({ type: 'mediaFlowing', kind: 'audio' }, at(40))).toEqual({});
    expect(sut.apply({ type: 'mediaFlowing', kind: 'video' }, at(41))).toEqual({ firstFrameMs: 31_000 });
    expect(sut.apply({ type: 'mediaFlowing', kind: 'video' }, at(50))).toEqual({});
    expect(sut.take()).toMatchObject({ mediaConnectedAt: at(40), firstFrameMs: 31_000, connectFailure: null });
  });

  it('watches for no media once transports are up in an admitted call, once, and not after media or another failure', () => {
    expect(sut.apply({ type: 'transportConnected' }, at(0))).toEqual({ armNoMedia: false });
    expect(sut.apply({ type: 'admitted', participantId: 'booth' }, at(1))).toEqual({ armNoMedia: true });
    expect(sut.apply({ type: 'transportConnected' }, at(2))).toEqual({ armNoMedia: false });
    expect(sut.noMediaDue()).toBe(true);

    const flowing = new CallRecord();
    flowing.apply({ type: 'admitted', participantId: 'booth' }, at(0));
    expect(flowing.apply({ type: 'transportConnected' }, at(1))).toEqual({ armNoMedia: true });
    flowing.apply({ type: 'mediaFlowing', kind: 'audio' }, at(2));
    expect(flowing.noMediaDue()).toBe(false);

    const failed = new CallRecord();
    failed.apply({ type: 'admitted', participantId: 'booth' }, at(0));
    failed.apply({ type: 'transportConnected' }, at(1));
    failed.apply({ type: 'failure', reason: 'ice_failed' }, at(2));
    expect(failed.noMediaDue()).toBe(false);
  });

  it('is in progress from the admission until it empties, and again when someone comes back into it', () => {
    sut.apply(join('agent', 'agent', 'call'), at(0));
    expect(sut.inProgress).toBe(false);
    sut.apply({ type: 'admitted', participantId: 'booth' }, at(1));
    expect(sut.inProgress).toBe(true);
    sut.apply({ type: 'closed', ended: false }, at(2));
    expect(sut.inProgress).toBe(false);
    sut.apply(join('booth', 'booth', 'call'), at(3));
    expect(sut.inProgress).toBe(true);
  });
});
