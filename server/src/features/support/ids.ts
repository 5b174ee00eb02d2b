/**
 * What navigation and rename share: the id under the cursor (an item's `id` or a reference field) and every
 * place an id is written across the document's workspace. Ids are global whatever their kind, so an
 * occurrence is any definition or reference spelling the same id.
 */
import type { Location } from 'vscode-languageserver';
import { spanToRange } from '../../core/locate';
import type { Item, Reference } from '../../core/model';
import type { Path, Position, Range } from '../../core/types';
import type { Span } from '../../core/yaml';
import type { DocumentContext } from './context';
import { samePath } from './samePlace';

/** The id under the cursor, and whether it is written as an item's `id` or in a reference field. */
export interface IdAt {
  readonly id: string;
  readonly role: 'definition' | 'reference';
  /** The scalar's span in the document, quotes included; 0-based offsets. */
  readonly span: Span;
}

/** One place an id is written, in any file of the workspace. */
export interface Occurrence {
  readonly role: 'definition' | 'reference';
  readonly uri: string;
  /** 0-based, LSP-shaped: the scalar's range, or its closest existing ancestor's head when `source` is undefined. */
  readonly range: Range;
  /**
   * The scalar's own span and text when the path leads to a scalar written in place; undefined when it goes
   * through an alias (the text there is not the id, so it cannot be edited).
   */
  readonly source?: { readonly span: Span; readonly text: string };
}

/** The id written at a position (the value of an item's `id` or of a reference field), if any. */
export function idAt(context: DocumentContext, position: Position): IdAt | undefined {
  const node = context.parsed.scalarAt(context.lines.offset(position));
  if (!node || node.part !== 'value') return undefined;
  const model = context.analysis.workspace.models.find((candidate) => candidate.file === context.file.uri);
  if (!model) return undefined;
  for (const item of [...model.objectives, ...model.departments, ...model.audiences, ...model.kpis, ...model.goals]) {
    if (item.id !== undefined && samePath([...item.path, 'id'], node.path)) return { id: item.id, role: 'definition', span: node.span };
  }
  const reference = model.references.find((candidate) => samePath(candidate.path, node.path));
  return reference && { id: reference.id, role: 'reference', span: node.span };
}

/** Every item defining `id` (more than one when it is duplicated), in workspace order. */
export function definitionsOf(context: DocumentContext, id: string): Occurrence[] {
  return (context.analysis.workspace.definitions.get(id) ?? []).map((item: Item) => occurrence(context, 'definition', item.file, [...item.path, 'id']));
}

/** Every reference to `id` across the workspace, whatever kind of item its field expects, in file then text order. */
export function referencesTo(context: DocumentContext, id: string): Occurrence[] {
  const { workspace } = context.analysis;
  const order = new Map(workspace.models.map((model, index) => [model.file, index]));
  return workspace.references
    .filter((reference: Reference) => reference.id === id)
    .map((reference) => occurrence(context, 'reference', reference.file, reference.path))
    .sort(
      (a, b) =>
        (order.get(a.uri) ?? 0) - (order.get(b.uri) ?? 0) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
}

/** An occurrence as an LSP location. */
export function toLocation(occurrence: Occurrence): Location {
  return { uri: occurrence.uri, range: occurrence.range };
}

function occurrence(context: DocumentContext, role: Occurrence['role'], uri: string, path: Path): Occurrence {
  const file = context.project.file(uri);
  if (!file) return { role, uri, range: context.analysis.rangeOf(uri, { path }) };
  const parsed = context.project.parsed(file);
  const lines = context.project.lines(file);
  const spans = parsed.locate(path);
  if (!spans.exact) return { role, uri, range: spanToRange(lines, spans.head) };
  const span = spans.value;
  return { role, uri, range: spanToRange(lines, span), source: { span, text: file.text.slice(span.start, span.end) } };
}
