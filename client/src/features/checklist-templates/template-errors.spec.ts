import { TEMPLATE_ITEMS_MAX } from '@shared/support/support';
import { createInstance } from 'i18next';
import { fr } from '../../i18n/fr';
import { ApiError } from '../../lib/api';
import type { DraftItem } from './draft-items';
import { checkItems, describeSaveError } from './template-errors';

// The French strings through i18next itself: the messages interpolate limits, parts and positions.
const i18n = createInstance();
void i18n.init({ lng: 'fr', resources: { fr: { translation: fr } }, interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false });
const t = i18n.t.bind(i18n);

let keys = 0;
const item = (part: DraftItem['part'], label: string, id: string | null = null): DraftItem => ({ key: `k${++keys}`, id, part, label });

describe('checkItems', () => {
  it('lets a list through whose labels, trimmed, are long enough', () => {
    expect(checkItems(t, [item('before', ' Pièce d’identité ', 'identite'), item('after', 'Suite')])).toBeNull();
  });

  it('refuses an empty list, and one longer than the API takes, with no field to point at', () => {
    expect(checkItems(t, [])).toEqual({ summary: 'La fiche doit compter au moins un élément : ajoutez-en un avant d’enregistrer.', fields: {} });
    const many = Array.from({ length: TEMPLATE_ITEMS_MAX + 1 }, (_, i) => item('during', `Élément ${i}`));
    expect(checkItems(t, many)).toEqual({ summary: `La fiche compte plus de ${TEMPLATE_ITEMS_MAX} éléments : retirez-en avant d’enregistrer.`, fields: {} });
  });

  it('puts each label’s reason under it and names the item by its part and its place in that part', () => {
    const identity = item('before', 'Pièce d’identité');
    const blank = item('before', '   ');
    const short = item('during', ' x ');
    const long = item('after', 'a'.repeat(161));

    expect(checkItems(t, [identity, blank, short, long])).toEqual({
      summary:
        'Certains champs sont à corriger. Avant le rendez-vous, élément 2 : à renseigner ; Pendant, élément 1 : trop court : 2 caractères au moins ; Après, élément 1 : trop long : 160 caractères au plus.',
      fields: { [blank.key]: 'à renseigner', [short.key]: 'trop court : 2 caractères au moins', [long.key]: 'trop long : 160 caractères au plus' },
    });
  });
});

describe('describeSaveError', () => {
  const sent = [item('before', 'Identité', 'identite'), item('before', 'Identité bis', 'identite'), item('after', 'Suite', 'suite')];

  it('says a refusal other than a validation by its code alone', () => {
    const stale = new ApiError(409, 'TEMPLATE_VERSION_STALE', 'stale');

    expect(describeSaveError(t, stale, sent)).toEqual({ summary: 'Ce modèle vient d’être modifié par quelqu’un d’autre : rechargez-le avant d’enregistrer.', fields: {} });
    expect(describeSaveError(t, new ApiError(0, 'NETWORK', 'network'), sent).summary).toBe('Le serveur ne répond pas. Vérifiez la connexion et réessayez.');
  });

  it('maps the API’s item indexes back to the items sent: each message under its label, named in the summary', () => {
    const refused = new ApiError(422, 'VALIDATION_FAILED', 'items.1.id must be unique', {
      items: { '0': { id: ['DUPLICATE'] }, '1': { id: ['DUPLICATE'] }, '2': { label: ['TOO_SHORT'] } },
    });
    const duplicate = 'identifiant interne présent deux fois : retirez cet élément puis ajoutez-le de nouveau';

    expect(describeSaveError(t, refused, sent)).toEqual({
      summary: `Certains champs sont à corriger. Avant le rendez-vous, élément 1 : ${duplicate} ; Avant le rendez-vous, élément 2 : ${duplicate} ; Après, élément 1 : trop court : 2 caractères au moins.`,
      fields: { [sent[0]!.key]: duplicate, [sent[1]!.key]: duplicate, [sent[2]!.key]: 'trop court : 2 caractères au moins' },
    });
  });

  it('names a field other than the items and puts its reason under it', () => {
    const refused = new ApiError(422, 'VALIDATION_FAILED', 'invalid', { theme: ['NOT_ALLOWED'] });

    expect(describeSaveError(t, refused, sent)).toEqual({ summary: 'Certains champs sont à corriger. Modèle : valeur non prévue.', fields: { theme: 'valeur non prévue' } });
  });
});
