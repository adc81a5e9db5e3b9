// article.js — the reading view: title, metadata, the body in paragraphs with its quotes marked,
// the quotes grouped by speaker, and "More like this". Metadata values link to the search
// filtered by them.

import * as api from './api.js';
import { el, format_date, plural, safe_http_url } from './dom.js';
import { highlighted, query_terms } from './highlight.js';
import { is_low_confidence } from './quotes.js';
import { empty_state, pick_facet_value, with_changes } from './state.js';
import { href_for, speaker_link } from './results.js';

// `neighbours` ({previous, next}, each a page state or null) links the results around this one.
// `signal` aborts the "More like this" request when the page moves on.
export function render_article(state, article, neighbours, signal) {
  const view = document.getElementById('article-view');
  const back = with_changes(state, {});
  const quotes = valid_quotes(article);
  const terms = query_terms(state.q);
  view.replaceChildren(
    el(
      'nav',
      { className: 'article-nav', 'aria-label': 'Results' },
      el('a', { href: href_for(back), 'data-navigate': '' }, '← Back to results'),
      neighbour_link(neighbours.previous, '‹ Previous result', 'previous'),
      neighbour_link(neighbours.next, 'Next result ›', 'next'),
    ),
    el('h2', { id: 'article-title', tabIndex: -1 }, ...highlighted(article.title || '(untitled)', terms)),
    render_metadata(article),
    el('div', { className: 'article-body' }, ...body_paragraphs(state, article.body ?? '', quotes, terms)),
    render_quotes(state, quotes),
    render_related(state, article.id ?? state.article, signal),
  );
}

const kRelatedTermsShown = 6;

// "More like this": articles that share this one's most telling words (GET /related). Hidden
// until they arrive, and for good when there are none or the request fails: the article reads
// as well without them.
function render_related(state, id, signal) {
  const list = el('ul', { className: 'related-list' });
  const why = el('p', { className: 'related-terms' });
  const section = el(
    'section',
    { className: 'related', 'aria-labelledby': 'related-heading', hidden: true },
    el('h3', { id: 'related-heading' }, 'More like this'),
    why,
    list,
  );
  api
    .related(id, signal)
    .then((data) => {
      const hits = (Array.isArray(data.hits) ? data.hits : []).filter((hit) => hit.id !== id);
      if (hits.length === 0) return;
      const terms = Array.isArray(data.terms) ? data.terms.slice(0, kRelatedTermsShown) : [];
      if (terms.length > 0) why.append('Found through this article’s words ', el('em', {}, terms.join(', ')), '.');
      list.replaceChildren(...hits.map((hit) => related_item(state, hit)));
      section.hidden = false;
    })
    .catch(() => {
      // Aborted (the reader moved on) or failed: the section simply stays hidden.
    });
  return section;
}

function related_item(state, hit) {
  const details = [hit.outlet, hit.date ? format_date(hit.date) : null].filter(Boolean).join(' · ');
  return el(
    'li',
    {},
    el(
      'a',
      { href: href_for(with_changes(state, { article: hit.id })), 'data-navigate': '' },
      hit.title || '(untitled)',
    ),
    details ? el('span', { className: 'related-details' }, ` — ${details}`) : null,
  );
}

// The element showing the state's quote (its mark in the body, else its entry in the list), or
// null when the article has no such quote.
export function quote_target(state) {
  if (state.quote < 1) return null;
  return document.getElementById(`quote-${state.quote}`) ?? document.getElementById(`quote-item-${state.quote}`);
}

// What a quote's mark says on hover and to screen readers: speaker, cue, and any doubt.
function quote_description(quote) {
  const who = quote.speaker ? `Quote from ${quote.speaker}` : 'Unattributed quote';
  const cue = quote.cue ? `, cue “${quote.cue}”` : '';
  return `${who}${cue}${is_low_confidence(quote) ? ' (uncertain attribution)' : ''}`;
}

function neighbour_link(target, text, rel) {
  if (!target) return null;
  return el('a', { href: href_for(target), rel, className: `article-${rel}`, 'data-navigate': '' }, text);
}

function render_metadata(article) {
  const rows = [];
  const row = (term, ...value) => rows.push(el('dt', {}, term), el('dd', {}, ...value));
  row('Date', article.date ? el('time', { dateTime: article.date }, format_date(article.date)) : 'Unknown');
  if (article.outlet) row('Outlet', filter_link('outlet', article.outlet, {}, article.outlet));
  if (article.author) row('Author', article.author);
  const url = safe_http_url(article.url);
  if (url) {
    row('Source', el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, url));
  } else if (article.url) {
    row('Source', article.url);
  }
  if (article.source_path) row('File', el('code', {}, article.source_path));
  return el('dl', { className: 'article-meta' }, ...rows);
}

// A link to the whole archive filtered by one value of a facet (a fresh search, not the current
// one), with further `changes` such as the view.
function filter_link(facet, value, changes, text) {
  const fresh = pick_facet_value(empty_state(), facet, value, 'only');
  return el('a', { href: href_for(with_changes(fresh, changes)), 'data-navigate': '' }, text);
}

// Quotes whose code-point offsets really point at their text in the body; anything else is still
// listed under its speaker but not marked in the body, rather than marking the wrong words.
function valid_quotes(article) {
  const chars = Array.from(article.body ?? '');
  const quotes = Array.isArray(article.quotes) ? article.quotes : [];
  return quotes.map((quote, index) => {
    const begin = Number(quote.char_begin);
    const end = Number(quote.char_end);
    const in_body =
      Number.isInteger(begin) &&
      Number.isInteger(end) &&
      begin >= 0 &&
      begin < end &&
      end <= chars.length &&
      chars.slice(begin, end).join('') === quote.text;
    return { ...quote, in_body, position: index + 1 };
  });
}

// Splits the body into paragraphs at blank lines and wraps each quote's span in a marked element.
// Works on code points so that offsets from the API line up with non-ASCII text.
function body_paragraphs(state, body, quotes, terms) {
  const chars = Array.from(body);
  const spans = quotes
    .filter((quote) => quote.in_body)
    .map((quote) => ({ begin: quote.char_begin, end: quote.char_end, quote }))
    .sort((a, b) => a.begin - b.begin);
  const paragraphs = [];
  const push = (start, end) => {
    if (chars.slice(start, end).join('').trim() !== '') {
      paragraphs.push(paragraph(state, chars, start, end, spans, terms));
    }
  };
  let start = 0;
  let i = 0;
  while (i < chars.length) {
    if (chars[i] === '\n' && chars[i + 1] === '\n') {
      push(start, i);
      while (i < chars.length && chars[i] === '\n') i += 1;
      start = i;
    } else {
      i += 1;
    }
  }
  push(start, chars.length);
  return paragraphs;
}

// A quote crossing a paragraph break is marked in each paragraph; the first piece carries the
// quote's id (the scroll target) and the last is followed by the speaker label.
function paragraph(state, chars, start, end, spans, terms) {
  const node = el('p');
  const text = (from, to) => highlighted(chars.slice(from, to).join(''), terms);
  let at = start;
  for (const span of spans) {
    if (span.end <= at || span.begin >= end) continue;
    const begin = Math.max(span.begin, at);
    const stop = Math.min(span.end, end);
    if (begin > at) node.append(...text(at, begin));
    const { quote } = span;
    const low = is_low_confidence(quote);
    const classes = ['quote-in-body'];
    if (low) classes.push('quote-low');
    if (quote.position === state.quote) classes.push('quote-target');
    const label_id = `quote-label-${quote.position}`;
    node.append(
      el(
        'span',
        {
          className: classes.join(' '),
          id: begin === span.begin ? `quote-${quote.position}` : undefined,
          title: quote_description(quote),
          tabIndex: 0,
          'aria-describedby': label_id,
        },
        ...text(begin, stop),
      ),
    );
    if (stop === span.end) node.append(quote_label(state, quote, label_id, low));
    at = stop;
  }
  if (at < end) node.append(...text(at, end));
  return node;
}

// The label after a quote in the body: its speaker (a link to their page), a note for uncertain
// attributions, and the cue words, which show while the quote or label is hovered or focused.
function quote_label(state, quote, id, low) {
  return el(
    'span',
    { className: `quote-label${low ? ' quote-label-low' : ''}`, id },
    quote.speaker ? speaker_link(state, quote.speaker, 'quote-speaker') : el('span', {}, 'unattributed'),
    low ? el('span', { className: 'quote-doubt' }, ' (uncertain)') : null,
    quote.cue ? el('span', { className: 'quote-cue' }, ` · ${quote.cue}`) : null,
  );
}

// Quotes grouped by speaker, speakers in order of their first quote, unattributed ones last.
function render_quotes(state, quotes) {
  const section = el('section', { className: 'article-quotes', 'aria-labelledby': 'quotes-heading' });
  section.append(el('h3', { id: 'quotes-heading' }, `Quotes (${quotes.length})`));
  if (quotes.length === 0) {
    section.append(el('p', {}, 'No quotes were found in this article.'));
    return section;
  }
  const groups = new Map();
  for (const quote of quotes) {
    const speaker = quote.speaker || '';
    if (!groups.has(speaker)) groups.set(speaker, []);
    groups.get(speaker).push(quote);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === '') - (b === ''));
  for (const [speaker, group] of ordered) {
    const count = el('span', { className: 'quote-count' }, `(${plural(group.length, 'quote')})`);
    const heading = el('h4', {}, speaker ? speaker_link(state, speaker) : 'Unattributed', ' ', count);
    const items = group.map((quote) => {
      const low = is_low_confidence(quote);
      const classes = [low ? 'quote-low' : '', quote.position === state.quote ? 'quote-target' : '']
        .filter(Boolean)
        .join(' ');
      const notes = [
        quote.cue ? `cue “${quote.cue}”` : '',
        low ? 'uncertain attribution' : '',
      ].filter(Boolean);
      return el(
        'li',
        { id: `quote-item-${quote.position}`, className: classes || undefined, tabIndex: -1 },
        el('blockquote', {}, quote.text),
        notes.length > 0 ? el('p', { className: 'quote-notes' }, notes.join(' · ')) : null,
      );
    });
    const more = speaker
      ? el(
          'p',
          { className: 'speaker-link' },
          filter_link('speaker', speaker, {}, `All articles quoting ${speaker}`),
          ' · ',
          filter_link('speaker', speaker, { view: 'quotes' }, 'All their quotes'),
        )
      : null;
    section.append(
      el('section', { className: 'speaker-quotes' }, heading, el('ul', {}, ...items), more),
    );
  }
  return section;
}
