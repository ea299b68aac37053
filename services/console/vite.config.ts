import { defineConfig } from "vite";

/**
 * The console is served by the api under /console (services/api/src/console/static.ts): every asset URL starts
 * there, names carry content hashes (cached for good), and the page has no inline script, as the CSP requires.
 */
export default defineConfig({
  base: "/console/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The polyfill would be bundled, not inlined, but every browser the console supports has modulepreload.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // antd marks its modules "use client" (for React Server Components); a browser bundle has no server part.
      onLog(level, log, handler) {
        if (log.code === "MODULE_LEVEL_DIRECTIVE") return;
        handler(level, log);
      },
      output: {
        // The charts are only on the dashboard: a chunk of their own, loaded when it is opened.
        codeSplitting: { groups: [{ name: "antd", test: /node_modules[\\/](antd|@ant-design|rc-|@rc-component)/ }] },
      },
    },
  },
});
