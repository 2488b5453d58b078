import { Input } from '@codegouvfr/react-dsfr/Input';
import { ITEM_LABEL_MAX } from '@shared/support/support';
import { useTranslation } from 'react-i18next';
import { fieldState } from '../../../components/form-fields';
import type { ChecklistPart } from '../api/templates';
import type { DraftItem } from '../draft-items';

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
export function PartFieldset({ part, items, errors, full, busy, onLabel, onMove, onRemove, onAdd }: PartProps) {
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
