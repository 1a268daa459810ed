// Lede's embed loader: one `<script type="module" src="https://reader.example/embed.js">`
// defines the `<lede-article>` element. The contract (attributes, events, CSS custom
// properties, CSP, security model) is docs/embedding.md.
//
// What it does, and why here rather than in Rust:
// - It waits until a widget is near the viewport, then loads the widget's wasm module
//   (the reader built with the widget's entry points and without the reader's page,
//   decision 021) once for every widget on the page, and the widget's stylesheet once as a
//   constructable stylesheet that every shadow root shares.
// - Inline mode (the default): a shadow root holds the reader and, through a <slot>, the
//   element's own children: the fallback a reader sees without scripts or wasm. The
//   fallback is hidden once the article is shown, and shown again on a fatal error.
// - Iframe mode (`mode="iframe"`, any case): a sandboxed iframe of embed.html on the
//   reader's origin, sized from the height it reports. Its messages are believed only from
//   that frame's window and the reader's origin, of a known type, with a finite height.
//   The frame page's reader reads its options from its own URL, in Rust, where its `src`
//   meets the reader's allow-list (docs/decisions/012-widget-frame.md).
// - It is a good guest: no global names besides the element's, no listeners on the host's
//   window except `message` in iframe mode, no changes to <head>, URL or history.
//
// The build (tools/post-build.mjs) replaces the placeholders with hashed file names, and
// the attribute list with src/embed/attributes.json, the list the reader's Rust shares.

const WIDGET_MODULE = new URL("__LEDE_WIDGET_MODULE__", import.meta.url);
const WIDGET_WASM = new URL("__LEDE_WIDGET_WASM__", import.meta.url);
const STYLESHEET = new URL("__LEDE_EMBED_STYLESHEET__", import.meta.url);
const FRAME_PAGE = new URL("embed.html", import.meta.url);
const READER_ORIGIN = FRAME_PAGE.origin;
/**
 * Whether every article of the reader's site has a frame page with its text in it,
 * `articles/{id}/frame/`: `lede publish` turns this on (docs/publishing.md).
 */
const PUBLISHED_FRAMES = false;

/** Every attribute of the element: its values, and whether the reader or this loader reads it. */
const ATTRIBUTES = __LEDE_EMBED_ATTRIBUTES__;
/** The attributes passed on to the reader (and, in iframe mode, to the frame). */
const OPTION_ATTRIBUTES = Object.keys(ATTRIBUTES).filter((name) => ATTRIBUTES[name].read_by === "reader");
/**
 * What the frame may do: run the reader (scripts), keep the reader's origin so that its
 * requests and messages are its own (same origin), and open a link a reader sends to a new
 * tab as an ordinary page (popups that escape the sandbox). Plain clicks on links leave
 * through the host page instead (`lede:navigate`), so no top navigation is allowed.
 */
const FRAME_SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";
/** How close to the viewport a widget must come before it loads. */
const LOAD_MARGIN = "600px";
/** The frame heights believed, in CSS pixels; anything outside is clamped. */
const MIN_FRAME_HEIGHT = 40;
const MAX_FRAME_HEIGHT = 50000;
const FRAME_MESSAGES = new Set(["lede:resize", "lede:load", "lede:error", "lede:navigate"]);

let widgetModule = null;
let stylesheet = null;
/** Each console warning once per page, however many widgets would repeat it. */
const warned = new Set();
function warnOnce(message) {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

/** The element's `mode`: "inline" or "iframe", compared without regard to case. */
function modeOf(element) {
  const value = (element.getAttribute("mode") ?? "").trim().toLowerCase();
  if (value === "" || ATTRIBUTES.mode.values.includes(value)) return value || "inline";
  warnOnce(`lede-article: unknown mode "${value}", using "inline"`);
  return "inline";
}

/** The widget's wasm module, loaded and started once per page. */
function loadWidgetModule() {
  widgetModule ??= import(WIDGET_MODULE.href).then(async (module) => {
    await module.default({ module_or_path: WIDGET_WASM });
    return module;
  });
  return widgetModule;
}

/** The widget's stylesheet, fetched and parsed once per page. */
function loadStylesheet() {
  stylesheet ??= fetch(STYLESHEET, { credentials: "omit" })
    .then((response) => {
      if (!response.ok) throw new Error(`could not load the widget's styles from ${STYLESHEET}: HTTP ${response.status}`);
      return response.text();
    })
    .then((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return sheet;
    });
  return stylesheet;
}

/** `url` if it is an absolute http(s) address, else null. */
function webAddress(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** `url` if a widget may send the host page there: http(s), or a mailto: link; else null. */
function linkAddress(url) {
  try {
    return new URL(url).protocol === "mailto:" ? new URL(url).href : webAddress(url);
  } catch {
    return null;
  }
}

/**
 * The frame page for an article at `source`: its published frame page, which shows the
 * text before the wasm, when it is an article of the reader's own site and `element` asks
 * for nothing but the defaults; else `embed.html`, which shows any article with any options.
 */
function framePage(source, element) {
  const own = source.origin === READER_ORIGIN && !source.search && !source.hash
    && source.pathname.match(/^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)\.json$/);
  const defaults = OPTION_ATTRIBUTES.every((name) => name === "src" || !element.hasAttribute(name));
  return PUBLISHED_FRAMES && own && defaults ? new URL(`articles/${own[1]}/frame/`, FRAME_PAGE) : new URL(FRAME_PAGE);
}

/** Only the fields Lede sends, as strings or booleans: nothing else crosses from a frame. */
function cleanDetail(detail) {
  const clean = {};
  if (detail && typeof detail === "object") {
    for (const key of ["headline", "url", "reason", "message"]) {
      if (typeof detail[key] === "string") clean[key] = detail[key].slice(0, 2000);
    }
    if (typeof detail.inside === "boolean") clean.inside = detail.inside;
  }
  return clean;
}

class LedeArticleElement extends HTMLElement {
  #shadow = null;
  #mount = null;
  #fallback = null;
  #widget = null;
  #visibility = null;
  #frame = null;
  #onMessage = null;
  // Bumped on every connect and disconnect, so that a load finishing after the element
  // was removed (or moved) does nothing.
  #generation = 0;

  connectedCallback() {
    const generation = ++this.#generation;
    this.#shadow ??= this.attachShadow({ mode: "open" });
    this.#mount = document.createElement("div");
    this.#mount.className = "lede-app lede-embed";
    this.#mount.setAttribute("part", "reader");
    this.#fallback = document.createElement("slot");
    this.#shadow.replaceChildren(this.#mount, this.#fallback);
    const start = () => {
      if (generation !== this.#generation) return;
      if (modeOf(this) === "iframe" && !this.hasAttribute("data-lede-frame")) this.#startFrame();
      else this.#startInline(generation);
    };
    // The frame page's own widget is the whole page: it starts at once.
    if (this.hasAttribute("data-lede-frame") || typeof IntersectionObserver !== "function") {
      start();
      return;
    }
    this.#visibility = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          this.#visibility?.disconnect();
          this.#visibility = null;
          start();
        }
      },
      { rootMargin: LOAD_MARGIN },
    );
    this.#visibility.observe(this);
  }

  disconnectedCallback() {
    this.#generation++;
    this.#visibility?.disconnect();
    this.#visibility = null;
    // Unmounting runs the widget's cleanups, which abort its requests.
    if (this.#widget) {
      this.#widget.unmount();
      this.#widget.free();
      this.#widget = null;
    }
    if (this.#onMessage) window.removeEventListener("message", this.#onMessage);
    this.#onMessage = null;
    this.#frame = null;
    this.#shadow?.replaceChildren();
  }

  async #startInline(generation) {
    const attributes = OPTION_ATTRIBUTES.filter((name) => this.hasAttribute(name)).map((name) => [
      name,
      this.getAttribute(name),
    ]);
    try {
      const [module, sheet] = await Promise.all([loadWidgetModule(), loadStylesheet()]);
      if (generation !== this.#generation) return;
      this.#shadow.adoptedStyleSheets = [sheet];
      const report = (type, detail) => this.#report(type, detail);
      // The frame page's reader reads its options from the page's own URL itself.
      this.#widget = this.hasAttribute("data-lede-frame")
        ? module.mountFramedArticle(this.#mount, report)
        : module.mountEmbeddedArticle(this.#mount, attributes, report);
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#report("error", { reason: "unavailable", message: String(error?.message ?? error) });
    }
  }

  #startFrame() {
    const source = this.getAttribute("src");
    if (!source) {
      this.#report("error", { reason: "unavailable", message: "the lede-article element has no src attribute: nothing to show" });
      return;
    }
    const address = framePage(new URL(source, document.baseURI), this);
    for (const name of OPTION_ATTRIBUTES) {
      if (!this.hasAttribute(name)) continue;
      const value = name === "src" ? new URL(source, document.baseURI).href : this.getAttribute(name);
      address.searchParams.set(name, value);
    }
    address.searchParams.set("host", location.origin);
    // A frame on its host's own origin could reach up and lift its own sandbox: iframe
    // mode isolates nothing there. It still works, as inline mode would, but says so.
    if (location.origin === READER_ORIGIN) {
      warnOnce(`lede-article: mode="iframe" on ${location.origin}, the reader's own origin, isolates nothing: serve the reader from another origin (docs/embedding.md)`);
    }
    const frame = document.createElement("iframe");
    frame.className = "lede-embed__frame";
    frame.setAttribute("sandbox", FRAME_SANDBOX);
    frame.setAttribute("loading", "lazy");
    frame.title = this.getAttribute("title") || "News article";
    frame.src = address.href;
    this.#frame = frame;
    this.#onMessage = (event) => this.#receive(event, frame);
    window.addEventListener("message", this.#onMessage);
    loadStylesheet()
      .then((sheet) => (this.#shadow.adoptedStyleSheets = [sheet]))
      .catch(() => {});
    this.#mount.append(frame);
  }

  /** A message from the frame, believed only if it passes every check. */
  #receive(event, frame) {
    if (event.source !== frame.contentWindow || event.origin !== READER_ORIGIN) return;
    const data = event.data;
    if (!data || typeof data !== "object" || !FRAME_MESSAGES.has(data.type)) return;
    if (data.type === "lede:resize") {
      const height = data.height;
      if (typeof height !== "number" || !Number.isFinite(height)) return;
      const clamped = Math.min(MAX_FRAME_HEIGHT, Math.max(MIN_FRAME_HEIGHT, Math.ceil(height)));
      frame.style.height = `${clamped}px`;
      return;
    }
    const detail = cleanDetail(data.detail);
    if (data.type === "lede:load" && detail.headline) frame.title = detail.headline;
    this.#report(data.type.slice("lede:".length), detail);
  }

  /** What happened to the article, as a DOM event on this element; and its consequences. */
  #report(type, detail) {
    if (type === "load") this.#fallback.hidden = true;
    if (type === "error") this.#fallback.hidden = false;
    const event = new CustomEvent(`lede:${type}`, { detail, bubbles: true, cancelable: type === "navigate" });
    const allowed = this.dispatchEvent(event);
    // A link out of the widget: the host page goes there, as for any link, unless a
    // listener took it over with preventDefault(). In a frame, the page around it does.
    if (type === "navigate" && allowed && !detail.inside && !this.hasAttribute("data-lede-frame")) {
      const address = linkAddress(detail.url);
      if (address) location.assign(address);
    }
  }
}

/**
 * The frame page (embed.html): one widget, reporting to the host. The widget's options,
 * its `src` among them, are read from this page's URL by the reader itself.
 */
function runAsFramePage() {
  const parameters = new URLSearchParams(location.search);
  const claimedHost = parameters.get("host") ?? "";
  const hostOrigin = webAddress(claimedHost) && new URL(claimedHost).origin === claimedHost ? claimedHost : null;
  const post = (message) => {
    if (hostOrigin && window.parent !== window) window.parent.postMessage(message, hostOrigin);
  };
  // A published frame page holds its widget already, with the article in it until the
  // widget has loaded; embed.html has none.
  let widget = document.querySelector("body > lede-article[data-lede-frame]");
  const isPublished = Boolean(widget);
  widget ??= document.createElement("lede-article");
  widget.setAttribute("data-lede-frame", "");
  const reportHeight = () => post({ type: "lede:resize", height: widget.getBoundingClientRect().height });
  for (const type of ["load", "error", "navigate"]) {
    widget.addEventListener(`lede:${type}`, (event) => {
      // A cross-origin frame out of view gets no rendering updates, so no ResizeObserver
      // callbacks, until it is scrolled to: its height would jump then. Measuring here
      // forces layout and gives the host the right height at once.
      reportHeight();
      post({ type: `lede:${type}`, detail: cleanDetail(event.detail) });
    });
  }
  new ResizeObserver(reportHeight).observe(widget);
  if (!isPublished) document.body.append(widget);
}

if (!customElements.get("lede-article")) {
  customElements.define("lede-article", LedeArticleElement);
  if (document.documentElement.hasAttribute("data-lede-frame")) runAsFramePage();
}
