// article.js — the reading view: title, metadata, the body in paragraphs with its quotes marked,
// and the quotes grouped by speaker. Metadata values link to the search filtered by them.

import { el, format_date, plural, safe_http_url } from './dom.js';
import { highlighted, query_terms } from './highlight.js';
import { empty_state, with_changes } from './state.js';
import { href_for } from './results.js';

// `neighbours` ({previous, next}, each a page state or null) links the results around this one.
export function render_article(state, article, neighbours) {
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
    el('div', { className: 'article-body' }, ...body_paragraphs(article.body ?? '', quotes, terms)),
    render_quotes(article, quotes),
  );
}

function neighbour_link(target, text, rel) {
  if (!target) return null;
  return el('a', { href: href_for(target), rel, className: `article-${rel}`, 'data-navigate': '' }, text);
}

function render_metadata(article) {
  const rows = [];
  const row = (term, ...value) => rows.push(el('dt', {}, term), el('dd', {}, ...value));
  row('Date', article.date ? el('time', { dateTime: article.date }, format_date(article.date)) : 'Unknown');
  if (article.outlet) row('Outlet', filter_link({ outlet: [article.outlet] }, article.outlet));
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

// A link to the whole archive filtered by one value (a fresh search, not the current one).
function filter_link(changes, text) {
  return el('a', { href: href_for(with_changes(empty_state(), changes)), 'data-navigate': '' }, text);
}

// Quotes whose code-point offsets really point at their text in the body; anything else is still
// listed under its speaker but not marked in the body, rather than marking the wrong words.
function valid_quotes(article) {
  const chars = Array.from(article.body ?? '');
  const quotes = Array.isArray(article.quotes) ? article.quotes : [];
  return quotes.map((quote) => {
    const begin = Number(quote.char_begin);
    const end = Number(quote.char_end);
    const in_body =
      Number.isInteger(begin) &&
      Number.isInteger(end) &&
      begin >= 0 &&
      begin < end &&
      end <= chars.length &&
      chars.slice(begin, end).join('') === quote.text;
    return { ...quote, in_body };
  });
}

// Splits the body into paragraphs at blank lines and wraps each quote's span in a marked element.
// Works on code points so that offsets from the API line up with non-ASCII text.
function body_paragraphs(body, quotes, terms) {
  const chars = Array.from(body);
  const spans = quotes
    .filter((quote) => quote.in_body)
    .map((quote) => ({ begin: quote.char_begin, end: quote.char_end, speaker: quote.speaker }))
    .sort((a, b) => a.begin - b.begin);
  const paragraphs = [];
  const push = (start, end) => {
    if (chars.slice(start, end).join('').trim() !== '') {
      paragraphs.push(paragraph(chars, start, end, spans, terms));
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

function paragraph(chars, start, end, spans, terms) {
  const node = el('p');
  const text = (from, to) => highlighted(chars.slice(from, to).join(''), terms);
  let at = start;
  for (const span of spans) {
    if (span.end <= at || span.begin >= end) continue;
    const begin = Math.max(span.begin, at);
    const stop = Math.min(span.end, end);
    if (begin > at) node.append(...text(at, begin));
    const title = span.speaker ? `Quote from ${span.speaker}` : 'Unattributed quote';
    node.append(el('span', { className: 'quote-in-body', title }, ...text(begin, stop)));
    at = stop;
  }
  if (at < end) node.append(...text(at, end));
  return node;
}

// Quotes grouped by speaker, speakers in order of their first quote, unattributed ones last.
function render_quotes(article, quotes) {
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
    const heading = el('h4', {}, speaker || 'Unattributed', ' ', count);
    const items = group.map((quote) => el('li', {}, el('blockquote', {}, quote.text)));
    const more = speaker
      ? el(
          'p',
          { className: 'speaker-link' },
          filter_link({ speaker: [speaker] }, `All articles quoting ${speaker}`),
        )
      : null;
    section.append(
      el('section', { className: 'speaker-quotes' }, heading, el('ul', {}, ...items), more),
    );
  }
  return section;
}
