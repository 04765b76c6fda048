import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import '../components/budget-treemap/budget-treemap';
import '../components/phase-gantt/phase-gantt';
import '../components/facility-map/facility-map';
import '../components/cooperant-chart/cooperant-chart';
import type { ParsecElement } from '../components/base/parsec-element';
import type { ParsecWarningEvent } from '../events/warning';

/**
 * Every attribute × hostile or careless values: the widget keeps drawing its chart (or, for `src`, shows a readable
 * error), with no uncaught error, no console error and no NaN in the DOM.
 */
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

const BAD = [
  '',
  ' ',
  'bad',
  '€',
  'EUR;}',
  'USD',
  '-1',
  'NaN',
  'Infinity',
  '1e308',
  '9999-99-99',
  '2020-02-30',
  '<img src=x onerror=alert(1)>',
  'all',
  ',,,',
  'x'.repeat(5000),
  '\u0000',
  '../..',
  '__proto__',
  'constructor',
  'i-klingon',
  'en_US',
  '123',
];
const COMMON = ['lang', 'theme', 'dataset', 'no-tooltip', 'loading', 'no-legend'];
const WIDGETS: Record<string, string[]> = {
  'parsec-budget-treemap': [...COMMON, 'path', 'currency', 'programmes'],
  'parsec-phase-gantt': [...COMMON, 'from', 'to', 'as-of', 'today', 'programmes', 'collapsed'],
  'parsec-facility-map': [...COMMON, 'region', 'date'],
  'parsec-cooperant-chart': [...COMMON, 'group-by', 'mode', 'year'],
};
const BAD_TAGS = ['en_US', 'i-klingon', 'x-private', 'en-GB-oed', '123', '', '_', 'root'];

const errors: string[] = [];
const consoleErrors: string[] = [];
const onError = (e: ErrorEvent) => errors.push(String(e.message));
const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
const origError = console.error;
beforeAll(() => {
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  console.error = (...a: unknown[]) => {
    consoleErrors.push(a.map(String).join(' '));
    origError(...a);
  }; // warnings are expected here (one per invalid value): counted, not printed
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterAll(() => {
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  console.error = origError;
  vi.restoreAllMocks();
});
beforeEach(() => {
  errors.length = 0;
  consoleErrors.length = 0;
});
afterEach(() => document.querySelectorAll('.wrap').forEach((n) => n.remove()));

async function settle(el: ParsecElement<unknown>) {
  try {
    await el.updateComplete;
  } catch (e) {
    errors.push(`update threw: ${(e as Error).message}`);
  }
}

async function mount(tag: string, attrs: Record<string, string>): Promise<ParsecElement<unknown>> {
  const wrap = document.createElement('div');
  wrap.className = 'wrap';
  wrap.style.width = '640px';
  const el = document.createElement(tag) as ParsecElement<unknown>;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrap.append(el);
  document.body.append(wrap);
  await settle(el);
  await frame();
  await settle(el);
  // the first widget of the file waits for the default dataset's chunk: on a busy machine longer than a frame
  const end = performance.now() + 10_000;
  while (el.shadowRoot!.querySelector('.state.loading') && performance.now() < end) {
    await frame();
    await settle(el);
  }
  return el;
}

/** What is wrong with the widget's picture, or '' when it draws its chart. */
function problem(el: ParsecElement<unknown>): string {
  const root = el.shadowRoot!;
  if (!root.querySelector('svg[part="svg"]')) {
    const state = root.querySelector('.state');
    return `no chart (${state ? state.className + ': ' + state.textContent!.trim().slice(0, 80) : 'blank'})`;
  }
  if (/NaN|Infinity|undefined/.test(root.querySelector('svg[part="svg"]')!.outerHTML))
    return 'NaN in the chart';
  return '';
}

describe('attributes are parsed, never trusted', () => {
  for (const [tag, attributes] of Object.entries(WIDGETS)) {
    it(`<${tag}>: every attribute × ${BAD.length} invalid values still draws`, async () => {
      const failures: string[] = [];
      for (const attribute of attributes) {
        // first render with the value, then every other value on the live element
        const el = await mount(tag, { [attribute]: BAD[0]!, loading: 'eager' });
        for (const value of BAD) {
          el.setAttribute(attribute, value);
          await settle(el);
          await frame();
          await settle(el);
          const p = problem(el);
          if (p) failures.push(`${attribute}=${JSON.stringify(value.slice(0, 20))}: ${p}`);
        }
        el.parentElement!.remove();
      }
      expect(failures).toEqual([]);
      expect(errors).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  }

  it('an invalid lang anywhere in the chain falls back to the next one, then to English', async () => {
    const html = document.documentElement;
    const before = html.lang;
    try {
      for (const bad of BAD_TAGS) {
        html.lang = bad;
        for (const tag of Object.keys(WIDGETS)) {
          const el = await mount(tag, { loading: 'eager' });
          expect(problem(el), `${tag} under <html lang="${bad}">`).toBe('');
          expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).toBe(
            bad === 'en_US' ? 'en-US' : 'en',
          );
        }
      }
      // an invalid tag on the element: the parent's French is used, and the page is told once
      html.lang = 'en';
      const wrap = document.createElement('div');
      wrap.className = 'wrap';
      wrap.lang = 'fr';
      wrap.innerHTML = '<parsec-budget-treemap lang="i-klingon" loading="eager"></parsec-budget-treemap>';
      const warnings: ParsecWarningEvent[] = [];
      wrap.addEventListener('parsec-warning', (e) => warnings.push(e));
      document.body.append(wrap);
      const el = wrap.firstElementChild as ParsecElement<unknown>;
      await settle(el);
      await frame();
      expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).toBe('fr');
      expect(problem(el)).toBe('');
      expect(warnings.map((w) => [w.detail.attribute, w.detail.value, w.detail.fallback])).toEqual([
        ['lang', 'i-klingon', 'fr'],
      ]);
    } finally {
      html.lang = before;
    }
    expect(errors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('currency="USD" is refused with a warning, never drawn with a wrong symbol', async () => {
    const warnings: ParsecWarningEvent[] = [];
    const onWarn = (e: ParsecWarningEvent) => warnings.push(e);
    document.addEventListener('parsec-warning', onWarn);
    const el = await mount('parsec-budget-treemap', { currency: 'USD', loading: 'eager' });
    document.removeEventListener('parsec-warning', onWarn);
    expect(problem(el)).toBe('');
    const text = el.shadowRoot!.querySelector('svg[part="svg"]')!.textContent!;
    expect(text).not.toMatch(/\$|US/);
    expect(text).toMatch(/€/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.detail).toMatchObject({ attribute: 'currency', value: 'USD', fallback: 'EUR' });
  });

  it('programmes="all" on the gantt shows every programme, as on the treemap', async () => {
    const all = await mount('parsec-phase-gantt', { programmes: 'all', loading: 'eager' });
    const plain = await mount('parsec-phase-gantt', { loading: 'eager' });
    expect(problem(all)).toBe('');
    const rows = (el: Element) =>
      el.shadowRoot!.querySelector('svg[part="svg"]')!.querySelectorAll('[data-key]').length;
    expect(rows(all)).toBe(rows(plain));
    expect(rows(all)).toBeGreaterThan(0);
  });

  it('a bad src shows a readable error, never a blank widget', async () => {
    for (const src of ['bad', 'javascript:alert(1)', 'data:,{', 'http://127.0.0.1:1/x.json', '\u0000']) {
      const el = await mount('parsec-cooperant-chart', { src, loading: 'eager' });
      for (let i = 0; i < 50 && el.shadowRoot!.querySelector('.state.loading'); i++) await frame();
      const alert = el.shadowRoot!.querySelector('[role="alert"]');
      expect(alert, src).not.toBeNull();
      expect(alert!.textContent!.trim().length).toBeGreaterThan(10);
    }
    expect(errors).toEqual([]);
  });
});
