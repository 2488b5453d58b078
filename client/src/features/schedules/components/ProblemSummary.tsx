import { useEffect, useRef } from 'react';

export interface SummaryLine {
  text: string;
  /** The id of the field to correct: the line is a link to it. */
  target?: string;
}

/**
 * The error summary on top of a form (RGAA 11.10): one sentence, then each problem named where it
 * is ("Mardi, plage 3 : la fin doit être après le début"), a link that moves the focus to the field.
 * Announced and focused each time the form is sent (`attempt`), so keyboard users land on it.
 */
export function ProblemSummary({ lead, lines, attempt }: { lead: string | null; lines: readonly SummaryLine[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (lead) ref.current?.focus();
  }, [lead, attempt]);
  if (!lead) return null;
  return (
    <div ref={ref} className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert" tabIndex={-1} data-testid="form-error">
      <p>{lead}</p>
      {lines.length > 0 && (
        <ul className="fr-mt-1w">
          {lines.map((line) => (
            <li key={`${line.target ?? ''}${line.text}`}>
              {line.target ? (
                <a
                  href={`#${line.target}`}
                  onClick={(e) => {
                    // The field, not just the page scrolled to it: typing goes there at once.
                    const field = document.getElementById(line.target!);
                    if (!field) return;
                    e.preventDefault();
                    field.focus();
                    field.scrollIntoView({ block: 'center' });
                  }}
                >
                  {line.text}
                </a>
              ) : (
                line.text
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
