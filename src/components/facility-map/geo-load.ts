import type { ParsecDataErrorDetail } from '../../events/data-error';
import type { MapGeoData } from '../../layout/facility-map';
import { decodePageGeo } from '../../layout/geo-decode';

/** The words of a failed load, in the page's language (from the dataset loader's, passed in by the element). */
export interface GeoLoadWords {
  /** `Could not load <url>: <why>`. */
  failed: (url: string, why: string) => string;
  /** `Could not load <url>: the server answered <status>`. */
  http: (url: string, status: number) => string;
  badUrl: string;
  timedOut: (ms: number) => string;
}

/** What loading a page's geometry came to: the decoded geometry, or the problem to show and report. */
export type GeoOutcome = { geo: MapGeoData } | { error: ParsecDataErrorDetail };

/** Checks and decodes a geometry object (`geo`): what was expected when it is not one. */
export function decodeGeo(origin: string, input: unknown): GeoOutcome {
  try {
    return { geo: decodePageGeo(input) };
  } catch (e) {
    const path = (e as { path?: string }).path ?? '(root)';
    return {
      error: { origin, stage: 'schema', issues: [{ path: `geo ${path}`, message: (e as Error).message }] },
    };
  }
}

const network = (src: string, message: string): GeoOutcome => ({
  error: { origin: src, stage: 'network', issues: [{ path: 'geo-src', message }] },
});

/**
 * Fetches a geometry (`geo-src`) as the dataset's `src` is: within `ms` (else a readable timeout), in the charset the
 * server declares, `signal` aborting it; an HTTP error, a body that is not JSON or JSON that is not geometry each
 * come back as a problem saying what was expected. Never throws; resolves `null` when aborted. The words and
 * `decodeBody` (bytes to text in the declared charset) are the dataset loader's, passed in so that this chunk carries
 * none of the entry's modules.
 */
export async function fetchGeo(
  src: string,
  signal: AbortSignal,
  ms: number,
  t: GeoLoadWords,
  decodeBody: (bytes: ArrayBuffer, contentType: string | null) => string,
): Promise<GeoOutcome | null> {
  let url: string;
  try {
    url = new URL(src, document.baseURI).href;
  } catch {
    return network(src, t.failed(src, t.badUrl));
  }
  let timedOut = false;
  const timeout = new AbortController();
  const timer = setTimeout(() => {
    timedOut = true;
    timeout.abort();
  }, ms);
  const stop = () => timeout.abort();
  signal.addEventListener('abort', stop);
  try {
    const res = await fetch(url, { signal: timeout.signal, headers: { accept: 'application/json' } });
    if (!res.ok) return network(src, t.http(src, res.status));
    const text = decodeBody(await res.arrayBuffer(), res.headers.get('content-type'));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      const message = `not JSON (${(e as Error).message}); expected a TopoJSON or GeoJSON file`;
      return { error: { origin: src, stage: 'parse', issues: [{ path: 'geo-src', message }] } };
    }
    return decodeGeo(src, json);
  } catch (e) {
    if (signal.aborted) return null;
    if (timedOut) return network(src, t.failed(src, t.timedOut(ms)));
    return network(src, t.failed(src, String((e as Error)?.message ?? e)));
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}
