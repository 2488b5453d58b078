import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentRejection } from '../../../shared/documents/documents';
import { InspectionRefusal } from './inspection';

/** Longest time one PDF may take to check: a file built to be slow to parse is refused, not waited for. */
export const PDF_CHECK_TIMEOUT_MS = 30_000;

type WorkerAnswer = { ok: true; pages: number } | { ok: false; rejection: DocumentRejection; detail: string } | { ok: false; error: string };

/**
 * inspectPdf in a worker thread, under a time and a memory limit. NOTE: parsing a PDF is
 * synchronous work on attacker-made input (a few MB of crafted structure kept pdf-lib busy for
 * minutes): on the main thread it would stall every call's signalling meanwhile. The worker is
 * terminated at the deadline and the file refused as damaged.
 */
export function inspectPdfIsolated(bytes: Uint8Array, maxPages: number, timeoutMs = PDF_CHECK_TIMEOUT_MS): Promise<{ pages: number }> {
  // Compiled, the worker is a .js file next to this one; under ts-node or Jest, a .ts file to register.
  const extension = extname(__filename);
  const worker = new Worker(join(__dirname, `pdf-inspection.worker${extension}`), {
    workerData: { bytes, maxPages },
    execArgv: extension === '.ts' ? ['-r', 'ts-node/register/transpile-only'] : [],
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new InspectionRefusal('damaged', `the PDF could not be checked within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const done = () => clearTimeout(timer);
    worker.once('message', (answer: WorkerAnswer) => {
      done();
      void worker.terminate();
      if (answer.ok) resolve({ pages: answer.pages });
      else if ('rejection' in answer) reject(new InspectionRefusal(answer.rejection, answer.detail));
      else reject(new Error(`PDF check failed: ${answer.error}`));
    });
    worker.once('error', (error) => {
      done();
      // Out of memory in the worker: the file is what made it so.
      reject(/memory/i.test(error.message) ? new InspectionRefusal('damaged', `the PDF is too complex to check (${error.message})`) : error);
    });
    worker.once('exit', (code) => {
      done();
      if (code !== 0) reject(new InspectionRefusal('damaged', `the PDF check stopped (exit ${code})`));
    });
  });
}
