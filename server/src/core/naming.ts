/** How messages name things, so every rule words them alike. */
import type { Goal, Item, ItemKind, Target } from './model';

const NOUN: Readonly<Record<ItemKind, string>> = {
  objective: 'objective',
  department: 'department',
  audience: 'audience',
  kpi: 'KPI',
  goal: 'goal',
};

/** Ids and keys longer than this are shortened in messages: a multi-megabyte scalar must not become a multi-megabyte message. */
const MAX_QUOTED = 80;

/** Quotes a user's id or key in backticks for a message, shortened with "…" when very long. */
export function code(text: string): string {
  return `\`${text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text}\``;
}

/** "goal", "KPI"… */
export function kindNoun(kind: ItemKind): string {
  return NOUN[kind];
}

/** "Goal `ig-traffic`" (capitalized), or "Goal 3" for an item without an id. */
export function itemLabel(item: Item, capital = true): string {
  const noun = NOUN[item.kind];
  const name = item.id !== undefined ? `${noun} ${code(item.id)}` : `${noun} ${Number(item.path[1]) + 1}`;
  return capital ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

/** An item's own title: the `title` of an objective or goal, the `name` of the other kinds. */
export function itemTitle(item: Item): string | undefined {
  return item.kind === 'objective' || item.kind === 'goal' ? item.title : item.name;
}

/** Formats a list of ids as "`a`, `b` and `c`". */
export function idList(ids: readonly string[]): string {
  const quoted = ids.map(code);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** "The target on KPI `k` of goal `g`", or "Target 2 of goal `g`" when it names no KPI. */
export function targetLabel(goal: Goal, target: Target): string {
  const owner = itemLabel(goal, false);
  return target.kpi !== undefined
    ? `The target on KPI ${code(target.kpi)} of ${owner}`
    : `Target ${Number(target.path[target.path.length - 1]) + 1} of ${owner}`;
}

/** Quotes a user's value for a message, briefly. */
export function show(value: unknown, max = 40): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return `"${value.length > max ? `${value.slice(0, max)}…` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
