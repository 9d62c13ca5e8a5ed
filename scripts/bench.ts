// npm run bench [-- --big] [--runs N]: throughput and memory of the batch pipeline against its floor (wink's own
// readDoc with the default pipe) and its peer (compromise), on real articles read in place
// (../shared/dev/polnear-train/corpus; a generated corpus when that folder is absent), plus two HTML slices: the
// ingest fixtures repeated, and real-size news pages generated around every 7th corpus text. Each measurement
// runs in its own child process (this script with --child), so that peak RSS belongs to one mode and one
// mode's garbage does not slow the next. Medians of --runs runs (default 3).
// --big adds a 50 MB corpus (the real one repeated under other ids, in a temp folder) for peak RSS, and a
// quarter-size one beside it to show RSS stays flat. Results: the table on stdout and bench/results.json.
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptHelp } from './help.ts';

scriptHelp(
  'bench',
  "Throughput and memory of the pipeline against wink's readDoc and compromise; writes bench/results.json.",
  ['[--big] [--runs N]'],
);

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REAL = join(ROOT, '../shared/dev/polnear-train/corpus');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface ChildResult {
  /** Seconds per timed run. */
  times: number[];
  /** CPU seconds of the whole process (every thread) per timed run: on a shared machine, what a mode cost
   * whatever the other processes took. */
  cpu: number[];
  /** Peak resident set size of the child process, MB. */
  rssMb: number;
  extra?: Record<string, unknown>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function corpusFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(txt|md|html?)$/i.test(n)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const bytesOf = (files: string[]) => files.reduce((n, f) => n + statSync(f).size, 0);

// ---------------------------------------------------------------------------------------------- HTML slices

// Real-size news pages for the HTML slice: an article text wrapped in the kind of page scrapers deliver (head
// with meta, Open Graph and JSON-LD, inline CSS and script bundles, a mega-menu, share bars with SVG icons,
// inline ad slots, a lead image, related-story teasers, most-read list, footer, trailing scripts and a JSON
// state blob), about 100 KB each, of which the article is 3-10 KB. Generated deterministically into a temp
// folder; the texts are read in place and never copied into the repository.
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s: string) => esc(s).replace(/"/g, '&quot;');
const rng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const WORDS =
  'world politics business tech science health sport culture opinion video podcasts climate election economy markets media travel style food books'.split(
    ' ',
  );
const icon = (r: () => number) =>
  `<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="${Array.from({ length: 24 }, () => `M${(r() * 24).toFixed(2)} ${(r() * 24).toFixed(2)}l${(r() * 9).toFixed(2)} ${(r() * 9).toFixed(2)}`).join('')}z"/></svg>`;
const css = (r: () => number, n: number) =>
  Array.from(
    { length: n },
    (_, k) =>
      `.c${k}-${WORDS[k % WORDS.length]}{margin:${(r() * 20) | 0}px ${(r() * 20) | 0}px;color:#${((r() * 0xffffff) | 0).toString(16).padStart(6, '0')};font:400 1rem/1.5 Georgia,serif}@media (min-width:768px){.c${k}-x>a:hover{text-decoration:underline}}`,
  ).join('\n');
const js = (r: () => number, n: number) =>
  Array.from(
    { length: n },
    (_, k) =>
      `function m${k}(e,t){var n=e&&e.length>${(r() * 9) | 0}?e.slice(0,${(r() * 50) | 0}):[];for(var i=0;i<n.length;i++){if(n[i]<t){t=n[i]}}document.querySelector(".c${k}").innerHTML="<div class=\\"w${k}\\">"+t+"<\\/div>";return t}`,
  ).join(';');
const teaser = (r: () => number, k: number) =>
  `<li class="teaser"><a href="/${WORDS[k % WORDS.length]}/2016/0${1 + (k % 9)}/story-${k}"><picture><source srcset="/img/t${k}.webp 1x, /img/t${k}@2x.webp 2x" type="image/webp"><img src="/img/t${k}.jpg" alt="Teaser image ${k}" loading="lazy" width="300" height="200"></picture><h3 class="teaser__title">Officials weigh new plan for ${WORDS[(k * 3) % WORDS.length]} as deadline nears</h3></a><p class="teaser__dek">The proposal, announced on ${['Monday', 'Tuesday', 'Friday'][k % 3]}, would change how the ${WORDS[(k * 7) % WORDS.length]} desk works.</p><time datetime="2016-0${1 + (k % 9)}-1${k % 9}">${k + 1} hours ago</time></li>`;

function newsPage(text: string, i: number): string {
  const r = rng(i + 1);
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const headline = lines[0] ?? 'Untitled';
  const paras = lines.slice(1);
  const site = 'The Daily Ledger';
  const url = `https://ledger.example/politics/2016/${i}/story`;
  const date = `2016-0${1 + (i % 9)}-1${i % 9}T0${i % 10}:30:00Z`;
  const nav = WORDS.map(
    (w, k) =>
      `<li class="menu-item"><a href="/${w}/">${w[0]!.toUpperCase() + w.slice(1)}</a><ul class="sub-menu">${Array.from({ length: 6 }, (_, j) => `<li><a href="/${w}/${WORDS[(k + j) % WORDS.length]}/">${WORDS[(k + j + 3) % WORDS.length]}</a></li>`).join('')}</ul></li>`,
  ).join('');
  const share = `<div class="share-bar">${['facebook', 'twitter', 'linkedin', 'whatsapp', 'email'].map((s) => `<a class="share-${s}" href="https://${s}.example/share?u=${encodeURIComponent(url)}" onclick="return share('${s}')">${icon(r)}<span class="sr-only">Share on ${s}</span></a>`).join('')}</div>`;
  const body: string[] = [];
  paras.forEach((p, k) => {
    body.push(`<p>${esc(p)}</p>`);
    if (k % 4 === 3)
      body.push(
        `<div class="ad-slot ad-slot--inline" id="ad-inline-${k}" data-ad-unit="/1234/politics/inline"><span class="ad-label">Advertisement</span><script>googletag.cmd.push(function(){googletag.display("ad-inline-${k}")});</script></div>`,
      );
    if (k === 5)
      body.push(
        `<aside class="inline-related"><h4>Read more</h4><ul>${[1, 2, 3].map((j) => `<li><a href="/politics/related-${i}-${j}">Related: what the vote means for ${WORDS[j]}</a></li>`).join('')}</ul></aside>`,
      );
    if (k === 9)
      body.push(
        `<div class="newsletter-signup"><h4>Get the morning briefing</h4><form action="/subscribe" method="post"><input type="email" name="email" placeholder="Your email"><button type="submit">Sign up</button></form><p class="legal">By signing up you agree to our terms.</p></div>`,
      );
  });
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'NewsArticle',
        '@id': `${url}#article`,
        headline,
        datePublished: date,
        dateModified: date,
        author: [{ '@type': 'Person', name: 'Jordan Avery', url: 'https://ledger.example/staff/javery' }],
        publisher: { '@id': 'https://ledger.example/#org' },
        mainEntityOfPage: url,
        image: [`https://ledger.example/img/${i}.jpg`],
        articleSection: 'Politics',
        inLanguage: 'en-US',
        wordCount: text.split(/\s+/).length,
      },
      {
        '@type': 'NewsMediaOrganization',
        '@id': 'https://ledger.example/#org',
        name: site,
        logo: { '@type': 'ImageObject', url: 'https://ledger.example/logo.png' },
        sameAs: ['https://facebook.example/ledger', 'https://x.example/ledger'],
      },
      {
        '@type': 'BreadcrumbList',
        itemListElement: [
          { '@type': 'ListItem', position: 1, name: 'Politics', item: 'https://ledger.example/politics/' },
        ],
      },
    ],
  });
  return `<!DOCTYPE html>
<html lang="en-US" class="no-js">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(headline)} | ${site}</title>
<meta name="description" content="${attr(paras[0]?.slice(0, 150) ?? '')}">
<meta name="keywords" content="politics, ${WORDS.slice(0, 6).join(', ')}">
<meta name="robots" content="index, follow, max-image-preview:large">
<meta property="og:type" content="article"><meta property="og:site_name" content="${site}"><meta property="og:title" content="${attr(headline)}">
<meta property="og:description" content="${attr(paras[0]?.slice(0, 150) ?? '')}"><meta property="og:url" content="${url}"><meta property="og:image" content="https://ledger.example/img/${i}.jpg">
<meta property="og:image:width" content="1200"><meta property="og:image:height" content="630"><meta property="og:locale" content="en_US">
<meta property="article:published_time" content="${date}"><meta property="article:modified_time" content="${date}"><meta property="article:section" content="Politics">
<meta property="article:author" content="https://ledger.example/staff/javery"><meta name="author" content="Jordan Avery">
<meta name="twitter:card" content="summary_large_image"><meta name="twitter:site" content="@ledger"><meta name="twitter:title" content="${attr(headline)}">
<meta name="parsely-title" content="${attr(headline)}"><meta name="parsely-pub-date" content="${date}"><meta name="sailthru.author" content="Jordan Avery">
<link rel="canonical" href="${url}"><link rel="amphtml" href="${url}/amp">
${['https://cdn.ledger.example', 'https://fonts.example', 'https://ads.example', 'https://analytics.example'].map((h) => `<link rel="preconnect" href="${h}" crossorigin>`).join('\n')}
<link rel="preload" href="/fonts/serif.woff2" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="/assets/main.${i % 7}a9f.css"><link rel="icon" href="/favicon.ico">
<style>${css(r, 120)}</style>
<script type="application/ld+json">${ld}</script>
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({section:"politics",articleId:${i},paywall:"metered"});(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.example/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-XXXX');</script>
<script>${js(r, 150)}</script>
<script async src="https://ads.example/tag/js/gpt.js"></script>
</head>
<body class="article-template politics">
<noscript><iframe src="https://www.googletagmanager.example/ns.html?id=GTM-XXXX" height="0" width="0" style="display:none"></iframe></noscript>
<a class="skip-link" href="#main">Skip to content</a>
<div class="cookie-banner" role="dialog" aria-label="Cookies"><p>We use cookies to improve your experience and to show you relevant advertising. <a href="/privacy">Learn more</a></p><button class="accept">Accept all</button><button class="reject">Reject</button></div>
<div class="ad-slot ad-slot--leaderboard" id="ad-top"><span class="ad-label">Advertisement</span></div>
<header class="site-header" role="banner">
<div class="site-header__logo"><a href="/" aria-label="${site}">${icon(r)}${icon(r)}</a></div>
<nav class="main-nav" aria-label="Main"><ul class="menu">${nav}</ul></nav>
<form class="site-search" role="search" action="/search"><input type="search" name="q" placeholder="Search"><button>${icon(r)}</button></form>
<div class="header-actions"><a class="btn-subscribe" href="/subscribe">Subscribe</a><a href="/login">Sign in</a></div>
</header>
<div class="breaking-ticker"><strong>Breaking:</strong> <a href="/live">Follow live updates from the capital</a></div>
<main id="main" class="site-main">
<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/politics/">Politics</a></nav>
<article class="article" itemscope itemtype="https://schema.org/NewsArticle">
<header class="article__header">
<p class="article__kicker"><a href="/politics/">Politics</a></p>
<h1 class="article__headline" itemprop="headline">${esc(headline)}</h1>
<div class="article__meta"><span class="byline">By <a rel="author" href="/staff/javery">Jordan Avery</a></span> <time datetime="${date}" itemprop="datePublished">Updated ${(i % 12) + 1}:30 p.m.</time></div>
${share}
</header>
<figure class="article__lead-image"><picture><source srcset="/img/${i}-800.webp 800w, /img/${i}-1600.webp 1600w" type="image/webp"><img src="/img/${i}-800.jpg" alt="" width="800" height="450"></picture><figcaption class="caption">Lawmakers leave the chamber after the vote. <span class="credit">Photo: Staff photographer</span></figcaption></figure>
<div class="article__body" itemprop="articleBody">
${body.join('\n')}
</div>
<footer class="article__footer">
<ul class="tags">${WORDS.slice(0, 5)
    .map((w) => `<li><a href="/tag/${w}">${w}</a></li>`)
    .join('')}</ul>
<div class="author-bio"><img src="/staff/javery.jpg" alt=""><p><a href="/staff/javery">Jordan Avery</a> covers national politics for ${site}.</p></div>
${share.replace('share-bar', 'share-bar share-bar--bottom')}
</footer>
</article>
<section id="comments" class="comments"><h2>Comments</h2><div class="comments__embed" data-embed="coral"></div><noscript>Please enable JavaScript to view the comments.</noscript></section>
<aside class="related-stories"><h2>More from Politics</h2><ul class="teasers">${Array.from({ length: 8 }, (_, k) => teaser(r, i + k)).join('')}</ul></aside>
<aside class="most-read" role="complementary"><h2>Most read</h2><ol>${Array.from({ length: 10 }, (_, k) => `<li><a href="/story/${i}-${k}">${k + 1}. Council approves ${WORDS[(k * 5) % WORDS.length]} budget after long debate</a></li>`).join('')}</ol></aside>
</main>
<footer class="site-footer" role="contentinfo">
<div class="footer-columns">${['Sections', 'Company', 'Support', 'Follow us'].map((h, k) => `<div class="footer-col"><h4>${h}</h4><ul>${Array.from({ length: 10 }, (_, j) => `<li><a href="/${h.toLowerCase().replace(/ /g, '-')}/${WORDS[(k + j) % WORDS.length]}">${WORDS[(k * 3 + j) % WORDS.length]}</a></li>`).join('')}</ul></div>`).join('')}</div>
<div class="social">${['facebook', 'twitter', 'instagram', 'youtube'].map((s) => `<a href="https://${s}.example/ledger" aria-label="${s}">${icon(r)}</a>`).join('')}</div>
<p class="copyright">&copy; 2016 ${site}. All rights reserved.</p>
</footer>
<script src="/assets/vendor.${i % 5}b3.js" defer></script><script src="/assets/main.${i % 5}c1.js" defer></script>
<script>${js(r, 60)}</script>
<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ props: { pageProps: { id: i, section: 'politics', teasers: Array.from({ length: 20 }, (_, k) => ({ id: k, title: `Story ${k}`, url: `/story/${k}` })) } } })}</script>
</body>
</html>
`;
}

/** Writes every `step`th corpus text as a news page into a new temp folder. */
function newsPages(source: string[], step: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-news-'));
  source
    .filter((_, k) => k % step === 0)
    .forEach((f, i) => {
      const name = f.slice(f.lastIndexOf('/') + 1).replace(/\.\w+$/, '.html');
      writeFileSync(join(dir, name), newsPage(readFileSync(f, 'utf8'), i));
    });
  return dir;
}

interface Profiled {
  articles: number;
  mb: number;
  /** Per stage: median ms over the profile runs, and its share of the median total. */
  stages: Record<string, { ms: number; share: number }>;
  ingestMsPerPage: number;
  /** The ingest share of each run, to show the spread on a shared machine. */
  ingestShares: number[];
}

/** Profiles an HTML slice `runs` times (one child each) and keeps the median of every stage. */
function profileSlice(dir: string, runs: number): Profiled {
  const files = corpusFiles(dir);
  const timings = Array.from(
    { length: runs },
    () => measure('profile', dir, 1).extra!.timings as Record<string, number>,
  );
  const stages = Object.keys(timings[0]!);
  const ms = Object.fromEntries(stages.map((k) => [k, median(timings.map((t) => t[k] ?? 0))]));
  const total = Object.values(ms).reduce((a, b) => a + b, 0);
  const shareOf = (t: Record<string, number>) => (t.ingest ?? 0) / Object.values(t).reduce((a, b) => a + b, 0);
  return {
    articles: files.length,
    mb: bytesOf(files) / 1e6,
    stages: Object.fromEntries(stages.map((k) => [k, { ms: Math.round(ms[k]!), share: ms[k]! / total }])),
    ingestMsPerPage: ms.ingest! / files.length,
    ingestShares: timings.map(shareOf),
  };
}

// ---------------------------------------------------------------------------------------------- child modes

// The thread of the scaling mode (plain CommonJS, eval'd): loads its share of the corpus, says ready, and on "go"
// does its share of the work and replies with the seconds it took.
const SCALING_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { part, parts, kind, files, root } = workerData;
let work;
if (kind === 'wink') {
  const req = createRequire(root + '/package.json');
  const nlp = req('wink-nlp')(req('wink-eng-lite-web-model'));
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  texts.slice(0, 60).forEach((t) => nlp.readDoc(t));
  const mine = texts.filter((_, i) => i % parts === part);
  work = () => { for (const t of mine) nlp.readDoc(t); };
} else {
  const n = 4e8 / parts;
  work = () => { let x = 1; for (let i = 0; i < n; i++) x = (Math.imul(x, 1103515245) + 12345) | 0; return x; };
  work();
}
parentPort.postMessage('ready');
parentPort.once('message', () => { const t0 = performance.now(); work(); parentPort.postMessage({ seconds: (performance.now() - t0) / 1000 }); });
`;

async function child(mode: string, corpus: string, runs: number): Promise<ChildResult> {
  const files = corpusFiles(corpus);
  const times: number[] = [];
  const cpu: number[] = [];
  const timed = async (f: () => unknown) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    times.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
  };
  const extra: Record<string, unknown> = {};
  if (mode === 'scaling') {
    // What two threads give on this machine at this moment, whatever our code does: wink's readDoc over the corpus
    // on one thread against the same documents split over two, and an arithmetic loop likewise (runs
    // interleaved, medians); the 2-worker ratio is read against these.
    const run = async (parts: number, kind: string): Promise<number> => {
      const ws = Array.from(
        { length: parts },
        (_, part) => new Worker(SCALING_WORKER, { eval: true, workerData: { part, parts, kind, files, root: ROOT } }),
      );
      await Promise.all(ws.map((w) => new Promise((res) => w.once('message', res))));
      const done = ws.map((w) => new Promise<{ seconds: number }>((res) => w.once('message', res)));
      for (const w of ws) w.postMessage('go');
      const rs = await Promise.all(done);
      for (const w of ws) await w.terminate();
      return Math.max(...rs.map((r) => r.seconds));
    };
    for (const kind of ['wink', 'arithmetic']) {
      const one: number[] = [],
        two: number[] = [];
      for (let r = 0; r < runs; r++) {
        one.push(await run(1, kind));
        two.push(await run(2, kind));
      }
      extra[kind] = { oneThread: one, twoThreads: two, twoVsOne: median(one) / median(two) };
    }
    return { times, cpu, rssMb: process.resourceUsage().maxRSS / 1024, extra };
  }
  if (mode === 'wink' || mode === 'compromise') {
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    let each: (t: string) => void;
    if (mode === 'wink') {
      const { default: winkNLP } = await import('wink-nlp');
      const { default: model } = await import('wink-eng-lite-web-model');
      const nlp = winkNLP(model); // the default pipe: everything wink does
      each = (t) => void nlp.readDoc(t);
    } else {
      const { default: nlp } = await import('compromise');
      each = (t) => {
        const doc = nlp(t);
        doc.people().out('array');
        doc.places().out('array');
        doc.organizations().out('array');
        doc.quotations().out('array');
      };
    }
    texts.slice(0, 20).forEach(each); // warm-up: model load and JIT
    for (let r = 0; r < runs; r++) await timed(() => texts.forEach(each));
  } else {
    const { parseConfig } = await import('../src/config.ts');
    const { FolderSink } = await import('../src/outputs/sink.ts');
    const { runPipelineAsync } = await import('../src/run/runner.ts');
    // only the in-process modes load the stages in this thread: with workers, this thread's RSS is the run's own
    const runPipeline: typeof import('../src/run/in-process.ts').runPipeline = (o) => inProcess!(o);
    let inProcess: typeof runPipeline | undefined;
    if (mode === 'pipeline1' || mode === 'profile') inProcess = (await import('../src/run/in-process.ts')).runPipeline;
    const { ArticlePool } = await import('../src/run/pool.ts');
    const out = mkdtempSync(join(tmpdir(), 'bench-out-'));
    const warmup = mkdtempSync(join(tmpdir(), 'bench-warmup-'));
    for (const f of files.slice(0, 16)) cpSync(f, join(warmup, f.slice(corpus.length)));
    try {
      if (mode === 'pipeline1' || mode === 'profile') {
        const config = parseConfig({ run: { concurrency: 'off', cache: false } });
        runPipeline({ input: warmup, config, sink: new FolderSink(join(out, 'w')) });
        if (mode === 'profile') {
          const timings: Record<string, number> = {};
          await timed(() => runPipeline({ input: corpus, config, sink: new FolderSink(out), timings }));
          extra.timings = timings;
        } else
          for (let r = 0; r < runs; r++)
            await timed(() => runPipeline({ input: corpus, config, sink: new FolderSink(out) }));
      } else if (mode === 'pipeline2' || mode === 'pool1' || mode === 'big') {
        const config = parseConfig({ run: { concurrency: 2, cache: false } });
        const t0 = performance.now();
        // one pool for all runs, as a long-lived service would have: its start-up is reported on its own
        const pool = new ArticlePool(mode === 'pool1' ? 1 : 2, config);
        await runPipelineAsync({ input: warmup, config, sink: new FolderSink(join(out, 'w')), pool });
        extra.poolStartSeconds = (performance.now() - t0) / 1000;
        for (let r = 0; r < (mode === 'big' ? 1 : runs); r++)
          await timed(() => runPipelineAsync({ input: corpus, config, sink: new FolderSink(out), pool }));
        await pool.close();
        if (mode === 'pipeline2') {
          // and the way the CLI runs it: a pool started for the run, its start-up included
          await timed(() => runPipelineAsync({ input: corpus, config, sink: new FolderSink(join(out, 'fresh')) }));
          extra.freshPoolSeconds = times.pop();
          cpu.pop();
        }
      } else if (mode === 'warm') {
        const config = parseConfig({ run: { concurrency: 2, cache: true } });
        await runPipelineAsync({ input: corpus, config, sink: new FolderSink(out), cacheDir: out });
        const first = readFileSync(join(out, 'dataset.jsonl'));
        for (let r = 0; r < runs; r++) {
          await timed(async () => {
            const s = await runPipelineAsync({ input: corpus, config, sink: new FolderSink(out), cacheDir: out });
            extra.cached = s.cached;
          });
        }
        extra.identical = Buffer.compare(first, readFileSync(join(out, 'dataset.jsonl'))) === 0;
      } else throw new Error(`unknown mode ${mode}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(warmup, { recursive: true, force: true });
    }
  }
  return { times, cpu, rssMb: process.resourceUsage().maxRSS / 1024, extra };
}

// ---------------------------------------------------------------------------------------------- parent

function measure(mode: string, corpus: string, runs: number): ChildResult {
  process.stderr.write(`  ${mode} on ${corpus} ...`);
  const t0 = performance.now();
  const r = spawnSync(
    TSX,
    [fileURLToPath(import.meta.url), '--child', mode, '--corpus', corpus, '--runs', String(runs)],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (r.status !== 0) throw new Error(`bench child ${mode} failed:\n${r.stderr}`);
  process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  const last = r.stdout.trimEnd().split('\n').pop()!;
  return JSON.parse(last) as ChildResult;
}

/** Writes `copies` copies of the corpus under rep<k>/ ids into a new temp folder. */
function repeatCorpus(source: string[], base: string, copies: number, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (let k = 0; k < copies; k++) {
    mkdirSync(join(dir, `rep${k}`));
    for (const f of source) cpSync(f, join(dir, `rep${k}`, f.slice(base.length + 1).replaceAll('/', '_')));
  }
  return dir;
}

/** A stand-in corpus when the real one is absent: varied sentences with quotes, names and places. */
function generatedCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-gen-'));
  const names = ['Jane Smith', 'John Brown', 'Antony Blinken', 'Ann Lee', 'Karen Bass', 'Joe Biden'];
  const places = ['Ohio', 'Paris', 'Texas', 'Japan', 'Los Angeles', 'Brussels'];
  for (let i = 0; i < 800; i++) {
    const lines: string[] = [];
    for (let p = 0; p < 12; p++) {
      const n = names[(i + p) % names.length]!;
      const pl = places[(i * 7 + p) % places.length]!;
      lines.push(
        `“We will not wait for ${pl} to act,” ${n} said on Monday. ${n.split(' ')[1]} told reporters that the plan, announced in ${pl} last week, would cost $${(i % 9) + 1} million. According to officials, ${p + 3} percent of voters agreed.`,
      );
    }
    writeFileSync(join(dir, `gen-${String(i).padStart(4, '0')}.txt`), lines.join('\n'));
  }
  return dir;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const runs = Math.max(1, Number(opt('--runs') ?? 3));
  if (args.includes('--child')) {
    const result = await child(opt('--child')!, opt('--corpus')!, runs);
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
    return;
  }

  const temps: string[] = [];
  const real = existsSync(REAL);
  const corpus = real ? REAL : generatedCorpus();
  if (!real) temps.push(corpus);
  const files = corpusFiles(corpus);
  const mb = bytesOf(files) / 1e6;
  const htmlSources = readdirSync(join(ROOT, 'tests/fixtures/ingest'))
    .map((d) => join(ROOT, 'tests/fixtures/ingest', d, 'source.html'))
    .filter(existsSync);
  const html = repeatCorpus(htmlSources, join(ROOT, 'tests/fixtures/ingest'), 30, 'bench-html-');
  temps.push(html);
  // Real-size pages too: the fixtures are 0.6-6.6 KB, a tenth of what a news site serves.
  const news = newsPages(files, 7);
  temps.push(news);
  const load0 = loadavg();
  process.stderr.write(
    `bench: ${files.length} articles, ${mb.toFixed(2)} MB (${real ? 'real' : 'generated'}); ${cpus().length} cpus, load ${load0.map((x) => x.toFixed(2)).join(' ')}\n`,
  );

  try {
    const rows: Record<
      string,
      {
        seconds: number;
        mbPerS: number;
        articlesPerS: number;
        rssMb: number;
        runs: number[];
        cpuSeconds: number;
        cpuRuns: number[];
      }
    > = {};
    const row = (name: string, r: ChildResult, megabytes = mb, articles = files.length) => {
      const s = median(r.times);
      rows[name] = {
        seconds: s,
        mbPerS: megabytes / s,
        articlesPerS: articles / s,
        rssMb: r.rssMb,
        runs: r.times,
        cpuSeconds: median(r.cpu),
        cpuRuns: r.cpu,
      };
    };
    const wink = measure('wink', corpus, runs);
    row('wink readDoc (floor)', wink);
    const p1 = measure('pipeline1', corpus, runs);
    row('pipeline, 1 worker', p1);
    // The same pool machinery as two workers, with one thread: the like-for-like base of the scaling ratio
    // (docs/scaling.md, "Benchmark").
    const pool1 = measure('pool1', corpus, runs);
    row('pipeline, pool of 1', pool1);
    const p2 = measure('pipeline2', corpus, runs);
    row('pipeline, 2 workers', p2);
    const scaling = measure('scaling', corpus, runs).extra as Record<
      string,
      { oneThread: number[]; twoThreads: number[]; twoVsOne: number }
    >;
    const warm = measure('warm', corpus, runs);
    row('re-run, warm cache', warm);
    const peer = measure('compromise', corpus, runs);
    row('compromise (peer)', peer);
    const profile = measure('profile', corpus, 1);
    const htmlProfile = { fixtures: profileSlice(html, 3), news: profileSlice(news, 3) };
    let big: Record<string, unknown> | undefined;
    if (args.includes('--big')) {
      const quarter = repeatCorpus(files, corpus, Math.max(1, Math.ceil(12.5 / mb)), 'bench-big-');
      temps.push(quarter);
      const full = repeatCorpus(files, corpus, Math.max(1, Math.ceil(50 / mb)), 'bench-big-');
      temps.push(full);
      const sizes: Record<string, unknown>[] = [];
      for (const dir of [quarter, full]) {
        const f = corpusFiles(dir);
        const r = measure('big', dir, 1);
        const megabytes = bytesOf(f) / 1e6;
        sizes.push({
          mb: megabytes,
          articles: f.length,
          seconds: r.times[0],
          mbPerS: megabytes / r.times[0]!,
          rssMb: r.rssMb,
        });
      }
      big = { sizes };
    }

    const sp = (name: string) => rows[name]!;
    const ratios = {
      pipeline1VsWink: sp('pipeline, 1 worker').mbPerS / sp('wink readDoc (floor)').mbPerS,
      twoVsOneWorker: sp('pipeline, 2 workers').mbPerS / sp('pipeline, pool of 1').mbPerS,
      twoWorkersVsInProcess: sp('pipeline, 2 workers').mbPerS / sp('pipeline, 1 worker').mbPerS,
      // CPU seconds (all threads) of the in-process run against wink's, and of two workers against one: what the
      // ratios would be on an idle machine, short of the machine's own limits (memory bandwidth, clock boost)
      pipeline1VsWinkCpu: sp('wink readDoc (floor)').cpuSeconds / sp('pipeline, 1 worker').cpuSeconds,
      twoVsOneWorkerCpuBound: (2 * sp('pipeline, pool of 1').cpuSeconds) / sp('pipeline, 2 workers').cpuSeconds,
      // what two threads gave wink's readDoc and an arithmetic loop in the same sitting (the machine's ceiling)
      winkTwoThreadsVsOne: scaling.wink!.twoVsOne,
      arithmeticTwoThreadsVsOne: scaling.arithmetic!.twoVsOne,
      pipeline1VsCompromise: sp('pipeline, 1 worker').mbPerS / sp('compromise (peer)').mbPerS,
      pipeline2VsCompromise: sp('pipeline, 2 workers').mbPerS / sp('compromise (peer)').mbPerS,
      warmVsCold: sp('re-run, warm cache').seconds / sp('pipeline, 2 workers').seconds,
    };
    const stageShare = (t: Record<string, number>) => {
      const total = Object.values(t).reduce((a, b) => a + b, 0);
      return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { ms: Math.round(v), share: v / total }]));
    };
    const bigRss = big ? Math.max(...(big.sizes as { rssMb: number }[]).map((s) => s.rssMb)) : undefined;
    const floors = {
      'pipeline 1 worker >= 50% of wink': { value: ratios.pipeline1VsWink, pass: ratios.pipeline1VsWink >= 0.5 },
      '2 workers >= 1.7x 1 worker (pool of 1)': { value: ratios.twoVsOneWorker, pass: ratios.twoVsOneWorker >= 1.7 },
      'pipeline >= 15x compromise': { value: ratios.pipeline1VsCompromise, pass: ratios.pipeline1VsCompromise >= 15 },
      'warm re-run <= 10% of cold': { value: ratios.warmVsCold, pass: ratios.warmVsCold <= 0.1 },
      ...(bigRss !== undefined ? { 'peak RSS <= 500 MB on 50 MB': { value: bigRss, pass: bigRss <= 500 } } : {}),
      // Judged on the real-size news pages; the fixture pages are reported beside them.
      'ingest <= 25% on HTML (news pages)': {
        value: htmlProfile.news.stages.ingest!.share,
        pass: htmlProfile.news.stages.ingest!.share <= 0.25,
      },
      'ingest <= 25% on HTML (fixture pages)': {
        value: htmlProfile.fixtures.stages.ingest!.share,
        pass: htmlProfile.fixtures.stages.ingest!.share <= 0.25,
      },
    };
    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        availableParallelism: availableParallelism(),
        model: cpus()[0]?.model,
        loadBefore: load0,
        loadAfter: loadavg(),
        node: process.version,
      },
      corpus: { source: real ? '../shared/dev/polnear-train/corpus' : 'generated', articles: files.length, mb },
      runs,
      rows,
      ratios,
      floors,
      pool: p2.extra,
      scaling,
      warm: warm.extra,
      profile: {
        corpus: stageShare(profile.extra!.timings as Record<string, number>),
        html: htmlProfile.fixtures,
        htmlNews: htmlProfile.news,
      },
      ...(big ? { big } : {}),
    };
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

    const pad = (s: string, n: number) => s.padEnd(n);
    const num = (x: number, d = 2) => x.toFixed(d).padStart(9);
    console.log(
      `\n${files.length} articles, ${mb.toFixed(2)} MB; median of ${runs} runs; load ${load0.map((x) => x.toFixed(1)).join('/')} → ${loadavg()
        .map((x) => x.toFixed(1))
        .join('/')} on ${cpus().length} cpus\n`,
    );
    console.log(
      `${pad('mode', 24)}${'seconds'.padStart(9)}${'MB/s'.padStart(9)}${'art/s'.padStart(9)}${'RSS MB'.padStart(9)}${'CPU s'.padStart(9)}`,
    );
    for (const [name, r] of Object.entries(rows))
      console.log(
        `${pad(name, 24)}${num(r.seconds)}${num(r.mbPerS, 3)}${num(r.articlesPerS, 1)}${num(r.rssMb, 0)}${num(r.cpuSeconds)}`,
      );
    console.log(
      `\nratios: 1 worker ${(ratios.pipeline1VsWink * 100).toFixed(1)}% of wink (CPU ${(ratios.pipeline1VsWinkCpu * 100).toFixed(1)}%); 2 workers ${ratios.twoVsOneWorker.toFixed(2)}x a pool of 1 (CPU-bound ${ratios.twoVsOneWorkerCpuBound.toFixed(2)}x), ${ratios.twoWorkersVsInProcess.toFixed(2)}x in process (two threads gave wink's readDoc ${ratios.winkTwoThreadsVsOne.toFixed(2)}x, an arithmetic loop ${ratios.arithmeticTwoThreadsVsOne.toFixed(2)}x); ${ratios.pipeline1VsCompromise.toFixed(1)}x compromise`,
    );
    console.log(
      `\npool start-up (2 workers, model load): ${(p2.extra!.poolStartSeconds as number).toFixed(2)} s; one CLI-style run with a fresh pool: ${(p2.extra!.freshPoolSeconds as number).toFixed(2)} s`,
    );
    console.log(`warm re-run: ${warm.extra!.cached} articles from cache, output identical: ${warm.extra!.identical}`);
    console.log('\nfloors:');
    for (const [name, f] of Object.entries(floors))
      console.log(`  ${f.pass ? 'PASS' : 'FAIL'}  ${pad(name, 32)} ${f.value.toFixed(3)}`);
    console.log('\nper-stage profile (1 worker):');
    for (const [k, v] of Object.entries(results.profile.corpus))
      console.log(`  ${pad(k, 10)}${String(v.ms).padStart(8)} ms ${(v.share * 100).toFixed(1).padStart(6)} %`);
    for (const [label, slice] of [
      ['HTML slice, fixture pages', htmlProfile.fixtures],
      ['HTML slice, news pages', htmlProfile.news],
    ] as const) {
      console.log(
        `${label} (${slice.articles} pages, ${slice.mb.toFixed(2)} MB; medians of ${slice.ingestShares.length} runs; ingest ${slice.ingestMsPerPage.toFixed(2)} ms/page, share per run ${slice.ingestShares.map((x) => (x * 100).toFixed(1)).join(' / ')} %):`,
      );
      for (const [k, v] of Object.entries(slice.stages))
        console.log(`  ${pad(k, 10)}${String(v.ms).padStart(8)} ms ${(v.share * 100).toFixed(1).padStart(6)} %`);
    }
    if (big) {
      console.log('\nbig corpus (2 workers):');
      for (const s of big.sizes as { mb: number; articles: number; seconds: number; mbPerS: number; rssMb: number }[]) {
        console.log(
          `  ${s.mb.toFixed(1).padStart(6)} MB, ${s.articles} articles: ${s.seconds.toFixed(1)} s, ${s.mbPerS.toFixed(3)} MB/s, peak RSS ${s.rssMb.toFixed(0)} MB`,
        );
      }
    }
    console.log('\nwritten: bench/results.json');
  } finally {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  }
}

await main();
