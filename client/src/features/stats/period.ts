import { DateTime } from 'luxon';
import { STATS_MAX_DAYS, type StatsFilters } from '@shared/stats/indicators';

/** The quick choices of period, as Paris days [from, to] inclusive. */
export const QUICK_PERIODS = ['thisMonth', 'last3Months', 'thisYear', 'lastYear'] as const;
export type QuickPeriod = (typeof QUICK_PERIODS)[number];

export const QUICK_PERIOD_LABELS: Record<QuickPeriod, string> = {
  thisMonth: 'Ce mois-ci',
  last3Months: '3 derniers mois',
  thisYear: 'Cette année',
  lastYear: 'L’année dernière',
};

/** `today` is the Paris day (YYYY-MM-DD) the choice is made on. */
export function quickPeriod(choice: QuickPeriod, today: string): { from: string; to: string } {
  const d = DateTime.fromISO(today);
  const iso = (x: DateTime) => x.toISODate()!;
  switch (choice) {
    case 'thisMonth':
      return { from: iso(d.startOf('month')), to: iso(d.endOf('month')) };
    case 'last3Months':
      // The current month and the two before it, whole: the weekly bars start on full weeks of data.
      return { from: iso(d.minus({ months: 2 }).startOf('month')), to: iso(d.endOf('month')) };
    case 'thisYear':
      return { from: iso(d.startOf('year')), to: iso(d.endOf('year')) };
    case 'lastYear': {
      const last = d.minus({ years: 1 });
      return { from: iso(last.startOf('year')), to: iso(last.endOf('year')) };
    }
  }
}

/** Which quick choice a period is, to mark its button as the current one. */
export function matchingQuickPeriod(from: string, to: string, today: string): QuickPeriod | null {
  return QUICK_PERIODS.find((q) => {
    const p = quickPeriod(q, today);
    return p.from === from && p.to === to;
  }) ?? null;
}

export const FILTER_KEYS = ['departement', 'siteId', 'administrationId', 'consultationTypeId', 'agentId'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filters from the page's address (?from=…&to=…&siteId=…): a missing or malformed period is the
 * default one (the last three months), so a bookmark always opens on figures.
 */
export function filtersFromSearch(params: URLSearchParams, today: string): StatsFilters {
  const fallback = quickPeriod('last3Months', today);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const filters: StatsFilters = DAY.test(from) && DAY.test(to) ? { from, to } : fallback;
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** The address's query for filters (only the defined ones). */
export function searchFromFilters(filters: StatsFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<string, string>;
}

/** What is wrong with a typed period before asking the server (which says the same, as field errors). */
export function periodProblem(from: string, to: string): 'from' | 'to' | 'order' | 'tooLong' | null {
  if (!DAY.test(from) || !DateTime.fromISO(from).isValid) return 'from';
  if (!DAY.test(to) || !DateTime.fromISO(to).isValid) return 'to';
  if (to < from) return 'order';
  if (DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days + 1 > STATS_MAX_DAYS) return 'tooLong';
  return null;
}
