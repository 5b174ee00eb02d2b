/**
 * The strategy graph the diagram shows: objectives, goals (with sub-goals) and KPIs as nodes; `supports`,
 * `parent` and target (`measures`) links as edges. Plain JSON data: the preview receives it as a message
 * and the standalone page as an escaped JSON script. build.ts makes it from the engine's analysis.
 */
import type { OutlineStatus } from '../outline';
import type { Range } from '../types';

/** The kinds of diagram nodes. */
export type NodeKind = 'objective' | 'goal' | 'kpi';

/**
 * What an edge means. Edges point the way the YAML reads: a goal `supports` an objective, a sub-goal
 * names its `parent`, a goal `measures` itself by a KPI in its targets, a KPI `supports` an objective.
 */
export type EdgeKind = 'supports' | 'parent' | 'measures';

/** One node of the diagram. */
export interface GraphNode {
  /** Unique in the graph and stable across edits: `kind:id`, or kind, file and path when the id is missing or repeated. */
  readonly key: string;
  readonly kind: NodeKind;
  readonly id?: string;
  readonly title: string;
  /** The department's display name (a KPI's owners, joined), if any. */
  readonly department?: string;
  /** The department ids, for the department filter. */
  readonly departments: readonly string[];
  /** Where the item is defined: the file as the analysis names it, and the 0-based range of the item's head. */
  readonly file: string;
  readonly range: Range;
  /** 0..1 where measurable. */
  readonly progress?: number;
  /** A goal's status, an objective's worst goal status; `has-errors` when errors sit on the item. */
  readonly status?: OutlineStatus;
  readonly errors: number;
  readonly warnings: number;
  /** Not linked to any business objective: drawn apart, in the unaligned group. */
  readonly unaligned: boolean;
  /** Keys of the objectives this node serves, directly or through parents and goals; for the objective filter. */
  readonly objectives: readonly string[];
}

/** One edge, in the direction the YAML reads (see EdgeKind). */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

/** A department, for the filter. */
export interface GraphDepartment {
  readonly id: string;
  readonly name: string;
}

/** The whole diagram's data. Node and edge order follows the files, so the same input gives the same graph. */
export interface StrategyGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly departments: readonly GraphDepartment[];
}

/** The key of the unaligned group, which collapses like an objective. */
export const UNALIGNED_KEY = 'group:unaligned';
