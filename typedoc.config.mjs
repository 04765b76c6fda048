import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  // the side-effect-free root, each element's subpath, and the all-in-one bundle (ParsecElement, the base class)
  entryPoints: [
    'src/index.ts',
    'src/budget-treemap.ts',
    'src/phase-gantt.ts',
    'src/facility-map.ts',
    'src/cooperant-chart.ts',
    'src/dataset.ts',
    'src/bundle.ts',
  ],
  // every element class and public function has an @example (a warning otherwise, and warnings fail)
  plugin: ['./scripts/typedoc-examples.mjs'],
  // how the schema fills in the sections a dataset leaves out: named by the Dataset type, not part of the API
  intentionallyNotExported: ['completeSections'],
  out: 'docs/api',
  tsconfig: 'tsconfig.json',
  name: 'parsec-widgets',
  readme: 'none',
  disableSources: true,
  treatWarningsAsErrors: true,
  excludePrivate: true,
  excludeProtected: true,
  excludeExternals: true,
  externalSymbolLinkMappings: {
    '@lit/reactive-element': { '*': 'https://lit.dev/docs/api/ReactiveElement/' },
    'lit-element': { '*': 'https://lit.dev/docs/api/LitElement/' },
    'lit-html': { '*': 'https://lit.dev/docs/api/templates/' },
    zod: { '*': 'https://zod.dev/' },
    '@zod/core': { '*': 'https://zod.dev/' },
    typescript: { '*': 'https://www.typescriptlang.org/docs/' },
  },
  blockTags: [
    ...OptionDefaults.blockTags,
    '@csspart',
    '@cssprop',
    '@cssproperty',
    '@fires',
    '@event',
    '@slot',
    '@attr',
    '@attribute',
    '@tag',
    '@summary',
    '@customElement',
  ],
};
