import { takeSecurityViolations } from './browser';

// Every e2e test runs its pages under the server's security headers: one a page breaks fails it.
afterEach(() => {
  const violations = takeSecurityViolations();
  if (violations.length > 0) throw new Error(`security policy violations in the browser:\n${violations.join('\n')}`);
});
