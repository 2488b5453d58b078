/**
 * What the agent and the facilitator say of a call right after it: the problems they met (for the
 * quality follow-up) and a short note, per consultation and author.
 */
export const CALL_PROBLEMS = ['sound', 'image', 'cuts', 'documents', 'other'] as const;
export type CallProblem = (typeof CALL_PROBLEMS)[number];

/** The note may name the citizen: short, and erased with the consultation's citizen data. */
export const CALL_FEEDBACK_NOTE_MAX = 300;
