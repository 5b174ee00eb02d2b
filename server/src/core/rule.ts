/**
 * The contract of a rule: metadata (from which docs and the config schema are generated) and a check that
 * reports places (paths or spans), never positions.
 */
import type { Place } from './locate';
import type { Severity } from './types';
import type { Workspace } from './workspace';
import type { SchemaProblem } from './schema';
import type { NamedRule } from './suppress';
import type { ParsedYaml } from './yaml';

/** A file as parsed, for the rules that look at the text itself (syntax, schema). */
export interface SourceFile {
  readonly file: string;
  readonly parsed: ParsedYaml;
  /** The file's schema violations, validated once for the schema rule and the knock-on filter. */
  readonly schemaProblems: readonly SchemaProblem[];
  /** The rule ids its suppression comments name, where they are written. */
  readonly namedRules: readonly NamedRule[];
}

/** One option of a rule: its JSON schema (with a description) and its default. */
export interface RuleOption {
  readonly description: string;
  readonly schema: Record<string, unknown>;
  readonly default: unknown;
}

/** What a rule is, for docs, config validation, SARIF and hover. */
export interface RuleMeta {
  /** Kebab-case id: file name, test name, fixture folder, doc page, diagnostic code, SARIF ruleId, config key. */
  readonly id: string;
  /** One sentence: what the rule reports. */
  readonly description: string;
  readonly severity: Severity;
  readonly docs: {
    /** Why this matters for a strategy, in a short paragraph (markdown). */
    readonly why: string;
    /** A goals-file excerpt that the rule reports. */
    readonly bad: string;
    /** The same excerpt, fixed. */
    readonly good: string;
  };
  readonly options?: Readonly<Record<string, RuleOption>>;
  /**
   * The item keys this rule's conclusions rest on. When the schema already flagged one of them on an item
   * (missing, misspelt or of the wrong type), the rule says nothing more about that item.
   */
  readonly reads?: readonly string[];
  /**
   * Whether the rule's findings mark dead weight that can go (a KPI nobody targets): editors fade such
   * text out (LSP's `DiagnosticTag.Unnecessary`) rather than underline it.
   */
  readonly unnecessary?: boolean;
}

/** Where a rule points and what it says. */
export interface Report {
  readonly file: string;
  readonly place: Place;
  readonly message: string;
  /** Other places that explain the finding; each resolved to a range by the runner. */
  readonly related?: readonly { file: string; place: Place; message: string }[];
  readonly suggestions?: readonly string[];
}

/** What a rule receives. */
export interface RuleContext<Options = Record<string, unknown>> {
  readonly workspace: Workspace;
  readonly sources: readonly SourceFile[];
  /** The rule's options for a file: defaults overlaid with the file's configuration. */
  options(file: string): Options;
  /** The check date for a file, `YYYY-MM-DD`. */
  today(file: string): string;
  /** The id of every rule Goalpost has, whichever rules run. */
  readonly ruleIds: ReadonlySet<string>;
  /** Reports a finding; the runner turns its place into a range and applies severity and suppression. */
  report(report: Report): void;
}

/**
 * The TypeScript type of a value its option schema accepts: the subset of JSON Schema rule options use
 * (numbers, strings, booleans, enums, arrays of those). Other schemas give `unknown`, which a rule must check.
 */
export type OptionValue<S> = S extends { readonly enum: readonly (infer E)[] }
  ? E
  : S extends { readonly type: 'number' | 'integer' }
    ? number
    : S extends { readonly type: 'string' }
      ? string
      : S extends { readonly type: 'boolean' }
        ? boolean
        : S extends { readonly type: 'array'; readonly items: infer I }
          ? readonly OptionValue<I>[]
          : unknown;

/** A rule's options type, derived from its options' schemas (declared `as const`), so the two cannot drift. */
export type OptionsOf<O extends Readonly<Record<string, { readonly schema: unknown }>>> = { readonly [K in keyof O]: OptionValue<O[K]['schema']> };

/** A rule. `check` sees the whole workspace, since ids and links cross files. */
export interface Rule<Options = Record<string, unknown>> {
  readonly meta: RuleMeta;
  check(context: RuleContext<Options>): void;
}
