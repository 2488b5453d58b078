import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const STATUSES = ['pending', 'sending', 'sent', 'failed', 'to_call', 'called'] as const;
export const CHANNELS = ['sms', 'email', 'agent_email', 'call'] as const;
const EVENTS = ['booked', 'rescheduled', 'cancelled', 'reassigned', 'unassigned', 'document_sent'] as const;

/** What the page asks for: the search text once submitted, the rest as chosen (days in Paris, `to` included). */
export interface Filters {
  q: string;
  status: string;
  channel: string;
  event: string;
  from: string;
  to: string;
}

export const NO_FILTERS: Filters = { q: '', status: '', channel: '', event: '', from: '', to: '' };

/**
 * The search (citizen's name, phone or e-mail: submitted with Enter or the button) and the filters
 * (applied as soon as chosen). Every change goes back to the first page.
 */
export function OutboxFilters({ value, onChange, fieldErrors }: { value: Filters; onChange(next: Filters): void; fieldErrors: Record<string, string> }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value.q);
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...value, q: text.trim() });
  };
  const any = t('scheduling.fields.any');
  return (
    <>
      <form role="search" onSubmit={submit} className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-8">
          <Input
            label={t('citizenMessages.outbox.search')}
            hintText={t('citizenMessages.outbox.searchHint')}
            nativeInputProps={{ type: 'search', value: text, autoComplete: 'off', onChange: (e) => setText(e.target.value) }}
            state={fieldErrors.q ? 'error' : 'default'}
            stateRelatedMessage={fieldErrors.q}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Button type="submit" iconId="fr-icon-search-line">
            {t('citizenMessages.outbox.submit')}
          </Button>
        </div>
      </form>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-6 fr-col-md-3 fr-col-lg-2">
          <Select label={t('outbox.status')} nativeSelectProps={{ value: value.status, onChange: set('status') }}>
            <option value="">{any}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`outbox.statuses.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-6 fr-col-md-3 fr-col-lg-2">
          <Select label={t('outbox.channel')} nativeSelectProps={{ value: value.channel, onChange: set('channel') }}>
            <option value="">{any}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`outbox.channels.${c}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6 fr-col-lg-3">
          <Select label={t('citizenMessages.outbox.event')} nativeSelectProps={{ value: value.event, onChange: set('event') }}>
            <option value="">{any}</option>
            {EVENTS.map((e) => (
              <option key={e} value={e}>
                {t(`outbox.events.${e}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-6 fr-col-lg-2">
          <Input
            label={t('citizenMessages.outbox.from')}
            nativeInputProps={{ type: 'date', value: value.from, onChange: set('from') }}
            state={fieldErrors.from ? 'error' : 'default'}
            stateRelatedMessage={fieldErrors.from}
          />
        </div>
        <div className="fr-col-6 fr-col-lg-3">
          <Input
            label={t('citizenMessages.outbox.to')}
            nativeInputProps={{ type: 'date', value: value.to, onChange: set('to') }}
            state={fieldErrors.to ? 'error' : 'default'}
            stateRelatedMessage={fieldErrors.to}
          />
        </div>
      </div>
      <Button
        priority="tertiary"
        size="small"
        className="fr-mt-1w fr-mb-2w"
        disabled={JSON.stringify(value) === JSON.stringify(NO_FILTERS)}
        onClick={() => {
          setText('');
          onChange(NO_FILTERS);
        }}
      >
        {t('citizenMessages.outbox.reset')}
      </Button>
    </>
  );
}
