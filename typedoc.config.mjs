import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  entryPoints: ['src/index.ts'],
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
  blockTags: [...OptionDefaults.blockTags, '@csspart', '@cssprop', '@cssproperty', '@fires', '@event', '@slot', '@attr', '@attribute', '@tag', '@summary', '@customElement'],
};
