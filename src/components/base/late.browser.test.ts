import { afterEach, expect, it } from 'vitest';
import { nigerPolice } from '../../../test/fixtures/any-programme/niger-police';
import { mountWidget } from '../../../test/mount';
import '../budget-treemap/budget-treemap';
import type { ParsecElement } from './parsec-element';

afterEach(() => document.querySelectorAll('.wrap').forEach((n) => n.remove()));

const fetched = (name: string) => performance.getEntriesByType('resource').some((e) => e.name.includes(name));

it('a page with no zoomable widget never fetches the zoom events; what follows the first frame arrives', async () => {
  const el = await mountWidget<ParsecElement<unknown>>(
    'parsec-budget-treemap',
    '<parsec-budget-treemap loading="eager"></parsec-budget-treemap>',
    640,
  );
  el.data = structuredClone(nigerPolice) as typeof el.data;
  await el.updateComplete;
  await el.tableComplete;
  await new Promise((r) => setTimeout(r, 300));
  expect(fetched('components/base/late')).toBe(true);
  expect(fetched('controllers/zoom-events')).toBe(false);
});
