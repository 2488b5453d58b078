import type { StatsSeriesPoint, StatsSiteRow } from '@shared/stats/indicators';
import { lossReading, qualityReading, satisfactionReading, satisfactionTrendReading, seriesTotals, sitesReading, statusReading } from './reading';

describe('statusReading', () => {
  it('gives the held share of the booked, and the cancelled', () => {
    expect(statusReading(520, 412, 0)).toBe('412 consultations tenues sur 520 réservées, soit 79\u00a0%.');
    expect(statusReading(3, 1, 2)).toBe('1 consultation tenue sur 3 réservées, soit 33\u00a0% ; 2 annulées.');
  });
  it('says when nothing was booked, or when the figures are withheld', () => {
    expect(statusReading(0, 0, 0)).toBe('Aucune consultation réservée sur la période.');
    expect(statusReading(null, 3, 0)).toBe('Pas assez de consultations sur la période pour les décrire.');
  });
});

describe('seriesTotals', () => {
  it('adds the buckets up, and gives nothing when one is withheld', () => {
    const p = (booked: number, held: number, cancelled: number): StatsSeriesPoint => ({ start: '2026-11-02', booked, held, cancelled, noShowCitizen: 0, noShowAgent: 0, surveyResponses: 0, satisfactionScore: null });
    expect(seriesTotals([p(3, 2, 1), p(4, 1, 0)])).toEqual({ booked: 7, held: 3, cancelled: 1 });
    expect(seriesTotals([{ booked: 12, held: null, cancelled: 0 }])).toBeNull();
  });
});

describe('sitesReading', () => {
  const site = (name: string, held: number): StatsSiteRow => ({ siteId: name, name, departement: '45', booked: held, held, cancelled: 0, occupancyHeld: null, satisfactionScore: null, heldSeries: [] });
  it('names the site that held the most, with its share', () => {
    expect(sitesReading([site('France Services de Sully', 5), site('France Services de Pithiviers', 15)])).toBe(
      'France Services de Pithiviers a tenu le plus de consultations : 15 sur 20 (75\u00a0%) dans les 2 France Services.',
    );
  });
  it('handles one site, none held, and no site', () => {
    expect(sitesReading([site('FS A', 2)])).toBe('FS A : 2 consultations tenues sur la période.');
    expect(sitesReading([site('FS A', 0), site('FS B', 0)])).toBe('Aucune consultation tenue sur la période dans les 2 France Services.');
    expect(sitesReading([])).toBe('Aucune France Services dans le périmètre choisi.');
  });
});

describe('satisfactionReading', () => {
  it('gives the score, the number of answers and the happy ones', () => {
    expect(satisfactionReading(8.25, 37, 30)).toBe('Score de 8,3 sur 10 d’après 37 réponses, dont 30 « content ».');
    expect(satisfactionReading(10, 1, 1)).toBe('Score de 10 sur 10 d’après 1 réponse, dont 1 « content ».');
  });
  it('is honest when nobody answered', () => {
    expect(satisfactionReading(null, 0, 0)).toBe('Pas encore de réponse à l’enquête de satisfaction sur la période.');
  });
});

describe('satisfactionTrendReading', () => {
  const p = (score: number | null): StatsSeriesPoint => ({ start: '2026-11-02', booked: 0, held: 0, cancelled: 0, noShowCitizen: 0, noShowAgent: 0, surveyResponses: score === null ? 0 : 1, satisfactionScore: score });
  it('gives the range over the buckets with answers', () => {
    expect(satisfactionTrendReading([p(5), p(null), p(10)], 'week')).toBe('Score entre 5 et 10 sur 10 selon les 2 semaines ayant des réponses.');
    expect(satisfactionTrendReading([p(7.5)], 'month')).toBe('Score de 7,5 sur 10 selon le seul mois ayant des réponses.');
    expect(satisfactionTrendReading([p(null)], 'week')).toBe('Pas encore de réponse à l’enquête de satisfaction sur la période.');
  });
});

describe('qualityReading', () => {
  it('gives the calls under 200 ms of round trip and the lossy ones', () => {
    const quality = {
      rtt: [
        { bucket: 'lt50' as const, calls: 2 },
        { bucket: '50to100' as const, calls: 3 },
        { bucket: '100to200' as const, calls: 1 },
        { bucket: '200to400' as const, calls: 1 },
        { bucket: 'ge400' as const, calls: 1 },
      ],
      loss: [
        { bucket: 'lt1' as const, calls: 6 },
        { bucket: '1to3' as const, calls: 1 },
        { bucket: '3to5' as const, calls: 0 },
        { bucket: 'ge5' as const, calls: 1 },
      ],
    };
    expect(qualityReading(quality)).toBe('6 appels mesurés sur 8 (75\u00a0%) ont eu un temps aller-retour inférieur à 200\u00a0ms ; 1 a perdu 3\u00a0% des paquets ou plus.');
  });
  it('says when no call was measured', () => {
    expect(qualityReading({ rtt: [], loss: [] })).toBe('Aucun appel mesuré sur la période.');
    expect(lossReading({ rtt: [], loss: [] })).toBe('Aucun appel mesuré sur la période.');
  });
  it('gives the calls that lost less than 1 % of their packets', () => {
    expect(lossReading({ rtt: [], loss: [{ bucket: 'lt1', calls: 7 }, { bucket: 'ge5', calls: 1 }] })).toBe('7 appels mesurés sur 8 (88\u00a0%) ont perdu moins de 1\u00a0% des paquets.');
  });
});
