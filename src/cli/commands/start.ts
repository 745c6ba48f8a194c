import type { Command } from 'commander';
import { appModules } from '../../composition.js';
import { loadConfig } from '../../platform/config.js';
import type { SeedReport } from '../../platform/context.js';
import { startServer, stopOnSignals } from '../../platform/server.js';

/** `egov start`: runs the server until SIGINT/SIGTERM. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('start the server (migrates the database and, on the first start, loads the demonstration data)')
    .action(async () => {
      const config = loadConfig();
      const server = await startServer(config, { modules: appModules });
      process.stdout.write(banner(server.address, config.publicUrl, server.database.dialect, server.database.describe, server.demo));
      stopOnSignals(server);
    });
}

function banner(address: string, publicUrl: string, dialect: string, where: string, demo: SeedReport | undefined): string {
  const lines = [
    '',
    'Hệ thống thông tin Chính quyền điện tử / e-Government platform',
    `  Listening on:    ${address}`,
    `  Web portal:      ${publicUrl}/  (Cổng dịch vụ công)`,
    `  API reference:   ${publicUrl}/api/docs  (OpenAPI: ${publicUrl}/api/openapi.json)`,
    `  Database:        ${dialect} ${where}`,
  ];
  if (demo && demo.summary.length > 0) lines.push(`  Demo data:       ${demo.summary.join(', ')}`);
  if (demo?.logins && demo.logins.length > 0) {
    lines.push('', 'Tài khoản dùng thử / Demonstration logins:');
    for (const l of demo.logins) lines.push(`  ${l.role.padEnd(34)} ${l.username.padEnd(22)} ${l.password}`);
  }
  lines.push('', 'Ctrl-C to stop.', '');
  return lines.join('\n');
}
