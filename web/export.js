// export.js — the current search as an Atom feed, CSV and JSON Lines (docs/api.md): links beside
// the result count, and the <link rel="alternate"> in <head> that browsers and feed readers look
// for, both kept in step with the search.

import { el } from './dom.js';
import { search_params } from './state.js';

// The URLs of a state's search (relative, like every API call of the page). Exports are the
// whole result set in the page's sort order; the feed is always newest first, so it takes no
// sort. Paging never applies.
export function export_urls(state) {
  const filters = search_params({ ...state, page: 1, size: 0 });
  const feed = new URLSearchParams(filters);
  feed.delete('sort');
  const query = (params) => (params.toString() ? `?${params}` : '');
  return {
    atom: `api/search.atom${query(feed)}`,
    csv: `api/search.csv${query(filters)}`,
    jsonl: `api/search.jsonl${query(filters)}`,
  };
}

// The feed's title as a feed reader lists it.
export function feed_title(state) {
  return state.q ? `Broadsheet: ${state.q}` : 'Broadsheet: latest articles';
}

// Shows the links for the article list (exports hold articles, so other views hide them) and
// points the <head> feed link at the current search.
export function render_export(state) {
  const urls = export_urls(state);
  let alternate = document.head.querySelector('link[rel="alternate"][type="application/atom+xml"]');
  if (!alternate) {
    alternate = el('link', { rel: 'alternate', type: 'application/atom+xml' });
    document.head.append(alternate);
  }
  alternate.href = urls.atom;
  alternate.title = feed_title(state);

  const holder = document.getElementById('export-links');
  holder.hidden = state.view !== '';
  holder.replaceChildren(
    el('span', { className: 'export-label' }, 'Export:'),
    ' ',
    el('a', { href: urls.atom, type: 'application/atom+xml', className: 'export-atom' }, 'Atom feed'),
    ' ',
    el('a', { href: urls.csv, type: 'text/csv', download: 'broadsheet-search.csv' }, 'CSV'),
    ' ',
    el('a', { href: urls.jsonl, type: 'application/jsonl', download: 'broadsheet-search.jsonl' }, 'JSON Lines'),
  );
}
