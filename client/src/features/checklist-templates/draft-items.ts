import { CHECKLIST_PARTS } from '@shared/support/support';
import type { ChecklistItem, ChecklistPart } from './api/templates';

/** An item being edited: `key` names it on screen; `id` is null until a new item is first saved. */
export interface DraftItem {
  key: string;
  id: string | null;
  part: ChecklistPart;
  label: string;
}

/** Items in the order they are shown and saved: before, during, after; each part in its own order. */
export const byPart = <T extends { part: ChecklistPart }>(items: readonly T[]): T[] => CHECKLIST_PARTS.flatMap((part) => items.filter((i) => i.part === part));

/** Whether the edits come back to what is saved (labels compared as they would be sent: trimmed). */
export const sameItems = (draft: readonly DraftItem[], saved: readonly ChecklistItem[]) =>
  draft.length === saved.length && draft.every((d, i) => d.id === saved[i]!.id && d.part === saved[i]!.part && d.label.trim() === saved[i]!.label);
