import openapiTS, { astToString } from 'openapi-typescript';
import request from 'supertest';
import { startTestApp } from './app';

/** Where the client's API types are written (generated; `npm run api:types` rewrites it). */
export const API_TYPES_FILE = 'client/src/api/openapi.ts';

/** The API's own description, as the real server serves it at /api/docs-json. */
export async function currentApiDocument(): Promise<Record<string, unknown>> {
  const t = await startTestApp();
  try {
    const res = await request(t.baseUrl).get('/api/docs-json').expect(200);
    return res.body as Record<string, unknown>;
  } finally {
    await t.close();
  }
}

/** The client's TypeScript types for that description: paths, operations and schemas. */
export async function renderApiTypes(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], { exportType: true, alphabetize: true });
  const header = [
    '/**',
    ' * Generated from the server’s OpenAPI document by `npm run api:types`: do not edit by hand.',
    ' * A test fails when the server’s description and this file differ.',
    ' */',
    '',
  ].join('\n');
  return `${header}${astToString(ast)}`;
}
