import {
  type AnchorHTMLAttributes,
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type MouseEvent,
  useSyncExternalStore,
} from "react";

/**
 * The console's routing: a path under /console, the browser's history, and links that change it without a reload.
 * A handful of pages with one parameter each needs no router library; the server answers every /console path with
 * the page (SPA fallback), so a link from an e-mail opens where it points.
 */
export const BASE = "/console";
const CHANGE = "huiyin:navigate";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

/** The path inside the console (`/proposals/p-1`), with its query. */
export function currentPath(): string {
  const { pathname, search } = window.location;
  const inside = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  return `${inside || "/"}${search}`;
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = `${BASE}${to}`;
  if (options.replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  window.dispatchEvent(new Event(CHANGE));
  window.scrollTo(0, 0);
}

/** Matches `/proposals/:id` style patterns; the parameters, or undefined. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const [pathname = ""] = path.split("?");
  const want = pattern.split("/");
  const have = pathname.split("/");
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = have[index] ?? "";
    if (part.startsWith(":")) {
      if (!actual) return undefined;
      params[part.slice(1)] = decodeURIComponent(actual);
    } else if (part !== actual) return undefined;
  }
  return params;
}

/** A link inside the console: a real `href` (new tab, copy link work), navigation without a reload on a plain click. */
export function Link({ to, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={`${BASE}${to}`} onClick={onClick} {...rest} />;
}

/**
 * A page loaded when it is first shown (React.lazy): the first page a person opens loads the shell and that page's
 * code, not every page's (issue 15: the JavaScript of the sign-in page and My work stays small). Each page is a
 * chunk of its own; what pages share, the bundler puts in chunks they share. Render it inside `<Suspense>`.
 */
export function lazyPage<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => load().then((module) => ({ default: pick(module) })));
}
