import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { FieldErrors } from '@shared/errors/error-codes';
import { CHECKLIST_PARTS, ITEM_LABEL_MAX, TEMPLATE_ITEMS_MAX, TEMPLATE_THEMES } from '@shared/support/support';
import type { TFunction } from 'i18next';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ConfirmButton, ConfirmPanel } from '../../../components/confirm';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { fieldState } from '../../../components/form-fields';
import { ApiError } from '../../../lib/api';
import { errorMessage, fieldMessage, type ShownError } from '../../../lib/api-errors';
import { type ConsultationType, listAdministrations, listConsultationTypes } from '../../../lib/directory';
import { whenLabel } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import {
  type ChecklistDefault,
  type ChecklistItem,
  type ChecklistPart,
  type ChecklistTemplate,
  getDefaults,
  getTemplate,
  resetTemplate,
  saveTemplate,
  type TemplateTheme,
} from '../api/templates';
import { withItemIds } from '../item-ids';

/** The API's shortest label (SaveTemplateDto). */
const LABEL_MIN = 2;
const LIMITS = { min: LABEL_MIN, max: ITEM_LABEL_MAX };

/** An item being edited: `key` names it on screen; `id` is null until a new item is first saved. */
interface DraftItem {
  key: string;
  id: string | null;
  part: ChecklistPart;
  label: string;
}

/** Items in the order they are shown and saved: before, during, after; each part in its own order. */
const byPart = <T extends { part: ChecklistPart }>(items: readonly T[]): T[] => CHECKLIST_PARTS.flatMap((part) => items.filter((i) => i.part === part));

const sameItems = (draft: readonly DraftItem[], saved: readonly ChecklistItem[]) =>
  draft.length === saved.length && draft.every((d, i) => d.id === saved[i]!.id && d.part === saved[i]!.part && d.label.trim() === saved[i]!.label);

/**
 * "Fiches d'accompagnement": the coordinator picks an administration and one of its consultation
 * types, then edits the checklist facilitators fill for it. Every save is a new version; filled
 * checklists keep the version they were filled with.
 */
export function TemplateEditorPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const administrations = useApi(listAdministrations, []);
  const defaults = useApi(getDefaults, []);
  const admins = administrations.data ?? [];
  const administrationId = params.get('administration') ?? (admins.length === 1 ? admins[0]!.id : '');
  const typeId = params.get('objet') ?? '';
  const types = useApi(() => (administrationId ? listConsultationTypes(administrationId) : Promise.resolve([] as ConsultationType[])), [administrationId]);
  const template = useApi(() => (typeId ? getTemplate(typeId) : Promise.resolve(null)), [typeId]);
  const [status, setStatus] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<{ field: 'administration' | 'objet'; patch: Record<string, string> } | null>(null);

  // Closing or reloading the tab would lose the edits: the browser asks first. The last
  // "saved" sentence is about a version being edited again: it goes.
  useEffect(() => {
    if (!dirty) return;
    setStatus(null);
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const typeList = (types.data ?? [])
    .filter((ty) => ty.administrationId === administrationId)
    .sort((a, b) => Number(b.active) - Number(a.active) || a.subject.localeCompare(b.subject, 'fr'));
  const type = typeList.find((ty) => ty.id === typeId) ?? null;
  const loaded = type && template.data?.consultationTypeId === type.id ? template.data : null;
  const loadError = administrations.error ?? types.error ?? template.error ?? defaults.error;

  const apply = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
    setStatus(null);
    setPending(null);
  };
  const choose = (field: 'administration' | 'objet', patch: Record<string, string>) => (dirty ? setPending({ field, patch }) : apply(patch));

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('checklistTemplates.title')}</h1>
      <CoordinatorNav />
      <p>{t('checklistTemplates.intro')}</p>
      <ErrorSummary message={loadError ? errorMessage(t, loadError) : null} />
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label={t('checklistTemplates.administration')}
            nativeSelectProps={{ id: 'tpl-administration', value: administrationId, onChange: (e) => choose('administration', { administration: e.target.value, objet: '' }) }}
          >
            <option value="">{t('checklistTemplates.choose')}</option>
            {admins.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label={t('checklistTemplates.type')}
            disabled={!administrationId}
            nativeSelectProps={{ id: 'tpl-type', value: type ? typeId : '', onChange: (e) => choose('objet', { administration: administrationId, objet: e.target.value }) }}
          >
            <option value="">{t('checklistTemplates.choose')}</option>
            {typeList.map((ty) => (
              <option key={ty.id} value={ty.id}>
                {ty.active ? ty.subject : t('checklistTemplates.retiredType', { subject: ty.subject })}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {pending && type && (
        <ConfirmPanel
          question={t('checklistTemplates.leave.question')}
          detail={t('checklistTemplates.leave.detail', { subject: type.subject })}
          confirmLabel={t('checklistTemplates.leave.yes')}
          cancelLabel={t('checklistTemplates.leave.no')}
          onConfirm={() => apply(pending.patch)}
          onCancel={() => {
            setPending(null);
            document.getElementById(pending.field === 'administration' ? 'tpl-administration' : 'tpl-type')?.focus();
          }}
        />
      )}
      {administrations.data && admins.length === 0 && <p>{t('checklistTemplates.noAdministration')}</p>}
      {administrationId && types.data && typeList.length === 0 && <p>{t('checklistTemplates.noType')}</p>}
      {!type && typeList.length > 0 && <p className="fr-text--sm">{t('checklistTemplates.pick')}</p>}
      {type && !loaded && !template.error && <p>{t('checklistTemplates.loading')}</p>}

      <StatusMessage message={status} focus testId="template-status" />
      {type && loaded && (
        <TemplateEditor
          key={type.id}
          subject={type.subject}
          loaded={loaded}
          defaults={defaults.data}
          onDirtyChange={setDirty}
          onReload={template.reload}
          onDone={(message) => {
            setStatus(message);
            template.reload();
          }}
        />
      )}
    </div>
  );
}

interface EditorProps {
  subject: string;
  loaded: ChecklistTemplate;
  defaults: ChecklistDefault[] | null;
  onDirtyChange(dirty: boolean): void;
  onReload(): void;
  /** Saved or reset: the sentence to announce; the template is then loaded again. */
  onDone(message: string): void;
}

function TemplateEditor({ subject, loaded, defaults, onDirtyChange, onReload, onDone }: EditorProps) {
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
        <p className="fr-hint-text fr-mb-1w">{t('checklistTemplates.items.rules', LIMITS)}</p>
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

interface PartProps {
  part: ChecklistPart;
  items: DraftItem[];
  /** Messages by item key. */
  errors: Record<string, string>;
  full: boolean;
  /** Nothing to edit while saving: what is typed then would be replaced by the version loaded again. */
  busy: boolean;
  onLabel(key: string, label: string): void;
  onMove(item: DraftItem, step: -1 | 1): void;
  onRemove(item: DraftItem): void;
  onAdd(part: ChecklistPart): void;
}

/** One moment of the consultation: its items in order, each with its label and its buttons. */
function PartFieldset({ part, items, errors, full, busy, onLabel, onMove, onRemove, onAdd }: PartProps) {
  const { t } = useTranslation();
  const name = t(`checklistTemplates.parts.${part}`);
  return (
    <fieldset className="fr-fieldset fr-mb-4w" disabled={busy}>
      <legend className="fr-fieldset__legend">
        <h3 className="fr-h5 fr-mb-0">{name}</h3>
      </legend>
      <div className="fr-fieldset__element">
        {items.length === 0 ? (
          <p className="fr-text--sm">{t('checklistTemplates.items.none')}</p>
        ) : (
          <ol className="fr-raw-list">
            {items.map((item, i) => {
              const ref = ` ${t('checklistTemplates.items.ref', { position: i + 1, part: name })}`;
              return (
                <li key={item.key} className="fr-mb-1w">
                  <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
                    <div className="fr-col-12 fr-col-lg-8">
                      <Input
                        label={t('checklistTemplates.items.label', { position: i + 1 })}
                        state={fieldState(errors[item.key])}
                        stateRelatedMessage={errors[item.key]}
                        nativeInputProps={{
                          id: `${item.key}-label`,
                          value: item.label,
                          required: true,
                          maxLength: ITEM_LABEL_MAX,
                          autoComplete: 'off',
                          onChange: (e) => onLabel(item.key, e.target.value),
                        }}
                      />
                    </div>
                    <div className="fr-col-12 fr-col-lg-4">
                      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left">
                        <li>
                          <button id={`${item.key}-up`} type="button" className="fr-btn fr-btn--tertiary fr-icon-arrow-up-line" disabled={i === 0} onClick={() => onMove(item, -1)}>
                            {t('checklistTemplates.items.up')}
                            <span className="fr-sr-only">{ref}</span>
                          </button>
                        </li>
                        <li>
                          <button
                            id={`${item.key}-down`}
                            type="button"
                            className="fr-btn fr-btn--tertiary fr-icon-arrow-down-line"
                            disabled={i === items.length - 1}
                            onClick={() => onMove(item, 1)}
                          >
                            {t('checklistTemplates.items.down')}
                            <span className="fr-sr-only">{ref}</span>
                          </button>
                        </li>
                        <li>
                          <button type="button" className="fr-btn fr-btn--tertiary fr-icon-delete-line" onClick={() => onRemove(item)}>
                            {t('checklistTemplates.items.remove')}
                            <span className="fr-sr-only">{ref}</span>
                          </button>
                        </li>
                      </ul>
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        <button
          id={`tpl-add-${part}`}
          type="button"
          className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left"
          disabled={full}
          aria-describedby={full ? 'tpl-count' : undefined}
          onClick={() => onAdd(part)}
        >
          {t('checklistTemplates.items.add')}
          <span className="fr-sr-only"> {t('checklistTemplates.items.addTo', { part: name })}</span>
        </button>
      </div>
    </fieldset>
  );
}

/** How the summary names an item: its part and its place in it. */
function itemNames(t: TFunction, items: readonly DraftItem[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const part of CHECKLIST_PARTS) {
    items
      .filter((i) => i.part === part)
      .forEach((item, i) => names.set(item.key, t('checklistTemplates.items.name', { part: t(`checklistTemplates.parts.${part}`), position: i + 1 })));
  }
  return names;
}

/** The summary of a refusal: the code's sentence, then each item concerned named with its reason. */
function summarize(t: TFunction, items: readonly DraftItem[], fields: Record<string, string>, others: string[] = []): string {
  const names = itemNames(t, items);
  const named = items.flatMap((item) => (fields[item.key] ? [`${names.get(item.key)} : ${fields[item.key]}`] : []));
  return `${t('errors.codes.VALIDATION_FAILED')} ${[...named, ...others].join(' ; ')}.`;
}

/** What the API would refuse, checked before sending, worded like its answer. */
function checkItems(t: TFunction, items: readonly DraftItem[]): ShownError | null {
  if (items.length === 0) return { summary: t('checklistTemplates.errors.noItems'), fields: {} };
  if (items.length > TEMPLATE_ITEMS_MAX) return { summary: t('checklistTemplates.errors.tooMany', { max: TEMPLATE_ITEMS_MAX }), fields: {} };
  const fields: Record<string, string> = {};
  for (const item of items) {
    const length = item.label.trim().length;
    if (length === 0) fields[item.key] = fieldMessage(t, 'REQUIRED');
    else if (length < LABEL_MIN) fields[item.key] = t('checklistTemplates.errors.labelTooShort', LIMITS);
    else if (length > ITEM_LABEL_MAX) fields[item.key] = t('checklistTemplates.errors.labelTooLong', LIMITS);
  }
  return Object.keys(fields).length > 0 ? { summary: summarize(t, items, fields), fields } : null;
}

/**
 * A refused save in French: the API names items by their index in what was sent (`items.3.label`);
 * each message goes under that item's label, keyed like the form's fields.
 */
function describeSaveError(t: TFunction, error: unknown, sent: readonly DraftItem[]): ShownError {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || !error.fields) return { summary: errorMessage(t, error), fields: {} };
  const fields: Record<string, string> = {};
  const others: string[] = [];
  for (const [name, value] of Object.entries(error.fields)) {
    if (Array.isArray(value)) {
      const code = value[0] ?? null;
      const message =
        name === 'items' && code === 'TOO_MANY'
          ? t('checklistTemplates.errors.tooMany', { max: TEMPLATE_ITEMS_MAX })
          : name === 'items' && (code === 'TOO_SHORT' || code === 'REQUIRED')
            ? t('checklistTemplates.errors.noItems')
            : `${t(`checklistTemplates.fieldNames.${name}`, { defaultValue: name })} : ${fieldMessage(t, code)}`;
      if (name === 'theme') fields.theme = fieldMessage(t, code);
      others.push(message);
    } else if (name === 'items') {
      for (const [index, itemFields] of Object.entries(value)) {
        const item = sent[Number(index)];
        if (item && !fields[item.key]) fields[item.key] = itemMessage(t, itemFields);
      }
    }
  }
  return { summary: summarize(t, sent, fields, others), fields };
}

/** The first reason given for one item (its label's first, then its id's). */
function itemMessage(t: TFunction, itemFields: FieldErrors[string]): string {
  if (Array.isArray(itemFields)) return fieldMessage(t, itemFields[0] ?? null);
  const label = itemFields.label;
  if (Array.isArray(label)) {
    if (label[0] === 'TOO_SHORT') return t('checklistTemplates.errors.labelTooShort', LIMITS);
    if (label[0] === 'TOO_LONG') return t('checklistTemplates.errors.labelTooLong', LIMITS);
    return fieldMessage(t, label[0] ?? null);
  }
  const id = itemFields.id;
  if (Array.isArray(id)) return t('checklistTemplates.errors.id', { reason: fieldMessage(t, id[0] ?? null) });
  const part = itemFields.part;
  return fieldMessage(t, Array.isArray(part) ? (part[0] ?? null) : null);
}
