import type { Rule } from '../rule';

/** Every YAML parser error, at its position. */
export const yamlSyntax: Rule = {
  meta: {
    id: 'yaml-syntax',
    description: 'The file is not valid YAML.',
    severity: 'error',
    docs: {
      why: 'A goals file that is not valid YAML cannot be read at all: none of its goals are checked, shown in the tree or counted in the strategy. Every parser error is reported at its position, not only the first.',
      bad: 'goals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20%\n    supports: [grow-online-revenue\n',
      good: 'goals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20%\n    supports: [grow-online-revenue]\n',
    },
  },
  check(context) {
    for (const source of context.sources) {
      for (const problem of source.parsed.problems) {
        context.report({ file: source.file, place: { span: problem.span }, message: problem.message });
      }
    }
  },
};
