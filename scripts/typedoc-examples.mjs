// TypeDoc plugin (typedoc.config.mjs): every element class (`@customElement`) and every function the documented
// entry points export shows its use in an `@example`. A missing one is a warning, and the config treats warnings as
// errors, so `npm run docs` fails until the example is written.
import { Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const { project } = context;
    const hasExample = (r) =>
      !!r.comment?.getTag('@example') || !!r.signatures?.some((s) => s.comment?.getTag('@example'));
    for (const r of project.getReflectionsByKind(ReflectionKind.Function))
      if (!hasExample(r)) app.logger.warn(`${r.getFriendlyFullName()}: a public function without an @example`);
    for (const r of project.getReflectionsByKind(ReflectionKind.Class))
      if (r.comment?.getTag('@customElement') && !hasExample(r))
        app.logger.warn(`${r.getFriendlyFullName()}: an element class without an @example`);
  });
}
