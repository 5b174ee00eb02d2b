/**
 * The disable fixes: a `goalpost-disable-next-line` or `goalpost-disable-file` comment for the rule, or the
 * rule added to such a comment already there (see core/suppress.ts for how they are read).
 */
import type { TextEdit } from 'vscode-languageserver';
import { EMPTY_RANGE } from '../../core/locate';
import type { Finding } from '../../core/types';
import { emptyRange, type EditableDocument } from './document';
import type { Fix } from './fix';

/** The comment directives a disable fix writes or extends. */
const DISABLE_NEXT_LINE = 'goalpost-disable-next-line';
const DISABLE_FILE = 'goalpost-disable-file';

/** Disabling the finding's rule for its line, then for the whole file. */
export function disableFixes(document: EditableDocument, finding: Finding): Fix[] {
  return [
    { title: `Disable ${finding.rule} for this line`, edits: disableNextLine(document, finding.rule, finding.range.start.line) },
    { title: `Disable ${finding.rule} for this file`, edits: disableFile(document, finding.rule) },
  ];
}

/** `# goalpost-disable-next-line <rule>` above a line, at its indentation, or the rule added to the one there. */
function disableNextLine(document: EditableDocument, rule: string, line: number): TextEdit[] {
  const existing = line > 0 ? directiveOn(document, DISABLE_NEXT_LINE, line - 1) : undefined;
  if (existing) return [existing(rule)];
  const indent = /^[ \t]*/.exec(document.lineText(line))?.[0] ?? '';
  return [{ range: emptyRange({ line, character: 0 }), newText: `${indent}# ${DISABLE_NEXT_LINE} ${rule}${document.eol}` }];
}

/** `# goalpost-disable-file <rule>` at the top, or the rule added to the file's directive. */
function disableFile(document: EditableDocument, rule: string): TextEdit[] {
  const existing = directiveOn(document, DISABLE_FILE);
  if (existing) return [existing(rule)];
  return [{ range: EMPTY_RANGE, newText: `# ${DISABLE_FILE} ${rule}${document.eol}` }];
}

/** A function that adds a rule to the directive comment of `kind` (on `line`, if given), if there is one with rules. */
function directiveOn(document: EditableDocument, kind: string, line?: number): ((rule: string) => TextEdit) | undefined {
  const pattern = new RegExp(`^\\s*${kind}(?=\\s|$)(.*)$`);
  for (const comment of document.context.parsed.comments) {
    const match = pattern.exec(comment.text);
    if (!match || (line !== undefined && document.position(comment.span.start).line !== line)) continue;
    // Rules end where the reason (`-- …`) starts; a directive with no rules covers every rule already.
    const reason = comment.text.indexOf('--', comment.text.length - match[1].length);
    const rulesEnd = reason >= 0 ? reason : comment.text.length;
    const rules = comment.text.slice(comment.text.length - match[1].length, rulesEnd);
    if (rules.trim() === '') continue;
    const offset = comment.span.start + 1 + comment.text.slice(0, rulesEnd).trimEnd().length;
    return (rule) => ({ range: emptyRange(document.position(offset)), newText: ` ${rule}` });
  }
  return undefined;
}
