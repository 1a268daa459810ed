// Waiting on conditions instead of fixed pauses. A fixed pause is either too short on a
// slow machine or wasted time on a fast one; each helper here waits for the event that
// makes an assertion meaningful.

/** Polls `condition` (an async function of nothing) until it returns a truthy value,
 * which it returns, or fails after `timeoutMs` naming `what`. */
export async function until(condition, what, { timeoutMs = 10_000, intervalMs = 25 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves once `page` has rendered two more frames: whatever an earlier task changed
 * has been laid out and painted, and the frame's observers have been told. */
export async function twoFrames(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Resolves once the intersection observers of `page` have run for the element matching
 * `selector`: an observer made now is told after every observer made before it, in the
 * same update, so anything the app does when the element is (or is not) in view has been
 * done. */
export async function intersectionObserversRan(page, selector) {
  await page.evaluate((selector) => new Promise((resolve) => {
    const observer = new IntersectionObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(document.querySelector(selector));
  }), selector);
}
