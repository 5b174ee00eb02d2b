/**
 * The two-file workspace of the code-lens tests, in-process (test/features) and over stdio (test/lsp): a
 * company file with the objective and KPIs, and goals on 2027-05-15 at every standing a lens can say.
 */

export const COMPANY = `goalpost: 1
period: { start: 2027-01-01, end: 2027-12-31 }
objectives:
  - { id: grow-online-revenue, title: Grow online revenue by 15% }
departments:
  - { id: marketing, name: Marketing }
kpis:
  - { id: sessions, name: Website sessions, metric: sessions, supports: [grow-online-revenue] }
  - { id: leads, name: Qualified leads, metric: leads, supports: [grow-online-revenue] }
  - { id: cost-per-lead, name: Cost per lead, metric: cost, unit: EUR, supports: [grow-online-revenue] }
goals:
  - { id: company-wide, title: Grow website sessions by 10%, department: marketing, supports: [grow-online-revenue], deadline: 2027-12-31 }
`;

/** Goals on 2027-05-15 (the check date), in a period from 2027-01-01: about 37% of the year has gone by. */
export const MARKETING = `goalpost: 1
goals:
  - id: li-leads
    title: Generate 300 qualified leads from LinkedIn at under 40 EUR each
    department: marketing
    supports: [grow-online-revenue]
    deadline: 2027-12-31
    targets:
      - { kpi: leads, baseline: 0, target: 300, current: 210 }
      - { kpi: cost-per-lead, baseline: 60, target: 40, current: 52 }
  - id: ig-spring
    title: Reach 5000 website sessions from Instagram by March 31
    department: marketing
    supports: [grow-online-revenue]
    deadline: 2027-03-31
    targets:
      - { kpi: sessions, baseline: 4000, target: 5000, current: 4200 }
  - id: yt-autumn
    title: Reach 2000 website sessions from YouTube between September and November
    department: marketing
    supports: [grow-online-revenue]
    start: 2027-09-01
    deadline: 2027-11-30
    targets:
      - { kpi: sessions, target: 2000 }
  - title: Draft goal without an id or targets
    department: marketing
`;
