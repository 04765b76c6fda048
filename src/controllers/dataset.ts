import type { ReactiveController, ReactiveControllerHost } from 'lit';
import defaultJson from '../../data/parsec.json';
import { ParsecDataErrorEvent, type ParsecDataErrorDetail } from '../events/data-error';
import type { Translation } from '../i18n/translation';
import type { Dataset } from '../schema/dataset';
import { parseDataset, parseDatasetText, type DataIssue } from '../schema/parse';

type Host = ReactiveControllerHost & HTMLElement;

export type DatasetState =
  | { status: 'loading'; origin: string }
  | { status: 'ready'; origin: string; data: Dataset }
  | ({ status: 'error' } & ParsecDataErrorDetail);

let defaultParsed: Dataset | undefined;
/** The bundled default dataset, validated once per page. */
export function defaultDataset(): Dataset {
  if (!defaultParsed) {
    const r = parseDataset(defaultJson);
    if (!r.ok)
      throw new Error(
        `default dataset invalid: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      );
    defaultParsed = r.data;
  }
  return defaultParsed;
}

const parsedObjects = new WeakMap<object, ReturnType<typeof parseDataset>>();
/**
 * Validates a dataset object once per object: the same object given to several widgets, or a dataset already returned
 * by `parseDataset`, is not validated again. (Datasets are treated as immutable, as Lit treats properties.)
 */
function parseObject(value: unknown) {
  if (value === null || typeof value !== 'object') return parseDataset(value);
  let r = parsedObjects.get(value);
  if (!r) {
    parsedObjects.set(value, (r = parseDataset(value)));
    if (r.ok) parsedObjects.set(r.data, r);
  }
  return r;
}

/**
 * Validates a dataset once, for pages that give the same data to several widgets or re-render them: widgets given
 * `result.data` do not validate it again.
 */
export function prepareDataset(input: unknown): ReturnType<typeof parseDataset> {
  return parseObject(input);
}

/**
 * Picks and loads the dataset: the `data` property, else the `src` URL (fetched with abort), else an inline
 * `<script type="application/json">` child, else the bundled default. Reports network, parse and schema problems
 * as an error state and a `parsec-data-error` event; never throws into the page.
 */
export class DatasetController implements ReactiveController {
  state: DatasetState = { status: 'loading', origin: 'default' };
  private lastData: unknown = undefined;
  private lastSrc: string | undefined = undefined;
  private started = false;
  private abort?: AbortController;

  constructor(
    private readonly host: Host,
    private readonly t: () => Translation,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.started = false;
  }

  /** Follows a shared `<parsec-dataset>`'s state instead of loading (it reports errors itself). */
  mirror(state: DatasetState): void {
    this.started = false;
    this.abort?.abort();
    this.state = state;
  }

  /** Call from `willUpdate` with the host's current `data` and `src`; reloads only when they changed. */
  sync(data: unknown, src: string | undefined): void {
    if (this.started && Object.is(data, this.lastData) && src === this.lastSrc) return;
    this.started = true;
    this.lastData = data;
    this.lastSrc = src;
    this.abort?.abort();
    this.abort = undefined;
    if (data !== undefined && data !== null) {
      this.settle('property', 'schema', parseObject(data));
    } else if (src) {
      this.load(src);
    } else {
      const inline = this.host.querySelector(':scope > script[type="application/json"]');
      if (inline) this.settle('inline', 'parse', parseDatasetText(inline.textContent ?? ''));
      else this.state = { status: 'ready', origin: 'default', data: defaultDataset() };
    }
  }

  private settle(origin: string, stage: 'parse' | 'schema', r: ReturnType<typeof parseDataset>) {
    if (r.ok) this.state = { status: 'ready', origin, data: r.data };
    else
      this.fail({
        origin,
        stage: stage === 'parse' && r.issues[0]?.path === '(root)' ? 'parse' : 'schema',
        issues: r.issues,
        ...(r.total > r.issues.length ? { total: r.total } : {}),
      });
  }

  private fail(detail: ParsecDataErrorDetail) {
    this.state = { status: 'error', ...detail };
    // dispatched after the current update so listeners see the error state rendered
    queueMicrotask(() => this.host.dispatchEvent(new ParsecDataErrorEvent(detail)));
  }

  private async load(src: string) {
    const abort = (this.abort = new AbortController());
    this.state = { status: 'loading', origin: src };
    const t = this.t();
    let text: string;
    try {
      const res = await fetch(src, { signal: abort.signal, headers: { accept: 'application/json' } });
      if (!res.ok) {
        if (abort.signal.aborted) return;
        this.fail({
          origin: src,
          stage: 'network',
          issues: [{ path: '(root)', message: t.httpError(src, res.status) }],
        });
        this.host.requestUpdate();
        return;
      }
      text = await res.text();
    } catch (e) {
      if (abort.signal.aborted) return;
      const issues: DataIssue[] = [{ path: '(root)', message: t.fetchFailed(src, (e as Error).message) }];
      this.fail({ origin: src, stage: 'network', issues });
      this.host.requestUpdate();
      return;
    }
    if (abort.signal.aborted) return;
    this.settle(src, 'parse', parseDatasetText(text));
    this.host.requestUpdate();
  }
}
