/**
 * One mistake, one finding. Two kinds of findings would only repeat a mistake already reported, and are
 * dropped before they reach the user:
 * - anything built on an item that has a YAML syntax error (the parser folded the rest of the item into a
 *   value, so "missing key" findings there are false): only the syntax error speaks for that item;
 * - a rule's finding on an item whose key the schema already flagged (misspelt with a did-you-mean, of the
 *   wrong type, or missing): `deparment:` gives the did-you-mean and not also `missing-owner`.
 * Reports by span (the parser's own problems) are about the text and always stay.
 */
import { enclosingItems } from './itemPath';
import type { Place } from './locate';
import type { SchemaProblem } from './schema';
import type { Path } from './types';
import type { ParsedYaml, Span } from './yaml';

/** The knock-on filter of one file. */
export class KnockOns {
  private broken?: Span[];
  private readonly flagged = new Map<string, Set<string>>();

  constructor(
    private readonly parsed: ParsedYaml,
    schemaProblems: readonly SchemaProblem[],
  ) {
    for (const problem of schemaProblems) {
      if (problem.field === undefined) continue;
      const item = itemKey(problem.path);
      let fields = this.flagged.get(item);
      if (!fields) this.flagged.set(item, (fields = new Set()));
      fields.add(problem.field);
    }
  }

  /**
   * Whether a report only repeats a mistake already reported. `reads` are the keys the rule's conclusion
   * rests on; `start` is the offset where the report points.
   */
  silences(place: Place, start: number, reads: readonly string[] | undefined): boolean {
    if ('span' in place) return false;
    if (this.inBrokenItem(start)) return true;
    if (!reads || reads.length === 0 || this.flagged.size === 0) return false;
    const fields = this.flagged.get(itemKey(place.path));
    return fields !== undefined && reads.some((field) => fields.has(field));
  }

  /**
   * The text of every item the parser could not read as written (the whole file when nothing of it could
   * be read). Links written there are unknown, so no rule may conclude that they are absent.
   */
  unreadableTexts(): string[] {
    const { problems, text, value } = this.parsed;
    if (!problems.some((problem) => !problem.contained)) return [];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [text];
    this.inBrokenItem(0);
    return (this.broken ?? []).map((span) => text.slice(span.start, span.end));
  }

  private inBrokenItem(offset: number): boolean {
    if (this.parsed.problems.length === 0) return false;
    this.broken ??= this.parsed.problems.flatMap((problem) => (problem.contained ? [] : (this.enclosingItem(problem.span.start) ?? [])));
    return this.broken.some((span) => offset >= span.start && offset < span.end);
  }

  /** The span of the list item (or else the top-level entry) that holds an offset; none outside them. */
  private enclosingItem(offset: number): Span | undefined {
    const root = this.parsed.value;
    if (root === null || typeof root !== 'object' || Array.isArray(root)) return undefined;
    for (const [key, value] of Object.entries(root)) {
      const section = this.parsed.locate([key]);
      const sectionSpan = { start: section.key?.start ?? section.value.start, end: section.value.end };
      if (!contains(sectionSpan, offset)) continue;
      if (!Array.isArray(value)) return sectionSpan;
      for (let index = 0; index < value.length; index++) {
        const item = this.parsed.locate([key, index]);
        if (item.exact && contains(item.value, offset)) return item.value;
      }
      return sectionSpan;
    }
    return undefined;
  }
}

function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** The innermost item a path is in (`goals/3`, `goals/3/targets/0`), or its first segment outside lists. */
function itemKey(path: Path): string {
  const items = enclosingItems(path);
  return (items.length > 0 ? items[items.length - 1] : path.slice(0, 1)).join('/');
}
