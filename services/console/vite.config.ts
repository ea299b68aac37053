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
        // Every page is a chunk of its own (React.lazy in App.tsx), with the Ant Design components only it uses, so
        // the sign-in page and My work load no table, date picker or chart. Vendor chunks: React (every page, and
        // it changes seldom: cached across console releases) and Ant Design's core (theme, CSS-in-JS, ConfigProvider
        // and what the shell draws) split by the bundler from the components the pages share.
        codeSplitting: {
          groups: [{ name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 }],
        },
      },
    },
  },
});
