/** Did-you-mean fixes: a finding's suggestions, each written over the misspelt scalar in its own quotes. */
import type { Range, TextEdit } from 'vscode-languageserver';
import { replacementAt } from '../../core/fixAll';
import { code } from '../../core/naming';
import type { Finding } from '../../core/types';
import { unquote } from '../support/quotes';
import type { EditableDocument } from './document';
import type { Fix } from './fix';

/** A replacement of one finding's text, with the offsets it covers and, for a key, the key it makes. */
export interface Replacement {
  readonly edit: TextEdit;
  /** 0-based offsets of the replaced text. */
  readonly start: number;
  readonly end: number;
  /** `<path of the mapping>|<new key>` when the replaced text is a key. */
  readonly newKey?: string;
}

/** One fix per suggestion of the finding, in the finding's order (best first). */
export function didYouMeanFixes(document: EditableDocument, finding: Finding): Fix[] {
  const fixes: Fix[] = [];
  for (const suggestion of finding.suggestions ?? []) {
    const found = replacement(document, finding.range, suggestion);
    if (found) fixes.push({ title: `Change ${code(unquote(document.textAt(finding.range)))} to ${code(suggestion)}`, edits: [found.edit] });
  }
  return fixes;
}

/**
 * Replaces the scalar at `range` with `text`, in the same quotes. None when nothing would change, or when
 * the scalar is a key and its mapping already has the new key (the fix would make a duplicate).
 */
export function replacement(document: EditableDocument, range: Range, text: string): Replacement | undefined {
  const found = replacementAt(document.context.parsed, document.context.lines, range, text);
  return found && { edit: { range: found.range, newText: found.newText }, start: found.start, end: found.end, newKey: found.newKey };
}
