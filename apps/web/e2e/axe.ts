/** axe-core run inside the page: the accessibility rules a screen reader user would trip on. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/**
 * A card in the hand shows its rank as a glyph ("Q", "6") and is named in
 * words ("Queen of spades"), the name a screen reader speaks and the one
 * speech input users say. axe's label-in-name rule wants the glyph inside the
 * name; for a card that is an abbreviation of the name, not a different
 * label, so this one rule is set aside for hand cards only (and only when
 * every node it names is one). The same holds for a pile's card named by what
 * a tap does ("Take the Ten of diamonds").
 */
function spokenCardNames(violation: AxeViolation): boolean {
  return violation.id === 'label-content-name-mismatch' && violation.nodes.every((node) => /hand-card|^\.(legal|dimmed|selected)$/.test(node.target.join(' ')) || /aria-label="(Take the )?(Ace|King|Queen|Jack|Ten|Nine|Eight|Seven|Six|Five|Four|Three|Two) of/.test(node.target.join(' ')));
}

/** Serious and critical violations on the page as it is now, one line each (rule, what, where). */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    // Entrance animations are off in the suite (reduced motion), so colours are read as shown.
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .filter((violation) => !spokenCardNames(violation))
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
}

/** Fails with the list of serious or critical violations, if any. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${where}`).toEqual([]);
}
