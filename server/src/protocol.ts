/**
 * Goalpost's own LSP messages, declared once and shared by the server, the VS Code client and tests.
 * Only types and method names: importing this pulls no server code into a client.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { EffectiveConfig } from './core/effectiveConfig';
import type { FindingCounts } from './core/itemFindings';
import type { OutlineGrouping, OutlineKind, OutlineStatus, TargetFigures } from './core/outline';
import type { StrategyGraph } from './core/render/graph';
import type { Range, Severity } from './core/types';

export type { EffectiveConfig, EffectiveRule, TodaySource } from './core/effectiveConfig';
export type { FindingCounts } from './core/itemFindings';
export type { OutlineGrouping, OutlineKind, OutlineStatus, TargetFigures } from './core/outline';
export { OUTLINE_STATUS_WORD } from './core/outline';

/** A node of the goal tree, as `goalpost/outline` returns it. `uri` and the ranges point at the source. */
export interface OutlineItem {
  readonly kind: OutlineKind;
  readonly id?: string;
  readonly label: string;
  readonly uri?: string;
  /** The item's head (its id, else its first key), 0-based, LSP-shaped: where a click goes. */
  readonly range?: Range;
  /** The whole item, 0-based: where the cursor counts as inside the node. */
  readonly extent?: Range;
  /** 0..1 where measurable. */
  readonly progress?: number;
  readonly status?: OutlineStatus;
  readonly worst?: Severity;
  /** Findings inside the item, by severity; absent when there are none. */
  readonly findings?: FindingCounts;
  /** Who owns it: a goal's department, an objective's owner, a KPI's owners (names, else ids). */
  readonly owner?: string;
  /** `YYYY-MM-DD`. */
  readonly start?: string;
  /** `YYYY-MM-DD`. */
  readonly deadline?: string;
  /** A target's KPI and numbers. */
  readonly figures?: TargetFigures;
  readonly children: readonly OutlineItem[];
}

/**
 * Parameters of `goalpost/outline`: one document's outline, or every workspace's when `uri` is absent;
 * grouped by business objective (the default) or by department.
 */
export interface OutlineParams {
  readonly uri?: string;
  readonly groupBy?: OutlineGrouping;
}

/** The goal tree: objectives (or departments) → goals → targets, plus what is linked to nothing. */
export interface OutlineResult {
  readonly items: readonly OutlineItem[];
}

/** `goalpost/outline`: the outline model for a document or the workspace. A namespace, as LSP declares its own messages. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace OutlineRequest {
  export const method = 'goalpost/outline';
  export const type = new RequestType<OutlineParams, OutlineResult, void>(method);
}

/** Parameters of `goalpost/outlineChanged`. */
export interface OutlineChangedParams {
  /** True for the one notification that ends the first index of the workspace folders. */
  readonly indexed: boolean;
}

/**
 * `goalpost/outlineChanged` (server → client): the outline of some workspace may have changed, because a
 * goal file changed (open or not), came or went, or a configuration or setting changed. Sent once
 * after the first index, then at most once per burst of changes; the client asks `goalpost/outline` again.
 */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace OutlineChangedNotification {
  export const method = 'goalpost/outlineChanged';
  export const type = new NotificationType<OutlineChangedParams>(method);
}

/** Parameters of `goalpost/effectiveConfig`. */
export interface EffectiveConfigParams {
  /** The goals file whose configuration is wanted. */
  readonly uri: string;
}

/** The effective configuration of a file, with `file` and `configFile` as URIs, and as text to show. */
export interface EffectiveConfigResult {
  readonly config: EffectiveConfig;
  /** A YAML document in the shape of `.goalpost.yaml`, with comments saying where each value comes from. */
  readonly text: string;
}

/** `goalpost/effectiveConfig`: the `.goalpost.yaml` that applies to a file and every rule's severity and options (null if the server failed to compute it). */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace EffectiveConfigRequest {
  export const method = 'goalpost/effectiveConfig';
  export const type = new RequestType<EffectiveConfigParams, EffectiveConfigResult | null, void>(method);
}

/** Parameters of `goalpost/starterFile`. */
export interface StarterFileParams {
  /** Where the new goals file will be written (it need not exist). */
  readonly uri: string;
}

/** The text of a new goals file. */
export interface StarterFileResult {
  readonly text: string;
  /** How many goal files of the workspace it joins (0 when it starts a new one). */
  readonly joins: number;
}

/**
 * `goalpost/starterFile`: the starter goals file of `goalpost init`, fitted to the workspace the new file
 * joins: it names the objectives, departments and audiences defined there, with ids nobody uses yet.
 */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace StarterFileRequest {
  export const method = 'goalpost/starterFile';
  export const type = new RequestType<StarterFileParams, StarterFileResult | null, void>(method);
}

/** Parameters of `goalpost/diagram`. */
export interface DiagramParams {
  /** A goals file: its workspace is drawn and its items are marked active. Absent (or not a known goals file): the first workspace, nothing active. */
  readonly uri?: string;
}

/** Where a node's whole item spans in the requested file: the cursor inside it selects the node. */
export interface DiagramExtent {
  readonly key: string;
  /** 0-based, LSP-shaped. */
  readonly range: Range;
}

/** The strategy diagram's data for one workspace; node files are URIs. */
export interface DiagramResult {
  readonly graph: StrategyGraph;
  /** Keys of the nodes defined in the requested file (highlighted). */
  readonly active: readonly string[];
  /** The extents of the requested file's nodes, in file order. */
  readonly extents: readonly DiagramExtent[];
  /** A name for the workspace (its configuration's folder, else its files' folder), for the panel's title. */
  readonly title: string;
}

/**
 * `goalpost/diagram`: the strategy graph of the workspace a file belongs to, from the server's analysis,
 * for the preview (which lays it out and draws it with the same renderer as `goalpost render`); null if the
 * server failed to compute it.
 */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace DiagramRequest {
  export const method = 'goalpost/diagram';
  export const type = new RequestType<DiagramParams, DiagramResult | null, void>(method);
}

/**
 * The `workspace/executeCommand` commands the server implements, declared in `executeCommandProvider`.
 * `goalpost-server.showGoal` (arguments: the document URI and a goal id) is a goal code lens's command: it
 * shows the goal's standing and targets as a `window/showMessage`.
 */
export const ServerCommand = { showGoal: 'goalpost-server.showGoal' } as const;
