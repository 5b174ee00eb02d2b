/**
 * The messages between the diagram page (the webview bundle in client/webview) and its host (the VS Code
 * preview panel, or nobody when the page is a standalone file). One discriminated union each way, handled
 * by exhaustive switches on both sides. Here, in the pure core, both sides can import it without pulling
 * the DOM into the extension or `vscode` into the page.
 */
import type { StrategyGraph } from './graph';
import type { Range } from '../types';
import type { ViewState } from './view';

/** Host → page. */
export type HostMessage =
  /** The strategy to show (sent on open and after every analysis); `active`: keys of the active file's items, highlighted. */
  | { readonly type: 'model'; readonly graph: StrategyGraph; readonly active: readonly string[] }
  /** The cursor moved in a goals file: select this node (null: none). */
  | { readonly type: 'highlight'; readonly key: string | null }
  /** The host's export command: answer with `svg`. */
  | { readonly type: 'requestSvg' };

/** Page → host. */
export type PageMessage =
  /** The page is listening; the host may send the model. */
  | { readonly type: 'ready' }
  /** The user clicked (or pressed Enter on) a node: open its source. `range` is 0-based. */
  | { readonly type: 'reveal'; readonly key: string; readonly file: string; readonly range: Range }
  /** The current diagram as a standalone SVG file, answering `requestSvg` or the page's export button. */
  | { readonly type: 'svg'; readonly svg: string }
  /** The view changed (collapse, filters); the host may keep it for a reload. */
  | { readonly type: 'view'; readonly view: ViewState };

/** What a page starts from, embedded in it as an escaped JSON script (`#goalpost-data`). */
export interface PageData {
  readonly graph: StrategyGraph;
  readonly active?: readonly string[];
  /** The starting view; the strategy's default view when absent. */
  readonly view?: ViewState;
}

/** The id of the JSON script element holding the PageData. */
export const PAGE_DATA_ID = 'goalpost-data';

/** Whether a value received from the other side looks like a host message (it comes through postMessage, untyped). */
export function isHostMessage(value: unknown): value is HostMessage {
  if (value === null || typeof value !== 'object') return false;
  const type = (value as { type?: unknown }).type;
  return type === 'model' || type === 'highlight' || type === 'requestSvg';
}

/** Whether a value received from the page looks like a page message. */
export function isPageMessage(value: unknown): value is PageMessage {
  if (value === null || typeof value !== 'object') return false;
  const type = (value as { type?: unknown }).type;
  return type === 'ready' || type === 'reveal' || type === 'svg' || type === 'view';
}
