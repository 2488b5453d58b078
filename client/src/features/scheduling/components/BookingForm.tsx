import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldMessage } from '../../../lib/api-errors';
import { ApiError } from '../../../lib/api';
import { bookConsultation } from '../api/book-consultation';
import { Consultation } from '../../../lib/consultations';
import { ConsultationType } from '../../../lib/directory';
import { SlotSearchResult } from '../api/types';
import { whenLabel } from '../../../lib/paris-time';
import { ErrorSummary } from '../../../components/error-summary';
import { fieldState } from '../../../components/form-fields';
import { movedNumber, PhoneField, phoneProblem } from '../citizen-phones';

type Slot = SlotSearchResult['slots'][number];

interface Props {
  slot: Slot;
  result: SlotSearchResult;
  type: ConsultationType | undefined;
  onBooked(consultation: Consultation, labels: { booth: string; agent: string }): void;
  onBack(): void;
  /** After a conflict the list is stale: search again. */
  onRefresh(): void;
}

/**
 * Citizen name (required), optional mobile, e-mail and landline, and which of the free agents and
 * booths. A number typed in the wrong phone field is refused there with a one-tap move to the other.
 */
export function BookingForm({ slot, result, type, onBooked, onBack, onRefresh }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [agentId, setAgentId] = useState(result.agents[slot.agents[0]!]!.id);
  const [boothId, setBoothId] = useState(result.booths[slot.booths[0]!]!.id);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [landline, setLandline] = useState('');
  const [email, setEmail] = useState('');
  const inputs = { phone: useRef<HTMLInputElement>(null), landline: useRef<HTMLInputElement>(null) };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ summary: string; fields: Record<string, string>; conflict: boolean } | null>(null);
  const when = whenLabel(slot.startsAt);

  // Keyboard and screen-reader users are taken to the form they just opened.
  useEffect(() => heading.current?.focus(), [slot]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The server says the same (shared/sms/phone.ts): a number in the wrong field is refused before anything is sent.
    const fields: Record<string, string> = {};
    if (!name.trim()) fields['citizen.name'] = t('scheduling.errors.citizenName');
    for (const [field, typed] of [['phone', phone], ['landline', landline]] as const) {
      const problem = phoneProblem(field, typed);
      if (problem) fields[`citizen.${field}`] = problem.belongsIn === 'phone' ? t('landline.isMobile') : fieldMessage(t, problem.code);
    }
    if (Object.keys(fields).length > 0) {
      setError({ summary: summaryOf(fields), fields, conflict: false });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const booked = await bookConsultation({
        agentId,
        boothId,
        consultationTypeId: result.consultationTypeId,
        startsAt: slot.startsAt,
        citizen: { name: name.trim(), phone: phone.trim() || undefined, landline: landline.trim() || undefined, email: email.trim() || undefined },
      });
      onBooked(booked, {
        booth: result.booths.find((b) => b.id === boothId)?.name ?? '',
        agent: result.agents.find((a) => a.id === agentId)?.displayName ?? '',
      });
    } catch (err) {
      const shown = describeError(t, err);
      setError({ ...shown, conflict: err instanceof ApiError && (err.code === 'BOOTH_TAKEN' || err.code === 'AGENT_TAKEN' || err.code === 'INTERVAL_TAKEN') });
    } finally {
      setBusy(false);
    }
  };
  const err = (field: string) => error?.fields[field];

  /** The phones are named in the summary, as the server's refusals name their fields. */
  const summaryOf = (fields: Record<string, string>) =>
    t('scheduling.errors.summary') +
    (['citizen.phone', 'citizen.landline'] as const)
      .filter((path) => fields[path])
      .map((path) => ` ${t(`scheduling.fieldNames.${path}`)} : ${fields[path]!.replace(/\.$/, '')}.`)
      .join('');

  /** The other field, when the number typed belongs there and it is still empty: a move is offered. */
  const values: Record<PhoneField, string> = { phone, landline };
  const other = (field: PhoneField): PhoneField => (field === 'phone' ? 'landline' : 'phone');
  const offer = (field: PhoneField) =>
    err(`citizen.${field}`) !== undefined && phoneProblem(field, values[field])?.belongsIn === other(field) && values[other(field)].trim() === '';
  const move = (from: PhoneField) => {
    const to = other(from);
    const set = { phone: setPhone, landline: setLandline };
    set[to](movedNumber(values[from]));
    set[from]('');
    setError((shown) => {
      if (!shown) return shown;
      const fields = { ...shown.fields };
      delete fields[`citizen.${from}`];
      return Object.keys(fields).length > 0 ? { ...shown, fields, summary: summaryOf(fields) } : null;
    });
    // The button goes away with the refusal: the person lands on the number where it now is.
    inputs[to].current?.focus();
  };

  return (
    <section className="fr-p-3w fr-mb-4w fr-background-alt--grey" aria-labelledby="booking-title">
      <h2 id="booking-title" className="fr-h4" ref={heading} tabIndex={-1}>
        {t('booking.title', { when })}
      </h2>
      {type && type.documents.length > 0 && <p className="fr-text--sm">{t('booking.documents', { documents: type.documents.join(', ') })}</p>}
      <p className="fr-hint-text">{t('booking.intro')}</p>
      <ErrorSummary message={error?.summary ?? null} />
      {error?.conflict && (
        <Button priority="secondary" size="small" className="fr-mb-2w" onClick={onRefresh}>
          {t('booking.refresh')}
        </Button>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Select
              label={t('booking.agent')}
              nativeSelectProps={{ value: agentId, onChange: (e) => setAgentId(e.target.value) }}
              state={fieldState(err('agentId'))}
              stateRelatedMessage={err('agentId')}
            >
              {slot.agents.map((i) => (
                <option key={result.agents[i]!.id} value={result.agents[i]!.id}>
                  {result.agents[i]!.displayName}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Select
              label={t('booking.booth')}
              nativeSelectProps={{ value: boothId, onChange: (e) => setBoothId(e.target.value) }}
              state={fieldState(err('boothId'))}
              stateRelatedMessage={err('boothId')}
            >
              {slot.booths.map((i) => (
                <option key={result.booths[i]!.id} value={result.booths[i]!.id}>
                  {result.booths[i]!.name}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12">
            <Input
              label={`${t('scheduling.fields.citizenName')} *`}
              nativeInputProps={{ value: name, required: true, autoComplete: 'off', onChange: (e) => setName(e.target.value) }}
              state={fieldState(err('citizen.name'))}
              stateRelatedMessage={err('citizen.name')}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label={t('scheduling.fields.phone')}
              hintText={t('citizenMessages.phoneHint')}
              nativeInputProps={{ ref: inputs.phone, type: 'tel', value: phone, autoComplete: 'off', onChange: (e) => setPhone(e.target.value) }}
              state={fieldState(err('citizen.phone'))}
              stateRelatedMessage={err('citizen.phone')}
            />
            {offer('phone') && (
              <Button type="button" priority="secondary" size="small" className="fr-mb-2w" onClick={() => move('phone')}>
                {t('landline.moveToLandline')}
              </Button>
            )}
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label={t('scheduling.fields.email')}
              hintText={t('scheduling.fields.emailHint')}
              nativeInputProps={{ type: 'email', value: email, autoComplete: 'off', onChange: (e) => setEmail(e.target.value) }}
              state={fieldState(err('citizen.email'))}
              stateRelatedMessage={err('citizen.email')}
            />
          </div>
          {/* After the mobile and the e-mail: the landline is for those who have neither. */}
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label={t('landline.label')}
              hintText={t('landline.hint')}
              nativeInputProps={{ ref: inputs.landline, type: 'tel', value: landline, autoComplete: 'off', onChange: (e) => setLandline(e.target.value) }}
              state={fieldState(err('citizen.landline'))}
              stateRelatedMessage={err('citizen.landline')}
            />
            {offer('landline') && (
              <Button type="button" priority="secondary" size="small" className="fr-mb-2w" onClick={() => move('landline')}>
                {t('landline.moveToMobile')}
              </Button>
            )}
          </div>
        </div>
        <ul className="fr-btns-group fr-btns-group--inline fr-mt-2w">
          <li>
            <Button type="submit" disabled={busy}>
              {t('booking.submit')}
            </Button>
          </li>
          <li>
            <Button type="button" priority="secondary" onClick={onBack}>
              {t('booking.back')}
            </Button>
          </li>
        </ul>
      </form>
    </section>
  );
}
