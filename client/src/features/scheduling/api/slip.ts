/** The printable appointment slip (PDF, with a fresh personal link for the citizen), opened in the browser's viewer. */
export const slipUrl = (consultationId: string) => `/api/consultations/${encodeURIComponent(consultationId)}/slip.pdf`;
