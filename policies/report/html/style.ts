/**
 * The report's stylesheet, inlined into the page: system fonts only (nothing to fetch), a colour per
 * status (`st-<status>`: a new status is one more line here), and a print stylesheet that starts each
 * tenant on a new page and keeps table rows whole.
 */
const STATUS_COLOURS: Readonly<Record<string, readonly [string, string]>> = {
  pass: ['#e6f4ea', '#1e6b34'],
  fail: ['#fde8e8', '#a3161b'],
  waived: ['#fff4d6', '#7a5300'],
  partly: ['#e8f0fe', '#1a4e9c'],
  manual: ['#eeeeee', '#444444'],
  'not-applicable': ['#f5f5f5', '#666666'],
  stale: ['#f3e8fd', '#5b2a86'],
  expired: ['#fde8e8', '#a3161b'],
  unused: ['#f5f5f5', '#666666'],
  unchecked: ['#ffffff', '#666666'],
  open: ['#fff8e1', '#6d4c00'],
};

const statusRules = Object.entries(STATUS_COLOURS)
  .map(([s, [bg, fg]]) => `.st-${s}{background:${bg};color:${fg};border-color:${fg}}rect.tenant.st-${s}{fill:${bg};stroke:${fg}}`)
  .join('\n');

export const STYLE = `
:root{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",system-ui,sans-serif;font-size:14px;color:#1d1d1f;line-height:1.45}
body{margin:0 auto;max-width:1400px;padding:0 1.5rem 2rem}
h1{font-size:1.6rem;margin:1.2rem 0 .3rem}h2{font-size:1.25rem;margin:1.6rem 0 .6rem;border-bottom:2px solid #d0d7de;padding-bottom:.2rem}h3{font-size:1.05rem;margin:1.1rem 0 .4rem}
nav{font-size:.85rem;margin:.6rem 0 1rem;line-height:1.8}
.meta{color:#555;margin:0}
.verdict{font-weight:600;padding:.5rem .8rem;border-radius:4px;display:inline-block}
.verdict-fail{background:#fde8e8;color:#a3161b}.verdict-pass{background:#e6f4ea;color:#1e6b34}.verdict-open{background:#fff8e1;color:#6d4c00}
table{border-collapse:collapse;width:100%;margin:.3rem 0 .8rem;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:600;background:#f6f8fa}
code{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:.82em;word-break:break-all}
.st{display:inline-block;border:1px solid;border-radius:3px;padding:0 .35rem;font-size:.82rem;white-space:nowrap}
${statusRules}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.4rem 0}
.facts dt{color:#555}.facts dd{margin:0}
.evidence{margin:0;padding-left:1.1rem}.evidence li{margin-bottom:.25rem}
.k{color:#555;font-size:.85em}
.fix{margin:.3rem 0;color:#7a2e00}
.level{font-size:.85rem;color:#555;font-weight:400}
.topology-frame{margin:0;border:1px solid #d0d7de;border-radius:6px;overflow:auto;background:#fff}
.topology-frame svg{display:block;max-width:100%;height:auto}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;font-size:.85rem}
.key{display:inline-block;width:28px;height:10px;margin-right:.4rem;vertical-align:middle;border-radius:2px}
.lg-flow{border-top:2px solid #3b6fb6}.lg-undeclared{border-top:2px dashed #b35c00}.lg-suspect{border-top:2px dashed #c62828}.lg-replica{border-top:2px dotted #6a4c93}
.lg-pass{background:#e6f4ea;border:1px solid #1e6b34}.lg-waived{background:#fff4d6;border:1px solid #7a5300}.lg-fail{background:#fde8e8;border:1px solid #a3161b}
svg text{font-family:inherit;font-size:12px;fill:#1d1d1f}
svg .band-title{font-size:15px;font-weight:600}
svg .zone-title,svg .site-title,svg .cluster-title{font-weight:600}
svg .small{font-size:11px;fill:#444}
svg .band{stroke-width:1.5}
svg .band-extranet{fill:#f4f8fd;stroke:#7a9cc6}
svg .band-intranet{fill:#fbf5f5;stroke:#b07878}
svg .site{fill:#fff;stroke:#8c959f}
svg .cluster{fill:#f6f8fa;stroke:#8c959f}
svg .zone{fill:#fff;stroke:#57606a}
svg .zone-exchange{fill:#fffbea}
svg .egress{fill:#eef6ee;stroke:#2e7d32}
svg .internet{fill:#eef3fb;stroke:#3b6fb6;stroke-dasharray:4 3}
svg rect.tenant{stroke-width:1}
svg .tenant-link:hover rect{stroke-width:2}
svg .flow{fill:none;stroke:#3b6fb6;stroke-width:1.3;opacity:.8}
svg .flow.undeclared{stroke:#b35c00;stroke-dasharray:3 2;opacity:1}
svg .flow.suspect{stroke:#c62828;stroke-dasharray:5 3;opacity:1}
svg .replica{fill:none;stroke:#6a4c93;stroke-width:1.3;stroke-dasharray:2 3}
svg .replica-label{fill:#6a4c93}
svg .egress-link{stroke:#2e7d32;stroke-width:2}
svg .isolation{stroke:#c62828;stroke-width:4;stroke-dasharray:14 6}
svg .isolation-label{fill:#c62828;font-weight:600}
svg .arrow-head{fill:#57606a}
footer{margin-top:2rem;color:#666;font-size:.8rem}
@media print{
  @page{size:A4;margin:14mm 12mm}
  body{max-width:none;padding:0;font-size:10.5pt}
  nav{display:none}
  a{color:inherit;text-decoration:none}
  .topology-frame{overflow:visible;border:none}
  section.tenant{break-before:page;page-break-before:always}
  tr,.facts{break-inside:avoid;page-break-inside:avoid}
  thead{display:table-header-group}
}
`;
