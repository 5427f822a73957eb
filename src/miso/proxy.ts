// Proxy selection from the usual environment variables, as curl reads them, and the
// matching HTTP agents. Self-hosted runners often sit behind a proxy.

import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { HttpProxyAgent } from 'http-proxy-agent'
import { HttpsProxyAgent } from 'https-proxy-agent'

/**
 * The proxy URL to use for `url`, or undefined for a direct connection.
 *
 * `https_proxy` / `HTTPS_PROXY` apply to https URLs, `http_proxy` / `HTTP_PROXY` to http
 * URLs; the lower-case name wins when both are set (as in curl). An empty variable counts
 * as unset. A value without a scheme is taken as `http://`.
 *
 * `no_proxy` / `NO_PROXY` (lower case wins) lists hosts to reach directly, separated by
 * commas or white space: `*` for all, a host name (also matching its subdomains, with or
 * without a leading `.` or `*.`), an IP literal or CIDR range, each optionally with `:port`.
 * Loopback is not bypassed implicitly: a local test server or a sidecar on a self-hosted
 * runner may really sit behind the proxy, so skipping it must be asked for in NO_PROXY.
 *
 * Throws when the proxy variable is not a usable URL; the message names the variable but
 * never its value, which may hold credentials.
 */
export function proxyFor(url: string, env: NodeJS.ProcessEnv): string | undefined {
  const found = findProxy(url, env)
  return found && normaliseProxy(found.name, found.value)
}

/**
 * The agent for requests to `url`, for Miso's calls and GitHub's alike: a proxy agent when
 * proxyFor() names a proxy, else a keep-alive agent. Each client makes one and keeps it.
 */
export function agentFor(url: string, env: NodeJS.ProcessEnv): http.Agent | undefined {
  const { protocol } = new URL(url)
  const proxy = proxyFor(url, env)
  const keep = { keepAlive: true }
  // http targets go through the proxy as absolute-URI requests, https ones via CONNECT.
  if (protocol === 'http:') return proxy ? new HttpProxyAgent(proxy, keep) : new http.Agent(keep)
  if (protocol === 'https:') return proxy ? new HttpsProxyAgent(proxy, keep) : new https.Agent(keep)
  return undefined
}

/**
 * Secrets held in a proxy URL, for the redactor: the password as written and decoded, and
 * `user:password` decoded, whose base64 is the `Proxy-Authorization: Basic` value the agents
 * send (and a proxy may echo back). Never throws, also for an unusable URL.
 */
export function proxySecrets(proxy: string): string[] {
  if (!URL.canParse(withScheme(proxy))) {
    // Not a URL: the part before the last `@` may still hold credentials.
    const at = proxy.lastIndexOf('@')
    const userinfo = at < 0 ? '' : proxy.slice(0, at).replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    return userinfo ? [userinfo, ...userinfo.split(':').slice(1)] : []
  }
  const { username, password } = new URL(withScheme(proxy))
  if (!username && !password) return []
  const pass = decodeOrKeep(password)
  const secrets = [password, pass, `${decodeOrKeep(username)}:${pass}`]
  return [...new Set(secrets)].filter(secret => secret !== '')
}

/** Secrets in every proxy variable of `env`, whichever target they would serve. */
export function proxySecretsIn(env: NodeJS.ProcessEnv): string[] {
  const names = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']
  return names.flatMap(name => proxySecrets(env[name]?.trim() ?? ''))
}

/**
 * The proxy variable that applies to `url` (see proxyFor), unless NO_PROXY bypasses it: its
 * name is for messages (a 407 asks to check it), its value never.
 */
export function findProxy(url: string, env: NodeJS.ProcessEnv) {
  const target = new URL(url)
  const scheme = target.protocol.slice(0, -1)
  if (scheme !== 'http' && scheme !== 'https') return undefined
  const found = firstSet(env, `${scheme}_proxy`, `${scheme.toUpperCase()}_PROXY`)
  const noProxy = firstSet(env, 'no_proxy', 'NO_PROXY')?.value
  return noProxy && bypasses(noProxy, target) ? undefined : found
}

function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function firstSet(env: NodeJS.ProcessEnv, ...names: string[]) {
  const name = names.find(name => env[name]?.trim())
  return name ? { name, value: env[name]!.trim() } : undefined
}

function normaliseProxy(name: string, value: string): string {
  const refuse = (why: string) => new Error(`${name} ${why}`)
  const text = withScheme(value)
  if (!URL.canParse(text)) throw refuse('is not a valid proxy URL')
  const parsed = new URL(text)
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw refuse(`uses ${parsed.protocol} proxies, which are not supported (only http and https)`)
  }
  if (!parsed.hostname) throw refuse('names no proxy host')
  // The agents decode the user name and password for the Proxy-Authorization header, and a
  // stray `%` would make them fail with a bare "URI malformed". (decodeOrKeep keeps what it
  // cannot decode, and a good `%XX` always decodes to another text.)
  const parts = Object.entries({ 'user name': parsed.username, password: parsed.password })
  const bad = parts.find(([, part]) => part.includes('%') && decodeOrKeep(part) === part)?.[0]
  if (bad)
    throw refuse(`has a malformed percent-escape in its ${bad}: write a \`%\` there as \`%25\``)
  return parsed.href
}

/** A proxy value as a URL: one without a scheme is taken as `http://`. */
function withScheme(value: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`
}

function bypasses(noProxy: string, target: URL): boolean {
  const host = bareHost(target.hostname)
  const port = target.port || (target.protocol === 'https:' ? '443' : '80')
  const family = net.isIP(host)
  return noProxy.split(/[\s,]+/).some(entry => {
    if (entry === '*') return true
    // `[ip]:port`, `host:port` or a bare host, IP or CIDR range (a bare IPv6 has no port).
    const match = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry) ?? /^([^:]*):(\d+)$/.exec(entry)
    const [name, entryPort] = match ? [match[1], match[2]] : [entry]
    if (entry === '' || (entryPort !== undefined && entryPort !== port)) return false
    if (family !== 0) return ipMatches(name, host, family)
    const domain = bareHost(name.replace(/^\*?\./, ''))
    return domain !== '' && (host === domain || host.endsWith(`.${domain}`))
  })
}

function ipMatches(entry: string, host: string, family: number): boolean {
  const [address, prefix] = entry.split('/')
  const type = family === 4 ? 'ipv4' : 'ipv6'
  if (net.isIP(address) !== family) return false
  // BlockList compares addresses by value, so `::1` matches `0:0:0:0:0:0:0:1`.
  const list = new net.BlockList()
  if (prefix === undefined) list.addAddress(address, type)
  else if (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)) {
    list.addSubnet(address, Number(prefix), type)
  }
  return list.check(host, type)
}

/** A host name as compared: lower case, without IPv6 brackets or a trailing dot. */
function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$|\.$/g, '$1')
}
