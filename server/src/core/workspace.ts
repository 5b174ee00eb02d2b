/**
 * The cross-file index: every file's model, every id with its definitions, every reference, and the
 * relations rules ask about (which goals support an objective, which goals target a KPI…).
 */
import type { Audience, Department, Goal, GoalsModel, Item, ItemKind, Kpi, Objective, Period, Reference } from './model';
import { appendAll } from './arrays';

/** The index over all goal files of one workspace. Ids are global across its files. */
export class Workspace {
  /** Every definition of each id, in file order then document order. */
  readonly definitions = new Map<string, Item[]>();
  readonly objectives: Objective[] = [];
  readonly departments: Department[] = [];
  readonly audiences: Audience[] = [];
  readonly kpis: Kpi[] = [];
  readonly goals: Goal[] = [];
  readonly references: Reference[] = [];
  /** The workspace's period: the one file that declares a period, else undefined. */
  readonly period?: Period;
  private readonly goalsByTargetKpi = new Map<string, Goal[]>();
  /** The first definition of each id among the items of each kind: rules ask `find` thousands of times. */
  private readonly firstOfKind: Readonly<Record<ItemKind, Map<string, Item>>> = {
    objective: new Map(),
    department: new Map(),
    audience: new Map(),
    kpi: new Map(),
    goal: new Map(),
  };
  private readonly modelsByFile: Map<string, GoalsModel>;

  /**
   * @param unreadable The text of items that a YAML syntax error kept from being read as written; the
   *   links written there are unknown (see `mayLinkTo`).
   */
  constructor(
    readonly models: readonly GoalsModel[],
    private readonly unreadable: readonly string[] = [],
  ) {
    this.modelsByFile = new Map(models.map((model) => [model.file, model]));
    for (const model of models) {
      appendAll(this.objectives, model.objectives);
      appendAll(this.departments, model.departments);
      appendAll(this.audiences, model.audiences);
      appendAll(this.kpis, model.kpis);
      appendAll(this.goals, model.goals);
      appendAll(this.references, model.references);
    }
    // Plain loops, not `items()`: this index is rebuilt on every keystroke, and a generator per item showed.
    for (const model of models) for (const list of itemLists(model)) for (const item of list) this.define(item);
    for (const goal of this.goals) {
      const targets = goal.targets;
      for (let index = 0; index < targets.length; index++) {
        const kpi = targets[index].kpi;
        // Each goal once per KPI, however many of its targets measure it.
        if (kpi === undefined || targets.findIndex((target) => target.kpi === kpi) !== index) continue;
        const list = this.goalsByTargetKpi.get(kpi);
        if (list) list.push(goal);
        else this.goalsByTargetKpi.set(kpi, [goal]);
      }
    }
    const periods = models.filter((model) => model.period);
    this.period = periods.length === 1 ? periods[0].period : undefined;
  }

  private define(item: Item): void {
    if (item.id === undefined) return;
    const list = this.definitions.get(item.id);
    const ofKind = this.firstOfKind[item.kind];
    if (!list) {
      // An id seen for the first time is the first of its kind too.
      this.definitions.set(item.id, [item]);
      ofKind.set(item.id, item);
      return;
    }
    list.push(item);
    if (!ofKind.has(item.id)) ofKind.set(item.id, item);
  }

  /**
   * Whether an item that could not be read (a YAML syntax error inside it) may link to this id. Rules that
   * conclude from absence ("no goal supports this objective") stay quiet then: their finding would be
   * built on the broken item.
   */
  mayLinkTo(id: string): boolean {
    if (this.unreadable.length === 0) return false;
    const word = new RegExp(`(^|[^A-Za-z0-9_.-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_.-])`);
    return this.unreadable.some((text) => word.test(text));
  }

  /** Every item of every kind, files in order. */
  *items(): IterableIterator<Item> {
    for (const model of this.models) for (const list of itemLists(model)) yield* list;
  }

  /** The first definition of `id` among the items of `kind`. */
  find<K extends ItemKind>(kind: K, id: string | undefined): Extract<Item, { kind: K }> | undefined {
    if (id === undefined) return undefined;
    return this.firstOfKind[kind].get(id) as Extract<Item, { kind: K }> | undefined;
  }

  /** Ids defined with `kind`, sorted, for suggestions and completion. */
  idsOf(kind: ItemKind): string[] {
    const ids = new Set<string>();
    for (const [id, items] of this.definitions) if (items.some((item) => item.kind === kind)) ids.add(id);
    return [...ids].sort();
  }

  /** Goals with at least one target on the KPI. */
  goalsTargeting(kpi: string): readonly Goal[] {
    return this.goalsByTargetKpi.get(kpi) ?? [];
  }

  /** The period that applies to a file: its own, else the workspace's. */
  periodOf(file: string): Period | undefined {
    return this.modelsByFile.get(file)?.period ?? this.period;
  }
}

/** A file's items, kind by kind in the order of a file (objectives, departments, audiences, KPIs, goals). */
function itemLists(model: GoalsModel): readonly (readonly Item[])[] {
  return [model.objectives, model.departments, model.audiences, model.kpis, model.goals];
}
