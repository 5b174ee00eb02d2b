import type { Item, ItemKind } from '../model';
import { code, itemLabel, kindNoun } from '../naming';
import type { Rule } from '../rule';

/** The same id defined twice in the workspace, reported at every definition. */
export const duplicateId: Rule = {
  meta: {
    id: 'duplicate-id',
    description: 'The same id is defined more than once in the workspace.',
    severity: 'error',
    docs: {
      why: 'Ids are global across every goals file of the workspace, so that a department file can support an objective of the company file. Two items with one id make every reference to it ambiguous. Both places are reported, each pointing at the other.',
      bad: '# company.goals.yaml\nobjectives:\n  - id: grow-revenue\n    title: Grow online revenue by 15% in FY2027\n\n# marketing.goals.yaml\ngoals:\n  - id: grow-revenue\n    title: Increase Instagram sessions by 20% by March 31\n',
      good: '# company.goals.yaml\nobjectives:\n  - id: grow-revenue\n    title: Grow online revenue by 15% in FY2027\n\n# marketing.goals.yaml\ngoals:\n  - id: ig-sessions-q1\n    title: Increase Instagram sessions by 20% by March 31\n',
    },
  },
  check(context) {
    for (const [id, items] of context.workspace.definitions) {
      if (items.length < 2) continue;
      for (const item of items) {
        const others = items.filter((other) => other !== item);
        context.report({
          file: item.file,
          place: { path: [...item.path, 'id'] },
          message: `The id ${code(id)} is also used by ${othersPhrase(item, others)}; ids must be unique across the workspace.`,
          related: others.map((other) => ({ file: other.file, place: { path: [...other.path, 'id'] }, message: `${itemLabel(other)} is also defined here.` })),
        });
      }
    }
  },
};

/** "another goal", "an objective", "2 other goals and a KPI": the other definitions, counted by kind. */
function othersPhrase(item: Item, others: readonly Item[]): string {
  const counts = new Map<ItemKind, number>();
  for (const other of others) counts.set(other.kind, (counts.get(other.kind) ?? 0) + 1);
  const phrases = [...counts].map(([kind, count]) => {
    const noun = kindNoun(kind);
    if (kind === item.kind) return count === 1 ? `another ${noun}` : `${count} other ${noun}s`;
    return count === 1 ? `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}` : `${count} ${noun}s`;
  });
  return phrases.length <= 1 ? phrases.join('') : `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}
