/**
 * Goalpost's own LSP messages, declared once and shared by the server, the VS Code client and tests.
 * Only types and method names: importing this pulls no server code into a client.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { OutlineKind, OutlineStatus } from './core/outline';
import type { Range, Severity } from './core/types';

/** A node of the goal tree, as `goalpost/outline` returns it. `uri` and `range` point at the source. */
export interface OutlineItem {
  readonly kind: OutlineKind;
  readonly id?: string;
  readonly label: string;
  readonly uri?: string;
  /** 0-based, LSP-shaped. */
  readonly range?: Range;
  /** 0..1 where measurable. */
  readonly progress?: number;
  readonly status?: OutlineStatus;
  readonly worst?: Severity;
  readonly children: readonly OutlineItem[];
}

/** Parameters of `goalpost/outline`: one document's outline, or the whole workspace's when `uri` is absent. */
export interface OutlineParams {
  readonly uri?: string;
}

/** The goal tree: objectives → goals → targets, plus goals linked to no objective. */
export interface OutlineResult {
  readonly items: readonly OutlineItem[];
}

/** `goalpost/outline`: the outline model for a document or the workspace. A namespace, as LSP declares its own messages. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace OutlineRequest {
  export const method = 'goalpost/outline';
  export const type = new RequestType<OutlineParams, OutlineResult, void>(method);
}
