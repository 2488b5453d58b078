import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n';
import type { CheckStatus } from '../report';

const SEVERITY = { passed: 'success', failed: 'error', pending: 'info' } as const;
const MARK = { passed: '✓', failed: '✗', pending: '…' } as const;

/** The status as words with the mark beside them: colour and icon alone say nothing to everyone. */
export function StatusBadge({ status }: { status: CheckStatus }) {
  const { t } = useTranslation('precall');
  return (
    <Badge as="span" severity={SEVERITY[status]} noIcon>
      <span aria-hidden="true">{MARK[status]}&nbsp;</span>
      {t(`status.${status}`)}
    </Badge>
  );
}

interface CheckSectionProps {
  id: string;
  step: number;
  title: string;
  status: CheckStatus;
  intro: string;
  children: ReactNode;
}

/** One numbered step, as a bordered block with its heading and status. */
export function CheckSection({ id, step, title, status, intro, children }: CheckSectionProps) {
  return (
    <section aria-labelledby={`${id}-title`} className="fr-p-3w fr-mb-3w" style={{ border: '1px solid var(--border-default-grey)' }}>
      <h2 id={`${id}-title`} className="fr-h4 fr-mb-1w">
        {step}. {title} <StatusBadge status={status} />
      </h2>
      <p className="fr-mb-2w">{intro}</p>
      {children}
    </section>
  );
}
