import type * as z from 'zod/mini';
import { Dataset } from './dataset';

/** One problem found in a dataset: where (a JSON path such as `timeline[3].end`) and what, in plain words. */
export interface DataIssue {
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; issues: DataIssue[] };

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

/**
 * Validates an unknown value against the dataset schema.
 * Returns the typed dataset, or every problem with its JSON path. Never throws.
 */
export function parseDataset(input: unknown): ParseResult<Dataset> {
  const result = Dataset.safeParse(input, { reportInput: true });
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, issues: toDataIssues(result.error.issues) };
}

/** Parses JSON text, then validates it. A syntax error is reported as an issue at `(root)`. */
export function parseDatasetText(text: string): ParseResult<Dataset> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const start = text.trimStart().slice(0, 1);
    const hint = start === '<' ? ' (it looks like an HTML page, not JSON)' : '';
    return {
      ok: false,
      issues: [
        {
          path: '(root)',
          message: `expected JSON, got text that does not parse${hint}: ${(e as Error).message}`,
        },
      ],
    };
  }
  return parseDataset(value);
}
