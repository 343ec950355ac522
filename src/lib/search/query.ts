// Readers type questions ("how do I handle late events?"), but Pagefind only returns pages that
// contain every word of the query. Dropping the words that carry no subject keeps the ones that do.

/** Question words, pronouns, auxiliaries, articles, prepositions and vague verbs. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'vs',
  'versus',
  'how',
  'what',
  'which',
  'when',
  'where',
  'why',
  'who',
  'i',
  'me',
  'my',
  'we',
  'us',
  'our',
  'you',
  'your',
  'it',
  'its',
  'this',
  'that',
  'these',
  'those',
  'do',
  'does',
  'did',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'can',
  'could',
  'should',
  'would',
  'will',
  'shall',
  'may',
  'might',
  'must',
  'to',
  'of',
  'for',
  'in',
  'on',
  'at',
  'by',
  'with',
  'from',
  'into',
  'about',
  'handle',
  'handling',
  'deal',
  'dealing',
  'manage',
  'managing',
  'use',
  'using',
  'get',
  'getting',
  'choose',
  'choosing',
  'pick',
  'need',
  'want',
  'way',
  // Verbs a question wraps its subject in: "how do I stop small files", "who can see PII".
  'see',
  'know',
  'stop',
  'prevent',
  'avoid',
  'than',
]);

/** Punctuation a question ends or starts with, not part of any indexed word. */
const EDGE_PUNCTUATION = /^[?!¿¡,;"'“”‘’()]+|[?!,;"'“”‘’()]+$/g;

/**
 * The words to search for: the query without stop words and edge punctuation. A query made only
 * of stop words (or of one word) is kept as typed, so "how" or "OR" still finds something.
 */
export function toSearchTerms(query: string): string {
  const words = query
    .split(/\s+/)
    .map((w) => w.replace(EDGE_PUNCTUATION, ''))
    .filter(Boolean);
  if (words.length <= 1) return words.join(' ');
  const kept = words.filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  return (kept.length ? kept : words).join(' ');
}
