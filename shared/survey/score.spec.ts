import { checkAnswer, SURVEY_COMMENT_MAX } from './questions';
import { levelScore, meanScore } from './score';

describe('the Services Publics+ score', () => {
  it('scores good 10, medium 5, bad 0', () => {
    expect([levelScore('good'), levelScore('medium'), levelScore('bad')]).toEqual([10, 5, 0]);
  });

  it('averages the answers given out of 10, to one decimal, skipping "not concerned" and unanswered ones', () => {
    expect(meanScore(['good', 'bad'])).toBe(5);
    expect(meanScore(['good', 'good', 'medium'])).toBe(8.3);
    expect(meanScore(['good', 'not_concerned', null, undefined])).toBe(10);
    expect(meanScore(['bad'])).toBe(0);
  });

  it('has no score without an answer (not a zero)', () => {
    expect(meanScore([])).toBeNull();
    expect(meanScore(['not_concerned', null])).toBeNull();
  });
});

describe('a survey answer', () => {
  it('takes the levels of each question and nothing else', () => {
    expect(checkAnswer('satisfaction', 'good')).toEqual({ ok: true, value: 'good' });
    expect(checkAnswer('satisfaction', 'not_concerned')).toEqual({ ok: false, problem: 'NOT_ALLOWED' });
    expect(checkAnswer('documents', 'not_concerned')).toEqual({ ok: true, value: 'not_concerned' });
    expect(checkAnswer('sound', 10)).toEqual({ ok: false, problem: 'NOT_ALLOWED' });
  });

  it('takes a clarity from 1 to 5, as a whole number', () => {
    expect(checkAnswer('clarity', 1)).toEqual({ ok: true, value: 1 });
    expect(checkAnswer('clarity', 5)).toEqual({ ok: true, value: 5 });
    expect(checkAnswer('clarity', 6)).toEqual({ ok: false, problem: 'NOT_ALLOWED' });
    expect(checkAnswer('clarity', 2.5)).toEqual({ ok: false, problem: 'INVALID_TYPE' });
    expect(checkAnswer('clarity', '3')).toEqual({ ok: false, problem: 'INVALID_TYPE' });
  });

  it('takes a trimmed comment of at most the limit, with line breaks but no control character', () => {
    expect(checkAnswer('comment', '  Très bien.\nMerci  ')).toEqual({ ok: true, value: 'Très bien.\nMerci' });
    expect(checkAnswer('comment', 'x'.repeat(SURVEY_COMMENT_MAX))).toMatchObject({ ok: true });
    expect(checkAnswer('comment', 'x'.repeat(SURVEY_COMMENT_MAX + 1))).toEqual({ ok: false, problem: 'TOO_LONG' });
    expect(checkAnswer('comment', 'a\u0007b')).toEqual({ ok: false, problem: 'CONTROL_CHARACTER' });
    expect(checkAnswer('comment', '   ')).toEqual({ ok: false, problem: 'TOO_SHORT' });
    expect(checkAnswer('comment', 3)).toEqual({ ok: false, problem: 'INVALID_TYPE' });
  });
});
