import { createInstance } from 'i18next';
import { fr } from '../../i18n/fr';
import { movedNumber, phoneProblem } from './citizen-phones';

const i18n = createInstance();
void i18n.init({ lng: 'fr', resources: { fr: { translation: fr } }, interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false });
const t = i18n.t.bind(i18n);

describe('the booking form’s two phone fields', () => {
  it.each([
    ['phone', '06 12 34 56 78', null],
    ['phone', '+32 470 12 34 56', null],
    ['phone', '02 38 30 12 34', { code: 'NOT_A_MOBILE', belongsIn: 'landline' }],
    ['phone', '0262 12 34 56', { code: 'NOT_A_MOBILE', belongsIn: 'landline' }],
    ['phone', '08 00 12 34 56', { code: 'NOT_A_MOBILE', belongsIn: null }],
    ['phone', '06 12 34', { code: 'INVALID_PHONE', belongsIn: null }],
    ['landline', '02 38 30 12 34', null],
    ['landline', '09 12 34 56 78', null],
    ['landline', '0590 12 34 56', null],
    ['landline', '06 12 34 56 78', { code: 'NOT_A_LANDLINE', belongsIn: 'phone' }],
    ['landline', '+32 2 123 45 67', { code: 'NOT_A_LANDLINE', belongsIn: 'phone' }],
    ['landline', '08 92 12 34 56', { code: 'NOT_A_LANDLINE', belongsIn: null }],
    ['landline', '02 38', { code: 'INVALID_PHONE', belongsIn: null }],
    ['phone', '   ', null],
    ['landline', '', null],
  ] as const)('%s %j: %j', (field, typed, problem) => expect(phoneProblem(field, typed)).toEqual(problem));

  it('moves a number written the way it is read', () => {
    expect(movedNumber(' 0238301234 ')).toBe('02 38 30 12 34');
    expect(movedNumber('+33 6 12 34 56 78')).toBe('06 12 34 56 78');
  });

  it('says in French what to do with a number in the wrong field', () => {
    expect(t('errors.fields.NOT_A_MOBILE')).toBe('Ce numéro est un fixe : il ne peut pas recevoir de SMS. Saisissez-le dans « Téléphone fixe » : l’usager sera appelé.');
    expect(t('errors.fields.NOT_A_LANDLINE')).toMatch(/^Ce numéro n’est pas un fixe français/);
    expect(t('landline.label')).toBe('Téléphone fixe (pour être appelé)');
    expect(t('scheduling.fieldNames.citizen.landline')).toBe('Téléphone fixe');
  });
});
