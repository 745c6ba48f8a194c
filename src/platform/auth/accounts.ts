import type { Kysely } from 'kysely';
import { AppError } from '../errors.js';
import type { PlatformTables } from '../db/tables.js';
import type { PlatformServices } from '../context.js';
import { hashPassword, passwordProblem } from './passwords.js';
import type { RoleGrant } from './roles.js';

export interface NewAccount {
  username: string;
  password: string;
  displayName: string;
  kind: 'official' | 'citizen' | 'service';
  email?: string | null;
  grants?: RoleGrant[];
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/**
 * Creates a local account with its role grants, in one transaction.
 * Throws VALIDATION_FAILED for a bad username or weak password and CONFLICT when the
 * username is taken.
 */
export async function createAccount(services: PlatformServices, input: NewAccount): Promise<{ id: string }> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new AppError('VALIDATION_FAILED', {
      detail: {
        vi: 'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang.',
        en: 'A username has 3–64 characters: lower-case letters, digits, dot, underscore, hyphen.',
      },
      errors: [{ field: '/username', reason: 'pattern', message: { vi: 'Tên đăng nhập không hợp lệ', en: 'Invalid username' } }],
    });
  }
  const weak = passwordProblem(input.password);
  if (weak) {
    throw new AppError('VALIDATION_FAILED', { detail: weak, errors: [{ field: '/password', reason: 'minLength', message: weak }] });
  }
  const passwordHash = await hashPassword(input.password);
  const now = services.clock.now().toISOString();
  const id = services.newId();
  const work = async (trx: Kysely<PlatformTables>) => {
    const taken = await trx.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst();
    if (taken) {
      throw new AppError('CONFLICT', {
        detail: { vi: `Tên đăng nhập "${username}" đã được sử dụng.`, en: `The username "${username}" is taken.` },
      });
    }
    await trx
      .insertInto('accounts')
      .values({
        id,
        username,
        password_hash: passwordHash,
        display_name: input.displayName,
        kind: input.kind,
        email: input.email ?? null,
        status: 'active',
        failed_logins: 0,
        locked_until: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const g of input.grants ?? []) {
      await trx
        .insertInto('account_roles')
        .values({ account_id: id, role: g.role, scope_kind: g.scopeKind, scope_code: g.scopeCode })
        .execute();
    }
    return { id };
  };
  // Inside a caller's transaction (seeding, imports) use it; otherwise open one.
  return services.db.isTransaction ? work(services.db) : services.db.transaction().execute(work);
}
