/**
 * Item ids of a checklist template. An id is what a filled checklist's answers point to, so an item
 * keeps its id when its wording changes; only a new item gets one, made from its label.
 */

/** The longest id the API accepts (ITEM_ID_PATTERN in shared/support). */
const ID_MAX = 40;
/** The stem of an id whose label has no letter or digit to make one from. */
const FALLBACK = 'element';

/** A label as lowercase ASCII words joined by dashes: "Pièce d’identité (recto)" → "piece-d-identite-recto". */
export function slugify(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A slug cut to `max` characters, at a word's end when there is one. */
function shorten(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const end = slug[max] === '-' ? max : cut.lastIndexOf('-');
  return (end > 0 ? cut.slice(0, end) : cut).replace(/-+$/, '');
}

/** A new item's id from its label, unique among `taken`: the slug, then "-2", "-3"… */
export function uniqueItemId(label: string, taken: ReadonlySet<string>): string {
  const stem = slugify(label) || FALLBACK;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const id = shorten(stem, ID_MAX - suffix.length) + suffix;
    if (!taken.has(id)) return id;
  }
}

/**
 * Every item with an id: the ones that have one keep it, each new one (id null) gets one from its
 * label, unique among all of them (in list order, so the same list always gets the same ids).
 */
export function withItemIds<T extends { id: string | null; label: string }>(items: readonly T[]): Array<T & { id: string }> {
  const taken = new Set(items.flatMap((item) => (item.id ? [item.id] : [])));
  return items.map((item) => {
    if (item.id) return { ...item, id: item.id };
    const id = uniqueItemId(item.label, taken);
    taken.add(id);
    return { ...item, id };
  });
}
