import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** The WCAG 2.0 and 2.1 levels A and AA: what RGAA 4.1 asks of a public-service site. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface A11yViolation {
  id: string;
  impact: Impact | null;
  help: string;
  helpUrl: string;
  /** One CSS selector path per offending element (an iframe or shadow root adds a step). */
  targets: string[];
  /** What axe found wrong on each of those elements, in the same order. */
  reasons: string[];
}

/**
 * One rule ignored on one element, when the markup is DSFR's own and cannot be changed from our
 * side: `why` says so, and the exclusion is written beside the page it concerns, never global.
 */
export interface A11yExclusion {
  rule: string;
  /** The element's selector exactly as axe reports it in `targets`. */
  target: string;
  why: string;
}

interface Check {
  message: string;
}

/** The parts of axe's result we read (the tests' tsconfig has no DOM types for axe-core's own). */
interface AxeResult {
  id: string;
  impact?: Impact | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: Array<string | string[]>; any: Check[]; all: Check[]; none: Check[] }>;
}

/**
 * Rules whose "needs review" results are errors here. axe cannot tell an ARIA reference to a
 * missing id from one whose target is about to be rendered, so it only asks for a review; on a page
 * that has settled, a reference to nothing is a control or region left without a name.
 */
const REVIEW_AS_VIOLATION = new Set(['aria-valid-attr-value']);

let axeSource: Promise<string> | undefined;

/**
 * Runs axe-core in the page as it is now, with the WCAG 2.0/2.1 A and AA rules only, and returns
 * its violations (and the reviews listed above) minus the listed exclusions. The page must have
 * settled (await its heading and data first).
 */
export async function auditPage(page: Page, exclusions: A11yExclusion[] = []): Promise<A11yViolation[]> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // A navigation since the last audit gives a fresh window with no axe in it.
  // Evaluated through the DevTools protocol, not as an inline <script>: the app's CSP forbids those.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(await axeSource);
  const results = await page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: object): Promise<{ violations: unknown[]; incomplete: unknown[] }> } }).axe;
    const { violations, incomplete } = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
    });
    return { violations, incomplete };
  }, [...WCAG_21_AA]);
  const found = [...(results.violations as AxeResult[]), ...(results.incomplete as AxeResult[]).filter((r) => REVIEW_AS_VIOLATION.has(r.id))];
  return found
    .map((r) => {
      const nodes = r.nodes
        .map((n) => ({
          target: n.target.map((step) => (Array.isArray(step) ? step.join(' >>> ') : step)).join(' >> '),
          reason: [...n.any, ...n.all, ...n.none].map((c) => c.message).join('; '),
        }))
        .filter((n) => !exclusions.some((e) => e.rule === r.id && e.target === n.target));
      return { id: r.id, impact: r.impact ?? null, help: r.help, helpUrl: r.helpUrl, targets: nodes.map((n) => n.target), reasons: nodes.map((n) => n.reason) };
    })
    .filter((v) => v.targets.length > 0);
}

/** The violations that make a page unusable for some people: serious and critical. */
export const blocking = (violations: A11yViolation[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** One line per violation and one per element, so a failing assertion says what to fix and where. */
export function describeViolations(violations: A11yViolation[]): string {
  return violations
    .map((v) => [`[${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})`, ...v.targets.map((t, i) => `    ${t}: ${v.reasons[i]}`)].join('\n'))
    .join('\n');
}
