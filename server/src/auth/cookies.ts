export const SESSION_COOKIE = 'visio_session';
export const DEVICE_COOKIE = 'visio_device';
export const CSRF_HEADER = 'x-csrf-token';
