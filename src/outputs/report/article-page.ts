// One article's page: the text with quotes tinted by speaker, cues and speaker mentions marked, entities
// underlined by type, and a side list of speakers with their quotes, each linking to the speaker's page (by the key
// this article gives them: the page of a key merged into another sends the reader on).
// Made of small functions rather than one: records differ in shape (optional fields, null speakers and cues), and
// each new shape made V8 recompile the page function, which cost ~50 ms a time as one large function.
import type { ArticleRecord } from '../../schema.ts';
import { esc, safeHttpUrl } from './escape.ts';
import { markUp, type Mark } from './highlight.ts';
import { page } from './layout.ts';
import { entityTypeColour } from './palette.ts';
import { speakerFileName } from './paths.ts';
import { articleSpeakers, type ArticleSpeaker } from './speakers.ts';

/** The HTML of an article's page; `indexHref` links back to the report index. */
export function articlePage(r: ArticleRecord, indexHref: string): string {
  const { speakers, byQuote } = articleSpeakers(r);
  const marks: Mark[] = [];
  quoteMarks(r, byQuote, marks);
  sharedMarks(r, byQuote, marks);
  entityMarks(r, marks);
  const title = r.meta.title ?? r.id;
  const body = `<header class="top"><a href="${esc(indexHref)}">← report index</a></header>
<main>
<h1>${esc(title)}</h1>
<p class="muted">${metaLine(r)}</p>
<p class="muted">${r.quotes.length} quotes · ${speakers.length} speaker${speakers.length === 1 ? '' : 's'} · ${r.entities.length} entities ·
<span class="cue">cue</span> · <span class="speaker-mention spk-0">speaker mention</span></p>
<p class="legend muted">${legend(r)}</p>
<div class="article">
<article class="text" data-article="${esc(r.id)}">${markUp(r.text, marks)}</article>
<aside><h2>Speakers</h2>
${sideList(speakers) || '<p class="muted">No quotes.</p>'}
</aside>
</div>
</main>`;
  return page(title, body);
}

/** Each quote, tinted by its speaker. Every fragment of a quote carries data-quote; only the first carries the id
 * the side list links to. */
function quoteMarks(r: ArticleRecord, byQuote: ReadonlyMap<string, ArticleSpeaker>, marks: Mark[]): void {
  for (const q of r.quotes) {
    const s = byQuote.get(q.id)!;
    const tip = `${q.id} · ${q.type} · ${s.name} · confidence ${q.confidence}`;
    const attrs = `class="quote ${s.cls} qt-${q.type}" data-quote="${esc(q.id)}" title="${esc(tip)}"`;
    marks.push({
      start: q.start,
      end: q.end,
      rank: 0,
      open: `<span ${attrs}>`,
      firstOpen: `<span id="${esc(q.id)}" ${attrs}>`,
    });
  }
}

/** Cues and speaker mentions. One can serve several quotes ("…," said X. "…"): one mark lists all of them. */
function sharedMarks(r: ArticleRecord, byQuote: ReadonlyMap<string, ArticleSpeaker>, marks: Mark[]): void {
  const shared = new Map<
    string,
    { start: number; end: number; rank: number; cls: string; kind: string; ids: string[] }
  >();
  const share = (start: number, end: number, rank: number, cls: string, kind: string, id: string): void => {
    const k = `${rank}:${start}:${end}`;
    const m = shared.get(k);
    if (m) m.ids.push(id);
    else shared.set(k, { start, end, rank, cls, kind, ids: [id] });
  };
  for (const q of r.quotes) {
    if (q.cue) share(q.cue.start, q.cue.end, 1, 'cue', 'cue', q.id);
    const mention = q.speaker?.mention;
    if (mention) share(mention.start, mention.end, 2, `speaker-mention ${byQuote.get(q.id)!.cls}`, 'speaker', q.id);
  }
  for (const m of shared.values()) {
    marks.push({
      start: m.start,
      end: m.end,
      rank: m.rank,
      firstOpen: null,
      open: `<span class="${m.cls}" data-${m.kind}-of="${esc(m.ids.join(' '))}" title="${m.kind} of ${esc(m.ids.join(', '))}">`,
    });
  }
}

/** Every entity mention, underlined by type. */
function entityMarks(r: ArticleRecord, marks: Mark[]): void {
  for (const e of r.entities) {
    const open = `<span class="ent ent-${esc(e.type)}" data-entity="${esc(e.id)}" title="${esc(`${e.type} · ${e.name}`)}">`;
    for (const m of e.mentions) marks.push({ start: m.start, end: m.end, rank: 3, open, firstOpen: null });
  }
}

/** Byline, date, site, address and source, those the article has. */
function metaLine(r: ArticleRecord): string {
  const url = safeHttpUrl(r.meta.url);
  return [
    r.meta.byline ? esc(r.meta.byline) : '',
    r.meta.published ? esc(r.meta.published) : '',
    r.meta.siteName ? esc(r.meta.siteName) : '',
    url ? `<a href="${esc(url)}" rel="noreferrer">${esc(url)}</a>` : '',
    `source <code>${esc(r.source.path)}</code> (${esc(r.source.format)})`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The side list: each speaker with their quotes. */
function sideList(speakers: readonly ArticleSpeaker[]): string {
  return speakers
    .map(
      (s) => `<section class="speaker ${s.cls}" data-speaker="${esc(s.key)}">
<h3>${s.speakerKey ? `<a href="../speakers/${esc(speakerFileName(s.speakerKey))}">${esc(s.name)}</a>` : esc(s.name)} <span class="muted">(${s.quotes.length})</span></h3>
<ol>${s.quotes.map((q) => `<li><a href="#${esc(q.id)}">${esc(q.id)}</a> <span class="muted">${esc(q.type)}</span> ${esc(q.text)}</li>`).join('')}</ol>
</section>`,
    )
    .join('\n');
}

/** The entity types of the article, with their colours. */
function legend(r: ArticleRecord): string {
  const types = [...new Set(r.entities.map((e) => e.type))].sort();
  return types
    .map((t) => `<span><i class="swatch" style="background:${entityTypeColour(t)}"></i>${esc(t)}</span>`)
    .join('');
}
