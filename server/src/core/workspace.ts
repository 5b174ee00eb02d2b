/**
 * The cross-file index: every file's model, every id with its definitions, every reference, and the
 * relations rules ask about (which goals support an objective, which goals target a KPI…).
 */
import type { Audience, Department, Goal, GoalsModel, Item, ItemKind, Kpi, Objective, Period, Reference } from './model';

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
  private readonly modelsByFile: Map<string, GoalsModel>;

  constructor(readonly models: readonly GoalsModel[]) {
    this.modelsByFile = new Map(models.map((model) => [model.file, model]));
    for (const model of models) {
      this.objectives.push(...model.objectives);
      this.departments.push(...model.departments);
      this.audiences.push(...model.audiences);
      this.kpis.push(...model.kpis);
      this.goals.push(...model.goals);
      this.references.push(...model.references);
    }
    for (const item of this.items()) {
      if (item.id === undefined) continue;
      const list = this.definitions.get(item.id);
      if (list) list.push(item);
      else this.definitions.set(item.id, [item]);
    }
    for (const goal of this.goals) {
      for (const kpi of new Set(goal.targets.map((target) => target.kpi))) {
        if (kpi === undefined) continue;
        const list = this.goalsByTargetKpi.get(kpi);
        if (list) list.push(goal);
        else this.goalsByTargetKpi.set(kpi, [goal]);
      }
    }
    const periods = models.filter((model) => model.period);
    this.period = periods.length === 1 ? periods[0].period : undefined;
  }

  /** Every item of every kind, files in order. */
  *items(): IterableIterator<Item> {
    for (const model of this.models) {
      yield* model.objectives;
      yield* model.departments;
      yield* model.audiences;
      yield* model.kpis;
      yield* model.goals;
    }
  }

  /** The first definition of `id` if it is of `kind`. */
  find<K extends ItemKind>(kind: K, id: string | undefined): Extract<Item, { kind: K }> | undefined {
    if (id === undefined) return undefined;
    const item = this.definitions.get(id)?.find((candidate) => candidate.kind === kind);
    return item as Extract<Item, { kind: K }> | undefined;
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
