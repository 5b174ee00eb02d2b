import type { Rule } from '../rule';

/** JSON-schema violations, at the offending node. */
export const schema: Rule = {
  meta: {
    id: 'schema',
    description: 'A key is missing, unknown or of the wrong type, or a value is not one the format allows.',
    severity: 'error',
    docs: {
      why: 'The file format is a contract between the people who write the strategy and the tools that read it. A typo such as `dedline` would otherwise pass silently and leave a goal without a deadline; a baseline written `"10k"` cannot be compared with anything. Unknown keys and enum values come with a "did you mean".',
      bad: 'goalpost: 1\ngoals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20%\n    dedline: 2027-03-31\n    funnel: sales\n',
      good: 'goalpost: 1\ngoals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20%\n    deadline: 2027-03-31\n    funnel: conversion\n',
    },
  },
  check(context) {
    for (const source of context.sources) {
      for (const problem of source.schemaProblems) {
        context.report({
          file: source.file,
          place: { path: problem.path, part: problem.part },
          message: problem.message,
          suggestions: problem.suggestions,
        });
      }
    }
  },
};
