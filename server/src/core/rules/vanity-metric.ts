import type { Kpi } from '../model';
import { itemLabel } from '../naming';
import type { OptionsOf, Rule, RuleOption } from '../rule';

/** The metrics that count as vanity by default: audience size and exposure, not business outcomes. */
const DEFAULT_METRICS = [
  'followers',
  'follower',
  'fans',
  'likes',
  'page_likes',
  'reactions',
  'impressions',
  'reach',
  'views',
  'video_views',
  'shares',
  'retweets',
];

/** The options, declared once: their schemas validate the config and their types are derived from them. */
const OPTIONS = {
  metrics: {
    description: 'KPI metrics that count as vanity metrics; a KPI is vanity when its metric, or a word of it, is listed (a trailing "s" is ignored).',
    schema: { type: 'array', items: { type: 'string', minLength: 1 } },
    default: DEFAULT_METRICS,
  },
} as const satisfies Readonly<Record<string, RuleOption>>;

/** Options of `vanity-metric`. */
export type VanityMetricOptions = OptionsOf<typeof OPTIONS>;

/** A goal whose targets all measure vanity metrics, with no outcome KPI. */
export const vanityMetric: Rule<VanityMetricOptions> = {
  meta: {
    id: 'vanity-metric',
    description: 'A goal measures only vanity metrics (followers, likes, impressions, reach, views…) and no business outcome.',
    severity: 'warning',
    reads: ['targets', 'kpi', 'metric'],
    docs: {
      why: 'Social-media KPIs must tie to business metrics. "Focusing solely on likes, shares, and follower counts can obscure the real impact of social media efforts on business objectives": a brand can celebrate 10,000 followers without knowing whether any of them buys. A goal may track a vanity metric, but at least one of its targets should be on an outcome KPI such as sessions, leads, sign-ups or sales. A KPI is vanity when its `metric` (or a word of it, singular or plural) is in the `metrics` option.',
      bad: 'kpis:\n  - id: ig-followers\n    name: Instagram followers\n    metric: followers\ngoals:\n  - id: ig-followers-2027\n    title: Grow Instagram followers by 20% to 6,000 by December 31\n    targets:\n      - kpi: ig-followers\n        baseline: 5000\n        target: 6000\n',
      good: 'kpis:\n  - id: ig-followers\n    name: Instagram followers\n    metric: followers\n  - id: ig-site-sessions\n    name: Website sessions from Instagram\n    metric: sessions\ngoals:\n  - id: ig-followers-2027\n    title: Grow Instagram followers by 20% and website sessions from Instagram by 10% by December 31\n    targets:\n      - kpi: ig-followers\n        baseline: 5000\n        target: 6000\n      - kpi: ig-site-sessions\n        baseline: 10000\n        target: 11000\n',
    },
    options: OPTIONS,
  },
  check(context) {
    const { workspace } = context;
    const vanityByFile = new Map<string, ReadonlySet<string>>();
    const vanityFor = (file: string): ReadonlySet<string> => {
      let vanity = vanityByFile.get(file);
      if (!vanity) vanityByFile.set(file, (vanity = new Set(context.options(file).metrics.map(normalize))));
      return vanity;
    };
    // Whether each KPI is a vanity metric, per file's vanity list: KPIs are few and targets many.
    const verdicts = new Map<ReadonlySet<string>, Map<Kpi, boolean>>();
    const vanityKpi = (kpi: Kpi, vanity: ReadonlySet<string>): boolean => {
      let known = verdicts.get(vanity);
      if (!known) verdicts.set(vanity, (known = new Map()));
      let verdict = known.get(kpi);
      if (verdict === undefined) known.set(kpi, (verdict = isVanity(kpi, vanity)));
      return verdict;
    };
    for (const goal of workspace.goals) {
      if (goal.targets.length === 0) continue;
      const kpis: Kpi[] = [];
      for (const target of goal.targets) {
        const kpi = workspace.find('kpi', target.kpi);
        if (kpi) kpis.push(kpi);
      }
      // A target without a known KPI may well be an outcome; unknown-reference speaks for it.
      if (kpis.length < goal.targets.length) continue;
      const vanity = vanityFor(goal.file);
      if (!kpis.every((kpi) => vanityKpi(kpi, vanity))) continue;
      const metrics = [...new Set(kpis.map((kpi) => kpi.metric as string))];
      const shown = [...new Map(kpis.map((kpi) => [kpi.id, kpi])).values()];
      context.report({
        file: goal.file,
        place: { path: goal.path, part: 'head' },
        message: `${itemLabel(goal)} measures only vanity metrics (${metrics.join(', ')}); add a target on an outcome KPI such as sessions, leads or sales.`,
        related: shown.map((kpi) => ({
          file: kpi.file,
          place: { path: [...kpi.path, 'metric'], part: 'value' as const },
          message: `${itemLabel(kpi)} measures \`${kpi.metric}\`, a vanity metric.`,
        })),
      });
    }
  },
};

/** Whether a KPI's metric, or one of its words, is a vanity metric. */
function isVanity(kpi: Kpi, vanity: ReadonlySet<string>): boolean {
  if (kpi.metric === undefined) return false;
  if (vanity.has(normalize(kpi.metric))) return true;
  return kpi.metric
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((word) => word !== '' && vanity.has(normalize(word)));
}

/** Lower-cased, trimmed, without a trailing "s", so "Followers" and "follower" compare equal. */
function normalize(metric: string): string {
  const lower = metric.trim().toLowerCase();
  return lower.endsWith('s') ? lower.slice(0, -1) : lower;
}
