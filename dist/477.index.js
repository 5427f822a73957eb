export const id = 477;
export const ids = [477];
export const modules = {

/***/ 1547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IU: () => (/* binding */ gitFiles),
/* harmony export */   KU: () => (/* binding */ checkoutProblem),
/* harmony export */   q$: () => (/* binding */ ensureCommit),
/* harmony export */   tx: () => (/* binding */ HistoryError),
/* harmony export */   u9: () => (/* binding */ openGitComparison)
/* harmony export */ });
/* unused harmony exports GitError, git, isShallow, resolveCommit, parentOf, mergeBase, diffChanges, listTree, readBlobs */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_events__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _commit_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4528);
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8679);
/* harmony import */ var _github_env_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4626);
/* harmony import */ var _http_policy_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2598);
// The change and the files of any commit, read from the git checkout through one runner
// (`git`). git runs without a shell; refs reach it only after validation (event.ts) and paths
// only as NUL-separated output or blob IDs, so file names with spaces, newlines or leading
// dashes cannot be misread.







class GitError extends Error {
    stderr;
    name = 'GitError';
    constructor(args, exitCode, stderr) {
        const said = gitSaid(stderr);
        super(`git ${args[0]} failed (exit ${exitCode})${said ? `; git said: ${said}` : ''}`);
        this.stderr = stderr;
    }
}
/** The commits the comparison needs are not in the checkout and cannot be fetched. */
class HistoryError extends Error {
    name = 'HistoryError';
}
/** `git diff --raw` statuses, as FileChange's (M, T and the rest are edits). */
const KINDS = { A: 'added', D: 'deleted', R: 'renamed' };
/** How many more commits each deepening fetch asks for; then the whole history. */
const DEEPEN = ['--deepen=32', '--deepen=128', '--deepen=512', '--deepen=2048', '--unshallow'];
/** Time limits of one git process: a fetch may move a whole history, the rest is local. */
const FETCH_LIMIT_MS = 600_000;
const LOCAL_LIMIT_MS = 300_000;
/** After SIGTERM, the time git gets to clean up (lock files) before SIGKILL. */
const KILL_GRACE_MS = 2_000;
/** The change, fetching only the commits it needs; HistoryError when they cannot be had. */
async function openGitComparison(ctx, range) {
    const notices = [];
    const head = await ensureCommit(ctx, range.head);
    // The merge as it landed: in the checkout already, or fetched by SHA like any commit.
    const result = range.result === range.head ? head : await ensureCommit(ctx, range.result);
    // `<sha>^` (a push that created a branch) is the first parent of the SHA.
    const parentOfSha = /^(.+)\^$/.exec(range.base)?.[1];
    const base = range.mergeBaseOf
        ? await mergeBase(ctx, range.mergeBaseOf.base, range.mergeBaseOf.head)
        : parentOfSha && _github_env_js__WEBPACK_IMPORTED_MODULE_5__/* .SHA */ .hG.test(parentOfSha)
            ? await parentOf(ctx, parentOfSha)
            : await ensureCommit(ctx, range.base);
    if (base === undefined) {
        notices.push(`${(0,_event_js__WEBPACK_IMPORTED_MODULE_4__/* .short */ .h0)(head)} is a root commit: no file existed before it, so none was deleted.`);
    }
    const changes = base === undefined ? [] : await diffChanges(ctx, base, head);
    const files = gitFiles(ctx);
    return { ...files, via: 'git', base: base ?? head, head, result, changes, notices, warnings: [] };
}
/** The files of any commit in the checkout (for reading the IDs a commit names). */
const gitFiles = (ctx) => (0,_commit_files_js__WEBPACK_IMPORTED_MODULE_3__/* .commitFiles */ .zu)({ tree: commit => listTree(ctx, commit), blobs: objects => readBlobs(ctx, objects) });
/** Runs git; an exit code outside `okCodes` throws GitError. */
async function git(ctx, args, options = {}) {
    ctx.signal?.throwIfAborted();
    ctx.log.debug(`git ${args.join(' ')}`);
    const limit = options.timeLimitMs ?? LOCAL_LIMIT_MS;
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', ['-c', 'core.quotepath=off', ...args], {
        cwd: ctx.cwd,
        env: { ...ctx.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' },
        // Its own process group, so stopping it also stops the helpers it starts (git-remote-https).
        detached: process.platform !== 'win32'
    });
    const [stdout, stderr] = [[], []];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    // git may exit before reading all of stdin (e.g. on a bad object); its exit code says so.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    // The time limit or the run's cancellation stops git and the helpers it started.
    let stopped;
    const tooLong = new Error(`git ${args[0]} took longer than ${limit / 1000} s and was stopped`);
    const time = (0,_http_policy_js__WEBPACK_IMPORTED_MODULE_6__/* .timeLimit */ .zc)(limit, ctx.signal);
    time.signal.addEventListener('abort', () => {
        if (child.exitCode !== null)
            return;
        const why = ctx.signal?.reason;
        stopped = !ctx.signal?.aborted ? tooLong : why instanceof Error ? why : new Error('cancelled');
        killGroup(child, 'SIGTERM');
        setTimeout(() => killGroup(child, 'SIGKILL'), KILL_GRACE_MS).unref();
    });
    try {
        const [code] = (await (0,node_events__WEBPACK_IMPORTED_MODULE_1__.once)(child, 'close'));
        if (stopped)
            throw stopped;
        if (!(options.okCodes ?? [0]).includes(code ?? -1))
            throw new GitError(args, code, Buffer.concat(stderr).toString('utf8'));
        return { code: code ?? -1, stdout: Buffer.concat(stdout) };
    }
    finally {
        time.done();
    }
}
/** git's output as trimmed text; undefined when it exits with one of `misses`. */
async function gitText(ctx, args, misses = []) {
    const { code, stdout } = await git(ctx, args, { okCodes: [0, ...misses] });
    return code === 0 ? stdout.toString('utf8').trim() : undefined;
}
function killGroup(child, signal) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
        return;
    try {
        if (process.platform === 'win32')
            child.kill(signal);
        else
            process.kill(-child.pid, signal);
    }
    catch {
        // Already gone.
    }
}
/** git's message, fit to quote after a sentence of ours: prefixes dropped, lines joined, cut. */
function gitSaid(stderr) {
    const text = stderr
        .split('\n')
        .map(line => line.trim().replace(/^(?:fatal|error|warning|hint|remote):\s*/i, ''))
        .filter(Boolean)
        .join('; ');
    return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
/** Why `cwd` is not a checkout git can read the change from, or undefined when it is. */
async function checkoutProblem(ctx) {
    let lines;
    try {
        const args = ['rev-parse', '--is-inside-work-tree', '--show-toplevel'];
        lines = (await gitText(ctx, args)).split('\n');
    }
    catch (error) {
        if (!(error instanceof GitError))
            return `git cannot run in ${ctx.cwd}: ${error.message}`;
        return /not a git repository|cannot change to|no such file/i.test(error.stderr)
            ? `${ctx.cwd} is not a git checkout`
            : `git cannot read ${ctx.cwd}: ${error.message}`;
    }
    if (lines[0] !== 'true')
        return `${ctx.cwd} is not inside a git work tree`;
    // A workspace nested in some other repository must not be read as that repository.
    const [top, here] = await Promise.all([(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(lines[1]), (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(ctx.cwd)]);
    if (top !== here)
        return `${ctx.cwd} is not the top level of its git repository (${lines[1]} is)`;
    return undefined;
}
async function isShallow(ctx) {
    return (await gitText(ctx, ['rev-parse', '--is-shallow-repository'])) === 'true';
}
/** The full SHA of `rev` as a commit, or undefined when the checkout lacks it. */
function resolveCommit(ctx, rev) {
    return gitText(ctx, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], [1, 128]);
}
/**
 * The full SHA of `rev` (SHA, ref, or either with a `~n` / `^n` suffix), fetched from
 * origin when the checkout lacks it: a SHA by itself (no tags, depth 1 in a shallow
 * checkout), a suffix by deepening.
 */
async function ensureCommit(ctx, rev) {
    const found = await resolveCommit(ctx, rev);
    if (found)
        return found;
    const [, name, suffix] = /^(.*?)((?:[~^]\d*)*)$/.exec(rev);
    let tip = suffix ? await resolveCommit(ctx, name) : undefined;
    if (!tip) {
        const depth = (await isShallow(ctx)) ? ['--depth=1'] : [];
        await fetchFromOrigin(ctx, [name], `commit ${(0,_event_js__WEBPACK_IMPORTED_MODULE_4__/* .short */ .h0)(name)}`, depth);
        tip = await resolveCommit(ctx, _github_env_js__WEBPACK_IMPORTED_MODULE_5__/* .SHA */ .hG.test(name) ? name : 'FETCH_HEAD');
        if (!tip)
            throw new HistoryError(`origin sent no commit for ${(0,_event_js__WEBPACK_IMPORTED_MODULE_4__/* .short */ .h0)(name)}`);
    }
    if (!suffix)
        return tip;
    const ancestor = await deepenUntil(ctx, [tip], () => resolveCommit(ctx, `${tip}${suffix}`));
    if (!ancestor)
        throw new HistoryError(`${rev} does not exist: ${(0,_event_js__WEBPACK_IMPORTED_MODULE_4__/* .short */ .h0)(name)} has no such ancestor`);
    return ancestor;
}
/**
 * The first parent of `sha`, fetched when missing; undefined for a root commit. The commit
 * object names its parents even in a shallow checkout, so one fetch by SHA is enough.
 */
async function parentOf(ctx, sha) {
    const commit = (await gitText(ctx, ['cat-file', 'commit', await ensureCommit(ctx, sha)])) ?? '';
    const parent = /^parent ([0-9a-f]+)$/m.exec(commit.split('\n\n')[0])?.[1];
    return parent === undefined ? undefined : ensureCommit(ctx, parent);
}
/** The merge base of two commits, deepening a shallow checkout until it is found. */
async function mergeBase(ctx, a, b) {
    const tips = [await ensureCommit(ctx, a), await ensureCommit(ctx, b)];
    const base = await deepenUntil(ctx, tips, () => gitText(ctx, ['merge-base', ...tips], [1]));
    if (!base)
        throw new HistoryError(`${(0,_event_js__WEBPACK_IMPORTED_MODULE_4__/* .short */ .h0)(tips[0])} and ${(0,_event_js__WEBPACK_IMPORTED_MODULE_4__/* .short */ .h0)(tips[1])} have no common history`);
    return base;
}
/**
 * Files changed from `base` to `head`, renames detected, submodules flagged. Each entry of
 * `git diff --raw -z` is `:mode mode sha sha status\0path\0`, with a second path for a rename.
 */
async function diffChanges(ctx, base, head) {
    const options = ['--raw', '-z', '-M', '--no-abbrev', '--no-relative', '--no-ext-diff'];
    const { stdout } = await git(ctx, ['diff', ...options, '--no-textconv', base, head, '--']);
    // Byte a character: pathOf decodes the paths.
    const fields = stdout.toString('latin1').split('\0');
    const changes = [];
    for (let i = 0; fields[i]?.startsWith(':'); i += changes.at(-1)?.oldPath ? 3 : 2) {
        const [oldMode, newMode, , , status] = fields[i].slice(1).split(' ');
        const submodule = oldMode === '160000' || newMode === '160000' ? { submodule: true } : {};
        const kind = KINDS[status[0]] ?? 'modified';
        const first = pathOf(fields[i + 1], kind === 'added' || kind === 'modified' ? head : base);
        const paths = kind === 'renamed' ? { oldPath: first, path: pathOf(fields[i + 2], head) } : { path: first };
        changes.push({ status: kind, ...paths, ...submodule });
    }
    return changes;
}
/** Every file, symbolic link and submodule at `commit`: path → entry. */
async function listTree(ctx, commit) {
    const { stdout } = await git(ctx, ['ls-tree', '-r', '-z', '--full-tree', commit]);
    const files = new Map();
    for (const entry of stdout.toString('latin1').split('\0')) {
        // `<mode> <type> <object>\t<path>`; the path may hold anything but NUL.
        const tab = entry.indexOf('\t');
        const [mode, type, object] = entry.slice(0, tab).split(' ');
        if (tab > 0 && (type === 'blob' || type === 'commit'))
            files.set(pathOf(entry.slice(tab + 1), commit), { mode, object });
    }
    return files;
}
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/**
 * A file name at `commit`, as text. A name that is not UTF-8 stops the run, whatever the file:
 * decoded with replacement characters, two such names read alike and one hides the other.
 */
function pathOf(field, commit) {
    const bytes = Buffer.from(field, 'latin1');
    try {
        return UTF8.decode(bytes);
    }
    catch {
        // Every byte past ASCII as \xNN: the name as far as it can be shown, unambiguously.
        const file = [...bytes]
            .map(b => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16)}`))
            .join('');
        throw new _commit_files_js__WEBPACK_IMPORTED_MODULE_3__/* .UnreadableFileError */ .o2(file, commit, `${file} at ${(0,_event_js__WEBPACK_IMPORTED_MODULE_4__/* .short */ .h0)(commit)}: the file name is not valid UTF-8 (its bytes past ASCII shown as \\xNN), so it cannot be told apart from other such names`, 'Nothing was sent to Miso. Rename the file to a UTF-8 name (`git mv`) in a new commit; a name at the base commit of a change stays: then run by hand with a later `base`, or once with `reconcile: true`.');
    }
}
/** The contents of these blobs, read by one `git cat-file --batch`. */
async function readBlobs(ctx, blobs) {
    const wanted = [...new Set(blobs)];
    for (const blob of wanted)
        if (!_github_env_js__WEBPACK_IMPORTED_MODULE_5__/* .SHA */ .hG.test(blob))
            throw new Error(`not a blob SHA: ${blob}`);
    const contents = new Map();
    if (wanted.length === 0)
        return contents;
    const { stdout } = await git(ctx, ['cat-file', '--batch'], { input: `${wanted.join('\n')}\n` });
    // Per blob: `<object> <type> <size>\n<content>\n`, or `<object> missing\n`.
    for (let at = 0; at < stdout.length;) {
        const eol = stdout.indexOf(0x0a, at);
        const [object, type, size] = stdout.subarray(at, eol).toString('utf8').split(' ');
        if (type === 'missing' || size === undefined)
            throw new HistoryError(`git has no object ${object}`);
        contents.set(object, stdout.subarray(eol + 1, eol + 1 + Number(size)));
        at = eol + 2 + Number(size);
    }
    return contents;
}
/**
 * Runs `check` until it finds something, deepening the shallow history of `tips` step by
 * step and, as a last resort, fetching all of it. Undefined when even all history lacks it.
 */
async function deepenUntil(ctx, tips, check) {
    for (const option of DEEPEN) {
        const found = await check();
        if (found !== undefined || !(await isShallow(ctx)))
            return found;
        const what = option === '--unshallow' ? 'the whole history' : `${option.slice(9)} more commits of history`;
        await fetchFromOrigin(ctx, tips, what, [option]);
    }
    return check();
}
async function fetchFromOrigin(ctx, refs, what, options) {
    ctx.log.info(`Fetching ${what} from origin…`);
    const args = ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', ...options, 'origin'];
    try {
        await git(ctx, [...args, ...refs], { timeLimitMs: FETCH_LIMIT_MS });
    }
    catch (error) {
        if (!(error instanceof GitError))
            throw error;
        const said = gitSaid(error.stderr);
        throw new HistoryError(`cannot fetch ${what} from origin${said ? ` (git said: ${said})` : ''}`);
    }
}


/***/ }),

/***/ 9703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  J: () => (/* binding */ namedIdsAt),
  Z: () => (/* binding */ removedIds)
});

// EXTERNAL MODULE: ./src/ids/named-form.ts
var named_form = __webpack_require__(7518);
// EXTERNAL MODULE: ./src/plan.ts
var plan = __webpack_require__(2464);
// EXTERNAL MODULE: ./src/plural.ts
var plural = __webpack_require__(9133);
// EXTERNAL MODULE: ./src/ids/formats.ts
var formats = __webpack_require__(7438);
// EXTERNAL MODULE: ./src/patterns.ts
var patterns = __webpack_require__(6248);
// EXTERNAL MODULE: ./src/diff/commit-files.ts
var commit_files = __webpack_require__(4528);
// EXTERNAL MODULE: ./src/diff/event.ts
var diff_event = __webpack_require__(8679);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/json.ts
var json = __webpack_require__(8301);
// EXTERNAL MODULE: ./src/ids/id-value.ts
var id_value = __webpack_require__(6409);
// EXTERNAL MODULE: ./src/ids/removed-when.ts
var removed_when = __webpack_require__(5759);
;// CONCATENATED MODULE: ./src/diff/product-id.ts
// How a content file names its product (`id-from`). Pure: the caller reads the file.








/** True when the ID is inside the file, so the file's text must be read. */
function readsContent(idFrom) {
    return idFrom.kind === 'json' || idFrom.kind === 'frontmatter';
}
/** `id-from` as the user wrote it, for messages. */
function idFromText(idFrom) {
    return readsContent(idFrom) ? `${idFrom.kind}:${fieldOf(idFrom)}` : idFrom.kind;
}
/**
 * The product IDs that the file at `file` (repo-relative) names, at `commit` (several through a
 * `*` in the path); undefined when the file carries none (no front matter, no such key or
 * field, `null`: not a product page); none when it meets a `removed-when` condition. `text` is
 * needed when `readsContent(idFrom)` or `removedWhen` is given. Throws UnreadableFileError
 * naming file and commit when the file cannot be parsed, an ID is unusable, or an element a
 * `*` matched lacks the rest of the path.
 */
function productIds(idFrom, file, commit, text, removedWhen = []) {
    const fail = failFor(file, commit);
    const { dir, name, ext } = external_node_path_.posix.parse(file);
    // Without `json:` or `frontmatter:`, conditions read a `.json` file's JSON, others' front matter.
    const byExt = /^\.json$/i.test(ext) ? 'json' : 'frontmatter';
    const kind = readsContent(idFrom) ? idFrom.kind : byExt;
    const read = readsContent(idFrom) || removedWhen.length > 0;
    const doc = read ? documentOf(kind, text ?? '', fail) : undefined;
    if ((0,removed_when/* meetsAny */.T)(doc, removedWhen))
        return [];
    if (idFrom.kind === 'filename')
        return [name];
    if (idFrom.kind === 'path')
        return [external_node_path_.posix.join(dir, name)];
    const what = idFrom.kind === 'json' ? 'JSON field' : 'front matter key';
    const found = (0,id_value/* valuesAt */.pD)(doc, (0,id_value/* parseFieldPath */.Zl)(fieldOf(idFrom)));
    const ids = found.flatMap(([at, value]) => {
        if (value === undefined) {
            return fail(`${what} "${at}" is missing: every element that \`*\` matches must have it (null for one that names no product)`);
        }
        const id = value === null ? undefined : (0,id_value/* idOfValue */.I0)(value);
        if (typeof id === 'object')
            return fail(`${what} "${at}": ${id.problem}`);
        return id === undefined ? [] : [id];
    });
    return ids.length > 0 ? ids : undefined;
}
/**
 * Why a file that carries no ID has none, for a message: what it holds instead ("its keys are:
 * a, b", "it has no front matter"...), or undefined when it has the key or field, set to null
 * (then `id-from` names the right one).
 */
function missingField(idFrom, file, commit, text) {
    if (!readsContent(idFrom))
        return undefined;
    const doc = documentOf(idFrom.kind, text, failFor(file, commit));
    if ((0,id_value/* valuesAt */.pD)(doc, (0,id_value/* parseFieldPath */.Zl)(fieldOf(idFrom))).length > 0)
        return undefined;
    if ((0,json/* isObject */.Gv)(doc)) {
        const keys = Object.keys(doc);
        return keys.length > 0 ? `its keys are: ${keys.join(', ')}` : 'it has no keys';
    }
    return idFrom.kind === 'frontmatter' ? 'it has no front matter' : 'it is not a JSON object';
}
function fieldOf(idFrom) {
    return idFrom.kind === 'json' ? idFrom.field : idFrom.kind === 'frontmatter' ? idFrom.key : '';
}
function failFor(file, commit) {
    return problem => {
        throw new commit_files/* UnreadableFileError */.o2(file, commit, `${file} at ${(0,diff_event/* short */.h0)(commit)}: ${problem}`);
    };
}
/** The parsed JSON file, or the front matter of a Markdown file (undefined without one). */
function documentOf(kind, text, fail) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (kind === 'json')
        return parseJson(body, 'not valid JSON', fail);
    return frontMatter(body, fail);
}
/** JSON, where a key twice in one object fails, as in YAML and TOML: which one names the product? */
function parseJson(text, what, fail) {
    const value = parsed(what, fail, () => JSON.parse(text));
    const key = (0,json/* duplicateKey */.Ve)(text);
    if (key === undefined)
        return value;
    return fail(`${what} (the key ${JSON.stringify(key)} appears twice in one object)`);
}
/** What `parse` gives, or a failure: `what`, then the parser's first line (and TOML's line). */
function parsed(what, fail, parse) {
    try {
        return parse();
    }
    catch (error) {
        const { message, line } = error;
        return fail(`${what} (${message.split('\n')[0]}${line ? ` at line ${line}` : ''})`);
    }
}
/**
 * The front matter at the start of the text, in the forms static site generators write:
 * YAML between `---` lines (closed by `---` or `...`), TOML between `+++` lines, or a JSON
 * object. Undefined for a file without front matter (or with empty YAML front matter).
 */
function frontMatter(text, fail) {
    const start = frontMatterStart(text, fail);
    const rest = text.slice(start);
    if (rest.startsWith('{')) {
        const end = jsonObjectEnd(rest);
        if (end < 0)
            return fail('JSON front matter has no closing `}`');
        return parseJson(rest.slice(0, end), 'JSON front matter is not valid JSON', fail);
    }
    const lines = rest.split(LINE_END);
    const fence = lines[0].trimEnd();
    if (!/^(?:---|\+\+\+)/.test(fence))
        return undefined;
    // `----`, `---yaml`: Hugo reads a fence there and fails; other tools read front matter.
    if (fence !== '---' && fence !== '+++')
        return fail(`it starts with \`${fence.slice(0, 40)}\`, which is not a front matter fence`);
    const close = fence === '---' ? /^(?:---|\.\.\.)\s*$/ : /^\+\+\+\s*$/;
    const end = lines.findIndex((line, i) => i > 0 && close.test(line));
    if (end < 0)
        return fail(`front matter has no closing \`${fence}\` line`);
    // Empty lines for the skipped ones and the fence, so the parsers' line numbers are the file's.
    const skipped = text.slice(0, start).split(LINE_END).length - 1;
    const inner = '\n'.repeat(skipped) + ['', ...lines.slice(1, end)].join('\n');
    const data = readFrontMatter(fence, inner, fail);
    if (data !== null && !(0,json/* isObject */.Gv)(data))
        return fail('front matter is not a mapping of keys to values');
    return data ?? undefined;
}
const LINE_END = /\r\n|\r|\n/;
/**
 * Where front matter may start: past spaces, tabs, line ends and HTML comments, as Hugo's page
 * parser skips them. Hugo skips the rest of a comment's first line and reads front matter
 * right after it, even inside the comment (commented-out front matter); otherwise the whole
 * comment is skipped.
 */
function frontMatterStart(text, fail) {
    let at = skipBlank(text, 0);
    while (text.startsWith('<!--', at)) {
        const lineEnd = text.slice(at).search(/[\r\n]/);
        const next = skipBlank(text, lineEnd < 0 ? text.length : at + lineEnd);
        if (/^(?:---|\+\+\+|\{)/.test(text.slice(next, next + 3)))
            return next;
        const close = text.indexOf('-->', at + 4);
        if (close < 0)
            return fail('an HTML comment before the front matter never closes');
        at = skipBlank(text, close + 3);
    }
    return at;
}
/** Past spaces, tabs and line ends; a byte-order mark there too, as Hugo's parser ignores it. */
function skipBlank(text, from) {
    return from + /^[ \t\r\n\ufeff]*/.exec(text.slice(from))[0].length;
}
/**
 * YAML front matter. The failsafe schema keeps every scalar as written (an ID like 00123
 * stays a string); only a plain `~`, `null` or nothing is null (names no product). The
 * parser's warnings (an unresolved tag...) fail like its errors, and are never printed:
 * a page's text must reach the log only through the action's channel. (`logLevel: 'error'`
 * prints nothing; `'silent'` would also drop the error for a second document.)
 * TOML (Hugo's default): integers past 2^53 come as bigints, refused as IDs.
 */
function readFrontMatter(fence, text, fail) {
    if (fence === '+++') {
        const toml = () => (0,dist/* parse */.qg)(text, { integersAsBigInt: 'asNeeded' });
        return parsed('front matter is not valid TOML', fail, toml);
    }
    return parsed('front matter is not valid YAML', fail, () => {
        const options = { schema: 'failsafe', customTags: ['null'], merge: true, logLevel: 'error' };
        const doc = (0,yaml_dist/* parseDocument */.Tp)(text, options);
        const problem = doc.errors[0] ?? doc.warnings[0];
        if (problem)
            throw problem;
        return doc.toJS();
    });
}
/** The end (exclusive) of the JSON object that starts `text`, or -1 when it never closes. */
function jsonObjectEnd(text) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
        }
        else if (c === '"')
            inString = true;
        else if (c === '{' || c === '[')
            depth++;
        else if ((c === '}' || c === ']') && --depth === 0)
            return i + 1;
    }
    return -1;
}

;// CONCATENATED MODULE: ./src/diff/removed-ids.ts








/** The patterns of the files that name live products, then of the "to delete" lists. */
function patternsOf(rules) {
    return [
        { input: 'deleted-paths', kind: 'deleted-path', given: rules.deletedPaths },
        { input: 'id-list-files', kind: 'id-list', given: rules.idListFiles },
        { input: 'delete-list-files', kind: 'delete-list', given: rules.deleteListFiles }
    ].map(p => ({ ...p, rule: (0,patterns/* pathPatterns */.h)(p.given, p.input) }));
}
function chosen(patterns, path) {
    return patterns.some(p => p.rule.chooses(path));
}
/** The plain patterns of `rule` that match none of `paths`. */
function unmatchedOf(rule, paths) {
    return rule.plain.filter(pattern => !paths.some(path => rule.matchesPlain(pattern, path)));
}
/** The paths a change touched: both names of a renamed file. */
function touchedBy(changes) {
    return changes.flatMap(c => (c.oldPath ? [c.oldPath, c.path] : [c.path]));
}
/**
 * Every ID named at `commit` by the files matching `deletedPaths` (read with `idFrom`) and
 * `idListFiles`. Throws naming file and commit for a file that cannot be read or parsed.
 */
async function namedIdsAt(files, commit, rules, notes) {
    const patterns = patternsOf(rules).slice(0, 2);
    const paths = (await files.paths(commit)).sort(byPath);
    const [content, lists] = patterns.map(p => paths.filter(path => p.rule.chooses(path)));
    // A header row that may be an ID keeps its product, as a named ID does (see IdFileNotes).
    const maybe = [];
    const reading = {
        ...(notes ?? { notice() { }, warning() { } }),
        maybeId: (value, file) => maybe.push([(0,named_form/* namedForm */.C)(value), file])
    };
    const { byFile, skipped } = await idsOfFiles(files, commit, [content, lists], rules, reading);
    const submodules = (await files.submodules(commit)).filter(p => chosen(patterns, p));
    const byId = new Map();
    const named = [...byFile].flatMap(([file, ids]) => ids.map(id => [(0,named_form/* namedForm */.C)(id), file]));
    for (const [form, file] of [...named, ...maybe])
        if (!byId.has(form))
            byId.set(form, file);
    const unmatched = patterns.flatMap(({ input, rule }) => unmatchedOf(rule, paths).map(pattern => ({ input, pattern })));
    return { byId, byFile, skipped, submodules: submodules.sort(byPath), unmatched };
}
async function removedIds(cmp, rules) {
    const result = { groups: [], kept: [], skipped: [], notices: [], warnings: [] };
    const all = patternsOf(rules);
    // In path order at base, so git and the REST API report alike.
    const changes = [...cmp.changes].sort((a, b) => byPath(a.oldPath ?? a.path, b.oldPath ?? b.path));
    await refuseTypos(cmp, changes, all);
    result.nothingMatched = noMatchLine(changes, all);
    const submodules = touchedBy(changes.filter(c => c.submodule)).filter(p => chosen(all, p));
    const files = changes.filter(c => !c.submodule);
    const candidates = files.flatMap(c => candidatesOf(c, all.slice(0, 2)));
    const added = await addedToLists(cmp, files, all[2].rule, rules, onceEach(result));
    if (candidates.length > 0 || added.length > 0) {
        submodules.push(...(await decide(cmp, candidates, added, rules, result)));
    }
    result.share = await shareOfBase(cmp, rules, result.groups);
    if (submodules.length > 0)
        result.notices.push(submoduleNotice(submodules));
    return result;
}
/**
 * A plain pattern that matches no file at the result and no file the change touched is a typo
 * (or a path from the wrong folder): refused, or the run would quietly delete nothing forever.
 * A pattern whose last file the change deleted still matches that file, so it passes. A file
 * that is both a live list and a "to delete" list is refused: its changes read both ways.
 */
async function refuseTypos(cmp, changes, patterns) {
    const given = patterns.filter(p => p.rule.plain.length > 0);
    if (given.length === 0)
        return;
    const paths = [...touchedBy(changes), ...(await cmp.paths(cmp.result))];
    const typos = given.flatMap(({ input, rule }) => unmatchedOf(rule, paths).map(pattern => `\`${input}\` pattern \`${pattern}\``));
    const both = paths.find(path => patterns[1].rule.chooses(path) && patterns[2].rule.chooses(path));
    if (both !== undefined) {
        throw new Error(`${both} matches both \`id-list-files\` (IDs of live products: a removed line deletes it) and \`delete-list-files\` (IDs to delete: an added line deletes it), which read its changes the opposite way. Leave it out of one of them with a \`!\` pattern.`);
    }
    if (typos.length === 0)
        return;
    const [what, match] = typos.length === 1 ? [typos[0], 'matches'] : [typos.join(', '), 'match'];
    throw new Error(`${what} ${match} no file at ${(0,diff_event/* short */.h0)(cmp.result)} (the repository after the change) and no file the change touched, so nothing was deleted. Likely causes: a typo, or a path that does not start at the repository's root (patterns are relative to it, with \`/\` separators).`);
}
/**
 * Fills `result` with the candidates' groups and kept IDs; returns the matching submodules
 * at the result. The result is read first: a file unreadable there is to be fixed, one
 * unreadable only at base cannot be.
 */
async function decide(cmp, candidates, added, rules, result) {
    const notes = onceEach(result);
    // The candidates' files at base, or their own files at head: [content files, ID lists].
    const paths = (at) => ['deleted-path', 'id-list'].map(kind => candidates.filter(c => c.kind === kind && (at === 'basePath' || c.own)).map(c => c[at] ?? ''));
    const live = await namedIdsAt(cmp, cmp.result, rules, notes);
    const atBase = await idsOfFiles(cmp, cmp.base, paths('basePath'), rules, notes);
    const noId = await goneWithoutId(cmp, candidates, atBase.skipped, rules.idFrom);
    if (noId)
        result.notices.push(noId);
    // What the change itself left in its own files is not removed by it, whatever the result
    // holds (the base branch may have removed it meanwhile: that is another run's change).
    const own = await idsOfFiles(cmp, cmp.head, paths('headPath'), rules, notes);
    result.skipped = [...new Set([...atBase.skipped, ...live.skipped, ...own.skipped])].sort(byPath);
    const range = `${(0,diff_event/* short */.h0)(cmp.base)}..${(0,diff_event/* short */.h0)(cmp.head)}`;
    const isLive = (id) => live.byId.has((0,named_form/* namedForm */.C)(id));
    // Whether an ID is still named is decided on its named form; the ID deleted is as written.
    const groups = candidates.map(candidate => {
        const before = [...new Set(atBase.byFile.get(candidate.basePath))];
        const inPlace = candidate.own ? (own.byFile.get(candidate.headPath ?? '') ?? []) : [];
        const stays = new Set(inPlace.map(named_form/* namedForm */.C));
        const { kind, basePath: name } = candidate;
        const ids = before.filter(id => !stays.has((0,named_form/* namedForm */.C)(id)));
        const removed = ids.filter(id => !isLive(id));
        const detail = kind === 'id-list' ? listDetail(candidate.detail, range, removed, before) : '';
        return { kind, name, ids, detail: detail || candidate.detail };
    });
    const kept = new Map();
    for (const group of [...groups, ...added]) {
        for (const id of group.ids.filter(id => isLive(id) && !kept.has(id)))
            kept.set(id, live.byId.get((0,named_form/* namedForm */.C)(id)));
        const ids = group.ids.filter(id => !isLive(id));
        if (ids.length > 0)
            result.groups.push({ ...group, ids });
    }
    result.kept = [...kept].map(([id, path]) => ({ id, path }));
    return live.submodules;
}
/**
 * The IDs the change added to the "to delete" lists: named at the result by a list it added,
 * renamed or edited, and by none of the lists it edited, renamed or deleted at base (an ID
 * moved between two lists is not added). One group per list.
 */
async function addedToLists(cmp, changes, rule, rules, notes) {
    const changed = changes.filter(c => c.status !== 'deleted' && rule.chooses(c.path));
    if (changed.length === 0)
        return [];
    // The base branch may have removed a list since: it names nothing at the result.
    const atResult = new Set(await cmp.paths(cmp.result));
    const now = changed.map(c => c.path).filter(p => atResult.has(p));
    const earlier = changes.filter(c => c.status !== 'added').map(c => c.oldPath ?? c.path);
    const after = await idsOfFiles(cmp, cmp.result, [[], now], rules, notes);
    const before = await idsOfFiles(cmp, cmp.base, [[], earlier.filter(rule.chooses)], rules, notes);
    const there = new Set([...before.byFile.values()].flat().map(named_form/* namedForm */.C));
    const detail = `added in ${(0,diff_event/* short */.h0)(cmp.base)}..${(0,diff_event/* short */.h0)(cmp.head)}`;
    return [...after.byFile].flatMap(([name, ids]) => {
        const fresh = [...new Set(ids)].filter(id => !there.has((0,named_form/* namedForm */.C)(id)));
        return fresh.length > 0 ? [{ kind: 'delete-list', name, ids: fresh, detail }] : [];
    });
}
/**
 * The unique IDs the change deletes, of those every matching file named at base: what
 * `max-deletions-percent` measures a diff against. Every matching file at base is read, so
 * only when the guard could refuse. A list's header row that may be an ID is not counted.
 */
async function shareOfBase(cmp, rules, groups) {
    const deleting = new Set(groups.flatMap(g => g.ids.map(named_form/* namedForm */.C))).size;
    if (!(0,plan/* shareMayBeRefused */.C)(deleting, rules.maxDeletionsPercent, plan/* DIFF_SHARE_LEAST */.MT))
        return;
    // Its notes were given when the change's files were read, or are the result's.
    const named = await namedIdsAt(cmp, cmp.base, rules);
    return { deleting, named: new Set([...named.byFile.values()].flat().map(named_form/* namedForm */.C)).size };
}
/**
 * What the change did to a matching file, as candidates (a path may match both inputs). Its
 * own file at head is the same page (a moved page is reported as kept, with where it went),
 * or the same list, renamed or not.
 */
function candidatesOf(change, patterns) {
    if (change.status === 'added')
        return [];
    const basePath = change.oldPath ?? change.path;
    const headPath = change.status === 'deleted' ? undefined : change.path;
    const detail = { renamed: `renamed to ${change.path}`, deleted: 'deleted', modified: 'edited' };
    return patterns
        .filter(p => p.rule.chooses(basePath))
        .map(({ kind, rule }) => ({
        kind,
        basePath,
        headPath,
        own: !!headPath && rule.chooses(headPath) && (kind === 'id-list' || headPath === basePath),
        detail: detail[change.status]
    }));
}
function listDetail(detail, range, removed, before) {
    const counts = removed.length < before.length
        ? `${removed.length} of ${(0,plural/* plural */.L)(before.length, 'ID')} removed`
        : removed.length === 1
            ? 'its one ID removed'
            : `all ${removed.length} IDs removed`;
    return `${detail} in ${range}: ${counts}`;
}
/**
 * The IDs each file names at `commit`: content files through `id-from`, ID lists parsed. A file
 * unreadable at a change's base cannot be fixed by a later commit: the error says the ways on.
 */
async function idsOfFiles(files, commit, [contentPaths, listPaths], rules, notes) {
    const byFile = new Map();
    const skipped = [];
    const add = (file, ids) => byFile.set(file, [...(byFile.get(file) ?? []), ...ids]);
    const readContent = readsContent(rules.idFrom) || rules.removedWhen.length > 0;
    const toRead = [...new Set([...(readContent ? contentPaths : []), ...listPaths])];
    try {
        const texts = toRead.length > 0 ? await files.read(commit, toRead) : new Map();
        for (const file of contentPaths) {
            const ids = productIds(rules.idFrom, file, commit, texts.get(file), rules.removedWhen);
            if (ids === undefined)
                skipped.push(file);
            else
                add(file, ids);
        }
        const options = { notes, removedWhen: rules.removedWhen };
        for (const file of listPaths) {
            try {
                add(file, (0,formats/* parseIds */.Ae)(texts.get(file) ?? '', file, rules.idField, options));
            }
            catch (error) {
                const message = `${error.message} (at ${(0,diff_event/* short */.h0)(commit)})`;
                throw new commit_files/* UnreadableFileError */.o2(file, commit, message, undefined, { cause: error });
            }
        }
    }
    catch (error) {
        const cmp = files;
        if (!(error instanceof commit_files/* UnreadableFileError */.o2) || commit !== cmp.base)
            throw error;
        const base = (0,diff_event/* short */.h0)(commit);
        throw new commit_files/* UnreadableFileError */.o2(error.file, error.commit, `${error.message.replace(/\.$/, '')}. ${base} is the base commit of the change ${base}..${(0,diff_event/* short */.h0)(cmp.head ?? '')}, so no later commit can change it: to go on, run the workflow by hand with the \`base\` input set to a commit after ${base} whose files can be read, or run once with \`reconcile: true\``, 'Nothing was sent to Miso. Running this change again fails the same way: take one of the ways on that the error gives.', { cause: error });
    }
    return { byFile: new Map([...byFile].sort(([a], [b]) => byPath(a, b))), skipped };
}
/**
 * When `id-from` finds no ID in any matching file the change deleted or renamed (and none has
 * the field set to null), it almost certainly names the wrong field: fail, rather than pass as
 * "nothing to delete". Otherwise one notice names the files without an ID.
 */
async function goneWithoutId(cmp, candidates, skippedAtBase, idFrom) {
    const gone = candidates.filter(c => c.kind === 'deleted-path' && c.headPath !== c.basePath);
    const without = gone.map(c => c.basePath).filter(p => skippedAtBase.includes(p));
    if (without.length === 0)
        return undefined;
    const what = gone.some(c => c.headPath !== undefined) ? 'deleted or renamed' : 'deleted';
    const files = gone.length === 1 ? `${what} file` : `${what} files`;
    const using = `id-from \`${idFromText(idFrom)}\``;
    const texts = without.length === gone.length ? await cmp.read(cmp.base, without) : undefined;
    const why = without.map(p => texts && missingField(idFrom, p, cmp.base, texts.get(p) ?? ''));
    if (why.every(w => w !== undefined)) {
        const which = gone.length === 1 ? `the ${files}` : `any of the ${gone.length} ${files}, e.g.`;
        throw new Error(`${using} found no ID in ${which} ${without[0]}; ${why[0]}. Check \`id-from\`; if these files are no product pages, leave them out of \`deleted-paths\` with a \`!\` pattern.`);
    }
    const count = without.length < gone.length
        ? `${without.length} of the ${gone.length}`
        : gone.length === 1
            ? 'the'
            : `all ${gone.length}`;
    const shown = without.slice(0, 10).join(', ') + (without.length > 10 ? ', …' : '');
    return `${using} found no ID in ${count} ${files}, skipped as ${without.length === 1 ? 'not a product' : 'not products'}: ${shown}.`;
}
/** Readers' notes into `into`, each once: a list is read at base and at the result alike. */
function onceEach(into) {
    const seen = new Set();
    const once = (list) => (message) => {
        if (!seen.has(message))
            list.push(message);
        seen.add(message);
    };
    return { notice: once(into.notices), warning: once(into.warnings) };
}
/**
 * When the change touched files but no pattern chose any of them: how many changed and
 * which patterns matched none, so a typo never passes unsaid as "nothing to delete".
 */
function noMatchLine(changes, patterns) {
    const paths = touchedBy(changes);
    if (paths.length === 0 || paths.some(p => chosen(patterns, p)))
        return undefined;
    const why = [];
    const listed = (patterns) => `${patterns.length === 1 ? 'pattern' : 'patterns'} ${patterns.map(p => `\`${p}\``).join(', ')}`;
    for (const { input, rule } of patterns.filter(p => p.given.length > 0)) {
        if (rule.plain.length === 0)
            why.push(`\`${input}\` has only \`!\` patterns, which choose nothing`);
        const none = unmatchedOf(rule, paths);
        const excludedOnly = rule.plain.filter(pattern => !none.includes(pattern));
        if (none.length > 0)
            why.push(`\`${input}\` ${listed(none)} matched no changed file`);
        if (excludedOnly.length > 0)
            why.push(`every changed file that \`${input}\` ${listed(excludedOnly)} matched is left out by a \`!\` pattern`);
    }
    return `The change touched ${(0,plural/* plural */.L)(changes.length, 'file')}, but none matched the diff source's patterns, so it removes nothing: ${why.join('; ')}. Check the patterns for a typo.`;
}
function submoduleNotice(found) {
    const paths = [...new Set(found)].sort(byPath);
    return `${(0,plural/* plural */.L)(paths.length, 'submodule')} ${paths.length === 1 ? 'matches' : 'match'} the diff source's patterns and ${paths.length === 1 ? 'is' : 'are'} skipped (a submodule is another repository's commit, not a file): ${(0,diff_event/* firstOf */.Ku)(paths, 5)}.`;
}
function byPath(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ })

};
