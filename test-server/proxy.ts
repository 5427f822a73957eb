// A minimal forward proxy for tests: absolute-URI HTTP requests are forwarded and
// `CONNECT host:port` opens a tunnel. Only loopback targets are served (403 otherwise),
// so nothing sent through it can leave the machine. With `refuse407` it answers every
// request 407 instead, echoing the request and its headers (Proxy-Authorization included),
// as some proxies do.

import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'

export interface ProxyRequest {
  method: string
  /** The absolute URL of a forwarded request, or `host:port` of a CONNECT. */
  target: string
  /** The Proxy-Authorization header, when one was sent. */
  auth?: string
}

export interface ProxyOptions {
  /** Answer every request and CONNECT with 407 and a body echoing the request. */
  refuse407?: boolean
}

export interface TestProxy {
  url: string
  requests: ProxyRequest[]
  close(): Promise<void>
}

// Headers about the hop to the proxy, not meant for the target.
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade'
]

export async function startProxy(options: ProxyOptions = {}): Promise<TestProxy> {
  const requests: ProxyRequest[] = []
  const tunnels = new Set<Duplex>()
  const record = (req: http.IncomingMessage, method: string): void => {
    const auth = req.headers['proxy-authorization']
    requests.push({ method, target: req.url ?? '', ...(auth !== undefined ? { auth } : {}) })
  }

  const server = http.createServer((req, res) => {
    const target = req.url ?? ''
    record(req, req.method ?? '')
    if (options.refuse407) {
      const body = echo(req)
      res.writeHead(407, {
        'content-type': 'application/json',
        'proxy-authenticate': 'Basic realm="test"',
        connection: 'close'
      })
      return res.end(body)
    }
    let url: URL
    try {
      url = new URL(target)
    } catch {
      return refuse(res, 400, 'only absolute-URI requests are proxied')
    }
    if (url.protocol !== 'http:') return refuse(res, 400, `${url.protocol} is not proxied`)
    const host = loopbackHost(url.hostname)
    if (!host) return refuse(res, 403, `${url.hostname} is not a loopback host`)

    const headers = { ...req.headers }
    for (const name of HOP_BY_HOP) delete headers[name]
    const upstream = http.request(
      {
        host,
        port: url.port || 80,
        method: req.method,
        path: url.pathname + url.search,
        headers,
        agent: false
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
        answer.on('error', () => res.destroy())
      }
    )
    upstream.on('error', error => {
      if (res.headersSent) res.destroy()
      else refuse(res, 502, error.message)
    })
    // A client that leaves takes the upstream request with it.
    res.on('close', () => upstream.destroy())
    req.pipe(upstream)
  })

  server.on('connect', (req: http.IncomingMessage, client: Duplex, head: Buffer) => {
    const target = req.url ?? ''
    record(req, 'CONNECT')
    tunnels.add(client)
    client.on('close', () => tunnels.delete(client))
    client.on('error', () => client.destroy())
    if (options.refuse407) {
      const body = echo(req)
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nContent-Type: application/json\r\n' +
          'Proxy-Authenticate: Basic realm="test"\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
      )
      return
    }

    const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target)
    const host = match ? loopbackHost(match[1]) : undefined
    if (!match || !host) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
      return
    }
    const upstream = net.connect(Number(match[2]), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    tunnels.add(upstream)
    upstream.on('close', () => {
      tunnels.delete(upstream)
      client.destroy()
    })
    upstream.on('error', () => {
      if (upstream.connecting) {
        client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
      }
    })
    client.on('close', () => upstream.destroy())
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  let closed: Promise<void> | undefined

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close() {
      closed ??= new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
        // Tunnels were handed over by the HTTP server, so it no longer tracks them.
        for (const socket of tunnels) socket.destroy()
      })
      return closed
    }
  }
}

/** A 407 body that echoes the request line and headers. */
function echo(req: http.IncomingMessage): string {
  return JSON.stringify({
    message: `proxy authentication required for ${req.method} ${req.url}`,
    request: { method: req.method, url: req.url, headers: req.headers }
  })
}

/** The address to connect to for a loopback host name, else undefined. */
function loopbackHost(hostname: string): string | undefined {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  // 'localhost' could resolve elsewhere through a hosts file; pin it to 127.0.0.1.
  if (host === 'localhost') return '127.0.0.1'
  if (host === '::1') return host
  if (net.isIPv4(host) && host.startsWith('127.')) return host
  return undefined
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' })
  res.end(`${message}\n`)
}
