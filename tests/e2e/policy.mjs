// The reader's configuration and Content Security Policy, as a test sets them for one page.
// The test server sends the policy docs/configuration.md recommends, whose `connect-src`
// names the origins dist/lede.config.json allows and those it was started with; a test that
// serves another configuration starts its server with that configuration's origins.

/**
 * Serves `config` as the reader's `/lede.config.json` for `page`. The origins it allows
 * must be in the server's policy too: start that server with them
 * (`serveDist(dist, { connectSources })`), as a host would configure its headers.
 */
export async function useReaderConfig(page, config) {
  await page.route('**/lede.config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(config) }));
}

/** Collects the page's `securitypolicyviolation` events, in every frame, from its first script on. */
export async function recordPolicyViolations(page) {
  await page.addInitScript(() => {
    window.__policyViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__policyViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return async (frame = page) => frame.evaluate(() => window.__policyViolations ?? ['no recorder in this frame']);
}
