/**
 * The words of the cross-reference problems (references.ts gives each as a short code: the widgets' fast path only
 * asks whether there is one, and does not carry these words; the code that reports problems, in zod's chunk, does).
 * @module
 */
import {
  KNOWN,
  MAX_AMOUNT_TOTAL,
  MAX_BUDGET_DEPTH,
  MAX_POST_COUNT,
  type ReferenceIssue,
  type Vocabulary,
} from './references';

const TERMS: Record<Vocabulary, string> = {
  placeKinds: 'a known place kind',
  facilityKinds: 'a known facility kind',
  statuses: 'a known status',
  ranks: 'a known rank',
  services: 'a known service',
};

/** The words of a problem's code (see references.ts). */
export function referenceMessage(code: string): string {
  const space = code.indexOf(' ');
  const kind = space < 0 ? code : code.slice(0, space);
  const arg = space < 0 ? '' : code.slice(space + 1);
  switch (kind) {
    case 'U':
      return `a unique id (another ${arg} item already uses it)`;
    case 'R':
      return `the id of one of the ${arg}`;
    case 'A':
      return `an amount that keeps the dataset's amounts below ${MAX_AMOUNT_TOTAL} once added up or converted`;
    case 'P':
      return `a count of posts up to ${MAX_POST_COUNT}`;
    case 'C':
      return 'amounts to check first';
    case 'Y':
      return 'a parent that does not lead back to this line (cycle)';
    case 'D':
      return `a budget tree at most ${MAX_BUDGET_DEPTH} levels deep`;
    case 'T1':
      return 'a value not declared twice (built in)';
    case 'T0':
      return 'a value not declared twice (declared above)';
    case 'K': {
      const v = arg as Vocabulary;
      return `${TERMS[v]} (${KNOWN[v].join(', ')}) or one declared in vocabulary.${v}`;
    }
    case 'F':
      return 'a currency other than "from"';
    default:
      return code;
  }
}

/** The problems with their words. */
export function worded<T extends ReferenceIssue>(issues: readonly T[]): T[] {
  return issues.map((i) => ({ ...i, message: referenceMessage(i.message) }));
}
