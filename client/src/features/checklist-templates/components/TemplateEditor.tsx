import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { CHECKLIST_PARTS, TEMPLATE_ITEMS_MAX, TEMPLATE_THEMES } from '@shared/support/support';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton, ConfirmPanel } from '../../../components/confirm';
import { ErrorSummary } from '../../../components/error-summary';
import { fieldState } from '../../../components/form-fields';
import { ApiError } from '../../../lib/api';
import { errorMessage, type ShownError } from '../../../lib/api-errors';
import { whenLabel } from '../../../lib/paris-time';
import {
  type ChecklistDefault,
  type ChecklistItem,
  type ChecklistPart,
  type ChecklistTemplate,
  resetTemplate,
  saveTemplate,
  type TemplateTheme,
} from '../api/templates';
import { byPart, type DraftItem, sameItems } from '../draft-items';
import { withItemIds } from '../item-ids';
import { checkItems, describeSaveError, LABEL_LIMITS } from '../template-errors';
import { PartFieldset } from './PartFieldset';

interface EditorProps {
  subject: string;
  loaded: ChecklistTemplate;
  defaults: ChecklistDefault[] | null;
  onDirtyChange(dirty: boolean): void;
  onReload(): void;
  /** Saved or reset: the sentence to announce; the template is then loaded again. */
  onDone(message: string): void;
}

/**
 * One consultation type's checklist as loaded: its items by part, edited in place (label, order,
 * added, removed, or replaced by a theme's default), saved as a new version, or reset to the default.
 */
export function TemplateEditor({ subject, loaded, defaults, onDirtyChange, onReload, onDone }: EditorProps) {
  const { t } = useTranslation();
  const keys = useRef(0);
  const toDraft = (items: readonly ChecklistItem[]): DraftItem[] => items.map((i) => ({ key: `tpl-item-${++keys.current}`, id: i.id, part: i.part, label: i.label }));
  const [base, setBase] = useState(loaded);
  const [theme, setTheme] = useState<TemplateTheme>(loaded.theme);
  const [items, setItems] = useState<DraftItem[]>(() => toDraft(byPart(loaded.items)));
  const [themeChoice, setThemeChoice] = useState<TemplateTheme>(loaded.theme);
  const [confirmingTheme, setConfirmingTheme] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [announce, setAnnounce] = useState('');
  // The control to focus once the list is drawn again (a moved item's button, the next item…).
  const focusNext = useRef<string | null>(null);
  const reloading = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  // Loaded again (after a save, a reset, "Recharger"): the edits start over from what is saved.
  if (base !== loaded) {
    setBase(loaded);
    setTheme(loaded.theme);
    setItems(toDraft(byPart(loaded.items)));
    setThemeChoice(loaded.theme);
    setConfirmingTheme(false);
    setError(null);
    setStale(false);
    setBusy(false);
  }

  // "Recharger" replaces the stale block the focus was on: it goes to the heading of what came back.
  useEffect(() => {
    if (!reloading.current) return;
    reloading.current = false;
    heading.current?.focus();
    setAnnounce(t('checklistTemplates.reloaded', { version: loaded.version }));
  }, [loaded, t]);

  const ordered = byPart(items);
  const dirty = theme !== loaded.theme || !sameItems(ordered, byPart(loaded.items));
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const partName = (part: ChecklistPart) => t(`checklistTemplates.parts.${part}`);
  const siblings = (part: ChecklistPart) => ordered.filter((i) => i.part === part);

  const move = (item: DraftItem, step: -1 | 1) => {
    const list = siblings(item.part);
    const at = list.indexOf(item);
    const other = list[at + step];
    if (!other) return;
    setItems((current) => current.map((i) => (i.key === item.key ? other : i.key === other.key ? item : i)));
    const to = at + step;
    // The same button keeps the focus, unless the item reached the end it was moving to.
    const atEdge = step < 0 ? to === 0 : to === list.length - 1;
    const forward = step < 0 ? 'up' : 'down';
    const backward = step < 0 ? 'down' : 'up';
    focusNext.current = `${item.key}-${atEdge ? backward : forward}`;
    setAnnounce(t('checklistTemplates.items.moved', { position: to + 1, count: list.length, part: partName(item.part) }));
  };

  const remove = (item: DraftItem) => {
    const list = siblings(item.part);
    const at = list.indexOf(item);
    const next = list[at + 1] ?? list[at - 1];
    setItems((current) => current.filter((i) => i.key !== item.key));
    focusNext.current = next ? `${next.key}-label` : `tpl-add-${item.part}`;
    setAnnounce(t('checklistTemplates.items.removed', { position: at + 1, part: partName(item.part) }));
  };

  const add = (part: ChecklistPart) => {
    const item: DraftItem = { key: `tpl-item-${++keys.current}`, id: null, part, label: '' };
    setItems((current) => [...current, item]);
    focusNext.current = `${item.key}-label`;
  };

  const applyTheme = () => {
    const model = defaults?.find((d) => d.theme === themeChoice);
    setConfirmingTheme(false);
    focusNext.current = 'tpl-theme-apply';
    if (!model) return;
    setTheme(model.theme);
    setItems(toDraft(byPart(model.items)));
    setError(null);
    setAnnounce(t('checklistTemplates.startFrom.applied', { theme: t(`checklistTemplates.themes.${model.theme}`) }));
  };

  const discard = () => {
    setTheme(loaded.theme);
    setItems(toDraft(byPart(loaded.items)));
    setThemeChoice(loaded.theme);
    setError(null);
    setStale(false);
    focusNext.current = 'tpl-save';
    setAnnounce(t('checklistTemplates.discarded'));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setStale(false);
    if (!dirty && loaded.version > 0) {
      setError({ summary: t('checklistTemplates.nothingToSave', { version: loaded.version }), fields: {} });
      return;
    }
    const problem = checkItems(t, ordered);
    if (problem) {
      setError(problem);
      return;
    }
    const sent = withItemIds(ordered.map((i) => ({ ...i, label: i.label.trim() })));
    setBusy(true);
    setError(null);
    try {
      const saved = await saveTemplate(loaded.consultationTypeId, { baseVersion: loaded.version, theme, items: sent.map(({ id, part, label }) => ({ id, part, label })) });
      // Busy until the saved version is loaded again: a second click would be refused as stale.
      onDone(t('checklistTemplates.saved', { version: saved.version, subject }));
    } catch (err) {
      setBusy(false);
      setError(describeSaveError(t, err, sent));
      setStale(err instanceof ApiError && err.code === 'TEMPLATE_VERSION_STALE');
    }
  };

  const reset = async () => {
    setBusy(true);
    setError(null);
    setStale(false);
    try {
      await resetTemplate(loaded.consultationTypeId);
      onDone(t('checklistTemplates.reset.done', { subject }));
    } catch (err) {
      setBusy(false);
      setError({ summary: errorMessage(t, err), fields: {} });
    }
  };

  const full = items.length >= TEMPLATE_ITEMS_MAX;
  const resetHelp =
    loaded.inUse > 0
      ? t('checklistTemplates.reset.inUse', { count: loaded.inUse })
      : loaded.version === 0
        ? t('checklistTemplates.reset.alreadyDefault')
        : t('checklistTemplates.reset.help');

  return (
    <section aria-labelledby="tpl-heading" className="fr-mt-4w">
      <div className="fr-p-3w fr-mb-3w fr-background-alt--grey">
        <h2 id="tpl-heading" className="fr-h4 fr-mb-1w" ref={heading} tabIndex={-1}>
          {t('checklistTemplates.heading', { subject })}
        </h2>
        <p className="fr-mb-1v" data-testid="template-version">
          {loaded.version === 0 || !loaded.savedAt
            ? t('checklistTemplates.defaultVersion')
            : t(loaded.savedBy ? 'checklistTemplates.version' : 'checklistTemplates.versionNoAuthor', {
                version: loaded.version,
                date: whenLabel(loaded.savedAt),
                author: loaded.savedBy,
              })}
        </p>
        <p className="fr-mb-1v" data-testid="template-in-use">
          {t('checklistTemplates.inUse', { count: loaded.inUse })}
        </p>
        <p className="fr-mb-0">{t('checklistTemplates.theme', { theme: t(`checklistTemplates.themes.${theme}`) })}</p>
        {dirty && (
          <Badge severity="warning" small className="fr-mt-1w">
            {t('checklistTemplates.unsaved')}
          </Badge>
        )}
      </div>

      <ErrorSummary message={error?.summary ?? null} />
      {stale && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w">
          <p>{t('checklistTemplates.stale.detail')}</p>
          <Button
            size="small"
            iconId="fr-icon-refresh-line"
            className="fr-mt-1w"
            onClick={() => {
              reloading.current = true;
              onReload();
            }}
          >
            {t('checklistTemplates.stale.reload')}
          </Button>
        </div>
      )}
      <p className="fr-sr-only" role="status" aria-live="polite">
        {announce}
      </p>

      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label={t('checklistTemplates.startFrom.label')}
            hint={t('checklistTemplates.startFrom.hint')}
            state={fieldState(error?.fields.theme)}
            stateRelatedMessage={error?.fields.theme}
            disabled={!defaults}
            nativeSelectProps={{ id: 'tpl-theme', value: themeChoice, onChange: (e) => setThemeChoice(e.target.value as TemplateTheme) }}
          >
            {TEMPLATE_THEMES.map((th) => (
              <option key={th} value={th}>
                {t(`checklistTemplates.themes.${th}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          {!confirmingTheme && (
            <Button id="tpl-theme-apply" priority="secondary" className="fr-mb-3w" disabled={!defaults || busy} onClick={() => setConfirmingTheme(true)}>
              {t('checklistTemplates.startFrom.apply')}
            </Button>
          )}
        </div>
      </div>
      {confirmingTheme && (
        <ConfirmPanel
          question={t('checklistTemplates.startFrom.question', { theme: t(`checklistTemplates.themes.${themeChoice}`) })}
          detail={t('checklistTemplates.startFrom.detail')}
          confirmLabel={t('checklistTemplates.startFrom.yes')}
          cancelLabel={t('checklistTemplates.startFrom.no')}
          onConfirm={applyTheme}
          onCancel={() => {
            setConfirmingTheme(false);
            focusNext.current = 'tpl-theme-apply';
          }}
        />
      )}

      <form onSubmit={(e) => void save(e)} noValidate className="fr-mt-4w">
        <p className="fr-hint-text fr-mb-1w">{t('checklistTemplates.items.rules', LABEL_LIMITS)}</p>
        <p className="fr-hint-text fr-mb-3w" id="tpl-count">
          {full ? t('checklistTemplates.items.full', { max: TEMPLATE_ITEMS_MAX }) : t('checklistTemplates.items.count', { count: items.length, max: TEMPLATE_ITEMS_MAX })}
        </p>
        {CHECKLIST_PARTS.map((part) => (
          <PartFieldset
            key={part}
            part={part}
            items={siblings(part)}
            errors={error?.fields ?? {}}
            full={full}
            busy={busy}
            onLabel={(key, label) => setItems((current) => current.map((i) => (i.key === key ? { ...i, label } : i)))}
            onMove={move}
            onRemove={remove}
            onAdd={add}
          />
        ))}
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
          <li>
            <Button id="tpl-save" type="submit" iconId="fr-icon-save-line" disabled={busy}>
              {t('checklistTemplates.save')}
            </Button>
          </li>
          {dirty && (
            <li>
              <Button priority="tertiary" disabled={busy} onClick={discard}>
                {t('checklistTemplates.discard')}
              </Button>
            </li>
          )}
        </ul>
      </form>

      <section aria-labelledby="tpl-reset-title" className="fr-mt-4w">
        <h3 id="tpl-reset-title" className="fr-h6">
          {t('checklistTemplates.reset.title')}
        </h3>
        <p id="tpl-reset-help" className="fr-text--sm">
          {resetHelp}
        </p>
        <ConfirmButton
          question={t('checklistTemplates.reset.question', { subject })}
          detail={t('checklistTemplates.reset.detail')}
          confirmLabel={t('checklistTemplates.reset.yes')}
          cancelLabel={t('checklistTemplates.reset.no')}
          busy={busy}
          onConfirm={() => void reset()}
        >
          {(ask) => (
            <button
              type="button"
              className="fr-btn fr-btn--secondary fr-icon-arrow-go-back-line fr-btn--icon-left"
              disabled={busy || loaded.inUse > 0 || loaded.version === 0}
              aria-describedby="tpl-reset-help"
              onClick={ask}
            >
              {t('checklistTemplates.reset.button')}
            </button>
          )}
        </ConfirmButton>
      </section>
    </section>
  );
}
