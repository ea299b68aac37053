import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/**
 * scrypt, memory-hard (node:crypto: no dependency, and the hash format below names its parameters, so they can be
 * raised later without invalidating stored hashes). OWASP's recommendation for scrypt: N = 2^17, r = 8, p = 1,
 * i.e. 128 MiB and a few hundred milliseconds per hash, which is what a guesser with the table pays per guess.
 */
export const SCRYPT_PARAMETERS: ScryptParameters = { N: 2 ** 17, r: 8, p: 1 };

export interface ScryptParameters {
  /** CPU and memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
  // maxmem: scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is below what N = 2^17 takes.
  const options: ScryptOptions = { ...parameters, maxmem: 256 * parameters.N * parameters.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$<salt>$<hash>`, salt and hash in base64url: what `person_accounts.password_hash` holds. */
export async function hashPassword(
  password: string,
  parameters: ScryptParameters = SCRYPT_PARAMETERS,
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, parameters);
  return [
    "scrypt",
    parameters.N,
    parameters.r,
    parameters.p,
    salt.toString("base64url"),
    key.toString("base64url"),
  ].join("$");
}

export function parseHash(stored: string): { N: number; r: number; p: number; salt: Buffer; key: Buffer } | undefined {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!N || !r || !p || !Number.isInteger(Math.log2(N))) return undefined;
  return { N, r, p, salt: Buffer.from(parts[4] ?? "", "base64url"), key: Buffer.from(parts[5] ?? "", "base64url") };
}

/** Whether `password` is the one hashed into `stored`; compared in constant time. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || parsed.key.length !== KEY_LENGTH) return false;
  const key = await derive(password, parsed.salt, parsed);
  return timingSafeEqual(key, parsed.key);
}

/**
 * A hash of nothing anyone knows, verified against when the login is unknown (or the account cannot sign in), so
 * that such an answer costs the same scrypt as a wrong password: the timing does not tell whether a login exists.
 */
const decoys = new Map<string, Promise<string>>();
export function decoyHash(parameters: ScryptParameters = SCRYPT_PARAMETERS): Promise<string> {
  const key = `${parameters.N}:${parameters.r}:${parameters.p}`;
  let decoy = decoys.get(key);
  if (!decoy) {
    decoy = hashPassword(randomBytes(32).toString("base64url"), parameters);
    decoys.set(key, decoy);
  }
  return decoy;
}

const COMMON = new Set([
  "password",
  "password1",
  "password123",
  "passw0rd",
  "1234567890",
  "12345678910",
  "qwertyuiop",
  "1qaz2wsx3edc",
  "abc1234567",
  "iloveyou123",
  "woaini1314",
  "admin12345",
  "huiyin12345",
]);

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Why a new password is too weak, as a sentence, or undefined when it is acceptable: at least 10 characters
 * (code points, so Chinese counts per character), at most 200, not one repeated character or run of a few, not a
 * well-known password. Length beats composition rules (NIST SP 800-63B), so there are no "one digit" rules.
 */
export function passwordWeakness(password: string): string | undefined {
  const characters = [...password];
  if (characters.length < MIN_PASSWORD_LENGTH) return `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (characters.length > 200) return "A password has at most 200 characters.";
  if (new Set(characters).size < 5) return "A password needs at least 5 different characters.";
  if (COMMON.has(password.toLowerCase())) return "This password is too well known.";
  return undefined;
}
