// The reader's configuration and Content Security Policy, as a test sets them for one page.
// The test server sends the policy docs/configuration.md recommends, whose `connect-src`
// names the origins dist/lede.config.json allows; a test that serves another configuration
// must widen the policy the same way a host would.

/**
 * Serves `config` as the reader's `/lede.config.json` for `page`, and names the origins it
 * loads articles from in the `connect-src` of every document's policy.
 */
export async function useReaderConfig(page, config) {
  await page.route('**/lede.config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(config) }));
  const origins = [...(config.allowed_source_origins ?? [])];
  if (/^https?:/.test(config.articles_base_url ?? '')) origins.push(new URL(config.articles_base_url).origin);
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const headers = { ...response.headers() };
    const policy = headers['content-security-policy'];
    if (policy) headers['content-security-policy'] = policy.replace("connect-src 'self'", `connect-src 'self' ${origins.join(' ')}`);
    return route.fulfill({ response, headers });
  });
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
