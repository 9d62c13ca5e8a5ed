// One article's page: the text with quotes tinted by speaker, cues and speaker mentions marked, entities
// underlined by type, and a side list of speakers with their quotes.
import type { ArticleRecord } from '../schema.ts';
import { esc, safeHttpUrl } from './escape.ts';
import { markUp, type Mark } from './highlight.ts';
import { page } from './layout.ts';
import { entityTypeColour } from './palette.ts';
import { articleSpeakers } from './speakers.ts';

/** The HTML of an article's page; `indexHref` links back to the report index. */
export function articlePage(r: ArticleRecord, indexHref: string): string {
  const { speakers, byQuote } = articleSpeakers(r);
  const marks: Mark[] = [];
  for (const q of r.quotes) {
    const s = byQuote.get(q.id)!;
    const tip = `${q.id} · ${q.type} · ${s.name} · confidence ${q.confidence}`;
    const attrs = `class="quote ${s.cls} qt-${q.type}" data-quote="${esc(q.id)}" title="${esc(tip)}"`;
    // Every fragment of a quote carries data-quote; only the first carries the id the side list links to.
    marks.push({ start: q.start, end: q.end, rank: 0, open: `<span ${attrs}>`, firstOpen: `<span id="${esc(q.id)}" ${attrs}>` });
  }
  // A cue or a speaker mention can serve several quotes ("…," said X. "…"): one mark listing all of them.
  const shared = new Map<string, { start: number; end: number; rank: number; cls: string; kind: string; ids: string[] }>();
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
    marks.push({ start: m.start, end: m.end, rank: m.rank,
      open: `<span class="${m.cls}" data-${m.kind}-of="${esc(m.ids.join(' '))}" title="${m.kind} of ${esc(m.ids.join(', '))}">` });
  }
  for (const e of r.entities) {
    const open = `<span class="ent ent-${esc(e.type)}" data-entity="${esc(e.id)}" title="${esc(`${e.type} · ${e.name}`)}">`;
    for (const m of e.mentions) marks.push({ start: m.start, end: m.end, rank: 3, open });
  }

  const title = r.meta.title ?? r.id;
  const url = safeHttpUrl(r.meta.url);
  const metaBits = [
    r.meta.byline ? esc(r.meta.byline) : '',
    r.meta.published ? esc(r.meta.published) : '',
    r.meta.siteName ? esc(r.meta.siteName) : '',
    url ? `<a href="${esc(url)}" rel="noreferrer">${esc(url)}</a>` : '',
    `source <code>${esc(r.source.path)}</code> (${esc(r.source.format)})`,
  ].filter(Boolean).join(' · ');

  const sideList = speakers.map((s) => `<section class="speaker ${s.cls}" data-speaker="${esc(s.key)}">
<h3>${esc(s.name)} <span class="muted">(${s.quotes.length})</span></h3>
<ol>${s.quotes.map((q) => `<li><a href="#${esc(q.id)}">${esc(q.id)}</a> <span class="muted">${esc(q.type)}</span> ${esc(q.text)}</li>`).join('')}</ol>
</section>`).join('\n');

  const types = [...new Set(r.entities.map((e) => e.type))].sort();
  const legend = types.map((t) =>
    `<span><i class="swatch" style="background:${entityTypeColour(t)}"></i>${esc(t)}</span>`).join('');

  const textHtml = markUp(r.text, marks);

  const body = `<header class="top"><a href="${esc(indexHref)}">← report index</a></header>
<main>
<h1>${esc(title)}</h1>
<p class="muted">${metaBits}</p>
<p class="muted">${r.quotes.length} quotes · ${speakers.length} speaker${speakers.length === 1 ? "" : "s"} · ${r.entities.length} entities ·
<span class="cue">cue</span> · <span class="speaker-mention spk-0">speaker mention</span></p>
<p class="legend muted">${legend}</p>
<div class="article">
<article class="text" data-article="${esc(r.id)}">${textHtml}</article>
<aside><h2>Speakers</h2>
${sideList || '<p class="muted">No quotes.</p>'}
</aside>
</div>
</main>`;
  return page(title, body);
}
