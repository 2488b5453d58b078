import { gsm7Septets, measureSms, transliterate } from './gsm7';

describe('GSM-7 / UCS-2 SMS measure', () => {
  it.each([
    // [name, input, encoding, units, segments]
    ['empty', '', 'GSM-7', 0, 0],
    ['plain ASCII', 'Bonjour', 'GSM-7', 7, 1],
    ['160 basic septets fit one part', 'a'.repeat(160), 'GSM-7', 160, 1],
    ['161 septets need two parts of 153', 'a'.repeat(161), 'GSM-7', 161, 2],
    ['306 septets: two full parts', 'a'.repeat(306), 'GSM-7', 306, 2],
    ['307 septets: three parts', 'a'.repeat(307), 'GSM-7', 307, 3],
    ['accents in the basic table cost 1', 'éèùìòÇà', 'GSM-7', 7, 1],
    ['extension characters cost 2', '€[]{}~^|\\', 'GSM-7', 18, 1],
    ['80 euro signs are 160 septets', '€'.repeat(80), 'GSM-7', 160, 1],
    ['81 euro signs overflow', '€'.repeat(81), 'GSM-7', 162, 2],
    // 152 'a' then '€': the escape pair cannot straddle, so part 1 holds 152 and part 2 starts with €.
    ['escape pair not split across parts', 'a'.repeat(152) + '€' + 'a'.repeat(152), 'GSM-7', 306, 3],
    ['emoji forces UCS-2', 'Rendez-vous 🙂', 'UCS-2', 14, 1],
    ['70 UCS-2 units fit one part', 'Ж'.repeat(70), 'UCS-2', 70, 1],
    ['71 UCS-2 units need two parts of 67', 'Ж'.repeat(71), 'UCS-2', 71, 2],
    ['134 units: two parts', 'Ж'.repeat(134), 'UCS-2', 134, 2],
    ['surrogate pair not split', 'Ж'.repeat(66) + '🙂' + 'Ж'.repeat(10), 'UCS-2', 78, 2],
  ])('%s', (_name, input, encoding, units, segments) => {
    const m = measureSms(input);
    expect({ encoding: m.encoding, units: m.units, segments: m.segments }).toEqual({ encoding, units, segments });
  });

  it.each([
    ['ê â î ô û ë ï', 'e a i o u e i'],
    ['ç reste lisible', 'c reste lisible'],
    ['Œuvre cœur', 'OEuvre coeur'],
    ['« Vos papiers »', '" Vos papiers "'],
    ['l’agent', "l'agent"],
    ['14\u00a0h\u202f30', '14 h 30'],
    ['déjà où là-bas', 'déjà où là-bas'],
  ])('transliterates %j', (input, expected) => {
    expect(transliterate(input)).toBe(expected);
  });

  it('keeps French text in GSM-7 after transliteration', () => {
    const m = measureSms('Votre rendez-vous à la préfecture est confirmé : fenêtre « impôts », l’agent vous appellera.');
    expect(m.encoding).toBe('GSM-7');
    expect(m.text).toBe('Votre rendez-vous à la préfecture est confirmé : fenetre " impots ", l\'agent vous appellera.');
  });

  it('sends the original text in UCS-2 when one character cannot be transliterated', () => {
    const m = measureSms('Chère Mme Nguyễn, à bientôt');
    expect(m.encoding).toBe('UCS-2');
    expect(m.text).toBe('Chère Mme Nguyễn, à bientôt');
  });

  it.each([
    ['a', 1],
    ['€', 2],
    ['\n', 1],
    ['ê', null],
  ])('septets of %j', (ch, n) => expect(gsm7Septets(ch)).toBe(n));
});
