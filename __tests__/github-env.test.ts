// The runner's GitHub variables and the event, each read by one rule (src/github-env.ts).
import { describe, expect, it } from '@jest/globals'
import { apiUrlOf, pullNumberOf, repositoryOf, repositoryUrlOf, SHA } from '../src/github-env.js'

describe('repositoryOf', () => {
  it('reads owner/name', () => {
    expect(repositoryOf({ GITHUB_REPOSITORY: 'acme/shop.catalog-2' })).toEqual({
      owner: 'acme',
      repo: 'shop.catalog-2'
    })
  })

  it.each([undefined, '', 'acme', 'acme/shop/x', '../x', 'acme/..', 'acme/.', 'a b/c', 'a/c?d'])(
    'refuses %j',
    repository => expect(repositoryOf({ GITHUB_REPOSITORY: repository })).toBeUndefined()
  )
})

describe('apiUrlOf', () => {
  it('defaults to api.github.com and drops a final slash', () => {
    expect(apiUrlOf({})).toBe('https://api.github.com')
    expect(apiUrlOf({ GITHUB_API_URL: 'https://ghes.example/api/v3//' })).toBe(
      'https://ghes.example/api/v3'
    )
  })
})

describe('repositoryUrlOf', () => {
  const repo = { GITHUB_REPOSITORY: 'acme/shop' }
  it('joins a bare http(s) origin and the repository', () => {
    expect(repositoryUrlOf({ ...repo, GITHUB_SERVER_URL: 'https://github.com' })).toBe(
      'https://github.com/acme/shop'
    )
    expect(repositoryUrlOf({ ...repo, GITHUB_SERVER_URL: 'http://ghes.example:8080/' })).toBe(
      'http://ghes.example:8080/acme/shop'
    )
  })

  it.each([
    undefined,
    '',
    'javascript:alert(1)//',
    'https://user:pw@github.com',
    'https://github.com/x',
    'https://github.com/?q=1',
    'https://github.com/#x',
    'ftp://github.com'
  ])('makes no link from GITHUB_SERVER_URL %j', server => {
    expect(repositoryUrlOf({ ...repo, GITHUB_SERVER_URL: server })).toBeUndefined()
  })

  it('makes no link from an odd GITHUB_REPOSITORY', () => {
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/../x' }
    expect(repositoryUrlOf(env)).toBeUndefined()
  })
})

describe('pullNumberOf', () => {
  it.each([
    ['pull_request', { pull_request: { number: 7 } }, 7],
    ['pull_request_target', { number: 8, pull_request: {} }, 8],
    ['push', { pull_request: { number: 7 } }, undefined],
    ['pull_request', { pull_request: { number: '7' } }, undefined],
    ['pull_request', { pull_request: { number: 0 } }, undefined],
    ['pull_request', { pull_request: { number: 1.5 } }, undefined],
    ['pull_request', { pull_request: { number: 2 ** 53 } }, undefined],
    ['pull_request', null, undefined]
  ])('%s %j: %j', (name, payload, expected) => {
    expect(pullNumberOf(name, payload)).toBe(expected)
  })
})

describe('SHA', () => {
  it('is a full SHA-1 or SHA-256, nothing shorter or in between', () => {
    expect(SHA.test('a'.repeat(40))).toBe(true)
    expect(SHA.test('B'.repeat(64))).toBe(true)
    for (const not of ['a'.repeat(39), 'a'.repeat(41), 'a'.repeat(63), 'g'.repeat(40), 'HEAD']) {
      expect(SHA.test(not)).toBe(false)
    }
  })
})
