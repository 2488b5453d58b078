import { withinJoinWindow } from './join-window';

describe('withinJoinWindow', () => {
  const consultation = { startsAt: new Date('2026-12-03T16:00:00Z'), endsAt: new Date('2026-12-03T16:30:00Z') };
  const at = (iso: string) => withinJoinWindow(consultation, 15, new Date(iso));

  it('opens the margin before the start and closes the margin after the end, both bounds included', () => {
    expect(at('2026-12-03T15:44:59.999Z')).toBe(false);
    expect(at('2026-12-03T15:45:00Z')).toBe(true);
    expect(at('2026-12-03T16:10:00Z')).toBe(true);
    expect(at('2026-12-03T16:45:00Z')).toBe(true);
    expect(at('2026-12-03T16:45:00.001Z')).toBe(false);
  });

  it('refuses the morning of an afternoon consultation', () => {
    expect(at('2026-12-03T08:00:00Z')).toBe(false);
  });
});
