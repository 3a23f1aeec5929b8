/**
 * `writ serve`: the HTTP API (and the web app, once built into dist/web) on the embedded database with the reference
 * data loaded. First run creates an administrator (password printed once, or from WRIT_ADMIN_EMAIL /
 * WRIT_ADMIN_PASSWORD). A second server on the same data directory is refused. Ctrl+C (SIGINT) or SIGTERM stops it
 * cleanly.
 */
import { UsageError, parseCommandArgs, type Command } from '../command.ts';
import { t } from '../../i18n/i18n.ts';
import { StoreError } from '../../store/types.ts';
import { startServer } from '../../server/start-server.ts';
import { pickLang } from './lookup.ts';

const HELP = `Usage: writ serve [--port 8080] [--host 127.0.0.1] [--data-dir DIR] [options]

Starts Writ's HTTP API (and the web app, when built) on the embedded database.

Options:
  --port N            Port to listen on (default: $PORT or 8080; 0 picks a free port)
  --host ADDR         Address to listen on (default 127.0.0.1: this computer only)
  --data-dir DIR      Data directory (default: $WRIT_DATA_DIR or your user data directory)
  --secure-cookies    Mark session cookies Secure (behind an HTTPS proxy); automatic over TLS
  --trust-proxy       Trust X-Forwarded-For/-Proto/-Host (only behind a proxy you run)
  --public-origin URL The https://… origin browsers use, when behind a proxy (may repeat)
  --quiet             Do not log requests
  --lang en|es        Language of the messages

Environment: DATABASE_URL (use PostgreSQL), WRIT_KEY or WRIT_KEY_FILE (encryption key),
WRIT_ADMIN_EMAIL and WRIT_ADMIN_PASSWORD (first administrator), WRIT_EVIDENCE_MAX_BYTES (upload limit).
The server also runs jobs (batch packets, 287(g) sheet imports: POST /api/batches/packets,
POST /api/reference/287g/imports); on PostgreSQL, servers sharing the database share the jobs.
Requests are logged as method, route, status and time only: never ids, names or content.`;

const serveCommand: Command = {
  name: 'serve',
  summary: 'Start the Writ server (HTTP API and web app)',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'secure-cookies': { type: 'boolean' },
        'trust-proxy': { type: 'boolean' },
        'public-origin': { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
        lang: { type: 'string' },
      },
      false,
    );
    const lang = pickLang(values.lang);
    const portText = values.port ?? process.env.PORT ?? '8080';
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(t(lang, 'api:serve.badPort', { value: portText }));
    const host = values.host ?? '127.0.0.1';
    const origins = values['public-origin'] ?? [];
    for (const o of origins) {
      let ok = false;
      try {
        const u = new URL(o);
        ok = (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === o.replace(/\/$/, '');
      } catch {
        ok = false;
      }
      if (!ok) throw new UsageError(t(lang, 'api:serve.badOrigin', { value: o }));
    }

    // Signals are handled from the start: Ctrl+C while the database opens still closes it cleanly.
    let stopRequested: (() => void) | null = null;
    const stopped = new Promise<void>((resolve) => {
      stopRequested = resolve;
    });
    const onSignal = () => stopRequested?.();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const unlisten = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };

    let running;
    try {
      running = await startServer({
        port,
        host,
        store: { ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}) },
        config: {
          secureCookies: Boolean(values['secure-cookies']),
          trustProxy: Boolean(values['trust-proxy']),
          publicOrigins: origins.map((o) => o.replace(/\/$/, '')),
          log: values.quiet ? () => {} : (line) => io.stderr(line + '\n'),
        },
      });
    } catch (e) {
      unlisten();
      if (e instanceof StoreError) {
        io.stderr(`writ serve: ${e.message}\n`);
        return 1;
      }
      throw e;
    }

    const fa = running.firstAdmin;
    if (fa.created && fa.user) {
      if (fa.generatedPassword) {
        io.stdout(`${t(lang, 'api:serve.firstAdmin')}\n  ${t(lang, 'api:serve.firstAdminEmail', { email: fa.user.email })}\n  ${t(lang, 'api:serve.firstAdminPassword', { password: fa.generatedPassword })}\n`);
      } else {
        io.stdout(`${t(lang, 'api:serve.firstAdminFromEnv', { email: fa.user.email })}\n`);
      }
    }
    if (!running.referenceLoaded) io.stderr(`${t(lang, 'api:serve.referenceMissing')}\n`);
    if (running.webDir) io.stdout(`${t(lang, 'api:serve.webServed', { dir: running.webDir })}\n`);
    io.stdout(`${t(lang, 'api:serve.listening', { url: running.url })}\n`);

    await stopped;
    unlisten();
    io.stderr(`${t(lang, 'api:serve.stopping')}\n`);
    await running.close();
    io.stderr(`${t(lang, 'api:serve.stopped')}\n`);
    return 0;
  },
};

export default serveCommand;
