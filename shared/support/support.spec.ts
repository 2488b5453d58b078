import { ChecklistItem, summarizeSupport } from './support';

const item = (id: string, part: ChecklistItem['part']): ChecklistItem => ({ id, part, label: `Libellé ${id}` });
const ITEMS = [item('a', 'before'), item('b', 'before'), item('c', 'during'), item('d', 'after')];

describe('summarizeSupport', () => {
  it('nothing filled: papers not ready (every "before" item listed), no consent, presence unknown', () => {
    expect(summarizeSupport({ items: ITEMS.map((i) => ({ ...i, answer: null })), consents: [], facilitatorPresent: null })).toEqual({
      papersReady: false,
      consentGiven: false,
      facilitatorPresent: null,
      notReady: ['Libellé a', 'Libellé b'],
      answered: 0,
      total: 4,
    });
  });

  it('"before" items done or not applicable make the papers ready; a "not done" one does not', () => {
    const answers = { a: { state: 'done', comment: '' }, b: { state: 'not_applicable', comment: '' }, c: { state: 'not_done', comment: 'plus tard' } } as const;
    const s = summarizeSupport({ items: ITEMS.map((i) => ({ ...i, answer: answers[i.id as keyof typeof answers] ?? null })), consents: [], facilitatorPresent: false });
    expect(s).toMatchObject({ papersReady: true, notReady: [], answered: 2, total: 4, facilitatorPresent: false });
  });

  it('only a standing video consent counts as the consent to the consultation', () => {
    const base = { items: [], facilitatorPresent: true };
    expect(summarizeSupport({ ...base, consents: [{ kind: 'documents', revokedAt: null }] }).consentGiven).toBe(false);
    expect(summarizeSupport({ ...base, consents: [{ kind: 'video', revokedAt: '2026-12-03T10:00:00+01:00' }] }).consentGiven).toBe(false);
    expect(summarizeSupport({ ...base, consents: [{ kind: 'video', revokedAt: '2026-12-03T10:00:00+01:00' }, { kind: 'video', revokedAt: null }] }).consentGiven).toBe(true);
  });

  it('a consultation without a checklist has its papers ready by definition (nothing to prepare)', () => {
    expect(summarizeSupport({ items: [], consents: [], facilitatorPresent: null })).toMatchObject({ papersReady: true, total: 0 });
  });
});
