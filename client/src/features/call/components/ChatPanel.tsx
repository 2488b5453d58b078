import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_MAX_LENGTH, type ChatMessage, type Participant } from '@shared/signalling/protocol';
import { timeOf } from '../../../lib/paris-time';
import { chatParts } from '../chat-links';
import type { CallEngine } from '../media/call-engine';
import type { CallSnapshot } from '../media/call-state';
import type { ChatSendError } from '../media/chat-channel';
import { frChat } from '../../../i18n/fr-chat';
import type { ChatTab } from './BoothSide';
import './chat-panel.css';

/** Errors of the text itself: the field is marked too. */
const TEXT_PROBLEMS = new Set<ChatSendError>(['empty', 'too_long', 'control_characters']);
const PHRASES = Object.keys(frChat.chat.phrases) as Array<keyof typeof frChat.chat.phrases>;

/** Whether the page is on screen: messages arriving in a hidden tab are not "read". */
function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  return visible;
}

const isMine = (m: ChatMessage, self: Participant | null) => m.senderRole === self?.role && m.senderName === self.displayName;

/**
 * The consultation's chat beside the video (and in the booth's lobby): for a citizen who cannot
 * hear or speak, a word the agent spells, an address to note. Messages are plain text; addresses
 * become links except at the booth, a shared kiosk whose only page must stay the call. As one of
 * the booth's views (`tab`), it is always open when shown and its unread count goes to its button.
 */
export function ChatPanel({ engine, snapshot: s, tab }: { engine: CallEngine; snapshot: CallSnapshot; tab?: ChatTab }) {
  const { t } = useTranslation();
  const id = useId();
  const booth = s.self?.role === 'booth';
  const { messages, pending, loaded } = s.chat;
  const [open, setOpen] = useState(true);
  const [seen, setSeen] = useState<ReadonlySet<string>>(new Set());
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<ChatSendError | null>(null);
  const visible = usePageVisible();
  const log = useRef<HTMLDivElement>(null);

  const shown = tab ? tab.shown : open;
  // Open on a visible page, everything shown counts as read.
  useEffect(() => {
    if (shown && visible) setSeen(new Set(messages.map((m) => m.id)));
  }, [shown, visible, messages]);
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [shown, messages.length, pending.length]);
  const unread = messages.filter((m) => !seen.has(m.id) && !isMine(m, s.self)).length;
  const onUnread = tab?.onUnread;
  useEffect(() => onUnread?.(unread), [onUnread, unread]);

  const send = async (text: string, fromField: boolean) => {
    if (fromField) setDraft('');
    const problem = await engine.sendChat(text);
    setError(problem);
    // Not sent: the words come back into the field (unless something new was typed meanwhile).
    if (problem && fromField) setDraft((current) => current || text);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send(draft, true);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    void send(draft, true);
  };

  const label = (m: ChatMessage) => (isMine(m, s.self) ? t('chat.you') : `${m.senderName} (${t(`chat.roles.${m.senderRole}`)})`);
  const length = [...draft.trim()].length;

  return (
    <section className={tab ? 'chat-panel chat-panel--tab' : 'chat-panel fr-mt-2w'} aria-labelledby={`${id}-title`} data-testid="chat-panel">
      {tab ? (
        // The view's button says « Messages » on screen: the heading is for the page's outline.
        <h2 className="fr-sr-only" id={`${id}-title`}>
          {t('chat.title')}
        </h2>
      ) : (
        <h2 className="fr-h6 fr-mb-1w" id={`${id}-title`}>
          <button
            type="button"
            className="chat-panel__toggle fr-btn fr-btn--tertiary-no-outline"
            aria-expanded={open}
            aria-controls={`${id}-body`}
            onClick={() => setOpen(!open)}
            data-testid="chat-toggle"
          >
            <span className={open ? 'fr-icon-arrow-up-s-line' : 'fr-icon-arrow-down-s-line'} aria-hidden="true" />
            {t('chat.title')}
            {unread > 0 && (
              <Badge severity="new" small className="fr-ml-1w" data-testid="chat-unread">
                {t('chat.unread', { count: unread })}
              </Badge>
            )}
          </button>
        </h2>
      )}
      {!tab && !open && (
        // Collapsed, the log is not there to announce: the count is.
        <p className="fr-sr-only" role="status">
          {unread > 0 ? t('chat.unread', { count: unread }) : ''}
        </p>
      )}
      <div id={`${id}-body`} className="chat-panel__body" hidden={!shown}>
        <div ref={log} className="chat-panel__log" role="log" aria-live="polite" aria-busy={!loaded} aria-label={t('chat.log')} tabIndex={0} data-testid="chat-log">
          {messages.length === 0 && pending.length === 0 ? (
            <p className="fr-text--sm fr-mb-0">{t('chat.empty')}</p>
          ) : (
            <ul className="chat-panel__messages">
              {messages.map((m) => (
                <li key={m.id} className={isMine(m, s.self) ? 'chat-panel__message chat-panel__message--mine' : 'chat-panel__message'} data-testid="chat-message">
                  <p className="fr-text--xs fr-mb-0">
                    <strong>{label(m)}</strong>, <time dateTime={m.sentAt}>{timeOf(m.sentAt)}</time>
                  </p>
                  <MessageText text={m.text} booth={booth} />
                </li>
              ))}
              {pending.map((p) => (
                <li key={p.clientId} className="chat-panel__message chat-panel__message--mine chat-panel__message--pending" data-testid="chat-pending">
                  <p className="fr-text--xs fr-mb-0">
                    <strong>{t('chat.you')}</strong>, {t('chat.pending')}
                  </p>
                  <p className="chat-panel__text fr-mb-0">{p.text}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
        {booth && (
          <div role="group" className="chat-panel__phrases" aria-labelledby={`${id}-phrases`} aria-describedby={`${id}-phrases-hint`}>
            <p className="chat-panel__phrases-title fr-mb-1w">
              <span id={`${id}-phrases`} className="fr-text--bold">
                {t('chat.phrasesTitle')}
              </span>{' '}
              <span id={`${id}-phrases-hint`} className="fr-hint-text">
                {t('chat.phrasesHint')}
              </span>
            </p>
            <div className="chat-panel__phrase-list">
              {PHRASES.map((key) => (
                <Button key={key} type="button" priority="secondary" onClick={() => void send(t(`chat.phrases.${key}`), false)}>
                  {t(`chat.phrases.${key}`)}
                </Button>
              ))}
            </div>
          </div>
        )}
        {/* Between the phrases and the field, where the eyes are after either; said aloud when it appears. */}
        <p id={`${id}-error`} className={error ? 'fr-error-text fr-mt-1w fr-mb-0' : 'fr-mb-0'} role="alert" data-testid="chat-error">
          {error ? t(`chat.errors.${error}`) : ''}
        </p>
        <form onSubmit={onSubmit} className="chat-panel__form" noValidate>
          <Input
            textArea
            label={t('chat.field')}
            hintText={t('chat.hint')}
            state={error && TEXT_PROBLEMS.has(error) ? 'error' : 'default'}
            nativeTextAreaProps={{
              value: draft,
              rows: 2,
              onChange: (e) => {
                setDraft(e.target.value);
                if (error) setError(null);
              },
              onKeyDown,
              'aria-describedby': `${id}-counter ${id}-error`,
              name: 'chat-message',
            }}
          />
          <div className="chat-panel__send">
            <p id={`${id}-counter`} className={length > CHAT_MAX_LENGTH ? 'fr-error-text fr-mt-0' : 'fr-hint-text fr-mt-0'} data-testid="chat-counter">
              {t('chat.counter', { count: length, max: CHAT_MAX_LENGTH })}
            </p>
            <Button type="submit" size={booth ? 'large' : 'medium'} iconId="fr-icon-send-plane-fill" iconPosition="right">
              {t('chat.send')}
            </Button>
          </div>
        </form>
      </div>
    </section>
  );
}

/** A message's text as text, its web addresses as links, or as text to note at the booth. */
function MessageText({ text, booth }: { text: string; booth: boolean }) {
  const { t } = useTranslation();
  const parts = chatParts(text);
  const hasLink = parts.some((p) => p.kind === 'url');
  return (
    <>
      <p className="chat-panel__text fr-mb-0">
        {parts.map((p, i) =>
          p.kind === 'text' ? (
            p.text
          ) : booth ? (
            <span key={i} className="chat-panel__url" data-testid="chat-url">
              {p.text}
            </span>
          ) : (
            <a key={i} href={p.href} target="_blank" rel="noopener noreferrer" data-testid="chat-link">
              {p.text}
              <span className="fr-sr-only"> ({t('chat.newLink')})</span>
            </a>
          ),
        )}
      </p>
      {booth && hasLink && <p className="fr-text--xs fr-mb-0 chat-panel__link-note">{t('chat.linkOnBooth')}</p>}
    </>
  );
}
