export const id = 972;
export const ids = [972];
export const modules = {

/***/ 4972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CONTROL: () => (/* binding */ CONTROL),
/* harmony export */   LINE_LIMIT: () => (/* binding */ LINE_LIMIT),
/* harmony export */   MESSAGE_LIMIT: () => (/* binding */ MESSAGE_LIMIT),
/* harmony export */   VALUE_LIMIT: () => (/* binding */ VALUE_LIMIT),
/* harmony export */   bound: () => (/* binding */ bound),
/* harmony export */   neutralise: () => (/* binding */ neutralise),
/* harmony export */   runChannel: () => (/* binding */ runChannel)
/* harmony export */ });
/* harmony import */ var _miso_proxy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1628);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6670);
// The one text-safety layer. Every channel the action writes to goes through here, in one order:
//
//   redact (every form of every secret, redact.ts) → bound (one cut policy, bound())
//   → escape or neutralise (the channel's own syntax: Markdown, JSON, workflow commands)
//
// Files and outputs hold whole values, so they take the redacted report; the job summary and
// the pull request comment show values to people, so they take the shown report (redacted and
// bounded) and escape it themselves (markdown.ts); log lines and annotations take logLine().
// CONTROL is the one rule for control characters: IDs holding one are refused (plan.ts), the
// log escapes them, Markdown turns them into spaces.


/** Characters of one value shown to people: an ID, task ID, file name, status word, count key. */
const VALUE_LIMIT = 256;
/** Characters of one message shown to people: an error, Miso's message, a note. */
const MESSAGE_LIMIT = 2000;
/** Characters of one log line or annotation. */
const LINE_LIMIT = 4000;
/** C0 (tab included), DEL, C1, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Report fields that hold messages (sentences around values) rather than single values. */
const MESSAGE_FIELDS = new Set(['message', 'error', 'notes', 'dryRunReason', 'stoppedBy', 'note']);
/** The channel for a run: the key as given and as used, and any proxy credentials in `env`. */
function runChannel(apiKey, env) {
    const redact = (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactor */ .$)([apiKey, apiKey.trim(), ...(0,_miso_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .proxySecretsIn */ .NT)(env)]);
    return {
        /** Every form of every secret masked: for files and outputs, which keep whole values. */
        redact,
        /** The value with every string (and object key) redacted, for files and outputs. */
        redacted: (value) => mapStrings(value, redact),
        /** The redacted report with every value bounded, for the summary and the comment. */
        shown: (report) => mapStrings(report, (text, field) => bound(text, MESSAGE_FIELDS.has(field ?? '') ? MESSAGE_LIMIT : VALUE_LIMIT)),
        /** One value shown to people (an ID in a listing): redacted, then cut to VALUE_LIMIT. */
        value: (text) => bound(redact(text), VALUE_LIMIT),
        /** One line for the log or an annotation: redacted, bounded, neutralised. */
        logLine: (text) => neutralise(bound(redact(text), LINE_LIMIT))
    };
}
/**
 * `text` cut to at most `max` characters, the cut marked with `…` and the length left out.
 * The end is kept too (a third of the room), since a message's end often says what it means.
 */
function bound(text, max) {
    if (text.length <= max)
        return text;
    const marker = `…[${text.length - max} more characters]…`;
    const room = Math.max(0, max - marker.length);
    const tail = Math.floor(room / 3);
    return safeSlice(text, 0, room - tail) + marker + safeSlice(text, text.length - tail);
}
/**
 * A log line that the runner reads as text only: control characters escaped as in JSON (the
 * line stays one line), a leading `::` escaped as `\::` and the old `##[` prefix as `##\[`.
 */
function neutralise(line) {
    return line
        .replace(CONTROL, c => {
        const json = JSON.stringify(c).slice(1, -1);
        return json.length > 1 ? json : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    })
        .replace(/^(\s*)::/, '$1\\::')
        .replace(/##\[/g, '##\\[');
}
/**
 * A copy of `value` with `f` applied to every string in it, at any depth (arrays and plain
 * objects), object keys included; `f` also gets the name of the nearest property holding the
 * string. Parts in which nothing changed are shared, not copied: a million clean IDs cost one
 * pass and no new array.
 */
function mapStrings(value, f, field) {
    if (typeof value === 'string')
        return f(value, field);
    if (Array.isArray(value)) {
        let copy;
        for (let i = 0; i < value.length; i++) {
            const mapped = mapStrings(value[i], f, field);
            if (mapped !== value[i])
                (copy ??= value.slice())[i] = mapped;
        }
        return (copy ?? value);
    }
    const proto = value !== null && typeof value === 'object' && Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
        return value;
    let copy;
    for (const [key, item] of Object.entries(value)) {
        const mapped = mapStrings(item, f, key);
        const mappedKey = f(key);
        if (mapped === item && mappedKey === key)
            continue;
        copy ??= { ...value };
        if (mappedKey !== key)
            delete copy[key];
        copy[mappedKey] = mapped;
    }
    return (copy ?? value);
}
/** slice() that never leaves half of a surrogate pair at either end. */
function safeSlice(text, start, end = text.length) {
    const low = (at) => text.charCodeAt(at) >= 0xdc00 && text.charCodeAt(at) <= 0xdfff;
    const from = start > 0 && low(start) ? start + 1 : start;
    const to = end < text.length && end > from && low(end) ? end - 1 : end;
    return text.slice(from, to);
}


/***/ }),

/***/ 1628:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EE: () => (/* binding */ findProxy),
/* harmony export */   NT: () => (/* binding */ proxySecretsIn),
/* harmony export */   Pf: () => (/* binding */ agentFor),
/* harmony export */   Wm: () => (/* binding */ proxySecrets),
/* harmony export */   iJ: () => (/* binding */ proxyFor)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var http_proxy_agent__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8947);
/* harmony import */ var https_proxy_agent__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1566);
// Proxy selection from the usual environment variables, as curl reads them, and the
// matching HTTP agents. Self-hosted runners often sit behind a proxy.





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
function proxyFor(url, env) {
    const found = findProxy(url, env);
    return found && normaliseProxy(found.name, found.value);
}
/**
 * The agent for requests to `url`, for Miso's calls and GitHub's alike: a proxy agent when
 * proxyFor() names a proxy, else a keep-alive agent. Each client makes one and keeps it.
 */
function agentFor(url, env) {
    const { protocol } = new URL(url);
    const proxy = proxyFor(url, env);
    const keep = { keepAlive: true };
    // http targets go through the proxy as absolute-URI requests, https ones via CONNECT.
    if (protocol === 'http:')
        return proxy ? new http_proxy_agent__WEBPACK_IMPORTED_MODULE_3__/* .HttpProxyAgent */ .s(proxy, keep) : new (node_http__WEBPACK_IMPORTED_MODULE_0___default().Agent)(keep);
    if (protocol === 'https:')
        return proxy ? new https_proxy_agent__WEBPACK_IMPORTED_MODULE_4__/* .HttpsProxyAgent */ .b(proxy, keep) : new (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent)(keep);
    return undefined;
}
/**
 * Secrets held in a proxy URL, for the redactor: the password as written and decoded, and
 * `user:password` decoded, whose base64 is the `Proxy-Authorization: Basic` value the agents
 * send (and a proxy may echo back). Never throws, also for an unusable URL.
 */
function proxySecrets(proxy) {
    if (!URL.canParse(withScheme(proxy))) {
        // Not a URL: the part before the last `@` may still hold credentials.
        const at = proxy.lastIndexOf('@');
        const userinfo = at < 0 ? '' : proxy.slice(0, at).replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
        return userinfo ? [userinfo, ...userinfo.split(':').slice(1)] : [];
    }
    const { username, password } = new URL(withScheme(proxy));
    if (!username && !password)
        return [];
    const pass = decodeOrKeep(password);
    const secrets = [password, pass, `${decodeOrKeep(username)}:${pass}`];
    return [...new Set(secrets)].filter(secret => secret !== '');
}
/** Secrets in every proxy variable of `env`, whichever target they would serve. */
function proxySecretsIn(env) {
    const names = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
    return names.flatMap(name => proxySecrets(env[name]?.trim() ?? ''));
}
/**
 * The proxy variable that applies to `url` (see proxyFor), unless NO_PROXY bypasses it: its
 * name is for messages (a 407 asks to check it), its value never.
 */
function findProxy(url, env) {
    const target = new URL(url);
    const scheme = target.protocol.slice(0, -1);
    if (scheme !== 'http' && scheme !== 'https')
        return undefined;
    const found = firstSet(env, `${scheme}_proxy`, `${scheme.toUpperCase()}_PROXY`);
    const noProxy = firstSet(env, 'no_proxy', 'NO_PROXY')?.value;
    return noProxy && bypasses(noProxy, target) ? undefined : found;
}
function decodeOrKeep(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
function firstSet(env, ...names) {
    const name = names.find(name => env[name]?.trim());
    return name ? { name, value: env[name].trim() } : undefined;
}
function normaliseProxy(name, value) {
    const refuse = (why) => new Error(`${name} ${why}`);
    const text = withScheme(value);
    if (!URL.canParse(text))
        throw refuse('is not a valid proxy URL');
    const parsed = new URL(text);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw refuse(`uses ${parsed.protocol} proxies, which are not supported (only http and https)`);
    }
    if (!parsed.hostname)
        throw refuse('names no proxy host');
    // The agents decode the user name and password for the Proxy-Authorization header, and a
    // stray `%` would make them fail with a bare "URI malformed". (decodeOrKeep keeps what it
    // cannot decode, and a good `%XX` always decodes to another text.)
    const parts = Object.entries({ 'user name': parsed.username, password: parsed.password });
    const bad = parts.find(([, part]) => part.includes('%') && decodeOrKeep(part) === part)?.[0];
    if (bad)
        throw refuse(`has a malformed percent-escape in its ${bad}: write a \`%\` there as \`%25\``);
    return parsed.href;
}
/** A proxy value as a URL: one without a scheme is taken as `http://`. */
function withScheme(value) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
}
function bypasses(noProxy, target) {
    const host = bareHost(target.hostname);
    const port = target.port || (target.protocol === 'https:' ? '443' : '80');
    const family = node_net__WEBPACK_IMPORTED_MODULE_2___default().isIP(host);
    return noProxy.split(/[\s,]+/).some(entry => {
        if (entry === '*')
            return true;
        // `[ip]:port`, `host:port` or a bare host, IP or CIDR range (a bare IPv6 has no port).
        const match = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry) ?? /^([^:]*):(\d+)$/.exec(entry);
        const [name, entryPort] = match ? [match[1], match[2]] : [entry];
        if (entry === '' || (entryPort !== undefined && entryPort !== port))
            return false;
        if (family !== 0)
            return ipMatches(name, host, family);
        const domain = bareHost(name.replace(/^\*?\./, ''));
        return domain !== '' && (host === domain || host.endsWith(`.${domain}`));
    });
}
function ipMatches(entry, host, family) {
    const [address, prefix] = entry.split('/');
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (node_net__WEBPACK_IMPORTED_MODULE_2___default().isIP(address) !== family)
        return false;
    // BlockList compares addresses by value, so `::1` matches `0:0:0:0:0:0:0:1`.
    const list = new (node_net__WEBPACK_IMPORTED_MODULE_2___default().BlockList)();
    if (prefix === undefined)
        list.addAddress(address, type);
    else if (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)) {
        list.addSubnet(address, Number(prefix), type);
    }
    return list.check(host, type);
}
/** A host name as compared: lower case, without IPv6 brackets or a trailing dot. */
function bareHost(hostname) {
    return hostname.toLowerCase().replace(/^\[(.*)\]$|\.$/g, '$1');
}


/***/ }),

/***/ 6670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ redactor)
/* harmony export */ });
// The last line of defence for secrets: every message, body, summary line, output and file
// that may have seen a secret passes through here before it is logged, kept or written, and
// before any escaping (an escaped secret would no longer be recognised).
const MASK = '***';
/**
 * A function that replaces every occurrence of each secret with `***` (the secrets' forms are
 * worked out once, for the paths that clean many strings), also in the forms a secret takes
 * inside URLs, headers, JSON and HTML:
 *
 * - as it is, and base64 (standard and URL-safe, with or without padding: Basic auth), also
 *   inside a longer base64 text at any byte alignment (a token or a body that embeds the
 *   secret), for secrets long enough that those characters cannot match ordinary text;
 * - each character of any of those either as it is or escaped: percent-encoded (UTF-8 bytes,
 *   either hex case; `+` for a space), JSON (`\u00XX` in either case, surrogate pairs, `\/`,
 *   `\"`, `\\`) and HTML (`&#N;`, `&#xH;`, `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`).
 *   Mixed forms match too (`%2F` next to `\u002f`).
 *
 * - a piece of a secret cut at either end (an answer that echoes the request URL and is cut
 *   short): the longest run of at least MIN_FRAGMENT characters that starts or ends it, in
 *   any of those escaped forms.
 *
 * Not covered (see docs/behaviour.md): a secret split across lines or fields, hex or other
 * encodings of the whole secret, encodings applied twice.
 *
 * Any non-empty secret is redacted, however short: a one-letter secret would mask that letter
 * everywhere, which is noisy but never leaks. Empty secrets are ignored.
 */
function redactor(secrets) {
    const forms = new Set(secrets.filter(secret => secret !== '').flatMap(wholeForms));
    if (forms.size === 0)
        return text => text;
    // Longest first, so that a form containing another is masked whole.
    const ordered = [...forms].sort((a, b) => b.length - a.length);
    const cut = [...new Set(secrets)].filter(secret => [...secret].length > MIN_FRAGMENT);
    const heads = cut.map(secret => [...secret].slice(0, MIN_FRAGMENT).join(''));
    const tails = cut.map(secret => [...secret].slice(-MIN_FRAGMENT).join(''));
    const shortest = Math.min(...ordered.map(form => [...form].length), MIN_FRAGMENT);
    const pattern = new RegExp([...ordered.map(charwise), ...cut.map(secret => cutPattern(secret, true))].join('|'), 'g');
    // Costly where it is tried at every position, so only tried where a secret's end is found.
    const ends = new RegExp(tails.map(charwise).join('|'));
    const startCut = new RegExp(cut.map(secret => cutPattern(secret, false)).join('|'), 'g');
    return text => {
        if (text.length < shortest)
            return text;
        // Without any character that starts an escape, only the forms as they are can match:
        // plain substring search is much faster than the pattern on large, clean text.
        if (!ESCAPE_START.test(text)) {
            let result = ordered.reduce((t, form) => (t.includes(form) ? t.split(form).join(MASK) : t), text);
            if (heads.some(head => result.includes(head)))
                result = result.replace(pattern, MASK);
            if (tails.some(tail => result.includes(tail)))
                result = result.replace(startCut, MASK);
            return result;
        }
        const result = text.replace(pattern, MASK);
        return cut.length > 0 && ends.test(result) ? result.replace(startCut, MASK) : result;
    };
}
/** The shortest piece of a secret masked on its own: long enough never to be ordinary text. */
const MIN_FRAGMENT = 12;
/**
 * The secret cut at one end, each character in any escaped form (as charwise() matches). Cut
 * at its end: its first MIN_FRAGMENT characters and as many of the next as follow. Cut at its
 * start: its last MIN_FRAGMENT and as many of those before as precede them; the leftmost match
 * is then the longest piece, also where the secret ends in a repeating run (`…0000`).
 */
function cutPattern(secret, atEnd) {
    const chars = [...secret].map(char => charwise(char));
    if (atEnd) {
        const rest = chars.slice(MIN_FRAGMENT).reduceRight((inner, c) => `(?:${c}${inner})?`, '');
        return chars.slice(0, MIN_FRAGMENT).join('') + rest;
    }
    const lead = chars.slice(0, -MIN_FRAGMENT).reduce((inner, c) => `(?:${inner}${c})?`, '');
    return lead + chars.slice(-MIN_FRAGMENT).join('');
}
/** The characters every escaped form of a character starts with (`+` is a form-encoded space). */
const ESCAPE_START = /[\\%&+]/;
/** The secret and its base64 forms; each is then matched character by character. */
function wholeForms(secret) {
    const base64 = Buffer.from(secret, 'utf8').toString('base64');
    const unpadded = [base64, ...base64Cores(secret)].map(form => form.replace(/=+$/, ''));
    const urlSafe = unpadded.map(form => form.replace(/\+/g, '-').replace(/\//g, '_'));
    return [secret, base64, ...unpadded, ...urlSafe].filter(form => form !== '');
}
/** Below this length a base64 core could match ordinary text; the whole forms still apply. */
const MIN_CORE = 12;
/**
 * The base64 characters a secret always becomes inside a longer base64 text (a token or a
 * body that embeds it), at each of the three byte alignments: the characters that depend on
 * neither the bytes before it nor those after. They are found by encoding the secret between
 * all-zero and all-one neighbours: a character that takes any bit from a neighbour differs.
 */
function base64Cores(secret) {
    const bytes = Buffer.from(secret, 'utf8');
    const cores = [];
    for (const before of [0, 1, 2]) {
        const encode = (fill) => Buffer.concat([Buffer.alloc(before, fill), bytes, Buffer.alloc(2, fill)])
            .toString('base64')
            .replace(/=+$/, '');
        const low = encode(0x00);
        const high = encode(0xff);
        let start = 0;
        while (start < low.length && low[start] !== high[start])
            start++;
        let end = low.length;
        while (end > start && low[end - 1] !== high[end - 1])
            end--;
        if (end - start >= MIN_CORE)
            cores.push(low.slice(start, end));
    }
    return cores;
}
// HTML's named references.
const NAMES = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' };
/** A regex source matching `form` with each character as it is or in any escaped form. */
function charwise(form) {
    return [...form].map(char => `(?:${charForms(char).join('|')})`).join('');
}
function charForms(char) {
    const code = char.codePointAt(0) ?? 0;
    // JSON's short escapes (`\n`, `\"`) and `\/`, HTML's named references, `+` for a space;
    // the character as it is last, so that an escape is read whole.
    const literal = new Set([
        JSON.stringify(char).slice(1, -1),
        char === '/' ? '\\/' : char,
        NAMES[char] ? `&${NAMES[char]};` : char,
        char === ' ' ? '+' : char
    ]);
    literal.delete(char);
    return [
        // JSON: \u00XX (surrogate pairs for characters beyond the BMP).
        char.replace(/[^]/g, unit => `\\\\u${hexPattern(unit.charCodeAt(0), 4)}`),
        // Percent-encoding of the UTF-8 bytes.
        [...Buffer.from(char, 'utf8')].map(byte => `%${hexPattern(byte, 2)}`).join(''),
        // HTML character references, decimal and hex, with optional leading zeros.
        `&#0*${code};`,
        `&#[xX]0*${hexPattern(code, 1)};`,
        ...[...literal, char].map(text => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))
    ];
}
/** `n` in hex, at least `width` digits, either case: 0x2f gives `2[fF]`. */
function hexPattern(n, width) {
    return [...n.toString(16).padStart(width, '0')]
        .map(d => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
        .join('');
}


/***/ })

};
