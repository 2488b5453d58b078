import type { FaceLevel, QualityLevel } from './questions';

/**
 * Services Publics+ scores a three-level answer good 10, medium 5, bad 0, and shows the mean of the
 * answers given (out of 10): the same scale here, so our figures compare with theirs.
 */
export const LEVEL_SCORES: Readonly<Record<FaceLevel | QualityLevel, 0 | 5 | 10>> = { good: 10, medium: 5, bad: 0 };

export const levelScore = (level: FaceLevel | QualityLevel): 0 | 5 | 10 => LEVEL_SCORES[level];

type Level = FaceLevel | QualityLevel;

/**
 * The mean score out of 10 of answers counted by level, rounded to one decimal; null when there is
 * none (no answer is not a bad score). The statistics count answers in SQL and score them here.
 */
export function scoreOfCounts(counts: Readonly<Record<Level, number>>): number | null {
  const answers = counts.good + counts.medium + counts.bad;
  if (answers === 0) return null;
  const total = (['good', 'medium', 'bad'] as const).reduce((sum, level) => sum + LEVEL_SCORES[level] * counts[level], 0);
  return Math.round((total / answers) * 10) / 10;
}

/**
 * The mean score out of 10 of the answers given, rounded to one decimal; null when there is none.
 * "Not concerned" and unanswered questions do not count.
 */
export function meanScore(levels: ReadonlyArray<Level | 'not_concerned' | null | undefined>): number | null {
  const counts = { good: 0, medium: 0, bad: 0 };
  for (const level of levels) if (level === 'good' || level === 'medium' || level === 'bad') counts[level] += 1;
  return scoreOfCounts(counts);
}
