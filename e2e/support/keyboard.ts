import { expect, type Locator, type Page } from '@playwright/test';

/** What the focused element looks like: enough to tell whether a focus ring is drawn. */
async function focusedOutline(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
      element: `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`,
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
    };
  });
}

/** The focused element draws a focus ring (a solid outline at least 2px wide). */
export async function expectFocusRing(page: Page): Promise<void> {
  const outline = await focusedOutline(page);
  expect(outline, 'something has focus').not.toBeNull();
  expect.soft(outline!.outlineStyle, `focus ring on ${outline!.element}`).not.toBe('none');
  expect.soft(outline!.outlineWidth, `focus ring width on ${outline!.element}`).toBeGreaterThanOrEqual(2);
  expect.soft(outline!.outlineColor, `focus ring colour on ${outline!.element}`).not.toMatch(/rgba\(.*, 0\)$|transparent/);
}

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus (none if it has it already), checking the focus ring at every
 * stop on the way, as a keyboard user's eyes would follow it. Fails after `max` presses.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 40 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  // Already there (e.g. a field with autofocus): nothing to press.
  if (await isFocused(target)) {
    await expectFocusRing(page);
    return;
  }
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    await expectFocusRing(page);
    if (await isFocused(target)) return;
  }
  throw new Error(`${target} not reached with ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}
