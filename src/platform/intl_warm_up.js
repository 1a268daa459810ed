// A dedicated worker that makes the reader's two kinds of `Intl` formatter once, then says
// so. The start-up script (tools/post-build.mjs) starts it before the wasm downloads.
//
// A page's first `Intl` formatter loads the browser's locale data, one task of 30 to 70 ms
// at full speed here and several times that on a slow phone, which cannot be split. The
// browser keeps that data for the whole process, so once a worker has made a formatter,
// the page's own first one takes under a millisecond (docs/performance.md).
onmessage = ({ data: languages }) => {
  for (const language of languages) {
    try {
      new Intl.DateTimeFormat(language, { dateStyle: "long", timeStyle: "short" }).format(0);
      new Intl.RelativeTimeFormat(language, { numeric: "auto" }).format(-1, "day");
    } catch {
      // A language the browser does not know: the reader falls back the same way.
    }
  }
  postMessage("warm");
};
