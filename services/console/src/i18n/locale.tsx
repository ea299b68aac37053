import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { format, type Locale, lookup, type MessageKey } from "./messages.ts";

const STORAGE_KEY = "huiyin.locale";

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A message for a key built at run time (an event type, a refusal code), or `fallback`. */
  tx(key: string, fallback: string): string;
}

const LocaleContext = createContext<LocaleState | undefined>(undefined);

function initialLocale(): Locale {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return stored === "en" ? "en" : "zh-CN";
}

/** zh-CN unless the person chose English (here, or as their directory language once signed in). */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setState(next);
  }, []);
  const value = useMemo<LocaleState>(
    () => ({
      locale,
      setLocale,
      t: (key, values) => format(locale, key, values),
      tx: (key, fallback) => lookup(locale, key) ?? fallback,
    }),
    [locale, setLocale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error("useLocale outside LocaleProvider");
  return state;
}
