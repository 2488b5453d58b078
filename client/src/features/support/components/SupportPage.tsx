import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  AUTONOMY_LEVELS,
  CHECKLIST_PARTS,
  EQUIPMENT,
  ITEM_COMMENT_MAX,
  ITEM_STATES,
  REDIRECTIONS,
  SUPPORT_NOTES_MAX,
  SUPPORT_THEMES,
} from '@shared/support/support';
import { ErrorSummary } from '../../../components/error-summary';
import { FacilitatorNav } from '../../../components/facilitator-nav';
import { errorMessage } from '../../../lib/api-errors';
import { getConsultation } from '../../../lib/consultations';
import { dayLabel, dateOf, stampLabel, timeOf } from '../../../lib/paris-time';
import { supportLine } from '../../../lib/support-summary';
import { useApi } from '../../../lib/use-api';
import { useDeskEvents } from '../../../lib/use-desk-events';
import { useSession } from '../../../lib/session';
import { giveConsent, revokeConsent, type ConsentKind, type Support } from '../api/support';
import { useSupportForm, type FieldKey } from '../hooks/use-support-form';

/** The facilitator's support record of one consultation: consent, checklist, presence, autonomy, themes, notes. */
export function SupportPage() {
  const { id } = useParams();
  return id ? <SupportForm key={id} consultationId={id} /> : null;
}

function SupportForm({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const { principal } = useSession();
  const siteId = principal?.kind === 'user' ? principal.msapSiteId : null;
  const consultation = useApi(() => getConsultation(consultationId), [consultationId]);
  const form = useSupportForm(consultationId);
  useDeskEvents(siteId, () => void form.refresh());
  const { server, draft } = form;
  const c = consultation.data;

  return (
    <div className="fr-container fr-my-4w">
      <FacilitatorNav />
      <h1 className="fr-h2">{t('support.title')}</h1>
      {c && (
        <p className="fr-text--lead" data-testid="support-consultation">
          {t('support.for', {
            day: dayLabel(dateOf(c.startsAt)),
            time: timeOf(c.startsAt),
            citizen: c.citizen.name || t('support.noName'),
            booth: c.boothName,
            agent: c.agentName,
            subject: c.subject ?? c.administrationName,
          })}
        </p>
      )}
      <SaveStatus state={form.state} savedAt={form.savedAt} />
      {form.error ? <ErrorSummary message={errorMessage(t, form.error)} /> : null}
      {server && draft && (
        <>
          <p className="fr-badge fr-badge--info fr-badge--no-icon fr-mb-3w" data-testid="support-summary-line">
            {supportLine(t, server.summary)}
          </p>
          <Consents support={server} canEdit={server.canEdit} onChange={form.adopt} />

          <h2 className="fr-h4 fr-mt-4w">{t('support.checklist')}</h2>
          {server.templateVersion !== null && server.templateVersion > 0 && <p className="fr-text--sm">{t('support.templateVersion', { version: server.templateVersion })}</p>}
          {server.items.length === 0 && <p>{t('support.noChecklist')}</p>}
          {CHECKLIST_PARTS.map((part) => {
            const items = server.items.filter((i) => i.part === part);
            if (items.length === 0) return null;
            return (
              <fieldset key={part} className="fr-fieldset fr-mb-2w" data-testid={`checklist-${part}`}>
                <legend className="fr-fieldset__legend fr-h6">{t(`support.parts.${part}`)}</legend>
                {items.map((item) => {
                  const answer = draft.answers[item.id] ?? { state: 'not_done' as const, comment: '' };
                  const key: FieldKey = `answers.${item.id}`;
                  return (
                    <div key={item.id} className="fr-fieldset__element fr-mb-2w" data-testid={`item-${item.id}`}>
                      <RadioButtons
                        legend={item.label}
                        orientation="horizontal"
                        disabled={!server.canEdit}
                        options={ITEM_STATES.map((state) => ({
                          label: t(`support.states.${state}`),
                          nativeInputProps: { checked: answer.state === state, onChange: () => form.setAnswer(item.id, { state }) },
                        }))}
                      />
                      <ItemComment
                        label={item.label}
                        value={answer.comment}
                        disabled={!server.canEdit}
                        onChange={(comment) => form.setAnswer(item.id, { comment }, true)}
                      />
                      <Conflict fieldKey={key} field={item.label} form={form} describe={(v) => (v ? t(`support.states.${(v as { state: string }).state}`) : '')} />
                    </div>
                  );
                })}
              </fieldset>
            );
          })}

          <h2 className="fr-h4 fr-mt-4w">{t('support.support')}</h2>
          <RadioButtons
            legend={t('support.presence')}
            orientation="horizontal"
            disabled={!server.canEdit}
            options={[true, false].map((present) => ({
              label: t(present ? 'support.present' : 'support.absent'),
              nativeInputProps: { checked: draft.facilitatorPresent === present, onChange: () => form.setField('facilitatorPresent', present) },
            }))}
          />
          <Conflict fieldKey="facilitatorPresent" field={t('support.presence')} form={form} describe={(v) => (v === null ? '' : t(v ? 'support.present' : 'support.absent'))} />
          <RadioButtons
            legend={t('support.autonomy')}
            orientation="horizontal"
            disabled={!server.canEdit}
            options={AUTONOMY_LEVELS.map((level) => ({
              label: t(`support.autonomyLevels.${level}`),
              nativeInputProps: { checked: draft.autonomy === level, onChange: () => form.setField('autonomy', level) },
            }))}
          />
          <Conflict fieldKey="autonomy" field={t('support.autonomy')} form={form} describe={(v) => (v ? t(`support.autonomyLevels.${String(v)}`) : '')} />
          <Checkbox
            legend={t('support.equipment')}
            orientation="horizontal"
            disabled={!server.canEdit}
            options={choices(EQUIPMENT, draft.equipment, (e) => t(`support.equipmentKinds.${e}`), (next) => form.setField('equipment', next))}
          />
          <Checkbox
            legend={t('support.themes')}
            orientation="horizontal"
            disabled={!server.canEdit}
            options={choices(SUPPORT_THEMES, draft.themes, (theme) => t(`support.themeNames.${theme}`), (next) => form.setField('themes', next))}
          />
          <Select
            label={t('support.redirection')}
            disabled={!server.canEdit}
            nativeSelectProps={{ value: draft.redirection ?? '', onChange: (e) => form.setField('redirection', (e.target.value || null) as Support['redirection']) }}
          >
            <option value="">{t('support.noRedirection')}</option>
            {REDIRECTIONS.map((r) => (
              <option key={r} value={r}>
                {t(`support.redirections.${r}`)}
              </option>
            ))}
          </Select>
          <Input
            textArea
            label={t('support.notes')}
            hintText={server.notesErased ? t('support.notesErased') : t('support.notesHint', { max: SUPPORT_NOTES_MAX, left: SUPPORT_NOTES_MAX - draft.notes.length })}
            disabled={!server.canEdit}
            nativeTextAreaProps={{ value: draft.notes, maxLength: SUPPORT_NOTES_MAX, rows: 4, onChange: (e) => form.setField('notes', e.target.value, true) }}
          />
          <Conflict fieldKey="notes" field={t('support.notes')} form={form} describe={(v) => String(v ?? '')} />
          <p className="fr-mt-3w">
            <Link className="fr-btn fr-btn--secondary" to="/animation">
              {t('support.backToDesk')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}

/** Boxes for a set of values: ticking adds the value, unticking removes it. */
function choices<V extends string>(all: readonly V[], chosen: readonly V[], label: (value: V) => string, onChange: (next: V[]) => void) {
  return all.map((value) => ({
    label: label(value),
    nativeInputProps: {
      checked: chosen.includes(value),
      onChange: (ev: { target: { checked: boolean } }) => onChange(ev.target.checked ? [...chosen, value] : chosen.filter((x) => x !== value)),
    },
  }));
}

/** A comment is rare: one small button opens its field (shown at once when there is one). */
function ItemComment({ label, value, disabled, onChange }: { label: string; value: string; disabled: boolean; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open && value === '') {
    return disabled ? null : (
      <Button size="small" priority="tertiary no outline" iconId="fr-icon-chat-3-line" onClick={() => setOpen(true)} nativeButtonProps={{ 'aria-label': t('support.addCommentTo', { item: label }) }}>
        {t('support.addComment')}
      </Button>
    );
  }
  return (
    <Input
      label={
        <>
          {t('support.comment')}
          <span className="fr-sr-only"> : {label}</span>
        </>
      }
      hintText={t('support.commentHint')}
      disabled={disabled}
      nativeInputProps={{ value, maxLength: ITEM_COMMENT_MAX, autoFocus: open && value === '', onChange: (e) => onChange(e.target.value) }}
    />
  );
}

function SaveStatus({ state, savedAt }: { state: ReturnType<typeof useSupportForm>['state']; savedAt: Date | null }) {
  const { t } = useTranslation();
  const text =
    state === 'saving'
      ? t('support.save.saving')
      : state === 'offline'
        ? t('support.save.offline')
        : state === 'saved' && savedAt
          ? t('support.save.saved', { time: timeOf(savedAt.toISOString()) })
          : state === 'error'
            ? t('support.save.error')
            : t('support.save.idle');
  const trouble = state === 'offline' || state === 'error';
  return (
    <>
      <p className={`fr-text--sm ${trouble ? 'fr-error-text' : ''}`} data-testid="save-status" data-state={state}>
        {text}
      </p>
      {/* Said aloud only when something is wrong: "Enregistrement…" at every pause would drown the form. */}
      <p className="fr-sr-only" role="status">
        {trouble ? text : ''}
      </p>
    </>
  );
}

/** A field changed on another device while it was being edited here: both values, the facilitator picks. */
function Conflict({ fieldKey, field, form, describe }: { fieldKey: FieldKey; field: string; form: ReturnType<typeof useSupportForm>; describe: (value: unknown) => string }) {
  const { t } = useTranslation();
  if (!(fieldKey in form.conflicts)) return null;
  return (
    <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" role="alert" data-testid="conflict" data-field={fieldKey}>
      <p>{t('support.conflict', { value: describe(form.conflicts[fieldKey]!.theirs) || t('support.empty') })}</p>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        <li>
          <Button size="small" onClick={() => form.resolve(fieldKey, 'mine')} nativeButtonProps={{ 'aria-label': `${t('support.keepMine')} : ${field}` }}>
            {t('support.keepMine')}
          </Button>
        </li>
        <li>
          <Button size="small" priority="secondary" onClick={() => form.resolve(fieldKey, 'theirs')} nativeButtonProps={{ 'aria-label': `${t('support.keepTheirs')} : ${field}` }}>
            {t('support.keepTheirs')}
          </Button>
        </li>
      </ul>
    </div>
  );
}

/** The citizen's consents: the text to read, given or not, by whom and when; revocable. */
function Consents({ support, canEdit, onChange }: { support: Support; canEdit: boolean; onChange: (s: Support) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const act = (work: Promise<Support>) =>
    work.then(
      (s) => {
        setError(null);
        onChange(s);
      },
      (e: unknown) => setError(e),
    );
  return (
    <section aria-labelledby="consents-title" data-testid="consents">
      <h2 id="consents-title" className="fr-h4">
        {t('support.consents')}
      </h2>
      {error ? <ErrorSummary message={errorMessage(t, error)} /> : null}
      {support.consentTexts.map((text) => {
        const standing = support.consents.find((c) => c.kind === text.kind && c.revokedAt === null);
        const kind = text.kind as ConsentKind;
        return (
          <div key={kind} className="fr-callout fr-p-2w fr-mb-2w" data-testid={`consent-${kind}`} data-given={standing ? 'yes' : 'no'}>
            <h3 className="fr-h6 fr-mb-1v">{t(`support.consentKinds.${kind}`)}</h3>
            <p className="fr-text--sm fr-mb-1w">« {text.text} »</p>
            {standing ? (
              <>
                <p className="fr-mb-1w">{t('support.consentGiven', { when: stampLabel(standing.grantedAt), by: standing.collectedBy })}</p>
                {canEdit && (
                  <Button
                    size="small"
                    priority="tertiary"
                    onClick={() => void act(revokeConsent(support.consultationId, kind))}
                    nativeButtonProps={{ 'aria-label': `${t('support.revoke')} : ${t(`support.consentKinds.${kind}`)}` }}
                  >
                    {t('support.revoke')}
                  </Button>
                )}
              </>
            ) : (
              canEdit && (
                <Button
                  size="small"
                  onClick={() => void act(giveConsent(support.consultationId, kind, text.version))}
                  nativeButtonProps={{ 'aria-label': `${t('support.agree')} : ${t(`support.consentKinds.${kind}`)}` }}
                >
                  {t('support.agree')}
                </Button>
              )
            )}
          </div>
        );
      })}
      {support.consents.some((c) => c.revokedAt) && (
        <details className="fr-mb-2w">
          <summary>{t('support.consentHistory')}</summary>
          <ul>
            {support.consents
              .filter((c) => c.revokedAt)
              .map((c) => (
                <li key={`${c.kind}-${c.grantedAt}`}>
                  {t('support.consentRevoked', { kind: t(`support.consentKinds.${c.kind}`), given: stampLabel(c.grantedAt), by: c.collectedBy, revoked: stampLabel(c.revokedAt!) })}
                </li>
              ))}
          </ul>
        </details>
      )}
    </section>
  );
}
