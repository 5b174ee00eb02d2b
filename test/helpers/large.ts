/** Large goals texts for the tests that guard against size-dependent failures. */

/** A goals file of `count` small goals with three references each, in the block layout goal files use. */
export function manyGoalsFile(count: number): string {
  const lines = ['goalpost: 1', 'objectives:', '  - { id: o1, title: Grow revenue by 10% }', 'departments:', '  - { id: d1, name: Marketing }', 'goals:'];
  for (let index = 0; index < count; index++) lines.push(`  - id: g${index}`, '    department: d1', '    supports: [o1, o1]');
  return `${lines.join('\n')}\n`;
}
