import { describe, expect, it } from 'vitest';
import { defaultDatasetForTests as data } from '../../test/fixtures/default-dataset';
import { expectJsonSnapshot, expectSvgSnapshot, snapshotMarkup } from '../../test/snapshot';
import { layoutTreemap } from '../layout/treemap';
import { nodeAtPath, selectBudgetTree } from '../select/budget-tree';
import { renderTreemap } from './treemap';

const text = (n: { id: string; kind: string }, share: number) => ({
  name: n.kind === 'rest' ? 'Not itemised' : n.id,
  amount: 'AMOUNT',
  share: `${Math.round(share * 100)}%`,
});

describe('renderTreemap(geometry)', () => {
  const root = selectBudgetTree(data);
  const ctx = {
    label: 'summary',
    ariaLabel: (t: { key: string }) => `label of ${t.key}`,
    tabIndex: (key: string) => (key === 'parsec-total' ? 0 : -1) as 0 | -1,
    svgDepth2: true,
    highlight: undefined,
  };

  it('draws the default budget tree at 640 × 360', () => {
    const geo = layoutTreemap(root, 640, 360, { text });
    const markup = snapshotMarkup(renderTreemap(geo, ctx));
    expect(markup).toContain('role="tree"');
    expect(markup.match(/role="treeitem"/g)!.length).toBe(geo.tiles.length);
    expectSvgSnapshot(markup, 'treemap-default');
    expectJsonSnapshot(
      geo.tiles.map(({ node, ...t }) => ({ ...t, node: node.id })),
      'treemap-default-layout',
    );
  });

  it('draws a drilled branch with hatched approximate tiles', () => {
    const parsecId = root.children.find((c) => c.programme === 'parsec')!.id;
    const geo = layoutTreemap(nodeAtPath(root, [parsecId]).node, 480, 320, { text });
    const markup = snapshotMarkup(renderTreemap(geo, ctx));
    expect(markup).toContain('class="hatch"');
    expectSvgSnapshot(markup, 'treemap-parsec');
  });
});
