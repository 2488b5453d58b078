/**
 * Mass-cancellation benchmark: a coordinator confirms the cancellation of 10,000 scheduled
 * consultations; measured from the confirmation request to the job's completion, i.e. every
 * consultation cancelled and every notification written to the outbox (one transaction per batch).
 * Sending is measured apart, to the local outbox (no provider), with the dispatcher's own rounds.
 * Prints one JSON document.
 *
 *   npx ts-node --transpile-only test/bench/mass-cancel.ts [runs=3] [count=10000]
 */
import { OutboxDispatcher } from '../../server/src/notifications/dispatch/outbox-dispatcher.service';
import { startTestApp } from '../support/app';
import { insertCitizenConsultations } from '../support/citizen-consultations';
import { demoIds } from '../support/demo-data';
import { signIn } from '../support/session';

const runs = Math.max(1, Number(process.argv[2] ?? 3));
const count = Math.max(100, Number(process.argv[3] ?? 10_000));
const TARGET_MS = 5000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  if (!process.env.VISIO_TEST_PG_URL) process.env.VISIO_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
  // The dispatcher is driven by hand below, so that it does not compete with the job being timed.
  const t = await startTestApp({ NOTIFICATIONS_ENABLED: 'false' });
  try {
    const { pithiviersBoothId } = await demoIds(t.dataSource);
    const [{ id: agentId }] = await t.dataSource.query(
      `SELECT a.id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.email = 'agent@demo.visio-msap.fr'`,
    );
    const coordinator = await signIn(t.baseUrl, 'coordinator');
    const from = new Date(Date.now() + 86_400_000);
    const to = new Date(from.getTime() + 360 * 86_400_000);
    const samples: Array<{ confirmMs: number; cancelMs: number; outboxRows: number; dispatchLocalMs: number }> = [];
    for (let run = 0; run < runs; run++) {
      // Cancelled consultations free their slots: each run books the same times again.
      await insertCitizenConsultations(t.dataSource, { count, boothId: pithiviersBoothId, agentUserEmail: 'agent@demo.visio-msap.fr', firstStart: from, durationMinutes: 15 });
      const before: number = (await t.dataSource.query('SELECT count(*)::int AS n FROM notification_outbox'))[0].n;
      const started = performance.now();
      const res = await coordinator.agent
        .post('/api/mass-cancellations')
        .set('X-CSRF-Token', coordinator.csrf)
        .send({ agentId, from: from.toISOString(), to: to.toISOString(), message: 'Bonjour {nom}, votre rendez-vous du {date} à {msap} est annulé. Nous vous rappellerons.' });
      if (res.status !== 202) throw new Error(`confirmation answered ${res.status}: ${JSON.stringify(res.body)}`);
      const confirmMs = performance.now() - started;
      const jobId = res.body.id as string;
      for (;;) {
        const [job] = await t.dataSource.query('SELECT state, processed FROM mass_cancellation_jobs WHERE id = $1', [jobId]);
        if (job.state === 'completed') break;
        await new Promise((r) => setTimeout(r, 10));
      }
      const cancelMs = performance.now() - started;
      const outboxRows: number = (await t.dataSource.query('SELECT count(*)::int AS n FROM notification_outbox'))[0].n - before;
      const dispatchStarted = performance.now();
      await t.app.get(OutboxDispatcher).drain();
      samples.push({ confirmMs: Math.round(confirmMs), cancelMs: Math.round(cancelMs), outboxRows, dispatchLocalMs: Math.round(performance.now() - dispatchStarted) });
    }
    const cancelMedian = median(samples.map((s) => s.cancelMs));
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'mass-cancel',
          consultations: count,
          runs,
          batchSize: Number(process.env.MASS_CANCEL_BATCH_SIZE ?? 500),
          cancelAndEnqueueMs: { median: cancelMedian, all: samples.map((s) => s.cancelMs) },
          // Of which: the confirmation request (selection frozen into the job's items) answering 202.
          confirmMs: { median: median(samples.map((s) => s.confirmMs)) },
          consultationsPerSecond: Math.round((count * 1000) / cancelMedian),
          outboxRowsPerRun: samples[0]!.outboxRows,
          dispatchToLocalOutboxMs: { median: median(samples.map((s) => s.dispatchLocalMs)) },
          targetMs: TARGET_MS,
          meetsTarget: cancelMedian < TARGET_MS,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await t.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
