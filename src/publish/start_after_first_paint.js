(() => {
  const start = document.currentScript.dataset.ledeStart;
  const load = () => {
    const script = document.createElement("script");
    script.type = "module";
    script.src = start;
    document.head.append(script);
  };
  if (window.PerformanceObserver?.supportedEntryTypes?.includes("paint")) {
    new PerformanceObserver((entries, observer) => {
      if (entries.getEntriesByName("first-contentful-paint").length === 0) return;
      observer.disconnect();
      setTimeout(load, 0);
    }).observe({ type: "paint", buffered: true });
  } else {
    requestAnimationFrame(() => setTimeout(load, 0));
  }
})();
