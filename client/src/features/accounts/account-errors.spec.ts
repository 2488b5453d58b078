import { createInstance } from 'i18next';
import { fr } from '../../i18n/fr';
import { ApiError } from '../../lib/api';
import { describeAccountError, formError, newPasswordProblems } from './account-errors';

const i18n = createInstance();
void i18n.init({ lng: 'fr', resources: { fr: { translation: fr } }, interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false });
const t = i18n.t.bind(i18n);

describe('newPasswordProblems', () => {
  it('asks for a password, 12 characters at least, typed the same twice', () => {
    expect(newPasswordProblems(t, '', '')).toEqual([['newPassword', 'à renseigner']]);
    expect(newPasswordProblems(t, 'onze carac.', 'onze carac.')).toEqual([['newPassword', '12 caractères au moins']]);
    expect(newPasswordProblems(t, 'douze carac.', 'douze carac!', 'password')).toEqual([['confirmPassword', 'les deux mots de passe sont différents']]);
    expect(newPasswordProblems(t, 'douze carac.', 'douze carac.')).toEqual([]);
  });
});

describe('formError', () => {
  it('names each field in the summary and puts its message under it', () => {
    expect(formError(t, [['email', 'à renseigner'], ['confirmPassword', 'les deux mots de passe sont différents']])).toEqual({
      summary: 'Certains champs sont à corriger. Adresse électronique : à renseigner ; Confirmation du mot de passe : les deux mots de passe sont différents.',
      fields: { email: 'à renseigner', confirmPassword: 'les deux mots de passe sont différents' },
    });
    expect(formError(t, [])).toBeNull();
  });
});

describe('describeAccountError', () => {
  it('words the API’s account codes in French', () => {
    expect(describeAccountError(t, new ApiError(409, 'EMAIL_TAKEN', 'taken', { email: ['EMAIL_TAKEN'] }))).toEqual({
      summary: 'Un compte utilise déjà cette adresse électronique.',
      fields: { email: 'adresse déjà utilisée par un compte' },
    });
    const wrong = describeAccountError(t, new ApiError(422, 'VALIDATION_FAILED', 'wrong', { currentPassword: ['WRONG_PASSWORD'] }));
    expect(wrong.summary).toBe('Certains champs sont à corriger. Mot de passe actuel : mot de passe actuel incorrect.');
    expect(describeAccountError(t, new ApiError(410, 'TOKEN_EXPIRED', 'expired')).summary).toBe('Ce lien a expiré. Demandez-en un nouveau.');
    expect(describeAccountError(t, new ApiError(403, 'OWN_ACCOUNT', 'own')).summary).toMatch(/^Vous ne pouvez pas désactiver votre propre compte/);
  });
});
