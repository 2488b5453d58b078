import { gradeQuality, withRemoteSource } from './call-state';

describe('gradeQuality', () => {
  it.each([
    [null, 0, 'unknown'],
    [0.05, 0, 'good'],
    [0.149, 0.019, 'good'],
    [0.15, 0, 'medium'],
    [0.05, 0.02, 'medium'],
    [0.399, 0.079, 'medium'],
    [0.4, 0, 'poor'],
    [0.05, 0.08, 'poor'],
  ] as const)('rtt %s s, loss %s → %s', (rtt, loss, grade) => {
    expect(gradeQuality(rtt, loss)).toBe(grade);
  });
});

describe('withRemoteSource', () => {
  it('records a muted microphone and a camera switched off, per participant', () => {
    const muted = withRemoteSource({}, 'booth', 'microphone', true);
    expect(muted).toEqual({ booth: { micOn: false, cameraOn: true } });
    expect(withRemoteSource(muted, 'booth', 'camera', true)).toEqual({ booth: { micOn: false, cameraOn: false } });
  });

  it('returns the same object when nothing changes (no re-render), and ignores a shared screen', () => {
    const state = { booth: { micOn: true, cameraOn: true } };
    expect(withRemoteSource(state, 'booth', 'microphone', false)).toBe(state);
    expect(withRemoteSource(state, 'booth', 'screen', true)).toBe(state);
  });
});
