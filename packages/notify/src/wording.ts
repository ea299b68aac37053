/**
 * The words of notices that a browser may load as well (the console's message catalogs): what each notice kind and
 * each deadline is called, in every language. No Node built-in is reachable from here (the package's index is:
 * links.ts signs with node:crypto), so the console imports `@huiyin/notify/wording` and shows the same names as the
 * e-mails.
 */
export type { Language } from "./directory.ts";
export { NOTICE_KIND_RULES, noticeKindOf } from "./notice-kinds.ts";
export { deadlineName } from "./templates.ts";
