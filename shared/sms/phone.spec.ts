import { citizenChannels, classifyLandline, classifyPhone, displayPhone, FRENCH_LANDLINE, normalizePhone, SMS_CAPABLE, VALID_PHONE } from './phone';

describe('citizen phone numbers', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['07.12.34.56.78', '+33712345678'],
    ['02-38-30-12-34', '+33238301234'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    // Overseas numbers dialled the national way get their own country code, not +33.
    ['0692 12 34 56', '+262692123456'],
    ['0639 12 34 56', '+262639123456'],
    ['0262 12 34 56', '+262262123456'],
    ['0690 12 34 56', '+590690123456'],
    ['0694 12 34 56', '+594694123456'],
    ['0696 12 34 56', '+596696123456'],
    ['+32 470 12 34 56', '+32470123456'],
    ['06 12 34', '061234'],
  ])('normalises %j to %j', (typed, e164) => expect(normalizePhone(typed)).toBe(e164));

  it.each([
    // Metropolitan mobiles and the overseas mobile ranges.
    ['+33612345678', 'mobile'],
    ['+33712345678', 'mobile'],
    ['+262692123456', 'mobile'],
    ['+262693123456', 'mobile'],
    ['+262639123456', 'mobile'],
    ['+590690123456', 'mobile'],
    ['+590691123456', 'mobile'],
    ['+594694123456', 'mobile'],
    ['+596696123456', 'mobile'],
    ['+596697123456', 'mobile'],
    // Landlines (01–05, 09), special numbers (08) and overseas landlines cannot receive an SMS.
    ['+33123456789', 'not_mobile'],
    ['+33238301234', 'not_mobile'],
    ['+33512345678', 'not_mobile'],
    ['+33912345678', 'not_mobile'],
    ['+33812345678', 'not_mobile'],
    ['+262262123456', 'not_mobile'],
    ['+590590123456', 'not_mobile'],
    ['+596596123456', 'not_mobile'],
    // Other countries: mobile ranges are not known here, the number is taken as a mobile.
    ['+32470123456', 'mobile'],
    ['+4915112345678', 'mobile'],
    ['+269639123456', 'mobile'],
    // Not numbers, or a French number of the wrong length.
    ['+3361234567', 'invalid'],
    ['+336123456789', 'invalid'],
    ['+2626921234', 'invalid'],
    ['0612345678', 'invalid'],
    ['+0612345678', 'invalid'],
    ['+1234567', 'invalid'],
    ['+1234567890123456', 'invalid'],
    ['06abc', 'invalid'],
  ])('%s is %s', (e164, kind) => expect(classifyPhone(e164)).toBe(kind));

  it('writes its patterns so that PostgreSQL reads them (no escapes or groups it lacks)', () => {
    for (const pattern of [VALID_PHONE, SMS_CAPABLE, FRENCH_LANDLINE]) {
      // Only \d, \+ and \\ escapes; (?: and (?! groups; no flags.
      expect(pattern.source.replace(/\\[d+]|\(\?[:!]/g, '')).not.toMatch(/\\|\(\?/);
      expect(pattern.flags).toBe('');
    }
  });

  it.each([
    // The landline field: 01–05 and 09, metropolitan or overseas, as typed at the desk.
    ['01 23 45 67 89', 'landline'],
    ['02 38 30 12 34', 'landline'],
    ['03 12 34 56 78', 'landline'],
    ['04 12 34 56 78', 'landline'],
    ['05 12 34 56 78', 'landline'],
    ['09 12 34 56 78', 'landline'],
    ['+33 2 38 30 12 34', 'landline'],
    ['0262 12 34 56', 'landline'],
    ['0263 12 34 56', 'landline'],
    ['0269 12 34 56', 'landline'],
    ['0590 12 34 56', 'landline'],
    ['0594 12 34 56', 'landline'],
    ['0596 12 34 56', 'landline'],
    // A number an SMS can reach belongs in the mobile field: French and overseas mobiles, foreign numbers.
    ['06 12 34 56 78', 'mobile'],
    ['07 12 34 56 78', 'mobile'],
    ['0692 12 34 56', 'mobile'],
    ['0696 12 34 56', 'mobile'],
    ['+32 2 123 45 67', 'mobile'],
    // Service numbers are nobody's home phone.
    ['08 00 12 34 56', 'other'],
    ['08 92 12 34 56', 'other'],
    // Not numbers.
    ['02 38 30 12', 'invalid'],
    ['02 38 30 12 34 5', 'invalid'],
    ['fixe', 'invalid'],
    ['', 'invalid'],
  ])('in the landline field, %j is %s', (typed, kind) => expect(classifyLandline(normalizePhone(typed))).toBe(kind));

  it('never calls a landline a mobile, nor a mobile a landline', () => {
    for (const typed of ['01 23 45 67 89', '09 12 34 56 78', '0262 12 34 56', '0590 12 34 56']) expect(classifyPhone(normalizePhone(typed))).toBe('not_mobile');
    for (const typed of ['06 12 34 56 78', '0692 12 34 56', '0639 12 34 56']) expect(FRENCH_LANDLINE.test(normalizePhone(typed))).toBe(false);
  });

  it.each([
    ['+33612345678', '06 12 34 56 78'],
    ['+33238301234', '02 38 30 12 34'],
    ['+262692123456', '06 92 12 34 56'],
    ['+32470123456', '+32470123456'],
  ])('shows %s as %j', (e164, shown) => expect(displayPhone(e164)).toBe(shown));

  it('sends an SMS to a mobile only, an e-mail to an address, and neither otherwise', () => {
    expect(citizenChannels({ phone: '+33612345678', email: null })).toEqual({ sms: true, email: false });
    expect(citizenChannels({ phone: '+33238301234', email: 'a@b.fr' })).toEqual({ sms: false, email: true });
    expect(citizenChannels({ phone: '+33238301234', email: null })).toEqual({ sms: false, email: false });
    expect(citizenChannels({ phone: null, email: null })).toEqual({ sms: false, email: false });
  });
});
