import { awaitsOutcome, isOpen } from './consultations';

describe('consultation statuses on the agent’s lists', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');
  const past = '2026-12-02T09:30:00Z';
  const future = '2026-12-02T10:30:00Z';

  it.each([
    ['ended', future, true],
    ['ended', past, true],
    ['scheduled', past, true], // over, and nobody said what happened
    ['scheduled', future, false],
    ['in_progress', past, false],
    ['done', past, false],
    ['no_show', past, false],
    ['cancelled', past, false],
  ] as const)('%s ending %s awaits an outcome: %s', (status, endsAt, expected) => {
    expect(awaitsOutcome({ status, endsAt }, now)).toBe(expected);
  });

  it('only scheduled and in-progress consultations can be entered', () => {
    expect((['scheduled', 'in_progress', 'ended', 'done', 'no_show', 'cancelled'] as const).filter(isOpen)).toEqual(['scheduled', 'in_progress']);
  });
});
