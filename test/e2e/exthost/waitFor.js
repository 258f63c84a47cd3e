// Poll a condition instead of sleeping a fixed time: the language server's first answer takes a few
// seconds on a cold 2-core machine, and much less when warm.
'use strict';

const POLL_MS = 100;

/** Resolve with the first truthy value of `probe()`; reject with `what` after `timeoutMs`. */
async function waitFor(what, probe, timeoutMs = 45000) {
  const end = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

module.exports = { waitFor };
