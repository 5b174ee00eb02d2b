/** Document symbols (the outline: sections → items → a goal's targets) and workspace symbols (every item by id or title). */
import { SymbolKind, type DocumentSymbol, type WorkspaceSymbol } from 'vscode-languageserver';
import type { Analysis } from '../core/lint';
import { spanToRange, type LineIndex } from '../core/locate';
import { ITEM_KINDS, SECTION_OF, type Goal, type GoalsModel, type Item, type ItemKind, type Target } from '../core/model';
import { itemTitle, kindNoun } from '../core/naming';
import type { Path, Range } from '../core/types';
import type { ParsedYaml, Span } from '../core/yaml';
import type { Project } from '../project';
import type { DocumentContext } from './support/context';
import { appendAll } from '../core/arrays';

/**
 * The symbol kind of each item kind. Editors draw an icon per kind, so each is distinct and reads as a
 * hint of its role: objectives are what everything else is built for, departments are units of the
 * organisation, audiences describe who a goal is for, KPIs are measured properties, goals are time-bound
 * efforts with a deadline.
 */
const KIND: Readonly<Record<ItemKind, SymbolKind>> = {
  objective: SymbolKind.Class,
  department: SymbolKind.Module,
  audience: SymbolKind.Interface,
  kpi: SymbolKind.Property,
  goal: SymbolKind.Event,
};

/** A top-level list of items (`objectives:`, `goals:`…). */
const SECTION_KIND = SymbolKind.Namespace;

/** A target of a goal: a field of it. */
const TARGET_KIND = SymbolKind.Field;

/** The outline of a document: each section of items, in text order, with its items and each goal's targets. */
export function documentSymbols(context: DocumentContext): DocumentSymbol[] {
  const model = context.analysis.workspace.models.find((candidate) => candidate.file === context.file.uri);
  if (!model) return [];
  const { parsed, lines } = context;
  const sections: { start: number; symbol: DocumentSymbol }[] = [];
  for (const kind of ITEM_KINDS) {
    const section = SECTION_OF[kind];
    const spans = parsed.locate([section]);
    if (!spans.exact || !spans.key) continue;
    const range = spanToRange(lines, trimEnd(parsed.text, { start: spans.key.start, end: Math.max(spans.key.end, spans.value.end) }));
    const children = itemsOf(model, kind).map((item) => itemSymbol(parsed, lines, item));
    sections.push({ start: spans.key.start, symbol: { name: section, kind: SECTION_KIND, range, selectionRange: spanToRange(lines, spans.key), children } });
  }
  return sections.sort((a, b) => a.start - b.start).map((section) => section.symbol);
}

/**
 * Every item of every workspace whose id or title (a name, for departments, audiences and KPIs) contains the
 * query's characters in order, ignoring case and spaces. The title is given as the container name.
 */
export function workspaceSymbols(project: Project, query: string): WorkspaceSymbol[] {
  const wanted = query.replace(/\s+/g, '').toLowerCase();
  const symbols: WorkspaceSymbol[] = [];
  for (const group of project.groups()) {
    const analysis = project.analysis(group);
    for (const model of analysis.workspace.models) {
      const found: { range: Range; symbol: WorkspaceSymbol }[] = [];
      for (const kind of ITEM_KINDS) {
        for (const item of itemsOf(model, kind)) {
          const title = itemTitle(item);
          if (wanted !== '' && !isSubsequence(wanted, item.id ?? '') && !isSubsequence(wanted, title ?? '')) continue;
          const range = idRange(analysis, item);
          found.push({
            range,
            symbol: { name: nameOf(item), kind: KIND[item.kind], ...(title !== undefined && { containerName: title }), location: { uri: item.file, range } },
          });
        }
      }
      // In text order within a file, as the outline shows them.
      found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      appendAll(
        symbols,
        found.map((entry) => entry.symbol),
      );
    }
  }
  return symbols;
}

function itemSymbol(parsed: ParsedYaml, lines: LineIndex, item: Item): DocumentSymbol {
  const title = itemTitle(item);
  const children = item.kind === 'goal' ? targetSymbols(parsed, lines, item) : undefined;
  return {
    name: nameOf(item),
    ...(title !== undefined && { detail: title }),
    kind: KIND[item.kind],
    range: rangeAt(parsed, lines, item.path),
    selectionRange: selectionAt(parsed, lines, [...item.path, 'id'], item.path),
    ...(children && { children }),
  };
}

function targetSymbols(parsed: ParsedYaml, lines: LineIndex, goal: Goal): DocumentSymbol[] {
  return goal.targets.map((target, index) => ({
    name: target.kpi ?? `target ${index + 1}`,
    detail: targetDetail(target),
    kind: TARGET_KIND,
    range: rangeAt(parsed, lines, target.path),
    selectionRange: selectionAt(parsed, lines, [...target.path, 'kpi'], target.path),
  }));
}

/** "1000 → 1200, now 1100": the numbers of a target that are set. */
function targetDetail(target: Target): string {
  const goal =
    target.baseline !== undefined && target.target !== undefined
      ? `${target.baseline} → ${target.target}`
      : target.target !== undefined
        ? `→ ${target.target}`
        : '';
  const now = target.current !== undefined ? `now ${target.current}` : '';
  return [goal, now].filter((part) => part !== '').join(', ');
}

function itemsOf(model: GoalsModel, kind: ItemKind): readonly Item[] {
  switch (kind) {
    case 'objective':
      return model.objectives;
    case 'department':
      return model.departments;
    case 'audience':
      return model.audiences;
    case 'kpi':
      return model.kpis;
    case 'goal':
      return model.goals;
  }
}

/** The id, or "goal 3" for an item without one: editors refuse symbols with an empty name. */
function nameOf(item: Item): string {
  return item.id ?? `${kindNoun(item.kind)} ${Number(item.path[1]) + 1}`;
}

/** The whole node at a path, without the line breaks a block collection's span ends with. */
function rangeAt(parsed: ParsedYaml, lines: LineIndex, path: Path): Range {
  return spanToRange(lines, trimEnd(parsed.text, parsed.locate(path).value));
}

/** A span without its trailing white space, so that a symbol ends on its last character, not at the next line. */
function trimEnd(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text.charAt(end - 1))) end -= 1;
  return { start: span.start, end };
}

/** The scalar at `path` (an `id` or `kpi` value) when it exists, else the head of the node at `fallback`; always inside the node's range. */
function selectionAt(parsed: ParsedYaml, lines: LineIndex, path: Path, fallback: Path): Range {
  const spans = parsed.locate(path);
  return spanToRange(lines, spans.exact ? spans.value : parsed.locate(fallback).head);
}

/** The item's `id` value, or the head of its mapping when it has none. */
function idRange(analysis: Analysis, item: Item): Range {
  return analysis.rangeOf(item.file, { path: [...item.path, 'id'], part: 'value' });
}

function isSubsequence(wanted: string, text: string): boolean {
  const haystack = text.toLowerCase();
  let at = 0;
  for (const char of wanted) {
    at = haystack.indexOf(char, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}
