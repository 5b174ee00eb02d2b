/**
 * The diagram page: draws the strategy graph it is given as data with the same pure renderer as
 * `goalpost render`, and adds zoom and pan (@panzoom/panzoom), fit-to-view, keyboard navigation, the
 * department and objective filters, collapse and expand, and reveal on click. Runs in a VS Code webview and
 * as a standalone file; user text reaches the DOM only as escaped SVG markup or through textContent.
 */
import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';
import { UNALIGNED_KEY, type GraphNode, type StrategyGraph } from '../../server/src/core/render/graph';
import { layoutGraph, type Layout } from '../../server/src/core/render/layout';
import { isHostMessage, PAGE_DATA_ID, type HostMessage, type PageData } from '../../server/src/core/render/messages';
import { renderSvg } from '../../server/src/core/render/svg';
import { defaultView, visibleGraph, type ViewState } from '../../server/src/core/render/view';
import { assertNever, connectHost } from './host';
import { directionOf, nearest, type NavBox } from './nav';

const element = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page lacks #${id}.`);
  return found as T;
};

const viewport = element<HTMLDivElement>('gp-viewport');
const canvas = element<HTMLDivElement>('gp-canvas');
const statusLine = element<HTMLSpanElement>('gp-status');
const departmentSelect = element<HTMLSelectElement>('gp-department');
const objectiveSelect = element<HTMLSelectElement>('gp-objective');

const say = (text: string) => {
  statusLine.textContent = text;
};
const host = connectHost(say);

/** Everything the page shows; one owner, changed only through the functions below. */
const state = {
  graph: { nodes: [], edges: [], departments: [] } as StrategyGraph,
  view: { collapsed: [] } as ViewState,
  active: new Set<string>(),
  selected: undefined as string | undefined,
  layout: undefined as Layout | undefined,
  nodes: new Map<string, GraphNode>(),
  boxes: [] as NavBox[],
  rendered: false,
  /** What the last drawing was made from (see render), so an update that shows nothing new redraws nothing. */
  drawing: '',
};

/** Whether the user has panned or zoomed since the last fit (then a resize keeps their view). */
let userMoved = false;

const panzoom: PanzoomObject = Panzoom(canvas, { canvas: true, minScale: 0.02, maxScale: 4, step: 0.25, cursor: 'grab' });

/** Draws the current view. `fit`: fit the diagram to the viewport afterwards (first paint, filter change). */
function render(fit: boolean): void {
  const focusedKey = (document.activeElement as Element | null)?.closest?.('.gp-node')?.getAttribute('data-key') ?? undefined;
  const visible = visibleGraph(state.graph, state.view);
  // What the drawing depends on: an edit inside a collapsed subtree (most keystrokes in a large strategy)
  // changes nothing shown, and then neither the layout nor the DOM is redone.
  const drawing = JSON.stringify([visible, [...state.active].sort()]);
  if (state.rendered && !fit && drawing === state.drawing) {
    markSelected();
    return;
  }
  state.drawing = drawing;
  const layout = layoutGraph(visible);
  state.layout = layout;
  state.boxes = layout.nodes.map((placed) => ({ key: placed.node.key, x: placed.x, y: placed.y, width: placed.box.width, height: placed.box.height }));
  if (state.graph.nodes.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'gp-empty';
    empty.textContent = 'No objectives, goals or KPIs to show yet.';
    canvas.replaceChildren(empty);
    say('');
    return;
  }
  const markup = renderSvg(layout, { standalone: false, interactive: true, active: state.active });
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
  if (parsed.querySelector('parsererror')) {
    say('The diagram could not be drawn.');
    return;
  }
  canvas.replaceChildren(document.importNode(parsed.documentElement, true));
  const hiddenCount = Object.values(layout.hidden).reduce((sum, count) => sum + count, 0);
  say(`${visible.nodes.length} of ${state.graph.nodes.length} shown${hiddenCount > 0 ? ` · ${hiddenCount} collapsed` : ''}`);
  const keep = focusedKey ?? state.selected;
  markSelected();
  setRovingFocus(keep !== undefined && nodeElement(keep) ? keep : layout.nodes[0]?.node.key, focusedKey !== undefined);
  // Panzoom applies its start position in a timeout of its own; the first fit is queued behind it.
  if (!state.rendered) {
    // The benchmark reads this mark: navigation start → the first diagram in the DOM.
    performance.mark('goalpost:first-render');
    setTimeout(openView);
  } else if (fit) openView();
  state.rendered = true;
}

/** The SVG group of a node, if shown. */
function nodeElement(key: string): SVGGElement | undefined {
  for (const candidate of canvas.querySelectorAll<SVGGElement>('.gp-node')) if (candidate.getAttribute('data-key') === key) return candidate;
  return undefined;
}

/** One node takes part in the tab order (tabindex 0), the others are reached with the arrow keys. */
function setRovingFocus(key: string | undefined, focus: boolean): void {
  for (const node of canvas.querySelectorAll('.gp-node')) node.setAttribute('tabindex', '-1');
  if (key === undefined) return;
  const target = nodeElement(key);
  if (!target) return;
  target.setAttribute('tabindex', '0');
  if (focus) {
    target.focus({ preventScroll: true });
    ensureVisible(target);
  }
}

function markSelected(): void {
  for (const node of canvas.querySelectorAll('.gp-node.gp-selected')) node.classList.remove('gp-selected');
  if (state.selected !== undefined) nodeElement(state.selected)?.classList.add('gp-selected');
}

/**
 * Below this scale the text of a node cannot be read: a diagram that only fits smaller opens at this scale
 * instead, at its top (the objectives) and around the active file's first item. "Fit" still shows it all.
 */
const READABLE_SCALE = 0.5;

/** The diagram's size and the viewport's, or undefined while either has none (a webview may load hidden). */
function sizes(): { width: number; height: number; viewWidth: number; viewHeight: number } | undefined {
  const svg = canvas.querySelector('svg');
  if (!svg || viewport.clientWidth === 0 || viewport.clientHeight === 0) return undefined;
  return { width: svg.width.baseVal.value, height: svg.height.baseVal.value, viewWidth: viewport.clientWidth, viewHeight: viewport.clientHeight };
}

/** The scale at which the whole diagram fits the viewport (never above 100%). */
function fittedScale(size: NonNullable<ReturnType<typeof sizes>>): number {
  return Math.max(0.02, Math.min(1, (0.96 * size.viewWidth) / size.width, (0.96 * size.viewHeight) / size.height));
}

/** Scales and centres the whole diagram in the viewport (never above 100%). */
function fitToView(): void {
  const size = sizes();
  // The resize observer below fits once the viewport has a size.
  if (!size) return;
  userMoved = false;
  const scale = fittedScale(size);
  panzoom.zoom(scale, { animate: false, force: true });
  // Panzoom scales around the element's centre: the centre lands at translate × scale from where it sits unscaled.
  panzoom.pan((size.viewWidth / 2 - size.width / 2) / scale, (size.viewHeight / 2 - size.height / 2) / scale, { animate: false, force: true });
}

/** The first view of a diagram: all of it when it fits readably, else its top at a readable scale. */
function openView(): void {
  const size = sizes();
  if (!size) return;
  if (fittedScale(size) >= READABLE_SCALE) {
    fitToView();
    return;
  }
  userMoved = false;
  const scale = READABLE_SCALE;
  const margin = 16;
  // Horizontally, the active file's first item in the middle (else the left edge); vertically, the top.
  const anchor = state.boxes.find((box) => state.active.has(box.key));
  const left = anchor ? Math.max(0, Math.min(size.width - size.viewWidth / scale, anchor.x + anchor.width / 2 - size.viewWidth / scale / 2)) : 0;
  panzoom.zoom(scale, { animate: false, force: true });
  // With scaling around the centre, a diagram point p shows at width/2 + (p - width/2 + translate) × scale.
  const translateX = (margin - size.width / 2) / scale + size.width / 2 - left;
  const translateY = (margin - size.height / 2) / scale + size.height / 2;
  panzoom.pan(translateX, translateY, { animate: false, force: true });
}

/** Pans so that an element is inside the viewport, with a margin. */
function ensureVisible(target: Element): void {
  const box = target.getBoundingClientRect();
  const frame = viewport.getBoundingClientRect();
  const margin = 24;
  let dx = 0;
  let dy = 0;
  if (box.left < frame.left + margin) dx = frame.left + margin - box.left;
  else if (box.right > frame.right - margin) dx = frame.right - margin - box.right;
  if (box.top < frame.top + margin) dy = frame.top + margin - box.top;
  else if (box.bottom > frame.bottom - margin) dy = frame.bottom - margin - box.bottom;
  if (dx !== 0 || dy !== 0) {
    const scale = panzoom.getScale();
    panzoom.pan(dx / scale, dy / scale, { relative: true, animate: false, force: true });
  }
}

/** Opens a node's source (in VS Code) or shows where it is (standalone). */
function reveal(key: string): void {
  const node = state.nodes.get(key);
  if (!node) return;
  state.selected = key;
  markSelected();
  host.post({ type: 'reveal', key, file: node.file, range: node.range });
}

function setView(view: ViewState, fit: boolean): void {
  state.view = view;
  host.save({ view });
  host.post({ type: 'view', view });
  render(fit);
}

function toggle(key: string): void {
  const collapsed = state.view.collapsed.includes(key) ? state.view.collapsed.filter((other) => other !== key) : [...state.view.collapsed, key];
  setView({ ...state.view, collapsed }, false);
}

/** A new graph: index it, rebuild the filters, keep the view where it still applies. */
function setGraph(graph: StrategyGraph, active: readonly string[], view: ViewState | undefined): void {
  state.graph = graph;
  state.nodes = new Map(graph.nodes.map((node) => [node.key, node]));
  state.active = new Set(active);
  const keys = new Set([...state.nodes.keys(), UNALIGNED_KEY]);
  const start = view ?? (state.rendered ? state.view : defaultView(graph));
  state.view = {
    collapsed: start.collapsed.filter((key) => keys.has(key)),
    department: graph.departments.some((department) => department.id === start.department) ? start.department : undefined,
    objective: start.objective !== undefined && keys.has(start.objective) ? start.objective : undefined,
  };
  fillSelect(
    departmentSelect,
    'All departments',
    graph.departments.map((department) => ({ value: department.id, text: department.name })),
    state.view.department,
  );
  const objectives = graph.nodes.filter((node) => node.kind === 'objective');
  fillSelect(
    objectiveSelect,
    'All objectives',
    objectives.map((node) => ({ value: node.key, text: node.title })),
    state.view.objective,
  );
  render(false);
}

/** Replaces a select's options; texts are set as text. */
function fillSelect(select: HTMLSelectElement, all: string, options: readonly { value: string; text: string }[], chosen: string | undefined): void {
  const first = document.createElement('option');
  first.value = '';
  first.textContent = all;
  const rest = options.map((option) => {
    const entry = document.createElement('option');
    entry.value = option.value;
    entry.textContent = option.text.length > 80 ? `${option.text.slice(0, 79)}…` : option.text;
    return entry;
  });
  select.replaceChildren(first, ...rest);
  select.value = chosen ?? '';
}

function handle(message: HostMessage): void {
  switch (message.type) {
    case 'model':
      setGraph(message.graph, message.active, undefined);
      return;
    case 'highlight':
      state.selected = message.key ?? undefined;
      markSelected();
      if (message.key !== null) {
        const target = nodeElement(message.key);
        if (target) ensureVisible(target);
      }
      return;
    case 'requestSvg':
      if (state.layout) host.post({ type: 'svg', svg: renderSvg(state.layout, { standalone: true, active: state.active }) });
      return;
    default:
      assertNever(message);
  }
}

// Pointer: a click (not the end of a drag) on a toggle collapses or expands, on a node reveals it.
let down: { x: number; y: number } | undefined;
viewport.addEventListener('pointerdown', (event) => {
  down = { x: event.clientX, y: event.clientY };
});
viewport.addEventListener('click', (event) => {
  if (down && Math.hypot(event.clientX - down.x, event.clientY - down.y) > 4) return;
  const target = event.target as Element;
  const toggleKey = target.closest('[data-toggle]')?.getAttribute('data-toggle');
  if (toggleKey) {
    toggle(toggleKey);
    return;
  }
  const node = target.closest('.gp-node');
  const key = node?.getAttribute('data-key');
  if (!node || !key) return;
  setRovingFocus(key, true);
  reveal(key);
});

// Keyboard: arrows move between nodes, Enter reveals, Space collapses or expands an objective.
canvas.addEventListener('keydown', (event) => {
  const node = (event.target as Element).closest('.gp-node');
  const key = node?.getAttribute('data-key');
  if (!key) return;
  const direction = directionOf(event.key);
  if (direction) {
    event.preventDefault();
    const from = state.boxes.find((box) => box.key === key);
    const next = from && nearest(from, state.boxes, direction);
    if (next) setRovingFocus(next.key, true);
    return;
  }
  if (event.key === 'Enter') {
    event.preventDefault();
    reveal(key);
  } else if (event.key === ' ' && state.layout?.collapsible.includes(key)) {
    event.preventDefault();
    toggle(key);
  }
});

// The wheel pans, as scrolling would; with Ctrl or ⌘ (and a trackpad pinch, which arrives as Ctrl+wheel) it zooms.
viewport.addEventListener(
  'wheel',
  (event) => {
    event.preventDefault();
    userMoved = true;
    if (event.ctrlKey || event.metaKey) {
      panzoom.zoomWithWheel(event);
      return;
    }
    const scale = panzoom.getScale();
    panzoom.pan(-event.deltaX / scale, -event.deltaY / scale, { relative: true, animate: false });
  },
  { passive: false },
);

element('gp-fit').addEventListener('click', fitToView);
element('gp-zoom-in').addEventListener('click', () => {
  userMoved = true;
  panzoom.zoomIn({ animate: false });
});
element('gp-zoom-out').addEventListener('click', () => {
  userMoved = true;
  panzoom.zoomOut({ animate: false });
});
// The viewport changes size with the panel (side bar, editor groups, a webview shown after loading hidden):
// the diagram is fitted again until the user pans or zooms it.
viewport.addEventListener('pointermove', (event) => {
  if (event.buttons !== 0) userMoved = true;
});
new ResizeObserver(() => {
  if (state.rendered && !userMoved) openView();
}).observe(viewport);
element('gp-expand-all').addEventListener('click', () => setView({ ...state.view, collapsed: [] }, true));
element('gp-collapse-all').addEventListener('click', () => setView({ ...state.view, collapsed: [...(state.layout?.collapsible ?? [])] }, true));
element('gp-export').addEventListener('click', () => {
  if (state.layout) host.post({ type: 'svg', svg: renderSvg(state.layout, { standalone: true, active: state.active }) });
});
departmentSelect.addEventListener('change', () => setView({ ...state.view, department: departmentSelect.value || undefined }, true));
objectiveSelect.addEventListener('change', () => setView({ ...state.view, objective: objectiveSelect.value || undefined }, true));

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) handle(event.data);
});

const dataElement = document.getElementById(PAGE_DATA_ID);
const data = dataElement?.textContent ? (JSON.parse(dataElement.textContent) as Partial<PageData>) : {};
if (data.graph) setGraph(data.graph, data.active ?? [], host.saved()?.view ?? data.view);
host.post({ type: 'ready' });
