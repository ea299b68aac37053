/**
 * Writes src/calendar/data/cn-statutory-dates.json: per Gregorian year, the dates the statutory holidays of the
 * national rules on public holidays (全国年节及纪念日放假办法, revised 2024) follow from: 除夕 and 正月初一 (lunar),
 * 清明 (the solar term), 端午 (五月初五) and 中秋 (八月十五). The domain package stays free of a lunar calendar at run
 * time; `statutory.test.ts` checks every row of the file against the same library, so a hand-edited date fails.
 *
 *   pnpm --filter @huiyin/domain exec tsx test/write-statutory-dates.ts 2024 2060
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lunarDatesOf } from "./lunar-reference.ts";

const [from = 2024, to = 2060] = process.argv.slice(2).map(Number);
const rows = [];
for (let year = from; year <= to; year += 1) rows.push(lunarDatesOf(year));
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "../src/calendar/data/cn-statutory-dates.json");
writeFileSync(file, `${JSON.stringify({ source: "lunar-typescript (农历, 节气)", years: rows }, null, 1)}\n`);
console.log(`wrote ${rows.length} years to ${path.relative(process.cwd(), file)}`);
