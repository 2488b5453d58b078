import { INDICATORS, IndicatorValues, StatsSeriesPoint } from '../../../../shared/stats/indicators';
import { suppressSmallCounts } from './small-counts';

/** Every count zero, every rate and median « pas encore de données ». */
const zeros = (): IndicatorValues => Object.fromEntries(INDICATORS.map((i) => [i.id, i.unit === 'count' ? 0 : null])) as IndicatorValues;
const point = (start: string, booked: number, held: number, cancelled = 0): StatsSeriesPoint => ({
  start,
  booked,
  held,
  cancelled,
  noShowCitizen: 0,
  noShowAgent: 0,
  surveyResponses: 0,
  satisfactionScore: null,
});

describe('suppressSmallCounts', () => {
  it('hides counts from 1 to the threshold minus one, keeps zeros and counts at the threshold', () => {
    const values = { ...zeros(), booked: 40, held: 40, documents_exchanged: 11, ice_restarts: 10, calls_measured: 40 };
    const sut = suppressSmallCounts(values, [], 11);
    expect(sut.values.documents_exchanged).toBe(11);
    expect(sut.values.ice_restarts).toBeNull();
    expect(sut.values.no_show_agent).toBe(0);
    expect(sut.suppressed).toEqual(['ice_restarts']);
  });

  it('hides a rate, a median or a measure computed over fewer than the threshold, not one over enough', () => {
    const values = { ...zeros(), booked: 30, held: 30, calls_measured: 8, audio_only_rate: 25, rtt_median_ms: 80, lead_time_median_days: 6, held_hours: 15, travel_km_avoided: 420 };
    const sut = suppressSmallCounts(values, [], 11);
    expect(sut.values).toMatchObject({ calls_measured: null, audio_only_rate: null, rtt_median_ms: null, lead_time_median_days: 6, held_hours: 15, travel_km_avoided: 420 });
    expect(sut.suppressed).toEqual(expect.arrayContaining(['calls_measured', 'audio_only_rate', 'rtt_median_ms']));
    // A rate with no basis at all is « pas encore de données », not a secret.
    const none = suppressSmallCounts({ ...zeros(), satisfaction_score: null }, [], 11);
    expect(none.suppressed).not.toContain('satisfaction_score');
  });

  it('hides a second part when a published total would give a single hidden part away', () => {
    // 30 cancellations, 27 by the citizen: the 3 others must not be recoverable as 30 − 27.
    const values = { ...zeros(), booked: 100, held: 70, cancelled: 30, cancelled_citizen: 27, cancelled_mass: 3 };
    const sut = suppressSmallCounts(values, [], 11);
    expect(sut.values.cancelled_mass).toBeNull();
    const causes = ['cancelled_citizen', 'cancelled_agent_absence', 'cancelled_site_closure', 'cancelled_mass', 'cancelled_service'] as const;
    expect(causes.filter((c) => sut.values[c] === null).length).toBeGreaterThanOrEqual(2);
  });

  it('hides series counts below the threshold, a week that subtraction would reveal, and scores over too few responses', () => {
    const values = { ...zeros(), booked: 50, held: 50, survey_responses: 0 };
    const series = [point('2026-01-05', 20, 20), point('2026-01-12', 25, 25), point('2026-01-19', 5, 5)];
    series[0]!.surveyResponses = 12;
    series[0]!.satisfactionScore = 8.5;
    series[1]!.surveyResponses = 4;
    series[1]!.satisfactionScore = 10;
    const sut = suppressSmallCounts(values, series, 11);
    expect(sut.series[2]).toMatchObject({ booked: null, held: null });
    // The year's 50 less the weeks shown would give the third week: the smallest other week goes too.
    expect(sut.series[0]).toMatchObject({ booked: null, held: null });
    expect(sut.series[1]).toMatchObject({ booked: 25, held: 25, surveyResponses: null, satisfactionScore: null });
    expect(sut.series[0]!.satisfactionScore).toBe(8.5);
  });

  it('publishes everything when every count is large enough', () => {
    const values = { ...zeros(), booked: 120, held: 100, cancelled: 20, cancelled_citizen: 20 };
    const sut = suppressSmallCounts(values, [point('2026-01-05', 60, 50, 10), point('2026-01-12', 60, 50, 10)], 10);
    expect(sut.suppressed).toEqual([]);
    expect(sut.values).toEqual(values);
  });
});
