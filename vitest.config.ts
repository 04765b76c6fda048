import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';

const dirname = path.dirname(fileURLToPath(import.meta.url));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// a factory, not a shared object: vitest mutates `instances` per project
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  }),
  instances: [{ browser: 'chromium' as const, viewport: { width: 1024, height: 768 } }],
});

/**
 * Lit's production build in the tests. Lit documents its development build as opt-in through the "development"
 * export condition (https://lit.dev/docs/tools/development/); Vite adds that condition outside production, and Vitest
 * passes it to Node (`--conditions development`), so every test file loaded Lit's development build and printed
 * "Lit is in dev mode. Not recommended for production!" on stderr. Vitest merges its default conditions into the
 * config (arrays concatenate), so the condition is taken out of the resolved lists.
 */
function litProductionBuild(): Plugin {
  return {
    name: 'parsec:lit-production-build',
    configResolved(config) {
      const lists = [
        config.resolve.conditions,
        config.ssr.resolve?.conditions,
        ...Object.values(config.environments).map((e) => e.resolve.conditions),
      ];
      for (const list of lists)
        if (Array.isArray(list))
          for (let i = list.length - 1; i >= 0; i--) if (list[i].includes('development')) list.splice(i, 1);
    },
  };
}

export default defineConfig({
  plugins: [litProductionBuild()],
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        plugins: [litProductionBuild()],
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['src/**/*.browser.test.ts', 'src/**/*.snapshot.test.ts'],
        },
      },
      {
        plugins: [litProductionBuild()],
        test: {
          name: 'snapshot',
          environment: 'happy-dom',
          include: ['src/**/*.snapshot.test.ts', 'test/**/*.snapshot.test.ts'],
        },
      },
      {
        plugins: [litProductionBuild()],
        optimizeDeps: { include: ['axe-core', 'lit', 'd3'] },
        test: { name: 'browser', include: ['src/**/*.browser.test.ts'], browser: browser() },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        test: { name: 'storybook', browser: browser() },
      },
    ],
  },
});
