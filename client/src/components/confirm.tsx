import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface ConfirmPanelProps {
  question: string;
  /** A sentence on what follows (who is told, what cannot be undone). */
  detail?: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
  busy?: boolean;
  /** Large buttons where the screen is touched (the booth). */
  large?: boolean;
  /** What the question is about (a list), read after it and before the answers. */
  children?: ReactNode;
}

/**
 * The second step of a destructive action, in place (no modal to trap or lose): the question takes
 * the focus and is read out, the safe answer comes first in reading order, Escape keeps things as
 * they were.
 */
export function ConfirmPanel({ question, detail, confirmLabel, cancelLabel, onConfirm, onCancel, busy = false, large = false, children }: ConfirmPanelProps) {
  const id = useId();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const size = large ? ' fr-btn--lg' : '';
  return (
    <div
      className="fr-alert fr-alert--warning fr-mt-2w"
      role="alertdialog"
      aria-labelledby={`${id}-q`}
      aria-describedby={detail ? `${id}-d` : undefined}
      data-testid="confirm-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p id={`${id}-q`} ref={ref} tabIndex={-1} className="fr-text--bold">
        {question}
      </p>
      {detail && <p id={`${id}-d`}>{detail}</p>}
      {children}
      <ul className="fr-btns-group fr-btns-group--inline fr-mt-2w">
        <li>
          <button type="button" className={`fr-btn fr-btn--secondary${size}`} onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </button>
        </li>
        <li>
          <button type="button" className={`fr-btn${size}`} onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
        </li>
      </ul>
    </div>
  );
}

/** A button whose action runs only once confirmed in a {@link ConfirmPanel} shown in its place. */
export function ConfirmButton({ children, ...panel }: Omit<ConfirmPanelProps, 'onCancel' | 'children'> & { children(ask: () => void): ReactNode }) {
  const [asking, setAsking] = useState(false);
  if (!asking) return <>{children(() => setAsking(true))}</>;
  return (
    <ConfirmPanel
      {...panel}
      onCancel={() => setAsking(false)}
      onConfirm={() => {
        setAsking(false);
        panel.onConfirm();
      }}
    />
  );
}
