import type { Request } from 'express';

/**
 * The address the request came to ("https://visio.example.fr"), for the links of account e-mails
 * when PUBLIC_URL is not set (a service on one machine). With PUBLIC_URL, which a service reachable
 * by others has, links never depend on the Host header a caller sends.
 */
export const requestOrigin = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}`;
