// What a Vite/Rolldown build of one entry loads at once (the entry chunk and its static imports) and what it fetches
// only when used (dynamic imports: the default dataset, the map geometry, zod for data the fast checks doubt).
// Shared by scripts/size.mjs and scripts/check-package.mjs.

/** The chunks of a build result, split into those loaded at once and those loaded on demand. */
export function splitChunks(result) {
  const chunks = (Array.isArray(result) ? result : [result])
    .flatMap((o) => o.output)
    .filter((c) => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const eager = new Set();
  const visit = (c) => {
    if (!c || eager.has(c)) return;
    eager.add(c);
    c.imports.forEach((f) => visit(byName.get(f)));
  };
  visit(chunks.find((c) => c.isEntry));
  return { eager: [...eager], lazy: chunks.filter((c) => !eager.has(c)) };
}
