import { describe, expect, it } from 'vitest';
import raw from '../../data/parsec.json';
import { fastDataset } from './fast-all';
import { parseDataset, trustedDataset } from './parse';

/**
 * The browser takes the bundled default dataset without validating it (trustedDataset): it is validated here, in
 * `npm test`, and by `npm run build` (scripts/validate.mjs data/parsec.json). Taking it as it is must give what
 * parseDataset gives.
 */
describe('the bundled default dataset (validated at build time, trusted in the browser)', () => {
  const clone = () => JSON.parse(JSON.stringify(raw));

  it('is valid', () => {
    const r = parseDataset(clone());
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    expect(r.ok).toBe(true);
  });

  it('is what parseDataset gives back: nothing to add, strip or convert', () => {
    const r = parseDataset(clone());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toEqual(raw);
    const trusted = trustedDataset(clone());
    expect(trusted).toEqual(r);
  });

  it('takes the fast path (zod is not needed for it)', () => {
    expect(fastDataset(clone())).toEqual((parseDataset(clone()) as { data: unknown }).data);
  });
});
