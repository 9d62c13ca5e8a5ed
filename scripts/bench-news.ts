// Real-size news pages for npm run bench's HTML slice: an article text wrapped in the kind of page scrapers deliver
// (see newsPage). Generated deterministically into a temp folder; the texts are read in place, never copied into
// the repository.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
export function newsPages(source: string[], step: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-news-'));
  source
    .filter((_, k) => k % step === 0)
    .forEach((f, i) => {
      const name = f.slice(f.lastIndexOf('/') + 1).replace(/\.\w+$/, '.html');
      writeFileSync(join(dir, name), newsPage(readFileSync(f, 'utf8'), i));
    });
  return dir;
}
