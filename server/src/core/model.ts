/**
 * The typed model of one goals file, read leniently from the parsed value: a field of the wrong type is
 * left out here (the schema rule reports it), so rules can trust every field they see.
 */
import { isIsoDate } from './dates';
import type { Path } from './types';
import { appendAll } from './arrays';

/** The kinds of things that have ids. Ids are global across the workspace, whatever their kind. */
export type ItemKind = 'objective' | 'department' | 'audience' | 'kpi' | 'goal';

/** Every kind, in the order they appear in a file. */
export const ITEM_KINDS: readonly ItemKind[] = ['objective', 'department', 'audience', 'kpi', 'goal'];

/** The top-level key that holds each kind. */
export const SECTION_OF: Readonly<Record<ItemKind, string>> = {
  objective: 'objectives',
  department: 'departments',
  audience: 'audiences',
  kpi: 'kpis',
  goal: 'goals',
};

/** Fields shared by every item with an id. */
export interface ItemBase {
  readonly kind: ItemKind;
  /** Undefined when the item has no valid id (the schema rule reports that). */
  readonly id?: string;
  /** The file's identifier. */
  readonly file: string;
  /** Path of the item's mapping in its file, such as `['goals', 3]`. */
  readonly path: Path;
}

/** A date range in ISO `YYYY-MM-DD`. */
export interface Period {
  readonly start: string;
  readonly end: string;
}

/** A business objective. */
export interface Objective extends ItemBase {
  readonly kind: 'objective';
  readonly title?: string;
  readonly metric?: string;
  readonly owner?: string;
  readonly deadline?: string;
}

/** A department or team. */
export interface Department extends ItemBase {
  readonly kind: 'department';
  readonly name?: string;
}

/** A target audience. */
export interface Audience extends ItemBase {
  readonly kind: 'audience';
  readonly name?: string;
  readonly platforms: readonly string[];
}

/** A KPI definition. */
export interface Kpi extends ItemBase {
  readonly kind: 'kpi';
  readonly name?: string;
  readonly metric?: string;
  readonly unit?: string;
  readonly platform?: string;
  readonly supports: readonly string[];
  readonly owners: readonly string[];
}

/** Whether a target's value should go up or down. */
export type Direction = 'increase' | 'decrease';

/** A target of a goal on a KPI. */
export interface Target {
  readonly path: Path;
  readonly kpi?: string;
  readonly baseline?: number;
  readonly target?: number;
  readonly current?: number;
  readonly direction?: Direction;
}

/** Review cadences a goal can declare. */
export type Cadence = 'weekly' | 'monthly' | 'quarterly' | 'yearly';

/** A departmental goal. */
export interface Goal extends ItemBase {
  readonly kind: 'goal';
  readonly title?: string;
  readonly department?: string;
  readonly supports: readonly string[];
  readonly platform?: string;
  readonly audience?: string;
  readonly funnel?: string;
  readonly start?: string;
  readonly deadline?: string;
  readonly targets: readonly Target[];
  readonly review?: Cadence;
  readonly lastReviewed?: string;
  readonly confidence?: number;
  readonly parent?: string;
}

/** Any item with an id. */
export type Item = Objective | Department | Audience | Kpi | Goal;

/** A use of an id in a reference field, with the kind of item it must name. */
export interface Reference {
  readonly kind: ItemKind;
  readonly id: string;
  readonly file: string;
  /** Path of the referencing scalar, such as `['goals', 0, 'supports', 1]`; its first two segments name the item it sits in. */
  readonly path: Path;
}

/** The model of one goals file. */
export interface GoalsModel {
  readonly file: string;
  readonly period?: Period;
  readonly objectives: readonly Objective[];
  readonly departments: readonly Department[];
  readonly audiences: readonly Audience[];
  readonly kpis: readonly Kpi[];
  readonly goals: readonly Goal[];
  readonly references: readonly Reference[];
}

type Json = Record<string, unknown>;

/**
 * Items already built, by the parsed mapping they came from. The editor's incremental parser keeps the
 * parsed value of every untouched item, so a keystroke rebuilds only the item it touched. Keyed weakly:
 * entries go with the parse they came from. Items are immutable, so sharing them is safe.
 */
const built = new WeakMap<object, { item: Item; references: readonly Reference[] }>();

/**
 * Builds the model of a file from its parsed value, whatever shape that value has. Items are written as
 * literals with every field, never spread: a spread that overrides a key turns V8 objects into slow
 * dictionaries, which made this three times slower and every rule after it too.
 */
export function buildModel(file: string, value: unknown): GoalsModel {
  const root = asObject(value) ?? {};
  const references: Reference[] = [];
  const items = <T extends Item>(kind: ItemKind, make: (raw: Json, base: ItemBase) => T): T[] => {
    const section = SECTION_OF[kind];
    return list(root[section]).map(({ raw, index }) => {
      const cached = built.get(raw);
      if (cached && cached.item.file === file && cached.item.path[0] === section && cached.item.path[1] === index) {
        appendAll(references, cached.references);
        return cached.item as T;
      }
      const first = references.length;
      const item = make(raw, { kind, id: idString(raw.id), file, path: [section, index] });
      built.set(raw, { item, references: references.slice(first) });
      return item;
    });
  };
  const ref = (at: Path, kind: ItemKind, raw: Json, key: string): string | undefined => {
    const id = idString(raw[key]);
    if (id !== undefined) references.push({ kind, id, file, path: [...at, key] });
    return id;
  };
  const refs = (at: Path, kind: ItemKind, raw: Json, key: string): string[] => {
    const list = Array.isArray(raw[key]) ? (raw[key] as unknown[]) : [];
    const out: string[] = [];
    list.forEach((entry, index) => {
      const id = idString(entry);
      if (id === undefined) return;
      out.push(id);
      references.push({ kind, id, file, path: [...at, key, index] });
    });
    return out;
  };

  const objectives = items<Objective>('objective', (raw, base) => ({
    kind: 'objective',
    id: base.id,
    file,
    path: base.path,
    title: str(raw.title),
    metric: str(raw.metric),
    owner: ref(base.path, 'department', raw, 'owner'),
    deadline: date(raw.deadline),
  }));
  const departments = items<Department>('department', (raw, base) => ({ kind: 'department', id: base.id, file, path: base.path, name: str(raw.name) }));
  const audiences = items<Audience>('audience', (raw, base) => ({
    kind: 'audience',
    id: base.id,
    file,
    path: base.path,
    name: str(raw.name),
    platforms: strings(raw.platforms).map((platform) => platform.toLowerCase()),
  }));
  const kpis = items<Kpi>('kpi', (raw, base) => ({
    kind: 'kpi',
    id: base.id,
    file,
    path: base.path,
    name: str(raw.name),
    metric: str(raw.metric),
    unit: str(raw.unit),
    platform: platform(raw.platform),
    supports: refs(base.path, 'objective', raw, 'supports'),
    owners: refs(base.path, 'department', raw, 'owners'),
  }));
  const goals = items<Goal>('goal', (raw, base) => ({
    kind: 'goal',
    id: base.id,
    file,
    path: base.path,
    title: str(raw.title),
    department: ref(base.path, 'department', raw, 'department'),
    supports: refs(base.path, 'objective', raw, 'supports'),
    platform: platform(raw.platform),
    audience: ref(base.path, 'audience', raw, 'audience'),
    funnel: str(raw.funnel),
    start: date(raw.start),
    deadline: date(raw.deadline),
    targets: list(raw.targets).map(({ raw: target, index }) => {
      const path = [...base.path, 'targets', index];
      return {
        path,
        kpi: ref(path, 'kpi', target, 'kpi'),
        baseline: num(target.baseline),
        target: num(target.target),
        current: num(target.current),
        direction: target.direction === 'increase' || target.direction === 'decrease' ? target.direction : undefined,
      };
    }),
    review: cadence(raw.review),
    lastReviewed: date(raw.last_reviewed),
    confidence: num(raw.confidence),
    parent: ref(base.path, 'goal', raw, 'parent'),
  }));
  const period = asObject(root.period);
  const start = date(period?.start);
  const end = date(period?.end);
  return {
    file,
    period: start && end ? { start, end } : undefined,
    objectives,
    departments,
    audiences,
    kpis,
    goals,
    references,
  };
}

/** The mappings of a sequence with their indexes; other entries are skipped (the schema rule reports them). */
function list(value: unknown): { raw: Json; index: number }[] {
  const entries: { raw: Json; index: number }[] = [];
  if (!Array.isArray(value)) return entries;
  // A loop, not flatMap: this runs over every item of every section on every keystroke.
  for (let index = 0; index < value.length; index++) {
    const raw = asObject(value[index]);
    if (raw) entries.push({ raw, index });
  }
  return entries;
}

function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Ids may be written as numbers in YAML (`id: 2027`); they are compared as strings. */
function idString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return intern(String(value));
  const id = str(value);
  return id === undefined ? undefined : intern(id);
}

/**
 * One string object per id text: the workspace looks ids up tens of thousands of times per keystroke, and
 * a lookup with the very string that was stored is a pointer comparison, not a comparison of characters
 * scattered over the parsed text. Bounded: past the limit it starts again (ids stay equal by content).
 */
function intern(id: string): string {
  const known = INTERNED.get(id);
  if (known !== undefined) return known;
  if (INTERNED.size >= MAX_INTERNED) INTERNED.clear();
  INTERNED.set(id, id);
  return id;
}

const INTERNED = new Map<string, string>();
const MAX_INTERNED = 200_000;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function platform(value: unknown): string | undefined {
  return str(value)?.toLowerCase();
}

/** An ISO date that exists on the calendar, else undefined. */
function date(value: unknown): string | undefined {
  return isIsoDate(value) ? value : undefined;
}

function cadence(value: unknown): Cadence | undefined {
  return value === 'weekly' || value === 'monthly' || value === 'quarterly' || value === 'yearly' ? value : undefined;
}
