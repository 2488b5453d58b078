import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { ROOT } from '../support/process';

const run = promisify(execFile);

/** The client's API types are the server's own description: a server change without `npm run api:types` fails here. */
describe('the client’s API types', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('are exactly what the server’s OpenAPI document gives (npm run api:types -- --check)', async () => {
    // A process of its own: the generator is an ES module graph that jest's CommonJS runtime cannot load.
    const { stdout } = await run('npx', ['ts-node', '--transpile-only', 'scripts/api-types.ts', '--check'], {
      cwd: ROOT,
      env: { ...process.env },
      timeout: 120_000,
    }).catch((error: { stderr?: string }) => {
      throw new Error(error.stderr ?? String(error));
    });
    expect(stdout).toContain('is up to date');
  }, 150_000);

  it('describe every error the API answers with: the codes and the field codes, on every operation', async () => {
    const { body: document } = (await request(t.baseUrl).get('/api/docs-json').expect(200)) as {
      body: { paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { schemas: Record<string, { enum?: string[] }> } };
    };
    expect(document.components.schemas.ErrorCode?.enum).toEqual(expect.arrayContaining(['BOOTH_TAKEN', 'AGENT_TAKEN', 'CONSULTATION_NOT_SCHEDULED', 'PAIRING_CODE_EXPIRED']));
    expect(document.components.schemas.FieldErrorCode?.enum).toEqual(expect.arrayContaining(['REQUIRED', 'INVALID_PHONE', 'OUTSIDE_OPENING_HOURS']));
    const withoutDefault = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => !operation.responses.default)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(withoutDefault).toEqual([]);
  });
});
