import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import { redactor } from '../src/redact.js'

const redact = (text: string, secrets: readonly string[]): string => redactor(secrets)(text)

describe('redact', () => {
  it('masks every plain occurrence', () => {
    expect(redact('key=abc123 and again abc123.', ['abc123'])).toBe('key=*** and again ***.')
  })

  it('masks percent-encoded forms in either hex case and form encoding', () => {
    const secret = 'k/e y+=&'
    const upper = encodeURIComponent(secret)
    expect(upper).toContain('%2F')
    const form = new URLSearchParams({ s: secret }).toString().slice(2)
    expect(form).toContain('+')
    const text = `a ${upper} b ${upper.toLowerCase()} c ${form}`
    expect(redact(text, [secret])).toBe('a *** b *** c ***')
  })

  it('masks base64 and base64url forms, with or without padding', () => {
    const secret = 'sk_live?>>x'
    const b64 = Buffer.from(secret).toString('base64')
    const b64url = Buffer.from(secret).toString('base64url')
    expect(b64).not.toBe(b64url)
    const text = `basic ${b64} url ${b64url} bare ${b64.replace(/=+$/, '')}`
    const out = redact(text, [secret])
    expect(out).toBe('basic *** url *** bare ***')
  })

  it('masks several secrets and leaves other text alone', () => {
    expect(redact('user pass-1 key-2 done', ['pass-1', 'key-2'])).toBe('user *** *** done')
    expect(redact('nothing secret here', ['abcd'])).toBe('nothing secret here')
  })

  it('ignores empty secrets but masks short ones', () => {
    expect(redact('abc', [''])).toBe('abc')
    expect(redact('a-b-a', ['a'])).toBe('***-b-***')
  })

  it('never leaves a secret in the output (property)', () => {
    const secret = fc.string({ minLength: 1, maxLength: 40 })
    fc.assert(
      fc.property(secret, fc.string(), fc.string(), (s, before, after) => {
        const text = `${before}${s}${after} ${encodeURIComponent(s)} ${Buffer.from(s).toString('base64')}`
        const out = redact(text, [s])
        expect(out).not.toContain(Buffer.from(s).toString('base64'))
        // A secret holding the mask character could be rebuilt next to a mask.
        if (!s.includes('*')) {
          expect(out).not.toContain(s)
          expect(out).not.toContain(encodeURIComponent(s))
        }
      })
    )
  })

  it('masks JSON-escaped forms: \\u00XX in either case, \\/ and \\", also mixed', () => {
    const secret = 'k/"ey<é😀'
    const unicode = secret
      .split('')
      .map(unit => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join('')
    const body = JSON.stringify({ a: secret }).replace(/\//g, '\\/')
    expect(redact(body, [secret])).toBe('{"a":"***"}')
    expect(redact(`x ${unicode} y ${unicode.toUpperCase().replace(/\\U/g, '\\u')}`, [secret])).toBe(
      'x *** y ***'
    )
    expect(redact('k%2F\\u0022ey&lt;%C3%A9\\ud83d\\ude00', [secret])).toBe('***')
  })

  it('masks HTML character references, numeric and named', () => {
    const secret = 'a&b<c'
    expect(redact('&#97;&amp;&#x62;&lt;&#0099;', [secret])).toBe('***')
    expect(redact('a&amp;b&#60;c and a&b<c', [secret])).toBe('*** and ***')
  })

  it('masks escaped forms of the base64 (Basic auth) form too', () => {
    const secret = 'user:pa55?>?'
    const b64 = Buffer.from(secret).toString('base64')
    expect(b64).toContain('/')
    expect(redact(`"Basic ${b64.replace(/\//g, '\\/')}"`, [secret])).toBe('"Basic ***"')
  })

  it('masks the key inside a longer base64 text, at every byte alignment', () => {
    const key = 'MisoKeyAbc123XYZ'
    for (const before of ['', 'a', 'ab', 'abc', '{"api_key":"']) {
      for (const after of ['', 'x', 'xy', '"}']) {
        const embedded = Buffer.from(before + key + after)
        for (const text of [embedded.toString('base64'), embedded.toString('base64url')]) {
          const masked = redact(`request id ${text}`, [key])
          expect(masked).toContain('***')
          // What is left decodes to no more than a few bytes of the key at either end.
          for (const part of masked.slice('request id '.length).split('***')) {
            expect(Buffer.from(part, 'base64').toString('latin1')).not.toContain(key.slice(2, -2))
          }
        }
      }
    }
  })

  it('finds no base64 core in ordinary text for a long key, and none at all for a short one', () => {
    const text = 'Batch 1/1: 3 IDs not deleted: HTTP 422: invalid product id SKU-1'
    expect(redact(text, ['sk-live-0123456789abcdef'])).toBe(text)
    // A short secret has no core (it would match ordinary text); its whole forms still apply.
    expect(redact(Buffer.from('xpw!').toString('base64'), ['pw!'])).not.toContain('***')
  })

  it('leaves text without any form alone, also text with escapes in it', () => {
    const text = 'plain \\u0041 %41 &amp; + text'
    expect(redact(text, ['secret-value'])).toBe(text)
  })
})

describe('redact: a secret cut short', () => {
  const key = 'sk-live-0123456789abcdefghijklmnopqrstuv'
  const pieces = (text: string) =>
    Array.from({ length: key.length - 11 }, (_, at) => key.slice(at, at + 12)).filter(piece =>
      text.includes(piece)
    )

  it('masks the longest run that starts the secret, also percent-encoded', () => {
    expect(redact(`url ?api_key=${key.slice(0, -4)}…`, [key])).toBe('url ?api_key=***…')
    const encoded = key.slice(0, 30).replace(/-/g, '%2D')
    expect(redact(`x ${encoded} y`, [key])).toBe('x *** y')
  })

  it('masks the longest run that ends the secret, also percent-encoded', () => {
    expect(redact(`…${key.slice(9)}&x=1`, [key])).toBe('…***&x=1')
    expect(redact(`a ${key.slice(20)} b ${key.slice(25)}`, [key])).toBe('a *** b ***')
    const slashed = 'sk-live-Ab/Cd+Ef/Gh+Ij/Kl+Mn/Op+Qr/St+Uv'
    expect(redact(`…${encodeURIComponent(slashed.slice(9))}`, [slashed])).toBe('…***')
  })

  it('masks the whole piece where the secret ends or starts in a repeating run', () => {
    const zeros = `sk-live-7Hq2ZpR9xWmK4tBvN3cY${'0'.repeat(14)}`
    expect(redact(`…${zeros.slice(2)}`, [zeros])).toBe('…***')
    const abab = `sk-live-7Hq2ZpR9xWmK${'ab'.repeat(10)}`
    expect(redact(`x ${abab.slice(5)} y`, [abab])).toBe('x *** y')
    const leading = `${'a'.repeat(16)}sk-live-7Hq2ZpR9`
    expect(redact(`x ${leading.slice(0, -3)} y`, [leading])).toBe('x *** y')
  })

  it('leaves shorter pieces and other text alone, and no piece of 12 behind (property)', () => {
    expect(redact(`${key.slice(0, 11)} ${key.slice(-11)}`, [key])).toBe(
      `${key.slice(0, 11)} ${key.slice(-11)}`
    )
    fc.assert(
      fc.property(fc.nat(key.length - 12), fc.nat(key.length), fc.string(), (from, to, around) => {
        const piece = key.slice(0, Math.max(12, from + 12)).slice(0, Math.max(12, to))
        expect(pieces(redact(around + piece + around, [key]))).toEqual(pieces(around + around))
        const tail = key.slice(Math.min(from, key.length - 12))
        expect(pieces(redact(around + tail + around, [key]))).toEqual(pieces(around + around))
      })
    )
  })
})
