import { describe, it, expect } from '@jest/globals'
import http from 'node:http'
import { HttpProxyAgent } from 'http-proxy-agent'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { agentFor, proxyFor, proxySecrets } from '../src/miso/proxy.js'

const P = 'http://proxy.example:3128/'

describe('proxyFor', () => {
  const cases: [string, string, NodeJS.ProcessEnv, string | undefined][] = [
    ['no variables', 'https://api.askmiso.com', {}, undefined],
    ['HTTPS_PROXY for https', 'https://api.askmiso.com', { HTTPS_PROXY: P }, P],
    ['https_proxy for https', 'https://api.askmiso.com', { https_proxy: P }, P],
    ['HTTP_PROXY is not used for https', 'https://api.askmiso.com', { HTTP_PROXY: P }, undefined],
    ['HTTP_PROXY for http', 'http://127.0.0.1:8080', { HTTP_PROXY: P }, P],
    ['http_proxy for http', 'http://127.0.0.1:8080', { http_proxy: P }, P],
    ['HTTPS_PROXY is not used for http', 'http://127.0.0.1:8080', { HTTPS_PROXY: P }, undefined],
    [
      'lower case wins',
      'https://api.askmiso.com',
      { https_proxy: 'http://lower:1/', HTTPS_PROXY: 'http://upper:2/' },
      'http://lower:1/'
    ],
    [
      'empty lower case counts as unset',
      'https://api.askmiso.com',
      { https_proxy: '', HTTPS_PROXY: 'http://upper:2/' },
      'http://upper:2/'
    ],
    [
      'scheme-less proxy is http',
      'https://a.b',
      { HTTPS_PROXY: 'proxy:8080' },
      'http://proxy:8080/'
    ],
    [
      'https proxy kept',
      'https://a.b',
      { HTTPS_PROXY: 'https://proxy:8443' },
      'https://proxy:8443/'
    ],
    [
      'credentials kept for the agent',
      'https://a.b',
      { HTTPS_PROXY: 'http://u:p%40ss@proxy:1' },
      'http://u:p%40ss@proxy:1/'
    ],
    ['no implicit loopback bypass', 'http://127.0.0.1:9', { HTTP_PROXY: P }, P],
    ['no implicit localhost bypass', 'http://localhost:9', { HTTP_PROXY: P }, P],
    ['NO_PROXY *', 'https://api.askmiso.com', { HTTPS_PROXY: P, NO_PROXY: '*' }, undefined],
    [
      'exact host',
      'https://api.askmiso.com',
      { HTTPS_PROXY: P, NO_PROXY: 'api.askmiso.com' },
      undefined
    ],
    [
      'host case-insensitive',
      'https://API.askmiso.com',
      { HTTPS_PROXY: P, NO_PROXY: 'Api.AskMiso.com' },
      undefined
    ],
    [
      'suffix without dot',
      'https://api.askmiso.com',
      { HTTPS_PROXY: P, NO_PROXY: 'askmiso.com' },
      undefined
    ],
    [
      'suffix with dot',
      'https://api.askmiso.com',
      { HTTPS_PROXY: P, NO_PROXY: '.askmiso.com' },
      undefined
    ],
    [
      '.suffix matches the domain itself',
      'https://askmiso.com',
      { HTTPS_PROXY: P, NO_PROXY: '.askmiso.com' },
      undefined
    ],
    [
      '*.suffix',
      'https://api.askmiso.com',
      { HTTPS_PROXY: P, NO_PROXY: '*.askmiso.com' },
      undefined
    ],
    [
      'partial label does not match',
      'https://api.notmiso.com',
      { HTTPS_PROXY: P, NO_PROXY: 'miso.com' },
      P
    ],
    ['other host', 'https://api.askmiso.com', { HTTPS_PROXY: P, NO_PROXY: 'example.com' }, P],
    [
      'comma and space separated list',
      'https://api.askmiso.com',
      { HTTPS_PROXY: P, NO_PROXY: 'a.com, b.com  askmiso.com' },
      undefined
    ],
    [
      'lower case no_proxy wins',
      'https://api.askmiso.com',
      { HTTPS_PROXY: P, no_proxy: 'x.com', NO_PROXY: 'askmiso.com' },
      P
    ],
    [
      'host:port matches that port',
      'http://127.0.0.1:8080',
      { HTTP_PROXY: P, NO_PROXY: '127.0.0.1:8080' },
      undefined
    ],
    [
      'host:port skips other ports',
      'http://127.0.0.1:8081',
      { HTTP_PROXY: P, NO_PROXY: '127.0.0.1:8080' },
      P
    ],
    [
      'default port counts',
      'https://api.askmiso.com',
      { HTTPS_PROXY: P, NO_PROXY: 'api.askmiso.com:443' },
      undefined
    ],
    ['IPv4 literal', 'http://127.0.0.1:9', { HTTP_PROXY: P, NO_PROXY: '127.0.0.1' }, undefined],
    [
      'IPv4 literal, other address',
      'http://127.0.0.2:9',
      { HTTP_PROXY: P, NO_PROXY: '127.0.0.1' },
      P
    ],
    [
      'IPv4 is not a domain suffix',
      'http://192.168.0.1:9',
      { HTTP_PROXY: P, NO_PROXY: '168.0.1' },
      P
    ],
    ['IPv4 CIDR', 'http://127.0.0.5:9', { HTTP_PROXY: P, NO_PROXY: '127.0.0.0/8' }, undefined],
    ['IPv4 CIDR miss', 'http://10.0.0.5:9', { HTTP_PROXY: P, NO_PROXY: '127.0.0.0/8' }, P],
    ['IPv6 literal', 'http://[::1]:9', { HTTP_PROXY: P, NO_PROXY: '::1' }, undefined],
    ['IPv6 long form', 'http://[::1]:9', { HTTP_PROXY: P, NO_PROXY: '0:0:0:0:0:0:0:1' }, undefined],
    [
      'IPv6 bracketed with port',
      'http://[::1]:9',
      { HTTP_PROXY: P, NO_PROXY: '[::1]:9' },
      undefined
    ],
    ['IPv6 bracketed other port', 'http://[::1]:9', { HTTP_PROXY: P, NO_PROXY: '[::1]:10' }, P],
    ['not proxied: other schemes', 'ftp://a.b', { HTTPS_PROXY: P, HTTP_PROXY: P }, undefined]
  ]

  it.each(cases)('%s', (_name, url, env, expected) => {
    expect(proxyFor(url, env)).toBe(expected)
  })

  it('refuses unusable proxies without echoing the value', () => {
    const secret = 'hunter2-secret'
    for (const value of [`socks5://u:${secret}@p:1`, `http://u:${secret}@[bad`]) {
      let message = ''
      try {
        proxyFor('https://a.b', { HTTPS_PROXY: value })
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).toMatch(/HTTPS_PROXY/)
      expect(message).not.toContain(secret)
    }
  })

  it('names the part with a malformed percent-escape', () => {
    for (const [value, part] of [
      ['http://us%zz:pw@p:1', 'user name'],
      ['http://user:p%w@p:1', 'password']
    ]) {
      expect(() => proxyFor('https://a.b', { HTTPS_PROXY: value })).toThrow(
        `HTTPS_PROXY has a malformed percent-escape in its ${part}`
      )
    }
    expect(proxyFor('https://a.b', { HTTPS_PROXY: 'http://u%40:p%25@p:1' })).toBe(
      'http://u%40:p%25@p:1/'
    )
  })
})

describe('agentFor', () => {
  it('uses a keep-alive agent without a proxy', () => {
    const a = agentFor('http://127.0.0.1:1', {})
    expect(a).toBeInstanceOf(http.Agent)
    expect(a).not.toBeInstanceOf(HttpProxyAgent)
    expect((a as unknown as { keepAlive: boolean }).keepAlive).toBe(true)
  })

  it('picks the proxy agent by target scheme', () => {
    const env = { HTTP_PROXY: 'http://127.0.0.1:3128', HTTPS_PROXY: 'http://127.0.0.1:3128' }
    expect(agentFor('http://127.0.0.1:1', env)).toBeInstanceOf(HttpProxyAgent)
    expect(agentFor('https://api.askmiso.com', env)).toBeInstanceOf(HttpsProxyAgent)
    expect(
      agentFor('https://api.askmiso.com', { ...env, NO_PROXY: 'askmiso.com' })
    ).not.toBeInstanceOf(HttpsProxyAgent)
  })
})

describe('proxy credentials', () => {
  it('proxySecrets lists the password raw and decoded, and user:password for Basic auth', () => {
    expect(proxySecrets('http://user:p%40ss@proxy:8080/')).toEqual(['p%40ss', 'p@ss', 'user:p@ss'])
    expect(proxySecrets('http://user:pa%ZZss@proxy:8080/')).toEqual(['pa%ZZss', 'user:pa%ZZss'])
    expect(proxySecrets('http://proxy:8080/')).toEqual([])
  })
})
