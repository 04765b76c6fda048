// A React 19 app hosting the widgets: objects as properties (`data`), custom events as `onparsec-select`.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../../src/bundle';
import raw from '../../../data/parsec.json';

const data = JSON.parse(JSON.stringify(raw));
data.meta.title = { en: 'Given by React', fr: 'Donné par React' };
// currency="XOF" below needs a rate the data states and cites (the default dataset states none): the CFA franc's
// fixed parity, cited by this test host
data.sources.push({ id: 'host-peg', title: 'XOF/EUR fixed parity', publisher: 'test host', url: null, published: null });
data.rates = [{ from: 'EUR', to: 'XOF', rate: 655.957, kind: 'peg', sources: ['host-peg'] }];

function App() {
  const [selected, setSelected] = useState('');
  const [lang, setLang] = useState('en');
  return h(
    'div',
    { lang },
    h('button', { id: 'lang', type: 'button', onClick: () => setLang(lang === 'en' ? 'fr' : 'en') }, 'Switch language'),
    h('p', { id: 'selected' }, selected),
    h('parsec-budget-treemap', { id: 'treemap', data, currency: 'XOF', 'onparsec-select': (e) => setSelected(e.detail.label) }),
    h('parsec-cooperant-chart', { id: 'cooperants', data, 'onparsec-select': (e) => setSelected(e.detail.label) }),
  );
}

createRoot(document.getElementById('root')).render(h(App));
