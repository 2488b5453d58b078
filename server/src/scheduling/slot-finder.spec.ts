import { whyUnavailable } from './availability-check';
import { covers, normalize } from '../common/time/intervals';
import { findSlots } from './slot-finder';

const MIN = 60_000;
const at = (hhmm: string) => new Date(`2027-01-04T${hhmm}:00+01:00`).getTime(); // a Monday
const span = (a: string, b: string) => ({ start: at(a), end: at(b) });

describe('findSlots', () => {
  const base = {
    open: [span('09:00', '12:00')],
    durationMs: 30 * MIN,
    stepMs: 30 * MIN,
    notBefore: 0,
    notAfter: Number.MAX_SAFE_INTEGER,
    limit: 100,
  };

  it('lists for each start the agents and booths free for the whole slot', () => {
    const slots = findSlots({
      ...base,
      agents: [
        { id: 'a1', free: [span('09:00', '10:00')] },
        { id: 'a2', free: [span('09:30', '12:00')] },
      ],
      booths: [
        { id: 'b1', free: [span('09:00', '11:00')] },
        { id: 'b2', free: [span('10:00', '12:00')] },
      ],
    });
    expect(slots.map((s) => [new Date(s.start).toISOString().slice(11, 16), s.agents, s.booths])).toEqual([
      ['08:00', [0], [0]],
      ['08:30', [0, 1], [0]],
      ['09:00', [1], [0, 1]],
      ['09:30', [1], [0, 1]],
      ['10:00', [1], [1]],
      ['10:30', [1], [1]],
    ]);
  });

  it('needs an agent and a booth at once, skips the past, and stops at the limit', () => {
    const agents = [{ id: 'a', free: [span('09:00', '12:00')] }];
    expect(findSlots({ ...base, agents, booths: [] })).toEqual([]);
    const booths = [{ id: 'b', free: [span('09:00', '12:00')] }];
    expect(findSlots({ ...base, agents, booths, notBefore: at('10:10') }).map((s) => s.start)).toEqual([at('10:30'), at('11:00'), at('11:30')]);
    expect(findSlots({ ...base, agents, booths, limit: 2 })).toHaveLength(2);
  });

  it('aligns starts on the grid even when a window starts off it', () => {
    const slots = findSlots({ ...base, open: [span('09:10', '10:30')], stepMs: 15 * MIN, agents: [{ id: 'a', free: [span('09:10', '10:30')] }], booths: [{ id: 'b', free: [span('09:10', '10:30')] }] });
    expect(slots.map((s) => s.start)).toEqual([at('09:15'), at('09:30'), at('09:45'), at('10:00')]);
  });
});

describe('findSlots over many windows and resources', () => {
  it('finds what a binary search of every free list per start finds', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const day = 24 * 60 * MIN;
    const origin = at('00:00');
    // Ten days, opening 08:00–12:00 and 13:00–19:00; resources free in random chunks of 15-minute steps.
    const open = Array.from({ length: 10 }, (_, d) => [
      { start: origin + d * day + 8 * 60 * MIN, end: origin + d * day + 12 * 60 * MIN },
      { start: origin + d * day + 13 * 60 * MIN, end: origin + d * day + 19 * 60 * MIN },
    ]).flat();
    const randomFree = () =>
      normalize(
        open.flatMap((w) => {
          const out = [];
          for (let t = w.start; t < w.end; t += 15 * MIN) if (random() < 0.6) out.push({ start: t, end: t + 15 * MIN * (1 + Math.floor(random() * 3)) });
          return out;
        }),
      );
    const agents = Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, free: randomFree() }));
    const booths = Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, free: randomFree() }));
    const query = { open, agents, booths, durationMs: 30 * MIN, stepMs: 15 * MIN, notBefore: origin + 2 * day + 9 * 60 * MIN, notAfter: origin + 9 * day, limit: 10_000 };
    const expected = [];
    for (const w of open) {
      for (let start = Math.ceil(Math.max(w.start, query.notBefore) / query.stepMs) * query.stepMs; start + query.durationMs <= w.end && start < query.notAfter; start += query.stepMs) {
        const end = start + query.durationMs;
        const a = agents.flatMap((r, i) => (covers(r.free, start, end) ? [i] : []));
        const b = booths.flatMap((r, i) => (covers(r.free, start, end) ? [i] : []));
        if (a.length > 0 && b.length > 0) expected.push({ start, end, agents: a, booths: b });
      }
    }
    expect(expected.length).toBeGreaterThan(100);
    expect(findSlots(query)).toEqual(expected);
  });
});

describe('whyUnavailable', () => {
  const monday = (start: number, end: number) => [{ weekday: 1, startMinute: start * 60, endMinute: end * 60 }];
  const calendars = { opening: monday(9, 17), availability: monday(10, 16), absences: [span('14:00', '15:00')], closures: [span('12:00', '13:00')] };

  it('names the first rule that refuses the interval', () => {
    expect(whyUnavailable(calendars, at('08:30'), at('09:30'))).toBe('OUTSIDE_OPENING_HOURS');
    expect(whyUnavailable(calendars, at('12:30'), at('13:00'))).toBe('MSAP_CLOSED');
    expect(whyUnavailable(calendars, at('09:00'), at('09:30'))).toBe('OUTSIDE_AVAILABILITY');
    expect(whyUnavailable(calendars, at('14:30'), at('15:00'))).toBe('AGENT_ABSENT');
    expect(whyUnavailable(calendars, at('10:00'), at('10:30'))).toBeNull();
  });
});
