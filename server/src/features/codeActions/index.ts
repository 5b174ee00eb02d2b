/**
 * Code actions: a quick fix wherever a Goalpost diagnostic has a mechanical fix (did-you-mean, a skeleton of
 * the missing field, the missing referenced item, a disable comment) and a `source.fixAll` that applies
 * every unambiguous did-you-mean of the document. Edits are computed on the document's current text, and
 * what they insert copies the indentation and style the file already uses.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { rulesById } from '../../core/rules';
import { SOURCE } from '../../toLsp';
import type { DocumentContext } from '../support/context';
import { createItem } from './createItem';
import { didYouMeanFixes } from './didYouMean';
import { disableFixes } from './disable';
import { EditableDocument } from './document';
import { fixAllAction } from './fixAll';
import type { Fix, FindingFix } from './fix';
import { SKELETON_FIXES } from './skeletons';
import { appendAll } from '../../core/arrays';

/** The fix of each rule that has one besides did-you-mean and disabling (a Map: rule ids come from the client). */
const RULE_FIXES: ReadonlyMap<string, FindingFix> = new Map([...SKELETON_FIXES, ['unknown-reference', createItem]]);

/** Quick fixes for the request's Goalpost diagnostics, and the fix-all source action when `only` asks for it. */
export function codeActions(context: DocumentContext, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => only === undefined || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
  const document = new EditableDocument(context);
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source === SOURCE && typeof diagnostic.code === 'string') appendAll(actions, quickFixes(document, diagnostic, diagnostic.code));
    }
  }
  // Fix-all rewrites many places at once, so it is offered only when asked for (on save, or the source menu).
  if (only !== undefined && wants(CodeActionKind.SourceFixAll)) {
    const fixAll = fixAllAction(document);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/**
 * The fixes for one diagnostic, best first (that one preferred), then the disable comments. A diagnostic
 * that matches no current finding is stale (the text changed since it was published) and gets none.
 */
function quickFixes(document: EditableDocument, diagnostic: Diagnostic, rule: string): CodeAction[] {
  const finding = document.findingAt(rule, diagnostic.range);
  if (!finding) return [];
  const toActions = (fix: Fix | undefined): CodeAction[] =>
    fix?.edits && fix.edits.length > 0
      ? [{ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: document.workspaceEdit(fix.edits) }]
      : [];
  const fixes = [...didYouMeanFixes(document, finding).flatMap(toActions), ...toActions(RULE_FIXES.get(rule)?.(document, finding))];
  if (fixes.length > 0) fixes[0].isPreferred = true;
  if (rulesById.has(rule)) appendAll(fixes, disableFixes(document, finding).flatMap(toActions));
  return fixes;
}
