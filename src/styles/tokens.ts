import { css } from 'lit';

/**
 * Theme tokens. Every colour a widget uses is a `--parsec-*` custom property with a light value, a dark value
 * (`theme="dark"`, or without `theme` a dark background under the widget), and can be overridden by the host page.
 * Categorical colours are dark enough for white text (contrast ≥ 4.5:1) and are never the only cue.
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
    --_cat-1: var(--parsec-color-1, #1f5f8b);
    --_cat-2: var(--parsec-color-2, #9a4a0b);
    --_cat-3: var(--parsec-color-3, #2f6b3a);
    --_cat-4: var(--parsec-color-4, #6b3fa0);
    --_cat-5: var(--parsec-color-5, #9b2c55);
    --_cat-6: var(--parsec-color-6, #4a5568);
    --_cat-7: var(--parsec-color-7, #0b6e6e);
    --_cat-8: var(--parsec-color-8, #7a5c00);
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
    --_cat-1: var(--parsec-color-1, #2f6f9f);
    --_cat-2: var(--parsec-color-2, #a0520f);
    --_cat-3: var(--parsec-color-3, #2f7a45);
    --_cat-4: var(--parsec-color-4, #8050bb);
    --_cat-5: var(--parsec-color-5, #b43a66);
    --_cat-6: var(--parsec-color-6, #66707c);
    --_cat-7: var(--parsec-color-7, #0f7b78);
    --_cat-8: var(--parsec-color-8, #8a6d00);
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
      --_cat-1: var(--parsec-color-1, #2f6f9f);
      --_cat-2: var(--parsec-color-2, #a0520f);
      --_cat-3: var(--parsec-color-3, #2f7a45);
      --_cat-4: var(--parsec-color-4, #8050bb);
      --_cat-5: var(--parsec-color-5, #b43a66);
      --_cat-6: var(--parsec-color-6, #66707c);
      --_cat-7: var(--parsec-color-7, #0f7b78);
      --_cat-8: var(--parsec-color-8, #8a6d00);
      --_unknown: var(--parsec-color-unknown, #8c959f);
    }
  }
`;

/**
 * Number of categorical colours (`--parsec-color-1` … `--parsec-color-8`). Each is ≥ 3:1 against the light and the
 * dark background and carries white text at ≥ 4.5:1 (tested in tokens.test.ts).
 */
export const CATEGORY_COUNT = 8;
