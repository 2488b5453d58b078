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
import { startCallScenario } from '../support/call-scenario';
import { inbound, joinSteps } from '../support/call-probe';

const runs = Math.max(10, Number(process.argv[2] ?? 12));

interface Sample {
  total: number;
  /** The engine's own marks (ms after join): where the time goes. */
  steps: Record<string, number>;
}

/**
 * Milliseconds from the call's join (its 'visio:join' User Timing mark) to the first decoded remote
 * frame, with the steps marked in between, read from the page's own performance timeline and peer
 * connections (see call-probe).
 */
async function measureInPage(page: Page): Promise<Sample> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const join = await joinSteps(page);
    if (join && (await inbound(page)).some((s) => s.kind === 'video' && s.framesDecoded > 0)) {
      const now = await page.evaluate(() => (globalThis as unknown as { performance: { now(): number } }).performance.now());
      return { total: now - join.since, steps: join.steps };
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no frame decoded within 30 s');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  if (!process.env.VISIO_TEST_PG_URL) process.env.VISIO_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
  const scenario = await startCallScenario({ env: { MEDIA_WORKERS: '1' } });
  const { t, chrome, booth, agent, consultationId } = scenario;
  try {
    await agent.goto(`${t.baseUrl}/consultation/${consultationId}`);
    const callUrl = `${t.baseUrl}/borne/consultation/${consultationId}`;

    await booth.goto(callUrl);
    const measuring = measureInPage(booth);
    await agent.getByRole('button', { name: 'Faire entrer' }).click();
    const firstWithAdmission = (await measuring).total;

    const runsMeasured: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      await booth.goto(callUrl);
      runsMeasured.push(await measureInPage(booth));
      process.stderr.write(`run ${i + 1}/${runs}: ${runsMeasured.at(-1)!.total.toFixed(0)} ms ${JSON.stringify(runsMeasured.at(-1)!.steps)}\n`);
    }
    const samples = runsMeasured.map((r) => r.total);
    const sorted = [...samples].sort((a, b) => a - b);
    // Median time at which each step was reached, in the order steps happen.
    const stepNames = [...new Set(runsMeasured.flatMap((r) => Object.keys(r.steps)))];
    const stepMedians = Object.fromEntries(
      stepNames
        .map((name) => {
          const values = runsMeasured.map((r) => r.steps[name]).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
          return [name, percentile(values, 50)] as const;
        })
        .sort((a, b) => a[1] - b[1]),
    );
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
          medianStepsMs: { ...stepMedians, firstFrameDecoded: round(percentile(sorted, 50)) },
          firstRunIncludingScriptedAdmission: round(firstWithAdmission),
          targetP50: 500,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await scenario.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
