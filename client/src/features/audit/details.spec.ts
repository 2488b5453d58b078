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

  it('says field changes as before → after', () => {
    expect(describeDetails({ changes: { name: { from: 'Cabine 1', to: 'Cabine A' } } })).toBe('nom : Cabine 1 → Cabine A');
  });

  it('translates known keys and values, shortens ids, and cuts long lines', () => {
    expect(describeDetails({ mass: false, via: 'citizen_link', msapSiteId: '0b7e3f4c-1111-4222-8333-944445555666' })).toBe(
      'annulation groupée : non · par : lien personnel de l’usager · France Services : 0b7e3f4c…',
    );
    expect(describeDetails({ note: 'x'.repeat(500) }).length).toBe(240);
    expect(describeDetails({})).toBe('');
  });
});
