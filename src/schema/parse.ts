import * as z from 'zod/mini';
import { Dataset, DatasetShape, referenceIssues } from './dataset';
import { referenceSteps } from './references';
import {
  countValidation,
  datasetSize,
  MAX_ISSUES,
  SLICED_FROM,
  type DataIssue,
  type ParseFailure,
  type ParseResult,
} from './fast';
import {
  beginRun,
  cite,
  endRun,
  MAX_VALUES as MAX_CHECKED,
  NOT_SURE,
  run,
  runCheck,
  type Slice,
} from './check-run';
import { LIST_ITEM_CHECKS, SLICES } from './checks/items';
import { SECTION_CHECKS } from './fast-all';
import { shapedDataset, topLevelFields } from './fast';
import { worded } from './reference-words';
import { finish } from '../util/steps';
import { nextTask } from '../util/idle';

export {
  datasetSize,
  MAX_ISSUES,
  SLICED_FROM,
  trustedDataset,
  validationCount,
  type DataIssue,
  type ParseFailure,
  type ParseResult,
} from './fast';

/** Formats a path array as `timeline[3].end.value`. The root is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(key))) out += out ? `.${String(key)}` : String(key);
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}

/** Describes a received value briefly: `"soon"`, `12`, `null`, `a list`, `an object`, `nothing`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 48 ? `${v.slice(0, 45)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `a list of ${v.length}`;
  return 'an object';
}

const typeWords: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

type RawIssue = z.core.$ZodIssue & { input?: unknown };

function score(issues: RawIssue[]): number {
  return issues.reduce((s, i) => s + (i.input === undefined ? 10 : 1), 0);
}

function flatten(issue: RawIssue, base: PropertyKey[], out: DataIssue[]): void {
  const path = [...base, ...issue.path];
  const got = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_union': {
      // report the branch the input was closest to
      const branches = issue.errors as RawIssue[][];
      if (issue.input === null || typeof issue.input !== 'object') {
        out.push({ path: formatPath(path), message: `expected an object, got ${got}` });
        return;
      }
      const best = branches.slice().sort((a, b) => score(a) - score(b))[0] ?? [];
      for (const sub of best) flatten(sub, path, out);
      return;
    }
    case 'invalid_type': {
      const expected = typeWords[issue.expected] ?? issue.expected;
      out.push({ path: formatPath(path), message: `expected ${expected}, got ${got}` });
      return;
    }
    case 'invalid_value':
      out.push({
        path: formatPath(path),
        message: `expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`,
      });
      return;
    case 'unrecognized_keys':
      for (const key of issue.keys)
        out.push({
          path: formatPath([...path, key]),
          message: 'unknown field (a typo? it is not part of the format)',
        });
      return;
    default:
      out.push({ path: formatPath(path), message: `expected ${issue.message}, got ${got}` });
  }
}

/** Turns zod issues into plain-language {@link DataIssue}s. */
export function toDataIssues(issues: readonly z.core.$ZodIssue[]): DataIssue[] {
  const out: DataIssue[] = [];
  for (const issue of issues) flatten(issue as RawIssue, [], out);
  return out;
}

/** Past this many problems (only when they are too many for one pass of the schema), counting stops. */
export const MAX_COUNTED = 10_000;
/** Deeper than this, a value cannot be part of a dataset (the format nests a few levels); cycles end here too. */
export const MAX_DEPTH = 64;
/** More values than this (objects, lists, texts, numbers) are refused before validation. */
export const MAX_VALUES = 20_000_000;

/** The list of issues, capped at {@link MAX_ISSUES}, with the count of all. */
function failure(issues: DataIssue[], total = issues.length): ParseFailure {
  return { ok: false, issues: issues.slice(0, MAX_ISSUES), total: Math.max(total, issues.length) };
}

function errorText(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'an error';
  }
}

/**
 * Copies a page's value into plain data, iteratively (no recursion, whatever the depth), reading every property inside
 * a guard: getters and proxies that throw, cycles, values nested too deeply or too many values become issues with
 * their path instead of exceptions. Functions, symbols and other non-JSON values are kept as they are (the schema
 * then reports them).
 */
export function toPlainData(input: unknown): { ok: true; value: unknown } | ParseFailure {
  return finish(plainDataSteps(input));
}

/** {@link toPlainData} as steps: yields every few thousand objects copied, so that a caller can pause. */
function* plainDataSteps(input: unknown): Generator<void, { ok: true; value: unknown } | ParseFailure> {
  if (input === null || typeof input !== 'object') return { ok: true, value: input };
  const issues: DataIssue[] = [];
  let total = 0;
  // paths are rebuilt from the frames only when a problem is found
  type Frame = {
    src: object;
    dst: Record<string, unknown> | unknown[];
    parent: Frame | null;
    key: PropertyKey;
    depth: number;
  };
  const pathOf = (f: Frame | null, last?: PropertyKey): PropertyKey[] => {
    const out: PropertyKey[] = last === undefined ? [] : [last];
    for (let x = f; x && x.parent; x = x.parent) out.push(x.key);
    return out.reverse();
  };
  const report = (f: Frame | null, last: PropertyKey | undefined, message: string) => {
    total++;
    if (issues.length < MAX_ISSUES) issues.push({ path: formatPath(pathOf(f, last)), message });
  };
  const rootCopy: Record<string, unknown> | unknown[] = Array.isArray(input) ? [] : {};
  const stack: Frame[] = [{ src: input, dst: rootCopy, parent: null, key: '', depth: 0 }];
  let values = 0;
  /** Copies one value read from `frame` at `at`: objects get a frame of their own. */
  const copy = (frame: Frame, at: PropertyKey, v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (frame.depth + 1 >= MAX_DEPTH) {
      report(frame, at, `nested more than ${MAX_DEPTH} levels deep (or refers to itself)`);
      return undefined;
    }
    let isList: boolean;
    try {
      isList = Array.isArray(v);
    } catch (e) {
      report(frame, at, `could not be read (${errorText(e)})`);
      return undefined;
    }
    const dst: Record<string, unknown> | unknown[] = isList ? [] : {};
    stack.push({ src: v, dst, parent: frame, key: at, depth: frame.depth + 1 });
    return dst;
  };
  let copied = 0;
  while (stack.length) {
    if ((++copied & 2047) === 0) yield;
    const frame = stack.pop()!;
    const { src, dst } = frame;
    if (Array.isArray(dst)) {
      let n: number;
      try {
        n = (src as unknown[]).length;
        if (!Number.isSafeInteger(n) || n < 0 || n > MAX_VALUES) throw new RangeError(`a list of ${n} items`);
      } catch (e) {
        report(frame, undefined, `could not be read (${errorText(e)})`);
        continue;
      }
      values += n;
      if (values > MAX_VALUES) {
        report(frame, undefined, `too large: more than ${MAX_VALUES} values in the dataset`);
        break;
      }
      dst.length = n;
      for (let i = 0; i < n; i++) {
        let v: unknown;
        try {
          v = (src as unknown[])[i];
        } catch (e) {
          report(frame, i, `could not be read (${errorText(e)})`);
          continue;
        }
        dst[i] = copy(frame, i, v);
      }
    } else {
      let keys: string[];
      try {
        keys = Object.keys(src);
      } catch (e) {
        report(frame, undefined, `could not be read (${errorText(e)})`);
        continue;
      }
      values += keys.length;
      if (values > MAX_VALUES) {
        report(frame, undefined, `too large: more than ${MAX_VALUES} values in the dataset`);
        break;
      }
      for (const key of keys) {
        let v: unknown;
        try {
          v = (src as Record<string, unknown>)[key];
        } catch (e) {
          report(frame, key, `could not be read (${errorText(e)})`);
          continue;
        }
        const c = copy(frame, key, v);
        // a key named `__proto__` stays a plain field (defineProperty); the others are assigned (much faster)
        if (key === '__proto__')
          Object.defineProperty(dst, key, { value: c, enumerable: true, writable: true, configurable: true });
        else dst[key] = c;
      }
    }
    if (issues.length >= MAX_ISSUES && total > MAX_ISSUES * 10) break;
  }
  return total ? failure(issues, total) : { ok: true, value: rootCopy };
}

type AnySchema = z.ZodMiniType & {
  _zod: {
    def: { type: string; element?: AnySchema; shape?: Record<string, AnySchema>; innerType?: AnySchema };
  };
};

/** The definition to walk for `value`: an optional section that is present is what it holds (a list, an object). */
function defOf(schema: AnySchema, value: unknown): AnySchema['_zod']['def'] {
  const def = schema._zod.def;
  return def.type === 'optional' && def.innerType && value !== undefined ? def.innerType._zod.def : def;
}

/**
 * Validation in pieces, for inputs whose errors are too many for one pass of the schema (zod gathers them with
 * argument spreading, which overflows the stack past about 50,000): lists element by element, objects field by
 * field, keeping the first {@link MAX_ISSUES} problems and counting up to {@link MAX_COUNTED}.
 */
function piecewiseIssues(schema: AnySchema, value: unknown, path: PropertyKey[], out: DataIssue[]): number {
  const def = defOf(schema, value);
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    let n = 0;
    for (let i = 0; i < value.length && n < MAX_COUNTED; i++)
      n += piecewiseIssues(def.element, value[i], [...path, i], out);
    return n;
  }
  if (
    def.type === 'object' &&
    def.shape &&
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value)
  ) {
    let n = 0;
    for (const key of Object.keys(value))
      if (!(key in def.shape)) {
        n++;
        if (out.length < MAX_ISSUES)
          out.push({
            path: formatPath([...path, key]),
            message: 'unknown field (a typo? it is not part of the format)',
          });
      }
    for (const [key, sub] of Object.entries(def.shape))
      if (n < MAX_COUNTED)
        n += piecewiseIssues(sub, (value as Record<string, unknown>)[key], [...path, key], out);
    return n;
  }
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) return 0;
  const found: DataIssue[] = [];
  for (const issue of r.error.issues) flatten(issue as RawIssue, path, found);
  for (const issue of found) if (out.length < MAX_ISSUES) out.push(issue);
  return found.length;
}

/**
 * Validates an unknown value against the dataset schema.
 * Returns the typed dataset, or the problems with their JSON paths: the first {@link MAX_ISSUES}, and `total`.
 * Never throws: getters and proxies that throw, cycles, deep nesting and huge numbers of errors become issues.
 * Nothing is copied that need not be: the dataset returned is a new object whose values are the input's where they
 * are already as the schema gives them (a section the input leaves out is added to it, empty, not to the input),
 * so treat both as immutable, as the widgets do. The input is never changed.
 *
 * @example
 * ```ts
 * import { parseDataset } from 'parsec-widgets';
 *
 * const result = parseDataset(await (await fetch('/my-data.json')).json());
 * if (result.ok) document.querySelector('parsec-budget-treemap')!.data = result.data;
 * else console.table(result.issues); // [{ path: 'budget[3].amount.amount', message: 'a number ≥ 0, …' }, …]
 * ```
 */
export function parseDataset(input: unknown): ParseResult<Dataset> {
  countValidation();
  try {
    const fast = quickParse(input);
    if (fast) return fast;
  } catch {
    // zod decides
  }
  return parseDatasetWithZod(input);
}

/** The cross-reference problems, in the words zod's refinement of {@link Dataset} gives them. */
function referenceFailure(codes: ReturnType<typeof referenceIssues>): ParseFailure {
  const refs = worded(codes);
  const out: DataIssue[] = [];
  for (let i = 0; i < refs.length && out.length < MAX_ISSUES; i++)
    flatten({ code: 'custom', ...refs[i]! } as RawIssue, [], out);
  return failure(out, Math.max(refs.length, out.length));
}

/**
 * The dataset as zod would give it, checked by the checks generated from the schema (src/schema/checks/, many times
 * faster), then its cross-references; `undefined` when the fast checks are not sure (a problem, or something they
 * leave to zod): zod then finds the problems and words them. Reads `input` as {@link toPlainData} copies it, and
 * copies only what zod would output differently (see check-run.ts).
 */
function quickParse(input: unknown): ParseResult<Dataset> | undefined {
  let shaped: ReturnType<typeof shapedDataset>;
  try {
    shaped = shapedDataset(input, SECTION_CHECKS);
  } catch {
    return undefined;
  }
  if (!shaped) return undefined;
  return shaped.issues.length ? referenceFailure(shaped.issues) : { ok: true, data: shaped.data as Dataset };
}

/**
 * {@link parseDataset} by zod alone, without the fast checks: the reference they are tested against (and what
 * runs when they are not sure).
 */
export function parseDatasetWithZod(input: unknown): ParseResult<Dataset> {
  try {
    const plain = toPlainData(input);
    if (!plain.ok) return plain;
    return validate(plain.value, false);
  } catch (e) {
    return failure([{ path: '(root)', message: `could not be validated (${errorText(e)})` }]);
  }
}

function validate(value: unknown, tryFast = true): ParseResult<Dataset> {
  const fast = tryFast ? quickParse(value) : undefined;
  if (fast) return fast;
  let result: ReturnType<typeof Dataset.safeParse>;
  try {
    result = Dataset.safeParse(value, { reportInput: true });
  } catch {
    // too many problems for one pass: find the first ones piece by piece
    const out: DataIssue[] = [];
    let total = piecewiseIssues(DatasetShape as unknown as AnySchema, value, [], out);
    if (total === 0) {
      // the shape is right: the problems are cross-references
      const refs = worded(referenceIssues(value as Parameters<typeof referenceIssues>[0]));
      for (let i = 0; i < refs.length && out.length < MAX_ISSUES; i++)
        flatten({ code: 'custom', ...refs[i]! } as RawIssue, [], out);
      total = refs.length;
    }
    if (total === 0) throw new Error('the dataset is too large to validate');
    const f = failure(out, total);
    if (total >= MAX_COUNTED) f.atLeast = true;
    return f;
  }
  if (result.success) return { ok: true, data: result.data };
  const out: DataIssue[] = [];
  const raw = result.error.issues;
  for (let i = 0; i < raw.length && out.length < MAX_ISSUES; i++) flatten(raw[i] as RawIssue, [], out);
  return failure(out, Math.max(raw.length, out.length));
}

/**
 * Parses JSON text, then validates it. A syntax error is reported as an issue at `(root)`.
 *
 * @example
 * ```ts
 * const result = parseDatasetText(await (await fetch('/my-data.json')).text());
 * if (!result.ok) console.log(result.total, result.issues[0]?.path); // e.g. 1 '(root)' for a JSON syntax error
 * ```
 */
export function parseDatasetText(text: string): ParseResult<Dataset> {
  return parseText(text, true);
}

/** {@link parseDatasetText} by zod alone (see {@link parseDatasetWithZod}). */
export function parseDatasetTextWithZod(text: string): ParseResult<Dataset> {
  return parseText(text, false);
}

function parseText(text: string, tryFast: boolean): ParseResult<Dataset> {
  countValidation();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const start = String(text).trimStart().slice(0, 1);
    const hint = start === '<' ? ' (it looks like an HTML page, not JSON)' : '';
    return failure([
      {
        path: '(root)',
        message: `expected JSON, got text that does not parse${hint}: ${errorText(e)}`,
      },
    ]);
  }
  // JSON.parse gives plain data: no copy needed
  try {
    return validate(value, tryFast);
  } catch (e) {
    return failure([{ path: '(root)', message: `could not be validated (${errorText(e)})` }]);
  }
}

/** What `steps` return, with `pause` (a turn for the page once its slice is spent) between two of them. */
async function inSteps<T>(steps: Generator<void, T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await pause();
  }
}

/**
 * The dataset as {@link parseDataset} gives it, by the generated checks in slices (src/schema/checks/items.ts,
 * `SLICES`: each list item by item, pausing between them) and the cross-references (in steps too: referenceSteps), or
 * `undefined` when the checks are not sure (a problem, or what they leave to zod): the value is read as it is — the
 * checks read each value once, never write, and copy only what zod would output otherwise (check-run.ts) — so nothing
 * is copied first. The same answers as {@link shapedDataset} (fast.ts), which does the same at once; `pause` may throw
 * (aborted).
 */
async function slicedDataset(
  input: unknown,
  pause: (now?: boolean) => Promise<void>,
): Promise<ParseResult<Dataset> | undefined> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  let stopped: { e: unknown } | undefined;
  const wait = async (now?: boolean) => {
    try {
      await pause(now);
    } catch (e) {
      stopped = { e };
      throw e;
    }
  };
  /** A pause between items, the run's state kept across it (other checks may run meanwhile). */
  const breathe = async () => {
    const { count, known, unknownSource } = run;
    try {
      await wait();
    } finally {
      run.count = count;
      run.known = known;
      // (a cache of `known`'s, which a check run meanwhile may have set for other sources)
      run.cited = undefined;
      run.unknownSource = unknownSource;
    }
  };
  /** What zod outputs for `v`, a field of `slice`; NOT_SURE when the checks are not sure. */
  const check = async (slice: Slice, v: unknown, deep: boolean): Promise<unknown> => {
    if (v === undefined && slice.optional) return v;
    let y: unknown;
    if ('check' in slice) y = slice.check(v);
    else if ('item' in slice) {
      // as the generated check of a list, in slices
      if (!Array.isArray(v)) return NOT_SURE;
      const n = v.length;
      if ((run.count += n) > MAX_CHECKED) return NOT_SURE;
      let o: unknown[] | undefined;
      for (let i = 0; i < n; i++) {
        const x: unknown = v[i];
        const z = slice.item(x);
        if (z === NOT_SURE) return NOT_SURE;
        if (z !== x) (o ??= v.slice())[i] = z;
        if ((i & 63) === 63) await breathe();
      }
      y = o ?? v;
    } else {
      // as the generated check of a strict object, field by field
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return NOT_SURE;
      const fields = slice.fields;
      const seen: boolean[] = [];
      let last = -1;
      let same = true;
      let m = 0;
      for (const k in v) {
        const i = fields.findIndex((f) => f.key === k);
        if (!Object.hasOwn(v, k) || i < 0) return NOT_SURE;
        if (i < last) same = false;
        last = Math.max(last, i);
        seen[i] = true;
        m++;
      }
      if ((run.count += m) > MAX_CHECKED) return NOT_SURE;
      if (fields.some((f, i) => !f.absent && !seen[i])) return NOT_SURE;
      const o: Record<string, unknown> = {};
      for (let i = 0; i < fields.length; i++) {
        if (!seen[i]) continue;
        const x = (v as Record<string, unknown>)[fields[i]!.key];
        const z = await check(fields[i]!, x, true);
        if (z === NOT_SURE) return NOT_SURE;
        if (z !== x) same = false;
        o[fields[i]!.key] = z;
      }
      y = same ? v : o;
    }
    // a list of sources cited below the top level (see check-run.ts)
    if (deep && slice.key === 'sources' && run.known && y !== NOT_SURE) cite(y);
    return y;
  };
  beginRun();
  try {
    // the top level as fast.ts reads it: its own fields, known ones only, the required ones present
    const own = topLevelFields(input);
    if (!own) return undefined;
    const view: Record<string, unknown> = {};
    for (const slice of SLICES) {
      if (!own.has(slice.key)) continue;
      const y = await check(slice, (input as Record<string, unknown>)[slice.key], false);
      if (y === NOT_SURE) return undefined;
      view[slice.key] = y;
      // the ids every `sources` list below may cite, once the sources are known
      if (slice.key === 'sources') run.known = new Set((y as { id: string }[]).map((s) => s.id));
    }
    const sourcesChecked = !run.unknownSource;
    endRun();
    const data = view as Parameters<typeof referenceIssues>[0];
    const issues = await inSteps(referenceSteps(data, { sourcesChecked }), wait);
    return issues.length ? referenceFailure(issues) : { ok: true, data: data as Dataset };
  } catch {
    // an abort goes on; what the checks could not read is zod's to say
    if (stopped) throw stopped.e;
    return undefined;
  } finally {
    endRun();
  }
}

/** What the last {@link probed} schema output, when its problems (if any) let zod's refinements run. */
let probeSeen: { v: unknown } | undefined;
const probes = new WeakMap<AnySchema, AnySchema>();
/**
 * `schema` with a refinement that records its output: zod runs it, as the dataset's own refinement (the
 * cross-references), only when every problem found below is one it goes on after (`continue`: a check such as a
 * minimum length or a format, an unknown field), not one that stops it (a wrong type, a missing field).
 */
function probed(schema: AnySchema): AnySchema {
  let p = probes.get(schema);
  if (!p) {
    p = schema.check(z.superRefine((v) => void (probeSeen = { v }))) as AnySchema;
    probes.set(schema, p);
  }
  return p;
}

/**
 * {@link parseDataset} in slices of at most `sliceMs` milliseconds with the browser free in between, so that a large
 * dataset (100,000 items) never blocks the page in one long task. The same result as {@link parseDataset}: each list
 * of the dataset is validated item by item, then the cross-references, a few thousand records at a time. Never
 * rejects.
 *
 * @example
 * ```ts
 * const controller = new AbortController(); // to give up when the reader leaves
 * const result = await parseDatasetInSlices(bigDataset, { sliceMs: 20, signal: controller.signal });
 * if (result.ok) console.log(result.data.budget.length);
 * ```
 */
export async function parseDatasetInSlices(
  input: unknown,
  options: { sliceMs?: number; signal?: AbortSignal; plain?: boolean } = {},
): Promise<ParseResult<Dataset>> {
  countValidation();
  const sliceMs = options.sliceMs ?? 30;
  try {
    let start = performance.now();
    /** A turn for the page once `sliceMs` passed (`now`: whatever the time, before a long step). */
    const pause = async (now = false) => {
      if (!now && performance.now() - start < sliceMs) return;
      await nextTask();
      if (options.signal?.aborted) throw new Error('aborted');
      start = performance.now();
    };
    // the generated checks first, on the value as it is; when they are not sure, a copy (the value of a page may throw,
    // or change as it is read) and zod
    const fast = await slicedDataset(input, pause);
    if (fast) return fast;
    // `plain`: the input comes from JSON.parse, no copy needed
    const steps = options.plain ? null : plainDataSteps(input);
    let step = steps?.next();
    while (steps && step && !step.done) {
      await pause();
      step = steps.next();
    }
    const plain = step?.done ? step.value : { ok: true as const, value: input };
    if (!plain.ok) return plain;
    const value = plain.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return validate(value);
    const out: DataIssue[] = [];
    let total = 0;
    // whether zod, in one pass, would stop before the dataset's refinement (the cross-references)
    let stops = false;
    const add = (issues: readonly z.core.$ZodIssue[], path: PropertyKey[]) => {
      const found: DataIssue[] = [];
      for (const issue of issues) flatten(issue as RawIssue, path, found);
      total += found.length;
      for (const f of found) if (out.length < MAX_ISSUES) out.push(f);
    };
    /** What zod outputs for `v`, its problems added; with problems, what it outputs and goes on with, or nothing. */
    const parse = (schema: AnySchema, v: unknown, path: PropertyKey[]): unknown => {
      probeSeen = undefined;
      const r = probed(schema).safeParse(v, { reportInput: true });
      if (r.success) return r.data;
      add(r.error.issues, path);
      // (set by the refinement during safeParse)
      const seen = probeSeen as { v: unknown } | undefined;
      if (!seen) stops = true;
      return seen?.v;
    };
    /** Validates `v` against `schema`: lists item by item, objects field by field, with pauses. */
    const walk = async (schema: AnySchema, v: unknown, path: PropertyKey[]): Promise<unknown> => {
      const def = defOf(schema, v);
      if (def.type === 'array' && def.element && Array.isArray(v)) {
        // the check generated for the list's items (src/schema/checks/items.ts), if it has one
        const item = LIST_ITEM_CHECKS[path.join('.')];
        const result: unknown[] = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          // the fast check first; zod for what it leaves (the same output, zod's words for the problems)
          const fast = item ? runCheck(item, v[i]) : NOT_SURE;
          result[i] = fast !== NOT_SURE ? fast : parse(def.element, v[i], [...path, i]);
          if ((i & 63) === 63) await pause();
        }
        return result;
      }
      // only the two strict containers of lists are taken apart: the root and `cooperants` (items keep their checks)
      const container = path.length === 0 || (path.length === 1 && path[0] === 'cooperants');
      if (container && def.shape && v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const result: Record<string, unknown> = {};
        for (const [key, sub] of Object.entries(def.shape)) {
          const field = (v as Record<string, unknown>)[key];
          const parsed = await walk(sub, field, [...path, key]);
          if (key in v) result[key] = parsed;
        }
        // as zod: an object's unknown fields after its fields' problems (a problem it goes on after)
        for (const key of Object.keys(v))
          if (!(key in def.shape)) {
            total++;
            if (out.length < MAX_ISSUES)
              out.push({
                path: formatPath([...path, key]),
                message: 'unknown field (a typo? it is not part of the format)',
              });
          }
        return result;
      }
      return parse(schema, v, path);
    };
    const shaped = await walk(DatasetShape as unknown as AnySchema, value, []);
    // as zod in one pass: the cross-references too, unless a problem stopped it before them
    if (stops) return failure(out, total);
    const refs = worded(
      await inSteps(referenceSteps(shaped as Parameters<typeof referenceIssues>[0]), pause),
    );
    for (let i = 0; i < refs.length && out.length < MAX_ISSUES; i++)
      flatten({ code: 'custom', ...refs[i]! } as RawIssue, [], out);
    total += refs.length;
    return total ? failure(out, total) : { ok: true, data: shaped as Dataset };
  } catch (e) {
    return failure([{ path: '(root)', message: `could not be validated (${errorText(e)})` }]);
  }
}

/**
 * {@link parseDatasetText}, validating large datasets in slices ({@link parseDatasetInSlices}). Never rejects.
 *
 * @example
 * ```ts
 * const result = await parseDatasetTextInSlices(await (await fetch('/large.json')).text(), { sliceMs: 30 });
 * if (!result.ok) console.table(result.issues);
 * ```
 */
export async function parseDatasetTextInSlices(
  text: string,
  options: { sliceMs?: number; signal?: AbortSignal } = {},
): Promise<ParseResult<Dataset>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseDatasetText(text);
  }
  if (datasetSize(value) < SLICED_FROM) {
    countValidation();
    try {
      return validate(value);
    } catch (e) {
      return failure([{ path: '(root)', message: `could not be validated (${errorText(e)})` }]);
    }
  }
  return parseDatasetInSlices(value, { ...options, plain: true });
}
