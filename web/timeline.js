// timeline.js — the date histogram above the results: one SVG bar per day, month or year of the
// response's `histogram`. Clicking a bar (or Enter/Space on it) limits from/to to its period,
// dragging across bars to the periods they span, and Reset clears the range. The bars form a
// toolbar with one tab stop (arrow keys, Home and End move between them).

import { bar_chart, svg } from './bar_chart.js';
import { el, plural } from './dom.js';
import { with_changes } from './state.js';

// Narrowest bar slot in CSS pixels: past this many bars the chart scrolls sideways instead.
const kMinSlotPx = 6;
// Widest a period's column gets, so one or two buckets do not stretch into slabs across the page.
const kMaxSlotPx = 64;
// Bar heights in the viewBox's units; a non-empty period never draws thinner than kMinBar.
const kHeight = 100;
const kMinBar = 4;
const kIntervalWords = { day: 'day', month: 'month', year: 'year' };

function holder() {
  return document.getElementById('timeline');
}

// The buckets of a histogram as the page uses them; anything malformed is dropped rather than
// drawn wrong.
export function timeline_buckets(histogram) {
  const buckets = Array.isArray(histogram?.buckets) ? histogram.buckets : [];
  return buckets
    .filter((b) => typeof b.period === 'string' && typeof b.from === 'string' && typeof b.to === 'string')
    .map((b) => ({ period: b.period, from: b.from, to: b.to, count: Number(b.count) || 0 }));
}

// The from/to that select the buckets first..last (in either order).
export function span_range(buckets, first, last) {
  const [low, high] = first <= last ? [first, last] : [last, first];
  return { from: buckets[low].from, to: buckets[high].to };
}

// Draws the histogram of `data` (a search or quote search response) into #timeline, or hides it
// when there is nothing to draw (no response, or no match at all). `noun` names what is counted.
export function render_timeline(state, data, noun, navigate) {
  const box = holder();
  const histogram = data?.histogram;
  const buckets = timeline_buckets(histogram);
  const undated = Number(histogram?.undated) || 0;
  if (!histogram || (buckets.length === 0 && undated === 0)) {
    box.replaceChildren();
    box.hidden = true;
    return;
  }
  const interval = kIntervalWords[histogram.interval] ?? 'period';
  const title = el('h3', { className: 'search-timeline-title', id: 'timeline-title' }, `${capitalised(noun)}s per ${interval}`);
  const head = el('div', { className: 'search-timeline-head' }, title);
  if (undated > 0 || buckets.length === 0) {
    head.append(el('p', { className: 'search-timeline-undated' }, `undated: ${undated.toLocaleString('en')}`));
  }
  if (state.from || state.to) {
    const reset = el('button', { type: 'button', className: 'search-timeline-reset', 'aria-label': 'Reset date range' }, 'Reset');
    reset.addEventListener('click', () => navigate(with_changes(state, { from: '', to: '' })));
    head.append(reset);
  }
  const parts = [head];
  if (buckets.length > 0) parts.push(chart(state, buckets, noun, navigate), axis(buckets));
  box.replaceChildren(...parts);
  box.hidden = false;
}

function capitalised(word) {
  return `${word[0].toUpperCase()}${word.slice(1)}`;
}

// Period names under the first and last bars (the bars' own labels carry every period).
function axis(buckets) {
  const first = buckets[0].period;
  const last = buckets.at(-1).period;
  return el(
    'div',
    { className: 'search-timeline-axis', 'aria-hidden': 'true' },
    el('span', {}, first),
    first === last ? null : el('span', {}, last),
  );
}

function chart(state, buckets, noun, navigate) {
  const n = buckets.length;
  // One tab stop: the first period with matches, so Tab does not walk a thousand bars.
  const start = Math.max(0, buckets.findIndex((b) => b.count > 0));
  const labels = buckets.map((bucket) => `${bucket.period}: ${plural(bucket.count, noun)}`);
  const { plot, groups: bars } = bar_chart({
    bars: buckets.map((bucket, i) => ({ count: bucket.count, title: labels[i] })),
    slot: 1,
    inset: 0.12,
    width: 0.76,
    height: kHeight,
    min_bar: kMinBar,
    attributes: {
      class: 'search-timeline-chart',
      preserveAspectRatio: 'none',
      role: 'toolbar',
      'aria-labelledby': 'timeline-title',
      'aria-describedby': 'timeline-help',
    },
    bar_class: 'search-timeline-bar',
    group_class: 'search-timeline-bucket',
    group: (i, { x }) => ({
      attributes: { role: 'button', tabindex: i === start ? 0 : -1, 'aria-label': labels[i], 'data-index': i },
      // The whole column reacts, so short and empty periods can be clicked and dragged over too.
      before: [svg('rect', { class: 'search-timeline-hit', x, y: 0, width: 1, height: kHeight })],
    }),
  });
  plot.style.minWidth = `${n * kMinSlotPx}px`;
  plot.style.maxWidth = `${n * kMaxSlotPx}px`;

  const select = (first, last, from_keyboard) => {
    const shown = navigate(with_changes(state, span_range(buckets, first, last)));
    // The bars are redrawn for the new range; keyboard users continue from the new chart.
    if (from_keyboard) shown.then(() => holder().querySelector('.search-timeline-bucket[tabindex="0"]')?.focus());
  };
  const index_at = (x) => {
    const box = plot.getBoundingClientRect();
    return Math.min(n - 1, Math.max(0, Math.floor(((x - box.left) / box.width) * n)));
  };
  const mark = (first, last) => {
    const [low, high] = first <= last ? [first, last] : [last, first];
    bars.forEach((bar, i) => bar.classList.toggle('in-range', i >= low && i <= high));
  };

  // Pointer: press on one bar, release on the same bar (a click) or another (a drag).
  let anchor = null;
  plot.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    anchor = index_at(event.clientX);
    plot.setPointerCapture(event.pointerId);
    mark(anchor, anchor);
    event.preventDefault();  // no text selection or native drag while sweeping
    bars[anchor].focus({ preventScroll: true });
  });
  plot.addEventListener('pointermove', (event) => {
    if (anchor !== null) mark(anchor, index_at(event.clientX));
  });
  plot.addEventListener('pointerup', (event) => {
    if (anchor === null) return;
    const first = anchor;
    anchor = null;
    select(first, index_at(event.clientX), false);
  });
  plot.addEventListener('pointercancel', () => {
    anchor = null;
    mark(-1, -1);
  });
  // Assistive technology activates a button with a click that no pointer made (detail 0).
  plot.addEventListener('click', (event) => {
    const bar = event.target.closest?.('.search-timeline-bucket');
    if (event.detail === 0 && bar) select(Number(bar.dataset.index), Number(bar.dataset.index), true);
  });

  plot.addEventListener('keydown', (event) => {
    const bar = event.target.closest?.('.search-timeline-bucket');
    if (!bar) return;
    const i = Number(bar.dataset.index);
    const moves = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: n - 1 };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(i, i, true);
    } else if (event.key in moves) {
      event.preventDefault();
      const next = Math.min(n - 1, Math.max(0, moves[event.key]));
      bar.setAttribute('tabindex', '-1');
      bars[next].setAttribute('tabindex', '0');
      bars[next].focus();
      bars[next].scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    }
  });

  const help = el(
    'p',
    { className: 'visually-hidden', id: 'timeline-help' },
    'Arrow keys move between periods; Enter or Space limits the results to one.',
  );
  return el('div', { className: 'search-timeline-scroll' }, plot, help);
}
