/** The company file the in-process editor-feature tests share: the objective (with its owner) and the department their marketing files refer to. */
export const COMPANY = `goalpost: 1
period: { start: 2027-01-01, end: 2027-12-31 }
objectives:
  - id: grow-online-revenue
    title: Grow online revenue by 15%
    owner: marketing
departments:
  - { id: marketing, name: Marketing }
`;
