// A Vue 3 app hosting a widget, as docs/installation.md says: `isCustomElement` for the parsec- tags, the dataset as a
// property (`:data.prop`), the custom event with `@parsec-select`. The template is compiled in the browser, by Vue's
// development build, whose warnings (e.g. "Failed to resolve component") reach the console.
import { createApp, ref } from 'vue/dist/vue.esm-browser.js';
import '../../../src/budget-treemap';
import raw from '../../../data/parsec.json';

const data = JSON.parse(JSON.stringify(raw));
data.meta.title = { en: 'Given by Vue', fr: 'Donné par Vue' };
// currency="XOF" below needs a rate the data states and cites (the default dataset states none): the CFA franc's
// fixed parity, cited by this test host
data.sources.push({ id: 'host-peg', title: 'XOF/EUR fixed parity', publisher: 'test host', url: null, published: null });
data.rates = [{ from: 'EUR', to: 'XOF', rate: 655.957, kind: 'peg', sources: ['host-peg'] }];

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
