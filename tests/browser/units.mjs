// units.mjs — table-driven tests of the page's pure logic (URL state, year ranges, query terms
// for highlighting, entity decoding, link safety, response shape parameters), run by node without
// a browser.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { shaped } from '../../web/api.js';
import { decode_entities, safe_http_url } from '../../web/dom.js';
import { toggle_year, year_range } from '../../web/facets.js';
import { query_terms } from '../../web/highlight.js';
import { cell_state, shade } from '../../web/matrix.js';
import { fill_months } from '../../web/speaker.js';
import {
  empty_state,
  facet_value_changes,
  facet_values_params,
  kUnknownValue,
  matrix_params,
  month_range,
  parse_state,
  pick_facet_value,
  quote_position,
  search_params,
  state_to_search,
  with_changes,
} from '../../web/state.js';

describe('URL state', () => {
  const rows = [
    // The bare page is the empty state, and the empty state is the bare page.
    { search: '', state: {}, canonical: '' },
    // Repeated facet values keep their order; duplicates and empty values are dropped.
    {
      search: '?q=Syria&outlet=Bloomberg&outlet=Sputnik&outlet=Bloomberg&outlet=',
      state: { q: 'Syria', outlet: ['Bloomberg', 'Sputnik'] },
      canonical: '?q=Syria&outlet=Bloomberg&outlet=Sputnik',
    },
    // Names with spaces and non-ASCII letters survive the round trip.
    {
      search: '?speaker=Sergue%C3%AF+Lavrov&speaker=John+Kerry',
      state: { speaker: ['Sergueï Lavrov', 'John Kerry'] },
      canonical: '?speaker=Sergue%C3%AF+Lavrov&speaker=John+Kerry',
    },
    // Hand-typed junk falls back to defaults instead of breaking the page.
    { search: '?page=-3&sort=sideways&from=2017-13&size=5000', state: {}, canonical: '' },
    // Valid paging, sort, size and dates are kept; page 1 is the default and so left out.
    {
      search: '?from=2017-01-01&to=2017-12-31&sort=oldest&page=2&size=20',
      state: { from: '2017-01-01', to: '2017-12-31', sort: 'oldest', page: 2, size: 20 },
      canonical: '?from=2017-01-01&to=2017-12-31&sort=oldest&page=2&size=20',
    },
    // The open article is part of the state, after the search it was opened from.
    {
      search: '?article=001_54e7bc5d56f60350.txt&q=ceasefire',
      state: { q: 'ceasefire', article: '001_54e7bc5d56f60350.txt' },
      canonical: '?q=ceasefire&article=001_54e7bc5d56f60350.txt',
    },
    // The quotes view and a quote of the open article are part of the state.
    {
      search: '?q=Aleppo&view=quotes&article=a.txt&quote=3',
      state: { q: 'Aleppo', view: 'quotes', article: 'a.txt', quote: 3 },
      canonical: '?q=Aleppo&view=quotes&article=a.txt&quote=3',
    },
    // A quote without an article, a bad quote number, an unknown view and matrix columns outside
    // the matrix mean nothing and are dropped.
    { search: '?quote=2&view=pie&cols=month', state: {}, canonical: '' },
    { search: '?article=a.txt&quote=zero', state: { article: 'a.txt' }, canonical: '?article=a.txt' },
    // The matrix by month keeps its columns; by outlet is the default and so left out.
    { search: '?view=matrix&cols=month', state: { view: 'matrix', cols: 'month' }, canonical: '?view=matrix&cols=month' },
    { search: '?view=matrix&cols=outlet', state: { view: 'matrix' }, canonical: '?view=matrix' },
    // A speaker page keeps the search it was opened from; names with spaces round-trip.
    {
      search: '?q=Syria&speaker_page=John+Kerry',
      state: { q: 'Syria', speaker_page: 'John Kerry' },
      canonical: '?q=Syria&speaker_page=John+Kerry',
    },
    // A query with URL metacharacters is one value, not several parameters.
    { search: '?q=a%26b%3Dc+%23d', state: { q: 'a&b=c #d' }, canonical: '?q=a%26b%3Dc+%23d' },
  ];
  for (const row of rows) {
    test(`parses ${row.search || '(nothing)'}`, () => {
      const state = parse_state(row.search);
      assert.deepEqual(state, { ...empty_state(), ...row.state });
      assert.equal(state_to_search(state), row.canonical);
      assert.deepEqual(parse_state(state_to_search(state)), state, 'a round trip changes nothing');
    });
  }

  test('the API parameters are the state without the open article', () => {
    const state = parse_state('?q=x&speaker=A&page=3&article=id');
    assert.equal(search_params(state).toString(), 'q=x&speaker=A&page=3');
  });

  test('a change closes the speaker page and quote but keeps the view', () => {
    const state = parse_state('?view=quotes&speaker_page=X&article=a&quote=2');
    const next = with_changes(state, { q: 'y' });
    assert.deepEqual([next.view, next.speaker_page, next.quote], ['quotes', '', 0]);
  });

  test('matrix parameters carry the filters and columns, never paging or sort', () => {
    const state = parse_state('?q=x&outlet=B&sort=oldest&page=2&view=matrix&cols=month');
    assert.equal(matrix_params(state).toString(), 'q=x&outlet=B&rows=speaker&cols=month');
    assert.equal(matrix_params(parse_state('?view=matrix')).toString(), 'rows=speaker&cols=outlet');
  });

  test('a change starts again on page 1 and closes the article unless it names them', () => {
    const state = parse_state('?q=x&page=3&article=id');
    assert.deepEqual([with_changes(state, { q: 'y' }).page, with_changes(state, { q: 'y' }).article], [1, '']);
    assert.equal(with_changes(state, { page: 4 }).page, 4);
    const copy = with_changes(state, {});
    copy.outlet.push('changed');
    assert.deepEqual(state.outlet, [], 'the original state is not shared with the copy');
  });
});

describe('excluded and unknown facet values', () => {
  const rows = [
    // Exclusions are repeatable parameters of their own, kept in order without duplicates.
    {
      search: '?not_outlet=Sputnik&not_outlet=RT&not_outlet=Sputnik&not_speaker=John+Kerry&not_outlet=',
      state: { not_outlet: ['Sputnik', 'RT'], not_speaker: ['John Kerry'] },
      canonical: '?not_outlet=Sputnik&not_outlet=RT&not_speaker=John+Kerry',
    },
    // "(unknown)" is a value like any other, selected or excluded.
    {
      search: '?outlet=%28unknown%29&not_speaker=%28unknown%29',
      state: { outlet: ['(unknown)'], not_speaker: ['(unknown)'] },
      canonical: '?outlet=%28unknown%29&not_speaker=%28unknown%29',
    },
    // Selections come before exclusions in the canonical order.
    {
      search: '?not_speaker=B&speaker=A&q=x',
      state: { q: 'x', speaker: ['A'], not_speaker: ['B'] },
      canonical: '?q=x&speaker=A&not_speaker=B',
    },
  ];
  for (const row of rows) {
    test(`parses ${row.search}`, () => {
      const state = parse_state(row.search);
      assert.deepEqual(state, { ...empty_state(), ...row.state });
      assert.equal(state_to_search(state), row.canonical);
      assert.deepEqual(parse_state(state_to_search(state)), state, 'a round trip changes nothing');
    });
  }

  test('the API parameters carry the exclusions', () => {
    const state = parse_state('?outlet=A&not_outlet=B&not_speaker=(unknown)');
    assert.equal(search_params(state).toString(), 'outlet=A&not_outlet=B&not_speaker=%28unknown%29');
  });

  test('the reserved value is spelled as the server spells it', () => {
    assert.equal(kUnknownValue, '(unknown)');
  });

  const changes = [
    // Including a value adds it to the selection.
    { from: '?outlet=A', facet: 'outlet', value: 'B', mode: 'include', to: { outlet: ['A', 'B'], not_outlet: [] } },
    // Excluding a selected value moves it from the selection to the exclusions.
    { from: '?outlet=A&outlet=B', facet: 'outlet', value: 'A', mode: 'exclude', to: { outlet: ['B'], not_outlet: ['A'] } },
    // Including an excluded value lifts the exclusion.
    { from: '?not_speaker=X', facet: 'speaker', value: 'X', mode: 'include', to: { speaker: ['X'], not_speaker: [] } },
    // 'none' clears the value from both lists and leaves the others.
    { from: '?speaker=X&not_speaker=Y&not_speaker=Z', facet: 'speaker', value: 'Y', mode: 'none', to: { speaker: ['X'], not_speaker: ['Z'] } },
    // A speaker picked from the search box's suggestions while excluded: selected, no longer excluded.
    { from: '?speaker=A&not_speaker=X', facet: 'speaker', value: 'X', mode: 'include', to: { speaker: ['A', 'X'], not_speaker: [] } },
    // Picking a value already selected changes nothing, not even its place in the URL.
    { from: '?outlet=A&outlet=B', facet: 'outlet', value: 'A', mode: 'include', to: { outlet: ['A', 'B'], not_outlet: [] } },
    // Excluding a value already excluded keeps its place too.
    { from: '?not_outlet=A&not_outlet=B', facet: 'outlet', value: 'A', mode: 'exclude', to: { outlet: [], not_outlet: ['A', 'B'] } },
    // 'only' (a matrix cell, a link to one speaker's results) replaces the selection and lifts the
    // value's exclusion; other exclusions stay.
    { from: '?outlet=A&outlet=B&not_outlet=C&not_outlet=D', facet: 'outlet', value: 'C', mode: 'only', to: { outlet: ['C'], not_outlet: ['D'] } },
    // "(unknown)" follows the same rule as any value.
    { from: '?outlet=%28unknown%29', facet: 'outlet', value: kUnknownValue, mode: 'exclude', to: { outlet: [], not_outlet: [kUnknownValue] } },
  ];
  for (const row of changes) {
    test(`${row.mode} ${row.value} from ${row.from}`, () => {
      const state = parse_state(row.from);
      const to = facet_value_changes(state, row.facet, row.value, row.mode);
      assert.deepEqual(to, row.to);
      const selected = to[row.facet];
      assert.ok(!selected.some((value) => to[`not_${row.facet}`].includes(value)), 'never selected and excluded');
      // The state form of the same pick: those lists, on page 1, anything else as it was.
      assert.deepEqual(pick_facet_value(state, row.facet, row.value, row.mode), with_changes(state, row.to));
    });
  }

  const refused = [
    // Years are a date range, not a facet with exclusions.
    { facet: 'year', value: '2017', mode: 'include' },
    // A typo in a mode must not silently clear the value.
    { facet: 'speaker', value: 'X', mode: 'selected' },
  ];
  for (const row of refused) {
    test(`refuses a ${row.mode} pick of a ${row.facet} value`, () => {
      assert.throws(() => facet_value_changes(empty_state(), row.facet, row.value, row.mode), /no .* pick of a/);
    });
  }

  test('a pick starts again on page 1 and closes the open article', () => {
    const state = parse_state('?not_speaker=X&page=3&article=a.txt');
    const next = pick_facet_value(state, 'speaker', 'X', 'include');
    assert.equal(state_to_search(next), '?speaker=X');
  });

  test('a change keeps exclusions and copies them', () => {
    const state = parse_state('?not_outlet=A&page=2');
    const next = with_changes(state, { q: 'y' });
    assert.deepEqual(next.not_outlet, ['A']);
    next.not_outlet.push('B');
    assert.deepEqual(state.not_outlet, ['A'], 'the original state is not shared with the copy');
  });

  test('typeahead parameters: the search without paging or sort, the view type, prefix and limit', () => {
    const articles = parse_state('?q=x&outlet=A&not_speaker=B&sort=oldest&page=3');
    assert.equal(facet_values_params(articles, 'ker', 10).toString(), 'q=x&outlet=A&not_speaker=B&prefix=ker&limit=10');
    const quotes = parse_state('?view=quotes&speaker=C');
    assert.equal(facet_values_params(quotes, 'a b', 5).toString(), 'speaker=C&type=quote&prefix=a+b&limit=5');
  });
});

describe('year facet and date range', () => {
  const range = (from, to) => ({ ...empty_state(), from, to });
  const rows = [
    // Ticking a year with no range selects exactly that year.
    { state: range('', ''), year: 2017, checked: true, expect: ['2017-01-01', '2017-12-31'] },
    // Ticking a later year extends a whole-year range to cover it.
    { state: range('2015-01-01', '2015-12-31'), year: 2017, checked: true, expect: ['2015-01-01', '2017-12-31'] },
    // Ticking an earlier year extends it backwards.
    { state: range('2016-01-01', '2017-12-31'), year: 2014, checked: true, expect: ['2014-01-01', '2017-12-31'] },
    // A custom (not whole-year) range is replaced by the ticked year.
    { state: range('2017-03-05', '2017-04-01'), year: 2016, checked: true, expect: ['2016-01-01', '2016-12-31'] },
    // Unticking the only year clears the range.
    { state: range('2017-01-01', '2017-12-31'), year: 2017, checked: false, expect: ['', ''] },
    // Unticking the first year of a range shrinks it from the start.
    { state: range('2015-01-01', '2017-12-31'), year: 2015, checked: false, expect: ['2016-01-01', '2017-12-31'] },
    // Unticking the last year shrinks it from the end.
    { state: range('2015-01-01', '2017-12-31'), year: 2017, checked: false, expect: ['2015-01-01', '2016-12-31'] },
    // Unticking a middle year keeps the years before it (a range has no holes).
    { state: range('2014-01-01', '2018-12-31'), year: 2016, checked: false, expect: ['2014-01-01', '2015-12-31'] },
  ];
  for (const row of rows) {
    test(`${row.checked ? 'tick' : 'untick'} ${row.year} in ${row.state.from || '…'}–${row.state.to || '…'}`, () => {
      const { from, to } = toggle_year(row.state, row.year, row.checked);
      assert.deepEqual([from, to], row.expect);
    });
  }

  test('only whole-year ranges count as ticked years', () => {
    assert.deepEqual(year_range(range('2015-01-01', '2016-12-31')), { first: 2015, last: 2016 });
    assert.equal(year_range(range('2015-01-02', '2016-12-31')), null);
    assert.equal(year_range(range('2017-01-01', '2016-12-31')), null);
    assert.equal(year_range(range('2017-01-01', '')), null);
  });
});

describe('query terms highlighted in the reading view', () => {
  const forms = (...words) => words.map((word) => word.forms[0]);
  const rows = [
    // Plain words, lower-cased.
    { q: 'Ceasefire Aleppo', expect: ['ceasefire', 'aleppo'] },
    // A phrase contributes its words.
    { q: '"regime change"', expect: ['regime', 'change'] },
    // Operators in capitals are syntax; negated words are not in the matching text.
    { q: 'Kerry OR Lavrov NOT Assad -Putin', expect: ['kerry', 'lavrov'] },
    // Lower-case "or" is a word, as Xapian treats it.
    { q: 'war or peace', expect: ['war', 'or', 'peace'] },
    // Free-text fields count; metadata fields and date ranges do not.
    { q: 'title:Syria speaker:Kerry outlet:Bloomberg year:2017 date:2017-01-01..2017-12-31 quote:hope', expect: ['syria', 'hope'] },
    // Groups contribute their words.
    { q: '(talks OR truce) AND +Geneva', expect: ['talks', 'truce', 'geneva'] },
  ];
  for (const row of rows) {
    test(row.q, () => {
      assert.deepEqual(forms(...query_terms(row.q)), row.expect);
    });
  }

  test('a wildcard matches by prefix; a word also matches its plural', () => {
    assert.deepEqual(query_terms('syr*'), [{ prefix: 'syr' }]);
    assert.ok(query_terms('talk')[0].forms.includes('talk'));
    assert.ok(query_terms('ceasefires')[0].forms.includes('ceasefire'));
  });
});

describe('snippet entities and links from article data', () => {
  const entity_rows = [
    // What an HTML escaper produces comes back as the original characters.
    { text: '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;', expect: '<script>alert("x")</script> & \'q\'' },
    // Numeric references, decimal and hex, beyond the BMP too.
    { text: '&#8220;hi&#x201D; &#x1F600;', expect: '“hi” 😀' },
    // Unknown or invalid references stay as they are instead of being guessed.
    { text: '&nbsp;&bogus; &#0; &#x110000; & alone', expect: '&nbsp;&bogus; &#0; &#x110000; & alone' },
  ];
  for (const row of entity_rows) {
    test(`decodes ${row.text}`, () => assert.equal(decode_entities(row.text), row.expect));
  }

  const url_rows = [
    // Web links are kept (normalised).
    { url: 'https://www.bloomberg.com/news/a', expect: 'https://www.bloomberg.com/news/a' },
    { url: 'http://example.org', expect: 'http://example.org/' },
    // Script and data URLs from a scraped file never become links.
    { url: 'javascript:alert(1)', expect: null },
    { url: ' JavaScript:alert(1)', expect: null },
    { url: 'data:text/html,<b>x</b>', expect: null },
    // Relative or broken URLs are shown as text, not linked.
    { url: 'www.example.org/page', expect: null },
    { url: '', expect: null },
  ];
  for (const row of url_rows) {
    test(`link ${row.url || '(empty)'}`, () => assert.equal(safe_http_url(row.url), row.expect));
  }
});

describe('quotes, months and the matrix', () => {
  const position_rows = [
    // The contract's quote id: article id, "~q", 1-based position.
    { id: '001_54e7bc5d56f60350.txt~q12', expect: 12 },
    // An article id that itself contains "~q" still ends in the position.
    { id: 'odd~qname.txt~q3', expect: 3 },
    // Anything else has no position.
    { id: 'plain.txt', expect: 0 },
    { id: undefined, expect: 0 },
  ];
  for (const row of position_rows) {
    test(`quote position of ${row.id}`, () => assert.equal(quote_position(row.id), row.expect));
  }

  const month_rows = [
    // A leap February ends on the 29th.
    { month: '2016-02', expect: { from: '2016-02-01', to: '2016-02-29' } },
    // December ends on the 31st (the month arithmetic must not roll into the next year).
    { month: '2017-12', expect: { from: '2017-12-01', to: '2017-12-31' } },
    // Not a month.
    { month: '2017-13', expect: null },
    { month: 'Sep 2016', expect: null },
  ];
  for (const row of month_rows) {
    test(`month range ${row.month}`, () => assert.deepEqual(month_range(row.month), row.expect));
  }

  test('the timeline fills gaps between quoted months with zero and orders them', () => {
    const filled = fill_months([
      { month: '2017-01', count: 2 },
      { month: '2016-11', count: 1 },
    ]);
    assert.deepEqual(filled, [
      { month: '2016-11', count: 1 },
      { month: '2016-12', count: 0 },
      { month: '2017-01', count: 2 },
    ]);
    assert.deepEqual(fill_months([]), []);
  });

  test('a matrix cell opens the quotes of its speaker and outlet, keeping the query', () => {
    const state = parse_state('?q=truce&outlet=A&outlet=B&view=matrix');
    const next = cell_state(state, 'John Kerry', 'B');
    assert.equal(state_to_search(next), '?q=truce&outlet=B&speaker=John+Kerry&view=quotes');
  });

  test('a month cell searches that month, inside any date range already chosen', () => {
    const state = parse_state('?from=2016-09-10&view=matrix&cols=month');
    const next = cell_state(state, 'Sergei Lavrov', '2016-09');
    assert.deepEqual([next.from, next.to, next.view, next.cols], ['2016-09-10', '2016-09-30', 'quotes', '']);
  });

  test('shading grows with the count and turns text white when dark', () => {
    assert.equal(shade(0).background, 'rgba(29, 53, 87, 0.000)');
    assert.ok(!shade(0.1).dark);
    assert.ok(shade(1).dark);
  });
});

describe('response shape parameters', () => {
  const rows = [
    // The result list: its facets cut to what the panel shows, the timeline, the fields it draws.
    {
      shape: { facets: ['outlet', 'speaker'], facet_size: 9, histogram: true, fields: ['title', 'date'] },
      expected: 'q=x&facets=outlet%2Cspeaker&facet_size=9&histogram=1&fields=title%2Cdate',
    },
    // Ids alone (previous/next links): no facets, no histogram, no snippets, fields=id.
    { shape: { snippets: false, fields: [] }, expected: 'q=x&facets=none&histogram=0&snippets=0&fields=id' },
    // Quotes choose no fields: the parameter is left out rather than sent empty.
    { shape: { facets: ['year'] }, expected: 'q=x&facets=year&histogram=0' },
  ];
  for (const { shape, expected } of rows) {
    test(expected, () => {
      const params = new URLSearchParams({ q: 'x' });
      assert.equal(shaped(params, shape).toString(), expected);
      assert.equal(params.toString(), 'q=x', 'the given parameters are not changed');
    });
  }
});
