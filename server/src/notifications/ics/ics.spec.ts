import { buildCalendar, escapeText, foldLine, icsUtc } from './ics';

describe('ICS writer', () => {
  it.each([
    ['a,b;c\\d', 'a\\,b\\;c\\\\d'],
    ['ligne 1\nligne 2', 'ligne 1\\nligne 2'],
    ['sans rien', 'sans rien'],
  ])('escapes %j', (input, expected) => expect(escapeText(input)).toBe(expected));

  it('folds at 75 octets with a leading space, never inside a UTF-8 character', () => {
    const line = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const [i, part] of parts.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
    }
    // Unfolding (remove CRLF + one space) gives the line back.
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('leaves short lines alone', () => expect(foldLine('UID:x')).toBe('UID:x'));

  it('writes a cancellation with UTC times, CRLF lines and a stable UID', () => {
    const ics = buildCalendar(
      [
        {
          uid: 'consultation-1@visio-msap',
          sequence: 3,
          startsAt: new Date('2026-03-03T13:30:00Z'),
          endsAt: new Date('2026-03-03T14:00:00Z'),
          summary: 'Consultation : impôts, revenus',
          description: 'Avec M. Dupont',
          location: 'France Services de Pithiviers',
          status: 'CANCELLED',
          organizer: { name: 'Visio MSAP', email: 'noreply@example.fr' },
          attendee: { name: 'Antoine Agent', email: 'agent@example.fr' },
          stamp: new Date('2026-03-01T08:00:00.123Z'),
        },
      ],
      { method: 'CANCEL' },
    );
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    expect(ics).toContain('METHOD:CANCEL\r\n');
    expect(ics).toContain('SEQUENCE:3\r\n');
    expect(ics).toContain('DTSTART:20260303T133000Z\r\n');
    expect(ics).toContain('DTSTAMP:20260301T080000Z\r\n');
    expect(ics).toContain('SUMMARY:Consultation : impôts\\, revenus\r\n');
    expect(ics).toContain('STATUS:CANCELLED\r\n');
    expect(ics).toContain('ATTENDEE;CN=Antoine Agent;ROLE=REQ-PARTICIPANT:mailto:agent@example.fr\r\n');
  });

  it('formats UTC instants', () => expect(icsUtc(new Date('2026-10-25T01:30:00Z'))).toBe('20261025T013000Z'));
});
