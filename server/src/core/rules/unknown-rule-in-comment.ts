import { code } from '../naming';
import type { Rule } from '../rule';
import { closest, didYouMean } from '../suggest';

/** A `goalpost-disable…` comment that names a rule that does not exist, and so disables nothing. */
export const unknownRuleInComment: Rule = {
  meta: {
    id: 'unknown-rule-in-comment',
    description: 'A `goalpost-disable` or `goalpost-enable` comment names a rule that does not exist.',
    severity: 'warning',
    docs: {
      why: 'A suppression comment with a misspelt rule id silently disables nothing, and the finding it was meant to accept keeps coming back without anyone knowing why (or, worse, the comment outlives a rule that was renamed). As ESLint does, Goalpost reports the unknown id, with the closest real one.',
      bad: 'goals:\n  # goalpost-disable-next-line smart-specfic\n  - id: brand-presence\n    title: Improve social media presence\n',
      good: 'goals:\n  # goalpost-disable-next-line smart-specific\n  - id: brand-presence\n    title: Improve social media presence\n',
    },
  },
  check(context) {
    for (const source of context.sources) {
      for (const named of source.namedRules) {
        if (context.ruleIds.has(named.rule)) continue;
        const suggestions = closest(named.rule, context.ruleIds);
        context.report({
          file: source.file,
          place: { span: named.span },
          message: `The comment names the rule ${code(named.rule)}, which does not exist, so it disables nothing${didYouMean(suggestions) || '.'}`,
          suggestions,
        });
      }
    }
  },
};
