import { code, kindNoun } from '../naming';
import type { Rule } from '../rule';
import { closest, didYouMean } from '../suggest';

/** A reference field that names no defined id of the right kind, with the closest id as suggestion. */
export const unknownReference: Rule = {
  meta: {
    id: 'unknown-reference',
    description: '`supports`, `kpi`, `department`, `owner(s)`, `audience` or `parent` names no defined id of the right kind.',
    severity: 'error',
    docs: {
      why: 'Links are what make a strategy aligned: a goal supports an objective, a target is measured by a KPI, a department owns the goal. A link to an id that does not exist (often a typo, or an objective renamed in another file) silently breaks that chain. The closest existing id is suggested.',
      bad: 'objectives:\n  - id: grow-online-revenue\n    title: Grow online revenue by 15% in FY2027\ngoals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20% by March 31\n    supports: [grow-onlin-revenue]\n',
      good: 'objectives:\n  - id: grow-online-revenue\n    title: Grow online revenue by 15% in FY2027\ngoals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20% by March 31\n    supports: [grow-online-revenue]\n',
    },
  },
  check(context) {
    const { workspace } = context;
    for (const reference of workspace.references) {
      if (workspace.find(reference.kind, reference.id)) continue;
      const noun = kindNoun(reference.kind);
      const field = String(
        reference.path[typeof reference.path[reference.path.length - 1] === 'number' ? reference.path.length - 2 : reference.path.length - 1],
      );
      const other = workspace.definitions.get(reference.id)?.[0];
      const suggestions = closest(reference.id, workspace.idsOf(reference.kind));
      const message = other
        ? `\`${field}\` names ${code(reference.id)}, which is a ${kindNoun(other.kind)}, not ${article(noun)}${didYouMean(suggestions) || '.'}`
        : `\`${field}\` names ${code(reference.id)}, but no ${noun} has that id${didYouMean(suggestions) || '.'}`;
      context.report({ file: reference.file, place: { path: reference.path }, message, suggestions });
    }
  },
};

function article(noun: string): string {
  return /^[aeiouAEIOU]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
