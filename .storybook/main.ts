import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  // avoids a second lit-html copy ("Multiple versions of Lit loaded")
  viteFinal: (cfg) =>
    mergeConfig(cfg, { optimizeDeps: { include: ['lit', 'lit/decorators.js', 'lit/directive-helpers.js', 'd3'] } }),
};
export default config;
