// What every end-to-end script shares: Debian's Chromium launched headless with the flags this machine needs, and a
// tally of checks that prints ✓ / ✗ and ends the run with exit code 1 when one failed.
import { chromium } from 'playwright-core';

/** Chromium flags: headless, and no background networking (the network beyond the page is closed here). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches Debian's Chromium (`CHROMIUM_PATH` to use another) with {@link CHROMIUM_ARGS} and `extraArgs`. */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** A tally: `check(ok, msg)` prints ✓ or ✗, `fail(msg)` counts a failure, `failures` is the count so far. */
export function tally() {
  const t = {
    failures: 0,
    fail(msg) {
      t.failures++;
      console.error(`  ✗ ${msg}`);
    },
    check(ok, msg) {
      if (ok) console.log(`  ✓ ${msg}`);
      else t.fail(msg);
    },
  };
  return t;
}
