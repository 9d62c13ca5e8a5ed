// The report index: corpus figures, quotes by type, top speakers and entity types as bar charts, the article list.
import { barChart } from './bar-chart.ts';
import { esc } from './escape.ts';
import { page } from './layout.ts';
import { entityTypeColour } from './palette.ts';
import { ranked, type CorpusStats } from './stats.ts';

const TOP_SPEAKERS = 20;

/** The HTML of the report index. */
export function indexPage(s: CorpusStats): string {
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
        `<td>${esc(a.title ?? '')}</td><td class="n">${a.quotes}</td><td class="n">${a.entities}</td><td>${esc(a.topSpeaker ?? '')}</td></tr>`,
    )
    .join('\n');
  const body = `<header class="top"><h1>Quote pipeline report</h1></header>
<main>
<div class="figures">
${figure('articles', s.articles.length)}${figure('quotes', s.quotes)}${figure('entities', s.entities)}${figure('entity mentions', s.mentions)}${figure('sentences', s.sentences)}
</div>
<div class="cols">
<section><h2>Quotes by type</h2>
${barChart(byType, { title: 'Quotes by type', width: 420, colour: '#7d3c98' })}
<p class="muted">${s.phraseSpeakerQuotes} quotes by a speaker that is no named entity ("aides"), ${s.unattributedQuotes} with no speaker.</p>
</section>
<section><h2>Entity types</h2><table><tr><th>type</th><th class="n">entities</th></tr>${typeRows}</table></section>
</div>
<section><h2>Top speakers</h2>
<p class="muted">Quotes per named speaker, by canonical name across articles (top ${TOP_SPEAKERS}).</p>
${barChart(ranked(s.speakers, TOP_SPEAKERS), { title: 'Top speakers' })}
</section>
<section><h2>Articles</h2>
<table><tr><th>id</th><th>title</th><th class="n">quotes</th><th class="n">entities</th><th>most quoted</th></tr>
${articleRows}
</table></section>
</main>`;
  return page('Quote pipeline report', body);
}
