import { html, LitElement } from 'lit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import '../components/budget-treemap/budget-treemap';
import type { ParsecDataErrorEvent } from '../events/data-error';
import { en } from '../i18n/en';
import { DatasetController, sharedLoadCount } from './dataset';

/** The dataset controller's transitions, against a fetch the test answers by hand. */

class LoaderHost extends LitElement {
  static override properties = { src: {} };
  declare src: string | undefined;
  readonly loader = new DatasetController(this, () => en);
  override willUpdate() {
    this.loader.sync(undefined, this.src);
  }
  override render() {
    const s = this.loader.state;
    return html`<p>${s.status === 'error' ? s.issues[0]!.message : s.status}</p>`;
  }
}
customElements.define('test-loader-host', LoaderHost);

interface Call {
  url: string;
  signal: AbortSignal;
  resolve: (r: Response) => void;
}
const calls: Call[] = [];
const realFetch = globalThis.fetch;
beforeEach(() => {
  calls.length = 0;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init!.signal!;
      calls.push({ url: String(input), signal, resolve });
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    })) as typeof fetch;
});
afterEach(() => {
  globalThis.fetch = realFetch;
  document.querySelectorAll('.wrap').forEach((n) => n.remove());
});

const tick = () => new Promise((r) => setTimeout(r, 0));
const until = async (ok: () => boolean, ms = 2000) => {
  const end = performance.now() + ms;
  while (!ok() && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
  return ok();
};
const json = (title = 'Loaded') => {
  const d = JSON.parse(JSON.stringify(raw));
  d.meta.title = { en: title };
  return JSON.stringify(d);
};
const ok = (body: string | Uint8Array, type = 'application/json') =>
  new Response(body as unknown as BodyInit, { status: 200, headers: { 'content-type': type } });

function mount(attrs: Record<string, string>, parent?: HTMLElement): LoaderHost {
  const wrap = parent ?? document.createElement('div');
  wrap.className = 'wrap';
  const el = document.createElement('test-loader-host') as LoaderHost;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrap.append(el);
  if (!parent) document.body.append(wrap);
  return el;
}
const title = (el: LoaderHost) => {
  const s = el.loader.state;
  return s.status === 'ready' ? (s.data.meta.title as { en: string }).en : s.status;
};

describe('DatasetController', () => {
  it('loading → ready: fetches src once and validates the answer', async () => {
    const el = mount({ src: '/data/a.json' });
    await el.updateComplete;
    expect(el.loader.state.status).toBe('loading');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(new URL('/data/a.json', document.baseURI).href);
    calls[0]!.resolve(ok(json('A')));
    expect(await until(() => title(el) === 'A')).toBe(true);
  });

  it('loading → error on timeout: a readable message, a parsec-data-error event, the fetch aborted', async () => {
    const el = mount({ src: '/never.json', timeout: '80ms' });
    const events: ParsecDataErrorEvent[] = [];
    el.addEventListener('parsec-data-error', (e) => events.push(e));
    await el.updateComplete;
    expect(el.loader.state.status).toBe('loading');
    expect(await until(() => el.loader.state.status === 'error')).toBe(true);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).toContain('Could not load /never.json: no answer within 80 ms');
    await tick();
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toMatchObject({ origin: '/never.json', stage: 'network' });
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(sharedLoadCount()).toBe(0);
  });

  it('an unreadable timeout falls back to 20 s with a warning', async () => {
    const warnings: string[] = [];
    const el = mount({ src: '/slow.json', timeout: 'soon' });
    el.addEventListener('parsec-warning', (e) => warnings.push(e.detail.fallback));
    await el.updateComplete;
    expect(warnings).toEqual(['20s']);
    await new Promise((r) => setTimeout(r, 150));
    expect(el.loader.state.status).toBe('loading');
    calls[0]!.resolve(ok(json('Slow')));
    expect(await until(() => title(el) === 'Slow')).toBe(true);
  });

  it('removed during its fetch: aborts; re-attached: fetches again and draws', async () => {
    const el = mount({ src: '/r.json' });
    await el.updateComplete;
    const parent = el.parentElement!;
    el.remove();
    await tick();
    expect(calls[0]!.signal.aborted).toBe(true);
    parent.append(el);
    await el.updateComplete;
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(ok(json('Again')));
    expect(await until(() => title(el) === 'Again')).toBe(true);
  });

  it('moved to another parent during its fetch: keeps the fetch and draws when it answers', async () => {
    const el = mount({ src: '/m.json' });
    await el.updateComplete;
    const other = document.createElement('div');
    other.className = 'wrap';
    document.body.append(other);
    other.append(el);
    await tick();
    expect(calls[0]!.signal.aborted).toBe(false);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(ok(json('Moved')));
    expect(await until(() => title(el) === 'Moved')).toBe(true);
  });

  it('slow in reverse: the answer to an older src never replaces the newer one', async () => {
    const el = mount({ src: '/old.json' });
    await el.updateComplete;
    el.src = '/new.json';
    await el.updateComplete;
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[1]!.resolve(ok(json('New')));
    expect(await until(() => title(el) === 'New')).toBe(true);
    calls[0]!.resolve(ok(json('Old')));
    await tick();
    await el.updateComplete;
    expect(title(el)).toBe('New');
  });

  it('honours the declared charset (ISO-8859-1 bytes are not read as UTF-8)', async () => {
    const el = mount({ src: '/latin1.json' });
    await el.updateComplete;
    // characters beyond Latin-1 written as JSON escapes, the rest as Latin-1 bytes
    const text = json('Sécurité').replace(
      /[\u0100-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    expect(bytes.includes(0xe9)).toBe(true);
    calls[0]!.resolve(ok(bytes, 'application/json; charset=ISO-8859-1'));
    expect(await until(() => title(el) === 'Sécurité')).toBe(true);
  });

  it('four elements with the same src share one fetch and one validation', async () => {
    const wrap = document.createElement('div');
    document.body.append(wrap);
    const els = [0, 1, 2, 3].map(() => mount({ src: '/shared.json' }, wrap));
    // one of them with the URL written differently, resolved to the same address
    els[3]!.setAttribute('src', new URL('/shared.json', document.baseURI).href);
    wrap.className = 'wrap';
    await Promise.all(els.map((e) => e.updateComplete));
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(ok(json('Shared')));
    expect(await until(() => els.every((e) => title(e) === 'Shared'))).toBe(true);
    const data = els.map((e) => (e.loader.state as { data: unknown }).data);
    expect(new Set(data).size).toBe(1);
    // one leaves: the others keep it; all leave: the load is released
    els[0]!.remove();
    await tick();
    expect(sharedLoadCount()).toBe(1);
    els.forEach((e) => e.remove());
    await tick();
    expect(sharedLoadCount()).toBe(0);
  });

  it('removing one of two sharing elements does not abort the other one’s fetch', async () => {
    const a = mount({ src: '/two.json' });
    const b = mount({ src: '/two.json' });
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect(calls).toHaveLength(1);
    a.remove();
    await tick();
    expect(calls[0]!.signal.aborted).toBe(false);
    b.remove();
    await tick();
    expect(calls[0]!.signal.aborted).toBe(true);
  });

  it('network errors are readable and not kept: the next attempt fetches again', async () => {
    const el = mount({ src: '/404.json' });
    await el.updateComplete;
    calls[0]!.resolve(new Response('nope', { status: 404 }));
    expect(await until(() => el.loader.state.status === 'error')).toBe(true);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).toContain('the server answered 404');
    expect(sharedLoadCount()).toBe(0);
    const again = mount({ src: '/404.json' });
    await again.updateComplete;
    expect(calls).toHaveLength(2);
  });

  it('a src that is not a URL is an error at once', async () => {
    const el = mount({ src: 'http://[::1' });
    await el.updateComplete;
    expect(el.loader.state.status).toBe('error');
    expect(calls).toHaveLength(0);
  });

  it('a widget removed during its fetch and re-attached draws its chart', async () => {
    const wrap = document.createElement('div');
    wrap.className = 'wrap';
    wrap.style.width = '600px';
    wrap.innerHTML = '<parsec-budget-treemap loading="eager" src="/w.json"></parsec-budget-treemap>';
    document.body.append(wrap);
    const el = wrap.firstElementChild as HTMLElement & { updateComplete: Promise<boolean> };
    await el.updateComplete;
    el.remove();
    await tick();
    wrap.append(el);
    await el.updateComplete;
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(ok(json('Widget')));
    expect(await until(() => !!el.shadowRoot!.querySelector('svg[part="svg"]'))).toBe(true);
  });
});
