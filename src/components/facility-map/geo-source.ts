import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ParsecDataErrorDetail } from '../../events/data-error';
import type { MapGeoData } from '../../layout/facility-map';
import type { GeoLoadWords, GeoOutcome } from './geo-load';

/**
 * What the controller takes from the element: the dataset loader's words, charset decoding and timeout, and how to
 * report a problem. Given, not imported, so that this chunk shares no module with the widget's entry.
 */
export interface GeoSourceHost {
  words: () => GeoLoadWords;
  decodeBody: (bytes: ArrayBuffer, contentType: string | null) => string;
  /** The element's `timeout`, in milliseconds. */
  timeoutMs: () => number;
  /** Fires `parsec-data-error`. */
  report: (detail: ParsecDataErrorDetail) => void;
}

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
 * as the widget's error state: never a blank map. The fetching and checking (`geo-load.ts`, with topojson-client)
 * come in their own chunk, only for a page that gives a geometry.
 */
export class GeoSourceController implements ReactiveController {
  state: GeoSourceState = { status: 'none' };
  private lastGeo: unknown = undefined;
  private lastSrc: string | undefined = undefined;
  private started = false;
  /** Aborts the current load (a removal, or a newer `geo` or `geo-src`). */
  private abort?: AbortController;

  constructor(
    private readonly host: Host,
    private readonly use: GeoSourceHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.started) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    // a move (removed and inserted in the same task) keeps the load; a removal aborts it
    queueMicrotask(() => {
      if (this.host.isConnected) return;
      if (this.state.status === 'loading') this.started = false;
      this.abort?.abort();
    });
  }

  /** Call from `willUpdate` with the host's `geo` and `geo-src`; starts again only when they changed. */
  sync(geo: unknown, src: string | null | undefined): void {
    const url = src || undefined;
    if (this.started && Object.is(geo, this.lastGeo) && url === this.lastSrc) return;
    this.started = true;
    this.lastGeo = geo;
    this.lastSrc = url;
    this.abort?.abort();
    this.abort = undefined;
    const given = geo !== undefined && geo !== null;
    if (!given && !url) {
      this.state = { status: 'none' };
      return;
    }
    const origin = given ? 'geo' : url!;
    this.state = { status: 'loading', origin };
    const abort = (this.abort = new AbortController());
    const ms = this.use.timeoutMs();
    void import('./geo-load')
      .then((load): Promise<GeoOutcome | null> | GeoOutcome =>
        given
          ? load.decodeGeo(origin, geo)
          : load.fetchGeo(url!, abort.signal, ms, this.use.words(), this.use.decodeBody),
      )
      .then((outcome) => {
        if (!outcome || this.abort !== abort || abort.signal.aborted) return;
        this.abort = undefined;
        if ('geo' in outcome) this.state = { status: 'ready', origin, geo: outcome.geo };
        else {
          const detail = outcome.error;
          this.state = { status: 'error', detail };
          queueMicrotask(() => this.use.report(detail));
        }
        this.host.requestUpdate();
      });
  }
}
