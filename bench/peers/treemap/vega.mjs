// Vega treemap (View API, canvas renderer): stratify + treemap transforms, rect and text marks.
const spec = {
  $schema: 'https://vega.github.io/schema/vega/v6.json',
  width: 960,
  height: 600,
  padding: 0,
  autosize: 'none',
  data: [
    {
      name: 'tree',
      values: [],
      transform: [
        { type: 'stratify', key: 'id', parentKey: 'parent' },
        {
          type: 'treemap',
          field: 'value',
          sort: { field: 'value', order: 'descending' },
          round: true,
          method: 'squarify',
          paddingOuter: 1,
          paddingInner: 1,
          paddingTop: 14,
          size: [{ signal: 'width' }, { signal: 'height' }],
        },
      ],
    },
    { name: 'groups', source: 'tree', transform: [{ type: 'filter', expr: 'datum.depth === 1' }] },
    { name: 'leaves', source: 'tree', transform: [{ type: 'filter', expr: 'datum.depth === 2' }] },
  ],
  scales: [
    {
      name: 'color',
      type: 'ordinal',
      domain: { data: 'groups', field: 'id' },
      range: { scheme: 'tableau10' },
    },
  ],
  marks: [
    {
      type: 'rect',
      from: { data: 'leaves' },
      encode: {
        update: {
          x: { field: 'x0' },
          y: { field: 'y0' },
          x2: { field: 'x1' },
          y2: { field: 'y1' },
          fill: { scale: 'color', field: 'parent' },
        },
      },
    },
    {
      type: 'text',
      from: { data: 'groups' },
      encode: {
        update: {
          x: { signal: 'datum.x0 + 3' },
          y: { signal: 'datum.y0 + 1' },
          baseline: { value: 'top' },
          fontSize: { value: 10 },
          text: { signal: "datum.x1 - datum.x0 > 30 ? datum.name : ''" },
        },
      },
    },
    {
      type: 'text',
      from: { data: 'leaves' },
      encode: {
        update: {
          x: { signal: 'datum.x0 + 2' },
          y: { signal: 'datum.y0 + 1' },
          baseline: { value: 'top' },
          fontSize: { value: 10 },
          text: { signal: "datum.x1 - datum.x0 > 50 && datum.y1 - datum.y0 > 14 ? datum.name : ''" },
        },
      },
    },
  ],
};
export function install(vega) {
  let view;
  window.benchRender = async (data, container) => {
    view = new vega.View(vega.parse(spec), { renderer: 'canvas', container, hover: false });
    view.data('tree', data);
    await view.runAsync();
  };
  window.benchUpdate = async (data) => {
    view.data('tree', data);
    await view.runAsync();
  };
}
