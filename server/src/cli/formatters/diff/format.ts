/** The one signature the formats of `goalpost diff` share, and what they receive. */
import type { StrategyDiff } from '../../../core/diff';
import type { StrategyGraph } from '../../../core/render/graph';

/** A compared revision: a commit, or the working tree (both fields null). */
export interface DiffRevision {
  /** The revision as the user wrote it (`main`, `HEAD~1`, a tag); null for the working tree. */
  readonly revision: string | null;
  /** The full commit id it resolved to; null for the working tree. */
  readonly commit: string | null;
}

/**
 * What a diff formatter receives. Files in the diff are relative to the repository root, with `/`; the
 * ranges of introduced findings are in the head, those of fixed findings in the base (0-based).
 */
export interface DiffFormatInput {
  readonly diff: StrategyDiff;
  readonly base: DiffRevision;
  readonly head: DiffRevision;
  /** Each revision's strategy graph, for the markdown's diagram of the change; without them there is none. */
  readonly graphs?: { readonly base: StrategyGraph; readonly head: StrategyGraph };
}

/** Turns a diff into the text written to stdout or the output file. */
export type DiffFormatter = (input: DiffFormatInput) => string;
