/** The document a code action edits: its text and line index, and what of the analysis sits at a range. */
import type { Range, TextEdit } from 'vscode-languageserver';
import { spanToRange } from '../../core/locate';
import type { Goal, Item, Reference } from '../../core/model';
import type { Finding, Path, Position } from '../../core/types';
import type { Span } from '../../core/yaml';
import type { DocumentContext } from '../support/context';
import { samePath } from '../support/samePlace';

/** The document under edit: its text, parse and analysis, and conversions between offsets and positions. */
export class EditableDocument {
  readonly uri: string;
  readonly text: string;
  /** The line break the file already uses, so that inserted lines match it. */
  readonly eol: string;

  constructor(readonly context: DocumentContext) {
    this.uri = context.file.uri;
    this.text = context.parsed.text;
    this.eol = this.text.includes('\r\n') ? '\r\n' : '\n';
  }

  /** Edits of this document as a workspace edit. */
  workspaceEdit(edits: readonly TextEdit[]): { changes: Record<string, TextEdit[]> } {
    return { changes: { [this.uri]: [...edits] } };
  }

  /** The text at a range. */
  textAt(range: Range): string {
    return this.text.slice(this.offset(range.start), this.offset(range.end));
  }

  /** The current finding of `rule` at exactly `range` in this document. */
  findingAt(rule: string, range: Range): Finding | undefined {
    // Indexed once per request: a client may send thousands of diagnostics in one code-action request.
    this.findings ??= indexBy(
      this.context.analysis.findings.filter((finding) => finding.file === this.uri),
      (finding) => `${finding.rule}|${rangeKey(finding.range)}`,
    );
    return this.findings.get(`${rule}|${rangeKey(range)}`);
  }

  /** The goal of this document whose head (where goal findings point) starts where `range` does. */
  goalAt(range: Range): Goal | undefined {
    const { analysis } = this.context;
    this.goals ??= indexBy(
      analysis.workspace.goals.filter((goal) => goal.file === this.uri),
      (goal) => positionKey(analysis.rangeOf(this.uri, { path: goal.path, part: 'head' }).start),
    );
    return this.goals.get(positionKey(range.start));
  }

  /** The reference of this document at exactly `range`. */
  referenceAt(range: Range): Reference | undefined {
    const { analysis } = this.context;
    this.references ??= indexBy(
      analysis.workspace.references.filter((reference) => reference.file === this.uri),
      (reference) => rangeKey(analysis.rangeOf(this.uri, { path: reference.path })),
    );
    return this.references.get(rangeKey(range));
  }

  /** The item of this document at a path such as `['goals', 2]`. */
  itemAt(path: Path): Item | undefined {
    for (const item of this.context.analysis.workspace.items()) if (item.file === this.uri && samePath(item.path, path)) return item;
    return undefined;
  }

  private findings?: Map<string, Finding>;
  private goals?: Map<string, Goal>;
  private references?: Map<string, Reference>;

  /** A line's text, without its line break (0-based line). */
  lineText(line: number): string {
    return this.text.slice(this.offset({ line, character: 0 }), this.offset({ line, character: Number.MAX_SAFE_INTEGER }));
  }

  /** The range of a span of the text. */
  range(span: Span): Range {
    return spanToRange(this.context.lines, span);
  }

  /** The 0-based position of a 0-based offset. */
  position(offset: number): Position {
    return this.context.lines.position(offset);
  }

  /** The 0-based offset of a 0-based position. */
  offset(position: Position): number {
    return this.context.lines.offset(position);
  }
}

/** The empty range at a position: where an insertion goes. */
export function emptyRange(position: Position): Range {
  return { start: position, end: position };
}

/** The first entry per key, as `find` would return it. */
function indexBy<T>(entries: readonly T[], keyOf: (entry: T) => string): Map<string, T> {
  const index = new Map<string, T>();
  for (const entry of entries) {
    const key = keyOf(entry);
    if (!index.has(key)) index.set(key, entry);
  }
  return index;
}

function positionKey(position: Position): string {
  return `${position.line}:${position.character}`;
}

function rangeKey(range: Range): string {
  return `${positionKey(range.start)}-${positionKey(range.end)}`;
}
