import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import articleHtml from '../../demo/article-en.html?raw';
import articleFrHtml from '../../demo/article-fr.html?raw';
import articleCss from '../../demo/article.css?raw';
import { boxCss, boxHeight, type BoxedTag } from './box';

// The demo article, as a reader gets it: the page (its own stylesheet and the widgets' `parsec-widgets.css`, here
// `boxCss()`) is painted with the fallback paragraphs first, then the widgets' modules load, draw, and the reader
// scrolls to the end (the widgets far below the fold draw as they come near). Layout shifts are summed over the
// whole visit, as Lighthouse and the Web Vitals do (CLS), in a frame of the width under test.

const TAGS = ['parsec-budget-treemap', 'parsec-phase-gantt', 'parsec-facility-map', 'parsec-cooperant-chart'];
const WIDTHS: [number, number][] = [
  [1280, 800],
  [768, 1024],
  [360, 740],
];

type Frame = { frame: HTMLIFrameElement; win: Window & typeof globalThis; doc: Document };

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((f) => f.remove()));

const nextFrame = (win: Window) => new Promise<void>((r) => win.requestAnimationFrame(() => r()));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(ok: () => boolean, ms = 20000): Promise<boolean> {
  const end = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > end) return false;
    await sleep(50);
  }
  return true;
}

/** The article in a frame of `width` × `height`, painted with its fallbacks (no widget module loaded yet). */
async function openArticle(html: string, width: number, height: number): Promise<Frame> {
  await page.viewport(width + 20, height + 20);
  const doc = html
    .replace(/<link rel="stylesheet" href="\/demo\/article.css" \/>/, () => `<style>${articleCss}</style>`)
    .replace(
      /<link rel="stylesheet" href="\/dist\/parsec-widgets.css" \/>/,
      () => `<style>${boxCss()}</style>`,
    )
    .replace(/<script type="module"[^>]*src="\/dist\/parsec-widgets.js"[^>]*><\/script>/, '');
  expect(doc).not.toContain('/dist/');
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = String(height);
  frame.style.cssText = 'position:fixed;top:0;left:0;border:0';
  frames.push(frame);
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.srcdoc = doc;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  await nextFrame(win);
  await nextFrame(win);
  return { frame, win, doc: frame.contentDocument! };
}

/** Every layout shift in the frame since it loaded (buffered), summed as CLS counts them (no recent input). */
function watchShifts(win: Window & typeof globalThis) {
  const entries: (PerformanceEntry & { value: number; hadRecentInput: boolean })[] = [];
  const observer = new win.PerformanceObserver((list) =>
    entries.push(...(list.getEntries() as typeof entries)),
  );
  observer.observe({ type: 'layout-shift', buffered: true });
  return {
    get cls() {
      return entries.filter((e) => !e.hadRecentInput).reduce((s, e) => s + e.value, 0);
    },
    stop: () => observer.disconnect(),
  };
}

const heights = (doc: Document) =>
  TAGS.map((t) => Math.round(doc.querySelector(t)!.getBoundingClientRect().height));

function drawn(doc: Document, tag: string): boolean {
  const root = doc.querySelector(tag)?.shadowRoot;
  // drawn: the chart and its source line, no loading state, and the chart's share of the box measured
  return !!root?.querySelector('.footer') && !root.querySelector('.state, [data-fill]:not([data-fill-kept])');
}

/** Loads the widgets' modules into the frame (its own registry), then scrolls to the end as a reader would. */
async function drawAndRead({ win, doc }: Frame): Promise<void> {
  // vitest's transform wraps dynamic imports (the default dataset, the base map) in its runner: the frame's realm
  // gets a pass-through one
  Object.assign(win, { __vitest_browser_runner__: { wrapDynamicImport: (load: () => unknown) => load() } });
  const script = doc.createElement('script');
  script.type = 'module';
  script.textContent = TAGS.map((t) => `import '/src/${t.replace('parsec-', '')}.ts';`).join('\n');
  doc.head.append(script);
  // the widgets near the fold draw at once, the others as the reader scrolls near them
  for (let y = 0; y <= doc.documentElement.scrollHeight; y += Math.round(win.innerHeight / 2)) {
    win.scrollTo(0, y);
    await sleep(60);
    // every widget in view draws (the test waits for those in view now, wherever the page has moved them)
    const inView = (t: string) => {
      const r = doc.querySelector(t)!.getBoundingClientRect();
      return r.top < win.innerHeight && r.bottom > 0;
    };
    const ok = await until(() => TAGS.filter(inView).every((t) => drawn(doc, t)));
    expect(ok, `widgets in view drawn at scroll ${y}: ${TAGS.filter(inView).join(', ')}`).toBe(true);
  }
  for (const t of TAGS) expect(await until(() => drawn(doc, t)), `${t} drawn`).toBe(true);
  await nextFrame(win);
  await nextFrame(win);
  await sleep(200);
}

describe('the demo article: no layout shift when the widgets replace their fallback', () => {
  for (const [width, height] of WIDTHS) {
    it(`${width} px: the reserved box is the drawn box, and CLS ≤ 0.02`, async () => {
      const f = await openArticle(articleHtml, width, height);
      const shifts = watchShifts(f.win);
      // before any script: each widget's box is reserved and its fallback sits inside it
      for (const t of TAGS) {
        const el = f.doc.querySelector(t)!;
        expect(f.win.customElements.get(t)).toBeUndefined();
        const box = el.getBoundingClientRect();
        const fallback = el.firstElementChild!.getBoundingClientRect();
        expect(fallback.top, `${t}: fallback inside its box`).toBeGreaterThanOrEqual(box.top);
        expect(fallback.bottom, `${t}: fallback inside its box`).toBeLessThanOrEqual(box.bottom);
      }
      const reserved = heights(f.doc);
      await drawAndRead(f);
      const drawnHeights = heights(f.doc);
      const cls = shifts.cls;
      shifts.stop();
      expect(drawnHeights, `reserved ${reserved.join(', ')}; drawn ${drawnHeights.join(', ')}`).toEqual(
        reserved,
      );
      expect(cls, `CLS at ${width} px`).toBeLessThanOrEqual(0.02);
    }, 60000);
  }

  it('360 px in French: the same boxes as in English', async () => {
    const en = await openArticle(articleHtml, 360, 740);
    const enReserved = heights(en.doc);
    const f = await openArticle(articleFrHtml, 360, 740);
    const shifts = watchShifts(f.win);
    const reserved = heights(f.doc);
    expect(reserved).toEqual(enReserved);
    await drawAndRead(f);
    expect(heights(f.doc)).toEqual(reserved);
    expect(shifts.cls).toBeLessThanOrEqual(0.02);
    shifts.stop();
  }, 60000);
});

describe('parsec-widgets.css reserves boxHeight() before the widgets are defined', () => {
  it('at every width across the breakpoints, and the height attribute wins', async () => {
    const style = document.createElement('style');
    style.textContent = boxCss();
    const host = document.createElement('div');
    document.head.append(style);
    document.body.append(host);
    try {
      for (const width of [280, 320, 479, 480, 559, 560, 684, 900, 1200]) {
        host.style.width = `${width}px`;
        host.innerHTML = TAGS.map((t) => `<${t}><p>Fallback text of the widget.</p></${t}>`).join('');
        for (const t of TAGS) {
          const h = host.querySelector(t)!.getBoundingClientRect().height;
          expect(h, `${t} at ${width} px`).toBeCloseTo(boxHeight(t as BoxedTag, width), 0);
        }
      }
      host.style.width = '400px';
      host.innerHTML = TAGS.map((t) => `<${t} height="432"><p>Fallback</p></${t}>`).join('');
      for (const t of TAGS) expect(host.querySelector(t)!.getBoundingClientRect().height, t).toBe(432);
      expect(boxHeight('parsec-phase-gantt', 400, { height: 432 })).toBe(432);
    } finally {
      style.remove();
      host.remove();
    }
  });
});

describe('a defined widget keeps boxHeight() (this test defines the elements: it runs last)', () => {
  it('at 360 and 684 px, by default and with the height attribute, in its loading state and drawn', async () => {
    await Promise.all(TAGS.map((t) => import(`../${t.replace('parsec-', '')}.ts`)));
    const host = document.createElement('div');
    document.body.append(host);
    try {
      for (const width of [360, 684]) {
        for (const height of [undefined, 640]) {
          host.style.width = `${width}px`;
          const attr = height ? ` height="${height}"` : '';
          host.innerHTML = TAGS.map((t) => `<${t} loading="eager"${attr}></${t}>`).join('');
          for (const t of TAGS) {
            const el = host.querySelector(t)!;
            const want = boxHeight(t as BoxedTag, el.getBoundingClientRect().width, { height });
            expect(Math.round(el.getBoundingClientRect().height), `${t} at ${width} px, loading`).toBe(want);
            expect(await until(() => drawn(document, t)), `${t} drawn`).toBe(true);
            // a treemap laid out at its share may grow its key of small tiles and be measured again, frames later
            const h = () => Math.round(el.getBoundingClientRect().height);
            await until(() => h() === want, 3000);
            expect(h(), `${t} at ${width} px, drawn`).toBe(want);
          }
        }
      }
    } finally {
      host.remove();
    }
  }, 60000);
});

describe('a small dataset leaves no hole (this test defines the elements too)', () => {
  it('a Gantt of three rows and a staff chart of a few posts give their unused room back; a set height is kept', async () => {
    const { nigerPolice } = await import('../../test/fixtures/any-programme/niger-police');
    await Promise.all(['phase-gantt', 'cooperant-chart'].map((t) => import(`../${t}.ts`)));
    const host = document.createElement('div');
    host.style.width = '768px';
    document.body.append(host);
    try {
      for (const tag of ['parsec-phase-gantt', 'parsec-cooperant-chart']) {
        for (const height of [undefined, 900]) {
          host.innerHTML = `<${tag} loading="eager" no-default${height ? ` height="${height}"` : ''}></${tag}>`;
          const el = host.firstElementChild as HTMLElement & { data?: unknown };
          el.data = structuredClone(nigerPolice);
          expect(await until(() => drawn(document, tag)), `${tag} drawn`).toBe(true);
          const box = boxHeight(tag as BoxedTag, 768, { height });
          const footer = () => el.shadowRoot!.querySelector('.footer')!.getBoundingClientRect().bottom;
          const gap = () => el.getBoundingClientRect().bottom - footer();
          if (height) {
            await sleep(300);
            expect(Math.round(el.getBoundingClientRect().height), `${tag} with height`).toBe(box);
          } else {
            expect(
              await until(() => gap() < 64, 3000),
              `${tag}: ${Math.round(gap())} px below its footer`,
            ).toBe(true);
            expect(el.getBoundingClientRect().height).toBeLessThan(box - 64);
          }
        }
      }
    } finally {
      host.remove();
    }
  }, 60000);
});
