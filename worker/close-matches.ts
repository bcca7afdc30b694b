/**
 * "Did you mean …?" for unknown metric ids and parameter names: candidates ranked by edit
 * distance to any of their names (id, last id segment, labels), compared without case or accents.
 */

export interface Candidate {
  /** What is suggested (a metric id, a parameter name). */
  key: string;
  /** Texts the input may be a misspelling of; the key itself is always one. */
  names?: string[];
}

/** Lower case, no accents, only letters, digits and dashes. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Edit distance counting a swap of two neighbours as one edit (optimal string alignment),
 * stopping early once it exceeds `limit`.
 */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

// Candidate lists live as long as the isolate (every metric id and label): fold their names once.
const folded = new WeakMap<Candidate, string[]>();
function foldedNames(candidate: Candidate): string[] {
  let names = folded.get(candidate);
  if (!names) {
    names = [candidate.key, ...(candidate.names ?? [])].map(fold).filter(Boolean);
    folded.set(candidate, names);
  }
  return names;
}

/**
 * Up to `max` candidate keys closest to `input`, best first. A candidate qualifies when one of
 * its names equals the input once folded, contains it or is contained in it (3+ characters
 * each), or lies within an edit distance of about a third of its length.
 */
export function closeMatches(input: string, candidates: readonly Candidate[], max = 5): string[] {
  const wanted = fold(input.slice(0, 100));
  if (!wanted) return [];
  const scored: { key: string; score: number }[] = [];
  for (const candidate of candidates) {
    let best = Infinity;
    for (const name of foldedNames(candidate)) {
      if (name === wanted) best = 0;
      else if (Math.min(wanted.length, name.length) >= 3 && (name.includes(wanted) || wanted.includes(name))) {
        best = Math.min(best, 1);
      } else {
        const limit = Math.max(1, Math.floor(Math.max(name.length, wanted.length) / 3));
        const d = distance(wanted, name, limit);
        if (d <= limit) best = Math.min(best, 1 + d);
      }
    }
    if (best < Infinity) scored.push({ key: candidate.key, score: best });
  }
  scored.sort((a, b) => a.score - b.score || a.key.localeCompare(b.key));
  return scored.slice(0, max).map((s) => s.key);
}
