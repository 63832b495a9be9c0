/**
 * The book's stylesheet and its one small script (the language switch). Both are written as
 * files beside the pages, so the book works offline from file:// with no external resource.
 * Colours keep at least 4.5:1 contrast against their background (WCAG AA).
 */
export const stylesheet = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --link: #0b4fa8; --line: #c9c9c9; --focus: #b3470f; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; }
header.site { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; padding: .75rem 1.5rem; border-bottom: 1px solid var(--line); background: #f4f6f8; }
header.site .name { font-weight: 700; color: var(--ink); text-decoration: none; }
nav.site { padding: .5rem 1.5rem; border-bottom: 1px solid var(--line); }
nav.site ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
main { max-width: 62rem; padding: 1rem 1.5rem 3rem; }
footer.site { border-top: 1px solid var(--line); padding: 1rem 1.5rem; color: var(--muted); font-size: .9rem; }
code, .id { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .9em; }
.id { color: var(--muted); }
h1 { font-size: 1.8rem; line-height: 1.25; } h2 { font-size: 1.4rem; margin-top: 2.2rem; } h3 { font-size: 1.15rem; margin-top: 1.8rem; }
.outcome { border-top: 1px solid var(--line); padding-top: .25rem; }
ol.rules > li { margin: .75rem 0; }
.when { font-weight: 600; }
.status { display: inline-block; padding: 0 .45rem; border-radius: .3rem; font-weight: 700; font-size: .9rem; border: 1px solid currentColor; }
.status-required { color: #7a1d00; background: #fff1e8; }
.status-recommended { color: #1d3f7a; background: #eaf0fb; }
.status-permitted { color: #0d5c1d; background: #eaf7ec; }
.status-not-permitted { color: #7b0f1f; background: #fdecef; }
.status-absent { color: #4a4a4a; background: #f2f2f2; }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem .8rem; align-items: baseline; }
.legend dd { margin: 0; }
.unverified { color: #7a4a00; background: #fff6dd; border: 1px solid #7a4a00; border-radius: .3rem; padding: 0 .35rem; font-size: .85rem; }
.verified { color: #0d5c1d; font-size: .85rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; border: 1px solid var(--line); padding: .3rem .6rem; }
.lang-switch { font: inherit; padding: .3rem .8rem; border: 1px solid var(--ink); border-radius: .3rem; background: #fff; color: var(--ink); cursor: pointer; }
main:has(.whatif-layout) { max-width: 90rem; }
.whatif-layout { display: grid; grid-template-columns: minmax(22rem, 1fr) minmax(22rem, 1.2fr); gap: 1.5rem; align-items: start; }
.whatif-layout > section { position: sticky; top: .5rem; max-height: calc(100vh - 1rem); overflow-y: auto; border-left: 1px solid var(--line); padding-left: 1.25rem; }
.whatif-layout > section h2 { margin-top: 0; }
@media (max-width: 52rem) { .whatif-layout { grid-template-columns: 1fr; } .whatif-layout > section { position: static; max-height: none; border-left: 0; padding-left: 0; } }
form.whatif { display: grid; grid-template-columns: minmax(10rem, 1fr) minmax(9rem, 14rem); gap: .5rem 1rem; align-items: center; }
form.whatif label { font-weight: 600; }
form.whatif select, form.whatif input { font: inherit; padding: .25rem; }
#whatif-result li { margin: .4rem 0; }
.alternatives p { margin: .2rem 0 .2rem 1rem; }
button.alternative { font: inherit; text-align: left; padding: .2rem .5rem; border: 1px solid var(--ink); border-radius: .3rem; background: #fff; color: var(--ink); cursor: pointer; }
caption.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.error { color: #7b0f1f; font-weight: 600; }
html[data-lang="nb"] .t:not([lang="nb"]), html[data-lang="en"] .t:not([lang="en"]), html[data-lang="da"] .t:not([lang="da"]) { display: none; }
`;

/**
 * The language switch: shows one language, turns to the next of the book's languages on a click
 * (its label names that language), remembers the choice, keeps `<html lang>` true.
 */
export const languageScript = (langs: readonly string[]): string => `
(function () {
  var langs = ${JSON.stringify(langs)};
  var root = document.documentElement;
  function set(lang) {
    root.setAttribute('data-lang', lang);
    root.setAttribute('lang', lang);
    try { localStorage.setItem('vot-book-lang', lang); } catch (e) { /* storage may be off for file:// */ }
  }
  var saved = null;
  try { saved = localStorage.getItem('vot-book-lang'); } catch (e) { saved = null; }
  if (langs.indexOf(saved) >= 0) set(saved);
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('lang-switch');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      set(langs[(langs.indexOf(root.getAttribute('data-lang')) + 1) % langs.length]);
    });
  });
})();
`;
