import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
// the default dataset as text: read for its words, without loading the module the widgets would load
import defaultText from '../../data/parsec.json?raw';
import { nigerPolice } from '../../test/fixtures/any-programme/niger-police';
import '../components/budget-treemap/budget-treemap';
import '../components/phase-gantt/phase-gantt';
import '../components/facility-map/facility-map';
import '../components/cooperant-chart/cooperant-chart';
import type { ParsecElement } from '../components/base/parsec-element';
import { defaultDatasetRequests } from './dataset';

/**
 * "No frame of default data before a page's own data": every frame and every change of each widget's shadow root is
 * sampled from the element's creation until the page's data is drawn, for every way a page brings its data.
 */

type Widget = ParsecElement<unknown>;
const TAGS = ['parsec-budget-treemap', 'parsec-phase-gantt', 'parsec-facility-map', 'parsec-cooperant-chart'];

const page = structuredClone(nigerPolice);
const pageText = JSON.stringify(page);
const pageTitle = page.meta.title.en;

/** Words and mark keys of the default dataset that the page's data does not contain. */
const probe = (() => {
  const d = JSON.parse(defaultText) as {
    meta: { title: Record<string, string> };
    programmes: { id: string; short: string }[];
    cooperants: { words?: { title: Record<string, string> }; posts: { id: string }[] };
    budget: { id: string }[];
    timeline: { id: string }[];
    facilities: { id: string }[];
    places: { id: string; name: Record<string, string> }[];
  };
  const words = [
    ...Object.values(d.meta.title),
    ...d.programmes.map((p) => p.short),
    ...Object.values(d.cooperants.words?.title ?? {}),
    ...d.places.flatMap((p) => Object.values(p.name)),
  ].filter((w) => w.length >= 3 && !pageText.includes(w));
  const keys = new Set(
    [d.programmes, d.budget, d.timeline, d.facilities, d.places, d.cooperants.posts]
      .flat()
      .map((x) => x.id)
      .filter((id) => !pageText.includes(`"${id}"`)),
  );
  return { words: [...new Set(words)], keys };
})();

/** What of the default dataset a shadow root shows now (text, accessible names, mark keys), if anything. */
function defaultShown(root: ShadowRoot): string | undefined {
  const names = [...root.querySelectorAll('[aria-label]')]
    .map((n) => n.getAttribute('aria-label'))
    .join('\n');
  const text = `${root.textContent ?? ''}\n${names}`;
  const word = probe.words.find((w) => text.includes(w));
  if (word) return `text "${word}"`;
  for (const n of root.querySelectorAll<HTMLElement | SVGElement>('[data-key]')) {
    const key = n.dataset.key ?? '';
    // keys may be composite (`kind:id`): any part naming a default record counts
    const hit = key.split(/[:|/]/).find((k) => probe.keys.has(k));
    if (hit) return `mark ${key}`;
  }
  return undefined;
}

/** Samples every animation frame and every mutation of the element's shadow root until stopped. */
function sample(el: HTMLElement) {
  const seen: string[] = [];
  let frames = 0;
  let mutations = 0;
  let observer: MutationObserver | undefined;
  let raf = 0;
  const check = (when: string) => {
    const root = el.shadowRoot;
    if (!root) return;
    if (!observer) {
      observer = new MutationObserver(() => {
        mutations++;
        check('mutation');
      });
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    }
    const hit = defaultShown(root);
    if (hit) seen.push(`${when} ${frames}: ${hit}`);
  };
  const loop = () => {
    frames++;
    check('frame');
    raf = requestAnimationFrame(loop);
  };
  loop();
  return {
    seen,
    get frames() {
      return frames;
    },
    get mutations() {
      return mutations;
    },
    stop() {
      cancelAnimationFrame(raf);
      observer?.disconnect();
    },
  };
}

const until = async (ok: () => boolean, ms = 8000) => {
  const end = performance.now() + ms;
  while (!ok() && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
  return ok();
};
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The page's data is drawn: its title in the widget's caption, no loading state. */
const drawn = (el: HTMLElement) =>
  !!el.shadowRoot?.querySelector('[part="title"]')?.textContent?.includes(pageTitle) &&
  !el.shadowRoot.querySelector('.state');

function wrap(): HTMLDivElement {
  const w = document.createElement('div');
  w.className = 'wrap';
  w.style.width = '768px';
  document.body.append(w);
  return w;
}

let blobUrl = '';
beforeAll(() => {
  blobUrl = URL.createObjectURL(new Blob([pageText], { type: 'application/json' }));
});
afterAll(() => URL.revokeObjectURL(blobUrl));
afterEach(() => document.querySelectorAll('.wrap').forEach((n) => n.remove()));

/** Mounts with `create`, samples until the page's data is drawn and a few frames more, and returns what was seen. */
async function watchUntilDrawn(
  create: () => Widget,
  during?: (el: Widget) => Promise<void>,
  { defaultAllowed = false } = {},
) {
  const el = create();
  const s = sample(el);
  try {
    await during?.(el);
    expect(await until(() => drawn(el)), `${el.localName} drew the page's data`).toBe(true);
    const settled = s.frames;
    await until(() => s.frames >= settled + 5, 2000);
  } finally {
    s.stop();
  }
  if (!defaultAllowed) expect(defaultDatasetRequests(), 'the default chunk was requested').toBe(0);
  return s;
}

/** Requests of the default dataset's module this page made (the test's own `?raw` copy aside). */
const defaultModuleRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => /\/data\/parsec\.json/.test(n) && !/[?&]raw\b/.test(n));

it('the probe has words and marks of the default dataset to look for', () => {
  expect(probe.words.length).toBeGreaterThan(5);
  expect(probe.keys.size).toBeGreaterThan(20);
  expect(pageText).not.toContain(probe.words[0]!);
});

describe.each(TAGS)('%s: no frame of the default dataset', (tag) => {
  it('with src', async () => {
    const s = await watchUntilDrawn(() => {
      const w = wrap();
      w.innerHTML = `<${tag} src="${blobUrl}"></${tag}>`;
      return w.firstElementChild as Widget;
    });
    expect(s.frames).toBeGreaterThan(1);
    expect(s.seen).toEqual([]);
  });

  it('with inline JSON', async () => {
    const s = await watchUntilDrawn(() => {
      const w = wrap();
      const script = `<script type="application/json">${pageText.replace(/</g, '\\u003c')}</script>`;
      w.innerHTML = `<${tag}>${script}</${tag}>`;
      return w.firstElementChild as Widget;
    });
    expect(s.seen).toEqual([]);
  });

  it('with data set before connecting (framework renderer)', async () => {
    const s = await watchUntilDrawn(() => {
      const el = document.createElement(tag) as Widget;
      el.data = structuredClone(page) as Widget['data'];
      wrap().append(el);
      return el;
    });
    expect(s.seen).toEqual([]);
  });

  it('with data set right after createElement and append, in the same task', async () => {
    const s = await watchUntilDrawn(() => {
      const el = document.createElement(tag) as Widget;
      wrap().append(el);
      el.data = structuredClone(page) as Widget['data'];
      return el;
    });
    expect(s.seen).toEqual([]);
  });

  it('no-default, data set after a fetch of 300 ms: loading until then', async () => {
    let loadingShown = false;
    const s = await watchUntilDrawn(
      () => {
        const el = document.createElement(tag) as Widget;
        el.setAttribute('no-default', '');
        wrap().append(el);
        setTimeout(() => (el.data = structuredClone(page) as Widget['data']), 300);
        return el;
      },
      async (el) => {
        await wait(200);
        expect(el.noDefault).toBe(true);
        loadingShown = !!el.shadowRoot?.querySelector('.state.loading[role="status"]');
      },
    );
    expect(loadingShown).toBe(true);
    expect(s.seen).toEqual([]);
  });
});

describe('inside a <parsec-dataset> provider', () => {
  it('defined after the widgets: they wait for it, no default frame', async () => {
    expect(customElements.get('parsec-dataset')).toBeUndefined();
    const w = wrap();
    w.innerHTML = `<parsec-dataset src="${blobUrl}">${TAGS.map((t) => `<${t} loading="eager"></${t}>`).join('')}</parsec-dataset>`;
    const els = TAGS.map((t) => w.querySelector(t) as Widget);
    const samples = els.map(sample);
    try {
      await wait(250);
      for (const el of els) expect(el.shadowRoot?.querySelector('.state.loading')).not.toBeNull();
      await import('../components/dataset/dataset');
      for (const el of els) expect(await until(() => drawn(el)), el.localName).toBe(true);
      await wait(100);
    } finally {
      samples.forEach((s) => s.stop());
    }
    expect(samples.flatMap((s) => s.seen)).toEqual([]);
  });

  it.each(TAGS)('%s, the provider already defined', async (tag) => {
    await import('../components/dataset/dataset');
    let provider: HTMLElement | undefined;
    const s = await watchUntilDrawn(() => {
      const w = wrap();
      w.innerHTML = `<parsec-dataset src="${blobUrl}"><${tag}></${tag}></parsec-dataset>`;
      provider = w.firstElementChild as HTMLElement;
      return provider.firstElementChild as Widget;
    });
    expect(provider?.localName).toBe('parsec-dataset');
    expect(s.seen).toEqual([]);
  });

  it('no-default on the provider: its widgets wait for its data', async () => {
    await import('../components/dataset/dataset');
    const s = await watchUntilDrawn(
      () => {
        const w = wrap();
        w.innerHTML = `<parsec-dataset no-default><parsec-budget-treemap></parsec-budget-treemap></parsec-dataset>`;
        const provider = w.firstElementChild as HTMLElement & { data?: unknown };
        setTimeout(() => (provider.data = structuredClone(page)), 300);
        return provider.firstElementChild as Widget;
      },
      async (el) => {
        await wait(200);
        expect(el.shadowRoot?.querySelector('.state.loading')).not.toBeNull();
      },
    );
    expect(s.seen).toEqual([]);
  });
});

describe('a widget removed', () => {
  it('from its <parsec-dataset>, with an update pending: keeps what it shows, never loads the default', async () => {
    await import('../components/dataset/dataset');
    const w = wrap();
    w.innerHTML = `<parsec-dataset src="${blobUrl}"><parsec-phase-gantt loading="eager"></parsec-phase-gantt></parsec-dataset>`;
    const el = w.querySelector('parsec-phase-gantt') as Widget;
    expect(await until(() => drawn(el))).toBe(true);
    w.remove();
    el.requestUpdate();
    await el.updateComplete;
    await wait(50);
    expect(defaultDatasetRequests()).toBe(0);
    expect(drawn(el)).toBe(true);
  });
});

describe('a widget upgraded while the page is still parsed', () => {
  it('waits for the document before choosing the default: its inline JSON, parsed later, is drawn', async () => {
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
    let s: ReturnType<typeof sample> | undefined;
    try {
      // the parser has created the element, not yet its child
      const el = document.createElement('parsec-budget-treemap') as Widget;
      wrap().append(el);
      s = sample(el);
      await wait(100);
      expect(el.shadowRoot?.querySelector('.state.loading')).not.toBeNull();
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = pageText;
      el.append(script);
      delete (document as { readyState?: unknown }).readyState;
      document.dispatchEvent(new Event('DOMContentLoaded'));
      expect(await until(() => drawn(el))).toBe(true);
    } finally {
      s?.stop();
      delete (document as { readyState?: unknown }).readyState;
    }
    expect(document.readyState).toBe('complete');
    expect(s!.seen).toEqual([]);
  });
});

describe('the default dataset only when nothing else comes', () => {
  it('was never requested by the cases above (its loader and the network both say so)', () => {
    expect(defaultDatasetRequests()).toBe(0);
    expect(defaultModuleRequests()).toEqual([]);
  });

  it('the sampler sees the default when a bare tag gets its data only later (what no-default is for)', async () => {
    const s = await watchUntilDrawn(
      () => {
        const el = document.createElement('parsec-budget-treemap') as Widget;
        wrap().append(el);
        setTimeout(() => (el.data = structuredClone(page) as Widget['data']), 300);
        return el;
      },
      undefined,
      { defaultAllowed: true },
    );
    expect(s.seen.length).toBeGreaterThan(0);
  });

  it.each(TAGS)('%s: a bare tag still shows the default', async (tag) => {
    const w = wrap();
    w.innerHTML = `<${tag}></${tag}>`;
    const el = w.firstElementChild as Widget;
    expect(await until(() => !!el.shadowRoot && !!defaultShown(el.shadowRoot))).toBe(true);
    expect(defaultDatasetRequests()).toBe(1);
    expect(defaultModuleRequests()).toHaveLength(1);
  });

  it('no-default and a <parsec-dataset> a script adds later: the widget waits for it', async () => {
    const w = wrap();
    w.innerHTML = `<parsec-cooperant-chart dataset="later" no-default></parsec-cooperant-chart>`;
    const el = w.firstElementChild as Widget;
    const s = sample(el);
    try {
      await wait(150);
      expect(el.shadowRoot?.querySelector('.state.loading')).not.toBeNull();
      const provider = document.createElement('parsec-dataset') as HTMLElement & { data?: unknown };
      provider.id = 'later';
      provider.data = structuredClone(page);
      w.append(provider);
      expect(await until(() => drawn(el))).toBe(true);
    } finally {
      s.stop();
    }
    expect(s.seen).toEqual([]);
  });

  it('a <parsec-dataset> named but not on the page: a warning, the default meanwhile, then the provider', async () => {
    const w = wrap();
    const warnings: string[] = [];
    w.addEventListener('parsec-warning', (e) => warnings.push((e as CustomEvent).detail.attribute), true);
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      w.innerHTML = `<parsec-cooperant-chart dataset="missing"></parsec-cooperant-chart>`;
      const el = w.firstElementChild as Widget;
      expect(await until(() => !!el.shadowRoot && !!defaultShown(el.shadowRoot))).toBe(true);
      expect(warnings).toContain('dataset');
      const provider = document.createElement('parsec-dataset') as HTMLElement & { data?: unknown };
      provider.id = 'missing';
      provider.data = structuredClone(page);
      w.append(provider);
      expect(await until(() => drawn(el) && !defaultShown(el.shadowRoot!))).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});
