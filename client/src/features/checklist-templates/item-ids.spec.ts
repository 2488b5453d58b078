import { ITEM_ID_PATTERN } from '@shared/support/support';
import { slugify, uniqueItemId, withItemIds } from './item-ids';

describe('slugify', () => {
  it.each([
    ['Pièce d’identité en cours de validité', 'piece-d-identite-en-cours-de-validite'],
    ["Accès à l'espace particulier impots.gouv.fr", 'acces-a-l-espace-particulier-impots-gouv-fr'],
    ['  Œuvre   ÉTÉ -- Noël  ', 'oeuvre-ete-noel'],
    ['Formulaire n° 2042 (recto/verso)', 'formulaire-n-2042-recto-verso'],
    ['!!!', ''],
  ])('%s → %s', (label, slug) => {
    expect(slugify(label)).toBe(slug);
  });
});

describe('uniqueItemId', () => {
  it('is the label’s slug when it is free', () => {
    expect(uniqueItemId('Justificatif de domicile', new Set(['identite']))).toBe('justificatif-de-domicile');
  });

  it('numbers an id already taken', () => {
    expect(uniqueItemId('Identité', new Set(['identite', 'identite-2']))).toBe('identite-3');
  });

  it('makes an id from a label without letters or digits', () => {
    expect(uniqueItemId('…', new Set())).toBe('element');
    expect(uniqueItemId('?', new Set(['element']))).toBe('element-2');
  });

  it('cuts a long label at a word’s end, within the length the API accepts, suffix included', () => {
    const label = 'Attestation de la caisse d’allocations familiales datant de moins de trois mois';
    const first = uniqueItemId(label, new Set());
    const second = uniqueItemId(label, new Set([first]));

    expect(first).toBe('attestation-de-la-caisse-d-allocations');
    expect(second).toBe('attestation-de-la-caisse-d-allocations-2');
    for (const id of [first, second]) expect(id).toMatch(ITEM_ID_PATTERN);
  });

  it('cuts a single long word where it must', () => {
    const id = uniqueItemId('a'.repeat(60), new Set(['a'.repeat(40)]));

    expect(id).toBe(`${'a'.repeat(38)}-2`);
    expect(id).toMatch(ITEM_ID_PATTERN);
  });
});

describe('withItemIds', () => {
  it('keeps the ids items have, even when their wording changed', () => {
    const items = [
      { id: 'identite', label: 'Carte d’identité ou passeport' },
      { id: 'contact', label: 'Téléphone de l’usager' },
    ];

    expect(withItemIds(items).map((i) => i.id)).toEqual(['identite', 'contact']);
  });

  it('gives new items ids unique among all, kept ones first, new ones in list order', () => {
    const items = [
      { id: null, label: 'Identité' },
      { id: 'identite', label: 'Pièce d’identité' },
      { id: null, label: 'Identité' },
      { id: null, label: '' },
    ];

    expect(withItemIds(items).map((i) => i.id)).toEqual(['identite-2', 'identite', 'identite-3', 'element']);
  });

  it('keeps the other fields and does not change the items given', () => {
    const items = [{ id: null as string | null, label: 'Bail', part: 'before' as const }];

    expect(withItemIds(items)).toEqual([{ id: 'bail', label: 'Bail', part: 'before' }]);
    expect(items[0]!.id).toBeNull();
  });
});
