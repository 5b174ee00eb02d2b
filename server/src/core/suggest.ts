/**
 * "Did you mean" suggestions. Hand-written because the core may import only `yaml` and `ajv`
 * (the boundary docs/architecture.md and the ESLint config describe), and edit distance is a dozen lines.
 */

/**
 * Edit distance between two strings, case-insensitive: insertions, deletions, substitutions and swaps of
 * two adjacent letters each count 1 (optimal string alignment), so `titel` is one edit from `title`.
 */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let before: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const row = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = previous[j - 1] + (left[i - 1] === right[j - 1] ? 0 : 1);
      let best = Math.min(previous[j] + 1, row[j - 1] + 1, substitution);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) best = Math.min(best, before[j - 2] + 1);
      row.push(best);
    }
    before = previous;
    previous = row;
  }
  return previous[right.length];
}

/**
 * The candidates close enough to `word` to be what was meant, closest first: within a third of the
 * word's length (at least 1, at most 4 edits), or sharing a prefix/suffix relation with it.
 */
export function closest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  if (word.length > 200) return [];
  const budget = Math.min(4, Math.max(1, Math.floor(word.length / 3)));
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === word) continue;
    const distance = editDistance(word, candidate);
    const affix = word.length >= 3 && (candidate.startsWith(word) || candidate.endsWith(word) || word.startsWith(candidate));
    if (distance <= budget || affix) scored.push({ candidate, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map((entry) => entry.candidate);
}

/** "; did you mean `x`?" or the empty string. */
export function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length > 0 ? `; did you mean \`${suggestions[0]}\`?` : '';
}
