const cache = new Map<string, Intl.NumberFormat>();

/** A plain number in the language's format (`4,6` in French), memoised per language and digits. */
export function formatNumber(x: number, lang: string, maximumFractionDigits = 0): string {
  const key = `${lang}|${maximumFractionDigits}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(lang, { maximumFractionDigits })));
  return f.format(x);
}
