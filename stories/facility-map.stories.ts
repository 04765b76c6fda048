import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { live, stallFetch, expectLoadingState } from './support';
import { expect, waitFor } from 'storybook/test';
import raw from '../data/parsec.json';
import { syntheticMap } from '../test/fixtures/synthetic-map';
import '../src/components/facility-map/facility-map';
import type { ParsecFacilityMap } from '../src/components/facility-map/facility-map';

type Args = { lang: string; theme: string; width: number; region: string; date: string };

const meta: Meta<Args> = {
  title: 'Widgets/Facility map',
  component: 'parsec-facility-map',
  args: { lang: 'en', theme: 'light', width: 760, region: '', date: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'fr'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    // empty: fitted to the data's places (the default); a region of the geometry when asked
    region: { control: 'inline-radio', options: ['', 'mopti', 'mali'] },
    width: { control: { type: 'range', min: 280, max: 1200, step: 10 } },
    date: { control: 'text' },
  },
  render: (a) =>
    html`<div lang=${a.lang} class="story-frame" data-width=${a.width}>
      <parsec-facility-map
        ${live(a)}
        theme=${a.theme}
        region=${a.region}
        date=${a.date || undefined}
      ></parsec-facility-map>
    </div>`,
  decorators: [
    (story, ctx) => {
      queueMicrotask(() => {
        const frame = document.querySelector<HTMLElement>(`.story-frame[data-width="${ctx.args.width}"]`);
        frame?.style.setProperty('width', `${ctx.args.width}px`);
      });
      return story();
    },
  ],
};
export default meta;
type Story = StoryObj<Args>;

const element = (root: HTMLElement) => root.querySelector('parsec-facility-map') as ParsecFacilityMap;
const marks = (el: ParsecFacilityMap) => [...el.shadowRoot!.querySelectorAll('svg.marks [data-key]')];
const summary = (el: ParsecFacilityMap) =>
  el.shadowRoot!.querySelector('svg.marks')?.getAttribute('aria-label') ?? '';

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(marks(el).length).toBeGreaterThanOrEqual(5));
    await expect(summary(el)).toMatch(/^Map: facilities and deliveries, 48 items \(18 entries\)/);
    await expect(el.shadowRoot!.querySelector('[data-key="g:p:sevare"]')).not.toBeNull();
  },
};

export const Mali: Story = {
  args: { region: 'mali' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(summary(el)).toMatch(/^Map of Mali/));
    await expect(el.shadowRoot!.querySelector('[data-key="g:p:segou"]')).not.toBeNull();
  },
};

export const French: Story = {
  args: { lang: 'fr' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(summary(el)).toMatch(/^Carte\u202f: installations et livraisons, 48 éléments/),
    );
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(marks(el).length).toBeGreaterThan(3));
    await expect(getComputedStyle(el).backgroundColor).toBe('rgb(13, 17, 23)');
  },
};

export const Narrow: Story = {
  args: { width: 340 },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(Number(el.shadowRoot!.querySelector('svg.marks')!.getAttribute('width'))).toBeLessThanOrEqual(
        340,
      ),
    );
    await expect(marks(el).length).toBeGreaterThan(3);
  },
};

export const AtDate: Story = {
  args: { date: '2019-01-01' },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('output')!.textContent).toMatch(/2019/));
    await expect(summary(el)).not.toMatch(/\(18 entries\)/);
    await expect(el.shadowRoot!.querySelector('output')!.textContent).toMatch(/dated later, hidden/);
  },
};

export const Large: Story = {
  render: () => html`<parsec-facility-map .data=${syntheticMap(10_000)}></parsec-facility-map>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('canvas')).not.toBeNull());
    await expect(summary(el)).toMatch(/\(10,?000 entries\)/);
    // the labelled markers' focus targets come in idle time after the canvas's first frame
    await waitFor(() => expect(marks(el).length).toBeGreaterThan(0));
  },
};

const invalid = (() => {
  const d = JSON.parse(JSON.stringify(raw));
  d.facilities[0].place = 'atlantis';
  d.places[0].lat = 123;
  return d;
})();

export const InvalidData: Story = {
  render: () => html`<parsec-facility-map .data=${invalid}></parsec-facility-map>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() =>
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).toMatch(/places\[0\]\.lat/),
    );
  },
};

export const Loading: Story = {
  // a dataset URL that has not answered yet: the loading state reserves the chart's height (no layout shift)
  beforeEach: () => stallFetch('slow-dataset.json'),
  render: () => html`<parsec-facility-map src="/slow-dataset.json"></parsec-facility-map>`,
  play: async ({ canvasElement }) => expectLoadingState(element(canvasElement)),
};

const noFacilities = (() => {
  const d = JSON.parse(JSON.stringify(raw));
  d.facilities = [];
  return d;
})();

export const Empty: Story = {
  render: () => html`<parsec-facility-map .data=${noFacilities}></parsec-facility-map>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="empty"]')).not.toBeNull());
    await expect(marks(el)).toHaveLength(0);
  },
};
