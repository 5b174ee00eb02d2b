/**
 * Text measured without a DOM: advance widths of Arial/Helvetica (the Adobe AFM metrics, which Liberation
 * Sans and Arimo share), so the CLI, the tests and the webview wrap a title at the same place. The diagram
 * pins its font to that family for the same reason. Characters outside the table are estimated on the
 * wide side (a full em for East Asian and emoji, 0.65 em otherwise), so text wraps early rather than
 * overflowing its box.
 */

/** Advance widths in 1/1000 em of the printable ASCII characters 32..126, regular weight. */
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
  556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278,
  469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260,
  334, 584,
];

/** The same for bold. */
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584,
  611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333,
  584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280,
  389, 584,
];

/** The font family the widths are for; the diagram's CSS names it. */
export const FONT_FAMILY = "Arial, Helvetica, 'Liberation Sans', Arimo, sans-serif";

/** A font as the diagram uses it. */
export interface Font {
  readonly size: number;
  readonly bold?: boolean;
}

const ELLIPSIS = '…';

/** Zero-width code points: combining marks, joiners, bidi controls, variation selectors, BOM. */
const ZERO_WIDTH: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05bd],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2069],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0100, 0xe01ef],
];

/** East Asian wide characters and emoji: a full em. */
const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F000}-\u{1FAFF}\u{20000}-\u{3FFFD}\u2600-\u27BF]/u;

/** The advance width of one grapheme in em units. */
function graphemeWidth(grapheme: string, bold: boolean): number {
  const code = grapheme.charCodeAt(0);
  if (grapheme.length === 1 && code >= 32 && code <= 126) return (bold ? BOLD : REGULAR)[code - 32] / 1000;
  if (WIDE.test(grapheme)) return 1;
  const first = grapheme.codePointAt(0) ?? 32;
  if (ZERO_WIDTH.some(([low, high]) => first >= low && first <= high)) return 0;
  return bold ? 0.7 : 0.65;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The text's graphemes (an emoji with its modifiers is one), so nothing is cut inside a character. */
function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (segment) => segment.segment);
}

/** The width of a text in pixels at a font. */
export function measure(text: string, font: Font): number {
  let em = 0;
  for (const grapheme of graphemes(text)) em += graphemeWidth(grapheme, font.bold === true);
  return em * font.size;
}

/** The text cut to fit `width`, with an ellipsis when cut. */
export function ellipsise(text: string, width: number, font: Font): string {
  if (measure(text, font) <= width) return text;
  const room = width - measure(ELLIPSIS, font);
  let used = 0;
  let out = '';
  for (const grapheme of graphemes(text)) {
    const next = graphemeWidth(grapheme, font.bold === true) * font.size;
    if (used + next > room) break;
    used += next;
    out += grapheme;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}

/**
 * Wraps a text into at most `maxLines` lines of at most `width` pixels: at spaces where it can, inside a
 * word longer than a line where it must; the last line is ellipsised when text remains.
 */
export function wrap(text: string, width: number, font: Font, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  const spill = (): boolean => {
    lines.push(line);
    line = '';
    return lines.length >= maxLines;
  };
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate, font) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '' && measure(word, font) <= width) {
      if (spill()) return finish(lines, words.slice(index).join(' '), width, font);
      line = word;
      continue;
    }
    // A word longer than what is left: fill the line grapheme by grapheme, carry the rest on.
    let rest = graphemes(line === '' ? word : `${line} ${word}`);
    line = '';
    while (rest.length > 0) {
      let taken = 0;
      let used = 0;
      while (taken < rest.length && used + graphemeWidth(rest[taken], font.bold === true) * font.size <= width) {
        used += graphemeWidth(rest[taken], font.bold === true) * font.size;
        taken++;
      }
      if (taken === rest.length) {
        line = rest.join('');
        break;
      }
      line = rest.slice(0, Math.max(1, taken)).join('');
      rest = rest.slice(Math.max(1, taken));
      if (spill()) return finish(lines, `${rest.join('')} ${words.slice(index + 1).join(' ')}`.trim(), width, font);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Ends the last line with an ellipsis to say that `rest` did not fit. */
function finish(lines: string[], rest: string, width: number, font: Font): string[] {
  if (rest === '') return lines;
  const last = lines.length - 1;
  lines[last] = ellipsise(`${lines[last]} ${rest}`, width, font);
  return lines;
}
