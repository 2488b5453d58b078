import type { Consultation } from '../../../lib/consultations';
import { JOIN_EARLY_MS, welcomeState } from './welcome-state';

const NOW = Date.parse('2026-12-03T10:00:00+01:00');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
const consultation = (id: string, start: number, status: Consultation['status'] = 'scheduled'): Consultation =>
  ({ id, startsAt: at(start), endsAt: at(start + 30), status }) as Consultation;

describe('welcomeState', () => {
  it('is loading until the day is known', () => {
    expect(welcomeState(null, NOW)).toEqual({ kind: 'loading' });
  });

  it('says none when nothing, or only cancelled consultations, are booked today', () => {
    expect(welcomeState([], NOW)).toEqual({ kind: 'none' });
    expect(welcomeState([consultation('a', 60, 'cancelled')], NOW)).toEqual({ kind: 'none' });
  });

  it('says the day is over when every consultation is held or past, never « none »', () => {
    expect(welcomeState([consultation('a', -120, 'done'), consultation('b', -60)], NOW)).toEqual({ kind: 'allDone' });
  });

  it('gives the earliest consultation still to come, open only within the join margin', () => {
    const later = consultation('later', 120);
    const soon = consultation('soon', JOIN_EARLY_MS / 60_000 - 1);
    expect(welcomeState([later, soon], NOW)).toMatchObject({ kind: 'next', consultation: { id: 'soon' }, open: true });
    expect(welcomeState([later], NOW)).toMatchObject({ kind: 'next', consultation: { id: 'later' }, open: false });
  });

  it('keeps a consultation in progress as the next one until its end', () => {
    expect(welcomeState([consultation('a', -10, 'in_progress')], NOW)).toMatchObject({ kind: 'next', consultation: { id: 'a' }, open: true });
  });
});
