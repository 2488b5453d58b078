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

  it('keeps the accents GSM-7 has, in GSM-7', () => {
    const text = 'Votre rendez-vous à la préfecture est confirmé. Où ? Là-bas, près de la mairie. Ça ira ? Très bien, Élise.';
    expect(measureSms(text)).toMatchObject({ text, encoding: 'GSM-7', segments: 1 });
  });

  it('keeps a short text with other accents as written, in UCS-2 (two parts at most)', () => {
    const text = 'Votre rendez-vous à la préfecture est confirmé : fenêtre « impôts », l’agent vous appellera.';
    const m = measureSms(text);
    expect(m).toMatchObject({ text, encoding: 'UCS-2', segments: 2 });
    expect(measureSms('Ça y est : rendez-vous à 14 h.')).toMatchObject({ text: 'Ça y est : rendez-vous à 14 h.', encoding: 'GSM-7' });
    expect(measureSms('Fenêtre 3.')).toMatchObject({ text: 'Fenêtre 3.', encoding: 'UCS-2', segments: 1 });
  });

  it('transliterates only what GSM-7 lacks once UCS-2 would take more than two parts', () => {
    const text = `${'Votre rendez-vous à la préfecture est confirmé : fenêtre « impôts », l’agent vous appellera. '.repeat(2)}Merci.`;
    expect([...text].length).toBeGreaterThan(134);
    const m = measureSms(text);
    expect(m.encoding).toBe('GSM-7');
    expect(m.text).toBe(
      `${'Votre rendez-vous à la préfecture est confirmé : fenetre " impots ", l\'agent vous appellera. '.repeat(2)}Merci.`,
    );
    expect(m.segments).toBe(2);
  });

  it('sends the original text in UCS-2 when one character cannot be transliterated, even when long', () => {
    expect(measureSms('Chère Mme Nguyễn, à bientôt')).toMatchObject({ text: 'Chère Mme Nguyễn, à bientôt', encoding: 'UCS-2' });
    const long = `Chère Mme Nguyễn, ${'votre rendez-vous est déplacé, fenêtre 3. '.repeat(5)}`;
    expect(measureSms(long)).toMatchObject({ text: long, encoding: 'UCS-2', segments: 4 });
  });

  it.each([
    ['a', 1],
    ['€', 2],
    ['\n', 1],
    ['ê', null],
  ])('septets of %j', (ch, n) => expect(gsm7Septets(ch)).toBe(n));
});
