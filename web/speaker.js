// speaker.js — a speaker's page: how often and where they are quoted, a per-month timeline as
// SVG bars (bar_chart.js, each bar labelled for screen readers), their characteristic terms and
// recent quotes.

import { bar_chart, svg } from './bar_chart.js';
import { el, plural } from './dom.js';
import { render_quote_hit } from './quotes.js';
import { href_for } from './results.js';
import { empty_state, pick_facet_value, with_changes } from './state.js';

// The timeline shows at most this many months (the latest ones) so bars stay readable.
const kMaxMonths = 120;
const kMonthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function render_speaker(state, profile) {
  const view = document.getElementById('speaker-view');
  const name = String(profile.name ?? state.speaker_page);
  // Searches about this speaker start fresh: the page is about them, not the search it came from.
  const fresh = pick_facet_value(empty_state(), 'speaker', name, 'only');
  const about = (changes) => href_for(with_changes(fresh, changes));
  const about_outlet = (outlet) => href_for(with_changes(pick_facet_value(fresh, 'outlet', outlet, 'only'), { view: 'quotes' }));
  const quotes = Number(profile.quotes) || 0;
  const articles = Number(profile.articles) || 0;
  view.replaceChildren(
    el(
      'nav',
      { className: 'article-nav', 'aria-label': 'Back' },
      el('a', { href: href_for(with_changes(state, {})), 'data-navigate': '' }, '← Back to results'),
    ),
    el('h2', { id: 'speaker-title', tabIndex: -1 }, name),
    el(
      'p',
      { className: 'speaker-counts' },
      `${plural(quotes, 'quote')} in ${plural(articles, 'article')}. `,
      el('a', { href: about({ view: 'quotes' }), 'data-navigate': '' }, 'All quotes'),
      ' · ',
      el('a', { href: about({}), 'data-navigate': '' }, 'All articles'),
      ' · ',
      el('a', { href: about({ view: 'matrix', cols: 'month' }), 'data-navigate': '' }, 'By month'),
    ),
    section('Quotes per month', 'speaker-timeline', timeline(name, profile.per_month ?? [])),
    section('Outlets', 'speaker-outlets', value_list(profile.outlets ?? [], about_outlet)),
    section('Characteristic terms', 'speaker-terms', term_list(profile.terms ?? [], (term) => about({ view: 'quotes', q: term }))),
    section('Recent quotes', 'speaker-recent', recent(state, profile.recent_quotes ?? [])),
  );
}

function section(title, className, ...content) {
  const id = `${className}-heading`;
  return el('section', { className, 'aria-labelledby': id }, el('h3', { id }, title), ...content);
}

// Every month from the first to the last quoted one, months without quotes as zero, so gaps in
// time show as gaps.
export function fill_months(per_month) {
  const counts = new Map();
  for (const entry of per_month) {
    if (/^\d{4}-\d{2}$/.test(String(entry.month))) counts.set(entry.month, Number(entry.count) || 0);
  }
  const months = [...counts.keys()].sort();
  if (months.length === 0) return [];
  const index = (month) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const last = index(months.at(-1));
  const first = Math.max(index(months[0]), last - kMaxMonths + 1);
  const result = [];
  for (let i = first; i <= last; i += 1) {
    const month = `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
    result.push({ month, count: counts.get(month) ?? 0 });
  }
  return result;
}

function month_label(month) {
  return `${kMonthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

// Bars scaled to the busiest month; every bar has a <title> ("Sep 2016: 3 quotes") read by screen
// readers and shown on hover, and the first, busiest and last months are labelled under the axis.
function timeline(name, per_month) {
  const months = fill_months(per_month);
  if (months.length === 0) return el('p', {}, 'No dated quotes.');
  const bar = 24;
  const gap = 6;
  const height = 120;
  const busiest = months.reduce((best, entry) => (entry.count > best.count ? entry : best));
  const labelled = new Set([months[0].month, months.at(-1).month, busiest.month]);
  const total = months.reduce((sum, entry) => sum + entry.count, 0);
  const summary =
    `Quotes of ${name} per month, ${month_label(months[0].month)} to ${month_label(months.at(-1).month)}: ` +
    `${plural(total, 'quote')}, most in ${month_label(busiest.month)} (${busiest.count}).`;
  const width = Math.max(months.length * (bar + gap), 160);
  const text = (x, y, className, content) => {
    const node = svg('text', { x, y, 'text-anchor': 'middle', class: className });
    node.textContent = content;
    return node;
  };
  const { plot } = bar_chart({
    bars: months.map((entry) => ({ count: entry.count, title: `${month_label(entry.month)}: ${plural(entry.count, 'quote')}` })),
    slot: bar + gap,
    inset: 0,
    width: bar,
    height,
    min_bar: 2,
    below: 40,
    min_width: width,
    attributes: { width, height: height + 40, role: 'img', 'aria-label': summary, class: 'timeline' },
    bar_class: 'timeline-bar',
    group_class: 'timeline-month',
    group: (i, { x, y }) => {
      const entry = months[i];
      const after = [];
      if (entry.count > 0) after.push(text(x + bar / 2, y - 4, 'timeline-count', String(entry.count)));
      if (labelled.has(entry.month)) after.push(text(x + bar / 2, height + 16, 'timeline-label', month_label(entry.month)));
      return { after };
    },
    baseline_class: 'timeline-axis',
  });
  // The chart scrolls sideways inside its box on narrow screens rather than widening the page.
  return el('div', { className: 'timeline-box' }, plot);
}

function value_list(values, href) {
  if (values.length === 0) return el('p', {}, 'None.');
  return el(
    'ul',
    { className: 'count-list' },
    ...values.map((entry) =>
      el(
        'li',
        {},
        el('a', { href: href(String(entry.value)), 'data-navigate': '' }, String(entry.value)),
        ' ',
        el('span', { className: 'facet-count' }, (Number(entry.count) || 0).toLocaleString('en')),
      ),
    ),
  );
}

function term_list(terms, href) {
  if (terms.length === 0) return el('p', {}, 'None.');
  return el(
    'ul',
    { className: 'term-list' },
    ...terms.map((entry) => el('li', {}, el('a', { href: href(String(entry.term)), 'data-navigate': '' }, String(entry.term)))),
  );
}

function recent(state, hits) {
  if (hits.length === 0) return el('p', {}, 'No quotes.');
  return el('ol', { className: 'results quote-results', 'aria-label': 'Recent quotes' }, ...hits.map((hit) => render_quote_hit(state, hit)));
}
