// highlight.js — marks the query's words in the reading view. The server highlights snippets
// with Xapian's stemmer; for the full body the page approximates it: a word matches a query term
// when the two meet after dropping common English endings, or when the term was a wildcard
// ("syr*") and the word starts with it.

import { el } from './dom.js';

const kWord = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;
// Xapian's boolean operators are only operators in capitals.
const kOperators = new Set(['AND', 'OR', 'NOT', 'XOR', 'NEAR', 'ADJ']);
// Field prefixes whose values are metadata or ranges, not words of the text.
const kMetadataFields = new Set(['outlet', 'speaker', 'author', 'year', 'date']);
// Endings that may be dropped before comparing; every applicable one is tried, since "es" is an
// ending in "matches" but not in "ceasefires".
const kEndings = ['’s', "'s", 'ings', 'ing', 'ies', 'ied', 'es', 'ed', 's'];

// The forms a lower-case word may stand for ("talks" → talks, talk); two words match when their
// forms meet.
function forms(word) {
  const result = [word];
  for (const ending of kEndings) {
    if (word.length - ending.length >= 3 && word.endsWith(ending)) {
      result.push(word.slice(0, -ending.length) + (ending.startsWith('ie') ? 'y' : ''));
    }
  }
  return result;
}

// The positive free-text terms of a query string: operators, negated words and metadata fields
// (outlet:…, speaker:…) are left out since they do not occur as such in the body.
export function query_terms(q) {
  const terms = [];
  // Tokens: an optional +/-, an optional field prefix, then a quoted phrase or a bare word.
  const token = /([+-]?)(?:([a-z]+):)?("[^"]*"?|\([^)]*\)?|[^\s()"]+)/giu;
  let negate_next = false;
  for (const match of q.matchAll(token)) {
    const [, sign, field, body] = match;
    if (!field && kOperators.has(body)) {
      negate_next = body === 'NOT';
      continue;
    }
    const negated = sign === '-' || negate_next;
    negate_next = false;
    if (negated || (field && kMetadataFields.has(field.toLowerCase()))) continue;
    for (const word of body.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’]*\*?/gu)) {
      if (kOperators.has(word[0])) continue;
      const text = word[0].toLowerCase();
      terms.push(text.endsWith('*') ? { prefix: text.slice(0, -1) } : { forms: forms(text) });
    }
  }
  return terms;
}

function matches(word, terms) {
  const lower = word.toLowerCase();
  const word_forms = forms(lower);
  return terms.some((term) =>
    term.prefix !== undefined
      ? lower.startsWith(term.prefix)
      : term.forms.some((form) => word_forms.includes(form)),
  );
}

// Text nodes and <mark> elements for a piece of text; plain text when there are no terms.
export function highlighted(text, terms) {
  if (terms.length === 0) return [text];
  const nodes = [];
  let at = 0;
  for (const match of text.matchAll(kWord)) {
    if (!matches(match[0], terms)) continue;
    if (match.index > at) nodes.push(text.slice(at, match.index));
    nodes.push(el('mark', {}, match[0]));
    at = match.index + match[0].length;
  }
  if (at < text.length) nodes.push(text.slice(at));
  return nodes;
}
