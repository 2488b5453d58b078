import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** Vite names every built file under /assets `<name>-<hash>.<ext>`: a new content gets a new name. */
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[A-Za-z0-9.]+$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Any other file of the client (index.html above all) is checked with the server on each use. */
export const REVALIDATE = 'no-cache';

/** The precompressed variants the client build writes (client/build/precompress.mts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number];

/**
 * Serves the built client: a hashed asset is cached for a year and never revalidated, anything else
 * revalidated; a file with a precompressed variant is sent as brotli or gzip when the browser accepts it
 * (compressing per request would cost CPU for the same bytes each time).
 * The variants are listed once at start: the build does not change under a running server.
 */
export function staticClient(dir: string): RequestHandler {
  const variants = precompressedVariants(dir);
  const files = express.static(dir, { index: false, cacheControl: false, setHeaders: (res, path) => setCaching(res, `/${relative(dir, path).split(sep).join('/')}`) });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const available = variants.get(req.path);
    if (!available) return files(req, res, next);
    // Caches must keep one copy per encoding: the same URL answers differently by Accept-Encoding.
    res.vary('Accept-Encoding');
    const encoding = chooseEncoding(req.headers['accept-encoding'], available);
    if (!encoding) return files(req, res, next);
    res.setHeader('Content-Encoding', encoding.name);
    res.type(extname(req.path));
    setCaching(res, req.path);
    res.sendFile(join(dir, `${req.path}${encoding.suffix}`), { cacheControl: false, dotfiles: 'deny' }, (error) => {
      if (!error || res.headersSent) return;
      // The variant went away (a partial redeploy): the plain file answers, without the variant's
      // headers — a 404 marked immutable would be kept by caches for a year.
      for (const header of ['Content-Encoding', 'Cache-Control', 'Vary', 'Content-Type']) res.removeHeader(header);
      files(req, res, next);
    });
  };
}

function setCaching(res: Response, urlPath: string): void {
  res.setHeader('Cache-Control', HASHED_ASSET.test(urlPath) ? IMMUTABLE : REVALIDATE);
}

/** URL path → the encodings written beside that file. */
function precompressedVariants(dir: string): Map<string, Encoding[]> {
  const names = new Set(readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => `/${name.split(sep).join('/')}`));
  const variants = new Map<string, Encoding[]>();
  for (const name of names) {
    const available = ENCODINGS.filter((encoding) => names.has(`${name}${encoding.suffix}`));
    if (available.length > 0) variants.set(name, available);
  }
  return variants;
}

/**
 * The best of `available` that the Accept-Encoding header allows: named with a non-zero q, or covered by
 * `*` without being refused by name. Brotli first when both are allowed: smaller for the same file.
 */
export function chooseEncoding(header: string | undefined, available: readonly Encoding[]): Encoding | undefined {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.find((param) => /^\s*q\s*=/.test(param));
    // A q value that is not a number from 0 to 1 (`q = 0` spaced, `q=-1`) refuses rather than accepts.
    const weight = q === undefined ? 1 : Number(/^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(q)?.[1] ?? 0);
    weights.set(name.trim(), weight);
  }
  const accepted = (name: string) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
  return available.find((encoding) => accepted(encoding.name));
}
