import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { fieldState } from '../../../components/form-fields';
import type { ShownError } from '../../../lib/api-errors';
import { stampLabel } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { createBooth } from '../api/create-booth';
import { listAllBooths } from '../api/list-booths';
import { renameBooth } from '../api/rename-booth';
import { reinstateBooth } from '../api/reinstate-booth';
import { retireBooth } from '../api/retire-booth';
import { BoothRecord, SiteRecord } from '../api/types';
import { describeDirectoryError, missingFieldsError } from '../directory-errors';
import { InlineNameForm } from './InlineNameForm';

/**
 * The booths of one MSAP: in service and retired, with create, rename and (confirmed) retire. Its
 * heading is an h4 under the Annuaire's site cards, an h2 on a page of its own (RGAA 9.1).
 */
export function SiteBooths({ site, canCreate, canRetire, headingLevel = 4 }: { site: SiteRecord; canCreate: boolean; canRetire: boolean; headingLevel?: 2 | 4 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h4';
  const { t } = useTranslation();
  const booths = useApi(() => listAllBooths(site.id), [site.id]);
  const [status, setStatus] = useState<string | null>(null);
  const done = (message: string) => {
    setStatus(message);
    booths.reload();
  };
  const titleId = `booths-${site.id}`;
  return (
    <section aria-labelledby={titleId} className="fr-mt-2w" data-testid={`booths-${site.name}`}>
      <Heading id={titleId} className="fr-h6">
        {t('directory.booths.title', { site: site.name })}
      </Heading>
      <StatusMessage message={status} focus />
      {booths.error ? <ErrorSummary message={describeDirectoryError(t, booths.error).summary} /> : null}
      {booths.data && booths.data.length === 0 && <p>{t('directory.booths.none')}</p>}
      {booths.data && booths.data.length > 0 && (
        <div className="fr-table fr-table--no-caption fr-mb-2w">
          <table>
            <caption>{t('directory.booths.title', { site: site.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.fields.name')}</th>
                <th scope="col">{t('directory.booths.status')}</th>
                <th scope="col">{t('directory.booths.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {booths.data.map((booth) => (
                <BoothRow key={booth.id} booth={booth} canRetire={canRetire} onDone={done} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canCreate && <NewBoothForm siteId={site.id} onCreated={(name) => done(t('directory.booths.created', { name }))} />}
    </section>
  );
}

function BoothRow({ booth, canRetire, onDone }: { booth: BoothRecord; canRetire: boolean; onDone(message: string): void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm'>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const retireButton = useRef<HTMLButtonElement>(null);
  const back = (to: 'rename' | 'retire') => {
    setMode('view');
    // The control that opened the form takes the focus back once it is shown again.
    setTimeout(() => (to === 'rename' ? renameButton : retireButton).current?.focus(), 0);
  };
  return (
    <tr data-testid={`booth-${booth.name}`}>
      <td>
        {mode === 'rename' ? (
          <InlineNameForm
            label={t('directory.booths.renameLabel', { name: booth.name })}
            initial={booth.name}
            onCancel={() => back('rename')}
            save={async (name) => {
              await renameBooth(booth.id, name);
              setMode('view');
              onDone(t('directory.booths.renamed', { name }));
            }}
          />
        ) : (
          booth.name
        )}
      </td>
      <td>{booth.retiredAt ? t('directory.booths.retiredOn', { date: stampLabel(booth.retiredAt).slice(0, 10) }) : t('directory.booths.active')}</td>
      <td>
        <ErrorSummary message={error?.summary ?? null} />
        {mode === 'confirm' ? (
          <RetireConfirmation booth={booth} onCancel={() => back('retire')} onRetired={() => {
              setMode('view');
              onDone(t('directory.booths.retired', { name: booth.name }));
            }} />
        ) : (
          mode === 'view' && (
            <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
              <Button ref={renameButton} size="small" priority="secondary" nativeButtonProps={{ 'aria-label': t('directory.booths.renameAria', { name: booth.name }) }} onClick={() => setMode('rename')}>
                {t('directory.booths.rename')}
              </Button>
              {canRetire && !booth.retiredAt && (
                <Button ref={retireButton} size="small" priority="tertiary" nativeButtonProps={{ 'aria-label': t('directory.booths.retireAria', { name: booth.name }) }} onClick={() => setMode('confirm')}>
                  {t('directory.booths.retire')}
                </Button>
              )}
              {canRetire && booth.retiredAt && (
                <Button
                  size="small"
                  priority="tertiary"
                  disabled={busy}
                  nativeButtonProps={{ 'aria-label': t('directory.booths.reinstateAria', { name: booth.name }) }}
                  onClick={async () => {
                    setBusy(true);
                    setError(null);
                    try {
                      await reinstateBooth(booth.id);
                      onDone(t('directory.booths.reinstated', { name: booth.name }));
                    } catch (err) {
                      setError(describeDirectoryError(t, err));
                    } finally {
                      setBusy(false);
                    }
                  }}
                >
                  {t('directory.booths.reinstate')}
                </Button>
              )}
            </div>
          )
        )}
      </td>
    </tr>
  );
}

/** Asks before retiring: the question takes the focus, Escape or "Annuler" goes back. */
function RetireConfirmation({ booth, onCancel, onRetired }: { booth: BoothRecord; onCancel(): void; onRetired(): void }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => box.current?.focus(), []);
  const titleId = `retire-${booth.id}`;
  const textId = `retire-text-${booth.id}`;
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await retireBooth(booth.id);
      onRetired();
    } catch (err) {
      setError(describeDirectoryError(t, err));
      setBusy(false);
    }
  };
  return (
    <div
      ref={box}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      tabIndex={-1}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      className="fr-p-2w fr-background-alt--grey"
      data-testid="retire-confirmation"
    >
      <p id={titleId} className="fr-text--bold fr-mb-1w">
        {t('directory.booths.confirmTitle', { name: booth.name })}
      </p>
      <p id={textId} className="fr-text--sm">
        {t('directory.booths.confirmText')}
      </p>
      <ErrorSummary message={error?.summary ?? null} />
      <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        <Button size="small" disabled={busy} onClick={() => void confirm()}>
          {t('directory.booths.confirm')}
        </Button>
        <Button size="small" priority="secondary" onClick={onCancel}>
          {t('directory.cancel')}
        </Button>
      </div>
    </div>
  );
}

function NewBoothForm({ siteId, onCreated }: { siteId: string; onCreated(name: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(missingFieldsError(t, ['name']));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await createBooth(siteId, name.trim());
      setName('');
      onCreated(created.name);
    } catch (err) {
      setError(describeDirectoryError(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="fr-mb-2w">
      <ErrorSummary message={error?.summary ?? null} />
      <Input
        label={`${t('directory.booths.add')} *`}
        nativeInputProps={{ value: name, required: true, autoComplete: 'off', onChange: (e) => setName(e.target.value) }}
        state={fieldState(error?.fields.name)}
        stateRelatedMessage={error?.fields.name}
      />
      <Button type="submit" size="small" disabled={busy}>
        {t('directory.booths.create')}
      </Button>
    </form>
  );
}
