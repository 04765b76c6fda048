/**
 * The widgets' validation with zod: what the dataset controller loads (a chunk of its own, `import()`) only for data
 * the zod-free fast path (schema/fast.ts) is not sure of — data with problems, unusual data, or datasets large enough
 * to be validated in slices — and {@link prepareDataset}, the public synchronous form.
 * @module
 */
import type { Dataset } from '../schema/dataset';
import {
  datasetSize,
  parseDatasetInSlices,
  SLICED_FROM,
  parseDatasetTextInSlices,
  toPlainData,
  type ParseResult,
} from '../schema/parse';
import {
  bySection,
  parseDatasetBySection,
  parseDatasetTextBySection,
  wholeResult,
  type SectionedResult,
} from '../schema/sections';
import { SECTION_CHECKS } from '../schema/fast-all';
import { checkAllSections, parsedResult, rememberParsed } from './dataset';

export { parseDatasetBySection, parseDatasetTextBySection };

/** The plain copy of a value whose validation failed, to find its broken sections. */
function plainOf(value: unknown): unknown {
  const plain = toPlainData(value);
  if (!plain.ok) throw new Error('not plain data');
  return plain.value;
}

/** A large dataset object, validated in slices that leave the page responsive, section by section. */
export async function parseObjectInSlices(value: unknown): Promise<SectionedResult> {
  return bySection(await parseDatasetInSlices(value), () => plainOf(value));
}

/**
 * JSON text fetched for `src`, validated (in slices when large), section by section. `value`: the text already parsed
 * (a large dataset is not parsed twice), `undefined` when it does not parse.
 */
export async function parseFetchedText(
  text: string,
  value: unknown,
  signal: AbortSignal,
): Promise<SectionedResult> {
  const whole =
    value !== undefined && datasetSize(value) >= SLICED_FROM
      ? await parseDatasetInSlices(value, { signal, plain: true })
      : await parseDatasetTextInSlices(text, { signal });
  return bySection(whole, () => JSON.parse(text));
}

/**
 * Validates a dataset once, for pages that give the same data to several widgets or re-render them: widgets given
 * `result.data` do not validate it again. Not `ok` when any part is broken (widgets given the object itself still draw
 * what does not depend on the broken sections).
 *
 * @example
 * ```ts
 * import { prepareDataset } from 'parsec-widgets';
 *
 * const result = prepareDataset(await (await fetch('/my-data.json')).json());
 * // validated once: the widgets given `result.data` do not validate it again
 * if (result.ok) for (const el of document.querySelectorAll('parsec-budget-treemap')) el.data = result.data;
 * ```
 */
export function prepareDataset(input: unknown): ParseResult<Dataset> {
  // validated already, or in part by the widgets (the other sections then checked here, without zod if they can be)
  const known = parsedResult(input) ?? checkAllSections(input, SECTION_CHECKS);
  if (known) return wholeResult(known);
  const r = parseDatasetBySection(input);
  rememberParsed(input, r);
  return wholeResult(r);
}
