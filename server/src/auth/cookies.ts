export const SESSION_COOKIE = 'visio_session';
export const DEVICE_COOKIE = 'visio_device';
export const CSRF_HEADER = 'x-csrf-token';
/**
 * The CSRF token, readable by the page's script, which sends it back in CSRF_HEADER (double submit):
 * another site can make the browser send cookies, not read one or set a header.
 */
export const CSRF_COOKIE = 'visio_csrf';

/** Options of the CSRF cookie: the browser session's, same site only, never sent cross-site. */
export const csrfCookieOptions = (secure: boolean) => ({ httpOnly: false, sameSite: 'strict' as const, secure, path: '/' });
