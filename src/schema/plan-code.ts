/**
 * The dataset's plan ({@link PlanNode}, made from the zod schema by plan-of.ts) as TypeScript source: one plain
 * function per schema node, written at build time by scripts/gen-fast-check.mjs into src/schema/checks/ — compiled code with
 * no `eval` and no `new Function` (strict CSP), each object checked by code of its own (fast in V8, where one function
 * interpreting every shape is not; an object whose fields come in another order than the schema's is copied by one
 * function for all: check-run.ts's `copy`). Each function means what zod means: a value when zod would output
 * it (the input itself where it is already that, see check-run.ts), NOT_SURE otherwise (fast-check.test.ts compares
 * them on hundreds of datasets). A value whose output is always its input (all but objects and what holds them) is
 * only tested: its condition written out where it is a text, a number… (no call per value), nothing kept, nothing
 * copied. Each top-level field of the dataset is exported on its own (`checkBudget`…), so that a widget's entry
 * carries only the checks of the sections it reads; the item of each list and the plan of validation in slices
 * (`items.ts`).
 * @module
 */
import type { PlanCheck, PlanNode } from './plan-of';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** `o.key` or `o["key"]`. */
const member = (o: string, key: string) =>
  IDENTIFIER.test(key) ? `${o}.${key}` : `${o}[${JSON.stringify(key)}]`;
/** A key in an object literal. */
const literalKey = (key: string) => (IDENTIFIER.test(key) ? key : JSON.stringify(key));

/** The module of a top-level field's check, in src/schema/checks/: `budget`, `schema` for `$schema`. */
export const fileName = (key: string): string => key.replace(/[^\w]/g, '');

/** The name a top-level field's check is exported under: `budget` → `checkBudget`, `$schema` → `checkSchema`. */
export function fieldCheckName(key: string): string {
  const name = key.replace(/[^\w]/g, '');
  return `check${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** A literal the generated code can compare with `===` as `includes` does (same answer), else undefined. */
function literal(v: unknown): string | undefined {
  if (typeof v === 'string' || typeof v === 'boolean' || v === null) return JSON.stringify(v);
  if (typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0)) return String(v);
  return undefined;
}

/** A list of texts (possibly optional or nullable): what a `sources` field below the top level must be. */
function isIdList(n: PlanNode): boolean {
  while (n.type === 'optional' || n.type === 'nullable') n = n.inner;
  return n.type === 'array' && n.item.type === 'string';
}

/**
 * The modules of src/schema/checks/ for `plan`, the dataset's plan (a strict object), by name, before prettier: one
 * per top-level field (`budget` exports `checkBudget`), with the functions only it uses; `shared`, the functions
 * several use and the patterns; `index`, every field's check and the list of fields. Below the top level, a list
 * named `sources` is also matched against the ids of the dataset's sources (see check-run.ts).
 */
export function planCode(plan: PlanNode): Record<string, string> {
  const names = new Map<PlanNode, string>();
  const byBody = new Map<string, string>();
  const functions: string[] = [];
  const patterns = new Map<string, string>();
  const pattern = (re: RegExp) => {
    const src = `/${re.source}/${re.flags}`;
    let id = patterns.get(src);
    if (!id) patterns.set(src, (id = `R${patterns.size}`));
    return id;
  };
  /** The condition `c` on the expression `x` (a value of the right type). */
  const condition = (c: PlanCheck, x: string): string => {
    if ('re' in c) return `${pattern(c.re)}.test(${x})`;
    if ('minLength' in c) return `${x}.length >= ${c.minLength}`;
    if ('maxLength' in c) return `${x}.length <= ${c.maxLength}`;
    if ('gt' in c) return `${x} > ${c.gt}`;
    if ('gte' in c) return `${x} >= ${c.gte}`;
    if ('lt' in c) return `${x} < ${c.lt}`;
    if ('lte' in c) return `${x} <= ${c.lte}`;
    return `RULES.${c.rule}(${x})`;
  };
  const all = (base: string[], checks: PlanCheck[] | undefined, x: string) =>
    [...base, ...(checks ?? []).map((c) => condition(c, x))].join(' && ');
  /** `return o` when the checks on the output `o` hold. */
  const refined = (checks: PlanCheck[] | undefined, o: string) =>
    checks?.length ? `return ${all([], checks, o)} ? ${o} : F;` : `return ${o};`;

  /**
   * The start of the check of an object or a record: a plain object (a dataset's, as JSON.parse, structuredClone or
   * a literal make it), whose keys `for in` gives are then its own (see check-run.ts, `run.proto`): no test of each
   * key; anything else (a list, an instance of a class, an object of another realm) is left to zod.
   */
  const PLAIN = ['if (!plain(v)) return F;'];
  /** The names of the cache of the last keys a record's key condition (`test`) passed: `K0` (`K0a`, `K0b`). */
  const keyCaches = new Map<string, string>();
  const keyCache = (test: string) => {
    let id = keyCaches.get(test);
    if (!id) keyCaches.set(test, (id = `K${keyCaches.size}`));
    return id;
  };
  const name = (n: PlanNode): string => {
    let id = names.get(n);
    if (id) return id;
    const body = bodyOf(n);
    id = byBody.get(body);
    if (!id) {
      id = `n${byBody.size}`;
      byBody.set(body, id);
      functions.push(
        `function ${id}(${body.startsWith('return F;') ? '_v' : 'v'}: any): unknown {\n${body}\n}`,
      );
    }
    names.set(n, id);
    return id;
  };

  /**
   * Whether the output of `n` is its input itself whenever it is not NOT_SURE: all but objects (whose fields may come
   * in another order than zod's) and what holds them. The checks of such nodes are only compared with NOT_SURE: no
   * output is kept, no copy is made.
   */
  const identity = (n: PlanNode): boolean => {
    switch (n.type) {
      case 'optional':
      case 'nullable':
        return identity(n.inner);
      case 'array':
        return identity(n.item);
      case 'record':
        return identity(n.value);
      case 'union':
        return n.options.every(identity);
      case 'object':
        return false;
      default:
        return true;
    }
  };

  /** The condition, written out, on `x` (a name) of a node for a value (a text, a number…); undefined for others. */
  const valueTest = (n: PlanNode, x: string): string | undefined => {
    switch (n.type) {
      case 'never':
        return 'false';
      case 'string':
        return all([`typeof ${x} === 'string'`], n.checks, x);
      case 'number':
        return all(
          [n.int ? `Number.isSafeInteger(${x})` : `typeof ${x} === 'number' && Number.isFinite(${x})`],
          n.checks,
          x,
        );
      case 'boolean':
        return all([`typeof ${x} === 'boolean'`], n.checks, x);
      case 'enum': {
        const values = n.values.map(literal);
        if (!values.length || values.some((v) => v === undefined)) return 'false';
        return all([`(${values.map((v) => `${x} === ${v}`).join(' || ')})`], n.checks, x);
      }
    }
  };
  /**
   * The condition on `x` (a name) that `n`, a node whose output is its input, refuses it: written out for a value (a
   * text, a number…, or one of these left out or null), the call of its check otherwise. (Written out, a dataset's
   * many small values cost no call each: most of a first check runs before the engine optimises it.)
   */
  const refuses = (n: PlanNode, x: string): string => {
    if (n.type === 'optional' || n.type === 'nullable')
      return `${x} !== ${n.type === 'optional' ? 'undefined' : 'null'} && ${refuses(n.inner, x)}`;
    const t = valueTest(n, x);
    return t === undefined ? `${name(n)}(${x}) === F` : `!(${t})`;
  };

  const bodyOf = (n: PlanNode): string => {
    switch (n.type) {
      case 'never':
        return 'return F;';
      case 'string':
      case 'number':
      case 'boolean':
      case 'enum': {
        const t = valueTest(n, 'v')!;
        return t === 'false' ? 'return F;' : `return ${t} ? v : F;`;
      }
      case 'optional':
      case 'nullable':
        return `return v === ${n.type === 'optional' ? 'undefined' : 'null'} ? v : ${name(n.inner)}(v);`;
      case 'array': {
        if (identity(n.item))
          return [
            'if (!Array.isArray(v)) return F;',
            'const n = v.length;',
            'if ((run.count += n) > MAX_VALUES) return F;',
            'for (let i = 0; i < n; i++) {',
            '  const x = v[i];',
            `  if (${refuses(n.item, 'x')}) return F;`,
            '}',
            refined(n.checks, 'v'),
          ].join('\n');
        const item = name(n.item);
        return [
          'if (!Array.isArray(v)) return F;',
          'const n = v.length;',
          'if ((run.count += n) > MAX_VALUES) return F;',
          // the list itself while every item is its own output (nothing copied that need not be); else a copy, items
          // replaced by their outputs where these differ
          'let o: unknown[] | undefined;',
          'for (let i = 0; i < n; i++) {',
          '  const x = v[i];',
          `  const y = ${item}(x);`,
          '  if (y === F) return F;',
          '  if (y !== x) (o ??= v.slice() as unknown[])[i] = y;',
          '}',
          'const r = o ?? v;',
          refined(n.checks, 'r'),
        ].join('\n');
      }
      case 'record': {
        const cache = identity(n.value) ? keyCache(refuses(n.key, 'k')) : '';
        if (identity(n.value))
          return [
            ...PLAIN,
            'let m = 0;',
            // `for in` allocates nothing (Object.keys would, for every record); a `__proto__` key is refused: zod
            // decides (it leaves it out of a record)
            'for (const k in v) {',
            '  m++;',
            // the last two keys that passed (a dataset's texts are in the same few languages): no test of those
            `  if (k !== ${cache}a && k !== ${cache}b) {`,
            `    if (k === '__proto__' || ${refuses(n.key, 'k')}) return F;`,
            `    ${cache}b = ${cache}a;`,
            `    ${cache}a = k;`,
            '  }',
            '  const x = v[k];',
            `  if (${refuses(n.value, 'x')}) return F;`,
            '}',
            'if ((run.count += m) > MAX_VALUES) return F;',
            refined(n.checks, 'v'),
          ].join('\n');
        const key = name(n.key);
        const value = name(n.value);
        return [
          ...PLAIN,
          'let o: Record<string, unknown> | undefined;',
          // `for in` allocates nothing (Object.keys would, for every record)
          'for (const k in v) {',
          '  if (++run.count > MAX_VALUES) return F;',
          // zod leaves a `__proto__` key out of a record, a copy keeps it: let zod decide
          `  if (k === '__proto__' || ${key}(k) === F) return F;`,
          '  const x = v[k];',
          `  const y = ${value}(x);`,
          '  if (y === F) return F;',
          '  if (o) o[k] = y;',
          '  else if (y !== x) {',
          '    o = {};',
          '    for (const j in v) {',
          '      if (j === k) break;',
          '      o[j] = v[j];',
          '    }',
          '    o[k] = y;',
          '  }',
          '}',
          'const r = o ?? v;',
          refined(n.checks, 'r'),
        ].join('\n');
      }
      case 'union': {
        const options = n.options.map((o) => name(o));
        if (!options.length) return 'return F;';
        return [
          `let o = ${options[0]}(v);`,
          ...options.slice(1).map((o) => `if (o === F) o = ${o}(v);`),
          'if (o === F) return F;',
          refined(n.checks, 'o'),
        ].join('\n');
      }
      case 'object': {
        const fields = n.fields;
        if (fields.length > 30 || fields.some((f) => f.key === '__proto__')) return 'return F;';
        let required = 0;
        fields.forEach((f, i) => (required |= f.optional ? 0 : 2 ** i));
        const lines = [
          ...PLAIN,
          'let h = 0;',
          'let m = 0;',
          // fields in the schema's order (zod's output order): the object can then be its own output
          'let same = true;',
          // `for in` allocates nothing (Object.keys would, for every object). (A switch: a table of the fields, an
          // object or a Map, made the optimised code 2-3 times slower.)
          'for (const k in v) {',
          '  let b: number;',
          '  switch (k) {',
          ...fields.map((f, i) => `    case ${JSON.stringify(f.key)}: b = ${2 ** i}; break;`),
          '    default: return F;',
          '  }',
          '  if (b < h) same = false;',
          '  h |= b;',
          '  m++;',
          '}',
          'if ((run.count += m) > MAX_VALUES) return F;',
        ];
        if (required) lines.push(`if ((h & ${required}) !== ${required}) return F;`);
        /** The output of each field: its input (`x`) where its check keeps it, else the check's output (`y`). */
        const outs: string[] = [];
        fields.forEach((f, i) => {
          // an optional field present with the value `undefined` is its own output
          const node = f.node.type === 'optional' ? f.node.inner : f.node;
          const wrapped = node !== f.node;
          const x = `x${i}`;
          const read = `${x} = ${member('v', f.key)}`;
          const read2: string[] = [];
          if (identity(node)) {
            outs.push(x);
            read2.push(`if (${refuses(f.node, x)}) return F;`);
          } else {
            outs.push(`y${i}`);
            const check = name(node);
            const y = wrapped ? `(${x} === undefined ? ${x} : ${check}(${x}))` : `${check}(${x})`;
            read2.push(`y${i} = ${y};`, `if (y${i} === F) return F;`, `if (y${i} !== ${x}) same = false;`);
          }
          // a list of sources cited below the top level: ids of known sources (references.ts reads this)
          if (f.key === 'sources') {
            if (!isIdList(f.node))
              throw new Error(`a "sources" field that is not a list of texts: update plan-code.ts`);
            read2.push(`if (run.known) cite(${x});`);
          }
          const y = identity(node) ? '' : `, y${i}: unknown`;
          if (f.optional)
            lines.push(`let ${x}: unknown${y};`, `if (h & ${2 ** i}) {`, `${read};`, ...read2, '}');
          else
            lines.push(
              `const ${read};`,
              ...(y ? [`const ${read2[0]!.replace(/;$/, '')};`, ...read2.slice(1)] : read2),
            );
        });
        lines.push(`if (same) ${refined(n.checks, 'v')}`);
        // the output (rarely: a dataset's fields are mostly in the schema's order): its fields in that order, those
        // present (h)
        lines.push(`const o = copy(h, ${JSON.stringify(fields.map((f) => f.key))}, [${outs.join(', ')}]);`);
        lines.push(refined(n.checks, 'o'));
        return lines.join('\n');
      }
    }
  };

  if (plan.type !== 'object') throw new Error('the dataset plan is not an object');
  const top = plan.fields.map((f) => ({ key: f.key, id: name(f.node) }));
  /** What a list may be wrapped in: `optional`, `nullable`. */
  const unwrap = (n: PlanNode): PlanNode =>
    n.type === 'optional' || n.type === 'nullable' ? unwrap(n.inner) : n;
  // the item of each list at the top level or in an object there (`budget`, `cooperants.posts`): validation in slices
  // checks lists item by item
  const items: { path: string; id: string }[] = [];
  for (const f of plan.fields) {
    const n = unwrap(f.node);
    if (n.type === 'array') items.push({ path: f.key, id: name(n.item) });
    else if (n.type === 'object')
      for (const g of n.fields) {
        const m = unwrap(g.node);
        if (m.type === 'array') items.push({ path: `${f.key}.${g.key}`, id: name(m.item) });
      }
  }
  // how validation in slices takes the dataset apart (check-run.ts, `Slices`): the lists at the top level or in an
  // object there item by item, those objects field by field, the rest by their checks
  const sliceIds: string[] = [];
  const slice = (f: { key: string; node: PlanNode; optional?: true }, depth: number): string => {
    const node = f.node;
    const wrapped = node.type === 'optional';
    const n = node.type === 'optional' ? node.inner : node;
    const tail = `${wrapped ? ', optional: 1' : ''}${f.optional ? ', absent: 1' : ''} }`;
    if (n.type === 'array') {
      // (item by item, a list's own checks would not be made)
      if (n.checks?.length) throw new Error(`the list ${f.key} has checks of its own: update plan-code.ts`);
      sliceIds.push(name(n.item));
      return `{ key: ${JSON.stringify(f.key)}, item: ${name(n.item)}${tail}`;
    }
    if (
      depth === 0 &&
      n.type === 'object' &&
      !n.checks?.length &&
      n.fields.some((g) => unwrap(g.node).type === 'array')
    )
      return `{ key: ${JSON.stringify(f.key)}, fields: [${n.fields.map((g) => slice(g, 1)).join(', ')}]${tail}`;
    sliceIds.push(name(n));
    return `{ key: ${JSON.stringify(f.key)}, check: ${name(n)}${tail}`;
  };
  const slices = plan.fields.map((f) => slice(f, 0));
  const itemIds = new Set([...items.map((i) => i.id), ...sliceIds]);

  // which top-level fields reach each function: one only, it goes in that field's file; more, in shared.ts
  const bodies = new Map(functions.map((f) => [/^function (n\d+)/.exec(f)![1]!, f]));
  const deps = (id: string) =>
    [...new Set([...bodies.get(id)!.matchAll(/\b(n\d+)\(/g)].map((m) => m[1]!))].filter((d) => d !== id);
  const owners = new Map<string, Set<string>>();
  for (const { key, id } of top) {
    const stack = [id];
    while (stack.length) {
      const n = stack.pop()!;
      const set = owners.get(n) ?? new Set<string>();
      if (set.has(key)) continue;
      set.add(key);
      owners.set(n, set);
      stack.push(...deps(n));
    }
  }
  const fileOf = (id: string) => {
    const set = owners.get(id)!;
    return set.size === 1 ? fileName([...set][0]!) : 'shared';
  };
  const files: Record<string, string> = {};
  const header = [
    '// Generated by scripts/gen-fast-check.mjs (npm run schema) from the zod schema: do not edit.',
    '// src/schema/checks.test.ts checks that it matches the schema.',
  ];
  /** A module of the given functions (in the order they were made), with what they use. */
  const module = (file: string, ids: string[], tail: string[]) => {
    const code = ids.map((id) =>
      file === 'shared' || itemIds.has(id) ? `export ${bodies.get(id)!}` : bodies.get(id)!,
    );
    const text = [...code, ...tail].join('\n');
    const fromShared = new Set<string>();
    for (const id of ids)
      for (const d of deps(id)) if (fileOf(d) === 'shared' && file !== 'shared') fromShared.add(d);
    for (const m of text.matchAll(/\b(R\d+)\b/g)) if (file !== 'shared') fromShared.add(m[1]!);
    for (const t of tail)
      for (const m of t.matchAll(/= (n\d+);/g))
        if (fileOf(m[1]!) === 'shared' && file !== 'shared') fromShared.add(m[1]!);
    const uses = (re: RegExp) => re.test(text);
    const runtime = [
      uses(/\bMAX_VALUES\b/) && 'MAX_VALUES as MAX',
      uses(/\bF\b/) && 'NOT_SURE',
      uses(/\brun\./) && 'run as shared',
      uses(/\bcite\(/) && 'cite',
      uses(/\bplain\(/) && 'plain',
      uses(/\bcopy\(/) && 'copy',
    ].filter(Boolean);
    const sorted = [...fromShared].sort((a, b) =>
      a[0] === b[0] ? Number(a.slice(1)) - Number(b.slice(1)) : a < b ? -1 : 1,
    );
    return [
      ...header,
      ...(file === 'shared' || uses(/: any\b/)
        ? ['/* eslint-disable @typescript-eslint/no-explicit-any */']
        : []),
      ...(runtime.length ? [`import { ${runtime.join(', ')} } from '../check-run';`] : []),
      ...(uses(/\bRULES\./) ? ["import { RULES as rules } from '../rules';"] : []),
      ...(sorted.length ? [`import { ${sorted.join(', ')} } from './shared';`] : []),
      '',
      '// local bindings: a bundle keeps imports as they are, a module runner may read them through getters',
      ...(uses(/\bF\b/) ? ['const F = NOT_SURE;'] : []),
      ...(uses(/\brun\./) ? ['const run = shared;'] : []),
      ...(uses(/\bMAX_VALUES\b/) ? ['const MAX_VALUES = MAX;'] : []),
      ...(uses(/\bRULES\./) ? ['const RULES = rules;'] : []),
      ...[...new Set([...text.matchAll(/\b(K\d+)a\b/g)].map((m) => m[1]!))].map(
        (id) => `let ${id}a: unknown, ${id}b: unknown;`,
      ),
      ...(file === 'shared' ? [...patterns].map(([src, id]) => `export const ${id} = ${src};`) : []),
      '',
      ...code,
      ...tail,
      '',
    ].join('\n');
  };
  const order = [...bodies.keys()];
  files.shared = module(
    'shared',
    order.filter((id) => fileOf(id) === 'shared'),
    [],
  );
  for (const { key, id } of top) {
    const file = fileName(key);
    files[file] = module(
      file,
      order.filter((n) => fileOf(n) === file),
      [
        `/** The dataset's \`${key}\` field, alone (\`undefined\` passes where it may be left out). */`,
        `export const ${fieldCheckName(key)} = ${id};`,
      ],
    );
  }
  const byFile = new Map<string, string[]>();
  for (const id of itemIds) {
    const file = fileOf(id);
    const list = byFile.get(file) ?? [];
    if (!list.includes(id)) list.push(id);
    byFile.set(file, list);
  }
  files.items = [
    ...header,
    "import type { Slice } from '../check-run';",
    ...[...byFile].map(([file, ids]) => `import { ${ids.join(', ')} } from './${file}';`),
    '',
    '/** The check of the items of each list at the top level or in an object there, by path (`cooperants.posts`). */',
    'export const LIST_ITEM_CHECKS: Readonly<Record<string, (v: unknown) => unknown>> = {',
    ...items.map(({ path, id }) => `  ${literalKey(path)}: ${id},`),
    '};',
    '',
    "/** The dataset's fields in the schema's order, as validation in slices checks them (see `Slice`). */",
    `export const SLICES: readonly Slice[] = [${slices.join(', ')}];`,
    '',
  ].join('\n');
  files.index = [
    ...header,
    ...top.map(({ key }) => `export { ${fieldCheckName(key)} } from './${fileName(key)}';`),
    '/** The top-level fields, in the order of the schema, and those a dataset must have. */',
    `export const DATASET_KEYS = ${JSON.stringify(plan.fields.map((f) => f.key))} as const;`,
    `export const DATASET_REQUIRED = ${JSON.stringify(plan.fields.filter((f) => !f.optional).map((f) => f.key))} as const;`,
    '',
  ].join('\n');
  return files;
}
