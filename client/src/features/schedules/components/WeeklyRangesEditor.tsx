import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldState } from '../../../components/form-fields';
import { problemText } from '../range-summary';
import { newKey, WEEKDAYS, type DraftProblems, type DraftRange } from '../weekly-draft';

interface Props {
  /** Prefix of the fields' ids (two editors may share a page). */
  id: string;
  draft: DraftRange[];
  onChange(draft: DraftRange[]): void;
  problems: DraftProblems;
  /** Said of a day without ranges: "Fermé", "Pas disponible". */
  emptyDay: string;
}

/**
 * A week of time ranges, one group per day. Times are native time fields: typed with the keyboard
 * (digits, arrows) or picked on a touch screen, never dragged. A new range takes the focus; a
 * removed one gives it to its day's "add" button.
 */
export function WeeklyRangesEditor({ id, draft, onChange, problems, emptyDay }: Props) {
  const { t } = useTranslation();
  // The field to focus once the draft that holds it is drawn, then forgotten: focus moves once per
  // add or remove, never again on later edits (it would pull the typing into another field).
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    pendingFocus.current = null;
    document.getElementById(id)?.focus();
  }, [draft]);
  const setFocus = (id: string) => {
    pendingFocus.current = id;
  };

  const dayName = (weekday: number) => t(`schedules.weekdays.${weekday}`);
  const update = (key: string, patch: Partial<DraftRange>) => onChange(draft.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = (weekday: number) => {
    const ofDay = draft.filter((r) => r.weekday === weekday);
    const last = ofDay[ofDay.length - 1];
    // A second range of the day starts where the first ends: the usual afternoon after the morning.
    const range: DraftRange = { key: newKey(), weekday, start: last ? last.end : '09:00', end: last ? '' : '12:00' };
    const at = draft.findIndex((r) => r.weekday > weekday);
    onChange(at < 0 ? [...draft, range] : [...draft.slice(0, at), range, ...draft.slice(at)]);
    setFocus(`${id}-${range.key}-start`);
  };
  const remove = (key: string, weekday: number) => {
    onChange(draft.filter((r) => r.key !== key));
    setFocus(`${id}-add-${weekday}`);
  };
  const copyMonday = () => {
    const monday = draft.filter((r) => r.weekday === 1);
    const copies = [2, 3, 4, 5].flatMap((weekday) => monday.map((r) => ({ ...r, key: newKey(), weekday })));
    onChange([...monday, ...copies, ...draft.filter((r) => r.weekday > 5)]);
  };

  return (
    <>
      <div className="fr-grid-row fr-grid-row--gutters">
        {WEEKDAYS.map((weekday) => {
          const ranges = draft.filter((r) => r.weekday === weekday);
          return (
            <div className="fr-col-12 fr-col-xl-6" key={weekday}>
              <fieldset className="fr-fieldset fr-mb-0" data-testid={`${id}-day-${weekday}`}>
                <legend className="fr-fieldset__legend fr-text--bold fr-pb-1w">{dayName(weekday)}</legend>
                {ranges.length === 0 && <p className="fr-fieldset__element fr-text--sm fr-mb-1w">{emptyDay}</p>}
                {ranges.map((r, i) => {
                  const problem = problems[r.key];
                  const message = problem ? problemText(t, problem.code) : undefined;
                  const context = t('schedules.editor.rangeContext', { day: dayName(weekday), n: i + 1 });
                  return (
                    <div className="fr-fieldset__element" key={r.key}>
                      {/* No gutters: beside the week's preview, the two time fields need the width. */}
                      <div className="fr-grid-row">
                        <div className="fr-col-5 fr-pr-1w">
                          <Input
                            className="fr-mb-0"
                            label={
                              <>
                                {t('schedules.editor.start')}
                                <span className="fr-sr-only"> {context}</span>
                              </>
                            }
                            nativeInputProps={{ id: `${id}-${r.key}-start`, type: 'time', value: r.start, onChange: (e) => update(r.key, { start: e.target.value }) }}
                            state={fieldState(problem?.field === 'start' ? message : undefined)}
                            stateRelatedMessage={problem?.field === 'start' ? message : undefined}
                          />
                        </div>
                        <div className="fr-col-5 fr-pr-1w">
                          <Input
                            className="fr-mb-0"
                            label={
                              <>
                                {t('schedules.editor.end')}
                                <span className="fr-sr-only"> {context}</span>
                              </>
                            }
                            nativeInputProps={{ id: `${id}-${r.key}-end`, type: 'time', value: r.end, onChange: (e) => update(r.key, { end: e.target.value }) }}
                            state={fieldState(problem?.field === 'end' ? message : undefined)}
                            stateRelatedMessage={problem?.field === 'end' ? message : undefined}
                          />
                        </div>
                        {/* Level with the fields (below their labels), whatever message grows under them. */}
                        <div className="fr-col-2 fr-mt-4w">
                          <Button
                            type="button"
                            priority="tertiary no outline"
                            iconId="fr-icon-delete-line"
                            title={t('schedules.editor.remove', { context })}
                            onClick={() => remove(r.key, weekday)}
                          />
                        </div>
                      </div>
                    </div>
                  );
                })}
                <div className="fr-fieldset__element">
                  <Button
                    type="button"
                    size="small"
                    priority="secondary"
                    iconId="fr-icon-add-line"
                    iconPosition="left"
                    nativeButtonProps={{ id: `${id}-add-${weekday}` }}
                    onClick={() => add(weekday)}
                  >
                    {t('schedules.editor.add')}
                    <span className="fr-sr-only"> {t('schedules.editor.addTo', { day: dayName(weekday) })}</span>
                  </Button>
                </div>
              </fieldset>
            </div>
          );
        })}
      </div>
      <Button type="button" size="small" priority="tertiary" className="fr-mt-2w" onClick={copyMonday} disabled={!draft.some((r) => r.weekday === 1)}>
        {t('schedules.editor.copyMonday')}
      </Button>
    </>
  );
}
