import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/components/dataset/dataset';
import '../src/components/budget-treemap/budget-treemap';
import '../src/components/phase-gantt/phase-gantt';
import '../src/components/facility-map/facility-map';
import type { ParsecDataset, ParsecSelectionChangeEvent } from '../src/components/dataset/dataset';
import type { ParsecBudgetTreemap } from '../src/components/budget-treemap/budget-treemap';
import type { ParsecPhaseGantt } from '../src/components/phase-gantt/phase-gantt';

/** Widgets inside one `<parsec-dataset>` share its dataset (loaded once) and its selection. */
const meta: Meta = {
  title: 'Widgets/Linked widgets',
  component: 'parsec-dataset',
  render: () =>
    html`<parsec-dataset>
      <parsec-budget-treemap loading="eager"></parsec-budget-treemap>
      <parsec-phase-gantt loading="eager"></parsec-phase-gantt>
      <parsec-facility-map loading="eager"></parsec-facility-map>
    </parsec-dataset>`,
};
export default meta;
type Story = StoryObj;

export const Linked: Story = {
  // selecting a programme in the treemap shares the selection with every widget of the <parsec-dataset>
  play: async ({ canvasElement }) => {
    const provider = canvasElement.querySelector('parsec-dataset') as ParsecDataset;
    const treemap = canvasElement.querySelector('parsec-budget-treemap') as ParsecBudgetTreemap;
    const gantt = canvasElement.querySelector('parsec-phase-gantt') as ParsecPhaseGantt;
    const changes: ParsecSelectionChangeEvent[] = [];
    provider.addEventListener('parsec-selection-change', (e) => changes.push(e));
    const wait = { timeout: 5000 };
    await waitFor(
      () => expect(treemap.shadowRoot!.querySelectorAll('.tile.depth-1').length, 'tiles').toBeGreaterThan(1),
      wait,
    );
    await waitFor(
      () => expect(gantt.shadowRoot!.querySelectorAll('.row').length, 'rows').toBeGreaterThan(1),
      wait,
    );
    // the French cooperation's programme, which has rows in the gantt
    const tile = [...treemap.shadowRoot!.querySelectorAll<SVGGElement>('.tile.depth-1')].find((t) =>
      t.getAttribute('aria-label')!.startsWith('French'),
    )!;
    tile.querySelector('rect')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitFor(() => expect(changes).toHaveLength(1));
    await expect(provider.selection).toBe(changes[0]!.detail);
    await expect(changes[0]!.detail!.widget).toBe('parsec-budget-treemap');
    // the selection is shared: the other programmes' tiles are dimmed, the selected one is linked
    await waitFor(
      () =>
        expect(treemap.shadowRoot!.querySelectorAll('.tile.dimmed').length, 'dimmed tiles').toBeGreaterThan(
          0,
        ),
      wait,
    );
    await expect(
      treemap.shadowRoot!.querySelector(`.tile.linked[data-key="${tile.dataset.key}"]`),
    ).not.toBeNull();
    // selecting the same mark again clears the selection everywhere
    provider.select(provider.selection);
    await waitFor(() => expect(treemap.shadowRoot!.querySelectorAll('.tile.dimmed')).toHaveLength(0), wait);
  },
};
