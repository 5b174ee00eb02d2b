/**
 * The page's host: the VS Code webview API when there is one, else the standalone page itself, where
 * host-bound messages become local actions (reveal shows the location, export downloads the file) and are
 * also dispatched as a `goalpost:message` event on `window`, so an embedding page or a test can follow them.
 */
import type { PageMessage } from '../../server/src/core/render/messages';
import type { ViewState } from '../../server/src/core/render/view';

/** What the page keeps across a webview reload. */
export interface SavedState {
  readonly view?: ViewState;
}

/** The webview API VS Code injects (only what the page uses). */
interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}

declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

/** The page's link to whoever shows it. */
export interface Host {
  /** Whether a VS Code extension is listening. */
  readonly inVsCode: boolean;
  post(message: PageMessage): void;
  saved(): SavedState | undefined;
  save(state: SavedState): void;
}

/** The host of this page: VS Code's API when present, else the standalone stand-in. */
export function connectHost(say: (text: string) => void): Host {
  if (typeof acquireVsCodeApi === 'function') {
    const api = acquireVsCodeApi();
    return { inVsCode: true, post: (message) => api.postMessage(message), saved: () => api.getState(), save: (state) => api.setState(state) };
  }
  return {
    inVsCode: false,
    post: (message) => {
      standalone(message, say);
      window.dispatchEvent(new CustomEvent('goalpost:message', { detail: message }));
    },
    saved: () => undefined,
    save: () => undefined,
  };
}

/** What a message means without an extension. */
function standalone(message: PageMessage, say: (text: string) => void): void {
  switch (message.type) {
    case 'ready':
    case 'view':
      return;
    case 'reveal':
      say(`${message.file}:${message.range.start.line + 1}`);
      return;
    case 'svg': {
      const url = URL.createObjectURL(new Blob([message.svg], { type: 'image/svg+xml' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'strategy.svg';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return;
    }
    default:
      assertNever(message);
  }
}

/** Compile-time exhaustiveness: a new message type that is not handled fails the type-check. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled message ${JSON.stringify(value)}`);
}
