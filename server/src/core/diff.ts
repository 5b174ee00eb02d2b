/**
 * The semantic diff of a strategy between two revisions: which objectives, departments, audiences, KPIs
 * and goals were added, removed or changed, field by field, and which findings the change introduced or
 * fixed. Pure: the caller lints each revision and hands over its models and findings.
 *
 * Items are matched by kind and id across files, so a moved file or an item moved to another file is a
 * move, not an add and a remove. Findings are matched by rule, the item they sit in and message (which
 * quotes the offending value), never by line or file: a finding whose line moved is neither introduced
 * nor fixed.
 */
import type { Analysis } from './lint';
import type { Audience, Department, Goal, GoalsModel, Item, ItemKind, Kpi, Objective, Target } from './model';
import { itemTitle } from './naming';
import type { Finding, Position, Range, Severity } from './types';

/** One revision as the diff sees it. */
export interface DiffSide {
  /** The model of every goals file of the revision, whatever workspace it belongs to. */
  readonly models: readonly GoalsModel[];
  /** Every finding of the revision, config files' own problems included. */
  readonly findings: readonly Finding[];
  /**
   * Files whose YAML has errors. They contribute no items (what the parser recovered from a broken file is
   * not trusted), so their items show as removed or added; their findings still count.
   */
  readonly unparsable?: readonly string[];
  /**
   * The item each finding sits in, as `kind id` (see `findingOwners`): part of a finding's identity, so one
   * message fixed on one goal and made on another is a fix and a new finding, not no change.
   */
  readonly owners?: ReadonlyMap<Finding, string>;
}

/** A scalar field of an item or target, named by its YAML key. */
export type ScalarField =
  | 'title'
  | 'name'
  | 'metric'
  | 'unit'
  | 'owner'
  | 'deadline'
  | 'start'
  | 'department'
  | 'platform'
  | 'audience'
  | 'parent'
  | 'funnel'
  | 'review'
  | 'last_reviewed'
  | 'confidence'
  | 'baseline'
  | 'target'
  | 'current'
  | 'direction';

/** A list field of an item, named by its YAML key. */
export type ListField = 'supports' | 'owners' | 'platforms';

/** A scalar value before and after; an absent side means the field was not set. */
export interface ScalarChange {
  readonly field: ScalarField;
  readonly before?: string | number;
  readonly after?: string | number;
}

/** A list's entries added and removed (links, owners, platforms); order alone is no change. */
export interface ListChange {
  readonly field: ListField;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** One changed field. */
export type FieldChange = ScalarChange | ListChange;

/** An item as listed in the diff. `file` is where it is (for a removed item: where it was). */
export interface ItemSummary {
  readonly id: string;
  /** The title (objectives, goals) or name (departments, audiences, KPIs), when it has one. */
  readonly title?: string;
  readonly file: string;
}

/** A target as listed in the diff. */
export interface TargetSummary {
  /** The KPI the target is on; absent when the target names none. */
  readonly kpi?: string;
  readonly baseline?: number;
  readonly target?: number;
  readonly current?: number;
  readonly direction?: string;
}

/** A target of a goal, matched by KPI, whose numbers changed. */
export interface TargetChange {
  readonly kpi?: string;
  readonly changes: readonly ScalarChange[];
}

/** The targets of a goal: added, removed and changed, matched by KPI. */
export interface TargetsDiff {
  readonly added: readonly TargetSummary[];
  readonly removed: readonly TargetSummary[];
  readonly changed: readonly TargetChange[];
}

/** An item present in both revisions that changed or moved. Its `title` and `file` are the head's. */
export interface ItemChange extends ItemSummary {
  /** The base revision's file, when the item moved to another file. */
  readonly movedFrom?: string;
  readonly changes: readonly FieldChange[];
  /** Goals only, and only when a target changed. */
  readonly targets?: TargetsDiff;
}

/** The changes to one kind of item. */
export interface KindDiff {
  readonly added: readonly ItemSummary[];
  readonly removed: readonly ItemSummary[];
  readonly changed: readonly ItemChange[];
}

/** The semantic diff of two revisions. */
export interface StrategyDiff {
  /** Goals files that exist only in one revision (a moved file is one of each), and those that could not be parsed. */
  readonly files: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly unparsableInBase: readonly string[];
    readonly unparsableInHead: readonly string[];
  };
  readonly objectives: KindDiff;
  readonly departments: KindDiff;
  readonly audiences: KindDiff;
  readonly kpis: KindDiff;
  readonly goals: KindDiff;
  /**
   * Findings of the head that the base does not have; findings of the base the head no longer has on items
   * it kept (fixed); and findings that left with the items or files the change removed (not fixed: nobody
   * fixed them). Each list errors first.
   */
  readonly findings: { readonly introduced: readonly Finding[]; readonly fixed: readonly Finding[]; readonly removedWithItems: readonly Finding[] };
}

/** The sections of a diff that hold items, in the order reports show them. */
export const DIFF_SECTIONS = ['objectives', 'goals', 'kpis', 'departments', 'audiences'] as const;

/** A section of a diff that holds items. */
export type DiffSection = (typeof DIFF_SECTIONS)[number];

/** The kind of item each section holds. */
export const KIND_OF_SECTION: Readonly<Record<DiffSection, ItemKind>> = {
  objectives: 'objective',
  goals: 'goal',
  kpis: 'kpi',
  departments: 'department',
  audiences: 'audience',
};

/** Severities from most to least serious. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** Whether the diff holds no change at all: no item, file or finding changed. */
export function isEmptyDiff(diff: StrategyDiff): boolean {
  const kinds = DIFF_SECTIONS.every((section) => diff[section].added.length + diff[section].removed.length + diff[section].changed.length === 0);
  const files = diff.files.added.length + diff.files.removed.length + diff.files.unparsableInBase.length + diff.files.unparsableInHead.length === 0;
  return kinds && files && diff.findings.introduced.length + diff.findings.fixed.length + diff.findings.removedWithItems.length === 0;
}

/** Compares two revisions of a strategy. Deterministic: the same sides always give the same diff, in the same order. */
export function diffStrategies(base: DiffSide, head: DiffSide): StrategyDiff {
  const baseFiles = new Set(base.models.map((model) => model.file));
  const headFiles = new Set(head.models.map((model) => model.file));
  const baseItems = itemsOf(base);
  const headItems = itemsOf(head);
  return {
    files: {
      added: sorted([...headFiles].filter((file) => !baseFiles.has(file))),
      removed: sorted([...baseFiles].filter((file) => !headFiles.has(file))),
      unparsableInBase: sorted(base.unparsable ?? []),
      unparsableInHead: sorted(head.unparsable ?? []),
    },
    objectives: diffKind<Objective>('objective', baseItems, headItems, objectiveChanges),
    departments: diffKind<Department>('department', baseItems, headItems, (before, after) => ({
      changes: scalars(before, after, { name: (item) => item.name }),
    })),
    audiences: diffKind<Audience>('audience', baseItems, headItems, (before, after) => ({
      changes: [...scalars(before, after, { name: (item) => item.name }), ...lists(before, after, { platforms: (item) => item.platforms })],
    })),
    kpis: diffKind<Kpi>('kpi', baseItems, headItems, kpiChanges),
    goals: diffKind<Goal>('goal', baseItems, headItems, goalChanges),
    findings: diffFindings(base, head),
  };
}

/**
 * The item each finding of an analysis sits in: `kind id` of the item whose mapping holds the finding's
 * start. Findings outside every item (a syntax error between items, a missing `goalpost:` key) have none.
 */
export function findingOwners(analysis: Pick<Analysis, 'findings' | 'workspace' | 'rangeOf'>): Map<Finding, string> {
  const byFile = new Map<string, { owner: string; range: Range }[]>();
  for (const item of analysis.workspace.items()) {
    if (item.id === undefined) continue;
    const list = byFile.get(item.file) ?? [];
    list.push({ owner: `${item.kind} ${item.id}`, range: analysis.rangeOf(item.file, { path: item.path }) });
    byFile.set(item.file, list);
  }
  for (const list of byFile.values()) list.sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
  const owners = new Map<Finding, string>();
  for (const finding of analysis.findings) {
    const list = byFile.get(finding.file);
    if (!list) continue;
    // The last item starting at or before the finding, if the finding also starts before that item ends.
    let low = 0;
    let high = list.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (before(finding.range.start, list[middle].range.start)) high = middle - 1;
      else {
        found = middle;
        low = middle + 1;
      }
    }
    const candidate = list[found];
    if (candidate && before(finding.range.start, candidate.range.end)) owners.set(finding, candidate.owner);
  }
  return owners;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Every item with an id, of the files that parsed, in file order then document order. */
function itemsOf(side: DiffSide): Item[] {
  const skip = new Set(side.unparsable ?? []);
  const out: Item[] = [];
  for (const model of [...side.models].sort((a, b) => compare(a.file, b.file))) {
    if (skip.has(model.file)) continue;
    for (const item of [...model.objectives, ...model.departments, ...model.audiences, ...model.kpis, ...model.goals]) {
      if (item.id !== undefined) out.push(item);
    }
  }
  return out;
}

/** How two revisions of one item differ. */
type Changes<T> = (before: T, after: T) => { changes: FieldChange[]; targets?: TargetsDiff };

function diffKind<T extends Item>(kind: T['kind'], baseItems: readonly Item[], headItems: readonly Item[], changesOf: Changes<T>): KindDiff {
  const ofKind = (items: readonly Item[]) => items.filter((item): item is T => item.kind === kind);
  const pairs = pairUp(
    ofKind(baseItems),
    ofKind(headItems),
    (item) => item.id as string,
    (item) => item.file,
  );
  const changed: ItemChange[] = [];
  for (const [before, after] of pairs.matched) {
    const { changes, targets } = changesOf(before, after);
    const moved = before.file !== after.file;
    if (changes.length === 0 && !targets && !moved) continue;
    changed.push({
      ...summary(after),
      ...(moved && { movedFrom: before.file }),
      changes,
      ...(targets && { targets }),
    });
  }
  return {
    added: pairs.added.map(summary),
    removed: pairs.removed.map(summary),
    changed,
  };
}

function summary(item: Item): ItemSummary {
  const title = itemTitle(item);
  return { id: item.id as string, ...(title !== undefined && { title }), file: item.file };
}

const objectiveChanges: Changes<Objective> = (before, after) => ({
  changes: scalars(before, after, {
    title: (item) => item.title,
    metric: (item) => item.metric,
    owner: (item) => item.owner,
    deadline: (item) => item.deadline,
  }),
});

const kpiChanges: Changes<Kpi> = (before, after) => ({
  changes: [
    ...scalars(before, after, { name: (item) => item.name, metric: (item) => item.metric, unit: (item) => item.unit, platform: (item) => item.platform }),
    ...lists(before, after, { supports: (item) => item.supports, owners: (item) => item.owners }),
  ],
});

const goalChanges: Changes<Goal> = (before, after) => {
  const changes = [
    ...scalars(before, after, { title: (goal) => goal.title }),
    ...lists(before, after, { supports: (goal) => goal.supports }),
    ...scalars(before, after, {
      department: (goal) => goal.department,
      start: (goal) => goal.start,
      deadline: (goal) => goal.deadline,
      platform: (goal) => goal.platform,
      audience: (goal) => goal.audience,
      funnel: (goal) => goal.funnel,
      parent: (goal) => goal.parent,
      review: (goal) => goal.review,
      last_reviewed: (goal) => goal.lastReviewed,
      confidence: (goal) => goal.confidence,
    }),
  ];
  const targets = diffTargets(before.targets, after.targets);
  return { changes, ...(targets && { targets }) };
};

/** Targets matched by KPI (in order when a goal has several on one KPI); undefined when none changed. */
function diffTargets(before: readonly Target[], after: readonly Target[]): TargetsDiff | undefined {
  // A target without a KPI is matched with the base's target-without-KPI at the same rank.
  const pairs = pairUp(
    before,
    after,
    (target) => target.kpi ?? '',
    () => '',
  );
  const changed: TargetChange[] = [];
  for (const [old, now] of pairs.matched) {
    const changes = scalars(old, now, { baseline: (t) => t.baseline, target: (t) => t.target, current: (t) => t.current, direction: (t) => t.direction });
    if (changes.length > 0) changed.push({ ...(now.kpi !== undefined && { kpi: now.kpi }), changes });
  }
  if (pairs.added.length + pairs.removed.length + changed.length === 0) return undefined;
  return { added: pairs.added.map(targetSummary), removed: pairs.removed.map(targetSummary), changed };
}

function targetSummary(target: Target): TargetSummary {
  return {
    ...(target.kpi !== undefined && { kpi: target.kpi }),
    ...(target.baseline !== undefined && { baseline: target.baseline }),
    ...(target.target !== undefined && { target: target.target }),
    ...(target.current !== undefined && { current: target.current }),
    ...(target.direction !== undefined && { direction: target.direction }),
  };
}

/** The scalar fields whose values differ, in the order given. */
function scalars<T>(before: T, after: T, fields: Partial<Record<ScalarField, (item: T) => string | number | undefined>>): ScalarChange[] {
  const out: ScalarChange[] = [];
  for (const [field, get] of Object.entries(fields) as [ScalarField, (item: T) => string | number | undefined][]) {
    const old = get(before);
    const now = get(after);
    if (old === now) continue;
    out.push({ field, ...(old !== undefined && { before: old }), ...(now !== undefined && { after: now }) });
  }
  return out;
}

/** The list fields whose entries differ, each with what was added and removed, in the order given. */
function lists<T>(before: T, after: T, fields: Partial<Record<ListField, (item: T) => readonly string[]>>): ListChange[] {
  const out: ListChange[] = [];
  for (const [field, get] of Object.entries(fields) as [ListField, (item: T) => readonly string[]][]) {
    const old = new Set(get(before));
    const now = new Set(get(after));
    const added = [...now].filter((entry) => !old.has(entry));
    const removed = [...old].filter((entry) => !now.has(entry));
    if (added.length + removed.length > 0) out.push({ field, added, removed });
  }
  return out;
}

/**
 * Findings matched by rule, owning item and message. Among findings with the same identity (one problem
 * reported twice), those in the same file pair up first, then the rest in order, so a moved file's
 * findings stay matched.
 */
function diffFindings(base: DiffSide, head: DiffSide): StrategyDiff['findings'] {
  const identity = (finding: Finding, side: 'base' | 'head') => {
    const owner = (side === 'base' ? base : head).owners?.get(finding) ?? '';
    return `${finding.rule}\u0000${owner}\u0000${finding.message}`;
  };
  const pairs = pairUp(base.findings, head.findings, identity, (finding) => finding.file);
  // A base finding whose item (or, outside items, whose file) is gone from the head left with it.
  const headOwners = new Set(itemsOf(head).map((item) => `${item.kind} ${item.id}`));
  const headFiles = new Set(head.models.map((model) => model.file));
  const gone = (finding: Finding) => {
    const owner = base.owners?.get(finding);
    return owner !== undefined ? !headOwners.has(owner) && !(head.unparsable ?? []).includes(finding.file) : !headFiles.has(finding.file);
  };
  return {
    introduced: sortedFindings(pairs.added),
    fixed: sortedFindings(pairs.removed.filter((finding) => !gone(finding))),
    removedWithItems: sortedFindings(pairs.removed.filter(gone)),
  };
}

/** Errors first, then by place: the order a reviewer reads findings in. */
function sortedFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      compare(a.file, b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      compare(a.rule, b.rule) ||
      compare(a.message, b.message),
  );
}

/**
 * Pairs base and head entries with the same key: first those in the same file, then the rest in order.
 * Unpaired head entries are added, unpaired base entries removed; every list keeps its input order.
 */
function pairUp<T>(
  base: readonly T[],
  head: readonly T[],
  keyOf: (entry: T, side: 'base' | 'head') => string,
  fileOf: (entry: T) => string,
): { matched: [T, T][]; added: T[]; removed: T[] } {
  const waiting = new Map<string, T[]>();
  for (const entry of base) {
    const key = keyOf(entry, 'base');
    const list = waiting.get(key);
    if (list) list.push(entry);
    else waiting.set(key, [entry]);
  }
  const partner = new Map<T, T>();
  const unmatched: T[] = [];
  const headKeys = new Map(head.map((entry) => [entry, keyOf(entry, 'head')]));
  for (const entry of head) {
    const candidates = waiting.get(headKeys.get(entry) as string);
    const index = candidates ? candidates.findIndex((candidate) => fileOf(candidate) === fileOf(entry)) : -1;
    if (candidates && index >= 0) partner.set(entry, candidates.splice(index, 1)[0]);
    else unmatched.push(entry);
  }
  for (const entry of unmatched) {
    const candidate = waiting.get(headKeys.get(entry) as string)?.shift();
    if (candidate !== undefined) partner.set(entry, candidate);
  }
  const used = new Set(partner.values());
  return {
    matched: head.filter((entry) => partner.has(entry)).map((entry) => [partner.get(entry) as T, entry]),
    added: head.filter((entry) => !partner.has(entry)),
    removed: base.filter((entry) => !used.has(entry)),
  };
}

/** Code-unit order, the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sorted(files: readonly string[]): string[] {
  return [...new Set(files)].sort(compare);
}
