// bar_chart.js — the page's one SVG bar chart of counts, one bar per period, scaled to the largest
// count: the search timeline above the results (bars to click and drag over) and the speaker
// page's quotes per month (a labelled picture). Each bar is a <g> holding a <title> (read by
// screen readers and shown on hover) and its <rect>.

const kSvg = 'http://www.w3.org/2000/svg';

// An SVG element with attributes and children.
export function svg(tag, attributes, ...children) {
  const node = document.createElementNS(kSvg, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  node.append(...children);
  return node;
}

// The height of a bar for `count` when `max` fills `full`: zero stays empty, anything else is
// at least `min` so a small period is still visible.
export function bar_height(count, max, full, min) {
  return count === 0 ? 0 : Math.max(min, (count / Math.max(max, 1)) * full);
}

// Draws one chart. `chart` holds:
//   bars         — [{ count, title }], in order from left to right;
//   slot, inset, width — in viewBox units: the column of one bar, where its bar starts in the
//                  column and how wide the bar is;
//   height, min_bar    — the tallest bar and the thinnest non-empty one;
//   below        — room under the baseline (for labels), 0 unless given;
//   min_width    — the narrowest viewBox, 0 unless given;
//   attributes   — of the <svg> element (its viewBox is set here);
//   bar_class, group_class — classes of each <rect> and its <g>;
//   group        — optional (i, geometry) → { attributes, before, after }: more attributes of the
//                  <g>, and nodes before and after the bar's <rect>; geometry is { x, y, h }
//                  with x the column's left edge and y the bar's top;
//   baseline_class — when given, a line along the baseline with this class.
// Returns { plot, groups }: the <svg> and the bars' <g> elements.
export function bar_chart(chart) {
  const { bars, slot, inset, width, height, min_bar, below = 0, min_width = 0 } = chart;
  const max = Math.max(...bars.map((bar) => bar.count), 1);
  const plot_width = Math.max(bars.length * slot, min_width);
  const plot = svg('svg', { ...chart.attributes, viewBox: `0 0 ${plot_width} ${height + below}` });
  const groups = bars.map((bar, i) => {
    const x = i * slot;
    const h = bar_height(bar.count, max, height, min_bar);
    const y = height - h;
    const extra = chart.group?.(i, { x, y, h }) ?? {};
    const group = svg(
      'g',
      { class: chart.group_class, ...extra.attributes },
      svg('title', {}, bar.title),
      ...(extra.before ?? []),
      svg('rect', { class: chart.bar_class, x: x + inset, y, width, height: h }),
      ...(extra.after ?? []),
    );
    plot.append(group);
    return group;
  });
  if (chart.baseline_class) {
    plot.append(svg('line', { x1: 0, y1: height, x2: plot_width, y2: height, class: chart.baseline_class }));
  }
  return { plot, groups };
}
