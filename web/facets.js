// facets.js — the filter panel: Outlet, Speaker and Year facets with counts and checkboxes, and
// the date range. Years are not a separate API filter: a set of ticked years is the date range
// from 1 January of the first to 31 December of the last, so the two controls never disagree.

import { el, plural } from './dom.js';
import { state_to_search, with_changes } from './state.js';

// How many values a long facet shows before "Show all".
const kCollapsedCount = 8;

// Facet groups whose long lists the user has expanded; kept while the page lives.
const expanded = new Set();

// The years fully covered by the state's date range, when that range is exactly whole years.
export function year_range(state) {
  const first = /^(\d{4})-01-01$/.exec(state.from);
  const last = /^(\d{4})-12-31$/.exec(state.to);
  if (!first || !last) return null;
  const range = { first: Number(first[1]), last: Number(last[1]) };
  return range.first <= range.last ? range : null;
}

// The date range after ticking or unticking one year. Ticked years stay contiguous: ticking
// extends the range to include the year, unticking an end year shrinks it, and unticking a year
// in the middle keeps the years before it (a range cannot have holes).
export function toggle_year(state, year, checked) {
  const range = year_range(state);
  let first = year;
  let last = year;
  if (checked && range) {
    first = Math.min(range.first, year);
    last = Math.max(range.last, year);
  } else if (!checked) {
    if (!range || (range.first === year && range.last === year)) return { from: '', to: '' };
    ({ first, last } = range);
    if (year === first) first += 1;
    else last = year - 1;
  }
  return { from: `${pad_year(first)}-01-01`, to: `${pad_year(last)}-12-31` };
}

function pad_year(year) {
  return String(year).padStart(4, '0');
}

// Renders the three facet groups into their fieldsets. `facets` is the search response's facets
// object; `year_facet` the year counts to show (computed without the date range, so ticking one
// year still shows the others). `navigate` receives the next state.
export function render_facets(state, facets, year_facet, navigate) {
  render_value_facet({
    name: 'outlet',
    label: 'outlets',
    values: facets.outlet ?? [],
    selected: state.outlet,
    on_toggle: (value, checked) =>
      navigate(with_changes(state, { outlet: toggled(state.outlet, value, checked) })),
  });
  render_value_facet({
    name: 'speaker',
    label: 'speakers',
    values: facets.speaker ?? [],
    selected: state.speaker,
    on_toggle: (value, checked) =>
      navigate(with_changes(state, { speaker: toggled(state.speaker, value, checked) })),
    // Every speaker name leads to the speaker's page; here beside the box that filters by them.
    link: (value) => ({
      href: state_to_search(with_changes(state, { speaker_page: value })),
      label: `Speaker page of ${value}`,
    }),
  });
  const range = year_range(state);
  const selected_years = (year_facet ?? [])
    .map((entry) => String(entry.value))
    .filter((year) => range && Number(year) >= range.first && Number(year) <= range.last);
  // Years read as a timeline, newest first, rather than by count like the other facets.
  const years = [...(year_facet ?? [])].sort((a, b) => String(b.value).localeCompare(String(a.value)));
  render_value_facet({
    name: 'year',
    label: 'years',
    values: years,
    selected: selected_years,
    on_toggle: (value, checked) =>
      navigate(with_changes(state, toggle_year(state, Number(value), checked))),
  });
}

function toggled(values, value, checked) {
  const rest = values.filter((existing) => existing !== value);
  return checked ? [...rest, value] : rest;
}

// One fieldset of checkboxes. Selected values missing from the counts (no longer matching
// anything) are still listed, ticked, with 0, so the user can always untick them. Long lists get
// a filter box that searches all of their values.
function render_value_facet(facet) {
  const { name, label, values, selected } = facet;
  const fieldset = document.getElementById(`facet-${name}`);
  const entries = values.map((entry) => ({ value: String(entry.value), count: Number(entry.count) || 0 }));
  for (const value of selected) {
    if (!entries.some((entry) => entry.value === value)) entries.unshift({ value, count: 0 });
  }
  latest.set(name, { facet, entries });

  let filter = fieldset.querySelector('.facet-filter');
  if (entries.length > kCollapsedCount && !filter) {
    filter = el('input', {
      type: 'search',
      className: 'facet-filter',
      placeholder: `Filter ${label}…`,
      autocomplete: 'off',
      'aria-label': `Filter ${label}`,
    });
    filter.addEventListener('input', () => draw_list(name));
    filter.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && filter.value !== '') {
        event.preventDefault();
        filter.value = '';
        draw_list(name);
      }
    });
    fieldset.querySelector('legend').after(filter);
  } else if (entries.length <= kCollapsedCount && filter && filter !== document.activeElement) {
    filter.remove();
  }
  draw_list(name);
}

// The latest values of each facet, so that typing in a filter box redraws from current counts.
const latest = new Map();

function draw_list(name) {
  const { facet, entries } = latest.get(name);
  const { label, selected, on_toggle, link } = facet;
  const fieldset = document.getElementById(`facet-${name}`);
  const list = fieldset.querySelector('ul');
  const needle = (fieldset.querySelector('.facet-filter')?.value ?? '').trim().toLowerCase();
  // Ticking a box re-renders the list when the new counts arrive; keep keyboard focus on it.
  const active = document.activeElement;
  const focused = list.contains(active) ? active.value : null;

  const is_expanded = expanded.has(name);
  const ticked = (entry) => selected.includes(entry.value);
  let visible;
  if (needle) {
    visible = entries.filter((entry) => entry.value.toLowerCase().includes(needle) || ticked(entry));
  } else if (is_expanded) {
    visible = entries;
  } else {
    // Ticked values stay visible even when the list is collapsed.
    visible = [...entries.slice(0, kCollapsedCount), ...entries.slice(kCollapsedCount).filter(ticked)];
  }

  const items = visible.map((entry) => {
    const checkbox = el('input', {
      type: 'checkbox',
      name,
      value: entry.value,
      checked: selected.includes(entry.value),
    });
    checkbox.addEventListener('change', () => on_toggle(entry.value, checkbox.checked));
    const target = link?.(entry.value);
    return el(
      'li',
      { className: target ? 'facet-linked' : undefined },
      el(
        'label',
        {},
        checkbox,
        el('span', { className: 'facet-value' }, entry.value),
        el('span', { className: 'facet-count' }, entry.count.toLocaleString('en')),
      ),
      target
        ? el(
            'a',
            { href: target.href, className: 'facet-profile', 'data-navigate': '', 'aria-label': target.label, title: target.label },
            '›',
          )
        : null,
    );
  });
  if (items.length === 0) {
    const text = needle ? `No ${label} match “${needle}”` : `No ${label} in these results`;
    items.push(el('li', { className: 'facet-empty' }, text));
  }
  list.replaceChildren(...items);
  if (focused !== null) {
    [...list.querySelectorAll('input')].find((input) => input.value === focused)?.focus();
  }

  fieldset.querySelector('.facet-more')?.remove();
  if (entries.length > kCollapsedCount && !needle) {
    const button = el(
      'button',
      { type: 'button', className: 'facet-more link-button', 'aria-expanded': String(is_expanded) },
      is_expanded ? `Show fewer ${label}` : `Show all ${plural(entries.length, label.slice(0, -1))}`,
    );
    button.addEventListener('click', () => {
      if (is_expanded) expanded.delete(name);
      else expanded.add(name);
      draw_list(name);
      fieldset.querySelector('.facet-more')?.focus();
    });
    fieldset.append(button);
  }
}
