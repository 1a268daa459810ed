// The benchmark's plain-JavaScript baseline: a small hand-written renderer of Lede's article
// JSON into the same HTML structure and classes, styled by the same CSS. It does what a
// hand-written page would: fetch, JSON.parse, createElement and textContent. It does not
// validate, retry, or offer any of the reader's controls, so it is a floor, not a rival.
// It sets the same User Timing marks as the app, so `cargo xtask bench` times both alike.

const element = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** Inline text: a string, or runs of { text, quote, link, emphasis, strong }. */
function inline(parent, text) {
  for (const run of typeof text === 'string' ? [text] : text ?? []) {
    if (typeof run === 'string') {
      parent.append(run);
      continue;
    }
    let node = document.createTextNode(run.text ?? '');
    if (run.emphasis) { const em = element('em'); em.append(node); node = em; }
    if (run.strong) { const strong = element('strong'); strong.append(node); node = strong; }
    if (run.quote) { const q = element('q', 'lede-inline__quote'); q.append(node); node = q; }
    if (run.link) { const a = element('a', 'lede-inline__link'); a.href = run.link; a.append(node); node = a; }
    parent.append(node);
  }
  return parent;
}

function block(data) {
  switch (data.type) {
    case 'paragraph':
      return inline(element('p', 'lede-article-block__paragraph'), data.text);
    case 'subheading':
      return element('h3', 'lede-article-block__subheading', data.text);
    case 'quote': {
      const figure = element('figure', 'lede-article-block__quote');
      const quote = element('blockquote', 'lede-article-block__quote-text');
      quote.append(inline(element('p'), data.text));
      figure.append(quote, element('figcaption', 'lede-article-block__quote-speaker', data.speaker?.name ?? ''));
      return figure;
    }
    default:
      return inline(element('p', 'lede-article-block__paragraph'), data.text ?? '');
  }
}

function render(article, root) {
  const view = element('div', 'lede-article-view');
  const masthead = element('header', 'lede-masthead');
  const inner = element('div', 'lede-masthead__inner');
  inner.append(element('span', 'lede-masthead__name', article.outlet?.name ?? ''));
  masthead.append(inner);
  const layout = element('div', 'lede-article-view__layout');
  const main = element('main', 'lede-article-view__main');
  const body = element('article', 'lede-article-view__article');
  const header = element('header', 'lede-article-header');
  header.append(element('p', 'lede-article-header__kicker', article.category?.name ?? article.category ?? ''));
  header.append(element('h1', 'lede-article-header__headline', article.headline));
  const summary = element('section', 'lede-summary-box');
  summary.append(element('h2', 'lede-summary-box__title', 'Summary'), inline(element('p', 'lede-summary-box__text'), article.summary));
  header.append(summary);
  const nav = element('nav', 'lede-section-nav');
  const list = element('ol', 'lede-section-nav__list');
  const sections = element('div', 'lede-article-view__body');
  for (const section of article.body ?? []) {
    const item = element('li', 'lede-section-nav__item');
    const link = element('a', 'lede-section-nav__link', section.heading);
    link.href = `#${section.id}`;
    item.append(link);
    list.append(item);
    const node = element('section', 'lede-article-section');
    node.id = section.id;
    node.append(element('h2', 'lede-article-section__heading', section.heading));
    for (const data of section.blocks ?? []) node.append(block(data));
    sections.append(node);
  }
  nav.append(element('h2', 'lede-section-nav__title', 'In this article'), list);
  if (article.context) {
    const note = element('aside', 'lede-context-note');
    note.append(element('h2', 'lede-context-note__title', 'Context'), inline(element('p', 'lede-context-note__text'), article.context));
    sections.append(note);
  }
  const headerBox = element('div', 'lede-article-view__header');
  headerBox.append(header);
  const navBox = element('div', 'lede-article-view__nav');
  navBox.append(nav);
  body.append(headerBox, navBox, sections);
  main.append(body);
  layout.append(main);
  if (article.related?.length) {
    const aside = element('aside', 'lede-related-sidebar');
    const cards = element('ul', 'lede-related-sidebar__list');
    for (const related of article.related.slice(0, 6)) {
      const card = element('li', 'lede-related-card');
      const headline = element('h3', 'lede-related-card__headline');
      const link = element('a', 'lede-related-card__link', related.headline);
      link.href = `?article=/articles/${related.id}.json`;
      headline.append(link);
      card.append(headline, element('p', 'lede-related-card__summary', related.summary ?? ''));
      cards.append(card);
    }
    aside.append(element('h2', 'lede-related-sidebar__title', 'Similar articles'), cards);
    layout.append(aside);
  }
  view.append(masthead, layout);
  root.replaceChildren(view);
}

const address = new URLSearchParams(location.search).get('article') ?? '/articles/zelensky-kushner-witkoff-call.json';
const response = await fetch(address);
const text = await response.text();
performance.mark('lede:json-arrived');
const article = JSON.parse(text);
render(article, document.getElementById('lede-app'));
document.title = article.headline;
requestAnimationFrame(() => setTimeout(() => {
  performance.mark('lede:article-painted');
  performance.mark('lede:article-complete');
}, 0));
