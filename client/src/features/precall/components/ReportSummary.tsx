import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n';
import { allPassed, type PreCallReport, renderReportText, reportLines, type Translate } from '../report';
import { StatusBadge } from './CheckSection';

interface ReportSummaryProps {
  report: PreCallReport;
  onDone?: (report: PreCallReport) => void;
  /**
   * At the booth: the verdict alone (each step above says its result in plain words), no list of
   * details and no text to copy: the facilitator's desk receives them by itself.
   */
  plain?: boolean;
}

/** What the facilitator reads at a glance (the badge carries the mark and the word), and the same as text to paste into a support request. */
export function ReportSummary({ report, onDone, plain = false }: ReportSummaryProps) {
  const { t } = useTranslation('precall');
  const translate: Translate = (key, options) => t(key, options);
  const text = useRef<HTMLTextAreaElement>(null);
  // Remembers which text was copied: once a check changes, "copied" would no longer be true.
  const [copy, setCopy] = useState<{ outcome: 'copied' | 'selected'; of: string } | null>(null);
  const lines = reportLines(report, translate);
  const reportText = renderReportText(report, translate);

  const copyReport = async () => {
    try {
      await navigator.clipboard.writeText(reportText);
      setCopy({ outcome: 'copied', of: reportText });
    } catch {
      // No Clipboard API outside a secure context, as on a booth reached by plain http on the LAN:
      // the old copy command still works there, and if not the text is left selected for Ctrl+C.
      text.current?.focus();
      text.current?.select();
      setCopy({ outcome: document.execCommand('copy') ? 'copied' : 'selected', of: reportText });
    }
  };

  return (
    <section aria-labelledby="precall-report-title" className="fr-callout fr-mb-3w">
      <h2 id="precall-report-title" className="fr-callout__title">
        {t('report.title')}
      </h2>
      <p className="fr-callout__text fr-mb-2w">{allPassed(report) ? t('report.allGood') : t('report.notYet')}</p>
      {!plain && (
        <>
          <ul className="fr-mb-2w" data-testid="precall-summary">
            {lines.map((line) => (
              <li key={line.check} className="fr-mb-1w">
                <strong>{line.label}</strong> : <StatusBadge status={line.status} />
                {line.detail && <> — {line.detail}</>}
              </li>
            ))}
          </ul>
          <div className="fr-input-group">
            <label className="fr-label" htmlFor="precall-report-text">
              {t('report.text')}
            </label>
            <textarea
              ref={text}
              id="precall-report-text"
              className="fr-input"
              readOnly
              // Room for lines that wrap on a narrow screen.
              rows={lines.length + 3}
              value={reportText}
            />
          </div>
          <ButtonsGroup
            inlineLayoutWhen="md and up"
            buttonsSize="large"
            buttons={[
              { children: t('report.copy'), priority: 'secondary', iconId: 'fr-icon-clipboard-line', onClick: () => void copyReport() },
              ...(onDone ? [{ children: t('report.done'), onClick: () => onDone(report) }] : []),
            ]}
          />
          <p role="status" className="fr-mt-1w fr-mb-0">
            {copy?.of === reportText && t(`report.${copy.outcome}`)}
          </p>
        </>
      )}
    </section>
  );
}
