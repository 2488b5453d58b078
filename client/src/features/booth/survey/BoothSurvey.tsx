import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import {
  checkAnswer,
  CLARITY_MAX,
  CLARITY_MIN,
  DOCUMENT_LEVELS,
  FACE_LEVELS,
  QUALITY_LEVELS,
  SURVEY_COMMENT_MAX,
  type FaceLevel,
  type SurveyQuestion,
} from '@shared/survey/questions';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/api-errors';
import { answerSurvey, openSurvey } from './survey-api';
import { Face } from './faces';
import './booth-survey.css';

type Answer = string | number;
type SaveState = 'saving' | 'saved' | { failed: string };

const CLARITY = Array.from({ length: CLARITY_MAX - CLARITY_MIN + 1 }, (_, i) => CLARITY_MIN + i);

/**
 * The citizen's survey after the call, on one screen: one tap per question, each answer saved at
 * once (so leaving halfway keeps what was given); a tap by mistake is corrected by another tap. Anonymous: the token the server
 * gives lives in this page's memory only. Without a token (refused, network), only the end buttons.
 */
export function BoothSurvey({ consultationId, onDone }: { consultationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [token, setToken] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [answers, setAnswers] = useState<Partial<Record<SurveyQuestion, Answer>>>({});
  const [states, setStates] = useState<Partial<Record<SurveyQuestion, SaveState>>>({});
  const [comment, setComment] = useState('');

  useEffect(() => {
    openSurvey(consultationId)
      .then((ticket) => setToken(ticket.token))
      .catch(() => setUnavailable(true));
  }, [consultationId]);

  // Answers to one question are sent one after the other: a quick correction is stored last.
  const queues = useRef<Partial<Record<SurveyQuestion, Promise<unknown>>>>({});
  const latest = useRef<Partial<Record<SurveyQuestion, Answer>>>({});
  const save = (question: SurveyQuestion, value: Answer) => {
    if (!token) return;
    latest.current[question] = value;
    setAnswers((a) => ({ ...a, [question]: value }));
    setStates((s) => ({ ...s, [question]: 'saving' }));
    const sent = (queues.current[question] ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => answerSurvey(token, question, value));
    queues.current[question] = sent;
    sent
      .then(() => latest.current[question] === value && setStates((s) => ({ ...s, [question]: 'saved' })))
      .catch((err: unknown) => latest.current[question] === value && setStates((s) => ({ ...s, [question]: { failed: describeError(t, err).summary } })));
  };
  const savedComment = states.comment === 'saved' ? answers.comment : undefined;
  const commentProblem = comment.trim() === '' ? null : (() => {
    const checked = checkAnswer('comment', comment);
    return checked.ok ? null : checked.problem;
  })();

  const status = (q: SurveyQuestion) => {
    const s = states[q];
    const text = s === undefined ? '' : s === 'saving' ? t('survey.saving') : s === 'saved' ? `✓ ${t('survey.saved')}` : t('survey.failed', { reason: s.failed });
    return (
      <span className="booth-survey__status" role="status" data-testid={`survey-status-${q}`}>
        {text}
      </span>
    );
  };

  const choices = (q: SurveyQuestion, legend: string, options: ReadonlyArray<{ value: Answer; label: ReactNode; face?: boolean }>) => (
    <fieldset className="booth-survey__question" data-testid={`survey-${q}`}>
      <legend>{legend}</legend>
      <div className="booth-survey__options" role="radiogroup" aria-label={legend}>
        {options.map((o) => (
          <label key={String(o.value)} className={`booth-survey__option${o.face ? ' booth-survey__option--face' : ''}`}>
            <input type="radio" name={`survey-${q}`} value={String(o.value)} checked={answers[q] === o.value} onChange={() => save(q, o.value)} />
            {o.label}
          </label>
        ))}
        {status(q)}
      </div>
    </fieldset>
  );
  const levels = (q: 'sound' | 'image' | 'documents', values: readonly string[]) =>
    choices(q, t(`survey.questions.${q}`), values.map((v) => ({ value: v, label: t(`survey.levels.${v}`) })));

  return (
    <div data-testid="booth-survey">
      <p className="fr-mb-2w">{unavailable ? t('survey.unavailable') : t('survey.intro')}</p>
      {token && (
        <div className="booth-survey__grid">
          <div>
            {choices(
              'satisfaction',
              t('survey.questions.satisfaction'),
              FACE_LEVELS.map((l: FaceLevel) => ({ value: l, face: true, label: <><Face level={l} /><span>{t(`survey.faces.${l}`)}</span></> })),
            )}
            {choices('clarity', t('survey.questions.clarity'), CLARITY.map((n) => ({ value: n, label: <><span aria-hidden="true">{n}</span><span className="fr-sr-only">{t('survey.clarityValue', { value: n })}</span></> })))}
            <div className="booth-survey__comment">
              <Input
                textArea
                label={t('survey.comment')}
                hintText={t('survey.commentHint', { max: SURVEY_COMMENT_MAX })}
                state={commentProblem ? 'error' : 'default'}
                stateRelatedMessage={commentProblem ? t(`errors.fields.${commentProblem}`) : undefined}
                nativeTextAreaProps={{ value: comment, rows: 2, maxLength: SURVEY_COMMENT_MAX + 50, onChange: (e) => setComment(e.target.value) }}
              />
            </div>
          </div>
          <div>
            <p className="fr-text--bold fr-mb-1w">{t('survey.quality')}</p>
            {levels('sound', QUALITY_LEVELS)}
            {levels('image', QUALITY_LEVELS)}
            {levels('documents', DOCUMENT_LEVELS)}
            <div className="booth-survey__options fr-mt-1w">
              <Button size="large" priority="secondary" disabled={comment.trim() === '' || commentProblem !== null || states.comment === 'saving' || savedComment === comment} onClick={() => save('comment', comment)}>
                {t('survey.commentSend')}
              </Button>
              {status('comment')}
            </div>
          </div>
        </div>
      )}
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--lg fr-mt-2w">
        <li>
          <Button size="large" onClick={onDone}>
            {t('survey.finish')}
          </Button>
        </li>
        {token && Object.keys(answers).length === 0 && (
          <li>
            <Button size="large" priority="secondary" onClick={onDone}>
              {t('survey.skip')}
            </Button>
          </li>
        )}
      </ul>
    </div>
  );
}
