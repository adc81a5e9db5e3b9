// quotes.js — the Quotes view: each hit is a quotation with its speaker, cue, outlet and date,
// how many outlets reported the same words, and a link that opens the article at the quote.

import { el, format_date, plural, snippet_nodes } from './dom.js';
import { href_for, render_list, speaker_link } from './results.js';
import { quote_position } from './state.js';

// Attributions below this confidence are shown as uncertain (the extractor's own scale).
export const kLowConfidence = 0.5;

export function render_quote_results(state, data, navigate) {
  render_list(state, data, navigate, { noun: 'quote', render: render_quote_hit });
}

// True when a quote is attributed, but with doubt enough to say so (an unattributed quote has
// no attribution to doubt; it says "Unattributed" instead).
export function is_low_confidence(quote) {
  const confidence = Number(quote.confidence);
  return Boolean(quote.speaker) && Number.isFinite(confidence) && confidence < kLowConfidence;
}

// One quote as a list item. `state` is the page the quote is listed on, so that the article
// opened from it leads back there.
export function render_quote_hit(state, hit) {
  const article = hit.article ?? {};
  const position = quote_position(hit.id);
  const open = { ...state, article: article.id ?? '', quote: position, speaker_page: '' };
  const low = is_low_confidence(hit);
  const who = hit.speaker
    ? [speaker_link(state, hit.speaker), low ? el('span', { className: 'uncertain' }, ' (uncertain attribution)') : null]
    : [el('span', { className: 'unattributed' }, 'Unattributed')];
  const cue = hit.cue ? el('span', { className: 'quote-cue-text' }, `“${hit.cue}”`) : null;
  const group = hit.group ?? {};
  const others = (Number(group.size) || 1) - 1;
  const meta = [
    article.outlet ? el('span', { className: 'hit-outlet' }, article.outlet) : null,
    article.date ? el('time', { dateTime: article.date }, format_date(article.date)) : el('span', {}, 'Undated'),
    others > 0
      ? el(
          'span',
          { className: 'quote-group' },
          `Also reported by ${plural(others, 'other article')}`,
          group.first_seen && group.first_seen !== article.date ? `, first on ${format_date(group.first_seen)}` : '',
        )
      : null,
  ].filter(Boolean);
  return el(
    'li',
    { className: `hit quote-hit${low ? ' low-confidence' : ''}` },
    el('blockquote', { className: 'quote-text' }, ...snippet_nodes(hit.text ?? '')),
    el('p', { className: 'quote-who' }, '— ', ...who, cue ? ', cue ' : '', cue),
    el('p', { className: 'hit-meta' }, ...meta),
    article.id
      ? el(
          'p',
          { className: 'quote-source' },
          el(
            'a',
            { href: href_for(open), 'data-navigate': '', className: 'quote-open' },
            'In context: ',
            article.title || '(untitled)',
          ),
        )
      : null,
  );
}
