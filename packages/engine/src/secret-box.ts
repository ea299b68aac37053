import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Secrets at rest (webhook signing secrets): AES-256-GCM under a master key the deployment provides
 * (SECRETS_ENCRYPTION_KEYS). Keys are named: a sealed value says which key sealed it, the first key of the ring
 * seals, every key of the ring opens. Rotation = put a new key first, keep the old one until `resealWebhookSecrets`
 * has moved every row to the new key, then drop it.
 *
 * A sealed value is `v1:<key id>:<iv>:<ciphertext>:<tag>` (base64url). The associated data binds it to what it
 * belongs to (the subscription id): a sealed secret copied onto another row does not open there.
 */

export interface MasterKey {
  /** `[A-Za-z0-9_-]{1,32}`: written into every value it seals. */
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

export type Keyring = readonly MasterKey[];

const VERSION = "v1";

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

export function sealSecret(keyring: Keyring, plaintext: string, boundTo: string): string {
  const primary = keyring[0];
  if (!primary) throw new SecretBoxError("no encryption key");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", primary.key, iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString("base64url"));
  return [VERSION, primary.id, ...parts].join(":");
}

/** The id of the key that sealed a value (for rotation); `null` when the value is not a sealed one. */
export function sealedWith(sealed: string): string | null {
  const parts = sealed.split(":");
  return parts.length === 5 && parts[0] === VERSION ? (parts[1] ?? null) : null;
}

/** Opens a sealed value; throws SecretBoxError (never with the key or the text) when it cannot. */
export function openSecret(keyring: Keyring, sealed: string, boundTo: string): string {
  const [version, keyId, iv, ciphertext, tag] = sealed.split(":");
  if (version !== VERSION || !keyId || !iv || ciphertext === undefined || !tag)
    throw new SecretBoxError("not a sealed secret");
  const master = keyring.find((candidate) => candidate.id === keyId);
  if (!master) throw new SecretBoxError(`sealed with key "${keyId}", which the keyring does not hold`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", master.key, Buffer.from(iv, "base64url"), {
      authTagLength: 16,
    });
    decipher.setAAD(Buffer.from(boundTo, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError(`does not open with key "${keyId}" (another key of that name, or a changed value)`);
  }
}
