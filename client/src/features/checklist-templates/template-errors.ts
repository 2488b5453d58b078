import type { FieldErrors } from '@shared/errors/error-codes';
import { CHECKLIST_PARTS, ITEM_LABEL_MAX, TEMPLATE_ITEMS_MAX } from '@shared/support/support';
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessage, type ShownError } from '../../lib/api-errors';
import type { DraftItem } from './draft-items';

/** The API's shortest label (SaveTemplateDto). */
export const LABEL_MIN = 2;
/** A label's length bounds, as the rules and the messages say them. */
export const LABEL_LIMITS = { min: LABEL_MIN, max: ITEM_LABEL_MAX };

/** How the summary names an item: its part and its place in it. */
function itemNames(t: TFunction, items: readonly DraftItem[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const part of CHECKLIST_PARTS) {
    items
      .filter((i) => i.part === part)
      .forEach((item, i) => names.set(item.key, t('checklistTemplates.items.name', { part: t(`checklistTemplates.parts.${part}`), position: i + 1 })));
  }
  return names;
}

/** The summary of a refusal: the code's sentence, then each item concerned named with its reason. */
function summarize(t: TFunction, items: readonly DraftItem[], fields: Record<string, string>, others: string[] = []): string {
  const names = itemNames(t, items);
  const named = items.flatMap((item) => (fields[item.key] ? [`${names.get(item.key)} : ${fields[item.key]}`] : []));
  return `${t('errors.codes.VALIDATION_FAILED')} ${[...named, ...others].join(' ; ')}.`;
}

/** What the API would refuse, checked before sending, worded like its answer. */
export function checkItems(t: TFunction, items: readonly DraftItem[]): ShownError | null {
  if (items.length === 0) return { summary: t('checklistTemplates.errors.noItems'), fields: {} };
  if (items.length > TEMPLATE_ITEMS_MAX) return { summary: t('checklistTemplates.errors.tooMany', { max: TEMPLATE_ITEMS_MAX }), fields: {} };
  const fields: Record<string, string> = {};
  for (const item of items) {
    const length = item.label.trim().length;
    if (length === 0) fields[item.key] = fieldMessage(t, 'REQUIRED');
    else if (length < LABEL_MIN) fields[item.key] = t('checklistTemplates.errors.labelTooShort', LABEL_LIMITS);
    else if (length > ITEM_LABEL_MAX) fields[item.key] = t('checklistTemplates.errors.labelTooLong', LABEL_LIMITS);
  }
  return Object.keys(fields).length > 0 ? { summary: summarize(t, items, fields), fields } : null;
}

/**
 * A refused save in French: the API names items by their index in what was sent (`items.3.label`);
 * each message goes under that item's label, keyed like the form's fields.
 */
export function describeSaveError(t: TFunction, error: unknown, sent: readonly DraftItem[]): ShownError {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || !error.fields) return { summary: errorMessage(t, error), fields: {} };
  const fields: Record<string, string> = {};
  const others: string[] = [];
  for (const [name, value] of Object.entries(error.fields)) {
    if (Array.isArray(value)) {
      const code = value[0] ?? null;
      const message =
        name === 'items' && code === 'TOO_MANY'
          ? t('checklistTemplates.errors.tooMany', { max: TEMPLATE_ITEMS_MAX })
          : name === 'items' && (code === 'TOO_SHORT' || code === 'REQUIRED')
            ? t('checklistTemplates.errors.noItems')
            : `${t(`checklistTemplates.fieldNames.${name}`, { defaultValue: name })} : ${fieldMessage(t, code)}`;
      if (name === 'theme') fields.theme = fieldMessage(t, code);
      others.push(message);
    } else if (name === 'items') {
      for (const [index, itemFields] of Object.entries(value)) {
        const item = sent[Number(index)];
        if (item && !fields[item.key]) fields[item.key] = itemMessage(t, itemFields);
      }
    }
  }
  return { summary: summarize(t, sent, fields, others), fields };
}

/** The first reason given for one item (its label's first, then its id's). */
function itemMessage(t: TFunction, itemFields: FieldErrors[string]): string {
  if (Array.isArray(itemFields)) return fieldMessage(t, itemFields[0] ?? null);
  const label = itemFields.label;
  if (Array.isArray(label)) {
    if (label[0] === 'TOO_SHORT') return t('checklistTemplates.errors.labelTooShort', LABEL_LIMITS);
    if (label[0] === 'TOO_LONG') return t('checklistTemplates.errors.labelTooLong', LABEL_LIMITS);
    return fieldMessage(t, label[0] ?? null);
  }
  const id = itemFields.id;
  if (Array.isArray(id)) return t('checklistTemplates.errors.id', { reason: fieldMessage(t, id[0] ?? null) });
  const part = itemFields.part;
  return fieldMessage(t, Array.isArray(part) ? (part[0] ?? null) : null);
}
