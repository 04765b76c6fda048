// The React example mounted in a page: built with Vite from the installed tarball and run in Chromium by
// scripts/check-package.mjs (the treemap draws, `no-legend` applies, a click reaches `onparsec-select`).
import { createRoot } from 'react-dom/client';
import { Budgets } from './react.js';

createRoot(document.getElementById('root')!).render(
  <Budgets
    onPick={(id) => {
      document.body.dataset.picked = id;
    }}
  />,
);
