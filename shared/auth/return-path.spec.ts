import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each(['/coordination/absences', '/coordination/planning?site=abc&semaine=2026-03-30', '/agent#x', '/'])('keeps the path of this site %s', (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    ['another site, scheme-relative', '//evil.example/x'],
    ['another site, absolute', 'https://evil.example/'],
    ['a backslash read as a slash', '/\\evil.example'],
    ['a tab dropped by the browser', '/\t/evil.example'],
    ['a newline', '/x\n'],
    ['not a path', 'coordination'],
    ['javascript', 'javascript:alert(1)'],
    ['the sign-in page itself', '/connexion?retour=/agent'],
    ['the API', '/api/auth/logout'],
    ['empty', ''],
    ['not a string', ['/agent']],
  ])('refuses %s', (_why, value) => {
    expect(safeReturnPath(value)).toBeNull();
  });
});
