import { createInstance } from 'i18next';
import { fr } from '../../i18n/fr';
import { ApiError } from '../../lib/api';
import { rangeLines, refusalSummary } from './range-summary';
import { draftProblems, type DraftRange } from './weekly-draft';

const i18n = createInstance();
void i18n.init({ lng: 'fr', resources: { fr: { translation: fr } }, interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false });
const t = i18n.t.bind(i18n);

const d = (key: string, weekday: number, start: string, end: string): DraftRange => ({ key, weekday, start, end });
const draft = [d('m1', 1, '09:00', '12:00'), d('t1', 2, '09:00', '12:00'), d('t2', 2, '13:30', '17:00'), d('t3', 2, '14:00', '11:00')];

describe('the error summary of a week of ranges', () => {
  it('names each range by its day and rank, linked to its field', () => {
    expect(rangeLines(t, 'opening', draft, draftProblems(draft))).toEqual([{ text: 'Mardi, plage 3 : la fin doit être après le début', target: 'opening-t3-end' }]);
  });

  it('says the same of a server’s refusal, never its paths', () => {
    const refused = new ApiError(422, 'OUTSIDE_OPENING_HOURS', 'ranges[0] …', { ranges: { 0: ['OUTSIDE_OPENING_HOURS'], 2: { start: ['TOO_LARGE'] } } });
    expect(refusalSummary(t, 'availability', draft, refused)).toEqual({
      lead: 'Rien n’a été enregistré : 2 plages sont refusées.',
      lines: [
        { text: 'Lundi, plage 1 : aucune France Services du département n’est ouverte à ces heures ce jour-là', target: 'availability-m1-start' },
        { text: 'Mardi, plage 2 : heure trop tardive', target: 'availability-t2-start' },
      ],
    });
    // A refusal of the whole list names it in words.
    const tooMany = new ApiError(422, 'VALIDATION_FAILED', 'ranges must contain no more than 70 elements', { ranges: ['TOO_MANY'] });
    expect(refusalSummary(t, 'opening', draft, tooMany)).toEqual({ lead: 'Certains champs sont à corriger. Plages : trop d’éléments.', lines: [] });
  });
});
