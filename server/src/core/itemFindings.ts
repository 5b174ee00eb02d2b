/**
 * Findings counted per item (objective, department, audience, KPI, goal): the outline's badges and
 * tooltips. An item owns the findings that start on one of its lines; items of a file never overlap.
 */
import type { Analysis } from './lint';
import type { Item } from './model';
import type { Severity } from './types';

/** How many findings of each severity sit inside an item. */
export type FindingCounts = Readonly<Record<Severity, number>>;

/** A key that names an item by file and path, unique in a workspace even when ids repeat. */
export function itemKey(item: Item): string {
  return `${item.file}\u0000${item.path.join('/')}`;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The worst severity among counts, or undefined when there are none. */
export function worstOf(counts: FindingCounts | undefined): Severity | undefined {
  if (!counts) return undefined;
  return (['error', 'warning', 'info'] as const).find((severity) => counts[severity] > 0);
}

/** Whether `a` is worse than `b` (anything is worse than nothing). */
export function isWorse(a: Severity, b: Severity | undefined): boolean {
  return b === undefined || RANK[a] > RANK[b];
}

/** Finding counts by item key; items without findings are absent. */
export function countFindingsByItem(analysis: Analysis): Map<string, FindingCounts> {
  const spans = new Map<string, { start: number; end: number; key: string }[]>();
  for (const item of analysis.workspace.items()) {
    const range = analysis.rangeOf(item.file, { path: item.path });
    const list = spans.get(item.file) ?? [];
    list.push({ start: range.start.line, end: range.end.line, key: itemKey(item) });
    spans.set(item.file, list);
  }
  for (const list of spans.values()) list.sort((a, b) => a.start - b.start);
  const counts = new Map<string, Record<Severity, number>>();
  for (const finding of analysis.findings) {
    const list = spans.get(finding.file);
    if (!list) continue;
    const line = finding.range.start.line;
    // The last item starting at or before the line; it owns the finding if the line is inside it.
    let low = 0;
    let high = list.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (list[middle].start <= line) low = middle;
      else high = middle - 1;
    }
    const span = list[low];
    if (!span || span.start > line || span.end < line) continue;
    const current = counts.get(span.key) ?? { error: 0, warning: 0, info: 0 };
    current[finding.severity]++;
    counts.set(span.key, current);
  }
  return counts;
}
