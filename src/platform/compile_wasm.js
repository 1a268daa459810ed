// A dedicated worker that compiles the reader's wasm from the bytes the start-up script
// (tools/post-build.mjs) sends it, and sends the compiled module back, or `null` if it
// could not. The page then only instantiates the module.
//
// Compiled on the page, the module's bytes are decoded and checked on the main thread as
// they arrive, then finished there in one task: at 4x CPU throttling that task was 53 to
// 122 ms, the longest of the whole takeover of a published page. A compiled module is
// shared between a page and its workers, so nothing is compiled twice
// (docs/performance.md).
onmessage = async ({ data: bytes }) => {
  try {
    postMessage(await WebAssembly.compile(bytes));
  } catch {
    postMessage(null);
  }
};
