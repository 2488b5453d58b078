import type { TFunction } from 'i18next';
import { ApiError } from './api';

/** A failed call as the forms show it: one sentence on top, and messages under the fields concerned. */
export interface ShownError {
  summary: string;
  fields: Record<string, string>;
}

/** The server speaks English to developers; users read these French sentences instead. */
const MESSAGES: Array<[RegExp, string]> = [
  [/booth already booked/, 'scheduling.errors.boothTaken'],
  [/agent already booked/, 'scheduling.errors.agentTaken'],
  [/taken concurrently/, 'scheduling.errors.takenConcurrently'],
  [/must not be in the past/, 'scheduling.errors.past'],
  [/must be after/, 'scheduling.errors.endBeforeStart'],
  [/at most \d+ days/, 'scheduling.errors.tooLong'],
  [/cannot exceed one year/, 'scheduling.errors.rangeTooLong'],
  [/outside the opening hours/, 'scheduling.errors.closed'],
  [/closure of the MSAP/, 'scheduling.errors.closure'],
  [/absence of the agent/, 'scheduling.errors.agentAbsent'],
  [/availability|not available/, 'scheduling.errors.agentUnavailable'],
  [/citizen name is required|name must be (longer|a string)/, 'scheduling.errors.citizenName'],
  [/phone must/, 'scheduling.errors.phone'],
  [/email/, 'scheduling.errors.email'],
  [/reason must/, 'scheduling.errors.reason'],
  [/does not work for the administration/, 'scheduling.errors.wrongAdministration'],
  [/outside your scope/, 'scheduling.errors.outsideScope'],
  [/does not name|no such|must be the id|must be a UUID|is not a booth|is not the administration/i, 'scheduling.errors.unknown'],
  [/give an agentId or an administrationId/, 'scheduling.errors.chooseAgentOrAdministration'],
  [/no scheduled consultation/, 'scheduling.errors.nothingToCancel'],
  [/unknown placeholders/, 'scheduling.errors.placeholders'],
  [/message must not be empty/, 'scheduling.errors.messageEmpty'],
  [/message must be at most/, 'scheduling.errors.messageTooLong'],
  [/should not be empty|must be defined|is required/, 'scheduling.errors.required'],
];

function translate(t: TFunction, raw: string): string {
  for (const [pattern, key] of MESSAGES) {
    if (!pattern.test(raw)) continue;
    const days = /at most (\d+) days/.exec(raw)?.[1];
    const names = /unknown placeholders: ([^;]+)/.exec(raw)?.[1];
    const max = /at most (\d+) characters/.exec(raw)?.[1];
    return t(key, { days, names, max });
  }
  return t('scheduling.errors.invalid');
}

/** The API's nested error tree ({ citizen: { phone: [...] } }) as dotted paths → first message. */
function flatten(tree: Record<string, unknown>, prefix = ''): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) out.push([path, String(value[0] ?? '')]);
    else if (value && typeof value === 'object') out.push(...flatten(value as Record<string, unknown>, path));
  }
  return out;
}

export function describeError(t: TFunction, error: unknown): ShownError {
  if (!(error instanceof ApiError)) return { summary: t('scheduling.errors.generic'), fields: {} };
  const fields: Record<string, string> = {};
  for (const [path, raw] of flatten(error.fields ?? {})) fields[path] = translate(t, raw);
  const named = Object.entries(fields).map(([path, message]) => `${t(`scheduling.fieldNames.${path}`, { defaultValue: path })} : ${message}`);
  switch (error.status) {
    case 0:
      return { summary: t('scheduling.errors.network'), fields };
    case 409:
      // A conflict names the resource taken (booth or agent); without one, the consultation changed meanwhile.
      return { summary: named.length ? `${t('scheduling.errors.conflict')} ${Object.values(fields).join(' ')}` : t('scheduling.errors.notScheduled'), fields };
    case 422:
    case 400:
      return { summary: named.length ? `${t('scheduling.errors.summary')} ${named.join(' ; ')}` : t('scheduling.errors.summary'), fields };
    case 403:
      return { summary: t('scheduling.errors.forbidden'), fields };
    case 404:
      return { summary: named.length ? `${t('scheduling.errors.notFound')} ${named.join(' ; ')}` : t('scheduling.errors.notFound'), fields };
    default:
      return { summary: t('scheduling.errors.generic'), fields };
  }
}
