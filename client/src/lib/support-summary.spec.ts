import type { TFunction } from 'i18next';
import { frSupport } from '../i18n/fr-support';
import { supportLine } from './support-summary';

const words = frSupport.support.line as Record<string, string>;
const t = ((key: string) => words[key.replace('support.line.', '')] ?? key) as unknown as TFunction;

describe('supportLine', () => {
  it('says the three facts in one line, as the agent and the desk read them', () => {
    expect(supportLine(t, { papersReady: true, consentGiven: true, facilitatorPresent: true, total: 8 })).toBe('Pièces prêtes · consentement recueilli · animateur présent');
    expect(supportLine(t, { papersReady: false, consentGiven: false, facilitatorPresent: false, total: 8 })).toBe('Pièces à compléter · consentement non recueilli · usager seul en cabine');
  });

  it('leaves out what is not known: no checklist, presence not said', () => {
    expect(supportLine(t, { papersReady: true, consentGiven: false, facilitatorPresent: null, total: 0 })).toBe('Consentement non recueilli');
  });
});
