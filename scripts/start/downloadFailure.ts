// One honest line for why Electron's download failed: what the network or the disk said, in words,
// and what would help. Pure: the error and the environment come in, the sentence goes out.

type Env = Record<string, string | undefined>;

interface ErrorFacts {
  code?: string;
  hostname?: string;
  address?: string;
  port?: number;
  path?: string;
  message: string;
  name: string;
}

/** The error and its causes, outermost first (fetch hides the socket error in `cause`). */
function chain(error: unknown): ErrorFacts[] {
  const out: ErrorFacts[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (typeof current !== 'object') {
      out.push({ message: String(current), name: 'Error' });
      break;
    }
    const e = current as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    out.push({
      code: str(e.code),
      hostname: str(e.hostname),
      address: str(e.address),
      port: typeof e.port === 'number' ? e.port : undefined,
      path: str(e.path),
      message: str(e.message) ?? '',
      name: str(e.name) ?? 'Error',
    });
    current = e.cause;
  }
  return out;
}

const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Set when the failure is the network's, so a proxy hint may help. */
const NETWORK = Symbol('network');

function explain(facts: ErrorFacts[]): string | [typeof NETWORK, string] {
  const where = (f: ErrorFacts) =>
    f.hostname ?? (f.address ? `${f.address}${f.port ? `:${f.port}` : ''}` : 'the download server');
  for (const f of facts) {
    switch (f.code) {
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return [NETWORK, `no network: ${where(f)} could not be found (DNS lookup failed)`];
      case 'ENETUNREACH':
      case 'EHOSTUNREACH':
        return [NETWORK, `no network: ${where(f)} is unreachable`];
      case 'ECONNREFUSED':
        return [NETWORK, `${where(f)} refused the connection`];
      case 'ETIMEDOUT':
      case 'UND_ERR_CONNECT_TIMEOUT':
        return [NETWORK, `the connection to ${where(f)} timed out`];
      case 'ECONNRESET':
      case 'UND_ERR_SOCKET':
        return [NETWORK, 'the connection was cut off during the download'];
      case 'ENOSPC':
        return 'the disk is full';
      case 'EACCES':
      case 'EPERM':
      case 'EROFS':
        return `no permission to write ${f.path ?? 'the download'}`;
    }
    if (f.code && TLS_CODES.has(f.code))
      return (
        `the server's HTTPS certificate is not trusted (${f.code}); behind a proxy that inspects HTTPS, ` +
        'point NODE_EXTRA_CA_CERTS at its certificate'
      );
  }
  const top = facts[0];
  if (!top) return 'an unknown error';
  if (top.name === 'StalledDownload') return [NETWORK, top.message];
  const http = /^Response code (\d{3})\b/.exec(top.message);
  if (http) {
    const url = /\bfor (\S+)$/.exec(top.message)?.[1];
    return `the server answered HTTP ${http[1]}${url ? ` for ${url}` : ''}`;
  }
  if (/checksum/i.test(top.message))
    return 'the downloaded file failed its checksum check (damaged or altered on the way), so it was not used';
  const firstLine = (m: string) => m.split('\n')[0]!.trim();
  const inner = facts.slice(1).find((f) => f.message);
  return inner
    ? `${firstLine(top.message)}: ${firstLine(inner.message)}`
    : firstLine(top.message) || top.name;
}

function proxyInUse(env: Env): string | undefined {
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) if (env[name]) return name;
  return undefined;
}

export function describeDownloadFailure(error: unknown, env: Env = process.env): string {
  const said = explain(chain(error));
  if (typeof said === 'string') return said;
  const proxy = proxyInUse(env);
  // @electron/get only routes through HTTP(S)_PROXY when ELECTRON_GET_USE_PROXY is set.
  if (proxy && !env.ELECTRON_GET_USE_PROXY)
    return `${said[1]}; ${proxy} is set, but the download uses it only with ELECTRON_GET_USE_PROXY=1`;
  return said[1];
}

/** An error for a download that stopped sending data (the caller aborts the fetch with it). */
export class StalledDownload extends Error {
  override name = 'StalledDownload';
  constructor(seconds: number, host: string) {
    super(`no data from ${host} for ${seconds} s`);
  }
}
