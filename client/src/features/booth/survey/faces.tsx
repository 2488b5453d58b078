import type { FaceLevel } from '@shared/survey/questions';

/** The mouth of each face: down, flat, up (drawn, not an emoji: no font needed at the booth). */
const MOUTH: Record<FaceLevel, string> = { bad: 'M15 32 Q24 24 33 32', medium: 'M15 30 L33 30', good: 'M15 28 Q24 37 33 28' };

export function Face({ level }: { level: FaceLevel }) {
  return (
    <svg width="48" height="48" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="17" cy="19" r="2.5" fill="currentColor" />
      <circle cx="31" cy="19" r="2.5" fill="currentColor" />
      <path d={MOUTH[level]} fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
