import { appendAll } from '../arrays';
import type { Goal, Kpi } from '../model';
import { itemLabel, show } from '../naming';
import type { OptionsOf, Rule, RuleOption } from '../rule';

/** Titles are quoted whole in messages up to this length; a multi-megabyte title must not become the message. */
const MAX_TITLE = 120;

/** The options, declared once: their schemas validate the config and their types are derived from them. */
const OPTIONS = {
  terms: {
    description: 'More words or phrases that make a title specific, such as your own metric names.',
    schema: { type: 'array', items: { type: 'string', minLength: 1 } },
    default: [],
  },
} as const satisfies Readonly<Record<string, RuleOption>>;

/** Options of `smart-specific`. */
export type SmartSpecificOptions = OptionsOf<typeof OPTIONS>;

/** Platforms a title may name, matched as whole words (so `x` is not found in "experience"). */
const PLATFORMS = [
  'instagram',
  'facebook',
  'linkedin',
  'x',
  'twitter',
  'tiktok',
  'youtube',
  'pinterest',
  'threads',
  'snapchat',
  'reddit',
  'bluesky',
  'mastodon',
  'whatsapp',
];

/** Metric terms that make a title specific on their own; multi-word terms match as a phrase. */
const METRIC_TERMS = [
  'sessions',
  'visits',
  'traffic',
  'leads',
  'revenue',
  'sales',
  'orders',
  'purchases',
  'conversions',
  'conversion rate',
  'sign-ups',
  'signups',
  'registrations',
  'subscribers',
  'followers',
  'customers',
  'applications',
  'hires',
  'tickets',
  'response time',
  'resolution time',
  'csat',
  'nps',
  'churn',
  'retention rate',
  'engagement rate',
  'downloads',
  'installs',
  'bookings',
  'clicks',
  'click-through',
  'ctr',
];

/**
 * Words of KPI names and metrics that never make a title specific: function words, and the generic
 * vocabulary of vague goals ("engagement", "presence", "awareness"), which a KPI name may well contain.
 */
const NOT_A_METRIC = new Set(
  [
    'a',
    'an',
    'the',
    'of',
    'on',
    'in',
    'from',
    'to',
    'for',
    'by',
    'per',
    'and',
    'or',
    'with',
    'via',
    'at',
    'as',
    'our',
    'all',
    'new',
    'month',
    'monthly',
    'week',
    'weekly',
    'quarter',
    'quarterly',
    'year',
    'yearly',
    'daily',
    'total',
    'number',
    'count',
    'rate',
    'average',
    'level',
    'score',
    'growth',
    'performance',
    'impact',
    'value',
    'quality',
    'overall',
    'general',
    'social',
    'media',
    'presence',
    'engagement',
    'awareness',
    'brand',
    'visibility',
    'reputation',
    'image',
    'content',
    'community',
    'online',
    'digital',
    'website',
    'site',
    'web',
    'page',
    'account',
    'channel',
    'channels',
    'platform',
    'platforms',
  ].map(stem),
);

/** A goal title with no number, no platform and no metric term: generic wording such as "Increase engagement". */
export const smartSpecific: Rule<SmartSpecificOptions> = {
  meta: {
    id: 'smart-specific',
    description: 'A goal title is vague: it names no number, no metric and no platform.',
    severity: 'warning',
    reads: ['title'],
    docs: {
      why: 'The S of SMART. "Improve social media presence", "Increase engagement" or "Boost awareness" say neither what should change nor where nor by how much, so nobody can tell whether the goal was met or how it serves the business. A specific title names the metric, the platform or the number: "Increase website sessions from Instagram by 20% within three months". A title counts as specific when it contains a digit, a platform (instagram, linkedin, x, tiktok… or the goal\'s own `platform`), or a metric term: a built-in list (sessions, traffic, leads, revenue, sales, orders, conversions, sign-ups…), the words of the workspace\'s KPI names and metrics, and the `terms` option.',
      bad: 'goals:\n  - id: social-presence\n    title: Improve social media presence\n',
      good: 'goals:\n  - id: social-presence\n    title: Increase website sessions from Instagram by 20% by March 31\n',
    },
    options: OPTIONS,
  },
  check(context) {
    const { workspace } = context;
    const builtIn = new Terms([...METRIC_TERMS.map(words), ...kpiTerms(workspace.kpis)]);
    const configured = new Map<string, Terms>();
    const configuredFor = (file: string): Terms => {
      let terms = configured.get(file);
      if (!terms) configured.set(file, (terms = new Terms(context.options(file).terms.map(words))));
      return terms;
    };
    for (const goal of workspace.goals) {
      if (goal.title === undefined || /[0-9]/.test(goal.title)) continue;
      const title = titleWords(goal);
      if (PLATFORMS.some((platform) => title.includes(platform))) continue;
      if (goal.platform !== undefined && new Terms([words(goal.platform)], false).foundIn(title)) continue;
      if (builtIn.foundIn(title) || configuredFor(goal.file).foundIn(title)) continue;
      context.report({
        file: goal.file,
        place: { path: [...goal.path, 'title'], part: 'value' },
        message: `${itemLabel(goal)} has a vague title ${show(goal.title, MAX_TITLE)}: it names no number, metric or platform; say what should change, where and by how much (e.g. "Increase website sessions from Instagram by 20% by March 31").`,
      });
    }
  },
};

/**
 * A set of terms, each a sequence of words, that match a title as whole consecutive words. Terms are
 * indexed by their first word, so that a workspace with thousands of KPIs stays fast.
 */
class Terms {
  private readonly byFirstWord = new Map<string, string[][]>();

  /** `stemmed`: match singular and plural alike. */
  constructor(
    terms: readonly (readonly string[])[],
    private readonly stemmed = true,
  ) {
    const seen = new Set<string>();
    for (const term of terms) {
      const normalized = term.map((word) => this.norm(word));
      const key = normalized.join(' ');
      if (normalized.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const list = this.byFirstWord.get(normalized[0]);
      if (list) list.push(normalized);
      else this.byFirstWord.set(normalized[0], [normalized]);
    }
  }

  /** Whether one of the terms occurs in the title's words. */
  foundIn(title: readonly string[]): boolean {
    const words = title.map((word) => this.norm(word));
    return words.some((first, start) => (this.byFirstWord.get(first) ?? []).some((term) => term.every((word, offset) => words[start + offset] === word)));
  }

  private norm(word: string): string {
    return this.stemmed ? stem(word) : word;
  }
}

/** The metric words of the workspace's KPIs: each metric as a phrase, and the meaningful words of metrics and names. */
function kpiTerms(kpis: readonly Kpi[]): string[][] {
  const terms: string[][] = [];
  for (const kpi of kpis) appendAll(terms, termsOfKpi(kpi));
  return terms;
}

/**
 * The terms of one KPI, and the words of one goal's title, remembered per model item: the model keeps the
 * items of unchanged YAML from one keystroke to the next, and splitting text on Unicode classes showed.
 */
const KPI_TERMS = new WeakMap<Kpi, string[][]>();
const TITLE_WORDS = new WeakMap<Goal, string[]>();

function termsOfKpi(kpi: Kpi): string[][] {
  let terms = KPI_TERMS.get(kpi);
  if (!terms) {
    terms = [];
    const metric = words(kpi.metric ?? '');
    if (metric.length > 1) terms.push(metric);
    for (const word of [...metric, ...words(kpi.name ?? '')]) {
      if (word.length >= 3 && !NOT_A_METRIC.has(stem(word))) terms.push([word]);
    }
    KPI_TERMS.set(kpi, terms);
  }
  return terms;
}

function titleWords(goal: Goal): string[] {
  let title = TITLE_WORDS.get(goal);
  if (!title) TITLE_WORDS.set(goal, (title = words(goal.title ?? '')));
  return title;
}

/** Lower-cased words of a text, split on anything that is not a letter or digit ("sign-ups" → sign, ups). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Drops a trailing "s", so that "lead" and "leads" compare equal. */
function stem(word: string): string {
  return word.endsWith('s') ? word.slice(0, -1) : word;
}
