import { code, itemLabel } from '../naming';
import type { Rule } from '../rule';

/** A business objective that no goal and no KPI supports. */
export const objectiveUnsupported: Rule = {
  meta: {
    id: 'objective-unsupported',
    description: 'A business objective is supported by no goal and no KPI.',
    severity: 'warning',
    docs: {
      why: 'A strategy starts from the business objectives and works out where social media fits into each of them. An objective that no goal and no KPI supports has been stated but not planned for: nobody works towards it and nothing measures it, so it will be missed without anyone noticing. Either add the goal that serves it, or drop the objective if it is no longer pursued.',
      bad: 'objectives:\n  - id: reduce-support-cost\n    title: Cut the cost per support ticket by 10% in FY2027\ngoals:\n  - id: x-response-time\n    title: Answer questions on X within 2 hours by June 30\n',
      good: 'objectives:\n  - id: reduce-support-cost\n    title: Cut the cost per support ticket by 10% in FY2027\ngoals:\n  - id: x-response-time\n    title: Answer questions on X within 2 hours by June 30\n    supports: [reduce-support-cost]\n',
    },
  },
  check(context) {
    const { workspace } = context;
    const supported = new Set<string>();
    for (const item of [...workspace.goals, ...workspace.kpis]) for (const id of item.supports) supported.add(id);
    for (const objective of workspace.objectives) {
      // An objective without an id cannot be supported at all; the schema rule already asks for the id.
      if (objective.id === undefined || supported.has(objective.id) || workspace.mayLinkTo(objective.id)) continue;
      context.report({
        file: objective.file,
        place: { path: objective.path, part: 'head' },
        message: `${itemLabel(objective)} is supported by no goal or KPI; add a goal that serves it (${code(`supports: [${objective.id}]`)}), or remove the objective if it is no longer pursued.`,
      });
    }
  },
};
