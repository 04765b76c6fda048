// A Vue 3 app hosting a widget, as docs/installation.md says: `isCustomElement` for the parsec- tags, the dataset as a
// property (`:data.prop`), the custom event with `@parsec-select`. The template is compiled in the browser, by Vue's
// development build, whose warnings (e.g. "Failed to resolve component") reach the console.
import { createApp, ref } from 'vue/dist/vue.esm-browser.js';
import '../../../src/budget-treemap';
import raw from '../../../data/parsec.json';

const data = JSON.parse(JSON.stringify(raw));
data.meta.title = { en: 'Given by Vue', fr: 'Donné par Vue' };

const app = createApp({
  setup() {
    const selected = ref('');
    return { data, selected, onSelect: (e) => (selected.value = e.detail.label) };
  },
  template: `<p id="selected">{{ selected }}</p>
    <parsec-budget-treemap id="treemap" loading="eager" :data.prop="data" currency="XOF" @parsec-select="onSelect">
    </parsec-budget-treemap>`,
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('parsec-');
app.mount('#root');
