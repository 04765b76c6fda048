import { css, unsafeCSS } from 'lit';
import { CATEGORY_COUNT, OTHER_GREY, PALETTE } from './palette';

/** The programme palette as theme properties, the same in both themes (see palette.ts). */
const palette = unsafeCSS(
  [
    ...PALETTE.map((c, i) => `--_cat-${i + 1}: var(--parsec-color-${i + 1}, ${c});`),
    `--_other: var(--parsec-color-other, ${OTHER_GREY});`,
  ].join('\n    '),
);

/**
 * Theme tokens. Every colour a widget uses is a `--parsec-*` custom property with a light value, a dark value
 * (`theme="dark"`, or without `theme` a dark background under the widget), and can be overridden by the host page.
 * The programme palette (`--parsec-color-1` … `--parsec-color-10`, `--parsec-color-other`) is one set for both themes:
 * see palette.ts.
 */
export const tokens = css`
  :host {
    --_fg: var(--parsec-color-text, #1b1f24);
    --_muted: var(--parsec-color-muted, #57606a);
    --_bg: var(--parsec-color-background, #ffffff);
    --_surface: var(--parsec-color-surface, #f3f4f6);
    --_border: var(--parsec-color-border, #8c959f);
    --_accent: var(--parsec-color-accent, #0a58ca);
    --_focus: var(--parsec-color-focus, #c2410c);
    --_error: var(--parsec-color-error, #b42318);
    --_on-mark: var(--parsec-color-on-mark, #ffffff);
    ${palette}
    --_unknown: var(--parsec-color-unknown, #6e7781);
    --_font: var(--parsec-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--parsec-font-size, 14px);
    --_radius: var(--parsec-radius, 4px);
  }
  :host([theme='dark']) {
    --_fg: var(--parsec-color-text, #e6edf3);
    --_muted: var(--parsec-color-muted, #a8b3bd);
    --_bg: var(--parsec-color-background, #0d1117);
    --_surface: var(--parsec-color-surface, #1c2128);
    --_border: var(--parsec-color-border, #6e7781);
    --_accent: var(--parsec-color-accent, #6cb6ff);
    --_focus: var(--parsec-color-focus, #ffa657);
    --_error: var(--parsec-color-error, #ff8182);
    --_unknown: var(--parsec-color-unknown, #8c959f);
  }
  /* no theme attribute: the scheme of the background the widget is drawn on (controllers/color-scheme.ts) */
  @media all {
    :host(:not([theme])[data-scheme='dark']) {
      --_fg: var(--parsec-color-text, #e6edf3);
      --_muted: var(--parsec-color-muted, #a8b3bd);
      --_bg: var(--parsec-color-background, #0d1117);
      --_surface: var(--parsec-color-surface, #1c2128);
      --_border: var(--parsec-color-border, #6e7781);
      --_accent: var(--parsec-color-accent, #6cb6ff);
      --_focus: var(--parsec-color-focus, #ffa657);
      --_error: var(--parsec-color-error, #ff8182);
      --_unknown: var(--parsec-color-unknown, #8c959f);
    }
  }
`;

/** Number of categorical colours (`--parsec-color-1` … `--parsec-color-10`); see palette.ts. */
export { CATEGORY_COUNT };
