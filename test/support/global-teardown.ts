export default async function globalTeardown(): Promise<void> {
  await globalThis.__VISIO_EMBEDDED_PG__?.stop();
}
