/**
 * Join-time benchmark: from the booth's "join" request to the first remote video frame decoded, in
 * real Chromium through the real server and worker, on loopback. Prints one JSON document.
 *
 *   npx ts-node --transpile-only test/bench/join-time.ts [runs=12]
 *
 * The first run includes the agent's admission (a person's click, scripted here) and is reported
 * apart; the next runs reload the booth, which goes straight back into the call, as after a
 * reconnection: that is the system's own join time.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { startTestApp } from '../support/app';
import { launchChromium } from '../support/browser';
import { openCallBrowsers } from '../support/call-browsers';
import { createConsultation } from '../support/consultations';
import { demoIds } from '../support/demo-data';

const runs = Math.max(10, Number(process.argv[2] ?? 12));

/** Milliseconds from the engine's join to the first decoded remote frame, measured in the page. */
function measureInPage(page: Page): Promise<number> {
  return page.evaluate(async () => {
    type Engine = { joinStartedAt: number | null; inboundStats(): Promise<Array<{ kind: string; framesDecoded: number }>> };
    const w = globalThis as unknown as { visioCall?: Engine; performance: { now(): number } };
    const deadline = w.performance.now() + 30_000;
    while (w.performance.now() < deadline) {
      const engine = w.visioCall;
      if (engine?.joinStartedAt != null) {
        const stats = await engine.inboundStats();
        if (stats.some((s) => s.kind === 'video' && s.framesDecoded > 0)) return w.performance.now() - engine.joinStartedAt;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('no frame decoded within 30 s');
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  if (!process.env.VISIO_TEST_PG_URL) process.env.VISIO_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
  const t = await startTestApp({ MEDIA_WORKERS: '1', LOGIN_RATE_LIMIT: '1000' });
  const chrome = await launchChromium();
  try {
    const ids = await demoIds(t.dataSource);
    const consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
    const { booth, agent } = await openCallBrowsers(chrome, t.baseUrl, ids.pithiviersBoothId);
    await agent.goto(`${t.baseUrl}/consultation/${consultationId}`);
    const callUrl = `${t.baseUrl}/borne/consultation/${consultationId}`;

    await booth.goto(callUrl);
    const measuring = measureInPage(booth);
    await agent.getByRole('button', { name: 'Faire entrer' }).click();
    const firstWithAdmission = await measuring;

    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      await booth.goto(callUrl);
      samples.push(await measureInPage(booth));
      process.stderr.write(`run ${i + 1}/${runs}: ${samples.at(-1)!.toFixed(0)} ms\n`);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const round = (n: number) => Math.round(n);
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'join_to_first_remote_frame_ms',
          machine: { cores: Number(execFileSync('nproc').toString()), node: process.version, chromium: chrome.browser.version() },
          runs,
          p50: round(percentile(sorted, 50)),
          p95: round(percentile(sorted, 95)),
          min: round(sorted[0]!),
          max: round(sorted.at(-1)!),
          samples: samples.map(round),
          firstRunIncludingScriptedAdmission: round(firstWithAdmission),
          targetP50: 500,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await chrome.close();
    await t.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
