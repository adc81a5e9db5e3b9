// matrix.js — who is quoted where (speaker × outlet) or when (speaker × month): a table whose cell
// shading grows with the count; every count links to the quotes behind it.

import { el, plural } from './dom.js';
import { href_for, speaker_link } from './results.js';
import { facet_value_changes, month_range, with_changes } from './state.js';

// The state of the search behind one cell: the speaker, and the outlet or the month (intersected
// with the date range already chosen, so the cell's search never widens the filters).
export function cell_state(state, row, col) {
  const changes = { view: 'quotes', cols: '', ...facet_value_changes(state, 'speaker', row, 'only') };
  if (state.cols === 'month') {
    const range = month_range(col);
    if (range) {
      changes.from = state.from && state.from > range.from ? state.from : range.from;
      changes.to = state.to && state.to < range.to ? state.to : range.to;
    }
  } else {
    Object.assign(changes, facet_value_changes(state, 'outlet', col, 'only'));
  }
  return with_changes(state, changes);
}

// A background for a share of the largest count (0..1): from paper to the accent colour, with
// text switching to white where the shade gets dark enough to need it.
export function shade(share) {
  const alpha = share <= 0 ? 0 : 0.12 + 0.78 * Math.min(1, share);
  return { background: `rgba(29, 53, 87, ${alpha.toFixed(3)})`, dark: alpha > 0.5 };
}

export function render_matrix(state, data) {
  const holder = document.getElementById('matrix');
  const rows = Array.isArray(data.rows) ? data.rows : [];
  const cols = Array.isArray(data.cols) ? data.cols : [];
  const cells = Array.isArray(data.cells) ? data.cells : [];
  const by_month = state.cols === 'month';
  document.getElementById('result-count').textContent = `${plural(Number(data.total) || 0, 'quote')}, ${plural(rows.length, 'speaker')}`;
  const switcher = el(
    'p',
    { className: 'matrix-switch' },
    'Columns: ',
    mode_link(state, '', 'Outlets', !by_month),
    ' · ',
    mode_link(state, 'month', 'Months', by_month),
  );
  if (rows.length === 0 || cols.length === 0) {
    holder.replaceChildren(switcher, el('p', { className: 'no-results' }, 'No quotes match. Try fewer words or filters.'));
    return;
  }
  const max = Math.max(1, ...cells.flat().map((value) => Number(value) || 0));
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, 'Speaker'),
    ...cols.map((col) => el('th', { scope: 'col' }, by_month ? month_heading(col) : col)),
    el('th', { scope: 'col' }, 'Total'),
  );
  const body = rows.map((row, r) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, speaker_link(state, row)),
      ...cols.map((col, c) => {
        const count = Number(cells[r]?.[c]) || 0;
        if (count === 0) {
          return el(
            'td',
            { className: 'matrix-zero' },
            el('span', { 'aria-hidden': 'true' }, '·'),
            el('span', { className: 'visually-hidden' }, 'none'),
          );
        }
        const { background, dark } = shade(count / max);
        const label = `${plural(count, 'quote')} of ${row} ${by_month ? 'in' : 'from'} ${by_month ? month_heading(col) : col}`;
        const cell = el(
          'td',
          { className: dark ? 'matrix-dark' : undefined },
          el('a', { href: href_for(cell_state(state, row, col)), 'data-navigate': '', 'aria-label': label, title: label }, String(count)),
        );
        cell.style.background = background;
        return cell;
      }),
      el('td', { className: 'matrix-total' }, String(Number(data.row_totals?.[r]) || 0)),
    ),
  );
  const foot = el(
    'tr',
    {},
    el('th', { scope: 'row' }, 'Total'),
    ...cols.map((_, c) => el('td', { className: 'matrix-total' }, String(Number(data.col_totals?.[c]) || 0))),
    el('td', { className: 'matrix-total' }, String(Number(data.total) || 0)),
  );
  const caption = `Quotes per speaker and ${by_month ? 'month' : 'outlet'}; darker cells hold more quotes. Each count opens those quotes.`;
  holder.replaceChildren(
    switcher,
    el(
      'div',
      { className: 'matrix-box', tabIndex: 0, role: 'region', 'aria-label': 'Speaker matrix' },
      el('table', { className: 'matrix' }, el('caption', {}, caption), el('thead', {}, head), el('tbody', {}, ...body), el('tfoot', {}, foot)),
    ),
  );
}

function mode_link(state, cols, text, current) {
  const attrs = { href: href_for(with_changes(state, { cols })), 'data-navigate': '' };
  if (current) attrs['aria-current'] = 'true';
  return el('a', attrs, text);
}

function month_heading(month) {
  const range = month_range(month);
  if (!range) return month;
  const date = new Date(`${range.from}T00:00:00Z`);
  return date.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}
