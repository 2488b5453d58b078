import { describeDetails } from './details';

describe('describeDetails', () => {
  it('says a move as before → after, in Paris time, and what else changed', () => {
    const line = describeDetails({
      from: { startsAt: '2027-01-12T09:00:00.000Z', boothId: 'b1', agentId: 'a1' },
      to: { startsAt: '2027-01-12T10:30:00.000Z', boothId: 'b1', agentId: 'a2' },
    });
    expect(line).toBe('12/01/2027 10:00 → 12/01/2027 11:30 · autre agent');
  });

  it('says an appointment in reading order, whatever order the database kept the keys in', () => {
    expect(describeDetails({ site: 'France Services de Pithiviers', agent: 'Antoine Agent', endsAt: '2027-01-12T09:15:00.000Z', startsAt: '2027-01-12T09:00:00.000Z' })).toBe(
      'début : 12/01/2027 10:00 · fin : 12/01/2027 10:15 · France Services : France Services de Pithiviers · agent : Antoine Agent',
    );
  });

  it('says field changes as before → after, in words (roles, states)', () => {
    expect(describeDetails({ changes: { name: { from: 'Cabine 1', to: 'Cabine A' } } })).toBe('nom : Cabine 1 → Cabine A');
    expect(describeDetails({ changes: { status: { from: 'enabled', to: 'disabled' } }, sessionsEnded: 1, linksRevoked: 0, consultationsAhead: 2 })).toBe(
      'état : actif → désactivé · sessions fermées : 1 · liens annulés : 0 · rendez-vous à venir : 2',
    );
    expect(describeDetails({ from: 'coordinator', to: 'admin', changes: { role: { from: 'coordinator', to: 'admin' } } })).toBe(
      'rôle : coordination préfecture → administration technique',
    );
  });

  it('says a weekly schedule’s change day by day, only the days that changed', () => {
    const before = [
      { weekday: 1, start: '09:00', end: '12:30' },
      { weekday: 1, start: '13:30', end: '17:30' },
      { weekday: 2, start: '09:00', end: '12:30' },
    ];
    const after = [
      { weekday: 1, start: '10:00', end: '12:30' },
      { weekday: 1, start: '13:30', end: '17:30' },
      { weekday: 2, start: '09:00', end: '12:30' },
      { weekday: 6, start: '09:00', end: '12:00' },
    ];
    expect(describeDetails({ before, after })).toBe('lundi : 09:00–12:30, 13:30–17:30 → 10:00–12:30, 13:30–17:30 · samedi : fermé → 09:00–12:00');
  });

  it('leaves identifiers out, translates known keys and values, and cuts long lines', () => {
    expect(describeDetails({ mass: false, via: 'citizen_link', msapSiteId: '0b7e3f4c-1111-4222-8333-944445555666', outcome: 'link_sent', purpose: 'invitation' })).toBe(
      'annulation groupée : non · par : lien personnel de l’usager · issue : lien envoyé · lien : invitation',
    );
    expect(describeDetails({ note: 'x'.repeat(500) }).length).toBe(320);
    expect(describeDetails({})).toBe('');
  });
});
