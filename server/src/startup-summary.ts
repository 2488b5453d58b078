import { DEMO_ACCOUNTS } from './seed/demo-seed.service';

/** What an operator needs to know once the server is up: where to go, where the media are. */
export interface StartupSummary {
  url: string;
  database: 'embedded' | 'external';
  startMs: number;
  /** The address and ports browsers are given for the media, one entry per worker. */
  media: Array<{ worker: number; address: string; udp: number; tcp: number }>;
  /** Bound address when it differs from the one given to browsers. */
  mediaListen: string | null;
  turn: string[];
  /** Only when the demo data set is in use. */
  demoAccounts: ReadonlyArray<{ role: string; email: string; password: string }> | null;
}

export const demoAccountsIfSeeded = (seeded: boolean) =>
  seeded ? DEMO_ACCOUNTS.map(({ role, email, password }) => ({ role, email, password })) : null;

const DEMO_TITLE = 'Demo accounts (change or remove them before real use)';

/**
 * NOTE: printed after Nest's own start-up lines (the route list), so the URL and the demo accounts
 * are the last thing on screen. A person at a terminal gets aligned text; a log collector (stdout
 * not a terminal) gets JSON lines like every other log line.
 */
export function renderStartupSummary(s: StartupSummary, pretty: boolean): string {
  if (!pretty) {
    const lines: object[] = [
      { level: 30, time: Date.now(), msg: `Visio MSAP ready on ${s.url}`, url: s.url, database: s.database, startMs: s.startMs, media: s.media, mediaListen: s.mediaListen, turn: s.turn },
    ];
    if (s.demoAccounts) lines.push({ level: 30, time: Date.now(), msg: DEMO_TITLE, demoAccounts: s.demoAccounts });
    return `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
  }
  const ports = (key: 'udp' | 'tcp') => s.media.map((m) => m[key]).join(', ');
  const addresses = [...new Set(s.media.map((m) => m.address))].join(', ');
  const out = [
    '',
    `  Visio MSAP is ready: ${s.url}   (started in ${(s.startMs / 1000).toFixed(1)} s, ${s.database} database)`,
    `  Media given to browsers: ${addresses || 'none'}  UDP ${ports('udp')}  TCP ${ports('tcp')}${s.mediaListen ? `  (bound to ${s.mediaListen})` : ''}`,
    ...(s.turn.length > 0 ? [`  TURN: ${s.turn.join(', ')}`] : []),
  ];
  if (s.demoAccounts) {
    out.push('', `  ${DEMO_TITLE}:`);
    for (const a of s.demoAccounts) out.push(`    ${a.role.padEnd(12)} ${a.email.padEnd(34)} ${a.password}`);
  }
  return `${out.join('\n')}\n\n`;
}
