// One widget's subpath alone types every parsec-* event (type-checked on its own by scripts/check-package.mjs, so
// that no other import brings the declarations).
import 'parsec-widgets/phase-gantt';

const gantt = document.createElement('parsec-phase-gantt');
gantt.addEventListener('parsec-select', (e) => console.log(e.detail.id, e.detail.sources));
gantt.addEventListener('parsec-hover', (e) => console.log(e.detail?.label));
gantt.addEventListener('parsec-data-error', (e) => console.log(e.detail.issues.length));
gantt.addEventListener('parsec-warning', (e) => console.log(e.detail.attribute, e.detail.fallback));
document.addEventListener('parsec-path-change', (e) => console.log(e.detail.path));
document.addEventListener('parsec-selection-change', (e) => console.log(e.detail?.id));
// @ts-expect-error: the detail of parsec-select is a mark, not a path
gantt.addEventListener('parsec-select', (e) => console.log(e.detail.path));
