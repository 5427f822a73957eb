// Small servers on 127.0.0.1 for tests: listening on a free port, and a port that
// refuses connections.
import http from 'node:http'
import type { AddressInfo, Server } from 'node:net'

/** Listens on a free loopback port; `close` also ends open connections. */
export async function listenOnLoopback(
  server: Server
): Promise<{ port: number; url: string; close: () => Promise<void> }> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise(resolve => {
        if (server instanceof http.Server) server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** The URL of a loopback port that was free a moment ago and now refuses connections. */
export async function closedPortUrl(): Promise<string> {
  const { url, close } = await listenOnLoopback(http.createServer())
  await close()
  return url
}
