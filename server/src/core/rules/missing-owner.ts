import { itemLabel } from '../naming';
import type { Rule } from '../rule';

/** A goal with no `department` to own it. */
export const missingOwner: Rule = {
  meta: {
    id: 'missing-owner',
    description: 'A goal has no `department` that owns it.',
    severity: 'warning',
    reads: ['department'],
    docs: {
      why: 'Social media touches marketing, sales, customer service and HR, and where departments work in silos a goal that belongs to everyone belongs to no one. Naming the department that owns each goal makes someone accountable for its progress and its reviews, and shows which teams must coordinate on shared KPIs.',
      bad: 'goals:\n  - id: li-hires-h1\n    title: Fill 12 engineering roles through LinkedIn by June 30\n    supports: [scale-engineering]\n',
      good: 'goals:\n  - id: li-hires-h1\n    title: Fill 12 engineering roles through LinkedIn by June 30\n    department: hr\n    supports: [scale-engineering]\n',
    },
  },
  check(context) {
    for (const goal of context.workspace.goals) {
      if (goal.department !== undefined) continue;
      context.report({
        file: goal.file,
        place: { path: goal.path, part: 'head' },
        message: `${itemLabel(goal)} has no \`department\`; add the id of the department that owns it, so someone is accountable for it.`,
      });
    }
  },
};
