import type { FaceLevel, QualityLevel } from './questions';

/**
 * Services Publics+ scores a three-level answer good 10, medium 5, bad 0, and shows the mean of the
 * answers given (out of 10): the same scale here, so our figures compare with theirs.
 */
export const LEVEL_SCORES: Readonly<Record<FaceLevel | QualityLevel, 0 | 5 | 10>> = { good: 10, medium: 5, bad: 0 };

export const levelScore = (level: FaceLevel | QualityLevel): 0 | 5 | 10 => LEVEL_SCORES[level];

/**
 * The mean score out of 10 of the answers given, rounded to one decimal; null when there is none
 * (no answer is not a bad score). "Not concerned" and unanswered questions do not count.
 */
export function meanScore(levels: ReadonlyArray<FaceLevel | QualityLevel | 'not_concerned' | null | undefined>): number | null {
  const scores = levels.flatMap((l) => (l === 'good' || l === 'medium' || l === 'bad' ? [LEVEL_SCORES[l]] : []));
  if (scores.length === 0) return null;
  return Math.round((scores.reduce<number>((a, b) => a + b, 0) / scores.length) * 10) / 10;
}
