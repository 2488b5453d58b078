import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useCallback, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What the chat needs to know when it is one of the booth's two views. */
export interface ChatTab {
  /** Whether the chat is the view on screen (hidden, what arrives is unread). */
  shown: boolean;
  /** The chat tells how many messages are unread, for the badge on its button. */
  onUnread: (count: number) => void;
}

type View = 'chat' | 'documents';

/**
 * The booth's side column in the call: the chat or the documents, one at a time, so that the
 * chat's ready-made phrases and field fit on the screen without scrolling (a deaf citizen must see
 * at once that they can write). The chat comes first; both stay mounted (a draft, a photo in
 * progress survive a switch). Two toggle buttons rather than tabs: one touch, no arrow keys to learn.
 * Without `views` (staff, the booth's lobby) the chat alone, at the same place in the tree: it is
 * not made again (its draft kept) when the booth enters the call.
 */
export function BoothSide({ views, chat, documents, aside }: { views: boolean; chat: (tab: ChatTab | undefined) => ReactNode; documents: (show: () => void) => ReactNode; aside?: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const [view, setView] = useState<View>('chat');
  const [unread, setUnread] = useState(0);
  // A document the agent sends opens full screen by itself: its view comes forward with it.
  const showDocuments = useCallback(() => setView('documents'), []);
  const button = (v: View, label: string, extra?: ReactNode) => (
    <button
      type="button"
      className={`fr-btn ${view === v ? '' : 'fr-btn--secondary'}`}
      aria-pressed={view === v}
      aria-controls={`${id}-${v}`}
      onClick={() => setView(v)}
      data-testid={`side-view-${v}`}
    >
      {label}
      {extra}
    </button>
  );
  return (
    <>
      {views && (
        <div className="booth-side__bar">
          <div className="booth-side__switch" role="group" aria-label={t('callSide.label')}>
            {button(
              'chat',
              t('chat.title'),
              view !== 'chat' && unread > 0 && (
                <Badge severity="new" small className="fr-ml-1w" data-testid="chat-unread">
                  {t('chat.unread', { count: unread })}
                </Badge>
              ),
            )}
            {button('documents', t('documents.title'))}
          </div>
          {aside}
        </div>
      )}
      {views && (
        // The chat's own live log is hidden with it: the count is said instead.
        <p className="fr-sr-only" role="status">
          {view !== 'chat' && unread > 0 ? t('chat.unread', { count: unread }) : ''}
        </p>
      )}
      <div id={`${id}-chat`} className={views ? 'booth-side__view' : undefined} hidden={views && view !== 'chat'}>
        {chat(views ? { shown: view === 'chat', onUnread: setUnread } : undefined)}
      </div>
      {views && (
        <div id={`${id}-documents`} className="booth-side__view booth-side__view--documents" hidden={view !== 'documents'}>
          {documents(showDocuments)}
        </div>
      )}
    </>
  );
}
