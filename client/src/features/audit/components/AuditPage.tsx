import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { AUDIT_ACTIONS, AUDIT_FAMILIES } from '@shared/audit/actions';
import { FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { AUDIT_ACTION_LABELS, AUDIT_FAMILY_LABELS, AUDIT_SUBJECT_LABELS } from '../../../i18n/fr-audit';
import { describeError } from '../../../lib/api-errors';
import { stampLabel } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { listAccounts } from '../api/list-accounts';
import { AuditEntry, AuditFilters, auditCsvUrl, listAudit } from '../api/list-audit';
import { describeDetails } from '../details';

const PAGE_SIZE = 50;
const FILTER_KEYS = ['actorUserId', 'family', 'action', 'subjectId', 'from', 'to'] as const;

const filtersOf = (params: URLSearchParams): AuditFilters =>
  Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v)) as AuditFilters;

/**
 * The audit trail for admins: French labels, filters kept in the address (a filtered view can be
 * bookmarked or sent), pages newest first, and the CSV of the whole filtered log.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const key = JSON.stringify(filters);
  // The cursors of the pages seen so far: [undefined] is the newest page.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [cursorsKey, setCursorsKey] = useState(key);
  if (cursorsKey !== key) {
    setCursorsKey(key);
    setCursors([undefined]);
  }
  const before = cursors[cursors.length - 1];
  const page = useApi(() => listAudit(filters, PAGE_SIZE, before), [key, before]);
  const accounts = useApi(listAccounts, []);

  const [draft, setDraft] = useState<AuditFilters>(filters);
  const [draftKey, setDraftKey] = useState(key);
  if (draftKey !== key) {
    setDraftKey(key);
    setDraft(filters);
  }
  const set = (k: keyof AuditFilters) => (value: string) => setDraft((d) => ({ ...d, [k]: value || undefined, ...(k === 'family' ? { action: undefined } : {}) }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v)) as Record<string, string>);
  };
  const actions = AUDIT_ACTIONS.filter((a) => !draft.family || a.startsWith(`${draft.family}.`) || a === draft.family);
  const error = page.error ? describeError(t, page.error, 'audit.fieldNames').summary : null;

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <form onSubmit={apply} aria-label={t('audit.filters')} className="fr-mb-3w">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <Select label={t('audit.actor')} nativeSelectProps={{ value: draft.actorUserId ?? '', onChange: (e) => set('actorUserId')(e.target.value) }}>
              <option value="">{t('audit.anyActor')}</option>
              {accounts.data?.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName} ({a.email})
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select label={t('audit.family')} nativeSelectProps={{ value: draft.family ?? '', onChange: (e) => set('family')(e.target.value) }}>
              <option value="">{t('audit.anyFamily')}</option>
              {AUDIT_FAMILIES.map((f) => (
                <option key={f} value={f}>
                  {AUDIT_FAMILY_LABELS[f] ?? f}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select label={t('audit.action')} nativeSelectProps={{ value: draft.action ?? '', onChange: (e) => set('action')(e.target.value) }}>
              <option value="">{t('audit.anyAction')}</option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {AUDIT_ACTION_LABELS[a]}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input label={t('audit.subject')} hintText={t('audit.subjectHint')} nativeInputProps={{ value: draft.subjectId ?? '', onChange: (e) => set('subjectId')(e.target.value.trim()), spellCheck: false }} />
          </div>
          <div className="fr-col-6 fr-col-md-2">
            <Input label={t('audit.from')} nativeInputProps={{ type: 'date', value: draft.from ?? '', onChange: (e) => set('from')(e.target.value) }} />
          </div>
          <div className="fr-col-6 fr-col-md-2">
            <Input label={t('audit.to')} nativeInputProps={{ type: 'date', value: draft.to ?? '', onChange: (e) => set('to')(e.target.value) }} />
          </div>
        </div>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button type="submit">{t('audit.apply')}</Button>
          </li>
          <li>
            <Button type="button" priority="secondary" onClick={() => setParams({})}>
              {t('audit.reset')}
            </Button>
          </li>
          <li>
            <a className="fr-btn fr-btn--tertiary" href={auditCsvUrl(filters)} download>
              {t('audit.export')}
            </a>
          </li>
        </ul>
        <p className="fr-hint-text">{t('audit.exportHint')}</p>
      </form>

      {filters.subjectId && page.data?.items[0]?.subject && (
        <p data-testid="audit-subject">
          {t('audit.subjectShown', {
            type: AUDIT_SUBJECT_LABELS[page.data.items[0].subject.type] ?? page.data.items[0].subject.type,
            label: page.data.items[0].subject.label ?? page.data.items[0].subject.id,
          })}
        </p>
      )}
      {error && (
        <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
          <p>{error}</p>
        </div>
      )}
      {page.data && page.data.items.length === 0 && <p>{t('audit.empty')}</p>}
      {page.data && page.data.items.length > 0 && (
        <div className="fr-table fr-table--no-caption fr-mb-2w">
          <table data-testid="audit-log">
            <caption>{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.columns.at')}</th>
                <th scope="col">{t('audit.columns.action')}</th>
                <th scope="col">{t('audit.columns.actor')}</th>
                <th scope="col">{t('audit.columns.subject')}</th>
                <th scope="col">{t('audit.columns.details')}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((e) => (
                <AuditRow key={e.id} entry={e} onSubject={(id) => setParams({ subjectId: id })} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="fr-mb-4w" aria-label={t('audit.page', { n: cursors.length })}>
        <p>{t('audit.page', { n: cursors.length })}</p>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button priority="secondary" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('audit.newer')}
            </Button>
          </li>
          <li>
            <Button priority="secondary" disabled={!page.data?.nextBefore} onClick={() => page.data?.nextBefore && setCursors((c) => [...c, page.data!.nextBefore!])}>
              {t('audit.older')}
            </Button>
          </li>
        </ul>
      </nav>
      <p>
        <Link className="fr-link" to="/admin">
          {t('admin.title')}
        </Link>
      </p>
    </div>
  );
}

function AuditRow({ entry: e, onSubject }: { entry: AuditEntry; onSubject: (id: string) => void }) {
  const { t } = useTranslation();
  const actor =
    e.actor.kind === 'system'
      ? t('audit.system')
      : e.actor.kind === 'device'
        ? e.actor.name
          ? t('audit.device', { name: e.actor.name })
          : t('audit.deviceUnknown')
        : `${e.actor.name ?? '—'}${e.actor.email ? ` (${e.actor.email})` : ''}`;
  const type = e.subject ? (AUDIT_SUBJECT_LABELS[e.subject.type] ?? e.subject.type) : null;
  return (
    <tr>
      <td>{stampLabel(e.at)}</td>
      <td>{AUDIT_ACTION_LABELS[e.action] ?? e.action}</td>
      <td>{actor}</td>
      <td>
        {e.subject && (
          <>
            {type} : {e.subject.label ?? t('audit.deletedSubject', { type })}
            <br />
            <Button priority="tertiary no outline" size="small" onClick={() => onSubject(e.subject!.id)} title={`${t('audit.onlyThis')} — ${type} ${e.subject.label ?? e.subject.id}`}>
              {t('audit.onlyThis')}
            </Button>
          </>
        )}
      </td>
      <td>
        {describeDetails(e.details)}
        {e.requestId && (
          <>
            <br />
            <span className="fr-hint-text">{t('audit.request', { id: e.requestId.slice(0, 8) })}</span>
          </>
        )}
      </td>
    </tr>
  );
}
