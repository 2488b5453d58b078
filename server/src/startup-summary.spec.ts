import { demoAccountsIfSeeded, renderStartupSummary, StartupSummary } from './startup-summary';

const summary = (demo: boolean): StartupSummary => ({
  url: 'http://localhost:3000',
  database: 'embedded',
  startMs: 2345,
  media: [
    { worker: 0, address: '127.0.0.1', udp: 40000, tcp: 40000 },
    { worker: 1, address: '127.0.0.1', udp: 40001, tcp: 40001 },
  ],
  mediaListen: null,
  turn: [],
  demoAccounts: demoAccountsIfSeeded(demo),
});

describe('renderStartupSummary', () => {
  it('at a terminal: the URL, the media ports browsers get, then the demo accounts, aligned', () => {
    const text = renderStartupSummary(summary(true), true);
    expect(text).toContain('Visio MSAP is ready: http://localhost:3000   (started in 2.3 s, embedded database)');
    expect(text).toContain('Media given to browsers: 127.0.0.1  UDP 40000, 40001  TCP 40000, 40001');
    expect(text).toMatch(/admin {8}admin@demo\.visio-msap\.fr {11}demo-admin-2026/);
    expect(text.indexOf('Media given')).toBeLessThan(text.indexOf('Demo accounts'));
  });

  it('for a log collector: one JSON line, then one with the demo accounts, nothing else', () => {
    const lines = renderStartupSummary(summary(true), false).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'Visio MSAP ready on http://localhost:3000', media: summary(true).media });
    expect(lines[1]).toMatchObject({ msg: 'Demo accounts (change or remove them before real use)' });
    expect(lines[1]!.demoAccounts).toContainEqual({ role: 'agent', email: 'agent@demo.visio-msap.fr', password: 'demo-agent-2026' });
  });

  it('without demo data, no accounts; a bound address different from the announced one is named', () => {
    const text = renderStartupSummary({ ...summary(false), mediaListen: '0.0.0.0', media: [{ worker: 0, address: '203.0.113.10', udp: 40000, tcp: 40000 }] }, true);
    expect(text).not.toContain('Demo accounts');
    expect(text).toContain('203.0.113.10  UDP 40000  TCP 40000  (bound to 0.0.0.0)');
    expect(renderStartupSummary(summary(false), false).trim().split('\n')).toHaveLength(1);
  });
});
