/**
 * Rename for ids: the definition(s) and every reference across the files of the workspace, open or not.
 * Refusals are ResponseErrors rather than null, so that the editor shows the user why (VS Code shows a
 * ResponseError's message, and only "The element can't be renamed" for null).
 */
import { ErrorCodes, LSPErrorCodes, ResponseError, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { Utils, URI } from 'vscode-uri';
import { oneBased, spanToRange } from '../core/locate';
import { code, itemLabel } from '../core/naming';
import { parseYaml } from '../core/yaml';
import type { DocumentContext } from './support/context';
import { definitionsOf, idAt, referencesTo, type IdAt, type Occurrence } from './support/ids';
import { isQuoted } from './support/quotes';
import { ID_PATTERN } from './support/schemaKeys';

/** What prepareRename answers: the scalar to rename and its id. */
export interface RenameTarget {
  /** 0-based, LSP-shaped; the whole scalar, quotes included. */
  readonly range: Range;
  readonly placeholder: string;
}

/** The id under the cursor, ready to rename, or a ResponseError that says why it cannot be. */
export function prepareRename(context: DocumentContext, position: Position): RenameTarget | ResponseError<void> {
  const at = idAt(context, position);
  if (!at) return refusal(notAnId(context, position));
  const stuck = occurrencesOf(context, at).find((occurrence) => !editable(occurrence, at.id));
  if (stuck) return refusal(cannotEdit(at.id, stuck));
  return { range: spanToRange(context.lines, at.span), placeholder: at.id };
}

/**
 * Renames the id under the cursor everywhere it is written: every definition (all of them when it is
 * duplicated) and every reference. The new name must match the schema's id pattern and be used by no item.
 */
export function rename(context: DocumentContext, position: Position, newName: string): WorkspaceEdit | ResponseError<void> {
  const at = idAt(context, position);
  if (!at) return refusal(notAnId(context, position));
  if (!ID_PATTERN.test(newName)) {
    return new ResponseError(
      ErrorCodes.InvalidParams,
      `${code(newName)} is not a valid id: an id starts with a letter or digit and goes on with letters, digits, \`_\`, \`.\` or \`-\`.`,
    );
  }
  if (newName === at.id) return { changes: {} };
  const taken = context.analysis.workspace.definitions.get(newName)?.[0];
  if (taken) {
    const where = place(definitionsOf(context, newName)[0]);
    return refusal(`The id ${code(newName)} is already used by ${itemLabel(taken, false)} (${where}); ids must be unique across the workspace.`);
  }
  const occurrences = occurrencesOf(context, at);
  const stuck = occurrences.find((occurrence) => !editable(occurrence, at.id));
  if (stuck) return refusal(cannotEdit(at.id, stuck));
  // Each occurrence is a distinct scalar (an alias would have been refused above), so edits never overlap.
  const changes: Record<string, TextEdit[]> = {};
  for (const occurrence of occurrences) {
    if (!occurrence.source) continue;
    (changes[occurrence.uri] ??= []).push({ range: occurrence.range, newText: replacement(occurrence.source.text, newName) });
  }
  return { changes };
}

function occurrencesOf(context: DocumentContext, at: IdAt): Occurrence[] {
  return [...definitionsOf(context, at.id), ...referencesTo(context, at.id)];
}

/**
 * A scalar written in place on one line, plain or quoted, that reads as the id itself (not an alias, whose
 * text names an anchor): replacing its span replaces exactly the id.
 */
function editable(occurrence: Occurrence, id: string): boolean {
  const text = occurrence.source?.text;
  if (text === undefined || text === '' || /[\r\n]/.test(text) || /^[|>]/.test(text)) return false;
  const value = parseYaml(text).value;
  return value === id || (typeof value === 'number' && String(value) === id);
}

/**
 * The new text of one scalar: a quoted scalar keeps its quotes; a plain one stays plain unless YAML would
 * read the new name as something else than that string (`2028`, `1.50`, `true`, `null`), then it is quoted.
 */
function replacement(old: string, newName: string): string {
  if (isQuoted(old)) return `${old[0]}${newName}${old[0]}`;
  return parseYaml(newName).value === newName ? newName : `"${newName}"`;
}

function notAnId(context: DocumentContext, position: Position): string {
  const node = context.parsed.scalarAt(context.lines.offset(position));
  const field = node && [...node.path].reverse().find((segment): segment is string => typeof segment === 'string');
  const what =
    !node || field === undefined
      ? 'There is no id here'
      : node.part === 'key'
        ? `${code(field)} is a key, not an id`
        : `The value of ${code(field)} is not an id`;
  return `${what}. Only ids can be renamed: put the cursor on an item's \`id\` or on a reference to one (such as \`supports\`, \`kpi\` or \`department\`).`;
}

function cannotEdit(id: string, occurrence: Occurrence): string {
  return `${code(id)} cannot be renamed safely: at ${place(occurrence)} it is not written out as a plain or quoted id on one line (it is an alias, or spans lines). Write the id there first.`;
}

/** "company.goals.yaml line 4", 1-based for people. */
function place(occurrence: Occurrence): string {
  return `${Utils.basename(URI.parse(occurrence.uri))} line ${oneBased(occurrence.range.start).line}`;
}

function refusal(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}
