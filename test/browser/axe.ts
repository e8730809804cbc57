import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now. Returns the violations
 * so a journey can assert there are none and print what is wrong when there are.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the app's CSP refuses those.
  await page.evaluate(AXE_SOURCE);
  // The test's tsconfig has no DOM types: the callback runs in the page.
  return page.evaluate(async () => {
    const g = globalThis as unknown as {
      document: unknown;
      axe: {
        run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    const r = await g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Fails with a readable list when axe finds anything on the page. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const found = await axeViolations(page);
  if (found.length)
    throw new Error(
      `axe found ${found.length} problem(s) on ${screen}:\n${found.map((v) => `  ${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 3).join(', ')}`).join('\n')}`,
    );
}
