/**
 * Code actions: a quick fix wherever a Goalpost diagnostic has a mechanical fix (did-you-mean, a skeleton of
 * the missing field, the missing referenced item, a disable comment) and a `source.fixAll` that applies
 * every unambiguous did-you-mean of the document. Edits are computed on the document's current text, and
 * what they insert copies the indentation and style the file already uses.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import goalsSchema from '../../../schemas/goals.schema.json';
import { spanToRange } from '../core/locate';
import { ITEM_KINDS, SECTION_OF, type Goal, type Item, type ItemKind, type Reference } from '../core/model';
import { code, kindNoun } from '../core/naming';
import { rulesById } from '../core/rules';
import type { Finding, Path, Position } from '../core/types';
import type { Span } from '../core/yaml';
import { SOURCE } from '../toLsp';
import type { DocumentContext } from './context';

/** The keys of a goal in the order of the schema: a key is inserted after the last one present before it. */
const GOAL_KEY_ORDER: readonly string[] = Object.keys(goalsSchema.definitions.goal.properties);

/** What an id may look like (the schema's `id` pattern). */
const ID = new RegExp(goalsSchema.definitions.id.pattern);

/** Ids longer than this are not offered as new items: they are pasted garbage, not names. */
const MAX_NEW_ID = 200;

/** The comment directives a disable fix writes or extends (see core/suppress.ts). */
const DISABLE_NEXT_LINE = 'goalpost-disable-next-line';
const DISABLE_FILE = 'goalpost-disable-file';

/** Quick fixes for the request's Goalpost diagnostics, and the fix-all source action when `only` asks for it. */
export function codeActions(context: DocumentContext, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => only === undefined || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
  const document = new EditableDocument(context);
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source === SOURCE && typeof diagnostic.code === 'string') actions.push(...quickFixes(document, diagnostic, diagnostic.code));
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
  const fixes: CodeAction[] = [];
  const add = (title: string, edits: readonly TextEdit[] | undefined) => {
    if (edits && edits.length > 0) fixes.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: document.workspaceEdit(edits) });
  };
  for (const suggestion of finding.suggestions ?? []) {
    const replacement = document.replace(finding.range, suggestion);
    if (replacement) add(`Change ${code(unquote(document.textAt(finding.range)))} to ${code(suggestion)}`, [replacement.edit]);
  }
  const { workspace } = document.context.analysis;
  switch (rule) {
    case 'smart-time-bound': {
      const goal = document.goalAt(finding.range);
      if (!goal || goal.deadline !== undefined) break;
      const period = workspace.periodOf(goal.file);
      const deadline = period?.end ?? yearEnd(goal.start, document.context.analysis.todayOf(goal.file));
      add(`Add \`deadline: ${deadline}\` (the end of the ${period ? 'period' : 'year'})`, document.setGoalKey(goal, 'deadline', deadline));
      break;
    }
    case 'smart-relevant': {
      const goal = document.goalAt(finding.range);
      const objective = workspace.objectives.find((candidate) => candidate.id !== undefined)?.id;
      if (!goal || objective === undefined) break;
      add(`Add \`supports: [${objective}]\``, document.setGoalKey(goal, 'supports', `[${scalar(objective)}]`));
      break;
    }
    case 'missing-owner': {
      const goal = document.goalAt(finding.range);
      const department = goal && ownerFor(document, goal);
      if (!goal || department === undefined) break;
      add(`Add \`department: ${department}\``, document.setGoalKey(goal, 'department', scalar(department)));
      break;
    }
    case 'smart-measurable': {
      const goal = document.goalAt(finding.range);
      const kpi = goal && kpiFor(document, goal);
      if (!goal || goal.targets.length > 0 || kpi === undefined) break;
      add(`Add a \`targets\` skeleton on KPI ${code(kpi)}`, document.setGoalKey(goal, 'targets', `[{ kpi: ${scalar(kpi)}, target: 0 }]`, targetsBlock(document, kpi)));
      break;
    }
    case 'unknown-reference': {
      const reference = document.referenceAt(finding.range);
      // A typo is fixed by its did-you-mean, not by defining the typo; and an id used by an item of another
      // kind cannot be defined again, since ids are global across kinds.
      if (!reference || (finding.suggestions?.length ?? 0) > 0 || workspace.definitions.has(reference.id) || !ID.test(reference.id) || reference.id.length > MAX_NEW_ID) break;
      add(`Create ${kindNoun(reference.kind)} ${code(reference.id)} in this file`, document.appendItem(reference.kind, newItemFields(document, reference)));
      break;
    }
  }
  if (fixes.length > 0) fixes[0].isPreferred = true;
  if (rulesById.has(rule)) {
    add(`Disable ${rule} for this line`, document.disableNextLine(rule, finding.range.start.line));
    add(`Disable ${rule} for this file`, document.disableFile(rule));
  }
  return fixes;
}

/** Every did-you-mean with exactly one suggestion in the document, as one edit; overlapping fixes keep the first. */
function fixAllAction(document: EditableDocument): CodeAction | undefined {
  const replacements: Replacement[] = [];
  for (const finding of document.context.analysis.findings) {
    if (finding.file !== document.uri || finding.suggestions?.length !== 1) continue;
    const replacement = document.replace(finding.range, finding.suggestions[0]);
    if (replacement) replacements.push(replacement);
  }
  replacements.sort((a, b) => a.start - b.start || a.end - b.end);
  const edits: TextEdit[] = [];
  const newKeys = new Set<string>();
  let end = -1;
  for (const replacement of replacements) {
    if (replacement.start < end) continue;
    // Two misspellings of one key in a mapping must not both become that key.
    if (replacement.newKey !== undefined) {
      if (newKeys.has(replacement.newKey)) continue;
      newKeys.add(replacement.newKey);
    }
    edits.push(replacement.edit);
    end = replacement.end;
  }
  if (edits.length === 0) return undefined;
  return {
    title: `Fix all Goalpost did-you-mean problems (${edits.length})`,
    kind: CodeActionKind.SourceFixAll,
    edit: document.workspaceEdit(edits),
  };
}

/** The department for a goal without one: the owner of an objective it supports, else the first department. */
function ownerFor(document: EditableDocument, goal: Goal): string | undefined {
  const { workspace } = document.context.analysis;
  for (const id of goal.supports) {
    const owner = workspace.find('objective', id)?.owner;
    if (owner !== undefined && workspace.find('department', owner)) return owner;
  }
  return workspace.departments.find((department) => department.id !== undefined)?.id;
}

/** The KPI for a goal's first target: one that supports an objective the goal supports, else the first KPI. */
function kpiFor(document: EditableDocument, goal: Goal): string | undefined {
  const { kpis } = document.context.analysis.workspace;
  const aligned = kpis.find((kpi) => kpi.id !== undefined && kpi.supports.some((objective) => goal.supports.includes(objective)));
  return (aligned ?? kpis.find((kpi) => kpi.id !== undefined))?.id;
}

/** `targets:` with one target, its list indented as the file's other targets, else as its sections. */
function targetsBlock(document: EditableDocument, kpi: string): (indent: number) => string[] {
  const targets = document.context.analysis.workspace.goals.filter((other) => other.file === document.uri).map((other) => [...other.path, 'targets']);
  const style = document.sequenceStyle([...targets, ...sectionPaths()]);
  return (indent) => [`${' '.repeat(indent)}targets:`, ...itemLines({ dash: indent + style.offset, key: indent + style.offset + style.gap }, [['kpi', scalar(kpi)], ['target', '0']], style.flow)];
}

/** The fields of a minimal item for an unknown reference, borrowing what the referencing item knows. */
function newItemFields(document: EditableDocument, reference: Reference): [string, string][] {
  const id = scalar(reference.id);
  const name = scalar(humanize(reference.id));
  const from = document.itemAt(reference.path.slice(0, 2));
  const goal = from?.kind === 'goal' ? from : undefined;
  const supports = goal && goal.supports.length > 0 ? `[${goal.supports.map(scalar).join(', ')}]` : undefined;
  const fields: [string, string | undefined][] = (() => {
    switch (reference.kind) {
      case 'objective':
        return [['id', id], ['title', name]];
      case 'department':
        return [['id', id], ['name', name]];
      case 'audience':
        // The audience is where the goal is, or the goal would not fit it (platform-audience-mismatch).
        return [['id', id], ['name', name], ['platforms', `[${goal?.platform !== undefined ? scalar(goal.platform) : ''}]`]];
      case 'kpi':
        return [['id', id], ['name', name], ['metric', id], ['supports', supports]];
      case 'goal':
        return [['id', id], ['title', name], ['department', goal?.department !== undefined ? scalar(goal.department) : undefined], ['supports', supports]];
    }
  })();
  return fields.filter((field): field is [string, string] => field[1] !== undefined);
}

/** A replacement of one finding's text, with the offsets it covers and, for a key, the key it makes. */
interface Replacement {
  readonly edit: TextEdit;
  readonly start: number;
  readonly end: number;
  /** `<path of the mapping>|<new key>` when the replaced text is a key. */
  readonly newKey?: string;
}

/** Columns of a list item: its dash, and its first key (0-based). */
interface ItemColumns {
  readonly dash: number;
  readonly key: number;
}

/** How a file writes lists: dashes `offset` columns right of the parent key, keys `gap` right of the dash, items as `{ … }` or not. */
interface SequenceStyle {
  readonly offset: number;
  readonly gap: number;
  readonly flow: boolean;
}

/** The document under edit: its text, parse and analysis, and the edits the fixes are made of. */
class EditableDocument {
  readonly uri: string;
  private readonly text: string;
  private readonly eol: string;

  constructor(readonly context: DocumentContext) {
    this.uri = context.file.uri;
    this.text = context.parsed.text;
    this.eol = this.text.includes('\r\n') ? '\r\n' : '\n';
  }

  workspaceEdit(edits: readonly TextEdit[]): { changes: Record<string, TextEdit[]> } {
    return { changes: { [this.uri]: [...edits] } };
  }

  textAt(range: Range): string {
    return this.text.slice(this.offset(range.start), this.offset(range.end));
  }

  /** The current finding of `rule` at exactly `range` in this document. */
  findingAt(rule: string, range: Range): Finding | undefined {
    return this.context.analysis.findings.find((finding) => finding.file === this.uri && finding.rule === rule && sameRange(finding.range, range));
  }

  /** The goal of this document whose head (where goal findings point) starts where `range` does. */
  goalAt(range: Range): Goal | undefined {
    const { analysis } = this.context;
    return analysis.workspace.goals.find((goal) => goal.file === this.uri && samePosition(analysis.rangeOf(this.uri, { path: goal.path, part: 'head' }).start, range.start));
  }

  /** The reference of this document at exactly `range`. */
  referenceAt(range: Range): Reference | undefined {
    const { analysis } = this.context;
    return analysis.workspace.references.find((reference) => reference.file === this.uri && sameRange(analysis.rangeOf(this.uri, { path: reference.path }), range));
  }

  /** The item of this document at a path such as `['goals', 2]`. */
  itemAt(path: Path): Item | undefined {
    for (const item of this.context.analysis.workspace.items()) if (item.file === this.uri && samePath(item.path, path)) return item;
    return undefined;
  }

  /**
   * Replaces the scalar at `range` with `replacement`, in the same quotes. None when nothing would change, or
   * when the scalar is a key and its mapping already has the new key (the fix would make a duplicate).
   */
  replace(range: Range, replacement: string): Replacement | undefined {
    const start = this.offset(range.start);
    const end = this.offset(range.end);
    const current = this.text.slice(start, end);
    const quote = /^(["'])[^]*\1$/.exec(current)?.[1];
    const newText = quote ? `${quote}${replacement}${quote}` : replacement;
    if (newText === current) return undefined;
    const at = this.context.parsed.scalarAt(start);
    let newKey: string | undefined;
    if (at?.part === 'key') {
      const parent = at.path.slice(0, -1);
      if (hasKey(valueAt(this.context.parsed.value, parent), replacement)) return undefined;
      newKey = `${JSON.stringify(parent)}|${replacement}`;
    }
    return { edit: { range, newText }, start, end, newKey };
  }

  /**
   * Sets a key of a goal: replaces its value when the key is there, else inserts `key: inline` after the last
   * key that comes before it in the schema (or at the mapping's end), at the column of the goal's keys.
   * `block` gives the lines for a block mapping when the value needs more than one.
   */
  setGoalKey(goal: Goal, key: string, inline: string, block?: (indent: number) => string[]): TextEdit[] | undefined {
    const { parsed } = this.context;
    const map = valueAt(parsed.value, goal.path);
    const spans = parsed.locate(goal.path);
    if (!isObject(map) || !spans.exact) return undefined;
    if (hasKey(map, key)) {
      const at = parsed.locate([...goal.path, key]);
      if (at.exact) return [{ range: this.range(at.value), newText: inline }];
      return at.key && this.afterColon(at.key, ` ${inline}`);
    }
    if (this.text[spans.value.start] === '{') return this.insertInFlow(spans.value, `${key}: ${inline}`);
    const indent = this.position(spans.value.start).character;
    const rank = GOAL_KEY_ORDER.indexOf(key);
    const before = Object.keys(map).filter((other) => GOAL_KEY_ORDER.indexOf(other) >= 0 && GOAL_KEY_ORDER.indexOf(other) < rank);
    const anchor = before.length > 0 ? parsed.locate([...goal.path, before[before.length - 1]]) : undefined;
    const after = anchor ? (anchor.exact ? anchor.value.end : (anchor.key?.end ?? spans.value.end)) : spans.value.end;
    return [this.insertLines(after, block ? block(indent) : [`${' '.repeat(indent)}${key}: ${inline}`])];
  }

  /**
   * Appends an item to its section of this document, in the style of that section's items; a missing section
   * is created before the first section of a later kind (the format's order), else at the end.
   */
  appendItem(kind: ItemKind, fields: [string, string][]): TextEdit[] | undefined {
    const { parsed } = this.context;
    const root = parsed.value;
    if (root !== undefined && !isObject(root)) return undefined;
    if (root !== undefined && this.text[parsed.locate([]).value.start] === '{') return undefined;
    const section = SECTION_OF[kind];
    if (isObject(root) && hasKey(root, section)) {
      const list = root[section];
      const at = parsed.locate([section]);
      if (at.exact) {
        if (!Array.isArray(list) || list.length === 0) return this.text[at.value.start] === '[' ? this.insertInFlow(at.value, flowItem(fields)) : undefined;
        if (this.text[at.value.start] === '[') return this.insertInFlow(at.value, flowItem(fields));
        const last = parsed.locate([section, list.length - 1]);
        const flow = this.text[last.value.start] === '{';
        return [this.insertLines(at.value.end, itemLines(this.itemColumns(last.value.start), fields, flow))];
      }
      if (!at.key) return undefined;
      // `section:` with nothing after it yet.
      const column = this.position(at.key.start).character;
      const style = this.sequenceStyle(sectionPaths());
      return [this.insertLines(at.key.end, itemLines({ dash: column + style.offset, key: column + style.offset + style.gap }, fields, style.flow))];
    }
    const style = this.sequenceStyle(sectionPaths());
    const block = [`${section}:`, ...itemLines({ dash: style.offset, key: style.offset + style.gap }, fields, style.flow)];
    const later = ITEM_KINDS.slice(ITEM_KINDS.indexOf(kind) + 1)
      .map((other) => SECTION_OF[other])
      .filter((other) => isObject(root) && hasKey(root, other))
      .map((other) => parsed.locate([other]).key?.start)
      .filter((start): start is number => start !== undefined)
      .sort((a, b) => a - b)[0];
    if (later === undefined) return [this.insertLines(this.text.length, block)];
    // The comments right above a section belong to it, so the new section goes above them.
    let line = this.position(later).line;
    while (line > 0 && this.lineText(line - 1).trimStart().startsWith('#')) line--;
    const spacer = line > 0 && this.lineText(line - 1).trim() === '' ? this.eol : '';
    return [{ range: this.emptyRange({ line, character: 0 }), newText: `${block.join(this.eol)}${this.eol}${spacer}` }];
  }

  /** `# goalpost-disable-next-line <rule>` above a line, at its indentation, or the rule added to the one there. */
  disableNextLine(rule: string, line: number): TextEdit[] {
    const existing = line > 0 ? this.directiveOn(DISABLE_NEXT_LINE, line - 1) : undefined;
    if (existing) return [existing(rule)];
    const indent = /^[ \t]*/.exec(this.lineText(line))?.[0] ?? '';
    return [{ range: this.emptyRange({ line, character: 0 }), newText: `${indent}# ${DISABLE_NEXT_LINE} ${rule}${this.eol}` }];
  }

  /** `# goalpost-disable-file <rule>` at the top, or the rule added to the file's directive. */
  disableFile(rule: string): TextEdit[] {
    const existing = this.directiveOn(DISABLE_FILE);
    if (existing) return [existing(rule)];
    return [{ range: this.emptyRange({ line: 0, character: 0 }), newText: `# ${DISABLE_FILE} ${rule}${this.eol}` }];
  }

  /** How this file writes lists, from the first block list among `paths` (defaults: 2 and 2, block items). */
  sequenceStyle(paths: readonly Path[]): SequenceStyle {
    const { parsed } = this.context;
    for (const path of paths) {
      const list = valueAt(parsed.value, path);
      if (!Array.isArray(list) || list.length === 0) continue;
      const at = parsed.locate(path);
      if (!at.exact || !at.key || this.text[at.value.start] === '[') continue;
      const item = parsed.locate([...path, 0]);
      if (!item.exact) continue;
      const columns = this.itemColumns(item.value.start);
      return { offset: Math.max(0, columns.dash - this.position(at.key.start).character), gap: columns.key - columns.dash, flow: this.text[item.value.start] === '{' };
    }
    return { offset: 2, gap: 2, flow: false };
  }

  /** The columns of a list item whose content starts at `start`: the dash before it on its line, and the content. */
  private itemColumns(start: number): ItemColumns {
    const position = this.position(start);
    const prefix = /^( *)-( +)$/.exec(this.lineText(position.line).slice(0, position.character));
    if (prefix) return { dash: prefix[1].length, key: position.character };
    return { dash: Math.max(0, position.character - 2), key: Math.max(2, position.character) };
  }

  /** A function that adds a rule to the directive comment of `kind` (on `line`, if given), if there is one with rules. */
  private directiveOn(kind: string, line?: number): ((rule: string) => TextEdit) | undefined {
    const pattern = new RegExp(`^\\s*${kind}(?=\\s|$)(.*)$`);
    for (const comment of this.context.parsed.comments) {
      const match = pattern.exec(comment.text);
      if (!match || (line !== undefined && this.position(comment.span.start).line !== line)) continue;
      // Rules end where the reason (`-- …`) starts; a directive with no rules covers every rule already.
      const reason = comment.text.indexOf('--', comment.text.length - match[1].length);
      const rulesEnd = reason >= 0 ? reason : comment.text.length;
      const rules = comment.text.slice(comment.text.length - match[1].length, rulesEnd);
      if (rules.trim() === '') continue;
      const offset = comment.span.start + 1 + comment.text.slice(0, rulesEnd).trimEnd().length;
      return (rule) => ({ range: this.emptyRange(this.position(offset)), newText: ` ${rule}` });
    }
    return undefined;
  }

  /** Inserts `text` right after the colon that follows a key with no value; none when something else (an alias) is there. */
  private afterColon(key: Span, text: string): TextEdit[] | undefined {
    const lineEnd = this.offset({ line: this.position(key.end).line, character: Number.MAX_SAFE_INTEGER });
    const colon = /^[ \t]*:/.exec(this.text.slice(key.end, lineEnd));
    if (!colon) return undefined;
    const at = key.end + colon[0].length;
    const rest = this.text.slice(at, lineEnd).trim();
    if (rest !== '' && !rest.startsWith('#')) return undefined;
    return [{ range: this.emptyRange(this.position(at)), newText: text }];
  }

  /** Adds an entry before the closing bracket of a flow collection (`{ … }` or `[ … ]`). */
  private insertInFlow(span: Span, entry: string): TextEdit[] | undefined {
    const close = span.end - 1;
    if (this.text[close] !== '}' && this.text[close] !== ']') return undefined;
    let last = close - 1;
    while (last > span.start && /\s/.test(this.text[last])) last--;
    // A comment before the bracket would swallow the entry.
    if (this.context.parsed.comments.some((comment) => comment.span.start <= last && last < comment.span.end)) return undefined;
    const previous = this.text[last];
    const newText = previous === '{' || previous === '[' ? entry : previous === ',' ? ` ${entry}` : `, ${entry}`;
    return [{ range: this.emptyRange(this.position(last + 1)), newText }];
  }

  /** Inserts whole lines after the line where `end` falls (at `end` itself when it starts a line). */
  private insertLines(end: number, block: readonly string[]): TextEdit {
    const body = block.join(this.eol);
    const previous = this.text[end - 1];
    if (end > 0 && (previous === '\n' || previous === '\r')) return { range: this.emptyRange(this.position(end)), newText: `${body}${this.eol}` };
    const lineBreak = /\r\n|\r|\n/g;
    lineBreak.lastIndex = end;
    const match = lineBreak.exec(this.text);
    if (match) return { range: this.emptyRange(this.position(match.index + match[0].length)), newText: `${body}${this.eol}` };
    const position = this.position(this.text.length);
    return { range: this.emptyRange(position), newText: this.text.length > 0 ? `${this.eol}${body}` : `${body}${this.eol}` };
  }

  private lineText(line: number): string {
    return this.text.slice(this.offset({ line, character: 0 }), this.offset({ line, character: Number.MAX_SAFE_INTEGER }));
  }

  private range(span: Span): Range {
    return spanToRange(this.context.lines, span);
  }

  private emptyRange(position: Position): Range {
    return { start: position, end: position };
  }

  private position(offset: number): Position {
    return this.context.lines.position(offset);
  }

  private offset(position: Position): number {
    return this.context.lines.offset(position);
  }
}

/** The lines of a list item at `columns`, block or `{ … }`. */
function itemLines(columns: ItemColumns, fields: readonly [string, string][], flow: boolean): string[] {
  const dash = `${' '.repeat(columns.dash)}-${' '.repeat(Math.max(1, columns.key - columns.dash - 1))}`;
  if (flow) return [`${dash}${flowItem(fields)}`];
  return fields.map(([key, value], index) => `${index === 0 ? dash : ' '.repeat(columns.key)}${key}: ${value}`);
}

function flowItem(fields: readonly [string, string][]): string {
  return `{ ${fields.map(([key, value]) => `${key}: ${value}`).join(', ')} }`;
}

/** The paths of the item sections, in the format's order: where the file's list style is read from. */
function sectionPaths(): Path[] {
  return ITEM_KINDS.map((kind) => [SECTION_OF[kind]]);
}

/**
 * A value as YAML reads it back as the same text: plain when it starts with a letter and holds no syntax,
 * quoted when plain would read as a number, a boolean or null (`2027`, `true`, `no`).
 */
function scalar(text: string): string {
  return /^[A-Za-z][\w .-]*$/.test(text) && !/\s$/.test(text) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(text) ? text : JSON.stringify(text);
}

/** "grow-online-revenue" → "Grow online revenue": a name to start from for a new item. */
function humanize(id: string): string {
  const words = id.replace(/[-_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The last day of the year a goal without a period is most likely due: its start's, or today's if later. */
function yearEnd(start: string | undefined, today: string): string {
  const year = start !== undefined && start.slice(0, 4) > today.slice(0, 4) ? start.slice(0, 4) : today.slice(0, 4);
  return `${year}-12-31`;
}

function unquote(text: string): string {
  return /^(["'])[^]*\1$/.test(text) ? text.slice(1, -1) : text;
}

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function hasKey(value: unknown, key: string): boolean {
  return isObject(value) && Object.prototype.hasOwnProperty.call(value, key);
}

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

function sameRange(a: Range, b: Range): boolean {
  return samePosition(a.start, b.start) && samePosition(a.end, b.end);
}

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}
