// The widest a page has been laid out, sampled on every frame: a layout that
// widens for a moment while lists update is caught even when it is back to
// normal by the time a test looks.
import type { Page } from '@playwright/test';

interface WidthWindow {
  widestLayout?: number;
}

/**
 * Starts recording with the page's next load: the largest of the document's
 * scroll width and the window's width. A phone browser widens its window (it
 * zooms out) to fit a page wider than the screen, so both are watched.
 */
export async function recordLayoutWidth(page: Page) {
  await page.addInitScript(() => {
    const w = window as WidthWindow;
    w.widestLayout = 0;
    const sample = () => {
      w.widestLayout = Math.max(w.widestLayout ?? 0, document.documentElement.scrollWidth, window.innerWidth);
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
}

/** The widest layout seen since the page loaded (see recordLayoutWidth). */
export async function widestLayout(page: Page): Promise<number> {
  return page.evaluate(() => (window as WidthWindow).widestLayout ?? 0);
}
