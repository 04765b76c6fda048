import { describe, expect, it } from 'vitest';
import { en, fr, translationFor } from './index';
import { mapStrings } from './strings/map';
import { ganttStrings } from './strings/gantt';

describe("each widget's strings come with its code", () => {
  it('the built-in tables get a widget’s strings when the module that reads them loads, and no other widget’s', async () => {
    expect(en.map).toBeUndefined();
    await import('../describe/facility-map');
    expect(translationFor('en').map).toBe(mapStrings.en);
    expect(translationFor('fr-ML').map).toBe(mapStrings.fr);
    expect(en.gantt).toBeUndefined();
    expect(fr.cooperant).toBeUndefined();
  });

  it('the root’s en and fr are the same tables, with every widget’s strings', async () => {
    const all = await import('./all');
    expect(all.en).toBe(en);
    expect(all.fr).toBe(fr);
    expect(all.fr.gantt).toBe(ganttStrings.fr);
    expect(Object.keys(all.en.cooperant).sort()).toEqual(Object.keys(all.fr.cooperant).sort());
    expect(Object.keys(all.en.map).sort()).toEqual(Object.keys(all.fr.map).sort());
  });
});
