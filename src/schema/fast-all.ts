/**
 * Every section's generated check (src/schema/checks/), for what checks a whole dataset without zod: `<parsec-dataset>`, the
 * check of the sections a widget does not read (after it draws, from this chunk), parse.ts before zod.
 * @module
 */
import { checkBudget } from './checks/budget';
import { checkCooperants } from './checks/cooperants';
import { checkFacilities } from './checks/facilities';
import { checkGlossary } from './checks/glossary';
import { checkPlaces } from './checks/places';
import { checkProgrammes } from './checks/programmes';
import { checkRates } from './checks/rates';
import { checkTimeline } from './checks/timeline';
import { checkVocabulary } from './checks/vocabulary';
import type { Dataset } from './dataset';
import { countValidation, fastSections, type SectionChecks } from './fast';

/** The generated check of each section. */
export const SECTION_CHECKS: Required<SectionChecks> = {
  rates: checkRates,
  vocabulary: checkVocabulary,
  programmes: checkProgrammes,
  budget: checkBudget,
  timeline: checkTimeline,
  places: checkPlaces,
  facilities: checkFacilities,
  cooperants: checkCooperants,
  glossary: checkGlossary,
};
const ALL = Object.keys(SECTION_CHECKS) as (keyof SectionChecks)[];

/**
 * The dataset as parseDataset would give it, when it would give it — valid, by the generated checks and the
 * cross-references — counted as one validation; `undefined` when they are not sure (parse.ts decides, and words the
 * problems). Never throws.
 */
export function fastDataset(input: unknown): Dataset | undefined {
  const r = fastSections(input, ALL, SECTION_CHECKS);
  if (!r) return undefined;
  countValidation();
  return r.data;
}
