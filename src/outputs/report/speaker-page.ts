// One speaker's page: who they are across the corpus (name, aliases, the keys merged into theirs, gender and what it
// rests on) and every quote of theirs, article by article, each linking back to its place in the article's page.
import type { CorpusEntry } from '../corpus/corpus.ts';
import { esc } from './escape.ts';
import { page } from './layout.ts';
import type { ArticleSummary, QuoteEntry } from './stats.ts';

/** The speaker's quotes in one article. */
export interface SpeakerArticle {
  article: ArticleSummary;
  quotes: QuoteEntry[];
}

/** The HTML of a speaker's page (speakers/<file>, linking to ../index.html and ../articles/). */
export function speakerPage(e: CorpusEntry, articles: readonly SpeakerArticle[]): string {
  const facts = [
    `<dt>key</dt><dd><code>${esc(e.key)}</code></dd>`,
    `<dt>type</dt><dd>${esc(e.type)}</dd>`,
    e.type === 'PERSON' ? `<dt>gender</dt><dd>${genderLine(e)}</dd>` : '',
    `<dt>quoted</dt><dd>${e.quotes} quote${e.quotes === 1 ? '' : 's'} in ${e.quotedArticles} article${e.quotedArticles === 1 ? '' : 's'}; named in ${e.articles}</dd>`,
    e.aliases.length ? `<dt>also written</dt><dd>${e.aliases.map(esc).join(' · ')}</dd>` : '',
    e.keys.length > 1 ? `<dt>merged keys</dt><dd>${e.keys.map((k) => `<code>${esc(k)}</code>`).join(' ')}</dd>` : '',
  ].join('');
  const list = articles
    .map(
      ({ article: a, quotes }) => `<section class="speaker-article">
<h3><a href="../articles/${esc(a.file)}">${esc(a.title ?? a.id)}</a> <span class="muted">${esc([a.published, a.title ? a.id : null].filter(Boolean).join(' · '))}</span></h3>
<ol>${quotes.map((q) => `<li><a href="../articles/${esc(a.file)}#${esc(q.id)}">${esc(q.id)}</a> <span class="muted">${esc(q.type)}</span> ${esc(q.text)}</li>`).join('')}</ol>
</section>`,
    )
    .join('\n');
  const body = `<header class="top"><a href="../index.html">← report index</a></header>
<main>
<h1>${esc(e.name)}</h1>
<dl class="facts">${facts}</dl>
<h2>Quotes</h2>
${list || '<p class="muted">No quotes.</p>'}
</main>`;
  return page(e.name, body);
}

/** "male (pronoun) · article calls: pronoun 12 male, 1 female; name 30 male". */
function genderLine(e: CorpusEntry): string {
  const c = e.genderCalls;
  const calls = c
    ? (['pronoun', 'honorific', 'name'] as const)
        .filter((l) => c[l][0] + c[l][1] > 0)
        .map(
          (l) =>
            `${l} ${[c[l][0] ? `${c[l][0]} male` : '', c[l][1] ? `${c[l][1]} female` : ''].filter(Boolean).join(', ')}`,
        )
        .join('; ')
    : '';
  const main = `<b>${esc(e.gender ?? 'unknown')}</b>${e.genderEvidence ? ` (${esc(e.genderEvidence)})` : ''}`;
  return calls ? `${main} <span class="muted">· the articles' calls: ${esc(calls)}</span>` : main;
}

/** A page that sends a merged key on to the speaker page of its corpus key (article pages link by article key). */
export function redirectPage(key: string, target: CorpusEntry, targetFile: string): string {
  const body = `<main><p><code>${esc(key)}</code> is merged into <a href="${esc(targetFile)}">${esc(target.name)}</a> (<code>${esc(target.key)}</code>).</p></main>`;
  return page(target.name, body, `<meta http-equiv="refresh" content="0; url=${esc(targetFile)}">`);
}
