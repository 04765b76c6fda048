#!/usr/bin/env node
// Screenshots a page in headless Debian Chromium and reports console errors.
// Usage: node scripts/screenshot.mjs <url> <out.png> [width] [--dark] [--full]
import { chromium } from 'playwright-core';

const [url, out, width = '1024'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({
  viewport: { width: Number(width), height: 900 },
  colorScheme: process.argv.includes('--dark') ? 'dark' : 'light',
});
const errors = [];
page.on(
  'console',
  (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(`${m.type()}: ${m.text()}`),
);
page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(400);
await page.screenshot({ path: out, fullPage: process.argv.includes('--full') });
console.log(errors.length ? errors.join('\n') : 'no console errors');
await browser.close();
