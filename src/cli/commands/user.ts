import type { Command } from 'commander';
import { appModules } from '../../composition.js';
import { createAccount } from '../../platform/auth/accounts.js';
import { parseGrant, ROLES, type RoleGrant } from '../../platform/auth/roles.js';
import { loadConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { openAndMigrate, platformServices } from '../../platform/server.js';

/** `egov user create`. */
export function registerUser(program: Command): void {
  const user = program.command('user').description('manage local accounts');
  user
    .command('create')
    .description('create a local account')
    .requiredOption('--username <name>', 'login name (lower-case letters, digits, . _ -)')
    .requiredOption('--name <full name>', 'full name shown on screens and documents')
    .option('--kind <kind>', 'official, citizen or service', 'official')
    .option('--email <address>', 'e-mail address')
    .option('--role <grant...>', `role with scope: role[@system|@agency:CODE|@unit:CODE]; roles: ${ROLES.join(', ')}`)
    .option('--password-stdin', 'read the password from standard input instead of EGOV_PASSWORD')
    .action(async (opts: { username: string; name: string; kind: string; email?: string; role?: string[]; passwordStdin?: boolean }) => {
      if (!['official', 'citizen', 'service'].includes(opts.kind)) throw new Error(`--kind must be official, citizen or service, not "${opts.kind}"`);
      const grants: RoleGrant[] = (opts.role ?? []).map((text) => {
        const grant = parseGrant(text);
        if (!grant) throw new Error(`--role "${text}" is not a grant; write it like specialist@agency:000.00.20.H17`);
        return grant;
      });
      const password = opts.passwordStdin ? (await readStdin()).trimEnd() : process.env.EGOV_PASSWORD;
      if (!password) throw new Error('give the password in EGOV_PASSWORD or with --password-stdin');
      const config = loadConfig();
      const log = createLogger({ ...config, logLevel: 'warn' });
      const database = await openAndMigrate(config, appModules, log);
      try {
        const { id } = await createAccount(platformServices(config, database, log), {
          username: opts.username,
          password,
          displayName: opts.name,
          kind: opts.kind as 'official' | 'citizen' | 'service',
          email: opts.email ?? null,
          grants,
        });
        process.stdout.write(`account ${opts.username.toLowerCase()} created (${id})\n`);
      } finally {
        await database.close();
      }
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
