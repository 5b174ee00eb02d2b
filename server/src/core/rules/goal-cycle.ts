import type { Goal } from '../model';
import { code, itemLabel } from '../naming';
import type { Rule } from '../rule';

/** Goals of a cycle named in one message (and linked as related locations); longer cycles are shortened. */
const MAX_SHOWN = 8;

/** A cycle in the `parent` links of goals, reported at the `parent` value of every goal in it. */
export const goalCycle: Rule = {
  meta: {
    id: 'goal-cycle',
    description: 'The `parent` links of goals form a cycle, so some goal contributes to itself.',
    severity: 'error',
    reads: ['parent'],
    docs: {
      why: 'A goal hierarchy says how departmental goals add up to larger ones and, in the end, to the business objectives. A goal that is its own ancestor breaks that chain: its progress would count towards itself, and no path leads from it to an objective. Every goal in the cycle is reported at its `parent`, with the whole cycle named, so it can be broken wherever it is wrong.',
      bad: 'goals:\n  - id: brand-awareness-2027\n    title: Reach 500,000 people on Instagram in 2027\n    parent: ig-reach-q1\n  - id: ig-reach-q1\n    title: Reach 120,000 people on Instagram by March 31\n    parent: brand-awareness-2027\n',
      good: 'goals:\n  - id: brand-awareness-2027\n    title: Reach 500,000 people on Instagram in 2027\n  - id: ig-reach-q1\n    title: Reach 120,000 people on Instagram by March 31\n    parent: brand-awareness-2027\n',
    },
  },
  check(context) {
    const { workspace } = context;
    // Only links to a defined goal count; a `parent` naming nothing is unknown-reference's business.
    const parentOf = (goal: Goal): Goal | undefined => workspace.find('goal', goal.parent);
    // Each goal has at most one parent, so walking parents from every goal once finds each cycle once.
    const settled = new Set<Goal>();
    for (const start of workspace.goals) {
      const walk: Goal[] = [];
      const position = new Map<Goal, number>();
      let node: Goal | undefined = start;
      while (node && !settled.has(node) && !position.has(node)) {
        position.set(node, walk.length);
        walk.push(node);
        node = parentOf(node);
      }
      if (node && position.has(node)) reportCycle(walk.slice(position.get(node)));
      for (const goal of walk) settled.add(goal);
    }

    function reportCycle(cycle: readonly Goal[]): void {
      cycle.forEach((goal, index) => {
        const place = { path: [...goal.path, 'parent'], part: 'value' as const };
        if (cycle.length === 1) {
          context.report({
            file: goal.file,
            place,
            message: `${itemLabel(goal)} names itself as its \`parent\`; a goal cannot contribute to itself, so name the goal it contributes to or remove \`parent\`.`,
          });
          return;
        }
        // Each member reads the cycle starting from itself.
        const rotated = [...cycle.slice(index), ...cycle.slice(0, index), goal];
        const names = rotated.map((member) => code(member.id ?? ''));
        // A long cycle is shortened, or every one of its n findings would carry all n ids.
        const chain =
          cycle.length <= MAX_SHOWN ? names.join(' → ') : `${[...names.slice(0, MAX_SHOWN), '…', names[names.length - 1]].join(' → ')} (${cycle.length} goals)`;
        // The other links, in the order the cycle reads from this goal.
        const others = rotated.slice(1, -1).slice(0, MAX_SHOWN);
        context.report({
          file: goal.file,
          place,
          message: `${itemLabel(goal)} is its own ancestor through the \`parent\` cycle ${chain}; change or remove one of these \`parent\` links.`,
          related: others.map((other) => ({
            file: other.file,
            place: { path: [...other.path, 'parent'], part: 'value' as const },
            message: `${itemLabel(other)} names ${code(other.parent ?? '')} as its \`parent\` here.`,
          })),
        });
      });
    }
  },
};
