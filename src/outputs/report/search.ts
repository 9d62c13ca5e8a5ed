// The index's quote search: every quote as a row of a JSON index inside the page (a <script type="application/json">,
// which no browser runs or fetches, so it works from file:// with no server), and a small script that filters the
// rows by words and quote type and sorts them by speaker, article, date or type. The script is the page's only one,
// allowed by its hash in the page's Content-Security-Policy; it builds rows with textContent, never markup.
import { createHash } from 'node:crypto';

/** One row of the index: article index, speaker index (-1: no page), type, quote text, the speaker as written when
 * no page (a phrase, or null when unknown), quote id. */
export type SearchRow = [number, number, string, string, string | null, string];

/** The search box, the type filter and the result table (filled by the script). */
export function searchSection(total: number): string {
  return `<section id="search"><h2>Search the quotes</h2>
<div class="search-bar">
<label>Words <input id="q" type="search" placeholder="speaker, article or words of the quote" autocomplete="off"></label>
<label>Type <select id="type"><option value="">all</option><option>direct</option><option>indirect</option><option>mixed</option></select></label>
</div>
<p class="muted" id="count">${total} quotes</p>
<div class="scroll"><table id="results"><thead><tr>
<th><button data-sort="speaker">speaker</button></th><th><button data-sort="article">article</button></th><th><button data-sort="date">date</button></th><th><button data-sort="type">type</button></th><th>quote</th>
</tr></thead><tbody></tbody></table></div>
</section>`;
}

// Browser code stays a string (the project compiles without the DOM library). Rows shown at once: the first 300
// matches; the count says how many there are.
export const SEARCH_SCRIPT = `(() => {
  const data = JSON.parse(document.getElementById('quote-index').textContent);
  const q = document.getElementById('q');
  const type = document.getElementById('type');
  const count = document.getElementById('count');
  const body = document.querySelector('#results tbody');
  const SHOW = 300;
  const speakerName = (r) => (r[1] >= 0 ? data.speakers[r[1]][0] : r[4] || '');
  const keys = {
    speaker: (r) => speakerName(r).toLowerCase(),
    article: (r) => data.articles[r[0]][1],
    date: (r) => data.articles[r[0]][3] || '',
    type: (r) => r[2],
  };
  const hay = data.quotes.map((r) => [speakerName(r), data.articles[r[0]][1], data.articles[r[0]][2] || '', r[3]].join(' ').toLowerCase());
  let sort = null;
  let dir = 1;
  const cell = (tr, text, href, cls) => {
    const td = document.createElement('td');
    if (cls) td.className = cls;
    if (href) {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      td.appendChild(a);
    } else td.textContent = text;
    tr.appendChild(td);
  };
  const render = () => {
    const words = q.value.toLowerCase().split(/\\s+/).filter(Boolean);
    const t = type.value;
    let rows = [];
    data.quotes.forEach((r, i) => {
      if (t && r[2] !== t) return;
      if (words.every((w) => hay[i].includes(w))) rows.push(r);
    });
    if (sort) {
      const k = keys[sort];
      rows = rows.map((r, i) => [k(r), i, r]).sort((a, b) => (a[0] < b[0] ? -dir : a[0] > b[0] ? dir : a[1] - b[1])).map((x) => x[2]);
    }
    body.textContent = '';
    for (const r of rows.slice(0, SHOW)) {
      const tr = document.createElement('tr');
      const a = data.articles[r[0]];
      if (r[1] >= 0) cell(tr, data.speakers[r[1]][0], 'speakers/' + data.speakers[r[1]][1]);
      else cell(tr, r[4] || 'unknown', null, 'muted');
      cell(tr, a[2] || a[1], 'articles/' + a[0] + '#' + r[5]);
      cell(tr, a[3] || '');
      cell(tr, r[2]);
      cell(tr, r[3], null, 'quote-text');
      body.appendChild(tr);
    }
    count.textContent = rows.length + ' of ' + data.quotes.length + ' quotes' + (rows.length > SHOW ? ', the first ' + SHOW + ' shown' : '');
  };
  for (const b of document.querySelectorAll('#results button[data-sort]')) {
    b.addEventListener('click', () => {
      const k = b.getAttribute('data-sort');
      dir = sort === k ? -dir : 1;
      sort = k;
      for (const o of document.querySelectorAll('#results button[data-sort]')) o.removeAttribute('aria-sort');
      b.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      render();
    });
  }
  q.addEventListener('input', render);
  type.addEventListener('change', render);
  render();
})();`;

/** The base64 sha256 of the script, for the page's policy. */
export const SEARCH_SCRIPT_SHA256 = createHash('sha256').update(SEARCH_SCRIPT).digest('base64');

/** JSON for inside a <script> element: no "<" that could close it or open a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
