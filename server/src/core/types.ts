/** Shared value types of the pure core: positions, ranges, severities and findings. */

/** A position in a text, LSP-shaped: `line` and `character` are 0-based, `character` counts UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

/** A range in a text, LSP-shaped and 0-based; `end` is exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

/** How serious a finding is; `off` exists only in configuration. */
export type Severity = 'error' | 'warning' | 'info';

/** A severity as configuration accepts it. */
export type SeverityOrOff = Severity | 'off';

/** A place in another file (or the same) that explains a finding, such as the other definition of a duplicate id. */
export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

/** One problem found in one file. Ranges are 0-based; only human-facing outputs add 1. */
export interface Finding {
  /** The file's identifier as the caller gave it (a URI in the server, a path in the CLI). */
  file: string;
  /** The rule id, which is also the diagnostic code, SARIF ruleId and config key. */
  rule: string;
  severity: Severity;
  /** A sentence that quotes the user's value and says what was expected. */
  message: string;
  range: Range;
  related?: RelatedLocation[];
  /** Replacement texts for `range` that would fix the finding (did-you-mean), best first. */
  suggestions?: readonly string[];
}

/** A path into a YAML document: keys of mappings and indexes of sequences. */
export type Path = readonly (string | number)[];
