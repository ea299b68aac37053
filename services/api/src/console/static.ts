import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import express, { type RequestHandler, Router } from "express";

/**
 * The console's Content-Security-Policy. Scripts only from our own origin (the build emits no inline script, and
 * none may be added: an injected `<script>` does not run). Styles also allow `'unsafe-inline'`: Ant Design writes
 * its CSS-in-JS as `<style>` elements at run time and its components and ECharts set `style` attributes; a nonce
 * would cover the elements but not the attributes. Inline styles cannot run code, so script injection stays closed;
 * the cost is that an injected style could restyle the page. Everything else (API calls, images, fonts) comes from
 * this origin; no framing, no plugins, forms post only here.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** A year: Vite names every built asset by its content hash, so a changed file is a new URL. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * `/console`: the console's static build (services/console/dist). Hashed assets under `/console/assets/` are cached
 * for good; every other GET under `/console` is the single page (`index.html`, never cached, so a new build is seen
 * at once) and the page's own router shows the path, so a link from an e-mail (`/console/proposals/<id>`) opens.
 * Without a build the page says how to make one instead of a bare 404.
 */
export function consoleRoutes(distDir: string | undefined): Router {
  const router = Router();
  const csp: RequestHandler = (_request, response, next) => {
    response.setHeader("Content-Security-Policy", CONSOLE_CSP);
    next();
  };
  router.use(csp);
  const index = distDir ? path.join(distDir, "index.html") : undefined;
  if (!distDir || !index || !existsSync(index)) {
    router.get("/{*rest}", (_request, response) => {
      response
        .status(503)
        .type("text/plain; charset=utf-8")
        .send("The console is not built. `npm start` builds it (or: pnpm --filter @huiyin/console build).\n");
    });
    return router;
  }
  router.use(
    "/assets",
    express.static(path.join(distDir, "assets"), {
      index: false,
      fallthrough: false,
      setHeaders: (response) => response.setHeader("Cache-Control", IMMUTABLE),
    }),
  );
  router.use(express.static(distDir, { index: false, redirect: false, maxAge: 0 }));
  // Read once: the build does not change under a running process (a rebuild comes with a restart).
  const page = readFileSync(index);
  router.get("/{*rest}", (request, response, next) => {
    if (!request.accepts("html")) return next();
    response.setHeader("Cache-Control", "no-cache");
    response.type("html").send(page);
  });
  return router;
}
