/**
 * The largest goals file Goalpost checks. Past it a file gets one finding that says so and nothing else:
 * it is not parsed, so a huge or hostile file (a generated dump, a one-line megabyte) cannot stall the
 * editor or a CI job. Set in bytes by the editor's `goalpost.maxFileSize` (which wins) or `maxFileSize:` in
 * `.goalpost.yaml` (which `goalpost check` and `diff` read too).
 */
import type { Config } from './config';
import { EMPTY_RANGE } from './locate';
import type { TextChange } from './textChange';
import type { Finding } from './types';

/**
 * The default limit in bytes: above the 10,000-goal file of `npm run bench` (5.1 MB), which is checked in
 * about a second, and far above any goals file a person writes.
 */
export const DEFAULT_MAX_FILE_SIZE = 6_000_000;

/** The code of the finding on a file too large to check (not a rule: it cannot be configured away). */
export const FILE_TOO_LARGE = 'file-too-large';

/**
 * The size of a text in UTF-8 bytes when it is larger than `max`, else undefined. Cheap for the usual
 * file: a text of at most max/3 UTF-16 units cannot exceed it, so only a larger one is counted, by `bytes`
 * when the caller keeps the count up to date (the editor, edit by edit) or else by reading it.
 */
export function sizeOver(text: string, max: number, bytes: () => number = () => utf8Bytes(text)): number | undefined {
  if (text.length * 3 <= max) return undefined;
  const size = bytes();
  return size > max ? size : undefined;
}

/**
 * A text's length in UTF-8 bytes, as `Buffer.byteLength` counts it (a lone surrogate as U+FFFD, three
 * bytes). Every unit is a byte but the non-ASCII ones, which the engine's regular expression finds (a
 * character loop over a 5 MB text took 14 ms).
 */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  const wide = /[\u0080-\uffff]/g;
  for (let match = wide.exec(text); match !== null; match = wide.exec(text)) {
    const unit = match[0].charCodeAt(0);
    if (unit < 0x800) bytes += 1;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(match.index + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: two units, four bytes.
      bytes += 2;
      wide.lastIndex = match.index + 2;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * The UTF-8 size of `text`, given the size of the text it was edited from (`before`, `bytesBefore`) and the
 * change between them: the bytes of the changed part are taken away and added back. `textChange` never
 * cuts a surrogate pair, so the parts add up.
 */
export function bytesAfter(before: string, bytesBefore: number, text: string, change: TextChange): number {
  const removed = before.slice(change.prefix, before.length - change.suffix);
  const inserted = text.slice(change.prefix, text.length - change.suffix);
  return bytesBefore - utf8Bytes(removed) + utf8Bytes(inserted);
}

/** The limit for a file: the editor's setting, else its config's, else the default. */
export function maxFileSizeOf(override: number | undefined, config: Config | undefined): number {
  return override ?? config?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
}

/** A size as people read it: megabytes with one decimal, kilobytes or bytes for small limits. */
function shownSize(bytes: number): string {
  if (bytes >= 100_000) return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
  if (bytes >= 1000) return `${Number((bytes / 1000).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** The one finding on a file past the limit. */
export function fileTooLarge(file: string, bytes: number, max: number): Finding {
  return {
    file,
    rule: FILE_TOO_LARGE,
    severity: 'error',
    message: `This file is ${shownSize(bytes)}, larger than goalpost.maxFileSize (${shownSize(max)}); it is not checked.`,
    range: EMPTY_RANGE,
  };
}
