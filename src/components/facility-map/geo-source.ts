import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ParsecDataErrorEvent, type ParsecDataErrorDetail } from '../../events/data-error';
import { loaderText } from '../../i18n/index';
import type { Translation } from '../../i18n/translation';
import { decodeBody } from '../../controllers/dataset';
import { decodePageGeo, GeoError, type MapGeoData } from '../../layout/facility-map';
import { DEFAULT_TIMEOUT_MS, parseTimeout } from '../../util/attributes';

/** Where the page's geometry stands: none given, loading, decoded, or a problem to show. */
export type GeoSourceState =
  | { status: 'none' }
  | { status: 'loading'; origin: string }
  | { status: 'ready'; origin: string; geo: MapGeoData }
  | { status: 'error'; detail: ParsecDataErrorDetail };

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The geometry a page gives the map: the `geo` property (a TopoJSON Topology or GeoJSON FeatureCollection object),
 * else the `geo-src` URL, fetched with the dataset's care — the host's `timeout` (20 s by default), the charset the
 * server declares, a readable error (HTTP status, not JSON, not geometry: what was expected), and the fetch aborted
 * when the element is removed. A problem is reported as a `parsec-data-error` event (origin `geo` or the URL) and shown
 * as the widget's error state: never a blank map.
 */
export class GeoSourceController implements ReactiveController {
  state: GeoSourceState = { status: 'none' };
  private lastGeo: unknown = undefined;
  private lastSrc: string | undefined = undefined;
  private started = false;
  private abort?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: Host,
    private readonly t: () => Translation,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.started) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    // a move (removed and inserted in the same task) keeps the fetch; a removal aborts it
    queueMicrotask(() => {
      if (this.host.isConnected) return;
      if (this.state.status === 'loading') this.started = false;
      this.stop();
    });
  }

  /** Call from `willUpdate` with the host's `geo` and `geo-src`; starts again only when they changed. */
  sync(geo: unknown, src: string | null | undefined): void {
    const url = src || undefined;
    if (this.started && Object.is(geo, this.lastGeo) && url === this.lastSrc) return;
    this.started = true;
    this.lastGeo = geo;
    this.lastSrc = url;
    this.stop();
    if (geo !== undefined && geo !== null) this.decode('geo', geo);
    else if (url) this.load(url);
    else this.state = { status: 'none' };
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.abort?.abort();
    this.abort = undefined;
  }

  private decode(origin: string, input: unknown): void {
    try {
      this.state = { status: 'ready', origin, geo: decodePageGeo(input) };
    } catch (e) {
      const path = e instanceof GeoError ? e.path : '(root)';
      this.fail({
        origin,
        stage: 'schema',
        issues: [{ path: `geo ${path}`, message: (e as Error).message }],
      });
    }
  }

  private fail(detail: ParsecDataErrorDetail): void {
    this.state = { status: 'error', detail };
    queueMicrotask(() => this.host.dispatchEvent(new ParsecDataErrorEvent(detail)));
  }

  private timeoutMs(): number {
    return parseTimeout(this.host.getAttribute('timeout')) ?? DEFAULT_TIMEOUT_MS;
  }

  private load(src: string): void {
    const t = this.t();
    let url: string;
    try {
      url = new URL(src, document.baseURI).href;
    } catch {
      this.network(src, t.fetchFailed(src, loaderText(t).badUrl));
      return;
    }
    this.state = { status: 'loading', origin: src };
    const abort = (this.abort = new AbortController());
    const ms = this.timeoutMs();
    this.timer = setTimeout(() => {
      if (this.abort !== abort) return;
      this.stop();
      this.network(src, t.fetchFailed(src, loaderText(t).timedOut(ms)));
      this.host.requestUpdate();
    }, ms);
    const settle = (f: () => void) => {
      if (this.abort !== abort) return;
      clearTimeout(this.timer);
      this.timer = undefined;
      this.abort = undefined;
      f();
      this.host.requestUpdate();
    };
    fetch(url, { signal: abort.signal, headers: { accept: 'application/json' } })
      .then(async (res) => {
        if (!res.ok) return settle(() => this.network(src, t.httpError(src, res.status)));
        const text = decodeBody(await res.arrayBuffer(), res.headers.get('content-type'));
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (e) {
          const message = `not JSON (${(e as Error).message}); expected a TopoJSON or GeoJSON file`;
          return settle(() =>
            this.fail({ origin: src, stage: 'parse', issues: [{ path: 'geo-src', message }] }),
          );
        }
        settle(() => this.decode(src, json));
      })
      .catch((e: unknown) =>
        settle(() => this.network(src, t.fetchFailed(src, String((e as Error)?.message ?? e)))),
      );
  }

  private network(src: string, message: string): void {
    this.fail({ origin: src, stage: 'network', issues: [{ path: 'geo-src', message }] });
  }
}
