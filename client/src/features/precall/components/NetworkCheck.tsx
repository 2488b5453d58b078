import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useTranslation } from 'react-i18next';
import '../i18n';
import { mediaDetail, type NetworkCheck as NetworkResult, networkVerdict } from '../report';
import { CheckSection } from './CheckSection';

interface NetworkCheckProps {
  result: NetworkResult;
  /** Whether the SFU path is measured here (the app gives a probe; the standalone check does not). */
  hasMediaProbe: boolean;
  running: boolean;
  onRerun: () => void;
  /** At the booth: one plain sentence for the citizen instead of the measures. */
  plain?: boolean;
}

export function NetworkCheck({ result, hasMediaProbe, running, onRerun, plain = false }: NetworkCheckProps) {
  const { t } = useTranslation('precall');
  return (
    <CheckSection
      id="precall-network"
      step={4}
      title={t(plain ? 'plain.networkTitle' : 'network.title')}
      status={result.status}
      intro={t(plain ? 'plain.networkIntro' : 'network.intro')}
    >
      {plain ? (
        <p className="fr-text--lead" role="status" data-testid="precall-network-plain">
          {t(`plain.verdict.${networkVerdict(result)}`)}
        </p>
      ) : (
        <TechnicalResults result={result} hasMediaProbe={hasMediaProbe} running={running} />
      )}
      {/* aria-disabled rather than disabled: a disabled button drops the keyboard focus. */}
      <Button
        size="large"
        priority="secondary"
        iconId="fr-icon-refresh-line"
        nativeButtonProps={{ 'aria-disabled': running }}
        onClick={() => !running && onRerun()}
      >
        {t(plain ? 'plain.retry' : 'network.retry')}
      </Button>
    </CheckSection>
  );
}

/** The measures, for the agent and the facilitator (the staff's check). */
function TechnicalResults({ result, hasMediaProbe, running }: Pick<NetworkCheckProps, 'result' | 'hasMediaProbe' | 'running'>) {
  const { t } = useTranslation('precall');
  const grade = (g: string | null) => (g ? ` (${t(`grade.${g}`)})` : '');
  return (
    <>
      {result.status === 'failed' && result.rttMs === null && (
        <Alert severity="error" small role="alert" description={t('network.unreachable')} className="fr-mb-2w" />
      )}
      <dl className="fr-mb-2w" data-testid="precall-network-results">
        <dt className="fr-text--bold">{t('network.rttLabel')}</dt>
        <dd className="fr-ml-0 fr-mb-1w" data-testid="precall-rtt">
          {result.rttMs === null
            ? t(running ? 'network.running' : 'network.notMeasured')
            : t('network.ms', { ms: Math.round(result.rttMs) }) + grade(result.rttGrade)}
        </dd>
        <dt className="fr-text--bold">{t('network.bitrateLabel')}</dt>
        <dd className="fr-ml-0" data-testid="precall-bitrate">
          {result.bitrateKbps === null
            ? t(running ? 'network.running' : 'network.notMeasured')
            : t('network.kbps', { kbps: result.bitrateKbps }) + grade(result.bitrateGrade)}
        </dd>
        {hasMediaProbe && (
          <>
            <dt className="fr-text--bold fr-mt-1w">{t('network.mediaLabel')}</dt>
            <dd className="fr-ml-0" data-testid="precall-media">
              {result.media === null ? t(running ? 'network.running' : 'network.notMeasured') : mediaDetail(result.media, t)}
            </dd>
          </>
        )}
      </dl>
    </>
  );
}
