import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldErrors } from '@shared/errors/error-codes';
import { SUPPORT_FIELDS, type SupportField } from '@shared/support/support';
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
type SimpleKey = SupportField;
/** `notes`, `autonomy`… or `answers.<item id>`: the server's revision keys. */
export type FieldKey = SimpleKey | `answers.${string}`;

export type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'error';

/** A field changed here and on another device: both values, until the facilitator chooses. */
export interface Conflict {
  mine: unknown;
  theirs: unknown;
}

/** Typing pauses this long before a save; a choice (a radio, a box) saves almost at once. */
const TYPING_MS = 700;
const CHOICE_MS = 150;
const RETRY_MS = [2_000, 5_000, 10_000, 20_000];
/** Refusals that say nothing about the values (the session, the CSRF token, the rate): they are kept and tried again. */
const TRANSIENT = new Set(['NETWORK', 'UNAUTHENTICATED', 'SESSION_EXPIRED', 'CSRF_MISMATCH', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'INTERNAL', 'UNKNOWN']);

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

const valueOf = (d: Draft, key: FieldKey): unknown => (key.startsWith('answers.') ? d.answers[key.slice(8)] : d[key as SimpleKey]);

function withValue(d: Draft, key: FieldKey, value: unknown): Draft {
  if (key.startsWith('answers.')) return { ...d, answers: { ...d.answers, [key.slice(8)]: value as Draft['answers'][string] } };
  return { ...d, [key]: value };
}

const without = <T extends object>(record: T, key: PropertyKey): T => Object.fromEntries(Object.entries(record).filter(([k]) => k !== key)) as T;

/** The field keys an EDIT_CONFLICT answer names. */
function conflictKeys(fields: FieldErrors | undefined): FieldKey[] {
  if (!fields) return [];
  const keys: FieldKey[] = SUPPORT_FIELDS.filter((k) => k in fields);
  const answers = fields.answers;
  if (answers && !Array.isArray(answers)) keys.push(...Object.keys(answers).map((id) => `answers.${id}` as FieldKey));
  return keys;
}

/** What makes two readings of a record differ for the form: its revision, and its consents (given or revoked). */
const fingerprint = (s: Support) => `${s.revision}|${JSON.stringify(s.consents)}`;

/**
 * The support form, saved as the facilitator types: each change marks its field, a short pause
 * sends the marked fields with the revision they were read at. A dropped network (or an expired
 * session) keeps them and tries again, and at once when the browser is back online; a field someone
 * changed on another device meanwhile is never overwritten: it is shown with both values, and
 * neither is lost until the facilitator chooses.
 */
export function useSupportForm(consultationId: string) {
  const [server, setServer] = useState<Support | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflicts, setConflicts] = useState<Partial<Record<FieldKey, Conflict>>>({});
  const serverRef = useRef<Support | null>(null);
  const draftRef = useRef<Draft | null>(null);
  const conflictsRef = useRef<Partial<Record<FieldKey, Conflict>>>({});
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

  const showDraft = (next: Draft) => {
    draftRef.current = next;
    setDraft(next);
  };
  const showConflicts = (next: Partial<Record<FieldKey, Conflict>>) => {
    conflictsRef.current = next;
    setConflicts(next);
  };

  /** Takes a reading of the record; fields being edited here, or in conflict, keep what is on screen. */
  const adopt = useCallback((fresh: Support) => {
    serverRef.current = fresh;
    setServer(fresh);
    let next = draftOf(fresh);
    const current = draftRef.current;
    if (current) for (const key of [...dirty.current, ...(Object.keys(conflictsRef.current) as FieldKey[])]) next = withValue(next, key, valueOf(current, key));
    showDraft(next);
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
        const a = d.answers[key.slice(8)]!;
        answers.push({ itemId: key.slice(8), state: a.state, comment: a.comment });
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
        } else {
          // Typed on meanwhile: based on what this request wrote (not on the record read after it,
          // which may already hold another device's change to the same field).
          baseOf.current.set(key, fresh.savedRevision ?? oldest);
        }
      }
      adopt(fresh);
      setError(null);
      setSavedAt(new Date());
      setState(dirty.current.size > 0 ? 'saving' : 'saved');
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'UNKNOWN';
      if (code === 'EDIT_CONFLICT') {
        const clashing = conflictKeys(e instanceof ApiError ? e.fields : undefined);
        const fresh = await getSupport(consultationId).catch(() => null);
        if (fresh) {
          const theirs = draftOf(fresh);
          const mine = draftRef.current!;
          const next = { ...conflictsRef.current };
          for (const k of clashing) {
            next[k] = { mine: valueOf(mine, k), theirs: valueOf(theirs, k) };
            dirty.current.delete(k);
            baseOf.current.delete(k);
          }
          showConflicts(next);
          adopt(fresh);
        }
        setState(dirty.current.size > 0 ? 'saving' : 'error');
      } else if (TRANSIENT.has(code) || (e instanceof ApiError && e.status >= 500)) {
        // Nothing wrong with the values: kept, and sent again (a new session makes the next try pass).
        setState(code === 'NETWORK' ? 'offline' : 'error');
        if (code !== 'NETWORK') setError(e);
        inFlight.current = false;
        schedule(RETRY_MS[Math.min(attempt.current++, RETRY_MS.length - 1)]!);
        return;
      } else {
        // The values were refused (a 4xx about them): said on the page, the fields go back to what is stored.
        setError(e);
        setState('error');
        for (const key of keys) {
          dirty.current.delete(key);
          baseOf.current.delete(key);
        }
        if (serverRef.current) adopt(serverRef.current);
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
    if (fresh && (!serverRef.current || fingerprint(fresh) !== fingerprint(serverRef.current))) adopt(fresh);
  }, [adopt, consultationId]);

  useEffect(() => {
    let live = true;
    getSupport(consultationId)
      .then((s) => live && adopt(s))
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
    (key: FieldKey, value: unknown, typing = false) => {
      const d = draftRef.current;
      if (!d) return;
      showDraft(withValue(d, key, value));
      if (key in conflictsRef.current) showConflicts(without(conflictsRef.current, key));
      if (!dirty.current.has(key) && serverRef.current) baseOf.current.set(key, serverRef.current.revision);
      dirty.current.add(key);
      schedule(typing ? TYPING_MS : CHOICE_MS);
    },
    [schedule],
  );

  const setField = useCallback(<K extends SimpleKey>(key: K, value: Draft[K], typing = false) => change(key, value, typing), [change]);

  const setAnswer = useCallback(
    (itemId: string, patch: Partial<Draft['answers'][string]>, typing = false) =>
      change(`answers.${itemId}`, { ...(draftRef.current?.answers[itemId] ?? { state: 'not_done', comment: '' }), ...patch }, typing),
    [change],
  );

  /** The facilitator chose for a field changed on both devices: theirs stays as stored, or mine replaces it knowingly. */
  const resolve = useCallback(
    (key: FieldKey, keep: 'mine' | 'theirs') => {
      const conflict = conflictsRef.current[key];
      if (!conflict) return;
      showConflicts(without(conflictsRef.current, key));
      if (keep === 'theirs') {
        showDraft(withValue(draftRef.current!, key, conflict.theirs));
        return;
      }
      showDraft(withValue(draftRef.current!, key, conflict.mine));
      // Theirs has been seen: mine is based on the record as it is now.
      baseOf.current.set(key, serverRef.current?.revision ?? 0);
      dirty.current.add(key);
      schedule(CHOICE_MS);
    },
    [schedule],
  );

  return { server, draft, state, savedAt, error, conflicts, setField, setAnswer, resolve, refresh, adopt };
}
