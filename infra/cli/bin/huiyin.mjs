#!/usr/bin/env node
// The `huiyin` command: its TypeScript runs through tsx (a runtime dependency, like the services').
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2), process.env);
