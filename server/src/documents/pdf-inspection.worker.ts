import { parentPort, workerData } from 'node:worker_threads';
import { InspectionRefusal, inspectPdf } from './inspection';

/** The PDF checks of one file, in a thread of their own (see inspectPdfIsolated). */
const { bytes, maxPages } = workerData as { bytes: Uint8Array; maxPages: number };
inspectPdf(bytes, maxPages).then(
  ({ pages }) => parentPort!.postMessage({ ok: true, pages }),
  (error: unknown) =>
    parentPort!.postMessage(
      error instanceof InspectionRefusal
        ? { ok: false, rejection: error.rejection, detail: error.message }
        : { ok: false, error: error instanceof Error ? error.message : String(error) },
    ),
);
