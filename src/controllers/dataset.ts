import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ParsecDataErrorEvent, type ParsecDataErrorDetail } from '../events/data-error';
import { loaderText } from '../i18n/index';
import type { Translation } from '../i18n/translation';
import type { Dataset } from '../schema/dataset';
import {
  countValidation,
  datasetSize,
  fastSections,
  hasChecks,
  SLICED_FROM,
  trustedDataset,
  type CheckedSections,
  type DataIssue,
  type SectionChecks,
} from '../schema/fast';
import {
  SECTIONS,
  wholeResult,
  type Section,
  type SectionedResult,
  type SectionIssues,
} from '../schema/section-list';
import { DEFAULT_TIMEOUT_MS, parseTimeout, warnOnce } from '../util/attributes';
import { idleAfterDrawn } from '../util/idle';

type Host = ReactiveControllerHost & HTMLElement;

export type DatasetState =
  | { status: 'loading'; origin: string }
  /** `sectionIssues`: the broken sections, left out of `data` (only the widgets that read them show the problems). */
  | { status: 'ready'; origin: string; data: Dataset; sectionIssues?: SectionIssues }
  | ({ status: 'error' } & ParsecDataErrorDetail);

let defaultLoad: Promise<SectionedResult> | undefined;
let defaultRequests = 0;
/**
 * The default dataset, from its own chunk: fetched only when a widget shows it (a page that brings its own data never
 * downloads it); validated at build time, not here ({@link trustedDataset}).
 */
function loadDefault(): Promise<SectionedResult> {
  return (defaultLoad ??= (defaultRequests++, import('../../data/parsec.json')).then((m) =>
    ready(m.default),
  ));
}

/** How many times the default dataset's chunk was requested on this page (0 or 1), for tests. */
export function defaultDatasetRequests(): number {
  return defaultRequests;
}

/**
 * The bundled default dataset, validated (loaded from its own chunk on first use).
 *
 * @example
 * ```ts
 * import { defaultDataset } from 'parsec-widgets';
 *
 * const data = await defaultDataset();
 * console.log(data.meta.asOf, data.budget.length); // as the widgets show it without `data` or `src`
 * ```
 */
export async function defaultDataset(): Promise<Dataset> {
  const r = wholeResult(await loadDefault());
  if (!r.ok)
    throw new Error(`default dataset invalid: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return r.data;
}

/**
 * Dispatched on `document` by a `<parsec-dataset>` when it connects: widgets that name one not yet in the document
 * (`dataset="<id>"`) look for it again.
 */
export const PROVIDER_CONNECTED = 'parsec-dataset-connected';

/** A dataset the fast path accepted: every section sound. */
function ready(data: unknown): SectionedResult {
  const r = trustedDataset(data);
  return r.ok ? { ok: true, data: r.data, sectionIssues: {} } : r;
}

/**
 * Validation with zod (schema/parse.ts, sections.ts), in a chunk of its own: loaded only for data the zod-free fast
 * path (schema/fast.ts) is not sure of — data with problems, unusual data — or large enough to be validated in slices.
 */
const withZod = () => import('./dataset-zod');

const parsedObjects = new WeakMap<object, SectionedResult>();
const pendingObjects = new WeakMap<object, Promise<SectionedResult>>();

/**
 * What a host reads of a dataset — the sections its class declares (`static sections`) — and the generated checks it
 * brought for them (`static checks`: only those are in its entry). A host that declares none checks only what every
 * widget reads.
 */
export interface Needs {
  sections: readonly Section[];
  checks: SectionChecks;
}
const needsOf = (host: HTMLElement): Needs => {
  const c = host.constructor as { sections?: readonly Section[]; checks?: SectionChecks };
  return { sections: c.sections ?? [], checks: c.checks ?? {} };
};

/**
 * Dataset objects the fast path accepted for some sections (see {@link fastSections}): the sections checked so far and
 * the one object every widget showing the dataset is given, whose sections fill in as widgets need them.
 */
const checkedObjects = new WeakMap<object, CheckedSections>();
/** The object given for each such output (a widget given an output is given what it came from). */
const inputOf = new WeakMap<object, object>();
/** The check of the sections no widget read yet, once per dataset object: see {@link checkRest}. */
const restChecks = new WeakMap<object, Promise<SectionedResult>>();

/** What a dataset object was validated to, if it was (by a widget or by `prepareDataset`). */
export function parsedResult(value: unknown): SectionedResult | undefined {
  return value !== null && typeof value === 'object' ? parsedObjects.get(value) : undefined;
}

/** Remembers what a dataset object was validated to, and that its validated copy needs no validation. */
export function rememberParsed(value: unknown, r: SectionedResult): void {
  if (value !== null && typeof value === 'object') parsedObjects.set(value, r);
  if (r.ok) parsedObjects.set(r.data, r);
}

/**
 * A dataset object the fast path checked for some sections only: its other sections checked by `checks` (every
 * section's, from the chunk that has them), and its whole result, remembered; undefined when the object was not
 * checked so or the checks are not sure.
 */
export function checkAllSections(given: unknown, checks: SectionChecks): SectionedResult | undefined {
  if (given === null || typeof given !== 'object') return undefined;
  const value = inputOf.get(given) ?? given;
  const known = parsedResult(value);
  if (known) return known;
  const prior = checkedObjects.get(value);
  if (!prior) return undefined;
  const r = fastSections(value, SECTIONS, checks, { prior });
  if (!r) return undefined;
  checkedObjects.set(value, r);
  const whole: SectionedResult = { ok: true, data: r.data, sectionIssues: {} };
  rememberParsed(value, whole);
  return whole;
}

/**
 * The sections of `value` no widget checked yet, checked once the widgets drew (in idle time after the frame of a
 * chart, not inside the first paint nor after a loading state's frame), from a chunk of their own (every section's
 * checks), then with zod when those are not sure: a problem there does not stop the widgets that drew (they do not
 * read it), but the page's editor is told, as when the whole dataset was checked at once. Settles with the whole
 * dataset's result (remembered: a widget given the object later starts from it).
 */
function checkRest(value: object): Promise<SectionedResult> {
  let p = restChecks.get(value);
  if (p) return p;
  p = new Promise<void>((resolve) => idleAfterDrawn(resolve))
    .then(() => import('../schema/fast-all'))
    .then((m) => {
      const whole = checkAllSections(value, m.SECTION_CHECKS);
      if (whole) return whole;
      return withZod().then((z) => {
        const whole = z.parseDatasetBySection(value);
        rememberParsed(value, whole);
        return whole;
      });
    });
  restChecks.set(value, p);
  pendingRest.add(p);
  const settled = () => pendingRest.delete(p);
  p.then(settled, settled);
  return p;
}

/** The checks of unread sections still running ({@link checkRest}). */
const pendingRest = new Set<Promise<unknown>>();

/**
 * Resolves once the checks of the sections no widget read, started so far, have settled (their problems reported), for
 * tests: they run when the browser is idle after the widgets' first frame.
 */
export function restChecksSettled(): Promise<void> {
  return Promise.allSettled([...pendingRest]).then(() => undefined);
}

/**
 * Validates a dataset object once per object (section by section when something is broken): the same object given to
 * several widgets, or a dataset already returned by `parseDataset`, is not validated again. (Datasets are treated as
 * immutable, as Lit treats properties.) At once when the fast path accepts the sections the host reads — the others
 * are checked after it draws ({@link checkRest}) — else a promise of zod's answer (a large dataset: in slices that
 * leave the page responsive).
 */
function parseObject(given: unknown, needs: Needs): SectionedResult | Promise<SectionedResult> {
  const value = (given !== null && typeof given === 'object' && inputOf.get(given)) || given;
  const known = parsedResult(value);
  if (known) return known;
  if (value === null || typeof value !== 'object')
    return withZod().then((m) => m.parseDatasetBySection(value));
  let p = pendingObjects.get(value);
  if (p) return p;
  const large = datasetSize(value) >= SLICED_FROM;
  // a host that reads sections it brought no checks for (`<parsec-dataset>`: all of them) finds them in their chunk
  if (!large && !hasChecks(needs.sections, needs.checks))
    return import('../schema/fast-all').then((m) =>
      parseObject(value, { sections: needs.sections, checks: m.SECTION_CHECKS }),
    );
  if (!large) {
    const prior = checkedObjects.get(value);
    const fast = fastSections(value, needs.sections, needs.checks, { prior });
    if (fast) {
      if (!prior) countValidation();
      checkedObjects.set(value, fast);
      inputOf.set(fast.data, value);
      const r: SectionedResult = { ok: true, data: fast.data, sectionIssues: {} };
      if (fast.sections.size === SECTIONS.length) rememberParsed(value, r);
      return r;
    }
  }
  p = withZod().then((m) => {
    const r = large ? m.parseObjectInSlices(value) : m.parseDatasetBySection(value);
    return Promise.resolve(r).then((r) => {
      rememberParsed(value, r);
      pendingObjects.delete(value);
      return r;
    });
  });
  pendingObjects.set(value, p);
  return p;
}

/** Whether the sections of `value` no widget read are still to be checked (see {@link checkRest}). */
function restToCheck(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !parsedResult(value) && checkedObjects.has(value);
}

/**
 * Inline JSON text: its object through {@link parseObject} (at once when the fast path accepts it), else a promise of
 * zod's answer. `value`: the parsed object, when it has one.
 */
function parseInline(
  text: string,
  needs: Needs,
): { value?: object; result: SectionedResult | Promise<SectionedResult> } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (value !== null && typeof value === 'object' && datasetSize(value) < SLICED_FROM)
    return { value, result: parseObject(value, needs) };
  return { result: withZod().then((m) => m.parseDatasetTextBySection(text)) };
}

/** What one fetch of a URL came to: the parsed dataset (or its problems), or a network failure. */
type LoadOutcome = Fetched | { kind: 'http'; status: number } | { kind: 'failed'; message: string };

/**
 * A fetched dataset: its text and, when it parses, its object, validated for each host that reads it (the fast path
 * through {@link parseObject}: once per object and section) or, when large or not an object, with zod once per load
 * (`whole`).
 */
interface Fetched {
  kind: 'parsed';
  text: string;
  value: unknown;
  whole?: Promise<SectionedResult>;
}

/** A fetched dataset, validated for a host: see {@link Fetched}. */
function parseFetched(
  o: Fetched,
  needs: Needs,
  signal: AbortSignal,
): SectionedResult | Promise<SectionedResult> {
  const value = o.value;
  if (value !== null && typeof value === 'object' && datasetSize(value) < SLICED_FROM)
    return parseObject(value, needs);
  return (o.whole ??= withZod().then((m) => m.parseFetchedText(o.text, value, signal)));
}

/** One fetch and one validation of a URL, shared by every controller loading it while any of them holds it. */
interface SharedLoad {
  url: string;
  refs: number;
  abort: AbortController;
  outcome: Promise<LoadOutcome>;
}
const loads = new Map<string, SharedLoad>();

/** The charset a `Content-Type` declares (`application/json; charset=iso-8859-1`), if any. */
export function declaredCharset(contentType: string | null): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1];
}

/** Bytes to text in the declared charset; UTF-8 when none is declared or the label is unknown. */
export function decodeBody(bytes: ArrayBuffer, contentType: string | null): string {
  const charset = declaredCharset(contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

async function fetchAndParse(url: string, signal: AbortSignal): Promise<LoadOutcome> {
  try {
    const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
    if (!res.ok) return { kind: 'http', status: res.status };
    const text = decodeBody(await res.arrayBuffer(), res.headers.get('content-type'));
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    return { kind: 'parsed', text, value };
  } catch (e) {
    let message: string;
    try {
      message = e instanceof Error ? e.message : String(e);
    } catch {
      message = 'error';
    }
    return { kind: 'failed', message };
  }
}

/** Joins the load of `url` in progress (or settled and still held), or starts one. */
function acquire(url: string): SharedLoad {
  let load = loads.get(url);
  if (!load) {
    const abort = new AbortController();
    const created: SharedLoad = { url, refs: 0, abort, outcome: fetchAndParse(url, abort.signal) };
    created.outcome.then((o) => {
      // network failures are not kept: the next widget to ask tries again
      if (o.kind !== 'parsed' && loads.get(url) === created) loads.delete(url);
    });
    loads.set(url, (load = created));
  }
  load.refs++;
  return load;
}

/** Leaves a load; the last one to leave aborts it if it is still running. */
function release(load: SharedLoad): void {
  load.refs--;
  if (load.refs > 0) return;
  if (loads.get(load.url) === load) loads.delete(load.url);
  load.abort.abort();
}

/** Loads in progress or held, for tests. */
export function sharedLoadCount(): number {
  return loads.size;
}

/**
 * Picks and loads the dataset: the `data` property, else the `src` URL, else an inline `<script type="application/json">`
 * child, else the bundled default (unless the host says `no-default`: then it stays loading until `data` comes). Reports network, parse and schema problems as an error state and a
 * `parsec-data-error` event; never throws into the page.
 *
 * A state machine: `loading` → `ready` | `error`, restarted whenever `data` or `src` change. For `src`:
 * - every element loading the same URL shares one fetch and one validation (held while any of them shows it);
 * - no answer within the host's `timeout` attribute (`30s`, `1500ms`, `30`; default 20 s) → a readable error;
 * - the bytes are decoded in the charset the server declares;
 * - removal aborts the fetch (unless another element shares it); re-attaching or moving the element restarts or
 *   keeps it — it never stays on "loading".
 */
export class DatasetController implements ReactiveController {
  state: DatasetState = { status: 'loading', origin: 'default' };
  private lastData: unknown = undefined;
  private lastSrc: string | undefined = undefined;
  private lastNoDefault = false;
  private started = false;
  /** The shared load this controller holds, and the token of its current attempt. */
  private lease?: SharedLoad;
  private attempt?: object;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: Host,
    private readonly t: () => Translation,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // re-attached after a removal that stopped the load: start again
    if (!this.started) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    // a move (removed and inserted in the same task) keeps the load; a removal stops it
    queueMicrotask(() => {
      if (this.host.isConnected) return;
      this.stop();
      this.started = false;
    });
  }

  /** Follows a shared `<parsec-dataset>`'s state instead of loading (it reports errors itself). */
  mirror(state: DatasetState): void {
    this.started = false;
    this.stop();
    this.state = state;
  }

  /**
   * Loading, without loading anything: the host waits for its data to come another way (a `<parsec-dataset>` not yet
   * defined). The next {@link sync} starts again.
   */
  wait(): void {
    if (!this.started && this.state.status === 'loading') return;
    this.started = false;
    this.stop();
    this.state = { status: 'loading', origin: 'none' };
  }

  /**
   * Call from `willUpdate` with the host's current `data` and `src`; reloads only when they changed. With `noDefault`,
   * a host given nothing stays loading instead of showing the default dataset (its page sets `data` later).
   */
  sync(data: unknown, src: string | undefined, options: { noDefault?: boolean } = {}): void {
    const noDefault = !!options.noDefault;
    if (
      this.started &&
      Object.is(data, this.lastData) &&
      src === this.lastSrc &&
      noDefault === this.lastNoDefault
    )
      return;
    this.started = true;
    this.lastData = data;
    this.lastSrc = src;
    this.lastNoDefault = noDefault;
    this.stop();
    const needs = needsOf(this.host);
    if (data !== undefined && data !== null) {
      const r = parseObject(data, needs);
      if (r instanceof Promise) this.settleLater('property', r);
      else this.settle('property', 'schema', r, data);
    } else if (src) {
      this.load(src);
    } else {
      const inline = this.host.querySelector(':scope > script[type="application/json"]');
      const parsed = inline ? parseInline(inline.textContent ?? '', needs) : undefined;
      const r = parsed?.result;
      if (r instanceof Promise) this.settleLater('inline', r, 'parse');
      else if (r) this.settle('inline', 'parse', r, parsed?.value);
      else if (noDefault) this.state = { status: 'loading', origin: 'none' };
      else if (document.readyState === 'loading') this.awaitParsed();
      else this.settleLater('default', loadDefault());
    }
  }

  /**
   * The page is still being parsed (an element defined by a script that ran early is upgraded before its children are
   * parsed): its inline JSON may still come, so it waits for the document before choosing the default.
   */
  private awaitParsed() {
    this.state = { status: 'loading', origin: 'none' };
    const attempt = (this.attempt = {});
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        if (this.attempt !== attempt) return;
        this.started = false;
        this.host.requestUpdate();
      },
      { once: true },
    );
  }

  /** Leaves the current load, if any, and cancels its timer. */
  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.attempt = undefined;
    const lease = this.lease;
    this.lease = undefined;
    if (lease) release(lease);
  }

  /**
   * `value`: the dataset object validated, whose sections the host does not read are then checked after it draws
   * (a problem there is reported, and changes nothing the host shows).
   */
  private settle(origin: string, stage: 'parse' | 'schema', r: SectionedResult, value?: unknown) {
    if (r.ok) {
      const broken = Object.keys(r.sectionIssues);
      const state: DatasetState = broken.length
        ? { status: 'ready', origin, data: r.data, sectionIssues: r.sectionIssues }
        : { status: 'ready', origin, data: r.data };
      this.state = state;
      if (r.problems) this.report(origin, broken, r.problems);
      const input = (value !== null && typeof value === 'object' && inputOf.get(value)) || value;
      if (restToCheck(input))
        checkRest(input).then((whole) => {
          if (this.state !== state || !whole.ok || !whole.problems) return;
          this.state = { ...state, sectionIssues: whole.sectionIssues };
          this.report(origin, Object.keys(whole.sectionIssues), whole.problems);
        });
    } else
      this.fail({
        origin,
        stage: stage === 'parse' && r.issues[0]?.path === '(root)' ? 'parse' : 'schema',
        issues: r.issues,
        ...(r.total > r.issues.length ? { total: r.total } : {}),
      });
  }

  /**
   * Some sections are broken: the widgets that read them show the problems; the page's editor gets all of them here
   * and in a `parsec-data-error` event (with the broken `sections`), whichever widgets draw.
   */
  private report(origin: string, sections: string[], problems: { issues: DataIssue[]; total: number }) {
    const they = sections.length > 1;
    console.warn(
      `<${this.host.localName}>: the dataset's ${sections.join(', ')} section${they ? 's have' : ' has'} problems; ` +
        `the widgets that read ${they ? 'them' : 'it'} show them, the others draw`,
      problems.issues,
    );
    const detail: ParsecDataErrorDetail = {
      origin,
      stage: 'schema',
      issues: problems.issues,
      sections,
      ...(problems.total > problems.issues.length ? { total: problems.total } : {}),
    };
    queueMicrotask(() => this.host.dispatchEvent(new ParsecDataErrorEvent(detail)));
  }

  /** Loading until a validation ends (with zod, or in slices: a large `data` object), or the default comes. */
  private settleLater(
    origin: string,
    result: Promise<SectionedResult>,
    stage: 'parse' | 'schema' = 'schema',
  ) {
    this.state = { status: 'loading', origin };
    const attempt = (this.attempt = {});
    result.then((r) => {
      if (this.attempt !== attempt) return;
      this.attempt = undefined;
      this.settle(origin, stage, r);
      this.host.requestUpdate();
    });
  }

  private fail(detail: ParsecDataErrorDetail) {
    this.state = { status: 'error', ...detail };
    // dispatched after the current update so listeners see the error state rendered
    queueMicrotask(() => this.host.dispatchEvent(new ParsecDataErrorEvent(detail)));
  }

  private networkError(src: string, message: string) {
    this.fail({ origin: src, stage: 'network', issues: [{ path: '(root)', message }] });
  }

  /** The host's `timeout` attribute in milliseconds (warning once on a value that cannot be read). */
  private timeoutMs(): number {
    const raw = this.host.getAttribute('timeout');
    if (raw === null) return DEFAULT_TIMEOUT_MS;
    const ms = parseTimeout(raw);
    if (ms !== undefined) return ms;
    warnOnce(this.host, { attribute: 'timeout', value: raw, fallback: `${DEFAULT_TIMEOUT_MS / 1000}s` });
    return DEFAULT_TIMEOUT_MS;
  }

  private load(src: string) {
    this.state = { status: 'loading', origin: src };
    const t = this.t();
    let url: string;
    try {
      url = new URL(src, document.baseURI).href;
    } catch {
      const issues: DataIssue[] = [{ path: '(root)', message: t.fetchFailed(src, loaderText(t).badUrl) }];
      this.fail({ origin: src, stage: 'network', issues });
      return;
    }
    const attempt = (this.attempt = {});
    const lease = (this.lease = acquire(url));
    const ms = this.timeoutMs();
    this.timer = setTimeout(() => {
      if (this.attempt !== attempt) return;
      this.stop();
      this.networkError(src, t.fetchFailed(src, loaderText(t).timedOut(ms)));
      this.host.requestUpdate();
    }, ms);
    lease.outcome.then((o) => {
      if (this.attempt !== attempt) return;
      if (o.kind === 'parsed') {
        const done = (r: SectionedResult) => {
          clearTimeout(this.timer);
          this.timer = undefined;
          if (r.ok) rememberParsed(undefined, r);
          this.settle(src, 'parse', r, o.value);
        };
        const r = parseFetched(o, needsOf(this.host), lease.abort.signal);
        if (r instanceof Promise) {
          r.then((r) => {
            if (this.attempt !== attempt) return;
            done(r);
            this.host.requestUpdate();
          });
          return;
        }
        done(r);
      } else {
        clearTimeout(this.timer);
        this.timer = undefined;
        // a failed fetch is not held: the next attempt fetches again
        this.stop();
        this.networkError(
          src,
          o.kind === 'http' ? t.httpError(src, o.status) : t.fetchFailed(src, o.message),
        );
      }
      this.host.requestUpdate();
    });
  }
}
