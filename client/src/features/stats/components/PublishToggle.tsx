// The DSFR toggle's stylesheet comes with this page only (it is not in app/dsfr-styles.ts: the booth never loads it).
import '@codegouvfr/react-dsfr/dsfr/component/toggle/toggle.main.min.css';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeError } from '../../../lib/api-errors';
import { useApi } from '../../../lib/use-api';
import { listPublications, setPublication } from '../api/publications';

/** A coordinator chooses whether their département's aggregated results appear on the public page. */
export function PublishToggle({ departement }: { departement: string }) {
  const { t } = useTranslation();
  const published = useApi(listPublications, []);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // What the person chose, shown at once; back to the server's state if it refuses.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const checked = chosen ?? published.data?.some((p) => p.departement === departement) ?? false;

  const change = async (next: boolean) => {
    setSaving(true);
    setMessage(null);
    setChosen(next);
    try {
      await setPublication(departement, next);
      setMessage({ ok: true, text: t(`stats.publish.saved.${next ? 'on' : 'off'}`) });
    } catch (error) {
      setChosen(null);
      setMessage({ ok: false, text: describeError(t, error).summary });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="fr-mb-4w stats-publish" aria-label={t('stats.publish.label')}>
      <ToggleSwitch
        label={t('stats.publish.label')}
        helperText={t('stats.publish.hint', { departement })}
        checked={checked}
        disabled={saving || published.data === null}
        onChange={(next) => void change(next)}
        showCheckedHint={false}
        labelPosition="right"
      />
      <p role="status" className={message ? `fr-message ${message.ok ? 'fr-message--valid' : 'fr-message--error'}` : 'fr-sr-only'}>
        {message?.text ?? ''}
      </p>
      {checked && (
        <p className="fr-mb-0">
          <Link className="fr-link" to={`/statistiques/departement/${encodeURIComponent(departement)}`}>
            {t('stats.publish.link')}
          </Link>
        </p>
      )}
    </section>
  );
}
