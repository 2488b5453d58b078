import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldErrors } from '@shared/errors/error-codes';
import { ApiError } from '../../../lib/api';
import { getSupport, patchSupport, type Support, type SupportPatch } from '../api/support';

/** The fields a facilitator fills, each saved (and checked for conflicts) on its own. */
export interface Draft {
  answers: Record<string, { state: Support['items'][number]['state']; comment: string }>;
  facilitatorPresent: Support['facilitatorPresent'];
  autonomy: Support['autonomy'];
  equipment: Support['equipment'];
  themes: Support['themes'];
  redirection: Support['redirection'];
  notes: string;
}
type SimpleKey = Exclude<keyof Draft, 'answers'>;
/** `notes`, `autonomy`… or `answers.<item id>`: the server's revision keys. */
export type FieldKey = SimpleKey | `answers.${string}`;

export type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'error';

const SIMPLE: SimpleKey[] = ['facilitatorPresent', 'autonomy', 'equipment', 'themes', 'redirection', 'notes'];
/** Typing pauses this long before a save; a choice (a radio, a box) saves almost at once. */
const TYPING_MS = 700;
const CHOICE_MS = 150;
const RETRY_MS = [2_000, 5_000, 10_000, 20_000];

export function draftOf(s: Support): Draft {
  return {
    answers: Object.fromEntries(s.items.map((i) => [i.id, { state: i.state, comment: i.comment }])),
    facilitatorPresent: s.facilitatorPresent,
    autonomy: s.autonomy,
    equipment: s.equipment,
    themes: s.themes,
    redirection: s.redirection,
    notes: s.notes,
  };
}

const without = <T extends object>(record: T, key: PropertyKey): T => Object.fromEntries(Object.entries(record).filter(([k]) => k !== key)) as T;
const valueOf = (d: Draft, key: FieldKey): unknown => (key.startsWith('answers.') ? d.answers[key.slice(8)] : d[key as SimpleKey]);

/** The field keys an EDIT_CONFLICT answer names. */
function conflictKeys(fields: FieldErrors | undefined): FieldKey[] {
  if (!fields) return [];
  const keys: FieldKey[] = SIMPLE.filter((k) => k in fields);
  const answers = fields.answers;
  if (answers && !Array.isArray(answers)) keys.push(...Object.keys(answers).map((id) => `answers.${id}` as FieldKey));
  return keys;
}

/**
 * The support form, saved as the facilitator types: each change marks its field, a short pause
 * sends the marked fields with the revision they were based on. A dropped network keeps them and
 * tries again (and as soon as the browser is back online); a field someone changed on another
 * device meanwhile is never overwritten: it is shown with both values for the facilitator to choose.
 */
export function useSupportForm(consultationId: string) {
  const [server, setServer] = useState<Support | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflicts, setConflicts] = useState<Partial<Record<FieldKey, unknown>>>({});
  const serverRef = useRef<Support | null>(null);
  const draftRef = useRef<Draft | null>(null);
  const dirty = useRef(new Set<FieldKey>());
  /**
   * The revision each field being edited here was read at. NOTE: a refresh may bring newer values
   * of other fields meanwhile; a field's change must still be checked against what it was based
   * on, or a change made on another device to that same field would be overwritten unseen.
   */
  const baseOf = useRef(new Map<FieldKey, number>());
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempt = useRef(0);

  const adopt = useCallback((fresh: Support, keepDirty: boolean) => {
    serverRef.current = fresh;
    setServer(fresh);
    const incoming = draftOf(fresh);
    const current = draftRef.current;
    // Fields being edited here keep what was typed; the others take the stored values.
    const next: Draft = keepDirty && current ? { ...incoming, answers: { ...incoming.answers } } : incoming;
    if (keepDirty && current) {
      for (const key of dirty.current) {
        if (key.startsWith('answers.')) next.answers[key.slice(8)] = current.answers[key.slice(8)]!;
        else (next as unknown as Record<string, unknown>)[key] = current[key as SimpleKey];
      }
    }
    draftRef.current = next;
    setDraft(next);
  }, []);

  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), ms);
  }, []);

  const flush = useCallback(async () => {
    const base = serverRef.current;
    const d = draftRef.current;
    if (inFlight.current || !base || !d || dirty.current.size === 0) return;
    // One request per base: fields read at different revisions are checked each against its own.
    const baseOfKey = (k: FieldKey) => baseOf.current.get(k) ?? base.revision;
    const oldest = Math.min(...[...dirty.current].map(baseOfKey));
    const keys = [...dirty.current].filter((k) => baseOfKey(k) === oldest);
    const patch: SupportPatch = { base: oldest };
    const answers: NonNullable<SupportPatch['answers']> = [];
    for (const key of keys) {
      if (key.startsWith('answers.')) {
        const itemId = key.slice(8);
        const a = d.answers[itemId]!;
        answers.push({ itemId, state: a.state, comment: a.comment });
      } else (patch as unknown as Record<string, unknown>)[key] = d[key as SimpleKey];
    }
    if (answers.length > 0) patch.answers = answers;
    const sent = new Map(keys.map((k) => [k, JSON.stringify(valueOf(d, k))]));
    inFlight.current = true;
    setState('saving');
    try {
      const fresh = await patchSupport(consultationId, patch);
      attempt.current = 0;
      for (const [key, value] of sent) {
        if (JSON.stringify(valueOf(draftRef.current!, key)) === value) {
          dirty.current.delete(key);
          baseOf.current.delete(key);
        } else baseOf.current.set(key, fresh.revision); // typed on meanwhile, from what was just stored
      }
      adopt(fresh, true);
      setError(null);
      setSavedAt(new Date());
      setState(dirty.current.size > 0 ? 'saving' : 'saved');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'EDIT_CONFLICT') {
        const clashing = conflictKeys(e.fields);
        const fresh = await getSupport(consultationId).catch(() => null);
        if (fresh) {
          const theirs = draftOf(fresh);
          setConflicts((c) => ({ ...c, ...Object.fromEntries(clashing.map((k) => [k, valueOf(theirs, k)])) }));
          for (const k of clashing) {
            dirty.current.delete(k);
            baseOf.current.delete(k);
          }
          // Our values of the clashing fields stay on screen until the facilitator chooses.
          const mine = draftRef.current!;
          adopt(fresh, true);
          const kept = { ...draftRef.current!, answers: { ...draftRef.current!.answers } };
          for (const k of clashing) {
            if (k.startsWith('answers.')) kept.answers[k.slice(8)] = mine.answers[k.slice(8)]!;
            else (kept as unknown as Record<string, unknown>)[k] = mine[k as SimpleKey];
          }
          draftRef.current = kept;
          setDraft(kept);
        }
        setState(dirty.current.size > 0 ? 'saving' : 'error');
      } else if (e instanceof ApiError && (e.code === 'NETWORK' || e.status >= 500)) {
        setState('offline');
        inFlight.current = false;
        schedule(RETRY_MS[Math.min(attempt.current++, RETRY_MS.length - 1)]!);
        return;
      } else {
        // Refused (a 4xx other than a conflict): said on the page, the fields go back to what is stored.
        setError(e);
        setState('error');
        for (const key of keys) {
          dirty.current.delete(key);
          baseOf.current.delete(key);
        }
        if (serverRef.current) adopt(serverRef.current, true);
      }
    } finally {
      inFlight.current = false;
    }
    if (dirty.current.size > 0) schedule(CHOICE_MS);
  }, [adopt, consultationId, schedule]);
  const flushRef = useRef(flush);
  flushRef.current = flush;

  /** Reads the record again (another device changed it); fields being edited here are kept. */
  const refresh = useCallback(async () => {
    const fresh = await getSupport(consultationId).catch(() => null);
    if (fresh && (!serverRef.current || fresh.revision !== serverRef.current.revision || fresh.consents.length !== serverRef.current.consents.length)) adopt(fresh, true);
  }, [adopt, consultationId]);

  useEffect(() => {
    let live = true;
    getSupport(consultationId)
      .then((s) => live && adopt(s, false))
      .catch((e: unknown) => live && setError(e));
    const online = () => void flushRef.current();
    window.addEventListener('online', online);
    // Leaving with changes not yet stored: the browser asks first.
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current.size > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      live = false;
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', beforeUnload);
      if (timer.current) clearTimeout(timer.current);
      // Unmounting (another page of the app): what is marked still leaves.
      void flushRef.current();
    };
  }, [adopt, consultationId]);

  const change = useCallback(
    (key: FieldKey, update: (d: Draft) => Draft, typing = false) => {
      const d = draftRef.current;
      if (!d) return;
      const next = update(d);
      draftRef.current = next;
      setDraft(next);
      if (!dirty.current.has(key) && serverRef.current) baseOf.current.set(key, serverRef.current.revision);
      dirty.current.add(key);
      setConflicts((c) => (key in c ? without(c, key) : c));
      schedule(typing ? TYPING_MS : CHOICE_MS);
    },
    [schedule],
  );

  const setField = useCallback(<K extends SimpleKey>(key: K, value: Draft[K], typing = false) => change(key, (d) => ({ ...d, [key]: value }), typing), [change]);

  const setAnswer = useCallback(
    (itemId: string, patch: Partial<Draft['answers'][string]>, typing = false) =>
      change(`answers.${itemId}`, (d) => ({ ...d, answers: { ...d.answers, [itemId]: { ...(d.answers[itemId] ?? { state: 'not_done', comment: '' }), ...patch } } }), typing),
    [change],
  );

  /** The facilitator chose for a field changed on both devices: theirs is taken as stored, mine is sent again. */
  const resolve = useCallback(
    (key: FieldKey, keep: 'mine' | 'theirs') => {
      const theirs = conflicts[key];
      setConflicts((c) => without(c, key));
      if (keep === 'mine') {
        // Theirs has been seen: mine now replaces the stored value knowingly.
        baseOf.current.set(key, serverRef.current?.revision ?? 0);
        dirty.current.add(key);
        schedule(CHOICE_MS);
        return;
      }
      const d = draftRef.current!;
      const next = key.startsWith('answers.') ? { ...d, answers: { ...d.answers, [key.slice(8)]: theirs as Draft['answers'][string] } } : { ...d, [key]: theirs };
      draftRef.current = next;
      setDraft(next);
    },
    [conflicts, schedule],
  );

  return { server, draft, state, savedAt, error, conflicts, setField, setAnswer, resolve, refresh, adopt, hasUnsaved: () => dirty.current.size > 0 };
}
