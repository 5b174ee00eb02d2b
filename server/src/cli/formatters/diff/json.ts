import type { FieldChange, ItemChange, ItemSummary, KindDiff, StrategyDiff, TargetSummary } from '../../../core/diff';
import { DIFF_SECTIONS } from '../../../core/diff';
import { jsonFinding } from '../check/json';
import type { DiffFormatter } from './format';
import { summarize } from '../format';

/**
 * The JSON of `goalpost diff`, a stable contract: fields are only ever added, never renamed, and every
 * field is always present (null when it has no value). Version 1:
 *
 * ```
 * {
 *   "version": 1,
 *   "base": { "revision": "main", "commit": "<40 hex>", "workingTree": false },
 *   "head": { "revision": null, "commit": null, "workingTree": true },
 *   "summary": {
 *     "objectives" | "goals" | "kpis" | "departments" | "audiences": { "added": n, "removed": n, "changed": n },
 *     "findings": { "introduced": { "error": n, "warning": n, "info": n }, "fixed": { … }, "removedWithItems": { … } }
 *   },
 *   "files": { "added": [path], "removed": [path], "unparsableInBase": [path], "unparsableInHead": [path] },
 *   "objectives" | "goals" | "kpis" | "departments" | "audiences": {
 *     "added": [item], "removed": [item],
 *     "changed": [{ …item, "movedFrom": path | null, "changes": [change], "targets": targets | null }]
 *   },
 *   "findings": { "introduced": [finding], "fixed": [finding], "removedWithItems": [finding] }
 * }
 * item:    { "id", "title": string | null, "file" }       (title: the title, or the name of a department, audience or KPI)
 * change:  { "field", "before": value | null, "after": value | null }    for a scalar field (YAML key, such as "deadline")
 *          { "field", "added": [id], "removed": [id] }                    for a list field ("supports", "owners", "platforms")
 * targets: { "added": [target], "removed": [target], "changed": [{ "kpi": id | null, "changes": [change] }] }
 * target:  { "kpi": id | null, "baseline", "target", "current": number | null, "direction": string | null }
 * finding: { "file", "rule", "severity", "message", "line", "column", "endLine", "endColumn" }, as in `check --format json`
 * ```
 *
 * Paths are relative to the repository root with `/`. Items move between files (`movedFrom`) without being
 * added or removed. Lines and columns are 1-based (end column exclusive): for introduced findings in the
 * head, for fixed findings and those removed with their items in the base. Findings are listed errors first.
 * `removedWithItems` holds the findings of goals, KPIs or files the change deleted: they left, nobody fixed them.
 */
export const diffJson: DiffFormatter = ({ diff, base, head }) => {
  const revision = (side: typeof base) => ({ revision: side.revision, commit: side.commit, workingTree: side.commit === null });
  const output = {
    version: 1,
    base: revision(base),
    head: revision(head),
    summary: {
      ...Object.fromEntries(DIFF_SECTIONS.map((section) => [section, counts(diff[section])])),
      findings: {
        introduced: summarize(diff.findings.introduced),
        fixed: summarize(diff.findings.fixed),
        removedWithItems: summarize(diff.findings.removedWithItems),
      },
    },
    files: diff.files,
    ...Object.fromEntries(DIFF_SECTIONS.map((section) => [section, kind(diff, section)])),
    findings: {
      introduced: diff.findings.introduced.map(jsonFinding),
      fixed: diff.findings.fixed.map(jsonFinding),
      removedWithItems: diff.findings.removedWithItems.map(jsonFinding),
    },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
};

function counts(kindDiff: KindDiff) {
  return { added: kindDiff.added.length, removed: kindDiff.removed.length, changed: kindDiff.changed.length };
}

function kind(diff: StrategyDiff, section: (typeof DIFF_SECTIONS)[number]) {
  const { added, removed, changed } = diff[section];
  return { added: added.map(item), removed: removed.map(item), changed: changed.map(changedItem) };
}

function item(summary: ItemSummary) {
  return { id: summary.id, title: summary.title ?? null, file: summary.file };
}

function changedItem(change: ItemChange) {
  return {
    ...item(change),
    movedFrom: change.movedFrom ?? null,
    changes: change.changes.map(fieldChange),
    targets: change.targets
      ? {
          added: change.targets.added.map(target),
          removed: change.targets.removed.map(target),
          changed: change.targets.changed.map((changed) => ({ kpi: changed.kpi ?? null, changes: changed.changes.map(fieldChange) })),
        }
      : null,
  };
}

function fieldChange(change: FieldChange) {
  return 'added' in change
    ? { field: change.field, added: change.added, removed: change.removed }
    : { field: change.field, before: change.before ?? null, after: change.after ?? null };
}

function target(summary: TargetSummary) {
  return {
    kpi: summary.kpi ?? null,
    baseline: summary.baseline ?? null,
    target: summary.target ?? null,
    current: summary.current ?? null,
    direction: summary.direction ?? null,
  };
}
