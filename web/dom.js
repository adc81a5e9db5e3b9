// dom.js — small DOM helpers. Every string from an article or a query enters the page as a text
// node; the only markup ever taken from the server is <mark> in snippets, rebuilt element by element.

// Creates an element with properties (className, href, …), attributes ("aria-*", "data-*") and
// children (nodes or strings, strings becoming text nodes). null/false children are skipped.
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('aria-') || key.startsWith('data-') || key === 'role') {
      node.setAttribute(key, String(value));
    } else {
      node[key] = value;
    }
  }
  append_all(node, children);
  return node;
}

export function append_all(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// Builds the nodes of a server snippet: HTML-escaped text in which <mark>…</mark> is the only
// markup. The text between marks has its character references decoded (decode_entities) and
// enters the page as text nodes; marks become real <mark> elements. Anything else that looks
// like a tag stays visible as literal text.
export function snippet_nodes(snippet) {
  const nodes = [];
  let inside_mark = false;
  for (const part of String(snippet).split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') {
      inside_mark = true;
    } else if (part === '</mark>') {
      inside_mark = false;
    } else if (part !== '') {
      const text = decode_entities(part);
      nodes.push(inside_mark ? el('mark', {}, text) : document.createTextNode(text));
    }
  }
  return nodes;
}

const kEntities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

// Decodes the character references an HTML escaper produces (named basics and numeric ones);
// an unknown reference is left as it is rather than guessed.
export function decode_entities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name) => {
    if (name in kEntities) return kEntities[name];
    const code = name.startsWith('#x')
      ? Number.parseInt(name.slice(2), 16)
      : name.startsWith('#')
        ? Number.parseInt(name.slice(1), 10)
        : NaN;
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// A link target from article data is used only when it is an absolute http(s) URL, so a
// "javascript:" URL in a scraped file can never become a clickable script.
export function safe_http_url(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

// Formats a YYYY-MM-DD date for reading ("17 Nov 2017") without time-zone shifts.
export function format_date(iso) {
  if (!iso) return null;
  const [year, month, day] = iso.split('-').map((part) => Number.parseInt(part, 10));
  if (!year || !month || !day) return iso;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

// "1 article", "5 articles".
export function plural(count, word) {
  return `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
}
