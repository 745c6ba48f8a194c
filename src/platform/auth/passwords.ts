import { hash, verify } from '@node-rs/argon2';

/** argon2id parameters (OWASP 2024 minimum: m=19 MiB, t=2, p=1). */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id; the result embeds its salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against a stored argon2id hash; false for a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * Why a new password is not acceptable, or undefined when it is. Length over composition
 * rules (NIST SP 800-63B).
 */
export function passwordProblem(password: string): { vi: string; en: string } | undefined {
  if (password.length < 10) {
    return { vi: 'Mật khẩu phải có ít nhất 10 ký tự.', en: 'The password must have at least 10 characters.' };
  }
  if (password.length > 256) {
    return { vi: 'Mật khẩu không được dài quá 256 ký tự.', en: 'The password must have at most 256 characters.' };
  }
  return undefined;
}
