// The report's one stylesheet, inlined into every page so each opens from disk with nothing else.
import { paletteCss } from './palette.ts';

/** The CSS shared by all report pages. */
export function reportCss(): string {
  return `
*{box-sizing:border-box}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1c2833;background:#fbfcfc}
header.top{padding:14px 24px;background:#1c2833;color:#fff}
header.top a{color:#aed6f1}
main{padding:16px 24px;max-width:1400px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:22px 0 8px}
.muted{color:#566573}
table{border-collapse:collapse;font-size:14px}
th,td{text-align:left;padding:3px 10px 3px 0;border-bottom:1px solid #e5e8e8;vertical-align:top}
td.n,th.n{text-align:right;padding-right:14px}
.figures{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0}
.figure{background:#fff;border:1px solid #d5d8dc;border-radius:6px;padding:8px 14px;min-width:120px}
.figure b{display:block;font-size:22px}
.cols{display:flex;flex-wrap:wrap;gap:32px}
.article{display:grid;grid-template-columns:minmax(0,3fr) minmax(260px,1fr);gap:24px}
.text{white-space:pre-wrap;background:#fff;border:1px solid #d5d8dc;border-radius:6px;padding:16px 18px;line-height:1.9}
.quote{background:var(--spk);border-radius:3px;padding:1px 0}
.cue{font-weight:700;outline:1px dashed #566573;outline-offset:1px;border-radius:2px}
.speaker-mention{box-shadow:inset 0 -3px 0 var(--spk-ink);font-weight:600}
.ent{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px}
aside .speaker{border-left:6px solid var(--spk-ink);background:#fff;border-radius:4px;padding:6px 10px;margin:0 0 10px}
aside .speaker h3{font-size:15px;margin:0 0 4px}
aside ol{margin:0;padding-left:20px;font-size:13.5px}
aside li{margin:3px 0}
.legend span{margin-right:12px;white-space:nowrap}
.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:4px 14px;margin:8px 0 16px}
.facts dt{font-weight:600;color:#566573}
.facts dd{margin:0;overflow-wrap:anywhere}
.speaker-article h3{font-size:15px;margin:14px 0 4px}
.speaker-article ol{margin:0;padding-left:22px}
.speaker-article li{margin:3px 0}
.search-bar{display:flex;flex-wrap:wrap;gap:8px 16px;margin:6px 0}
.search-bar input{width:min(420px,80vw);font:inherit;padding:4px 6px}
.search-bar select{font:inherit;padding:3px}
#results button{font:inherit;font-weight:700;background:none;border:0;padding:0;cursor:pointer;color:#1c2833;text-decoration:underline dotted}
#results button[aria-sort=ascending]::after{content:" ▲"}
#results button[aria-sort=descending]::after{content:" ▼"}
#results td.quote-text{min-width:16em}
.scroll{overflow-x:auto;max-width:100%}
table.share td.sharebar{min-width:160px}
.sharebar span{display:inline-block;height:12px;vertical-align:middle}
.share-female{background:#c0392b}.share-male{background:#2e86c1}.share-unknown{background:#aab7b8}
svg{max-width:100%;height:auto}
code{overflow-wrap:anywhere}
@media (max-width:760px){
main{padding:12px 12px}
header.top{padding:12px}
.article{grid-template-columns:minmax(0,1fr);gap:16px}
.text{padding:12px;line-height:1.75}
.cols{gap:12px}
.figure{min-width:0;flex:1 1 90px}
#results,#results tbody,#results tr,#results td{display:block}
#results thead tr{display:flex;flex-wrap:wrap;gap:4px 14px;margin-bottom:6px}
#results th{border:0;padding:0}
#results th:last-child{display:none}
#results tr{border-bottom:1px solid #e5e8e8;padding:6px 0}
#results td{border:0;padding:0;overflow-wrap:anywhere}
#results td:nth-child(-n+4){display:inline;margin-right:10px}
#results td.quote-text{min-width:0;margin-top:2px}
}
.swatch{display:inline-block;width:22px;height:4px;vertical-align:middle;margin-right:4px}
svg text{font:12px system-ui,sans-serif;fill:#1c2833}
${paletteCss()}
`;
}
