import { describe, expect, it } from 'vitest';
import { csvCell, cutGraphemes, graphemes, svgDataUrl, wellFormed, xmlSafe } from './safe-text';

const FLAGS = '🇫🇷🇲🇱🇪🇺';

describe('graphemes / cutGraphemes', () => {
  it('counts flags, skin tones, ZWJ sequences and combining accents as one character', () => {
    expect(graphemes(FLAGS)).toEqual(['🇫🇷', '🇲🇱', '🇪🇺']);
    expect(graphemes('👩🏽‍🚀e\u0301')).toEqual(['👩🏽‍🚀', 'e\u0301']);
  });
  it('never cuts inside a character', () => {
    const text = FLAGS.repeat(10);
    for (let n = 0; n < 12; n++) {
      const cut = cutGraphemes(text, n);
      expect(cut.endsWith('…')).toBe(true);
      expect(wellFormed(cut)).toBe(cut);
      expect(graphemes(cut.slice(0, -1)).every((g) => ['🇫🇷', '🇲🇱', '🇪🇺'].includes(g))).toBe(true);
      expect(() => encodeURIComponent(cut)).not.toThrow();
    }
    expect(cutGraphemes('short', 10)).toBe('short');
    expect(cutGraphemes('Sécurité intérieure', 8)).toBe('Sécurité…');
  });
});

describe('wellFormed / xmlSafe / svgDataUrl', () => {
  it('replaces lone surrogates so encodeURIComponent does not throw', () => {
    const bad = `a\ud83cb\udde6c${'🇫🇷'.slice(0, 1)}`;
    expect(() => encodeURIComponent(bad)).toThrow(URIError);
    expect(wellFormed(bad)).toBe('a\ufffdb\ufffdc\ufffd');
    expect(wellFormed('🇫🇷 ok')).toBe('🇫🇷 ok');
    expect(() => svgDataUrl(`<svg><text>${bad}</text></svg>`)).not.toThrow();
  });
  it('removes the characters XML 1.0 forbids, keeps tab, newlines and the rest', () => {
    expect(xmlSafe('a\u0000b\u0007c\u000bd\ufffee\uffff\tf\ng\rh é 🇫🇷')).toBe('abcde\tf\ng\rh é 🇫🇷');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><text>${xmlSafe('x\u0000\uffff\ud800y')}</text></svg>`;
    expect(svg).toBe('<svg xmlns="http://www.w3.org/2000/svg"><text>x\ufffdy</text></svg>');
  });
});

describe('csvCell', () => {
  it('guards every cell a spreadsheet would run as a formula, whatever follows', () => {
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const v of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(v).replace(/^"/, '')[0]).toBe("'");
  });
  it('quotes commas, quotes and line breaks, and leaves plain cells alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('29000000')).toBe('29000000');
    expect(csvCell('2017-03-03')).toBe('2017-03-03');
  });
});

describe('labels fitted by the layouts', () => {
  it('are cut between graphemes, never inside a flag', async () => {
    const { fitText } = await import('../layout/text-fit');
    const label = '🇫🇷🇲🇱'.repeat(20);
    for (const width of [30, 45, 60, 90, 120]) {
      const fitted = fitText(label, width, 12, 1);
      if (fitted === null) continue;
      const body = fitted.replace(/…$/, '');
      expect(body.length % 4, `${width}px: ${fitted}`).toBe(0);
      expect(() => encodeURIComponent(fitted)).not.toThrow();
    }
  });
});
