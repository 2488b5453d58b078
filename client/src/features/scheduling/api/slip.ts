/** The printable appointment slip (PDF, with a fresh personal link for the citizen), downloaded by the browser. */
export const slipUrl = (consultationId: string) => `/api/consultations/${encodeURIComponent(consultationId)}/slip.pdf`;
