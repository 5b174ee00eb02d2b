/** The two-file workspace the LSP wiring tests share: a company file and a marketing file that checks clean with it. */

/** Objectives and departments, with the period. */
export const COMPANY = `goalpost: 1
period: { start: 2027-01-01, end: 2027-12-31 }
objectives:
  - { id: grow-online-revenue, title: Grow online revenue by 15% }
departments:
  - { id: marketing, name: Marketing }
`;

/** A KPI and a goal that refer to the company file's ids. */
export const MARKETING = `goalpost: 1
kpis:
  - { id: sessions, name: Website sessions, metric: sessions, supports: [grow-online-revenue] }
goals:
  - id: ig-traffic
    title: Increase website sessions from Instagram by 20%
    department: marketing
    supports: [grow-online-revenue]
    start: 2027-01-01
    deadline: 2027-12-31
    review: quarterly
    last_reviewed: 2027-05-01
    targets:
      - { kpi: sessions, baseline: 1000, target: 1200, current: 1100 }
`;

/** MARKETING with one error: `grow-online-revenu` is not an objective (did you mean `grow-online-revenue`?), at 7:15. */
export const MISSPELT_MARKETING = MARKETING.replace('\n    supports: [grow-online-revenue]', '\n    supports: [grow-online-revenu]');
