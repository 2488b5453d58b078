import { useEffect, useRef } from 'react';

/** The error on top of a form: announced (role="alert") and focused so keyboard users land on it. */
export function ErrorSummary({ message }: { message: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert" tabIndex={-1} data-testid="form-error">
      <p>{message}</p>
    </div>
  );
}

/**
 * A success or progress sentence read by screen readers; with `focus`, it also takes the focus (the
 * control that triggered it has gone, e.g. a closed panel), so keyboard users are not lost.
 */
export function StatusMessage({ message, testId, focus = false }: { message: string | null; testId?: string; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message && focus) ref.current?.focus();
  }, [message, focus]);
  return (
    <div role="status" aria-live="polite" data-testid={testId} ref={ref} tabIndex={message && focus ? -1 : undefined}>
      {message ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w">
          <p>{message}</p>
        </div>
      ) : null}
    </div>
  );
}
