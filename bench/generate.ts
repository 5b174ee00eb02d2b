/** Generates a realistic workspace of N goals, for the benchmark and the performance tests. */

/** One goals file holding objectives, departments, audiences, KPIs and `goals` goals. */
export function generateGoalsFile(goals: number): string {
  const objectives = Math.max(5, Math.round(goals / 40));
  const kpis = Math.max(10, Math.round(goals / 4));
  const out: string[] = ['goalpost: 1', 'organization: Benchmark Outfitters', 'period: { start: 2027-01-01, end: 2027-12-31 }', '', 'objectives:'];
  for (let i = 0; i < objectives; i++) {
    out.push(
      `  - id: objective-${i}`,
      `    title: Grow online revenue stream ${i} by 15% in FY2027`,
      '    metric: online_revenue',
      '    owner: leadership',
      '    deadline: 2027-12-31',
    );
  }
  out.push('', 'departments:', '  - { id: leadership, name: Leadership }', '  - { id: marketing, name: Marketing }', '  - { id: sales, name: Sales }', '');
  out.push('audiences:', '  - id: young-professionals', '    platforms: [linkedin, instagram]', '');
  out.push('kpis:');
  for (let i = 0; i < kpis; i++) {
    out.push(
      `  - id: kpi-${i}`,
      `    name: Website sessions from Instagram campaign ${i}`,
      '    metric: sessions',
      '    unit: sessions',
      '    platform: instagram',
      `    supports: [objective-${i % objectives}]`,
      '    owners: [marketing, sales]',
    );
  }
  out.push('', 'goals:');
  for (let i = 0; i < goals; i++) {
    const baseline = 10000 + i;
    out.push(
      `  - id: goal-${i}`,
      `    title: Increase website sessions from Instagram by 20% for campaign ${i}`,
      '    department: marketing',
      `    supports: [objective-${i % objectives}]`,
      '    platform: instagram',
      '    audience: young-professionals',
      '    funnel: conversion',
      '    start: 2027-01-01',
      '    deadline: 2027-12-31',
      '    targets:',
      `      - kpi: kpi-${i % kpis}`,
      `        baseline: ${baseline}`,
      `        target: ${Math.round(baseline * 1.2)}`,
      `        current: ${Math.round(baseline * 1.1)}`,
      '    review: quarterly',
      '    last_reviewed: 2027-04-15',
      '    confidence: 0.7',
    );
  }
  return `${out.join('\n')}\n`;
}
