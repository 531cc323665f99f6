/**
 * The demo page at /embed/: every component, live, with the snippet to copy and the attributes it
 * takes. Served under a strict Content-Security-Policy (no inline script or style), like the
 * intranet pages it shows how to fill; its style sheet and copy buttons are files of their own.
 */
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The policy the page is served with (and the one an intranet page may keep). */
export const DEMO_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface Example {
  id: string;
  title: string;
  text: string;
  /** The element as a host page writes it. */
  snippet: string;
}

export const EXAMPLES: Example[] = [
  {
    id: "zones-rouges",
    title: "Les zones rouges d'une région",
    text: "Les zones rouges connues de la région, avec leur population, leur désignation et sa source, leurs initiatives et leurs porteurs, et la complétude de la liste (elle est partielle : le fichier officiel n'est pas public).",
    snippet: '<ts-zones-rouges region="76"></ts-zones-rouges>',
  },
  {
    id: "territoire-commune",
    title: "La fiche d'une commune",
    text: "Son intercommunalité, son statut de zone rouge (et la complétude de la liste dont il dépend), l'APL de la commune et de l'EPCI, la densité de généralistes du département, chaque chiffre avec sa source et son millésime, les initiatives à proximité.",
    snippet: '<ts-territoire commune="38316"></ts-territoire>',
  },
  {
    id: "territoire-epci",
    title: "La fiche d'une intercommunalité",
    text: "Par son SIREN : population, statut de zone rouge, APL, initiatives.",
    snippet: '<ts-territoire epci="200035327"></ts-territoire>',
  },
  {
    id: "territoire-departement",
    title: "La fiche d'un département",
    text: "Densité de généralistes, APL, zones rouges connues du département, initiatives.",
    snippet: '<ts-territoire departement="46"></ts-territoire>',
  },
  {
    id: "carte",
    title: "La carte des zones rouges d'une région",
    text: "La carte par EPCI, dans la page, avec sa légende et les sources imprimées dessus ; le tableau des valeurs s'ouvre d'un clic (ou au clavier).",
    snippet: '<ts-carte niveau="epci" mesure="zonesRouges" region="76"></ts-carte>',
  },
  {
    id: "english",
    title: "En anglais",
    text: "lang=\"en\" passe le composant en anglais (textes, nombres 1,234.5, dates 27 June 2025).",
    snippet: '<ts-territoire commune="46102" lang="en"></ts-territoire>',
  },
  {
    id: "erreur",
    title: "Un code inconnu",
    text: "Chaque état a son message dans le composant : chargement, API injoignable, code inconnu ou invalide, trop de demandes.",
    snippet: '<ts-territoire commune="99999"></ts-territoire>',
  },
];

/** What each element takes (docs/embed.md says the same). */
const ATTRIBUTES: [string, string, string][] = [
  ["ts-zones-rouges", "region", "code INSEE de la région (deux chiffres : 76, 84, 01…)"],
  ["ts-territoire", "commune | epci | departement", "un seul : code INSEE de commune (38316, pas le code postal ; un ancien code est accepté), SIREN d'EPCI (200035327), code de département (46, 2A, 971)"],
  ["ts-carte", "niveau", "epci (par défaut), commune ou departement"],
  ["ts-carte", "mesure", "au niveau epci : zonesRouges (par défaut), apl, population ; commune : apl, population ; departement : gpDensity, apl… (docs/maps.md)"],
  ["ts-carte", "region | departement | epci", "le territoire dessiné (sans lui : la France entière) ; epci au niveau commune seulement"],
  ["ts-carte", "tableau", "ouvert : le tableau des valeurs est affiché d'emblée"],
  ["tous", "lang", "fr (par défaut) ou en"],
  ["tous", "key", "une clé d'intégration (tsk_…) liée à l'adresse du site ; sans elle, appels anonymes"],
  ["tous", "niveau-titre", "niveau du titre du composant, 1 à 6 (2 par défaut)"],
];

export function scriptTag(origin: string, version: string, integrity: string): string {
  return `<script src="${origin}/embed/${version}/territoire-sante.js" integrity="${integrity}" crossorigin="anonymous" defer></script>`;
}

export function demoPage(options: { origin: string; version: string; integrity: string }): string {
  const script = scriptTag(options.origin, options.version, options.integrity);
  const code = (id: string, text: string) =>
    `<div class="snippet"><pre><code id="${id}">${escape(text)}</code></pre><button type="button" class="copy" data-copy="${id}">Copier</button></div>`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Composants intégrables · territoire-santé</title>
<link rel="stylesheet" href="/embed/demo.css">
<script src="/embed/${options.version}/territoire-sante.js" integrity="${options.integrity}" crossorigin="anonymous" defer></script>
<script src="/embed/demo.js" defer></script>
</head>
<body>
<header><p class="brand">territoire-santé</p></header>
<main>
<h1>Composants intégrables</h1>
<p>Pour un intranet de mutuelle ou de commune : collez le script une fois, puis les éléments où vous voulez les chiffres.
Chaque composant affiche ses chiffres avec leur source et leur millésime, « non connu » quand une donnée manque (jamais 0),
la complétude d'une liste partielle et la ligne d'attribution de la Licence Ouverte. Il suit la police et les couleurs de votre page,
se règle par des propriétés CSS, et fonctionne sous une Content-Security-Policy stricte (celle de cette page).</p>
<p id="copy-status" class="status" role="status" aria-live="polite"></p>
<h2>1. Le script, une fois par page</h2>
<p>Version ${escape(options.version)} : une adresse qui ne changera jamais ; son empreinte d'intégrité (SRI) empêche qu'un autre fichier soit exécuté à sa place.</p>
${code("snippet-script", script)}
${EXAMPLES.map(
  (e, i) => `<section aria-labelledby="h-${e.id}">
<h2 id="h-${e.id}">${i + 2}. ${escape(e.title)}</h2>
<p>${escape(e.text)}</p>
${code(`snippet-${e.id}`, e.snippet)}
<div class="live">${e.snippet.replace("><", ' niveau-titre="3"><')}</div>
</section>`,
).join("\n")}
<section aria-labelledby="h-attributes">
<h2 id="h-attributes">Les attributs</h2>
<div class="table-wrap" role="region" aria-label="Attributs des composants" tabindex="0">
<table><thead><tr><th scope="col">Élément</th><th scope="col">Attribut</th><th scope="col">Valeurs</th></tr></thead>
<tbody>${ATTRIBUTES.map(([element, name, values]) => `<tr><td><code>${escape(element)}</code></td><td><code>${escape(name)}</code></td><td>${escape(values)}</td></tr>`).join("")}</tbody></table>
</div>
</section>
<section aria-labelledby="h-theme">
<h2 id="h-theme">Aux couleurs de votre site</h2>
<p>Dans la feuille de style de votre page :</p>
${code(
  "snippet-theme",
  `ts-zones-rouges, ts-territoire, ts-carte {
  --ts-font: "Marianne", system-ui, sans-serif;
  --ts-color-accent: #00579c;     /* liens et boutons */
  --ts-color-text: #1f1f1f;
  --ts-color-background: #ffffff;
  --ts-color-border: #d0d0d0;
  --ts-radius: 4px;
}`,
)}
</section>
</main>
<footer><p>Données : INSEE, DREES, CNOM, Ministère de la Santé et pages publiques citées dans chaque composant. Documentation : docs/embed.md.</p></footer>
</body>
</html>
`;
}

export const DEMO_CSS = `body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f; background: #f6f6f4; line-height: 1.5; }
header, footer { background: #ffffff; border-bottom: 1px solid #d0d0d0; padding: 0.5rem 1rem; }
footer { border-top: 1px solid #d0d0d0; border-bottom: 0; margin-top: 2rem; color: #444444; }
.brand { margin: 0; font-weight: 700; }
main { max-width: 960px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.8rem; }
h2 { font-size: 1.35rem; margin-top: 2rem; }
.snippet { display: flex; gap: 0.5rem; align-items: flex-start; flex-wrap: wrap; }
pre { flex: 1 1 18rem; margin: 0; overflow-x: auto; background: #ffffff; border: 1px solid #d0d0d0; border-radius: 4px; padding: 0.6rem; font-size: 0.85rem; }
pre code { white-space: pre-wrap; word-break: break-all; }
button.copy { font: inherit; background: #1f1f1f; color: #ffffff; border: 0; border-radius: 4px; padding: 0.35rem 0.8rem; cursor: pointer; }
button.copy:focus-visible, a:focus-visible, [tabindex]:focus-visible { outline: 3px solid #1d6fd6; outline-offset: 2px; }
.live { margin-top: 0.8rem; }
.status { min-height: 1.5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: #ffffff; }
th, td { border: 1px solid #d0d0d0; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
`;

/** Copy buttons: the snippet's text to the clipboard, or selected where the clipboard is not available (http pages). */
export const DEMO_JS = `"use strict";
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-copy]");
  if (!button) return;
  var code = document.getElementById(button.getAttribute("data-copy"));
  var status = document.getElementById("copy-status");
  var done = function (text) { status.textContent = text; };
  var select = function () {
    var range = document.createRange();
    range.selectNodeContents(code);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    done("Extrait sélectionné : copiez-le avec Ctrl+C.");
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(code.textContent).then(function () { done("Extrait copié."); }, select);
  } else select();
});
`;
