/**
 * What the server and the client agree on about accounts: the password rules (checked by the API's
 * DTOs, announced and pre-checked by the forms) and the states an account is listed in.
 */

/** Long enough that a passphrase is the easy way to meet it (ANSSI: length before complexity). */
export const PASSWORD_MIN_LENGTH = 12;
/** argon2 takes any length; this only bounds the work one request can ask for. */
export const PASSWORD_MAX_LENGTH = 512;

/**
 * active: can sign in (a password or a linked identity provider); invited: neither yet, waiting
 * for the person to set a password; disabled: cannot sign in; pseudonymised: disabled for longer
 * than the retention limit and erased, never to be edited or enabled again.
 */
export const ACCOUNT_STATUSES = ['active', 'invited', 'disabled', 'pseudonymised'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** What a one-time link sets a password for. */
export const PASSWORD_LINK_PURPOSES = ['invitation', 'password_reset'] as const;
export type PasswordLinkPurpose = (typeof PASSWORD_LINK_PURPOSES)[number];
