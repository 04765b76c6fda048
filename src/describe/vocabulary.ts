import { localText } from '../i18n/format';
import type { Dataset, Term, Vocabulary } from '../schema/dataset';
import type { DescribeContext } from './types';

/** The values a dataset declares in its `vocabulary`, by vocabulary and id. */
export type TermIndex = ReadonlyMap<Vocabulary, ReadonlyMap<string, Term>>;

const cache = new WeakMap<object, TermIndex>();
/** The declared values of a dataset's open vocabularies (cached per dataset). */
export function termsOf(data: Dataset): TermIndex {
  let index = cache.get(data);
  if (!index) {
    const v = data.vocabulary ?? {};
    index = new Map(
      (Object.keys(v) as Vocabulary[]).map((k) => [k, new Map((v[k] ?? []).map((t) => [t.id, t]))]),
    );
    cache.set(data, index);
  }
  return index;
}

/**
 * The label of a value of an open vocabulary: the widget's own label for a built-in value (`builtIn`, in the
 * reader's language), else the label the dataset declares (with the language fallback), else the id as written.
 */
export function termLabel(
  ctx: Pick<DescribeContext, 'lang' | 'terms' | 'languages'>,
  vocabulary: Vocabulary,
  id: string,
  builtIn: Readonly<Partial<Record<string, string>>>,
): string {
  return (
    builtIn[id] ?? (localText(ctx.terms?.get(vocabulary)?.get(id)?.label, ctx.lang, ctx.languages) || id)
  );
}
