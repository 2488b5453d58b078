import { useTranslation } from 'react-i18next';
import { whenLabel } from '../../../lib/paris-time';
import { MassCancellationPreview } from '../api/types';

/** The consultations the selection cancels (first page), with how each citizen can be told. */
export function PreviewTable({ preview }: { preview: MassCancellationPreview }) {
  const { t } = useTranslation();
  return (
    <div className="fr-table">
      <table>
        <caption>{t('massCancel.previewCaption', { shown: preview.items.length, total: preview.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('massCancel.columns.when')}</th>
            <th scope="col">{t('massCancel.columns.citizen')}</th>
            <th scope="col">{t('massCancel.columns.contact')}</th>
            <th scope="col">{t('massCancel.columns.place')}</th>
            <th scope="col">{t('massCancel.columns.agent')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.items.map((item) => (
            <tr key={item.id}>
              <td>{whenLabel(item.startsAt)}</td>
              <th scope="row">{item.citizenName}</th>
              <td>
                {[item.hasPhone && t('massCancel.hasPhone'), item.hasEmail && t('massCancel.hasEmail')].filter(Boolean).join(', ') || (
                  <strong>{t('massCancel.none')}</strong>
                )}
              </td>
              <td>
                {item.msapSiteName}, {item.boothName}
              </td>
              <td>
                {item.agentName} ({item.administration})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
