import type { NextFunction, Request, Response } from 'express';

/**
 * NOTE: scripts come only from our own origin (Vite emits module files, no inline script). Styles
 * allow inline attributes: React's style={…} and the DSFR components set them; a style cannot run
 * code. Media come from the camera (mediastream:) and our own blobs; WebSocket signalling is
 * same-origin, which 'self' covers. Nothing may frame the app (clickjacking on "Faire entrer").
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob: mediastream:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Camera, microphone and screen sharing for this origin only; the rest of the powerful features for nobody. */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=(self)',
  'display-capture=(self)',
  'speaker-selection=(self)',
  'fullscreen=(self)',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
].join(', ');

/** One year, as browsers' preload lists ask; only ever sent over https. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every answer (pages, API, errors, static files), set in this one place, first
 * in the chain so that even a request refused early carries them.
 */
export function securityHeaders({ https }: { https: boolean }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (https || req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    next();
  };
}
