import { itemLabel } from '../naming';
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
          target: { path: [...item.path, 'id'] },
          message: `The id \`${id}\` is defined ${items.length} times; ids must be unique across the workspace (also ${others.map((other) => itemLabel(other, false)).join(', ')}).`,
          related: others.map((other) => ({ file: other.file, target: { path: [...other.path, 'id'] }, message: `${itemLabel(other)} is also defined here.` })),
        });
      }
    }
  },
};
