// The report index: corpus figures, the share of women, men and unknown among the people quoted, quotes by type, top
// speakers by corpus key and entity types as charts, the quote search, the article list. The page is made in two
// parts around its JSON index of quotes, which is streamed into the file (src/outputs/report/index.ts).
import type { Corpus, CorpusEntry } from '../corpus/corpus.ts';
import { barChart } from './bar-chart.ts';
import { esc } from './escape.ts';
import { cspWithScript, page } from './layout.ts';
import { entityTypeColour } from './palette.ts';
import { speakerFileName } from './paths.ts';
import { SEARCH_SCRIPT, SEARCH_SCRIPT_SHA256, searchSection } from './search.ts';
import { ranked, type CorpusStats } from './stats.ts';

const TOP_SPEAKERS = 20;
const CUT = '\u0000QUOTE-INDEX\u0000';

/** The index page before and after its JSON index of quotes. */
export function indexPageParts(s: CorpusStats, corpus: Corpus): { head: string; tail: string } {
  const figure = (label: string, n: number): string => `<div class="figure"><b>${n}</b>${esc(label)}</div>`;
  const byType = ['direct', 'indirect', 'mixed'].map((t) => [t, s.quotesByType.get(t) ?? 0] as [string, number]);
  const types = ranked(s.entityTypes);
  const typeRows = types
    .map(
      ([t, n]) =>
        `<tr><td><i class="swatch" style="background:${entityTypeColour(t)}"></i>${esc(t)}</td><td class="n">${n}</td></tr>`,
    )
    .join('');
  const articleRows = s.articles
    .map(
      (a) =>
        `<tr><td><a href="articles/${esc(a.file)}">${esc(a.id)}</a></td>` +
        `<td>${esc(a.title ?? '')}</td><td>${esc(a.published ?? '')}</td><td class="n">${a.quotes}</td><td class="n">${a.entities}</td><td>${esc(a.topSpeaker ?? '')}</td></tr>`,
    )
    .join('\n');
  const speakers = corpus.entries().filter((e) => e.quotes > 0);
  const top = [...speakers]
    .sort((a, b) => b.quotes - a.quotes || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, TOP_SPEAKERS);
  const topRows = top
    .map(
      (e) =>
        `<tr><td><a href="speakers/${esc(speakerFileName(e.key))}">${esc(e.name)}</a></td><td><code>${esc(e.key)}</code></td><td>${esc(e.type)}</td><td>${esc(e.gender ?? '')}</td><td class="n">${e.quotes}</td><td class="n">${e.quotedArticles}</td></tr>`,
    )
    .join('\n');
  const body = `<header class="top"><h1>Quote pipeline report</h1></header>
<main>
<div class="figures">
${figure('articles', s.articles.length)}${figure('quotes', s.quotes)}${figure('speakers', speakers.length)}${figure('entities', s.entities)}${figure('entity mentions', s.mentions)}${figure('sentences', s.sentences)}
</div>
${genderShare(speakers)}
<div class="cols">
<section><h2>Quotes by type</h2>
${barChart(byType, { title: 'Quotes by type', width: 420, colour: '#7d3c98' })}
<p class="muted">${s.phraseSpeakerQuotes} quotes by a speaker that is no named entity ("aides"), ${s.unattributedQuotes} with no speaker.</p>
</section>
<section><h2>Entity types</h2><table><tr><th>type</th><th class="n">entities</th></tr>${typeRows}</table></section>
</div>
<section><h2>Top speakers</h2>
<p class="muted">Quotes per speaker across articles, by corpus key (one person or organisation however the articles write the name; top ${TOP_SPEAKERS}). Every speaker has a page.</p>
${barChart(
  top.map((e) => [e.name, e.quotes]),
  { title: 'Top speakers' },
)}
<div class="scroll"><table><tr><th>speaker</th><th>key</th><th>type</th><th>gender</th><th class="n">quotes</th><th class="n">articles</th></tr>
${topRows}
</table></div>
</section>
${searchSection(s.quotes)}
<section><h2>Articles</h2>
<div class="scroll"><table><tr><th>id</th><th>title</th><th>date</th><th class="n">quotes</th><th class="n">entities</th><th>most quoted</th></tr>
${articleRows}
</table></div></section>
</main>
${CUT}`;
  const html = page('Quote pipeline report', body, '', cspWithScript(SEARCH_SCRIPT_SHA256));
  const at = html.indexOf(CUT);
  return {
    head: `${html.slice(0, at)}<script type="application/json" id="quote-index">`,
    tail: `</script>\n<script>${SEARCH_SCRIPT}</script>${html.slice(at + CUT.length)}`,
  };
}

/** Women, men and unknown among the people quoted (corpus keys of PERSON speakers) and among their quotes. */
function genderShare(speakers: readonly CorpusEntry[]): string {
  const people = speakers.filter((e) => e.type === 'PERSON');
  const genders = ['female', 'male', 'unknown'] as const;
  const count = (g: string, by: (e: CorpusEntry) => number) =>
    people.filter((e) => (e.gender ?? 'unknown') === g).reduce((n, e) => n + by(e), 0);
  const row = (label: string, by: (e: CorpusEntry) => number) => {
    const n = genders.map((g) => count(g, by));
    const total = n.reduce((a, b) => a + b, 0) || 1;
    const pct = (x: number) => `${((100 * x) / total).toFixed(1)}%`;
    const bar = genders
      .map((g, i) => `<span class="share-${g}" style="width:${pct(n[i]!)}" title="${g}: ${n[i]}"></span>`)
      .join('');
    return `<tr><th>${label}</th>${n.map((x) => `<td class="n">${x} <span class="muted">(${pct(x)})</span></td>`).join('')}<td class="sharebar">${bar}</td></tr>`;
  };
  return `<section><h2>Women and men quoted</h2>
<p class="muted">People quoted (PERSON speakers, one per corpus key) by the gender the articles give them (pronouns, honorifics, else first names: docs/speakers.md), and their quotes.</p>
<div class="scroll"><table class="share"><tr><th></th><th class="n">women</th><th class="n">men</th><th class="n">unknown</th><th></th></tr>
${row('people quoted', () => 1)}
${row('their quotes', (e) => e.quotes)}
</table></div>
</section>`;
}
